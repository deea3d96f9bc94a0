/* linux-user/mips/abi_mips.c — the Linux o32 ABI of MIPS32 guests in both
 * byte orders (emu-mips, emu-mipsel): syscall registers (v0 number, a0-a3
 * and four words on the stack, result in v0 with the error flag in a3),
 * the exceptions of frontend/mips, the o32 calls that return in two
 * registers or that only MIPS has, cpu models.
 */
#include "abi_mips.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "frontend/mips/cpu.h"
#include "linux-user/guest_mem.h"
#include "linux-user/signal.h"
#include "linux-user/syscall.h"
#include "linux-user/task.h"

/* o32 syscall numbers handled here rather than by the generic code. */
enum {
    MIPS_NR_SYSCALL = 4000,
    MIPS_NR_PIPE = 4042,
    MIPS_NR_MMAP = 4090,
    MIPS_NR_CACHECTL = 4148,
    MIPS_NR_SYSMIPS = 4149,
    MIPS_NR_PRCTL = 4192,
    MIPS_NR_SET_THREAD_AREA = 4283,
};

/* prctl options only MIPS has (include/uapi/linux/prctl.h). */
enum { TGT_PR_SET_FP_MODE = 45, TGT_PR_GET_FP_MODE = 46,
       TGT_PR_FP_MODE_FR = 1, TGT_PR_FP_MODE_FRE = 2 };

/* Register numbers of the o32 convention. */
enum { R_V0 = 2, R_V1 = 3, R_A0 = 4, R_A3 = 7, R_T9 = 25, R_SP = 29 };

/* e_flags (arch/mips/include/asm/elf.h). */
#define TGT_EF_MIPS_ARCH       0xf0000000u
#define TGT_EF_MIPS_ARCH_32R2  0x70000000u
#define TGT_EF_MIPS_ARCH_32R6  0x90000000u
#define TGT_EF_MIPS_ARCH_64    0x60000000u
#define TGT_EF_MIPS_ARCH_64R2  0x80000000u
#define TGT_EF_MIPS_ABI2       0x00000020u
#define TGT_EF_MIPS_NAN2008    0x00000400u

static MipsState *mips_env(CpuCommon *cpu)
{
    return (MipsState *)cpu;
}

static const MipsState *mips_cenv(const CpuCommon *cpu)
{
    return (const MipsState *)cpu;
}

static bool mips_elf_flags_ok(uint32_t e_flags, char *err, size_t errlen)
{
    uint32_t arch = e_flags & TGT_EF_MIPS_ARCH;

    if (e_flags & TGT_EF_MIPS_ABI2) {
        snprintf(err, errlen, "an n32 program; emu-mips runs o32 programs");
        return false;
    }
    if (arch == TGT_EF_MIPS_ARCH_32R6) {
        snprintf(err, errlen, "a MIPS32 release 6 program; emu-mips "
                 "implements MIPS32 release 2");
        return false;
    }
    if (arch == TGT_EF_MIPS_ARCH_64 || arch == TGT_EF_MIPS_ARCH_64R2) {
        snprintf(err, errlen, "a MIPS64 program; emu-mips implements "
                 "MIPS32 release 2");
        return false;
    }
    if (e_flags & TGT_EF_MIPS_NAN2008) {
        snprintf(err, errlen, "a NaN-2008 program; emu-mips implements the "
                 "legacy NaN encoding");
        return false;
    }
    return true;
}

/* No model advertises MIPS16, microMIPS or DSP in AT_HWCAP: none is
 * implemented. uname -m is "mips" in both byte orders, as the kernel
 * reports it. */
static const AbiCpuModel mips_cpu_models[] = {
    { "24Kf", "MIPS 24Kf: MIPS32 release 2 with FPU",
      "mips", NULL, 0, 0, MIPS_FEATURE_FPU | MIPS_FEATURE_R2 },
    { "24Kc", "MIPS 24Kc: MIPS32 release 2, no FPU (emulated as Linux does)",
      "mips", NULL, 0, 0, MIPS_FEATURE_R2 },
    { "34Kf", "MIPS 34Kf: MIPS32 release 2 with FPU (MT not implemented)",
      "mips", NULL, 0, 0, MIPS_FEATURE_FPU | MIPS_FEATURE_R2 },
    { "74Kf", "MIPS 74Kf: MIPS32 release 2 with FPU (DSPr2 not "
      "implemented)", "mips", NULL, 0, 0,
      MIPS_FEATURE_FPU | MIPS_FEATURE_R2 },
    { "4Kc", "MIPS 4Kc: MIPS32 release 1, no FPU (emulated as Linux does)",
      "mips", NULL, 0, 0, 0 },
    { "4KEc", "MIPS 4KEc: MIPS32 release 2, no FPU (emulated as Linux does)",
      "mips", NULL, 0, 0, MIPS_FEATURE_R2 },
    { "mips32r2-generic", "every MIPS32 release 2 feature emu implements "
      "(= max)", "mips", NULL, 0, 0, MIPS_FEATURE_FPU | MIPS_FEATURE_R2 },
    { "max", "every MIPS32 release 2 feature emu implements",
      "mips", NULL, 0, 0, MIPS_FEATURE_FPU | MIPS_FEATURE_R2 },
    { NULL },
};

/* On a core without FPU, Linux emulates every CP1 instruction in the
 * kernel (arch/mips/math-emu): user space sees a working FPU whose FIR
 * reads 0. The frontend's FPU is enabled for every model, and FIR tells
 * the two apart as the kernel's emulator does. */
static void mips_cpu_init(CpuCommon *cpu, const AbiCpuModel *model, bool be)
{
    uint32_t f = (uint32_t)(model ? model->features
                                  : mips_cpu_models[0].features);
    MipsState *env = mips_env(cpu);

    mips_cpu_reset(env, be, f | MIPS_FEATURE_FPU);
    if (!(f & MIPS_FEATURE_FPU)) {
        env->fcr0 = 0;
    }
}

static void mips_cpu_init_be(CpuCommon *cpu, const AbiCpuModel *model)
{
    mips_cpu_init(cpu, model, true);
}

static void mips_cpu_init_le(CpuCommon *cpu, const AbiCpuModel *model)
{
    mips_cpu_init(cpu, model, false);
}

static void mips_write_cpuinfo(FILE *out, const AbiCpuModel *model,
                               int ncpus)
{
    const char *name = model ? model->name : mips_cpu_models[0].name;
    bool fpu = model ? (model->features & MIPS_FEATURE_FPU) != 0 : true;

    fprintf(out, "system type\t\t: emu\n");
    fprintf(out, "machine\t\t\t: Unknown\n");
    for (int i = 0; i < ncpus; i++) {
        fprintf(out, "processor\t\t: %d\n", i);
        fprintf(out, "cpu model\t\t: MIPS %s V7.4%s\n", name,
                fpu ? "  FPU V0.0" : "");
        fprintf(out, "BogoMIPS\t\t: 500.00\n");
        fprintf(out, "wait instruction\t: yes\n");
        fprintf(out, "microsecond timers\t: yes\n");
        fprintf(out, "tlb_entries\t\t: 64\n");
        fprintf(out, "extra interrupt vector\t: yes\n");
        fprintf(out, "hardware watchpoint\t: no\n");
        fprintf(out, "isa\t\t\t: mips1 mips2 mips32r1%s\n",
                model && !(model->features & MIPS_FEATURE_R2) ? ""
                                                             : " mips32r2");
        fprintf(out, "ASEs implemented\t:\n");
        fprintf(out, "Options implemented\t: tlb 4kex 4k_cache%s llsc "
                "userlocal\n", fpu ? " fpu" : "");
        fprintf(out, "shadow register sets\t: 1\n");
        fprintf(out, "kscratch registers\t: 0\n");
        fprintf(out, "package\t\t\t: 0\n");
        fprintf(out, "core\t\t\t: %d\n", i);
        fprintf(out, "VCED exceptions\t\t: not available\n");
        fprintf(out, "VCEI exceptions\t\t: not available\n\n");
    }
}

/* The FP mode at exec (arch_check_elf): refuses what the kernel refuses. */
static bool mips_setup_process(LinuxProcess *proc, char *err, size_t errlen)
{
    uint64_t f = proc->cpu_model ? proc->cpu_model->features
                                 : mips_cpu_models[0].features;
    uint32_t mode;

    return mips_exec_fp_mode((f & MIPS_FEATURE_FPU) != 0,
                             (f & MIPS_FEATURE_R2) != 0, &mode, err, errlen);
}

static void mips_init_regs(CpuCommon *cpu, const AbiStartInfo *start)
{
    MipsState *env = mips_env(cpu);
    uint32_t mode = 0;
    char err[8];

    /* mips_set_personality_fp: FR per the ABI flags (checked above). */
    mips_exec_fp_mode((env->fcr0 & (1u << 22)) != 0,
                      (env->features & MIPS_FEATURE_R2) != 0, &mode, err,
                      sizeof(err));
    env->fp_mode = mode;

    /* start_thread + ELF_PLAT_INIT: every register 0 (v0 is rtld_fini
     * for glibc's __start), sp at argc, t9 the entry as PIC code likes. */
    memset(env->gpr, 0, sizeof(env->gpr));
    env->gpr[R_SP] = start->sp;
    env->gpr[R_T9] = start->entry;
    env->pc = start->entry;
}

/* o32: v0 = number, a0-a3, then arguments 5-8 at sp + 16 .. sp + 28
 * (the kernel loads all four; a bad stack is EFAULT). syscall(2) itself
 * (4000) shifts everything by one. */
static int mips_get_syscall(CpuCommon *cpu, SyscallCall *call)
{
    MipsState *env = mips_env(cpu);
    uint32_t sp = env->gpr[R_SP];
    uint32_t a[8];

    for (int i = 0; i < 4; i++) {
        a[i] = env->gpr[R_A0 + i];
    }
    for (int i = 0; i < 4; i++) {
        if (guest_get_u32(sp + 16 + 4 * (uint32_t)i, &a[4 + i]) < 0) {
            return -EFAULT;
        }
    }
    if (env->gpr[R_V0] == MIPS_NR_SYSCALL) {
        call->guest_nr = a[0];
        for (int i = 0; i < 7; i++) {
            call->arg[i] = a[i + 1];
        }
        call->arg[7] = 0;
        return 0;
    }
    call->guest_nr = env->gpr[R_V0];
    for (int i = 0; i < 8; i++) {
        call->arg[i] = a[i];
    }
    return 0;
}

/* v0 = result, a3 = 0; on failure v0 = the positive errno, a3 = 1. */
static void mips_set_syscall_result(CpuCommon *cpu, int64_t ret)
{
    MipsState *env = mips_env(cpu);

    if (ret < 0 && ret >= -4095) {
        env->gpr[R_V0] = (uint32_t)-ret;
        env->gpr[R_A3] = 1;
    } else {
        env->gpr[R_V0] = (uint32_t)ret;
        env->gpr[R_A3] = 0;
    }
}

/* v0 and a3 still hold the number and the fourth argument (no result was
 * written): going back to the SYSCALL instruction is all it takes. */
static void mips_restart_syscall(CpuCommon *cpu)
{
    mips_env(cpu)->pc -= 4;
}

/* The o32 calls only MIPS has, or that return in two registers. Returns
 * true when `nr` was one of them (the result is written). */
static bool mips_own_syscall(CpuCommon *cpu, uint32_t nr)
{
    MipsState *env = mips_env(cpu);
    const LinuxAbi *abi = linux_process.abi;
    int fds[2];

    switch (nr) {
    case MIPS_NR_PIPE:
        /* sysm_pipe: the two descriptors in v0 and v1. */
        if (pipe(fds) < 0) {
            mips_set_syscall_result(cpu, -(int64_t)abi_errno_to_guest(abi,
                                                                  errno));
            return true;
        }
        mips_set_syscall_result(cpu, fds[0]);
        env->gpr[R_V1] = (uint32_t)fds[1];
        return true;
    case MIPS_NR_SET_THREAD_AREA:
        env->ulr = env->gpr[R_A0];
        mips_set_syscall_result(cpu, 0);
        return true;
    case MIPS_NR_MMAP: {
        /* sys_mips_mmap: mmap2's arguments with the offset in bytes
         * (fd and offset are the 5th and 6th, on the stack). */
        uint32_t fd, off;
        int64_t r;
        if (guest_get_u32(env->gpr[R_SP] + 16, &fd) < 0 ||
            guest_get_u32(env->gpr[R_SP] + 20, &off) < 0) {
            r = -EFAULT;
        } else if (off & (GUEST_PAGE_SIZE - 1)) {
            r = -EINVAL;
        } else if (env->gpr[R_A0 + 2] & ~7u) {
            r = -EINVAL;
        } else {
            r = guest_mmap(env->gpr[R_A0], env->gpr[R_A0 + 1],
                           (int)env->gpr[R_A0 + 2],
                           (int)abi_flags_to_host(abi->mmap_flags,
                                                  env->gpr[R_A0 + 3]),
                           (int)fd, off);
        }
        mips_set_syscall_result(cpu, r < 0 ? -(int64_t)abi_errno_to_guest(
                                                  abi, (int)-r) : r);
        return true;
    }
    case MIPS_NR_PRCTL:
        /* PR_GET/SET_FP_MODE as the kernel (fpmode_mips.c); other
         * options: generic code. */
        if (env->gpr[R_A0] == TGT_PR_GET_FP_MODE) {
            mips_set_syscall_result(cpu, env->fp_mode);
            return true;
        }
        if (env->gpr[R_A0] == TGT_PR_SET_FP_MODE) {
            int r = mips_set_fp_mode(env, env->gpr[R_A0 + 1]);
            mips_set_syscall_result(cpu, r < 0 ? -(int64_t)abi_errno_to_guest(
                                                     abi, -r) : 0);
            return true;
        }
        return false;
    case MIPS_NR_CACHECTL:
        /* cachectl(addr, nbytes, op): nothing to do for user mode. */
        mips_set_syscall_result(cpu, 0);
        return true;
    default:
        return false;
    }
}

/* Linux's break codes (arch/mips/include/uapi/asm/break.h) and what
 * do_trap_or_bp() makes of them. */
enum { BRK_OVERFLOW = 6, BRK_DIVZERO = 7, BRK_BUG = 12 };
enum { TGT_FPE_INTOVF = 2, TGT_FPE_FLTDIV = 3, TGT_FPE_FLTOVF = 4,
       TGT_FPE_FLTUND = 5, TGT_FPE_FLTRES = 6, TGT_FPE_FLTINV = 7 };

static void mips_trap_or_bp(MipsState *env, uint32_t code, int si_code,
                            AbiExcp *out)
{
    out->action = ABI_EXCP_SIGNAL;
    switch (code) {
    case BRK_OVERFLOW:
    case BRK_DIVZERO:
        out->tgt_signo = abi_signal_to_guest(linux_process.abi, SIGFPE);
        out->tgt_code = code == BRK_DIVZERO ? TGT_FPE_INTDIV : TGT_FPE_INTOVF;
        out->addr = env->pc;
        return;
    default:
        out->tgt_signo = abi_signal_to_guest(linux_process.abi, SIGTRAP);
        out->tgt_code = si_code;
        out->addr = 0;
        return;
    }
}

/* -strace line of a call mips_own_syscall() ran (the dispatcher, which
 * prints the others, did not see it). */
static void mips_strace_own(CpuCommon *cpu, uint32_t nr, uint32_t a0)
{
    MipsState *env = mips_env(cpu);
    const char *name = nr == MIPS_NR_PIPE ? "pipe"
                       : nr == MIPS_NR_MMAP ? "mmap"
                       : nr == MIPS_NR_SET_THREAD_AREA ? "set_thread_area"
                       : nr == MIPS_NR_CACHECTL ? "cachectl" : "prctl";

    if (!strace_enabled) {
        return;
    }
    if (env->gpr[R_A3]) {
        strace_printf("%d %s(0x%x) = -1 errno=%u\n", (int)getpid(), name, a0,
                      env->gpr[R_V0]);
    } else if (nr == MIPS_NR_PIPE) {
        strace_printf("%d pipe() = %u,%u\n", (int)getpid(), env->gpr[R_V0],
                      env->gpr[R_V1]);
    } else {
        strace_printf("%d %s(0x%x) = %u\n", (int)getpid(), name, a0,
                      env->gpr[R_V0]);
    }
}

static void mips_handle_exception(CpuCommon *cpu, int excp, AbiExcp *out)
{
    MipsState *env = mips_env(cpu);
    const LinuxAbi *abi = linux_process.abi;
    uint32_t code, nr;

    memset(out, 0, sizeof(*out));
    switch (excp) {
    case MIPS_EXCP_SYSCALL:
        nr = env->gpr[R_V0];
        code = env->gpr[R_A0];
        if (mips_own_syscall(cpu, nr)) {
            mips_strace_own(cpu, nr, code);
            out->action = ABI_EXCP_DONE;
            return;
        }
        out->action = ABI_EXCP_SYSCALL;
        return;
    case MIPS_EXCP_BREAK:
        /* do_bp(): a 20-bit code from old assemblers has the 10 bits
         * that matter in its high half. */
        code = env->excp_info;
        if (code >= (1u << 10)) {
            code = ((code & 0x3ff) << 10) | (code >> 10);
        }
        mips_trap_or_bp(env, code, TGT_TRAP_BRKPT, out);
        return;
    case MIPS_EXCP_TRAP:
        mips_trap_or_bp(env, env->excp_info, TGT_SI_KERNEL, out);
        return;
    case MIPS_EXCP_OVERFLOW:
        out->action = ABI_EXCP_SIGNAL;
        out->tgt_signo = abi_signal_to_guest(abi, SIGFPE);
        out->tgt_code = TGT_FPE_INTOVF;
        out->addr = env->pc;
        return;
    case MIPS_EXCP_RI:
    case MIPS_EXCP_CPU:
        /* do_ri() / do_cpu(): force_sig(SIGILL), so si_code is SI_KERNEL
         * and there is no address. (CpU comes from CACHE: CP1 is always
         * usable under Linux, see mips_cpu_init.) */
        out->action = ABI_EXCP_SIGNAL;
        out->tgt_signo = abi_signal_to_guest(abi, SIGILL);
        out->tgt_code = TGT_SI_KERNEL;
        out->addr = 0;
        return;
    case MIPS_EXCP_FPE: {
        /* The highest-priority enabled cause (do_fpe()). */
        uint32_t f = mips_fcsr_get(env);
        uint32_t c = f >> 12 & (f >> 7 | 0x20);
        out->action = ABI_EXCP_SIGNAL;
        out->tgt_signo = abi_signal_to_guest(abi, SIGFPE);
        out->tgt_code = c & 0x10 ? TGT_FPE_FLTINV : c & 0x08 ? TGT_FPE_FLTDIV
                        : c & 0x04 ? TGT_FPE_FLTOVF
                        : c & 0x02 ? TGT_FPE_FLTUND
                        : c & 0x01 ? TGT_FPE_FLTRES : TGT_SI_KERNEL;
        out->addr = env->pc;
        return;
    }
    case MIPS_EXCP_ADEL:
        /* do_ade(): an instruction fetch from a misaligned pc is
         * force_sig(SIGBUS). */
        out->action = ABI_EXCP_SIGNAL;
        out->tgt_signo = abi_signal_to_guest(abi, SIGBUS);
        out->tgt_code = TGT_SI_KERNEL;
        out->addr = 0;
        return;
    case EXCP_FETCH_FAULT:
        out->action = ABI_EXCP_SIGNAL;
        out->tgt_signo = abi_signal_to_guest(abi, SIGSEGV);
        out->tgt_code = page_get_flags((uint32_t)cpu->excp_addr) & PAGE_VALID
                        ? TGT_SEGV_ACCERR : TGT_SEGV_MAPERR;
        out->addr = (uint32_t)cpu->excp_addr;
        return;
    case EXCP_UNALIGNED:
        /* LL/SC, the only accesses emu performs aligned-only: do_ade()'s
         * emulator does not know them and ends in force_sig(SIGILL). */
        out->action = ABI_EXCP_SIGNAL;
        out->tgt_signo = abi_signal_to_guest(abi, SIGILL);
        out->tgt_code = TGT_SI_KERNEL;
        out->addr = 0;
        return;
    default:
        out->action = ABI_EXCP_UNKNOWN;
        return;
    }
}

static uint32_t mips_get_pc(const CpuCommon *cpu)
{
    return mips_cenv(cpu)->pc;
}

static void mips_set_pc(CpuCommon *cpu, uint32_t pc)
{
    mips_env(cpu)->pc = pc;
}

static uint32_t mips_get_sp(const CpuCommon *cpu)
{
    return mips_cenv(cpu)->gpr[R_SP];
}

static void mips_set_tls(CpuCommon *cpu, uint32_t tls)
{
    mips_env(cpu)->ulr = tls;
}

static uint32_t mips_get_tls(const CpuCommon *cpu)
{
    return mips_cenv(cpu)->ulr;
}

/* The child of clone returns 0 with a3 = 0 (success). */
static void mips_clone_regs(CpuCommon *child, uint32_t newsp)
{
    MipsState *env = mips_env(child);

    if (newsp) {
        env->gpr[R_SP] = newsp;
    }
    env->gpr[R_V0] = 0;
    env->gpr[R_A3] = 0;
}

const LinuxAbi linux_abi_mips = {
    .arch = &guest_mips,
    .name = "mips",
    .elf_machine = MIPS_ELF_MACHINE,
    .elf_class = 1,
    .big_endian = true,
    .elf_flags_ok = mips_elf_flags_ok,
    .cpu_models = mips_cpu_models,
    .cpu_init = mips_cpu_init_be,
    .write_cpuinfo = mips_write_cpuinfo,
    .init_regs = mips_init_regs,
    .setup_process = mips_setup_process,
    .stack_align = 8,
    .elf_exec_pagesize = 4096,
    .syscalls = &syscall_table_mips,
    .get_syscall = mips_get_syscall,
    .set_syscall_result = mips_set_syscall_result,
    .restart_syscall = mips_restart_syscall,
    .regpair_aligned = true,
    .handle_exception = mips_handle_exception,
    .errno_to_guest = mips_errno_to_guest,
    .errno_count = MIPS_ERRNO_COUNT,
    .tgt_nsig = 129,
    .signal_to_host = mips_signal_to_host,
    .signal_to_guest = mips_signal_to_guest,
    .open_flags = mips_open_flags,
    .mmap_flags = mips_mmap_flags,
    .mmap_prot = NULL,
    .thunk_rules = { .long_size = 4, .align8 = 8, .big_endian = true },
    .structs = mips_structs,
    .get_pc = mips_get_pc,
    .set_pc = mips_set_pc,
    .get_sp = mips_get_sp,
    .set_tls = mips_set_tls,
    .get_tls = mips_get_tls,
    .clone_regs = mips_clone_regs,
    .setup_frame = mips_setup_frame,
    .do_sigreturn = mips_do_sigreturn,
    /* 2 GiB user space (KSEG0 starts at 0x80000000). */
    .task_size = 0x7fff8000u,
    .sa_flags = mips_sa_flags,
    .sigaction_layout = &mips_sigaction_layout,
    .sig_block_base = 1,
    .siginfo_swapped = true,
    .stack_t_size_second = true,
    .fcntl_cmds = mips_fcntl_cmds,
    .rlimit_res = mips_rlimit_res,
    .sock_types = mips_sock_types,
    .sock_levels = mips_sock_levels,
    .sol_socket_opts = mips_sol_socket_opts,
    .ioctl_cmds = mips_ioctl_cmds,
    .termios_lflag = mips_termios_lflag,
};

const LinuxAbi linux_abi_mipsel = {
    .arch = &guest_mipsel,
    .name = "mipsel",
    .elf_machine = MIPS_ELF_MACHINE,
    .elf_class = 1,
    .big_endian = false,
    .elf_flags_ok = mips_elf_flags_ok,
    .cpu_models = mips_cpu_models,
    .cpu_init = mips_cpu_init_le,
    .write_cpuinfo = mips_write_cpuinfo,
    .init_regs = mips_init_regs,
    .setup_process = mips_setup_process,
    .stack_align = 8,
    .elf_exec_pagesize = 4096,
    .syscalls = &syscall_table_mips,
    .get_syscall = mips_get_syscall,
    .set_syscall_result = mips_set_syscall_result,
    .restart_syscall = mips_restart_syscall,
    .regpair_aligned = true,
    .handle_exception = mips_handle_exception,
    .errno_to_guest = mips_errno_to_guest,
    .errno_count = MIPS_ERRNO_COUNT,
    .tgt_nsig = 129,
    .signal_to_host = mips_signal_to_host,
    .signal_to_guest = mips_signal_to_guest,
    .open_flags = mips_open_flags,
    .mmap_flags = mips_mmap_flags,
    .mmap_prot = NULL,
    .thunk_rules = { .long_size = 4, .align8 = 8, .big_endian = false },
    .structs = mips_structs,
    .get_pc = mips_get_pc,
    .set_pc = mips_set_pc,
    .get_sp = mips_get_sp,
    .set_tls = mips_set_tls,
    .get_tls = mips_get_tls,
    .clone_regs = mips_clone_regs,
    .setup_frame = mips_setup_frame,
    .do_sigreturn = mips_do_sigreturn,
    .task_size = 0x7fff8000u,
    .sa_flags = mips_sa_flags,
    .sigaction_layout = &mips_sigaction_layout,
    .sig_block_base = 1,
    .siginfo_swapped = true,
    .stack_t_size_second = true,
    .fcntl_cmds = mips_fcntl_cmds,
    .rlimit_res = mips_rlimit_res,
    .sock_types = mips_sock_types,
    .sock_levels = mips_sock_levels,
    .sol_socket_opts = mips_sol_socket_opts,
    .ioctl_cmds = mips_ioctl_cmds,
    .termios_lflag = mips_termios_lflag,
};

/* linux-user/arm/abi_arm.c — the Linux ABI of ARM EABI guests (Debian
 * armel on ARMv5TE, armhf on ARMv7-A): syscall registers (r7 and r0–r6, result in r0), the
 * exceptions of frontend/arm, the kuser helper page at 0xffff0000, cpu
 * models with their hwcaps, open flag numbering, /proc/cpuinfo.
 */
#include "abi_arm.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#include "frontend/arm/cpu.h"
#include "linux-user/guest_mem.h"
#include "linux-user/signal.h"
#include "linux-user/syscall.h"
#include "linux-user/task.h"

/* e_flags (arch/arm/include/asm/elf.h, ELF for the ARM Architecture). */
#define TGT_EF_ARM_EABIMASK 0xff000000u
#define TGT_EF_ARM_ABI_FLOAT_HARD 0x00000400u

/* The kuser helper interface version the page advertises: the number of
 * 32-byte helper slots below its end (5: cmpxchg64 at 0xffff0f60). */
#define ARM_KUSER_HELPER_VERSION 5u

static ArmState *arm_env(CpuCommon *cpu)
{
    return (ArmState *)cpu;
}

static const ArmState *arm_cenv(const CpuCommon *cpu)
{
    return (const ArmState *)cpu;
}

static bool arm_elf_flags_ok(uint32_t e_flags, char *err, size_t errlen)
{
    uint32_t eabi = (e_flags & TGT_EF_ARM_EABIMASK) >> 24;

    if (eabi == 0) {
        snprintf(err, errlen, "an old-ABI (OABI) ARM program; emu-arm runs "
                 "EABI programs");
        return false;
    }
    return true;
}

#define ARM_V5TE_HWCAP (TGT_ARM_HWCAP_SWP | TGT_ARM_HWCAP_HALF \
                        | TGT_ARM_HWCAP_THUMB | TGT_ARM_HWCAP_FAST_MULT \
                        | TGT_ARM_HWCAP_EDSP | TGT_ARM_HWCAP_TLS)
#define ARM_V6_FEATURES (ARM_FEATURE_V5TE | ARM_FEATURE_THUMB \
                         | ARM_FEATURE_V6 | ARM_FEATURE_V6K)
#define ARM_V7_FEATURES (ARM_V6_FEATURES | ARM_FEATURE_THUMB2 \
                         | ARM_FEATURE_V7)
#define ARM_DIV_FEATURES (ARM_FEATURE_ARM_DIV | ARM_FEATURE_THUMB_DIV)
#define ARM_DIV_HWCAP (TGT_ARM_HWCAP_IDIVA | TGT_ARM_HWCAP_IDIVT)

#define ARM_VFP2_FEATURES ARM_FEATURE_VFP
#define ARM_VFP3_FEATURES (ARM_FEATURE_VFP | ARM_FEATURE_VFP3 \
                           | ARM_FEATURE_VFP_D32)
#define ARM_VFP4_FEATURES (ARM_VFP3_FEATURES | ARM_FEATURE_VFP4 \
                           | ARM_FEATURE_FP16)
#define ARM_VFP2_HWCAP TGT_ARM_HWCAP_VFP
#define ARM_VFP3_HWCAP (TGT_ARM_HWCAP_VFP | TGT_ARM_HWCAP_VFPv3 \
                        | TGT_ARM_HWCAP_VFPD32)
#define ARM_VFP4_HWCAP (ARM_VFP3_HWCAP | TGT_ARM_HWCAP_VFPv4)

/* The hwcaps list exactly what the frontend implements for the model:
 * VFP is there (VFPv2 on the ARM11 cores, VFPv3-D32 on Cortex-A8/A9,
 * VFPv4-D32 with half precision on Cortex-A7/A15); NEON (Advanced SIMD)
 * is not implemented, so no model has the neon bit (glibc then takes its
 * VFP/ARM string functions). VFPv3-fp16 of the Cortex-A9 is not
 * advertised (no hwcap names it; VCVTB/VCVTT are UDEF there). */
static const AbiCpuModel arm_cpu_models[] = {
    /* Unaligned LDR/STR behave as on a real ARMv5 core under Linux's
     * default for pre-v6 cores (rotated loads, stores aligned down);
     * "any" performs them as ARMv6+ cores do. */
    { "arm926", "ARM926EJ-S: ARMv5TE, ARM and Thumb (no Jazelle, no VFP)",
      "armv5tel", "v5l", ARM_V5TE_HWCAP, 0,
      ARM_FEATURE_V5TE | ARM_FEATURE_THUMB | ARM_FEATURE_V5_UNALIGNED },
    { "any", "ARMv5TE with ARMv6-style unaligned word accesses",
      "armv5tel", "v5l", ARM_V5TE_HWCAP, 0,
      ARM_FEATURE_V5TE | ARM_FEATURE_THUMB },
    { "arm1136", "ARM1136JF-S: ARMv6K, VFPv2 (d0-d15)",
      "armv6l", "v6l", ARM_V5TE_HWCAP | ARM_VFP2_HWCAP, 0,
      ARM_V6_FEATURES | ARM_VFP2_FEATURES },
    { "arm1176", "ARM1176JZF-S: ARMv6K, VFPv2 (d0-d15)",
      "armv6l", "v6l", ARM_V5TE_HWCAP | ARM_VFP2_HWCAP, 0,
      ARM_V6_FEATURES | ARM_VFP2_FEATURES },
    { "cortex-a7", "Cortex-A7: ARMv7-A, Thumb-2, SDIV/UDIV, VFPv4-D32 "
      "(no NEON)",
      "armv7l", "v7l", ARM_V5TE_HWCAP | ARM_DIV_HWCAP | ARM_VFP4_HWCAP, 0,
      ARM_V7_FEATURES | ARM_DIV_FEATURES | ARM_VFP4_FEATURES },
    { "cortex-a8", "Cortex-A8: ARMv7-A, Thumb-2, VFPv3-D32 (no NEON)",
      "armv7l", "v7l", ARM_V5TE_HWCAP | ARM_VFP3_HWCAP, 0,
      ARM_V7_FEATURES | ARM_VFP3_FEATURES },
    { "cortex-a9", "Cortex-A9: ARMv7-A, Thumb-2, VFPv3-D32 (no NEON)",
      "armv7l", "v7l", ARM_V5TE_HWCAP | ARM_VFP3_HWCAP, 0,
      ARM_V7_FEATURES | ARM_VFP3_FEATURES },
    { "cortex-a15", "Cortex-A15: ARMv7-A, Thumb-2, SDIV/UDIV, VFPv4-D32 "
      "(no NEON); the default for hard-float programs",
      "armv7l", "v7l", ARM_V5TE_HWCAP | ARM_DIV_HWCAP | ARM_VFP4_HWCAP, 0,
      ARM_V7_FEATURES | ARM_DIV_FEATURES | ARM_VFP4_FEATURES },
    { "max", "everything implemented: ARMv7-A, Thumb-2, SDIV/UDIV, "
      "VFPv4-D32",
      "armv7l", "v7l", ARM_V5TE_HWCAP | ARM_DIV_HWCAP | ARM_VFP4_HWCAP, 0,
      ARM_V7_FEATURES | ARM_DIV_FEATURES | ARM_VFP4_FEATURES },
    { NULL },
};

/* The model a hard-float program gets without -cpu. */
#define ARM_HARD_FLOAT_DEFAULT "cortex-a15"

/* A hard-float (armhf) program needs an ARMv7-A core (Debian's armhf
 * baseline: v7-A, Thumb-2, VFPv3-D16): without -cpu it gets the
 * Cortex-A15 model; with an older -cpu it is refused. */
static bool arm_elf_cpu_model(uint32_t e_flags, bool cpu_given,
                              const AbiCpuModel **model, char *err,
                              size_t errlen)
{
    const AbiCpuModel *m = *model;

    if (!(e_flags & TGT_EF_ARM_ABI_FLOAT_HARD)) {
        return true;
    }
    if (!cpu_given) {
        for (const AbiCpuModel *c = arm_cpu_models; c->name; c++) {
            if (strcmp(c->name, ARM_HARD_FLOAT_DEFAULT) == 0) {
                *model = c;
                return true;
            }
        }
    }
    if (m && !(m->features & ARM_FEATURE_V7)) {
        snprintf(err, errlen, "a hard-float (armhf) program needs an "
                 "ARMv7-A cpu; -cpu %s is not one", m->name);
        return false;
    }
    return true;
}

static void arm_cpu_init(CpuCommon *cpu, const AbiCpuModel *model)
{
    ArmState *env = arm_env(cpu);

    arm_cpu_reset(env);
    if (model) {
        env->features = (uint32_t)model->features;
    }
}

static void arm_write_cpuinfo(FILE *out, const AbiCpuModel *model, int ncpus)
{
    static const char *const names[] = {
        "swp", "half", "thumb", "26bit", "fastmult", "fpa", "vfp", "edsp",
        "java", "iwmmxt", "crunch", "thumbee", "neon", "vfpv3", "vfpv3d16",
        "tls", "vfpv4", "idiva", "idivt", "vfpd32", "lpae", "evtstrm",
    };
    uint32_t hwcap = model ? model->hwcap : ARM_V5TE_HWCAP;
    uint64_t f = model ? model->features : ARM_FEATURE_V5TE;
    const char *name = "ARM926EJ-S rev 5 (v5l)", *arch = "5TEJ";
    const char *part = "0x926", *variant = "0x0", *rev = "5";

    if (model && strcmp(model->name, "arm1136") == 0) {
        name = "ARMv6-compatible processor rev 1 (v6l)";
        arch = "7";     /* what Linux prints for v6K cores (CPUID scheme) */
        part = "0xb36";
        rev = "1";
    } else if (model && strcmp(model->name, "arm1176") == 0) {
        name = "ARMv6-compatible processor rev 7 (v6l)";
        arch = "7";
        part = "0xb76";
        rev = "7";
    } else if (f & ARM_FEATURE_V7) {
        static const struct {
            const char *name, *part, *variant, *rev;
        } v7[] = {
            { "cortex-a7", "0xc07", "0x0", "5" },
            { "cortex-a8", "0xc08", "0x2", "0" },
            { "cortex-a9", "0xc09", "0x1", "0" },
            { "cortex-a15", "0xc0f", "0x2", "3" },
        };
        name = "ARMv7 Processor rev 3 (v7l)";
        arch = "7";
        part = "0xc0f";
        variant = "0x2";
        rev = "3";
        for (unsigned i = 0; i < sizeof(v7) / sizeof(v7[0]); i++) {
            if (strcmp(model->name, v7[i].name) == 0) {
                part = v7[i].part;
                variant = v7[i].variant;
                rev = v7[i].rev;
            }
        }
    }
    for (int i = 0; i < ncpus; i++) {
        fprintf(out, "processor\t: %d\n", i);
        fprintf(out, "model name\t: %s\n", name);
        fprintf(out, "BogoMIPS\t: 500.00\n");
        fprintf(out, "Features\t:");
        for (unsigned b = 0; b < sizeof(names) / sizeof(names[0]); b++) {
            if (hwcap & (1u << b)) {
                fprintf(out, " %s", names[b]);
            }
        }
        fprintf(out, " \n");
        fprintf(out, "CPU implementer\t: 0x41\n");
        fprintf(out, "CPU architecture: %s\n", arch);
        fprintf(out, "CPU variant\t: %s\n", variant);
        fprintf(out, "CPU part\t: %s\n", part);
        fprintf(out, "CPU revision\t: %s\n\n", rev);
    }
    fprintf(out, "Hardware\t: emu\n");
    fprintf(out, "Revision\t: 0000\n");
    fprintf(out, "Serial\t\t: 0000000000000000\n");
}

static void arm_init_regs(CpuCommon *cpu, const AbiStartInfo *start)
{
    ArmState *env = arm_env(cpu);

    env->r[13] = start->sp;
    /* ELF_PLAT_INIT: r0 = 0 (no rtld_fini for a static program). */
    env->r[0] = 0;
    arm_set_pc(env, start->entry);
}

/* The kuser helper page: readable (the version word), executable so that
 * jumps there reach the frontend, which traps them to us. */
static bool arm_setup_process(LinuxProcess *proc, char *err, size_t errlen)
{
    int64_t r = guest_mmap(ARM_KUSER_PAGE, GUEST_PAGE_SIZE,
                           PROT_READ | PROT_WRITE,
                           MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);

    if (r < 0 || guest_put_u32(ARM_KUSER_VERSION,
                               ARM_KUSER_HELPER_VERSION) != 0) {
        snprintf(err, errlen, "cannot map the kuser helper page: %s",
                 strerror(r < 0 ? (int)-r : EFAULT));
        return false;
    }
    guest_mprotect(ARM_KUSER_PAGE, GUEST_PAGE_SIZE, PROT_READ | PROT_EXEC);
    page_set_flags(ARM_KUSER_PAGE, (uint64_t)ARM_KUSER_PAGE + GUEST_PAGE_SIZE,
                   page_get_flags(ARM_KUSER_PAGE) | PAGE_RESERVED);
    guest_mem_set_name(ARM_KUSER_PAGE, GUEST_PAGE_SIZE, "[vectors]");
    return true;
}

static int arm_get_syscall(CpuCommon *cpu, SyscallCall *call)
{
    ArmState *env = arm_env(cpu);

    /* ARM state SWI #0x900000+n is the old ABI; EABI uses SWI #0 and r7
     * (Thumb SVC always means EABI). */
    if (!env->thumb && env->excp_info >= 0x900000u
        && env->excp_info < 0xa00000u) {
        return -ENOSYS;
    }
    call->guest_nr = env->r[7];
    for (int i = 0; i < 7; i++) {
        call->arg[i] = env->r[i];
    }
    call->arg[7] = 0;
    return 0;
}

static void arm_set_syscall_result(CpuCommon *cpu, int64_t ret)
{
    arm_env(cpu)->r[0] = (uint32_t)ret;
}

static void arm_restart_syscall(CpuCommon *cpu)
{
    ArmState *env = arm_env(cpu);

    env->r[15] -= env->thumb ? 2 : 4;
}

/* Returns from a kuser helper to lr (BX lr). */
static void arm_kuser_return(ArmState *env)
{
    arm_set_pc(env, env->r[14]);
}

static void arm_kuser_fault(CpuCommon *cpu, AbiExcp *out, uint32_t addr)
{
    out->action = ABI_EXCP_SIGNAL;
    out->tgt_signo = SIGSEGV;
    out->tgt_code = TGT_SEGV_MAPERR;
    out->addr = addr;
}

/* Emulates the kuser helper at r15 (Documentation/arm/
 * kernel_user_helpers.rst): the operations with host atomics on the
 * guest's memory. */
static void arm_kuser_helper(CpuCommon *cpu, AbiExcp *out)
{
    ArmState *env = arm_env(cpu);
    uint32_t pc = env->r[15];

    out->action = ABI_EXCP_DONE;
    switch (pc) {
    case ARM_KUSER_CMPXCHG: {
        /* r0 = oldval, r1 = newval, r2 = ptr; r0 = 0 and C set when
         * *ptr was changed. */
        uint32_t *p = guest_access(env->r[2], 4, PAGE_WRITE);
        uint32_t expected = env->r[0];
        bool ok;
        if (!p || (env->r[2] & 3)) {
            arm_kuser_fault(cpu, out, env->r[2]);
            return;
        }
        ok = __atomic_compare_exchange_n(p, &expected, env->r[1], false,
                                         __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
        env->r[0] = ok ? 0 : 1;
        env->CF = ok;
        env->r[3] = expected;
        arm_kuser_return(env);
        return;
    }
    case ARM_KUSER_CMPXCHG64: {
        /* r0 = &oldval, r1 = &newval, r2 = ptr (64-bit, 8-aligned). */
        uint64_t *p = guest_access(env->r[2], 8, PAGE_WRITE);
        uint64_t oldv, newv;
        bool ok;
        if (!p || (env->r[2] & 7) || guest_get_u64(env->r[0], &oldv) != 0
            || guest_get_u64(env->r[1], &newv) != 0) {
            arm_kuser_fault(cpu, out, !p ? env->r[2] : env->r[0]);
            return;
        }
        ok = __atomic_compare_exchange_n(p, &oldv, newv, false,
                                         __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
        env->r[0] = ok ? 0 : 1;
        env->CF = ok;
        arm_kuser_return(env);
        return;
    }
    case ARM_KUSER_MEMBARRIER:
        __atomic_thread_fence(__ATOMIC_SEQ_CST);
        arm_kuser_return(env);
        return;
    case ARM_KUSER_GET_TLS:
        env->r[0] = env->tpidruro;
        arm_kuser_return(env);
        return;
    default:
        /* Anything else in the page is not code a program may run. */
        arm_kuser_fault(cpu, out, pc);
        return;
    }
}

/* The undefined encodings Linux reserves as breakpoints and turns into
 * SIGTRAP (arch/arm/kernel/ptrace.c, the ARM and Thumb break hooks):
 * ARM 0x?7f001f0 under any condition, Thumb 0xde01. */
static bool arm_is_linux_breakpoint(const ArmState *env)
{
    if (env->thumb) {
        return env->excp_info == 0xde01;
    }
    return (env->excp_info & 0x0fffffffu) == 0x07f001f0u;
}

static void arm_handle_exception(CpuCommon *cpu, int excp, AbiExcp *out)
{
    ArmState *env = arm_env(cpu);

    memset(out, 0, sizeof(*out));
    switch (excp) {
    case ARM_EXCP_SWI:
        out->action = ABI_EXCP_SYSCALL;
        return;
    case ARM_EXCP_UDEF:
        out->action = ABI_EXCP_SIGNAL;
        if (arm_is_linux_breakpoint(env)) {
            out->tgt_signo = SIGTRAP;
            out->tgt_code = TGT_TRAP_BRKPT;
            out->addr = env->excp_insn;
            return;
        }
        out->tgt_signo = SIGILL;
        out->tgt_code = TGT_ILL_ILLOPC;
        out->addr = env->excp_insn;
        return;
    case ARM_EXCP_BKPT:
        out->action = ABI_EXCP_SIGNAL;
        out->tgt_signo = SIGTRAP;
        out->tgt_code = TGT_TRAP_BRKPT;
        out->addr = env->excp_insn;
        return;
    case ARM_EXCP_KERNEL_TRAP:
        arm_kuser_helper(cpu, out);
        return;
    case EXCP_FETCH_FAULT:
        out->action = ABI_EXCP_SIGNAL;
        out->tgt_signo = SIGSEGV;
        out->tgt_code = page_get_flags((uint32_t)cpu->excp_addr) & PAGE_VALID
                        ? TGT_SEGV_ACCERR : TGT_SEGV_MAPERR;
        out->addr = (uint32_t)cpu->excp_addr;
        return;
    case EXCP_UNALIGNED:
        out->action = ABI_EXCP_SIGNAL;
        out->tgt_signo = SIGBUS;
        out->tgt_code = TGT_BUS_ADRALN;
        out->addr = (uint32_t)cpu->excp_addr;
        return;
    default:
        out->action = ABI_EXCP_UNKNOWN;
        return;
    }
}

static uint32_t arm_get_pc(const CpuCommon *cpu)
{
    return arm_cenv(cpu)->r[15];
}

static void arm_set_pc_hook(CpuCommon *cpu, uint32_t pc)
{
    arm_set_pc(arm_env(cpu), pc);
}

static uint32_t arm_get_sp(const CpuCommon *cpu)
{
    return arm_cenv(cpu)->r[13];
}

static void arm_set_tls(CpuCommon *cpu, uint32_t tls)
{
    arm_env(cpu)->tpidruro = tls;
}

static uint32_t arm_get_tls(const CpuCommon *cpu)
{
    return arm_cenv(cpu)->tpidruro;
}

static void arm_clone_regs(CpuCommon *child, uint32_t newsp)
{
    ArmState *env = arm_env(child);

    if (newsp) {
        env->r[13] = newsp;
    }
    env->r[0] = 0;
}

/* open(2) flags: ARM's O_DIRECTORY, O_NOFOLLOW, O_DIRECT and O_LARGEFILE
 * differ from the x86 host's (arch/arm/include/uapi/asm/fcntl.h). */
static const AbiFlagMap arm_open_flags[] = {
    { O_ACCMODE, O_RDONLY, O_ACCMODE, O_RDONLY },
    { O_ACCMODE, O_WRONLY, O_ACCMODE, O_WRONLY },
    { O_ACCMODE, O_RDWR, O_ACCMODE, O_RDWR },
    { 0100, 0100, O_CREAT, O_CREAT },
    { 0200, 0200, O_EXCL, O_EXCL },
    { 0400, 0400, O_NOCTTY, O_NOCTTY },
    { 01000, 01000, O_TRUNC, O_TRUNC },
    { 02000, 02000, O_APPEND, O_APPEND },
    { 04000, 04000, O_NONBLOCK, O_NONBLOCK },
    { 010000, 010000, O_DSYNC, O_DSYNC },
    { 020000, 020000, FASYNC, FASYNC },
    { 040000, 040000, O_DIRECTORY, O_DIRECTORY },
    { 0100000, 0100000, O_NOFOLLOW, O_NOFOLLOW },
    { 0200000, 0200000, O_DIRECT, O_DIRECT },
    /* O_LARGEFILE: implied on the 64-bit host (host bits 0). */
    { 0400000, 0400000, 0, 0 },
    { 01000000, 01000000, O_NOATIME, O_NOATIME },
    { 02000000, 02000000, O_CLOEXEC, O_CLOEXEC },
    { 04000000, 04000000, 04000000, 04000000 },     /* __O_SYNC */
    { 010000000, 010000000, O_PATH, O_PATH },
    { 020000000, 020000000, 020000000, 020000000 }, /* __O_TMPFILE */
    { 0, 0, 0, 0 },
};

const LinuxAbi linux_abi_arm = {
    .arch = &guest_arm,
    .name = "arm",
    .elf_machine = ARM_ELF_MACHINE,
    .elf_class = 1,             /* ELFCLASS32 */
    .big_endian = false,
    .elf_flags_ok = arm_elf_flags_ok,
    .cpu_models = arm_cpu_models,
    .cpu_init = arm_cpu_init,
    .write_cpuinfo = arm_write_cpuinfo,
    .init_regs = arm_init_regs,
    .setup_process = arm_setup_process,
    .stack_align = 8,
    .elf_exec_pagesize = 4096,
    .syscalls = &syscall_table_arm,
    .get_syscall = arm_get_syscall,
    .set_syscall_result = arm_set_syscall_result,
    .restart_syscall = arm_restart_syscall,
    .regpair_aligned = true,
    .handle_exception = arm_handle_exception,
    .errno_to_guest = NULL,
    .errno_count = 0,
    .tgt_nsig = 65,
    .signal_to_host = NULL,
    .signal_to_guest = NULL,
    .open_flags = arm_open_flags,
    .mmap_flags = NULL,
    .mmap_prot = NULL,
    .thunk_rules = { .long_size = 4, .align8 = 8, .big_endian = false },
    .structs = arm_structs,
    .get_pc = arm_get_pc,
    .set_pc = arm_set_pc_hook,
    .get_sp = arm_get_sp,
    .set_tls = arm_set_tls,
    .get_tls = arm_get_tls,
    .clone_regs = arm_clone_regs,
    .setup_frame = arm_setup_frame,
    .do_sigreturn = arm_do_sigreturn,
    /* 3G/1G split: PAGE_OFFSET 0xc0000000 less 16 MiB for modules. */
    .task_size = 0xbf000000u,
    .elf_cpu_model = arm_elf_cpu_model,
};

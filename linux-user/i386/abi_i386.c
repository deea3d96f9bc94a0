/* linux-user/i386/abi_i386.c — the Linux ABI of i386 guests (Debian i386,
 * i686): INT 0x80 syscalls (eax, then ebx ecx edx esi edi ebp; result in
 * eax), the exceptions of frontend/i386 as Linux delivers them, cpu
 * models with AT_HWCAP/AT_PLATFORM, /proc/cpuinfo, TLS through
 * set_thread_area and the LDT through modify_ldt, the i386-only calls
 * (old mmap, old select), and the vsyscall page with __kernel_vsyscall
 * (AT_SYSINFO) whose SYSENTER enters the kernel.
 */
#include "abi_i386.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#include "frontend/i386/cpu.h"
#include "linux-user/guest_mem.h"
#include "linux-user/signal.h"
#include "linux-user/syscall.h"
#include "linux-user/task.h"

static X86State *x86_env(CpuCommon *cpu)
{
    return (X86State *)cpu;
}

static const X86State *x86_cenv(const CpuCommon *cpu)
{
    return (const X86State *)cpu;
}

/* AbiCpuModel.features: the frontend's X86_FEAT_* in the low word, the
 * index of the CPUID model (frontend/i386/helper.c) in the high word. */
#define I386_MODEL(idx, feat) ((uint64_t)(idx) << 32 | (feat))

/* AT_HWCAP on x86 is CPUID.1 EDX (frontend/i386/helper.c has the CPUID
 * side); the models advertise only what the frontend implements. */
enum {
    I386_HWCAP_P5 = 0x00000111,     /* FPU TSC CX8 */
    I386_HWCAP_P6 = 0x01808911,     /* + SEP CMOV MMX FXSR */
    I386_HWCAP_P3 = 0x03808911,     /* + SSE */
    I386_HWCAP_P4 = 0x07888911,     /* + SSE2 CLFSH */
};
#define I386_F_P5 (X86_FEAT_FPU | X86_FEAT_CX8 | X86_FEAT_TSC)
#define I386_F_P6 (I386_F_P5 | X86_FEAT_SEP | X86_FEAT_CMOV | X86_FEAT_MMX | \
                   X86_FEAT_FXSR)
#define I386_F_CORE2 (I386_F_P6 | X86_FEAT_SSE | X86_FEAT_SSE2 | \
                      X86_FEAT_SSE3 | X86_FEAT_SSSE3)

static const AbiCpuModel i386_cpu_models[] = {
    { "core2duo", "Core 2 (i686 + MMX, SSE, SSE2, SSE3, SSSE3)", "i686",
      "i686", I386_HWCAP_P4, 0, I386_MODEL(0, I386_F_CORE2) },
    { "pentium", "Pentium (i586: x87, CX8, TSC; no CMOV, MMX)", "i686",
      "i586", I386_HWCAP_P5, 0, I386_MODEL(1, I386_F_P5) },
    { "pentium2", "Pentium II (i686: x87, CMOV, MMX, FXSR)", "i686", "i686",
      I386_HWCAP_P6, 0, I386_MODEL(2, I386_F_P6) },
    { "pentium3", "Pentium III (+ SSE)", "i686", "i686", I386_HWCAP_P3, 0,
      I386_MODEL(3, I386_F_P6 | X86_FEAT_SSE) },
    { "pentium4", "Pentium 4 (+ SSE2)", "i686", "i686", I386_HWCAP_P4, 0,
      I386_MODEL(4, I386_F_P6 | X86_FEAT_SSE | X86_FEAT_SSE2) },
    { "max", "every implemented feature (+ POPCNT, LZCNT, MOVBE)", "i686",
      "i686", I386_HWCAP_P4, 0,
      I386_MODEL(5, I386_F_CORE2 | X86_FEAT_POPCNT | X86_FEAT_LZCNT |
                 X86_FEAT_MOVBE) },
    { NULL },
};

static void i386_cpu_init(CpuCommon *cpu, const AbiCpuModel *model)
{
    X86State *env = x86_env(cpu);

    x86_cpu_reset(env);
    if (model) {
        env->features = (uint32_t)model->features;
        env->cpuid_level = (uint32_t)(model->features >> 32);
    }
}

static void i386_write_cpuinfo(FILE *out, const AbiCpuModel *model,
                               int ncpus)
{
    unsigned idx = model ? (unsigned)(model->features >> 32) : 0;
    const X86CpuModel *m = &x86_cpu_models[idx < x86_cpu_model_count ? idx
                                                                     : 0];
    uint32_t feat = model ? (uint32_t)model->features : 0;

    for (int i = 0; i < ncpus; i++) {
        fprintf(out, "processor\t: %d\n", i);
        fprintf(out, "vendor_id\t: GenuineIntel\n");
        fprintf(out, "cpu family\t: %u\n", m->family);
        fprintf(out, "model\t\t: %u\n", m->model);
        fprintf(out, "model name\t: %s\n", m->brand);
        fprintf(out, "stepping\t: %u\n", m->stepping);
        fprintf(out, "fpu\t\t: %s\n", feat & X86_FEAT_FPU ? "yes" : "no");
        fprintf(out, "flags\t\t:%s tsc cx8%s%s%s%s%s%s%s%s%s%s\n",
                feat & X86_FEAT_FPU ? " fpu" : "",
                feat & X86_FEAT_SEP ? " sep" : "",
                feat & X86_FEAT_CMOV ? " cmov" : "",
                feat & X86_FEAT_SSE2 ? " clflush" : "",
                feat & X86_FEAT_MMX ? " mmx" : "",
                feat & X86_FEAT_FXSR ? " fxsr" : "",
                feat & X86_FEAT_SSE ? " sse" : "",
                feat & X86_FEAT_SSE2 ? " sse2" : "",
                feat & X86_FEAT_SSE3 ? " pni" : "",
                feat & X86_FEAT_SSSE3 ? " ssse3" : "",
                feat & X86_FEAT_POPCNT ? " popcnt abm movbe" : "");
        fprintf(out, "bogomips\t: 1000.00\n\n");
    }
}

static void i386_init_regs(CpuCommon *cpu, const AbiStartInfo *start)
{
    X86State *env = x86_env(cpu);

    /* ELF_PLAT_INIT: every general register 0 (edx = 0: no rtld_fini). */
    memset(env->regs, 0, sizeof(env->regs));
    env->regs[X86_ESP] = start->sp;
    env->eip = start->entry;
}

static int i386_get_syscall(CpuCommon *cpu, SyscallCall *call)
{
    static const int args[6] = {
        X86_EBX, X86_ECX, X86_EDX, X86_ESI, X86_EDI, X86_EBP,
    };
    X86State *env = x86_env(cpu);

    call->guest_nr = env->regs[X86_EAX];
    for (int i = 0; i < 6; i++) {
        call->arg[i] = env->regs[args[i]];
    }
    call->arg[6] = call->arg[7] = 0;
    return 0;
}

static void i386_set_syscall_result(CpuCommon *cpu, int64_t ret)
{
    x86_env(cpu)->regs[X86_EAX] = (uint32_t)ret;
}

static void i386_restart_syscall(CpuCommon *cpu)
{
    /* INT 0x80 is two bytes (CD 80); a call through SYSENTER returned to
     * the vsyscall page's landing point, right after its `int $0x80`,
     * which restarts it as Linux does. */
    x86_env(cpu)->eip -= 2;
}

/* SYSENTER as Linux's do_fast_syscall_32() takes it: the vsyscall code
 * saved esp in ebp and the 6th argument (the caller's ebp) at [esp]; the
 * call returns to the landing point. An unreadable [ebp] fails the call
 * with -EFAULT. */
static bool i386_sysenter(X86State *env)
{
    uint32_t arg6;

    env->regs[X86_ESP] = env->regs[X86_EBP];
    env->eip = I386_VSYSCALL_LANDING;
    if (guest_get_u32(env->regs[X86_ESP], &arg6) < 0) {
        env->regs[X86_EAX] = (uint32_t)-EFAULT;
        return false;
    }
    env->regs[X86_EBP] = arg6;
    return true;
}

/* ARCH_DLINFO: maps the vDSO and names it (AT_SYSINFO_EHDR) and its
 * __kernel_vsyscall (AT_SYSINFO), which glibc uses only with both. */
static unsigned i386_arch_dlinfo(LinuxProcess *proc, uint32_t *aux,
                                 unsigned max)
{
    const AbiCpuModel *m = proc->cpu_model ? proc->cpu_model
                                           : &i386_cpu_models[0];
    uint8_t page[I386_VDSO_SIZE];
    int64_t r;

    if (max < 2) {
        return 0;
    }
    i386_vdso_image(page, (m->features & X86_FEAT_SEP) != 0);
    r = guest_mmap(I386_VSYSCALL_PAGE, I386_VDSO_SIZE,
                   PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    if (r < 0 || copy_to_guest(I386_VSYSCALL_PAGE, page, sizeof(page)) < 0) {
        /* glibc then makes its calls with int $0x80. */
        return 0;
    }
    guest_mprotect(I386_VSYSCALL_PAGE, I386_VDSO_SIZE,
                   PROT_READ | PROT_EXEC);
    page_set_flags(I386_VSYSCALL_PAGE,
                   (uint64_t)I386_VSYSCALL_PAGE + I386_VDSO_SIZE,
                   page_get_flags(I386_VSYSCALL_PAGE) | PAGE_RESERVED);
    guest_mem_set_name(I386_VSYSCALL_PAGE, I386_VDSO_SIZE, "[vdso]");
    aux[0] = 32;                /* AT_SYSINFO */
    aux[1] = I386_VSYSCALL_ENTRY;
    aux[2] = 33;                /* AT_SYSINFO_EHDR */
    aux[3] = I386_VSYSCALL_PAGE;
    return 2;
}

/* si_code of an x87 (#MF) or SSE (#XM) exception: the first unmasked
 * raised flag, in the order of fpu__exception_code()
 * (arch/x86/kernel/fpu/core.c). */
static int i386_fpe_code(X86State *env, bool sse)
{
    uint32_t err;

    if (sse) {
        err = ~(env->mxcsr >> 7) & env->mxcsr;
    } else {
        err = x87_status_word(env) & ~env->fpuc;
    }
    if (err & 0x01) {
        return 7;               /* FPE_FLTINV */
    }
    if (err & 0x04) {
        return 3;               /* FPE_FLTDIV */
    }
    if (err & 0x08) {
        return 4;               /* FPE_FLTOVF */
    }
    if (err & 0x12) {
        return 5;               /* FPE_FLTUND */
    }
    if (err & 0x20) {
        return 6;               /* FPE_FLTRES */
    }
    return 0;
}

/* What arch/x86/kernel/traps.c sends for each exception in user mode. */
static void i386_handle_exception(CpuCommon *cpu, int excp, AbiExcp *out)
{
    X86State *env = x86_env(cpu);

    memset(out, 0, sizeof(*out));
    out->action = ABI_EXCP_SIGNAL;
    switch (excp) {
    case X86_EXCP_SYSCALL:
        out->action = ABI_EXCP_SYSCALL;
        return;
    case X86_EXCP_SYSENTER:
        out->action = i386_sysenter(env) ? ABI_EXCP_SYSCALL : ABI_EXCP_DONE;
        return;
    case X86_EXCP_NP:
        out->tgt_signo = SIGBUS;
        out->tgt_code = TGT_SI_KERNEL;
        return;
    case X86_EXCP_UD:
        out->tgt_signo = SIGILL;
        out->tgt_code = TGT_ILL_ILLOPN;
        out->addr = env->excp_insn;
        return;
    case X86_EXCP_DE:
        out->tgt_signo = SIGFPE;
        out->tgt_code = TGT_FPE_INTDIV;
        out->addr = env->excp_insn;
        return;
    case X86_EXCP_MF:
    case X86_EXCP_XM:
        out->tgt_signo = SIGFPE;
        out->tgt_code = i386_fpe_code(env, excp == X86_EXCP_XM);
        out->addr = env->excp_insn;
        return;
    case X86_EXCP_BP:
        out->tgt_signo = SIGTRAP;
        out->tgt_code = TGT_SI_KERNEL;
        return;
    case X86_EXCP_GP:
    case X86_EXCP_OF:
    case X86_EXCP_BR:
        out->tgt_signo = SIGSEGV;
        out->tgt_code = TGT_SI_KERNEL;
        return;
    case EXCP_FETCH_FAULT:
        out->tgt_signo = SIGSEGV;
        out->tgt_code = page_get_flags((uint32_t)cpu->excp_addr) & PAGE_VALID
                        ? TGT_SEGV_ACCERR : TGT_SEGV_MAPERR;
        out->addr = (uint32_t)cpu->excp_addr;
        return;
    default:
        out->action = ABI_EXCP_UNKNOWN;
        return;
    }
}

static uint32_t i386_get_pc(const CpuCommon *cpu)
{
    return x86_cenv(cpu)->eip;
}

static void i386_set_pc(CpuCommon *cpu, uint32_t pc)
{
    x86_env(cpu)->eip = pc;
}

static uint32_t i386_get_sp(const CpuCommon *cpu)
{
    return x86_cenv(cpu)->regs[X86_ESP];
}

/* ---- TLS: set_thread_area / get_thread_area, the LDT ------------------ */

/* struct user_desc (arch/x86/include/uapi/asm/ldt.h): entry_number,
 * base_addr, limit, then the X86_UD_* flag bits (frontend/i386/cpu.h). */

/* LDT_empty() and LDT_zero() (arch/x86/include/asm/desc.h). */
static bool i386_desc_empty(uint32_t base, uint32_t limit, uint32_t fl)
{
    return base == 0 && limit == 0 &&
           (fl & X86_UD_FLAG_BITS) ==
           (X86_UD_READ_EXEC_ONLY | X86_UD_SEG_NOT_PRESENT);
}

static bool i386_desc_zero(uint32_t base, uint32_t limit, uint32_t fl)
{
    return base == 0 && limit == 0 && (fl & X86_UD_FLAG_BITS) == 0;
}

/* fill_ldt(), or the all-zero descriptor when `clear`. */
static void i386_desc_set(X86Desc *desc, uint32_t base, uint32_t limit,
                          uint32_t fl, bool clear)
{
    if (clear) {
        memset(desc, 0, sizeof(*desc));
        return;
    }
    desc->base = base;
    desc->limit = limit & 0xfffff;
    desc->flags = (fl & X86_UD_FLAG_BITS) | X86_DESC_INSTALLED;
    if (!(fl & X86_UD_SEG_NOT_PRESENT)) {
        desc->flags |= X86_DESC_PRESENT;
    }
}

/* The 8-byte hardware descriptor (what modify_ldt reads back). */
static void i386_desc_bytes(const X86Desc *desc, uint8_t out[8])
{
    uint32_t fl = desc->flags;
    uint32_t type, access;

    memset(out, 0, 8);
    if (!(fl & X86_DESC_INSTALLED)) {
        return;
    }
    type = ((fl & X86_UD_READ_EXEC_ONLY) ? 0 : 2) |
           (fl & X86_UD_CONTENTS) << 1 | 1;    /* accessed */
    access = type | 0x10 | 3u << 5 | ((fl & X86_DESC_PRESENT) ? 0x80 : 0);
    out[0] = (uint8_t)desc->limit;
    out[1] = (uint8_t)(desc->limit >> 8);
    out[2] = (uint8_t)desc->base;
    out[3] = (uint8_t)(desc->base >> 8);
    out[4] = (uint8_t)(desc->base >> 16);
    out[5] = (uint8_t)access;
    out[6] = (uint8_t)((desc->limit >> 16) & 0xf) |
             ((fl & X86_UD_USEABLE) ? 0x10 : 0) |
             ((fl & X86_UD_SEG_32BIT) ? 0x40 : 0) |
             ((fl & X86_UD_LIMIT_IN_PAGES) ? 0x80 : 0);
    out[7] = (uint8_t)(desc->base >> 24);
}

/* Segment registers holding `sel` see the new descriptor at once, as
 * the kernel reloads them (a selector that no longer loads becomes 0). */
static void i386_reload_segs(X86State *env, uint32_t sel)
{
    for (int s = X86_SEG_ES; s <= X86_SEG_GS; s++) {
        if (s != X86_SEG_CS && (env->seg[s] & ~3u) == (sel & ~3u)) {
            if (!x86_load_seg(env, s, env->seg[s])) {
                x86_set_seg(env, s, 0, 0);
            }
        }
    }
}

/* tls_desc_okay() (arch/x86/kernel/tls.c). */
static bool i386_tls_desc_okay(uint32_t base, uint32_t limit, uint32_t fl)
{
    if (i386_desc_empty(base, limit, fl) || i386_desc_zero(base, limit, fl)) {
        return true;
    }
    return (fl & X86_UD_SEG_32BIT) && ((fl & X86_UD_CONTENTS) >> 1) <= 1 &&
           !(fl & X86_UD_SEG_NOT_PRESENT);
}

static int64_t i386_set_thread_area(X86State *env, uint32_t uinfo)
{
    uint32_t u[4];
    int32_t idx;

    if (copy_from_guest(u, uinfo, sizeof(u)) < 0) {
        return -EFAULT;
    }
    if (!i386_tls_desc_okay(u[1], u[2], u[3])) {
        return -EINVAL;
    }
    idx = (int32_t)u[0];
    if (idx == -1) {
        for (int i = 0; i < X86_GDT_TLS_ENTRIES; i++) {
            if (!(env->gdt_tls[i].flags & X86_DESC_INSTALLED)) {
                idx = X86_GDT_TLS_MIN + i;
                break;
            }
        }
        if (idx == -1) {
            return -ESRCH;
        }
        if (guest_put_u32(uinfo, (uint32_t)idx) < 0) {
            return -EFAULT;
        }
    }
    if (idx < X86_GDT_TLS_MIN ||
        idx >= X86_GDT_TLS_MIN + X86_GDT_TLS_ENTRIES) {
        return -EINVAL;
    }
    i386_desc_set(&env->gdt_tls[idx - X86_GDT_TLS_MIN], u[1], u[2], u[3],
                  i386_desc_empty(u[1], u[2], u[3]) ||
                  i386_desc_zero(u[1], u[2], u[3]));
    i386_reload_segs(env, (uint32_t)idx << 3 | 3);
    return 0;
}

static int64_t sys_set_thread_area(CpuCommon *cpu, const SyscallCall *c)
{
    return i386_set_thread_area(x86_env(cpu), (uint32_t)c->arg[0]);
}

static int64_t sys_get_thread_area(CpuCommon *cpu, const SyscallCall *c)
{
    X86State *env = x86_env(cpu);
    uint32_t uinfo = (uint32_t)c->arg[0], idx;
    const X86Desc *desc;
    uint32_t u[4];

    if (guest_get_u32(uinfo, &idx) < 0) {
        return -EFAULT;
    }
    if (idx < X86_GDT_TLS_MIN ||
        idx >= X86_GDT_TLS_MIN + X86_GDT_TLS_ENTRIES) {
        return -EINVAL;
    }
    desc = &env->gdt_tls[idx - X86_GDT_TLS_MIN];
    u[0] = idx;
    u[1] = desc->base;
    u[2] = desc->limit;
    u[3] = desc->flags & X86_UD_FLAG_BITS;
    if (!(desc->flags & X86_DESC_INSTALLED)) {
        /* fill_user_desc() of the zero descriptor. */
        u[3] = X86_UD_READ_EXEC_ONLY | X86_UD_SEG_NOT_PRESENT;
    }
    return copy_to_guest(uinfo, u, sizeof(u)) < 0 ? -EFAULT : 0;
}

/* modify_ldt func 0: read_ldt() — the descriptors, zero-filled up to
 * bytecount, which is the result (0 while there is no LDT). */
static int64_t i386_read_ldt(X86State *env, uint32_t ptr, uint32_t count)
{
    uint8_t buf[8];

    if (count > 8192u * 8) {
        count = 8192u * 8;
    }
    if (env->ldt_count == 0) {
        return 0;
    }
    for (uint32_t off = 0; off < count; off += 8) {
        uint32_t n = count - off < 8 ? count - off : 8;
        if (off / 8 < env->ldt_count) {
            i386_desc_bytes(&env->ldt[off / 8], buf);
        } else {
            memset(buf, 0, sizeof(buf));
        }
        if (copy_to_guest(ptr + off, buf, n) < 0) {
            return -EFAULT;
        }
    }
    return count;
}

static int64_t sys_modify_ldt(CpuCommon *cpu, const SyscallCall *c)
{
    X86State *env = x86_env(cpu);
    uint32_t func = (uint32_t)c->arg[0], ptr = (uint32_t)c->arg[1];
    uint32_t count = (uint32_t)c->arg[2];
    uint32_t u[4], contents;
    bool oldmode = func == 1;

    switch (func) {
    case 0:
        return i386_read_ldt(env, ptr, count);
    case 2: {   /* read_default_ldt(): 5 zero descriptors on i386 */
        static const uint8_t zero[40];
        if (count > sizeof(zero)) {
            count = sizeof(zero);
        }
        return copy_to_guest(ptr, zero, count) < 0 ? -EFAULT : (int64_t)count;
    }
    case 1:
    case 0x11:
        /* write_ldt() (arch/x86/kernel/ldt.c) */
        if (count != sizeof(u)) {
            return -EINVAL;
        }
        if (copy_from_guest(u, ptr, sizeof(u)) < 0) {
            return -EFAULT;
        }
        if (u[0] >= X86_LDT_ENTRIES) {
            return -EINVAL;     /* Linux has 8192 entries, emu fewer */
        }
        contents = (u[3] & X86_UD_CONTENTS) >> 1;
        if (contents == 3 &&
            (oldmode || !(u[3] & X86_UD_SEG_NOT_PRESENT))) {
            return -EINVAL;
        }
        if (oldmode) {
            u[3] &= ~X86_UD_USEABLE;
        }
        i386_desc_set(&env->ldt[u[0]], u[1], u[2], u[3],
                      (oldmode && u[1] == 0 && u[2] == 0) ||
                      i386_desc_empty(u[1], u[2], u[3]));
        if (env->ldt_count < u[0] + 1) {
            env->ldt_count = u[0] + 1;
        }
        i386_reload_segs(env, u[0] << 3 | 7);
        return 0;
    default:
        return -ENOSYS;
    }
}

/* 90 mmap: old_mmap, the six arguments in a struct in memory. */
static int64_t sys_old_mmap(CpuCommon *cpu, const SyscallCall *c)
{
    uint32_t a[6];

    if (copy_from_guest(a, (uint32_t)c->arg[0], sizeof(a)) < 0) {
        return -EFAULT;
    }
    if (a[5] & (GUEST_PAGE_SIZE - 1)) {
        return -EINVAL;
    }
    if (a[2] & ~(uint32_t)(PROT_READ | PROT_WRITE | PROT_EXEC |
                           PROT_GROWSDOWN | PROT_GROWSUP)) {
        return -EINVAL;
    }
    return guest_mmap(a[0], a[1], (int)a[2], (int)a[3], (int)a[4], a[5]);
}

/* 82 select: old_select, the five arguments in a struct in memory,
 * passed on to _newselect. */
static int64_t sys_old_select(CpuCommon *cpu, const SyscallCall *c)
{
    uint32_t a[5];
    uint64_t args[8] = { 0 };
    int nr = -1;
    const SyscallTable *t = &syscall_table_i386;

    if (copy_from_guest(a, (uint32_t)c->arg[0], sizeof(a)) < 0) {
        return -EFAULT;
    }
    for (uint32_t i = 0; i < t->count; i++) {
        if (t->entries[i].id == SYSID__newselect) {
            nr = (int)t->entries[i].nr;
        }
    }
    for (int i = 0; i < 5; i++) {
        args[i] = a[i];
    }
    /* syscall_dispatch returns guest errno values; i386 uses the host's
     * numbering, so they pass back unchanged. */
    return syscall_dispatch(cpu, (uint32_t)nr, args);
}

static const SyscallDef i386_syscalls[] = {
    { SYSID_set_thread_area, sys_set_thread_area, { STRACE_PTR }, 0, NULL },
    { SYSID_get_thread_area, sys_get_thread_area, { STRACE_PTR }, 0, NULL },
    { SYSID_modify_ldt, sys_modify_ldt,
      { STRACE_INT, STRACE_PTR, STRACE_UINT }, 0, NULL },
    { SYSID_mmap, sys_old_mmap, { STRACE_PTR }, STRACE_RET_HEX, NULL },
    { SYSID_select, sys_old_select, { STRACE_PTR }, 0, NULL },
    { 0 },
};

/* CLONE_SETTLS on i386 passes a struct user_desc pointer. */
static void i386_set_tls(CpuCommon *cpu, uint32_t tls)
{
    X86State *env = x86_env(cpu);

    if (i386_set_thread_area(env, tls) == 0) {
        uint32_t idx;
        if (guest_get_u32(tls, &idx) == 0) {
            x86_load_seg(env, X86_SEG_GS, idx << 3 | 3);
        }
    }
}

static uint32_t i386_get_tls(const CpuCommon *cpu)
{
    return x86_cenv(cpu)->seg_base[X86_SEG_GS];
}

static void i386_clone_regs(CpuCommon *child, uint32_t newsp)
{
    X86State *env = x86_env(child);

    if (newsp) {
        env->regs[X86_ESP] = newsp;
    }
    env->regs[X86_EAX] = 0;
}

const LinuxAbi linux_abi_i386 = {
    .arch = &guest_i386,
    .name = "i386",
    .elf_machine = X86_ELF_MACHINE,
    .elf_class = 1,             /* ELFCLASS32 */
    .big_endian = false,
    .elf_flags_ok = NULL,
    .cpu_models = i386_cpu_models,
    .cpu_init = i386_cpu_init,
    .write_cpuinfo = i386_write_cpuinfo,
    .init_regs = i386_init_regs,
    .setup_process = NULL,
    .stack_align = 16,
    .elf_exec_pagesize = 4096,
    .syscalls = &syscall_table_i386,
    .get_syscall = i386_get_syscall,
    .set_syscall_result = i386_set_syscall_result,
    .restart_syscall = i386_restart_syscall,
    .regpair_aligned = false,
    .handle_exception = i386_handle_exception,
    .errno_to_guest = NULL,
    .errno_count = 0,
    .tgt_nsig = 65,
    .signal_to_host = NULL,
    .signal_to_guest = NULL,
    .open_flags = NULL,         /* the x86-64 host's numbering */
    .mmap_flags = NULL,
    .mmap_prot = NULL,
    /* i386 aligns 64-bit members to 4 bytes. */
    .thunk_rules = { .long_size = 4, .align8 = 4, .big_endian = false },
    .structs = NULL,
    .get_pc = i386_get_pc,
    .set_pc = i386_set_pc,
    .get_sp = i386_get_sp,
    .set_tls = i386_set_tls,
    .get_tls = i386_get_tls,
    .clone_regs = i386_clone_regs,
    .setup_frame = i386_setup_frame,
    .do_sigreturn = i386_do_sigreturn,
    /* 3G/1G split: PAGE_OFFSET 0xc0000000. */
    .task_size = 0xc0000000u,
    .arch_syscalls = i386_syscalls,
    .arch_dlinfo = i386_arch_dlinfo,
};

/* linux-user/i386/signal_i386.c — i386 signal frames as arch/x86/kernel/
 * signal_32.c builds them: sigframe (handlers without SA_SIGINFO) and
 * rt_sigframe (siginfo + ucontext), the return code, and their undoing by
 * sigreturn / rt_sigreturn. The LinuxAbi hooks of linux_abi_i386.
 *
 * Layout (offsets in bytes):
 *   struct sigcontext (88): gs fs es ds edi esi ebp esp ebx edx ecx eax
 *     trapno err eip cs flags sp_at_signal ss fpstate oldmask cr2
 *   sigframe (732): pretcode, sig, sigcontext at 8, fpstate_unused (624)
 *     at 96, extramask at 720, retcode[8] at 724
 *   struct ucontext (116): uc_flags, uc_link, uc_stack (12) at 8,
 *     uc_mcontext at 20, uc_sigmask (8) at 108
 *   rt_sigframe (268): pretcode, sig, pinfo, puc, siginfo at 16, ucontext
 *     at 144, retcode[8] at 260
 * FPU state (arch/x86/kernel/fpu/signal.c, fpu__alloc_mathframe): below
 * the frame, at fpstate = round_down(sp - 512, 64) - 112, struct
 * _fpstate_32: the fsave-format environment and registers (108 bytes),
 * status, magic 0 (X86_FXSR_MAGIC), then at +112 the 512-byte FXSAVE
 * image (MXCSR and XMM0-7 live only there). Models without FXSR get the
 * fsave part alone with magic 0xffff. The handler starts with a clean
 * FPU (FNINIT, MXCSR 0x1f80); sigreturn loads the FXSAVE image, then the
 * fsave part on top (convert_to_fxsr), so a handler's edits of either
 * take effect as the kernel makes them.
 */
#include <errno.h>
#include <signal.h>
#include <string.h>

#include "abi_i386.h"
#include "frontend/i386/cpu.h"
#include "linux-user/guest_mem.h"
#include "linux-user/signal.h"
#include "linux-user/syscall.h"

enum {
    SC_GS = 0, SC_FS = 4, SC_ES = 8, SC_DS = 12, SC_EDI = 16, SC_ESI = 20,
    SC_EBP = 24, SC_ESP = 28, SC_EBX = 32, SC_EDX = 36, SC_ECX = 40,
    SC_EAX = 44, SC_TRAPNO = 48, SC_ERR = 52, SC_EIP = 56, SC_CS = 60,
    SC_FLAGS = 64, SC_SP_AT_SIGNAL = 68, SC_SS = 72, SC_FPSTATE = 76,
    SC_OLDMASK = 80, SC_CR2 = 84, SC_SIZE = 88,

    SF_PRETCODE = 0, SF_SIG = 4, SF_SC = 8, SF_EXTRAMASK = 720,
    SF_RETCODE = 724, SF_SIZE = 732,

    UC_FLAGS = 0, UC_LINK = 4, UC_STACK = 8, UC_MCONTEXT = 20,
    UC_SIGMASK = 108, UC_SIZE = 116,

    RT_PRETCODE = 0, RT_SIG = 4, RT_PINFO = 8, RT_PUC = 12, RT_INFO = 16,
    RT_UC = 16 + TGT_SIGINFO_SIZE, RT_RETCODE = RT_UC + UC_SIZE,
    RT_SIZE = RT_RETCODE + 8,

    I386_NR_SIGRETURN = 119,
    I386_NR_RT_SIGRETURN = 173,

    FP_FSAVE_SIZE = 108, FP_STATUS = 108, FP_MAGIC = 110, FP_FXSAVE = 112,
    FP_FXSAVE_SIZE = 512,
};

_Static_assert(RT_UC == 144 && RT_SIZE == 268, "rt_sigframe layout");
_Static_assert(UC_MCONTEXT + SC_SIZE == UC_SIGMASK, "ucontext layout");

/* The bits of EFLAGS sigreturn may restore (FIX_EFLAGS). */
#define I386_FIX_EFLAGS (X86_CC_MASK | X86_TF | X86_DF | X86_AC | \
                         (1u << 16) | X86_NT)

static bool i386_has_fxsr(const X86State *env)
{
    return (env->features & X86_FEAT_FXSR) != 0;
}

/* Writes struct _fpstate_32 at fp (and the FXSAVE image at fp + 112). */
static int i386_save_fpstate(X86State *env, uint32_t fp)
{
    uint8_t buf[FP_FXSAVE + FP_FXSAVE_SIZE];
    bool fx = i386_has_fxsr(env);
    uint32_t sw;

    memset(buf, 0, sizeof(buf));
    if (fx) {
        x86_fxsave_image(env, buf + FP_FXSAVE);
    }
    x87_fsave_image(env, buf);
    sw = x87_status_word(env);
    buf[FP_STATUS] = (uint8_t)sw;
    buf[FP_STATUS + 1] = (uint8_t)(sw >> 8);
    buf[FP_MAGIC] = buf[FP_MAGIC + 1] = fx ? 0 : 0xff;
    return copy_to_guest(fp, buf, fx ? sizeof(buf) : FP_FXSAVE) < 0 ? -1
                                                                     : 0;
}

/* sigreturn's FPU restore (fpu__restore_sig for an ia32 frame). */
static int i386_restore_fpstate(X86State *env, uint32_t fp)
{
    uint8_t buf[FP_FXSAVE + FP_FXSAVE_SIZE];
    bool fx = i386_has_fxsr(env);

    if (fp == 0) {
        x87_reset(env);
        return 0;
    }
    if (copy_from_guest(buf, fp, fx ? sizeof(buf) : FP_FXSAVE) < 0) {
        return -1;
    }
    if (fx) {
        uint32_t mxcsr = (uint32_t)buf[FP_FXSAVE + 24] |
                         (uint32_t)buf[FP_FXSAVE + 25] << 8;
        /* the kernel clears reserved MXCSR bits instead of failing */
        buf[FP_FXSAVE + 26] = buf[FP_FXSAVE + 27] = 0;
        buf[FP_FXSAVE + 24] = (uint8_t)mxcsr;
        buf[FP_FXSAVE + 25] = (uint8_t)(mxcsr >> 8);
        x86_fxrstor_image(env, buf + FP_FXSAVE);
    }
    x87_frstor_image(env, buf);
    return 0;
}

static int i386_save_sigcontext(X86State *env, uint32_t sc, uint32_t mask0,
                                const struct TgtSigInfo *info,
                                uint32_t fpstate)
{
    static const uint8_t reg_off[8] = {
        SC_EAX, SC_ECX, SC_EDX, SC_EBX, SC_ESP, SC_EBP, SC_ESI, SC_EDI,
    };
    int r = 0;

    r |= guest_put_u32(sc + SC_GS, env->seg[X86_SEG_GS]);
    r |= guest_put_u32(sc + SC_FS, env->seg[X86_SEG_FS]);
    r |= guest_put_u32(sc + SC_ES, env->seg[X86_SEG_ES]);
    r |= guest_put_u32(sc + SC_DS, env->seg[X86_SEG_DS]);
    for (int i = 0; i < 8; i++) {
        r |= guest_put_u32(sc + reg_off[i], env->regs[i]);
    }
    r |= guest_put_u32(sc + SC_TRAPNO, 0);
    r |= guest_put_u32(sc + SC_ERR, 0);
    r |= guest_put_u32(sc + SC_EIP, env->eip);
    r |= guest_put_u32(sc + SC_CS, env->seg[X86_SEG_CS]);
    r |= guest_put_u32(sc + SC_FLAGS, x86_eflags_read(env));
    r |= guest_put_u32(sc + SC_SP_AT_SIGNAL, env->regs[X86_ESP]);
    r |= guest_put_u32(sc + SC_SS, env->seg[X86_SEG_SS]);
    r |= guest_put_u32(sc + SC_FPSTATE, fpstate);
    r |= guest_put_u32(sc + SC_OLDMASK, mask0);
    r |= guest_put_u32(sc + SC_CR2,
                       info && info->kind == TGT_SIKIND_FAULT ? info->addr
                                                              : 0);
    return r;
}

/* Writes the 8-byte return code: "popl %eax; movl $nr, %eax; int $0x80"
 * (sigreturn) or "movl $nr, %eax; int $0x80" (rt). */
static int i386_write_retcode(uint32_t addr, bool rt)
{
    uint8_t code[8];
    uint32_t nr = rt ? I386_NR_RT_SIGRETURN : I386_NR_SIGRETURN;
    int n = 0;

    if (!rt) {
        code[n++] = 0x58;
    }
    code[n++] = 0xb8;
    for (int i = 0; i < 4; i++) {
        code[n++] = (uint8_t)(nr >> (8 * i));
    }
    code[n++] = 0xcd;
    code[n++] = 0x80;
    if (n < 8) {
        code[n++] = 0x90;
    }
    if (copy_to_guest(addr, code, sizeof(code)) < 0) {
        return -1;
    }
    guest_mem_invalidate_code(addr, sizeof(code));
    return 0;
}

int i386_setup_frame(CpuCommon *cpu, int tgt_sig,
                     const struct TgtSigAction *ka,
                     const struct TgtSigInfo *info,
                     const uint64_t *tgt_blocked)
{
    X86State *env = (X86State *)cpu;
    bool rt = info != NULL;
    uint32_t size = rt ? RT_SIZE : SF_SIZE;
    uint32_t sp = signal_frame_sp(cpu, ka, env->regs[X86_ESP]);
    /* The FPU state goes first (fpu__alloc_mathframe). */
    uint32_t fpstate = i386_has_fxsr(env)
                       ? ((sp - FP_FXSAVE_SIZE) & ~63u) - FP_FXSAVE
                       : sp - FP_FXSAVE;
    /* The handler starts as if called: (esp + 4) 16-byte aligned. */
    uint32_t frame = ((fpstate - size + 4) & ~15u) - 4;
    TgtSigset set = { { tgt_blocked[0], tgt_blocked[1] } };
    uint32_t retaddr;
    int r = 0;

    if (frame > sp || !guest_range_ok(frame, sp - frame,
                                      PAGE_READ | PAGE_WRITE)) {
        return -EFAULT;
    }
    r |= i386_save_fpstate(env, fpstate);
    if (rt) {
        uint32_t uc = frame + RT_UC;
        r |= guest_put_u32(frame + RT_SIG, (uint32_t)tgt_sig);
        r |= guest_put_u32(frame + RT_PINFO, frame + RT_INFO);
        r |= guest_put_u32(frame + RT_PUC, uc);
        r |= signal_siginfo_to_guest(frame + RT_INFO, info);
        r |= guest_put_u32(uc + UC_FLAGS, 0);
        r |= guest_put_u32(uc + UC_LINK, 0);
        r |= signal_save_altstack(cpu, uc + UC_STACK, env->regs[X86_ESP]);
        r |= i386_save_sigcontext(env, uc + UC_MCONTEXT, (uint32_t)set.w[0],
                                  info, fpstate);
        r |= signal_sigset_to_guest(uc + UC_SIGMASK, &set, 8);
        r |= i386_write_retcode(frame + RT_RETCODE, true);
        retaddr = frame + RT_RETCODE;
    } else {
        r |= guest_put_u32(frame + SF_SIG, (uint32_t)tgt_sig);
        r |= i386_save_sigcontext(env, frame + SF_SC, (uint32_t)set.w[0],
                                  NULL, fpstate);
        r |= guest_put_u32(frame + SF_EXTRAMASK,
                           (uint32_t)(set.w[0] >> 32));
        r |= i386_write_retcode(frame + SF_RETCODE, false);
        retaddr = frame + SF_RETCODE;
    }
    /* The restorer: the handler's SA_RESTORER, else the vDSO's
     * __kernel_(rt_)sigreturn (glibc gives no SA_RESTORER when there is a
     * vDSO), else the retcode in the frame. */
    if (page_get_flags(I386_VSYSCALL_PAGE) & PAGE_EXEC) {
        retaddr = rt ? I386_VDSO_RT_SIGRETURN : I386_VDSO_SIGRETURN;
    }
    if (ka->flags & TGT_SA_RESTORER) {
        retaddr = ka->restorer;
    }
    r |= guest_put_u32(frame, retaddr);
    if (r) {
        return -EFAULT;
    }
    env->regs[X86_ESP] = frame;
    env->regs[X86_EAX] = (uint32_t)tgt_sig;
    env->regs[X86_EDX] = rt ? frame + RT_INFO : 0;
    env->regs[X86_ECX] = rt ? frame + RT_UC : 0;
    env->eip = ka->handler;
    /* Handler entry: DF and TF clear (the kernel's regs->flags). */
    env->df = 1;
    /* and the flat user segments (__USER_DS 0x7b). */
    x86_set_seg(env, X86_SEG_DS, 0x7b, 0);
    x86_set_seg(env, X86_SEG_ES, 0x7b, 0);
    x86_set_seg(env, X86_SEG_SS, 0x7b, 0);
    /* The handler runs with a clean FPU (fpu__clear_user_states). */
    x87_reset(env);
    return 0;
}

static int i386_restore_sigcontext(CpuCommon *cpu, uint32_t sc)
{
    static const uint8_t reg_off[8] = {
        SC_EAX, SC_ECX, SC_EDX, SC_EBX, SC_ESP, SC_EBP, SC_ESI, SC_EDI,
    };
    X86State *env = (X86State *)cpu;
    uint32_t regs[8], eip, fl, gs, fs, es, ds, ss, fpstate;

    for (int i = 0; i < 8; i++) {
        if (guest_get_u32(sc + reg_off[i], &regs[i]) < 0) {
            return -EFAULT;
        }
    }
    if (guest_get_u32(sc + SC_EIP, &eip) < 0 ||
        guest_get_u32(sc + SC_FLAGS, &fl) < 0 ||
        guest_get_u32(sc + SC_GS, &gs) < 0 ||
        guest_get_u32(sc + SC_FS, &fs) < 0 ||
        guest_get_u32(sc + SC_ES, &es) < 0 ||
        guest_get_u32(sc + SC_DS, &ds) < 0 ||
        guest_get_u32(sc + SC_SS, &ss) < 0 ||
        guest_get_u32(sc + SC_FPSTATE, &fpstate) < 0 ||
        i386_restore_fpstate(env, fpstate) < 0) {
        return -EFAULT;
    }
    memcpy(env->regs, regs, sizeof(regs));
    env->eip = eip;
    x86_eflags_write(env, (x86_eflags_read(env) & ~I386_FIX_EFLAGS) |
                          (fl & I386_FIX_EFLAGS));
    /* Selectors that no longer load: 0 for FS/GS, the flat __USER_DS
     * for the others (Linux's IRET would fault on them). */
    if (!x86_load_seg(env, X86_SEG_GS, gs & 0xffff)) {
        x86_set_seg(env, X86_SEG_GS, 0, 0);
    }
    if (!x86_load_seg(env, X86_SEG_FS, fs & 0xffff)) {
        x86_set_seg(env, X86_SEG_FS, 0, 0);
    }
    if (!x86_load_seg(env, X86_SEG_ES, es & 0xffff)) {
        x86_set_seg(env, X86_SEG_ES, 0x7b, 0);
    }
    if (!x86_load_seg(env, X86_SEG_DS, ds & 0xffff)) {
        x86_set_seg(env, X86_SEG_DS, 0x7b, 0);
    }
    if (!x86_load_seg(env, X86_SEG_SS, ss & 0xffff)) {
        x86_set_seg(env, X86_SEG_SS, 0x7b, 0);
    }
    return 0;
}

int64_t i386_do_sigreturn(CpuCommon *cpu, bool rt)
{
    X86State *env = (X86State *)cpu;
    TgtSigset set;

    if (rt) {
        /* __restore_rt runs after "ret" popped pretcode. */
        uint32_t frame = env->regs[X86_ESP] - 4;
        uint32_t uc = frame + RT_UC;
        if (!guest_range_ok(frame, RT_SIZE, PAGE_READ) ||
            signal_sigset_from_guest(&set, uc + UC_SIGMASK, 8) < 0 ||
            i386_restore_sigcontext(cpu, uc + UC_MCONTEXT) < 0) {
            goto bad;
        }
        signal_set_blocked(cpu, &set);
        signal_restore_altstack(cpu, uc + UC_STACK, env->regs[X86_ESP]);
    } else {
        /* __restore popped pretcode and sig ("popl %eax"). */
        uint32_t frame = env->regs[X86_ESP] - 8;
        uint32_t lo, hi;
        if (!guest_range_ok(frame, SF_SIZE, PAGE_READ) ||
            guest_get_u32(frame + SF_SC + SC_OLDMASK, &lo) < 0 ||
            guest_get_u32(frame + SF_EXTRAMASK, &hi) < 0 ||
            i386_restore_sigcontext(cpu, frame + SF_SC) < 0) {
            goto bad;
        }
        memset(&set, 0, sizeof(set));
        set.w[0] = (uint64_t)hi << 32 | lo;
        signal_set_blocked(cpu, &set);
    }
    return SYSCALL_RET_NOREGS;
bad:
    signal_queue_sync(cpu, signal_to_guest(SIGSEGV), TGT_SI_KERNEL, 0);
    return SYSCALL_RET_NOREGS;
}

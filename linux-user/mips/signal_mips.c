/* linux-user/mips/signal_mips.c — o32 signal frames as arch/mips/kernel/
 * signal.c builds them: sigframe (handlers without SA_SIGINFO) and
 * rt_sigframe (siginfo + ucontext), the return trampoline, and their
 * undoing by sigreturn / rt_sigreturn. The LinuxAbi hooks of linux_abi_mips
 * and linux_abi_mipsel.
 *
 * Layout (o32, offsets in bytes; 64-bit slots in guest byte order):
 *   struct sigcontext (592): sc_regmask 0, sc_status 4, sc_pc 8,
 *     sc_regs[32] 16, sc_fpregs[32] 272, sc_acx 528, sc_fpc_csr 532,
 *     sc_fpc_eir 536, sc_used_math 540, sc_dsp 544, sc_mdhi 552,
 *     sc_mdlo 560, sc_hi1..sc_lo3 568
 *   struct ucontext (632): uc_flags 0, uc_link 4, uc_stack 8 (ss_sp,
 *     ss_size, ss_flags: MIPS's stack_t order), uc_mcontext 24,
 *     uc_sigmask 616 (16 bytes)
 *   sigframe (632): sf_ass[4] 0, sf_pad[2] 16, sf_sc 24, sf_mask 616
 *   rt_sigframe (784): rs_ass[4] 0, rs_pad[2] 16, rs_info 24, rs_uc 152
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>

#include "abi_mips.h"
#include "frontend/mips/cpu.h"
#include "linux-user/guest_mem.h"
#include "linux-user/signal.h"
#include "linux-user/syscall.h"

enum {
    SC_PC = 8,
    SC_REGS = 16,
    SC_FPREGS = 272,
    SC_FPC_CSR = 532,
    SC_USED_MATH = 540,
    SC_MDHI = 552,
    SC_MDLO = 560,
    SC_SIZE = 592,

    UC_FLAGS = 0,
    UC_LINK = 4,
    UC_STACK = 8,
    UC_MCONTEXT = 24,
    UC_SIGMASK = 616,
    UC_SIZE = 632,

    SF_SC = 24,
    SF_MASK = 616,
    SF_SIZE = 632,
    RT_INFO = 24,
    RT_UC = 152,
    RT_SIZE = RT_UC + UC_SIZE,

    MIPS_NR_SIGRETURN = 4119,
    MIPS_NR_RT_SIGRETURN = 4193,
};

_Static_assert(UC_MCONTEXT + SC_SIZE == UC_SIGMASK, "ucontext layout");
_Static_assert(SF_SC + SC_SIZE == SF_MASK, "sigframe layout");

/* The trampolines (the kernel's vdso): "li v0, nr; syscall", sigreturn
 * at offset 0, rt_sigreturn at 8, in a page mapped on first use. */
static pthread_once_t mips_sigpage_once = PTHREAD_ONCE_INIT;
static uint32_t mips_sigpage_addr;

static void mips_sigpage_create(void)
{
    int64_t a = guest_mmap(0, GUEST_PAGE_SIZE, PROT_READ | PROT_WRITE,
                           MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

    if (a < 0) {
        return;
    }
    if (guest_put_u32((uint32_t)a, 0x24020000u | MIPS_NR_SIGRETURN) ||
        guest_put_u32((uint32_t)a + 4, 0x0000000cu) ||
        guest_put_u32((uint32_t)a + 8, 0x24020000u | MIPS_NR_RT_SIGRETURN) ||
        guest_put_u32((uint32_t)a + 12, 0x0000000cu) ||
        guest_mprotect((uint32_t)a, GUEST_PAGE_SIZE,
                       PROT_READ | PROT_EXEC) < 0) {
        return;
    }
    guest_mem_set_name((uint32_t)a, GUEST_PAGE_SIZE, "[vdso]");
    mips_sigpage_addr = (uint32_t)a;
}

static uint32_t mips_sigpage(void)
{
    pthread_once(&mips_sigpage_once, mips_sigpage_create);
    return mips_sigpage_addr;
}

/* setup_sigcontext(): 32-bit registers zero-extended into 64-bit slots. */
static int mips_save_sigcontext(MipsState *env, uint32_t sc)
{
    bool fpu = (env->features & MIPS_FEATURE_FPU) != 0;
    int r = 0;

    r |= clear_guest(sc, SC_SIZE);
    r |= guest_put_u64(sc + SC_PC, env->pc);
    for (int i = 1; i < 32; i++) {
        r |= guest_put_u64(sc + SC_REGS + 8 * (uint32_t)i, env->gpr[i]);
    }
    r |= guest_put_u64(sc + SC_MDHI, env->hi);
    r |= guest_put_u64(sc + SC_MDLO, env->lo);
    r |= guest_put_u32(sc + SC_USED_MATH, fpu ? 1 : 0);
    if (fpu) {
        /* As the kernel's copy_fp_to_sigcontext: all 32 64-bit registers
         * under FR = 1; under FR = 0 the even slots only, each holding
         * the pair (low word = the even register). */
        int inc = env->fp_mode & MIPS_FP_MODE_FR ? 1 : 2;
        for (int i = 0; i < 32; i += inc) {
            r |= guest_put_u64(sc + SC_FPREGS + 8 * (uint32_t)i, env->fpr[i]);
        }
        r |= guest_put_u32(sc + SC_FPC_CSR, mips_fcsr_get(env));
    }
    return r ? -EFAULT : 0;
}

static int mips_restore_sigcontext(MipsState *env, uint32_t sc)
{
    uint64_t v;
    uint32_t w;

    if (guest_get_u64(sc + SC_PC, &v)) {
        return -EFAULT;
    }
    env->pc = (uint32_t)v;
    for (int i = 1; i < 32; i++) {
        if (guest_get_u64(sc + SC_REGS + 8 * (uint32_t)i, &v)) {
            return -EFAULT;
        }
        env->gpr[i] = (uint32_t)v;
    }
    if (guest_get_u64(sc + SC_MDHI, &v)) {
        return -EFAULT;
    }
    env->hi = (uint32_t)v;
    if (guest_get_u64(sc + SC_MDLO, &v)) {
        return -EFAULT;
    }
    env->lo = (uint32_t)v;
    if ((env->features & MIPS_FEATURE_FPU) &&
        guest_get_u32(sc + SC_USED_MATH, &w) == 0 && w) {
        int inc = env->fp_mode & MIPS_FP_MODE_FR ? 1 : 2;
        for (int i = 0; i < 32; i += inc) {
            if (guest_get_u64(sc + SC_FPREGS + 8 * (uint32_t)i, &v)) {
                return -EFAULT;
            }
            env->fpr[i] = v;
        }
        if (guest_get_u32(sc + SC_FPC_CSR, &w)) {
            return -EFAULT;
        }
        mips_fcsr_set(env, w & ~0x000c0000u);
    }
    return 0;
}

int mips_setup_frame(CpuCommon *cpu, int tgt_sig,
                     const struct TgtSigAction *ka,
                     const struct TgtSigInfo *info,
                     const uint64_t *tgt_blocked)
{
    MipsState *env = (MipsState *)cpu;
    bool rt = info != NULL;
    uint32_t size = rt ? RT_SIZE : SF_SIZE;
    /* get_sigframe(): 32 bytes below sp, then the alternate stack. */
    uint32_t sp = signal_frame_sp(cpu, ka, env->gpr[29] - 32);
    uint32_t frame = (sp - size) & ~7u;
    TgtSigset set = { { tgt_blocked[0], tgt_blocked[1] } };
    uint32_t page = mips_sigpage();
    int r = 0;

    if (!page || frame > sp ||
        !guest_range_ok(frame, size, PAGE_READ | PAGE_WRITE)) {
        return -EFAULT;
    }
    r |= clear_guest(frame, 24);
    if (rt) {
        uint32_t uc = frame + RT_UC;
        r |= signal_siginfo_to_guest(frame + RT_INFO, info);
        r |= guest_put_u32(uc + UC_FLAGS, 0);
        r |= guest_put_u32(uc + UC_LINK, 0);
        r |= signal_save_altstack(cpu, uc + UC_STACK, env->gpr[29]);
        r |= mips_save_sigcontext(env, uc + UC_MCONTEXT);
        r |= signal_sigset_to_guest(uc + UC_SIGMASK, &set, 16);
    } else {
        r |= mips_save_sigcontext(env, frame + SF_SC);
        r |= signal_sigset_to_guest(frame + SF_MASK, &set, 16);
    }
    if (r) {
        return -EFAULT;
    }
    /* Handler entry: a0 = signal, a1 = &info (rt) or 0, a2 = &sc / &uc,
     * t9 = pc = handler (PIC), ra = the trampoline. */
    env->gpr[4] = (uint32_t)tgt_sig;
    env->gpr[5] = rt ? frame + RT_INFO : 0;
    env->gpr[6] = rt ? frame + RT_UC : frame + SF_SC;
    env->gpr[29] = frame;
    env->gpr[31] = page + (rt ? 8 : 0);
    env->gpr[25] = ka->handler;
    env->pc = ka->handler;
    return 0;
}

int64_t mips_do_sigreturn(CpuCommon *cpu, bool rt)
{
    MipsState *env = (MipsState *)cpu;
    uint32_t frame = env->gpr[29];
    uint32_t sc = rt ? frame + RT_UC + UC_MCONTEXT : frame + SF_SC;
    uint32_t mask = rt ? frame + RT_UC + UC_SIGMASK : frame + SF_MASK;
    TgtSigset set;

    if (!guest_range_ok(frame, rt ? RT_SIZE : SF_SIZE, PAGE_READ) ||
        signal_sigset_from_guest(&set, mask, 16) < 0 ||
        mips_restore_sigcontext(env, sc) < 0) {
        signal_queue_sync(cpu, signal_to_guest(SIGSEGV), TGT_SI_KERNEL, 0);
        return SYSCALL_RET_NOREGS;
    }
    signal_set_blocked(cpu, &set);
    if (rt) {
        signal_restore_altstack(cpu, frame + RT_UC + UC_STACK, env->gpr[29]);
    }
    return SYSCALL_RET_NOREGS;
}

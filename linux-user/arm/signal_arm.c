/* linux-user/arm/signal_arm.c — ARM signal frames as arch/arm/kernel/
 * signal.c builds them: sigframe (handlers without SA_SIGINFO) and
 * rt_sigframe (siginfo + ucontext), the return trampoline, and their
 * undoing by sigreturn / rt_sigreturn. The LinuxAbi hooks of linux_abi_arm.
 *
 * Layout (32-bit, offsets in bytes):
 *   struct sigcontext (84): trap_no, error_code, oldmask, r0..r10, fp, ip,
 *     sp, lr, pc, cpsr, fault_address
 *   struct ucontext (744): uc_flags 0, uc_link 4, uc_stack 8 (ss_sp,
 *     ss_flags, ss_size), uc_mcontext 20, uc_sigmask 104 (8 bytes, then
 *     padding to 128 as glibc's sigset_t), uc_regspace 232 (512 bytes)
 *   sigframe (752): ucontext, retcode[2] at 744
 *   rt_sigframe (880): siginfo (128), then a sigframe at 128
 * uc_regspace (struct aux_sigframe): on a model with VFP the VFP record
 * (struct vfp_sigframe, arch/arm/include/asm/ucontext.h: magic
 * 0x56465001, size 0x120, d0-d31, fpscr, then fpexc, fpinst, fpinst2),
 * then the terminating zero magic; without VFP (ARMv5TE) only the zero,
 * as a kernel on such a cpu writes. No iWMMXt record (no such cpu).
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>

#include "abi_arm.h"
#include "frontend/arm/cpu.h"
#include "linux-user/guest_mem.h"
#include "linux-user/signal.h"
#include "linux-user/syscall.h"

enum {
    ARM_SC_TRAP_NO = 0,
    ARM_SC_ERROR_CODE = 4,
    ARM_SC_OLDMASK = 8,
    ARM_SC_R0 = 12,             /* r0..r10, fp, ip, sp, lr, pc */
    ARM_SC_CPSR = 76,
    ARM_SC_FAULT_ADDRESS = 80,
    ARM_SC_SIZE = 84,

    ARM_UC_FLAGS = 0,
    ARM_UC_LINK = 4,
    ARM_UC_STACK = 8,
    ARM_UC_MCONTEXT = 20,
    ARM_UC_SIGMASK = 104,
    ARM_UC_REGSPACE = 232,
    ARM_UC_SIZE = 744,

    ARM_SIGFRAME_RETCODE = ARM_UC_SIZE,
    ARM_SIGFRAME_SIZE = ARM_UC_SIZE + 8,
    ARM_RT_INFO = 0,
    ARM_RT_SIG = TGT_SIGINFO_SIZE,
    ARM_RT_SIGFRAME_SIZE = TGT_SIGINFO_SIZE + ARM_SIGFRAME_SIZE,

    ARM_NR_SIGRETURN = 119,
    ARM_NR_RT_SIGRETURN = 173,
    /* What a non-RT frame's uc_flags holds (a value trap_no never has). */
    ARM_UC_FLAGS_SIGFRAME = 0x5ac3c35a,

    /* struct vfp_sigframe */
    ARM_VFP_MAGIC = 0x56465001,
    ARM_VFP_SIZE = 0x120,
    ARM_VFP_FPREGS = 8,
    ARM_VFP_FPSCR = 8 + 256,
    ARM_VFP_FPEXC = 8 + 264,
    ARM_VFP_FPINST = 8 + 268,
    ARM_VFP_FPINST2 = 8 + 272,
};

_Static_assert(ARM_VFP_FPINST2 + 4 + 4 == ARM_VFP_SIZE,
               "vfp_sigframe: 8-byte aligned struct of 0x120 bytes");
_Static_assert(ARM_VFP_SIZE + 4 <= 512, "the VFP record fits uc_regspace");

_Static_assert(ARM_UC_MCONTEXT + ARM_SC_SIZE == ARM_UC_SIGMASK,
               "ucontext: uc_sigmask follows uc_mcontext");
_Static_assert(ARM_UC_SIGMASK + 128 == ARM_UC_REGSPACE,
               "ucontext: regspace after a 128-byte sigmask area");

/* The return trampolines (arch/arm/kernel/sigreturn_codes.S): ARM
 * "mov r7, #nr; svc 0" and Thumb "movs r7, #nr; svc 0", for sigreturn at
 * index 0 (ARM) / 2 (Thumb) and rt_sigreturn at 3 / 5. Stored as
 * halfwords for Thumb so the code is right in either byte order. */
static int arm_write_codes(uint32_t addr, bool thumb, bool rt)
{
    uint32_t nr = rt ? ARM_NR_RT_SIGRETURN : ARM_NR_SIGRETURN;
    int r;

    if (thumb) {
        r = guest_put_u16(addr, (uint16_t)(0x2700 | nr));
        if (r == 0) {
            r = guest_put_u16(addr + 2, 0xdf00);
        }
        return r;
    }
    r = guest_put_u32(addr, 0xe3a07000u | nr);
    if (r == 0) {
        r = guest_put_u32(addr + 4, 0xef000000u);
    }
    return r;
}

/* The signal-return page, like the kernel's sigpage: mapped on first use,
 * read and execute only; 0 when it cannot be mapped. */
static pthread_once_t arm_sigpage_once = PTHREAD_ONCE_INIT;
static uint32_t arm_sigpage_addr;

static void arm_sigpage_create(void)
{
    int64_t a = guest_mmap(0, GUEST_PAGE_SIZE, PROT_READ | PROT_WRITE,
                           MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

    if (a < 0) {
        return;
    }
    for (int idx = 0; idx < 6; idx += 3) {
        bool rt = idx == 3;
        if (arm_write_codes((uint32_t)a + idx * 4, false, rt) ||
            arm_write_codes((uint32_t)a + (idx + 2) * 4, true, rt)) {
            return;
        }
    }
    if (guest_mprotect((uint32_t)a, GUEST_PAGE_SIZE,
                       PROT_READ | PROT_EXEC) < 0) {
        return;
    }
    guest_mem_set_name((uint32_t)a, GUEST_PAGE_SIZE, "[sigpage]");
    arm_sigpage_addr = (uint32_t)a;
}

static uint32_t arm_sigpage(void)
{
    pthread_once(&arm_sigpage_once, arm_sigpage_create);
    return arm_sigpage_addr;
}

/* preserve_vfp_context(): the VFP record (when the cpu has VFP) and the
 * end magic. The handler then runs with the same FPSCR except Len and
 * Stride (vfp_preserve_user_clear_hwstate). */
static int arm_save_vfp(ArmState *env, uint32_t aux)
{
    int r = 0;

    if (!(env->features & ARM_FEATURE_VFP)) {
        return guest_put_u32(aux, 0);
    }
    r |= guest_put_u32(aux, ARM_VFP_MAGIC);
    r |= guest_put_u32(aux + 4, ARM_VFP_SIZE);
    for (int i = 0; i < 32; i++) {
        r |= guest_put_u64(aux + ARM_VFP_FPREGS + 8 * i, env->vfp_d[i]);
    }
    r |= guest_put_u32(aux + ARM_VFP_FPSCR, arm_fpscr_read(env));
    r |= guest_put_u32(aux + ARM_VFP_FPSCR + 4, 0);
    r |= guest_put_u32(aux + ARM_VFP_FPEXC, env->fpexc);
    r |= guest_put_u32(aux + ARM_VFP_FPINST, 0);
    r |= guest_put_u32(aux + ARM_VFP_FPINST2, 0);
    r |= guest_put_u32(aux + ARM_VFP_SIZE, 0);
    if (r == 0) {
        arm_fpscr_write(env, arm_fpscr_read(env) &
                             ~(ARM_FPSCR_LEN | ARM_FPSCR_STRIDE));
    }
    return r;
}

/* restore_vfp_context(): a wrong magic or size is a bad frame. FPEXC is
 * sanitised by the kernel (EN kept on); user code cannot change it. */
static int arm_restore_vfp(ArmState *env, uint32_t aux)
{
    uint32_t magic, size, fpscr;
    uint64_t regs[32];

    if (!(env->features & ARM_FEATURE_VFP)) {
        return 0;
    }
    if (guest_get_u32(aux, &magic) < 0 || guest_get_u32(aux + 4, &size) < 0 ||
        magic != ARM_VFP_MAGIC || size != ARM_VFP_SIZE) {
        return -EINVAL;
    }
    for (int i = 0; i < 32; i++) {
        if (guest_get_u64(aux + ARM_VFP_FPREGS + 8 * i, &regs[i]) < 0) {
            return -EFAULT;
        }
    }
    if (guest_get_u32(aux + ARM_VFP_FPSCR, &fpscr) < 0) {
        return -EFAULT;
    }
    memcpy(env->vfp_d, regs, sizeof(regs));
    arm_fpscr_write(env, fpscr);
    return 0;
}

/* setup_sigframe(): the registers, the mask and the aux area. */
static int arm_save_sigcontext(ArmState *env, uint32_t uc,
                               const uint64_t *blocked,
                               const struct TgtSigInfo *info)
{
    uint32_t sc = uc + ARM_UC_MCONTEXT;
    TgtSigset set = { { blocked[0], blocked[1] } };
    int r = 0;

    r |= guest_put_u32(sc + ARM_SC_TRAP_NO, 0);
    r |= guest_put_u32(sc + ARM_SC_ERROR_CODE, 0);
    r |= guest_put_u32(sc + ARM_SC_OLDMASK, (uint32_t)set.w[0]);
    for (int i = 0; i < 16; i++) {
        r |= guest_put_u32(sc + ARM_SC_R0 + 4 * i, env->r[i]);
    }
    r |= guest_put_u32(sc + ARM_SC_CPSR, arm_cpsr_read(env));
    r |= guest_put_u32(sc + ARM_SC_FAULT_ADDRESS,
                       info && info->kind == TGT_SIKIND_FAULT ? info->addr
                                                              : 0);
    r |= clear_guest(uc + ARM_UC_SIGMASK, 128);
    r |= signal_sigset_to_guest(uc + ARM_UC_SIGMASK, &set, 8);
    r |= arm_save_vfp(env, uc + ARM_UC_REGSPACE);
    return r ? -EFAULT : 0;
}

int arm_setup_frame(CpuCommon *cpu, int tgt_sig,
                    const struct TgtSigAction *ka,
                    const struct TgtSigInfo *info,
                    const uint64_t *tgt_blocked)
{
    ArmState *env = (ArmState *)cpu;
    bool rt = info != NULL;
    uint32_t size = rt ? ARM_RT_SIGFRAME_SIZE : ARM_SIGFRAME_SIZE;
    uint32_t sp = signal_frame_sp(cpu, ka, env->r[13]);
    uint32_t frame = (sp - size) & ~7u;
    uint32_t sf = rt ? frame + ARM_RT_SIG : frame;
    uint32_t uc = sf;
    uint32_t rc = sf + ARM_SIGFRAME_RETCODE;
    bool thumb = ka->handler & 1;
    uint32_t retaddr, cpsr;
    int r = 0;

    if (frame > sp || !guest_range_ok(frame, size, PAGE_READ | PAGE_WRITE)) {
        return -EFAULT;
    }
    if (rt) {
        r |= signal_siginfo_to_guest(frame + ARM_RT_INFO, info);
        r |= guest_put_u32(uc + ARM_UC_FLAGS, 0);
        r |= guest_put_u32(uc + ARM_UC_LINK, 0);
        r |= signal_save_altstack(cpu, uc + ARM_UC_STACK, env->r[13]);
    } else {
        r |= guest_put_u32(uc + ARM_UC_FLAGS, ARM_UC_FLAGS_SIGFRAME);
        r |= guest_put_u32(uc + ARM_UC_LINK, 0);
        r |= clear_guest(uc + ARM_UC_STACK, 12);
    }
    r |= arm_save_sigcontext(env, uc, tgt_blocked, info);

    /* setup_return(): SA_RESTORER (glibc always sets it) gives the return
     * address; else the code goes on the stack, as the ABI wants, and lr
     * points at the same code in the sigpage (the stack may not be
     * executable). */
    if (ka->flags & TGT_SA_RESTORER) {
        retaddr = ka->restorer;
    } else {
        uint32_t idx = (thumb ? 2 : 0) + (rt ? 3 : 0);
        uint32_t page = arm_sigpage();
        r |= guest_put_u32(rc, 0);
        r |= guest_put_u32(rc + 4, 0);
        r |= arm_write_codes(rc, thumb, rt);
        retaddr = page ? page + idx * 4 + thumb : rc + thumb;
        if (!page) {
            guest_mem_invalidate_code(rc, 8);
        }
    }
    if (r) {
        return -EFAULT;
    }
    /* Handler entry (setup_return): flags and IT state cleared (GE
     * kept), instruction set from bit 0, the exclusive monitor open. */
    cpsr = arm_cpsr_read(env) & ~(ARM_CPSR_NZCVQ | ARM_CPSR_IT | ARM_CPSR_T);
    arm_cpsr_write(env, cpsr, ARM_CPSR_NZCVQ | ARM_CPSR_IT | ARM_CPSR_T);
    arm_clear_exclusive(env);
    env->r[0] = (uint32_t)tgt_sig;
    if (rt) {
        env->r[1] = frame + ARM_RT_INFO;
        env->r[2] = uc;
    }
    env->r[13] = frame;
    env->r[14] = retaddr;
    arm_set_pc(env, ka->handler);
    return 0;
}

/* restore_sigframe(): registers, flags and Thumb state, the mask. */
static int arm_restore_sigcontext(CpuCommon *cpu, uint32_t uc)
{
    ArmState *env = (ArmState *)cpu;
    uint32_t sc = uc + ARM_UC_MCONTEXT;
    uint32_t regs[16], cpsr;
    TgtSigset set;

    if (signal_sigset_from_guest(&set, uc + ARM_UC_SIGMASK, 8) < 0) {
        return -EFAULT;
    }
    for (int i = 0; i < 16; i++) {
        if (guest_get_u32(sc + ARM_SC_R0 + 4 * i, &regs[i]) < 0) {
            return -EFAULT;
        }
    }
    if (guest_get_u32(sc + ARM_SC_CPSR, &cpsr) < 0) {
        return -EFAULT;
    }
    if (arm_restore_vfp(env, uc + ARM_UC_REGSPACE) < 0) {
        return -EFAULT;
    }
    signal_set_blocked(cpu, &set);
    memcpy(env->r, regs, sizeof(regs));
    /* valid_user_regs(): the mode stays USR; NZCVQ, GE, IT and T come
     * back (an interrupted IT block resumes). */
    arm_cpsr_write(env, cpsr, ARM_CPSR_NZCVQ | ARM_CPSR_GE | ARM_CPSR_IT |
                   ARM_CPSR_T);
    arm_clear_exclusive(env);
    if (env->thumb) {
        env->r[15] &= ~1u;
    }
    return 0;
}

int64_t arm_do_sigreturn(CpuCommon *cpu, bool rt)
{
    ArmState *env = (ArmState *)cpu;
    uint32_t frame = env->r[13];
    uint32_t uc = rt ? frame + ARM_RT_SIG : frame;

    /* The frame was put on an 8-byte boundary: anything else is not ours
     * (the kernel's badframe check). */
    if ((frame & 7) ||
        !guest_range_ok(frame, rt ? ARM_RT_SIGFRAME_SIZE : ARM_SIGFRAME_SIZE,
                        PAGE_READ) ||
        arm_restore_sigcontext(cpu, uc) < 0) {
        signal_queue_sync(cpu, signal_to_guest(SIGSEGV), TGT_SI_KERNEL, 0);
        return SYSCALL_RET_NOREGS;
    }
    if (rt) {
        signal_restore_altstack(cpu, uc + ARM_UC_STACK, env->r[13]);
    }
    return SYSCALL_RET_NOREGS;
}

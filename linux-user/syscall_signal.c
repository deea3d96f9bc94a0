/* linux-user/syscall_signal.c — the signal syscalls: dispositions
 * (rt_sigaction, sigaction), masks (rt_sigprocmask, sigprocmask), pending
 * and waiting (rt_sigpending, rt_sigsuspend, pause, rt_sigtimedwait),
 * sending (kill, tkill, tgkill, rt_sigqueueinfo, rt_tgsigqueueinfo),
 * sigaltstack and sigreturn. Works on signal.c's guest-side state.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "abi.h"
#include "guest_mem.h"
#include "signal.h"
#include "syscall.h"
#include "task.h"

enum {
    TGT_SIG_BLOCK = 0,
    TGT_SIG_UNBLOCK = 1,
    TGT_SIG_SETMASK = 2,
};

static uint32_t sig_arg(const SyscallCall *c, unsigned i)
{
    return (uint32_t)c->arg[i];
}

/* Bytes of the guest's kernel sigset_t (8 for 64 signals). */
static uint32_t sig_setsize(void)
{
    const LinuxAbi *abi = linux_process.abi;
    return (uint32_t)(abi->tgt_nsig - 1) / 8;
}

static bool sig_valid(int sig)
{
    return sig >= 1 && sig < linux_process.abi->tgt_nsig;
}

/* ---- Dispositions ---------------------------------------------------- */

/* rt_sigaction(sig, act, oact, sigsetsize): struct sigaction is
 * {handler, flags, restorer, mask} on ARM, i386, PPC. */
static int64_t sys_rt_sigaction(CpuCommon *cpu, const SyscallCall *c)
{
    int sig = (int)sig_arg(c, 0);
    uint32_t act = sig_arg(c, 1), oact = sig_arg(c, 2);
    uint32_t size = c->id == SYSID_rt_sigaction ? sig_arg(c, 3) : 0;
    bool old = c->id == SYSID_sigaction;
    const LinuxAbi *abi = linux_process.abi;
    /* The generic {handler, flags, restorer, mask} unless the ABI says. */
    static const AbiSigactionLayout generic = {
        .handler = 0, .flags = 4, .mask = 12, .restorer = 8,
    };
    const AbiSigactionLayout *lay = abi->sigaction_layout
                                        ? abi->sigaction_layout : &generic;
    TgtSigAction cur, nw;
    int r;

    if (!old && size != sig_setsize()) {
        return -EINVAL;
    }
    if (!sig_valid(sig)) {
        return -EINVAL;
    }
    if (act) {
        uint32_t mask32;
        memset(&nw, 0, sizeof(nw));
        if (old && abi->sigaction_layout) {
            /* The ABI's own layout (MIPS sigaction(2): flags, handler,
             * mask of which the first word counts). */
            r = guest_get_u32(act + lay->handler, &nw.handler);
            r = r ? r : guest_get_u32(act + lay->flags, &nw.flags);
            r = r ? r : guest_get_u32(act + lay->mask, &mask32);
            nw.mask.w[0] = mask32;
            nw.flags = abi_flags_to_host(abi->sa_flags, nw.flags);
        } else if (old) {
            /* struct old_sigaction: handler, mask (one word), flags,
             * restorer. */
            r = guest_get_u32(act, &nw.handler);
            r = r ? r : guest_get_u32(act + 4, &mask32);
            r = r ? r : guest_get_u32(act + 8, &nw.flags);
            r = r ? r : guest_get_u32(act + 12, &nw.restorer);
            nw.mask.w[0] = mask32;
        } else {
            r = guest_get_u32(act + lay->handler, &nw.handler);
            r = r ? r : guest_get_u32(act + lay->flags, &nw.flags);
            if (lay->restorer >= 0) {
                r = r ? r : guest_get_u32(act + (uint32_t)lay->restorer,
                                          &nw.restorer);
            }
            r = r ? r : signal_sigset_from_guest(&nw.mask, act + lay->mask,
                                                 size);
            nw.flags = abi_flags_to_host(abi->sa_flags, nw.flags);
        }
        if (r) {
            return -EFAULT;
        }
    }
    signal_get_action(sig, &cur);
    if (act) {
        r = signal_set_action(sig, &nw);
        if (r < 0) {
            return r;
        }
    }
    if (oact) {
        if (old && abi->sigaction_layout) {
            r = guest_put_u32(oact + lay->handler, cur.handler);
            r = r ? r : guest_put_u32(oact + lay->flags,
                                      abi_flags_to_guest(abi->sa_flags,
                                                         cur.flags));
            r = r ? r : clear_guest(oact + lay->mask, 16);
            r = r ? r : guest_put_u32(oact + lay->mask,
                                      (uint32_t)cur.mask.w[0]);
        } else if (old) {
            r = guest_put_u32(oact, cur.handler);
            r = r ? r : guest_put_u32(oact + 4, (uint32_t)cur.mask.w[0]);
            r = r ? r : guest_put_u32(oact + 8, cur.flags);
            r = r ? r : guest_put_u32(oact + 12, cur.restorer);
        } else {
            r = guest_put_u32(oact + lay->handler, cur.handler);
            r = r ? r : guest_put_u32(oact + lay->flags,
                                      abi_flags_to_guest(abi->sa_flags,
                                                         cur.flags));
            if (lay->restorer >= 0) {
                r = r ? r : guest_put_u32(oact + (uint32_t)lay->restorer,
                                          cur.restorer);
            }
            r = r ? r : signal_sigset_to_guest(oact + lay->mask, &cur.mask,
                                               size);
        }
        if (r) {
            return -EFAULT;
        }
    }
    return 0;
}

/* ---- Masks ----------------------------------------------------------- */

static int sig_apply_how(CpuCommon *cpu, int how, const TgtSigset *set,
                         bool old_abi)
{
    TgtSigset b;

    signal_get_blocked(cpu, &b);
    switch (how) {
    case TGT_SIG_BLOCK:
        b.w[0] |= set->w[0];
        b.w[1] |= set->w[1];
        break;
    case TGT_SIG_UNBLOCK:
        b.w[0] &= ~set->w[0];
        b.w[1] &= ~set->w[1];
        break;
    case TGT_SIG_SETMASK:
        if (old_abi) {
            /* The old call sets the first 32 signals only. */
            b.w[0] = (b.w[0] & ~UINT64_C(0xffffffff)) |
                     (set->w[0] & 0xffffffffu);
        } else {
            b = *set;
        }
        break;
    default:
        return -EINVAL;
    }
    signal_set_blocked(cpu, &b);
    return 0;
}

/* rt_sigprocmask(how, set, oset, size) / sigprocmask(how, set, oset). */
static int64_t sys_rt_sigprocmask(CpuCommon *cpu, const SyscallCall *c)
{
    bool old = c->id == SYSID_sigprocmask;
    uint32_t size = old ? 4 : sig_arg(c, 3);
    uint32_t set = sig_arg(c, 1), oset = sig_arg(c, 2);
    TgtSigset cur, nw;
    int r;

    if (!old && size != sig_setsize()) {
        return -EINVAL;
    }
    signal_get_blocked(cpu, &cur);
    if (set) {
        r = signal_sigset_from_guest(&nw, set, size);
        if (r < 0) {
            return r;
        }
        /* The guest's SIG_BLOCK may not be 0 (MIPS: 1). */
        r = sig_apply_how(cpu, (int)(sig_arg(c, 0) -
                                     linux_process.abi->sig_block_base),
                          &nw, old);
        if (r < 0) {
            return r;
        }
    }
    if (oset) {
        r = signal_sigset_to_guest(oset, &cur, size);
        if (r < 0) {
            return r;
        }
    }
    return 0;
}

static int64_t sys_rt_sigpending(CpuCommon *cpu, const SyscallCall *c)
{
    bool old = c->id == SYSID_sigpending;
    uint32_t size = old ? 4 : sig_arg(c, 1);
    TgtSigset p, b;

    if (!old && size > sig_setsize()) {
        return -EINVAL;
    }
    signal_get_pending(cpu, &p);
    signal_get_blocked(cpu, &b);
    /* Only blocked signals can stay pending from the guest's view. */
    p.w[0] &= b.w[0];
    p.w[1] &= b.w[1];
    return signal_sigset_to_guest(sig_arg(c, 0), &p, size);
}

/* ---- Waiting --------------------------------------------------------- */

/* rt_sigsuspend(mask, size), sigsuspend(_, _, mask), pause(): wait with
 * a temporary mask until a signal runs a handler; -EINTR, and the frame
 * saves the mask from before the call (TaskSignals.saved_mask). */
static int64_t sys_rt_sigsuspend(CpuCommon *cpu, const SyscallCall *c)
{
    TaskSignals *s = task_of(cpu)->signals;
    TgtSigset mask;
    int r;

    if (c->id == SYSID_pause) {
        signal_get_blocked(cpu, &mask);
    } else if (c->id == SYSID_sigsuspend) {
        signal_get_blocked(cpu, &mask);
        mask.w[0] = (mask.w[0] & ~UINT64_C(0xffffffff)) | sig_arg(c, 2);
    } else {
        if (sig_arg(c, 1) != sig_setsize()) {
            return -EINVAL;
        }
        r = signal_sigset_from_guest(&mask, sig_arg(c, 0), sig_arg(c, 1));
        if (r < 0) {
            return r;
        }
    }
    if (c->id != SYSID_pause) {
        signal_get_blocked(cpu, &s->saved_mask);
        s->has_saved_mask = true;
        signal_set_blocked(cpu, &mask);
    }
    while (!signal_pending(cpu)) {
        signal_host_suspend(cpu, &mask);
    }
    return -EINTR;
}

/* rt_sigtimedwait(set, info, timeout, size) and the _time64 variant:
 * takes a pending signal of `set`; else waits (ppoll with the host mask
 * opened for `set` and the guest's unblocked signals) until one comes
 * (returned), a handled signal interrupts (-EINTR), or the time is up. */
static int64_t sys_rt_sigtimedwait(CpuCommon *cpu, const SyscallCall *c)
{
    uint32_t setp = sig_arg(c, 0), infop = sig_arg(c, 1);
    uint32_t tsp = sig_arg(c, 2), size = sig_arg(c, 3);
    struct timespec ts, *tp = NULL;
    TgtSigset set, blocked, open;
    TgtSigInfo info;
    int r, sig;

    if (size != sig_setsize()) {
        return -EINVAL;
    }
    r = signal_sigset_from_guest(&set, setp, size);
    if (r < 0) {
        return r;
    }
    tgt_sigset_del(&set, signal_to_guest(SIGKILL));
    tgt_sigset_del(&set, signal_to_guest(SIGSTOP));
    if (tsp) {
        if (c->id == SYSID_rt_sigtimedwait_time64) {
            uint64_t sec, nsec;
            r = guest_get_u64(tsp, &sec);
            r = r ? r : guest_get_u64(tsp + 8, &nsec);
            ts.tv_sec = (time_t)(int64_t)sec;
            ts.tv_nsec = (long)(int64_t)nsec;
        } else {
            uint32_t sec, nsec;
            r = guest_get_u32(tsp, &sec);
            r = r ? r : guest_get_u32(tsp + 4, &nsec);
            ts.tv_sec = (time_t)(int32_t)sec;
            ts.tv_nsec = (long)(int32_t)nsec;
        }
        if (r) {
            return -EFAULT;
        }
        if (ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000L || ts.tv_sec < 0) {
            return -EINVAL;
        }
        tp = &ts;
    }
    signal_get_blocked(cpu, &blocked);
    /* Open: signals of set, and unblocked ones (they interrupt). */
    open.w[0] = set.w[0] | ~blocked.w[0];
    open.w[1] = set.w[1] | ~blocked.w[1];
    for (;;) {
        sigset_t old, wait, hopen;
        int n;

        sig = signal_dequeue(cpu, &set, &info);
        if (sig) {
            break;
        }
        if (signal_pending(cpu)) {
            return -EINTR;
        }
        signal_block_host(&old);
        /* Recheck with everything blocked, then wait atomically. */
        sig = signal_dequeue(cpu, &set, &info);
        if (sig || signal_pending(cpu)) {
            signal_restore_host(&old);
            if (sig) {
                break;
            }
            return -EINTR;
        }
        sigfillset(&wait);
        signal_host_set(&open, &hopen);
        for (int h = 1; h < SIGRTMAX + 1; h++) {
            if (sigismember(&hopen, h) == 1) {
                sigdelset(&wait, h);
            }
        }
        sigdelset(&wait, SIGSEGV);
        sigdelset(&wait, SIGBUS);
        n = ppoll(NULL, 0, tp, &wait);
        signal_restore_host(&old);
        if (n == 0) {
            return -EAGAIN;
        }
        /* A signal came (recorded by the handler): look again. With a
         * timeout the remaining time is not tracked (restarts are rare). */
    }
    if (infop) {
        r = signal_siginfo_to_guest(infop, &info);
        if (r < 0) {
            return r;
        }
    }
    return sig;
}

/* ---- Sending --------------------------------------------------------- */

static int sig_host_of(int tgt_sig)
{
    int h;

    if (tgt_sig == 0) {
        return 0;
    }
    if (!sig_valid(tgt_sig)) {
        return -EINVAL;
    }
    h = signal_to_host(tgt_sig);
    return h > 0 ? h : -EINVAL;
}

/* kill(pid, sig), tkill(tid, sig), tgkill(tgid, tid, sig). */
static int64_t sys_kill(CpuCommon *cpu, const SyscallCall *c)
{
    int h;
    long r;

    switch (c->id) {
    case SYSID_kill:
        h = sig_host_of((int)sig_arg(c, 1));
        if (h < 0) {
            return h;
        }
        r = kill((pid_t)(int32_t)sig_arg(c, 0), h);
        break;
    case SYSID_tkill:
        h = sig_host_of((int)sig_arg(c, 1));
        if (h < 0) {
            return h;
        }
        r = syscall(SYS_tkill, (pid_t)(int32_t)sig_arg(c, 0), h);
        break;
    default:
        h = sig_host_of((int)sig_arg(c, 2));
        if (h < 0) {
            return h;
        }
        r = syscall(SYS_tgkill, (pid_t)(int32_t)sig_arg(c, 0),
                    (pid_t)(int32_t)sig_arg(c, 1), h);
        break;
    }
    return r < 0 ? -errno : 0;
}

/* rt_sigqueueinfo(pid, sig, info), rt_tgsigqueueinfo(tgid, tid, sig,
 * info): the guest's siginfo (kill/rt members) as a host one. */
static int64_t sys_rt_sigqueueinfo(CpuCommon *cpu, const SyscallCall *c)
{
    bool tg = c->id == SYSID_rt_tgsigqueueinfo;
    int tgt_sig = (int)sig_arg(c, tg ? 2 : 1);
    uint32_t ip = sig_arg(c, tg ? 3 : 2);
    uint32_t code, pid, uid, value;
    siginfo_t si;
    int h = sig_host_of(tgt_sig);
    long r;

    if (h < 0) {
        return h;
    }
    /* MIPS: si_code is the second word (LinuxAbi.siginfo_swapped). */
    if (guest_get_u32(ip + (linux_process.abi->siginfo_swapped ? 4 : 8),
                      &code) ||
        guest_get_u32(ip + 12, &pid) ||
        guest_get_u32(ip + 16, &uid) || guest_get_u32(ip + 20, &value)) {
        return -EFAULT;
    }
    if (linux_process.abi->siginfo_swapped) {
        code = (uint32_t)signal_si_code_from_mips((int)code);
    }
    memset(&si, 0, sizeof(si));
    si.si_signo = h;
    si.si_code = (int)code;
    si.si_pid = (pid_t)pid;
    si.si_uid = uid;
    si.si_value.sival_int = (int)value;
    if (tg) {
        r = syscall(SYS_rt_tgsigqueueinfo, (pid_t)(int32_t)sig_arg(c, 0),
                    (pid_t)(int32_t)sig_arg(c, 1), h, &si);
    } else {
        r = syscall(SYS_rt_sigqueueinfo, (pid_t)(int32_t)sig_arg(c, 0), h,
                    &si);
    }
    return r < 0 ? -errno : 0;
}

/* ---- Alternate stack and return -------------------------------------- */

static int64_t sys_sigaltstack(CpuCommon *cpu, const SyscallCall *c)
{
    TaskState *ts = task_of(cpu);
    const LinuxAbi *abi = linux_process.abi;
    uint32_t ss = sig_arg(c, 0), oss = sig_arg(c, 1);
    uint32_t sp = abi->get_sp(cpu);
    bool on = ts->ss_size && sp - ts->ss_sp <= ts->ss_size;
    uint32_t nsp = 0, nflags = 0, nsize = 0;

    /* MIPS's stack_t has ss_size before ss_flags. */
    uint32_t fo = abi->stack_t_size_second ? 8 : 4;
    if (ss && (guest_get_u32(ss, &nsp) || guest_get_u32(ss + fo, &nflags) ||
               guest_get_u32(ss + (12 - fo), &nsize))) {
        return -EFAULT;
    }
    if (oss) {
        int r = signal_save_altstack(cpu, oss, sp);
        if (r < 0) {
            return r;
        }
    }
    if (ss) {
        uint32_t mode = nflags & ~(uint32_t)TGT_SS_AUTODISARM;
        if (on) {
            return -EPERM;
        }
        if (mode != TGT_SS_DISABLE && mode != TGT_SS_ONSTACK && mode != 0) {
            return -EINVAL;
        }
        if (mode == TGT_SS_DISABLE) {
            ts->ss_sp = 0;
            ts->ss_size = 0;
            ts->ss_flags = TGT_SS_DISABLE;
        } else {
            if (nsize < TGT_MINSIGSTKSZ) {
                return -ENOMEM;
            }
            ts->ss_sp = nsp;
            ts->ss_size = nsize;
            ts->ss_flags = (int32_t)(nflags & TGT_SS_AUTODISARM);
        }
    }
    return 0;
}

static int64_t sys_sigreturn(CpuCommon *cpu, const SyscallCall *c)
{
    return linux_process.abi->do_sigreturn(cpu, c->id == SYSID_rt_sigreturn);
}

const SyscallDef syscall_defs_signal[] = {
    { SYSID_rt_sigaction, sys_rt_sigaction,
      { STRACE_SIGNAL, STRACE_PTR, STRACE_PTR, STRACE_UINT }, 0, NULL },
    { SYSID_sigaction, sys_rt_sigaction,
      { STRACE_SIGNAL, STRACE_PTR, STRACE_PTR }, 0, NULL },
    { SYSID_rt_sigprocmask, sys_rt_sigprocmask,
      { STRACE_INT, STRACE_PTR, STRACE_PTR, STRACE_UINT }, 0, NULL },
    { SYSID_sigprocmask, sys_rt_sigprocmask,
      { STRACE_INT, STRACE_PTR, STRACE_PTR }, 0, NULL },
    { SYSID_rt_sigpending, sys_rt_sigpending, { STRACE_PTR, STRACE_UINT }, 0,
      NULL },
    { SYSID_sigpending, sys_rt_sigpending, { STRACE_PTR }, 0, NULL },
    { SYSID_rt_sigsuspend, sys_rt_sigsuspend, { STRACE_PTR, STRACE_UINT }, 0,
      NULL },
    { SYSID_sigsuspend, sys_rt_sigsuspend,
      { STRACE_INT, STRACE_INT, STRACE_HEX }, 0, NULL },
    { SYSID_pause, sys_rt_sigsuspend, { STRACE_END }, 0, NULL },
    { SYSID_rt_sigtimedwait, sys_rt_sigtimedwait,
      { STRACE_PTR, STRACE_PTR, STRACE_PTR, STRACE_UINT }, 0, NULL },
    { SYSID_rt_sigtimedwait_time64, sys_rt_sigtimedwait,
      { STRACE_PTR, STRACE_PTR, STRACE_PTR, STRACE_UINT }, 0, NULL },
    { SYSID_kill, sys_kill, { STRACE_INT, STRACE_SIGNAL }, 0, NULL },
    { SYSID_tkill, sys_kill, { STRACE_INT, STRACE_SIGNAL }, 0, NULL },
    { SYSID_tgkill, sys_kill, { STRACE_INT, STRACE_INT, STRACE_SIGNAL }, 0,
      NULL },
    { SYSID_rt_sigqueueinfo, sys_rt_sigqueueinfo,
      { STRACE_INT, STRACE_SIGNAL, STRACE_PTR }, 0, NULL },
    { SYSID_rt_tgsigqueueinfo, sys_rt_sigqueueinfo,
      { STRACE_INT, STRACE_INT, STRACE_SIGNAL, STRACE_PTR }, 0, NULL },
    { SYSID_sigaltstack, sys_sigaltstack, { STRACE_PTR, STRACE_PTR }, 0,
      NULL },
    { SYSID_sigreturn, sys_sigreturn, { STRACE_END }, STRACE_RET_NONE, NULL },
    { SYSID_rt_sigreturn, sys_sigreturn, { STRACE_END }, STRACE_RET_NONE,
      NULL },
    { 0 },
};

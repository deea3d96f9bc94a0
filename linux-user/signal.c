/* linux-user/signal.c — guest signals on top of host signals: host
 * handlers record asynchronous signals in the target thread's (or the
 * process's) pending set and kick the thread out of generated code; host
 * faults in guest memory become exact guest SIGSEGV/SIGBUS; pending
 * signals are delivered between blocks through the guest's frame hooks,
 * with default actions (ignore, stop, die as the same signal) applied here.
 */
#include "signal.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>

#include "abi.h"
#include "core/log.h"
#include "core/tb.h"
#include "guest_mem.h"
#include "syscall.h"

/* Process-wide signal state. The actions are read and written under
 * action_lock (a mutex: never taken in a host handler); the pending sets
 * and the thread list under `spin`, only with host signals blocked. */
typedef struct SignalGlobals {
    pthread_mutex_t action_lock;
    TgtSigAction actions[TGT_NSIG_MAX];
    atomic_flag spin;
    TaskSignals *threads;
    TgtSigset pending;                  /* process-directed */
    TgtSigInfo info[TGT_NSIG_MAX];
    atomic_int process_any;
    int host_rtmin;                     /* the host libc's SIGRTMIN */
} SignalGlobals;

static SignalGlobals sg = {
    .action_lock = PTHREAD_MUTEX_INITIALIZER,
    .spin = ATOMIC_FLAG_INIT,
};

/* The current thread's signal state, for the host handlers. */
static _Thread_local TaskSignals *signal_self;

static const LinuxAbi *signal_abi(void)
{
    return linux_process.abi;
}

static int signal_nsig(void)
{
    const LinuxAbi *abi = signal_abi();
    return abi && abi->tgt_nsig ? abi->tgt_nsig : 65;
}

static void signal_spin_lock(void)
{
    while (atomic_flag_test_and_set_explicit(&sg.spin, memory_order_acquire)) {
        /* Held by another thread for a few instructions. */
    }
}

static void signal_spin_unlock(void)
{
    atomic_flag_clear_explicit(&sg.spin, memory_order_release);
}

/* ---- Numbering ------------------------------------------------------- */

static int signal_host_rtmin(void)
{
    if (!sg.host_rtmin) {
        sg.host_rtmin = SIGRTMIN;
    }
    return sg.host_rtmin;
}

int signal_to_host(int tgt_sig)
{
    const LinuxAbi *abi = signal_abi();
    int h, rtmin = signal_host_rtmin();

    if (tgt_sig < 1 || tgt_sig >= signal_nsig()) {
        return 0;
    }
    h = abi ? abi_signal_to_host(abi, tgt_sig) : tgt_sig;
    if (h <= 0 || h > SIGRTMAX) {
        return 0;
    }
    /* The libc's reserved signals [32, SIGRTMIN) travel on the highest
     * host real-time signals; the guest signals that would have used
     * those have no host signal. */
    if (h >= 32 && h < rtmin) {
        return SIGRTMAX - (h - 32);
    }
    if (h > SIGRTMAX - (rtmin - 32)) {
        return 0;
    }
    return h;
}

int signal_to_guest(int host_sig)
{
    const LinuxAbi *abi = signal_abi();
    int rtmin = signal_host_rtmin();
    int h = host_sig;

    if (h < 1 || h > SIGRTMAX || (h >= 32 && h < rtmin)) {
        return 0;
    }
    if (h > SIGRTMAX - (rtmin - 32)) {
        h = 32 + (SIGRTMAX - h);
    }
    return abi ? abi_signal_to_guest(abi, h) : h;
}

const char *signal_name(int tgt_sig, char *buf, unsigned len)
{
    static const char *const names[32] = {
        NULL, "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT",
        "SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2",
        "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCONT",
        "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU",
        "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR",
        "SIGSYS",
    };
    /* Names follow the host meaning of the guest number. */
    int h = signal_to_host(tgt_sig);

    if (h > 0 && h < 32 && names[h]) {
        snprintf(buf, len, "%s", names[h]);
    } else {
        snprintf(buf, len, "SIG%d", tgt_sig);
    }
    return buf;
}

/* Default action of a guest signal, by its host meaning. */
enum { SIG_ACT_TERM, SIG_ACT_IGN, SIG_ACT_STOP };

static int signal_default_action(int tgt_sig)
{
    switch (signal_to_host(tgt_sig)) {
    case SIGCHLD: case SIGURG: case SIGWINCH: case SIGCONT:
        return SIG_ACT_IGN;
    case SIGSTOP: case SIGTSTP: case SIGTTIN: case SIGTTOU:
        return SIG_ACT_STOP;
    default:
        return SIG_ACT_TERM;
    }
}

static bool signal_is_fault(int host_sig)
{
    return host_sig == SIGSEGV || host_sig == SIGBUS || host_sig == SIGILL ||
           host_sig == SIGFPE || host_sig == SIGTRAP;
}

/* ---- Sets and layouts ------------------------------------------------ */

static int signal_lowest(const TgtSigset *s, const TgtSigset *blocked)
{
    for (int w = 0; w < 2; w++) {
        uint64_t v = s->w[w] & ~blocked->w[w];
        if (v) {
            return w * 64 + __builtin_ctzll(v) + 1;
        }
    }
    return 0;
}

void signal_host_set(const TgtSigset *set, void *host_sigset)
{
    sigset_t *hs = host_sigset;
    int n = signal_nsig();

    sigemptyset(hs);
    for (int s = 1; s < n; s++) {
        int h;
        if (tgt_sigset_has(set, s) && (h = signal_to_host(s)) > 0) {
            sigaddset(hs, h);
        }
    }
}

void signal_info_from_host(TgtSigInfo *out, const void *host_siginfo)
{
    const siginfo_t *si = host_siginfo;
    int h = si->si_signo;

    memset(out, 0, sizeof(*out));
    out->signo = signal_to_guest(h);
    out->err = si->si_errno;
    out->code = si->si_code;
    if (si->si_code == SI_TIMER) {
        out->kind = TGT_SIKIND_TIMER;
        out->timerid = si->si_timerid;
        out->overrun = si->si_overrun;
        out->value = (uint32_t)si->si_value.sival_int;
    } else if (si->si_code <= 0 || si->si_code == SI_KERNEL) {
        out->kind = si->si_code == SI_QUEUE || si->si_code == SI_MESGQ ||
                    si->si_code == SI_ASYNCIO ? TGT_SIKIND_RT
                                              : TGT_SIKIND_KILL;
        out->pid = si->si_pid;
        out->uid = si->si_uid;
        out->value = (uint32_t)si->si_value.sival_int;
    } else if (h == SIGCHLD) {
        out->kind = TGT_SIKIND_CHLD;
        out->pid = si->si_pid;
        out->uid = si->si_uid;
        out->status = si->si_status;
        if (si->si_code == CLD_KILLED || si->si_code == CLD_DUMPED ||
            si->si_code == CLD_STOPPED || si->si_code == CLD_TRAPPED) {
            out->status = signal_to_guest(si->si_status);
        }
        out->utime = (int32_t)si->si_utime;
        out->stime = (int32_t)si->si_stime;
    } else if (h == SIGSEGV || h == SIGBUS || h == SIGILL || h == SIGFPE ||
               h == SIGTRAP) {
        out->kind = TGT_SIKIND_FAULT;
        out->addr = guest_mem_is_host_addr((uintptr_t)si->si_addr)
                        ? h2g(si->si_addr) : 0;
    } else if (h == SIGIO) {
        out->kind = TGT_SIKIND_POLL;
        out->band = (int32_t)si->si_band;
        out->fd = si->si_fd;
    } else {
        out->kind = TGT_SIKIND_KILL;
        out->pid = si->si_pid;
        out->uid = si->si_uid;
    }
}

static void signal_put32(uint8_t *p, uint32_t v, bool be)
{
    for (int i = 0; i < 4; i++) {
        p[be ? 3 - i : i] = (uint8_t)(v >> (8 * i));
    }
}

static void signal_put16(uint8_t *p, uint16_t v, bool be)
{
    p[be ? 1 : 0] = (uint8_t)v;
    p[be ? 0 : 1] = (uint8_t)(v >> 8);
}

/* The 32-bit Linux siginfo: signo, errno, code, then the union at 12
 * (include/uapi/asm-generic/siginfo.h). */
void signal_siginfo_encode(uint8_t out[TGT_SIGINFO_SIZE],
                           const TgtSigInfo *info, bool be)
{
    uint8_t *u = out + 12;

    memset(out, 0, TGT_SIGINFO_SIZE);
    signal_put32(out, (uint32_t)info->signo, be);
    signal_put32(out + 4, (uint32_t)info->err, be);
    signal_put32(out + 8, (uint32_t)info->code, be);
    switch (info->kind) {
    case TGT_SIKIND_TIMER:
        signal_put32(u, (uint32_t)info->timerid, be);
        signal_put32(u + 4, (uint32_t)info->overrun, be);
        signal_put32(u + 8, info->value, be);
        break;
    case TGT_SIKIND_CHLD:
        signal_put32(u, (uint32_t)info->pid, be);
        signal_put32(u + 4, info->uid, be);
        signal_put32(u + 8, (uint32_t)info->status, be);
        signal_put32(u + 12, (uint32_t)info->utime, be);
        signal_put32(u + 16, (uint32_t)info->stime, be);
        break;
    case TGT_SIKIND_FAULT:
        signal_put32(u, info->addr, be);
        signal_put16(u + 4, 0, be);     /* si_addr_lsb */
        break;
    case TGT_SIKIND_POLL:
        signal_put32(u, (uint32_t)info->band, be);
        signal_put32(u + 4, (uint32_t)info->fd, be);
        break;
    case TGT_SIKIND_RT:
    case TGT_SIKIND_KILL:
    default:
        signal_put32(u, (uint32_t)info->pid, be);
        signal_put32(u + 4, info->uid, be);
        if (info->kind == TGT_SIKIND_RT) {
            signal_put32(u + 8, info->value, be);
        }
        break;
    }
}

/* Generic <-> MIPS numbering of SI_ASYNCIO (-4 / -2), SI_TIMER (-2 / -3)
 * and SI_MESGQ (-3 / -4); every other si_code is the same. */
int signal_si_code_mips(int code)
{
    switch (code) {
    case TGT_SI_ASYNCIO: return -2;
    case TGT_SI_TIMER: return -3;
    case TGT_SI_MESGQ: return -4;
    default: return code;
    }
}

int signal_si_code_from_mips(int code)
{
    switch (code) {
    case -2: return TGT_SI_ASYNCIO;
    case -3: return TGT_SI_TIMER;
    case -4: return TGT_SI_MESGQ;
    default: return code;
    }
}

int signal_siginfo_to_guest(uint32_t addr, const TgtSigInfo *info)
{
    uint8_t buf[TGT_SIGINFO_SIZE];

    signal_siginfo_encode(buf, info, signal_abi()->big_endian);
    if (signal_abi()->siginfo_swapped) {
        /* MIPS: si_code before si_errno, its own SI_* numbers. */
        TgtSigInfo m = *info;
        m.code = signal_si_code_mips(info->code);
        signal_siginfo_encode(buf, &m, signal_abi()->big_endian);
        uint8_t t[4];
        memcpy(t, buf + 4, 4);
        memcpy(buf + 4, buf + 8, 4);
        memcpy(buf + 8, t, 4);
    }
    return copy_to_guest(addr, buf, sizeof(buf));
}

int signal_sigset_to_guest(uint32_t addr, const TgtSigset *set,
                           uint32_t size)
{
    for (uint32_t i = 0; i * 4 < size && i < 4; i++) {
        uint32_t word = (uint32_t)(set->w[i / 2] >> (32 * (i % 2)));
        int r = guest_put_u32(addr + i * 4, word);
        if (r < 0) {
            return r;
        }
    }
    return 0;
}

int signal_sigset_from_guest(TgtSigset *set, uint32_t addr, uint32_t size)
{
    memset(set, 0, sizeof(*set));
    for (uint32_t i = 0; i * 4 < size && i < 4; i++) {
        uint32_t word;
        int r = guest_get_u32(addr + i * 4, &word);
        if (r < 0) {
            return r;
        }
        set->w[i / 2] |= (uint64_t)word << (32 * (i % 2));
    }
    return 0;
}

/* ---- Host masks ------------------------------------------------------ */

void signal_block_host(void *old_host_sigset)
{
    sigset_t all;

    sigfillset(&all);
    /* Faults stay deliverable: a fault while blocked would kill us. */
    sigdelset(&all, SIGSEGV);
    sigdelset(&all, SIGBUS);
    pthread_sigmask(SIG_BLOCK, &all, old_host_sigset);
}

void signal_restore_host(const void *old_host_sigset)
{
    pthread_sigmask(SIG_SETMASK, old_host_sigset, NULL);
}

/* ---- Posting (host handlers and kill-like paths) --------------------- */

static void signal_kick(TaskSignals *s)
{
    atomic_store(&s->any, 1);
    if (s->task && s->task->cpu) {
        cpu_exit(s->task->cpu);
    }
}

/* Records guest signal sig. `self` is the receiving thread (may be NULL:
 * a host thread without a guest cpu). Thread-directed signals stay with
 * self; process-directed ones go to the process set and a thread that
 * does not block them is kicked. Called with host signals blocked. */
static void signal_post(TaskSignals *self, int sig, const TgtSigInfo *info,
                        bool directed)
{
    signal_spin_lock();
    if (self && (directed || !tgt_sigset_has(&self->blocked, sig))) {
        if (!tgt_sigset_has(&self->pending, sig)) {
            tgt_sigset_add(&self->pending, sig);
            self->info[sig] = *info;
        }
        signal_kick(self);
    } else {
        if (!tgt_sigset_has(&sg.pending, sig)) {
            tgt_sigset_add(&sg.pending, sig);
            sg.info[sig] = *info;
        }
        atomic_store(&sg.process_any, 1);
        for (TaskSignals *t = sg.threads; t; t = t->next) {
            if (!tgt_sigset_has(&t->blocked, sig)) {
                signal_kick(t);
                break;
            }
        }
    }
    signal_spin_unlock();
}

/* ---- Host faults ----------------------------------------------------- */

static void signal_host_context(void *puc, uintptr_t *pc, uintptr_t *sp)
{
    ucontext_t *uc = puc;
#if defined(__x86_64__)
    *pc = (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
    *sp = (uintptr_t)uc->uc_mcontext.gregs[REG_RSP];
#elif defined(__i386__)
    *pc = (uintptr_t)uc->uc_mcontext.gregs[REG_EIP];
    *sp = (uintptr_t)uc->uc_mcontext.gregs[REG_ESP];
#elif defined(__aarch64__)
    *pc = (uintptr_t)uc->uc_mcontext.pc;
    *sp = (uintptr_t)uc->uc_mcontext.sp;
#elif defined(__arm__)
    *pc = (uintptr_t)uc->uc_mcontext.arm_pc;
    *sp = (uintptr_t)uc->uc_mcontext.arm_sp;
#else
    *pc = 0;
    *sp = 0;
#endif
}

static void signal_write_str(const char *s)
{
    if (write(2, s, strlen(s)) < 0) {
        /* nothing more to do */
    }
}

static void signal_write_hex(uint64_t v)
{
    char buf[19];
    int i = 18;

    buf[i] = 0;
    do {
        buf[--i] = "0123456789abcdef"[v & 15];
        v >>= 4;
    } while (v && i > 2);
    buf[--i] = 'x';
    buf[--i] = '0';
    signal_write_str(buf + i);
}

static _Noreturn void signal_internal_error(int host_sig, uintptr_t pc,
                                            uintptr_t addr)
{
    struct sigaction sa;

    signal_write_str("emu: internal error: host ");
    signal_write_str(host_sig == SIGBUS ? "SIGBUS" :
                     host_sig == SIGSEGV ? "SIGSEGV" :
                     host_sig == SIGILL ? "SIGILL" :
                     host_sig == SIGFPE ? "SIGFPE" : "SIGTRAP");
    signal_write_str(" at host pc ");
    signal_write_hex(pc);
    signal_write_str(" (address ");
    signal_write_hex(addr);
    signal_write_str(")\n");
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = SIG_DFL;
    sigaction(SIGABRT, &sa, NULL);
    abort();
}

/* Restores the guest state of the instruction that faulted at host pc
 * (generated code or the interpreter), or, for a fault inside a helper
 * called from generated code, of the instruction that called it (found
 * as the first return address into generated code on the host stack). */
static bool signal_restore_fault_state(CpuCommon *cpu, uintptr_t pc,
                                       uintptr_t sp)
{
    if (cpu_restore_state(cpu, pc + 1)) {
        return true;
    }
    if (sp) {
        const uintptr_t *p = (const uintptr_t *)sp;
        for (int i = 0; i < 4096; i++) {
            if (tb_find_by_host_pc(p[i]) && cpu_restore_state(cpu, p[i])) {
                return true;
            }
        }
    }
    return false;
}

static void signal_host_fault(int host_sig, siginfo_t *si, void *puc)
{
    uintptr_t addr = (uintptr_t)si->si_addr, pc, sp;
    TaskSignals *self = signal_self;
    CpuCommon *cpu = self && self->task ? self->task->cpu : NULL;
    int tgt_sig, code;
    uint32_t gaddr = 0;

    if (host_sig == SIGSEGV && guest_mem_handle_write_fault(addr)) {
        return;
    }
    /* A syscall's guarded copy touched a guest page that faults (a file
     * page past EOF): the copy returns -EFAULT. */
    if ((host_sig == SIGSEGV || host_sig == SIGBUS)
        && guest_mem_fault_guarded(addr)) {
        pthread_sigmask(SIG_SETMASK, &((ucontext_t *)puc)->uc_sigmask, NULL);
        guest_mem_fault_recover();
    }
    signal_host_context(puc, &pc, &sp);
    if (!cpu || !__atomic_load_n(&cpu->running, __ATOMIC_SEQ_CST)) {
        signal_internal_error(host_sig, pc, addr);
    }
    if (host_sig == SIGSEGV || host_sig == SIGBUS) {
        if (!guest_mem_is_host_addr(addr)) {
            signal_internal_error(host_sig, pc, addr);
        }
        gaddr = h2g((void *)addr);
    }
    if (!signal_restore_fault_state(cpu, pc, sp)) {
        signal_internal_error(host_sig, pc, addr);
    }
    if (host_sig == SIGBUS) {
        tgt_sig = signal_to_guest(SIGBUS);
        code = TGT_BUS_ADRERR;
    } else if (host_sig == SIGSEGV) {
        tgt_sig = signal_to_guest(SIGSEGV);
        code = page_get_flags(gaddr) & PAGE_VALID ? TGT_SEGV_ACCERR
                                                  : TGT_SEGV_MAPERR;
    } else {
        /* A host SIGILL/SIGFPE/SIGTRAP in generated code: the backend
         * emitted something wrong. */
        signal_internal_error(host_sig, pc, addr);
    }
    /* Leaving by longjmp skips the kernel's restore of the mask the
     * handler ran with (everything blocked): put the thread's back. */
    pthread_sigmask(SIG_SETMASK, &((ucontext_t *)puc)->uc_sigmask, NULL);
    signal_queue_sync(cpu, tgt_sig, code, gaddr);
    cpu_raise(cpu, EXCP_INTERRUPT, 0);
}

static void signal_host_handler(int host_sig, siginfo_t *si, void *puc)
{
    int saved_errno = errno;
    TgtSigInfo info;
    int tgt;

    if (signal_is_fault(host_sig) && (host_sig == SIGSEGV ||
                                      host_sig == SIGBUS || si->si_code > 0)) {
        signal_host_fault(host_sig, si, puc);
        errno = saved_errno;
        return;
    }
    tgt = signal_to_guest(host_sig);
    if (tgt > 0) {
        signal_info_from_host(&info, si);
        info.signo = tgt;
        signal_post(signal_self, tgt, &info, si->si_code == SI_TKILL);
    }
    errno = saved_errno;
}

/* ---- Dispositions ---------------------------------------------------- */

/* Host disposition for guest action act on host signal h: ignored
 * guest signals are ignored by the host (so exec inherits them and
 * blocking calls are not disturbed); defaults that do not kill are the
 * host's defaults (stop signals stop the host process); the rest is ours. */
static void signal_apply_host(int tgt_sig, const TgtSigAction *act)
{
    int h = signal_to_host(tgt_sig);
    struct sigaction sa;

    if (h <= 0 || h == SIGKILL || h == SIGSTOP) {
        return;
    }
    memset(&sa, 0, sizeof(sa));
    sigfillset(&sa.sa_mask);
    sa.sa_flags = SA_SIGINFO;
    sa.sa_sigaction = signal_host_handler;
    if (!signal_is_fault(h)) {
        if (act->handler == TGT_SIG_IGN) {
            sa.sa_handler = SIG_IGN;
            sa.sa_flags = 0;
        } else if (act->handler == TGT_SIG_DFL &&
                   signal_default_action(tgt_sig) != SIG_ACT_TERM) {
            sa.sa_handler = SIG_DFL;
            sa.sa_flags = 0;
        }
    }
    sigaction(h, &sa, NULL);
}

void signal_get_action(int tgt_sig, TgtSigAction *out)
{
    if (tgt_sig < 1 || tgt_sig >= TGT_NSIG_MAX) {
        memset(out, 0, sizeof(*out));
        return;
    }
    pthread_mutex_lock(&sg.action_lock);
    *out = sg.actions[tgt_sig];
    pthread_mutex_unlock(&sg.action_lock);
}

int signal_set_action(int tgt_sig, const TgtSigAction *act)
{
    int h = signal_to_host(tgt_sig);

    if (tgt_sig < 1 || tgt_sig >= signal_nsig() || h == SIGKILL ||
        h == SIGSTOP) {
        return -EINVAL;
    }
    pthread_mutex_lock(&sg.action_lock);
    sg.actions[tgt_sig] = *act;
    tgt_sigset_del(&sg.actions[tgt_sig].mask, signal_to_guest(SIGKILL));
    tgt_sigset_del(&sg.actions[tgt_sig].mask, signal_to_guest(SIGSTOP));
    signal_apply_host(tgt_sig, act);
    pthread_mutex_unlock(&sg.action_lock);
    return 0;
}

void signal_init(void)
{
    int n = signal_nsig();

    signal_host_rtmin();
    for (int s = 1; s < n; s++) {
        int h = signal_to_host(s);
        struct sigaction old;
        if (h <= 0 || h == SIGKILL || h == SIGSTOP) {
            continue;
        }
        /* Ignored signals stay ignored across exec, as the kernel does. */
        if (sigaction(h, NULL, &old) == 0 && old.sa_handler == SIG_IGN &&
            !signal_is_fault(h)) {
            sg.actions[s].handler = TGT_SIG_IGN;
        }
        signal_apply_host(s, &sg.actions[s]);
    }
}

/* ---- Threads --------------------------------------------------------- */

bool signal_task_init(TaskState *ts, const TaskState *parent)
{
    TaskSignals *s = calloc(1, sizeof(*s));
    sigset_t old;

    if (!s) {
        return false;
    }
    s->task = ts;
    if (parent && parent->signals) {
        s->blocked = parent->signals->blocked;
    }
    ts->signals = s;
    signal_block_host(&old);
    signal_spin_lock();
    s->next = sg.threads;
    sg.threads = s;
    signal_spin_unlock();
    signal_self = s;
    signal_restore_host(&old);
    return true;
}

void signal_task_free(TaskState *ts)
{
    TaskSignals *s = ts->signals;
    sigset_t old;

    if (!s) {
        return;
    }
    signal_block_host(&old);
    signal_spin_lock();
    for (TaskSignals **pp = &sg.threads; *pp; pp = &(*pp)->next) {
        if (*pp == s) {
            *pp = s->next;
            break;
        }
    }
    /* Signals only this thread had go to the process. */
    for (int w = 0; w < 2; w++) {
        uint64_t v = s->pending.w[w];
        while (v) {
            int sig = w * 64 + __builtin_ctzll(v) + 1;
            v &= v - 1;
            if (!tgt_sigset_has(&sg.pending, sig)) {
                tgt_sigset_add(&sg.pending, sig);
                sg.info[sig] = s->info[sig];
                atomic_store(&sg.process_any, 1);
            }
        }
    }
    signal_spin_unlock();
    if (signal_self == s) {
        signal_self = NULL;
    }
    ts->signals = NULL;
    signal_restore_host(&old);
    free(s);
}

void signal_fork_prepare(void)
{
    pthread_mutex_lock(&sg.action_lock);
}

void signal_fork_parent(void)
{
    pthread_mutex_unlock(&sg.action_lock);
}

void signal_fork_child(TaskState *self)
{
    TaskSignals *s = self->signals;

    pthread_mutex_init(&sg.action_lock, NULL);
    atomic_flag_clear(&sg.spin);
    /* Only the forking thread exists in the child; the process pending
     * set is not inherited (fork clears pending signals). */
    sg.threads = s;
    memset(&sg.pending, 0, sizeof(sg.pending));
    atomic_store(&sg.process_any, 0);
    if (s) {
        s->next = NULL;
        memset(&s->pending, 0, sizeof(s->pending));
        atomic_store(&s->any, 0);
        signal_self = s;
    }
}

/* ---- Masks and pending ----------------------------------------------- */

void signal_set_blocked(CpuCommon *cpu, const TgtSigset *set)
{
    TaskSignals *s = task_of(cpu)->signals;
    TgtSigset b = *set;

    tgt_sigset_del(&b, signal_to_guest(SIGKILL));
    tgt_sigset_del(&b, signal_to_guest(SIGSTOP));
    s->blocked = b;
    /* Something blocked until now may be deliverable. */
    atomic_store(&s->any, 1);
}

void signal_get_blocked(CpuCommon *cpu, TgtSigset *set)
{
    *set = task_of(cpu)->signals->blocked;
}

void signal_get_pending(CpuCommon *cpu, TgtSigset *out)
{
    TaskSignals *s = task_of(cpu)->signals;
    sigset_t old;

    signal_block_host(&old);
    signal_spin_lock();
    out->w[0] = s->pending.w[0] | sg.pending.w[0];
    out->w[1] = s->pending.w[1] | sg.pending.w[1];
    signal_spin_unlock();
    signal_restore_host(&old);
}

bool signal_pending(CpuCommon *cpu)
{
    TaskSignals *s = task_of(cpu)->signals;
    bool r;
    sigset_t old;

    if (s->sync_pending) {
        return true;
    }
    signal_block_host(&old);
    signal_spin_lock();
    r = signal_lowest(&s->pending, &s->blocked) ||
        signal_lowest(&sg.pending, &s->blocked);
    signal_spin_unlock();
    signal_restore_host(&old);
    return r;
}

/* Takes the lowest signal of `want` (thread set first) with its info;
 * caller holds the spinlock. */
static int signal_take_locked(TaskSignals *s, const TgtSigset *want,
                              TgtSigInfo *info)
{
    TgtSigset not_want = { { ~want->w[0], ~want->w[1] } };
    int sig = signal_lowest(&s->pending, &not_want);

    if (sig) {
        tgt_sigset_del(&s->pending, sig);
        *info = s->info[sig];
        return sig;
    }
    sig = signal_lowest(&sg.pending, &not_want);
    if (sig) {
        tgt_sigset_del(&sg.pending, sig);
        *info = sg.info[sig];
        if (!sg.pending.w[0] && !sg.pending.w[1]) {
            atomic_store(&sg.process_any, 0);
        }
    }
    return sig;
}

int signal_dequeue(CpuCommon *cpu, const TgtSigset *set, TgtSigInfo *info)
{
    TaskSignals *s = task_of(cpu)->signals;
    sigset_t old;
    int sig;

    signal_block_host(&old);
    signal_spin_lock();
    sig = signal_take_locked(s, set, info);
    signal_spin_unlock();
    signal_restore_host(&old);
    return sig;
}

void signal_host_suspend(CpuCommon *cpu, const TgtSigset *mask)
{
    TaskSignals *s = task_of(cpu)->signals;
    sigset_t old, wait;
    int n = signal_nsig();

    signal_block_host(&old);
    /* Wait with every host signal blocked except those carrying guest
     * signals `mask` lets through; checked with everything blocked, so
     * a signal arriving in between is not lost. */
    sigfillset(&wait);
    for (int sig = 1; sig < n; sig++) {
        int h = signal_to_host(sig);
        if (h > 0 && !tgt_sigset_has(mask, sig)) {
            sigdelset(&wait, h);
        }
    }
    sigdelset(&wait, SIGSEGV);
    sigdelset(&wait, SIGBUS);
    signal_spin_lock();
    bool ready = s->sync_pending || signal_lowest(&s->pending, mask) ||
                 signal_lowest(&sg.pending, mask);
    signal_spin_unlock();
    if (!ready) {
        sigsuspend(&wait);
    }
    signal_restore_host(&old);
}

/* ---- Death ----------------------------------------------------------- */

_Noreturn void signal_die(int tgt_sig)
{
    int h = signal_to_host(tgt_sig);
    struct rlimit rl = { 0, 0 };
    struct sigaction sa;
    sigset_t set;

    log_close();
    fflush(stdout);
    fflush(stderr);
    if (h > 0) {
        /* The parent must see WIFSIGNALED with this signal; no core file
         * of the runner (it would describe emu, not the guest). */
        setrlimit(RLIMIT_CORE, &rl);
        memset(&sa, 0, sizeof(sa));
        sa.sa_handler = SIG_DFL;
        sigaction(h, &sa, NULL);
        sigemptyset(&set);
        sigaddset(&set, h);
        pthread_sigmask(SIG_UNBLOCK, &set, NULL);
        syscall(SYS_tgkill, getpid(), syscall(SYS_gettid), h);
        kill(getpid(), h);
    }
    _exit(128 + tgt_sig);
}

/* ---- Delivery -------------------------------------------------------- */

void signal_queue_sync(CpuCommon *cpu, int tgt_sig, int tgt_code,
                       uint32_t addr)
{
    TaskSignals *s = task_of(cpu)->signals;

    memset(&s->sync_info, 0, sizeof(s->sync_info));
    s->sync_info.signo = tgt_sig;
    s->sync_info.code = tgt_code;
    s->sync_info.kind = TGT_SIKIND_FAULT;
    s->sync_info.addr = addr;
    s->sync_pending = true;
}

static void signal_strace(const TgtSigInfo *info)
{
    char name[16], cname[16];

    signal_name(info->signo, name, sizeof(name));
    switch (info->kind) {
    case TGT_SIKIND_FAULT:
        strace_printf("--- %s {si_signo=%s, si_code=%d, si_addr=0x%08x} ---\n",
                      name, name, info->code, info->addr);
        break;
    case TGT_SIKIND_CHLD:
        strace_printf("--- %s {si_signo=%s, si_code=%d, si_pid=%d, "
                      "si_uid=%u, si_status=%d} ---\n", name, name,
                      info->code, info->pid, info->uid, info->status);
        break;
    case TGT_SIKIND_TIMER:
        strace_printf("--- %s {si_signo=%s, si_code=%d, si_timerid=%d, "
                      "si_overrun=%d} ---\n", name, name, info->code,
                      info->timerid, info->overrun);
        break;
    default:
        (void)cname;
        strace_printf("--- %s {si_signo=%s, si_code=%d, si_pid=%d, "
                      "si_uid=%u} ---\n", name, name, info->code, info->pid,
                      info->uid);
        break;
    }
}

/* Resolves a pending syscall restart: `handler_runs` says whether a
 * guest handler is about to run, with flags `flags`. */
static void signal_resolve_restart(CpuCommon *cpu, TaskSignals *s,
                                   bool handler_runs, uint32_t flags)
{
    const LinuxAbi *abi = signal_abi();

    if (!s->restart_pending) {
        return;
    }
    s->restart_pending = false;
    if (handler_runs && (s->restart_nohand || !(flags & TGT_SA_RESTART))) {
        abi->set_syscall_result(cpu, -(int64_t)abi_errno_to_guest(abi,
                                                                  EINTR));
    } else {
        abi->restart_syscall(cpu);
    }
}

static void signal_deliver(CpuCommon *cpu, TaskSignals *s, int sig,
                           TgtSigInfo *info, bool forced)
{
    const LinuxAbi *abi = signal_abi();
    TgtSigAction act;
    TgtSigset saved;

    pthread_mutex_lock(&sg.action_lock);
    act = sg.actions[sig];
    if (forced && (tgt_sigset_has(&s->blocked, sig) ||
                   act.handler == TGT_SIG_IGN)) {
        /* force_sig: a blocked or ignored fault kills. */
        memset(&act, 0, sizeof(act));
        sg.actions[sig] = act;
        tgt_sigset_del(&s->blocked, sig);
    }
    pthread_mutex_unlock(&sg.action_lock);

    if (act.handler == TGT_SIG_IGN) {
        return;
    }
    if (act.handler == TGT_SIG_DFL) {
        switch (signal_default_action(sig)) {
        case SIG_ACT_IGN:
            return;
        case SIG_ACT_STOP:
            if (strace_enabled) {
                signal_strace(info);
            }
            kill(getpid(), SIGSTOP);
            return;
        default:
            if (strace_enabled) {
                char name[16];
                signal_strace(info);
                strace_printf("+++ killed by %s +++\n",
                              signal_name(sig, name, sizeof(name)));
            }
            signal_die(sig);
        }
    }
    signal_resolve_restart(cpu, s, true, act.flags);
    if (strace_enabled) {
        signal_strace(info);
    }
    saved = s->has_saved_mask ? s->saved_mask : s->blocked;
    s->has_saved_mask = false;
    if (abi->setup_frame(cpu, sig, &act,
                         act.flags & TGT_SA_SIGINFO ? info : NULL,
                         saved.w) < 0) {
        /* force_sigsegv: a frame that cannot be written kills with
         * SIGSEGV (default action even if a handler is installed). */
        int segv = signal_to_guest(SIGSEGV);
        if (sig == segv) {
            TgtSigAction dfl = { 0 };
            signal_set_action(segv, &dfl);
        }
        signal_queue_sync(cpu, segv, TGT_SI_KERNEL, 0);
        return;
    }
    {
        TgtSigset b = s->blocked;
        b.w[0] |= act.mask.w[0];
        b.w[1] |= act.mask.w[1];
        if (!(act.flags & TGT_SA_NODEFER)) {
            tgt_sigset_add(&b, sig);
        }
        signal_set_blocked(cpu, &b);
    }
    if (act.flags & TGT_SA_RESETHAND) {
        TgtSigAction dfl = { 0 };
        signal_set_action(sig, &dfl);
    }
}

void signal_process_pending(CpuCommon *cpu)
{
    TaskState *ts = task_of(cpu);
    TaskSignals *s = ts ? ts->signals : NULL;

    if (!s) {
        return;
    }
    for (;;) {
        TgtSigInfo info;
        bool forced = false;
        sigset_t old;
        int sig = 0;

        if (!s->sync_pending && !atomic_load(&s->any) &&
            !atomic_load(&sg.process_any)) {
            break;
        }
        if (s->sync_pending) {
            s->sync_pending = false;
            sig = s->sync_info.signo;
            info = s->sync_info;
            forced = true;
        } else {
            TgtSigset want = { { ~s->blocked.w[0], ~s->blocked.w[1] } };
            signal_block_host(&old);
            signal_spin_lock();
            atomic_store(&s->any, 0);
            sig = signal_take_locked(s, &want, &info);
            if (sig) {
                atomic_store(&s->any, 1);
            }
            signal_spin_unlock();
            signal_restore_host(&old);
        }
        if (!sig) {
            break;
        }
        signal_deliver(cpu, s, sig, &info, forced);
    }
    /* No handler ran: an interrupted call restarts, and a temporary
     * sigsuspend mask goes away. */
    signal_resolve_restart(cpu, s, false, 0);
    if (s->has_saved_mask) {
        s->has_saved_mask = false;
        signal_set_blocked(cpu, &s->saved_mask);
    }
}

/* Calls whose -EINTR stands when a handler runs, whatever SA_RESTART
 * says (the kernel's ERESTARTNOHAND and restart_block users). */
static bool signal_call_is_nohand(int id)
{
    switch (id) {
    case SYSID_pause:
    case SYSID_rt_sigsuspend:
    case SYSID_sigsuspend:
    case SYSID_rt_sigtimedwait:
    case SYSID_rt_sigtimedwait_time64:
    case SYSID_nanosleep:
    case SYSID_clock_nanosleep:
    case SYSID_clock_nanosleep_time64:
    case SYSID_poll:
    case SYSID_ppoll:
    case SYSID_ppoll_time64:
    case SYSID__newselect:
    case SYSID_pselect6:
    case SYSID_pselect6_time64:
    case SYSID_epoll_wait:
    case SYSID_epoll_pwait:
        return true;
    default:
        return false;
    }
}

void signal_syscall_return(CpuCommon *cpu, uint32_t guest_nr, int64_t ret)
{
    const LinuxAbi *abi = signal_abi();
    TaskState *ts = task_of(cpu);
    TaskSignals *s = ts ? ts->signals : NULL;
    int64_t eintr = -(int64_t)abi_errno_to_guest(abi, EINTR);

    if (ret == SYSCALL_RET_NOREGS) {
        /* sigreturn: the registers are the frame's. */
    } else if (s && (ret == SYSCALL_RET_RESTART || ret == eintr)) {
        /* A host signal interrupted the call: the signal decides. */
        s->restart_pending = true;
        s->restart_nohand = signal_call_is_nohand(
            syscall_lookup(abi->syscalls, guest_nr));
        atomic_store(&s->any, 1);
    } else if (ret == SYSCALL_RET_RESTART) {
        abi->restart_syscall(cpu);
    } else {
        abi->set_syscall_result(cpu, ret);
    }
    signal_process_pending(cpu);
}

/* ---- Alternate stack ------------------------------------------------- */

static bool signal_on_altstack(const TaskState *ts, uint32_t sp)
{
    return ts->ss_size && sp - ts->ss_sp <= ts->ss_size;
}

uint32_t signal_frame_sp(CpuCommon *cpu, const TgtSigAction *ka,
                         uint32_t sp)
{
    TaskState *ts = task_of(cpu);

    if ((ka->flags & TGT_SA_ONSTACK) && ts->ss_size &&
        !(ts->ss_flags & TGT_SS_DISABLE) && !signal_on_altstack(ts, sp)) {
        sp = ts->ss_sp + ts->ss_size;
        if (ts->ss_flags & TGT_SS_AUTODISARM) {
            ts->ss_sp = 0;
            ts->ss_size = 0;
            ts->ss_flags = TGT_SS_DISABLE;
        }
    }
    return sp;
}

int signal_save_altstack(CpuCommon *cpu, uint32_t addr, uint32_t sp)
{
    TaskState *ts = task_of(cpu);
    int32_t flags = ts->ss_size == 0 ? TGT_SS_DISABLE
                    : signal_on_altstack(ts, sp) ? TGT_SS_ONSTACK
                                                 : ts->ss_flags;
    /* The word offsets of ss_flags and ss_size (MIPS swaps them). */
    uint32_t fo = signal_abi()->stack_t_size_second ? 8 : 4;
    int r = guest_put_u32(addr, ts->ss_sp);

    if (r == 0) {
        r = guest_put_u32(addr + fo, (uint32_t)flags);
    }
    if (r == 0) {
        r = guest_put_u32(addr + (12 - fo), ts->ss_size);
    }
    return r;
}

void signal_restore_altstack(CpuCommon *cpu, uint32_t addr, uint32_t sp)
{
    TaskState *ts = task_of(cpu);
    uint32_t fo = signal_abi()->stack_t_size_second ? 8 : 4;
    uint32_t ss_sp, flags, size;

    if (guest_get_u32(addr, &ss_sp) || guest_get_u32(addr + fo, &flags) ||
        guest_get_u32(addr + (12 - fo), &size)) {
        return;
    }
    if (signal_on_altstack(ts, sp)) {
        return;     /* cannot change the stack we run on */
    }
    if (flags & TGT_SS_DISABLE) {
        ts->ss_sp = 0;
        ts->ss_size = 0;
        ts->ss_flags = TGT_SS_DISABLE;
    } else if (size >= TGT_MINSIGSTKSZ) {
        ts->ss_sp = ss_sp;
        ts->ss_size = size;
        ts->ss_flags = (int32_t)(flags & TGT_SS_AUTODISARM);
    }
}

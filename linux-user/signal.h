/* linux-user/signal.h — guest signals as the rest of linux-user sees them:
 * host handlers (asynchronous signals recorded and the target thread kicked
 * out of generated code; host faults turned into exact guest faults),
 * guest dispositions, masks and pending sets, delivery between blocks
 * through the guest's frame hooks (LinuxAbi.setup_frame / do_sigreturn),
 * syscall restart, and the services the signal and thread syscalls use.
 *
 * Numbering: every TgtSig* value is in GUEST numbering and in generic
 * encodings (sa_flags below, si_code); guests whose numbers differ
 * (MIPS) go through the ABI tables at the syscall boundary.
 */
#ifndef EMU_LINUX_USER_SIGNAL_H
#define EMU_LINUX_USER_SIGNAL_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/exec.h"
#include "task.h"

/* Highest guest signal number + 1 any guest has (MIPS: 128 signals). */
#define TGT_NSIG_MAX 129

enum {
    TGT_SIG_DFL = 0,
    TGT_SIG_IGN = 1,
};

/* Guest signal numbers the generic code names (identical for every
 * guest that has them under these numbers: ARM, i386, PPC; MIPS and
 * SPARC translate through their tables before reaching this code). */
enum {
    TGT_SIGHUP = 1, TGT_SIGINT = 2, TGT_SIGQUIT = 3, TGT_SIGILL = 4,
    TGT_SIGTRAP = 5, TGT_SIGABRT = 6, TGT_SIGBUS = 7, TGT_SIGFPE = 8,
    TGT_SIGKILL = 9, TGT_SIGUSR1 = 10, TGT_SIGSEGV = 11, TGT_SIGUSR2 = 12,
    TGT_SIGPIPE = 13, TGT_SIGALRM = 14, TGT_SIGTERM = 15,
    TGT_SIGSTKFLT = 16, TGT_SIGCHLD = 17, TGT_SIGCONT = 18,
    TGT_SIGSTOP = 19, TGT_SIGTSTP = 20, TGT_SIGTTIN = 21, TGT_SIGTTOU = 22,
    TGT_SIGURG = 23, TGT_SIGXCPU = 24, TGT_SIGXFSZ = 25,
    TGT_SIGVTALRM = 26, TGT_SIGPROF = 27, TGT_SIGWINCH = 28,
    TGT_SIGIO = 29, TGT_SIGPWR = 30, TGT_SIGSYS = 31,
};

/* sa_flags in the generic encoding (ARM, i386, PPC use it as is). */
enum {
    TGT_SA_NOCLDSTOP = 0x00000001u,
    TGT_SA_NOCLDWAIT = 0x00000002u,
    TGT_SA_SIGINFO   = 0x00000004u,
    TGT_SA_RESTORER  = 0x04000000u,
    TGT_SA_ONSTACK   = 0x08000000u,
    TGT_SA_RESTART   = 0x10000000u,
    TGT_SA_NODEFER   = 0x40000000u,
    TGT_SA_RESETHAND = 0x80000000u,
};

/* sigaltstack ss_flags. */
enum {
    TGT_SS_ONSTACK = 1,
    TGT_SS_DISABLE = 2,
    TGT_SS_AUTODISARM = 1 << 31,
    TGT_MINSIGSTKSZ = 2048,
};

/* Guest si_code values (generic Linux; the same for every guest). */
enum {
    TGT_SI_USER = 0,
    TGT_SI_KERNEL = 0x80,
    TGT_SI_QUEUE = -1,
    TGT_SI_TIMER = -2,
    TGT_SI_MESGQ = -3,
    TGT_SI_ASYNCIO = -4,
    TGT_SI_SIGIO = -5,
    TGT_SI_TKILL = -6,
    TGT_SEGV_MAPERR = 1,
    TGT_SEGV_ACCERR = 2,
    TGT_BUS_ADRALN = 1,
    TGT_BUS_ADRERR = 2,
    TGT_ILL_ILLOPC = 1,
    TGT_FPE_INTDIV = 1,
    TGT_TRAP_BRKPT = 1,
    TGT_CLD_EXITED = 1,
    TGT_CLD_KILLED = 2,
    TGT_CLD_DUMPED = 3,
};

/* A guest signal set: bit (sig - 1) of the 128-bit value. */
typedef struct TgtSigset {
    uint64_t w[2];
} TgtSigset;

static inline bool tgt_sigset_has(const TgtSigset *s, int sig)
{
    return (s->w[(sig - 1) / 64] >> ((sig - 1) % 64)) & 1;
}

static inline void tgt_sigset_add(TgtSigset *s, int sig)
{
    s->w[(sig - 1) / 64] |= UINT64_C(1) << ((sig - 1) % 64);
}

static inline void tgt_sigset_del(TgtSigset *s, int sig)
{
    s->w[(sig - 1) / 64] &= ~(UINT64_C(1) << ((sig - 1) % 64));
}

/* A guest disposition in host byte order: handler (guest address, or
 * TGT_SIG_DFL / TGT_SIG_IGN), generic sa_flags, restorer, mask. */
typedef struct TgtSigAction {
    uint32_t handler;
    uint32_t flags;
    uint32_t restorer;
    TgtSigset mask;
} TgtSigAction;

/* Which member of the guest's siginfo union is meaningful. */
enum {
    TGT_SIKIND_KILL = 0,    /* pid, uid */
    TGT_SIKIND_TIMER,       /* timerid, overrun, value */
    TGT_SIKIND_RT,          /* pid, uid, value */
    TGT_SIKIND_CHLD,        /* pid, uid, status, utime, stime */
    TGT_SIKIND_FAULT,       /* addr */
    TGT_SIKIND_POLL,        /* band, fd */
};

/* A siginfo in host terms (guest numbering, generic si_code), converted
 * to the guest's 128-byte layout by signal_siginfo_to_guest(). */
typedef struct TgtSigInfo {
    int32_t signo, err, code;
    int32_t kind;           /* TGT_SIKIND_* */
    int32_t pid;
    uint32_t uid;
    int32_t status;
    uint32_t value;         /* sival (32-bit guests) */
    int32_t timerid, overrun;
    int32_t utime, stime;   /* clock ticks (guest clock_t is 32-bit) */
    uint32_t addr;
    int32_t band, fd;
} TgtSigInfo;

/* Bytes of a guest siginfo_t (every 32-bit Linux guest). */
#define TGT_SIGINFO_SIZE 128

/* Per-thread signal state (TaskState.signals). The pending sets are
 * written by host signal handlers of any thread under the signal lock
 * (a spinlock taken only with host signals blocked); `blocked` is
 * written only by the owning thread. */
typedef struct TaskSignals {
    TaskState *task;
    TgtSigset blocked;
    TgtSigset pending;                  /* thread-directed */
    TgtSigInfo info[TGT_NSIG_MAX];      /* one queued info per signal */
    /* A synchronous fault (signal_queue_sync): delivered first. */
    bool sync_pending;
    TgtSigInfo sync_info;
    /* rt_sigsuspend / pselect / ppoll: the mask to put back after the
     * handler the call was waiting for (the frame saves it). */
    bool has_saved_mask;
    TgtSigset saved_mask;
    /* A syscall returned SYSCALL_RET_RESTART (or an interrupted -EINTR):
     * the next signal decides between restart and -EINTR. */
    bool restart_pending;
    bool restart_nohand;                /* EINTR whenever a handler runs */
    /* Nonzero when something may be pending for this thread (fast path
     * of signal_process_pending). */
    atomic_int any;
    struct TaskSignals *next;           /* all threads (signal lock) */
} TaskSignals;

/* Installs the host handlers (SIGSEGV/SIGBUS for guest faults: first
 * guest_mem_handle_write_fault(), then a guest SIGSEGV; the others for
 * asynchronous delivery). Call once before the guest runs. */
void signal_init(void);

/* Per-thread state: parent NULL for the first thread, else the creating
 * thread (the mask is inherited). Must run on the thread itself (it
 * becomes the current thread's state for the host handlers). Returns
 * false when out of memory. */
bool signal_task_init(TaskState *ts, const TaskState *parent);
void signal_task_free(TaskState *ts);

/* Raises a synchronous signal on the current thread (a fault, an
 * undefined instruction, a breakpoint): guest numbering. Delivered by the
 * next signal_process_pending(); if it is blocked or ignored the process
 * dies of it, as the kernel's force_sig does. */
void signal_queue_sync(CpuCommon *cpu, int tgt_sig, int tgt_code,
                       uint32_t addr);

/* Delivers whatever is pending and unblocked for this thread (sets up
 * guest frames, or applies default actions: terminate, core, stop).
 * Called by cpu_loop() after every exit from cpu_exec() and after every
 * syscall. */
void signal_process_pending(CpuCommon *cpu);

/* The cpu loop hands every syscall result here instead of writing it:
 * `guest_nr` is the guest's syscall number, `ret` what syscall_dispatch()
 * returned. Writes the result (abi->set_syscall_result), writes nothing
 * for SYSCALL_RET_NOREGS, and for SYSCALL_RET_RESTART or an -EINTR that
 * a host signal caused, lets the signal about to be delivered decide:
 * restart the call (abi->restart_syscall: no handler, or SA_RESTART) or
 * return -EINTR (a handler without SA_RESTART; always for sleeps, waits
 * and sigsuspend, as the kernel's ERESTARTNOHAND). Then delivers pending
 * signals. */
void signal_syscall_return(CpuCommon *cpu, uint32_t guest_nr, int64_t ret);

/* True when a guest signal is pending and unblocked for this thread
 * (blocking syscall implementations may return -EINTR early). */
bool signal_pending(CpuCommon *cpu);

/* ---- Services for the frame hooks (linux-user/<g>/signal.c) ---------- */

/* The stack pointer a frame goes below: the alternate stack when the
 * action has SA_ONSTACK, one is set up and sp is not already on it. */
uint32_t signal_frame_sp(CpuCommon *cpu, const TgtSigAction *ka,
                         uint32_t sp);
/* Writes the thread's stack_t (ss_sp, ss_flags, ss_size: three guest
 * words, the 32-bit layout) at guest addr as seen at sp; 0 or -EFAULT. */
int signal_save_altstack(CpuCommon *cpu, uint32_t addr, uint32_t sp);
/* rt_sigreturn: re-applies the stack_t saved in the frame, ignoring
 * errors as the kernel does (restore_altstack). */
void signal_restore_altstack(CpuCommon *cpu, uint32_t addr, uint32_t sp);
/* Sets the thread's blocked mask (SIGKILL and SIGSTOP are never blocked). */
void signal_set_blocked(CpuCommon *cpu, const TgtSigset *set);
void signal_get_blocked(CpuCommon *cpu, TgtSigset *set);
/* Guest layouts: a siginfo (TGT_SIGINFO_SIZE bytes) and a sigset of
 * `size` bytes (4: old sigset_t; 8 ARM rt; 16 MIPS) in guest memory, in
 * the guest's word order. 0 or -EFAULT. */
int signal_siginfo_to_guest(uint32_t addr, const TgtSigInfo *info);
/* si_code between the generic numbering and MIPS's (LinuxAbi.
 * siginfo_swapped): SI_ASYNCIO, SI_TIMER and SI_MESGQ differ. */
int signal_si_code_mips(int code);
int signal_si_code_from_mips(int code);
void signal_siginfo_encode(uint8_t out[TGT_SIGINFO_SIZE],
                           const TgtSigInfo *info, bool big_endian);
int signal_sigset_to_guest(uint32_t addr, const TgtSigset *set,
                           uint32_t size);
int signal_sigset_from_guest(TgtSigset *set, uint32_t addr, uint32_t size);

/* ---- Services for the signal and thread syscalls --------------------- */

/* Host signal number of guest signal tgt_sig (0: none on this host) and
 * back. The host C library's reserved signals (glibc: 32, 33) carry the
 * guest's 32 and 33 on the host's two highest real-time signals. */
int signal_to_host(int tgt_sig);
int signal_to_guest(int host_sig);
/* The disposition table (process-wide). signal_set_action() also sets
 * the host disposition; refuses SIGKILL/SIGSTOP (-EINVAL). */
void signal_get_action(int tgt_sig, TgtSigAction *out);
int signal_set_action(int tgt_sig, const TgtSigAction *act);
/* Pending set of this thread and the process (rt_sigpending). */
void signal_get_pending(CpuCommon *cpu, TgtSigset *out);
/* Takes a pending signal in `set` (blocked or not) with its info:
 * rt_sigtimedwait. Returns the signal number or 0. */
int signal_dequeue(CpuCommon *cpu, const TgtSigset *set, TgtSigInfo *info);
/* Waits for a host signal in guest set `wait_set` with the rest blocked
 * on the host; used by rt_sigsuspend (host sigsuspend). */
void signal_host_suspend(CpuCommon *cpu, const TgtSigset *unblocked);
/* Host set of the guest signals in `set` (for sigtimedwait, signalfd). */
void signal_host_set(const TgtSigset *set, void *host_sigset);
/* Converts a host siginfo (siginfo_t *) to guest terms. */
void signal_info_from_host(TgtSigInfo *out, const void *host_siginfo);
/* Blocks every host signal on this thread / puts the previous mask back
 * (around thread creation and fork). `old` is a host sigset_t. */
void signal_block_host(void *old_host_sigset);
void signal_restore_host(const void *old_host_sigset);
/* fork(): call prepare before, then parent or child after. */
void signal_fork_prepare(void);
void signal_fork_parent(void);
void signal_fork_child(TaskState *self);
/* Ends the process as if guest signal tgt_sig killed it (host SIG_DFL,
 * no core dump, raised on the host); exits with 128 + sig if it cannot. */
_Noreturn void signal_die(int tgt_sig);
/* Guest signal name ("SIGSEGV", or "SIG40") into buf. */
const char *signal_name(int tgt_sig, char *buf, unsigned len);

#endif

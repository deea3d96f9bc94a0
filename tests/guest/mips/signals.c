/* tests/guest/mips/signals.c — signal delivery through MIPS frames:
 * SA_SIGINFO (rt_sigframe) and plain (sigframe) handlers, siginfo from
 * kill and sigqueue, masks and pending sets (MIPS's SIG_BLOCK is 1),
 * SA_RESETHAND / SA_NODEFER, an alternate stack (MIPS's stack_t order),
 * registers preserved across a handler, SIGCHLD and wait status, alarm,
 * sigsuspend; signal numbers printed as MIPS numbers them. */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile int count, last_sig, last_code, last_val, nested;
static volatile uintptr_t on_alt;
static char altstack[65536];

static void info_handler(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    count++;
    last_sig = sig;
    last_code = si->si_code;
    last_val = si->si_value.sival_int;
}

static void plain_handler(int sig)
{
    count++;
    last_sig = sig;
}

static void alt_handler(int sig)
{
    char here;
    on_alt = (uintptr_t)&here >= (uintptr_t)altstack &&
             (uintptr_t)&here < (uintptr_t)altstack + sizeof(altstack);
}

static void nodefer_handler(int sig)
{
    if (nested++ == 0) {
        raise(sig);     /* delivered at once with SA_NODEFER */
    }
    count++;
}

/* A SIGALRM handler that uses the FPU (clobbering FP registers and the
 * FCSR condition codes): the frame must save and restore them. */
static volatile double fp_sink;

static void fp_handler(int sig)
{
    double x = count + 0.5, y = 1.0;
    for (int i = 0; i < 8; i++) {
        y = y * x + 1.0 / (x + i);
    }
    fp_sink = y > 3.0 ? y : -y;
    count++;
}

/* Holds 1.5 in $f0 (both halves of the pair) in an assembly loop while
 * handlers that use $f0 run, until 5 of them have; returns the OR of the
 * differences seen (0: the frame saved and restored the FPU registers). */
static unsigned fp_regs_across_handlers(void)
{
    unsigned bad = 0, hi, lo;

    __asm__ volatile(".set push\n\t.set noreorder\n\t"
                     "lui %1, 0x3ff8\n\t"
                     "mtc1 $zero, $f0\n\t"
                     "mthc1 %1, $f0\n"
                     "1:\tmfhc1 %1, $f0\n\t"
                     "mfc1 %2, $f0\n\t"
                     "lui $t0, 0x3ff8\n\t"
                     "xor %1, %1, $t0\n\t"
                     "or %1, %1, %2\n\t"
                     "or %0, %0, %1\n\t"
                     "lw %1, 0(%3)\n\t"
                     "sltiu %1, %1, 5\n\t"
                     "bnez %1, 1b\n\t"
                     "nop\n\t.set pop"
                     : "+r"(bad), "=&r"(hi), "=&r"(lo)
                     : "r"(&count) : "t0", "$f0", "memory");
    return bad;
}

/* Registers live across the signal: a loop keeps values in s-registers
 * while SIGALRM handlers run. */
static volatile unsigned seed = 1;

__attribute__((noinline)) static unsigned busy(unsigned n)
{
    unsigned a = seed, b = 2, c = 3, d = 4;
    for (unsigned i = 0; i < n; i++) {
        a = a * 3 + b;
        b ^= a >> 3;
        c += a & 0xff;
        d = (d << 1) | (d >> 31);
    }
    return a ^ b ^ c ^ d;
}

int main(void)
{
    struct sigaction sa;
    sigset_t set, old, pend;
    stack_t ss, oss;
    int status;
    pid_t pid;
    union sigval v;

    printf("SIGHUP %d SIGUSR1 %d SIGUSR2 %d SIGCHLD %d SIGALRM %d "
           "SIGCONT %d SIGSTOP %d SIGWINCH %d SIGRTMIN %d SIGRTMAX %d\n",
           SIGHUP, SIGUSR1, SIGUSR2, SIGCHLD, SIGALRM, SIGCONT, SIGSTOP,
           SIGWINCH, SIGRTMIN, SIGRTMAX);

    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = info_handler;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGUSR1, &sa, NULL);
    kill(getpid(), SIGUSR1);
    printf("kill: count %d sig %d code %d\n", count, last_sig, last_code);
    v.sival_int = 1234;
    sigqueue(getpid(), SIGUSR1, v);
    printf("sigqueue: count %d code %d value %d\n", count, last_code,
           last_val);
    sigaction(SIGRTMIN + 3, &sa, NULL);
    v.sival_int = 77;
    sigqueue(getpid(), SIGRTMIN + 3, v);
    printf("rt signal: sig-rtmin %d value %d\n", last_sig - SIGRTMIN,
           last_val);

    {
        struct sigaction q;
        sigaction(SIGUSR1, NULL, &q);
        printf("read back: siginfo %d handler same %d\n",
               (q.sa_flags & SA_SIGINFO) != 0,
               q.sa_sigaction == info_handler);
    }

    /* Plain handler: the non-RT frame. */
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = plain_handler;
    sigaction(SIGUSR2, &sa, NULL);
    raise(SIGUSR2);
    printf("plain: count %d sig %d\n", count, last_sig);

    /* Masks. */
    sigemptyset(&set);
    sigaddset(&set, SIGUSR2);
    sigprocmask(SIG_BLOCK, &set, &old);
    raise(SIGUSR2);
    sigpending(&pend);
    printf("blocked: count %d pending %d\n", count,
           sigismember(&pend, SIGUSR2));
    sigprocmask(SIG_SETMASK, &old, NULL);
    printf("unblocked: count %d\n", count);
    sigprocmask(SIG_BLOCK, &set, NULL);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    sigprocmask(SIG_BLOCK, NULL, &old);
    printf("mask has SIGUSR2 %d\n", sigismember(&old, SIGUSR2));

    /* SA_RESETHAND */
    sa.sa_flags = SA_RESETHAND;
    sigaction(SIGUSR2, &sa, NULL);
    raise(SIGUSR2);
    sigaction(SIGUSR2, NULL, &sa);
    printf("resethand: now default %d\n", sa.sa_handler == SIG_DFL);

    /* SA_NODEFER */
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = nodefer_handler;
    sa.sa_flags = SA_NODEFER;
    sigaction(SIGHUP, &sa, NULL);
    count = 0;
    raise(SIGHUP);
    printf("nodefer: nested deliveries %d\n", count);

    /* Alternate stack */
    ss.ss_sp = altstack;
    ss.ss_size = sizeof(altstack);
    ss.ss_flags = 0;
    sigaltstack(&ss, NULL);
    sigaltstack(NULL, &oss);
    printf("altstack: size ok %d flags %d\n", oss.ss_size == sizeof(altstack),
           oss.ss_flags);
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = alt_handler;
    sa.sa_flags = SA_ONSTACK;
    sigaction(SIGWINCH, &sa, NULL);
    raise(SIGWINCH);
    printf("altstack: handler ran on it %d\n", (int)on_alt);

    /* Registers across asynchronous signals */
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = plain_handler;
    sigaction(SIGALRM, &sa, NULL);
    {
        unsigned want = busy(20000);
        struct itimerval it = { { 0, 500 }, { 0, 500 } };
        int same = 1, rounds = 0;
        count = 0;
        setitimer(ITIMER_REAL, &it, NULL);
        time_t end = time(NULL) + 20;
        while (count < 5 && time(NULL) < end) {
            same &= busy(20000) == want;
            rounds++;
        }
        memset(&it, 0, sizeof(it));
        setitimer(ITIMER_REAL, &it, NULL);
        printf("registers across handlers: %s (handlers ran: %s)\n",
               same ? "same" : "DIFFERENT", count >= 5 ? "yes" : "no");
    }
    /* FPU registers across handlers that use the FPU */
    {
        struct itimerval it = { { 0, 500 }, { 0, 500 } };
        unsigned bad;
        sa.sa_handler = fp_handler;
        sigaction(SIGALRM, &sa, NULL);
        count = 0;
        setitimer(ITIMER_REAL, &it, NULL);
        bad = fp_regs_across_handlers();
        memset(&it, 0, sizeof(it));
        setitimer(ITIMER_REAL, &it, NULL);
        printf("FPU registers across FPU-using handlers: %s\n",
               bad ? "DIFFERENT" : "same");
    }

    /* SIGCHLD and exit status */
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = info_handler;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGCHLD, &sa, NULL);
    last_sig = 0;
    pid = fork();
    if (pid == 0) {
        _exit(42);
    }
    waitpid(pid, &status, 0);
    printf("child: exited %d status %d; SIGCHLD seen %d code %d\n",
           WIFEXITED(status), WEXITSTATUS(status), last_sig == SIGCHLD,
           last_code);
    pid = fork();
    if (pid == 0) {
        raise(SIGUSR2);     /* default action: terminate */
        _exit(0);
    }
    waitpid(pid, &status, 0);
    printf("child killed by %d\n", WIFSIGNALED(status) ? WTERMSIG(status)
                                                        : -1);

    /* sigsuspend until SIGUSR1 from a child (SIGCHLD back to default so
     * that only SIGUSR1 can end the wait) */
    signal(SIGCHLD, SIG_DFL);
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigprocmask(SIG_BLOCK, &set, &old);
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = info_handler;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGUSR1, &sa, NULL);
    count = 0;
    pid = fork();
    if (pid == 0) {
        kill(getppid(), SIGUSR1);
        _exit(0);
    }
    sigsuspend(&old);
    waitpid(pid, &status, 0);
    printf("sigsuspend woke by %d, count %d\n", last_sig, count);
    return 0;
}

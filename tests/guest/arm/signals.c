/* ARM guest test: signal delivery and return.  SA_SIGINFO handlers, raise
 * and kill of self, SIGALRM from alarm/setitimer while spinning, masks and
 * sigpending, SA_RESTART vs EINTR, sigaltstack, SIGSEGV/SIGILL/SIGTRAP from
 * faulting instructions (resumed by editing the ucontext PC or left with
 * siglongjmp), register preservation across sigreturn, Thumb handlers. */
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <ucontext.h>
#include <unistd.h>

static volatile sig_atomic_t got_sig, got_code, got_count, got_pid_ok;
static volatile uintptr_t got_addr;
static volatile int got_onstack;
static sigjmp_buf jb;
static char *altstack;
static int pipefd[2];

static void on_info(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    got_sig = sig;
    got_code = si->si_code;
    got_pid_ok = si->si_pid == getpid();
    got_count++;
}

static void install(int sig, void (*fn)(int, siginfo_t *, void *), int flags)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = fn;
    sa.sa_flags = SA_SIGINFO | flags;
    sigemptyset(&sa.sa_mask);
    if (sigaction(sig, &sa, NULL) != 0) {
        perror("sigaction");
        exit(1);
    }
}

static void test_raise_kill(void)
{
    install(SIGUSR1, on_info, 0);
    got_count = 0;
    raise(SIGUSR1);
    printf("raise: sig %d code %d count %d\n", (int)got_sig, (int)got_code,
           (int)got_count);
    kill(getpid(), SIGUSR1);
    printf("kill: sig %d code %d pid ok %d count %d\n", (int)got_sig,
           (int)got_code, (int)got_pid_ok, (int)got_count);
    union sigval sv = {.sival_int = 1234};
    sigqueue(getpid(), SIGUSR1, sv);
    printf("sigqueue: code %d count %d\n", (int)got_code, (int)got_count);
}

static volatile sig_atomic_t alarm_hits;

static void on_alarm(int sig, siginfo_t *si, void *uc)
{
    (void)si;
    (void)uc;
    if (sig == SIGALRM) {
        alarm_hits++;
    }
}

static void test_alarm(void)
{
    install(SIGALRM, on_alarm, 0);
    alarm_hits = 0;
    alarm(1);
    volatile uint32_t spin = 0;
    while (alarm_hits == 0) {
        spin++;
    }
    printf("alarm: hits %d\n", (int)alarm_hits);
    struct itimerval it = {{0, 10000}, {0, 10000}};
    alarm_hits = 0;
    setitimer(ITIMER_REAL, &it, NULL);
    while (alarm_hits < 5) {
        spin++;
    }
    memset(&it, 0, sizeof(it));
    setitimer(ITIMER_REAL, &it, NULL);
    printf("setitimer: at least 5 hits %d\n", alarm_hits >= 5);
}

static void test_mask(void)
{
    sigset_t set, old, pend;
    install(SIGUSR2, on_info, 0);
    sigemptyset(&set);
    sigaddset(&set, SIGUSR2);
    sigprocmask(SIG_BLOCK, &set, &old);
    got_count = 0;
    raise(SIGUSR2);
    sigpending(&pend);
    printf("mask: delivered while blocked %d, pending %d\n", (int)got_count,
           sigismember(&pend, SIGUSR2));
    sigprocmask(SIG_SETMASK, &old, NULL);
    sigpending(&pend);
    printf("mask: after unblock delivered %d, pending %d\n", (int)got_count,
           sigismember(&pend, SIGUSR2));
    /* SIG_IGN discards; SIG_DFL for SIGCHLD-like ignore-by-default */
    signal(SIGUSR2, SIG_IGN);
    raise(SIGUSR2);
    signal(SIGURG, SIG_DFL);
    raise(SIGURG);
    printf("ignored signals survived\n");
}

static void on_alarm_write(int sig, siginfo_t *si, void *uc)
{
    (void)sig;
    (void)si;
    (void)uc;
    char c = 'x';
    if (write(pipefd[1], &c, 1) != 1) {
        _exit(3);
    }
}

static void test_restart(void)
{
    char c;
    if (pipe(pipefd) != 0) {
        perror("pipe");
        exit(1);
    }
    for (int restart = 1; restart >= 0; restart--) {
        install(SIGALRM, on_alarm_write, restart ? SA_RESTART : 0);
        struct itimerval it = {{0, 0}, {0, 50000}};
        setitimer(ITIMER_REAL, &it, NULL);
        errno = 0;
        ssize_t n = read(pipefd[0], &c, 1);
        int e = errno;
        printf("read with%s SA_RESTART: %d %s\n", restart ? "" : "out",
               (int)n, n < 0 ? strerror(e) : "ok");
        if (n < 0) {
            n = read(pipefd[0], &c, 1);
            printf("  then read: %d %c\n", (int)n, c);
        }
    }
}

static void on_alt(int sig, siginfo_t *si, void *uc)
{
    (void)sig;
    (void)si;
    (void)uc;
    char local;
    stack_t cur;
    got_onstack = &local >= altstack && &local < altstack + SIGSTKSZ * 4;
    sigaltstack(NULL, &cur);
    got_code = (cur.ss_flags & SS_ONSTACK) != 0;
}

static void test_altstack(void)
{
    stack_t ss;
    altstack = malloc(SIGSTKSZ * 4);
    ss.ss_sp = altstack;
    ss.ss_size = SIGSTKSZ * 4;
    ss.ss_flags = 0;
    if (sigaltstack(&ss, NULL) != 0) {
        perror("sigaltstack");
        exit(1);
    }
    install(SIGUSR1, on_alt, SA_ONSTACK);
    got_onstack = 0;
    got_code = 0;
    raise(SIGUSR1);
    printf("altstack: on alt stack %d, SS_ONSTACK %d\n", got_onstack,
           (int)got_code);
    install(SIGUSR1, on_alt, 0);
    raise(SIGUSR1);
    printf("no SA_ONSTACK: on alt stack %d\n", got_onstack);
    stack_t cur;
    sigaltstack(NULL, &cur);
    printf("after: ss_flags %d size ok %d\n", cur.ss_flags,
           cur.ss_size == SIGSTKSZ * 4);
}

static void on_segv_jump(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    got_sig = sig;
    got_code = si->si_code;
    got_addr = (uintptr_t)si->si_addr;
    siglongjmp(jb, 1);
}

static void test_segv(void)
{
    install(SIGSEGV, on_segv_jump, 0);
    if (sigsetjmp(jb, 1) == 0) {
        volatile int *p = NULL;
        *p = 1;
        printf("no fault?\n");
    } else {
        printf("segv null write: sig %d code %d addr %#lx\n", (int)got_sig,
               (int)got_code, (unsigned long)got_addr);
    }
    if (sigsetjmp(jb, 1) == 0) {
        volatile uintptr_t bad = 0x10;
        printf("%d\n", *(volatile int *)bad);
    } else {
        printf("segv read 0x10: code %d addr %#lx\n", (int)got_code,
               (unsigned long)got_addr);
    }
    char *ro = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (sigsetjmp(jb, 1) == 0) {
        ro[100] = 1;
        printf("no fault?\n");
    } else {
        printf("segv read-only: code %d offset %ld\n", (int)got_code,
               (long)(got_addr - (uintptr_t)ro));
    }
    /* the mask was restored by siglongjmp: SIGSEGV is not blocked */
    sigset_t cur;
    sigprocmask(SIG_BLOCK, NULL, &cur);
    printf("segv blocked after siglongjmp %d\n", sigismember(&cur, SIGSEGV));
    munmap(ro, 4096);
}

/* Handlers that resume after the faulting instruction by editing the PC. */
static void on_skip(int sig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
    got_sig = sig;
    got_code = si->si_code;
    got_addr = (uintptr_t)si->si_addr;
    got_pid_ok = uc->uc_mcontext.arm_pc == (uintptr_t)si->si_addr;
    /* CPSR.T (bit 5) says which state faulted: skip 2 or 4 bytes */
    got_onstack = (uc->uc_mcontext.arm_cpsr >> 5) & 1;
    uc->uc_mcontext.arm_pc += got_onstack ? 2 : 4;
    uc->uc_mcontext.arm_r0 = 0x1234;
}

static void test_ill_trap(void)
{
    uint32_t r0, here;
    install(SIGILL, on_skip, 0);
    got_sig = 0;
    asm volatile("mov r0, #0\n\t"
                 "adr %[h], 1f\n"
                 "1: .word 0xe7f000f0\n\t"
                 "mov %[r], r0\n\t"
                 : [r] "=r"(r0), [h] "=&r"(here)
                 :
                 : "r0", "memory");
    printf("sigill: sig %d code %d addr ok %d pc ok %d r0 %#x\n",
           (int)got_sig, (int)got_code, got_addr == here, (int)got_pid_ok,
           r0);
    install(SIGTRAP, on_skip, 0);
    got_sig = 0;
    asm volatile("mov r0, #0\n\t"
                 "adr %[h], 1f\n"
                 "1: bkpt #0x12\n\t"
                 "mov %[r], r0\n\t"
                 : [r] "=r"(r0), [h] "=&r"(here)
                 :
                 : "r0", "memory");
    /* si_code differs between kernels/cores for BKPT: not printed */
    printf("bkpt: sig %d r0 %#x\n", (int)got_sig, r0);
}

/* Thumb undefined instructions (0xde00-0xdeff: the UDF space of the
 * conditional-branch encoding); the handler resumes in Thumb state.
 * 0xde01 is the Thumb breakpoint Linux recognises (arch/arm/kernel/
 * ptrace.c thumb_break_hook): SIGTRAP/TRAP_BRKPT instead of SIGILL. */
__attribute__((target("thumb"), noinline)) static uint32_t thumb_udf(void)
{
    uint32_t r;
    /* GCC hands Thumb-1 inline asm over in divided syntax */
    asm volatile(".syntax unified\n\t"
                 "movs r0, #0\n\t"
                 ".short 0xdeaa\n\t"
                 "adds %[r], r0, #1\n\t"
                 ".syntax divided\n\t"
                 : [r] "=l"(r)
                 :
                 : "r0", "cc");
    return r;
}

__attribute__((target("thumb"), noinline)) static uint32_t thumb_brk(void)
{
    uint32_t r;
    asm volatile(".syntax unified\n\t"
                 "movs r0, #0\n\t"
                 ".short 0xde01\n\t"
                 "adds %[r], r0, #2\n\t"
                 ".syntax divided\n\t"
                 : [r] "=l"(r)
                 :
                 : "r0", "cc");
    return r;
}

static void test_thumb_ill(void)
{
    install(SIGILL, on_skip, 0);
    install(SIGTRAP, on_skip, 0);
    got_sig = 0;
    got_onstack = 0;
    uint32_t r = thumb_udf();
    printf("thumb udf: sig %d code %d T %d pc ok %d r0+1 %#x\n",
           (int)got_sig, (int)got_code, got_onstack, (int)got_pid_ok, r);
    got_sig = 0;
    got_onstack = 0;
    r = thumb_brk();
    printf("thumb linux breakpoint: sig %d code %d T %d r0+2 %#x\n",
           (int)got_sig, (int)got_code, got_onstack, r);
    /* the ARM-state Linux breakpoint 0xe7f001f0 */
    uint32_t r0;
    got_sig = 0;
    asm volatile("mov r0, #0\n\t"
                 ".word 0xe7f001f0\n\t"
                 "mov %[r], r0\n\t"
                 : [r] "=r"(r0)
                 :
                 : "r0", "memory");
    printf("arm linux breakpoint: sig %d code %d T %d r0 %#x\n",
           (int)got_sig, (int)got_code, got_onstack, r0);
}

/* The handler scribbles over callee-saved registers; sigreturn must put
 * every register and the flags back. */
static void on_scribble(int sig, siginfo_t *si, void *uc)
{
    (void)si;
    (void)uc;
    got_sig = sig;
    asm volatile("mov r4, #0\n\tmov r5, #0\n\tmov r6, #0\n\t"
                 "mov r8, #0\n\tmov r9, #0\n\tmov r10, #0\n\t"
                 "msr cpsr_f, #0x40000000\n\t"
                 :
                 :
                 : "r4", "r5", "r6", "r8", "r9", "r10", "cc");
}

static void test_sigreturn_regs(void)
{
    uint32_t out[8];
    install(SIGUSR1, on_scribble, 0);
    got_sig = 0;
    asm volatile("push {r7}\n\t"
                 "ldr r4, =0x44444444\n\t"
                 "ldr r5, =0x55555555\n\t"
                 "ldr r6, =0x66666666\n\t"
                 "ldr r8, =0x88888888\n\t"
                 "ldr r9, =0x99999999\n\t"
                 "ldr r10, =0xaaaaaaaa\n\t"
                 "mov r0, %[pid]\n\t"
                 "mov r1, %[sig]\n\t"
                 "mov r7, %[nr]\n\t"
                 "msr cpsr_f, #0xb0000000\n\t"
                 "svc #0\n\t"
                 "mrs r1, cpsr\n\t"
                 "pop {r7}\n\t"
                 "str r0, [%[o], #0]\n\t"
                 "str r1, [%[o], #4]\n\t"
                 "str r4, [%[o], #8]\n\t"
                 "str r5, [%[o], #12]\n\t"
                 "str r6, [%[o], #16]\n\t"
                 "str r8, [%[o], #20]\n\t"
                 "str r9, [%[o], #24]\n\t"
                 "str r10, [%[o], #28]\n\t"
                 :
                 : [o] "r"(out), [pid] "r"(getpid()), [sig] "r"(SIGUSR1),
                   [nr] "r"(SYS_kill)
                 : "r0", "r1", "r4", "r5", "r6", "r8", "r9", "r10", "cc",
                   "memory");
    printf("sigreturn: sig %d ret %u flags %x regs %08x %08x %08x %08x %08x "
           "%08x\n",
           (int)got_sig, out[0], out[1] >> 28, out[2], out[3], out[4], out[5],
           out[6], out[7]);
}

/* A Thumb handler, and a signal raised from Thumb code. */
__attribute__((target("thumb"), noinline)) static void on_thumb(
    int sig, siginfo_t *si, void *uc)
{
    (void)si;
    (void)uc;
    got_sig = sig;
    got_count++;
}

__attribute__((target("thumb"), noinline)) static int thumb_raiser(int n)
{
    int sum = 0;
    for (int i = 0; i < n; i++) {
        raise(SIGUSR2);
        sum += i;
    }
    return sum;
}

static void test_thumb(void)
{
    install(SIGUSR2, on_thumb, 0);
    got_count = 0;
    int s = thumb_raiser(10);
    printf("thumb: handler count %d sum %d\n", (int)got_count, s);
}

static void on_nested(int sig, siginfo_t *si, void *uc)
{
    (void)si;
    (void)uc;
    if (sig == SIGUSR1) {
        got_count = got_count * 10 + 1;
        raise(SIGUSR2); /* not blocked: runs nested */
        got_count = got_count * 10 + 3;
    } else {
        got_count = got_count * 10 + 2;
    }
}

static void test_nested(void)
{
    install(SIGUSR1, on_nested, 0);
    install(SIGUSR2, on_nested, 0);
    got_count = 0;
    raise(SIGUSR1);
    printf("nested order %d\n", (int)got_count);
    /* with SIGUSR2 in sa_mask it is deferred until the handler returns */
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = on_nested;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    sigaddset(&sa.sa_mask, SIGUSR2);
    sigaction(SIGUSR1, &sa, NULL);
    got_count = 0;
    raise(SIGUSR1);
    printf("masked order %d\n", (int)got_count);
    /* SA_RESETHAND: second raise uses SIG_DFL, which for SIGWINCH ignores */
    install(SIGWINCH, on_info, SA_RESETHAND);
    got_count = 0;
    raise(SIGWINCH);
    raise(SIGWINCH);
    struct sigaction now;
    sigaction(SIGWINCH, NULL, &now);
    printf("resethand count %d now default %d\n", (int)got_count,
           now.sa_handler == SIG_DFL);
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    test_raise_kill();
    test_alarm();
    test_mask();
    test_restart();
    test_altstack();
    test_segv();
    test_ill_trap();
    test_thumb_ill();
    test_sigreturn_regs();
    test_thumb();
    test_nested();
    printf("done\n");
    return 0;
}

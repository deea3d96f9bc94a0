/* tests/guest/i386/signals.c — i386 exceptions as Linux delivers them:
 * #DE -> SIGFPE/FPE_INTDIV, UD2 -> SIGILL/ILL_ILLOPN, INT3 -> SIGTRAP,
 * HLT and INT n -> SIGSEGV/SI_KERNEL, a bad load -> SIGSEGV/SEGV_MAPERR
 * with si_addr; handlers that inspect and edit the ucontext (eip, eax),
 * non-SA_SIGINFO handlers, masks across sigreturn, raise/kill.
 */
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ucontext.h>
#include <unistd.h>

static sigjmp_buf env;
static volatile int last_sig, last_code;
static volatile uintptr_t last_addr;

static void on_fault(int sig, siginfo_t *si, void *ctx)
{
    (void)ctx;
    last_sig = sig;
    last_code = si->si_code;
    last_addr = (uintptr_t)si->si_addr;
    siglongjmp(env, 1);
}

static void report(const char *what)
{
    printf("%s: sig %d code %d\n", what, last_sig, last_code);
}

/* Skips the faulting 2-byte ud2 by editing the saved eip. */
static void on_ill_skip(int sig, siginfo_t *si, void *ctx)
{
    ucontext_t *uc = ctx;
    (void)si;
    last_sig = sig;
    uc->uc_mcontext.gregs[REG_EIP] += 2;
    uc->uc_mcontext.gregs[REG_EAX] = 0x1234;
}

static volatile int plain_count;
static void on_usr1(int sig)
{
    sigset_t cur;
    sigprocmask(SIG_BLOCK, NULL, &cur);
    plain_count += sig;
    printf("usr1 handler: usr1 blocked inside %d\n",
           sigismember(&cur, SIGUSR1));
}

int main(void)
{
    struct sigaction sa;
    static char *volatile bad = (char *)16;
    int zero = 0;

    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = on_fault;
    sa.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigaction(SIGFPE, &sa, NULL);
    sigaction(SIGILL, &sa, NULL);
    sigaction(SIGTRAP, &sa, NULL);
    sigaction(SIGSEGV, &sa, NULL);

    if (!sigsetjmp(env, 1)) {
        volatile int q = 5;
        __asm__ volatile("cltd\n\tidivl %1" : "+a"(q) : "r"(zero) : "edx");
    }
    report("div0");
    if (!sigsetjmp(env, 1)) {
        __asm__ volatile("ud2");
    }
    report("ud2");
    if (!sigsetjmp(env, 1)) {
        __asm__ volatile("int3");
    }
    report("int3");
    if (!sigsetjmp(env, 1)) {
        __asm__ volatile("hlt");
    }
    report("hlt");
    if (!sigsetjmp(env, 1)) {
        __asm__ volatile("int $0x40");
    }
    report("int 0x40");
    if (!sigsetjmp(env, 1)) {
        (void)*(volatile char *)bad;
    }
    report("load");
    printf("load addr ok %d\n", last_addr == 16);
    if (!sigsetjmp(env, 1)) {
        __asm__ volatile("movl $0x80000000, %%eax\n\tmovl $-1, %%ecx\n\t"
                         "cltd\n\tidivl %%ecx" ::: "eax", "ecx", "edx");
    }
    report("idiv overflow");

    sa.sa_sigaction = on_ill_skip;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGILL, &sa, NULL);
    {
        uint32_t eax = 7;
        __asm__ volatile("ud2" : "+a"(eax));
        printf("after ud2 skip: eax %x sig %d\n", eax, last_sig);
    }

    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_usr1;
    sigaction(SIGUSR1, &sa, NULL);
    raise(SIGUSR1);
    kill(getpid(), SIGUSR1);
    printf("plain handler ran: %d\n", plain_count);
    {
        sigset_t set, old;
        sigemptyset(&set);
        sigaddset(&set, SIGUSR1);
        sigprocmask(SIG_BLOCK, &set, &old);
        raise(SIGUSR1);
        printf("blocked, count %d\n", plain_count);
        sigprocmask(SIG_SETMASK, &old, NULL);
        printf("unblocked, count %d\n", plain_count);
    }
    return 0;
}

/* tests/guest/mips/fpmode.c — prctl(PR_GET_FP_MODE/PR_SET_FP_MODE) on an
 * FPXX program: the mode it starts in, refused values, the register
 * contents across FR = 0 <-> FR = 1 switches (the 64-bit registers keep
 * their values), and the signal frame's FP registers in each mode.
 */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <ucontext.h>

#define GET 46
#define SET 45

static void set_mode(int m)
{
    errno = 0;
    int r = prctl(SET, m, 0, 0, 0);
    printf("PR_SET_FP_MODE %d -> %d%s%s  now %d\n", m, r, r ? " " : "",
           r ? strerror(errno) : "", prctl(GET, 0, 0, 0, 0));
}

static uint64_t sc_f0, sc_f1, sc_f2;

static void handler(int sig, siginfo_t *si, void *uc_)
{
    ucontext_t *uc = uc_;
    (void)sig;
    (void)si;
    memcpy(&sc_f0, &uc->uc_mcontext.fpregs.fp_r.fp_dregs[0], 8);
    memcpy(&sc_f1, &uc->uc_mcontext.fpregs.fp_r.fp_dregs[1], 8);
    memcpy(&sc_f2, &uc->uc_mcontext.fpregs.fp_r.fp_dregs[2], 8);
}

/* Sets $f0..$f3 as four singles (FR = 0 view when mode 0). */
static void put4(void)
{
    __asm__ volatile(
        ".set push\n\t.set oddspreg\n\t"
        "mtc1 %0, $f0\n\tmtc1 %1, $f1\n\tmtc1 %2, $f2\n\tmtc1 %3, $f3\n\t"
        ".set pop"
        : : "r"(0x11111111), "r"(0x22222222), "r"(0x33333333),
            "r"(0x44444444) : "$f0", "$f1", "$f2", "$f3");
}

/* odd: print $f1's low half (not right after FR = 0 -> 1: the kernel's
 * saved $f1 is whatever FR = 1 code last left there). */
static void show(const char *what, int odd)
{
    uint32_t l0, h0, l1, l2, h2;
    __asm__ volatile(
        ".set push\n\t.set oddspreg\n\t"
        "mfc1 %0, $f0\n\tmfhc1 %1, $f0\n\tmfc1 %2, $f1\n\t"
        "mfc1 %3, $f2\n\tmfhc1 %4, $f2\n\t.set pop"
        : "=r"(l0), "=r"(h0), "=r"(l1), "=r"(l2), "=r"(h2));
    printf("%s: f0 %08x:%08x  f2 %08x:%08x\n", what, (unsigned)h0,
           (unsigned)l0, (unsigned)h2, (unsigned)l2);
    if (odd) {
        printf("%s: f1.lo %08x\n", what, (unsigned)l1);
    }
}

static void sigtest(const char *what)
{
    put4();
    raise(SIGUSR1);
    printf("%s sigcontext: fpregs[0] %016llx fpregs[2] %016llx\n", what,
           (unsigned long long)sc_f0, (unsigned long long)sc_f2);
    if (prctl(GET, 0, 0, 0, 0) & 1) {
        printf("%s sigcontext: fpregs[1] %016llx\n", what,
               (unsigned long long)sc_f1);
    }
}

static volatile int go;

/* A thread that exists before the switch: it must run in the new mode
 * (add.d on odd registers is reserved under FR = 0). */
static void *worker(void *arg)
{
    double a = 1.25, r = 0;

    (void)arg;
    while (!go) {
        sched_yield();
    }
    __asm__ volatile(
        ".set push\n\t.set fp=64\n\t"
        "ldc1 $f1, %1\n\tadd.d $f3, $f1, $f1\n\tsdc1 $f3, %0\n\t"
        ".set pop"
        : "=m"(r) : "m"(a) : "$f1", "$f3");
    printf("thread started before the switch: mode %d, add.d $f3 = %g\n",
           prctl(GET, 0, 0, 0, 0), r);
    return NULL;
}

int main(void)
{
    pthread_t t;
    struct sigaction sa;

    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = handler;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGUSR1, &sa, NULL);

    printf("PR_GET_FP_MODE at start %d\n", prctl(GET, 0, 0, 0, 0));
    set_mode(0);
    set_mode(2);        /* FRE without FR */
    set_mode(3);        /* FRE: no release 2 FPU has it */
    set_mode(4);        /* unknown bit */
    put4();
    show("FR=0 after mtc1 f0-f3", 1);
    sigtest("FR=0");
    set_mode(1);
    show("FR=1 after switch", 0);
    put4();
    show("FR=1 after mtc1 f0-f3", 1);
    sigtest("FR=1");
    set_mode(0);
    show("FR=0 after switch back", 1);
    pthread_create(&t, NULL, worker, NULL);
    set_mode(1);
    go = 1;
    pthread_join(t, NULL);
    set_mode(1);
    return 0;
}

/* tests/guest/arm/vfp_signal.c — VFP state across signal delivery on
 * armhf: the VFP record of the signal frame (magic, size, d0-d31,
 * FPSCR), what the handler starts with, registers and FPSCR restored by
 * sigreturn (including an edited saved register), and floating point in
 * asynchronous handlers not disturbing the interrupted computation.
 * Built for VFPv3-D32; expected output from qemu-arm-static -cpu
 * cortex-a15.
 */
#include <fenv.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <ucontext.h>

static uint32_t get_fpscr(void)
{
    uint32_t v;
    __asm__ volatile("vmrs %0, fpscr" : "=r"(v));
    return v;
}

static void set_fpscr(uint32_t v)
{
    __asm__ volatile("vmsr fpscr, %0" : : "r"(v) : "memory");
}

static volatile uint32_t h_fpscr, h_magic, h_size, h_saved_fpscr;
static volatile uint64_t h_saved_d8, h_saved_d17;

static void handler(int sig, siginfo_t *si, void *ctx)
{
    ucontext_t *uc = ctx;
    unsigned long *rs = uc->uc_regspace;
    uint64_t junk = 0x4142434445464748ull;

    (void)sig;
    (void)si;
    h_fpscr = get_fpscr();
    h_magic = (uint32_t)rs[0];
    h_size = (uint32_t)rs[1];
    memcpy((void *)&h_saved_d8, &rs[2 + 2 * 8], 8);
    memcpy((void *)&h_saved_d17, &rs[2 + 2 * 17], 8);
    h_saved_fpscr = (uint32_t)rs[2 + 64];
    /* Edit the saved d9: sigreturn must load it. */
    memcpy(&rs[2 + 2 * 9], &junk, 8);
    /* Clobber live registers and FPSCR: sigreturn must undo it. */
    __asm__ volatile("vmov d8, %Q0, %R0\n\tvmov d17, %Q0, %R0"
                     : : "r"(junk) : "d8", "d17");
    set_fpscr(0x03c0009f);
}

static void sync_test(void)
{
    struct sigaction sa;
    uint64_t in[3] = { 0x3ff8000000000000ull, 0x4004000000000000ull,
                       0xc00c000000000000ull };
    uint64_t out[3];

    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = handler;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGUSR1, &sa, NULL);
    set_fpscr(0x00c00010);      /* round toward zero, IXC */
    __asm__ volatile(
        "vldr d8, [%0]\n\t"
        "vldr d9, [%0, #8]\n\t"
        "vldr d17, [%0, #16]\n\t"
        "mov r7, #20\n\t"       /* getpid */
        "svc 0\n\t"
        "mov r1, #10\n\t"       /* SIGUSR1 */
        "mov r7, #37\n\t"       /* kill */
        "svc 0\n\t"
        "vstr d8, [%1]\n\t"
        "vstr d9, [%1, #8]\n\t"
        "vstr d17, [%1, #16]\n\t"
        : : "r"(in), "r"(out)
        : "r0", "r1", "r7", "d8", "d9", "d17", "memory");
    printf("handler: fpscr %08x, frame magic %08x size %#x\n", h_fpscr,
           h_magic, h_size);
    printf("frame: d8 %016llx d17 %016llx fpscr %08x\n",
           (unsigned long long)h_saved_d8, (unsigned long long)h_saved_d17,
           h_saved_fpscr);
    printf("after: d8 %016llx d9 %016llx d17 %016llx fpscr %08x\n",
           (unsigned long long)out[0], (unsigned long long)out[1],
           (unsigned long long)out[2], get_fpscr());
    set_fpscr(0);
}

/* Asynchronous: a handler rounding upward while the main loop sums in
 * the default mode. The sum must come out as without signals. */
static volatile int ticks;
static volatile double h_acc;

static void alarm_handler(int sig)
{
    volatile double x = 1.0, y = 3.0;

    (void)sig;
    fesetround(FE_UPWARD);
    h_acc += x / y;
    ticks++;
}

static double series(int n)
{
    volatile double s = 0;

    for (int i = 1; i <= n; i++) {
        s += 1.0 / ((double)i * i);
        if ((i & 0xfff) == 0 && fegetround() != FE_TONEAREST) {
            return -1;
        }
    }
    return s;
}

static void async_test(void)
{
    struct itimerval it = { { 0, 1000 }, { 0, 1000 } };
    double ref, got;
    int rounds = 0;

    ref = series(300000);
    signal(SIGALRM, alarm_handler);
    setitimer(ITIMER_REAL, &it, NULL);
    do {
        got = series(300000);
        rounds++;
    } while ((ticks < 5 || rounds < 2) && got == ref && rounds < 1000);
    memset(&it, 0, sizeof(it));
    setitimer(ITIMER_REAL, &it, NULL);
    signal(SIGALRM, SIG_IGN);
    printf("async: series %.17g, same under signals: %s (ticks >= 5: %s)\n",
           ref, got == ref ? "yes" : "no", ticks >= 5 ? "yes" : "no");
}

int main(void)
{
    sync_test();
    async_test();
    return 0;
}

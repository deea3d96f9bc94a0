/* ARM guest test: asynchronous signals landing at arbitrary points of hot,
 * chained code.  A checksum loop (ARM, Thumb, and an asm loop that keeps
 * its state in the flags and many registers) runs while SIGALRM and
 * SIGPROF arrive every millisecond; every result must equal the run
 * without signals, i.e. interrupted state is restored exactly. */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>

static volatile uint32_t hits_alrm, hits_prof;
static uint8_t data[4096];

static void on_sig(int sig, siginfo_t *si, void *uc)
{
    (void)si;
    (void)uc;
    /* disturb registers and flags in the handler */
    volatile uint32_t x = 0x12345678u;
    for (int i = 0; i < 16; i++) {
        x = (x << 1) ^ (x >> 3) ^ (uint32_t)i;
    }
    if (sig == SIGALRM) {
        hits_alrm++;
    } else {
        hits_prof++;
    }
}

static uint32_t crc_arm(const uint8_t *p, size_t n, uint32_t crc)
{
    for (size_t i = 0; i < n; i++) {
        crc ^= p[i];
        for (int b = 0; b < 8; b++) {
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1)));
        }
    }
    return crc;
}

__attribute__((target("thumb"), noinline)) static uint32_t
crc_thumb(const uint8_t *p, size_t n, uint32_t crc)
{
    for (size_t i = 0; i < n; i++) {
        crc ^= p[i];
        for (int b = 0; b < 8; b++) {
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1)));
        }
    }
    return crc;
}

/* A 64-bit add-with-carry chain across many registers: the carry flag
 * lives between instructions of one block and across the loop branch. */
static uint32_t carry_chain(uint32_t iters)
{
    uint32_t out;
    asm volatile("mov r0, #0\n\t"
                 "mov r1, #0\n\t"
                 "mov r2, #0\n\t"
                 "ldr r3, =0x9e3779b9\n\t"
                 "ldr r4, =0x7f4a7c15\n\t"
                 "mov r5, %[n]\n"
                 "1:\n\t"
                 "adds r0, r0, r3\n\t"
                 "adcs r1, r1, r4\n\t"
                 "adc r2, r2, #0\n\t"
                 "eor r3, r3, r1, ror #7\n\t"
                 "add r4, r4, r0, lsr #3\n\t"
                 "subs r5, r5, #1\n\t"
                 "bne 1b\n\t"
                 "eor %[o], r0, r1\n\t"
                 "eor %[o], %[o], r2\n\t"
                 "eor %[o], %[o], r3\n\t"
                 "eor %[o], %[o], r4\n\t"
                 : [o] "=&r"(out)
                 : [n] "r"(iters)
                 : "r0", "r1", "r2", "r3", "r4", "r5", "cc");
    return out;
}

static void run_all(uint32_t *a, uint32_t *t, uint32_t *c)
{
    *a = 0;
    *t = 0;
    for (int i = 0; i < 20; i++) {
        *a = crc_arm(data, sizeof(data), *a ^ (uint32_t)i);
        *t = crc_thumb(data, sizeof(data), *t ^ (uint32_t)i);
    }
    *c = carry_chain(3000000);
}

int main(void)
{
    for (unsigned i = 0; i < sizeof(data); i++) {
        data[i] = (uint8_t)(i * 131 + (i >> 5));
    }
    uint32_t a0, t0, c0, a1, t1, c1;
    run_all(&a0, &t0, &c0);
    printf("quiet: arm %08x thumb %08x chain %08x\n", a0, t0, c0);

    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = on_sig;
    sa.sa_flags = SA_SIGINFO | SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGALRM, &sa, NULL);
    sigaction(SIGPROF, &sa, NULL);
    struct itimerval it = {{0, 1000}, {0, 1000}};
    setitimer(ITIMER_REAL, &it, NULL);
    setitimer(ITIMER_PROF, &it, NULL);
    int mismatches = 0;
    for (int round = 0; round < 5 || hits_alrm + hits_prof < 20; round++) {
        run_all(&a1, &t1, &c1);
        mismatches += a1 != a0 || t1 != t0 || c1 != c0;
        if (round > 200) {
            break;
        }
    }
    memset(&it, 0, sizeof(it));
    setitimer(ITIMER_REAL, &it, NULL);
    setitimer(ITIMER_PROF, &it, NULL);
    printf("with signals: mismatching rounds %d, signals arrived %d\n",
           mismatches, hits_alrm + hits_prof >= 20);
    printf("done\n");
    return 0;
}

/* tests/guest/arm/v7_isa.c — ARMv6K/ARMv7-A integer additions as a real
 * program (built both -marm and -mthumb for Thumb-2, run with -cpu
 * cortex-a15): media ops, bit fields, divides, exclusives under four
 * threads, IT blocks with a fault and an undefined instruction inside,
 * TBB/TBH switches, uname and AT_HWCAP. Expected output from
 * qemu-arm-static -cpu cortex-a15.
 */
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/utsname.h>

static uint32_t vals[] = { 0, 1, 0x7fffffff, 0x80000000, 0xffffffff,
                           0x12345678, 0x8001fffe, 0x00ff7f80 };
#define NV (sizeof(vals) / sizeof(vals[0]))

static void media(void)
{
    uint32_t h = 0;

    for (unsigned i = 0; i < NV; i++) {
        for (unsigned j = 0; j < NV; j++) {
            uint32_t a = vals[i], b = vals[j], r[12], ge;
            __asm__ volatile("uadd8 %0, %3, %4\n\t"
                             "sel %1, %3, %4\n\t"
                             "mrs %2, apsr"
                             : "=&r"(r[0]), "=&r"(r[1]), "=&r"(ge)
                             : "r"(a), "r"(b) : "cc");
            __asm__("qsub16 %0, %4, %5\n\t"
                    "shasx %1, %4, %5\n\t"
                    "usad8 %2, %4, %5\n\t"
                    "smuadx %3, %4, %5\n\t"
                    : "=&r"(r[2]), "=&r"(r[3]), "=&r"(r[4]), "=&r"(r[5])
                    : "r"(a), "r"(b));
            __asm__("smmlsr %0, %4, %5, %4\n\t"
                    "pkhtb %1, %4, %5, asr #5\n\t"
                    "uxtab16 %2, %4, %5, ror #8\n\t"
                    "rbit %3, %4\n\t"
                    : "=&r"(r[6]), "=&r"(r[7]), "=&r"(r[8]), "=&r"(r[9])
                    : "r"(a), "r"(b));
            __asm__ volatile("ssub8 %0, %2, %3\n\t"
                             "usat16 %1, #7, %2\n\t"
                             : "=&r"(r[10]), "=&r"(r[11])
                             : "r"(a), "r"(b) : "cc");
            h = (h ^ (ge & 0xf80f0000u)) * 0x01000193u;
            for (unsigned k = 0; k < 12; k++) {
                h = (h ^ r[k]) * 0x01000193u;
            }
        }
    }
    printf("media hash %08x\n", h);
}

static void bitfield_div(void)
{
    for (unsigned i = 0; i < NV; i++) {
        uint32_t a = vals[i], u, s, bi, q, uq;
        __asm__("ubfx %0, %5, #3, #13\n\t"
                "sbfx %1, %5, #7, #9\n\t"
                "mov %2, #0\n\t"
                "bfi %2, %5, #4, #12\n\t"
                "sdiv %3, %5, %6\n\t"
                "udiv %4, %5, %6\n\t"
                : "=&r"(u), "=&r"(s), "=&r"(bi), "=&r"(q), "=&r"(uq)
                : "r"(a), "r"(vals[(i + 3) % NV]));
        printf("bf %08x: ubfx %08x sbfx %08x bfi %08x sdiv %08x udiv %08x\n",
               a, u, s, bi, q, uq);
    }
}

/* ---- Exclusives under threads ----------------------------------------- */

static uint32_t counter;
static uint64_t counter64;
static uint8_t bytes[4];

static void *excl_worker(void *arg)
{
    unsigned idx = (unsigned)(uintptr_t)arg;

    for (int i = 0; i < 20000; i++) {
        uint32_t v, fail;
        do {
            __asm__ volatile("ldrex %0, [%2]\n\tadd %0, %0, #1\n\t"
                             "strex %1, %0, [%2]"
                             : "=&r"(v), "=&r"(fail) : "r"(&counter)
                             : "memory");
        } while (fail);
        do {
            uint64_t w;
            __asm__ volatile("ldrexd %0, %H0, [%2]\n\t"
                             "adds %Q0, %Q0, #3\n\tadc %R0, %R0, #0\n\t"
                             "strexd %1, %0, %H0, [%2]"
                             : "=&r"(w), "=&r"(fail) : "r"(&counter64)
                             : "memory", "cc");
        } while (fail);
        do {
            __asm__ volatile("ldrexb %0, [%2]\n\tadd %0, %0, #1\n\t"
                             "strexb %1, %0, [%2]"
                             : "=&r"(v), "=&r"(fail) : "r"(&bytes[idx])
                             : "memory");
        } while (fail);
    }
    return NULL;
}

static void exclusives(void)
{
    pthread_t t[4];
    uint32_t v, r;

    counter64 = 0xfffff000u;
    for (unsigned i = 0; i < 4; i++) {
        pthread_create(&t[i], NULL, excl_worker, (void *)(uintptr_t)i);
    }
    for (unsigned i = 0; i < 4; i++) {
        pthread_join(t[i], NULL);
    }
    printf("exclusive counter %u counter64 %llx bytes %u %u %u %u\n",
           counter, (unsigned long long)counter64, bytes[0], bytes[1],
           bytes[2], bytes[3]);
    /* CLREX makes the next STREX fail. */
    __asm__ volatile("ldrex %0, [%2]\n\tclrex\n\tstrex %1, %0, [%2]"
                     : "=&r"(v), "=&r"(r) : "r"(&counter) : "memory");
    printf("strex after clrex: %u\n", r);
}

/* ---- IT blocks, faults and signals ------------------------------------ */

static sigjmp_buf jb;
static volatile uint32_t fault_pc;

static void on_signal(int sig, siginfo_t *si, void *uc)
{
    (void)si;
    (void)uc;
    printf("signal %d inside the IT block\n", sig);
    siglongjmp(jb, 1);
}

#ifdef __thumb2__
static uint32_t it_chain(uint32_t x)
{
    uint32_t r = 0;
    /* Flags from cmp, then T, E, T, E. */
    __asm__("cmp %1, #5\n\t"
            "itete gt\n\t"
            "addgt %0, %0, #1\n\t"
            "addle %0, %0, #2\n\t"
            "addgt %0, %0, #4\n\t"
            "addle %0, %0, #8\n\t"
            : "+r"(r) : "r"(x) : "cc");
    return r;
}

static uint32_t it_flags(uint32_t a, uint32_t b)
{
    uint32_t r;
    /* 16-bit ADD inside IT sets no flags: the second condition still
     * sees the cmp. */
    __asm__("mov %0, #0\n\t"
            "cmp %1, %2\n\t"
            "itt eq\n\t"
            "addeq %0, %1, %2\n\t"
            "addeq %0, %0, #100\n\t"
            : "=&l"(r) : "l"(a), "l"(b) : "cc");
    return r;
}
#endif

static void it_blocks(void)
{
    struct sigaction sa;
    volatile uint32_t r = 0;

    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = on_signal;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGILL, &sa, NULL);
#ifdef __thumb2__
    printf("it chain %u %u\n", it_chain(3), it_chain(9));
    printf("it flags %u %u\n", it_flags(2, 2), it_flags(2, 3));
#else
    printf("it chain 10 5\n");
    printf("it flags 104 0\n");
#endif
    /* A load from an unmapped page inside an IT block (the condition
     * holds); the handler leaves by siglongjmp. */
    if (sigsetjmp(jb, 1) == 0) {
        uint32_t x = 1;
        __asm__ volatile("cmp %1, #1\n\t"
#ifdef __thumb2__
                         "itt eq\n\t"
#endif
                         "ldreq %0, [%2]\n\t"
                         "addeq %0, %0, #1\n\t"
                         : "=&r"(x) : "r"(x), "r"(16) : "cc", "memory");
        r = x;
    }
    /* An undefined instruction in an IT block whose condition fails is
     * skipped; when it holds, SIGILL. */
    if (sigsetjmp(jb, 1) == 0) {
        __asm__ volatile("cmp %0, #2\n\t"
#ifdef __thumb2__
                         "it eq\n\t"
                         "udfeq #0\n\t"
#else
                         ".inst 0x07f000f0\n\t"
#endif
                         : : "r"(1) : "cc");
        printf("false-condition undefined skipped\n");
    }
    if (sigsetjmp(jb, 1) == 0) {
        __asm__ volatile("cmp %0, #1\n\t"
#ifdef __thumb2__
                         "it eq\n\t"
                         "udfeq #0\n\t"
#else
                         ".inst 0x07f000f0\n\t"
#endif
                         : : "r"(1) : "cc");
        printf("not reached\n");
    }
    printf("it done %u\n", r);
}

/* ---- Table branches --------------------------------------------------- */

static __attribute__((noinline)) int sw(int x)
{
    switch (x) {
    case 0: return 11;
    case 1: return 23;
    case 2: return 37;
    case 3: return 41;
    case 4: return 53;
    case 5: return 67;
    case 6: return 71;
    case 7: return 83;
    case 8: return 97;
    default: return -1;
    }
}

int main(void)
{
    struct utsname u;
    int s = 0;

    media();
    bitfield_div();
    exclusives();
    it_blocks();
    for (int i = -2; i < 12; i++) {
        s = s * 3 + sw(i);
    }
    printf("switch %d\n", s);
    uname(&u);
    printf("machine %s\n", u.machine);
    printf("hwcap idiva %d idivt %d tls %d\n",
           (int)(getauxval(AT_HWCAP) >> 17) & 1,
           (int)(getauxval(AT_HWCAP) >> 18) & 1,
           (int)(getauxval(AT_HWCAP) >> 15) & 1);
    return 0;
}

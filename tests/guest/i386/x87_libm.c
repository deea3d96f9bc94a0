/* tests/guest/i386/x87_libm.c — what programs see of the x87: printf of
 * floats and long doubles, i386 libm (which runs on FSIN, FPATAN, FYL2X,
 * F2XM1, FSCALE…), the transcendental instructions themselves over a
 * range of arguments (printed as doubles: the host's own results are
 * within an ulp of the exact value and emu's are correctly rounded, so
 * 80-bit bits could differ in rare cases), long double arithmetic, and
 * an unmasked x87 exception delivered as SIGFPE at the next waiting
 * instruction (#MF) with its si_code.
 */
#define _GNU_SOURCE
#include <fenv.h>
#include <math.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static sigjmp_buf jb;
static volatile int fpe_code;

static void on_fpe(int sig, siginfo_t *si, void *uc)
{
    (void)sig;
    (void)uc;
    fpe_code = si->si_code;
    siglongjmp(jb, 1);
}

static double trig(int op, long double a)
{
    long double r = 0, r2 = 0;

    switch (op) {
    case 0: __asm__("fsin" : "=t"(r) : "0"(a)); break;
    case 1: __asm__("fcos" : "=t"(r) : "0"(a)); break;
    case 2: __asm__("fptan" : "=t"(r2), "=u"(r) : "0"(a)); break;
    case 3: __asm__("fsincos" : "=t"(r2), "=u"(r) : "0"(a)); r += r2; break;
    case 4: __asm__("f2xm1" : "=t"(r) : "0"(a)); break;
    case 5: __asm__("fyl2x" : "=t"(r) : "0"(a), "u"(3.0L) : "st(1)"); break;
    case 6: __asm__("fyl2xp1" : "=t"(r) : "0"(a), "u"(-2.5L) : "st(1)"); break;
    default: __asm__("fpatan" : "=t"(r) : "0"(a), "u"(0.75L) : "st(1)"); break;
    }
    return (double)r;
}

int main(void)
{
    static const char *const names[8] = {
        "fsin", "fcos", "fptan", "fsincos", "f2xm1", "fyl2x", "fyl2xp1",
        "fpatan",
    };
    volatile double x = 0.1;
    volatile long double l = 1.0L;
    struct sigaction sa;

    printf("%f %e %g %.17g %a\n", x, x * 1e-300, x * 3, x / 3, x);
    printf("%.20Lf %Lg %La\n", l / 3, l * 1e4000L, l / 7);
    printf("%.3f %.0f %.1f %8.2e\n", 2.0005, 0.5, 0.25, -123456.789);
    for (int i = -3; i <= 12; i++) {
        double v = i * 0.37 + 0.01;
        printf("v=%g sin=%.17g cos=%.17g tan=%.17g exp=%.17g log=%.17g "
               "pow=%.17g atan=%.17g\n", v, sin(v), cos(v), tan(v),
               exp(v), log(fabs(v)), pow(fabs(v), 1.7), atan2(v, 1.3));
        printf("   sinl=%.17Lg expl=%.17Lg logl=%.17Lg cbrt=%.17g "
               "sinh=%.17g asin=%.17g\n", sinl(v), expl(v),
               logl(fabsl(v)), cbrt(v), sinh(v), asin(v / 5));
    }
    for (int op = 0; op < 8; op++) {
        printf("%s:", names[op]);
        for (int i = 0; i < 12; i++) {
            long double a = (op == 4 || op == 6) ? (i - 6) / 13.0L
                                                 : (i - 4) * 1.7L + 0.3L;
            if (op == 5) {
                a = fabsl(a) + 0.01L;
            }
            printf(" %.15g", trig(op, a));
        }
        printf("\n");
    }
    {
        /* large arguments: the x87's own reduction (66-bit pi) */
        static const long double big[4] = { 1e10L, 123456789.0L,
                                            1e18L, 9e18L };
        for (int i = 0; i < 4; i++) {
            printf("fsin(%Lg)=%.15g fcos=%.15g\n", big[i], trig(0, big[i]),
                   trig(1, big[i]));
        }
    }
    {
        /* out of range: C2 set, operand unchanged */
        long double a = 0x1p64L, r;
        uint16_t sw;
        __asm__("fsin\n\tfnstsw %1" : "=t"(r), "=m"(sw) : "0"(a));
        printf("fsin(2^64): %Lg C2=%d\n", r, (sw >> 10) & 1);
    }
    {
        long double acc = 1.0L;
        for (int i = 1; i < 30; i++) {
            acc = acc * (long double)i / (i + 0.5L) + 1e-19L * i;
        }
        printf("long double loop: %.21Lg\n", acc);
    }

    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = on_fpe;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGFPE, &sa, NULL);
    static const int excepts[4] = {
        FE_DIVBYZERO, FE_INVALID, FE_OVERFLOW, FE_UNDERFLOW,
    };
    static const char *const en[4] = { "divbyzero", "invalid", "overflow",
                                       "underflow" };
    for (int k = 0; k < 4; k++) {
        volatile long double a = k == 1 ? -1.0L : k == 2 ? 1e4000L
                                 : k == 3 ? 1e-4000L : 1.0L;
        volatile long double b = k == 0 ? 0.0L : k == 2 ? 1e4000L
                                 : k == 3 ? 1e-4000L : 0.0L;
        long double r = 0;
        fpe_code = 0;
        if (sigsetjmp(jb, 1) == 0) {
            feclearexcept(FE_ALL_EXCEPT);
            feenableexcept(excepts[k]);
            if (k == 1) {
                __asm__ volatile("fsqrt\n\tfwait" : "=t"(r) : "0"(a));
            } else if (k == 0) {
                r = a / b;
                __asm__ volatile("fwait");
            } else {
                r = a * b;
                __asm__ volatile("fwait");
            }
            printf("%s: no signal (%Lg)\n", en[k], r);
        } else {
            printf("%s: SIGFPE si_code=%d\n", en[k], fpe_code);
        }
        fedisableexcept(FE_ALL_EXCEPT);
        __asm__ volatile("fninit");
    }
    return 0;
}

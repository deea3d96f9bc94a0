/* tests/guest/mips/fpu.c — the FPU as Debian's FPXX code uses it (FR = 0):
 * single and double arithmetic over edge values (zeros, infinities, NaNs
 * in the legacy encoding, denormals, extremes), conversions in every
 * rounding mode, C.cond.fmt on every condition with fcc0-7 and MOVF/MOVT,
 * MADD/MSUB/NMADD/NMSUB, FCSR cause and flag bits, and SIGFPE when an
 * exception is enabled. Values are printed as bits. The last part runs
 * the arithmetic again with the inexact flag already set and in
 * sequences without resetting FCSR (emu keeps the flags sticky and the
 * cause bits lazily there), reads FCSR from a signal frame, and enables
 * a trap by a CTC1 in a branch delay slot of a loop. */
#include <ucontext.h>
#include <fenv.h>
#include <math.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint32_t fbits(float f) { uint32_t u; memcpy(&u, &f, 4); return u; }
static uint64_t dbits(double d) { uint64_t u; memcpy(&u, &d, 8); return u; }
static float bitsf(uint32_t u) { float f; memcpy(&f, &u, 4); return f; }
static double bitsd(uint64_t u) { double d; memcpy(&d, &u, 8); return d; }

static uint32_t get_fcsr(void)
{
    uint32_t v;
    __asm__ volatile("cfc1 %0, $31" : "=r"(v));
    return v;
}

static void set_fcsr(uint32_t v)
{
    __asm__ volatile("ctc1 %0, $31" : : "r"(v));
}

static const uint64_t dvals[] = {
    0x0000000000000000ull, 0x8000000000000000ull, 0x3ff0000000000000ull,
    0xbff8000000000000ull, 0x7ff0000000000000ull, 0xfff0000000000000ull,
    0x7ff7ffffffffffffull /* legacy QNaN */, 0x7ff8000000000000ull /* SNaN */,
    0x0000000000000001ull, 0x7fefffffffffffffull, 0x4009216fe0000000ull,
    0x3fd5555555555555ull,
};
static const uint32_t svals[] = {
    0x00000000u, 0x80000000u, 0x3f800000u, 0xbfc00000u, 0x7f800000u,
    0xff800000u, 0x7fbfffffu, 0x7fc00000u, 0x00000001u, 0x7f7fffffu,
    0x40490fdbu, 0x3eaaaaabu,
};
#define ND (sizeof(dvals) / sizeof(dvals[0]))
#define NS (sizeof(svals) / sizeof(svals[0]))

#define DOP(name, insn)                                                    \
    static double name(double a, double b)                                 \
    {                                                                      \
        double r;                                                          \
        __asm__ volatile(insn " %0, %1, %2" : "=f"(r) : "f"(a), "f"(b));   \
        return r;                                                          \
    }
#define SOP(name, insn)                                                    \
    static float name(float a, float b)                                    \
    {                                                                      \
        float r;                                                           \
        __asm__ volatile(insn " %0, %1, %2" : "=f"(r) : "f"(a), "f"(b));   \
        return r;                                                          \
    }
DOP(add_d, "add.d") DOP(sub_d, "sub.d") DOP(mul_d, "mul.d") DOP(div_d, "div.d")
SOP(add_s, "add.s") SOP(sub_s, "sub.s") SOP(mul_s, "mul.s") SOP(div_s, "div.s")

static void arith(void)
{
    static const char *const dn[4] = { "add.d", "sub.d", "mul.d", "div.d" };
    static double (*const df[4])(double, double) = { add_d, sub_d, mul_d,
                                                     div_d };
    static const char *const sn[4] = { "add.s", "sub.s", "mul.s", "div.s" };
    static float (*const sf[4])(float, float) = { add_s, sub_s, mul_s,
                                                  div_s };
    for (int k = 0; k < 4; k++) {
        for (unsigned i = 0; i < ND; i++) {
            for (unsigned j = 0; j < ND; j++) {
                set_fcsr(0);
                double r = df[k](bitsd(dvals[i]), bitsd(dvals[j]));
                printf("%s %016llx %016llx = %016llx fcsr %08x\n", dn[k],
                       (unsigned long long)dvals[i],
                       (unsigned long long)dvals[j],
                       (unsigned long long)dbits(r), get_fcsr());
            }
        }
        for (unsigned i = 0; i < NS; i++) {
            for (unsigned j = 0; j < NS; j++) {
                set_fcsr(0);
                float r = sf[k](bitsf(svals[i]), bitsf(svals[j]));
                printf("%s %08x %08x = %08x fcsr %08x\n", sn[k], svals[i],
                       svals[j], fbits(r), get_fcsr());
            }
        }
    }
}

static void unary(void)
{
    for (unsigned i = 0; i < ND; i++) {
        double a = bitsd(dvals[i]), r[6];
        int32_t w[4];
        uint32_t fc[4];
        set_fcsr(0);
        __asm__ volatile("sqrt.d %0, %1" : "=f"(r[0]) : "f"(a));
        fc[0] = get_fcsr();
        __asm__ volatile("abs.d %0, %1" : "=f"(r[1]) : "f"(a));
        __asm__ volatile("neg.d %0, %1" : "=f"(r[2]) : "f"(a));
        set_fcsr(0);
        __asm__ volatile("cvt.s.d %0, %1" : "=f"(r[3]) : "f"(a));
        fc[1] = get_fcsr();
        printf("d %016llx: sqrt %016llx (%08x) abs %016llx neg %016llx "
               "cvt.s %08x (%08x)\n", (unsigned long long)dvals[i],
               (unsigned long long)dbits(r[0]), fc[0],
               (unsigned long long)dbits(r[1]),
               (unsigned long long)dbits(r[2]), fbits((float)0) ^
               (uint32_t)(dbits(r[3]) & 0xffffffffu), fc[1]);
        for (int m = 0; m < 4; m++) {
            float t;
            set_fcsr((uint32_t)m);
            __asm__ volatile("cvt.w.d %0, %1" : "=f"(t) : "f"(a));
            memcpy(&w[m], &t, 4);
            fc[m] = get_fcsr();
        }
        printf("  cvt.w.d by RM: %d(%08x) %d(%08x) %d(%08x) %d(%08x)\n",
               w[0], fc[0], w[1], fc[1], w[2], fc[2], w[3], fc[3]);
        {
            float t;
            set_fcsr(0);
            __asm__ volatile("trunc.w.d %0, %1" : "=f"(t) : "f"(a));
            memcpy(&w[0], &t, 4);
            __asm__ volatile("round.w.d %0, %1" : "=f"(t) : "f"(a));
            memcpy(&w[1], &t, 4);
            __asm__ volatile("ceil.w.d %0, %1" : "=f"(t) : "f"(a));
            memcpy(&w[2], &t, 4);
            __asm__ volatile("floor.w.d %0, %1" : "=f"(t) : "f"(a));
            memcpy(&w[3], &t, 4);
            printf("  trunc/round/ceil/floor.w %d %d %d %d fcsr %08x\n",
                   w[0], w[1], w[2], w[3], get_fcsr());
        }
    }
    for (unsigned i = 0; i < NS; i++) {
        float a = bitsf(svals[i]), r;
        double d;
        set_fcsr(0);
        __asm__ volatile("sqrt.s %0, %1" : "=f"(r) : "f"(a));
        printf("s %08x: sqrt %08x (%08x)", svals[i], fbits(r), get_fcsr());
        set_fcsr(0);
        __asm__ volatile("cvt.d.s %0, %1" : "=f"(d) : "f"(a));
        printf(" cvt.d %016llx (%08x)", (unsigned long long)dbits(d),
               get_fcsr());
        set_fcsr(0);
        __asm__ volatile("recip.s %0, %1" : "=f"(r) : "f"(a));
        printf(" recip %08x", fbits(r));
        __asm__ volatile("rsqrt.s %0, %1" : "=f"(r) : "f"(a));
        printf(" rsqrt %08x (%08x)\n", fbits(r), get_fcsr());
    }
    static const int32_t ints[] = { 0, 1, -1, 16777217, 0x7fffffff,
                                    (int32_t)0x80000000 };
    for (unsigned i = 0; i < 6; i++) {
        float s, t;
        double d;
        memcpy(&t, &ints[i], 4);
        set_fcsr(0);
        __asm__ volatile("cvt.s.w %0, %1" : "=f"(s) : "f"(t));
        __asm__ volatile("cvt.d.w %0, %1" : "=f"(d) : "f"(t));
        printf("int %d: cvt.s.w %08x cvt.d.w %016llx fcsr %08x\n", ints[i],
               fbits(s), (unsigned long long)dbits(d), get_fcsr());
    }
    {
        int64_t l = 0x123456789abcdefll, back;
        double d, dl;
        memcpy(&dl, &l, 8);
        set_fcsr(0);
        __asm__ volatile("cvt.d.l %0, %1" : "=f"(d) : "f"(dl));
        __asm__ volatile("cvt.l.d %0, %1" : "=f"(dl) : "f"(d));
        memcpy(&back, &dl, 8);
        printf("cvt.d.l %016llx back %llx fcsr %08x\n",
               (unsigned long long)dbits(d), (long long)back, get_fcsr());
    }
}

static void compares(void)
{
    static const char *const names[16] = {
        "f", "un", "eq", "ueq", "olt", "ult", "ole", "ule",
        "sf", "ngle", "seq", "ngl", "lt", "nge", "le", "ngt",
    };
    static const double cv[] = { 1.0, 2.0, -0.0, 0.0 };
    double qnan = bitsd(dvals[6]);
    for (int c = 0; c < 16; c++) {
        printf("c.%-4s", names[c]);
        for (int p = 0; p < 5; p++) {
            double a = p < 4 ? cv[p] : qnan, b = p == 2 ? cv[3] : cv[1];
            uint32_t cc;
            set_fcsr(0);
            switch (c) {
#define CMP(i, n) case i: __asm__ volatile("c." n ".d $fcc3, %0, %1" : : "f"(a), "f"(b)); break;
            CMP(0, "f") CMP(1, "un") CMP(2, "eq") CMP(3, "ueq")
            CMP(4, "olt") CMP(5, "ult") CMP(6, "ole") CMP(7, "ule")
            CMP(8, "sf") CMP(9, "ngle") CMP(10, "seq") CMP(11, "ngl")
            CMP(12, "lt") CMP(13, "nge") CMP(14, "le") CMP(15, "ngt")
#undef CMP
            }
            cc = get_fcsr();
            printf(" %08x", cc);
        }
        printf("\n");
    }
    /* fcc0 via single compare, MOVT/MOVF, BC1T/BC1F */
    {
        float a = 1.0f, b = 2.0f;
        int t = 5, f = 7, x = 0, y = 0, taken;
        __asm__ volatile("c.lt.s %0, %1" : : "f"(a), "f"(b));
        __asm__ volatile("movt %0, %1, $fcc0" : "+r"(x) : "r"(t));
        __asm__ volatile("movf %0, %1, $fcc0" : "+r"(y) : "r"(f));
        __asm__ volatile(".set push\n\t.set noreorder\n\t"
                         "li %0, 0\n\t"
                         "bc1t 1f\n\t"
                         "nop\n\t"
                         "li %0, 2\n"
                         "1:\t.set pop" : "=&r"(taken));
        printf("c.lt.s 1<2: movt %d movf %d bc1t fell through %d\n", x, y,
               taken == 2);
        double m = 3.0, n = 4.0;
        __asm__ volatile("c.eq.d $fcc6, %1, %1\n\tmovt.d %0, %1, $fcc6"
                         : "+f"(m) : "f"(n));
        printf("movt.d on fcc6: %g\n", m);
    }
}

static void madd(void)
{
    double a = 1.5, b = 3.25, c = 0.125, r;
    float fa = 1.0e-4f, fb = 3.0f, fc = 1.0f, fr;
    __asm__ volatile("madd.d %0, %1, %2, %3" : "=f"(r) : "f"(c), "f"(a), "f"(b));
    printf("madd.d %016llx\n", (unsigned long long)dbits(r));
    __asm__ volatile("msub.d %0, %1, %2, %3" : "=f"(r) : "f"(c), "f"(a), "f"(b));
    printf("msub.d %016llx\n", (unsigned long long)dbits(r));
    __asm__ volatile("nmadd.d %0, %1, %2, %3" : "=f"(r) : "f"(c), "f"(a), "f"(b));
    printf("nmadd.d %016llx\n", (unsigned long long)dbits(r));
    __asm__ volatile("nmsub.d %0, %1, %2, %3" : "=f"(r) : "f"(c), "f"(a), "f"(b));
    printf("nmsub.d %016llx\n", (unsigned long long)dbits(r));
    set_fcsr(0);
    __asm__ volatile("madd.s %0, %1, %2, %3" : "=f"(fr) : "f"(fc), "f"(fa), "f"(fb));
    printf("madd.s %08x fcsr %08x\n", fbits(fr), get_fcsr());
}

static sigjmp_buf jb;
static volatile int fpe_code;

static void on_fpe(int sig, siginfo_t *si, void *uc)
{
    fpe_code = si->si_code;
    siglongjmp(jb, 1);
}

static void traps(void)
{
    struct sigaction sa;
    volatile double z = 0.0, one = 1.0, r = 42.0;

    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = on_fpe;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGFPE, &sa, NULL);
    static const struct { const char *what; uint32_t enable; } en[] = {
        { "divide by zero", 1u << 10 }, { "invalid", 1u << 11 },
        { "overflow", 1u << 9 }, { "inexact", 1u << 7 },
    };
    for (int k = 0; k < 4; k++) {
        fpe_code = 0;
        r = 42.0;
        if (sigsetjmp(jb, 1) == 0) {
            set_fcsr(en[k].enable);
            switch (k) {
            case 0: r = one / z; break;
            case 1: r = z / z; break;
            case 2: r = 1e308 * (one + 9.0); break;
            default: r = one / 3.0; break;
            }
            printf("%s enabled: no signal\n", en[k].what);
        } else {
            uint32_t f = get_fcsr();
            set_fcsr(0);
            printf("%s enabled: SIGFPE code %d, fcsr %08x, result kept %d\n",
                   en[k].what, fpe_code, f, r == 42.0);
        }
        set_fcsr(0);
    }
    /* CTC1 writing an enabled cause traps at once */
    if (sigsetjmp(jb, 1) == 0) {
        set_fcsr((1u << 10) | (1u << 15));
        printf("ctc1 cause+enable: no signal\n");
    } else {
        set_fcsr(0);
        printf("ctc1 cause+enable: SIGFPE code %d\n", fpe_code);
    }
    /* libm through the FPU */
    printf("libm: %.17g %.17g %.9g\n", sqrt(2.0), exp(1.0), sinf(1.0f));
    printf("printf: %.3f %e %g\n", 3.14159, 1234.5e10, -0.0);
    fesetround(FE_UPWARD);
    printf("fesetround up: %08x\n", get_fcsr() & 3);
    fesetround(FE_TONEAREST);
}

/* FCSR after r was computed (and before anything after the call). */
static uint32_t fcsr_d(double r)
{
    uint32_t v;
    __asm__ volatile("cfc1 %0, $31" : "=r"(v) : "f"(r) : "memory");
    return v;
}

static uint32_t fcsr_s(float r)
{
    uint32_t v;
    __asm__ volatile("cfc1 %0, $31" : "=r"(v) : "f"(r) : "memory");
    return v;
}

static volatile uint32_t frame_fcsr;

static void on_usr1(int sig, siginfo_t *si, void *uc)
{
    frame_fcsr = ((ucontext_t *)uc)->uc_mcontext.fpc_csr;
}

static void sticky(void)
{
    static const char *const dn[4] = { "add.d", "sub.d", "mul.d", "div.d" };
    static double (*const df[4])(double, double) = { add_d, sub_d, mul_d,
                                                     div_d };
    static const char *const sn[4] = { "add.s", "sub.s", "mul.s", "div.s" };
    static float (*const sf[4])(float, float) = { add_s, sub_s, mul_s,
                                                  div_s };
    /* every pair with the inexact flag set, in RN and (odd pairs) RZ */
    for (int k = 0; k < 4; k++) {
        for (unsigned i = 0; i < ND; i++) {
            for (unsigned j = 0; j < ND; j++) {
                set_fcsr(4u | ((i + j) & 1));
                double r = df[k](bitsd(dvals[i]), bitsd(dvals[j]));
                printf("I %s %016llx %016llx = %016llx fcsr %08x\n", dn[k],
                       (unsigned long long)dvals[i],
                       (unsigned long long)dvals[j],
                       (unsigned long long)dbits(r), get_fcsr());
            }
        }
        for (unsigned i = 0; i < NS; i++) {
            for (unsigned j = 0; j < NS; j++) {
                set_fcsr(4u | ((i + j) & 1));
                float r = sf[k](bitsf(svals[i]), bitsf(svals[j]));
                printf("I %s %08x %08x = %08x fcsr %08x\n", sn[k], svals[i],
                       svals[j], fbits(r), get_fcsr());
            }
        }
    }
    /* a sequence: each operation replaces the cause, flags accumulate */
    {
        volatile double a = 1.5, b = 2.0, c = 0.25, t = 3.0, big = 1e308;
        volatile float fa = 3.0f, fb = 5.0f, ft = 0.1f, fh = 1e30f;
        double r;
        float f;
        set_fcsr(0);
        r = a * b + c;
        printf("seq exact %.17g fcsr %08x\n", r, fcsr_d(r));
        r = a / t;
        printf("seq 1.5/3 %.17g fcsr %08x\n", r, fcsr_d(r));
        r = a + b;
        printf("seq then exact add %.17g fcsr %08x\n", r, fcsr_d(r));
        r = a * t;
        printf("seq exact mul %.17g fcsr %08x\n", r, fcsr_d(r));
        {
            int lt;
            __asm__ volatile("c.lt.d %1, %2\n\tcfc1 %0, $31"
                             : "=r"(lt) : "f"(c), "f"(a));
            printf("seq compare fcsr %08x\n", (uint32_t)lt);
        }
        r = sqrt(c);
        printf("seq sqrt(0.25) %.17g fcsr %08x\n", r, fcsr_d(r));
        r = sqrt(b);
        printf("seq sqrt(2) %.17g fcsr %08x\n", r, fcsr_d(r));
        r = big * 10.0;
        printf("seq overflow %g fcsr %08x\n", r, fcsr_d(r));
        r = a - a;
        printf("seq a-a %g fcsr %08x\n", r, fcsr_d(r));
        set_fcsr(0);
        f = fa * fb;
        printf("seq 3f*5f %.9g fcsr %08x\n", f, fcsr_s(f));
        f = ft * fa;
        printf("seq 0.1f*3f %.9g fcsr %08x\n", f, fcsr_s(f));
        set_fcsr(0);
        f = fh + fa;
        printf("seq 1e30f+3f %.9g fcsr %08x\n", f, fcsr_s(f));
        f = fh - fh;
        printf("seq 1e30f-1e30f %.9g fcsr %08x\n", f, fcsr_s(f));
        set_fcsr(0);
        double acc = 0;
        volatile int n = 1000;
        for (int i = 1; i <= n; i++) {
            acc += (double)i * 0.5;
        }
        printf("seq exact loop %.17g fcsr %08x\n", acc, fcsr_d(acc));
        for (int i = 1; i <= n; i++) {
            acc += 1.0 / (double)i;
        }
        printf("seq inexact loop %.17g fcsr %08x\n", acc, fcsr_d(acc));
    }
    /* the FCSR a signal frame holds */
    {
        struct sigaction sa;
        volatile double one = 1.0, three = 3.0;
        double r;
        memset(&sa, 0, sizeof(sa));
        sa.sa_sigaction = on_usr1;
        sa.sa_flags = SA_SIGINFO;
        sigaction(SIGUSR1, &sa, NULL);
        set_fcsr(0);
        r = one / three;
        __asm__ volatile("" : : "f"(r) : "memory");
        raise(SIGUSR1);
        printf("signal frame fcsr %08x (r %.17g)\n", frame_fcsr, r);
    }
    /* a trap enabled by CTC1 in a delay slot, then straight-line */
    for (int it = 0; it < 3; it++) {
        volatile double one = 1.0, three = 3.0;
        double r = 0;
        uint32_t en = it == 1 ? 1u << 7 : 0;
        fpe_code = 0;
        if (sigsetjmp(jb, 1) == 0) {
            __asm__ volatile(".set push\n\t.set noreorder\n\t"
                             "b 1f\n\t"
                             "ctc1 %1, $31\n"
                             "1:\tdiv.d %0, %2, %3\n\t"
                             ".set pop"
                             : "=f"(r) : "r"(en), "f"(one), "f"(three));
            printf("slot ctc1 %08x: no signal, fcsr %08x\n", en, get_fcsr());
        } else {
            printf("slot ctc1 %08x: SIGFPE code %d, fcsr %08x\n", en,
                   fpe_code, get_fcsr());
        }
        set_fcsr(0);
        fpe_code = 0;
        if (sigsetjmp(jb, 1) == 0) {
            __asm__ volatile("ctc1 %1, $31\n\t"
                             "mul.d %0, %2, %3"
                             : "=f"(r) : "r"(en), "f"(three), "f"(three));
            __asm__ volatile("div.d %0, %1, %2"
                             : "=f"(r) : "f"(one), "f"(three));
            printf("ctc1 %08x: no signal, fcsr %08x\n", en, get_fcsr());
        } else {
            printf("ctc1 %08x: SIGFPE code %d, fcsr %08x\n", en, fpe_code,
                   get_fcsr());
        }
        set_fcsr(0);
    }
}

int main(void)
{
    arith();
    unary();
    compares();
    madd();
    traps();
    sticky();
    return 0;
}

/* tests/guest/arm/vfp_edge.c — armhf VFP edge cases through C and libm:
 * NaN payloads and their propagation order, denormals with FPSCR.FZ off
 * and on (IDC, UFC), default-NaN mode, each rounding mode via fesetround,
 * conversions at their limits (saturation, NaN to 0), fenv exception
 * flags, fused multiply-add, half precision, float formatting.
 * Expected output from qemu-arm-static -cpu cortex-a15.
 */
#include <fenv.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t fb(float f)
{
    uint32_t u;
    memcpy(&u, &f, 4);
    return u;
}

static uint64_t db(double d)
{
    uint64_t u;
    memcpy(&u, &d, 8);
    return u;
}

static float bf(uint32_t u)
{
    float f;
    memcpy(&f, &u, 4);
    return f;
}

static double bd(uint64_t u)
{
    double d;
    memcpy(&d, &u, 8);
    return d;
}

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

/* Operands through volatile so that nothing is folded at compile time. */
static volatile float vf[8];
static volatile double vd[8];

static void flags(const char *what)
{
    int e = fetestexcept(FE_ALL_EXCEPT);

    printf("  %-28s %s%s%s%s%s fpscr=%08x\n", what,
           e & FE_INVALID ? "I" : "-", e & FE_DIVBYZERO ? "Z" : "-",
           e & FE_OVERFLOW ? "O" : "-", e & FE_UNDERFLOW ? "U" : "-",
           e & FE_INEXACT ? "X" : "-", get_fpscr());
    feclearexcept(FE_ALL_EXCEPT);
    set_fpscr(get_fpscr() & ~0x9fu);
}

static void nan_payloads(void)
{
    static const uint32_t f32[] = {
        0x7fc00001, 0x7f800005, 0xffc12345, 0xff912345, 0x3f800000,
    };
    static const uint64_t f64[] = {
        0x7ff8000000000123ull, 0x7ff0000000000456ull, 0xfff8000000abcdefull,
        0xfff4000000000001ull, 0x3ff0000000000000ull,
    };

    printf("NaN payloads (SNaN first, then the first QNaN; quieted):\n");
    for (int i = 0; i < 5; i++) {
        for (int j = 0; j < 5; j++) {
            vf[0] = bf(f32[i]);
            vf[1] = bf(f32[j]);
            vd[0] = bd(f64[i]);
            vd[1] = bd(f64[j]);
            float s = vf[0] + vf[1], m = vf[0] * vf[1];
            double t = vd[0] - vd[1], q = vd[0] / vd[1];
            printf("  %d%d f32 add %08x mul %08x f64 sub %016llx div "
                   "%016llx\n", i, j, fb(s), fb(m), (unsigned long long)db(t),
                   (unsigned long long)db(q));
        }
    }
    vf[0] = bf(0x7f800005);
    vd[0] = (double)vf[0];
    printf("  cvt snan f32->f64 %016llx\n", (unsigned long long)db(vd[0]));
    vd[1] = bd(0xfff0000000000777ull);
    vf[1] = (float)vd[1];
    printf("  cvt snan f64->f32 %08x\n", fb(vf[1]));
    vd[2] = bd(0x7ff800000000ffffull);
    vf[2] = (float)vd[2];
    printf("  cvt qnan f64->f32 %08x (low payload bits dropped)\n", fb(vf[2]));
    flags("after NaNs");
    set_fpscr(get_fpscr() | (1u << 25));    /* DN */
    vf[0] = bf(0xffc12345);
    vf[1] = 1.0f;
    vd[0] = bd(0xfff4000000000001ull);
    printf("  DN: f32 %08x f64 %016llx neg %08x\n", fb(vf[0] + vf[1]),
           (unsigned long long)db(vd[0] * 2.0), fb(-vf[0]));
    set_fpscr(get_fpscr() & ~(1u << 25));
    flags("after DN");
}

static void denormals(void)
{
    printf("Denormals, FZ off then on:\n");
    for (int fz = 0; fz < 2; fz++) {
        set_fpscr((get_fpscr() & ~(1u << 24)) | (uint32_t)fz << 24);
        vf[0] = bf(0x00000003);           /* 3 * 2^-149 */
        vf[1] = 0.5f;
        vf[2] = FLT_MIN;
        vd[0] = bd(0x0000000000000003ull);
        vd[1] = DBL_MIN;
        printf(" FZ=%d\n", fz);
        printf("  denorm*0.5      %08x\n", fb(vf[0] * vf[1]));
        flags("");
        printf("  denorm+0        %08x\n", fb(vf[0] + 0.0f));
        flags("");
        printf("  FLT_MIN*0.75    %08x\n", fb(vf[2] * 0.75f));
        flags("");
        printf("  FLT_MIN/3       %08x\n", fb(vf[2] / 3.0f));
        flags("");
        printf("  d denorm*3      %016llx\n",
               (unsigned long long)db(vd[0] * 3.0));
        flags("");
        printf("  DBL_MIN*DBL_MIN %016llx\n",
               (unsigned long long)db(vd[1] * vd[1]));
        flags("");
        printf("  denorm<1        %d\n", vd[0] < 1e-320);
        flags("");
        printf("  (int)denorm     %d\n", (int)vf[0]);
        flags("");
    }
    set_fpscr(get_fpscr() & ~(1u << 24));
}

static void rounding(void)
{
    static const int modes[] = { FE_TONEAREST, FE_UPWARD, FE_DOWNWARD,
                                 FE_TOWARDZERO };
    static const char *names[] = { "nearest", "upward", "downward",
                                   "towardzero" };

    printf("Rounding modes:\n");
    for (int i = 0; i < 4; i++) {
        fesetround(modes[i]);
        vd[0] = 1.0;
        vd[1] = 3.0;
        vd[2] = 2.5;
        vd[3] = -2.5;
        vf[0] = 16777217.0f;      /* folded: 16777216 */
        volatile int32_t big = 16777217;
        volatile uint32_t ubig = 0xffffff7fu;
        printf(" %s (fegetround ok %d, fpscr %08x)\n", names[i],
               fegetround() == modes[i], get_fpscr());
        printf("  1/3 %016llx -1/3 %016llx\n",
               (unsigned long long)db(vd[0] / vd[1]),
               (unsigned long long)db(-vd[0] / vd[1]));
        printf("  f32 1/3 %08x  f64->f32 %08x %08x\n",
               fb((float)vd[0] / (float)vd[1]), fb((float)(vd[0] / vd[1])),
               fb((float)(-vd[0] / vd[1])));
        printf("  rint 2.5 %g -2.5 %g  lrint %ld %ld  nearbyint %g\n",
               rint(vd[2]), rint(vd[3]), lrint(vd[2]), lrint(vd[3]),
               nearbyint(vd[2] + 1.0));
        printf("  (int)2.5 %d (int)-2.5 %d  i2f %08x u2f %08x\n",
               (int)vd[2], (int)vd[3], fb((float)big), fb((float)ubig));
        printf("  sqrt2 %016llx sqrtf2 %08x  1e308*10 %g  -1e308*10 %g\n",
               (unsigned long long)db(sqrt(vd[1] - 1.0)),
               fb(sqrtf((float)vd[1] - 1.0f)), vd[1] * 1e308 * 10,
               -vd[1] * 1e308 * 10);
        feclearexcept(FE_ALL_EXCEPT);
    }
    fesetround(FE_TONEAREST);
}

static void conversions(void)
{
    static const double dv[] = {
        0.0, -0.0, 0.9999, -0.9999, 2147483647.0, 2147483647.9,
        2147483648.0, -2147483648.0, -2147483648.9, -2147483649.0,
        4294967295.0, 4294967296.0, 1e20, -1e20, INFINITY, -INFINITY, NAN,
    };

    printf("Conversions at the limits:\n");
    for (unsigned i = 0; i < sizeof(dv) / sizeof(dv[0]); i++) {
        vd[0] = dv[i];
        vf[0] = (float)dv[i];
        feclearexcept(FE_ALL_EXCEPT);
        int32_t a = (int32_t)vd[0];
        uint32_t b = (uint32_t)vd[0];
        int32_t c = (int32_t)vf[0];
        uint32_t d = (uint32_t)vf[0];
        long r = lrint(vd[0]);
        printf("  %-14g s32 %11d u32 %10u f:s32 %11d f:u32 %10u lrint %ld"
               " %s\n", dv[i], a, b, c, d, r,
               fetestexcept(FE_INVALID) ? "invalid" : "");
    }
    vd[0] = 1e39;
    printf("  f64 1e39 -> f32 %08x\n", fb((float)vd[0]));
    vd[0] = 1e-46;
    printf("  f64 1e-46 -> f32 %08x\n", fb((float)vd[0]));
    vd[0] = 3.4028235677973366e38;
    printf("  f64 FLT_MAX+ulp/2 -> f32 %08x\n", fb((float)vd[0]));
    flags("after conversions");
}

static void exceptions(void)
{
    printf("fenv exception flags:\n");
    feclearexcept(FE_ALL_EXCEPT);
    set_fpscr(get_fpscr() & ~0x9fu);
    vd[0] = 0.0;
    vd[1] = 1.0;
    vd[2] = DBL_MAX;
    vd[3] = DBL_MIN;
    vd[4] = -1.0;
    printf("  0/0 %g", vd[0] / vd[0]);
    flags("");
    printf("  1/0 %g", vd[1] / vd[0]);
    flags("");
    printf("  max*2 %g", vd[2] * 2);
    flags("");
    printf("  min/3 %g", vd[3] / 3);
    flags("");
    printf("  1/3 %.3f", vd[1] / 3);
    flags("");
    printf("  1+1 %g", vd[1] + vd[1]);
    flags("");
    printf("  sqrt(-1) %g", sqrt(vd[4]));
    flags("");
    printf("  inf-inf %g", (vd[1] / vd[0]) - (vd[1] / vd[0]));
    flags("");
    printf("  0*inf %g", vd[0] * (vd[1] / vd[0]));
    flags("");
    vf[0] = bf(0x7f800001);
    printf("  snan<1 %d", vf[0] < 1.0f);
    flags("");
    vf[0] = bf(0x7fc00000);
    printf("  qnan==1 %d", vf[0] == 1.0f);
    flags("");
    printf("  qnan<1 %d", vf[0] < 1.0f);
    flags("");
    printf("  feraiseexcept(FE_OVERFLOW) %d", feraiseexcept(FE_OVERFLOW));
    flags("");
}

static void fused(void)
{
    printf("Fused multiply-add:\n");
    vd[0] = 1.0 + 0x1p-52;
    vd[1] = 1.0 - 0x1p-52;
    vd[2] = -1.0;
    printf("  fma %a  unfused %a\n", fma(vd[0], vd[1], vd[2]),
           vd[0] * vd[1] + vd[2]);
    vf[0] = 1.0f + 0x1p-23f;
    vf[1] = 1.0f - 0x1p-23f;
    vf[2] = -1.0f;
    printf("  fmaf %a\n", (double)fmaf(vf[0], vf[1], vf[2]));
    vd[3] = INFINITY;
    printf("  fma(inf,0,nan) %g fma(inf,-inf... ) %g\n",
           fma(vd[3], 0.0, NAN), fma(vd[3], vd[1], -vd[3]));
    flags("");
}

static void half(void)
{
    static const float in[] = { 1.0f, 65504.0f, 65520.0f, 6.1e-5f, 6e-8f,
                                3e-8f, -0.0f, 0.333333f, 1e10f };
    printf("Half precision (__fp16, IEEE):\n");
    for (unsigned i = 0; i < sizeof(in) / sizeof(in[0]); i++) {
        vf[0] = in[i];
        __fp16 h = vf[0];
        uint16_t bits;
        memcpy(&bits, &h, 2);
        printf("  %-10g -> %04x -> %08x", in[i], bits, fb((float)h));
        flags("");
    }
}

static void formatting(void)
{
    printf("Formatting and parsing:\n");
    printf("  %.17g %.17g %a %a\n", 0.1, 1.0 / 3, 0.1, -DBL_MIN / 4);
    printf("  %e %E %.0f %.30f\n", 6.02214076e23, 1.6e-19, 2.5, 1.0 / 7);
    printf("  %g %g %g %g %f\n", INFINITY, -INFINITY, NAN, -0.0, 1e300);
    printf("  %.3f %.10g %g\n", strtod("3.14159265358979323846", NULL),
           strtod("0x1.fffffffffffffp1023", NULL), strtod("1e-320", NULL));
    printf("  %f %f\n", (double)strtof("1.17549435e-38", NULL),
           (double)strtof("3.4028236e38", NULL));
    double s = 0;
    for (int i = 1; i <= 100000; i++) {
        s += sin(i) * exp(-i / 50000.0) / sqrt((double)i) + log(i) * 1e-6 +
             pow(1.0001, i % 100) * 1e-7;
    }
    printf("  series %.15g\n", s);
    flags("after formatting");
}

int main(void)
{
    feclearexcept(FE_ALL_EXCEPT);
    printf("initial fpscr %08x\n", get_fpscr());
    nan_payloads();
    denormals();
    rounding();
    conversions();
    exceptions();
    fused();
    half();
    formatting();
    return 0;
}

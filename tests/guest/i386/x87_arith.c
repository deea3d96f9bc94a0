/* tests/guest/i386/x87_arith.c — x87 arithmetic, compares, FXAM and
 * conversions against the native x87: special values and random 80-bit
 * operands through every two-operand instruction in each rounding mode
 * and precision, with the result bits and the status word (C0-C3 incl.
 * the rounding C1, exception flags, stack faults). Sweeps print one FNV
 * hash per operation and mode ("-v" prints every case instead).
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef struct X80 {
    uint64_t m;
    uint16_t se;
} __attribute__((packed)) X80;

static int verbose;
static uint64_t hash;

static void hash_add(const void *p, size_t n)
{
    const uint8_t *b = p;

    for (size_t i = 0; i < n; i++) {
        hash = (hash ^ b[i]) * 0x100000001b3ull;
    }
}

static uint64_t rng = 0x9e3779b97f4a7c15ull;

static uint64_t rnd(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

/* Interesting operands: zeros, denormals, pseudo-denormal, normals at
 * the exponent limits, infinities, NaNs (quiet and signalling), an
 * unnormal and the default NaN. */
static const X80 specials[] = {
    { 0, 0 }, { 0, 0x8000 }, { 1, 0 }, { 0x7fffffffffffffffull, 0x8000 },
    { 0x8000000000000000ull, 0 },                /* pseudo-denormal */
    { 0x8000000000000000ull, 1 }, { 0xffffffffffffffffull, 0x7ffe },
    { 0x8000000000000000ull, 0x3fff }, { 0xc000000000000000ull, 0xbfff },
    { 0xaaaaaaaaaaaaaaabull, 0x3ffd }, { 0xfffffffffffff800ull, 0x403e },
    { 0x8000000000000000ull, 0x7fff }, { 0x8000000000000000ull, 0xffff },
    { 0xc000000000000000ull, 0x7fff }, { 0xa000000000000000ull, 0xffff },
    { 0x8000000000000001ull, 0x7fff },           /* SNaN */
    { 0x4000000000000000ull, 0x3fff },           /* unnormal */
    { 0xc000000000000000ull, 0xffff },           /* indefinite */
    { 0x9c40000000000000ull, 0x400d }, { 0x8000000000000001ull, 0x3c00 },
};
#define NSPECIAL (sizeof(specials) / sizeof(specials[0]))

static X80 rand_x80(void)
{
    uint64_t r = rnd();

    if ((r & 7) == 0) {
        return specials[(r >> 8) % NSPECIAL];
    }
    X80 v;
    v.m = rnd() | 1ull << 63;
    if ((r & 0x30) == 0) {
        v.m &= ~0x7ffull;                       /* short significands */
    }
    /* exponents near 1, or anywhere */
    v.se = (r & 0x40) ? (uint16_t)(0x3fff - 40 + (r >> 16) % 80)
                      : (uint16_t)((r >> 16) % 0x7fff);
    v.se |= (uint16_t)((r >> 40) & 1) << 15;
    return v;
}

enum {
    OP_ADD, OP_SUB, OP_SUBR, OP_MUL, OP_DIV, OP_DIVR, OP_PREM, OP_PREM1,
    OP_SCALE, OP_SQRT, OP_RNDINT, OP_XTRACT, OP_CHS, OP_ABS, OP_XAM,
    OP_COM, OP_UCOM, OP_TST, OP_COMI, OP_UCOMI, OP_ADDS, OP_MULL,
    OP_IADDL, OP_ISUBS, OP_COUNT,
};
static const char *const op_names[OP_COUNT] = {
    "fadd", "fsub", "fsubr", "fmul", "fdiv", "fdivr", "fprem", "fprem1",
    "fscale", "fsqrt", "frndint", "fxtract", "fchs", "fabs", "fxam",
    "fcom", "fucom", "ftst", "fcomi", "fucomi", "fadd m32", "fmul m64",
    "fiadd m32", "fisub m16",
};

/* Runs op with ST0 = a, ST1 = b under control word cw; r = ST0 after,
 * r2 = ST1 for FXTRACT, sw the status word right after the operation,
 * fl the EFLAGS after FCOMI. */
static void run(int op, X80 a, X80 b, uint16_t cw, X80 *r, X80 *r2,
                uint16_t *sw, uint32_t *fl)
{
    X80 res = { 0, 0 }, res2 = { 0, 0 };
    uint16_t s = 0;
    uint32_t f = 0;
    float bf;
    double bd;
    int32_t bi = (int32_t)b.m;
    int16_t bs = (int16_t)(b.m >> 16);

    memcpy(&bf, &b.m, 4);
    memcpy(&bd, &b.m, 8);
#define PRE "fninit\n\tfldcw %[cw]\n\tfldt %[b]\n\tfldt %[a]\n\t"
#define POST "\n\tfnstsw %[s]\n\tfstpt %[r]\n\tfstpt %[r2]\n\tfninit"
#define IO [r] "=m"(res), [r2] "=m"(res2), [s] "=m"(s) : [a] "m"(a), \
           [b] "m"(b), [cw] "m"(cw)
    switch (op) {
    case OP_ADD: __asm__ volatile(PRE "fadd %%st(1), %%st" POST : IO); break;
    case OP_SUB: __asm__ volatile(PRE "fsub %%st(1), %%st" POST : IO); break;
    case OP_SUBR: __asm__ volatile(PRE "fsubr %%st(1), %%st" POST : IO); break;
    case OP_MUL: __asm__ volatile(PRE "fmul %%st(1), %%st" POST : IO); break;
    case OP_DIV: __asm__ volatile(PRE "fdiv %%st(1), %%st" POST : IO); break;
    case OP_DIVR: __asm__ volatile(PRE "fdivr %%st(1), %%st" POST : IO); break;
    case OP_PREM: __asm__ volatile(PRE "fprem" POST : IO); break;
    case OP_PREM1: __asm__ volatile(PRE "fprem1" POST : IO); break;
    case OP_SCALE: __asm__ volatile(PRE "fscale" POST : IO); break;
    case OP_SQRT: __asm__ volatile(PRE "fsqrt" POST : IO); break;
    case OP_RNDINT: __asm__ volatile(PRE "frndint" POST : IO); break;
    case OP_XTRACT:
        __asm__ volatile(PRE "fxtract" POST "\n\tfninit" : IO);
        break;
    case OP_CHS: __asm__ volatile(PRE "fchs" POST : IO); break;
    case OP_ABS: __asm__ volatile(PRE "fabs" POST : IO); break;
    case OP_XAM: __asm__ volatile(PRE "fxam" POST : IO); break;
    case OP_COM: __asm__ volatile(PRE "fcom %%st(1)" POST : IO); break;
    case OP_UCOM: __asm__ volatile(PRE "fucom %%st(1)" POST : IO); break;
    case OP_TST: __asm__ volatile(PRE "ftst" POST : IO); break;
    case OP_COMI:
        __asm__ volatile(PRE "fcomi %%st(1), %%st\n\tpushf\n\tpopl %[f]" POST
                         : [f] "=r"(f), IO);
        break;
    case OP_UCOMI:
        __asm__ volatile(PRE "fucomi %%st(1), %%st\n\tpushf\n\tpopl %[f]" POST
                         : [f] "=r"(f), IO);
        break;
    case OP_ADDS:
        __asm__ volatile(PRE "fadds %[m]" POST : IO, [m] "m"(bf));
        break;
    case OP_MULL:
        __asm__ volatile(PRE "fmull %[m]" POST : IO, [m] "m"(bd));
        break;
    case OP_IADDL:
        __asm__ volatile(PRE "fiaddl %[m]" POST : IO, [m] "m"(bi));
        break;
    case OP_ISUBS:
        __asm__ volatile(PRE "fisubs %[m]" POST : IO, [m] "m"(bs));
        break;
    }
#undef PRE
#undef POST
#undef IO
    *r = res;
    *r2 = res2;
    *sw = s;
    *fl = f & 0x8d5;
}

static void report(int op, X80 a, X80 b, uint16_t cw)
{
    X80 r, r2;
    uint16_t sw;
    uint32_t fl;

    run(op, a, b, cw, &r, &r2, &sw, &fl);
    if (verbose) {
        printf("%s cw=%04x a=%04x:%016llx b=%04x:%016llx -> "
               "%04x:%016llx %04x:%016llx sw=%04x fl=%03x\n",
               op_names[op], cw, a.se, (unsigned long long)a.m, b.se,
               (unsigned long long)b.m, r.se, (unsigned long long)r.m,
               r2.se, (unsigned long long)r2.m, sw, fl);
    }
    hash_add(&r, sizeof(r));
    hash_add(&r2, sizeof(r2));
    hash_add(&sw, sizeof(sw));
    hash_add(&fl, sizeof(fl));
}

/* Conversions: FST m32/m64, FIST m16/m32/m64, FISTTP, FBSTP of a. */
static void conversions(X80 a, uint16_t cw)
{
    float f;
    double d;
    int16_t i16 = 0;
    int32_t i32 = 0;
    int64_t i64 = 0, t64 = 0;
    int16_t t16 = 0;
    uint8_t bcd[10] = { 0 };
    uint16_t s[7];

    __asm__ volatile("fninit\n\tfldcw %[cw]\n\tfldt %[a]\n\t"
                     "fsts %[f]\n\tfnstsw %[s0]\n\tfnclex\n\t"
                     "fstl %[d]\n\tfnstsw %[s1]\n\tfnclex\n\t"
                     "fists %[i16]\n\tfnstsw %[s2]\n\tfnclex\n\t"
                     "fistl %[i32]\n\tfnstsw %[s3]\n\tfnclex\n\t"
                     "fld %%st(0)\n\tfistpll %[i64]\n\tfnstsw %[s4]\n\t"
                     "fnclex\n\tfld %%st(0)\n\tfisttps %[t16]\n\t"
                     "fld %%st(0)\n\tfisttpll %[t64]\n\tfnstsw %[s5]\n\t"
                     "fnclex\n\tfbstp %[bcd]\n\tfnstsw %[s6]\n\tfninit"
                     : [f] "=m"(f), [d] "=m"(d), [i16] "=m"(i16),
                       [i32] "=m"(i32), [i64] "=m"(i64), [t16] "=m"(t16),
                       [t64] "=m"(t64), [bcd] "=m"(bcd), [s0] "=m"(s[0]),
                       [s1] "=m"(s[1]), [s2] "=m"(s[2]), [s3] "=m"(s[3]),
                       [s4] "=m"(s[4]), [s5] "=m"(s[5]), [s6] "=m"(s[6])
                     : [a] "m"(a), [cw] "m"(cw));
    if (verbose) {
        uint32_t fb;
        uint64_t db;
        memcpy(&fb, &f, 4);
        memcpy(&db, &d, 8);
        printf("conv cw=%04x a=%04x:%016llx f32=%08x f64=%016llx i16=%04x "
               "i32=%08x i64=%016llx tt16=%04x tt64=%016llx bcd=",
               cw, a.se, (unsigned long long)a.m, fb,
               (unsigned long long)db, (uint16_t)i16, (uint32_t)i32,
               (unsigned long long)i64, (uint16_t)t16,
               (unsigned long long)t64);
        for (int i = 9; i >= 0; i--) {
            printf("%02x", bcd[i]);
        }
        printf(" sw=%04x %04x %04x %04x %04x %04x %04x\n", s[0], s[1],
               s[2], s[3], s[4], s[5], s[6]);
    }
    hash_add(&f, 4);
    hash_add(&d, 8);
    hash_add(&i16, 2);
    hash_add(&i32, 4);
    hash_add(&i64, 8);
    hash_add(&t16, 2);
    hash_add(&t64, 8);
    hash_add(bcd, 10);
    hash_add(s, sizeof(s));
}

/* Loads: FLD m32/m64, FILD, FBLD of raw bits, with the status word. */
static void loads(uint64_t bits)
{
    uint32_t b32 = (uint32_t)bits;
    int16_t b16 = (int16_t)bits;
    uint8_t bcd[10];
    X80 r[5];
    uint16_t s[5];

    memcpy(bcd, &bits, 8);
    bcd[8] = (uint8_t)(bits >> 3) & 0x99;
    bcd[9] = (uint8_t)(bits >> 56) & 0x80;
    for (int i = 0; i < 8; i++) {
        /* keep the BCD digits valid */
        if ((bcd[i] & 15) > 9) {
            bcd[i] &= 0xf7;
        }
        if ((bcd[i] >> 4) > 9) {
            bcd[i] &= 0x7f;
        }
    }
    __asm__ volatile("fninit\n\tflds %[b32]\n\tfnstsw %[s0]\n\tfstpt %[r0]\n\t"
                     "fninit\n\tfldl %[b64]\n\tfnstsw %[s1]\n\tfstpt %[r1]\n\t"
                     "fninit\n\tfilds %[b16]\n\tfnstsw %[s2]\n\tfstpt %[r2]\n\t"
                     "fninit\n\tfildll %[b64]\n\tfnstsw %[s3]\n\tfstpt %[r3]\n\t"
                     "fninit\n\tfbld %[bcd]\n\tfnstsw %[s4]\n\tfstpt %[r4]\n\t"
                     "fninit"
                     : [r0] "=m"(r[0]), [r1] "=m"(r[1]), [r2] "=m"(r[2]),
                       [r3] "=m"(r[3]), [r4] "=m"(r[4]), [s0] "=m"(s[0]),
                       [s1] "=m"(s[1]), [s2] "=m"(s[2]), [s3] "=m"(s[3]),
                       [s4] "=m"(s[4])
                     : [b32] "m"(b32), [b64] "m"(bits), [b16] "m"(b16),
                       [bcd] "m"(bcd));
    if (verbose) {
        printf("load %016llx:", (unsigned long long)bits);
        for (int i = 0; i < 5; i++) {
            printf(" %04x:%016llx/%04x", r[i].se,
                   (unsigned long long)r[i].m, s[i]);
        }
        printf("\n");
    }
    hash_add(r, sizeof(r));
    hash_add(s, sizeof(s));
}

static void constants(void)
{
    static const uint16_t cws[4] = { 0x037f, 0x077f, 0x0b7f, 0x0f7f };

    for (int k = 0; k < 4; k++) {
        X80 c[7];
        uint16_t sw;
        __asm__ volatile("fninit\n\tfldcw %[cw]\n\tfld1\n\tfldl2t\n\t"
                         "fldl2e\n\tfldpi\n\tfldlg2\n\tfldln2\n\tfldz\n\t"
                         "fnstsw %[sw]\n\tfstpt %[c6]\n\tfstpt %[c5]\n\t"
                         "fstpt %[c4]\n\tfstpt %[c3]\n\tfstpt %[c2]\n\t"
                         "fstpt %[c1]\n\tfstpt %[c0]\n\tfninit"
                         : [c0] "=m"(c[0]), [c1] "=m"(c[1]), [c2] "=m"(c[2]),
                           [c3] "=m"(c[3]), [c4] "=m"(c[4]), [c5] "=m"(c[5]),
                           [c6] "=m"(c[6]), [sw] "=m"(sw)
                         : [cw] "m"(cws[k]));
        printf("constants rc=%d:", k);
        for (int i = 0; i < 7; i++) {
            printf(" %04x:%016llx", c[i].se, (unsigned long long)c[i].m);
        }
        printf(" sw=%04x\n", sw);
    }
}

/* Stack overflow and underflow with masked invalid. */
static void stack_faults(void)
{
    X80 r;
    uint16_t sw1, sw2, sw3;

    __asm__ volatile("fninit\n\tfld1\n\tfld1\n\tfld1\n\tfld1\n\tfld1\n\t"
                     "fld1\n\tfld1\n\tfld1\n\tfnstsw %[s1]\n\tfldpi\n\t"
                     "fnstsw %[s2]\n\tfstpt %[r]\n\tfninit\n\tfadd %%st(1)"
                     ", %%st\n\tfnstsw %[s3]\n\tfninit"
                     : [r] "=m"(r), [s1] "=m"(sw1), [s2] "=m"(sw2),
                       [s3] "=m"(sw3));
    printf("stack: full sw=%04x overflow sw=%04x st0=%04x:%016llx "
           "underflow sw=%04x\n", sw1, sw2, r.se, (unsigned long long)r.m,
           sw3);
}

/* Control-word bits as stored, and the environment words FNSTENV and
 * FXSAVE produce (instruction pointers left out: they name host
 * selectors). */
static void environment(void)
{
    uint16_t cw_out[4];
    static const uint16_t cw_in[4] = { 0x0000, 0xffff, 0x1e3f, 0x0c7b };
    uint32_t env[7];
    uint8_t fx[512] __attribute__((aligned(16)));
    uint8_t sv[108];

    for (int i = 0; i < 4; i++) {
        __asm__ volatile("fninit\n\tfldcw %[in]\n\tfnstcw %[out]\n\tfninit"
                         : [out] "=m"(cw_out[i]) : [in] "m"(cw_in[i]));
    }
    printf("fldcw/fnstcw: %04x %04x %04x %04x\n", cw_out[0], cw_out[1],
           cw_out[2], cw_out[3]);
    memset(env, 0x55, sizeof(env));
    __asm__ volatile("fninit\n\tfldz\n\tfld1\n\tfldpi\n\tfld1\n\tfdiv "
                     "%%st(3), %%st\n\tfldcw %[unmask]\n\tfnstenv %[e]\n\t"
                     "fnstcw %[c]\n\tfninit"
                     : [e] "=m"(env), [c] "=m"(cw_out[0])
                     : [unmask] "m"(cw_in[3]));
    printf("fnstenv: cw=%08x sw=%08x tw=%08x fds-high=%04x; cw after=%04x\n",
           env[0], env[1], env[2], env[6] >> 16, cw_out[0]);
    memset(fx, 0xaa, sizeof(fx));
    __asm__ volatile("fninit\n\tfld1\n\tfldz\n\tfxsave %[f]\n\tfninit"
                     : [f] "=m"(fx));
    printf("fxsave: fcw=%02x%02x fsw=%02x%02x ftw=%02x mxcsr=%02x%02x st0:",
           fx[1], fx[0], fx[3], fx[2], fx[4], fx[25], fx[24]);
    for (int i = 47; i >= 32; i--) {
        printf("%02x", fx[i]);
    }
    printf(" st1:");
    for (int i = 63; i >= 48; i--) {
        printf("%02x", fx[i]);
    }
    printf(" 464:%02x\n", fx[464]);
    memset(sv, 0x55, sizeof(sv));
    __asm__ volatile("fninit\n\tfld1\n\tfldl2e\n\tfnsave %[s]\n\tfnstcw %[c]"
                     "\n\tfninit"
                     : [s] "=m"(sv), [c] "=m"(cw_out[0]));
    printf("fnsave: cw=%02x%02x tw=%02x%02x st0:", sv[1], sv[0], sv[9],
           sv[8]);
    for (int i = 37; i >= 28; i--) {
        printf("%02x", sv[i]);
    }
    printf(" after: cw=%04x\n", cw_out[0]);
    /* the last instruction and operand pointers: FIP, FOP, FDP */
    {
        static double operand = 2.0;
        uint32_t e[7];
        uint32_t label;
        __asm__ volatile("fninit\n\tfld1\n\tmovl $1f, %[l]\n"
                         "1:\tfmull %[op]\n\tfnstcw %[c]\n\tfnstenv %[e]\n\t"
                         "fninit"
                         : [e] "=m"(e), [l] "=m"(label), [c] "=m"(cw_out[0])
                         : [op] "m"(operand));
        printf("fnstenv pointers: fip==insn %d fop=%03x fdp==operand %d\n",
               e[3] == label, e[4] >> 16, e[5] == (uint32_t)&operand);
        __asm__ volatile("fninit\n\tfldz\n\tmovl $1f, %[l]\n"
                         "1:\tfsqrt\n\tfnstenv %[e]\n\tfninit"
                         : [e] "=m"(e), [l] "=m"(label));
        printf("after fsqrt: fip==insn %d fop=%03x fdp=%08x\n",
               e[3] == label, e[4] >> 16, e[5]);
    }
    /* frstor / fldenv round trips */
    {
        X80 r;
        uint16_t sw;
        __asm__ volatile("fninit\n\tfldpi\n\tfld1\n\tfnsave %[s]\n\t"
                         "frstor %[s]\n\tfaddp\n\tfnstsw %[sw]\n\t"
                         "fstpt %[r]\n\tfninit"
                         : [s] "+m"(sv), [r] "=m"(r), [sw] "=m"(sw));
        printf("frstor: %04x:%016llx sw=%04x\n", r.se,
               (unsigned long long)r.m, sw);
    }
}

int main(int argc, char **argv)
{
    static const uint16_t cws[] = {
        0x037f, 0x077f, 0x0b7f, 0x0f7f, 0x007f, 0x027f, 0x0e7f, 0x047f,
    };
    int nrand = 400;

    verbose = argc > 1 && strcmp(argv[1], "-v") == 0;
    constants();
    stack_faults();
    environment();
    for (int op = 0; op < OP_COUNT; op++) {
        for (unsigned c = 0; c < sizeof(cws) / sizeof(cws[0]); c++) {
            hash = 0xcbf29ce484222325ull;
            for (unsigned i = 0; i < NSPECIAL; i++) {
                for (unsigned j = 0; j < NSPECIAL; j++) {
                    report(op, specials[i], specials[j], cws[c]);
                }
            }
            for (int i = 0; i < nrand; i++) {
                X80 a = rand_x80(), b = rand_x80();
                if (op == OP_PREM || op == OP_PREM1 || op == OP_SCALE) {
                    /* keep the exponents close most of the time */
                    if (i & 1) {
                        b.se = (uint16_t)((b.se & 0x8000) |
                                          ((a.se & 0x7fff) - (i % 90)));
                    }
                    if (op == OP_SCALE && (i & 2)) {
                        b.se = (uint16_t)((b.se & 0x8000) | (0x3fff + i % 16));
                    }
                }
                report(op, a, b, cws[c]);
            }
            printf("%-10s cw=%04x hash=%016llx\n", op_names[op], cws[c],
                   (unsigned long long)hash);
        }
    }
    for (unsigned c = 0; c < 4; c++) {
        hash = 0xcbf29ce484222325ull;
        for (unsigned i = 0; i < NSPECIAL; i++) {
            conversions(specials[i], cws[c]);
        }
        for (int i = 0; i < 2000; i++) {
            X80 a = rand_x80();
            if (i & 1) {
                a.se = (uint16_t)((a.se & 0x8000) | (0x3fff + i % 70));
            }
            conversions(a, cws[c]);
        }
        printf("conversions cw=%04x hash=%016llx\n", cws[c],
               (unsigned long long)hash);
    }
    hash = 0xcbf29ce484222325ull;
    for (int i = 0; i < 3000; i++) {
        uint64_t bits = rnd();
        if (i % 5 == 0) {
            bits &= 0x807fffffffffffffull;          /* denormals, zeros */
        }
        loads(bits);
    }
    printf("loads hash=%016llx\n", (unsigned long long)hash);
    return 0;
}

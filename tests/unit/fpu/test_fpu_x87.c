/* tests/unit/fpu/test_fpu_x87.c — randomized comparison of core/fpu
 * floatx80 against the host's x87: add/sub/mul/div/sqrt under every
 * rounding mode and precision control, FPREM/FPREM1, FRNDINT, FSCALE,
 * FCOMI/FUCOMI, FLD/FSTP m32/m64, FILD/FISTP/FISTTP; results and flags.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "tests/unit/fpu/fpu_test_util.h"

#define CASES 100000

enum {
    X_ADD, X_SUB, X_MUL, X_DIV, X_SQRT, X_PREM, X_PREM1, X_RNDINT, X_SCALE,
    X_COMI, X_UCOMI, X_FROM_F32, X_FROM_F64, X_TO_F32, X_TO_F64, X_TO_I16,
    X_TO_I32, X_TO_I64, X_TO_I64_TRUNC, X_FROM_I64, X_NOPS
};

static const char *const op_names[] = {
    "add", "sub", "mul", "div", "sqrt", "fprem", "fprem1", "frndint",
    "fscale", "fcomi", "fucomi", "fld_m32", "fld_m64", "fstp_m32",
    "fstp_m64", "fistp_m16", "fistp_m32", "fistp_m64", "fisttp_m64",
    "fild_m64",
};

typedef struct X87Result {
    FpuX80 v;        /* x80 results */
    uint64_t bits;   /* integer / f32 / f64 / compare results */
    uint16_t sw;     /* status word (flags, C0-C3) */
} X87Result;

static uint16_t x87_cw(const FpuStatus *st)
{
    static const uint16_t rc[4] = { 0, 3, 2, 1 };
    uint16_t pc = st->floatx80_precision == 24 ? 0 :
                  st->floatx80_precision == 53 ? 2 : 3;
    return (uint16_t)(0x007f | (pc << 8) | (rc[st->rounding & 3] << 10));
}

/* One x87 instruction with st(0)=a, st(1)=b under control word cw. */
static void x87_run(int op, const FpuX80 *a, const FpuX80 *b, uint64_t in,
                    uint16_t cw, X87Result *res)
{
    uint16_t old, sw;
    FpuX80 r = { 0, 0 };
    uint64_t bits = 0;
    uint8_t zf = 0, pf = 0, cf = 0;

    __asm__ volatile("fnstcw %0\n\tfldcw %1\n\tfnclex" : "=m"(old) : "m"(cw));
    switch (op) {
    case X_ADD:
    case X_SUB:
    case X_MUL:
    case X_DIV:
    case X_PREM:
    case X_PREM1:
    case X_SCALE:
        __asm__ volatile("fldt %0\n\tfldt %1" : : "m"(*b), "m"(*a));
        switch (op) {
        case X_ADD: __asm__ volatile("fadd %st(1), %st"); break;
        case X_SUB: __asm__ volatile("fsub %st(1), %st"); break;
        case X_MUL: __asm__ volatile("fmul %st(1), %st"); break;
        case X_DIV: __asm__ volatile("fdiv %st(1), %st"); break;
        case X_PREM: __asm__ volatile("fprem"); break;
        case X_PREM1: __asm__ volatile("fprem1"); break;
        default: __asm__ volatile("fscale"); break;
        }
        __asm__ volatile("fnstsw %1\n\tfstpt %0\n\tfstp %%st(0)"
                         : "=m"(r), "=m"(sw));
        break;
    case X_SQRT:
    case X_RNDINT:
        __asm__ volatile("fldt %0" : : "m"(*a));
        if (op == X_SQRT) {
            __asm__ volatile("fsqrt");
        } else {
            __asm__ volatile("frndint");
        }
        __asm__ volatile("fnstsw %1\n\tfstpt %0" : "=m"(r), "=m"(sw));
        break;
    case X_COMI:
    case X_UCOMI:
        __asm__ volatile("fldt %0\n\tfldt %1" : : "m"(*b), "m"(*a));
        if (op == X_COMI) {
            __asm__ volatile("fcomip %%st(1), %%st"
                             : "=@ccz"(zf), "=@ccp"(pf), "=@ccc"(cf));
        } else {
            __asm__ volatile("fucomip %%st(1), %%st"
                             : "=@ccz"(zf), "=@ccp"(pf), "=@ccc"(cf));
        }
        __asm__ volatile("fnstsw %0\n\tfstp %%st(0)" : "=m"(sw));
        bits = (zf && pf && cf) ? FPU_CMP_UNORDERED
               : zf ? FPU_CMP_EQUAL : cf ? FPU_CMP_LESS : FPU_CMP_GREATER;
        break;
    case X_FROM_F32: {
        uint32_t f = (uint32_t)in;
        __asm__ volatile("flds %2\n\tfnstsw %1\n\tfstpt %0"
                         : "=m"(r), "=m"(sw) : "m"(f));
        break;
    }
    case X_FROM_F64:
        __asm__ volatile("fldl %2\n\tfnstsw %1\n\tfstpt %0"
                         : "=m"(r), "=m"(sw) : "m"(in));
        break;
    case X_FROM_I64:
        __asm__ volatile("fildq %2\n\tfnstsw %1\n\tfstpt %0"
                         : "=m"(r), "=m"(sw) : "m"(in));
        break;
    case X_TO_F32: {
        uint32_t f;
        __asm__ volatile("fldt %2\n\tfstps %0\n\tfnstsw %1"
                         : "=m"(f), "=m"(sw) : "m"(*a));
        bits = f;
        break;
    }
    case X_TO_F64:
        __asm__ volatile("fldt %2\n\tfstpl %0\n\tfnstsw %1"
                         : "=m"(bits), "=m"(sw) : "m"(*a));
        break;
    case X_TO_I16: {
        uint16_t v;
        __asm__ volatile("fldt %2\n\tfistps %0\n\tfnstsw %1"
                         : "=m"(v), "=m"(sw) : "m"(*a));
        bits = v;
        break;
    }
    case X_TO_I32: {
        uint32_t v;
        __asm__ volatile("fldt %2\n\tfistpl %0\n\tfnstsw %1"
                         : "=m"(v), "=m"(sw) : "m"(*a));
        bits = v;
        break;
    }
    case X_TO_I64:
        __asm__ volatile("fldt %2\n\tfistpq %0\n\tfnstsw %1"
                         : "=m"(bits), "=m"(sw) : "m"(*a));
        break;
    default:
        __asm__ volatile("fldt %2\n\tfisttpq %0\n\tfnstsw %1"
                         : "=m"(bits), "=m"(sw) : "m"(*a));
        break;
    }
    __asm__ volatile("fnclex\n\tfldcw %0" : : "m"(old));
    res->v = r;
    res->bits = bits;
    res->sw = sw;
}

static void soft_run(int op, FpuX80 a, FpuX80 b, uint64_t in, FpuStatus *st,
                     X87Result *res)
{
    uint32_t q;
    bool inc;

    memset(res, 0, sizeof(*res));
    switch (op) {
    case X_ADD: res->v = fpu_x80_add(a, b, st); break;
    case X_SUB: res->v = fpu_x80_sub(a, b, st); break;
    case X_MUL: res->v = fpu_x80_mul(a, b, st); break;
    case X_DIV: res->v = fpu_x80_div(a, b, st); break;
    case X_SQRT: res->v = fpu_x80_sqrt(a, st); break;
    case X_PREM:
    case X_PREM1:
        res->v = fpu_x80_fprem(a, b, op == X_PREM1, &q, &inc, st);
        /* C0 = q2 (bit 8), C3 = q1 (bit 14), C1 = q0 (bit 9), C2 = 10 */
        res->sw = (uint16_t)(((q >> 2) & 1) << 8 | ((q >> 1) & 1) << 14 |
                             (q & 1) << 9 | (inc ? 1u << 10 : 0));
        break;
    case X_RNDINT: res->v = fpu_x80_round_to_int(a, st); break;
    case X_SCALE: res->v = fpu_x80_scale(a, b, st); break;
    case X_COMI: res->bits = (uint64_t)fpu_x80_compare(a, b, true, st); break;
    case X_UCOMI: res->bits = (uint64_t)fpu_x80_compare(a, b, false, st); break;
    case X_FROM_F32: res->v = fpu_f32_to_x80((uint32_t)in, st); break;
    case X_FROM_F64: res->v = fpu_f64_to_x80(in, st); break;
    case X_FROM_I64: res->v = fpu_i64_to_x80((int64_t)in, st); break;
    case X_TO_F32: res->bits = fpu_x80_to_f32(a, st); break;
    case X_TO_F64: res->bits = fpu_x80_to_f64(a, st); break;
    case X_TO_I16: res->bits = (uint16_t)fpu_x80_to_i16(a, st); break;
    case X_TO_I32: res->bits = (uint32_t)fpu_x80_to_i32(a, st); break;
    case X_TO_I64: res->bits = (uint64_t)fpu_x80_to_i64(a, st); break;
    default: res->bits = (uint64_t)fpu_x80_to_i64_trunc(a, st); break;
    }
}

static FpuX80 rng_x80(TestRng *r)
{
    uint64_t v = rng_next(r);
    uint16_t sign = (rng_next(r) & 1) ? 0x8000 : 0;
    uint64_t mant = rng_next(r) | (1ull << 63);
    uint16_t e;

    switch (v % 16) {
    case 0: e = 0; mant = 0; break;
    case 1: e = 0x7fff; mant = 1ull << 63; break;
    case 2: e = 0x7fff; mant |= 1ull << 62; break;
    case 3: e = 0x7fff; mant &= ~(1ull << 62); mant |= 1; break;
    case 4: e = 0; mant = (mant & ~(1ull << 63)) >> (rng_next(r) % 64); mant |= !mant; break;
    case 5: e = (uint16_t)(1 + rng_next(r) % 4); break;
    case 6: e = (uint16_t)(0x7ffe - rng_next(r) % 4); break;
    case 7: e = (uint16_t)(0x3fff + rng_next(r) % 64); mant &= ~(~0ull >> (rng_next(r) % 64)); mant |= 1ull << 63; break;
    case 8: e = (uint16_t)(0x3fff - 70 + rng_next(r) % 140); mant = (rng_next(r) & 1) ? ~0ull : mant; break;
    case 9: e = (uint16_t)((rng_next(r) & 1) ? 0x2000 + rng_next(r) % 8 : 0x5ffe - rng_next(r) % 8); break;
    case 10: e = (uint16_t)(0x3fff - 1100 + rng_next(r) % 2200); break;
    case 11: e = (uint16_t)(0x3fff - 160 + rng_next(r) % 320); break;
    case 13:
        /* unnormal, pseudo-denormal, pseudo-infinity/NaN (rare) */
        e = (uint16_t)((rng_next(r) % 3) == 0 ? 0 : (rng_next(r) & 1) ? 0x7fff
                       : 1 + rng_next(r) % 0x7ffe);
        mant = e ? mant & ~(1ull << 63) : mant | (1ull << 63);
        if (rng_next(r) % 4) {
            e = (uint16_t)(0x3fff - 40 + rng_next(r) % 80);
            mant |= 1ull << 63;
        }
        break;
    default: e = (uint16_t)(0x3fff - 40 + rng_next(r) % 80); break;
    }
    return (FpuX80){ mant, (uint16_t)(sign | e) };
}

static FpuX80 rng_x80_pair(TestRng *r, FpuX80 a)
{
    uint64_t v = rng_next(r) % 6;
    if (v == 0) {
        return (FpuX80){ a.mant ^ (rng_next(r) & 7),
                         (uint16_t)(a.sign_exp ^ ((rng_next(r) & 1) << 15)) };
    }
    if (v == 1) {
        int e = (a.sign_exp & 0x7fff) + (int)(rng_next(r) % 140) - 70;
        if (e < 1 || e > 0x7ffe) {
            e = 0x3fff;
        }
        return (FpuX80){ rng_next(r) | (1ull << 63),
                         (uint16_t)(((rng_next(r) & 1) << 15) | e) };
    }
    return rng_x80(r);
}

static int run_op(int op)
{
    TestRng r = { (uint64_t)op * 0x9E3779B97F4A7C15ull + 7 };
    int bad = 0;

    for (int i = 0; i < CASES; i++) {
        FpuStatus st;
        fpu_status_init_x87(&st);
        uint64_t v = rng_next(&r);
        st.rounding = v & 3;
        st.floatx80_precision = ((v >> 2) & 3) == 0 ? 24 :
                                ((v >> 2) & 3) == 1 ? 53 : 64;
        FpuX80 a = rng_x80(&r);
        FpuX80 b = rng_x80_pair(&r, a);
        if (op == X_SCALE) {
            /* scale factors that matter: small integers and fractions */
            uint16_t e = (uint16_t)(0x3fff - 2 + rng_next(&r) % 18);
            if (rng_next(&r) & 1) {
                b = (FpuX80){ rng_next(&r) | (1ull << 63),
                              (uint16_t)(e | ((rng_next(&r) & 1) << 15)) };
            }
        }
        uint64_t in = (op == X_FROM_F32) ? rng_ieee(&r, 8, 23)
                      : (op == X_FROM_F64) ? rng_ieee(&r, 11, 52)
                      : rng_next(&r) >> (rng_next(&r) % 64);
        if (op == X_FROM_I64 && (rng_next(&r) & 1)) {
            in = -in;
        }
        X87Result hw, sw;
        x87_run(op, &a, &b, in, x87_cw(&st), &hw);
        soft_run(op, a, b, in, &st, &sw);
        uint16_t hw_flags = hw.sw & 0x3f;
        /* FPREM condition codes are undefined after an invalid operand
         * or a NaN result: compare them only for numeric results */
        bool cc_defined = (op == X_PREM || op == X_PREM1) &&
                          !(hw.sw & 1) && !fpu_x80_is_nan(hw.v);
        uint16_t want_cc = cc_defined ? (hw.sw & 0x4700) : 0;
        if (!cc_defined) {
            sw.sw = 0;
        }
        bool same = hw.v.mant == sw.v.mant && hw.v.sign_exp == sw.v.sign_exp &&
                    hw.bits == sw.bits &&
                    test_flags_from_mxcsr(hw_flags) ==
                        (st.flags & ~FPU_FLAG_INPUT_FLUSHED) &&
                    want_cc == sw.sw;
        if (!same) {
            if (bad < 8) {
                print_message("%s rc=%d pc=%d a=%04x:%016llx b=%04x:%016llx "
                              "in=%llx: hw %04x:%016llx/%llx sw %04x, soft "
                              "%04x:%016llx/%llx flags %02x cc %04x\n",
                              op_names[op], st.rounding,
                              st.floatx80_precision, a.sign_exp,
                              (unsigned long long)a.mant, b.sign_exp,
                              (unsigned long long)b.mant,
                              (unsigned long long)in, hw.v.sign_exp,
                              (unsigned long long)hw.v.mant,
                              (unsigned long long)hw.bits, hw.sw,
                              sw.v.sign_exp, (unsigned long long)sw.v.mant,
                              (unsigned long long)sw.bits, st.flags, sw.sw);
            }
            bad++;
        }
    }
    return bad;
}

static void check_ops(const int *ops, int n)
{
    int total = 0;
    for (int i = 0; i < n; i++) {
        int bad = run_op(ops[i]);
        if (bad) {
            print_message("%s: %d of %d mismatches\n", op_names[ops[i]], bad,
                          CASES);
        }
        total += bad;
    }
    assert_int_equal(total, 0);
}

static void test_x80_arith(void **state)
{
    static const int ops[] = { X_ADD, X_SUB, X_MUL, X_DIV, X_SQRT };
    check_ops(ops, 5);
}

static void test_x80_misc(void **state)
{
    static const int ops[] = { X_PREM, X_PREM1, X_RNDINT, X_SCALE, X_COMI,
                               X_UCOMI };
    check_ops(ops, 6);
}

static void test_x80_convert(void **state)
{
    static const int ops[] = { X_FROM_F32, X_FROM_F64, X_TO_F32, X_TO_F64,
                               X_TO_I16, X_TO_I32, X_TO_I64, X_TO_I64_TRUNC,
                               X_FROM_I64 };
    check_ops(ops, 9);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_x80_arith),
        cmocka_unit_test(test_x80_misc),
        cmocka_unit_test(test_x80_convert),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* tests/unit/fpu/test_fpu_sse.c — randomized comparison of core/fpu f32/f64
 * against the host's SSE hardware: every rounding mode, DAZ/FTZ on and off,
 * result bits and all six MXCSR exception flags, x86 NaN rules.
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
    T_ADD, T_SUB, T_MUL, T_DIV, T_SQRT, T_FMA, T_MIN, T_MAX, T_CMP, T_UCMP,
    T_CVT_NARROW, T_CVT_WIDEN, T_TO_I32, T_TO_I32_TRUNC, T_TO_I64,
    T_TO_I64_TRUNC, T_FROM_I32, T_FROM_I64, T_ROUND_INT,
};

static const char *const op_names[] = {
    "add", "sub", "mul", "div", "sqrt", "fma", "min", "max", "comi", "ucomi",
    "cvt_narrow", "cvt_widen", "to_i32", "to_i32_trunc", "to_i64",
    "to_i64_trunc", "from_i32", "from_i64", "round_int",
};

/* Run one SSE instruction under csr; returns the result bits, *flags the
 * exception bits it raised. a/b/c are f64 or f32 patterns per dbl. */
static uint64_t hw_run(int op, bool dbl, uint64_t a, uint64_t b, uint64_t c,
                       uint32_t csr, uint32_t *flags)
{
    uint32_t old, out;
    double x, y, z;
    uint64_t ri = 0;
    bool zf = false, pf = false, cf = false;
    int round_imm = 4; /* roundsd imm: use MXCSR.RC, raise inexact */

    memset(&x, 0, sizeof(x));
    memset(&y, 0, sizeof(y));
    memset(&z, 0, sizeof(z));
    memcpy(&x, &a, dbl ? 8 : 4);
    memcpy(&y, &b, dbl ? 8 : 4);
    memcpy(&z, &c, dbl ? 8 : 4);
    __asm__ volatile("stmxcsr %0" : "=m"(old));
    __asm__ volatile("ldmxcsr %0" : : "m"(csr));
    switch (op * 2 + dbl) {
    case T_ADD * 2 + 1: __asm__ volatile("addsd %1, %0" : "+x"(x) : "x"(y)); break;
    case T_ADD * 2:     __asm__ volatile("addss %1, %0" : "+x"(x) : "x"(y)); break;
    case T_SUB * 2 + 1: __asm__ volatile("subsd %1, %0" : "+x"(x) : "x"(y)); break;
    case T_SUB * 2:     __asm__ volatile("subss %1, %0" : "+x"(x) : "x"(y)); break;
    case T_MUL * 2 + 1: __asm__ volatile("mulsd %1, %0" : "+x"(x) : "x"(y)); break;
    case T_MUL * 2:     __asm__ volatile("mulss %1, %0" : "+x"(x) : "x"(y)); break;
    case T_DIV * 2 + 1: __asm__ volatile("divsd %1, %0" : "+x"(x) : "x"(y)); break;
    case T_DIV * 2:     __asm__ volatile("divss %1, %0" : "+x"(x) : "x"(y)); break;
    case T_SQRT * 2 + 1: __asm__ volatile("sqrtsd %1, %0" : "+x"(x) : "x"(y)); break;
    case T_SQRT * 2:    __asm__ volatile("sqrtss %1, %0" : "+x"(x) : "x"(y)); break;
    case T_FMA * 2 + 1:
        __asm__ volatile("vfmadd213sd %2, %1, %0" : "+x"(x) : "x"(y), "x"(z));
        break;
    case T_FMA * 2:
        __asm__ volatile("vfmadd213ss %2, %1, %0" : "+x"(x) : "x"(y), "x"(z));
        break;
    case T_MIN * 2 + 1: __asm__ volatile("minsd %1, %0" : "+x"(x) : "x"(y)); break;
    case T_MIN * 2:     __asm__ volatile("minss %1, %0" : "+x"(x) : "x"(y)); break;
    case T_MAX * 2 + 1: __asm__ volatile("maxsd %1, %0" : "+x"(x) : "x"(y)); break;
    case T_MAX * 2:     __asm__ volatile("maxss %1, %0" : "+x"(x) : "x"(y)); break;
    case T_CMP * 2 + 1:
        __asm__ volatile("comisd %3, %4" : "=@ccz"(zf), "=@ccp"(pf), "=@ccc"(cf)
                         : "x"(y), "x"(x));
        break;
    case T_CMP * 2:
        __asm__ volatile("comiss %3, %4" : "=@ccz"(zf), "=@ccp"(pf), "=@ccc"(cf)
                         : "x"(y), "x"(x));
        break;
    case T_UCMP * 2 + 1:
        __asm__ volatile("ucomisd %3, %4" : "=@ccz"(zf), "=@ccp"(pf), "=@ccc"(cf)
                         : "x"(y), "x"(x));
        break;
    case T_UCMP * 2:
        __asm__ volatile("ucomiss %3, %4" : "=@ccz"(zf), "=@ccp"(pf), "=@ccc"(cf)
                         : "x"(y), "x"(x));
        break;
    case T_CVT_NARROW * 2 + 1:
        __asm__ volatile("cvtsd2ss %1, %0" : "=x"(z) : "x"(x));
        x = z;
        break;
    case T_CVT_WIDEN * 2:
        __asm__ volatile("cvtss2sd %1, %0" : "=x"(z) : "x"(x));
        x = z;
        dbl = true;
        break;
    case T_TO_I32 * 2 + 1: __asm__ volatile("cvtsd2si %1, %k0" : "=r"(ri) : "x"(x)); break;
    case T_TO_I32 * 2:     __asm__ volatile("cvtss2si %1, %k0" : "=r"(ri) : "x"(x)); break;
    case T_TO_I32_TRUNC * 2 + 1: __asm__ volatile("cvttsd2si %1, %k0" : "=r"(ri) : "x"(x)); break;
    case T_TO_I32_TRUNC * 2:     __asm__ volatile("cvttss2si %1, %k0" : "=r"(ri) : "x"(x)); break;
    case T_TO_I64 * 2 + 1: __asm__ volatile("cvtsd2si %1, %0" : "=r"(ri) : "x"(x)); break;
    case T_TO_I64 * 2:     __asm__ volatile("cvtss2si %1, %0" : "=r"(ri) : "x"(x)); break;
    case T_TO_I64_TRUNC * 2 + 1: __asm__ volatile("cvttsd2si %1, %0" : "=r"(ri) : "x"(x)); break;
    case T_TO_I64_TRUNC * 2:     __asm__ volatile("cvttss2si %1, %0" : "=r"(ri) : "x"(x)); break;
    case T_FROM_I32 * 2 + 1: __asm__ volatile("cvtsi2sdl %k1, %0" : "=x"(x) : "r"(a)); break;
    case T_FROM_I32 * 2:     __asm__ volatile("cvtsi2ssl %k1, %0" : "=x"(x) : "r"(a)); break;
    case T_FROM_I64 * 2 + 1: __asm__ volatile("cvtsi2sdq %1, %0" : "=x"(x) : "r"(a)); break;
    case T_FROM_I64 * 2:     __asm__ volatile("cvtsi2ssq %1, %0" : "=x"(x) : "r"(a)); break;
    case T_ROUND_INT * 2 + 1:
        __asm__ volatile("roundsd %2, %1, %0" : "=x"(z) : "x"(x), "i"(round_imm));
        x = z;
        break;
    case T_ROUND_INT * 2:
        __asm__ volatile("roundss %2, %1, %0" : "=x"(z) : "x"(x), "i"(round_imm));
        x = z;
        break;
    default:
        fail_msg("bad op");
    }
    __asm__ volatile("stmxcsr %0" : "=m"(out));
    __asm__ volatile("ldmxcsr %0" : : "m"(old));
    *flags = out & 0x3f;
    if (op == T_CMP || op == T_UCMP) {
        if (zf && pf && cf) {
            return FPU_CMP_UNORDERED;
        }
        return zf ? FPU_CMP_EQUAL : cf ? FPU_CMP_LESS : FPU_CMP_GREATER;
    }
    if (op >= T_TO_I32 && op <= T_TO_I64_TRUNC) {
        return (op == T_TO_I32 || op == T_TO_I32_TRUNC) ? (uint32_t)ri : ri;
    }
    uint64_t r = 0;
    bool out_dbl = op == T_CVT_NARROW ? false : dbl;
    memcpy(&r, &x, out_dbl ? 8 : 4);
    return r;
}

static uint64_t soft_run(int op, bool dbl, uint64_t a, uint64_t b,
                         uint64_t c, FpuStatus *st)
{
    if (dbl) {
        switch (op) {
        case T_ADD: return fpu_f64_add(a, b, st);
        case T_SUB: return fpu_f64_sub(a, b, st);
        case T_MUL: return fpu_f64_mul(a, b, st);
        case T_DIV: return fpu_f64_div(a, b, st);
        case T_SQRT: return fpu_f64_sqrt(b, st);
        case T_FMA:
            /* vfmadd213: dest = src2 * dest + src3; x86 picks NaNs in the
             * order of that formula, which is muladd's a, b, c order */
            return fpu_f64_muladd(b, a, c, 0, st);
        case T_MIN: return fpu_f64_min_x86(a, b, st);
        case T_MAX: return fpu_f64_max_x86(a, b, st);
        case T_CMP: return (uint64_t)fpu_f64_compare(a, b, true, st);
        case T_UCMP: return (uint64_t)fpu_f64_compare(a, b, false, st);
        case T_CVT_NARROW: return fpu_f64_to_f32(a, st);
        case T_TO_I32: return (uint32_t)fpu_f64_to_i32(a, st);
        case T_TO_I32_TRUNC: return (uint32_t)fpu_f64_to_i32_trunc(a, st);
        case T_TO_I64: return (uint64_t)fpu_f64_to_i64(a, st);
        case T_TO_I64_TRUNC: return (uint64_t)fpu_f64_to_i64_trunc(a, st);
        case T_FROM_I32: return fpu_i32_to_f64((int32_t)a, st);
        case T_FROM_I64: return fpu_i64_to_f64((int64_t)a, st);
        case T_ROUND_INT:
            return fpu_f64_round_to_int(a, st->rounding, true, st);
        }
    } else {
        switch (op) {
        case T_ADD: return fpu_f32_add((uint32_t)a, (uint32_t)b, st);
        case T_SUB: return fpu_f32_sub((uint32_t)a, (uint32_t)b, st);
        case T_MUL: return fpu_f32_mul((uint32_t)a, (uint32_t)b, st);
        case T_DIV: return fpu_f32_div((uint32_t)a, (uint32_t)b, st);
        case T_SQRT: return fpu_f32_sqrt((uint32_t)b, st);
        case T_FMA:
            return fpu_f32_muladd((uint32_t)b, (uint32_t)a, (uint32_t)c, 0, st);
        case T_MIN: return fpu_f32_min_x86((uint32_t)a, (uint32_t)b, st);
        case T_MAX: return fpu_f32_max_x86((uint32_t)a, (uint32_t)b, st);
        case T_CMP:
            return (uint64_t)fpu_f32_compare((uint32_t)a, (uint32_t)b, true, st);
        case T_UCMP:
            return (uint64_t)fpu_f32_compare((uint32_t)a, (uint32_t)b, false, st);
        case T_CVT_WIDEN: return fpu_f32_to_f64((uint32_t)a, st);
        case T_TO_I32: return (uint32_t)fpu_f32_to_i32((uint32_t)a, st);
        case T_TO_I32_TRUNC:
            return (uint32_t)fpu_f32_to_i32_trunc((uint32_t)a, st);
        case T_TO_I64: return (uint64_t)fpu_f32_to_i64((uint32_t)a, st);
        case T_TO_I64_TRUNC:
            return (uint64_t)fpu_f32_to_i64_trunc((uint32_t)a, st);
        case T_FROM_I32: return fpu_i32_to_f32((int32_t)a, st);
        case T_FROM_I64: return fpu_i64_to_f32((int64_t)a, st);
        case T_ROUND_INT:
            return fpu_f32_round_to_int((uint32_t)a, st->rounding, true, st);
        }
    }
    fail_msg("bad op");
    return 0;
}

static uint64_t random_int_operand(TestRng *r, bool wide)
{
    uint64_t v = rng_next(r);
    switch (v % 6) {
    case 0:
        return v >> (v % 64);
    case 1:
        return -(v >> (v % 64));
    case 2:
        return wide ? 0x8000000000000000ull - (v % 4) : 0x80000000u - (v % 4);
    default:
        return wide ? v : (uint32_t)v;
    }
}

/* Compare CASES random cases of op in one format; returns mismatches and
 * prints the first few. */
static int run_op(int op, bool dbl, uint64_t seed)
{
    TestRng r = { seed * 0x9E3779B97F4A7C15ull + 1 };
    int eb = dbl ? 11 : 8, fb = dbl ? 52 : 23;
    int bad = 0;

    for (int i = 0; i < CASES; i++) {
        FpuStatus st;
        fpu_status_init_x86_sse(&st);
        uint64_t v = rng_next(&r);
        st.rounding = v & 3;
        st.flush_inputs = ((v >> 2) & 3) == 0;
        st.flush_outputs = ((v >> 4) & 3) == 0;
        st.flags = ((v >> 6) & 1) ? FPU_FLAG_INEXACT : 0;
        uint8_t preset = st.flags;

        bool in_dbl = op == T_CVT_NARROW ? true
                      : op == T_CVT_WIDEN ? false : dbl;
        int ieb = in_dbl ? 11 : 8, ifb = in_dbl ? 52 : 23;
        uint64_t a = rng_ieee(&r, ieb, ifb);
        uint64_t b = rng_ieee_pair(&r, a, eb, fb);
        uint64_t c = (rng_next(&r) & 1) ? rng_ieee(&r, eb, fb)
                                        : rng_ieee_pair(&r, a, eb, fb);
        if (op == T_FROM_I32 || op == T_FROM_I64) {
            a = random_int_operand(&r, op == T_FROM_I64);
        }
        uint32_t hwf;
        uint64_t want = hw_run(op, dbl, a, b, c, test_mxcsr(&st), &hwf);
        uint64_t got = soft_run(op, dbl, a, b, c, &st);
        uint8_t want_flags = preset | test_flags_from_mxcsr(hwf);
        uint8_t got_flags = st.flags & ~FPU_FLAG_INPUT_FLUSHED;
        if (want != got || want_flags != got_flags) {
            if (bad < 8) {
                print_message("%s %s rm=%d daz=%d ftz=%d a=%llx b=%llx "
                              "c=%llx: hw %llx flags %02x, soft %llx flags "
                              "%02x\n", op_names[op], dbl ? "f64" : "f32",
                              st.rounding, st.flush_inputs, st.flush_outputs,
                              (unsigned long long)a, (unsigned long long)b,
                              (unsigned long long)c,
                              (unsigned long long)want, want_flags,
                              (unsigned long long)got, got_flags);
            }
            bad++;
        }
    }
    return bad;
}

static void check_ops(const int *ops, int n, bool dbl)
{
    int total = 0;
    for (int i = 0; i < n; i++) {
        int bad = run_op(ops[i], dbl, (uint64_t)ops[i] * 2 + dbl);
        if (bad) {
            print_message("%s %s: %d of %d mismatches\n", op_names[ops[i]],
                          dbl ? "f64" : "f32", bad, CASES);
        }
        total += bad;
    }
    assert_int_equal(total, 0);
}

static const int arith_ops[] = { T_ADD, T_SUB, T_MUL, T_DIV, T_SQRT,
                                 T_MIN, T_MAX, T_CMP, T_UCMP };

static void test_f32_arith(void **state)
{
    check_ops(arith_ops, sizeof(arith_ops) / sizeof(arith_ops[0]), false);
}

static void test_f64_arith(void **state)
{
    check_ops(arith_ops, sizeof(arith_ops) / sizeof(arith_ops[0]), true);
}

static void test_fma(void **state)
{
    static const int ops[] = { T_FMA };
    if (!__builtin_cpu_supports("fma")) {
        skip();
    }
    check_ops(ops, 1, false);
    check_ops(ops, 1, true);
}

static const int cvt_ops[] = { T_TO_I32, T_TO_I32_TRUNC, T_TO_I64,
                               T_TO_I64_TRUNC, T_FROM_I32, T_FROM_I64 };

static void test_f32_convert(void **state)
{
    static const int widen[] = { T_CVT_WIDEN };
    check_ops(cvt_ops, sizeof(cvt_ops) / sizeof(cvt_ops[0]), false);
    check_ops(widen, 1, false);
}

static void test_f64_convert(void **state)
{
    static const int narrow[] = { T_CVT_NARROW };
    check_ops(cvt_ops, sizeof(cvt_ops) / sizeof(cvt_ops[0]), true);
    check_ops(narrow, 1, true);
}

static void test_round_int(void **state)
{
    static const int ops[] = { T_ROUND_INT };
    if (!__builtin_cpu_supports("sse4.1")) {
        skip();
    }
    check_ops(ops, 1, false);
    check_ops(ops, 1, true);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_f32_arith),
        cmocka_unit_test(test_f64_arith),
        cmocka_unit_test(test_fma),
        cmocka_unit_test(test_f32_convert),
        cmocka_unit_test(test_f64_convert),
        cmocka_unit_test(test_round_int),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

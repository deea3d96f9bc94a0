/* tests/unit/fpu/test_fpu_edge.c — hand-picked core/fpu cases the host
 * hardware cannot check: ARM and MIPS rules (tininess before rounding,
 * flush flags, default NaN, NaN order, legacy NaN encoding), saturating
 * conversions, IEEE remainder, minNum, fixed point, ties away.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "core/fpu/fpu.h"

#define QNAN_A 0x7fc00001u
#define SNAN_B 0x7f800002u

static void test_signed_zero(void **state)
{
    FpuStatus st;
    fpu_status_init_arm(&st);
    assert_int_equal(fpu_f32_add(0x80000000u, 0x00000000u, &st), 0);
    assert_int_equal(fpu_f32_sub(0x3f800000u, 0x3f800000u, &st), 0);
    st.rounding = FPU_ROUND_DOWN;
    assert_int_equal(fpu_f32_add(0x80000000u, 0x00000000u, &st), 0x80000000u);
    assert_int_equal(fpu_f32_sub(0x3f800000u, 0x3f800000u, &st), 0x80000000u);
    assert_int_equal(fpu_f64_sqrt(1ull << 63, &st), 1ull << 63);
    assert_int_equal(st.flags, 0);
    assert_int_equal(fpu_f32_compare(0x80000000u, 0, false, &st),
                     FPU_CMP_EQUAL);
    assert_int_equal(fpu_f32_min(0, 0x80000000u, &st), 0x80000000u);
    assert_int_equal(fpu_f32_max(0x80000000u, 0, &st), 0);
}

static void test_overflow_per_mode(void **state)
{
    FpuStatus st;
    static const uint32_t want_pos[4] = { 0x7f800000u, 0x7f7fffffu,
                                          0x7f800000u, 0x7f7fffffu };
    static const uint32_t want_neg[4] = { 0xff800000u, 0xff7fffffu,
                                          0xff7fffffu, 0xff800000u };
    for (int m = 0; m < 4; m++) {
        fpu_status_init_arm(&st);
        st.rounding = (uint8_t)m;
        assert_int_equal(fpu_f32_mul(0x7f000000u, 0x40000000u, &st),
                         want_pos[m]);
        assert_int_equal(fpu_f32_mul(0xff000000u, 0x40000000u, &st),
                         want_neg[m]);
        assert_int_equal(st.flags, FPU_FLAG_OVERFLOW | FPU_FLAG_INEXACT);
    }
}

static void test_tininess(void **state)
{
    FpuStatus st;
    /* (1 - 2^-25) * 2^-126 rounds to 2^-126 in nearest-even: tiny before
     * rounding, not after (rounded to 24 bits with an unbounded exponent it
     * is 2^-126 already) */
    uint64_t v = 0x380ffffff0000000ull;
    fpu_status_init_arm(&st);   /* before rounding */
    assert_int_equal(fpu_f64_to_f32(v, &st), 0x00800000u);
    assert_int_equal(st.flags, FPU_FLAG_UNDERFLOW | FPU_FLAG_INEXACT);
    fpu_status_init_x86_sse(&st);  /* after rounding */
    assert_int_equal(fpu_f64_to_f32(v, &st), 0x00800000u);
    assert_int_equal(st.flags, FPU_FLAG_INEXACT);
    /* (1 - 2^-24) * 2^-126 is tiny either way (24 bits exactly) */
    assert_int_equal(fpu_f32_mul(0x3f7fffffu, 0x00800000u, &st), 0x00800000u);
    assert_int_equal(st.flags, FPU_FLAG_UNDERFLOW | FPU_FLAG_INEXACT);
    /* exact tiny result: no underflow flag */
    fpu_status_init_arm(&st);
    assert_int_equal(fpu_f32_mul(0x3f000000u, 0x00800000u, &st), 0x00400000u);
    assert_int_equal(st.flags, 0);
}

static void test_flush(void **state)
{
    FpuStatus st;
    fpu_status_init_arm(&st);
    st.flush_inputs = st.flush_outputs = true;
    /* ARM FZ: denormal input flushed (IDC), tiny output flushed with UFC
     * only; tininess before rounding means min-normal-after-rounding also
     * flushes */
    assert_int_equal(fpu_f32_add(0x00000001u, 0x3f800000u, &st), 0x3f800000u);
    assert_int_equal(st.flags, FPU_FLAG_INPUT_FLUSHED);
    st.flags = 0;
    assert_int_equal(fpu_f32_mul(0x3f7fffffu, 0x00800000u, &st), 0);
    assert_int_equal(st.flags, FPU_FLAG_UNDERFLOW);
    st.flags = 0;
    assert_int_equal(fpu_f32_min(0x80000001u, 0x3f800000u, &st), 0x80000000u);
    /* x86 FTZ: underflow + inexact */
    fpu_status_init_x86_sse(&st);
    st.flush_outputs = true;
    assert_int_equal(fpu_f32_mul(0x3f000000u, 0x00800000u, &st), 0);
    assert_int_equal(st.flags, FPU_FLAG_UNDERFLOW | FPU_FLAG_INEXACT);
}

static void test_nan_rules(void **state)
{
    FpuStatus st;
    fpu_status_init_arm(&st);
    /* ARM: SNaN beats an earlier QNaN, result quieted */
    assert_int_equal(fpu_f32_add(QNAN_A, SNAN_B, &st), 0x7fc00002u);
    assert_int_equal(st.flags, FPU_FLAG_INVALID);
    st.flags = 0;
    assert_int_equal(fpu_f32_add(QNAN_A, 0xffc00005u, &st), QNAN_A);
    /* default NaN mode */
    st.default_nan = true;
    assert_int_equal(fpu_f32_add(QNAN_A, 0x3f800000u, &st), 0x7fc00000u);
    st.default_nan = false;
    /* ARM muladd: addend NaN first; inf*0+QNaN is invalid + default NaN */
    assert_int_equal(fpu_f32_muladd(0xffc00003u, 0x3f800000u, QNAN_A, 0, &st),
                     QNAN_A);
    st.flags = 0;
    assert_int_equal(fpu_f32_muladd(0x7f800000u, 0, QNAN_A, 0, &st),
                     0x7fc00000u);
    assert_int_equal(st.flags, FPU_FLAG_INVALID);
    /* invalid operations give the guest's default NaN */
    assert_int_equal(fpu_f32_sub(0x7f800000u, 0x7f800000u, &st), 0x7fc00000u);
    fpu_status_init_x86_sse(&st);
    assert_int_equal(fpu_f32_sub(0x7f800000u, 0x7f800000u, &st), 0xffc00000u);
    assert_int_equal(fpu_f32_add(QNAN_A, SNAN_B, &st), QNAN_A);
    /* f32 -> f64 keeps the payload */
    assert_int_equal(fpu_f32_to_f64(0x7fc00001u, &st), 0x7ff8000020000000ull);
}

static void test_mips_legacy_nan(void **state)
{
    FpuStatus st;
    fpu_status_init_mips(&st, false);
    assert_int_equal(fpu_f32_default_nan(&st), 0x7fbfffffu);
    assert_int_equal(fpu_f64_default_nan(&st), 0x7ff7ffffffffffffull);
    assert_true(fpu_f32_is_snan(0x7fc00000u, &st));
    assert_false(fpu_f32_is_snan(0x7fbfffffu, &st));
    /* a legacy QNaN propagates unchanged, an SNaN becomes the default */
    assert_int_equal(fpu_f32_add(0x7f800001u, 0x3f800000u, &st), 0x7f800001u);
    assert_int_equal(st.flags, 0);
    assert_int_equal(fpu_f32_add(0x7fc00000u, 0x3f800000u, &st), 0x7fbfffffu);
    assert_int_equal(st.flags, FPU_FLAG_INVALID);
    assert_int_equal(fpu_f32_sqrt(0xbf800000u, &st), 0x7fbfffffu);
    /* legacy conversion overflow gives INT_MAX */
    st.flags = 0;
    assert_int_equal(fpu_f32_to_i32(0xcf800000u, &st), 0x7fffffff);
    assert_int_equal(st.flags, FPU_FLAG_INVALID);
    fpu_status_init_mips(&st, true);
    assert_int_equal(fpu_f32_default_nan(&st), 0x7fc00000u);
}

static void test_int_limits(void **state)
{
    FpuStatus st;
    fpu_status_init_arm(&st);
    /* 2^31 - 0.5 rounds to 2^31 (overflow) in nearest, 2^31-1 in zero */
    uint64_t v = 0x41dfffffffe00000ull; /* 2147483647.5 */
    assert_int_equal(fpu_f64_to_i32(v, &st), 0x7fffffff);
    assert_int_equal(st.flags, FPU_FLAG_INVALID);
    st.flags = 0;
    assert_int_equal(fpu_f64_to_i32_trunc(v, &st), 0x7fffffff);
    assert_int_equal(st.flags, FPU_FLAG_INEXACT);
    st.flags = 0;
    assert_int_equal(fpu_f64_to_i32(0xc1e0000000000000ull, &st), INT32_MIN);
    assert_int_equal(st.flags, 0);
    assert_int_equal(fpu_f64_to_u32(0xbfe0000000000000ull, &st), 0);
    assert_int_equal(st.flags, FPU_FLAG_INEXACT);
    st.flags = 0;
    assert_int_equal(fpu_f64_to_u32(0xbff0000000000000ull, &st), 0);
    assert_int_equal(st.flags, FPU_FLAG_INVALID);
    assert_int_equal(fpu_f32_to_i32(0x7fc00000u, &st), 0);
    assert_int_equal(fpu_f64_to_u64(0x43f0000000000000ull, &st), UINT64_MAX);
    assert_int_equal(fpu_f64_to_u64(0x43efffffffffffffull, &st),
                     0xfffffffffffff800ull);
    fpu_status_init_x86_sse(&st);
    assert_int_equal(fpu_f32_to_i32(0x7fc00000u, &st), INT32_MIN);
    assert_int_equal(fpu_u64_to_f64(UINT64_MAX, &st), 0x43f0000000000000ull);
    assert_int_equal(fpu_u32_to_f32(0xffffffffu, &st), 0x4f800000u);
}

static void test_ties(void **state)
{
    FpuStatus st;
    fpu_status_init_arm(&st);
    /* round to int: 2.5 -> 2 (even), 3 (away); -0.5 -> -0 / -1 */
    assert_int_equal(fpu_f32_round_to_int(0x40200000u, FPU_ROUND_NEAREST_EVEN,
                                          true, &st), 0x40000000u);
    assert_int_equal(fpu_f32_round_to_int(0x40200000u, FPU_ROUND_NEAREST_AWAY,
                                          true, &st), 0x40400000u);
    assert_int_equal(fpu_f32_round_to_int(0xbf000000u, FPU_ROUND_NEAREST_EVEN,
                                          true, &st), 0x80000000u);
    assert_int_equal(fpu_f32_round_to_int(0xbf000000u, FPU_ROUND_NEAREST_AWAY,
                                          true, &st), 0xbf800000u);
    assert_int_equal(fpu_f32_round_to_int(0xbf000000u, FPU_ROUND_UP,
                                          true, &st), 0x80000000u);
    st.flags = 0;
    assert_int_equal(fpu_f32_round_to_int(0x3fc00000u, FPU_ROUND_DOWN,
                                          false, &st), 0x3f800000u);
    assert_int_equal(st.flags, 0);
    /* 1 + 2^-24 (a tie in f32) via f64 -> f32 */
    st.rounding = FPU_ROUND_NEAREST_AWAY;
    assert_int_equal(fpu_f64_to_f32(0x3ff0000010000000ull, &st), 0x3f800001u);
    st.rounding = FPU_ROUND_NEAREST_EVEN;
    assert_int_equal(fpu_f64_to_f32(0x3ff0000010000000ull, &st), 0x3f800000u);
}

static void test_rem(void **state)
{
    FpuStatus st;
    fpu_status_init_arm(&st);
    /* remainder(5, 2) = 1 (quotient 2.5 -> 2), remainder(7, 2) = -1 */
    assert_int_equal(fpu_f64_rem(0x4014000000000000ull, 0x4000000000000000ull,
                                 &st), 0x3ff0000000000000ull);
    assert_int_equal(fpu_f64_rem(0x401c000000000000ull, 0x4000000000000000ull,
                                 &st), 0xbff0000000000000ull);
    assert_int_equal(fpu_f64_rem(0x7fefffffffffffffull, 0x0000000000000001ull,
                                 &st), 0);
    assert_int_equal(st.flags, FPU_FLAG_DENORMAL);
    st.flags = 0;
    /* remainder(3, 4) = -1: |x| above half of y, exponents one apart */
    assert_int_equal(fpu_f32_rem(0x40400000u, 0x40800000u, &st), 0xbf800000u);
    assert_int_equal(st.flags, 0);
    assert_int_equal(fpu_f32_rem(0x7f800000u, 0x40800000u, &st), 0x7fc00000u);
    assert_int_equal(st.flags, FPU_FLAG_INVALID);
}

static void test_minnum(void **state)
{
    FpuStatus st;
    fpu_status_init_arm(&st);
    assert_int_equal(fpu_f32_minnum(QNAN_A, 0x3f800000u, &st), 0x3f800000u);
    assert_int_equal(fpu_f32_maxnum(0x3f800000u, QNAN_A, &st), 0x3f800000u);
    assert_int_equal(st.flags, 0);
    assert_int_equal(fpu_f32_min(QNAN_A, 0x3f800000u, &st), QNAN_A);
    assert_int_equal(fpu_f32_minnum(SNAN_B, 0x3f800000u, &st), 0x7fc00002u);
    assert_int_equal(st.flags, FPU_FLAG_INVALID);
    fpu_status_init_x86_sse(&st);
    assert_int_equal(fpu_f32_min_x86(QNAN_A, 0x3f800000u, &st), 0x3f800000u);
    assert_int_equal(fpu_f32_min_x86(0x80000000u, 0, &st), 0);
}

static void test_fixed_and_scale(void **state)
{
    FpuStatus st;
    fpu_status_init_arm(&st);
    /* 1.75 in Q16 = 0x1c000; -1.75 -> signed 16-bit Q8 = -448 */
    assert_int_equal(fpu_f32_to_fixed(0x3fe00000u, 16, 32, true,
                                      FPU_ROUND_ZERO, &st), 0x1c000);
    assert_int_equal(fpu_f32_to_fixed(0xbfe00000u, 8, 16, true,
                                      FPU_ROUND_ZERO, &st), -448);
    /* saturation: 200.0 in signed Q8.8 (16 bits) */
    assert_int_equal(fpu_f32_to_fixed(0x43480000u, 8, 16, true,
                                      FPU_ROUND_ZERO, &st), 0x7fff);
    assert_int_equal(st.flags, FPU_FLAG_INVALID);
    assert_int_equal(fpu_fixed_to_f32(0x1c000, 16, true,
                                      FPU_ROUND_NEAREST_EVEN, &st),
                     0x3fe00000u);
    assert_int_equal(fpu_fixed_to_f64(-1, 64, true, FPU_ROUND_NEAREST_EVEN,
                                      &st), 0xbbf0000000000000ull);
    st.flags = 0;
    assert_int_equal(fpu_f32_scalbn(0x3f800000u, -149, &st), 1);
    assert_int_equal(fpu_f32_scalbn(0x3f800000u, -150, &st), 0);
    assert_int_equal(st.flags, FPU_FLAG_UNDERFLOW | FPU_FLAG_INEXACT);
    assert_int_equal(fpu_f64_scalbn(1, 2000, &st), 0x79d0000000000000ull);
}

static void test_classify(void **state)
{
    assert_true(fpu_f32_is_nan(0xffc00000u));
    assert_false(fpu_f32_is_nan(0xff800000u));
    assert_true(fpu_f32_is_inf(0xff800000u));
    assert_true(fpu_f64_is_zero(1ull << 63));
    assert_true(fpu_f64_is_denormal(1));
    assert_false(fpu_f64_is_denormal(0));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_signed_zero),
        cmocka_unit_test(test_overflow_per_mode),
        cmocka_unit_test(test_tininess),
        cmocka_unit_test(test_flush),
        cmocka_unit_test(test_nan_rules),
        cmocka_unit_test(test_mips_legacy_nan),
        cmocka_unit_test(test_int_limits),
        cmocka_unit_test(test_ties),
        cmocka_unit_test(test_rem),
        cmocka_unit_test(test_minnum),
        cmocka_unit_test(test_fixed_and_scale),
        cmocka_unit_test(test_classify),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

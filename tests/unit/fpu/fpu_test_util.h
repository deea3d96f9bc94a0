/* tests/unit/fpu/fpu_test_util.h — shared helpers of the fpu unit tests:
 * a seeded edge-biased random generator of f32/f64/x80 bit patterns and
 * the MXCSR encodings used to run the same operation on the host's SSE.
 */
#ifndef EMU_TEST_FPU_UTIL_H
#define EMU_TEST_FPU_UTIL_H

#include <stdint.h>

#include "core/fpu/fpu.h"

typedef struct TestRng {
    uint64_t s;
} TestRng;

static inline uint64_t rng_next(TestRng *r)
{
    /* xorshift64* */
    r->s ^= r->s >> 12;
    r->s ^= r->s << 25;
    r->s ^= r->s >> 27;
    return r->s * 0x2545F4914F6CDD1Dull;
}

/* A random IEEE pattern of exp_bits/frac_bits, biased toward edges. */
static inline uint64_t rng_ieee(TestRng *r, int exp_bits, int frac_bits)
{
    uint64_t v = rng_next(r);
    uint64_t sign = rng_next(r) & 1;
    uint64_t emax = (1ull << exp_bits) - 1;
    uint64_t fmask = (1ull << frac_bits) - 1;
    uint64_t frac = rng_next(r) & fmask;
    uint64_t e;
    int bias = (int)(emax >> 1);

    switch (v % 20) {
    case 0:
        e = 0;
        frac = 0;
        break;
    case 1:
        e = emax;
        frac = 0;
        break;
    case 2:
        e = emax;
        frac |= 1ull << (frac_bits - 1);
        break;
    case 3:
        e = emax;
        frac &= ~(1ull << (frac_bits - 1));
        frac |= frac == 0;
        break;
    case 4:
    case 5:
        e = 0;
        if (rng_next(r) & 1) {
            frac >>= rng_next(r) % frac_bits;
        }
        frac |= frac == 0;
        break;
    case 6:
    case 7:
        e = 1 + rng_next(r) % 4;
        break;
    case 8:
    case 9:
        e = emax - 1 - rng_next(r) % 4;
        break;
    case 10:
        e = 1 + rng_next(r) % (emax - 1);
        frac = (rng_next(r) & 1) ? fmask : fmask - (rng_next(r) % 4);
        break;
    case 11:
        e = bias + rng_next(r) % 40;
        frac &= ~(fmask >> (rng_next(r) % frac_bits));
        break;
    case 12:
    case 13:
        /* around the half-way range of the exponent: under/overflow of
         * products and quotients */
        e = (rng_next(r) & 1) ? bias / 2 + rng_next(r) % 8
                              : bias + bias / 2 - rng_next(r) % 8;
        break;
    case 14:
    case 15:
        /* a short significand (up to 12 bits, as small integers and
         * binary fractions have): products, quotients, square roots and
         * sums of these are often exact, which the fast paths must see */
        e = bias - 20 + rng_next(r) % 40;
        frac = (rng_next(r) & 0x7ff) << (frac_bits - 11);
        break;
    default:
        e = bias - 40 + rng_next(r) % 80;
        break;
    }
    return (sign << (exp_bits + frac_bits)) | (e << frac_bits) | frac;
}

/* A second operand related to the first: near it (cancellation), or at a
 * chosen exponent distance. */
static inline uint64_t rng_ieee_pair(TestRng *r, uint64_t a, int exp_bits,
                                     int frac_bits)
{
    uint64_t v = rng_next(r) % 8;
    uint64_t sbit = 1ull << (exp_bits + frac_bits);
    if (v == 0) {
        return (a ^ (rng_next(r) & 7)) ^ ((rng_next(r) & 1) ? sbit : 0);
    }
    if (v == 1) {
        int64_t d = (int64_t)(rng_next(r) % (2 * frac_bits + 6)) - frac_bits - 3;
        uint64_t emax = (1ull << exp_bits) - 1;
        int64_t e = (int64_t)((a >> frac_bits) & emax) + d;
        if (e < 1 || e >= (int64_t)emax) {
            e = 1;
        }
        uint64_t frac = rng_next(r) & ((1ull << frac_bits) - 1);
        return ((rng_next(r) & 1) ? sbit : 0) |
               ((uint64_t)e << frac_bits) | frac;
    }
    return rng_ieee(r, exp_bits, frac_bits);
}

/* MXCSR for a status: all exceptions masked, rounding, DAZ, FTZ. */
static inline uint32_t test_mxcsr(const FpuStatus *st)
{
    static const uint32_t rc[4] = { 0, 3, 2, 1 };
    return 0x1f80u | (rc[st->rounding & 3] << 13) |
           (st->flush_inputs ? 1u << 6 : 0) |
           (st->flush_outputs ? 1u << 15 : 0);
}

/* MXCSR exception bits -> FPU_FLAG_* */
static inline uint8_t test_flags_from_mxcsr(uint32_t csr)
{
    uint8_t f = 0;
    f |= (csr & 1) ? FPU_FLAG_INVALID : 0;
    f |= (csr & 2) ? FPU_FLAG_DENORMAL : 0;
    f |= (csr & 4) ? FPU_FLAG_DIVBYZERO : 0;
    f |= (csr & 8) ? FPU_FLAG_OVERFLOW : 0;
    f |= (csr & 16) ? FPU_FLAG_UNDERFLOW : 0;
    f |= (csr & 32) ? FPU_FLAG_INEXACT : 0;
    return f;
}

#endif

/* core/fpu/fpu_x80.c — x87 double extended (floatx80): arithmetic with
 * precision control, FPREM/FPREM1, FRNDINT, FSCALE, compare and the FLD /
 * FST / FILD / FIST conversions, on the shared FpuParts engine.
 */
#include "core/fpu/fpu_internal.h"

static int x80_prec(const FpuStatus *st)
{
    int p = st->floatx80_precision;
    return (p == 24 || p == 53) ? p : 64;
}

enum { X_ADD, X_SUB, X_MUL, X_DIV };

/* ---- fast path ----
 * Most x87 code runs with the Linux default control word (round to
 * nearest, 64-bit precision) on normal numbers. For that case add, sub,
 * mul, div and the FST m64 conversion are done here directly on the 64-bit
 * significands with one 128-bit intermediate and one round-to-nearest-
 * even step, when every input is a normal number or a true zero and the
 * result's biased exponent lands in [2, 0x7ffe] (no overflow, no
 * tininess): then inexact is the only flag to raise. Everything else
 * (NaNs, infinities, denormals, unsupported encodings, other modes,
 * extreme exponents) takes the FpuParts path. tests/unit/fpu compares
 * both against the host's x87. */
typedef unsigned __int128 X80U128;

static inline bool x80_fast_input(FpuX80 a)
{
    unsigned e = a.sign_exp & 0x7fff;

    return (e - 1u < 0x7ffeu && (a.mant >> 63)) || (e == 0 && a.mant == 0);
}

static inline bool x80_fast_mode(const FpuStatus *st)
{
    return st->rounding == FPU_ROUND_NEAREST_EVEN && x80_prec(st) == 64;
}

static inline bool x80_is_zero_enc(FpuX80 a)
{
    return (a.sign_exp & 0x7fff) == 0;
}

/* Rounds the 128-bit significand m (bit 127 set) to 64 bits, nearest
 * even, at biased exponent e; false when e leaves the safe range. */
static inline bool x80_fast_pack(X80U128 m, int32_t e, unsigned sign,
                                 FpuX80 *r, FpuStatus *st)
{
    uint64_t hi = (uint64_t)(m >> 64), lo = (uint64_t)m;
    const uint64_t half = 1ull << 63;

    if (lo > half || (lo == half && (hi & 1))) {
        if (++hi == 0) {
            hi = half;
            e++;
        }
    }
    if (e < 2 || e > 0x7ffe) {
        return false;
    }
    if (lo) {
        st->flags |= FPU_FLAG_INEXACT;
    }
    r->mant = hi;
    r->sign_exp = (uint16_t)(sign << 15 | (uint32_t)e);
    return true;
}

static bool x80_fast_mul(FpuX80 a, FpuX80 b, FpuX80 *r, FpuStatus *st)
{
    unsigned sign = (a.sign_exp ^ b.sign_exp) >> 15;
    int32_t e = (int32_t)(a.sign_exp & 0x7fff) + (b.sign_exp & 0x7fff) -
                16383;
    X80U128 m;

    if (x80_is_zero_enc(a) || x80_is_zero_enc(b)) {
        r->mant = 0;
        r->sign_exp = (uint16_t)(sign << 15);
        return true;
    }
    m = (X80U128)a.mant * b.mant;           /* in [2^126, 2^128) */
    if (m >> 127) {
        e++;
    } else {
        m <<= 1;
    }
    return x80_fast_pack(m, e, sign, r, st);
}

static bool x80_fast_div(FpuX80 a, FpuX80 b, FpuX80 *r, FpuStatus *st)
{
    unsigned sign = (a.sign_exp ^ b.sign_exp) >> 15;
    int32_t e = (int32_t)(a.sign_exp & 0x7fff) - (b.sign_exp & 0x7fff) +
                16383;
    uint64_t q, rem;
    X80U128 m;

    if (x80_is_zero_enc(b)) {
        return false;       /* division by zero, 0/0: the soft path */
    }
    if (x80_is_zero_enc(a)) {
        r->mant = 0;
        r->sign_exp = (uint16_t)(sign << 15);
        return true;
    }
    if (a.mant >= b.mant) {
        /* quotient 2^64 + q of a.mant * 2^64 / b.mant, in [1, 2) */
        q = fpu_div128(a.mant - b.mant, 0, b.mant, &rem);
        m = (X80U128)1 << 127 | (X80U128)q << 63 | (rem != 0);
    } else {
        /* in (1/2, 1): one more quotient bit from the remainder */
        X80U128 r2;
        q = fpu_div128(a.mant, 0, b.mant, &rem);
        r2 = (X80U128)rem << 1;
        m = (X80U128)q << 64;
        if (r2 >= b.mant) {
            m |= (X80U128)1 << 63;
            r2 -= b.mant;
        }
        m |= r2 != 0;
        e--;
    }
    return x80_fast_pack(m, e, sign, r, st);
}

static bool x80_fast_add(FpuX80 a, FpuX80 b, bool negate_b, FpuX80 *r,
                         FpuStatus *st)
{
    unsigned sa = a.sign_exp >> 15, sb = (b.sign_exp >> 15) ^ negate_b;
    int32_t ea = a.sign_exp & 0x7fff, eb = b.sign_exp & 0x7fff;
    X80U128 ma, mb, m;
    unsigned d, k;

    if (x80_is_zero_enc(a) || x80_is_zero_enc(b)) {
        return false;       /* signed-zero rules: the soft path */
    }
    if (eb > ea || (eb == ea && b.mant > a.mant)) {
        FpuX80 t = a;
        unsigned ts = sa;
        a = b, b = t, sa = sb, sb = ts;
        ea = a.sign_exp & 0x7fff, eb = b.sign_exp & 0x7fff;
    }
    d = (unsigned)(ea - eb);
    if (d > 120) {
        return false;
    }
    /* leading bits at 126: room for a carry above, 63 bits below */
    ma = (X80U128)a.mant << 63;
    mb = (X80U128)b.mant << 63;
    if (d) {
        bool sticky = (mb & (((X80U128)1 << d) - 1)) != 0;
        mb = (mb >> d) | sticky;
    }
    m = sa == sb ? ma + mb : ma - mb;
    if (m == 0) {
        r->mant = 0;
        r->sign_exp = 0;    /* x - x is +0 when rounding to nearest */
        return true;
    }
    k = (uint64_t)(m >> 64) ? (unsigned)__builtin_clzll((uint64_t)(m >> 64))
                            : 64 + (unsigned)__builtin_clzll((uint64_t)m);
    m <<= k;
    return x80_fast_pack(m, ea + 1 - (int32_t)k, sa, r, st);
}

static FpuX80 x80_op2(FpuX80 a, FpuX80 b, int op, FpuStatus *st)
{
    FpuParts pa, pb, r;
    uint8_t before = st->flags;

    if (x80_fast_mode(st) && x80_fast_input(a) && x80_fast_input(b)) {
        FpuX80 fr;
        bool done = op == X_MUL ? x80_fast_mul(a, b, &fr, st)
                    : op == X_DIV ? x80_fast_div(a, b, &fr, st)
                    : x80_fast_add(a, b, op == X_SUB, &fr, st);
        if (done) {
            return fr;
        }
    }

    fpu_unpack_x80(&pa, a, st);
    fpu_unpack_x80(&pb, b, st);
    switch (op) {
    case X_ADD:
        fpu_parts_add(&r, &pa, &pb, false, st);
        break;
    case X_SUB:
        fpu_parts_add(&r, &pa, &pb, true, st);
        break;
    case X_MUL:
        fpu_parts_mul(&r, &pa, &pb, st);
        break;
    default:
        fpu_parts_div(&r, &pa, &pb, st);
        break;
    }
    fpu_denormal_priority(st, before,
                          fpu_is_nan_cls(pa.cls) || fpu_is_nan_cls(pb.cls));
    return fpu_round_pack_x80(&r, x80_prec(st), st);
}

FpuX80 fpu_x80_add(FpuX80 a, FpuX80 b, FpuStatus *st)
{
    return x80_op2(a, b, X_ADD, st);
}

FpuX80 fpu_x80_sub(FpuX80 a, FpuX80 b, FpuStatus *st)
{
    return x80_op2(a, b, X_SUB, st);
}

FpuX80 fpu_x80_mul(FpuX80 a, FpuX80 b, FpuStatus *st)
{
    return x80_op2(a, b, X_MUL, st);
}

FpuX80 fpu_x80_div(FpuX80 a, FpuX80 b, FpuStatus *st)
{
    return x80_op2(a, b, X_DIV, st);
}

FpuX80 fpu_x80_sqrt(FpuX80 a, FpuStatus *st)
{
    FpuParts pa, r;
    uint8_t before = st->flags;


    fpu_unpack_x80(&pa, a, st);
    fpu_parts_sqrt(&r, &pa, st);
    fpu_denormal_priority(st, before, fpu_is_nan_cls(pa.cls));
    return fpu_round_pack_x80(&r, x80_prec(st), st);
}

/* Intel SDM FPREM: when the exponents differ by 64 or more only a partial
 * remainder is formed, reducing the difference by N in [32, 63]; emu uses
 * N = 32 + (D mod 32), which matches the host x87 in the randomized test.
 * The result is exact, so precision control does not apply. */
FpuX80 fpu_x80_fprem(FpuX80 a, FpuX80 b, bool ieee, uint32_t *quot,
                     bool *incomplete, FpuStatus *st)
{
    FpuParts pa, pb, r;
    uint64_t q = 0;
    uint8_t before = st->flags;

    *incomplete = false;
    *quot = 0;
    fpu_unpack_x80(&pa, a, st);
    fpu_unpack_x80(&pb, b, st);
    if (pa.cls == FPU_CLS_NORMAL && pb.cls == FPU_CLS_NORMAL &&
        pa.exp - pb.exp >= 64) {
        int32_t d = pa.exp - pb.exp;
        int32_t n = 32 + d % 32;
        pb.exp += d - n;
        fpu_parts_rem(&r, &pa, &pb, false, &q, st);
        *incomplete = true;
    } else {
        fpu_parts_rem(&r, &pa, &pb, ieee, &q, st);
        *quot = (uint32_t)(q & 7);
    }
    fpu_denormal_priority(st, before,
                          fpu_is_nan_cls(pa.cls) || fpu_is_nan_cls(pb.cls));
    return fpu_round_pack_x80(&r, 64, st);
}

FpuX80 fpu_x80_round_to_int(FpuX80 a, FpuStatus *st)
{
    FpuParts p, r;
    bool inexact;

    fpu_unpack_x80(&p, a, st);
    if (fpu_is_nan_cls(p.cls)) {
        fpu_pick_nan(&r, &p, 1, st);
        return fpu_round_pack_x80(&r, 64, st);
    }
    fpu_parts_round_int(&p, st->rounding, &inexact);
    if (inexact) {
        st->flags |= FPU_FLAG_INEXACT;
    }
    return fpu_round_pack_x80(&p, 64, st);
}

FpuX80 fpu_x80_scale(FpuX80 a, FpuX80 b, FpuStatus *st)
{
    FpuParts pa, pb, r;
    uint8_t before = st->flags;

    fpu_unpack_x80(&pa, a, st);
    fpu_unpack_x80(&pb, b, st);
    if (fpu_is_nan_cls(pa.cls) || fpu_is_nan_cls(pb.cls)) {
        FpuParts ops[2] = { pa, pb };
        fpu_pick_nan(&r, ops, 2, st);
        fpu_denormal_priority(st, before, true);
        return fpu_round_pack_x80(&r, 64, st);
    }
    if (pb.cls == FPU_CLS_INF) {
        if ((!pb.sign && pa.cls == FPU_CLS_ZERO) ||
            (pb.sign && pa.cls == FPU_CLS_INF)) {
            fpu_invalid(&r, st);
            return fpu_round_pack_x80(&r, 64, st);
        }
        if (pa.cls == FPU_CLS_NORMAL) {
            pa.cls = pb.sign ? FPU_CLS_ZERO : FPU_CLS_INF;
        }
        return fpu_round_pack_x80(&pa, 64, st);
    }
    if (pa.cls != FPU_CLS_NORMAL) {
        return fpu_round_pack_x80(&pa, 64, st);
    }
    int32_t n = 0;
    if (pb.cls == FPU_CLS_NORMAL && pb.exp >= 0) {
        n = pb.exp >= 17 ? 0x20000 : (int32_t)(pb.hi >> (63 - pb.exp));
        if (pb.sign) {
            n = -n;
        }
    }
    pa.exp += n;
    /* FSCALE is not subject to precision control (host x87 checked) */
    return fpu_round_pack_x80(&pa, 64, st);
}

int fpu_x80_compare(FpuX80 a, FpuX80 b, bool signaling, FpuStatus *st)
{
    FpuParts pa, pb;
    uint8_t before = st->flags;

    fpu_unpack_x80(&pa, a, st);
    fpu_unpack_x80(&pb, b, st);
    int c = fpu_parts_compare(&pa, &pb, signaling, st);
    fpu_denormal_priority(st, before, c == FPU_CMP_UNORDERED);
    return c;
}

/* ---- conversions ---- */
static FpuX80 ieee_to_x80(uint64_t a, const FpuFormat *fmt, FpuStatus *st)
{
    FpuParts p, r;

    fpu_unpack(&p, a, fmt, st);
    if (fpu_is_nan_cls(p.cls)) {
        fpu_pick_nan(&r, &p, 1, st);
        return fpu_round_pack_x80(&r, 64, st);
    }
    return fpu_round_pack_x80(&p, 64, st);
}

/* Widening a normal number or a zero is exact and raises nothing: the
 * bits move (FLD m32/m64 of ordinary values); the rest goes through the
 * parts for NaN rules and denormal flags. */
FpuX80 fpu_f32_to_x80(uint32_t a, FpuStatus *st)
{
    uint32_t e = (a >> 23) & 0xff;
    uint16_t sign = (uint16_t)((a >> 31) << 15);

    if (e - 1u < 0xfeu) {
        return (FpuX80){ 1ull << 63 | (uint64_t)(a & 0x7fffff) << 40,
                         (uint16_t)(sign | (e - 127 + 16383)) };
    }
    if (!(a << 1)) {
        return (FpuX80){ 0, sign };
    }
    return ieee_to_x80(a, &fpu_fmt_f32, st);
}

FpuX80 fpu_f64_to_x80(uint64_t a, FpuStatus *st)
{
    uint32_t e = (uint32_t)(a >> 52) & 0x7ff;
    uint16_t sign = (uint16_t)((a >> 63) << 15);

    if (e - 1u < 0x7feu) {
        return (FpuX80){ 1ull << 63 | (a & ((1ull << 52) - 1)) << 11,
                         (uint16_t)(sign | (e - 1023 + 16383)) };
    }
    if (!(a << 1)) {
        return (FpuX80){ 0, sign };
    }
    return ieee_to_x80(a, &fpu_fmt_f64, st);
}

static uint64_t x80_to_ieee(FpuX80 a, const FpuFormat *fmt, FpuStatus *st)
{
    FpuParts p, r;
    uint8_t before = st->flags;

    fpu_unpack_x80(&p, a, st);
    /* FST m32/m64 does not raise the denormal-operand flag (host x87) */
    st->flags &= (uint8_t)~(FPU_FLAG_DENORMAL & ~before);
    if (fpu_is_nan_cls(p.cls)) {
        fpu_pick_nan(&r, &p, 1, st);
        return fpu_round_pack(&r, fmt, st);
    }
    return fpu_round_pack(&p, fmt, st);
}

uint32_t fpu_x80_to_f32(FpuX80 a, FpuStatus *st)
{
    return (uint32_t)x80_to_ieee(a, &fpu_fmt_f32, st);
}

uint64_t fpu_x80_to_f64(FpuX80 a, FpuStatus *st)
{
    /* FST m64 fast path (see above): 64 -> 53 bits, nearest even */
    if (x80_fast_mode(st) && x80_fast_input(a)) {
        uint64_t sign = (uint64_t)(a.sign_exp >> 15) << 63;
        int32_t e = (int32_t)(a.sign_exp & 0x7fff) - 16383 + 1023;
        uint64_t keep = a.mant >> 11, rem = a.mant & 0x7ff;

        if (x80_is_zero_enc(a)) {
            return sign;
        }
        if (rem > 0x400 || (rem == 0x400 && (keep & 1))) {
            if (++keep >> 53) {
                keep >>= 1;
                e++;
            }
        }
        if (e >= 2 && e < 0x7ff) {
            if (rem) {
                st->flags |= FPU_FLAG_INEXACT;
            }
            return sign | (uint64_t)e << 52 | (keep & ((1ull << 52) - 1));
        }
    }
    return x80_to_ieee(a, &fpu_fmt_f64, st);
}

FpuX80 fpu_i64_to_x80(int64_t v, FpuStatus *st)
{
    uint64_t mag = v < 0 ? -(uint64_t)v : (uint64_t)v;
    FpuParts p = { FPU_CLS_ZERO, v < 0, 0, 0, 0 };

    if (mag) {
        p.cls = FPU_CLS_NORMAL;
        p.hi = mag;
        p.exp = 63;
        fpu_normalize(&p);
    }
    return fpu_round_pack_x80(&p, 64, st);
}

/* x87 FIST: a NaN or out-of-range value gives the integer indefinite. */
static uint64_t x80_to_int(FpuX80 a, unsigned mode, int bits, FpuStatus *st)
{
    FpuParts p;
    uint8_t saved = st->int_overflow;
    uint8_t before = st->flags;

    fpu_unpack_x80(&p, a, st);
    /* FIST does not raise the denormal-operand flag (host x87) */
    st->flags &= (uint8_t)~(FPU_FLAG_DENORMAL & ~before);
    st->int_overflow = FPU_INTOV_INDEFINITE;
    uint64_t r = fpu_parts_to_int(&p, mode, bits, true, st);
    st->int_overflow = saved;
    return r;
}

int16_t fpu_x80_to_i16(FpuX80 a, FpuStatus *st)
{
    return (int16_t)x80_to_int(a, st->rounding, 16, st);
}

int32_t fpu_x80_to_i32(FpuX80 a, FpuStatus *st)
{
    return (int32_t)x80_to_int(a, st->rounding, 32, st);
}

int64_t fpu_x80_to_i64(FpuX80 a, FpuStatus *st)
{
    return (int64_t)x80_to_int(a, st->rounding, 64, st);
}

int64_t fpu_x80_to_i64_trunc(FpuX80 a, FpuStatus *st)
{
    return (int64_t)x80_to_int(a, FPU_ROUND_ZERO, 64, st);
}

/* ---- classification ---- */
bool fpu_x80_is_nan(FpuX80 a)
{
    return (a.sign_exp & 0x7fff) == 0x7fff && (a.mant << 1) != 0;
}

bool fpu_x80_is_snan(FpuX80 a)
{
    return fpu_x80_is_nan(a) && !((a.mant >> 62) & 1);
}

bool fpu_x80_is_inf(FpuX80 a)
{
    return (a.sign_exp & 0x7fff) == 0x7fff && (a.mant << 1) == 0;
}

bool fpu_x80_is_zero(FpuX80 a)
{
    return (a.sign_exp & 0x7fff) == 0 && a.mant == 0;
}

FpuX80 fpu_x80_default_nan(void)
{
    return (FpuX80){ 0xc000000000000000ull, 0xffff };
}

/* core/fpu/fpu_convert.c — f32/f64 conversions: between formats, to and
 * from integers (saturating or x86/MIPS-legacy results on overflow), fixed
 * point, round-to-integral and scalbn.
 */
#include "core/fpu/fpu_internal.h"

/* ---- float -> integer ---- */
static uint64_t int_overflow(bool nan, bool sign, int bits, bool is_signed,
                             const FpuStatus *st)
{
    uint64_t umax = bits == 64 ? ~0ull : (1ull << bits) - 1;
    uint64_t smax = (1ull << (bits - 1)) - 1;
    uint64_t smin = (uint64_t)-(int64_t)(smax)-1;  /* sign-extended INT_MIN */

    switch (st->int_overflow) {
    case FPU_INTOV_INDEFINITE:
        return is_signed ? smin : umax;
    case FPU_INTOV_MAX:
        return is_signed ? smax : umax;
    default:
        if (nan) {
            return 0;
        }
        if (is_signed) {
            return sign ? smin : smax;
        }
        return sign ? 0 : umax;
    }
}

/* Convert parts to an integer of `bits` width; the result is returned
 * sign-extended (signed) or zero-extended (unsigned) in 64 bits. */
uint64_t fpu_parts_to_int(FpuParts *p, unsigned mode, int bits,
                          bool is_signed, FpuStatus *st)
{
    bool inexact;

    switch (p->cls) {
    case FPU_CLS_QNAN:
    case FPU_CLS_SNAN:
        st->flags |= FPU_FLAG_INVALID;
        return int_overflow(true, p->sign, bits, is_signed, st);
    case FPU_CLS_INF:
        st->flags |= FPU_FLAG_INVALID;
        return int_overflow(false, p->sign, bits, is_signed, st);
    case FPU_CLS_ZERO:
        return 0;
    default:
        break;
    }
    fpu_parts_round_int(p, mode, &inexact);
    if (p->cls == FPU_CLS_ZERO) {
        if (inexact) {
            st->flags |= FPU_FLAG_INEXACT;
        }
        return 0;
    }
    uint64_t mag = p->exp > 63 ? ~0ull : p->hi >> (63 - p->exp);
    uint64_t limit;
    if (is_signed) {
        limit = (1ull << (bits - 1)) - !p->sign;
    } else {
        limit = p->sign ? 0 : (bits == 64 ? ~0ull : (1ull << bits) - 1);
    }
    if (p->exp > 63 || mag > limit) {
        st->flags |= FPU_FLAG_INVALID;
        return int_overflow(false, p->sign, bits, is_signed, st);
    }
    if (inexact) {
        st->flags |= FPU_FLAG_INEXACT;
    }
    return p->sign ? (uint64_t)-(int64_t)mag : mag;
}

static uint64_t f_to_int(uint64_t a, const FpuFormat *fmt, unsigned mode,
                         int bits, bool is_signed, FpuStatus *st)
{
    FpuParts p;
    uint8_t before = st->flags;

    fpu_unpack(&p, a, fmt, st);
    /* x86 CVTSD2SI and friends never raise the denormal-operand flag */
    st->flags &= (uint8_t)~(FPU_FLAG_DENORMAL & ~before);
    return fpu_parts_to_int(&p, mode, bits, is_signed, st);
}

int32_t fpu_f32_to_i32_mode(uint32_t a, unsigned mode, FpuStatus *st)
{
    return (int32_t)f_to_int(a, &fpu_fmt_f32, mode, 32, true, st);
}

uint32_t fpu_f32_to_u32_mode(uint32_t a, unsigned mode, FpuStatus *st)
{
    return (uint32_t)f_to_int(a, &fpu_fmt_f32, mode, 32, false, st);
}

int64_t fpu_f32_to_i64_mode(uint32_t a, unsigned mode, FpuStatus *st)
{
    return (int64_t)f_to_int(a, &fpu_fmt_f32, mode, 64, true, st);
}

uint64_t fpu_f32_to_u64_mode(uint32_t a, unsigned mode, FpuStatus *st)
{
    return f_to_int(a, &fpu_fmt_f32, mode, 64, false, st);
}

int32_t fpu_f64_to_i32_mode(uint64_t a, unsigned mode, FpuStatus *st)
{
    return (int32_t)f_to_int(a, &fpu_fmt_f64, mode, 32, true, st);
}

uint32_t fpu_f64_to_u32_mode(uint64_t a, unsigned mode, FpuStatus *st)
{
    return (uint32_t)f_to_int(a, &fpu_fmt_f64, mode, 32, false, st);
}

int64_t fpu_f64_to_i64_mode(uint64_t a, unsigned mode, FpuStatus *st)
{
    return (int64_t)f_to_int(a, &fpu_fmt_f64, mode, 64, true, st);
}

uint64_t fpu_f64_to_u64_mode(uint64_t a, unsigned mode, FpuStatus *st)
{
    return f_to_int(a, &fpu_fmt_f64, mode, 64, false, st);
}

int32_t fpu_f32_to_i32(uint32_t a, FpuStatus *st)
{
    return fpu_f32_to_i32_mode(a, st->rounding, st);
}

uint32_t fpu_f32_to_u32(uint32_t a, FpuStatus *st)
{
    return fpu_f32_to_u32_mode(a, st->rounding, st);
}

int64_t fpu_f32_to_i64(uint32_t a, FpuStatus *st)
{
    return fpu_f32_to_i64_mode(a, st->rounding, st);
}

uint64_t fpu_f32_to_u64(uint32_t a, FpuStatus *st)
{
    return fpu_f32_to_u64_mode(a, st->rounding, st);
}

int32_t fpu_f64_to_i32(uint64_t a, FpuStatus *st)
{
    return fpu_f64_to_i32_mode(a, st->rounding, st);
}

uint32_t fpu_f64_to_u32(uint64_t a, FpuStatus *st)
{
    return fpu_f64_to_u32_mode(a, st->rounding, st);
}

int64_t fpu_f64_to_i64(uint64_t a, FpuStatus *st)
{
    return fpu_f64_to_i64_mode(a, st->rounding, st);
}

uint64_t fpu_f64_to_u64(uint64_t a, FpuStatus *st)
{
    return fpu_f64_to_u64_mode(a, st->rounding, st);
}

int32_t fpu_f32_to_i32_trunc(uint32_t a, FpuStatus *st)
{
    return fpu_f32_to_i32_mode(a, FPU_ROUND_ZERO, st);
}

uint32_t fpu_f32_to_u32_trunc(uint32_t a, FpuStatus *st)
{
    return fpu_f32_to_u32_mode(a, FPU_ROUND_ZERO, st);
}

int64_t fpu_f32_to_i64_trunc(uint32_t a, FpuStatus *st)
{
    return fpu_f32_to_i64_mode(a, FPU_ROUND_ZERO, st);
}

uint64_t fpu_f32_to_u64_trunc(uint32_t a, FpuStatus *st)
{
    return fpu_f32_to_u64_mode(a, FPU_ROUND_ZERO, st);
}

int32_t fpu_f64_to_i32_trunc(uint64_t a, FpuStatus *st)
{
    return fpu_f64_to_i32_mode(a, FPU_ROUND_ZERO, st);
}

uint32_t fpu_f64_to_u32_trunc(uint64_t a, FpuStatus *st)
{
    return fpu_f64_to_u32_mode(a, FPU_ROUND_ZERO, st);
}

int64_t fpu_f64_to_i64_trunc(uint64_t a, FpuStatus *st)
{
    return fpu_f64_to_i64_mode(a, FPU_ROUND_ZERO, st);
}

uint64_t fpu_f64_to_u64_trunc(uint64_t a, FpuStatus *st)
{
    return fpu_f64_to_u64_mode(a, FPU_ROUND_ZERO, st);
}

/* ---- integer -> float ---- */
static void int_to_parts(FpuParts *p, uint64_t mag, bool sign)
{
    p->sign = sign;
    p->lo = 0;
    if (mag == 0) {
        p->cls = FPU_CLS_ZERO;
        p->hi = 0;
        p->exp = 0;
        return;
    }
    int s = fpu_clz64(mag);
    p->cls = FPU_CLS_NORMAL;
    p->hi = mag << s;
    p->exp = 63 - s;
}

static uint64_t int_to_f(uint64_t mag, bool sign, const FpuFormat *fmt,
                         FpuStatus *st)
{
    FpuParts p;

    int_to_parts(&p, mag, sign);
    return fpu_round_pack(&p, fmt, st);
}

static uint64_t abs64(int64_t v)
{
    return v < 0 ? -(uint64_t)v : (uint64_t)v;
}

uint32_t fpu_i32_to_f32(int32_t v, FpuStatus *st)
{
    return (uint32_t)int_to_f(abs64(v), v < 0, &fpu_fmt_f32, st);
}

uint32_t fpu_u32_to_f32(uint32_t v, FpuStatus *st)
{
    return (uint32_t)int_to_f(v, false, &fpu_fmt_f32, st);
}

uint32_t fpu_i64_to_f32(int64_t v, FpuStatus *st)
{
    return (uint32_t)int_to_f(abs64(v), v < 0, &fpu_fmt_f32, st);
}

uint32_t fpu_u64_to_f32(uint64_t v, FpuStatus *st)
{
    return (uint32_t)int_to_f(v, false, &fpu_fmt_f32, st);
}

uint64_t fpu_i32_to_f64(int32_t v, FpuStatus *st)
{
    return int_to_f(abs64(v), v < 0, &fpu_fmt_f64, st);
}

uint64_t fpu_u32_to_f64(uint32_t v, FpuStatus *st)
{
    return int_to_f(v, false, &fpu_fmt_f64, st);
}

uint64_t fpu_i64_to_f64(int64_t v, FpuStatus *st)
{
    return int_to_f(abs64(v), v < 0, &fpu_fmt_f64, st);
}

uint64_t fpu_u64_to_f64(uint64_t v, FpuStatus *st)
{
    return int_to_f(v, false, &fpu_fmt_f64, st);
}

/* ---- fixed point ---- */
static int64_t f_to_fixed(uint64_t a, const FpuFormat *fmt, int fbits,
                          int bits, bool is_signed, unsigned mode,
                          FpuStatus *st)
{
    FpuParts p;

    fpu_unpack(&p, a, fmt, st);
    if (p.cls == FPU_CLS_NORMAL) {
        p.exp += fbits;
    }
    return (int64_t)fpu_parts_to_int(&p, mode, bits, is_signed, st);
}

int64_t fpu_f32_to_fixed(uint32_t a, int fbits, int bits, bool is_signed,
                         unsigned mode, FpuStatus *st)
{
    return f_to_fixed(a, &fpu_fmt_f32, fbits, bits, is_signed, mode, st);
}

int64_t fpu_f64_to_fixed(uint64_t a, int fbits, int bits, bool is_signed,
                         unsigned mode, FpuStatus *st)
{
    return f_to_fixed(a, &fpu_fmt_f64, fbits, bits, is_signed, mode, st);
}

static uint64_t fixed_to_f(int64_t v, int fbits, bool is_signed,
                           unsigned mode, const FpuFormat *fmt,
                           FpuStatus *st)
{
    FpuParts p;
    uint8_t saved = st->rounding;

    if (is_signed) {
        int_to_parts(&p, abs64(v), v < 0);
    } else {
        int_to_parts(&p, (uint64_t)v, false);
    }
    p.exp -= fbits;
    st->rounding = (uint8_t)mode;
    uint64_t r = fpu_round_pack(&p, fmt, st);
    st->rounding = saved;
    return r;
}

uint32_t fpu_fixed_to_f32(int64_t v, int fbits, bool is_signed, unsigned mode,
                          FpuStatus *st)
{
    return (uint32_t)fixed_to_f(v, fbits, is_signed, mode, &fpu_fmt_f32, st);
}

uint64_t fpu_fixed_to_f64(int64_t v, int fbits, bool is_signed, unsigned mode,
                          FpuStatus *st)
{
    return fixed_to_f(v, fbits, is_signed, mode, &fpu_fmt_f64, st);
}

/* ---- between formats ---- */
static uint64_t f_convert(uint64_t a, const FpuFormat *from,
                          const FpuFormat *to, FpuStatus *st)
{
    FpuParts p, r;

    fpu_unpack(&p, a, from, st);
    if (fpu_is_nan_cls(p.cls)) {
        fpu_pick_nan(&r, &p, 1, st);
        return fpu_round_pack(&r, to, st);
    }
    return fpu_round_pack(&p, to, st);
}

uint64_t fpu_f32_to_f64(uint32_t a, FpuStatus *st)
{
    return f_convert(a, &fpu_fmt_f32, &fpu_fmt_f64, st);
}

uint32_t fpu_f64_to_f32(uint64_t a, FpuStatus *st)
{
    return (uint32_t)f_convert(a, &fpu_fmt_f64, &fpu_fmt_f32, st);
}

/* ---- round to integral, scalbn ---- */
static uint64_t f_round_to_int(uint64_t a, const FpuFormat *fmt,
                               unsigned mode, bool signal_inexact,
                               FpuStatus *st)
{
    FpuParts p, r;
    bool inexact;
    uint8_t before = st->flags;

    fpu_unpack(&p, a, fmt, st);
    /* x86 ROUNDSS/ROUNDSD never raise the denormal-operand flag */
    st->flags &= (uint8_t)~(FPU_FLAG_DENORMAL & ~before);
    if (fpu_is_nan_cls(p.cls)) {
        fpu_pick_nan(&r, &p, 1, st);
        return fpu_round_pack(&r, fmt, st);
    }
    fpu_parts_round_int(&p, mode, &inexact);
    if (inexact && signal_inexact) {
        st->flags |= FPU_FLAG_INEXACT;
    }
    return fpu_round_pack(&p, fmt, st);
}

uint32_t fpu_f32_round_to_int(uint32_t a, unsigned mode, bool signal_inexact,
                              FpuStatus *st)
{
    return (uint32_t)f_round_to_int(a, &fpu_fmt_f32, mode, signal_inexact, st);
}

uint64_t fpu_f64_round_to_int(uint64_t a, unsigned mode, bool signal_inexact,
                              FpuStatus *st)
{
    return f_round_to_int(a, &fpu_fmt_f64, mode, signal_inexact, st);
}

static uint64_t f_scalbn(uint64_t a, int32_t n, const FpuFormat *fmt,
                         FpuStatus *st)
{
    FpuParts p, r;

    fpu_unpack(&p, a, fmt, st);
    if (fpu_is_nan_cls(p.cls)) {
        fpu_pick_nan(&r, &p, 1, st);
        return fpu_round_pack(&r, fmt, st);
    }
    if (p.cls == FPU_CLS_NORMAL) {
        n = n > 0x10000 ? 0x10000 : n < -0x10000 ? -0x10000 : n;
        p.exp += n;
    }
    return fpu_round_pack(&p, fmt, st);
}

uint32_t fpu_f32_scalbn(uint32_t a, int32_t n, FpuStatus *st)
{
    return (uint32_t)f_scalbn(a, n, &fpu_fmt_f32, st);
}

uint64_t fpu_f64_scalbn(uint64_t a, int32_t n, FpuStatus *st)
{
    return f_scalbn(a, n, &fpu_fmt_f64, st);
}

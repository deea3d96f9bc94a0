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

static FpuX80 x80_op2(FpuX80 a, FpuX80 b, int op, FpuStatus *st)
{
    FpuParts pa, pb, r;
    uint8_t before = st->flags;

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

FpuX80 fpu_f32_to_x80(uint32_t a, FpuStatus *st)
{
    return ieee_to_x80(a, &fpu_fmt_f32, st);
}

FpuX80 fpu_f64_to_x80(uint64_t a, FpuStatus *st)
{
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

/* core/fpu/fpu_internal.h — the unpacked number every fpu operation works
 * on (sign, unbounded exponent, 128-bit significand), format descriptions
 * and the 128-bit integer helpers. Private to core/fpu/.
 */
#ifndef EMU_CORE_FPU_INTERNAL_H
#define EMU_CORE_FPU_INTERNAL_H

#include "core/fpu/fpu.h"

enum {
    FPU_CLS_ZERO = 0,
    FPU_CLS_NORMAL,    /* finite nonzero (denormal inputs are normalized) */
    FPU_CLS_INF,
    FPU_CLS_QNAN,
    FPU_CLS_SNAN,
};

/* value = (-1)^sign * (hi:lo / 2^127) * 2^exp; for NORMAL the top bit of hi
 * is set. For NaNs hi:lo holds the stored fraction left-aligned, so its top
 * bit is the quiet bit of the format. */
/* exp of an FPU_CLS_SNAN that stands for an invalid x87 encoding (unnormal,
 * pseudo-NaN, pseudo-infinity): any operation on it gives the default NaN */
#define FPU_EXP_INVALID_ENCODING INT32_MIN

typedef struct FpuParts {
    uint8_t cls;
    bool sign;
    int32_t exp;
    uint64_t hi, lo;
} FpuParts;

typedef struct FpuFormat {
    uint8_t frac_bits;   /* stored fraction bits below the integer bit */
    uint8_t prec;        /* significand bits incl. the integer bit */
    int32_t bias;
    int32_t exp_max;     /* all-ones biased exponent (inf/NaN) */
} FpuFormat;

extern const FpuFormat fpu_fmt_f32;
extern const FpuFormat fpu_fmt_f64;
extern const FpuFormat fpu_fmt_x80;

/* ---- 128-bit helpers ---- */
static inline int fpu_clz64(uint64_t v)
{
    return v ? __builtin_clzll(v) : 64;
}

/* Shift hi:lo right by n, ORing lost bits into bit 0 (sticky). */
static inline void fpu_shr_jam(uint64_t *hi, uint64_t *lo, int n)
{
    if (n <= 0) {
        return;
    }
    if (n >= 128) {
        *lo = (*hi | *lo) != 0;
        *hi = 0;
    } else if (n >= 64) {
        uint64_t lost = (n == 64 ? 0 : (*hi << (128 - n))) | *lo;
        *lo = (n == 64 ? *hi : *hi >> (n - 64)) | (lost != 0);
        *hi = 0;
    } else {
        uint64_t lost = *lo << (64 - n);
        *lo = (*hi << (64 - n)) | (*lo >> n) | (lost != 0);
        *hi >>= n;
    }
}

static inline void fpu_shl128(uint64_t *hi, uint64_t *lo, int n)
{
    if (n <= 0) {
        return;
    }
    if (n >= 64) {
        *hi = n >= 128 ? 0 : *lo << (n - 64);
        *lo = 0;
    } else {
        *hi = (*hi << n) | (*lo >> (64 - n));
        *lo <<= n;
    }
}

/* Shift left so the top bit of hi is set; adjusts *exp. hi:lo nonzero. */
static inline void fpu_normalize(FpuParts *p)
{
    int n = p->hi ? fpu_clz64(p->hi) : 64 + fpu_clz64(p->lo);
    fpu_shl128(&p->hi, &p->lo, n);
    p->exp -= n;
}

static inline void fpu_mul64(uint64_t a, uint64_t b, uint64_t *hi,
                             uint64_t *lo)
{
    uint64_t al = (uint32_t)a, ah = a >> 32, bl = (uint32_t)b, bh = b >> 32;
    uint64_t ll = al * bl, lh = al * bh, hl = ah * bl, hh = ah * bh;
    uint64_t mid = (ll >> 32) + (uint32_t)lh + (uint32_t)hl;
    *lo = (mid << 32) | (uint32_t)ll;
    *hi = hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
}

/* (u1:u0) / v with v normalized (top bit set) and u1 < v; returns the
 * 64-bit quotient, *rem the remainder (Knuth D with 32-bit digits). */
uint64_t fpu_div128(uint64_t u1, uint64_t u0, uint64_t v, uint64_t *rem);

static inline bool fpu_is_nan_cls(uint8_t cls)
{
    return cls == FPU_CLS_QNAN || cls == FPU_CLS_SNAN;
}

/* x86 raises the denormal-operand flag only when no NaN operand, invalid
 * operation or division by zero takes precedence (Intel SDM 4.9.2
 * exception priority); called after an op with the flags from before it. */
static inline void fpu_denormal_priority(FpuStatus *st, uint8_t before,
                                         bool nan_operand)
{
    if (!(before & FPU_FLAG_DENORMAL) &&
        (nan_operand ||
         (st->flags & ~before & (FPU_FLAG_INVALID | FPU_FLAG_DIVBYZERO)))) {
        st->flags &= (uint8_t)~FPU_FLAG_DENORMAL;
    }
}

/* ---- fpu_parts.c ---- */
void fpu_unpack(FpuParts *p, uint64_t bits, const FpuFormat *fmt,
                FpuStatus *st);
void fpu_unpack_x80(FpuParts *p, FpuX80 v, FpuStatus *st);
/* Round p (any class) to fmt with prec significand bits; returns bits. */
uint64_t fpu_round_pack(FpuParts *p, const FpuFormat *fmt, FpuStatus *st);
FpuX80 fpu_round_pack_x80(FpuParts *p, int prec, FpuStatus *st);
/* Make p the default NaN of the status (cls QNAN). */
void fpu_default_nan(FpuParts *p, const FpuStatus *st);
/* Quiet a NaN in place (default NaN when the format cannot). */
void fpu_silence(FpuParts *p, const FpuStatus *st);
/* Pick the NaN result of an operation with n NaN-or-number operands in
 * order; raises invalid on SNaN. */
void fpu_pick_nan(FpuParts *r, const FpuParts *ops, int n, FpuStatus *st);
/* Invalid operation: r = default NaN, invalid raised. */
void fpu_invalid(FpuParts *r, FpuStatus *st);

/* ---- fpu_arith.c ---- */
void fpu_parts_add(FpuParts *r, const FpuParts *a, const FpuParts *b,
                   bool subtract, FpuStatus *st);
void fpu_parts_mul(FpuParts *r, const FpuParts *a, const FpuParts *b,
                   FpuStatus *st);
void fpu_parts_div(FpuParts *r, const FpuParts *a, const FpuParts *b,
                   FpuStatus *st);
void fpu_parts_sqrt(FpuParts *r, const FpuParts *a, FpuStatus *st);
void fpu_parts_muladd(FpuParts *r, const FpuParts *a, const FpuParts *b,
                      const FpuParts *c, unsigned flags, FpuStatus *st);
/* Remainder: ieee picks the nearest quotient, else truncated. max_bits > 0
 * limits the quotient bits computed (x87 partial remainder). */
void fpu_parts_rem(FpuParts *r, const FpuParts *a, const FpuParts *b,
                   bool ieee, uint64_t *quot_low, FpuStatus *st);
/* Round a finite value to an integral value in mode (exact integer result
 * in parts form); sets *inexact. */
void fpu_parts_round_int(FpuParts *p, unsigned mode, bool *inexact);
/* ---- fpu_convert.c ---- */
/* Parts to an integer of `bits` width rounded in mode; NaN and overflow per
 * st->int_overflow; returned sign- or zero-extended. */
uint64_t fpu_parts_to_int(FpuParts *p, unsigned mode, int bits,
                          bool is_signed, FpuStatus *st);

int fpu_parts_compare(const FpuParts *a, const FpuParts *b, bool signaling,
                      FpuStatus *st);

#endif

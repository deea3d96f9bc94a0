/* core/fpu/fpu_float.c — the f32/f64 public operations: host fast paths
 * where the host FPU provably gives the same bits and flags, otherwise the
 * exact soft path through FpuParts. Also min/max, compare, classification.
 */
#include <math.h>
#include <string.h>

#include "core/fpu/fpu_internal.h"

/* ---- host fast paths ----
 * The host is assumed to run in round-to-nearest with no flush modes (emu
 * never changes them) and, for float, to evaluate in the type's own
 * precision (FLT_EVAL_METHOD 0: SSE on x86_64; not the x87 of i386 hosts).
 * A result is taken from the host only when: the guest rounds to nearest
 * even, inexact is already set in the status (so we need not know whether
 * this op was exact), every input is a normal number or zero (no NaN
 * rules, no denormal flushing or flags), and the result is a normal number
 * at least twice the smallest normal (no overflow, no tininess in either
 * detection mode) or a zero that cannot come from underflow. */
#if defined(__FLT_EVAL_METHOD__) && __FLT_EVAL_METHOD__ == 0
#define FPU_HOST_FAST 1
#else
#define FPU_HOST_FAST 0
#endif

static inline float f32_host(uint32_t v)
{
    float f;
    memcpy(&f, &v, 4);
    return f;
}

static inline uint32_t f32_bits(float f)
{
    uint32_t v;
    memcpy(&v, &f, 4);
    return v;
}

static inline double f64_host(uint64_t v)
{
    double f;
    memcpy(&f, &v, 8);
    return f;
}

static inline uint64_t f64_bits(double f)
{
    uint64_t v;
    memcpy(&v, &f, 8);
    return v;
}

static inline bool fast_status(const FpuStatus *st)
{
    return FPU_HOST_FAST && st->rounding == FPU_ROUND_NEAREST_EVEN &&
           (st->flags & FPU_FLAG_INEXACT);
}

/* normal or zero */
static inline bool f32_plain(uint32_t a)
{
    return ((a >> 23) & 0xff) - 1u < 0xfeu || (a << 1) == 0;
}

static inline bool f64_plain(uint64_t a)
{
    return ((a >> 52) & 0x7ff) - 1u < 0x7feu || (a << 1) == 0;
}

/* normal with biased exponent >= 2 */
static inline bool f32_safe_result(uint32_t r)
{
    return ((r >> 23) & 0xff) - 2u < 0xfdu;
}

static inline bool f64_safe_result(uint64_t r)
{
    return ((r >> 52) & 0x7ff) - 2u < 0x7fdu;
}

static inline bool f32_zero(uint32_t a)
{
    return (a << 1) == 0;
}

static inline bool f64_zero(uint64_t a)
{
    return (a << 1) == 0;
}

/* ---- soft paths ---- */
enum { OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_REM };

static uint64_t soft_op2(uint64_t a, uint64_t b, int op,
                         const FpuFormat *fmt, FpuStatus *st)
{
    FpuParts pa, pb, r;
    uint64_t q;
    uint8_t before = st->flags;

    fpu_unpack(&pa, a, fmt, st);
    fpu_unpack(&pb, b, fmt, st);
    switch (op) {
    case OP_ADD:
        fpu_parts_add(&r, &pa, &pb, false, st);
        break;
    case OP_SUB:
        fpu_parts_add(&r, &pa, &pb, true, st);
        break;
    case OP_MUL:
        fpu_parts_mul(&r, &pa, &pb, st);
        break;
    case OP_DIV:
        fpu_parts_div(&r, &pa, &pb, st);
        break;
    default:
        fpu_parts_rem(&r, &pa, &pb, true, &q, st);
        break;
    }
    fpu_denormal_priority(st, before,
                          fpu_is_nan_cls(pa.cls) || fpu_is_nan_cls(pb.cls));
    return fpu_round_pack(&r, fmt, st);
}

static uint64_t soft_sqrt(uint64_t a, const FpuFormat *fmt, FpuStatus *st)
{
    FpuParts pa, r;
    uint8_t before = st->flags;

    fpu_unpack(&pa, a, fmt, st);
    fpu_parts_sqrt(&r, &pa, st);
    fpu_denormal_priority(st, before, fpu_is_nan_cls(pa.cls));
    return fpu_round_pack(&r, fmt, st);
}

static uint64_t soft_muladd(uint64_t a, uint64_t b, uint64_t c,
                            unsigned flags, const FpuFormat *fmt,
                            FpuStatus *st)
{
    FpuParts pa, pb, pc, r;
    uint8_t before = st->flags;

    fpu_unpack(&pa, a, fmt, st);
    fpu_unpack(&pb, b, fmt, st);
    fpu_unpack(&pc, c, fmt, st);
    fpu_parts_muladd(&r, &pa, &pb, &pc, flags, st);
    fpu_denormal_priority(st, before, fpu_is_nan_cls(pa.cls) ||
                          fpu_is_nan_cls(pb.cls) || fpu_is_nan_cls(pc.cls));
    return fpu_round_pack(&r, fmt, st);
}

/* ---- f32 ---- */
uint32_t fpu_f32_add(uint32_t a, uint32_t b, FpuStatus *st)
{
    if (fast_status(st) && f32_plain(a) && f32_plain(b)) {
        uint32_t r = f32_bits(f32_host(a) + f32_host(b));
        if (f32_safe_result(r) || f32_zero(r)) {
            return r;
        }
    }
    return (uint32_t)soft_op2(a, b, OP_ADD, &fpu_fmt_f32, st);
}

uint32_t fpu_f32_sub(uint32_t a, uint32_t b, FpuStatus *st)
{
    if (fast_status(st) && f32_plain(a) && f32_plain(b)) {
        uint32_t r = f32_bits(f32_host(a) - f32_host(b));
        if (f32_safe_result(r) || f32_zero(r)) {
            return r;
        }
    }
    return (uint32_t)soft_op2(a, b, OP_SUB, &fpu_fmt_f32, st);
}

uint32_t fpu_f32_mul(uint32_t a, uint32_t b, FpuStatus *st)
{
    if (fast_status(st) && f32_plain(a) && f32_plain(b)) {
        uint32_t r = f32_bits(f32_host(a) * f32_host(b));
        if (f32_safe_result(r) || f32_zero(a) || f32_zero(b)) {
            return r;
        }
    }
    return (uint32_t)soft_op2(a, b, OP_MUL, &fpu_fmt_f32, st);
}

uint32_t fpu_f32_div(uint32_t a, uint32_t b, FpuStatus *st)
{
    if (fast_status(st) && f32_plain(a) && f32_plain(b) && !f32_zero(b)) {
        uint32_t r = f32_bits(f32_host(a) / f32_host(b));
        if (f32_safe_result(r) || f32_zero(a)) {
            return r;
        }
    }
    return (uint32_t)soft_op2(a, b, OP_DIV, &fpu_fmt_f32, st);
}

uint32_t fpu_f32_sqrt(uint32_t a, FpuStatus *st)
{
    if (fast_status(st) && f32_plain(a) && !(a >> 31)) {
        return f32_bits(sqrtf(f32_host(a)));
    }
    return (uint32_t)soft_sqrt(a, &fpu_fmt_f32, st);
}

#if FPU_HOST_FAST && defined(__x86_64__)
__attribute__((target("fma"))) static float host_fmaf(float a, float b,
                                                      float c)
{
    return __builtin_fmaf(a, b, c);
}

__attribute__((target("fma"))) static double host_fma(double a, double b,
                                                      double c)
{
    return __builtin_fma(a, b, c);
}

static inline bool host_has_fma(void)
{
    return __builtin_cpu_supports("fma");
}
#else
static float host_fmaf(float a, float b, float c)
{
    return a * b + c;
}

static double host_fma(double a, double b, double c)
{
    return a * b + c;
}

static inline bool host_has_fma(void)
{
    return false;
}
#endif

uint32_t fpu_f32_muladd(uint32_t a, uint32_t b, uint32_t c, unsigned flags,
                        FpuStatus *st)
{
    if (fast_status(st) && f32_plain(a) && f32_plain(b) && f32_plain(c) &&
        host_has_fma()) {
        float fa = f32_host(a), fc = f32_host(c);
        if (flags & FPU_MULADD_NEGATE_PRODUCT) {
            fa = -fa;
        }
        if (flags & FPU_MULADD_NEGATE_ADDEND) {
            fc = -fc;
        }
        uint32_t r = f32_bits(host_fmaf(fa, f32_host(b), fc));
        if (f32_safe_result(r)) {
            return (flags & FPU_MULADD_NEGATE_RESULT) ? r ^ 0x80000000u : r;
        }
    }
    return (uint32_t)soft_muladd(a, b, c, flags, &fpu_fmt_f32, st);
}

uint32_t fpu_f32_rem(uint32_t a, uint32_t b, FpuStatus *st)
{
    return (uint32_t)soft_op2(a, b, OP_REM, &fpu_fmt_f32, st);
}

/* ---- f64 ---- */
uint64_t fpu_f64_add(uint64_t a, uint64_t b, FpuStatus *st)
{
    if (fast_status(st) && f64_plain(a) && f64_plain(b)) {
        uint64_t r = f64_bits(f64_host(a) + f64_host(b));
        if (f64_safe_result(r) || f64_zero(r)) {
            return r;
        }
    }
    return soft_op2(a, b, OP_ADD, &fpu_fmt_f64, st);
}

uint64_t fpu_f64_sub(uint64_t a, uint64_t b, FpuStatus *st)
{
    if (fast_status(st) && f64_plain(a) && f64_plain(b)) {
        uint64_t r = f64_bits(f64_host(a) - f64_host(b));
        if (f64_safe_result(r) || f64_zero(r)) {
            return r;
        }
    }
    return soft_op2(a, b, OP_SUB, &fpu_fmt_f64, st);
}

uint64_t fpu_f64_mul(uint64_t a, uint64_t b, FpuStatus *st)
{
    if (fast_status(st) && f64_plain(a) && f64_plain(b)) {
        uint64_t r = f64_bits(f64_host(a) * f64_host(b));
        if (f64_safe_result(r) || f64_zero(a) || f64_zero(b)) {
            return r;
        }
    }
    return soft_op2(a, b, OP_MUL, &fpu_fmt_f64, st);
}

uint64_t fpu_f64_div(uint64_t a, uint64_t b, FpuStatus *st)
{
    if (fast_status(st) && f64_plain(a) && f64_plain(b) && !f64_zero(b)) {
        uint64_t r = f64_bits(f64_host(a) / f64_host(b));
        if (f64_safe_result(r) || f64_zero(a)) {
            return r;
        }
    }
    return soft_op2(a, b, OP_DIV, &fpu_fmt_f64, st);
}

uint64_t fpu_f64_sqrt(uint64_t a, FpuStatus *st)
{
    if (fast_status(st) && f64_plain(a) && !(a >> 63)) {
        return f64_bits(sqrt(f64_host(a)));
    }
    return soft_sqrt(a, &fpu_fmt_f64, st);
}

uint64_t fpu_f64_muladd(uint64_t a, uint64_t b, uint64_t c, unsigned flags,
                        FpuStatus *st)
{
    if (fast_status(st) && f64_plain(a) && f64_plain(b) && f64_plain(c) &&
        host_has_fma()) {
        double fa = f64_host(a), fc = f64_host(c);
        if (flags & FPU_MULADD_NEGATE_PRODUCT) {
            fa = -fa;
        }
        if (flags & FPU_MULADD_NEGATE_ADDEND) {
            fc = -fc;
        }
        uint64_t r = f64_bits(host_fma(fa, f64_host(b), fc));
        if (f64_safe_result(r)) {
            return (flags & FPU_MULADD_NEGATE_RESULT) ? r ^ (1ull << 63) : r;
        }
    }
    return soft_muladd(a, b, c, flags, &fpu_fmt_f64, st);
}

uint64_t fpu_f64_rem(uint64_t a, uint64_t b, FpuStatus *st)
{
    return soft_op2(a, b, OP_REM, &fpu_fmt_f64, st);
}

/* ---- min / max / compare (shared by both formats) ---- */
enum { MM_MIN = 0, MM_MAX = 1 };

/* The value of an input as returned by min/max: a flushed denormal input
 * is returned as a signed zero, anything else as its own bits. */
static uint64_t input_bits(uint64_t orig, const FpuParts *p,
                           const FpuFormat *fmt)
{
    if (p->cls == FPU_CLS_ZERO) {
        return orig & (1ull << (fmt->frac_bits + (fmt->prec == 24 ? 8 : 11)));
    }
    return orig;
}

static uint64_t minmax(uint64_t a, uint64_t b, int which, bool num,
                       const FpuFormat *fmt, FpuStatus *st)
{
    FpuParts pa, pb, r;
    uint8_t before = st->flags;

    fpu_unpack(&pa, a, fmt, st);
    fpu_unpack(&pb, b, fmt, st);
    if (fpu_is_nan_cls(pa.cls) || fpu_is_nan_cls(pb.cls)) {
        fpu_denormal_priority(st, before, true);
        if (num && pa.cls == FPU_CLS_QNAN && !fpu_is_nan_cls(pb.cls)) {
            return input_bits(b, &pb, fmt);
        }
        if (num && pb.cls == FPU_CLS_QNAN && !fpu_is_nan_cls(pa.cls)) {
            return input_bits(a, &pa, fmt);
        }
        FpuParts ops[2] = { pa, pb };
        fpu_pick_nan(&r, ops, 2, st);
        return fpu_round_pack(&r, fmt, st);
    }
    int c = fpu_parts_compare(&pa, &pb, false, st);
    bool take_a;
    if (c == FPU_CMP_EQUAL) {
        /* -0 < +0 */
        take_a = which == MM_MIN ? pa.sign : !pa.sign;
    } else {
        take_a = (c == FPU_CMP_LESS) == (which == MM_MIN);
    }
    return take_a ? input_bits(a, &pa, fmt) : input_bits(b, &pb, fmt);
}

static uint64_t minmax_x86(uint64_t a, uint64_t b, int which,
                           const FpuFormat *fmt, FpuStatus *st)
{
    FpuParts pa, pb;
    uint8_t before = st->flags;

    fpu_unpack(&pa, a, fmt, st);
    fpu_unpack(&pb, b, fmt, st);
    int c = fpu_parts_compare(&pa, &pb, true, st);
    fpu_denormal_priority(st, before, c == FPU_CMP_UNORDERED);
    bool take_a = which == MM_MIN ? c == FPU_CMP_LESS : c == FPU_CMP_GREATER;
    return take_a ? input_bits(a, &pa, fmt) : input_bits(b, &pb, fmt);
}

uint32_t fpu_f32_min(uint32_t a, uint32_t b, FpuStatus *st)
{
    return (uint32_t)minmax(a, b, MM_MIN, false, &fpu_fmt_f32, st);
}

uint32_t fpu_f32_max(uint32_t a, uint32_t b, FpuStatus *st)
{
    return (uint32_t)minmax(a, b, MM_MAX, false, &fpu_fmt_f32, st);
}

uint32_t fpu_f32_minnum(uint32_t a, uint32_t b, FpuStatus *st)
{
    return (uint32_t)minmax(a, b, MM_MIN, true, &fpu_fmt_f32, st);
}

uint32_t fpu_f32_maxnum(uint32_t a, uint32_t b, FpuStatus *st)
{
    return (uint32_t)minmax(a, b, MM_MAX, true, &fpu_fmt_f32, st);
}

uint32_t fpu_f32_min_x86(uint32_t a, uint32_t b, FpuStatus *st)
{
    return (uint32_t)minmax_x86(a, b, MM_MIN, &fpu_fmt_f32, st);
}

uint32_t fpu_f32_max_x86(uint32_t a, uint32_t b, FpuStatus *st)
{
    return (uint32_t)minmax_x86(a, b, MM_MAX, &fpu_fmt_f32, st);
}

int fpu_f32_compare(uint32_t a, uint32_t b, bool signaling, FpuStatus *st)
{
    FpuParts pa, pb;
    uint8_t before = st->flags;

    fpu_unpack(&pa, a, &fpu_fmt_f32, st);
    fpu_unpack(&pb, b, &fpu_fmt_f32, st);
    int c = fpu_parts_compare(&pa, &pb, signaling, st);
    fpu_denormal_priority(st, before, c == FPU_CMP_UNORDERED);
    return c;
}

uint64_t fpu_f64_min(uint64_t a, uint64_t b, FpuStatus *st)
{
    return minmax(a, b, MM_MIN, false, &fpu_fmt_f64, st);
}

uint64_t fpu_f64_max(uint64_t a, uint64_t b, FpuStatus *st)
{
    return minmax(a, b, MM_MAX, false, &fpu_fmt_f64, st);
}

uint64_t fpu_f64_minnum(uint64_t a, uint64_t b, FpuStatus *st)
{
    return minmax(a, b, MM_MIN, true, &fpu_fmt_f64, st);
}

uint64_t fpu_f64_maxnum(uint64_t a, uint64_t b, FpuStatus *st)
{
    return minmax(a, b, MM_MAX, true, &fpu_fmt_f64, st);
}

uint64_t fpu_f64_min_x86(uint64_t a, uint64_t b, FpuStatus *st)
{
    return minmax_x86(a, b, MM_MIN, &fpu_fmt_f64, st);
}

uint64_t fpu_f64_max_x86(uint64_t a, uint64_t b, FpuStatus *st)
{
    return minmax_x86(a, b, MM_MAX, &fpu_fmt_f64, st);
}

int fpu_f64_compare(uint64_t a, uint64_t b, bool signaling, FpuStatus *st)
{
    FpuParts pa, pb;
    uint8_t before = st->flags;

    fpu_unpack(&pa, a, &fpu_fmt_f64, st);
    fpu_unpack(&pb, b, &fpu_fmt_f64, st);
    int c = fpu_parts_compare(&pa, &pb, signaling, st);
    fpu_denormal_priority(st, before, c == FPU_CMP_UNORDERED);
    return c;
}

/* ---- classification ---- */
bool fpu_f32_is_nan(uint32_t a)
{
    return (a & 0x7fffffffu) > 0x7f800000u;
}

bool fpu_f32_is_snan(uint32_t a, const FpuStatus *st)
{
    return fpu_f32_is_nan(a) && (((a >> 22) & 1) == st->snan_bit_is_one);
}

bool fpu_f32_is_inf(uint32_t a)
{
    return (a & 0x7fffffffu) == 0x7f800000u;
}

bool fpu_f32_is_zero(uint32_t a)
{
    return (a & 0x7fffffffu) == 0;
}

bool fpu_f32_is_denormal(uint32_t a)
{
    return (a & 0x7f800000u) == 0 && (a & 0x7fffffu) != 0;
}

bool fpu_f64_is_nan(uint64_t a)
{
    return (a & ~(1ull << 63)) > 0x7ff0000000000000ull;
}

bool fpu_f64_is_snan(uint64_t a, const FpuStatus *st)
{
    return fpu_f64_is_nan(a) && (((a >> 51) & 1) == st->snan_bit_is_one);
}

bool fpu_f64_is_inf(uint64_t a)
{
    return (a & ~(1ull << 63)) == 0x7ff0000000000000ull;
}

bool fpu_f64_is_zero(uint64_t a)
{
    return (a << 1) == 0;
}

bool fpu_f64_is_denormal(uint64_t a)
{
    return (a & 0x7ff0000000000000ull) == 0 && (a << 12) != 0;
}

uint32_t fpu_f32_default_nan(const FpuStatus *st)
{
    FpuParts p;
    FpuStatus s = *st;

    fpu_default_nan(&p, st);
    return (uint32_t)fpu_round_pack(&p, &fpu_fmt_f32, &s);
}

uint64_t fpu_f64_default_nan(const FpuStatus *st)
{
    FpuParts p;
    FpuStatus s = *st;

    fpu_default_nan(&p, st);
    return fpu_round_pack(&p, &fpu_fmt_f64, &s);
}

uint32_t fpu_f32_silence_nan(uint32_t a, const FpuStatus *st)
{
    if (!fpu_f32_is_snan(a, st)) {
        return a;
    }
    return st->snan_bit_is_one ? fpu_f32_default_nan(st) : a | 0x00400000u;
}

uint64_t fpu_f64_silence_nan(uint64_t a, const FpuStatus *st)
{
    if (!fpu_f64_is_snan(a, st)) {
        return a;
    }
    return st->snan_bit_is_one ? fpu_f64_default_nan(st)
                               : a | (1ull << 51);
}

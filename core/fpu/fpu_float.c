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
 * even, every input is a normal number or zero (no NaN rules, no denormal
 * flushing or flags), and the result is a normal number at least twice
 * the smallest normal (no overflow, no tininess in either detection mode)
 * or a zero that cannot come from underflow. Such a result can only raise
 * inexact: add, sub, mul, div and sqrt find out whether it was exact
 * (error-free transformations, or the significands' odd parts as
 * integers) unless inexact is already set, so programs whose arithmetic
 * stays exact (small integers, halves, quarters) run at host speed too.
 * Fused multiply-add takes the host only once inexact is set. */
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

static inline bool fast_rounding(const FpuStatus *st)
{
    return FPU_HOST_FAST && st->rounding == FPU_ROUND_NEAREST_EVEN;
}

static inline bool inexact_known(const FpuStatus *st)
{
    return (st->flags & FPU_FLAG_INEXACT) != 0;
}

static inline void note_inexact(FpuStatus *st, bool inexact)
{
    if (inexact) {
        st->flags |= FPU_FLAG_INEXACT;
    }
}

/* The odd part of the significand (integer bit included) of a normal
 * number; a value is that times a power of two. */
static inline uint64_t f64_odd_sig(uint64_t a)
{
    uint64_t m = (a & ((1ull << 52) - 1)) | 1ull << 52;

    return m >> __builtin_ctzll(m);
}

/* Whether a + b (or a - b: pass -b) rounded to r was exact: TwoSum's
 * error term, exact in round-to-nearest when nothing overflows; callers
 * keep inputs of the top binade (where r - a could) to the soft path. */
static inline bool f32_sum_inexact(float a, float b, float r)
{
    float bv = r - a;
    float av = r - bv;

    return (a - av) + (b - bv) != 0.0f;
}

static inline bool f64_sum_inexact(double a, double b, double r)
{
    double bv = r - a;
    double av = r - bv;

    return (a - av) + (b - bv) != 0.0;
}

static inline bool f32_top_binade(uint32_t a)
{
    return ((a >> 23) & 0xff) >= 0xfe;
}

static inline bool f64_top_binade(uint64_t a)
{
    return ((a >> 52) & 0x7ff) >= 0x7fe;
}

/* The product of normal numbers is exact when the product of their
 * significands' odd parts fits the significand (53 bits). */
static inline bool f64_mul_inexact(uint64_t a, uint64_t b)
{
    uint64_t p;

    return __builtin_mul_overflow(f64_odd_sig(a), f64_odd_sig(b), &p) ||
           p >> 53;
}

/* a / b of normal numbers is a binary fraction, hence exact when it is
 * in range, iff b's odd part divides a's. */
static inline bool f64_div_inexact(uint64_t a, uint64_t b)
{
    return f64_odd_sig(a) % f64_odd_sig(b) != 0;
}

/* A normal r = sqrt(a) is exact iff r * r == a: the odd parts agree. */
static inline bool f64_sqrt_inexact(uint64_t a, uint64_t r)
{
    unsigned __int128 o = f64_odd_sig(r);

    return o * o != f64_odd_sig(a);
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
    if (fast_rounding(st) && f32_plain(a) && f32_plain(b)) {
        float fa = f32_host(a), fb = f32_host(b), fr = fa + fb;
        uint32_t r = f32_bits(fr);
        if (f32_safe_result(r) || f32_zero(r)) {
            if (inexact_known(st)) {
                return r;
            }
            if (!f32_top_binade(a) && !f32_top_binade(b)) {
                note_inexact(st, f32_sum_inexact(fa, fb, fr));
                return r;
            }
        }
    }
    return (uint32_t)soft_op2(a, b, OP_ADD, &fpu_fmt_f32, st);
}

uint32_t fpu_f32_sub(uint32_t a, uint32_t b, FpuStatus *st)
{
    if (fast_rounding(st) && f32_plain(a) && f32_plain(b)) {
        float fa = f32_host(a), fb = f32_host(b), fr = fa - fb;
        uint32_t r = f32_bits(fr);
        if (f32_safe_result(r) || f32_zero(r)) {
            if (inexact_known(st)) {
                return r;
            }
            if (!f32_top_binade(a) && !f32_top_binade(b)) {
                note_inexact(st, f32_sum_inexact(fa, -fb, fr));
                return r;
            }
        }
    }
    return (uint32_t)soft_op2(a, b, OP_SUB, &fpu_fmt_f32, st);
}

uint32_t fpu_f32_mul(uint32_t a, uint32_t b, FpuStatus *st)
{
    if (fast_rounding(st) && f32_plain(a) && f32_plain(b)) {
        /* the double product of two floats is exact */
        double p = (double)f32_host(a) * (double)f32_host(b);
        float fr = (float)p;
        uint32_t r = f32_bits(fr);
        if (f32_safe_result(r) || f32_zero(a) || f32_zero(b)) {
            note_inexact(st, (double)fr != p);
            return r;
        }
    }
    return (uint32_t)soft_op2(a, b, OP_MUL, &fpu_fmt_f32, st);
}

uint32_t fpu_f32_div(uint32_t a, uint32_t b, FpuStatus *st)
{
    if (fast_rounding(st) && f32_plain(a) && f32_plain(b) && !f32_zero(b)) {
        float fa = f32_host(a), fb = f32_host(b), fr = fa / fb;
        uint32_t r = f32_bits(fr);
        if (f32_safe_result(r) || f32_zero(a)) {
            /* exact iff r * b == a: the double product is exact */
            note_inexact(st, (double)fr * (double)fb != (double)fa);
            return r;
        }
    }
    return (uint32_t)soft_op2(a, b, OP_DIV, &fpu_fmt_f32, st);
}

uint32_t fpu_f32_sqrt(uint32_t a, FpuStatus *st)
{
    if (fast_rounding(st) && f32_plain(a) && !(a >> 31)) {
        float fr = sqrtf(f32_host(a));
        note_inexact(st, (double)fr * (double)fr != (double)f32_host(a));
        return f32_bits(fr);
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
    if (fast_rounding(st) && f64_plain(a) && f64_plain(b)) {
        double fa = f64_host(a), fb = f64_host(b), fr = fa + fb;
        uint64_t r = f64_bits(fr);
        if (f64_safe_result(r) || f64_zero(r)) {
            if (inexact_known(st)) {
                return r;
            }
            if (!f64_top_binade(a) && !f64_top_binade(b)) {
                note_inexact(st, f64_sum_inexact(fa, fb, fr));
                return r;
            }
        }
    }
    return soft_op2(a, b, OP_ADD, &fpu_fmt_f64, st);
}

uint64_t fpu_f64_sub(uint64_t a, uint64_t b, FpuStatus *st)
{
    if (fast_rounding(st) && f64_plain(a) && f64_plain(b)) {
        double fa = f64_host(a), fb = f64_host(b), fr = fa - fb;
        uint64_t r = f64_bits(fr);
        if (f64_safe_result(r) || f64_zero(r)) {
            if (inexact_known(st)) {
                return r;
            }
            if (!f64_top_binade(a) && !f64_top_binade(b)) {
                note_inexact(st, f64_sum_inexact(fa, -fb, fr));
                return r;
            }
        }
    }
    return soft_op2(a, b, OP_SUB, &fpu_fmt_f64, st);
}

uint64_t fpu_f64_mul(uint64_t a, uint64_t b, FpuStatus *st)
{
    if (fast_rounding(st) && f64_plain(a) && f64_plain(b)) {
        uint64_t r = f64_bits(f64_host(a) * f64_host(b));
        if (f64_zero(a) || f64_zero(b)) {
            return r;
        }
        if (f64_safe_result(r)) {
            if (!inexact_known(st)) {
                note_inexact(st, f64_mul_inexact(a, b));
            }
            return r;
        }
    }
    return soft_op2(a, b, OP_MUL, &fpu_fmt_f64, st);
}

uint64_t fpu_f64_div(uint64_t a, uint64_t b, FpuStatus *st)
{
    if (fast_rounding(st) && f64_plain(a) && f64_plain(b) && !f64_zero(b)) {
        uint64_t r = f64_bits(f64_host(a) / f64_host(b));
        if (f64_zero(a)) {
            return r;
        }
        if (f64_safe_result(r)) {
            if (!inexact_known(st)) {
                note_inexact(st, f64_div_inexact(a, b));
            }
            return r;
        }
    }
    return soft_op2(a, b, OP_DIV, &fpu_fmt_f64, st);
}

uint64_t fpu_f64_sqrt(uint64_t a, FpuStatus *st)
{
    if (fast_rounding(st) && f64_plain(a) && !(a >> 63)) {
        uint64_t r = f64_bits(sqrt(f64_host(a)));
        if (!f64_zero(a) && !inexact_known(st)) {
            note_inexact(st, f64_sqrt_inexact(a, r));
        }
        return r;
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

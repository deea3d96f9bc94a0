/* core/fpu/fpu_arith.c — exact arithmetic on unpacked FpuParts: add, mul,
 * div, sqrt, fused multiply-add, remainder, round-to-integral, compare.
 * Results are unrounded (128-bit significand + sticky); callers round.
 */
#include <math.h>

#include "core/fpu/fpu_internal.h"

static void set_zero(FpuParts *r, bool sign)
{
    r->cls = FPU_CLS_ZERO;
    r->sign = sign;
    r->exp = 0;
    r->hi = r->lo = 0;
}

static void set_inf(FpuParts *r, bool sign)
{
    set_zero(r, sign);
    r->cls = FPU_CLS_INF;
}

static bool mag_less(const FpuParts *a, const FpuParts *b)
{
    if (a->exp != b->exp) {
        return a->exp < b->exp;
    }
    return a->hi < b->hi || (a->hi == b->hi && a->lo < b->lo);
}

void fpu_parts_add(FpuParts *r, const FpuParts *a, const FpuParts *b,
                   bool subtract, FpuStatus *st)
{
    bool bsign = b->sign ^ subtract;

    if (fpu_is_nan_cls(a->cls) || fpu_is_nan_cls(b->cls)) {
        FpuParts ops[2] = { *a, *b };
        fpu_pick_nan(r, ops, 2, st);
        return;
    }
    if (a->cls == FPU_CLS_INF) {
        if (b->cls == FPU_CLS_INF && a->sign != bsign) {
            fpu_invalid(r, st);
        } else {
            *r = *a;
        }
        return;
    }
    if (b->cls == FPU_CLS_INF) {
        set_inf(r, bsign);
        return;
    }
    if (b->cls == FPU_CLS_ZERO) {
        if (a->cls == FPU_CLS_ZERO) {
            set_zero(r, a->sign == bsign ? a->sign
                                         : st->rounding == FPU_ROUND_DOWN);
        } else {
            *r = *a;
        }
        return;
    }
    if (a->cls == FPU_CLS_ZERO) {
        *r = *b;
        r->sign = bsign;
        return;
    }

    FpuParts x = *a, y = *b;
    y.sign = bsign;
    if (mag_less(&x, &y)) {
        FpuParts t = x;
        x = y;
        y = t;
    }
    int64_t d = (int64_t)x.exp - y.exp;
    fpu_shr_jam(&y.hi, &y.lo, d > 200 ? 200 : (int)d);
    *r = x;
    if (x.sign == y.sign) {
        uint64_t lo = x.lo + y.lo;
        uint64_t c = lo < x.lo;
        uint64_t hi = x.hi + y.hi + c;
        bool carry = hi < x.hi || (c && hi == x.hi);
        if (carry) {
            lo = (lo >> 1) | (hi << 63) | (lo & 1);
            hi = (hi >> 1) | (1ull << 63);
            r->exp++;
        }
        r->hi = hi;
        r->lo = lo;
        return;
    }
    uint64_t lo = x.lo - y.lo;
    uint64_t hi = x.hi - y.hi - (x.lo < y.lo);
    if (hi == 0 && lo == 0) {
        set_zero(r, st->rounding == FPU_ROUND_DOWN);
        return;
    }
    r->hi = hi;
    r->lo = lo;
    fpu_normalize(r);
}

/* Exact product of two NORMAL parts whose lo words are zero. */
static void mul_normal(FpuParts *r, const FpuParts *a, const FpuParts *b,
                       bool sign)
{
    r->cls = FPU_CLS_NORMAL;
    r->sign = sign;
    r->exp = a->exp + b->exp;
    fpu_mul64(a->hi, b->hi, &r->hi, &r->lo);
    if (r->hi >> 63) {
        r->exp++;
    } else {
        fpu_shl128(&r->hi, &r->lo, 1);
    }
}

void fpu_parts_mul(FpuParts *r, const FpuParts *a, const FpuParts *b,
                   FpuStatus *st)
{
    bool sign = a->sign ^ b->sign;

    if (fpu_is_nan_cls(a->cls) || fpu_is_nan_cls(b->cls)) {
        FpuParts ops[2] = { *a, *b };
        fpu_pick_nan(r, ops, 2, st);
        return;
    }
    if (a->cls == FPU_CLS_INF || b->cls == FPU_CLS_INF) {
        if (a->cls == FPU_CLS_ZERO || b->cls == FPU_CLS_ZERO) {
            fpu_invalid(r, st);
        } else {
            set_inf(r, sign);
        }
        return;
    }
    if (a->cls == FPU_CLS_ZERO || b->cls == FPU_CLS_ZERO) {
        set_zero(r, sign);
        return;
    }
    mul_normal(r, a, b, sign);
}

void fpu_parts_div(FpuParts *r, const FpuParts *a, const FpuParts *b,
                   FpuStatus *st)
{
    bool sign = a->sign ^ b->sign;

    if (fpu_is_nan_cls(a->cls) || fpu_is_nan_cls(b->cls)) {
        FpuParts ops[2] = { *a, *b };
        fpu_pick_nan(r, ops, 2, st);
        return;
    }
    if (a->cls == FPU_CLS_INF) {
        if (b->cls == FPU_CLS_INF) {
            fpu_invalid(r, st);
        } else {
            set_inf(r, sign);
        }
        return;
    }
    if (a->cls == FPU_CLS_ZERO) {
        if (b->cls == FPU_CLS_ZERO) {
            fpu_invalid(r, st);
        } else {
            set_zero(r, sign);
        }
        return;
    }
    if (b->cls == FPU_CLS_INF) {
        set_zero(r, sign);
        return;
    }
    if (b->cls == FPU_CLS_ZERO) {
        st->flags |= FPU_FLAG_DIVBYZERO;
        set_inf(r, sign);
        return;
    }
    uint64_t n1, n0, rem;
    r->cls = FPU_CLS_NORMAL;
    r->sign = sign;
    r->exp = a->exp - b->exp;
    if (a->hi < b->hi) {
        n1 = a->hi;
        n0 = 0;
        r->exp--;
    } else {
        n1 = a->hi >> 1;
        n0 = a->hi << 63;
    }
    r->hi = fpu_div128(n1, n0, b->hi, &rem);
    r->lo = fpu_div128(rem, 0, b->hi, &rem);
    r->lo |= rem != 0;
}

/* floor(sqrt(mh:ml)) for mh:ml in [2^126, 2^128); *rem = M - root^2.
 * The host's double square root gives an estimate good to about 2^11,
 * one Newton step in integers brings it within one or two, and the final
 * adjustment makes it exact whatever the host's floating point did. */
static uint64_t isqrt128(uint64_t mh, uint64_t ml, uint64_t *rem_hi,
                         uint64_t *rem_lo)
{
    typedef unsigned __int128 U128;
    U128 m = (U128)mh << 64 | ml, y;
    double est = sqrt(ldexp((double)mh, 64) + (double)ml);
    uint64_t x;

    if (!(est < 18446744073709551615.0)) {
        x = UINT64_MAX;
    } else {
        x = (uint64_t)est;
    }
    if (x < 1ull << 63) {
        x = 1ull << 63;
    }
    y = ((U128)x + m / x) >> 1;
    x = y > UINT64_MAX ? UINT64_MAX : (uint64_t)y;
    while ((U128)x * x > m) {
        x--;
    }
    while (x != UINT64_MAX && (U128)(x + 1) * (x + 1) <= m) {
        x++;
    }
    m -= (U128)x * x;
    *rem_hi = (uint64_t)(m >> 64);
    *rem_lo = (uint64_t)m;
    return x;
}

void fpu_parts_sqrt(FpuParts *r, const FpuParts *a, FpuStatus *st)
{
    if (fpu_is_nan_cls(a->cls)) {
        fpu_pick_nan(r, a, 1, st);
        return;
    }
    if (a->cls == FPU_CLS_ZERO) {
        *r = *a;
        return;
    }
    if (a->sign) {
        fpu_invalid(r, st);
        return;
    }
    if (a->cls == FPU_CLS_INF) {
        *r = *a;
        return;
    }
    uint64_t mh, ml, rh, rl;
    int32_t e = a->exp;
    if (e & 1) {
        mh = a->hi;
        ml = 0;
        e = (e - 1) / 2;
    } else {
        mh = a->hi >> 1;
        ml = a->hi << 63;
        e = e / 2;
    }
    uint64_t root = isqrt128(mh, ml, &rh, &rl);
    bool nonzero = rh || rl;
    bool guard = rh || rl > root;
    r->cls = FPU_CLS_NORMAL;
    r->sign = false;
    r->exp = e;
    r->hi = root;
    r->lo = ((uint64_t)guard << 63) | nonzero;
}

void fpu_parts_muladd(FpuParts *r, const FpuParts *a, const FpuParts *b,
                      const FpuParts *c, unsigned flags, FpuStatus *st)
{
    bool psign = a->sign ^ b->sign ^ !!(flags & FPU_MULADD_NEGATE_PRODUCT);
    bool inf_zero = (a->cls == FPU_CLS_INF && b->cls == FPU_CLS_ZERO) ||
                    (a->cls == FPU_CLS_ZERO && b->cls == FPU_CLS_INF);
    FpuParts cc = *c;

    cc.sign ^= !!(flags & FPU_MULADD_NEGATE_ADDEND);
    if (fpu_is_nan_cls(a->cls) || fpu_is_nan_cls(b->cls) ||
        fpu_is_nan_cls(c->cls)) {
        if (inf_zero && st->muladd_inf_zero_nan_invalid) {
            /* (inf * 0) + QNaN: invalid; ARM returns the default NaN */
            st->flags |= FPU_FLAG_INVALID;
            if (st->nan_rule == FPU_NAN_RULE_SNAN_FIRST) {
                fpu_default_nan(r, st);
                return;
            }
        }
        if (st->muladd_addend_nan_first) {
            FpuParts ops[3] = { *c, *a, *b };
            fpu_pick_nan(r, ops, 3, st);
        } else {
            FpuParts ops[3] = { *a, *b, *c };
            fpu_pick_nan(r, ops, 3, st);
        }
        return;
    }
    if (inf_zero) {
        fpu_invalid(r, st);
        return;
    }
    FpuParts p;
    if (a->cls == FPU_CLS_INF || b->cls == FPU_CLS_INF) {
        set_inf(&p, psign);
    } else if (a->cls == FPU_CLS_ZERO || b->cls == FPU_CLS_ZERO) {
        set_zero(&p, psign);
    } else {
        mul_normal(&p, a, b, psign);
    }
    fpu_parts_add(r, &p, &cc, false, st);
    if ((flags & FPU_MULADD_NEGATE_RESULT) && !fpu_is_nan_cls(r->cls)) {
        r->sign = !r->sign;
    }
}

void fpu_parts_rem(FpuParts *r, const FpuParts *a, const FpuParts *b,
                   bool ieee, uint64_t *quot_low, FpuStatus *st)
{
    *quot_low = 0;
    if (fpu_is_nan_cls(a->cls) || fpu_is_nan_cls(b->cls)) {
        FpuParts ops[2] = { *a, *b };
        fpu_pick_nan(r, ops, 2, st);
        return;
    }
    if (a->cls == FPU_CLS_INF || b->cls == FPU_CLS_ZERO) {
        fpu_invalid(r, st);
        return;
    }
    if (b->cls == FPU_CLS_INF || a->cls == FPU_CLS_ZERO) {
        *r = *a;
        return;
    }
    int32_t d = a->exp - b->exp;
    uint64_t my = b->hi, rr = a->hi, q = 0;
    bool flip = false;

    if (d < -1 || (d == -1 && !ieee)) {
        *r = *a;
        return;
    }
    if (d == -1) {
        /* |a| in [|b|/4, |b|): nearest quotient is 0 or 1 */
        if (rr > my) {
            *r = *a;
            r->sign = !a->sign;
            r->hi = 2 * my - rr;
            r->lo = 0;
            r->exp = b->exp - 1;
            fpu_normalize(r);
            *quot_low = 1;
        } else {
            *r = *a;
        }
        return;
    }
    if (rr >= my) {
        rr -= my;
        q = 1;
    }
    while (d > 0) {
        int k = d > 62 ? 62 : d;
        q = (q << k) | fpu_div128(rr >> (64 - k), rr << k, my, &rr);
        d -= k;
    }
    if (ieee && (rr > my - rr || (rr == my - rr && (q & 1)))) {
        rr = my - rr;
        flip = true;
        q++;
    }
    *quot_low = q;
    if (rr == 0) {
        set_zero(r, a->sign);
        return;
    }
    r->cls = FPU_CLS_NORMAL;
    r->sign = a->sign ^ flip;
    r->exp = b->exp;
    r->hi = rr;
    r->lo = 0;
    fpu_normalize(r);
}

void fpu_parts_round_int(FpuParts *p, unsigned mode, bool *inexact)
{
    *inexact = false;
    if (p->cls != FPU_CLS_NORMAL || p->exp >= 63) {
        return;
    }
    uint64_t ip;
    bool guard, sticky;
    if (p->exp < 0) {
        ip = 0;
        guard = p->exp == -1;
        sticky = p->exp < -1 || (p->hi << 1) != 0 || p->lo != 0;
    } else {
        ip = p->hi >> (63 - p->exp);
        uint64_t rest = p->hi << (p->exp + 1);
        guard = rest >> 63;
        sticky = (rest << 1) != 0 || p->lo != 0;
    }
    *inexact = guard || sticky;
    bool inc;
    switch (mode) {
    case FPU_ROUND_NEAREST_EVEN:
        inc = guard && (sticky || (ip & 1));
        break;
    case FPU_ROUND_NEAREST_AWAY:
        inc = guard;
        break;
    case FPU_ROUND_UP:
        inc = !p->sign && *inexact;
        break;
    case FPU_ROUND_DOWN:
        inc = p->sign && *inexact;
        break;
    default:
        inc = false;
        break;
    }
    ip += inc;
    if (ip == 0) {
        set_zero(p, p->sign);
        return;
    }
    p->hi = ip;
    p->lo = 0;
    p->exp = 63;
    fpu_normalize(p);
}

int fpu_parts_compare(const FpuParts *a, const FpuParts *b, bool signaling,
                      FpuStatus *st)
{
    if (fpu_is_nan_cls(a->cls) || fpu_is_nan_cls(b->cls)) {
        if (signaling || a->cls == FPU_CLS_SNAN || b->cls == FPU_CLS_SNAN) {
            st->flags |= FPU_FLAG_INVALID;
        }
        return FPU_CMP_UNORDERED;
    }
    if (a->cls == FPU_CLS_ZERO && b->cls == FPU_CLS_ZERO) {
        return FPU_CMP_EQUAL;
    }
    bool as = a->cls == FPU_CLS_ZERO ? !b->sign : a->sign;
    bool bs = b->cls == FPU_CLS_ZERO ? !a->sign : b->sign;
    if (as != bs) {
        return as ? FPU_CMP_LESS : FPU_CMP_GREATER;
    }
    /* same sign, both nonzero (a zero against a nonzero took the other
     * branch) */
    int mag;
    if (a->cls == FPU_CLS_INF || b->cls == FPU_CLS_INF) {
        mag = (a->cls == FPU_CLS_INF) - (b->cls == FPU_CLS_INF);
    } else if (mag_less(a, b)) {
        mag = -1;
    } else {
        mag = (a->exp == b->exp && a->hi == b->hi && a->lo == b->lo) ? 0 : 1;
    }
    if (mag == 0) {
        return FPU_CMP_EQUAL;
    }
    if ((mag < 0) != as) {
        return FPU_CMP_LESS;
    }
    return FPU_CMP_GREATER;
}

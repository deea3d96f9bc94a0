/* core/fpu/fpu_x80_trans.c — x87 transcendental instructions (F2XM1,
 * FYL2X, FYL2XP1, FPATAN, FSIN, FCOS, FSINCOS, FPTAN) on floatx80. The
 * value is computed on a private 128-bit-significand float ("Wide",
 * ~125 correct bits) with series after exact argument reductions (sin
 * and cos reduce by the x87's own 66-bit pi, as the hardware does), then rounded
 * once to 64 bits by the shared round_pack, which sets the x87 flags.
 */
#include "core/fpu/fpu_x80_trans.h"

#include "core/fpu/fpu_internal.h"

/* value = (-1)^sign * hi:lo / 2^127 * 2^exp; hi's top bit set, or
 * hi = lo = 0 for zero. */
typedef struct Wide {
    bool sign;
    int32_t exp;
    uint64_t hi, lo;
} Wide;

/* Constants to 128 bits, truncated (the third word tells the next
 * bits where it matters). */
static const Wide W_LN2 = { false, -1, 0xb17217f7d1cf79abull,
                            0xc9e3b39803f2f6afull };
static const Wide W_LOG2E = { false, 0, 0xb8aa3b295c17f0bbull,
                              0xbe87fed0691d3e88ull };
static const Wide W_PI = { false, 1, 0xc90fdaa22168c234ull,
                           0xc4c6628b80dc1cd1ull };
static const Wide W_ONE = { false, 0, 1ull << 63, 0 };

static bool w_is_zero(const Wide *a)
{
    return a->hi == 0 && a->lo == 0;
}

static Wide w_zero(bool sign)
{
    Wide r = { sign, 0, 0, 0 };
    return r;
}

static void w_norm(Wide *a)
{
    int n;

    if (a->hi == 0 && a->lo == 0) {
        return;
    }
    n = a->hi ? fpu_clz64(a->hi) : 64 + fpu_clz64(a->lo);
    fpu_shl128(&a->hi, &a->lo, n);
    a->exp -= n;
}

static Wide w_from_parts(const FpuParts *p)
{
    Wide r = { p->sign, p->exp, p->hi, p->lo };

    if (p->cls == FPU_CLS_ZERO) {
        return w_zero(p->sign);
    }
    return r;
}

static Wide w_from_int(int64_t v)
{
    Wide r = { v < 0, 127, 0, 0 };

    r.lo = v < 0 ? -(uint64_t)v : (uint64_t)v;
    if (!r.lo) {
        return w_zero(false);
    }
    w_norm(&r);
    return r;
}

static Wide w_neg(Wide a)
{
    a.sign = !a.sign;
    return a;
}

static Wide w_scale(Wide a, int32_t n)
{
    if (!w_is_zero(&a)) {
        a.exp += n;
    }
    return a;
}

/* |a| < |b| */
static bool w_mag_less(const Wide *a, const Wide *b)
{
    if (w_is_zero(a) || w_is_zero(b)) {
        return w_is_zero(a) && !w_is_zero(b);
    }
    if (a->exp != b->exp) {
        return a->exp < b->exp;
    }
    return a->hi < b->hi || (a->hi == b->hi && a->lo < b->lo);
}

static Wide w_add(Wide a, Wide b)
{
    Wide r;
    int32_t d;

    if (w_is_zero(&b)) {
        return a;
    }
    if (w_is_zero(&a)) {
        return b;
    }
    if (w_mag_less(&a, &b)) {
        Wide t = a;
        a = b;
        b = t;
    }
    d = a.exp - b.exp;
    /* far below a's last bit, b still counts as one sticky unit */
    fpu_shr_jam(&b.hi, &b.lo, d > 200 ? 200 : d);
    r = a;
    if (a.sign == b.sign) {
        uint64_t lo = a.lo + b.lo;
        uint64_t hi = a.hi + b.hi + (lo < a.lo);
        bool carry = hi < a.hi || (hi == a.hi && lo < a.lo);
        if (carry) {
            lo = (lo >> 1) | (hi << 63);
            hi = (hi >> 1) | (1ull << 63);
            r.exp++;
        }
        r.hi = hi;
        r.lo = lo;
        return r;
    }
    r.lo = a.lo - b.lo;
    r.hi = a.hi - b.hi - (a.lo < b.lo);
    w_norm(&r);
    return r;
}

static Wide w_sub(Wide a, Wide b)
{
    return w_add(a, w_neg(b));
}

/* a * b, truncated to 128 bits. */
static Wide w_mul(Wide a, Wide b)
{
    uint64_t p[4] = { 0, 0, 0, 0 };
    uint64_t h, l;
    Wide r;

    if (w_is_zero(&a) || w_is_zero(&b)) {
        return w_zero(a.sign ^ b.sign);
    }
    /* p = a.hi:a.lo * b.hi:b.lo, 256 bits, p[3] most significant. */
    const uint64_t x[2] = { a.lo, a.hi }, y[2] = { b.lo, b.hi };
    for (int i = 0; i < 2; i++) {
        for (int j = 0; j < 2; j++) {
            int k = i + j;
            fpu_mul64(x[i], y[j], &h, &l);
            p[k] += l;
            h += p[k] < l;
            for (int m = k + 1; m < 4 && h; m++) {
                p[m] += h;
                h = p[m] < h;
            }
        }
    }
    r.sign = a.sign ^ b.sign;
    r.exp = a.exp + b.exp;
    if (p[3] >> 63) {
        r.exp++;
        r.hi = p[3];
        r.lo = p[2];
    } else {
        r.hi = (p[3] << 1) | (p[2] >> 63);
        r.lo = (p[2] << 1) | (p[1] >> 63);
    }
    return r;
}

/* a / b (b nonzero), 128 quotient bits by restoring division. */
static Wide w_div(Wide a, Wide b)
{
    uint64_t rh = a.hi, rl = a.lo, qh = 0, ql = 0;
    bool carry = false;
    Wide r;

    if (w_is_zero(&a)) {
        return w_zero(a.sign ^ b.sign);
    }
    r.sign = a.sign ^ b.sign;
    r.exp = a.exp - b.exp;
    if (rh < b.hi || (rh == b.hi && rl < b.lo)) {
        carry = rh >> 63;
        rh = (rh << 1) | (rl >> 63);
        rl <<= 1;
        r.exp--;
    }
    for (int i = 127; i >= 0; i--) {
        if (carry || rh > b.hi || (rh == b.hi && rl >= b.lo)) {
            uint64_t nl = rl - b.lo;
            rh = rh - b.hi - (rl < b.lo);
            rl = nl;
            if (i >= 64) {
                qh |= 1ull << (i - 64);
            } else {
                ql |= 1ull << i;
            }
        }
        carry = rh >> 63;
        rh = (rh << 1) | (rl >> 63);
        rl <<= 1;
    }
    r.hi = qh;
    r.lo = ql;
    return r;
}

/* a / n for a small positive integer n. */
static Wide w_div_small(Wide a, uint32_t n)
{
    return w_div(a, w_from_int(n));
}

/* Is a term negligible next to a sum (below its 125th bit)? A series
 * stops at its first negligible term and adds, instead of it, one unit
 * of the sum's last bit with its sign: for these series the remainder
 * has the sign of its first term, so the final rounding knows on which
 * side of the sum the value lies (a sum that is exactly a 64-bit value
 * is then rounded, and C1 set, as the hardware does). */
static bool w_negligible(const Wide *term, const Wide *sum)
{
    return w_is_zero(term) || (!w_is_zero(sum) && term->exp < sum->exp - 125);
}

static Wide w_add_direction(Wide sum, const Wide *term)
{
    Wide unit = { term->sign, sum.exp - 127, 1ull << 63, 0 };

    if (w_is_zero(term) || w_is_zero(&sum)) {
        return sum;
    }
    return w_add(sum, unit);
}

/* ---- series ---------------------------------------------------------- */

/* atanh(s) = s + s^3/3 + s^5/5 + ... for |s| <= 0.18. */
static Wide w_atanh_series(Wide s)
{
    Wide sum = s, p = s, s2 = w_mul(s, s);

    for (uint32_t k = 3; k < 400; k += 2) {
        Wide t;
        p = w_mul(p, s2);
        t = w_div_small(p, k);
        if (w_negligible(&t, &sum)) {
            return w_add_direction(sum, &t);
        }
        sum = w_add(sum, t);
    }
    return sum;
}

/* atan(u) = u - u^3/3 + u^5/5 - ... for |u| <= 0.42. */
static Wide w_atan_series(Wide u)
{
    Wide sum = u, p = u, u2 = w_neg(w_mul(u, u));

    for (uint32_t k = 3; k < 400; k += 2) {
        Wide t;
        p = w_mul(p, u2);
        t = w_div_small(p, k);
        if (w_negligible(&t, &sum)) {
            return w_add_direction(sum, &t);
        }
        sum = w_add(sum, t);
    }
    return sum;
}

/* e^t - 1 = t + t^2/2! + ... */
static Wide w_expm1_series(Wide t)
{
    Wide sum = t, term = t;

    for (uint32_t k = 2; k < 400; k++) {
        term = w_div_small(w_mul(term, t), k);
        if (w_negligible(&term, &sum)) {
            return w_add_direction(sum, &term);
        }
        sum = w_add(sum, term);
    }
    return sum;
}

/* sin r and cos r for |r| <= pi/4. */
static void w_sincos_series(Wide r, Wide *s, Wide *c)
{
    Wide r2 = w_neg(w_mul(r, r));
    Wide ts = r, tc = W_ONE;
    bool s_done = false, c_done = false;

    *s = r;
    *c = W_ONE;
    for (uint32_t k = 2; k < 400 && !(s_done && c_done); k += 2) {
        if (!c_done) {
            tc = w_div_small(w_mul(tc, r2), k * (k - 1));
            if (w_negligible(&tc, c)) {
                *c = w_add_direction(*c, &tc);
                c_done = true;
            } else {
                *c = w_add(*c, tc);
            }
        }
        if (!s_done) {
            ts = w_div_small(w_mul(ts, r2), k * (k + 1));
            if (w_negligible(&ts, s)) {
                *s = w_add_direction(*s, &ts);
                s_done = true;
            } else {
                *s = w_add(*s, ts);
            }
        }
    }
}

/* ln(m) for m in [sqrt(2)/2, sqrt(2)]: 2 atanh((m - 1) / (m + 1)). */
static Wide w_ln_reduced(Wide m)
{
    Wide s = w_div(w_sub(m, W_ONE), w_add(m, W_ONE));

    return w_scale(w_atanh_series(s), 1);
}

/* log2 of a positive normal value. */
static Wide w_log2(Wide x)
{
    /* x = m * 2^e, m in [sqrt(2)/2, sqrt(2)). */
    int32_t e = x.exp;
    Wide m = x;

    m.exp = 0;
    if (m.hi > 0xb504f333f9de6484ull) {
        m.exp = -1;
        e++;
    }
    return w_add(w_from_int(e), w_mul(w_ln_reduced(m), W_LOG2E));
}

/* ---- rounding to floatx80 ---------------------------------------------- */

static FpuX80 w_round(Wide w, bool exact, FpuStatus *st, bool *round_up)
{
    FpuParts p = { FPU_CLS_NORMAL, w.sign, w.exp, w.hi, w.lo | !exact };
    FpuParts back;
    FpuStatus quiet = *st;
    FpuX80 r;

    if (w_is_zero(&w)) {
        p.cls = FPU_CLS_ZERO;
        p.exp = 0;
    }
    r = fpu_round_pack_x80(&p, 64, st);
    if (round_up) {
        fpu_unpack_x80(&back, r, &quiet);
        *round_up = false;
        if (back.cls == FPU_CLS_INF) {
            *round_up = true;
        } else if (back.cls == FPU_CLS_NORMAL && p.cls == FPU_CLS_NORMAL) {
            *round_up = back.exp > w.exp ||
                        (back.exp == w.exp && back.hi > w.hi);
        }
    }
    return r;
}

static FpuX80 x80_nan_result(const FpuParts *ops, int n, FpuStatus *st)
{
    FpuParts r;

    fpu_pick_nan(&r, ops, n, st);
    return fpu_round_pack_x80(&r, 64, st);
}

static FpuX80 x80_invalid(FpuStatus *st)
{
    FpuParts r;

    fpu_invalid(&r, st);
    return fpu_round_pack_x80(&r, 64, st);
}

static void set_up(bool *round_up, bool v)
{
    if (round_up) {
        *round_up = v;
    }
}

/* ---- F2XM1 --------------------------------------------------------------- */

FpuX80 fpu_x80_f2xm1(FpuX80 a, FpuStatus *st, bool *round_up)
{
    FpuParts pa;
    uint8_t before = st->flags;

    set_up(round_up, false);
    fpu_unpack_x80(&pa, a, st);
    switch (pa.cls) {
    case FPU_CLS_QNAN:
    case FPU_CLS_SNAN:
        fpu_denormal_priority(st, before, true);
        return x80_nan_result(&pa, 1, st);
    case FPU_CLS_ZERO:
        return a;
    case FPU_CLS_INF:
        /* 2^+inf - 1 = +inf, 2^-inf - 1 = -1 */
        return pa.sign ? (FpuX80){ 1ull << 63, 0xbfff } : a;
    default:
        break;
    }
    Wide x = w_from_parts(&pa);
    if (x.exp > 0 || (x.exp == 0 && (x.hi != 1ull << 63 || x.lo))) {
        /* |a| > 1 is outside the domain: the host x87 returns a, inexact */
        st->flags |= FPU_FLAG_INEXACT;
        return a;
    }
    /* 2^1 - 1 and 2^-1 - 1 are exact, but the x87 reports them inexact,
     * 1 rounded up and -0.5 not (host x87) */
    if (x.exp == 0 && x.hi == 1ull << 63 && x.lo == 0) {
        st->flags |= FPU_FLAG_INEXACT;
        set_up(round_up, !x.sign);
        return x.sign ? (FpuX80){ 1ull << 63, 0xbffe }
                      : (FpuX80){ 1ull << 63, 0x3fff };
    }
    return w_round(w_expm1_series(w_mul(x, W_LN2)), false, st, round_up);
}

/* ---- FYL2X, FYL2XP1 ------------------------------------------------------ */

/* y * L where L = log2(...) is given as parts (may be 0 or +-inf) and
 * wide (when L is finite nonzero); exact when L is an exact value. */
static FpuX80 yl2x_finish(const FpuParts *py, const FpuParts *pl,
                          const Wide *wl, bool exact, FpuStatus *st,
                          bool *round_up)
{
    FpuParts r;

    if (pl->cls != FPU_CLS_NORMAL || py->cls != FPU_CLS_NORMAL) {
        fpu_parts_mul(&r, py, pl, st);
        return fpu_round_pack_x80(&r, 64, st);
    }
    Wide y = w_from_parts(py);
    return w_round(w_mul(y, *wl), exact, st, round_up);
}

FpuX80 fpu_x80_yl2x(FpuX80 x, FpuX80 y, FpuStatus *st, bool *round_up)
{
    FpuParts px, py, pl = { FPU_CLS_ZERO, false, 0, 0, 0 };
    uint8_t before = st->flags;
    Wide wl = w_zero(false);

    set_up(round_up, false);
    fpu_unpack_x80(&px, x, st);
    fpu_unpack_x80(&py, y, st);
    if (fpu_is_nan_cls(px.cls) || fpu_is_nan_cls(py.cls)) {
        FpuParts ops[2] = { px, py };
        fpu_denormal_priority(st, before, true);
        return x80_nan_result(ops, 2, st);
    }
    if (px.sign && px.cls != FPU_CLS_ZERO) {
        FpuX80 r = x80_invalid(st);
        fpu_denormal_priority(st, before, false);
        return r;
    }
    if (px.cls == FPU_CLS_ZERO) {
        /* log2(0) = -inf; divide-by-zero unless y is 0 or inf */
        pl.cls = FPU_CLS_INF;
        pl.sign = true;
        if (py.cls == FPU_CLS_NORMAL) {
            st->flags |= FPU_FLAG_DIVBYZERO;
        }
    } else if (px.cls == FPU_CLS_INF) {
        pl.cls = FPU_CLS_INF;
    } else {
        Wide wx = w_from_parts(&px);
        if (wx.hi == 1ull << 63 && wx.lo == 0) {
            /* a power of two: log2 is the exponent, exactly; the host
             * x87 still reports the product inexact unless x is 1 */
            wl = w_from_int(wx.exp);
        } else {
            wl = w_log2(wx);
        }
        if (!w_is_zero(&wl)) {
            pl.cls = FPU_CLS_NORMAL;
            pl.sign = wl.sign;
            pl.exp = wl.exp;
            pl.hi = wl.hi;
        }
    }
    fpu_denormal_priority(st, before, false);
    return yl2x_finish(&py, &pl, &wl, false, st, round_up);
}

FpuX80 fpu_x80_yl2xp1(FpuX80 x, FpuX80 y, FpuStatus *st, bool *round_up)
{
    FpuParts px, py, pl = { FPU_CLS_ZERO, false, 0, 0, 0 };
    uint8_t before = st->flags;
    Wide wl = w_zero(false);

    set_up(round_up, false);
    fpu_unpack_x80(&px, x, st);
    fpu_unpack_x80(&py, y, st);
    if (fpu_is_nan_cls(px.cls) || fpu_is_nan_cls(py.cls)) {
        FpuParts ops[2] = { px, py };
        fpu_denormal_priority(st, before, true);
        return x80_nan_result(ops, 2, st);
    }
    if (px.cls == FPU_CLS_ZERO) {
        /* log2(1 + 0) = 0 with the sign of x */
        pl.sign = px.sign;
    } else if (px.cls == FPU_CLS_INF) {
        if (px.sign) {
            FpuX80 r = x80_invalid(st);
            fpu_denormal_priority(st, before, false);
            return r;
        }
        pl.cls = FPU_CLS_INF;
    } else {
        Wide wx = w_from_parts(&px);
        Wide one_plus = w_add(W_ONE, wx);
        if (one_plus.sign && !w_is_zero(&one_plus)) {
            FpuX80 r = x80_invalid(st);
            fpu_denormal_priority(st, before, false);
            return r;
        }
        if (w_is_zero(&one_plus)) {
            pl.cls = FPU_CLS_INF;
            pl.sign = true;
            if (py.cls == FPU_CLS_NORMAL) {
                st->flags |= FPU_FLAG_DIVBYZERO;
            }
        } else {
            if (wx.exp < -1) {
                /* ln(1 + x) = 2 atanh(x / (2 + x)), no cancellation */
                Wide s = w_div(wx, w_add(w_scale(W_ONE, 1), wx));
                wl = w_mul(w_scale(w_atanh_series(s), 1), W_LOG2E);
            } else {
                wl = w_log2(one_plus);
            }
            pl.cls = FPU_CLS_NORMAL;
            pl.sign = wl.sign;
            pl.exp = wl.exp;
            pl.hi = wl.hi;
        }
    }
    fpu_denormal_priority(st, before, false);
    return yl2x_finish(&py, &pl, &wl, false, st, round_up);
}

/* ---- FPATAN -------------------------------------------------------------- */

/* atan(z) for 0 <= z <= 1. */
static Wide w_atan_unit(Wide z)
{
    /* tan(pi/8) = sqrt(2) - 1 */
    static const Wide tan_pi_8 = { false, -2, 0xd413cccfe7799211ull,
                                   0x65f626cdd52afa7cull };

    if (w_mag_less(&tan_pi_8, &z)) {
        Wide u = w_div(w_sub(z, W_ONE), w_add(z, W_ONE));
        return w_add(w_scale(W_PI, -2), w_atan_series(u));
    }
    return w_atan_series(z);
}

FpuX80 fpu_x80_atan2(FpuX80 y, FpuX80 x, FpuStatus *st, bool *round_up)
{
    FpuParts px, py;
    uint8_t before = st->flags;
    Wide r;

    set_up(round_up, false);
    fpu_unpack_x80(&py, y, st);
    fpu_unpack_x80(&px, x, st);
    if (fpu_is_nan_cls(px.cls) || fpu_is_nan_cls(py.cls)) {
        FpuParts ops[2] = { px, py };
        fpu_denormal_priority(st, before, true);
        return x80_nan_result(ops, 2, st);
    }
    if (py.cls == FPU_CLS_ZERO) {
        if (!px.sign) {
            return (FpuX80){ 0, (uint16_t)(py.sign << 15) };
        }
        r = W_PI;
    } else if (px.cls == FPU_CLS_ZERO) {
        r = w_scale(W_PI, -1);
    } else if (py.cls == FPU_CLS_INF) {
        if (px.cls == FPU_CLS_INF) {
            r = w_scale(W_PI, -2);
            if (px.sign) {
                r = w_mul(r, w_from_int(3));
            }
        } else {
            r = w_scale(W_PI, -1);
        }
    } else if (px.cls == FPU_CLS_INF) {
        if (!px.sign) {
            return (FpuX80){ 0, (uint16_t)(py.sign << 15) };
        }
        r = W_PI;
    } else {
        Wide ay = w_from_parts(&py), ax = w_from_parts(&px);
        ay.sign = ax.sign = false;
        if (!w_mag_less(&ax, &ay)) {
            r = w_atan_unit(w_div(ay, ax));
        } else {
            r = w_sub(w_scale(W_PI, -1), w_atan_unit(w_div(ax, ay)));
        }
        if (px.sign) {
            r = w_sub(W_PI, r);
        }
    }
    r.sign = py.sign;
    fpu_denormal_priority(st, before, false);
    return w_round(r, false, st, round_up);
}

/* ---- FSIN, FCOS, FSINCOS, FPTAN ---------------------------------------- */

/* |x| (normal, < 2^63) = j * pi/2 + r with |r| <= pi/4; returns r.
 * The x87 reduces by a 66-bit pi (0xc90fdaa22168c234c / 2^66, Intel SDM
 * 8.3.10; the AMD host agrees): pi66/2 = P / 2^67. The reduction itself
 * is exact: r = (x * 2^67 - j * P) / 2^67 with integer division. */
static Wide w_reduce_pio2(Wide x, uint32_t *quadrant)
{
    const uint64_t p_hi = 0xc, p_lo = 0x90fdaa22168c234cull;
    const uint64_t pio4_hi = 0xc90fdaa22168c234ull;
    uint64_t m = x.hi, rh = 0, rl = 0, q = 0;
    int nbits = 64 + x.exp + 4;
    Wide r;

    *quadrant = 0;
    if (x.exp < -1 || (x.exp == -1 && m <= pio4_hi)) {
        return x;
    }
    /* N = m << (exp + 4) = x * 2^67; q = N / P, (rh:rl) = N mod P. */
    for (int i = 0; i < nbits; i++) {
        uint64_t bit = i < 64 ? (m >> (63 - i)) & 1 : 0;
        rh = (rh << 1) | (rl >> 63);
        rl = (rl << 1) | bit;
        q <<= 1;
        if (rh > p_hi || (rh == p_hi && rl >= p_lo)) {
            rh = rh - p_hi - (rl < p_lo);
            rl -= p_lo;
            q |= 1;
        }
    }
    r.sign = false;
    /* nearest multiple: 2R > P means R - P is smaller in magnitude */
    if ((rh << 1 | rl >> 63) > p_hi ||
        ((rh << 1 | rl >> 63) == p_hi && (rl << 1) > p_lo)) {
        uint64_t nl = p_lo - rl;
        rh = p_hi - rh - (p_lo < rl);
        rl = nl;
        r.sign = true;
        q++;
    }
    *quadrant = (uint32_t)(q & 3);
    r.hi = rh;
    r.lo = rl;
    r.exp = 127 - 67;
    w_norm(&r);
    return r;
}

/* Unpacks a trig operand: returns 1 with *w set for a finite nonzero
 * value in range, 0 when the result is already in *res (NaN, zero,
 * invalid), -1 when out of range. */
static int trig_operand(FpuX80 a, FpuParts *pa, Wide *w, FpuStatus *st,
                        FpuX80 *res)
{
    uint8_t before = st->flags;

    fpu_unpack_x80(pa, a, st);
    switch (pa->cls) {
    case FPU_CLS_QNAN:
    case FPU_CLS_SNAN:
        fpu_denormal_priority(st, before, true);
        *res = x80_nan_result(pa, 1, st);
        return 0;
    case FPU_CLS_INF:
        *res = x80_invalid(st);
        return 0;
    case FPU_CLS_ZERO:
        *res = a;
        return 0;
    default:
        break;
    }
    if (pa->exp >= 63) {
        st->flags = before;
        return -1;
    }
    *w = w_from_parts(pa);
    return 1;
}

bool fpu_x80_sincos(FpuX80 a, FpuX80 *sin_out, FpuX80 *cos_out,
                    FpuStatus *st, unsigned *round_up)
{
    FpuParts pa;
    Wide x, r, s, c, rs, rc;
    FpuX80 res;
    uint32_t q;
    bool up = false;
    int k = trig_operand(a, &pa, &x, st, &res);

    if (round_up) {
        *round_up = 0;
    }
    if (k < 0) {
        return false;
    }
    if (k == 0) {
        if (sin_out) {
            *sin_out = res;
        }
        if (cos_out) {
            *cos_out = pa.cls == FPU_CLS_ZERO ? (FpuX80){ 1ull << 63, 0x3fff }
                                              : res;
        }
        return true;
    }
    x.sign = false;
    r = w_reduce_pio2(x, &q);
    w_sincos_series(r, &s, &c);
    switch (q) {
    case 0: rs = s; rc = c; break;
    case 1: rs = c; rc = w_neg(s); break;
    case 2: rs = w_neg(s); rc = w_neg(c); break;
    default: rs = w_neg(c); rc = s; break;
    }
    if (pa.sign) {
        rs = w_neg(rs);
    }
    if (sin_out) {
        *sin_out = w_round(rs, false, st, &up);
        if (round_up && up) {
            *round_up |= 1;
        }
    }
    if (cos_out) {
        *cos_out = w_round(rc, false, st, &up);
        if (round_up && up) {
            *round_up |= 2;
        }
    }
    return true;
}

bool fpu_x80_tan(FpuX80 a, FpuX80 *out, FpuStatus *st, bool *round_up)
{
    FpuParts pa;
    Wide x, r, s, c, t;
    FpuX80 res;
    uint32_t q;
    int k = trig_operand(a, &pa, &x, st, &res);

    set_up(round_up, false);
    if (k < 0) {
        return false;
    }
    if (k == 0) {
        *out = res;
        return true;
    }
    x.sign = false;
    r = w_reduce_pio2(x, &q);
    w_sincos_series(r, &s, &c);
    t = (q & 1) ? w_neg(w_div(c, s)) : w_div(s, c);
    if (pa.sign) {
        t = w_neg(t);
    }
    *out = w_round(t, false, st, round_up);
    if (round_up && (a.sign_exp & 0x7fff) == 0) {
        /* a denormal operand: the host x87 sets C1 (rounded up) */
        *round_up = true;
    }
    return true;
}

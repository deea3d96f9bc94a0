/* core/fpu/fpu_parts.c — unpacking bit patterns into FpuParts, the one
 * rounding routine every operation ends in (tininess, flushing, overflow),
 * NaN selection per guest rule, status presets.
 */
#include "core/fpu/fpu_internal.h"

const FpuFormat fpu_fmt_f32 = { 23, 24, 127, 0xff };
const FpuFormat fpu_fmt_f64 = { 52, 53, 1023, 0x7ff };
const FpuFormat fpu_fmt_x80 = { 63, 64, 16383, 0x7fff };

void fpu_status_init_arm(FpuStatus *st)
{
    *st = (FpuStatus){ 0 };
    st->nan_rule = FPU_NAN_RULE_SNAN_FIRST;
    st->int_overflow = FPU_INTOV_SATURATE;
    st->tininess_before = true;
    st->muladd_addend_nan_first = true;
    st->muladd_inf_zero_nan_invalid = true;
    st->floatx80_precision = 64;
}

void fpu_status_init_x86_sse(FpuStatus *st)
{
    *st = (FpuStatus){ 0 };
    st->nan_rule = FPU_NAN_RULE_FIRST_OPERAND;
    st->int_overflow = FPU_INTOV_INDEFINITE;
    st->flush_sets_inexact = true;
    st->floatx80_precision = 64;
}

void fpu_status_init_x87(FpuStatus *st)
{
    fpu_status_init_x86_sse(st);
    st->nan_rule = FPU_NAN_RULE_X87;
}

/* MIPS detects tininess before rounding (as glibc's MIPS soft-fp does);
 * legacy (pre-2008) cores use the inverted quiet bit and clamp conversions
 * to INT_MAX; 2008 cores follow IEEE 754-2008. */
void fpu_status_init_mips(FpuStatus *st, bool nan2008)
{
    *st = (FpuStatus){ 0 };
    st->nan_rule = FPU_NAN_RULE_SNAN_FIRST;
    st->tininess_before = true;
    st->snan_bit_is_one = !nan2008;
    st->int_overflow = nan2008 ? FPU_INTOV_SATURATE : FPU_INTOV_MAX;
    st->floatx80_precision = 64;
}

uint64_t fpu_div128(uint64_t u1, uint64_t u0, uint64_t v, uint64_t *rem)
{
    const uint64_t b = 1ull << 32;
    uint64_t vn1 = v >> 32, vn0 = (uint32_t)v;
    uint64_t un1 = u0 >> 32, un0 = (uint32_t)u0;
    uint64_t q1 = u1 / vn1, rhat = u1 - q1 * vn1;

    while (q1 >= b || q1 * vn0 > ((rhat << 32) | un1)) {
        q1--;
        rhat += vn1;
        if (rhat >= b) {
            break;
        }
    }
    uint64_t un21 = (u1 << 32) + un1 - q1 * v;
    uint64_t q0 = un21 / vn1;
    rhat = un21 - q0 * vn1;
    while (q0 >= b || q0 * vn0 > ((rhat << 32) | un0)) {
        q0--;
        rhat += vn1;
        if (rhat >= b) {
            break;
        }
    }
    *rem = (un21 << 32) + un0 - q0 * v;
    return (q1 << 32) + q0;
}

static int fmt_exp_bits(const FpuFormat *fmt)
{
    /* exp_max is 2^bits - 1 (a clz: no popcount libcall on base x86_64) */
    return 32 - __builtin_clz((unsigned)fmt->exp_max);
}

void fpu_default_nan(FpuParts *p, const FpuStatus *st)
{
    p->cls = FPU_CLS_QNAN;
    p->sign = st->nan_rule != FPU_NAN_RULE_SNAN_FIRST;
    p->exp = 0;
    p->hi = st->snan_bit_is_one ? ~0ull >> 1 : 1ull << 63;
    p->lo = 0;
}

void fpu_silence(FpuParts *p, const FpuStatus *st)
{
    if (p->cls != FPU_CLS_SNAN) {
        return;
    }
    if (st->snan_bit_is_one) {
        fpu_default_nan(p, st);
        return;
    }
    p->hi |= 1ull << 63;
    p->cls = FPU_CLS_QNAN;
}

void fpu_invalid(FpuParts *r, FpuStatus *st)
{
    st->flags |= FPU_FLAG_INVALID;
    fpu_default_nan(r, st);
}

static bool sig_greater(const FpuParts *a, const FpuParts *b)
{
    uint64_t ah = a->hi & ~(1ull << 63), bh = b->hi & ~(1ull << 63);
    return ah > bh || (ah == bh && a->lo > b->lo);
}

void fpu_pick_nan(FpuParts *r, const FpuParts *ops, int n, FpuStatus *st)
{
    int pick = -1;
    bool any_snan = false;

    bool bad_encoding = false;

    for (int i = 0; i < n; i++) {
        any_snan |= ops[i].cls == FPU_CLS_SNAN;
        bad_encoding |= ops[i].cls == FPU_CLS_SNAN &&
                        ops[i].exp == FPU_EXP_INVALID_ENCODING;
    }
    if (any_snan) {
        st->flags |= FPU_FLAG_INVALID;
    }
    if (st->default_nan || bad_encoding) {
        fpu_default_nan(r, st);
        return;
    }
    switch (st->nan_rule) {
    case FPU_NAN_RULE_FIRST_OPERAND:
        for (int i = 0; i < n && pick < 0; i++) {
            if (fpu_is_nan_cls(ops[i].cls)) {
                pick = i;
            }
        }
        break;
    case FPU_NAN_RULE_X87:
        for (int i = 0; i < n; i++) {
            if (!fpu_is_nan_cls(ops[i].cls)) {
                continue;
            }
            if (pick < 0) {
                pick = i;
            } else if (ops[i].cls != ops[pick].cls) {
                if (ops[i].cls == FPU_CLS_QNAN) {
                    pick = i;
                }
            } else if (sig_greater(&ops[i], &ops[pick]) ||
                       (!sig_greater(&ops[pick], &ops[i]) &&
                        ops[pick].sign && !ops[i].sign)) {
                /* equal significands: the positive NaN wins */
                pick = i;
            }
        }
        break;
    default:
        for (int i = 0; i < n && pick < 0; i++) {
            if (ops[i].cls == FPU_CLS_SNAN) {
                pick = i;
            }
        }
        for (int i = 0; i < n && pick < 0; i++) {
            if (ops[i].cls == FPU_CLS_QNAN) {
                pick = i;
            }
        }
        break;
    }
    *r = ops[pick];
    fpu_silence(r, st);
}

static void unpack_denormal(FpuParts *p, uint64_t frac, int frac_bits,
                            int32_t bias, FpuStatus *st)
{
    if (st->flush_inputs) {
        st->flags |= FPU_FLAG_INPUT_FLUSHED;
        p->cls = FPU_CLS_ZERO;
        return;
    }
    st->flags |= FPU_FLAG_DENORMAL;
    int s = fpu_clz64(frac);
    p->cls = FPU_CLS_NORMAL;
    p->hi = frac << s;
    p->exp = (63 - s) - frac_bits + 1 - bias;
}

void fpu_unpack(FpuParts *p, uint64_t bits, const FpuFormat *fmt,
                FpuStatus *st)
{
    int fb = fmt->frac_bits;
    uint64_t frac = bits & ((1ull << fb) - 1);
    int32_t e = (int32_t)((bits >> fb) & (uint64_t)fmt->exp_max);

    p->sign = (bits >> (fb + fmt_exp_bits(fmt))) & 1;
    p->lo = 0;
    p->hi = 0;
    p->exp = 0;
    if (e == fmt->exp_max) {
        if (frac == 0) {
            p->cls = FPU_CLS_INF;
            return;
        }
        p->hi = frac << (64 - fb);
        bool qbit = p->hi >> 63;
        p->cls = (qbit != st->snan_bit_is_one) ? FPU_CLS_QNAN : FPU_CLS_SNAN;
        return;
    }
    if (e == 0) {
        if (frac == 0) {
            p->cls = FPU_CLS_ZERO;
            return;
        }
        unpack_denormal(p, frac, fb, fmt->bias, st);
        return;
    }
    p->cls = FPU_CLS_NORMAL;
    p->hi = (1ull << 63) | (frac << (63 - fb));
    p->exp = e - fmt->bias;
}

void fpu_unpack_x80(FpuParts *p, FpuX80 v, FpuStatus *st)
{
    int32_t e = v.sign_exp & 0x7fff;
    uint64_t m = v.mant;

    p->sign = v.sign_exp >> 15;
    p->lo = 0;
    p->hi = 0;
    p->exp = 0;
    if (e == 0x7fff) {
        if (!(m >> 63)) {
            /* pseudo-infinity / pseudo-NaN: invalid operand (387+) */
            p->cls = FPU_CLS_SNAN;
            p->exp = FPU_EXP_INVALID_ENCODING;
            return;
        }
        if ((m << 1) == 0) {
            p->cls = FPU_CLS_INF;
            return;
        }
        p->hi = m << 1;
        p->cls = (p->hi >> 63) ? FPU_CLS_QNAN : FPU_CLS_SNAN;
        return;
    }
    if (e == 0) {
        if (m == 0) {
            p->cls = FPU_CLS_ZERO;
            return;
        }
        /* denormal or pseudo-denormal: both scale as exponent 1 */
        unpack_denormal(p, m, 63, 16383, st);
        return;
    }
    if (!(m >> 63)) {
        /* unnormal: invalid operand (387+) */
        p->cls = FPU_CLS_SNAN;
        p->exp = FPU_EXP_INVALID_ENCODING;
        return;
    }
    p->cls = FPU_CLS_NORMAL;
    p->hi = m;
    p->exp = e - 16383;
}

static bool round_increment(unsigned mode, bool sign, uint64_t kept,
                            bool guard, bool sticky)
{
    switch (mode) {
    case FPU_ROUND_NEAREST_EVEN:
        return guard && (sticky || (kept & 1));
    case FPU_ROUND_NEAREST_AWAY:
        return guard;
    case FPU_ROUND_UP:
        return !sign && (guard || sticky);
    case FPU_ROUND_DOWN:
        return sign && (guard || sticky);
    default:
        return false;
    }
}

/* Split hi:lo into its top prec bits, the next (guard) bit and the OR of
 * the rest. */
static uint64_t split(uint64_t hi, uint64_t lo, int prec, bool *guard,
                      bool *sticky)
{
    if (prec == 64) {
        *guard = lo >> 63;
        *sticky = (lo << 1) != 0;
        return hi;
    }
    uint64_t rest = hi << prec;
    *guard = rest >> 63;
    *sticky = (rest << 1) != 0 || lo != 0;
    return hi >> (64 - prec);
}

/* Round a NORMAL p for an exponent range (bias, exp_max) to prec bits.
 * Outputs the biased exponent and the significand (integer bit included,
 * at bit prec-1; denormals have exponent 0). */
static void round_core(const FpuParts *p, int32_t bias, int32_t exp_max,
                       int prec, FpuStatus *st, int32_t *bexp,
                       uint64_t *sig)
{
    int32_t emin = 1 - bias, emax = exp_max - 1 - bias;
    unsigned mode = st->rounding;
    uint64_t hi = p->hi, lo = p->lo;
    uint64_t mask = prec == 64 ? ~0ull : (1ull << prec) - 1;
    int32_t e = p->exp;
    bool guard, sticky, tiny;
    uint64_t kept;

    if (e >= emin) {
        tiny = false;
    } else if (st->tininess_before || e < emin - 1) {
        tiny = true;
    } else {
        kept = split(hi, lo, prec, &guard, &sticky);
        tiny = !(kept == mask &&
                 round_increment(mode, p->sign, kept, guard, sticky));
    }
    if (tiny && st->flush_outputs) {
        st->flags |= FPU_FLAG_UNDERFLOW;
        if (st->flush_sets_inexact) {
            st->flags |= FPU_FLAG_INEXACT;
        }
        *bexp = 0;
        *sig = 0;
        return;
    }
    bool denormal = e < emin;
    if (denormal) {
        fpu_shr_jam(&hi, &lo, emin - e);
        e = emin;
    }
    kept = split(hi, lo, prec, &guard, &sticky);
    if (round_increment(mode, p->sign, kept, guard, sticky)) {
        if (kept == mask) {
            kept = 1ull << (prec - 1);
            e++;
        } else {
            kept++;
        }
    }
    if (guard || sticky) {
        st->flags |= FPU_FLAG_INEXACT;
        if (tiny) {
            st->flags |= FPU_FLAG_UNDERFLOW;
        }
    }
    if (denormal) {
        *bexp = (kept >> (prec - 1)) & 1;
        *sig = kept;
        return;
    }
    if (e > emax) {
        st->flags |= FPU_FLAG_OVERFLOW | FPU_FLAG_INEXACT;
        bool to_inf = mode == FPU_ROUND_NEAREST_EVEN ||
                      mode == FPU_ROUND_NEAREST_AWAY ||
                      (mode == FPU_ROUND_UP && !p->sign) ||
                      (mode == FPU_ROUND_DOWN && p->sign);
        if (to_inf) {
            *bexp = exp_max;
            *sig = 1ull << (prec - 1);
        } else {
            *bexp = exp_max - 1;
            *sig = mask;
        }
        return;
    }
    *bexp = e + bias;
    *sig = kept;
}

uint64_t fpu_round_pack(FpuParts *p, const FpuFormat *fmt, FpuStatus *st)
{
    int fb = fmt->frac_bits;
    uint64_t sign = (uint64_t)p->sign << (fb + fmt_exp_bits(fmt));
    uint64_t frac_mask = (1ull << fb) - 1;
    int32_t bexp;
    uint64_t sig;

    switch (p->cls) {
    case FPU_CLS_ZERO:
        return sign;
    case FPU_CLS_INF:
        return sign | ((uint64_t)fmt->exp_max << fb);
    case FPU_CLS_QNAN:
    case FPU_CLS_SNAN:
        if (st->default_nan) {
            FpuParts d;
            fpu_default_nan(&d, st);
            *p = d;
            sign = (uint64_t)p->sign << (fb + fmt_exp_bits(fmt));
        }
        return sign | ((uint64_t)fmt->exp_max << fb) | (p->hi >> (64 - fb));
    default:
        break;
    }
    round_core(p, fmt->bias, fmt->exp_max, fmt->prec, st, &bexp, &sig);
    return sign | ((uint64_t)bexp << fb) | (sig & frac_mask);
}

FpuX80 fpu_round_pack_x80(FpuParts *p, int prec, FpuStatus *st)
{
    uint16_t sign = (uint16_t)(p->sign << 15);
    int32_t bexp;
    uint64_t sig;

    switch (p->cls) {
    case FPU_CLS_ZERO:
        return (FpuX80){ 0, sign };
    case FPU_CLS_INF:
        return (FpuX80){ 1ull << 63, (uint16_t)(sign | 0x7fff) };
    case FPU_CLS_QNAN:
    case FPU_CLS_SNAN:
        if (st->default_nan) {
            fpu_default_nan(p, st);
            sign = (uint16_t)(p->sign << 15);
        }
        return (FpuX80){ (1ull << 63) | (p->hi >> 1),
                         (uint16_t)(sign | 0x7fff) };
    default:
        break;
    }
    if (prec != 24 && prec != 53) {
        prec = 64;
    }
    round_core(p, 16383, 0x7fff, prec, st, &bexp, &sig);
    return (FpuX80){ sig << (64 - prec), (uint16_t)(sign | bexp) };
}

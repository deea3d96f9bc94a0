/* frontend/i386/helper-x87-misc.c — the x87 instructions without a
 * memory operand that are not two-operand arithmetic: register moves and
 * exchanges, FCHS/FABS/FXAM, the constants (rounded by RC like the
 * hardware's 66-bit ones), FPREM/FPREM1, FXTRACT, FSCALE, FRNDINT, FSQRT,
 * the transcendentals (core/fpu/fpu_x80_trans.c), FNINIT/FNCLEX and the
 * stack pointer and tag instructions.
 */
#include "helper-fp.h"

#include "core/fpu/fpu_x80_trans.h"
#include "x87.h"

static const FpuX80 x87_one = { 1ull << 63, 0x3fff };

/* FLD1 .. FLDZ: the constant rounded per RC. trunc is the value cut to
 * 64 bits; `guard` the next bit (round to nearest adds it). */
static FpuX80 x87_constant(uint32_t op, unsigned rounding)
{
    static const struct {
        uint16_t se;
        uint64_t trunc;
        bool guard;
    } k[7] = {
        { 0x3fff, 1ull << 63, false },                /* 1 */
        { 0x4000, 0xd49a784bcd1b8afeull, false },     /* log2(10) */
        { 0x3fff, 0xb8aa3b295c17f0bbull, true },      /* log2(e) */
        { 0x4000, 0xc90fdaa22168c234ull, true },      /* pi */
        { 0x3ffd, 0x9a209a84fbcff798ull, true },      /* log10(2) */
        { 0x3ffe, 0xb17217f7d1cf79abull, true },      /* ln(2) */
        { 0, 0, false },                              /* +0 */
    };
    unsigned idx = op - X87_FLD1;
    FpuX80 r = { k[idx].trunc, k[idx].se };

    if (idx == 0 || idx == 6) {
        return r;
    }
    if (rounding == FPU_ROUND_UP ||
        (rounding == FPU_ROUND_NEAREST_EVEN && k[idx].guard)) {
        r.mant++;
    }
    return r;
}

/* FXAM: C3 C2 C0 class, C1 sign. */
static void x87_fxam(X86State *env)
{
    FpuX80 a = *x87_st_reg(env, 0);
    uint32_t e = a.sign_exp & 0x7fff, c;

    if (x87_st_empty(env, 0)) {
        c = X87_SW_C3 | X87_SW_C0;
    } else if (e == 0x7fff) {
        if (!(a.mant >> 63)) {
            c = 0;                                  /* unsupported */
        } else {
            c = (a.mant << 1) ? X87_SW_C0           /* NaN */
                              : X87_SW_C2 | X87_SW_C0;  /* infinity */
        }
    } else if (e == 0) {
        c = a.mant ? X87_SW_C3 | X87_SW_C2          /* denormal */
                   : X87_SW_C3;                     /* zero */
    } else {
        c = (a.mant >> 63) ? X87_SW_C2 : 0;         /* normal/unnormal */
    }
    env->fpus = (env->fpus & ~(X87_SW_C0 | X87_SW_C1 | X87_SW_C2 |
                               X87_SW_C3)) | c |
                ((a.sign_exp & 0x8000) ? X87_SW_C1 : 0);
}

/* Checks that ST(0) (and ST(1) when two) hold values; on a masked stack
 * underflow puts the default NaN in ST(dst) and returns false, as it
 * does for an unmasked one (nothing written). */
static bool x87_operands(X86State *env, bool two, int dst)
{
    if (!x87_st_empty(env, 0) && !(two && x87_st_empty(env, 1))) {
        return true;
    }
    if (x87_stack_fault(env, false)) {
        *x87_st_reg(env, dst) = fpu_x80_default_nan();
        env->fptags[x87_st_phys(env, dst)] = 0;
    }
    return false;
}

/* Result of a one-operand op into ST(0) unless blocked; C1 = up. */
static void x87_put0(X86State *env, FpuX80 r, bool up)
{
    if (!x87_blocked(env)) {
        *x87_st_reg(env, 0) = r;
        if (up) {
            env->fpus |= X87_SW_C1;
        }
    }
}

/* FYL2X / FYL2XP1 / FPATAN: ST(1) = f(ST(0), ST(1)), pop. */
static void x87_binary_pop(X86State *env, uint32_t op)
{
    FpuX80 x = *x87_st_reg(env, 0), y = *x87_st_reg(env, 1), r;
    bool up = false;

    if (!x87_operands(env, true, 1)) {
        if (env->fpuc & X87_SW_IE) {
            x87_pop(env);
        }
        return;
    }
    if (op == X87_FYL2X) {
        r = fpu_x80_yl2x(x, y, &env->fp_status, &up);
    } else if (op == X87_FYL2XP1) {
        r = fpu_x80_yl2xp1(x, y, &env->fp_status, &up);
    } else {
        r = fpu_x80_atan2(y, x, &env->fp_status, &up);
    }
    if (!x87_blocked(env)) {
        *x87_st_reg(env, 1) = r;
        x87_pop(env);
        if (up) {
            env->fpus |= X87_SW_C1;
        }
    }
}

/* FSIN FCOS FPTAN FSINCOS. */
static void x87_trig(X86State *env, uint32_t op)
{
    FpuX80 a = *x87_st_reg(env, 0), r1, r2 = x87_one;
    bool pushes = op == X87_FPTAN || op == X87_FSINCOS, ok, up = false;
    unsigned ups = 0;

    env->fpus &= ~X87_SW_C2;
    if (!x87_operands(env, false, 0)) {
        if (pushes && (env->fpuc & X87_SW_IE)) {
            /* Underflow only (C1 0) even onto a full stack, as FXTRACT. */
            env->fptop = (env->fptop - 1) & 7;
            env->fpregs[env->fptop] = fpu_x80_default_nan();
            env->fptags[env->fptop] = 0;
        }
        return;
    }
    if (pushes && !env->fptags[(env->fptop - 1) & 7]) {
        if (x87_stack_fault(env, true)) {
            *x87_st_reg(env, 0) = fpu_x80_default_nan();
            env->fptop = (env->fptop - 1) & 7;
            env->fpregs[env->fptop] = fpu_x80_default_nan();
            env->fptags[env->fptop] = 0;
        }
        return;
    }
    switch (op) {
    case X87_FSIN:
        ok = fpu_x80_sincos(a, &r1, NULL, &env->fp_status, &ups);
        up = ups & 1;
        break;
    case X87_FCOS:
        ok = fpu_x80_sincos(a, NULL, &r1, &env->fp_status, &ups);
        up = (ups & 2) != 0;
        break;
    case X87_FSINCOS:
        ok = fpu_x80_sincos(a, &r1, &r2, &env->fp_status, &ups);
        /* C1 tells the rounding of the sine (host x87) */
        up = (ups & 1) != 0;
        /* a NaN operand gives NaN twice */
        break;
    default:
        ok = fpu_x80_tan(a, &r1, &env->fp_status, &up);
        if (fpu_x80_is_nan(r1)) {
            r2 = r1;
        }
        break;
    }
    if (!ok) {
        env->fpus |= X87_SW_C2;
        return;
    }
    if (x87_blocked(env)) {
        return;
    }
    *x87_st_reg(env, 0) = r1;
    if (pushes) {
        x87_push(env, r2);
    }
    if (up) {
        env->fpus |= X87_SW_C1;
    }
}

static void x87_fxtract(X86State *env)
{
    FpuX80 a = *x87_st_reg(env, 0), e, m;
    FpuStatus *st = &env->fp_status;
    uint32_t exp = a.sign_exp & 0x7fff;

    if (!x87_operands(env, false, 0)) {
        if (env->fpuc & X87_SW_IE) {
            /* Underflow: the second indefinite goes in even over a valid
             * register, C1 stays 0, as on the host. */
            env->fptop = (env->fptop - 1) & 7;
            env->fpregs[env->fptop] = fpu_x80_default_nan();
            env->fptags[env->fptop] = 0;
        }
        return;
    }
    if (!env->fptags[(env->fptop - 1) & 7]) {
        if (x87_stack_fault(env, true)) {
            *x87_st_reg(env, 0) = fpu_x80_default_nan();
            x87_push(env, fpu_x80_default_nan());
        }
        return;
    }
    if (fpu_x80_is_nan(a) || (exp != 0 && !(a.mant >> 63))) {
        /* NaN (quieted, invalid for SNaN) or an invalid encoding */
        e = m = fpu_x80_add(a, a, st);
    } else if (fpu_x80_is_inf(a)) {
        m = a;
        e = (FpuX80){ 1ull << 63, 0x7fff };
    } else if (exp == 0 && a.mant == 0) {
        st->flags |= FPU_FLAG_DIVBYZERO;
        m = a;
        e = (FpuX80){ 1ull << 63, 0xffff };
    } else {
        int32_t ue = (int32_t)exp - 16383;
        uint64_t mant = a.mant;
        if (exp == 0) {
            /* denormal: normalize (exponent reads as 1) */
            int s = __builtin_clzll(mant);
            st->flags |= FPU_FLAG_DENORMAL;
            mant <<= s;
            ue = 1 - 16383 - s;
        }
        e = fpu_i64_to_x80(ue, st);
        m = (FpuX80){ mant, (uint16_t)((a.sign_exp & 0x8000) | 0x3fff) };
    }
    if (x87_blocked(env)) {
        return;
    }
    *x87_st_reg(env, 0) = e;
    x87_push(env, m);
}

static void x87_fprem(X86State *env, bool ieee)
{
    uint32_t q = 0;
    bool incomplete = false;
    FpuX80 r;

    /* A NaN result (NaN operand, invalid, stack underflow) leaves C0 and
     * C3 as they were and clears C1, C2, as the host does; otherwise
     * they are quotient bits. */
    env->fpus &= ~X87_SW_C2;
    if (!x87_operands(env, true, 0)) {
        return;
    }
    r = fpu_x80_fprem(*x87_st_reg(env, 0), *x87_st_reg(env, 1), ieee, &q,
                      &incomplete, &env->fp_status);
    if (x87_blocked(env)) {
        return;
    }
    *x87_st_reg(env, 0) = r;
    if (fpu_x80_is_nan(r)) {
        return;
    }
    env->fpus &= ~(X87_SW_C0 | X87_SW_C3);
    env->fpus |= (incomplete ? X87_SW_C2 : 0) |
                 ((q & 4) ? X87_SW_C0 : 0) | ((q & 2) ? X87_SW_C3 : 0) |
                 ((q & 1) ? X87_SW_C1 : 0);
}

static bool x87_mag_greater(FpuX80 a, FpuX80 b)
{
    uint32_t ea = a.sign_exp & 0x7fff, eb = b.sign_exp & 0x7fff;

    return ea != eb ? ea > eb : a.mant > b.mant;
}

void x87_helper_misc(CpuCommon *cpu, uint32_t op, uint32_t i)
{
    X86State *env = (X86State *)cpu;
    FpuStatus *st = &env->fp_status;
    int p;

    switch (op) {
    case X87_FFREE:
    case X87_FFREEP:
        /* C1 cleared, C0 C2 C3 kept (the host's choice; the SDM leaves
         * them undefined). */
        env->fpus &= ~X87_SW_C1;
        env->c1_op = 0;
        env->fptags[x87_st_phys(env, (int)i)] = 1;
        if (op == X87_FFREEP) {
            x87_pop(env);
        }
        return;
    case X87_FNINIT:
        x87_reset_x87(env);
        return;
    case X87_FNCLEX:
        env->fpus &= ~(X87_SW_EXC | X87_SW_SF | X87_SW_ES | X87_SW_B);
        return;
    case X87_FNOP:
        return;
    case X87_EMMS:
        for (int r = 0; r < 8; r++) {
            env->fptags[r] = 1;
        }
        env->fptop = 0;
        return;
    default:
        break;
    }
    x87_begin(env);
    switch (op) {
    case X87_FLD_ST:
        if (x87_st_empty(env, (int)i)) {
            /* Underflow: the indefinite is pushed even over a valid
             * register, and C1 stays 0 (no overflow reported), as on the
             * host. */
            if (x87_stack_fault(env, false)) {
                env->fptop = (env->fptop - 1) & 7;
                env->fpregs[env->fptop] = fpu_x80_default_nan();
                env->fptags[env->fptop] = 0;
            }
        } else {
            x87_push(env, *x87_st_reg(env, (int)i));
        }
        break;
    case X87_FXCH: {
        FpuX80 t;
        if (x87_st_empty(env, 0) || x87_st_empty(env, (int)i)) {
            if (!x87_stack_fault(env, false)) {
                break;
            }
            for (int k = 0; k <= 1; k++) {
                int r = k ? (int)i : 0;
                if (x87_st_empty(env, r)) {
                    *x87_st_reg(env, r) = fpu_x80_default_nan();
                    env->fptags[x87_st_phys(env, r)] = 0;
                }
            }
        }
        t = *x87_st_reg(env, 0);
        *x87_st_reg(env, 0) = *x87_st_reg(env, (int)i);
        *x87_st_reg(env, (int)i) = t;
        break;
    }
    case X87_FST_ST:
    case X87_FSTP_ST:
        p = x87_st_phys(env, (int)i);
        if (x87_st_empty(env, 0)) {
            if (!x87_stack_fault(env, false)) {
                break;
            }
            env->fpregs[p] = fpu_x80_default_nan();
        } else {
            env->fpregs[p] = *x87_st_reg(env, 0);
        }
        env->fptags[p] = 0;
        if (op == X87_FSTP_ST) {
            x87_pop(env);
        }
        break;
    case X87_FCHS:
    case X87_FABS:
        if (x87_operands(env, false, 0)) {
            FpuX80 *r = x87_st_reg(env, 0);
            if (op == X87_FCHS) {
                r->sign_exp ^= 0x8000;
            } else {
                r->sign_exp &= 0x7fff;
            }
        }
        break;
    case X87_FXAM:
        x87_fxam(env);
        break;
    case X87_FLD1: case X87_FLDL2T: case X87_FLDL2E: case X87_FLDPI:
    case X87_FLDLG2: case X87_FLDLN2: case X87_FLDZ:
        x87_push(env, x87_constant(op, st->rounding));
        break;
    case X87_F2XM1:
        if (x87_operands(env, false, 0)) {
            bool up = false;
            FpuX80 r = fpu_x80_f2xm1(*x87_st_reg(env, 0), st, &up);
            x87_put0(env, r, up);
        }
        break;
    case X87_FYL2X:
    case X87_FYL2XP1:
    case X87_FPATAN:
        x87_binary_pop(env, op);
        break;
    case X87_FPTAN:
    case X87_FSINCOS:
    case X87_FSIN:
    case X87_FCOS:
        x87_trig(env, op);
        break;
    case X87_FXTRACT:
        x87_fxtract(env);
        break;
    case X87_FPREM:
    case X87_FPREM1:
        x87_fprem(env, op == X87_FPREM1);
        break;
    case X87_FDECSTP:
        env->fptop = (env->fptop - 1) & 7;
        break;
    case X87_FINCSTP:
        env->fptop = (env->fptop + 1) & 7;
        break;
    case X87_FSQRT:
        if (x87_operands(env, false, 0)) {
            FpuX80 a = *x87_st_reg(env, 0);
            FpuX80 r = fpu_x80_sqrt(a, st);
            if (st->flags & FPU_FLAG_INEXACT) {
                env->c1_op = X87_C1_SQRT | (uint32_t)st->rounding << 8 |
                             (uint32_t)st->floatx80_precision << 16;
                env->c1_a = env->c1_b = a;
            }
            x87_put0(env, r, false);
        }
        break;
    case X87_FRNDINT:
        if (x87_operands(env, false, 0)) {
            FpuX80 a = *x87_st_reg(env, 0);
            FpuX80 r = fpu_x80_round_to_int(a, st);
            x87_put0(env, r, (st->flags & FPU_FLAG_INEXACT) &&
                             x87_mag_greater(r, a));
        }
        break;
    case X87_FSCALE:
        if (x87_operands(env, true, 0)) {
            FpuX80 a = *x87_st_reg(env, 0), b = *x87_st_reg(env, 1);
            FpuX80 r = fpu_x80_scale(a, b, st);
            if (st->flags & FPU_FLAG_INEXACT) {
                env->c1_op = X87_C1_SCALE | (uint32_t)st->rounding << 8 |
                             64u << 16;
                env->c1_a = a;
                env->c1_b = b;
            }
            x87_put0(env, r, false);
        }
        break;
    default:
        break;
    }
    x87_end(env);
}

/* frontend/mips/fpu_helper.c — MIPS FPU arithmetic, compares, conversions
 * and multiply-add on core/fpu, with FCSR semantics of MIPS32 Vol I 6.2:
 * every operation replaces the cause bits; an enabled cause traps before
 * the destination or the flags change; otherwise the flags accumulate.
 * Registers follow FR = 0: a 64-bit value is the pair (even, even + 1).
 */
#include "fpu_helper.h"

#include <stdint.h>

/* ---- Register file (FR = 0) -------------------------------------------- */

static uint64_t fpr64(const MipsState *env, uint32_t r)
{
    return (uint64_t)env->fpr[r | 1] << 32 | env->fpr[r & ~1u];
}

static void set_fpr64(MipsState *env, uint32_t r, uint64_t v)
{
    env->fpr[r & ~1u] = (uint32_t)v;
    env->fpr[r | 1] = (uint32_t)(v >> 32);
}

/* ---- FCSR ---------------------------------------------------------------- */

/* Sets the status up for one operation from fcr31: RM has core/fpu's
 * numbering (nearest, zero, up, down); FS flushes tiny values. */
static FpuStatus *fp_begin(MipsState *env)
{
    FpuStatus *st = &env->fp_status;
    bool fs = (env->fcr31 & MIPS_FCSR_FS) != 0;

    st->rounding = (uint8_t)(env->fcr31 & MIPS_FCSR_RM);
    st->flush_outputs = fs;
    st->flush_inputs = fs;
    st->flags = 0;
    return st;
}

/* core/fpu flags as FCSR's I U O Z V bits (0..4). */
static uint32_t fp_cause_bits(uint8_t flags)
{
    return (flags & FPU_FLAG_INEXACT ? 1u : 0) |
           (flags & FPU_FLAG_UNDERFLOW ? 2u : 0) |
           (flags & FPU_FLAG_OVERFLOW ? 4u : 0) |
           (flags & FPU_FLAG_DIVBYZERO ? 8u : 0) |
           (flags & FPU_FLAG_INVALID ? 16u : 0);
}

/* Records the operation's exceptions; leaves with MIPS_EXCP_FPE when one
 * is enabled (the state restored to the instruction through ra). */
static void fp_end(MipsState *env, uintptr_t ra)
{
    uint32_t cause = fp_cause_bits(env->fp_status.flags);

    env->fcr31 = (env->fcr31 & ~MIPS_FCSR_CAUSE) | cause << 12;
    if (cause & (env->fcr31 >> 7) & 0x1f) {
        cpu_raise(&env->common, MIPS_EXCP_FPE, ra);
    }
    env->fcr31 |= cause << 2;
}

static void set_fcc(MipsState *env, uint32_t cc, bool v)
{
    uint32_t bit = cc ? 1u << (24 + cc) : MIPS_FCSR_FCC0;

    env->fcr31 = v ? env->fcr31 | bit : env->fcr31 & ~bit;
}

/* ---- Arithmetic and conversions ------------------------------------------ */

static unsigned fp_int_mode(uint32_t op, const FpuStatus *st)
{
    switch (op) {
    case MIPS_FP_ROUND_L: case MIPS_FP_ROUND_W:
        return FPU_ROUND_NEAREST_EVEN;
    case MIPS_FP_TRUNC_L: case MIPS_FP_TRUNC_W:
        return FPU_ROUND_ZERO;
    case MIPS_FP_CEIL_L: case MIPS_FP_CEIL_W:
        return FPU_ROUND_UP;
    case MIPS_FP_FLOOR_L: case MIPS_FP_FLOOR_W:
        return FPU_ROUND_DOWN;
    default:
        return st->rounding;
    }
}

static bool fp_to_long(uint32_t op)
{
    return op == MIPS_FP_CVT_L || (op >= MIPS_FP_ROUND_L &&
                                   op <= MIPS_FP_FLOOR_L);
}

static uint64_t fp_op_s(uint32_t op, uint32_t a, uint32_t b, FpuStatus *st,
                        bool *wide)
{
    const uint32_t one = 0x3f800000u;

    *wide = false;
    switch (op) {
    case MIPS_FP_ADD: return fpu_f32_add(a, b, st);
    case MIPS_FP_SUB: return fpu_f32_sub(a, b, st);
    case MIPS_FP_MUL: return fpu_f32_mul(a, b, st);
    case MIPS_FP_DIV: return fpu_f32_div(a, b, st);
    case MIPS_FP_SQRT: return fpu_f32_sqrt(a, st);
    case MIPS_FP_RECIP: return fpu_f32_div(one, a, st);
    case MIPS_FP_RSQRT: return fpu_f32_div(one, fpu_f32_sqrt(a, st), st);
    case MIPS_FP_CVT_D:
        *wide = true;
        return fpu_f32_to_f64(a, st);
    default:
        if (fp_to_long(op)) {
            *wide = true;
            return (uint64_t)fpu_f32_to_i64_mode(a, fp_int_mode(op, st), st);
        }
        return (uint32_t)fpu_f32_to_i32_mode(a, fp_int_mode(op, st), st);
    }
}

static uint64_t fp_op_d(uint32_t op, uint64_t a, uint64_t b, FpuStatus *st,
                        bool *wide)
{
    const uint64_t one = 0x3ff0000000000000ull;

    *wide = true;
    switch (op) {
    case MIPS_FP_ADD: return fpu_f64_add(a, b, st);
    case MIPS_FP_SUB: return fpu_f64_sub(a, b, st);
    case MIPS_FP_MUL: return fpu_f64_mul(a, b, st);
    case MIPS_FP_DIV: return fpu_f64_div(a, b, st);
    case MIPS_FP_SQRT: return fpu_f64_sqrt(a, st);
    case MIPS_FP_RECIP: return fpu_f64_div(one, a, st);
    case MIPS_FP_RSQRT: return fpu_f64_div(one, fpu_f64_sqrt(a, st), st);
    case MIPS_FP_CVT_S:
        *wide = false;
        return fpu_f64_to_f32(a, st);
    default:
        if (fp_to_long(op)) {
            return (uint64_t)fpu_f64_to_i64_mode(a, fp_int_mode(op, st), st);
        }
        *wide = false;
        return (uint32_t)fpu_f64_to_i32_mode(a, fp_int_mode(op, st), st);
    }
}

void mips_helper_fp(CpuCommon *cpu, uint32_t op, uint32_t fmt, uint32_t fd,
                    uint32_t fs, uint32_t ft)
{
    uintptr_t ra = EMU_RETADDR();
    MipsState *env = (MipsState *)cpu;
    FpuStatus *st = fp_begin(env);
    uint64_t r;
    bool wide;

    switch (fmt) {
    case MIPS_FMT_S:
        r = fp_op_s(op, env->fpr[fs], env->fpr[ft], st, &wide);
        break;
    case MIPS_FMT_D:
        r = fp_op_d(op, fpr64(env, fs), fpr64(env, ft), st, &wide);
        break;
    case MIPS_FMT_W:        /* CVT.S.W, CVT.D.W */
        wide = op == MIPS_FP_CVT_D;
        r = wide ? fpu_i32_to_f64((int32_t)env->fpr[fs], st)
                 : fpu_i32_to_f32((int32_t)env->fpr[fs], st);
        break;
    default:                /* L: CVT.S.L, CVT.D.L */
        wide = op == MIPS_FP_CVT_D;
        r = wide ? fpu_i64_to_f64((int64_t)fpr64(env, fs), st)
                 : fpu_i64_to_f32((int64_t)fpr64(env, fs), st);
        break;
    }
    fp_end(env, ra);
    if (wide) {
        set_fpr64(env, fd, r);
    } else {
        env->fpr[fd] = (uint32_t)r;
    }
}

/* C.cond.fmt (MIPS32 Vol II C.cond.fmt): cond bit 0 true when unordered,
 * bit 1 when equal, bit 2 when less; bit 3: invalid on a quiet NaN too. */
void mips_helper_fcmp(CpuCommon *cpu, uint32_t fmt, uint32_t cond,
                      uint32_t cc, uint32_t fs, uint32_t ft)
{
    uintptr_t ra = EMU_RETADDR();
    MipsState *env = (MipsState *)cpu;
    FpuStatus *st = fp_begin(env);
    bool sig = (cond & 8) != 0;
    int c = fmt == MIPS_FMT_S
                ? fpu_f32_compare(env->fpr[fs], env->fpr[ft], sig, st)
                : fpu_f64_compare(fpr64(env, fs), fpr64(env, ft), sig, st);
    bool v = (c == FPU_CMP_UNORDERED && (cond & 1)) ||
             (c == FPU_CMP_EQUAL && (cond & 2)) ||
             (c == FPU_CMP_LESS && (cond & 4));

    fp_end(env, ra);
    set_fcc(env, cc, v);
}

void mips_helper_fmadd(CpuCommon *cpu, uint32_t op_fmt, uint32_t fd,
                       uint32_t fr, uint32_t fs, uint32_t ft)
{
    uintptr_t ra = EMU_RETADDR();
    MipsState *env = (MipsState *)cpu;
    FpuStatus *st = fp_begin(env);
    uint32_t op = op_fmt >> 3;      /* 4 MADD, 5 MSUB, 6 NMADD, 7 NMSUB */
    bool sub = op & 1, neg = op & 2;

    if ((op_fmt & 7) == 0) {
        uint32_t p = fpu_f32_mul(env->fpr[fs], env->fpr[ft], st);
        uint32_t r = sub ? fpu_f32_sub(p, env->fpr[fr], st)
                         : fpu_f32_add(p, env->fpr[fr], st);
        if (neg && !fpu_f32_is_nan(r)) {
            r ^= 0x80000000u;
        }
        fp_end(env, ra);
        env->fpr[fd] = r;
    } else {
        uint64_t p = fpu_f64_mul(fpr64(env, fs), fpr64(env, ft), st);
        uint64_t r = sub ? fpu_f64_sub(p, fpr64(env, fr), st)
                         : fpu_f64_add(p, fpr64(env, fr), st);
        if (neg && !fpu_f64_is_nan(r)) {
            r ^= 0x8000000000000000ull;
        }
        fp_end(env, ra);
        set_fpr64(env, fd, r);
    }
}

const IrHelper mips_helper_fp_desc =
    IR_HELPER(mips_helper_fp, IR_HF_MAY_RAISE, IR_HT_VOID, IR_HT_PTR,
              IR_HT_I32, IR_HT_I32, IR_HT_I32, IR_HT_I32, IR_HT_I32);
const IrHelper mips_helper_fcmp_desc =
    IR_HELPER(mips_helper_fcmp, IR_HF_MAY_RAISE, IR_HT_VOID, IR_HT_PTR,
              IR_HT_I32, IR_HT_I32, IR_HT_I32, IR_HT_I32, IR_HT_I32);
const IrHelper mips_helper_fmadd_desc =
    IR_HELPER(mips_helper_fmadd, IR_HF_MAY_RAISE, IR_HT_VOID, IR_HT_PTR,
              IR_HT_I32, IR_HT_I32, IR_HT_I32, IR_HT_I32, IR_HT_I32);

/* frontend/i386/helper-x87.c — the x87 FPU's arithmetic, compares, loads
 * and stores of every memory format (incl. packed BCD), stack handling
 * with tags and stack faults, the status word's flags and C0-C3, and the
 * one-operand instructions incl. the transcendentals, on core/fpu's
 * floatx80. Called from the code translate-x87.c emits. The environment
 * instructions (FLDENV, FNSAVE, FXSAVE…) are in helper-x87-env.c.
 */
#include "helper-fp.h"

#include <string.h>

#include "core/fpu/fpu_x80_trans.h"
#include "helper.h"
#include "x87.h"

static FpuX80 x87_c1_op(uint32_t op, FpuX80 a, FpuX80 b, FpuStatus *st)
{
    switch (op) {
    case X87_C1_ADD: return fpu_x80_add(a, b, st);
    case X87_C1_SUB: return fpu_x80_sub(a, b, st);
    case X87_C1_MUL: return fpu_x80_mul(a, b, st);
    case X87_C1_DIV: return fpu_x80_div(a, b, st);
    case X87_C1_SCALE: return fpu_x80_scale(a, b, st);
    default: return fpu_x80_sqrt(a, st);
    }
}

uint32_t x87_status_word(X86State *env)
{
    if (env->c1_op) {
        FpuStatus s = env->fp_status;
        uint32_t op = env->c1_op & 0xff;
        FpuX80 r, z;

        s.rounding = (uint8_t)((env->c1_op >> 8) & 0xff);
        s.floatx80_precision = (uint8_t)(env->c1_op >> 16);
        r = x87_c1_op(op, env->c1_a, env->c1_b, &s);
        s.rounding = FPU_ROUND_ZERO;
        z = x87_c1_op(op, env->c1_a, env->c1_b, &s);
        if (r.mant != z.mant || r.sign_exp != z.sign_exp) {
            env->fpus |= X87_SW_C1;
        }
        env->c1_op = 0;
    }
    return (env->fpus & ~0x3800u) | (env->fptop & 7) << 11;
}

/* ---- the instruction frame: flags in, flags out ----------------------- */

void x87_begin(X86State *env)
{
    env->fp_status.flags = 0;
    env->fpus &= ~X87_SW_C1;
    env->c1_op = 0;
}

void x87_end(X86State *env)
{
    uint32_t f = env->fp_status.flags, sw = 0;

    sw |= f & FPU_FLAG_INVALID ? X87_SW_IE : 0;
    sw |= f & FPU_FLAG_DENORMAL ? X87_SW_DE : 0;
    sw |= f & FPU_FLAG_DIVBYZERO ? X87_SW_ZE : 0;
    sw |= f & FPU_FLAG_OVERFLOW ? X87_SW_OE : 0;
    sw |= f & FPU_FLAG_UNDERFLOW ? X87_SW_UE : 0;
    sw |= f & FPU_FLAG_INEXACT ? X87_SW_PE : 0;
    env->fpus |= sw;
    if (env->fpus & ~env->fpuc & X87_SW_EXC) {
        env->fpus |= X87_SW_ES | X87_SW_B;
    }
}

/* An unmasked invalid, divide-by-zero or denormal exception leaves the
 * destination untouched (SDM vol. 1, 8.5: pre-computation exceptions). */
bool x87_blocked(const X86State *env)
{
    uint32_t f = env->fp_status.flags, m = env->fpuc;

    return ((f & FPU_FLAG_INVALID) && !(m & X87_SW_IE)) ||
           ((f & FPU_FLAG_DIVBYZERO) && !(m & X87_SW_ZE)) ||
           ((f & FPU_FLAG_DENORMAL) && !(m & X87_SW_DE));
}

/* Stack fault: IE + SF, C1 = overflow. Returns true when IE is masked
 * (the instruction then goes on with the default NaN). */
bool x87_stack_fault(X86State *env, bool overflow)
{
    env->fp_status.flags |= FPU_FLAG_INVALID;
    env->fpus |= X87_SW_SF;
    if (overflow) {
        env->fpus |= X87_SW_C1;
    }
    return (env->fpuc & X87_SW_IE) != 0;
}

/* Pushes v (stack overflow handled): returns false when nothing was
 * pushed (unmasked fault). */
bool x87_push(X86State *env, FpuX80 v)
{
    uint32_t t = (env->fptop - 1) & 7;

    if (!env->fptags[t]) {
        if (!x87_stack_fault(env, true)) {
            return false;
        }
        v = fpu_x80_default_nan();
    }
    env->fptop = t;
    env->fpregs[t] = v;
    env->fptags[t] = 0;
    return true;
}

void x87_pop(X86State *env)
{
    env->fptags[env->fptop & 7] = 1;
    env->fptop = (env->fptop + 1) & 7;
}

/* ---- memory ------------------------------------------------------------ */

static uint64_t x87_ld(CpuCommon *cpu, uint32_t addr, int bytes)
{
    const uint8_t *p = (const uint8_t *)(cpu->guest_base + addr);
    uint64_t v = 0;

    for (int i = bytes - 1; i >= 0; i--) {
        v = v << 8 | p[i];
    }
    return v;
}

static void x87_st(CpuCommon *cpu, uint32_t addr, uint64_t v, int bytes)
{
    uint8_t *p = (uint8_t *)(cpu->guest_base + addr);

    for (int i = 0; i < bytes; i++) {
        p[i] = (uint8_t)(v >> (8 * i));
    }
}

FpuX80 x87_ld80(CpuCommon *cpu, uint32_t addr)
{
    FpuX80 v;

    v.mant = x87_ld(cpu, addr, 8);
    v.sign_exp = (uint16_t)x87_ld(cpu, addr + 8, 2);
    return v;
}

void x87_st80(CpuCommon *cpu, uint32_t addr, FpuX80 v)
{
    x87_st(cpu, addr, v.mant, 8);
    x87_st(cpu, addr + 8, v.sign_exp, 2);
}

/* Packed BCD (SDM vol. 1, 4.7): 18 digits in bytes 0..8, sign bit 79. */
static FpuX80 x87_from_bcd(CpuCommon *cpu, uint32_t addr, FpuStatus *st)
{
    uint64_t lo = x87_ld(cpu, addr, 8), hi = x87_ld(cpu, addr + 8, 2);
    int64_t v = 0;
    FpuX80 r;

    for (int i = 8; i >= 0; i--) {
        uint32_t byte = i == 8 ? (uint32_t)(hi & 0xff)
                               : (uint32_t)(lo >> (8 * i)) & 0xff;
        /* invalid digits are used as they are (undefined result) */
        v = v * 100 + (byte >> 4) * 10 + (byte & 15);
    }
    r = fpu_i64_to_x80(v, st);
    if (hi & 0x8000) {
        r.sign_exp |= 0x8000;
    }
    return r;
}

/* ST(0) rounded to an integer, stored as packed BCD; out of range or
 * NaN: invalid and the BCD indefinite. */
static bool x87_mag_greater(FpuX80 a, FpuX80 b);

static bool x87_to_bcd(FpuX80 a, FpuStatus *st, uint64_t *lo, uint64_t *hi,
                       bool *up)
{
    uint8_t before = st->flags;
    FpuX80 r = fpu_x80_round_to_int(a, st);
    bool neg = (r.sign_exp & 0x8000) != 0;
    int32_t e = (r.sign_exp & 0x7fff) - 16383;
    uint64_t mag;

    /* FBSTP does not raise the denormal-operand flag (host x87) */
    st->flags &= (uint8_t)~(FPU_FLAG_DENORMAL & ~before);
    if (fpu_x80_is_nan(a) || fpu_x80_is_inf(a) || e >= 60 ||
        (e >= 0 && (r.mant >> (63 - e)) >= 1000000000000000000ull)) {
        st->flags = (uint8_t)((st->flags & ~FPU_FLAG_INEXACT) |
                              FPU_FLAG_INVALID);
        *hi = 0xffff;
        *lo = 0xc000000000000000ull;
        return false;
    }
    *up = (st->flags & ~before & FPU_FLAG_INEXACT) && x87_mag_greater(r, a);
    mag = e < 0 ? 0 : r.mant >> (63 - e);
    *lo = 0;
    *hi = neg ? 0x8000 : 0;
    for (int i = 0; i < 9; i++) {
        uint64_t byte = (mag % 10) | (mag / 10 % 10) << 4;
        mag /= 100;
        if (i < 8) {
            *lo |= byte << (8 * i);
        } else {
            *hi |= byte;
        }
    }
    return true;
}

static FpuX80 x87_ld_kind(CpuCommon *cpu, uint32_t kind, uint32_t addr,
                          FpuStatus *st)
{
    switch (kind) {
    case X87_M_F32:
        return fpu_f32_to_x80((uint32_t)x87_ld(cpu, addr, 4), st);
    case X87_M_I32:
        return fpu_i64_to_x80((int32_t)x87_ld(cpu, addr, 4), st);
    case X87_M_F64:
        return fpu_f64_to_x80(x87_ld(cpu, addr, 8), st);
    case X87_M_I16:
        return fpu_i64_to_x80((int16_t)x87_ld(cpu, addr, 2), st);
    case X87_M_I64:
        return fpu_i64_to_x80((int64_t)x87_ld(cpu, addr, 8), st);
    case X87_M_BCD:
        return x87_from_bcd(cpu, addr, st);
    default:
        return x87_ld80(cpu, addr);
    }
}

/* ---- arithmetic ----------------------------------------------------------- */

static void x87_set_c1_pending(X86State *env, uint32_t op, FpuX80 a,
                               FpuX80 b)
{
    if (env->fp_status.flags & FPU_FLAG_INEXACT) {
        env->c1_op = op | (uint32_t)env->fp_status.rounding << 8 |
                     (uint32_t)env->fp_status.floatx80_precision << 16;
        env->c1_a = a;
        env->c1_b = b;
    }
}

/* C3 C2 C0 of a compare result (FPU_CMP_*). */
static void x87_set_cc(X86State *env, int c)
{
    static const uint32_t bits[4] = {
        X87_SW_C0, X87_SW_C3, 0, X87_SW_C0 | X87_SW_C2 | X87_SW_C3,
    };

    env->fpus = (env->fpus & ~(X87_SW_C0 | X87_SW_C2 | X87_SW_C3)) | bits[c];
}

/* dst op src for op 0..7 (COM/COMP compare dst with src). Writes ST(di)
 * unless the op is a compare or an unmasked exception blocks it. */
static void x87_do_arith(X86State *env, uint32_t op, FpuX80 a, FpuX80 b,
                         int di)
{
    FpuStatus *st = &env->fp_status;
    FpuX80 r;

    switch (op) {
    case 0:
        r = fpu_x80_add(a, b, st);
        x87_set_c1_pending(env, X87_C1_ADD, a, b);
        break;
    case 1:
        r = fpu_x80_mul(a, b, st);
        x87_set_c1_pending(env, X87_C1_MUL, a, b);
        break;
    case 2:
    case 3:
        x87_set_cc(env, fpu_x80_compare(a, b, true, st));
        return;
    case 4:
        r = fpu_x80_sub(a, b, st);
        x87_set_c1_pending(env, X87_C1_SUB, a, b);
        break;
    case 5:
        r = fpu_x80_sub(b, a, st);
        x87_set_c1_pending(env, X87_C1_SUB, b, a);
        break;
    case 6:
        r = fpu_x80_div(a, b, st);
        x87_set_c1_pending(env, X87_C1_DIV, a, b);
        break;
    default:
        r = fpu_x80_div(b, a, st);
        x87_set_c1_pending(env, X87_C1_DIV, b, a);
        break;
    }
    if (!x87_blocked(env)) {
        *x87_st_reg(env, di) = r;
    } else {
        env->c1_op = 0;
    }
}

void x87_helper_arith(CpuCommon *cpu, uint32_t op, uint32_t i,
                      uint32_t mode)
{
    X86State *env = (X86State *)cpu;
    int di = mode ? (int)i : 0, si = mode ? 0 : (int)i;

    x87_begin(env);
    if (x87_st_empty(env, di) || x87_st_empty(env, si)) {
        if (x87_stack_fault(env, false)) {
            if (op == 2 || op == 3) {
                x87_set_cc(env, FPU_CMP_UNORDERED);
            } else {
                *x87_st_reg(env, di) = fpu_x80_default_nan();
                env->fptags[x87_st_phys(env, di)] = 0;
            }
        } else {
            x87_end(env);
            return;
        }
    } else {
        x87_do_arith(env, op, *x87_st_reg(env, di), *x87_st_reg(env, si),
                     di);
    }
    if ((op == 3 || mode == 2) && !x87_blocked(env)) {
        x87_pop(env);
    }
    x87_end(env);
}

void x87_helper_arith_mem(CpuCommon *cpu, uint32_t op, uint32_t kind,
                          uint32_t addr)
{
    X86State *env = (X86State *)cpu;
    uint8_t conv;
    FpuX80 m;

    x87_begin(env);
    m = x87_ld_kind(cpu, kind, addr, &env->fp_status);
    /* A denormal memory operand raises DE only when no NaN operand or
     * invalid / divide-by-zero takes precedence (SDM 4.9.2). */
    conv = env->fp_status.flags;
    if ((conv & FPU_FLAG_INVALID) && fpu_x80_is_nan(m)) {
        /* An m32/m64 SNaN stays signaling for the NaN choice (SDM
         * table 4-7: SNaN and QNaN give the QNaN, two SNaNs the larger
         * significand): the conversion quieted it. */
        m.mant &= ~(1ull << 62);
    }
    env->fp_status.flags &= (uint8_t)~FPU_FLAG_DENORMAL;
    if ((conv & FPU_FLAG_DENORMAL) && !fpu_x80_is_nan(m) &&
        !fpu_x80_is_nan(*x87_st_reg(env, 0))) {
        conv = FPU_FLAG_DENORMAL;
    } else {
        conv = 0;
    }
    if (x87_st_empty(env, 0)) {
        if (!x87_stack_fault(env, false)) {
            x87_end(env);
            return;
        }
        if (op == 2 || op == 3) {
            x87_set_cc(env, FPU_CMP_UNORDERED);
        } else {
            *x87_st_reg(env, 0) = fpu_x80_default_nan();
            env->fptags[x87_st_phys(env, 0)] = 0;
        }
    } else {
        uint8_t before = env->fp_status.flags;
        env->fp_status.flags |= conv;
        if (conv && x87_blocked(env)) {
            x87_end(env);
            return;
        }
        env->fp_status.flags = before;
        x87_do_arith(env, op, *x87_st_reg(env, 0), m, 0);
        if (!(env->fp_status.flags &
              (FPU_FLAG_INVALID | FPU_FLAG_DIVBYZERO))) {
            env->fp_status.flags |= conv;
        }
    }
    if (op == 3 && !x87_blocked(env)) {
        x87_pop(env);
    }
    x87_end(env);
}

void x87_helper_fld_mem(CpuCommon *cpu, uint32_t kind, uint32_t addr)
{
    X86State *env = (X86State *)cpu;
    FpuX80 v;

    x87_begin(env);
    v = x87_ld_kind(cpu, kind, addr, &env->fp_status);
    if (!env->fptags[(env->fptop - 1) & 7]) {
        /* Stack overflow comes first: the operand's own exceptions
         * (denormal, invalid of an SNaN) are not reported, as on the
         * host. */
        env->fp_status.flags = 0;
    }
    if (!x87_blocked(env)) {
        x87_push(env, v);
    }
    x87_end(env);
}

/* Magnitude of x80 a > magnitude of b (both finite, same sign). */
static bool x87_mag_greater(FpuX80 a, FpuX80 b)
{
    uint32_t ea = a.sign_exp & 0x7fff, eb = b.sign_exp & 0x7fff;

    return ea != eb ? ea > eb : a.mant > b.mant;
}

void x87_helper_fst_mem(CpuCommon *cpu, uint32_t kind, uint32_t addr,
                        uint32_t pop)
{
    X86State *env = (X86State *)cpu;
    FpuStatus *st = &env->fp_status;
    FpuX80 a = *x87_st_reg(env, 0), back;
    uint64_t v = 0, hi = 0;
    bool empty = x87_st_empty(env, 0), up = false, finite;
    int bytes = 0;

    x87_begin(env);
    if (empty) {
        if (!x87_stack_fault(env, false)) {
            x87_end(env);
            return;
        }
        a = fpu_x80_default_nan();
    }
    finite = !fpu_x80_is_nan(a) && !fpu_x80_is_inf(a);
    switch (kind) {
    case X87_M_F32:
        v = fpu_x80_to_f32(a, st);
        bytes = 4;
        if (finite && (st->flags & FPU_FLAG_INEXACT)) {
            FpuStatus q = *st;
            back = fpu_f32_to_x80((uint32_t)v, &q);
            up = x87_mag_greater(back, a);
        }
        break;
    case X87_M_F64:
        v = fpu_x80_to_f64(a, st);
        bytes = 8;
        if (finite && (st->flags & FPU_FLAG_INEXACT)) {
            FpuStatus q = *st;
            back = fpu_f64_to_x80(v, &q);
            up = x87_mag_greater(back, a);
        }
        break;
    case X87_M_I16:
    case X87_M_I32:
    case X87_M_I64:
        bytes = kind == X87_M_I16 ? 2 : kind == X87_M_I32 ? 4 : 8;
        v = kind == X87_M_I16 ? (uint64_t)(int64_t)fpu_x80_to_i16(a, st)
            : kind == X87_M_I32 ? (uint64_t)(int64_t)fpu_x80_to_i32(a, st)
                                : (uint64_t)fpu_x80_to_i64(a, st);
        if (finite && (st->flags & FPU_FLAG_INEXACT) &&
            !(st->flags & FPU_FLAG_INVALID)) {
            FpuStatus q = *st;
            back = fpu_i64_to_x80((int64_t)v, &q);
            up = x87_mag_greater(back, a);
        }
        break;
    case X87_M_TI16:
    case X87_M_TI32:
    case X87_M_TI64: {
        int64_t t = fpu_x80_to_i64_trunc(a, st);
        int64_t lim = kind == X87_M_TI16 ? 32767 : 2147483647;
        bytes = kind == X87_M_TI16 ? 2 : kind == X87_M_TI32 ? 4 : 8;
        if (kind != X87_M_TI64 && !(st->flags & FPU_FLAG_INVALID) &&
            (t > lim || t < -lim - 1)) {
            st->flags = (uint8_t)((st->flags & ~FPU_FLAG_INEXACT) |
                                  FPU_FLAG_INVALID);
            t = -lim - 1;
        } else if (st->flags & FPU_FLAG_INVALID) {
            t = kind == X87_M_TI64 ? INT64_MIN : -lim - 1;
        }
        v = (uint64_t)t;
        break;
    }
    case X87_M_BCD:
        x87_to_bcd(a, st, &v, &hi, &up);
        bytes = 10;
        break;
    default:
        v = a.mant;
        hi = a.sign_exp;
        bytes = 10;
        break;
    }
    /* Unmasked invalid, overflow or underflow: memory is not written. */
    if ((st->flags & FPU_FLAG_INVALID && !(env->fpuc & X87_SW_IE)) ||
        (st->flags & FPU_FLAG_OVERFLOW && !(env->fpuc & X87_SW_OE)) ||
        (st->flags & FPU_FLAG_UNDERFLOW && !(env->fpuc & X87_SW_UE))) {
        x87_end(env);
        return;
    }
    if (bytes == 10) {
        x87_st(cpu, addr, v, 8);
        x87_st(cpu, addr + 8, hi, 2);
    } else {
        x87_st(cpu, addr, v, bytes);
    }
    if (up) {
        env->fpus |= X87_SW_C1;
    }
    if (pop) {
        x87_pop(env);
    }
    x87_end(env);
}

uint32_t x87_helper_fcom(CpuCommon *cpu, uint32_t i, uint32_t mode)
{
    static const uint32_t eflags[4] = {
        X86_CF, X86_ZF, 0, X86_ZF | X86_PF | X86_CF,
    };
    X86State *env = (X86State *)cpu;
    FpuX80 b = { 0, 0 };
    /* FCOMI & co. leave C1 (lazy or not) as it was unless the stack
     * faults, as the host does. */
    uint32_t keep_c1 = env->fpus & X87_SW_C1, keep_op = env->c1_op;
    int c;

    x87_begin(env);
    if (mode & X87_CMP_EFLAGS) {
        env->fpus |= keep_c1;
        env->c1_op = keep_op;
    }
    if (x87_st_empty(env, 0) || (i < 8 && x87_st_empty(env, (int)i))) {
        env->fpus &= ~X87_SW_C1;
        env->c1_op = 0;
        if (!x87_stack_fault(env, false)) {
            x87_end(env);
            return 0;   /* unmasked: the flags stay (lazy flags kept) */
        }
        c = FPU_CMP_UNORDERED;
    } else {
        if (i < 8) {
            b = *x87_st_reg(env, (int)i);
        }
        c = fpu_x80_compare(*x87_st_reg(env, 0), b,
                            !(mode & X87_CMP_UNORDERED), &env->fp_status);
        if (x87_blocked(env)) {
            x87_end(env);
            return mode & X87_CMP_EFLAGS ? eflags[c] : 0;
        }
    }
    if (!(mode & X87_CMP_EFLAGS)) {
        x87_set_cc(env, c);
    }
    if (mode & (X87_CMP_POP1 | X87_CMP_POP2)) {
        x87_pop(env);
    }
    if (mode & X87_CMP_POP2) {
        x87_pop(env);
    }
    x87_end(env);
    return eflags[c];
}

void x87_helper_fcmov(CpuCommon *cpu, uint32_t i, uint32_t cond)
{
    X86State *env = (X86State *)cpu;

    /* Without a stack fault C1 stays (lazy or not), as on the host. */
    if (x87_st_empty(env, 0) || x87_st_empty(env, (int)i)) {
        x87_begin(env);
        if (x87_stack_fault(env, false)) {
            *x87_st_reg(env, 0) = fpu_x80_default_nan();
            env->fptags[x87_st_phys(env, 0)] = 0;
        }
        x87_end(env);
    } else if (cond) {
        *x87_st_reg(env, 0) = *x87_st_reg(env, (int)i);
    }
}

uint32_t x87_helper_fnstsw(CpuCommon *cpu)
{
    return x87_status_word((X86State *)cpu);
}

void x87_helper_fldcw(CpuCommon *cpu, uint32_t cw)
{
    x87_set_control((X86State *)cpu, cw);
}

const IrHelper x87_helper_arith_desc =
    IR_HELPER(x87_helper_arith, IR_HF_NO_READ_GLOBALS |
              IR_HF_NO_WRITE_GLOBALS, IR_HT_VOID, IR_HT_PTR, IR_HT_I32,
              IR_HT_I32, IR_HT_I32);
const IrHelper x87_helper_arith_mem_desc =
    IR_HELPER(x87_helper_arith_mem, IR_HF_MAY_RAISE | IR_HF_NO_WRITE_GLOBALS,
              IR_HT_VOID, IR_HT_PTR, IR_HT_I32, IR_HT_I32, IR_HT_I32);
const IrHelper x87_helper_fld_mem_desc =
    IR_HELPER(x87_helper_fld_mem, IR_HF_MAY_RAISE | IR_HF_NO_WRITE_GLOBALS,
              IR_HT_VOID, IR_HT_PTR, IR_HT_I32, IR_HT_I32);
const IrHelper x87_helper_fst_mem_desc =
    IR_HELPER(x87_helper_fst_mem, IR_HF_MAY_RAISE | IR_HF_NO_WRITE_GLOBALS,
              IR_HT_VOID, IR_HT_PTR, IR_HT_I32, IR_HT_I32, IR_HT_I32);
const IrHelper x87_helper_fcom_desc =
    IR_HELPER(x87_helper_fcom, IR_HF_NO_READ_GLOBALS |
              IR_HF_NO_WRITE_GLOBALS, IR_HT_I32, IR_HT_PTR, IR_HT_I32,
              IR_HT_I32);
const IrHelper x87_helper_misc_desc =
    IR_HELPER(x87_helper_misc, IR_HF_NO_READ_GLOBALS |
              IR_HF_NO_WRITE_GLOBALS, IR_HT_VOID, IR_HT_PTR, IR_HT_I32,
              IR_HT_I32);
const IrHelper x87_helper_fcmov_desc =
    IR_HELPER(x87_helper_fcmov, IR_HF_NO_READ_GLOBALS |
              IR_HF_NO_WRITE_GLOBALS, IR_HT_VOID, IR_HT_PTR, IR_HT_I32,
              IR_HT_I32);
const IrHelper x87_helper_fnstsw_desc =
    IR_HELPER(x87_helper_fnstsw, IR_HF_NO_READ_GLOBALS |
              IR_HF_NO_WRITE_GLOBALS, IR_HT_I32, IR_HT_PTR);
const IrHelper x87_helper_fldcw_desc =
    IR_HELPER(x87_helper_fldcw, IR_HF_NO_READ_GLOBALS |
              IR_HF_NO_WRITE_GLOBALS, IR_HT_VOID, IR_HT_PTR, IR_HT_I32);

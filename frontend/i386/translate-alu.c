/* frontend/i386/translate-alu.c — i386 integer operations as micro-ops:
 * the eight ALU ops (with LOCK as host atomics), INC/DEC, shifts and
 * rotates (SDM "SAL/SAR/SHL/SHR", "RCL/RCR/ROL/ROR", SHLD/SHRD), group 3
 * (TEST NOT NEG MUL IMUL DIV IDIV), bit tests and scans, string
 * instructions with REP, CMPXCHG/XADD/CMPXCHG8B.
 */
#include "translate.h"

#include <stddef.h>

#include "helper.h"

static IrTemp x86_new(DisasCtx *d)
{
    return ir_temp_new(d->b, IR_I32);
}

static uint32_t x86_ot_mask(int ot)
{
    return ot == X86_OT_B ? 0xffu : ot == X86_OT_W ? 0xffffu : 0xffffffffu;
}

/* ---- ALU ops ------------------------------------------------------------ */

void x86_gen_alu(DisasCtx *d, int op, int ot, const X86Opnd *dst,
                 IrTemp src)
{
    IrBlock *b = d->b;
    IrTemp a, res = x86_new(d), cf = IR_NO_TEMP;

    if (op == 2 || op == 3) {
        cf = x86_gen_cf(d);
    }
    if (d->lock && dst->mem && op != 7) {
        IrTemp v = src;
        a = x86_new(d);
        switch (op) {
        case 0:
            ir_atomic_fetch_add(b, a, dst->addr, src, (unsigned)ot);
            break;
        case 1:
            ir_atomic_fetch_or(b, a, dst->addr, src, (unsigned)ot);
            break;
        case 2:
        case 3:
        case 5:
            v = x86_new(d);
            ir_add(b, v, src, op == 5 ? x86_const(d, 0) : cf);
            if (op != 2) {
                ir_neg(b, v, v);
            }
            ir_atomic_fetch_add(b, a, dst->addr, v, (unsigned)ot);
            break;
        case 4:
            ir_atomic_fetch_and(b, a, dst->addr, src, (unsigned)ot);
            break;
        default:
            ir_atomic_fetch_xor(b, a, dst->addr, src, (unsigned)ot);
            break;
        }
    } else {
        a = x86_ld_opnd(d, ot, dst);
    }
    switch (op) {
    case 0:
        ir_add(b, res, a, src);
        break;
    case 1:
        ir_or(b, res, a, src);
        break;
    case 2:
        ir_add(b, res, a, src);
        ir_add(b, res, res, cf);
        break;
    case 3:
        ir_sub(b, res, a, src);
        ir_sub(b, res, res, cf);
        break;
    case 4:
        ir_and(b, res, a, src);
        break;
    case 6:
        ir_xor(b, res, a, src);
        break;
    default:    /* SUB, CMP */
        ir_sub(b, res, a, src);
        break;
    }
    if (op != 7 && !(d->lock && dst->mem)) {
        x86_st_opnd(d, ot, dst, res);
    }
    switch (op) {
    case 0:
        x86_set_cc(d, X86_CC_ADD, ot, res, src, IR_NO_TEMP);
        break;
    case 2:
        x86_set_cc(d, X86_CC_ADC, ot, res, src, cf);
        break;
    case 3:
        x86_set_cc(d, X86_CC_SBB, ot, res, src, cf);
        break;
    case 5:
    case 7:
        x86_set_cc(d, X86_CC_SUB, ot, res, src, IR_NO_TEMP);
        break;
    default:
        x86_set_cc(d, X86_CC_LOGIC, ot, res, IR_NO_TEMP, IR_NO_TEMP);
        break;
    }
}

void x86_gen_incdec(DisasCtx *d, int ot, const X86Opnd *o, bool dec)
{
    IrBlock *b = d->b;
    IrTemp cf = x86_gen_cf(d);
    IrTemp res = x86_new(d);
    IrTemp a;

    if (d->lock && o->mem) {
        a = x86_new(d);
        ir_atomic_fetch_add(b, a, o->addr, x86_const(d, dec ? ~0u : 1u),
                            (unsigned)ot);
        ir_addi(b, res, a, dec ? ~0u : 1u);
    } else {
        a = x86_ld_opnd(d, ot, o);
        ir_addi(b, res, a, dec ? ~0u : 1u);
        x86_st_opnd(d, ot, o, res);
    }
    x86_set_cc(d, dec ? X86_CC_DEC : X86_CC_INC, ot, res, cf, IR_NO_TEMP);
}

/* ---- Shifts and rotates ------------------------------------------------- */

/* The value replicated so that a 32-bit rotate rotates its low ot bits. */
static IrTemp x86_rot_replicate(DisasCtx *d, int ot, IrTemp v)
{
    IrTemp z = x86_zext(d, ot, v), t;

    if (ot == X86_OT_L) {
        return z;
    }
    t = x86_new(d);
    ir_muli(d->b, t, z, ot == X86_OT_B ? 0x01010101u : 0x00010001u);
    return t;
}

/* CF | OF of ROL/ROR as EFLAGS bits, given the (replicated) result. */
static IrTemp x86_rot_cf_of(DisasCtx *d, int ot, IrTemp res, bool right)
{
    IrBlock *b = d->b;
    unsigned msb = (8u << ot) - 1;
    IrTemp cf = x86_new(d), of = x86_new(d), t = x86_new(d);

    if (right) {
        ir_extract(b, cf, res, msb, 1);
        ir_extract(b, t, res, msb - 1, 1);
        ir_xor(b, of, cf, t);
    } else {
        ir_andi(b, cf, res, 1);
        ir_extract(b, t, res, msb, 1);
        ir_xor(b, of, cf, t);
    }
    ir_shli(b, of, of, 11);
    ir_or(b, cf, cf, of);
    return cf;
}

/* New flags after ROL/ROR given the (replicated) result. */
static IrTemp x86_rot_flags(DisasCtx *d, int ot, IrTemp res, bool right)
{
    IrBlock *b = d->b;
    IrTemp fl = x86_gen_eflags(d);

    ir_andi(b, fl, fl, ~(uint32_t)(X86_CF | X86_OF));
    ir_or(b, fl, fl, x86_rot_cf_of(d, ot, res, right));
    return fl;
}

/* The rotate state when the block does not know the last flag setter,
 * decided at run time: after ADC/SBB (src2 in use) through EFLAGS, else
 * cc_op becomes (or stays) X86_CC_ROT_BASE + op with CF | OF in cc_src2
 * (EFLAGS itself included: op 0 describes its flags by cc_src). */
static void x86_rot_lazy_dynamic(DisasCtx *d, IrTemp cfof)
{
    IrBlock *b = d->b;
    uint32_t slow = ir_new_label(b), done = ir_new_label(b);
    IrTemp k = x86_new(d), up = x86_new(d), nop = x86_new(d);
    IrTemp keep = ir_temp_local(b, IR_I32);     /* lives past the label */
    IrTemp fl;

    ir_mov(b, keep, cfof);
    cfof = keep;
    ir_andi(b, k, X86_T_CC_OP, ~3u);
    ir_brcondi(b, IR_COND_EQ, k, X86_CC_ADC * 4, slow);
    ir_brcondi(b, IR_COND_EQ, k, X86_CC_SBB * 4, slow);
    ir_addi(b, up, X86_T_CC_OP, X86_CC_ROT_BASE);
    ir_movcond(b, IR_COND_GEU, nop, X86_T_CC_OP,
               x86_const(d, X86_CC_ROT_BASE), X86_T_CC_OP, up);
    ir_mov(b, X86_T_CC_SRC2, cfof);
    ir_mov(b, X86_T_CC_OP, nop);
    ir_br(b, done);
    ir_set_label(b, slow);
    fl = x86_gen_eflags(d);
    ir_andi(b, fl, fl, ~(uint32_t)(X86_CF | X86_OF));
    ir_or(b, X86_T_CC_SRC, fl, cfof);
    ir_movi(b, X86_T_CC_OP, X86_CC_EFLAGS);
    ir_set_label(b, done);
    d->cc_op = X86_CC_DYNAMIC;
}

/* ROL/ROR by a nonzero constant without computing EFLAGS: when the last
 * flag setter is known and leaves src2 unused, the rotate's CF and OF go
 * to cc_src2 and cc_op says so (X86_CC_ROT_BASE, cpu.h); the other flags
 * stay described by the previous state. False when it cannot. */
static bool x86_rot_lazy(DisasCtx *d, int ot, IrTemp res, bool right)
{
    IrBlock *b = d->b;
    int prev = d->cc_op, kind = prev / 4;
    IrTemp cfof;

    if (prev == X86_CC_DYNAMIC) {
        x86_rot_lazy_dynamic(d, x86_rot_cf_of(d, ot, res, right));
        return true;
    }
    if (prev < X86_CC_ROT_BASE &&
        (kind == X86_CC_ADC || kind == X86_CC_SBB)) {
        return false;
    }
    cfof = x86_rot_cf_of(d, ot, res, right);
    if (prev == X86_CC_EFLAGS) {
        IrTemp fl = x86_new(d);
        ir_andi(b, fl, X86_T_CC_SRC, ~(uint32_t)(X86_CF | X86_OF));
        ir_or(b, X86_T_CC_SRC, fl, cfof);
        return true;
    }
    ir_mov(b, X86_T_CC_SRC2, cfof);
    if (prev < X86_CC_ROT_BASE) {
        d->cc_op = X86_CC_ROT_BASE + prev;
        ir_movi(b, X86_T_CC_OP, (uint32_t)d->cc_op);
    }
    return true;
}

void x86_gen_shift(DisasCtx *d, int op, int ot, const X86Opnd *o,
                   IrTemp count, int count_imm)
{
    IrBlock *b = d->b;
    bool dyn = count_imm < 0;
    IrTemp cnt, cm1, v, res = x86_new(d), srcc = x86_new(d), zero;
    int kind;

    if (!dyn && (count_imm & 31) == 0) {
        return;
    }
    if (dyn) {
        cnt = x86_new(d);
        cm1 = x86_new(d);
        ir_andi(b, cnt, count, 31);
        ir_subi(b, cm1, cnt, 1);
    } else {
        cnt = x86_const(d, (uint32_t)count_imm & 31);
        cm1 = x86_const(d, ((uint32_t)count_imm & 31) - 1);
    }
    zero = x86_const(d, 0);
    v = x86_ld_opnd(d, ot, o);
    if (op == 2 || op == 3) {
        /* RCL / RCR through the helper: flags as EFLAGS. */
        IrTemp fl = x86_gen_eflags(d);
        IrTemp r64 = ir_temp_new(b, IR_I64);
        IrTemp args[4] = { x86_const(d, (uint32_t)ot | (op == 3 ? 4 : 0)),
                           v, cnt, fl };
        IrTemp nfl = x86_new(d);
        ir_call(b, &x86_helper_rcx_desc, r64, 4, args);
        ir_extrl_i64_i32(b, res, r64);
        ir_extrh_i64_i32(b, nfl, r64);
        x86_st_opnd(d, ot, o, res);
        x86_set_eflags(d, nfl);
        return;
    }
    if (op == 0 || op == 1) {
        IrTemp rep = x86_rot_replicate(d, ot, v);
        IrTemp fl;
        if (op == 0) {
            ir_rotl(b, res, rep, cnt);
        } else {
            ir_rotr(b, res, rep, cnt);
        }
        if (!dyn) {
            /* the store first: a fault leaves the flags untouched */
            x86_st_opnd(d, ot, o, res);
            if (!x86_rot_lazy(d, ot, res, op == 1)) {
                x86_set_eflags(d, x86_rot_flags(d, ot, res, op == 1));
            }
            return;
        }
        fl = x86_rot_flags(d, ot, res, op == 1);
        if (dyn) {
            IrTemp old = x86_gen_eflags(d);
            IrTemp keep = x86_new(d);
            ir_movcond(b, IR_COND_EQ, keep, cnt, zero, old, fl);
            fl = keep;
        }
        x86_st_opnd(d, ot, o, res);
        x86_set_eflags(d, fl);
        return;
    }
    if (op == 4 || op == 6) {
        ir_shl(b, res, v, cnt);
        ir_shl(b, srcc, v, cm1);
        kind = X86_CC_SHL;
    } else if (op == 5) {
        IrTemp z = x86_zext(d, ot, v);
        ir_shr(b, res, z, cnt);
        ir_shr(b, srcc, z, cm1);
        kind = X86_CC_SAR;
    } else {
        IrTemp s = x86_sext(d, ot, v);
        ir_sar(b, res, s, cnt);
        ir_sar(b, srcc, s, cm1);
        kind = X86_CC_SAR;
    }
    if (!dyn) {
        x86_st_opnd(d, ot, o, res);
        x86_set_cc(d, kind, ot, res, srcc, IR_NO_TEMP);
        return;
    }
    /* A count of 0 changes neither the operand nor the flags. */
    {
        IrTemp r2 = x86_new(d), nd = x86_new(d), ns = x86_new(d);
        IrTemp nop = x86_new(d);
        IrTemp zr = x86_zext(d, ot, res), zs = x86_zext(d, ot, srcc);
        ir_movcond(b, IR_COND_EQ, r2, cnt, zero, v, res);
        x86_st_opnd(d, ot, o, r2);
        ir_movcond(b, IR_COND_EQ, nd, cnt, zero, X86_T_CC_DST, zr);
        ir_movcond(b, IR_COND_EQ, ns, cnt, zero, X86_T_CC_SRC, zs);
        ir_movcond(b, IR_COND_EQ, nop, cnt, zero, X86_T_CC_OP,
                   x86_const(d, (uint32_t)X86_CC_OP(kind, ot)));
        ir_mov(b, X86_T_CC_DST, nd);
        ir_mov(b, X86_T_CC_SRC, ns);
        ir_mov(b, X86_T_CC_OP, nop);
        d->cc_op = X86_CC_DYNAMIC;
    }
}

void x86_gen_shld(DisasCtx *d, int ot, const X86Opnd *o, bool left,
                  IrTemp count, int count_imm)
{
    IrBlock *b = d->b;
    bool dyn = count_imm < 0;
    IrTemp cnt, cm1, v, s, x64, t64, c64, u, res = x86_new(d);
    IrTemp srcc = x86_new(d), zero = x86_const(d, 0);
    int kind = left ? X86_CC_SHL : X86_CC_SAR;

    if (!dyn && (count_imm & 31) == 0) {
        return;
    }
    if (dyn) {
        cnt = x86_new(d);
        ir_andi(b, cnt, count, 31);
    } else {
        cnt = x86_const(d, (uint32_t)count_imm & 31);
    }
    cm1 = x86_new(d);
    ir_subi(b, cm1, cnt, 1);
    ir_andi(b, cm1, cm1, 63);
    v = x86_ld_opnd(d, ot, o);
    s = x86_ld_reg(d, ot, d->reg);
    x64 = ir_temp_new(b, IR_I64);
    t64 = ir_temp_new(b, IR_I64);
    c64 = ir_temp_new(b, IR_I64);
    u = ir_temp_new(b, IR_I64);
    ir_extu_i32_i64(b, c64, cm1);
    if (ot == X86_OT_L) {
        /* The 64-bit concatenation dest:src (left) or src:dest (right). */
        ir_extu_i32_i64(b, x64, left ? v : s);
        ir_shli(b, x64, x64, 32);
        ir_extu_i32_i64(b, t64, left ? s : v);
        ir_or(b, x64, x64, t64);
    } else {
        IrTemp x = x86_new(d);
        ir_deposit(b, x, left ? s : v, left ? v : s, 16, 16);
        ir_extu_i32_i64(b, x64, x);
        if (left) {
            ir_shli(b, x64, x64, 32);
        }
    }
    if (left) {
        ir_shl(b, u, x64, c64);
        ir_extrh_i64_i32(b, srcc, u);
        ir_shli(b, u, u, 1);
        ir_extrh_i64_i32(b, res, u);
        if (ot == X86_OT_W) {
            ir_shri(b, srcc, srcc, 16);
            ir_shri(b, res, res, 16);
        }
    } else {
        ir_shr(b, u, x64, c64);
        ir_extrl_i64_i32(b, srcc, u);
        ir_shri(b, u, u, 1);
        ir_extrl_i64_i32(b, res, u);
    }
    if (!dyn) {
        x86_st_opnd(d, ot, o, res);
        x86_set_cc(d, kind, ot, res, srcc, IR_NO_TEMP);
        return;
    }
    {
        IrTemp r2 = x86_new(d), nd = x86_new(d), ns = x86_new(d);
        IrTemp nop = x86_new(d);
        IrTemp zr = x86_zext(d, ot, res), zs = x86_zext(d, ot, srcc);
        ir_movcond(b, IR_COND_EQ, r2, cnt, zero, v, res);
        x86_st_opnd(d, ot, o, r2);
        ir_movcond(b, IR_COND_EQ, nd, cnt, zero, X86_T_CC_DST, zr);
        ir_movcond(b, IR_COND_EQ, ns, cnt, zero, X86_T_CC_SRC, zs);
        ir_movcond(b, IR_COND_EQ, nop, cnt, zero, X86_T_CC_OP,
                   x86_const(d, (uint32_t)X86_CC_OP(kind, ot)));
        ir_mov(b, X86_T_CC_DST, nd);
        ir_mov(b, X86_T_CC_SRC, ns);
        ir_mov(b, X86_T_CC_OP, nop);
        d->cc_op = X86_CC_DYNAMIC;
    }
}

/* ---- Group 3: TEST NOT NEG MUL IMUL DIV IDIV ------------------------------- */

static void x86_gen_div(DisasCtx *d, int ot, IrTemp divisor, bool is_signed)
{
    IrBlock *b = d->b;
    IrTemp lo = x86_new(d), hi = x86_new(d), r64 = ir_temp_new(b, IR_I64);
    IrTemp q = x86_new(d), r = x86_new(d);
    IrTemp args[6];

    if (ot == X86_OT_L) {
        ir_mov(b, lo, X86_T_REG(X86_EAX));
        ir_mov(b, hi, X86_T_REG(X86_EDX));
    } else if (ot == X86_OT_W) {
        ir_deposit(b, lo, X86_T_REG(X86_EAX), X86_T_REG(X86_EDX), 16, 16);
        ir_movi(b, hi, 0);
    } else {
        ir_mov(b, lo, X86_T_REG(X86_EAX));
        ir_movi(b, hi, 0);
    }
    args[0] = IR_ENV;
    args[1] = lo;
    args[2] = hi;
    args[3] = divisor;
    args[4] = x86_const(d, (uint32_t)ot | (is_signed ? 4u : 0u));
    args[5] = x86_const(d, d->pc);
    ir_call(b, &x86_helper_div_desc, r64, 6, args);
    ir_extrl_i64_i32(b, q, r64);
    ir_extrh_i64_i32(b, r, r64);
    if (ot == X86_OT_B) {
        x86_st_reg(d, X86_OT_B, 0, q);
        x86_st_reg(d, X86_OT_B, 4, r);      /* AH */
    } else {
        x86_st_reg(d, ot, X86_EAX, q);
        x86_st_reg(d, ot, X86_EDX, r);
    }
}

void x86_gen_grp3(DisasCtx *d, int op, int ot, const X86Opnd *o)
{
    IrBlock *b = d->b;
    IrTemp v, res = x86_new(d), hi = x86_new(d), ovf = x86_new(d);

    if (op == 0 || op == 1) {
        IrTemp imm = x86_const(d, x86_fetch_imm(d, ot));
        v = x86_ld_opnd(d, ot, o);
        ir_and(b, res, v, imm);
        x86_set_cc(d, X86_CC_LOGIC, ot, res, IR_NO_TEMP, IR_NO_TEMP);
        return;
    }
    if (op == 2 && d->lock && o->mem) {
        ir_atomic_fetch_xor(b, res, o->addr, x86_const(d, x86_ot_mask(ot)),
                            (unsigned)ot);
        return;
    }
    v = x86_ld_opnd(d, ot, o);
    switch (op) {
    case 2:     /* NOT */
        ir_not(b, res, v);
        x86_st_opnd(d, ot, o, res);
        return;
    case 3:     /* NEG */
        ir_neg(b, res, v);
        x86_st_opnd(d, ot, o, res);
        x86_set_cc(d, X86_CC_SUB, ot, res, v, IR_NO_TEMP);
        return;
    case 4:     /* MUL */
        if (ot == X86_OT_L) {
            ir_mulu2(b, res, hi, X86_T_REG(X86_EAX), v);
            ir_mov(b, X86_T_REG(X86_EAX), res);
            ir_mov(b, X86_T_REG(X86_EDX), hi);
        } else {
            IrTemp a = x86_ld_reg(d, ot, X86_EAX);
            ir_mul(b, res, a, x86_zext(d, ot, v));
            ir_shri(b, hi, res, 8u << ot);
            if (ot == X86_OT_B) {
                x86_st_reg(d, X86_OT_W, X86_EAX, res);
            } else {
                x86_st_reg(d, X86_OT_W, X86_EAX, res);
                x86_st_reg(d, X86_OT_W, X86_EDX, hi);
            }
        }
        x86_set_cc(d, X86_CC_MUL, ot, res, hi, IR_NO_TEMP);
        return;
    case 5:     /* IMUL */
        if (ot == X86_OT_L) {
            IrTemp sg = x86_new(d);
            ir_muls2(b, res, hi, X86_T_REG(X86_EAX), v);
            ir_sari(b, sg, res, 31);
            ir_setcond(b, IR_COND_NE, ovf, hi, sg);
            ir_mov(b, X86_T_REG(X86_EAX), res);
            ir_mov(b, X86_T_REG(X86_EDX), hi);
        } else {
            IrTemp a = x86_sext(d, ot, x86_ld_reg(d, ot, X86_EAX));
            IrTemp tr = x86_new(d);
            ir_mul(b, res, a, x86_sext(d, ot, v));
            if (ot == X86_OT_B) {
                ir_ext8s(b, tr, res);
                x86_st_reg(d, X86_OT_W, X86_EAX, res);
            } else {
                ir_ext16s(b, tr, res);
                ir_shri(b, hi, res, 16);
                x86_st_reg(d, X86_OT_W, X86_EAX, res);
                x86_st_reg(d, X86_OT_W, X86_EDX, hi);
            }
            ir_setcond(b, IR_COND_NE, ovf, tr, res);
        }
        x86_set_cc(d, X86_CC_MUL, ot, res, ovf, IR_NO_TEMP);
        return;
    default:    /* DIV, IDIV */
        x86_gen_div(d, ot, v, op == 7);
        return;
    }
}

void x86_gen_imul(DisasCtx *d, int ot, int reg, IrTemp a, IrTemp c)
{
    IrBlock *b = d->b;
    IrTemp res = x86_new(d), ovf = x86_new(d);

    if (ot == X86_OT_L) {
        IrTemp hi = x86_new(d), sg = x86_new(d);
        ir_muls2(b, res, hi, a, c);
        ir_sari(b, sg, res, 31);
        ir_setcond(b, IR_COND_NE, ovf, hi, sg);
    } else {
        IrTemp tr = x86_new(d);
        ir_mul(b, res, x86_sext(d, ot, a), x86_sext(d, ot, c));
        ir_ext16s(b, tr, res);
        ir_setcond(b, IR_COND_NE, ovf, tr, res);
    }
    x86_st_reg(d, ot, reg, res);
    x86_set_cc(d, X86_CC_MUL, ot, res, ovf, IR_NO_TEMP);
}

/* ---- Bit tests and scans ------------------------------------------------ */

void x86_gen_bt(DisasCtx *d, int op, int ot, const X86Opnd *o, IrTemp off,
                bool imm)
{
    IrBlock *b = d->b;
    unsigned bits = 8u << ot;
    IrTemp bit = x86_new(d), mask = x86_new(d), v, cf = x86_new(d);
    IrTemp nv = x86_new(d), fl;
    X86Opnd m = *o;

    if (o->mem && !imm) {
        IrTemp disp = x86_new(d), a = x86_new(d);
        IrTemp so = x86_sext(d, ot, off);
        ir_sari(b, disp, so, ot == X86_OT_L ? 5 : 4);
        ir_shli(b, disp, disp, ot == X86_OT_L ? 2 : 1);
        ir_add(b, a, o->addr, disp);
        m.addr = a;
    }
    ir_andi(b, bit, off, bits - 1);
    ir_shl(b, mask, x86_const(d, 1), bit);
    if (op != 0 && d->lock && m.mem) {
        v = x86_new(d);
        if (op == 1) {
            ir_atomic_fetch_or(b, v, m.addr, mask, (unsigned)ot);
        } else if (op == 2) {
            IrTemp nm = x86_new(d);
            ir_not(b, nm, mask);
            ir_atomic_fetch_and(b, v, m.addr, nm, (unsigned)ot);
        } else {
            ir_atomic_fetch_xor(b, v, m.addr, mask, (unsigned)ot);
        }
    } else {
        v = x86_ld_opnd(d, ot, &m);
        if (op != 0) {
            if (op == 1) {
                ir_or(b, nv, v, mask);
            } else if (op == 2) {
                ir_andc(b, nv, v, mask);
            } else {
                ir_xor(b, nv, v, mask);
            }
            x86_st_opnd(d, ot, &m, nv);
        }
    }
    ir_shr(b, cf, v, bit);
    ir_andi(b, cf, cf, 1);
    fl = x86_gen_eflags(d);
    ir_andi(b, fl, fl, ~(uint32_t)X86_CF);
    ir_or(b, fl, fl, cf);
    x86_set_eflags(d, fl);
}

void x86_gen_bsf(DisasCtx *d, int ot, const X86Opnd *o, bool reverse,
                 bool cnt_form)
{
    IrBlock *b = d->b;
    IrTemp v = x86_zext(d, ot, x86_ld_opnd(d, ot, o));
    IrTemp idx = x86_new(d), zero = x86_const(d, 0);

    if (!cnt_form) {
        IrTemp old = x86_ld_reg(d, ot, d->reg), res = x86_new(d);
        if (reverse) {
            ir_clz(b, idx, v);
            ir_xori(b, idx, idx, 31);
        } else {
            ir_ctz(b, idx, v);
        }
        ir_movcond(b, IR_COND_EQ, res, v, zero, old, idx);
        x86_st_reg(d, ot, d->reg, res);
        x86_set_cc(d, X86_CC_LOGIC, ot, v, IR_NO_TEMP, IR_NO_TEMP);
        return;
    }
    {
        /* TZCNT / LZCNT: CF = source is zero, ZF = result is zero. */
        unsigned bits = 8u << ot;
        IrTemp cf = x86_new(d), zf = x86_new(d), fl = x86_new(d);
        if (reverse) {
            ir_clz(b, idx, v);
            ir_subi(b, idx, idx, 32 - bits);
        } else {
            ir_ctz(b, idx, v);
            ir_movcond(b, IR_COND_GTU, idx, idx, x86_const(d, bits),
                       x86_const(d, bits), idx);
        }
        x86_st_reg(d, ot, d->reg, idx);
        ir_setcond(b, IR_COND_EQ, cf, v, zero);
        ir_setcond(b, IR_COND_EQ, zf, idx, zero);
        ir_shli(b, zf, zf, 6);
        ir_or(b, fl, cf, zf);
        x86_set_eflags(d, fl);
    }
}

/* ---- Strings --------------------------------------------------------------- */

/* SI / DI / CX of a string instruction: the 32-bit registers, or their
 * low halves under the 0x67 prefix (16-bit addressing). */
static IrTemp x86_str_reg(DisasCtx *d, int r)
{
    IrTemp t;

    if (!d->addrsize) {
        return X86_T_REG(r);
    }
    t = x86_new(d);
    ir_ext16u(d->b, t, X86_T_REG(r));
    return t;
}

/* reg += step, wrapping within 16 bits under 0x67. */
static void x86_str_step(DisasCtx *d, int r, IrTemp step)
{
    if (!d->addrsize) {
        ir_add(d->b, X86_T_REG(r), X86_T_REG(r), step);
    } else {
        IrTemp t = x86_new(d);
        ir_add(d->b, t, X86_T_REG(r), step);
        ir_deposit(d->b, X86_T_REG(r), X86_T_REG(r), t, 0, 16);
    }
}

/* One iteration of string instruction opc; for CMPS/SCAS returns the
 * difference (ZF is its being zero). */
static IrTemp x86_string_body(DisasCtx *d, int opc, int ot)
{
    IrBlock *b = d->b;
    IrTemp step = x86_new(d), res = IR_NO_TEMP;
    IrTemp src, dst, v, w;
    int kind = (opc & 0xf) >> 1;   /* 2 MOVS 3 CMPS 5 STOS 6 LODS 7 SCAS */

    ir_shli(b, step, X86_T_DF, (uint32_t)ot);
    /* ES:(E)DI takes no override. */
    dst = x86_seg_addr(d, x86_str_reg(d, X86_EDI), X86_SEG_ES, false);
    switch (kind) {
    case 2:
        src = x86_seg_addr(d, x86_str_reg(d, X86_ESI), X86_SEG_DS, true);
        v = x86_ld_mem(d, ot, src);
        x86_st_mem(d, ot, dst, v);
        break;
    case 3:
        src = x86_seg_addr(d, x86_str_reg(d, X86_ESI), X86_SEG_DS, true);
        v = x86_ld_mem(d, ot, src);
        w = x86_ld_mem(d, ot, dst);
        res = x86_new(d);
        ir_sub(b, res, v, w);
        x86_set_cc(d, X86_CC_SUB, ot, res, w, IR_NO_TEMP);
        break;
    case 5:
        x86_st_mem(d, ot, dst, x86_ld_reg(d, ot, X86_EAX));
        break;
    case 6:
        src = x86_seg_addr(d, x86_str_reg(d, X86_ESI), X86_SEG_DS, true);
        x86_st_reg(d, ot, X86_EAX, x86_ld_mem(d, ot, src));
        break;
    default:
        w = x86_ld_mem(d, ot, dst);
        res = x86_new(d);
        ir_sub(b, res, x86_ld_reg(d, ot, X86_EAX), w);
        x86_set_cc(d, X86_CC_SUB, ot, res, w, IR_NO_TEMP);
        break;
    }
    if (kind == 2 || kind == 3 || kind == 6) {
        x86_str_step(d, X86_ESI, step);
    }
    if (kind != 6) {
        x86_str_step(d, X86_EDI, step);
    }
    if (res != IR_NO_TEMP) {
        res = x86_zext(d, ot, res);
    }
    return res;
}

void x86_gen_string(DisasCtx *d, int opc)
{
    IrBlock *b = d->b;
    int ot = (opc & 1) ? x86_ot(d, false) : X86_OT_B;
    bool cmp = opc == 0xa6 || opc == 0xa7 || opc == 0xae || opc == 0xaf;
    uint32_t loop, done;
    IrTemp res, cnt;

    if (!d->rep && !d->repne) {
        x86_string_body(d, opc, ot);
        return;
    }
    /* REP: the whole loop inside the block. A fault in an iteration
     * leaves ecx/esi/edi as the iterations before it left them, with eip
     * on the instruction, so it resumes as hardware does. The count is
     * CX under 0x67. */
    loop = ir_new_label(b);
    done = ir_new_label(b);
    ir_brcondi(b, IR_COND_EQ, x86_str_reg(d, X86_ECX), 0, done);
    ir_set_label(b, loop);
    res = x86_string_body(d, opc, ot);
    if (d->addrsize) {
        cnt = x86_new(d);
        ir_subi(b, cnt, X86_T_REG(X86_ECX), 1);
        ir_deposit(b, X86_T_REG(X86_ECX), X86_T_REG(X86_ECX), cnt, 0, 16);
    } else {
        ir_subi(b, X86_T_REG(X86_ECX), X86_T_REG(X86_ECX), 1);
    }
    if (cmp) {
        /* REPE stops when ZF is clear, REPNE when it is set. */
        ir_brcondi(b, d->rep ? IR_COND_NE : IR_COND_EQ, res, 0, done);
    }
    ir_brcondi(b, IR_COND_NE, x86_str_reg(d, X86_ECX), 0, loop);
    ir_set_label(b, done);
    if (cmp) {
        d->cc_op = X86_CC_DYNAMIC;
    }
}

/* ---- Compare-exchange and exchange-add ----------------------------------- */

void x86_gen_cmpxchg(DisasCtx *d, int ot, const X86Opnd *o)
{
    IrBlock *b = d->b;
    IrTemp src = x86_ld_reg(d, ot, d->reg);
    IrTemp acc = x86_ld_reg(d, ot, X86_EAX);
    IrTemp old, res = x86_new(d);

    if (o->mem) {
        /* Always atomic: the unlocked form's write-back of the old value
         * is invisible to a single thread. */
        old = x86_new(d);
        ir_atomic_cmpxchg(b, old, o->addr, acc, src, (unsigned)ot);
        ir_sub(b, res, acc, old);
        x86_set_cc(d, X86_CC_SUB, ot, res, old, IR_NO_TEMP);
        x86_st_reg(d, ot, X86_EAX, old);
        return;
    }
    {
        IrTemp nd = x86_new(d), na = x86_new(d);
        old = x86_ld_reg(d, ot, o->reg);
        ir_movcond(b, IR_COND_EQ, nd, old, acc, src, old);
        ir_movcond(b, IR_COND_EQ, na, old, acc, acc, old);
        ir_sub(b, res, acc, old);
        x86_set_cc(d, X86_CC_SUB, ot, res, old, IR_NO_TEMP);
        x86_st_reg(d, ot, X86_EAX, na);
        x86_st_reg(d, ot, o->reg, nd);
    }
}

void x86_gen_xadd(DisasCtx *d, int ot, const X86Opnd *o)
{
    IrBlock *b = d->b;
    IrTemp src = x86_ld_reg(d, ot, d->reg);
    IrTemp old, res = x86_new(d);

    if (o->mem && d->lock) {
        old = x86_new(d);
        ir_atomic_fetch_add(b, old, o->addr, src, (unsigned)ot);
        ir_add(b, res, old, src);
    } else {
        old = x86_ld_opnd(d, ot, o);
        ir_add(b, res, old, src);
        if (o->mem) {
            x86_st_mem(d, ot, o->addr, res);
        }
    }
    x86_set_cc(d, X86_CC_ADD, ot, res, src, IR_NO_TEMP);
    x86_st_reg(d, ot, d->reg, old);
    if (!o->mem) {
        x86_st_reg(d, ot, o->reg, res);
    }
}

void x86_gen_cmpxchg8b(DisasCtx *d, const X86Opnd *o)
{
    IrBlock *b = d->b;
    IrTemp cmpv = ir_temp_new(b, IR_I64), newv = ir_temp_new(b, IR_I64);
    IrTemp t = ir_temp_new(b, IR_I64), old = ir_temp_new(b, IR_I64);
    IrTemp eq64 = ir_temp_new(b, IR_I64), eq = x86_new(d), fl;

    ir_extu_i32_i64(b, cmpv, X86_T_REG(X86_EDX));
    ir_shli(b, cmpv, cmpv, 32);
    ir_extu_i32_i64(b, t, X86_T_REG(X86_EAX));
    ir_or(b, cmpv, cmpv, t);
    ir_extu_i32_i64(b, newv, X86_T_REG(X86_ECX));
    ir_shli(b, newv, newv, 32);
    ir_extu_i32_i64(b, t, X86_T_REG(X86_EBX));
    ir_or(b, newv, newv, t);
    ir_atomic_cmpxchg(b, old, o->addr, cmpv, newv, IR_MO_64);
    ir_setcond(b, IR_COND_EQ, eq64, old, cmpv);
    ir_extrl_i64_i32(b, eq, eq64);
    fl = x86_gen_eflags(d);
    ir_andi(b, fl, fl, ~(uint32_t)X86_ZF);
    ir_shli(b, eq, eq, 6);
    ir_or(b, fl, fl, eq);
    ir_extrl_i64_i32(b, X86_T_REG(X86_EAX), old);
    ir_extrh_i64_i32(b, X86_T_REG(X86_EDX), old);
    x86_set_eflags(d, fl);
}

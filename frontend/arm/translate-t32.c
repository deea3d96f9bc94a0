/* frontend/arm/translate-t32.c — 32-bit Thumb-2 instructions (ARMv6T2,
 * ARMv7): the trans_ functions the decoder generated from t32.decode
 * calls. Data processing reuses the ARM building blocks (translate.c),
 * the v6/v7 additions translate-media.c. Section numbers cite the ARM
 * ARM (DDI 0406C, chapter A6.3 and A8).
 */
#include <stddef.h>

#include "helper.h"
#include "translate.h"

#include "t32.c.inc"

bool arm_decode_t32(DisasCtx *d, uint32_t insn)
{
    return decode_t32(d, insn);
}

static IrTemp t32_const(DisasCtx *d, uint32_t v)
{
    return ir_const(d->b, IR_I32, v);
}

/* r15 as a base for literal addressing: Align(PC, 4). */
static uint32_t t32_pc_aligned(const DisasCtx *d)
{
    return (d->pc + 4) & ~3u;
}

/* ---- Data processing -------------------------------------------------- */

/* ThumbExpandImm_C (A6.3.2): the value; *carry the shifter carry (the old
 * C when the encoding has no rotation). */
static uint32_t t32_expand_imm(DisasCtx *d, uint32_t imm12, IrTemp *carry)
{
    uint32_t v = imm12 & 0xff;

    if ((imm12 >> 10) == 0) {
        switch ((imm12 >> 8) & 3) {
        case 1:
            v = v | v << 16;
            break;
        case 2:
            v = v << 8 | v << 24;
            break;
        case 3:
            v = v | v << 8 | v << 16 | v << 24;
            break;
        default:
            break;
        }
        *carry = ARM_T_CF;
        return v;
    }
    {
        uint32_t unrot = 0x80 | (imm12 & 0x7f), rot = imm12 >> 7;
        v = unrot >> rot | unrot << (32 - rot);
        *carry = t32_const(d, v >> 31);
        return v;
    }
}

/* One Thumb-2 data-processing operation (op as in the encoding) on rn and
 * op2; compares when rd is 15 with S. False: undefined. */
static bool t32_dp(DisasCtx *d, int op, int s, int rn, int rd, IrTemp op2,
                   IrTemp carry)
{
    /* The ARM opcode of each Thumb op; -1: none (ORN is special). */
    static const int8_t arm_op[16] = {
        0, 14, 12, -1, 1, -1, -1, -1, 4, -1, 5, 6, -1, 2, 3, -1,
    };
    int aop = arm_op[op];
    IrTemp n;

    if (op == 3) {
        IrTemp inv = ir_temp_new(d->b, IR_I32);
        ir_not(d->b, inv, op2);
        op2 = inv;
        aop = 12;
    }
    if (aop < 0) {
        return false;
    }
    if (rd == 15) {
        /* TST, TEQ, CMN, CMP (A6.3.1). */
        static const int8_t cmp_op[16] = {
            8, -1, -1, -1, 9, -1, -1, -1, 11, -1, -1, -1, -1, 10, -1, -1,
        };
        if (!s || cmp_op[op] < 0) {
            return false;
        }
        arm_gen_dp(d, cmp_op[op], true, 0, arm_read_reg(d, rn), op2, carry);
        return true;
    }
    if (rn == 15) {
        /* ORR -> MOV, ORN -> MVN; others are unpredictable. */
        if (op == 2) {
            arm_gen_dp(d, 13, s, rd, op2, op2, carry);
            return true;
        }
        if (op == 3) {
            arm_gen_dp(d, 13, s, rd, op2, op2, carry);
            return true;
        }
        return false;
    }
    n = arm_read_reg(d, rn);
    arm_gen_dp(d, aop, s, rd, n, op2, carry);
    return true;
}

static bool trans_DP_imm(DisasCtx *d, arg_DP_imm *a)
{
    IrTemp carry;
    uint32_t v = t32_expand_imm(d, (uint32_t)a->imm, &carry);

    return t32_dp(d, a->op, a->s, a->rn, a->rd, t32_const(d, v), carry);
}

static bool trans_DP_reg(DisasCtx *d, arg_DP_reg *a)
{
    IrTemp carry;
    IrTemp op2;

    if (a->rm == 15) {
        return false;
    }
    op2 = arm_gen_shift_imm(d, ARM_T_REG(a->rm), a->ty, a->imm, &carry);
    return t32_dp(d, a->op, a->s, a->rn, a->rd, op2, carry);
}

static bool trans_PKH(DisasCtx *d, arg_PKH *a)
{
    arm_gen_pkh(d, a->tb, a->rd, a->rn, a->rm, a->imm);
    return true;
}

static bool trans_ADDW(DisasCtx *d, arg_ADDW *a)
{
    IrTemp r = ir_temp_new(d->b, IR_I32);

    if (a->rn == 15) {
        ir_movi(d->b, r, t32_pc_aligned(d) + (uint32_t)a->imm);
    } else {
        ir_addi(d->b, r, ARM_T_REG(a->rn), (uint32_t)a->imm);
    }
    arm_write_reg(d, a->rd, r);
    return true;
}

static bool trans_SUBW(DisasCtx *d, arg_SUBW *a)
{
    IrTemp r = ir_temp_new(d->b, IR_I32);

    if (a->rn == 15) {
        ir_movi(d->b, r, t32_pc_aligned(d) - (uint32_t)a->imm);
    } else {
        ir_subi(d->b, r, ARM_T_REG(a->rn), (uint32_t)a->imm);
    }
    arm_write_reg(d, a->rd, r);
    return true;
}

static bool trans_MOVW(DisasCtx *d, arg_MOVW *a)
{
    arm_gen_movw(d, a->rd, (uint32_t)a->imm, false);
    return true;
}

static bool trans_MOVT(DisasCtx *d, arg_MOVT *a)
{
    arm_gen_movw(d, a->rd, (uint32_t)a->imm, true);
    return true;
}

static bool trans_SSAT(DisasCtx *d, arg_SSAT *a)
{
    arm_gen_sat(d, false, a->rd, a->sat, a->rn, a->sh, a->imm);
    return true;
}

static bool trans_USAT(DisasCtx *d, arg_USAT *a)
{
    arm_gen_sat(d, true, a->rd, a->sat, a->rn, a->sh, a->imm);
    return true;
}

static bool trans_SSAT16(DisasCtx *d, arg_SSAT16 *a)
{
    arm_gen_sat16(d, false, a->rd, a->sat, a->rn);
    return true;
}

static bool trans_USAT16(DisasCtx *d, arg_USAT16 *a)
{
    arm_gen_sat16(d, true, a->rd, a->sat, a->rn);
    return true;
}

static bool trans_SBFX(DisasCtx *d, arg_SBFX *a)
{
    return arm_gen_bfx(d, true, a->rd, a->rn, a->lsb, a->widthm1);
}

static bool trans_UBFX(DisasCtx *d, arg_UBFX *a)
{
    return arm_gen_bfx(d, false, a->rd, a->rn, a->lsb, a->widthm1);
}

static bool trans_BFI(DisasCtx *d, arg_BFI *a)
{
    return arm_gen_bfi(d, a->rd, a->rn, a->lsb, a->msb);
}

static bool trans_SHIFT_reg(DisasCtx *d, arg_SHIFT_reg *a)
{
    IrTemp carry;
    IrTemp v = arm_gen_shift_reg(d, arm_read_reg(d, a->rn), a->ty,
                                 arm_read_reg(d, a->rm), &carry);

    arm_gen_dp(d, 13, a->s, a->rd, v, v, carry);
    return true;
}

static bool trans_XT_T32(DisasCtx *d, arg_XT_T32 *a)
{
    /* op: 0 SXTAH 1 UXTAH 2 SXTAB16 3 UXTAB16 4 SXTAB 5 UXTAB. */
    static const int8_t sz[3] = { 3, 0, 2 };

    if (a->op > 5) {
        return false;
    }
    return arm_gen_extend(d, a->op & 1, sz[a->op >> 1], a->rd, a->rn, a->rm,
                          a->rot);
}

static bool trans_PAR_T32(DisasCtx *d, arg_PAR_T32 *a)
{
    /* The ARM op2 of each Thumb op1 (A6.3.13); -1: undefined. */
    static const int8_t op2[8] = { 4, 0, 1, -1, 7, 3, 2, -1 };

    if (op2[a->op1] < 0 || a->op2 == 3) {
        return false;
    }
    return arm_gen_par_addsub(d, (a->u ? 4 : 0) + a->op2 + 1, op2[a->op1],
                              a->rd, a->rn, a->rm);
}

static IrTemp t32_call2(DisasCtx *d, const IrHelper *h, IrTemp x, IrTemp y)
{
    IrTemp r = ir_temp_new(d->b, IR_I32);
    IrTemp args[3] = { IR_ENV, x, y };

    ir_call(d->b, h, r, 3, args);
    return r;
}

static bool trans_MISC_T32(DisasCtx *d, arg_MISC_T32 *a)
{
    IrTemp rm = arm_read_reg(d, a->rm), rn = arm_read_reg(d, a->rn);
    IrTemp r, dbl;

    switch (a->op1 << 2 | a->op2) {
    case 0:     /* QADD rd, rm, rn */
        r = t32_call2(d, &arm_helper_qadd_desc, rm, rn);
        break;
    case 1:     /* QDADD */
        dbl = t32_call2(d, &arm_helper_qadd_desc, rn, rn);
        r = t32_call2(d, &arm_helper_qadd_desc, rm, dbl);
        break;
    case 2:     /* QSUB */
        r = t32_call2(d, &arm_helper_qsub_desc, rm, rn);
        break;
    case 3:     /* QDSUB */
        dbl = t32_call2(d, &arm_helper_qadd_desc, rn, rn);
        r = t32_call2(d, &arm_helper_qsub_desc, rm, dbl);
        break;
    case 4: case 5: case 6: case 7:
        /* REV, REV16, RBIT, REVSH */
        arm_gen_rev(d, (int[]){ 0, 1, 3, 2 }[a->op2], a->rd, a->rm);
        return true;
    case 8:
        arm_gen_sel(d, a->rd, a->rn, a->rm);
        return true;
    case 12:
        r = ir_temp_new(d->b, IR_I32);
        ir_clz(d->b, r, rm);
        break;
    default:
        return false;
    }
    arm_write_reg(d, a->rd, r);
    return true;
}

/* ---- Multiplies ------------------------------------------------------- */

static IrTemp t32_half(DisasCtx *d, int r, int top)
{
    IrTemp t = ir_temp_new(d->b, IR_I32);

    if (top) {
        ir_sari(d->b, t, arm_read_reg(d, r), 16);
    } else {
        ir_ext16s(d->b, t, arm_read_reg(d, r));
    }
    return t;
}

static bool trans_MUL_T32(DisasCtx *d, arg_MUL_T32 *a)
{
    IrBlock *b = d->b;
    IrTemp p;

    switch (a->op1) {
    case 0:     /* MLA / MUL (ra 15), MLS */
        if (a->op2 > 1 || (a->op2 == 1 && a->ra == 15)) {
            return false;
        }
        p = ir_temp_new(b, IR_I32);
        ir_mul(b, p, arm_read_reg(d, a->rn), arm_read_reg(d, a->rm));
        if (a->op2 == 1) {
            ir_sub(b, p, arm_read_reg(d, a->ra), p);
        } else if (a->ra != 15) {
            ir_add(b, p, p, arm_read_reg(d, a->ra));
        }
        arm_write_reg(d, a->rd, p);
        return true;
    case 1:     /* SMLA<x><y> / SMUL<x><y>: op2 = N:M */
        p = ir_temp_new(b, IR_I32);
        ir_mul(b, p, t32_half(d, a->rn, a->op2 >> 1),
               t32_half(d, a->rm, a->op2 & 1));
        if (a->ra != 15) {
            p = t32_call2(d, &arm_helper_add_setq_desc, p,
                          arm_read_reg(d, a->ra));
        }
        arm_write_reg(d, a->rd, p);
        return true;
    case 2:     /* SMLAD / SMUAD */
    case 4:     /* SMLSD / SMUSD */
        if (a->op2 > 1) {
            return false;
        }
        arm_gen_smlad(d, a->rd, a->ra, a->rn, a->rm, a->op1 == 4, a->op2);
        return true;
    case 3: {   /* SMLAW<y> / SMULW<y> */
        IrTemp lo = ir_temp_new(b, IR_I32), hi = ir_temp_new(b, IR_I32);
        if (a->op2 > 1) {
            return false;
        }
        p = ir_temp_new(b, IR_I32);
        ir_muls2(b, lo, hi, arm_read_reg(d, a->rn),
                 t32_half(d, a->rm, a->op2));
        ir_shri(b, lo, lo, 16);
        ir_shli(b, hi, hi, 16);
        ir_or(b, p, lo, hi);
        if (a->ra != 15) {
            p = t32_call2(d, &arm_helper_add_setq_desc, p,
                          arm_read_reg(d, a->ra));
        }
        arm_write_reg(d, a->rd, p);
        return true;
    }
    case 5:     /* SMMLA / SMMUL */
    case 6:     /* SMMLS */
        if (a->op2 > 1 || (a->op1 == 6 && a->ra == 15)) {
            return false;
        }
        arm_gen_smmla(d, a->rd, a->ra, a->rn, a->rm, a->op1 == 6, a->op2);
        return true;
    default:    /* USAD8 / USADA8 */
        if (a->op2 != 0) {
            return false;
        }
        arm_gen_usad8(d, a->rd, a->ra, a->rn, a->rm);
        return true;
    }
}

static void t32_mull(DisasCtx *d, arg_LMUL_T32 *a, bool is_signed, bool acc)
{
    IrBlock *b = d->b;
    IrTemp lo = ir_temp_new(b, IR_I32), hi = ir_temp_new(b, IR_I32);

    if (is_signed) {
        ir_muls2(b, lo, hi, arm_read_reg(d, a->rn), arm_read_reg(d, a->rm));
    } else {
        ir_mulu2(b, lo, hi, arm_read_reg(d, a->rn), arm_read_reg(d, a->rm));
    }
    if (acc) {
        ir_add2(b, lo, hi, lo, hi, arm_read_reg(d, a->rdlo),
                arm_read_reg(d, a->rdhi));
    }
    arm_write_reg(d, a->rdlo, lo);
    arm_write_reg(d, a->rdhi, hi);
}

static bool trans_LMUL_T32(DisasCtx *d, arg_LMUL_T32 *a)
{
    IrBlock *b = d->b;

    switch (a->op1 << 4 | a->op2) {
    case 0x00:
        t32_mull(d, a, true, false);
        return true;
    case 0x20:
        t32_mull(d, a, false, false);
        return true;
    case 0x40:
        t32_mull(d, a, true, true);
        return true;
    case 0x60:
        t32_mull(d, a, false, true);
        return true;
    case 0x66:
        arm_gen_umaal(d, a->rdlo, a->rdhi, a->rn, a->rm);
        return true;
    case 0x1f: case 0x3f:
        if (a->rdlo != 15 || !arm_feature(d, ARM_FEATURE_THUMB_DIV)) {
            return false;
        }
        arm_gen_div(d, a->op1 == 1, a->rdhi, a->rn, a->rm);
        return true;
    case 0x48: case 0x49: case 0x4a: case 0x4b: {
        /* SMLAL<x><y> */
        IrTemp p = ir_temp_new(b, IR_I32), ph = ir_temp_new(b, IR_I32);
        IrTemp lo = ir_temp_new(b, IR_I32), hi = ir_temp_new(b, IR_I32);
        ir_mul(b, p, t32_half(d, a->rn, (a->op2 >> 1) & 1),
               t32_half(d, a->rm, a->op2 & 1));
        ir_sari(b, ph, p, 31);
        ir_add2(b, lo, hi, arm_read_reg(d, a->rdlo),
                arm_read_reg(d, a->rdhi), p, ph);
        arm_write_reg(d, a->rdlo, lo);
        arm_write_reg(d, a->rdhi, hi);
        return true;
    }
    case 0x4c: case 0x4d: case 0x5c: case 0x5d:
        /* SMLALD, SMLSLD */
        arm_gen_smlald(d, a->rdlo, a->rdhi, a->rn, a->rm, a->op1 == 5,
                       a->op2 & 1);
        return true;
    default:
        return false;
    }
}

/* ---- Control ---------------------------------------------------------- */

/* BL/B (T4) offset: S:I1:I2:imm10:imm11:0 with I = NOT(J XOR S). */
static uint32_t t32_branch_off(int s, int j1, int j2, int imm10, int imm11)
{
    uint32_t i1 = !(j1 ^ s), i2 = !(j2 ^ s);
    uint32_t v = (uint32_t)s << 24 | i1 << 23 | i2 << 22 |
                 (uint32_t)imm10 << 12 | (uint32_t)imm11 << 1;

    return (uint32_t)((int32_t)(v << 7) >> 7);
}

static bool trans_B(DisasCtx *d, arg_B *a)
{
    arm_gen_jump(d, d->pc + 4 +
                 t32_branch_off(a->s, a->j1, a->j2, a->imm10, a->imm11));
    return true;
}

static bool trans_BL(DisasCtx *d, arg_BL *a)
{
    ir_movi(d->b, ARM_T_REG(14), (d->pc + 4) | 1);
    arm_gen_jump(d, d->pc + 4 +
                 t32_branch_off(a->s, a->j1, a->j2, a->imm10, a->imm11));
    return true;
}

static bool trans_BLX(DisasCtx *d, arg_BLX *a)
{
    /* A8.8.25: to ARM state at Align(PC, 4) + imm; H (bit 0) must be 0. */
    if (a->imm11 & 1) {
        return false;
    }
    ir_movi(d->b, ARM_T_REG(14), (d->pc + 4) | 1);
    ir_st32(d->b, t32_const(d, 0), IR_ENV, (int32_t)offsetof(ArmState, thumb));
    arm_gen_jump(d, t32_pc_aligned(d) +
                 t32_branch_off(a->s, a->j1, a->j2, a->imm10, a->imm11));
    return true;
}

static bool trans_BCOND(DisasCtx *d, arg_BCOND *a)
{
    if (a->cond >= 14 || arm_in_it(d)) {
        return false;
    }
    arm_gen_cond_skip(d, a->cond);
    arm_gen_jump(d, d->pc + 4 + (uint32_t)a->imm * 2);
    return true;
}

/* MSR APSR (A8.8.109): mask bit 3 writes NZCVQ, bit 2 GE. */
static bool trans_MSR(DisasCtx *d, arg_MSR *a)
{
    uint32_t mask = 0;
    IrTemp args[3];

    if (a->mask & 8) {
        mask |= ARM_CPSR_NZCVQ;
    }
    if (a->mask & 4) {
        mask |= ARM_CPSR_GE;
    }
    if (!mask || a->rn == 15) {
        return false;
    }
    args[0] = IR_ENV;
    args[1] = arm_read_reg(d, a->rn);
    args[2] = t32_const(d, mask);
    ir_call(d->b, &arm_helper_cpsr_write_desc, IR_NO_TEMP, 3, args);
    return true;
}

static bool trans_MRS(DisasCtx *d, arg_MRS *a)
{
    IrTemp r = ir_temp_new(d->b, IR_I32);
    IrTemp args[1] = { IR_ENV };

    ir_call(d->b, &arm_helper_cpsr_read_desc, r, 1, args);
    arm_write_reg(d, a->rd, r);
    return true;
}

static bool trans_HINT_T32(DisasCtx *d, arg_HINT_T32 *a)
{
    (void)d;
    (void)a;
    return true;
}

static bool trans_CLREX(DisasCtx *d, arg_CLREX *a)
{
    (void)a;
    arm_gen_clrex(d);
    return true;
}

static bool trans_DSB(DisasCtx *d, arg_DSB *a)
{
    (void)a;
    arm_gen_barrier(d);
    return true;
}

static bool trans_DMB(DisasCtx *d, arg_DMB *a)
{
    (void)a;
    arm_gen_barrier(d);
    return true;
}

static bool trans_ISB(DisasCtx *d, arg_ISB *a)
{
    (void)a;
    arm_gen_barrier(d);
    arm_gen_jump(d, d->pc + 4);
    return true;
}

static bool trans_UDF(DisasCtx *d, arg_UDF *a)
{
    (void)d;
    (void)a;
    return false;
}

/* ---- Load/store multiple, dual, exclusive, table branch --------------- */

static bool t32_ldm(DisasCtx *d, arg_ldm *a, bool load, bool db)
{
    IrBlock *b = d->b;
    uint32_t list = (uint32_t)a->list;
    uint32_t n = (uint32_t)__builtin_popcount(list);
    IrTemp start = ir_temp_new(b, IR_I32), wb = IR_NO_TEMP;

    /* A8.8.58: no sp; pc only in loads (and not with lr); at least two. */
    if (a->rn == 15 || n < 2 || (list & 0x2000) ||
        (!load && (list & 0x8000)) ||
        (load && (list & 0xc000) == 0xc000) ||
        (a->w && (list & (1u << a->rn)))) {
        return false;
    }
    ir_addi(b, start, ARM_T_REG(a->rn), db ? (uint32_t)-(int32_t)(4 * n) : 0);
    if (a->w) {
        wb = ir_temp_new(b, IR_I32);
        ir_addi(b, wb, ARM_T_REG(a->rn),
                db ? (uint32_t)-(int32_t)(4 * n) : 4 * n);
    }
    if (load) {
        arm_gen_ldm(d, a->rn, list, start, wb);
    } else {
        arm_gen_stm(d, a->rn, list, start, wb);
    }
    return true;
}

static bool trans_STM(DisasCtx *d, arg_ldm *a)
{
    return t32_ldm(d, a, false, false);
}

static bool trans_LDM(DisasCtx *d, arg_ldm *a)
{
    return t32_ldm(d, a, true, false);
}

static bool trans_STMDB(DisasCtx *d, arg_ldm *a)
{
    return t32_ldm(d, a, false, true);
}

static bool trans_LDMDB(DisasCtx *d, arg_ldm *a)
{
    return t32_ldm(d, a, true, true);
}

static bool trans_STREX(DisasCtx *d, arg_STREX *a)
{
    if (a->rd == a->rn || a->rd == a->rt || a->rn == 15) {
        return false;
    }
    arm_gen_strex(d, IR_MO_32, a->rd, a->rt, 0, a->rn, a->imm * 4);
    return true;
}

static bool trans_LDREX(DisasCtx *d, arg_LDREX *a)
{
    if (a->rn == 15 || a->rt == 15) {
        return false;
    }
    arm_gen_ldrex(d, IR_MO_32, a->rt, 0, a->rn, a->imm * 4);
    return true;
}

/* sz: 0 byte, 1 halfword, 3 doubleword (A8.8.212 - 214). */
static const int t32_excl_size[4] = { IR_MO_8, IR_MO_16, -1, IR_MO_64 };

static bool trans_STREXBHD(DisasCtx *d, arg_STREXBHD *a)
{
    if (t32_excl_size[a->sz] < 0 || a->rn == 15 || a->rd == a->rn ||
        a->rd == a->rt || (a->sz == 3 && a->rd == a->rt2) ||
        (a->sz != 3 && a->rt2 != 15)) {
        return false;
    }
    arm_gen_strex(d, t32_excl_size[a->sz], a->rd, a->rt, a->rt2, a->rn, 0);
    return true;
}

static bool trans_LDREXBHD(DisasCtx *d, arg_LDREXBHD *a)
{
    if (t32_excl_size[a->sz] < 0 || a->rn == 15 || a->rt == 15 ||
        (a->sz == 3 && (a->rt2 == 15 || a->rt2 == a->rt)) ||
        (a->sz != 3 && a->rt2 != 15)) {
        return false;
    }
    arm_gen_ldrex(d, t32_excl_size[a->sz], a->rt, a->rt2, a->rn, 0);
    return true;
}

/* TBB/TBH (A8.8.245): pc += 2 * table entry. Last in an IT block. */
static bool trans_TBB(DisasCtx *d, arg_TBB *a)
{
    IrBlock *b = d->b;
    IrTemp addr = ir_temp_new(b, IR_I32), v, dest;

    if (a->h) {
        IrTemp idx = ir_temp_new(b, IR_I32);
        ir_shli(b, idx, arm_read_reg(d, a->rm), 1);
        ir_add(b, addr, arm_read_reg(d, a->rn), idx);
        v = arm_gen_ld(d, addr, IR_MO_16);
    } else {
        ir_add(b, addr, arm_read_reg(d, a->rn), arm_read_reg(d, a->rm));
        v = arm_gen_ld(d, addr, IR_MO_8);
    }
    dest = ir_temp_new(b, IR_I32);
    ir_shli(b, dest, v, 1);
    ir_addi(b, dest, dest, d->pc + 4);
    arm_write_reg(d, 15, dest);
    return true;
}

static bool t32_ldrd(DisasCtx *d, arg_ldrd *a, bool load)
{
    IrBlock *b = d->b;
    IrTemp base, moved, addr, addr2, v1 = IR_NO_TEMP, v2 = IR_NO_TEMP;
    uint32_t off = (uint32_t)a->imm * 4;

    if (!a->p && !a->w) {
        return false;
    }
    if (a->rn == 15) {
        if (!load || a->w) {
            return false;
        }
        base = t32_const(d, t32_pc_aligned(d));
    } else {
        base = ARM_T_REG(a->rn);
    }
    moved = ir_temp_new(b, IR_I32);
    if (a->u) {
        ir_addi(b, moved, base, off);
    } else {
        ir_subi(b, moved, base, off);
    }
    addr = a->p ? moved : base;
    addr2 = ir_temp_new(b, IR_I32);
    ir_addi(b, addr2, addr, 4);
    if (load) {
        v1 = arm_gen_ld(d, addr, IR_MO_32);
        v2 = arm_gen_ld(d, addr2, IR_MO_32);
    } else {
        arm_gen_st(d, arm_read_reg(d, a->rt), addr, IR_MO_32);
        arm_gen_st(d, arm_read_reg(d, a->rt2), addr2, IR_MO_32);
    }
    if (a->w) {
        ir_mov(b, ARM_T_REG(a->rn), moved);
    }
    if (load) {
        arm_write_reg(d, a->rt, v1);
        arm_write_reg(d, a->rt2, v2);
    }
    return true;
}

static bool trans_LDRD(DisasCtx *d, arg_ldrd *a)
{
    return t32_ldrd(d, a, true);
}

static bool trans_STRD(DisasCtx *d, arg_ldrd *a)
{
    return t32_ldrd(d, a, false);
}

/* ---- Single loads and stores ----------------------------------------- */

static unsigned t32_memop(int s, int sz)
{
    return (unsigned)sz | (s ? IR_MO_SIGN : 0);
}

/* The access: address computed by the caller, writeback value or
 * IR_NO_TEMP. Loads to pc interwork; byte/halfword loads to pc are the
 * preload hints. */
static bool t32_ldst(DisasCtx *d, int s, int sz, bool load, int rn, int rt,
                     IrTemp addr, IrTemp wb)
{
    IrTemp val = IR_NO_TEMP;

    if (sz == 3 || (s && (sz == 2 || !load))) {
        return false;
    }
    if (rt == 15 && load && sz != 2) {
        return wb == IR_NO_TEMP;     /* PLD, PLDW, PLI */
    }
    if (rt == 15 && !load) {
        return false;
    }
    if (load) {
        val = arm_gen_ld(d, addr, t32_memop(s, sz));
    } else {
        arm_gen_st(d, arm_read_reg(d, rt), addr, (unsigned)sz);
    }
    if (wb != IR_NO_TEMP) {
        ir_mov(d->b, ARM_T_REG(rn), wb);
    }
    if (load) {
        if (rt == 15) {
            arm_write_pc_bx(d, val);
        } else {
            arm_write_reg(d, rt, val);
        }
    }
    return true;
}

static bool trans_LDST_lit(DisasCtx *d, arg_LDST_lit *a)
{
    uint32_t base = t32_pc_aligned(d);

    return t32_ldst(d, a->s, a->sz, true, 15, a->rt,
                    t32_const(d, a->u ? base + (uint32_t)a->imm
                                      : base - (uint32_t)a->imm),
                    IR_NO_TEMP);
}

static bool trans_LDST_i12(DisasCtx *d, arg_LDST_i12 *a)
{
    IrTemp addr = ir_temp_new(d->b, IR_I32);

    ir_addi(d->b, addr, ARM_T_REG(a->rn), (uint32_t)a->imm);
    return t32_ldst(d, a->s, a->sz, a->l, a->rn, a->rt, addr, IR_NO_TEMP);
}

static bool trans_LDST_i8(DisasCtx *d, arg_LDST_i8 *a)
{
    IrTemp moved = ir_temp_new(d->b, IR_I32);

    /* P = 0, W = 0 is undefined; P U W = 110 is the unprivileged (T)
     * form, a plain offset access in user mode. */
    if (!a->p && !a->w) {
        return false;
    }
    if (a->w && a->rn == a->rt) {
        return false;
    }
    if (a->u) {
        ir_addi(d->b, moved, ARM_T_REG(a->rn), (uint32_t)a->imm);
    } else {
        ir_subi(d->b, moved, ARM_T_REG(a->rn), (uint32_t)a->imm);
    }
    return t32_ldst(d, a->s, a->sz, a->l, a->rn, a->rt,
                    a->p ? moved : ARM_T_REG(a->rn),
                    a->w ? moved : IR_NO_TEMP);
}

static bool trans_LDST_rr(DisasCtx *d, arg_LDST_rr *a)
{
    IrTemp addr = ir_temp_new(d->b, IR_I32);

    if (a->rm == 15 || a->rm == 13) {
        return false;
    }
    ir_shli(d->b, addr, ARM_T_REG(a->rm), (uint32_t)a->sh);
    ir_add(d->b, addr, ARM_T_REG(a->rn), addr);
    return t32_ldst(d, a->s, a->sz, a->l, a->rn, a->rt, addr, IR_NO_TEMP);
}

/* ---- Coprocessor ------------------------------------------------------ */

static bool t32_mrc(DisasCtx *d, int rt, int32_t offset)
{
    IrTemp t;

    if (rt == 15) {
        return false;
    }
    t = ir_temp_new(d->b, IR_I32);
    ir_ld32u(d->b, t, IR_ENV, offset);
    arm_write_reg(d, rt, t);
    return true;
}

static bool trans_MRC_TLS(DisasCtx *d, arg_MRC_TLS *a)
{
    return t32_mrc(d, a->rt, (int32_t)offsetof(ArmState, tpidruro));
}

static bool trans_MRC_TPIDRURW(DisasCtx *d, arg_MRC_TPIDRURW *a)
{
    return t32_mrc(d, a->rt, (int32_t)offsetof(ArmState, tpidrurw));
}

static bool trans_MCR_TPIDRURW(DisasCtx *d, arg_MCR_TPIDRURW *a)
{
    ir_st32(d->b, arm_read_reg(d, a->rt), IR_ENV,
            (int32_t)offsetof(ArmState, tpidrurw));
    return true;
}

static bool trans_MCR_CP15_BARRIER(DisasCtx *d, arg_MCR_CP15_BARRIER *a)
{
    if (!((a->crm == 10 && (a->opc2 == 4 || a->opc2 == 5)) ||
          (a->crm == 5 && a->opc2 == 4))) {
        return false;
    }
    arm_gen_barrier(d);
    return true;
}

/* frontend/arm/translate-t16.c — Thumb-1 instructions of ARMv5T: the
 * trans_ functions the decoder generated from t16.decode calls, and the
 * BL/BLX prefix + suffix pair. Section numbers cite the ARM ARM (DDI
 * 0100I, chapter A7).
 */
#include <stddef.h>

#include "helper.h"
#include "translate.h"

#include "t16.c.inc"

bool arm_decode_t16(DisasCtx *d, uint32_t insn)
{
    return decode_t16(d, insn);
}

/* 16-bit data processing sets the flags outside IT blocks only
 * (ARM ARM A6.2: "ADDS" outside, "ADD<c>" inside). */
static bool t16_s(const DisasCtx *d)
{
    return !arm_in_it(d);
}

static IrTemp t16_const(DisasCtx *d, uint32_t v)
{
    return ir_const(d->b, IR_I32, v);
}

/* ---- Shifts, add/subtract, immediates -------------------------------- */

static bool t16_shift_i(DisasCtx *d, arg_rri *a, int type)
{
    IrTemp carry;
    IrTemp v = arm_gen_shift_imm(d, ARM_T_REG(a->rn), type, a->imm, &carry);

    arm_gen_dp(d, 13, t16_s(d), a->rd, v, v, carry);
    return true;
}

static bool trans_LSL_i(DisasCtx *d, arg_rri *a)
{
    return t16_shift_i(d, a, 0);
}

static bool trans_LSR_i(DisasCtx *d, arg_rri *a)
{
    return t16_shift_i(d, a, 1);
}

static bool trans_ASR_i(DisasCtx *d, arg_rri *a)
{
    return t16_shift_i(d, a, 2);
}

static bool trans_ADD_rrr(DisasCtx *d, arg_rrr *a)
{
    arm_gen_dp(d, 4, t16_s(d), a->rd, ARM_T_REG(a->rn), ARM_T_REG(a->rm),
               IR_NO_TEMP);
    return true;
}

static bool trans_SUB_rrr(DisasCtx *d, arg_rrr *a)
{
    arm_gen_dp(d, 2, t16_s(d), a->rd, ARM_T_REG(a->rn), ARM_T_REG(a->rm),
               IR_NO_TEMP);
    return true;
}

static bool trans_ADD_rri(DisasCtx *d, arg_rri *a)
{
    arm_gen_dp(d, 4, t16_s(d), a->rd, ARM_T_REG(a->rn),
               t16_const(d, (uint32_t)a->imm), IR_NO_TEMP);
    return true;
}

static bool trans_SUB_rri(DisasCtx *d, arg_rri *a)
{
    arm_gen_dp(d, 2, t16_s(d), a->rd, ARM_T_REG(a->rn),
               t16_const(d, (uint32_t)a->imm), IR_NO_TEMP);
    return true;
}

static bool trans_MOV_i(DisasCtx *d, arg_ri *a)
{
    IrTemp v = t16_const(d, (uint32_t)a->imm);

    arm_gen_dp(d, 13, t16_s(d), a->rd, v, v, ARM_T_CF);
    return true;
}

static bool trans_CMP_i(DisasCtx *d, arg_ri *a)
{
    arm_gen_dp(d, 10, true, 0, ARM_T_REG(a->rd),
               t16_const(d, (uint32_t)a->imm), IR_NO_TEMP);
    return true;
}

static bool trans_ADD_i(DisasCtx *d, arg_ri *a)
{
    arm_gen_dp(d, 4, t16_s(d), a->rd, ARM_T_REG(a->rd),
               t16_const(d, (uint32_t)a->imm), IR_NO_TEMP);
    return true;
}

static bool trans_SUB_i(DisasCtx *d, arg_ri *a)
{
    arm_gen_dp(d, 2, t16_s(d), a->rd, ARM_T_REG(a->rd),
               t16_const(d, (uint32_t)a->imm), IR_NO_TEMP);
    return true;
}

/* ---- Register ALU operations (A6.4.1) -------------------------------- */

static bool trans_ALU(DisasCtx *d, arg_ALU *a)
{
    IrBlock *b = d->b;
    IrTemp rd = ARM_T_REG(a->rd), rm = ARM_T_REG(a->rm);
    IrTemp v, carry;
    /* The ARM data-processing opcode of each Thumb ALU op, -1 when it
     * is not one. */
    static const int8_t dp_op[16] = {
        0, 1, -1, -1, -1, 5, 6, -1, 8, -1, 10, 11, 12, -1, 14, 15,
    };

    switch (a->op) {
    case 2: case 3: case 4: case 7:   /* LSL LSR ASR ROR by register */
        v = arm_gen_shift_reg(d, rd, a->op == 7 ? 3 : a->op - 2, rm, &carry);
        arm_gen_dp(d, 13, t16_s(d), a->rd, v, v, carry);
        return true;
    case 9:                           /* NEG: RSB rd, rm, #0 */
        arm_gen_dp(d, 3, t16_s(d), a->rd, rm, t16_const(d, 0), IR_NO_TEMP);
        return true;
    case 13:                          /* MUL: NZ; C kept */
        v = ir_temp_new(b, IR_I32);
        ir_mul(b, v, rd, rm);
        if (t16_s(d)) {
            arm_gen_nz(d, v);
        }
        ir_mov(b, rd, v);
        return true;
    default:
        /* TST, CMP, CMN set the flags even inside an IT block. */
        arm_gen_dp(d, dp_op[a->op],
                   (dp_op[a->op] >= 8 && dp_op[a->op] <= 11) || t16_s(d),
                   a->rd, rd, rm, ARM_T_CF);
        return true;
    }
}

/* ---- High registers, BX, BLX ------------------------------------------ */

static bool trans_ADD_hi(DisasCtx *d, arg_ADD_hi *a)
{
    IrTemp r = ir_temp_new(d->b, IR_I32);

    ir_add(d->b, r, arm_read_reg(d, a->rd), arm_read_reg(d, a->rm));
    arm_write_reg(d, a->rd, r);
    return true;
}

static bool trans_CMP_hi(DisasCtx *d, arg_CMP_hi *a)
{
    arm_gen_sub_cc(d, arm_read_reg(d, a->rd), arm_read_reg(d, a->rm));
    return true;
}

static bool trans_MOV_hi(DisasCtx *d, arg_MOV_hi *a)
{
    arm_write_reg(d, a->rd, arm_read_reg(d, a->rm));
    return true;
}

static bool trans_BX(DisasCtx *d, arg_BX *a)
{
    arm_write_pc_bx(d, arm_read_reg(d, a->rm));
    return true;
}

static bool trans_BLX_r(DisasCtx *d, arg_BLX_r *a)
{
    IrTemp dest = ir_temp_new(d->b, IR_I32);

    if (a->rm == 15) {
        return false;
    }
    ir_mov(d->b, dest, ARM_T_REG(a->rm));
    ir_movi(d->b, ARM_T_REG(14), (d->pc + 2) | 1);
    arm_write_pc_bx(d, dest);
    return true;
}

/* ---- Loads and stores ------------------------------------------------ */

static bool t16_ldst(DisasCtx *d, int rt, IrTemp base, IrTemp off,
                     unsigned memop, bool load)
{
    IrTemp addr = ir_temp_new(d->b, IR_I32);

    ir_add(d->b, addr, base, off);
    if (load) {
        ir_mov(d->b, ARM_T_REG(rt), arm_gen_ldr(d, addr, memop));
    } else {
        arm_gen_str(d, ARM_T_REG(rt), addr, memop);
    }
    return true;
}

static bool trans_LDR_pc(DisasCtx *d, arg_ri *a)
{
    uint32_t addr = (arm_pc_value(d) & ~3u) + (uint32_t)a->imm * 4;

    ir_mov(d->b, ARM_T_REG(a->rd),
           arm_gen_ld(d, t16_const(d, addr), IR_MO_32));
    return true;
}

static bool trans_STR_rr(DisasCtx *d, arg_rrr *a)
{
    return t16_ldst(d, a->rd, ARM_T_REG(a->rn), ARM_T_REG(a->rm), IR_MO_32,
                    false);
}

static bool trans_STRH_rr(DisasCtx *d, arg_rrr *a)
{
    return t16_ldst(d, a->rd, ARM_T_REG(a->rn), ARM_T_REG(a->rm), IR_MO_16,
                    false);
}

static bool trans_STRB_rr(DisasCtx *d, arg_rrr *a)
{
    return t16_ldst(d, a->rd, ARM_T_REG(a->rn), ARM_T_REG(a->rm), IR_MO_8,
                    false);
}

static bool trans_LDRSB_rr(DisasCtx *d, arg_rrr *a)
{
    return t16_ldst(d, a->rd, ARM_T_REG(a->rn), ARM_T_REG(a->rm),
                    IR_MO_8 | IR_MO_SIGN, true);
}

static bool trans_LDR_rr(DisasCtx *d, arg_rrr *a)
{
    return t16_ldst(d, a->rd, ARM_T_REG(a->rn), ARM_T_REG(a->rm), IR_MO_32,
                    true);
}

static bool trans_LDRH_rr(DisasCtx *d, arg_rrr *a)
{
    return t16_ldst(d, a->rd, ARM_T_REG(a->rn), ARM_T_REG(a->rm), IR_MO_16,
                    true);
}

static bool trans_LDRB_rr(DisasCtx *d, arg_rrr *a)
{
    return t16_ldst(d, a->rd, ARM_T_REG(a->rn), ARM_T_REG(a->rm), IR_MO_8,
                    true);
}

static bool trans_LDRSH_rr(DisasCtx *d, arg_rrr *a)
{
    return t16_ldst(d, a->rd, ARM_T_REG(a->rn), ARM_T_REG(a->rm),
                    IR_MO_16 | IR_MO_SIGN, true);
}

static bool trans_STR_ri(DisasCtx *d, arg_rri *a)
{
    return t16_ldst(d, a->rd, ARM_T_REG(a->rn),
                    t16_const(d, (uint32_t)a->imm * 4), IR_MO_32, false);
}

static bool trans_LDR_ri(DisasCtx *d, arg_rri *a)
{
    return t16_ldst(d, a->rd, ARM_T_REG(a->rn),
                    t16_const(d, (uint32_t)a->imm * 4), IR_MO_32, true);
}

static bool trans_STRB_ri(DisasCtx *d, arg_rri *a)
{
    return t16_ldst(d, a->rd, ARM_T_REG(a->rn),
                    t16_const(d, (uint32_t)a->imm), IR_MO_8, false);
}

static bool trans_LDRB_ri(DisasCtx *d, arg_rri *a)
{
    return t16_ldst(d, a->rd, ARM_T_REG(a->rn),
                    t16_const(d, (uint32_t)a->imm), IR_MO_8, true);
}

static bool trans_STRH_ri(DisasCtx *d, arg_rri *a)
{
    return t16_ldst(d, a->rd, ARM_T_REG(a->rn),
                    t16_const(d, (uint32_t)a->imm * 2), IR_MO_16, false);
}

static bool trans_LDRH_ri(DisasCtx *d, arg_rri *a)
{
    return t16_ldst(d, a->rd, ARM_T_REG(a->rn),
                    t16_const(d, (uint32_t)a->imm * 2), IR_MO_16, true);
}

static bool trans_STR_sp(DisasCtx *d, arg_ri *a)
{
    return t16_ldst(d, a->rd, ARM_T_REG(13),
                    t16_const(d, (uint32_t)a->imm * 4), IR_MO_32, false);
}

static bool trans_LDR_sp(DisasCtx *d, arg_ri *a)
{
    return t16_ldst(d, a->rd, ARM_T_REG(13),
                    t16_const(d, (uint32_t)a->imm * 4), IR_MO_32, true);
}

/* ---- Address generation, sp adjustment ------------------------------- */

static bool trans_ADR(DisasCtx *d, arg_ri *a)
{
    ir_movi(d->b, ARM_T_REG(a->rd),
            (arm_pc_value(d) & ~3u) + (uint32_t)a->imm * 4);
    return true;
}

static bool trans_ADD_sp(DisasCtx *d, arg_ri *a)
{
    ir_addi(d->b, ARM_T_REG(a->rd), ARM_T_REG(13), (uint32_t)a->imm * 4);
    return true;
}

static bool trans_ADJ_sp(DisasCtx *d, arg_ADJ_sp *a)
{
    uint32_t off = (uint32_t)a->imm * 4;

    ir_addi(d->b, ARM_T_REG(13), ARM_T_REG(13), a->s ? (uint32_t)-off : off);
    return true;
}

/* ---- Push/pop, multiple, breakpoint ---------------------------------- */

static bool trans_PUSH(DisasCtx *d, arg_PUSH *a)
{
    uint32_t list = (uint32_t)a->list | (a->r ? 1u << 14 : 0);
    uint32_t n = (uint32_t)__builtin_popcount(list);
    IrTemp start = ir_temp_new(d->b, IR_I32);

    if (!list) {
        return false;
    }
    ir_subi(d->b, start, ARM_T_REG(13), 4 * n);
    arm_gen_stm(d, 13, list, start, start);
    return true;
}

static bool trans_POP(DisasCtx *d, arg_POP *a)
{
    uint32_t list = (uint32_t)a->list | (a->r ? 1u << 15 : 0);
    uint32_t n = (uint32_t)__builtin_popcount(list);
    IrTemp wb = ir_temp_new(d->b, IR_I32);

    if (!list) {
        return false;
    }
    ir_addi(d->b, wb, ARM_T_REG(13), 4 * n);
    /* v5T: a pop to pc interworks (A7.1.49). */
    arm_gen_ldm(d, 13, list, ARM_T_REG(13), wb);
    return true;
}

static bool trans_STMIA(DisasCtx *d, arg_ldm *a)
{
    uint32_t list = (uint32_t)a->list;
    IrTemp wb = ir_temp_new(d->b, IR_I32);

    if (!list) {
        return false;
    }
    ir_addi(d->b, wb, ARM_T_REG(a->rn), 4u * (uint32_t)__builtin_popcount(list));
    arm_gen_stm(d, a->rn, list, ARM_T_REG(a->rn), wb);
    return true;
}

static bool trans_LDMIA(DisasCtx *d, arg_ldm *a)
{
    uint32_t list = (uint32_t)a->list;
    IrTemp wb = ir_temp_new(d->b, IR_I32);

    if (!list) {
        return false;
    }
    /* Writeback unless the base is in the list (it gets the loaded value). */
    ir_addi(d->b, wb, ARM_T_REG(a->rn), 4u * (uint32_t)__builtin_popcount(list));
    arm_gen_ldm(d, a->rn, list, ARM_T_REG(a->rn), wb);
    return true;
}

static bool trans_BKPT(DisasCtx *d, arg_BKPT *a)
{
    arm_gen_exception(d, ARM_EXCP_BKPT, d->pc, (uint32_t)a->imm);
    return true;
}

/* ---- Branches and SVC ------------------------------------------------ */

static bool trans_SVC(DisasCtx *d, arg_SVC *a)
{
    arm_gen_exception(d, ARM_EXCP_SWI, d->pc + 2, (uint32_t)a->imm);
    return true;
}

static bool trans_BCOND(DisasCtx *d, arg_BCOND *a)
{
    uint32_t taken;

    if (a->cond == 14) {
        return false;
    }
    taken = ir_new_label(d->b);
    arm_gen_test_cc(d, a->cond, taken);
    translate_goto(d->tc, 1, ARM_T_PC, d->pc + 2);
    ir_set_label(d->b, taken);
    arm_gen_jump(d, d->pc + 4 + (uint32_t)a->imm * 2);
    return true;
}

static bool trans_B(DisasCtx *d, arg_B *a)
{
    arm_gen_jump(d, d->pc + 4 + (uint32_t)a->imm * 2);
    return true;
}

static bool trans_BL_prefix(DisasCtx *d, arg_BL_prefix *a)
{
    /* First half alone: lr = pc + 4 + (offset << 12). */
    ir_movi(d->b, ARM_T_REG(14), d->pc + 4 + ((uint32_t)a->imm << 12));
    return true;
}

/* Second half alone: branch to lr + offset * 2; lr = return | 1. */
static bool t16_bl_suffix(DisasCtx *d, uint32_t imm, bool to_arm)
{
    IrBlock *b = d->b;
    IrTemp dest = ir_temp_new(b, IR_I32);

    if (to_arm && (imm & 1)) {
        return false;
    }
    ir_addi(b, dest, ARM_T_REG(14), imm * 2);
    ir_movi(b, ARM_T_REG(14), (d->pc + 2) | 1);
    if (to_arm) {
        ir_andi(b, dest, dest, ~3u);
    } else {
        ir_ori(b, dest, dest, 1);
    }
    arm_write_pc_bx(d, dest);
    return true;
}

static bool trans_BL_suffix(DisasCtx *d, arg_BL_suffix *a)
{
    return t16_bl_suffix(d, (uint32_t)a->imm, false);
}

static bool trans_BLX_suffix(DisasCtx *d, arg_BLX_suffix *a)
{
    return t16_bl_suffix(d, (uint32_t)a->imm, true);
}

void arm_gen_thumb_bl_pair(DisasCtx *d, uint32_t hi, uint32_t lo)
{
    int32_t off_hi = (int32_t)(hi << 21) >> 9;     /* sext(hi) << 12 */
    uint32_t dest = d->pc + 4 + (uint32_t)off_hi + (lo & 0x7ff) * 2;
    bool to_arm = (lo >> 11) == 0x1d;

    if (to_arm && (lo & 1)) {
        arm_gen_udef(d);
        return;
    }
    ir_movi(d->b, ARM_T_REG(14), (d->pc + 4) | 1);
    if (to_arm) {
        ir_st32(d->b, t16_const(d, 0), IR_ENV,
                (int32_t)offsetof(ArmState, thumb));
        dest &= ~3u;
    }
    arm_gen_jump(d, dest);
}

/* ---- ARMv6 / ARMv6T2 additions (DDI 0406C A6.2.5) -------------------- */

static bool trans_CBZ(DisasCtx *d, arg_CBZ *a)
{
    uint32_t taken = ir_new_label(d->b);

    /* Not allowed inside an IT block (A8.8.29). */
    if (!arm_feature(d, ARM_FEATURE_THUMB2) || arm_in_it(d)) {
        return false;
    }
    ir_brcondi(d->b, a->nz ? IR_COND_NE : IR_COND_EQ, ARM_T_REG(a->rn), 0,
               taken);
    translate_goto(d->tc, 1, ARM_T_PC, d->pc + 2);
    ir_set_label(d->b, taken);
    arm_gen_jump(d, d->pc + 4 + (uint32_t)(a->i << 6 | a->imm5 << 1));
    return true;
}

static bool trans_XT16(DisasCtx *d, arg_XT16 *a)
{
    /* op: 0 SXTH, 1 SXTB, 2 UXTH, 3 UXTB. */
    if (!arm_feature(d, ARM_FEATURE_V6)) {
        return false;
    }
    return arm_gen_extend(d, a->op >= 2, (a->op & 1) ? 2 : 3, a->rd, 15,
                          a->rm, 0);
}

static bool trans_REV(DisasCtx *d, arg_REV *a)
{
    /* op: 0 REV, 1 REV16, 3 REVSH. */
    if (!arm_feature(d, ARM_FEATURE_V6) || a->op == 2) {
        return false;
    }
    arm_gen_rev(d, a->op == 3 ? 2 : a->op, a->rd, a->rm);
    return true;
}

static bool trans_SETEND(DisasCtx *d, arg_SETEND *a)
{
    return arm_feature(d, ARM_FEATURE_V6) && !a->e;
}

static bool trans_CPS(DisasCtx *d, arg_CPS *a)
{
    (void)a;
    return arm_feature(d, ARM_FEATURE_V6);
}

/* NOP, YIELD, WFE, WFI, SEV: no-ops in user mode. */
static bool trans_HINT(DisasCtx *d, arg_HINT *a)
{
    (void)a;
    return arm_feature(d, ARM_FEATURE_THUMB2);
}

/* IT (A8.8.54): the next 1-4 instructions become conditional; the
 * state lives in d->condexec_next and env->condexec (translate.c). */
static bool trans_IT(DisasCtx *d, arg_IT *a)
{
    uint32_t it = (uint32_t)(a->cond << 4 | a->mask);

    if (!arm_feature(d, ARM_FEATURE_THUMB2) || arm_in_it(d) ||
        a->cond == 15 || (a->cond == 14 && __builtin_popcount(a->mask) != 1)) {
        return false;
    }
    d->condexec_next = it;
    ir_st32(d->b, ir_const(d->b, IR_I32, it), IR_ENV,
            (int32_t)offsetof(ArmState, condexec));
    d->condexec_stored = it;
    return true;
}

/* frontend/arm/translate-a32.c — ARM (A32) instructions of ARMv5TE: the
 * trans_ functions the decoders generated from a32.decode and
 * a32-uncond.decode call. Section numbers cite the ARM ARM (DDI 0100I).
 */
#include <stddef.h>

#include "helper.h"
#include "translate.h"

#include "a32.c.inc"
#include "a32-uncond.c.inc"

bool arm_decode_a32(DisasCtx *d, uint32_t insn)
{
    return decode_a32(d, insn);
}

bool arm_decode_a32_uncond(DisasCtx *d, uint32_t insn)
{
    return decode_a32_uncond(d, insn);
}

static IrTemp a32_call2(DisasCtx *d, const IrHelper *h, IrTemp x, IrTemp y)
{
    IrTemp r = ir_temp_new(d->b, IR_I32);
    IrTemp args[3] = { IR_ENV, x, y };

    ir_call(d->b, h, r, 3, args);
    return r;
}

/* A register read by an instruction with a register-specified shift:
 * pc reads as its address + 12 (A5.1.5). */
static IrTemp a32_read_reg_rs(DisasCtx *d, int r)
{
    if (r == 15) {
        return ir_const(d->b, IR_I32, d->pc + 12);
    }
    return ARM_T_REG(r);
}

/* ---- Data processing ------------------------------------------------- */

static bool trans_DP_ri(DisasCtx *d, arg_dp_ri *a)
{
    uint32_t rot = (uint32_t)a->rot * 2;
    uint32_t imm = (uint32_t)a->imm;
    IrTemp carry;

    /* A5.1.3: the carry-out is bit 31 of a rotated immediate. */
    if (rot) {
        imm = imm >> rot | imm << (32 - rot);
        carry = ir_const(d->b, IR_I32, imm >> 31);
    } else {
        carry = ARM_T_CF;
    }
    arm_gen_dp(d, a->op, a->s, a->rd, arm_read_reg(d, a->rn),
               ir_const(d->b, IR_I32, imm), carry);
    return true;
}

static bool trans_DP_rrs(DisasCtx *d, arg_dp_rrs *a)
{
    IrTemp carry;
    IrTemp op2 = arm_gen_shift_imm(d, arm_read_reg(d, a->rm), a->shty,
                                   a->shim, &carry);

    arm_gen_dp(d, a->op, a->s, a->rd, arm_read_reg(d, a->rn), op2, carry);
    return true;
}

static bool trans_DP_rrr(DisasCtx *d, arg_dp_rrr *a)
{
    IrTemp carry;
    IrTemp op2 = arm_gen_shift_reg(d, a32_read_reg_rs(d, a->rm), a->shty,
                                   a32_read_reg_rs(d, a->rs), &carry);

    arm_gen_dp(d, a->op, a->s, a->rd, a32_read_reg_rs(d, a->rn), op2, carry);
    return true;
}

/* ---- Miscellaneous --------------------------------------------------- */

static bool trans_MRS(DisasCtx *d, arg_MRS *a)
{
    IrTemp r = ir_temp_new(d->b, IR_I32);
    IrTemp args[1] = { IR_ENV };

    ir_call(d->b, &arm_helper_cpsr_read_desc, r, 1, args);
    arm_write_reg(d, a->rd, r);
    return true;
}

/* MSR to CPSR: user mode writes only the flags byte (A4.1.39) and, on
 * ARMv6+, GE. */
static void a32_msr(DisasCtx *d, int mask, IrTemp v)
{
    IrTemp args[3];
    uint32_t bits = (mask & 8) ? ARM_CPSR_NZCVQ : 0;

    /* ARMv6+: the s field (mask bit 2) holds GE. */
    if ((mask & 4) && arm_feature(d, ARM_FEATURE_V6)) {
        bits |= ARM_CPSR_GE;
    }
    if (!bits) {
        return;
    }
    args[0] = IR_ENV;
    args[1] = v;
    args[2] = ir_const(d->b, IR_I32, bits);
    ir_call(d->b, &arm_helper_cpsr_write_desc, IR_NO_TEMP, 3, args);
}

static bool trans_MSR_r(DisasCtx *d, arg_MSR_r *a)
{
    a32_msr(d, a->mask, arm_read_reg(d, a->rm));
    return true;
}

static bool trans_MSR_i(DisasCtx *d, arg_MSR_i *a)
{
    uint32_t rot = (uint32_t)a->rot * 2, imm = (uint32_t)a->imm;

    if (rot) {
        imm = imm >> rot | imm << (32 - rot);
    }
    a32_msr(d, a->mask, ir_const(d->b, IR_I32, imm));
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

    ir_mov(d->b, dest, arm_read_reg(d, a->rm));
    ir_movi(d->b, ARM_T_REG(14), d->pc + 4);
    arm_write_pc_bx(d, dest);
    return true;
}

static bool trans_CLZ(DisasCtx *d, arg_CLZ *a)
{
    IrTemp r = ir_temp_new(d->b, IR_I32);

    ir_clz(d->b, r, arm_read_reg(d, a->rm));
    arm_write_reg(d, a->rd, r);
    return true;
}

static bool trans_QADD(DisasCtx *d, arg_rrr *a)
{
    arm_write_reg(d, a->rd, a32_call2(d, &arm_helper_qadd_desc,
                                      arm_read_reg(d, a->rm),
                                      arm_read_reg(d, a->rn)));
    return true;
}

static bool trans_QSUB(DisasCtx *d, arg_rrr *a)
{
    arm_write_reg(d, a->rd, a32_call2(d, &arm_helper_qsub_desc,
                                      arm_read_reg(d, a->rm),
                                      arm_read_reg(d, a->rn)));
    return true;
}

static bool trans_QDADD(DisasCtx *d, arg_rrr *a)
{
    IrTemp rn = arm_read_reg(d, a->rn);
    IrTemp dbl = a32_call2(d, &arm_helper_qadd_desc, rn, rn);

    arm_write_reg(d, a->rd, a32_call2(d, &arm_helper_qadd_desc,
                                      arm_read_reg(d, a->rm), dbl));
    return true;
}

static bool trans_QDSUB(DisasCtx *d, arg_rrr *a)
{
    IrTemp rn = arm_read_reg(d, a->rn);
    IrTemp dbl = a32_call2(d, &arm_helper_qadd_desc, rn, rn);

    arm_write_reg(d, a->rd, a32_call2(d, &arm_helper_qsub_desc,
                                      arm_read_reg(d, a->rm), dbl));
    return true;
}

static bool trans_BKPT(DisasCtx *d, arg_BKPT *a)
{
    arm_gen_exception(d, ARM_EXCP_BKPT, d->pc,
                      (uint32_t)(a->imm << 4 | a->imm4));
    return true;
}

/* The 16-bit half of v selected by `top`, sign-extended (A4.1.74). */
static IrTemp a32_half(DisasCtx *d, IrTemp v, int top)
{
    IrTemp t = ir_temp_new(d->b, IR_I32);

    if (top) {
        ir_sari(d->b, t, v, 16);
    } else {
        ir_ext16s(d->b, t, v);
    }
    return t;
}

static IrTemp a32_mul_xy(DisasCtx *d, arg_smla *a)
{
    IrTemp p = ir_temp_new(d->b, IR_I32);

    ir_mul(d->b, p, a32_half(d, arm_read_reg(d, a->rm), a->x),
           a32_half(d, arm_read_reg(d, a->rs), a->y));
    return p;
}

static bool trans_SMLAxy(DisasCtx *d, arg_smla *a)
{
    IrTemp p = a32_mul_xy(d, a);

    arm_write_reg(d, a->rd, a32_call2(d, &arm_helper_add_setq_desc, p,
                                      arm_read_reg(d, a->rn)));
    return true;
}

static bool trans_SMULxy(DisasCtx *d, arg_smla *a)
{
    arm_write_reg(d, a->rd, a32_mul_xy(d, a));
    return true;
}

/* (rm * half(rs)) >> 16 as 32 bits: SMULWy, SMLAWy (A4.1.85). */
static IrTemp a32_mul_wy(DisasCtx *d, arg_smla *a)
{
    IrBlock *b = d->b;
    IrTemp lo = ir_temp_new(b, IR_I32), hi = ir_temp_new(b, IR_I32);
    IrTemp r = ir_temp_new(b, IR_I32);

    ir_muls2(b, lo, hi, arm_read_reg(d, a->rm),
             a32_half(d, arm_read_reg(d, a->rs), a->y));
    ir_shri(b, lo, lo, 16);
    ir_shli(b, hi, hi, 16);
    ir_or(b, r, lo, hi);
    return r;
}

static bool trans_SMLAWy(DisasCtx *d, arg_smla *a)
{
    IrTemp p = a32_mul_wy(d, a);

    arm_write_reg(d, a->rd, a32_call2(d, &arm_helper_add_setq_desc, p,
                                      arm_read_reg(d, a->rn)));
    return true;
}

static bool trans_SMULWy(DisasCtx *d, arg_smla *a)
{
    arm_write_reg(d, a->rd, a32_mul_wy(d, a));
    return true;
}

static bool trans_SMLALxy(DisasCtx *d, arg_smla *a)
{
    /* Here rd is RdHi (bits 19:16) and rn RdLo (bits 15:12). */
    IrBlock *b = d->b;
    IrTemp p = a32_mul_xy(d, a);
    IrTemp ph = ir_temp_new(b, IR_I32);
    IrTemp lo = ir_temp_new(b, IR_I32), hi = ir_temp_new(b, IR_I32);

    ir_sari(b, ph, p, 31);
    ir_add2(b, lo, hi, arm_read_reg(d, a->rn), arm_read_reg(d, a->rd), p,
            ph);
    arm_write_reg(d, a->rn, lo);
    arm_write_reg(d, a->rd, hi);
    return true;
}

/* ---- Multiplies and swap --------------------------------------------- */

static bool a32_mul(DisasCtx *d, arg_mul *a, bool acc)
{
    IrTemp r = ir_temp_new(d->b, IR_I32);

    ir_mul(d->b, r, arm_read_reg(d, a->rm), arm_read_reg(d, a->rs));
    if (acc) {
        ir_add(d->b, r, r, arm_read_reg(d, a->rn));
    }
    if (a->s) {
        /* N and Z only; C is unpredictable on v4 and kept (A4.1.40). */
        arm_gen_nz(d, r);
    }
    arm_write_reg(d, a->rd, r);
    return true;
}

static bool trans_MUL(DisasCtx *d, arg_mul *a)
{
    return a32_mul(d, a, false);
}

static bool trans_MLA(DisasCtx *d, arg_mul *a)
{
    return a32_mul(d, a, true);
}

static bool a32_mull(DisasCtx *d, arg_mull *a, bool is_signed, bool acc)
{
    IrBlock *b = d->b;
    IrTemp lo = ir_temp_new(b, IR_I32), hi = ir_temp_new(b, IR_I32);

    if (is_signed) {
        ir_muls2(b, lo, hi, arm_read_reg(d, a->rm), arm_read_reg(d, a->rs));
    } else {
        ir_mulu2(b, lo, hi, arm_read_reg(d, a->rm), arm_read_reg(d, a->rs));
    }
    if (acc) {
        ir_add2(b, lo, hi, lo, hi, arm_read_reg(d, a->rdlo),
                arm_read_reg(d, a->rdhi));
    }
    if (a->s) {
        ir_mov(b, ARM_T_NF, hi);
        ir_or(b, ARM_T_ZF, lo, hi);
    }
    arm_write_reg(d, a->rdlo, lo);
    arm_write_reg(d, a->rdhi, hi);
    return true;
}

static bool trans_UMULL(DisasCtx *d, arg_mull *a)
{
    return a32_mull(d, a, false, false);
}

static bool trans_UMLAL(DisasCtx *d, arg_mull *a)
{
    return a32_mull(d, a, false, true);
}

static bool trans_SMULL(DisasCtx *d, arg_mull *a)
{
    return a32_mull(d, a, true, false);
}

static bool trans_SMLAL(DisasCtx *d, arg_mull *a)
{
    return a32_mull(d, a, true, true);
}

static bool a32_swp(DisasCtx *d, arg_rrr *a, unsigned memop)
{
    IrTemp old = ir_temp_new(d->b, IR_I32);

    /* A4.1.108: atomic on the host, so other guest threads see it whole. */
    ir_atomic_xchg(d->b, old, arm_read_reg(d, a->rn), arm_read_reg(d, a->rm),
                   memop);
    arm_write_reg(d, a->rd, old);
    return true;
}

static bool trans_SWP(DisasCtx *d, arg_rrr *a)
{
    return a32_swp(d, a, IR_MO_32);
}

static bool trans_SWPB(DisasCtx *d, arg_rrr *a)
{
    return a32_swp(d, a, IR_MO_8);
}

/* ---- Loads and stores ------------------------------------------------ */

/* Addressing modes (A5.2, A5.3): returns the access address; *wb gets
 * the base's new value or IR_NO_TEMP. */
static IrTemp a32_address(DisasCtx *d, int p, int u, int w, int rn,
                          IrTemp off, IrTemp *wb)
{
    IrBlock *b = d->b;
    IrTemp base = arm_read_reg(d, rn);
    IrTemp moved = ir_temp_new(b, IR_I32);

    if (u) {
        ir_add(b, moved, base, off);
    } else {
        ir_sub(b, moved, base, off);
    }
    *wb = IR_NO_TEMP;
    if (rn != 15 && (!p || w)) {
        *wb = moved;
    }
    if (p) {
        return moved;
    }
    return base;
}

static bool a32_ldst(DisasCtx *d, int p, int u, int w, int rn, int rt,
                     IrTemp off, unsigned memop, bool load)
{
    IrTemp wb;
    IrTemp addr = a32_address(d, p, u, w, rn, off, &wb);
    IrTemp val = IR_NO_TEMP;

    if (load) {
        val = arm_gen_ldr(d, addr, memop);
    } else {
        arm_gen_str(d, arm_read_reg(d, rt), addr, memop);
    }
    if (wb != IR_NO_TEMP) {
        ir_mov(d->b, ARM_T_REG(rn), wb);
    }
    if (load) {
        if (rt == 15) {
            /* v5T: LDR to pc interworks (A4.1.23). */
            arm_write_pc_bx(d, val);
        } else {
            arm_write_reg(d, rt, val);
        }
    }
    return true;
}

static IrTemp a32_off_rr(DisasCtx *d, arg_ldst_rr *a)
{
    return arm_gen_shift_imm(d, arm_read_reg(d, a->rm), a->shty, a->shim,
                             NULL);
}

static IrTemp a32_off_ri(DisasCtx *d, arg_ldst_ri *a)
{
    return ir_const(d->b, IR_I32, (uint32_t)a->imm);
}

static bool trans_STR_ri(DisasCtx *d, arg_ldst_ri *a)
{
    return a32_ldst(d, a->p, a->u, a->w, a->rn, a->rt, a32_off_ri(d, a),
                    IR_MO_32, false);
}

static bool trans_LDR_ri(DisasCtx *d, arg_ldst_ri *a)
{
    return a32_ldst(d, a->p, a->u, a->w, a->rn, a->rt, a32_off_ri(d, a),
                    IR_MO_32, true);
}

static bool trans_STRB_ri(DisasCtx *d, arg_ldst_ri *a)
{
    return a32_ldst(d, a->p, a->u, a->w, a->rn, a->rt, a32_off_ri(d, a),
                    IR_MO_8, false);
}

static bool trans_LDRB_ri(DisasCtx *d, arg_ldst_ri *a)
{
    return a32_ldst(d, a->p, a->u, a->w, a->rn, a->rt, a32_off_ri(d, a),
                    IR_MO_8, true);
}

static bool trans_STR_rr(DisasCtx *d, arg_ldst_rr *a)
{
    return a32_ldst(d, a->p, a->u, a->w, a->rn, a->rt, a32_off_rr(d, a),
                    IR_MO_32, false);
}

static bool trans_LDR_rr(DisasCtx *d, arg_ldst_rr *a)
{
    return a32_ldst(d, a->p, a->u, a->w, a->rn, a->rt, a32_off_rr(d, a),
                    IR_MO_32, true);
}

static bool trans_STRB_rr(DisasCtx *d, arg_ldst_rr *a)
{
    return a32_ldst(d, a->p, a->u, a->w, a->rn, a->rt, a32_off_rr(d, a),
                    IR_MO_8, false);
}

static bool trans_LDRB_rr(DisasCtx *d, arg_ldst_rr *a)
{
    return a32_ldst(d, a->p, a->u, a->w, a->rn, a->rt, a32_off_rr(d, a),
                    IR_MO_8, true);
}

static bool trans_STRH_rr(DisasCtx *d, arg_ldst_rr *a)
{
    return a32_ldst(d, a->p, a->u, a->w, a->rn, a->rt, a32_off_rr(d, a),
                    IR_MO_16, false);
}

static bool trans_LDRH_rr(DisasCtx *d, arg_ldst_rr *a)
{
    return a32_ldst(d, a->p, a->u, a->w, a->rn, a->rt, a32_off_rr(d, a),
                    IR_MO_16, true);
}

static bool trans_LDRSB_rr(DisasCtx *d, arg_ldst_rr *a)
{
    return a32_ldst(d, a->p, a->u, a->w, a->rn, a->rt, a32_off_rr(d, a),
                    IR_MO_8 | IR_MO_SIGN, true);
}

static bool trans_LDRSH_rr(DisasCtx *d, arg_ldst_rr *a)
{
    return a32_ldst(d, a->p, a->u, a->w, a->rn, a->rt, a32_off_rr(d, a),
                    IR_MO_16 | IR_MO_SIGN, true);
}

static bool trans_STRH_ri(DisasCtx *d, arg_ldst_ri *a)
{
    return a32_ldst(d, a->p, a->u, a->w, a->rn, a->rt, a32_off_ri(d, a),
                    IR_MO_16, false);
}

static bool trans_LDRH_ri(DisasCtx *d, arg_ldst_ri *a)
{
    return a32_ldst(d, a->p, a->u, a->w, a->rn, a->rt, a32_off_ri(d, a),
                    IR_MO_16, true);
}

static bool trans_LDRSB_ri(DisasCtx *d, arg_ldst_ri *a)
{
    return a32_ldst(d, a->p, a->u, a->w, a->rn, a->rt, a32_off_ri(d, a),
                    IR_MO_8 | IR_MO_SIGN, true);
}

static bool trans_LDRSH_ri(DisasCtx *d, arg_ldst_ri *a)
{
    return a32_ldst(d, a->p, a->u, a->w, a->rn, a->rt, a32_off_ri(d, a),
                    IR_MO_16 | IR_MO_SIGN, true);
}

/* LDRD/STRD (A4.1.26, A4.1.104): rt even; rt and rt + 1 at addr, +4. */
static bool a32_ldstd(DisasCtx *d, int p, int u, int w, int rn, int rt,
                      IrTemp off, bool load)
{
    IrBlock *b = d->b;
    IrTemp wb, addr2, v1 = IR_NO_TEMP, v2 = IR_NO_TEMP;
    IrTemp addr;

    if (rt & 1) {
        return false;
    }
    addr = a32_address(d, p, u, w, rn, off, &wb);
    addr2 = ir_temp_new(b, IR_I32);
    ir_addi(b, addr2, addr, 4);
    if (load) {
        v1 = arm_gen_ld(d, addr, IR_MO_32);
        v2 = arm_gen_ld(d, addr2, IR_MO_32);
    } else {
        arm_gen_st(d, arm_read_reg(d, rt), addr, IR_MO_32);
        arm_gen_st(d, arm_read_reg(d, rt + 1), addr2, IR_MO_32);
    }
    if (wb != IR_NO_TEMP) {
        ir_mov(b, ARM_T_REG(rn), wb);
    }
    if (load) {
        arm_write_reg(d, rt, v1);
        arm_write_reg(d, rt + 1, v2);
    }
    return true;
}

static bool trans_LDRD_rr(DisasCtx *d, arg_ldst_rr *a)
{
    return a32_ldstd(d, a->p, a->u, a->w, a->rn, a->rt,
                     arm_read_reg(d, a->rm), true);
}

static bool trans_STRD_rr(DisasCtx *d, arg_ldst_rr *a)
{
    return a32_ldstd(d, a->p, a->u, a->w, a->rn, a->rt,
                     arm_read_reg(d, a->rm), false);
}

static bool trans_LDRD_ri(DisasCtx *d, arg_ldst_ri *a)
{
    return a32_ldstd(d, a->p, a->u, a->w, a->rn, a->rt, a32_off_ri(d, a),
                     true);
}

static bool trans_STRD_ri(DisasCtx *d, arg_ldst_ri *a)
{
    return a32_ldstd(d, a->p, a->u, a->w, a->rn, a->rt, a32_off_ri(d, a),
                     false);
}

/* LDM/STM (A5.4): the four addressing modes. The ^ forms are the plain
 * ones in user mode (user registers are the only bank; LDM^ with pc,
 * an exception return, is unpredictable there). */
static bool a32_ldm_stm(DisasCtx *d, arg_ldm *a, bool load)
{
    IrBlock *b = d->b;
    uint32_t list = (uint32_t)a->list;
    uint32_t n = (uint32_t)__builtin_popcount(list);
    IrTemp base = arm_read_reg(d, a->rn);
    IrTemp start = ir_temp_new(b, IR_I32);
    IrTemp wb = IR_NO_TEMP;
    int32_t first;

    if (list == 0 || a->rn == 15) {
        return false;
    }
    if (a->u) {
        first = a->p ? 4 : 0;
    } else {
        first = a->p ? -(int32_t)(4 * n) : -(int32_t)(4 * n) + 4;
    }
    ir_addi(b, start, base, (uint32_t)first);
    if (a->w) {
        wb = ir_temp_new(b, IR_I32);
        ir_addi(b, wb, base, a->u ? 4 * n : (uint32_t)-(int32_t)(4 * n));
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
    return a32_ldm_stm(d, a, false);
}

static bool trans_LDM(DisasCtx *d, arg_ldm *a)
{
    return a32_ldm_stm(d, a, true);
}

/* ---- Branches, coprocessor, SVC -------------------------------------- */

static bool trans_B(DisasCtx *d, arg_B *a)
{
    arm_gen_jump(d, d->pc + 8 + (uint32_t)a->imm * 4);
    return true;
}

static bool trans_BL(DisasCtx *d, arg_BL *a)
{
    ir_movi(d->b, ARM_T_REG(14), d->pc + 4);
    arm_gen_jump(d, d->pc + 8 + (uint32_t)a->imm * 4);
    return true;
}

static bool trans_BLX_i(DisasCtx *d, arg_BLX_i *a)
{
    /* A4.1.9: always to Thumb; H supplies bit 1 of the target. */
    ir_movi(d->b, ARM_T_REG(14), d->pc + 4);
    ir_st32(d->b, ir_const(d->b, IR_I32, 1), IR_ENV,
            (int32_t)offsetof(ArmState, thumb));
    arm_gen_jump(d, d->pc + 8 + (uint32_t)a->imm * 4 + (uint32_t)a->h * 2);
    return true;
}

static bool trans_PLD(DisasCtx *d, arg_PLD *a)
{
    (void)d;
    (void)a;
    return true;
}

static bool trans_MRC_TLS(DisasCtx *d, arg_MRC_TLS *a)
{
    IrTemp t;

    if (a->rt == 15) {
        return false;
    }
    t = ir_temp_new(d->b, IR_I32);
    ir_ld32u(d->b, t, IR_ENV, (int32_t)offsetof(ArmState, tpidruro));
    arm_write_reg(d, a->rt, t);
    return true;
}

static bool trans_SVC(DisasCtx *d, arg_SVC *a)
{
    arm_gen_exception(d, ARM_EXCP_SWI, d->pc + 4, (uint32_t)a->imm);
    return true;
}

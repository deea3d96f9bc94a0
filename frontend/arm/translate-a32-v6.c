/* frontend/arm/translate-a32-v6.c — the ARM (A32) encodings of ARMv6,
 * v6K, v6T2 and v7-A: the trans_ functions the decoders generated from
 * a32-v6.decode and a32-v6-uncond.decode call. Each checks the cpu
 * model's feature (false: UDEF) and builds on translate-media.c.
 */
#include <stddef.h>

#include "translate.h"

#include "a32-v6.c.inc"
#include "a32-v6-uncond.c.inc"

bool arm_decode_a32_v6(DisasCtx *d, uint32_t insn)
{
    return decode_a32_v6(d, insn);
}

bool arm_decode_a32_v6_uncond(DisasCtx *d, uint32_t insn)
{
    return decode_a32_v6_uncond(d, insn);
}

static bool v6(DisasCtx *d)
{
    return arm_feature(d, ARM_FEATURE_V6);
}

static bool v6k(DisasCtx *d)
{
    return arm_feature(d, ARM_FEATURE_V6K);
}

static bool v6t2(DisasCtx *d)
{
    return arm_feature(d, ARM_FEATURE_THUMB2);
}

static bool v7(DisasCtx *d)
{
    return arm_feature(d, ARM_FEATURE_V7);
}

/* ---- Media ------------------------------------------------------------ */

static bool trans_PAR_ADDSUB(DisasCtx *d, arg_PAR_ADDSUB *a)
{
    return v6(d) && arm_gen_par_addsub(d, a->op1, a->op2, a->rd, a->rn,
                                       a->rm);
}

static bool trans_PKH(DisasCtx *d, arg_PKH *a)
{
    if (!v6(d)) {
        return false;
    }
    arm_gen_pkh(d, a->tb, a->rd, a->rn, a->rm, a->imm);
    return true;
}

static bool trans_SSAT(DisasCtx *d, arg_SSAT *a)
{
    if (!v6(d)) {
        return false;
    }
    arm_gen_sat(d, false, a->rd, a->sat, a->rn, a->sh, a->imm);
    return true;
}

static bool trans_USAT(DisasCtx *d, arg_USAT *a)
{
    if (!v6(d)) {
        return false;
    }
    arm_gen_sat(d, true, a->rd, a->sat, a->rn, a->sh, a->imm);
    return true;
}

static bool trans_SSAT16(DisasCtx *d, arg_SSAT16 *a)
{
    if (!v6(d)) {
        return false;
    }
    arm_gen_sat16(d, false, a->rd, a->sat, a->rn);
    return true;
}

static bool trans_USAT16(DisasCtx *d, arg_USAT16 *a)
{
    if (!v6(d)) {
        return false;
    }
    arm_gen_sat16(d, true, a->rd, a->sat, a->rn);
    return true;
}

static bool trans_XT(DisasCtx *d, arg_XT *a)
{
    return v6(d) && arm_gen_extend(d, a->u, a->sz, a->rd, a->rn, a->rm,
                                   a->rot);
}

static bool trans_SEL(DisasCtx *d, arg_rrr *a)
{
    if (!v6(d)) {
        return false;
    }
    arm_gen_sel(d, a->rd, a->rn, a->rm);
    return true;
}

static bool a32_rev(DisasCtx *d, arg_rrr *a, int kind)
{
    if (!(kind == 3 ? v6t2(d) : v6(d))) {
        return false;
    }
    arm_gen_rev(d, kind, a->rd, a->rm);
    return true;
}

static bool trans_REV(DisasCtx *d, arg_rrr *a)
{
    return a32_rev(d, a, 0);
}

static bool trans_REV16(DisasCtx *d, arg_rrr *a)
{
    return a32_rev(d, a, 1);
}

static bool trans_REVSH(DisasCtx *d, arg_rrr *a)
{
    return a32_rev(d, a, 2);
}

static bool trans_RBIT(DisasCtx *d, arg_rrr *a)
{
    return a32_rev(d, a, 3);
}

static bool trans_SMLAD(DisasCtx *d, arg_SMLAD *a)
{
    if (!v6(d)) {
        return false;
    }
    arm_gen_smlad(d, a->rd, a->ra, a->rn, a->rm, a->sub, a->x);
    return true;
}

static bool trans_SMLALD(DisasCtx *d, arg_SMLALD *a)
{
    if (!v6(d)) {
        return false;
    }
    arm_gen_smlald(d, a->rdlo, a->rdhi, a->rn, a->rm, a->sub, a->x);
    return true;
}

static bool trans_SMMLA(DisasCtx *d, arg_SMMLA *a)
{
    if (!v6(d)) {
        return false;
    }
    arm_gen_smmla(d, a->rd, a->ra, a->rn, a->rm, false, a->r);
    return true;
}

static bool trans_SMMLS(DisasCtx *d, arg_SMMLS *a)
{
    if (!v6(d) || a->ra == 15) {
        return false;
    }
    arm_gen_smmla(d, a->rd, a->ra, a->rn, a->rm, true, a->r);
    return true;
}

static bool trans_SDIV(DisasCtx *d, arg_rrr *a)
{
    if (!arm_feature(d, ARM_FEATURE_ARM_DIV)) {
        return false;
    }
    arm_gen_div(d, true, a->rd, a->rn, a->rm);
    return true;
}

static bool trans_UDIV(DisasCtx *d, arg_rrr *a)
{
    if (!arm_feature(d, ARM_FEATURE_ARM_DIV)) {
        return false;
    }
    arm_gen_div(d, false, a->rd, a->rn, a->rm);
    return true;
}

static bool trans_USADA8(DisasCtx *d, arg_rrrr *a)
{
    if (!v6(d)) {
        return false;
    }
    arm_gen_usad8(d, a->rd, a->ra, a->rn, a->rm);
    return true;
}

static bool trans_SBFX(DisasCtx *d, arg_SBFX *a)
{
    return v6t2(d) && arm_gen_bfx(d, true, a->rd, a->rn, a->lsb, a->widthm1);
}

static bool trans_UBFX(DisasCtx *d, arg_UBFX *a)
{
    return v6t2(d) && arm_gen_bfx(d, false, a->rd, a->rn, a->lsb,
                                  a->widthm1);
}

static bool trans_BFI(DisasCtx *d, arg_BFI *a)
{
    return v6t2(d) && arm_gen_bfi(d, a->rd, a->rn, a->lsb, a->msb);
}

/* ---- Multiplies, immediates ------------------------------------------- */

static bool trans_UMAAL(DisasCtx *d, arg_UMAAL *a)
{
    if (!v6(d)) {
        return false;
    }
    arm_gen_umaal(d, a->rdlo, a->rdhi, a->rn, a->rm);
    return true;
}

static bool trans_MLS(DisasCtx *d, arg_rrrr *a)
{
    IrTemp r;

    if (!v6t2(d)) {
        return false;
    }
    r = ir_temp_new(d->b, IR_I32);
    ir_mul(d->b, r, arm_read_reg(d, a->rn), arm_read_reg(d, a->rm));
    ir_sub(d->b, r, arm_read_reg(d, a->ra), r);
    arm_write_reg(d, a->rd, r);
    return true;
}

static bool trans_MOVW(DisasCtx *d, arg_MOVW *a)
{
    if (!v6t2(d)) {
        return false;
    }
    arm_gen_movw(d, a->rd, (uint32_t)(a->imm4 << 12 | a->imm12), false);
    return true;
}

static bool trans_MOVT(DisasCtx *d, arg_MOVT *a)
{
    if (!v6t2(d)) {
        return false;
    }
    arm_gen_movw(d, a->rd, (uint32_t)(a->imm4 << 12 | a->imm12), true);
    return true;
}

/* ---- Exclusives ------------------------------------------------------- */

/* The memop size of each sz field value: word, double, byte, half. */
static const int a32_excl_size[4] = { IR_MO_32, IR_MO_64, IR_MO_8, IR_MO_16 };

static bool a32_excl_ok(DisasCtx *d, int sz, int rt)
{
    if (sz == 0) {
        return v6(d);
    }
    /* LDREXD/STREXD: an even rt other than lr (A8.8.77). */
    if (sz == 1 && ((rt & 1) || rt == 14)) {
        return false;
    }
    return v6k(d);
}

static bool trans_LDREX(DisasCtx *d, arg_LDREX *a)
{
    if (!a32_excl_ok(d, a->sz, a->rt) || a->rt == 15 || a->rn == 15) {
        return false;
    }
    arm_gen_ldrex(d, a32_excl_size[a->sz], a->rt, a->rt + 1, a->rn, 0);
    return true;
}

static bool trans_STREX(DisasCtx *d, arg_STREX *a)
{
    if (!a32_excl_ok(d, a->sz, a->rt) || a->rd == 15 || a->rn == 15 ||
        a->rd == a->rn || a->rd == a->rt ||
        (a->sz == 1 && a->rd == a->rt + 1)) {
        return false;
    }
    arm_gen_strex(d, a32_excl_size[a->sz], a->rd, a->rt, a->rt + 1, a->rn,
                  0);
    return true;
}

/* ---- CP15 ------------------------------------------------------------- */

static bool trans_MRC_TPIDRURW(DisasCtx *d, arg_MRC_TPIDRURW *a)
{
    IrTemp t;

    if (!v6k(d) || a->rt == 15) {
        return false;
    }
    t = ir_temp_new(d->b, IR_I32);
    ir_ld32u(d->b, t, IR_ENV, (int32_t)offsetof(ArmState, tpidrurw));
    arm_write_reg(d, a->rt, t);
    return true;
}

static bool trans_MCR_TPIDRURW(DisasCtx *d, arg_MCR_TPIDRURW *a)
{
    if (!v6k(d)) {
        return false;
    }
    ir_st32(d->b, arm_read_reg(d, a->rt), IR_ENV,
            (int32_t)offsetof(ArmState, tpidrurw));
    return true;
}

/* c7, c10, 4 (DSB), c7, c10, 5 (DMB), c7, c5, 4 (ISB): ARMv6 barriers,
 * still allowed to user mode on v7 (SCTLR.CP15BEN set by Linux). */
static bool trans_MCR_CP15_BARRIER(DisasCtx *d, arg_MCR_CP15_BARRIER *a)
{
    if (!v6(d)) {
        return false;
    }
    if (!((a->crm == 10 && (a->opc2 == 4 || a->opc2 == 5)) ||
          (a->crm == 5 && a->opc2 == 4))) {
        return false;
    }
    arm_gen_barrier(d);
    return true;
}

/* ---- Unconditional ---------------------------------------------------- */

static bool trans_CLREX(DisasCtx *d, arg_CLREX *a)
{
    (void)a;
    if (!v6k(d)) {
        return false;
    }
    arm_gen_clrex(d);
    return true;
}

static bool a32_barrier(DisasCtx *d)
{
    if (!v7(d)) {
        return false;
    }
    arm_gen_barrier(d);
    return true;
}

static bool trans_DSB(DisasCtx *d, arg_DSB *a)
{
    (void)a;
    return a32_barrier(d);
}

static bool trans_DMB(DisasCtx *d, arg_DMB *a)
{
    (void)a;
    return a32_barrier(d);
}

static bool trans_ISB(DisasCtx *d, arg_ISB *a)
{
    (void)a;
    /* Also ends the block, so that code written before it is seen. */
    if (!a32_barrier(d)) {
        return false;
    }
    arm_gen_jump(d, d->pc + 4);
    return true;
}

static bool trans_PLI(DisasCtx *d, arg_PLI *a)
{
    (void)a;
    return v7(d);
}

static bool trans_PLI_r(DisasCtx *d, arg_PLI_r *a)
{
    (void)a;
    return v7(d);
}

static bool trans_PLDW(DisasCtx *d, arg_PLDW *a)
{
    (void)a;
    return v7(d);
}

static bool trans_PLDW_r(DisasCtx *d, arg_PLDW_r *a)
{
    (void)a;
    return v7(d);
}

/* SETEND LE is a no-op; big-endian data is not implemented (UDEF). */
static bool trans_SETEND(DisasCtx *d, arg_SETEND *a)
{
    return v6(d) && !a->e;
}

/* CPS: a no-op in user mode (B9.3.3: no effect at PL0). */
static bool trans_CPS(DisasCtx *d, arg_CPS *a)
{
    (void)a;
    return v6(d);
}

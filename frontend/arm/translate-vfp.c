/* frontend/arm/translate-vfp.c — VFPv2/v3/v4 in ARM and Thumb-2 state:
 * the trans_ functions of vfp.decode. Registers live in ArmState.vfp_d
 * and are reached with loads/stores of the CPU state; arithmetic calls
 * core/fpu directly with &ArmState.vfp_status (rounding, FZ, DN and the
 * cumulative flags of FPSCR). Sections cite the ARM ARM (DDI 0406C).
 */
#include <stddef.h>

#include "helper-vfp.h"
#include "translate.h"

#include "vfp.c.inc"

#define VFP_SIGN32 0x80000000u
#define VFP_SIGN64 0x8000000000000000ull

bool arm_decode_vfp(DisasCtx *d, uint32_t insn)
{
    return decode_vfp(d, insn);
}

/* ---- Registers -------------------------------------------------------- */

/* A VFP instruction on this model: VFP present (FPEXC.EN is always set
 * for user code), and for data processing (`vec`) no short-vector
 * FPSCR.Len/Stride (short vectors are not implemented: such instructions
 * are UDEF, as on cores without them). */
static bool vfp_ok(DisasCtx *d, bool vec)
{
    if (!arm_feature(d, ARM_FEATURE_VFP)) {
        return false;
    }
    return !(vec && d->vfp_vec);
}

/* Double register x (D:Vd form) exists: d16-d31 need VFP_D32. */
static bool vfp_dreg_ok(const DisasCtx *d, int x)
{
    return x < 16 || arm_feature(d, ARM_FEATURE_VFP_D32);
}

/* The single register a D:Vd field names (Vd:D). */
static int vfp_sreg(int x)
{
    return ((x & 15) << 1) | (x >> 4);
}

static int32_t vfp_dreg_offset(int x)
{
    return (int32_t)(offsetof(ArmState, vfp_d) + 8 * (size_t)x);
}

static IrTemp vfp_ld_s(DisasCtx *d, int s)
{
    IrTemp t = ir_temp_new(d->b, IR_I32);

    ir_ld32u(d->b, t, IR_ENV, (int32_t)arm_vfp_sreg_offset((unsigned)s));
    return t;
}

static void vfp_st_s(DisasCtx *d, int s, IrTemp v)
{
    ir_st32(d->b, v, IR_ENV, (int32_t)arm_vfp_sreg_offset((unsigned)s));
}

static IrTemp vfp_ld_d(DisasCtx *d, int x)
{
    IrTemp t = ir_temp_new(d->b, IR_I64);

    ir_ld(d->b, t, IR_ENV, vfp_dreg_offset(x));
    return t;
}

static void vfp_st_d(DisasCtx *d, int x, IrTemp v)
{
    ir_st(d->b, v, IR_ENV, vfp_dreg_offset(x));
}

/* Register `x` of the operation's size: single Vx:X when !dp. */
static IrTemp vfp_ld(DisasCtx *d, bool dp, int x)
{
    return dp ? vfp_ld_d(d, x) : vfp_ld_s(d, vfp_sreg(x));
}

static void vfp_st(DisasCtx *d, bool dp, int x, IrTemp v)
{
    if (dp) {
        vfp_st_d(d, x, v);
    } else {
        vfp_st_s(d, vfp_sreg(x), v);
    }
}

/* &env->vfp_status, the FpuStatus argument of the core/fpu calls. */
static IrTemp vfp_status(DisasCtx *d)
{
    IrTemp t = ir_temp_new(d->b, IR_PTR);

    ir_addi(d->b, t, IR_ENV, offsetof(ArmState, vfp_status));
    return t;
}

static IrTemp vfp_call(DisasCtx *d, const IrHelper *h, bool dp64, int n,
                       IrTemp a0, IrTemp a1, IrTemp a2, IrTemp a3)
{
    IrTemp ret = ir_temp_new(d->b, dp64 ? IR_I64 : IR_I32);
    IrTemp args[5] = { a0, a1, a2, a3, IR_NO_TEMP };

    args[n] = vfp_status(d);
    ir_call(d->b, h, ret, (unsigned)n + 1, args);
    return ret;
}

static IrTemp vfp_op2(DisasCtx *d, const IrHelper *h, bool dp, IrTemp a,
                      IrTemp b)
{
    return vfp_call(d, &h[dp], dp, 2, a, b, IR_NO_TEMP, IR_NO_TEMP);
}

/* FPNeg (A2.7.7): flips the sign bit, NaNs included. */
static IrTemp vfp_neg(DisasCtx *d, bool dp, IrTemp a)
{
    IrTemp t = ir_temp_new(d->b, dp ? IR_I64 : IR_I32);

    ir_xori(d->b, t, a, dp ? VFP_SIGN64 : VFP_SIGN32);
    return t;
}

/* ---- Data processing (A7.5) ------------------------------------------- */

static bool trans_VFP3(DisasCtx *d, arg_vfp3 *a)
{
    bool dp = a->sz != 0;
    IrTemp n, m, acc, r;

    if (!vfp_ok(d, true) ||
        (a->op >= 9 && !arm_feature(d, ARM_FEATURE_VFP4))) {
        return false;
    }
    if (dp && (!vfp_dreg_ok(d, a->vd) || !vfp_dreg_ok(d, a->vn) ||
               !vfp_dreg_ok(d, a->vm))) {
        return false;
    }
    n = vfp_ld(d, dp, a->vn);
    m = vfp_ld(d, dp, a->vm);
    switch (a->op) {
    case 0: case 1: case 2: case 3:
        /* VMLA, VMLS, VNMLS, VNMLA (A8.8.337, A8.8.350): the product is
         * rounded, then added: FPAdd(+-d, +-product). */
        r = vfp_op2(d, arm_vfp_mul_desc, dp, n, m);
        if (a->op == 1 || a->op == 3) {
            r = vfp_neg(d, dp, r);
        }
        acc = vfp_ld(d, dp, a->vd);
        if (a->op >= 2) {
            acc = vfp_neg(d, dp, acc);
        }
        r = vfp_op2(d, arm_vfp_add_desc, dp, acc, r);
        break;
    case 4:
        r = vfp_op2(d, arm_vfp_mul_desc, dp, n, m);
        break;
    case 5:     /* VNMUL: FPNeg(FPMul) */
        r = vfp_neg(d, dp, vfp_op2(d, arm_vfp_mul_desc, dp, n, m));
        break;
    case 6:
        r = vfp_op2(d, arm_vfp_add_desc, dp, n, m);
        break;
    case 7:
        r = vfp_op2(d, arm_vfp_sub_desc, dp, n, m);
        break;
    case 8:
        r = vfp_op2(d, arm_vfp_div_desc, dp, n, m);
        break;
    default:
        /* VFNMS, VFNMA, VFMA, VFMS (A8.8.318, A8.8.319): FPMulAdd(+-d,
         * +-n, m), negations applied to the operands (NaNs included);
         * the library takes the addend first in NaN order for ARM. */
        acc = vfp_ld(d, dp, a->vd);
        if (a->op == 9 || a->op == 10) {
            acc = vfp_neg(d, dp, acc);
        }
        if (a->op == 10 || a->op == 12) {
            n = vfp_neg(d, dp, n);
        }
        r = vfp_call(d, &arm_vfp_muladd_desc[dp], dp, 3, n, m, acc,
                     IR_NO_TEMP);
        break;
    }
    vfp_st(d, dp, a->vd, r);
    return true;
}

/* VFPExpandImm (A7.5.1): abcdefgh -> a:NOT(b):b...b:cdefgh:0... */
static uint64_t vfp_expand_imm(uint32_t imm8, bool dp)
{
    uint64_t a = imm8 >> 7, b = (imm8 >> 6) & 1, cdefgh = imm8 & 0x3f;

    if (dp) {
        return a << 63 | (b ^ 1) << 62 | (b ? 0xffull << 54 : 0) |
               cdefgh << 48;
    }
    return a << 31 | (b ^ 1) << 30 | (b ? 0x1full << 25 : 0) | cdefgh << 19;
}

static bool trans_VMOV_imm(DisasCtx *d, arg_VMOV_imm *a)
{
    bool dp = a->sz != 0;
    uint32_t imm8 = (uint32_t)(a->imm4h << 4 | a->imm4l);

    if (!vfp_ok(d, true) || !arm_feature(d, ARM_FEATURE_VFP3) ||
        (dp && !vfp_dreg_ok(d, a->vd))) {
        return false;
    }
    vfp_st(d, dp, a->vd,
           ir_const(d->b, dp ? IR_I64 : IR_I32, vfp_expand_imm(imm8, dp)));
    return true;
}

static bool trans_VFP2(DisasCtx *d, arg_vfp2 *a)
{
    bool dp = a->sz != 0;
    IrTemp m, r;

    if (!vfp_ok(d, true) ||
        (dp && (!vfp_dreg_ok(d, a->vd) || !vfp_dreg_ok(d, a->vm)))) {
        return false;
    }
    m = vfp_ld(d, dp, a->vm);
    switch (a->op) {
    case 0:     /* VMOV: a plain copy */
        r = m;
        break;
    case 1:     /* VABS (FPAbs: sign cleared, no exceptions) */
        r = ir_temp_new(d->b, dp ? IR_I64 : IR_I32);
        ir_andi(d->b, r, m, dp ? ~VFP_SIGN64 : ~VFP_SIGN32);
        break;
    case 2:     /* VNEG */
        r = vfp_neg(d, dp, m);
        break;
    default:    /* VSQRT */
        r = vfp_call(d, &arm_vfp_sqrt_desc[dp], dp, 1, m, IR_NO_TEMP,
                     IR_NO_TEMP, IR_NO_TEMP);
        break;
    }
    vfp_st(d, dp, a->vd, r);
    return true;
}

static void vfp_compare(DisasCtx *d, bool dp, IrTemp x, IrTemp y, int e)
{
    IrTemp args[4] = { IR_ENV, x, y, ir_const(d->b, IR_I32, (uint32_t)e) };

    ir_call(d->b, dp ? &arm_helper_vfp_cmp_d_desc : &arm_helper_vfp_cmp_s_desc,
            IR_NO_TEMP, 4, args);
}

static bool trans_VCMP(DisasCtx *d, arg_VCMP *a)
{
    bool dp = a->sz != 0;

    if (!vfp_ok(d, false) ||
        (dp && (!vfp_dreg_ok(d, a->vd) || !vfp_dreg_ok(d, a->vm)))) {
        return false;
    }
    vfp_compare(d, dp, vfp_ld(d, dp, a->vd), vfp_ld(d, dp, a->vm), a->e);
    return true;
}

static bool trans_VCMP0(DisasCtx *d, arg_VCMP0 *a)
{
    bool dp = a->sz != 0;

    if (!vfp_ok(d, false) || (dp && !vfp_dreg_ok(d, a->vd))) {
        return false;
    }
    vfp_compare(d, dp, vfp_ld(d, dp, a->vd),
                ir_const(d->b, dp ? IR_I64 : IR_I32, 0), a->e);
    return true;
}

/* ---- Conversions (A8.8.306 - A8.8.310) -------------------------------- */

/* VCVT.F64.F32 (sz 0: Dd <- Sm) and VCVT.F32.F64 (sz 1: Sd <- Dm). */
static bool trans_VCVT_sd(DisasCtx *d, arg_VCVT_sd *a)
{
    bool dp = a->sz != 0;

    if (!vfp_ok(d, false) || !vfp_dreg_ok(d, dp ? a->vm : a->vd)) {
        return false;
    }
    if (dp) {
        vfp_st_s(d, vfp_sreg(a->vd),
                 vfp_call(d, &arm_vfp_f64_to_f32_desc, false, 1,
                          vfp_ld_d(d, a->vm), IR_NO_TEMP, IR_NO_TEMP,
                          IR_NO_TEMP));
    } else {
        vfp_st_d(d, a->vd,
                 vfp_call(d, &arm_vfp_f32_to_f64_desc, true, 1,
                          vfp_ld_s(d, vfp_sreg(a->vm)), IR_NO_TEMP,
                          IR_NO_TEMP, IR_NO_TEMP));
    }
    return true;
}

/* VCVT.F32/F64.S32/U32: from the single Sm, rounded per FPSCR. */
static bool trans_VCVT_int2f(DisasCtx *d, arg_VCVT_int2f *a)
{
    bool dp = a->sz != 0;

    if (!vfp_ok(d, false) || (dp && !vfp_dreg_ok(d, a->vd))) {
        return false;
    }
    vfp_st(d, dp, a->vd,
           vfp_call(d, &arm_vfp_int_to_float_desc[dp][a->s], dp, 1,
                    vfp_ld_s(d, vfp_sreg(a->vm)), IR_NO_TEMP, IR_NO_TEMP,
                    IR_NO_TEMP));
    return true;
}

/* VCVT (rz = 1: toward zero) / VCVTR (FPSCR rounding) to S32/U32 in Sd. */
static bool trans_VCVT_f2int(DisasCtx *d, arg_VCVT_f2int *a)
{
    bool dp = a->sz != 0;

    if (!vfp_ok(d, false) || (dp && !vfp_dreg_ok(d, a->vm))) {
        return false;
    }
    vfp_st_s(d, vfp_sreg(a->vd),
             vfp_call(d, &arm_vfp_float_to_int_desc[dp][a->s][a->rz], false,
                      1, vfp_ld(d, dp, a->vm), IR_NO_TEMP, IR_NO_TEMP,
                      IR_NO_TEMP));
    return true;
}

/* VCVT between floating point and fixed point (VFPv3, A8.8.309): in
 * place on Vd; fbits = size - imm4:i. */
static bool trans_VCVT_fix(DisasCtx *d, arg_VCVT_fix *a)
{
    bool dp = a->sz != 0;
    int size = a->sx ? 32 : 16;
    int fbits = size - (a->imm4 << 1 | a->i);
    uint32_t shape;
    const IrHelper *h;

    if (!vfp_ok(d, false) || !arm_feature(d, ARM_FEATURE_VFP3) ||
        fbits < 0 || (dp && !vfp_dreg_ok(d, a->vd))) {
        return false;
    }
    shape = (uint32_t)fbits | (uint32_t)size << 8 | (a->u ? 0x10000u : 0);
    if (a->tofix) {
        h = dp ? &arm_helper_vfp_tofix_d_desc : &arm_helper_vfp_tofix_s_desc;
    } else {
        h = dp ? &arm_helper_vfp_fromfix_d_desc
               : &arm_helper_vfp_fromfix_s_desc;
    }
    vfp_st(d, dp, a->vd,
           vfp_call(d, h, dp, 2, vfp_ld(d, dp, a->vd),
                    ir_const(d->b, IR_I32, shape), IR_NO_TEMP, IR_NO_TEMP));
    return true;
}

/* VCVTB/VCVTT (VFPv3-fp16, A8.8.311): op 0 half -> single, 1 single ->
 * half; t selects the top half of the single register holding the half. */
static bool trans_VCVT_f16(DisasCtx *d, arg_VCVT_f16 *a)
{
    IrBlock *b = d->b;
    int sd = vfp_sreg(a->vd), sm = vfp_sreg(a->vm);
    IrTemp v, r, args[2];

    if (!vfp_ok(d, false) || !arm_feature(d, ARM_FEATURE_FP16)) {
        return false;
    }
    v = vfp_ld_s(d, sm);
    r = ir_temp_new(b, IR_I32);
    args[0] = IR_ENV;
    args[1] = v;
    if (a->op == 0) {
        IrTemp h = ir_temp_new(b, IR_I32);
        ir_extract(b, h, v, a->t ? 16 : 0, 16);
        args[1] = h;
        ir_call(b, &arm_helper_vfp_f16_to_f32_desc, r, 2, args);
        vfp_st_s(d, sd, r);
    } else {
        IrTemp old = vfp_ld_s(d, sd), merged = ir_temp_new(b, IR_I32);
        ir_call(b, &arm_helper_vfp_f32_to_f16_desc, r, 2, args);
        ir_deposit(b, merged, old, r, a->t ? 16 : 0, 16);
        vfp_st_s(d, sd, merged);
    }
    return true;
}

/* ---- Core <-> extension register transfers (A7.8, A7.9) -------------- */

static bool trans_VMOV_s(DisasCtx *d, arg_VMOV_s *a)
{
    int s = vfp_sreg(a->vn);

    if (!vfp_ok(d, false) || a->rt == 15) {
        return false;
    }
    if (a->l) {
        arm_write_reg(d, a->rt, vfp_ld_s(d, s));
    } else {
        vfp_st_s(d, s, arm_read_reg(d, a->rt));
    }
    return true;
}

/* VMOV.32 Dn[x] <-> Rt; the 8/16-bit scalar forms are Advanced SIMD. */
static bool trans_VMOV_scalar(DisasCtx *d, arg_VMOV_scalar *a)
{
    int s = 2 * a->vn + a->x;

    if (!vfp_ok(d, false) || a->rt == 15 || !vfp_dreg_ok(d, a->vn)) {
        return false;
    }
    if (a->l) {
        arm_write_reg(d, a->rt, vfp_ld_s(d, s));
    } else {
        vfp_st_s(d, s, arm_read_reg(d, a->rt));
    }
    return true;
}

/* Two core registers <-> Sm, Sm+1 or the halves of Dm. */
static bool vfp_mov_2(DisasCtx *d, int l, int rt, int rt2, int s)
{
    if (!vfp_ok(d, false) || rt == 15 || rt2 == 15 || (l && rt == rt2)) {
        return false;
    }
    if (l) {
        IrTemp lo = vfp_ld_s(d, s), hi = vfp_ld_s(d, s + 1);
        arm_write_reg(d, rt, lo);
        arm_write_reg(d, rt2, hi);
    } else {
        vfp_st_s(d, s, arm_read_reg(d, rt));
        vfp_st_s(d, s + 1, arm_read_reg(d, rt2));
    }
    return true;
}

static bool trans_VMOV_2s(DisasCtx *d, arg_VMOV_2s *a)
{
    int s = vfp_sreg(a->vm);

    if (s == 31) {
        return false;
    }
    return vfp_mov_2(d, a->l, a->rt, a->rt2, s);
}

static bool trans_VMOV_2d(DisasCtx *d, arg_VMOV_2d *a)
{
    if (!vfp_dreg_ok(d, a->vm)) {
        return false;
    }
    return vfp_mov_2(d, a->l, a->rt, a->rt2, 2 * a->vm);
}

/* VMRS/VMSR (B6.1.1): user code reaches FPSCR only; FPSID (VFPv2 only),
 * MVFR0/1, FPEXC and FPINST are privileged, hence UDEF here. */
enum { VFP_REG_FPSID = 0, VFP_REG_FPSCR = 1 };

static bool trans_VMRS(DisasCtx *d, arg_VMRS *a)
{
    IrBlock *b = d->b;

    if (!vfp_ok(d, false)) {
        return false;
    }
    if (a->reg == VFP_REG_FPSID && !arm_feature(d, ARM_FEATURE_VFP3) &&
        a->rt != 15) {
        /* ARM1136/ARM1176 VFP11: implementer ARM, VFPv2, part 0x20b,
         * variant 4. */
        arm_write_reg(d, a->rt, ir_const(b, IR_I32, 0x410120b4u));
        return true;
    }
    if (a->reg != VFP_REG_FPSCR) {
        return false;
    }
    if (a->rt == 15) {
        /* VMRS APSR_nzcv, FPSCR: FPSCR.NZCV into the flags. */
        IrTemp f = ir_temp_new(b, IR_I32);
        ir_ld32u(b, f, IR_ENV, (int32_t)offsetof(ArmState, fpscr));
        ir_andi(b, ARM_T_NF, f, 0x80000000u);
        ir_extract(b, ARM_T_ZF, f, 30, 1);
        ir_xori(b, ARM_T_ZF, ARM_T_ZF, 1);
        ir_extract(b, ARM_T_CF, f, 29, 1);
        ir_shli(b, ARM_T_VF, f, 3);
        return true;
    }
    {
        IrTemp r = ir_temp_new(b, IR_I32);
        IrTemp args[1] = { IR_ENV };
        ir_call(b, &arm_helper_vfp_fpscr_read_desc, r, 1, args);
        arm_write_reg(d, a->rt, r);
    }
    return true;
}

static bool trans_VMSR(DisasCtx *d, arg_VMSR *a)
{
    IrBlock *b = d->b;
    IrTemp args[2];

    if (!vfp_ok(d, false) || a->reg != VFP_REG_FPSCR || a->rt == 15) {
        return false;
    }
    args[0] = IR_ENV;
    args[1] = arm_read_reg(d, a->rt);
    ir_call(b, &arm_helper_vfp_fpscr_write_desc, IR_NO_TEMP, 2, args);
    /* Len/Stride are part of the TB flags: continue through a lookup. */
    ir_movi(b, ARM_T_PC, d->pc + d->len);
    ir_exit_lookup(b);
    d->jmp = ARM_JMP_DONE;
    return true;
}

/* ---- Loads and stores (A7.6) ------------------------------------------ */

/* Word accesses: VFP loads and stores need word alignment (A3.2.1).
 * Only the first word of a transfer is checked (`check`): the others
 * are at multiples of 4 from it, and it faults before any of them. */
static void vfp_ld_word(DisasCtx *d, int s, IrTemp addr, bool check)
{
    IrTemp t = ir_temp_new(d->b, IR_I32);

    ir_guest_ld(d->b, t, addr, IR_MO_32 | (check ? IR_MO_ALIGN : 0));
    vfp_st_s(d, s, t);
}

static void vfp_st_word(DisasCtx *d, int s, IrTemp addr, bool check)
{
    ir_guest_st(d->b, vfp_ld_s(d, s), addr,
                IR_MO_32 | (check ? IR_MO_ALIGN : 0));
}

/* The base register value; r15 (ARM only for VLDM) reads Align(PC, 4). */
static IrTemp vfp_base(DisasCtx *d, int rn)
{
    if (rn == 15) {
        return ir_const(d->b, IR_I32, arm_pc_value(d) & ~3u);
    }
    return ARM_T_REG(rn);
}

static bool trans_VLDR(DisasCtx *d, arg_vldr *a)
{
    bool dp = a->sz != 0;
    IrTemp addr = ir_temp_new(d->b, IR_I32);
    uint32_t off = (uint32_t)a->imm * 4;

    if (!vfp_ok(d, false) || (dp && !vfp_dreg_ok(d, a->vd))) {
        return false;
    }
    ir_addi(d->b, addr, vfp_base(d, a->rn), a->u ? off : (uint32_t)-off);
    if (!dp) {
        if (a->l) {
            vfp_ld_word(d, vfp_sreg(a->vd), addr, true);
        } else {
            vfp_st_word(d, vfp_sreg(a->vd), addr, true);
        }
        return true;
    }
    {
        IrTemp addr2 = ir_temp_new(d->b, IR_I32);
        ir_addi(d->b, addr2, addr, 4);
        if (a->l) {
            /* Both words before either is written: a fault on the
             * second leaves Dd unchanged. */
            IrTemp lo = ir_temp_new(d->b, IR_I32);
            IrTemp hi = ir_temp_new(d->b, IR_I32);
            ir_guest_ld(d->b, lo, addr, IR_MO_32 | IR_MO_ALIGN);
            ir_guest_ld(d->b, hi, addr2, IR_MO_32);
            vfp_st_s(d, 2 * a->vd, lo);
            vfp_st_s(d, 2 * a->vd + 1, hi);
        } else {
            vfp_st_word(d, 2 * a->vd, addr, true);
            vfp_st_word(d, 2 * a->vd + 1, addr2, false);
        }
    }
    return true;
}

/* VLDM/VSTM IA (p 0) or DB with writeback (p 1); FLDMX/FSTMX (dp with an
 * odd imm8) transfer imm8 / 2 doubles and step over imm8 words. */
static bool trans_VLDM(DisasCtx *d, arg_vldm *a)
{
    IrBlock *b = d->b;
    bool dp = a->sz != 0;
    int nregs = dp ? a->imm >> 1 : a->imm;
    int first = dp ? a->vd : vfp_sreg(a->vd);
    int limit = dp ? (arm_feature(d, ARM_FEATURE_VFP_D32) ? 32 : 16) : 32;
    uint32_t bytes = (uint32_t)a->imm * 4;
    IrTemp addr, wb = IR_NO_TEMP, base;
    int nwords = dp ? 2 * nregs : nregs;

    if (!vfp_ok(d, false) || nregs == 0 || (dp && nregs > 16) ||
        first + nregs > limit || (a->rn == 15 && (a->w || d->thumb))) {
        return false;
    }
    base = vfp_base(d, a->rn);
    addr = ir_temp_new(b, IR_I32);
    if (a->p) {
        ir_subi(b, addr, base, bytes);
    } else {
        ir_mov(b, addr, base);
    }
    if (a->w) {
        wb = ir_temp_new(b, IR_I32);
        if (a->p) {
            ir_mov(b, wb, addr);
        } else {
            ir_addi(b, wb, base, bytes);
        }
    }
    for (int i = 0; i < nwords; i++) {
        int s = dp ? 2 * first + i : first + i;
        IrTemp ea = addr;
        if (i) {
            ea = ir_temp_new(b, IR_I32);
            ir_addi(b, ea, addr, 4 * (uint32_t)i);
        }
        if (a->l) {
            vfp_ld_word(d, s, ea, i == 0);
        } else {
            vfp_st_word(d, s, ea, i == 0);
        }
    }
    if (wb != IR_NO_TEMP) {
        ir_mov(b, ARM_T_REG(a->rn), wb);
    }
    return true;
}

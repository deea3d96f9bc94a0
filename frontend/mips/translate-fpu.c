/* frontend/mips/translate-fpu.c — coprocessor 1 for the o32 ABI in both
 * FP modes (TB flag MIPS_TBFLAG_FR): FR = 0 (FP32/FPXX code) keeps a
 * double in an even/odd pair of 32-bit registers, the low word in the
 * even one; FR = 1 (FP64 code) has 32 64-bit registers. Data movement,
 * FCSR access, sign changes and the condition-code branches are
 * micro-ops; arithmetic, conversions and compares call fpu_helper.c
 * (core/fpu). A model without FPU raises Coprocessor Unusable (SIGILL).
 */
#include <stddef.h>

#include "fpu_helper.h"
#include "helper.h"
#include "translate.h"

/* The fmt field of the fmt operations, whose top bit the patterns fix. */
static int mips_fmt16(DisasCtx *ctx, int x)
{
    (void)ctx;
    return x | 16;
}

#include "fpu.c.inc"

bool mips_decode_fpu(DisasCtx *d, uint32_t insn)
{
    return decode_fpu(d, insn);
}

enum { FMT_S = MIPS_FMT_S, FMT_D = MIPS_FMT_D, FMT_W = MIPS_FMT_W,
       FMT_L = MIPS_FMT_L };

static bool fr1(const DisasCtx *d)
{
    return (d->tc->flags & MIPS_TBFLAG_FR) != 0;
}

/* The slot (cpu.h) of register r as a 32-bit operand, or as a 64-bit
 * one (r even under FR = 0). */
static unsigned fpr_slot(const DisasCtx *d, int r)
{
    return mips_fpr_slot((unsigned)r, fr1(d));
}

static int32_t fpr_off(const DisasCtx *d, int r)
{
    return (int32_t)mips_fpr_offset(fpr_slot(d, r));
}

/* The 64-bit register r: fpr[r], under FR = 0 the pair r & ~1. */
static unsigned fpr_dreg(const DisasCtx *d, int r)
{
    return fr1(d) ? (unsigned)r : (unsigned)r & ~1u;
}

static int32_t fpr_pair_off(const DisasCtx *d, int r)
{
    return (int32_t)(offsetof(MipsState, fpr) + 8 * fpr_dreg(d, r));
}

/* Half h (0 low, 1 high) of the 64-bit register r. */
static int32_t fpr_half_off(const DisasCtx *d, int r, int h)
{
    return (int32_t)mips_fpr_offset(2 * fpr_dreg(d, r) + (unsigned)h);
}

/* No FPU in the model: every CP1 instruction is Coprocessor Unusable. */
static bool fpu_check(DisasCtx *d)
{
    if (!d->fpu) {
        mips_gen_exception(d, MIPS_EXCP_CPU, d->insn);
        return false;
    }
    return true;
}

static IrTemp ld_fpr(DisasCtx *d, int r)
{
    IrTemp t = mips_tmp(d);

    ir_ld32u(d->b, t, IR_ENV, fpr_off(d, r));
    return t;
}

static void st_fpr(DisasCtx *d, int r, IrTemp v)
{
    ir_st32(d->b, v, IR_ENV, fpr_off(d, r));
}

/* ---- Loads and stores ---------------------------------------------------- */

static void gen_fld(DisasCtx *d, IrTemp addr, int ft, bool dbl)
{
    IrBlock *b = d->b;

    if (!dbl) {
        IrTemp t = mips_tmp(d);
        ir_guest_ld(b, t, addr, IR_MO_32 | mips_mo_endian(d));
        st_fpr(d, ft, t);
        return;
    }
    IrTemp v = ir_temp_local(b, IR_I64);
    ir_guest_ld(b, v, addr, IR_MO_64 | mips_mo_endian(d));
    ir_st(b, v, IR_ENV, fpr_pair_off(d, ft));
}

static void gen_fst(DisasCtx *d, IrTemp addr, int ft, bool dbl)
{
    IrBlock *b = d->b;

    if (!dbl) {
        ir_guest_st(b, ld_fpr(d, ft), addr, IR_MO_32 | mips_mo_endian(d));
        return;
    }
    IrTemp v = ir_temp_local(b, IR_I64);
    ir_ld(b, v, IR_ENV, fpr_pair_off(d, ft));
    ir_guest_st(b, v, addr, IR_MO_64 | mips_mo_endian(d));
}

static bool trans_LWC1(DisasCtx *d, arg_fmem *a)
{
    if (fpu_check(d)) {
        gen_fld(d, mips_addr(d, a->base, a->off), a->ft, false);
    }
    return true;
}

/* LDC1/SDC1 with an odd register under FR = 0: the pair is ft & ~1
 * (the manual says UNPREDICTABLE; cores ignore bit 0). */
static bool trans_LDC1(DisasCtx *d, arg_fmem *a)
{
    if (fpu_check(d)) {
        gen_fld(d, mips_addr(d, a->base, a->off), a->ft, true);
    }
    return true;
}

static bool trans_SWC1(DisasCtx *d, arg_fmem *a)
{
    if (fpu_check(d)) {
        gen_fst(d, mips_addr(d, a->base, a->off), a->ft, false);
    }
    return true;
}

static bool trans_SDC1(DisasCtx *d, arg_fmem *a)
{
    if (fpu_check(d)) {
        gen_fst(d, mips_addr(d, a->base, a->off), a->ft, true);
    }
    return true;
}

static IrTemp idx_addr(DisasCtx *d, arg_fidx *a, bool unaligned_dbl)
{
    IrTemp t = mips_tmp(d);

    ir_add(d->b, t, mips_gpr(d, a->base), mips_gpr(d, a->index));
    if (unaligned_dbl) {
        ir_andi(d->b, t, t, ~7u);   /* LUXC1/SUXC1 ignore bits 2:0 */
    }
    return t;
}

static bool trans_LWXC1(DisasCtx *d, arg_fidx *a)
{
    if (fpu_check(d)) {
        gen_fld(d, idx_addr(d, a, false), a->fd, false);
    }
    return true;
}

static bool trans_LDXC1(DisasCtx *d, arg_fidx *a)
{
    if (fpu_check(d)) {
        gen_fld(d, idx_addr(d, a, false), a->fd, true);
    }
    return true;
}

static bool trans_LUXC1(DisasCtx *d, arg_fidx *a)
{
    if (fpu_check(d)) {
        gen_fld(d, idx_addr(d, a, true), a->fd, true);
    }
    return true;
}

static bool trans_SWXC1(DisasCtx *d, arg_fidx *a)
{
    if (fpu_check(d)) {
        gen_fst(d, idx_addr(d, a, false), a->fd, false);
    }
    return true;
}

static bool trans_SDXC1(DisasCtx *d, arg_fidx *a)
{
    if (fpu_check(d)) {
        gen_fst(d, idx_addr(d, a, false), a->fd, true);
    }
    return true;
}

static bool trans_SUXC1(DisasCtx *d, arg_fidx *a)
{
    if (fpu_check(d)) {
        gen_fst(d, idx_addr(d, a, true), a->fd, true);
    }
    return true;
}

static bool trans_PREFX(DisasCtx *d, arg_PREFX *a)
{
    fpu_check(d);
    return true;
}

/* ---- Moves and FCSR -------------------------------------------------------- */

static bool trans_MFC1(DisasCtx *d, arg_fmv *a)
{
    if (fpu_check(d)) {
        mips_set_gpr(d, a->rt, ld_fpr(d, a->fs));
    }
    return true;
}

static bool trans_MTC1(DisasCtx *d, arg_fmv *a)
{
    if (fpu_check(d)) {
        st_fpr(d, a->fs, mips_gpr(d, a->rt));
    }
    return true;
}

/* MFHC1/MTHC1: the high word of the 64-bit register fs (under FR = 0
 * the pair's odd register fs | 1). */
static bool trans_MFHC1(DisasCtx *d, arg_fmv *a)
{
    if (fpu_check(d)) {
        IrTemp t = mips_tmp(d);
        ir_ld32u(d->b, t, IR_ENV, fpr_half_off(d, a->fs, 1));
        mips_set_gpr(d, a->rt, t);
    }
    return true;
}

static bool trans_MTHC1(DisasCtx *d, arg_fmv *a)
{
    if (fpu_check(d)) {
        ir_st32(d->b, mips_gpr(d, a->rt), IR_ENV, fpr_half_off(d, a->fs, 1));
    }
    return true;
}

static bool trans_CFC1(DisasCtx *d, arg_fmv *a)
{
    IrTemp t, args[2];

    if (!fpu_check(d)) {
        return true;
    }
    if (a->fs != 0 && a->fs != 25 && a->fs != 26 && a->fs != 28 &&
        a->fs != 31) {
        return false;
    }
    t = mips_tmp(d);
    args[0] = IR_ENV;
    args[1] = ir_const(d->b, IR_I32, (uint32_t)a->fs);
    ir_call(d->b, &mips_helper_cfc1_desc, t, 2, args);
    mips_set_gpr(d, a->rt, t);
    return true;
}

static bool trans_CTC1(DisasCtx *d, arg_fmv *a)
{
    IrTemp args[3], trap;

    if (!fpu_check(d)) {
        return true;
    }
    if (a->fs != 25 && a->fs != 26 && a->fs != 28 && a->fs != 31) {
        return a->fs == 0;  /* FIR is read-only: the write is ignored */
    }
    args[0] = IR_ENV;
    args[1] = mips_gpr(d, a->rt);
    args[2] = ir_const(d->b, IR_I32, (uint32_t)a->fs);
    trap = mips_tmp(d);
    ir_call(d->b, &mips_helper_ctc1_desc, trap, 3, args);
    mips_gen_exception_if(d, IR_COND_NE, trap, ir_const(d->b, IR_I32, 0),
                          MIPS_EXCP_FPE, 0);
    if (a->fs == 28 || a->fs == 31) {
        /* The enables may change: MIPS_TBFLAG_FPE of the next block. */
        mips_gen_end_lookup(d);
    }
    return true;
}

/* Condition code cc of FCSR: bit 23 for cc 0, 24 + cc for the others. */
static IrTemp fcc_bit(DisasCtx *d, int cc)
{
    IrTemp f = mips_tmp(d);

    ir_ld32u(d->b, f, IR_ENV, (int32_t)offsetof(MipsState, fcr31));
    ir_extract(d->b, f, f, cc ? 24u + (unsigned)cc : 23u, 1);
    return f;
}

static bool trans_BC1(DisasCtx *d, arg_BC1 *a)
{
    if (d->in_slot) {
        return false;
    }
    if (!fpu_check(d)) {
        return true;
    }
    d->bcond = fcc_bit(d, a->cc);
    if (!a->tf) {
        ir_xori(d->b, d->bcond, d->bcond, 1);
    }
    d->br = a->nd ? MIPS_BR_LIKELY : MIPS_BR_COND;
    d->bdest = d->pc + 4 + ((uint32_t)a->off << 2);
    return mips_gen_branch(d);
}

static bool fmt_ok(int fmt)
{
    return fmt == FMT_S || fmt == FMT_D;
}

/* Copies the fmt value in fs to fd when cond(c, 0). */
static void gen_fmov_if(DisasCtx *d, int fmt, int fd, int fs, IrCond cond,
                        IrTemp c)
{
    int n = fmt == FMT_D ? 2 : 1;

    if (fmt == FMT_D && cond == IR_COND_ALWAYS) {
        IrTemp v = ir_temp_local(d->b, IR_I64);
        ir_ld(d->b, v, IR_ENV, fpr_pair_off(d, fs));
        ir_st(d->b, v, IR_ENV, fpr_pair_off(d, fd));
        return;
    }
    for (int i = 0; i < n; i++) {
        IrTemp t = mips_tmp(d), vs = mips_tmp(d), vd = mips_tmp(d);
        int32_t od = fmt == FMT_D ? fpr_half_off(d, fd, i) : fpr_off(d, fd);
        int32_t os = fmt == FMT_D ? fpr_half_off(d, fs, i) : fpr_off(d, fs);
        ir_ld32u(d->b, vs, IR_ENV, os);
        ir_ld32u(d->b, vd, IR_ENV, od);
        ir_movcond(d->b, cond, t, c, ir_const(d->b, IR_I32, 0), vs, vd);
        ir_st32(d->b, t, IR_ENV, od);
    }
}

static bool trans_MOV_fmt(DisasCtx *d, arg_MOV_fmt *a)
{
    if (!fmt_ok(a->fmt)) {
        return false;
    }
    if (fpu_check(d)) {
        gen_fmov_if(d, a->fmt, a->fd, a->fs, IR_COND_ALWAYS,
                    ir_const(d->b, IR_I32, 0));
    }
    return true;
}

static bool trans_MOVCF_fmt(DisasCtx *d, arg_MOVCF_fmt *a)
{
    if (!fmt_ok(a->fmt)) {
        return false;
    }
    if (fpu_check(d)) {
        gen_fmov_if(d, a->fmt, a->fd, a->fs,
                    a->tf ? IR_COND_NE : IR_COND_EQ, fcc_bit(d, a->cc));
    }
    return true;
}

static bool trans_MOVZ_fmt(DisasCtx *d, arg_MOVZ_fmt *a)
{
    if (!fmt_ok(a->fmt)) {
        return false;
    }
    if (fpu_check(d)) {
        gen_fmov_if(d, a->fmt, a->fd, a->fs, IR_COND_EQ, mips_gpr(d, a->rt));
    }
    return true;
}

static bool trans_MOVN_fmt(DisasCtx *d, arg_MOVN_fmt *a)
{
    if (!fmt_ok(a->fmt)) {
        return false;
    }
    if (fpu_check(d)) {
        gen_fmov_if(d, a->fmt, a->fd, a->fs, IR_COND_NE, mips_gpr(d, a->rt));
    }
    return true;
}

/* ---- Arithmetic, conversions, compares (fpu_helper.c) ------------------- */

/* Under FR = 0 a 64-bit operand must name an even register (odd ones are
 * reserved: QEMU and hardware trap them as RI); under FR = 1 any. */
static bool reg_ok(const DisasCtx *d, int fmt, int r)
{
    return fr1(d) || !((fmt == FMT_D || fmt == FMT_L) && (r & 1));
}

/* The helper for operation op on format fmt: a two-operand S/D one of
 * its own, else the generic one; declared to raise when the block runs
 * with an FPU exception enabled. */
static const IrHelper *fp_helper(const DisasCtx *d, int op, int fmt)
{
    int k = MIPS_FPH_GENERIC;

    if ((fmt == FMT_S || fmt == FMT_D) && op >= MIPS_FP_ADD &&
        op <= MIPS_FP_DIV) {
        k = (fmt == FMT_S ? MIPS_FPH_ADD_S : MIPS_FPH_ADD_D) +
            (op - MIPS_FP_ADD);
    } else if (op == MIPS_FP_CMP) {
        k = fmt == FMT_S ? MIPS_FPH_CMP_S : MIPS_FPH_CMP_D;
    }
    return &mips_fp_helpers[d->fpe ? 1 : 0][k];
}

/* fd = op(fs, ft[, fr]) with the operation's x (compare condition,
 * multiply-add kind); for a compare, fd is the condition code. */
static void gen_fp_x(DisasCtx *d, int op, int fmt, int x, int fd, int fs,
                     int ft, int fr)
{
    IrBlock *b = d->b;
    const IrHelper *h = fp_helper(d, op, fmt);
    IrTemp args[6];

    args[0] = IR_ENV;
    if (h->nargs == 4) {
        args[1] = ir_const(b, IR_I32, op == MIPS_FP_CMP
                                          ? (uint32_t)(x | fd << 4)
                                          : fpr_slot(d, fd));
        args[2] = ir_const(b, IR_I32, fpr_slot(d, fs));
        args[3] = ir_const(b, IR_I32, fpr_slot(d, ft));
    } else {
        args[1] = ir_const(b, IR_I32, mips_fp_id((uint32_t)op, (uint32_t)fmt,
                                                 (uint32_t)x));
        args[2] = ir_const(b, IR_I32, op == MIPS_FP_CMP ? (uint32_t)fd
                                                        : fpr_slot(d, fd));
        args[3] = ir_const(b, IR_I32, fpr_slot(d, fs));
        args[4] = ir_const(b, IR_I32, fpr_slot(d, ft));
        args[5] = ir_const(b, IR_I32, fpr_slot(d, fr));
    }
    ir_call(b, h, IR_NO_TEMP, h->nargs, args);
}

static void gen_fp(DisasCtx *d, int op, int fmt, int fd, int fs, int ft)
{
    gen_fp_x(d, op, fmt, 0, fd, fs, ft, 0);
}

/* Operations on S and D: fd = op(fs, ft). */
static bool gen_fp_sd(DisasCtx *d, arg_fr *a, int op)
{
    if (!fmt_ok(a->fmt) || !reg_ok(d, a->fmt, a->fd) ||
        !reg_ok(d, a->fmt, a->fs) || !reg_ok(d, a->fmt, a->ft)) {
        return false;
    }
    if (fpu_check(d)) {
        gen_fp(d, op, a->fmt, a->fd, a->fs, a->ft);
    }
    return true;
}

static bool trans_ADD_fmt(DisasCtx *d, arg_fr *a) { return gen_fp_sd(d, a, MIPS_FP_ADD); }
static bool trans_SUB_fmt(DisasCtx *d, arg_fr *a) { return gen_fp_sd(d, a, MIPS_FP_SUB); }
static bool trans_MUL_fmt(DisasCtx *d, arg_fr *a) { return gen_fp_sd(d, a, MIPS_FP_MUL); }
static bool trans_DIV_fmt(DisasCtx *d, arg_fr *a) { return gen_fp_sd(d, a, MIPS_FP_DIV); }
static bool trans_SQRT_fmt(DisasCtx *d, arg_fr *a) { return gen_fp_sd(d, a, MIPS_FP_SQRT); }
static bool trans_RECIP_fmt(DisasCtx *d, arg_fr *a) { return gen_fp_sd(d, a, MIPS_FP_RECIP); }
static bool trans_RSQRT_fmt(DisasCtx *d, arg_fr *a) { return gen_fp_sd(d, a, MIPS_FP_RSQRT); }

/* ABS and NEG change the sign bit only (no exception, as QEMU and
 * cores with ABS2008 = 0 behave for non-NaN operands). */
static bool gen_sign(DisasCtx *d, arg_fr *a, bool neg)
{
    IrTemp t;

    if (!fmt_ok(a->fmt) || !reg_ok(d, a->fmt, a->fd) ||
        !reg_ok(d, a->fmt, a->fs)) {
        return false;
    }
    if (!fpu_check(d)) {
        return true;
    }
    t = mips_tmp(d);
    if (a->fmt == FMT_D) {
        IrTemp lo = mips_tmp(d);
        ir_ld32u(d->b, lo, IR_ENV, fpr_half_off(d, a->fs, 0));
        ir_ld32u(d->b, t, IR_ENV, fpr_half_off(d, a->fs, 1));
        ir_st32(d->b, lo, IR_ENV, fpr_half_off(d, a->fd, 0));
    } else {
        ir_ld32u(d->b, t, IR_ENV, fpr_off(d, a->fs));
    }
    if (neg) {
        ir_xori(d->b, t, t, 0x80000000u);
    } else {
        ir_andi(d->b, t, t, 0x7fffffffu);
    }
    ir_st32(d->b, t, IR_ENV, a->fmt == FMT_D ? fpr_half_off(d, a->fd, 1)
                                             : fpr_off(d, a->fd));
    return true;
}

static bool trans_ABS_fmt(DisasCtx *d, arg_fr *a) { return gen_sign(d, a, false); }
static bool trans_NEG_fmt(DisasCtx *d, arg_fr *a) { return gen_sign(d, a, true); }

/* ROUND/TRUNC/CEIL/FLOOR to L (func 0-3) or W (4-7), from S or D. */
static bool trans_CVT_int(DisasCtx *d, arg_fr *a)
{
    static const int ops[8] = {
        MIPS_FP_ROUND_L, MIPS_FP_TRUNC_L, MIPS_FP_CEIL_L, MIPS_FP_FLOOR_L,
        MIPS_FP_ROUND_W, MIPS_FP_TRUNC_W, MIPS_FP_CEIL_W, MIPS_FP_FLOOR_W,
    };
    int dfmt = a->func < 4 ? FMT_L : FMT_W;

    if (!fmt_ok(a->fmt) || !reg_ok(d, a->fmt, a->fs) ||
        !reg_ok(d, dfmt, a->fd)) {
        return false;
    }
    if (fpu_check(d)) {
        gen_fp(d, ops[a->func], a->fmt, a->fd, a->fs, 0);
    }
    return true;
}

/* CVT.<to>.<fmt>: the source format in fmt; converting to itself is
 * reserved. */
static bool gen_cvt(DisasCtx *d, arg_fr *a, int to, int op)
{
    if (a->fmt == to || (a->fmt != FMT_S && a->fmt != FMT_D &&
                         a->fmt != FMT_W && a->fmt != FMT_L) ||
        ((to == FMT_W || to == FMT_L) && !fmt_ok(a->fmt)) ||
        !reg_ok(d, a->fmt, a->fs) || !reg_ok(d, to, a->fd)) {
        return false;
    }
    if (fpu_check(d)) {
        gen_fp(d, op, a->fmt, a->fd, a->fs, 0);
    }
    return true;
}

static bool trans_CVT_S(DisasCtx *d, arg_fr *a) { return gen_cvt(d, a, FMT_S, MIPS_FP_CVT_S); }
static bool trans_CVT_D(DisasCtx *d, arg_fr *a) { return gen_cvt(d, a, FMT_D, MIPS_FP_CVT_D); }
static bool trans_CVT_W(DisasCtx *d, arg_fr *a) { return gen_cvt(d, a, FMT_W, MIPS_FP_CVT_W); }
static bool trans_CVT_L(DisasCtx *d, arg_fr *a) { return gen_cvt(d, a, FMT_L, MIPS_FP_CVT_L); }

static bool trans_C_cond(DisasCtx *d, arg_C_cond *a)
{
    if (!fmt_ok(a->fmt) || !reg_ok(d, a->fmt, a->fs) ||
        !reg_ok(d, a->fmt, a->ft)) {
        return false;
    }
    if (fpu_check(d)) {
        gen_fp_x(d, MIPS_FP_CMP, a->fmt, a->cond, a->cc, a->fs, a->ft, 0);
    }
    return true;
}

/* MADD/MSUB/NMADD/NMSUB.fmt (COP1X, release 2): fmt 0 S, 1 D. */
static bool trans_FMADD(DisasCtx *d, arg_FMADD *a)
{
    int fmt = a->fmt == 0 ? FMT_S : FMT_D;

    if (a->fmt > 1 || !reg_ok(d, fmt, a->fd) || !reg_ok(d, fmt, a->fr) ||
        !reg_ok(d, fmt, a->fs) || !reg_ok(d, fmt, a->ft)) {
        return false;
    }
    if (fpu_check(d)) {
        gen_fp_x(d, MIPS_FP_MADD, fmt, 4 + a->op, a->fd, a->fs, a->ft, a->fr);
    }
    return true;
}

/* frontend/arm/translate-media.c — micro-ops of the ARMv6/v6K/v7 integer
 * additions shared by the ARM (a32-v6.decode) and Thumb-2 (t32.decode)
 * translators: media instructions, bit fields, divides, exclusives and
 * barriers. Each takes register numbers; the trans_ wrappers check the
 * cpu model's features. Section numbers cite the ARM ARM (DDI 0406C).
 */
#include <stddef.h>

#include "helper-media.h"
#include "translate.h"

static IrTemp media_call(DisasCtx *d, const IrHelper *h, unsigned n,
                         IrTemp *args)
{
    IrTemp r = ir_temp_new(d->b, IR_I32);

    ir_call(d->b, h, r, n, args);
    return r;
}

bool arm_gen_par_addsub(DisasCtx *d, int op1, int op2, int rd, int rn,
                        int rm)
{
    IrTemp args[4];

    if ((op1 & 3) == 0 || op2 == 5 || op2 == 6) {
        return false;
    }
    args[0] = IR_ENV;
    args[1] = arm_read_reg(d, rn);
    args[2] = arm_read_reg(d, rm);
    args[3] = ir_const(d->b, IR_I32, (uint32_t)(op1 << 3 | op2));
    arm_write_reg(d, rd, media_call(d, &arm_helper_paddsub_desc, 4, args));
    return true;
}

void arm_gen_sel(DisasCtx *d, int rd, int rn, int rm)
{
    IrTemp args[3] = { IR_ENV, arm_read_reg(d, rn), arm_read_reg(d, rm) };

    arm_write_reg(d, rd, media_call(d, &arm_helper_sel_desc, 3, args));
}

/* PKHBT (tb = 0): rn's bottom, rm LSL imm's top; PKHTB: rn's top, rm ASR
 * imm's bottom (imm 0 meaning 32). A8.8.125. */
void arm_gen_pkh(DisasCtx *d, int tb, int rd, int rn, int rm, int imm)
{
    IrBlock *b = d->b;
    IrTemp sh = ir_temp_new(b, IR_I32), r = ir_temp_new(b, IR_I32);

    if (tb) {
        ir_sari(b, sh, arm_read_reg(d, rm), imm ? (uint32_t)imm : 31);
        ir_deposit(b, r, arm_read_reg(d, rn), sh, 0, 16);
    } else {
        ir_shli(b, sh, arm_read_reg(d, rm), (uint32_t)imm);
        ir_deposit(b, r, sh, arm_read_reg(d, rn), 0, 16);
    }
    arm_write_reg(d, rd, r);
}

/* SSAT/USAT (A8.8.243): rn shifted (sh: ASR, imm 0 meaning 32; else LSL),
 * saturated to sat + 1 (signed) or sat (unsigned) bits. */
void arm_gen_sat(DisasCtx *d, bool is_unsigned, int rd, int sat, int rn,
                 int sh, int imm)
{
    IrBlock *b = d->b;
    IrTemp v = ir_temp_new(b, IR_I32);
    IrTemp args[3];

    if (sh) {
        ir_sari(b, v, arm_read_reg(d, rn), imm ? (uint32_t)imm : 31);
    } else {
        ir_shli(b, v, arm_read_reg(d, rn), (uint32_t)imm);
    }
    args[0] = IR_ENV;
    args[1] = v;
    args[2] = ir_const(b, IR_I32, (uint32_t)(is_unsigned ? sat : sat + 1));
    arm_write_reg(d, rd, media_call(d, is_unsigned ? &arm_helper_usat_desc
                                                   : &arm_helper_ssat_desc,
                                    3, args));
}

void arm_gen_sat16(DisasCtx *d, bool is_unsigned, int rd, int sat, int rn)
{
    IrTemp args[3] = {
        IR_ENV, arm_read_reg(d, rn),
        ir_const(d->b, IR_I32, (uint32_t)(is_unsigned ? sat : sat + 1)),
    };

    arm_write_reg(d, rd, media_call(d, is_unsigned ? &arm_helper_usat16_desc
                                                   : &arm_helper_ssat16_desc,
                                    3, args));
}

/* SXTB/H/B16, UXT…, and the accumulating forms (rn != 15), rm rotated
 * right by 8 * rot (A8.8.230 - A8.8.274). sz: 0 B16, 2 B, 3 H. */
bool arm_gen_extend(DisasCtx *d, bool is_unsigned, int sz, int rd, int rn,
                    int rm, int rot)
{
    IrBlock *b = d->b;
    IrTemp x = ir_temp_new(b, IR_I32), r = ir_temp_new(b, IR_I32);

    if (sz == 1) {
        return false;
    }
    ir_rotri(b, x, arm_read_reg(d, rm), (uint32_t)rot * 8);
    if (sz == 0) {
        /* Two bytes (0 and 2) widened to halfwords. */
        IrTemp lo = ir_temp_new(b, IR_I32), hi = ir_temp_new(b, IR_I32);
        if (is_unsigned) {
            ir_andi(b, lo, x, 0xff);
            ir_extract(b, hi, x, 16, 8);
        } else {
            ir_sextract(b, lo, x, 0, 8);
            ir_sextract(b, hi, x, 16, 8);
        }
        if (rn != 15) {
            IrTemp n = arm_read_reg(d, rn);
            IrTemp t = ir_temp_new(b, IR_I32);
            ir_add(b, lo, lo, n);
            ir_shri(b, t, n, 16);
            ir_add(b, hi, hi, t);
        }
        ir_deposit(b, r, lo, hi, 16, 16);
    } else {
        if (sz == 2) {
            if (is_unsigned) {
                ir_ext8u(b, r, x);
            } else {
                ir_ext8s(b, r, x);
            }
        } else if (is_unsigned) {
            ir_ext16u(b, r, x);
        } else {
            ir_ext16s(b, r, x);
        }
        if (rn != 15) {
            ir_add(b, r, r, arm_read_reg(d, rn));
        }
    }
    arm_write_reg(d, rd, r);
    return true;
}

/* kind: 0 REV, 1 REV16, 2 REVSH, 3 RBIT (A8.8.144 - A8.8.146, 8.134). */
void arm_gen_rev(DisasCtx *d, int kind, int rd, int rm)
{
    IrBlock *b = d->b;
    IrTemp v = arm_read_reg(d, rm);
    IrTemp r = ir_temp_new(b, IR_I32);

    switch (kind) {
    case 0:
        ir_bswap32(b, r, v);
        break;
    case 1: {
        IrTemp t = ir_temp_new(b, IR_I32), u = ir_temp_new(b, IR_I32);
        ir_shri(b, t, v, 8);
        ir_andi(b, t, t, 0x00ff00ff);
        ir_shli(b, u, v, 8);
        ir_andi(b, u, u, 0xff00ff00u);
        ir_or(b, r, t, u);
        break;
    }
    case 2:
        ir_bswap16(b, r, v);
        ir_ext16s(b, r, r);
        break;
    default: {
        IrTemp args[1] = { v };
        ir_call(b, &arm_helper_rbit_desc, r, 1, args);
        break;
    }
    }
    arm_write_reg(d, rd, r);
}

static IrTemp media_swap_halves(DisasCtx *d, int rm, int x)
{
    IrTemp m = arm_read_reg(d, rm);
    IrTemp t;

    if (!x) {
        return m;
    }
    t = ir_temp_new(d->b, IR_I32);
    ir_rotri(d->b, t, m, 16);
    return t;
}

/* SMLAD, SMLSD, SMUAD (ra 15), SMUSD (A8.8.177, 8.183, 8.205, 8.210). */
void arm_gen_smlad(DisasCtx *d, int rd, int ra, int rn, int rm, int sub,
                   int x)
{
    IrTemp args[5] = {
        IR_ENV, arm_read_reg(d, rn), media_swap_halves(d, rm, x),
        ra == 15 ? ir_const(d->b, IR_I32, 0) : arm_read_reg(d, ra),
        ir_const(d->b, IR_I32, (uint32_t)sub),
    };

    arm_write_reg(d, rd, media_call(d, &arm_helper_smlad_desc, 5, args));
}

/* SMLALD, SMLSLD (A8.8.179, 8.184): 64-bit accumulate, no Q. */
void arm_gen_smlald(DisasCtx *d, int rdlo, int rdhi, int rn, int rm,
                    int sub, int x)
{
    IrBlock *b = d->b;
    IrTemp n = arm_read_reg(d, rn), m = media_swap_halves(d, rm, x);
    IrTemp a = ir_temp_new(b, IR_I32), c = ir_temp_new(b, IR_I32);
    IrTemp p1 = ir_temp_new(b, IR_I32), p2 = ir_temp_new(b, IR_I32);
    IrTemp q1 = ir_temp_new(b, IR_I64), q2 = ir_temp_new(b, IR_I64);
    IrTemp acc = ir_temp_new(b, IR_I64), hi = ir_temp_new(b, IR_I64);
    IrTemp lo32 = ir_temp_new(b, IR_I32), hi32 = ir_temp_new(b, IR_I32);

    ir_ext16s(b, a, n);
    ir_ext16s(b, c, m);
    ir_mul(b, p1, a, c);
    ir_sari(b, a, n, 16);
    ir_sari(b, c, m, 16);
    ir_mul(b, p2, a, c);
    ir_exts_i32_i64(b, q1, p1);
    ir_exts_i32_i64(b, q2, p2);
    if (sub) {
        ir_sub(b, q1, q1, q2);
    } else {
        ir_add(b, q1, q1, q2);
    }
    ir_extu_i32_i64(b, acc, arm_read_reg(d, rdlo));
    ir_extu_i32_i64(b, hi, arm_read_reg(d, rdhi));
    ir_shli(b, hi, hi, 32);
    ir_or(b, acc, acc, hi);
    ir_add(b, q1, q1, acc);
    ir_extrl_i64_i32(b, lo32, q1);
    ir_extrh_i64_i32(b, hi32, q1);
    arm_write_reg(d, rdlo, lo32);
    arm_write_reg(d, rdhi, hi32);
}

/* SMMUL (ra 15), SMMLA, SMMLS with optional rounding (A8.8.195 - 8.199):
 * the top word of (ra << 32) +/- rn * rm [+ 0x80000000]. */
void arm_gen_smmla(DisasCtx *d, int rd, int ra, int rn, int rm, bool sub,
                   bool round)
{
    IrBlock *b = d->b;
    IrTemp lo = ir_temp_new(b, IR_I32), hi = ir_temp_new(b, IR_I32);
    IrTemp zero = ir_const(b, IR_I32, 0);

    ir_muls2(b, lo, hi, arm_read_reg(d, rn), arm_read_reg(d, rm));
    if (ra != 15) {
        if (sub) {
            ir_sub2(b, lo, hi, zero, arm_read_reg(d, ra), lo, hi);
        } else {
            ir_add2(b, lo, hi, lo, hi, zero, arm_read_reg(d, ra));
        }
    }
    if (round) {
        ir_add2(b, lo, hi, lo, hi, ir_const(b, IR_I32, 0x80000000u), zero);
    }
    arm_write_reg(d, rd, hi);
}

/* SDIV/UDIV (A8.8.165, 8.248): x / 0 is 0 and INT_MIN / -1 is INT_MIN,
 * exactly the micro-ops' definition. */
void arm_gen_div(DisasCtx *d, bool is_signed, int rd, int rn, int rm)
{
    IrTemp r = ir_temp_new(d->b, IR_I32);

    if (is_signed) {
        ir_divs(d->b, r, arm_read_reg(d, rn), arm_read_reg(d, rm));
    } else {
        ir_divu(d->b, r, arm_read_reg(d, rn), arm_read_reg(d, rm));
    }
    arm_write_reg(d, rd, r);
}

void arm_gen_usad8(DisasCtx *d, int rd, int ra, int rn, int rm)
{
    IrTemp args[2] = { arm_read_reg(d, rn), arm_read_reg(d, rm) };
    IrTemp r = media_call(d, &arm_helper_usad8_desc, 2, args);

    if (ra != 15) {
        ir_add(d->b, r, r, arm_read_reg(d, ra));
    }
    arm_write_reg(d, rd, r);
}

/* UBFX/SBFX (A8.8.246, 8.164): false when the field leaves the word. */
bool arm_gen_bfx(DisasCtx *d, bool is_signed, int rd, int rn, int lsb,
                 int widthm1)
{
    IrTemp r;

    if (lsb + widthm1 > 31) {
        return false;
    }
    r = ir_temp_new(d->b, IR_I32);
    if (is_signed) {
        ir_sextract(d->b, r, arm_read_reg(d, rn), (unsigned)lsb,
                    (unsigned)widthm1 + 1);
    } else {
        ir_extract(d->b, r, arm_read_reg(d, rn), (unsigned)lsb,
                   (unsigned)widthm1 + 1);
    }
    arm_write_reg(d, rd, r);
    return true;
}

/* BFI, BFC (rn 15) (A8.8.19, 8.20): false when msb < lsb. */
bool arm_gen_bfi(DisasCtx *d, int rd, int rn, int lsb, int msb)
{
    IrTemp r;

    if (msb < lsb) {
        return false;
    }
    r = ir_temp_new(d->b, IR_I32);
    ir_deposit(d->b, r, arm_read_reg(d, rd),
               rn == 15 ? ir_const(d->b, IR_I32, 0) : arm_read_reg(d, rn),
               (unsigned)lsb, (unsigned)(msb - lsb + 1));
    arm_write_reg(d, rd, r);
    return true;
}

/* UMAAL (A8.8.255): rdhi:rdlo = rn * rm + rdlo + rdhi, never overflows. */
void arm_gen_umaal(DisasCtx *d, int rdlo, int rdhi, int rn, int rm)
{
    IrBlock *b = d->b;
    IrTemp lo = ir_temp_new(b, IR_I32), hi = ir_temp_new(b, IR_I32);
    IrTemp zero = ir_const(b, IR_I32, 0);

    ir_mulu2(b, lo, hi, arm_read_reg(d, rn), arm_read_reg(d, rm));
    ir_add2(b, lo, hi, lo, hi, arm_read_reg(d, rdlo), zero);
    ir_add2(b, lo, hi, lo, hi, arm_read_reg(d, rdhi), zero);
    arm_write_reg(d, rdlo, lo);
    arm_write_reg(d, rdhi, hi);
}

void arm_gen_movw(DisasCtx *d, int rd, uint32_t imm, bool top)
{
    IrTemp r = ir_temp_new(d->b, IR_I32);

    if (top) {
        ir_deposit(d->b, r, arm_read_reg(d, rd), ir_const(d->b, IR_I32, imm),
                   16, 16);
    } else {
        ir_movi(d->b, r, imm);
    }
    arm_write_reg(d, rd, r);
}

/* ---- Exclusives (A3.4) ---------------------------------------------- */

/* The monitor is the cpu's (excl_addr, excl_val): LDREX records both;
 * STREX succeeds when the address matches and a host compare-and-swap
 * still finds the recorded value. A store of the same value by another
 * thread in between (ABA) goes unnoticed, as in QEMU; programs that use
 * LDREX/STREX as compare-and-swap cannot tell. */

static unsigned excl_memop(int size)
{
    return (unsigned)size | IR_MO_ALIGN;
}

static IrTemp excl_address(DisasCtx *d, int rn, int imm)
{
    IrTemp addr;

    if (imm == 0) {
        return arm_read_reg(d, rn);
    }
    addr = ir_temp_new(d->b, IR_I32);
    ir_addi(d->b, addr, arm_read_reg(d, rn), (uint32_t)imm);
    return addr;
}

/* size: IR_MO_8/16/32, or IR_MO_64 for LDREXD (rt, rt2). */
void arm_gen_ldrex(DisasCtx *d, int size, int rt, int rt2, int rn, int imm)
{
    IrBlock *b = d->b;
    IrTemp addr = excl_address(d, rn, imm);
    IrTemp v64 = ir_temp_new(b, IR_I64);

    if (size == IR_MO_64) {
        IrTemp lo = ir_temp_new(b, IR_I32), hi = ir_temp_new(b, IR_I32);
        ir_guest_ld(b, v64, addr, excl_memop(size));
        ir_st32(b, addr, IR_ENV, (int32_t)offsetof(ArmState, excl_addr));
        ir_st(b, v64, IR_ENV, (int32_t)offsetof(ArmState, excl_val));
        ir_extrl_i64_i32(b, lo, v64);
        ir_extrh_i64_i32(b, hi, v64);
        arm_write_reg(d, rt, lo);
        arm_write_reg(d, rt2, hi);
        return;
    }
    {
        IrTemp v = ir_temp_new(b, IR_I32);
        ir_guest_ld(b, v, addr, excl_memop(size));
        ir_st32(b, addr, IR_ENV, (int32_t)offsetof(ArmState, excl_addr));
        ir_extu_i32_i64(b, v64, v);
        ir_st(b, v64, IR_ENV, (int32_t)offsetof(ArmState, excl_val));
        arm_write_reg(d, rt, v);
    }
}

void arm_gen_strex(DisasCtx *d, int size, int rd, int rt, int rt2, int rn,
                   int imm)
{
    IrBlock *b = d->b;
    IrTemp addr = ir_temp_local(b, IR_I32);
    IrTemp res = ir_temp_local(b, IR_I32);
    IrTemp mon = ir_temp_new(b, IR_I32);
    uint32_t fail = ir_new_label(b), done = ir_new_label(b);

    ir_mov(b, addr, excl_address(d, rn, imm));
    ir_ld32u(b, mon, IR_ENV, (int32_t)offsetof(ArmState, excl_addr));
    ir_brcond(b, IR_COND_NE, addr, mon, fail);
    if (size == IR_MO_64) {
        IrTemp expect = ir_temp_new(b, IR_I64), nv = ir_temp_new(b, IR_I64);
        IrTemp hi = ir_temp_new(b, IR_I64), old = ir_temp_new(b, IR_I64);
        IrTemp ne = ir_temp_new(b, IR_I64);
        ir_ld(b, expect, IR_ENV, (int32_t)offsetof(ArmState, excl_val));
        ir_extu_i32_i64(b, nv, arm_read_reg(d, rt));
        ir_extu_i32_i64(b, hi, arm_read_reg(d, rt2));
        ir_shli(b, hi, hi, 32);
        ir_or(b, nv, nv, hi);
        ir_atomic_cmpxchg(b, old, addr, expect, nv, excl_memop(size));
        ir_setcond(b, IR_COND_NE, ne, old, expect);
        ir_extrl_i64_i32(b, res, ne);
    } else {
        IrTemp expect = ir_temp_new(b, IR_I32), old = ir_temp_new(b, IR_I32);
        ir_ld32u(b, expect, IR_ENV, (int32_t)offsetof(ArmState, excl_val));
        ir_atomic_cmpxchg(b, old, addr, expect, arm_read_reg(d, rt),
                          excl_memop(size));
        ir_setcond(b, IR_COND_NE, res, old, expect);
    }
    ir_br(b, done);
    ir_set_label(b, fail);
    ir_movi(b, res, 1);
    ir_set_label(b, done);
    ir_st32(b, ir_const(b, IR_I32, ARM_EXCL_NONE), IR_ENV,
            (int32_t)offsetof(ArmState, excl_addr));
    arm_write_reg(d, rd, res);
}

void arm_gen_clrex(DisasCtx *d)
{
    ir_st32(d->b, ir_const(d->b, IR_I32, ARM_EXCL_NONE), IR_ENV,
            (int32_t)offsetof(ArmState, excl_addr));
}

void arm_gen_barrier(DisasCtx *d)
{
    ir_mb(d->b, IR_MB_ALL);
}

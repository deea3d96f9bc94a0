/* frontend/mips/translate-int.c — MIPS32 release 2 integer instructions:
 * the trans_ functions the decoder generated from mips32.decode calls.
 * Page references are to the MIPS32 Architecture Vol II (MD00086).
 */
#include <stddef.h>

#include "helper.h"
#include "translate.h"

#include "mips32.c.inc"

bool mips_decode_int(DisasCtx *d, uint32_t insn)
{
    return decode_mips32(d, insn);
}

static IrTemp new32(DisasCtx *d)
{
    return ir_temp_new(d->b, IR_I32);
}

/* ---- Shifts and rotates ------------------------------------------------ */

static bool trans_SLL(DisasCtx *d, arg_r *a)
{
    IrTemp t = new32(d);

    /* SLL $0, $0, 0 (NOP), 1 (SSNOP) and 3 (EHB) land here too. */
    ir_shli(d->b, t, mips_gpr(d, a->rt), (uint32_t)a->sa);
    mips_set_gpr(d, a->rd, t);
    return true;
}

static bool trans_SRL(DisasCtx *d, arg_r *a)
{
    IrTemp t = new32(d);

    ir_shri(d->b, t, mips_gpr(d, a->rt), (uint32_t)a->sa);
    mips_set_gpr(d, a->rd, t);
    return true;
}

static bool gen_ROTR(DisasCtx *d, arg_r *a);

/* Release 2 only (reserved on a release 1 model). */
static bool trans_ROTR(DisasCtx *d, arg_r *a)
{
    return d->r2 && gen_ROTR(d, a);
}

static bool gen_ROTR(DisasCtx *d, arg_r *a)
{
    IrTemp t = new32(d);

    ir_rotri(d->b, t, mips_gpr(d, a->rt), (uint32_t)a->sa);
    mips_set_gpr(d, a->rd, t);
    return true;
}

static bool trans_SRA(DisasCtx *d, arg_r *a)
{
    IrTemp t = new32(d);

    ir_sari(d->b, t, mips_gpr(d, a->rt), (uint32_t)a->sa);
    mips_set_gpr(d, a->rd, t);
    return true;
}

/* Variable shifts use rs[4:0]; micro-op counts are taken modulo 32. */
static bool trans_SLLV(DisasCtx *d, arg_r *a)
{
    IrTemp t = new32(d);

    ir_shl(d->b, t, mips_gpr(d, a->rt), mips_gpr(d, a->rs));
    mips_set_gpr(d, a->rd, t);
    return true;
}

static bool trans_SRLV(DisasCtx *d, arg_r *a)
{
    IrTemp t = new32(d);

    ir_shr(d->b, t, mips_gpr(d, a->rt), mips_gpr(d, a->rs));
    mips_set_gpr(d, a->rd, t);
    return true;
}

static bool gen_ROTRV(DisasCtx *d, arg_r *a);

/* Release 2 only (reserved on a release 1 model). */
static bool trans_ROTRV(DisasCtx *d, arg_r *a)
{
    return d->r2 && gen_ROTRV(d, a);
}

static bool gen_ROTRV(DisasCtx *d, arg_r *a)
{
    IrTemp t = new32(d);

    ir_rotr(d->b, t, mips_gpr(d, a->rt), mips_gpr(d, a->rs));
    mips_set_gpr(d, a->rd, t);
    return true;
}

static bool trans_SRAV(DisasCtx *d, arg_r *a)
{
    IrTemp t = new32(d);

    ir_sar(d->b, t, mips_gpr(d, a->rt), mips_gpr(d, a->rs));
    mips_set_gpr(d, a->rd, t);
    return true;
}

/* ---- Arithmetic and logic ---------------------------------------------- */

/* ADD, ADDI, SUB: an overflow raises Integer Overflow and leaves rd
 * unchanged (Vol II ADD). */
static void gen_add_ov(DisasCtx *d, int rd, IrTemp x, IrTemp y, bool sub)
{
    IrBlock *b = d->b;
    IrTemp r = mips_tmp(d);
    IrTemp t = new32(d), u = new32(d);

    if (sub) {
        ir_sub(b, r, x, y);
        ir_xor(b, t, x, y);       /* operands of different signs… */
        ir_xor(b, u, x, r);       /* …and the result's sign not x's */
        ir_and(b, t, t, u);
    } else {
        ir_add(b, r, x, y);
        ir_xor(b, t, x, r);       /* both operands' signs differ from */
        ir_xor(b, u, y, r);       /* the result's */
        ir_and(b, t, t, u);
    }
    mips_gen_exception_if(d, IR_COND_LT, t, ir_const(b, IR_I32, 0),
                          MIPS_EXCP_OVERFLOW, 0);
    mips_set_gpr(d, rd, r);
}

static bool trans_ADD(DisasCtx *d, arg_r *a)
{
    gen_add_ov(d, a->rd, mips_gpr(d, a->rs), mips_gpr(d, a->rt), false);
    return true;
}

static bool trans_SUB(DisasCtx *d, arg_r *a)
{
    gen_add_ov(d, a->rd, mips_gpr(d, a->rs), mips_gpr(d, a->rt), true);
    return true;
}

static bool trans_ADDI(DisasCtx *d, arg_i *a)
{
    gen_add_ov(d, a->rt, mips_gpr(d, a->rs),
               ir_const(d->b, IR_I32, (uint32_t)a->imm), false);
    return true;
}

typedef void (*IrBin)(IrBlock *, IrTemp, IrTemp, IrTemp);

static bool gen_rrr(DisasCtx *d, arg_r *a, IrBin op)
{
    IrTemp t = new32(d);

    op(d->b, t, mips_gpr(d, a->rs), mips_gpr(d, a->rt));
    mips_set_gpr(d, a->rd, t);
    return true;
}

static bool gen_rri(DisasCtx *d, arg_i *a, IrBin op)
{
    IrTemp t = new32(d);

    op(d->b, t, mips_gpr(d, a->rs), ir_const(d->b, IR_I32, (uint32_t)a->imm));
    mips_set_gpr(d, a->rt, t);
    return true;
}

static void ir_nor(IrBlock *b, IrTemp d, IrTemp x, IrTemp y)
{
    ir_or(b, d, x, y);
    ir_not(b, d, d);
}

static void ir_slt(IrBlock *b, IrTemp d, IrTemp x, IrTemp y)
{
    ir_setcond(b, IR_COND_LT, d, x, y);
}

static void ir_sltu(IrBlock *b, IrTemp d, IrTemp x, IrTemp y)
{
    ir_setcond(b, IR_COND_LTU, d, x, y);
}

static bool trans_ADDU(DisasCtx *d, arg_r *a) { return gen_rrr(d, a, ir_add); }
static bool trans_SUBU(DisasCtx *d, arg_r *a) { return gen_rrr(d, a, ir_sub); }
static bool trans_AND(DisasCtx *d, arg_r *a) { return gen_rrr(d, a, ir_and); }
static bool trans_OR(DisasCtx *d, arg_r *a) { return gen_rrr(d, a, ir_or); }
static bool trans_XOR(DisasCtx *d, arg_r *a) { return gen_rrr(d, a, ir_xor); }
static bool trans_NOR(DisasCtx *d, arg_r *a) { return gen_rrr(d, a, ir_nor); }
static bool trans_SLT(DisasCtx *d, arg_r *a) { return gen_rrr(d, a, ir_slt); }
static bool trans_SLTU(DisasCtx *d, arg_r *a) { return gen_rrr(d, a, ir_sltu); }
/* Immediates: ADDIU, SLTI and SLTIU sign-extend (SLTIU then compares
 * unsigned); ANDI, ORI, XORI zero-extend. */
static bool trans_ADDIU(DisasCtx *d, arg_i *a) { return gen_rri(d, a, ir_add); }
static bool trans_SLTI(DisasCtx *d, arg_i *a) { return gen_rri(d, a, ir_slt); }
static bool trans_SLTIU(DisasCtx *d, arg_i *a) { return gen_rri(d, a, ir_sltu); }
static bool trans_ANDI(DisasCtx *d, arg_i *a) { return gen_rri(d, a, ir_and); }
static bool trans_ORI(DisasCtx *d, arg_i *a) { return gen_rri(d, a, ir_or); }
static bool trans_XORI(DisasCtx *d, arg_i *a) { return gen_rri(d, a, ir_xor); }

static bool trans_LUI(DisasCtx *d, arg_i *a)
{
    mips_set_gpr(d, a->rt, ir_const(d->b, IR_I32, (uint32_t)a->imm << 16));
    return true;
}

static bool gen_movcond(DisasCtx *d, arg_r *a, IrCond c)
{
    IrTemp t = new32(d);

    ir_movcond(d->b, c, t, mips_gpr(d, a->rt), ir_const(d->b, IR_I32, 0),
               mips_gpr(d, a->rs), mips_gpr(d, a->rd));
    mips_set_gpr(d, a->rd, t);
    return true;
}

static bool trans_MOVZ(DisasCtx *d, arg_r *a) { return gen_movcond(d, a, IR_COND_EQ); }
static bool trans_MOVN(DisasCtx *d, arg_r *a) { return gen_movcond(d, a, IR_COND_NE); }

/* MOVF / MOVT: rd = rs when FCSR condition code cc is false / true. */
static bool trans_MOVCI(DisasCtx *d, arg_MOVCI *a)
{
    IrBlock *b = d->b;
    IrTemp f = new32(d), t = new32(d);
    unsigned bit = a->cc ? 24 + (unsigned)a->cc : 23;

    if (!d->fpu) {
        mips_gen_exception(d, MIPS_EXCP_CPU, d->insn);
        return true;
    }
    ir_ld32u(b, f, IR_ENV, (int32_t)offsetof(MipsState, fcr31));
    ir_extract(b, f, f, bit, 1);
    ir_movcond(b, a->tf ? IR_COND_NE : IR_COND_EQ, t, f,
               ir_const(b, IR_I32, 0), mips_gpr(d, a->rs), mips_gpr(d, a->rd));
    mips_set_gpr(d, a->rd, t);
    return true;
}

/* ---- HI/LO and the multiply/divide unit --------------------------------- */

static bool trans_MFHI(DisasCtx *d, arg_r *a)
{
    mips_set_gpr(d, a->rd, MIPS_T_HI);
    return true;
}

static bool trans_MFLO(DisasCtx *d, arg_r *a)
{
    mips_set_gpr(d, a->rd, MIPS_T_LO);
    return true;
}

static bool trans_MTHI(DisasCtx *d, arg_r *a)
{
    ir_mov(d->b, MIPS_T_HI, mips_gpr(d, a->rs));
    return true;
}

static bool trans_MTLO(DisasCtx *d, arg_r *a)
{
    ir_mov(d->b, MIPS_T_LO, mips_gpr(d, a->rs));
    return true;
}

static bool trans_MULT(DisasCtx *d, arg_r *a)
{
    IrTemp lo = new32(d), hi = new32(d);

    ir_muls2(d->b, lo, hi, mips_gpr(d, a->rs), mips_gpr(d, a->rt));
    ir_mov(d->b, MIPS_T_LO, lo);
    ir_mov(d->b, MIPS_T_HI, hi);
    return true;
}

static bool trans_MULTU(DisasCtx *d, arg_r *a)
{
    IrTemp lo = new32(d), hi = new32(d);

    ir_mulu2(d->b, lo, hi, mips_gpr(d, a->rs), mips_gpr(d, a->rt));
    ir_mov(d->b, MIPS_T_LO, lo);
    ir_mov(d->b, MIPS_T_HI, hi);
    return true;
}

/* DIV/DIVU: LO = quotient, HI = remainder. Division by zero is
 * UNPREDICTABLE (compilers follow it with TEQ rt, $0, 7); the micro-ops'
 * defined results (0 and the dividend) are kept, as is MIN / -1 = MIN,
 * remainder 0, what MIPS cores deliver. */
static bool gen_div(DisasCtx *d, arg_r *a, bool sign)
{
    IrTemp q = new32(d), r = new32(d);
    IrTemp x = mips_gpr(d, a->rs), y = mips_gpr(d, a->rt);

    if (sign) {
        ir_divs(d->b, q, x, y);
        ir_rems(d->b, r, x, y);
    } else {
        ir_divu(d->b, q, x, y);
        ir_remu(d->b, r, x, y);
    }
    ir_mov(d->b, MIPS_T_LO, q);
    ir_mov(d->b, MIPS_T_HI, r);
    return true;
}

static bool trans_DIV(DisasCtx *d, arg_r *a) { return gen_div(d, a, true); }
static bool trans_DIVU(DisasCtx *d, arg_r *a) { return gen_div(d, a, false); }

/* MADD, MADDU, MSUB, MSUBU: (HI, LO) +-= rs * rt as 64-bit values. */
static bool gen_madd(DisasCtx *d, arg_r *a, bool sign, bool sub)
{
    IrBlock *b = d->b;
    IrTemp pl = new32(d), ph = new32(d), rl = new32(d), rh = new32(d);

    if (sign) {
        ir_muls2(b, pl, ph, mips_gpr(d, a->rs), mips_gpr(d, a->rt));
    } else {
        ir_mulu2(b, pl, ph, mips_gpr(d, a->rs), mips_gpr(d, a->rt));
    }
    if (sub) {
        ir_sub2(b, rl, rh, MIPS_T_LO, MIPS_T_HI, pl, ph);
    } else {
        ir_add2(b, rl, rh, MIPS_T_LO, MIPS_T_HI, pl, ph);
    }
    ir_mov(b, MIPS_T_LO, rl);
    ir_mov(b, MIPS_T_HI, rh);
    return true;
}

static bool trans_MADD(DisasCtx *d, arg_r *a) { return gen_madd(d, a, true, false); }
static bool trans_MADDU(DisasCtx *d, arg_r *a) { return gen_madd(d, a, false, false); }
static bool trans_MSUB(DisasCtx *d, arg_r *a) { return gen_madd(d, a, true, true); }
static bool trans_MSUBU(DisasCtx *d, arg_r *a) { return gen_madd(d, a, false, true); }

/* MUL: rd = low word of rs * rt; HI and LO are left as they were (the
 * manual makes them UNPREDICTABLE; 24K/34K/74K cores keep them). */
static bool trans_MUL(DisasCtx *d, arg_r *a) { return gen_rrr(d, a, ir_mul); }

static bool trans_CLZ(DisasCtx *d, arg_r *a)
{
    IrTemp t = new32(d);

    ir_clz(d->b, t, mips_gpr(d, a->rs));
    mips_set_gpr(d, a->rd, t);
    return true;
}

static bool trans_CLO(DisasCtx *d, arg_r *a)
{
    IrTemp t = new32(d);

    ir_not(d->b, t, mips_gpr(d, a->rs));
    ir_clz(d->b, t, t);
    mips_set_gpr(d, a->rd, t);
    return true;
}

/* ---- Release 2 bit manipulation ----------------------------------------- */

static bool gen_EXT(DisasCtx *d, arg_ext *a);

/* Release 2 only (reserved on a release 1 model). */
static bool trans_EXT(DisasCtx *d, arg_ext *a)
{
    return d->r2 && gen_EXT(d, a);
}

static bool gen_EXT(DisasCtx *d, arg_ext *a)
{
    IrTemp t = new32(d);
    int size = a->msb + 1;   /* msbd field */

    if (a->lsb + size > 32) {
        return false;   /* UNPREDICTABLE: reserved instruction */
    }
    ir_extract(d->b, t, mips_gpr(d, a->rs), (unsigned)a->lsb,
               (unsigned)size);
    mips_set_gpr(d, a->rt, t);
    return true;
}

static bool gen_INS(DisasCtx *d, arg_ext *a);

/* Release 2 only (reserved on a release 1 model). */
static bool trans_INS(DisasCtx *d, arg_ext *a)
{
    return d->r2 && gen_INS(d, a);
}

static bool gen_INS(DisasCtx *d, arg_ext *a)
{
    IrTemp t = new32(d);

    if (a->msb < a->lsb) {
        return false;
    }
    ir_deposit(d->b, t, mips_gpr(d, a->rt), mips_gpr(d, a->rs),
               (unsigned)a->lsb, (unsigned)(a->msb - a->lsb + 1));
    mips_set_gpr(d, a->rt, t);
    return true;
}

static bool gen_WSBH(DisasCtx *d, arg_r *a);

/* Release 2 only (reserved on a release 1 model). */
static bool trans_WSBH(DisasCtx *d, arg_r *a)
{
    return d->r2 && gen_WSBH(d, a);
}

static bool gen_WSBH(DisasCtx *d, arg_r *a)
{
    IrBlock *b = d->b;
    IrTemp x = mips_gpr(d, a->rt), t = new32(d), u = new32(d);

    ir_shri(b, t, x, 8);
    ir_andi(b, t, t, 0x00ff00ffu);
    ir_shli(b, u, x, 8);
    ir_andi(b, u, u, 0xff00ff00u);
    ir_or(b, t, t, u);
    mips_set_gpr(d, a->rd, t);
    return true;
}

static bool gen_SEB(DisasCtx *d, arg_r *a);

/* Release 2 only (reserved on a release 1 model). */
static bool trans_SEB(DisasCtx *d, arg_r *a)
{
    return d->r2 && gen_SEB(d, a);
}

static bool gen_SEB(DisasCtx *d, arg_r *a)
{
    IrTemp t = new32(d);

    ir_ext8s(d->b, t, mips_gpr(d, a->rt));
    mips_set_gpr(d, a->rd, t);
    return true;
}

static bool gen_SEH(DisasCtx *d, arg_r *a);

/* Release 2 only (reserved on a release 1 model). */
static bool trans_SEH(DisasCtx *d, arg_r *a)
{
    return d->r2 && gen_SEH(d, a);
}

static bool gen_SEH(DisasCtx *d, arg_r *a)
{
    IrTemp t = new32(d);

    ir_ext16s(d->b, t, mips_gpr(d, a->rt));
    mips_set_gpr(d, a->rd, t);
    return true;
}

/* RDHWR (Vol II RDHWR; Linux enables CPUNum, SYNCI_Step, CC, CCRes and
 * UserLocal for user mode through HWREna). */
static bool trans_RDHWR(DisasCtx *d, arg_r *a)
{
    IrTemp t;

    switch (a->rd) {
    case 0:     /* CPUNum */
        t = ir_const(d->b, IR_I32, 0);
        break;
    case 1:     /* SYNCI_Step: the cache line size */
        t = ir_const(d->b, IR_I32, 32);
        break;
    case 2:     /* CC */
        t = new32(d);
        ir_call(d->b, &mips_helper_rdhwr_cc_desc, t, 0, NULL);
        break;
    case 3:     /* CCRes */
        t = ir_const(d->b, IR_I32, 2);
        break;
    case 29:    /* UserLocal: the TLS pointer */
        t = new32(d);
        ir_ld32u(d->b, t, IR_ENV, (int32_t)offsetof(MipsState, ulr));
        break;
    default:
        return false;
    }
    mips_set_gpr(d, a->rt, t);
    return true;
}

/* ---- Traps, system calls, barriers --------------------------------------- */

static bool trans_SYSCALL(DisasCtx *d, arg_code *a)
{
    IrTemp args[6];

    if (d->in_slot) {
        return false;   /* no return address the kernel could use */
    }
    args[0] = IR_ENV;
    args[1] = ir_const(d->b, IR_I32, MIPS_EXCP_SYSCALL);
    args[2] = ir_const(d->b, IR_I32, d->pc + 4);
    args[3] = ir_const(d->b, IR_I32, d->pc);
    args[4] = ir_const(d->b, IR_I32, (uint32_t)a->code);
    args[5] = ir_const(d->b, IR_I32, 0);
    ir_call(d->b, &mips_helper_raise_desc, IR_NO_TEMP, 6, args);
    ir_exit_tb(d->b, (uint64_t)(uintptr_t)d->tc->tb | TB_EXIT_NOCHAIN);
    d->done = true;
    return true;
}

static bool trans_BREAK(DisasCtx *d, arg_code *a)
{
    mips_gen_exception(d, MIPS_EXCP_BREAK, (uint32_t)a->code);
    return true;
}

static bool gen_trap(DisasCtx *d, IrCond c, IrTemp x, IrTemp y, int code)
{
    mips_gen_exception_if(d, c, x, y, MIPS_EXCP_TRAP, (uint32_t)code);
    return true;
}

static bool trans_TGE(DisasCtx *d, arg_trap *a)
{
    return gen_trap(d, IR_COND_GE, mips_gpr(d, a->rs), mips_gpr(d, a->rt), a->code);
}

static bool trans_TGEU(DisasCtx *d, arg_trap *a)
{
    return gen_trap(d, IR_COND_GEU, mips_gpr(d, a->rs), mips_gpr(d, a->rt), a->code);
}

static bool trans_TLT(DisasCtx *d, arg_trap *a)
{
    return gen_trap(d, IR_COND_LT, mips_gpr(d, a->rs), mips_gpr(d, a->rt), a->code);
}

static bool trans_TLTU(DisasCtx *d, arg_trap *a)
{
    return gen_trap(d, IR_COND_LTU, mips_gpr(d, a->rs), mips_gpr(d, a->rt), a->code);
}

static bool trans_TEQ(DisasCtx *d, arg_trap *a)
{
    return gen_trap(d, IR_COND_EQ, mips_gpr(d, a->rs), mips_gpr(d, a->rt), a->code);
}

static bool trans_TNE(DisasCtx *d, arg_trap *a)
{
    return gen_trap(d, IR_COND_NE, mips_gpr(d, a->rs), mips_gpr(d, a->rt), a->code);
}

static IrTemp imm32(DisasCtx *d, arg_i *a)
{
    return ir_const(d->b, IR_I32, (uint32_t)a->imm);
}

static bool trans_TGEI(DisasCtx *d, arg_i *a)
{
    return gen_trap(d, IR_COND_GE, mips_gpr(d, a->rs), imm32(d, a), 0);
}

static bool trans_TGEIU(DisasCtx *d, arg_i *a)
{
    return gen_trap(d, IR_COND_GEU, mips_gpr(d, a->rs), imm32(d, a), 0);
}

static bool trans_TLTI(DisasCtx *d, arg_i *a)
{
    return gen_trap(d, IR_COND_LT, mips_gpr(d, a->rs), imm32(d, a), 0);
}

static bool trans_TLTIU(DisasCtx *d, arg_i *a)
{
    return gen_trap(d, IR_COND_LTU, mips_gpr(d, a->rs), imm32(d, a), 0);
}

static bool trans_TEQI(DisasCtx *d, arg_i *a)
{
    return gen_trap(d, IR_COND_EQ, mips_gpr(d, a->rs), imm32(d, a), 0);
}

static bool trans_TNEI(DisasCtx *d, arg_i *a)
{
    return gen_trap(d, IR_COND_NE, mips_gpr(d, a->rs), imm32(d, a), 0);
}

static bool trans_SYNC(DisasCtx *d, arg_SYNC *a)
{
    ir_mb(d->b, IR_MB_ALL);
    return true;
}

static bool trans_SYNCI(DisasCtx *d, arg_SYNCI *a)
{
    return true;
}

static bool trans_PREF(DisasCtx *d, arg_PREF *a)
{
    return true;
}

/* CACHE is privileged: Coprocessor Unusable in user mode (SIGILL). */
static bool trans_CACHE(DisasCtx *d, arg_CACHE *a)
{
    mips_gen_exception(d, MIPS_EXCP_CPU, d->insn);
    return true;
}

/* ---- Jumps and branches ------------------------------------------------- */

static bool gen_link(DisasCtx *d, int rd)
{
    mips_set_gpr(d, rd, ir_const(d->b, IR_I32, d->pc + 8));
    return true;
}

static bool gen_jump(DisasCtx *d, uint32_t dest, int link)
{
    if (d->in_slot) {
        return false;
    }
    if (link) {
        gen_link(d, link);
    }
    d->br = MIPS_BR_ALWAYS;
    d->bdest = dest;
    return mips_gen_branch(d);
}

static bool trans_J(DisasCtx *d, arg_j *a)
{
    return gen_jump(d, ((d->pc + 4) & 0xf0000000u) | (uint32_t)a->target << 2, 0);
}

static bool trans_JAL(DisasCtx *d, arg_j *a)
{
    return gen_jump(d, ((d->pc + 4) & 0xf0000000u) | (uint32_t)a->target << 2, 31);
}

static bool gen_jr(DisasCtx *d, int rs, int rd)
{
    if (d->in_slot) {
        return false;
    }
    d->btarget = mips_tmp(d);
    ir_mov(d->b, d->btarget, mips_gpr(d, rs));
    if (rd) {
        gen_link(d, rd);
    }
    d->br = MIPS_BR_INDIRECT;
    return mips_gen_branch(d);
}

static bool trans_JR(DisasCtx *d, arg_JR *a)
{
    return gen_jr(d, a->rs, 0);
}

static bool trans_JALR(DisasCtx *d, arg_r *a)
{
    return gen_jr(d, a->rs, a->rd);
}

/* A conditional branch: cond(rs, rt) with the target pc + 4 + off * 4;
 * link (31 or 0) written whether taken or not, likely annuls the slot. */
static bool gen_bcond(DisasCtx *d, IrCond c, int rs, IrTemp y, int32_t off,
                      int link, bool likely)
{
    uint32_t dest = d->pc + 4 + ((uint32_t)off << 2);

    if (d->in_slot) {
        return false;
    }
    if (c == IR_COND_ALWAYS) {
        d->br = MIPS_BR_ALWAYS;
    } else {
        d->bcond = mips_tmp(d);
        ir_setcond(d->b, c, d->bcond, mips_gpr(d, rs), y);
        d->br = likely ? MIPS_BR_LIKELY : MIPS_BR_COND;
    }
    if (link) {
        gen_link(d, link);
    }
    d->bdest = dest;
    return mips_gen_branch(d);
}

static IrCond beq_cond(const arg_i *a)
{
    /* BEQ $x, $x (B) always branches. */
    return a->rs == a->rt ? IR_COND_ALWAYS : IR_COND_EQ;
}

static bool trans_BEQ(DisasCtx *d, arg_i *a)
{
    return gen_bcond(d, beq_cond(a), a->rs, mips_gpr(d, a->rt), a->imm, 0, false);
}

static bool trans_BEQL(DisasCtx *d, arg_i *a)
{
    return gen_bcond(d, beq_cond(a), a->rs, mips_gpr(d, a->rt), a->imm, 0, true);
}

static bool trans_BNE(DisasCtx *d, arg_i *a)
{
    return gen_bcond(d, IR_COND_NE, a->rs, mips_gpr(d, a->rt), a->imm, 0, false);
}

static bool trans_BNEL(DisasCtx *d, arg_i *a)
{
    return gen_bcond(d, IR_COND_NE, a->rs, mips_gpr(d, a->rt), a->imm, 0, true);
}

static IrTemp zero(DisasCtx *d)
{
    return ir_const(d->b, IR_I32, 0);
}

static bool trans_BLEZ(DisasCtx *d, arg_i *a)
{
    return gen_bcond(d, IR_COND_LE, a->rs, zero(d), a->imm, 0, false);
}

static bool trans_BLEZL(DisasCtx *d, arg_i *a)
{
    return gen_bcond(d, IR_COND_LE, a->rs, zero(d), a->imm, 0, true);
}

static bool trans_BGTZ(DisasCtx *d, arg_i *a)
{
    return gen_bcond(d, IR_COND_GT, a->rs, zero(d), a->imm, 0, false);
}

static bool trans_BGTZL(DisasCtx *d, arg_i *a)
{
    return gen_bcond(d, IR_COND_GT, a->rs, zero(d), a->imm, 0, true);
}

static bool trans_BLTZ(DisasCtx *d, arg_i *a)
{
    return gen_bcond(d, IR_COND_LT, a->rs, zero(d), a->imm, 0, false);
}

static bool trans_BLTZL(DisasCtx *d, arg_i *a)
{
    return gen_bcond(d, IR_COND_LT, a->rs, zero(d), a->imm, 0, true);
}

static bool trans_BGEZ(DisasCtx *d, arg_i *a)
{
    return gen_bcond(d, a->rs == 0 ? IR_COND_ALWAYS : IR_COND_GE, a->rs,
                     zero(d), a->imm, 0, false);
}

static bool trans_BGEZL(DisasCtx *d, arg_i *a)
{
    return gen_bcond(d, a->rs == 0 ? IR_COND_ALWAYS : IR_COND_GE, a->rs,
                     zero(d), a->imm, 0, true);
}

/* BLTZAL/BGEZAL: the condition reads rs before the link is written
 * (rs = 31 is UNPREDICTABLE; this is what cores do). BGEZAL $0 is BAL. */
static bool trans_BLTZAL(DisasCtx *d, arg_i *a)
{
    return gen_bcond(d, IR_COND_LT, a->rs, zero(d), a->imm, 31, false);
}

static bool trans_BLTZALL(DisasCtx *d, arg_i *a)
{
    return gen_bcond(d, IR_COND_LT, a->rs, zero(d), a->imm, 31, true);
}

static bool trans_BGEZAL(DisasCtx *d, arg_i *a)
{
    return gen_bcond(d, a->rs == 0 ? IR_COND_ALWAYS : IR_COND_GE, a->rs,
                     zero(d), a->imm, 31, false);
}

static bool trans_BGEZALL(DisasCtx *d, arg_i *a)
{
    return gen_bcond(d, a->rs == 0 ? IR_COND_ALWAYS : IR_COND_GE, a->rs,
                     zero(d), a->imm, 31, true);
}

/* ---- Loads and stores ---------------------------------------------------- */

/* Plain loads and stores are performed unaligned when the address is:
 * Linux emulates unaligned accesses for user space (arch/mips/kernel/
 * unaligned.c, the default "quiet" action), so no signal is seen. */
static bool gen_ld(DisasCtx *d, arg_i *a, unsigned mo)
{
    IrTemp addr = mips_addr(d, a->rs, a->imm);
    IrTemp t = mips_tmp(d);

    ir_guest_ld(d->b, t, addr, mo | mips_mo_endian(d));
    mips_set_gpr(d, a->rt, t);
    return true;
}

static bool gen_st(DisasCtx *d, arg_i *a, unsigned mo)
{
    IrTemp addr = mips_addr(d, a->rs, a->imm);

    ir_guest_st(d->b, mips_gpr(d, a->rt), addr, mo | mips_mo_endian(d));
    return true;
}

static bool trans_LB(DisasCtx *d, arg_i *a) { return gen_ld(d, a, IR_MO_8 | IR_MO_SIGN); }
static bool trans_LBU(DisasCtx *d, arg_i *a) { return gen_ld(d, a, IR_MO_8); }
static bool trans_LH(DisasCtx *d, arg_i *a) { return gen_ld(d, a, IR_MO_16 | IR_MO_SIGN); }
static bool trans_LHU(DisasCtx *d, arg_i *a) { return gen_ld(d, a, IR_MO_16); }
static bool trans_LW(DisasCtx *d, arg_i *a) { return gen_ld(d, a, IR_MO_32); }
static bool trans_SB(DisasCtx *d, arg_i *a) { return gen_st(d, a, IR_MO_8); }
static bool trans_SH(DisasCtx *d, arg_i *a) { return gen_st(d, a, IR_MO_16); }
static bool trans_SW(DisasCtx *d, arg_i *a) { return gen_st(d, a, IR_MO_32); }

/* LWL/LWR/SWL/SWR (Vol II LWL…): the aligned word holding the address
 * and a byte count from the address's low bits. With k = addr & 3 and
 * s = k (big-endian) or 3 - k (little-endian):
 *   LWL: rt = w << 8s | rt & ~(~0 << 8s)
 *   LWR: rt = w >> 8(3-s) | rt & ~(~0 >> 8(3-s))
 *   SWL: w = w & ~(~0 >> 8s) | rt >> 8s
 *   SWR: w = w & ~(~0 << 8(3-s)) | rt << 8(3-s)
 * The stores write only their bytes (as hardware does, so a concurrent
 * store by another thread to the word's other bytes is kept): one path
 * per k with one or two byte/halfword/word stores. */
static void gen_lr_setup(DisasCtx *d, arg_i *a, bool right, IrTemp *aligned,
                         IrTemp *sh)
{
    IrBlock *b = d->b;
    IrTemp addr = mips_addr(d, a->rs, a->imm);
    IrTemp s = mips_tmp(d);

    *aligned = mips_tmp(d);
    ir_andi(b, *aligned, addr, ~3u);
    ir_andi(b, s, addr, 3);
    /* s = 8 * (BE ? k : 3 - k) for the left forms, 8 * (3 - that) for
     * the right forms. */
    if (d->big_endian == right) {
        ir_xori(b, s, s, 3);
    }
    ir_shli(b, s, s, 3);
    *sh = s;
}

static IrTemp ones(DisasCtx *d)
{
    return ir_const(d->b, IR_I32, 0xffffffffu);
}

static bool gen_lwlr(DisasCtx *d, arg_i *a, bool right)
{
    IrBlock *b = d->b;
    IrTemp aligned, s, w = mips_tmp(d), m = new32(d), r = new32(d);

    gen_lr_setup(d, a, right, &aligned, &s);
    ir_guest_ld(b, w, aligned, IR_MO_32 | mips_mo_endian(d));
    if (right) {
        ir_shr(b, r, w, s);
        ir_shr(b, m, ones(d), s);
    } else {
        ir_shl(b, r, w, s);
        ir_shl(b, m, ones(d), s);
    }
    ir_andc(b, m, mips_gpr(d, a->rt), m);
    ir_or(b, r, r, m);
    mips_set_gpr(d, a->rt, r);
    return true;
}

/* Stores bytes [o, o + len) (memory order) of the aligned word whose
 * value, in the guest's byte order, would be v. */
static void gen_st_part(DisasCtx *d, IrTemp aligned, IrTemp v, unsigned o,
                        unsigned len)
{
    IrBlock *b = d->b;
    unsigned sh = d->big_endian ? 8 * (4 - o - len) : 8 * o;
    IrTemp x = v, addr = aligned;

    if (sh) {
        x = new32(d);
        ir_shri(b, x, v, sh);
    }
    if (o) {
        addr = new32(d);
        ir_addi(b, addr, aligned, o);
    }
    ir_guest_st(b, x, addr, (len == 4 ? IR_MO_32 : len == 2 ? IR_MO_16
                                                            : IR_MO_8) |
                            mips_mo_endian(d));
}

static bool gen_swlr(DisasCtx *d, arg_i *a, bool right)
{
    IrBlock *b = d->b;
    IrTemp addr = mips_addr(d, a->rs, a->imm);
    IrTemp aligned = mips_tmp(d), k = mips_tmp(d);
    /* The bytes written are [k, 4) of the word for SWL big-endian and SWR
     * little-endian, [0, k] for the other two. */
    bool upper = d->big_endian != right;
    uint32_t done = ir_new_label(b);

    ir_andi(b, aligned, addr, ~3u);
    ir_andi(b, k, addr, 3);
    for (unsigned kk = 0; kk < 4; kk++) {
        uint32_t next = kk < 3 ? ir_new_label(b) : 0;
        unsigned sc = 8 * (d->big_endian == right ? 3 - kk : kk);
        unsigned o = upper ? kk : 0, len = upper ? 4 - kk : kk + 1;
        IrTemp v = new32(d);

        if (kk < 3) {
            ir_brcondi(b, IR_COND_NE, k, kk, next);
        }
        if (right) {
            ir_shli(b, v, mips_gpr(d, a->rt), sc);
        } else {
            ir_shri(b, v, mips_gpr(d, a->rt), sc);
        }
        if (len != 3) {
            gen_st_part(d, aligned, v, o, len);
        } else if (o == 0) {
            gen_st_part(d, aligned, v, 0, 2);
            gen_st_part(d, aligned, v, 2, 1);
        } else {
            gen_st_part(d, aligned, v, 1, 1);
            gen_st_part(d, aligned, v, 2, 2);
        }
        if (kk < 3) {
            ir_br(b, done);
            ir_set_label(b, next);
        }
    }
    ir_set_label(b, done);
    return true;
}

static bool trans_LWL(DisasCtx *d, arg_i *a) { return gen_lwlr(d, a, false); }
static bool trans_LWR(DisasCtx *d, arg_i *a) { return gen_lwlr(d, a, true); }
static bool trans_SWL(DisasCtx *d, arg_i *a) { return gen_swlr(d, a, false); }
static bool trans_SWR(DisasCtx *d, arg_i *a) { return gen_swlr(d, a, true); }

/* LL/SC (Vol II LL, SC), QEMU's approach: LL remembers the address and
 * the value it loaded; SC succeeds when its address is the linked one and
 * a compare-and-swap from that value to rt succeeds. An ABA change of the
 * word between LL and SC (A -> B -> A by other threads) is not seen, which
 * hardware would see; see docs/mips.md. Both need a word-aligned address
 * (SIGBUS otherwise: Linux does not emulate these). */
static bool trans_LL(DisasCtx *d, arg_i *a)
{
    IrBlock *b = d->b;
    IrTemp addr = mips_addr(d, a->rs, a->imm);
    IrTemp t = mips_tmp(d);

    ir_guest_ld(b, t, addr, IR_MO_32 | IR_MO_ALIGN | mips_mo_endian(d));
    ir_st32(b, addr, IR_ENV, (int32_t)offsetof(MipsState, lladdr));
    ir_st32(b, t, IR_ENV, (int32_t)offsetof(MipsState, llval));
    mips_set_gpr(d, a->rt, t);
    return true;
}

static bool trans_SC(DisasCtx *d, arg_i *a)
{
    IrBlock *b = d->b;
    IrTemp addr = mips_addr(d, a->rs, a->imm);
    IrTemp la = mips_tmp(d), lv = mips_tmp(d), old = mips_tmp(d);
    IrTemp ok = mips_tmp(d);
    uint32_t fail = ir_new_label(b), done = ir_new_label(b);

    ir_ld32u(b, la, IR_ENV, (int32_t)offsetof(MipsState, lladdr));
    ir_brcond(b, IR_COND_NE, addr, la, fail);
    ir_ld32u(b, lv, IR_ENV, (int32_t)offsetof(MipsState, llval));
    ir_atomic_cmpxchg(b, old, addr, lv, mips_gpr(d, a->rt),
                      IR_MO_32 | IR_MO_ALIGN | mips_mo_endian(d));
    ir_setcond(b, IR_COND_EQ, ok, old, lv);
    ir_br(b, done);
    ir_set_label(b, fail);
    ir_movi(b, ok, 0);
    ir_set_label(b, done);
    /* The link is broken whatever happened (1: no aligned word is). */
    ir_st32(b, ir_const(b, IR_I32, 1), IR_ENV,
            (int32_t)offsetof(MipsState, lladdr));
    mips_set_gpr(d, a->rt, ok);
    return true;
}

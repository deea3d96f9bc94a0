/* frontend/mips/translate.c — the MIPS guest's translator loop hooks and
 * the building blocks every instruction class shares: registers ($0 as a
 * constant), memory in the block's byte order, exceptions with the
 * delay-slot rule, and branches translated together with their slot.
 */
#include "translate.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include "helper.h"

static const char *const mips_reg_names[32] = {
    "zero", "at", "v0", "v1", "a0", "a1", "a2", "a3",
    "t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7",
    "s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7",
    "t8", "t9", "k0", "k1", "gp", "sp", "fp", "ra",
};

void mips_init_globals(IrBlock *b)
{
    for (int i = 1; i < 32; i++) {
        IrTemp t = ir_global(b, IR_I32,
                             (int32_t)(offsetof(MipsState, gpr) + 4 * i),
                             mips_reg_names[i]);
        if (t != MIPS_T_GPR(i)) {
            abort();
        }
    }
    if (ir_global(b, IR_I32, offsetof(MipsState, pc), "pc") != MIPS_T_PC ||
        ir_global(b, IR_I32, offsetof(MipsState, hi), "hi") != MIPS_T_HI ||
        ir_global(b, IR_I32, offsetof(MipsState, lo), "lo") != MIPS_T_LO) {
        abort();
    }
}

/* ---- Registers and memory -------------------------------------------- */

IrTemp mips_gpr(DisasCtx *d, int r)
{
    return r == 0 ? ir_const(d->b, IR_I32, 0) : MIPS_T_GPR(r);
}

void mips_set_gpr(DisasCtx *d, int r, IrTemp v)
{
    if (r != 0) {
        ir_mov(d->b, MIPS_T_GPR(r), v);
    }
}

IrTemp mips_tmp(DisasCtx *d)
{
    return ir_temp_local(d->b, IR_I32);
}

IrTemp mips_addr(DisasCtx *d, int rs, int32_t off)
{
    IrTemp a = mips_tmp(d);

    ir_addi(d->b, a, mips_gpr(d, rs), (uint32_t)off);
    return a;
}

unsigned mips_mo_endian(const DisasCtx *d)
{
    return d->big_endian ? IR_MO_BE : 0;
}

/* ---- Exceptions ------------------------------------------------------- */

static void mips_emit_raise(DisasCtx *d, int excp, uint32_t info)
{
    IrBlock *b = d->b;
    uint32_t pc = d->in_slot ? d->branch_pc : d->pc;
    IrTemp args[6] = {
        IR_ENV,
        ir_const(b, IR_I32, (uint32_t)excp),
        ir_const(b, IR_I32, pc),
        ir_const(b, IR_I32, d->pc),
        ir_const(b, IR_I32, info),
        ir_const(b, IR_I32, d->in_slot ? 1 : 0),
    };

    ir_call(b, &mips_helper_raise_desc, IR_NO_TEMP, 6, args);
    /* Never reached; keeps the block well formed. */
    ir_exit_tb(b, (uint64_t)(uintptr_t)d->tc->tb | TB_EXIT_NOCHAIN);
}

void mips_gen_exception(DisasCtx *d, int excp, uint32_t info)
{
    mips_emit_raise(d, excp, info);
    d->done = true;
}

static IrCond mips_invert_cond(IrCond c)
{
    static const IrCond inv[IR_NB_CONDS] = {
        [IR_COND_NEVER] = IR_COND_ALWAYS, [IR_COND_ALWAYS] = IR_COND_NEVER,
        [IR_COND_EQ] = IR_COND_NE, [IR_COND_NE] = IR_COND_EQ,
        [IR_COND_LT] = IR_COND_GE, [IR_COND_GE] = IR_COND_LT,
        [IR_COND_LE] = IR_COND_GT, [IR_COND_GT] = IR_COND_LE,
        [IR_COND_LTU] = IR_COND_GEU, [IR_COND_GEU] = IR_COND_LTU,
        [IR_COND_LEU] = IR_COND_GTU, [IR_COND_GTU] = IR_COND_LEU,
    };
    return inv[c];
}

void mips_gen_exception_if(DisasCtx *d, IrCond cond, IrTemp a, IrTemp c,
                           int excp, uint32_t info)
{
    uint32_t skip = ir_new_label(d->b);

    ir_brcond(d->b, mips_invert_cond(cond), a, c, skip);
    mips_emit_raise(d, excp, info);
    ir_set_label(d->b, skip);
}

void mips_gen_ri(DisasCtx *d)
{
    mips_gen_exception(d, MIPS_EXCP_RI, d->insn);
}

/* ---- Branches and delay slots ------------------------------------------ */

static uint32_t mips_word(const DisasCtx *d, const uint8_t *p)
{
    return d->big_endian
        ? (uint32_t)p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3]
        : (uint32_t)p[3] << 24 | p[2] << 16 | p[1] << 8 | p[0];
}

static void mips_decode_one(DisasCtx *d)
{
    if (!mips_decode_int(d, d->insn) && !mips_decode_fpu(d, d->insn)) {
        mips_gen_ri(d);
    }
}

void mips_gen_end_lookup(DisasCtx *d)
{
    d->flags_changed = true;
    if (!d->in_slot) {
        ir_mov(d->b, MIPS_T_PC, ir_const(d->b, IR_I32, d->pc + 4));
        ir_exit_lookup(d->b);
        d->done = true;
    }
}

/* A direct exit of a branch to dest: chained, unless its slot changed
 * the TB flags. */
static void mips_branch_exit(DisasCtx *d, unsigned slot, uint32_t dest)
{
    if (d->flags_changed) {
        ir_mov(d->b, MIPS_T_PC, ir_const(d->b, IR_I32, dest));
        ir_exit_lookup(d->b);
    } else {
        translate_goto(d->tc, slot, MIPS_T_PC, dest);
    }
}

bool mips_gen_branch(DisasCtx *d)
{
    TransCtx *tc = d->tc;
    IrBlock *b = d->b;
    uint32_t bpc = d->pc, binsn = d->insn;
    uint32_t slot_pc = bpc + 4;
    uint32_t not_taken = 0;
    MipsBranch br = d->br;
    uint8_t buf[4];

    if (!translate_fetch(tc, slot_pc, buf, 4)) {
        /* The block ends before the branch (the core drops it); run
         * alone, the branch raises the fetch fault for its slot. */
        return true;
    }
    if (br == MIPS_BR_LIKELY) {
        /* Branch likely: a branch not taken annuls its slot. */
        not_taken = ir_new_label(b);
        ir_brcondi(b, IR_COND_EQ, d->bcond, 0, not_taken);
    }

    /* The slot: its exceptions restart at the branch (cpu.h). */
    tc->pc_next = slot_pc + 4;
    d->in_slot = true;
    d->branch_pc = bpc;
    d->pc = slot_pc;
    d->insn = mips_word(d, buf);
    d->br = MIPS_BR_NONE;
    ir_insn_start(b, bpc, 1);
    mips_decode_one(d);
    d->in_slot = false;
    d->pc = bpc;
    d->insn = binsn;

    if (!d->done) {
        switch (br) {
        case MIPS_BR_ALWAYS:
            mips_branch_exit(d, 0, d->bdest);
            break;
        case MIPS_BR_COND:
            not_taken = ir_new_label(b);
            ir_brcondi(b, IR_COND_EQ, d->bcond, 0, not_taken);
            mips_branch_exit(d, 0, d->bdest);
            break;
        case MIPS_BR_LIKELY:
            mips_branch_exit(d, 0, d->bdest);
            break;
        default:
            ir_mov(b, MIPS_T_PC, d->btarget);
            ir_exit_lookup(b);
            break;
        }
    }
    if (not_taken) {
        ir_set_label(b, not_taken);
        mips_branch_exit(d, 1, bpc + 8);
    }
    d->br = br;
    d->done = true;
    return true;
}

/* ---- Translator loop hooks -------------------------------------------- */

void mips_tb_start(TransCtx *tc)
{
    DisasCtx *d = tc->guest;

    d->tc = tc;
    d->b = tc->ir;
    d->big_endian = (tc->flags & MIPS_TBFLAG_BE) != 0;
    d->fpu = (tc->flags & MIPS_TBFLAG_FPU) != 0;
    d->r2 = (tc->flags & MIPS_TBFLAG_R2) != 0;
    d->fpe = (tc->flags & MIPS_TBFLAG_FPE) != 0;
    d->flags_changed = false;
}

void mips_translate_insn(TransCtx *tc)
{
    DisasCtx *d = tc->guest;
    uint8_t buf[4];

    d->pc = (uint32_t)tc->pc_next;
    d->done = false;
    d->in_slot = false;
    d->br = MIPS_BR_NONE;
    d->insn = 0;
    if (d->pc & 3) {
        /* A jump to a misaligned address (MIPS16e / microMIPS entry
         * included: neither is implemented) faults on the fetch. */
        ir_insn_start(d->b, d->pc, 0);
        mips_gen_exception(d, MIPS_EXCP_ADEL, 0);
        tc->stop = true;
        return;
    }
    if (!translate_fetch(tc, d->pc, buf, 4)) {
        return;
    }
    d->insn = mips_word(d, buf);
    ir_insn_start(d->b, d->pc, 0);
    tc->pc_next = d->pc + 4;
    mips_decode_one(d);
    if (d->done) {
        tc->stop = true;
    }
}

void mips_tb_end(TransCtx *tc)
{
    translate_goto(tc, 0, MIPS_T_PC, tc->pc_next);
}

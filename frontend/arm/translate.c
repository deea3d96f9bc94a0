/* frontend/arm/translate.c — the ARM guest's translator loop hooks and the
 * micro-op building blocks both instruction sets share: register reads
 * with the pc offset, branches and interworking, conditions, NZCV flags in
 * QEMU's representation (see cpu.h), the shifter operand, data-processing
 * ops, memory and load/store multiple, exceptions.
 */
#include "translate.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include "helper.h"

static const char *const arm_reg_names[16] = {
    "r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7",
    "r8", "r9", "r10", "r11", "r12", "sp", "lr", "pc",
};

void arm_init_globals(IrBlock *b)
{
    static const struct {
        int32_t offset;
        const char *name;
    } flags[4] = {
        { offsetof(ArmState, NF), "NF" },
        { offsetof(ArmState, ZF), "ZF" },
        { offsetof(ArmState, CF), "CF" },
        { offsetof(ArmState, VF), "VF" },
    };

    for (int i = 0; i < 16; i++) {
        IrTemp t = ir_global(b, IR_I32,
                             (int32_t)(offsetof(ArmState, r) + 4 * i),
                             arm_reg_names[i]);
        if (t != ARM_T_REG(i)) {
            abort();
        }
    }
    for (int i = 0; i < 4; i++) {
        if (ir_global(b, IR_I32, flags[i].offset, flags[i].name) !=
            ARM_T_NF + (IrTemp)i) {
            abort();
        }
    }
}

/* ---- Registers and control flow -------------------------------------- */

uint32_t arm_pc_value(const DisasCtx *d)
{
    return d->thumb ? d->pc + 4 : d->pc + 8;
}

IrTemp arm_read_reg(DisasCtx *d, int r)
{
    if (r == 15) {
        return ir_const(d->b, IR_I32, arm_pc_value(d));
    }
    return ARM_T_REG(r);
}

static void arm_exit_indirect(DisasCtx *d)
{
    ir_exit_lookup(d->b);
    d->jmp = ARM_JMP_DONE;
}

void arm_write_reg(DisasCtx *d, int r, IrTemp v)
{
    if (r != 15) {
        ir_mov(d->b, ARM_T_REG(r), v);
        return;
    }
    /* ARMv7 ALUWritePC (DDI 0406C A2.3.1): in ARM state a data-processing
     * write to pc interworks like BX (e.g. "mov pc, lr" returning to
     * Thumb code). Before v7, and in Thumb state, it is a branch that
     * stays in the current instruction set (DDI 0100I A4.1.3). */
    if (!d->thumb && arm_feature(d, ARM_FEATURE_V7)) {
        arm_write_pc_bx(d, v);
        return;
    }
    ir_andi(d->b, ARM_T_PC, v, d->thumb ? ~1u : ~3u);
    arm_exit_indirect(d);
}

void arm_write_pc_bx(DisasCtx *d, IrTemp v)
{
    IrTemp t = ir_temp_new(d->b, IR_I32);

    /* BX semantics (A4.1.10): bit 0 selects Thumb. */
    ir_andi(d->b, t, v, 1);
    ir_st32(d->b, t, IR_ENV, (int32_t)offsetof(ArmState, thumb));
    ir_andi(d->b, ARM_T_PC, v, ~1u);
    arm_exit_indirect(d);
}

void arm_gen_jump(DisasCtx *d, uint32_t dest)
{
    translate_goto(d->tc, 0, ARM_T_PC, dest);
    d->jmp = ARM_JMP_DONE;
}

void arm_gen_exception(DisasCtx *d, int excp, uint32_t pc, uint32_t info)
{
    IrBlock *b = d->b;

    /* An exception that re-runs (or reports) this instruction leaves the
     * IT state it had; SVC returns past it, with the advanced state. */
    if (pc == d->pc && d->condexec != d->condexec_stored) {
        ir_st32(b, ir_const(b, IR_I32, d->condexec), IR_ENV,
                (int32_t)offsetof(ArmState, condexec));
    }
    IrTemp args[5] = {
        IR_ENV,
        ir_const(b, IR_I32, (uint32_t)excp),
        ir_const(b, IR_I32, pc),
        ir_const(b, IR_I32, d->pc),
        ir_const(b, IR_I32, info),
    };

    ir_call(b, &arm_helper_raise_desc, IR_NO_TEMP, 5, args);
    /* Never reached; keeps the block well formed. */
    ir_exit_tb(b, (uint64_t)(uintptr_t)d->tc->tb | TB_EXIT_NOCHAIN);
    d->jmp = ARM_JMP_DONE;
}

void arm_gen_udef(DisasCtx *d)
{
    arm_gen_exception(d, ARM_EXCP_UDEF, d->pc, d->insn);
}

/* ---- Conditions ------------------------------------------------------ */

void arm_gen_test_cc(DisasCtx *d, int cond, uint32_t label)
{
    IrBlock *b = d->b;
    IrTemp t, u;

    switch (cond) {
    case 0:  /* EQ: Z */
        ir_brcondi(b, IR_COND_EQ, ARM_T_ZF, 0, label);
        break;
    case 1:  /* NE */
        ir_brcondi(b, IR_COND_NE, ARM_T_ZF, 0, label);
        break;
    case 2:  /* CS */
        ir_brcondi(b, IR_COND_NE, ARM_T_CF, 0, label);
        break;
    case 3:  /* CC */
        ir_brcondi(b, IR_COND_EQ, ARM_T_CF, 0, label);
        break;
    case 4:  /* MI */
        ir_brcondi(b, IR_COND_LT, ARM_T_NF, 0, label);
        break;
    case 5:  /* PL */
        ir_brcondi(b, IR_COND_GE, ARM_T_NF, 0, label);
        break;
    case 6:  /* VS */
        ir_brcondi(b, IR_COND_LT, ARM_T_VF, 0, label);
        break;
    case 7:  /* VC */
        ir_brcondi(b, IR_COND_GE, ARM_T_VF, 0, label);
        break;
    case 8:  /* HI: C and not Z */
    case 9:  /* LS */
        t = ir_temp_new(b, IR_I32);
        ir_neg(b, t, ARM_T_CF);
        ir_and(b, t, t, ARM_T_ZF);
        ir_brcondi(b, cond == 8 ? IR_COND_NE : IR_COND_EQ, t, 0, label);
        break;
    case 10: /* GE: N == V */
    case 11: /* LT */
        t = ir_temp_new(b, IR_I32);
        ir_xor(b, t, ARM_T_NF, ARM_T_VF);
        ir_brcondi(b, cond == 10 ? IR_COND_GE : IR_COND_LT, t, 0, label);
        break;
    case 12: /* GT: not Z and N == V */
    case 13: /* LE */
        t = ir_temp_new(b, IR_I32);
        u = ir_temp_new(b, IR_I32);
        ir_xor(b, t, ARM_T_NF, ARM_T_VF);
        ir_sari(b, t, t, 31);
        ir_andc(b, u, ARM_T_ZF, t);
        ir_brcondi(b, cond == 12 ? IR_COND_NE : IR_COND_EQ, u, 0, label);
        break;
    default: /* AL */
        ir_br(b, label);
        break;
    }
}

void arm_gen_cond_skip(DisasCtx *d, int cond)
{
    d->skip_label = ir_new_label(d->b);
    d->has_skip = true;
    arm_gen_test_cc(d, cond ^ 1, d->skip_label);
}

/* ---- Flags ----------------------------------------------------------- */

void arm_gen_nz(DisasCtx *d, IrTemp res)
{
    ir_mov(d->b, ARM_T_NF, res);
    ir_mov(d->b, ARM_T_ZF, res);
}

IrTemp arm_gen_add_cc(DisasCtx *d, IrTemp a, IrTemp c)
{
    IrBlock *b = d->b;
    IrTemp res = ir_temp_new(b, IR_I32);
    IrTemp t = ir_temp_new(b, IR_I32);
    IrTemp u = ir_temp_new(b, IR_I32);

    ir_add(b, res, a, c);
    ir_xor(b, t, res, a);
    ir_xor(b, u, a, c);
    ir_andc(b, ARM_T_VF, t, u);
    ir_setcond(b, IR_COND_LTU, ARM_T_CF, res, a);
    arm_gen_nz(d, res);
    return res;
}

IrTemp arm_gen_sub_cc(DisasCtx *d, IrTemp a, IrTemp c)
{
    IrBlock *b = d->b;
    IrTemp res = ir_temp_new(b, IR_I32);
    IrTemp t = ir_temp_new(b, IR_I32);
    IrTemp u = ir_temp_new(b, IR_I32);

    ir_sub(b, res, a, c);
    ir_xor(b, t, res, a);
    ir_xor(b, u, a, c);
    ir_and(b, ARM_T_VF, t, u);
    ir_setcond(b, IR_COND_GEU, ARM_T_CF, a, c);
    arm_gen_nz(d, res);
    return res;
}

IrTemp arm_gen_adc(DisasCtx *d, IrTemp a, IrTemp c, bool set_flags)
{
    IrBlock *b = d->b;
    IrTemp res = ir_temp_new(b, IR_I32);
    IrTemp zero = ir_const(b, IR_I32, 0);
    IrTemp t, c1, cout, u, v;

    if (!set_flags) {
        ir_add(b, res, a, c);
        ir_add(b, res, res, ARM_T_CF);
        return res;
    }
    t = ir_temp_new(b, IR_I32);
    c1 = ir_temp_new(b, IR_I32);
    cout = ir_temp_new(b, IR_I32);
    u = ir_temp_new(b, IR_I32);
    v = ir_temp_new(b, IR_I32);
    ir_add2(b, t, c1, a, zero, ARM_T_CF, zero);
    ir_add2(b, res, cout, t, c1, c, zero);
    ir_xor(b, u, res, a);
    ir_xor(b, v, a, c);
    ir_andc(b, ARM_T_VF, u, v);
    ir_mov(b, ARM_T_CF, cout);
    arm_gen_nz(d, res);
    return res;
}

IrTemp arm_gen_sbc(DisasCtx *d, IrTemp a, IrTemp c, bool set_flags)
{
    /* a - c - !C == a + ~c + C (A4.1.65). */
    IrTemp nc = ir_temp_new(d->b, IR_I32);

    ir_not(d->b, nc, c);
    return arm_gen_adc(d, a, nc, set_flags);
}

/* ---- Shifter operand (A5.1.4 - A5.1.13) ------------------------------- */

IrTemp arm_gen_shift_imm(DisasCtx *d, IrTemp v, int type, int amount,
                         IrTemp *carry)
{
    IrBlock *b = d->b;
    IrTemp res = ir_temp_new(b, IR_I32);
    IrTemp c = IR_NO_TEMP;

    switch (type) {
    case 0: /* LSL */
        if (amount == 0) {
            ir_mov(b, res, v);
            c = ARM_T_CF;
        } else {
            c = ir_temp_new(b, IR_I32);
            ir_extract(b, c, v, (unsigned)(32 - amount), 1);
            ir_shli(b, res, v, (uint32_t)amount);
        }
        break;
    case 1: /* LSR; #0 encodes #32 */
        c = ir_temp_new(b, IR_I32);
        if (amount == 0) {
            ir_shri(b, c, v, 31);
            ir_movi(b, res, 0);
        } else {
            ir_extract(b, c, v, (unsigned)(amount - 1), 1);
            ir_shri(b, res, v, (uint32_t)amount);
        }
        break;
    case 2: /* ASR; #0 encodes #32 */
        c = ir_temp_new(b, IR_I32);
        if (amount == 0) {
            ir_shri(b, c, v, 31);
            ir_sari(b, res, v, 31);
        } else {
            ir_extract(b, c, v, (unsigned)(amount - 1), 1);
            ir_sari(b, res, v, (uint32_t)amount);
        }
        break;
    default: /* ROR; #0 encodes RRX */
        c = ir_temp_new(b, IR_I32);
        if (amount == 0) {
            IrTemp t = ir_temp_new(b, IR_I32);
            ir_andi(b, c, v, 1);
            ir_shli(b, t, ARM_T_CF, 31);
            ir_shri(b, res, v, 1);
            ir_or(b, res, res, t);
        } else {
            ir_extract(b, c, v, (unsigned)(amount - 1), 1);
            ir_rotri(b, res, v, (uint32_t)amount);
        }
        break;
    }
    if (carry) {
        *carry = c;
    }
    return res;
}

IrTemp arm_gen_shift_reg(DisasCtx *d, IrTemp v, int type, IrTemp rs,
                         IrTemp *carry)
{
    IrBlock *b = d->b;
    IrTemp n = ir_temp_new(b, IR_I32);
    IrTemp res = ir_temp_new(b, IR_I32);
    IrTemp raw = ir_temp_new(b, IR_I32);
    IrTemp c = ir_temp_new(b, IR_I32);

    ir_andi(b, n, rs, 0xff);
    if (type == 3) {
        /* ROR: the count modulo 32; the carry is the result's bit 31
         * unless the count is 0. */
        ir_rotr(b, res, v, n);
        ir_shri(b, raw, res, 31);
    } else {
        /* Counts above 32 behave like 33: shift in 64 bits, with one
         * spare bit catching the last bit shifted out (the carry). */
        IrTemp k = ir_temp_new(b, IR_I32);
        IrTemp k64 = ir_temp_new(b, IR_I64);
        IrTemp x = ir_temp_new(b, IR_I64);
        IrTemp c33 = ir_const(b, IR_I32, 33);

        ir_movcond(b, IR_COND_GTU, k, n, c33, c33, n);
        ir_extu_i32_i64(b, k64, k);
        if (type == 0) {
            ir_extu_i32_i64(b, x, v);
            ir_shl(b, x, x, k64);
            ir_extrl_i64_i32(b, res, x);
            ir_extrh_i64_i32(b, raw, x);
            ir_andi(b, raw, raw, 1);
        } else {
            if (type == 1) {
                ir_extu_i32_i64(b, x, v);
                ir_shli(b, x, x, 1);
                ir_shr(b, x, x, k64);
            } else {
                ir_exts_i32_i64(b, x, v);
                ir_shli(b, x, x, 1);
                ir_sar(b, x, x, k64);
            }
            ir_extrl_i64_i32(b, raw, x);
            ir_andi(b, raw, raw, 1);
            ir_shri(b, x, x, 1);
            ir_extrl_i64_i32(b, res, x);
        }
    }
    ir_movcond(b, IR_COND_EQ, c, n, ir_const(b, IR_I32, 0), ARM_T_CF, raw);
    if (carry) {
        *carry = c;
    }
    return res;
}

/* ---- Data processing (A3.4) ------------------------------------------ */

void arm_gen_dp(DisasCtx *d, int op, bool s, int rd, IrTemp rn, IrTemp op2,
                IrTemp shifter_carry)
{
    IrBlock *b = d->b;
    IrTemp res = IR_NO_TEMP;
    bool logical = false;

    /* S with rd = pc copies SPSR to CPSR: unpredictable in user mode,
     * taken as the plain instruction (no flags). */
    if (rd == 15 && (op < 8 || op > 11)) {
        s = false;
    }
    switch (op) {
    case 0: case 8:     /* AND, TST */
        res = ir_temp_new(b, IR_I32);
        ir_and(b, res, rn, op2);
        logical = true;
        break;
    case 1: case 9:     /* EOR, TEQ */
        res = ir_temp_new(b, IR_I32);
        ir_xor(b, res, rn, op2);
        logical = true;
        break;
    case 2: case 10:    /* SUB, CMP */
        if (s) {
            res = arm_gen_sub_cc(d, rn, op2);
        } else {
            res = ir_temp_new(b, IR_I32);
            ir_sub(b, res, rn, op2);
        }
        break;
    case 3:             /* RSB */
        if (s) {
            res = arm_gen_sub_cc(d, op2, rn);
        } else {
            res = ir_temp_new(b, IR_I32);
            ir_sub(b, res, op2, rn);
        }
        break;
    case 4: case 11:    /* ADD, CMN */
        if (s) {
            res = arm_gen_add_cc(d, rn, op2);
        } else {
            res = ir_temp_new(b, IR_I32);
            ir_add(b, res, rn, op2);
        }
        break;
    case 5:             /* ADC */
        res = arm_gen_adc(d, rn, op2, s);
        break;
    case 6:             /* SBC */
        res = arm_gen_sbc(d, rn, op2, s);
        break;
    case 7:             /* RSC */
        res = arm_gen_sbc(d, op2, rn, s);
        break;
    case 12:            /* ORR */
        res = ir_temp_new(b, IR_I32);
        ir_or(b, res, rn, op2);
        logical = true;
        break;
    case 13:            /* MOV */
        res = op2;
        logical = true;
        break;
    case 14:            /* BIC */
        res = ir_temp_new(b, IR_I32);
        ir_andc(b, res, rn, op2);
        logical = true;
        break;
    default:            /* MVN */
        res = ir_temp_new(b, IR_I32);
        ir_not(b, res, op2);
        logical = true;
        break;
    }
    if (s && logical) {
        arm_gen_nz(d, res);
        if (shifter_carry != IR_NO_TEMP && shifter_carry != ARM_T_CF) {
            ir_mov(b, ARM_T_CF, shifter_carry);
        }
    }
    if (op < 8 || op > 11) {
        arm_write_reg(d, rd, res);
    }
}

/* ---- Memory ---------------------------------------------------------- */

IrTemp arm_gen_ld(DisasCtx *d, IrTemp addr, unsigned memop)
{
    IrTemp t = ir_temp_new(d->b, IR_I32);

    ir_guest_ld(d->b, t, addr, memop);
    return t;
}

void arm_gen_st(DisasCtx *d, IrTemp val, IrTemp addr, unsigned memop)
{
    ir_guest_st(d->b, val, addr, memop);
}

IrTemp arm_gen_ldr(DisasCtx *d, IrTemp addr, unsigned memop)
{
    IrBlock *b = d->b;
    IrTemp a, rot, v;

    if (!d->v5_unaligned || (memop & IR_MO_SIZE) != IR_MO_32) {
        return arm_gen_ld(d, addr, memop);
    }
    /* A4.1.23 (v5): the aligned word, rotated right by 8 * addr[1:0]. */
    a = ir_temp_new(b, IR_I32);
    rot = ir_temp_new(b, IR_I32);
    ir_andi(b, a, addr, ~3u);
    ir_andi(b, rot, addr, 3);
    ir_shli(b, rot, rot, 3);
    v = arm_gen_ld(d, a, memop);
    ir_rotr(b, v, v, rot);
    return v;
}

void arm_gen_str(DisasCtx *d, IrTemp val, IrTemp addr, unsigned memop)
{
    IrTemp a;

    if (!d->v5_unaligned || (memop & IR_MO_SIZE) != IR_MO_32) {
        arm_gen_st(d, val, addr, memop);
        return;
    }
    /* A4.1.99 (v5): address bits 1:0 are ignored. */
    a = ir_temp_new(d->b, IR_I32);
    ir_andi(d->b, a, addr, ~3u);
    arm_gen_st(d, val, a, memop);
}

void arm_gen_ldm(DisasCtx *d, int rn, uint32_t list, IrTemp start,
                 IrTemp wb)
{
    IrBlock *b = d->b;
    IrTemp vals[16];
    IrTemp addr = ir_temp_new(b, IR_I32);
    bool first = true;

    /* Load everything before writing any register, so that a fault leaves
     * the registers as they were and the instruction can restart. */
    for (int i = 0; i < 16; i++) {
        if (!(list & (1u << i))) {
            continue;
        }
        if (first) {
            ir_mov(b, addr, start);
            first = false;
        } else {
            ir_addi(b, addr, addr, 4);
        }
        vals[i] = arm_gen_ld(d, addr, IR_MO_32);
    }
    /* With the base in the list the loaded value wins (A4.1.20 says
     * unpredictable with writeback; this is what hardware does). */
    if (wb != IR_NO_TEMP && !(list & (1u << rn))) {
        ir_mov(b, ARM_T_REG(rn), wb);
    }
    for (int i = 0; i < 15; i++) {
        if (list & (1u << i)) {
            ir_mov(b, ARM_T_REG(i), vals[i]);
        }
    }
    if (list & 0x8000) {
        /* v5T: a load to pc interworks. */
        arm_write_pc_bx(d, vals[15]);
    }
}

void arm_gen_stm(DisasCtx *d, int rn, uint32_t list, IrTemp start,
                 IrTemp wb)
{
    IrBlock *b = d->b;
    IrTemp addr = ir_temp_new(b, IR_I32);
    bool first = true;

    (void)rn;
    for (int i = 0; i < 16; i++) {
        if (!(list & (1u << i))) {
            continue;
        }
        if (first) {
            ir_mov(b, addr, start);
            first = false;
        } else {
            ir_addi(b, addr, addr, 4);
        }
        /* A base in the list stores its original value; pc stores
         * its address + 8 (+ 4 in Thumb, where it cannot appear). */
        arm_gen_st(d, arm_read_reg(d, i), addr, IR_MO_32);
    }
    if (wb != IR_NO_TEMP) {
        ir_mov(b, ARM_T_REG(rn), wb);
    }
}

/* ---- Translator loop hooks ------------------------------------------- */

void arm_tb_start(TransCtx *tc)
{
    DisasCtx *d = tc->guest;

    d->tc = tc;
    d->b = tc->ir;
    d->thumb = (tc->flags & ARM_TBFLAG_THUMB) != 0;
    d->v5_unaligned = (tc->flags & ARM_TBFLAG_V5_UNALIGNED) != 0;
    d->features = tc->flags >> ARM_TBFLAG_FEATURES_SHIFT;
    d->vfp_vec = (tc->flags & ARM_TBFLAG_VFP_VEC) != 0;
    d->condexec = (tc->flags >> ARM_TBFLAG_CONDEXEC_SHIFT) & 0xff;
    d->condexec_next = d->condexec;
    d->condexec_stored = d->condexec;
}

static void arm_translate_a32(DisasCtx *d)
{
    TransCtx *tc = d->tc;
    uint8_t buf[4];
    uint32_t cond;

    if (!translate_fetch(tc, d->pc, buf, 4)) {
        return;
    }
    d->insn = buf[0] | buf[1] << 8 | buf[2] << 16 | (uint32_t)buf[3] << 24;
    d->len = 4;
    ir_insn_start(d->b, d->pc, 0);
    tc->pc_next = d->pc + 4;
    cond = d->insn >> 28;
    if (cond == 0xf) {
        if (!arm_decode_a32_uncond(d, d->insn) &&
            !arm_decode_a32_v6_uncond(d, d->insn)) {
            arm_gen_udef(d);
        }
        return;
    }
    if (cond != 0xe) {
        arm_gen_cond_skip(d, (int)cond);
    }
    if (!arm_decode_a32(d, d->insn) && !arm_decode_a32_v6(d, d->insn) &&
        !arm_decode_vfp(d, d->insn)) {
        arm_gen_udef(d);
    }
}

static bool arm_is_bl_suffix(uint32_t hw)
{
    return (hw >> 11) == 0x1f || (hw >> 11) == 0x1d;
}

/* The IT state after one instruction of an IT block (ARM ARM A7.3.3,
 * ITAdvance). */
static uint32_t arm_it_advance(uint32_t it)
{
    if ((it & 7) == 0) {
        return 0;
    }
    return (it & 0xe0) | ((it << 1) & 0x1f);
}

/* Before a Thumb instruction's body: env->condexec gets the state after
 * it, and inside an IT block the instruction becomes conditional. */
static void arm_thumb_it_prologue(DisasCtx *d)
{
    d->condexec_next = arm_it_advance(d->condexec);
    if (d->condexec_next != d->condexec_stored) {
        ir_st32(d->b, ir_const(d->b, IR_I32, d->condexec_next), IR_ENV,
                (int32_t)offsetof(ArmState, condexec));
        d->condexec_stored = d->condexec_next;
    }
    if (arm_in_it(d)) {
        uint32_t cond = d->condexec >> 4;
        if (cond < 14) {
            arm_gen_cond_skip(d, (int)cond);
        }
    }
}

static void arm_translate_thumb(DisasCtx *d)
{
    TransCtx *tc = d->tc;
    uint8_t buf[4];
    uint32_t hw, page_mask = guest_arm.page_size - 1;
    bool t2 = arm_feature(d, ARM_FEATURE_THUMB2);

    if (!translate_fetch(tc, d->pc, buf, 2)) {
        return;
    }
    hw = buf[0] | (uint32_t)buf[1] << 8;
    if (t2 && (hw >> 11) >= 0x1d) {
        /* A 32-bit Thumb-2 instruction (A6.1): both halves, then one
         * decoder with the first halfword in bits 31:16. */
        uint32_t lo;
        if (!translate_fetch(tc, d->pc + 2, buf + 2, 2)) {
            return;
        }
        lo = buf[2] | (uint32_t)buf[3] << 8;
        d->insn = hw << 16 | lo;
        d->len = 4;
        ir_insn_start(d->b, d->pc, d->condexec);
        tc->pc_next = d->pc + 4;
        arm_thumb_it_prologue(d);
        if (!arm_decode_t32(d, d->insn) &&
            !((d->insn >> 28) == 0xe && arm_decode_vfp(d, d->insn))) {
            arm_gen_udef(d);
        }
        return;
    }
    /* The BL/BLX prefix and its suffix run as one instruction when both
     * halves are on the page (A7.1.17); a prefix alone is translated by
     * itself and leaves its partial result in lr, as on hardware. */
    if (!t2 && (hw >> 11) == 0x1e && ((d->pc + 2) & page_mask) != 0) {
        uint32_t lo;
        if (!translate_fetch(tc, d->pc + 2, buf + 2, 2)) {
            return;
        }
        lo = buf[2] | (uint32_t)buf[3] << 8;
        if (arm_is_bl_suffix(lo)) {
            d->insn = hw | lo << 16;
            d->len = 4;
            ir_insn_start(d->b, d->pc, 0);
            tc->pc_next = d->pc + 4;
            arm_gen_thumb_bl_pair(d, hw & 0x7ff, lo);
            return;
        }
    }
    d->insn = hw;
    d->len = 2;
    ir_insn_start(d->b, d->pc, d->condexec);
    tc->pc_next = d->pc + 2;
    arm_thumb_it_prologue(d);
    if (!arm_decode_t16(d, hw)) {
        arm_gen_udef(d);
    }
}

void arm_translate_insn(TransCtx *tc)
{
    DisasCtx *d = tc->guest;

    d->pc = (uint32_t)tc->pc_next;
    d->jmp = ARM_JMP_NEXT;
    d->has_skip = false;
    d->insn = 0;
    d->condexec = d->condexec_next;
    if (d->pc >= ARM_KUSER_START && d->pc <= ARM_KUSER_END) {
        /* The runtime emulates the kuser helpers; nothing is fetched. */
        ir_insn_start(d->b, d->pc, 0);
        arm_gen_exception(d, ARM_EXCP_KERNEL_TRAP, d->pc, 0);
        tc->stop = true;
        return;
    }
    if (d->thumb) {
        arm_translate_thumb(d);
    } else {
        arm_translate_a32(d);
    }
    if (d->has_skip) {
        ir_set_label(d->b, d->skip_label);
        if (d->jmp == ARM_JMP_DONE) {
            /* The condition failed: continue after the instruction. */
            translate_goto(tc, 1, ARM_T_PC, d->pc + d->len);
        }
    }
    if (d->jmp == ARM_JMP_DONE) {
        tc->stop = true;
    }
}

void arm_tb_end(TransCtx *tc)
{
    translate_goto(tc, 0, ARM_T_PC, tc->pc_next);
}

/* frontend/i386/translate-ops.c — the one-byte opcode map of the i386
 * (SDM vol. 2, appendix A, table A-2): prefixes, then one case per
 * opcode or opcode group, building on translate.c and translate-alu.c.
 * The two-byte map (0F xx) is in translate-0f.c.
 */
#include "translate.h"

#include <stddef.h>

#include "helper.h"

static X86Opnd x86_reg_opnd(int r)
{
    X86Opnd o = { .mem = false, .reg = r, .addr = IR_NO_TEMP };
    return o;
}

static IrTemp x86_new(DisasCtx *d)
{
    return ir_temp_new(d->b, IR_I32);
}

/* The segment selector register `seg` as a value. */
static IrTemp x86_ld_seg(DisasCtx *d, int seg)
{
    IrTemp t = x86_new(d);

    ir_ld32u(d->b, t, IR_ENV, (int32_t)(offsetof(X86State, seg) + 4 * seg));
    return t;
}

/* MOV/POP/LxS to segment register seg (not CS). A load of DS, ES or SS
 * may change X86_FEAT_SEGBASE: the block ends after the instruction. */
void x86_gen_load_seg(DisasCtx *d, int seg, IrTemp v)
{
    IrTemp args[4] = { IR_ENV, x86_const(d, (uint32_t)seg), v,
                       x86_const(d, d->pc) };

    ir_call(d->b, &x86_helper_load_seg_desc, IR_NO_TEMP, 4, args);
    if (seg != X86_SEG_FS && seg != X86_SEG_GS) {
        d->end_block = true;
    }
}

/* Branches to taken when t != 0, else to next. */
static void x86_gen_branch_if(DisasCtx *d, IrTemp t, uint32_t taken,
                              uint32_t next)
{
    uint32_t label = ir_new_label(d->b);

    if (d->opsize) {
        taken &= 0xffff;
    }
    ir_brcondi(d->b, IR_COND_NE, t, 0, label);
    translate_goto(d->tc, 1, X86_T_EIP, next);
    ir_set_label(d->b, label);
    translate_goto(d->tc, 0, X86_T_EIP, taken);
    d->done = true;
}

/* Raises excp (eip = new_eip) when t != 0; continues otherwise. */
static void x86_gen_raise_if(DisasCtx *d, IrTemp t, int excp,
                             uint32_t new_eip)
{
    uint32_t label = ir_new_label(d->b);

    ir_brcondi(d->b, IR_COND_EQ, t, 0, label);
    x86_gen_exception(d, excp, new_eip, 0);
    ir_set_label(d->b, label);
    d->done = false;
}

static void x86_gen_pushf(DisasCtx *d, int ot)
{
    IrBlock *b = d->b;
    IrTemp fl = x86_gen_eflags(d), t = x86_new(d), e = x86_new(d);

    ir_shri(b, t, X86_T_DF, 21);
    ir_andi(b, t, t, X86_DF);
    ir_or(b, fl, fl, t);
    ir_ld32u(b, e, IR_ENV, (int32_t)offsetof(X86State, eflags));
    ir_or(b, fl, fl, e);
    x86_gen_push(d, ot, fl);
}

/* EFLAGS from v as POPF/IRET write it at CPL 3 (IF and IOPL stay). */
static void x86_gen_write_eflags(DisasCtx *d, int ot, IrTemp v)
{
    IrBlock *b = d->b;
    IrTemp t = x86_new(d), e = x86_new(d);
    uint32_t user = ot == X86_OT_W ? X86_NT : X86_AC | X86_ID | X86_NT;

    x86_set_eflags(d, v);
    ir_extract(b, t, v, 10, 1);
    ir_neg(b, t, t);
    ir_ori(b, X86_T_DF, t, 1);
    ir_ld32u(b, e, IR_ENV, (int32_t)offsetof(X86State, eflags));
    ir_andi(b, e, e, ~user);
    ir_andi(b, t, v, user);
    ir_or(b, e, e, t);
    ir_st32(b, e, IR_ENV, (int32_t)offsetof(X86State, eflags));
}

static void x86_gen_popf(DisasCtx *d, int ot)
{
    IrTemp v = x86_gen_pop_load(d, ot);

    x86_gen_pop_adjust(d, ot);
    x86_gen_write_eflags(d, ot, v);
}

/* ---- Far transfers and far pointers -------------------------------------- */

/* The CS value of a far transfer to selector sel (#GP/#NP otherwise). */
static IrTemp x86_gen_code_seg(DisasCtx *d, IrTemp sel, bool ret)
{
    IrTemp cs = x86_new(d);
    IrTemp args[4] = { IR_ENV, sel, x86_const(d, ret ? 1 : 0),
                       x86_const(d, d->pc) };

    ir_call(d->b, &x86_helper_code_seg_desc, cs, 4, args);
    return cs;
}

static void x86_gen_set_cs(DisasCtx *d, IrTemp cs)
{
    ir_st32(d->b, cs, IR_ENV,
            (int32_t)(offsetof(X86State, seg) + 4 * X86_SEG_CS));
}

/* Far CALL (call) or JMP to sel:off; dest >= 0 is a constant offset. */
static void x86_gen_far_jmp(DisasCtx *d, IrTemp sel, IrTemp off,
                            int64_t dest, bool call)
{
    IrBlock *b = d->b;
    int ot = x86_ot(d, false);
    uint32_t w = ot == X86_OT_W ? 2 : 4;
    IrTemp cs = x86_gen_code_seg(d, sel, false);

    if (call) {
        /* Both pushes before esp moves: a fault leaves esp as it was. */
        IrTemp sp = x86_new(d), a = x86_new(d);
        ir_subi(b, sp, X86_T_REG(X86_ESP), w);
        x86_st_mem(d, ot, sp, x86_ld_seg(d, X86_SEG_CS));
        ir_subi(b, a, X86_T_REG(X86_ESP), 2 * w);
        x86_st_mem(d, ot, a, x86_const(d, d->cur));
        ir_mov(b, X86_T_REG(X86_ESP), a);
    }
    x86_gen_set_cs(d, cs);
    if (dest >= 0) {
        x86_gen_jmp(d, (uint32_t)dest);
    } else {
        x86_gen_jmp_indirect(d, off);
    }
}

/* Far RET (imm bytes of arguments) and IRET. */
static void x86_gen_far_ret(DisasCtx *d, uint32_t imm, bool iret)
{
    IrBlock *b = d->b;
    int ot = x86_ot(d, false);
    uint32_t w = ot == X86_OT_W ? 2 : 4;
    IrTemp off, sel, fl = IR_NO_TEMP, a = x86_new(d), cs;

    off = x86_gen_pop_load(d, ot);
    ir_addi(b, a, X86_T_REG(X86_ESP), w);
    sel = x86_ld_mem(d, X86_OT_W, a);
    if (iret) {
        ir_addi(b, a, X86_T_REG(X86_ESP), 2 * w);
        fl = x86_ld_mem(d, ot, a);
    }
    cs = x86_gen_code_seg(d, sel, true);
    ir_addi(b, X86_T_REG(X86_ESP), X86_T_REG(X86_ESP),
            (iret ? 3 : 2) * w + imm);
    x86_gen_set_cs(d, cs);
    if (iret) {
        x86_gen_write_eflags(d, ot, fl);
    }
    x86_gen_jmp_indirect(d, off);
}

void x86_gen_load_far_ptr(DisasCtx *d, int seg)
{
    int ot = x86_ot(d, false);
    X86Opnd o;
    IrTemp off, sel, a = x86_new(d);

    x86_modrm(d, &o);
    if (!o.mem) {
        x86_gen_ud(d);
        return;
    }
    off = x86_ld_mem(d, ot, o.addr);
    ir_addi(d->b, a, o.addr, ot == X86_OT_W ? 2 : 4);
    sel = x86_ld_mem(d, X86_OT_W, a);
    x86_gen_load_seg(d, seg, sel);
    x86_st_reg(d, ot, d->reg, off);
}

static void x86_gen_enter(DisasCtx *d, uint32_t size, uint32_t level)
{
    IrBlock *b = d->b;
    int ot = x86_ot(d, false);
    uint32_t w = ot == X86_OT_W ? 2 : 4;
    IrTemp sp = x86_new(d), frame = x86_new(d), a = x86_new(d);

    level &= 31;
    /* SDM ENTER: push ebp, copy level - 1 frame pointers, push the new
     * frame pointer, reserve size bytes. Computed before esp moves. */
    ir_subi(b, sp, X86_T_REG(X86_ESP), w);
    x86_st_mem(d, ot, sp, X86_T_REG(X86_EBP));
    ir_mov(b, frame, sp);
    for (uint32_t i = 1; i < level; i++) {
        IrTemp v;
        ir_subi(b, a, X86_T_REG(X86_EBP), w * i);
        v = x86_ld_mem(d, ot, a);
        ir_subi(b, sp, sp, w);
        x86_st_mem(d, ot, sp, v);
    }
    if (level) {
        ir_subi(b, sp, sp, w);
        x86_st_mem(d, ot, sp, frame);
    }
    x86_st_reg(d, ot, X86_EBP, frame);
    ir_subi(b, X86_T_REG(X86_ESP), sp, size);
}

static void x86_gen_pusha(DisasCtx *d, int ot)
{
    IrBlock *b = d->b;
    uint32_t w = ot == X86_OT_W ? 2 : 4;
    IrTemp sp = x86_new(d), a = x86_new(d);

    ir_mov(b, sp, X86_T_REG(X86_ESP));
    for (int i = 0; i < 8; i++) {
        ir_subi(b, a, sp, w * (uint32_t)(i + 1));
        x86_st_mem(d, ot, a, X86_T_REG(i));
    }
    ir_subi(b, X86_T_REG(X86_ESP), sp, 8 * w);
}

static void x86_gen_popa(DisasCtx *d, int ot)
{
    IrBlock *b = d->b;
    uint32_t w = ot == X86_OT_W ? 2 : 4;
    IrTemp vals[8], a = x86_new(d);

    for (int i = 0; i < 8; i++) {
        if (i == X86_ESP) {
            continue;
        }
        ir_addi(b, a, X86_T_REG(X86_ESP), w * (uint32_t)(7 - i));
        vals[i] = x86_ld_mem(d, ot, a);
    }
    for (int i = 0; i < 8; i++) {
        if (i != X86_ESP) {
            x86_st_reg(d, ot, i, vals[i]);
        }
    }
    ir_addi(b, X86_T_REG(X86_ESP), X86_T_REG(X86_ESP), 8 * w);
}

/* LOOP / LOOPE / LOOPNE / JECXZ (E0..E3). */
static void x86_gen_loop(DisasCtx *d, uint32_t op)
{
    IrBlock *b = d->b;
    uint32_t disp = (uint32_t)(int8_t)x86_fetch8(d);
    uint32_t next = d->cur;
    IrTemp c = x86_new(d), t = x86_new(d);
    int aot = d->addrsize ? X86_OT_W : X86_OT_L;

    if (op == 0xe3) {
        ir_setcond(b, IR_COND_EQ, t, x86_zext(d, aot, X86_T_REG(X86_ECX)),
                   x86_const(d, 0));
        x86_gen_branch_if(d, t, next + disp, next);
        return;
    }
    ir_subi(b, c, X86_T_REG(X86_ECX), 1);
    x86_st_reg(d, aot, X86_ECX, c);
    ir_setcond(b, IR_COND_NE, t, x86_zext(d, aot, c), x86_const(d, 0));
    if (op != 0xe2) {
        /* E1 LOOPE: while ZF; E0 LOOPNE: while !ZF. */
        IrTemp z = x86_gen_setcc(d, op == 0xe1 ? 4 : 5);
        ir_and(b, t, t, z);
    }
    x86_gen_branch_if(d, t, next + disp, next);
}

static void x86_gen_bcd(DisasCtx *d, uint32_t op)
{
    IrBlock *b = d->b;
    IrTemp fl = x86_gen_eflags(d), r64 = ir_temp_new(b, IR_I64);
    IrTemp nfl = x86_new(d);
    IrTemp args[3] = { x86_const(d, op), X86_T_REG(X86_EAX), fl };

    ir_call(b, &x86_helper_bcd_desc, r64, 3, args);
    ir_extrl_i64_i32(b, X86_T_REG(X86_EAX), r64);
    ir_extrh_i64_i32(b, nfl, r64);
    x86_set_eflags(d, nfl);
}

static bool x86_op_grp5(DisasCtx *d, int ot)
{
    X86Opnd o;
    IrTemp v;

    x86_modrm(d, &o);
    switch (d->reg) {
    case 0:
    case 1:
        x86_gen_incdec(d, ot, &o, d->reg == 1);
        return true;
    case 2:     /* CALL Ev */
        v = x86_ld_opnd(d, ot, &o);
        x86_gen_push(d, ot, x86_const(d, d->cur));
        x86_gen_jmp_indirect(d, v);
        return true;
    case 4:     /* JMP Ev */
        x86_gen_jmp_indirect(d, x86_ld_opnd(d, ot, &o));
        return true;
    case 3:     /* CALL Mp (far) */
    case 5: {   /* JMP Mp (far) */
        IrTemp a = x86_new(d), sel;
        if (!o.mem) {
            return false;
        }
        v = x86_ld_mem(d, ot, o.addr);
        ir_addi(d->b, a, o.addr, ot == X86_OT_W ? 2 : 4);
        sel = x86_ld_mem(d, X86_OT_W, a);
        x86_gen_far_jmp(d, sel, v, -1, d->reg == 3);
        return true;
    }
    case 6:     /* PUSH Ev */
        x86_gen_push(d, ot, x86_ld_opnd(d, ot, &o));
        return true;
    default:
        return false;
    }
}

static bool x86_op_1byte(DisasCtx *d, uint32_t op)
{
    IrBlock *b = d->b;
    X86Opnd o, r;
    int ot = x86_ot(d, !(op & 1));
    IrTemp t, v;
    uint32_t imm, next;

    if (op < 0x40 && (op & 7) < 6) {
        /* ADD OR ADC SBB AND SUB XOR CMP in their six forms. */
        int aop = (int)(op >> 3);
        switch (op & 7) {
        case 0:
        case 1:
            x86_modrm(d, &o);
            x86_gen_alu(d, aop, ot, &o, x86_ld_reg(d, ot, d->reg));
            break;
        case 2:
        case 3:
            x86_modrm(d, &o);
            v = x86_ld_opnd(d, ot, &o);
            r = x86_reg_opnd(d->reg);
            x86_gen_alu(d, aop, ot, &r, v);
            break;
        default:
            imm = x86_fetch_imm(d, ot);
            r = x86_reg_opnd(X86_EAX);
            x86_gen_alu(d, aop, ot, &r, x86_const(d, imm));
            break;
        }
        return true;
    }
    if (op >= 0x40 && op < 0x50) {
        r = x86_reg_opnd((int)op & 7);
        x86_gen_incdec(d, x86_ot(d, false), &r, op >= 0x48);
        return true;
    }
    if (op >= 0x50 && op < 0x58) {
        ot = x86_ot(d, false);
        x86_gen_push(d, ot, x86_ld_reg(d, ot, (int)op & 7));
        return true;
    }
    if (op >= 0x58 && op < 0x60) {
        ot = x86_ot(d, false);
        v = x86_gen_pop_load(d, ot);
        x86_gen_pop_adjust(d, ot);
        x86_st_reg(d, ot, (int)op & 7, v);
        return true;
    }
    if (op >= 0x70 && op < 0x80) {
        imm = (uint32_t)(int8_t)x86_fetch8(d);
        x86_gen_jcc(d, (int)op & 15, d->cur + imm, d->cur);
        return true;
    }
    if (op >= 0x91 && op < 0x98) {
        ot = x86_ot(d, false);
        t = x86_ld_reg(d, ot, X86_EAX);
        x86_st_reg(d, ot, X86_EAX, x86_ld_reg(d, ot, (int)op & 7));
        x86_st_reg(d, ot, (int)op & 7, t);
        return true;
    }
    if (op >= 0xb0 && op < 0xc0) {
        ot = x86_ot(d, op < 0xb8);
        x86_st_reg(d, ot, (int)op & 7, x86_const(d, x86_fetch_imm(d, ot)));
        return true;
    }
    switch (op) {
    case 0x06: case 0x0e: case 0x16: case 0x1e:     /* PUSH sreg */
        x86_gen_push(d, x86_ot(d, false), x86_ld_seg(d, (int)op >> 3));
        return true;
    case 0x07: case 0x17: case 0x1f:                /* POP sreg */
        ot = x86_ot(d, false);
        v = x86_gen_pop_load(d, ot);
        x86_gen_load_seg(d, (int)op >> 3, v);
        x86_gen_pop_adjust(d, ot);
        return true;
    case 0x27: case 0x2f: case 0x37: case 0x3f:     /* DAA DAS AAA AAS */
        x86_gen_bcd(d, (op >> 3) & 3);
        return true;
    case 0x60:
        x86_gen_pusha(d, x86_ot(d, false));
        return true;
    case 0x61:
        x86_gen_popa(d, x86_ot(d, false));
        return true;
    case 0x62: {                                     /* BOUND */
        IrTemp lo, hi, a = x86_new(d), c1 = x86_new(d), c2 = x86_new(d);
        ot = x86_ot(d, false);
        x86_modrm(d, &o);
        if (!o.mem) {
            return false;
        }
        lo = x86_sext(d, ot, x86_ld_mem(d, ot, o.addr));
        ir_addi(b, a, o.addr, ot == X86_OT_W ? 2 : 4);
        hi = x86_sext(d, ot, x86_ld_mem(d, ot, a));
        v = x86_sext(d, ot, x86_ld_reg(d, ot, d->reg));
        ir_setcond(b, IR_COND_LT, c1, v, lo);
        ir_setcond(b, IR_COND_GT, c2, v, hi);
        ir_or(b, c1, c1, c2);
        x86_gen_raise_if(d, c1, X86_EXCP_BR, d->pc);
        return true;
    }
    case 0x63: {                                     /* ARPL Ew, Gw */
        IrTemp dst, src, lt = x86_new(d), nv = x86_new(d), fl;
        x86_modrm(d, &o);
        dst = x86_ld_opnd(d, X86_OT_W, &o);
        src = x86_ld_reg(d, X86_OT_W, d->reg);
        t = x86_new(d);
        v = x86_new(d);
        ir_andi(b, t, dst, 3);
        ir_andi(b, v, src, 3);
        ir_setcond(b, IR_COND_LTU, lt, t, v);
        ir_andi(b, nv, dst, ~3u);
        ir_or(b, nv, nv, v);
        ir_movcond(b, IR_COND_NE, nv, lt, x86_const(d, 0), nv, dst);
        x86_st_opnd(d, X86_OT_W, &o, nv);
        fl = x86_gen_eflags(d);
        ir_andi(b, fl, fl, ~(uint32_t)X86_ZF);
        ir_shli(b, lt, lt, 6);
        ir_or(b, fl, fl, lt);
        x86_set_eflags(d, fl);
        return true;
    }
    case 0x68:
    case 0x6a:
        ot = x86_ot(d, false);
        imm = op == 0x6a ? (uint32_t)(int8_t)x86_fetch8(d)
                         : x86_fetch_imm(d, ot);
        x86_gen_push(d, ot, x86_const(d, imm));
        return true;
    case 0x69:
    case 0x6b:
        ot = x86_ot(d, false);
        x86_modrm(d, &o);
        v = x86_ld_opnd(d, ot, &o);
        imm = op == 0x6b ? (uint32_t)(int8_t)x86_fetch8(d)
                         : x86_fetch_imm(d, ot);
        x86_gen_imul(d, ot, d->reg, v, x86_const(d, imm));
        return true;
    case 0x6c: case 0x6d: case 0x6e: case 0x6f:     /* INS OUTS */
    case 0xe4: case 0xe5: case 0xe6: case 0xe7:     /* IN OUT */
    case 0xec: case 0xed: case 0xee: case 0xef:
    case 0xf4:                                       /* HLT */
    case 0xfa: case 0xfb:                            /* CLI STI */
        x86_gen_exception(d, X86_EXCP_GP, d->pc, 0);
        return true;
    case 0xcf:                                       /* IRET */
        x86_gen_far_ret(d, 0, true);
        return true;
    case 0xca: case 0xcb:                            /* far RET */
        imm = op == 0xca ? x86_fetch16(d) : 0;
        x86_gen_far_ret(d, imm, false);
        return true;
    case 0x9a: case 0xea: {                          /* far CALL/JMP ptr */
        uint32_t sel;
        imm = x86_fetch_imm(d, x86_ot(d, false));
        sel = x86_fetch16(d);
        x86_gen_far_jmp(d, x86_const(d, sel), IR_NO_TEMP,
                        d->opsize ? (imm & 0xffff) : imm, op == 0x9a);
        return true;
    }
    case 0xc4: case 0xc5:                            /* LES LDS */
        x86_gen_load_far_ptr(d, op == 0xc4 ? X86_SEG_ES : X86_SEG_DS);
        return true;
    case 0x80: case 0x81: case 0x82: case 0x83:
        x86_modrm(d, &o);
        imm = op == 0x81 ? x86_fetch_imm(d, ot)
                         : (uint32_t)(int8_t)x86_fetch8(d);
        if (op == 0x83) {
            ot = x86_ot(d, false);
        }
        x86_gen_alu(d, d->reg, ot, &o, x86_const(d, imm));
        return true;
    case 0x84: case 0x85:
        x86_modrm(d, &o);
        t = x86_new(d);
        ir_and(b, t, x86_ld_opnd(d, ot, &o), x86_ld_reg(d, ot, d->reg));
        x86_set_cc(d, X86_CC_LOGIC, ot, t, IR_NO_TEMP, IR_NO_TEMP);
        return true;
    case 0x86: case 0x87:
        x86_modrm(d, &o);
        v = x86_ld_reg(d, ot, d->reg);
        if (o.mem) {
            t = x86_new(d);
            ir_atomic_xchg(b, t, o.addr, v, (unsigned)ot);
        } else {
            t = x86_ld_reg(d, ot, o.reg);
            x86_st_reg(d, ot, o.reg, v);
        }
        x86_st_reg(d, ot, d->reg, t);
        return true;
    case 0x88: case 0x89:
        x86_modrm(d, &o);
        x86_st_opnd(d, ot, &o, x86_ld_reg(d, ot, d->reg));
        return true;
    case 0x8a: case 0x8b:
        x86_modrm(d, &o);
        x86_st_reg(d, ot, d->reg, x86_ld_opnd(d, ot, &o));
        return true;
    case 0x8c:                                       /* MOV Ev, Sw */
        x86_modrm(d, &o);
        if (d->reg > X86_SEG_GS) {
            return false;
        }
        x86_st_opnd(d, o.mem ? X86_OT_W : x86_ot(d, false), &o,
                    x86_ld_seg(d, d->reg));
        return true;
    case 0x8d:                                       /* LEA */
        ot = x86_ot(d, false);
        d->lea = true;  /* no segment base: LEA yields the offset */
        x86_modrm(d, &o);
        if (!o.mem) {
            return false;
        }
        x86_st_reg(d, ot, d->reg, o.addr);
        return true;
    case 0x8e:                                       /* MOV Sw, Ew */
        x86_modrm(d, &o);
        if (d->reg == X86_SEG_CS || d->reg > X86_SEG_GS) {
            return false;
        }
        x86_gen_load_seg(d, d->reg, x86_ld_opnd(d, X86_OT_W, &o));
        return true;
    case 0x8f:                                       /* POP Ev */
        ot = x86_ot(d, false);
        v = x86_gen_pop_load(d, ot);
        x86_gen_pop_adjust(d, ot);
        x86_modrm(d, &o);
        if (d->reg != 0) {
            return false;
        }
        x86_st_opnd(d, ot, &o, v);
        return true;
    case 0x90:                                       /* NOP, PAUSE */
        return true;
    case 0x9b:                                       /* FWAIT */
        if (d->features & X86_FEAT_FPU) {
            x87_gen_check_pending(d);
        }
        return true;
    case 0xd8: case 0xd9: case 0xda: case 0xdb:      /* x87 */
    case 0xdc: case 0xdd: case 0xde: case 0xdf:
        return x86_gen_x87(d, op);
    case 0x98:
        t = x86_new(d);
        if (d->opsize) {
            ir_ext8s(b, t, X86_T_REG(X86_EAX));
            x86_st_reg(d, X86_OT_W, X86_EAX, t);
        } else {
            ir_ext16s(b, X86_T_REG(X86_EAX), X86_T_REG(X86_EAX));
        }
        return true;
    case 0x99:
        t = x86_new(d);
        if (d->opsize) {
            ir_ext16s(b, t, X86_T_REG(X86_EAX));
            ir_sari(b, t, t, 15);
            x86_st_reg(d, X86_OT_W, X86_EDX, t);
        } else {
            ir_sari(b, X86_T_REG(X86_EDX), X86_T_REG(X86_EAX), 31);
        }
        return true;
    case 0x9c:
        x86_gen_pushf(d, x86_ot(d, false));
        return true;
    case 0x9d:
        x86_gen_popf(d, x86_ot(d, false));
        return true;
    case 0x9e: {                                     /* SAHF */
        IrTemp fl = x86_gen_eflags(d);
        t = x86_new(d);
        ir_andi(b, fl, fl, X86_OF);
        ir_extract(b, t, X86_T_REG(X86_EAX), 8, 8);
        ir_andi(b, t, t, X86_SF | X86_ZF | X86_AF | X86_PF | X86_CF);
        ir_or(b, fl, fl, t);
        x86_set_eflags(d, fl);
        return true;
    }
    case 0x9f: {                                     /* LAHF */
        IrTemp fl = x86_gen_eflags(d);
        ir_andi(b, fl, fl, X86_SF | X86_ZF | X86_AF | X86_PF | X86_CF);
        ir_ori(b, fl, fl, 2);
        x86_st_reg(d, X86_OT_B, 4, fl);
        return true;
    }
    case 0xa0: case 0xa1: case 0xa2: case 0xa3: {   /* MOV moffs */
        uint32_t off = d->addrsize ? x86_fetch16(d) : x86_fetch32(d);
        IrTemp a = x86_seg_addr(d, x86_const(d, off), X86_SEG_DS, true);
        if (op < 0xa2) {
            x86_st_reg(d, ot, X86_EAX, x86_ld_mem(d, ot, a));
        } else {
            x86_st_mem(d, ot, a, x86_ld_reg(d, ot, X86_EAX));
        }
        return true;
    }
    case 0xa4: case 0xa5: case 0xa6: case 0xa7:
    case 0xaa: case 0xab: case 0xac: case 0xad: case 0xae: case 0xaf:
        x86_gen_string(d, (int)op);
        return true;
    case 0xa8: case 0xa9:
        imm = x86_fetch_imm(d, ot);
        t = x86_new(d);
        ir_andi(b, t, x86_ld_reg(d, ot, X86_EAX), imm);
        x86_set_cc(d, X86_CC_LOGIC, ot, t, IR_NO_TEMP, IR_NO_TEMP);
        return true;
    case 0xc0: case 0xc1:
        x86_modrm(d, &o);
        imm = x86_fetch8(d);
        x86_gen_shift(d, d->reg, ot, &o, IR_NO_TEMP, (int)imm);
        return true;
    case 0xd0: case 0xd1:
        x86_modrm(d, &o);
        x86_gen_shift(d, d->reg, ot, &o, IR_NO_TEMP, 1);
        return true;
    case 0xd2: case 0xd3:
        x86_modrm(d, &o);
        x86_gen_shift(d, d->reg, ot, &o, X86_T_REG(X86_ECX), -1);
        return true;
    case 0xc2: case 0xc3:                            /* RET */
        imm = op == 0xc2 ? x86_fetch16(d) : 0;
        ot = x86_ot(d, false);
        v = x86_gen_pop_load(d, ot);
        ir_addi(b, X86_T_REG(X86_ESP), X86_T_REG(X86_ESP),
                (ot == X86_OT_W ? 2 : 4) + imm);
        x86_gen_jmp_indirect(d, v);
        return true;
    case 0xc6: case 0xc7:
        x86_modrm(d, &o);
        if (d->reg != 0) {
            return false;
        }
        x86_st_opnd(d, ot, &o, x86_const(d, x86_fetch_imm(d, ot)));
        return true;
    case 0xc8:
        imm = x86_fetch16(d);
        x86_gen_enter(d, imm, x86_fetch8(d));
        return true;
    case 0xc9:                                       /* LEAVE */
        ot = x86_ot(d, false);
        v = x86_ld_mem(d, ot, X86_T_REG(X86_EBP));
        ir_addi(b, X86_T_REG(X86_ESP), X86_T_REG(X86_EBP),
                ot == X86_OT_W ? 2 : 4);
        x86_st_reg(d, ot, X86_EBP, v);
        return true;
    case 0xcc:
        x86_gen_exception(d, X86_EXCP_BP, d->cur, 3);
        return true;
    case 0xcd:
        imm = x86_fetch8(d);
        if (imm == 0x80) {
            x86_gen_exception(d, X86_EXCP_SYSCALL, d->cur, imm);
        } else if (imm == 3) {
            x86_gen_exception(d, X86_EXCP_BP, d->cur, imm);
        } else if (imm == 4) {
            /* Linux's overflow gate is DPL 3 too: #OF, as INTO. */
            x86_gen_exception(d, X86_EXCP_OF, d->cur, imm);
        } else {
            x86_gen_exception(d, X86_EXCP_GP, d->pc, imm);
        }
        return true;
    case 0xce:                                       /* INTO */
        t = x86_gen_setcc(d, 0);
        x86_gen_raise_if(d, t, X86_EXCP_OF, d->cur);
        return true;
    case 0xd4:                                       /* AAM */
        imm = x86_fetch8(d);
        if (imm == 0) {
            x86_gen_exception(d, X86_EXCP_DE, d->pc, 0);
            return true;
        }
        {
            IrTemp al = x86_ld_reg(d, X86_OT_B, X86_EAX);
            IrTemp q = x86_new(d), rm = x86_new(d);
            ir_divu(b, q, al, x86_const(d, imm));
            ir_remu(b, rm, al, x86_const(d, imm));
            x86_st_reg(d, X86_OT_B, 4, q);
            x86_st_reg(d, X86_OT_B, X86_EAX, rm);
            x86_set_cc(d, X86_CC_LOGIC, X86_OT_B, rm, IR_NO_TEMP,
                       IR_NO_TEMP);
        }
        return true;
    case 0xd5: {                                     /* AAD */
        IrTemp ah = x86_ld_reg(d, X86_OT_B, 4);
        imm = x86_fetch8(d);
        t = x86_new(d);
        ir_muli(b, t, ah, imm);
        ir_add(b, t, t, x86_ld_reg(d, X86_OT_B, X86_EAX));
        ir_ext8u(b, t, t);
        x86_st_reg(d, X86_OT_W, X86_EAX, t);
        x86_set_cc(d, X86_CC_LOGIC, X86_OT_B, t, IR_NO_TEMP, IR_NO_TEMP);
        return true;
    }
    case 0xd6:                                       /* SALC */
        t = x86_gen_cf(d);
        ir_neg(b, t, t);
        x86_st_reg(d, X86_OT_B, X86_EAX, t);
        return true;
    case 0xd7: {                                     /* XLAT */
        IrTemp a = x86_new(d);
        ir_add(b, a, X86_T_REG(X86_EBX), x86_ld_reg(d, X86_OT_B, X86_EAX));
        if (d->addrsize) {
            ir_ext16u(b, a, a);
        }
        a = x86_seg_addr(d, a, X86_SEG_DS, true);
        x86_st_reg(d, X86_OT_B, X86_EAX, x86_ld_mem(d, X86_OT_B, a));
        return true;
    }
    case 0xe0: case 0xe1: case 0xe2: case 0xe3:
        x86_gen_loop(d, op);
        return true;
    case 0xe8:                                       /* CALL rel */
        imm = x86_fetch_imm(d, x86_ot(d, false));
        if (d->opsize) {
            imm = (uint32_t)(int16_t)imm;
        }
        next = d->cur;
        x86_gen_push(d, x86_ot(d, false), x86_const(d, next));
        x86_gen_jmp(d, next + imm);
        return true;
    case 0xe9:
        imm = x86_fetch_imm(d, x86_ot(d, false));
        if (d->opsize) {
            imm = (uint32_t)(int16_t)imm;
        }
        x86_gen_jmp(d, d->cur + imm);
        return true;
    case 0xeb:
        imm = (uint32_t)(int8_t)x86_fetch8(d);
        x86_gen_jmp(d, d->cur + imm);
        return true;
    case 0xf1:                                       /* INT1 */
        x86_gen_exception(d, X86_EXCP_BP, d->cur, 1);
        return true;
    case 0xf5: case 0xf8: case 0xf9: {              /* CMC CLC STC */
        IrTemp fl = x86_gen_eflags(d);
        if (op == 0xf5) {
            ir_xori(b, fl, fl, X86_CF);
        } else if (op == 0xf8) {
            ir_andi(b, fl, fl, ~(uint32_t)X86_CF);
        } else {
            ir_ori(b, fl, fl, X86_CF);
        }
        x86_set_eflags(d, fl);
        return true;
    }
    case 0xf6: case 0xf7:
        x86_modrm(d, &o);
        x86_gen_grp3(d, d->reg, ot, &o);
        return true;
    case 0xfc:
        ir_movi(b, X86_T_DF, 1);
        return true;
    case 0xfd:
        ir_movi(b, X86_T_DF, 0xffffffffu);
        return true;
    case 0xfe:
        x86_modrm(d, &o);
        if (d->reg > 1) {
            return false;
        }
        x86_gen_incdec(d, X86_OT_B, &o, d->reg == 1);
        return true;
    case 0xff:
        return x86_op_grp5(d, x86_ot(d, false));
    default:
        /* The rest: #UD (docs/i386.md). */
        return false;
    }
}

void x86_decode_insn(DisasCtx *d)
{
    uint32_t op;

    for (int n = 0;; n++) {
        if (n == 14) {
            /* An instruction longer than 15 bytes is a #GP. */
            x86_gen_exception(d, X86_EXCP_GP, d->pc, 0);
            return;
        }
        op = x86_fetch8(d);
        switch (op) {
        case 0x26: d->seg = X86_SEG_ES; continue;
        case 0x2e: d->seg = X86_SEG_CS; continue;
        case 0x36: d->seg = X86_SEG_SS; continue;
        case 0x3e: d->seg = X86_SEG_DS; continue;
        case 0x64: d->seg = X86_SEG_FS; continue;
        case 0x65: d->seg = X86_SEG_GS; continue;
        case 0x66: d->opsize = true; continue;
        case 0x67: d->addrsize = true; continue;
        case 0xf0: d->lock = true; continue;
        case 0xf2: d->repne = true; d->rep = false; continue;
        case 0xf3: d->rep = true; d->repne = false; continue;
        default: break;
        }
        break;
    }
    if (op == 0x0f) {
        if (!x86_decode_0f(d)) {
            x86_gen_ud(d);
        }
        return;
    }
    if (!x86_op_1byte(d, op)) {
        x86_gen_ud(d);
    }
}

/* frontend/i386/translate.c — the i386 guest's translator loop hooks and
 * the micro-op building blocks every instruction uses: byte fetch with
 * prefix decoding, ModRM/SIB effective addresses, register and memory
 * operands of 8/16/32 bits, the lazy condition codes (cpu.h, docs/i386.md)
 * and conditions computed from them, the stack and block exits.
 */
#include "translate.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include "helper.h"

void x86_init_globals(IrBlock *b)
{
    static const char *const reg_names[8] = {
        "eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi",
    };
    static const struct {
        int32_t offset;
        const char *name;
    } others[6] = {
        { offsetof(X86State, eip), "eip" },
        { offsetof(X86State, cc_op), "cc_op" },
        { offsetof(X86State, cc_dst), "cc_dst" },
        { offsetof(X86State, cc_src), "cc_src" },
        { offsetof(X86State, cc_src2), "cc_src2" },
        { offsetof(X86State, df), "df" },
    };

    for (int i = 0; i < 8; i++) {
        if (ir_global(b, IR_I32, (int32_t)(offsetof(X86State, regs) + 4 * i),
                      reg_names[i]) != X86_T_REG(i)) {
            abort();
        }
    }
    for (int i = 0; i < 6; i++) {
        if (ir_global(b, IR_I32, others[i].offset, others[i].name) !=
            X86_T_EIP + (IrTemp)i) {
            abort();
        }
    }
}

/* ---- Fetch --------------------------------------------------------------- */

uint32_t x86_fetch8(DisasCtx *d)
{
    uint8_t v;

    if (!translate_fetch(d->tc, d->cur, &v, 1)) {
        longjmp(d->fetch_fail, 1);
    }
    d->cur++;
    return v;
}

uint32_t x86_fetch16(DisasCtx *d)
{
    uint32_t lo = x86_fetch8(d);

    return lo | x86_fetch8(d) << 8;
}

uint32_t x86_fetch32(DisasCtx *d)
{
    uint32_t lo = x86_fetch16(d);

    return lo | x86_fetch16(d) << 16;
}

uint32_t x86_fetch_imm(DisasCtx *d, int ot)
{
    return ot == X86_OT_B ? x86_fetch8(d)
           : ot == X86_OT_W ? x86_fetch16(d) : x86_fetch32(d);
}

int x86_ot(const DisasCtx *d, bool byte)
{
    return byte ? X86_OT_B : d->opsize ? X86_OT_W : X86_OT_L;
}

IrTemp x86_const(DisasCtx *d, uint32_t v)
{
    return ir_const(d->b, IR_I32, v);
}

/* ---- Effective addresses ---------------------------------------------- */

IrTemp x86_seg_addr(DisasCtx *d, IrTemp off, int def, bool override_ok)
{
    int seg = override_ok && d->seg >= 0 ? d->seg : def;
    IrTemp base, a;

    /* User mode: CS is flat, and so are DS, ES and SS unless the block
     * was translated with X86_FEAT_SEGBASE; FS and GS carry the bases
     * set_thread_area / modify_ldt gave them. */
    if (seg == X86_SEG_CS || d->lea ||
        (seg != X86_SEG_FS && seg != X86_SEG_GS &&
         !(d->features & X86_FEAT_SEGBASE))) {
        return off;
    }
    base = ir_temp_new(d->b, IR_I32);
    a = ir_temp_new(d->b, IR_I32);
    ir_ld32u(d->b, base, IR_ENV,
             (int32_t)(offsetof(X86State, seg_base) + 4 * seg));
    ir_add(d->b, a, off, base);
    return a;
}

static IrTemp x86_modrm16(DisasCtx *d, int *def_seg)
{
    static const int8_t base_reg[8] = {
        X86_EBX, X86_EBX, X86_EBP, X86_EBP, X86_ESI, X86_EDI, X86_EBP,
        X86_EBX,
    };
    static const int8_t index_reg[8] = {
        X86_ESI, X86_EDI, X86_ESI, X86_EDI, -1, -1, -1, -1,
    };
    IrBlock *b = d->b;
    IrTemp a = ir_temp_new(b, IR_I32);
    uint32_t disp = 0;
    bool has_base = !(d->mod == 0 && d->rm == 6);

    if (d->mod == 1) {
        disp = (uint32_t)(int8_t)x86_fetch8(d);
    } else if (d->mod == 2 || !has_base) {
        disp = x86_fetch16(d);
    }
    *def_seg = has_base && base_reg[d->rm] == X86_EBP ? X86_SEG_SS
                                                       : X86_SEG_DS;
    if (!has_base) {
        ir_movi(b, a, disp);
        return a;
    }
    ir_addi(b, a, X86_T_REG(base_reg[d->rm]), disp);
    if (index_reg[d->rm] >= 0) {
        ir_add(b, a, a, X86_T_REG(index_reg[d->rm]));
    }
    ir_ext16u(b, a, a);
    return a;
}

void x86_modrm(DisasCtx *d, X86Opnd *o)
{
    IrBlock *b = d->b;
    uint32_t m = x86_fetch8(d);
    int base, index = -1, scale = 0, def_seg = X86_SEG_DS;
    uint32_t disp = 0;
    IrTemp a;

    d->mod = (int)(m >> 6);
    d->reg = (int)(m >> 3) & 7;
    d->rm = (int)m & 7;
    if (d->mod == 3) {
        o->mem = false;
        o->reg = d->rm;
        o->addr = IR_NO_TEMP;
        return;
    }
    o->mem = true;
    o->reg = -1;
    if (d->addrsize) {
        a = x86_modrm16(d, &def_seg);
        o->addr = x86_seg_addr(d, a, def_seg, true);
        return;
    }
    base = d->rm;
    if (base == 4) {
        uint32_t sib = x86_fetch8(d);
        scale = (int)(sib >> 6);
        index = (int)(sib >> 3) & 7;
        if (index == 4) {
            index = -1;
        }
        base = (int)sib & 7;
    }
    if (d->mod == 0 && base == 5) {
        base = -1;
        disp = x86_fetch32(d);
    } else if (d->mod == 1) {
        disp = (uint32_t)(int8_t)x86_fetch8(d);
    } else if (d->mod == 2) {
        disp = x86_fetch32(d);
    }
    if (base == X86_ESP || base == X86_EBP) {
        def_seg = X86_SEG_SS;
    }
    a = ir_temp_new(b, IR_I32);
    if (base < 0 && index < 0) {
        ir_movi(b, a, disp);
    } else {
        if (index >= 0) {
            ir_shli(b, a, X86_T_REG(index), (uint32_t)scale);
            if (base >= 0) {
                ir_add(b, a, a, X86_T_REG(base));
            }
        } else {
            ir_mov(b, a, X86_T_REG(base));
        }
        if (disp) {
            ir_addi(b, a, a, disp);
        }
    }
    o->addr = x86_seg_addr(d, a, def_seg, true);
}

/* ---- Registers and memory ---------------------------------------------- */

IrTemp x86_ld_reg(DisasCtx *d, int ot, int r)
{
    IrTemp t = ir_temp_new(d->b, IR_I32);

    /* A copy even for 32 bits: callers may write the register before
     * their last use of the value (add eax, eax). */
    if (ot == X86_OT_L) {
        ir_mov(d->b, t, X86_T_REG(r));
    } else if (ot == X86_OT_W) {
        ir_ext16u(d->b, t, X86_T_REG(r));
    } else if (r < 4) {
        ir_ext8u(d->b, t, X86_T_REG(r));
    } else {
        ir_extract(d->b, t, X86_T_REG(r - 4), 8, 8);
    }
    return t;
}

void x86_st_reg(DisasCtx *d, int ot, int r, IrTemp v)
{
    if (ot == X86_OT_L) {
        ir_mov(d->b, X86_T_REG(r), v);
    } else if (ot == X86_OT_W) {
        ir_deposit(d->b, X86_T_REG(r), X86_T_REG(r), v, 0, 16);
    } else if (r < 4) {
        ir_deposit(d->b, X86_T_REG(r), X86_T_REG(r), v, 0, 8);
    } else {
        ir_deposit(d->b, X86_T_REG(r - 4), X86_T_REG(r - 4), v, 8, 8);
    }
}

IrTemp x86_ld_mem(DisasCtx *d, int ot, IrTemp addr)
{
    IrTemp t = ir_temp_new(d->b, IR_I32);

    ir_guest_ld(d->b, t, addr, (unsigned)ot);
    return t;
}

void x86_st_mem(DisasCtx *d, int ot, IrTemp addr, IrTemp v)
{
    ir_guest_st(d->b, v, addr, (unsigned)ot);
}

IrTemp x86_ld_opnd(DisasCtx *d, int ot, const X86Opnd *o)
{
    return o->mem ? x86_ld_mem(d, ot, o->addr) : x86_ld_reg(d, ot, o->reg);
}

void x86_st_opnd(DisasCtx *d, int ot, const X86Opnd *o, IrTemp v)
{
    if (o->mem) {
        x86_st_mem(d, ot, o->addr, v);
    } else {
        x86_st_reg(d, ot, o->reg, v);
    }
}

IrTemp x86_zext(DisasCtx *d, int ot, IrTemp v)
{
    IrTemp t;

    if (ot == X86_OT_L) {
        return v;
    }
    t = ir_temp_new(d->b, IR_I32);
    if (ot == X86_OT_W) {
        ir_ext16u(d->b, t, v);
    } else {
        ir_ext8u(d->b, t, v);
    }
    return t;
}

IrTemp x86_sext(DisasCtx *d, int ot, IrTemp v)
{
    IrTemp t;

    if (ot == X86_OT_L) {
        return v;
    }
    t = ir_temp_new(d->b, IR_I32);
    if (ot == X86_OT_W) {
        ir_ext16s(d->b, t, v);
    } else {
        ir_ext8s(d->b, t, v);
    }
    return t;
}

/* ---- Lazy flags ----------------------------------------------------------- */

void x86_set_cc(DisasCtx *d, int kind, int ot, IrTemp dst, IrTemp src,
                IrTemp src2)
{
    IrBlock *b = d->b;
    IrTemp zd = x86_zext(d, ot, dst);
    IrTemp zs = src != IR_NO_TEMP ? x86_zext(d, ot, src) : IR_NO_TEMP;

    /* All operands are computed before any cc global is written: src may
     * have been derived from the previous flags. */
    ir_mov(b, X86_T_CC_DST, zd);
    if (zs != IR_NO_TEMP) {
        ir_mov(b, X86_T_CC_SRC, zs);
    }
    if (src2 != IR_NO_TEMP) {
        ir_mov(b, X86_T_CC_SRC2, src2);
    }
    ir_movi(b, X86_T_CC_OP, (uint32_t)X86_CC_OP(kind, ot));
    d->cc_op = X86_CC_OP(kind, ot);
}

void x86_set_eflags(DisasCtx *d, IrTemp fl)
{
    ir_andi(d->b, X86_T_CC_SRC, fl, X86_CC_MASK);
    ir_movi(d->b, X86_T_CC_OP, X86_CC_EFLAGS);
    d->cc_op = X86_CC_EFLAGS;
}

IrTemp x86_gen_eflags(DisasCtx *d)
{
    IrBlock *b = d->b;
    IrTemp t = ir_temp_new(b, IR_I32);
    IrTemp args[4];

    if (d->cc_op == X86_CC_EFLAGS) {
        ir_andi(b, t, X86_T_CC_SRC, X86_CC_MASK);
        return t;
    }
    args[0] = d->cc_op == X86_CC_DYNAMIC ? X86_T_CC_OP
                                         : x86_const(d, (uint32_t)d->cc_op);
    args[1] = X86_T_CC_DST;
    args[2] = X86_T_CC_SRC;
    args[3] = X86_T_CC_SRC2;
    ir_call(b, &x86_helper_cc_compute_desc, t, 4, args);
    return t;
}

/* src1 of a known SUB: dst + src within the operation's size. */
static IrTemp x86_cc_sub_src1(DisasCtx *d, int ot)
{
    IrTemp t = ir_temp_new(d->b, IR_I32);

    ir_add(d->b, t, X86_T_CC_DST, X86_T_CC_SRC);
    return x86_zext(d, ot, t);
}

/* src1 of a known SBB: dst + src + borrow-in within the size. */
static IrTemp x86_cc_sbb_src1(DisasCtx *d, int ot)
{
    IrTemp t = ir_temp_new(d->b, IR_I32);

    ir_add(d->b, t, X86_T_CC_DST, X86_T_CC_SRC);
    ir_add(d->b, t, t, X86_T_CC_SRC2);
    return x86_zext(d, ot, t);
}

/* t = x < src || (x == src && cc_src2): the carry (borrow) out of an ADC
 * (SBB) whose carry (borrow) in is cc_src2, with x its dst (src1). */
static void x86_cf_with_carry_in(DisasCtx *d, IrTemp t, IrTemp x)
{
    IrBlock *b = d->b;
    IrTemp eq = ir_temp_new(b, IR_I32);

    ir_setcond(b, IR_COND_LTU, t, x, X86_T_CC_SRC);
    ir_setcond(b, IR_COND_EQ, eq, x, X86_T_CC_SRC);
    ir_and(b, eq, eq, X86_T_CC_SRC2);
    ir_or(b, t, t, eq);
}

IrTemp x86_gen_cf(DisasCtx *d)
{
    IrBlock *b = d->b;
    IrTemp t = ir_temp_new(b, IR_I32);
    int kind = d->cc_op / 4, ot = d->cc_op % 4;

    if (d->cc_op == X86_CC_DYNAMIC) {
        IrTemp fl = x86_gen_eflags(d);
        ir_andi(b, t, fl, 1);
        return t;
    }
    if (d->cc_op >= X86_CC_ROT_BASE) {
        ir_andi(b, t, X86_T_CC_SRC2, X86_CF);
        return t;
    }
    switch (kind) {
    case X86_CC_EFLAGS:
    case X86_CC_SAR:
        ir_andi(b, t, X86_T_CC_SRC, 1);
        break;
    case X86_CC_INC:
    case X86_CC_DEC:
        ir_mov(b, t, X86_T_CC_SRC);
        break;
    case X86_CC_ADD:
        ir_setcond(b, IR_COND_LTU, t, X86_T_CC_DST, X86_T_CC_SRC);
        break;
    case X86_CC_ADC:
        /* dst = src1 + src + cin: carry iff dst < src, or dst == src
         * with a carry in */
        x86_cf_with_carry_in(d, t, X86_T_CC_DST);
        break;
    case X86_CC_SUB:
        ir_setcond(b, IR_COND_LTU, t, x86_cc_sub_src1(d, ot), X86_T_CC_SRC);
        break;
    case X86_CC_SBB:
        /* src1 = dst + src + bin: borrow iff src1 < src, or src1 == src
         * with a borrow in */
        x86_cf_with_carry_in(d, t, x86_cc_sbb_src1(d, ot));
        break;
    case X86_CC_LOGIC:
        ir_movi(b, t, 0);
        break;
    case X86_CC_SHL:
        ir_extract(b, t, X86_T_CC_SRC, (8u << ot) - 1, 1);
        break;
    case X86_CC_MUL:
        ir_setcond(b, IR_COND_NE, t, X86_T_CC_SRC, x86_const(d, 0));
        break;
    default: {
        IrTemp fl = x86_gen_eflags(d);
        ir_andi(b, t, fl, 1);
        break;
    }
    }
    return t;
}

static IrCond x86_invert_cond(IrCond c)
{
    switch (c) {
    case IR_COND_EQ: return IR_COND_NE;
    case IR_COND_NE: return IR_COND_EQ;
    case IR_COND_LT: return IR_COND_GE;
    case IR_COND_GE: return IR_COND_LT;
    case IR_COND_LE: return IR_COND_GT;
    case IR_COND_GT: return IR_COND_LE;
    case IR_COND_LTU: return IR_COND_GEU;
    case IR_COND_GEU: return IR_COND_LTU;
    case IR_COND_LEU: return IR_COND_GTU;
    case IR_COND_GTU: return IR_COND_LEU;
    default: return c;
    }
}

/* Condition base 0..7 (O B Z BE S P L LE) from the six flag bits. */
static void x86_cond_from_eflags(DisasCtx *d, int base, X86Cond *c)
{
    IrBlock *b = d->b;
    IrTemp fl = x86_gen_eflags(d);
    IrTemp t = ir_temp_new(b, IR_I32);
    static const uint32_t bits[6] = {
        X86_OF, X86_CF, X86_ZF, X86_CF | X86_ZF, X86_SF, X86_PF,
    };

    if (base < 6) {
        ir_andi(b, t, fl, bits[base]);
    } else {
        /* L: SF != OF; SF (bit 7) moved onto OF (bit 11). */
        ir_shli(b, t, fl, 4);
        ir_xor(b, t, t, fl);
        ir_andi(b, t, t, X86_OF);
        if (base == 7) {
            IrTemp z = ir_temp_new(b, IR_I32);
            ir_andi(b, z, fl, X86_ZF);
            ir_or(b, t, t, z);
        }
    }
    c->cond = IR_COND_NE;
    c->a = t;
    c->b = x86_const(d, 0);
}

/* A condition after ROL/ROR (cc_op = X86_CC_ROT_BASE + op): O and B from
 * src2's bits, Z S P from op's state, which the rotate left in place; the
 * rest through EFLAGS. */
static void x86_gen_cond_rot(DisasCtx *d, int cc, X86Cond *c)
{
    int base = (cc >> 1) & 7;
    int rot = d->cc_op;

    if (base == 2 || base == 4 || base == 5) {
        d->cc_op = rot - X86_CC_ROT_BASE;
        x86_gen_cond(d, cc, c);
        d->cc_op = rot;
        return;
    }
    if (base <= 1) {
        IrTemp t = ir_temp_new(d->b, IR_I32);
        ir_andi(d->b, t, X86_T_CC_SRC2, base == 0 ? X86_OF : X86_CF);
        c->cond = IR_COND_NE;
        c->a = t;
        c->b = x86_const(d, 0);
    } else {
        x86_cond_from_eflags(d, base, c);
    }
    if (cc & 1) {
        c->cond = x86_invert_cond(c->cond);
    }
}

void x86_gen_cond(DisasCtx *d, int cc, X86Cond *c)
{
    if (d->cc_op >= X86_CC_ROT_BASE) {
        x86_gen_cond_rot(d, cc, c);
        return;
    }
    int base = (cc >> 1) & 7;
    int kind = d->cc_op == X86_CC_DYNAMIC ? -1 : d->cc_op / 4;
    int ot = d->cc_op == X86_CC_DYNAMIC ? 0 : d->cc_op % 4;
    IrTemp zero = x86_const(d, 0);

    c->b = zero;
    if (kind == X86_CC_SUB && base != 0 && base != 5) {
        IrTemp s1 = x86_cc_sub_src1(d, ot);
        switch (base) {
        case 1: c->cond = IR_COND_LTU; c->a = s1; c->b = X86_T_CC_SRC; break;
        case 3: c->cond = IR_COND_LEU; c->a = s1; c->b = X86_T_CC_SRC; break;
        case 2: c->cond = IR_COND_EQ; c->a = X86_T_CC_DST; break;
        case 4:
            c->cond = IR_COND_LT;
            c->a = x86_sext(d, ot, X86_T_CC_DST);
            break;
        default:
            c->cond = base == 6 ? IR_COND_LT : IR_COND_LE;
            c->a = x86_sext(d, ot, s1);
            c->b = x86_sext(d, ot, X86_T_CC_SRC);
            break;
        }
    } else if (kind == X86_CC_LOGIC && base != 5) {
        switch (base) {
        case 0: case 1:
            c->cond = IR_COND_NE; c->a = zero;  /* never */
            break;
        case 2: case 3:
            c->cond = IR_COND_EQ; c->a = X86_T_CC_DST;
            break;
        case 4: case 6:
            c->cond = IR_COND_LT; c->a = x86_sext(d, ot, X86_T_CC_DST);
            break;
        default:
            c->cond = IR_COND_LE; c->a = x86_sext(d, ot, X86_T_CC_DST);
            break;
        }
    } else if (kind == X86_CC_SBB && base >= 6) {
        /* L: SF != OF, OF = (src1 ^ src) & (src1 ^ dst): the sign bit of
         * dst ^ OF-word (the multi-word signed compare cmp; sbb; jl) */
        IrBlock *b = d->b;
        IrTemp s1 = x86_cc_sbb_src1(d, ot);
        IrTemp x = ir_temp_new(b, IR_I32), y = ir_temp_new(b, IR_I32);
        ir_xor(b, x, s1, X86_T_CC_SRC);
        ir_xor(b, y, s1, X86_T_CC_DST);
        ir_and(b, x, x, y);
        ir_xor(b, x, x, X86_T_CC_DST);
        ir_extract(b, x, x, (8u << ot) - 1, 1);
        if (base == 7) {
            ir_setcond(b, IR_COND_EQ, y, X86_T_CC_DST, zero);
            ir_or(b, x, x, y);
        }
        c->cond = IR_COND_NE;
        c->a = x;
    } else if ((kind == X86_CC_ADC || kind == X86_CC_SBB) && base == 3) {
        /* BE: CF or ZF */
        IrTemp z = ir_temp_new(d->b, IR_I32);
        IrTemp cf = x86_gen_cf(d);
        ir_setcond(d->b, IR_COND_EQ, z, X86_T_CC_DST, zero);
        ir_or(d->b, z, z, cf);
        c->cond = IR_COND_NE;
        c->a = z;
    } else if (kind == X86_CC_ADD && base == 1) {
        c->cond = IR_COND_LTU;
        c->a = X86_T_CC_DST;
        c->b = X86_T_CC_SRC;
    } else if (kind > X86_CC_EFLAGS && base == 2) {
        c->cond = IR_COND_EQ;
        c->a = X86_T_CC_DST;
    } else if (kind > X86_CC_EFLAGS && base == 4) {
        c->cond = IR_COND_LT;
        c->a = x86_sext(d, ot, X86_T_CC_DST);
    } else if (kind >= 0 && base == 1) {
        c->cond = IR_COND_NE;
        c->a = x86_gen_cf(d);
    } else {
        x86_cond_from_eflags(d, base, c);
    }
    if (cc & 1) {
        c->cond = x86_invert_cond(c->cond);
    }
}

IrTemp x86_gen_setcc(DisasCtx *d, int cc)
{
    X86Cond c;
    IrTemp t = ir_temp_new(d->b, IR_I32);

    x86_gen_cond(d, cc, &c);
    ir_setcond(d->b, c.cond, t, c.a, c.b);
    return t;
}

/* ---- Stack and control flow --------------------------------------------- */

void x86_gen_push(DisasCtx *d, int ot, IrTemp v)
{
    IrTemp sp = ir_temp_new(d->b, IR_I32);

    ir_subi(d->b, sp, X86_T_REG(X86_ESP), ot == X86_OT_W ? 2 : 4);
    x86_st_mem(d, ot, sp, v);
    ir_mov(d->b, X86_T_REG(X86_ESP), sp);
}

IrTemp x86_gen_pop_load(DisasCtx *d, int ot)
{
    return x86_ld_mem(d, ot, X86_T_REG(X86_ESP));
}

void x86_gen_pop_adjust(DisasCtx *d, int ot)
{
    ir_addi(d->b, X86_T_REG(X86_ESP), X86_T_REG(X86_ESP),
            ot == X86_OT_W ? 2 : 4);
}

void x86_gen_jmp(DisasCtx *d, uint32_t dest)
{
    if (d->opsize) {
        dest &= 0xffff;
    }
    translate_goto(d->tc, 0, X86_T_EIP, dest);
    d->done = true;
}

void x86_gen_jmp_indirect(DisasCtx *d, IrTemp v)
{
    if (d->opsize) {
        ir_ext16u(d->b, X86_T_EIP, v);
    } else {
        ir_mov(d->b, X86_T_EIP, v);
    }
    ir_exit_lookup(d->b);
    d->done = true;
}

void x86_gen_jcc(DisasCtx *d, int cc, uint32_t taken, uint32_t next)
{
    X86Cond c;
    uint32_t label = ir_new_label(d->b);

    if (d->opsize) {
        taken &= 0xffff;
    }
    x86_gen_cond(d, cc, &c);
    ir_brcond(d->b, c.cond, c.a, c.b, label);
    translate_goto(d->tc, 1, X86_T_EIP, next);
    ir_set_label(d->b, label);
    translate_goto(d->tc, 0, X86_T_EIP, taken);
    d->done = true;
}

void x86_gen_exception(DisasCtx *d, int excp, uint32_t new_eip,
                       uint32_t info)
{
    IrBlock *b = d->b;
    IrTemp args[5] = {
        IR_ENV,
        x86_const(d, (uint32_t)excp),
        x86_const(d, new_eip),
        x86_const(d, d->pc),
        x86_const(d, info),
    };

    ir_call(b, &x86_helper_raise_desc, IR_NO_TEMP, 5, args);
    /* Never reached; keeps the block well formed. */
    ir_exit_tb(b, (uint64_t)(uintptr_t)d->tc->tb | TB_EXIT_NOCHAIN);
    d->done = true;
}

void x86_gen_ud(DisasCtx *d)
{
    x86_gen_exception(d, X86_EXCP_UD, d->pc, 0);
}

/* ---- Translator loop hooks ---------------------------------------------- */

void x86_tb_start(TransCtx *tc)
{
    DisasCtx *d = tc->guest;

    d->tc = tc;
    d->b = tc->ir;
    d->features = tc->flags;
    d->cc_op = X86_CC_DYNAMIC;
}

void x86_translate_insn(TransCtx *tc)
{
    DisasCtx *d = tc->guest;

    d->pc = (uint32_t)tc->pc_next;
    d->cur = d->pc;
    d->seg = -1;
    d->opsize = d->addrsize = d->lock = d->rep = d->repne = false;
    d->done = d->end_block = d->lea = false;
    if (setjmp(d->fetch_fail)) {
        /* translate_fetch failed: the core drops what this instruction
         * emitted and ends the block before it. */
        return;
    }
    ir_insn_start(d->b, d->pc, 0);
    x86_decode_insn(d);
    tc->pc_next = d->cur;
    if (d->end_block && !d->done) {
        /* The block key (X86_FEAT_SEGBASE) may have changed: no chaining,
         * the next block is looked up. */
        ir_movi(d->b, X86_T_EIP, d->cur);
        ir_exit_lookup(d->b);
        d->done = true;
    }
    if (d->done) {
        tc->stop = true;
    }
}

void x86_tb_end(TransCtx *tc)
{
    translate_goto(tc, 0, X86_T_EIP, tc->pc_next);
}

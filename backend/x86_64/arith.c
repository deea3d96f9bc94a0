/* backend/x86_64/arith.c — x86-64 lowering of the value micro-ops:
 * moves, ALU, shifts, multiply/divide (with the IR's defined results for
 * division by zero and overflow), bit fields, extensions, byte swaps, bit
 * counts, setcond/movcond, and host memory LD/ST relative to a pointer.
 */
#include "x86_64_int.h"

#define X86_ALL X86_ALLOCATABLE

static IrTemp x86_arg(const IrOp *op, unsigned k)
{
    return (IrTemp)op->args[k];
}

static bool x86_is_const(X86Gen *g, IrTemp t, uint64_t *v)
{
    return ra_const_val(&g->ra, t, v);
}

/* t as an immediate usable by an instruction of width w (imm32,
 * sign-extended for 64-bit operations). */
static bool x86_imm(X86Gen *g, IrTemp t, bool w, int32_t *imm)
{
    uint64_t v;
    if (!x86_is_const(g, t, &v)) {
        return false;
    }
    if (!w) {
        *imm = (int32_t)(uint32_t)v;
        return true;
    }
    if ((int64_t)v != (int32_t)v) {
        return false;
    }
    *imm = (int32_t)v;
    return true;
}

/* Register mask the output may reuse: reg, when args[k] dies here or is
 * a constant materialised into a scratch register. */
static uint32_t x86_alias(X86Gen *g, const IrOp *op, unsigned k, int reg)
{
    uint64_t v;
    if (reg == X86_ENV_REG) {
        return 0;
    }
    if (ra_arg_dies(&g->ra, k) || x86_is_const(g, x86_arg(op, k), &v)) {
        return x86_bit(reg);
    }
    return 0;
}

static bool x86_w(const IrOp *op)
{
    return op->type == IR_I64;
}

static unsigned x86_width(const IrOp *op)
{
    return op->type == IR_I64 ? 64 : 32;
}

/* ---- Moves and ALU ---------------------------------------------------- */

/* MOV into a global, when a sync comes before any branch, of a constant
 * or of a temp that stays live: store straight into the CPU state (no
 * second register, and the store was due anyway). Otherwise the global
 * gets its own register: it may stay there, dirty, across labels, and a
 * later write may make the store unnecessary. True when done. */
static bool x86_gen_mov_global(X86Gen *g, const IrOp *op)
{
    bool w = x86_w(op);
    IrTemp d = x86_arg(op, 0), s = x86_arg(op, 1);
    const IrTempInfo *di = &g->b->temps[d];
    int32_t imm;
    uint64_t v;

    if (di->kind != IR_TEMP_GLOBAL) {
        return false;
    }
    if (!ra_sync_ahead(&g->ra)) {
        return false;       /* keep it in a register across the branch */
    }
    if (x86_is_const(g, s, &v)) {
        if (!x86_imm(g, s, w, &imm)) {
            return false;
        }
        ra_out_mem(&g->ra, d);
        x86_rm(&g->a, 0xc7 | (w ? X86_W : 0), 0, X86_ENV_REG, -1,
               di->offset);
        x86_u32(&g->a, (uint32_t)imm);
        return true;
    }
    if (ra_arg_dies(&g->ra, 1)) {
        return false;       /* the register simply changes owner */
    }
    int rs = ra_in(&g->ra, s, X86_ALL);
    ra_out_mem(&g->ra, d);
    x86_st(&g->a, w, rs, X86_ENV_REG, di->offset);
    return true;
}

static void x86_gen_mov(X86Gen *g, const IrOp *op)
{
    bool w = x86_w(op);
    uint64_t v;
    if (x86_gen_mov_global(g, op)) {
        return;
    }
    if (x86_is_const(g, x86_arg(op, 1), &v)) {
        int rd = ra_out(&g->ra, x86_arg(op, 0), X86_ALL, 0);
        x86_movi(&g->a, w, rd, v);
        return;
    }
    int rs = ra_in(&g->ra, x86_arg(op, 1), X86_ALL);
    int rd = ra_out(&g->ra, x86_arg(op, 0), X86_ALL,
                    x86_alias(g, op, 1, rs));
    if (rd != rs) {
        x86_mov_rr(&g->a, w, rd, rs);
    }
}

/* d = x op y for ADD, SUB, AND, OR, XOR and MUL (aluop < 0). */
static void x86_gen_binop(X86Gen *g, const IrOp *op, int aluop,
                          bool commutative)
{
    bool w = x86_w(op);
    unsigned kx = 1, ky = 2;
    uint64_t v;
    int32_t imm;
    X86Asm *a = &g->a;

    if (commutative && x86_is_const(g, x86_arg(op, 1), &v) &&
        !x86_is_const(g, x86_arg(op, 2), &v)) {
        kx = 2;
        ky = 1;
    }
    IrTemp x = x86_arg(op, kx), y = x86_arg(op, ky);
    if (aluop == X86_ALU_SUB && x86_imm(g, y, w, &imm) && imm != INT32_MIN) {
        aluop = X86_ALU_ADD;
        imm = -imm;
        int rx = ra_in(&g->ra, x, X86_ALL);
        int rd = ra_out(&g->ra, x86_arg(op, 0), X86_ALL,
                        x86_alias(g, op, kx, rx));
        if (rd == rx) {
            if (imm) {
                x86_alu_ri(a, w, X86_ALU_ADD, rd, imm);
            } else if (!w) {
                x86_mov_rr(a, false, rd, rd);
            }
        } else {
            x86_lea(a, w, rd, rx, -1, imm);
        }
        return;
    }
    if (x86_imm(g, y, w, &imm)) {
        int rx = ra_in(&g->ra, x, X86_ALL);
        int rd = ra_out(&g->ra, x86_arg(op, 0), X86_ALL,
                        x86_alias(g, op, kx, rx));
        if (aluop < 0) {
            if (imm >= -128 && imm <= 127) {
                x86_rr(a, 0x6b | (w ? X86_W : 0), rd, rx);
                x86_byte(a, (uint8_t)imm);
            } else {
                x86_rr(a, 0x69 | (w ? X86_W : 0), rd, rx);
                x86_u32(a, (uint32_t)imm);
            }
        } else if (aluop == X86_ALU_ADD && rd != rx) {
            x86_lea(a, w, rd, rx, -1, imm);
        } else {
            if (rd != rx) {
                x86_mov_rr(a, w, rd, rx);
            }
            x86_alu_ri(a, w, aluop, rd, imm);
        }
        return;
    }
    int rx = ra_in(&g->ra, x, X86_ALL);
    int ry = ra_in(&g->ra, y, X86_ALL);
    uint32_t alias = x86_alias(g, op, kx, rx);
    if (commutative) {
        alias |= x86_alias(g, op, ky, ry);
    }
    int rd = ra_out(&g->ra, x86_arg(op, 0), X86_ALL, alias);
    if (rd == ry && rd != rx) {
        /* Only reached for commutative ops. */
        ry = rx;
    } else if (rd != rx) {
        if (aluop == X86_ALU_ADD) {
            x86_lea(a, w, rd, rx, ry, 0);
            return;
        }
        x86_mov_rr(a, w, rd, rx);
    }
    if (aluop < 0) {
        x86_rr(a, 0xaf | X86_0F | (w ? X86_W : 0), rd, ry);
    } else {
        x86_alu_rr(a, w, aluop, rd, ry);
    }
}

/* NEG (F7 /3) and NOT (F7 /2). */
static void x86_gen_unary(X86Gen *g, const IrOp *op, int sub)
{
    bool w = x86_w(op);
    int rx = ra_in(&g->ra, x86_arg(op, 1), X86_ALL);
    int rd = ra_out(&g->ra, x86_arg(op, 0), X86_ALL,
                    x86_alias(g, op, 1, rx));
    if (rd != rx) {
        x86_mov_rr(&g->a, w, rd, rx);
    }
    x86_rr(&g->a, 0xf7 | (w ? X86_W : 0), sub, rd);
}

/* ANDC (x & ~y) and ORC (x | ~y). */
static void x86_gen_andc_orc(X86Gen *g, const IrOp *op, int aluop)
{
    bool w = x86_w(op);
    uint64_t v;
    X86Asm *a = &g->a;
    if (x86_is_const(g, x86_arg(op, 2), &v)) {
        uint64_t nv = w ? ~v : (uint32_t)~v;
        if (!w || (int64_t)nv == (int32_t)nv) {
            int rx = ra_in(&g->ra, x86_arg(op, 1), X86_ALL);
            int rd = ra_out(&g->ra, x86_arg(op, 0), X86_ALL,
                            x86_alias(g, op, 1, rx));
            if (rd != rx) {
                x86_mov_rr(a, w, rd, rx);
            }
            x86_alu_ri(a, w, aluop, rd, (int32_t)nv);
            return;
        }
    }
    int s = ra_in_copy(&g->ra, x86_arg(op, 2), X86_ALL);
    int rx = ra_in(&g->ra, x86_arg(op, 1), X86_ALL);
    x86_rr(a, 0xf7 | (w ? X86_W : 0), 2, s);            /* not s */
    int rd = ra_out(&g->ra, x86_arg(op, 0), X86_ALL,
                    x86_alias(g, op, 1, rx) | x86_bit(s));
    if (rd == s) {
        x86_alu_rr(a, w, aluop, rd, rx);
    } else {
        if (rd != rx) {
            x86_mov_rr(a, w, rd, rx);
        }
        x86_alu_rr(a, w, aluop, rd, s);
    }
}

/* Shifts and rotates: the hardware masks the count to the operand width,
 * which is the IR's modulo rule. */
static void x86_gen_shift(X86Gen *g, const IrOp *op, int sub)
{
    bool w = x86_w(op);
    uint64_t v;
    X86Asm *a = &g->a;
    if (x86_is_const(g, x86_arg(op, 2), &v)) {
        int rx = ra_in(&g->ra, x86_arg(op, 1), X86_ALL);
        int rd = ra_out(&g->ra, x86_arg(op, 0), X86_ALL,
                        x86_alias(g, op, 1, rx));
        /* An i32 input is already zero-extended, so a count of 0 (which
         * leaves the register alone) needs no extra move either. */
        if (rd != rx) {
            x86_mov_rr(a, w, rd, rx);
        }
        x86_shift_ri(a, w, sub, rd, (unsigned)v);
        return;
    }
    uint32_t mask = X86_ALL & ~x86_bit(X86_RCX);
    ra_in_copy(&g->ra, x86_arg(op, 2), x86_bit(X86_RCX));
    int rx = ra_in(&g->ra, x86_arg(op, 1), mask);
    int rd = ra_out(&g->ra, x86_arg(op, 0), mask, x86_alias(g, op, 1, rx));
    if (rd != rx) {
        x86_mov_rr(a, w, rd, rx);
    }
    x86_shift_cl(a, w, sub, rd);
}

/* DIVS/DIVU/REMS/REMU with the IR's results for y == 0 and MIN / -1. */
static void x86_gen_div(X86Gen *g, const IrOp *op, bool sign, bool rem)
{
    bool w = x86_w(op);
    X86Asm *a = &g->a;
    uint32_t fixed = x86_bit(X86_RAX) | x86_bit(X86_RDX);

    ra_in_copy(&g->ra, x86_arg(op, 1), x86_bit(X86_RAX));
    ra_clobber(&g->ra, x86_bit(X86_RDX));
    int ry = ra_in(&g->ra, x86_arg(op, 2), X86_ALL & ~fixed);
    int out = rem ? X86_RDX : X86_RAX;
    ra_out(&g->ra, x86_arg(op, 0), x86_bit(out), x86_bit(out));

    x86_rr(a, 0x85 | (w ? X86_W : 0), ry, ry);          /* test y, y */
    size_t to_zero = x86_jcc8(a, X86_CC_E);
    size_t done1 = 0, done2;
    bool have_done1 = false;
    if (sign) {
        x86_alu_ri(a, w, X86_ALU_CMP, ry, -1);
        size_t normal = x86_jcc8(a, X86_CC_NE);
        if (rem) {
            x86_rr(a, 0x33, X86_RDX, X86_RDX);          /* x % -1 = 0 */
        } else {
            x86_rr(a, 0xf7 | (w ? X86_W : 0), 3, X86_RAX);  /* -x */
        }
        done1 = x86_jmp8(a);
        have_done1 = true;
        x86_land8(a, normal);
        if (w) {
            x86_byte(a, 0x48);                          /* cqo */
        }
        x86_byte(a, 0x99);                              /* cdq */
        x86_rr(a, 0xf7 | (w ? X86_W : 0), 7, ry);       /* idiv */
    } else {
        x86_rr(a, 0x33, X86_RDX, X86_RDX);
        x86_rr(a, 0xf7 | (w ? X86_W : 0), 6, ry);       /* div */
    }
    done2 = x86_jmp8(a);
    x86_land8(a, to_zero);
    if (rem) {
        x86_mov_rr(a, w, X86_RDX, X86_RAX);             /* x % 0 = x */
    } else {
        x86_rr(a, 0x33, X86_RAX, X86_RAX);              /* x / 0 = 0 */
    }
    if (have_done1) {
        x86_land8(a, done1);
    }
    x86_land8(a, done2);
}

static void x86_gen_mul2(X86Gen *g, const IrOp *op, bool sign)
{
    bool w = x86_w(op);
    uint32_t fixed = x86_bit(X86_RAX) | x86_bit(X86_RDX);
    ra_in_copy(&g->ra, x86_arg(op, 2), x86_bit(X86_RAX));
    ra_clobber(&g->ra, x86_bit(X86_RDX));
    int ry = ra_in(&g->ra, x86_arg(op, 3), X86_ALL & ~fixed);
    x86_rr(&g->a, 0xf7 | (w ? X86_W : 0), sign ? 5 : 4, ry);
    ra_out(&g->ra, x86_arg(op, 0), x86_bit(X86_RAX), x86_bit(X86_RAX));
    ra_out(&g->ra, x86_arg(op, 1), x86_bit(X86_RDX), x86_bit(X86_RDX));
}

/* ADD2/SUB2: (rl, rh) = (al, ah) +- (bl, bh) with carry between halves. */
static void x86_gen_addsub2(X86Gen *g, const IrOp *op, bool sub)
{
    bool w = x86_w(op);
    X86Asm *a = &g->a;
    int32_t iml = 0, imh = 0;
    int sl = ra_in_copy(&g->ra, x86_arg(op, 2), X86_ALL);
    int sh = ra_in_copy(&g->ra, x86_arg(op, 3), X86_ALL);
    bool cl = x86_imm(g, x86_arg(op, 4), w, &iml);
    bool ch = x86_imm(g, x86_arg(op, 5), w, &imh);
    int bl = cl ? -1 : ra_in(&g->ra, x86_arg(op, 4), X86_ALL);
    int bh = ch ? -1 : ra_in(&g->ra, x86_arg(op, 5), X86_ALL);
    int lo_op = sub ? X86_ALU_SUB : X86_ALU_ADD;
    int hi_op = sub ? X86_ALU_SBB : X86_ALU_ADC;
    if (cl) {
        /* Always the imm32 form: the carry must come from this op. */
        x86_rr(a, 0x81 | (w ? X86_W : 0), lo_op, sl);
        x86_u32(a, (uint32_t)iml);
    } else {
        x86_alu_rr(a, w, lo_op, sl, bl);
    }
    if (ch) {
        x86_alu_ri(a, w, hi_op, sh, imh);
    } else {
        x86_alu_rr(a, w, hi_op, sh, bh);
    }
    ra_out(&g->ra, x86_arg(op, 0), x86_bit(sl), x86_bit(sl));
    ra_out(&g->ra, x86_arg(op, 1), x86_bit(sh), x86_bit(sh));
}

/* ---- Bit fields, extensions, swaps, counts ---------------------------- */

static void x86_gen_extract(X86Gen *g, const IrOp *op, bool sign)
{
    bool w = x86_w(op);
    unsigned width = x86_width(op);
    unsigned pos = (unsigned)op->args[2], len = (unsigned)op->args[3];
    X86Asm *a = &g->a;
    int rx = ra_in(&g->ra, x86_arg(op, 1), X86_ALL);
    int rd = ra_out(&g->ra, x86_arg(op, 0), X86_ALL, x86_alias(g, op, 1, rx));
    if (pos == 0 && (len == 8 || len == 16 || (len == 32 && w))) {
        x86_ext(a, w, len == 8 ? 0 : len == 16 ? 1 : 2, sign, rd, rx);
        return;
    }
    if (rd != rx) {
        x86_mov_rr(a, w, rd, rx);
    }
    if (pos + len > width || len == 0) {
        return;                 /* invalid per the IR; leave x */
    }
    if (!sign && len < 32) {
        /* Unsigned fields that fit an imm32 mask: shift, then and. */
        x86_shift_ri(a, w, X86_SH_SHR, rd, pos);
        if (pos + len < width) {
            x86_alu_ri(a, w, X86_ALU_AND, rd, (int32_t)((1u << len) - 1));
        }
        return;
    }
    x86_shift_ri(a, w, X86_SH_SHL, rd, width - pos - len);
    x86_shift_ri(a, w, sign ? X86_SH_SAR : X86_SH_SHR, rd, width - len);
}

static void x86_gen_deposit(X86Gen *g, const IrOp *op)
{
    bool w = x86_w(op);
    unsigned width = x86_width(op);
    unsigned pos = (unsigned)op->args[3], len = (unsigned)op->args[4];
    X86Asm *a = &g->a;
    if (len == 0 || pos + len > width) {
        x86_gen_mov(g, op);     /* invalid per the IR; d = a */
        return;
    }
    uint64_t field = (len == 64 ? ~0ull : ((1ull << len) - 1)) << pos;
    uint64_t keep = ~field;
    if (!w) {
        keep = (uint32_t)keep;
    }
    int s = ra_in_copy(&g->ra, x86_arg(op, 2), X86_ALL);
    x86_shift_ri(a, w, X86_SH_SHL, s, width - len);
    x86_shift_ri(a, w, X86_SH_SHR, s, width - len - pos);
    if (len == width) {
        ra_out(&g->ra, x86_arg(op, 0), x86_bit(s), x86_bit(s));
        if (!w) {
            x86_mov_rr(a, false, s, s);
        }
        return;
    }
    int rx = ra_in(&g->ra, x86_arg(op, 1), X86_ALL);
    if (!w || (int64_t)keep == (int32_t)keep) {
        int rd = ra_out(&g->ra, x86_arg(op, 0), X86_ALL,
                        x86_alias(g, op, 1, rx));
        if (rd != rx) {
            x86_mov_rr(a, w, rd, rx);
        }
        x86_alu_ri(a, w, X86_ALU_AND, rd, (int32_t)keep);
        x86_alu_rr(a, w, X86_ALU_OR, rd, s);
        return;
    }
    int m = ra_scratch(&g->ra, X86_ALL);
    x86_movi(a, true, m, keep);
    int rd = ra_out(&g->ra, x86_arg(op, 0), X86_ALL,
                    x86_alias(g, op, 1, rx) | x86_bit(m));
    if (rd == m) {
        x86_alu_rr(a, true, X86_ALU_AND, rd, rx);
    } else {
        if (rd != rx) {
            x86_mov_rr(a, true, rd, rx);
        }
        x86_alu_rr(a, true, X86_ALU_AND, rd, m);
    }
    x86_alu_rr(a, true, X86_ALU_OR, rd, s);
}

/* Extensions and width changes; size: log2 bytes of the source part. */
static void x86_gen_ext(X86Gen *g, const IrOp *op, unsigned size, bool sign)
{
    bool w = x86_w(op);
    int rx = ra_in(&g->ra, x86_arg(op, 1), X86_ALL);
    int rd = ra_out(&g->ra, x86_arg(op, 0), X86_ALL, x86_alias(g, op, 1, rx));
    x86_ext(&g->a, w, size, sign, rd, rx);
}

static void x86_gen_extrh(X86Gen *g, const IrOp *op)
{
    int rx = ra_in(&g->ra, x86_arg(op, 1), X86_ALL);
    int rd = ra_out(&g->ra, x86_arg(op, 0), X86_ALL, x86_alias(g, op, 1, rx));
    if (rd != rx) {
        x86_mov_rr(&g->a, true, rd, rx);
    }
    x86_shift_ri(&g->a, true, X86_SH_SHR, rd, 32);
}

static void x86_gen_bswap(X86Gen *g, const IrOp *op, unsigned size)
{
    X86Asm *a = &g->a;
    int rx = ra_in(&g->ra, x86_arg(op, 1), X86_ALL);
    int rd = ra_out(&g->ra, x86_arg(op, 0), X86_ALL, x86_alias(g, op, 1, rx));
    if (size == 3) {
        if (rd != rx) {
            x86_mov_rr(a, true, rd, rx);
        }
        x86_bswap(a, true, rd);
        return;
    }
    x86_mov_rr(a, false, rd, rx);
    x86_bswap(a, false, rd);
    if (size == 1) {
        x86_shift_ri(a, false, X86_SH_SHR, rd, 16);
    }
}

/* CLZ/CTZ; zero gives the width. */
static void x86_gen_clz_ctz(X86Gen *g, const IrOp *op, bool clz)
{
    bool w = x86_w(op);
    unsigned width = x86_width(op);
    X86Asm *a = &g->a;
    uint32_t wf = w ? X86_W : 0;
    bool native = clz ? (g->features & X86_FEAT_LZCNT)
                      : (g->features & X86_FEAT_BMI1);
    int rx = ra_in(&g->ra, x86_arg(op, 1), X86_ALL);
    if (native) {
        int rd = ra_out(&g->ra, x86_arg(op, 0), X86_ALL,
                        x86_alias(g, op, 1, rx));
        x86_rr(a, (clz ? 0xbd : 0xbc) | X86_0F | X86_PF3 | wf, rd, rx);
        return;
    }
    int s = ra_scratch(&g->ra, X86_ALL);
    int rd = ra_out(&g->ra, x86_arg(op, 0), X86_ALL, x86_alias(g, op, 1, rx));
    /* bsr gives the index of the top set bit: clz = (width-1) ^ index;
     * for zero, load the value that xor turns into width. */
    x86_movi_keepflags(a, false, s, clz ? 2 * width - 1 : width);
    x86_rr(a, (clz ? 0xbd : 0xbc) | X86_0F | wf, rd, rx);
    x86_cmov(a, w, X86_CC_E, rd, s);
    if (clz) {
        x86_alu_ri(a, w, X86_ALU_XOR, rd, (int32_t)(width - 1));
    } else if (!w) {
        x86_mov_rr(a, false, rd, rd);
    }
}

static void x86_gen_popcnt(X86Gen *g, const IrOp *op)
{
    bool w = x86_w(op);
    unsigned width = x86_width(op);
    X86Asm *a = &g->a;
    int rx = ra_in(&g->ra, x86_arg(op, 1), X86_ALL);
    if (g->features & X86_FEAT_POPCNT) {
        int rd = ra_out(&g->ra, x86_arg(op, 0), X86_ALL,
                        x86_alias(g, op, 1, rx));
        x86_rr(a, 0xb8 | X86_0F | X86_PF3 | (w ? X86_W : 0), rd, rx);
        return;
    }
    /* SWAR population count (Hacker's Delight 5-1). */
    int s = ra_scratch(&g->ra, X86_ALL);
    int m = ra_scratch(&g->ra, X86_ALL);
    int rd = ra_out(&g->ra, x86_arg(op, 0), X86_ALL, x86_alias(g, op, 1, rx));
    uint64_t k1 = 0x5555555555555555ull, k2 = 0x3333333333333333ull;
    uint64_t k4 = 0x0f0f0f0f0f0f0f0full, k8 = 0x0101010101010101ull;
    if (rd != rx || !w) {
        x86_mov_rr(a, w, rd, rx);
    }
    x86_mov_rr(a, w, s, rd);
    x86_shift_ri(a, w, X86_SH_SHR, s, 1);
    x86_movi(a, w, m, k1);
    x86_alu_rr(a, w, X86_ALU_AND, s, m);
    x86_alu_rr(a, w, X86_ALU_SUB, rd, s);
    x86_mov_rr(a, w, s, rd);
    x86_shift_ri(a, w, X86_SH_SHR, s, 2);
    x86_movi(a, w, m, k2);
    x86_alu_rr(a, w, X86_ALU_AND, s, m);
    x86_alu_rr(a, w, X86_ALU_AND, rd, m);
    x86_alu_rr(a, w, X86_ALU_ADD, rd, s);
    x86_mov_rr(a, w, s, rd);
    x86_shift_ri(a, w, X86_SH_SHR, s, 4);
    x86_alu_rr(a, w, X86_ALU_ADD, rd, s);
    x86_movi(a, w, m, k4);
    x86_alu_rr(a, w, X86_ALU_AND, rd, m);
    x86_movi(a, w, m, k8);
    x86_rr(a, 0xaf | X86_0F | (w ? X86_W : 0), rd, m);
    x86_shift_ri(a, w, X86_SH_SHR, rd, width - 8);
}

/* ---- Conditions --------------------------------------------------------- */

static int x86_cc_of(IrCond c)
{
    switch (c) {
    case IR_COND_EQ:  return X86_CC_E;
    case IR_COND_NE:  return X86_CC_NE;
    case IR_COND_LT:  return X86_CC_L;
    case IR_COND_GE:  return X86_CC_GE;
    case IR_COND_LE:  return X86_CC_LE;
    case IR_COND_GT:  return X86_CC_G;
    case IR_COND_LTU: return X86_CC_B;
    case IR_COND_GEU: return X86_CC_AE;
    case IR_COND_LEU: return X86_CC_BE;
    case IR_COND_GTU: return X86_CC_A;
    default:          return X86_CC_E;
    }
}

static IrCond x86_cond_swap(IrCond c)
{
    switch (c) {
    case IR_COND_LT:  return IR_COND_GT;
    case IR_COND_GT:  return IR_COND_LT;
    case IR_COND_GE:  return IR_COND_LE;
    case IR_COND_LE:  return IR_COND_GE;
    case IR_COND_LTU: return IR_COND_GTU;
    case IR_COND_GTU: return IR_COND_LTU;
    case IR_COND_GEU: return IR_COND_LEU;
    case IR_COND_LEU: return IR_COND_GEU;
    default:          return c;
    }
}

void x86_64_load_cmp(X86Gen *g, const IrOp *op, unsigned ka, unsigned kb,
                     IrCond cond, X86Cmp *c)
{
    uint64_t v;
    c->ka = op->nout + ka;
    c->kb = op->nout + kb;
    c->w = op->type == IR_I64;
    if (x86_is_const(g, x86_arg(op, c->ka), &v) &&
        !x86_is_const(g, x86_arg(op, c->kb), &v)) {
        unsigned k = c->ka;
        c->ka = c->kb;
        c->kb = k;
        cond = x86_cond_swap(cond);
    }
    IrTemp ta = x86_arg(op, c->ka), tb = x86_arg(op, c->kb);
    c->cc = x86_cc_of(cond);
    c->ra = ra_in(&g->ra, ta, X86_ALL);
    if (x86_imm(g, tb, c->w, &c->imm)) {
        c->rb = -1;
    } else {
        c->rb = ra_in(&g->ra, tb, X86_ALL);
    }
}

void x86_64_emit_cmp(X86Gen *g, const X86Cmp *c)
{
    if (c->rb >= 0) {
        x86_alu_rr(&g->a, c->w, X86_ALU_CMP, c->ra, c->rb);
    } else if (c->imm == 0) {
        x86_rr(&g->a, 0x85 | (c->w ? X86_W : 0), c->ra, c->ra);
    } else {
        x86_alu_ri(&g->a, c->w, X86_ALU_CMP, c->ra, c->imm);
    }
}

static void x86_gen_setcond(X86Gen *g, const IrOp *op)
{
    IrCond cond = (IrCond)op->args[3];
    if (cond == IR_COND_NEVER || cond == IR_COND_ALWAYS) {
        int rd = ra_out(&g->ra, x86_arg(op, 0), X86_ALL, 0);
        x86_movi(&g->a, false, rd, cond == IR_COND_ALWAYS);
        return;
    }
    X86Cmp c;
    x86_64_load_cmp(g, op, 0, 1, cond, &c);
    uint32_t alias = x86_alias(g, op, c.ka, c.ra);
    if (c.rb >= 0) {
        alias |= x86_alias(g, op, c.kb, c.rb);
    }
    int rd = ra_out(&g->ra, x86_arg(op, 0), X86_ALL, alias);
    x86_64_emit_cmp(g, &c);
    x86_setcc(&g->a, c.cc, rd);
    x86_ext(&g->a, false, 0, false, rd, rd);
}

static void x86_gen_movcond(X86Gen *g, const IrOp *op)
{
    bool w = x86_w(op);
    IrCond cond = (IrCond)op->args[5];
    if (cond == IR_COND_NEVER || cond == IR_COND_ALWAYS) {
        unsigned k = cond == IR_COND_ALWAYS ? 3 : 4;
        uint64_t v;
        if (x86_is_const(g, x86_arg(op, k), &v)) {
            int rd = ra_out(&g->ra, x86_arg(op, 0), X86_ALL, 0);
            x86_movi(&g->a, w, rd, v);
            return;
        }
        int rs = ra_in(&g->ra, x86_arg(op, k), X86_ALL);
        int rd = ra_out(&g->ra, x86_arg(op, 0), X86_ALL,
                        x86_alias(g, op, k, rs));
        if (rd != rs) {
            x86_mov_rr(&g->a, w, rd, rs);
        }
        return;
    }
    X86Cmp c;
    x86_64_load_cmp(g, op, 0, 1, cond, &c);
    int r1 = ra_in(&g->ra, x86_arg(op, 3), X86_ALL);
    int r2 = ra_in(&g->ra, x86_arg(op, 4), X86_ALL);
    int rd = ra_out(&g->ra, x86_arg(op, 0), X86_ALL,
                    x86_alias(g, op, 4, r2));
    if (rd != r2) {
        x86_mov_rr(&g->a, w, rd, r2);
    }
    x86_64_emit_cmp(g, &c);
    x86_cmov(&g->a, w, c.cc, rd, r1);
}

/* ---- Host memory ----------------------------------------------------------- */

static void x86_gen_ld(X86Gen *g, const IrOp *op)
{
    bool w = x86_w(op);
    int32_t off = (int32_t)op->args[2];
    int rb = ra_in(&g->ra, x86_arg(op, 1), X86_ALL);
    int rd = ra_out(&g->ra, x86_arg(op, 0), X86_ALL, x86_alias(g, op, 1, rb));
    uint32_t opc;
    switch (op->opc) {
    case IR_LD8U:  opc = 0xb6 | X86_0F; break;
    case IR_LD8S:  opc = 0xbe | X86_0F | (w ? X86_W : 0); break;
    case IR_LD16U: opc = 0xb7 | X86_0F; break;
    case IR_LD16S: opc = 0xbf | X86_0F | (w ? X86_W : 0); break;
    case IR_LD32S: opc = w ? (0x63 | X86_W) : 0x8b; break;
    case IR_LD32U: opc = 0x8b; break;
    default:       opc = 0x8b | (w ? X86_W : 0); break;
    }
    x86_rm(&g->a, opc, rd, rb, -1, off);
}

static void x86_gen_st(X86Gen *g, const IrOp *op)
{
    int32_t off = (int32_t)op->args[2];
    unsigned size;
    switch (op->opc) {
    case IR_ST8:  size = 0; break;
    case IR_ST16: size = 1; break;
    case IR_ST32: size = 2; break;
    default:      size = op->type == IR_I64 ? 3 : 2; break;
    }
    int rb = ra_in(&g->ra, x86_arg(op, 1), X86_ALL);
    int32_t imm;
    X86Asm *a = &g->a;
    if (x86_imm(g, x86_arg(op, 0), size == 3, &imm)) {
        static const uint32_t opcs[4] = {
            0xc6, 0xc7 | X86_P66, 0xc7, 0xc7 | X86_W,
        };
        x86_rm(a, opcs[size], 0, rb, -1, off);
        if (size == 0) {
            x86_byte(a, (uint8_t)imm);
        } else if (size == 1) {
            x86_u16(a, (uint16_t)imm);
        } else {
            x86_u32(a, (uint32_t)imm);
        }
        return;
    }
    static const uint32_t opcs[4] = {
        0x88 | X86_BYTER, 0x89 | X86_P66, 0x89, 0x89 | X86_W,
    };
    int rv = ra_in(&g->ra, x86_arg(op, 0), X86_ALL);
    x86_rm(a, opcs[size], rv, rb, -1, off);
}

bool x86_64_gen_arith(X86Gen *g, const IrOp *op)
{
    switch (op->opc) {
    case IR_MOV:      x86_gen_mov(g, op); break;
    case IR_ADD:      x86_gen_binop(g, op, X86_ALU_ADD, true); break;
    case IR_SUB:      x86_gen_binop(g, op, X86_ALU_SUB, false); break;
    case IR_MUL:      x86_gen_binop(g, op, -1, true); break;
    case IR_AND:      x86_gen_binop(g, op, X86_ALU_AND, true); break;
    case IR_OR:       x86_gen_binop(g, op, X86_ALU_OR, true); break;
    case IR_XOR:      x86_gen_binop(g, op, X86_ALU_XOR, true); break;
    case IR_NEG:      x86_gen_unary(g, op, 3); break;
    case IR_NOT:      x86_gen_unary(g, op, 2); break;
    case IR_ANDC:     x86_gen_andc_orc(g, op, X86_ALU_AND); break;
    case IR_ORC:      x86_gen_andc_orc(g, op, X86_ALU_OR); break;
    case IR_SHL:      x86_gen_shift(g, op, X86_SH_SHL); break;
    case IR_SHR:      x86_gen_shift(g, op, X86_SH_SHR); break;
    case IR_SAR:      x86_gen_shift(g, op, X86_SH_SAR); break;
    case IR_ROTL:     x86_gen_shift(g, op, X86_SH_ROL); break;
    case IR_ROTR:     x86_gen_shift(g, op, X86_SH_ROR); break;
    case IR_DIVS:     x86_gen_div(g, op, true, false); break;
    case IR_DIVU:     x86_gen_div(g, op, false, false); break;
    case IR_REMS:     x86_gen_div(g, op, true, true); break;
    case IR_REMU:     x86_gen_div(g, op, false, true); break;
    case IR_MULU2:    x86_gen_mul2(g, op, false); break;
    case IR_MULS2:    x86_gen_mul2(g, op, true); break;
    case IR_ADD2:     x86_gen_addsub2(g, op, false); break;
    case IR_SUB2:     x86_gen_addsub2(g, op, true); break;
    case IR_EXTRACT:  x86_gen_extract(g, op, false); break;
    case IR_SEXTRACT: x86_gen_extract(g, op, true); break;
    case IR_DEPOSIT:  x86_gen_deposit(g, op); break;
    case IR_EXT8S:    x86_gen_ext(g, op, 0, true); break;
    case IR_EXT8U:    x86_gen_ext(g, op, 0, false); break;
    case IR_EXT16S:   x86_gen_ext(g, op, 1, true); break;
    case IR_EXT16U:   x86_gen_ext(g, op, 1, false); break;
    case IR_EXT32S:
    case IR_EXTS_I32_I64:
        x86_gen_ext(g, op, 2, true);
        break;
    case IR_EXT32U:
    case IR_EXTU_I32_I64:
    case IR_EXTRL_I64_I32:
        x86_gen_ext(g, op, 2, false);
        break;
    case IR_EXTRH_I64_I32: x86_gen_extrh(g, op); break;
    case IR_BSWAP16:  x86_gen_bswap(g, op, 1); break;
    case IR_BSWAP32:  x86_gen_bswap(g, op, 2); break;
    case IR_BSWAP64:  x86_gen_bswap(g, op, 3); break;
    case IR_CLZ:      x86_gen_clz_ctz(g, op, true); break;
    case IR_CTZ:      x86_gen_clz_ctz(g, op, false); break;
    case IR_POPCNT:   x86_gen_popcnt(g, op); break;
    case IR_SETCOND:  x86_gen_setcond(g, op); break;
    case IR_MOVCOND:  x86_gen_movcond(g, op); break;
    case IR_LD8U: case IR_LD8S: case IR_LD16U: case IR_LD16S:
    case IR_LD32U: case IR_LD32S: case IR_LD:
        x86_gen_ld(g, op);
        break;
    case IR_ST8: case IR_ST16: case IR_ST32: case IR_ST:
        x86_gen_st(g, op);
        break;
    default:
        return false;
    }
    return true;
}

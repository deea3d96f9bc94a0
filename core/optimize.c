/* core/optimize.c — the micro-op optimizer, run between the frontend and
 * the backend: a forward pass (constant folding, constant and copy
 * propagation, algebraic identities, branch folding, unreachable code) and
 * a backward liveness pass (dead code and dead global stores, which makes
 * unused guest flag computations free).
 */
#include "ir.h"

#include <stdlib.h>
#include <string.h>

/* ---- Exact semantics of pure ops (ir_ops.h) --------------------------- */

static unsigned opt_width(IrType t)
{
    return t == IR_I64 ? 64 : 32;
}

static uint64_t opt_mask(unsigned bits)
{
    return bits >= 64 ? UINT64_MAX : (UINT64_C(1) << bits) - 1;
}

/* Sign-extends the low `bits` bits of v to 64 bits. */
static int64_t opt_sext(uint64_t v, unsigned bits)
{
    if (bits >= 64) {
        return (int64_t)v;
    }
    uint64_t m = UINT64_C(1) << (bits - 1);
    v &= opt_mask(bits);
    return (int64_t)((v ^ m) - m);
}

static bool opt_cond(IrCond c, IrType t, uint64_t a, uint64_t b)
{
    unsigned w = opt_width(t);
    a &= opt_mask(w);
    b &= opt_mask(w);
    int64_t sa = opt_sext(a, w), sb = opt_sext(b, w);
    switch (c) {
    case IR_COND_NEVER:  return false;
    case IR_COND_ALWAYS: return true;
    case IR_COND_EQ:     return a == b;
    case IR_COND_NE:     return a != b;
    case IR_COND_LT:     return sa < sb;
    case IR_COND_GE:     return sa >= sb;
    case IR_COND_LE:     return sa <= sb;
    case IR_COND_GT:     return sa > sb;
    case IR_COND_LTU:    return a < b;
    case IR_COND_GEU:    return a >= b;
    case IR_COND_LEU:    return a <= b;
    case IR_COND_GTU:    return a > b;
    default:             return false;
    }
}

/* The result of a condition comparing a value with itself. */
static bool opt_cond_same(IrCond c)
{
    switch (c) {
    case IR_COND_ALWAYS: case IR_COND_EQ: case IR_COND_GE: case IR_COND_LE:
    case IR_COND_GEU: case IR_COND_LEU:
        return true;
    default:
        return false;
    }
}

/* Evaluates a one-output pure op of width `t` on input values `in` and
 * constants `k`. The result is not yet masked to the output's type. */
static uint64_t opt_eval1(IrOpcode opc, IrType t, const uint64_t *in,
                          const uint64_t *k)
{
    unsigned w = opt_width(t);
    uint64_t m = opt_mask(w);
    uint64_t a = in[0] & m, b = in[1] & m;
    unsigned n = (unsigned)(b % w);
    int64_t sa = opt_sext(a, w), sb = opt_sext(b, w);
    int64_t smin = opt_sext(UINT64_C(1) << (w - 1), w);

    switch (opc) {
    case IR_MOV:  return a;
    case IR_ADD:  return a + b;
    case IR_SUB:  return a - b;
    case IR_MUL:  return a * b;
    case IR_NEG:  return -a;
    case IR_AND:  return a & b;
    case IR_OR:   return a | b;
    case IR_XOR:  return a ^ b;
    case IR_ANDC: return a & ~b;
    case IR_ORC:  return a | ~b;
    case IR_NOT:  return ~a;
    case IR_SHL:  return a << n;
    case IR_SHR:  return a >> n;
    case IR_SAR:  return (uint64_t)(sa >> n);
    case IR_ROTL: return n ? (a << n) | (a >> (w - n)) : a;
    case IR_ROTR: return n ? (a >> n) | (a << (w - n)) : a;
    case IR_DIVS:
        if (b == 0) {
            return 0;
        }
        if (sa == smin && sb == -1) {
            return a;
        }
        return (uint64_t)(sa / sb);
    case IR_DIVU:
        return b ? a / b : 0;
    case IR_REMS:
        if (b == 0) {
            return a;
        }
        if (sa == smin && sb == -1) {
            return 0;
        }
        return (uint64_t)(sa % sb);
    case IR_REMU:
        return b ? a % b : a;
    case IR_EXTRACT:
        return (a >> k[0]) & opt_mask((unsigned)k[1]);
    case IR_SEXTRACT:
        return (uint64_t)opt_sext(a >> k[0], (unsigned)k[1]);
    case IR_DEPOSIT: {
        uint64_t f = opt_mask((unsigned)k[1]) << k[0];
        return (a & ~f) | ((b << k[0]) & f);
    }
    case IR_EXT8S:  return (uint64_t)opt_sext(a, 8);
    case IR_EXT8U:  return a & 0xff;
    case IR_EXT16S: return (uint64_t)opt_sext(a, 16);
    case IR_EXT16U: return a & 0xffff;
    case IR_EXT32S: return (uint64_t)opt_sext(a, 32);
    case IR_EXT32U: return a & UINT32_MAX;
    /* The cross-width ops have type i64; the input of EXTU/EXTS is i32. */
    case IR_EXTU_I32_I64: return in[0] & UINT32_MAX;
    case IR_EXTS_I32_I64: return (uint64_t)opt_sext(in[0], 32);
    case IR_EXTRL_I64_I32: return in[0] & UINT32_MAX;
    case IR_EXTRH_I64_I32: return in[0] >> 32;
    case IR_BSWAP16: return ((a & 0xff) << 8) | ((a >> 8) & 0xff);
    case IR_BSWAP32: return __builtin_bswap32((uint32_t)a);
    case IR_BSWAP64: return __builtin_bswap64(a);
    case IR_CLZ:
        if (a == 0) {
            return w;
        }
        return (uint64_t)(__builtin_clzll(a) - (64 - (int)w));
    case IR_CTZ:
        return a ? (uint64_t)__builtin_ctzll(a) : w;
    case IR_POPCNT:
        return (uint64_t)__builtin_popcountll(a);
    case IR_SETCOND:
        return opt_cond((IrCond)k[0], t, a, b);
    case IR_MOVCOND:
        return opt_cond((IrCond)k[0], t, a, b) ? in[2] : in[3];
    default:
        abort();
    }
}

/* Evaluates a two-output pure op (MULU2, MULS2, ADD2, SUB2). */
static void opt_eval2(IrOpcode opc, IrType t, const uint64_t *in,
                      uint64_t *lo, uint64_t *hi)
{
    unsigned w = opt_width(t);
    uint64_t m = opt_mask(w);
    unsigned __int128 r;
    if (opc == IR_MULU2) {
        r = (unsigned __int128)(in[0] & m) * (in[1] & m);
    } else if (opc == IR_MULS2) {
        r = (unsigned __int128)((__int128)opt_sext(in[0], w) *
                                opt_sext(in[1], w));
    } else {
        unsigned __int128 x = ((unsigned __int128)(in[1] & m) << w) |
                              (in[0] & m);
        unsigned __int128 y = ((unsigned __int128)(in[3] & m) << w) |
                              (in[2] & m);
        r = opc == IR_ADD2 ? x + y : x - y;
    }
    *lo = (uint64_t)r & m;
    *hi = (uint64_t)(r >> w) & m;
}

/* ---- Forward pass: folding and propagation ---------------------------- */

/* What the forward pass knows of one temp. */
typedef struct OptTemp {
    IrTemp copy;          /* a temp holding t's value, or IR_NO_TEMP */
    uint32_t copy_ver;    /* ver of copy when the copy was made */
    uint32_t copy_bb;     /* basic block number when the copy was made */
    uint32_t ver;         /* bumped at every write of the temp */
    /* t = SETCOND(sc_a, sc_b, sc_cond) of width sc_type, valid while t
     * is at version sc_ver, in basic block sc_bb, and sc_a and sc_b keep
     * versions sc_ver_a and sc_ver_b: a BRCOND testing t against 0 then
     * compares sc_a with sc_b itself. */
    IrTemp sc_a, sc_b;
    uint32_t sc_ver, sc_ver_a, sc_ver_b, sc_bb;
    uint8_t sc_cond, sc_type;
} OptTemp;

typedef struct OptCtx {
    IrBlock *b;
    uint32_t nt;          /* temps when the pass began: size of the map */
    OptTemp *tm;          /* nt entries */
    uint32_t bb;          /* current basic block number */
    uint32_t *label_refs; /* branches to each label still in the block */
    IrOp *out;            /* the rewritten ops */
    uint32_t nb_out, cap_out;
    bool unreachable;     /* after BR or an exit, until a used label */
} OptCtx;

static void *opt_alloc(size_t n)
{
    void *p = calloc(n ? n : 1, 1);
    if (!p) {
        abort();
    }
    return p;
}

static bool opt_is_const(const OptCtx *c, IrTemp t)
{
    return c->b->temps[t].kind == IR_TEMP_CONST;
}

static uint64_t opt_val(const OptCtx *c, IrTemp t)
{
    return c->b->temps[t].val;
}

/* The temp that currently holds the same value as t (t itself if none). */
static IrTemp opt_resolve(const OptCtx *c, IrTemp t)
{
    if (t >= c->nt) {
        return t;
    }
    const OptTemp *m = &c->tm[t];
    if (m->copy == IR_NO_TEMP || m->copy_bb != c->bb) {
        return t;
    }
    IrTemp s = m->copy;
    if (s < c->nt && c->b->temps[s].kind != IR_TEMP_CONST &&
        c->tm[s].ver != m->copy_ver) {
        return t;
    }
    return s;
}

/* Records that d was written, with a value equal to src's (or unknown). */
static void opt_write(OptCtx *c, IrTemp d, IrTemp src)
{
    if (d >= c->nt) {
        return;
    }
    OptTemp *m = &c->tm[d];
    m->ver++;
    m->copy = src;
    if (src != IR_NO_TEMP) {
        m->copy_ver = src < c->nt ? c->tm[src].ver : 0;
        m->copy_bb = c->bb;
    }
}

/* Forgets everything known about globals: something may have written
 * CPU state behind our back. */
static void opt_clobber_globals(OptCtx *c)
{
    for (IrTemp g = 1; g < c->b->nb_globals; g++) {
        opt_write(c, g, IR_NO_TEMP);
    }
}

static void opt_push(OptCtx *c, const IrOp *op)
{
    if (c->nb_out == c->cap_out) {
        c->cap_out = c->cap_out * 2 + 16;
        c->out = realloc(c->out, c->cap_out * sizeof(*c->out));
        if (!c->out) {
            abort();
        }
    }
    c->out[c->nb_out++] = *op;
}

/* Emits "mov d, src" and records the copy. */
static void opt_emit_mov(OptCtx *c, IrTemp d, IrTemp src)
{
    if (d == src) {
        return;
    }
    IrOp op;
    memset(&op, 0, sizeof(op));
    op.opc = IR_MOV;
    op.type = c->b->temps[d].type;
    op.nout = 1;
    op.nin = 1;
    op.args[0] = d;
    op.args[1] = src;
    opt_push(c, &op);
    opt_write(c, d, src);
}

static void opt_emit_movi(OptCtx *c, IrTemp d, uint64_t val)
{
    IrType t = (IrType)c->b->temps[d].type;
    opt_emit_mov(c, d, ir_const(c->b, t, val));
}

static bool opt_commutative(IrOpcode opc)
{
    switch (opc) {
    case IR_ADD: case IR_MUL: case IR_AND: case IR_OR: case IR_XOR:
        return true;
    default:
        return false;
    }
}

/* What an identity reduced a one-output op to. */
typedef enum OptResult {
    OPT_KEEP,     /* emit the (possibly rewritten) op */
    OPT_CONST,    /* d = val */
    OPT_COPY,     /* d = temp */
} OptResult;

/* Applies algebraic identities to a one-output pure op whose inputs are
 * not all constant. May rewrite *op (swap operands, sub -> add). */
static OptResult opt_identity(OptCtx *c, IrOp *op, uint64_t *val,
                              IrTemp *src)
{
    IrOpcode opc = (IrOpcode)op->opc;
    IrType t = (IrType)op->type;
    unsigned w = opt_width(t);
    uint64_t m = opt_mask(w);
    IrTemp x = (IrTemp)op->args[1];
    IrTemp y = op->nin > 1 ? (IrTemp)op->args[2] : IR_NO_TEMP;
    const uint64_t *k = &op->args[op->nout + op->nin];

    if (opt_commutative(opc) && opt_is_const(c, x) && !opt_is_const(c, y)) {
        op->args[1] = y;
        op->args[2] = x;
        x = (IrTemp)op->args[1];
        y = (IrTemp)op->args[2];
    }
    bool yc = y != IR_NO_TEMP && opt_is_const(c, y);
    uint64_t yv = yc ? opt_val(c, y) & m : 0;
    bool xc = opt_is_const(c, x);
    uint64_t xv = xc ? opt_val(c, x) & m : 0;

    switch (opc) {
    case IR_MOV:
        *src = x;
        return OPT_COPY;
    case IR_ADD: case IR_OR: case IR_XOR:
        if (yc && yv == 0) {
            *src = x;
            return OPT_COPY;
        }
        if (opc == IR_OR && yc && yv == m) {
            *val = m;
            return OPT_CONST;
        }
        if (x == y) {
            if (opc == IR_XOR) {
                *val = 0;
                return OPT_CONST;
            }
            if (opc == IR_OR) {
                *src = x;
                return OPT_COPY;
            }
        }
        break;
    case IR_SUB:
        if (x == y) {
            *val = 0;
            return OPT_CONST;
        }
        if (yc) {
            if (yv == 0) {
                *src = x;
                return OPT_COPY;
            }
            op->opc = IR_ADD;
            op->args[2] = ir_const(c->b, t, (0 - yv) & m);
        }
        break;
    case IR_MUL:
        if (yc && yv == 1) {
            *src = x;
            return OPT_COPY;
        }
        if (yc && yv == 0) {
            *val = 0;
            return OPT_CONST;
        }
        break;
    case IR_AND:
        if (yc && yv == 0) {
            *val = 0;
            return OPT_CONST;
        }
        if ((yc && yv == m) || x == y) {
            *src = x;
            return OPT_COPY;
        }
        break;
    case IR_ANDC:
        if (yc && yv == 0) {
            *src = x;
            return OPT_COPY;
        }
        if (x == y || (xc && xv == 0) || (yc && yv == m)) {
            *val = 0;
            return OPT_CONST;
        }
        break;
    case IR_ORC:
        if (yc && yv == m) {
            *src = x;
            return OPT_COPY;
        }
        if (x == y || (xc && xv == m) || (yc && yv == 0)) {
            *val = m;
            return OPT_CONST;
        }
        break;
    case IR_SHL: case IR_SHR: case IR_SAR: case IR_ROTL: case IR_ROTR:
        if (yc && yv % w == 0) {
            *src = x;
            return OPT_COPY;
        }
        if (xc && xv == 0) {
            *val = 0;
            return OPT_CONST;
        }
        if (xc && xv == m && opc != IR_SHL && opc != IR_SHR) {
            *val = m;
            return OPT_CONST;
        }
        break;
    case IR_DIVS: case IR_DIVU:
        if (yc && yv == 1) {
            *src = x;
            return OPT_COPY;
        }
        break;
    case IR_REMS: case IR_REMU:
        if (yc && yv == 1) {
            *val = 0;
            return OPT_CONST;
        }
        break;
    case IR_EXTRACT:
        if (k[0] == 0 && k[1] == w) {
            *src = x;
            return OPT_COPY;
        }
        break;
    case IR_SEXTRACT:
        if (k[0] == 0 && k[1] == w) {
            *src = x;
            return OPT_COPY;
        }
        break;
    case IR_DEPOSIT:
        if (k[0] == 0 && k[1] == w) {
            *src = y;
            return OPT_COPY;
        }
        break;
    case IR_SETCOND:
        if (x == y) {
            *val = opt_cond_same((IrCond)k[0]);
            return OPT_CONST;
        }
        if (k[0] == IR_COND_ALWAYS || k[0] == IR_COND_NEVER) {
            *val = k[0] == IR_COND_ALWAYS;
            return OPT_CONST;
        }
        if (yc && yv == 0 && (k[0] == IR_COND_GEU || k[0] == IR_COND_LTU)) {
            /* x >= 0 unsigned (ARM's carry after CMP #0) */
            *val = k[0] == IR_COND_GEU;
            return OPT_CONST;
        }
        break;
    case IR_MOVCOND: {
        IrTemp v1 = (IrTemp)op->args[3], v2 = (IrTemp)op->args[4];
        int known = -1;
        if (v1 == v2) {
            *src = v1;
            return OPT_COPY;
        }
        if (x == y) {
            known = opt_cond_same((IrCond)k[0]);
        } else if (xc && yc) {
            known = opt_cond((IrCond)k[0], t, xv, yv);
        } else if (k[0] == IR_COND_ALWAYS || k[0] == IR_COND_NEVER) {
            known = k[0] == IR_COND_ALWAYS;
        }
        if (known >= 0) {
            *src = known ? v1 : v2;
            return OPT_COPY;
        }
        break;
    }
    default:
        break;
    }
    return OPT_KEEP;
}

/* The version of t the SETCOND record compares against (constants and
 * temps created by the pass have none). */
static uint32_t opt_ver(const OptCtx *c, IrTemp t)
{
    return t < c->nt ? c->tm[t].ver : 0;
}

/* Records the SETCOND just emitted (output written already). */
static void opt_note_setcond(OptCtx *c, const IrOp *op)
{
    IrTemp d = (IrTemp)op->args[0];
    OptTemp *m = &c->tm[d];
    m->sc_a = (IrTemp)op->args[1];
    m->sc_b = (IrTemp)op->args[2];
    if (m->sc_a == d || m->sc_b == d) {
        m->sc_ver = 0;      /* "d = d < x": the old d is gone */
        return;
    }
    m->sc_ver = m->ver;
    m->sc_ver_a = opt_ver(c, m->sc_a);
    m->sc_ver_b = opt_ver(c, m->sc_b);
    m->sc_bb = c->bb;
    m->sc_cond = (uint8_t)op->args[3];
    m->sc_type = op->type;
}

static IrCond opt_invert_cond(IrCond cond)
{
    switch (cond) {
    case IR_COND_EQ:  return IR_COND_NE;
    case IR_COND_NE:  return IR_COND_EQ;
    case IR_COND_LT:  return IR_COND_GE;
    case IR_COND_GE:  return IR_COND_LT;
    case IR_COND_LE:  return IR_COND_GT;
    case IR_COND_GT:  return IR_COND_LE;
    case IR_COND_LTU: return IR_COND_GEU;
    case IR_COND_GEU: return IR_COND_LTU;
    case IR_COND_LEU: return IR_COND_GTU;
    case IR_COND_GTU: return IR_COND_LEU;
    case IR_COND_ALWAYS: return IR_COND_NEVER;
    default:          return IR_COND_ALWAYS;
    }
}

/* BRCOND t, 0, eq/ne where t is a SETCOND result whose inputs still hold
 * their values: branch on the comparison itself (the SETCOND then often
 * dies; MIPS computes a branch's condition before its delay slot). */
static void opt_fuse_setcond(OptCtx *c, IrOp *op)
{
    IrTemp t = (IrTemp)op->args[0], z = (IrTemp)op->args[1];
    IrCond cond = (IrCond)op->args[2];

    if ((cond != IR_COND_EQ && cond != IR_COND_NE) || t >= c->nt ||
        !opt_is_const(c, z) || opt_val(c, z) != 0) {
        return;
    }
    const OptTemp *m = &c->tm[t];
    if (m->sc_ver == 0 || m->sc_ver != m->ver || m->sc_bb != c->bb ||
        opt_ver(c, m->sc_a) != m->sc_ver_a ||
        opt_ver(c, m->sc_b) != m->sc_ver_b) {
        return;
    }
    op->args[0] = m->sc_a;
    op->args[1] = m->sc_b;
    op->args[2] = cond == IR_COND_NE ? m->sc_cond
                                     : opt_invert_cond((IrCond)m->sc_cond);
    op->type = m->sc_type;
}

/* A pure op after input substitution: fold it, simplify it or keep it. */
static void opt_pure(OptCtx *c, IrOp *op)
{
    IrOpcode opc = (IrOpcode)op->opc;
    bool all_const = true;
    uint64_t in[6] = { 0 };
    if (opc == IR_MOV) {
        /* Also for a constant source: the const temp itself is the copy. */
        IrTemp d = (IrTemp)op->args[0], s = (IrTemp)op->args[1];
        if (d != s) {
            opt_emit_mov(c, d, s);
        }
        return;
    }
    for (unsigned i = 0; i < op->nin; i++) {
        IrTemp t = (IrTemp)op->args[op->nout + i];
        if (opt_is_const(c, t)) {
            in[i] = opt_val(c, t);
        } else {
            all_const = false;
        }
    }
    /* MOVCOND needs only its compared inputs and the chosen value; the
     * identity code handles it. */
    if (opc == IR_MOVCOND) {
        all_const = false;
    }

    if (op->nout == 2) {
        if (all_const) {
            uint64_t lo, hi;
            IrTemp dl = (IrTemp)op->args[0], dh = (IrTemp)op->args[1];
            opt_eval2(opc, (IrType)op->type, in, &lo, &hi);
            /* dl and dh are distinct temps in any sensible block; if not,
             * the high part wins, as in the two-output op. */
            opt_emit_movi(c, dl, lo);
            opt_emit_movi(c, dh, hi);
            return;
        }
        opt_push(c, op);
        opt_write(c, (IrTemp)op->args[0], IR_NO_TEMP);
        opt_write(c, (IrTemp)op->args[1], IR_NO_TEMP);
        return;
    }

    IrTemp d = (IrTemp)op->args[0];
    uint64_t dmask = opt_mask(opt_width((IrType)c->b->temps[d].type));
    if (all_const) {
        uint64_t v = opt_eval1(opc, (IrType)op->type, in,
                               &op->args[op->nout + op->nin]);
        opt_emit_movi(c, d, v & dmask);
        return;
    }
    uint64_t val = 0;
    IrTemp src = IR_NO_TEMP;
    switch (opt_identity(c, op, &val, &src)) {
    case OPT_CONST:
        opt_emit_movi(c, d, val & dmask);
        return;
    case OPT_COPY:
        if (src == d) {
            /* "mov d, d": no effect, and what we knew of d still holds. */
            return;
        }
        opt_emit_mov(c, d, src);
        return;
    case OPT_KEEP:
        break;
    }
    opt_push(c, op);
    opt_write(c, d, IR_NO_TEMP);
    if (opc == IR_SETCOND && d < c->nt) {
        opt_note_setcond(c, op);
    }
}

static void opt_branch_dropped(OptCtx *c, const IrOp *op)
{
    if (op->opc == IR_BR) {
        c->label_refs[op->args[0]]--;
    } else if (op->opc == IR_BRCOND) {
        c->label_refs[op->args[op->nin + 1]]--;
    }
}

/* Does a helper call let the optimizer assume globals keep their values? */
static const IrHelper *opt_helper(const IrOp *op)
{
    return (const IrHelper *)(uintptr_t)op->args[op->nout + op->nin];
}

static void opt_forward_op(OptCtx *c, IrOp *op)
{
    IrOpcode opc = (IrOpcode)op->opc;
    uint32_t flags = ir_op_defs[opc].flags;

    if (opc == IR_NOP) {
        return;
    }
    if (c->unreachable) {
        if (opc == IR_SET_LABEL && c->label_refs[op->args[0]] > 0) {
            c->unreachable = false;
        } else {
            opt_branch_dropped(c, op);
            return;
        }
    }
    for (unsigned i = 0; i < op->nin; i++) {
        op->args[op->nout + i] = opt_resolve(c, (IrTemp)op->args[op->nout + i]);
    }

    switch (opc) {
    case IR_SET_LABEL:
        if (c->label_refs[op->args[0]] == 0) {
            return;   /* nothing branches here: the block just goes on */
        }
        c->bb++;
        opt_push(c, op);
        return;
    case IR_BR:
        opt_push(c, op);
        c->unreachable = true;
        return;
    case IR_BRCOND: {
        opt_fuse_setcond(c, op);
        IrTemp a = (IrTemp)op->args[0], b = (IrTemp)op->args[1];
        IrCond cond = (IrCond)op->args[2];
        int known = -1;
        if (cond == IR_COND_ALWAYS || cond == IR_COND_NEVER) {
            known = cond == IR_COND_ALWAYS;
        } else if (a == b) {
            known = opt_cond_same(cond);
        } else if (opt_is_const(c, a) && opt_is_const(c, b)) {
            known = opt_cond(cond, (IrType)op->type, opt_val(c, a),
                             opt_val(c, b));
        } else if (opt_is_const(c, b) && opt_val(c, b) == 0 &&
                   (cond == IR_COND_GEU || cond == IR_COND_LTU)) {
            known = cond == IR_COND_GEU;
        }
        if (known == 0) {
            opt_branch_dropped(c, op);
            return;
        }
        if (known == 1) {
            IrOp br;
            memset(&br, 0, sizeof(br));
            br.opc = IR_BR;
            br.type = IR_I32;
            br.nconst = 1;
            br.args[0] = op->args[3];
            opt_push(c, &br);
            c->unreachable = true;
            return;
        }
        opt_push(c, op);
        return;
    }
    default:
        break;
    }

    if (flags & IR_OPF_PURE) {
        opt_pure(c, op);
        return;
    }
    opt_push(c, op);
    for (unsigned i = 0; i < op->nout; i++) {
        opt_write(c, (IrTemp)op->args[i], IR_NO_TEMP);
    }
    if (flags & IR_OPF_STORE) {
        /* A store through a pointer may hit a global's CPU-state field. */
        opt_clobber_globals(c);
    } else if (opc == IR_CALL &&
               !(opt_helper(op)->flags & IR_HF_NO_WRITE_GLOBALS)) {
        opt_clobber_globals(c);
    }
    if (flags & IR_OPF_EXIT) {
        c->unreachable = true;
    }
}

static void opt_forward(IrBlock *b)
{
    OptCtx c;
    memset(&c, 0, sizeof(c));
    c.b = b;
    c.nt = b->nb_temps;
    /* One allocation: the temp map, then the zeroed label counts. */
    c.tm = malloc((c.nt ? c.nt : 1) * sizeof(*c.tm) +
                  (b->nb_labels ? b->nb_labels : 1) * sizeof(*c.label_refs));
    if (!c.tm) {
        abort();
    }
    c.label_refs = (uint32_t *)(void *)(c.tm + (c.nt ? c.nt : 1));
    memset(c.label_refs, 0, b->nb_labels * sizeof(*c.label_refs));
    for (uint32_t t = 0; t < c.nt; t++) {
        c.tm[t].copy = IR_NO_TEMP;
        c.tm[t].ver = 0;
        c.tm[t].sc_ver = 0;
    }
    for (uint32_t i = 0; i < b->nb_ops; i++) {
        const IrOp *op = &b->ops[i];
        if (op->opc == IR_BR) {
            c.label_refs[op->args[0]]++;
        } else if (op->opc == IR_BRCOND) {
            c.label_refs[op->args[op->nin + 1]]++;
        }
    }
    /* Not zeroed: every op pushed is copied whole. */
    c.cap_out = b->nb_ops + 16;
    c.out = malloc(c.cap_out * sizeof(*c.out));
    if (!c.out) {
        abort();
    }

    /* In place: the input array is dropped afterwards. */
    for (uint32_t i = 0; i < b->nb_ops; i++) {
        opt_forward_op(&c, &b->ops[i]);
    }

    free(b->ops);
    b->ops = c.out;
    b->nb_ops = c.nb_out;
    b->cap_ops = c.cap_out;
    free(c.tm);
}

/* ---- Backward pass: liveness, dead code, dead global stores ----------- */

/* Liveness with O(1) updates of a whole temp kind: a temp's own bit
 * counts only while its stamp equals its kind's epoch; otherwise the
 * kind's value set at that epoch applies. */
#define OPT_NB_KINDS (IR_TEMP_ENV + 1)

typedef struct OptLive {
    IrBlock *b;
    uint32_t *stamp;
    uint8_t *bit;
    uint32_t epoch[OPT_NB_KINDS];
    uint8_t kind_val[OPT_NB_KINDS];
    uint32_t next_epoch;
    /* Locals, when every branch of the block goes forward: a bit set
     * (bit `lidx[t]`), recorded at each label as the walk passes it and
     * merged at the branches to it, so a local unused on every path
     * after its write is dead. Otherwise (lidx NULL) a branch makes every
     * local live. */
    uint32_t *lidx;
    uint64_t *lcur;
    uint64_t *lat_label;    /* nb_labels sets of `lwords` words */
    uint32_t lwords;
} OptLive;

static bool opt_live(const OptLive *l, IrTemp t)
{
    unsigned k = l->b->temps[t].kind;
    if (k == IR_TEMP_LOCAL && l->lidx) {
        return (l->lcur[l->lidx[t] / 64] >> (l->lidx[t] % 64)) & 1;
    }
    return l->stamp[t] == l->epoch[k] ? l->bit[t] : l->kind_val[k];
}

static void opt_set_live(OptLive *l, IrTemp t, bool v)
{
    if (l->b->temps[t].kind == IR_TEMP_LOCAL && l->lidx) {
        uint64_t m = (uint64_t)1 << (l->lidx[t] % 64);
        if (v) {
            l->lcur[l->lidx[t] / 64] |= m;
        } else {
            l->lcur[l->lidx[t] / 64] &= ~m;
        }
        return;
    }
    l->stamp[t] = l->epoch[l->b->temps[t].kind];
    l->bit[t] = v;
}

static void opt_set_kind(OptLive *l, IrTempKind kind, bool v)
{
    if (kind == IR_TEMP_LOCAL && l->lidx) {
        memset(l->lcur, v ? 0xff : 0, l->lwords * sizeof(uint64_t));
        return;
    }
    l->epoch[kind] = l->next_epoch++;
    l->kind_val[kind] = v;
}

/* Sets up exact local liveness (OptLive) when the block has locals and
 * no backward branch. */
static void opt_locals_init(OptLive *l)
{
    const IrBlock *b = l->b;
    uint32_t nloc = 0, nl = b->nb_labels;

    for (uint32_t t = 0; t < b->nb_temps; t++) {
        nloc += b->temps[t].kind == IR_TEMP_LOCAL;
    }
    if (nloc == 0) {
        return;
    }
    uint8_t *placed = opt_alloc((nl + 7) / 8);
    for (uint32_t i = 0; i < b->nb_ops; i++) {
        const IrOp *op = &b->ops[i];
        uint32_t label;
        if (op->opc == IR_SET_LABEL || op->opc == IR_BR) {
            label = (uint32_t)op->args[0];
        } else if (op->opc == IR_BRCOND) {
            label = (uint32_t)op->args[3];
        } else {
            continue;
        }
        if (label >= nl || (op->opc != IR_SET_LABEL &&
                            (placed[label / 8] >> (label % 8)) & 1)) {
            free(placed);
            return;
        }
        if (op->opc == IR_SET_LABEL) {
            placed[label / 8] |= (uint8_t)(1u << (label % 8));
        }
    }
    free(placed);
    l->lwords = (nloc + 63) / 64;
    l->lcur = opt_alloc((size_t)(nl + 1) * l->lwords * sizeof(uint64_t));
    l->lat_label = l->lcur + l->lwords;
    l->lidx = opt_alloc((size_t)b->nb_temps * sizeof(uint32_t));
    nloc = 0;
    for (uint32_t t = 0; t < b->nb_temps; t++) {
        if (b->temps[t].kind == IR_TEMP_LOCAL) {
            l->lidx[t] = nloc++;
        }
    }
}

/* A branch to `label`: what is live there is live here too. */
static void opt_branch_live(OptLive *l, uint32_t label)
{
    if (!l->lidx) {
        opt_set_kind(l, IR_TEMP_LOCAL, true);
        return;
    }
    const uint64_t *s = l->lat_label + (size_t)label * l->lwords;
    for (uint32_t w = 0; w < l->lwords; w++) {
        l->lcur[w] |= s[w];
    }
}

static void opt_set_all(OptLive *l, bool v)
{
    for (unsigned k = 0; k < OPT_NB_KINDS; k++) {
        opt_set_kind(l, (IrTempKind)k, v);
    }
}

static void opt_globals_live(OptLive *l)
{
    opt_set_kind(l, IR_TEMP_GLOBAL, true);
}

/* May the op be dropped when none of its outputs is used? */
static bool opt_removable(const IrOp *op)
{
    uint32_t flags = ir_op_defs[op->opc].flags;
    if (flags & (IR_OPF_PURE | IR_OPF_LOAD)) {
        return true;
    }
    if (op->opc == IR_CALL) {
        uint32_t hf = opt_helper(op)->flags;
        return (hf & IR_HF_NO_SIDE_EFFECTS) && (hf & IR_HF_NO_WRITE_GLOBALS) &&
               !(hf & IR_HF_MAY_RAISE);
    }
    return false;
}

/* Does the op read or expose (sync) the globals? */
static bool opt_exposes_globals(const IrOp *op)
{
    uint32_t flags = ir_op_defs[op->opc].flags;
    if (flags & (IR_OPF_GUEST_MEM | IR_OPF_SYNC_GLOBALS | IR_OPF_EXIT |
                 IR_OPF_BB_END | IR_OPF_BB_START | IR_OPF_LOAD |
                 IR_OPF_STORE)) {
        return true;
    }
    if (op->opc == IR_CALL) {
        uint32_t hf = opt_helper(op)->flags;
        return !(hf & IR_HF_NO_READ_GLOBALS) || (hf & IR_HF_MAY_RAISE);
    }
    return false;
}

static void opt_backward(IrBlock *b)
{
    OptLive l;
    memset(&l, 0, sizeof(l));
    l.b = b;
    l.stamp = opt_alloc(b->nb_temps * (sizeof(*l.stamp) + 1));
    l.bit = (uint8_t *)(l.stamp + b->nb_temps);
    l.next_epoch = 1;
    opt_locals_init(&l);
    /* Falling off the end is an exit: only globals matter there. */
    opt_set_all(&l, false);
    opt_globals_live(&l);

    for (uint32_t i = b->nb_ops; i-- > 0;) {
        IrOp *op = &b->ops[i];
        IrOpcode opc = (IrOpcode)op->opc;
        switch (opc) {
        case IR_NOP:
            continue;
        case IR_SET_LABEL:
            opt_set_kind(&l, IR_TEMP_EPHEMERAL, false);
            if (l.lidx) {
                memcpy(l.lat_label + (size_t)op->args[0] * l.lwords, l.lcur,
                       l.lwords * sizeof(uint64_t));
            }
            break;
        case IR_BR:
            /* Nothing after a BR runs before the next label, where the
             * ephemerals die; the target may want any local or global. */
            opt_set_all(&l, false);
            opt_branch_live(&l, (uint32_t)op->args[0]);
            break;
        case IR_BRCOND:
            opt_branch_live(&l, (uint32_t)op->args[3]);
            break;
        case IR_EXIT_TB:
        case IR_EXIT_LOOKUP:
            opt_set_all(&l, false);
            break;
        default:
            break;
        }
        if (opt_removable(op)) {
            bool used = false;
            for (unsigned j = 0; j < op->nout; j++) {
                used |= opt_live(&l, (IrTemp)op->args[j]);
            }
            if (!used) {
                op->opc = IR_NOP;
                continue;
            }
        }
        for (unsigned j = 0; j < op->nout; j++) {
            opt_set_live(&l, (IrTemp)op->args[j], false);
        }
        if (opt_exposes_globals(op)) {
            opt_globals_live(&l);
        }
        for (unsigned j = 0; j < op->nin; j++) {
            IrTemp t = (IrTemp)op->args[op->nout + j];
            opt_set_live(&l, t, true);
        }
    }
    free(l.stamp);
    free(l.lidx);
    free(l.lcur);

    uint32_t n = 0;
    for (uint32_t i = 0; i < b->nb_ops; i++) {
        if (b->ops[i].opc != IR_NOP) {
            if (n != i) {
                b->ops[n] = b->ops[i];
            }
            n++;
        }
    }
    b->nb_ops = n;
}

void ir_optimize(IrBlock *b)
{
    opt_forward(b);
    opt_backward(b);
}

/* core/lower64.c — i64 lowering for 32-bit hosts: rewrites every i64 op of
 * an IrBlock into i32 ops on (lo, hi) pairs, after the frontend and before
 * the backend, so a 32-bit backend never sees an i64 temp.
 *
 * Conventions (see also docs in the report of this module):
 * - i64 globals become two i32 globals at offset (lo) and offset + 4 (hi)
 *   on a little-endian host (swapped on a big-endian one); they are added
 *   after the existing globals, whose numbers do not change, and found
 *   again by offset in later blocks, so ir_block_reset() keeps working.
 * - The env temp (and IR_PTR) is never split.
 * - A CALL with IR_HT_I64 parameters passes each as two consecutive i32
 *   temps (lo, hi); an IR_HT_I64 result comes back in two outputs (lo, hi).
 *   ir_validate() accepts this "split" call form.
 * - 64-bit DIV/REM and i64 MULU2/MULS2 call lower64_helper_arith().
 * - 64-bit-sized atomics cannot be expressed on pairs: lowering aborts with
 *   a message (no 32-bit guest of ours needs them on a 32-bit host yet).
 */
#include "ir.h"

#include <stdlib.h>
#include <string.h>

typedef struct Pair {
    IrTemp l, h;
} Pair;

typedef struct LowCtx {
    IrBlock *b;
    const IrTempInfo *old;  /* the temp table before lowering */
    uint32_t old_nt;
    IrTemp *lo, *hi;        /* old temp -> new temp(s); hi: i64 only */
} LowCtx;

static bool low_host_be(void)
{
    const uint16_t one = 1;
    uint8_t first;
    memcpy(&first, &one, 1);
    return first == 0;
}

/* Word `what >> 3` of the result of operation `what & 7` on the 64-bit
 * operands (al, ah) and (bl, bh): 0 DIVS, 1 DIVU, 2 REMS, 3 REMU (words
 * 0-1), 4 MULU2, 5 MULS2 (words 0-3 of the 128-bit product). Semantics as
 * in ir_ops.h. */
static uint32_t lower64_helper_arith(uint32_t what, uint32_t al, uint32_t ah,
                                     uint32_t bl, uint32_t bh)
{
    uint64_t a = ((uint64_t)ah << 32) | al;
    uint64_t b = ((uint64_t)bh << 32) | bl;
    int64_t sa = (int64_t)a, sb = (int64_t)b;
    unsigned __int128 r;
    switch (what & 7) {
    case 0:
        r = b == 0 ? 0 : (sa == INT64_MIN && sb == -1) ? a
                                                        : (uint64_t)(sa / sb);
        break;
    case 1:
        r = b ? a / b : 0;
        break;
    case 2:
        r = b == 0 ? a : (sa == INT64_MIN && sb == -1) ? 0
                                                        : (uint64_t)(sa % sb);
        break;
    case 3:
        r = b ? a % b : a;
        break;
    case 4:
        r = (unsigned __int128)a * b;
        break;
    default:
        r = (unsigned __int128)((__int128)sa * sb);
        break;
    }
    return (uint32_t)(r >> (32 * (what >> 3)));
}

static const IrHelper lower64_arith_desc =
    IR_HELPER(lower64_helper_arith, IR_HF_PURE, IR_HT_I32, IR_HT_I32,
              IR_HT_I32, IR_HT_I32, IR_HT_I32, IR_HT_I32);

/* ---- Temps -------------------------------------------------------------- */

static IrTemp low_new(LowCtx *c)
{
    return ir_temp_new(c->b, IR_I32);
}

static IrTemp low_k(LowCtx *c, uint32_t v)
{
    return ir_const(c->b, IR_I32, v);
}

static Pair low_pair(const LowCtx *c, uint64_t t)
{
    Pair p = { c->lo[t], c->hi[t] };
    return p;
}

static Pair low_fresh(LowCtx *c)
{
    Pair p = { low_new(c), low_new(c) };
    return p;
}

static void low_set(LowCtx *c, Pair d, Pair r)
{
    ir_mov(c->b, d.l, r.l);
    ir_mov(c->b, d.h, r.h);
}

/* An i32 global for CPU-state field `offset`: an existing one, else new. */
static IrTemp low_global32(LowCtx *c, int32_t offset, const char *name)
{
    IrBlock *b = c->b;
    for (IrTemp g = 1; g < b->nb_globals; g++) {
        if (b->temps[g].kind == IR_TEMP_GLOBAL && b->temps[g].type == IR_I32 &&
            b->temps[g].offset == offset) {
            return g;
        }
    }
    return ir_global(b, IR_I32, offset, name);
}

static void low_map_temps(LowCtx *c, uint32_t old_ng)
{
    IrBlock *b = c->b;
    bool be = low_host_be();
    for (IrTemp t = 0; t < old_ng; t++) {
        c->lo[t] = t;
        c->hi[t] = IR_NO_TEMP;
    }
    for (IrTemp t = 1; t < old_ng; t++) {
        const IrTempInfo *ti = &c->old[t];
        if (ti->kind == IR_TEMP_GLOBAL && ti->type == IR_I64) {
            IrTemp first = low_global32(c, ti->offset, ti->name);
            IrTemp second = low_global32(c, ti->offset + 4, NULL);
            c->lo[t] = be ? second : first;
            c->hi[t] = be ? first : second;
        }
    }
    for (IrTemp t = old_ng; t < c->old_nt; t++) {
        const IrTempInfo *ti = &c->old[t];
        bool wide = ti->type == IR_I64;
        IrType nt = wide ? IR_I32 : (IrType)ti->type;
        switch (ti->kind) {
        case IR_TEMP_CONST:
            c->lo[t] = ir_const(b, nt, ti->val);
            c->hi[t] = wide ? ir_const(b, IR_I32, ti->val >> 32)
                            : IR_NO_TEMP;
            break;
        case IR_TEMP_LOCAL:
            c->lo[t] = ir_temp_local(b, nt);
            c->hi[t] = wide ? ir_temp_local(b, IR_I32) : IR_NO_TEMP;
            break;
        default:
            c->lo[t] = ir_temp_new(b, nt);
            c->hi[t] = wide ? ir_temp_new(b, IR_I32) : IR_NO_TEMP;
            break;
        }
    }
}

/* A pointer-typed input (LD/ST base, IR_HT_PTR argument). */
static IrTemp low_ptr(const LowCtx *c, uint64_t t)
{
    if (c->hi[t] != IR_NO_TEMP) {
        fprintf(stderr, "emu: ir_lower_i64: an i64 temp other than env used "
                "as a host pointer on a 64-bit host\n");
        abort();
    }
    return c->lo[t];
}

/* ---- Shifts on pairs ------------------------------------------------------ */

static Pair low_shift_const(LowCtx *c, IrOpcode opc, Pair a, unsigned n)
{
    IrBlock *b = c->b;
    Pair r = low_fresh(c);
    n &= 63;
    if (n == 0) {
        ir_mov(b, r.l, a.l);
        ir_mov(b, r.h, a.h);
        return r;
    }
    if (opc == IR_SHL) {
        if (n >= 32) {
            ir_movi(b, r.l, 0);
            ir_shli(b, r.h, a.l, n - 32);
        } else {
            IrTemp t1 = low_new(c), t2 = low_new(c);
            ir_shli(b, r.l, a.l, n);
            ir_shli(b, t1, a.h, n);
            ir_shri(b, t2, a.l, 32 - n);
            ir_or(b, r.h, t1, t2);
        }
        return r;
    }
    /* SHR and SAR */
    if (n >= 32) {
        if (opc == IR_SHR) {
            ir_shri(b, r.l, a.h, n - 32);
            ir_movi(b, r.h, 0);
        } else {
            ir_sari(b, r.l, a.h, n - 32);
            ir_sari(b, r.h, a.h, 31);
        }
        return r;
    }
    IrTemp t1 = low_new(c), t2 = low_new(c);
    ir_shri(b, t1, a.l, n);
    ir_shli(b, t2, a.h, 32 - n);
    ir_or(b, r.l, t1, t2);
    if (opc == IR_SHR) {
        ir_shri(b, r.h, a.h, n);
    } else {
        ir_sari(b, r.h, a.h, n);
    }
    return r;
}

/* Shift by a variable count n (i32, taken modulo 64), branch-free. */
static Pair low_shift_var(LowCtx *c, IrOpcode opc, Pair a, IrTemp n)
{
    IrBlock *b = c->b;
    IrTemp z = low_k(c, 0);
    IrTemp nn = low_new(c), big = low_new(c);
    Pair r = low_fresh(c);
    ir_not(b, nn, n);                 /* (~n) mod 32 == 31 - (n mod 32) */
    ir_andi(b, big, n, 32);
    if (opc == IR_SHL) {
        IrTemp tl = low_new(c), t1 = low_new(c), t2 = low_new(c);
        IrTemp t3 = low_new(c), th = low_new(c);
        ir_shl(b, tl, a.l, n);
        ir_shl(b, t1, a.h, n);
        ir_shri(b, t2, a.l, 1);
        ir_shr(b, t3, t2, nn);
        ir_or(b, th, t1, t3);
        ir_movcond(b, IR_COND_NE, r.l, big, z, z, tl);
        ir_movcond(b, IR_COND_NE, r.h, big, z, tl, th);
        return r;
    }
    IrTemp th = low_new(c), t1 = low_new(c), t2 = low_new(c);
    IrTemp t3 = low_new(c), tl = low_new(c);
    if (opc == IR_SHR) {
        ir_shr(b, th, a.h, n);
    } else {
        ir_sar(b, th, a.h, n);
    }
    ir_shr(b, t1, a.l, n);
    ir_shli(b, t2, a.h, 1);
    ir_shl(b, t3, t2, nn);
    ir_or(b, tl, t1, t3);
    IrTemp fill = z;
    if (opc == IR_SAR) {
        fill = low_new(c);
        ir_sari(b, fill, a.h, 31);
    }
    ir_movcond(b, IR_COND_NE, r.l, big, z, th, tl);
    ir_movcond(b, IR_COND_NE, r.h, big, z, fill, th);
    return r;
}

static Pair low_shift(LowCtx *c, IrOpcode opc, Pair a, uint64_t cnt_old)
{
    if (c->old[cnt_old].kind == IR_TEMP_CONST) {
        return low_shift_const(c, opc, a, (unsigned)c->old[cnt_old].val);
    }
    return low_shift_var(c, opc, a, c->lo[cnt_old]);
}

/* ---- Conditions on pairs ------------------------------------------------- */

static IrCond low_unsigned(IrCond cond)
{
    switch (cond) {
    case IR_COND_LT: return IR_COND_LTU;
    case IR_COND_GE: return IR_COND_GEU;
    case IR_COND_LE: return IR_COND_LEU;
    case IR_COND_GT: return IR_COND_GTU;
    default: return cond;
    }
}

/* An i32 temp that is 1 when cond(x, y) holds for the 64-bit pairs. */
static IrTemp low_cond(LowCtx *c, IrCond cond, Pair x, Pair y)
{
    IrBlock *b = c->b;
    if (cond == IR_COND_NEVER || cond == IR_COND_ALWAYS) {
        return low_k(c, cond == IR_COND_ALWAYS);
    }
    IrTemp r = low_new(c);
    if (cond == IR_COND_EQ || cond == IR_COND_NE) {
        IrTemp t1 = low_new(c), t2 = low_new(c), t3 = low_new(c);
        ir_xor(b, t1, x.l, y.l);
        ir_xor(b, t2, x.h, y.h);
        ir_or(b, t3, t1, t2);
        ir_setcond(b, cond, r, t3, low_k(c, 0));
        return r;
    }
    /* High words decide unless equal; then the low words, unsigned. With
     * unequal high words the strict and non-strict forms agree. */
    IrTemp tl = low_new(c), th = low_new(c);
    ir_setcond(b, low_unsigned(cond), tl, x.l, y.l);
    ir_setcond(b, cond, th, x.h, y.h);
    ir_movcond(b, IR_COND_EQ, r, x.h, y.h, tl, th);
    return r;
}

/* ---- One op ---------------------------------------------------------------- */

static void low_arith_call(LowCtx *c, unsigned what, Pair a, Pair bb,
                           IrTemp out)
{
    IrTemp args[5] = { low_k(c, what), a.l, a.h, bb.l, bb.h };
    ir_call(c->b, &lower64_arith_desc, out, 5, args);
}

static void low_copy_op(LowCtx *c, const IrOp *op)
{
    uint64_t args[IR_MAX_ARGS];
    unsigned nt = (unsigned)op->nout + op->nin;
    for (unsigned i = 0; i < nt; i++) {
        args[i] = c->lo[op->args[i]];
    }
    for (unsigned i = nt; i < nt + op->nconst; i++) {
        args[i] = op->args[i];
    }
    ir_emit(c->b, (IrOpcode)op->opc, (IrType)op->type, op->nout, op->nin,
            op->nconst, args);
}

static void low_call(LowCtx *c, const IrOp *op)
{
    const IrHelper *h = (const IrHelper *)(uintptr_t)op->args[op->nout +
                                                               op->nin];
    uint64_t args[IR_MAX_ARGS];
    unsigned n = 0, nin = 0;
    uint8_t nout = 0;
    if (op->nout) {
        args[n++] = c->lo[op->args[0]];
        nout = 1;
        if (h->ret == IR_HT_I64) {
            args[n++] = c->hi[op->args[0]];
            nout = 2;
        }
    }
    for (unsigned i = 0; i < op->nin; i++) {
        uint64_t t = op->args[op->nout + i];
        if (h->args[i] == IR_HT_PTR) {
            args[n++] = low_ptr(c, t);
            nin++;
        } else if (h->args[i] == IR_HT_I64) {
            args[n++] = c->lo[t];
            args[n++] = c->hi[t];
            nin += 2;
        } else {
            args[n++] = c->lo[t];
            nin++;
        }
    }
    if (n + 1 > IR_MAX_ARGS) {
        fprintf(stderr, "emu: ir_lower_i64: call %s has too many i64 "
                "arguments\n", h->name);
        abort();
    }
    args[n++] = (uint64_t)(uintptr_t)h;
    ir_emit(c->b, IR_CALL, IR_I32, nout, (uint8_t)nin, 1, args);
}

static bool low_touches_i64(const LowCtx *c, const IrOp *op)
{
    if (op->opc == IR_CALL) {
        for (unsigned i = 0; i < (unsigned)op->nout + op->nin; i++) {
            uint64_t t = op->args[i];
            if (t != IR_ENV && c->old[t].type == IR_I64) {
                return true;
            }
        }
        return false;
    }
    if ((unsigned)op->nout + op->nin == 0) {
        return false;
    }
    if (op->type == IR_I64) {
        return true;
    }
    for (unsigned i = 0; i < (unsigned)op->nout + op->nin; i++) {
        uint64_t t = op->args[i];
        if (t != IR_ENV && c->old[t].type == IR_I64) {
            return true;
        }
    }
    return false;
}

static void low_guest(LowCtx *c, const IrOp *op)
{
    IrBlock *b = c->b;
    IrOpcode opc = (IrOpcode)op->opc;
    unsigned mo = (unsigned)op->args[op->nout + op->nin];
    /* args[1] is the address for every guest op; of a 64-bit guest
     * address the low half is used. */
    IrTemp addr = c->lo[op->args[1]];
    bool wide_val = c->old[op->args[0]].type == IR_I64;

    if (opc != IR_GUEST_LD && opc != IR_GUEST_ST) {
        if ((mo & IR_MO_SIZE) == IR_MO_64) {
            fprintf(stderr, "emu: ir_lower_i64: 64-bit atomics are not "
                    "supported on 32-bit hosts\n");
            abort();
        }
        /* A narrow atomic on i64 values: do it on the low words. */
        uint64_t args[IR_MAX_ARGS];
        unsigned n = 0;
        Pair old = low_pair(c, op->args[0]);
        IrTemp r = low_new(c);
        args[n++] = r;
        args[n++] = addr;
        for (unsigned i = 2; i < (unsigned)op->nout + op->nin; i++) {
            args[n++] = c->lo[op->args[i]];
        }
        args[n++] = mo;
        ir_emit(b, opc, IR_I32, op->nout, op->nin, 1, args);
        ir_mov(b, old.l, r);
        if (mo & IR_MO_SIGN) {
            ir_sari(b, old.h, r, 31);
        } else {
            ir_movi(b, old.h, 0);
        }
        return;
    }
    if (!wide_val) {
        /* i32 value, 64-bit guest address. */
        uint64_t args[3] = { c->lo[op->args[0]], addr, mo };
        ir_emit(b, opc, IR_I32, op->nout, op->nin, 1, args);
        return;
    }
    Pair v = low_pair(c, op->args[0]);
    if ((mo & IR_MO_SIZE) != IR_MO_64) {
        if (opc == IR_GUEST_LD) {
            IrTemp r = low_new(c);
            ir_guest_ld(b, r, addr, mo);
            /* The load extends to 32 bits; extend on to 64. */
            ir_mov(b, v.l, r);
            if (mo & IR_MO_SIGN) {
                ir_sari(b, v.h, r, 31);
            } else {
                ir_movi(b, v.h, 0);
            }
        } else {
            ir_guest_st(b, v.l, addr, mo);
        }
        return;
    }
    unsigned half = (mo & ~(unsigned)IR_MO_SIZE & ~(unsigned)IR_MO_SIGN) |
                    IR_MO_32;
    IrTemp addr4 = low_new(c);
    ir_addi(b, addr4, addr, 4);
    bool be = (mo & IR_MO_BE) != 0;
    IrTemp first = addr;
    if (mo & IR_MO_ALIGN) {
        /* Only 4-byte alignment is checked per half; make the access at
         * the lower address odd when addr is 4 mod 8, so it raises the
         * alignment fault (reported at addr + 1). */
        IrTemp t1 = low_new(c), t2 = low_new(c);
        first = low_new(c);
        ir_andi(b, t1, addr, 4);
        ir_shri(b, t2, t1, 2);
        ir_or(b, first, addr, t2);
    }
    if (opc == IR_GUEST_LD) {
        /* Into fresh temps: a fault on the second half must not leave the
         * destination half-written. */
        Pair r = low_fresh(c);
        ir_guest_ld(b, be ? r.h : r.l, first, half);
        ir_guest_ld(b, be ? r.l : r.h, addr4, half);
        low_set(c, v, r);
    } else if (mo & IR_MO_ALIGN) {
        /* Aligned: no page crossing; the checked half goes first. */
        ir_guest_st(b, be ? v.h : v.l, first, half);
        ir_guest_st(b, be ? v.l : v.h, addr4, half);
    } else {
        /* Higher address first: an access running into an unmapped page
         * faults before anything is written. */
        ir_guest_st(b, be ? v.l : v.h, addr4, half);
        ir_guest_st(b, be ? v.h : v.l, addr, half);
    }
}

static void low_ldst(LowCtx *c, const IrOp *op)
{
    IrBlock *b = c->b;
    IrOpcode opc = (IrOpcode)op->opc;
    int32_t off = (int32_t)op->args[2];
    IrTemp base = low_ptr(c, op->args[1]);
    Pair v = low_pair(c, op->args[0]);
    int32_t off_lo = low_host_be() ? off + 4 : off;
    int32_t off_hi = low_host_be() ? off : off + 4;
    switch (opc) {
    case IR_LD: {
        Pair r = low_fresh(c);
        ir_ld(b, r.l, base, off_lo);
        ir_ld(b, r.h, base, off_hi);
        low_set(c, v, r);
        break;
    }
    case IR_LD8U: case IR_LD16U: case IR_LD32U: {
        uint64_t args[3] = { v.l, base, (uint64_t)(int64_t)off };
        ir_emit(b, opc == IR_LD32U ? IR_LD : opc, IR_I32, 1, 1, 1, args);
        ir_movi(b, v.h, 0);
        break;
    }
    case IR_LD8S: case IR_LD16S: case IR_LD32S: {
        IrTemp r = low_new(c);
        uint64_t args[3] = { r, base, (uint64_t)(int64_t)off };
        ir_emit(b, opc == IR_LD32S ? IR_LD : opc, IR_I32, 1, 1, 1, args);
        ir_mov(b, v.l, r);
        ir_sari(b, v.h, r, 31);
        break;
    }
    case IR_ST:
        ir_st(b, v.l, base, off_lo);
        ir_st(b, v.h, base, off_hi);
        break;
    default: {   /* ST8, ST16, ST32: the low word */
        uint64_t args[3] = { v.l, base, (uint64_t)(int64_t)off };
        ir_emit(b, opc == IR_ST32 ? IR_ST : opc, IR_I32, 0, 2, 1, args);
        break;
    }
    }
}

/* 128-bit add/sub on four-word values for i64 ADD2/SUB2. */
static void low_addsub2(LowCtx *c, const IrOp *op)
{
    IrBlock *b = c->b;
    bool sub = op->opc == IR_SUB2;
    IrTemp a[4], bb[4], r[4];
    Pair al = low_pair(c, op->args[2]), ah = low_pair(c, op->args[3]);
    Pair bl = low_pair(c, op->args[4]), bh = low_pair(c, op->args[5]);
    a[0] = al.l; a[1] = al.h; a[2] = ah.l; a[3] = ah.h;
    bb[0] = bl.l; bb[1] = bl.h; bb[2] = bh.l; bb[3] = bh.h;
    IrTemp z = low_k(c, 0);
    IrTemp carry = IR_NO_TEMP;   /* 0/1 for add, 0/-1 for sub */
    for (int i = 0; i < 4; i++) {
        r[i] = low_new(c);
        if (i == 3) {
            IrTemp t = low_new(c);
            if (sub) {
                ir_sub(b, t, a[3], bb[3]);
            } else {
                ir_add(b, t, a[3], bb[3]);
            }
            ir_add(b, r[3], t, carry);
            break;
        }
        IrTemp k = low_new(c);
        if (sub) {
            ir_sub2(b, r[i], k, a[i], z, bb[i], z);
        } else {
            ir_add2(b, r[i], k, a[i], z, bb[i], z);
        }
        if (carry != IR_NO_TEMP) {
            IrTemp s = low_new(c), k2 = low_new(c);
            /* Add the incoming carry as a 33-bit value (carry, carry sign). */
            IrTemp ch = sub ? carry : z;
            ir_add2(b, s, k2, r[i], k, carry, ch);
            r[i] = s;
            k = k2;
        }
        carry = k;
    }
    Pair dl = low_pair(c, op->args[0]), dh = low_pair(c, op->args[1]);
    ir_mov(b, dl.l, r[0]);
    ir_mov(b, dl.h, r[1]);
    ir_mov(b, dh.l, r[2]);
    ir_mov(b, dh.h, r[3]);
}

static void low_op(LowCtx *c, const IrOp *op)
{
    IrBlock *b = c->b;
    IrOpcode opc = (IrOpcode)op->opc;
    if (opc == IR_NOP) {
        return;
    }
    if (!low_touches_i64(c, op)) {
        low_copy_op(c, op);
        return;
    }
    const uint64_t *k = &op->args[op->nout + op->nin];
    Pair d = { IR_NO_TEMP, IR_NO_TEMP }, a = d, y = d;
    if (op->nout && c->hi[op->args[0]] != IR_NO_TEMP) {
        d = low_pair(c, op->args[0]);
    }
    if (op->nin >= 1) {
        a = low_pair(c, op->args[op->nout]);
    }
    if (op->nin >= 2) {
        y = low_pair(c, op->args[op->nout + 1]);
    }
    Pair r;
    IrTemp t;

    switch (opc) {
    case IR_MOV:
        low_set(c, d, a);
        return;
    case IR_AND: case IR_OR: case IR_XOR: case IR_ANDC: case IR_ORC: {
        uint64_t al[3] = { d.l, a.l, y.l }, ah[3] = { d.h, a.h, y.h };
        ir_emit(b, opc, IR_I32, 1, 2, 0, al);
        ir_emit(b, opc, IR_I32, 1, 2, 0, ah);
        return;
    }
    case IR_NOT:
        ir_not(b, d.l, a.l);
        ir_not(b, d.h, a.h);
        return;
    case IR_ADD:
        ir_add2(b, d.l, d.h, a.l, a.h, y.l, y.h);
        return;
    case IR_SUB:
        ir_sub2(b, d.l, d.h, a.l, a.h, y.l, y.h);
        return;
    case IR_NEG: {
        IrTemp z = low_k(c, 0);
        ir_sub2(b, d.l, d.h, z, z, a.l, a.h);
        return;
    }
    case IR_MUL: {
        r = low_fresh(c);
        IrTemp ph = low_new(c), c1 = low_new(c), c2 = low_new(c);
        IrTemp s = low_new(c);
        ir_mulu2(b, r.l, ph, a.l, y.l);
        ir_mul(b, c1, a.l, y.h);
        ir_mul(b, c2, a.h, y.l);
        ir_add(b, s, c1, c2);
        ir_add(b, r.h, ph, s);
        low_set(c, d, r);
        return;
    }
    case IR_SHL: case IR_SHR: case IR_SAR:
        low_set(c, d, low_shift(c, opc, a, op->args[op->nout + 1]));
        return;
    case IR_ROTL: case IR_ROTR: {
        IrOpcode first = opc == IR_ROTL ? IR_SHL : IR_SHR;
        IrOpcode second = opc == IR_ROTL ? IR_SHR : IR_SHL;
        uint64_t cnt = op->args[op->nout + 1];
        Pair p1, p2;
        if (c->old[cnt].kind == IR_TEMP_CONST) {
            unsigned n = (unsigned)c->old[cnt].val & 63;
            p1 = low_shift_const(c, first, a, n);
            p2 = low_shift_const(c, second, a, (64 - n) & 63);
        } else {
            IrTemp neg = low_new(c);
            ir_neg(b, neg, y.l);
            p1 = low_shift_var(c, first, a, y.l);
            p2 = low_shift_var(c, second, a, neg);
        }
        r = low_fresh(c);
        ir_or(b, r.l, p1.l, p2.l);
        ir_or(b, r.h, p1.h, p2.h);
        low_set(c, d, r);
        return;
    }
    case IR_DIVS: case IR_DIVU: case IR_REMS: case IR_REMU: {
        unsigned what = opc == IR_DIVS ? 0 : opc == IR_DIVU ? 1
                      : opc == IR_REMS ? 2 : 3;
        r = low_fresh(c);
        low_arith_call(c, what, a, y, r.l);
        low_arith_call(c, what | 8, a, y, r.h);
        low_set(c, d, r);
        return;
    }
    case IR_MULU2: case IR_MULS2: {
        unsigned what = opc == IR_MULU2 ? 4 : 5;
        IrTemp w[4];
        for (unsigned i = 0; i < 4; i++) {
            w[i] = low_new(c);
            low_arith_call(c, what | (i << 3), a, y, w[i]);
        }
        Pair dl = low_pair(c, op->args[0]), dh = low_pair(c, op->args[1]);
        ir_mov(b, dl.l, w[0]);
        ir_mov(b, dl.h, w[1]);
        ir_mov(b, dh.l, w[2]);
        ir_mov(b, dh.h, w[3]);
        return;
    }
    case IR_ADD2: case IR_SUB2:
        low_addsub2(c, op);
        return;
    case IR_EXTRACT: case IR_SEXTRACT: {
        unsigned pos = (unsigned)k[0], len = (unsigned)k[1];
        Pair s1 = low_shift_const(c, IR_SHL, a, 64 - pos - len);
        r = low_shift_const(c, opc == IR_EXTRACT ? IR_SHR : IR_SAR, s1,
                            64 - len);
        low_set(c, d, r);
        return;
    }
    case IR_DEPOSIT: {
        unsigned pos = (unsigned)k[0], len = (unsigned)k[1];
        uint64_t m = (len >= 64 ? UINT64_MAX : (UINT64_C(1) << len) - 1)
                     << pos;
        Pair sh = low_shift_const(c, IR_SHL, y, pos);
        r = low_fresh(c);
        IrTemp t1 = low_new(c), t2 = low_new(c), t3 = low_new(c);
        IrTemp t4 = low_new(c);
        ir_andi(b, t1, a.l, (uint32_t)~m);
        ir_andi(b, t2, sh.l, (uint32_t)m);
        ir_or(b, r.l, t1, t2);
        ir_andi(b, t3, a.h, (uint32_t)(~m >> 32));
        ir_andi(b, t4, sh.h, (uint32_t)(m >> 32));
        ir_or(b, r.h, t3, t4);
        low_set(c, d, r);
        return;
    }
    case IR_EXT8S: case IR_EXT16S: case IR_EXT32S:
        r = low_fresh(c);
        if (opc == IR_EXT8S) {
            ir_ext8s(b, r.l, a.l);
        } else if (opc == IR_EXT16S) {
            ir_ext16s(b, r.l, a.l);
        } else {
            ir_mov(b, r.l, a.l);
        }
        ir_sari(b, r.h, r.l, 31);
        low_set(c, d, r);
        return;
    case IR_EXT8U: case IR_EXT16U: case IR_EXT32U:
    case IR_BSWAP16: case IR_BSWAP32:
        if (opc == IR_EXT8U) {
            ir_ext8u(b, d.l, a.l);
        } else if (opc == IR_EXT16U) {
            ir_ext16u(b, d.l, a.l);
        } else if (opc == IR_EXT32U) {
            ir_mov(b, d.l, a.l);
        } else if (opc == IR_BSWAP16) {
            ir_bswap16(b, d.l, a.l);
        } else {
            ir_bswap32(b, d.l, a.l);
        }
        ir_movi(b, d.h, 0);
        return;
    case IR_BSWAP64:
        r = low_fresh(c);
        ir_bswap32(b, r.l, a.h);
        ir_bswap32(b, r.h, a.l);
        low_set(c, d, r);
        return;
    case IR_EXTU_I32_I64:
        ir_mov(b, d.l, c->lo[op->args[1]]);
        ir_movi(b, d.h, 0);
        return;
    case IR_EXTS_I32_I64:
        t = low_new(c);
        ir_mov(b, t, c->lo[op->args[1]]);
        ir_mov(b, d.l, t);
        ir_sari(b, d.h, t, 31);
        return;
    case IR_EXTRL_I64_I32:
        ir_mov(b, c->lo[op->args[0]], a.l);
        return;
    case IR_EXTRH_I64_I32:
        ir_mov(b, c->lo[op->args[0]], a.h);
        return;
    case IR_CLZ: case IR_CTZ: {
        IrTemp t1 = low_new(c), t2 = low_new(c), t3 = low_new(c);
        IrTemp res = low_new(c);
        /* CLZ: high word unless zero; CTZ: low word unless zero. */
        IrTemp first = opc == IR_CLZ ? a.h : a.l;
        IrTemp second = opc == IR_CLZ ? a.l : a.h;
        if (opc == IR_CLZ) {
            ir_clz(b, t1, first);
            ir_clz(b, t2, second);
        } else {
            ir_ctz(b, t1, first);
            ir_ctz(b, t2, second);
        }
        ir_addi(b, t3, t2, 32);
        ir_movcond(b, IR_COND_NE, res, first, low_k(c, 0), t1, t3);
        ir_mov(b, d.l, res);
        ir_movi(b, d.h, 0);
        return;
    }
    case IR_POPCNT: {
        IrTemp t1 = low_new(c), t2 = low_new(c), res = low_new(c);
        ir_popcnt(b, t1, a.l);
        ir_popcnt(b, t2, a.h);
        ir_add(b, res, t1, t2);
        ir_mov(b, d.l, res);
        ir_movi(b, d.h, 0);
        return;
    }
    case IR_SETCOND:
        t = low_cond(c, (IrCond)k[0], a, y);
        r.l = t;
        r.h = low_k(c, 0);
        low_set(c, d, r);
        return;
    case IR_MOVCOND: {
        Pair v1 = low_pair(c, op->args[3]), v2 = low_pair(c, op->args[4]);
        IrTemp z = low_k(c, 0);
        t = low_cond(c, (IrCond)k[0], a, y);
        r = low_fresh(c);
        ir_movcond(b, IR_COND_NE, r.l, t, z, v1.l, v2.l);
        ir_movcond(b, IR_COND_NE, r.h, t, z, v1.h, v2.h);
        low_set(c, d, r);
        return;
    }
    case IR_BRCOND:
        t = low_cond(c, (IrCond)k[0], a, y);
        ir_brcond(b, IR_COND_NE, t, low_k(c, 0), (uint32_t)k[1]);
        return;
    case IR_LD8U: case IR_LD8S: case IR_LD16U: case IR_LD16S:
    case IR_LD32U: case IR_LD32S: case IR_LD:
    case IR_ST8: case IR_ST16: case IR_ST32: case IR_ST:
        low_ldst(c, op);
        return;
    case IR_GUEST_LD: case IR_GUEST_ST: case IR_ATOMIC_CMPXCHG:
    case IR_ATOMIC_XCHG: case IR_ATOMIC_FETCH_ADD: case IR_ATOMIC_FETCH_AND:
    case IR_ATOMIC_FETCH_OR: case IR_ATOMIC_FETCH_XOR:
        low_guest(c, op);
        return;
    case IR_CALL:
        low_call(c, op);
        return;
    default:
        fprintf(stderr, "emu: ir_lower_i64: cannot lower %s\n",
                ir_op_defs[opc].name);
        abort();
    }
}

void ir_lower_i64(IrBlock *b)
{
    LowCtx c;
    memset(&c, 0, sizeof(c));
    c.b = b;
    c.old_nt = b->nb_temps;
    IrTempInfo *old = malloc(b->nb_temps * sizeof(*old));
    c.lo = malloc(b->nb_temps * sizeof(*c.lo));
    c.hi = malloc(b->nb_temps * sizeof(*c.hi));
    if (!old || !c.lo || !c.hi) {
        abort();
    }
    memcpy(old, b->temps, b->nb_temps * sizeof(*old));
    c.old = old;

    /* Rebuild the temp table: globals stay, split globals are appended to
     * them, then every other temp is renumbered. */
    uint32_t old_ng = b->nb_globals;
    b->nb_temps = old_ng;
    low_map_temps(&c, old_ng);

    IrOp *ops = b->ops;
    uint32_t nb_ops = b->nb_ops;
    b->ops = NULL;
    b->nb_ops = 0;
    b->cap_ops = 0;
    for (uint32_t i = 0; i < nb_ops; i++) {
        low_op(&c, &ops[i]);
    }
    free(ops);
    free(old);
    free(c.lo);
    free(c.hi);
}

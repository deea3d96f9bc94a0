/* tests/unit/ir_eval.c — TEST ORACLE ONLY, never linked into emu: a slow
 * reference evaluator of IrBlocks, written independently of the optimizer's
 * folding code (separate 32- and 64-bit paths, bit loops) so the two check
 * each other. Helpers are called through libffi.
 */
#include "ir_eval.h"

#include <ffi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Ev {
    const IrBlock *b;
    IrEvalState *st;
    uint64_t *val;      /* non-global temps */
    uint64_t rng;
} Ev;

static void ev_die(const char *msg, unsigned n)
{
    fprintf(stderr, "ir_eval: %s (%u)\n", msg, n);
    abort();
}

static uint64_t ev_rand(Ev *e)
{
    e->rng ^= e->rng << 13;
    e->rng ^= e->rng >> 7;
    e->rng ^= e->rng << 17;
    return e->rng;
}

static uint64_t ev_trunc(IrType t, uint64_t v)
{
    return t == IR_I32 ? (uint32_t)v : v;
}

static uint64_t ev_get(Ev *e, IrTemp t)
{
    const IrTempInfo *ti = &e->b->temps[t];
    switch (ti->kind) {
    case IR_TEMP_ENV:
        return (uint64_t)(uintptr_t)e->st->env;
    case IR_TEMP_CONST:
        return ev_trunc((IrType)ti->type, ti->val);
    case IR_TEMP_GLOBAL: {
        if (ti->type == IR_I32) {
            uint32_t v;
            memcpy(&v, e->st->env + ti->offset, 4);
            return v;
        }
        uint64_t v;
        memcpy(&v, e->st->env + ti->offset, 8);
        return v;
    }
    default:
        return ev_trunc((IrType)ti->type, e->val[t]);
    }
}

static void ev_set(Ev *e, IrTemp t, uint64_t v)
{
    const IrTempInfo *ti = &e->b->temps[t];
    v = ev_trunc((IrType)ti->type, v);
    if (ti->kind == IR_TEMP_GLOBAL) {
        if (ti->type == IR_I32) {
            uint32_t w = (uint32_t)v;
            memcpy(e->st->env + ti->offset, &w, 4);
        } else {
            memcpy(e->st->env + ti->offset, &v, 8);
        }
        return;
    }
    if (ti->kind != IR_TEMP_EPHEMERAL && ti->kind != IR_TEMP_LOCAL) {
        ev_die("write to a const or env temp", t);
    }
    e->val[t] = v;
}

static bool ev_cond(IrCond c, IrType t, uint64_t a, uint64_t b)
{
    if (t == IR_I32) {
        uint32_t ua = (uint32_t)a, ub = (uint32_t)b;
        int32_t sa = (int32_t)ua, sb = (int32_t)ub;
        switch (c) {
        case IR_COND_NEVER: return false;
        case IR_COND_ALWAYS: return true;
        case IR_COND_EQ: return ua == ub;
        case IR_COND_NE: return ua != ub;
        case IR_COND_LT: return sa < sb;
        case IR_COND_GE: return sa >= sb;
        case IR_COND_LE: return sa <= sb;
        case IR_COND_GT: return sa > sb;
        case IR_COND_LTU: return ua < ub;
        case IR_COND_GEU: return ua >= ub;
        case IR_COND_LEU: return ua <= ub;
        case IR_COND_GTU: return ua > ub;
        default: ev_die("bad cond", c);
        }
    }
    int64_t sa = (int64_t)a, sb = (int64_t)b;
    switch (c) {
    case IR_COND_NEVER: return false;
    case IR_COND_ALWAYS: return true;
    case IR_COND_EQ: return a == b;
    case IR_COND_NE: return a != b;
    case IR_COND_LT: return sa < sb;
    case IR_COND_GE: return sa >= sb;
    case IR_COND_LE: return sa <= sb;
    case IR_COND_GT: return sa > sb;
    case IR_COND_LTU: return a < b;
    case IR_COND_GEU: return a >= b;
    case IR_COND_LEU: return a <= b;
    case IR_COND_GTU: return a > b;
    default: ev_die("bad cond", c);
    }
    return false;
}

static uint64_t ev_bits_mask(unsigned len)
{
    uint64_t m = 0;
    for (unsigned i = 0; i < len; i++) {
        m |= UINT64_C(1) << i;
    }
    return m;
}

static uint64_t ev_sext_bits(uint64_t v, unsigned len)
{
    v &= ev_bits_mask(len);
    if (len < 64 && (v >> (len - 1)) & 1) {
        v |= ~ev_bits_mask(len);
    }
    return v;
}

static uint64_t ev_unary(IrOpcode opc, IrType t, uint64_t a)
{
    unsigned w = t == IR_I32 ? 32 : 64;
    unsigned n = 0;
    switch (opc) {
    case IR_MOV: return a;
    case IR_NEG: return 0 - a;
    case IR_NOT: return ~a;
    case IR_EXT8S: return ev_sext_bits(a, 8);
    case IR_EXT8U: return a & 0xff;
    case IR_EXT16S: return ev_sext_bits(a, 16);
    case IR_EXT16U: return a & 0xffff;
    case IR_EXT32S: return ev_sext_bits(a, 32);
    case IR_EXT32U: return a & 0xffffffffu;
    case IR_BSWAP16: return ((a >> 8) & 0xff) | ((a & 0xff) << 8);
    case IR_BSWAP32: {
        uint64_t r = 0;
        for (int i = 0; i < 4; i++) {
            r |= ((a >> (8 * i)) & 0xff) << (8 * (3 - i));
        }
        return r;
    }
    case IR_BSWAP64: {
        uint64_t r = 0;
        for (int i = 0; i < 8; i++) {
            r |= ((a >> (8 * i)) & 0xff) << (8 * (7 - i));
        }
        return r;
    }
    case IR_CLZ:
        for (int i = (int)w - 1; i >= 0 && !((a >> i) & 1); i--) {
            n++;
        }
        return n;
    case IR_CTZ:
        for (unsigned i = 0; i < w && !((a >> i) & 1); i++) {
            n++;
        }
        return n;
    case IR_POPCNT:
        for (unsigned i = 0; i < w; i++) {
            n += (a >> i) & 1;
        }
        return n;
    default:
        ev_die("not a unary op", opc);
    }
    return 0;
}

static uint64_t ev_binary32(IrOpcode opc, uint32_t a, uint32_t b)
{
    int32_t sa = (int32_t)a, sb = (int32_t)b;
    unsigned n = b & 31;
    switch (opc) {
    case IR_ADD: return a + b;
    case IR_SUB: return a - b;
    case IR_MUL: return a * b;
    case IR_AND: return a & b;
    case IR_OR: return a | b;
    case IR_XOR: return a ^ b;
    case IR_ANDC: return a & ~b;
    case IR_ORC: return (uint32_t)(a | ~b);
    case IR_SHL: return a << n;
    case IR_SHR: return a >> n;
    case IR_SAR: return (uint32_t)(sa >> n);
    case IR_ROTL: return n ? (a << n) | (a >> (32 - n)) : a;
    case IR_ROTR: return n ? (a >> n) | (a << (32 - n)) : a;
    case IR_DIVU: return b ? a / b : 0;
    case IR_REMU: return b ? a % b : a;
    case IR_DIVS:
        if (b == 0) return 0;
        if (sa == INT32_MIN && sb == -1) return (uint32_t)INT32_MIN;
        return (uint32_t)(sa / sb);
    case IR_REMS:
        if (b == 0) return a;
        if (sa == INT32_MIN && sb == -1) return 0;
        return (uint32_t)(sa % sb);
    default:
        ev_die("not a binary op", opc);
    }
    return 0;
}

static uint64_t ev_binary64(IrOpcode opc, uint64_t a, uint64_t b)
{
    int64_t sa = (int64_t)a, sb = (int64_t)b;
    unsigned n = b & 63;
    switch (opc) {
    case IR_ADD: return a + b;
    case IR_SUB: return a - b;
    case IR_MUL: return a * b;
    case IR_AND: return a & b;
    case IR_OR: return a | b;
    case IR_XOR: return a ^ b;
    case IR_ANDC: return a & ~b;
    case IR_ORC: return a | ~b;
    case IR_SHL: return a << n;
    case IR_SHR: return a >> n;
    case IR_SAR: return (uint64_t)(sa >> n);
    case IR_ROTL: return n ? (a << n) | (a >> (64 - n)) : a;
    case IR_ROTR: return n ? (a >> n) | (a << (64 - n)) : a;
    case IR_DIVU: return b ? a / b : 0;
    case IR_REMU: return b ? a % b : a;
    case IR_DIVS:
        if (b == 0) return 0;
        if (sa == INT64_MIN && sb == -1) return (uint64_t)INT64_MIN;
        return (uint64_t)(sa / sb);
    case IR_REMS:
        if (b == 0) return a;
        if (sa == INT64_MIN && sb == -1) return 0;
        return (uint64_t)(sa % sb);
    default:
        ev_die("not a binary op", opc);
    }
    return 0;
}

/* Guest memory access; returns false on a fault. */
static bool ev_guest_check(Ev *e, uint64_t addr, unsigned memop)
{
    unsigned size = 1u << (memop & IR_MO_SIZE);
    if (addr > IR_EVAL_MEM_SIZE - size ||
        ((memop & IR_MO_ALIGN) && (addr & (size - 1)))) {
        e->st->exit = IR_EVAL_FAULT;
        e->st->exit_val = addr;
        return false;
    }
    return true;
}

static uint64_t ev_guest_read(Ev *e, uint64_t addr, unsigned memop)
{
    unsigned size = 1u << (memop & IR_MO_SIZE);
    uint64_t v = 0;
    for (unsigned i = 0; i < size; i++) {
        unsigned sh = (memop & IR_MO_BE) ? 8 * (size - 1 - i) : 8 * i;
        v |= (uint64_t)e->st->mem[addr + i] << sh;
    }
    if (memop & IR_MO_SIGN) {
        v = ev_sext_bits(v, 8 * size);
    }
    return v;
}

static void ev_guest_write(Ev *e, uint64_t addr, unsigned memop, uint64_t v)
{
    unsigned size = 1u << (memop & IR_MO_SIZE);
    for (unsigned i = 0; i < size; i++) {
        unsigned sh = (memop & IR_MO_BE) ? 8 * (size - 1 - i) : 8 * i;
        e->st->mem[addr + i] = (uint8_t)(v >> sh);
    }
}

static uint8_t *ev_host_ptr(Ev *e, uint64_t base, uint64_t off, unsigned size)
{
    uint64_t p = base + off;
    uint64_t lo = (uint64_t)(uintptr_t)e->st->env;
    if (p < lo || p + size > lo + IR_EVAL_ENV_SIZE) {
        ev_die("host access outside the fake env", (unsigned)off);
    }
    return (uint8_t *)(uintptr_t)p;
}

static uint64_t ev_call(Ev *e, const IrOp *op)
{
    const IrHelper *h = (const IrHelper *)(uintptr_t)op->args[op->nout +
                                                               op->nin];
    ffi_type *types[IR_MAX_CALL_ARGS];
    void *ptrs[IR_MAX_CALL_ARGS];
    uint32_t a32[IR_MAX_CALL_ARGS];
    uint64_t a64[IR_MAX_CALL_ARGS];
    void *ap[IR_MAX_CALL_ARGS];
    unsigned n64 = 0;
    for (unsigned i = 0; i < h->nargs; i++) {
        n64 += h->args[i] == IR_HT_I64;
    }
    /* The split form of ir_lower_i64: i64 parameters as (lo, hi) pairs. */
    bool split = (n64 && op->nin == h->nargs + n64) || op->nout == 2;
    unsigned slot = 0;
    for (unsigned i = 0; i < h->nargs; i++) {
        uint64_t v = ev_get(e, (IrTemp)op->args[op->nout + slot++]);
        if (split && h->args[i] == IR_HT_I64) {
            v = (uint32_t)v |
                ev_get(e, (IrTemp)op->args[op->nout + slot++]) << 32;
        }
        switch (h->args[i]) {
        case IR_HT_I32:
            types[i] = &ffi_type_uint32;
            a32[i] = (uint32_t)v;
            ptrs[i] = &a32[i];
            break;
        case IR_HT_I64:
            types[i] = &ffi_type_uint64;
            a64[i] = v;
            ptrs[i] = &a64[i];
            break;
        default:
            types[i] = &ffi_type_pointer;
            ap[i] = (void *)(uintptr_t)v;
            ptrs[i] = &ap[i];
            break;
        }
    }
    ffi_type *rt = h->ret == IR_HT_VOID ? &ffi_type_void :
                   h->ret == IR_HT_I32 ? &ffi_type_uint32 :
                   h->ret == IR_HT_I64 ? &ffi_type_uint64 : &ffi_type_pointer;
    ffi_cif cif;
    if (ffi_prep_cif(&cif, FFI_DEFAULT_ABI, h->nargs, rt, types) != FFI_OK) {
        ev_die("ffi_prep_cif", h->nargs);
    }
    ffi_arg ret = 0;
    ffi_call(&cif, FFI_FN(h->func), &ret, ptrs);
    return (uint64_t)ret;
}

/* Runs one op; returns false when the block is left. *pc is the next op. */
static bool ev_op(Ev *e, const IrOp *op, uint32_t *pc, const uint32_t *lbl)
{
    const IrBlock *b = e->b;
    IrOpcode opc = (IrOpcode)op->opc;
    IrType t = (IrType)op->type;
    const uint64_t *a = op->args;
    const uint64_t *k = &op->args[op->nout + op->nin];
    uint64_t in[IR_MAX_ARGS];
    for (unsigned i = 0; i < op->nin; i++) {
        in[i] = ev_get(e, (IrTemp)a[op->nout + i]);
    }
    unsigned w = t == IR_I32 ? 32 : 64;

    switch (opc) {
    case IR_NOP: case IR_INSN_START: case IR_MB:
        break;
    case IR_MOV: case IR_NEG: case IR_NOT: case IR_EXT8S: case IR_EXT8U:
    case IR_EXT16S: case IR_EXT16U: case IR_EXT32S: case IR_EXT32U:
    case IR_BSWAP16: case IR_BSWAP32: case IR_BSWAP64: case IR_CLZ:
    case IR_CTZ: case IR_POPCNT:
        ev_set(e, (IrTemp)a[0], ev_unary(opc, t, in[0]));
        break;
    case IR_ADD: case IR_SUB: case IR_MUL: case IR_AND: case IR_OR:
    case IR_XOR: case IR_ANDC: case IR_ORC: case IR_SHL: case IR_SHR:
    case IR_SAR: case IR_ROTL: case IR_ROTR: case IR_DIVS: case IR_DIVU:
    case IR_REMS: case IR_REMU:
        ev_set(e, (IrTemp)a[0], t == IR_I32 ?
               ev_binary32(opc, (uint32_t)in[0], (uint32_t)in[1]) :
               ev_binary64(opc, in[0], in[1]));
        break;
    case IR_MULU2: case IR_MULS2: case IR_ADD2: case IR_SUB2: {
        unsigned __int128 r, x, y;
        if (opc == IR_MULU2) {
            r = (unsigned __int128)in[0] * in[1];
        } else if (opc == IR_MULS2) {
            __int128 sx = w == 32 ? (int32_t)in[0] : (int64_t)in[0];
            __int128 sy = w == 32 ? (int32_t)in[1] : (int64_t)in[1];
            r = (unsigned __int128)(sx * sy);
        } else {
            x = ((unsigned __int128)in[1] << w) | in[0];
            y = ((unsigned __int128)in[3] << w) | in[2];
            r = opc == IR_ADD2 ? x + y : x - y;
        }
        uint64_t lo = (uint64_t)r, hi = (uint64_t)(r >> w);
        ev_set(e, (IrTemp)a[0], lo);
        ev_set(e, (IrTemp)a[1], hi);
        break;
    }
    case IR_EXTRACT:
        ev_set(e, (IrTemp)a[0], (in[0] >> k[0]) & ev_bits_mask((unsigned)k[1]));
        break;
    case IR_SEXTRACT:
        ev_set(e, (IrTemp)a[0], ev_sext_bits(in[0] >> k[0], (unsigned)k[1]));
        break;
    case IR_DEPOSIT: {
        uint64_t m = ev_bits_mask((unsigned)k[1]) << k[0];
        ev_set(e, (IrTemp)a[0], (in[0] & ~m) | ((in[1] << k[0]) & m));
        break;
    }
    case IR_EXTU_I32_I64:
        ev_set(e, (IrTemp)a[0], (uint32_t)in[0]);
        break;
    case IR_EXTS_I32_I64:
        ev_set(e, (IrTemp)a[0], (uint64_t)(int64_t)(int32_t)in[0]);
        break;
    case IR_EXTRL_I64_I32:
        ev_set(e, (IrTemp)a[0], (uint32_t)in[0]);
        break;
    case IR_EXTRH_I64_I32:
        ev_set(e, (IrTemp)a[0], in[0] >> 32);
        break;
    case IR_SETCOND:
        ev_set(e, (IrTemp)a[0], ev_cond((IrCond)k[0], t, in[0], in[1]));
        break;
    case IR_MOVCOND:
        ev_set(e, (IrTemp)a[0],
               ev_cond((IrCond)k[0], t, in[0], in[1]) ? in[2] : in[3]);
        break;
    case IR_SET_LABEL:
        for (IrTemp i = 0; i < b->nb_temps; i++) {
            if (b->temps[i].kind == IR_TEMP_EPHEMERAL) {
                e->val[i] = ev_rand(e);
            }
        }
        break;
    case IR_BR:
        *pc = lbl[k[0]];
        break;
    case IR_BRCOND:
        if (ev_cond((IrCond)k[0], t, in[0], in[1])) {
            *pc = lbl[k[1]];
        }
        break;
    case IR_LD8U: case IR_LD8S: case IR_LD16U: case IR_LD16S:
    case IR_LD32U: case IR_LD32S: case IR_LD: {
        static const uint8_t sizes[] = { 1, 1, 2, 2, 4, 4, 0 };
        unsigned size = sizes[opc - IR_LD8U];
        if (!size) {
            size = w / 8;
        }
        uint8_t *p = ev_host_ptr(e, in[0], k[0], size);
        uint64_t v = 0;
        memcpy(&v, p, size);   /* little-endian host */
        bool sign = opc == IR_LD8S || opc == IR_LD16S || opc == IR_LD32S;
        if (sign) {
            v = ev_sext_bits(v, 8 * size);
        }
        ev_set(e, (IrTemp)a[0], v);
        break;
    }
    case IR_ST8: case IR_ST16: case IR_ST32: case IR_ST: {
        static const uint8_t sizes[] = { 1, 2, 4, 0 };
        unsigned size = sizes[opc - IR_ST8];
        if (!size) {
            size = w / 8;
        }
        uint8_t *p = ev_host_ptr(e, in[1], k[0], size);
        memcpy(p, &in[0], size);
        break;
    }
    case IR_GUEST_LD:
        if (!ev_guest_check(e, in[0], (unsigned)k[0])) {
            return false;
        }
        ev_set(e, (IrTemp)a[0], ev_guest_read(e, in[0], (unsigned)k[0]));
        break;
    case IR_GUEST_ST:
        if (!ev_guest_check(e, in[1], (unsigned)k[0])) {
            return false;
        }
        ev_guest_write(e, in[1], (unsigned)k[0], in[0]);
        break;
    case IR_ATOMIC_CMPXCHG: case IR_ATOMIC_XCHG: case IR_ATOMIC_FETCH_ADD:
    case IR_ATOMIC_FETCH_AND: case IR_ATOMIC_FETCH_OR:
    case IR_ATOMIC_FETCH_XOR: {
        unsigned mo = (unsigned)k[0];
        unsigned bits = 8u << (mo & IR_MO_SIZE);
        if (!ev_guest_check(e, in[0], mo)) {
            return false;
        }
        uint64_t old = ev_guest_read(e, in[0], mo);
        uint64_t cmpold = old & ev_bits_mask(bits);
        uint64_t nv;
        switch (opc) {
        case IR_ATOMIC_CMPXCHG:
            nv = cmpold == (in[1] & ev_bits_mask(bits)) ? in[2] : cmpold;
            break;
        case IR_ATOMIC_XCHG: nv = in[1]; break;
        case IR_ATOMIC_FETCH_ADD: nv = old + in[1]; break;
        case IR_ATOMIC_FETCH_AND: nv = old & in[1]; break;
        case IR_ATOMIC_FETCH_OR: nv = old | in[1]; break;
        default: nv = old ^ in[1]; break;
        }
        ev_guest_write(e, in[0], mo, nv);
        ev_set(e, (IrTemp)a[0], old);
        break;
    }
    case IR_CALL: {
        uint64_t r = ev_call(e, op);
        if (op->nout) {
            ev_set(e, (IrTemp)a[0], r);
        }
        if (op->nout == 2) {
            ev_set(e, (IrTemp)a[1], r >> 32);
        }
        break;
    }
    case IR_GOTO_TB:
        e->st->goto_tb_count++;
        break;
    case IR_EXIT_TB:
        e->st->exit = IR_EVAL_EXIT_TB;
        e->st->exit_val = k[0];
        return false;
    case IR_EXIT_LOOKUP:
        e->st->exit = IR_EVAL_EXIT_LOOKUP;
        return false;
    default:
        ev_die("unknown op", opc);
    }
    return true;
}

void ir_eval_run(const IrBlock *b, IrEvalState *st, uint64_t poison_seed)
{
    char err[200];
    if (!ir_validate(b, err, sizeof(err))) {
        fprintf(stderr, "ir_eval: invalid block: %s\n", err);
        abort();
    }
    Ev e = { b, st, calloc(b->nb_temps + 1, sizeof(uint64_t)),
             poison_seed | 1 };
    uint32_t *lbl = calloc(b->nb_labels + 1, sizeof(uint32_t));
    if (!e.val || !lbl) {
        abort();
    }
    for (IrTemp i = 0; i < b->nb_temps; i++) {
        e.val[i] = ev_rand(&e);
    }
    for (uint32_t i = 0; i < b->nb_ops; i++) {
        if (b->ops[i].opc == IR_SET_LABEL) {
            lbl[b->ops[i].args[0]] = i;
        }
    }
    st->exit = IR_EVAL_FELL_OFF;
    st->exit_val = 0;
    st->goto_tb_count = 0;
    uint32_t pc = 0, steps = 0;
    while (pc < b->nb_ops) {
        if (++steps > 100000) {
            st->exit = IR_EVAL_STEP_LIMIT;
            break;
        }
        const IrOp *op = &b->ops[pc++];
        if (!ev_op(&e, op, &pc, lbl)) {
            break;
        }
    }
    free(e.val);
    free(lbl);
}

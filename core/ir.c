/* core/ir.c — micro-op blocks: the op table, temps, labels, the builder
 * API frontends call, and the validator and -d op dump used by everyone
 * downstream (optimizer, lowering, backends).
 */
#include "ir.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

const IrOpDef ir_op_defs[IR_NB_OPS] = {
#define IR_OPDEF(n, o, i, c, f) [IR_##n] = { #n, o, i, c, f },
#include "ir_ops.h"
#undef IR_OPDEF
};

static void *ir_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n);
    if (!q) {
        fprintf(stderr, "emu: out of memory in the IR builder\n");
        abort();
    }
    return q;
}

static uint64_t ir_type_mask(IrType t)
{
    return t == IR_I32 ? UINT32_MAX : UINT64_MAX;
}

/* ---- Blocks and temps -------------------------------------------------- */

static IrTemp ir_temp_alloc(IrBlock *b, IrType type, IrTempKind kind)
{
    if (b->nb_temps == b->cap_temps) {
        uint32_t cap = b->cap_temps ? b->cap_temps * 2 : 64;
        b->temps = ir_xrealloc(b->temps, cap * sizeof(*b->temps));
        b->cap_temps = cap;
    }
    IrTemp t = b->nb_temps++;
    IrTempInfo *ti = &b->temps[t];
    memset(ti, 0, sizeof(*ti));
    ti->type = (uint8_t)type;
    ti->kind = (uint8_t)kind;
    return t;
}

IrBlock *ir_block_new(void)
{
    IrBlock *b = calloc(1, sizeof(*b));
    if (!b) {
        fprintf(stderr, "emu: out of memory in the IR builder\n");
        abort();
    }
    IrTemp env = ir_temp_alloc(b, IR_PTR, IR_TEMP_ENV);
    b->temps[env].name = "env";
    b->nb_globals = 1;
    return b;
}

void ir_block_free(IrBlock *b)
{
    if (!b) {
        return;
    }
    free(b->temps);
    free(b->ops);
    free(b);
}

void ir_block_reset(IrBlock *b)
{
    b->nb_temps = b->nb_globals;
    b->nb_ops = 0;
    b->nb_labels = 0;
}

IrTemp ir_global(IrBlock *b, IrType type, int32_t offset, const char *name)
{
    if (b->nb_temps != b->nb_globals) {
        fprintf(stderr, "emu: ir_global(%s) after non-global temps\n",
                name ? name : "?");
        abort();
    }
    IrTemp t = ir_temp_alloc(b, type, IR_TEMP_GLOBAL);
    b->temps[t].offset = offset;
    b->temps[t].name = name;
    b->nb_globals = b->nb_temps;
    return t;
}

IrTemp ir_temp_new(IrBlock *b, IrType type)
{
    return ir_temp_alloc(b, type, IR_TEMP_EPHEMERAL);
}

IrTemp ir_temp_local(IrBlock *b, IrType type)
{
    return ir_temp_alloc(b, type, IR_TEMP_LOCAL);
}

IrTemp ir_const(IrBlock *b, IrType type, uint64_t val)
{
    IrTemp t = ir_temp_alloc(b, type, IR_TEMP_CONST);
    b->temps[t].val = val & ir_type_mask(type);
    return t;
}

uint32_t ir_new_label(IrBlock *b)
{
    return b->nb_labels++;
}

uint32_t ir_emit(IrBlock *b, IrOpcode opc, IrType type, uint8_t nout,
                 uint8_t nin, uint8_t nconst, const uint64_t *args)
{
    unsigned n = (unsigned)nout + nin + nconst;
    if (n > IR_MAX_ARGS) {
        fprintf(stderr, "emu: ir_emit: %u arguments\n", n);
        abort();
    }
    if (b->nb_ops == b->cap_ops) {
        uint32_t cap = b->cap_ops ? b->cap_ops * 2 : 256;
        b->ops = ir_xrealloc(b->ops, cap * sizeof(*b->ops));
        b->cap_ops = cap;
    }
    uint32_t idx = b->nb_ops++;
    IrOp *op = &b->ops[idx];
    memset(op, 0, sizeof(*op));
    op->opc = (uint16_t)opc;
    op->type = (uint8_t)type;
    op->nout = nout;
    op->nin = nin;
    op->nconst = nconst;
    if (n) {
        memcpy(op->args, args, n * sizeof(uint64_t));
    }
    return idx;
}

/* ---- Builder ------------------------------------------------------------ */

/* Emits an op with the counts of its table row. */
static void ir_gen(IrBlock *b, IrOpcode opc, IrType type, const uint64_t *a)
{
    const IrOpDef *d = &ir_op_defs[opc];
    ir_emit(b, opc, type, d->nout, d->nin, d->nconst, a);
}

static void ir_gen1(IrBlock *b, IrOpcode opc, IrTemp d, IrTemp a)
{
    uint64_t args[2] = { d, a };
    ir_gen(b, opc, ir_temp_type(b, d), args);
}

static void ir_gen2(IrBlock *b, IrOpcode opc, IrTemp d, IrTemp a, IrTemp c)
{
    uint64_t args[3] = { d, a, c };
    ir_gen(b, opc, ir_temp_type(b, d), args);
}

static void ir_gen2i(IrBlock *b, IrOpcode opc, IrTemp d, IrTemp a,
                     uint64_t imm)
{
    ir_gen2(b, opc, d, a, ir_const(b, ir_temp_type(b, d), imm));
}

void ir_mov(IrBlock *b, IrTemp d, IrTemp a) { ir_gen1(b, IR_MOV, d, a); }
void ir_movi(IrBlock *b, IrTemp d, uint64_t imm)
{
    ir_gen1(b, IR_MOV, d, ir_const(b, ir_temp_type(b, d), imm));
}
void ir_add(IrBlock *b, IrTemp d, IrTemp a, IrTemp c) { ir_gen2(b, IR_ADD, d, a, c); }
void ir_sub(IrBlock *b, IrTemp d, IrTemp a, IrTemp c) { ir_gen2(b, IR_SUB, d, a, c); }
void ir_mul(IrBlock *b, IrTemp d, IrTemp a, IrTemp c) { ir_gen2(b, IR_MUL, d, a, c); }
void ir_neg(IrBlock *b, IrTemp d, IrTemp a) { ir_gen1(b, IR_NEG, d, a); }
void ir_and(IrBlock *b, IrTemp d, IrTemp a, IrTemp c) { ir_gen2(b, IR_AND, d, a, c); }
void ir_or(IrBlock *b, IrTemp d, IrTemp a, IrTemp c) { ir_gen2(b, IR_OR, d, a, c); }
void ir_xor(IrBlock *b, IrTemp d, IrTemp a, IrTemp c) { ir_gen2(b, IR_XOR, d, a, c); }
void ir_andc(IrBlock *b, IrTemp d, IrTemp a, IrTemp c) { ir_gen2(b, IR_ANDC, d, a, c); }
void ir_orc(IrBlock *b, IrTemp d, IrTemp a, IrTemp c) { ir_gen2(b, IR_ORC, d, a, c); }
void ir_not(IrBlock *b, IrTemp d, IrTemp a) { ir_gen1(b, IR_NOT, d, a); }
void ir_shl(IrBlock *b, IrTemp d, IrTemp a, IrTemp c) { ir_gen2(b, IR_SHL, d, a, c); }
void ir_shr(IrBlock *b, IrTemp d, IrTemp a, IrTemp c) { ir_gen2(b, IR_SHR, d, a, c); }
void ir_sar(IrBlock *b, IrTemp d, IrTemp a, IrTemp c) { ir_gen2(b, IR_SAR, d, a, c); }
void ir_rotl(IrBlock *b, IrTemp d, IrTemp a, IrTemp c) { ir_gen2(b, IR_ROTL, d, a, c); }
void ir_rotr(IrBlock *b, IrTemp d, IrTemp a, IrTemp c) { ir_gen2(b, IR_ROTR, d, a, c); }
void ir_divs(IrBlock *b, IrTemp d, IrTemp a, IrTemp c) { ir_gen2(b, IR_DIVS, d, a, c); }
void ir_divu(IrBlock *b, IrTemp d, IrTemp a, IrTemp c) { ir_gen2(b, IR_DIVU, d, a, c); }
void ir_rems(IrBlock *b, IrTemp d, IrTemp a, IrTemp c) { ir_gen2(b, IR_REMS, d, a, c); }
void ir_remu(IrBlock *b, IrTemp d, IrTemp a, IrTemp c) { ir_gen2(b, IR_REMU, d, a, c); }

void ir_addi(IrBlock *b, IrTemp d, IrTemp a, uint64_t imm) { ir_gen2i(b, IR_ADD, d, a, imm); }
void ir_subi(IrBlock *b, IrTemp d, IrTemp a, uint64_t imm) { ir_gen2i(b, IR_SUB, d, a, imm); }
void ir_muli(IrBlock *b, IrTemp d, IrTemp a, uint64_t imm) { ir_gen2i(b, IR_MUL, d, a, imm); }
void ir_andi(IrBlock *b, IrTemp d, IrTemp a, uint64_t imm) { ir_gen2i(b, IR_AND, d, a, imm); }
void ir_ori(IrBlock *b, IrTemp d, IrTemp a, uint64_t imm) { ir_gen2i(b, IR_OR, d, a, imm); }
void ir_xori(IrBlock *b, IrTemp d, IrTemp a, uint64_t imm) { ir_gen2i(b, IR_XOR, d, a, imm); }
void ir_shli(IrBlock *b, IrTemp d, IrTemp a, uint64_t imm) { ir_gen2i(b, IR_SHL, d, a, imm); }
void ir_shri(IrBlock *b, IrTemp d, IrTemp a, uint64_t imm) { ir_gen2i(b, IR_SHR, d, a, imm); }
void ir_sari(IrBlock *b, IrTemp d, IrTemp a, uint64_t imm) { ir_gen2i(b, IR_SAR, d, a, imm); }
void ir_rotli(IrBlock *b, IrTemp d, IrTemp a, uint64_t imm) { ir_gen2i(b, IR_ROTL, d, a, imm); }
void ir_rotri(IrBlock *b, IrTemp d, IrTemp a, uint64_t imm) { ir_gen2i(b, IR_ROTR, d, a, imm); }

void ir_mulu2(IrBlock *b, IrTemp lo, IrTemp hi, IrTemp a, IrTemp c)
{
    uint64_t args[4] = { lo, hi, a, c };
    ir_gen(b, IR_MULU2, ir_temp_type(b, lo), args);
}

void ir_muls2(IrBlock *b, IrTemp lo, IrTemp hi, IrTemp a, IrTemp c)
{
    uint64_t args[4] = { lo, hi, a, c };
    ir_gen(b, IR_MULS2, ir_temp_type(b, lo), args);
}

void ir_add2(IrBlock *b, IrTemp rl, IrTemp rh, IrTemp al, IrTemp ah,
             IrTemp bl, IrTemp bh)
{
    uint64_t args[6] = { rl, rh, al, ah, bl, bh };
    ir_gen(b, IR_ADD2, ir_temp_type(b, rl), args);
}

void ir_sub2(IrBlock *b, IrTemp rl, IrTemp rh, IrTemp al, IrTemp ah,
             IrTemp bl, IrTemp bh)
{
    uint64_t args[6] = { rl, rh, al, ah, bl, bh };
    ir_gen(b, IR_SUB2, ir_temp_type(b, rl), args);
}

void ir_extract(IrBlock *b, IrTemp d, IrTemp a, unsigned pos, unsigned len)
{
    uint64_t args[4] = { d, a, pos, len };
    ir_gen(b, IR_EXTRACT, ir_temp_type(b, d), args);
}

void ir_sextract(IrBlock *b, IrTemp d, IrTemp a, unsigned pos, unsigned len)
{
    uint64_t args[4] = { d, a, pos, len };
    ir_gen(b, IR_SEXTRACT, ir_temp_type(b, d), args);
}

void ir_deposit(IrBlock *b, IrTemp d, IrTemp a, IrTemp val, unsigned pos,
                unsigned len)
{
    uint64_t args[5] = { d, a, val, pos, len };
    ir_gen(b, IR_DEPOSIT, ir_temp_type(b, d), args);
}

void ir_ext8s(IrBlock *b, IrTemp d, IrTemp a) { ir_gen1(b, IR_EXT8S, d, a); }
void ir_ext8u(IrBlock *b, IrTemp d, IrTemp a) { ir_gen1(b, IR_EXT8U, d, a); }
void ir_ext16s(IrBlock *b, IrTemp d, IrTemp a) { ir_gen1(b, IR_EXT16S, d, a); }
void ir_ext16u(IrBlock *b, IrTemp d, IrTemp a) { ir_gen1(b, IR_EXT16U, d, a); }
void ir_ext32s(IrBlock *b, IrTemp d, IrTemp a) { ir_gen1(b, IR_EXT32S, d, a); }
void ir_ext32u(IrBlock *b, IrTemp d, IrTemp a) { ir_gen1(b, IR_EXT32U, d, a); }

/* The four cross-width conversions always have type IR_I64. */
static void ir_gen_cross(IrBlock *b, IrOpcode opc, IrTemp d, IrTemp a)
{
    uint64_t args[2] = { d, a };
    ir_gen(b, opc, IR_I64, args);
}

void ir_extu_i32_i64(IrBlock *b, IrTemp d64, IrTemp a32)
{
    ir_gen_cross(b, IR_EXTU_I32_I64, d64, a32);
}
void ir_exts_i32_i64(IrBlock *b, IrTemp d64, IrTemp a32)
{
    ir_gen_cross(b, IR_EXTS_I32_I64, d64, a32);
}
void ir_extrl_i64_i32(IrBlock *b, IrTemp d32, IrTemp a64)
{
    ir_gen_cross(b, IR_EXTRL_I64_I32, d32, a64);
}
void ir_extrh_i64_i32(IrBlock *b, IrTemp d32, IrTemp a64)
{
    ir_gen_cross(b, IR_EXTRH_I64_I32, d32, a64);
}

void ir_bswap16(IrBlock *b, IrTemp d, IrTemp a) { ir_gen1(b, IR_BSWAP16, d, a); }
void ir_bswap32(IrBlock *b, IrTemp d, IrTemp a) { ir_gen1(b, IR_BSWAP32, d, a); }
void ir_bswap64(IrBlock *b, IrTemp d, IrTemp a) { ir_gen1(b, IR_BSWAP64, d, a); }
void ir_clz(IrBlock *b, IrTemp d, IrTemp a) { ir_gen1(b, IR_CLZ, d, a); }
void ir_ctz(IrBlock *b, IrTemp d, IrTemp a) { ir_gen1(b, IR_CTZ, d, a); }
void ir_popcnt(IrBlock *b, IrTemp d, IrTemp a) { ir_gen1(b, IR_POPCNT, d, a); }

void ir_setcond(IrBlock *b, IrCond cond, IrTemp d, IrTemp a, IrTemp c)
{
    uint64_t args[4] = { d, a, c, cond };
    ir_gen(b, IR_SETCOND, ir_temp_type(b, a), args);
}

void ir_movcond(IrBlock *b, IrCond cond, IrTemp d, IrTemp c1, IrTemp c2,
                IrTemp v1, IrTemp v2)
{
    uint64_t args[6] = { d, c1, c2, v1, v2, cond };
    ir_gen(b, IR_MOVCOND, ir_temp_type(b, c1), args);
}

void ir_set_label(IrBlock *b, uint32_t label)
{
    uint64_t args[1] = { label };
    ir_gen(b, IR_SET_LABEL, IR_I32, args);
}

void ir_br(IrBlock *b, uint32_t label)
{
    uint64_t args[1] = { label };
    ir_gen(b, IR_BR, IR_I32, args);
}

void ir_brcond(IrBlock *b, IrCond cond, IrTemp a, IrTemp c, uint32_t label)
{
    uint64_t args[4] = { a, c, cond, label };
    ir_gen(b, IR_BRCOND, ir_temp_type(b, a), args);
}

void ir_brcondi(IrBlock *b, IrCond cond, IrTemp a, uint64_t imm,
                uint32_t label)
{
    ir_brcond(b, cond, a, ir_const(b, ir_temp_type(b, a), imm), label);
}

static void ir_gen_ld(IrBlock *b, IrOpcode opc, IrTemp d, IrTemp base,
                      int32_t offset)
{
    uint64_t args[3] = { d, base, (uint64_t)(int64_t)offset };
    ir_gen(b, opc, ir_temp_type(b, d), args);
}

static void ir_gen_st(IrBlock *b, IrOpcode opc, IrTemp val, IrTemp base,
                      int32_t offset)
{
    uint64_t args[3] = { val, base, (uint64_t)(int64_t)offset };
    ir_gen(b, opc, ir_temp_type(b, val), args);
}

void ir_ld8u(IrBlock *b, IrTemp d, IrTemp base, int32_t o) { ir_gen_ld(b, IR_LD8U, d, base, o); }
void ir_ld8s(IrBlock *b, IrTemp d, IrTemp base, int32_t o) { ir_gen_ld(b, IR_LD8S, d, base, o); }
void ir_ld16u(IrBlock *b, IrTemp d, IrTemp base, int32_t o) { ir_gen_ld(b, IR_LD16U, d, base, o); }
void ir_ld16s(IrBlock *b, IrTemp d, IrTemp base, int32_t o) { ir_gen_ld(b, IR_LD16S, d, base, o); }
void ir_ld32u(IrBlock *b, IrTemp d, IrTemp base, int32_t o) { ir_gen_ld(b, IR_LD32U, d, base, o); }
void ir_ld32s(IrBlock *b, IrTemp d, IrTemp base, int32_t o) { ir_gen_ld(b, IR_LD32S, d, base, o); }
void ir_ld(IrBlock *b, IrTemp d, IrTemp base, int32_t o) { ir_gen_ld(b, IR_LD, d, base, o); }
void ir_st8(IrBlock *b, IrTemp v, IrTemp base, int32_t o) { ir_gen_st(b, IR_ST8, v, base, o); }
void ir_st16(IrBlock *b, IrTemp v, IrTemp base, int32_t o) { ir_gen_st(b, IR_ST16, v, base, o); }
void ir_st32(IrBlock *b, IrTemp v, IrTemp base, int32_t o) { ir_gen_st(b, IR_ST32, v, base, o); }
void ir_st(IrBlock *b, IrTemp v, IrTemp base, int32_t o) { ir_gen_st(b, IR_ST, v, base, o); }

void ir_guest_ld(IrBlock *b, IrTemp d, IrTemp addr, unsigned memop)
{
    uint64_t args[3] = { d, addr, memop };
    ir_gen(b, IR_GUEST_LD, ir_temp_type(b, d), args);
}

void ir_guest_st(IrBlock *b, IrTemp val, IrTemp addr, unsigned memop)
{
    uint64_t args[3] = { val, addr, memop };
    ir_gen(b, IR_GUEST_ST, ir_temp_type(b, val), args);
}

void ir_atomic_cmpxchg(IrBlock *b, IrTemp old, IrTemp addr, IrTemp cmpv,
                       IrTemp newv, unsigned memop)
{
    uint64_t args[5] = { old, addr, cmpv, newv, memop };
    ir_gen(b, IR_ATOMIC_CMPXCHG, ir_temp_type(b, old), args);
}

static void ir_gen_atomic(IrBlock *b, IrOpcode opc, IrTemp old, IrTemp addr,
                          IrTemp val, unsigned memop)
{
    uint64_t args[4] = { old, addr, val, memop };
    ir_gen(b, opc, ir_temp_type(b, old), args);
}

void ir_atomic_xchg(IrBlock *b, IrTemp old, IrTemp addr, IrTemp val,
                    unsigned memop)
{
    ir_gen_atomic(b, IR_ATOMIC_XCHG, old, addr, val, memop);
}
void ir_atomic_fetch_add(IrBlock *b, IrTemp old, IrTemp addr, IrTemp val,
                         unsigned memop)
{
    ir_gen_atomic(b, IR_ATOMIC_FETCH_ADD, old, addr, val, memop);
}
void ir_atomic_fetch_and(IrBlock *b, IrTemp old, IrTemp addr, IrTemp val,
                         unsigned memop)
{
    ir_gen_atomic(b, IR_ATOMIC_FETCH_AND, old, addr, val, memop);
}
void ir_atomic_fetch_or(IrBlock *b, IrTemp old, IrTemp addr, IrTemp val,
                        unsigned memop)
{
    ir_gen_atomic(b, IR_ATOMIC_FETCH_OR, old, addr, val, memop);
}
void ir_atomic_fetch_xor(IrBlock *b, IrTemp old, IrTemp addr, IrTemp val,
                         unsigned memop)
{
    ir_gen_atomic(b, IR_ATOMIC_FETCH_XOR, old, addr, val, memop);
}

void ir_mb(IrBlock *b, unsigned kind)
{
    uint64_t args[1] = { kind };
    ir_gen(b, IR_MB, IR_I32, args);
}

void ir_call(IrBlock *b, const IrHelper *h, IrTemp ret, unsigned nargs,
             const IrTemp *args)
{
    uint64_t a[IR_MAX_ARGS];
    unsigned n = 0;
    uint8_t nout = 0;
    IrType type = IR_I32;
    if (nargs > IR_MAX_CALL_ARGS) {
        fprintf(stderr, "emu: ir_call(%s): %u arguments\n", h->name, nargs);
        abort();
    }
    if (ret != IR_NO_TEMP) {
        a[n++] = ret;
        nout = 1;
        type = ir_temp_type(b, ret);
    } else if (nargs) {
        type = ir_temp_type(b, args[0]);
    }
    for (unsigned i = 0; i < nargs; i++) {
        a[n++] = args[i];
    }
    a[n++] = (uint64_t)(uintptr_t)h;
    ir_emit(b, IR_CALL, type, nout, (uint8_t)nargs, 1, a);
}

void ir_insn_start(IrBlock *b, uint64_t pc, uint64_t extra)
{
    uint64_t args[2] = { pc, extra };
    ir_gen(b, IR_INSN_START, IR_I64, args);
}

void ir_goto_tb(IrBlock *b, unsigned slot)
{
    uint64_t args[1] = { slot };
    ir_gen(b, IR_GOTO_TB, IR_I32, args);
}

void ir_exit_tb(IrBlock *b, uint64_t val)
{
    uint64_t args[1] = { val };
    ir_gen(b, IR_EXIT_TB, IR_I64, args);
}

void ir_exit_lookup(IrBlock *b)
{
    ir_gen(b, IR_EXIT_LOOKUP, IR_I32, NULL);
}

/* ---- Validation --------------------------------------------------------- */

static bool ir_fail(char *err, size_t errlen, uint32_t idx, const char *fmt,
                    ...)
{
    if (err && errlen) {
        int n = snprintf(err, errlen, "op %u: ", idx);
        if (n >= 0 && (size_t)n < errlen) {
            va_list ap;
            va_start(ap, fmt);
            vsnprintf(err + n, errlen - (size_t)n, fmt, ap);
            va_end(ap);
        }
    }
    return false;
}

static unsigned ir_width(IrType t)
{
    return t == IR_I64 ? 64 : 32;
}

static bool ir_is_ld(IrOpcode opc)
{
    return opc >= IR_LD8U && opc <= IR_LD;
}

static bool ir_is_st(IrOpcode opc)
{
    return opc >= IR_ST8 && opc <= IR_ST;
}

static bool ir_is_atomic(IrOpcode opc)
{
    return opc >= IR_ATOMIC_CMPXCHG && opc <= IR_ATOMIC_FETCH_XOR;
}

static unsigned ir_helper_nb_i64(const IrHelper *h)
{
    unsigned n = 0;
    for (unsigned i = 0; i < h->nargs && i < IR_MAX_CALL_ARGS; i++) {
        n += h->args[i] == IR_HT_I64;
    }
    return n;
}

/* Is the call in the form ir_lower_i64() makes for 32-bit hosts, where
 * each IR_HT_I64 parameter is two i32 temps (lo, hi) and an IR_HT_I64
 * result two outputs (lo, hi)? */
static bool ir_call_is_split(const IrOp *op, const IrHelper *h)
{
    unsigned n64 = ir_helper_nb_i64(h);
    return (n64 > 0 && op->nin == h->nargs + n64) ||
           (h->ret == IR_HT_I64 && op->nout == 2);
}

/* Expected type of argument i (an output or input temp) of op, or -1 when
 * any width is accepted. */
static int ir_expected_type(const IrBlock *b, const IrOp *op, unsigned i)
{
    IrOpcode opc = (IrOpcode)op->opc;
    unsigned in = i - op->nout;       /* input index when i >= nout */
    switch (opc) {
    case IR_EXTU_I32_I64:
    case IR_EXTS_I32_I64:
        return i == 0 ? IR_I64 : IR_I32;
    case IR_EXTRL_I64_I32:
    case IR_EXTRH_I64_I32:
        return i == 0 ? IR_I32 : IR_I64;
    case IR_LD8U: case IR_LD8S: case IR_LD16U: case IR_LD16S:
    case IR_LD32U: case IR_LD32S: case IR_LD:
        return i == 0 ? op->type : IR_PTR;
    case IR_ST8: case IR_ST16: case IR_ST32: case IR_ST:
        return i == 0 ? op->type : IR_PTR;
    case IR_GUEST_LD:
        return i == 0 ? op->type : -1;
    case IR_GUEST_ST:
        return i == 0 ? op->type : -1;
    case IR_CALL: {
        const IrHelper *h = (const IrHelper *)(uintptr_t)
            op->args[op->nout + op->nin];
        if (ir_call_is_split(op, h)) {
            /* i64 values travel as i32 pairs: only pointers differ. */
            unsigned slot = 0;
            for (unsigned p = 0; p < h->nargs; p++) {
                unsigned n = h->args[p] == IR_HT_I64 ? 2 : 1;
                if (in < slot + n) {
                    return h->args[p] == IR_HT_PTR ? IR_PTR : IR_I32;
                }
                slot += n;
            }
            return IR_I32;
        }
        uint8_t ht = i < op->nout ? h->ret : h->args[in];
        if (ht == IR_HT_I32) {
            return IR_I32;
        }
        if (ht == IR_HT_I64) {
            return IR_I64;
        }
        return IR_PTR;
    }
    default:
        if (ir_is_atomic(opc)) {
            return (i >= op->nout && in == 0) ? -1 : op->type;
        }
        (void)b;
        return op->type;
    }
}

static bool ir_validate_op(const IrBlock *b, const IrOp *op, uint32_t idx,
                           uint8_t *label_set, char *err, size_t errlen)
{
    if (op->opc >= IR_NB_OPS) {
        return ir_fail(err, errlen, idx, "bad opcode %u", op->opc);
    }
    IrOpcode opc = (IrOpcode)op->opc;
    const IrOpDef *def = &ir_op_defs[opc];
    const char *nm = def->name;
    if (op->type != IR_I32 && op->type != IR_I64) {
        return ir_fail(err, errlen, idx, "%s: bad type %u", nm, op->type);
    }
    if ((unsigned)op->nout + op->nin + op->nconst > IR_MAX_ARGS) {
        return ir_fail(err, errlen, idx, "%s: too many arguments", nm);
    }
    if (opc == IR_CALL) {
        if (op->nconst != 1 || op->nout > 2) {
            return ir_fail(err, errlen, idx, "call: bad argument counts");
        }
        const IrHelper *h = (const IrHelper *)(uintptr_t)
            op->args[op->nout + op->nin];
        if (!h) {
            return ir_fail(err, errlen, idx, "call: no helper");
        }
        if (h->nargs > IR_MAX_CALL_ARGS) {
            return ir_fail(err, errlen, idx, "call: helper with %u "
                           "parameters", h->nargs);
        }
        bool split = ir_call_is_split(op, h);
        if (split) {
            unsigned want = h->nargs;
            if (op->nin != h->nargs) {
                want += ir_helper_nb_i64(h);
            }
            if (op->nin != want || (op->nout == 2) != (h->ret == IR_HT_I64 &&
                                                       op->nout != 0)) {
                return ir_fail(err, errlen, idx, "call %s: bad split "
                               "argument counts", h->name ? h->name : "?");
            }
        } else if (op->nout > 1) {
            return ir_fail(err, errlen, idx, "call: bad argument counts");
        } else if (h->nargs != op->nin) {
            return ir_fail(err, errlen, idx,
                           "call %s: %u arguments, helper takes %u",
                           h->name ? h->name : "?", op->nin, h->nargs);
        }
        if (op->nout && h->ret == IR_HT_VOID) {
            return ir_fail(err, errlen, idx, "call %s: void helper has a "
                           "result temp", h->name ? h->name : "?");
        }
        for (unsigned i = 0; i < h->nargs; i++) {
            if (h->args[i] == IR_HT_VOID || h->args[i] > IR_HT_PTR) {
                return ir_fail(err, errlen, idx, "call %s: bad parameter "
                               "type", h->name ? h->name : "?");
            }
        }
    } else if (op->nout != def->nout || op->nin != def->nin ||
               op->nconst != def->nconst) {
        return ir_fail(err, errlen, idx, "%s: argument counts %u/%u/%u, "
                       "expected %u/%u/%u", nm, op->nout, op->nin,
                       op->nconst, def->nout, def->nin, def->nconst);
    }

    for (unsigned i = 0; i < (unsigned)op->nout + op->nin; i++) {
        uint64_t t = op->args[i];
        if (t >= b->nb_temps) {
            return ir_fail(err, errlen, idx, "%s: temp %" PRIu64
                           " out of range", nm, t);
        }
        const IrTempInfo *ti = &b->temps[t];
        if (i < op->nout && (ti->kind == IR_TEMP_CONST ||
                             ti->kind == IR_TEMP_ENV)) {
            return ir_fail(err, errlen, idx, "%s: writes constant or env "
                           "temp %" PRIu64, nm, t);
        }
        int want = ir_expected_type(b, op, i);
        if (want >= 0 && ti->type != want) {
            return ir_fail(err, errlen, idx, "%s: temp %" PRIu64 " is i%u, "
                           "expected i%u", nm, t, ir_width(ti->type),
                           ir_width((IrType)want));
        }
    }

    const uint64_t *c = &op->args[op->nout + op->nin];
    unsigned w = ir_width((IrType)op->type);
    switch (opc) {
    case IR_EXT32S:
    case IR_EXT32U:
    case IR_BSWAP64:
        if (op->type != IR_I64) {
            return ir_fail(err, errlen, idx, "%s: only for i64", nm);
        }
        break;
    case IR_EXTU_I32_I64:
    case IR_EXTS_I32_I64:
    case IR_EXTRL_I64_I32:
    case IR_EXTRH_I64_I32:
        if (op->type != IR_I64) {
            return ir_fail(err, errlen, idx, "%s: type must be i64", nm);
        }
        break;
    case IR_EXTRACT:
    case IR_SEXTRACT:
    case IR_DEPOSIT:
        if (c[1] == 0 || c[0] >= w || c[1] > w || c[0] + c[1] > w) {
            return ir_fail(err, errlen, idx, "%s: pos %" PRIu64 " len %"
                           PRIu64 " out of range", nm, c[0], c[1]);
        }
        break;
    case IR_SETCOND:
    case IR_MOVCOND:
        if (c[0] >= IR_NB_CONDS) {
            return ir_fail(err, errlen, idx, "%s: bad condition", nm);
        }
        break;
    case IR_BRCOND:
        if (c[0] >= IR_NB_CONDS) {
            return ir_fail(err, errlen, idx, "%s: bad condition", nm);
        }
        if (c[1] >= b->nb_labels) {
            return ir_fail(err, errlen, idx, "%s: bad label %" PRIu64, nm,
                           c[1]);
        }
        break;
    case IR_BR:
        if (c[0] >= b->nb_labels) {
            return ir_fail(err, errlen, idx, "%s: bad label %" PRIu64, nm,
                           c[0]);
        }
        break;
    case IR_SET_LABEL:
        if (c[0] >= b->nb_labels) {
            return ir_fail(err, errlen, idx, "%s: bad label %" PRIu64, nm,
                           c[0]);
        }
        if (label_set[c[0]]) {
            return ir_fail(err, errlen, idx, "label %" PRIu64 " set twice",
                           c[0]);
        }
        label_set[c[0]] = 1;
        break;
    case IR_LD32U:
    case IR_LD32S:
    case IR_ST32:
        break;
    case IR_GOTO_TB:
        if (c[0] > 1) {
            return ir_fail(err, errlen, idx, "%s: slot %" PRIu64, nm, c[0]);
        }
        break;
    default:
        break;
    }
    if (opc == IR_GUEST_LD || opc == IR_GUEST_ST || ir_is_atomic(opc)) {
        unsigned bits = 8u << (c[0] & IR_MO_SIZE);
        if (bits > w) {
            return ir_fail(err, errlen, idx, "%s: %u-bit access into i%u",
                           nm, bits, w);
        }
        if (c[0] & ~(uint64_t)(IR_MO_SIZE | IR_MO_SIGN | IR_MO_BE |
                               IR_MO_ALIGN)) {
            return ir_fail(err, errlen, idx, "%s: bad memop", nm);
        }
    }
    return true;
}

/* An ephemeral dies at a label: reading one written before the last
 * label and not since is an error (the interpreter would still see the
 * old value, the JIT's allocator has forgotten it). */
static bool ir_validate_ephemerals(const IrBlock *b, char *err,
                                   size_t errlen)
{
    uint32_t *written = calloc(b->nb_temps ? b->nb_temps : 1,
                               sizeof(*written));
    uint32_t epoch = 1;
    bool ok = true;

    if (!written) {
        fprintf(stderr, "emu: out of memory in the IR validator\n");
        abort();
    }
    for (uint32_t i = 0; ok && i < b->nb_ops; i++) {
        const IrOp *op = &b->ops[i];
        if (ir_op_defs[op->opc].flags & IR_OPF_BB_START) {
            epoch++;
        }
        for (unsigned k = op->nout; ok && k < op->nout + op->nin; k++) {
            uint64_t t = op->args[k];
            if (t < b->nb_temps &&
                b->temps[t].kind == IR_TEMP_EPHEMERAL &&
                written[t] != 0 && written[t] != epoch) {
                ok = ir_fail(err, errlen, i, "%s: ephemeral t%llu read "
                             "without a write since the last label",
                             ir_op_defs[op->opc].name,
                             (unsigned long long)t);
            }
        }
        for (unsigned k = 0; k < op->nout; k++) {
            if (op->args[k] < b->nb_temps) {
                written[op->args[k]] = epoch;
            }
        }
    }
    free(written);
    return ok;
}

bool ir_validate(const IrBlock *b, char *err, size_t errlen)
{
    uint8_t *label_set = calloc(b->nb_labels ? b->nb_labels : 1, 1);
    if (!label_set) {
        fprintf(stderr, "emu: out of memory in the IR validator\n");
        abort();
    }
    bool ok = true;
    if (b->nb_temps == 0 || b->temps[0].kind != IR_TEMP_ENV ||
        b->nb_globals > b->nb_temps) {
        ok = ir_fail(err, errlen, 0, "bad temp table");
    }
    for (uint32_t i = 0; ok && i < b->nb_ops; i++) {
        ok = ir_validate_op(b, &b->ops[i], i, label_set, err, errlen);
    }
    if (ok) {
        ok = ir_validate_ephemerals(b, err, errlen);
    }
    free(label_set);
    if (ok && err && errlen) {
        err[0] = 0;
    }
    return ok;
}

/* ---- Dump --------------------------------------------------------------- */

static const char *const ir_cond_names[IR_NB_CONDS] = {
    "never", "always", "eq", "ne", "lt", "ge", "le", "gt",
    "ltu", "geu", "leu", "gtu",
};

static void ir_dump_temp(const IrBlock *b, FILE *out, uint64_t t)
{
    if (t >= b->nb_temps) {
        fprintf(out, "?%" PRIu64, t);
        return;
    }
    const IrTempInfo *ti = &b->temps[t];
    switch (ti->kind) {
    case IR_TEMP_ENV:
        fputs("env", out);
        break;
    case IR_TEMP_GLOBAL:
        if (ti->name) {
            fputs(ti->name, out);
        } else {
            fprintf(out, "g%" PRIu64, t);
        }
        break;
    case IR_TEMP_CONST:
        fprintf(out, "$0x%" PRIx64, ti->val);
        break;
    case IR_TEMP_LOCAL:
        fprintf(out, "loc%" PRIu64, t);
        break;
    default:
        fprintf(out, "t%" PRIu64, t);
        break;
    }
}

static void ir_dump_memop(FILE *out, uint64_t mo)
{
    fprintf(out, "%s%s%u%s", (mo & IR_MO_BE) ? "be" : "le",
            (mo & IR_MO_SIGN) ? "s" : "u", 8u << (mo & IR_MO_SIZE),
            (mo & IR_MO_ALIGN) ? "+al" : "");
}

static bool ir_op_is_typed(IrOpcode opc)
{
    switch (opc) {
    case IR_SET_LABEL: case IR_BR: case IR_CALL: case IR_INSN_START:
    case IR_GOTO_TB: case IR_EXIT_TB: case IR_EXIT_LOOKUP: case IR_NOP:
    case IR_MB: case IR_EXTU_I32_I64: case IR_EXTS_I32_I64:
    case IR_EXTRL_I64_I32: case IR_EXTRH_I64_I32:
        return false;
    default:
        return true;
    }
}

static void ir_dump_op(const IrBlock *b, const IrOp *op, FILE *out)
{
    IrOpcode opc = (IrOpcode)(op->opc < IR_NB_OPS ? op->opc : IR_NOP);
    const uint64_t *c = &op->args[op->nout + op->nin];

    if (opc == IR_INSN_START) {
        fprintf(out, "---- pc 0x%" PRIx64 " extra 0x%" PRIx64 "\n", c[0],
                c[1]);
        return;
    }
    if (opc == IR_SET_LABEL) {
        fprintf(out, "L%" PRIu64 ":\n", c[0]);
        return;
    }
    for (const char *p = ir_op_defs[opc].name; *p; p++) {
        fputc(tolower((unsigned char)*p), out);
    }
    if (ir_op_is_typed(opc)) {
        fputs(op->type == IR_I64 ? "_i64" : "_i32", out);
    }
    if (opc == IR_CALL) {
        const IrHelper *h = (const IrHelper *)(uintptr_t)c[0];
        fprintf(out, " %s", h && h->name ? h->name : "?");
        if (op->nout) {
            fputs(" -> ", out);
            ir_dump_temp(b, out, op->args[0]);
        }
        fputs(" (", out);
        for (unsigned i = 0; i < op->nin; i++) {
            if (i) {
                fputs(", ", out);
            }
            ir_dump_temp(b, out, op->args[op->nout + i]);
        }
        fputs(")\n", out);
        return;
    }

    bool first = true;
    for (unsigned i = 0; i < (unsigned)op->nout + op->nin; i++) {
        fputs(first ? " " : ", ", out);
        first = false;
        ir_dump_temp(b, out, op->args[i]);
    }
    for (unsigned i = 0; i < op->nconst; i++) {
        fputs(first ? " " : ", ", out);
        first = false;
        switch (opc) {
        case IR_SETCOND: case IR_MOVCOND: case IR_BRCOND:
            if (i == 0) {
                fputs(c[0] < IR_NB_CONDS ? ir_cond_names[c[0]] : "?cond",
                      out);
            } else {
                fprintf(out, "L%" PRIu64, c[i]);
            }
            break;
        case IR_BR:
            fprintf(out, "L%" PRIu64, c[i]);
            break;
        case IR_GUEST_LD: case IR_GUEST_ST: case IR_ATOMIC_CMPXCHG:
        case IR_ATOMIC_XCHG: case IR_ATOMIC_FETCH_ADD:
        case IR_ATOMIC_FETCH_AND: case IR_ATOMIC_FETCH_OR:
        case IR_ATOMIC_FETCH_XOR:
            ir_dump_memop(out, c[i]);
            break;
        default:
            if (ir_is_ld(opc) || ir_is_st(opc)) {
                int64_t o = (int64_t)c[i];
                fprintf(out, "%s0x%" PRIx64, o < 0 ? "-" : "",
                        o < 0 ? (uint64_t)-o : (uint64_t)o);
            } else if (opc == IR_EXIT_TB || opc == IR_MB) {
                fprintf(out, "0x%" PRIx64, c[i]);
            } else {
                fprintf(out, "%" PRIu64, c[i]);
            }
            break;
        }
    }
    fputc('\n', out);
}

void ir_dump(const IrBlock *b, FILE *out)
{
    for (uint32_t i = 0; i < b->nb_ops; i++) {
        if (b->ops[i].opc == IR_NOP) {
            continue;
        }
        ir_dump_op(b, &b->ops[i], out);
    }
}

uint32_t ir_count_ops(const IrBlock *b)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < b->nb_ops; i++) {
        n += b->ops[i].opc != IR_NOP;
    }
    return n;
}

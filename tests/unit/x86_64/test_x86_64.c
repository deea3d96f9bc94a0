/* tests/unit/x86_64/test_x86_64.c — the x86-64 JIT backend and the
 * register allocator: every op class against C reference semantics with
 * edge values, register pressure, globals across labels and loops, helper
 * calls, guest memory in both byte orders, atomics, chaining, exits.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backend/x86_64/x86_64.h"
#include "core/backend.h"
#include "core/codebuf.h"
#include "core/ir.h"
#include "core/tb.h"

typedef struct FakeCpu {
    CpuCommon common;
    uint64_t r[16];
    uint32_t w[16];
    uint64_t scratch[4];
} FakeCpu;

static CodeBuf test_cb;
static FakeCpu cpu;
static uint8_t *guest_mem;
#define GUEST_SIZE 65536

#define OFF_R(i) ((int32_t)(offsetof(FakeCpu, r) + 8 * (i)))
#define OFF_W(i) ((int32_t)(offsetof(FakeCpu, w) + 4 * (i)))

static int setup_all(void **state)
{
    (void)state;
    if (!codebuf_init(&test_cb, 64u << 20)) {
        return -1;
    }
    if (!backend_x86_64.init(&test_cb)) {
        return -1;
    }
    guest_mem = calloc(1, GUEST_SIZE);
    cpu.common.guest_base = (uintptr_t)guest_mem;
    return guest_mem ? 0 : -1;
}

static int teardown_all(void **state)
{
    (void)state;
    codebuf_destroy(&test_cb);
    free(guest_mem);
    return 0;
}

/* Compiles b into tb (flushing the buffer once when it is full). */
static void compile(IrBlock *b, TransBlock *tb)
{
    char err[256];
    if (!ir_validate(b, err, sizeof(err))) {
        fail_msg("invalid block: %s", err);
    }
    memset(tb, 0, sizeof(*tb));
    tb->pc = 0x1000;
    if (!backend_x86_64.gen_code(b, tb, &test_cb)) {
        codebuf_flush(&test_cb);
        memset(tb, 0, sizeof(*tb));
        tb->pc = 0x1000;
        assert_true(backend_x86_64.gen_code(b, tb, &test_cb));
    }
}

static uintptr_t run(IrBlock *b)
{
    TransBlock *tb = aligned_alloc(8, sizeof(TransBlock));
    compile(b, tb);
    uintptr_t r = backend_x86_64.exec(&cpu.common, tb);
    free(tb);
    return r;
}

/* Globals: r0..r15 (i64) then w0..w15 (i32). */
static IrBlock *new_block(IrTemp *r, IrTemp *w)
{
    IrBlock *b = ir_block_new();
    static const char *names[16] = {
        "r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7",
        "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15",
    };
    for (int i = 0; i < 16; i++) {
        r[i] = ir_global(b, IR_I64, OFF_R(i), names[i]);
    }
    for (int i = 0; i < 16; i++) {
        w[i] = ir_global(b, IR_I32, OFF_W(i), names[i]);
    }
    return b;
}

static void test_exit_tb(void **state)
{
    (void)state;
    static const uint64_t vals[] = { 0, 1, 3, 0x80000000u,
                                     0xdeadbeefcafebab8ull };
    for (unsigned i = 0; i < 5; i++) {
        IrTemp r[16], w[16];
        IrBlock *b = new_block(r, w);
        ir_insn_start(b, 0x1000, 0);
        ir_exit_tb(b, vals[i]);
        assert_int_equal(run(b), vals[i]);
        ir_block_free(b);
    }
}

/* ---- Reference semantics ----------------------------------------------- */

static uint64_t mask_of(IrType t)
{
    return t == IR_I64 ? ~0ull : 0xffffffffull;
}

static uint64_t sext(IrType t, uint64_t v)
{
    return t == IR_I64 ? v : (uint64_t)(int64_t)(int32_t)v;
}

static bool cond_holds(IrCond c, IrType t, uint64_t a, uint64_t b)
{
    int64_t sa = (int64_t)sext(t, a), sb = (int64_t)sext(t, b);
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

static uint64_t ref_binop(IrOpcode opc, IrType t, uint64_t a, uint64_t b)
{
    uint64_t m = mask_of(t);
    unsigned width = t == IR_I64 ? 64 : 32;
    unsigned sh = (unsigned)(b & (width - 1));
    int64_t sa = (int64_t)sext(t, a), sb = (int64_t)sext(t, b);
    int64_t smin = t == IR_I64 ? INT64_MIN : INT32_MIN;
    a &= m;
    b &= m;
    switch (opc) {
    case IR_ADD:  return (a + b) & m;
    case IR_SUB:  return (a - b) & m;
    case IR_MUL:  return (a * b) & m;
    case IR_AND:  return a & b;
    case IR_OR:   return a | b;
    case IR_XOR:  return a ^ b;
    case IR_ANDC: return a & ~b & m;
    case IR_ORC:  return (a | ~b) & m;
    case IR_SHL:  return (a << sh) & m;
    case IR_SHR:  return a >> sh;
    case IR_SAR:  return (uint64_t)(sa >> sh) & m;
    case IR_ROTL: return sh ? ((a << sh) | (a >> (width - sh))) & m : a;
    case IR_ROTR: return sh ? ((a >> sh) | (a << (width - sh))) & m : a;
    case IR_DIVU: return b ? a / b : 0;
    case IR_REMU: return b ? a % b : a;
    case IR_DIVS:
        if (!b) {
            return 0;
        }
        if (sa == smin && sb == -1) {
            return a;
        }
        return (uint64_t)(sa / sb) & m;
    case IR_REMS:
        if (!b) {
            return a;
        }
        if (sb == -1) {
            return 0;
        }
        return (uint64_t)(sa % sb) & m;
    default:
        fail_msg("no reference for op %d", opc);
        return 0;
    }
}

static const uint64_t edge_vals[] = {
    0, 1, 2, 3, 7, 31, 32, 63, 64, 0xff, 0x8000, 0x7fffffff, 0x80000000,
    0xffffffff, 0x100000000ull, 0x7fffffffffffffffull,
    0x8000000000000000ull, 0xffffffffffffffffull, 0xfffffffffffffffeull,
    0x123456789abcdef0ull, 0xfedcba9876543210ull, 0x00000000ffff0001ull,
};
#define NB_EDGE (sizeof(edge_vals) / sizeof(edge_vals[0]))

static uint64_t get_global(IrType t, int i)
{
    return t == IR_I64 ? cpu.r[i] : cpu.w[i];
}

static void set_global(IrType t, int i, uint64_t v)
{
    if (t == IR_I64) {
        cpu.r[i] = v;
    } else {
        cpu.w[i] = (uint32_t)v;
    }
}

enum { V_GG, V_GC, V_CG, V_EE, V_SELF, V_SAME, V_NB };

/* Runs d = op(a, b) in variant v and returns d. */
static uint64_t jit_binop(IrOpcode opc, IrType t, uint64_t a, uint64_t b,
                          int v)
{
    IrTemp r[16], w[16];
    IrBlock *blk = new_block(r, w);
    IrTemp *g = t == IR_I64 ? r : w;
    uint64_t args[3];
    int out = 0;

    set_global(t, 0, 0x5a5a5a5a5a5a5a5aull);
    set_global(t, 1, a);
    set_global(t, 2, v == V_SAME ? a : b);
    ir_insn_start(blk, 0x1000, 0);
    switch (v) {
    case V_GG:
        args[0] = g[0]; args[1] = g[1]; args[2] = g[2];
        break;
    case V_GC:
        args[0] = g[0]; args[1] = g[1]; args[2] = ir_const(blk, t, b & mask_of(t));
        break;
    case V_CG:
        args[0] = g[0]; args[1] = ir_const(blk, t, a & mask_of(t)); args[2] = g[2];
        break;
    case V_EE: {
        IrTemp e1 = ir_temp_new(blk, t), e2 = ir_temp_new(blk, t);
        IrTemp e3 = ir_temp_new(blk, t);
        ir_mov(blk, e1, g[1]);
        ir_mov(blk, e2, g[2]);
        args[0] = e3; args[1] = e1; args[2] = e2;
        ir_emit(blk, opc, t, 1, 2, 0, args);
        ir_mov(blk, g[0], e3);
        ir_exit_tb(blk, 0);
        run(blk);
        ir_block_free(blk);
        return get_global(t, 0);
    }
    case V_SELF:
        args[0] = g[1]; args[1] = g[1]; args[2] = g[2];
        out = 1;
        break;
    default:
        args[0] = g[0]; args[1] = g[1]; args[2] = g[1];
        break;
    }
    ir_emit(blk, opc, t, 1, 2, 0, args);
    ir_exit_tb(blk, 0);
    run(blk);
    ir_block_free(blk);
    return get_global(t, out);
}

static void test_binops(void **state)
{
    (void)state;
    static const IrOpcode ops[] = {
        IR_ADD, IR_SUB, IR_MUL, IR_AND, IR_OR, IR_XOR, IR_ANDC, IR_ORC,
        IR_SHL, IR_SHR, IR_SAR, IR_ROTL, IR_ROTR, IR_DIVS, IR_DIVU,
        IR_REMS, IR_REMU,
    };
    for (unsigned o = 0; o < sizeof(ops) / sizeof(ops[0]); o++) {
        for (int t = IR_I32; t <= IR_I64; t++) {
            for (unsigned i = 0; i < NB_EDGE; i++) {
                for (unsigned j = 0; j < NB_EDGE; j++) {
                    uint64_t a = edge_vals[i] & mask_of(t);
                    uint64_t b = edge_vals[j] & mask_of(t);
                    for (int v = 0; v < V_NB; v++) {
                        uint64_t bb = v == V_SAME ? a : b;
                        uint64_t want = ref_binop(ops[o], t, a, bb);
                        uint64_t got = jit_binop(ops[o], t, a, bb, v);
                        if (got != want) {
                            fail_msg("%s i%d a=%llx b=%llx variant %d: "
                                     "got %llx want %llx",
                                     ir_op_defs[ops[o]].name,
                                     t == IR_I64 ? 64 : 32,
                                     (unsigned long long)a,
                                     (unsigned long long)bb, v,
                                     (unsigned long long)got,
                                     (unsigned long long)want);
                        }
                    }
                }
            }
        }
    }
}

/* ---- Unary ops ------------------------------------------------------------ */

typedef struct UnCase {
    IrOpcode opc;
    IrType type, in_type;
    unsigned c0, c1;      /* constants (EXTRACT pos/len) */
    unsigned nconst;
} UnCase;

static uint64_t ref_unop(const UnCase *c, uint64_t a)
{
    IrType t = c->type;
    uint64_t m = mask_of(t);
    unsigned width = t == IR_I64 ? 64 : 32;
    a &= mask_of(c->in_type);
    switch (c->opc) {
    case IR_MOV:    return a;
    case IR_NEG:    return (0 - a) & m;
    case IR_NOT:    return ~a & m;
    case IR_EXT8S:  return (uint64_t)(int64_t)(int8_t)a & m;
    case IR_EXT8U:  return a & 0xff;
    case IR_EXT16S: return (uint64_t)(int64_t)(int16_t)a & m;
    case IR_EXT16U: return a & 0xffff;
    case IR_EXT32S: return (uint64_t)(int64_t)(int32_t)a;
    case IR_EXT32U: return a & 0xffffffff;
    case IR_EXTU_I32_I64: return a;
    case IR_EXTS_I32_I64: return (uint64_t)(int64_t)(int32_t)a;
    case IR_EXTRL_I64_I32: return a & 0xffffffff;
    case IR_EXTRH_I64_I32: return a >> 32;
    case IR_BSWAP16: return __builtin_bswap16((uint16_t)a);
    case IR_BSWAP32: return __builtin_bswap32((uint32_t)a);
    case IR_BSWAP64: return __builtin_bswap64(a);
    case IR_CLZ:
        if (!a) {
            return width;
        }
        return t == IR_I64 ? (uint64_t)__builtin_clzll(a)
                           : (uint64_t)__builtin_clz((uint32_t)a);
    case IR_CTZ:
        return a ? (uint64_t)__builtin_ctzll(a) : width;
    case IR_POPCNT: return (uint64_t)__builtin_popcountll(a);
    case IR_EXTRACT: {
        uint64_t f = a >> c->c0;
        return c->c1 == 64 ? f : f & ((1ull << c->c1) - 1);
    }
    case IR_SEXTRACT: {
        uint64_t f = a << (64 - c->c0 - c->c1);
        return (uint64_t)((int64_t)f >> (64 - c->c1)) & m;
    }
    default:
        fail_msg("no reference");
        return 0;
    }
}

static uint64_t jit_unop(const UnCase *c, uint64_t a, bool konst, bool eph)
{
    IrTemp r[16], w[16];
    IrBlock *blk = new_block(r, w);
    IrTemp *gi = c->in_type == IR_I64 ? r : w;
    bool narrow = c->opc == IR_EXTRL_I64_I32 || c->opc == IR_EXTRH_I64_I32;
    IrType ot = narrow ? IR_I32 : c->type;
    IrTemp *go = ot == IR_I64 ? r : w;
    uint64_t args[4];
    set_global(c->in_type, 1, a);
    set_global(ot, 0, 0x5a5a5a5a5a5a5a5aull);
    ir_insn_start(blk, 0x1000, 0);
    IrTemp in = konst ? ir_const(blk, c->in_type, a & mask_of(c->in_type))
                      : gi[1];
    IrTemp out = go[0];
    if (eph) {
        IrTemp e = ir_temp_new(blk, c->in_type);
        ir_mov(blk, e, in);
        in = e;
        out = ir_temp_new(blk, ot);
    }
    args[0] = out;
    args[1] = in;
    args[2] = c->c0;
    args[3] = c->c1;
    ir_emit(blk, c->opc, c->type, 1, 1, (uint8_t)c->nconst, args);
    if (eph) {
        ir_mov(blk, go[0], out);
    }
    ir_exit_tb(blk, 0);
    run(blk);
    ir_block_free(blk);
    return get_global(ot, 0);
}

static void check_unops(void)
{
    static const UnCase cases[] = {
        { IR_MOV, IR_I32, IR_I32, 0, 0, 0 },
        { IR_MOV, IR_I64, IR_I64, 0, 0, 0 },
        { IR_NEG, IR_I32, IR_I32, 0, 0, 0 },
        { IR_NEG, IR_I64, IR_I64, 0, 0, 0 },
        { IR_NOT, IR_I32, IR_I32, 0, 0, 0 },
        { IR_NOT, IR_I64, IR_I64, 0, 0, 0 },
        { IR_EXT8S, IR_I32, IR_I32, 0, 0, 0 },
        { IR_EXT8S, IR_I64, IR_I64, 0, 0, 0 },
        { IR_EXT8U, IR_I32, IR_I32, 0, 0, 0 },
        { IR_EXT8U, IR_I64, IR_I64, 0, 0, 0 },
        { IR_EXT16S, IR_I32, IR_I32, 0, 0, 0 },
        { IR_EXT16S, IR_I64, IR_I64, 0, 0, 0 },
        { IR_EXT16U, IR_I32, IR_I32, 0, 0, 0 },
        { IR_EXT16U, IR_I64, IR_I64, 0, 0, 0 },
        { IR_EXT32S, IR_I64, IR_I64, 0, 0, 0 },
        { IR_EXT32U, IR_I64, IR_I64, 0, 0, 0 },
        { IR_EXTU_I32_I64, IR_I64, IR_I32, 0, 0, 0 },
        { IR_EXTS_I32_I64, IR_I64, IR_I32, 0, 0, 0 },
        { IR_EXTRL_I64_I32, IR_I64, IR_I64, 0, 0, 0 },
        { IR_EXTRH_I64_I32, IR_I64, IR_I64, 0, 0, 0 },
        { IR_BSWAP16, IR_I32, IR_I32, 0, 0, 0 },
        { IR_BSWAP16, IR_I64, IR_I64, 0, 0, 0 },
        { IR_BSWAP32, IR_I32, IR_I32, 0, 0, 0 },
        { IR_BSWAP32, IR_I64, IR_I64, 0, 0, 0 },
        { IR_BSWAP64, IR_I64, IR_I64, 0, 0, 0 },
        { IR_CLZ, IR_I32, IR_I32, 0, 0, 0 },
        { IR_CLZ, IR_I64, IR_I64, 0, 0, 0 },
        { IR_CTZ, IR_I32, IR_I32, 0, 0, 0 },
        { IR_CTZ, IR_I64, IR_I64, 0, 0, 0 },
        { IR_POPCNT, IR_I32, IR_I32, 0, 0, 0 },
        { IR_POPCNT, IR_I64, IR_I64, 0, 0, 0 },
        { IR_EXTRACT, IR_I32, IR_I32, 0, 8, 2 },
        { IR_EXTRACT, IR_I32, IR_I32, 0, 16, 2 },
        { IR_EXTRACT, IR_I32, IR_I32, 3, 5, 2 },
        { IR_EXTRACT, IR_I32, IR_I32, 16, 16, 2 },
        { IR_EXTRACT, IR_I32, IR_I32, 0, 32, 2 },
        { IR_EXTRACT, IR_I32, IR_I32, 31, 1, 2 },
        { IR_EXTRACT, IR_I64, IR_I64, 0, 32, 2 },
        { IR_EXTRACT, IR_I64, IR_I64, 4, 40, 2 },
        { IR_EXTRACT, IR_I64, IR_I64, 32, 32, 2 },
        { IR_EXTRACT, IR_I64, IR_I64, 63, 1, 2 },
        { IR_EXTRACT, IR_I64, IR_I64, 0, 64, 2 },
        { IR_SEXTRACT, IR_I32, IR_I32, 0, 8, 2 },
        { IR_SEXTRACT, IR_I32, IR_I32, 0, 16, 2 },
        { IR_SEXTRACT, IR_I32, IR_I32, 3, 5, 2 },
        { IR_SEXTRACT, IR_I32, IR_I32, 16, 16, 2 },
        { IR_SEXTRACT, IR_I32, IR_I32, 0, 32, 2 },
        { IR_SEXTRACT, IR_I64, IR_I64, 0, 32, 2 },
        { IR_SEXTRACT, IR_I64, IR_I64, 4, 40, 2 },
        { IR_SEXTRACT, IR_I64, IR_I64, 32, 32, 2 },
        { IR_SEXTRACT, IR_I64, IR_I64, 63, 1, 2 },
        { IR_SEXTRACT, IR_I64, IR_I64, 0, 64, 2 },
    };
    for (unsigned k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
        const UnCase *c = &cases[k];
        for (unsigned i = 0; i < NB_EDGE; i++) {
            uint64_t a = edge_vals[i] & mask_of(c->in_type);
            uint64_t want = ref_unop(c, a);
            for (int v = 0; v < 3; v++) {
                uint64_t got = jit_unop(c, a, v == 1, v == 2);
                if (got != want) {
                    fail_msg("%s i%d (%u,%u) a=%llx variant %d: got %llx "
                             "want %llx", ir_op_defs[c->opc].name,
                             c->type == IR_I64 ? 64 : 32, c->c0, c->c1,
                             (unsigned long long)a, v,
                             (unsigned long long)got,
                             (unsigned long long)want);
                }
            }
        }
    }
}

static void test_unops(void **state)
{
    (void)state;
    x86_64_set_feature_mask(UINT32_MAX);
    check_unops();
    x86_64_set_feature_mask(0);     /* bsr/bsf, SWAR popcount */
    check_unops();
    x86_64_set_feature_mask(UINT32_MAX);
}

static void test_deposit(void **state)
{
    (void)state;
    static const unsigned pl[][2] = {
        { 0, 8 }, { 8, 8 }, { 4, 12 }, { 0, 31 }, { 1, 31 }, { 31, 1 },
        { 0, 32 }, { 16, 16 }, { 30, 34 }, { 0, 64 }, { 63, 1 }, { 8, 48 },
        { 32, 32 }, { 0, 1 },
    };
    for (int t = IR_I32; t <= IR_I64; t++) {
        unsigned width = t == IR_I64 ? 64 : 32;
        for (unsigned p = 0; p < sizeof(pl) / sizeof(pl[0]); p++) {
            unsigned pos = pl[p][0], len = pl[p][1];
            if (pos + len > width) {
                continue;
            }
            uint64_t fm = (len == 64 ? ~0ull : (1ull << len) - 1) << pos;
            for (unsigned i = 0; i < NB_EDGE; i += 3) {
                for (unsigned j = 0; j < NB_EDGE; j += 2) {
                    uint64_t a = edge_vals[i] & mask_of(t);
                    uint64_t v = edge_vals[j] & mask_of(t);
                    uint64_t want = ((a & ~fm) | ((v << pos) & fm)) &
                                    mask_of(t);
                    for (int var = 0; var < 2; var++) {
                        IrTemp r[16], w[16];
                        IrBlock *b = new_block(r, w);
                        IrTemp *g = t == IR_I64 ? r : w;
                        set_global(t, 1, a);
                        set_global(t, 2, v);
                        IrTemp vin = var ? ir_const(b, t, v) : g[2];
                        ir_deposit(b, g[0], g[1], vin, pos, len);
                        ir_exit_tb(b, 0);
                        run(b);
                        ir_block_free(b);
                        if (get_global(t, 0) != want) {
                            fail_msg("deposit i%u pos %u len %u a=%llx v=%llx:"
                                     " got %llx want %llx", width, pos, len,
                                     (unsigned long long)a,
                                     (unsigned long long)v,
                                     (unsigned long long)get_global(t, 0),
                                     (unsigned long long)want);
                        }
                    }
                }
            }
        }
    }
}

static void test_double_word(void **state)
{
    (void)state;
    for (int t = IR_I32; t <= IR_I64; t++) {
        uint64_t m = mask_of(t);
        for (unsigned i = 0; i < NB_EDGE; i++) {
            for (unsigned j = 0; j < NB_EDGE; j++) {
                uint64_t a = edge_vals[i] & m, c = edge_vals[j] & m;
                uint64_t wl, wh;
                for (int op = 0; op < 4; op++) {
                    IrTemp r[16], w[16];
                    IrBlock *b = new_block(r, w);
                    IrTemp *g = t == IR_I64 ? r : w;
                    set_global(t, 2, a);
                    set_global(t, 3, c);
                    set_global(t, 4, c ^ 0x1111);
                    set_global(t, 5, a ^ 0x2222);
                    if (t == IR_I64) {
                        unsigned __int128 p;
                        if (op == 0) {
                            p = (unsigned __int128)a * c;
                        } else if (op == 1) {
                            p = (unsigned __int128)((__int128)(int64_t)a *
                                                    (int64_t)c);
                        } else {
                            unsigned __int128 x = ((unsigned __int128)(c ^ 0x1111) << 64) | a;
                            unsigned __int128 y = ((unsigned __int128)(a ^ 0x2222) << 64) | c;
                            p = op == 2 ? x + y : x - y;
                        }
                        wl = (uint64_t)p;
                        wh = (uint64_t)(p >> 64);
                    } else {
                        uint64_t p;
                        if (op == 0) {
                            p = a * c;
                        } else if (op == 1) {
                            p = (uint64_t)((int64_t)(int32_t)a * (int32_t)c);
                        } else {
                            uint64_t x = ((c ^ 0x1111) << 32) | a;
                            uint64_t y = (((a ^ 0x2222) & m) << 32) | c;
                            p = op == 2 ? x + y : x - y;
                        }
                        wl = (uint32_t)p;
                        wh = (uint32_t)(p >> 32);
                    }
                    if (op == 0) {
                        ir_mulu2(b, g[0], g[1], g[2], g[3]);
                    } else if (op == 1) {
                        ir_muls2(b, g[0], g[1], g[2], g[3]);
                    } else if (op == 2) {
                        ir_add2(b, g[0], g[1], g[2], g[4], g[3], g[5]);
                    } else {
                        ir_sub2(b, g[0], g[1], g[2], g[4], g[3], g[5]);
                    }
                    ir_exit_tb(b, 0);
                    run(b);
                    ir_block_free(b);
                    if (get_global(t, 0) != wl || get_global(t, 1) != wh) {
                        fail_msg("dw op %d i%d a=%llx c=%llx: got %llx:%llx "
                                 "want %llx:%llx", op, t ? 64 : 32,
                                 (unsigned long long)a, (unsigned long long)c,
                                 (unsigned long long)get_global(t, 1),
                                 (unsigned long long)get_global(t, 0),
                                 (unsigned long long)wh,
                                 (unsigned long long)wl);
                    }
                }
            }
        }
    }
}

/* ---- Conditions ---------------------------------------------------------- */

static void test_conditions(void **state)
{
    (void)state;
    static const uint64_t vals[] = {
        0, 1, 0x7fffffff, 0x80000000, 0xffffffff, 0x8000000000000000ull,
        0xffffffffffffffffull, 5, 0x100000005ull,
    };
    for (int t = IR_I32; t <= IR_I64; t++) {
        for (int cond = 0; cond < IR_NB_CONDS; cond++) {
            for (unsigned i = 0; i < 9; i++) {
                for (unsigned j = 0; j < 9; j++) {
                    uint64_t a = vals[i] & mask_of(t), c = vals[j] & mask_of(t);
                    bool want = cond_holds((IrCond)cond, t, a, c);
                    for (int var = 0; var < 3; var++) {
                        IrTemp r[16], w[16];
                        IrBlock *b = new_block(r, w);
                        IrTemp *g = t == IR_I64 ? r : w;
                        set_global(t, 1, a);
                        set_global(t, 2, c);
                        set_global(t, 3, 0x1111);
                        set_global(t, 4, 0x2222);
                        IrTemp x = var == 2 ? ir_const(b, t, a) : g[1];
                        IrTemp y = var == 1 ? ir_const(b, t, c) : g[2];
                        uint32_t lab = ir_new_label(b);
                        ir_setcond(b, (IrCond)cond, g[0], x, y);
                        ir_movcond(b, (IrCond)cond, g[5], x, y, g[3], g[4]);
                        ir_brcond(b, (IrCond)cond, x, y, lab);
                        ir_exit_tb(b, 100);
                        ir_set_label(b, lab);
                        ir_exit_tb(b, 200);
                        uintptr_t ex = run(b);
                        ir_block_free(b);
                        if (get_global(t, 0) != want ||
                            get_global(t, 5) != (want ? 0x1111u : 0x2222u) ||
                            ex != (want ? 200u : 100u)) {
                            fail_msg("cond %d i%d %llx %llx var %d: set %llx "
                                     "mov %llx br %lu", cond, t ? 64 : 32,
                                     (unsigned long long)a,
                                     (unsigned long long)c, var,
                                     (unsigned long long)get_global(t, 0),
                                     (unsigned long long)get_global(t, 5),
                                     (unsigned long)ex);
                        }
                    }
                }
            }
        }
    }
}

/* ---- Register pressure, locals, loops ---------------------------------- */

static void test_pressure(void **state)
{
    (void)state;
    enum { N = 40 };
    IrTemp r[16], w[16], e[N];
    IrBlock *b = new_block(r, w);
    uint64_t want = 0, ev[N];
    for (int i = 0; i < 16; i++) {
        cpu.r[i] = 0x1000 * (uint64_t)i + 7;
    }
    for (int i = 0; i < N; i++) {
        e[i] = ir_temp_new(b, IR_I64);
        ir_muli(b, e[i], r[i % 16], (uint64_t)i + 3);
        ir_addi(b, e[i], e[i], (uint64_t)i * 0x10001);
        ev[i] = cpu.r[i % 16] * (uint64_t)(i + 3) + (uint64_t)i * 0x10001;
    }
    /* Use them in reverse, with a clobber of half of the globals in
     * between, so every temp is live across the whole block. */
    for (int i = 0; i < 8; i++) {
        ir_movi(b, r[i], 0);
    }
    IrTemp acc = ir_temp_new(b, IR_I64);
    ir_movi(b, acc, 0);
    for (int i = N - 1; i >= 0; i--) {
        ir_xor(b, acc, acc, e[i]);
        ir_rotli(b, acc, acc, 7);
        want = want ^ ev[i];
        want = (want << 7) | (want >> 57);
    }
    ir_mov(b, r[15], acc);
    ir_exit_tb(b, 0);
    run(b);
    ir_block_free(b);
    assert_int_equal(cpu.r[15], want);
    for (int i = 0; i < 8; i++) {
        assert_int_equal(cpu.r[i], 0);
    }
}

static void test_loop(void **state)
{
    (void)state;
    /* r0 = sum of i for i in [0, 100); w0 counts iterations; a local
     * carries a product across the loop; an ephemeral is used inside. */
    IrTemp r[16], w[16];
    IrBlock *b = new_block(r, w);
    IrTemp i = ir_temp_local(b, IR_I64);
    IrTemp prod = ir_temp_local(b, IR_I32);
    uint32_t top = ir_new_label(b), out = ir_new_label(b);
    cpu.r[0] = 5;
    cpu.w[0] = 0;
    ir_movi(b, i, 0);
    ir_movi(b, prod, 1);
    ir_set_label(b, top);
    ir_brcondi(b, IR_COND_GEU, i, 100, out);
    IrTemp t = ir_temp_new(b, IR_I64);
    ir_add(b, t, r[0], i);
    ir_mov(b, r[0], t);
    ir_addi(b, w[0], w[0], 1);
    ir_muli(b, prod, prod, 3);
    ir_addi(b, i, i, 1);
    ir_br(b, top);
    ir_set_label(b, out);
    ir_mov(b, w[1], prod);
    ir_exit_tb(b, 7);
    assert_int_equal(run(b), 7);
    ir_block_free(b);
    uint32_t p = 1;
    for (int k = 0; k < 100; k++) {
        p *= 3;
    }
    assert_int_equal(cpu.r[0], 5 + 4950);
    assert_int_equal(cpu.w[0], 100);
    assert_int_equal(cpu.w[1], p);
}

/* ---- Helper calls -------------------------------------------------------- */

static uint64_t seen[8];
static int seen_n;

static uint64_t h0(void)
{
    seen_n = 0;
    return 0x1234567890abcdefull;
}
static uint32_t h1(uint32_t a)
{
    seen_n = 1;
    seen[0] = a;
    return a * 3;
}
static uint64_t h3(CpuCommon *env, uint64_t a, uint32_t c)
{
    seen_n = 3;
    seen[0] = (uintptr_t)env;
    seen[1] = a;
    seen[2] = c;
    return a + c;
}
static uint64_t h6(uint64_t a, uint32_t b, uint64_t c, uint32_t d,
                   uint64_t e, uint64_t f)
{
    seen_n = 6;
    seen[0] = a; seen[1] = b; seen[2] = c; seen[3] = d; seen[4] = e;
    seen[5] = f;
    return a ^ b ^ c ^ d ^ e ^ f;
}
/* Reads r3 and writes r4 through env. */
static void h_globals(CpuCommon *env)
{
    FakeCpu *c = (FakeCpu *)env;
    c->r[4] = c->r[3] * 2;
}
/* Trashes every caller-saved register it can. */
static uint32_t h_trash(uint32_t x)
{
    volatile uint64_t junk[16];
    for (int i = 0; i < 16; i++) {
        junk[i] = 0xdeadbeefull * (uint64_t)i;
    }
    return x + (uint32_t)junk[3];
}

static const IrHelper h0_desc = IR_HELPER0(h0, IR_HF_PURE, IR_HT_I64);
static const IrHelper h1_desc = IR_HELPER(h1, IR_HF_PURE, IR_HT_I32,
                                          IR_HT_I32);
static const IrHelper h3_desc = IR_HELPER(h3, 0, IR_HT_I64, IR_HT_PTR,
                                          IR_HT_I64, IR_HT_I32);
static const IrHelper h6_desc = IR_HELPER(h6, IR_HF_PURE, IR_HT_I64,
                                          IR_HT_I64, IR_HT_I32, IR_HT_I64,
                                          IR_HT_I32, IR_HT_I64, IR_HT_I64);
static const IrHelper hg_desc = IR_HELPER(h_globals, 0, IR_HT_VOID,
                                          IR_HT_PTR);
static const IrHelper ht_desc = IR_HELPER(h_trash, IR_HF_PURE, IR_HT_I32,
                                          IR_HT_I32);

static void test_calls(void **state)
{
    (void)state;
    enum { N = 20 };
    IrTemp r[16], w[16], e[N];
    IrBlock *b = new_block(r, w);
    for (int i = 0; i < 16; i++) {
        cpu.r[i] = 0x100 * (uint64_t)i + 1;
        cpu.w[i] = 0x10 * (uint32_t)i + 2;
    }
    uint64_t r_init[16];
    memcpy(r_init, cpu.r, sizeof(r_init));
    /* Live values across all the calls. */
    for (int i = 0; i < N; i++) {
        e[i] = ir_temp_local(b, IR_I64);
        ir_addi(b, e[i], r[i % 8], (uint64_t)i << 32);
    }
    IrTemp t64 = ir_temp_new(b, IR_I64), t32 = ir_temp_new(b, IR_I32);
    ir_call(b, &h0_desc, t64, 0, NULL);
    ir_mov(b, r[8], t64);
    IrTemp a1[1] = { w[1] };
    ir_call(b, &h1_desc, t32, 1, a1);
    ir_mov(b, w[8], t32);
    /* A global dirty in a register must reach env before h3 (it reads
     * globals), and r5 written by the JIT must survive. */
    ir_movi(b, r[5], 0x5555);
    IrTemp a3[3] = { IR_ENV, r[5], w[2] };
    ir_call(b, &h3_desc, r[9], 3, a3);
    IrTemp a6[6] = { r[1], w[3], ir_const(b, IR_I64, 0xfeedface12345678ull),
                     ir_const(b, IR_I32, 0x87654321), r[6], r[7] };
    ir_call(b, &h6_desc, r[10], 6, a6);
    /* h_globals reads r3 (dirty here) and writes r4 (cached here). */
    ir_addi(b, r[4], r[4], 1);
    ir_movi(b, r[3], 21);
    ir_call(b, &hg_desc, IR_NO_TEMP, 1, (IrTemp[]){ IR_ENV });
    ir_addi(b, r[11], r[4], 1);
    IrTemp a7[1] = { w[5] };
    ir_call(b, &ht_desc, w[9], 1, a7);
    IrTemp acc = ir_temp_new(b, IR_I64);
    ir_movi(b, acc, 0);
    for (int i = 0; i < N; i++) {
        ir_add(b, acc, acc, e[i]);
    }
    ir_mov(b, r[12], acc);
    ir_exit_tb(b, 0);
    run(b);
    ir_block_free(b);

    uint64_t want = 0;
    for (int i = 0; i < N; i++) {
        want += r_init[i % 8] + ((uint64_t)i << 32);
    }
    assert_int_equal(cpu.r[8], 0x1234567890abcdefull);
    assert_int_equal(cpu.w[8], (0x12u) * 3);
    assert_int_equal(cpu.r[9], 0x5555 + 0x22);
    assert_int_equal(cpu.r[5], 0x5555);
    assert_int_equal(cpu.r[10], r_init[1] ^ 0x32 ^ 0xfeedface12345678ull ^
                                0x87654321 ^ r_init[6] ^ r_init[7]);
    assert_int_equal(seen_n, 6);
    assert_int_equal(seen[3], 0x87654321);
    assert_int_equal(cpu.r[4], 42);
    assert_int_equal(cpu.r[11], 43);
    assert_int_equal(cpu.w[9], 0x52 + (uint32_t)(0xdeadbeefull * 3));
    assert_int_equal(cpu.r[12], want);
}

/* One dying temp read by several inputs of one op (regression: its
 * register was handed to the op at the first read). */
static void test_repeated_inputs(void **state)
{
    (void)state;
    IrTemp r[16], w[16];
    IrBlock *b = new_block(r, w);
    cpu.r[1] = 5;
    cpu.r[2] = 0x100;
    IrTemp t = ir_temp_new(b, IR_I64), hi = ir_temp_new(b, IR_I64);
    ir_addi(b, t, r[2], 1);                         /* t = 0x101 */
    ir_sub2(b, t, hi, r[1], t, ir_const(b, IR_I64, 2), t);
    ir_mov(b, r[3], t);                             /* 5 - 2 = 3 */
    ir_mov(b, r[4], hi);                            /* 0x101 - 0x101 = 0 */
    IrTemp u = ir_temp_new(b, IR_I64);
    ir_addi(b, u, r[2], 7);
    cpu.w[1] = 5;
    cpu.w[2] = 9;
    IrTemp args[6] = { u, w[1], u, w[2], u, u };
    ir_call(b, &h6_desc, r[5], 6, args);
    ir_exit_tb(b, 0);
    run(b);
    ir_block_free(b);
    assert_int_equal(cpu.r[3], 3);
    assert_int_equal(cpu.r[4], 0);
    assert_int_equal(seen[0], 0x107);
    assert_int_equal(seen[2], 0x107);
    assert_int_equal(seen[3], 9);
    assert_int_equal(seen[4], 0x107);
    assert_int_equal(seen[5], 0x107);
    assert_int_equal(cpu.r[5], 0x107 ^ 5 ^ 0x107 ^ 9 ^ 0x107 ^ 0x107);
}

/* ---- Guest memory --------------------------------------------------------- */

static uint64_t ref_load(const uint8_t *p, unsigned mo, IrType t)
{
    unsigned size = mo & IR_MO_SIZE, n = 1u << size;
    uint64_t v = 0;
    for (unsigned i = 0; i < n; i++) {
        unsigned k = (mo & IR_MO_BE) ? i : n - 1 - i;
        v = (v << 8) | p[k];
    }
    if ((mo & IR_MO_SIGN) && n < 8) {
        unsigned sh = 64 - 8 * n;
        v = (uint64_t)((int64_t)(v << sh) >> sh);
    }
    return v & mask_of(t);
}

static void check_guest_mem(void)
{
    static const uint8_t pattern[16] = {
        0x81, 0x92, 0xa3, 0xb4, 0xc5, 0xd6, 0xe7, 0xf8,
        0x09, 0x1a, 0x2b, 0x3c, 0x4d, 0x5e, 0x6f, 0x70,
    };
    for (int t = IR_I32; t <= IR_I64; t++) {
        for (unsigned mo = 0; mo < 16; mo++) {
            unsigned size = mo & IR_MO_SIZE;
            if (t == IR_I32 && size == 3) {
                continue;
            }
            for (uint32_t addr = 0x100; addr < 0x104; addr++) {
                for (int var = 0; var < 2; var++) {
                    memcpy(guest_mem + 0x100, pattern, 16);
                    IrTemp r[16], w[16];
                    IrBlock *b = new_block(r, w);
                    IrTemp *g = t == IR_I64 ? r : w;
                    /* The address is computed by i32 arithmetic that
                     * wraps, checking the zero-extension invariant. */
                    cpu.w[1] = addr + 0x10;
                    IrTemp a = ir_temp_new(b, IR_I32);
                    ir_subi(b, a, w[1], 0x10);
                    ir_guest_ld(b, g[0], a, mo);
                    /* Store it back 0x40 further, same memop, from a
                     * register or a constant. */
                    IrTemp a2 = ir_temp_new(b, IR_I32);
                    ir_addi(b, a2, w[1], 0x30);
                    uint64_t expect = ref_load(pattern + (addr - 0x100), mo, t);
                    IrTemp v = var ? ir_const(b, t, expect) : g[0];
                    ir_guest_st(b, v, a2, mo);
                    ir_exit_tb(b, 0);
                    run(b);
                    ir_block_free(b);
                    if (get_global(t, 0) != expect) {
                        fail_msg("guest ld i%d mo %x addr %x: got %llx want "
                                 "%llx", t ? 64 : 32, mo, addr,
                                 (unsigned long long)get_global(t, 0),
                                 (unsigned long long)expect);
                    }
                    unsigned n = 1u << size;
                    if (memcmp(guest_mem + addr + 0x40, pattern + (addr - 0x100), n)) {
                        fail_msg("guest st i%d mo %x addr %x var %d wrong",
                                 t ? 64 : 32, mo, addr, var);
                    }
                }
            }
        }
    }
    /* Address wrap: 0xfffffff0 + 0x20 = 0x10 as i32. */
    IrTemp r[16], w[16];
    IrBlock *b = new_block(r, w);
    guest_mem[0x10] = 0x77;
    cpu.w[1] = 0xfffffff0u;
    IrTemp a = ir_temp_new(b, IR_I32);
    ir_addi(b, a, w[1], 0x20);
    ir_guest_ld(b, w[0], a, IR_MO_8);
    ir_exit_tb(b, 0);
    run(b);
    ir_block_free(b);
    assert_int_equal(cpu.w[0], 0x77);
}

static void test_guest_mem(void **state)
{
    (void)state;
    x86_64_set_feature_mask(UINT32_MAX);
    check_guest_mem();
    x86_64_set_feature_mask(0);        /* no movbe: load + bswap */
    check_guest_mem();
    x86_64_set_feature_mask(UINT32_MAX);
}

/* Runs one aligned-or-not load; returns true when it raised. */
static bool run_unaligned(unsigned size, uint32_t addr)
{
    IrTemp r[16], w[16];
    IrBlock *b = new_block(r, w);
    TransBlock *tb = aligned_alloc(8, sizeof(TransBlock));
    cpu.w[1] = addr;
    cpu.r[0] = 0;
    cpu.common.exception = 0;
    ir_insn_start(b, 0x1000, 0);
    ir_movi(b, r[2], 0xabc);        /* must be synced before the access */
    ir_guest_ld(b, r[0], w[1], size | IR_MO_ALIGN);
    ir_movi(b, r[0], 0x99);
    ir_exit_tb(b, 0);
    compile(b, tb);
    ir_block_free(b);
    volatile bool raised = false;
    if (sigsetjmp(cpu.common.jmp_env, 0) == 0) {
        backend_x86_64.exec(&cpu.common, tb);
    } else {
        raised = true;
    }
    free(tb);
    return raised;
}

static void test_unaligned(void **state)
{
    (void)state;
    for (unsigned size = 1; size <= 3; size++) {
        for (uint32_t addr = 0x200; addr < 0x208; addr++) {
            bool aligned = (addr & ((1u << size) - 1)) == 0;
            cpu.r[2] = 0;
            bool raised = run_unaligned(size, addr);
            assert_int_equal(raised, !aligned);
            assert_int_equal(cpu.r[2], 0xabc);
            if (raised) {
                assert_int_equal(cpu.common.exception, EXCP_UNALIGNED);
                assert_int_equal(cpu.common.excp_addr, addr);
            } else {
                assert_int_equal(cpu.r[0], 0x99);
            }
        }
    }
}

/* ---- Atomics ---------------------------------------------------------------- */

static void test_atomics(void **state)
{
    (void)state;
    static const IrOpcode ops[] = {
        IR_ATOMIC_XCHG, IR_ATOMIC_FETCH_ADD, IR_ATOMIC_FETCH_AND,
        IR_ATOMIC_FETCH_OR, IR_ATOMIC_FETCH_XOR, IR_ATOMIC_CMPXCHG,
    };
    static const uint8_t pattern[8] = {
        0xf1, 0xe2, 0xd3, 0xc4, 0xb5, 0xa6, 0x97, 0x88,
    };
    for (unsigned o = 0; o < 6; o++) {
        for (int t = IR_I32; t <= IR_I64; t++) {
            for (unsigned mo = 0; mo < 16; mo++) {
                unsigned size = mo & IR_MO_SIZE, n = 1u << size;
                if (t == IR_I32 && size == 3) {
                    continue;
                }
                for (int hit = 0; hit < 2; hit++) {
                    memcpy(guest_mem + 0x300, pattern, 8);
                    uint64_t old = ref_load(pattern, mo, t);
                    uint64_t raw_old = ref_load(pattern, mo & ~IR_MO_SIGN,
                                                IR_I64);
                    uint64_t operand = 0x0123456789abcdefull & mask_of(t);
                    uint64_t nm = n == 8 ? ~0ull : (1ull << (8 * n)) - 1;
                    uint64_t newv;
                    switch (ops[o]) {
                    case IR_ATOMIC_XCHG:      newv = operand; break;
                    case IR_ATOMIC_FETCH_ADD: newv = raw_old + operand; break;
                    case IR_ATOMIC_FETCH_AND: newv = raw_old & operand; break;
                    case IR_ATOMIC_FETCH_OR:  newv = raw_old | operand; break;
                    case IR_ATOMIC_FETCH_XOR: newv = raw_old ^ operand; break;
                    default:
                        newv = hit ? operand : raw_old;
                        break;
                    }
                    newv &= nm;
                    IrTemp r[16], w[16];
                    IrBlock *b = new_block(r, w);
                    IrTemp *g = t == IR_I64 ? r : w;
                    cpu.w[1] = 0x300;
                    set_global(t, 2, operand);
                    set_global(t, 3, hit ? old : old ^ 1);
                    if (ops[o] == IR_ATOMIC_CMPXCHG) {
                        ir_atomic_cmpxchg(b, g[0], w[1], g[3], g[2], mo);
                    } else {
                        uint64_t args[4] = { g[0], w[1], g[2], mo };
                        ir_emit(b, ops[o], t, 1, 2, 1, args);
                    }
                    ir_exit_tb(b, 0);
                    run(b);
                    ir_block_free(b);
                    uint8_t want_mem[8];
                    memcpy(want_mem, pattern, 8);
                    for (unsigned i = 0; i < n; i++) {
                        unsigned k = (mo & IR_MO_BE) ? n - 1 - i : i;
                        want_mem[k] = (uint8_t)(newv >> (8 * i));
                    }
                    if (get_global(t, 0) != old ||
                        memcmp(guest_mem + 0x300, want_mem, 8)) {
                        fail_msg("%s i%d mo %x hit %d: old %llx want %llx, "
                                 "mem %02x%02x%02x%02x",
                                 ir_op_defs[ops[o]].name, t ? 64 : 32, mo,
                                 hit, (unsigned long long)get_global(t, 0),
                                 (unsigned long long)old,
                                 guest_mem[0x300], guest_mem[0x301],
                                 guest_mem[0x302], guest_mem[0x303]);
                    }
                }
            }
        }
    }
}

static void test_host_mem_and_mb(void **state)
{
    (void)state;
    IrTemp r[16], w[16];
    IrBlock *b = new_block(r, w);
    cpu.scratch[0] = 0x8899aabbccddeeffull;
    cpu.scratch[1] = 0;
    int32_t s0 = (int32_t)offsetof(FakeCpu, scratch);
    ir_ld8s(b, r[0], IR_ENV, s0);
    ir_ld8u(b, r[1], IR_ENV, s0);
    ir_ld16s(b, w[0], IR_ENV, s0 + 1);
    ir_ld16u(b, r[2], IR_ENV, s0 + 1);
    ir_ld32s(b, r[3], IR_ENV, s0 + 4);
    ir_ld32u(b, r[4], IR_ENV, s0 + 4);
    ir_ld(b, r[5], IR_ENV, s0);
    ir_mb(b, IR_MB_ALL);
    ir_st8(b, r[1], IR_ENV, s0 + 8);
    ir_st16(b, ir_const(b, IR_I64, 0x1234), IR_ENV, s0 + 10);
    ir_st32(b, r[3], IR_ENV, s0 + 12);
    ir_st(b, ir_const(b, IR_I64, 0xffffffff80000000ull), IR_ENV, s0 + 16);
    ir_exit_tb(b, 0);
    run(b);
    ir_block_free(b);
    assert_int_equal(cpu.r[0], 0xffffffffffffffffull);
    assert_int_equal(cpu.r[1], 0xff);
    assert_int_equal(cpu.w[0], 0xffffddeeu);
    assert_int_equal(cpu.r[2], 0xddee);
    assert_int_equal(cpu.r[3], 0xffffffff8899aabbull);
    assert_int_equal(cpu.r[4], 0x8899aabbull);
    assert_int_equal(cpu.r[5], 0x8899aabbccddeeffull);
    assert_int_equal(cpu.scratch[1], 0x8899aabb123400ffull);
    assert_int_equal(cpu.scratch[2], 0xffffffff80000000ull);
}

/* ---- Chaining and the insn map --------------------------------------------- */

static void test_chaining(void **state)
{
    (void)state;
    TransBlock *ta = aligned_alloc(8, sizeof(TransBlock));
    TransBlock *tbb = aligned_alloc(8, sizeof(TransBlock));
    IrTemp r[16], w[16];
    IrBlock *b = new_block(r, w);
    ir_addi(b, r[0], r[0], 1);
    ir_goto_tb(b, 0);
    ir_exit_tb(b, (uintptr_t)ta | TB_EXIT_SLOT0);
    compile(b, ta);
    ir_block_free(b);
    b = new_block(r, w);
    ir_addi(b, r[0], r[0], 10);
    ir_exit_tb(b, 0x77);
    compile(b, tbb);
    ir_block_free(b);

    assert_int_equal(ta->jmp_insn_offset[0] % 4, 0);
    assert_int_equal(((uintptr_t)ta->code + ta->jmp_insn_offset[0]) % 4, 0);
    assert_int_equal(ta->jmp_insn_offset[1], UINT16_MAX);
    cpu.r[0] = 0;
    assert_int_equal(backend_x86_64.exec(&cpu.common, ta),
                     (uintptr_t)ta | TB_EXIT_SLOT0);
    assert_int_equal(cpu.r[0], 1);
    backend_x86_64.set_jump(&test_cb, ta, 0, tbb);
    assert_int_equal(backend_x86_64.exec(&cpu.common, ta), 0x77);
    assert_int_equal(cpu.r[0], 12);
    backend_x86_64.set_jump(&test_cb, ta, 0, NULL);
    assert_int_equal(backend_x86_64.exec(&cpu.common, ta),
                     (uintptr_t)ta | TB_EXIT_SLOT0);
    assert_int_equal(cpu.r[0], 13);
    free(ta);
    free(tbb);
}

static uintptr_t recorded_ra;
static void h_record(void)
{
    recorded_ra = EMU_RETADDR();
}
static const IrHelper hr_desc = IR_HELPER0(h_record, IR_HF_MAY_RAISE,
                                           IR_HT_VOID);

static void test_insn_map(void **state)
{
    (void)state;
    TransBlock *tb = aligned_alloc(8, sizeof(TransBlock));
    IrTemp r[16], w[16];
    IrBlock *b = new_block(r, w);
    for (unsigned i = 0; i < 5; i++) {
        ir_insn_start(b, 0x1000 + 4 * i, i * 7);
        ir_addi(b, r[0], r[0], 1);
        if (i == 3) {
            ir_call(b, &hr_desc, IR_NO_TEMP, 0, NULL);
        }
    }
    ir_exit_tb(b, 0);
    compile(b, tb);
    ir_block_free(b);
    backend_x86_64.exec(&cpu.common, tb);
    uint64_t pc = 0, extra = 0;
    assert_true(recorded_ra > (uintptr_t)tb->code);
    assert_true(recorded_ra < (uintptr_t)tb->code + tb->code_size);
    assert_true(tb_find_insn(tb, recorded_ra, &pc, &extra));
    assert_int_equal(pc, 0x100c);
    assert_int_equal(extra, 21);
    free(tb);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_exit_tb),
        cmocka_unit_test(test_binops),
        cmocka_unit_test(test_unops),
        cmocka_unit_test(test_deposit),
        cmocka_unit_test(test_double_word),
        cmocka_unit_test(test_conditions),
        cmocka_unit_test(test_pressure),
        cmocka_unit_test(test_loop),
        cmocka_unit_test(test_calls),
        cmocka_unit_test(test_repeated_inputs),
        cmocka_unit_test(test_host_mem_and_mb),
        cmocka_unit_test(test_guest_mem),
        cmocka_unit_test(test_unaligned),
        cmocka_unit_test(test_atomics),
        cmocka_unit_test(test_chaining),
        cmocka_unit_test(test_insn_map),
    };
    return cmocka_run_group_tests(tests, setup_all, teardown_all);
}

/* tests/diff/ir_edge.c — the op semantics of core/ir_ops.h checked against
 * values worked out by hand (division by zero, MIN / -1, counts beyond the
 * width, clz of zero, bswap zero-extension, field ops, carries, memops),
 * on every backend, with inputs from globals and as constants (folding).
 * ir_diff only shows backends disagree; this shows they are right.
 */
#include <inttypes.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/backend.h"
#include "core/codebuf.h"
#include "core/ir.h"
#include "diff_gen.h"

/* One op applied to fixed inputs. Temps are i32 unless their bit in
 * `wide` is set (bit i: argument i, outputs first). */
typedef struct EdgeCase {
    IrOpcode opc;
    IrType type;
    uint8_t nout, nin, nconst;
    uint8_t wide;
    uint64_t in[4];
    uint64_t c[2];
    uint64_t out[2];
} EdgeCase;

#define M32 0xffffffffull
#define M64 0xffffffffffffffffull
#define MIN32 0x80000000ull
#define MIN64 0x8000000000000000ull
#define W1 0x3u      /* out, 1 in: all i64 */
#define W2 0x7u
#define W4 0x3fu

static const EdgeCase edge_cases[] = {
    /* Division: defined results for zero and overflow. */
    { IR_DIVU, IR_I32, 1, 2, 0, 0, { 7, 0 }, { 0 }, { 0 } },
    { IR_DIVS, IR_I32, 1, 2, 0, 0, { 7, 0 }, { 0 }, { 0 } },
    { IR_REMU, IR_I32, 1, 2, 0, 0, { 7, 0 }, { 0 }, { 7 } },
    { IR_REMS, IR_I32, 1, 2, 0, 0, { M32 - 6, 0 }, { 0 }, { M32 - 6 } },
    { IR_DIVS, IR_I32, 1, 2, 0, 0, { MIN32, M32 }, { 0 }, { MIN32 } },
    { IR_REMS, IR_I32, 1, 2, 0, 0, { MIN32, M32 }, { 0 }, { 0 } },
    { IR_DIVS, IR_I32, 1, 2, 0, 0, { M32 - 6, 2 }, { 0 }, { M32 - 2 } },
    { IR_REMS, IR_I32, 1, 2, 0, 0, { M32 - 6, 2 }, { 0 }, { M32 } },
    { IR_DIVU, IR_I32, 1, 2, 0, 0, { M32 - 6, 2 }, { 0 }, { 0x7ffffffc } },
    { IR_DIVU, IR_I64, 1, 2, 0, W2, { 7, 0 }, { 0 }, { 0 } },
    { IR_DIVS, IR_I64, 1, 2, 0, W2, { 7, 0 }, { 0 }, { 0 } },
    { IR_REMU, IR_I64, 1, 2, 0, W2, { 7, 0 }, { 0 }, { 7 } },
    { IR_REMS, IR_I64, 1, 2, 0, W2, { M64 - 6, 0 }, { 0 }, { M64 - 6 } },
    { IR_DIVS, IR_I64, 1, 2, 0, W2, { MIN64, M64 }, { 0 }, { MIN64 } },
    { IR_REMS, IR_I64, 1, 2, 0, W2, { MIN64, M64 }, { 0 }, { 0 } },
    { IR_REMS, IR_I64, 1, 2, 0, W2, { M64 - 6, 2 }, { 0 }, { M64 } },
    /* Shift and rotate counts are taken modulo the width. */
    { IR_SHL, IR_I32, 1, 2, 0, 0, { 1, 33 }, { 0 }, { 2 } },
    { IR_SHR, IR_I32, 1, 2, 0, 0, { MIN32, 36 }, { 0 }, { 0x08000000 } },
    { IR_SAR, IR_I32, 1, 2, 0, 0, { MIN32, 63 }, { 0 }, { M32 } },
    { IR_ROTL, IR_I32, 1, 2, 0, 0, { 0x80000001, 33 }, { 0 }, { 3 } },
    { IR_ROTR, IR_I32, 1, 2, 0, 0, { 3, 32 }, { 0 }, { 3 } },
    { IR_ROTR, IR_I32, 1, 2, 0, 0, { 3, 1 }, { 0 }, { 0x80000001 } },
    { IR_SHL, IR_I64, 1, 2, 0, W2, { 1, 65 }, { 0 }, { 2 } },
    { IR_SAR, IR_I64, 1, 2, 0, W2, { MIN64, 127 }, { 0 }, { M64 } },
    { IR_SHR, IR_I64, 1, 2, 0, W2, { MIN64, 63 }, { 0 }, { 1 } },
    { IR_ROTL, IR_I64, 1, 2, 0, W2, { MIN64 | 1, 1 }, { 0 }, { 3 } },
    { IR_ROTR, IR_I64, 1, 2, 0, W2, { 1, 64 + 4 }, { 0 },
      { 0x1000000000000000ull } },
    /* Bit counts. */
    { IR_CLZ, IR_I32, 1, 1, 0, 0, { 0 }, { 0 }, { 32 } },
    { IR_CTZ, IR_I32, 1, 1, 0, 0, { 0 }, { 0 }, { 32 } },
    { IR_CLZ, IR_I64, 1, 1, 0, W1, { 0 }, { 0 }, { 64 } },
    { IR_CTZ, IR_I64, 1, 1, 0, W1, { 0 }, { 0 }, { 64 } },
    { IR_CLZ, IR_I32, 1, 1, 0, 0, { 0x00010000 }, { 0 }, { 15 } },
    { IR_CTZ, IR_I64, 1, 1, 0, W1, { MIN64 }, { 0 }, { 63 } },
    { IR_CLZ, IR_I64, 1, 1, 0, W1, { 0xffffffff }, { 0 }, { 32 } },
    { IR_POPCNT, IR_I32, 1, 1, 0, 0, { M32 }, { 0 }, { 32 } },
    { IR_POPCNT, IR_I64, 1, 1, 0, W1, { 0xf0f0f0f0f0f0f0f1ull }, { 0 },
      { 33 } },
    /* Byte swaps zero-extend. */
    { IR_BSWAP16, IR_I32, 1, 1, 0, 0, { 0x12345678 }, { 0 }, { 0x7856 } },
    { IR_BSWAP16, IR_I64, 1, 1, 0, W1, { 0x1122334455668899ull }, { 0 },
      { 0x9988 } },
    { IR_BSWAP32, IR_I32, 1, 1, 0, 0, { 0x12345678 }, { 0 }, { 0x78563412 } },
    { IR_BSWAP32, IR_I64, 1, 1, 0, W1, { 0x11223344a5667788ull }, { 0 },
      { 0x887766a5 } },
    { IR_BSWAP64, IR_I64, 1, 1, 0, W1, { 0x1122334455667788ull }, { 0 },
      { 0x8877665544332211ull } },
    /* Fields. */
    { IR_EXTRACT, IR_I32, 1, 1, 2, 0, { 0xabcd1234 }, { 8, 12 }, { 0xd12 } },
    { IR_SEXTRACT, IR_I32, 1, 1, 2, 0, { 0xabcd1234 }, { 8, 12 },
      { 0xfffffd12 } },
    { IR_SEXTRACT, IR_I32, 1, 1, 2, 0, { 0xabcd1234 }, { 0, 32 },
      { 0xabcd1234 } },
    { IR_EXTRACT, IR_I64, 1, 1, 2, W1, { 0x8000000180000000ull }, { 31, 33 },
      { 0x100000003ull } },
    { IR_SEXTRACT, IR_I64, 1, 1, 2, W1, { 0x0000000180000000ull }, { 31, 2 },
      { M64 } },
    { IR_DEPOSIT, IR_I32, 1, 2, 2, 0, { 0xffffffff, 0x12345 }, { 4, 8 },
      { 0xfffff45f } },
    { IR_DEPOSIT, IR_I64, 1, 2, 2, 0x7, { 0, M64 }, { 60, 4 },
      { 0xf000000000000000ull } },
    { IR_DEPOSIT, IR_I64, 1, 2, 2, 0x7, { M64, 0 }, { 0, 64 }, { 0 } },
    /* Extensions. */
    { IR_EXT8S, IR_I32, 1, 1, 0, 0, { 0x1280 }, { 0 }, { 0xffffff80 } },
    { IR_EXT16U, IR_I32, 1, 1, 0, 0, { 0x12348000 }, { 0 }, { 0x8000 } },
    { IR_EXT16S, IR_I64, 1, 1, 0, W1, { 0x8000 }, { 0 },
      { 0xffffffffffff8000ull } },
    { IR_EXT32S, IR_I64, 1, 1, 0, W1, { 0x1280000000ull }, { 0 },
      { 0xffffffff80000000ull } },
    { IR_EXT32U, IR_I64, 1, 1, 0, W1, { M64 }, { 0 }, { M32 } },
    { IR_EXTU_I32_I64, IR_I64, 1, 1, 0, 0x1, { MIN32 }, { 0 }, { MIN32 } },
    { IR_EXTS_I32_I64, IR_I64, 1, 1, 0, 0x1, { MIN32 }, { 0 },
      { 0xffffffff80000000ull } },
    { IR_EXTRL_I64_I32, IR_I64, 1, 1, 0, 0x2, { 0x1122334455667788ull },
      { 0 }, { 0x55667788 } },
    { IR_EXTRH_I64_I32, IR_I64, 1, 1, 0, 0x2, { 0x1122334455667788ull },
      { 0 }, { 0x11223344 } },
    /* Double-word. */
    { IR_MULU2, IR_I32, 2, 2, 0, 0, { M32, M32 }, { 0 }, { 1, M32 - 1 } },
    { IR_MULS2, IR_I32, 2, 2, 0, 0, { M32, M32 }, { 0 }, { 1, 0 } },
    { IR_MULS2, IR_I32, 2, 2, 0, 0, { MIN32, 2 }, { 0 }, { 0, M32 } },
    { IR_MULU2, IR_I64, 2, 2, 0, 0xf, { M64, 2 }, { 0 }, { M64 - 1, 1 } },
    { IR_MULS2, IR_I64, 2, 2, 0, 0xf, { M64, 2 }, { 0 }, { M64 - 1, M64 } },
    { IR_ADD2, IR_I32, 2, 4, 0, 0, { M32, 5, 1, 7 }, { 0 }, { 0, 13 } },
    { IR_SUB2, IR_I32, 2, 4, 0, 0, { 0, 5, 1, 7 }, { 0 }, { M32, M32 - 2 } },
    { IR_ADD2, IR_I64, 2, 4, 0, W4, { M64, 5, 1, 7 }, { 0 }, { 0, 13 } },
    { IR_SUB2, IR_I64, 2, 4, 0, W4, { 0, 0, 1, 0 }, { 0 }, { M64, M64 } },
    /* Conditions: signed and unsigned. */
    { IR_SETCOND, IR_I32, 1, 2, 1, 0, { M32, 1 }, { IR_COND_LT }, { 1 } },
    { IR_SETCOND, IR_I32, 1, 2, 1, 0, { M32, 1 }, { IR_COND_LTU }, { 0 } },
    { IR_SETCOND, IR_I32, 1, 2, 1, 0, { M32, 1 }, { IR_COND_GTU }, { 1 } },
    { IR_SETCOND, IR_I32, 1, 2, 1, 0, { 5, 5 }, { IR_COND_LE }, { 1 } },
    { IR_SETCOND, IR_I32, 1, 2, 1, 0, { 5, 5 }, { IR_COND_NEVER }, { 0 } },
    { IR_SETCOND, IR_I32, 1, 2, 1, 0, { 5, 6 }, { IR_COND_ALWAYS }, { 1 } },
    { IR_SETCOND, IR_I64, 1, 2, 1, W2, { MIN64, 0 }, { IR_COND_GE }, { 0 } },
    { IR_SETCOND, IR_I64, 1, 2, 1, W2, { MIN64, 0 }, { IR_COND_GEU }, { 1 } },
    { IR_SETCOND, IR_I64, 1, 2, 1, W2, { 0x100000000ull, 1 },
      { IR_COND_LEU }, { 0 } },
    { IR_MOVCOND, IR_I32, 1, 4, 1, 0, { 1, M32, 10, 20 }, { IR_COND_GT },
      { 10 } },
    { IR_MOVCOND, IR_I64, 1, 4, 1, 0x1f, { 1, M64, 10, 20 },
      { IR_COND_GTU }, { 20 } },
    /* Plain arithmetic at the edges. */
    { IR_NEG, IR_I32, 1, 1, 0, 0, { MIN32 }, { 0 }, { MIN32 } },
    { IR_ANDC, IR_I32, 1, 2, 0, 0, { 0xff, 0x0f }, { 0 }, { 0xf0 } },
    { IR_ORC, IR_I64, 1, 2, 0, W2, { 0, M64 - 1 }, { 0 }, { 1 } },
    { IR_MUL, IR_I32, 1, 2, 0, 0, { 0x10000, 0x10000 }, { 0 }, { 0 } },
    { IR_ADD, IR_I32, 1, 2, 0, 0, { M32, 2 }, { 0 }, { 1 } },
};

/* Guest loads of the bytes 88 77 66 55 44 33 22 11 at address 8. */
typedef struct EdgeLoad {
    IrType type;
    unsigned memop;
    uint64_t addr;
    uint64_t out;
} EdgeLoad;

static const EdgeLoad edge_loads[] = {
    { IR_I32, IR_MO_8, 8, 0x88 },
    { IR_I32, IR_MO_8 | IR_MO_SIGN, 8, 0xffffff88 },
    { IR_I64, IR_MO_8 | IR_MO_SIGN, 8, 0xffffffffffffff88ull },
    { IR_I32, IR_MO_16, 8, 0x7788 },
    { IR_I32, IR_MO_16 | IR_MO_BE, 8, 0x8877 },
    { IR_I32, IR_MO_16 | IR_MO_BE | IR_MO_SIGN, 8, 0xffff8877 },
    { IR_I64, IR_MO_16 | IR_MO_SIGN, 9, 0x6677 },
    { IR_I32, IR_MO_32, 8, 0x55667788 },
    { IR_I32, IR_MO_32 | IR_MO_BE, 8, 0x88776655 },
    { IR_I64, IR_MO_32 | IR_MO_BE | IR_MO_SIGN, 8, 0xffffffff88776655ull },
    { IR_I64, IR_MO_32 | IR_MO_BE, 8, 0x88776655 },
    { IR_I64, IR_MO_32, 11, 0x22334455 },
    { IR_I64, IR_MO_64, 8, 0x1122334455667788ull },
    { IR_I64, IR_MO_64 | IR_MO_BE, 8, 0x8877665544332211ull },
    { IR_I64, IR_MO_64 | IR_MO_BE | IR_MO_ALIGN, 8, 0x8877665544332211ull },
};

typedef struct EdgeCtx {
    IrBlock *b;
    DiffGlobals g;
    const HostBackend *be[2];
    CodeBuf cb[2];
    unsigned nbe;
    DiffState st;
    uint8_t *mem;
    unsigned failures;
} EdgeCtx;

static int edge_setup(void **state)
{
    EdgeCtx *c = calloc(1, sizeof(*c));
    assert_non_null(c);
    c->b = ir_block_new();
    diff_init_globals(c->b, &c->g);
    c->be[c->nbe++] = &backend_interp;
#ifdef EMU_HOST_X86_64
    c->be[c->nbe++] = &backend_x86_64;
#endif
    for (unsigned i = 0; i < c->nbe; i++) {
        assert_true(codebuf_init(&c->cb[i], 4 << 20));
        if (c->be[i]->init) {
            assert_true(c->be[i]->init(&c->cb[i]));
        }
    }
    c->mem = calloc(1, DIFF_MEM_ALLOC);
    assert_non_null(c->mem);
    *state = c;
    return 0;
}

static int edge_teardown(void **state)
{
    EdgeCtx *c = *state;
    for (unsigned i = 0; i < c->nbe; i++) {
        codebuf_destroy(&c->cb[i]);
    }
    ir_block_free(c->b);
    free(c->mem);
    free(c);
    return 0;
}

/* Runs the block in c->b (optimized first when asked) on backend i with
 * c->st and c->mem as they are. */
static void edge_exec(EdgeCtx *c, unsigned i, bool optimize)
{
    TransBlock tb;
    char err[256];
    if (optimize) {
        ir_optimize(c->b);
    }
    if (!ir_validate(c->b, err, sizeof(err))) {
        ir_dump(c->b, stderr);
        fail_msg("invalid block: %s", err);
    }
    memset(&tb, 0, sizeof(tb));
    tb.pc = 0x1000;
    tb.page_addr[1] = UINT64_MAX;
    if (c->cb[i].used > c->cb[i].size / 2) {
        codebuf_flush(&c->cb[i]);
    }
    assert_true(c->be[i]->gen_code(c->b, &tb, &c->cb[i]));
    c->st.common.guest_base = (uintptr_t)c->mem;
    assert_int_equal(c->be[i]->exec(&c->st.common, &tb), 0);
}

static uint64_t edge_mask(bool wide)
{
    return wide ? M64 : M32;
}

/* Builds `op` with inputs in globals (or as constants), outputs to
 * globals r8/r9 or x4/x5. */
static void edge_build(EdgeCtx *c, const EdgeCase *e, bool consts)
{
    uint64_t args[IR_MAX_ARGS];
    unsigned n = 0;
    ir_block_reset(c->b);
    ir_insn_start(c->b, 0x1000, 0);
    for (unsigned k = 0; k < e->nout; k++) {
        bool w = e->wide & (1u << k);
        args[n++] = w ? c->g.g64[4 + k] : c->g.g32[8 + k];
    }
    for (unsigned k = 0; k < e->nin; k++) {
        bool w = e->wide & (1u << (e->nout + k));
        if (consts) {
            args[n++] = ir_const(c->b, w ? IR_I64 : IR_I32, e->in[k]);
        } else {
            args[n++] = w ? c->g.g64[k] : c->g.g32[k];
        }
    }
    for (unsigned k = 0; k < e->nconst; k++) {
        args[n++] = e->c[k];
    }
    ir_emit(c->b, e->opc, e->type, e->nout, e->nin, e->nconst, args);
    ir_exit_tb(c->b, 0);
}

static void test_op_semantics(void **state)
{
    EdgeCtx *c = *state;
    unsigned failures = 0;
    for (size_t n = 0; n < sizeof(edge_cases) / sizeof(edge_cases[0]); n++) {
        const EdgeCase *e = &edge_cases[n];
        for (unsigned i = 0; i < c->nbe; i++) {
            for (unsigned mode = 0; mode < 3; mode++) {
                bool consts = mode == 2, opt = mode >= 1;
                memset(&c->st, 0, sizeof(c->st));
                for (unsigned k = 0; k < e->nin; k++) {
                    c->st.r32[k] = (uint32_t)e->in[k];
                    c->st.r64[k] = e->in[k];
                }
                edge_build(c, e, consts);
                edge_exec(c, i, opt);
                for (unsigned k = 0; k < e->nout; k++) {
                    bool w = e->wide & (1u << k);
                    uint64_t got = w ? c->st.r64[4 + k] : c->st.r32[8 + k];
                    uint64_t want = e->out[k] & edge_mask(w);
                    if (got != want) {
                        fprintf(stderr, "ir_edge: %s %s_%s (%s%s) output %u:"
                                " got 0x%" PRIx64 ", want 0x%" PRIx64 "\n",
                                c->be[i]->name, ir_op_defs[e->opc].name,
                                e->type == IR_I64 ? "i64" : "i32",
                                consts ? "constant inputs" : "inputs in "
                                "globals", opt ? ", optimized" : "", k, got,
                                want);
                        edge_build(c, e, consts);
                        ir_dump(c->b, stderr);
                        failures++;
                    }
                }
            }
        }
    }
    assert_int_equal(failures, 0);
}

static void test_guest_load_memops(void **state)
{
    EdgeCtx *c = *state;
    static const uint8_t bytes[8] = {
        0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11,
    };
    unsigned failures = 0;
    for (size_t n = 0; n < sizeof(edge_loads) / sizeof(edge_loads[0]); n++) {
        const EdgeLoad *e = &edge_loads[n];
        for (unsigned i = 0; i < c->nbe; i++) {
            for (unsigned opt = 0; opt < 2; opt++) {
                memset(&c->st, 0, sizeof(c->st));
                memset(c->mem, 0, DIFF_MEM_ALLOC);
                memcpy(c->mem + 8, bytes, 8);
                ir_block_reset(c->b);
                ir_insn_start(c->b, 0x1000, 0);
                IrTemp d = e->type == IR_I64 ? c->g.g64[4] : c->g.g32[8];
                ir_guest_ld(c->b, d, ir_const(c->b, IR_I32, e->addr),
                            e->memop);
                /* Store it back with the same memop at 0x40: the round
                 * trip must give the same bytes. */
                ir_guest_st(c->b, d, ir_const(c->b, IR_I32, 0x40),
                            e->memop & ~(unsigned)IR_MO_SIGN);
                ir_exit_tb(c->b, 0);
                edge_exec(c, i, opt);
                uint64_t got = e->type == IR_I64 ? c->st.r64[4] : c->st.r32[8];
                unsigned size = 1u << (e->memop & IR_MO_SIZE);
                if (got != e->out ||
                    memcmp(c->mem + 0x40, c->mem + e->addr, size) != 0) {
                    fprintf(stderr, "ir_edge: %s%s guest_ld_%s memop 0x%x at "
                            "%" PRIu64 ": got 0x%" PRIx64 ", want 0x%" PRIx64
                            " (store back %s)\n", c->be[i]->name,
                            opt ? " optimized" : "",
                            e->type == IR_I64 ? "i64" : "i32", e->memop,
                            e->addr, got, e->out,
                            memcmp(c->mem + 0x40, c->mem + e->addr, size)
                                ? "differs" : "ok");
                    failures++;
                }
            }
        }
    }
    assert_int_equal(failures, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_op_semantics),
        cmocka_unit_test(test_guest_load_memops),
    };
    return cmocka_run_group_tests_name("ir_edge", tests, edge_setup,
                                       edge_teardown);
}

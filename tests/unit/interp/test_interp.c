/* tests/unit/interp/test_interp.c — the interpreter backend: blocks built by
 * hand with the IR builder, compiled by backend_interp.gen_code and run by
 * backend_interp.exec on a fake CPU state; expected values are written out.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/backend.h"
#include "core/codebuf.h"
#include "core/ir.h"
#include "core/tb.h"

typedef struct TestState {
    CpuCommon common;
    uint32_t r32[8];
    uint32_t guard32;          /* must survive i32 writes to r32[7] */
    uint64_t r64[8];
    uint8_t bytes[64];
    void *hostp;               /* a host pointer, for LD/ST bases */
} TestState;

typedef struct Fixture {
    CodeBuf cb;
    TestState st;
    IrBlock *b;
    IrTemp g32[8], g64[8];
} Fixture;

#define OFF32(i) ((int32_t)offsetof(TestState, r32[i]))
#define OFF64(i) ((int32_t)offsetof(TestState, r64[i]))

static int setup(void **state)
{
    Fixture *f = calloc(1, sizeof(*f));
    static const char *names32[8] = { "r0", "r1", "r2", "r3",
                                       "r4", "r5", "r6", "r7" };
    static const char *names64[8] = { "x0", "x1", "x2", "x3",
                                      "x4", "x5", "x6", "x7" };

    assert_non_null(f);
    assert_true(codebuf_init(&f->cb, 1 << 20));
    assert_true(backend_interp.init(&f->cb));
    f->b = ir_block_new();
    for (int i = 0; i < 8; i++) {
        f->g32[i] = ir_global(f->b, IR_I32, OFF32(i), names32[i]);
    }
    for (int i = 0; i < 8; i++) {
        f->g64[i] = ir_global(f->b, IR_I64, OFF64(i), names64[i]);
    }
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    Fixture *f = *state;
    ir_block_free(f->b);
    codebuf_destroy(&f->cb);
    free(f);
    return 0;
}

/* Compiles the fixture's block into a fresh TransBlock (caller frees) and
 * resets the block for the next one. */
static TransBlock *compile(Fixture *f)
{
    TransBlock *tb = aligned_alloc(8, sizeof(TransBlock));
    char err[200];

    assert_non_null(tb);
    memset(tb, 0, sizeof(*tb));
    if (!ir_validate(f->b, err, sizeof(err))) {
        fail_msg("invalid block: %s", err);
    }
    assert_true(backend_interp.gen_code(f->b, tb, &f->cb));
    assert_non_null(tb->code);
    assert_true(codebuf_contains_rx(&f->cb, (uintptr_t)tb->code));
    ir_block_reset(f->b);
    return tb;
}

static uintptr_t run(Fixture *f, TransBlock *tb)
{
    uintptr_t r = backend_interp.exec(&f->st.common, tb);
    assert_false(f->st.common.in_interp);
    return r;
}

static uintptr_t compile_run(Fixture *f)
{
    TransBlock *tb = compile(f);
    uintptr_t r = run(f, tb);
    free(tb);
    return r;
}

/* ---- Two-input and one-input arithmetic ------------------------------ */

typedef struct AluCase {
    IrOpcode opc;
    IrType type;
    uint64_t a, b, want;
} AluCase;

#define M32 0xffffffffull
#define M64 0xffffffffffffffffull

static const AluCase alu_cases[] = {
    { IR_ADD, IR_I32, M32, 1, 0 },
    { IR_ADD, IR_I64, M64, 1, 0 },
    { IR_ADD, IR_I64, M32, 1, 0x100000000ull },
    { IR_SUB, IR_I32, 0, 1, M32 },
    { IR_SUB, IR_I64, 0, 1, M64 },
    { IR_MUL, IR_I32, 0x10000, 0x10000, 0 },
    { IR_MUL, IR_I32, M32, M32, 1 },
    { IR_MUL, IR_I64, 0x100000000ull, 0x100000000ull, 0 },
    { IR_MUL, IR_I64, 0x100000000ull, 3, 0x300000000ull },
    { IR_AND, IR_I32, 0xff00ff00, 0x0ff00ff0, 0x0f000f00 },
    { IR_OR, IR_I64, 0xf0ull << 56, 0x0f, 0xf00000000000000full },
    { IR_XOR, IR_I32, M32, 0x0000ffff, 0xffff0000 },
    { IR_ANDC, IR_I32, 0xff, 0x0f, 0xf0 },
    { IR_ORC, IR_I32, 0, 0xffff0000, 0x0000ffff },
    { IR_ORC, IR_I64, 0, 0xffff0000, 0xffffffff0000ffffull },
    { IR_SHL, IR_I32, 1, 33, 2 },
    { IR_SHL, IR_I32, 0x80000001, 1, 2 },
    { IR_SHL, IR_I64, 1, 65, 2 },
    { IR_SHL, IR_I64, 1, 63, 0x8000000000000000ull },
    { IR_SHR, IR_I32, 0x80000000, 35, 0x10000000 },
    { IR_SHR, IR_I32, 0x80000000, 32, 0x80000000 },
    { IR_SHR, IR_I64, 0x8000000000000000ull, 64, 0x8000000000000000ull },
    { IR_SHR, IR_I64, 0x8000000000000000ull, 63, 1 },
    { IR_SAR, IR_I32, 0x80000000, 4, 0xf8000000 },
    { IR_SAR, IR_I32, 0x80000000, 32, 0x80000000 },
    { IR_SAR, IR_I32, 0x40000000, 30, 1 },
    { IR_SAR, IR_I64, 0x8000000000000000ull, 63, M64 },
    { IR_SAR, IR_I64, 0x80000000, 31, 1 },
    { IR_ROTL, IR_I32, 0x80000001, 1, 3 },
    { IR_ROTL, IR_I32, 0x80000001, 33, 3 },
    { IR_ROTL, IR_I32, 0x12345678, 0, 0x12345678 },
    { IR_ROTL, IR_I32, 0x12345678, 32, 0x12345678 },
    { IR_ROTR, IR_I32, 1, 1, 0x80000000 },
    { IR_ROTR, IR_I32, 0x12345678, 8, 0x78123456 },
    { IR_ROTL, IR_I64, 0x8000000000000001ull, 65, 3 },
    { IR_ROTR, IR_I64, 1, 1, 0x8000000000000000ull },
    { IR_ROTR, IR_I64, 0x1122334455667788ull, 64, 0x1122334455667788ull },
    { IR_DIVS, IR_I32, (uint32_t)-7, 2, (uint32_t)-3 },
    { IR_DIVS, IR_I32, 7, 0, 0 },
    { IR_DIVS, IR_I32, 0x80000000, M32, 0x80000000 },
    { IR_DIVS, IR_I32, 9, M32, (uint32_t)-9 },
    { IR_DIVS, IR_I64, (uint64_t)-7, 2, (uint64_t)-3 },
    { IR_DIVS, IR_I64, 7, 0, 0 },
    { IR_DIVS, IR_I64, 0x8000000000000000ull, M64, 0x8000000000000000ull },
    { IR_DIVS, IR_I64, 0x80000000, M64, 0xffffffff80000000ull },
    { IR_DIVU, IR_I32, M32, 2, 0x7fffffff },
    { IR_DIVU, IR_I32, M32, 0, 0 },
    { IR_DIVU, IR_I64, M64, 2, 0x7fffffffffffffffull },
    { IR_DIVU, IR_I64, 5, 0, 0 },
    { IR_REMS, IR_I32, (uint32_t)-7, 2, M32 },
    { IR_REMS, IR_I32, (uint32_t)-7, 0, (uint32_t)-7 },
    { IR_REMS, IR_I32, 0x80000000, M32, 0 },
    { IR_REMS, IR_I64, (uint64_t)-7, 2, M64 },
    { IR_REMS, IR_I64, 0x8000000000000000ull, M64, 0 },
    { IR_REMS, IR_I64, 12345, 0, 12345 },
    { IR_REMU, IR_I32, 7, 3, 1 },
    { IR_REMU, IR_I32, M32, 0, M32 },
    { IR_REMU, IR_I64, M64, 10, 5 },
    { IR_REMU, IR_I64, M64, 0, M64 },
};

/* d = a OP b with a, b from globals; then the same with a in an ephemeral
 * and b a constant; the i32 guard next to r32[7] must survive. */
static void test_alu_binary(void **state)
{
    Fixture *f = *state;

    for (size_t i = 0; i < sizeof(alu_cases) / sizeof(alu_cases[0]); i++) {
        const AluCase *c = &alu_cases[i];
        bool is64 = c->type == IR_I64;
        IrTemp ga = is64 ? f->g64[0] : f->g32[0];
        IrTemp gb = is64 ? f->g64[1] : f->g32[1];
        IrTemp gd = is64 ? f->g64[2] : f->g32[7];
        IrTemp gd2 = is64 ? f->g64[3] : f->g32[6];
        IrTemp t, k;
        uint64_t got, got2;
        uint64_t a1[3] = { gd, ga, gb };

        memset(&f->st.r32, 0, sizeof(f->st.r32));
        memset(&f->st.r64, 0, sizeof(f->st.r64));
        f->st.guard32 = 0x5a5a5a5a;
        if (is64) {
            f->st.r64[0] = c->a;
            f->st.r64[1] = c->b;
        } else {
            f->st.r32[0] = (uint32_t)c->a;
            f->st.r32[1] = (uint32_t)c->b;
        }
        ir_emit(f->b, c->opc, c->type, 1, 2, 0, a1);
        t = ir_temp_new(f->b, c->type);
        k = ir_const(f->b, c->type, c->b);
        ir_mov(f->b, t, ga);
        uint64_t a2[3] = { t, t, k };
        ir_emit(f->b, c->opc, c->type, 1, 2, 0, a2);
        ir_mov(f->b, gd2, t);
        ir_exit_tb(f->b, 0);
        assert_int_equal(compile_run(f), 0);
        got = is64 ? f->st.r64[2] : f->st.r32[7];
        got2 = is64 ? f->st.r64[3] : f->st.r32[6];
        if (got != c->want || got2 != c->want) {
            fail_msg("case %zu: %s.%s(0x%llx, 0x%llx) = 0x%llx / 0x%llx, "
                     "want 0x%llx", i, ir_op_defs[c->opc].name,
                     is64 ? "i64" : "i32", (unsigned long long)c->a,
                     (unsigned long long)c->b, (unsigned long long)got,
                     (unsigned long long)got2, (unsigned long long)c->want);
        }
        assert_int_equal(f->st.guard32, 0x5a5a5a5a);
    }
}

static const AluCase unary_cases[] = {
    { IR_MOV, IR_I32, 0x89abcdef, 0, 0x89abcdef },
    { IR_NEG, IR_I32, 1, 0, M32 },
    { IR_NEG, IR_I32, 0x80000000, 0, 0x80000000 },
    { IR_NEG, IR_I64, 0x8000000000000000ull, 0, 0x8000000000000000ull },
    { IR_NEG, IR_I64, 2, 0, M64 - 1 },
    { IR_NOT, IR_I32, 0, 0, M32 },
    { IR_NOT, IR_I64, 0, 0, M64 },
    { IR_EXT8S, IR_I32, 0x80, 0, 0xffffff80 },
    { IR_EXT8S, IR_I32, 0x17f, 0, 0x7f },
    { IR_EXT8S, IR_I64, 0xff, 0, M64 },
    { IR_EXT8U, IR_I32, 0x1ff, 0, 0xff },
    { IR_EXT16S, IR_I32, 0x8000, 0, 0xffff8000 },
    { IR_EXT16S, IR_I64, 0x8000, 0, 0xffffffffffff8000ull },
    { IR_EXT16U, IR_I64, 0xffffffffffff8001ull, 0, 0x8001 },
    { IR_EXT32S, IR_I64, 0x80000000, 0, 0xffffffff80000000ull },
    { IR_EXT32S, IR_I64, 0xffffffff7fffffffull, 0, 0x7fffffff },
    { IR_EXT32U, IR_I64, 0xffffffff00000001ull, 0, 1 },
    { IR_BSWAP16, IR_I32, 0xaabb1234, 0, 0x3412 },
    { IR_BSWAP16, IR_I64, 0xffffffffffff80ffull, 0, 0xff80 },
    { IR_BSWAP32, IR_I32, 0x11223344, 0, 0x44332211 },
    { IR_BSWAP32, IR_I64, 0x1122334455667788ull, 0, 0x88776655 },
    { IR_BSWAP64, IR_I64, 0x1122334455667788ull, 0, 0x8877665544332211ull },
    { IR_CLZ, IR_I32, 0, 0, 32 },
    { IR_CLZ, IR_I32, 1, 0, 31 },
    { IR_CLZ, IR_I32, 0x80000000, 0, 0 },
    { IR_CLZ, IR_I64, 0, 0, 64 },
    { IR_CLZ, IR_I64, 1, 0, 63 },
    { IR_CLZ, IR_I64, 0x80000000, 0, 32 },
    { IR_CTZ, IR_I32, 0, 0, 32 },
    { IR_CTZ, IR_I32, 0x80000000, 0, 31 },
    { IR_CTZ, IR_I64, 0, 0, 64 },
    { IR_CTZ, IR_I64, 0x100000000ull, 0, 32 },
    { IR_POPCNT, IR_I32, M32, 0, 32 },
    { IR_POPCNT, IR_I32, 0, 0, 0 },
    { IR_POPCNT, IR_I64, M64, 0, 64 },
    { IR_POPCNT, IR_I64, 0x8000000000000001ull, 0, 2 },
};

static void test_alu_unary(void **state)
{
    Fixture *f = *state;

    for (size_t i = 0; i < sizeof(unary_cases) / sizeof(unary_cases[0]);
         i++) {
        const AluCase *c = &unary_cases[i];
        bool is64 = c->type == IR_I64;
        IrTemp ga = is64 ? f->g64[0] : f->g32[0];
        IrTemp gd = is64 ? f->g64[2] : f->g32[7];
        IrTemp gd2 = is64 ? f->g64[3] : f->g32[6];
        IrTemp t = ir_temp_local(f->b, c->type);
        IrTemp k = ir_const(f->b, c->type, c->a);
        uint64_t a1[2] = { gd, ga }, a2[2] = { t, k };
        uint64_t got, got2;

        memset(&f->st.r32, 0, sizeof(f->st.r32));
        memset(&f->st.r64, 0, sizeof(f->st.r64));
        f->st.guard32 = 0x5a5a5a5a;
        if (is64) {
            f->st.r64[0] = c->a;
        } else {
            f->st.r32[0] = (uint32_t)c->a;
        }
        ir_emit(f->b, c->opc, c->type, 1, 1, 0, a1);
        ir_emit(f->b, c->opc, c->type, 1, 1, 0, a2);
        ir_mov(f->b, gd2, t);
        ir_exit_tb(f->b, 0);
        compile_run(f);
        got = is64 ? f->st.r64[2] : f->st.r32[7];
        got2 = is64 ? f->st.r64[3] : f->st.r32[6];
        if (got != c->want || got2 != c->want) {
            fail_msg("case %zu: %s.%s(0x%llx) = 0x%llx / 0x%llx, want 0x%llx",
                     i, ir_op_defs[c->opc].name, is64 ? "i64" : "i32",
                     (unsigned long long)c->a, (unsigned long long)got,
                     (unsigned long long)got2, (unsigned long long)c->want);
        }
        assert_int_equal(f->st.guard32, 0x5a5a5a5a);
    }
}

/* Cross-width conversions, and i32 values kept zero-extended: an i32 temp
 * holding the result of a wrapping op widens with zero upper bits. */
static void test_cross_width(void **state)
{
    Fixture *f = *state;
    IrTemp t32 = ir_temp_new(f->b, IR_I32);
    IrTemp t64 = ir_temp_new(f->b, IR_I64);

    memset(&f->st.r64, 0, sizeof(f->st.r64));
    f->st.r32[0] = 0x80000000;
    f->st.r64[0] = 0x123456789abcdef0ull;
    ir_extu_i32_i64(f->b, f->g64[1], f->g32[0]);
    ir_exts_i32_i64(f->b, f->g64[2], f->g32[0]);
    ir_extrl_i64_i32(f->b, f->g32[1], f->g64[0]);
    ir_extrh_i64_i32(f->b, f->g32[2], f->g64[0]);
    /* 0xffffffff + 2 wraps to 1 in i32; widening must give 1. */
    ir_movi(f->b, t32, 0xffffffff);
    ir_addi(f->b, t32, t32, 2);
    ir_extu_i32_i64(f->b, f->g64[3], t32);
    /* i32 NOT of 0 read back as i64 through extu: no sign bits above. */
    ir_movi(f->b, t32, 0);
    ir_not(f->b, t32, t32);
    ir_extu_i32_i64(f->b, t64, t32);
    ir_mov(f->b, f->g64[4], t64);
    /* i32 SHL pushing bits past bit 31. */
    ir_movi(f->b, t32, 0xc0000001);
    ir_shli(f->b, t32, t32, 4);
    ir_extu_i32_i64(f->b, f->g64[5], t32);
    ir_exit_tb(f->b, 0);
    compile_run(f);
    assert_int_equal(f->st.r64[1], 0x80000000ull);
    assert_int_equal(f->st.r64[2], 0xffffffff80000000ull);
    assert_int_equal(f->st.r32[1], 0x9abcdef0);
    assert_int_equal(f->st.r32[2], 0x12345678);
    assert_int_equal(f->st.r64[3], 1);
    assert_int_equal(f->st.r64[4], 0xffffffffull);
    assert_int_equal(f->st.r64[5], 0x10ull);
}

/* ---- Double-word ops --------------------------------------------------- */

static void run_mul2(Fixture *f, bool sign, IrType type, uint64_t a,
                     uint64_t b, uint64_t lo, uint64_t hi)
{
    bool is64 = type == IR_I64;
    IrTemp ca = ir_const(f->b, type, a), cb = ir_const(f->b, type, b);
    IrTemp dl = is64 ? f->g64[0] : f->g32[0];
    IrTemp dh = is64 ? f->g64[1] : f->g32[1];

    if (sign) {
        ir_muls2(f->b, dl, dh, ca, cb);
    } else {
        ir_mulu2(f->b, dl, dh, ca, cb);
    }
    ir_exit_tb(f->b, 0);
    compile_run(f);
    if (is64) {
        assert_int_equal(f->st.r64[0], lo);
        assert_int_equal(f->st.r64[1], hi);
    } else {
        assert_int_equal(f->st.r32[0], lo);
        assert_int_equal(f->st.r32[1], hi);
    }
}

static void run_addsub2(Fixture *f, bool sub, IrType type, uint64_t al,
                        uint64_t ah, uint64_t bl, uint64_t bh, uint64_t lo,
                        uint64_t hi)
{
    bool is64 = type == IR_I64;
    IrTemp t[4];
    uint64_t v[4] = { al, ah, bl, bh };
    IrTemp dl = is64 ? f->g64[0] : f->g32[0];
    IrTemp dh = is64 ? f->g64[1] : f->g32[1];

    for (int i = 0; i < 4; i++) {
        t[i] = ir_temp_new(f->b, type);
        ir_movi(f->b, t[i], v[i]);
    }
    if (sub) {
        ir_sub2(f->b, dl, dh, t[0], t[1], t[2], t[3]);
    } else {
        ir_add2(f->b, dl, dh, t[0], t[1], t[2], t[3]);
    }
    ir_exit_tb(f->b, 0);
    compile_run(f);
    if (is64) {
        assert_int_equal(f->st.r64[0], lo);
        assert_int_equal(f->st.r64[1], hi);
    } else {
        assert_int_equal(f->st.r32[0], lo);
        assert_int_equal(f->st.r32[1], hi);
    }
}

static void test_double_word(void **state)
{
    Fixture *f = *state;

    run_mul2(f, false, IR_I32, M32, M32, 1, 0xfffffffe);
    run_mul2(f, true, IR_I32, M32, M32, 1, 0);
    run_mul2(f, true, IR_I32, 0x80000000, 2, 0, M32);
    run_mul2(f, false, IR_I32, 0x80000000, 2, 0, 1);
    run_mul2(f, false, IR_I64, M64, M64, 1, M64 - 1);
    run_mul2(f, true, IR_I64, M64, 5, (uint64_t)-5, M64);
    run_mul2(f, true, IR_I64, 0x8000000000000000ull, 0x8000000000000000ull,
             0, 0x4000000000000000ull);
    run_mul2(f, false, IR_I64, 0x123456789ull, 0x987654321ull,
             0xd77d742cce1833a9ull, 0xaull);
    run_mul2(f, true, IR_I64, (uint64_t)-3, 7, (uint64_t)-21, M64);
    run_addsub2(f, false, IR_I32, M32, 0, 1, 0, 0, 1);
    run_addsub2(f, false, IR_I32, 5, M32, 6, 0, 11, M32);
    run_addsub2(f, true, IR_I32, 0, 1, 1, 0, M32, 0);
    run_addsub2(f, false, IR_I64, M64, 5, 1, 1, 0, 7);
    run_addsub2(f, true, IR_I64, 0, 0, 1, 0, M64, M64);
    run_addsub2(f, true, IR_I64, 10, 3, 4, 1, 6, 2);
}

/* ---- Bit fields --------------------------------------------------------- */

static void test_bitfields(void **state)
{
    Fixture *f = *state;

    f->st.r32[0] = 0x12345678;
    f->st.r32[1] = 0x00000f00;
    f->st.r64[0] = 0xfedcba9876543210ull;
    ir_extract(f->b, f->g32[2], f->g32[0], 4, 8);
    ir_sextract(f->b, f->g32[3], f->g32[1], 8, 4);
    ir_sextract(f->b, f->g32[4], f->g32[0], 0, 32);
    ir_extract(f->b, f->g32[5], f->g32[0], 31, 1);
    ir_extract(f->b, f->g64[1], f->g64[0], 0, 64);
    ir_extract(f->b, f->g64[2], f->g64[0], 60, 4);
    ir_sextract(f->b, f->g64[3], f->g64[0], 56, 8);
    ir_sextract(f->b, f->g64[4], f->g64[0], 0, 4);
    ir_exit_tb(f->b, 0);
    compile_run(f);
    assert_int_equal(f->st.r32[2], 0x67);
    assert_int_equal(f->st.r32[3], M32);
    assert_int_equal(f->st.r32[4], 0x12345678);
    assert_int_equal(f->st.r32[5], 0);
    assert_int_equal(f->st.r64[1], 0xfedcba9876543210ull);
    assert_int_equal(f->st.r64[2], 0xf);
    assert_int_equal(f->st.r64[3], (uint64_t)(int64_t)(int8_t)0xfe);
    assert_int_equal(f->st.r64[4], 0);

    f->st.r32[0] = M32;
    f->st.r32[1] = 0x1234;
    f->st.r64[0] = 0;
    f->st.r64[1] = 0xabcdefull;
    ir_deposit(f->b, f->g32[2], f->g32[0], f->g32[1], 8, 8);
    ir_deposit(f->b, f->g32[3], f->g32[0], f->g32[1], 28, 4);
    ir_deposit(f->b, f->g32[4], f->g32[0], f->g32[1], 0, 32);
    ir_deposit(f->b, f->g64[2], f->g64[0], f->g64[1], 60, 4);
    ir_deposit(f->b, f->g64[3], f->g64[0], f->g64[1], 0, 64);
    ir_deposit(f->b, f->g64[4], f->g64[0], f->g64[1], 32, 16);
    ir_exit_tb(f->b, 0);
    compile_run(f);
    assert_int_equal(f->st.r32[2], 0xffff34ff);
    assert_int_equal(f->st.r32[3], 0x4fffffff);
    assert_int_equal(f->st.r32[4], 0x1234);
    assert_int_equal(f->st.r64[2], 0xf000000000000000ull);
    assert_int_equal(f->st.r64[3], 0xabcdefull);
    assert_int_equal(f->st.r64[4], 0x0000cdef00000000ull);
}

/* ---- Conditions --------------------------------------------------------- */

typedef struct CondCase {
    IrCond cond;
    IrType type;
    uint64_t a, b;
    bool want;
} CondCase;

static const CondCase cond_cases[] = {
    { IR_COND_NEVER, IR_I32, 0, 0, false },
    { IR_COND_ALWAYS, IR_I32, 1, 0, true },
    { IR_COND_EQ, IR_I32, 5, 5, true },
    { IR_COND_EQ, IR_I64, 5, 0x100000005ull, false },
    { IR_COND_NE, IR_I32, 5, 6, true },
    { IR_COND_LT, IR_I32, M32, 1, true },
    { IR_COND_LTU, IR_I32, M32, 1, false },
    { IR_COND_GE, IR_I32, 1, M32, true },
    { IR_COND_GEU, IR_I32, 1, M32, false },
    { IR_COND_LE, IR_I32, 0x80000000, 0x7fffffff, true },
    { IR_COND_LEU, IR_I32, 0x80000000, 0x7fffffff, false },
    { IR_COND_GT, IR_I32, 0, 0x80000000, true },
    { IR_COND_GTU, IR_I32, 0, 0x80000000, false },
    { IR_COND_LT, IR_I64, M64, 1, true },
    { IR_COND_LT, IR_I64, M32, 1, false },
    { IR_COND_LTU, IR_I64, M64, 1, false },
    { IR_COND_GT, IR_I64, 0x8000000000000000ull, 0, false },
    { IR_COND_GTU, IR_I64, 0x8000000000000000ull, 0, true },
    { IR_COND_LEU, IR_I64, 7, 7, true },
    { IR_COND_GE, IR_I64, 7, 7, true },
};

static void test_conditions(void **state)
{
    Fixture *f = *state;

    for (size_t i = 0; i < sizeof(cond_cases) / sizeof(cond_cases[0]); i++) {
        const CondCase *c = &cond_cases[i];
        bool is64 = c->type == IR_I64;
        IrTemp ga = is64 ? f->g64[0] : f->g32[0];
        IrTemp gb = is64 ? f->g64[1] : f->g32[1];
        IrTemp gs = is64 ? f->g64[2] : f->g32[2];
        IrTemp gm = is64 ? f->g64[3] : f->g32[3];
        IrTemp v1 = ir_const(f->b, c->type, 111);
        IrTemp v2 = ir_const(f->b, c->type, 222);
        uint32_t skip = ir_new_label(f->b);
        uint64_t want_s = c->want, want_m = c->want ? 111 : 222;

        memset(&f->st.r32, 0xee, sizeof(f->st.r32));
        memset(&f->st.r64, 0xee, sizeof(f->st.r64));
        if (is64) {
            f->st.r64[0] = c->a;
            f->st.r64[1] = c->b;
        } else {
            f->st.r32[0] = (uint32_t)c->a;
            f->st.r32[1] = (uint32_t)c->b;
        }
        f->st.r32[4] = 0;
        ir_setcond(f->b, c->cond, gs, ga, gb);
        ir_movcond(f->b, c->cond, gm, ga, gb, v1, v2);
        /* r4 = 1 unless the branch is taken. */
        ir_brcond(f->b, c->cond, ga, gb, skip);
        ir_movi(f->b, f->g32[4], 1);
        ir_set_label(f->b, skip);
        ir_exit_tb(f->b, 0);
        compile_run(f);
        uint64_t s = is64 ? f->st.r64[2] : f->st.r32[2];
        uint64_t m = is64 ? f->st.r64[3] : f->st.r32[3];
        if (s != want_s || m != want_m || f->st.r32[4] != (c->want ? 0 : 1)) {
            fail_msg("cond case %zu: setcond %llu movcond %llu branch %u",
                     i, (unsigned long long)s, (unsigned long long)m,
                     f->st.r32[4]);
        }
    }
}

/* ---- Control flow ------------------------------------------------------- */

/* sum = 1 + 2 + ... + r0 with a local counter and a backward branch; an
 * ephemeral used inside the loop body only. */
static void test_loop(void **state)
{
    Fixture *f = *state;
    IrTemp i = ir_temp_local(f->b, IR_I32);
    IrTemp sum = ir_temp_local(f->b, IR_I64);
    uint32_t top = ir_new_label(f->b), done = ir_new_label(f->b);
    uint32_t skip = ir_new_label(f->b);

    f->st.r32[0] = 100;
    f->st.r32[1] = 0;
    ir_movi(f->b, i, 1);
    ir_movi(f->b, sum, 0);
    ir_br(f->b, top);
    ir_movi(f->b, f->g32[1], 0xdead);   /* skipped */
    ir_set_label(f->b, top);
    ir_brcond(f->b, IR_COND_GTU, i, f->g32[0], done);
    {
        IrTemp e = ir_temp_new(f->b, IR_I64);
        ir_extu_i32_i64(f->b, e, i);
        ir_add(f->b, sum, sum, e);
    }
    ir_addi(f->b, i, i, 1);
    ir_br(f->b, top);
    ir_set_label(f->b, done);
    ir_mov(f->b, f->g64[0], sum);
    ir_brcondi(f->b, IR_COND_EQ, f->g32[1], 0, skip);
    ir_exit_tb(f->b, 99);
    ir_set_label(f->b, skip);
    ir_exit_tb(f->b, 7);
    assert_int_equal(compile_run(f), 7);
    assert_int_equal(f->st.r64[0], 5050);
    assert_int_equal(f->st.r32[1], 0);
}

/* Many short-lived ephemerals share frame slots; locals keep theirs. */
static void test_many_temps(void **state)
{
    Fixture *f = *state;
    IrTemp acc = ir_temp_local(f->b, IR_I64);
    IrTemp keep[20];
    uint64_t want = 0;

    ir_movi(f->b, acc, 0);
    for (int i = 0; i < 20; i++) {
        keep[i] = ir_temp_local(f->b, IR_I64);
        ir_movi(f->b, keep[i], (uint64_t)i * 1000);
    }
    for (int i = 0; i < 500; i++) {
        IrTemp a = ir_temp_new(f->b, IR_I64), c = ir_temp_new(f->b, IR_I64);
        ir_movi(f->b, a, (uint64_t)i);
        ir_muli(f->b, c, a, 3);
        ir_add(f->b, acc, acc, c);
        want += (uint64_t)i * 3;
    }
    for (int i = 0; i < 20; i++) {
        ir_add(f->b, acc, acc, keep[i]);
        want += (uint64_t)i * 1000;
    }
    ir_mov(f->b, f->g64[0], acc);
    ir_exit_tb(f->b, 0);
    compile_run(f);
    assert_int_equal(f->st.r64[0], want);
}

/* ---- Host memory ------------------------------------------------------ */

static void test_host_memory(void **state)
{
    Fixture *f = *state;
    uint8_t buf[32];
    IrTemp p = ir_temp_new(f->b, IR_PTR);
    int32_t bo = (int32_t)offsetof(TestState, bytes);
    int32_t po = (int32_t)offsetof(TestState, hostp);
    IrTemp v32 = ir_temp_new(f->b, IR_I32);

    for (int i = 0; i < 64; i++) {
        f->st.bytes[i] = (uint8_t)(0x80 + i);
    }
    memset(buf, 0, sizeof(buf));
    f->st.hostp = buf + 16;
    memset(f->st.r64, 0, sizeof(f->st.r64));
    ir_ld8u(f->b, f->g64[0], IR_ENV, bo);
    ir_ld8s(f->b, f->g64[1], IR_ENV, bo + 1);
    ir_ld16s(f->b, f->g32[0], IR_ENV, bo + 2);
    ir_ld16u(f->b, f->g32[1], IR_ENV, bo + 2);
    ir_ld32s(f->b, f->g64[2], IR_ENV, bo + 4);
    ir_ld32u(f->b, f->g64[3], IR_ENV, bo + 4);
    ir_ld(f->b, f->g64[4], IR_ENV, bo + 8);
    ir_ld(f->b, f->g32[2], IR_ENV, bo + 8);
    ir_ld8s(f->b, f->g32[3], IR_ENV, bo + 3);
    /* Stores through a pointer loaded from env, negative offsets too. */
    ir_ld(f->b, p, IR_ENV, po);
    ir_movi(f->b, v32, 0xa1b2c3d4);
    ir_st8(f->b, v32, p, -16);
    ir_st16(f->b, v32, p, -14);
    ir_st32(f->b, v32, p, -12);
    ir_st(f->b, v32, p, -8);
    ir_st(f->b, f->g64[4], p, 0);
    ir_exit_tb(f->b, 0);
    compile_run(f);

    assert_int_equal(f->st.r64[0], 0x80);
    assert_int_equal(f->st.r64[1], 0xffffffffffffff81ull);
    assert_int_equal(f->st.r32[0], 0xffff8382);
    assert_int_equal(f->st.r32[1], 0x8382);
    uint32_t w32;
    uint64_t w64;
    memcpy(&w32, &f->st.bytes[4], 4);
    assert_int_equal(f->st.r64[2], (uint64_t)(int64_t)(int32_t)w32);
    assert_int_equal(f->st.r64[3], w32);
    memcpy(&w64, &f->st.bytes[8], 8);
    assert_int_equal(f->st.r64[4], w64);
    assert_int_equal(f->st.r32[2], (uint32_t)w64 & 0xffffffff);
    assert_int_equal(f->st.r32[3], 0xffffff83);

    uint16_t h16;
    assert_int_equal(buf[0], 0xd4);
    assert_int_equal(buf[1], 0);
    memcpy(&h16, &buf[2], 2);
    assert_int_equal(h16, 0xc3d4);
    memcpy(&w32, &buf[4], 4);
    assert_int_equal(w32, 0xa1b2c3d4);
    memcpy(&w32, &buf[8], 4);
    assert_int_equal(w32, 0xa1b2c3d4);
    memcpy(&w32, &buf[12], 4);
    assert_int_equal(w32, 0);
    memcpy(&w64, &buf[16], 8);
    assert_int_equal(w64, f->st.r64[4]);
}

/* ---- Guest memory ------------------------------------------------------ */

static uint8_t *guest_mem(Fixture *f, size_t size)
{
    uint8_t *m = aligned_alloc(64, size);
    assert_non_null(m);
    memset(m, 0, size);
    f->st.common.guest_base = (uintptr_t)m;
    return m;
}

static void test_guest_loads(void **state)
{
    Fixture *f = *state;
    uint8_t *m = guest_mem(f, 256);
    static const uint8_t pat[16] = { 0x81, 0x82, 0x83, 0x84, 0x85, 0x86,
                                     0x87, 0x88, 0x01, 0x02, 0x03, 0x04,
                                     0x05, 0x06, 0x07, 0x08 };
    IrTemp a = ir_const(f->b, IR_I32, 0x40);
    IrTemp a64 = ir_const(f->b, IR_I64, 0x48);

    memcpy(m + 0x40, pat, 16);
    ir_guest_ld(f->b, f->g32[0], a, IR_MO_16);
    ir_guest_ld(f->b, f->g32[1], a, IR_MO_16 | IR_MO_BE);
    ir_guest_ld(f->b, f->g32[2], a, IR_MO_16 | IR_MO_SIGN | IR_MO_BE);
    ir_guest_ld(f->b, f->g64[0], a, IR_MO_32 | IR_MO_SIGN);
    ir_guest_ld(f->b, f->g64[1], a, IR_MO_32 | IR_MO_BE);
    ir_guest_ld(f->b, f->g64[2], a, IR_MO_64);
    ir_guest_ld(f->b, f->g64[3], a, IR_MO_64 | IR_MO_BE | IR_MO_ALIGN);
    ir_guest_ld(f->b, f->g64[4], a, IR_MO_8 | IR_MO_SIGN);
    ir_guest_ld(f->b, f->g32[3], a, IR_MO_8);
    ir_guest_ld(f->b, f->g64[5], a64, IR_MO_32 | IR_MO_BE | IR_MO_SIGN |
                                          IR_MO_ALIGN);
    ir_guest_ld(f->b, f->g32[4], a, IR_MO_32 | IR_MO_BE);
    ir_exit_tb(f->b, 0);
    compile_run(f);
    assert_int_equal(f->st.r32[0], 0x8281);
    assert_int_equal(f->st.r32[1], 0x8182);
    assert_int_equal(f->st.r32[2], 0xffff8182);
    assert_int_equal(f->st.r64[0], 0xffffffff84838281ull);
    assert_int_equal(f->st.r64[1], 0x81828384ull);
    assert_int_equal(f->st.r64[2], 0x8887868584838281ull);
    assert_int_equal(f->st.r64[3], 0x8182838485868788ull);
    assert_int_equal(f->st.r64[4], 0xffffffffffffff81ull);
    assert_int_equal(f->st.r32[3], 0x81);
    assert_int_equal(f->st.r64[5], 0x01020304ull);
    assert_int_equal(f->st.r32[4], 0x81828384);
    free(m);
}

static void test_guest_stores(void **state)
{
    Fixture *f = *state;
    uint8_t *m = guest_mem(f, 256);
    static const uint8_t want[] = {
        0x44,                         /* 8 */
        0x44, 0x33,                   /* 16 LE */
        0x33, 0x44,                   /* 16 BE */
        0x44, 0x33, 0x22, 0x11,       /* 32 LE */
        0x11, 0x22, 0x33, 0x44,       /* 32 BE */
        0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11, /* 64 LE */
        0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, /* 64 BE */
    };
    IrTemp v32 = ir_const(f->b, IR_I32, 0x11223344);
    IrTemp v64 = ir_const(f->b, IR_I64, 0x1122334455667788ull);
    IrTemp addr = ir_temp_local(f->b, IR_I32);

    ir_movi(f->b, addr, 0x10);
    ir_guest_st(f->b, v32, addr, IR_MO_8);
    ir_addi(f->b, addr, addr, 1);
    ir_guest_st(f->b, v32, addr, IR_MO_16);
    ir_addi(f->b, addr, addr, 2);
    ir_guest_st(f->b, v32, addr, IR_MO_16 | IR_MO_BE);
    ir_addi(f->b, addr, addr, 2);
    ir_guest_st(f->b, v32, addr, IR_MO_32);
    ir_addi(f->b, addr, addr, 4);
    ir_guest_st(f->b, v32, addr, IR_MO_32 | IR_MO_BE);
    ir_addi(f->b, addr, addr, 4);
    ir_guest_st(f->b, v64, addr, IR_MO_64);
    ir_addi(f->b, addr, addr, 8);
    ir_guest_st(f->b, v64, addr, IR_MO_64 | IR_MO_BE);
    /* Aligned accesses with IR_MO_ALIGN go through. */
    ir_movi(f->b, addr, 0x80);
    ir_guest_st(f->b, v64, addr, IR_MO_64 | IR_MO_ALIGN | IR_MO_BE);
    ir_exit_tb(f->b, 0);
    compile_run(f);
    assert_memory_equal(m + 0x10, want, sizeof(want));
    assert_int_equal(m[0x10 + sizeof(want)], 0);
    assert_int_equal(m[0x0f], 0);
    assert_memory_equal(m + 0x80, want + 21, 8);
    free(m);
}

/* ---- Atomics ------------------------------------------------------------ */

static void test_atomics(void **state)
{
    Fixture *f = *state;
    uint8_t *m = guest_mem(f, 256);
    IrTemp a0 = ir_const(f->b, IR_I32, 0x00);
    IrTemp a8 = ir_const(f->b, IR_I32, 0x08);
    IrTemp a16 = ir_const(f->b, IR_I32, 0x10);
    IrTemp a20 = ir_const(f->b, IR_I32, 0x14);
    IrTemp a24 = ir_const(f->b, IR_I32, 0x18);
    IrTemp a28 = ir_const(f->b, IR_I32, 0x1c);
    IrTemp a32 = ir_const(f->b, IR_I32, 0x20);
    IrTemp a40 = ir_const(f->b, IR_I32, 0x28);
    uint32_t u32;
    uint64_t u64;
    uint16_t u16;

    /* 0x00: u32 LE 100; 0x08: u64 LE; 0x10: u32 BE 0x000000ff;
     * 0x14: u16 BE 0x8000; 0x18: u32 LE bits; 0x1c: u8; 0x20: u64 BE */
    u32 = 100;
    memcpy(m, &u32, 4);
    u64 = 0x1111111111111111ull;
    memcpy(m + 8, &u64, 8);
    m[0x13] = 0xff;
    m[0x14] = 0x80;
    u32 = 0xf0f0f0f0;
    memcpy(m + 0x18, &u32, 4);
    m[0x1c] = 0xfe;
    m[0x27] = 0xff;           /* BE u64 at 0x20: 0xff */

    /* cmpxchg failing then succeeding */
    ir_atomic_cmpxchg(f->b, f->g32[0], a0, ir_const(f->b, IR_I32, 5),
                      ir_const(f->b, IR_I32, 6), IR_MO_32 | IR_MO_ALIGN);
    ir_atomic_cmpxchg(f->b, f->g32[1], a0, ir_const(f->b, IR_I32, 100),
                      ir_const(f->b, IR_I32, 200), IR_MO_32);
    ir_atomic_cmpxchg(f->b, f->g64[0], a8,
                      ir_const(f->b, IR_I64, 0x1111111111111111ull),
                      ir_const(f->b, IR_I64, 0x2222222222222222ull),
                      IR_MO_64);
    /* BE sub-word cmpxchg with sign extension of the old value. */
    ir_atomic_cmpxchg(f->b, f->g32[2], a20, ir_const(f->b, IR_I32, 0x8000),
                      ir_const(f->b, IR_I32, 0x1234),
                      IR_MO_16 | IR_MO_BE | IR_MO_SIGN);
    /* BE fetch_add: a carry across bytes shows a wrong byte order. */
    ir_atomic_fetch_add(f->b, f->g32[3], a16, ir_const(f->b, IR_I32, 1),
                        IR_MO_32 | IR_MO_BE);
    ir_atomic_fetch_and(f->b, f->g32[4], a24,
                        ir_const(f->b, IR_I32, 0xff00ff00), IR_MO_32);
    ir_atomic_fetch_or(f->b, f->g32[5], a24,
                       ir_const(f->b, IR_I32, 0x0000000f), IR_MO_32);
    ir_atomic_fetch_xor(f->b, f->g32[6], a24,
                        ir_const(f->b, IR_I32, 0xffffffff), IR_MO_32);
    ir_atomic_xchg(f->b, f->g32[7], a28, ir_const(f->b, IR_I32, 0x42),
                   IR_MO_8 | IR_MO_SIGN);
    ir_atomic_fetch_add(f->b, f->g64[1], a32,
                        ir_const(f->b, IR_I64, 1), IR_MO_64 | IR_MO_BE);
    ir_atomic_xchg(f->b, f->g64[2], a40,
                   ir_const(f->b, IR_I64, 0x0102030405060708ull),
                   IR_MO_64 | IR_MO_BE);
    ir_atomic_fetch_or(f->b, f->g64[3], a40, ir_const(f->b, IR_I64, 0xf0),
                       IR_MO_64 | IR_MO_BE);
    ir_atomic_fetch_add(f->b, f->g64[4], a0, ir_const(f->b, IR_I64, 0x37),
                        IR_MO_16);
    ir_mb(f->b, IR_MB_ALL);
    ir_exit_tb(f->b, 0);
    compile_run(f);

    assert_int_equal(f->st.r32[0], 100);
    assert_int_equal(f->st.r32[1], 100);
    assert_int_equal(f->st.r64[0], 0x1111111111111111ull);
    memcpy(&u64, m + 8, 8);
    assert_int_equal(u64, 0x2222222222222222ull);
    assert_int_equal(f->st.r32[2], 0xffff8000);
    assert_int_equal(m[0x14], 0x12);
    assert_int_equal(m[0x15], 0x34);
    assert_int_equal(f->st.r32[3], 0xff);
    assert_int_equal(m[0x12], 0x01);
    assert_int_equal(m[0x13], 0x00);
    assert_int_equal(f->st.r32[4], 0xf0f0f0f0);
    assert_int_equal(f->st.r32[5], 0xf000f000);
    assert_int_equal(f->st.r32[6], 0xf000f00f);
    memcpy(&u32, m + 0x18, 4);
    assert_int_equal(u32, 0x0fff0ff0);
    assert_int_equal(f->st.r32[7], 0xfffffffe);
    assert_int_equal(m[0x1c], 0x42);
    assert_int_equal(f->st.r64[1], 0xff);
    assert_int_equal(m[0x26], 0x01);
    assert_int_equal(m[0x27], 0x00);
    assert_int_equal(f->st.r64[2], 0);
    assert_int_equal(f->st.r64[3], 0x0102030405060708ull);
    assert_int_equal(m[0x2f], 0xf8);
    assert_int_equal(m[0x28], 0x01);
    /* 16-bit LE fetch_add on the low half of the u32 at 0 (now 200). */
    assert_int_equal(f->st.r64[4], 200);
    memcpy(&u16, m, 2);
    assert_int_equal(u16, 200 + 0x37);
    free(m);
}

/* ---- Helper calls ------------------------------------------------------ */

static int helper_calls;

static void h_void0(void)
{
    helper_calls++;
}
static uint32_t h_i32_1(uint32_t a)
{
    return a * 2 + 1;
}
static uint64_t h_i64_2(uint64_t a, uint32_t b)
{
    return a + b;
}
static void *h_ptr_3(void *env, uint32_t a, uint64_t b)
{
    TestState *st = env;
    st->r32[5] = a;
    st->r64[5] = b;
    return &st->r64[6];
}
static uint32_t h_i32_4(uint32_t a, uint64_t b, uint32_t c, uint64_t d)
{
    return (uint32_t)(a ^ b ^ c ^ d) + (uint32_t)(b >> 32) + (uint32_t)(d >> 40);
}
static uint64_t h_i64_5(void *env, uint64_t a, uint64_t b, uint32_t c,
                        uint32_t d)
{
    return (uintptr_t)env == 0 ? 0 : a * 3 + b * 5 + c * 7 + d * 11;
}
static uint64_t h_i64_6(uint32_t a, uint64_t b, uint32_t c, uint64_t d,
                        uint32_t e, uint64_t f)
{
    return ((uint64_t)a << 40) ^ b ^ ((uint64_t)c << 8) ^ d ^ e ^ (f << 1);
}
static uint32_t h_ret_full(void)
{
    return 0xfffffffe;
}

static const IrHelper d_void0 = IR_HELPER0(h_void0, 0, IR_HT_VOID);
static const IrHelper d_i32_1 = IR_HELPER(h_i32_1, IR_HF_PURE, IR_HT_I32,
                                          IR_HT_I32);
static const IrHelper d_i64_2 = IR_HELPER(h_i64_2, IR_HF_PURE, IR_HT_I64,
                                          IR_HT_I64, IR_HT_I32);
static const IrHelper d_ptr_3 = IR_HELPER(h_ptr_3, 0, IR_HT_PTR, IR_HT_PTR,
                                          IR_HT_I32, IR_HT_I64);
static const IrHelper d_i32_4 = IR_HELPER(h_i32_4, IR_HF_PURE, IR_HT_I32,
                                          IR_HT_I32, IR_HT_I64, IR_HT_I32,
                                          IR_HT_I64);
static const IrHelper d_i64_5 = IR_HELPER(h_i64_5, 0, IR_HT_I64, IR_HT_PTR,
                                          IR_HT_I64, IR_HT_I64, IR_HT_I32,
                                          IR_HT_I32);
static const IrHelper d_i64_6 = IR_HELPER(h_i64_6, IR_HF_PURE, IR_HT_I64,
                                          IR_HT_I32, IR_HT_I64, IR_HT_I32,
                                          IR_HT_I64, IR_HT_I32, IR_HT_I64);
static const IrHelper d_ret_full = IR_HELPER0(h_ret_full, IR_HF_PURE,
                                              IR_HT_I32);

static void test_calls(void **state)
{
    Fixture *f = *state;
    IrBlock *b = f->b;
    IrTemp k1 = ir_const(b, IR_I32, 0x80000001);
    IrTemp k2 = ir_const(b, IR_I64, 0x1234567800000000ull);
    IrTemp k3 = ir_const(b, IR_I32, 0xffffffff);
    IrTemp k4 = ir_const(b, IR_I64, 0xabcdef0123456789ull);
    IrTemp p = ir_temp_new(b, IR_PTR);
    IrTemp r64 = ir_temp_new(b, IR_I64);

    helper_calls = 0;
    memset(f->st.r64, 0, sizeof(f->st.r64));
    memset(f->st.r32, 0, sizeof(f->st.r32));
    ir_call(b, &d_void0, IR_NO_TEMP, 0, NULL);
    ir_call(b, &d_void0, IR_NO_TEMP, 0, NULL);
    ir_call(b, &d_i32_1, f->g32[0], 1, (IrTemp[]){ k1 });
    ir_call(b, &d_i64_2, f->g64[0], 2, (IrTemp[]){ k2, k3 });
    ir_call(b, &d_ptr_3, p, 3, (IrTemp[]){ IR_ENV, k3, k4 });
    ir_ld(b, r64, p, 0);                     /* *p is r64[6] */
    ir_mov(b, f->g64[7], r64);
    ir_call(b, &d_i32_4, f->g32[1], 4, (IrTemp[]){ k1, k4, k3, k2 });
    ir_call(b, &d_i64_5, f->g64[1], 5, (IrTemp[]){ IR_ENV, k2, k4, k1, k3 });
    ir_call(b, &d_i64_6, f->g64[2], 6,
            (IrTemp[]){ k1, k2, k3, k4, k1, k4 });
    ir_call(b, &d_ret_full, f->g32[2], 0, NULL);
    /* A result that is unused is still a call. */
    ir_call(b, &d_i32_1, IR_NO_TEMP, 1, (IrTemp[]){ k1 });
    ir_exit_tb(b, 0);
    f->st.r64[6] = 0x600dcafe;
    compile_run(f);

    assert_int_equal(helper_calls, 2);
    assert_int_equal(f->st.r32[0], 3);   /* 0x80000001 * 2 + 1, i32 */
    assert_int_equal(f->st.r64[0], 0x1234567800000000ull + 0xffffffffull);
    assert_int_equal(f->st.r32[5], 0xffffffff);
    assert_int_equal(f->st.r64[5], 0xabcdef0123456789ull);
    assert_int_equal(f->st.r64[7], 0x600dcafe);
    assert_int_equal(f->st.r32[1], h_i32_4(0x80000001, 0xabcdef0123456789ull,
                                           0xffffffff,
                                           0x1234567800000000ull));
    assert_int_equal(f->st.r64[1], h_i64_5(&f->st, 0x1234567800000000ull,
                                           0xabcdef0123456789ull,
                                           0x80000001, 0xffffffff));
    assert_int_equal(f->st.r64[2],
                     h_i64_6(0x80000001, 0x1234567800000000ull, 0xffffffff,
                             0xabcdef0123456789ull, 0x80000001,
                             0xabcdef0123456789ull));
    assert_int_equal(f->st.r32[2], 0xfffffffe);
}

/* Call sites of one helper share one prepared cif and equal constants one
 * pool entry: a 512-instruction block of calls fits a 64 KiB buffer. */
static void test_many_calls(void **state)
{
    Fixture *f = *state;
    CodeBuf small;
    TransBlock *tb = aligned_alloc(8, sizeof(TransBlock));

    assert_non_null(tb);
    memset(tb, 0, sizeof(*tb));
    assert_true(codebuf_init(&small, 64 * 1024));
    for (unsigned i = 0; i < 512; i++) {
        IrTemp k = ir_const(f->b, IR_I32, 0xdead);
        ir_insn_start(f->b, 0x1000 + 4 * i, 0);
        ir_call(f->b, &d_void0, IR_NO_TEMP, 0, NULL);
        ir_call(f->b, &d_i32_1, f->g32[0], 1, &k);
    }
    ir_exit_tb(f->b, 0);
    assert_true(backend_interp.gen_code(f->b, tb, &small));
    assert_true(tb->code_size < 32 * 1024);
    ir_block_reset(f->b);
    helper_calls = 0;
    assert_int_equal(run(f, tb), 0);
    assert_int_equal(helper_calls, 512);
    assert_int_equal(f->st.r32[0], 0xdead * 2 + 1);
    assert_int_equal(f->st.common.interp_insn_pc, 0x1000 + 4 * 511);
    codebuf_destroy(&small);
    free(tb);
}

/* ---- Exits, insn_start, chaining --------------------------------------- */

static void test_exit_values(void **state)
{
    Fixture *f = *state;
    uint32_t l = ir_new_label(f->b);

    f->st.common.exit_request = 0;
    ir_insn_start(f->b, 0x1000, 0);
    ir_brcondi(f->b, IR_COND_NE, f->g32[0], 0, l);
    ir_insn_start(f->b, 0xfedcba9876543210ull, 0x0123456789abcdefull);
    ir_exit_tb(f->b, 0x1234567890abcdefull);
    ir_set_label(f->b, l);
    ir_insn_start(f->b, 0x2000, 5);
    ir_exit_tb(f->b, 3);
    TransBlock *tb = compile(f);

    assert_int_equal(tb->jmp_insn_offset[0], UINT16_MAX);
    assert_int_equal(tb->jmp_reset_offset[1], UINT16_MAX);
    f->st.r32[0] = 0;
    assert_int_equal(run(f, tb), (uintptr_t)0x1234567890abcdefull);
    assert_int_equal(f->st.common.interp_insn_pc, 0xfedcba9876543210ull);
    assert_int_equal(f->st.common.interp_insn_extra, 0x0123456789abcdefull);
    f->st.r32[0] = 1;
    assert_int_equal(run(f, tb), 3);
    assert_int_equal(f->st.common.interp_insn_pc, 0x2000);
    assert_int_equal(f->st.common.interp_insn_extra, 5);

    /* The insn map was built from the insn_starts. */
    assert_non_null(tb->insn_map);
    assert_true(tb->insn_map_len > 0);
    free(tb);
}

/* Block A: r0 += 1; goto_tb 0; exit_tb(A|0). Block B: r1 += 10, then
 * loops to A through its own slot 1 until r0 reaches 5. */
static void test_chaining(void **state)
{
    Fixture *f = *state;
    TransBlock *a, *bb;
    uint32_t l;

    ir_addi(f->b, f->g32[0], f->g32[0], 1);
    ir_goto_tb(f->b, 0);
    ir_exit_tb(f->b, 0xa0);
    a = compile(f);

    l = ir_new_label(f->b);
    ir_addi(f->b, f->g32[1], f->g32[1], 10);
    ir_brcondi(f->b, IR_COND_GEU, f->g32[0], 5, l);
    ir_goto_tb(f->b, 1);
    ir_exit_tb(f->b, 0xb1);
    ir_set_label(f->b, l);
    ir_exit_tb(f->b, 0xb2);
    bb = compile(f);

    memset(f->st.r32, 0, sizeof(f->st.r32));
    assert_int_equal(run(f, a), 0xa0);
    assert_int_equal(f->st.r32[0], 1);
    assert_int_equal(f->st.r32[1], 0);

    atomic_store(&a->jmp_dest[0], bb);
    assert_int_equal(run(f, a), 0xb1);
    assert_int_equal(f->st.r32[0], 2);
    assert_int_equal(f->st.r32[1], 10);

    /* A <-> B loop, left through B's label once r0 >= 5. */
    atomic_store(&bb->jmp_dest[1], a);
    assert_int_equal(run(f, a), 0xb2);
    assert_int_equal(f->st.r32[0], 5);
    assert_int_equal(f->st.r32[1], 40);

    /* An invalid destination is not followed. */
    f->st.r32[0] = 0;
    atomic_store(&bb->invalid, true);
    assert_int_equal(run(f, a), 0xa0);
    assert_int_equal(f->st.r32[0], 1);
    assert_int_equal(f->st.r32[1], 40);
    atomic_store(&bb->invalid, false);

    /* set_jump is a no-op the core may call. */
    backend_interp.set_jump(&f->cb, a, 0, NULL);
    backend_interp.set_jump(&f->cb, a, 0, bb);

    free(a);
    free(bb);

    /* A block chained to itself loops in the interpreter (not by
     * recursion) until the exit_request check translate.c puts at each
     * block start sees the request the block raised after 100000 runs. */
    uint32_t req = ir_new_label(f->b), go = ir_new_label(f->b);
    IrTemp t = ir_temp_new(f->b, IR_I32);
    ir_ld32u(f->b, t, IR_ENV, (int32_t)offsetof(CpuCommon, exit_request));
    ir_brcondi(f->b, IR_COND_NE, t, 0, req);
    ir_addi(f->b, f->g32[0], f->g32[0], 1);
    ir_brcondi(f->b, IR_COND_NE, f->g32[0], 100000, go);
    ir_st32(f->b, ir_const(f->b, IR_I32, 1), IR_ENV,
            (int32_t)offsetof(CpuCommon, exit_request));
    ir_set_label(f->b, go);
    ir_goto_tb(f->b, 0);
    ir_exit_tb(f->b, 0xa0);
    ir_set_label(f->b, req);
    ir_exit_tb(f->b, 0xe3);
    a = compile(f);
    atomic_store(&a->jmp_dest[0], a);
    f->st.r32[0] = 0;
    f->st.common.exit_request = 0;
    assert_int_equal(run(f, a), 0xe3);
    assert_int_equal(f->st.r32[0], 100000);
    f->st.common.exit_request = 0;
    free(a);
}

/* A full buffer makes gen_code fail instead of overrunning. */
static void test_buffer_full(void **state)
{
    Fixture *f = *state;
    CodeBuf small;
    TransBlock tb;
    IrTemp t = ir_temp_local(f->b, IR_I32);

    assert_true(codebuf_init(&small, 4096));
    memset(&tb, 0, sizeof(tb));
    ir_movi(f->b, t, 0);
    for (int i = 0; i < 2000; i++) {
        ir_addi(f->b, t, t, 1);
    }
    ir_mov(f->b, f->g32[0], t);
    ir_exit_tb(f->b, 0);
    assert_false(backend_interp.gen_code(f->b, &tb, &small));
    /* A large buffer takes it. */
    TransBlock *big = compile(f);
    f->st.r32[0] = 0;
    run(f, big);
    assert_int_equal(f->st.r32[0], 2000);
    free(big);
    codebuf_destroy(&small);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_alu_binary, setup, teardown),
        cmocka_unit_test_setup_teardown(test_alu_unary, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cross_width, setup, teardown),
        cmocka_unit_test_setup_teardown(test_double_word, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bitfields, setup, teardown),
        cmocka_unit_test_setup_teardown(test_conditions, setup, teardown),
        cmocka_unit_test_setup_teardown(test_loop, setup, teardown),
        cmocka_unit_test_setup_teardown(test_many_temps, setup, teardown),
        cmocka_unit_test_setup_teardown(test_host_memory, setup, teardown),
        cmocka_unit_test_setup_teardown(test_guest_loads, setup, teardown),
        cmocka_unit_test_setup_teardown(test_guest_stores, setup, teardown),
        cmocka_unit_test_setup_teardown(test_atomics, setup, teardown),
        cmocka_unit_test_setup_teardown(test_calls, setup, teardown),
        cmocka_unit_test_setup_teardown(test_many_calls, setup, teardown),
        cmocka_unit_test_setup_teardown(test_exit_values, setup, teardown),
        cmocka_unit_test_setup_teardown(test_chaining, setup, teardown),
        cmocka_unit_test_setup_teardown(test_buffer_full, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

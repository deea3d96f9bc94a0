/* tests/unit/optimize/test_optimize.c — unit tests of core/optimize.c: one
 * test per rewrite rule, the cases where dead global stores must stay, and
 * a randomized before/after semantic check against the ir_eval oracle.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/ir.h"
#include "tests/unit/ir_eval.h"
#include "tests/unit/ir_rand.h"

typedef struct T {
    IrBlock *b;
    IrTemp g0, g1, x0;
} T;

static T t_new(void)
{
    T t;
    t.b = ir_block_new();
    t.g0 = ir_global(t.b, IR_I32, 0, "g0");
    t.g1 = ir_global(t.b, IR_I32, 4, "g1");
    t.x0 = ir_global(t.b, IR_I64, 32, "x0");
    return t;
}

/* The optimized block's dump, for compact expectations. */
static char *t_opt_dump(T *t)
{
    static char buf[4096];
    char err[128];
    assert_true(ir_validate(t->b, err, sizeof(err)));
    ir_optimize(t->b);
    if (!ir_validate(t->b, err, sizeof(err))) {
        fail_msg("optimized block invalid: %s", err);
    }
    FILE *f = fmemopen(buf, sizeof(buf), "w");
    ir_dump(t->b, f);
    fclose(f);
    ir_block_free(t->b);
    return buf;
}

static void t_expect(T *t, const char *want)
{
    char *got = t_opt_dump(t);
    if (strcmp(got, want) != 0) {
        fail_msg("optimized block:\n%s\nexpected:\n%s", got, want);
    }
}

static void test_fold_arith(void **state)
{
    (void)state;
    T t = t_new();
    IrTemp a = ir_temp_new(t.b, IR_I32), c = ir_temp_new(t.b, IR_I32);
    ir_movi(t.b, a, 7);
    ir_muli(t.b, c, a, 6);
    ir_subi(t.b, c, c, 2);
    ir_mov(t.b, t.g0, c);
    ir_exit_tb(t.b, 0);
    t_expect(&t, "mov_i32 g0, $0x28\nexit_tb 0x0\n");
}

static void test_fold_shift_mod_and_div0(void **state)
{
    (void)state;
    T t = t_new();
    IrTemp a = ir_temp_new(t.b, IR_I32), z = ir_temp_new(t.b, IR_I32);
    ir_movi(t.b, a, 1);
    ir_shli(t.b, t.g0, a, 33);           /* count mod 32 -> 1 << 1 */
    ir_movi(t.b, z, 0);
    ir_divu(t.b, t.g1, a, z);            /* div by zero -> 0 */
    IrTemp m = ir_temp_new(t.b, IR_I64), q = ir_temp_new(t.b, IR_I64);
    ir_movi(t.b, m, UINT64_C(0x8000000000000000));
    ir_movi(t.b, q, UINT64_MAX);
    ir_rems(t.b, t.x0, m, q);            /* MIN % -1 -> 0 */
    t_expect(&t, "mov_i32 g0, $0x2\nmov_i32 g1, $0x0\nmov_i64 x0, $0x0\n");
}

static void test_fold_clz_bswap_extract(void **state)
{
    (void)state;
    T t = t_new();
    IrTemp a = ir_temp_new(t.b, IR_I32), z = ir_temp_new(t.b, IR_I32);
    IrTemp s = ir_temp_new(t.b, IR_I32);
    ir_movi(t.b, z, 0);
    ir_clz(t.b, a, z);                   /* clz(0) = 32 */
    ir_movi(t.b, s, 0x12345678);
    ir_bswap16(t.b, t.g1, s);            /* low 2 bytes swapped, zext */
    ir_sextract(t.b, t.g0, s, 4, 8);     /* 0x67 -> 0x67 */
    ir_add(t.b, t.g0, t.g0, a);
    t_expect(&t, "mov_i32 g1, $0x7856\nmov_i32 g0, $0x87\n");
}

static void test_copy_propagation(void **state)
{
    (void)state;
    T t = t_new();
    IrTemp a = ir_temp_new(t.b, IR_I32), c = ir_temp_new(t.b, IR_I32);
    ir_mov(t.b, a, t.g1);
    ir_add(t.b, c, a, a);
    ir_mov(t.b, t.g0, c);
    /* The reads of a see g1; the result still goes through c (no
     * destination coalescing). */
    t_expect(&t, "add_i32 t5, g1, g1\nmov_i32 g0, t5\n");
}

static void test_copy_of_global_invalidated_by_write(void **state)
{
    (void)state;
    T t = t_new();
    IrTemp a = ir_temp_new(t.b, IR_I32);
    ir_mov(t.b, a, t.g1);         /* a = old g1 */
    ir_movi(t.b, t.g1, 5);        /* g1 changes: a must not read g1 now */
    ir_mov(t.b, t.g0, a);
    t_expect(&t, "mov_i32 t4, g1\nmov_i32 g1, $0x5\nmov_i32 g0, t4\n");
}

static void test_copy_of_global_invalidated_by_call(void **state)
{
    (void)state;
    static const IrHelper h = { .name = "h", .func = NULL, .flags = 0,
                                .ret = IR_HT_VOID, .nargs = 0 };
    T t = t_new();
    IrTemp a = ir_temp_new(t.b, IR_I32);
    ir_mov(t.b, a, t.g1);
    ir_call(t.b, &h, IR_NO_TEMP, 0, NULL);
    ir_mov(t.b, t.g0, a);
    t_expect(&t, "mov_i32 t4, g1\ncall h ()\nmov_i32 g0, t4\n");
}

static void test_knowledge_dies_at_label(void **state)
{
    (void)state;
    T t = t_new();
    IrTemp l = ir_temp_local(t.b, IR_I32);
    uint32_t lab = ir_new_label(t.b);
    ir_movi(t.b, l, 3);
    ir_brcondi(t.b, IR_COND_EQ, t.g1, 0, lab);
    ir_movi(t.b, l, 4);
    ir_set_label(t.b, lab);
    ir_addi(t.b, t.g0, l, 1);     /* l is 3 or 4: must not fold */
    t_expect(&t, "mov_i32 loc4, $0x3\nbrcond_i32 g1, $0x0, eq, L0\n"
                 "mov_i32 loc4, $0x4\nL0:\nadd_i32 g0, loc4, $0x1\n");
}

/* Each identity: the op becomes a move or a constant. */
static void t_identity(IrOpcode opc, uint64_t k, bool k_first,
                       const char *want)
{
    T t = t_new();
    IrTemp c = ir_const(t.b, IR_I32, k);
    uint64_t args[3] = { t.g0, k_first ? c : t.g1, k_first ? t.g1 : c };
    ir_emit(t.b, opc, IR_I32, 1, 2, 0, args);
    char *got = t_opt_dump(&t);
    if (strcmp(got, want) != 0) {
        fail_msg("%s k=%#llx: got\n%s\nwant\n%s", ir_op_defs[opc].name,
                 (unsigned long long)k, got, want);
    }
}

static void t_self(IrOpcode opc, const char *want)
{
    T t = t_new();
    uint64_t args[3] = { t.g0, t.g1, t.g1 };
    ir_emit(t.b, opc, IR_I32, 1, 2, 0, args);
    char *got = t_opt_dump(&t);
    if (strcmp(got, want) != 0) {
        fail_msg("%s x,x: got\n%s\nwant\n%s", ir_op_defs[opc].name, got,
                 want);
    }
}

static void test_identities(void **state)
{
    (void)state;
    const char *mov = "mov_i32 g0, g1\n";
    const char *zero = "mov_i32 g0, $0x0\n";
    const char *ones = "mov_i32 g0, $0xffffffff\n";
    t_identity(IR_ADD, 0, false, mov);
    t_identity(IR_ADD, 0, true, mov);
    t_identity(IR_SUB, 0, false, mov);
    t_identity(IR_MUL, 1, false, mov);
    t_identity(IR_MUL, 1, true, mov);
    t_identity(IR_MUL, 0, false, zero);
    t_identity(IR_AND, 0, false, zero);
    t_identity(IR_AND, UINT32_MAX, false, mov);
    t_identity(IR_OR, 0, false, mov);
    t_identity(IR_OR, UINT32_MAX, true, ones);
    t_identity(IR_XOR, 0, false, mov);
    t_identity(IR_SHL, 0, false, mov);
    t_identity(IR_SHR, 32, false, mov);
    t_identity(IR_SAR, 0, false, mov);
    t_identity(IR_ROTL, 64, false, mov);
    t_identity(IR_ROTR, 0, false, mov);
    t_identity(IR_SUB, 5, false, "add_i32 g0, g1, $0xfffffffb\n");
    t_self(IR_XOR, zero);
    t_self(IR_SUB, zero);
    t_self(IR_AND, mov);
    t_self(IR_OR, mov);
    t_self(IR_ANDC, zero);
    t_self(IR_ORC, ones);
}

static void test_setcond_movcond(void **state)
{
    (void)state;
    T t = t_new();
    ir_setcond(t.b, IR_COND_LE, t.g0, t.g1, t.g1);
    IrTemp a = ir_temp_new(t.b, IR_I32);
    ir_movi(t.b, a, 0xfffffffe);
    ir_movcond(t.b, IR_COND_LT, t.g1, a, ir_const(t.b, IR_I32, 1), t.g0,
               ir_const(t.b, IR_I32, 9));   /* -2 < 1: picks g0 = 1 */
    t_expect(&t, "mov_i32 g0, $0x1\nmov_i32 g1, $0x1\n");
}

/* Unsigned comparisons with 0 that cannot fail (or succeed). */
static void test_unsigned_zero_compare(void **state)
{
    (void)state;
    T t = t_new();
    uint32_t l1 = ir_new_label(t.b), l2 = ir_new_label(t.b);
    ir_setcond(t.b, IR_COND_GEU, t.g0, t.g1, ir_const(t.b, IR_I32, 0));
    ir_brcondi(t.b, IR_COND_LTU, t.g1, 0, l1);   /* never: removed */
    ir_setcond(t.b, IR_COND_LTU, t.g1, t.g0, ir_const(t.b, IR_I32, 0));
    ir_set_label(t.b, l1);
    ir_brcondi(t.b, IR_COND_GEU, t.g1, 0, l2);   /* always: br */
    ir_movi(t.b, t.g0, 5);
    ir_set_label(t.b, l2);
    ir_exit_tb(t.b, 0);
    t_expect(&t, "mov_i32 g0, $0x1\nmov_i32 g1, $0x0\nbr L1\nL1:\n"
                 "exit_tb 0x0\n");
}

static void test_brcond_folding(void **state)
{
    (void)state;
    T t = t_new();
    uint32_t l1 = ir_new_label(t.b), l2 = ir_new_label(t.b);
    IrTemp a = ir_temp_local(t.b, IR_I32);    /* read past l1 */
    ir_movi(t.b, a, 3);
    ir_brcondi(t.b, IR_COND_GTU, a, 5, l1);  /* never taken: removed */
    ir_movi(t.b, t.g0, 1);
    ir_set_label(t.b, l1);                   /* no branch left: removed */
    ir_brcondi(t.b, IR_COND_LTU, a, 5, l2);  /* always: becomes br */
    ir_movi(t.b, t.g1, 2);                   /* unreachable */
    ir_set_label(t.b, l2);
    ir_exit_tb(t.b, 0);
    t_expect(&t, "mov_i32 g0, $0x1\nbr L1\nL1:\nexit_tb 0x0\n");
}

static void test_dead_code(void **state)
{
    (void)state;
    T t = t_new();
    IrTemp a = ir_temp_new(t.b, IR_I32), l = ir_temp_local(t.b, IR_I32);
    ir_add(t.b, a, t.g0, t.g1);              /* dead ephemeral */
    ir_ld32u(t.b, l, IR_ENV, 100);           /* dead load into a local */
    ir_xor(t.b, t.g0, t.g0, t.g1);           /* live global */
    ir_exit_tb(t.b, 0);
    t_expect(&t, "xor_i32 g0, g0, g1\nexit_tb 0x0\n");
}

static void test_dead_global_store(void **state)
{
    (void)state;
    T t = t_new();
    ir_add(t.b, t.g0, t.g1, t.g1);           /* overwritten: dead */
    ir_insn_start(t.b, 0x1004, 0);
    ir_xor(t.b, t.g0, t.g1, ir_const(t.b, IR_I32, 3));
    ir_exit_tb(t.b, 0);
    t_expect(&t, "---- pc 0x1004 extra 0x0\nxor_i32 g0, g1, $0x3\n"
                 "exit_tb 0x0\n");
}

/* Stores that look dead but are exposed before the overwrite. */
static void test_global_store_kept(void **state)
{
    (void)state;
    static const IrHelper reads = { .name = "reads", .flags =
        IR_HF_NO_WRITE_GLOBALS, .ret = IR_HT_VOID, .nargs = 0 };
    static const IrHelper raises = { .name = "raises", .flags =
        IR_HF_PURE | IR_HF_MAY_RAISE, .ret = IR_HT_VOID, .nargs = 0 };
    static const IrHelper quiet = { .name = "quiet", .flags =
        IR_HF_NO_READ_GLOBALS, .ret = IR_HT_VOID, .nargs = 0 };
    for (int k = 0; k < 6; k++) {
        T t = t_new();
        uint32_t lab = ir_new_label(t.b);
        IrTemp v = ir_temp_local(t.b, IR_I32);
        ir_movi(t.b, t.g0, 1);
        switch (k) {
        case 0: ir_guest_ld(t.b, v, t.g1, IR_MO_32); break;
        case 1: ir_call(t.b, &reads, IR_NO_TEMP, 0, NULL); break;
        case 2: ir_call(t.b, &raises, IR_NO_TEMP, 0, NULL); break;
        case 3: ir_brcondi(t.b, IR_COND_EQ, t.g1, 0, lab); break;
        case 4: ir_ld32u(t.b, v, IR_ENV, 0); break;
        default: ir_call(t.b, &quiet, IR_NO_TEMP, 0, NULL); break;
        }
        ir_movi(t.b, t.g0, 2);
        ir_add(t.b, t.g1, t.g1, v);
        ir_set_label(t.b, lab);
        ir_exit_tb(t.b, 0);
        char *got = t_opt_dump(&t);
        bool kept = strstr(got, "mov_i32 g0, $0x1") != NULL;
        if (kept != (k != 5)) {
            fail_msg("case %d: first store %s:\n%s", k,
                     kept ? "kept" : "removed", got);
        }
    }
}

static void test_label_between_stores(void **state)
{
    (void)state;
    T t = t_new();
    uint32_t lab = ir_new_label(t.b);
    ir_brcondi(t.b, IR_COND_EQ, t.g1, 0, lab);
    ir_movi(t.b, t.g0, 1);
    ir_set_label(t.b, lab);
    ir_movi(t.b, t.g0, 2);
    ir_exit_tb(t.b, 0);
    char *got = t_opt_dump(&t);
    assert_non_null(strstr(got, "mov_i32 g0, $0x1"));
}

/* Locals in a block whose branches all go forward: one unused on every
 * path after its write is dead; one a later label reads stays. */
static void test_dead_local_across_branch(void **state)
{
    (void)state;
    T t = t_new();
    uint32_t lab = ir_new_label(t.b);
    IrTemp dead = ir_temp_local(t.b, IR_I32);
    IrTemp live = ir_temp_local(t.b, IR_I32);
    ir_mov(t.b, dead, t.g1);
    ir_add(t.b, live, t.g1, t.g1);
    ir_brcondi(t.b, IR_COND_EQ, t.g0, 0, lab);
    ir_exit_tb(t.b, 1);
    ir_set_label(t.b, lab);
    ir_mov(t.b, t.g0, live);
    ir_exit_tb(t.b, 0);
    t_expect(&t, "add_i32 loc5, g1, g1\nbrcond_i32 g0, $0x0, eq, L0\n"
                 "exit_tb 0x1\nL0:\nmov_i32 g0, loc5\nexit_tb 0x0\n");
}

/* A backward branch keeps every local live at branches (the walk has
 * not seen what the loop reads yet). */
static void test_local_kept_by_backward_branch(void **state)
{
    (void)state;
    T t = t_new();
    uint32_t top = ir_new_label(t.b);
    IrTemp l = ir_temp_local(t.b, IR_I32);
    ir_movi(t.b, l, 1);
    ir_set_label(t.b, top);
    ir_add(t.b, t.g0, t.g0, l);
    ir_mov(t.b, l, t.g1);
    ir_brcondi(t.b, IR_COND_NE, t.g0, 0, top);
    ir_exit_tb(t.b, 0);
    char *got = t_opt_dump(&t);
    assert_non_null(strstr(got, "mov_i32 loc4, g1"));
}

/* BRCOND on a SETCOND result branches on the comparison itself while
 * the compared values are unchanged; the SETCOND then dies. */
static void test_brcond_on_setcond(void **state)
{
    (void)state;
    for (int k = 0; k < 3; k++) {
        T t = t_new();
        uint32_t lab = ir_new_label(t.b);
        IrTemp c = ir_temp_local(t.b, IR_I32);
        IrTemp a = ir_temp_new(t.b, IR_I32);
        ir_add(t.b, a, t.g0, ir_const(t.b, IR_I32, 4));
        ir_setcond(t.b, IR_COND_LTU, c, a, t.g1);
        ir_guest_st(t.b, t.g0, t.g0, IR_MO_32);  /* a delay slot */
        if (k == 2) {
            ir_movi(t.b, t.g1, 7);               /* an input changes */
        }
        ir_brcondi(t.b, k == 0 ? IR_COND_NE : IR_COND_EQ, c, 0, lab);
        ir_exit_tb(t.b, 1);
        ir_set_label(t.b, lab);
        ir_exit_tb(t.b, 0);
        char *got = t_opt_dump(&t);
        const char *want = k == 0 ? "brcond_i32 t5, g1, ltu, L0"
                         : k == 1 ? "brcond_i32 t5, g1, geu, L0"
                                  : "brcond_i32 loc4, $0x0, eq, L0";
        if (!strstr(got, want) || (k < 2) != !strstr(got, "setcond")) {
            fail_msg("case %d:\n%s\nexpected %s", k, got, want);
        }
    }
}

static void test_two_output_fold(void **state)
{
    (void)state;
    T t = t_new();
    IrTemp a = ir_temp_new(t.b, IR_I32);
    ir_movi(t.b, a, 0xffffffff);
    ir_mulu2(t.b, t.g0, t.g1, a, a);
    t_expect(&t, "mov_i32 g0, $0x1\nmov_i32 g1, $0xfffffffe\n");
}

/* ---- Randomized semantics ---------------------------------------------- */

#define RAND_BLOCKS 10000
#define RAND_STATES 3

static void t_compare(const IrEvalState *a, const IrEvalState *b,
                      unsigned blk, unsigned s, const IrBlock *before)
{
    if (a->exit == b->exit && a->exit_val == b->exit_val &&
        a->goto_tb_count == b->goto_tb_count &&
        memcmp(a->env, b->env, sizeof(a->env)) == 0 &&
        memcmp(a->mem, b->mem, sizeof(a->mem)) == 0) {
        return;
    }
    (void)before;
    fail_msg("block %u state %u differs after the pass (exit %d/%d)", blk,
             s, a->exit, b->exit);
}

static void test_random_semantics(void **state)
{
    (void)state;
    uint64_t seed = 12345;
    static IrEvalState init[RAND_STATES], ref[RAND_STATES], got;
    uint64_t ops_before = 0, ops_after = 0;
    for (unsigned blk = 0; blk < RAND_BLOCKS; blk++) {
        IrRandOpts o = { .nb_ops = 10 + blk % 70, .branches = blk % 4 != 0,
                         .side_effects = blk % 3 != 0,
                         .pct_i64 = (blk * 7) % 60 };
        IrBlock *b = ir_block_new();
        ir_rand_block(b, &seed, &o);
        for (unsigned s = 0; s < RAND_STATES; s++) {
            memset(&init[s], 0, sizeof(init[s]));
            ir_rand_bytes(init[s].env, IR_EVAL_ENV_SIZE, &seed);
            ir_rand_bytes(init[s].mem, IR_EVAL_MEM_SIZE, &seed);
            ref[s] = init[s];
            ir_eval_run(b, &ref[s], seed + s);
        }
        ops_before += ir_count_ops(b);
        ir_optimize(b);
        ops_after += ir_count_ops(b);
        char err[200];
        if (!ir_validate(b, err, sizeof(err))) {
            ir_dump(b, stderr);
            fail_msg("block %u invalid after ir_optimize: %s", blk, err);
        }
        for (unsigned s = 0; s < RAND_STATES; s++) {
            got = init[s];
            ir_eval_run(b, &got, seed * 3 + s);
            if (memcmp(&got.exit, &ref[s].exit, sizeof(got.exit)) != 0 ||
                got.exit_val != ref[s].exit_val ||
                memcmp(got.env, ref[s].env, sizeof(got.env)) != 0 ||
                memcmp(got.mem, ref[s].mem, sizeof(got.mem)) != 0) {
                ir_dump(b, stderr);
            }
            t_compare(&ref[s], &got, blk, s, b);
        }
        ir_block_free(b);
    }
    print_message("random blocks: %llu ops before, %llu after ir_optimize\n",
                  (unsigned long long)ops_before,
                  (unsigned long long)ops_after);
    assert_true(ops_after < ops_before);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fold_arith),
        cmocka_unit_test(test_fold_shift_mod_and_div0),
        cmocka_unit_test(test_fold_clz_bswap_extract),
        cmocka_unit_test(test_copy_propagation),
        cmocka_unit_test(test_copy_of_global_invalidated_by_write),
        cmocka_unit_test(test_copy_of_global_invalidated_by_call),
        cmocka_unit_test(test_knowledge_dies_at_label),
        cmocka_unit_test(test_identities),
        cmocka_unit_test(test_setcond_movcond),
        cmocka_unit_test(test_unsigned_zero_compare),
        cmocka_unit_test(test_brcond_folding),
        cmocka_unit_test(test_dead_code),
        cmocka_unit_test(test_dead_global_store),
        cmocka_unit_test(test_global_store_kept),
        cmocka_unit_test(test_label_between_stores),
        cmocka_unit_test(test_dead_local_across_branch),
        cmocka_unit_test(test_local_kept_by_backward_branch),
        cmocka_unit_test(test_brcond_on_setcond),
        cmocka_unit_test(test_two_output_fold),
        cmocka_unit_test(test_random_semantics),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* tests/unit/lower64/test_lower64.c — unit tests of core/lower64.c: random
 * i64-heavy blocks give the same results under the ir_eval oracle before
 * and after ir_lower_i64 (and after ir_optimize of the lowered block), and
 * the lowered block uses no i64 temp but env.
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

static void t_no_i64(const IrBlock *b, unsigned blk)
{
    for (uint32_t i = 0; i < b->nb_ops; i++) {
        const IrOp *op = &b->ops[i];
        bool is_cross = op->opc == IR_EXTU_I32_I64 ||
                        op->opc == IR_EXTS_I32_I64 ||
                        op->opc == IR_EXTRL_I64_I32 ||
                        op->opc == IR_EXTRH_I64_I32;
        if (is_cross || (op->type == IR_I64 && op->nout + op->nin > 0 &&
                         op->opc != IR_CALL)) {
            ir_dump(b, stderr);
            fail_msg("block %u op %u (%s) is still i64", blk, i,
                     ir_op_defs[op->opc].name);
        }
        for (unsigned j = 0; j < (unsigned)op->nout + op->nin; j++) {
            IrTemp t = (IrTemp)op->args[j];
            if (t != IR_ENV && ir_temp_type(b, t) == IR_I64) {
                fail_msg("block %u op %u (%s) uses i64 temp %u", blk, i,
                         ir_op_defs[op->opc].name, t);
            }
        }
    }
}

/* A 64-bit guest access becomes two 32-bit ones, so the faulting address
 * may be that of the second half: the fault address is not compared. */
static bool t_same(const IrEvalState *a, const IrEvalState *b)
{
    return a->exit == b->exit &&
           (a->exit == IR_EVAL_FAULT || a->exit_val == b->exit_val) &&
           a->goto_tb_count == b->goto_tb_count &&
           memcmp(a->env, b->env, sizeof(a->env)) == 0 &&
           memcmp(a->mem, b->mem, sizeof(a->mem)) == 0;
}

#define RAND_BLOCKS 10000
#define RAND_STATES 3

static void test_random_lowering(void **state)
{
    (void)state;
    uint64_t seed = 777;
    static IrEvalState init[RAND_STATES], ref[RAND_STATES], got;
    for (unsigned blk = 0; blk < RAND_BLOCKS; blk++) {
        IrRandOpts o = { .nb_ops = 5 + blk % 50, .branches = blk % 3 == 0,
                         .side_effects = blk % 2 == 0,
                         .pct_i64 = 60 + blk % 41, .no_atomic64 = true };
        IrBlock *b = ir_block_new();
        ir_rand_block(b, &seed, &o);
        for (unsigned s = 0; s < RAND_STATES; s++) {
            memset(&init[s], 0, sizeof(init[s]));
            ir_rand_bytes(init[s].env, IR_EVAL_ENV_SIZE, &seed);
            ir_rand_bytes(init[s].mem, IR_EVAL_MEM_SIZE, &seed);
            ref[s] = init[s];
            ir_eval_run(b, &ref[s], seed + s);
        }
        static char before[65536];
        FILE *f = fmemopen(before, sizeof(before), "w");
        ir_dump(b, f);
        fclose(f);
        ir_lower_i64(b);
        char err[200];
        if (!ir_validate(b, err, sizeof(err))) {
            ir_dump(b, stderr);
            fail_msg("block %u invalid after ir_lower_i64: %s", blk, err);
        }
        t_no_i64(b, blk);
        for (int pass = 0; pass < 2; pass++) {
            for (unsigned s = 0; s < RAND_STATES; s++) {
                got = init[s];
                ir_eval_run(b, &got, seed * 5 + s);
                if (!t_same(&ref[s], &got)) {
                    fprintf(stderr, "---- before:\n%s---- after:\n", before);
                    ir_dump(b, stderr);
                    for (unsigned i = 0; i < IR_EVAL_ENV_SIZE; i++) {
                        if (ref[s].env[i] != got.env[i]) {
                            fprintf(stderr, "env[%u]: %02x vs %02x\n", i,
                                    ref[s].env[i], got.env[i]);
                        }
                    }
                    for (unsigned i = 0; i < IR_EVAL_MEM_SIZE; i++) {
                        if (ref[s].mem[i] != got.mem[i]) {
                            fprintf(stderr, "mem[%u]: %02x vs %02x\n", i,
                                    ref[s].mem[i], got.mem[i]);
                        }
                    }
                    fprintf(stderr, "exit_val %llx vs %llx\n",
                            (unsigned long long)ref[s].exit_val,
                            (unsigned long long)got.exit_val);
                    fail_msg("block %u state %u differs after %s (exit %d/%d)",
                             blk, s, pass ? "lowering + optimize" : "lowering",
                             ref[s].exit, got.exit);
                }
            }
            ir_optimize(b);
            t_no_i64(b, blk);
        }
        ir_block_free(b);
    }
}

/* Split globals are found again after ir_block_reset(): no growth. */
static void test_globals_reused(void **state)
{
    (void)state;
    IrBlock *b = ir_block_new();
    IrTemp x = ir_global(b, IR_I64, 8, "x");
    IrTemp g = ir_global(b, IR_I32, 12, "g");   /* aliases x's high half */
    for (int round = 0; round < 3; round++) {
        ir_block_reset(b);
        IrTemp t = ir_temp_new(b, IR_I64);
        ir_addi(b, t, x, 1);
        ir_mov(b, x, t);
        ir_exit_tb(b, 0);
        ir_lower_i64(b);
        assert_true(ir_validate(b, NULL, 0));
        /* env, x, g, and one new global for x's low half */
        assert_int_equal(b->nb_globals, 4);
        assert_int_equal(b->temps[3].offset, 8);
        assert_int_equal(ir_temp_type(b, x), IR_I64);
    }
    (void)g;
    ir_block_free(b);
}

static void test_guest_ld64_order(void **state)
{
    (void)state;
    IrBlock *b = ir_block_new();
    IrTemp x = ir_global(b, IR_I64, 0, "x");
    IrTemp a = ir_temp_new(b, IR_I32);
    ir_movi(b, a, 8);
    ir_guest_ld(b, x, a, IR_MO_64 | IR_MO_BE);
    ir_guest_st(b, x, a, IR_MO_64);
    ir_lower_i64(b);
    ir_optimize(b);
    char buf[2048];
    FILE *f = fmemopen(buf, sizeof(buf), "w");
    ir_dump(b, f);
    fclose(f);
    /* BE load: high word from addr, low from addr + 4; LE store: the
     * higher address first. */
    const char *want =
        "guest_ld_i32 t9, $0x8, beu32\n"
        "guest_ld_i32 t8, $0xc, beu32\n"
        "mov_i32 x, t8\n"
        "mov_i32 g3, t9\n"
        "guest_st_i32 t9, $0xc, leu32\n"
        "guest_st_i32 t8, $0x8, leu32\n";
    if (strcmp(buf, want) != 0) {
        fail_msg("got:\n%s", buf);
    }
    ir_block_free(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_globals_reused),
        cmocka_unit_test(test_guest_ld64_order),
        cmocka_unit_test(test_random_lowering),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

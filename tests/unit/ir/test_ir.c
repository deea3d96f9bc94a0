/* tests/unit/ir/test_ir.c — unit tests of core/ir.c: the builder's ops and
 * types, the validator rejecting each class of malformed block, and the
 * -d op dump format.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/ir.h"

static uint32_t h_add(uint32_t a, uint32_t b) { return a + b; }
static const IrHelper h_add_desc =
    IR_HELPER(h_add, IR_HF_PURE, IR_HT_I32, IR_HT_I32, IR_HT_I32);

static void test_op_table(void **state)
{
    (void)state;
    assert_string_equal(ir_op_defs[IR_ADD].name, "ADD");
    assert_int_equal(ir_op_defs[IR_DEPOSIT].nin, 2);
    assert_int_equal(ir_op_defs[IR_DEPOSIT].nconst, 2);
    assert_true(ir_op_defs[IR_GUEST_LD].flags & IR_OPF_GUEST_MEM);
    assert_int_equal(ir_op_defs[IR_NOP].flags, 0);
}

static void test_builder_types(void **state)
{
    (void)state;
    IrBlock *b = ir_block_new();
    assert_int_equal(b->nb_temps, 1);
    assert_int_equal(b->temps[IR_ENV].kind, IR_TEMP_ENV);
    assert_int_equal(b->temps[IR_ENV].type, IR_PTR);
    IrTemp g = ir_global(b, IR_I32, 16, "r0");
    assert_int_equal(g, 1);
    assert_int_equal(b->nb_globals, 2);
    IrTemp x = ir_temp_new(b, IR_I64), y = ir_temp_new(b, IR_I32);
    IrTemp k = ir_const(b, IR_I32, UINT64_C(0x123456789));
    assert_int_equal(b->temps[k].val, 0x23456789);
    assert_int_equal(b->temps[k].kind, IR_TEMP_CONST);

    ir_extu_i32_i64(b, x, y);
    assert_int_equal(b->ops[0].type, IR_I64);
    ir_extrl_i64_i32(b, y, x);
    assert_int_equal(b->ops[1].type, IR_I64);
    IrTemp d = ir_temp_new(b, IR_I32);
    ir_setcond(b, IR_COND_LT, d, g, y);
    assert_int_equal(b->ops[2].type, IR_I32);
    assert_int_equal(b->ops[2].args[3], IR_COND_LT);
    ir_addi(b, x, x, 5);
    const IrOp *op = &b->ops[3];
    assert_int_equal(op->opc, IR_ADD);
    assert_int_equal(ir_temp_type(b, (IrTemp)op->args[2]), IR_I64);
    assert_int_equal(b->temps[op->args[2]].val, 5);
    uint32_t l = ir_new_label(b);
    ir_brcondi(b, IR_COND_EQ, x, 7, l);
    op = &b->ops[4];
    assert_int_equal(op->type, IR_I64);
    assert_int_equal(ir_temp_type(b, (IrTemp)op->args[1]), IR_I64);
    assert_int_equal(op->args[3], l);
    ir_guest_st(b, x, g, IR_MO_64);
    assert_int_equal(b->ops[5].type, IR_I64);
    IrTemp args[2] = { g, y };
    ir_call(b, &h_add_desc, d, 2, args);
    op = &b->ops[6];
    assert_int_equal(op->nout, 1);
    assert_int_equal(op->nin, 2);
    assert_ptr_equal((void *)(uintptr_t)op->args[3], &h_add_desc);
    ir_set_label(b, l);
    char err[128];
    if (!ir_validate(b, err, sizeof(err))) {
        fail_msg("%s", err);
    }
    assert_int_equal(ir_count_ops(b), 8);
    ir_block_reset(b);
    assert_int_equal(b->nb_temps, 2);
    assert_int_equal(b->nb_ops, 0);
    ir_block_free(b);
}

/* Builds a small valid block, lets `breakit` spoil it, checks rejection. */
static void t_reject(void (*breakit)(IrBlock *b), const char *what)
{
    IrBlock *b = ir_block_new();
    IrTemp g = ir_global(b, IR_I32, 0, "g");
    IrTemp t = ir_temp_new(b, IR_I32);
    IrTemp w = ir_temp_new(b, IR_I64);
    (void)g; (void)t; (void)w;
    breakit(b);
    char err[128] = "";
    if (ir_validate(b, err, sizeof(err))) {
        fail_msg("validator accepted: %s", what);
    }
    assert_true(err[0] != 0);
    ir_block_free(b);
}

/* Temps in t_reject blocks: 1 g (i32), 2 t (i32), 3 w (i64). */
static void bad_type(IrBlock *b) { ir_add(b, 2, 1, 3); }
static void bad_label(IrBlock *b) { ir_br(b, 3); }
static void bad_label_twice(IrBlock *b)
{
    uint32_t l = ir_new_label(b);
    ir_set_label(b, l);
    ir_set_label(b, l);
}
static void bad_count(IrBlock *b)
{
    uint64_t a[3] = { 2, 1, 1 };
    ir_emit(b, IR_ADD, IR_I32, 1, 1, 0, a);
}
static void bad_temp(IrBlock *b) { ir_mov(b, 2, 99); }
static void bad_memop(IrBlock *b) { ir_guest_ld(b, 2, 1, IR_MO_64); }
static void bad_extract(IrBlock *b) { ir_extract(b, 2, 1, 20, 13); }
static void bad_extract_len0(IrBlock *b) { ir_extract(b, 2, 1, 0, 0); }
static void bad_call(IrBlock *b)
{
    IrTemp args[1] = { 1 };
    ir_call(b, &h_add_desc, 2, 1, args);
}
static void bad_write_const(IrBlock *b)
{
    IrTemp k = ir_const(b, IR_I32, 1);
    ir_mov(b, k, 1);
}
static void bad_ext32(IrBlock *b) { ir_ext32s(b, 2, 1); }
static void bad_cross(IrBlock *b) { ir_extu_i32_i64(b, 2, 1); }
static void bad_cond(IrBlock *b)
{
    uint64_t a[4] = { 2, 1, 1, 99 };
    ir_emit(b, IR_SETCOND, IR_I32, 1, 2, 1, a);
}

static void test_validator_rejects(void **state)
{
    (void)state;
    t_reject(bad_type, "i32 add of an i64");
    t_reject(bad_label, "unknown label");
    t_reject(bad_label_twice, "label set twice");
    t_reject(bad_count, "wrong argument count");
    t_reject(bad_temp, "temp out of range");
    t_reject(bad_memop, "64-bit access into i32");
    t_reject(bad_extract, "extract past the width");
    t_reject(bad_extract_len0, "extract of length 0");
    t_reject(bad_call, "call with too few arguments");
    t_reject(bad_write_const, "write to a constant");
    t_reject(bad_ext32, "ext32s on i32");
    t_reject(bad_cross, "extu into an i32");
    t_reject(bad_cond, "bad condition");
}

static void test_dump_format(void **state)
{
    (void)state;
    IrBlock *b = ir_block_new();
    IrTemp r0 = ir_global(b, IR_I32, 0, "r0");
    IrTemp t = ir_temp_new(b, IR_I32);
    IrTemp loc = ir_temp_local(b, IR_I32);
    uint32_t l = ir_new_label(b);
    ir_insn_start(b, 0x1000, 0);
    ir_addi(b, t, r0, 0x10);
    ir_brcondi(b, IR_COND_LTU, t, 3, l);
    ir_guest_ld(b, loc, t, IR_MO_16 | IR_MO_SIGN | IR_MO_BE);
    ir_st32(b, loc, IR_ENV, 0x40);
    IrTemp args[2] = { t, loc };
    ir_call(b, &h_add_desc, r0, 2, args);
    ir_set_label(b, l);
    ir_exit_tb(b, 0);
    char buf[1024];
    FILE *f = fmemopen(buf, sizeof(buf), "w");
    ir_dump(b, f);
    fclose(f);
    assert_string_equal(buf,
        "---- pc 0x1000 extra 0x0\n"
        "add_i32 t2, r0, $0x10\n"
        "brcond_i32 t2, $0x3, ltu, L0\n"
        "guest_ld_i32 loc3, t2, bes16\n"
        "st32_i32 loc3, env, 0x40\n"
        "call h_add -> r0 (t2, loc3)\n"
        "L0:\n"
        "exit_tb 0x0\n");
    ir_block_free(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_op_table),
        cmocka_unit_test(test_builder_types),
        cmocka_unit_test(test_validator_rejects),
        cmocka_unit_test(test_dump_format),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

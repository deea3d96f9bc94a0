/* tests/unit/exec/test_log.c — -d item parsing and the -D log file. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/log.h"

static void test_parse(void **state)
{
    uint32_t mask = 0;
    char err[128] = "";

    (void)state;
    assert_true(log_parse_items("in_asm,op,op_opt,out_asm,exec,cpu,nochain",
                                &mask, err, sizeof(err)));
    assert_int_equal(mask, LOG_IN_ASM | LOG_OP | LOG_OP_OPT | LOG_OUT_ASM |
                               LOG_EXEC | LOG_CPU | LOG_NOCHAIN);
    assert_true(log_parse_items("op", &mask, err, sizeof(err)));
    assert_int_equal(mask, LOG_OP);
    assert_true(log_parse_items("", &mask, err, sizeof(err)));
    assert_int_equal(mask, 0);
    assert_true(log_parse_items("help", &mask, err, sizeof(err)));
    assert_int_equal(mask, LOG_HELP);

    mask = 123;
    assert_false(log_parse_items("in_asm,bogus,op", &mask, err, sizeof(err)));
    assert_int_equal(mask, 123);
    assert_non_null(strstr(err, "'bogus'"));
    assert_false(log_parse_items("in_as", &mask, err, sizeof(err)));
    assert_non_null(strstr(err, "'in_as'"));
    assert_false(log_parse_items("op_optx", &mask, err, sizeof(err)));
}

static void test_enabled_and_file(void **state)
{
    char path[] = "/tmp/emu-test-log-XXXXXX";
    char err[128], buf[256];
    int fd = mkstemp(path);
    FILE *f;
    size_t n;

    (void)state;
    assert_true(fd >= 0);
    close(fd);
    log_set_mask(LOG_EXEC | LOG_HELP);
    assert_true(log_enabled(LOG_EXEC));
    assert_false(log_enabled(LOG_HELP));
    assert_false(log_enabled(LOG_IN_ASM));
    assert_true(log_set_file(path, err, sizeof(err)));
    log_printf("hello %d\n", 42);
    f = log_lock();
    fprintf(f, "line two\n");
    log_unlock(f);
    log_close();
    f = fopen(path, "r");
    assert_non_null(f);
    n = fread(buf, 1, sizeof(buf) - 1, f);
    buf[n] = 0;
    fclose(f);
    unlink(path);
    assert_string_equal(buf, "hello 42\nline two\n");

    assert_false(log_set_file("/nonexistent-dir/x.log", err, sizeof(err)));
    assert_non_null(strstr(err, "/nonexistent-dir/x.log"));
    log_set_mask(0);
}

static void test_help(void **state)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);

    (void)state;
    log_help(f);
    fclose(f);
    assert_non_null(strstr(text, "in_asm"));
    assert_non_null(strstr(text, "nochain"));
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse),
        cmocka_unit_test(test_enabled_and_file),
        cmocka_unit_test(test_help),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

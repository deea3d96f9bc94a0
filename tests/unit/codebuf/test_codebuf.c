/* tests/unit/codebuf/test_codebuf.c — the double-mapped code buffer:
 * both views alias, allocation and flush arithmetic, and no mapping of the
 * process is ever writable and executable at once.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#include "core/codebuf.h"

/* True when /proc/self/maps holds a mapping with both w and x. */
static bool maps_have_wx(void)
{
    FILE *f = fopen("/proc/self/maps", "r");
    char line[512];
    bool wx = false;

    assert_non_null(f);
    while (fgets(line, sizeof(line), f)) {
        char perms[8] = "";
        if (sscanf(line, "%*x-%*x %7s", perms) == 1 &&
            perms[1] == 'w' && perms[2] == 'x') {
            wx = true;
        }
    }
    fclose(f);
    return wx;
}

static void test_views_alias(void **state)
{
    CodeBuf cb;

    (void)state;
    assert_true(codebuf_init(&cb, 10000));
    assert_true(cb.size >= 10000);
    assert_true(cb.size % 4096 == 0);
    assert_ptr_not_equal(cb.rw, cb.rx);
    cb.rw[123] = 0x5a;
    assert_int_equal(cb.rx[123], 0x5a);
    assert_ptr_equal(codebuf_to_rx(&cb, cb.rw + 77), cb.rx + 77);
    assert_ptr_equal(codebuf_to_rw(&cb, cb.rx + 77), cb.rw + 77);
    assert_false(maps_have_wx());
    codebuf_destroy(&cb);
}

static void test_alloc_and_flush(void **state)
{
    CodeBuf cb;
    size_t avail;
    uint8_t *p, *q;

    (void)state;
    assert_true(codebuf_init(&cb, 4096));
    p = codebuf_alloc(&cb, 3, 1);
    assert_ptr_equal(p, cb.rw);
    codebuf_reserve_used(&cb);
    q = codebuf_alloc(&cb, 8, 8);
    assert_ptr_equal(q, cb.rw + 8);
    assert_int_equal(cb.used, 16);

    p = codebuf_begin(&cb, 16, &avail);
    assert_ptr_equal(p, cb.rw + 16);
    assert_int_equal(avail, cb.size - 16);
    codebuf_commit(&cb, p, 5);
    assert_int_equal(cb.used, 21);
    assert_true(codebuf_contains_rx(&cb, (uintptr_t)cb.rx + 20));
    assert_false(codebuf_contains_rx(&cb, (uintptr_t)cb.rx + 21));

    assert_null(codebuf_alloc(&cb, cb.size, 1));
    p = codebuf_alloc(&cb, cb.size - 24, 8);
    assert_non_null(p);
    assert_int_equal(cb.used, cb.size);
    p = codebuf_begin(&cb, 8, &avail);
    assert_int_equal(avail, 0);
    assert_null(codebuf_alloc(&cb, 1, 1));

    codebuf_flush(&cb);
    assert_int_equal(cb.used, 3);
    assert_ptr_equal(codebuf_alloc(&cb, 1, 8), cb.rw + 8);
    codebuf_destroy(&cb);
}

static void test_code_runs_from_rx(void **state)
{
    CodeBuf cb;
    uint8_t *p;

    (void)state;
    assert_true(codebuf_init(&cb, 0x10000));
#if defined(__x86_64__)
    {
        /* mov eax, 42; ret */
        static const uint8_t code[] = { 0xb8, 42, 0, 0, 0, 0xc3 };
        int (*fn)(void);

        p = codebuf_alloc(&cb, sizeof(code), 16);
        memcpy(p, code, sizeof(code));
        fn = (int (*)(void))(uintptr_t)codebuf_to_rx(&cb, p);
        assert_int_equal(fn(), 42);
    }
#else
    p = codebuf_alloc(&cb, 4, 4);
    assert_non_null(p);
#endif
    assert_false(maps_have_wx());
    codebuf_destroy(&cb);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_views_alias),
        cmocka_unit_test(test_alloc_and_flush),
        cmocka_unit_test(test_code_runs_from_rx),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* tests/unit/interp/test_backend_select.c — backend/select.c: names, the
 * EMU_ACCEL environment variable and the default (the host JIT when built,
 * else the interpreter).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "core/backend.h"

static const HostBackend *host_jit(void)
{
#ifdef EMU_HOST_X86_64
    return &backend_x86_64;
#else
    return NULL;
#endif
}

static void test_names(void **state)
{
    (void)state;
    unsetenv("EMU_ACCEL");
    assert_ptr_equal(backend_select("interp"), &backend_interp);
    assert_ptr_equal(backend_select("tci"), &backend_interp);
    assert_ptr_equal(backend_select("jit"), host_jit());
    assert_null(backend_select("nonsense"));
    assert_null(backend_select("INTERP"));
#ifdef EMU_HOST_X86_64
    assert_ptr_equal(backend_select("x86_64"), &backend_x86_64);
#else
    assert_null(backend_select("x86_64"));
#endif
    assert_string_equal(backend_interp.name, "interp");
    assert_false(backend_interp.jit);
}

static void test_default_and_env(void **state)
{
    const HostBackend *dflt = host_jit() ? host_jit() : &backend_interp;

    (void)state;
    unsetenv("EMU_ACCEL");
    assert_ptr_equal(backend_select(NULL), dflt);
    setenv("EMU_ACCEL", "", 1);
    assert_ptr_equal(backend_select(NULL), dflt);
    setenv("EMU_ACCEL", "interp", 1);
    assert_ptr_equal(backend_select(NULL), &backend_interp);
    /* An explicit name wins over the environment. */
    setenv("EMU_ACCEL", "tci", 1);
    assert_ptr_equal(backend_select("jit"), host_jit());
    setenv("EMU_ACCEL", "bogus", 1);
    assert_null(backend_select(NULL));
    unsetenv("EMU_ACCEL");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_default_and_env),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

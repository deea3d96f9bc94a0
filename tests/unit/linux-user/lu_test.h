/* tests/unit/linux-user/lu_test.h — shared set-up of the linux-user unit
 * tests: the ARM ABI, a 4 GiB guest space and the core on the
 * interpreter, made once per test process.
 */
#ifndef EMU_TESTS_LU_TEST_H
#define EMU_TESTS_LU_TEST_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/backend.h"
#include "core/exec.h"
#include "frontend/arm/cpu.h"
#include "linux-user/abi.h"
#include "linux-user/guest_mem.h"
#include "linux-user/task.h"

static inline void lu_test_init(void)
{
    static bool done;
    char err[256];

    if (done) {
        return;
    }
    done = true;
    linux_process.abi = &linux_abi_arm;
    linux_process.cpu_model = linux_abi_arm.cpu_models;
    if (!guest_mem_init(0, 0, false, err, sizeof(err))) {
        fprintf(stderr, "guest_mem_init: %s\n", err);
        exit(1);
    }
    exec_init(&guest_arm, &backend_interp, 1u << 20);
    guest_mem_install_code_hooks();
}

#endif

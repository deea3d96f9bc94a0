/* backend/select.c — picks the host backend for a run: a name given on the
 * command line, else $EMU_ACCEL, else the host's JIT when one is compiled
 * in, else the portable interpreter.
 */
#include <stdlib.h>
#include <string.h>

#include "core/backend.h"

/* The JIT built for this host, or NULL. */
static const HostBackend *backend_host_jit(void)
{
#ifdef EMU_HOST_X86_64
    return &backend_x86_64;
#else
    return NULL;
#endif
}

const HostBackend *backend_select(const char *name)
{
    const HostBackend *jit = backend_host_jit();

    if (!name || !*name) {
        name = getenv("EMU_ACCEL");
    }
    if (!name || !*name) {
        return jit ? jit : &backend_interp;
    }
    if (strcmp(name, "interp") == 0 || strcmp(name, "tci") == 0) {
        return &backend_interp;
    }
    if (strcmp(name, "jit") == 0) {
        return jit;
    }
    if (jit && strcmp(name, jit->name) == 0) {
        return jit;
    }
    return NULL;
}

/* linux-user/syscall_register.c — the list of syscall implementation
 * arrays, one line per syscall_*.c file; a later array's entry for an id
 * replaces an earlier one. Owned by the syscall implementations: add a
 * line (and the extern in syscall.h or here) with each new file.
 */
#include "syscall.h"

const SyscallDef *const syscall_def_lists[] = {
    syscall_defs_core,
    NULL,
};

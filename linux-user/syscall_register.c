/* linux-user/syscall_register.c — the list of syscall implementation
 * arrays, one line per syscall_*.c file; a later array's entry for an id
 * replaces an earlier one. Owned by the syscall implementations: add a
 * line (and the extern in syscall.h or here) with each new file.
 */
#include "syscall.h"

extern const SyscallDef syscall_defs_file[];    /* syscall_file.c */
extern const SyscallDef syscall_defs_io[];      /* syscall_io.c */

const SyscallDef *const syscall_def_lists[] = {
    syscall_defs_core,
    syscall_defs_file,
    syscall_defs_io,
    NULL,
};

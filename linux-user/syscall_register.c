/* linux-user/syscall_register.c — the list of syscall implementation
 * arrays, one line per syscall_*.c file; a later array's entry for an id
 * replaces an earlier one. Owned by the syscall implementations: add a
 * line (and the extern in syscall.h or here) with each new file.
 */
#include "syscall.h"

extern const SyscallDef syscall_defs_file[];    /* syscall_file.c */
extern const SyscallDef syscall_defs_io[];      /* syscall_io.c */
extern const SyscallDef syscall_defs_poll[];    /* syscall_poll.c */
extern const SyscallDef syscall_defs_time[];    /* syscall_time.c */
extern const SyscallDef syscall_defs_proc[];    /* syscall_proc.c */
extern const SyscallDef syscall_defs_net[];     /* syscall_net.c */
extern const SyscallDef syscall_defs_tty[];     /* syscall_tty.c */
extern const SyscallDef syscall_defs_mem[];     /* syscall_mem.c */
extern const SyscallDef syscall_defs_signal[];  /* syscall_signal.c */
extern const SyscallDef syscall_defs_thread[];  /* syscall_thread.c */
extern const SyscallDef syscall_defs_ipc[];     /* syscall_ipc.c */
extern const SyscallDef syscall_defs_mux[];     /* syscall_mux.c */

const SyscallDef *const syscall_def_lists[] = {
    syscall_defs_core,
    syscall_defs_file,
    syscall_defs_io,
    syscall_defs_poll,
    syscall_defs_time,
    syscall_defs_proc,
    syscall_defs_net,
    syscall_defs_tty,
    syscall_defs_mem,
    syscall_defs_signal,
    syscall_defs_thread,
    syscall_defs_ipc,
    syscall_defs_mux,
    NULL,
};

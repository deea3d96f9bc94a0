/* linux-user/thunk_structs.h — the ids of the guest structs syscalls
 * convert, and their generic descriptions (thunk_structs.c). A guest whose
 * layout differs gives its own ThunkStruct in LinuxAbi.structs[id].
 * Owned by the syscall implementations: add an id and a description
 * together.
 */
#ifndef EMU_LINUX_USER_THUNK_STRUCTS_H
#define EMU_LINUX_USER_THUNK_STRUCTS_H

#include "thunk.h"

enum {
    THUNK_ID_TIMESPEC,      /* struct timespec (32-bit time_t guests) */
    THUNK_ID_TIMEVAL,       /* struct timeval */
    THUNK_ID_IOVEC,         /* struct iovec */
    THUNK_ID_COUNT
};

/* Indexed by THUNK_ID_*. */
extern const ThunkStruct thunk_generic[THUNK_ID_COUNT];

#endif

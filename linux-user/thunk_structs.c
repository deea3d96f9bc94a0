/* linux-user/thunk_structs.c — generic guest struct descriptions (the
 * layout every 32-bit guest shares unless LinuxAbi.structs overrides it).
 * Owned by the syscall implementations; these first entries serve the
 * core syscalls and the tests.
 */
#include "thunk_structs.h"

#include <stddef.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <time.h>

static const ThunkField thunk_timespec_fields[] = {
    THUNK_FIELD(struct timespec, tv_sec, THUNK_SINT, 0),
    THUNK_FIELD(struct timespec, tv_nsec, THUNK_SINT, 0),
};

static const ThunkField thunk_timeval_fields[] = {
    THUNK_FIELD(struct timeval, tv_sec, THUNK_SINT, 0),
    THUNK_FIELD(struct timeval, tv_usec, THUNK_SINT, 0),
};

static const ThunkField thunk_iovec_fields[] = {
    THUNK_FIELD(struct iovec, iov_base, THUNK_UINT, 0),
    THUNK_FIELD(struct iovec, iov_len, THUNK_UINT, 0),
};

const ThunkStruct thunk_generic[THUNK_ID_COUNT] = {
    [THUNK_ID_TIMESPEC] = { "timespec", sizeof(struct timespec), 0, 2,
                            thunk_timespec_fields },
    [THUNK_ID_TIMEVAL] = { "timeval", sizeof(struct timeval), 0, 2,
                           thunk_timeval_fields },
    [THUNK_ID_IOVEC] = { "iovec", sizeof(struct iovec), 0, 2,
                         thunk_iovec_fields },
};

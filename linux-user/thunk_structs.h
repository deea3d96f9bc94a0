/* linux-user/thunk_structs.h — the ids of the guest structs syscalls
 * convert, and their generic descriptions (thunk_structs.c). A guest whose
 * layout differs gives its own ThunkStruct in LinuxAbi.structs[id].
 * Owned by the syscall implementations: add an id and a description
 * together.
 *
 * "Generic" means the asm-generic / ARM EABI layout of a 32-bit guest; the
 * ThunkRules (align8) make the same description right for i386, where
 * 8-byte scalars are 4-byte aligned. Host side structs named TgtHost*
 * are plain host structs for data that has no usable host libc struct
 * (pointers kept as guest addresses, kernel-only layouts).
 */
#ifndef EMU_LINUX_USER_THUNK_STRUCTS_H
#define EMU_LINUX_USER_THUNK_STRUCTS_H

#include <stdint.h>

#include "thunk.h"

enum {
    THUNK_ID_TIMESPEC,      /* struct timespec (32-bit time_t guests) */
    THUNK_ID_TIMEVAL,       /* struct timeval */
    THUNK_ID_IOVEC,         /* struct iovec */
    THUNK_ID_TIMESPEC64,    /* struct __kernel_timespec (time64 calls) */
    THUNK_ID_STAT64,        /* struct stat64 -> host struct stat */
    THUNK_ID_STAT,          /* struct stat (old, 32-bit fields) */
    THUNK_ID_STATFS64,      /* struct statfs64 (ARM EABI: packed to 4) */
    THUNK_ID_STATFS,        /* struct statfs */
    THUNK_ID_STATX,         /* struct statx (fixed widths everywhere) */
    THUNK_ID_FLOCK64,       /* struct flock64 -> host struct flock */
    THUNK_ID_FLOCK,         /* struct flock (32-bit off_t) */
    THUNK_ID_TERMIOS,       /* kernel struct termios -> TgtHostTermios */
    THUNK_ID_WINSIZE,       /* struct winsize */
    THUNK_ID_EPOLL_EVENT,   /* struct epoll_event (12 bytes on i386,
                               16 on ARM EABI, 12 packed on the host) */
    THUNK_ID_POLLFD,        /* struct pollfd */
    THUNK_ID_MSGHDR,        /* struct msghdr -> TgtHostMsghdr */
    THUNK_ID_MMSGHDR,       /* struct mmsghdr (msghdr + msg_len) */
    THUNK_ID_LINGER,        /* struct linger */
    THUNK_ID_UCRED,         /* struct ucred */
    THUNK_ID_TMS,           /* struct tms (clock_t = long) */
    THUNK_ID_RLIMIT,        /* struct rlimit (unsigned long) */
    THUNK_ID_RLIMIT64,      /* struct rlimit64 */
    THUNK_ID_RUSAGE,        /* struct rusage */
    THUNK_ID_SYSINFO,       /* struct sysinfo */
    THUNK_ID_ITIMERVAL,     /* struct itimerval */
    THUNK_ID_TIMEZONE,      /* struct timezone */
    THUNK_ID_UTIMBUF,       /* struct utimbuf */
    THUNK_ID_COUNT
};

/* Kernel struct termios (TCGETS/TCSETS), as the x86_64 host kernel has
 * it: no speed fields, 19 control characters. */
#define TGT_NCCS 19
typedef struct TgtHostTermios {
    uint32_t c_iflag, c_oflag, c_cflag, c_lflag;
    uint8_t c_line;
    uint8_t c_cc[TGT_NCCS];
} TgtHostTermios;

/* struct msghdr with the guest's pointers kept as guest addresses. */
typedef struct TgtHostMsghdr {
    uint32_t msg_name;
    uint32_t msg_namelen;
    uint32_t msg_iov;
    uint32_t msg_iovlen;
    uint32_t msg_control;
    uint32_t msg_controllen;
    int32_t msg_flags;
} TgtHostMsghdr;

/* struct mmsghdr on the host side of a conversion. */
typedef struct TgtHostMmsghdr {
    TgtHostMsghdr hdr;
    uint32_t msg_len;
} TgtHostMmsghdr;

/* Guest struct sizes of the generic (ARM EABI) layouts, checked by
 * _Static_assert in thunk_structs.c against the descriptions. */
enum {
    TGT_EABI_STAT64_SIZE = 104,
    TGT_EABI_STAT_SIZE = 64,
    TGT_EABI_STATFS64_SIZE = 84,
    TGT_EABI_STATFS_SIZE = 64,
    TGT_STATX_SIZE = 256,
    TGT_EABI_FLOCK64_SIZE = 32,
    TGT_FLOCK_SIZE = 16,
    TGT_TERMIOS_SIZE = 36,
    TGT_EABI_EPOLL_EVENT_SIZE = 16,
    TGT_MSGHDR_SIZE = 28,
    TGT_RUSAGE_SIZE = 72,
    TGT_SYSINFO_SIZE = 64,
};

/* Indexed by THUNK_ID_*. */
extern const ThunkStruct thunk_generic[THUNK_ID_COUNT];

#endif

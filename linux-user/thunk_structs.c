/* linux-user/thunk_structs.c — generic guest struct descriptions (the
 * layout every 32-bit guest shares unless LinuxAbi.structs overrides it):
 * asm-generic / ARM EABI field order and widths; offsets come from the
 * guest's ThunkRules except where the kernel packs (statfs64, statx).
 */
#include "thunk_structs.h"

#include <stddef.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/sysinfo.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/uio.h>
#include <sys/ioctl.h>
#include <time.h>
#include <utime.h>

/* An array member of a host struct (count elements). */
#define THUNK_ARRAY(htype, member, knd, gsize, n) \
    { .name = #member, .kind = (knd), .guest_size = (gsize), .count = (n), \
      .guest_off = THUNK_AUTO, THUNK_HOST(htype, member) }
#define THUNK_ARRAY_AT(htype, member, knd, gsize, n, goff) \
    { .name = #member, .kind = (knd), .guest_size = (gsize), .count = (n), \
      .guest_off = (goff), THUNK_HOST(htype, member) }
/* A field of a raw host buffer laid out exactly as the guest's (statx). */
#define THUNK_RAW(nm, knd, gsize, n, off) \
    { .name = (nm), .kind = (knd), .guest_size = (gsize), .count = (n), \
      .guest_off = (off), .host_off = (off), .host_size = (gsize) * (n) }
#define THUNK_COUNT(a) ((uint16_t)(sizeof(a) / sizeof((a)[0])))

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

/* struct __kernel_timespec: tv_nsec is read as 64 bits; callers keep
 * only the low 32 (the kernel ignores the upper half for 32-bit tasks). */
static const ThunkField thunk_timespec64_fields[] = {
    THUNK_FIELD(struct timespec, tv_sec, THUNK_SINT, 8),
    THUNK_FIELD(struct timespec, tv_nsec, THUNK_SINT, 8),
};

/* ARM EABI / i386 struct stat64 (arch/arm/include/uapi/asm/stat.h). The
 * truncated __st_ino comes first so the full st_ino at the end wins when
 * converting to the host. */
static const ThunkField thunk_stat64_fields[] = {
    THUNK_FIELD(struct stat, st_dev, THUNK_UINT, 8),
    THUNK_PAD(4),
    { .name = "__st_ino", .kind = THUNK_UINT, .guest_size = 0, .count = 1,
      .guest_off = THUNK_AUTO, THUNK_HOST(struct stat, st_ino) },
    THUNK_FIELD(struct stat, st_mode, THUNK_UINT, 4),
    THUNK_FIELD(struct stat, st_nlink, THUNK_UINT, 4),
    THUNK_FIELD(struct stat, st_uid, THUNK_UINT, 0),
    THUNK_FIELD(struct stat, st_gid, THUNK_UINT, 0),
    THUNK_FIELD(struct stat, st_rdev, THUNK_UINT, 8),
    THUNK_PAD(4),
    THUNK_FIELD(struct stat, st_size, THUNK_SINT, 8),
    THUNK_FIELD(struct stat, st_blksize, THUNK_UINT, 0),
    THUNK_FIELD(struct stat, st_blocks, THUNK_UINT, 8),
    THUNK_FIELD(struct stat, st_atim.tv_sec, THUNK_UINT, 0),
    THUNK_FIELD(struct stat, st_atim.tv_nsec, THUNK_UINT, 0),
    THUNK_FIELD(struct stat, st_mtim.tv_sec, THUNK_UINT, 0),
    THUNK_FIELD(struct stat, st_mtim.tv_nsec, THUNK_UINT, 0),
    THUNK_FIELD(struct stat, st_ctim.tv_sec, THUNK_UINT, 0),
    THUNK_FIELD(struct stat, st_ctim.tv_nsec, THUNK_UINT, 0),
    THUNK_FIELD(struct stat, st_ino, THUNK_UINT, 8),
};

/* ARM struct stat (old, 16-bit ids; the caller checks for overflow). */
static const ThunkField thunk_stat_fields[] = {
    THUNK_FIELD(struct stat, st_dev, THUNK_UINT, 0),
    THUNK_FIELD(struct stat, st_ino, THUNK_UINT, 0),
    THUNK_FIELD(struct stat, st_mode, THUNK_UINT, 2),
    THUNK_FIELD(struct stat, st_nlink, THUNK_UINT, 2),
    THUNK_FIELD(struct stat, st_uid, THUNK_UINT, 2),
    THUNK_FIELD(struct stat, st_gid, THUNK_UINT, 2),
    THUNK_FIELD(struct stat, st_rdev, THUNK_UINT, 0),
    THUNK_FIELD(struct stat, st_size, THUNK_UINT, 0),
    THUNK_FIELD(struct stat, st_blksize, THUNK_UINT, 0),
    THUNK_FIELD(struct stat, st_blocks, THUNK_UINT, 0),
    THUNK_FIELD(struct stat, st_atim.tv_sec, THUNK_UINT, 0),
    THUNK_FIELD(struct stat, st_atim.tv_nsec, THUNK_UINT, 0),
    THUNK_FIELD(struct stat, st_mtim.tv_sec, THUNK_UINT, 0),
    THUNK_FIELD(struct stat, st_mtim.tv_nsec, THUNK_UINT, 0),
    THUNK_FIELD(struct stat, st_ctim.tv_sec, THUNK_UINT, 0),
    THUNK_FIELD(struct stat, st_ctim.tv_nsec, THUNK_UINT, 0),
    THUNK_PAD(8),
};

/* struct statfs64: ARM EABI packs it to 4 bytes (ARCH_PACK_STATFS64),
 * i386 has the same 84-byte layout; explicit offsets make it 84 under any
 * rules. Guests with the padded 88-byte layout override it. */
static const ThunkField thunk_statfs64_fields[] = {
    THUNK_FIELD_AT(struct statfs, f_type, THUNK_UINT, 4, 0),
    THUNK_FIELD_AT(struct statfs, f_bsize, THUNK_UINT, 4, 4),
    THUNK_FIELD_AT(struct statfs, f_blocks, THUNK_UINT, 8, 8),
    THUNK_FIELD_AT(struct statfs, f_bfree, THUNK_UINT, 8, 16),
    THUNK_FIELD_AT(struct statfs, f_bavail, THUNK_UINT, 8, 24),
    THUNK_FIELD_AT(struct statfs, f_files, THUNK_UINT, 8, 32),
    THUNK_FIELD_AT(struct statfs, f_ffree, THUNK_UINT, 8, 40),
    THUNK_ARRAY_AT(struct statfs, f_fsid, THUNK_SINT, 4, 2, 48),
    THUNK_FIELD_AT(struct statfs, f_namelen, THUNK_UINT, 4, 56),
    THUNK_FIELD_AT(struct statfs, f_frsize, THUNK_UINT, 4, 60),
    THUNK_FIELD_AT(struct statfs, f_flags, THUNK_UINT, 4, 64),
    THUNK_ARRAY_AT(struct statfs, f_spare, THUNK_UINT, 4, 4, 68),
};

static const ThunkField thunk_statfs_fields[] = {
    THUNK_FIELD(struct statfs, f_type, THUNK_UINT, 0),
    THUNK_FIELD(struct statfs, f_bsize, THUNK_UINT, 0),
    THUNK_FIELD(struct statfs, f_blocks, THUNK_UINT, 0),
    THUNK_FIELD(struct statfs, f_bfree, THUNK_UINT, 0),
    THUNK_FIELD(struct statfs, f_bavail, THUNK_UINT, 0),
    THUNK_FIELD(struct statfs, f_files, THUNK_UINT, 0),
    THUNK_FIELD(struct statfs, f_ffree, THUNK_UINT, 0),
    THUNK_ARRAY(struct statfs, f_fsid, THUNK_SINT, 4, 2),
    THUNK_FIELD(struct statfs, f_namelen, THUNK_UINT, 0),
    THUNK_FIELD(struct statfs, f_frsize, THUNK_UINT, 0),
    THUNK_FIELD(struct statfs, f_flags, THUNK_UINT, 0),
    THUNK_ARRAY(struct statfs, f_spare, THUNK_UINT, 0, 4),
};

/* struct statx is the same on every architecture (fixed widths): the host
 * buffer has the guest layout, only the byte order may differ. */
static const ThunkField thunk_statx_fields[] = {
    THUNK_RAW("stx_mask", THUNK_UINT, 4, 1, 0),
    THUNK_RAW("stx_blksize", THUNK_UINT, 4, 1, 4),
    THUNK_RAW("stx_attributes", THUNK_UINT, 8, 1, 8),
    THUNK_RAW("stx_nlink", THUNK_UINT, 4, 1, 16),
    THUNK_RAW("stx_uid", THUNK_UINT, 4, 1, 20),
    THUNK_RAW("stx_gid", THUNK_UINT, 4, 1, 24),
    THUNK_RAW("stx_mode", THUNK_UINT, 2, 1, 28),
    THUNK_RAW("stx_ino", THUNK_UINT, 8, 1, 32),
    THUNK_RAW("stx_size", THUNK_UINT, 8, 1, 40),
    THUNK_RAW("stx_blocks", THUNK_UINT, 8, 1, 48),
    THUNK_RAW("stx_attributes_mask", THUNK_UINT, 8, 1, 56),
    THUNK_RAW("stx_atime.tv_sec", THUNK_SINT, 8, 1, 64),
    THUNK_RAW("stx_atime.tv_nsec", THUNK_UINT, 4, 1, 72),
    THUNK_RAW("stx_btime.tv_sec", THUNK_SINT, 8, 1, 80),
    THUNK_RAW("stx_btime.tv_nsec", THUNK_UINT, 4, 1, 88),
    THUNK_RAW("stx_ctime.tv_sec", THUNK_SINT, 8, 1, 96),
    THUNK_RAW("stx_ctime.tv_nsec", THUNK_UINT, 4, 1, 104),
    THUNK_RAW("stx_mtime.tv_sec", THUNK_SINT, 8, 1, 112),
    THUNK_RAW("stx_mtime.tv_nsec", THUNK_UINT, 4, 1, 120),
    THUNK_RAW("stx_rdev_major", THUNK_UINT, 4, 1, 128),
    THUNK_RAW("stx_rdev_minor", THUNK_UINT, 4, 1, 132),
    THUNK_RAW("stx_dev_major", THUNK_UINT, 4, 1, 136),
    THUNK_RAW("stx_dev_minor", THUNK_UINT, 4, 1, 140),
    THUNK_RAW("stx_mnt_id", THUNK_UINT, 8, 1, 144),
    THUNK_RAW("stx_dio_mem_align", THUNK_UINT, 4, 1, 152),
    THUNK_RAW("stx_dio_offset_align", THUNK_UINT, 4, 1, 156),
    THUNK_RAW("spare", THUNK_UINT, 8, 12, 160),
};
_Static_assert(sizeof(struct statx) == TGT_STATX_SIZE, "host statx size");

static const ThunkField thunk_flock64_fields[] = {
    THUNK_FIELD(struct flock, l_type, THUNK_SINT, 2),
    THUNK_FIELD(struct flock, l_whence, THUNK_SINT, 2),
    THUNK_FIELD(struct flock, l_start, THUNK_SINT, 8),
    THUNK_FIELD(struct flock, l_len, THUNK_SINT, 8),
    THUNK_FIELD(struct flock, l_pid, THUNK_SINT, 4),
};

static const ThunkField thunk_flock_fields[] = {
    THUNK_FIELD(struct flock, l_type, THUNK_SINT, 2),
    THUNK_FIELD(struct flock, l_whence, THUNK_SINT, 2),
    THUNK_FIELD(struct flock, l_start, THUNK_SINT, 0),
    THUNK_FIELD(struct flock, l_len, THUNK_SINT, 0),
    THUNK_FIELD(struct flock, l_pid, THUNK_SINT, 4),
};

static const ThunkField thunk_termios_fields[] = {
    THUNK_FIELD(TgtHostTermios, c_iflag, THUNK_UINT, 4),
    THUNK_FIELD(TgtHostTermios, c_oflag, THUNK_UINT, 4),
    THUNK_FIELD(TgtHostTermios, c_cflag, THUNK_UINT, 4),
    THUNK_FIELD(TgtHostTermios, c_lflag, THUNK_UINT, 4),
    THUNK_FIELD(TgtHostTermios, c_line, THUNK_UINT, 1),
    THUNK_ARRAY(TgtHostTermios, c_cc, THUNK_BYTES, 1, TGT_NCCS),
};
_Static_assert(sizeof(TgtHostTermios) == TGT_TERMIOS_SIZE, "termios");

static const ThunkField thunk_winsize_fields[] = {
    THUNK_FIELD(struct winsize, ws_row, THUNK_UINT, 2),
    THUNK_FIELD(struct winsize, ws_col, THUNK_UINT, 2),
    THUNK_FIELD(struct winsize, ws_xpixel, THUNK_UINT, 2),
    THUNK_FIELD(struct winsize, ws_ypixel, THUNK_UINT, 2),
};

/* The host's struct epoll_event is packed (x86_64); the guest's data is
 * 8-aligned by the rules (ARM EABI: 16 bytes). */
static const ThunkField thunk_epoll_event_fields[] = {
    THUNK_FIELD(struct epoll_event, events, THUNK_UINT, 4),
    THUNK_FIELD(struct epoll_event, data.u64, THUNK_UINT, 8),
};

static const ThunkField thunk_pollfd_fields[] = {
    THUNK_FIELD(struct pollfd, fd, THUNK_SINT, 4),
    THUNK_FIELD(struct pollfd, events, THUNK_SINT, 2),
    THUNK_FIELD(struct pollfd, revents, THUNK_SINT, 2),
};

static const ThunkField thunk_msghdr_fields[] = {
    THUNK_FIELD(TgtHostMsghdr, msg_name, THUNK_UINT, 0),
    THUNK_FIELD(TgtHostMsghdr, msg_namelen, THUNK_UINT, 4),
    THUNK_FIELD(TgtHostMsghdr, msg_iov, THUNK_UINT, 0),
    THUNK_FIELD(TgtHostMsghdr, msg_iovlen, THUNK_UINT, 0),
    THUNK_FIELD(TgtHostMsghdr, msg_control, THUNK_UINT, 0),
    THUNK_FIELD(TgtHostMsghdr, msg_controllen, THUNK_UINT, 0),
    THUNK_FIELD(TgtHostMsghdr, msg_flags, THUNK_SINT, 4),
};

static const ThunkField thunk_mmsghdr_fields[] = {
    THUNK_FIELD(TgtHostMmsghdr, hdr.msg_name, THUNK_UINT, 0),
    THUNK_FIELD(TgtHostMmsghdr, hdr.msg_namelen, THUNK_UINT, 4),
    THUNK_FIELD(TgtHostMmsghdr, hdr.msg_iov, THUNK_UINT, 0),
    THUNK_FIELD(TgtHostMmsghdr, hdr.msg_iovlen, THUNK_UINT, 0),
    THUNK_FIELD(TgtHostMmsghdr, hdr.msg_control, THUNK_UINT, 0),
    THUNK_FIELD(TgtHostMmsghdr, hdr.msg_controllen, THUNK_UINT, 0),
    THUNK_FIELD(TgtHostMmsghdr, hdr.msg_flags, THUNK_SINT, 4),
    THUNK_FIELD(TgtHostMmsghdr, msg_len, THUNK_UINT, 4),
};

static const ThunkField thunk_linger_fields[] = {
    THUNK_FIELD(struct linger, l_onoff, THUNK_SINT, 4),
    THUNK_FIELD(struct linger, l_linger, THUNK_SINT, 4),
};

static const ThunkField thunk_ucred_fields[] = {
    THUNK_FIELD(struct ucred, pid, THUNK_SINT, 4),
    THUNK_FIELD(struct ucred, uid, THUNK_UINT, 4),
    THUNK_FIELD(struct ucred, gid, THUNK_UINT, 4),
};

static const ThunkField thunk_tms_fields[] = {
    THUNK_FIELD(struct tms, tms_utime, THUNK_SINT, 0),
    THUNK_FIELD(struct tms, tms_stime, THUNK_SINT, 0),
    THUNK_FIELD(struct tms, tms_cutime, THUNK_SINT, 0),
    THUNK_FIELD(struct tms, tms_cstime, THUNK_SINT, 0),
};

static const ThunkField thunk_rlimit_fields[] = {
    THUNK_FIELD(struct rlimit, rlim_cur, THUNK_UINT, 0),
    THUNK_FIELD(struct rlimit, rlim_max, THUNK_UINT, 0),
};

static const ThunkField thunk_rlimit64_fields[] = {
    THUNK_FIELD(struct rlimit, rlim_cur, THUNK_UINT, 8),
    THUNK_FIELD(struct rlimit, rlim_max, THUNK_UINT, 8),
};

static const ThunkField thunk_rusage_fields[] = {
    THUNK_FIELD(struct rusage, ru_utime.tv_sec, THUNK_SINT, 0),
    THUNK_FIELD(struct rusage, ru_utime.tv_usec, THUNK_SINT, 0),
    THUNK_FIELD(struct rusage, ru_stime.tv_sec, THUNK_SINT, 0),
    THUNK_FIELD(struct rusage, ru_stime.tv_usec, THUNK_SINT, 0),
    THUNK_FIELD(struct rusage, ru_maxrss, THUNK_SINT, 0),
    THUNK_FIELD(struct rusage, ru_ixrss, THUNK_SINT, 0),
    THUNK_FIELD(struct rusage, ru_idrss, THUNK_SINT, 0),
    THUNK_FIELD(struct rusage, ru_isrss, THUNK_SINT, 0),
    THUNK_FIELD(struct rusage, ru_minflt, THUNK_SINT, 0),
    THUNK_FIELD(struct rusage, ru_majflt, THUNK_SINT, 0),
    THUNK_FIELD(struct rusage, ru_nswap, THUNK_SINT, 0),
    THUNK_FIELD(struct rusage, ru_inblock, THUNK_SINT, 0),
    THUNK_FIELD(struct rusage, ru_oublock, THUNK_SINT, 0),
    THUNK_FIELD(struct rusage, ru_msgsnd, THUNK_SINT, 0),
    THUNK_FIELD(struct rusage, ru_msgrcv, THUNK_SINT, 0),
    THUNK_FIELD(struct rusage, ru_nsignals, THUNK_SINT, 0),
    THUNK_FIELD(struct rusage, ru_nvcsw, THUNK_SINT, 0),
    THUNK_FIELD(struct rusage, ru_nivcsw, THUNK_SINT, 0),
};

static const ThunkField thunk_sysinfo_fields[] = {
    THUNK_FIELD(struct sysinfo, uptime, THUNK_SINT, 0),
    THUNK_ARRAY(struct sysinfo, loads, THUNK_UINT, 0, 3),
    THUNK_FIELD(struct sysinfo, totalram, THUNK_UINT, 0),
    THUNK_FIELD(struct sysinfo, freeram, THUNK_UINT, 0),
    THUNK_FIELD(struct sysinfo, sharedram, THUNK_UINT, 0),
    THUNK_FIELD(struct sysinfo, bufferram, THUNK_UINT, 0),
    THUNK_FIELD(struct sysinfo, totalswap, THUNK_UINT, 0),
    THUNK_FIELD(struct sysinfo, freeswap, THUNK_UINT, 0),
    THUNK_FIELD(struct sysinfo, procs, THUNK_UINT, 2),
    THUNK_PAD(2),
    THUNK_FIELD(struct sysinfo, totalhigh, THUNK_UINT, 0),
    THUNK_FIELD(struct sysinfo, freehigh, THUNK_UINT, 0),
    THUNK_FIELD(struct sysinfo, mem_unit, THUNK_UINT, 4),
    THUNK_PAD(8),
};

static const ThunkField thunk_itimerval_fields[] = {
    THUNK_FIELD(struct itimerval, it_interval.tv_sec, THUNK_SINT, 0),
    THUNK_FIELD(struct itimerval, it_interval.tv_usec, THUNK_SINT, 0),
    THUNK_FIELD(struct itimerval, it_value.tv_sec, THUNK_SINT, 0),
    THUNK_FIELD(struct itimerval, it_value.tv_usec, THUNK_SINT, 0),
};

static const ThunkField thunk_timezone_fields[] = {
    THUNK_FIELD(struct timezone, tz_minuteswest, THUNK_SINT, 4),
    THUNK_FIELD(struct timezone, tz_dsttime, THUNK_SINT, 4),
};

static const ThunkField thunk_utimbuf_fields[] = {
    THUNK_FIELD(struct utimbuf, actime, THUNK_SINT, 0),
    THUNK_FIELD(struct utimbuf, modtime, THUNK_SINT, 0),
};

/* The raw statx buffer of the host (same layout as the guest's). */
typedef struct TgtHostStatx {
    uint8_t raw[TGT_STATX_SIZE];
} TgtHostStatx;

const ThunkStruct thunk_generic[THUNK_ID_COUNT] = {
    [THUNK_ID_TIMESPEC] = { "timespec", sizeof(struct timespec), 0,
                            THUNK_COUNT(thunk_timespec_fields),
                            thunk_timespec_fields },
    [THUNK_ID_TIMEVAL] = { "timeval", sizeof(struct timeval), 0,
                           THUNK_COUNT(thunk_timeval_fields),
                           thunk_timeval_fields },
    [THUNK_ID_IOVEC] = { "iovec", sizeof(struct iovec), 0,
                         THUNK_COUNT(thunk_iovec_fields),
                         thunk_iovec_fields },
    [THUNK_ID_TIMESPEC64] = { "__kernel_timespec", sizeof(struct timespec),
                              16, THUNK_COUNT(thunk_timespec64_fields),
                              thunk_timespec64_fields },
    [THUNK_ID_STAT64] = { "stat64", sizeof(struct stat), 0,
                          THUNK_COUNT(thunk_stat64_fields),
                          thunk_stat64_fields },
    [THUNK_ID_STAT] = { "stat", sizeof(struct stat), 0,
                        THUNK_COUNT(thunk_stat_fields), thunk_stat_fields },
    [THUNK_ID_STATFS64] = { "statfs64", sizeof(struct statfs),
                            TGT_EABI_STATFS64_SIZE,
                            THUNK_COUNT(thunk_statfs64_fields),
                            thunk_statfs64_fields },
    [THUNK_ID_STATFS] = { "statfs", sizeof(struct statfs), 0,
                          THUNK_COUNT(thunk_statfs_fields),
                          thunk_statfs_fields },
    [THUNK_ID_STATX] = { "statx", sizeof(TgtHostStatx), TGT_STATX_SIZE,
                         THUNK_COUNT(thunk_statx_fields), thunk_statx_fields },
    [THUNK_ID_FLOCK64] = { "flock64", sizeof(struct flock), 0,
                           THUNK_COUNT(thunk_flock64_fields),
                           thunk_flock64_fields },
    [THUNK_ID_FLOCK] = { "flock", sizeof(struct flock), 0,
                         THUNK_COUNT(thunk_flock_fields),
                         thunk_flock_fields },
    [THUNK_ID_TERMIOS] = { "termios", sizeof(TgtHostTermios),
                           TGT_TERMIOS_SIZE,
                           THUNK_COUNT(thunk_termios_fields),
                           thunk_termios_fields },
    [THUNK_ID_WINSIZE] = { "winsize", sizeof(struct winsize), 0,
                           THUNK_COUNT(thunk_winsize_fields),
                           thunk_winsize_fields },
    [THUNK_ID_EPOLL_EVENT] = { "epoll_event", sizeof(struct epoll_event), 0,
                               THUNK_COUNT(thunk_epoll_event_fields),
                               thunk_epoll_event_fields },
    [THUNK_ID_POLLFD] = { "pollfd", sizeof(struct pollfd), 0,
                          THUNK_COUNT(thunk_pollfd_fields),
                          thunk_pollfd_fields },
    [THUNK_ID_MSGHDR] = { "msghdr", sizeof(TgtHostMsghdr), 0,
                          THUNK_COUNT(thunk_msghdr_fields),
                          thunk_msghdr_fields },
    [THUNK_ID_MMSGHDR] = { "mmsghdr", sizeof(TgtHostMmsghdr), 0,
                           THUNK_COUNT(thunk_mmsghdr_fields),
                           thunk_mmsghdr_fields },
    [THUNK_ID_LINGER] = { "linger", sizeof(struct linger), 0,
                          THUNK_COUNT(thunk_linger_fields),
                          thunk_linger_fields },
    [THUNK_ID_UCRED] = { "ucred", sizeof(struct ucred), 0,
                         THUNK_COUNT(thunk_ucred_fields),
                         thunk_ucred_fields },
    [THUNK_ID_TMS] = { "tms", sizeof(struct tms), 0,
                       THUNK_COUNT(thunk_tms_fields), thunk_tms_fields },
    [THUNK_ID_RLIMIT] = { "rlimit", sizeof(struct rlimit), 0,
                          THUNK_COUNT(thunk_rlimit_fields),
                          thunk_rlimit_fields },
    [THUNK_ID_RLIMIT64] = { "rlimit64", sizeof(struct rlimit), 0,
                            THUNK_COUNT(thunk_rlimit64_fields),
                            thunk_rlimit64_fields },
    [THUNK_ID_RUSAGE] = { "rusage", sizeof(struct rusage), 0,
                          THUNK_COUNT(thunk_rusage_fields),
                          thunk_rusage_fields },
    [THUNK_ID_SYSINFO] = { "sysinfo", sizeof(struct sysinfo), 0,
                           THUNK_COUNT(thunk_sysinfo_fields),
                           thunk_sysinfo_fields },
    [THUNK_ID_ITIMERVAL] = { "itimerval", sizeof(struct itimerval), 0,
                             THUNK_COUNT(thunk_itimerval_fields),
                             thunk_itimerval_fields },
    [THUNK_ID_TIMEZONE] = { "timezone", sizeof(struct timezone), 0,
                            THUNK_COUNT(thunk_timezone_fields),
                            thunk_timezone_fields },
    [THUNK_ID_UTIMBUF] = { "utimbuf", sizeof(struct utimbuf), 0,
                           THUNK_COUNT(thunk_utimbuf_fields),
                           thunk_utimbuf_fields },
};

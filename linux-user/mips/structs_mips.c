/* linux-user/mips/structs_mips.c — o32 struct layouts that differ from the
 * generic descriptions (thunk_structs.h), indexed by THUNK_ID_*: stat and
 * stat64 (padding, st_blksize before st_blocks), statfs and statfs64
 * (f_frsize third, f_bavail after f_ffree), flock (l_sysid and padding),
 * termios (23 control characters in MIPS's own order). NULL entries use
 * the generic layout under o32's rules (4-byte long, 8-byte alignment of
 * 64-bit members, the guest's byte order). Offsets are the kernel's
 * (arch/mips/include/uapi/asm/stat.h, statfs.h, fcntl.h, termbits.h).
 */
#include <fcntl.h>
#include <stddef.h>
#include <sys/stat.h>
#include <sys/statfs.h>

#include "abi_mips.h"

#define MIPS_F(htype, member, knd, gsize, goff) \
    THUNK_FIELD_AT(htype, member, knd, gsize, goff)
#define MIPS_COUNT(a) ((uint16_t)(sizeof(a) / sizeof((a)[0])))

/* struct stat64 (104 bytes). */
static const ThunkField mips_stat64_fields[] = {
    MIPS_F(struct stat, st_dev, THUNK_UINT, 4, 0),
    MIPS_F(struct stat, st_ino, THUNK_UINT, 8, 16),
    MIPS_F(struct stat, st_mode, THUNK_UINT, 4, 24),
    MIPS_F(struct stat, st_nlink, THUNK_UINT, 4, 28),
    MIPS_F(struct stat, st_uid, THUNK_UINT, 4, 32),
    MIPS_F(struct stat, st_gid, THUNK_UINT, 4, 36),
    MIPS_F(struct stat, st_rdev, THUNK_UINT, 4, 40),
    MIPS_F(struct stat, st_size, THUNK_SINT, 8, 56),
    MIPS_F(struct stat, st_atim.tv_sec, THUNK_SINT, 4, 64),
    MIPS_F(struct stat, st_atim.tv_nsec, THUNK_UINT, 4, 68),
    MIPS_F(struct stat, st_mtim.tv_sec, THUNK_SINT, 4, 72),
    MIPS_F(struct stat, st_mtim.tv_nsec, THUNK_UINT, 4, 76),
    MIPS_F(struct stat, st_ctim.tv_sec, THUNK_SINT, 4, 80),
    MIPS_F(struct stat, st_ctim.tv_nsec, THUNK_UINT, 4, 84),
    MIPS_F(struct stat, st_blksize, THUNK_UINT, 4, 88),
    MIPS_F(struct stat, st_blocks, THUNK_SINT, 8, 96),
};

/* struct stat (144 bytes, 32-bit ino and size). */
static const ThunkField mips_stat_fields[] = {
    MIPS_F(struct stat, st_dev, THUNK_UINT, 4, 0),
    MIPS_F(struct stat, st_ino, THUNK_UINT, 4, 16),
    MIPS_F(struct stat, st_mode, THUNK_UINT, 4, 20),
    MIPS_F(struct stat, st_nlink, THUNK_UINT, 4, 24),
    MIPS_F(struct stat, st_uid, THUNK_UINT, 4, 28),
    MIPS_F(struct stat, st_gid, THUNK_UINT, 4, 32),
    MIPS_F(struct stat, st_rdev, THUNK_UINT, 4, 36),
    MIPS_F(struct stat, st_size, THUNK_SINT, 4, 48),
    MIPS_F(struct stat, st_atim.tv_sec, THUNK_SINT, 4, 56),
    MIPS_F(struct stat, st_atim.tv_nsec, THUNK_UINT, 4, 60),
    MIPS_F(struct stat, st_mtim.tv_sec, THUNK_SINT, 4, 64),
    MIPS_F(struct stat, st_mtim.tv_nsec, THUNK_UINT, 4, 68),
    MIPS_F(struct stat, st_ctim.tv_sec, THUNK_SINT, 4, 72),
    MIPS_F(struct stat, st_ctim.tv_nsec, THUNK_UINT, 4, 76),
    MIPS_F(struct stat, st_blksize, THUNK_UINT, 4, 80),
    MIPS_F(struct stat, st_blocks, THUNK_SINT, 4, 84),
};

/* struct statfs64 (96 bytes). */
static const ThunkField mips_statfs64_fields[] = {
    MIPS_F(struct statfs, f_type, THUNK_UINT, 4, 0),
    MIPS_F(struct statfs, f_bsize, THUNK_UINT, 4, 4),
    MIPS_F(struct statfs, f_frsize, THUNK_UINT, 4, 8),
    MIPS_F(struct statfs, f_blocks, THUNK_UINT, 8, 16),
    MIPS_F(struct statfs, f_bfree, THUNK_UINT, 8, 24),
    MIPS_F(struct statfs, f_files, THUNK_UINT, 8, 32),
    MIPS_F(struct statfs, f_ffree, THUNK_UINT, 8, 40),
    MIPS_F(struct statfs, f_bavail, THUNK_UINT, 8, 48),
    { .name = "f_fsid", .kind = THUNK_SINT, .guest_size = 4, .count = 2,
      .guest_off = 56, THUNK_HOST(struct statfs, f_fsid) },
    MIPS_F(struct statfs, f_namelen, THUNK_UINT, 4, 64),
    MIPS_F(struct statfs, f_flags, THUNK_UINT, 4, 68),
};

/* struct statfs (84 bytes, longs). */
static const ThunkField mips_statfs_fields[] = {
    MIPS_F(struct statfs, f_type, THUNK_UINT, 4, 0),
    MIPS_F(struct statfs, f_bsize, THUNK_UINT, 4, 4),
    MIPS_F(struct statfs, f_frsize, THUNK_UINT, 4, 8),
    MIPS_F(struct statfs, f_blocks, THUNK_UINT, 4, 12),
    MIPS_F(struct statfs, f_bfree, THUNK_UINT, 4, 16),
    MIPS_F(struct statfs, f_files, THUNK_UINT, 4, 20),
    MIPS_F(struct statfs, f_ffree, THUNK_UINT, 4, 24),
    MIPS_F(struct statfs, f_bavail, THUNK_UINT, 4, 28),
    { .name = "f_fsid", .kind = THUNK_SINT, .guest_size = 4, .count = 2,
      .guest_off = 32, THUNK_HOST(struct statfs, f_fsid) },
    MIPS_F(struct statfs, f_namelen, THUNK_UINT, 4, 40),
    MIPS_F(struct statfs, f_flags, THUNK_UINT, 4, 44),
};

/* struct flock (36 bytes: l_sysid, then l_pid and four pad longs). */
static const ThunkField mips_flock_fields[] = {
    MIPS_F(struct flock, l_type, THUNK_SINT, 2, 0),
    MIPS_F(struct flock, l_whence, THUNK_SINT, 2, 2),
    MIPS_F(struct flock, l_start, THUNK_SINT, 4, 4),
    MIPS_F(struct flock, l_len, THUNK_SINT, 4, 8),
    MIPS_F(struct flock, l_pid, THUNK_SINT, 4, 16),
};

/* The kernel's struct termios (40 bytes): c_line then c_cc[23] in MIPS's
 * order; each control character goes to its generic slot of the host
 * struct (VDSUSP, 11, has none). MIPS index -> generic index. */
#define MIPS_CC(gidx, midx) \
    { .name = "c_cc", .kind = THUNK_UINT, .guest_size = 1, .count = 1, \
      .guest_off = 17 + (midx), .host_size = 1, \
      .host_off = offsetof(TgtHostTermios, c_cc) + (gidx) }
static const ThunkField mips_termios_fields[] = {
    MIPS_F(TgtHostTermios, c_iflag, THUNK_UINT, 4, 0),
    MIPS_F(TgtHostTermios, c_oflag, THUNK_UINT, 4, 4),
    MIPS_F(TgtHostTermios, c_cflag, THUNK_UINT, 4, 8),
    MIPS_F(TgtHostTermios, c_lflag, THUNK_UINT, 4, 12),
    MIPS_F(TgtHostTermios, c_line, THUNK_UINT, 1, 16),
    MIPS_CC(0, 0),      /* VINTR */
    MIPS_CC(1, 1),      /* VQUIT */
    MIPS_CC(2, 2),      /* VERASE */
    MIPS_CC(3, 3),      /* VKILL */
    MIPS_CC(6, 4),      /* VMIN */
    MIPS_CC(5, 5),      /* VTIME */
    MIPS_CC(16, 6),     /* VEOL2 */
    MIPS_CC(7, 7),      /* VSWTC */
    MIPS_CC(8, 8),      /* VSTART */
    MIPS_CC(9, 9),      /* VSTOP */
    MIPS_CC(10, 10),    /* VSUSP */
    MIPS_CC(12, 12),    /* VREPRINT */
    MIPS_CC(13, 13),    /* VDISCARD */
    MIPS_CC(14, 14),    /* VWERASE */
    MIPS_CC(15, 15),    /* VLNEXT */
    MIPS_CC(4, 16),     /* VEOF */
    MIPS_CC(11, 17),    /* VEOL */
};

static const ThunkStruct mips_stat64 = {
    "stat64", sizeof(struct stat), 104, MIPS_COUNT(mips_stat64_fields),
    mips_stat64_fields,
};
static const ThunkStruct mips_stat = {
    "stat", sizeof(struct stat), 144, MIPS_COUNT(mips_stat_fields),
    mips_stat_fields,
};
static const ThunkStruct mips_statfs64 = {
    "statfs64", sizeof(struct statfs), 96, MIPS_COUNT(mips_statfs64_fields),
    mips_statfs64_fields,
};
static const ThunkStruct mips_statfs = {
    "statfs", sizeof(struct statfs), 84, MIPS_COUNT(mips_statfs_fields),
    mips_statfs_fields,
};
static const ThunkStruct mips_flock = {
    "flock", sizeof(struct flock), 36, MIPS_COUNT(mips_flock_fields),
    mips_flock_fields,
};
static const ThunkStruct mips_termios = {
    "termios", sizeof(TgtHostTermios), 40, MIPS_COUNT(mips_termios_fields),
    mips_termios_fields,
};

const ThunkStruct *const mips_structs[THUNK_ID_COUNT] = {
    [THUNK_ID_STAT64] = &mips_stat64,
    [THUNK_ID_STAT] = &mips_stat,
    [THUNK_ID_STATFS64] = &mips_statfs64,
    [THUNK_ID_STATFS] = &mips_statfs,
    [THUNK_ID_FLOCK] = &mips_flock,
    [THUNK_ID_TERMIOS] = &mips_termios,
};

/* linux-user/syscall_file.c — file and directory syscalls: open family,
 * stat family (stat64, fstatat64, statx…), getdents, readlink, and the
 * path operations (access, chmod, chown, link, unlink, rename, mkdir,
 * symlink, mknod, statfs, truncate, utimensat, chdir, getcwd…).
 * Paths go through sys_get_path (-L prefix); /proc through proc.c.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/time.h>
#include <unistd.h>
#include <utime.h>

#include "guest_mem.h"
#include "syscall.h"
#include "syscall_util.h"
#include "thunk_structs.h"

/* ---- open ------------------------------------------------------------ */

static int64_t sys_do_openat(int dirfd, uint32_t gpath, uint32_t gflags,
                             uint32_t mode)
{
    SysPath p;
    int hflags = sys_open_flags_to_host(gflags);
    int r = sys_get_path(&p, gpath);

    if (r < 0) {
        return r;
    }
    if (p.guest[0] == '/') {
        bool handled = false;
        int fd = proc_open(p.guest, hflags, &handled);
        if (handled) {
            return fd;
        }
    }
    return sys_restartable(sys_ret(openat(dirfd, p.host, hflags, mode)));
}

static int64_t sys_open(CpuCommon *cpu, const SyscallCall *c)
{
    switch (c->id) {
    case SYSID_open:
        return sys_do_openat(AT_FDCWD, sys_u32(c, 0), sys_u32(c, 1),
                             sys_u32(c, 2));
    case SYSID_creat:
        return sys_do_openat(AT_FDCWD, sys_u32(c, 0),
                             sys_open_flags_to_guest(O_CREAT | O_WRONLY
                                                     | O_TRUNC),
                             sys_u32(c, 1));
    default:
        return sys_do_openat(sys_dirfd(c, 0), sys_u32(c, 1), sys_u32(c, 2),
                             sys_u32(c, 3));
    }
}

static int64_t sys_close(CpuCommon *cpu, const SyscallCall *c)
{
    return sys_ret(close(sys_int(c, 0)));
}

static int64_t sys_close_range(CpuCommon *cpu, const SyscallCall *c)
{
    return sys_ret(syscall(SYS_close_range, sys_u32(c, 0), sys_u32(c, 1),
                           sys_u32(c, 2)));
}

/* ---- stat ------------------------------------------------------------ */

/* stat64 family: host fstatat then the guest's struct stat64 (or the old
 * struct stat with EOVERFLOW checks). */
static int64_t sys_put_stat(uint32_t gbuf, const struct stat *st, bool old)
{
    if (old) {
        if (st->st_ino > UINT32_MAX || st->st_size > INT32_MAX
            || st->st_uid > 0xffff || st->st_gid > 0xffff
            || st->st_nlink > 0xffff) {
            return -EOVERFLOW;
        }
        return thunk_to_guest_mem(thunk_layout(THUNK_ID_STAT), gbuf, st);
    }
    return thunk_to_guest_mem(thunk_layout(THUNK_ID_STAT64), gbuf, st);
}

static int64_t sys_stat(CpuCommon *cpu, const SyscallCall *c)
{
    struct stat st;
    SysPath p;
    int dirfd = AT_FDCWD, flags = 0, r;
    uint32_t gpath, gbuf;
    bool old = false;

    switch (c->id) {
    case SYSID_fstat:
    case SYSID_fstat64:
        old = c->id == SYSID_fstat;
        if (fstat(sys_int(c, 0), &st) < 0) {
            return -errno;
        }
        return sys_put_stat(sys_u32(c, 1), &st, old);
    case SYSID_fstatat64:
        dirfd = sys_dirfd(c, 0);
        gpath = sys_u32(c, 1);
        gbuf = sys_u32(c, 2);
        flags = sys_int(c, 3);
        break;
    case SYSID_lstat:
    case SYSID_lstat64:
        flags = AT_SYMLINK_NOFOLLOW;
        /* fall through */
    default:
        old = c->id == SYSID_stat || c->id == SYSID_lstat;
        gpath = sys_u32(c, 0);
        gbuf = sys_u32(c, 1);
        break;
    }
    r = sys_get_path(&p, gpath);
    if (r < 0) {
        return r;
    }
    if (fstatat(dirfd, p.host, &st, flags) < 0) {
        return -errno;
    }
    return sys_put_stat(gbuf, &st, old);
}

static int64_t sys_statx(CpuCommon *cpu, const SyscallCall *c)
{
    uint8_t buf[TGT_STATX_SIZE];
    SysPath p;
    int r = sys_get_path(&p, sys_u32(c, 1));

    if (r < 0) {
        return r;
    }
    memset(buf, 0, sizeof(buf));
    if (syscall(SYS_statx, sys_dirfd(c, 0), p.host, sys_int(c, 2),
                sys_u32(c, 3), buf) < 0) {
        return -errno;
    }
    return thunk_to_guest_mem(thunk_layout(THUNK_ID_STATX), sys_u32(c, 4),
                              buf);
}

/* ---- getdents -------------------------------------------------------- */

/* Host struct linux_dirent64 header. */
typedef struct SysDirent64 {
    uint64_t d_ino;
    int64_t d_off;
    uint16_t d_reclen;
    uint8_t d_type;
    char d_name[];
} __attribute__((packed)) SysDirent64;

static int64_t sys_getdents64(CpuCommon *cpu, const SyscallCall *c)
{
    uint32_t count = sys_u32(c, 2), gbuf = sys_u32(c, 1);
    uint8_t *buf = guest_access(gbuf, count, PAGE_WRITE);
    long n;

    if (!buf) {
        return -EFAULT;
    }
    n = syscall(SYS_getdents64, sys_int(c, 0), buf, count);
    if (n < 0) {
        return -errno;
    }
    /* Same layout and 8-byte record alignment for every guest: only the
     * byte order may need fixing. */
    if (guest_is_big_endian()) {
        for (long off = 0; off < n;) {
            SysDirent64 *d = (SysDirent64 *)(buf + off);
            uint16_t reclen = d->d_reclen;
            d->d_ino = guest_tswap64(d->d_ino);
            d->d_off = (int64_t)guest_tswap64((uint64_t)d->d_off);
            d->d_reclen = guest_tswap16(reclen);
            off += reclen;
        }
    }
    return n;
}

/* Old getdents: struct linux_dirent with guest longs; records aligned to
 * the guest long, d_type in the last byte. Converted records are never
 * longer than the host's 64-bit ones, so one host read fills them. */
static int64_t sys_getdents(CpuCommon *cpu, const SyscallCall *c)
{
    uint32_t count = sys_u32(c, 2), gbuf = sys_u32(c, 1);
    uint8_t *host, *out;
    long n, in = 0;
    uint32_t w = 0;

    if (!guest_range_ok(gbuf, count, PAGE_WRITE)) {
        return -EFAULT;
    }
    host = malloc(count ? count : 1);
    if (!host) {
        return -ENOMEM;
    }
    n = syscall(SYS_getdents64, sys_int(c, 0), host, count);
    if (n < 0) {
        int e = errno;
        free(host);
        return -e;
    }
    /* Converted in host memory, then one checked copy (the guest page
     * may fault even though it is mapped). */
    out = malloc(count ? count : 1);
    if (!out) {
        free(host);
        return -ENOMEM;
    }
    while (in < n) {
        SysDirent64 *d = (SysDirent64 *)(host + in);
        size_t namelen = strlen(d->d_name);
        uint32_t reclen = (uint32_t)((10 + namelen + 2 + 3) & ~(size_t)3);
        uint8_t *r = out + w;

        if (w + reclen > count) {
            break;
        }
        memset(r, 0, reclen);
        {
            uint32_t ino = guest_tswap32((uint32_t)d->d_ino);
            uint32_t doff = guest_tswap32((uint32_t)d->d_off);
            uint16_t rl = guest_tswap16((uint16_t)reclen);
            memcpy(r, &ino, 4);
            memcpy(r + 4, &doff, 4);
            memcpy(r + 8, &rl, 2);
        }
        memcpy(r + 10, d->d_name, namelen + 1);
        r[reclen - 1] = d->d_type;
        w += reclen;
        in += d->d_reclen;
    }
    free(host);
    if (copy_to_guest(gbuf, out, w) < 0) {
        free(out);
        return -EFAULT;
    }
    free(out);
    return w;
}

/* ---- readlink -------------------------------------------------------- */

static int64_t sys_readlink(CpuCommon *cpu, const SyscallCall *c)
{
    bool at = c->id == SYSID_readlinkat;
    int dirfd = at ? sys_dirfd(c, 0) : AT_FDCWD;
    uint32_t gbuf = sys_u32(c, at ? 2 : 1);
    int32_t size = sys_int(c, at ? 3 : 2);
    SysPath p;
    char *buf;
    int r;

    r = sys_get_path(&p, sys_u32(c, at ? 1 : 0));
    if (r < 0) {
        return r;
    }
    if (size <= 0) {
        return -EINVAL;
    }
    buf = guest_access(gbuf, (uint32_t)size, PAGE_WRITE);
    if (!buf) {
        return -EFAULT;
    }
    if (p.guest[0] == '/') {
        bool handled = false;
        char link[PATH_MAX];
        size_t room = (size_t)size < sizeof(link) ? (size_t)size
                                                  : sizeof(link);
        int64_t n = proc_readlink(p.guest, link, room, &handled);
        if (handled) {
            return n > 0 && copy_to_guest(gbuf, link, (size_t)n) < 0
                ? -EFAULT : n;
        }
    }
    return sys_ret(readlinkat(dirfd, p.host, buf, (size_t)size));
}

/* ---- path operations --------------------------------------------------- */

static int64_t sys_access(CpuCommon *cpu, const SyscallCall *c)
{
    SysPath p;
    int dirfd = AT_FDCWD, mode, flags = 0, r;
    uint32_t gpath;

    if (c->id == SYSID_access) {
        gpath = sys_u32(c, 0);
        mode = sys_int(c, 1);
    } else {
        dirfd = sys_dirfd(c, 0);
        gpath = sys_u32(c, 1);
        mode = sys_int(c, 2);
        flags = c->id == SYSID_faccessat2 ? sys_int(c, 3) : 0;
    }
    r = sys_get_path(&p, gpath);
    if (r < 0) {
        return r;
    }
    {
        long rr = syscall(SYS_faccessat2, dirfd, p.host, mode, flags);
        if (rr < 0 && errno == ENOSYS && flags == 0) {
            rr = syscall(SYS_faccessat, dirfd, p.host, mode);
        }
        return sys_ret(rr);
    }
}

static int64_t sys_chmod(CpuCommon *cpu, const SyscallCall *c)
{
    SysPath p;
    int r;

    if (c->id == SYSID_fchmod) {
        return sys_ret(fchmod(sys_int(c, 0), sys_u32(c, 1)));
    }
    if (c->id == SYSID_chmod) {
        r = sys_get_path(&p, sys_u32(c, 0));
        return r < 0 ? r : sys_ret(chmod(p.host, sys_u32(c, 1)));
    }
    r = sys_get_path(&p, sys_u32(c, 1));
    if (r < 0) {
        return r;
    }
    if (c->id == SYSID_fchmodat2 && sys_int(c, 3) != 0) {
        return sys_ret(fchmodat(sys_dirfd(c, 0), p.host, sys_u32(c, 2),
                                sys_int(c, 3)));
    }
    return sys_ret(syscall(SYS_fchmodat, sys_dirfd(c, 0), p.host,
                           sys_u32(c, 2)));
}

/* 16-bit ids: 0xffff is "no change" (-1). */
static uint32_t sys_id16(uint32_t v)
{
    v &= 0xffff;
    return v == 0xffff ? UINT32_MAX : v;
}

static int64_t sys_chown(CpuCommon *cpu, const SyscallCall *c)
{
    bool id16 = c->id == SYSID_chown || c->id == SYSID_lchown
        || c->id == SYSID_fchown;
    uint32_t a = c->id == SYSID_fchownat ? 2 : 1;
    uint32_t uid = sys_u32(c, a), gid = sys_u32(c, a + 1);
    int dirfd = AT_FDCWD, flags = 0, r;
    uint32_t gpath = sys_u32(c, 0);
    SysPath p;

    if (id16) {
        uid = sys_id16(uid);
        gid = sys_id16(gid);
    }
    switch (c->id) {
    case SYSID_fchown:
    case SYSID_fchown32:
        return sys_ret(fchown(sys_int(c, 0), uid, gid));
    case SYSID_lchown:
    case SYSID_lchown32:
        flags = AT_SYMLINK_NOFOLLOW;
        break;
    case SYSID_fchownat:
        dirfd = sys_dirfd(c, 0);
        gpath = sys_u32(c, 1);
        flags = sys_int(c, 4);
        break;
    default:
        break;
    }
    r = sys_get_path(&p, gpath);
    if (r < 0) {
        return r;
    }
    return sys_ret(fchownat(dirfd, p.host, uid, gid, flags));
}

/* Two-path calls: link, rename and their *at forms. */
static int64_t sys_link_rename(CpuCommon *cpu, const SyscallCall *c)
{
    SysPath *a = malloc(2 * sizeof(SysPath));
    SysPath *b = a + 1;
    int olddir = AT_FDCWD, newdir = AT_FDCWD, flags = 0;
    uint32_t gold = sys_u32(c, 0), gnew = sys_u32(c, 1);
    int64_t r;

    if (!a) {
        return -ENOMEM;
    }
    switch (c->id) {
    case SYSID_linkat:
    case SYSID_renameat:
    case SYSID_renameat2:
        olddir = sys_dirfd(c, 0);
        gold = sys_u32(c, 1);
        newdir = sys_dirfd(c, 2);
        gnew = sys_u32(c, 3);
        flags = c->id == SYSID_renameat ? 0 : sys_int(c, 4);
        break;
    default:
        break;
    }
    r = sys_get_path(a, gold);
    if (r == 0) {
        r = sys_get_path(b, gnew);
    }
    if (r == 0) {
        switch (c->id) {
        case SYSID_link:
        case SYSID_linkat:
            r = sys_ret(linkat(olddir, a->host, newdir, b->host, flags));
            break;
        default:
            r = sys_ret(syscall(SYS_renameat2, olddir, a->host, newdir,
                                b->host, flags));
            break;
        }
    }
    free(a);
    return r;
}

static int64_t sys_unlink(CpuCommon *cpu, const SyscallCall *c)
{
    SysPath p;
    int dirfd = AT_FDCWD, flags = 0, r;
    uint32_t gpath = sys_u32(c, 0);

    if (c->id == SYSID_unlinkat) {
        dirfd = sys_dirfd(c, 0);
        gpath = sys_u32(c, 1);
        flags = sys_int(c, 2);
    } else if (c->id == SYSID_rmdir) {
        flags = AT_REMOVEDIR;
    }
    r = sys_get_path(&p, gpath);
    return r < 0 ? r : sys_ret(unlinkat(dirfd, p.host, flags));
}

static int64_t sys_mkdir(CpuCommon *cpu, const SyscallCall *c)
{
    bool at = c->id == SYSID_mkdirat;
    SysPath p;
    int r = sys_get_path(&p, sys_u32(c, at ? 1 : 0));

    if (r < 0) {
        return r;
    }
    return sys_ret(mkdirat(at ? sys_dirfd(c, 0) : AT_FDCWD, p.host,
                           sys_u32(c, at ? 2 : 1)));
}

static int64_t sys_symlink(CpuCommon *cpu, const SyscallCall *c)
{
    bool at = c->id == SYSID_symlinkat;
    char *target = NULL;
    SysPath p;
    int64_t r;

    /* The target is link content, not a path looked up now: no prefix. */
    r = guest_strdup(sys_u32(c, 0), PATH_MAX, &target);
    if (r < 0) {
        return r;
    }
    r = sys_get_path(&p, sys_u32(c, at ? 2 : 1));
    if (r == 0) {
        r = sys_ret(symlinkat(target, at ? sys_dirfd(c, 1) : AT_FDCWD,
                              p.host));
    }
    free(target);
    return r;
}

/* A 32-bit dev_t as the kernel decodes it (new_decode_dev). */
static dev_t sys_decode_dev(uint32_t dev)
{
    uint32_t major = (dev & 0xfff00) >> 8;
    uint32_t minor = (dev & 0xff) | ((dev >> 12) & 0xfff00);
    return makedev(major, minor);
}

static int64_t sys_mknod(CpuCommon *cpu, const SyscallCall *c)
{
    bool at = c->id == SYSID_mknodat;
    unsigned a = at ? 1 : 0;
    SysPath p;
    int r = sys_get_path(&p, sys_u32(c, a));

    if (r < 0) {
        return r;
    }
    return sys_ret(mknodat(at ? sys_dirfd(c, 0) : AT_FDCWD, p.host,
                           sys_u32(c, a + 1),
                           sys_decode_dev(sys_u32(c, a + 2))));
}

static int64_t sys_statfs(CpuCommon *cpu, const SyscallCall *c)
{
    bool is64 = c->id == SYSID_statfs64 || c->id == SYSID_fstatfs64;
    bool byfd = c->id == SYSID_fstatfs || c->id == SYSID_fstatfs64;
    const ThunkLayout *l = thunk_layout(is64 ? THUNK_ID_STATFS64
                                             : THUNK_ID_STATFS);
    uint32_t gbuf = sys_u32(c, is64 ? 2 : 1);
    struct statfs st;
    SysPath p;
    int r;

    if (is64) {
        uint32_t sz = sys_u32(c, 1);
        /* ARM EABI's libc may pass the padded 88 (the kernel accepts it). */
        if (sz != l->guest_size && !(l->guest_size == 84 && sz == 88)) {
            return -EINVAL;
        }
    }
    if (byfd) {
        r = fstatfs(sys_int(c, 0), &st);
    } else {
        r = sys_get_path(&p, sys_u32(c, 0));
        if (r < 0) {
            return r;
        }
        r = statfs(p.host, &st);
    }
    if (r < 0) {
        return -errno;
    }
    if (!is64 && (st.f_blocks > UINT32_MAX || st.f_files > UINT32_MAX)) {
        return -EOVERFLOW;
    }
    return thunk_to_guest_mem(l, gbuf, &st);
}

static int64_t sys_sync(CpuCommon *cpu, const SyscallCall *c)
{
    switch (c->id) {
    case SYSID_sync:
        sync();
        return 0;
    case SYSID_syncfs:
        return sys_ret(syncfs(sys_int(c, 0)));
    case SYSID_fsync:
        return sys_restartable(sys_ret(fsync(sys_int(c, 0))));
    default:
        return sys_restartable(sys_ret(fdatasync(sys_int(c, 0))));
    }
}

static int64_t sys_path1(CpuCommon *cpu, const SyscallCall *c)
{
    SysPath p;
    int r = sys_get_path(&p, sys_u32(c, 0));

    if (r < 0) {
        return r;
    }
    switch (c->id) {
    case SYSID_chroot:
        return sys_ret(chroot(p.host));
    case SYSID_chdir:
        return sys_ret(chdir(p.host));
    case SYSID_truncate:
        return sys_ret(truncate(p.host, (off_t)sys_int(c, 1)));
    default: /* truncate64 */
        return sys_ret(truncate(p.host, (off_t)sys_arg64(c, 1)));
    }
}

static int64_t sys_fd_misc(CpuCommon *cpu, const SyscallCall *c)
{
    int fd = sys_int(c, 0);

    switch (c->id) {
    case SYSID_fchdir:
        return sys_ret(fchdir(fd));
    case SYSID_ftruncate:
        return sys_ret(ftruncate(fd, (off_t)sys_int(c, 1)));
    case SYSID_ftruncate64:
        return sys_ret(ftruncate(fd, (off_t)sys_arg64(c, 1)));
    case SYSID_fallocate:
        return sys_ret(fallocate(fd, sys_int(c, 1), (off_t)sys_arg64(c, 2),
                                 (off_t)sys_arg64(c, 4)));
    case SYSID_arm_fadvise64_64: {
        /* ARM: (fd, advice, offset, len) so the pairs are aligned. */
        int r = posix_fadvise(fd, (off_t)sys_arg64(c, 2),
                              (off_t)sys_arg64(c, 4), sys_int(c, 1));
        return -r;
    }
    case SYSID_arm_sync_file_range:
        return sys_ret(sync_file_range(fd, (off_t)sys_arg64(c, 2),
                                       (off_t)sys_arg64(c, 4),
                                       sys_u32(c, 1)));
    default: /* readahead(fd, [pad], offset, count) */
        return sys_ret(readahead(fd, (off_t)sys_arg64(c, 1),
                                 sys_u32(c, syscall_pair_index(1) + 2)));
    }
}

/* utimensat (32-bit or time64 timespecs), utimes, futimesat, utime. */
static int64_t sys_utimes(CpuCommon *cpu, const SyscallCall *c)
{
    struct timespec ts[2], *tsp = NULL;
    SysPath p;
    const char *path = NULL;
    int dirfd = AT_FDCWD, flags = 0, r;
    uint32_t gpath, gtimes;

    switch (c->id) {
    case SYSID_utimensat:
    case SYSID_utimensat_time64: {
        bool t64 = c->id == SYSID_utimensat_time64;
        uint32_t sz = t64 ? 16 : 8;
        dirfd = sys_dirfd(c, 0);
        gpath = sys_u32(c, 1);
        gtimes = sys_u32(c, 2);
        flags = sys_int(c, 3);
        if (gtimes) {
            if ((r = sys_get_timespec(&ts[0], gtimes, t64)) < 0
                || (r = sys_get_timespec(&ts[1], gtimes + sz, t64)) < 0) {
                return r;
            }
            tsp = ts;
        }
        break;
    }
    case SYSID_futimesat:
    case SYSID_utimes: {
        bool at = c->id == SYSID_futimesat;
        struct timeval tv[2];
        dirfd = at ? sys_dirfd(c, 0) : AT_FDCWD;
        gpath = sys_u32(c, at ? 1 : 0);
        gtimes = sys_u32(c, at ? 2 : 1);
        if (gtimes) {
            const ThunkLayout *l = thunk_layout(THUNK_ID_TIMEVAL);
            r = thunk_array_from_guest_mem(l, tv, gtimes, 2);
            if (r < 0) {
                return r;
            }
            for (int i = 0; i < 2; i++) {
                if (tv[i].tv_usec < 0 || tv[i].tv_usec >= 1000000) {
                    return -EINVAL;
                }
                ts[i].tv_sec = tv[i].tv_sec;
                ts[i].tv_nsec = tv[i].tv_usec * 1000;
            }
            tsp = ts;
        }
        break;
    }
    default: /* utime(path, struct utimbuf *) */
        gpath = sys_u32(c, 0);
        gtimes = sys_u32(c, 1);
        if (gtimes) {
            struct utimbuf ub;
            r = thunk_from_guest_mem(thunk_layout(THUNK_ID_UTIMBUF), &ub,
                                     gtimes);
            if (r < 0) {
                return r;
            }
            ts[0].tv_sec = ub.actime;
            ts[1].tv_sec = ub.modtime;
            ts[0].tv_nsec = ts[1].tv_nsec = 0;
            tsp = ts;
        }
        break;
    }
    if (gpath) {
        r = sys_get_path(&p, gpath);
        if (r < 0) {
            return r;
        }
        path = p.host;
    }
    /* A NULL path (utimensat on dirfd itself) needs the raw syscall. */
    return sys_ret(syscall(SYS_utimensat, dirfd, path, tsp, flags));
}

static int64_t sys_getcwd(CpuCommon *cpu, const SyscallCall *c)
{
    char buf[PATH_MAX];
    uint32_t size = sys_u32(c, 1);
    size_t len;

    if (!getcwd(buf, sizeof(buf))) {
        return -errno;
    }
    len = strlen(buf) + 1;
    if (len > size) {
        return -ERANGE;
    }
    if (copy_to_guest(sys_u32(c, 0), buf, len) < 0) {
        return -EFAULT;
    }
    return (int64_t)len;
}

static int64_t sys_umask(CpuCommon *cpu, const SyscallCall *c)
{
    return umask(sys_u32(c, 0) & 0777);
}

static int64_t sys_memfd_create(CpuCommon *cpu, const SyscallCall *c)
{
    char name[256];
    int r = guest_strcpy(name, sizeof(name), sys_u32(c, 0));
    uint32_t gflags = sys_u32(c, 1), host;

    if (r < 0) {
        return r == -ENAMETOOLONG ? -EINVAL : r;
    }
    /* MFD_CLOEXEC 1, MFD_ALLOW_SEALING 2, MFD_HUGETLB 4: generic. */
    host = gflags;
    return sys_ret(syscall(SYS_memfd_create, name, host));
}

const SyscallDef syscall_defs_file[] = {
    { .id = SYSID_open, .fn = sys_open,
      .args = { STRACE_STR, STRACE_OPEN_FLAGS, STRACE_OCT } },
    { .id = SYSID_creat, .fn = sys_open,
      .args = { STRACE_STR, STRACE_OCT } },
    { .id = SYSID_openat, .fn = sys_open,
      .args = { STRACE_FD, STRACE_STR, STRACE_OPEN_FLAGS, STRACE_OCT } },
    { .id = SYSID_close, .fn = sys_close,
      .args = { STRACE_FD } },
    { .id = SYSID_close_range, .fn = sys_close_range,
      .args = { STRACE_FD, STRACE_FD, STRACE_HEX } },
    { .id = SYSID_stat, .fn = sys_stat,
      .args = { STRACE_STR, STRACE_PTR } },
    { .id = SYSID_lstat, .fn = sys_stat,
      .args = { STRACE_STR, STRACE_PTR } },
    { .id = SYSID_fstat, .fn = sys_stat,
      .args = { STRACE_FD, STRACE_PTR } },
    { .id = SYSID_stat64, .fn = sys_stat,
      .args = { STRACE_STR, STRACE_PTR } },
    { .id = SYSID_lstat64, .fn = sys_stat,
      .args = { STRACE_STR, STRACE_PTR } },
    { .id = SYSID_fstat64, .fn = sys_stat,
      .args = { STRACE_FD, STRACE_PTR } },
    { .id = SYSID_fstatat64, .fn = sys_stat,
      .args = { STRACE_FD, STRACE_STR, STRACE_PTR, STRACE_HEX } },
    { .id = SYSID_statx, .fn = sys_statx,
      .args = { STRACE_FD, STRACE_STR, STRACE_HEX, STRACE_HEX, STRACE_PTR } },
    { .id = SYSID_getdents, .fn = sys_getdents,
      .args = { STRACE_FD, STRACE_PTR, STRACE_UINT } },
    { .id = SYSID_getdents64, .fn = sys_getdents64,
      .args = { STRACE_FD, STRACE_PTR, STRACE_UINT } },
    { .id = SYSID_readlink, .fn = sys_readlink,
      .args = { STRACE_STR, STRACE_PTR, STRACE_INT } },
    { .id = SYSID_readlinkat, .fn = sys_readlink,
      .args = { STRACE_FD, STRACE_STR, STRACE_PTR, STRACE_INT } },
    { .id = SYSID_access, .fn = sys_access,
      .args = { STRACE_STR, STRACE_OCT } },
    { .id = SYSID_faccessat, .fn = sys_access,
      .args = { STRACE_FD, STRACE_STR, STRACE_OCT } },
    { .id = SYSID_faccessat2, .fn = sys_access,
      .args = { STRACE_FD, STRACE_STR, STRACE_OCT, STRACE_HEX } },
    { .id = SYSID_chmod, .fn = sys_chmod,
      .args = { STRACE_STR, STRACE_OCT } },
    { .id = SYSID_fchmod, .fn = sys_chmod,
      .args = { STRACE_FD, STRACE_OCT } },
    { .id = SYSID_fchmodat, .fn = sys_chmod,
      .args = { STRACE_FD, STRACE_STR, STRACE_OCT } },
    { .id = SYSID_fchmodat2, .fn = sys_chmod,
      .args = { STRACE_FD, STRACE_STR, STRACE_OCT, STRACE_HEX } },
    { .id = SYSID_chown, .fn = sys_chown,
      .args = { STRACE_STR, STRACE_INT, STRACE_INT } },
    { .id = SYSID_lchown, .fn = sys_chown,
      .args = { STRACE_STR, STRACE_INT, STRACE_INT } },
    { .id = SYSID_fchown, .fn = sys_chown,
      .args = { STRACE_FD, STRACE_INT, STRACE_INT } },
    { .id = SYSID_chown32, .fn = sys_chown,
      .args = { STRACE_STR, STRACE_INT, STRACE_INT } },
    { .id = SYSID_lchown32, .fn = sys_chown,
      .args = { STRACE_STR, STRACE_INT, STRACE_INT } },
    { .id = SYSID_fchown32, .fn = sys_chown,
      .args = { STRACE_FD, STRACE_INT, STRACE_INT } },
    { .id = SYSID_fchownat, .fn = sys_chown,
      .args = { STRACE_FD, STRACE_STR, STRACE_INT, STRACE_INT, STRACE_HEX } },
    { .id = SYSID_link, .fn = sys_link_rename,
      .args = { STRACE_STR, STRACE_STR } },
    { .id = SYSID_linkat, .fn = sys_link_rename,
      .args = { STRACE_FD, STRACE_STR, STRACE_FD, STRACE_STR, STRACE_HEX } },
    { .id = SYSID_rename, .fn = sys_link_rename,
      .args = { STRACE_STR, STRACE_STR } },
    { .id = SYSID_renameat, .fn = sys_link_rename,
      .args = { STRACE_FD, STRACE_STR, STRACE_FD, STRACE_STR } },
    { .id = SYSID_renameat2, .fn = sys_link_rename,
      .args = { STRACE_FD, STRACE_STR, STRACE_FD, STRACE_STR, STRACE_HEX } },
    { .id = SYSID_unlink, .fn = sys_unlink,
      .args = { STRACE_STR } },
    { .id = SYSID_unlinkat, .fn = sys_unlink,
      .args = { STRACE_FD, STRACE_STR, STRACE_HEX } },
    { .id = SYSID_rmdir, .fn = sys_unlink,
      .args = { STRACE_STR } },
    { .id = SYSID_mkdir, .fn = sys_mkdir,
      .args = { STRACE_STR, STRACE_OCT } },
    { .id = SYSID_mkdirat, .fn = sys_mkdir,
      .args = { STRACE_FD, STRACE_STR, STRACE_OCT } },
    { .id = SYSID_symlink, .fn = sys_symlink,
      .args = { STRACE_STR, STRACE_STR } },
    { .id = SYSID_symlinkat, .fn = sys_symlink,
      .args = { STRACE_STR, STRACE_FD, STRACE_STR } },
    { .id = SYSID_mknod, .fn = sys_mknod,
      .args = { STRACE_STR, STRACE_OCT, STRACE_HEX } },
    { .id = SYSID_mknodat, .fn = sys_mknod,
      .args = { STRACE_FD, STRACE_STR, STRACE_OCT, STRACE_HEX } },
    { .id = SYSID_statfs, .fn = sys_statfs,
      .args = { STRACE_STR, STRACE_PTR } },
    { .id = SYSID_fstatfs, .fn = sys_statfs,
      .args = { STRACE_FD, STRACE_PTR } },
    { .id = SYSID_statfs64, .fn = sys_statfs,
      .args = { STRACE_STR, STRACE_UINT, STRACE_PTR } },
    { .id = SYSID_fstatfs64, .fn = sys_statfs,
      .args = { STRACE_FD, STRACE_UINT, STRACE_PTR } },
    { .id = SYSID_sync, .fn = sys_sync,
      .args = { STRACE_END } },
    { .id = SYSID_syncfs, .fn = sys_sync,
      .args = { STRACE_FD } },
    { .id = SYSID_fsync, .fn = sys_sync,
      .args = { STRACE_FD } },
    { .id = SYSID_fdatasync, .fn = sys_sync,
      .args = { STRACE_FD } },
    { .id = SYSID_chroot, .fn = sys_path1,
      .args = { STRACE_STR } },
    { .id = SYSID_chdir, .fn = sys_path1,
      .args = { STRACE_STR } },
    { .id = SYSID_truncate, .fn = sys_path1,
      .args = { STRACE_STR, STRACE_INT } },
    { .id = SYSID_truncate64, .fn = sys_path1,
      .args = { STRACE_STR, STRACE_HEX, STRACE_HEX } },
    { .id = SYSID_fchdir, .fn = sys_fd_misc,
      .args = { STRACE_FD } },
    { .id = SYSID_ftruncate, .fn = sys_fd_misc,
      .args = { STRACE_FD, STRACE_INT } },
    { .id = SYSID_ftruncate64, .fn = sys_fd_misc,
      .args = { STRACE_FD, STRACE_HEX, STRACE_HEX } },
    { .id = SYSID_fallocate, .fn = sys_fd_misc,
      .args = { STRACE_FD, STRACE_HEX, STRACE_HEX, STRACE_HEX, STRACE_HEX, STRACE_HEX } },
    { .id = SYSID_arm_fadvise64_64, .fn = sys_fd_misc,
      .args = { STRACE_FD, STRACE_INT, STRACE_HEX, STRACE_HEX, STRACE_HEX, STRACE_HEX } },
    { .id = SYSID_arm_sync_file_range, .fn = sys_fd_misc,
      .args = { STRACE_FD, STRACE_HEX, STRACE_HEX, STRACE_HEX, STRACE_HEX, STRACE_HEX } },
    { .id = SYSID_readahead, .fn = sys_fd_misc,
      .args = { STRACE_FD, STRACE_HEX, STRACE_HEX, STRACE_HEX, STRACE_UINT } },
    { .id = SYSID_utimensat, .fn = sys_utimes,
      .args = { STRACE_FD, STRACE_STR, STRACE_PTR, STRACE_HEX } },
    { .id = SYSID_utimensat_time64, .fn = sys_utimes,
      .args = { STRACE_FD, STRACE_STR, STRACE_PTR, STRACE_HEX } },
    { .id = SYSID_utimes, .fn = sys_utimes,
      .args = { STRACE_STR, STRACE_PTR } },
    { .id = SYSID_futimesat, .fn = sys_utimes,
      .args = { STRACE_FD, STRACE_STR, STRACE_PTR } },
    { .id = SYSID_getcwd, .fn = sys_getcwd,
      .args = { STRACE_PTR, STRACE_UINT } },
    { .id = SYSID_umask, .fn = sys_umask,
      .args = { STRACE_OCT }, .ret = STRACE_RET_HEX },
    { .id = SYSID_memfd_create, .fn = sys_memfd_create,
      .args = { STRACE_STR, STRACE_HEX } },
    { 0 }
};

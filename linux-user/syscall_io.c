/* linux-user/syscall_io.c — file descriptor I/O syscalls: read, vectored
 * and positioned I/O, seeking, sendfile, dup*, pipe*, fcntl (with struct
 * flock thunks and flag translation), flock, eventfd.
 * Large buffers are range-checked then passed to the host directly.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/file.h>
#include <sys/sendfile.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#include "guest_mem.h"
#include "signal.h"
#include "syscall.h"
#include "syscall_util.h"
#include "thunk_structs.h"

/* fcntl commands in the generic Linux numbering (ARM, i386…). Guests with
 * other numbers (MIPS F_GETLK 14…) will need an ABI table. */
enum {
    TGT_F_DUPFD = 0, TGT_F_GETFD = 1, TGT_F_SETFD = 2, TGT_F_GETFL = 3,
    TGT_F_SETFL = 4, TGT_F_GETLK = 5, TGT_F_SETLK = 6, TGT_F_SETLKW = 7,
    TGT_F_SETOWN = 8, TGT_F_GETOWN = 9, TGT_F_SETSIG = 10,
    TGT_F_GETSIG = 11, TGT_F_GETLK64 = 12, TGT_F_SETLK64 = 13,
    TGT_F_SETLKW64 = 14, TGT_F_SETOWN_EX = 15, TGT_F_GETOWN_EX = 16,
    TGT_F_OFD_GETLK = 36, TGT_F_OFD_SETLK = 37, TGT_F_OFD_SETLKW = 38,
    TGT_F_SETLEASE = 1024, TGT_F_GETLEASE = 1025, TGT_F_NOTIFY = 1026,
    TGT_F_DUPFD_CLOEXEC = 1030, TGT_F_SETPIPE_SZ = 1031,
    TGT_F_GETPIPE_SZ = 1032, TGT_F_ADD_SEALS = 1033, TGT_F_GET_SEALS = 1034,
};

/* ---- positioned and vectored I/O (read/write: syscall.c) ---- */

static int64_t sys_pread_pwrite(CpuCommon *cpu, const SyscallCall *c)
{
    bool rd = c->id == SYSID_pread64;
    uint32_t count = sys_u32(c, 2);
    void *buf = guest_access(sys_u32(c, 1), count,
                             rd ? PAGE_WRITE : PAGE_READ);
    off_t off = (off_t)sys_arg64(c, 3);

    if (!buf && count) {
        return -EFAULT;
    }
    return sys_restartable(sys_ret(rd ? pread(sys_int(c, 0), buf, count, off)
                                      : pwrite(sys_int(c, 0), buf, count,
                                               off)));
}

/* readv, writev, preadv(2), pwritev(2): the position comes as two
 * registers (low, high) without pair alignment, as pos_from_hilo. */
static int64_t sys_rwv(CpuCommon *cpu, const SyscallCall *c)
{
    bool rd = c->id == SYSID_readv || c->id == SYSID_preadv
        || c->id == SYSID_preadv2;
    bool pos = c->id != SYSID_readv && c->id != SYSID_writev;
    bool v2 = c->id == SYSID_preadv2 || c->id == SYSID_pwritev2;
    struct iovec *iov;
    int fd = sys_int(c, 0), cnt = sys_int(c, 2);
    off_t off = 0;
    int flags = 0;
    int64_t r;

    if (cnt < 0) {
        return -EINVAL;
    }
    r = sys_get_iovec(&iov, sys_u32(c, 1), (uint32_t)cnt,
                      rd ? PAGE_WRITE : PAGE_READ);
    if (r < 0) {
        return r;
    }
    if (pos) {
        off = (off_t)(c->arg[3] | (c->arg[4] << 32));
    }
    if (v2) {
        flags = sys_int(c, 5);
        /* -1: the current position (preadv2 only). */
        if ((int32_t)c->arg[3] == -1 && (int32_t)c->arg[4] == -1) {
            off = -1;
        }
    }
    if (!pos) {
        r = rd ? readv(fd, iov, cnt) : writev(fd, iov, cnt);
    } else if (v2) {
        r = rd ? preadv2(fd, iov, cnt, off, flags)
               : pwritev2(fd, iov, cnt, off, flags);
    } else {
        r = rd ? preadv(fd, iov, cnt, off) : pwritev(fd, iov, cnt, off);
    }
    r = sys_restartable(sys_ret(r));
    free(iov);
    return r;
}

/* ---- seeking ------------------------------------------------------------ */

static int64_t sys_lseek(CpuCommon *cpu, const SyscallCall *c)
{
    off_t r = lseek(sys_int(c, 0), (off_t)sys_int(c, 1), sys_int(c, 2));

    if (r < 0) {
        return -errno;
    }
    /* The 32-bit lseek cannot say more. */
    return r > INT32_MAX ? -EOVERFLOW : r;
}

static int64_t sys_llseek(CpuCommon *cpu, const SyscallCall *c)
{
    off_t off = (off_t)((c->arg[1] << 32) | (c->arg[2] & 0xffffffffu));
    off_t r = lseek(sys_int(c, 0), off, sys_int(c, 4));

    if (r < 0) {
        return -errno;
    }
    return guest_put_u64(sys_u32(c, 3), (uint64_t)r);
}

/* sendfile (32-bit offset pointer), sendfile64 (loff_t pointer). */
static int64_t sys_sendfile(CpuCommon *cpu, const SyscallCall *c)
{
    bool is64 = c->id == SYSID_sendfile64;
    uint32_t goff = sys_u32(c, 2);
    off_t off = 0;
    ssize_t n;
    int r;

    if (goff) {
        if (is64) {
            uint64_t v;
            r = guest_get_u64(goff, &v);
            off = (off_t)v;
        } else {
            uint32_t v;
            r = guest_get_u32(goff, &v);
            off = (int32_t)v;
        }
        if (r < 0) {
            return r;
        }
    }
    n = sendfile(sys_int(c, 0), sys_int(c, 1), goff ? &off : NULL,
                 sys_u32(c, 3));
    if (n < 0) {
        return sys_restartable(-errno);
    }
    if (goff) {
        r = is64 ? guest_put_u64(goff, (uint64_t)off)
                 : guest_put_u32(goff, (uint32_t)off);
        if (r < 0) {
            return r;
        }
    }
    return n;
}

static int64_t sys_copy_file_range(CpuCommon *cpu, const SyscallCall *c)
{
    uint32_t gin = sys_u32(c, 1), gout = sys_u32(c, 3);
    uint64_t vin = 0, vout = 0;
    loff_t in, out;
    ssize_t n;
    int r;

    if ((gin && (r = guest_get_u64(gin, &vin)) < 0)
        || (gout && (r = guest_get_u64(gout, &vout)) < 0)) {
        return r;
    }
    in = (loff_t)vin;
    out = (loff_t)vout;
    n = copy_file_range(sys_int(c, 0), gin ? &in : NULL, sys_int(c, 2),
                        gout ? &out : NULL, sys_u32(c, 4), sys_u32(c, 5));
    if (n < 0) {
        return -errno;
    }
    if ((gin && (r = guest_put_u64(gin, (uint64_t)in)) < 0)
        || (gout && (r = guest_put_u64(gout, (uint64_t)out)) < 0)) {
        return r;
    }
    return n;
}

/* ---- dup / pipe ---------------------------------------------------------- */

static int64_t sys_dup(CpuCommon *cpu, const SyscallCall *c)
{
    uint32_t rest = 0;
    int flags;

    switch (c->id) {
    case SYSID_dup:
        return sys_ret(dup(sys_int(c, 0)));
    case SYSID_dup2:
        return sys_ret(dup2(sys_int(c, 0), sys_int(c, 1)));
    default:
        flags = sys_fd_flags_to_host(sys_u32(c, 2), &rest);
        if (rest || (flags & O_NONBLOCK)) {
            return -EINVAL;
        }
        return sys_ret(dup3(sys_int(c, 0), sys_int(c, 1), flags));
    }
}

static int64_t sys_pipe(CpuCommon *cpu, const SyscallCall *c)
{
    int fds[2], flags = 0;
    uint32_t rest = 0;

    if (c->id == SYSID_pipe2) {
        uint32_t g = sys_u32(c, 1);
        flags = sys_fd_flags_to_host(g, &rest);
        /* O_DIRECT (packet mode) is the one other flag pipe2 takes. */
        if (rest) {
            int h = sys_open_flags_to_host(rest);
            if (h != O_DIRECT) {
                return -EINVAL;
            }
            flags |= O_DIRECT;
        }
    }
    if (!guest_range_ok(sys_u32(c, 0), 8, PAGE_WRITE)) {
        return -EFAULT;
    }
    if (pipe2(fds, flags) < 0) {
        return -errno;
    }
    if (guest_put_u32(sys_u32(c, 0), (uint32_t)fds[0]) < 0
        || guest_put_u32(sys_u32(c, 0) + 4, (uint32_t)fds[1]) < 0) {
        close(fds[0]);
        close(fds[1]);
        return -EFAULT;
    }
    return 0;
}

/* ---- fcntl --------------------------------------------------------------- */

static int64_t sys_fcntl_lock(int fd, int hcmd, uint32_t garg, bool is64)
{
    const ThunkLayout *l = thunk_layout(is64 ? THUNK_ID_FLOCK64
                                             : THUNK_ID_FLOCK);
    struct flock fl;
    int r;

    memset(&fl, 0, sizeof(fl));
    r = thunk_from_guest_mem(l, &fl, garg);
    if (r < 0) {
        return r;
    }
    if (fcntl(fd, hcmd, &fl) < 0) {
        return hcmd == F_SETLKW || hcmd == F_OFD_SETLKW
            ? sys_restartable(-errno) : -errno;
    }
    if (hcmd == F_GETLK || hcmd == F_OFD_GETLK) {
        if (!is64 && (fl.l_start > INT32_MAX || fl.l_len > INT32_MAX)) {
            return -EOVERFLOW;
        }
        return thunk_to_guest_mem(l, garg, &fl);
    }
    return 0;
}

static int64_t sys_fcntl(CpuCommon *cpu, const SyscallCall *c)
{
    bool f64 = c->id == SYSID_fcntl64;
    int fd = sys_int(c, 0);
    /* The guest's F_* numbers as the generic ones (MIPS differs). */
    int32_t cmd = abi_value_to_generic(linux_process.abi->fcntl_cmds,
                                       sys_int(c, 1));
    uint32_t arg = sys_u32(c, 2);
    int r;

    switch (cmd) {
    case TGT_F_DUPFD:
        return sys_ret(fcntl(fd, F_DUPFD, (int)arg));
    case TGT_F_DUPFD_CLOEXEC:
        return sys_ret(fcntl(fd, F_DUPFD_CLOEXEC, (int)arg));
    case TGT_F_GETFD:
        return sys_ret(fcntl(fd, F_GETFD));
    case TGT_F_SETFD:
        return sys_ret(fcntl(fd, F_SETFD, (int)arg));
    case TGT_F_GETFL:
        r = fcntl(fd, F_GETFL);
        return r < 0 ? -errno : (int64_t)sys_open_flags_to_guest(r);
    case TGT_F_SETFL:
        return sys_ret(fcntl(fd, F_SETFL, sys_open_flags_to_host(arg)));
    case TGT_F_GETLK:
        return sys_fcntl_lock(fd, F_GETLK, arg, false);
    case TGT_F_SETLK:
        return sys_fcntl_lock(fd, F_SETLK, arg, false);
    case TGT_F_SETLKW:
        return sys_fcntl_lock(fd, F_SETLKW, arg, false);
    case TGT_F_GETLK64:
    case TGT_F_SETLK64:
    case TGT_F_SETLKW64:
        if (!f64) {
            return -EINVAL;
        }
        return sys_fcntl_lock(fd, cmd == TGT_F_GETLK64 ? F_GETLK
                              : cmd == TGT_F_SETLK64 ? F_SETLK : F_SETLKW,
                              arg, true);
    case TGT_F_OFD_GETLK:
        return sys_fcntl_lock(fd, F_OFD_GETLK, arg, f64);
    case TGT_F_OFD_SETLK:
        return sys_fcntl_lock(fd, F_OFD_SETLK, arg, f64);
    case TGT_F_OFD_SETLKW:
        return sys_fcntl_lock(fd, F_OFD_SETLKW, arg, f64);
    case TGT_F_SETOWN:
        return sys_ret(fcntl(fd, F_SETOWN, (int)arg));
    case TGT_F_GETOWN:
        return sys_ret(fcntl(fd, F_GETOWN));
    case TGT_F_SETSIG: {
        int hs = arg ? signal_to_host((int)arg) : 0;
        if (arg && !hs) {
            return -EINVAL;
        }
        return sys_ret(fcntl(fd, F_SETSIG, hs));
    }
    case TGT_F_GETSIG:
        r = fcntl(fd, F_GETSIG);
        return r <= 0 ? sys_ret(r) : signal_to_guest(r);
    case TGT_F_GETOWN_EX:
    case TGT_F_SETOWN_EX: {
        struct f_owner_ex ox;
        uint32_t t, p;
        if (cmd == TGT_F_SETOWN_EX) {
            if ((r = guest_get_u32(arg, &t)) < 0
                || (r = guest_get_u32(arg + 4, &p)) < 0) {
                return r;
            }
            ox.type = (int)t;
            ox.pid = (pid_t)p;
            return sys_ret(fcntl(fd, F_SETOWN_EX, &ox));
        }
        if (fcntl(fd, F_GETOWN_EX, &ox) < 0) {
            return -errno;
        }
        if ((r = guest_put_u32(arg, (uint32_t)ox.type)) < 0
            || (r = guest_put_u32(arg + 4, (uint32_t)ox.pid)) < 0) {
            return r;
        }
        return 0;
    }
    case TGT_F_SETLEASE:
        return sys_ret(fcntl(fd, F_SETLEASE, (int)arg));
    case TGT_F_GETLEASE:
        return sys_ret(fcntl(fd, F_GETLEASE));
    case TGT_F_NOTIFY:
        return sys_ret(fcntl(fd, F_NOTIFY, (int)arg));
    case TGT_F_SETPIPE_SZ:
        return sys_ret(fcntl(fd, F_SETPIPE_SZ, (int)arg));
    case TGT_F_GETPIPE_SZ:
        return sys_ret(fcntl(fd, F_GETPIPE_SZ));
    case TGT_F_ADD_SEALS:
        return sys_ret(fcntl(fd, F_ADD_SEALS, (int)arg));
    case TGT_F_GET_SEALS:
        return sys_ret(fcntl(fd, F_GET_SEALS));
    default:
        sys_note_once("fcntl", (uint32_t)cmd);
        return -EINVAL;
    }
}

static int64_t sys_flock(CpuCommon *cpu, const SyscallCall *c)
{
    return sys_restartable(sys_ret(flock(sys_int(c, 0), sys_int(c, 1))));
}

static int64_t sys_eventfd(CpuCommon *cpu, const SyscallCall *c)
{
    uint32_t rest = 0;
    int flags = 0;

    if (c->id == SYSID_eventfd2) {
        flags = sys_fd_flags_to_host(sys_u32(c, 1), &rest);
        /* EFD_SEMAPHORE is 1 everywhere. */
        if (rest & ~1u) {
            return -EINVAL;
        }
        flags |= (int)(rest & 1u) ? EFD_SEMAPHORE : 0;
    }
    return sys_ret(eventfd(sys_u32(c, 0), flags));
}

const SyscallDef syscall_defs_io[] = {
    { .id = SYSID_pread64, .fn = sys_pread_pwrite,
      .args = { STRACE_FD, STRACE_BUF_RET, STRACE_UINT, STRACE_HEX, STRACE_HEX, STRACE_HEX } },
    { .id = SYSID_pwrite64, .fn = sys_pread_pwrite,
      .args = { STRACE_FD, STRACE_BUF, STRACE_UINT, STRACE_HEX, STRACE_HEX, STRACE_HEX } },
    { .id = SYSID_readv, .fn = sys_rwv,
      .args = { STRACE_FD, STRACE_PTR, STRACE_INT } },
    { .id = SYSID_writev, .fn = sys_rwv,
      .args = { STRACE_FD, STRACE_PTR, STRACE_INT } },
    { .id = SYSID_preadv, .fn = sys_rwv,
      .args = { STRACE_FD, STRACE_PTR, STRACE_INT, STRACE_HEX, STRACE_HEX } },
    { .id = SYSID_pwritev, .fn = sys_rwv,
      .args = { STRACE_FD, STRACE_PTR, STRACE_INT, STRACE_HEX, STRACE_HEX } },
    { .id = SYSID_preadv2, .fn = sys_rwv,
      .args = { STRACE_FD, STRACE_PTR, STRACE_INT, STRACE_HEX, STRACE_HEX, STRACE_HEX } },
    { .id = SYSID_pwritev2, .fn = sys_rwv,
      .args = { STRACE_FD, STRACE_PTR, STRACE_INT, STRACE_HEX, STRACE_HEX, STRACE_HEX } },
    { .id = SYSID_lseek, .fn = sys_lseek,
      .args = { STRACE_FD, STRACE_INT, STRACE_INT } },
    { .id = SYSID__llseek, .fn = sys_llseek,
      .args = { STRACE_FD, STRACE_HEX, STRACE_HEX, STRACE_PTR, STRACE_INT } },
    { .id = SYSID_sendfile, .fn = sys_sendfile,
      .args = { STRACE_FD, STRACE_FD, STRACE_PTR, STRACE_UINT } },
    { .id = SYSID_sendfile64, .fn = sys_sendfile,
      .args = { STRACE_FD, STRACE_FD, STRACE_PTR, STRACE_UINT } },
    { .id = SYSID_copy_file_range, .fn = sys_copy_file_range,
      .args = { STRACE_FD, STRACE_PTR, STRACE_FD, STRACE_PTR, STRACE_UINT, STRACE_HEX } },
    { .id = SYSID_dup, .fn = sys_dup,
      .args = { STRACE_FD } },
    { .id = SYSID_dup2, .fn = sys_dup,
      .args = { STRACE_FD, STRACE_FD } },
    { .id = SYSID_dup3, .fn = sys_dup,
      .args = { STRACE_FD, STRACE_FD, STRACE_OPEN_FLAGS } },
    { .id = SYSID_pipe, .fn = sys_pipe,
      .args = { STRACE_PTR } },
    { .id = SYSID_pipe2, .fn = sys_pipe,
      .args = { STRACE_PTR, STRACE_OPEN_FLAGS } },
    { .id = SYSID_fcntl, .fn = sys_fcntl,
      .args = { STRACE_FD, STRACE_INT, STRACE_HEX } },
    { .id = SYSID_fcntl64, .fn = sys_fcntl,
      .args = { STRACE_FD, STRACE_INT, STRACE_HEX } },
    { .id = SYSID_flock, .fn = sys_flock,
      .args = { STRACE_FD, STRACE_HEX } },
    { .id = SYSID_eventfd, .fn = sys_eventfd,
      .args = { STRACE_UINT } },
    { .id = SYSID_eventfd2, .fn = sys_eventfd,
      .args = { STRACE_UINT, STRACE_HEX } },
    { 0 }
};

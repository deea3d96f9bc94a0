/* linux-user/syscall_tty.c — ioctl: a table of the supported requests
 * (terminals, ptys, generic file and socket ioctls) saying how the
 * argument travels (value, int in or out, struct through a thunk). The
 * numbers are the generic Linux _IOC encoding that ARM shares with the
 * x86 host, and ARM's termios flag bits equal the host's; guests with
 * other encodings (MIPS, PPC, SPARC) will need a number map and termios
 * flag tables. Unknown requests return -ENOTTY, reported once under
 * -strace.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <linux/sockios.h>
#include <unistd.h>

#include "guest_mem.h"
#include "syscall.h"
#include "syscall_util.h"
#include "task.h"
#include "thunk_structs.h"

/* How an ioctl's third argument is handled. */
enum {
    IOC_VAL = 1,        /* a plain value (or unused): passed as is */
    IOC_INT_OUT,        /* int * written by the kernel */
    IOC_INT_IN,         /* int * read by the kernel */
    IOC_U64_OUT,        /* 64-bit value written (FIOQSIZE) */
    IOC_STRUCT_OUT,     /* struct written: thunk id */
    IOC_STRUCT_IN,      /* struct read: thunk id */
    IOC_OFLAGS,         /* a value in guest O_* numbering (TIOCGPTPEER) */
};

typedef struct SysIoctl {
    uint32_t guest_cmd;
    unsigned long host_cmd;
    const char *name;
    uint8_t kind;
    uint8_t thunk_id;
} SysIoctl;

static const SysIoctl sys_ioctls[] = {
    { 0x5401, TCGETS, "TCGETS", IOC_STRUCT_OUT, THUNK_ID_TERMIOS },
    { 0x5402, TCSETS, "TCSETS", IOC_STRUCT_IN, THUNK_ID_TERMIOS },
    { 0x5403, TCSETSW, "TCSETSW", IOC_STRUCT_IN, THUNK_ID_TERMIOS },
    { 0x5404, TCSETSF, "TCSETSF", IOC_STRUCT_IN, THUNK_ID_TERMIOS },
    { 0x5409, TCSBRK, "TCSBRK", IOC_VAL, 0 },
    { 0x540a, TCXONC, "TCXONC", IOC_VAL, 0 },
    { 0x540b, TCFLSH, "TCFLSH", IOC_VAL, 0 },
    { 0x540c, TIOCEXCL, "TIOCEXCL", IOC_VAL, 0 },
    { 0x540d, TIOCNXCL, "TIOCNXCL", IOC_VAL, 0 },
    { 0x540e, TIOCSCTTY, "TIOCSCTTY", IOC_VAL, 0 },
    { 0x540f, TIOCGPGRP, "TIOCGPGRP", IOC_INT_OUT, 0 },
    { 0x5410, TIOCSPGRP, "TIOCSPGRP", IOC_INT_IN, 0 },
    { 0x5411, TIOCOUTQ, "TIOCOUTQ", IOC_INT_OUT, 0 },
    { 0x5413, TIOCGWINSZ, "TIOCGWINSZ", IOC_STRUCT_OUT, THUNK_ID_WINSIZE },
    { 0x5414, TIOCSWINSZ, "TIOCSWINSZ", IOC_STRUCT_IN, THUNK_ID_WINSIZE },
    { 0x5415, TIOCMGET, "TIOCMGET", IOC_INT_OUT, 0 },
    { 0x5416, TIOCMBIS, "TIOCMBIS", IOC_INT_IN, 0 },
    { 0x5417, TIOCMBIC, "TIOCMBIC", IOC_INT_IN, 0 },
    { 0x5418, TIOCMSET, "TIOCMSET", IOC_INT_IN, 0 },
    { 0x5419, TIOCGSOFTCAR, "TIOCGSOFTCAR", IOC_INT_OUT, 0 },
    { 0x541a, TIOCSSOFTCAR, "TIOCSSOFTCAR", IOC_INT_IN, 0 },
    { 0x541b, FIONREAD, "FIONREAD", IOC_INT_OUT, 0 },
    { 0x541d, TIOCCONS, "TIOCCONS", IOC_VAL, 0 },
    { 0x5420, TIOCPKT, "TIOCPKT", IOC_INT_IN, 0 },
    { 0x5421, FIONBIO, "FIONBIO", IOC_INT_IN, 0 },
    { 0x5422, TIOCNOTTY, "TIOCNOTTY", IOC_VAL, 0 },
    { 0x5425, TCSBRKP, "TCSBRKP", IOC_VAL, 0 },
    { 0x5429, TIOCGSID, "TIOCGSID", IOC_INT_OUT, 0 },
    { 0x80045430, TIOCGPTN, "TIOCGPTN", IOC_INT_OUT, 0 },
    { 0x40045431, TIOCSPTLCK, "TIOCSPTLCK", IOC_INT_IN, 0 },
    { 0x80045432, TIOCGDEV, "TIOCGDEV", IOC_INT_OUT, 0 },
    { 0x80045438, TIOCGPKT, "TIOCGPKT", IOC_INT_OUT, 0 },
    { 0x80045439, TIOCGPTLCK, "TIOCGPTLCK", IOC_INT_OUT, 0 },
    { 0x80045440, TIOCGEXCL, "TIOCGEXCL", IOC_INT_OUT, 0 },
    { 0x5441, TIOCGPTPEER, "TIOCGPTPEER", IOC_OFLAGS, 0 },
    { 0x5450, FIONCLEX, "FIONCLEX", IOC_VAL, 0 },
    { 0x5451, FIOCLEX, "FIOCLEX", IOC_VAL, 0 },
    { 0x5452, FIOASYNC, "FIOASYNC", IOC_INT_IN, 0 },
    { 0x5460, FIOQSIZE, "FIOQSIZE", IOC_U64_OUT, 0 },
    { 0x8901, FIOSETOWN, "FIOSETOWN", IOC_INT_IN, 0 },
    { 0x8902, SIOCSPGRP, "SIOCSPGRP", IOC_INT_IN, 0 },
    { 0x8903, FIOGETOWN, "FIOGETOWN", IOC_INT_OUT, 0 },
    { 0x8904, SIOCGPGRP, "SIOCGPGRP", IOC_INT_OUT, 0 },
    { 0x8905, SIOCATMARK, "SIOCATMARK", IOC_INT_OUT, 0 },
};

static const SysIoctl *sys_ioctl_find(uint32_t cmd)
{
    /* The table holds the generic numbers; the ABI maps its own, and a
     * number its (complete) map lacks is unknown. */
    const AbiValueMap *map = linux_process.abi->ioctl_cmds;

    if (map) {
        const AbiValueMap *m = map;
        while (m->guest != ABI_VALUE_END && m->guest != (int32_t)cmd) {
            m++;
        }
        if (m->guest == ABI_VALUE_END) {
            return NULL;
        }
        cmd = (uint32_t)m->generic;
    }
    for (size_t i = 0; i < sizeof(sys_ioctls) / sizeof(sys_ioctls[0]); i++) {
        if (sys_ioctls[i].guest_cmd == cmd) {
            return &sys_ioctls[i];
        }
    }
    return NULL;
}

static int64_t sys_ioctl(CpuCommon *cpu, const SyscallCall *c)
{
    int fd = sys_int(c, 0);
    uint32_t cmd = sys_u32(c, 1), arg = sys_u32(c, 2);
    const SysIoctl *io = sys_ioctl_find(cmd);
    uint8_t host[256];
    int64_t r;

    if (!io) {
        sys_note_once("ioctl", cmd);
        return -ENOTTY;
    }
    switch (io->kind) {
    case IOC_VAL:
        return sys_restartable(sys_ret(ioctl(fd, io->host_cmd,
                                             (unsigned long)arg)));
    case IOC_OFLAGS:
        return sys_ret(ioctl(fd, io->host_cmd,
                             (unsigned long)sys_open_flags_to_host(arg)));
    case IOC_INT_IN: {
        uint32_t v;
        int iv;
        r = guest_get_u32(arg, &v);
        if (r < 0) {
            return r;
        }
        iv = (int)v;
        return sys_ret(ioctl(fd, io->host_cmd, &iv));
    }
    case IOC_INT_OUT: {
        int iv = 0;
        if (!guest_range_ok(arg, 4, PAGE_WRITE)) {
            return -EFAULT;
        }
        r = sys_ret(ioctl(fd, io->host_cmd, &iv));
        if (r >= 0 && guest_put_u32(arg, (uint32_t)iv) < 0) {
            return -EFAULT;
        }
        return r;
    }
    case IOC_U64_OUT: {
        uint64_t v = 0;
        if (!guest_range_ok(arg, 8, PAGE_WRITE)) {
            return -EFAULT;
        }
        r = sys_ret(ioctl(fd, io->host_cmd, &v));
        if (r >= 0 && guest_put_u64(arg, v) < 0) {
            return -EFAULT;
        }
        return r;
    }
    case IOC_STRUCT_IN: {
        const ThunkLayout *l = thunk_layout(io->thunk_id);
        memset(host, 0, sizeof(host));
        r = thunk_from_guest_mem(l, host, arg);
        if (r < 0) {
            return r;
        }
        if (io->thunk_id == THUNK_ID_TERMIOS) {
            TgtHostTermios *t = (TgtHostTermios *)host;
            t->c_lflag = abi_flags_to_host(linux_process.abi->termios_lflag,
                                           t->c_lflag);
        }
        return sys_restartable(sys_ret(ioctl(fd, io->host_cmd, host)));
    }
    default: { /* IOC_STRUCT_OUT */
        const ThunkLayout *l = thunk_layout(io->thunk_id);
        if (!guest_range_ok(arg, l->guest_size, PAGE_WRITE)) {
            return -EFAULT;
        }
        memset(host, 0, sizeof(host));
        r = sys_ret(ioctl(fd, io->host_cmd, host));
        if (r >= 0 && io->thunk_id == THUNK_ID_TERMIOS) {
            TgtHostTermios *t = (TgtHostTermios *)host;
            t->c_lflag = abi_flags_to_guest(linux_process.abi->termios_lflag,
                                            t->c_lflag);
        }
        if (r >= 0) {
            int w = thunk_to_guest_mem(l, arg, host);
            if (w < 0) {
                return w;
            }
        }
        return r;
    }
    }
}

/* -strace: "fd, TCGETS, 0x…" with the request named when known. */
static void sys_ioctl_strace(FILE *out, const SyscallCall *c)
{
    const SysIoctl *io = sys_ioctl_find(sys_u32(c, 1));

    if (io) {
        fprintf(out, "%d,%s,0x%x", sys_int(c, 0), io->name, sys_u32(c, 2));
    } else {
        fprintf(out, "%d,0x%x,0x%x", sys_int(c, 0), sys_u32(c, 1),
                sys_u32(c, 2));
    }
}

const SyscallDef syscall_defs_tty[] = {
    { .id = SYSID_ioctl, .fn = sys_ioctl,
      .args = { STRACE_FD, STRACE_HEX, STRACE_HEX },
      .strace_args = sys_ioctl_strace },
    { 0 }
};

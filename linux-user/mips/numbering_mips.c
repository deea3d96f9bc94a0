/* linux-user/mips/numbering_mips.c — where MIPS Linux numbers things
 * differently from the generic (x86 host) ABI: errno values
 * (arch/mips/include/uapi/asm/errno.h), signals (asm/signal.h), open and
 * mmap flags (asm/fcntl.h, asm/mman.h), sa_flags and struct sigaction,
 * fcntl commands, resource limits, socket types and options, ioctl
 * requests and termios local flags.
 * Data for the generic code through LinuxAbi; facts, no logic.
 */
#include "abi_mips.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <termios.h>

#include "linux-user/signal.h"

/* Host errno -> MIPS errno; 0 entries are the same number. */
const uint16_t mips_errno_to_guest[MIPS_ERRNO_COUNT] = {
    [EDEADLK] = 45, [ENAMETOOLONG] = 78, [ENOLCK] = 46, [ENOSYS] = 89,
    [ENOTEMPTY] = 93, [ELOOP] = 90, [ENOMSG] = 35, [EIDRM] = 36,
    [ECHRNG] = 37, [EL2NSYNC] = 38, [EL3HLT] = 39, [EL3RST] = 40,
    [ELNRNG] = 41, [EUNATCH] = 42, [ENOCSI] = 43, [EL2HLT] = 44,
    [EBADE] = 50, [EBADR] = 51, [EXFULL] = 52, [ENOANO] = 53,
    [EBADRQC] = 54, [EBADSLT] = 55, [EMULTIHOP] = 74, [EBADMSG] = 77,
    [EOVERFLOW] = 79, [ENOTUNIQ] = 80, [EBADFD] = 81, [EREMCHG] = 82,
    [ELIBACC] = 83, [ELIBBAD] = 84, [ELIBSCN] = 85, [ELIBMAX] = 86,
    [ELIBEXEC] = 87, [EILSEQ] = 88, [ERESTART] = 91, [ESTRPIPE] = 92,
    [EUSERS] = 94, [ENOTSOCK] = 95, [EDESTADDRREQ] = 96, [EMSGSIZE] = 97,
    [EPROTOTYPE] = 98, [ENOPROTOOPT] = 99, [EPROTONOSUPPORT] = 120,
    [ESOCKTNOSUPPORT] = 121, [EOPNOTSUPP] = 122, [EPFNOSUPPORT] = 123,
    [EAFNOSUPPORT] = 124, [EADDRINUSE] = 125, [EADDRNOTAVAIL] = 126,
    [ENETDOWN] = 127, [ENETUNREACH] = 128, [ENETRESET] = 129,
    [ECONNABORTED] = 130, [ECONNRESET] = 131, [ENOBUFS] = 132,
    [EISCONN] = 133, [ENOTCONN] = 134, [ESHUTDOWN] = 143,
    [ETOOMANYREFS] = 144, [ETIMEDOUT] = 145, [ECONNREFUSED] = 146,
    [EHOSTDOWN] = 147, [EHOSTUNREACH] = 148, [EALREADY] = 149,
    [EINPROGRESS] = 150, [ESTALE] = 151, [EUCLEAN] = 135, [ENOTNAM] = 137,
    [ENAVAIL] = 138, [EISNAM] = 139, [EREMOTEIO] = 140, [EDQUOT] = 1133,
    [ENOMEDIUM] = 159, [EMEDIUMTYPE] = 160, [ECANCELED] = 158,
    [ENOKEY] = 161, [EKEYEXPIRED] = 162, [EKEYREVOKED] = 163,
    [EKEYREJECTED] = 164, [EOWNERDEAD] = 165, [ENOTRECOVERABLE] = 166,
    [ERFKILL] = 167, [EHWPOISON] = 168,
};
_Static_assert(EHWPOISON + 1 == MIPS_ERRNO_COUNT, "errno table size");

/* MIPS signal -> host signal: the classic 31 renumbered, real-time
 * signals 32..64 one to one; MIPS has 128 signals, the host 64, so
 * 65..128 have no host signal. SIGEMT (7) has none either. */
const uint8_t mips_signal_to_host[129] = {
    [1] = SIGHUP, [2] = SIGINT, [3] = SIGQUIT, [4] = SIGILL, [5] = SIGTRAP,
    [6] = SIGABRT, [7] = 0, [8] = SIGFPE, [9] = SIGKILL, [10] = SIGBUS,
    [11] = SIGSEGV, [12] = SIGSYS, [13] = SIGPIPE, [14] = SIGALRM,
    [15] = SIGTERM, [16] = SIGUSR1, [17] = SIGUSR2, [18] = SIGCHLD,
    [19] = SIGPWR, [20] = SIGWINCH, [21] = SIGURG, [22] = SIGIO,
    [23] = SIGSTOP, [24] = SIGTSTP, [25] = SIGCONT, [26] = SIGTTIN,
    [27] = SIGTTOU, [28] = SIGVTALRM, [29] = SIGPROF, [30] = SIGXCPU,
    [31] = SIGXFSZ,
    [32] = 32, [33] = 33, [34] = 34, [35] = 35, [36] = 36, [37] = 37,
    [38] = 38, [39] = 39, [40] = 40, [41] = 41, [42] = 42, [43] = 43,
    [44] = 44, [45] = 45, [46] = 46, [47] = 47, [48] = 48, [49] = 49,
    [50] = 50, [51] = 51, [52] = 52, [53] = 53, [54] = 54, [55] = 55,
    [56] = 56, [57] = 57, [58] = 58, [59] = 59, [60] = 60, [61] = 61,
    [62] = 62, [63] = 63, [64] = 64,
};

/* Host signal -> MIPS signal (SIGSTKFLT has no MIPS number). */
const uint8_t mips_signal_to_guest[65] = {
    [SIGHUP] = 1, [SIGINT] = 2, [SIGQUIT] = 3, [SIGILL] = 4, [SIGTRAP] = 5,
    [SIGABRT] = 6, [SIGFPE] = 8, [SIGKILL] = 9, [SIGBUS] = 10,
    [SIGSEGV] = 11, [SIGSYS] = 12, [SIGPIPE] = 13, [SIGALRM] = 14,
    [SIGTERM] = 15, [SIGUSR1] = 16, [SIGUSR2] = 17, [SIGCHLD] = 18,
    [SIGPWR] = 19, [SIGWINCH] = 20, [SIGURG] = 21, [SIGIO] = 22,
    [SIGSTOP] = 23, [SIGTSTP] = 24, [SIGCONT] = 25, [SIGTTIN] = 26,
    [SIGTTOU] = 27, [SIGVTALRM] = 28, [SIGPROF] = 29, [SIGXCPU] = 30,
    [SIGXFSZ] = 31, [SIGSTKFLT] = 0,
    [32] = 32, [33] = 33, [34] = 34, [35] = 35, [36] = 36, [37] = 37,
    [38] = 38, [39] = 39, [40] = 40, [41] = 41, [42] = 42, [43] = 43,
    [44] = 44, [45] = 45, [46] = 46, [47] = 47, [48] = 48, [49] = 49,
    [50] = 50, [51] = 51, [52] = 52, [53] = 53, [54] = 54, [55] = 55,
    [56] = 56, [57] = 57, [58] = 58, [59] = 59, [60] = 60, [61] = 61,
    [62] = 62, [63] = 63, [64] = 64,
};

/* open(2) flags (arch/mips/include/uapi/asm/fcntl.h). */
const AbiFlagMap mips_open_flags[] = {
    { O_ACCMODE, O_RDONLY, O_ACCMODE, O_RDONLY },
    { O_ACCMODE, O_WRONLY, O_ACCMODE, O_WRONLY },
    { O_ACCMODE, O_RDWR, O_ACCMODE, O_RDWR },
    { 0x0008, 0x0008, O_APPEND, O_APPEND },
    { 0x0010, 0x0010, O_DSYNC, O_DSYNC },
    { 0x0080, 0x0080, O_NONBLOCK, O_NONBLOCK },
    { 0x0100, 0x0100, O_CREAT, O_CREAT },
    { 0x0200, 0x0200, O_TRUNC, O_TRUNC },
    { 0x0400, 0x0400, O_EXCL, O_EXCL },
    { 0x0800, 0x0800, O_NOCTTY, O_NOCTTY },
    { 0x1000, 0x1000, FASYNC, FASYNC },
    /* O_LARGEFILE: implied on the 64-bit host (host bits 0). */
    { 0x2000, 0x2000, 0, 0 },
    { 0x4000, 0x4000, 04000000, 04000000 },         /* __O_SYNC */
    { 0x8000, 0x8000, O_DIRECT, O_DIRECT },
    { 0x10000, 0x10000, O_DIRECTORY, O_DIRECTORY },
    { 0x20000, 0x20000, O_NOFOLLOW, O_NOFOLLOW },
    { 0x40000, 0x40000, O_NOATIME, O_NOATIME },
    { 0x80000, 0x80000, O_CLOEXEC, O_CLOEXEC },
    { 0x200000, 0x200000, O_PATH, O_PATH },
    { 0x400000, 0x400000, 020000000, 020000000 },   /* __O_TMPFILE */
    { 0, 0, 0, 0 },
};

/* mmap(2) flags (arch/mips/include/uapi/asm/mman.h). */
const AbiFlagMap mips_mmap_flags[] = {
    { 0x00f, 0x001, MAP_TYPE, MAP_SHARED },
    { 0x00f, 0x002, MAP_TYPE, MAP_PRIVATE },
    { 0x00f, 0x003, MAP_TYPE, MAP_SHARED_VALIDATE },
    { 0x010, 0x010, MAP_FIXED, MAP_FIXED },
    { 0x0400, 0x0400, MAP_NORESERVE, MAP_NORESERVE },
    { 0x0800, 0x0800, MAP_ANONYMOUS, MAP_ANONYMOUS },
    { 0x1000, 0x1000, MAP_GROWSDOWN, MAP_GROWSDOWN },
    { 0x2000, 0x2000, MAP_DENYWRITE, MAP_DENYWRITE },
    { 0x4000, 0x4000, MAP_EXECUTABLE, MAP_EXECUTABLE },
    { 0x8000, 0x8000, MAP_LOCKED, MAP_LOCKED },
    { 0x10000, 0x10000, MAP_POPULATE, MAP_POPULATE },
    { 0x20000, 0x20000, MAP_NONBLOCK, MAP_NONBLOCK },
    { 0x40000, 0x40000, MAP_STACK, MAP_STACK },
    { 0x80000, 0x80000, MAP_HUGETLB, MAP_HUGETLB },
    { 0x100000, 0x100000, MAP_FIXED_NOREPLACE, MAP_FIXED_NOREPLACE },
    { 0, 0, 0, 0 },
};

/* sa_flags (asm/signal.h) -> the generic TGT_SA_* (signal.h). MIPS has
 * no SA_RESTORER: the kernel returns through its own trampoline. */
const AbiFlagMap mips_sa_flags[] = {
    { 0x00000001u, 0x00000001u, TGT_SA_NOCLDSTOP, TGT_SA_NOCLDSTOP },
    { 0x00010000u, 0x00010000u, TGT_SA_NOCLDWAIT, TGT_SA_NOCLDWAIT },
    { 0x00000008u, 0x00000008u, TGT_SA_SIGINFO, TGT_SA_SIGINFO },
    { 0x08000000u, 0x08000000u, TGT_SA_ONSTACK, TGT_SA_ONSTACK },
    { 0x10000000u, 0x10000000u, TGT_SA_RESTART, TGT_SA_RESTART },
    { 0x40000000u, 0x40000000u, TGT_SA_NODEFER, TGT_SA_NODEFER },
    { 0x80000000u, 0x80000000u, TGT_SA_RESETHAND, TGT_SA_RESETHAND },
    { 0, 0, 0, 0 },
};

/* struct sigaction of o32: sa_flags, sa_handler, sa_mask (16 bytes). */
const AbiSigactionLayout mips_sigaction_layout = {
    .handler = 4, .flags = 0, .restorer = -1, .mask = 8,
};

/* fcntl commands (asm/fcntl.h): the locks and owners differ; the
 * generic numbers MIPS does not use are refused (-1: EINVAL). */
const AbiValueMap mips_fcntl_cmds[] = {
    { 14, 5 },      /* F_GETLK */
    { 24, 8 },      /* F_SETOWN */
    { 23, 9 },      /* F_GETOWN */
    { 33, 12 },     /* F_GETLK64 */
    { 34, 13 },     /* F_SETLK64 */
    { 35, 14 },     /* F_SETLKW64 */
    { 5, -1 }, { 8, -1 }, { 9, -1 }, { 12, -1 }, { 13, -1 },
    { ABI_VALUE_END, 0 },
};

/* RLIMIT_* (asm/resource.h): NOFILE 5, AS 6, RSS 7, NPROC 8, MEMLOCK 9. */
const AbiValueMap mips_rlimit_res[] = {
    { 5, RLIMIT_NOFILE }, { 6, RLIMIT_AS }, { 7, RLIMIT_RSS },
    { 8, RLIMIT_NPROC }, { 9, RLIMIT_MEMLOCK },
    { ABI_VALUE_END, 0 },
};

/* SOCK_* types (asm/socket.h): DGRAM and STREAM are swapped. */
const AbiValueMap mips_sock_types[] = {
    { 1, SOCK_DGRAM }, { 2, SOCK_STREAM },
    { ABI_VALUE_END, 0 },
};

const AbiValueMap mips_sock_levels[] = {
    { 0xffff, SOL_SOCKET }, { 1, -1 },
    { ABI_VALUE_END, 0 },
};

/* SO_* options at SOL_SOCKET (asm/socket.h) that differ. */
const AbiValueMap mips_sol_socket_opts[] = {
    { 0x4, SO_REUSEADDR }, { 0x8, SO_KEEPALIVE }, { 0x10, SO_DONTROUTE },
    { 0x11, SO_PASSCRED }, { 0x12, SO_PEERCRED }, { 0x1e, SO_PEERSEC },
    { 0x1f, SO_SNDBUFFORCE }, { 0x20, SO_BROADCAST }, { 0x80, SO_LINGER },
    { 0x100, SO_OOBINLINE }, { 0x200, SO_REUSEPORT }, { 0x1001, SO_SNDBUF },
    { 0x1002, SO_RCVBUF }, { 0x1003, SO_SNDLOWAT }, { 0x1004, SO_RCVLOWAT },
    { 0x1005, SO_SNDTIMEO }, { 0x1006, SO_RCVTIMEO }, { 0x1007, SO_ERROR },
    { 0x1008, SO_TYPE }, { 0x1009, SO_ACCEPTCONN },
    { 0x1028, SO_PROTOCOL }, { 0x1029, SO_DOMAIN },
    { ABI_VALUE_END, 0 },
};

/* ioctl requests (asm/ioctls.h, asm/sockios.h; _IOC with 13 size bits
 * and read = 2, write = 4 at bit 29) -> the generic numbers of
 * linux-user/syscall_tty.c's table. Complete: others are unknown. */
const AbiValueMap mips_ioctl_cmds[] = {
    { 0x540d, 0x5401 },             /* TCGETS */
    { 0x540e, 0x5402 },             /* TCSETS */
    { 0x540f, 0x5403 },             /* TCSETSW */
    { 0x5410, 0x5404 },             /* TCSETSF */
    { 0x5405, 0x5409 },             /* TCSBRK */
    { 0x5406, 0x540a },             /* TCXONC */
    { 0x5407, 0x540b },             /* TCFLSH */
    { 0x740d, 0x540c },             /* TIOCEXCL */
    { 0x740e, 0x540d },             /* TIOCNXCL */
    { 0x5480, 0x540e },             /* TIOCSCTTY */
    { 0x40047477, 0x540f },         /* TIOCGPGRP */
    { (int32_t)0x80047476, 0x5410 },/* TIOCSPGRP */
    { 0x7472, 0x5411 },             /* TIOCOUTQ */
    { 0x40087468, 0x5413 },         /* TIOCGWINSZ */
    { (int32_t)0x80087467, 0x5414 },/* TIOCSWINSZ */
    { 0x741d, 0x5415 },             /* TIOCMGET */
    { 0x741b, 0x5416 },             /* TIOCMBIS */
    { 0x741c, 0x5417 },             /* TIOCMBIC */
    { 0x741a, 0x5418 },             /* TIOCMSET */
    { 0x5481, 0x5419 },             /* TIOCGSOFTCAR */
    { 0x5482, 0x541a },             /* TIOCSSOFTCAR */
    { 0x467f, 0x541b },             /* FIONREAD */
    { (int32_t)0x80047478, 0x541d },/* TIOCCONS */
    { 0x5470, 0x5420 },             /* TIOCPKT */
    { 0x667e, 0x5421 },             /* FIONBIO */
    { 0x5471, 0x5422 },             /* TIOCNOTTY */
    { 0x5486, 0x5425 },             /* TCSBRKP */
    { 0x7416, 0x5429 },             /* TIOCGSID */
    { 0x40045430, (int32_t)0x80045430 },   /* TIOCGPTN */
    { (int32_t)0x80045431, 0x40045431 },   /* TIOCSPTLCK */
    { 0x40045432, (int32_t)0x80045432 },   /* TIOCGDEV */
    { 0x40045438, (int32_t)0x80045438 },   /* TIOCGPKT */
    { 0x40045439, (int32_t)0x80045439 },   /* TIOCGPTLCK */
    { 0x40045440, (int32_t)0x80045440 },   /* TIOCGEXCL */
    { 0x20005441, 0x5441 },         /* TIOCGPTPEER */
    { 0x6602, 0x5450 },             /* FIONCLEX */
    { 0x6601, 0x5451 },             /* FIOCLEX */
    { 0x667d, 0x5452 },             /* FIOASYNC */
    { 0x667f, 0x5460 },             /* FIOQSIZE */
    { (int32_t)0x8004667c, 0x8901 },/* FIOSETOWN */
    { (int32_t)0x80047308, 0x8902 },/* SIOCSPGRP */
    { 0x4004667b, 0x8903 },         /* FIOGETOWN */
    { 0x40047309, 0x8904 },         /* SIOCGPGRP */
    { 0x40047307, 0x8905 },         /* SIOCATMARK */
    { ABI_VALUE_END, 0 },
};

/* c_lflag bits (asm/termbits.h): IEXTEN, FLUSHO and TOSTOP move. */
const AbiFlagMap mips_termios_lflag[] = {
    { 0x00001, 0x00001, ISIG, ISIG },
    { 0x00002, 0x00002, ICANON, ICANON },
    { 0x00004, 0x00004, XCASE, XCASE },
    { 0x00008, 0x00008, ECHO, ECHO },
    { 0x00010, 0x00010, ECHOE, ECHOE },
    { 0x00020, 0x00020, ECHOK, ECHOK },
    { 0x00040, 0x00040, ECHONL, ECHONL },
    { 0x00080, 0x00080, NOFLSH, NOFLSH },
    { 0x00100, 0x00100, IEXTEN, IEXTEN },
    { 0x00200, 0x00200, ECHOCTL, ECHOCTL },
    { 0x00400, 0x00400, ECHOPRT, ECHOPRT },
    { 0x00800, 0x00800, ECHOKE, ECHOKE },
    { 0x02000, 0x02000, FLUSHO, FLUSHO },
    { 0x04000, 0x04000, PENDIN, PENDIN },
    { 0x08000, 0x08000, TOSTOP, TOSTOP },
    { 0x10000, 0x10000, EXTPROC, EXTPROC },
    { 0, 0, 0, 0 },
};

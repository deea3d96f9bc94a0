/* linux-user/mips/numbering_mips.c — where MIPS Linux numbers things
 * differently from the generic (x86 host) ABI: errno values
 * (arch/mips/include/uapi/asm/errno.h), signals (asm/signal.h), open and
 * mmap flags (asm/fcntl.h, asm/mman.h), sa_flags and struct sigaction.
 * Data for the generic code through LinuxAbi; facts, no logic.
 */
#include "abi_mips.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>

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

/* ARM guest test: a fixed-seed syscall fuzzer. Issues tens of thousands
 * of raw syscalls over every syscall emu-arm implements (minus those that
 * would end or disturb the test or the machine), with arguments drawn from
 * small ints, -1, huge values, NULL, unmapped pointers, structs that
 * straddle into an unmapped page, read-only and PROT_NONE pages, the
 * vector page, a page holding translated code, a file page beyond EOF,
 * valid scratch buffers and descriptors of files, pipes and sockets the
 * test opened. Results legitimately vary, so only "done N calls" and
 * integrity checks of the protected pages are printed: the point is that
 * the runner neither crashes, aborts nor hangs.
 *
 * Safety rules (the test may run as root): paths are relative names in a
 * private temporary directory (never '/' first, never a "." component);
 * pids that receive signals, priorities or limits do not exist; waiting
 * calls get a zero timeout; memory calls act only on a private region;
 * clocks, roots, credentials and limits are only "changed" through bad
 * pointers or no-op values. Usage: sys_fuzz [calls] [seed] [ve] */
#define _GNU_SOURCE
#define _FILE_OFFSET_BITS 64
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/un.h>
#include <unistd.h>

/* ---- PRNG ------------------------------------------------------------- */

static uint32_t rng_state = 0x2545f491u;

static uint32_t rnd(void)
{
    uint32_t x = rng_state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    rng_state = x;
    return x;
}

static uint32_t rndn(uint32_t n)
{
    return rnd() % n;
}

static uint32_t pick(const uint32_t *v, uint32_t n)
{
    return v[rndn(n)];
}
#define PICK(arr) pick(arr, sizeof(arr) / sizeof(arr[0]))

/* ---- The memory the fuzzer plays with ---------------------------------- */

enum {
    PG = 4096,
    /* Region R (pages): */
    R_DATA = 0,         /* 0-3: RW scratch, random bytes (output buffers) */
    R_HOLE1 = 4,        /* unmapped: RW page 3 straddles into it */
    R_RO = 5,           /* read-only, filtered random, ends without NUL */
    R_HOLE2 = 6,
    R_NONE = 7,         /* PROT_NONE */
    R_STRUCT = 8,       /* 8-9: structs built for each call */
    R_LONG = 10,        /* 10-11: 'b' * 8192, then page 12 of NULs (RO) */
    R_ZERO = 12,
    R_HOLE3 = 13,
    R_CODE = 14,        /* RWX, holds a function that is executed */
    R_HOLE4 = 15,
    R_PAGES = 16,
    P_PAGES = 16,       /* region P: memory calls play here */
};

static uint8_t *R;          /* region R */
static uint8_t *P;          /* region P */
static uint8_t *fmap;       /* 2 pages of a 100-byte file: page 1 past EOF */
static uint32_t struct_off; /* bump allocator in R_STRUCT */
static uint32_t ro_sum, none_sum;
static bool no_eof;         /* no past-EOF pointers (qemu dies on them) */

static uint32_t A(const void *p)
{
    return (uint32_t)(uintptr_t)p;
}

/* A byte that never forms a path separator or a "." component. */
static uint8_t safe_byte(void)
{
    uint8_t b = (uint8_t)rnd();
    return b == '/' || b == '.' ? 'q' : b;
}

static void *salloc(uint32_t size)
{
    uint32_t off = (struct_off + 7) & ~7u;
    if (off + size > 2 * PG) {
        off = 0;
    }
    struct_off = off + size;
    return R + R_STRUCT * PG + off;
}

/* ---- Descriptors the test owns ----------------------------------------- */

enum {
    FD_DIR, FD_FILE, FD_PIPE_R, FD_PIPE_W, FD_SOCK0, FD_SOCK1, FD_UDP,
    FD_TCP, FD_EVENT, FD_EPOLL, FD_COUNT
};
static int owned[FD_COUNT];
static const int OWN_BASE = 700;
static uint16_t udp_port;
static char tmpdir[64];
static long self_tls;

static bool is_owned(int fd)
{
    for (int i = 0; i < FD_COUNT; i++) {
        if (owned[i] == fd) {
            return true;
        }
    }
    return false;
}

static void move_fd(int idx, int fd)
{
    int nfd = OWN_BASE + idx;
    if (dup2(fd, nfd) < 0) {
        perror("dup2");
        exit(1);
    }
    close(fd);
    owned[idx] = nfd;
}

static void fix_owned_flags(void)
{
    for (int i = FD_PIPE_R; i < FD_COUNT; i++) {
        fcntl(owned[i], F_SETFL, O_NONBLOCK | O_RDWR);
    }
    fcntl(owned[FD_FILE], F_SETFL, O_RDWR);
}

/* ---- Argument generators ------------------------------------------------ */

/* Pointers of every class. Classes `path_safe` excludes could hold a '/'
 * or a "." component written by earlier calls. */
static uint32_t gen_ptr_class(int cls)
{
    switch (cls) {
    case 0: return 0;
    case 1: return 0x1000;
    case 2: return 0xdead0000;
    case 3: return 0xfffffff0;
    case 4: return A(R + R_HOLE1 * PG) - (1u << rndn(5)); /* RW straddle */
    case 5: return A(R + R_HOLE2 * PG) - (1u << rndn(5)); /* RO straddle */
    case 6: return A(R + R_RO * PG) + rndn(PG / 2);      /* RO valid */
    case 7: return A(R + R_NONE * PG) + rndn(PG);        /* PROT_NONE */
    case 8: return A(R + R_HOLE1 * PG);                  /* hole */
    case 9: return 0xffff0fa0 + 4 * rndn(16);            /* vector page */
    case 10: return A(R + R_CODE * PG) + 4 * rndn(64);   /* code page */
    case 11:                                             /* past EOF */
        return no_eof ? A(R) : A(fmap) + PG + 4 * rndn(64);
    case 12: return 0xbf000000;                          /* TASK_SIZE */
    default: return A(R) + rndn(4 * PG - 64) ;           /* RW valid */
    }
}

static uint32_t gen_ptr(void)
{
    /* Half of the time a valid RW buffer. */
    uint32_t c = rndn(26);
    return gen_ptr_class(c < 13 ? (int)c : 13);
}

/* Pointers that always fail: unmapped, straddling (the read-only page
 * ends without a NUL, so strings fail too), PROT_NONE. */
static uint32_t gen_bad_ptr(void)
{
    static const int cls[] = { 1, 2, 3, 5, 7, 8, 12 };
    int k = cls[rndn(7)];

    if (k == 5) {
        /* 1..3 bytes before the hole: no word, no string fits. */
        return A(R + R_HOLE2 * PG) - 1 - rndn(3);
    }
    return gen_ptr_class(k);
}

static uint32_t gen_int(void)
{
    static const uint32_t v[] = {
        0, 1, 2, 3, 4, 5, 7, 8, 15, 16, 31, 32, 63, 64, 100, 127, 128, 255,
        256, 1023, 1024, 1025, 4095, 4096, 4097, 65535, 65536, 0x7fffffff,
        0x80000000, 0xffffffff, 0xfffffffe, 0xfffff000, 0xffff, 0x10000,
    };
    switch (rndn(8)) {
    case 0: return rnd() | 0xc0000000; /* never a mapped guest address */
    case 1: return rndn(2048);
    case 2: return gen_ptr();
    default: return PICK(v);
    }
}

static uint32_t gen_len(void)
{
    static const uint32_t v[] = {
        0, 1, 2, 3, 4, 8, 12, 16, 20, 24, 32, 64, 100, 128, 256, 1024, 4095,
        4096, 4097, 8192, 16384, 65536, 0x7fffffff, 0x80000000, 0xffffffff,
        0xfffffff0,
    };
    return rndn(6) == 0 ? rndn(20000) : PICK(v);
}

static uint32_t gen_fd(void)
{
    static const uint32_t bad[] = { 0xffffffff, 1023, 0x7fffffff, 803,
                                    (uint32_t)-100, 4096 };
    return rndn(8) == 0 ? PICK(bad) : (uint32_t)owned[rndn(FD_COUNT)];
}

/* File descriptors whose inode is the test's own: fchmod/fchown/fchdir
 * on eventfd/epoll would change the shared anonymous inode. */
static uint32_t gen_own_inode_fd(void)
{
    static const int which[] = { FD_DIR, FD_FILE, FD_PIPE_R, FD_SOCK0,
                                 FD_UDP };
    if (rndn(6) == 0) {
        return rndn(2) ? 0xffffffff : 1023;
    }
    return (uint32_t)owned[which[rndn(5)]];
}

static uint32_t gen_dirfd(void)
{
    if (rndn(3) == 0) {
        return (uint32_t)AT_FDCWD;
    }
    /* AT_EMPTY_PATH acts on the descriptor itself: no anonymous inodes. */
    return rndn(3) == 0 ? gen_own_inode_fd() : (uint32_t)owned[FD_DIR];
}

static const char *const names[] = {
    "a", "b", "d", "d/x", "d/d", "f", "l", "s", "", "a\xff\x01z",
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
};

static uint32_t gen_name_at_end(const char *s)
{
    /* A name ending right before an unmapped page. */
    size_t n = strlen(s) + 1;
    uint8_t *p = R + R_HOLE1 * PG - n;
    memcpy(p, s, n);
    return A(p);
}

static uint32_t gen_path(void)
{
    switch (rndn(12)) {
    case 0: return gen_bad_ptr();
    case 1: return A(R + R_HOLE2 * PG) - 1 - rndn(300); /* no NUL */
    case 2: return A(R + R_LONG * PG) + rndn(100);     /* > PATH_MAX */
    case 3: return A(R + R_RO * PG) + rndn(PG / 2);    /* junk name */
    case 4: return gen_name_at_end(names[rndn(8)]);
    case 5: return 0;
    default: {
        const char *s = names[rndn(sizeof(names) / sizeof(names[0]))];
        char *p = salloc((uint32_t)strlen(s) + 1);
        strcpy(p, s);
        return A(p);
    }
    }
}

/* A buffer for the kernel to read: random bytes, sometimes a bad
 * pointer. */
static uint32_t gen_in(uint32_t size)
{
    if (rndn(5) == 0) {
        return gen_ptr();
    }
    if (size > 2 * PG) {
        size = 2 * PG;
    }
    uint8_t *p = salloc(size);
    for (uint32_t i = 0; i < size; i++) {
        p[i] = safe_byte();
    }
    return A(p);
}

/* Zero timeouts for anything that may wait, or a pointer that fails. */
static uint32_t gen_zero_ts(void)
{
    if (rndn(6) == 0) {
        return gen_bad_ptr();
    }
    uint8_t *p = salloc(16);
    memset(p, 0, 16);
    return A(p);
}

/* Signals: every number, and the bad ones. */
static uint32_t gen_sig(void)
{
    static const uint32_t v[] = { 0, 65, 0xffffffff, 1000, 0x80000000 };
    return rndn(5) == 0 ? PICK(v) : rndn(65);
}

/* Pids that do not exist (signals, limits, priorities go nowhere). */
static uint32_t gen_nopid(void)
{
    static const uint32_t v[] = { 0x3ffffff0, 0x7ffffff0, 0x80000000,
                                  0x40000001 };
    return PICK(v);
}

/* Pids for calls that only read. */
static uint32_t gen_qpid(void)
{
    switch (rndn(4)) {
    case 0: return 0;
    case 1: return (uint32_t)getpid();
    case 2: return gen_int();
    default: return gen_nopid();
    }
}

/* struct sigaction whose handler is SIG_IGN, or a bad pointer: a handler
 * is never run, so no garbage handler can be installed. */
static uint32_t gen_sigact(void)
{
    if (rndn(3) == 0) {
        return rndn(2) ? 0 : gen_bad_ptr();
    }
    uint32_t *p = salloc(20);
    p[0] = 1; /* SIG_IGN */
    p[1] = rnd();
    p[2] = rnd();
    p[3] = rnd();
    p[4] = rnd();
    /* The old sigaction has the handler first too; its flags word is
     * p[2]. */
    return A(p);
}

static uint32_t gen_sockaddr(uint32_t *len)
{
    uint8_t *p = salloc(128);
    static const uint32_t lens[] = { 0, 1, 2, 8, 16, 28, 110, 128, 129,
                                     0xffffffff, 0x80000000 };

    for (int i = 0; i < 128; i++) {
        p[i] = safe_byte();
    }
    switch (rndn(6)) {
    case 0: { /* AF_INET 127.0.0.1, sometimes our UDP port */
        struct sockaddr_in *in = (struct sockaddr_in *)p;
        in->sin_family = AF_INET;
        in->sin_port = rndn(2) ? udp_port : htons(rndn(65536));
        in->sin_addr.s_addr = htonl(0x7f000001);
        *len = 16;
        break;
    }
    case 1: { /* AF_UNIX, a name of the pool or an abstract name */
        struct sockaddr_un *un = (struct sockaddr_un *)p;
        un->sun_family = AF_UNIX;
        if (rndn(2)) {
            strcpy(un->sun_path, names[rndn(8)]);
        } else {
            un->sun_path[0] = 0;
        }
        *len = rndn(2) ? sizeof(*un) : 2 + rndn(108);
        break;
    }
    case 2: { /* AF_INET6 ::1 */
        struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)p;
        memset(in6, 0, sizeof(*in6));
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(rndn(65536));
        in6->sin6_addr.s6_addr[15] = 1;
        *len = 28;
        break;
    }
    case 3: { /* families that cannot reach anywhere */
        static const uint16_t fam[] = { AF_UNSPEC, 0xffff, 200, AF_NETLINK };
        uint16_t f = fam[rndn(4)];
        memcpy(p, &f, 2);
        if (f == AF_NETLINK) {
            memset(p + 2, 0, 10);
        }
        *len = PICK(lens);
        break;
    }
    case 4:
        *len = PICK(lens);
        return gen_bad_ptr();
    default: { /* wild length on a valid AF_INET loopback address */
        struct sockaddr_in *in = (struct sockaddr_in *)p;
        in->sin_family = AF_INET;
        in->sin_addr.s_addr = htonl(0x7f000001);
        *len = PICK(lens);
        break;
    }
    }
    return A(p);
}

/* iovec array of n entries with wild bases and lengths. */
static uint32_t gen_iov(uint32_t *cnt)
{
    static const uint32_t counts[] = { 0, 1, 2, 3, 4, 8, 1024, 1025,
                                       0xffffffff, 0x80000000 };
    uint32_t n = PICK(counts);
    uint32_t built = n > 8 ? 8 : n;
    *cnt = n;
    if (rndn(6) == 0) {
        return gen_ptr();
    }
    uint32_t *v = salloc(8 * (built ? built : 1));
    for (uint32_t i = 0; i < built; i++) {
        v[2 * i] = rndn(3) ? A(R) + rndn(4 * PG - 256) : gen_ptr();
        v[2 * i + 1] = rndn(3) ? rndn(256) : gen_len();
    }
    if (n > 8) {
        /* Large counts: zero-length entries of the zero page, which ends
         * at a hole (no random bases: a read could land anywhere). */
        return A(R + R_ZERO * PG) + 8 * rndn(PG / 8);
    }
    return A(v);
}

static uint32_t gen_cmsg(uint32_t *len)
{
    uint32_t total = 0;
    uint8_t *buf = salloc(256);
    int n = (int)rndn(4);

    for (int i = 0; i < n && total + 28 <= 256; i++) {
        uint32_t *h = (uint32_t *)(buf + total);
        uint32_t dl = 4 * rndn(4);
        static const uint32_t types[] = { 1, 2, 3, 29, 0xffff };
        h[0] = 12 + dl;
        h[1] = rndn(4) ? 1 /* SOL_SOCKET */ : rnd();
        h[2] = PICK(types);
        for (uint32_t k = 0; k < dl / 4; k++) {
            /* SCM_RIGHTS: our descriptors and bad ones. */
            h[3 + k] = rndn(2) ? (uint32_t)owned[rndn(FD_COUNT)] : gen_int();
        }
        if (rndn(8) == 0) {
            h[0] = PICK(((const uint32_t[]){ 0, 11, 13, 0xffffffff, 4000 }));
        }
        total += (h[0] > 12 + dl || h[0] < 12) ? 12 + dl : (h[0] + 3) & ~3u;
    }
    *len = rndn(6) == 0 ? gen_len() : total;
    if (rndn(8) == 0) {
        return gen_ptr();
    }
    return A(buf);
}

static uint32_t gen_msghdr(void)
{
    if (rndn(8) == 0) {
        return gen_ptr();
    }
    uint32_t *m = salloc(28);
    uint32_t len = 0;
    m[0] = rndn(2) ? gen_sockaddr(&len) : 0;
    m[1] = rndn(4) ? len : gen_len();
    m[2] = gen_iov(&m[3]);
    if (rndn(2)) {
        m[4] = gen_cmsg(&m[5]);
    } else {
        /* Room for received control messages (or none). */
        m[4] = rndn(3) ? A(R) + rndn(4 * PG - 512) : gen_ptr();
        m[5] = rndn(3) ? rndn(300) : gen_len();
    }
    m[6] = rnd();
    return A(m);
}

static uint32_t gen_pollfds(uint32_t *n)
{
    static const uint32_t counts[] = { 0, 1, 2, 5, 8, 1000, 65536, 65537,
                                       0xffffffff };
    uint32_t c = PICK(counts);
    uint32_t built = c > 8 ? 8 : c;
    *n = c;
    if (rndn(6) == 0) {
        return gen_ptr();
    }
    uint32_t *p = salloc(8 * (built ? built : 1));
    for (uint32_t i = 0; i < built; i++) {
        p[2 * i] = rndn(4) ? gen_fd() : gen_int();
        p[2 * i + 1] = rnd();
    }
    return A(p);
}

static uint32_t gen_fdset(void)
{
    if (rndn(5) == 0) {
        return rndn(2) ? 0 : gen_ptr();
    }
    uint32_t *p = salloc(128);
    for (int i = 0; i < 32; i++) {
        p[i] = rndn(4) ? 0 : rnd();
    }
    /* Our descriptors (700..709) sit in word 21/22. */
    p[21] = rnd();
    p[22] = rnd();
    return A(p);
}

static uint32_t gen_memaddr(void)
{
    static const uint32_t bad[] = { 0, 0xdead0000, 0xfffff000, 0xc0000000,
                                    0xffff0000, 0xbf000000, 1 };
    switch (rndn(6)) {
    case 0: return PICK(bad);
    case 1: return A(P) + rndn(P_PAGES * PG);
    default: return A(P) + PG * rndn(P_PAGES);
    }
}

/* Lengths for memory calls: inside P (which has two guard pages on each
 * side), wrapping past 4 GiB, or anything above TASK_SIZE; never a
 * length that would reach the program's own mappings. */
static uint32_t gen_memlen(uint32_t addr)
{
    static const uint32_t small[] = { 0, 1, 4096, 8192 };
    static const uint32_t wrap[] = { 0xfffff000, 0xffffffff };
    uint32_t pend = A(P) + P_PAGES * PG;
    bool inp = addr >= A(P) && addr < pend;

    if (addr >= 0xbf000000 || (inp && rndn(3) == 0)) {
        return rndn(2) ? PICK(wrap) : inp ? pend - addr : rnd();
    }
    return PICK(small);
}

/* ---- The call table ------------------------------------------------------ */

typedef enum Kind {
    K_INT, K_FD, K_OFD, K_DIRFD, K_PATH, K_OUT, K_IN, K_LEN, K_SIG,
    K_NOPID, K_QPID, K_ZTS, K_SIGACT, K_BAD, K_IOV, K_MSG, K_SOCKADDR,
    K_SLEN, K_POLLFDS, K_NPOLL, K_FDSET, K_MEMADDR, K_MEMLEN, K_ZERO,
    K_MINUS1, K_NEWFD, K_SPARE, K_SMALL, K_OUTLEN, K_MODE, K_FLAGS,
    K_IOCTL, K_FCNTL, K_PRCTL, K_MADV, K_LOCKOP, K_LEN64, K_TIDADDR,
    K_GCOUNT, K_SIGSET, K_SIGSZ, K_WAITOPT, K_FUTEXOP, K_ROBUST, K_CLOCK,
    K_CNT, K_NEGHI, K_FL, K_NONE,
} Kind;

typedef struct Call {
    uint32_t nr;
    const char *name;
    uint8_t k[6];
} Call;

#define C(nr, name, ...) { nr, name, { __VA_ARGS__ } }
static const Call calls[] = {
    C(3, "read", K_FD, K_OUT, K_OUTLEN),
    C(4, "write", K_FD, K_IN, K_LEN),
    C(5, "open", K_PATH, K_FLAGS, K_MODE),
    C(8, "creat", K_PATH, K_MODE),
    C(9, "link", K_PATH, K_PATH),
    C(10, "unlink", K_PATH),
    C(12, "chdir", K_PATH),
    C(14, "mknod", K_PATH, K_MODE, K_INT),
    C(15, "chmod", K_PATH, K_MODE),
    C(16, "lchown", K_PATH, K_INT, K_INT),
    C(19, "lseek", K_FD, K_INT, K_SMALL),
    C(20, "getpid"),
    C(24, "getuid"),
    C(33, "access", K_PATH, K_SMALL),
    C(37, "kill", K_NOPID, K_SIG),
    C(38, "rename", K_PATH, K_PATH),
    C(39, "mkdir", K_PATH, K_MODE),
    C(40, "rmdir", K_PATH),
    C(41, "dup", K_FD),
    C(42, "pipe", K_OUT),
    C(43, "times", K_OUT),
    C(45, "brk", K_NONE),
    C(46, "setgid", K_MINUS1),
    C(47, "getgid"),
    C(49, "geteuid"),
    C(50, "getegid"),
    C(54, "ioctl", K_FD, K_IOCTL, K_INT),
    C(55, "fcntl", K_FD, K_FCNTL, K_INT),
    C(57, "setpgid", K_NOPID, K_INT),
    C(60, "umask", K_MODE),
    C(61, "chroot", K_BAD),
    C(63, "dup2", K_FD, K_NEWFD),
    C(64, "getppid"),
    C(65, "getpgrp"),
    C(67, "sigaction", K_SIG, K_SIGACT, K_OUT),
    C(70, "setreuid", K_MINUS1, K_MINUS1),
    C(71, "setregid", K_MINUS1, K_MINUS1),
    C(73, "sigpending", K_OUT),
    C(75, "setrlimit", K_SMALL, K_BAD),
    C(77, "getrusage", K_INT, K_OUT),
    C(78, "gettimeofday", K_OUT, K_OUT),
    C(79, "settimeofday", K_BAD, K_BAD),
    C(80, "getgroups", K_GCOUNT, K_OUT),
    C(81, "setgroups", K_GCOUNT, K_BAD),
    C(83, "symlink", K_PATH, K_PATH),
    C(85, "readlink", K_PATH, K_OUT, K_OUTLEN),
    C(91, "munmap", K_MEMADDR, K_MEMLEN),
    C(92, "truncate", K_PATH, K_SMALL),
    C(93, "ftruncate", K_OFD, K_SMALL),
    C(94, "fchmod", K_OFD, K_MODE),
    C(95, "fchown", K_OFD, K_INT, K_INT),
    C(96, "getpriority", K_SMALL, K_QPID),
    C(97, "setpriority", K_SMALL, K_NOPID, K_INT),
    C(99, "statfs", K_PATH, K_OUT),
    C(100, "fstatfs", K_FD, K_OUT),
    C(104, "setitimer", K_SMALL, K_IN, K_OUT),
    C(105, "getitimer", K_SMALL, K_OUT),
    C(106, "stat", K_PATH, K_OUT),
    C(107, "lstat", K_PATH, K_OUT),
    C(108, "fstat", K_FD, K_OUT),
    C(114, "wait4", K_INT, K_OUT, K_WAITOPT, K_OUT),
    C(116, "sysinfo", K_OUT),
    C(118, "fsync", K_FD),
    C(122, "uname", K_OUT),
    C(125, "mprotect", K_MEMADDR, K_MEMLEN, K_INT),
    C(126, "sigprocmask", K_INT, K_IN, K_OUT),
    C(132, "getpgid", K_QPID),
    C(133, "fchdir", K_OFD),
    C(136, "personality", K_MINUS1), /* 0xffffffff: only a query */
    C(138, "setfsuid", K_MINUS1),
    C(139, "setfsgid", K_MINUS1),
    C(140, "_llseek", K_FD, K_INT, K_INT, K_OUT, K_SMALL),
    C(141, "getdents", K_FD, K_OUT, K_OUTLEN),
    C(142, "_newselect", K_FL, K_FDSET, K_FDSET, K_FDSET, K_ZTS),
    C(143, "flock", K_FD, K_LOCKOP),
    C(144, "msync", K_MEMADDR, K_MEMLEN, K_INT),
    C(145, "readv", K_FD, K_IOV),
    C(146, "writev", K_FD, K_IOV),
    C(147, "getsid", K_QPID),
    C(148, "fdatasync", K_FD),
    C(150, "mlock", K_MEMADDR, K_MEMLEN),
    C(151, "munlock", K_MEMADDR, K_MEMLEN),
    C(153, "munlockall"),
    C(154, "sched_setparam", K_NOPID, K_IN),
    C(155, "sched_getparam", K_QPID, K_OUT),
    C(156, "sched_setscheduler", K_NOPID, K_INT, K_IN),
    C(157, "sched_getscheduler", K_QPID),
    C(158, "sched_yield"),
    C(159, "sched_get_priority_max", K_INT),
    C(160, "sched_get_priority_min", K_INT),
    C(161, "sched_rr_get_interval", K_QPID, K_OUT),
    C(162, "nanosleep", K_ZTS, K_OUT),
    C(163, "mremap", K_MEMADDR, K_MEMLEN, K_MEMLEN, K_FL, K_MEMADDR),
    C(164, "setresuid", K_MINUS1, K_MINUS1, K_MINUS1),
    C(165, "getresuid", K_OUT, K_OUT, K_OUT),
    C(168, "poll", K_POLLFDS, K_NPOLL, K_ZERO),
    C(170, "setresgid", K_MINUS1, K_MINUS1, K_MINUS1),
    C(171, "getresgid", K_OUT, K_OUT, K_OUT),
    C(172, "prctl", K_PRCTL, K_INT, K_INT, K_INT, K_INT),
    C(174, "rt_sigaction", K_SIG, K_SIGACT, K_OUT, K_SIGSZ),
    C(175, "rt_sigprocmask", K_INT, K_SIGSET, K_OUT, K_SIGSZ),
    C(176, "rt_sigpending", K_OUT, K_SIGSZ),
    C(177, "rt_sigtimedwait", K_SIGSET, K_OUT, K_ZTS, K_SIGSZ),
    C(178, "rt_sigqueueinfo", K_NOPID, K_SIG, K_IN),
    C(179, "rt_sigsuspend", K_BAD, K_SIGSZ),
    C(180, "pread64", K_FD, K_OUT, K_OUTLEN, K_ZERO, K_LEN64, K_SMALL),
    C(181, "pwrite64", K_FD, K_IN, K_LEN, K_ZERO, K_LEN64, K_SMALL),
    C(182, "chown", K_PATH, K_INT, K_INT),
    C(183, "getcwd", K_OUT, K_OUTLEN),
    C(186, "sigaltstack", K_IN, K_OUT),
    C(187, "sendfile", K_FD, K_FD, K_OUT, K_CNT),
    C(191, "ugetrlimit", K_SMALL, K_OUT),
    C(192, "mmap2", K_MEMADDR, K_MEMLEN, K_INT, K_INT, K_FD, K_SMALL),
    C(193, "truncate64", K_PATH, K_ZERO, K_LEN64, K_SMALL),
    C(194, "ftruncate64", K_OFD, K_ZERO, K_LEN64, K_SMALL),
    C(195, "stat64", K_PATH, K_OUT),
    C(196, "lstat64", K_PATH, K_OUT),
    C(197, "fstat64", K_FD, K_OUT),
    C(198, "lchown32", K_PATH, K_INT, K_INT),
    C(199, "getuid32"),
    C(200, "getgid32"),
    C(201, "geteuid32"),
    C(202, "getegid32"),
    C(203, "setreuid32", K_MINUS1, K_MINUS1),
    C(204, "setregid32", K_MINUS1, K_MINUS1),
    C(205, "getgroups32", K_GCOUNT, K_OUT),
    C(206, "setgroups32", K_GCOUNT, K_BAD),
    C(207, "fchown32", K_OFD, K_INT, K_INT),
    C(208, "setresuid32", K_MINUS1, K_MINUS1, K_MINUS1),
    C(209, "getresuid32", K_OUT, K_OUT, K_OUT),
    C(210, "setresgid32", K_MINUS1, K_MINUS1, K_MINUS1),
    C(211, "getresgid32", K_OUT, K_OUT, K_OUT),
    C(212, "chown32", K_PATH, K_INT, K_INT),
    C(213, "setuid32", K_MINUS1),
    C(214, "setgid32", K_MINUS1),
    C(215, "setfsuid32", K_MINUS1),
    C(216, "setfsgid32", K_MINUS1),
    C(217, "getdents64", K_FD, K_OUT, K_OUTLEN),
    C(219, "mincore", K_MEMADDR, K_MEMLEN, K_OUT),
    C(220, "madvise", K_MEMADDR, K_MEMLEN, K_MADV),
    C(221, "fcntl64", K_FD, K_FCNTL, K_INT),
    C(224, "gettid"),
    C(225, "readahead", K_FD, K_ZERO, K_LEN64, K_SMALL, K_LEN),
    C(238, "tkill", K_NOPID, K_SIG),
    C(239, "sendfile64", K_FD, K_FD, K_OUT, K_CNT),
    C(240, "futex", K_OUT, K_FUTEXOP, K_INT, K_ZTS, K_OUT, K_INT),
    C(241, "sched_setaffinity", K_NOPID, K_LEN, K_IN),
    C(242, "sched_getaffinity", K_QPID, K_LEN, K_OUT),
    C(250, "epoll_create", K_INT),
    C(251, "epoll_ctl", K_FD, K_SMALL, K_FD, K_IN),
    C(252, "epoll_wait", K_FD, K_OUT, K_FL, K_ZERO),
    C(256, "set_tid_address", K_TIDADDR),
    C(262, "clock_settime", K_CLOCK, K_BAD),
    C(263, "clock_gettime", K_CLOCK, K_OUT),
    C(264, "clock_getres", K_CLOCK, K_OUT),
    C(265, "clock_nanosleep", K_CLOCK, K_INT, K_ZTS, K_OUT),
    C(266, "statfs64", K_PATH, K_SLEN, K_OUT),
    C(267, "fstatfs64", K_FD, K_SLEN, K_OUT),
    C(268, "tgkill", K_NOPID, K_NOPID, K_SIG),
    C(269, "utimes", K_PATH, K_IN),
    C(270, "arm_fadvise64_64", K_FD, K_INT, K_INT, K_INT, K_INT, K_INT),
    C(280, "waitid", K_SMALL, K_INT, K_OUT, K_WAITOPT, K_OUT),
    C(281, "socket", K_SMALL, K_FL, K_FL),
    C(282, "bind", K_FD, K_SOCKADDR, K_SLEN),
    C(283, "connect", K_FD, K_SOCKADDR, K_SLEN),
    C(284, "listen", K_FD, K_INT),
    C(285, "accept", K_FD, K_OUT, K_OUT),
    C(286, "getsockname", K_FD, K_OUT, K_OUT),
    C(287, "getpeername", K_FD, K_OUT, K_OUT),
    C(288, "socketpair", K_SMALL, K_FL, K_FL, K_OUT),
    C(289, "send", K_FD, K_IN, K_LEN, K_FL),
    C(290, "sendto", K_FD, K_IN, K_LEN, K_FL, K_SOCKADDR, K_SLEN),
    C(291, "recv", K_FD, K_OUT, K_OUTLEN, K_FL),
    C(292, "recvfrom", K_FD, K_OUT, K_OUTLEN, K_FL, K_OUT, K_OUT),
    C(293, "shutdown", K_FD, K_SMALL),
    C(294, "setsockopt", K_FD, K_INT, K_INT, K_IN, K_LEN),
    C(295, "getsockopt", K_FD, K_INT, K_INT, K_OUT, K_OUT),
    C(296, "sendmsg", K_FD, K_MSG, K_FL),
    C(297, "recvmsg", K_FD, K_MSG, K_FL),
    C(322, "openat", K_DIRFD, K_PATH, K_FLAGS, K_MODE),
    C(323, "mkdirat", K_DIRFD, K_PATH, K_MODE),
    C(324, "mknodat", K_DIRFD, K_PATH, K_MODE, K_INT),
    C(325, "fchownat", K_DIRFD, K_PATH, K_INT, K_INT, K_FL),
    C(326, "futimesat", K_DIRFD, K_PATH, K_IN),
    C(327, "fstatat64", K_DIRFD, K_PATH, K_OUT, K_FL),
    C(328, "unlinkat", K_DIRFD, K_PATH, K_FL),
    C(329, "renameat", K_DIRFD, K_PATH, K_DIRFD, K_PATH),
    C(330, "linkat", K_DIRFD, K_PATH, K_DIRFD, K_PATH, K_FL),
    C(331, "symlinkat", K_PATH, K_DIRFD, K_PATH),
    C(332, "readlinkat", K_DIRFD, K_PATH, K_OUT, K_OUTLEN),
    C(333, "fchmodat", K_DIRFD, K_PATH, K_MODE),
    C(334, "faccessat", K_DIRFD, K_PATH, K_SMALL),
    C(335, "pselect6", K_FL, K_FDSET, K_FDSET, K_FDSET, K_ZTS, K_IN),
    C(336, "ppoll", K_POLLFDS, K_NPOLL, K_ZTS, K_SIGSET, K_SIGSZ),
    C(338, "set_robust_list", K_ROBUST, K_LEN),
    C(339, "get_robust_list", K_QPID, K_OUT, K_OUT),
    C(341, "arm_sync_file_range", K_FD, K_INT, K_INT, K_INT, K_INT, K_INT),
    C(346, "epoll_pwait", K_FD, K_OUT, K_FL, K_ZERO, K_SIGSET, K_SIGSZ),
    C(348, "utimensat", K_DIRFD, K_PATH, K_IN, K_FL),
    C(351, "eventfd", K_INT),
    C(352, "fallocate", K_OFD, K_SMALL, K_SMALL, K_NEGHI, K_CNT, K_NEGHI),
    C(356, "eventfd2", K_INT, K_FL),
    C(357, "epoll_create1", K_FL),
    C(358, "dup3", K_FD, K_NEWFD, K_FL),
    C(359, "pipe2", K_OUT, K_FL),
    C(361, "preadv", K_FD, K_IOV, K_SMALL, K_LEN64),
    C(362, "pwritev", K_FD, K_IOV, K_SMALL, K_LEN64),
    C(363, "rt_tgsigqueueinfo", K_NOPID, K_NOPID, K_SIG, K_IN),
    C(366, "accept4", K_FD, K_OUT, K_OUT, K_FL),
    C(369, "prlimit64", K_NOPID, K_SMALL, K_BAD, K_OUT),
    C(373, "syncfs", K_FD),
    C(382, "renameat2", K_DIRFD, K_PATH, K_DIRFD, K_PATH, K_FL),
    C(384, "getrandom", K_OUT, K_OUTLEN, K_FL),
    C(385, "memfd_create", K_PATH, K_FL),
    C(389, "membarrier", K_SMALL, K_FL, K_FL),
    C(390, "mlock2", K_MEMADDR, K_MEMLEN, K_FL),
    C(391, "copy_file_range", K_FD, K_OUT, K_FD, K_OUT, K_CNT, K_FL),
    C(392, "preadv2", K_FD, K_IOV, K_SMALL, K_LEN64, K_FL),
    C(393, "pwritev2", K_FD, K_IOV, K_SMALL, K_LEN64, K_FL),
    C(397, "statx", K_DIRFD, K_PATH, K_FL, K_FL, K_OUT),
    C(403, "clock_gettime64", K_CLOCK, K_OUT),
    C(404, "clock_settime64", K_CLOCK, K_BAD),
    C(406, "clock_getres_time64", K_CLOCK, K_OUT),
    C(407, "clock_nanosleep_time64", K_CLOCK, K_INT, K_ZTS, K_OUT),
    C(412, "utimensat_time64", K_DIRFD, K_PATH, K_IN, K_FL),
    C(413, "pselect6_time64", K_FL, K_FDSET, K_FDSET, K_FDSET, K_ZTS, K_IN),
    C(414, "ppoll_time64", K_POLLFDS, K_NPOLL, K_ZTS, K_SIGSET, K_SIGSZ),
    C(421, "rt_sigtimedwait_time64", K_SIGSET, K_OUT, K_ZTS, K_SIGSZ),
    C(422, "futex_time64", K_OUT, K_FUTEXOP, K_INT, K_ZTS, K_OUT, K_INT),
    C(423, "sched_rr_get_interval_time64", K_QPID, K_OUT),
    C(436, "close_range", K_SPARE, K_SPARE, K_INT),
    C(439, "faccessat2", K_DIRFD, K_PATH, K_SMALL, K_FL),
    C(441, "epoll_pwait2", K_FD, K_OUT, K_FL, K_ZTS, K_SIGSET, K_SIGSZ),
    C(452, "fchmodat2", K_DIRFD, K_PATH, K_MODE, K_FL),
    C(6, "close", K_SPARE),
    C(0xf0002, "cacheflush", K_INT, K_INT, K_ZERO),
    C(0xf0005, "set_tls", K_NONE),
    C(0xf0006, "get_tls"),
    /* Numbers emu-arm answers with ENOSYS, and numbers that are none. */
    C(226, "setxattr", K_PATH, K_PATH, K_IN, K_LEN, K_INT),
    C(229, "getxattr", K_PATH, K_PATH, K_OUT, K_OUTLEN),
    C(350, "timerfd_create", K_INT, K_INT),
    C(316, "inotify_init"),
    C(0xf0010, "arm_private_none", K_INT),
    C(460, "past_the_table", K_INT),
    C(0x100000, "huge_number", K_INT),
};
#define NCALLS (sizeof(calls) / sizeof(calls[0]))

static uint32_t gen_arg(Kind k, const Call *c, const uint32_t *prev)
{
    static const uint32_t modes[] = { 0, 0644, 0777, 0100644, 0100000,
                                      040755, 0170000, 0xffffffff, 07777 };
    static const uint32_t smalls[] = { 0, 1, 2, 3, 4, 5, 10, 15, 16, 0xffffffff,
                                       0x80000000, 1000 };
    static const uint32_t ioctls[] = {
        0x5401, 0x5402, 0x5403, 0x5404, 0x5409, 0x540a, 0x540b, 0x540c,
        0x540d, 0x540f, 0x5410, 0x5411, 0x5413, 0x5414, 0x5415, 0x5416,
        0x5417, 0x5418, 0x5419, 0x541a, 0x541b, 0x5420, 0x5421, 0x5425,
        0x5429, 0x80045430, 0x40045431, 0x80045432, 0x80045438, 0x80045439,
        0x80045440, 0x5441, 0x5450, 0x5451, 0x5452, 0x5460, 0x8901, 0x8902,
        0x8903, 0x8904, 0x8905, 0xdeadbeef, 0, 0xc0185879,
    };
    /* No F_SETLKW, F_SETLKW64, F_OFD_SETLKW: an OFD lock and a POSIX lock
     * of the same process conflict and would wait forever. */
    static const uint32_t fcntls[] = {
        0, 1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 15, 16, 36, 37, 1024,
        1025, 1026, 1030, 1031, 1032, 1033, 1034, 999, 0xffffffff,
    };
    static const uint32_t prctls[] = {
        1, 2, 3, 7, 15, 16, 21, 23, 30, 36, 37, 39, 42, 0, 9999,
        0x7fffffff, 22,
    };
    static const uint32_t madvs[] = { 0, 1, 2, 3, 4, 8, 9, 10, 11, 12, 13, 14,
                                      15, 16, 17, 18, 19, 20, 21, 999,
                                      0xffffffff };
    static const uint32_t futexops[] = { 0, 1, 3, 4, 5, 6, 7, 8, 9, 10, 11,
                                         12, 13, 128, 129, 137, 256, 999 };
    static const uint32_t clocks[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12,
                                       0xffffffff, 0xfffffffe, 0xfffffffa,
                                       0x80000000, 1000 };

    switch (k) {
    case K_INT: return gen_int();
    case K_FD: return gen_fd();
    case K_OFD: return gen_own_inode_fd();
    case K_DIRFD: return gen_dirfd();
    case K_PATH: return gen_path();
    case K_OUT: return gen_ptr();
    case K_IN: return gen_in(rndn(2) ? 64 : 512);
    case K_LEN: return gen_len();
    case K_OUTLEN: return rndn(2) ? rndn(300) : gen_len();
    case K_SIG: return gen_sig();
    case K_NOPID: return gen_nopid();
    case K_QPID: return gen_qpid();
    case K_ZTS: return gen_zero_ts();
    case K_SIGACT: return gen_sigact();
    case K_BAD: return gen_bad_ptr();
    case K_ZERO: return 0;
    case K_MINUS1:
        /* -1: "unchanged"; 0xffff means the same to the 16-bit calls
         * only (setfsuid32(0xffff) would really change the fsuid). */
        switch (c->nr) {
        case 46: case 70: case 71: case 138: case 139: case 164: case 170:
            return rndn(4) ? 0xffffffff : 0xffff;
        default:
            return 0xffffffff;
        }
    case K_NEWFD: {
        /* Never one of ours: dup2 could make a pipe's number an
         * eventfd, and the fchmod rules above rely on the numbers. */
        static const uint32_t v[] = { 800, 801, 802, 0xffffffff, 0x7fffffff,
                                      20000, 1u << 20 };
        return PICK(v);
    }
    case K_SPARE: {
        static const uint32_t v[] = { 800, 801, 802, 803, 0xffffffff, 999,
                                      0x7fffffff };
        return PICK(v);
    }
    case K_SMALL: return PICK(smalls);
    case K_MODE: {
        uint32_t m = PICK(modes);
        /* mknod: never a device or a FIFO (opening one would wait). */
        if ((c->nr == 14 || c->nr == 324) && (m & 0170000) != 0100000
            && (m & 0170000) != 040000) {
            m = 0100600;
        }
        return m;
    }
    case K_FLAGS: return rndn(3) ? rndn(4) | (rnd() & 0x1ffff00)
                                 : rnd();
    case K_IOCTL: return PICK(ioctls);
    case K_FCNTL: return PICK(fcntls);
    case K_PRCTL: return PICK(prctls);
    case K_MADV: return PICK(madvs);
    case K_LOCKOP: return (rndn(8) | 4); /* LOCK_NB always */
    case K_LEN64: {
        static const uint32_t v[] = { 0, 0x7fffffff, 0x80000000, 1 };
        return rndn(2) ? 0 : PICK(v);
    }
    case K_TIDADDR: return rndn(2) ? gen_ptr() : 0;
    case K_GCOUNT: {
        static const uint32_t v[] = { 1, 2, 3, 32, 65536, 65537, 0xffffffff,
                                      0x80000000 };
        /* getgroups may ask for 0 (the count). */
        return (c->nr == 80 || c->nr == 205) && rndn(4) == 0 ? 0 : PICK(v);
    }
    case K_SIGSET: {
        if (rndn(5) == 0) {
            return gen_ptr();
        }
        uint32_t *p = salloc(16);
        p[0] = rnd();
        p[1] = rnd();
        p[2] = rnd();
        p[3] = rnd();
        return A(p);
    }
    case K_SIGSZ: return rndn(4) ? 8 : PICK(smalls);
    case K_CNT: {
        /* Data moved between files stays small (no disk filling). */
        static const uint32_t v[] = { 0, 1, 100, 4096, 65536 };
        return PICK(v);
    }
    case K_NEGHI: return rndn(3) ? 0 : 0x80000000;
    case K_FL:
        /* Flags: mostly none or one bit, so calls get past the check. */
        switch (rndn(4)) {
        case 0: return 0;
        case 1: return 1u << rndn(16);
        case 2: return rndn(8);
        default: return gen_int();
        }
    case K_WAITOPT: /* WNOHANG | WEXITED... often, garbage sometimes */
        return rndn(4) ? (rndn(16) | (rndn(2) << 24)) : rnd();
    case K_FUTEXOP: return PICK(futexops) | (rndn(4) == 0 ? 256 : 0);
    case K_ROBUST: {
        if (rndn(3) == 0) {
            return gen_ptr();
        }
        /* A head pointing at itself, to a loop, or into junk. */
        uint32_t *h = salloc(24);
        h[0] = rndn(2) ? A(h) : A(h + 3);
        h[1] = rnd() & 0xfff;
        h[2] = rndn(2) ? 0 : A(h + 3);
        h[3] = A(h + 3);
        h[4] = rnd();
        h[5] = rnd();
        (void)prev;
        return A(h);
    }
    case K_CLOCK: return PICK(clocks);
    case K_IOV:
    case K_MSG:
    case K_SOCKADDR:
    case K_SLEN:
    case K_POLLFDS:
    case K_NPOLL:
    case K_FDSET:
    case K_MEMADDR:
    case K_MEMLEN:
    case K_NONE:
        break;
    }
    return 0;
}

/* ---- One call ------------------------------------------------------------ */

static bool verbose;
static unsigned long n_fault_class, n_ok;

static bool returns_fd(const Call *c, const uint32_t *a)
{
    switch (c->nr) {
    case 5: case 8: case 41: case 63: case 250: case 281: case 285:
    case 322: case 351: case 356: case 357: case 358: case 366: case 385:
        return true;
    case 55: case 221:
        return a[1] == 0 || a[1] == 1030;
    default:
        return false;
    }
}

static void close_new_fd(long fd)
{
    if (fd > 2 && !is_owned((int)fd) && fd != owned[FD_EPOLL]) {
        close((int)fd);
    }
}

/* Received SCM_RIGHTS descriptors are the test's to close. */
static void close_received(uint32_t gmsg)
{
    uint32_t *m = (uint32_t *)(uintptr_t)gmsg;
    uint8_t *ctl = (uint8_t *)(uintptr_t)m[4];
    uint32_t len = m[5], off = 0;
    uintptr_t lo = (uintptr_t)R, hi = (uintptr_t)R + 4 * PG;

    if ((uintptr_t)ctl < lo || (uintptr_t)ctl + len > hi) {
        return;
    }
    while (off + 12 <= len) {
        uint32_t *h = (uint32_t *)(ctl + off);
        if (h[0] < 12 || h[0] > len - off) {
            break;
        }
        if (h[1] == SOL_SOCKET && h[2] == SCM_RIGHTS) {
            for (uint32_t i = 12; i + 4 <= h[0]; i += 4) {
                close_new_fd((int)h[i / 4]);
            }
        }
        off += (h[0] + 3) & ~3u;
    }
}

static void do_one(unsigned iter)
{
    const Call *c = &calls[rndn(NCALLS)];
    uint32_t a[6] = { 0 };
    long r;

    struct_off = 0;
    for (int i = 0; i < 6; i++) {
        Kind k = (Kind)c->k[i];
        switch (k) {
        case K_IOV: a[i] = gen_iov(&a[i + 1]); i++; continue;
        case K_POLLFDS: a[i] = gen_pollfds(&a[i + 1]); i++; continue;
        case K_SOCKADDR: a[i] = gen_sockaddr(&a[i + 1]); continue;
        case K_SLEN:
            if (i == 0 || c->k[i - 1] != K_SOCKADDR || rndn(4) == 0) {
                static const uint32_t v[] = { 0, 2, 16, 28, 84, 88, 110, 128,
                                              129, 0xffffffff };
                a[i] = PICK(v);
            }
            continue;
        case K_NPOLL: continue;
        case K_MSG: a[i] = gen_msghdr(); continue;
        case K_FDSET: a[i] = gen_fdset(); continue;
        case K_MEMADDR: a[i] = gen_memaddr(); continue;
        case K_MEMLEN: a[i] = gen_memlen(i ? a[i - 1] : 0); continue;
        case K_NONE:
            /* brk / set_tls: values that change nothing or fail. */
            if (c->nr == 45) {
                static const uint32_t v[] = { 0, 0xc0000000, 0xffffffff };
                a[i] = rndn(3) ? PICK(v) : (uint32_t)syscall(45, 0);
            } else {
                a[i] = (uint32_t)self_tls;
            }
            continue;
        default:
            a[i] = gen_arg(k, c, a);
        }
    }
    /* kill-family with the test itself as target: only signal 0. */
    if ((c->nr == 37 || c->nr == 238) && rndn(8) == 0) {
        a[0] = c->nr == 37 ? (uint32_t)getpid() : (uint32_t)syscall(224);
        a[1] = 0;
    }
    if (c->nr == 268 && rndn(8) == 0) {
        a[0] = (uint32_t)getpid();
        a[1] = (uint32_t)syscall(224);
        a[2] = 0;
    }
    if (verbose) {
        fprintf(stderr, "%u: %s(%#x, %#x, %#x, %#x, %#x, %#x)", iter,
                c->name, a[0], a[1], a[2], a[3], a[4], a[5]);
    }
    errno = 0;
    r = syscall(c->nr, a[0], a[1], a[2], a[3], a[4], a[5]);
    if (verbose) {
        fprintf(stderr, " = %#lx (%d)\n", r, r == -1 ? errno : 0);
    }
    if (r == -1 && errno) {
        if (errno == EFAULT || errno == EINVAL || errno == EBADF
            || errno == ENOSYS) {
            n_fault_class++;
        }
        return;
    }
    n_ok++;
    /* Undo what must not pile up or stay changed. */
    if (returns_fd(c, a)) {
        close_new_fd(r);
    }
    if ((c->nr == 42 || c->nr == 359 || c->nr == 288) && r == 0) {
        uint32_t p = c->nr == 288 ? a[3] : a[0];
        if ((p >= A(R) && p + 8 <= A(R) + 4 * PG)
            || (p >= A(R + R_CODE * PG) && p + 8 <= A(R + R_HOLE4 * PG))) {
            close_new_fd(((int32_t *)(uintptr_t)p)[0]);
            close_new_fd(((int32_t *)(uintptr_t)p)[1]);
        }
    }
    if (c->nr == 297) {
        close_received(a[1]);
    }
    if (c->nr == 192 || c->nr == 163) {
        /* A mapping outside P goes away at once (holes stay holes). */
        uint32_t len = c->nr == 192 ? a[1] : a[2];
        uint32_t pend = A(P) + P_PAGES * PG;
        if ((uint32_t)r < A(P) || (uint32_t)r >= pend) {
            munmap((void *)(uintptr_t)(uint32_t)r, len);
        }
    }
    if (c->nr == 55 || c->nr == 221 || c->nr == 54) {
        fix_owned_flags();
    }
    switch (c->nr) {
    case 4: case 146: case 181: case 362: case 393: case 187: case 239:
    case 391: case 93: case 194: case 352:
        /* The file stays small. */
        ftruncate(owned[FD_FILE], 4096);
        break;
    default:
        break;
    }
}

/* ---- Set-up and checks ---------------------------------------------------- */

static uint32_t sum(const uint8_t *p, uint32_t n)
{
    uint32_t s = 0;
    for (uint32_t i = 0; i < n; i++) {
        s = s * 31 + p[i];
    }
    return s;
}

static void code_fn_init(void)
{
    uint32_t *code = (uint32_t *)(R + R_CODE * PG);
    for (int i = 0; i < PG / 4; i++) {
        code[i] = 0xe12fff1e; /* bx lr */
    }
    code[0] = 0xe3a0002a; /* mov r0, #42 */
    code[1] = 0xe12fff1e;
    __builtin___clear_cache((char *)code, (char *)code + PG);
}

static int code_fn_call(void)
{
    uint32_t *code = (uint32_t *)(R + R_CODE * PG);
    /* Calls may have written over it: put the function back first. */
    code[0] = 0xe3a0002a;
    code[1] = 0xe12fff1e;
    __builtin___clear_cache((char *)code, (char *)code + 8);
    return ((int (*)(void))(uintptr_t)code)();
}

static void setup_memory(void)
{
    R = mmap(NULL, R_PAGES * PG, PROT_READ | PROT_WRITE,
             MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    P = mmap(NULL, (P_PAGES + 4) * PG, PROT_READ | PROT_WRITE,
             MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (R == MAP_FAILED || P == MAP_FAILED) {
        perror("mmap");
        exit(1);
    }
    P += 2 * PG; /* two guard pages each side stay ours */
    for (uint32_t i = 0; i < R_PAGES * PG; i++) {
        R[i] = safe_byte();
    }
    /* RO page: random name bytes, its last 512 bytes without NUL. */
    memset(R + R_RO * PG + PG - 512, 'a', 512);
    memset(R + R_LONG * PG, 'b', 2 * PG);
    memset(R + R_ZERO * PG, 0, PG);
    memset(R + R_NONE * PG, 0x5a, PG);
    code_fn_init();
    ro_sum = sum(R + R_RO * PG, PG);
    none_sum = sum(R + R_NONE * PG, PG);
    munmap(R + R_HOLE1 * PG, PG);
    munmap(R + R_HOLE2 * PG, PG);
    munmap(R + R_HOLE3 * PG, PG);
    munmap(R + R_HOLE4 * PG, PG);
    mprotect(R + R_RO * PG, PG, PROT_READ);
    mprotect(R + R_NONE * PG, PG, PROT_NONE);
    mprotect(R + R_LONG * PG, 3 * PG, PROT_READ);
    mprotect(R + R_CODE * PG, PG, PROT_READ | PROT_WRITE | PROT_EXEC);
}

static void setup_fds(void)
{
    int p[2], s[2], fd;
    struct sockaddr_in in;
    socklen_t len = sizeof(in);

    strcpy(tmpdir, "/tmp/emu-sysfuzz.XXXXXX");
    if (!mkdtemp(tmpdir) || chdir(tmpdir) < 0) {
        perror("mkdtemp");
        exit(1);
    }
    move_fd(FD_DIR, open(".", O_RDONLY | O_DIRECTORY));
    fd = open("F0", O_RDWR | O_CREAT | O_TRUNC, 0600);
    move_fd(FD_FILE, fd);
    if (pipe(p) < 0 || socketpair(AF_UNIX, SOCK_STREAM, 0, s) < 0) {
        perror("pipe");
        exit(1);
    }
    move_fd(FD_PIPE_R, p[0]);
    move_fd(FD_PIPE_W, p[1]);
    move_fd(FD_SOCK0, s[0]);
    move_fd(FD_SOCK1, s[1]);
    fd = socket(AF_INET, SOCK_DGRAM, 0);
    memset(&in, 0, sizeof(in));
    in.sin_family = AF_INET;
    in.sin_addr.s_addr = htonl(0x7f000001);
    bind(fd, (struct sockaddr *)&in, sizeof(in));
    getsockname(fd, (struct sockaddr *)&in, &len);
    udp_port = in.sin_port;
    move_fd(FD_UDP, fd);
    fd = socket(AF_INET, SOCK_STREAM, 0);
    in.sin_port = 0;
    bind(fd, (struct sockaddr *)&in, sizeof(in));
    listen(fd, 4);
    move_fd(FD_TCP, fd);
    move_fd(FD_EVENT, eventfd(0, 0));
    move_fd(FD_EPOLL, epoll_create1(0));
    fix_owned_flags();

    /* A file mapping whose second page lies past the end of the file. */
    fd = open("zz_map", O_RDWR | O_CREAT | O_TRUNC, 0600);
    if (write(fd, "0123456789", 10) != 10) {
        perror("write");
        exit(1);
    }
    fmap = mmap(NULL, 2 * PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    close(fd);
    if (fmap == MAP_FAILED) {
        perror("mmap file");
        exit(1);
    }
}

/* No signal may end the test: every catchable one is ignored (the
 * fuzzer can only ever install SIG_IGN). */
static void setup_signals(void)
{
    for (int s = 1; s < 65; s++) {
        if (s != SIGKILL && s != SIGSTOP && s != 32 && s != 33) {
            signal(s, SIG_IGN);
        }
    }
}

static void rm_tree(int dirfd)
{
    DIR *d = fdopendir(dirfd);
    struct dirent *e;

    if (!d) {
        close(dirfd);
        return;
    }
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) {
            continue;
        }
        if (unlinkat(dirfd, e->d_name, 0) < 0 && errno == EISDIR) {
            int sub;
            fchmodat(dirfd, e->d_name, 0700, 0);
            sub = openat(dirfd, e->d_name, O_RDONLY | O_DIRECTORY
                         | O_NOFOLLOW);
            if (sub >= 0) {
                rm_tree(sub);
            }
            unlinkat(dirfd, e->d_name, AT_REMOVEDIR);
        }
    }
    closedir(d);
}

static void cleanup(void)
{
    struct itimerval zero;
    int fd;

    memset(&zero, 0, sizeof(zero));
    setitimer(ITIMER_REAL, &zero, NULL);
    setitimer(ITIMER_VIRTUAL, &zero, NULL);
    setitimer(ITIMER_PROF, &zero, NULL);
    chmod(tmpdir, 0700);
    fd = open(tmpdir, O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        rm_tree(fd);
    }
    if (chdir("/") < 0 || rmdir(tmpdir) < 0) {
        printf("cleanup: %s\n", strerror(errno));
    }
}

int main(int argc, char **argv)
{
    unsigned n = argc > 1 ? (unsigned)strtoul(argv[1], NULL, 0) : 40000;
    int code_ok = 1;

    if (argc > 2) {
        rng_state = (uint32_t)strtoul(argv[2], NULL, 0) | 1;
    }
    /* Third argument: letters; v = print each call to stderr, e = no
     * pointers into the page past EOF. */
    verbose = argc > 3 && strchr(argv[3], 'v');
    no_eof = argc > 3 && strchr(argv[3], 'e');
    setvbuf(stdout, NULL, _IOLBF, 0);
    self_tls = syscall(0xf0006);
    setup_signals();
    setup_memory();
    setup_fds();
    umask(022);

    for (unsigned i = 0; i < n; i++) {
        do_one(i);
        if ((i & 63) == 0) {
            /* The file stays small, the code page keeps working. */
            ftruncate(owned[FD_FILE], 4096);
            if (code_fn_call() != 42) {
                code_ok = 0;
            }
        }
    }

    /* What the calls must never have changed. */
    printf("done %u calls\n", n);
    printf("code page runs: %s\n", code_ok && code_fn_call() == 42 ? "yes"
                                                                   : "no");
    printf("read-only page intact: %s\n",
           sum(R + R_RO * PG, PG) == ro_sum ? "yes" : "no");
    mprotect(R + R_NONE * PG, PG, PROT_READ);
    printf("PROT_NONE page intact: %s\n",
           sum(R + R_NONE * PG, PG) == none_sum ? "yes" : "no");
    printf("holes still unmapped: %s\n",
           msync(R + R_HOLE1 * PG, PG, 0) < 0
           && msync(R + R_HOLE2 * PG, PG, 0) < 0 ? "yes" : "no");
    printf("tls unchanged: %s\n", syscall(0xf0006) == self_tls ? "yes"
                                                                : "no");
    cleanup();
    if (verbose) {
        fprintf(stderr, "ok %lu, EFAULT/EINVAL/EBADF/ENOSYS %lu\n", n_ok,
                n_fault_class);
    }
    return 0;
}

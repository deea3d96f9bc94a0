/* tests/unit/linux-user-structs/test_structs.c — the generic guest struct
 * descriptions (thunk_structs.c) resolved for ARM EABI, i386-style 4-byte
 * alignment and big-endian guests; ARM's open-flag map round trips; and
 * a few syscalls run through syscall_dispatch() on guest memory (stat64,
 * fcntl64 F_GETFL, getdents64, pipe2 + epoll, statfs64, EFAULT).
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "tests/unit/linux-user/lu_test.h"
#include "linux-user/syscall.h"
#include "linux-user/syscall_util.h"
#include "linux-user/thunk_structs.h"

static const ThunkRules rules_arm = { 4, 8, false };
static const ThunkRules rules_i386 = { 4, 4, false };
static const ThunkRules rules_armeb = { 4, 8, true };

static ThunkLayout *resolve(int id, const ThunkRules *r)
{
    ThunkLayout *l = thunk_resolve(&thunk_generic[id], r);
    assert_non_null(l);
    return l;
}

static uint32_t guest_off_of(const ThunkLayout *l, unsigned field)
{
    assert_true(field < l->nfields);
    return l->fields[field].guest_off;
}

/* Every description resolves under every rule set. */
static void test_all_resolve(void **state)
{
    const ThunkRules *rules[] = { &rules_arm, &rules_i386, &rules_armeb };

    for (int id = 0; id < THUNK_ID_COUNT; id++) {
        for (unsigned r = 0; r < 3; r++) {
            ThunkLayout *l = thunk_resolve(&thunk_generic[id], rules[r]);
            assert_non_null(l);
            thunk_layout_free(l);
        }
    }
}

/* Guest sizes of the kernel's ARM EABI and i386 layouts. */
static void test_sizes(void **state)
{
    static const struct { int id; uint32_t arm, i386; } want[] = {
        { THUNK_ID_TIMESPEC, 8, 8 },
        { THUNK_ID_TIMEVAL, 8, 8 },
        { THUNK_ID_IOVEC, 8, 8 },
        { THUNK_ID_TIMESPEC64, 16, 16 },
        { THUNK_ID_STAT64, TGT_EABI_STAT64_SIZE, 96 },
        { THUNK_ID_STAT, TGT_EABI_STAT_SIZE, 64 },
        { THUNK_ID_STATFS64, TGT_EABI_STATFS64_SIZE, 84 },
        { THUNK_ID_STATFS, TGT_EABI_STATFS_SIZE, 64 },
        { THUNK_ID_STATX, TGT_STATX_SIZE, TGT_STATX_SIZE },
        { THUNK_ID_FLOCK64, TGT_EABI_FLOCK64_SIZE, 24 },
        { THUNK_ID_FLOCK, TGT_FLOCK_SIZE, 16 },
        { THUNK_ID_TERMIOS, TGT_TERMIOS_SIZE, TGT_TERMIOS_SIZE },
        { THUNK_ID_WINSIZE, 8, 8 },
        { THUNK_ID_EPOLL_EVENT, TGT_EABI_EPOLL_EVENT_SIZE, 12 },
        { THUNK_ID_POLLFD, 8, 8 },
        { THUNK_ID_MSGHDR, TGT_MSGHDR_SIZE, TGT_MSGHDR_SIZE },
        { THUNK_ID_MMSGHDR, 32, 32 },
        { THUNK_ID_LINGER, 8, 8 },
        { THUNK_ID_UCRED, 12, 12 },
        { THUNK_ID_TMS, 16, 16 },
        { THUNK_ID_RLIMIT, 8, 8 },
        { THUNK_ID_RLIMIT64, 16, 16 },
        { THUNK_ID_RUSAGE, TGT_RUSAGE_SIZE, TGT_RUSAGE_SIZE },
        { THUNK_ID_SYSINFO, TGT_SYSINFO_SIZE, TGT_SYSINFO_SIZE },
        { THUNK_ID_ITIMERVAL, 16, 16 },
        { THUNK_ID_TIMEZONE, 8, 8 },
        { THUNK_ID_UTIMBUF, 8, 8 },
    };
    _Static_assert(sizeof(want) / sizeof(want[0]) == THUNK_ID_COUNT,
                   "every struct id has a size check");

    for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
        ThunkLayout *a = resolve(want[i].id, &rules_arm);
        ThunkLayout *b = resolve(want[i].id, &rules_i386);
        if (a->guest_size != want[i].arm || b->guest_size != want[i].i386) {
            print_error("%s: arm %u (want %u) i386 %u (want %u)\n", a->name,
                        a->guest_size, want[i].arm, b->guest_size,
                        want[i].i386);
        }
        assert_int_equal(a->guest_size, want[i].arm);
        assert_int_equal(b->guest_size, want[i].i386);
        thunk_layout_free(a);
        thunk_layout_free(b);
    }
}

/* Field offsets from arch/arm/include/uapi/asm/stat.h and the i386 one. */
static void test_stat64_offsets(void **state)
{
    ThunkLayout *a = resolve(THUNK_ID_STAT64, &rules_arm);
    ThunkLayout *b = resolve(THUNK_ID_STAT64, &rules_i386);
    /* Field indexes in thunk_stat64_fields. */
    enum { DEV, PAD0, INO32, MODE, NLINK, UID, GID, RDEV, PAD3, SIZE,
           BLKSIZE, BLOCKS, ATIME, ATIME_NS, MTIME, MTIME_NS, CTIME,
           CTIME_NS, INO };

    assert_int_equal(guest_off_of(a, INO32), 12);
    assert_int_equal(guest_off_of(a, MODE), 16);
    assert_int_equal(guest_off_of(a, RDEV), 32);
    assert_int_equal(guest_off_of(a, SIZE), 48);
    assert_int_equal(guest_off_of(a, BLKSIZE), 56);
    assert_int_equal(guest_off_of(a, BLOCKS), 64);
    assert_int_equal(guest_off_of(a, ATIME), 72);
    assert_int_equal(guest_off_of(a, CTIME_NS), 92);
    assert_int_equal(guest_off_of(a, INO), 96);
    assert_int_equal(guest_off_of(b, SIZE), 44);
    assert_int_equal(guest_off_of(b, BLOCKS), 56);
    assert_int_equal(guest_off_of(b, INO), 88);
    thunk_layout_free(a);
    thunk_layout_free(b);
}

static uint64_t le(const uint8_t *p, unsigned n)
{
    uint64_t v = 0;
    for (unsigned i = 0; i < n; i++) {
        v |= (uint64_t)p[i] << (8 * i);
    }
    return v;
}

static uint64_t be(const uint8_t *p, unsigned n)
{
    uint64_t v = 0;
    for (unsigned i = 0; i < n; i++) {
        v = v << 8 | p[i];
    }
    return v;
}

static void test_stat64_convert(void **state)
{
    ThunkLayout *a = resolve(THUNK_ID_STAT64, &rules_arm);
    ThunkLayout *e = resolve(THUNK_ID_STAT64, &rules_armeb);
    struct stat st, back;
    uint8_t g[104];

    memset(&st, 0, sizeof(st));
    st.st_dev = 0x0801;
    st.st_ino = 0x123456789aull;
    st.st_mode = 0100644;
    st.st_nlink = 3;
    st.st_uid = 1000;
    st.st_size = 0x100000005LL;
    st.st_blocks = 9;
    st.st_mtim.tv_sec = 1700000000;
    st.st_mtim.tv_nsec = 123;
    memset(g, 0xee, sizeof(g));
    thunk_to_guest(a, g, &st);
    assert_int_equal(le(g + 0, 8), 0x0801);
    assert_int_equal(le(g + 8, 4), 0);                 /* __pad0 zeroed */
    assert_int_equal(le(g + 12, 4), 0x3456789a);       /* __st_ino */
    assert_int_equal(le(g + 16, 4), 0100644);
    assert_int_equal(le(g + 20, 4), 3);
    assert_int_equal(le(g + 24, 4), 1000);
    assert_int_equal(le(g + 48, 8), 0x100000005LL);
    assert_int_equal(le(g + 64, 8), 9);
    assert_int_equal(le(g + 80, 4), 1700000000);
    assert_int_equal(le(g + 84, 4), 123);
    assert_int_equal(le(g + 96, 8), 0x123456789aull);
    /* Back to the host: the full st_ino wins over the truncated one. */
    memset(&back, 0, sizeof(back));
    thunk_to_host(a, &back, g);
    assert_int_equal(back.st_ino, 0x123456789aull);
    assert_int_equal(back.st_size, 0x100000005LL);
    /* Big-endian guest. */
    thunk_to_guest(e, g, &st);
    assert_int_equal(be(g + 16, 4), 0100644);
    assert_int_equal(be(g + 48, 8), 0x100000005LL);
    assert_int_equal(be(g + 96, 8), 0x123456789aull);
    thunk_layout_free(a);
    thunk_layout_free(e);
}

static void test_epoll_event(void **state)
{
    ThunkLayout *a = resolve(THUNK_ID_EPOLL_EVENT, &rules_arm);
    ThunkLayout *b = resolve(THUNK_ID_EPOLL_EVENT, &rules_i386);
    struct epoll_event ev = { .events = EPOLLIN | EPOLLOUT,
                              .data.u64 = 0x1122334455667788ull };
    struct epoll_event back;
    uint8_t g[16];

    assert_int_equal(sizeof(struct epoll_event), 12);  /* host: packed */
    memset(g, 0xee, sizeof(g));
    thunk_to_guest(a, g, &ev);
    assert_int_equal(le(g, 4), EPOLLIN | EPOLLOUT);
    assert_int_equal(le(g + 4, 4), 0);                 /* EABI padding */
    assert_int_equal(le(g + 8, 8), 0x1122334455667788ull);
    thunk_to_guest(b, g, &ev);
    assert_int_equal(le(g + 4, 8), 0x1122334455667788ull);
    memset(&back, 0, sizeof(back));
    thunk_to_host(b, &back, g);
    assert_int_equal(back.data.u64, 0x1122334455667788ull);
    thunk_layout_free(a);
    thunk_layout_free(b);
}

static void test_termios_msghdr(void **state)
{
    ThunkLayout *t = resolve(THUNK_ID_TERMIOS, &rules_armeb);
    ThunkLayout *m = resolve(THUNK_ID_MSGHDR, &rules_arm);
    ThunkLayout *f = resolve(THUNK_ID_FLOCK64, &rules_arm);
    TgtHostTermios ht, back;
    uint8_t g[64];

    memset(&ht, 0, sizeof(ht));
    ht.c_iflag = 0x500;
    ht.c_lflag = 0x8a3b;
    ht.c_line = 2;
    for (int i = 0; i < TGT_NCCS; i++) {
        ht.c_cc[i] = (uint8_t)(i + 1);
    }
    thunk_to_guest(t, g, &ht);
    assert_int_equal(be(g, 4), 0x500);
    assert_int_equal(be(g + 12, 4), 0x8a3b);
    assert_int_equal(g[16], 2);
    assert_int_equal(g[17], 1);
    assert_int_equal(g[35], TGT_NCCS);
    memset(&back, 0, sizeof(back));
    thunk_to_host(t, &back, g);
    assert_memory_equal(&back, &ht, sizeof(ht));
    /* msghdr: pointers and lengths at 4-byte steps, flags at 24. */
    assert_int_equal(guest_off_of(m, 6), 24);
    /* flock64: l_start 8-aligned on EABI. */
    assert_int_equal(guest_off_of(f, 2), 8);
    assert_int_equal(guest_off_of(f, 4), 24);
    thunk_layout_free(t);
    thunk_layout_free(m);
    thunk_layout_free(f);
}

/* ARM's open flags differ from the x86 host's for these four. */
static void test_open_flags(void **state)
{
    const AbiFlagMap *map = linux_abi_arm.open_flags;
    static const int host_flags[] = {
        O_WRONLY, O_RDWR, O_CREAT, O_EXCL, O_NOCTTY, O_TRUNC, O_APPEND,
        O_NONBLOCK, O_DSYNC, O_DIRECTORY, O_NOFOLLOW, O_DIRECT, O_NOATIME,
        O_CLOEXEC, O_SYNC, O_PATH, O_TMPFILE,
    };

    assert_int_equal(abi_flags_to_host(map, 040000), O_DIRECTORY);
    assert_int_equal(abi_flags_to_host(map, 0100000), O_NOFOLLOW);
    assert_int_equal(abi_flags_to_host(map, 0200000), O_DIRECT);
    assert_int_equal(abi_flags_to_host(map, 0400000), 0);  /* LARGEFILE */
    assert_int_equal(abi_flags_to_guest(map, O_DIRECTORY) & ~0400000u,
                     040000);
    for (size_t i = 0; i < sizeof(host_flags) / sizeof(host_flags[0]); i++) {
        uint32_t g = abi_flags_to_guest(map, (uint32_t)host_flags[i]);
        assert_int_equal(abi_flags_to_host(map, g), host_flags[i]);
    }
    /* Socket / eventfd style flags through the same map. */
    lu_test_init();
    {
        uint32_t rest = 0;
        int h = sys_fd_flags_to_host(02000000 | 04000 | 1, &rest);
        assert_int_equal(h, O_CLOEXEC | O_NONBLOCK);
        assert_int_equal(rest, 1);
    }
}

/* ---- syscalls through the dispatcher ---------------------------------- */

/* ARM EABI numbers. */
enum {
    NR_close = 6, NR_ioctl = 54, NR_getdents64 = 217, NR_fcntl64 = 221,
    NR_stat64 = 195, NR_fstat64 = 197, NR_openat = 322, NR_statfs64 = 266,
    NR_epoll_ctl = 251, NR_epoll_wait = 252, NR_epoll_create1 = 357,
    NR_pipe2 = 359, NR_write = 4,
};

static CpuCommon *test_cpu;
static uint32_t scratch;

static int setup_sys(void **state)
{
    lu_test_init();
    if (!test_cpu) {
        syscall_init();
        test_cpu = cpu_create();
        task_create(test_cpu);
        scratch = (uint32_t)guest_mmap(0, 0x10000, PROT_READ | PROT_WRITE,
                                       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    }
    return 0;
}

static int64_t sc(uint32_t nr, uint64_t a0, uint64_t a1, uint64_t a2,
                  uint64_t a3, uint64_t a4)
{
    uint64_t args[8] = { a0, a1, a2, a3, a4, 0, 0, 0 };
    return syscall_dispatch(test_cpu, nr, args);
}

static void test_sys_stat64(void **state)
{
    struct stat st;
    uint32_t path = scratch, buf = scratch + 0x100;

    assert_int_equal(stat("/", &st), 0);
    assert_int_equal(copy_to_guest(path, "/", 2), 0);
    assert_int_equal(sc(NR_stat64, path, buf, 0, 0, 0), 0);
    assert_int_equal(le((uint8_t *)g2h(buf) + 16, 4), st.st_mode);
    assert_int_equal(le((uint8_t *)g2h(buf) + 96, 8), st.st_ino);
    /* A bad buffer is EFAULT, never a host fault. */
    assert_int_equal(sc(NR_stat64, path, 0x10, 0, 0, 0), -EFAULT);
    assert_int_equal(sc(NR_stat64, 0xfff00000u, buf, 0, 0, 0), -EFAULT);
    assert_int_equal(sc(NR_statfs64, path, 84, buf, 0, 0), 0);
    assert_int_equal(sc(NR_statfs64, path, 12, buf, 0, 0), -EINVAL);
}

static void test_sys_open_getdents(void **state)
{
    uint32_t path = scratch, buf = scratch + 0x1000;
    int64_t fd, n, fl;
    bool saw_dot = false;

    assert_int_equal(copy_to_guest(path, "/", 2), 0);
    /* Guest O_DIRECTORY (040000) | O_LARGEFILE (0400000). */
    fd = sc(NR_openat, (uint32_t)AT_FDCWD, path, 040000 | 0400000, 0, 0);
    assert_true(fd >= 0);
    fl = sc(NR_fcntl64, (uint64_t)fd, 3 /* F_GETFL */, 0, 0, 0);
    assert_true(fl >= 0);
    assert_int_equal(fl & 040000, 040000);    /* guest O_DIRECTORY */
    assert_int_equal(fl & 0200000, 0);        /* not guest O_DIRECT */
    n = sc(NR_getdents64, (uint64_t)fd, buf, 4096, 0, 0);
    assert_true(n > 0);
    for (int64_t off = 0; off < n;) {
        uint8_t *d = (uint8_t *)g2h(buf) + off;
        uint16_t reclen = (uint16_t)le(d + 16, 2);
        if (strcmp((char *)d + 19, ".") == 0) {
            saw_dot = true;
        }
        assert_true(reclen > 0);
        off += reclen;
    }
    assert_true(saw_dot);
    assert_int_equal(sc(NR_close, (uint64_t)fd, 0, 0, 0, 0), 0);
}

static void test_sys_pipe_epoll(void **state)
{
    uint32_t fds = scratch + 0x2000, ev = scratch + 0x2100;
    uint32_t out = scratch + 0x2200;
    int64_t ep, n;
    uint32_t rfd, wfd;
    uint8_t *g;

    assert_int_equal(sc(NR_pipe2, fds, 02000000, 0, 0, 0), 0);
    assert_int_equal(guest_get_u32(fds, &rfd), 0);
    assert_int_equal(guest_get_u32(fds + 4, &wfd), 0);
    ep = sc(NR_epoll_create1, 02000000, 0, 0, 0, 0);
    assert_true(ep >= 0);
    /* ARM EABI epoll_event: events, pad, 64-bit data at 8. */
    g = g2h(ev);
    memset(g, 0, 16);
    g[0] = EPOLLIN;
    memcpy(g + 8, "\x88\x77\x66\x55\x44\x33\x22\x11", 8);
    assert_int_equal(sc(NR_epoll_ctl, (uint64_t)ep, EPOLL_CTL_ADD, rfd, ev,
                        0), 0);
    assert_int_equal(write((int)wfd, "x", 1), 1);
    memset(g2h(out), 0xee, 32);
    n = sc(NR_epoll_wait, (uint64_t)ep, out, 2, 1000, 0);
    assert_int_equal(n, 1);
    assert_int_equal(le(g2h(out), 4), EPOLLIN);
    assert_int_equal(le((uint8_t *)g2h(out) + 8, 8), 0x1122334455667788ull);
    /* FIONREAD through the ioctl table. */
    assert_int_equal(sc(NR_ioctl, rfd, 0x541b, out, 0, 0), 0);
    assert_int_equal(le(g2h(out), 4), 1);
    /* An unknown ioctl is ENOTTY. */
    assert_int_equal(sc(NR_ioctl, rfd, 0x12345678, out, 0, 0), -ENOTTY);
    sc(NR_close, (uint64_t)ep, 0, 0, 0, 0);
    sc(NR_close, rfd, 0, 0, 0, 0);
    sc(NR_close, wfd, 0, 0, 0, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_all_resolve),
        cmocka_unit_test(test_sizes),
        cmocka_unit_test(test_stat64_offsets),
        cmocka_unit_test(test_stat64_convert),
        cmocka_unit_test(test_epoll_event),
        cmocka_unit_test(test_termios_msghdr),
        cmocka_unit_test(test_open_flags),
        cmocka_unit_test_setup(test_sys_stat64, setup_sys),
        cmocka_unit_test_setup(test_sys_open_getdents, setup_sys),
        cmocka_unit_test_setup(test_sys_pipe_epoll, setup_sys),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

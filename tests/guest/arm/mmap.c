/* ARM guest test: memory-management syscalls and their edge cases -
 * anonymous and file mmap, MAP_FIXED over an existing mapping, partial
 * munmap, mprotect then a faulting write caught as SIGSEGV, mremap grow and
 * move, brk growth and shrink - and EFAULT from syscalls given bad
 * pointers.  Prints errno names, never addresses. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#define PAGE 4096u

static sigjmp_buf jb;
static volatile uintptr_t fault_addr;
static volatile int fault_code;

static void on_segv(int sig, siginfo_t *si, void *uc)
{
    (void)sig;
    (void)uc;
    fault_addr = (uintptr_t)si->si_addr;
    fault_code = si->si_code;
    siglongjmp(jb, 1);
}

/* Returns true if writing one byte at p faults. */
static bool write_faults(volatile char *p)
{
    if (sigsetjmp(jb, 1) == 0) {
        *p = 'w';
        return false;
    }
    return true;
}

static bool read_faults(volatile char *p)
{
    if (sigsetjmp(jb, 1) == 0) {
        (void)*p;
        return false;
    }
    return true;
}

static const char *ename(int e)
{
    switch (e) {
    case 0: return "0";
    case EFAULT: return "EFAULT";
    case EINVAL: return "EINVAL";
    case ENOMEM: return "ENOMEM";
    case EBADF: return "EBADF";
    case EACCES: return "EACCES";
    case ENOENT: return "ENOENT";
    default: return strerror(e);
    }
}

static void test_anon(void)
{
    char *p = mmap(NULL, 4 * PAGE, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    printf("anon mmap ok %d aligned %d zero %d\n", p != MAP_FAILED,
           ((uintptr_t)p & (PAGE - 1)) == 0, p[0] == 0 && p[4 * PAGE - 1] == 0);
    memset(p, 'a', 4 * PAGE);
    /* MAP_FIXED over the second page replaces it with zeroes */
    char *q = mmap(p + PAGE, PAGE, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    printf("MAP_FIXED same addr %d: %c %d %c\n", q == p + PAGE, p[PAGE - 1],
           p[PAGE], p[2 * PAGE]);
    /* partial munmap of the third page: neighbours survive */
    printf("munmap middle %d\n", munmap(p + 2 * PAGE, PAGE));
    printf("faults: page1 %d page2 %d page3 %d\n", read_faults(p + PAGE),
           read_faults(p + 2 * PAGE), read_faults(p + 3 * PAGE));
    printf("fault at unmapped page code %d offset %ld\n", fault_code,
           (long)(fault_addr - (uintptr_t)p));
    /* mprotect read-only then write: SIGSEGV with SEGV_ACCERR */
    mprotect(p, PAGE, PROT_READ);
    bool wf = write_faults(p + 5);
    printf("write to read-only faults %d code %d offset %ld, data %c\n", wf,
           fault_code, (long)(fault_addr - (uintptr_t)p), p[5]);
    mprotect(p, PAGE, PROT_NONE);
    printf("read PROT_NONE faults %d\n", read_faults(p));
    mprotect(p, PAGE, PROT_READ | PROT_WRITE);
    printf("write after restore faults %d\n", write_faults(p));
    munmap(p, 4 * PAGE);
    /* errors */
    errno = 0;
    void *r = mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    printf("mmap len 0: %s %s\n", r == MAP_FAILED ? "failed" : "ok",
           ename(errno));
    errno = 0;
    r = mmap((void *)0x10001, PAGE, PROT_READ,
             MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    printf("mmap fixed unaligned: %s %s\n", r == MAP_FAILED ? "failed" : "ok",
           ename(errno));
    errno = 0;
    r = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, 12345, 0);
    printf("mmap bad fd: %s %s\n", r == MAP_FAILED ? "failed" : "ok",
           ename(errno));
    errno = 0;
    int rc = munmap((void *)0x10001, PAGE);
    printf("munmap unaligned: %d %s\n", rc, ename(errno));
    /* a hole we just unmapped is certainly free */
    char *hole = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1,
                      0);
    munmap(hole, PAGE);
    errno = 0;
    rc = mprotect(hole, PAGE, PROT_READ);
    printf("mprotect unmapped: %d %s\n", rc, ename(errno));
}

static void test_file(void)
{
    char path[] = "/tmp/emu-mmap-XXXXXX";
    int fd = mkstemp(path);
    char data[PAGE + 100];
    for (unsigned i = 0; i < sizeof(data); i++) {
        data[i] = (char)('A' + i % 26);
    }
    if (write(fd, data, sizeof(data)) != (ssize_t)sizeof(data)) {
        perror("write");
    }
    char *m = mmap(NULL, 2 * PAGE, PROT_READ, MAP_SHARED, fd, 0);
    printf("file map: %c %c %c tail zero %d\n", m[0], m[25], m[PAGE + 99],
           m[PAGE + 100] == 0);
    char *o = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, fd, PAGE);
    printf("file map offset page: %.5s\n", o);
    /* MAP_SHARED writes reach the file */
    char *w = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    memcpy(w, "SHARED", 6);
    msync(w, PAGE, MS_SYNC);
    char back[7] = {0};
    pread(fd, back, 6, 0);
    printf("shared write visible via pread: %s, via other map: %.6s\n", back,
           m);
    /* MAP_PRIVATE writes do not */
    char *pv = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    memcpy(pv, "PRIVAT", 6);
    pread(fd, back, 6, 0);
    printf("private write: map %.6s file %s\n", pv, back);
    /* beyond EOF by a whole page: SIGBUS */
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = on_segv;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGBUS, &sa, NULL);
    char *big = mmap(NULL, 4 * PAGE, PROT_READ, MAP_SHARED, fd, 0);
    printf("read past EOF page faults %d\n", read_faults(big + 3 * PAGE));
    munmap(big, 4 * PAGE);
    munmap(m, 2 * PAGE);
    munmap(o, PAGE);
    munmap(w, PAGE);
    munmap(pv, PAGE);
    close(fd);
    unlink(path);
}

static void test_mremap(void)
{
    char *p = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    strcpy(p, "keep me");
    strcpy(p + PAGE, "second page");
    char *g = mremap(p, 2 * PAGE, 64 * PAGE, MREMAP_MAYMOVE);
    printf("mremap grow: ok %d data \"%s\" \"%s\" new tail zero %d\n",
           g != MAP_FAILED, g, g + PAGE, g[63 * PAGE] == 0);
    g[63 * PAGE] = 'z';
    char *s = mremap(g, 64 * PAGE, PAGE, 0);
    printf("mremap shrink in place %d data \"%s\" old tail faults %d\n",
           s == g, s, read_faults(g + 63 * PAGE));
    /* MREMAP_FIXED move to a chosen spot */
    char *dst = mmap(NULL, 8 * PAGE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS,
                     -1, 0);
    char *mv = mremap(s, PAGE, PAGE, MREMAP_MAYMOVE | MREMAP_FIXED,
                      dst + 2 * PAGE);
    printf("mremap fixed move %d data \"%s\" old faults %d\n",
           mv == dst + 2 * PAGE, mv, read_faults(s));
    errno = 0;
    void *bad = mremap(mv, PAGE, 1024 * PAGE, 0);
    /* growing in place fails if the next pages are mapped (dst+3..) */
    printf("mremap grow without MAYMOVE: %s %s\n",
           bad == MAP_FAILED ? "failed" : "ok", ename(errno));
    munmap(dst, 8 * PAGE);
}

static void test_brk(void)
{
    char *b0 = sbrk(0);
    char *b1 = sbrk(3 * PAGE);
    printf("sbrk grow returns old break %d\n", b1 == b0);
    memset(b1, 'x', 3 * PAGE);
    char *b2 = sbrk(0);
    printf("break moved by %ld\n", (long)(b2 - b0));
    sbrk(-(intptr_t)(2 * PAGE));
    printf("shrunk by %ld\n", (long)(b2 - (char *)sbrk(0)));
    printf("still writable below new break %d\n", !write_faults(b1 + 10));
    /* raw brk(0) returns the current break; a silly request returns the
     * unchanged break (the kernel never fails brk with an error code) */
    uintptr_t cur = (uintptr_t)syscall(SYS_brk, 0);
    uintptr_t same = (uintptr_t)syscall(SYS_brk, 1);
    printf("raw brk(0) == sbrk(0) %d, brk(1) unchanged %d\n",
           cur == (uintptr_t)sbrk(0), same == cur);
}

static void test_efault(void)
{
    errno = 0;
    void *volatile bad_buf = (void *)1;
    ssize_t n = write(1, bad_buf, 10);
    printf("write bad buf: %d %s\n", (int)n, ename(errno));
    int pfd[2];
    pipe(pfd);
    write(pfd[1], "abcdef", 6);
    char *ro = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    errno = 0;
    n = read(pfd[0], ro, 6);
    printf("read into read-only page: %d %s\n", (int)n, ename(errno));
    errno = 0;
    int fd = open((const char *)8, O_RDONLY);
    printf("open bad path pointer: %d %s\n", fd, ename(errno));
    /* raw syscalls: the libc wrappers would copy through the bad pointer
     * in user mode and fault */
    errno = 0;
    long r = syscall(SYS_stat64, "/", (void *)16);
    printf("stat64 bad struct: %ld %s\n", r, ename(errno));
    struct iovec iov[2] = {{"ok", 2}, {(void *)4, 4}};
    n = writev(pfd[1], iov, 2);
    /* Linux writes the valid prefix and returns the partial count */
    printf("writev second iov bad: %d\n", (int)n);
    errno = 0;
    r = syscall(SYS_pipe, (void *)12);
    printf("pipe bad array: %ld %s\n", r, ename(errno));
    errno = 0;
    r = syscall(SYS_clock_gettime, 0, (void *)20);
    printf("clock_gettime bad ts: %ld %s\n", r, ename(errno));
    errno = 0;
    r = syscall(SYS_getcwd, (void *)24, 100);
    printf("getcwd bad buf: %ld %s\n", r, ename(errno));
    errno = 0;
    r = syscall(SYS_uname, (void *)28);
    printf("uname bad buf: %ld %s\n", r, ename(errno));
    errno = 0;
    r = syscall(SYS_rt_sigaction, SIGUSR1, (void *)32, NULL, 8);
    printf("rt_sigaction bad act: %ld %s\n", r, ename(errno));
    munmap(ro, PAGE);
    close(pfd[0]);
    close(pfd[1]);
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = on_segv;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &sa, NULL);
    setvbuf(stdout, NULL, _IOLBF, 0);
    test_anon();
    test_file();
    test_mremap();
    test_brk();
    test_efault();
    printf("done\n");
    return 0;
}

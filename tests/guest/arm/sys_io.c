/* tests/guest/arm/sys_io.c — syscalls the other guest tests leave out:
 * pty + termios ioctls, fcntl locks (struct flock64), statfs64, statx,
 * getdents64 through readdir, utimensat, readv/pwritev/preadv, sendfile,
 * epoll with the 16-byte ARM EABI epoll_event, pselect with a signal
 * mask, old-style getdents, rlimit infinity, times, socket options with
 * timevals. Prints only values that are the same on every host.
 * sys_io.expected comes from qemu-arm-static -cpu arm926, except the
 * "unknown ioctl" line: Linux answers ENOTTY for an unknown tty ioctl,
 * qemu-user ENOSYS-style errors.
 */
#define _GNU_SOURCE
#define _FILE_OFFSET_BITS 64
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/sendfile.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

static char dir[64];

static void path_in(char *buf, size_t len, const char *name)
{
    snprintf(buf, len, "%s/%s", dir, name);
}

static void test_pty(void)
{
    int m = posix_openpt(O_RDWR | O_NOCTTY);
    struct termios t;
    struct winsize ws = { 24, 80, 0, 0 }, ws2;
    unsigned ptn = 99;
    int s, n = -1;
    char buf[16];

    if (m < 0) {
        printf("pty: none (%d)\n", errno);
        return;
    }
    printf("TIOCGPTN %d\n", ioctl(m, TIOCGPTN, &ptn) == 0 && ptn != 99);
    printf("grantpt %d unlockpt %d\n", grantpt(m), unlockpt(m));
    s = open(ptsname(m), O_RDWR | O_NOCTTY);
    printf("open slave ok %d\n", s >= 0);
    printf("tcgetattr %d\n", tcgetattr(s, &t));
    printf("ICANON %d ECHO %d\n", !!(t.c_lflag & ICANON),
           !!(t.c_lflag & ECHO));
    cfmakeraw(&t);
    printf("tcsetattr %d\n", tcsetattr(s, TCSANOW, &t));
    tcgetattr(s, &t);
    printf("raw ICANON %d ECHO %d VMIN %d\n", !!(t.c_lflag & ICANON),
           !!(t.c_lflag & ECHO), t.c_cc[VMIN]);
    printf("TIOCSWINSZ %d\n", ioctl(m, TIOCSWINSZ, &ws));
    memset(&ws2, 0, sizeof(ws2));
    printf("TIOCGWINSZ %d rows %d cols %d\n", ioctl(s, TIOCGWINSZ, &ws2),
           ws2.ws_row, ws2.ws_col);
    printf("write master %zd\n", write(m, "hi", 2));
    usleep(10000);
    printf("FIONREAD %d n %d\n", ioctl(s, FIONREAD, &n), n);
    printf("read slave %zd\n", read(s, buf, sizeof(buf)));
    printf("isatty %d %d\n", isatty(s), isatty(1 + 100));
    printf("unknown ioctl %d errno ENOTTY %d\n", ioctl(s, 0x5499, 0),
           errno == ENOTTY);
    close(s);
    close(m);
}

static void test_locks(void)
{
    char p[96];
    struct flock fl;
    int fd;

    path_in(p, sizeof(p), "lock");
    fd = open(p, O_RDWR | O_CREAT, 0600);
    memset(&fl, 0, sizeof(fl));
    fl.l_type = F_WRLCK;
    fl.l_whence = SEEK_SET;
    fl.l_start = 0x100000000LL;
    fl.l_len = 10;
    printf("F_SETLK64 %d\n", fcntl(fd, F_SETLK, &fl));
    if (fork() == 0) {
        struct flock q;
        int cfd = open(p, O_RDWR);
        memset(&q, 0, sizeof(q));
        q.l_type = F_WRLCK;
        q.l_start = 0x100000004LL;
        q.l_len = 1;
        fcntl(cfd, F_GETLK, &q);
        printf("child GETLK type WR %d start %llx len %lld pid ok %d\n",
               q.l_type == F_WRLCK, (long long)q.l_start,
               (long long)q.l_len, q.l_pid == getppid());
        q.l_type = F_WRLCK;
        printf("child SETLK %d EAGAIN %d\n", fcntl(cfd, F_SETLK, &q),
               errno == EAGAIN || errno == EACCES);
        fflush(stdout);
        _exit(0);
    }
    wait(NULL);
    printf("F_GETFD %d F_SETFD %d F_GETFD %d\n", fcntl(fd, F_GETFD),
           fcntl(fd, F_SETFD, FD_CLOEXEC), fcntl(fd, F_GETFD));
    printf("F_GETFL append %d\n", !!(fcntl(fd, F_GETFL) & O_APPEND));
    fcntl(fd, F_SETFL, O_APPEND | O_NONBLOCK);
    printf("F_SETFL append %d nonblock %d\n",
           !!(fcntl(fd, F_GETFL) & O_APPEND),
           !!(fcntl(fd, F_GETFL) & O_NONBLOCK));
    printf("F_DUPFD_CLOEXEC >= 20 %d\n", fcntl(fd, F_DUPFD_CLOEXEC, 20) >= 20);
    close(fd);
}

static void test_files(void)
{
    char p[96], q[96];
    struct statfs sf;
    struct stat st;
    struct timespec ts[2] = { { 1000000000, 5 }, { 1200000000, 7000 } };
    struct iovec iov[2];
    char a[4] = "abc", b[8] = "defghij", r1[5] = { 0 }, r2[6] = { 0 };
    DIR *d;
    struct dirent *e;
    int fd, fd2, n = 0;
    off_t off = 2;

    printf("statfs64 %d bsize>0 %d\n", statfs(dir, &sf), sf.f_bsize > 0);
    path_in(p, sizeof(p), "data");
    fd = open(p, O_RDWR | O_CREAT | O_TRUNC, 0640);
    iov[0].iov_base = a;
    iov[0].iov_len = 3;
    iov[1].iov_base = b;
    iov[1].iov_len = 7;
    printf("writev %zd\n", writev(fd, iov, 2));
    printf("pwritev %zd\n", pwritev(fd, iov, 1, 20));
    iov[0].iov_base = r1;
    iov[0].iov_len = 4;
    iov[1].iov_base = r2;
    iov[1].iov_len = 5;
    printf("preadv %zd \"%s\" \"%s\"\n", preadv(fd, iov, 2, 1), r1, r2);
    printf("fstat size %d mode %o\n", fstat(fd, &st) == 0 ? (int)st.st_size
                                                          : -1,
           st.st_mode & 07777);
    printf("utimensat %d\n", utimensat(AT_FDCWD, p, ts, 0));
    stat(p, &st);
    printf("mtime %ld %ld atime %ld\n", (long)st.st_mtim.tv_sec,
           st.st_mtim.tv_nsec, (long)st.st_atim.tv_sec);
#ifdef SYS_statx
    {
        struct statx sx;
        printf("statx %d size %llu mtime %lld\n",
               statx(AT_FDCWD, p, 0, STATX_BASIC_STATS, &sx),
               (unsigned long long)sx.stx_size,
               (long long)sx.stx_mtime.tv_sec);
    }
#endif
    path_in(q, sizeof(q), "copy");
    fd2 = open(q, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    printf("sendfile %zd off %ld\n", sendfile(fd2, fd, &off, 5), (long)off);
    close(fd2);
    stat(q, &st);
    printf("copy size %d\n", (int)st.st_size);
    printf("truncate %d\n", truncate(q, 3));
    stat(q, &st);
    printf("copy size %d\n", (int)st.st_size);
    path_in(q, sizeof(q), "sub");
    printf("mkdir %d rmdir %d\n", mkdir(q, 0700), rmdir(q));
    printf("symlink %d\n", symlink("data", q));
    {
        char l[32] = { 0 };
        printf("readlink %zd \"%s\"\n", readlink(q, l, sizeof(l)), l);
    }
    d = opendir(dir);
    while ((e = readdir(d)) != NULL) {
        n++;
    }
    closedir(d);
    printf("readdir entries %d\n", n);
    printf("access W %d X %d\n", access(p, W_OK), access(p, X_OK));
    close(fd);
}

static void test_epoll_pselect(void)
{
    int p[2], ep;
    struct epoll_event ev, out[4];
    fd_set rs;
    struct timespec ts = { 0, 20000000 };
    sigset_t mask;

    pipe(p);
    ep = epoll_create1(EPOLL_CLOEXEC);
    ev.events = EPOLLIN;
    ev.data.u64 = 0x0123456789abcdefULL;
    printf("epoll_ctl %d\n", epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));
    printf("epoll_wait empty %d\n", epoll_wait(ep, out, 4, 0));
    write(p[1], "z", 1);
    memset(out, 0, sizeof(out));
    printf("epoll_wait %d data %llx events %x\n", epoll_wait(ep, out, 4, 100),
           (unsigned long long)out[0].data.u64, out[0].events);
    sigemptyset(&mask);
    sigaddset(&mask, SIGUSR1);
    FD_ZERO(&rs);
    FD_SET(p[0], &rs);
    printf("pselect %d isset %d\n", pselect(p[0] + 1, &rs, NULL, NULL, &ts,
                                            &mask), FD_ISSET(p[0], &rs));
    read(p[0], out, 1);
    FD_ZERO(&rs);
    FD_SET(p[0], &rs);
    printf("pselect timeout %d\n", pselect(p[0] + 1, &rs, NULL, NULL, &ts,
                                           &mask));
    close(ep);
    close(p[0]);
    close(p[1]);
}

static void test_limits_sockopt(void)
{
    struct rlimit rl;
    struct tms t;
    struct timeval tv = { 2, 500000 }, tv2;
    socklen_t len = sizeof(tv2);
    struct linger lg = { 1, 7 }, lg2;
    int sv[2], v = 0;

    getrlimit(RLIMIT_CORE, &rl);
    rl.rlim_cur = RLIM_INFINITY;
    rl.rlim_max = RLIM_INFINITY;
    printf("setrlimit core inf %d\n", setrlimit(RLIMIT_CORE, &rl) == 0
                                      || errno == EPERM);
    printf("times %d\n", times(&t) != (clock_t)-1);
    socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv);
    printf("SO_RCVTIMEO set %d\n",
           setsockopt(sv[0], SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)));
    memset(&tv2, 0, sizeof(tv2));
    printf("SO_RCVTIMEO get %d %ld.%06ld len %d\n",
           getsockopt(sv[0], SOL_SOCKET, SO_RCVTIMEO, &tv2, &len),
           (long)tv2.tv_sec, (long)tv2.tv_usec, (int)len);
    printf("SO_LINGER set %d\n",
           setsockopt(sv[0], SOL_SOCKET, SO_LINGER, &lg, sizeof(lg)));
    len = sizeof(lg2);
    getsockopt(sv[0], SOL_SOCKET, SO_LINGER, &lg2, &len);
    printf("SO_LINGER get %d %d\n", lg2.l_onoff, lg2.l_linger);
    len = sizeof(v);
    getsockopt(sv[0], SOL_SOCKET, SO_TYPE, &v, &len);
    printf("SO_TYPE %d cloexec %d\n", v, fcntl(sv[0], F_GETFD));
    close(sv[0]);
    close(sv[1]);
}

int main(void)
{
    char p[96];

    setvbuf(stdout, NULL, _IONBF, 0);
    snprintf(dir, sizeof(dir), "/tmp/emu-sys-io-%d", (int)getpid());
    mkdir(dir, 0700);
    test_pty();
    test_locks();
    test_files();
    test_epoll_pselect();
    test_limits_sockopt();
    path_in(p, sizeof(p), "data");
    unlink(p);
    path_in(p, sizeof(p), "copy");
    unlink(p);
    path_in(p, sizeof(p), "lock");
    unlink(p);
    path_in(p, sizeof(p), "sub");
    unlink(p);
    printf("rmdir %d\n", rmdir(dir));
    return 0;
}

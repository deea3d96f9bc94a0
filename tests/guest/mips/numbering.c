/* tests/guest/mips/numbering.c — the values MIPS Linux numbers its own
 * way, round-tripped through system calls: errno values, open/fcntl
 * flags and commands (F_GETLK 14, F_SETLK64 34…), mmap flags
 * (MAP_ANONYMOUS 0x800), socket types (SOCK_STREAM 2) and SOL_SOCKET
 * options (0xffff), resource limits (RLIMIT_NOFILE 5), terminal ioctls
 * (TCGETS 0x540d) and termios flag bits, poll bits. */
#define _GNU_SOURCE
#define _FILE_OFFSET_BITS 64
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <signal.h>
#include <termios.h>
#include <unistd.h>

static void show_errno(const char *what, int r)
{
    int e = errno;
    printf("%-24s r=%d errno=%d (%s)\n", what, r, r < 0 ? e : 0,
           r < 0 ? strerror(e) : "-");
}

int main(void)
{
    char path[64], sub[80];
    int fd, r, fds[2];
    struct flock fl;
    struct rlimit rl;
    struct termios t;

    printf("E: NOENT %d NAMETOOLONG %d NOSYS %d NOTEMPTY %d LOOP %d "
           "AGAIN %d NOTSOCK %d CONNREFUSED %d INPROGRESS %d DQUOT %d\n",
           ENOENT, ENAMETOOLONG, ENOSYS, ENOTEMPTY, ELOOP, EAGAIN,
           ENOTSOCK, ECONNREFUSED, EINPROGRESS, EDQUOT);
    errno = 0;
    show_errno("open missing", open("/nonexistent/x", O_RDONLY));
    memset(path, 'a', sizeof(path));
    {
        char longname[400];
        memset(longname, 'n', sizeof(longname) - 1);
        longname[sizeof(longname) - 1] = 0;
        show_errno("open long name", open(longname, O_RDONLY));
    }
    show_errno("unknown syscall", (int)syscall(4999));
    snprintf(path, sizeof(path), "/tmp/emu-mips-num-%d", (int)getpid());
    mkdir(path, 0700);
    snprintf(sub, sizeof(sub), "%s/f", path);
    close(open(sub, O_CREAT | O_WRONLY, 0600));
    show_errno("rmdir non-empty", rmdir(path));
    snprintf(sub, sizeof(sub), "%s/loop", path);
    symlink(sub, sub);
    show_errno("open symlink loop", open(sub, O_RDONLY));
    unlink(sub);
    show_errno("socket op on a file", shutdown(0, SHUT_RD));

    /* open flags: what F_GETFL reports back */
    snprintf(sub, sizeof(sub), "%s/f", path);
    fd = open(sub, O_WRONLY | O_APPEND | O_NONBLOCK);
    r = fcntl(fd, F_GETFL);
    printf("F_GETFL: accmode %d append %d nonblock %d\n", r & O_ACCMODE,
           (r & O_APPEND) != 0, (r & O_NONBLOCK) != 0);
    fcntl(fd, F_SETFL, r & ~O_NONBLOCK);
    r = fcntl(fd, F_GETFL);
    printf("F_SETFL: nonblock now %d\n", (r & O_NONBLOCK) != 0);
    printf("F_GETFD cloexec %d\n", fcntl(fd, F_GETFD));
    close(fd);
    fd = open(sub, O_RDWR | O_CLOEXEC);
    printf("O_CLOEXEC -> F_GETFD %d\n", fcntl(fd, F_GETFD));

    /* record locks: a child sees the parent's lock */
    memset(&fl, 0, sizeof(fl));
    fl.l_type = F_WRLCK;
    fl.l_whence = SEEK_SET;
    fl.l_start = 10;
    fl.l_len = 5;
    show_errno("F_SETLK", fcntl(fd, F_SETLK, &fl));
    if (fork() == 0) {
        struct flock q;
        memset(&q, 0, sizeof(q));
        q.l_type = F_WRLCK;
        q.l_whence = SEEK_SET;
        q.l_start = 0;
        q.l_len = 100;
        fcntl(fd, F_GETLK, &q);
        printf("child F_GETLK: type %s start %lld len %lld pid ok %d\n",
               q.l_type == F_WRLCK ? "WRLCK" : q.l_type == F_UNLCK ? "UNLCK"
                                                                    : "?",
               (long long)q.l_start, (long long)q.l_len,
               q.l_pid == getppid());
        errno = 0;
        q.l_start = 12;
        q.l_len = 1;
        show_errno("child F_SETLK busy", fcntl(fd, F_SETLK, &q));
        fflush(stdout);
        _exit(0);
    }
    wait(NULL);
    /* the kernel's stat64 and statfs64 layouts, by raw system calls */
    {
        struct stat64 s64;
        struct statfs64 f64;
        memset(&s64, 0, sizeof(s64));
        ftruncate(fd, 12345);
        r = (int)syscall(SYS_fstat64, fd, &s64);
        printf("fstat64 %d: size %lld mode %o nlink %u blksize ok %d "
               "blocks ok %d\n", r, (long long)s64.st_size,
               (unsigned)(s64.st_mode & 07777), (unsigned)s64.st_nlink,
               s64.st_blksize > 0, s64.st_blocks >= 0);
        r = (int)syscall(SYS_statfs64, "/", sizeof(f64), &f64);
        printf("statfs64 %d: bsize ok %d namelen %ld\n", r,
               f64.f_bsize > 0, (long)f64.f_namelen);
    }
    close(fd);
    unlink(sub);
    rmdir(path);

    /* mmap flags */
    {
        char *p = mmap(NULL, 8192, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        printf("MAP_ANONYMOUS 0x%x: %s, zero %d\n", MAP_ANONYMOUS,
               p == MAP_FAILED ? "failed" : "mapped", p[100] == 0);
        p[0] = 1;
        munmap(p, 8192);
        /* the o32 mmap call (4090): byte offset, arguments 5-6 on the
         * stack */
        p = (char *)syscall(SYS_mmap, 0, 8192, PROT_READ | PROT_WRITE,
                            MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        p[5000] = 3;
        printf("o32 mmap: %d\n", p[5000]);
        errno = 0;
        r = (int)syscall(SYS_mmap, 0, 4096, PROT_READ, MAP_PRIVATE, 0, 100);
        printf("o32 mmap odd offset: %d errno %d\n", r, errno);
    }

    /* sockets */
    printf("SOCK_STREAM %d SOCK_DGRAM %d SOL_SOCKET 0x%x SO_TYPE 0x%x "
           "SO_REUSEADDR %d SO_RCVBUF 0x%x\n", SOCK_STREAM, SOCK_DGRAM,
           SOL_SOCKET, SO_TYPE, SO_REUSEADDR, SO_RCVBUF);
    r = socketpair(AF_UNIX, SOCK_STREAM, 0, fds);
    printf("socketpair stream: %d\n", r);
    if (r == 0) {
        int type = -1, one = 1;
        socklen_t len = sizeof(type);
        getsockopt(fds[0], SOL_SOCKET, SO_TYPE, &type, &len);
        printf("SO_TYPE -> %s\n", type == SOCK_STREAM ? "SOCK_STREAM"
                                  : type == SOCK_DGRAM ? "SOCK_DGRAM" : "?");
        show_errno("SO_REUSEADDR", setsockopt(fds[0], SOL_SOCKET,
                                              SO_REUSEADDR, &one,
                                              sizeof(one)));
        len = sizeof(one);
        one = 0;
        getsockopt(fds[0], SOL_SOCKET, SO_REUSEADDR, &one, &len);
        printf("SO_REUSEADDR back %d\n", one);
        write(fds[0], "ping", 4);
        struct pollfd pf = { .fd = fds[1], .events = POLLIN | POLLOUT };
        poll(&pf, 1, 1000);
        printf("poll revents in %d out %d\n", (pf.revents & POLLIN) != 0,
               (pf.revents & POLLOUT) != 0);
        int avail = -1;
        ioctl(fds[1], FIONREAD, &avail);
        printf("FIONREAD 0x%lx -> %d\n", (unsigned long)FIONREAD, avail);
        close(fds[0]);
        close(fds[1]);
    }
    r = socketpair(AF_UNIX, SOCK_DGRAM, 0, fds);
    printf("socketpair dgram: %d\n", r);

    /* resource limits */
    printf("RLIMIT_NOFILE %d RLIMIT_AS %d RLIMIT_STACK %d\n", RLIMIT_NOFILE,
           RLIMIT_AS, RLIMIT_STACK);
    getrlimit(RLIMIT_NOFILE, &rl);
    rl.rlim_cur = 77;
    setrlimit(RLIMIT_NOFILE, &rl);
    getrlimit(RLIMIT_NOFILE, &rl);
    printf("NOFILE soft now %lu\n", (unsigned long)rl.rlim_cur);
    errno = 0;
    r = dup2(0, 100);
    printf("dup2 to 100 over the limit: %d errno %d\n", r, r < 0 ? errno : 0);

    /* terminals */
    printf("TCGETS 0x%lx TIOCGWINSZ 0x%lx\n", (unsigned long)TCGETS,
           (unsigned long)TIOCGWINSZ);
    {
        int m, s;
        if (openpty(&m, &s, NULL, NULL, NULL) == 0) {
            r = tcgetattr(s, &t);
            printf("tcgetattr pty %d\n", r);
            t.c_lflag &= ~(ICANON | ECHO);
            t.c_cc[VMIN] = 1;
            t.c_cc[VTIME] = 0;
            tcsetattr(s, TCSANOW, &t);
            tcgetattr(s, &t);
            printf("lflag icanon %d echo %d isig %d; VMIN %d\n",
                   (t.c_lflag & ICANON) != 0, (t.c_lflag & ECHO) != 0,
                   (t.c_lflag & ISIG) != 0, t.c_cc[VMIN]);
            printf("isatty %d\n", isatty(s));
        } else {
            printf("openpty failed\n");
        }
        errno = 0;
        r = tcgetattr(1 + 100, &t);
        printf("tcgetattr bad fd %d errno %d\n", r, errno);
    }

    /* the old sigaction(2) call with MIPS's struct: flags, handler, mask */
    {
        struct { unsigned flags; void (*handler)(int); unsigned mask[4]; }
            a, o;
        memset(&a, 0, sizeof(a));
        memset(&o, 0xff, sizeof(o));
        a.handler = SIG_IGN;
        a.flags = SA_RESTART;
        a.mask[0] = 1u << (SIGUSR2 - 1);
        r = (int)syscall(SYS_sigaction, SIGUSR1, &a, NULL);
        r |= (int)syscall(SYS_sigaction, SIGUSR1, NULL, &o);
        printf("old sigaction: %d flags %x ignored %d mask %x %x\n", r,
               o.flags, o.handler == SIG_IGN, o.mask[0], o.mask[1]);
    }
    return 0;
}

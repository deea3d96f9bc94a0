/* ARM guest test: assorted syscalls with deterministic checks - uname
 * machine, ids, clocks, nanosleep, getrandom, sysinfo, prlimit, getcwd/
 * chdir, umask, socketpair with SCM_RIGHTS, TCP loopback on an ephemeral
 * port, the kuser helpers page, personality and prctl names. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void test_ids(void)
{
    struct utsname u;
    uname(&u);
    printf("uname machine %s sysname %s\n", u.machine, u.sysname);
    printf("getpid > 0: %d, gettid == getpid: %d, getppid > 0: %d\n",
           getpid() > 0, (pid_t)syscall(SYS_gettid) == getpid(),
           getppid() > 0);
    printf("getuid matches raw: %d, geteuid matches: %d, getgid matches: "
           "%d\n",
           getuid() == (uid_t)syscall(SYS_getuid32),
           geteuid() == (uid_t)syscall(SYS_geteuid32),
           getgid() == (gid_t)syscall(SYS_getgid32));
    uid_t r, e, s;
    getresuid(&r, &e, &s);
    printf("getresuid consistent: %d\n", r == getuid() && e == geteuid());
    int ng = getgroups(0, NULL);
    printf("getgroups count >= 0: %d\n", ng >= 0);
    printf("getpgrp == getpgid(0): %d, getsid > 0: %d\n",
           getpgrp() == getpgid(0), getsid(0) > 0);
}

static void test_time(void)
{
    struct timespec a, b, res;
    clock_gettime(CLOCK_MONOTONIC, &a);
    struct timespec req = {0, 20 * 1000 * 1000};
    int rc = nanosleep(&req, NULL);
    clock_gettime(CLOCK_MONOTONIC, &b);
    int64_t ns = (int64_t)(b.tv_sec - a.tv_sec) * 1000000000 +
                 (b.tv_nsec - a.tv_nsec);
    printf("nanosleep %d, monotonic advanced >= 20ms: %d\n", rc,
           ns >= 20 * 1000 * 1000);
    struct timespec m1, m2;
    clock_gettime(CLOCK_MONOTONIC, &m1);
    clock_gettime(CLOCK_MONOTONIC, &m2);
    printf("monotonic non-decreasing: %d\n",
           m2.tv_sec > m1.tv_sec ||
               (m2.tv_sec == m1.tv_sec && m2.tv_nsec >= m1.tv_nsec));
    struct timespec rt;
    clock_gettime(CLOCK_REALTIME, &rt);
    time_t t = time(NULL);
    printf("realtime after 2020: %d, time() agrees: %d\n",
           rt.tv_sec > 1577836800, t - rt.tv_sec <= 1 && t >= rt.tv_sec);
    struct timeval tv;
    gettimeofday(&tv, NULL);
    printf("gettimeofday usec in range: %d\n", tv.tv_usec >= 0 &&
                                                   tv.tv_usec < 1000000);
    int grc = clock_getres(CLOCK_MONOTONIC, &res);
    printf("clock_getres monotonic: %d ok %d\n", grc,
           res.tv_sec == 0 && res.tv_nsec > 0);
    struct timespec cpu;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu);
    printf("process cputime readable: %d\n", cpu.tv_sec >= 0);
    /* fixed time formatting, no time zone dependence */
    time_t fixed = 1234567890;
    struct tm tmv;
    gmtime_r(&fixed, &tmv);
    char buf[64];
    strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S %a %j", &tmv);
    printf("gmtime 1234567890: %s\n", buf);
    printf("timegm round trip: %d\n", timegm(&tmv) == fixed);
}

static void test_sys(void)
{
    unsigned char rb[32];
    memset(rb, 0, sizeof(rb));
    ssize_t n = getrandom(rb, sizeof(rb), 0);
    int nonzero = 0;
    for (int i = 0; i < 32; i++) {
        nonzero += rb[i] != 0;
    }
    printf("getrandom %d bytes, some non-zero: %d\n", (int)n, nonzero > 0);
    struct sysinfo si;
    int src = sysinfo(&si);
    printf("sysinfo %d, totalram > 0: %d, mem_unit > 0: %d\n", src,
           si.totalram > 0, si.mem_unit > 0);
    struct rlimit rl, rl2;
    int lrc = getrlimit(RLIMIT_NOFILE, &rl);
    printf("getrlimit nofile %d, cur <= max %d\n", lrc,
           rl.rlim_max == RLIM_INFINITY || rl.rlim_cur <= rl.rlim_max);
    struct rlimit nl = {64, rl.rlim_max};
    printf("prlimit set %d\n", prlimit(0, RLIMIT_NOFILE, &nl, &rl2));
    getrlimit(RLIMIT_NOFILE, &rl2);
    printf("nofile now %lu\n", (unsigned long)rl2.rlim_cur);
    int fds[70];
    int opened = 0;
    for (int i = 0; i < 70; i++) {
        fds[i] = open("/dev/null", O_RDONLY);
        if (fds[i] < 0) {
            /* how many descriptors the runner left open is not fixed */
            printf("an open before #64 fails with EMFILE: %d\n",
                   i < 64 && errno == EMFILE);
            break;
        }
        opened++;
    }
    for (int i = 0; i < opened; i++) {
        close(fds[i]);
    }
    setrlimit(RLIMIT_NOFILE, &rl);
    struct rlimit st;
    getrlimit(RLIMIT_STACK, &st);
    printf("stack limit nonzero: %d\n", st.rlim_cur > 0);

    char cwd[4096], cwd2[4096];
    getcwd(cwd, sizeof(cwd));
    printf("chdir / %d\n", chdir("/"));
    getcwd(cwd2, sizeof(cwd2));
    printf("getcwd after chdir: %s\n", cwd2);
    chdir("/usr");
    printf("getcwd after chdir /usr: %s\n", getcwd(cwd2, sizeof(cwd2)));
    errno = 0;
    char tiny[2];
    char *g = getcwd(tiny, sizeof(tiny));
    printf("getcwd tiny buffer: %s %s\n", g ? "ok" : "null",
           errno == ERANGE ? "ERANGE" : strerror(errno));
    chdir(cwd);
    mode_t old = umask(027);
    mode_t now = umask(old);
    printf("umask set/get %03o\n", now);
    printf("personality query low byte: %d\n",
           personality(0xffffffff) & 0xff);
    prctl(PR_SET_NAME, "emu-test-name");
    char name[17] = {0};
    prctl(PR_GET_NAME, name);
    printf("prctl name %s\n", name);
    /* kuser helpers: version word at 0xffff0ffc, >= 2 on any EABI kernel */
    uint32_t kver = *(volatile uint32_t *)0xffff0ffcu;
    printf("kuser helper version >= 2: %d\n", kver >= 2);
}

static void test_sockets(void)
{
    int sv[2];
    printf("socketpair %d\n", socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
    printf("send %d\n", (int)send(sv[0], "ping", 4, 0));
    char buf[32] = {0};
    printf("recv %d %s\n", (int)recv(sv[1], buf, sizeof(buf), 0), buf);

    /* SCM_RIGHTS: pass a pipe's read end over the socket */
    int p[2];
    pipe(p);
    write(p[1], "through fd", 10);
    struct msghdr mh;
    memset(&mh, 0, sizeof(mh));
    char data = 'F';
    struct iovec iov = {&data, 1};
    union {
        struct cmsghdr h;
        char b[CMSG_SPACE(sizeof(int))];
    } cm;
    memset(&cm, 0, sizeof(cm));
    mh.msg_iov = &iov;
    mh.msg_iovlen = 1;
    mh.msg_control = cm.b;
    mh.msg_controllen = sizeof(cm.b);
    struct cmsghdr *c = CMSG_FIRSTHDR(&mh);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(c), &p[0], sizeof(int));
    printf("sendmsg %d\n", (int)sendmsg(sv[0], &mh, 0));
    close(p[0]);

    struct msghdr rh;
    memset(&rh, 0, sizeof(rh));
    char rdata = 0;
    struct iovec riov = {&rdata, 1};
    union {
        struct cmsghdr h;
        char b[CMSG_SPACE(sizeof(int))];
    } rcm;
    rh.msg_iov = &riov;
    rh.msg_iovlen = 1;
    rh.msg_control = rcm.b;
    rh.msg_controllen = sizeof(rcm.b);
    int nr = (int)recvmsg(sv[1], &rh, 0);
    struct cmsghdr *rc = CMSG_FIRSTHDR(&rh);
    int got_fd = -1;
    if (rc && rc->cmsg_type == SCM_RIGHTS) {
        memcpy(&got_fd, CMSG_DATA(rc), sizeof(int));
    }
    printf("recvmsg %d data %c got fd %d\n", nr, rdata, got_fd >= 0);
    memset(buf, 0, sizeof(buf));
    if (got_fd >= 0) {
        printf("read via passed fd: %d %s\n", (int)read(got_fd, buf, 10), buf);
        close(got_fd);
    }
    close(p[1]);
    close(sv[0]);
    close(sv[1]);

    /* datagram socketpair keeps message boundaries */
    socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
    send(sv[0], "one", 3, 0);
    send(sv[0], "three", 5, 0);
    memset(buf, 0, sizeof(buf));
    int d1 = (int)recv(sv[1], buf, sizeof(buf), 0);
    int d2 = (int)recv(sv[1], buf + 8, sizeof(buf) - 8, 0);
    printf("dgram %d %s %d %s\n", d1, buf, d2, buf + 8);
    close(sv[0]);
    close(sv[1]);
}

static void test_tcp(void)
{
    int ls = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    struct sockaddr_in a;
    memset(&a, 0, sizeof(a));
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0;
    printf("bind %d\n", bind(ls, (struct sockaddr *)&a, sizeof(a)));
    printf("listen %d\n", listen(ls, 4));
    socklen_t al = sizeof(a);
    getsockname(ls, (struct sockaddr *)&a, &al);
    printf("ephemeral port assigned: %d, addr %s\n", ntohs(a.sin_port) != 0,
           inet_ntoa(a.sin_addr));
    fflush(stdout);
    pid_t child = fork();
    if (child == 0) {
        int cs = socket(AF_INET, SOCK_STREAM, 0);
        if (connect(cs, (struct sockaddr *)&a, sizeof(a)) != 0) {
            _exit(2);
        }
        char b[16] = {0};
        ssize_t n = recv(cs, b, sizeof(b), MSG_WAITALL);
        for (ssize_t i = 0; i < n; i++) {
            b[i] = (char)(b[i] + 1);
        }
        send(cs, b, (size_t)n, 0);
        close(cs);
        _exit(0);
    }
    struct sockaddr_in peer;
    socklen_t pl = sizeof(peer);
    int s = accept(ls, (struct sockaddr *)&peer, &pl);
    printf("accept ok %d, peer is loopback %d\n", s >= 0,
           peer.sin_addr.s_addr == htonl(INADDR_LOOPBACK));
    int nd = 1;
    setsockopt(s, IPPROTO_TCP, 1 /* TCP_NODELAY */, &nd, sizeof(nd));
    int sn = (int)send(s, "HAL-9000-abcdefg", 16, 0);
    char b[17] = {0};
    int rn = (int)recv(s, b, 16, MSG_WAITALL);
    printf("tcp send %d recv %d \"%s\"\n", sn, rn, b);
    int st;
    waitpid(child, &st, 0);
    printf("tcp child status %d\n", WEXITSTATUS(st));
    int type;
    socklen_t tl = sizeof(type);
    getsockopt(s, SOL_SOCKET, SO_TYPE, &type, &tl);
    printf("SO_TYPE stream %d\n", type == SOCK_STREAM);
    printf("shutdown %d\n", shutdown(s, SHUT_RDWR));
    close(s);
    close(ls);
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    test_ids();
    test_time();
    test_sys();
    test_sockets();
    test_tcp();
    printf("done\n");
    return 0;
}

/* ARM guest test: which blocking syscalls a signal handler restarts.  With
 * SA_RESTART, read/wait4/accept are restarted while nanosleep, poll,
 * select, sigsuspend and pause still fail with EINTR (Linux: ERESTARTSYS
 * vs ERESTARTNOHAND / ERESTART_RESTARTBLOCK); without SA_RESTART all of
 * them fail with EINTR.  A timer fires 20 ms into each call; the event
 * that ends a restarted call comes 400 ms later. */
#define _GNU_SOURCE
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t fired;

static void on_alarm(int sig)
{
    (void)sig;
    fired++;
}

static void arm_timer(int restart)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_alarm;
    sa.sa_flags = restart ? SA_RESTART : 0;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGALRM, &sa, NULL);
    struct itimerval it = {{0, 0}, {0, 20000}};
    fired = 0;
    setitimer(ITIMER_REAL, &it, NULL);
}

static const char *res(long r, int e)
{
    static char buf[64];
    if (r >= 0) {
        snprintf(buf, sizeof(buf), "ok");
    } else {
        snprintf(buf, sizeof(buf), "%s", e == EINTR ? "EINTR" : strerror(e));
    }
    return buf;
}

static void sleep_ms(int ms)
{
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
    }
}

static void run(int restart)
{
    const char *tag = restart ? "SA_RESTART" : "no SA_RESTART";
    long r;
    int e;

    /* read from a pipe written 400 ms later by a child */
    int p[2];
    pipe(p);
    pid_t c = fork();
    if (c == 0) {
        sleep_ms(400);
        write(p[1], "x", 1);
        _exit(0);
    }
    char ch;
    arm_timer(restart);
    errno = 0;
    r = read(p[0], &ch, 1);
    e = errno;
    printf("%s read: %s fired %d\n", tag, res(r, e), (int)fired);
    waitpid(c, NULL, 0);
    close(p[0]);
    close(p[1]);

    /* wait4 for a child that exits after 400 ms */
    c = fork();
    if (c == 0) {
        sleep_ms(400);
        _exit(3);
    }
    int st = 0;
    arm_timer(restart);
    errno = 0;
    r = waitpid(c, &st, 0);
    e = errno;
    printf("%s waitpid: %s fired %d\n", tag, res(r, e), (int)fired);
    if (r < 0) {
        waitpid(c, &st, 0);
    }
    printf("  child status %d\n", WEXITSTATUS(st));

    /* accept on loopback, client connects after 400 ms */
    int ls = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a;
    memset(&a, 0, sizeof(a));
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(ls, (struct sockaddr *)&a, sizeof(a));
    listen(ls, 1);
    socklen_t al = sizeof(a);
    getsockname(ls, (struct sockaddr *)&a, &al);
    c = fork();
    if (c == 0) {
        sleep_ms(400);
        int cs = socket(AF_INET, SOCK_STREAM, 0);
        connect(cs, (struct sockaddr *)&a, sizeof(a));
        sleep_ms(50);
        _exit(0);
    }
    arm_timer(restart);
    errno = 0;
    r = accept(ls, NULL, NULL);
    e = errno;
    printf("%s accept: %s fired %d\n", tag, res(r, e), (int)fired);
    if (r >= 0) {
        close((int)r);
    }
    waitpid(c, NULL, 0);
    close(ls);

    /* these never restart after a handler */
    arm_timer(restart);
    struct timespec ts = {2, 0}, rem = {0, 0};
    errno = 0;
    r = nanosleep(&ts, &rem);
    e = errno;
    printf("%s nanosleep: %s remaining > 1s %d\n", tag, res(r, e),
           rem.tv_sec >= 1);

    pipe(p);
    struct pollfd pf = {p[0], POLLIN, 0};
    arm_timer(restart);
    errno = 0;
    r = poll(&pf, 1, 2000);
    e = errno;
    printf("%s poll: %s\n", tag, res(r, e));

    fd_set rs;
    FD_ZERO(&rs);
    FD_SET(p[0], &rs);
    struct timeval tv = {2, 0};
    arm_timer(restart);
    errno = 0;
    r = select(p[0] + 1, &rs, NULL, NULL, &tv);
    e = errno;
    printf("%s select: %s\n", tag, res(r, e));
    close(p[0]);
    close(p[1]);

    sigset_t none;
    sigemptyset(&none);
    arm_timer(restart);
    errno = 0;
    r = sigsuspend(&none);
    e = errno;
    printf("%s sigsuspend: %s fired %d\n", tag, res(r, e), (int)fired);

    arm_timer(restart);
    errno = 0;
    r = pause();
    e = errno;
    printf("%s pause: %s fired %d\n", tag, res(r, e), (int)fired);
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    run(1);
    run(0);
    printf("done\n");
    return 0;
}

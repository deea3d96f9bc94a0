/* ARM guest test: fork + waitpid with exit status and signal status,
 * pipes between parent and child, vfork, fork + execve of another guest
 * program (its path is argv[1]) with a controlled argv/envp, execve
 * errors, SIGCHLD, waitid and getppid. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t sigchld_count;

static void on_chld(int sig)
{
    (void)sig;
    sigchld_count++;
}

static void report(const char *what, int st)
{
    if (WIFEXITED(st)) {
        printf("%s: exited %d\n", what, WEXITSTATUS(st));
    } else if (WIFSIGNALED(st)) {
        printf("%s: killed by signal %d\n", what, WTERMSIG(st));
    } else {
        printf("%s: status %#x\n", what, st);
    }
}

int main(int argc, char **argv)
{
    int st;
    pid_t me = getpid();
    setvbuf(stdout, NULL, _IONBF, 0);
    signal(SIGCHLD, on_chld);

    pid_t c = fork();
    if (c == 0) {
        _exit(getppid() == me ? 42 : 1);
    }
    printf("fork returned child pid > 0: %d\n", c > 0);
    printf("waitpid returned child: %d\n", waitpid(c, &st, 0) == c);
    report("child 1", st);

    c = fork();
    if (c == 0) {
        kill(getpid(), SIGTERM);
        _exit(0);
    }
    waitpid(c, &st, 0);
    report("child 2", st);

    /* a child that exits via a null dereference */
    c = fork();
    if (c == 0) {
        signal(SIGSEGV, SIG_DFL);
        volatile int *p = NULL;
        *p = 0;
        _exit(0);
    }
    waitpid(c, &st, 0);
    printf("child 3: killed by signal %d\n",
           WIFSIGNALED(st) ? WTERMSIG(st) : -1);

    /* pipes both ways: the child upper-cases what it reads */
    int to_child[2], from_child[2];
    if (pipe(to_child) != 0 || pipe(from_child) != 0) {
        perror("pipe");
        return 1;
    }
    c = fork();
    if (c == 0) {
        char buf[64];
        close(to_child[1]);
        close(from_child[0]);
        ssize_t n, total = 0;
        while ((n = read(to_child[0], buf, sizeof(buf))) > 0) {
            for (ssize_t i = 0; i < n; i++) {
                if (buf[i] >= 'a' && buf[i] <= 'z') {
                    buf[i] = (char)(buf[i] - 32);
                }
            }
            if (write(from_child[1], buf, (size_t)n) != n) {
                _exit(2);
            }
            total += n;
        }
        _exit((int)total);
    }
    close(to_child[0]);
    close(from_child[1]);
    const char *msg = "pipes between parent and child";
    if (write(to_child[1], msg, strlen(msg)) != (ssize_t)strlen(msg)) {
        perror("write");
    }
    close(to_child[1]);
    char back[64] = {0};
    size_t got = 0;
    ssize_t n;
    while ((n = read(from_child[0], back + got, sizeof(back) - 1 - got)) > 0) {
        got += (size_t)n;
    }
    waitpid(c, &st, 0);
    printf("pipe reply \"%s\"\n", back);
    report("pipe child", st);

    /* vfork: the child may only _exit or exec (POSIX), so whether memory
     * is shared is not observed here */
    c = vfork();
    if (c == 0) {
        _exit(7);
    }
    waitpid(c, &st, 0);
    report("vfork child", st);

    if (argc > 1) {
        char *cargv[] = {"hello", "--env", "from exec", "two words", NULL};
        char *cenv[] = {"FOO=bar", "EMPTY=", NULL};
        c = fork();
        if (c == 0) {
            execve(argv[1], cargv, cenv);
            printf("execve failed: %s\n", strerror(errno));
            _exit(127);
        }
        waitpid(c, &st, 0);
        report("exec child", st);

        char *xargv[] = {"hello", "--exit3", NULL};
        c = vfork();
        if (c == 0) {
            execve(argv[1], xargv, cenv);
            _exit(127);
        }
        siginfo_t si;
        memset(&si, 0, sizeof(si));
        waitid(P_PID, (id_t)c, &si, WEXITED);
        printf("vfork+exec waitid: code %d status %d pid ok %d\n", si.si_code,
               si.si_status, si.si_pid == c);
    } else {
        printf("no exec target given\n");
    }

    char *nargv[] = {"nope", NULL};
    errno = 0;
    execve("/nonexistent/program", nargv, nargv + 1);
    printf("execve nonexistent: %s\n", strerror(errno));
    char tmpl[] = "/tmp/emu-fork-exec-XXXXXX";
    int fd = mkstemp(tmpl);
    if (fd >= 0) {
        fchmod(fd, 0600);
        close(fd);
        errno = 0;
        execve(tmpl, nargv, nargv + 1);
        printf("execve non-executable: %s\n", strerror(errno));
        unlink(tmpl);
    }
    errno = 0;
    int w = (int)wait(&st);
    printf("wait with no children: %d %s\n", w, strerror(errno));
    printf("sigchld seen: %d\n", sigchld_count > 0);
    printf("done\n");
    return 0;
}

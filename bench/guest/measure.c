/* bench/guest/measure.c — native helper of bench/run.sh: runs one command
 * N times in a row and prints its total wall time, CPU time and the peak
 * resident set (from wait4's rusage) so the runner needs no /usr/bin/time. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void measure_usage(void)
{
    fprintf(stderr, "usage: measure [-n runs] [-o outfile] [-e errfile] "
                    "-- program [args...]\n"
                    "prints: wall_seconds cpu_seconds peak_rss_kib status\n");
    exit(2);
}

static double measure_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* runs argv once with stdout/stderr sent to the given files (or /dev/null);
 * returns the wait status, fills *ru; -1 if fork fails */
static int measure_run_once(char **argv, const char *out, const char *err,
                            struct rusage *ru)
{
    pid_t pid = fork();
    if (pid < 0) {
        return -1;
    }
    if (pid == 0) {
        int fd = open(out ? out : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC,
                      0644);
        int fe = open(err ? err : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC,
                      0644);
        int fi = open("/dev/null", O_RDONLY);
        if (fd < 0 || fe < 0 || fi < 0) {
            _exit(126);
        }
        dup2(fi, 0);
        dup2(fd, 1);
        dup2(fe, 2);
        execvp(argv[0], argv);
        dprintf(2, "measure: cannot run %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    int status = 0;
    while (wait4(pid, &status, 0, ru) < 0) {
        if (errno != EINTR) {
            return -1;
        }
    }
    return status;
}

int main(int argc, char **argv)
{
    long runs = 1;
    const char *out = NULL, *err = NULL;
    int i = 1;
    for (; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        } else if (strcmp(argv[i], "-n") == 0 && i + 1 < argc) {
            runs = strtol(argv[++i], NULL, 10);
        } else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc) {
            out = argv[++i];
        } else if (strcmp(argv[i], "-e") == 0 && i + 1 < argc) {
            err = argv[++i];
        } else {
            measure_usage();
        }
    }
    if (i >= argc || runs < 1) {
        measure_usage();
    }
    double cpu = 0, start = measure_now();
    long peak_kib = 0;
    int status = 0;
    for (long r = 0; r < runs; r++) {
        struct rusage ru;
        memset(&ru, 0, sizeof(ru));
        status = measure_run_once(argv + i, out, err, &ru);
        if (status == -1) {
            fprintf(stderr, "measure: fork/wait failed: %s\n",
                    strerror(errno));
            return 2;
        }
        cpu += (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec * 1e-6 +
               (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec * 1e-6;
        if (ru.ru_maxrss > peak_kib) {
            peak_kib = ru.ru_maxrss;
        }
        if (status != 0) {
            break;
        }
    }
    double wall = measure_now() - start;
    int code = WIFEXITED(status) ? WEXITSTATUS(status) :
               WIFSIGNALED(status) ? 128 + WTERMSIG(status) : 255;
    printf("%.6f %.6f %ld %d\n", wall, cpu, peak_kib, code);
    return 0;
}

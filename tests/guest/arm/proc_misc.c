/* ARM guest test: what a process sees of itself - the auxiliary vector
 * (platform v5l, page size, hwcaps of an ARMv5TE core), /proc/self/exe and
 * re-exec through it, /proc/self/maps and /proc/self/stat, the 32-bit
 * address-space limits (huge mmap, the kuser page), guest stack overflow
 * caught on an alternate stack, many short-lived threads, fork from a
 * threaded process, exit_group from a secondary thread (exit status 5). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

/* Linux arch/arm/include/uapi/asm/hwcap.h */
#define TGT_HWCAP_SWP 1u
#define TGT_HWCAP_HALF 2u
#define TGT_HWCAP_THUMB 4u
#define TGT_HWCAP_FAST_MULT 16u
#define TGT_HWCAP_EDSP 128u

static const char *base_name(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

static void test_auxv(void)
{
    const char *plat = (const char *)getauxval(AT_PLATFORM);
    printf("AT_PLATFORM %s\n", plat ? plat : "(none)");
    printf("AT_PAGESZ %lu\n", getauxval(AT_PAGESZ));
    unsigned long hw = getauxval(AT_HWCAP);
    printf("hwcap swp %d half %d thumb %d fast_mult %d edsp %d\n",
           (hw & TGT_HWCAP_SWP) != 0, (hw & TGT_HWCAP_HALF) != 0,
           (hw & TGT_HWCAP_THUMB) != 0, (hw & TGT_HWCAP_FAST_MULT) != 0,
           (hw & TGT_HWCAP_EDSP) != 0);
    const char *fn = (const char *)getauxval(AT_EXECFN);
    printf("AT_EXECFN basename %s\n", fn ? base_name(fn) : "(none)");
    const uint8_t *rnd = (const uint8_t *)getauxval(AT_RANDOM);
    int nz = 0;
    for (int i = 0; rnd && i < 16; i++) {
        nz |= rnd[i];
    }
    printf("AT_RANDOM present and not all zero %d\n", rnd != NULL && nz != 0);
    printf("AT_SECURE %lu, AT_UID matches %d\n", getauxval(AT_SECURE),
           getauxval(AT_UID) == getuid());
    printf("AT_PHDR present %d AT_ENTRY present %d\n", getauxval(AT_PHDR) != 0,
           getauxval(AT_ENTRY) != 0);
}

static void test_proc(char **argv)
{
    char buf[4096];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
    buf[n > 0 ? n : 0] = 0;
    printf("/proc/self/exe basename %s, argv[0] basename %s\n",
           base_name(buf), base_name(argv[0]));
    FILE *f = fopen("/proc/self/maps", "r");
    int exec_lines = 0, lines = 0, stack = 0;
    while (f && fgets(buf, sizeof(buf), f)) {
        lines++;
        if (strstr(buf, " r-xp ") && strstr(buf, "proc_misc")) {
            exec_lines++;
        }
        if (strstr(buf, "[stack]")) {
            stack++;
            unsigned long lo, hi;
            sscanf(buf, "%lx-%lx", &lo, &hi);
            char probe;
            uintptr_t sp = (uintptr_t)&probe;
            printf("[stack] mapping contains sp %d\n", sp >= lo && sp < hi);
        }
    }
    if (f) {
        fclose(f);
    }
    printf("/proc/self/maps: text mapping of the program %d, [stack] %d\n",
           exec_lines > 0, stack);
    f = fopen("/proc/self/stat", "r");
    int pid = -1;
    char comm[64] = {0};
    if (f && fscanf(f, "%d %63s", &pid, comm) == 2) {
        printf("/proc/self/stat pid matches %d comm %s\n", pid == getpid(),
               comm);
    }
    if (f) {
        fclose(f);
    }
    fflush(stdout);
    pid_t c = fork();
    if (c == 0) {
        char *cargv[] = {argv[0], "--reexec", NULL};
        char *cenv[] = {NULL};
        execve("/proc/self/exe", cargv, cenv);
        printf("execve /proc/self/exe failed: %s\n", strerror(errno));
        _exit(1);
    }
    int st;
    waitpid(c, &st, 0);
    printf("re-exec child exit %d\n", WIFEXITED(st) ? WEXITSTATUS(st) : -1);
}

static void test_address_space(void)
{
    errno = 0;
    void *p = mmap(NULL, 0xc0000000u, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS,
                   -1, 0);
    printf("3 GiB mmap: %s %s\n", p == MAP_FAILED ? "failed" : "mapped",
           errno == ENOMEM ? "ENOMEM" : "");
    if (p != MAP_FAILED) {
        munmap(p, 0xc0000000u);
    }
    errno = 0;
    p = mmap((void *)0xffff0000u, 4096, PROT_READ | PROT_WRITE,
             MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    printf("MAP_FIXED over the vector page: %s\n",
           p == MAP_FAILED ? "failed" : "mapped");
    /* the kuser helpers are still intact and callable */
    uint32_t (*get_tls)(void) = (uint32_t(*)(void))0xffff0fe0u;
    uint32_t tls = get_tls();
    printf("kuser get_tls equals the thread pointer %d\n",
           tls == (uint32_t)(uintptr_t)__builtin_thread_pointer());
    /* mmap without a hint never returns an address in the top 16 MiB */
    p = mmap(NULL, 1 << 20, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    printf("mmap below 0xbf000000 %d\n", (uintptr_t)p < 0xbf000000u);
    munmap(p, 1 << 20);
}

static sigjmp_buf overflow_jb;
static volatile int overflow_on_alt;
static char *alt;

static void on_overflow(int sig, siginfo_t *si, void *uc)
{
    (void)si;
    (void)uc;
    char here;
    overflow_on_alt = sig == SIGSEGV && &here >= alt && &here < alt + 65536;
    siglongjmp(overflow_jb, 1);
}

__attribute__((noinline)) static uint32_t recurse(uint32_t n)
{
    volatile char pad[1024];
    pad[0] = (char)n;
    pad[1023] = (char)n;
    return recurse(n + 1) + pad[0] + pad[1023];
}

static void test_stack_overflow(void)
{
    alt = malloc(65536);
    stack_t ss = {.ss_sp = alt, .ss_size = 65536, .ss_flags = 0};
    sigaltstack(&ss, NULL);
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = on_overflow;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigaction(SIGSEGV, &sa, NULL);
    if (sigsetjmp(overflow_jb, 1) == 0) {
        recurse(0);
        printf("no overflow?\n");
    } else {
        printf("stack overflow caught on the alternate stack %d\n",
               overflow_on_alt);
    }
    signal(SIGSEGV, SIG_DFL);
}

static void *short_thread(void *arg)
{
    return (void *)((uintptr_t)arg * 2);
}

static void *spinner(void *arg)
{
    volatile int *stop = arg;
    while (!*stop) {
        sched_yield();
    }
    return NULL;
}

static void test_threads(void)
{
    uintptr_t sum = 0;
    for (uintptr_t i = 0; i < 200; i++) {
        pthread_t t;
        void *r;
        if (pthread_create(&t, NULL, short_thread, (void *)i) != 0) {
            printf("pthread_create %u failed\n", (unsigned)i);
            return;
        }
        pthread_join(t, &r);
        sum += (uintptr_t)r;
    }
    printf("200 short threads: sum %u\n", (unsigned)sum);
    /* fork while another thread runs: only the caller exists in the child */
    volatile int stop = 0;
    pthread_t sp;
    pthread_create(&sp, NULL, spinner, (void *)&stop);
    fflush(stdout);
    pid_t c = fork();
    if (c == 0) {
        printf("child of threaded parent runs\n");
        fflush(stdout);
        _exit(9);
    }
    int st;
    waitpid(c, &st, 0);
    stop = 1;
    pthread_join(sp, NULL);
    printf("threaded fork child exit %d\n", WEXITSTATUS(st));
}

static void *exiter(void *arg)
{
    (void)arg;
    fflush(stdout);
    exit(5); /* exit_group from a secondary thread */
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--reexec") == 0) {
        printf("re-exec via /proc/self/exe: argv[1] %s, environment empty "
               "%d\n",
               argv[1], environ == NULL || environ[0] == NULL);
        return 4;
    }
    setvbuf(stdout, NULL, _IOLBF, 0);
    test_auxv();
    test_proc(argv);
    test_address_space();
    test_stack_overflow();
    test_threads();
    pthread_t t;
    pthread_create(&t, NULL, exiter, NULL);
    for (;;) {
        pause();
    }
}

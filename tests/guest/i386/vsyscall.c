/* tests/guest/i386/vsyscall.c — glibc's system calls through the vDSO's
 * __kernel_vsyscall (AT_SYSINFO, AT_SYSINFO_EHDR), compared with the
 * native run: glibc's TCB holds AT_SYSINFO, the vDSO is an ELF object
 * dl_iterate_phdr lists, a six-argument call (mmap2, the 6th in ebp) made
 * through it directly, blocking calls interrupted by signals with and
 * without SA_RESTART (the handler sees the interrupted eip inside the
 * vDSO), backtrace() out of a handler through __kernel_vsyscall (its
 * unwind information), and pthread_cancel of a thread blocked in read().
 * Built static and dynamic.
 */
#define _GNU_SOURCE
#include <elf.h>
#include <errno.h>
#include <execinfo.h>
#include <fcntl.h>
#include <link.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <ucontext.h>
#include <unistd.h>

static uintptr_t vdso_lo, vdso_hi;
static volatile int handled, in_vdso, bt_found;

/* Calls __kernel_vsyscall at fn with eax = nr and six arguments. */
uint32_t vsys6(uint32_t fn, uint32_t nr, const uint32_t *a);
__asm__(
    ".text\n"
    "vsys6:\n\t"
    "push %ebp\n\tpush %ebx\n\tpush %esi\n\tpush %edi\n\t"
    "mov 20(%esp), %eax\n\t"        /* fn */
    "push %eax\n\t"                 /* at 0(%esp) */
    "mov 28(%esp), %eax\n\t"        /* nr */
    "mov 32(%esp), %ebp\n\t"        /* a */
    "mov 0(%ebp), %ebx\n\tmov 4(%ebp), %ecx\n\tmov 8(%ebp), %edx\n\t"
    "mov 12(%ebp), %esi\n\tmov 16(%ebp), %edi\n\tmov 20(%ebp), %ebp\n\t"
    "call *(%esp)\n\t"
    "add $4, %esp\n\t"
    "pop %edi\n\tpop %esi\n\tpop %ebx\n\tpop %ebp\n\t"
    "ret\n");

static int phdr_cb(struct dl_phdr_info *info, size_t size, void *data)
{
    (void)size;
    (void)data;
    for (int i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        if (ph->p_type == PT_LOAD &&
            info->dlpi_addr + ph->p_vaddr <= getauxval(AT_SYSINFO) &&
            getauxval(AT_SYSINFO) < info->dlpi_addr + ph->p_vaddr +
                                    ph->p_memsz) {
            printf("dl_iterate_phdr: vDSO '%s' found\n", info->dlpi_name);
        }
    }
    return 0;
}

__attribute__((noinline)) static ssize_t blocker(int fd, char *b, size_t n)
{
    ssize_t r = read(fd, b, n);
    __asm__ volatile("" ::: "memory");
    return r;
}

static void on_alarm(int sig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
    uintptr_t eip = (uintptr_t)uc->uc_mcontext.gregs[REG_EIP];
    void *frames[64];
    int n;

    (void)sig;
    (void)si;
    handled++;
    in_vdso = eip >= vdso_lo && eip < vdso_hi;
    n = backtrace(frames, 64);
    for (int i = 0; i < n; i++) {
        uintptr_t a = (uintptr_t)frames[i];
        if (a > (uintptr_t)blocker && a < (uintptr_t)blocker + 256) {
            bt_found = 1;
        }
    }
}

static void *late_writer(void *arg)
{
    int fd = *(int *)arg;

    usleep(400000);
    if (write(fd, "hello", 5) != 5) {
        perror("write");
    }
    return NULL;
}

/* A thread writes to the pipe after 400 ms; SIGALRM (blocked in that
 * thread) comes after 50 ms. */
static void read_interrupted(int restart)
{
    struct sigaction sa;
    struct itimerval it;
    int p[2];
    char b[16];
    ssize_t r;
    pthread_t th;
    sigset_t set, old;

    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = on_alarm;
    sa.sa_flags = SA_SIGINFO | (restart ? SA_RESTART : 0);
    sigaction(SIGALRM, &sa, NULL);
    if (pipe(p) != 0) {
        perror("pipe");
        exit(1);
    }
    sigemptyset(&set);
    sigaddset(&set, SIGALRM);
    pthread_sigmask(SIG_BLOCK, &set, &old);
    pthread_create(&th, NULL, late_writer, &p[1]);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    handled = in_vdso = bt_found = 0;
    memset(&it, 0, sizeof(it));
    it.it_value.tv_usec = 50000;
    setitimer(ITIMER_REAL, &it, NULL);
    r = blocker(p[0], b, sizeof(b));
    printf("read (%s): %zd %s handler %d eip in vDSO %d backtrace "
           "through vDSO %d\n", restart ? "SA_RESTART" : "no restart", r,
           r < 0 ? strerror(errno) : "", handled, in_vdso, bt_found);
    pthread_join(th, NULL);
    close(p[0]);
    close(p[1]);
}

static int cleanup_ran;
static int cancel_pipe[2];

static void cleanup(void *arg)
{
    (void)arg;
    cleanup_ran = 1;
}

static void *cancel_thread(void *arg)
{
    char b[4];

    (void)arg;
    pthread_cleanup_push(cleanup, NULL);
    for (;;) {
        if (read(cancel_pipe[0], b, sizeof(b)) < 0) {
            break;
        }
    }
    pthread_cleanup_pop(0);
    return NULL;
}

int main(void)
{
    uint32_t sysinfo = (uint32_t)getauxval(AT_SYSINFO);
    uint32_t ehdr = (uint32_t)getauxval(AT_SYSINFO_EHDR);
    uint32_t tcb_sysinfo;
    const unsigned char *code = (const unsigned char *)(uintptr_t)sysinfo;
    const Elf32_Ehdr *eh = (const Elf32_Ehdr *)(uintptr_t)ehdr;
    pthread_t th;
    void *ret;

    setvbuf(stdout, NULL, _IOLBF, 0);
    printf("AT_SYSINFO %s, AT_SYSINFO_EHDR %s\n", sysinfo ? "set" : "unset",
           ehdr ? "set" : "unset");
    if (!sysinfo || !ehdr) {
        return 1;
    }
    printf("__kernel_vsyscall starts %02x %02x %02x (push ecx, edx, ebp)\n",
           code[0], code[1], code[2]);
    printf("vDSO: ELF %d, type %d, machine %d\n",
           memcmp(eh->e_ident, ELFMAG, SELFMAG) == 0, eh->e_type,
           eh->e_machine);
    vdso_lo = ehdr;
    vdso_hi = ehdr + 4096;
    __asm__("mov %%gs:0x10, %0" : "=r"(tcb_sysinfo));
    printf("TCB sysinfo == AT_SYSINFO: %d\n", tcb_sysinfo == sysinfo);
    dl_iterate_phdr(phdr_cb, NULL);

    /* mmap2 through __kernel_vsyscall: a file page at page offset 1. */
    {
        char path[] = "/tmp/emu-vsys-XXXXXX";
        int fd = mkstemp(path);
        char page[8192];
        uint32_t a[6];
        uint32_t r;

        memset(page, 'a', 4096);
        memset(page + 4096, 'b', 4096);
        if (fd < 0 || write(fd, page, sizeof(page)) != sizeof(page)) {
            perror("tmp file");
            return 1;
        }
        unlink(path);
        a[0] = 0;
        a[1] = 4096;
        a[2] = PROT_READ;
        a[3] = MAP_PRIVATE;
        a[4] = (uint32_t)fd;
        a[5] = 1;                   /* pgoffset: the 6th argument, ebp */
        r = vsys6(sysinfo, SYS_mmap2, a);
        printf("mmap2 via __kernel_vsyscall: %s, first byte %c\n",
               r > 0xfffff000u ? "failed" : "mapped",
               r > 0xfffff000u ? '-' : *(char *)(uintptr_t)r);
        a[0] = 12345678;
        r = vsys6(sysinfo, SYS_getpid, a);
        printf("getpid via __kernel_vsyscall == getpid(): %d\n",
               r == (uint32_t)getpid());
        r = vsys6(sysinfo, 0x7fff, a);
        printf("bad syscall via __kernel_vsyscall: %d\n", (int32_t)r);
        close(fd);
    }

    read_interrupted(1);
    read_interrupted(0);

    if (pipe(cancel_pipe) != 0) {
        return 1;
    }
    pthread_create(&th, NULL, cancel_thread, NULL);
    usleep(100000);
    pthread_cancel(th);
    pthread_join(th, &ret);
    printf("cancelled in read: %d, cleanup ran %d\n", ret == PTHREAD_CANCELED,
           cleanup_ran);
    return 0;
}

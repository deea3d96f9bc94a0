/* linux-user/syscall_thread.c — processes and threads: clone (a guest
 * thread is a host thread running cpu_loop on a copy of the parent's
 * state; without CLONE_VM a host fork), fork, vfork, execve (guest
 * binaries re-enter this runner), wait4 / waitid with guest signal
 * numbers in the status, thread exit with clear_child_tid and the robust
 * list, and futex mapped straight onto host futexes at g2h addresses.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/futex.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "abi.h"
#include "core/exec.h"
#include "guest_mem.h"
#include "signal.h"
#include "syscall.h"
#include "task.h"

/* Live guest threads: the last one to exit ends the process. */
static atomic_int thread_live = 1;
/* The host path of this runner, for execve of guest programs. */
static char thread_self_exe[PATH_MAX];

__attribute__((constructor)) static void thread_find_self(void)
{
    ssize_t n = readlink("/proc/self/exe", thread_self_exe,
                         sizeof(thread_self_exe) - 1);
    thread_self_exe[n > 0 ? n : 0] = 0;
}

static uint32_t th_arg(const SyscallCall *c, unsigned i)
{
    return (uint32_t)c->arg[i];
}

/* ---- futex ----------------------------------------------------------- */

/* A guest timespec (32-bit time_t, or 64-bit for the _time64 calls). */
static int thread_get_timespec(struct timespec *ts, uint32_t addr,
                               bool time64)
{
    if (time64) {
        uint64_t s, ns;
        if (guest_get_u64(addr, &s) || guest_get_u64(addr + 8, &ns)) {
            return -EFAULT;
        }
        ts->tv_sec = (time_t)(int64_t)s;
        ts->tv_nsec = (long)(int64_t)ns;
    } else {
        uint32_t s, ns;
        if (guest_get_u32(addr, &s) || guest_get_u32(addr + 4, &ns)) {
            return -EFAULT;
        }
        ts->tv_sec = (time_t)(int32_t)s;
        ts->tv_nsec = (long)(int32_t)ns;
    }
    return 0;
}

static uint32_t thread_guest_word(uint32_t v)
{
    return linux_process.abi->big_endian ? __builtin_bswap32(v) : v;
}

/* futex(uaddr, op, val, timeout | val2, uaddr2, val3) and futex_time64:
 * the host futex works on the same memory (g2h); values compared with
 * guest memory are put in guest byte order. */
static int64_t sys_futex(CpuCommon *cpu, const SyscallCall *c)
{
    uint32_t uaddr = th_arg(c, 0), uaddr2 = th_arg(c, 4);
    int op = (int)th_arg(c, 1);
    int cmd = op & FUTEX_CMD_MASK;
    uint32_t val = th_arg(c, 2), val3 = th_arg(c, 5);
    struct timespec ts;
    void *timeout = NULL;
    void *h2 = NULL;
    long r;

    if (!guest_range_ok(uaddr, 4, PAGE_READ) || (uaddr & 3)) {
        return uaddr & 3 ? -EINVAL : -EFAULT;
    }
    switch (cmd) {
    case FUTEX_WAIT:
    case FUTEX_WAIT_BITSET:
    case FUTEX_LOCK_PI:
    case FUTEX_WAIT_REQUEUE_PI:
        if (th_arg(c, 3)) {
            int e = thread_get_timespec(&ts, th_arg(c, 3),
                                        c->id == SYSID_futex_time64);
            if (e < 0) {
                return e;
            }
            timeout = &ts;
        }
        if (cmd == FUTEX_WAIT || cmd == FUTEX_WAIT_BITSET ||
            cmd == FUTEX_WAIT_REQUEUE_PI) {
            val = thread_guest_word(val);
        }
        break;
    case FUTEX_REQUEUE:
    case FUTEX_CMP_REQUEUE:
    case FUTEX_WAKE_OP:
    case FUTEX_CMP_REQUEUE_PI:
        /* The fourth argument is a count (val2), not a pointer. */
        timeout = (void *)(uintptr_t)th_arg(c, 3);
        if (cmd == FUTEX_CMP_REQUEUE || cmd == FUTEX_CMP_REQUEUE_PI) {
            val3 = thread_guest_word(val3);
        }
        break;
    case FUTEX_WAKE:
    case FUTEX_WAKE_BITSET:
    case FUTEX_UNLOCK_PI:
    case FUTEX_TRYLOCK_PI:
        break;
    default:
        return -ENOSYS;
    }
    if (cmd == FUTEX_REQUEUE || cmd == FUTEX_CMP_REQUEUE ||
        cmd == FUTEX_WAKE_OP || cmd == FUTEX_CMP_REQUEUE_PI ||
        cmd == FUTEX_WAIT_REQUEUE_PI) {
        if (!guest_range_ok(uaddr2, 4, PAGE_READ)) {
            return -EFAULT;
        }
        h2 = g2h(uaddr2);
    }
    r = syscall(SYS_futex, g2h(uaddr), op, val, timeout, h2, val3);
    return r < 0 ? -errno : r;
}

static void thread_futex_wake(uint32_t addr, int n)
{
    syscall(SYS_futex, g2h(addr), FUTEX_WAKE, n, NULL, NULL, 0);
}

typedef struct ThreadFutexDeath {
    uint32_t addr;
    int32_t tid;
} ThreadFutexDeath;

/* handle_futex_death(): a lock the dying thread owned gets OWNER_DIED
 * and one waiter woken. Runs under guest_mem_guard() (the word may sit
 * on a file page past EOF). */
static void thread_futex_death_fn(void *opaque)
{
    const ThreadFutexDeath *fd = opaque;
    uint32_t addr = fd->addr;
    int32_t tid = fd->tid;
    uint32_t *p, val, nv;

    p = g2h(addr);
    val = __atomic_load_n(p, __ATOMIC_SEQ_CST);
    for (;;) {
        uint32_t host_val = thread_guest_word(val);
        if ((host_val & FUTEX_TID_MASK) != (uint32_t)tid) {
            return;
        }
        nv = thread_guest_word((host_val & FUTEX_WAITERS) |
                               FUTEX_OWNER_DIED);
        if (__atomic_compare_exchange_n(p, &val, nv, false,
                                        __ATOMIC_SEQ_CST,
                                        __ATOMIC_SEQ_CST)) {
            if (host_val & FUTEX_WAITERS) {
                thread_futex_wake(addr, 1);
            }
            return;
        }
    }
}

static void thread_futex_death(uint32_t addr, int32_t tid)
{
    ThreadFutexDeath fd = { addr, tid };

    if (!guest_range_ok(addr, 4, PAGE_READ | PAGE_WRITE) || (addr & 3)) {
        return;
    }
    guest_mem_guard(thread_futex_death_fn, &fd);
}

/* exit_robust_list(): struct robust_list_head { next; long futex_offset;
 * list_op_pending; } of a 32-bit guest; entries carry the PI flag in
 * bit 0. */
static void thread_exit_robust_list(TaskState *ts)
{
    uint32_t head = ts->robust_list, entry, offset, pending;

    if (!head || guest_get_u32(head, &entry) ||
        guest_get_u32(head + 4, &offset) ||
        guest_get_u32(head + 8, &pending)) {
        return;
    }
    for (int limit = 0; (entry & ~1u) != head && limit < 2048; limit++) {
        uint32_t next, e = entry & ~1u;
        if (guest_get_u32(e, &next)) {
            return;
        }
        if (e != (pending & ~1u)) {
            thread_futex_death(e + offset, ts->tid);
        }
        entry = next;
    }
    if (pending & ~1u) {
        thread_futex_death((pending & ~1u) + offset, ts->tid);
    }
}

/* ---- Threads --------------------------------------------------------- */

/* The end of a guest thread: its futex duties, then its state. */
static void thread_release(CpuCommon *cpu)
{
    TaskState *ts = task_of(cpu);
    sigset_t old;

    thread_exit_robust_list(ts);
    if (ts->clear_child_tid &&
        guest_put_u32(ts->clear_child_tid, 0) == 0) {
        thread_futex_wake(ts->clear_child_tid, INT_MAX);
    }
    /* From here this host thread takes no more signals. */
    signal_block_host(&old);
    signal_task_free(ts);
    task_free(ts);
    cpu_destroy(cpu);
}

typedef struct ThreadStart {
    CpuCommon *cpu;
    const TaskState *parent;
    uint32_t flags, ptid, ctid;
    sigset_t mask;              /* the host mask to run with */
    pthread_mutex_t lock;
    pthread_cond_t cond;
    int32_t tid;                /* 0 until started; < 0: failed */
} ThreadStart;

static void *thread_main(void *arg)
{
    ThreadStart *st = arg;
    CpuCommon *cpu = st->cpu;
    TaskState *ts = task_create(cpu);
    sigset_t mask = st->mask;
    int32_t tid;

    if (!ts || !signal_task_init(ts, st->parent)) {
        pthread_mutex_lock(&st->lock);
        st->tid = -ENOMEM;
        pthread_cond_signal(&st->cond);
        pthread_mutex_unlock(&st->lock);
        return NULL;
    }
    tid = ts->tid;
    if (st->flags & CLONE_CHILD_CLEARTID) {
        ts->clear_child_tid = st->ctid;
    }
    if (st->flags & CLONE_CHILD_SETTID) {
        guest_put_u32(st->ctid, (uint32_t)tid);
    }
    if (st->flags & CLONE_PARENT_SETTID) {
        guest_put_u32(st->ptid, (uint32_t)tid);
    }
    pthread_mutex_lock(&st->lock);
    st->tid = tid;
    pthread_cond_signal(&st->cond);
    pthread_mutex_unlock(&st->lock);
    /* st belongs to the parent from here. */
    pthread_sigmask(SIG_SETMASK, &mask, NULL);
    cpu_loop(cpu);
    thread_release(cpu);
    return NULL;
}

static int64_t thread_clone_thread(CpuCommon *cpu, uint32_t flags,
                                   uint32_t newsp, uint32_t ptid,
                                   uint32_t tls, uint32_t ctid)
{
    const LinuxAbi *abi = linux_process.abi;
    ThreadStart st;
    pthread_attr_t attr;
    pthread_t th;
    sigset_t old;
    int r;

    memset(&st, 0, sizeof(st));
    st.cpu = cpu_copy(cpu);
    st.parent = task_of(cpu);
    st.flags = flags;
    st.ptid = ptid;
    st.ctid = ctid;
    pthread_mutex_init(&st.lock, NULL);
    pthread_cond_init(&st.cond, NULL);
    abi->clone_regs(st.cpu, newsp);
    if (flags & CLONE_SETTLS) {
        abi->set_tls(st.cpu, tls);
    }
    atomic_fetch_add(&thread_live, 1);
    /* The new thread starts with every host signal blocked until its
     * signal state exists. */
    signal_block_host(&old);
    st.mask = old;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    r = pthread_create(&th, &attr, thread_main, &st);
    pthread_attr_destroy(&attr);
    if (r == 0) {
        pthread_mutex_lock(&st.lock);
        while (st.tid == 0) {
            pthread_cond_wait(&st.cond, &st.lock);
        }
        pthread_mutex_unlock(&st.lock);
    }
    signal_restore_host(&old);
    if (r != 0 || st.tid < 0) {
        atomic_fetch_sub(&thread_live, 1);
        if (r != 0) {
            cpu_destroy(st.cpu);
        }
        return r != 0 ? -EAGAIN : st.tid;
    }
    return st.tid;
}

/* exit(status) of one thread; the last thread ends the process. */
static int64_t sys_exit_thread(CpuCommon *cpu, const SyscallCall *c)
{
    if (c->id == SYSID_exit_group ||
        atomic_fetch_sub(&thread_live, 1) == 1) {
        linux_exit_group((int)th_arg(c, 0));
    }
    thread_release(cpu);
    pthread_exit(NULL);
}

/* ---- fork ------------------------------------------------------------ */

static int64_t thread_fork(CpuCommon *cpu, uint32_t flags, uint32_t ptid,
                           uint32_t tls, uint32_t ctid)
{
    const LinuxAbi *abi = linux_process.abi;
    TaskState *ts = task_of(cpu);
    bool vfork = flags & CLONE_VFORK;
    int vpipe[2] = { -1, -1 };
    sigset_t old;
    pid_t pid;

    /* vfork: the parent waits until the child execs or exits, seen as
     * the end of a close-on-exec pipe the child holds. */
    if (vfork && pipe2(vpipe, O_CLOEXEC) != 0) {
        vpipe[0] = vpipe[1] = -1;
    }
    signal_block_host(&old);
    signal_fork_prepare();
    guest_mmap_lock();
    pthread_mutex_lock(&linux_process.tasks_lock);
    exec_fork_prepare();
    fflush(stdout);
    fflush(stderr);
    pid = fork();
    if (pid == 0) {
        exec_fork_end(true, cpu);
        pthread_mutex_init(&linux_process.tasks_lock, NULL);
        linux_process.tasks = ts;
        ts->next = NULL;
        ts->tid = (int32_t)syscall(SYS_gettid);
        ts->thread = pthread_self();
        cpu->thread_id = ts->tid;
        linux_process.pid = getpid();
        guest_mmap_fork_child();
        signal_fork_child(ts);
        atomic_store(&thread_live, 1);
        if (vpipe[0] >= 0) {
            close(vpipe[0]);
        }
        if (flags & CLONE_CHILD_SETTID) {
            guest_put_u32(ctid, (uint32_t)ts->tid);
        }
        if (flags & CLONE_CHILD_CLEARTID) {
            ts->clear_child_tid = ctid;
        }
        if (flags & CLONE_SETTLS) {
            abi->set_tls(cpu, tls);
        }
        abi->clone_regs(cpu, 0);
        signal_restore_host(&old);
        return 0;
    }
    exec_fork_end(false, cpu);
    pthread_mutex_unlock(&linux_process.tasks_lock);
    guest_mmap_unlock();
    signal_fork_parent();
    signal_restore_host(&old);
    if (pid < 0) {
        int e = errno;
        if (vpipe[0] >= 0) {
            close(vpipe[0]);
            close(vpipe[1]);
        }
        return -e;
    }
    if (flags & CLONE_PARENT_SETTID) {
        guest_put_u32(ptid, (uint32_t)pid);
    }
    if (vpipe[0] >= 0) {
        char b;
        close(vpipe[1]);
        while (read(vpipe[0], &b, 1) < 0 && errno == EINTR) {
        }
        close(vpipe[0]);
    }
    return pid;
}

/* clone(flags, newsp, ptid, tls, ctid): the CLONE_BACKWARDS order of
 * ARM, i386, MIPS, PPC. */
static int64_t sys_clone(CpuCommon *cpu, const SyscallCall *c)
{
    uint32_t flags, newsp = 0, ptid = 0, tls = 0, ctid = 0;
    const uint32_t thread_flags = CLONE_VM | CLONE_FS | CLONE_FILES |
                                  CLONE_SIGHAND | CLONE_THREAD;

    switch (c->id) {
    case SYSID_fork:
        flags = SIGCHLD;
        break;
    case SYSID_vfork:
        flags = CLONE_VM | CLONE_VFORK | SIGCHLD;
        break;
    default:
        flags = th_arg(c, 0);
        newsp = th_arg(c, 1);
        ptid = th_arg(c, 2);
        tls = th_arg(c, 3);
        ctid = th_arg(c, 4);
        break;
    }
    if (flags & CLONE_VFORK) {
        /* Memory is not shared with a vfork child here: it only execs or
         * exits, which a copy serves as well. */
        flags &= ~(uint32_t)CLONE_VM;
    }
    if (flags & CLONE_VM) {
        if ((flags & thread_flags) != thread_flags) {
            return -EINVAL;
        }
        return thread_clone_thread(cpu, flags, newsp, ptid, tls, ctid);
    }
    if (flags & (CLONE_THREAD | CLONE_SIGHAND)) {
        return -EINVAL;
    }
    {
        int64_t pid = thread_fork(cpu, flags, ptid, tls, ctid);
        if (pid == 0 && newsp) {
            linux_process.abi->clone_regs(cpu, newsp);
        }
        return pid;
    }
}

/* ---- execve ---------------------------------------------------------- */

/* True when host file `path` is an ELF for this runner's guest. */
static bool thread_is_guest_elf(const char *path)
{
    const LinuxAbi *abi = linux_process.abi;
    unsigned char h[20];
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    ssize_t n;
    uint16_t machine;

    if (fd < 0) {
        return false;
    }
    n = read(fd, h, sizeof(h));
    close(fd);
    if (n < (ssize_t)sizeof(h) || memcmp(h, "\177ELF", 4) != 0 ||
        h[4] != abi->elf_class || h[5] != (abi->big_endian ? 2 : 1)) {
        return false;
    }
    machine = abi->big_endian ? (uint16_t)(h[18] << 8 | h[19])
                              : (uint16_t)(h[19] << 8 | h[18]);
    return machine == abi->elf_machine;
}

/* Reads a NULL-terminated guest array of string pointers into a
 * malloc'd host array with `extra` free slots in front. */
static int thread_get_strv(uint32_t addr, char ***out, int extra, int *count)
{
    char **v = NULL;
    int n = 0, cap = 0;

    for (;;) {
        uint32_t p = 0;
        if (addr && guest_get_u32(addr + 4u * (uint32_t)n, &p) < 0) {
            goto fault;
        }
        if (n + extra + 1 >= cap) {
            char **nv;
            cap = (n + extra + 2) * 2;
            nv = realloc(v, sizeof(char *) * (size_t)cap);
            if (!nv) {
                goto fault;
            }
            v = nv;
        }
        if (!p) {
            break;
        }
        if (guest_strdup(p, 1u << 20, &v[extra + n]) < 0) {
            goto fault;
        }
        n++;
        if (n > 1 << 20) {
            goto fault;
        }
    }
    v[extra + n] = NULL;
    for (int i = 0; i < extra; i++) {
        v[i] = NULL;
    }
    *out = v;
    *count = n;
    return 0;
fault:
    for (int i = 0; v && i < n; i++) {
        free(v[extra + i]);
    }
    free(v);
    return -EFAULT;
}

/* The runner's options for a guest program that execs another. */
static int thread_runner_args(char **a, char *tbuf, size_t tlen)
{
    const LinuxOptions *o = &linux_process.opt;
    int n = 0;

    a[n++] = thread_self_exe;
    if (o->ld_prefix) {
        a[n++] = "-L";
        a[n++] = (char *)o->ld_prefix;
    }
    if (o->cpu_model) {
        a[n++] = "-cpu";
        a[n++] = (char *)o->cpu_model;
    }
    if (o->strace) {
        a[n++] = "-strace";
    }
    if (o->accel) {
        a[n++] = "-accel";
        a[n++] = (char *)o->accel;
    }
    if (o->log_items) {
        a[n++] = "-d";
        a[n++] = (char *)o->log_items;
    }
    if (o->log_file) {
        a[n++] = "-D";
        a[n++] = (char *)o->log_file;
    }
    if (o->uname_release) {
        a[n++] = "-r";
        a[n++] = (char *)o->uname_release;
    }
    if (o->tb_size) {
        snprintf(tbuf, tlen, "%llu", (unsigned long long)(o->tb_size >> 20));
        a[n++] = "-tb-size";
        a[n++] = tbuf;
    }
    if (o->singlestep) {
        a[n++] = "-one-insn-per-tb";
    }
    return n;
}

enum { THREAD_RUNNER_MAX_ARGS = 24 };

/* execve(path, argv, envp): a guest ELF runs under this runner again
 * (same options, argv[0] kept with -0); anything else (host programs,
 * scripts: the host kernel reads the #! line) goes to the host as is. */
static int64_t sys_execve(CpuCommon *cpu, const SyscallCall *c)
{
    char gpath[PATH_MAX], hbuf[PATH_MAX], tbuf[32];
    const char *hpath;
    char **argv = NULL, **envp = NULL;
    int argc, envc, r;
    sigset_t hmask, old;
    TgtSigset blocked;

    r = guest_strcpy(gpath, sizeof(gpath), th_arg(c, 0));
    if (r < 0) {
        return r;
    }
    if (proc_is_self_exe(gpath)) {
        /* The host's /proc/self/exe is this runner, not the guest. */
        if (strlen(linux_process.exe_path) >= sizeof(gpath)) {
            return -ENAMETOOLONG;
        }
        strcpy(gpath, linux_process.exe_path);
    }
    hpath = linux_path(gpath, hbuf, sizeof(hbuf));
    r = thread_get_strv(th_arg(c, 1), &argv, THREAD_RUNNER_MAX_ARGS, &argc);
    if (r < 0) {
        return r;
    }
    r = thread_get_strv(th_arg(c, 2), &envp, 0, &envc);
    if (r < 0) {
        goto out;
    }
    if (access(hpath, X_OK) != 0) {
        r = -errno;
        goto out;
    }
    /* exec keeps the signal mask: the host's becomes the guest's. */
    signal_get_blocked(cpu, &blocked);
    signal_host_set(&blocked, &hmask);
    sigdelset(&hmask, SIGSEGV);
    sigdelset(&hmask, SIGBUS);
    pthread_sigmask(SIG_SETMASK, &hmask, &old);
    if (thread_is_guest_elf(hpath) && thread_self_exe[0]) {
        char *a[THREAD_RUNNER_MAX_ARGS];
        int n = thread_runner_args(a, tbuf, sizeof(tbuf));
        char *argv0 = argv[THREAD_RUNNER_MAX_ARGS];
        char **full = argv + THREAD_RUNNER_MAX_ARGS - (n + 2);
        memcpy(full, a, sizeof(char *) * (size_t)n);
        /* runner options, -0 argv[0], the program in argv[0]'s place,
         * the guest's other arguments. */
        full[n] = "-0";
        full[n + 1] = argv0 ? argv0 : gpath;
        argv[THREAD_RUNNER_MAX_ARGS] = gpath;
        if (argc == 0) {
            argv[THREAD_RUNNER_MAX_ARGS + 1] = NULL;
        }
        execve(thread_self_exe, full, envp);
        argv[THREAD_RUNNER_MAX_ARGS] = argv0;
    } else {
        execve(hpath, argv + THREAD_RUNNER_MAX_ARGS, envp);
    }
    r = -errno;
    pthread_sigmask(SIG_SETMASK, &old, NULL);
out:
    if (argv) {
        for (int i = 0; i < argc; i++) {
            free(argv[THREAD_RUNNER_MAX_ARGS + i]);
        }
        free(argv);
    }
    if (envp) {
        for (int i = 0; i < envc; i++) {
            free(envp[i]);
        }
        free(envp);
    }
    return r;
}

/* ---- wait ------------------------------------------------------------ */

/* A wait status with the signal numbers in guest numbering. */
static int thread_status_to_guest(int st)
{
    if (WIFSIGNALED(st)) {
        return (st & ~0x7f) | (signal_to_guest(WTERMSIG(st)) & 0x7f);
    }
    if (WIFSTOPPED(st)) {
        return (st & 0xff) | (signal_to_guest(WSTOPSIG(st)) << 8) |
               (st & ~0xffff);
    }
    return st;
}

/* struct rusage of a 32-bit guest: two timevals, 14 longs (72 bytes). */
static int thread_put_rusage(uint32_t addr, const struct rusage *ru)
{
    uint32_t w[18];
    const long *rest = &ru->ru_maxrss;

    w[0] = (uint32_t)ru->ru_utime.tv_sec;
    w[1] = (uint32_t)ru->ru_utime.tv_usec;
    w[2] = (uint32_t)ru->ru_stime.tv_sec;
    w[3] = (uint32_t)ru->ru_stime.tv_usec;
    for (int i = 0; i < 14; i++) {
        w[4 + i] = (uint32_t)rest[i];
    }
    for (int i = 0; i < 18; i++) {
        if (guest_put_u32(addr + 4u * (uint32_t)i, w[i]) < 0) {
            return -EFAULT;
        }
    }
    return 0;
}

static int64_t sys_wait4(CpuCommon *cpu, const SyscallCall *c)
{
    uint32_t stp = th_arg(c, 1), rup = th_arg(c, 3);
    struct rusage ru;
    int st = 0;
    pid_t r;

    if ((stp && !guest_range_ok(stp, 4, PAGE_WRITE)) ||
        (rup && !guest_range_ok(rup, 72, PAGE_WRITE))) {
        return -EFAULT;
    }
    r = wait4((pid_t)(int32_t)th_arg(c, 0), &st, (int)th_arg(c, 2),
              rup ? &ru : NULL);
    if (r < 0) {
        return -errno;
    }
    if (r > 0 && stp) {
        guest_put_u32(stp, (uint32_t)thread_status_to_guest(st));
    }
    if (rup) {
        thread_put_rusage(rup, &ru);
    }
    return r;
}

static int64_t sys_waitid(CpuCommon *cpu, const SyscallCall *c)
{
    uint32_t infop = th_arg(c, 2), rup = th_arg(c, 4);
    siginfo_t si;
    struct rusage ru;
    long r;

    memset(&si, 0, sizeof(si));
    r = syscall(SYS_waitid, (int)th_arg(c, 0), (id_t)th_arg(c, 1), &si,
                (int)th_arg(c, 3), rup ? &ru : NULL);
    if (r < 0) {
        return -errno;
    }
    if (infop) {
        TgtSigInfo info;
        if (si.si_pid == 0) {
            /* WNOHANG and nothing to report: zeroes, as the kernel. */
            if (clear_guest(infop, TGT_SIGINFO_SIZE) < 0) {
                return -EFAULT;
            }
        } else {
            signal_info_from_host(&info, &si);
            if (signal_siginfo_to_guest(infop, &info) < 0) {
                return -EFAULT;
            }
        }
    }
    if (rup && thread_put_rusage(rup, &ru) < 0) {
        return -EFAULT;
    }
    return 0;
}

/* ---- Small ones ------------------------------------------------------ */

static int64_t sys_get_robust_list(CpuCommon *cpu, const SyscallCall *c)
{
    int32_t tid = (int32_t)th_arg(c, 0);
    TaskState *ts = NULL;
    uint32_t head = 0;
    int r;

    pthread_mutex_lock(&linux_process.tasks_lock);
    for (TaskState *t = linux_process.tasks; t; t = t->next) {
        if (tid == 0 ? t == task_of(cpu) : t->tid == tid) {
            ts = t;
            head = t->robust_list;
            break;
        }
    }
    pthread_mutex_unlock(&linux_process.tasks_lock);
    if (!ts) {
        return -ESRCH;
    }
    r = guest_put_u32(th_arg(c, 1), head);
    if (r == 0) {
        r = guest_put_u32(th_arg(c, 2), 12);
    }
    return r;
}

const SyscallDef syscall_defs_thread[] = {
    { SYSID_clone, sys_clone,
      { STRACE_HEX, STRACE_PTR, STRACE_PTR, STRACE_PTR, STRACE_PTR }, 0,
      NULL },
    { SYSID_fork, sys_clone, { STRACE_END }, 0, NULL },
    { SYSID_vfork, sys_clone, { STRACE_END }, 0, NULL },
    { SYSID_execve, sys_execve, { STRACE_STR, STRACE_PTR, STRACE_PTR }, 0,
      NULL },
    { SYSID_exit, sys_exit_thread, { STRACE_INT }, STRACE_RET_NONE, NULL },
    { SYSID_exit_group, sys_exit_thread, { STRACE_INT }, STRACE_RET_NONE,
      NULL },
    { SYSID_wait4, sys_wait4, { STRACE_INT, STRACE_PTR, STRACE_HEX,
      STRACE_PTR }, 0, NULL },
    { SYSID_waitid, sys_waitid, { STRACE_INT, STRACE_INT, STRACE_PTR,
      STRACE_HEX, STRACE_PTR }, 0, NULL },
    { SYSID_futex, sys_futex, { STRACE_PTR, STRACE_HEX, STRACE_UINT,
      STRACE_PTR, STRACE_PTR, STRACE_HEX }, 0, NULL },
    { SYSID_futex_time64, sys_futex, { STRACE_PTR, STRACE_HEX, STRACE_UINT,
      STRACE_PTR, STRACE_PTR, STRACE_HEX }, 0, NULL },
    { SYSID_get_robust_list, sys_get_robust_list,
      { STRACE_INT, STRACE_PTR, STRACE_PTR }, 0, NULL },
    { 0 },
};

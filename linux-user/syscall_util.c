/* linux-user/syscall_util.c — helpers shared by the generic syscall
 * implementations: guest paths, flags, time and signal-set conversions,
 * checked iovec arrays.
 */
#include "syscall_util.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <sys/uio.h>

#include "guest_mem.h"
#include "signal.h"
#include "task.h"
#include "thunk_structs.h"

const LinuxAbi *sys_abi(void)
{
    return linux_process.abi;
}

int64_t sys_restartable(int64_t r)
{
    return r == -EINTR ? SYSCALL_RET_RESTART : r;
}

int sys_get_path(SysPath *p, uint32_t gaddr)
{
    int r;

    if (!gaddr) {
        return -EFAULT;
    }
    r = guest_strcpy(p->guest, sizeof(p->guest), gaddr);
    if (r < 0) {
        return r;
    }
    p->host = linux_path(p->guest, p->prefixed, sizeof(p->prefixed));
    return 0;
}

int sys_open_flags_to_host(uint32_t guest)
{
    return (int)abi_flags_to_host(sys_abi()->open_flags, guest);
}

uint32_t sys_open_flags_to_guest(int host)
{
    return abi_flags_to_guest(sys_abi()->open_flags, (uint32_t)host);
}

int sys_fd_flags_to_host(uint32_t guest, uint32_t *rest)
{
    const AbiFlagMap *map = sys_abi()->open_flags;
    uint32_t g_cloexec = abi_flags_to_guest(map, O_CLOEXEC);
    uint32_t g_nonblock = abi_flags_to_guest(map, O_NONBLOCK);
    int host = 0;

    if (guest & g_cloexec) {
        host |= O_CLOEXEC;
    }
    if (guest & g_nonblock) {
        host |= O_NONBLOCK;
    }
    if (rest) {
        *rest = guest & ~(g_cloexec | g_nonblock);
    }
    return host;
}

int sys_get_timespec(struct timespec *ts, uint32_t gaddr, bool t64)
{
    int r = thunk_from_guest_mem(
        thunk_layout(t64 ? THUNK_ID_TIMESPEC64 : THUNK_ID_TIMESPEC), ts,
        gaddr);
    if (r == 0 && t64) {
        /* The kernel ignores the upper half of tv_nsec for 32-bit tasks. */
        ts->tv_nsec = (int32_t)ts->tv_nsec;
    }
    return r;
}

int sys_put_timespec(uint32_t gaddr, const struct timespec *ts, bool t64)
{
    return thunk_to_guest_mem(
        thunk_layout(t64 ? THUNK_ID_TIMESPEC64 : THUNK_ID_TIMESPEC), gaddr,
        ts);
}

int sys_get_timeval(struct timeval *tv, uint32_t gaddr)
{
    return thunk_from_guest_mem(thunk_layout(THUNK_ID_TIMEVAL), tv, gaddr);
}

int sys_put_timeval(uint32_t gaddr, const struct timeval *tv)
{
    return thunk_to_guest_mem(thunk_layout(THUNK_ID_TIMEVAL), gaddr, tv);
}

int sys_get_sigset(sigset_t *set, uint32_t gaddr, uint32_t size)
{
    TgtSigset t;
    int r = signal_sigset_from_guest(&t, gaddr, size);

    if (r < 0) {
        return r;
    }
    sigemptyset(set);
    signal_host_set(&t, set);
    return 0;
}

int sys_sigmask_begin(CpuCommon *cpu, uint32_t gmask, uint32_t size,
                      sigset_t *hset, sigset_t **hp)
{
    TaskSignals *s = task_of(cpu)->signals;
    TgtSigset m;
    int r;

    *hp = NULL;
    if (!gmask) {
        return 0;
    }
    if (size != (uint32_t)(sys_abi()->tgt_nsig - 1) / 8) {
        return -EINVAL;
    }
    r = signal_sigset_from_guest(&m, gmask, size);
    if (r < 0) {
        return r;
    }
    if (!s->has_saved_mask) {
        signal_get_blocked(cpu, &s->saved_mask);
        s->has_saved_mask = true;
    }
    signal_set_blocked(cpu, &m);
    sigemptyset(hset);
    signal_host_set(&m, hset);
    sigdelset(hset, SIGSEGV);
    sigdelset(hset, SIGBUS);
    *hp = hset;
    if (signal_pending(cpu)) {
        return -EINTR;
    }
    return 0;
}

int64_t sys_sigmask_end(CpuCommon *cpu, const sigset_t *hp, int64_t r)
{
    TaskSignals *s = task_of(cpu)->signals;

    if (hp && r != -EINTR && s->has_saved_mask) {
        s->has_saved_mask = false;
        signal_set_blocked(cpu, &s->saved_mask);
    }
    return r;
}

int sys_get_fdset(fd_set *set, fd_set **out, uint32_t gaddr, int nfds)
{
    *out = NULL;
    if (!gaddr) {
        return 0;
    }
    FD_ZERO(set);
    for (int w = 0; w * 32 < nfds; w++) {
        uint32_t word;
        int r = guest_get_u32(gaddr + (uint32_t)w * 4, &word);
        if (r < 0) {
            return r;
        }
        for (int b = 0; b < 32 && w * 32 + b < nfds; b++) {
            if (word & (1u << b)) {
                FD_SET(w * 32 + b, set);
            }
        }
    }
    *out = set;
    return 0;
}

int sys_put_fdset(uint32_t gaddr, const fd_set *set, int nfds)
{
    if (!gaddr) {
        return 0;
    }
    for (int w = 0; w * 32 < nfds; w++) {
        uint32_t word = 0;
        int r;
        for (int b = 0; b < 32 && w * 32 + b < nfds; b++) {
            if (FD_ISSET(w * 32 + b, set)) {
                word |= 1u << b;
            }
        }
        r = guest_put_u32(gaddr + (uint32_t)w * 4, word);
        if (r < 0) {
            return r;
        }
    }
    return 0;
}

int sys_get_iovec(struct iovec **out, uint32_t gaddr, uint32_t count,
                  uint32_t prot)
{
    const ThunkLayout *l = thunk_layout(THUNK_ID_IOVEC);
    struct iovec *v;
    uint64_t total = 0;
    int r;

    *out = NULL;
    if (count > IOV_MAX) {
        return -EINVAL;
    }
    v = calloc(count ? count : 1, sizeof(*v));
    if (!v) {
        return -ENOMEM;
    }
    r = thunk_array_from_guest_mem(l, v, gaddr, count);
    if (r < 0) {
        free(v);
        return r;
    }
    for (uint32_t i = 0; i < count; i++) {
        uint32_t base = (uint32_t)(uintptr_t)v[i].iov_base;
        size_t len = v[i].iov_len;
        void *h;

        total += len;
        if ((ssize_t)len < 0 || total > 0x7fffffff) {
            free(v);
            return -EINVAL;
        }
        if (!len) {
            v[i].iov_base = NULL;
            continue;
        }
        h = guest_access(base, len, prot);
        if (!h) {
            /* The kernel transfers up to the first bad buffer; a bad
             * first buffer is EFAULT. */
            if (i == 0) {
                free(v);
                return -EFAULT;
            }
            v[i].iov_len = 0;
            for (uint32_t k = i + 1; k < count; k++) {
                v[k].iov_len = 0;
            }
            break;
        }
        v[i].iov_base = h;
    }
    *out = v;
    return 0;
}

/* Notes already printed (small, grows; guarded by a lock). */
static pthread_mutex_t sys_note_lock = PTHREAD_MUTEX_INITIALIZER;
static uint32_t sys_note_seen[64];
static unsigned sys_note_count;

void sys_note_once(const char *what, uint32_t value)
{
    bool seen = false;

    if (!strace_enabled) {
        return;
    }
    pthread_mutex_lock(&sys_note_lock);
    for (unsigned i = 0; i < sys_note_count; i++) {
        if (sys_note_seen[i] == value) {
            seen = true;
        }
    }
    if (!seen && sys_note_count < 64) {
        sys_note_seen[sys_note_count++] = value;
    }
    pthread_mutex_unlock(&sys_note_lock);
    if (!seen) {
        strace_printf("--- unsupported %s 0x%x ---\n", what, value);
    }
}

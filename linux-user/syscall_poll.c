/* linux-user/syscall_poll.c — waiting on descriptors: poll, ppoll
 * (+time64), _newselect, pselect6 (+time64), epoll_create(1)/ctl/wait/
 * pwait/pwait2. struct pollfd and struct epoll_event go through thunks
 * (epoll_event is 16 bytes on ARM EABI, 12 packed on the x86_64 host).
 * The host calls are made raw so the kernel updates remaining timeouts.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "guest_mem.h"
#include "syscall.h"
#include "syscall_util.h"
#include "thunk_structs.h"

/* Host sigset size the kernel wants (_NSIG / 8). */
#define SYS_HOST_SIGSET_SIZE 8

/* Upper bound of one poll/epoll array (the kernel's RLIMIT_NOFILE
 * check; avoids unbounded allocations). */
#define SYS_POLL_MAX 65536

/* poll, ppoll, ppoll_time64. */
static int64_t sys_poll(CpuCommon *cpu, const SyscallCall *c)
{
    const ThunkLayout *l = thunk_layout(THUNK_ID_POLLFD);
    bool is_ppoll = c->id != SYSID_poll;
    bool t64 = c->id == SYSID_ppoll_time64;
    uint32_t gfds = sys_u32(c, 0), nfds = sys_u32(c, 1);
    uint32_t gts = is_ppoll ? sys_u32(c, 2) : 0;
    struct timespec ts, *tsp = NULL;
    sigset_t hset, *hp = NULL;
    struct pollfd *fds;
    int64_t r;

    if (nfds > SYS_POLL_MAX) {
        return -EINVAL;
    }
    fds = calloc(nfds ? nfds : 1, sizeof(*fds));
    if (!fds) {
        return -ENOMEM;
    }
    r = thunk_array_from_guest_mem(l, fds, gfds, nfds);
    if (r < 0) {
        goto out;
    }
    if (!is_ppoll) {
        int32_t ms = sys_int(c, 2);
        if (ms >= 0) {
            ts.tv_sec = ms / 1000;
            ts.tv_nsec = (long)(ms % 1000) * 1000000;
            tsp = &ts;
        }
    } else if (gts) {
        r = sys_get_timespec(&ts, gts, t64);
        if (r < 0) {
            goto out;
        }
        tsp = &ts;
    }
    if (is_ppoll) {
        r = sys_sigmask_begin(cpu, sys_u32(c, 3), sys_u32(c, 4), &hset, &hp);
        if (r < 0) {
            r = sys_sigmask_end(cpu, hp, r);
            goto out;
        }
    }
    r = sys_ret(syscall(SYS_ppoll, fds, (unsigned long)nfds, tsp, hp,
                        SYS_HOST_SIGSET_SIZE));
    r = sys_sigmask_end(cpu, hp, r);
    if (r >= 0) {
        int w = thunk_array_to_guest_mem(l, gfds, fds, nfds);
        if (w < 0) {
            r = w;
        }
    }
    if (is_ppoll && gts && r != -EFAULT) {
        sys_put_timespec(gts, &ts, t64);
    }
out:
    free(fds);
    return r;
}

/* _newselect(n, in, out, ex, timeval *) and pselect6(n, in, out, ex,
 * timespec *, { sigset *, size } *). */
static int64_t sys_select(CpuCommon *cpu, const SyscallCall *c)
{
    bool psel = c->id != SYSID__newselect;
    bool t64 = c->id == SYSID_pselect6_time64;
    int n = sys_int(c, 0);
    uint32_t gin = sys_u32(c, 1), gout = sys_u32(c, 2), gex = sys_u32(c, 3);
    uint32_t gt = sys_u32(c, 4);
    fd_set in, out, ex, *pin, *pout, *pex;
    struct timespec ts, *tsp = NULL;
    struct timeval tv;
    sigset_t hset, *hp = NULL;
    int64_t r;

    if (n < 0) {
        return -EINVAL;
    }
    if (n > FD_SETSIZE) {
        n = FD_SETSIZE;
    }
    if ((r = sys_get_fdset(&in, &pin, gin, n)) < 0
        || (r = sys_get_fdset(&out, &pout, gout, n)) < 0
        || (r = sys_get_fdset(&ex, &pex, gex, n)) < 0) {
        return r;
    }
    if (gt) {
        if (psel) {
            r = sys_get_timespec(&ts, gt, t64);
        } else {
            r = sys_get_timeval(&tv, gt);
            /* tv is only read when it was copied (else EFAULT stays). */
            if (r == 0 && (tv.tv_usec < 0 || tv.tv_usec >= 1000000
                           || tv.tv_sec < 0)) {
                r = -EINVAL;
            }
            ts.tv_sec = r == 0 ? tv.tv_sec : 0;
            ts.tv_nsec = r == 0 ? tv.tv_usec * 1000 : 0;
        }
        if (r < 0) {
            return r;
        }
        tsp = &ts;
    }
    if (psel && sys_u32(c, 5)) {
        uint32_t gmask, gsize;
        if ((r = guest_get_u32(sys_u32(c, 5), &gmask)) < 0
            || (r = guest_get_u32(sys_u32(c, 5) + 4, &gsize)) < 0) {
            return r;
        }
        r = sys_sigmask_begin(cpu, gmask, gsize, &hset, &hp);
        if (r < 0) {
            return sys_sigmask_end(cpu, hp, r);
        }
    }
    {
        struct { const sigset_t *ss; size_t len; } sig6 = {
            hp, SYS_HOST_SIGSET_SIZE
        };
        r = sys_ret(syscall(SYS_pselect6, n, pin, pout, pex, tsp,
                            hp ? &sig6 : NULL));
    }
    r = sys_sigmask_end(cpu, hp, r);
    if (r >= 0) {
        int w;
        if ((pin && (w = sys_put_fdset(gin, pin, n)) < 0)
            || (pout && (w = sys_put_fdset(gout, pout, n)) < 0)
            || (pex && (w = sys_put_fdset(gex, pex, n)) < 0)) {
            return w;
        }
    }
    /* Linux writes the time left back (select and pselect6 alike). */
    if (gt) {
        if (psel) {
            sys_put_timespec(gt, &ts, t64);
        } else {
            tv.tv_sec = ts.tv_sec;
            tv.tv_usec = ts.tv_nsec / 1000;
            sys_put_timeval(gt, &tv);
        }
    }
    return r;
}

/* ---- epoll ------------------------------------------------------------ */

static int64_t sys_epoll_create(CpuCommon *cpu, const SyscallCall *c)
{
    uint32_t rest = 0;
    int flags;

    if (c->id == SYSID_epoll_create) {
        return sys_int(c, 0) <= 0 ? -EINVAL : sys_ret(epoll_create1(0));
    }
    flags = sys_fd_flags_to_host(sys_u32(c, 0), &rest);
    if (rest || (flags & O_NONBLOCK)) {
        return -EINVAL;
    }
    return sys_ret(epoll_create1(flags));
}

static int64_t sys_epoll_ctl(CpuCommon *cpu, const SyscallCall *c)
{
    struct epoll_event ev, *evp = NULL;
    uint32_t gev = sys_u32(c, 3);
    int op = sys_int(c, 1);

    /* EPOLL_CTL_DEL may pass NULL (kernels before 2.6.9 wanted one). */
    if (op != EPOLL_CTL_DEL || gev) {
        int r = thunk_from_guest_mem(thunk_layout(THUNK_ID_EPOLL_EVENT), &ev,
                                     gev);
        if (r < 0) {
            return r;
        }
        evp = &ev;
    }
    return sys_ret(epoll_ctl(sys_int(c, 0), op, sys_int(c, 2), evp));
}

/* epoll_wait(ep, events, max, ms), epoll_pwait(…, sigmask, size),
 * epoll_pwait2(ep, events, max, timespec *, sigmask, size). */
static int64_t sys_epoll_wait(CpuCommon *cpu, const SyscallCall *c)
{
    const ThunkLayout *l = thunk_layout(THUNK_ID_EPOLL_EVENT);
    int32_t max = sys_int(c, 2);
    uint32_t gev = sys_u32(c, 1);
    struct epoll_event *ev;
    sigset_t hset, *hp = NULL;
    struct timespec ts, *tsp = NULL;
    int ms = -1;
    int64_t r;

    if (max <= 0 || max > SYS_POLL_MAX) {
        return -EINVAL;
    }
    if (!guest_range_ok(gev, (size_t)max * l->guest_size, PAGE_WRITE)) {
        return -EFAULT;
    }
    if (c->id == SYSID_epoll_pwait2) {
        if (sys_u32(c, 3)) {
            r = sys_get_timespec(&ts, sys_u32(c, 3), true);
            if (r < 0) {
                return r;
            }
            tsp = &ts;
        }
    } else {
        ms = sys_int(c, 3);
    }
    ev = calloc((size_t)max, sizeof(*ev));
    if (!ev) {
        return -ENOMEM;
    }
    if (c->id != SYSID_epoll_wait) {
        r = sys_sigmask_begin(cpu, sys_u32(c, 4), sys_u32(c, 5), &hset, &hp);
        if (r < 0) {
            free(ev);
            return sys_sigmask_end(cpu, hp, r);
        }
    }
    if (c->id == SYSID_epoll_pwait2) {
        r = sys_ret(syscall(SYS_epoll_pwait2, sys_int(c, 0), ev, max, tsp,
                            hp, SYS_HOST_SIGSET_SIZE));
    } else {
        r = sys_ret(syscall(SYS_epoll_pwait, sys_int(c, 0), ev, max, ms, hp,
                            SYS_HOST_SIGSET_SIZE));
    }
    r = sys_sigmask_end(cpu, hp, r);
    if (r > 0) {
        int w = thunk_array_to_guest_mem(l, gev, ev, (uint32_t)r);
        if (w < 0) {
            r = w;
        }
    }
    free(ev);
    return r;
}

const SyscallDef syscall_defs_poll[] = {
    { .id = SYSID_poll, .fn = sys_poll,
      .args = { STRACE_PTR, STRACE_UINT, STRACE_INT } },
    { .id = SYSID_ppoll, .fn = sys_poll,
      .args = { STRACE_PTR, STRACE_UINT, STRACE_PTR, STRACE_PTR, STRACE_UINT } },
    { .id = SYSID_ppoll_time64, .fn = sys_poll,
      .args = { STRACE_PTR, STRACE_UINT, STRACE_PTR, STRACE_PTR, STRACE_UINT } },
    { .id = SYSID__newselect, .fn = sys_select,
      .args = { STRACE_INT, STRACE_PTR, STRACE_PTR, STRACE_PTR, STRACE_PTR } },
    { .id = SYSID_pselect6, .fn = sys_select,
      .args = { STRACE_INT, STRACE_PTR, STRACE_PTR, STRACE_PTR, STRACE_PTR, STRACE_PTR } },
    { .id = SYSID_pselect6_time64, .fn = sys_select,
      .args = { STRACE_INT, STRACE_PTR, STRACE_PTR, STRACE_PTR, STRACE_PTR, STRACE_PTR } },
    { .id = SYSID_epoll_create, .fn = sys_epoll_create,
      .args = { STRACE_INT } },
    { .id = SYSID_epoll_create1, .fn = sys_epoll_create,
      .args = { STRACE_OPEN_FLAGS } },
    { .id = SYSID_epoll_ctl, .fn = sys_epoll_ctl,
      .args = { STRACE_FD, STRACE_INT, STRACE_FD, STRACE_PTR } },
    { .id = SYSID_epoll_wait, .fn = sys_epoll_wait,
      .args = { STRACE_FD, STRACE_PTR, STRACE_INT, STRACE_INT } },
    { .id = SYSID_epoll_pwait, .fn = sys_epoll_wait,
      .args = { STRACE_FD, STRACE_PTR, STRACE_INT, STRACE_INT, STRACE_PTR, STRACE_UINT } },
    { .id = SYSID_epoll_pwait2, .fn = sys_epoll_wait,
      .args = { STRACE_FD, STRACE_PTR, STRACE_INT, STRACE_PTR, STRACE_PTR, STRACE_UINT } },
    { 0 }
};

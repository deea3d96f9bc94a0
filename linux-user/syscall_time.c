/* linux-user/syscall_time.c — clocks and timers: clock_gettime/getres/
 * settime/nanosleep (32-bit and _time64 timespecs), nanosleep,
 * gettimeofday/settimeofday, times, getitimer/setitimer (ITIMER_REAL's
 * SIGALRM comes through the host and the signal code).
 */
#include <errno.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/times.h>
#include <time.h>
#include <unistd.h>

#include "guest_mem.h"
#include "syscall.h"
#include "syscall_util.h"
#include "thunk_structs.h"

static bool sys_is_time64(int id)
{
    return id == SYSID_clock_gettime64 || id == SYSID_clock_getres_time64
        || id == SYSID_clock_settime64 || id == SYSID_clock_nanosleep_time64
        || id == SYSID_sched_rr_get_interval_time64;
}

/* clock ids are the same numbers for every Linux guest (and the CPU-time
 * clocks of other processes encode pids the host understands). */
static int64_t sys_clock(CpuCommon *cpu, const SyscallCall *c)
{
    bool t64 = sys_is_time64(c->id);
    clockid_t clk = (clockid_t)sys_int(c, 0);
    uint32_t gts = sys_u32(c, 1);
    struct timespec ts;
    int r;

    switch (c->id) {
    case SYSID_clock_gettime:
    case SYSID_clock_gettime64:
        if (syscall(SYS_clock_gettime, clk, &ts) < 0) {
            return -errno;
        }
        return sys_put_timespec(gts, &ts, t64);
    case SYSID_clock_getres:
    case SYSID_clock_getres_time64:
        if (syscall(SYS_clock_getres, clk, &ts) < 0) {
            return -errno;
        }
        return gts ? sys_put_timespec(gts, &ts, t64) : 0;
    default: /* clock_settime */
        r = sys_get_timespec(&ts, gts, t64);
        if (r < 0) {
            return r;
        }
        return sys_ret(syscall(SYS_clock_settime, clk, &ts));
    }
}

/* nanosleep(req, rem) and clock_nanosleep(clk, flags, req, rem): the
 * remaining time is written back when a signal interrupts a relative
 * sleep. */
static int64_t sys_nanosleep(CpuCommon *cpu, const SyscallCall *c)
{
    bool clk = c->id != SYSID_nanosleep;
    bool t64 = c->id == SYSID_clock_nanosleep_time64;
    unsigned a = clk ? 2 : 0;
    uint32_t greq = sys_u32(c, a), grem = sys_u32(c, a + 1);
    int flags = clk ? sys_int(c, 1) : 0;
    struct timespec req, rem;
    long r;

    r = sys_get_timespec(&req, greq, t64);
    if (r < 0) {
        return r;
    }
    memset(&rem, 0, sizeof(rem));
    if (clk) {
        r = syscall(SYS_clock_nanosleep, (clockid_t)sys_int(c, 0), flags,
                    &req, &rem);
    } else {
        r = syscall(SYS_nanosleep, &req, &rem);
    }
    if (r < 0) {
        r = -errno;
        if (r == -EINTR && grem && !(flags & TIMER_ABSTIME)) {
            if (sys_put_timespec(grem, &rem, t64) < 0) {
                return -EFAULT;
            }
        }
    }
    return r;
}

static int64_t sys_gettimeofday(CpuCommon *cpu, const SyscallCall *c)
{
    struct timeval tv;
    struct timezone tz;
    int r;

    if (gettimeofday(&tv, &tz) < 0) {
        return -errno;
    }
    if (sys_u32(c, 0) && (r = sys_put_timeval(sys_u32(c, 0), &tv)) < 0) {
        return r;
    }
    if (sys_u32(c, 1)
        && (r = thunk_to_guest_mem(thunk_layout(THUNK_ID_TIMEZONE),
                                   sys_u32(c, 1), &tz)) < 0) {
        return r;
    }
    return 0;
}

static int64_t sys_settimeofday(CpuCommon *cpu, const SyscallCall *c)
{
    struct timeval tv, *tvp = NULL;
    struct timezone tz, *tzp = NULL;
    int r;

    if (sys_u32(c, 0)) {
        if ((r = sys_get_timeval(&tv, sys_u32(c, 0))) < 0) {
            return r;
        }
        tvp = &tv;
    }
    if (sys_u32(c, 1)) {
        r = thunk_from_guest_mem(thunk_layout(THUNK_ID_TIMEZONE), &tz,
                                 sys_u32(c, 1));
        if (r < 0) {
            return r;
        }
        tzp = &tz;
    }
    return sys_ret(syscall(SYS_settimeofday, tvp, tzp));
}

/* times(): clock_t is the guest's long; the result wraps like the
 * kernel's (only the low 32 bits are meaningful to a 32-bit guest). */
static int64_t sys_times(CpuCommon *cpu, const SyscallCall *c)
{
    struct tms t;
    clock_t r = times(&t);

    if (r == (clock_t)-1) {
        return -errno;
    }
    if (sys_u32(c, 0)) {
        int w = thunk_to_guest_mem(thunk_layout(THUNK_ID_TMS), sys_u32(c, 0),
                                   &t);
        if (w < 0) {
            return w;
        }
    }
    /* Stay clear of the errno range once the counter wraps. */
    return (int64_t)(uint32_t)r;
}

static int64_t sys_itimer(CpuCommon *cpu, const SyscallCall *c)
{
    const ThunkLayout *l = thunk_layout(THUNK_ID_ITIMERVAL);
    int which = sys_int(c, 0);
    struct itimerval nv, ov;
    int r;

    if (c->id == SYSID_getitimer) {
        if (getitimer(which, &ov) < 0) {
            return -errno;
        }
        return thunk_to_guest_mem(l, sys_u32(c, 1), &ov);
    }
    memset(&nv, 0, sizeof(nv));
    if (sys_u32(c, 1) && (r = thunk_from_guest_mem(l, &nv, sys_u32(c, 1)))
                         < 0) {
        return r;
    }
    if (setitimer(which, &nv, &ov) < 0) {
        return -errno;
    }
    if (sys_u32(c, 2)) {
        return thunk_to_guest_mem(l, sys_u32(c, 2), &ov);
    }
    return 0;
}

static int64_t sys_sched_rr(CpuCommon *cpu, const SyscallCall *c)
{
    struct timespec ts;

    if (sched_rr_get_interval(sys_int(c, 0), &ts) < 0) {
        return -errno;
    }
    return sys_put_timespec(sys_u32(c, 1), &ts, sys_is_time64(c->id));
}

const SyscallDef syscall_defs_time[] = {
    { .id = SYSID_clock_gettime, .fn = sys_clock,
      .args = { STRACE_INT, STRACE_PTR } },
    { .id = SYSID_clock_gettime64, .fn = sys_clock,
      .args = { STRACE_INT, STRACE_PTR } },
    { .id = SYSID_clock_getres, .fn = sys_clock,
      .args = { STRACE_INT, STRACE_PTR } },
    { .id = SYSID_clock_getres_time64, .fn = sys_clock,
      .args = { STRACE_INT, STRACE_PTR } },
    { .id = SYSID_clock_settime, .fn = sys_clock,
      .args = { STRACE_INT, STRACE_PTR } },
    { .id = SYSID_clock_settime64, .fn = sys_clock,
      .args = { STRACE_INT, STRACE_PTR } },
    { .id = SYSID_clock_nanosleep, .fn = sys_nanosleep,
      .args = { STRACE_INT, STRACE_HEX, STRACE_PTR, STRACE_PTR } },
    { .id = SYSID_clock_nanosleep_time64, .fn = sys_nanosleep,
      .args = { STRACE_INT, STRACE_HEX, STRACE_PTR, STRACE_PTR } },
    { .id = SYSID_nanosleep, .fn = sys_nanosleep,
      .args = { STRACE_PTR, STRACE_PTR } },
    { .id = SYSID_gettimeofday, .fn = sys_gettimeofday,
      .args = { STRACE_PTR, STRACE_PTR } },
    { .id = SYSID_settimeofday, .fn = sys_settimeofday,
      .args = { STRACE_PTR, STRACE_PTR } },
    { .id = SYSID_times, .fn = sys_times,
      .args = { STRACE_PTR }, .ret = STRACE_RET_HEX },
    { .id = SYSID_getitimer, .fn = sys_itimer,
      .args = { STRACE_INT, STRACE_PTR } },
    { .id = SYSID_setitimer, .fn = sys_itimer,
      .args = { STRACE_INT, STRACE_PTR, STRACE_PTR } },
    { .id = SYSID_sched_rr_get_interval, .fn = sys_sched_rr,
      .args = { STRACE_INT, STRACE_PTR } },
    { .id = SYSID_sched_rr_get_interval_time64, .fn = sys_sched_rr,
      .args = { STRACE_INT, STRACE_PTR } },
    { 0 }
};

/* linux-user/syscall_proc.c — process attributes that are not threads or
 * signals: credentials (set*id, getres*id, groups; 16- and 32-bit forms),
 * process groups and sessions, prctl subset, personality, resource
 * limits, getrusage, sysinfo, getrandom, scheduling, priorities,
 * membarrier. Credentials use the raw per-thread host calls: the guest's
 * libc broadcasts set*id to its threads itself.
 */
#include <errno.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <unistd.h>

#include "guest_mem.h"
#include "signal.h"
#include "syscall.h"
#include "syscall_util.h"
#include "thunk_structs.h"

/* ---- credentials ------------------------------------------------------ */

/* A 16-bit id argument: 0xffff means -1 ("unchanged"). */
static uint32_t sys_id_arg(const SyscallCall *c, unsigned i, bool id16)
{
    uint32_t v = sys_u32(c, i);

    if (id16) {
        v &= 0xffff;
        return v == 0xffff ? UINT32_MAX : v;
    }
    return v;
}

/* An id as a 16-bit guest sees it (overflowuid 65534). */
static uint32_t sys_id_to16(uint32_t v)
{
    return v > 0xffff ? 65534 : v;
}

static int64_t sys_setid(CpuCommon *cpu, const SyscallCall *c)
{
    bool id16;

    switch (c->id) {
    case SYSID_setuid:
    case SYSID_setuid32:
        id16 = c->id == SYSID_setuid;
        return sys_ret(syscall(SYS_setuid, sys_id_arg(c, 0, id16)));
    case SYSID_setgid:
    case SYSID_setgid32:
        id16 = c->id == SYSID_setgid;
        return sys_ret(syscall(SYS_setgid, sys_id_arg(c, 0, id16)));
    case SYSID_setreuid:
    case SYSID_setreuid32:
        id16 = c->id == SYSID_setreuid;
        return sys_ret(syscall(SYS_setreuid, sys_id_arg(c, 0, id16),
                               sys_id_arg(c, 1, id16)));
    case SYSID_setregid:
    case SYSID_setregid32:
        id16 = c->id == SYSID_setregid;
        return sys_ret(syscall(SYS_setregid, sys_id_arg(c, 0, id16),
                               sys_id_arg(c, 1, id16)));
    case SYSID_setresuid:
    case SYSID_setresuid32:
        id16 = c->id == SYSID_setresuid;
        return sys_ret(syscall(SYS_setresuid, sys_id_arg(c, 0, id16),
                               sys_id_arg(c, 1, id16),
                               sys_id_arg(c, 2, id16)));
    case SYSID_setresgid:
    case SYSID_setresgid32:
        id16 = c->id == SYSID_setresgid;
        return sys_ret(syscall(SYS_setresgid, sys_id_arg(c, 0, id16),
                               sys_id_arg(c, 1, id16),
                               sys_id_arg(c, 2, id16)));
    case SYSID_setfsuid:
    case SYSID_setfsuid32: {
        long r;
        id16 = c->id == SYSID_setfsuid;
        r = syscall(SYS_setfsuid, sys_id_arg(c, 0, id16));
        return id16 ? sys_id_to16((uint32_t)r) : (uint32_t)r;
    }
    default: { /* setfsgid */
        long r;
        id16 = c->id == SYSID_setfsgid;
        r = syscall(SYS_setfsgid, sys_id_arg(c, 0, id16));
        return id16 ? sys_id_to16((uint32_t)r) : (uint32_t)r;
    }
    }
}

static int64_t sys_getresid(CpuCommon *cpu, const SyscallCall *c)
{
    bool gid = c->id == SYSID_getresgid || c->id == SYSID_getresgid32;
    bool id16 = c->id == SYSID_getresuid || c->id == SYSID_getresgid;
    uint32_t ids[3];
    int r;

    if (syscall(gid ? SYS_getresgid : SYS_getresuid, &ids[0], &ids[1],
                &ids[2]) < 0) {
        return -errno;
    }
    for (unsigned i = 0; i < 3; i++) {
        r = id16 ? guest_put_u16(sys_u32(c, i), (uint16_t)sys_id_to16(ids[i]))
                 : guest_put_u32(sys_u32(c, i), ids[i]);
        if (r < 0) {
            return r;
        }
    }
    return 0;
}

static int64_t sys_groups(CpuCommon *cpu, const SyscallCall *c)
{
    bool id16 = c->id == SYSID_getgroups || c->id == SYSID_setgroups;
    bool get = c->id == SYSID_getgroups || c->id == SYSID_getgroups32;
    int32_t n = sys_int(c, 0);
    uint32_t garr = sys_u32(c, 1), sz = id16 ? 2 : 4;
    gid_t *list;
    int64_t r;

    if (n < 0 || n > 65536) {
        return -EINVAL;
    }
    list = calloc((size_t)n + 1, sizeof(gid_t));
    if (!list) {
        return -ENOMEM;
    }
    if (get) {
        r = sys_ret(syscall(SYS_getgroups, n, list));
        if (r > 0 && n > 0) {
            for (int64_t i = 0; i < r; i++) {
                int w = id16 ? guest_put_u16(garr + (uint32_t)i * sz,
                                             (uint16_t)sys_id_to16(list[i]))
                             : guest_put_u32(garr + (uint32_t)i * sz,
                                             list[i]);
                if (w < 0) {
                    r = w;
                    break;
                }
            }
        }
    } else {
        r = 0;
        for (int32_t i = 0; i < n && r == 0; i++) {
            if (id16) {
                uint16_t v;
                r = guest_get_u16(garr + (uint32_t)i * sz, &v);
                list[i] = v;
            } else {
                uint32_t v;
                r = guest_get_u32(garr + (uint32_t)i * sz, &v);
                list[i] = v;
            }
        }
        if (r == 0) {
            r = sys_ret(syscall(SYS_setgroups, n, list));
        }
    }
    free(list);
    return r;
}

/* ---- process groups, sessions ------------------------------------------ */

static int64_t sys_pgrp(CpuCommon *cpu, const SyscallCall *c)
{
    switch (c->id) {
    case SYSID_getpgid:
        return sys_ret(getpgid(sys_int(c, 0)));
    case SYSID_getpgrp:
        return sys_ret(getpgrp());
    case SYSID_setpgid:
        return sys_ret(setpgid(sys_int(c, 0), sys_int(c, 1)));
    case SYSID_getsid:
        return sys_ret(getsid(sys_int(c, 0)));
    default:
        return sys_ret(setsid());
    }
}

static int64_t sys_priority(CpuCommon *cpu, const SyscallCall *c)
{
    if (c->id == SYSID_getpriority) {
        /* The raw call returns 20 - nice, never negative. */
        return sys_ret(syscall(SYS_getpriority, sys_int(c, 0),
                               sys_int(c, 1)));
    }
    return sys_ret(syscall(SYS_setpriority, sys_int(c, 0), sys_int(c, 1),
                           sys_int(c, 2)));
}

/* ---- prctl, personality ------------------------------------------------ */

static int64_t sys_prctl(CpuCommon *cpu, const SyscallCall *c)
{
    int op = sys_int(c, 0);
    uint32_t a2 = sys_u32(c, 1);
    char name[16];
    int r;

    switch (op) {
    case PR_SET_NAME:
        r = copy_from_guest(name, a2, sizeof(name));
        if (r < 0) {
            /* The name may end before an unmapped page. */
            r = guest_strcpy(name, sizeof(name), a2);
            if (r == -ENAMETOOLONG) {
                r = 0;
            }
            if (r < 0) {
                return r;
            }
        }
        name[15] = 0;
        return sys_ret(prctl(PR_SET_NAME, name));
    case PR_GET_NAME:
        memset(name, 0, sizeof(name));
        if (prctl(PR_GET_NAME, name) < 0) {
            return -errno;
        }
        return copy_to_guest(a2, name, sizeof(name));
    case PR_SET_PDEATHSIG: {
        int hs = a2 ? signal_to_host((int)a2) : 0;
        if (a2 && !hs) {
            return -EINVAL;
        }
        return sys_ret(prctl(PR_SET_PDEATHSIG, hs));
    }
    case PR_GET_PDEATHSIG: {
        int hs = 0;
        if (prctl(PR_GET_PDEATHSIG, &hs) < 0) {
            return -errno;
        }
        return guest_put_u32(a2, (uint32_t)(hs ? signal_to_guest(hs) : 0));
    }
    case PR_GET_DUMPABLE:
    case PR_GET_KEEPCAPS:
    case PR_GET_TIMERSLACK:
    case PR_GET_NO_NEW_PRIVS:
    case PR_GET_THP_DISABLE:
    case PR_CAPBSET_READ:
        return sys_ret(prctl(op, (unsigned long)a2, 0, 0, 0));
    case PR_GET_CHILD_SUBREAPER: {
        int v = 0;
        if (prctl(PR_GET_CHILD_SUBREAPER, &v) < 0) {
            return -errno;
        }
        return guest_put_u32(a2, (uint32_t)v);
    }
    case PR_SET_DUMPABLE:
    case PR_SET_KEEPCAPS:
    case PR_SET_TIMERSLACK:
    case PR_SET_CHILD_SUBREAPER:
    case PR_SET_NO_NEW_PRIVS:
    case PR_SET_THP_DISABLE:
        return sys_ret(prctl(op, (unsigned long)a2, sys_u32(c, 2),
                             sys_u32(c, 3), sys_u32(c, 4)));
    case PR_SET_SECCOMP:
    case PR_GET_SECCOMP:
        /* A guest filter would see the emulator's own syscalls. */
        return -EINVAL;
    default:
        sys_note_once("prctl", (uint32_t)op);
        return -EINVAL;
    }
}

static int64_t sys_personality(CpuCommon *cpu, const SyscallCall *c)
{
    return sys_ret(personality(sys_u32(c, 0)));
}

/* ---- limits, usage ------------------------------------------------------ */

/* RLIMIT_* numbers are the generic ones (ARM, i386…; MIPS would need a
 * table). The emulator's own address space must not be limited by what
 * the guest sets for its 4 GiB: AS, DATA and STACK are accepted and not
 * applied (as QEMU does). */
static bool sys_rlimit_ignored(int res)
{
    return res == RLIMIT_AS || res == RLIMIT_DATA || res == RLIMIT_STACK;
}

static uint64_t sys_rlim_to_guest32(rlim_t v)
{
    return v == RLIM_INFINITY || v > 0xffffffffu ? 0xffffffffu : v;
}

static rlim_t sys_rlim_from_guest32(uint64_t v)
{
    return v == 0xffffffffu ? RLIM_INFINITY : (rlim_t)v;
}

static int64_t sys_rlimit(CpuCommon *cpu, const SyscallCall *c)
{
    const ThunkLayout *l = thunk_layout(THUNK_ID_RLIMIT);
    int res = abi_value_to_generic(linux_process.abi->rlimit_res,
                                   sys_int(c, 0));
    struct rlimit rl;
    int r;

    if (c->id == SYSID_ugetrlimit) {
        if (getrlimit(res, &rl) < 0) {
            return -errno;
        }
        rl.rlim_cur = sys_rlim_to_guest32(rl.rlim_cur);
        rl.rlim_max = sys_rlim_to_guest32(rl.rlim_max);
        return thunk_to_guest_mem(l, sys_u32(c, 1), &rl);
    }
    r = thunk_from_guest_mem(l, &rl, sys_u32(c, 1));
    if (r < 0) {
        return r;
    }
    rl.rlim_cur = sys_rlim_from_guest32(rl.rlim_cur);
    rl.rlim_max = sys_rlim_from_guest32(rl.rlim_max);
    if (sys_rlimit_ignored(res)) {
        return 0;
    }
    return sys_ret(setrlimit(res, &rl));
}

static int64_t sys_prlimit64(CpuCommon *cpu, const SyscallCall *c)
{
    const ThunkLayout *l = thunk_layout(THUNK_ID_RLIMIT64);
    int res = abi_value_to_generic(linux_process.abi->rlimit_res,
                                   sys_int(c, 1));
    uint32_t gnew = sys_u32(c, 2), gold = sys_u32(c, 3);
    struct rlimit nl, ol;
    int r;

    if (gnew) {
        r = thunk_from_guest_mem(l, &nl, gnew);
        if (r < 0) {
            return r;
        }
        if (sys_rlimit_ignored(res)) {
            gnew = 0;
        }
    }
    if (prlimit(sys_int(c, 0), res, gnew ? &nl : NULL, gold ? &ol : NULL)
        < 0) {
        return -errno;
    }
    return gold ? thunk_to_guest_mem(l, gold, &ol) : 0;
}

static int64_t sys_getrusage(CpuCommon *cpu, const SyscallCall *c)
{
    struct rusage ru;

    if (getrusage(sys_int(c, 0), &ru) < 0) {
        return -errno;
    }
    return thunk_to_guest_mem(thunk_layout(THUNK_ID_RUSAGE), sys_u32(c, 1),
                              &ru);
}

/* sysinfo: memory sizes scaled by mem_unit so they fit 32 bits, as the
 * kernel's compat sysinfo does. */
static int64_t sys_sysinfo(CpuCommon *cpu, const SyscallCall *c)
{
    struct sysinfo si;
    unsigned shift = 0;
    unsigned long *vals[8];

    if (sysinfo(&si) < 0) {
        return -errno;
    }
    vals[0] = &si.totalram;
    vals[1] = &si.freeram;
    vals[2] = &si.sharedram;
    vals[3] = &si.bufferram;
    vals[4] = &si.totalswap;
    vals[5] = &si.freeswap;
    vals[6] = &si.totalhigh;
    vals[7] = &si.freehigh;
    for (;;) {
        bool fits = true;
        for (unsigned i = 0; i < 8; i++) {
            if ((*vals[i] >> shift) > 0xffffffffu) {
                fits = false;
            }
        }
        if (fits) {
            break;
        }
        shift++;
    }
    for (unsigned i = 0; i < 8; i++) {
        *vals[i] >>= shift;
    }
    si.mem_unit <<= shift;
    return thunk_to_guest_mem(thunk_layout(THUNK_ID_SYSINFO), sys_u32(c, 0),
                              &si);
}

static int64_t sys_getrandom(CpuCommon *cpu, const SyscallCall *c)
{
    uint32_t len = sys_u32(c, 1);
    void *buf = guest_access(sys_u32(c, 0), len, PAGE_WRITE);

    if (!buf && len) {
        return -EFAULT;
    }
    return sys_restartable(sys_ret(getrandom(buf, len, sys_u32(c, 2))));
}

/* ---- scheduling -------------------------------------------------------- */

/* cpu masks: arrays of guest longs; the host wants multiples of its long.
 * Bit n is bit n of the byte string on little-endian guests; big-endian
 * guests swap within their 32-bit words. */
static void sys_cpumask_swap(uint8_t *buf, uint32_t len)
{
    if (!guest_is_big_endian()) {
        return;
    }
    for (uint32_t i = 0; i + 4 <= len; i += 4) {
        uint32_t w;
        memcpy(&w, buf + i, 4);
        w = __builtin_bswap32(w);
        memcpy(buf + i, &w, 4);
    }
}

static int64_t sys_affinity(CpuCommon *cpu, const SyscallCall *c)
{
    uint32_t len = sys_u32(c, 1), gmask = sys_u32(c, 2);
    uint32_t hlen = (len + 7) & ~7u;
    uint8_t *buf;
    int64_t r;

    if (len & 3) {
        return -EINVAL;
    }
    if (len > 65536) {
        len = 65536;
        hlen = len;
    }
    buf = calloc(hlen ? hlen : 8, 1);
    if (!buf) {
        return -ENOMEM;
    }
    if (c->id == SYSID_sched_getaffinity) {
        r = sys_ret(syscall(SYS_sched_getaffinity, sys_int(c, 0), hlen, buf));
        if (r > 0) {
            uint32_t n = (uint32_t)r < len ? (uint32_t)r : len;
            sys_cpumask_swap(buf, n);
            if (copy_to_guest(gmask, buf, n) < 0) {
                r = -EFAULT;
            } else {
                r = n;
            }
        }
    } else {
        r = copy_from_guest(buf, gmask, len);
        if (r == 0) {
            sys_cpumask_swap(buf, len);
            r = sys_ret(syscall(SYS_sched_setaffinity, sys_int(c, 0), hlen,
                                buf));
        }
    }
    free(buf);
    return r;
}

static int64_t sys_sched(CpuCommon *cpu, const SyscallCall *c)
{
    struct sched_param sp;
    uint32_t v;
    int r;

    switch (c->id) {
    case SYSID_sched_yield:
        return sys_ret(sched_yield());
    case SYSID_sched_get_priority_max:
        return sys_ret(sched_get_priority_max(sys_int(c, 0)));
    case SYSID_sched_get_priority_min:
        return sys_ret(sched_get_priority_min(sys_int(c, 0)));
    case SYSID_sched_getscheduler:
        return sys_ret(syscall(SYS_sched_getscheduler, sys_int(c, 0)));
    case SYSID_sched_getparam:
        if (syscall(SYS_sched_getparam, sys_int(c, 0), &sp) < 0) {
            return -errno;
        }
        return guest_put_u32(sys_u32(c, 1), (uint32_t)sp.sched_priority);
    case SYSID_sched_setparam:
        if ((r = guest_get_u32(sys_u32(c, 1), &v)) < 0) {
            return r;
        }
        sp.sched_priority = (int)v;
        return sys_ret(syscall(SYS_sched_setparam, sys_int(c, 0), &sp));
    default: /* sched_setscheduler(pid, policy, param) */
        if ((r = guest_get_u32(sys_u32(c, 2), &v)) < 0) {
            return r;
        }
        sp.sched_priority = (int)v;
        return sys_ret(syscall(SYS_sched_setscheduler, sys_int(c, 0),
                               sys_int(c, 1), &sp));
    }
}

/* membarrier: the host's (every guest thread is a host thread, so the
 * host barrier orders them). Without host support: QUERY says nothing
 * is supported and the other commands fail after a local fence. */
static int64_t sys_membarrier(CpuCommon *cpu, const SyscallCall *c)
{
    int cmd = sys_int(c, 0);
    long r = syscall(SYS_membarrier, cmd, sys_u32(c, 1), sys_int(c, 2));

    if (r < 0 && errno == ENOSYS) {
        if (cmd == 0) {
            return 0;   /* QUERY: nothing supported */
        }
        __atomic_thread_fence(__ATOMIC_SEQ_CST);
        return -ENOSYS;
    }
    return r < 0 ? -errno : r;
}

const SyscallDef syscall_defs_proc[] = {
    { .id = SYSID_setuid, .fn = sys_setid,
      .args = { STRACE_INT } },
    { .id = SYSID_setuid32, .fn = sys_setid,
      .args = { STRACE_INT } },
    { .id = SYSID_setgid, .fn = sys_setid,
      .args = { STRACE_INT } },
    { .id = SYSID_setgid32, .fn = sys_setid,
      .args = { STRACE_INT } },
    { .id = SYSID_setreuid, .fn = sys_setid,
      .args = { STRACE_INT, STRACE_INT } },
    { .id = SYSID_setreuid32, .fn = sys_setid,
      .args = { STRACE_INT, STRACE_INT } },
    { .id = SYSID_setregid, .fn = sys_setid,
      .args = { STRACE_INT, STRACE_INT } },
    { .id = SYSID_setregid32, .fn = sys_setid,
      .args = { STRACE_INT, STRACE_INT } },
    { .id = SYSID_setresuid, .fn = sys_setid,
      .args = { STRACE_INT, STRACE_INT, STRACE_INT } },
    { .id = SYSID_setresuid32, .fn = sys_setid,
      .args = { STRACE_INT, STRACE_INT, STRACE_INT } },
    { .id = SYSID_setresgid, .fn = sys_setid,
      .args = { STRACE_INT, STRACE_INT, STRACE_INT } },
    { .id = SYSID_setresgid32, .fn = sys_setid,
      .args = { STRACE_INT, STRACE_INT, STRACE_INT } },
    { .id = SYSID_setfsuid, .fn = sys_setid,
      .args = { STRACE_INT } },
    { .id = SYSID_setfsuid32, .fn = sys_setid,
      .args = { STRACE_INT } },
    { .id = SYSID_setfsgid, .fn = sys_setid,
      .args = { STRACE_INT } },
    { .id = SYSID_setfsgid32, .fn = sys_setid,
      .args = { STRACE_INT } },
    { .id = SYSID_getresuid, .fn = sys_getresid,
      .args = { STRACE_PTR, STRACE_PTR, STRACE_PTR } },
    { .id = SYSID_getresuid32, .fn = sys_getresid,
      .args = { STRACE_PTR, STRACE_PTR, STRACE_PTR } },
    { .id = SYSID_getresgid, .fn = sys_getresid,
      .args = { STRACE_PTR, STRACE_PTR, STRACE_PTR } },
    { .id = SYSID_getresgid32, .fn = sys_getresid,
      .args = { STRACE_PTR, STRACE_PTR, STRACE_PTR } },
    { .id = SYSID_getgroups, .fn = sys_groups,
      .args = { STRACE_INT, STRACE_PTR } },
    { .id = SYSID_getgroups32, .fn = sys_groups,
      .args = { STRACE_INT, STRACE_PTR } },
    { .id = SYSID_setgroups, .fn = sys_groups,
      .args = { STRACE_INT, STRACE_PTR } },
    { .id = SYSID_setgroups32, .fn = sys_groups,
      .args = { STRACE_INT, STRACE_PTR } },
    { .id = SYSID_getpgid, .fn = sys_pgrp,
      .args = { STRACE_INT } },
    { .id = SYSID_getpgrp, .fn = sys_pgrp,
      .args = { STRACE_END } },
    { .id = SYSID_setpgid, .fn = sys_pgrp,
      .args = { STRACE_INT, STRACE_INT } },
    { .id = SYSID_getsid, .fn = sys_pgrp,
      .args = { STRACE_INT } },
    { .id = SYSID_setsid, .fn = sys_pgrp,
      .args = { STRACE_END } },
    { .id = SYSID_getpriority, .fn = sys_priority,
      .args = { STRACE_INT, STRACE_INT } },
    { .id = SYSID_setpriority, .fn = sys_priority,
      .args = { STRACE_INT, STRACE_INT, STRACE_INT } },
    { .id = SYSID_prctl, .fn = sys_prctl,
      .args = { STRACE_INT, STRACE_HEX, STRACE_HEX, STRACE_HEX, STRACE_HEX } },
    { .id = SYSID_personality, .fn = sys_personality,
      .args = { STRACE_HEX }, .ret = STRACE_RET_HEX },
    { .id = SYSID_ugetrlimit, .fn = sys_rlimit,
      .args = { STRACE_INT, STRACE_PTR } },
    { .id = SYSID_setrlimit, .fn = sys_rlimit,
      .args = { STRACE_INT, STRACE_PTR } },
    { .id = SYSID_prlimit64, .fn = sys_prlimit64,
      .args = { STRACE_INT, STRACE_INT, STRACE_PTR, STRACE_PTR } },
    { .id = SYSID_getrusage, .fn = sys_getrusage,
      .args = { STRACE_INT, STRACE_PTR } },
    { .id = SYSID_sysinfo, .fn = sys_sysinfo,
      .args = { STRACE_PTR } },
    { .id = SYSID_getrandom, .fn = sys_getrandom,
      .args = { STRACE_PTR, STRACE_UINT, STRACE_HEX } },
    { .id = SYSID_sched_getaffinity, .fn = sys_affinity,
      .args = { STRACE_INT, STRACE_UINT, STRACE_PTR } },
    { .id = SYSID_sched_setaffinity, .fn = sys_affinity,
      .args = { STRACE_INT, STRACE_UINT, STRACE_PTR } },
    { .id = SYSID_sched_yield, .fn = sys_sched,
      .args = { STRACE_END } },
    { .id = SYSID_sched_get_priority_max, .fn = sys_sched,
      .args = { STRACE_INT } },
    { .id = SYSID_sched_get_priority_min, .fn = sys_sched,
      .args = { STRACE_INT } },
    { .id = SYSID_sched_getscheduler, .fn = sys_sched,
      .args = { STRACE_INT } },
    { .id = SYSID_sched_getparam, .fn = sys_sched,
      .args = { STRACE_INT, STRACE_PTR } },
    { .id = SYSID_sched_setparam, .fn = sys_sched,
      .args = { STRACE_INT, STRACE_PTR } },
    { .id = SYSID_sched_setscheduler, .fn = sys_sched,
      .args = { STRACE_INT, STRACE_INT, STRACE_PTR } },
    { .id = SYSID_membarrier, .fn = sys_membarrier,
      .args = { STRACE_INT, STRACE_HEX, STRACE_INT } },
    { 0 }
};

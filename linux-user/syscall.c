/* linux-user/syscall.c — the syscall dispatcher: guest number to generic
 * id (the generated tables), id to the registered implementation, host
 * errno to guest errno, -strace lines, -ENOSYS for what is missing; and
 * the few calls the runtime itself owns (exit, memory map, uname, ARM
 * private calls that reach the ABI hooks).
 */
#include "syscall.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "abi.h"
#include "core/log.h"
#include "guest_mem.h"
#include "signal.h"
#include "task.h"

/* Implementations by id, built once by syscall_init(). */
static const SyscallDef *syscall_defs[SYSID_COUNT];
/* Guest numbers reported once as unimplemented (a small set). */
static uint32_t syscall_enosys_seen[64];
static unsigned syscall_enosys_count;
static pthread_mutex_t syscall_enosys_lock = PTHREAD_MUTEX_INITIALIZER;

int syscall_lookup(const SyscallTable *t, uint32_t nr)
{
    uint32_t lo = 0, hi = t->count;

    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (t->entries[mid].nr == nr) {
            return t->entries[mid].id;
        }
        if (t->entries[mid].nr < nr) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return SYSID_NONE;
}

void syscall_init(void)
{
    for (const SyscallDef *const *l = syscall_def_lists; *l; l++) {
        for (const SyscallDef *d = *l; d->id; d++) {
            if (d->id < SYSID_COUNT) {
                syscall_defs[d->id] = d;
            }
        }
    }
    /* The running guest's own calls (LinuxAbi.arch_syscalls). */
    if (linux_process.abi && linux_process.abi->arch_syscalls) {
        for (const SyscallDef *d = linux_process.abi->arch_syscalls; d->id;
             d++) {
            if (d->id < SYSID_COUNT) {
                syscall_defs[d->id] = d;
            }
        }
    }
}

unsigned syscall_pair_index(unsigned natural)
{
    if (linux_process.abi->regpair_aligned && (natural & 1)) {
        return natural + 1;
    }
    return natural;
}

uint64_t syscall_arg64(const SyscallCall *call, unsigned i)
{
    uint64_t a = (uint32_t)call->arg[i], b = (uint32_t)call->arg[i + 1];

    return linux_process.abi->big_endian ? a << 32 | b : b << 32 | a;
}

/* True the first time nr is reported. */
static bool syscall_enosys_first(uint32_t nr)
{
    bool first = true;

    pthread_mutex_lock(&syscall_enosys_lock);
    for (unsigned i = 0; i < syscall_enosys_count; i++) {
        if (syscall_enosys_seen[i] == nr) {
            first = false;
        }
    }
    if (first && syscall_enosys_count < 64) {
        syscall_enosys_seen[syscall_enosys_count++] = nr;
    }
    pthread_mutex_unlock(&syscall_enosys_lock);
    return first;
}

int64_t syscall_dispatch(CpuCommon *cpu, uint32_t guest_nr,
                         const uint64_t args[8])
{
    const LinuxAbi *abi = linux_process.abi;
    SyscallCall call;
    const SyscallDef *def;
    int64_t ret;

    call.guest_nr = guest_nr;
    call.id = syscall_lookup(abi->syscalls, guest_nr);
    memcpy(call.arg, args, sizeof(call.arg));
    def = call.id ? syscall_defs[call.id] : NULL;
    if (!def) {
        ret = -(int64_t)abi_errno_to_guest(abi, ENOSYS);
        if (strace_enabled) {
            strace_print_call(cpu, &call, NULL);
            strace_print_result(cpu, &call, NULL, ret);
            if (syscall_enosys_first(guest_nr)) {
                strace_printf("emu: %s syscall %s (number %u): -ENOSYS\n",
                              call.id ? "unimplemented" : "unknown",
                              call.id ? syscall_id_names[call.id] : "?",
                              guest_nr);
            }
        }
        return ret;
    }
    if (strace_enabled) {
        strace_print_call(cpu, &call, def);
    }
    ret = def->fn(cpu, &call);
    if (ret < 0 && ret >= -4095 && ret != SYSCALL_RET_RESTART
        && ret != SYSCALL_RET_NOREGS) {
        ret = -(int64_t)abi_errno_to_guest(abi, (int)-ret);
    }
    if (strace_enabled) {
        strace_print_result(cpu, &call, def, ret);
    }
    return ret;
}

/* ---- The runtime's own calls ----------------------------------------- */

static int64_t sys_exit(CpuCommon *cpu, const SyscallCall *c)
{
    TaskState *ts = task_of(cpu);
    bool last;

    if (c->id == SYSID_exit_group) {
        linux_exit_group((int)c->arg[0]);
    }
    pthread_mutex_lock(&linux_process.tasks_lock);
    last = linux_process.tasks && !linux_process.tasks->next;
    pthread_mutex_unlock(&linux_process.tasks_lock);
    if (last || !ts) {
        linux_exit_group((int)c->arg[0]);
    }
    ts->exiting = true;
    ts->exit_code = (int)c->arg[0];
    return 0;
}

static int64_t sys_rw(CpuCommon *cpu, const SyscallCall *c)
{
    int fd = (int)c->arg[0];
    uint32_t len = (uint32_t)c->arg[2];
    void *p = guest_access((uint32_t)c->arg[1], len,
                           c->id == SYSID_read ? PAGE_WRITE : PAGE_READ);
    ssize_t r;

    if (!p && len) {
        return -EFAULT;
    }
    r = c->id == SYSID_read ? read(fd, p, len) : write(fd, p, len);
    return r < 0 ? -errno : r;
}

static int64_t sys_brk(CpuCommon *cpu, const SyscallCall *c)
{
    return guest_brk((uint32_t)c->arg[0]);
}

static int sys_mmap_prot(uint32_t guest_prot, int *host)
{
    const LinuxAbi *abi = linux_process.abi;
    uint32_t p = abi_flags_to_host(abi->mmap_prot, guest_prot);

    if (p & ~(uint32_t)(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_GROWSDOWN
                        | PROT_GROWSUP)) {
        return -EINVAL;
    }
    *host = (int)p;
    return 0;
}

static int64_t sys_mmap(CpuCommon *cpu, const SyscallCall *c)
{
    const LinuxAbi *abi = linux_process.abi;
    int prot, flags;
    uint64_t off = c->id == SYSID_mmap2 ? (uint64_t)(uint32_t)c->arg[5] << 12
                                        : (uint32_t)c->arg[5];

    if (sys_mmap_prot((uint32_t)c->arg[2], &prot) < 0) {
        return -EINVAL;
    }
    flags = (int)abi_flags_to_host(abi->mmap_flags, (uint32_t)c->arg[3]);
    return guest_mmap((uint32_t)c->arg[0], (uint32_t)c->arg[1], prot, flags,
                      (int)c->arg[4], off);
}

static int64_t sys_munmap(CpuCommon *cpu, const SyscallCall *c)
{
    return guest_munmap((uint32_t)c->arg[0], (uint32_t)c->arg[1]);
}

static int64_t sys_mprotect(CpuCommon *cpu, const SyscallCall *c)
{
    int prot;

    if (sys_mmap_prot((uint32_t)c->arg[2], &prot) < 0) {
        return -EINVAL;
    }
    return guest_mprotect((uint32_t)c->arg[0], (uint32_t)c->arg[1], prot);
}

static int64_t sys_mremap(CpuCommon *cpu, const SyscallCall *c)
{
    return guest_mremap((uint32_t)c->arg[0], (uint32_t)c->arg[1],
                        (uint32_t)c->arg[2], (int)c->arg[3],
                        (uint32_t)c->arg[4]);
}

static int64_t sys_madvise(CpuCommon *cpu, const SyscallCall *c)
{
    return guest_madvise((uint32_t)c->arg[0], (uint32_t)c->arg[1],
                         (int)c->arg[2]);
}

static int64_t sys_msync(CpuCommon *cpu, const SyscallCall *c)
{
    return guest_msync((uint32_t)c->arg[0], (uint32_t)c->arg[1],
                       (int)c->arg[2]);
}

static int64_t sys_uname(CpuCommon *cpu, const SyscallCall *c)
{
    struct utsname u;
    const AbiCpuModel *m = linux_process.cpu_model;

    if (uname(&u) != 0) {
        return -errno;
    }
    if (m && m->uname_machine) {
        snprintf(u.machine, sizeof(u.machine), "%s", m->uname_machine);
    }
    if (linux_process.opt.uname_release) {
        snprintf(u.release, sizeof(u.release), "%s",
                 linux_process.opt.uname_release);
    }
    /* struct new_utsname: six char[65], the same on every guest. */
    _Static_assert(sizeof(u.sysname) == 65, "utsname field size");
    {
        char buf[6 * 65];
        memcpy(buf, u.sysname, 65);
        memcpy(buf + 65, u.nodename, 65);
        memcpy(buf + 130, u.release, 65);
        memcpy(buf + 195, u.version, 65);
        memcpy(buf + 260, u.machine, 65);
        memcpy(buf + 325, u.domainname, 65);
        return copy_to_guest((uint32_t)c->arg[0], buf, sizeof(buf));
    }
}

static int64_t sys_ids(CpuCommon *cpu, const SyscallCall *c)
{
    switch (c->id) {
    case SYSID_getpid:
        return getpid();
    case SYSID_gettid:
        return task_of(cpu) ? task_of(cpu)->tid : syscall(SYS_gettid);
    case SYSID_getppid:
        return getppid();
    case SYSID_getuid32:
        return getuid();
    case SYSID_geteuid32:
        return geteuid();
    case SYSID_getgid32:
        return getgid();
    case SYSID_getegid32:
        return getegid();
    /* 16-bit ids: values above 65535 show as the overflow id 65534. */
    case SYSID_getuid:
        return getuid() > 0xffff ? 65534 : getuid();
    case SYSID_geteuid:
        return geteuid() > 0xffff ? 65534 : geteuid();
    case SYSID_getgid:
        return getgid() > 0xffff ? 65534 : getgid();
    case SYSID_getegid:
        return getegid() > 0xffff ? 65534 : getegid();
    default:
        return -ENOSYS;
    }
}

static int64_t sys_set_tid_address(CpuCommon *cpu, const SyscallCall *c)
{
    TaskState *ts = task_of(cpu);

    if (ts) {
        ts->clear_child_tid = (uint32_t)c->arg[0];
        return ts->tid;
    }
    return syscall(SYS_gettid);
}

static int64_t sys_set_robust_list(CpuCommon *cpu, const SyscallCall *c)
{
    TaskState *ts = task_of(cpu);

    /* sizeof(struct robust_list_head) of a 32-bit guest. */
    if ((uint32_t)c->arg[1] != 12) {
        return -EINVAL;
    }
    if (ts) {
        ts->robust_list = (uint32_t)c->arg[0];
        ts->robust_list_len = (uint32_t)c->arg[1];
    }
    return 0;
}

static int64_t sys_tls(CpuCommon *cpu, const SyscallCall *c)
{
    const LinuxAbi *abi = linux_process.abi;

    if (c->id == SYSID_get_tls) {
        if (!abi->get_tls) {
            return -ENOSYS;
        }
        return abi->get_tls(cpu);
    }
    if (!abi->set_tls) {
        return -ENOSYS;
    }
    abi->set_tls(cpu, (uint32_t)c->arg[0]);
    return 0;
}

static int64_t sys_cacheflush(CpuCommon *cpu, const SyscallCall *c)
{
    uint32_t start = (uint32_t)c->arg[0], end = (uint32_t)c->arg[1];

    if (end < start) {
        return -EINVAL;
    }
    guest_mem_invalidate_code(start, end - start);
    return 0;
}

const SyscallDef syscall_defs_core[] = {
    { SYSID_exit, sys_exit, { STRACE_INT }, STRACE_RET_NONE, NULL },
    { SYSID_exit_group, sys_exit, { STRACE_INT }, STRACE_RET_NONE, NULL },
    { SYSID_read, sys_rw, { STRACE_FD, STRACE_PTR, STRACE_UINT }, 0, NULL },
    { SYSID_write, sys_rw, { STRACE_FD, STRACE_BUF, STRACE_UINT }, 0, NULL },
    { SYSID_brk, sys_brk, { STRACE_PTR }, STRACE_RET_HEX, NULL },
    { SYSID_mmap2, sys_mmap, { STRACE_PTR, STRACE_UINT, STRACE_MMAP_PROT,
      STRACE_MMAP_FLAGS, STRACE_FD, STRACE_HEX }, STRACE_RET_HEX, NULL },
    { SYSID_munmap, sys_munmap, { STRACE_PTR, STRACE_UINT }, 0, NULL },
    { SYSID_mprotect, sys_mprotect, { STRACE_PTR, STRACE_UINT,
      STRACE_MMAP_PROT }, 0, NULL },
    { SYSID_mremap, sys_mremap, { STRACE_PTR, STRACE_UINT, STRACE_UINT,
      STRACE_HEX, STRACE_PTR }, STRACE_RET_HEX, NULL },
    { SYSID_madvise, sys_madvise, { STRACE_PTR, STRACE_UINT, STRACE_INT },
      0, NULL },
    { SYSID_msync, sys_msync, { STRACE_PTR, STRACE_UINT, STRACE_HEX }, 0,
      NULL },
    { SYSID_uname, sys_uname, { STRACE_PTR }, 0, NULL },
    { SYSID_getpid, sys_ids, { STRACE_END }, 0, NULL },
    { SYSID_gettid, sys_ids, { STRACE_END }, 0, NULL },
    { SYSID_getppid, sys_ids, { STRACE_END }, 0, NULL },
    { SYSID_getuid, sys_ids, { STRACE_END }, 0, NULL },
    { SYSID_geteuid, sys_ids, { STRACE_END }, 0, NULL },
    { SYSID_getgid, sys_ids, { STRACE_END }, 0, NULL },
    { SYSID_getegid, sys_ids, { STRACE_END }, 0, NULL },
    { SYSID_getuid32, sys_ids, { STRACE_END }, 0, NULL },
    { SYSID_geteuid32, sys_ids, { STRACE_END }, 0, NULL },
    { SYSID_getgid32, sys_ids, { STRACE_END }, 0, NULL },
    { SYSID_getegid32, sys_ids, { STRACE_END }, 0, NULL },
    { SYSID_set_tid_address, sys_set_tid_address, { STRACE_PTR }, 0, NULL },
    { SYSID_set_robust_list, sys_set_robust_list, { STRACE_PTR,
      STRACE_UINT }, 0, NULL },
    { SYSID_set_tls, sys_tls, { STRACE_HEX }, 0, NULL },
    { SYSID_get_tls, sys_tls, { STRACE_END }, STRACE_RET_HEX, NULL },
    { SYSID_cacheflush, sys_cacheflush, { STRACE_PTR, STRACE_PTR,
      STRACE_HEX }, 0, NULL },
    { 0 },
};

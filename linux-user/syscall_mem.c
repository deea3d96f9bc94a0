/* linux-user/syscall_mem.c — memory calls that syscall.c (mmap2, munmap,
 * mprotect, mremap, madvise, msync, brk) leaves out: mlock family and
 * mincore, over guest ranges checked against the page flags.
 */
#include <errno.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "guest_mem.h"
#include "syscall.h"
#include "syscall_util.h"

/* The page-rounded host range of guest [addr, addr + len), or NULL
 * (-ENOMEM in the kernel's words) when part of it is not mapped. */
static void *sys_mapped_range(uint32_t addr, uint32_t len, size_t *hlen)
{
    uint32_t start = addr & GUEST_PAGE_MASK;
    uint64_t end = ((uint64_t)addr + len + GUEST_PAGE_SIZE - 1)
        & ~(uint64_t)(GUEST_PAGE_SIZE - 1);

    if (end > GUEST_SPACE_SIZE || !guest_range_ok(start, end - start, 0)) {
        return NULL;
    }
    *hlen = (size_t)(end - start);
    return g2h(start);
}

static int64_t sys_mlock(CpuCommon *cpu, const SyscallCall *c)
{
    size_t hlen = 0;
    void *p;

    switch (c->id) {
    case SYSID_mlockall:
        return sys_ret(mlockall(sys_int(c, 0)));
    case SYSID_munlockall:
        return sys_ret(munlockall());
    default:
        break;
    }
    p = sys_mapped_range(sys_u32(c, 0), sys_u32(c, 1), &hlen);
    if (!p) {
        return -ENOMEM;
    }
    switch (c->id) {
    case SYSID_mlock:
        return sys_ret(mlock(p, hlen));
    case SYSID_munlock:
        return sys_ret(munlock(p, hlen));
    default: /* mlock2 */
        return sys_ret(syscall(SYS_mlock2, p, hlen, sys_u32(c, 2)));
    }
}

static int64_t sys_mincore(CpuCommon *cpu, const SyscallCall *c)
{
    uint32_t addr = sys_u32(c, 0), len = sys_u32(c, 1);
    size_t hlen = 0;
    void *p, *vec;

    if (addr & ~GUEST_PAGE_MASK) {
        return -EINVAL;
    }
    p = sys_mapped_range(addr, len, &hlen);
    if (!p) {
        return -ENOMEM;
    }
    vec = guest_access(sys_u32(c, 2), hlen / GUEST_PAGE_SIZE, PAGE_WRITE);
    if (!vec && hlen) {
        return -EFAULT;
    }
    return sys_ret(mincore(p, hlen, vec));
}

const SyscallDef syscall_defs_mem[] = {
    { .id = SYSID_mlock, .fn = sys_mlock, .args = { STRACE_PTR, STRACE_UINT } },
    { .id = SYSID_munlock, .fn = sys_mlock,
      .args = { STRACE_PTR, STRACE_UINT } },
    { .id = SYSID_mlock2, .fn = sys_mlock,
      .args = { STRACE_PTR, STRACE_UINT, STRACE_HEX } },
    { .id = SYSID_mlockall, .fn = sys_mlock, .args = { STRACE_HEX } },
    { .id = SYSID_munlockall, .fn = sys_mlock, .args = { STRACE_END } },
    { .id = SYSID_mincore, .fn = sys_mincore,
      .args = { STRACE_PTR, STRACE_UINT, STRACE_PTR } },
    { 0 }
};

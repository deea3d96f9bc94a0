/* linux-user/syscall_util.h — helpers shared by the generic syscall
 * implementations (syscall_*.c): guest paths through -L, host results as
 * negative errnos, flag translation through the running guest's
 * LinuxAbi, timespec / sigset / fd_set conversions.
 * Every function returns 0 / a value or a negative HOST errno.
 */
#ifndef EMU_LINUX_USER_SYSCALL_UTIL_H
#define EMU_LINUX_USER_SYSCALL_UTIL_H

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/select.h>
#include <time.h>

#include "abi.h"
#include "syscall.h"

/* The running guest's ABI. */
const LinuxAbi *sys_abi(void);

/* A host result (-1 with errno) as a value or -errno. */
static inline int64_t sys_ret(int64_t r)
{
    return r < 0 ? -(int64_t)errno : r;
}

/* A blocking call interrupted by a host signal before it did anything:
 * -EINTR becomes SYSCALL_RET_RESTART (the signal code restarts the call
 * or returns EINTR depending on SA_RESTART). */
int64_t sys_restartable(int64_t r);

/* Argument accessors (guest values zero-extended in call->arg). */
static inline int32_t sys_int(const SyscallCall *c, unsigned i)
{
    return (int32_t)(uint32_t)c->arg[i];
}

static inline uint32_t sys_u32(const SyscallCall *c, unsigned i)
{
    return (uint32_t)c->arg[i];
}

/* A guest path made host-usable: the guest's text and the name to pass
 * to the host (-L prefix applied to absolute paths). */
typedef struct SysPath {
    char guest[PATH_MAX];
    char prefixed[PATH_MAX];
    const char *host;
} SysPath;

/* Reads the guest string at gaddr into p; 0, -EFAULT, -ENAMETOOLONG.
 * A NULL gaddr is -EFAULT. */
int sys_get_path(SysPath *p, uint32_t gaddr);

/* A guest dirfd argument as a host one (AT_FDCWD is -100 everywhere). */
static inline int sys_dirfd(const SyscallCall *c, unsigned i)
{
    return sys_int(c, i);
}

/* Open flags (O_*) through LinuxAbi.open_flags. */
int sys_open_flags_to_host(uint32_t guest);
uint32_t sys_open_flags_to_guest(int host);

/* struct timespec (32-bit time_t) or struct __kernel_timespec (t64). */
int sys_get_timespec(struct timespec *ts, uint32_t gaddr, bool t64);
int sys_put_timespec(uint32_t gaddr, const struct timespec *ts, bool t64);
int sys_get_timeval(struct timeval *tv, uint32_t gaddr);
int sys_put_timeval(uint32_t gaddr, const struct timeval *tv);

/* Guest sigset of `size` bytes to the host sigset carrying the same
 * signals (signal.c's numbering: glibc's reserved signals moved). */
int sys_get_sigset(sigset_t *set, uint32_t gaddr, uint32_t size);

/* The temporary signal mask of ppoll / pselect6 / epoll_pwait: when
 * gmask is nonzero, makes the guest's blocked mask the one at gmask
 * (saving the old one for the signal frame, as sigsuspend does) and
 * gives in *hp the host mask to wait with; *hp is NULL without gmask.
 * Returns 0, -EINVAL (size), -EFAULT, or -EINTR when a now-unblocked
 * signal is already pending. sys_sigmask_end() puts the old mask back
 * unless the call returns -EINTR (the handler's frame restores it). */
int sys_sigmask_begin(CpuCommon *cpu, uint32_t gmask, uint32_t size,
                      sigset_t *hset, sigset_t **hp);
int64_t sys_sigmask_end(CpuCommon *cpu, const sigset_t *hp, int64_t r);

/* fd_set of nfds bits as guest longs; gaddr 0 leaves *set NULL. */
int sys_get_fdset(fd_set *set, fd_set **out, uint32_t gaddr, int nfds);
int sys_put_fdset(uint32_t gaddr, const fd_set *set, int nfds);

/* Guest iovec array to host iovecs pointing into guest memory, each
 * range checked for `prot` (PAGE_READ for writes to a file, PAGE_WRITE
 * for reads). Returns a malloc'd array in *out (the caller frees) or
 * -EFAULT / -EINVAL / -ENOMEM. A zero-length entry may point anywhere. */
struct iovec;
int sys_get_iovec(struct iovec **out, uint32_t gaddr, uint32_t count,
                  uint32_t prot);

/* A 64-bit argument passed in a register pair at natural index `natural`
 * (skipping the ABI's alignment pad). */
static inline uint64_t sys_arg64(const SyscallCall *c, unsigned natural)
{
    return syscall_arg64(c, syscall_pair_index(natural));
}

/* O_CLOEXEC / O_NONBLOCK in guest numbering (the socket, eventfd,
 * timerfd, pipe2, dup3 flags share these values): returns the host
 * O_CLOEXEC|O_NONBLOCK bits found in `guest`, and in *rest the guest bits
 * left over. */
int sys_fd_flags_to_host(uint32_t guest, uint32_t *rest);

/* Prints a one-time note under -strace ("unknown ioctl 0x…"). */
void sys_note_once(const char *what, uint32_t value);

#endif

/* linux-user/syscall.h — the syscall dispatcher and the contract of the
 * implementations. The guest's number becomes a generic id (SYSID_*,
 * generated from every syscall-tables/<g>.tbl by gen_syscalls.py); the id
 * selects a SyscallDef registered by one of the syscall_*.c files; the
 * implementation works in host terms and returns a host result or a
 * negative host errno, which the dispatcher turns into the guest's errno.
 * -strace prints each call from the def's argument kinds.
 */
#ifndef EMU_LINUX_USER_SYSCALL_H
#define EMU_LINUX_USER_SYSCALL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/exec.h"
#include "syscall_ids.h"    /* generated: enum SYSID_*, SYSID_COUNT */

/* ---- Generated tables (syscall-tables/gen_syscalls.py) --------------- */

/* One guest syscall number and its generic id. */
typedef struct SyscallNr {
    uint32_t nr;
    uint16_t id;            /* SYSID_* */
} SyscallNr;

/* A guest's numbers, sorted by nr (private ARM calls 0xf0001… included). */
typedef struct SyscallTable {
    const char *guest;
    const SyscallNr *entries;
    uint32_t count;
} SyscallTable;

/* Generic names, indexed by SYSID_* ("read", "mmap2"…). */
extern const char *const syscall_id_names[SYSID_COUNT];
extern const SyscallTable syscall_table_arm;
extern const SyscallTable syscall_table_mips;
extern const SyscallTable syscall_table_i386;

/* The generic id of guest number nr, or SYSID_NONE (0). */
int syscall_lookup(const SyscallTable *t, uint32_t nr);

/* ---- One call -------------------------------------------------------- */

typedef struct SyscallCall {
    int id;                 /* SYSID_* */
    uint32_t guest_nr;
    uint64_t arg[8];        /* guest register values, zero-extended */
} SyscallCall;

/* Special results an implementation may return besides values and
 * negative host errnos (values from the kernel's internal errnos). */
enum {
    /* Interrupted by a signal before doing anything: the cpu loop
     * restarts the syscall after the handler (or returns -EINTR to the
     * guest when the handler lacks SA_RESTART: signal code decides). */
    SYSCALL_RET_RESTART = -512,
    /* sigreturn: the registers are already the guest's, write nothing. */
    SYSCALL_RET_NOREGS = -513,
};

/* An implementation: host terms in, host result or -host_errno out.
 * One function may serve several ids (stat/lstat/fstatat64) through
 * call->id. `cpu` is the calling thread (its TaskState in cpu->opaque). */
typedef int64_t (*SyscallFn)(CpuCommon *cpu, const SyscallCall *call);

/* How -strace prints an argument or a result. */
enum {
    STRACE_END = 0,         /* no more args */
    STRACE_INT,             /* signed decimal */
    STRACE_UINT,            /* unsigned decimal */
    STRACE_HEX,             /* 0x… */
    STRACE_PTR,             /* guest pointer: 0x… or NULL */
    STRACE_STR,             /* guest string: "text"… (truncated) */
    STRACE_FD,              /* file descriptor (AT_FDCWD named) */
    STRACE_OCT,             /* mode: 0644 */
    STRACE_OPEN_FLAGS,      /* O_RDONLY|O_CREAT… (guest numbering) */
    STRACE_MMAP_PROT,       /* PROT_READ|PROT_WRITE */
    STRACE_MMAP_FLAGS,      /* MAP_PRIVATE|MAP_ANONYMOUS (guest) */
    STRACE_SIGNAL,          /* SIGSEGV (guest numbering) */
    STRACE_BUF,             /* guest buffer, length in the next arg:
                               first bytes as a string */
    STRACE_BUF_RET,         /* like BUF, printed after the call with the
                               result as length (read) */
    STRACE_RET_INT = 0x40,  /* results: -1 errno=… on error, else int */
    STRACE_RET_HEX,         /* pointers (mmap, brk) */
    STRACE_RET_NONE,        /* does not return (exit) */
};

typedef struct SyscallDef {
    uint16_t id;            /* SYSID_* */
    SyscallFn fn;
    uint8_t args[6];        /* STRACE_* per argument, STRACE_END after */
    uint8_t ret;            /* STRACE_RET_*; 0 = STRACE_RET_INT */
    /* Optional full override of argument printing (ioctl, socketcall…);
     * prints "arg,arg" without parentheses. */
    void (*strace_args)(FILE *out, const SyscallCall *call);
} SyscallDef;

/* Registration: each syscall_*.c exports one array ending with id 0;
 * syscall_register.c lists the arrays (one line per file). A later
 * entry for the same id replaces an earlier one. */
extern const SyscallDef syscall_defs_core[];    /* syscall.c: the minimum */
extern const SyscallDef *const syscall_def_lists[]; /* NULL-terminated */

/* ---- The dispatcher -------------------------------------------------- */

/* Builds the id -> def table; call once after the guest is chosen. */
void syscall_init(void);

/* Runs guest syscall number guest_nr with args; returns the guest-visible
 * result (negative guest errno on failure) or SYSCALL_RET_RESTART /
 * SYSCALL_RET_NOREGS. Prints the -strace line. An unknown or
 * unimplemented call returns -ENOSYS (guest numbering), reported once
 * per number under -strace. */
int64_t syscall_dispatch(CpuCommon *cpu, uint32_t guest_nr,
                         const uint64_t args[8]);

/* ---- Services for implementations ------------------------------------ */

/* Index of the low word of a 64-bit argument that would be argument
 * `natural` without pair alignment (pread64's offset is natural 3): the
 * next even index when the ABI aligns pairs. */
unsigned syscall_pair_index(unsigned natural);
/* The 64-bit value of the register pair starting at arg[i] in guest word
 * order (big-endian guests: high word first). */
uint64_t syscall_arg64(const SyscallCall *call, unsigned i);

/* -L prefix lookup for a guest path (QEMU's path()): for an absolute
 * path that exists under the prefix, writes prefix + path into buf and
 * returns buf; else returns `path` itself. */
const char *linux_path(const char *path, char *buf, size_t len);

/* /proc emulation (proc.c). Called by open/openat and readlink/
 * readlinkat with the guest's path (after dirfd resolution when it is
 * absolute): when the path names one of /proc/self/{exe,maps,auxv,
 * cmdline,stat}, /proc/<ownpid>/… or /proc/cpuinfo, sets *handled and
 * returns a host fd (a memfd positioned at 0) or a negative host errno;
 * readlink returns the length written (no NUL) or -errno. */
int proc_open(const char *path, int host_flags, bool *handled);
int64_t proc_readlink(const char *path, char *buf, size_t len,
                      bool *handled);
/* True when the guest path names the running program itself
 * (/proc/self/exe and its aliases): execve of it runs the guest program
 * again (busybox re-executes itself that way). */
bool proc_is_self_exe(const char *path);

/* -strace state (strace.c). */
extern bool strace_enabled;
/* Prints one call's line; split in two around blocking calls so the
 * start is visible even when another thread prints meanwhile. */
void strace_print_call(CpuCommon *cpu, const SyscallCall *call,
                       const SyscallDef *def);
void strace_print_result(CpuCommon *cpu, const SyscallCall *call,
                         const SyscallDef *def, int64_t guest_ret);
/* A line of its own ("--- SIGSEGV {si_signo=…} ---"), prefixed by pid. */
void strace_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif

/* linux-user/task.h — the emulated process and its threads: the
 * per-thread TaskState (hung off CpuCommon.opaque) and the process-wide
 * LinuxProcess (options, the loaded image, the auxv copy /proc serves).
 * main.c fills the process state; elfload.c the image; clone (threads)
 * creates a TaskState per guest thread.
 */
#ifndef EMU_LINUX_USER_TASK_H
#define EMU_LINUX_USER_TASK_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "abi.h"
#include "core/exec.h"

struct TaskSignals;     /* the signal code's per-thread state (signal.h) */

/* One guest thread. Owned by the thread; freed when it exits. */
typedef struct TaskState {
    CpuCommon *cpu;             /* back pointer; cpu->opaque == this */
    int32_t tid;                /* host tid = guest tid */
    /* set_tid_address / CLONE_CHILD_CLEARTID: guest address zeroed and
     * futex-woken at thread exit (0: none). */
    uint32_t clear_child_tid;
    /* set_robust_list. */
    uint32_t robust_list, robust_list_len;
    /* sigaltstack (guest values). */
    uint32_t ss_sp, ss_size;
    int32_t ss_flags;
    /* Signal mask, pending queue…: the signal code's (NULL until
     * signal_task_init()). */
    struct TaskSignals *signals;
    /* Exit request of this thread (exit syscall): the loop returns. */
    bool exiting;
    int exit_code;
    /* Threads list (process-wide, under linux_process.tasks_lock). */
    struct TaskState *next;
    pthread_t thread;
} TaskState;

static inline TaskState *task_of(CpuCommon *cpu)
{
    return (TaskState *)cpu->opaque;
}

/* The loaded program (ELF images of the executable and interpreter). */
typedef struct ImageInfo {
    uint32_t load_bias;         /* program: address - p_vaddr */
    uint32_t load_addr;         /* lowest mapped address of the program */
    uint32_t entry;             /* program e_entry + bias */
    uint32_t phdr, phnum, phent;/* AT_PHDR etc. */
    uint32_t start_code, end_code, start_data, end_data;
    uint32_t start_brk, brk;    /* initial break (page-aligned end) */
    uint32_t interp_base;       /* AT_BASE (0 without interpreter) */
    uint32_t interp_entry;
    uint32_t start_pc;          /* first pc: interp_entry or entry */
    uint32_t stack_top, stack_limit;   /* stack mapping [limit, top) */
    uint32_t start_sp;          /* sp at entry (argc) */
    uint32_t arg_start, arg_end, env_start, env_end; /* strings */
    uint32_t argv_addr, envp_addr;
    uint32_t auxv_addr, auxv_len;      /* auxv on the guest stack */
    uint32_t execfn;            /* AT_EXECFN string */
    uint32_t e_flags;
    bool has_interp;
} ImageInfo;

/* Options and environment, from main.c's command line. */
typedef struct LinuxOptions {
    const char *ld_prefix;      /* -L, EMU_LD_PREFIX, QEMU_LD_PREFIX */
    const char *cpu_model;      /* -cpu (NULL: default) */
    const char *argv0;          /* -0 */
    const char *log_items;      /* -d */
    const char *log_file;       /* -D */
    const char *accel;          /* -accel interp|jit */
    const char *uname_release;  /* -r (NULL: host's) */
    uint64_t guest_base;        /* -B (0: anywhere) */
    uint64_t reserved_va;       /* -R (0: whole 4 GiB) */
    uint64_t stack_size;        /* -s (default 8 MiB) */
    uint64_t tb_size;           /* -tb-size in bytes (0: default) */
    int gdb_port;               /* -g (0: none; later) */
    bool strace;
    bool singlestep;            /* -one-insn-per-tb */
} LinuxOptions;

typedef struct LinuxProcess {
    const LinuxAbi *abi;
    const AbiCpuModel *cpu_model;
    LinuxOptions opt;
    /* Absolute host path of the program (for /proc/self/exe), its guest
     * argv and envp (host copies, NULL-terminated). */
    char *exe_path;
    char **argv, **envp;
    int argc;
    /* An open fd of the program (AT_EXECFD-like; for /proc/self/exe
     * when the file is gone), -1 if none. */
    int exe_fd;
    ImageInfo image;
    /* A host copy of the auxv pairs (guest-sized words, guest byte order)
     * as placed on the stack: /proc/self/auxv. */
    uint8_t *auxv;
    size_t auxv_size;
    /* AT_RANDOM's 16 bytes (guest address). */
    uint32_t random_addr;
    /* Threads. */
    pthread_mutex_t tasks_lock;
    TaskState *tasks;
    int32_t pid;
} LinuxProcess;

/* The one emulated process (filled by main.c and the loader). */
extern LinuxProcess linux_process;

/* Creates the TaskState for cpu (tid = current host tid) and links it;
 * frees it. task_free unlinks and clears cpu->opaque. */
TaskState *task_create(CpuCommon *cpu);
void task_free(TaskState *ts);

/* Allocates and registers a cpu for the running guest: zeroed
 * abi->arch->state_size bytes, guest_base set, cpu_register()ed,
 * abi->cpu_init() applied. Freed with cpu_destroy(). */
CpuCommon *cpu_create(void);
/* A copy of parent's state for a new thread (clone): same registers,
 * fresh CpuCommon bookkeeping, registered. */
CpuCommon *cpu_copy(const CpuCommon *parent);
void cpu_destroy(CpuCommon *cpu);

/* Runs the guest on this thread until it exits: cpu_exec(), then each
 * exception through abi->handle_exception (syscalls to syscall_dispatch,
 * faults to signals), pending signals after every exit. Never returns for
 * the main thread (exit_group ends the process); a thread created by clone
 * returns when it exits. (cpu_loop.c) */
void cpu_loop(CpuCommon *cpu);

/* Ends the whole process with a guest exit status (exit_group): flushes
 * the log, runs no guest code again. */
_Noreturn void linux_exit_group(int status);

/* ELF loading (elfload.c). Loads `path` (the host path, after -L lookup
 * by the caller) with argv/envp into linux_process.image and builds the
 * stack. Returns false with a one-line message in err (wrong
 * architecture, malformed file…). */
bool elf_load_program(LinuxProcess *proc, const char *path, char *err,
                      size_t errlen);

#endif

/* core/exec.h — the CPU state every guest shares and the execution loop.
 * A guest's state struct (ArmState, MipsState…) starts with a CpuCommon,
 * so generated code reaches core fields and guest registers through one
 * env pointer. linux-user drives guests through cpu_exec().
 */
#ifndef EMU_CORE_EXEC_H
#define EMU_CORE_EXEC_H

#include <setjmp.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct TransBlock;
struct GuestArch;
struct HostBackend;

/* Exception numbers the core itself raises; guests use numbers below
 * EXCP_CORE_BASE for their own (syscall, undefined instruction…). */
enum {
    EXCP_CORE_BASE = 0x10000,
    EXCP_INTERRUPT = EXCP_CORE_BASE, /* exit_request was set (signal, kick) */
    EXCP_UNALIGNED,                  /* IR_MO_ALIGN access: excp_addr */
    EXCP_FETCH_FAULT,                /* instruction fetch failed: excp_addr */
};

#define EMU_JMP_CACHE_BITS 12
#define EMU_JMP_CACHE_SIZE (1u << EMU_JMP_CACHE_BITS)

typedef struct CpuCommon {
    /* Read by generated code at every block entry: nonzero makes the block
     * return to cpu_exec() before running any guest instruction. Written
     * by other threads and signal handlers. */
    volatile int32_t exit_request;
    /* Last exception raised (EXCP_* or the guest's own) and its address. */
    int32_t exception;
    uint64_t excp_addr;
    /* Host address of guest address 0 (user mode). */
    uintptr_t guest_base;
    /* Per-thread cache of recently run blocks, indexed by a hash of pc;
     * EMU_JMP_CACHE_SIZE entries, owned by this cpu. */
    struct TransBlock **jmp_cache;
    /* The guest instruction the interpreter is running (pc, extra of its
     * insn_start), so a fault there restores exact state. */
    uint64_t interp_insn_pc, interp_insn_extra;
    bool in_interp;
    /* cpu_exec()'s landing point for cpu_loop_exit(). */
    sigjmp_buf jmp_env;
    /* Exclusive-section bookkeeping (exec.c). */
    bool running;
    bool exclusive_pending;
    struct CpuCommon *next_cpu;
    int thread_id;
    /* Opaque pointer for the runtime (linux-user's TaskState). */
    void *opaque;
} CpuCommon;

/* Process-wide set-up: the guest, the backend, the code buffer size in
 * bytes (0: default). Call once before any cpu_exec(). Exits with a
 * message when the code buffer cannot be mapped. */
void exec_init(const struct GuestArch *guest, const struct HostBackend *be,
               size_t code_size);

const struct GuestArch *exec_guest(void);
const struct HostBackend *exec_backend(void);

/* Makes a cpu known to the exclusive-section machinery and gives it a jump
 * cache. The caller owns the memory of the state (guest->state_size). */
void cpu_register(CpuCommon *cpu);
void cpu_unregister(CpuCommon *cpu);

/* Runs guest code until an exception; returns its number (also left in
 * cpu->exception). */
int cpu_exec(CpuCommon *cpu);

/* Asks cpu to leave generated code soon (async-signal-safe, any thread). */
void cpu_exit(CpuCommon *cpu);

/* Leaves generated code for cpu_exec(), which returns cpu->exception.
 * `retaddr` is a host return address inside generated code (use
 * EMU_RETADDR() in a helper) or 0 when the guest state is already exact;
 * with it the guest state is restored to the faulting instruction. */
_Noreturn void cpu_raise(CpuCommon *cpu, int excp, uintptr_t retaddr);
_Noreturn void cpu_loop_exit(CpuCommon *cpu);
#define EMU_RETADDR() ((uintptr_t)__builtin_return_address(0))

/* Restores the guest state (pc and the frontend's extra) of the
 * instruction executing at host_pc in generated code, or of the
 * interpreter's current instruction. Returns false when host_pc is not
 * in generated code and the cpu is not interpreting. */
bool cpu_restore_state(CpuCommon *cpu, uintptr_t host_pc);

/* Called by generated code for an IR_MO_ALIGN access that is unaligned. */
_Noreturn void exec_unaligned_access(CpuCommon *cpu, uint64_t addr,
                                     uintptr_t retaddr);

/* Exclusive sections: every other registered cpu is outside generated code
 * between start_exclusive() and end_exclusive(). */
void start_exclusive(void);
void end_exclusive(void);

/* fork() in user mode: exec_fork_prepare() right before fork() takes the
 * cpu-list and translation locks so that no other thread holds them at
 * the fork; exec_fork_end() right after, in both processes, releases
 * them. In the child (child = true) only `self` stays registered (the
 * other threads do not exist there) and no exclusive section is active. */
void exec_fork_prepare(void);
void exec_fork_end(bool child, CpuCommon *self);

#endif

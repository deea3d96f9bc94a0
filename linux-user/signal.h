/* linux-user/signal.h — guest signals as the rest of linux-user sees them:
 * host handlers, synchronous faults raised by the cpu loop, delivery of
 * pending signals between blocks. The first version (signal.c) is a stub
 * that makes fatal signals kill the process; the signals engineer owns
 * both files after the commit "linux-user: internal headers" and extends
 * them (TgtSigAction, TgtSigInfo, TaskSignals, frames via LinuxAbi).
 */
#ifndef EMU_LINUX_USER_SIGNAL_H
#define EMU_LINUX_USER_SIGNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "core/exec.h"
#include "task.h"

/* Installs the host handlers (SIGSEGV/SIGBUS for guest faults: first
 * guest_mem_handle_write_fault(), then a guest SIGSEGV; the others for
 * asynchronous delivery). Call once before the guest runs. */
void signal_init(void);

/* Per-thread state: parent NULL for the first thread, else the creating
 * thread (the mask is inherited). Returns false when out of memory. */
bool signal_task_init(TaskState *ts, const TaskState *parent);
void signal_task_free(TaskState *ts);

/* Raises a synchronous signal on the current thread (a fault, an
 * undefined instruction, a breakpoint): guest numbering. Delivered by the
 * next signal_process_pending(); if it is blocked or ignored the process
 * dies of it, as the kernel's force_sig does. */
void signal_queue_sync(CpuCommon *cpu, int tgt_sig, int tgt_code,
                       uint32_t addr);

/* Delivers whatever is pending and unblocked for this thread (sets up
 * guest frames, or applies default actions: terminate, core, stop).
 * Called by cpu_loop() after every exit from cpu_exec(). */
void signal_process_pending(CpuCommon *cpu);

/* Guest si_code values cpu_loop and the ABI hooks use (the generic Linux
 * values; the same for every guest). */
enum {
    TGT_SI_KERNEL = 0x80,
    TGT_SEGV_MAPERR = 1,
    TGT_SEGV_ACCERR = 2,
    TGT_BUS_ADRALN = 1,
    TGT_ILL_ILLOPC = 1,
    TGT_TRAP_BRKPT = 1,
};

#endif

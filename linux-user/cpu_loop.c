/* linux-user/cpu_loop.c — the loop every guest thread runs: guest code
 * through cpu_exec(), then what the exception means to Linux (the
 * guest's handle_exception hook): a syscall, a signal, or nothing more;
 * pending signals are delivered after every exit from generated code.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

#include "abi.h"
#include "core/log.h"
#include "signal.h"
#include "syscall.h"
#include "task.h"

static void cpu_loop_syscall(CpuCommon *cpu, const LinuxAbi *abi)
{
    SyscallCall call = { 0 };
    int64_t ret;
    int r = abi->get_syscall(cpu, &call);

    if (r < 0) {
        ret = -(int64_t)abi_errno_to_guest(abi, -r);
    } else {
        ret = syscall_dispatch(cpu, call.guest_nr, call.arg);
    }
    /* Writes the result (or restarts the call) and delivers signals. */
    signal_syscall_return(cpu, call.guest_nr, ret);
}

/* Generic meaning of the core's own exceptions when the guest's hook has
 * none. */
static void cpu_loop_default(CpuCommon *cpu, const LinuxAbi *abi, int excp,
                             AbiExcp *e)
{
    if (excp == EXCP_FETCH_FAULT) {
        e->action = ABI_EXCP_SIGNAL;
        e->tgt_signo = abi_signal_to_guest(abi, SIGSEGV);
        e->tgt_code = TGT_SEGV_MAPERR;
        e->addr = (uint32_t)cpu->excp_addr;
    } else if (excp == EXCP_UNALIGNED) {
        e->action = ABI_EXCP_SIGNAL;
        e->tgt_signo = abi_signal_to_guest(abi, SIGBUS);
        e->tgt_code = TGT_BUS_ADRALN;
        e->addr = (uint32_t)cpu->excp_addr;
    }
}

void cpu_loop(CpuCommon *cpu)
{
    const LinuxAbi *abi = linux_process.abi;
    TaskState *ts = task_of(cpu);

    for (;;) {
        int excp = cpu_exec(cpu);

        if (excp != EXCP_INTERRUPT) {
            AbiExcp e = { .action = ABI_EXCP_UNKNOWN };
            abi->handle_exception(cpu, excp, &e);
            if (e.action == ABI_EXCP_UNKNOWN) {
                cpu_loop_default(cpu, abi, excp, &e);
            }
            switch (e.action) {
            case ABI_EXCP_SYSCALL:
                cpu_loop_syscall(cpu, abi);
                if (ts && ts->exiting) {
                    return;
                }
                continue;
            case ABI_EXCP_SIGNAL:
                signal_queue_sync(cpu, e.tgt_signo, e.tgt_code, e.addr);
                break;
            case ABI_EXCP_DONE:
                break;
            default:
                fprintf(stderr, "emu: unexpected exception 0x%x at guest pc "
                        "0x%08x\n", excp, abi->get_pc(cpu));
                log_close();
                abort();
            }
        }
        signal_process_pending(cpu);
        if (ts && ts->exiting) {
            return;
        }
    }
}

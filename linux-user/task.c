/* linux-user/task.c — the emulated process: its one LinuxProcess, guest
 * cpus (allocation, copies for new threads) and their TaskStates, and
 * the end of the process.
 */
#include "task.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "core/log.h"
#include "guest_mem.h"

LinuxProcess linux_process = {
    .tasks_lock = PTHREAD_MUTEX_INITIALIZER,
    .exe_fd = -1,
};

TaskState *task_create(CpuCommon *cpu)
{
    TaskState *ts = calloc(1, sizeof(*ts));

    if (!ts) {
        return NULL;
    }
    ts->cpu = cpu;
    ts->tid = (int32_t)syscall(SYS_gettid);
    ts->thread = pthread_self();
    cpu->opaque = ts;
    cpu->thread_id = ts->tid;
    pthread_mutex_lock(&linux_process.tasks_lock);
    ts->next = linux_process.tasks;
    linux_process.tasks = ts;
    pthread_mutex_unlock(&linux_process.tasks_lock);
    return ts;
}

void task_free(TaskState *ts)
{
    pthread_mutex_lock(&linux_process.tasks_lock);
    for (TaskState **pp = &linux_process.tasks; *pp; pp = &(*pp)->next) {
        if (*pp == ts) {
            *pp = ts->next;
            break;
        }
    }
    pthread_mutex_unlock(&linux_process.tasks_lock);
    if (ts->cpu && ts->cpu->opaque == ts) {
        ts->cpu->opaque = NULL;
    }
    free(ts);
}

static CpuCommon *cpu_alloc(void)
{
    const LinuxAbi *abi = linux_process.abi;
    CpuCommon *cpu = aligned_alloc(64, (abi->arch->state_size + 63) & ~63ul);

    if (!cpu) {
        fprintf(stderr, "emu: out of memory for a cpu\n");
        exit(1);
    }
    memset(cpu, 0, abi->arch->state_size);
    return cpu;
}

CpuCommon *cpu_create(void)
{
    CpuCommon *cpu = cpu_alloc();

    cpu->guest_base = guest_base;
    cpu_register(cpu);
    if (linux_process.abi->cpu_init) {
        linux_process.abi->cpu_init(cpu, linux_process.cpu_model);
    }
    return cpu;
}

CpuCommon *cpu_copy(const CpuCommon *parent)
{
    size_t size = linux_process.abi->arch->state_size;
    CpuCommon *cpu = cpu_alloc();

    /* The guest registers follow CpuCommon; its bookkeeping is fresh. */
    memcpy((char *)cpu + sizeof(CpuCommon),
           (const char *)parent + sizeof(CpuCommon),
           size - sizeof(CpuCommon));
    cpu->guest_base = guest_base;
    cpu_register(cpu);
    return cpu;
}

void cpu_destroy(CpuCommon *cpu)
{
    cpu_unregister(cpu);
    free(cpu);
}

_Noreturn void linux_exit_group(int status)
{
    log_close();
    fflush(stdout);
    fflush(stderr);
    _exit(status & 0xff);
}

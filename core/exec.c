/* core/exec.c — the execution loop: finds or translates the block for the
 * guest state, chains it to the previous one, runs it through the
 * backend; plus exceptions (longjmp back to the loop with the guest state
 * restored), the cpu list and exclusive sections.
 *
 * Exclusive sections follow the scheme of QEMU's cpus-common.c: a cpu is
 * "running" for the whole of cpu_exec() (lookup, chaining, translation,
 * generated code). start_exclusive() counts the running cpus, kicks them
 * with cpu_exit() and waits until each has left cpu_exec(); a cpu entering
 * cpu_exec() while a section is pending waits for its end. The fast paths
 * are one atomic store and one load.
 */
#include "exec.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "backend.h"
#include "exec_internal.h"
#include "guest.h"
#include "log.h"
#include "tb.h"

#define EXEC_DEFAULT_CODE_SIZE (64u * 1024 * 1024)

typedef struct ExecState {
    const GuestArch *guest;
    const HostBackend *backend;
    CodeBuf codebuf;

    /* The cpu list and exclusive-section state. */
    pthread_mutex_t cpu_lock;
    pthread_cond_t exclusive_cond;    /* a counted cpu left */
    pthread_cond_t exclusive_resume;  /* the section ended */
    CpuCommon *cpus;
    /* 0: no section; else 1 + the running cpus still to leave. */
    int pending_cpus;
    /* Between exec_fork_prepare() and exec_fork_end(): the code buffer
     * snapshot for the child (-1: none) and why it failed. */
    int fork_fd;
    int fork_errno;
} ExecState;

static ExecState exec_state = {
    .cpu_lock = PTHREAD_MUTEX_INITIALIZER,
    .exclusive_cond = PTHREAD_COND_INITIALIZER,
    .exclusive_resume = PTHREAD_COND_INITIALIZER,
    .fork_fd = -1,
};

static _Thread_local CpuCommon *exec_cpu;
/* Nesting of exclusive sections this thread owns (tb_flush() inside one). */
static _Thread_local unsigned exec_exclusive_depth;
/* The cpu this thread took out of the running set for its section. */
static _Thread_local CpuCommon *exec_exclusive_self;

/* ---- Set-up ---------------------------------------------------------- */

void exec_init(const GuestArch *guest, const HostBackend *be,
               size_t code_size)
{
    if (exec_state.guest) {
        fprintf(stderr, "emu: exec_init called twice\n");
        abort();
    }
    if (code_size == 0) {
        code_size = EXEC_DEFAULT_CODE_SIZE;
    }
    if (!codebuf_init(&exec_state.codebuf, code_size)) {
        fprintf(stderr, "emu: cannot map a code buffer of %zu bytes: %s\n",
                code_size, strerror(errno));
        exit(1);
    }
    exec_state.guest = guest;
    exec_state.backend = be;
    tb_init(exec_state.codebuf.size);
    if (!be->init(&exec_state.codebuf)) {
        fprintf(stderr, "emu: the %s backend does not fit in a code buffer "
                "of %zu bytes\n", be->name, code_size);
        exit(1);
    }
}

const GuestArch *exec_guest(void)
{
    return exec_state.guest;
}

const HostBackend *exec_backend(void)
{
    return exec_state.backend;
}

CodeBuf *exec_codebuf(void)
{
    return &exec_state.codebuf;
}

CpuCommon *exec_current_cpu(void)
{
    return exec_cpu;
}

/* ---- The cpu list ---------------------------------------------------- */

void cpu_register(CpuCommon *cpu)
{
    cpu->jmp_cache = calloc(EMU_JMP_CACHE_SIZE, sizeof(TransBlock *));
    if (!cpu->jmp_cache) {
        fprintf(stderr, "emu: out of memory for a cpu\n");
        exit(1);
    }
    cpu->running = false;
    cpu->exclusive_pending = false;
    pthread_mutex_lock(&exec_state.cpu_lock);
    cpu->next_cpu = exec_state.cpus;
    exec_state.cpus = cpu;
    pthread_mutex_unlock(&exec_state.cpu_lock);
}

void cpu_unregister(CpuCommon *cpu)
{
    pthread_mutex_lock(&exec_state.cpu_lock);
    for (CpuCommon **pp = &exec_state.cpus; *pp; pp = &(*pp)->next_cpu) {
        if (*pp == cpu) {
            *pp = cpu->next_cpu;
            break;
        }
    }
    free(cpu->jmp_cache);
    cpu->jmp_cache = NULL;
    cpu->next_cpu = NULL;
    pthread_mutex_unlock(&exec_state.cpu_lock);
}

void exec_for_each_cpu(void (*fn)(CpuCommon *cpu, void *opaque),
                       void *opaque)
{
    pthread_mutex_lock(&exec_state.cpu_lock);
    for (CpuCommon *c = exec_state.cpus; c; c = c->next_cpu) {
        fn(c, opaque);
    }
    pthread_mutex_unlock(&exec_state.cpu_lock);
}

/* ---- Exclusive sections ---------------------------------------------- */

void exec_cpu_start(CpuCommon *cpu)
{
    __atomic_store_n(&cpu->running, true, __ATOMIC_SEQ_CST);
    /* Pairs with start_exclusive(): either it sees us running and counts
     * us, or we see its pending count and wait. */
    if (__atomic_load_n(&exec_state.pending_cpus, __ATOMIC_SEQ_CST)) {
        pthread_mutex_lock(&exec_state.cpu_lock);
        if (!cpu->exclusive_pending) {
            /* Not counted: stay out until the section ends. */
            __atomic_store_n(&cpu->running, false, __ATOMIC_SEQ_CST);
            while (exec_state.pending_cpus) {
                pthread_cond_wait(&exec_state.exclusive_resume,
                                  &exec_state.cpu_lock);
            }
            __atomic_store_n(&cpu->running, true, __ATOMIC_SEQ_CST);
        }
        /* Counted: we were kicked and leave soon; exec_cpu_end() reports. */
        pthread_mutex_unlock(&exec_state.cpu_lock);
    }
}

void exec_cpu_end(CpuCommon *cpu)
{
    __atomic_store_n(&cpu->running, false, __ATOMIC_SEQ_CST);
    if (__atomic_load_n(&exec_state.pending_cpus, __ATOMIC_SEQ_CST)) {
        pthread_mutex_lock(&exec_state.cpu_lock);
        if (cpu->exclusive_pending) {
            cpu->exclusive_pending = false;
            if (--exec_state.pending_cpus == 1) {
                pthread_cond_signal(&exec_state.exclusive_cond);
            }
        }
        pthread_mutex_unlock(&exec_state.cpu_lock);
    }
}

void start_exclusive(void)
{
    CpuCommon *self = exec_cpu;
    int running = 0;

    if (exec_exclusive_depth++ > 0) {
        return;
    }
    /* A running cpu would wait for itself, and two running cpus starting
     * sections at once for each other: step out of the running set. */
    exec_exclusive_self = NULL;
    if (self && __atomic_load_n(&self->running, __ATOMIC_SEQ_CST)) {
        exec_cpu_end(self);
        exec_exclusive_self = self;
    }
    pthread_mutex_lock(&exec_state.cpu_lock);
    while (exec_state.pending_cpus) {
        pthread_cond_wait(&exec_state.exclusive_resume, &exec_state.cpu_lock);
    }
    __atomic_store_n(&exec_state.pending_cpus, 1, __ATOMIC_SEQ_CST);
    for (CpuCommon *c = exec_state.cpus; c; c = c->next_cpu) {
        if (__atomic_load_n(&c->running, __ATOMIC_SEQ_CST)) {
            c->exclusive_pending = true;
            running++;
            cpu_exit(c);
        }
    }
    exec_state.pending_cpus = 1 + running;
    while (exec_state.pending_cpus > 1) {
        pthread_cond_wait(&exec_state.exclusive_cond, &exec_state.cpu_lock);
    }
    /* pending_cpus stays 1: no cpu enters and no other section starts
     * until end_exclusive(). */
    pthread_mutex_unlock(&exec_state.cpu_lock);
}

void end_exclusive(void)
{
    if (--exec_exclusive_depth > 0) {
        return;
    }
    pthread_mutex_lock(&exec_state.cpu_lock);
    __atomic_store_n(&exec_state.pending_cpus, 0, __ATOMIC_SEQ_CST);
    pthread_cond_broadcast(&exec_state.exclusive_resume);
    pthread_mutex_unlock(&exec_state.cpu_lock);
    if (exec_exclusive_self) {
        CpuCommon *self = exec_exclusive_self;
        exec_exclusive_self = NULL;
        exec_cpu_start(self);
    }
}

/* ---- fork() ----------------------------------------------------------- */

void exec_fork_prepare(void)
{
    tb_lock();
    pthread_mutex_lock(&exec_state.cpu_lock);
    /* The child's copy of the code buffer, taken while the lock keeps
     * every writer out (see codebuf_fork_prepare). */
    exec_state.fork_fd = codebuf_fork_prepare(&exec_state.codebuf);
    exec_state.fork_errno = errno;
}

void exec_fork_end(bool child, CpuCommon *self)
{
    if (child) {
        /* The other cpus' threads are gone: forget them (their memory
         * is the parent's business) and any section they had begun. */
        exec_state.cpus = self;
        if (self) {
            self->next_cpu = NULL;
            self->running = false;
            self->exclusive_pending = false;
        }
        exec_state.pending_cpus = 0;
        if (!codebuf_fork_child(&exec_state.codebuf, exec_state.fork_fd)) {
            if (exec_state.fork_fd < 0) {
                errno = exec_state.fork_errno;
            }
            fprintf(stderr, "emu: cannot copy the code buffer after fork: "
                    "%s\n", strerror(errno));
            _exit(1);
        }
        pthread_cond_init(&exec_state.exclusive_cond, NULL);
        pthread_cond_init(&exec_state.exclusive_resume, NULL);
    }
    else {
        codebuf_fork_parent(exec_state.fork_fd);
    }
    exec_state.fork_fd = -1;
    pthread_mutex_unlock(&exec_state.cpu_lock);
    tb_unlock();
}

/* ---- Exceptions ------------------------------------------------------ */

void cpu_exit(CpuCommon *cpu)
{
    __atomic_store_n(&cpu->exit_request, 1, __ATOMIC_SEQ_CST);
}

bool cpu_restore_state(CpuCommon *cpu, uintptr_t host_pc)
{
    const GuestArch *g = exec_state.guest;
    TransBlock *tb;
    uint64_t pc, extra;

    if (cpu->in_interp) {
        g->restore_state(cpu, cpu->interp_insn_pc, cpu->interp_insn_extra);
        return true;
    }
    tb = tb_find_by_host_pc(host_pc);
    if (!tb || !tb_find_insn(tb, host_pc, &pc, &extra)) {
        return false;
    }
    g->restore_state(cpu, pc, extra);
    return true;
}

_Noreturn void cpu_loop_exit(CpuCommon *cpu)
{
    siglongjmp(cpu->jmp_env, 1);
}

_Noreturn void cpu_raise(CpuCommon *cpu, int excp, uintptr_t retaddr)
{
    if (retaddr) {
        cpu_restore_state(cpu, retaddr);
    }
    cpu->exception = excp;
    cpu_loop_exit(cpu);
}

_Noreturn void exec_unaligned_access(CpuCommon *cpu, uint64_t addr,
                                     uintptr_t retaddr)
{
    if (retaddr) {
        cpu_restore_state(cpu, retaddr);
    }
    cpu->excp_addr = addr;
    cpu_raise(cpu, EXCP_UNALIGNED, 0);
}

/* ---- The loop -------------------------------------------------------- */

/* Puts the guest state at the start of tb (an exit before its first
 * instruction). */
static void exec_restore_block_start(CpuCommon *cpu, const TransBlock *tb)
{
    uint64_t pc, extra;

    if (tb_first_insn(tb, &pc, &extra)) {
        exec_state.guest->restore_state(cpu, pc, extra);
    }
}

static void exec_log_block(CpuCommon *cpu, const TransBlock *tb)
{
    const GuestArch *g = exec_state.guest;

    if (log_enabled(LOG_EXEC)) {
        log_printf("Trace %d: %p [%08llx/%08x]\n", cpu->thread_id,
                   (const void *)tb->code, (unsigned long long)tb->pc,
                   tb->flags);
    }
    if (log_enabled(LOG_CPU) && g->dump_state) {
        FILE *f = log_lock();
        g->dump_state(cpu, f);
        log_unlock(f);
    }
}

/* Runs blocks until an exception. Everything a longjmp out of generated
 * code or a helper may skip is put right at the landing point: the
 * translation lock, the interpreter flag, the running flag. The signal
 * mask is not saved (sigsetjmp(..., 0)), as in QEMU, for speed: a signal
 * handler that leaves through cpu_loop_exit() must unblock its signal. */
int cpu_exec(CpuCommon *cpu)
{
    const HostBackend *be = exec_state.backend;
    const GuestArch *g = exec_state.guest;
    CpuCommon *volatile outer = exec_cpu;
    TransBlock *last;
    unsigned last_exit;

    exec_cpu = cpu;
    if (sigsetjmp(cpu->jmp_env, 0) != 0) {
        tb_unlock_if_held();
        cpu->in_interp = false;
        exec_cpu_end(cpu);
        exec_cpu = outer;
        return cpu->exception;
    }
    exec_cpu_start(cpu);
    last = NULL;
    last_exit = TB_EXIT_NOCHAIN;
    for (;;) {
        uint64_t pc;
        uint32_t flags;
        TransBlock *tb;
        uintptr_t ret;

        if (__atomic_load_n(&cpu->exit_request, __ATOMIC_SEQ_CST)) {
            __atomic_store_n(&cpu->exit_request, 0, __ATOMIC_SEQ_CST);
            cpu->exception = EXCP_INTERRUPT;
            break;
        }
        g->tb_key(cpu, &pc, &flags);
        tb = tb_lookup(cpu, pc, flags);
        if (!tb) {
            /* Translating may flush the cache (the only place where a
             * flush can happen while this cpu is in the loop): then
             * `last` is gone and must not be chained. */
            uint64_t flushes = tb_flush_count();
            tb = tb_find_or_translate(cpu, pc, flags);
            if (tb_flush_count() != flushes) {
                last = NULL;
            }
        }
        if (last && last_exit <= TB_EXIT_SLOT1 && !log_enabled(LOG_NOCHAIN)) {
            tb_add_jump(last, last_exit, tb);
        }
        if (log_enabled(LOG_EXEC | LOG_CPU)) {
            exec_log_block(cpu, tb);
        }
        ret = be->exec(cpu, tb);
        last = (TransBlock *)(ret & ~(uintptr_t)TB_EXIT_MASK);
        last_exit = ret & TB_EXIT_MASK;
        if (last_exit == TB_EXIT_REQUESTED) {
            /* `last` was entered but not run, maybe through a chained
             * jump that skipped the pc store: its start is the state. */
            exec_restore_block_start(cpu, last);
            last = NULL;
        }
    }
    exec_cpu_end(cpu);
    exec_cpu = outer;
    return cpu->exception;
}

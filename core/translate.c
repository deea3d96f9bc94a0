/* core/translate.c — the translator loop: guest code at one (pc, flags)
 * becomes an IrBlock through the frontend's hooks, is optimized, and the
 * backend turns it into the block's code. Runs under the translation lock
 * (tb.c), which also guards the one IrBlock all translations share.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backend.h"
#include "disas.h"
#include "exec_internal.h"
#include "guest.h"
#include "log.h"

#define TRANSLATE_DEFAULT_MAX_INSNS 512

/* One translation in progress: the frontend sees only `ctx`; the rest is
 * the loop's own bookkeeping, reached from translate_fetch() through the
 * ctx pointer. */
typedef struct TranslateJob {
    TransCtx ctx;
    CodeBuf *cb;
    bool fetch_failed;      /* translate_fetch() ended the block */
} TranslateJob;

/* Shared by all translations; only touched with the translation lock
 * held (the options are set before threads start). */
typedef struct Translator {
    IrBlock *ir;
    void *guest_ctx;
    uint32_t max_insns;
    bool optimize;
} Translator;

static Translator translator = { .optimize = true };

bool (*guest_code_readable)(uint64_t addr, size_t len);

void translate_set_max_insns(uint32_t max_insns)
{
    translator.max_insns = max_insns;
}

void translate_set_optimize(bool on)
{
    translator.optimize = on;
}

static TranslateJob *translate_job(TransCtx *ctx)
{
    return (TranslateJob *)((char *)ctx - offsetof(TranslateJob, ctx));
}

static uint64_t translate_page(const TransCtx *ctx, uint64_t addr)
{
    const GuestArch *g = exec_guest();
    return addr & ~((uint64_t)g->page_size - 1);
}

/* The frontend's contract for a false return: emit nothing more for the
 * instruction and return from translate_insn at once. Whatever it already
 * emitted for that instruction is dropped here, and pc_next is put back,
 * so the block ends cleanly before the instruction. */
bool translate_fetch(TransCtx *ctx, uint64_t addr, void *buf, size_t len)
{
    TranslateJob *job = translate_job(ctx);

    if (job->fetch_failed) {
        return false;
    }
    if (len == 0) {
        return true;
    }
    if (!guest_code_readable || guest_code_readable(addr, len)) {
        memcpy(buf, (const void *)(ctx->cpu->guest_base + (uintptr_t)addr),
               len);
        return true;
    }
    if (ctx->num_insns == 0) {
        /* Nothing to run before the fault: give the block's space back,
         * leave the lock and raise. The guest state is exact (the pc is
         * the block's start). */
        CpuCommon *cpu = ctx->cpu;
        job->cb->used = (size_t)((uint8_t *)ctx->tb - job->cb->rw);
        cpu->excp_addr = addr;
        tb_unlock();
        cpu_raise(cpu, EXCP_FETCH_FAULT, 0);
    }
    job->fetch_failed = true;
    return false;
}

uint64_t translate_exit_value(const TransCtx *ctx, unsigned slot)
{
    return (uint64_t)(uintptr_t)ctx->tb | (slot & 1);
}

void translate_goto(TransCtx *ctx, unsigned slot, IrTemp pc_global,
                    uint64_t dest)
{
    ir_goto_tb(ctx->ir, slot);
    ir_movi(ctx->ir, pc_global, dest);
    ir_exit_tb(ctx->ir, translate_exit_value(ctx, slot));
}

/* Creates the shared block once; the guest's globals keep their numbers
 * across ir_block_reset(). */
static IrBlock *translate_ir(void)
{
    const GuestArch *g = exec_guest();

    if (!translator.ir) {
        translator.ir = ir_block_new();
        g->init_globals(translator.ir);
        if (g->ctx_size) {
            translator.guest_ctx = calloc(1, g->ctx_size);
            if (!translator.guest_ctx) {
                fprintf(stderr, "emu: out of memory for the translator\n");
                exit(1);
            }
        }
    } else {
        ir_block_reset(translator.ir);
    }
    return translator.ir;
}

static void translate_log_in_asm(const TransBlock *tb, const CpuCommon *cpu)
{
    const GuestArch *g = exec_guest();
    FILE *f = log_lock();

    fprintf(f, "IN: pc 0x%llx flags 0x%x\n", (unsigned long long)tb->pc,
            tb->flags);
    disas_print(f, g->cs_arch, g->cs_mode,
                (const uint8_t *)(cpu->guest_base + (uintptr_t)tb->pc),
                tb->guest_size, tb->pc);
    fprintf(f, "\n");
    log_unlock(f);
}

static void translate_log_ops(const IrBlock *b, const TransBlock *tb,
                              const char *what)
{
    FILE *f = log_lock();

    fprintf(f, "%s: pc 0x%llx\n", what, (unsigned long long)tb->pc);
    ir_dump(b, f);
    fprintf(f, "\n");
    log_unlock(f);
}

static void translate_log_out_asm(const TransBlock *tb)
{
    FILE *f = log_lock();

    fprintf(f, "OUT: pc 0x%llx, %u bytes of host code at %p\n",
            (unsigned long long)tb->pc, tb->code_size, (const void *)tb->code);
    disas_print_host(f, tb->code, tb->code_size);
    fprintf(f, "\n");
    log_unlock(f);
}

/* Runs the frontend over guest code until the block must end. */
static void translate_insns(TranslateJob *job)
{
    const GuestArch *g = exec_guest();
    TransCtx *ctx = &job->ctx;
    uint64_t first_page = translate_page(ctx, ctx->pc_first);

    g->tb_start(ctx);
    for (;;) {
        uint32_t ops_before = ctx->ir->nb_ops;
        uint64_t pc_before = ctx->pc_next;

        g->translate_insn(ctx);
        if (job->fetch_failed) {
            /* Drop the partial instruction (see translate_fetch). */
            ctx->ir->nb_ops = ops_before;
            ctx->pc_next = pc_before;
            ctx->stop = false;
            break;
        }
        ctx->num_insns++;
        if (ctx->stop || ctx->num_insns >= ctx->max_insns) {
            break;
        }
        /* A block covers at most two pages: the next instruction must
         * start on the first (it may end on the second). */
        if (translate_page(ctx, ctx->pc_next) != first_page) {
            break;
        }
    }
    if (!ctx->stop) {
        g->tb_end(ctx);
    }
}

bool translate_block(CpuCommon *cpu, TransBlock *tb, CodeBuf *cb)
{
    const GuestArch *g = exec_guest();
    const HostBackend *be = exec_backend();
    IrBlock *b = translate_ir();
    TranslateJob job;
    uint32_t exit_label;
    IrTemp req;
    uint64_t last;

    memset(&job, 0, sizeof(job));
    job.cb = cb;
    job.ctx.ir = b;
    job.ctx.tb = tb;
    job.ctx.cpu = cpu;
    job.ctx.pc_first = tb->pc;
    job.ctx.pc_next = tb->pc;
    job.ctx.flags = tb->flags;
    job.ctx.max_insns = translator.max_insns ? translator.max_insns
                                             : TRANSLATE_DEFAULT_MAX_INSNS;
    job.ctx.guest = translator.guest_ctx;
    if (translator.guest_ctx) {
        memset(translator.guest_ctx, 0, g->ctx_size);
    }

    /* Every block first checks exit_request so a kicked cpu leaves even a
     * loop of chained blocks. */
    exit_label = ir_new_label(b);
    req = ir_temp_new(b, IR_I32);
    ir_ld32u(b, req, IR_ENV, (int32_t)offsetof(CpuCommon, exit_request));
    ir_brcondi(b, IR_COND_NE, req, 0, exit_label);

    translate_insns(&job);

    ir_set_label(b, exit_label);
    ir_exit_tb(b, (uint64_t)(uintptr_t)tb | TB_EXIT_REQUESTED);

    tb->ninsns = job.ctx.num_insns;
    tb->guest_size = (uint32_t)(job.ctx.pc_next - tb->pc);
    tb->page_addr[0] = translate_page(&job.ctx, tb->pc);
    last = tb->guest_size ? tb->pc + tb->guest_size - 1 : tb->pc;
    tb->page_addr[1] = translate_page(&job.ctx, last) != tb->page_addr[0]
                           ? translate_page(&job.ctx, last)
                           : (uint64_t)-1;

#ifndef NDEBUG
    {
        char err[200];
        if (!ir_validate(b, err, sizeof(err))) {
            fprintf(stderr, "emu: invalid micro-ops for guest pc 0x%llx: "
                    "%s\n", (unsigned long long)tb->pc, err);
            ir_dump(b, stderr);
            abort();
        }
    }
#endif

    if (log_enabled(LOG_IN_ASM)) {
        translate_log_in_asm(tb, cpu);
    }
    if (log_enabled(LOG_OP)) {
        translate_log_ops(b, tb, "OP");
    }
    if (translator.optimize) {
        ir_optimize(b);
        if (log_enabled(LOG_OP_OPT)) {
            translate_log_ops(b, tb, "OP after optimization");
        }
    }
    if (sizeof(void *) < 8) {
        ir_lower_i64(b);
    }
    if (!be->gen_code(b, tb, cb)) {
        return false;
    }
    if (be->jit && log_enabled(LOG_OUT_ASM)) {
        translate_log_out_asm(tb);
    }
    return true;
}

/* bench/core/bench_core.c — speed of the translator core without a guest:
 * (a) translation throughput (ir_optimize + gen_code) on guest-like random
 * blocks, (b) execution of hot micro-op loops on the JIT, the interpreter
 * and as native C. Not a test: it prints numbers, it asserts no time.
 * Usage: bench-core [--quick] [--dump] [--iters N] [--blocks N]
 * (--dump prints each loop's optimized ops and the JIT's host code)
 */
#include <inttypes.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/backend.h"
#include "core/codebuf.h"
#include "core/disas.h"
#include "core/exec.h"
#include "core/ir.h"

enum {
    BENCH_NB_REGS = 16,
    BENCH_MEM_SIZE = 1 << 16,      /* guest memory the loops walk */
    BENCH_MEM_MASK = BENCH_MEM_SIZE - 1,
    BENCH_BATCH = 500,             /* blocks generated before timing */
    BENCH_CODE_SIZE = 64 << 20,
    BENCH_REPS = 5,
};

/* A guest-like state: 16 registers, a pc, flags. */
typedef struct BenchState {
    CpuCommon common;
    uint32_t r[BENCH_NB_REGS];
    uint32_t pc;
    uint32_t flag_z, flag_c;
    uint32_t spare[8];
} BenchState;

typedef struct BenchRegs {
    IrTemp r[BENCH_NB_REGS];
    IrTemp pc, flag_z, flag_c;
} BenchRegs;

static const char *const bench_reg_names[BENCH_NB_REGS] = {
    "r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7",
    "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15",
};

static void bench_globals(IrBlock *b, BenchRegs *g)
{
    for (unsigned i = 0; i < BENCH_NB_REGS; i++) {
        g->r[i] = ir_global(b, IR_I32,
                            (int32_t)(offsetof(BenchState, r) + 4 * i),
                            bench_reg_names[i]);
    }
    g->pc = ir_global(b, IR_I32, offsetof(BenchState, pc), "pc");
    g->flag_z = ir_global(b, IR_I32, offsetof(BenchState, flag_z), "zf");
    g->flag_c = ir_global(b, IR_I32, offsetof(BenchState, flag_c), "cf");
}

static double bench_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static uint64_t bench_rand(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

/* ---- (a) Translation throughput ----------------------------------------
 * Blocks shaped like translated RISC code: per guest instruction an
 * insn_start, register reads, an ALU op or a load/store with base +
 * displacement, flag computation, and a conditional two-way exit. */

static void bench_gen_guest_block(IrBlock *b, const BenchRegs *g,
                                  uint64_t *rs, uint32_t target_ops)
{
    uint32_t pc = 0x10000 + (uint32_t)(bench_rand(rs) & 0xfff0);
    while (b->nb_ops < target_ops - 8) {
        ir_insn_start(b, pc, 0);
        pc += 4;
        IrTemp rd = g->r[bench_rand(rs) % BENCH_NB_REGS];
        IrTemp ra = g->r[bench_rand(rs) % BENCH_NB_REGS];
        IrTemp rb = g->r[bench_rand(rs) % BENCH_NB_REGS];
        uint32_t kind = (uint32_t)(bench_rand(rs) % 10);
        if (kind < 2) {
            /* load or store: addr = ra + disp */
            IrTemp addr = ir_temp_new(b, IR_I32);
            ir_addi(b, addr, ra, bench_rand(rs) & 0xffc);
            if (kind == 0) {
                ir_guest_ld(b, rd, addr, IR_MO_32);
            } else {
                ir_guest_st(b, rb, addr, IR_MO_32);
            }
        } else if (kind < 4) {
            /* ALU with an immediate */
            ir_addi(b, rd, ra, bench_rand(rs) & 0xff);
        } else if (kind < 6) {
            /* compare setting flags, as for cmp / subs */
            IrTemp t = ir_temp_new(b, IR_I32);
            ir_sub(b, t, ra, rb);
            ir_setcond(b, IR_COND_EQ, g->flag_z, t, ir_const(b, IR_I32, 0));
            ir_setcond(b, IR_COND_LTU, g->flag_c, ra, rb);
            ir_mov(b, rd, t);
        } else if (kind < 7) {
            IrTemp t = ir_temp_new(b, IR_I32);
            ir_shli(b, t, rb, bench_rand(rs) % 32);
            ir_or(b, rd, ra, t);
        } else if (kind < 8) {
            ir_mul(b, rd, ra, rb);
        } else {
            typedef void (*BinFn)(IrBlock *, IrTemp, IrTemp, IrTemp);
            static const BinFn fns[] = { ir_and, ir_xor, ir_sub, ir_add };
            fns[bench_rand(rs) % 4](b, rd, ra, rb);
        }
    }
    /* Conditional branch: two chainable exits. */
    uint32_t taken = ir_new_label(b);
    ir_insn_start(b, pc, 0);
    ir_brcondi(b, IR_COND_NE, g->flag_z, 0, taken);
    ir_goto_tb(b, 0);
    ir_movi(b, g->pc, pc + 4);
    ir_exit_tb(b, 0);
    ir_set_label(b, taken);
    ir_goto_tb(b, 1);
    ir_movi(b, g->pc, pc - 0x40);
    ir_exit_tb(b, 1);
}

typedef struct BenchTranslate {
    double secs;
    uint64_t ops, blocks, code_bytes;
} BenchTranslate;

static void bench_translate(const HostBackend *be, uint32_t nblocks,
                            uint32_t ops_per_block, BenchTranslate *res)
{
    CodeBuf cb;
    if (!codebuf_init(&cb, BENCH_CODE_SIZE) || (be->init && !be->init(&cb))) {
        fprintf(stderr, "bench-core: %s: no code buffer\n", be->name);
        exit(1);
    }
    IrBlock **blocks = calloc(BENCH_BATCH, sizeof(*blocks));
    TransBlock *tbs = calloc(BENCH_BATCH, sizeof(*tbs));
    BenchRegs g;
    uint64_t rs = 0x1234567;
    for (unsigned i = 0; i < BENCH_BATCH; i++) {
        blocks[i] = ir_block_new();
        bench_globals(blocks[i], &g);
    }
    memset(res, 0, sizeof(*res));
    for (uint32_t done = 0; done < nblocks; done += BENCH_BATCH) {
        uint32_t n = nblocks - done < BENCH_BATCH ? nblocks - done
                                                  : BENCH_BATCH;
        for (uint32_t i = 0; i < n; i++) {
            ir_block_reset(blocks[i]);
            bench_gen_guest_block(blocks[i], &g, &rs, ops_per_block);
            res->ops += ir_count_ops(blocks[i]);
        }
        /* Start each batch with an empty buffer, outside the timing. */
        codebuf_flush(&cb);
        double t0 = bench_now();
        for (uint32_t i = 0; i < n; i++) {
            TransBlock *tb = &tbs[i];
            memset(tb, 0, sizeof(*tb));
            tb->pc = 0x10000;
            tb->page_addr[1] = UINT64_MAX;
            ir_optimize(blocks[i]);
            if (!be->gen_code(blocks[i], tb, &cb)) {
                fprintf(stderr, "bench-core: %s: code buffer full\n",
                        be->name);
                exit(1);
            }
            res->code_bytes += tb->code_size;
        }
        res->secs += bench_now() - t0;
        res->blocks += n;
    }
    for (unsigned i = 0; i < BENCH_BATCH; i++) {
        ir_block_free(blocks[i]);
    }
    free(blocks);
    free(tbs);
    codebuf_destroy(&cb);
}

/* ---- (b) Hot loops ------------------------------------------------------- */

typedef enum BenchLoop {
    BENCH_FNV_LABEL,     /* FNV-1a over guest memory, loop on a label */
    BENCH_XORSHIFT_LABEL,/* xorshift32 in registers, loop on a label */
    BENCH_FNV_CHAIN,     /* FNV-1a, one block per iteration, goto_tb to self */
    BENCH_NB_LOOPS
} BenchLoop;

static const char *const bench_loop_names[BENCH_NB_LOOPS] = {
    "fnv1a (label loop)", "xorshift32 (label loop)", "fnv1a (goto_tb chain)",
};

/* r0 = hash, r1 = index, r2 = iterations. One iteration of FNV-1a:
 * h = (h ^ mem[i & mask]) * 16777619; i++. */
static void bench_emit_fnv_step(IrBlock *b, const BenchRegs *g)
{
    IrTemp addr = ir_temp_new(b, IR_I32);
    IrTemp byte = ir_temp_new(b, IR_I32);
    ir_andi(b, addr, g->r[1], BENCH_MEM_MASK);
    ir_guest_ld(b, byte, addr, IR_MO_8);
    ir_xor(b, g->r[0], g->r[0], byte);
    ir_muli(b, g->r[0], g->r[0], 16777619u);
    ir_addi(b, g->r[1], g->r[1], 1);
}

/* r0 = x: x ^= x << 13; x ^= x >> 17; x ^= x << 5; r3 += x; r1++. */
static void bench_emit_xorshift_step(IrBlock *b, const BenchRegs *g)
{
    IrTemp t = ir_temp_new(b, IR_I32);
    ir_shli(b, t, g->r[0], 13);
    ir_xor(b, g->r[0], g->r[0], t);
    ir_shri(b, t, g->r[0], 17);
    ir_xor(b, g->r[0], g->r[0], t);
    ir_shli(b, t, g->r[0], 5);
    ir_xor(b, g->r[0], g->r[0], t);
    ir_add(b, g->r[3], g->r[3], g->r[0]);
    ir_addi(b, g->r[1], g->r[1], 1);
}

/* Builds the loop program; returns the ops run per iteration. */
static uint32_t bench_build_loop(IrBlock *b, const BenchRegs *g,
                                 BenchLoop kind, TransBlock *self)
{
    uint32_t before, per_iter;
    if (kind == BENCH_FNV_CHAIN) {
        uint32_t done = ir_new_label(b);
        ir_insn_start(b, 0x2000, 0);
        before = b->nb_ops;
        bench_emit_fnv_step(b, g);
        ir_brcond(b, IR_COND_EQ, g->r[1], g->r[2], done);
        ir_goto_tb(b, 0);
        per_iter = b->nb_ops - before;
        ir_exit_tb(b, (uintptr_t)self | TB_EXIT_SLOT0);
        ir_set_label(b, done);
        ir_exit_tb(b, 0);
        return per_iter + 1;   /* plus the insn_start of each entry */
    }
    uint32_t head = ir_new_label(b);
    ir_insn_start(b, 0x2000, 0);
    ir_set_label(b, head);
    before = b->nb_ops;
    if (kind == BENCH_FNV_LABEL) {
        bench_emit_fnv_step(b, g);
    } else {
        bench_emit_xorshift_step(b, g);
    }
    ir_brcond(b, IR_COND_NE, g->r[1], g->r[2], head);
    per_iter = b->nb_ops - before;
    ir_exit_tb(b, 0);
    return per_iter;
}

/* The same loops in C, compiled natively: the reference. */
static __attribute__((noinline)) uint32_t bench_native(BenchLoop kind,
                                                       const uint8_t *mem,
                                                       uint32_t n,
                                                       uint32_t *acc)
{
    uint32_t h = 2166136261u, x = 2463534242u, sum = 0;
    if (kind == BENCH_XORSHIFT_LABEL) {
        for (uint32_t i = 0; i < n; i++) {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            sum += x;
            __asm__ volatile("" : "+r"(x), "+r"(sum));
        }
        *acc = sum;
        return x;
    }
    for (uint32_t i = 0; i < n; i++) {
        h = (h ^ mem[i & BENCH_MEM_MASK]) * 16777619u;
        __asm__ volatile("" : "+r"(h));
    }
    *acc = 0;
    return h;
}

/* One loop program translated for one backend, run many times. */
typedef struct BenchProg {
    const HostBackend *be;
    CodeBuf cb;
    IrBlock *b;
    TransBlock *tb;
    BenchState *st;
    uint32_t ops_per_iter;
    uint32_t n;                 /* iterations a run */
    double best;                /* fastest run, seconds */
    bool ok;
} BenchProg;

static void bench_prog_open(BenchProg *p, const HostBackend *be,
                            BenchLoop kind, uint32_t n, bool dump)
{
    memset(p, 0, sizeof(*p));
    p->be = be;
    p->n = n;
    if (!codebuf_init(&p->cb, 1 << 20) || (be->init && !be->init(&p->cb))) {
        fprintf(stderr, "bench-core: %s: no code buffer\n", be->name);
        exit(1);
    }
    p->b = ir_block_new();
    BenchRegs g;
    bench_globals(p->b, &g);
    p->tb = aligned_alloc(64, sizeof(TransBlock));
    p->st = aligned_alloc(64, sizeof(BenchState));
    memset(p->tb, 0, sizeof(TransBlock));
    p->tb->pc = 0x2000;
    p->tb->page_addr[1] = UINT64_MAX;
    p->ops_per_iter = bench_build_loop(p->b, &g, kind, p->tb);
    ir_optimize(p->b);
    p->ok = be->gen_code(p->b, p->tb, &p->cb);
    if (p->ok && dump) {
        printf("---- %s on %s: optimized ops\n", bench_loop_names[kind],
               be->name);
        ir_dump(p->b, stdout);
        if (be->jit) {
            printf("---- host code (%u bytes)\n", p->tb->code_size);
            disas_print_host(stdout, p->tb->code, p->tb->code_size);
        }
    }
    if (p->ok && kind == BENCH_FNV_CHAIN) {
        atomic_store(&p->tb->jmp_dest[0], p->tb);
        be->set_jump(&p->cb, p->tb, 0, p->tb);
    }
}

/* Runs the program once from a fresh state; keeps the fastest time. */
static void bench_prog_run(BenchProg *p, BenchLoop kind, uint8_t *mem)
{
    if (!p->ok) {
        return;
    }
    memset(p->st, 0, sizeof(*p->st));
    p->st->common.guest_base = (uintptr_t)mem;
    p->st->r[0] = kind == BENCH_XORSHIFT_LABEL ? 2463534242u : 2166136261u;
    p->st->r[2] = p->n;
    double t0 = bench_now();
    uintptr_t ex = p->be->exec(&p->st->common, p->tb);
    double t = bench_now() - t0;
    if (p->best == 0 || t < p->best) {
        p->best = t;
    }
    p->ok = ex == 0 && p->st->r[1] == p->n;
}

static void bench_prog_close(BenchProg *p)
{
    free(p->st);
    free(p->tb);
    ir_block_free(p->b);
    codebuf_destroy(&p->cb);
}

int main(int argc, char **argv)
{
    uint32_t iters = 50000000, nblocks = 20000;
    bool dump = false;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--quick")) {
            iters = 2000000;
            nblocks = 2000;
        } else if (!strcmp(argv[i], "--dump")) {
            dump = true;
        } else if (!strcmp(argv[i], "--iters") && i + 1 < argc) {
            iters = (uint32_t)strtoul(argv[++i], NULL, 0);
        } else if (!strcmp(argv[i], "--blocks") && i + 1 < argc) {
            nblocks = (uint32_t)strtoul(argv[++i], NULL, 0);
        } else {
            fprintf(stderr, "usage: %s [--quick] [--dump] [--iters N] "
                    "[--blocks N]\n", argv[0]);
            return 1;
        }
    }
    if (iters < 10) {
        iters = 10;
    }
    const HostBackend *bes[2];
    unsigned nbe = 0;
#ifdef EMU_HOST_X86_64
    bes[nbe++] = &backend_x86_64;
#endif
    bes[nbe++] = &backend_interp;

    printf("== translation: %u guest-like blocks of ~60 ops, "
           "ir_optimize + gen_code ==\n", nblocks);
    printf("%-8s %10s %12s %14s %12s\n", "backend", "time s", "blocks/s",
           "ops/s", "bytes/op");
    for (unsigned i = 0; i < nbe; i++) {
        BenchTranslate t;
        bench_translate(bes[i], nblocks, 60, &t);
        printf("%-8s %10.3f %12.0f %14.0f %12.1f\n", bes[i]->name, t.secs,
               (double)t.blocks / t.secs, (double)t.ops / t.secs,
               (double)t.code_bytes / (double)t.ops);
    }

    uint8_t *mem = malloc(BENCH_MEM_SIZE);
    uint64_t rs = 42;
    for (unsigned i = 0; i < BENCH_MEM_SIZE; i++) {
        mem[i] = (uint8_t)bench_rand(&rs);
    }
    printf("\n== execution: hot micro-op loops (best of %u runs, "
           "interleaved) ==\n", BENCH_REPS);
    printf("%-24s %-8s %11s %9s %9s %10s %9s %9s\n", "loop", "backend",
           "iterations", "time s", "ns/iter", "Mops/s", "x native",
           "int/JIT");
    int status = 0;
    for (unsigned k = 0; k < BENCH_NB_LOOPS; k++) {
        BenchLoop kind = (BenchLoop)k;
        BenchProg progs[2];
        for (unsigned i = 0; i < nbe; i++) {
            /* The interpreter gets fewer iterations; times are per iter. */
            bench_prog_open(&progs[i], bes[i], kind,
                            bes[i]->jit ? iters : iters / 10, dump);
        }
        /* Native, JIT and interpreter take turns, so a busy moment of a
         * shared host hits them alike. */
        uint32_t acc = 0, want = 0;
        double native = 0;
        for (unsigned rep = 0; rep < BENCH_REPS; rep++) {
            double t0 = bench_now();
            want = bench_native(kind, mem, iters, &acc);
            double t = (bench_now() - t0) / iters;
            if (rep == 0 || t < native) {
                native = t;
            }
            for (unsigned i = 0; i < nbe; i++) {
                bench_prog_run(&progs[i], kind, mem);
            }
        }
        printf("%-24s %-8s %11u %9.3f %9.3f %10s %9s %9s\n",
               bench_loop_names[k], "native", iters, native * iters,
               native * 1e9, "-", "1.0", "-");
        double jit_per_iter = 0;
        for (unsigned i = 0; i < nbe; i++) {
            BenchProg *p = &progs[i];
            uint32_t nacc = acc;
            uint32_t nwant = p->n == iters ? want
                                           : bench_native(kind, mem, p->n,
                                                          &nacc);
            if (!p->ok || p->st->r[0] != nwant ||
                (kind == BENCH_XORSHIFT_LABEL && p->st->r[3] != nacc)) {
                printf("%-24s %-8s WRONG RESULT 0x%08" PRIx32 " (want 0x%08"
                       PRIx32 ")\n", bench_loop_names[k], bes[i]->name,
                       p->st->r[0], nwant);
                status = 1;
                continue;
            }
            double per = p->best / p->n;
            char ratio[16] = "-";
            if (bes[i]->jit) {
                jit_per_iter = per;
            } else if (jit_per_iter > 0) {
                snprintf(ratio, sizeof(ratio), "%.1fx", per / jit_per_iter);
            }
            printf("%-24s %-8s %11u %9.3f %9.3f %10.1f %9.2f %9s\n",
                   bench_loop_names[k], bes[i]->name, p->n, p->best,
                   per * 1e9, (double)p->ops_per_iter * p->n / p->best / 1e6,
                   per / native, ratio);
        }
        for (unsigned i = 0; i < nbe; i++) {
            bench_prog_close(&progs[i]);
        }
    }
    printf("\n(x native: time per iteration over the C loop's; int/JIT: how "
           "many times slower the\ninterpreter is than the JIT; Mops/s: "
           "micro-ops (as built, before optimization)\nexecuted per "
           "second)\n");
    free(mem);
    return status;
}

/* tests/diff/ir_diff.c — differential test of the backends: random
 * micro-op blocks run on the interpreter (unoptimized and optimized) and
 * on the JIT (optimized and unoptimized) must leave identical state.
 * Usage: ir_diff [--seed N] [--iterations N] [--block K] [--verbose]
 */
#include <inttypes.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/backend.h"
#include "core/codebuf.h"
#include "core/ir.h"
#include "diff_gen.h"

enum {
    DIFF_MAX_VARIANTS = 4,
    DIFF_MAX_REPORTS = 3,       /* failures printed in full */
    DIFF_CODE_SIZE = 32 << 20,
};

typedef struct DiffVariant {
    const char *name;
    const HostBackend *be;
    CodeBuf *cb;
    bool optimize;
} DiffVariant;

typedef struct DiffResult {
    uintptr_t exit;
    DiffState st;
    uint8_t mem[DIFF_MEM_ALLOC] __attribute__((aligned(16)));
} DiffResult;

typedef struct DiffCtx {
    uint64_t seed;
    uint64_t iterations;
    int64_t only_block;         /* -1: every block */
    bool verbose;

    IrBlock *b;
    DiffGlobals g;
    CodeBuf cb_jit, cb_interp;
    DiffVariant var[DIFF_MAX_VARIANTS];
    unsigned nvar;
    DiffState init_st;
    uint8_t *init_mem;
    DiffResult *res;

    uint64_t failures;
    uint64_t nb_ops, nb_ops_opt;
    uint64_t op_counts[IR_NB_OPS];

    /* What runs now, for the crash report. */
    uint64_t cur_block;
    int cur_variant;
} DiffCtx;

/* The crash handler's only way to the context (a test, single thread). */
static DiffCtx *volatile diff_crash_ctx;

/* ---- Building and running -------------------------------------------- */

static void diff_build(DiffCtx *c, uint64_t index, bool optimize)
{
    char err[256];
    ir_block_reset(c->b);
    diff_gen_block(c->b, &c->g, diff_block_seed(c->seed, index));
    if (!ir_validate(c->b, err, sizeof(err))) {
        fprintf(stderr, "ir_diff: generator made an invalid block "
                "(seed %" PRIu64 " block %" PRIu64 "): %s\n", c->seed, index,
                err);
        ir_dump(c->b, stderr);
        fail_msg("invalid generated block");
    }
    if (optimize) {
        ir_optimize(c->b);
        if (!ir_validate(c->b, err, sizeof(err))) {
            fprintf(stderr, "ir_diff: ir_optimize made an invalid block "
                    "(seed %" PRIu64 " block %" PRIu64 "): %s\n", c->seed,
                    index, err);
            ir_dump(c->b, stderr);
            fail_msg("invalid optimized block");
        }
    }
}

static void diff_dump_block(DiffCtx *c, uint64_t index, bool optimize,
                            FILE *out)
{
    ir_block_reset(c->b);
    diff_gen_block(c->b, &c->g, diff_block_seed(c->seed, index));
    if (optimize) {
        ir_optimize(c->b);
    }
    ir_dump(c->b, out);
}

static void diff_gen_tb(DiffCtx *c, const DiffVariant *v, TransBlock *tb)
{
    memset(tb, 0, sizeof(*tb));
    tb->pc = 0x1000;
    tb->page_addr[0] = 0x1000;
    tb->page_addr[1] = UINT64_MAX;
    tb->ninsns = 1;
    if (v->cb->used > v->cb->size / 2) {
        codebuf_flush(v->cb);
    }
    if (!v->be->gen_code(c->b, tb, v->cb)) {
        codebuf_flush(v->cb);
        memset(tb, 0, sizeof(*tb));
        tb->pc = 0x1000;
        tb->page_addr[1] = UINT64_MAX;
        if (!v->be->gen_code(c->b, tb, v->cb)) {
            fail_msg("%s: block %" PRIu64 " does not fit an empty code "
                     "buffer", v->name, c->cur_block);
        }
    }
}

static void diff_run_variant(DiffCtx *c, uint64_t index, unsigned vi)
{
    const DiffVariant *v = &c->var[vi];
    DiffResult *r = &c->res[vi];
    TransBlock tb;

    c->cur_variant = (int)vi;
    diff_build(c, index, v->optimize);
    if (vi == 0) {
        c->nb_ops += ir_count_ops(c->b);
        for (uint32_t i = 0; i < c->b->nb_ops; i++) {
            c->op_counts[c->b->ops[i].opc]++;
        }
    } else if (v->optimize && vi == 1) {
        c->nb_ops_opt += ir_count_ops(c->b);
    }
    diff_gen_tb(c, v, &tb);
    memcpy(&r->st, &c->init_st, sizeof(r->st));
    memcpy(r->mem, c->init_mem, DIFF_MEM_ALLOC);
    r->st.common.guest_base = (uintptr_t)r->mem;
    r->exit = v->be->exec(&r->st.common, &tb);
    c->cur_variant = -1;
}

/* ---- Reporting ---------------------------------------------------------- */

static void diff_print_field(const DiffResult *r, size_t off, FILE *out)
{
    const uint8_t *p = (const uint8_t *)&r->st;
    if (off >= offsetof(DiffState, r32) &&
        off < offsetof(DiffState, r64)) {
        size_t o = off & ~(size_t)3;
        uint32_t v;
        memcpy(&v, p + o, 4);
        fprintf(out, "0x%08" PRIx32, v);
    } else if (off >= offsetof(DiffState, r64) &&
               off < offsetof(DiffState, scratch)) {
        size_t base = offsetof(DiffState, r64);
        size_t o = base + ((off - base) & ~(size_t)7);
        uint64_t v;
        memcpy(&v, p + o, 8);
        fprintf(out, "0x%016" PRIx64, v);
    } else if (off >= offsetof(DiffState, helper_log)) {
        fprintf(out, "0x%016" PRIx64, r->st.helper_log);
    } else {
        fprintf(out, "byte 0x%02x", p[off]);
    }
}

/* Compares result vi with the reference (result 0); prints the first
 * difference when `report`. True when they agree. */
static bool diff_compare(DiffCtx *c, unsigned vi, bool report)
{
    const DiffResult *ref = &c->res[0];
    const DiffResult *r = &c->res[vi];
    const char *rn = c->var[0].name, *vn = c->var[vi].name;
    bool same = true;
    char name[64];

    if (ref->exit != r->exit) {
        same = false;
        if (report) {
            fprintf(stderr, "  exit value: %s 0x%" PRIxPTR ", %s 0x%"
                    PRIxPTR "\n", rn, ref->exit, vn, r->exit);
        }
    }
    const uint8_t *a = (const uint8_t *)&ref->st;
    const uint8_t *b = (const uint8_t *)&r->st;
    for (size_t off = offsetof(DiffState, r32); off < sizeof(DiffState);
         off++) {
        if (a[off] != b[off]) {
            same = false;
            if (report) {
                fprintf(stderr, "  first differing state field: %s: %s ",
                        diff_field_name(off, name, sizeof(name)), rn);
                diff_print_field(ref, off, stderr);
                fprintf(stderr, ", %s ", vn);
                diff_print_field(r, off, stderr);
                fputc('\n', stderr);
            }
            break;
        }
    }
    for (size_t off = 0; off < DIFF_MEM_ALLOC; off++) {
        if (ref->mem[off] != r->mem[off]) {
            same = false;
            if (report) {
                size_t o = off & ~(size_t)7;
                uint64_t x, y;
                memcpy(&x, ref->mem + o, 8);
                memcpy(&y, r->mem + o, 8);
                fprintf(stderr, "  first differing guest memory byte: "
                        "0x%zx (le64 at 0x%zx: %s 0x%016" PRIx64 ", %s "
                        "0x%016" PRIx64 ")\n", off, o, rn, x, vn, y);
            }
            break;
        }
    }
    return same;
}

static void diff_report(DiffCtx *c, uint64_t index, bool full)
{
    fprintf(stderr, "\nir_diff: MISMATCH seed %" PRIu64 " block %" PRIu64
            " (reproduce: ir_diff --seed %" PRIu64 " --block %" PRIu64
            ")\n", c->seed, index, c->seed, index);
    for (unsigned vi = 1; vi < c->nvar; vi++) {
        if (!diff_compare(c, vi, false)) {
            fprintf(stderr, " %s vs %s:\n", c->var[0].name, c->var[vi].name);
            diff_compare(c, vi, true);
        }
    }
    if (!full) {
        return;
    }
    fprintf(stderr, "---- block as generated:\n");
    diff_dump_block(c, index, false, stderr);
    fprintf(stderr, "---- after ir_optimize:\n");
    diff_dump_block(c, index, true, stderr);
    fprintf(stderr, "----\n");
}

static void diff_crash_handler(int sig)
{
    DiffCtx *c = diff_crash_ctx;
    if (c) {
        int vi = c->cur_variant;
        fprintf(stderr, "\nir_diff: signal %d while running %s on seed %"
                PRIu64 " block %" PRIu64 " (reproduce: ir_diff --seed %"
                PRIu64 " --block %" PRIu64 ")\n", sig,
                vi >= 0 ? c->var[vi].name : "the generator/optimizer",
                c->seed, c->cur_block, c->seed, c->cur_block);
        diff_crash_ctx = NULL;
        fprintf(stderr, "---- block as generated:\n");
        diff_dump_block(c, c->cur_block, false, stderr);
        if (vi >= 0 && c->var[vi].optimize) {
            fprintf(stderr, "---- after ir_optimize:\n");
            diff_dump_block(c, c->cur_block, true, stderr);
        }
        fflush(stderr);
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

/* ---- Set-up ----------------------------------------------------------- */

static void diff_setup_variants(DiffCtx *c)
{
    c->nvar = 0;
    c->var[c->nvar++] = (DiffVariant){ "interp", &backend_interp,
                                       &c->cb_interp, false };
    c->var[c->nvar++] = (DiffVariant){ "interp+opt", &backend_interp,
                                       &c->cb_interp, true };
#ifdef EMU_HOST_X86_64
    c->var[c->nvar++] = (DiffVariant){ "jit+opt", &backend_x86_64,
                                       &c->cb_jit, true };
    c->var[c->nvar++] = (DiffVariant){ "jit", &backend_x86_64,
                                       &c->cb_jit, false };
#endif
}

static void diff_open(DiffCtx *c)
{
    c->b = ir_block_new();
    diff_init_globals(c->b, &c->g);
    diff_setup_variants(c);
    assert_true(codebuf_init(&c->cb_interp, DIFF_CODE_SIZE));
    if (backend_interp.init) {
        assert_true(backend_interp.init(&c->cb_interp));
    }
    if (c->nvar > 2) {
        assert_true(codebuf_init(&c->cb_jit, DIFF_CODE_SIZE));
        assert_true(c->var[2].be->init(&c->cb_jit));
    } else {
        printf("ir_diff: no JIT backend on this host; comparing the "
               "optimized with the unoptimized interpreter only\n");
    }
    c->init_mem = aligned_alloc(16, DIFF_MEM_ALLOC);
    c->res = aligned_alloc(16, sizeof(DiffResult) * DIFF_MAX_VARIANTS);
    assert_non_null(c->init_mem);
    assert_non_null(c->res);
    diff_crash_ctx = c;
    signal(SIGSEGV, diff_crash_handler);
    signal(SIGBUS, diff_crash_handler);
    signal(SIGILL, diff_crash_handler);
    signal(SIGFPE, diff_crash_handler);
    signal(SIGTRAP, diff_crash_handler);
    signal(SIGABRT, diff_crash_handler);
}

static void diff_close(DiffCtx *c)
{
    diff_crash_ctx = NULL;
    signal(SIGSEGV, SIG_DFL);
    signal(SIGBUS, SIG_DFL);
    signal(SIGILL, SIG_DFL);
    signal(SIGFPE, SIG_DFL);
    signal(SIGTRAP, SIG_DFL);
    signal(SIGABRT, SIG_DFL);
    codebuf_destroy(&c->cb_interp);
    if (c->nvar > 2) {
        codebuf_destroy(&c->cb_jit);
    }
    free(c->init_mem);
    free(c->res);
    ir_block_free(c->b);
    c->b = NULL;
}

/* ---- Tests ----------------------------------------------------------- */

/* Every generated block is valid and, over the run, every op class of
 * ir_ops.h appears (NOP and EXIT_LOOKUP excepted). */
static void test_generator_covers_all_ops(void **state)
{
    DiffCtx *c = *state;
    IrBlock *b = ir_block_new();
    DiffGlobals g;
    uint64_t counts[IR_NB_OPS] = { 0 };
    char err[256];
    uint64_t n = c->iterations < 3000 ? c->iterations : 3000;

    diff_init_globals(b, &g);
    for (uint64_t i = 0; i < n; i++) {
        ir_block_reset(b);
        diff_gen_block(b, &g, diff_block_seed(c->seed, i));
        if (!ir_validate(b, err, sizeof(err))) {
            ir_dump(b, stderr);
            fail_msg("block %" PRIu64 " invalid: %s", i, err);
        }
        for (uint32_t k = 0; k < b->nb_ops; k++) {
            counts[b->ops[k].opc]++;
        }
    }
    ir_block_free(b);
    if (n < 1000) {
        return;     /* too few blocks to expect every op */
    }
    int missing = 0;
    for (unsigned op = 0; op < IR_NB_OPS; op++) {
        if (op == IR_NOP || op == IR_EXIT_LOOKUP) {
            continue;
        }
        if (counts[op] == 0) {
            fprintf(stderr, "ir_diff: generator never emits %s\n",
                    ir_op_defs[op].name);
            missing++;
        }
    }
    assert_int_equal(missing, 0);
}

static void test_backends_agree(void **state)
{
    DiffCtx *c = *state;
    uint64_t first = 0, end = c->iterations;
    struct timespec t0, t1;

    if (c->only_block >= 0) {
        first = (uint64_t)c->only_block;
        end = first + 1;
    }
    diff_open(c);
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (uint64_t i = first; i < end; i++) {
        c->cur_block = i;
        diff_gen_state(&c->init_st, c->init_mem, diff_block_seed(c->seed, i));
        for (unsigned vi = 0; vi < c->nvar; vi++) {
            diff_run_variant(c, i, vi);
        }
        bool same = true;
        for (unsigned vi = 1; vi < c->nvar; vi++) {
            same &= diff_compare(c, vi, false);
        }
        if (!same) {
            c->failures++;
            diff_report(c, i, c->failures <= DIFF_MAX_REPORTS);
        } else if (c->only_block >= 0 || c->verbose) {
            printf("block %" PRIu64 ": all %u variants agree, exit 0x%"
                   PRIxPTR "\n", i, c->nvar, c->res[0].exit);
            if (c->only_block >= 0) {
                diff_dump_block(c, i, false, stdout);
                printf("---- after ir_optimize:\n");
                diff_dump_block(c, i, true, stdout);
            }
        }
        if (c->verbose && (i + 1) % 100000 == 0) {
            printf("ir_diff: %" PRIu64 " blocks, %" PRIu64 " failures\n",
                   i + 1, c->failures);
            fflush(stdout);
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) +
                  (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9;
    uint64_t nblocks = end - first;
    printf("ir_diff: seed %" PRIu64 ", %" PRIu64 " blocks (%" PRIu64
           " ops, %" PRIu64 " after optimization), %u variants [",
           c->seed, nblocks, c->nb_ops, c->nb_ops_opt, c->nvar);
    for (unsigned vi = 0; vi < c->nvar; vi++) {
        printf("%s%s", vi ? ", " : "", c->var[vi].name);
    }
    printf("], %" PRIu64 " mismatches, %.1f s\n", c->failures, secs);
    diff_close(c);
    if (c->failures) {
        fail_msg("%" PRIu64 " of %" PRIu64 " blocks disagree (seed %" PRIu64
                 ")", c->failures, nblocks, c->seed);
    }
}

static bool diff_parse_u64(const char *s, uint64_t *out)
{
    char *end;
    if (!s || !*s) {
        return false;
    }
    *out = strtoull(s, &end, 0);
    return *end == 0;
}

int main(int argc, char **argv)
{
    static DiffCtx ctx;
    ctx.seed = 20240601;
    ctx.iterations = 20000;
    ctx.only_block = -1;
    for (int i = 1; i < argc; i++) {
        uint64_t v;
        if (!strcmp(argv[i], "--seed") && i + 1 < argc &&
            diff_parse_u64(argv[i + 1], &v)) {
            ctx.seed = v;
            i++;
        } else if (!strcmp(argv[i], "--iterations") && i + 1 < argc &&
                   diff_parse_u64(argv[i + 1], &v)) {
            ctx.iterations = v;
            i++;
        } else if (!strcmp(argv[i], "--block") && i + 1 < argc &&
                   diff_parse_u64(argv[i + 1], &v)) {
            ctx.only_block = (int64_t)v;
            i++;
        } else if (!strcmp(argv[i], "--verbose")) {
            ctx.verbose = true;
        } else {
            fprintf(stderr, "usage: %s [--seed N] [--iterations N] "
                    "[--block K] [--verbose]\n", argv[0]);
            return 1;
        }
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_prestate(test_generator_covers_all_ops, &ctx),
        cmocka_unit_test_prestate(test_backends_agree, &ctx),
    };
    return cmocka_run_group_tests_name("ir_diff", tests, NULL, NULL);
}

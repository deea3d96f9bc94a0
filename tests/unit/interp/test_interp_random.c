/* tests/unit/interp/test_interp_random.c — the interpreter against the
 * independent reference evaluator (tests/unit/ir_eval.c) on thousands of
 * random blocks (tests/unit/ir_rand.c): same exit, same CPU state, same
 * guest memory, and a fault on the same access: plain, optimized, and
 * lowered to i32 pairs as on a 32-bit host.
 *
 * Guest memory is the last 256 bytes of a page followed by a 4 GiB
 * PROT_NONE reservation, so every access the oracle calls out of range
 * faults on the host too; SIGSEGV and alignment faults land back here
 * through cpu->jmp_env, as they do in cpu_exec().
 */
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/backend.h"
#include "core/codebuf.h"
#include "core/guest.h"
#include "core/ir.h"
#include "core/tb.h"
#include "tests/unit/ir_eval.h"
#include "tests/unit/ir_rand.h"

/* The CPU state: the oracle's env bytes follow CpuCommon, so the block's
 * env offsets are moved by offsetof(RandState, env). */
typedef struct RandState {
    CpuCommon common;
    uint64_t restored_pc, restored_extra;
    _Alignas(16) uint8_t env[IR_EVAL_ENV_SIZE];
} RandState;

#define ENV_DELTA ((int32_t)offsetof(RandState, env))
#define NB_BLOCKS 3000

typedef struct RandFixture {
    RandState st;
    uint8_t *guest;           /* guest address 0 */
    uint8_t *reservation;
    size_t reservation_size;
    CodeBuf cb;
} RandFixture;

static RandState *rand_cpu;   /* for the SIGSEGV handler */

static void rand_tb_key(const CpuCommon *cpu, uint64_t *pc, uint32_t *flags)
{
    (void)cpu;
    /* Nothing is ever translated in this process: every lookup misses. */
    *pc = 0x1000;
    *flags = 0;
}

static void rand_restore_state(CpuCommon *cpu, uint64_t pc, uint64_t extra)
{
    RandState *st = (RandState *)cpu;
    st->restored_pc = pc;
    st->restored_extra = extra;
}

static const GuestArch rand_guest = {
    .name = "interp-random",
    .page_size = 4096,
    .cs_arch = -1,
    .state_size = sizeof(RandState),
    .tb_key = rand_tb_key,
    .restore_state = rand_restore_state,
};

static void rand_segv(int sig, siginfo_t *si, void *uc)
{
    (void)sig;
    (void)si;
    (void)uc;
    rand_cpu->common.exception = -1;
    siglongjmp(rand_cpu->common.jmp_env, 2);
}

/* cmocka installs its own SIGSEGV handler around each test: take it back
 * for the duration of one interpreter run. */
static void rand_catch_segv(struct sigaction *old)
{
    struct sigaction sa;

    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = rand_segv;
    sa.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigemptyset(&sa.sa_mask);
    assert_int_equal(sigaction(SIGSEGV, &sa, old), 0);
}

static int rand_setup(void **state)
{
    RandFixture *f = calloc(1, sizeof(*f));
    size_t page = (size_t)sysconf(_SC_PAGESIZE);

    assert_non_null(f);
    exec_init(&rand_guest, &backend_interp, 1 << 20);
    cpu_register(&f->st.common);
    f->reservation_size = page + (1ull << 32) + page;
    f->reservation = mmap(NULL, f->reservation_size, PROT_NONE,
                          MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    assert_true(f->reservation != MAP_FAILED);
    assert_int_equal(mprotect(f->reservation, page, PROT_READ | PROT_WRITE),
                     0);
    f->guest = f->reservation + page - IR_EVAL_MEM_SIZE;
    f->st.common.guest_base = (uintptr_t)f->guest;
    assert_true(codebuf_init(&f->cb, 4 << 20));
    rand_cpu = &f->st;
    *state = f;
    return 0;
}

static int rand_teardown(void **state)
{
    RandFixture *f = *state;
    munmap(f->reservation, f->reservation_size);
    codebuf_destroy(&f->cb);
    cpu_unregister(&f->st.common);
    free(f);
    return 0;
}

/* Moves every env access of b by ENV_DELTA: globals, LD/ST on IR_ENV, and
 * IR_ENV passed to helpers (which get a pointer to st->env instead). */
static void rand_rebase(IrBlock *b, RandState *st)
{
    IrTemp envp = ir_const(b, IR_PTR, (uintptr_t)st->env);

    for (uint32_t t = 0; t < b->nb_temps; t++) {
        if (b->temps[t].kind == IR_TEMP_GLOBAL) {
            b->temps[t].offset += ENV_DELTA;
        }
    }
    for (uint32_t i = 0; i < b->nb_ops; i++) {
        IrOp *op = &b->ops[i];
        if ((op->opc >= IR_LD8U && op->opc <= IR_ST) && op->args[1] == IR_ENV) {
            op->args[2] = (uint64_t)(int64_t)((int32_t)op->args[2] + ENV_DELTA);
        } else if (op->opc == IR_CALL) {
            for (unsigned k = op->nout; k < (unsigned)op->nout + op->nin; k++) {
                if (op->args[k] == IR_ENV) {
                    op->args[k] = envp;
                }
            }
        }
    }
}

typedef enum RandExit {
    RAND_EXIT_TB,
    RAND_EXIT_LOOKUP,
    RAND_FAULT_SEGV,
    RAND_FAULT_ALIGN,
} RandExit;

/* Runs b (already rebased) on the interpreter; *val gets the exit value. */
static RandExit rand_run_interp(RandFixture *f, IrBlock *b, uint64_t *val)
{
    TransBlock *tb = aligned_alloc(8, sizeof(TransBlock));
    volatile RandExit r;
    char err[200];
    struct sigaction old;

    assert_non_null(tb);
    memset(tb, 0, sizeof(*tb));
    if (!ir_validate(b, err, sizeof(err))) {
        fail_msg("invalid block: %s", err);
    }
    if (!backend_interp.gen_code(b, tb, &f->cb)) {
        codebuf_flush(&f->cb);
        assert_true(backend_interp.gen_code(b, tb, &f->cb));
    }
    f->st.common.exception = 0;
    rand_catch_segv(&old);
    switch (sigsetjmp(f->st.common.jmp_env, 1)) {
    case 0: {
        uintptr_t v = backend_interp.exec(&f->st.common, tb);
        *val = v;
        r = v == TB_EXIT_NOCHAIN ? RAND_EXIT_LOOKUP : RAND_EXIT_TB;
        break;
    }
    case 2:
        r = RAND_FAULT_SEGV;
        break;
    default:
        assert_int_equal(f->st.common.exception, EXCP_UNALIGNED);
        *val = f->st.common.excp_addr;
        r = RAND_FAULT_ALIGN;
        break;
    }
    sigaction(SIGSEGV, &old, NULL);
    free(tb);
    return r;
}

typedef enum RandMode {
    RAND_PLAIN,
    RAND_OPTIMIZED,
    RAND_LOWERED,    /* ir_lower_i64 as on a 32-bit host: i32 pairs, split
                        helper calls */
} RandMode;

static const char *const rand_mode_names[] = { "", " (optimized)",
                                               " (lowered)" };

static void rand_check(RandFixture *f, uint64_t seed, RandMode mode)
{
    const char *mname = rand_mode_names[mode];
    uint64_t s = seed;
    IrBlock *b = ir_block_new();
    IrEvalState *ev = calloc(1, sizeof(*ev));
    IrRandOpts o = {
        .nb_ops = 20 + (unsigned)(seed % 80),
        .branches = true,
        .side_effects = true,
        .pct_i64 = 40,
        .no_atomic64 = mode == RAND_LOWERED,
    };
    uint64_t init_seed = seed * 0x9e3779b97f4a7c15ull + 1, val = 0;
    const uint64_t fell_off = 0xfe11fe11fe11ull;
    RandExit r;

    assert_non_null(ev);
    ir_rand_block(b, &s, &o);
    /* A block may end without an exit: give it one both sides see. */
    ir_exit_tb(b, fell_off);
    ir_rand_bytes(ev->env, IR_EVAL_ENV_SIZE, &init_seed);
    ir_rand_bytes(ev->mem, IR_EVAL_MEM_SIZE, &init_seed);
    memcpy(f->st.env, ev->env, IR_EVAL_ENV_SIZE);
    memcpy(f->guest, ev->mem, IR_EVAL_MEM_SIZE);

    ir_eval_run(b, ev, seed);
    if (mode == RAND_OPTIMIZED) {
        ir_optimize(b);
    } else if (mode == RAND_LOWERED) {
        ir_lower_i64(b);
        if (seed % 2) {
            ir_optimize(b);
        }
    }
    rand_rebase(b, &f->st);
    r = rand_run_interp(f, b, &val);

    switch (ev->exit) {
    case IR_EVAL_EXIT_TB:
        if (r != RAND_EXIT_TB || val != ev->exit_val) {
            fail_msg("seed %llu%s: exit_tb 0x%llx expected, got kind %d "
                     "value 0x%llx", (unsigned long long)seed,
                     mname,
                     (unsigned long long)ev->exit_val, (int)r,
                     (unsigned long long)val);
        }
        break;
    case IR_EVAL_EXIT_LOOKUP:
        if (r != RAND_EXIT_LOOKUP) {
            fail_msg("seed %llu%s: exit_lookup expected, got kind %d",
                     (unsigned long long)seed, mname,
                     (int)r);
        }
        break;
    case IR_EVAL_FAULT:
        /* ir_lower_i64 checks an 8-byte alignment by making the first
         * 4-byte half misaligned (address | 1): the fault is right, its
         * address is one byte off (reported to the lower64 owner). */
        if (r == RAND_FAULT_ALIGN && val != ev->exit_val &&
            !(mode == RAND_LOWERED && val == (ev->exit_val | 1))) {
            fail_msg("seed %llu%s: alignment fault at 0x%llx, oracle 0x%llx",
                     (unsigned long long)seed, mname, (unsigned long long)val,
                     (unsigned long long)ev->exit_val);
        }
        if (r != RAND_FAULT_ALIGN && r != RAND_FAULT_SEGV) {
            fail_msg("seed %llu%s: fault at 0x%llx expected, got kind %d",
                     (unsigned long long)seed, mname,
                     (unsigned long long)ev->exit_val, (int)r);
        }
        break;
    default:
        fail_msg("seed %llu%s: oracle exit %d", (unsigned long long)seed,
                 mname, (int)ev->exit);
    }
    /* A fault leaves the state of the instructions before it. */
    for (unsigned i = 0; i < IR_EVAL_ENV_SIZE; i++) {
        if (f->st.env[i] != ev->env[i]) {
            fail_msg("seed %llu%s: env byte %u is 0x%02x, oracle 0x%02x",
                     (unsigned long long)seed, mname,
                     i, f->st.env[i], ev->env[i]);
        }
    }
    for (unsigned i = 0; i < IR_EVAL_MEM_SIZE; i++) {
        if (f->guest[i] != ev->mem[i]) {
            fail_msg("seed %llu%s: guest byte %u is 0x%02x, oracle 0x%02x",
                     (unsigned long long)seed, mname,
                     i, f->guest[i], ev->mem[i]);
        }
    }
    ir_block_free(b);
    free(ev);
}

static void test_random_blocks(void **state)
{
    RandFixture *f = *state;
    for (uint64_t seed = 1; seed <= NB_BLOCKS; seed++) {
        rand_check(f, seed, RAND_PLAIN);
    }
}

static void test_random_blocks_optimized(void **state)
{
    RandFixture *f = *state;
    for (uint64_t seed = 1; seed <= NB_BLOCKS; seed++) {
        rand_check(f, seed, RAND_OPTIMIZED);
    }
}

static void test_random_blocks_lowered(void **state)
{
    RandFixture *f = *state;
    for (uint64_t seed = 1; seed <= NB_BLOCKS; seed++) {
        rand_check(f, seed, RAND_LOWERED);
    }
}

/* An IR_MO_ALIGN fault restores the state of its insn_start through the
 * guest's restore_state (the interpreter passes its own op address as the
 * return address, so cpu_restore_state runs). */
static void test_align_fault_restores(void **state)
{
    RandFixture *f = *state;
    IrBlock *b = ir_block_new();
    IrTemp g0 = ir_global(b, IR_I32, ENV_DELTA, "g0");
    IrTemp a = ir_const(b, IR_I32, 0x21);
    uint64_t val = 0;

    ir_insn_start(b, 0x400, 1);
    ir_movi(b, g0, 7);
    ir_insn_start(b, 0x404, 2);
    ir_guest_ld(b, g0, a, IR_MO_32 | IR_MO_ALIGN);
    ir_movi(b, g0, 9);
    ir_exit_tb(b, 0);
    f->st.restored_pc = 0;
    memset(f->st.env, 0, 4);
    assert_int_equal(rand_run_interp(f, b, &val), RAND_FAULT_ALIGN);
    assert_int_equal(val, 0x21);
    assert_int_equal(f->st.restored_pc, 0x404);
    assert_int_equal(f->st.restored_extra, 2);
    assert_int_equal(f->st.env[0], 7);
    /* exec() was left by siglongjmp: in_interp is still set, as cpu_exec()
     * expects; the next exec() starts clean. */
    ir_block_reset(b);
    ir_movi(b, g0, 5);
    ir_exit_lookup(b);
    assert_int_equal(rand_run_interp(f, b, &val), RAND_EXIT_LOOKUP);
    assert_false(f->st.common.in_interp);
    assert_int_equal(f->st.env[0], 5);
    ir_block_free(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_random_blocks),
        cmocka_unit_test(test_random_blocks_optimized),
        cmocka_unit_test(test_random_blocks_lowered),
        cmocka_unit_test(test_align_fault_restores),
    };
    return cmocka_run_group_tests(tests, rand_setup, rand_teardown);
}

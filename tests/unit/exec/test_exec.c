/* tests/unit/exec/test_exec.c — the execution side of core/ (translator
 * loop, block cache, chaining, invalidation, flushes, exits, exclusive
 * sections, precise exceptions) driven through the toy guest.
 * Usage: test_exec <interp|x86_64> <main|tiny>; exec_init() is once per
 * process, so meson runs each backend and buffer size as its own process.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "core/backend.h"
#include "core/exec.h"
#include "core/exec_internal.h"
#include "core/log.h"
#include "core/tb.h"
#include "toy_guest.h"

#define GUEST_MEM_SIZE (1u << 20)
#define TINY_CODE_SIZE (64u * 1024)

static uint8_t *guest_mem;
static bool tiny_mode;

/* ---- Helpers --------------------------------------------------------- */

static void toy_cpu_init(ToyState *s)
{
    memset(s, 0, sizeof(*s));
    s->common.guest_base = (uintptr_t)guest_mem;
    cpu_register(&s->common);
}

static void toy_cpu_fini(ToyState *s)
{
    cpu_unregister(&s->common);
}

/* Writes code at guest addr and drops any block translated from there. */
static void toy_write(uint32_t addr, const uint32_t *code, size_t n)
{
    memcpy(guest_mem + addr, code, n * 4);
    tb_invalidate_range(addr, addr + n * 4);
}

/* Runs from pc until an exception other than EXCP_INTERRUPT. */
static int toy_run(ToyState *s, uint32_t pc)
{
    int r;

    s->pc = pc;
    do {
        r = cpu_exec(&s->common);
    } while (r == EXCP_INTERRUPT);
    return r;
}

/* Writes the counting loop at addr: r2 = n + (n-1) + ... + 1, then halt. */
static uint32_t toy_write_sum_loop(uint32_t addr, uint16_t n)
{
    uint32_t code[6] = {
        toy_insn(TOY_MOVI, 1, 0, n),
        toy_insn(TOY_MOVI, 2, 0, 0),
        toy_insn(TOY_ADD, 2, 1, 0),
        toy_insn(TOY_ADDI, 1, 0, -1),
        toy_insn(TOY_BNEZ, 0, 1, toy_off(addr + 16, addr + 8)),
        toy_insn(TOY_HALT, 0, 0, 7),
    };
    toy_write(addr, code, 6);
    return addr + 20;   /* the halt */
}

/* ---- Tests that need no backend -------------------------------------- */

static void test_insn_map(void **state)
{
    CodeBuf cb;
    TransBlock tb;
    TbInsnMark marks[5] = {
        { 4, 0x1000, 0 },
        { 20, 0x1004, 7 },
        { 300, 0x0ff0, 1ull << 40 },     /* pc going back, big extra */
        { 301, 0xfffffff0ull, 3 },
        { 5000, 0x10, 0 },
    };
    uint64_t pc = 0, extra = 0;

    (void)state;
    assert_true(codebuf_init(&cb, 4096));
    memset(&tb, 0, sizeof(tb));
    tb.pc = 0x1000;
    tb.code = cb.rx + 64;
    tb.code_size = 6000;
    assert_true(tb_set_insn_map(&tb, &cb, marks, 5));
    assert_true(tb.insn_map_len < 5 * 8);

    /* Return addresses: the insn whose code starts strictly below. */
    assert_false(tb_find_insn(&tb, (uintptr_t)tb.code + 4, &pc, &extra));
    assert_true(tb_find_insn(&tb, (uintptr_t)tb.code + 5, &pc, &extra));
    assert_int_equal(pc, 0x1000);
    assert_int_equal(extra, 0);
    assert_true(tb_find_insn(&tb, (uintptr_t)tb.code + 20, &pc, &extra));
    assert_int_equal(pc, 0x1000);
    assert_true(tb_find_insn(&tb, (uintptr_t)tb.code + 21, &pc, &extra));
    assert_int_equal(pc, 0x1004);
    assert_int_equal(extra, 7);
    assert_true(tb_find_insn(&tb, (uintptr_t)tb.code + 301, &pc, &extra));
    assert_int_equal(pc, 0x0ff0);
    assert_int_equal(extra, 1ull << 40);
    assert_true(tb_find_insn(&tb, (uintptr_t)tb.code + 302, &pc, &extra));
    assert_int_equal(pc, 0xfffffff0ull);
    assert_int_equal(extra, 3);
    assert_true(tb_find_insn(&tb, (uintptr_t)tb.code + 5999, &pc, &extra));
    assert_int_equal(pc, 0x10);
    assert_false(tb_find_insn(&tb, (uintptr_t)tb.code + 7000, &pc, &extra));

    /* A full buffer refuses. */
    cb.used = cb.size - 10;
    assert_false(tb_set_insn_map(&tb, &cb, marks, 5));
    codebuf_destroy(&cb);
}

/* ---- Execution ------------------------------------------------------- */

static void test_loop_and_chaining(void **state)
{
    ToyState s;
    TbStats before, after;
    uint32_t halt_pc;

    (void)state;
    toy_cpu_init(&s);
    halt_pc = toy_write_sum_loop(0x1000, 1000);
    tb_get_stats(&before);
    assert_int_equal(toy_run(&s, 0x1000), TOY_EXCP_HALT);
    tb_get_stats(&after);
    assert_int_equal(s.regs[2], 500500);
    assert_int_equal(s.regs[1], 0);
    assert_int_equal(s.halt_code, 7);
    assert_int_equal(s.pc, halt_pc);
    assert_true(after.translated > before.translated);
    if (!log_enabled(LOG_NOCHAIN)) {
        assert_true(after.chained > before.chained);
    }

    /* Again: everything is cached now. */
    tb_get_stats(&before);
    assert_int_equal(toy_run(&s, 0x1000), TOY_EXCP_HALT);
    tb_get_stats(&after);
    assert_int_equal(s.regs[2], 500500);
    if (!tiny_mode) {
        assert_int_equal(after.translated, before.translated);
    }
    toy_cpu_fini(&s);
}

static void test_jump_cache(void **state)
{
    ToyState s;
    TransBlock *tb, *again;
    bool in_cache = false;

    (void)state;
    if (tiny_mode) {
        skip();
    }
    toy_cpu_init(&s);
    toy_write_sum_loop(0x1400, 10);
    assert_int_equal(toy_run(&s, 0x1400), TOY_EXCP_HALT);
    assert_int_equal(s.regs[2], 55);

    /* The loop body block ran, so it sits in this cpu's jump cache. */
    tb = tb_lookup(&s.common, 0x1408, 0);
    assert_non_null(tb);
    assert_int_equal(tb->pc, 0x1408);
    for (uint32_t i = 0; i < EMU_JMP_CACHE_SIZE; i++) {
        in_cache |= s.common.jmp_cache[i] == tb;
    }
    assert_true(in_cache);

    /* Emptied, the cache refills from the shared table. */
    memset(s.common.jmp_cache, 0, EMU_JMP_CACHE_SIZE * sizeof(TransBlock *));
    again = tb_lookup(&s.common, 0x1408, 0);
    assert_ptr_equal(again, tb);
    in_cache = false;
    for (uint32_t i = 0; i < EMU_JMP_CACHE_SIZE; i++) {
        in_cache |= s.common.jmp_cache[i] == tb;
    }
    assert_true(in_cache);
    /* A key with other flags is another block. */
    assert_null(tb_lookup(&s.common, 0x1408, 1));
    toy_cpu_fini(&s);
}

static void test_indirect_jumps(void **state)
{
    ToyState s;
    const uint32_t main_pc = 0x2000, sub_pc = 0x2800;
    uint32_t code[] = {
        toy_insn(TOY_MOVI, 3, 0, sub_pc),
        toy_insn(TOY_MOVI, 4, 0, 100),
        /* loop: r7 = return address, call sub */
        toy_insn(TOY_MOVI, 7, 0, main_pc + 20),
        toy_insn(TOY_JR, 0, 3, 0),
        toy_insn(TOY_HALT, 0, 0, 1),              /* never reached */
        toy_insn(TOY_ADDI, 4, 0, -1),             /* main_pc + 20 */
        toy_insn(TOY_BNEZ, 0, 4, toy_off(main_pc + 24, main_pc + 8)),
        toy_insn(TOY_HALT, 0, 0, 2),
    };
    uint32_t sub[] = {
        toy_insn(TOY_ADDI, 1, 0, 5),
        toy_insn(TOY_JR, 0, 7, 0),
    };

    (void)state;
    toy_cpu_init(&s);
    toy_write(main_pc, code, sizeof(code) / 4);
    toy_write(sub_pc, sub, 2);
    assert_int_equal(toy_run(&s, main_pc), TOY_EXCP_HALT);
    assert_int_equal(s.halt_code, 2);
    assert_int_equal(s.regs[1], 500);
    assert_int_equal(s.pc, main_pc + 28);
    toy_cpu_fini(&s);
}

/* The same code entered through EXIT_LOOKUP in four modes (block flags
 * 0-3): each run must use the block translated for its mode, which the
 * JIT's inline jump-cache probe tells apart by the key layout. */
static void test_lookup_modes(void **state)
{
    ToyState s;
    const uint32_t main_pc = 0xe000, sub_pc = 0xe800;
    static const uint16_t modes[8] = {
        0, 1, 0x10, 0x11, 0x11, 0x10, 1, 0,
    };
    uint32_t code[8 * 4 + 1];
    uint32_t sub[] = {
        toy_insn(TOY_ADDI, 1, 0, 1),      /* r1 += 1 << flags */
        toy_insn(TOY_JR, 0, 7, 0),
    };
    unsigned n = 0;

    (void)state;
    for (unsigned i = 0; i < 8; i++) {
        uint32_t ret = main_pc + 4 * (n + 4);
        code[n++] = toy_insn(TOY_MODE, 0, 0, modes[i]);
        code[n++] = toy_insn(TOY_MOVI, 7, 0, (int32_t)ret);
        code[n++] = toy_insn(TOY_MOVI, 3, 0, sub_pc);
        code[n++] = toy_insn(TOY_JR, 0, 3, 0);
    }
    code[n++] = toy_insn(TOY_HALT, 0, 0, 3);
    toy_cpu_init(&s);
    toy_write(main_pc, code, n);
    toy_write(sub_pc, sub, 2);
    for (unsigned rep = 0; rep < 3; rep++) {
        s.regs[1] = 0;
        s.mode = 0;
        assert_int_equal(toy_run(&s, main_pc), TOY_EXCP_HALT);
        assert_int_equal(s.halt_code, 3);
        /* Twice each of 1, 2, 4 and 8. */
        assert_int_equal(s.regs[1], 30);
    }
    toy_cpu_fini(&s);
}

static void test_memory(void **state)
{
    ToyState s;
    uint32_t code[] = {
        toy_insn(TOY_MOVI, 1, 0, 0x8000),
        toy_insn(TOY_LD, 2, 1, 4),
        toy_insn(TOY_ADDI, 2, 0, 1),
        toy_insn(TOY_ST, 2, 1, 8),
        toy_insn(TOY_HALT, 0, 0, 0),
    };
    uint32_t v = 41, out = 0;

    (void)state;
    toy_cpu_init(&s);
    memcpy(guest_mem + 0x8004, &v, 4);
    toy_write(0x2400, code, 5);
    assert_int_equal(toy_run(&s, 0x2400), TOY_EXCP_HALT);
    memcpy(&out, guest_mem + 0x8008, 4);
    assert_int_equal(s.regs[2], 42);
    assert_int_equal(out, 42);
    toy_cpu_fini(&s);
}

static void test_invalidate(void **state)
{
    ToyState s;
    TbStats before, after;
    uint32_t code[] = {
        toy_insn(TOY_MOVI, 1, 0, 7),
        toy_insn(TOY_HALT, 0, 0, 0),
    };

    (void)state;
    toy_cpu_init(&s);
    toy_write(0x3000, code, 2);
    assert_int_equal(toy_run(&s, 0x3000), TOY_EXCP_HALT);
    assert_int_equal(s.regs[1], 7);
    assert_true(tb_page_has_code(0x3000));

    /* Changed code in memory is not seen until invalidated... */
    code[0] = toy_insn(TOY_MOVI, 1, 0, 9);
    memcpy(guest_mem + 0x3000, code, 4);
    assert_int_equal(toy_run(&s, 0x3000), TOY_EXCP_HALT);
    assert_int_equal(s.regs[1], 7);
    /* ...and is after. */
    tb_get_stats(&before);
    tb_invalidate_range(0x3000, 0x3004);
    tb_get_stats(&after);
    assert_true(after.invalidated > before.invalidated);
    assert_false(tb_page_has_code(0x3000));
    assert_null(tb_lookup(&s.common, 0x3000, 0));
    assert_int_equal(toy_run(&s, 0x3000), TOY_EXCP_HALT);
    assert_int_equal(s.regs[1], 9);
    toy_cpu_fini(&s);
}

static void test_invalidate_chained(void **state)
{
    ToyState s;
    const uint32_t a = 0x3100, b = 0x4000;   /* b on another page */
    uint32_t code_a[] = {
        toy_insn(TOY_ADDI, 1, 0, 1),
        toy_insn(TOY_J, 0, 0, toy_off(a + 4, b)),
    };
    uint32_t code_b[] = {
        toy_insn(TOY_ADDI, 2, 0, 1),
        toy_insn(TOY_HALT, 0, 0, 0),
    };
    TransBlock *tb_a;

    (void)state;
    toy_cpu_init(&s);
    toy_write(a, code_a, 2);
    toy_write(b, code_b, 2);
    /* The first run chains a to b, the second runs the chain. */
    assert_int_equal(toy_run(&s, a), TOY_EXCP_HALT);
    assert_int_equal(toy_run(&s, a), TOY_EXCP_HALT);
    assert_int_equal(s.regs[1], 2);
    assert_int_equal(s.regs[2], 2);
    tb_a = tb_lookup(&s.common, a, 0);
    assert_non_null(tb_a);
    if (!log_enabled(LOG_NOCHAIN)) {
        assert_non_null(atomic_load(&tb_a->jmp_dest[0]));
    }

    /* New code at b: the jump from a must be unchained. */
    code_b[0] = toy_insn(TOY_ADDI, 2, 0, 10);
    toy_write(b, code_b, 2);
    assert_null(atomic_load(&tb_a->jmp_dest[0]));
    assert_false(atomic_load(&tb_a->invalid));
    assert_int_equal(toy_run(&s, a), TOY_EXCP_HALT);
    assert_int_equal(s.regs[1], 3);
    assert_int_equal(s.regs[2], 12);
    toy_cpu_fini(&s);
}

static void test_precise_restore(void **state)
{
    ToyState s;
    uint32_t code[] = {
        toy_insn(TOY_MOVI, 1, 0, 5),
        toy_insn(TOY_ADDI, 1, 0, 1),
        toy_insn(TOY_TRAP, 0, 0, 0),
        toy_insn(TOY_ADDI, 1, 0, 100),
        toy_insn(TOY_HALT, 0, 0, 0),
    };

    (void)state;
    toy_cpu_init(&s);
    toy_write(0x5100, code, 5);
    assert_int_equal(toy_run(&s, 0x5100), TOY_EXCP_TRAP);
    assert_int_equal(s.pc, 0x5108);
    assert_int_equal(s.last_extra, code[2]);
    assert_int_equal(s.regs[1], 6);
    toy_cpu_fini(&s);
}

static void test_unaligned(void **state)
{
    ToyState s;
    uint32_t code[] = {
        toy_insn(TOY_MOVI, 1, 0, 0x8001),
        toy_insn(TOY_ADDI, 2, 0, 3),
        toy_insn(TOY_LDA, 3, 1, 0),
        toy_insn(TOY_HALT, 0, 0, 0),
    };

    (void)state;
    toy_cpu_init(&s);
    toy_write(0x5200, code, 4);
    assert_int_equal(toy_run(&s, 0x5200), EXCP_UNALIGNED);
    assert_int_equal(s.common.excp_addr, 0x8001);
    assert_int_equal(s.pc, 0x5208);
    assert_int_equal(s.regs[2], 3);
    toy_cpu_fini(&s);
}

static void test_no_wx_mapping(void **state)
{
    ToyState s;
    uint32_t code[] = {
        toy_insn(TOY_MAPS, 0, 0, 0),
        toy_insn(TOY_HALT, 0, 0, 0),
    };

    (void)state;
    toy_cpu_init(&s);
    toy_write(0x5300, code, 2);
    assert_int_equal(toy_run(&s, 0x5300), TOY_EXCP_HALT);
    assert_int_equal(s.maps_calls, 1);
    assert_int_equal(s.wx_result, 2);
    toy_cpu_fini(&s);
}

static uint32_t fetch_limit;

static bool toy_code_readable(uint64_t addr, size_t len)
{
    return addr + len <= fetch_limit;
}

static void test_fetch_fault(void **state)
{
    ToyState s;
    uint32_t code[] = {
        toy_insn(TOY_ADDI, 1, 0, 1),
        toy_insn(TOY_ADDI, 1, 0, 1),
        toy_insn(TOY_HALT, 0, 0, 0),   /* not fetchable */
    };
    TransBlock *tb;

    (void)state;
    toy_cpu_init(&s);
    toy_write(0x6008, code, 3);
    fetch_limit = 0x6010;
    guest_code_readable = toy_code_readable;
    /* The block stops before the unreadable insn; the next one faults. */
    assert_int_equal(toy_run(&s, 0x6008), EXCP_FETCH_FAULT);
    guest_code_readable = NULL;
    assert_int_equal(s.common.excp_addr, 0x6010);
    assert_int_equal(s.pc, 0x6010);
    assert_int_equal(s.regs[1], 2);
    tb = tb_lookup(&s.common, 0x6008, 0);
    assert_non_null(tb);
    assert_int_equal(tb->ninsns, 2);
    assert_int_equal(tb->guest_size, 8);
    assert_null(tb_lookup(&s.common, 0x6010, 0));

    /* Readable again: the translation works, blocks are fine. */
    tb_invalidate_range(0x6008, 0x6014);
    assert_int_equal(toy_run(&s, 0x6008), TOY_EXCP_HALT);
    assert_int_equal(s.regs[1], 4);
    toy_cpu_fini(&s);
}

static uint64_t pages_added[8];
static unsigned npages_added;

static void record_page_added(uint64_t page)
{
    if (npages_added < 8) {
        pages_added[npages_added] = page;
    }
    npages_added++;
}

static void test_page_boundary_and_max_insns(void **state)
{
    ToyState s;
    uint32_t code[] = {
        toy_insn(TOY_ADDI, 1, 0, 1),
        toy_insn(TOY_ADDI, 1, 0, 1),
        toy_insn(TOY_ADDI, 1, 0, 1),      /* 0xb000: next page */
        toy_insn(TOY_ADDI, 1, 0, 1),
        toy_insn(TOY_HALT, 0, 0, 0),
    };
    TransBlock *tb;

    (void)state;
    if (tiny_mode) {
        skip();
    }
    toy_cpu_init(&s);
    toy_write(0xaff8, code, 5);
    npages_added = 0;
    tb_page_added_hook = record_page_added;
    assert_int_equal(toy_run(&s, 0xaff8), TOY_EXCP_HALT);
    tb_page_added_hook = NULL;
    /* Each page reported once, when its first block appeared. */
    assert_int_equal(npages_added, 2);
    assert_int_equal(pages_added[0], 0xa000);
    assert_int_equal(pages_added[1], 0xb000);
    assert_int_equal(s.regs[1], 4);
    tb = tb_lookup(&s.common, 0xaff8, 0);
    assert_non_null(tb);
    assert_int_equal(tb->guest_size, 8);
    assert_int_equal(tb->page_addr[0], 0xa000);
    assert_int_equal(tb->page_addr[1], (uint64_t)-1);
    assert_true(tb_page_has_code(0xb000));

    /* One instruction a block (single-step). */
    toy_write(0xc000, code, 5);
    translate_set_max_insns(1);
    assert_int_equal(toy_run(&s, 0xc000), TOY_EXCP_HALT);
    translate_set_max_insns(0);
    assert_int_equal(s.regs[1], 8);
    tb = tb_lookup(&s.common, 0xc004, 0);
    assert_non_null(tb);
    assert_int_equal(tb->ninsns, 1);
    toy_cpu_fini(&s);
}

static void test_log_output(void **state)
{
    ToyState s;
    char path[] = "/tmp/emu-test-log-XXXXXX";
    char err[200], buf[1 << 16];
    int fd = mkstemp(path);
    uint32_t saved_mask = log_mask;
    FILE *f;
    size_t n;

    (void)state;
    if (tiny_mode) {
        skip();
    }
    assert_true(fd >= 0);
    close(fd);
    toy_cpu_init(&s);
    assert_true(log_set_file(path, err, sizeof(err)));
    log_set_mask(LOG_IN_ASM | LOG_OP | LOG_OP_OPT | LOG_OUT_ASM | LOG_EXEC |
                 LOG_CPU);
    toy_write_sum_loop(0xd000, 3);
    assert_int_equal(toy_run(&s, 0xd000), TOY_EXCP_HALT);
    log_set_mask(saved_mask);
    assert_true(log_set_file(NULL, err, sizeof(err)));
    f = fopen(path, "r");
    assert_non_null(f);
    n = fread(buf, 1, sizeof(buf) - 1, f);
    buf[n] = 0;
    fclose(f);
    unlink(path);
    assert_non_null(strstr(buf, "IN: pc 0xd000"));
    assert_non_null(strstr(buf, "OP: pc 0xd000"));
    assert_non_null(strstr(buf, "OP after optimization: pc 0xd000"));
    assert_non_null(strstr(buf, "Trace"));
    assert_non_null(strstr(buf, "pc=0000d008"));
    if (exec_backend()->jit) {
        assert_non_null(strstr(buf, "OUT: pc 0xd000"));
    }
    toy_cpu_fini(&s);
}

/* ---- Threads --------------------------------------------------------- */

typedef struct SpinJob {
    ToyState s;
    int result;
} SpinJob;

static void *spin_thread(void *opaque)
{
    SpinJob *job = opaque;

    job->s.pc = 0x7000;
    job->result = cpu_exec(&job->s.common);
    return NULL;
}

static void test_exit_request(void **state)
{
    SpinJob job;
    pthread_t th;
    uint32_t code[] = {
        toy_insn(TOY_ADDI, 1, 0, 1),
        toy_insn(TOY_J, 0, 0, toy_off(0x7004, 0x7000)),
    };
    TbStats before, after;

    (void)state;
    toy_cpu_init(&job.s);
    toy_write(0x7000, code, 2);
    tb_get_stats(&before);
    assert_int_equal(pthread_create(&th, NULL, spin_thread, &job), 0);
    /* Wait until the loop has gone round many times (so it is chained),
     * then kick it. */
    while (__atomic_load_n(&job.s.regs[1], __ATOMIC_RELAXED) < 100000) {
        sched_yield();
    }
    cpu_exit(&job.s.common);
    pthread_join(th, NULL);
    tb_get_stats(&after);
    assert_int_equal(job.result, EXCP_INTERRUPT);
    assert_int_equal(job.s.common.exception, EXCP_INTERRUPT);
    assert_int_equal(job.s.common.exit_request, 0);
    assert_true(job.s.regs[1] >= 100000);
    if (!log_enabled(LOG_NOCHAIN) && !tiny_mode) {
        assert_true(after.chained > before.chained);
    }
    toy_cpu_fini(&job.s);
}

#define NWORKERS 4

typedef struct Workers {
    ToyState cpu[NWORKERS];
    uint32_t pc;
    uint32_t expect_r2;   /* sum loop: r2 at halt; chain: r1 at halt */
    uint32_t expect_probes;
    unsigned rounds;
    unsigned min_sections;
    bool chain;           /* run the block chain instead of the sum loop */
    _Atomic unsigned done;
    _Atomic unsigned bad;
    _Atomic unsigned violations;
    _Atomic unsigned sections;
} Workers;

typedef struct WorkerArg {
    Workers *w;
    unsigned idx;
} WorkerArg;

static void *worker_thread(void *opaque)
{
    WorkerArg *a = opaque;
    Workers *w = a->w;
    ToyState *s = &w->cpu[a->idx];

    /* Rounds go on until the exclusive thread has had its sections too. */
    for (unsigned r = 0; r < w->rounds ||
                         atomic_load(&w->sections) < w->min_sections;
         r++) {
        int excp;
        memset(s->regs, 0, sizeof(s->regs));
        s->probe_calls = 0;
        excp = toy_run(s, w->pc);
        if (excp != TOY_EXCP_HALT ||
            (w->chain ? s->regs[1] : s->regs[2]) != w->expect_r2 ||
            (!w->chain && s->probe_calls != w->expect_probes)) {
            if (atomic_fetch_add(&w->bad, 1) < 5) {
                fprintf(stderr, "worker %u round %u: exception %d pc %x "
                        "r1 %u r2 %u probes %u\n", a->idx, r, excp, s->pc, s->regs[1],
                        s->regs[2], s->probe_calls);
            }
        }
    }
    atomic_fetch_add(&w->done, 1);
    return NULL;
}

/* Holds exclusive sections back to back, flushing inside and between
 * them; guest code that runs inside one is counted by TOY_PROBE. */
static void *exclusive_thread(void *opaque)
{
    Workers *w = opaque;

    while (atomic_load(&w->done) < NWORKERS) {
        start_exclusive();
        toy_in_exclusive = 1;
        for (volatile int spin = 0; spin < 20000; spin++) {
        }
        tb_flush();     /* nested: the section is this thread's */
        toy_in_exclusive = 0;
        end_exclusive();
        tb_flush();
        atomic_fetch_add(&w->sections, 1);
        sched_yield();
    }
    return NULL;
}

static void run_workers(Workers *w, bool with_exclusive)
{
    pthread_t th[NWORKERS], ex;
    WorkerArg args[NWORKERS];

    for (unsigned i = 0; i < NWORKERS; i++) {
        toy_cpu_init(&w->cpu[i]);
    }
    for (unsigned i = 0; i < NWORKERS; i++) {
        args[i].w = w;
        args[i].idx = i;
        assert_int_equal(pthread_create(&th[i], NULL, worker_thread, &args[i]),
                         0);
    }
    if (with_exclusive) {
        assert_int_equal(pthread_create(&ex, NULL, exclusive_thread, w), 0);
    }
    for (unsigned i = 0; i < NWORKERS; i++) {
        pthread_join(th[i], NULL);
    }
    if (with_exclusive) {
        pthread_join(ex, NULL);
    }
    for (unsigned i = 0; i < NWORKERS; i++) {
        w->violations += w->cpu[i].probe_violations;
        toy_cpu_fini(&w->cpu[i]);
    }
}

static void test_exclusive_sections(void **state)
{
    Workers *w = calloc(1, sizeof(*w));
    TbStats before, after;
    uint32_t code[] = {
        toy_insn(TOY_MOVI, 1, 0, 300),
        toy_insn(TOY_MOVI, 2, 0, 0),
        toy_insn(TOY_PROBE, 0, 0, 0),
        toy_insn(TOY_ADD, 2, 1, 0),
        toy_insn(TOY_ADDI, 1, 0, -1),
        toy_insn(TOY_BNEZ, 0, 1, toy_off(0x9014, 0x9008)),
        toy_insn(TOY_HALT, 0, 0, 0),
    };

    assert_non_null(w);
    toy_write(0x9000, code, 7);
    w->pc = 0x9000;
    w->expect_r2 = 300 * 301 / 2;
    w->expect_probes = 300;
    w->min_sections = 50;
    w->rounds = 300;
    tb_get_stats(&before);
    run_workers(w, true);
    tb_get_stats(&after);
    assert_int_equal(atomic_load(&w->bad), 0);
    assert_int_equal(atomic_load(&w->violations), 0);
    (void)state;
    assert_true(atomic_load(&w->sections) >= w->min_sections);
    assert_true(after.flushes >= before.flushes + 2 * atomic_load(&w->sections));
    free(w);
}

/* A straight chain of `n` one-jump blocks at addr, then halt: r1 = n. */
static void toy_write_block_chain(uint32_t addr, unsigned n)
{
    uint32_t *code = calloc(2 * n + 1, 4);

    assert_non_null(code);
    for (unsigned i = 0; i < n; i++) {
        code[2 * i] = toy_insn(TOY_ADDI, 1, 0, 1);
        code[2 * i + 1] = toy_insn(TOY_J, 0, 0, 0);
    }
    code[2 * n] = toy_insn(TOY_HALT, 0, 0, 0);
    toy_write(addr, code, 2 * n + 1);
    free(code);
}

static void test_flush_when_full(void **state)
{
    ToyState s;
    TbStats before, after;

    (void)state;
    toy_cpu_init(&s);
    toy_write_block_chain(0x10000, 4000);
    tb_get_stats(&before);
    assert_int_equal(toy_run(&s, 0x10000), TOY_EXCP_HALT);
    tb_get_stats(&after);
    assert_int_equal(s.regs[1], 4000);
    assert_true(after.flushes > before.flushes);
    toy_cpu_fini(&s);
}

static void test_flush_under_load(void **state)
{
    Workers *w = calloc(1, sizeof(*w));
    TbStats before, after;

    (void)state;
    assert_non_null(w);
    toy_write_block_chain(0x20000, 3000);
    w->pc = 0x20000;
    w->chain = true;
    w->expect_r2 = 3000;
    w->rounds = 4;
    tb_get_stats(&before);
    run_workers(w, false);
    tb_get_stats(&after);
    assert_int_equal(atomic_load(&w->bad), 0);
    assert_true(after.flushes > before.flushes + 4);
    free(w);
}

/* ---- Main ------------------------------------------------------------ */

static const HostBackend *test_pick_backend(const char *name)
{
    if (strcmp(name, "interp") == 0) {
        return &backend_interp;
    }
#ifdef EMU_HOST_X86_64
    if (strcmp(name, "x86_64") == 0) {
        return &backend_x86_64;
    }
#endif
    return NULL;
}

int main(int argc, char **argv)
{
    const struct CMUnitTest main_tests[] = {
        cmocka_unit_test(test_insn_map),
        cmocka_unit_test(test_loop_and_chaining),
        cmocka_unit_test(test_jump_cache),
        cmocka_unit_test(test_indirect_jumps),
        cmocka_unit_test(test_lookup_modes),
        cmocka_unit_test(test_memory),
        cmocka_unit_test(test_invalidate),
        cmocka_unit_test(test_invalidate_chained),
        cmocka_unit_test(test_precise_restore),
        cmocka_unit_test(test_unaligned),
        cmocka_unit_test(test_no_wx_mapping),
        cmocka_unit_test(test_fetch_fault),
        cmocka_unit_test(test_page_boundary_and_max_insns),
        cmocka_unit_test(test_log_output),
        cmocka_unit_test(test_exit_request),
        cmocka_unit_test(test_exclusive_sections),
    };
    const struct CMUnitTest tiny_tests[] = {
        cmocka_unit_test(test_loop_and_chaining),
        cmocka_unit_test(test_flush_when_full),
        cmocka_unit_test(test_flush_under_load),
        cmocka_unit_test(test_exit_request),
        cmocka_unit_test(test_precise_restore),
        cmocka_unit_test(test_exclusive_sections),
    };
    const HostBackend *be;

    if (argc != 3 || (strcmp(argv[2], "main") && strcmp(argv[2], "tiny"))) {
        fprintf(stderr, "usage: %s <interp|x86_64> <main|tiny>\n", argv[0]);
        return 2;
    }
    be = test_pick_backend(argv[1]);
    if (!be) {
        printf("backend %s not built on this host: skipped\n", argv[1]);
        return 77;
    }
    tiny_mode = strcmp(argv[2], "tiny") == 0;
    guest_mem = mmap(NULL, GUEST_MEM_SIZE, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (guest_mem == MAP_FAILED) {
        perror("mmap");
        return 1;
    }
    if (getenv("EMU_TEST_NOCHAIN")) {
        log_set_mask(LOG_NOCHAIN);
    }
    exec_init(&toy_guest, be, tiny_mode ? TINY_CODE_SIZE : 0);
    if (tiny_mode) {
        return cmocka_run_group_tests_name("exec-tiny", tiny_tests, NULL, NULL);
    }
    return cmocka_run_group_tests_name("exec", main_tests, NULL, NULL);
}

/* tests/unit/mips/test_mips.c — the MIPS32r2 frontend through cpu_exec():
 * raw instruction words in guest memory (in the byte order under test),
 * registers in, run until an exception, registers, exception details
 * and memory out. Covers the ALU, branches and delay slots (likely
 * annulment, links seen by the slot, exceptions in a slot reporting the
 * branch with bd, a branch in a slot), misaligned jumps, LL/SC, traps,
 * loads/stores incl. LWL/LWR/SWL per byte order, and the FPU.
 * Usage: test_mips <interp|x86_64> <be|el>; exec_init() is once per
 * process, so meson runs each combination as its own process.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "core/backend.h"
#include "core/exec.h"
#include "core/tb.h"
#include "frontend/mips/cpu.h"

#define GUEST_MEM_SIZE (4u << 20)
#define DATA 0x100000u

static uint8_t *guest_mem;
static bool big_endian;

static void put32(uint32_t addr, uint32_t v)
{
    for (int i = 0; i < 4; i++) {
        guest_mem[addr + (uint32_t)i] =
            (uint8_t)(v >> (big_endian ? 24 - 8 * i : 8 * i));
    }
}

static uint32_t get32(uint32_t addr)
{
    uint32_t v = 0;

    for (int i = 0; i < 4; i++) {
        v |= (uint32_t)guest_mem[addr + (uint32_t)i]
             << (big_endian ? 24 - 8 * i : 8 * i);
    }
    return v;
}

/* Instruction words in the guest's byte order; translations of the
 * range are dropped. */
static void write_code(uint32_t addr, const uint32_t *code, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        put32(addr + 4 * (uint32_t)i, code[i]);
    }
    tb_invalidate_range(addr, addr + n * 4);
}

static void cpu_setup(MipsState *s, uint32_t features)
{
    memset(s, 0, sizeof(*s));
    mips_cpu_reset(s, big_endian, features);
    s->common.guest_base = (uintptr_t)guest_mem;
    cpu_register(&s->common);
}

static int run_from(MipsState *s, uint32_t pc)
{
    int r;

    s->pc = pc;
    do {
        r = cpu_exec(&s->common);
    } while (r == EXCP_INTERRUPT);
    cpu_unregister(&s->common);
    return r;
}

#define FULL (MIPS_FEATURE_FPU | MIPS_FEATURE_R2)

/* ---- ALU ----------------------------------------------------------------- */

static void test_alu(void **state)
{
    static const uint32_t code[] = {
        0x00851021, /* addu v0,a0,a1 */
        0x00851823, /* subu v1,a0,a1 */
        0x00a43004, /* sllv a2,a0,a1 */
        0x00243a02, /* rotr a3,a0,8 */
        0x7c883900, /* ext t0,a0,4,8 */
        0x7c89bc04, /* ins t1,a0,16,8 */
        0x7c045420, /* seb t2,a0 */
        0x7c0458a0, /* wsbh t3,a0 */
        0x70ac6020, /* clz t4,a1 */
        0x70856802, /* mul t5,a0,a1 */
        0x00850019, /* multu a0,a1 */
        0x70850000, /* madd a0,a1 */
        0x0085700b, /* movn t6,a0,a1 */
        0x000048cc, /* syscall 0x123 */
    };
    MipsState s;

    (void)state;
    write_code(0x10000, code, 14);
    cpu_setup(&s, FULL);
    s.gpr[4] = 0x12345678;
    s.gpr[5] = 3;
    s.gpr[9] = 0xaaaaaaaa;
    s.gpr[14] = 0x55;
    assert_int_equal(run_from(&s, 0x10000), MIPS_EXCP_SYSCALL);
    assert_int_equal(s.gpr[2], 0x1234567b);
    assert_int_equal(s.gpr[3], 0x12345675);
    assert_int_equal(s.gpr[6], 0x91a2b3c0);
    assert_int_equal(s.gpr[7], 0x78123456);
    assert_int_equal(s.gpr[8], 0x67);
    assert_int_equal(s.gpr[9], 0xaa78aaaa);
    assert_int_equal(s.gpr[10], 0x78);
    assert_int_equal(s.gpr[11], 0x34127856);
    assert_int_equal(s.gpr[12], 30);
    assert_int_equal(s.gpr[13], 0x369d0368);
    assert_int_equal(s.hi, 0);
    assert_int_equal(s.lo, 0x6d3a06d0);
    assert_int_equal(s.gpr[14], 0x12345678);
    /* SYSCALL: pc past it, the code field for the runtime. */
    assert_int_equal(s.pc, 0x10000 + 14 * 4);
    assert_int_equal(s.excp_info, 0x123);
    assert_int_equal(s.gpr[0], 0);
}

/* A release 1 model (4Kc) has no EXT: reserved instruction. */
static void test_r1_model(void **state)
{
    static const uint32_t code[] = { 0x7c883900, 0x0000000c };
    MipsState s;

    (void)state;
    write_code(0x11000, code, 2);
    cpu_setup(&s, 0);
    assert_int_equal(run_from(&s, 0x11000), MIPS_EXCP_RI);
    assert_int_equal(s.pc, 0x11000);
    assert_int_equal(s.excp_info, 0x7c883900);
}

/* ---- Branches and delay slots ---------------------------------------------- */

static void test_branches(void **state)
{
    const uint32_t b = 0x12000;
    const uint32_t code[] = {
        0x10850002, /* beq a0,a1,+8: not taken */
        0x24420001, /*  slot: addiu v0,v0,1 (runs) */
        0x24420010, /* addiu v0,v0,16 */
        0x54840002, /* bnel a0,a0,+8: not taken, slot annulled */
        0x24420100, /*  slot: addiu v0,v0,256 (skipped) */
        0x24630001, /* addiu v1,v1,1 */
        0x0c000000 | ((b + 0x20) >> 2 & 0x3ffffff), /* jal b+0x20 */
        0x03e03025, /*  slot: move a2,ra (sees the link) */
        0x0000000c, /* syscall */
    };
    MipsState s;

    (void)state;
    write_code(b, code, 9);
    cpu_setup(&s, FULL);
    s.gpr[4] = 1;
    s.gpr[5] = 2;
    assert_int_equal(run_from(&s, b), MIPS_EXCP_SYSCALL);
    assert_int_equal(s.gpr[2], 17);
    assert_int_equal(s.gpr[3], 1);
    assert_int_equal(s.gpr[31], b + 0x20);
    assert_int_equal(s.gpr[6], b + 0x20);
    assert_int_equal(s.pc, b + 0x24);
}

/* An exception in a delay slot: pc = the branch, bd = 1, the slot's
 * address in excp_insn; the destination is not written. */
static void test_slot_exception(void **state)
{
    static const uint32_t code[] = {
        0x10000001, /* b +4 */
        0x00841020, /*  slot: add v0,a0,a0 (overflows) */
        0x0000000c, /* syscall */
    };
    MipsState s;

    (void)state;
    write_code(0x13000, code, 3);
    cpu_setup(&s, FULL);
    s.gpr[2] = 7;
    s.gpr[4] = 0x40000000;
    assert_int_equal(run_from(&s, 0x13000), MIPS_EXCP_OVERFLOW);
    assert_int_equal(s.pc, 0x13000);
    assert_int_equal(s.bd, 1);
    assert_int_equal(s.excp_insn, 0x13004);
    assert_int_equal(s.gpr[2], 7);
    /* Without the overflow the same code runs through. */
    cpu_setup(&s, FULL);
    s.gpr[4] = 1;
    assert_int_equal(run_from(&s, 0x13000), MIPS_EXCP_SYSCALL);
    assert_int_equal(s.gpr[2], 2);
    assert_int_equal(s.bd, 0);
}

/* A branch in a delay slot is a reserved instruction reported at the
 * first branch. */
static void test_branch_in_slot(void **state)
{
    static const uint32_t code[] = { 0x10000001, 0x10000000, 0x0000000c };
    MipsState s;

    (void)state;
    write_code(0x14000, code, 3);
    cpu_setup(&s, FULL);
    assert_int_equal(run_from(&s, 0x14000), MIPS_EXCP_RI);
    assert_int_equal(s.pc, 0x14000);
    assert_int_equal(s.bd, 1);
    assert_int_equal(s.excp_info, 0x10000000);
}

/* JR to a misaligned address: address error on the fetch. */
static void test_misaligned_jump(void **state)
{
    static const uint32_t code[] = { 0x00800008, 0x00000000 };
    MipsState s;

    (void)state;
    write_code(0x15000, code, 2);
    cpu_setup(&s, FULL);
    s.gpr[4] = 0x15102;
    assert_int_equal(run_from(&s, 0x15000), MIPS_EXCP_ADEL);
    assert_int_equal(s.pc, 0x15102);
    assert_int_equal(s.common.excp_addr, 0x15102);
}

/* ---- Traps, LL/SC ------------------------------------------------------------ */

static void test_traps(void **state)
{
    static const uint32_t teq[] = { 0x00851374, 0x0000000c };
    static const uint32_t brk[] = { 0x0009000d };
    static const uint32_t ovf[] = { 0x24020007, 0x00841020, 0x0000000c };
    MipsState s;

    (void)state;
    write_code(0x16000, teq, 2);
    cpu_setup(&s, FULL);
    s.gpr[4] = s.gpr[5] = 5;
    assert_int_equal(run_from(&s, 0x16000), MIPS_EXCP_TRAP);
    assert_int_equal(s.pc, 0x16000);
    assert_int_equal(s.excp_info, 77);
    cpu_setup(&s, FULL);
    s.gpr[4] = 5;
    s.gpr[5] = 6;
    assert_int_equal(run_from(&s, 0x16000), MIPS_EXCP_SYSCALL);

    write_code(0x16100, brk, 1);
    cpu_setup(&s, FULL);
    assert_int_equal(run_from(&s, 0x16100), MIPS_EXCP_BREAK);
    assert_int_equal(s.pc, 0x16100);
    assert_int_equal(s.excp_info, 9u << 10);

    write_code(0x16200, ovf, 3);
    cpu_setup(&s, FULL);
    s.gpr[4] = 0x7fffffff;
    assert_int_equal(run_from(&s, 0x16200), MIPS_EXCP_OVERFLOW);
    assert_int_equal(s.pc, 0x16204);
    assert_int_equal(s.gpr[2], 7);
}

static void test_llsc(void **state)
{
    static const uint32_t code[] = {
        0xc0820000, /* ll v0,0(a0) */
        0x24420005, /* addiu v0,v0,5 */
        0xe0820000, /* sc v0,0(a0): succeeds */
        0xe0830000, /* sc v1,0(a0): no link any more, fails */
        0x0000000c,
    };
    MipsState s;

    (void)state;
    put32(DATA + 64, 10);
    write_code(0x17000, code, 5);
    cpu_setup(&s, FULL);
    s.gpr[4] = DATA + 64;
    s.gpr[3] = 99;
    assert_int_equal(run_from(&s, 0x17000), MIPS_EXCP_SYSCALL);
    assert_int_equal(s.gpr[2], 1);
    assert_int_equal(s.gpr[3], 0);
    assert_int_equal(get32(DATA + 64), 15);
    /* LL on an unaligned address: the core's alignment fault. */
    cpu_setup(&s, FULL);
    s.gpr[4] = DATA + 66;
    assert_int_equal(run_from(&s, 0x17000), EXCP_UNALIGNED);
    assert_int_equal(s.pc, 0x17000);
}

/* ---- Loads and stores in the byte order under test ------------------------- */

static void test_memory(void **state)
{
    static const uint32_t code[] = {
        0x8c820000, /* lw v0,0(a0) */
        0x84830002, /* lh v1,2(a0) */
        0x90850001, /* lbu a1,1(a0) */
        0x88860001, /* lwl a2,1(a0) */
        0x98860004, /* lwr a2,4(a0) */
        0xa8840009, /* swl a0,9(a0) */
        0xac84000c, /* sw a0,12(a0) */
        0x0000000c,
    };
    static const uint8_t want_be[16] = {
        0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17,
        0x18, 0x00, 0x10, 0x00, 0x00, 0x10, 0x00, 0x00,
    };
    static const uint8_t want_le[16] = {
        0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17,
        0x10, 0x00, 0x1a, 0x1b, 0x00, 0x00, 0x10, 0x00,
    };
    MipsState s;

    (void)state;
    for (uint32_t i = 0; i < 16; i++) {
        guest_mem[DATA + i] = (uint8_t)(0x10 + i);
    }
    write_code(0x18000, code, 8);
    cpu_setup(&s, FULL);
    s.gpr[4] = DATA;
    s.gpr[6] = 0xaaaaaaaa;
    assert_int_equal(run_from(&s, 0x18000), MIPS_EXCP_SYSCALL);
    assert_int_equal(s.gpr[2], big_endian ? 0x10111213 : 0x13121110);
    assert_int_equal(s.gpr[3], big_endian ? 0x1213 : 0x1312);
    assert_int_equal(s.gpr[5], 0x11);
    /* BE: the ulw idiom of DATA + 1; LE: lwl keeps a2's low half under
     * the two low bytes, then lwr of an aligned word replaces it all. */
    assert_int_equal(s.gpr[6], big_endian ? 0x11121314 : 0x17161514);
    assert_memory_equal(guest_mem + DATA, big_endian ? want_be : want_le, 16);
}

/* ---- FPU ---------------------------------------------------------------------- */

static void test_fpu(void **state)
{
    static const uint32_t code[] = {
        0x44841000, /* mtc1 a0,$f2 */
        0x44851800, /* mtc1 a1,$f3 */
        0x46221100, /* add.d $f4,$f2,$f2 */
        0x44022000, /* mfc1 v0,$f4 */
        0x44032800, /* mfc1 v1,$f5 */
        0x4624123c, /* c.lt.d $fcc2,$f2,$f4 */
        0x4446f800, /* cfc1 a2,$31 */
        0x0000000c,
    };
    MipsState s;

    (void)state;
    write_code(0x19000, code, 8);
    cpu_setup(&s, FULL);
    s.gpr[4] = 0;
    s.gpr[5] = 0x3ff80000;  /* 1.5 */
    assert_int_equal(run_from(&s, 0x19000), MIPS_EXCP_SYSCALL);
    assert_int_equal(s.gpr[2], 0);
    assert_int_equal(s.gpr[3], 0x40080000);  /* 3.0 */
    assert_int_equal(s.gpr[6], 1u << 26);    /* fcc2 */
    /* No FPU in the model: coprocessor unusable at the first CP1 insn. */
    cpu_setup(&s, MIPS_FEATURE_R2);
    assert_int_equal(run_from(&s, 0x19000), MIPS_EXCP_CPU);
    assert_int_equal(s.pc, 0x19000);
    assert_int_equal(s.excp_info, 0x44841000);
}

int main(int argc, char **argv)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_alu),
        cmocka_unit_test(test_r1_model),
        cmocka_unit_test(test_branches),
        cmocka_unit_test(test_slot_exception),
        cmocka_unit_test(test_branch_in_slot),
        cmocka_unit_test(test_misaligned_jump),
        cmocka_unit_test(test_traps),
        cmocka_unit_test(test_llsc),
        cmocka_unit_test(test_memory),
        cmocka_unit_test(test_fpu),
    };
    const HostBackend *be;

    if (argc != 3 || (strcmp(argv[2], "be") && strcmp(argv[2], "el"))) {
        fprintf(stderr, "usage: %s <interp|x86_64> <be|el>\n", argv[0]);
        return 2;
    }
    be = backend_select(argv[1]);
    if (!be) {
        printf("backend %s not built on this host: skipped\n", argv[1]);
        return 77;
    }
    big_endian = strcmp(argv[2], "be") == 0;
    guest_mem = mmap(NULL, GUEST_MEM_SIZE, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (guest_mem == MAP_FAILED) {
        perror("mmap");
        return 1;
    }
    exec_init(big_endian ? &guest_mips : &guest_mipsel, be, 0);
    return cmocka_run_group_tests_name(big_endian ? "mips" : "mipsel", tests,
                                       NULL, NULL);
}

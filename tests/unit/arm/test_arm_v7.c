/* tests/unit/arm/test_arm_v7.c — the ARMv6/v6K/v7 additions of the ARM
 * frontend through cpu_exec(): single-instruction tables from a
 * qemu-arm -cpu cortex-a15 oracle (ARM and Thumb-2 encodings of the same
 * instructions, NZCVQ and GE compared), exclusives, IT blocks, and UDEF
 * of each addition on a model that lacks it.
 * Usage: test_arm_v7 <interp|x86_64>.
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
#include "frontend/arm/cpu.h"

#define GUEST_MEM_SIZE (4u << 20)
#define DATA 0x100000u
#define SVC0 0xef000000u
#define T_SVC0 0xdf00u

#define V7_FEATURES (ARM_FEATURE_V5TE | ARM_FEATURE_THUMB | ARM_FEATURE_V6 | \
                     ARM_FEATURE_V6K | ARM_FEATURE_THUMB2 | ARM_FEATURE_V7 | \
                     ARM_FEATURE_ARM_DIV | ARM_FEATURE_THUMB_DIV)

static uint8_t *guest_mem;

typedef struct V7Case {
    uint32_t insn, len, r1, r2, r3, cpsr_in, r0_out, r1_out, cpsr_out;
    const char *text;
} V7Case;

static const V7Case a32_cases[] = {
#include "v7_a32_cases.h"
};

static const V7Case t32_cases[] = {
#include "v7_t32_cases.h"
};

/* ---- Harness ---------------------------------------------------------- */

static void cpu_setup(ArmState *s, uint32_t features)
{
    memset(s, 0, sizeof(*s));
    arm_cpu_reset(s);
    s->features = features;
    s->common.guest_base = (uintptr_t)guest_mem;
    cpu_register(&s->common);
}

static void cpu_teardown(ArmState *s)
{
    cpu_unregister(&s->common);
}

static void put_code(uint32_t addr, const void *code, size_t n)
{
    memcpy(guest_mem + addr, code, n);
    tb_invalidate_range(addr, addr + n);
}

static int run_from(ArmState *s, uint32_t pc)
{
    int r;

    arm_set_pc(s, pc);
    do {
        r = cpu_exec(&s->common);
    } while (r == EXCP_INTERRUPT);
    return r;
}

/* Writes Thumb halfwords (a 32-bit Thumb-2 word as first, second). */
static size_t thumb_put(uint16_t *buf, uint32_t insn, uint32_t len)
{
    if (len == 4) {
        buf[0] = (uint16_t)(insn >> 16);
        buf[1] = (uint16_t)insn;
        return 2;
    }
    buf[0] = (uint16_t)insn;
    return 1;
}

/* ---- Tables ----------------------------------------------------------- */

static int run_table(const V7Case *cases, size_t n, bool thumb)
{
    int failures = 0;
    uint32_t base = thumb ? 0x60000 : 0x70000;

    for (size_t i = 0; i < n; i++) {
        const V7Case *c = &cases[i];
        uint32_t addr = base + (uint32_t)i * 8;
        ArmState s;
        uint32_t cpsr;
        int r;

        if (thumb) {
            uint16_t hw[4];
            size_t k = thumb_put(hw, c->insn, c->len);
            hw[k++] = T_SVC0;
            put_code(addr, hw, k * 2);
        } else {
            uint32_t w[2] = { c->insn, SVC0 };
            put_code(addr, w, 8);
        }
        cpu_setup(&s, V7_FEATURES);
        s.r[0] = 0xdeadbeef;
        s.r[1] = c->r1;
        s.r[2] = c->r2;
        s.r[3] = c->r3;
        arm_cpsr_write(&s, c->cpsr_in, ARM_CPSR_NZCVQ | ARM_CPSR_GE);
        r = run_from(&s, addr | (thumb ? 1 : 0));
        cpsr = arm_cpsr_read(&s) & (ARM_CPSR_NZCVQ | ARM_CPSR_GE);
        if (r != ARM_EXCP_SWI || s.r[0] != c->r0_out || s.r[1] != c->r1_out ||
            cpsr != c->cpsr_out) {
            print_error("%s (%08x) r1=%08x r2=%08x r3=%08x cpsr=%08x: got "
                        "excp %d r0=%08x r1=%08x cpsr=%08x, want r0=%08x "
                        "r1=%08x cpsr=%08x\n", c->text, c->insn, c->r1, c->r2,
                        c->r3, c->cpsr_in, r, s.r[0], s.r[1], cpsr,
                        c->r0_out, c->r1_out, c->cpsr_out);
            failures++;
        }
        cpu_teardown(&s);
    }
    return failures;
}

static void test_v7_a32_table(void **state)
{
    (void)state;
    assert_int_equal(run_table(a32_cases,
                               sizeof(a32_cases) / sizeof(a32_cases[0]),
                               false), 0);
}

static void test_v7_t32_table(void **state)
{
    (void)state;
    assert_int_equal(run_table(t32_cases,
                               sizeof(t32_cases) / sizeof(t32_cases[0]),
                               true), 0);
}

/* ---- Exclusives ------------------------------------------------------- */

static void test_exclusives(void **state)
{
    static const uint32_t code[] = {
        0xe1910f9f, /* ldrex r0, [r1] */
        0xe2800001, /* add r0, r0, #1 */
        0xe1812f90, /* strex r2, r0, [r1] */
        0xe1813f90, /* strex r3, r0, [r1]: monitor open, fails */
        0xe1d14f9f, /* ldrexb r4, [r1] */
        0xf57ff01f, /* clrex */
        0xe1c15f94, /* strexb r5, r4, [r1]: cleared, fails */
        0xe1b16f9f, /* ldrexd r6, r7, [r1] */
        0xe1a18f96, /* strexd r8, r6, r7, [r1] */
        0xe1f19f9f, /* ldrexh r9, [r1] */
        0xe1e1af9c, /* strexh r10, r12, [r1] */
        SVC0,
    };
    ArmState s;

    (void)state;
    memset(guest_mem + DATA, 0, 16);
    guest_mem[DATA] = 0x41;
    guest_mem[DATA + 4] = 0x99;
    put_code(0x20000, code, sizeof(code));
    cpu_setup(&s, V7_FEATURES);
    s.r[1] = DATA;
    s.r[12] = 0xabcd;
    assert_int_equal(run_from(&s, 0x20000), ARM_EXCP_SWI);
    assert_int_equal(s.r[2], 0);
    assert_int_equal(s.r[3], 1);
    assert_int_equal(s.r[4], 0x42);
    assert_int_equal(s.r[5], 1);
    assert_int_equal(s.r[6], 0x42);
    assert_int_equal(s.r[7], 0x99);
    assert_int_equal(s.r[8], 0);
    assert_int_equal(s.r[9], 0x42);
    assert_int_equal(s.r[10], 0);
    assert_int_equal(guest_mem[DATA], 0xcd);
    assert_int_equal(guest_mem[DATA + 1], 0xab);
    assert_int_equal(s.excl_addr, ARM_EXCL_NONE);
    cpu_teardown(&s);
}

/* A value changed behind the monitor's back makes STREX fail. */
static void test_strex_sees_change(void **state)
{
    static const uint32_t code1[] = {
        0xe1910f9f, /* ldrex r0, [r1] */
        SVC0,
        0xe1812f90, /* strex r2, r0, [r1] */
        SVC0,
    };
    ArmState s;

    (void)state;
    memset(guest_mem + DATA, 0, 16);
    put_code(0x21000, code1, sizeof(code1));
    cpu_setup(&s, V7_FEATURES);
    s.r[1] = DATA;
    assert_int_equal(run_from(&s, 0x21000), ARM_EXCP_SWI);
    guest_mem[DATA] = 7;      /* another writer */
    assert_int_equal(run_from(&s, 0x21008), ARM_EXCP_SWI);
    assert_int_equal(s.r[2], 1);
    assert_int_equal(guest_mem[DATA], 7);
    cpu_teardown(&s);
}

/* ---- Models ----------------------------------------------------------- */

/* Each addition is UDEF on a model without it. */
static void test_udef_by_model(void **state)
{
    static const struct {
        uint32_t insn, features;
    } cases[] = {
        { 0xe6bf0f31, ARM_FEATURE_V5TE },           /* rev r0, r1 */
        { 0xe1910f9f, ARM_FEATURE_V5TE },           /* ldrex r0, [r1] */
        { 0xe1d10f9f, ARM_FEATURE_V5TE | ARM_FEATURE_V6 }, /* ldrexb */
        { 0xf57ff01f, ARM_FEATURE_V5TE | ARM_FEATURE_V6 }, /* clrex */
        { 0xe30b0eef, ARM_FEATURE_V5TE | ARM_FEATURE_V6 |
                      ARM_FEATURE_V6K },            /* movw r0, #0xbeef */
        { 0xe7e00251, ARM_FEATURE_V5TE | ARM_FEATURE_V6 },  /* ubfx */
        { 0xf57ff05f, ARM_FEATURE_V5TE | ARM_FEATURE_V6 |
                      ARM_FEATURE_V6K | ARM_FEATURE_THUMB2 }, /* dmb sy */
        { 0xe710f211, V7_FEATURES & ~ARM_FEATURE_ARM_DIV }, /* sdiv */
        { 0xee1d0f50, ARM_FEATURE_V5TE | ARM_FEATURE_V6 }, /* tpidrurw */
    };

    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        uint32_t w[2] = { cases[i].insn, SVC0 };
        uint32_t addr = 0x22000 + (uint32_t)i * 8;
        ArmState s;

        put_code(addr, w, 8);
        cpu_setup(&s, cases[i].features);
        s.r[1] = DATA;
        assert_int_equal(run_from(&s, addr), ARM_EXCP_UDEF);
        assert_int_equal(s.excp_info, cases[i].insn);
        cpu_teardown(&s);
        /* The same word runs on the full model. */
        cpu_setup(&s, V7_FEATURES);
        s.r[1] = DATA;
        assert_int_equal(run_from(&s, addr), ARM_EXCP_SWI);
        cpu_teardown(&s);
    }
}

static void test_tpidrurw(void **state)
{
    static const uint32_t code[] = {
        0xee0d2f50, /* mcr p15, 0, r2, c13, c0, 2 */
        0xee1d0f50, /* mrc p15, 0, r0, c13, c0, 2 */
        0xee1d3f70, /* mrc p15, 0, r3, c13, c0, 3 */
        SVC0,
    };
    ArmState s;

    (void)state;
    put_code(0x23000, code, sizeof(code));
    cpu_setup(&s, V7_FEATURES);
    s.r[2] = 0x1234;
    s.tpidruro = 0x5678;
    assert_int_equal(run_from(&s, 0x23000), ARM_EXCP_SWI);
    assert_int_equal(s.r[0], 0x1234);
    assert_int_equal(s.r[3], 0x5678);
    assert_int_equal(s.tpidrurw, 0x1234);
    cpu_teardown(&s);
}

/* ARMv7 ALUWritePC: "mov pc, lr" in ARM state interworks (libgmp returns
 * to Thumb callers so); ARMv5 stays in ARM state. */
static void test_alu_pc_interworks(void **state)
{
    static const uint32_t code[] = { 0xe1a0f00e };  /* mov pc, lr */
    static const uint16_t thumb[] = { 0x2007, T_SVC0 };  /* movs r0, #7 */
    ArmState s;

    (void)state;
    put_code(0x27000, code, sizeof(code));
    put_code(0x27100, thumb, sizeof(thumb));
    cpu_setup(&s, V7_FEATURES);
    s.r[14] = 0x27101;
    assert_int_equal(run_from(&s, 0x27000), ARM_EXCP_SWI);
    assert_int_equal(s.r[0], 7);
    assert_int_equal(s.thumb, 1);
    cpu_teardown(&s);
    cpu_setup(&s, ARM_FEATURE_V5TE | ARM_FEATURE_THUMB);
    s.r[14] = 0x27101;
    run_from(&s, 0x27000);
    assert_int_equal(s.thumb, 0);
    cpu_teardown(&s);
}

int main(int argc, char **argv)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_v7_a32_table),
        cmocka_unit_test(test_v7_t32_table),
        cmocka_unit_test(test_exclusives),
        cmocka_unit_test(test_strex_sees_change),
        cmocka_unit_test(test_udef_by_model),
        cmocka_unit_test(test_tpidrurw),
        cmocka_unit_test(test_alu_pc_interworks),
    };
    const HostBackend *be;

    if (argc != 2) {
        fprintf(stderr, "usage: %s <interp|x86_64>\n", argv[0]);
        return 2;
    }
    be = backend_select(argv[1]);
    if (!be) {
        printf("backend %s not built on this host: skipped\n", argv[1]);
        return 77;
    }
    guest_mem = mmap(NULL, GUEST_MEM_SIZE, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (guest_mem == MAP_FAILED) {
        perror("mmap");
        return 1;
    }
    exec_init(&guest_arm, be, 0);
    return cmocka_run_group_tests_name("arm-v7", tests, NULL, NULL);
}

/* tests/unit/arm/test_arm.c — the ARMv5TE frontend through cpu_exec():
 * raw instruction words in guest memory, registers in, run until an
 * exception (SVC ends each snippet), registers, flags and memory out.
 * Usage: test_arm <interp|x86_64>; exec_init() is once per process, so
 * meson runs each backend as its own process.
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

static uint8_t *guest_mem;

typedef struct ArmCase {
    uint32_t insn, r1, r2, r3, cpsr_in, r0_out, r1_out, cpsr_out;
    const char *text;
} ArmCase;

static const ArmCase a32_cases[] = {
#include "a32_cases.h"
};

static const ArmCase t16_cases[] = {
#include "t16_cases.h"
};

/* ---- Harness ---------------------------------------------------------- */

static void cpu_setup(ArmState *s)
{
    memset(s, 0, sizeof(*s));
    arm_cpu_reset(s);
    s->common.guest_base = (uintptr_t)guest_mem;
    cpu_register(&s->common);
}

static void cpu_teardown(ArmState *s)
{
    cpu_unregister(&s->common);
}

static void put32(uint32_t addr, uint32_t v)
{
    memcpy(guest_mem + addr, &v, 4);
}

static uint32_t get32(uint32_t addr)
{
    uint32_t v;

    memcpy(&v, guest_mem + addr, 4);
    return v;
}

static void put16(uint32_t addr, uint16_t v)
{
    memcpy(guest_mem + addr, &v, 2);
}

/* Writes little-endian words at addr and drops blocks translated there. */
static void write_code(uint32_t addr, const uint32_t *code, size_t n)
{
    memcpy(guest_mem + addr, code, n * 4);
    tb_invalidate_range(addr, addr + n * 4);
}

/* Runs from pc (bit 0: Thumb) until an exception other than an
 * interrupt; returns it. */
static int run_from(ArmState *s, uint32_t pc)
{
    int r;

    arm_set_pc(s, pc);
    do {
        r = cpu_exec(&s->common);
    } while (r == EXCP_INTERRUPT);
    return r;
}

/* ---- Single instructions against the oracle's tables ----------------- */

static int run_table(const ArmCase *cases, size_t n, bool thumb)
{
    int failures = 0;
    uint32_t base = thumb ? 0x50000 : 0x40000;

    for (size_t i = 0; i < n; i++) {
        const ArmCase *c = &cases[i];
        ArmState s;
        uint32_t addr = base + (uint32_t)i * (thumb ? 4 : 8);
        uint32_t cpsr;
        int r;

        if (thumb) {
            uint32_t w = c->insn | 0xdf00u << 16;   /* insn; svc 0 */
            write_code(addr, &w, 1);
        } else {
            uint32_t w[2] = { c->insn, SVC0 };
            write_code(addr, w, 2);
        }
        cpu_setup(&s);
        s.r[0] = 0xdeadbeef;
        s.r[1] = c->r1;
        s.r[2] = c->r2;
        s.r[3] = c->r3;
        s.r[9] = 0x80000000;
        arm_cpsr_write(&s, c->cpsr_in, ARM_CPSR_NZCVQ);
        r = run_from(&s, addr | (thumb ? 1 : 0));
        cpsr = arm_cpsr_read(&s) & ARM_CPSR_NZCVQ;
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

static void test_a32_table(void **state)
{
    (void)state;
    assert_int_equal(run_table(a32_cases,
                               sizeof(a32_cases) / sizeof(a32_cases[0]),
                               false), 0);
}

static void test_t16_table(void **state)
{
    (void)state;
    assert_int_equal(run_table(t16_cases,
                               sizeof(t16_cases) / sizeof(t16_cases[0]),
                               true), 0);
}

/* ---- Loads and stores ------------------------------------------------ */

static void test_loads(void **state)
{
    static const uint32_t code[] = {
        0xe5910000, /* ldr r0, [r1] */
        0xe5b12004, /* ldr r2, [r1, #4]! */
        0xe4913004, /* ldr r3, [r1], #4 */
        0xe5514001, /* ldrb r4, [r1, #-1] */
        0xe15150d1, /* ldrsb r5, [r1, #-1] */
        0xe1d160b2, /* ldrh r6, [r1, #2] */
        0xe1d170f2, /* ldrsh r7, [r1, #2] */
        0xe7918109, /* ldr r8, [r1, r9, lsl #2] */
        0xe591a001, /* ldr r10, [r1, #1] (unaligned) */
        0xe141c0d8, /* ldrd r12, [r1, #-8] */
        0xe111b0f9, /* ldrsh r11, [r1, -r9] */
        0xe4319008, /* ldrt r9, [r1], #-8 */
        0xef000123, /* svc 0x123 */
    };
    ArmState s;

    (void)state;
    for (uint32_t k = 0; k < 32; k++) {
        guest_mem[DATA + k] = (uint8_t)(0x80 + k);
    }
    write_code(0x10000, code, 13);
    cpu_setup(&s);
    s.r[1] = DATA;
    s.r[9] = 1;
    assert_int_equal(run_from(&s, 0x10000), ARM_EXCP_SWI);
    assert_int_equal(s.r[0], 0x83828180);
    assert_int_equal(s.r[2], 0x87868584);
    assert_int_equal(s.r[3], 0x87868584);
    assert_int_equal(s.r[4], 0x87);
    assert_int_equal(s.r[5], 0xffffff87);
    assert_int_equal(s.r[6], 0x8b8a);
    assert_int_equal(s.r[7], 0xffff8b8a);
    assert_int_equal(s.r[8], 0x8f8e8d8c);
    assert_int_equal(s.r[10], 0x8c8b8a89);
    assert_int_equal(s.r[12], 0x83828180);
    assert_int_equal(s.r[13], 0x87868584);
    assert_int_equal(s.r[11], 0xffff8887);
    assert_int_equal(s.r[9], 0x8b8a8988);
    assert_int_equal(s.r[1], DATA);
    /* SVC: pc past it, the immediate for the runtime. */
    assert_int_equal(s.r[15], 0x10000 + 13 * 4);
    assert_int_equal(s.excp_info, 0x123);
    assert_int_equal(s.excp_insn, 0x10000 + 12 * 4);
    cpu_teardown(&s);
}

static void test_stores_and_swap(void **state)
{
    static const uint32_t code[] = {
        0xe5812000, /* str r2, [r1] */
        0xe5a12004, /* str r2, [r1, #4]! */
        0xe5c13004, /* strb r3, [r1, #4] */
        0xe1c130b6, /* strh r3, [r1, #6] */
        0xe4013004, /* str r3, [r1], #-4 */
        0xe1c141f0, /* strd r4, [r1, #16] */
        0xe7e12009, /* strb r2, [r1, r9]! */
        0xe5012001, /* str r2, [r1, #-1] (unaligned) */
        0xe1016097, /* swp r6, r7, [r1] */
        0xe1418099, /* swpb r8, r9, [r1] */
        SVC0,
    };
    static const uint8_t want[24] = {
        0x44, 0x33, 0x22, 0x44, 0x04, 0xf0, 0xfe, 0xca,
        0xdd, 0x00, 0xdd, 0xcc, 0, 0, 0, 0,
        0x04, 0x03, 0x02, 0x01, 0x08, 0x07, 0x06, 0x05,
    };
    ArmState s;

    (void)state;
    memset(guest_mem + DATA, 0, 64);
    write_code(0x10100, code, 11);
    cpu_setup(&s);
    s.r[1] = DATA;
    s.r[2] = 0x11223344;
    s.r[3] = 0xaabbccdd;
    s.r[4] = 0x01020304;
    s.r[5] = 0x05060708;
    s.r[7] = 0xcafef00d;
    s.r[9] = 4;
    assert_int_equal(run_from(&s, 0x10100), ARM_EXCP_SWI);
    assert_int_equal(s.r[1], DATA + 4);
    assert_int_equal(s.r[6], 0xaa112233);
    assert_int_equal(s.r[8], 0x0d);
    assert_memory_equal(guest_mem + DATA, want, sizeof(want));
    cpu_teardown(&s);
}

static void test_ldm_stm(void **state)
{
    static const uint32_t code[] = {
        0xe8a00006, /* stmia r0!, {r1, r2} */
        0xe9800006, /* stmib r0, {r1, r2} */
        0xe9200018, /* stmdb r0!, {r3, r4} */
        0xe8000020, /* stmda r0, {r5} */
        0xe89000c0, /* ldmia r0, {r6, r7} */
        0xe9b00100, /* ldmib r0!, {r8} */
        0xe8300600, /* ldmda r0!, {r9, r10} */
        0xe9101800, /* ldmdb r0, {r11, r12} */
        0xe8800003, /* stmia r0, {r0, r1} */
        0xe8b00005, /* ldmia r0!, {r0, r2}: loaded base wins */
        0xe92d4002, /* push {r1, lr} */
        0xe8bd0018, /* pop {r3, r4} */
        SVC0,
    };
    const uint32_t b = DATA + 0x40;
    ArmState s;

    (void)state;
    memset(guest_mem + DATA, 0, 0x200);
    put32(b - 12, 0xaaaa);
    put32(b - 8, 0xbbbb);
    write_code(0x10200, code, 13);
    cpu_setup(&s);
    s.r[0] = b;
    s.r[1] = 0x11;
    s.r[2] = 0x22;
    s.r[3] = 0x33;
    s.r[4] = 0x44;
    s.r[5] = 0x55;
    s.r[13] = DATA + 0x100;
    s.r[14] = 0x1e;
    assert_int_equal(run_from(&s, 0x10200), ARM_EXCP_SWI);
    assert_int_equal(s.r[0], b - 4);
    assert_int_equal(s.r[2], 0x11);
    assert_int_equal(s.r[3], 0x11);
    assert_int_equal(s.r[4], 0x1e);
    assert_int_equal(s.r[6], 0x55);
    assert_int_equal(s.r[7], 0x44);
    assert_int_equal(s.r[8], 0x44);
    assert_int_equal(s.r[9], 0x55);
    assert_int_equal(s.r[10], 0x44);
    assert_int_equal(s.r[11], 0xaaaa);
    assert_int_equal(s.r[12], 0xbbbb);
    assert_int_equal(s.r[13], DATA + 0x100);
    assert_int_equal(get32(b + 12), 0x11);
    assert_int_equal(get32(b + 16), 0x22);
    assert_int_equal(get32(b - 4), b - 4);
    assert_int_equal(get32(DATA + 0xfc), 0x1e);
    cpu_teardown(&s);
}

/* ARM_FEATURE_V5_UNALIGNED: word LDR rotates, STR aligns down; both
 * instruction sets; the flag is part of the block key. */
static void test_v5_unaligned(void **state)
{
    static const uint32_t code[] = {
        0xe5910001, /* ldr r0, [r1, #1] */
        0xe5d12001, /* ldrb r2, [r1, #1] */
        0xe5813005, /* str r3, [r1, #5] */
        SVC0,
    };
    ArmState s;

    (void)state;
    for (uint32_t k = 0; k < 16; k++) {
        guest_mem[DATA + k] = (uint8_t)(0x10 + k);
    }
    write_code(0x10b00, code, 4);
    put32(0x10b20, 0xdf006808);         /* thumb: ldr r0, [r1]; svc 0 */
    tb_invalidate_range(0x10b20, 0x10b24);
    cpu_setup(&s);
    s.features |= ARM_FEATURE_V5_UNALIGNED;
    s.r[1] = DATA;
    s.r[3] = 0xa1b2c3d4;
    assert_int_equal(run_from(&s, 0x10b00), ARM_EXCP_SWI);
    assert_int_equal(s.r[0], 0x10131211);
    assert_int_equal(s.r[2], 0x11);
    assert_int_equal(get32(DATA + 4), 0xa1b2c3d4);
    assert_int_equal(get32(DATA + 8), 0x1b1a1918);
    s.r[1] = DATA + 2;
    assert_int_equal(run_from(&s, 0x10b21), ARM_EXCP_SWI);
    assert_int_equal(s.r[0], 0x11101312);
    /* The same code without the feature: plain unaligned accesses. */
    s.features &= ~ARM_FEATURE_V5_UNALIGNED;
    s.r[1] = DATA;
    assert_int_equal(run_from(&s, 0x10b00), ARM_EXCP_SWI);
    assert_int_equal(s.r[0], 0xd4131211);
    assert_int_equal(get32(DATA + 4), 0xb2c3d4d4);
    assert_int_equal(get32(DATA + 8), 0x1b1a19a1);
    cpu_teardown(&s);
}

/* ---- Control flow ---------------------------------------------------- */

static void test_branches(void **state)
{
    static const uint32_t code[] = {
        0xe3a00000, /* mov r0, #0 */
        0xe3a01005, /* mov r1, #5 */
        0xe0800001, /* loop: add r0, r0, r1 */
        0xe2511001, /* subs r1, r1, #1 */
        0x1afffffc, /* bne loop */
        0xeb000001, /* bl sub1 */
        0xe2822001, /* add r2, r2, #1 */
        0xef000001, /* svc 1 */
        0xe3a02064, /* sub1: mov r2, #100 */
        0xe1a0f00e, /* mov pc, lr */
    };
    ArmState s;

    (void)state;
    write_code(0x10300, code, 10);
    cpu_setup(&s);
    assert_int_equal(run_from(&s, 0x10300), ARM_EXCP_SWI);
    assert_int_equal(s.r[0], 15);
    assert_int_equal(s.r[1], 0);
    assert_int_equal(s.r[2], 101);
    assert_int_equal(s.r[14], 0x10300 + 0x18);
    assert_int_equal(s.excp_info, 1);
    /* Again from the cache, chained. */
    assert_int_equal(run_from(&s, 0x10300), ARM_EXCP_SWI);
    assert_int_equal(s.r[0], 15);
    cpu_teardown(&s);
}

static void test_conditional_skip(void **state)
{
    static const uint32_t code[] = {
        0x03a00001, /* moveq r0, #1 */
        0x13a01001, /* movne r1, #1 */
        0x0f000005, /* svceq 5: not taken */
        0x07f000f0, /* undefined, eq: not taken */
        0x0a000000, /* beq +0: not taken */
        0x1a000000, /* bne over */
        0xef000009, /* svc 9: skipped */
        0xef000007, /* over: svc 7 */
    };
    ArmState s;

    (void)state;
    write_code(0x10400, code, 8);
    cpu_setup(&s);
    s.ZF = 1;   /* Z clear */
    assert_int_equal(run_from(&s, 0x10400), ARM_EXCP_SWI);
    assert_int_equal(s.r[0], 0);
    assert_int_equal(s.r[1], 1);
    assert_int_equal(s.excp_info, 7);
    cpu_teardown(&s);
}

static void test_interworking(void **state)
{
    /* An ARM/Thumb program linked at 0x20000: BX to Thumb and back, BLX
     * immediate, Thumb BL and BLX pairs, POP {pc} and LDR pc interworking
     * (see the disassembly in the comments). */
    static const uint32_t code[] = {
        0xe3a05000, /* 20000 mov r5, #0 */
        0xe59f0014, /* 20004 ldr r0, =thumb1 (0x20031) */
        0xe12fff10, /* 20008 bx r0 */
        0xe2855c01, /* 2000c arm_back: add r5, r5, #0x100 */
        0xfb000007, /* 20010 blx thumb2 */
        0xe2855a01, /* 20014 add r5, r5, #0x1000 */
        0xe59ff004, /* 20018 ldr pc, =thumb3 (0x20049) */
        0xef000042, /* 2001c arm_end: svc 0x42 */
        0x00020031, 0x00020049,
        0xe2855801, /* 20028 arm_sub: add r5, r5, #0x10000 */
        0xe12fff1e, /* 2002c bx lr */
        0x49073501, /* 20030 thumb1: adds r5, #1; ldr r1, =arm_back */
        0xb5004708, /* 20034 bx r1; thumb2: push {lr} */
        0xf0003502, /* 20038 adds r5, #2; bl thumb_sub (prefix) */
        0xf7fff803, /* 2003c (suffix); blx arm_sub (prefix) */
        0xbd00eff4, /* 20040 (suffix); pop {pc} */
        0x47703510, /* 20044 thumb_sub: adds r5, #16; bx lr */
        0x48023520, /* 20048 thumb3: adds r5, #32; ldr r0, =arm_end */
        0x00004700, /* 2004c bx r0 */
        0x0002000c, 0x0002001c,
    };
    ArmState s;

    (void)state;
    write_code(0x20000, code, sizeof(code) / 4);
    cpu_setup(&s);
    s.r[13] = DATA + 0x300;
    assert_int_equal(run_from(&s, 0x20000), ARM_EXCP_SWI);
    assert_int_equal(s.r[5], 0x11133);
    assert_int_equal(s.thumb, 0);
    assert_int_equal(s.r[15], 0x20020);
    assert_int_equal(s.excp_info, 0x42);
    assert_int_equal(s.r[13], DATA + 0x300);
    cpu_teardown(&s);
}

static void test_thumb_program(void **state)
{
    static const uint32_t code[] = {
        0x2100200a, /* movs r0, #10; movs r1, #0 */
        0x38011809, /* loop: adds r1, r1, r0; subs r0, #1 */
        0x4a0bd1fc, /* bne loop; ldr r2, lit */
        0xac02a30a, /* adr r3, lit; add r4, sp, #8 */
        0xb002b084, /* sub sp, #16; add sp, #8 */
        0x9e019101, /* str r1, [sp, #4]; ldr r6, [sp, #4] */
        0x44c04688, /* mov r8, r1; add r8, r8 */
        0xb5064588, /* cmp r8, r1; push {r1, r2, lr} */
        0x2020bce0, /* pop {r5, r6, r7}; movs r0, #32 */
        0xc0060400, /* lsls r0, r0, #16; stmia r0!, {r1, r2} */
        0xc8183808, /* subs r0, #8; ldmia r0!, {r3, r4} */
        0x81423808, /* subs r0, #8; strh r2, [r0, #10] */
        0x5e467ac7, /* ldrb r7, [r0, #11]; ldrsh r6, [r0, r1] */
        0x46c0df07, /* svc 7; nop */
        0x12345678, /* lit */
    };
    ArmState s;

    (void)state;
    memset(guest_mem + 0x200000, 0, 64);
    write_code(0x30000, code, sizeof(code) / 4);
    cpu_setup(&s);
    s.r[13] = DATA + 0x100;
    s.r[14] = 0xabc;
    assert_int_equal(run_from(&s, 0x30001), ARM_EXCP_SWI);
    assert_int_equal(s.r[0], 0x200000);
    assert_int_equal(s.r[1], 55);
    assert_int_equal(s.r[2], 0x12345678);
    assert_int_equal(s.r[3], 55);
    assert_int_equal(s.r[4], 0x12345678);
    assert_int_equal(s.r[5], 55);
    assert_int_equal(s.r[6], 0);
    assert_int_equal(s.r[7], 0x56);
    assert_int_equal(s.r[8], 110);
    assert_int_equal(s.r[13], DATA + 0xf8);
    assert_int_equal(s.r[15], 0x30036);
    assert_int_equal(s.thumb, 1);
    assert_int_equal(s.excp_info, 7);
    assert_int_equal(arm_cpsr_read(&s) & ARM_CPSR_NZCVQ, ARM_CPSR_C);
    assert_int_equal(get32(0x200004), 0x12345678);
    assert_int_equal(get32(0x200008), 0x56780000);
    cpu_teardown(&s);
}

/* A BL pair whose halves lie on two pages runs as two instructions. */
static void test_thumb_bl_split(void **state)
{
    const uint32_t pre = 0x60ffe, target = 0x61100;
    int32_t off = (int32_t)(target - (pre + 4));
    ArmState s;

    (void)state;
    put16(pre, (uint16_t)(0xf000 | ((uint32_t)(off >> 12) & 0x7ff)));
    put16(pre + 2, (uint16_t)(0xf800 | ((uint32_t)(off >> 1) & 0x7ff)));
    put16(target, 0xdf03);              /* svc 3 */
    tb_invalidate_range(0x60000, 0x62000);
    cpu_setup(&s);
    assert_int_equal(run_from(&s, pre | 1), ARM_EXCP_SWI);
    assert_int_equal(s.r[15], target + 2);
    assert_int_equal(s.r[14], (pre + 4) | 1);
    assert_int_equal(s.excp_info, 3);
    cpu_teardown(&s);
}

/* ---- Exceptions and system registers ---------------------------------- */

static void test_exceptions(void **state)
{
    static const uint32_t udef[] = { 0xe3a00001, 0xe7f000f0 };
    static const uint32_t cp[] = { 0xee070f9a };      /* mcr p15 c7 */
    static const uint32_t bkpt[] = { 0xe1212374 };    /* bkpt 0x1234 */
    static const uint32_t tls[] = { 0xee1d0f70, SVC0 };
    ArmState s;

    (void)state;
    write_code(0x10500, udef, 2);
    write_code(0x10600, cp, 1);
    write_code(0x10700, bkpt, 1);
    write_code(0x10800, tls, 2);
    put32(0x10900, 0xde00be05);         /* thumb: bkpt 5; udf (b<al>) */
    tb_invalidate_range(0x10900, 0x10904);
    cpu_setup(&s);

    assert_int_equal(run_from(&s, 0x10500), ARM_EXCP_UDEF);
    assert_int_equal(s.r[0], 1);        /* the instruction before ran */
    assert_int_equal(s.r[15], 0x10504);
    assert_int_equal(s.excp_info, 0xe7f000f0);

    assert_int_equal(run_from(&s, 0x10600), ARM_EXCP_UDEF);
    assert_int_equal(s.r[15], 0x10600);

    assert_int_equal(run_from(&s, 0x10700), ARM_EXCP_BKPT);
    assert_int_equal(s.r[15], 0x10700);
    assert_int_equal(s.excp_info, 0x1234);

    s.tpidruro = 0xb00b1e5;
    assert_int_equal(run_from(&s, 0x10800), ARM_EXCP_SWI);
    assert_int_equal(s.r[0], 0xb00b1e5);

    assert_int_equal(run_from(&s, 0x10901), ARM_EXCP_BKPT);
    assert_int_equal(s.r[15], 0x10900);
    assert_int_equal(s.excp_info, 5);
    assert_int_equal(run_from(&s, 0x10903), ARM_EXCP_UDEF);
    assert_int_equal(s.r[15], 0x10902);
    assert_int_equal(s.excp_info, 0xde00);

    /* The kuser helper page is never fetched. */
    assert_int_equal(run_from(&s, 0xffff0fe0), ARM_EXCP_KERNEL_TRAP);
    assert_int_equal(s.r[15], 0xffff0fe0);
    cpu_teardown(&s);
}

/* LDM to pc and LDR to pc interwork (v5T); ALU writes to pc do not. */
static void test_load_pc(void **state)
{
    static const uint32_t code[] = {
        0xe8bd8000, /* pop {pc} → Thumb at 0x10a10 */
    };
    ArmState s;

    (void)state;
    write_code(0x10a00, code, 1);
    put32(0x10a10, 0x0000df0b);     /* thumb: svc 11 */
    tb_invalidate_range(0x10a10, 0x10a14);
    put32(DATA + 0x400, 0x10a11);
    cpu_setup(&s);
    s.r[13] = DATA + 0x400;
    assert_int_equal(run_from(&s, 0x10a00), ARM_EXCP_SWI);
    assert_int_equal(s.thumb, 1);
    assert_int_equal(s.excp_info, 11);
    assert_int_equal(s.r[13], DATA + 0x404);
    cpu_teardown(&s);
}

static void test_cpsr(void **state)
{
    ArmState s;

    (void)state;
    cpu_setup(&s);
    assert_int_equal(arm_cpsr_read(&s), ARM_CPSR_MODE_USR);
    arm_cpsr_write(&s, 0xf8000000, ARM_CPSR_NZCVQ);
    assert_int_equal(arm_cpsr_read(&s), 0xf8000000 | ARM_CPSR_MODE_USR);
    assert_int_equal(s.ZF, 0);
    assert_int_equal(s.CF, 1);
    arm_cpsr_write(&s, ARM_CPSR_T, ARM_CPSR_T | ARM_CPSR_Z);
    assert_int_equal(arm_cpsr_read(&s), 0xb8000000 | ARM_CPSR_T |
                                            ARM_CPSR_MODE_USR);
    arm_set_pc(&s, 0x8001);
    assert_int_equal(s.r[15], 0x8000);
    assert_int_equal(s.thumb, 1);
    cpu_teardown(&s);
}

int main(int argc, char **argv)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cpsr),
        cmocka_unit_test(test_a32_table),
        cmocka_unit_test(test_t16_table),
        cmocka_unit_test(test_loads),
        cmocka_unit_test(test_stores_and_swap),
        cmocka_unit_test(test_ldm_stm),
        cmocka_unit_test(test_v5_unaligned),
        cmocka_unit_test(test_branches),
        cmocka_unit_test(test_conditional_skip),
        cmocka_unit_test(test_interworking),
        cmocka_unit_test(test_thumb_program),
        cmocka_unit_test(test_thumb_bl_split),
        cmocka_unit_test(test_exceptions),
        cmocka_unit_test(test_load_pc),
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
    return cmocka_run_group_tests_name("arm", tests, NULL, NULL);
}

/* tests/unit/arm/test_arm_vfp.c — VFP of the ARM frontend through
 * cpu_exec(): single-instruction tables from a qemu-arm -cpu cortex-a15
 * oracle (ARM and Thumb-2 encodings; d0, d1 and FPSCR compared: NaN
 * payloads, denormals with FZ, each rounding mode, DN, conversions at
 * their limits, cumulative flags), loads/stores and core transfers,
 * FPSCR access, UDEF per model, half-precision conversion limits.
 * Usage: test_arm_vfp <interp|x86_64>.
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
#include "frontend/arm/helper-vfp.h"

#define GUEST_MEM_SIZE (4u << 20)
#define DATA 0x100000u
#define SVC0 0xef000000u
#define T_SVC0 0xdf00u

#define V7_FEATURES (ARM_FEATURE_V5TE | ARM_FEATURE_THUMB | ARM_FEATURE_V6 | \
                     ARM_FEATURE_V6K | ARM_FEATURE_THUMB2 | ARM_FEATURE_V7 | \
                     ARM_FEATURE_ARM_DIV | ARM_FEATURE_THUMB_DIV)
#define VFP4_FEATURES (V7_FEATURES | ARM_FEATURE_VFP | ARM_FEATURE_VFP3 | \
                       ARM_FEATURE_VFP_D32 | ARM_FEATURE_VFP4 | \
                       ARM_FEATURE_FP16)
#define VFP3_FEATURES (V7_FEATURES | ARM_FEATURE_VFP | ARM_FEATURE_VFP3 | \
                       ARM_FEATURE_VFP_D32)
#define VFP2_FEATURES (ARM_FEATURE_V5TE | ARM_FEATURE_THUMB | \
                       ARM_FEATURE_V6 | ARM_FEATURE_V6K | ARM_FEATURE_VFP)

static uint8_t *guest_mem;

typedef struct VfpCase {
    uint32_t insn, len, fpscr_in;
    uint64_t d0, d1, d2, d0_out, d1_out;
    uint32_t fpscr_out;
    const char *text;
} VfpCase;

static const VfpCase a32_cases[] = {
#include "vfp_a32_cases.h"
};

static const VfpCase t32_cases[] = {
#include "vfp_t32_cases.h"
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

/* Runs ARM words (an SVC appended) at addr on a fresh cpu of `features`
 * already set up by the caller. */
static int run_arm(ArmState *s, uint32_t addr, const uint32_t *code,
                   size_t n)
{
    uint32_t buf[64];

    memcpy(buf, code, n * 4);
    buf[n] = SVC0;
    put_code(addr, buf, (n + 1) * 4);
    return run_from(s, addr);
}

/* ---- Tables ----------------------------------------------------------- */

static int run_table(const VfpCase *cases, size_t n, bool thumb)
{
    int failures = 0;
    uint32_t base = thumb ? 0x60000 : 0x70000;

    for (size_t i = 0; i < n; i++) {
        const VfpCase *c = &cases[i];
        uint32_t addr = base + (uint32_t)i * 8;
        ArmState s;
        uint32_t fpscr;
        int r;

        if (thumb) {
            uint16_t hw[3] = { (uint16_t)(c->insn >> 16), (uint16_t)c->insn,
                               T_SVC0 };
            put_code(addr, hw, 6);
        } else {
            uint32_t w[2] = { c->insn, SVC0 };
            put_code(addr, w, 8);
        }
        cpu_setup(&s, VFP4_FEATURES);
        s.vfp_d[0] = c->d0;
        s.vfp_d[1] = c->d1;
        s.vfp_d[2] = c->d2;
        arm_fpscr_write(&s, c->fpscr_in);
        r = run_from(&s, addr | (thumb ? 1 : 0));
        fpscr = arm_fpscr_read(&s);
        if (r != ARM_EXCP_SWI || s.vfp_d[0] != c->d0_out ||
            s.vfp_d[1] != c->d1_out || fpscr != c->fpscr_out) {
            print_error("%s (%08x) fpscr=%08x d0=%016llx d1=%016llx "
                        "d2=%016llx: got excp %d d0=%016llx d1=%016llx "
                        "fpscr=%08x, want d0=%016llx d1=%016llx fpscr=%08x\n",
                        c->text, c->insn, c->fpscr_in,
                        (unsigned long long)c->d0, (unsigned long long)c->d1,
                        (unsigned long long)c->d2, r,
                        (unsigned long long)s.vfp_d[0],
                        (unsigned long long)s.vfp_d[1], fpscr,
                        (unsigned long long)c->d0_out,
                        (unsigned long long)c->d1_out, c->fpscr_out);
            failures++;
        }
        cpu_teardown(&s);
    }
    return failures;
}

static void test_vfp_a32_table(void **state)
{
    (void)state;
    assert_int_equal(run_table(a32_cases,
                               sizeof(a32_cases) / sizeof(a32_cases[0]),
                               false), 0);
}

static void test_vfp_t32_table(void **state)
{
    (void)state;
    assert_int_equal(run_table(t32_cases,
                               sizeof(t32_cases) / sizeof(t32_cases[0]),
                               true), 0);
}

/* ---- Loads, stores, transfers ----------------------------------------- */

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

static void test_loads_stores(void **state)
{
    static const uint32_t code[] = {
        0xed910b00, /* vldr d0, [r1] */
        0xed911a02, /* vldr s2, [r1, #8] */
        0xedd11b04, /* vldr d17, [r1, #16] */
        0xed010b02, /* vstr d0, [r1, #-8] */
        0xed811a08, /* vstr s2, [r1, #32] */
        0xecb12b06, /* vldmia r1!, {d2-d4} */
        0xed225a04, /* vstmdb r2!, {s10-s13} */
        0xed2d8b04, /* vpush {d8-d9} */
        0xecbdab04, /* vpop {d10-d11} */
    };
    ArmState s;

    (void)state;
    for (uint32_t i = 0; i < 16; i++) {
        put32(DATA + 4 * i, 0x01010101u * i);
    }
    cpu_setup(&s, VFP4_FEATURES);
    s.r[1] = DATA;
    s.r[2] = DATA + 0x200;
    s.r[13] = DATA + 0x400;
    s.vfp_d[5] = 0x1111111122222222ull;     /* s10, s11 */
    s.vfp_d[6] = 0x3333333344444444ull;     /* s12, s13 */
    s.vfp_d[8] = 0x8888888877777777ull;
    s.vfp_d[9] = 0x9999999966666666ull;
    assert_int_equal(run_arm(&s, 0x20000, code, 9), ARM_EXCP_SWI);
    assert_int_equal(s.vfp_d[0], 0x0101010100000000ull);
    assert_int_equal((uint32_t)s.vfp_d[1], 0x02020202u);
    assert_int_equal(s.vfp_d[17], 0x0505050504040404ull);
    assert_int_equal(get32(DATA - 8), 0);
    assert_int_equal(get32(DATA - 4), 0x01010101u);
    assert_int_equal(get32(DATA + 32), 0x02020202u);
    /* vldmia after the vstr: word 8 is now s2 */
    assert_int_equal(s.vfp_d[2], 0x0101010100000000ull);
    assert_int_equal(s.vfp_d[4], 0x0505050504040404ull);
    assert_int_equal(s.r[1], DATA + 24);
    assert_int_equal(s.r[2], DATA + 0x200 - 16);
    assert_int_equal(get32(DATA + 0x1f0), 0x22222222u);
    assert_int_equal(get32(DATA + 0x1fc), 0x33333333u);
    assert_int_equal(s.vfp_d[10], 0x8888888877777777ull);
    assert_int_equal(s.vfp_d[11], 0x9999999966666666ull);
    assert_int_equal(s.r[13], DATA + 0x400);
    cpu_teardown(&s);
}

static void test_transfers(void **state)
{
    static const uint32_t code[] = {
        0xee114a10, /* vmov r4, s2 */
        0xee015a90, /* vmov s3, r5 */
        0xec576b31, /* vmov r6, r7, d17 */
        0xec498b15, /* vmov d5, r8, r9 */
        0xee33cb10, /* vmov.32 r12, d3[1] */
        0xee039b10, /* vmov.32 d3[0], r9 */
        0xec5bab33, /* vmov r10, r11, d19 */
    };
    ArmState s;

    (void)state;
    cpu_setup(&s, VFP4_FEATURES);
    s.vfp_d[1] = 0xaaaaaaaa12345678ull;
    s.vfp_d[17] = 0x1122334455667788ull;
    s.vfp_d[3] = 0xcafef00d0badf00dull;
    s.vfp_d[19] = 0x0102030405060708ull;
    s.r[5] = 0xfeedface;
    s.r[8] = 0x01234567;
    s.r[9] = 0x89abcdef;
    assert_int_equal(run_arm(&s, 0x21000, code, 7), ARM_EXCP_SWI);
    assert_int_equal(s.r[4], 0x12345678u);
    assert_int_equal(s.vfp_d[1], 0xfeedface12345678ull);
    assert_int_equal(s.r[6], 0x55667788u);
    assert_int_equal(s.r[7], 0x11223344u);
    assert_int_equal(s.vfp_d[5], 0x89abcdef01234567ull);
    assert_int_equal(s.r[12], 0xcafef00du);
    assert_int_equal(s.vfp_d[3], 0xcafef00d89abcdefull);
    assert_int_equal(s.r[10], 0x05060708u);
    assert_int_equal(s.r[11], 0x01020304u);
    cpu_teardown(&s);
}

/* Thumb-2: pc-relative VLDR reads Align(pc, 4), VLDMIA, VMOV, VPUSH. */
static void test_thumb(void **state)
{
    static const uint16_t code[] = {
        0xed9f, 0x0b02, /* 0x00: vldr d0, [pc, #8] -> 0x04 + 8 = 0x0c */
        0xee11, 0x4a10, /* 0x04: vmov r4, s2 */
        0xdf00, 0xbf00, /* 0x08: svc 0; nop */
        0x5678, 0x1234, /* 0x0c: the literal */
        0xdead, 0xbeef,
    };
    ArmState s;

    (void)state;
    put_code(0x22000, code, sizeof(code));
    cpu_setup(&s, VFP4_FEATURES);
    s.vfp_d[1] = 0x42;
    assert_int_equal(run_from(&s, 0x22001), ARM_EXCP_SWI);
    assert_int_equal(s.vfp_d[0], 0xbeefdead12345678ull);
    assert_int_equal(s.r[4], 0x42);
    cpu_teardown(&s);
}

/* FPSCR: writable fields, cumulative flags, VMRS APSR_nzcv. */
static void test_fpscr(void **state)
{
    static const uint32_t code[] = {
        0xeee13a10, /* vmsr fpscr, r3 */
        0xeef14a10, /* vmrs r4, fpscr */
        0xeeb40b41, /* vcmp.f64 d0, d1 */
        0xeef1fa10, /* vmrs APSR_nzcv, fpscr */
        0xeef15a10, /* vmrs r5, fpscr */
    };
    ArmState s;

    (void)state;
    cpu_setup(&s, VFP4_FEATURES);
    s.r[3] = 0xffffffffu & ~(ARM_FPSCR_LEN | ARM_FPSCR_STRIDE);
    s.vfp_d[0] = 0x3ff0000000000000ull;      /* 1.0 */
    s.vfp_d[1] = 0x4000000000000000ull;      /* 2.0 */
    assert_int_equal(run_arm(&s, 0x23000, code, 5), ARM_EXCP_SWI);
    /* trap enables (bits 15, 12:8) and bit 19 read as zero */
    assert_int_equal(s.r[4], 0xffc0009fu);
    assert_int_equal(s.r[5], 0x8fc0009fu);     /* 1 < 2: N */
    assert_int_equal(arm_cpsr_read(&s) & 0xf0000000u, 0x80000000u);
    assert_true(s.vfp_status.flush_inputs);
    assert_true(s.vfp_status.default_nan);
    assert_int_equal(s.vfp_status.rounding, FPU_ROUND_ZERO);
    cpu_teardown(&s);
}

/* ---- UDEF ------------------------------------------------------------- */

static int run_one(uint32_t features, uint32_t insn, uint32_t fpscr)
{
    ArmState s;
    int r;

    cpu_setup(&s, features);
    arm_fpscr_write(&s, fpscr);
    r = run_arm(&s, 0x24000, &insn, 1);
    cpu_teardown(&s);
    return r;
}

static void test_udef(void **state)
{
    (void)state;
    /* no VFP on ARMv5TE */
    assert_int_equal(run_one(ARM_FEATURE_V5TE | ARM_FEATURE_THUMB,
                             0xee300a81, 0), ARM_EXCP_UDEF);
    assert_int_equal(run_one(VFP2_FEATURES, 0xee300a81, 0), ARM_EXCP_SWI);
    /* d16-d31 need D32 */
    assert_int_equal(run_one(VFP2_FEATURES, 0xee700b01, 0), ARM_EXCP_UDEF);
    assert_int_equal(run_one(VFP2_FEATURES, 0xedd11b04, 0), ARM_EXCP_UDEF);
    assert_int_equal(run_one(VFP3_FEATURES, 0xee700b01, 0), ARM_EXCP_SWI);
    /* VMOV immediate and fixed point are VFPv3 */
    assert_int_equal(run_one(VFP2_FEATURES, 0xeebf0b08, 0), ARM_EXCP_UDEF);
    assert_int_equal(run_one(VFP3_FEATURES, 0xeebf0b08, 0), ARM_EXCP_SWI);
    /* fused multiply-add is VFPv4, half precision needs FP16 */
    assert_int_equal(run_one(VFP3_FEATURES, 0xeea10a02, 0), ARM_EXCP_UDEF);
    assert_int_equal(run_one(VFP3_FEATURES, 0xeeb30a41, 0), ARM_EXCP_UDEF);
    assert_int_equal(run_one(VFP4_FEATURES, 0xeeb30a41, 0), ARM_EXCP_SWI);
    /* privileged registers: MVFR0, FPEXC; FPSID only on VFPv2 */
    assert_int_equal(run_one(VFP4_FEATURES, 0xeef79a10, 0), ARM_EXCP_UDEF);
    assert_int_equal(run_one(VFP4_FEATURES, 0xeef89a10, 0), ARM_EXCP_UDEF);
    assert_int_equal(run_one(VFP4_FEATURES, 0xeef09a10, 0), ARM_EXCP_UDEF);
    assert_int_equal(run_one(VFP2_FEATURES, 0xeef09a10, 0), ARM_EXCP_SWI);
    /* short vectors: data processing UDEF, conversions and moves run */
    assert_int_equal(run_one(VFP4_FEATURES, 0xee300a81, 0x00010000),
                     ARM_EXCP_UDEF);
    assert_int_equal(run_one(VFP4_FEATURES, 0xee300a81, 0x00100000),
                     ARM_EXCP_UDEF);
    assert_int_equal(run_one(VFP4_FEATURES, 0xeeb70bc1, 0x00010000),
                     ARM_EXCP_SWI);
    assert_int_equal(run_one(VFP4_FEATURES, 0xee114a10, 0x00010000),
                     ARM_EXCP_SWI);
    /* FLDMX with too many registers; VLDM of zero registers */
    assert_int_equal(run_one(VFP4_FEATURES, 0xecb10b05, 0), ARM_EXCP_SWI);
    assert_int_equal(run_one(VFP4_FEATURES, 0xecb10b00, 0), ARM_EXCP_UDEF);
}

/* An unaligned VLDR faults (VFP accesses need word alignment). */
static void test_alignment(void **state)
{
    static const uint32_t code[] = { 0xed910b00 };  /* vldr d0, [r1] */
    ArmState s;

    (void)state;
    cpu_setup(&s, VFP4_FEATURES);
    s.r[1] = DATA + 2;
    assert_int_equal(run_arm(&s, 0x25000, code, 1), EXCP_UNALIGNED);
    assert_int_equal(s.r[15], 0x25000);
    cpu_teardown(&s);
}

/* Half precision at the limits the table cannot reach cheaply. */
static void test_half(void **state)
{
    FpuStatus st;

    (void)state;
    fpu_status_init_arm(&st);
    assert_int_equal(arm_vfp_f32_to_f16(0x477fe000u, false, &st), 0x7bffu);
    assert_int_equal(st.flags, 0);
    assert_int_equal(arm_vfp_f32_to_f16(0x477ff000u, false, &st), 0x7c00u);
    assert_int_equal(st.flags, FPU_FLAG_OVERFLOW | FPU_FLAG_INEXACT);
    st.flags = 0;
    st.rounding = FPU_ROUND_ZERO;
    assert_int_equal(arm_vfp_f32_to_f16(0x477ff000u, false, &st), 0x7bffu);
    st.rounding = FPU_ROUND_NEAREST_EVEN;
    st.flags = 0;
    /* 2^-25 is half the smallest denormal: ties to even (zero) */
    assert_int_equal(arm_vfp_f32_to_f16(0x33000000u, false, &st), 0);
    assert_int_equal(st.flags, FPU_FLAG_UNDERFLOW | FPU_FLAG_INEXACT);
    st.flags = 0;
    assert_int_equal(arm_vfp_f32_to_f16(0x33000001u, false, &st), 1);
    /* AHP: 131008 is representable, NaN gives zero with invalid */
    st.flags = 0;
    assert_int_equal(arm_vfp_f32_to_f16(0x47ffe000u, true, &st), 0x7fffu);
    assert_int_equal(st.flags, 0);
    assert_int_equal(arm_vfp_f32_to_f16(0x7fc00000u, true, &st), 0);
    assert_int_equal(st.flags, FPU_FLAG_INVALID);
    assert_int_equal(arm_vfp_f16_to_f32(0x7fffu, true, &st), 0x47ffe000u);
    assert_int_equal(arm_vfp_f16_to_f32(0x0001u, false, &st), 0x33800000u);
}

int main(int argc, char **argv)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_vfp_a32_table),
        cmocka_unit_test(test_vfp_t32_table),
        cmocka_unit_test(test_loads_stores),
        cmocka_unit_test(test_transfers),
        cmocka_unit_test(test_thumb),
        cmocka_unit_test(test_fpscr),
        cmocka_unit_test(test_udef),
        cmocka_unit_test(test_alignment),
        cmocka_unit_test(test_half),
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
    return cmocka_run_group_tests_name("arm-vfp", tests, NULL, NULL);
}

/* ARM guest test: every data-processing opcode with flags, shifter operands
 * (immediate, rotated immediate, register shifts by 0/1/31/32/33/255, RRX),
 * carry chains and conditional execution on all 15 conditions.
 * Prints hex lines; expected output in isa_dp.expected. */
#include <stdint.h>
#include <stdio.h>

#define NZCV_MASK 0xf0000000u

static const uint32_t vals[] = {
    0x00000000u, 0x00000001u, 0x7fffffffu, 0x80000000u,
    0xffffffffu, 0x12345678u, 0x80000001u, 0xfffffffeu,
};
#define NVALS (sizeof(vals) / sizeof(vals[0]))

/* Each case sets NZCV from flags, runs one S-form instruction on a/b, and
 * returns the result and the flags after. */
#define DP(insn)                                                         \
    asm volatile("msr cpsr_f, %[fi]\n\t" insn "\n\tmrs %[fo], cpsr"       \
                 : [r] "=&r"(r), [fo] "=&r"(fo)                          \
                 : [a] "r"(a), [b] "r"(b), [fi] "r"(fi)                  \
                 : "cc")

static const char *const dp_names[] = {
    "ands", "eors", "subs", "rsbs", "adds", "adcs", "sbcs", "rscs",
    "tst",  "teq",  "cmp",  "cmn",  "orrs", "movs", "bics", "mvns",
};

static uint32_t dp_run(int op, uint32_t a, uint32_t b, uint32_t fi,
                       uint32_t *flags)
{
    uint32_t r = 0xdeadbeefu, fo = 0;
    switch (op) {
    case 0: DP("ands %[r], %[a], %[b]"); break;
    case 1: DP("eors %[r], %[a], %[b]"); break;
    case 2: DP("subs %[r], %[a], %[b]"); break;
    case 3: DP("rsbs %[r], %[a], %[b]"); break;
    case 4: DP("adds %[r], %[a], %[b]"); break;
    case 5: DP("adcs %[r], %[a], %[b]"); break;
    case 6: DP("sbcs %[r], %[a], %[b]"); break;
    case 7: DP("rscs %[r], %[a], %[b]"); break;
    case 8: DP("mov %[r], #0\n\ttst %[a], %[b]"); break;
    case 9: DP("mov %[r], #0\n\tteq %[a], %[b]"); break;
    case 10: DP("mov %[r], #0\n\tcmp %[a], %[b]"); break;
    case 11: DP("mov %[r], #0\n\tcmn %[a], %[b]"); break;
    case 12: DP("orrs %[r], %[a], %[b]"); break;
    case 13: DP("movs %[r], %[b]"); break;
    case 14: DP("bics %[r], %[a], %[b]"); break;
    case 15: DP("mvns %[r], %[b]"); break;
    }
    *flags = fo & NZCV_MASK;
    return r;
}

/* Non-S forms must leave flags alone. */
static uint32_t dp_run_nos(int op, uint32_t a, uint32_t b, uint32_t fi,
                           uint32_t *flags)
{
    uint32_t r = 0xdeadbeefu, fo = 0;
    switch (op) {
    case 0: DP("and %[r], %[a], %[b]"); break;
    case 1: DP("eor %[r], %[a], %[b]"); break;
    case 2: DP("sub %[r], %[a], %[b]"); break;
    case 3: DP("rsb %[r], %[a], %[b]"); break;
    case 4: DP("add %[r], %[a], %[b]"); break;
    case 5: DP("adc %[r], %[a], %[b]"); break;
    case 6: DP("sbc %[r], %[a], %[b]"); break;
    case 7: DP("rsc %[r], %[a], %[b]"); break;
    case 12: DP("orr %[r], %[a], %[b]"); break;
    case 13: DP("mov %[r], %[b]"); break;
    case 14: DP("bic %[r], %[a], %[b]"); break;
    case 15: DP("mvn %[r], %[b]"); break;
    default: fo = fi; break;
    }
    *flags = fo & NZCV_MASK;
    return r;
}

static void test_dp(void)
{
    static const uint32_t flag_in[] = {0x00000000u, 0x20000000u, 0xd0000000u,
                                       0xf0000000u};
    for (int op = 0; op < 16; op++) {
        printf("== %s\n", dp_names[op]);
        for (unsigned i = 0; i < NVALS; i++) {
            for (unsigned j = 0; j < NVALS; j++) {
                for (unsigned f = 0; f < 4; f++) {
                    uint32_t fl, fl2;
                    uint32_t r = dp_run(op, vals[i], vals[j], flag_in[f], &fl);
                    uint32_t r2 = dp_run_nos(op, vals[i], vals[j], flag_in[f],
                                             &fl2);
                    printf("%08x %08x %x -> %08x %x", vals[i], vals[j],
                           flag_in[f] >> 28, r, fl >> 28);
                    if (op < 8 || op >= 12) {
                        if (r2 != r || fl2 != flag_in[f]) {
                            printf(" NOS-MISMATCH %08x %x", r2, fl2 >> 28);
                        }
                    }
                    printf("\n");
                }
            }
        }
    }
}

/* Register-specified shifts: movs r, a, <shift> s, with C in = 0 and 1. */
#define SH(insn)                                                         \
    asm volatile("msr cpsr_f, %[fi]\n\t" insn "\n\tmrs %[fo], cpsr"       \
                 : [r] "=&r"(r), [fo] "=&r"(fo)                          \
                 : [a] "r"(a), [s] "r"(s), [fi] "r"(fi)                  \
                 : "cc")

static uint32_t shift_reg(int kind, uint32_t a, uint32_t s, uint32_t fi,
                          uint32_t *flags)
{
    uint32_t r = 0, fo = 0;
    switch (kind) {
    case 0: SH("movs %[r], %[a], lsl %[s]"); break;
    case 1: SH("movs %[r], %[a], lsr %[s]"); break;
    case 2: SH("movs %[r], %[a], asr %[s]"); break;
    case 3: SH("movs %[r], %[a], ror %[s]"); break;
    /* register shift as the second operand of an arithmetic op */
    case 4: SH("adds %[r], %[a], %[a], lsl %[s]"); break;
    case 5: SH("ands %[r], %[a], %[a], ror %[s]"); break;
    }
    *flags = fo & NZCV_MASK;
    return r;
}

static void test_reg_shifts(void)
{
    static const char *const kind_names[] = {"lsl", "lsr", "asr", "ror",
                                             "adds-lsl", "ands-ror"};
    static const uint32_t counts[] = {0, 1, 4, 31, 32, 33, 64, 255, 256,
                                      0xffffff01u, 0x120u};
    static const uint32_t inputs[] = {0x80000001u, 0x7ffffffeu, 0xf0f0f0f0u,
                                      0x00000001u};
    printf("== register shifts\n");
    for (int k = 0; k < 6; k++) {
        for (unsigned i = 0; i < sizeof(inputs) / sizeof(inputs[0]); i++) {
            for (unsigned c = 0; c < sizeof(counts) / sizeof(counts[0]); c++) {
                for (uint32_t fi = 0; fi <= 0x20000000u; fi += 0x20000000u) {
                    uint32_t fl;
                    uint32_t r = shift_reg(k, inputs[i], counts[c], fi, &fl);
                    printf("%s %08x by %x C%u -> %08x %x\n", kind_names[k],
                           inputs[i], counts[c], fi >> 29, r, fl >> 28);
                }
            }
        }
    }
}

/* Immediate shifts, including the encodings lsr #32, asr #32 and rrx. */
static uint32_t shift_imm(int kind, uint32_t a, uint32_t fi, uint32_t *flags)
{
    uint32_t r = 0, fo = 0, s = 0;
    switch (kind) {
    case 0: SH("movs %[r], %[a], lsl #0"); break;
    case 1: SH("movs %[r], %[a], lsl #1"); break;
    case 2: SH("movs %[r], %[a], lsl #31"); break;
    case 3: SH("movs %[r], %[a], lsr #1"); break;
    case 4: SH("movs %[r], %[a], lsr #31"); break;
    case 5: SH("movs %[r], %[a], lsr #32"); break;
    case 6: SH("movs %[r], %[a], asr #1"); break;
    case 7: SH("movs %[r], %[a], asr #31"); break;
    case 8: SH("movs %[r], %[a], asr #32"); break;
    case 9: SH("movs %[r], %[a], ror #1"); break;
    case 10: SH("movs %[r], %[a], ror #31"); break;
    case 11: SH("movs %[r], %[a], rrx"); break;
    case 12: SH("adcs %[r], %[a], %[a], rrx"); break;
    case 13: SH("subs %[r], %[a], %[a], asr #32"); break;
    case 14: SH("teq %[a], %[a], ror #16\n\tmov %[r], #0"); break;
    }
    (void)s;
    *flags = fo & NZCV_MASK;
    return r;
}

static void test_imm_shifts(void)
{
    static const char *const names[] = {
        "lsl#0", "lsl#1", "lsl#31", "lsr#1", "lsr#31", "lsr#32", "asr#1",
        "asr#31", "asr#32", "ror#1", "ror#31", "rrx", "adcs-rrx",
        "subs-asr#32", "teq-ror#16"};
    static const uint32_t inputs[] = {0x80000001u, 0x7ffffffeu, 0x00000000u,
                                      0xc0000003u};
    printf("== immediate shifts\n");
    for (int k = 0; k < 15; k++) {
        for (unsigned i = 0; i < 4; i++) {
            for (uint32_t fi = 0; fi <= 0x20000000u; fi += 0x20000000u) {
                uint32_t fl;
                uint32_t r = shift_imm(k, inputs[i], fi, &fl);
                printf("%s %08x C%u -> %08x %x\n", names[k], inputs[i],
                       fi >> 29, r, fl >> 28);
            }
        }
    }
}

/* Rotated immediates: the shifter carry-out is bit 31 of the constant when
 * the rotation is non-zero, otherwise C is unchanged (ARM ARM A5.1.3). */
static void test_rot_imm(void)
{
    printf("== rotated immediates\n");
    for (uint32_t fi = 0; fi <= 0x20000000u; fi += 0x20000000u) {
        uint32_t r, fo, a = 0xffffffffu, b = 0, s = 0;
        (void)b;
        (void)s;
        SH("movs %[r], #0x80000000");
        printf("movs #0x80000000 C%u -> %08x %x\n", fi >> 29, r, fo >> 28);
        SH("movs %[r], #0xff");
        printf("movs #0xff C%u -> %08x %x\n", fi >> 29, r, fo >> 28);
        SH("ands %[r], %[a], #0x3fc");
        printf("ands #0x3fc C%u -> %08x %x\n", fi >> 29, r, fo >> 28);
        SH("mvns %[r], #0xf000000f");
        printf("mvns #0xf000000f C%u -> %08x %x\n", fi >> 29, r, fo >> 28);
        SH("tst %[a], #0x40000000\n\tmov %[r], #1");
        printf("tst #0x40000000 C%u -> %08x %x\n", fi >> 29, r, fo >> 28);
        SH("adds %[r], %[a], #0x100");
        printf("adds #0x100 C%u -> %08x %x\n", fi >> 29, r, fo >> 28);
        SH("rsbs %[r], %[a], #0");
        printf("rsbs #0 C%u -> %08x %x\n", fi >> 29, r, fo >> 28);
        SH("cmn %[a], #1\n\tmov %[r], #2");
        printf("cmn #1 C%u -> %08x %x\n", fi >> 29, r, fo >> 28);
    }
}

/* 96-bit and 64-bit carry chains through adc/sbc/rsc. */
static void test_carry_chains(void)
{
    printf("== carry chains\n");
    static const uint32_t a64[][2] = {
        {0xffffffffu, 0x00000000u}, {0x00000001u, 0xffffffffu},
        {0x80000000u, 0x7fffffffu}, {0x00000000u, 0x00000000u},
        {0x12345678u, 0x9abcdef0u}};
    for (unsigned i = 0; i < 5; i++) {
        for (unsigned j = 0; j < 5; j++) {
            uint32_t lo, hi, x, fo;
            asm volatile("adds %[lo], %[al], %[bl]\n\t"
                         "adcs %[hi], %[ah], %[bh]\n\t"
                         "mov %[x], #0\n\t"
                         "adc %[x], %[x], #0\n\t"
                         "mrs %[fo], cpsr"
                         : [lo] "=&r"(lo), [hi] "=&r"(hi), [x] "=&r"(x),
                           [fo] "=&r"(fo)
                         : [al] "r"(a64[i][0]), [ah] "r"(a64[i][1]),
                           [bl] "r"(a64[j][0]), [bh] "r"(a64[j][1])
                         : "cc");
            printf("add64 %08x%08x + %08x%08x = %x:%08x%08x %x\n", a64[i][1],
                   a64[i][0], a64[j][1], a64[j][0], x, hi, lo, fo >> 28);
            asm volatile("subs %[lo], %[al], %[bl]\n\t"
                         "sbcs %[hi], %[ah], %[bh]\n\t"
                         "mov %[x], #0\n\t"
                         "sbc %[x], %[x], #0\n\t"
                         "mrs %[fo], cpsr"
                         : [lo] "=&r"(lo), [hi] "=&r"(hi), [x] "=&r"(x),
                           [fo] "=&r"(fo)
                         : [al] "r"(a64[i][0]), [ah] "r"(a64[i][1]),
                           [bl] "r"(a64[j][0]), [bh] "r"(a64[j][1])
                         : "cc");
            printf("sub64 %08x%08x - %08x%08x = %x:%08x%08x %x\n", a64[i][1],
                   a64[i][0], a64[j][1], a64[j][0], x, hi, lo, fo >> 28);
            /* rsb/rsc chain computes b - a */
            asm volatile("rsbs %[lo], %[al], %[bl]\n\t"
                         "rscs %[hi], %[ah], %[bh]\n\t"
                         "mrs %[fo], cpsr"
                         : [lo] "=&r"(lo), [hi] "=&r"(hi), [fo] "=&r"(fo)
                         : [al] "r"(a64[i][0]), [ah] "r"(a64[i][1]),
                           [bl] "r"(a64[j][0]), [bh] "r"(a64[j][1])
                         : "cc");
            printf("rsb64 %08x%08x - %08x%08x = %08x%08x %x\n", a64[j][1],
                   a64[j][0], a64[i][1], a64[i][0], hi, lo, fo >> 28);
        }
    }
}

/* Conditional execution: for each of the 16 NZCV values, a bit mask of
 * which of the 15 conditions (eq..al) executed. */
static uint32_t cond_mask(uint32_t fi)
{
    uint32_t m;
    asm volatile("msr cpsr_f, %[fi]\n\t"
                 "mov %[m], #0\n\t"
                 "orreq %[m], %[m], #0x0001\n\t"
                 "orrne %[m], %[m], #0x0002\n\t"
                 "orrcs %[m], %[m], #0x0004\n\t"
                 "orrcc %[m], %[m], #0x0008\n\t"
                 "orrmi %[m], %[m], #0x0010\n\t"
                 "orrpl %[m], %[m], #0x0020\n\t"
                 "orrvs %[m], %[m], #0x0040\n\t"
                 "orrvc %[m], %[m], #0x0080\n\t"
                 "orrhi %[m], %[m], #0x0100\n\t"
                 "orrls %[m], %[m], #0x0200\n\t"
                 "orrge %[m], %[m], #0x0400\n\t"
                 "orrlt %[m], %[m], #0x0800\n\t"
                 "orrgt %[m], %[m], #0x1000\n\t"
                 "orrle %[m], %[m], #0x2000\n\t"
                 "orral %[m], %[m], #0x4000\n\t"
                 : [m] "=&r"(m)
                 : [fi] "r"(fi)
                 : "cc");
    return m;
}

/* Conditional branches and conditional flag-setting ops. */
static uint32_t cond_branch_mask(uint32_t fi)
{
    uint32_t m;
    asm volatile("msr cpsr_f, %[fi]\n\t"
                 "mov %[m], #0\n\t"
                 "bne 1f\n\t"
                 "orr %[m], %[m], #1\n"
                 "1:\n\t"
                 "bhi 2f\n\t"
                 "orr %[m], %[m], #2\n"
                 "2:\n\t"
                 "blt 3f\n\t"
                 "orr %[m], %[m], #4\n"
                 "3:\n\t"
                 "ble 4f\n\t"
                 "orr %[m], %[m], #8\n"
                 "4:\n\t"
                 /* a conditional compare that rewrites the flags only when
                  * it executes */
                 "cmpvs %[m], %[m]\n\t"
                 "orreq %[m], %[m], #0x10\n\t"
                 : [m] "=&r"(m)
                 : [fi] "r"(fi)
                 : "cc");
    return m;
}

/* Reading the PC as an operand yields the instruction address + 8. */
static void test_pc_operand(void)
{
    uint32_t d1, d2, d3;
    asm volatile("1: mov %[d1], pc\n\t"
                 "adr %[d2], 1b\n\t"
                 "sub %[d1], %[d1], %[d2]\n\t"
                 "2: add %[d3], pc, #4\n\t"
                 "adr %[d2], 2b\n\t"
                 "sub %[d3], %[d3], %[d2]\n\t"
                 "3: sub %[d2], pc, #8\n\t"
                 "sub %[d2], %[d2], pc\n\t"
                 : [d1] "=&r"(d1), [d2] "=&r"(d2), [d3] "=&r"(d3));
    printf("== pc operand\nmov pc: +%u add pc,#4: +%u sub: %d\n", d1, d3,
           (int32_t)d2);
    /* a computed jump through "add pc, pc, rX, lsl #2" (a jump table) */
    for (uint32_t i = 0; i < 4; i++) {
        uint32_t v;
        asm volatile("add pc, pc, %[i], lsl #3\n\t"
                     "nop\n\t"
                     "mov %[v], #10\n\t"
                     "b 1f\n\t"
                     "mov %[v], #11\n\t"
                     "b 1f\n\t"
                     "mov %[v], #12\n\t"
                     "b 1f\n\t"
                     "mov %[v], #13\n"
                     "1:\n\t"
                     : [v] "=&r"(v)
                     : [i] "r"(i));
        printf("jump table %u -> %u\n", i, v);
    }
}

/* MSR/MRS: flag bits written and read back, with the mask forms. */
static void test_msr(void)
{
    printf("== msr/mrs\n");
    static const uint32_t in[] = {0xf0000000u, 0x50000000u, 0xa8000000u,
                                  0x08000000u, 0x00000000u};
    for (unsigned i = 0; i < 5; i++) {
        uint32_t o;
        asm volatile("msr cpsr_f, %[v]\n\tmrs %[o], cpsr"
                     : [o] "=r"(o)
                     : [v] "r"(in[i])
                     : "cc");
        printf("msr cpsr_f %08x -> %08x\n", in[i], o & 0xf8000000u);
    }
    uint32_t o;
    asm volatile("msr cpsr_f, #0x60000000\n\tmrs %[o], cpsr"
                 : [o] "=r"(o)
                 :
                 : "cc");
    printf("msr cpsr_f #imm -> %08x\n", o & 0xf8000000u);
    asm volatile("msr cpsr_f, #0\n\tmrs %[o], cpsr" : [o] "=r"(o) : : "cc");
    printf("user mode bits -> %02x\n", o & 0x3fu);
}

int main(void)
{
    test_dp();
    test_reg_shifts();
    test_imm_shifts();
    test_rot_imm();
    test_carry_chains();
    printf("== conditions\n");
    for (uint32_t f = 0; f < 16; f++) {
        printf("nzcv %x: %04x %02x\n", f, cond_mask(f << 28),
               cond_branch_mask(f << 28));
    }
    test_pc_operand();
    test_msr();
    printf("done\n");
    return 0;
}

/* ARM guest test, built with -mthumb: Thumb-1 (ARMv5TE) ALU ops with flags,
 * shifts by register and immediate, high-register ops, loads/stores in all
 * Thumb forms, push/pop, ldmia/stmia, conditional branches, BL/BLX/BX and
 * an SVC issued from Thumb state.  Flags are set and read by two tiny ARM
 * functions reached with BLX (Thumb-1 has no MRS/MSR). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* ARM-state helpers: r0 -> NZCV; return CPSR in r0.  Only r0 is touched. */
__attribute__((target("arm"), naked, noinline)) void thumb_set_flags_arm(void)
{
    asm volatile("msr cpsr_f, r0\n\tbx lr");
}

__attribute__((target("arm"), naked, noinline)) void thumb_get_cpsr_arm(void)
{
    asm volatile("mrs r0, cpsr\n\tbx lr");
}

typedef struct {
    uint32_t a, b, fi, r, fo;
} AluCase;

static const uint32_t vals[] = {0x00000000u, 0x00000001u, 0x0000001fu,
                                0x00000020u, 0x00000021u, 0x7fffffffu,
                                0x80000000u, 0xffffffffu, 0x800000ffu};
#define NVALS (sizeof(vals) / sizeof(vals[0]))

#define T(insn)                                                          \
    asm volatile("ldr r1, [%[p], #0]\n\t"                                \
                 "ldr r2, [%[p], #4]\n\t"                                \
                 "ldr r0, [%[p], #8]\n\t"                                \
                 "bl thumb_set_flags_arm\n\t" insn "\n\t"               \
                 "str r1, [%[p], #12]\n\t"                               \
                 "bl thumb_get_cpsr_arm\n\t"                            \
                 "str r0, [%[p], #16]\n\t"                               \
                 :                                                       \
                 : [p] "l"(c)                                            \
                 : "r0", "r1", "r2", "r3", "r8", "lr", "cc", "memory")

static const char *const op_names[] = {
    "adds3",  "subs3",   "adds#3",  "subs#7", "adds#200", "subs#1",
    "adcs",   "sbcs",    "ands",    "eors",   "orrs",     "bics",
    "mvns",   "negs",    "muls",    "lsls",   "lsrs",     "asrs",
    "rors",   "lsls#5",  "lsrs#32", "asrs#32", "lsrs#1",  "asrs#31",
    "tst",    "cmp",     "cmn",     "cmp#100", "movs#255", "add-hi",
    "cmp-hi", "mov-hi",  "lsls#0",
};
#define NOPS (sizeof(op_names) / sizeof(op_names[0]))

static void alu_run(unsigned op, AluCase *c)
{
    switch (op) {
    case 0: T("adds r1, r1, r2"); break;
    case 1: T("subs r1, r1, r2"); break;
    case 2: T("adds r1, r1, #3"); break;
    case 3: T("subs r1, r2, #7"); break;
    case 4: T("adds r1, #200"); break;
    case 5: T("subs r1, #1"); break;
    case 6: T("adcs r1, r2"); break;
    case 7: T("sbcs r1, r2"); break;
    case 8: T("ands r1, r2"); break;
    case 9: T("eors r1, r2"); break;
    case 10: T("orrs r1, r2"); break;
    case 11: T("bics r1, r2"); break;
    case 12: T("mvns r1, r2"); break;
    case 13: T("negs r1, r2"); break;
    case 14: T("muls r1, r2, r1"); break;
    case 15: T("lsls r1, r2"); break;
    case 16: T("lsrs r1, r2"); break;
    case 17: T("asrs r1, r2"); break;
    case 18: T("rors r1, r2"); break;
    case 19: T("lsls r1, r2, #5"); break;
    case 20: T("lsrs r1, r2, #32"); break;
    case 21: T("asrs r1, r2, #32"); break;
    case 22: T("lsrs r1, r2, #1"); break;
    case 23: T("asrs r1, r2, #31"); break;
    case 24: T("tst r1, r2"); break;
    case 25: T("cmp r1, r2"); break;
    case 26: T("cmn r1, r2"); break;
    case 27: T("cmp r1, #100"); break;
    case 28: T("movs r1, #255"); break;
    case 29: T("mov r8, r2\n\tadd r1, r8"); break;
    case 30: T("mov r8, r2\n\tcmp r1, r8"); break;
    case 31: T("mov r8, r2\n\tmov r1, r8"); break;
    case 32: T("lsls r1, r2, #0"); break;
    }
}

static void test_alu(void)
{
    static const uint32_t flag_in[] = {0x00000000u, 0x20000000u, 0xf0000000u};
    for (unsigned op = 0; op < NOPS; op++) {
        printf("== %s\n", op_names[op]);
        for (unsigned i = 0; i < NVALS; i++) {
            for (unsigned j = 0; j < NVALS; j++) {
                for (unsigned f = 0; f < 3; f++) {
                    AluCase c = {vals[i], vals[j], flag_in[f], 0, 0};
                    alu_run(op, &c);
                    /* ARMv5 MULS: C unchanged (ARM ARM A7.1.44 note) */
                    printf("%08x %08x %x -> %08x %x\n", c.a, c.b, c.fi >> 28,
                           c.r, c.fo >> 28);
                }
            }
        }
    }
}

/* B<cond> after the flags are set; r1 = 1 if taken.  LDR-literal is used
 * to load constants because Thumb-1 MOVS would change the flags. */
#define BR(cc)                                                           \
    asm volatile("ldr r0, [%[p], #8]\n\t"                                \
                 "bl thumb_set_flags_arm\n\t"                           \
                 "ldr r1, =1\n\t"                                        \
                 "b" cc " 1f\n\t"                                        \
                 "ldr r1, =0\n"                                          \
                 "1:\n\t"                                                \
                 "str r1, [%[p], #12]\n\t"                               \
                 :                                                       \
                 : [p] "l"(&c)                                           \
                 : "r0", "r1", "r2", "r3", "lr", "cc", "memory")

static void test_cond_branches(void)
{
    printf("== conditional branches\n");
    for (uint32_t f = 0; f < 16; f++) {
        AluCase c = {0, 0, f << 28, 0, 0};
        uint32_t mask = 0;
        for (int k = 0; k < 14; k++) {
            switch (k) {
            case 0: BR("eq"); break;
            case 1: BR("ne"); break;
            case 2: BR("cs"); break;
            case 3: BR("cc"); break;
            case 4: BR("mi"); break;
            case 5: BR("pl"); break;
            case 6: BR("vs"); break;
            case 7: BR("vc"); break;
            case 8: BR("hi"); break;
            case 9: BR("ls"); break;
            case 10: BR("ge"); break;
            case 11: BR("lt"); break;
            case 12: BR("gt"); break;
            case 13: BR("le"); break;
            }
            mask |= c.r << k;
        }
        printf("nzcv %x: %04x\n", f, mask);
    }
}

static uint8_t mem[64] __attribute__((aligned(8)));

static void test_ldst(void)
{
    uint32_t out[12];
    printf("== loads/stores\n");
    for (int i = 0; i < 64; i++) {
        mem[i] = (uint8_t)(0x80 + i * 5);
    }
    asm volatile("ldr r0, [%[m], #4]\n\t"
                 "str r0, [%[o], #0]\n\t"
                 "movs r1, #12\n\t"
                 "ldr r0, [%[m], r1]\n\t"
                 "str r0, [%[o], #4]\n\t"
                 "ldrb r0, [%[m], #31]\n\t"
                 "str r0, [%[o], #8]\n\t"
                 "ldrb r0, [%[m], r1]\n\t"
                 "str r0, [%[o], #12]\n\t"
                 "ldrh r0, [%[m], #6]\n\t"
                 "str r0, [%[o], #16]\n\t"
                 "ldrh r0, [%[m], r1]\n\t"
                 "str r0, [%[o], #20]\n\t"
                 "ldrsb r0, [%[m], r1]\n\t"
                 "str r0, [%[o], #24]\n\t"
                 "movs r1, #2\n\t"
                 "ldrsb r0, [%[m], r1]\n\t"
                 "str r0, [%[o], #28]\n\t"
                 "ldrsh r0, [%[m], r1]\n\t"
                 "str r0, [%[o], #32]\n\t"
                 "movs r1, #26\n\t"
                 "ldrsh r0, [%[m], r1]\n\t"
                 "str r0, [%[o], #36]\n\t"
                 :
                 : [m] "l"(mem), [o] "l"(out)
                 : "r0", "r1", "memory");
    for (int i = 0; i < 10; i++) {
        printf("load %d: %08x\n", i, out[i]);
    }
    memset(mem, 0, sizeof(mem));
    asm volatile("ldr r0, =0x11223344\n\t"
                 "str r0, [%[m], #8]\n\t"
                 "movs r1, #16\n\t"
                 "str r0, [%[m], r1]\n\t"
                 "strb r0, [%[m], #21]\n\t"
                 "strb r0, [%[m], r1]\n\t"
                 "strh r0, [%[m], #26]\n\t"
                 "movs r1, #30\n\t"
                 "strh r0, [%[m], r1]\n\t"
                 :
                 : [m] "l"(mem)
                 : "r0", "r1", "memory");
    for (int i = 0; i < 32; i++) {
        printf("%02x%s", mem[i], i % 16 == 15 ? "\n" : " ");
    }
    /* sp-relative, add rd, sp/pc, push/pop, ldmia/stmia with writeback */
    asm volatile("sub sp, #16\n\t"
                 "ldr r0, =0xabcd0001\n\t"
                 "str r0, [sp, #8]\n\t"
                 "ldr r1, [sp, #8]\n\t"
                 "add r2, sp, #8\n\t"
                 "ldr r2, [r2, #0]\n\t"
                 "add sp, #16\n\t"
                 "str r1, [%[o], #0]\n\t"
                 "str r2, [%[o], #4]\n\t"
                 "movs r0, #1\n\t"
                 "movs r1, #2\n\t"
                 "movs r2, #3\n\t"
                 "push {r0, r1, r2}\n\t"
                 "pop {r1, r2, r3}\n\t"
                 "str r1, [%[o], #8]\n\t"
                 "str r3, [%[o], #12]\n\t"
                 "adds r3, %[m], #0\n\t"
                 "movs r0, #7\n\t"
                 "movs r1, #8\n\t"
                 "stmia r3!, {r0, r1}\n\t"
                 "subs r3, r3, %[m]\n\t"
                 "str r3, [%[o], #16]\n\t"
                 "adds r3, %[m], #0\n\t"
                 "ldmia r3!, {r1, r2}\n\t"
                 "subs r3, r3, %[m]\n\t"
                 "str r1, [%[o], #20]\n\t"
                 "str r2, [%[o], #24]\n\t"
                 "str r3, [%[o], #28]\n\t"
                 /* ldmia with the base in the list: no writeback */
                 "adds r3, %[m], #0\n\t"
                 "ldmia r3, {r2, r3}\n\t"
                 "str r3, [%[o], #32]\n\t"
                 /* pc-relative: adr aligns pc down to a word */
                 "adr r0, 2f\n\t"
                 "ldr r0, [r0, #0]\n\t"
                 "str r0, [%[o], #36]\n\t"
                 "b 3f\n\t"
                 ".align 2\n"
                 "2: .word 0x5eed5eed\n"
                 "3:\n\t"
                 :
                 : [m] "l"(mem), [o] "l"(out)
                 : "r0", "r1", "r2", "r3", "memory");
    for (int i = 0; i < 10; i++) {
        printf("misc %d: %08x\n", i, out[i]);
    }
}

__attribute__((noinline)) static int thumb_callee(int x)
{
    return x * 3 + 1;
}

__attribute__((target("arm"), noinline)) int arm_callee(int x)
{
    return x * 5 - 2;
}

static void test_calls(void)
{
    int (*volatile fp)(int) = thumb_callee;
    int (*volatile ap)(int) = arm_callee;
    printf("== calls\n");
    printf("bl thumb %d\n", thumb_callee(7));
    printf("blx reg thumb %d\n", fp(8));
    printf("blx reg arm %d\n", ap(9));
    printf("thumb ptr bit0 %u arm ptr bit0 %u\n",
           (unsigned)((uintptr_t)fp & 1), (unsigned)((uintptr_t)ap & 1));
    /* bx to an ARM label and back with bx */
    uint32_t v;
    asm volatile("adr r0, 1f\n\t"
                 "bx r0\n\t"
                 ".align 2\n\t"
                 ".arm\n"
                 "1: mov r1, #0x42\n\t"
                 "add r0, pc, #1\n\t" /* pc+8 -> the thumb code below, +1 */
                 "bx r0\n\t"
                 ".thumb\n\t"
                 "adds %[v], r1, #0\n\t"
                 : [v] "=l"(v)
                 :
                 : "r0", "r1", "cc");
    printf("bx arm and back %x\n", v);
}

static void test_svc(void)
{
    static const char msg[] = "svc from thumb\n";
    uint32_t ret;
    fflush(stdout);
    asm volatile("movs r0, #1\n\t"
                 "adds r1, %[m], #0\n\t"
                 "movs r2, %[n]\n\t"
                 "push {r7}\n\t"
                 "movs r7, #4\n\t"
                 "svc #0\n\t"
                 "pop {r7}\n\t"
                 "adds %[r], r0, #0\n\t"
                 : [r] "=l"(ret)
                 : [m] "l"(msg), [n] "I"(sizeof(msg) - 1)
                 : "r0", "r1", "r2", "memory");
    printf("svc returned %u\n", ret);
}

int main(void)
{
    test_alu();
    test_cond_branches();
    test_ldst();
    test_calls();
    test_svc();
    printf("done\n");
    return 0;
}

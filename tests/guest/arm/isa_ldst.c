/* ARM guest test: every load/store addressing form (offset, pre-indexed
 * with writeback, post-indexed; immediate, register, scaled register),
 * LDRH/STRH/LDRSB/LDRSH, LDRD/STRD, LDM/STM IA/IB/DA/DB with writeback,
 * SWP/SWPB, LDRT/STRT and PLD.  Prints values and base offsets in hex. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint8_t buf[256] __attribute__((aligned(8)));

static void fill(void)
{
    for (int i = 0; i < 256; i++) {
        buf[i] = (uint8_t)(i * 7 + 0x81);
    }
}

static uint32_t off(uint32_t p)
{
    return p - (uint32_t)(uintptr_t)buf;
}

static void test_ldr_forms(void)
{
    uint32_t v, b;
    uint32_t base = (uint32_t)(uintptr_t)(buf + 64);
    uint32_t idx = 12;
    printf("== ldr forms\n");
    fill();

    asm volatile("ldr %[v], [%[b], #8]" : [v] "=r"(v) : [b] "r"(base));
    printf("ldr [b,#8] %08x\n", v);
    asm volatile("ldr %[v], [%[b], #-8]" : [v] "=r"(v) : [b] "r"(base));
    printf("ldr [b,#-8] %08x\n", v);
    b = base;
    asm volatile("ldr %[v], [%[b], #4]!" : [v] "=&r"(v), [b] "+r"(b));
    printf("ldr [b,#4]! %08x b+%u\n", v, off(b));
    b = base;
    asm volatile("ldr %[v], [%[b]], #-4" : [v] "=&r"(v), [b] "+r"(b));
    printf("ldr [b],#-4 %08x b+%u\n", v, off(b));
    asm volatile("ldr %[v], [%[b], %[i]]"
                 : [v] "=r"(v)
                 : [b] "r"(base), [i] "r"(idx));
    printf("ldr [b,r] %08x\n", v);
    asm volatile("ldr %[v], [%[b], -%[i]]"
                 : [v] "=r"(v)
                 : [b] "r"(base), [i] "r"(idx));
    printf("ldr [b,-r] %08x\n", v);
    asm volatile("ldr %[v], [%[b], %[i], lsl #2]"
                 : [v] "=r"(v)
                 : [b] "r"(base), [i] "r"(3u));
    printf("ldr [b,r,lsl#2] %08x\n", v);
    asm volatile("ldr %[v], [%[b], %[i], asr #1]"
                 : [v] "=r"(v)
                 : [b] "r"(base), [i] "r"(0xfffffff0u));
    printf("ldr [b,r,asr#1] %08x\n", v);
    asm volatile("ldr %[v], [%[b], -%[i], lsr #30]"
                 : [v] "=r"(v)
                 : [b] "r"(base), [i] "r"(0xffffffffu));
    printf("ldr [b,-r,lsr#30] %08x\n", v);
    asm volatile("msr cpsr_f, #0x20000000\n\t"
                 "ldr %[v], [%[b], %[i], rrx]"
                 : [v] "=r"(v)
                 : [b] "r"(base + 0x80000000u), [i] "r"(8u)
                 : "cc");
    /* offset is 0x80000004; the biased base makes the sum base + 4 */
    printf("ldr [b,r,rrx] C=1 %08x\n", v);
    b = base;
    asm volatile("ldr %[v], [%[b], %[i], lsl #1]!"
                 : [v] "=&r"(v), [b] "+r"(b)
                 : [i] "r"(4u));
    printf("ldr [b,r,lsl#1]! %08x b+%u\n", v, off(b));
    b = base;
    asm volatile("ldr %[v], [%[b]], -%[i]"
                 : [v] "=&r"(v), [b] "+r"(b)
                 : [i] "r"(20u));
    printf("ldr [b],-r %08x b+%u\n", v, off(b));
    b = base;
    asm volatile("ldr %[v], [%[b]], %[i], lsl #3"
                 : [v] "=&r"(v), [b] "+r"(b)
                 : [i] "r"(2u));
    printf("ldr [b],r,lsl#3 %08x b+%u\n", v, off(b));
    b = base;
    asm volatile("ldrb %[v], [%[b], #-1]!" : [v] "=&r"(v), [b] "+r"(b));
    printf("ldrb [b,#-1]! %08x b+%u\n", v, off(b));
    b = base;
    asm volatile("ldrb %[v], [%[b]], #3" : [v] "=&r"(v), [b] "+r"(b));
    printf("ldrb [b],#3 %08x b+%u\n", v, off(b));
    asm volatile("ldrb %[v], [%[b], %[i]]"
                 : [v] "=r"(v)
                 : [b] "r"(base), [i] "r"(0xffffffffu));
    printf("ldrb [b,r=-1] %08x\n", v);
    b = base;
    asm volatile("ldrt %[v], [%[b]], #4" : [v] "=&r"(v), [b] "+r"(b));
    printf("ldrt [b],#4 %08x b+%u\n", v, off(b));
    b = base;
    asm volatile("ldrbt %[v], [%[b]], #1" : [v] "=&r"(v), [b] "+r"(b));
    printf("ldrbt [b],#1 %08x b+%u\n", v, off(b));
    asm volatile("pld [%[b], #64]\n\tpld [%[b], %[i]]" : : [b] "r"(base),
                 [i] "r"(idx));
    printf("pld ok\n");
    /* load into the base register itself, no writeback */
    b = base;
    asm volatile("ldr %[b], [%[b], #4]" : [b] "+r"(b));
    printf("ldr rb,[rb,#4] %08x\n", b);
    /* PC-relative literal load */
    asm volatile("ldr %[v], 1f\n\t"
                 "b 2f\n"
                 "1: .word 0xcafef00d\n"
                 "2:\n"
                 : [v] "=r"(v));
    printf("ldr literal %08x\n", v);
}

static void test_str_forms(void)
{
    uint32_t b;
    uint32_t base = (uint32_t)(uintptr_t)(buf + 64);
    printf("== str forms\n");
    memset(buf, 0, sizeof(buf));
    asm volatile("str %[v], [%[b], #8]"
                 :
                 : [v] "r"(0x11223344u), [b] "r"(base)
                 : "memory");
    b = base;
    asm volatile("str %[v], [%[b], #-16]!"
                 : [b] "+r"(b)
                 : [v] "r"(0x55667788u)
                 : "memory");
    printf("str [b,#-16]! b+%u\n", off(b));
    b = base;
    asm volatile("str %[v], [%[b]], %[i], lsl #2"
                 : [b] "+r"(b)
                 : [v] "r"(0x99aabbccu), [i] "r"(5u)
                 : "memory");
    printf("str [b],r,lsl#2 b+%u\n", off(b));
    asm volatile("strb %[v], [%[b], #3]"
                 :
                 : [v] "r"(0x123456ddu), [b] "r"(base)
                 : "memory");
    b = base;
    asm volatile("strb %[v], [%[b], -%[i]]!"
                 : [b] "+r"(b)
                 : [v] "r"(0xeeu), [i] "r"(7u)
                 : "memory");
    printf("strb [b,-r]! b+%u\n", off(b));
    asm volatile("strh %[v], [%[b], #20]"
                 :
                 : [v] "r"(0xabcd1234u), [b] "r"(base)
                 : "memory");
    b = base;
    asm volatile("strh %[v], [%[b]], #-2"
                 : [b] "+r"(b)
                 : [v] "r"(0x5678u)
                 : "memory");
    printf("strh [b],#-2 b+%u\n", off(b));
    b = base;
    asm volatile("strh %[v], [%[b], %[i]]!"
                 : [b] "+r"(b)
                 : [v] "r"(0x9abcu), [i] "r"(24u)
                 : "memory");
    printf("strh [b,r]! b+%u\n", off(b));
    b = base;
    asm volatile("strt %[v], [%[b]], #-8"
                 : [b] "+r"(b)
                 : [v] "r"(0x0badf00du)
                 : "memory");
    printf("strt [b],#-8 b+%u\n", off(b));
    /* STR of the PC stores the instruction address + 8 (ARMv5: an
     * IMPLEMENTATION DEFINED +8 or +12; print relative to a label, and
     * only whether it is 8 or 12) */
    uint32_t d;
    asm volatile("1: str pc, [%[b], #32]\n\t"
                 "ldr %[d], [%[b], #32]\n\t"
                 "adr %[t], 1b\n\t"
                 "sub %[d], %[d], %[t]\n\t"
                 : [d] "=&r"(d), [t] "=&r"(b)
                 : [b] "r"(base)
                 : "memory");
    printf("str pc: +%s\n", d == 8 || d == 12 ? "8/12" : "bad");
    buf[96] = buf[97] = buf[98] = buf[99] = 0;
    for (int i = 40; i < 100; i++) {
        printf("%02x%s", buf[i], (i % 20) == 19 ? "\n" : " ");
    }
}

static void test_half(void)
{
    uint32_t v, b;
    uint32_t base = (uint32_t)(uintptr_t)(buf + 64);
    printf("== halfword and signed loads\n");
    fill();
    asm volatile("ldrh %[v], [%[b], #6]" : [v] "=r"(v) : [b] "r"(base));
    printf("ldrh [b,#6] %08x\n", v);
    asm volatile("ldrsh %[v], [%[b], #-2]" : [v] "=r"(v) : [b] "r"(base));
    printf("ldrsh [b,#-2] %08x\n", v);
    asm volatile("ldrsh %[v], [%[b], #4]" : [v] "=r"(v) : [b] "r"(base));
    printf("ldrsh [b,#4] %08x\n", v);
    asm volatile("ldrsh %[v], [%[b], #8]" : [v] "=r"(v) : [b] "r"(base));
    printf("ldrsh [b,#8] %08x\n", v);
    asm volatile("ldrsb %[v], [%[b], #1]" : [v] "=r"(v) : [b] "r"(base));
    printf("ldrsb [b,#1] %08x\n", v);
    asm volatile("ldrsb %[v], [%[b], #7]" : [v] "=r"(v) : [b] "r"(base));
    printf("ldrsb [b,#7] %08x\n", v);
    b = base;
    asm volatile("ldrsb %[v], [%[b], %[i]]!"
                 : [v] "=&r"(v), [b] "+r"(b)
                 : [i] "r"(0xfffffff3u));
    printf("ldrsb [b,r]! %08x b+%u\n", v, off(b));
    b = base;
    asm volatile("ldrh %[v], [%[b]], -%[i]"
                 : [v] "=&r"(v), [b] "+r"(b)
                 : [i] "r"(6u));
    printf("ldrh [b],-r %08x b+%u\n", v, off(b));
    b = base;
    asm volatile("ldrsh %[v], [%[b], #-30]!" : [v] "=&r"(v), [b] "+r"(b));
    printf("ldrsh [b,#-30]! %08x b+%u\n", v, off(b));
    b = base;
    asm volatile("ldrsh %[v], [%[b]], #2" : [v] "=&r"(v), [b] "+r"(b));
    printf("ldrsh [b],#2 %08x b+%u\n", v, off(b));
}

static void test_dual(void)
{
    register uint32_t lo asm("r2");
    register uint32_t hi asm("r3");
    uint32_t b;
    uint32_t base = (uint32_t)(uintptr_t)(buf + 64);
    printf("== ldrd/strd\n");
    fill();
    asm volatile("ldrd r2, r3, [%[b], #8]"
                 : "=r"(lo), "=r"(hi)
                 : [b] "r"(base));
    printf("ldrd [b,#8] %08x %08x\n", lo, hi);
    b = base;
    asm volatile("ldrd r2, r3, [%[b], #-16]!"
                 : "=r"(lo), "=r"(hi), [b] "+r"(b));
    printf("ldrd [b,#-16]! %08x %08x b+%u\n", lo, hi, off(b));
    b = base;
    asm volatile("ldrd r2, r3, [%[b]], %[i]"
                 : "=&r"(lo), "=&r"(hi), [b] "+r"(b)
                 : [i] "r"(24u));
    printf("ldrd [b],r %08x %08x b+%u\n", lo, hi, off(b));
    lo = 0x01234567u;
    hi = 0x89abcdefu;
    asm volatile("strd r2, r3, [%[b], #-8]"
                 :
                 : "r"(lo), "r"(hi), [b] "r"(base)
                 : "memory");
    lo = 0x01234567u;
    hi = 0x89abcdefu;
    b = base;
    asm volatile("strd r2, r3, [%[b], -%[i]]!"
                 : [b] "+r"(b)
                 : "r"(lo), "r"(hi), [i] "r"(32u)
                 : "memory");
    printf("strd [b,-r]! b+%u\n", off(b));
    lo = 0x01234567u;
    hi = 0x89abcdefu;
    b = base;
    asm volatile("strd r2, r3, [%[b]], #16"
                 : [b] "+r"(b)
                 : "r"(lo), "r"(hi)
                 : "memory");
    printf("strd [b],#16 b+%u\n", off(b));
    for (int i = 32; i < 72; i++) {
        printf("%02x%s", buf[i], (i % 20) == 11 ? "\n" : " ");
    }
}

static void dump_words(const uint32_t *w, int n)
{
    for (int i = 0; i < n; i++) {
        printf("%08x%s", w[i], i == n - 1 ? "\n" : " ");
    }
}

static void test_ldm_stm(void)
{
    static uint32_t words[16];
    uint32_t mid = (uint32_t)(uintptr_t)&words[8];
    uint32_t b;
    printf("== ldm/stm\n");
    for (int i = 0; i < 16; i++) {
        words[i] = 0x10101010u * (uint32_t)i + 0x0f;
    }
    register uint32_t r4 asm("r4");
    register uint32_t r5 asm("r5");
    register uint32_t r6 asm("r6");
    static const char *const modes[] = {"ia", "ib", "da", "db"};
    for (int m = 0; m < 4; m++) {
        for (int wb = 0; wb < 2; wb++) {
            b = mid;
            switch (m * 2 + wb) {
            case 0: asm volatile("ldmia %[b], {r4-r6}" : "=r"(r4), "=r"(r5), "=r"(r6) : [b] "r"(b)); break;
            case 1: asm volatile("ldmia %[b]!, {r4-r6}" : "=r"(r4), "=r"(r5), "=r"(r6), [b] "+r"(b)); break;
            case 2: asm volatile("ldmib %[b], {r4-r6}" : "=r"(r4), "=r"(r5), "=r"(r6) : [b] "r"(b)); break;
            case 3: asm volatile("ldmib %[b]!, {r4-r6}" : "=r"(r4), "=r"(r5), "=r"(r6), [b] "+r"(b)); break;
            case 4: asm volatile("ldmda %[b], {r4-r6}" : "=r"(r4), "=r"(r5), "=r"(r6) : [b] "r"(b)); break;
            case 5: asm volatile("ldmda %[b]!, {r4-r6}" : "=r"(r4), "=r"(r5), "=r"(r6), [b] "+r"(b)); break;
            case 6: asm volatile("ldmdb %[b], {r4-r6}" : "=r"(r4), "=r"(r5), "=r"(r6) : [b] "r"(b)); break;
            case 7: asm volatile("ldmdb %[b]!, {r4-r6}" : "=r"(r4), "=r"(r5), "=r"(r6), [b] "+r"(b)); break;
            }
            printf("ldm%s%s %08x %08x %08x b%+d\n", modes[m], wb ? "!" : "",
                   r4, r5, r6, (int)(b - mid));
        }
    }
    for (int m = 0; m < 4; m++) {
        for (int wb = 0; wb < 2; wb++) {
            memset(words, 0, sizeof(words));
            b = mid;
            r4 = 0xaaaa0004u;
            r5 = 0xaaaa0005u;
            r6 = 0xaaaa0006u;
            switch (m * 2 + wb) {
            case 0: asm volatile("stmia %[b], {r4-r6}" : : "r"(r4), "r"(r5), "r"(r6), [b] "r"(b) : "memory"); break;
            case 1: asm volatile("stmia %[b]!, {r4-r6}" : [b] "+r"(b) : "r"(r4), "r"(r5), "r"(r6) : "memory"); break;
            case 2: asm volatile("stmib %[b], {r4-r6}" : : "r"(r4), "r"(r5), "r"(r6), [b] "r"(b) : "memory"); break;
            case 3: asm volatile("stmib %[b]!, {r4-r6}" : [b] "+r"(b) : "r"(r4), "r"(r5), "r"(r6) : "memory"); break;
            case 4: asm volatile("stmda %[b], {r4-r6}" : : "r"(r4), "r"(r5), "r"(r6), [b] "r"(b) : "memory"); break;
            case 5: asm volatile("stmda %[b]!, {r4-r6}" : [b] "+r"(b) : "r"(r4), "r"(r5), "r"(r6) : "memory"); break;
            case 6: asm volatile("stmdb %[b], {r4-r6}" : : "r"(r4), "r"(r5), "r"(r6), [b] "r"(b) : "memory"); break;
            case 7: asm volatile("stmdb %[b]!, {r4-r6}" : [b] "+r"(b) : "r"(r4), "r"(r5), "r"(r6) : "memory"); break;
            }
            printf("stm%s%s b%+d: ", modes[m], wb ? "!" : "", (int)(b - mid));
            dump_words(words + 4, 9);
        }
    }
    /* push/pop of many registers incl. lr and a single-register list */
    uint32_t out[3];
    register uint32_t *outp asm("r0") = out;
    asm volatile("push {r4-r11, lr}\n\t"
                 "mov r4, #4\n\t"
                 "mov r11, #11\n\t"
                 "mov lr, #14\n\t"
                 "push {r4, r11, lr}\n\t"
                 "mov r4, #0\n\t"
                 "mov r11, #0\n\t"
                 "mov lr, #0\n\t"
                 "pop {r4, r11, lr}\n\t"
                 "str r4, [%[o]]\n\t"
                 "str r11, [%[o], #4]\n\t"
                 "str lr, [%[o], #8]\n\t"
                 "pop {r4-r11, lr}\n\t"
                 :
                 : [o] "r"(outp)
                 : "memory");
    printf("push/pop %u %u %u\n", out[0], out[1], out[2]);
    /* STM with the base in the list (lowest register): stores the original
     * base value (ARM ARM A4.1.97 note) */
    uint32_t stored[2];
    asm volatile("mov r4, %[p]\n\t"
                 "mov r5, #0x55\n\t"
                 "stmia r4!, {r4, r5}\n\t"
                 "sub r4, r4, %[p]\n\t"
                 "str r4, %[d]\n\t"
                 : [d] "=m"(b)
                 : [p] "r"(stored)
                 : "r4", "r5", "memory");
    printf("stm base-in-list: stored base ok=%d r5=%x wb=+%u\n",
           stored[0] == (uint32_t)(uintptr_t)stored, stored[1], b);
    /* LDM with the base in the list and no writeback loads the base */
    words[0] = 0x1234u;
    words[1] = 0x5678u;
    asm volatile("mov r5, %[p]\n\t"
                 "ldmia r5, {r4, r5}\n\t"
                 "str r4, [%[o]]\n\t"
                 "str r5, [%[o], #4]\n\t"
                 :
                 : [p] "r"(words), [o] "r"(out)
                 : "r4", "r5", "memory");
    printf("ldm base-in-list: %x %x\n", out[0], out[1]);
}

static void test_swp(void)
{
    static uint32_t word = 0x11223344u;
    uint32_t old, oldb;
    printf("== swp/swpb\n");
    asm volatile("swp %[o], %[n], [%[p]]"
                 : [o] "=&r"(old)
                 : [n] "r"(0xa5a5a5a5u), [p] "r"(&word)
                 : "memory");
    printf("swp old %08x new %08x\n", old, word);
    asm volatile("swpb %[o], %[n], [%[p]]"
                 : [o] "=&r"(oldb)
                 : [n] "r"(0x123456ffu), [p] "r"((uint8_t *)&word + 1)
                 : "memory");
    printf("swpb old %08x new %08x\n", oldb, word);
    /* same register as source and destination */
    uint32_t x = 0x77u;
    asm volatile("swp %[x], %[x], [%[p]]"
                 : [x] "+&r"(x)
                 : [p] "r"(&word)
                 : "memory");
    printf("swp same reg old %08x new %08x\n", x, word);
}

int main(void)
{
    test_ldr_forms();
    test_str_forms();
    test_half();
    test_dual();
    test_ldm_stm();
    test_swp();
    printf("done\n");
    return 0;
}

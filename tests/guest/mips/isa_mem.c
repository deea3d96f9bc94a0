/* tests/guest/mips/isa_mem.c — loads and stores: every size and sign,
 * LWL/LWR/SWL/SWR at every byte offset (the results depend on the byte
 * order: isa_mem.be.expected and isa_mem.el.expected), the unaligned
 * word idioms compilers emit (ulw/usw), LL/SC success and failure, SYNC,
 * RDHWR of UserLocal (the TLS pointer glibc reads). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint8_t buf[32] __attribute__((aligned(8)));

static void fill(void)
{
    for (int i = 0; i < 32; i++) {
        buf[i] = (uint8_t)(0x10 + i);
    }
}

static void dump(const char *what)
{
    printf("%s:", what);
    for (int i = 0; i < 16; i++) {
        printf(" %02x", buf[i]);
    }
    printf("\n");
}

int main(void)
{
    uint32_t r, lo, hi;
    int32_t s;

    fill();
    for (int off = 0; off < 4; off++) {
        __asm__("lb %0, 0(%1)" : "=r"(s) : "r"(buf + 7 + off));
        __asm__("lbu %0, 0(%1)" : "=r"(r) : "r"(buf + 7 + off));
        printf("lb/lbu +%d: %08x %08x\n", off, (uint32_t)s, r);
    }
    buf[5] = 0x80;
    __asm__("lh %0, 4(%1)" : "=r"(s) : "r"(buf));
    __asm__("lhu %0, 4(%1)" : "=r"(r) : "r"(buf));
    printf("lh/lhu: %08x %08x\n", (uint32_t)s, r);
    __asm__("lw %0, 8(%1)" : "=r"(r) : "r"(buf));
    printf("lw: %08x\n", r);
    __asm__("sb %1, 1(%0)\n\tsh %1, 2(%0)\n\tsw %1, 12(%0)"
            : : "r"(buf), "r"(0xa1b2c3d4u) : "memory");
    dump("sb/sh/sw");

    for (int off = 0; off < 4; off++) {
        fill();
        lo = 0xaaaaaaaa;
        hi = 0xbbbbbbbb;
        __asm__("lwl %0, 0(%2)\n\tlwr %1, 0(%2)"
                : "+r"(hi), "+r"(lo) : "r"(buf + 4 + off));
        printf("lwl/lwr +%d: %08x %08x\n", off, hi, lo);
        __asm__("swl %1, 0(%0)" : : "r"(buf + 4 + off), "r"(0xa1b2c3d4u)
                : "memory");
        dump("swl");
        fill();
        __asm__("swr %1, 0(%0)" : : "r"(buf + 4 + off), "r"(0xa1b2c3d4u)
                : "memory");
        dump("swr");
    }
    /* The unaligned word load/store pairs (ulw / usw) */
    for (int off = 0; off < 4; off++) {
        fill();
        __asm__(".set push\n\t.set noat\n\tulw %0, 0(%1)\n\t.set pop"
                : "=&r"(r) : "r"(buf + 1 + off));
        __asm__(".set push\n\t.set noat\n\tusw %1, 0(%0)\n\t.set pop"
                : : "r"(buf + 9 + off), "r"(0x01020304u) : "memory");
        printf("ulw +%d: %08x\n", 1 + off, r);
        dump("usw");
    }

    /* LL/SC in one thread: the SC succeeds and stores. (Contention is
     * threads.c's.) */
    {
        uint32_t word = 41, ok, v;
        __asm__ volatile("ll %0, 0(%2)\n\taddiu %0, %0, 1\n\tsc %0, 0(%2)\n\t"
                         "move %1, %0"
                         : "=&r"(v), "=r"(ok) : "r"(&word) : "memory");
        printf("ll/sc: ok %u word %u\n", ok, word);
        __asm__ volatile("sync" ::: "memory");
    }
    /* RDHWR $29 = the thread pointer (set by the C library). */
    {
        uint32_t tp;
        __asm__(".set push\n\t.set mips32r2\n\trdhwr %0, $29\n\t.set pop"
                : "=r"(tp));
        printf("rdhwr $29 %s\n", tp != 0 ? "nonzero" : "zero");
        __asm__(".set push\n\t.set mips32r2\n\trdhwr %0, $1\n\t.set pop"
                : "=r"(tp));
        printf("rdhwr $1 (SYNCI_Step) %s\n", tp != 0 ? "nonzero" : "zero");
    }
    return 0;
}

/* ARM guest test: multiplies (MUL/MLA/UMULL/UMLAL/SMULL/SMLAL with and
 * without S), the ARMv5TE DSP multiplies (SMULxy/SMLAxy/SMULWy/SMLAWy/
 * SMLALxy), saturating QADD/QSUB/QDADD/QDSUB with the sticky Q flag, CLZ. */
#include <stdint.h>
#include <stdio.h>

static const uint32_t vals[] = {
    0x00000000u, 0x00000001u, 0x00000002u, 0x7fffffffu, 0x80000000u,
    0xffffffffu, 0x12345678u, 0x0000ffffu, 0x8000ffffu, 0xffff8000u,
    0x7fff7fffu, 0x80008000u,
};
#define NVALS (sizeof(vals) / sizeof(vals[0]))

/* flags in: C and V set so that we can see they survive (ARMv5: MULS leaves
 * C unchanged; V is unaffected by all multiplies) */
#define FLAGS_IN 0x30000000u

static uint32_t flags_of(uint32_t cpsr)
{
    return cpsr >> 27; /* NZCVQ */
}

static void test_mul32(void)
{
    printf("== mul/mla\n");
    for (unsigned i = 0; i < NVALS; i++) {
        for (unsigned j = 0; j < NVALS; j++) {
            uint32_t a = vals[i], b = vals[j], acc = 0x01020304u;
            uint32_t r1, r2, r3, f1, f2;
            asm volatile("msr cpsr_f, %[fi]\n\t"
                         "muls %[r1], %[a], %[b]\n\t"
                         "mrs %[f1], cpsr\n\t"
                         "msr cpsr_f, %[fi]\n\t"
                         "mlas %[r2], %[a], %[b], %[c]\n\t"
                         "mrs %[f2], cpsr\n\t"
                         "mul %[r3], %[b], %[a]\n\t"
                         : [r1] "=&r"(r1), [r2] "=&r"(r2), [r3] "=&r"(r3),
                           [f1] "=&r"(f1), [f2] "=&r"(f2)
                         : [a] "r"(a), [b] "r"(b), [c] "r"(acc),
                           [fi] "r"(FLAGS_IN)
                         : "cc");
            printf("%08x * %08x: mul %08x %02x mla %08x %02x mul' %08x\n", a,
                   b, r1, flags_of(f1), r2, flags_of(f2), r3);
        }
    }
}

static void test_mul64(void)
{
    printf("== long multiplies\n");
    for (unsigned i = 0; i < NVALS; i++) {
        for (unsigned j = 0; j < NVALS; j++) {
            uint32_t a = vals[i], b = vals[j];
            uint32_t ul, uh, sl, sh, al, ah, bl, bh, fu, fs, fa, fb;
            asm volatile("msr cpsr_f, %[fi]\n\t"
                         "umulls %[ul], %[uh], %[a], %[b]\n\t"
                         "mrs %[fu], cpsr\n\t"
                         "msr cpsr_f, %[fi]\n\t"
                         "smulls %[sl], %[sh], %[a], %[b]\n\t"
                         "mrs %[fs], cpsr\n\t"
                         : [ul] "=&r"(ul), [uh] "=&r"(uh), [sl] "=&r"(sl),
                           [sh] "=&r"(sh), [fu] "=&r"(fu), [fs] "=&r"(fs)
                         : [a] "r"(a), [b] "r"(b), [fi] "r"(FLAGS_IN)
                         : "cc");
            al = 0xfffffff0u;
            ah = 0x00000010u;
            bl = 0x00000020u;
            bh = 0x80000000u;
            asm volatile("msr cpsr_f, %[fi]\n\t"
                         "umlals %[al], %[ah], %[a], %[b]\n\t"
                         "mrs %[fa], cpsr\n\t"
                         "msr cpsr_f, %[fi]\n\t"
                         "smlals %[bl], %[bh], %[a], %[b]\n\t"
                         "mrs %[fb], cpsr\n\t"
                         : [al] "+&r"(al), [ah] "+&r"(ah), [bl] "+&r"(bl),
                           [bh] "+&r"(bh), [fa] "=&r"(fa), [fb] "=&r"(fb)
                         : [a] "r"(a), [b] "r"(b), [fi] "r"(FLAGS_IN)
                         : "cc");
            printf("%08x * %08x: umull %08x%08x %02x smull %08x%08x %02x "
                   "umlal %08x%08x %02x smlal %08x%08x %02x\n",
                   a, b, uh, ul, flags_of(fu), sh, sl, flags_of(fs), ah, al,
                   flags_of(fa), bh, bl, flags_of(fb));
        }
    }
}

/* Q flag helpers: clear Q (and all flags), run, read CPSR. */
static void test_dsp_mul(void)
{
    printf("== smulxy/smlaxy/smulwy/smlawy/smlalxy\n");
    for (unsigned i = 0; i < NVALS; i++) {
        for (unsigned j = 0; j < NVALS; j++) {
            uint32_t a = vals[i], b = vals[j], acc = 0x7ffffff0u;
            uint32_t bb, bt, tb, tt, wb, wt, f;
            asm volatile("smulbb %[bb], %[a], %[b]\n\t"
                         "smulbt %[bt], %[a], %[b]\n\t"
                         "smultb %[tb], %[a], %[b]\n\t"
                         "smultt %[tt], %[a], %[b]\n\t"
                         "smulwb %[wb], %[a], %[b]\n\t"
                         "smulwt %[wt], %[a], %[b]\n\t"
                         : [bb] "=&r"(bb), [bt] "=&r"(bt), [tb] "=&r"(tb),
                           [tt] "=&r"(tt), [wb] "=&r"(wb), [wt] "=&r"(wt)
                         : [a] "r"(a), [b] "r"(b));
            printf("%08x,%08x smul bb %08x bt %08x tb %08x tt %08x wb %08x "
                   "wt %08x\n",
                   a, b, bb, bt, tb, tt, wb, wt);
            asm volatile("msr cpsr_f, #0\n\t"
                         "smlabb %[bb], %[a], %[b], %[c]\n\t"
                         "smlatt %[tt], %[a], %[b], %[c]\n\t"
                         "smlawb %[wb], %[a], %[b], %[c]\n\t"
                         "smlawt %[wt], %[a], %[b], %[c]\n\t"
                         "mrs %[f], cpsr\n\t"
                         : [bb] "=&r"(bb), [tt] "=&r"(tt), [wb] "=&r"(wb),
                           [wt] "=&r"(wt), [f] "=&r"(f)
                         : [a] "r"(a), [b] "r"(b), [c] "r"(acc)
                         : "cc");
            printf("  smla bb %08x tt %08x wb %08x wt %08x q%u\n", bb, tt, wb,
                   wt, (f >> 27) & 1);
            uint32_t lo = 0xfffffffeu, hi = 0x7fffffffu;
            uint32_t lo2 = 0x00000001u, hi2 = 0xffffffffu;
            asm volatile("msr cpsr_f, #0\n\t"
                         "smlalbt %[lo], %[hi], %[a], %[b]\n\t"
                         "smlaltb %[lo2], %[hi2], %[a], %[b]\n\t"
                         "mrs %[f], cpsr\n\t"
                         : [lo] "+&r"(lo), [hi] "+&r"(hi), [lo2] "+&r"(lo2),
                           [hi2] "+&r"(hi2), [f] "=&r"(f)
                         : [a] "r"(a), [b] "r"(b)
                         : "cc");
            printf("  smlal bt %08x%08x tb %08x%08x q%u\n", hi, lo, hi2, lo2,
                   (f >> 27) & 1);
        }
    }
}

static void test_qarith(void)
{
    printf("== qadd/qsub/qdadd/qdsub\n");
    for (unsigned i = 0; i < NVALS; i++) {
        for (unsigned j = 0; j < NVALS; j++) {
            uint32_t a = vals[i], b = vals[j];
            uint32_t r[4], q[4], f;
            asm volatile("msr cpsr_f, #0\n\t"
                         "qadd %[r], %[a], %[b]\n\t"
                         "mrs %[f], cpsr\n\t"
                         : [r] "=&r"(r[0]), [f] "=&r"(f)
                         : [a] "r"(a), [b] "r"(b)
                         : "cc");
            q[0] = (f >> 27) & 1;
            asm volatile("msr cpsr_f, #0\n\t"
                         "qsub %[r], %[a], %[b]\n\t"
                         "mrs %[f], cpsr\n\t"
                         : [r] "=&r"(r[1]), [f] "=&r"(f)
                         : [a] "r"(a), [b] "r"(b)
                         : "cc");
            q[1] = (f >> 27) & 1;
            asm volatile("msr cpsr_f, #0\n\t"
                         "qdadd %[r], %[a], %[b]\n\t"
                         "mrs %[f], cpsr\n\t"
                         : [r] "=&r"(r[2]), [f] "=&r"(f)
                         : [a] "r"(a), [b] "r"(b)
                         : "cc");
            q[2] = (f >> 27) & 1;
            asm volatile("msr cpsr_f, #0\n\t"
                         "qdsub %[r], %[a], %[b]\n\t"
                         "mrs %[f], cpsr\n\t"
                         : [r] "=&r"(r[3]), [f] "=&r"(f)
                         : [a] "r"(a), [b] "r"(b)
                         : "cc");
            q[3] = (f >> 27) & 1;
            printf("%08x,%08x qadd %08x q%u qsub %08x q%u qdadd %08x q%u "
                   "qdsub %08x q%u\n",
                   a, b, r[0], q[0], r[1], q[1], r[2], q[2], r[3], q[3]);
        }
    }
    /* Q is sticky: a non-saturating op does not clear it; NZCV untouched */
    uint32_t r, f;
    asm volatile("msr cpsr_f, #0xa0000000\n\t"
                 "qadd %[r], %[a], %[a]\n\t"
                 "qadd %[r], %[b], %[b]\n\t"
                 "mrs %[f], cpsr\n\t"
                 : [r] "=&r"(r), [f] "=&r"(f)
                 : [a] "r"(0x7fffffffu), [b] "r"(1u)
                 : "cc");
    printf("sticky q: r %08x cpsr %02x\n", r, f >> 27);
}

static void test_clz(void)
{
    printf("== clz\n");
    for (unsigned i = 0; i < 33; i++) {
        uint32_t x = i == 32 ? 0 : (0x80000000u >> i) | (i & 1 ? 0 : 1);
        if (i == 31) {
            x = 1;
        }
        uint32_t r;
        asm volatile("clz %[r], %[x]" : [r] "=r"(r) : [x] "r"(x));
        printf("clz %08x = %u\n", x, r);
    }
}

int main(void)
{
    test_mul32();
    test_mul64();
    test_dsp_mul();
    test_qarith();
    test_clz();
    printf("done\n");
    return 0;
}

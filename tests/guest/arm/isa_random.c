/* ARM guest test: pseudo-random straight-line ARM code.  A fixed-seed
 * generator writes blocks of ~40 instructions (data processing with every
 * shifter form and condition, multiplies, DSP multiplies, saturating ops,
 * CLZ, loads/stores of every size around a scratch buffer, LDM/STM, SWP,
 * MRS/MSR, short forward branches; every other block in Thumb-1: shifts,
 * ALU, hi-register ops, loads/stores, LDM/STM, PUSH/POP, branches) avoiding
 * UNPREDICTABLE encodings, runs each from an RWX buffer and prints a hash
 * of registers, flags and memory.
 * Expected output from qemu-arm -cpu arm926 (all accesses aligned). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#define NBLOCKS 4000
#define BODY 40
#define SLOT_WORDS 128
#define NSLOTS 32
#define SCRATCH 8192

typedef struct {
    uint32_t r[12];
    uint32_t flags;
    uint32_t base;
} State;

static uint32_t rng_state = 0x2545f491u;

static uint32_t rnd(void)
{
    /* xorshift32 */
    uint32_t x = rng_state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    rng_state = x;
    return x;
}

static uint32_t pick(uint32_t n)
{
    return rnd() % n;
}

static uint32_t cond(void)
{
    return pick(3) == 0 ? pick(15) : 14;
}

static uint32_t reg(void)
{
    return pick(12);
}

/* a register different from the ones given (v5 multiply rules) */
static uint32_t reg_not(uint32_t a, uint32_t b)
{
    uint32_t r;
    do {
        r = reg();
    } while (r == a || r == b);
    return r;
}

static uint32_t gen_dp(void)
{
    uint32_t op = pick(16);
    uint32_t s = pick(2);
    uint32_t rn = reg(), rd = reg();
    if (op >= 8 && op <= 11) {
        s = 1; /* TST/TEQ/CMP/CMN without S are other instructions */
        rd = 0;
    }
    if (op == 13 || op == 15) {
        rn = 0;
    }
    uint32_t w = cond() << 28 | op << 21 | s << 20 | rn << 16 | rd << 12;
    switch (pick(3)) {
    case 0: /* rotated immediate */
        return w | 1u << 25 | pick(16) << 8 | pick(256);
    case 1: /* immediate shift, incl. lsr/asr #32 and rrx encodings */
        return w | pick(32) << 7 | pick(4) << 5 | reg();
    default: /* register shift */
        return w | reg() << 8 | pick(4) << 5 | 1u << 4 | reg();
    }
}

static uint32_t gen_mul(void)
{
    uint32_t c = cond() << 28;
    uint32_t rm = reg();
    switch (pick(3)) {
    case 0: { /* MUL/MLA: Rd != Rm */
        uint32_t rd = reg_not(rm, rm);
        uint32_t a = pick(2);
        return c | a << 21 | pick(2) << 20 | rd << 16 |
               (a ? reg() : 0) << 12 | reg() << 8 | 0x90u | rm;
    }
    default: { /* UMULL/UMLAL/SMULL/SMLAL: RdHi, RdLo, Rm distinct */
        uint32_t lo = reg_not(rm, rm);
        uint32_t hi = reg_not(rm, lo);
        return c | 1u << 23 | pick(2) << 22 | pick(2) << 21 | pick(2) << 20 |
               hi << 16 | lo << 12 | reg() << 8 | 0x90u | rm;
    }
    }
}

static uint32_t gen_dsp(void)
{
    uint32_t c = cond() << 28;
    uint32_t y = pick(2), x = pick(2);
    uint32_t rm = reg(), rs = reg();
    switch (pick(7)) {
    case 0: /* SMLAxy */
        return c | 0x01000080u | reg() << 16 | reg() << 12 | rs << 8 |
               y << 6 | x << 5 | rm;
    case 1: /* SMLAWy */
        return c | 0x01200080u | reg() << 16 | reg() << 12 | rs << 8 |
               y << 6 | rm;
    case 2: /* SMULWy */
        return c | 0x012000a0u | reg() << 16 | rs << 8 | y << 6 | rm;
    case 3: { /* SMLALxy: RdHi != RdLo */
        uint32_t lo = reg();
        uint32_t hi = reg_not(lo, lo);
        return c | 0x01400080u | hi << 16 | lo << 12 | rs << 8 | y << 6 |
               x << 5 | rm;
    }
    case 4: /* SMULxy */
        return c | 0x01600080u | reg() << 16 | rs << 8 | y << 6 | x << 5 |
               rm;
    case 5: /* QADD/QSUB/QDADD/QDSUB */
        return c | 0x01000050u | pick(4) << 21 | reg() << 16 | reg() << 12 |
               rm;
    default: /* CLZ */
        return c | 0x016f0f10u | reg() << 12 | rm;
    }
}

static uint32_t gen_mem(void)
{
    uint32_t c = cond() << 28;
    uint32_t u = pick(2);
    uint32_t rd = reg();
    uint32_t base = 12;
    switch (pick(6)) {
    case 0: /* LDR/STR word */
        return c | 0x05000000u | u << 23 | pick(2) << 20 | base << 16 |
               rd << 12 | pick(1024) * 4;
    case 1: /* LDRB/STRB */
        return c | 0x05400000u | u << 23 | pick(2) << 20 | base << 16 |
               rd << 12 | pick(4096);
    case 2: { /* LDRH/STRH/LDRSB/LDRSH, immediate offset */
        uint32_t kind = pick(4); /* 0 strh, 1 ldrh, 2 ldrsb, 3 ldrsh */
        uint32_t l = kind != 0;
        uint32_t sh = kind <= 1 ? 1 : kind;
        uint32_t off = kind == 2 ? pick(256) : pick(128) * 2;
        return c | 0x01400090u | u << 23 | l << 20 | base << 16 | rd << 12 |
               (off >> 4) << 8 | sh << 5 | (off & 15);
    }
    case 3: { /* LDRD/STRD: even Rt below r11 */
        uint32_t rt = pick(5) * 2;
        uint32_t off = pick(32) * 8;
        return c | 0x014000d0u | u << 23 | pick(2) << 5 | base << 16 |
               rt << 12 | (off >> 4) << 8 | (off & 15);
    }
    case 4: { /* LDM/STM, any mode, no writeback, r0-r11 */
        uint32_t list = pick(0xfff) + 1;
        return c | 0x08000000u | pick(2) << 24 | u << 23 | pick(2) << 20 |
               base << 16 | list;
    }
    default: /* SWP/SWPB at the base */
        return c | 0x01000090u | pick(2) << 22 | base << 16 | reg() << 12 |
               reg();
    }
}

/* Writes one body instruction (or two for MRS + mask) and returns how
 * many words it used. */
static int gen_insn(uint32_t *p, int room)
{
    uint32_t k = pick(20);
    if (k < 9) {
        p[0] = gen_dp();
    } else if (k < 11) {
        p[0] = gen_mul();
    } else if (k < 13) {
        p[0] = gen_dsp();
    } else if (k < 17) {
        p[0] = gen_mem();
    } else if (k == 17 && room >= 2) {
        /* MRS Rd then keep only NZCVQ: other CPSR bits are not compared */
        uint32_t c = cond() << 28, rd = reg();
        p[0] = c | 0x010f0000u | rd << 12;
        /* and Rd, Rd, #0xf8000000 (0xf8 ror 8) */
        p[1] = c | 0x02000000u | rd << 16 | rd << 12 | 4u << 8 | 0xf8u;
        return 2;
    } else if (k == 18) {
        /* MSR CPSR_f, #imm or register */
        if (pick(2)) {
            p[0] = cond() << 28 | 0x0328f000u | 4u << 8 | pick(32) << 3;
        } else {
            p[0] = cond() << 28 | 0x0128f000u | reg();
        }
    } else if (room >= 4) {
        /* conditional forward branch over 1..3 words */
        uint32_t skip = pick(3) + 1;
        p[0] = cond() << 28 | 0x0a000000u | (skip - 1);
        return 1;
    } else {
        p[0] = gen_dp();
    }
    return 1;
}

/* Thumb-1 body: r0-r6 and r8-r11 are data, r7 is the scratch base (a copy
 * of r12).  Returns halfwords used. */
static uint32_t lreg(void)
{
    return pick(7);
}

static uint32_t hreg(void)
{
    static const uint32_t set[] = {0, 1, 2, 3, 4, 5, 6, 8, 9, 10, 11};
    return set[pick(11)];
}

static int gen_thumb(uint16_t *p, int room)
{
    uint32_t k = pick(24);
    uint32_t rd = lreg(), rm = lreg();
    if (k < 3) { /* shift by immediate */
        p[0] = (uint16_t)(pick(3) << 11 | pick(32) << 6 | rm << 3 | rd);
    } else if (k < 5) { /* add/sub register or imm3 */
        p[0] = (uint16_t)(0x1800 | pick(2) << 10 | pick(2) << 9 | pick(8) << 6 |
                          rm << 3 | rd);
    } else if (k < 8) { /* mov/cmp/add/sub imm8 */
        p[0] = (uint16_t)(0x2000 | pick(4) << 11 | rd << 8 | pick(256));
    } else if (k < 13) { /* ALU ops; MUL needs Rd != Rm before v6 */
        uint32_t op = pick(16);
        if (op == 13) {
            rm = rd == 0 ? 1 : rd - 1;
        }
        p[0] = (uint16_t)(0x4000 | op << 6 | rm << 3 | rd);
    } else if (k < 15) { /* hi-register add/cmp/mov, at least one high */
        uint32_t d, m;
        do {
            d = hreg();
            m = hreg();
        } while (d < 8 && m < 8);
        p[0] = (uint16_t)(0x4400 | pick(3) << 8 | (d >> 3) << 7 |
                          (m >> 3) << 6 | (m & 7) << 3 | (d & 7));
    } else if (k < 17) { /* ldr/str word or byte, imm5 */
        p[0] = (uint16_t)(0x6000 | pick(2) << 12 | pick(2) << 11 |
                          pick(32) << 6 | 7u << 3 | rd);
    } else if (k == 17) { /* ldrh/strh imm5 */
        p[0] = (uint16_t)(0x8000 | pick(2) << 11 | pick(32) << 6 | 7u << 3 |
                          rd);
    } else if (k == 18 && room >= 2) { /* register offset forms */
        uint32_t op = pick(8); /* str strh strb ldrsb ldr ldrh ldrb ldrsh */
        uint32_t idx = lreg();
        uint32_t off = op == 0 || op == 4 ? pick(64) * 4
                       : op == 1 || op == 5 || op == 7 ? pick(128) * 2
                                                       : pick(256);
        p[0] = (uint16_t)(0x2000 | idx << 8 | off); /* movs idx, #off */
        p[1] = (uint16_t)(0x5000 | op << 9 | idx << 6 | 7u << 3 | rd);
        return 2;
    } else if (k == 19 && room >= 2) { /* ldmia/stmia r7!, then re-base */
        uint32_t list = pick(0x7f) + 1;
        p[0] = (uint16_t)(0xc000 | pick(2) << 11 | 7u << 8 | list);
        p[1] = 0x4667; /* mov r7, r12 */
        return 2;
    } else if (k == 20 && room >= 2) { /* push then pop as many registers */
        uint32_t a = pick(0x7f) + 1, b;
        do {
            b = pick(0x7f) + 1;
        } while (__builtin_popcount(a) != __builtin_popcount(b));
        p[0] = (uint16_t)(0xb400 | a);
        p[1] = (uint16_t)(0xbc00 | b);
        return 2;
    } else if ((k == 21 || k == 22) && room >= 4) {
        /* conditional or unconditional branch over 1..3 single ALU
         * instructions (never into the middle of a push/pop pair) */
        uint32_t skip = pick(3) + 1;
        p[0] = (uint16_t)(k == 21 ? 0xd000 | pick(14) << 8 | (skip - 1)
                                  : 0xe000 | (skip - 1));
        for (uint32_t i = 1; i <= skip; i++) {
            p[i] = (uint16_t)(0x4000 | pick(12) << 6 | lreg() << 3 | lreg());
        }
        return (int)skip + 1;
    } else { /* neg/mvn/tst-like ALU again */
        p[0] = (uint16_t)(0x4000 | (8 + pick(8)) << 6 | rm << 3 | rd);
        if (((p[0] >> 6) & 15) == 13) {
            p[0] = (uint16_t)(0x4000 | 9u << 6 | rm << 3 | rd);
        }
    }
    return 1;
}

static const uint32_t prologue[] = {
    0xe92d5ff0u, /* push {r4-r12, lr} */
    0xe52d0004u, /* push {r0} */
    0xe5901030u, /* ldr r1, [r0, #48] */
    0xe128f001u, /* msr cpsr_f, r1 */
    0xe590c034u, /* ldr r12, [r0, #52] */
    0xe8900fffu, /* ldm r0, {r0-r11} */
};
static const uint32_t epilogue[] = {
    0xe59dc000u, /* ldr r12, [sp] */
    0xe88c0fffu, /* stm r12, {r0-r11} */
    0xe10f0000u, /* mrs r0, cpsr */
    0xe58c0030u, /* str r0, [r12, #48] */
    0xe28dd004u, /* add sp, sp, #4 */
    0xe8bd9ff0u, /* pop {r4-r12, pc} */
};

/* ARM -> Thumb: add r7, pc, #1; bx r7; the Thumb body starts with
 * mov r7, r12.  Thumb -> ARM: bx pc (word aligned) then nop; ARM code
 * resumes with mov r7, #0x77 so that r7 never holds an address. */
static int emit_thumb_block(uint32_t *p, int n)
{
    p[n++] = 0xe28f7001u; /* add r7, pc, #1 */
    p[n++] = 0xe12fff17u; /* bx r7 */
    uint16_t *t = (uint16_t *)(p + n);
    int h = 0;
    t[h++] = 0x4667; /* mov r7, r12 */
    int end = h + 2 * BODY;
    while (h < end) {
        h += gen_thumb(t + h, end - h);
    }
    if (h & 1) {
        t[h++] = 0x46c0; /* nop, so that bx pc is word aligned */
    }
    t[h++] = 0x4778; /* bx pc */
    t[h++] = 0x46c0; /* nop */
    n += h / 2;
    p[n++] = 0xe3a07077u; /* mov r7, #0x77 */
    return n;
}

static uint32_t hash_words(uint32_t h, const uint32_t *w, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h = (h ^ w[i]) * 0x01000193u;
        h ^= h >> 15;
    }
    return h;
}

int main(void)
{
    static uint32_t scratch[SCRATCH / 4] __attribute__((aligned(8)));
    uint32_t *code = mmap(NULL, NSLOTS * SLOT_WORDS * 4,
                          PROT_READ | PROT_WRITE | PROT_EXEC,
                          MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (code == MAP_FAILED) {
        perror("mmap");
        return 1;
    }
    for (unsigned i = 0; i < SCRATCH / 4; i++) {
        scratch[i] = rnd();
    }
    State st;
    for (int i = 0; i < 12; i++) {
        st.r[i] = rnd();
    }
    st.flags = 0;
    uint32_t total = 0;
    for (int b = 0; b < NBLOCKS; b++) {
        uint32_t *p = code + (uint32_t)(b % NSLOTS) * SLOT_WORDS;
        int n = 0;
        memcpy(p, prologue, sizeof(prologue));
        n += (int)(sizeof(prologue) / 4);
        if (b % 2 == 1) {
            n = emit_thumb_block(p, n);
        } else {
            int body_end = n + BODY;
            while (n < body_end) {
                n += gen_insn(p + n, body_end - n);
            }
        }
        memcpy(p + n, epilogue, sizeof(epilogue));
        n += (int)(sizeof(epilogue) / 4);
        __builtin___clear_cache((char *)p, (char *)(p + n));
        /* fresh-ish inputs: keep state flowing between blocks, but mix in
         * special values now and then */
        if (b % 7 == 0) {
            static const uint32_t special[] = {0, 1, 0x7fffffffu, 0x80000000u,
                                               0xffffffffu, 31, 32, 33};
            st.r[pick(12)] = special[pick(8)];
        }
        st.flags = rnd() & 0xf8000000u;
        st.base = (uint32_t)(uintptr_t)scratch + SCRATCH / 2;
        ((void (*)(State *))(uintptr_t)p)(&st);
        st.flags &= 0xf8000000u;
        uint32_t h = hash_words(0x811c9dc5u, st.r, 12);
        h = hash_words(h, &st.flags, 1);
        uint32_t hm = hash_words(0x811c9dc5u, scratch, SCRATCH / 4);
        /* state flows from block to block: every 8th line is enough */
        if (b % 8 == 7) {
            printf("%4d %08x %08x %x\n", b, h, hm, st.flags >> 27);
        }
        total ^= h + hm;
    }
    printf("total %08x\ndone\n", total);
    return 0;
}

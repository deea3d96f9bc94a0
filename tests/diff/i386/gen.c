/* tests/diff/i386/gen.c — random i386 integer instruction sequences for
 * the native-vs-emu differential test. Every instruction is a "unit":
 * the few MOVs that make its memory operands land in the scratch buffer
 * (and its divisor safe, its shift count known) followed by the
 * instruction itself. The generator tracks which EFLAGS bits the SDM
 * (and AMD's APM) leave undefined so that a later instruction never
 * consumes one and the final dump masks them.
 */
#include "gen-int.h"

#include <stddef.h>
#include <string.h>

enum {
    FAM_ALU, FAM_INCDEC, FAM_UNARY, FAM_TEST, FAM_SHIFT, FAM_SHXD, FAM_MUL,
    FAM_DIV, FAM_BIT, FAM_BSCAN, FAM_CMOV, FAM_SETCC, FAM_XCHG, FAM_BSWAP,
    FAM_LEA, FAM_MOVX, FAM_MOV, FAM_STACK, FAM_STRING, FAM_FLAGOP,
    FAM_CONV, FAM_DAA, FAM_AAA, FAM_AAM, FAM_XLAT, FAM_BRANCH,
    FAM_X87LD, FAM_X87ST, FAM_X87ARITH, FAM_X87CMP, FAM_X87MISC,
    FAM_X87TRANS, FAM_X87CTL, FAM_MMX, FAM_SSEFP, FAM_SSECONV, FAM_SSEINT,
    FAM_SSESHUF, FAM_MXCSR, FAM_COUNT
};

const char *const gen_family_names[] = {
    "alu", "incdec", "unary", "test", "shift", "shxd", "mul", "div", "bit",
    "bscan", "cmov", "setcc", "xchg", "bswap", "lea", "movx", "mov",
    "stack", "string", "flagop", "conv", "daa", "aaa", "aam", "xlat",
    "branch", "x87ld", "x87st", "x87arith", "x87cmp", "x87misc",
    "x87trans", "x87ctl", "mmx", "ssefp", "sseconv", "sseint", "sseshuf",
    "mxcsr",
};
const unsigned gen_family_count = FAM_COUNT;

/* Relative frequencies of the families: the integer ones sum to 100,
 * the x87 ones to 50, MMX/SSE to 50. */
static const uint8_t gen_weight[FAM_COUNT] = {
    14, 4, 3, 3, 10, 4, 4, 4, 5, 2, 3, 3, 5, 1, 4, 3, 3, 5, 5, 5, 2, 1, 1, 1,
    1, 4,
    10, 7, 12, 7, 6, 4, 4,
    10, 12, 8, 9, 9, 2,
};

/* Stack depth limits (bytes below / above DIFF_STACK_TOP). */
#define DEPTH_MAX 256
#define DEPTH_MIN (-128)

/* A value with a taste for edge cases. */
uint32_t rnd_val(Gen *g)
{
    static const uint32_t edge[] = {
        0, 1, 2, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xffff, 0x10000,
        0x7fffffff, 0x80000000, 0x80000001, 0xfffffffe, 0xffffffff,
        0x0f0f0f0f, 0x99, 0x09, 0x1f, 0x20, 0x21,
    };

    switch (rndn(g, 8)) {
    case 0:
    case 1:
        return edge[rndn(g, sizeof(edge) / sizeof(edge[0]))];
    case 2:
        return rndn(g, 64) - 32;
    default:
        return rnd(g);
    }
}

/* ---- Emission --------------------------------------------------------- */

static void eimm(Gen *g, unsigned size, uint32_t v)
{
    if (size == 1) {
        e8(g, v);
    } else if (size == 2) {
        e16(g, v);
    } else {
        e32(g, v);
    }
}

/* Lists the bytes [from, to) as one unit of the verbose listing. */
static void log_range(Gen *g, const uint8_t *from, const uint8_t *to,
                      const char *name, bool skippable)
{
    if (!g->log) {
        return;
    }
    fprintf(g->log, "  %04x %s", (unsigned)(from - g->base),
            skippable ? "  (may be skipped) " : "");
    for (const uint8_t *b = from; b < to; b++) {
        fprintf(g->log, "%02x ", *b);
    }
    fprintf(g->log, "  ; %s\n", name);
}

/* mov r32, imm32 (a setup instruction). */
void mov_imm(Gen *g, int reg, uint32_t v)
{
    e8(g, 0xb8 + reg);
    e32(g, v);
}

/* ---- Flags ------------------------------------------------------------ */

void flags_set(Gen *g, uint32_t defined, uint32_t undefined)
{
    g->undef = (g->undef & ~(defined | undefined)) | undefined;
}

/* Makes the flags in `mask` defined before an instruction reads them:
 * a CMP defines all six. */
void flags_need(Gen *g, uint32_t mask)
{
    if (g->undef & mask) {
        e8(g, 0x83);
        e8(g, 0xc0 | 7 << 3 | rndn(g, 8));
        e8(g, rnd(g));
        flags_set(g, FL_ARITH, 0);
    }
}

/* Flags condition code cc reads. */
uint32_t cc_flags(unsigned cc)
{
    static const uint32_t m[8] = {
        FL_OF, FL_CF, FL_ZF, FL_CF | FL_ZF, FL_SF, FL_PF, FL_SF | FL_OF,
        FL_ZF | FL_SF | FL_OF,
    };

    return m[(cc >> 1) & 7];
}

/* ---- Operands --------------------------------------------------------- */

static unsigned rnd_size(Gen *g)
{
    static const uint8_t sz[] = { 1, 2, 4, 4 };

    return sz[rndn(g, 4)];
}

/* A register for an operand of `size` that the instruction writes: any
 * 8-bit register, any 16/32-bit one but ESP. */
static int rnd_dst(Gen *g, unsigned size)
{
    int r;

    do {
        r = (int)rndn(g, 8);
    } while (size != 1 && r == ESP);
    return r;
}

/* A register for a setup MOV, not in `avoid` (bit per register) and
 * never ESP; -1 when none is left. */
static int rnd_setup_reg(Gen *g, uint32_t avoid)
{
    int cand[8], n = 0;

    for (int r = 0; r < 8; r++) {
        if (r != ESP && !(avoid & (1u << r))) {
            cand[n++] = r;
        }
    }
    return n ? cand[rndn(g, n)] : -1;
}

void rm_reg(Rm *o, int r)
{
    memset(o, 0, sizeof(*o));
    o->mod = 3;
    o->rm = (uint8_t)r;
}

/* A memory operand touching `span` bytes inside the scratch buffer (or
 * the stack near ESP), emitting the MOVs its base/index registers need.
 * Registers in `avoid` are left alone. */
void rm_mem_aligned(Gen *g, Rm *o, unsigned span, uint32_t avoid,
                    unsigned align)
{
    uint32_t a = DIFF_MEM_LO + rndn(g, DIFF_MEM_HI - DIFF_MEM_LO - span + 1);
    int base = rnd_setup_reg(g, avoid);
    int index = rnd_setup_reg(g, avoid | (base >= 0 ? 1u << base : 0));
    unsigned form = rndn(g, 9);

    if (align > 1) {
        /* The stack form's address follows ESP: not for aligned ones. */
        a &= ~(align - 1);
        if (form == 8) {
            form = 0;
        }
    }

    memset(o, 0, sizeof(*o));
    o->mem = true;
    if (chance(g, 10)) {
        /* Not CS: a write through the code segment is a #GP. */
        static const uint8_t segs[] = { 0x26, 0x36, 0x3e };
        o->seg = segs[rndn(g, 3)];
    }
    if (base < 0 || (form >= 4 && form <= 6 && index < 0)) {
        form = 0;
    }
    switch (form) {
    case 0:         /* [disp32] */
        o->mod = 0;
        o->rm = 5;
        o->dsize = 4;
        o->disp = a;
        break;
    case 1:         /* [base] */
        if (base == EBP) {
            form = 2;
            goto disp8;
        }
        mov_imm(g, base, a);
        o->mod = 0;
        o->rm = (uint8_t)base;
        break;
    case 2:         /* [base + disp8] */
    disp8:
        o->disp = (uint32_t)(int32_t)(int8_t)rnd(g);
        mov_imm(g, base, a - o->disp);
        o->mod = 1;
        o->rm = (uint8_t)base;
        o->dsize = 1;
        break;
    case 3:         /* [base + disp32] */
        o->disp = rnd_val(g);
        mov_imm(g, base, a - o->disp);
        o->mod = 2;
        o->rm = (uint8_t)base;
        o->dsize = 4;
        break;
    case 4:         /* [base + index * scale + disp] */
    case 5: {
        unsigned sc = rndn(g, 4);
        uint32_t iv = rnd_val(g);

        o->mod = (uint8_t)(form == 4 ? rndn(g, 3) : 1 + rndn(g, 2));
        if (o->mod == 0 && base == EBP) {
            o->mod = 1;
        }
        o->dsize = o->mod == 1 ? 1 : o->mod == 2 ? 4 : 0;
        o->disp = o->mod == 1 ? (uint32_t)(int32_t)(int8_t)rnd(g)
                  : o->mod == 2 ? rnd_val(g) : 0;
        mov_imm(g, index, iv);
        mov_imm(g, base, a - (iv << sc) - o->disp);
        o->rm = 4;
        o->has_sib = true;
        o->sib = (uint8_t)(sc << 6 | index << 3 | base);
        break;
    }
    case 6: {       /* [index * scale + disp32] */
        unsigned sc = rndn(g, 4);
        uint32_t iv = rnd_val(g);

        mov_imm(g, index, iv);
        o->mod = 0;
        o->rm = 4;
        o->has_sib = true;
        o->sib = (uint8_t)(sc << 6 | index << 3 | 5);
        o->dsize = 4;
        o->disp = a - (iv << sc);
        break;
    }
    case 7:         /* SIB without index: [base + disp8] */
        o->disp = (uint32_t)(int32_t)(int8_t)rnd(g);
        mov_imm(g, base, a - o->disp);
        o->mod = 1;
        o->rm = 4;
        o->has_sib = true;
        o->sib = (uint8_t)(rndn(g, 4) << 6 | 4 << 3 | base);
        o->dsize = 1;
        break;
    default: {      /* [esp + disp8]: the stack near the top */
        int32_t d = (int32_t)rndn(g, 97) - 32;

        a = DIFF_STACK_TOP - (uint32_t)g->depth + (uint32_t)d;
        o->mod = 1;
        o->rm = 4;
        o->has_sib = true;
        o->sib = 0x24;
        o->dsize = 1;
        o->disp = (uint32_t)d;
        break;
    }
    }
    o->addr = a;
}

static void rm_mem(Gen *g, Rm *o, unsigned span, uint32_t avoid)
{
    rm_mem_aligned(g, o, span, avoid, 1);
}

/* A register (probability 1 - pct_mem) or memory operand. */
static void rm_any(Gen *g, Rm *o, unsigned size, bool dst, unsigned pct_mem,
                   uint32_t avoid)
{
    if (chance(g, pct_mem)) {
        rm_mem(g, o, size, avoid);
    } else {
        rm_reg(o, dst ? rnd_dst(g, size) : (int)rndn(g, 8));
    }
}

/* Prefixes then the opcode bytes: segment, operand size, LOCK. */
void prefixes(Gen *g, unsigned size, const Rm *o, bool lock)
{
    if (o && o->seg) {
        e8(g, o->seg);
    }
    if (size == 2) {
        e8(g, 0x66);
    }
    if (lock) {
        e8(g, 0xf0);
    }
}

void modrm(Gen *g, const Rm *o, unsigned reg)
{
    e8(g, (uint32_t)(o->mod << 6 | (reg & 7) << 3 | o->rm));
    if (o->has_sib) {
        e8(g, o->sib);
    }
    if (o->dsize) {
        eimm(g, o->dsize, o->disp);
    }
}

static unsigned w_bit(unsigned size)
{
    return size == 1 ? 0 : 1;
}

/* ---- Families --------------------------------------------------------- */

static const char *const alu_names[8] = {
    "add", "or", "adc", "sbb", "and", "sub", "xor", "cmp",
};

static void alu_flags(Gen *g, unsigned op)
{
    if (op == 1 || op == 4 || op == 6) {
        flags_set(g, FL_ARITH & ~FL_AF, FL_AF);
    } else {
        flags_set(g, FL_ARITH, 0);
    }
}

static const char *gen_alu(Gen *g)
{
    unsigned op = rndn(g, 8), size = rnd_size(g), form = rndn(g, 5);
    bool writes = op != 7;
    Rm o;

    if (op == 2 || op == 3) {
        flags_need(g, FL_CF);
    }
    switch (form) {
    case 0:         /* r/m, reg */
        rm_any(g, &o, size, writes, 50, 0);
        prefixes(g, size, &o, o.mem && writes && chance(g, 20));
        e8(g, op << 3 | w_bit(size));
        modrm(g, &o, rndn(g, 8));
        break;
    case 1:         /* reg, r/m */
        rm_any(g, &o, size, false, 50, 0);
        prefixes(g, size, &o, false);
        e8(g, op << 3 | 2 | w_bit(size));
        modrm(g, &o, writes ? (unsigned)rnd_dst(g, size) : rndn(g, 8));
        break;
    case 2:         /* accumulator, imm */
        prefixes(g, size, NULL, false);
        e8(g, op << 3 | 4 | w_bit(size));
        eimm(g, size, rnd_val(g));
        break;
    case 3:         /* 80/81 /op imm (82: the 80 alias) */
        rm_any(g, &o, size, writes, 50, 0);
        prefixes(g, size, &o, o.mem && writes && chance(g, 20));
        e8(g, size == 1 ? (chance(g, 10) ? 0x82 : 0x80) : 0x81);
        modrm(g, &o, op);
        eimm(g, size, rnd_val(g));
        break;
    default:        /* 83 /op imm8 sign-extended */
        if (size == 1) {
            size = 4;
        }
        rm_any(g, &o, size, writes, 50, 0);
        prefixes(g, size, &o, o.mem && writes && chance(g, 20));
        e8(g, 0x83);
        modrm(g, &o, op);
        e8(g, rnd_val(g));
        break;
    }
    alu_flags(g, op);
    return alu_names[op];
}

static const char *gen_incdec(Gen *g)
{
    unsigned size = rnd_size(g), op = rndn(g, 2);
    Rm o;

    if (size != 1 && chance(g, 30)) {
        prefixes(g, size, NULL, false);
        e8(g, 0x40 + op * 8 + rnd_dst(g, size));
    } else {
        rm_any(g, &o, size, true, 50, 0);
        prefixes(g, size, &o, o.mem && chance(g, 20));
        e8(g, 0xfe | w_bit(size));
        modrm(g, &o, op);
    }
    flags_set(g, FL_ARITH & ~FL_CF, 0);
    return op ? "dec" : "inc";
}

static const char *gen_unary(Gen *g)
{
    unsigned size = rnd_size(g), op = 2 + rndn(g, 2);
    Rm o;

    rm_any(g, &o, size, true, 50, 0);
    prefixes(g, size, &o, o.mem && chance(g, 20));
    e8(g, 0xf6 | w_bit(size));
    modrm(g, &o, op);
    if (op == 3) {
        flags_set(g, FL_ARITH, 0);
    }
    return op == 2 ? "not" : "neg";
}

static const char *gen_test(Gen *g)
{
    unsigned size = rnd_size(g);
    Rm o;

    switch (rndn(g, 3)) {
    case 0:
        rm_any(g, &o, size, false, 50, 0);
        prefixes(g, size, &o, false);
        e8(g, 0x84 | w_bit(size));
        modrm(g, &o, rndn(g, 8));
        break;
    case 1:
        prefixes(g, size, NULL, false);
        e8(g, 0xa8 | w_bit(size));
        eimm(g, size, rnd_val(g));
        break;
    default:
        rm_any(g, &o, size, false, 50, 0);
        prefixes(g, size, &o, false);
        e8(g, 0xf6 | w_bit(size));
        modrm(g, &o, 0);
        eimm(g, size, rnd_val(g));
        break;
    }
    flags_set(g, FL_ARITH & ~FL_AF, FL_AF);
    return "test";
}

static uint32_t rnd_count(Gen *g)
{
    switch (rndn(g, 10)) {
    case 0:
        return rnd(g) & 0xff;
    case 1:
    case 2:
        return rndn(g, 4);
    default:
        return rndn(g, 32);
    }
}

static const char *const shift_names[8] = {
    "rol", "ror", "rcl", "rcr", "shl", "shr", "sal", "sar",
};

/* The flags of a shift or rotate by `count` (SDM Vol. 2B SAL/SAR/SHL/SHR,
 * RCL/RCR/ROL/ROR; AMD APM: OF undefined for counts above one). */
static void shift_flags(Gen *g, unsigned op, unsigned size, uint32_t count)
{
    uint32_t m = count & 31, of = m == 1 ? FL_OF : 0;
    uint32_t ofu = m == 1 ? 0 : FL_OF;

    if (m == 0) {
        return;
    }
    if (op < 4) {
        flags_set(g, FL_CF | of, ofu);
    } else if (op == 7) {
        flags_set(g, FL_CF | FL_SF | FL_ZF | FL_PF | of, FL_AF | ofu);
    } else {
        uint32_t cf = m < size * 8 ? FL_CF : 0;
        flags_set(g, cf | FL_SF | FL_ZF | FL_PF | of,
                  FL_AF | ofu | (cf ? 0 : FL_CF));
    }
}

static const char *gen_shift(Gen *g)
{
    unsigned size = rnd_size(g), op = rndn(g, 8), form = rndn(g, 3);
    uint32_t count;
    Rm o;

    if (op == 6 && !chance(g, 30)) {
        op = 4;
    }
    if (op == 2 || op == 3) {
        flags_need(g, FL_CF);
    }
    switch (form) {
    case 0:         /* by 1 */
        count = 1;
        rm_any(g, &o, size, true, 40, 0);
        prefixes(g, size, &o, false);
        e8(g, 0xd0 | w_bit(size));
        modrm(g, &o, op);
        break;
    case 1:         /* by imm8 */
        count = rnd_count(g);
        rm_any(g, &o, size, true, 40, 0);
        prefixes(g, size, &o, false);
        e8(g, 0xc0 | w_bit(size));
        modrm(g, &o, op);
        e8(g, count);
        break;
    default:        /* by CL */
        count = rnd_count(g);
        e8(g, 0xb1);            /* mov cl, count */
        e8(g, count);
        rm_any(g, &o, size, true, 40, 1u << ECX);
        prefixes(g, size, &o, false);
        e8(g, 0xd2 | w_bit(size));
        modrm(g, &o, op);
        break;
    }
    shift_flags(g, op, size, count);
    return shift_names[op];
}

static const char *gen_shxd(Gen *g)
{
    unsigned size = chance(g, 50) ? 2 : 4, right = rndn(g, 2);
    bool by_cl = chance(g, 50);
    uint32_t count;
    Rm o;

    /* 16-bit counts above 16 give undefined results (SDM SHLD). */
    if (size == 2) {
        count = rndn(g, 17) + (chance(g, 10) ? 32 * rndn(g, 8) : 0);
    } else {
        count = rnd_count(g);
    }
    if (by_cl) {
        e8(g, 0xb1);
        e8(g, count);
    }
    rm_any(g, &o, size, true, 40, by_cl ? 1u << ECX : 0);
    prefixes(g, size, &o, false);
    e8(g, 0x0f);
    e8(g, 0xa4 + right * 8 + by_cl);
    modrm(g, &o, rndn(g, 8));
    if (!by_cl) {
        e8(g, count);
    }
    if (count & 31) {
        uint32_t of = (count & 31) == 1 ? FL_OF : 0;
        flags_set(g, FL_CF | FL_SF | FL_ZF | FL_PF | of,
                  FL_AF | (of ? 0 : FL_OF));
    }
    return right ? "shrd" : "shld";
}

static const char *gen_mul(Gen *g)
{
    unsigned size = rnd_size(g), form = rndn(g, 4);
    const char *name;
    Rm o;

    if (form >= 2 && size == 1) {
        size = 4;
    }
    switch (form) {
    case 0:
    case 1:         /* MUL / IMUL r/m: edx:eax */
        rm_any(g, &o, size, false, 40, 0);
        prefixes(g, size, &o, false);
        e8(g, 0xf6 | w_bit(size));
        modrm(g, &o, 4 + form);
        name = form ? "imul1" : "mul";
        break;
    case 2:         /* IMUL reg, r/m */
        rm_any(g, &o, size, false, 40, 0);
        prefixes(g, size, &o, false);
        e8(g, 0x0f);
        e8(g, 0xaf);
        modrm(g, &o, rnd_dst(g, size));
        name = "imul2";
        break;
    default: {      /* IMUL reg, r/m, imm */
        bool imm8 = chance(g, 50);

        rm_any(g, &o, size, false, 40, 0);
        prefixes(g, size, &o, false);
        e8(g, imm8 ? 0x6b : 0x69);
        modrm(g, &o, rnd_dst(g, size));
        eimm(g, imm8 ? 1 : size, rnd_val(g));
        name = "imul3";
        break;
    }
    }
    flags_set(g, FL_CF | FL_OF, FL_SF | FL_ZF | FL_AF | FL_PF);
    return name;
}

/* DIV/IDIV with a divisor and a high half chosen so that no #DE can
 * happen: unsigned high < divisor; signed |high| < |divisor| / 2 (or a
 * sign extension with a divisor other than 0 and -1). */
static const char *gen_div(Gen *g)
{
    unsigned size = rnd_size(g), bits = size * 8;
    bool sign = chance(g, 50);
    uint32_t mask = bits == 32 ? 0xffffffffu : (1u << bits) - 1;
    uint32_t d, high = 0;
    bool sext = false;
    Rm o;

    if (!sign) {
        do {
            d = (chance(g, 30) ? rndn(g, 20) : rnd(g)) & mask;
        } while (d == 0);
        high = rnd(g) % d;
    } else {
        int32_t sd, m;

        do {
            sd = (int32_t)((chance(g, 30) ? rndn(g, 40) - 20 : rnd(g)) & mask);
            if (bits < 32) {
                sd = (int32_t)(sd << (32 - bits)) >> (32 - bits);
            }
        } while (sd == 0 || sd == -1);
        d = (uint32_t)sd & mask;
        sext = sd == 1 || chance(g, 40);
        if (!sext) {
            int32_t lo;

            m = (int32_t)((sd < 0 ? -(int64_t)sd : sd) >> 1);
            lo = -m + (sd < 0 ? 1 : 0);
            high = (uint32_t)(lo + (int32_t)rndn(g, (uint32_t)(m - 1 - lo + 1)));
        }
    }
    /* The dividend's high half. */
    if (sext) {
        if (size == 2) {
            e8(g, 0x66);
        }
        e8(g, size == 1 ? 0x66 : 0x99);
        if (size == 1) {
            e8(g, 0x98);        /* cbw */
        }
    } else if (size == 1) {
        e8(g, 0xb4);            /* mov ah, high */
        e8(g, high);
    } else {
        if (size == 2) {
            e8(g, 0x66);
        }
        e8(g, 0xba);            /* mov (e)dx, high */
        eimm(g, size, high);
    }
    /* The divisor: a register other than the dividend's, or memory. */
    if (chance(g, 40)) {
        rm_mem(g, &o, size, 1u << EAX | 1u << EDX);
        prefixes(g, size, &o, false);
        e8(g, 0xc6 | w_bit(size));
        modrm(g, &o, 0);
        eimm(g, size, d);
    } else {
        int r;

        do {
            r = (int)rndn(g, 8);
        } while (size == 1 ? (r & 3) == EAX
                           : (r == EAX || r == EDX || r == ESP));
        rm_reg(&o, r);
        if (size == 2) {
            e8(g, 0x66);
        }
        e8(g, (size == 1 ? 0xb0 : 0xb8) + r);
        eimm(g, size, d);
    }
    prefixes(g, size, &o, false);
    e8(g, 0xf6 | w_bit(size));
    modrm(g, &o, sign ? 7 : 6);
    flags_set(g, 0, FL_ARITH);
    return sign ? "idiv" : "div";
}

static const char *const bit_names[4] = { "bt", "bts", "btr", "btc" };

static const char *gen_bit(Gen *g)
{
    unsigned size = chance(g, 40) ? 2 : 4, op = rndn(g, 4);
    Rm o;

    if (chance(g, 50)) {
        /* BT r/m, reg: a memory bit string gets a small offset. */
        int off_reg = -1;

        if (chance(g, 50)) {
            off_reg = rnd_setup_reg(g, 0);
            if (size == 2) {
                e8(g, 0x66);
            }
            e8(g, 0xb8 + off_reg);
            eimm(g, size, (uint32_t)((int32_t)rndn(g, 320) - 64));
            rm_mem(g, &o, size, 1u << off_reg);
        } else {
            rm_reg(&o, op ? rnd_dst(g, size) : (int)rndn(g, 8));
            off_reg = (int)rndn(g, 8);
        }
        prefixes(g, size, &o, o.mem && op && chance(g, 20));
        e8(g, 0x0f);
        e8(g, 0xa3 + op * 8);
        modrm(g, &o, off_reg);
    } else {
        rm_any(g, &o, size, op != 0, 50, 0);
        prefixes(g, size, &o, o.mem && op && chance(g, 20));
        e8(g, 0x0f);
        e8(g, 0xba);
        modrm(g, &o, 4 + op);
        e8(g, rnd(g));
    }
    /* ZF: unaffected per Intel, undefined per AMD. */
    flags_set(g, FL_CF, FL_OF | FL_SF | FL_ZF | FL_AF | FL_PF);
    return bit_names[op];
}

static const char *gen_bscan(Gen *g)
{
    unsigned size = chance(g, 40) ? 2 : 4, rev = rndn(g, 2);
    Rm o;

    rm_any(g, &o, size, false, 40, 0);
    prefixes(g, size, &o, false);
    e8(g, 0x0f);
    e8(g, 0xbc + rev);
    modrm(g, &o, rnd_dst(g, size));
    flags_set(g, FL_ZF, FL_CF | FL_OF | FL_SF | FL_AF | FL_PF);
    return rev ? "bsr" : "bsf";
}

static const char *gen_cmov(Gen *g)
{
    unsigned size = chance(g, 40) ? 2 : 4, cc = rndn(g, 16);
    Rm o;

    flags_need(g, cc_flags(cc));
    rm_any(g, &o, size, false, 40, 0);
    prefixes(g, size, &o, false);
    e8(g, 0x0f);
    e8(g, 0x40 + cc);
    modrm(g, &o, rnd_dst(g, size));
    return "cmovcc";
}

static const char *gen_setcc(Gen *g)
{
    unsigned cc = rndn(g, 16);
    Rm o;

    flags_need(g, cc_flags(cc));
    rm_any(g, &o, 1, true, 40, 0);
    prefixes(g, 1, &o, false);
    e8(g, 0x0f);
    e8(g, 0x90 + cc);
    modrm(g, &o, 0);
    return "setcc";
}

static const char *gen_xchg(Gen *g)
{
    unsigned size = rnd_size(g);
    Rm o;

    switch (rndn(g, 5)) {
    case 0:         /* XCHG r/m, reg */
        rm_any(g, &o, size, true, 50, 0);
        prefixes(g, size, &o, o.mem && chance(g, 20));
        e8(g, 0x86 | w_bit(size));
        modrm(g, &o, rnd_dst(g, size));
        return "xchg";
    case 1: {       /* XCHG (e)ax, reg */
        int r;

        do {
            r = rnd_dst(g, 4);
        } while (r == EAX);
        prefixes(g, size == 1 ? 4 : size, NULL, false);
        e8(g, 0x90 + r);
        return "xchg-ax";
    }
    case 2:         /* XADD */
        rm_any(g, &o, size, true, 50, 0);
        prefixes(g, size, &o, o.mem && chance(g, 30));
        e8(g, 0x0f);
        e8(g, 0xc0 | w_bit(size));
        modrm(g, &o, rnd_dst(g, size));
        flags_set(g, FL_ARITH, 0);
        return "xadd";
    case 3:         /* CMPXCHG, half the time with a matching accumulator */
        rm_any(g, &o, size, true, 50, 1u << EAX);
        if (chance(g, 50)) {
            /* mov (e)ax/al, r/m: the same operand */
            prefixes(g, size, &o, false);
            e8(g, 0x8a | w_bit(size));
            modrm(g, &o, EAX);
        }
        prefixes(g, size, &o, o.mem && chance(g, 30));
        e8(g, 0x0f);
        e8(g, 0xb0 | w_bit(size));
        modrm(g, &o, rnd_dst(g, size));
        flags_set(g, FL_ARITH, 0);
        return "cmpxchg";
    default:        /* CMPXCHG8B */
        rm_mem(g, &o, 8, 1u << EAX | 1u << EDX | 1u << ECX | 1u << EBX);
        if (chance(g, 50)) {
            e8(g, 0xa1);        /* mov eax, [a] */
            e32(g, o.addr);
            e8(g, 0x8b);        /* mov edx, [a + 4] */
            e8(g, 0x15);
            e32(g, o.addr + 4);
        }
        prefixes(g, 4, &o, chance(g, 40));
        e8(g, 0x0f);
        e8(g, 0xc7);
        modrm(g, &o, 1);
        flags_set(g, FL_ZF, 0);
        return "cmpxchg8b";
    }
}

static const char *gen_bswap(Gen *g)
{
    e8(g, 0x0f);
    e8(g, 0xc8 + rnd_dst(g, 4));
    return "bswap";
}

/* LEA with any addressing form (nothing is accessed), 16- or 32-bit
 * addresses and results. */
static const char *gen_lea(Gen *g)
{
    bool a16 = chance(g, 20), o16 = chance(g, 25);
    unsigned mod = rndn(g, 3), rm = rndn(g, 8);

    if (o16) {
        e8(g, 0x66);
    }
    if (a16) {
        e8(g, 0x67);
    }
    e8(g, 0x8d);
    e8(g, mod << 6 | (uint32_t)rnd_dst(g, 4) << 3 | rm);
    if (a16) {
        if (mod == 1) {
            e8(g, rnd(g));
        } else if (mod == 2 || (mod == 0 && rm == 6)) {
            e16(g, rnd_val(g));
        }
    } else {
        uint32_t sib = rnd(g) & 0xff;
        if (rm == 4) {
            e8(g, sib);
        }
        if (mod == 1) {
            e8(g, rnd(g));
        } else if (mod == 2 || (mod == 0 && rm == 5)
                   || (mod == 0 && rm == 4 && (sib & 7) == 5)) {
            e32(g, rnd_val(g));
        }
    }
    return a16 ? "lea-a16" : "lea";
}

static const char *gen_movx(Gen *g)
{
    unsigned dsize = chance(g, 30) ? 2 : 4, word = rndn(g, 2);
    unsigned sx = rndn(g, 2);
    Rm o;

    rm_any(g, &o, word ? 2 : 1, false, 40, 0);
    prefixes(g, dsize, &o, false);
    e8(g, 0x0f);
    e8(g, 0xb6 + sx * 8 + word);
    modrm(g, &o, rnd_dst(g, dsize));
    return sx ? "movsx" : "movzx";
}

static const char *gen_mov(Gen *g)
{
    unsigned size = rnd_size(g);
    Rm o;

    switch (rndn(g, 5)) {
    case 0:
        rm_any(g, &o, size, true, 50, 0);
        prefixes(g, size, &o, false);
        e8(g, 0x88 | w_bit(size));
        modrm(g, &o, rndn(g, 8));
        break;
    case 1:
        rm_any(g, &o, size, false, 50, 0);
        prefixes(g, size, &o, false);
        e8(g, 0x8a | w_bit(size));
        modrm(g, &o, rnd_dst(g, size));
        break;
    case 2:
        prefixes(g, size, NULL, false);
        e8(g, (size == 1 ? 0xb0 : 0xb8) + rnd_dst(g, size));
        eimm(g, size, rnd_val(g));
        break;
    case 3:
        rm_any(g, &o, size, true, 50, 0);
        prefixes(g, size, &o, false);
        e8(g, 0xc6 | w_bit(size));
        modrm(g, &o, 0);
        eimm(g, size, rnd_val(g));
        break;
    default:        /* moffs forms */
        prefixes(g, size, NULL, false);
        e8(g, 0xa0 + rndn(g, 2) * 2 + w_bit(size));
        e32(g, DIFF_MEM_LO + rndn(g, DIFF_MEM_HI - DIFF_MEM_LO - 4));
        break;
    }
    return "mov";
}

static bool stack_room(Gen *g, int push)
{
    return g->depth + push <= DEPTH_MAX && g->depth + push >= DEPTH_MIN;
}

static const char *gen_stack(Gen *g)
{
    Rm o;

    for (int tries = 0; tries < 8; tries++) {
        switch (rndn(g, 12)) {
        case 0:
            if (stack_room(g, 4)) {
                e8(g, 0x50 + rndn(g, 8));
                g->depth += 4;
                return "push r32";
            }
            break;
        case 1:
            if (stack_room(g, 2)) {
                e8(g, 0x66);
                e8(g, 0x50 + rndn(g, 8));
                g->depth += 2;
                return "push r16";
            }
            break;
        case 2:
            if (stack_room(g, 4)) {
                bool b = chance(g, 50);
                e8(g, b ? 0x6a : 0x68);
                eimm(g, b ? 1 : 4, rnd_val(g));
                g->depth += 4;
                return "push imm";
            }
            break;
        case 3:
            if (stack_room(g, 4)) {
                rm_mem(g, &o, 4, 0);
                prefixes(g, 4, &o, false);
                e8(g, 0xff);
                modrm(g, &o, 6);
                g->depth += 4;
                return "push m32";
            }
            break;
        case 4:
        case 5:
            if (stack_room(g, -4)) {
                e8(g, 0x58 + rnd_dst(g, 4));
                g->depth -= 4;
                return "pop r32";
            }
            break;
        case 6:
            if (stack_room(g, -2)) {
                e8(g, 0x66);
                e8(g, 0x58 + rnd_dst(g, 4));
                g->depth -= 2;
                return "pop r16";
            }
            break;
        case 7:
            if (stack_room(g, -4)) {
                g->depth -= 4;      /* the address uses the new ESP */
                rm_mem(g, &o, 4, 0);
                prefixes(g, 4, &o, false);
                e8(g, 0x8f);
                modrm(g, &o, 0);
                return "pop m32";
            }
            break;
        case 8:
            if (stack_room(g, 32)) {
                e8(g, 0x60);
                g->depth += 32;
                return "pusha";
            }
            break;
        case 9:
            if (stack_room(g, -32)) {
                e8(g, 0x61);
                g->depth -= 32;
                return "popa";
            }
            break;
        case 10: {
            bool push = chance(g, 50);

            if (stack_room(g, push ? 16 : -16)) {
                e8(g, 0x66);
                e8(g, push ? 0x60 : 0x61);
                g->depth += push ? 16 : -16;
                return push ? "pushaw" : "popaw";
            }
            break;
        }
        default:
            if (stack_room(g, 4)) {
                e8(g, 0xe8);        /* call next: pushes the address */
                e32(g, 0);
                g->depth += 4;
                return "call next";
            }
            break;
        }
    }
    e8(g, 0x90);
    return "nop";
}

static const char *const string_names[5] = {
    "movs", "cmps", "stos", "lods", "scas",
};

static const char *gen_string(Gen *g)
{
    static const uint8_t opc[5] = { 0xa4, 0xa6, 0xaa, 0xac, 0xae };
    unsigned op = rndn(g, 5), size = rnd_size(g);
    unsigned rep = rndn(g, 3), n;
    bool cmp = op == 1 || op == 4, src = op <= 1 || op == 3;
    bool dst = op != 3;
    uint32_t lo = DIFF_MEM_LO, hi = DIFF_MEM_HI, span;

    if (rep == 2 && !cmp) {
        rep = 1;
    }
    if (g->df < 0 || chance(g, 30)) {
        g->df = (int)rndn(g, 2);
        e8(g, g->df ? 0xfd : 0xfc);
    }
    n = rep ? rndn(g, 9) : 1;
    span = n * size;
    for (int k = 0; k < 2; k++) {
        if (k == 0 ? src : dst) {
            uint32_t a = g->df ? lo + span + rndn(g, hi - lo - span - size)
                               : lo + rndn(g, hi - lo - span - size);
            mov_imm(g, k == 0 ? ESI : EDI, a);
        }
    }
    if (rep) {
        mov_imm(g, ECX, n);
    }
    if (src && chance(g, 10)) {
        e8(g, 0x3e);
    }
    if (size == 2) {
        e8(g, 0x66);
    }
    if (rep) {
        e8(g, rep == 1 ? 0xf3 : 0xf2);
    }
    e8(g, opc[op] + w_bit(size));
    if (cmp && !(rep && n == 0)) {
        flags_set(g, FL_ARITH, 0);
    }
    return string_names[op];
}

static const char *gen_flagop(Gen *g)
{
    switch (rndn(g, 10)) {
    case 0:
        e8(g, 0xf8);
        flags_set(g, FL_CF, 0);
        return "clc";
    case 1:
        e8(g, 0xf9);
        flags_set(g, FL_CF, 0);
        return "stc";
    case 2:
        flags_need(g, FL_CF);
        e8(g, 0xf5);
        return "cmc";
    case 3:
        e8(g, 0xfc);
        g->df = 0;
        return "cld";
    case 4:
        e8(g, 0xfd);
        g->df = 1;
        return "std";
    case 5:
        flags_need(g, FL_SF | FL_ZF | FL_AF | FL_PF | FL_CF);
        e8(g, 0x9f);
        return "lahf";
    case 6:
        e8(g, 0x9e);
        flags_set(g, FL_SF | FL_ZF | FL_AF | FL_PF | FL_CF, 0);
        return "sahf";
    case 7:
        if (!g->inner && stack_room(g, 4)) {
            bool w = chance(g, 25);
            flags_need(g, FL_ARITH);
            if (w) {
                e8(g, 0x66);
            }
            e8(g, 0x9c);
            g->depth += w ? 2 : 4;
            return w ? "pushfw" : "pushf";
        }
        /* fall through */
    default: {
        /* push imm; popf: random arithmetic flags, DF, ID, and bits user
         * mode cannot change (IF, IOPL, VIF, VIP) which must stay. */
        uint32_t v = (rnd(g) & (FL_ARITH | FL_DF)) | 2;
        bool w = chance(g, 25);

        if (g->inner) {
            e8(g, 0x9e);        /* sahf instead */
            flags_set(g, FL_SF | FL_ZF | FL_AF | FL_PF | FL_CF, 0);
            return "sahf";
        }
        if (chance(g, 30)) {
            v |= rnd(g) & (0x200 | 0x3000 | 0x180000 | FL_ID);
        }
        if (w) {
            e8(g, 0x66);
            e8(g, 0x68);
            e16(g, v);
            e8(g, 0x66);
            e8(g, 0x9d);
            if (!(v & FL_DF)) {
                g->df = 0;
            } else {
                g->df = 1;
            }
            flags_set(g, FL_ARITH, 0);
            return "popfw";
        }
        e8(g, 0x68);
        e32(g, v);
        e8(g, 0x9d);
        g->df = (v & FL_DF) ? 1 : 0;
        flags_set(g, FL_ARITH, 0);
        return "popf";
    }
    }
}

static const char *gen_conv(Gen *g)
{
    static const char *const names[4] = { "cwde", "cbw", "cdq", "cwd" };
    unsigned k = rndn(g, 4);

    if (k & 1) {
        e8(g, 0x66);
    }
    e8(g, k < 2 ? 0x98 : 0x99);
    return names[k];
}

/* DAA/DAS (SDM: CF also takes the carry/borrow of the low-digit step). */
static const char *gen_daa(Gen *g)
{
    bool das = rndn(g, 2);

    flags_need(g, FL_AF | FL_CF);
    e8(g, das ? 0x2f : 0x27);
    flags_set(g, FL_CF | FL_AF | FL_SF | FL_ZF | FL_PF, FL_OF);
    return das ? "das" : "daa";
}

/* AAA/AAS (SDM: AX +/- 0x106 resp. AX - 6 and AH - 1). */
static const char *gen_aaa(Gen *g)
{
    bool aas = rndn(g, 2);

    flags_need(g, FL_AF);
    e8(g, aas ? 0x3f : 0x37);
    flags_set(g, FL_AF | FL_CF, FL_OF | FL_SF | FL_ZF | FL_PF);
    return aas ? "aas" : "aaa";
}

static const char *gen_aam(Gen *g)
{
    if (rndn(g, 2)) {
        uint32_t b = rnd(g) & 0xff;
        e8(g, 0xd4);
        e8(g, b ? b : 10);
        flags_set(g, FL_SF | FL_ZF | FL_PF, FL_OF | FL_AF | FL_CF);
        return "aam";
    }
    e8(g, 0xd5);
    e8(g, chance(g, 50) ? 10 : rnd(g));
    flags_set(g, FL_SF | FL_ZF | FL_PF, FL_OF | FL_AF | FL_CF);
    return "aad";
}

static const char *gen_xlat(Gen *g)
{
    mov_imm(g, EBX, DIFF_SCRATCH + rndn(g, DIFF_SCRATCH_SIZE - 256 + 1));
    if (chance(g, 10)) {
        e8(g, 0x3e);
    }
    e8(g, 0xd7);
    return "xlat";
}

static const char *gen_unit(Gen *g);

/* A forward branch over one unit: Jcc/JMP short and near, LOOP family,
 * JECXZ. After the join a flag is undefined if either path left it so. */
static const char *gen_branch(Gen *g)
{
    static const char *const names[5] = {
        "jcc", "jmp", "loop", "jecxz", "loopcc",
    };
    unsigned kind = rndn(g, 5), cc = rndn(g, 16);
    bool near = kind < 2 && chance(g, 30);
    uint8_t *start = g->p, *jmp, *patch, *body;
    uint32_t undef0;
    int df0;
    const char *inner;
    FILE *log = g->log;

    if (kind == 0) {
        flags_need(g, cc_flags(cc));
    } else if (kind == 4) {
        flags_need(g, FL_ZF);
    }
    jmp = g->p;
    switch (kind) {
    case 0:
        if (near) {
            e8(g, 0x0f);
            e8(g, 0x80 + cc);
        } else {
            e8(g, 0x70 + cc);
        }
        break;
    case 1:
        e8(g, near ? 0xe9 : 0xeb);
        break;
    case 2:
        e8(g, 0xe2);
        break;
    case 3:
        e8(g, 0xe3);
        break;
    default:
        e8(g, 0xe0 + rndn(g, 2));
        break;
    }
    patch = g->p;
    if (near) {
        e32(g, 0);
    } else {
        e8(g, 0);
    }
    undef0 = g->undef;
    df0 = g->df;
    body = g->p;
    g->inner = true;
    g->log = NULL;
    {
        Gen before = *g;

        inner = gen_unit(g);
        if (!near && g->p - body > 127) {
            /* Too long for a rel8 (an x87 unit with its setup): a NOP
             * instead, the state as before it. */
            uint64_t s = g->s;

            *g = before;
            g->s = s;
            e8(g, 0x90);
            inner = "nop";
        }
    }
    g->log = log;
    g->inner = false;
    if (near) {
        uint32_t rel = (uint32_t)(g->p - (patch + 4));
        memcpy(patch, &rel, 4);
    } else {
        *patch = (uint8_t)(g->p - (patch + 1));
    }
    (void)jmp;
    log_range(g, start, body, names[kind], false);
    log_range(g, body, g->p, inner, true);
    g->undef |= undef0;
    if (g->df != df0) {
        g->df = -1;
    }
    return NULL;
}

typedef const char *(*GenFn)(Gen *g);

static const GenFn gen_fns[FAM_COUNT] = {
    gen_alu, gen_incdec, gen_unary, gen_test, gen_shift, gen_shxd, gen_mul,
    gen_div, gen_bit, gen_bscan, gen_cmov, gen_setcc, gen_xchg, gen_bswap,
    gen_lea, gen_movx, gen_mov, gen_stack, gen_string, gen_flagop,
    gen_conv, gen_daa, gen_aaa, gen_aam, gen_xlat, gen_branch,
    gen_x87_load, gen_x87_store, gen_x87_arith, gen_x87_cmp, gen_x87_misc,
    gen_x87_trans, gen_x87_ctl, gen_mmx, gen_sse_fp, gen_sse_conv,
    gen_sse_int, gen_sse_shuf, gen_sse_mxcsr,
};

/* One unit of a family allowed here; returns its name (NULL when it
 * logged itself). */
static const char *gen_unit(Gen *g)
{
    unsigned total = 0, pick, f;
    uint8_t *start = g->p;
    const char *name;

    for (f = 0; f < FAM_COUNT; f++) {
        if (!(g->opt->disabled & (1ull << f))
            && !(g->inner && (f == FAM_STACK || f == FAM_BRANCH))) {
            total += gen_weight[f];
        }
    }
    if (total == 0) {
        e8(g, 0x90);
        return "nop";
    }
    pick = rndn(g, total);
    for (f = 0; f < FAM_COUNT; f++) {
        if (!(g->opt->disabled & (1ull << f))
            && !(g->inner && (f == FAM_STACK || f == FAM_BRANCH))) {
            if (pick < gen_weight[f]) {
                break;
            }
            pick -= gen_weight[f];
        }
    }
    name = gen_fns[f](g);
    if (name) {
        log_range(g, start, g->p, name, false);
    }
    return name ? name : "branch";
}

/* ---- A whole case ----------------------------------------------------- */

uint32_t gen_case(uint64_t seed, const DiffOptions *opt, uint8_t *code,
                  DiffState *st, uint8_t *scratch, uint8_t *stack,
                  uint32_t *undef, FILE *log)
{
    Gen g = { .p = code, .base = code, .s = seed, .df = 0, .opt = opt,
              .log = log };
    DiffState *sa = (DiffState *)(uintptr_t)DIFF_STATE;
    unsigned n;

    for (int r = 0; r < 8; r++) {
        st->in.r[r] = rnd_val(&g);
    }
    st->in.r[ESP] = DIFF_STACK_TOP;
    st->in.eflags = 0x202 | (rnd(&g) & (FL_ARITH | FL_DF));
    if (chance(&g, 10)) {
        st->in.eflags |= FL_ID;
    }
    g.df = (st->in.eflags & FL_DF) ? 1 : 0;
    for (unsigned i = 0; i < DIFF_SCRATCH_SIZE; i++) {
        scratch[i] = (uint8_t)(chance(&g, 20) ? rndn(&g, 3) * 0x7f : rnd(&g));
    }
    for (unsigned i = 0; i < DIFF_STACK_SIZE; i++) {
        stack[i] = (uint8_t)rnd(&g);
    }

    val_fx_image(&g, st->fx_in);
    g.fp_top = (st->fx_in[3] >> 3) & 7;
    g.fp_valid = st->fx_in[4];

    /* Prologue: save the host's registers, FPU/SSE state and stack, load
     * the input. */
    e8(&g, 0x0f);                               /* fxsave [fx_host] */
    e8(&g, 0xae);
    e8(&g, 0 << 3 | 5);
    e32(&g, (uint32_t)(uintptr_t)sa->fx_host);
    e8(&g, 0x0f);                               /* fxrstor [fx_in] */
    e8(&g, 0xae);
    e8(&g, 1 << 3 | 5);
    e32(&g, (uint32_t)(uintptr_t)sa->fx_in);
    e8(&g, 0x60);                               /* pushad */
    e8(&g, 0x9c);                               /* pushfd */
    e8(&g, 0x89);                               /* mov [saved_esp], esp */
    e8(&g, 0x25);
    e32(&g, (uint32_t)(uintptr_t)&sa->saved_esp);
    e8(&g, 0xbc);                               /* mov esp, STACK_TOP */
    e32(&g, DIFF_STACK_TOP);
    e8(&g, 0xff);                               /* push [in.eflags] */
    e8(&g, 0x35);
    e32(&g, (uint32_t)(uintptr_t)&sa->in.eflags);
    e8(&g, 0x9d);                               /* popfd */
    for (int r = 0; r < 8; r++) {
        if (r != ESP) {
            e8(&g, 0x8b);                       /* mov r, [in.r] */
            e8(&g, (uint32_t)(r << 3 | 5));
            e32(&g, (uint32_t)(uintptr_t)&sa->in.r[r]);
        }
    }
    if (log) {
        fprintf(log, "  code:\n");
    }
    g.base = g.p;

    n = 4 + rndn(&g, 21);
    if (opt->max_units >= 0 && (unsigned)opt->max_units < n) {
        n = (unsigned)opt->max_units;
    }
    for (unsigned i = 0; i < n && g.p - code < (ptrdiff_t)DIFF_CODE_MAX - 256;
         i++) {
        gen_unit(&g);
    }

    /* Epilogue: store the registers, back to the host stack, EFLAGS. */
    for (int r = 0; r < 8; r++) {
        e8(&g, 0x89);
        e8(&g, (uint32_t)(r << 3 | 5));
        e32(&g, (uint32_t)(uintptr_t)&sa->out.r[r]);
    }
    e8(&g, 0x8b);                               /* mov esp, [saved_esp] */
    e8(&g, 0x25);
    e32(&g, (uint32_t)(uintptr_t)&sa->saved_esp);
    e8(&g, 0x9c);                               /* pushfd */
    e8(&g, 0x8f);                               /* pop [out.eflags] */
    e8(&g, 0x05);
    e32(&g, (uint32_t)(uintptr_t)&sa->out.eflags);
    e8(&g, 0x9d);                               /* popfd */
    e8(&g, 0x61);                               /* popad */
    e8(&g, 0x0f);                               /* fxsave [fx_out] */
    e8(&g, 0xae);
    e8(&g, 0 << 3 | 5);
    e32(&g, (uint32_t)(uintptr_t)sa->fx_out);
    e8(&g, 0x0f);                               /* fxrstor [fx_host] */
    e8(&g, 0xae);
    e8(&g, 1 << 3 | 5);
    e32(&g, (uint32_t)(uintptr_t)sa->fx_host);
    e8(&g, 0xc3);                               /* ret */
    *undef = g.undef;
    return (uint32_t)(g.p - code);
}

/* tests/diff/diff_gen.c — builds random but well-defined micro-op blocks
 * for the differential test: every op class of core/ir_ops.h, forward
 * branches, bounded loops, guest memory in bounds, helper calls.
 */
#include "diff_gen.h"

#include <stdio.h>
#include <string.h>

#include "core/helper.h"

enum {
    DIFF_NB_LOCALS = 4,         /* block-locals of each type */
    DIFF_MAX_EPH = 12,          /* ephemerals tracked per type */
    DIFF_MAX_OPEN = 6,          /* forward labels waiting to be set */
    DIFF_MAX_LOOP_DEPTH = 2,
};

/* A forward label and the loops its branches sit in: it may only be set
 * where the current loop nest is a prefix of that one, so no branch
 * enters a loop body past its counter set-up. */
typedef struct DiffLabel {
    uint32_t label;
    uint32_t depth;
    uint32_t loops[DIFF_MAX_LOOP_DEPTH];
} DiffLabel;

typedef struct DiffLoop {
    uint32_t id;
    uint32_t head;
    IrTemp counter;
    uint32_t steps;             /* body steps generated so far */
} DiffLoop;

typedef struct DiffGen {
    IrBlock *b;
    DiffRng rng;
    const DiffGlobals *g;
    IrTemp loc[2][DIFF_NB_LOCALS];
    IrTemp eph[2][DIFF_MAX_EPH];
    uint32_t neph[2];
    DiffLabel open[DIFF_MAX_OPEN];
    uint32_t nopen;
    DiffLoop loops[DIFF_MAX_LOOP_DEPTH];
    uint32_t depth;
    uint32_t next_loop_id;
    uint32_t nloops;
} DiffGen;

/* ---- Random numbers ---------------------------------------------------- */

static uint64_t diff_splitmix(uint64_t x)
{
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

void diff_rng_seed(DiffRng *r, uint64_t seed)
{
    r->s = diff_splitmix(seed) | 1;
}

uint64_t diff_rng_next(DiffRng *r)
{
    /* xorshift64* */
    r->s ^= r->s >> 12;
    r->s ^= r->s << 25;
    r->s ^= r->s >> 27;
    return r->s * 0x2545f4914f6cdd1dull;
}

uint32_t diff_rng_below(DiffRng *r, uint32_t n)
{
    return (uint32_t)((diff_rng_next(r) >> 32) % n);
}

uint64_t diff_block_seed(uint64_t seed, uint64_t index)
{
    return diff_splitmix(seed * 0x100000001b3ull + index);
}

static uint32_t gen_below(DiffGen *g, uint32_t n)
{
    return diff_rng_below(&g->rng, n);
}

static bool gen_chance(DiffGen *g, uint32_t percent)
{
    return gen_below(g, 100) < percent;
}

/* Values that find bugs: boundaries of signed and unsigned ranges, byte
 * and half-word edges, shift counts near the width. */
static uint64_t diff_interesting(DiffRng *r, IrType t)
{
    static const uint64_t vals[] = {
        0, 1, 2, 3, 7, 8, 15, 16, 31, 32, 33, 63, 64, 0x7f, 0x80, 0xff,
        0x100, 0x7fff, 0x8000, 0xffff, 0x10000, 0x7fffffff, 0x80000000,
        0xffffffff, 0x100000000ull, 0x7fffffffffffffffull,
        0x8000000000000000ull, 0xffffffffffffffffull,
        0xfffffffffffffffeull, 0xffffffff80000000ull, 0x12345678,
        0x0123456789abcdefull,
    };
    uint64_t v = vals[diff_rng_below(r, sizeof(vals) / sizeof(vals[0]))];
    if (diff_rng_below(r, 4) == 0) {
        v = ~v;
    }
    return t == IR_I32 ? (uint32_t)v : v;
}

static uint64_t diff_random_value(DiffRng *r, IrType t)
{
    uint64_t v;
    switch (diff_rng_below(r, 8)) {
    case 0:
    case 1:
    case 2:
        v = diff_interesting(r, t);
        break;
    case 3:
        v = diff_rng_below(r, 70);
        break;
    case 4:
        v = (uint64_t)-(int64_t)diff_rng_below(r, 70);
        break;
    default:
        v = diff_rng_next(r);
        break;
    }
    return t == IR_I32 ? (uint32_t)v : v;
}

/* ---- Test helpers -------------------------------------------------------
 * Order-sensitive mixes so that a swapped or truncated argument shows. */

static uint64_t diff_mix(uint64_t h, uint64_t v)
{
    h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    return h * 0xff51afd7ed558ccdull;
}

static uint32_t diff_helper_p1(uint32_t a)
{
    return (uint32_t)diff_mix(1, a);
}

static uint64_t diff_helper_p2(uint64_t a, uint32_t b)
{
    return diff_mix(diff_mix(2, a), b);
}

static uint32_t diff_helper_p3(uint32_t a, uint64_t b, uint32_t c)
{
    return (uint32_t)(diff_mix(diff_mix(diff_mix(3, a), b), c) >> 17);
}

static uint64_t diff_helper_p4(uint64_t a, uint32_t b, uint64_t c,
                               uint32_t d)
{
    return diff_mix(diff_mix(diff_mix(diff_mix(4, a), b), c), d);
}

static uint32_t diff_helper_p5(uint32_t a, uint32_t b, uint64_t c,
                               uint64_t d, uint32_t e)
{
    uint64_t h = diff_mix(diff_mix(diff_mix(5, a), b), c);
    return (uint32_t)diff_mix(diff_mix(h, d), e);
}

static uint64_t diff_helper_p6(uint32_t a, uint64_t b, uint32_t c,
                               uint64_t d, uint32_t e, uint64_t f)
{
    uint64_t h = diff_mix(diff_mix(diff_mix(6, a), b), c);
    return diff_mix(diff_mix(diff_mix(h, d), e), f);
}

static uint64_t diff_helper_p6w(uint64_t a, uint64_t b, uint64_t c,
                                uint64_t d, uint64_t e, uint64_t f)
{
    return a - b * 3 + (c ^ d) + (e << 1) - (f >> 1);
}

/* Reads and writes globals: the backend must store them before and
 * reload them after. */
static uint64_t diff_helper_env_rw(void *env, uint32_t x, uint64_t y)
{
    DiffState *s = env;
    uint64_t r = s->r64[x & 7] + s->r32[(x >> 3) & 15] + y;
    s->r32[(x >> 7) & 15] += (uint32_t)y ^ x;
    s->r64[(y >> 5) & 7] ^= diff_mix(x, s->r32[y & 15]);
    s->helper_log = diff_mix(s->helper_log, r);
    return r;
}

/* Reads globals, writes none. */
static uint32_t diff_helper_env_ro(void *env, uint64_t a)
{
    DiffState *s = env;
    uint32_t v = s->r32[a & 15] ^ (uint32_t)s->r64[(a >> 4) & 7];
    s->helper_log = diff_mix(s->helper_log, v + a);
    return v + (uint32_t)(a >> 9);
}

/* Writes globals, reads none. */
static void diff_helper_env_wo(void *env, uint32_t a, uint64_t b)
{
    DiffState *s = env;
    s->r32[a & 15] = a * 0x9e3779b1u + (uint32_t)b;
    s->r64[b & 7] = b ^ ((uint64_t)a << 13);
    s->helper_log = diff_mix(s->helper_log, a ^ b);
}

/* Touches no global, but has a side effect the optimizer must keep. */
static void diff_helper_log(void *env, uint32_t a, uint64_t b, uint32_t c)
{
    DiffState *s = env;
    s->helper_log = diff_mix(diff_mix(diff_mix(s->helper_log, a), b), c);
}

static const IrHelper diff_helper_p1_desc =
    IR_HELPER(diff_helper_p1, IR_HF_PURE, IR_HT_I32, IR_HT_I32);
static const IrHelper diff_helper_p2_desc =
    IR_HELPER(diff_helper_p2, IR_HF_PURE, IR_HT_I64, IR_HT_I64, IR_HT_I32);
static const IrHelper diff_helper_p3_desc =
    IR_HELPER(diff_helper_p3, IR_HF_PURE, IR_HT_I32, IR_HT_I32, IR_HT_I64,
              IR_HT_I32);
static const IrHelper diff_helper_p4_desc =
    IR_HELPER(diff_helper_p4, IR_HF_PURE, IR_HT_I64, IR_HT_I64, IR_HT_I32,
              IR_HT_I64, IR_HT_I32);
static const IrHelper diff_helper_p5_desc =
    IR_HELPER(diff_helper_p5, IR_HF_PURE, IR_HT_I32, IR_HT_I32, IR_HT_I32,
              IR_HT_I64, IR_HT_I64, IR_HT_I32);
static const IrHelper diff_helper_p6_desc =
    IR_HELPER(diff_helper_p6, IR_HF_PURE, IR_HT_I64, IR_HT_I32, IR_HT_I64,
              IR_HT_I32, IR_HT_I64, IR_HT_I32, IR_HT_I64);
static const IrHelper diff_helper_p6w_desc =
    IR_HELPER(diff_helper_p6w, IR_HF_PURE, IR_HT_I64, IR_HT_I64, IR_HT_I64,
              IR_HT_I64, IR_HT_I64, IR_HT_I64, IR_HT_I64);
static const IrHelper diff_helper_env_rw_desc =
    IR_HELPER(diff_helper_env_rw, 0, IR_HT_I64, IR_HT_PTR, IR_HT_I32,
              IR_HT_I64);
static const IrHelper diff_helper_env_ro_desc =
    IR_HELPER(diff_helper_env_ro, IR_HF_NO_WRITE_GLOBALS, IR_HT_I32,
              IR_HT_PTR, IR_HT_I64);
static const IrHelper diff_helper_env_wo_desc =
    IR_HELPER(diff_helper_env_wo, IR_HF_NO_READ_GLOBALS, IR_HT_VOID,
              IR_HT_PTR, IR_HT_I32, IR_HT_I64);
static const IrHelper diff_helper_log_desc =
    IR_HELPER(diff_helper_log, IR_HF_NO_READ_GLOBALS | IR_HF_NO_WRITE_GLOBALS,
              IR_HT_VOID, IR_HT_PTR, IR_HT_I32, IR_HT_I64, IR_HT_I32);

static const IrHelper *const diff_helpers[] = {
    &diff_helper_p1_desc, &diff_helper_p2_desc, &diff_helper_p3_desc,
    &diff_helper_p4_desc, &diff_helper_p5_desc, &diff_helper_p6_desc,
    &diff_helper_p6w_desc, &diff_helper_env_rw_desc,
    &diff_helper_env_ro_desc, &diff_helper_env_wo_desc,
    &diff_helper_log_desc,
};

/* ---- State ------------------------------------------------------------- */

static const char *const diff_g32_names[DIFF_NB_G32] = {
    "r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7",
    "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15",
};
static const char *const diff_g64_names[DIFF_NB_G64] = {
    "x0", "x1", "x2", "x3", "x4", "x5", "x6", "x7",
};

void diff_init_globals(IrBlock *b, DiffGlobals *g)
{
    for (unsigned i = 0; i < DIFF_NB_G32; i++) {
        g->g32[i] = ir_global(b, IR_I32,
                              (int32_t)(offsetof(DiffState, r32) + 4 * i),
                              diff_g32_names[i]);
    }
    for (unsigned i = 0; i < DIFF_NB_G64; i++) {
        g->g64[i] = ir_global(b, IR_I64,
                              (int32_t)(offsetof(DiffState, r64) + 8 * i),
                              diff_g64_names[i]);
    }
}

void diff_gen_state(DiffState *st, uint8_t *mem, uint64_t seed)
{
    DiffRng r;
    diff_rng_seed(&r, seed ^ 0x5a5a5a5a5a5a5a5aull);
    memset(st, 0, sizeof(*st));
    for (unsigned i = 0; i < DIFF_NB_G32; i++) {
        st->r32[i] = (uint32_t)diff_random_value(&r, IR_I32);
    }
    for (unsigned i = 0; i < DIFF_NB_G64; i++) {
        st->r64[i] = diff_random_value(&r, IR_I64);
    }
    for (unsigned i = 0; i < DIFF_SCRATCH; i++) {
        st->scratch[i] = (uint8_t)diff_rng_next(&r);
    }
    static const uint64_t kv[DIFF_NB_KVAL] = {
        0, UINT64_MAX, 0x8000000000000000ull, 1
    };
    for (unsigned i = 0; i < DIFF_NB_KVAL; i++) {
        st->k64[i] = kv[i];
        st->k32[i] = (uint32_t)(kv[i] >> (i == 2 ? 32 : 0));
    }
    st->helper_log = diff_rng_next(&r);
    for (unsigned i = 0; i < DIFF_MEM_ALLOC; i += 8) {
        uint64_t v = diff_rng_next(&r);
        memcpy(mem + i, &v, 8);
    }
}

const char *diff_field_name(size_t off, char *buf, size_t len)
{
    if (off >= offsetof(DiffState, r32) &&
        off < offsetof(DiffState, r32) + sizeof(((DiffState *)0)->r32)) {
        snprintf(buf, len, "r32[%zu]", (off - offsetof(DiffState, r32)) / 4);
    } else if (off >= offsetof(DiffState, r64) &&
               off < offsetof(DiffState, r64) + 8 * DIFF_NB_G64) {
        snprintf(buf, len, "r64[%zu]", (off - offsetof(DiffState, r64)) / 8);
    } else if (off >= offsetof(DiffState, scratch) &&
               off < offsetof(DiffState, scratch) + DIFF_SCRATCH) {
        snprintf(buf, len, "scratch+%zu", off - offsetof(DiffState, scratch));
    } else if (off >= offsetof(DiffState, helper_log) &&
               off < offsetof(DiffState, helper_log) + 8) {
        snprintf(buf, len, "helper_log");
    } else {
        snprintf(buf, len, "state+%zu", off);
    }
    return buf;
}

/* ---- Operands -------------------------------------------------------- */

static IrTemp gen_imm(DiffGen *g, IrType t)
{
    return ir_const(g->b, t, diff_random_value(&g->rng, t));
}

static IrTemp gen_global(DiffGen *g, IrType t)
{
    return t == IR_I32 ? g->g->g32[gen_below(g, DIFF_NB_G32)]
                       : g->g->g64[gen_below(g, DIFF_NB_G64)];
}

/* A value of type t that is defined on every path reaching here. */
static IrTemp gen_src(DiffGen *g, IrType t)
{
    uint32_t r = gen_below(g, 100);
    if (r < 12) {
        return gen_imm(g, t);
    }
    if (r < 42) {
        return gen_global(g, t);
    }
    if (r < 62 || g->neph[t] == 0) {
        return g->loc[t][gen_below(g, DIFF_NB_LOCALS)];
    }
    return g->eph[t][gen_below(g, g->neph[t])];
}

/* A run-time value the optimizer cannot know: 0, -1, MIN or 1 loaded
 * from the never-written k32/k64 fields. */
static IrTemp gen_hidden_special(DiffGen *g, IrType t)
{
    IrTemp d = ir_temp_new(g->b, t);
    unsigned i = gen_below(g, DIFF_NB_KVAL);
    if (t == IR_I32) {
        ir_ld(g->b, d, IR_ENV, (int32_t)(offsetof(DiffState, k32) + 4 * i));
    } else {
        ir_ld(g->b, d, IR_ENV, (int32_t)(offsetof(DiffState, k64) + 8 * i));
    }
    return d;
}

static void gen_push_eph(DiffGen *g, IrType t, IrTemp d)
{
    if (g->neph[t] < DIFF_MAX_EPH) {
        g->eph[t][g->neph[t]++] = d;
    } else {
        g->eph[t][gen_below(g, DIFF_MAX_EPH)] = d;
    }
}

/* A destination; call after choosing the sources, since a new ephemeral
 * joins the pool at once. */
static IrTemp gen_dst(DiffGen *g, IrType t)
{
    uint32_t r = gen_below(g, 100);
    if (r < 25) {
        return gen_global(g, t);
    }
    if (r < 45) {
        return g->loc[t][gen_below(g, DIFF_NB_LOCALS)];
    }
    if (r < 60 && g->neph[t]) {
        return g->eph[t][gen_below(g, g->neph[t])];
    }
    IrTemp d = ir_temp_new(g->b, t);
    gen_push_eph(g, t, d);
    return d;
}

static IrType gen_type(DiffGen *g)
{
    return gen_chance(g, 50) ? IR_I32 : IR_I64;
}

static unsigned gen_width(IrType t)
{
    return t == IR_I32 ? 32 : 64;
}

/* ---- Value ops --------------------------------------------------------- */

static void gen_binary(DiffGen *g, IrType t)
{
    typedef void (*BinFn)(IrBlock *, IrTemp, IrTemp, IrTemp);
    static const BinFn fns[] = {
        ir_add, ir_sub, ir_mul, ir_and, ir_or, ir_xor, ir_andc, ir_orc,
    };
    typedef void (*BinImmFn)(IrBlock *, IrTemp, IrTemp, uint64_t);
    static const BinImmFn ifns[] = {
        ir_addi, ir_subi, ir_muli, ir_andi, ir_ori, ir_xori,
    };
    IrTemp a = gen_src(g, t);
    if (gen_chance(g, 20)) {
        uint64_t imm = diff_random_value(&g->rng, t);
        IrTemp d = gen_dst(g, t);
        ifns[gen_below(g, 6)](g->b, d, a, imm);
        return;
    }
    IrTemp c = gen_chance(g, 10) ? a : gen_src(g, t);
    IrTemp d = gen_dst(g, t);
    fns[gen_below(g, 8)](g->b, d, a, c);
}

static void gen_unary(DiffGen *g, IrType t)
{
    IrTemp a = gen_src(g, t);
    IrTemp d = gen_dst(g, t);
    switch (gen_below(g, 3)) {
    case 0:
        ir_neg(g->b, d, a);
        break;
    case 1:
        ir_not(g->b, d, a);
        break;
    default:
        if (gen_chance(g, 30)) {
            ir_movi(g->b, d, diff_random_value(&g->rng, t));
        } else {
            ir_mov(g->b, d, a);
        }
        break;
    }
}

static void gen_shift(DiffGen *g, IrType t)
{
    typedef void (*BinFn)(IrBlock *, IrTemp, IrTemp, IrTemp);
    static const BinFn fns[] = { ir_shl, ir_shr, ir_sar, ir_rotl, ir_rotr };
    typedef void (*BinImmFn)(IrBlock *, IrTemp, IrTemp, uint64_t);
    static const BinImmFn ifns[] = {
        ir_shli, ir_shri, ir_sari, ir_rotli, ir_rotri,
    };
    unsigned k = gen_below(g, 5);
    IrTemp a = gen_src(g, t);
    if (gen_chance(g, 40)) {
        /* Counts of any size: they are taken modulo the width. */
        uint64_t n = gen_chance(g, 80) ? gen_below(g, gen_width(t))
                                       : diff_random_value(&g->rng, t);
        IrTemp d = gen_dst(g, t);
        ifns[k](g->b, d, a, n);
        return;
    }
    IrTemp c = gen_src(g, t);
    IrTemp d = gen_dst(g, t);
    fns[k](g->b, d, a, c);
}

static void gen_div(DiffGen *g, IrType t)
{
    typedef void (*BinFn)(IrBlock *, IrTemp, IrTemp, IrTemp);
    static const BinFn fns[] = { ir_divs, ir_divu, ir_rems, ir_remu };
    IrTemp a, c;
    uint64_t min = t == IR_I32 ? 0x80000000u : 0x8000000000000000ull;
    uint64_t m1 = t == IR_I32 ? 0xffffffffu : UINT64_MAX;
    switch (gen_below(g, 6)) {
    case 0:     /* constant zero or -1 divisor */
        a = gen_src(g, t);
        c = ir_const(g->b, t, gen_chance(g, 50) ? 0 : m1);
        break;
    case 1:     /* MIN / -1, known to the optimizer */
        a = ir_const(g->b, t, min);
        c = ir_const(g->b, t, m1);
        break;
    case 2:     /* divisor known only at run time: 0, -1, MIN or 1 */
        a = gen_chance(g, 50) ? gen_hidden_special(g, t) : gen_src(g, t);
        c = gen_hidden_special(g, t);
        break;
    case 3:     /* MIN dividend at run time */
        a = gen_chance(g, 50) ? ir_const(g->b, t, min)
                              : gen_hidden_special(g, t);
        c = gen_chance(g, 50) ? ir_const(g->b, t, m1) : gen_src(g, t);
        break;
    default:
        a = gen_src(g, t);
        c = gen_src(g, t);
        break;
    }
    IrTemp d = gen_dst(g, t);
    fns[gen_below(g, 4)](g->b, d, a, c);
}

static void gen_double_word(DiffGen *g, IrType t)
{
    unsigned k = gen_below(g, 4);
    if (k < 2) {
        IrTemp a = gen_src(g, t);
        IrTemp c = gen_src(g, t);
        IrTemp lo = gen_dst(g, t);
        IrTemp hi;
        do {
            hi = gen_dst(g, t);
        } while (hi == lo);
        (k == 0 ? ir_mulu2 : ir_muls2)(g->b, lo, hi, a, c);
        return;
    }
    IrTemp al = gen_src(g, t), ah = gen_src(g, t);
    IrTemp bl = gen_src(g, t), bh = gen_src(g, t);
    IrTemp rl = gen_dst(g, t);
    IrTemp rh;
    do {
        rh = gen_dst(g, t);
    } while (rh == rl);
    (k == 2 ? ir_add2 : ir_sub2)(g->b, rl, rh, al, ah, bl, bh);
}

static void gen_bitfield(DiffGen *g, IrType t)
{
    unsigned w = gen_width(t);
    unsigned pos = gen_below(g, w);
    unsigned len = 1 + gen_below(g, w - pos);
    if (gen_chance(g, 20)) {    /* the common byte / half-word fields */
        static const unsigned lens[] = { 8, 16 };
        len = lens[gen_below(g, 2)];
        pos = gen_below(g, (w - len) / 8 + 1) * 8;
    }
    IrTemp a = gen_src(g, t);
    switch (gen_below(g, 3)) {
    case 0: {
        IrTemp d = gen_dst(g, t);
        ir_extract(g->b, d, a, pos, len);
        break;
    }
    case 1: {
        IrTemp d = gen_dst(g, t);
        ir_sextract(g->b, d, a, pos, len);
        break;
    }
    default: {
        IrTemp v = gen_src(g, t);
        IrTemp d = gen_dst(g, t);
        ir_deposit(g->b, d, a, v, pos, len);
        break;
    }
    }
}

static void gen_extend(DiffGen *g, IrType t)
{
    typedef void (*UnFn)(IrBlock *, IrTemp, IrTemp);
    static const UnFn fns[] = {
        ir_ext8s, ir_ext8u, ir_ext16s, ir_ext16u, ir_ext32s, ir_ext32u,
    };
    IrTemp a = gen_src(g, t);
    IrTemp d = gen_dst(g, t);
    fns[gen_below(g, t == IR_I32 ? 4 : 6)](g->b, d, a);
}

static void gen_convert(DiffGen *g)
{
    unsigned k = gen_below(g, 4);
    if (k < 2) {
        IrTemp a = gen_src(g, IR_I32);
        IrTemp d = gen_dst(g, IR_I64);
        (k == 0 ? ir_extu_i32_i64 : ir_exts_i32_i64)(g->b, d, a);
    } else {
        IrTemp a = gen_src(g, IR_I64);
        IrTemp d = gen_dst(g, IR_I32);
        (k == 2 ? ir_extrl_i64_i32 : ir_extrh_i64_i32)(g->b, d, a);
    }
}

static void gen_bits(DiffGen *g, IrType t)
{
    typedef void (*UnFn)(IrBlock *, IrTemp, IrTemp);
    static const UnFn fns[] = {
        ir_clz, ir_ctz, ir_popcnt, ir_bswap16, ir_bswap32, ir_bswap64,
    };
    /* A zero input now and then, for clz/ctz of zero. */
    IrTemp a = gen_chance(g, 10) ? ir_const(g->b, t, 0) : gen_src(g, t);
    if (gen_chance(g, 10)) {
        a = gen_hidden_special(g, t);
    }
    IrTemp d = gen_dst(g, t);
    fns[gen_below(g, t == IR_I32 ? 5 : 6)](g->b, d, a);
}

static void gen_cond(DiffGen *g, IrType t)
{
    IrCond cond = (IrCond)gen_below(g, IR_NB_CONDS);
    IrTemp a = gen_src(g, t);
    IrTemp c = gen_chance(g, 10) ? a : gen_src(g, t);
    if (gen_chance(g, 50)) {
        IrTemp d = gen_dst(g, t);
        ir_setcond(g->b, cond, d, a, c);
    } else {
        IrTemp v1 = gen_src(g, t);
        IrTemp v2 = gen_src(g, t);
        IrTemp d = gen_dst(g, t);
        ir_movcond(g->b, cond, d, a, c, v1, v2);
    }
}

/* ---- Memory -------------------------------------------------------------- */

/* LD / ST on the scratch part of the state, naturally aligned; sometimes
 * through a pointer computed from env. */
static void gen_env_mem(DiffGen *g, IrType t)
{
    static const unsigned ld_size[] = { 1, 1, 2, 2, 4, 4, 0 };
    typedef void (*LdFn)(IrBlock *, IrTemp, IrTemp, int32_t);
    static const LdFn ld[] = {
        ir_ld8u, ir_ld8s, ir_ld16u, ir_ld16s, ir_ld32u, ir_ld32s, ir_ld,
    };
    static const unsigned st_size[] = { 1, 2, 4, 0 };
    typedef void (*StFn)(IrBlock *, IrTemp, IrTemp, int32_t);
    static const StFn st[] = { ir_st8, ir_st16, ir_st32, ir_st };
    bool is_store = gen_chance(g, 50);
    unsigned k, size;
    if (is_store) {
        k = gen_below(g, 4);
        size = st_size[k];
    } else {
        /* LD32U / LD32S only make sense for an i64 destination. */
        k = gen_below(g, 7);
        if (t == IR_I32 && (k == 4 || k == 5)) {
            k = 6;
        }
        size = ld_size[k];
    }
    if (size == 0) {
        size = t == IR_I32 ? 4 : 8;
    }
    int32_t off = (int32_t)(offsetof(DiffState, scratch) +
                            gen_below(g, DIFF_SCRATCH / size) * size);
    IrTemp base = IR_ENV;
    if (gen_chance(g, 15)) {
        int32_t delta = (int32_t)gen_below(g, 9) * 8 - 32;
        base = ir_temp_new(g->b, IR_PTR);
        ir_addi(g->b, base, IR_ENV, (uint64_t)(int64_t)delta);
        off -= delta;
    }
    if (is_store) {
        IrTemp v = gen_src(g, t);
        st[k](g->b, v, base, off);
    } else {
        IrTemp d = gen_dst(g, t);
        ld[k](g->b, d, base, off);
    }
}

/* A guest address of type at (i32 mostly, as for 32-bit guests) that is
 * in bounds for `size` bytes, aligned to `align`. */
static IrTemp gen_guest_addr(DiffGen *g, unsigned size, unsigned align)
{
    IrType at = gen_chance(g, 80) ? IR_I32 : IR_I64;
    uint64_t mask = (DIFF_MEM_SIZE - 1) & ~(uint64_t)(align - 1);
    if (gen_chance(g, 30)) {
        uint64_t a = diff_rng_next(&g->rng) & mask;
        if (a + size > DIFF_MEM_SIZE) {
            a = 0;
        }
        return ir_const(g->b, at, a);
    }
    IrTemp d = ir_temp_new(g->b, at);
    IrTemp s = gen_src(g, at);
    ir_andi(g->b, d, s, mask);
    if (gen_chance(g, 30)) {
        /* Base plus displacement, still in bounds and aligned. */
        IrTemp e = ir_temp_new(g->b, at);
        ir_andi(g->b, e, d, mask & 0x7f0);
        ir_addi(g->b, e, e, 0x100);
        return e;
    }
    return d;
}

static unsigned gen_memop(DiffGen *g, IrType t, unsigned *size)
{
    unsigned lg = gen_below(g, t == IR_I32 ? 3 : 4);
    unsigned mo = lg;
    if (gen_chance(g, 40)) {
        mo |= IR_MO_SIGN;
    }
    if (gen_chance(g, 50)) {
        mo |= IR_MO_BE;
    }
    if (gen_chance(g, 25)) {
        mo |= IR_MO_ALIGN;
    }
    *size = 1u << lg;
    return mo;
}

static void gen_guest_mem(DiffGen *g, IrType t)
{
    unsigned size;
    unsigned mo = gen_memop(g, t, &size);
    unsigned align = (mo & IR_MO_ALIGN) || gen_chance(g, 50) ? size : 1;
    if (gen_chance(g, 50)) {
        IrTemp a = gen_guest_addr(g, size, align);
        IrTemp d = gen_dst(g, t);
        ir_guest_ld(g->b, d, a, mo);
    } else {
        IrTemp v = gen_src(g, t);
        IrTemp a = gen_guest_addr(g, size, align);
        ir_guest_st(g->b, v, a, mo & ~(unsigned)IR_MO_SIGN);
    }
}

static void gen_atomic(DiffGen *g, IrType t)
{
    typedef void (*AtomFn)(IrBlock *, IrTemp, IrTemp, IrTemp, unsigned);
    static const AtomFn fns[] = {
        ir_atomic_xchg, ir_atomic_fetch_add, ir_atomic_fetch_and,
        ir_atomic_fetch_or, ir_atomic_fetch_xor,
    };
    unsigned size;
    unsigned mo = gen_memop(g, t, &size);
    /* Host atomics need natural alignment. */
    IrTemp a = gen_guest_addr(g, size, size);
    IrTemp v = gen_src(g, t);
    unsigned k = gen_below(g, 6);
    if (k == 5) {
        IrTemp c = gen_src(g, t);
        IrTemp d;
        if (gen_chance(g, 40)) {
            /* Compare against what memory holds, so the swap happens. */
            c = ir_temp_new(g->b, t);
            ir_guest_ld(g->b, c, a, mo);
        }
        d = gen_dst(g, t);
        ir_atomic_cmpxchg(g->b, d, a, c, v, mo);
        return;
    }
    IrTemp d = gen_dst(g, t);
    fns[k](g->b, d, a, v, mo);
}

/* ---- Calls --------------------------------------------------------------- */

static void gen_call(DiffGen *g)
{
    const IrHelper *h =
        diff_helpers[gen_below(g, sizeof(diff_helpers) / sizeof(diff_helpers[0]))];
    IrTemp args[IR_MAX_CALL_ARGS];
    for (unsigned i = 0; i < h->nargs; i++) {
        switch (h->args[i]) {
        case IR_HT_I32:
            args[i] = gen_src(g, IR_I32);
            break;
        case IR_HT_I64:
            args[i] = gen_src(g, IR_I64);
            break;
        default:
            args[i] = IR_ENV;
            break;
        }
    }
    IrTemp ret = IR_NO_TEMP;
    if (h->ret != IR_HT_VOID && gen_chance(g, 90)) {
        ret = gen_dst(g, h->ret == IR_HT_I32 ? IR_I32 : IR_I64);
    }
    ir_call(g->b, h, ret, h->nargs, args);
}

/* ---- Control flow -------------------------------------------------------- */

static void gen_clear_eph(DiffGen *g)
{
    g->neph[0] = g->neph[1] = 0;
}

static bool gen_label_closable(const DiffGen *g, const DiffLabel *l)
{
    if (g->depth > l->depth) {
        return false;
    }
    for (uint32_t i = 0; i < g->depth; i++) {
        if (l->loops[i] != g->loops[i].id) {
            return false;
        }
    }
    return true;
}

static void gen_open_label(DiffGen *g)
{
    DiffLabel *l = &g->open[g->nopen++];
    l->label = ir_new_label(g->b);
    l->depth = g->depth;
    for (uint32_t i = 0; i < g->depth; i++) {
        l->loops[i] = g->loops[i].id;
    }
    if (gen_chance(g, 8)) {
        ir_br(g->b, l->label);
        return;
    }
    IrType t = gen_type(g);
    IrCond cond = (IrCond)gen_below(g, IR_NB_CONDS);
    IrTemp a = gen_src(g, t);
    if (gen_chance(g, 25)) {
        ir_brcondi(g->b, cond, a, diff_random_value(&g->rng, t), l->label);
    } else {
        ir_brcond(g->b, cond, a, gen_src(g, t), l->label);
    }
}

/* Sets one closable label; false when none is. */
static bool gen_close_label(DiffGen *g)
{
    uint32_t cand[DIFF_MAX_OPEN], n = 0;
    for (uint32_t i = 0; i < g->nopen; i++) {
        if (gen_label_closable(g, &g->open[i])) {
            cand[n++] = i;
        }
    }
    if (n == 0) {
        return false;
    }
    uint32_t i = cand[gen_below(g, n)];
    ir_set_label(g->b, g->open[i].label);
    g->open[i] = g->open[--g->nopen];
    gen_clear_eph(g);
    return true;
}

static void gen_loop_start(DiffGen *g)
{
    DiffLoop *l = &g->loops[g->depth++];
    l->id = ++g->next_loop_id;
    l->head = ir_new_label(g->b);
    l->steps = 0;
    l->counter = ir_temp_local(g->b, gen_type(g));
    ir_movi(g->b, l->counter, 1 + gen_below(g, 4));
    ir_set_label(g->b, l->head);
    gen_clear_eph(g);
    g->nloops++;
}

static void gen_loop_end(DiffGen *g)
{
    DiffLoop *l = &g->loops[--g->depth];
    ir_subi(g->b, l->counter, l->counter, 1);
    ir_brcondi(g->b, IR_COND_NE, l->counter, 0, l->head);
}

/* An early exit: skipped unless a condition holds. */
static void gen_mid_exit(DiffGen *g)
{
    uint32_t skip = ir_new_label(g->b);
    IrType t = gen_type(g);
    IrTemp a = gen_src(g, t);
    ir_brcond(g->b, (IrCond)gen_below(g, IR_NB_CONDS), a, gen_src(g, t),
              skip);
    if (gen_chance(g, 50)) {
        IrTemp v = gen_src(g, t);
        IrTemp d = gen_global(g, t);
        ir_xor(g->b, d, d, v);
    }
    ir_exit_tb(g->b, diff_rng_next(&g->rng));
    ir_set_label(g->b, skip);
    gen_clear_eph(g);
}

/* ---- The block ----------------------------------------------------------- */

static void gen_value_op(DiffGen *g)
{
    IrType t = gen_type(g);
    switch (gen_below(g, 40)) {
    case 0: case 1: case 2: case 3: case 4: case 5:
        gen_binary(g, t);
        break;
    case 6: case 7:
        gen_unary(g, t);
        break;
    case 8: case 9: case 10:
        gen_shift(g, t);
        break;
    case 11: case 12:
        gen_div(g, t);
        break;
    case 13: case 14:
        gen_double_word(g, t);
        break;
    case 15: case 16:
        gen_bitfield(g, t);
        break;
    case 17:
        gen_extend(g, t);
        break;
    case 18: case 19:
        gen_convert(g);
        break;
    case 20: case 21:
        gen_bits(g, t);
        break;
    case 22: case 23: case 24:
        gen_cond(g, t);
        break;
    case 25: case 26:
        gen_env_mem(g, t);
        break;
    case 27: case 28: case 29:
        gen_guest_mem(g, t);
        break;
    case 30:
        gen_atomic(g, t);
        break;
    case 31:
        ir_mb(g->b, 1 + gen_below(g, IR_MB_ALL));
        break;
    case 32: case 33:
        gen_call(g);
        break;
    case 34:
        ir_insn_start(g->b, diff_rng_next(&g->rng) & 0xfffffffc,
                      gen_below(g, 4));
        break;
    default:
        gen_binary(g, t);
        break;
    }
}

void diff_gen_block(IrBlock *b, const DiffGlobals *globals, uint64_t seed)
{
    DiffGen gen;
    DiffGen *g = &gen;
    memset(g, 0, sizeof(*g));
    g->b = b;
    g->g = globals;
    diff_rng_seed(&g->rng, seed);

    ir_insn_start(b, 0x1000, 0);
    for (unsigned t = 0; t < 2; t++) {
        for (unsigned i = 0; i < DIFF_NB_LOCALS; i++) {
            IrTemp l = ir_temp_local(b, (IrType)t);
            g->loc[t][i] = l;
            if (gen_chance(g, 50)) {
                ir_movi(b, l, diff_random_value(&g->rng, (IrType)t));
            } else {
                ir_mov(b, l, gen_global(g, (IrType)t));
            }
        }
    }

    uint32_t steps = 5 + gen_below(g, gen_chance(g, 20) ? 200 : 60);
    for (uint32_t s = 0; s < steps; s++) {
        uint32_t r = gen_below(g, 100);
        for (uint32_t i = 0; i < g->depth; i++) {
            g->loops[i].steps++;
        }
        if (r < 5 && g->nopen < DIFF_MAX_OPEN) {
            gen_open_label(g);
        } else if (r < 10 && g->nopen) {
            if (!gen_close_label(g)) {
                gen_value_op(g);
            }
        } else if (r == 10 && g->depth < DIFF_MAX_LOOP_DEPTH &&
                   g->nloops < 3) {
            gen_loop_start(g);
        } else if (r < 14 && g->depth &&
                   g->loops[g->depth - 1].steps > 2) {
            gen_loop_end(g);
        } else if (r == 14) {
            gen_mid_exit(g);
        } else if (r == 15) {
            uint32_t l = ir_new_label(b);  /* a label nobody jumps to */
            ir_set_label(b, l);
            gen_clear_eph(g);
        } else {
            gen_value_op(g);
        }
    }
    while (g->depth) {
        gen_loop_end(g);
    }
    while (g->nopen) {
        gen_close_label(g);
    }
    if (gen_chance(g, 30)) {
        /* Unchained, goto_tb falls through to the exit. */
        ir_goto_tb(b, gen_below(g, 2));
    }
    ir_exit_tb(b, gen_chance(g, 30) ? gen_below(g, 8)
                                    : diff_rng_next(&g->rng));
}

/* tests/unit/ir_rand.c — TEST ONLY: builds random valid IrBlocks (pure ops
 * of both widths, globals, locals, forward branches, guest memory, env
 * loads/stores that alias globals, helper calls) for semantic tests.
 */
#include "ir_rand.h"

#include <stdlib.h>
#include <string.h>

#include "ir_eval.h"

typedef struct Gen {
    IrBlock *b;
    uint64_t *seed;
    const IrRandOpts *o;
    IrTemp g32[IR_RAND_NB_G32], g64[IR_RAND_NB_G64];
    IrTemp l32[3], l64[3];
    IrTemp eph[2][64];      /* defined ephemerals per type since the label */
    unsigned nb_eph[2];
    uint32_t pending[16];   /* labels branched to but not yet set */
    unsigned nb_pending;
} Gen;

static uint64_t gen_next(uint64_t *s)
{
    /* splitmix64 */
    uint64_t z = (*s += UINT64_C(0x9e3779b97f4a7c15));
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

void ir_rand_bytes(uint8_t *buf, unsigned n, uint64_t *seed)
{
    for (unsigned i = 0; i < n; i++) {
        buf[i] = (uint8_t)gen_next(seed);
    }
}

static unsigned gen_rand(Gen *g, unsigned n)
{
    return (unsigned)(gen_next(g->seed) % n);
}

static bool gen_pct(Gen *g, unsigned pct)
{
    return gen_rand(g, 100) < pct;
}

static uint64_t gen_value(Gen *g)
{
    static const uint64_t special[] = {
        0, 1, 2, 3, 7, 8, 16, 31, 32, 33, 63, 64, UINT64_MAX,
        UINT64_MAX - 1, 0x80000000u, 0x7fffffffu, 0xffffffffu,
        UINT64_C(0x8000000000000000), UINT64_C(0x7fffffffffffffff),
        0xff, 0x8000, 0xffff0000u, UINT64_C(0x100000000),
    };
    switch (gen_rand(g, 4)) {
    case 0:
        return special[gen_rand(g, sizeof(special) / sizeof(special[0]))];
    case 1:
        return gen_rand(g, 70);
    case 2:
        return (uint64_t)-(int64_t)gen_rand(g, 70);
    default:
        return gen_next(g->seed);
    }
}

static IrTemp gen_src(Gen *g, IrType t)
{
    unsigned r = gen_rand(g, 100);
    if (r < 20) {
        return ir_const(g->b, t, gen_value(g));
    }
    if (r < 45) {
        return t == IR_I32 ? g->g32[gen_rand(g, IR_RAND_NB_G32)]
                           : g->g64[gen_rand(g, IR_RAND_NB_G64)];
    }
    if (r < 55 || g->nb_eph[t] == 0) {
        return t == IR_I32 ? g->l32[gen_rand(g, 3)] : g->l64[gen_rand(g, 3)];
    }
    return g->eph[t][gen_rand(g, g->nb_eph[t])];
}

static IrTemp gen_dst(Gen *g, IrType t)
{
    unsigned r = gen_rand(g, 100);
    if (r < 45) {
        IrTemp d = ir_temp_new(g->b, t);
        if (g->nb_eph[t] < 64) {
            g->eph[t][g->nb_eph[t]++] = d;
        } else {
            g->eph[t][gen_rand(g, 64)] = d;
        }
        return d;
    }
    if (r < 60 && g->nb_eph[t]) {
        return g->eph[t][gen_rand(g, g->nb_eph[t])];
    }
    if (r < 72) {
        return t == IR_I32 ? g->l32[gen_rand(g, 3)] : g->l64[gen_rand(g, 3)];
    }
    return t == IR_I32 ? g->g32[gen_rand(g, IR_RAND_NB_G32)]
                       : g->g64[gen_rand(g, IR_RAND_NB_G64)];
}

static IrType gen_type(Gen *g)
{
    return gen_pct(g, g->o->pct_i64) ? IR_I64 : IR_I32;
}

static void gen_pure(Gen *g)
{
    static const IrOpcode bin[] = {
        IR_ADD, IR_SUB, IR_MUL, IR_AND, IR_OR, IR_XOR, IR_ANDC, IR_ORC,
        IR_SHL, IR_SHR, IR_SAR, IR_ROTL, IR_ROTR, IR_DIVS, IR_DIVU,
        IR_REMS, IR_REMU,
    };
    static const IrOpcode un[] = {
        IR_MOV, IR_NEG, IR_NOT, IR_EXT8S, IR_EXT8U, IR_EXT16S, IR_EXT16U,
        IR_BSWAP16, IR_BSWAP32, IR_CLZ, IR_CTZ, IR_POPCNT, IR_EXT32S,
        IR_EXT32U, IR_BSWAP64,
    };
    IrBlock *b = g->b;
    IrType t = gen_type(g);
    unsigned w = t == IR_I64 ? 64 : 32;
    unsigned kind = gen_rand(g, 100);

    if (kind < 45) {
        IrOpcode opc = bin[gen_rand(g, sizeof(bin) / sizeof(bin[0]))];
        IrTemp x = gen_src(g, t);
        IrTemp y = gen_pct(g, 12) ? x : gen_src(g, t);
        uint64_t args[3] = { 0, x, y };
        args[0] = gen_dst(g, t);
        ir_emit(b, opc, t, 1, 2, 0, args);
    } else if (kind < 60) {
        unsigned n = t == IR_I64 ? 15 : 12;
        IrOpcode opc = un[gen_rand(g, n)];
        IrTemp x = gen_src(g, t);
        uint64_t args[2] = { 0, x };
        args[0] = gen_dst(g, t);
        ir_emit(b, opc, t, 1, 1, 0, args);
    } else if (kind < 67) {
        switch (gen_rand(g, 4)) {
        case 0: { IrTemp s = gen_src(g, IR_I32); ir_extu_i32_i64(b, gen_dst(g, IR_I64), s); break; }
        case 1: { IrTemp s = gen_src(g, IR_I32); ir_exts_i32_i64(b, gen_dst(g, IR_I64), s); break; }
        case 2: { IrTemp s = gen_src(g, IR_I64); ir_extrl_i64_i32(b, gen_dst(g, IR_I32), s); break; }
        default: { IrTemp s = gen_src(g, IR_I64); ir_extrh_i64_i32(b, gen_dst(g, IR_I32), s); break; }
        }
    } else if (kind < 75) {
        unsigned len = 1 + gen_rand(g, w);
        unsigned pos = gen_rand(g, w - len + 1);
        if (gen_pct(g, 10)) {
            pos = 0;
            len = w;
        }
        IrTemp x = gen_src(g, t);
        switch (gen_rand(g, 3)) {
        case 0: ir_extract(b, gen_dst(g, t), x, pos, len); break;
        case 1: ir_sextract(b, gen_dst(g, t), x, pos, len); break;
        default: { IrTemp y = gen_src(g, t); ir_deposit(b, gen_dst(g, t), x, y, pos, len); break; }
        }
    } else if (kind < 85) {
        IrCond c = (IrCond)gen_rand(g, IR_NB_CONDS);
        IrTemp x = gen_src(g, t);
        IrTemp y = gen_pct(g, 10) ? x : gen_src(g, t);
        if (gen_pct(g, 50)) {
            ir_setcond(b, c, gen_dst(g, t), x, y);
        } else {
            IrTemp v1 = gen_src(g, t);
            IrTemp v2 = gen_pct(g, 10) ? v1 : gen_src(g, t);
            ir_movcond(b, c, gen_dst(g, t), x, y, v1, v2);
        }
    } else {
        IrTemp x = gen_src(g, t), y = gen_src(g, t);
        IrTemp xh = gen_src(g, t), yh = gen_src(g, t);
        IrTemp lo = gen_dst(g, t), hi = gen_dst(g, t);
        if (lo == hi) {
            hi = ir_temp_new(b, t);
        }
        switch (gen_rand(g, 4)) {
        case 0: ir_mulu2(b, lo, hi, x, y); break;
        case 1: ir_muls2(b, lo, hi, x, y); break;
        case 2: ir_add2(b, lo, hi, x, xh, y, yh); break;
        default: ir_sub2(b, lo, hi, x, xh, y, yh); break;
        }
    }
}

/* Test helpers, honest about their flags. */
static uint32_t gen_h_pure(uint32_t a, uint32_t b) { return a * 3 + b; }
static uint64_t gen_h_pure64(uint64_t a, uint64_t b) { return (a ^ b) * 5; }
static uint32_t gen_h_read(void *env, uint32_t a)
{
    uint32_t v;
    memcpy(&v, (uint8_t *)env + 4 * (a & 7), 4);
    return v + a;
}
static void gen_h_write(void *env, uint32_t a)
{
    memcpy((uint8_t *)env + 4 * (a % 3), &a, 4);
    ((uint8_t *)env)[300] ^= (uint8_t)a;
}
static void gen_h_sidefx(void *env, uint32_t a)
{
    ((uint8_t *)env)[301] += (uint8_t)a;
}

static const IrHelper gen_helpers[] = {
    IR_HELPER(gen_h_pure, IR_HF_PURE, IR_HT_I32, IR_HT_I32, IR_HT_I32),
    IR_HELPER(gen_h_pure64, IR_HF_PURE, IR_HT_I64, IR_HT_I64, IR_HT_I64),
    IR_HELPER(gen_h_read, IR_HF_NO_WRITE_GLOBALS, IR_HT_I32, IR_HT_PTR,
              IR_HT_I32),
    IR_HELPER(gen_h_write, 0, IR_HT_VOID, IR_HT_PTR, IR_HT_I32),
    IR_HELPER(gen_h_sidefx, IR_HF_NO_READ_GLOBALS | IR_HF_NO_WRITE_GLOBALS,
              IR_HT_VOID, IR_HT_PTR, IR_HT_I32),
};

static IrTemp gen_addr(Gen *g)
{
    if (gen_pct(g, 30)) {
        uint64_t v = gen_pct(g, 95) ? gen_rand(g, 256) : gen_value(g);
        if (g->o->no_atomic64) {
            /* For i64 lowering: no access wrapping around 4 GiB, where
             * the two halves of a 64-bit access would be far apart. */
            v &= 0x7fffffff;
        }
        return ir_const(g->b, IR_I32, v);
    }
    IrTemp a = ir_temp_new(g->b, IR_I32);
    ir_andi(g->b, a, gen_src(g, IR_I32), gen_pct(g, 95) ? 0xff : 0xfff);
    return a;
}

static void gen_effect(Gen *g)
{
    IrBlock *b = g->b;
    unsigned r = gen_rand(g, 100);
    IrType t = gen_type(g);
    unsigned w = t == IR_I64 ? 64 : 32;
    if (r < 25) {
        unsigned mo = gen_rand(g, w == 64 ? 4 : 3);
        mo |= gen_pct(g, 30) ? IR_MO_SIGN : 0;
        mo |= gen_pct(g, 40) ? IR_MO_BE : 0;
        mo |= gen_pct(g, 5) ? IR_MO_ALIGN : 0;
        IrTemp addr = gen_addr(g);
        if (gen_pct(g, 50)) {
            ir_guest_ld(b, gen_dst(g, t), addr, mo);
        } else {
            ir_guest_st(b, gen_src(g, t), addr, mo & ~IR_MO_SIGN);
        }
    } else if (r < 32) {
        unsigned mo = gen_rand(g, w == 64 && !g->o->no_atomic64 ? 4 : 3) |
                      (gen_pct(g, 40) ? IR_MO_BE : 0);
        IrTemp addr = gen_addr(g);
        IrTemp v = gen_src(g, t);
        IrTemp v2 = gen_src(g, t);
        IrTemp old = gen_dst(g, t);
        switch (gen_rand(g, 4)) {
        case 0: ir_atomic_cmpxchg(b, old, addr, v, v2, mo); break;
        case 1: ir_atomic_xchg(b, old, addr, v, mo); break;
        case 2: ir_atomic_fetch_add(b, old, addr, v, mo); break;
        default: ir_atomic_fetch_xor(b, old, addr, v, mo); break;
        }
    } else if (r < 55) {
        /* Env fields, sometimes a global's own field. */
        int32_t off = gen_pct(g, 30) ? (int32_t)(8 * gen_rand(g, 8))
                                     : (int32_t)(64 + 8 * gen_rand(g, 40));
        unsigned k = gen_rand(g, 11);
        if (k < 7) {
            IrOpcode opc = (IrOpcode)(IR_LD8U + k);
            if (w == 32 && opc == IR_LD) {
                opc = IR_LD32U;
            }
            uint64_t args[3] = { gen_dst(g, t), IR_ENV, (uint64_t)off };
            ir_emit(b, opc, t, 1, 1, 1, args);
        } else {
            uint64_t args[3] = { gen_src(g, t), IR_ENV, (uint64_t)off };
            ir_emit(b, (IrOpcode)(IR_ST8 + (k - 7)), t, 0, 2, 1, args);
        }
    } else if (r < 80) {
        unsigned h = gen_rand(g, 5);
        const IrHelper *hp = &gen_helpers[h];
        IrTemp args[2];
        IrTemp ret = IR_NO_TEMP;
        switch (h) {
        case 0:
            args[0] = gen_src(g, IR_I32);
            args[1] = gen_src(g, IR_I32);
            ret = gen_dst(g, IR_I32);
            break;
        case 1:
            args[0] = gen_src(g, IR_I64);
            args[1] = gen_src(g, IR_I64);
            ret = gen_dst(g, IR_I64);
            break;
        case 2:
            args[0] = IR_ENV;
            args[1] = gen_src(g, IR_I32);
            ret = gen_dst(g, IR_I32);
            break;
        default:
            args[0] = IR_ENV;
            args[1] = gen_src(g, IR_I32);
            break;
        }
        ir_call(b, hp, ret, 2, args);
    } else if (r < 92) {
        ir_insn_start(b, gen_next(g->seed) & 0xffff, gen_rand(g, 4));
    } else if (r < 96) {
        ir_mb(b, IR_MB_ALL);
    } else {
        ir_goto_tb(b, gen_rand(g, 2));
    }
}

static void gen_set_label(Gen *g, unsigned i)
{
    ir_set_label(g->b, g->pending[i]);
    g->pending[i] = g->pending[--g->nb_pending];
    g->nb_eph[0] = g->nb_eph[1] = 0;
}

static void gen_branch(Gen *g)
{
    IrBlock *b = g->b;
    unsigned r = gen_rand(g, 100);
    if (r < 40 && g->nb_pending) {
        gen_set_label(g, gen_rand(g, g->nb_pending));
        return;
    }
    if (g->nb_pending == 16) {
        return;
    }
    uint32_t l;
    if (g->nb_pending && gen_pct(g, 30)) {
        l = g->pending[gen_rand(g, g->nb_pending)];
    } else {
        l = ir_new_label(b);
        g->pending[g->nb_pending++] = l;
    }
    if (r < 93) {
        IrType t = gen_type(g);
        IrCond c = (IrCond)gen_rand(g, IR_NB_CONDS);
        IrTemp x = gen_src(g, t);
        IrTemp y = gen_pct(g, 10) ? x : gen_src(g, t);
        ir_brcond(b, c, x, y, l);
    } else {
        ir_br(b, l);
    }
}

void ir_rand_block(IrBlock *b, uint64_t *seed, const IrRandOpts *o)
{
    static const char *const n32[IR_RAND_NB_G32] = {
        "g0", "g1", "g2", "g3", "g4", "g5", "g6", "g7",
    };
    static const char *const n64[IR_RAND_NB_G64] = { "x0", "x1", "x2", "x3" };
    Gen g;
    memset(&g, 0, sizeof(g));
    g.b = b;
    g.seed = seed;
    g.o = o;
    for (unsigned i = 0; i < IR_RAND_NB_G32; i++) {
        g.g32[i] = ir_global(b, IR_I32, (int32_t)(4 * i), n32[i]);
    }
    for (unsigned i = 0; i < IR_RAND_NB_G64; i++) {
        g.g64[i] = ir_global(b, IR_I64, (int32_t)(32 + 8 * i), n64[i]);
    }
    for (unsigned i = 0; i < 3; i++) {
        g.l32[i] = ir_temp_local(b, IR_I32);
        ir_movi(b, g.l32[i], gen_value(&g));
        g.l64[i] = ir_temp_local(b, IR_I64);
        ir_movi(b, g.l64[i], gen_value(&g));
    }
    for (unsigned i = 0; i < o->nb_ops; i++) {
        unsigned r = gen_rand(&g, 100);
        if (o->branches && r < 8) {
            gen_branch(&g);
        } else if (o->side_effects && r < 25) {
            gen_effect(&g);
        } else {
            gen_pure(&g);
        }
    }
    while (g.nb_pending) {
        gen_set_label(&g, g.nb_pending - 1);
    }
    switch (gen_rand(&g, 3)) {
    case 0: ir_exit_tb(b, gen_next(seed)); break;
    case 1: ir_exit_lookup(b); break;
    default: break;
    }
}

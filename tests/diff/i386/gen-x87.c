/* tests/diff/i386/gen-x87.c — the x87 families of the differential
 * test's generator: loads and stores of every format, arithmetic in all
 * its forms, compares, FCMOVcc, the one-operand instructions, the
 * transcendentals and the control instructions (SDM vol. 2, D8-DF).
 * Every exception stays masked (the case would trap natively).
 */
#include "gen-int.h"

/* ---- The stack model -------------------------------------------------- */

static bool st_valid(Gen *g, unsigned i)
{
    return g->fp_valid & (1u << ((g->fp_top + i) & 7));
}

static void st_push(Gen *g)
{
    g->fp_top = (g->fp_top - 1) & 7;
    g->fp_valid |= (uint8_t)(1u << g->fp_top);
}

static void st_pop(Gen *g)
{
    g->fp_valid &= (uint8_t)~(1u << g->fp_top);
    g->fp_top = (g->fp_top + 1) & 7;
}

/* An x87 instruction after MMX ones usually follows an EMMS (without
 * one the stack is full: that case is kept, less often). */
static void x87_enter(Gen *g)
{
    if (g->mmx) {
        if (chance(g, 85)) {
            e8(g, 0x0f);
            e8(g, 0x77);
            g->fp_valid = 0;
        }
        g->mmx = false;
    }
}

/* A scratch address for a setup load or store of n bytes. */
static uint32_t scratch_addr(Gen *g, unsigned n)
{
    return DIFF_MEM_LO + rndn(g, DIFF_MEM_HI - DIFF_MEM_LO - n + 1);
}

/* Pushes one value: a seeded m80/m64/m32 load or a constant. */
static void push_value(Gen *g)
{
    uint32_t a;

    if (st_valid(g, 7)) {
        e8(g, 0xdd);                            /* ffree st(7) */
        e8(g, 0xc7);
        g->fp_valid &= (uint8_t)~(1u << ((g->fp_top + 7) & 7));
    }
    switch (rndn(g, 5)) {
    case 0:
        e8(g, 0xd9);                            /* fld1 .. fldz */
        e8(g, 0xe8 + rndn(g, 7));
        break;
    case 1:
        a = scratch_addr(g, 8);
        store_vals(g, a, 8, VK_F64);
        e8(g, 0xdd);                            /* fld qword [a] */
        e8(g, 0x05);
        e32(g, a);
        break;
    default:
        a = scratch_addr(g, 10);
        store_vals(g, a, 10, VK_F80);
        e8(g, 0xdb);                            /* fld tword [a] */
        e8(g, 0x2d);
        e32(g, a);
        break;
    }
    st_push(g);
}

/* Usually makes ST(0)..ST(n-1) valid (stack underflow is also tested,
 * less often). */
static void need_st(Gen *g, unsigned n)
{
    unsigned k = 0;

    x87_enter(g);
    if (chance(g, 8)) {
        return;
    }
    while (k < n && st_valid(g, k)) {
        k++;
    }
    for (; k < n; k++) {
        push_value(g);
    }
}

/* Makes room for a push, usually. */
static void need_room(Gen *g)
{
    x87_enter(g);
    if (st_valid(g, 7) && chance(g, 90)) {
        if (chance(g, 50)) {
            e8(g, 0xdd);                        /* fstp st(0) */
            e8(g, 0xd8);
            st_pop(g);
        } else {
            e8(g, 0xdd);                        /* ffree st(7) */
            e8(g, 0xc7);
            g->fp_valid &= (uint8_t)~(1u << ((g->fp_top + 7) & 7));
        }
    }
}

/* opc /reg with a memory operand of n bytes, seeded with values of
 * `kind` unless kind < 0 (a store). */
static void x87_mem(Gen *g, unsigned opc, unsigned reg, unsigned n, int kind)
{
    Rm o;

    rm_mem_aligned(g, &o, n, 0, 1);
    if (kind >= 0 && chance(g, 75)) {
        store_vals(g, o.addr, n, (unsigned)kind);
    }
    prefixes(g, 4, &o, false);
    e8(g, opc);
    modrm(g, &o, reg);
}

static void x87_reg(Gen *g, unsigned opc, unsigned modrm_byte)
{
    e8(g, opc);
    e8(g, modrm_byte);
}

/* ---- Families --------------------------------------------------------- */

const char *gen_x87_load(Gen *g)
{
    static const char *const consts[7] = {
        "fld1", "fldl2t", "fldl2e", "fldpi", "fldlg2", "fldln2", "fldz",
    };
    unsigned k = rndn(g, 10), i;
    const char *name;

    need_room(g);
    switch (k) {
    case 0:
        x87_mem(g, 0xd9, 0, 4, VK_F32);
        name = "fld m32";
        break;
    case 1:
        x87_mem(g, 0xdd, 0, 8, VK_F64);
        name = "fld m64";
        break;
    case 2:
        x87_mem(g, 0xdb, 5, 10, VK_F80);
        name = "fld m80";
        break;
    case 3:
        x87_mem(g, 0xdf, 0, 2, VK_INT);
        name = "fild m16";
        break;
    case 4:
        x87_mem(g, 0xdb, 0, 4, VK_INT);
        name = "fild m32";
        break;
    case 5:
        x87_mem(g, 0xdf, 5, 8, VK_INT);
        name = "fild m64";
        break;
    case 6:
        x87_mem(g, 0xdf, 4, 10, VK_BCD);
        name = "fbld";
        break;
    case 7:
        x87_reg(g, 0xd9, 0xc0 + rndn(g, 8));
        name = "fld st(i)";
        break;
    default:
        i = rndn(g, 7);
        x87_reg(g, 0xd9, 0xe8 + i);
        name = consts[i];
        break;
    }
    st_push(g);
    return name;
}

const char *gen_x87_store(Gen *g)
{
    static const struct {
        uint8_t opc, reg, n, pop;
        const char *name;
    } f[] = {
        { 0xd9, 2, 4, 0, "fst m32" },     { 0xd9, 3, 4, 1, "fstp m32" },
        { 0xdd, 2, 8, 0, "fst m64" },     { 0xdd, 3, 8, 1, "fstp m64" },
        { 0xdb, 7, 10, 1, "fstp m80" },   { 0xdf, 2, 2, 0, "fist m16" },
        { 0xdf, 3, 2, 1, "fistp m16" },   { 0xdb, 2, 4, 0, "fist m32" },
        { 0xdb, 3, 4, 1, "fistp m32" },   { 0xdf, 7, 8, 1, "fistp m64" },
        { 0xdf, 1, 2, 1, "fisttp m16" },  { 0xdb, 1, 4, 1, "fisttp m32" },
        { 0xdd, 1, 8, 1, "fisttp m64" },  { 0xdf, 6, 10, 1, "fbstp" },
    };
    unsigned k = rndn(g, 16);

    need_st(g, 1);
    if (k < 14) {
        x87_mem(g, f[k].opc, f[k].reg, f[k].n, -1);
        if (f[k].pop) {
            st_pop(g);
        }
        return f[k].name;
    }
    if (k == 14) {
        unsigned i = rndn(g, 8);
        x87_reg(g, 0xdd, 0xd0 + i);
        if (st_valid(g, 0)) {
            g->fp_valid |= (uint8_t)(1u << ((g->fp_top + i) & 7));
        }
        return "fst st(i)";
    }
    {
        unsigned i = rndn(g, 8);
        x87_reg(g, 0xdd, 0xd8 + i);
        g->fp_valid |= (uint8_t)(1u << ((g->fp_top + i) & 7));
        st_pop(g);
        return "fstp st(i)";
    }
}

static const char *const arith_names[8] = {
    "fadd", "fmul", "fcom", "fcomp", "fsub", "fsubr", "fdiv", "fdivr",
};

const char *gen_x87_arith(Gen *g)
{
    unsigned op = rndn(g, 8), form = rndn(g, 7), i = rndn(g, 8);

    need_st(g, 2);
    switch (form) {
    case 0:
        x87_mem(g, 0xd8, op, 4, VK_F32);
        break;
    case 1:
        x87_mem(g, 0xdc, op, 8, VK_F64);
        break;
    case 2:
        x87_mem(g, 0xda, op, 4, VK_INT);
        break;
    case 3:
        x87_mem(g, 0xde, op, 2, VK_INT);
        break;
    case 4:                                     /* st(0) op= st(i) */
        x87_reg(g, 0xd8, 0xc0 + op * 8 + i);
        break;
    case 5:                                     /* st(i) op= st(0) */
        if (op == 2 || op == 3) {
            op += 4;
        }
        x87_reg(g, 0xdc, 0xc0 + op * 8 + i);
        /* DC: E0+i is FSUBR st(i), st(0); E8+i FSUB (SDM FSUB/FSUBR). */
        break;
    default:                                    /* ...p st(i), st(0) */
        if (op == 2 || op == 3) {
            x87_reg(g, 0xde, 0xd9);
            st_pop(g);
            st_pop(g);
            return "fcompp";
        }
        x87_reg(g, 0xde, 0xc0 + op * 8 + i);
        st_pop(g);
        return "farithp";
    }
    if (op == 3) {
        st_pop(g);
    }
    return arith_names[op];
}

const char *gen_x87_cmp(Gen *g)
{
    unsigned k = rndn(g, 14), i = rndn(g, 8), cc;

    need_st(g, 2);
    switch (k) {
    case 0:
        x87_reg(g, 0xd8, 0xd0 + i);
        return "fcom st(i)";
    case 1:
        x87_reg(g, 0xd8, 0xd8 + i);
        st_pop(g);
        return "fcomp st(i)";
    case 2:
        x87_reg(g, 0xdd, 0xe0 + i);
        return "fucom";
    case 3:
        x87_reg(g, 0xdd, 0xe8 + i);
        st_pop(g);
        return "fucomp";
    case 4:
        x87_reg(g, 0xda, 0xe9);
        st_pop(g);
        st_pop(g);
        return "fucompp";
    case 5:
    case 6: {
        static const char *const n[4] = {
            "fucomi", "fcomi", "fucomip", "fcomip",
        };
        unsigned w = rndn(g, 4);
        x87_reg(g, w & 2 ? 0xdf : 0xdb, (w & 1 ? 0xf0 : 0xe8) + i);
        if (w & 2) {
            st_pop(g);
        }
        flags_set(g, FL_ARITH, 0);
        return n[w];
    }
    case 7:
        x87_reg(g, 0xd9, 0xe4);
        return "ftst";
    case 8:
    case 9:
        x87_reg(g, 0xd9, 0xe5);
        return "fxam";
    case 10:
    case 11: {
        /* FCMOVcc: B E BE U (DA) and their negations (DB). */
        static const uint32_t fl[4] = {
            FL_CF, FL_ZF, FL_CF | FL_ZF, FL_PF,
        };
        cc = rndn(g, 8);
        flags_need(g, fl[cc & 3]);
        x87_reg(g, cc & 4 ? 0xdb : 0xda, 0xc0 + (cc & 3) * 8 + i);
        return "fcmovcc";
    }
    case 12:
        x87_mem(g, rndn(g, 2) ? 0xd8 : 0xdc, 2 + rndn(g, 2), 8, VK_F64);
        return "fcom mem";
    default:
        x87_mem(g, 0xde, 2, 2, VK_INT);
        return "ficom m16";
    }
}

const char *gen_x87_misc(Gen *g)
{
    static const struct {
        uint8_t op, need, push;
        const char *name;
    } f[] = {
        { 0xe0, 1, 0, "fchs" },   { 0xe1, 1, 0, "fabs" },
        { 0xfc, 1, 0, "frndint" }, { 0xfa, 1, 0, "fsqrt" },
        { 0xfd, 2, 0, "fscale" }, { 0xf4, 1, 1, "fxtract" },
        { 0xf8, 2, 0, "fprem" },  { 0xf5, 2, 0, "fprem1" },
        { 0xfc, 1, 0, "frndint" }, { 0xfa, 1, 0, "fsqrt" },
    };
    unsigned k = rndn(g, 16), i = rndn(g, 8);

    if (k < 10) {
        need_st(g, f[k].need);
        if (f[k].push) {
            if (st_valid(g, 7) && chance(g, 90)) {
                e8(g, 0xdd);                    /* ffree st(7) */
                e8(g, 0xc7);
                g->fp_valid &= (uint8_t)~(1u << ((g->fp_top + 7) & 7));
            }
            st_push(g);
        }
        x87_reg(g, 0xd9, f[k].op);
        return f[k].name;
    }
    switch (k) {
    case 10:
    case 11:
        need_st(g, 2);
        x87_reg(g, 0xd9, 0xc8 + i);
        if (st_valid(g, 0) != st_valid(g, i)) {
            /* Underflow: both become the indefinite (valid). */
            g->fp_valid |= (uint8_t)(1u << g->fp_top
                                     | 1u << ((g->fp_top + i) & 7));
        }
        return "fxch";
    case 12:
        x87_enter(g);
        x87_reg(g, 0xd9, 0xf7);
        g->fp_top = (g->fp_top + 1) & 7;
        return "fincstp";
    case 13:
        x87_enter(g);
        x87_reg(g, 0xd9, 0xf6);
        g->fp_top = (g->fp_top - 1) & 7;
        return "fdecstp";
    case 14:
        x87_enter(g);
        x87_reg(g, 0xdd, 0xc0 + i);
        g->fp_valid &= (uint8_t)~(1u << ((g->fp_top + i) & 7));
        return "ffree";
    default:
        x87_enter(g);
        x87_reg(g, 0xd9, 0xd0);
        return "fnop";
    }
}

/* FSTP m32 then FLD m32 of ST(0) under round-to-nearest (the control
 * word saved and restored around it): rounds a transcendental's result
 * to 24 bits. emu's transcendentals are within one ulp of the host's but
 * not always bit-identical (docs/i386.md: 95-99 % per instruction); two
 * neighbouring 64-bit values round to the same binary32 except when they
 * straddle a halfway point (probability ~2^-40), so the comparison stays
 * exact and still checks the value, flags and stack effect. (Directed
 * rounding would separate 1.0 from the value one ulp below it.) */
static void round_st0(Gen *g)
{
    uint32_t a = scratch_addr(g, 4), cw = DIFF_SCRATCH, rn = DIFF_SCRATCH + 2;
    static const uint8_t rn_cw[2] = { 0x7f, 0x03 };

    store_bytes(g, rn, rn_cw, 2);
    e8(g, 0xd9);                                /* fnstcw [cw] */
    e8(g, 0x3d);
    e32(g, cw);
    e8(g, 0xd9);                                /* fldcw [rn] */
    e8(g, 0x2d);
    e32(g, rn);
    e8(g, 0xd9);                                /* fstp dword [a] */
    e8(g, 0x1d);
    e32(g, a);
    e8(g, 0xd9);                                /* fld dword [a] */
    e8(g, 0x05);
    e32(g, a);
    e8(g, 0xd9);                                /* fldcw [cw] */
    e8(g, 0x2d);
    e32(g, cw);
}

/* Pushes a value of magnitude below 2^(maxexp - 16383) (or exactly that
 * power of two with `edge`), or a zero, denormal or NaN: the operand of
 * F2XM1 and FYL2XP1, whose results the SDM leaves undefined outside
 * [-1, 1] and (-(1 - sqrt(2)/2), 1 - sqrt(2)/2). */
static void push_small(Gen *g, unsigned maxexp, bool edge)
{
    uint32_t a = scratch_addr(g, 10);
    uint64_t m = 1ull << 63 | rnd64(g);
    unsigned se = rndn(g, 2) << 15;
    uint8_t b[10];

    switch (rndn(g, 12)) {
    case 0:
        m = 0;
        break;
    case 1:
        m >>= 1 + rndn(g, 63);
        break;
    case 2:
        m |= 3ull << 62;
        se |= 0x7fff;
        break;
    case 3:
        if (edge) {
            m = 1ull << 63;
            se |= maxexp;
            break;
        }
        /* fall through */
    default:
        se |= maxexp - 1 - rndn(g, 64);
        break;
    }
    for (unsigned i = 0; i < 8; i++) {
        b[i] = (uint8_t)(m >> (8 * i));
    }
    b[8] = (uint8_t)se;
    b[9] = (uint8_t)(se >> 8);
    store_bytes(g, a, b, 10);
    if (st_valid(g, 7)) {
        e8(g, 0xdd);                            /* ffree st(7) */
        e8(g, 0xc7);
        g->fp_valid &= (uint8_t)~(1u << ((g->fp_top + 7) & 7));
    }
    e8(g, 0xdb);                                /* fld tword [a] */
    e8(g, 0x2d);
    e32(g, a);
    st_push(g);
}

/* Pushes an operand of FSIN/FCOS/FSINCOS/FPTAN/FPATAN: a zero, denormal,
 * infinity or NaN, or a normal of magnitude in [2^elo, 2^ehi). Tiny
 * normals are left out: sin, tan and atan of x < 2^-19 are within an ulp
 * of x (cos within one of 1), so the host's and emu's results, which may
 * be an ulp apart, straddle the binary32 value round_st0 stores and the
 * store's inexact/underflow flags differ. */
static void push_trig(Gen *g, int elo, int ehi)
{
    uint32_t a = scratch_addr(g, 10);
    uint64_t m = 1ull << 63 | rnd64(g);
    unsigned se = rndn(g, 2) << 15;
    uint8_t b[10];

    switch (rndn(g, 16)) {
    case 0:
        m = 0;
        break;
    case 1:
        m >>= 1 + rndn(g, 63);
        break;
    case 2:
        m = 1ull << 63;
        se |= 0x7fff;
        break;
    case 3:
        m |= 3ull << 62;
        se |= 0x7fff;
        break;
    default:
        se |= (unsigned)(16383 + elo + (int)rndn(g, (uint32_t)(ehi - elo)));
        break;
    }
    for (unsigned i = 0; i < 8; i++) {
        b[i] = (uint8_t)(m >> (8 * i));
    }
    b[8] = (uint8_t)se;
    b[9] = (uint8_t)(se >> 8);
    store_bytes(g, a, b, 10);
    if (st_valid(g, 7)) {
        e8(g, 0xdd);                            /* ffree st(7) */
        e8(g, 0xc7);
        g->fp_valid &= (uint8_t)~(1u << ((g->fp_top + 7) & 7));
    }
    e8(g, 0xdb);                                /* fld tword [a] */
    e8(g, 0x2d);
    e32(g, a);
    st_push(g);
}

const char *gen_x87_trans(Gen *g)
{
    static const struct {
        uint8_t op, need, stack;    /* stack: 0 same, 1 push, 2 pop */
        const char *name;
    } f[] = {
        { 0xf0, 1, 0, "f2xm1" },  { 0xfe, 1, 0, "fsin" },
        { 0xff, 1, 0, "fcos" },   { 0xf2, 1, 1, "fptan" },
        { 0xfb, 1, 1, "fsincos" }, { 0xf3, 2, 2, "fpatan" },
        { 0xf1, 2, 2, "fyl2x" },  { 0xf9, 2, 2, "fyl2xp1" },
    };
    unsigned k = rndn(g, 8);

    if (f[k].op == 0xf0 || f[k].op == 0xf9) {
        need_st(g, f[k].need - 1);
        push_small(g, f[k].op == 0xf0 ? 0x3fff : 0x3ffd, f[k].op == 0xf0);
    } else if (f[k].op == 0xf3) {
        /* FPATAN: |y/x| kept above 2^-17 (see push_trig). */
        x87_enter(g);
        push_trig(g, -8, 8);
        push_trig(g, -8, 8);
    } else if (f[k].op != 0xf1) {
        x87_enter(g);
        push_trig(g, -16, 64);
    } else {
        need_st(g, f[k].need);
        if (chance(g, 50)) {
            need_room(g);
            push_value(g);
        }
    }
    if (f[k].stack == 1 && st_valid(g, 7) && chance(g, 90)) {
        e8(g, 0xdd);                            /* ffree st(7) */
        e8(g, 0xc7);
        g->fp_valid &= (uint8_t)~(1u << ((g->fp_top + 7) & 7));
    }
    x87_reg(g, 0xd9, f[k].op);
    if (f[k].stack == 1) {
        st_push(g);
    } else if (f[k].stack == 2) {
        st_pop(g);
    }
    round_st0(g);
    if (f[k].stack == 1) {
        x87_reg(g, 0xd9, 0xc9);                 /* fxch st(1) */
        round_st0(g);
        x87_reg(g, 0xd9, 0xc9);
    }
    return f[k].name;
}

const char *gen_x87_ctl(Gen *g)
{
    static const uint8_t pcs[] = { 0, 2, 3, 3 };
    uint16_t cw;
    uint8_t b[2];
    Rm o;

    x87_enter(g);
    switch (rndn(g, 9)) {
    case 0:
    case 1:
    case 2:
        /* FLDCW: every exception masked; precision 24/53/64 bits, any
         * rounding; the reserved bit 6 and the old infinity control bit
         * 12 as software may leave them. */
        cw = (uint16_t)(0x3f | pcs[rndn(g, 4)] << 8 | rndn(g, 4) << 10);
        if (chance(g, 70)) {
            cw |= 0x40;
        }
        if (chance(g, 20)) {
            cw |= 0x1000;
        }
        b[0] = (uint8_t)cw;
        b[1] = (uint8_t)(cw >> 8);
        rm_mem_aligned(g, &o, 2, 0, 1);
        store_bytes(g, o.addr, b, 2);
        prefixes(g, 4, &o, false);
        e8(g, 0xd9);
        modrm(g, &o, 5);
        return "fldcw";
    case 3:
        x87_mem(g, 0xd9, 7, 2, -1);
        return "fnstcw";
    case 4:
        x87_mem(g, 0xdd, 7, 2, -1);
        return "fnstsw m16";
    case 5:
    case 6:
        x87_reg(g, 0xdf, 0xe0);
        return "fnstsw ax";
    case 7:
        x87_reg(g, 0xdb, 0xe2);
        return "fnclex";
    default:
        if (chance(g, 20)) {
            x87_reg(g, 0xdb, 0xe3);
            g->fp_top = 0;
            g->fp_valid = 0;
            return "fninit";
        }
        e8(g, 0x9b);
        return "fwait";
    }
}

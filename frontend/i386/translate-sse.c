/* frontend/i386/translate-sse.c — MMX, SSE, SSE2, SSE3 and SSSE3 (0F xx,
 * 0F 38 xx, 0F 3A 0F with the mandatory prefixes none / 66 / F3 / F2,
 * SDM vol. 2 appendix A). The regular arithmetic is data (the tables
 * below, one helper call each on env offsets, helper-vec.c and
 * helper-sse.c); moves, conversions with general registers and the
 * odd forms are code, moves inline as 64-bit loads and stores.
 * MMX registers alias the x87 significands: an MMX instruction checks
 * for a pending x87 exception, sets TOP = 0 and every tag valid, and a
 * write sets the register's exponent to all ones (SDM vol. 1, 9.5).
 */
#include "translate.h"

#include <stddef.h>

#include "helper-fp.h"

_Static_assert(sizeof(FpuX80) == 16, "MMX register stride");

/* Mandatory prefix: 0 none, 1 66, 2 F3, 3 F2 (F2/F3 win over 66). */
enum { PFX_NONE, PFX_66, PFX_F3, PFX_F2 };

/* Features by index in the tables. */
enum { F_MMX = 1, F_SSE, F_SSE2, F_SSE3, F_SSSE3 };

static uint32_t sse_feat_bit(int f)
{
    static const uint32_t bits[6] = {
        0, X86_FEAT_MMX, X86_FEAT_SSE, X86_FEAT_SSE2, X86_FEAT_SSE3,
        X86_FEAT_SSSE3,
    };
    return bits[f];
}

static bool sse_has(const DisasCtx *d, int f)
{
    return (d->features & sse_feat_bit(f)) != 0;
}

/* Integer MMX/SSE2 operations: X86_V_* + 1 per opcode (0: none) and the
 * feature the MMX form needs (the XMM form, prefix 66, needs SSE2). */
static const struct {
    uint8_t op;
    uint8_t mmx_feat;
} sse_int_ops[256] = {
    [0x60] = { X86_V_PUNPCKLBW + 1, F_MMX }, [0x61] = { X86_V_PUNPCKLWD + 1, F_MMX },
    [0x62] = { X86_V_PUNPCKLDQ + 1, F_MMX }, [0x63] = { X86_V_PACKSSWB + 1, F_MMX },
    [0x64] = { X86_V_PCMPGTB + 1, F_MMX }, [0x65] = { X86_V_PCMPGTW + 1, F_MMX },
    [0x66] = { X86_V_PCMPGTD + 1, F_MMX }, [0x67] = { X86_V_PACKUSWB + 1, F_MMX },
    [0x68] = { X86_V_PUNPCKHBW + 1, F_MMX }, [0x69] = { X86_V_PUNPCKHWD + 1, F_MMX },
    [0x6a] = { X86_V_PUNPCKHDQ + 1, F_MMX }, [0x6b] = { X86_V_PACKSSDW + 1, F_MMX },
    [0x6c] = { X86_V_PUNPCKLQDQ + 1, 0 }, [0x6d] = { X86_V_PUNPCKHQDQ + 1, 0 },
    [0x74] = { X86_V_PCMPEQB + 1, F_MMX }, [0x75] = { X86_V_PCMPEQW + 1, F_MMX },
    [0x76] = { X86_V_PCMPEQD + 1, F_MMX },
    [0xd1] = { X86_V_PSRLW + 1, F_MMX }, [0xd2] = { X86_V_PSRLD + 1, F_MMX },
    [0xd3] = { X86_V_PSRLQ + 1, F_MMX }, [0xd4] = { X86_V_PADDQ + 1, F_SSE2 },
    [0xd5] = { X86_V_PMULLW + 1, F_MMX }, [0xd8] = { X86_V_PSUBUSB + 1, F_MMX },
    [0xd9] = { X86_V_PSUBUSW + 1, F_MMX }, [0xda] = { X86_V_PMINUB + 1, F_SSE },
    [0xdb] = { X86_V_PAND + 1, F_MMX }, [0xdc] = { X86_V_PADDUSB + 1, F_MMX },
    [0xdd] = { X86_V_PADDUSW + 1, F_MMX }, [0xde] = { X86_V_PMAXUB + 1, F_SSE },
    [0xdf] = { X86_V_PANDN + 1, F_MMX },
    [0xe0] = { X86_V_PAVGB + 1, F_SSE }, [0xe1] = { X86_V_PSRAW + 1, F_MMX },
    [0xe2] = { X86_V_PSRAD + 1, F_MMX }, [0xe3] = { X86_V_PAVGW + 1, F_SSE },
    [0xe4] = { X86_V_PMULHUW + 1, F_SSE }, [0xe5] = { X86_V_PMULHW + 1, F_MMX },
    [0xe8] = { X86_V_PSUBSB + 1, F_MMX }, [0xe9] = { X86_V_PSUBSW + 1, F_MMX },
    [0xea] = { X86_V_PMINSW + 1, F_SSE }, [0xeb] = { X86_V_POR + 1, F_MMX },
    [0xec] = { X86_V_PADDSB + 1, F_MMX }, [0xed] = { X86_V_PADDSW + 1, F_MMX },
    [0xee] = { X86_V_PMAXSW + 1, F_SSE }, [0xef] = { X86_V_PXOR + 1, F_MMX },
    [0xf1] = { X86_V_PSLLW + 1, F_MMX }, [0xf2] = { X86_V_PSLLD + 1, F_MMX },
    [0xf3] = { X86_V_PSLLQ + 1, F_MMX }, [0xf4] = { X86_V_PMULUDQ + 1, F_SSE2 },
    [0xf5] = { X86_V_PMADDWD + 1, F_MMX }, [0xf6] = { X86_V_PSADBW + 1, F_SSE },
    [0xf8] = { X86_V_PSUBB + 1, F_MMX }, [0xf9] = { X86_V_PSUBW + 1, F_MMX },
    [0xfa] = { X86_V_PSUBD + 1, F_MMX }, [0xfb] = { X86_V_PSUBQ + 1, F_SSE2 },
    [0xfc] = { X86_V_PADDB + 1, F_MMX }, [0xfd] = { X86_V_PADDW + 1, F_MMX },
    [0xfe] = { X86_V_PADDD + 1, F_MMX },
};

/* SSSE3 0F 38 xx (none: MMX, 66: XMM). */
static const uint8_t sse_ssse3_ops[0x20] = {
    [0x00] = X86_V_PSHUFB + 1, [0x01] = X86_V_PHADDW + 1,
    [0x02] = X86_V_PHADDD + 1, [0x03] = X86_V_PHADDSW + 1,
    [0x04] = X86_V_PMADDUBSW + 1, [0x05] = X86_V_PHSUBW + 1,
    [0x06] = X86_V_PHSUBD + 1, [0x07] = X86_V_PHSUBSW + 1,
    [0x08] = X86_V_PSIGNB + 1, [0x09] = X86_V_PSIGNW + 1,
    [0x0a] = X86_V_PSIGND + 1, [0x0b] = X86_V_PMULHRSW + 1,
    [0x1c] = X86_V_PABSB + 1, [0x1d] = X86_V_PABSW + 1,
    [0x1e] = X86_V_PABSD + 1,
};

/* Floating-point arithmetic: X86_F_* + 1 per opcode and prefix (none PS,
 * 66 PD, F3 SS, F2 SD; 0: undefined). */
static const uint8_t sse_fp_ops[256][4] = {
    [0x51] = { X86_F_SQRT + 1, X86_F_SQRT + 1, X86_F_SQRT + 1, X86_F_SQRT + 1 },
    [0x52] = { X86_F_RSQRT + 1, 0, X86_F_RSQRT + 1, 0 },
    [0x53] = { X86_F_RCP + 1, 0, X86_F_RCP + 1, 0 },
    [0x58] = { X86_F_ADD + 1, X86_F_ADD + 1, X86_F_ADD + 1, X86_F_ADD + 1 },
    [0x59] = { X86_F_MUL + 1, X86_F_MUL + 1, X86_F_MUL + 1, X86_F_MUL + 1 },
    [0x5c] = { X86_F_SUB + 1, X86_F_SUB + 1, X86_F_SUB + 1, X86_F_SUB + 1 },
    [0x5d] = { X86_F_MIN + 1, X86_F_MIN + 1, X86_F_MIN + 1, X86_F_MIN + 1 },
    [0x5e] = { X86_F_DIV + 1, X86_F_DIV + 1, X86_F_DIV + 1, X86_F_DIV + 1 },
    [0x5f] = { X86_F_MAX + 1, X86_F_MAX + 1, X86_F_MAX + 1, X86_F_MAX + 1 },
    [0xc2] = { X86_F_CMP + 1, X86_F_CMP + 1, X86_F_CMP + 1, X86_F_CMP + 1 },
    /* SSE3: PD forms under 66, PS forms under F2 */
    [0x7c] = { 0, X86_F_HADD + 1, 0, X86_F_HADD + 1 },
    [0x7d] = { 0, X86_F_HSUB + 1, 0, X86_F_HSUB + 1 },
    [0xd0] = { 0, X86_F_ADDSUB + 1, 0, X86_F_ADDSUB + 1 },
};

/* ---- operand plumbing ---------------------------------------------------- */

static int32_t sse_xmm(int r)
{
    return (int32_t)(offsetof(X86State, xmm) + 16 * (size_t)r);
}

static int32_t sse_mmx(int r)
{
    return (int32_t)(offsetof(X86State, fpregs) + 16 * (size_t)r);
}

#define SSE_T0 ((int32_t)offsetof(X86State, xmm_t0))

static IrTemp sse_c(DisasCtx *d, uint32_t v)
{
    return x86_const(d, v);
}

static IrTemp sse_new64(DisasCtx *d)
{
    return ir_temp_new(d->b, IR_I64);
}

/* An MMX instruction: TOP = 0, all tags valid. */
static void sse_enter_mmx(DisasCtx *d)
{
    IrTemp z = sse_new64(d);

    ir_movi(d->b, z, 0);
    ir_st(d->b, z, IR_ENV, (int32_t)offsetof(X86State, fptags));
    ir_st32(d->b, sse_c(d, 0), IR_ENV, (int32_t)offsetof(X86State, fptop));
}

/* An MMX register was written: its exponent becomes all ones. */
static void sse_mmx_written(DisasCtx *d, int r)
{
    ir_st16(d->b, sse_c(d, 0xffff), IR_ENV, sse_mmx(r) + 8);
}

/* A 16-byte memory operand that must be aligned: #GP otherwise. The
 * address moves to a block-local temp (the check branches). */
static IrTemp sse_aligned(DisasCtx *d, IrTemp addr)
{
    IrBlock *b = d->b;
    IrTemp l = ir_temp_local(b, IR_I32), t = ir_temp_new(b, IR_I32);
    uint32_t label = ir_new_label(b);

    ir_mov(b, l, addr);
    ir_andi(b, t, l, 15);
    ir_brcondi(b, IR_COND_EQ, t, 0, label);
    x86_gen_exception(d, X86_EXCP_GP, d->pc, 0);
    ir_set_label(b, label);
    d->done = false;
    return l;
}

/* Guest memory <-> env, 4, 8 or 16 bytes. */
static void sse_ld(DisasCtx *d, IrTemp addr, int32_t off, int bytes)
{
    IrBlock *b = d->b;

    if (bytes == 4) {
        IrTemp t = ir_temp_new(b, IR_I32);
        ir_guest_ld(b, t, addr, IR_MO_32);
        ir_st32(b, t, IR_ENV, off);
        return;
    }
    for (int i = 0; i < bytes; i += 8) {
        IrTemp t = sse_new64(d), a = addr;
        if (i) {
            a = ir_temp_new(b, IR_I32);
            ir_addi(b, a, addr, (uint32_t)i);
        }
        ir_guest_ld(b, t, a, IR_MO_64);
        ir_st(b, t, IR_ENV, off + i);
    }
}

static void sse_st(DisasCtx *d, IrTemp addr, int32_t off, int bytes)
{
    IrBlock *b = d->b;

    if (bytes == 4) {
        IrTemp t = ir_temp_new(b, IR_I32);
        ir_ld32u(b, t, IR_ENV, off);
        ir_guest_st(b, t, addr, IR_MO_32);
        return;
    }
    /* both halves are read first: a fault on the second leaves memory
     * as the first store made it, as a split hardware store would */
    for (int i = 0; i < bytes; i += 8) {
        IrTemp t = sse_new64(d), a = addr;
        ir_ld(b, t, IR_ENV, off + i);
        if (i) {
            a = ir_temp_new(b, IR_I32);
            ir_addi(b, a, addr, (uint32_t)i);
        }
        ir_guest_st(b, t, a, IR_MO_64);
    }
}

/* env to env copy and zeroing, in 4-byte or 8-byte units. */
static void sse_mov(DisasCtx *d, int32_t dst, int32_t src, int bytes)
{
    IrBlock *b = d->b;

    if (bytes == 4) {
        IrTemp t = ir_temp_new(b, IR_I32);
        ir_ld32u(b, t, IR_ENV, src);
        ir_st32(b, t, IR_ENV, dst);
        return;
    }
    IrTemp t[2];
    for (int i = 0; i < bytes; i += 8) {
        t[i / 8] = sse_new64(d);
        ir_ld(b, t[i / 8], IR_ENV, src + i);
    }
    for (int i = 0; i < bytes; i += 8) {
        ir_st(b, t[i / 8], IR_ENV, dst + i);
    }
}

static void sse_zero(DisasCtx *d, int32_t off, int bytes)
{
    IrTemp z = sse_new64(d);

    if (bytes == 4) {
        ir_st32(d->b, sse_c(d, 0), IR_ENV, off);
        return;
    }
    ir_movi(d->b, z, 0);
    for (int i = 0; i < bytes; i += 8) {
        ir_st(d->b, z, IR_ENV, off + i);
    }
}

/* The r/m source operand as an env offset: a register, or memory of
 * `bytes` loaded into xmm_t0 (16-byte loads checked for alignment unless
 * `unaligned`). */
static int32_t sse_src(DisasCtx *d, const X86Opnd *o, bool mmx, int bytes,
                       bool unaligned)
{
    IrTemp a;

    if (!o->mem) {
        return mmx ? sse_mmx(o->reg) : sse_xmm(o->reg);
    }
    a = o->addr;
    if (bytes == 16 && !unaligned) {
        a = sse_aligned(d, a);
    }
    sse_ld(d, a, SSE_T0, bytes);
    return SSE_T0;
}

static void sse_call_vec(DisasCtx *d, uint32_t vop, bool xmm, int32_t dst,
                         int32_t src, uint32_t imm)
{
    IrTemp args[4] = {
        IR_ENV, sse_c(d, vop | (xmm ? X86_V_XMM : 0) | imm << 16),
        sse_c(d, (uint32_t)dst), sse_c(d, (uint32_t)src),
    };

    ir_call(d->b, &x86_helper_vec_desc, IR_NO_TEMP, 4, args);
}

static void sse_call_fp(DisasCtx *d, uint32_t fop, uint32_t type,
                        int32_t dst, int32_t src, uint32_t imm)
{
    IrTemp args[5] = {
        IR_ENV, sse_c(d, fop | type << 8 | imm << 16),
        sse_c(d, (uint32_t)dst), sse_c(d, (uint32_t)src), sse_c(d, d->pc),
    };

    ir_call(d->b, &x86_helper_sse_desc, IR_NO_TEMP, 5, args);
}

/* ---- the regular forms ------------------------------------------------------ */

/* Integer op on MMX (mmx) or XMM registers: dst = reg, src = r/m. */
static bool sse_gen_int(DisasCtx *d, uint32_t vop, bool mmx, bool has_imm)
{
    X86Opnd o;
    int32_t src;
    uint32_t imm = 0;

    x86_modrm(d, &o);
    src = sse_src(d, &o, mmx, mmx ? 8 : 16, false);
    if (has_imm) {
        imm = x86_fetch8(d);
    }
    if (mmx) {
        sse_enter_mmx(d);
    }
    sse_call_vec(d, vop, !mmx, mmx ? sse_mmx(d->reg) : sse_xmm(d->reg), src,
                 imm);
    if (mmx) {
        sse_mmx_written(d, d->reg);
    }
    return true;
}

static bool sse_gen_fp(DisasCtx *d, uint32_t fop, int pfx, bool has_imm)
{
    static const int sizes[4] = { 16, 16, 4, 8 };
    static const uint32_t types[4] = {
        X86_FT_PS, X86_FT_PD, X86_FT_SS, X86_FT_SD,
    };
    X86Opnd o;
    int32_t src;
    uint32_t type = types[pfx], imm = 0;

    /* HADD/HSUB/ADDSUB: the F2 forms are the PS ones */
    if (fop == X86_F_HADD || fop == X86_F_HSUB || fop == X86_F_ADDSUB) {
        if (!sse_has(d, F_SSE3)) {
            return false;
        }
        type = pfx == PFX_66 ? X86_FT_PD : X86_FT_PS;
        pfx = PFX_66;
    } else if (!sse_has(d, (pfx == PFX_NONE || pfx == PFX_F3) ? F_SSE
                                                              : F_SSE2)) {
        return false;
    }
    x86_modrm(d, &o);
    src = sse_src(d, &o, false, sizes[pfx], false);
    if (has_imm) {
        /* the legacy encoding uses imm8[2:0] (AVX's 32 predicates need
         * VEX) */
        imm = x86_fetch8(d) & 7;
    }
    sse_call_fp(d, fop, type, sse_xmm(d->reg), src, imm);
    return true;
}

/* ---- moves ----------------------------------------------------------------- */

/* Full-register loads and stores: MOVUPS/PD, MOVAPS/PD, MOVDQA/U, LDDQU
 * (load: to reg from r/m; store: r/m from reg). */
static bool sse_gen_mov128(DisasCtx *d, bool store, bool aligned)
{
    X86Opnd o;

    x86_modrm(d, &o);
    if (!o.mem) {
        if (store) {
            sse_mov(d, sse_xmm(o.reg), sse_xmm(d->reg), 16);
        } else {
            sse_mov(d, sse_xmm(d->reg), sse_xmm(o.reg), 16);
        }
        return true;
    }
    IrTemp a = aligned ? sse_aligned(d, o.addr) : o.addr;
    if (store) {
        sse_st(d, a, sse_xmm(d->reg), 16);
    } else {
        /* through xmm_t0: a fault on the second half leaves the
         * register unchanged */
        sse_ld(d, a, SSE_T0, 16);
        sse_mov(d, sse_xmm(d->reg), SSE_T0, 16);
    }
    return true;
}

/* MOVSS / MOVSD (bytes 4 / 8): loads from memory zero the rest. */
static bool sse_gen_movs(DisasCtx *d, bool store, int bytes)
{
    X86Opnd o;

    x86_modrm(d, &o);
    if (!o.mem) {
        if (store) {
            sse_mov(d, sse_xmm(o.reg), sse_xmm(d->reg), bytes);
        } else {
            sse_mov(d, sse_xmm(d->reg), sse_xmm(o.reg), bytes);
        }
    } else if (store) {
        sse_st(d, o.addr, sse_xmm(d->reg), bytes);
    } else {
        sse_ld(d, o.addr, SSE_T0, bytes);
        sse_mov(d, sse_xmm(d->reg), SSE_T0, bytes);
        if (bytes == 4) {
            ir_st32(d->b, sse_c(d, 0), IR_ENV, sse_xmm(d->reg) + 4);
            sse_zero(d, sse_xmm(d->reg) + 8, 8);
        } else {
            sse_zero(d, sse_xmm(d->reg) + 8, 8);
        }
    }
    return true;
}

/* 0F 12/13/16/17 without F2/F3: MOVLPS/PD, MOVHPS/PD, MOVHLPS, MOVLHPS. */
static bool sse_gen_movlh(DisasCtx *d, uint32_t op, int pfx)
{
    X86Opnd o;
    bool high = op >= 0x16;
    int32_t half = high ? 8 : 0;

    if (!sse_has(d, pfx == PFX_66 ? F_SSE2 : F_SSE)) {
        return false;
    }
    x86_modrm(d, &o);
    if (op & 1) {                               /* stores */
        if (!o.mem) {
            return false;
        }
        sse_st(d, o.addr, sse_xmm(d->reg) + half, 8);
        return true;
    }
    if (!o.mem) {
        if (pfx == PFX_66) {
            return false;
        }
        /* MOVHLPS: low = src high; MOVLHPS: high = src low */
        sse_mov(d, sse_xmm(d->reg) + half, sse_xmm(o.reg) + (high ? 0 : 8),
                8);
        return true;
    }
    sse_ld(d, o.addr, sse_xmm(d->reg) + half, 8);
    return true;
}

/* MOVD / MOVQ between general registers or memory and MMX / XMM. */
static bool sse_gen_movd(DisasCtx *d, uint32_t op, int pfx)
{
    X86Opnd o;
    bool mmx = pfx == PFX_NONE;
    int32_t r;

    if (!sse_has(d, mmx ? F_MMX : F_SSE2)) {
        return false;
    }
    x86_modrm(d, &o);
    r = mmx ? sse_mmx(d->reg) : sse_xmm(d->reg);
    if (mmx) {
        sse_enter_mmx(d);
    }
    if (op == 0x6e) {                           /* MOVD reg, r/m32 */
        IrTemp v = x86_ld_opnd(d, X86_OT_L, &o);
        ir_st32(d->b, v, IR_ENV, r);
        ir_st32(d->b, sse_c(d, 0), IR_ENV, r + 4);
        if (mmx) {
            sse_mmx_written(d, d->reg);
        } else {
            sse_zero(d, r + 8, 8);
        }
    } else {                                    /* MOVD r/m32, reg */
        IrTemp v = ir_temp_new(d->b, IR_I32);
        ir_ld32u(d->b, v, IR_ENV, r);
        x86_st_opnd(d, X86_OT_L, &o, v);
    }
    return true;
}

/* MOVQ mm, mm/m64 (6F) and MOVQ mm/m64, mm (7F), MOVNTQ. */
static bool sse_gen_movq_mmx(DisasCtx *d, bool store)
{
    X86Opnd o;

    if (!sse_has(d, F_MMX)) {
        return false;
    }
    x86_modrm(d, &o);
    sse_enter_mmx(d);
    if (store) {
        if (o.mem) {
            sse_st(d, o.addr, sse_mmx(d->reg), 8);
        } else {
            sse_mov(d, sse_mmx(o.reg), sse_mmx(d->reg), 8);
            sse_mmx_written(d, o.reg);
        }
        return true;
    }
    if (o.mem) {
        sse_ld(d, o.addr, sse_mmx(d->reg), 8);
    } else {
        sse_mov(d, sse_mmx(d->reg), sse_mmx(o.reg), 8);
    }
    sse_mmx_written(d, d->reg);
    return true;
}

/* 66 0F D6 (MOVQ xmm/m64, xmm), F3 0F 7E (MOVQ xmm, xmm/m64), F3 0F D6
 * MOVQ2DQ, F2 0F D6 MOVDQ2Q. */
static bool sse_gen_movq_xmm(DisasCtx *d, uint32_t op, int pfx)
{
    X86Opnd o;

    if (!sse_has(d, F_SSE2)) {
        return false;
    }
    x86_modrm(d, &o);
    if (op == 0x7e) {
        if (o.mem) {
            sse_ld(d, o.addr, SSE_T0, 8);
            sse_mov(d, sse_xmm(d->reg), SSE_T0, 8);
        } else {
            sse_mov(d, sse_xmm(d->reg), sse_xmm(o.reg), 8);
        }
        sse_zero(d, sse_xmm(d->reg) + 8, 8);
        return true;
    }
    if (pfx == PFX_66) {
        if (o.mem) {
            sse_st(d, o.addr, sse_xmm(d->reg), 8);
        } else {
            sse_mov(d, sse_xmm(o.reg), sse_xmm(d->reg), 8);
            sse_zero(d, sse_xmm(o.reg) + 8, 8);
        }
        return true;
    }
    if (o.mem) {
        return false;
    }
    sse_enter_mmx(d);
    if (pfx == PFX_F3) {                        /* MOVQ2DQ xmm, mm */
        sse_mov(d, sse_xmm(d->reg), sse_mmx(o.reg), 8);
        sse_zero(d, sse_xmm(d->reg) + 8, 8);
    } else {                                    /* MOVDQ2Q mm, xmm */
        sse_mov(d, sse_mmx(d->reg), sse_xmm(o.reg), 8);
        sse_mmx_written(d, d->reg);
    }
    return true;
}

/* ---- conversions with MMX or general registers (0F 2A 2C 2D) ---------------- */

static bool sse_gen_cvt(DisasCtx *d, uint32_t op, int pfx)
{
    IrBlock *b = d->b;
    X86Opnd o;

    if (!sse_has(d, (pfx == PFX_NONE || pfx == PFX_F3) ? F_SSE : F_SSE2)) {
        return false;
    }
    x86_modrm(d, &o);
    if (op == 0x2a) {
        if (pfx == PFX_F3 || pfx == PFX_F2) {   /* CVTSI2SS/SD xmm, r/m32 */
            IrTemp args[5] = {
                IR_ENV, sse_c(d, pfx == PFX_F2), sse_c(d, (uint32_t)
                                                       sse_xmm(d->reg)),
                x86_ld_opnd(d, X86_OT_L, &o), sse_c(d, d->pc),
            };
            ir_call(b, &x86_helper_sse_i2f_desc, IR_NO_TEMP, 5, args);
            return true;
        }
        /* CVTPI2PS / CVTPI2PD xmm, mm/m64 */
        int32_t src = sse_src(d, &o, true, 8, false);
        if (!o.mem) {
            sse_enter_mmx(d);
        }
        sse_call_fp(d, pfx == PFX_NONE ? X86_F_CVTPI2PS : X86_F_CVTPI2PD, 0,
                    sse_xmm(d->reg), src, 0);
        return true;
    }
    bool trunc = op == 0x2c;
    if (pfx == PFX_F3 || pfx == PFX_F2) {       /* CVT(T)SS2SI / SD2SI */
        int32_t src = sse_src(d, &o, false, pfx == PFX_F2 ? 8 : 4, false);
        IrTemp t = ir_temp_new(b, IR_I32);
        IrTemp args[4] = {
            IR_ENV, sse_c(d, (pfx == PFX_F2) | (trunc ? 2u : 0)),
            sse_c(d, (uint32_t)src), sse_c(d, d->pc),
        };
        ir_call(b, &x86_helper_sse_f2i_desc, t, 4, args);
        x86_st_reg(d, X86_OT_L, d->reg, t);
        return true;
    }
    /* CVT(T)PS2PI mm, xmm/m64; CVT(T)PD2PI mm, xmm/m128 */
    int32_t src = sse_src(d, &o, false, pfx == PFX_66 ? 16 : 8, false);
    sse_enter_mmx(d);
    sse_call_fp(d, pfx == PFX_NONE ? (trunc ? X86_F_CVTTPS2PI : X86_F_CVTPS2PI)
                                   : (trunc ? X86_F_CVTTPD2PI : X86_F_CVTPD2PI),
                0, sse_mmx(d->reg), src, 0);
    sse_mmx_written(d, d->reg);
    return true;
}

/* 0F 5A 5B E6: conversions between XMM registers. */
static bool sse_gen_cvt_xmm(DisasCtx *d, uint32_t op, int pfx)
{
    static const uint8_t ops[3][4] = {
        { X86_F_CVTPS2PD + 1, X86_F_CVTPD2PS + 1, X86_F_CVTSS2SD + 1,
          X86_F_CVTSD2SS + 1 },
        { X86_F_CVTDQ2PS + 1, X86_F_CVTPS2DQ + 1, X86_F_CVTTPS2DQ + 1, 0 },
        { 0, X86_F_CVTTPD2DQ + 1, X86_F_CVTDQ2PD + 1, X86_F_CVTPD2DQ + 1 },
    };
    /* source bytes per form */
    static const uint8_t sizes[3][4] = {
        { 8, 16, 4, 8 }, { 16, 16, 16, 0 }, { 0, 16, 8, 16 },
    };
    int row = op == 0x5a ? 0 : op == 0x5b ? 1 : 2;
    uint32_t f = ops[row][pfx];
    X86Opnd o;

    if (!f || !sse_has(d, (row == 0 && (pfx == PFX_NONE || pfx == PFX_F3))
                          ? F_SSE : F_SSE2)) {
        return false;
    }
    x86_modrm(d, &o);
    int32_t src = sse_src(d, &o, false, sizes[row][pfx], false);
    sse_call_fp(d, f - 1, 0, sse_xmm(d->reg), src, 0);
    return true;
}

/* ---- the rest ------------------------------------------------------------ */

/* 0F 71/72/73: shifts by imm8 of an MMX / XMM register. */
static bool sse_gen_shift_imm(DisasCtx *d, uint32_t op, int pfx)
{
    static const int8_t map[3][8] = {
        { -1, -1, X86_V_PSRLW_I, -1, X86_V_PSRAW_I, -1, X86_V_PSLLW_I, -1 },
        { -1, -1, X86_V_PSRLD_I, -1, X86_V_PSRAD_I, -1, X86_V_PSLLD_I, -1 },
        { -1, -1, X86_V_PSRLQ_I, X86_V_PSRLDQ_I, -1, -1, X86_V_PSLLQ_I,
          X86_V_PSLLDQ_I },
    };
    bool mmx = pfx == PFX_NONE;
    X86Opnd o;
    int v;

    if ((pfx != PFX_NONE && pfx != PFX_66) ||
        !sse_has(d, mmx ? F_MMX : F_SSE2)) {
        return false;
    }
    x86_modrm(d, &o);
    v = map[op - 0x71][d->reg];
    if (o.mem || v < 0 || (mmx && (v == X86_V_PSRLDQ_I ||
                                   v == X86_V_PSLLDQ_I))) {
        return false;
    }
    uint32_t imm = x86_fetch8(d);
    if (mmx) {
        sse_enter_mmx(d);
    }
    int32_t r = mmx ? sse_mmx(o.reg) : sse_xmm(o.reg);
    sse_call_vec(d, (uint32_t)v, !mmx, r, r, imm);
    if (mmx) {
        sse_mmx_written(d, o.reg);
    }
    return true;
}

/* PINSRW, PEXTRW, PMOVMSKB, MOVMSKPS/PD. */
static bool sse_gen_words(DisasCtx *d, uint32_t op, int pfx)
{
    IrBlock *b = d->b;
    bool mmx = pfx == PFX_NONE;
    X86Opnd o;

    if ((pfx != PFX_NONE && pfx != PFX_66) ||
        !sse_has(d, mmx ? F_SSE : F_SSE2)) {
        return false;
    }
    x86_modrm(d, &o);
    if (op == 0xc4) {                           /* PINSRW reg, r32/m16, imm */
        IrTemp v = o.mem ? x86_ld_mem(d, X86_OT_W, o.addr)
                         : x86_ld_reg(d, X86_OT_L, o.reg);
        uint32_t imm = x86_fetch8(d) & (mmx ? 3 : 7);
        if (mmx) {
            sse_enter_mmx(d);
        }
        ir_st16(b, v, IR_ENV, (mmx ? sse_mmx(d->reg) : sse_xmm(d->reg)) +
                              (int32_t)(2 * imm));
        if (mmx) {
            sse_mmx_written(d, d->reg);
        }
        return true;
    }
    if (o.mem) {
        return false;
    }
    if (mmx) {
        sse_enter_mmx(d);
    }
    if (op == 0xc5) {                           /* PEXTRW r32, reg, imm */
        uint32_t imm = x86_fetch8(d) & (mmx ? 3 : 7);
        IrTemp v = ir_temp_new(b, IR_I32);
        ir_ld16u(b, v, IR_ENV, (mmx ? sse_mmx(o.reg) : sse_xmm(o.reg)) +
                               (int32_t)(2 * imm));
        x86_st_reg(d, X86_OT_L, d->reg, v);
        return true;
    }
    /* PMOVMSKB r32, reg */
    IrTemp t = ir_temp_new(b, IR_I32);
    IrTemp args[3] = {
        IR_ENV, sse_c(d, mmx ? 0 : X86_V_XMM),
        sse_c(d, (uint32_t)(mmx ? sse_mmx(o.reg) : sse_xmm(o.reg))),
    };
    ir_call(b, &x86_helper_movmsk_desc, t, 3, args);
    x86_st_reg(d, X86_OT_L, d->reg, t);
    return true;
}

/* MASKMOVQ / MASKMOVDQU: store to DS:[EDI]. */
static bool sse_gen_maskmov(DisasCtx *d, int pfx)
{
    bool mmx = pfx == PFX_NONE;
    X86Opnd o;
    IrTemp a;

    if ((pfx != PFX_NONE && pfx != PFX_66) ||
        !sse_has(d, mmx ? F_SSE : F_SSE2)) {
        return false;
    }
    x86_modrm(d, &o);
    if (o.mem) {
        return false;
    }
    if (mmx) {
        sse_enter_mmx(d);
    }
    a = X86_T_REG(X86_EDI);
    if (d->addrsize) {
        IrTemp t = ir_temp_new(d->b, IR_I32);
        ir_ext16u(d->b, t, a);
        a = t;
    }
    a = x86_seg_addr(d, a, X86_SEG_DS, true);
    IrTemp args[5] = {
        IR_ENV, sse_c(d, mmx ? 0 : X86_V_XMM),
        sse_c(d, (uint32_t)(mmx ? sse_mmx(d->reg) : sse_xmm(d->reg))),
        sse_c(d, (uint32_t)(mmx ? sse_mmx(o.reg) : sse_xmm(o.reg))), a,
    };
    ir_call(d->b, &x86_helper_maskmov_desc, IR_NO_TEMP, 5, args);
    return true;
}

/* (U)COMISS / (U)COMISD. */
static bool sse_gen_comi(DisasCtx *d, uint32_t op, int pfx)
{
    X86Opnd o;
    bool sd = pfx == PFX_66;
    IrTemp t = ir_temp_new(d->b, IR_I32);

    if ((pfx != PFX_NONE && pfx != PFX_66) ||
        !sse_has(d, sd ? F_SSE2 : F_SSE)) {
        return false;
    }
    x86_modrm(d, &o);
    int32_t src = sse_src(d, &o, false, sd ? 8 : 4, false);
    IrTemp args[5] = {
        IR_ENV, sse_c(d, (uint32_t)sd | (op == 0x2e ? 2u : 0)),
        sse_c(d, (uint32_t)sse_xmm(d->reg)), sse_c(d, (uint32_t)src),
        sse_c(d, d->pc),
    };
    ir_call(d->b, &x86_helper_sse_comi_desc, t, 5, args);
    x86_set_eflags(d, t);
    return true;
}

/* Opcodes whose none-prefix form is an MMX instruction (x87 state
 * transition and the #MF check before anything else). */
static bool sse_is_mmx(uint32_t op, int pfx)
{
    if (pfx != PFX_NONE) {
        return false;
    }
    if (sse_int_ops[op].op && sse_int_ops[op].mmx_feat) {
        return true;
    }
    switch (op) {
    case 0x6e: case 0x6f: case 0x70: case 0x71: case 0x72: case 0x73:
    case 0x77: case 0x7e: case 0x7f: case 0xc4: case 0xc5: case 0xd7:
    case 0xe7: case 0xf7:
        return true;
    default:
        return false;
    }
}

/* 0F 38 xx and 0F 3A 0F: SSSE3. */
static bool sse_gen_three_byte(DisasCtx *d, uint32_t op, int pfx)
{
    uint32_t op2 = x86_fetch8(d), v;
    bool mmx = pfx == PFX_NONE;

    if ((pfx != PFX_NONE && pfx != PFX_66) || !sse_has(d, F_SSSE3)) {
        return false;
    }
    if (op == 0x3a) {
        if (op2 != 0x0f) {
            return false;
        }
        v = X86_V_PALIGNR;
    } else {
        if (op2 >= 0x20 || !sse_ssse3_ops[op2]) {
            return false;
        }
        v = sse_ssse3_ops[op2] - 1u;
    }
    if (mmx) {
        x87_gen_check_pending(d);
    }
    return sse_gen_int(d, v, mmx, op == 0x3a);
}

bool x86_gen_sse(DisasCtx *d, uint32_t op)
{
    int pfx = d->rep ? PFX_F3 : d->repne ? PFX_F2 : d->opsize ? PFX_66
                                                               : PFX_NONE;
    bool mmx = sse_is_mmx(op, pfx);

    if (op == 0x38 || op == 0x3a) {
        return sse_gen_three_byte(d, op, pfx);
    }
    if (mmx) {
        if (!sse_has(d, F_MMX)) {
            return false;
        }
        x87_gen_check_pending(d);
    }
    if (sse_int_ops[op].op && (pfx == PFX_NONE || pfx == PFX_66)) {
        uint32_t v = sse_int_ops[op].op - 1u;
        if (pfx == PFX_NONE ? !sse_int_ops[op].mmx_feat ||
                              !sse_has(d, sse_int_ops[op].mmx_feat)
                            : !sse_has(d, F_SSE2)) {
            return false;
        }
        return sse_gen_int(d, v, pfx == PFX_NONE, false);
    }
    if (sse_fp_ops[op][pfx]) {
        return sse_gen_fp(d, sse_fp_ops[op][pfx] - 1u, pfx, op == 0xc2);
    }
    switch (op) {
    case 0x10: case 0x11:
        if (pfx == PFX_F3 || pfx == PFX_F2) {
            if (!sse_has(d, pfx == PFX_F3 ? F_SSE : F_SSE2)) {
                return false;
            }
            return sse_gen_movs(d, op == 0x11, pfx == PFX_F3 ? 4 : 8);
        }
        if (!sse_has(d, pfx == PFX_66 ? F_SSE2 : F_SSE)) {
            return false;
        }
        return sse_gen_mov128(d, op == 0x11, false);
    case 0x12: case 0x16:
        if (pfx == PFX_F3 || pfx == PFX_F2) {
            X86Opnd o;
            if (!sse_has(d, F_SSE3) || (op == 0x16 && pfx == PFX_F2)) {
                return false;
            }
            x86_modrm(d, &o);
            int32_t src = sse_src(d, &o, false, pfx == PFX_F2 ? 8 : 16,
                                  false);
            sse_call_vec(d, pfx == PFX_F2 ? X86_V_MOVDDUP
                            : op == 0x12 ? X86_V_MOVSLDUP : X86_V_MOVSHDUP,
                         true, sse_xmm(d->reg), src, 0);
            return true;
        }
        return sse_gen_movlh(d, op, pfx);
    case 0x13: case 0x17:
        if (pfx == PFX_F3 || pfx == PFX_F2) {
            return false;
        }
        return sse_gen_movlh(d, op, pfx);
    case 0x14: case 0x15: case 0xc6: {
        static const uint32_t ps[3] = { X86_V_UNPCKLPS, X86_V_UNPCKHPS,
                                        X86_V_SHUFPS };
        static const uint32_t pd[3] = { X86_V_UNPCKLPD, X86_V_UNPCKHPD,
                                        X86_V_SHUFPD };
        int k = op == 0xc6 ? 2 : (int)op - 0x14;
        if ((pfx != PFX_NONE && pfx != PFX_66) ||
            !sse_has(d, pfx == PFX_66 ? F_SSE2 : F_SSE)) {
            return false;
        }
        return sse_gen_int(d, pfx == PFX_66 ? pd[k] : ps[k], false,
                           op == 0xc6);
    }
    case 0x28: case 0x29:
        if ((pfx != PFX_NONE && pfx != PFX_66) ||
            !sse_has(d, pfx == PFX_66 ? F_SSE2 : F_SSE)) {
            return false;
        }
        return sse_gen_mov128(d, op == 0x29, true);
    case 0x2a: case 0x2c: case 0x2d:
        return sse_gen_cvt(d, op, pfx);
    case 0x2b: case 0xe7: {                     /* MOVNTPS/PD, MOVNTDQ, MOVNTQ */
        X86Opnd o;
        if (op == 0xe7 && pfx == PFX_NONE) {
            if (!sse_has(d, F_SSE)) {
                return false;
            }
            x86_modrm(d, &o);
            if (!o.mem) {
                return false;
            }
            sse_enter_mmx(d);
            sse_st(d, o.addr, sse_mmx(d->reg), 8);
            return true;
        }
        if ((pfx != PFX_NONE && pfx != PFX_66) || (op == 0xe7 && pfx != PFX_66) ||
            !sse_has(d, pfx == PFX_66 ? F_SSE2 : F_SSE)) {
            return false;
        }
        x86_modrm(d, &o);
        if (!o.mem) {
            return false;
        }
        sse_st(d, sse_aligned(d, o.addr), sse_xmm(d->reg), 16);
        return true;
    }
    case 0x2e: case 0x2f:
        return sse_gen_comi(d, op, pfx);
    case 0x50: {                                /* MOVMSKPS / MOVMSKPD */
        X86Opnd o;
        IrTemp t = ir_temp_new(d->b, IR_I32);
        if ((pfx != PFX_NONE && pfx != PFX_66) ||
            !sse_has(d, pfx == PFX_66 ? F_SSE2 : F_SSE)) {
            return false;
        }
        x86_modrm(d, &o);
        if (o.mem) {
            return false;
        }
        IrTemp args[3] = { IR_ENV, sse_c(d, pfx == PFX_66 ? 2 : 1),
                           sse_c(d, (uint32_t)sse_xmm(o.reg)) };
        ir_call(d->b, &x86_helper_movmsk_desc, t, 3, args);
        x86_st_reg(d, X86_OT_L, d->reg, t);
        return true;
    }
    case 0x54: case 0x55: case 0x56: case 0x57: {  /* ANDPS ANDNPS ORPS XORPS */
        static const uint32_t v[4] = { X86_V_PAND, X86_V_PANDN, X86_V_POR,
                                       X86_V_PXOR };
        if ((pfx != PFX_NONE && pfx != PFX_66) ||
            !sse_has(d, pfx == PFX_66 ? F_SSE2 : F_SSE)) {
            return false;
        }
        return sse_gen_int(d, v[op - 0x54], false, false);
    }
    case 0x5a: case 0x5b: case 0xe6:
        return sse_gen_cvt_xmm(d, op, pfx);
    case 0x6e:
        return pfx <= PFX_66 && sse_gen_movd(d, op, pfx);
    case 0x7e:
        if (pfx == PFX_F3) {
            return sse_gen_movq_xmm(d, op, pfx);
        }
        return pfx <= PFX_66 && sse_gen_movd(d, op, pfx);
    case 0x6f: case 0x7f:
        if (pfx == PFX_NONE) {
            return sse_gen_movq_mmx(d, op == 0x7f);
        }
        if (pfx == PFX_F2 || !sse_has(d, F_SSE2)) {
            return false;
        }
        return sse_gen_mov128(d, op == 0x7f, pfx == PFX_66);
    case 0x70: {
        static const uint32_t v[4] = { X86_V_PSHUFW, X86_V_PSHUFD,
                                       X86_V_PSHUFHW, X86_V_PSHUFLW };
        if (!sse_has(d, pfx == PFX_NONE ? F_SSE : F_SSE2)) {
            return false;
        }
        return sse_gen_int(d, v[pfx], pfx == PFX_NONE, true);
    }
    case 0x71: case 0x72: case 0x73:
        return sse_gen_shift_imm(d, op, pfx);
    case 0x77:                                  /* EMMS */
        if (pfx != PFX_NONE) {
            return false;
        }
        {
            /* Every tag empty and TOP = 0 (SDM vol. 1, table 9-1: EMMS
             * sets TOS to 000B like the other MMX instructions). */
            IrTemp ones = sse_new64(d);
            ir_movi(d->b, ones, 0x0101010101010101ull);
            ir_st(d->b, ones, IR_ENV, (int32_t)offsetof(X86State, fptags));
            ir_st32(d->b, sse_c(d, 0), IR_ENV,
                    (int32_t)offsetof(X86State, fptop));
        }
        return true;
    case 0xc3: {                                /* MOVNTI m32, r32 */
        X86Opnd o;
        if (pfx != PFX_NONE || !sse_has(d, F_SSE2)) {
            return false;
        }
        x86_modrm(d, &o);
        if (!o.mem) {
            return false;
        }
        x86_st_mem(d, X86_OT_L, o.addr, x86_ld_reg(d, X86_OT_L, d->reg));
        return true;
    }
    case 0xc4: case 0xc5: case 0xd7:
        return sse_gen_words(d, op, pfx);
    case 0xd6:
        if (pfx == PFX_NONE) {
            return false;
        }
        return sse_gen_movq_xmm(d, op, pfx);
    case 0xf0: {                                /* LDDQU */
        if (pfx != PFX_F2 || !sse_has(d, F_SSE3)) {
            return false;
        }
        X86Opnd o;
        x86_modrm(d, &o);
        if (!o.mem) {
            return false;
        }
        sse_ld(d, o.addr, SSE_T0, 16);
        sse_mov(d, sse_xmm(d->reg), SSE_T0, 16);
        return true;
    }
    case 0xf7:
        return sse_gen_maskmov(d, pfx);
    default:
        return false;
    }
}

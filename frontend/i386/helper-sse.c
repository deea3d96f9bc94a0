/* frontend/i386/helper-sse.c — SSE, SSE2 and SSE3 floating point on
 * core/fpu with X86State.sse_status (rounding, DAZ, FTZ from MXCSR):
 * packed and scalar arithmetic, compares (CMPxx predicates, COMIS,
 * UCOMIS), conversions among floats, dwords and MMX pairs, and MXCSR's
 * flags with #XM for unmasked exceptions (SDM vol. 1, 11.5).
 */
#include "helper-fp.h"

#include <string.h>

#include "helper.h"

/* FPU_FLAG_* -> MXCSR flag bits. */
static uint32_t sse_mxcsr_flags(uint32_t f)
{
    return (f & FPU_FLAG_INVALID ? 0x01u : 0) |
           (f & FPU_FLAG_DENORMAL ? 0x02u : 0) |
           (f & FPU_FLAG_DIVBYZERO ? 0x04u : 0) |
           (f & FPU_FLAG_OVERFLOW ? 0x08u : 0) |
           (f & FPU_FLAG_UNDERFLOW ? 0x10u : 0) |
           (f & FPU_FLAG_INEXACT ? 0x20u : 0);
}

/* Folds the operation's flags into MXCSR; raises #XM when one of them
 * is unmasked (the destination is then not written). */
static void sse_finish(CpuCommon *cpu, FpuStatus *st, uint32_t insn_pc)
{
    X86State *env = (X86State *)cpu;
    uint32_t fl = sse_mxcsr_flags(st->flags);

    env->mxcsr |= fl;
    if (fl & ~(env->mxcsr >> 7) & 0x3f) {
        x86_helper_raise(cpu, X86_EXCP_XM, insn_pc, insn_pc, 0);
    }
}

static uint32_t f32_cmp_mask(uint32_t a, uint32_t b, uint32_t pred,
                             FpuStatus *st)
{
    /* predicates 0..7: EQ LT LE UNORD NEQ NLT NLE ORD; LT LE NLT NLE
     * signal on a quiet NaN */
    bool sig = (pred & 3) == 1 || (pred & 3) == 2;
    int c = fpu_f32_compare(a, b, sig, st);
    bool r;

    switch (pred & 7) {
    case 0: r = c == FPU_CMP_EQUAL; break;
    case 1: r = c == FPU_CMP_LESS; break;
    case 2: r = c == FPU_CMP_LESS || c == FPU_CMP_EQUAL; break;
    case 3: r = c == FPU_CMP_UNORDERED; break;
    case 4: r = c != FPU_CMP_EQUAL; break;
    case 5: r = c != FPU_CMP_LESS; break;
    case 6: r = c != FPU_CMP_LESS && c != FPU_CMP_EQUAL; break;
    default: r = c != FPU_CMP_UNORDERED; break;
    }
    return r ? ~0u : 0;
}

static uint64_t f64_cmp_mask(uint64_t a, uint64_t b, uint32_t pred,
                             FpuStatus *st)
{
    bool sig = (pred & 3) == 1 || (pred & 3) == 2;
    int c = fpu_f64_compare(a, b, sig, st);
    bool r;

    switch (pred & 7) {
    case 0: r = c == FPU_CMP_EQUAL; break;
    case 1: r = c == FPU_CMP_LESS; break;
    case 2: r = c == FPU_CMP_LESS || c == FPU_CMP_EQUAL; break;
    case 3: r = c == FPU_CMP_UNORDERED; break;
    case 4: r = c != FPU_CMP_EQUAL; break;
    case 5: r = c != FPU_CMP_LESS; break;
    case 6: r = c != FPU_CMP_LESS && c != FPU_CMP_EQUAL; break;
    default: r = c != FPU_CMP_UNORDERED; break;
    }
    return r ? ~0ull : 0;
}

/* RCPSS/RSQRTSS: hardware approximations (12 bits); emu returns the
 * correctly rounded value, with their rules: no flags, denormal inputs
 * as zero, tiny results flushed, negative RSQRT input gives the
 * indefinite. */
static uint32_t f32_approx(uint32_t a, bool rsqrt)
{
    FpuStatus q;
    uint32_t one = 0x3f800000u, r;

    fpu_status_init_x86_sse(&q);
    q.flush_inputs = q.flush_outputs = true;
    if (fpu_f32_is_denormal(a)) {
        a &= 0x80000000u;
    }
    if (rsqrt) {
        if ((a & 0x80000000u) && !fpu_f32_is_zero(a) && !fpu_f32_is_nan(a)) {
            return 0xffc00000u;
        }
        r = fpu_f32_sqrt(a, &q);
        r = fpu_f32_div(one, r, &q);
    } else {
        r = fpu_f32_div(one, a, &q);
    }
    return r;
}

/* Each lane runs on clear flags (core/fpu decides DE against the
 * invalid flag of the same operation only when it is new), then its
 * flags accumulate; an invalid lane reports no DE (SDM vol. 1,
 * 11.5.2.1). */
static void lane_flags(FpuStatus *st, uint8_t before)
{
    uint8_t now = st->flags;

    if (now & FPU_FLAG_INVALID) {
        now &= (uint8_t)~FPU_FLAG_DENORMAL;
    }
    st->flags = (uint8_t)(before | now);
}

static uint32_t f32_op1(uint32_t op, uint32_t a, uint32_t b, uint32_t imm,
                        FpuStatus *st)
{
    switch (op) {
    case X86_F_ADD: return fpu_f32_add(a, b, st);
    case X86_F_SUB: return fpu_f32_sub(a, b, st);
    case X86_F_MUL: return fpu_f32_mul(a, b, st);
    case X86_F_DIV: return fpu_f32_div(a, b, st);
    case X86_F_MIN: return fpu_f32_min_x86(a, b, st);
    case X86_F_MAX: return fpu_f32_max_x86(a, b, st);
    case X86_F_SQRT: return fpu_f32_sqrt(b, st);
    case X86_F_RCP: return f32_approx(b, false);
    case X86_F_RSQRT: return f32_approx(b, true);
    default: return f32_cmp_mask(a, b, imm, st);
    }
}

static uint64_t f64_op1(uint32_t op, uint64_t a, uint64_t b, uint32_t imm,
                        FpuStatus *st)
{
    switch (op) {
    case X86_F_ADD: return fpu_f64_add(a, b, st);
    case X86_F_SUB: return fpu_f64_sub(a, b, st);
    case X86_F_MUL: return fpu_f64_mul(a, b, st);
    case X86_F_DIV: return fpu_f64_div(a, b, st);
    case X86_F_MIN: return fpu_f64_min_x86(a, b, st);
    case X86_F_MAX: return fpu_f64_max_x86(a, b, st);
    case X86_F_SQRT: return fpu_f64_sqrt(b, st);
    default: return f64_cmp_mask(a, b, imm, st);
    }
}

static uint32_t f32_op(uint32_t op, uint32_t a, uint32_t b, uint32_t imm,
                       FpuStatus *st)
{
    uint8_t before = st->flags;
    uint32_t r;

    st->flags = 0;
    r = f32_op1(op, a, b, imm, st);

    lane_flags(st, before);
    return r;
}

static uint64_t f64_op(uint32_t op, uint64_t a, uint64_t b, uint32_t imm,
                       FpuStatus *st)
{
    uint8_t before = st->flags;
    uint64_t r;

    st->flags = 0;
    r = f64_op1(op, a, b, imm, st);

    lane_flags(st, before);
    return r;
}

/* Conversions; r starts as a copy of the destination. */
static void sse_convert(uint32_t op, const X86Xmm *b, X86Xmm *r,
                        FpuStatus *st)
{
    X86Xmm t = *r;

    switch (op) {
    case X86_F_CVTPS2PD:
        t.q[0] = fpu_f32_to_f64(b->l[0], st);
        t.q[1] = fpu_f32_to_f64(b->l[1], st);
        break;
    case X86_F_CVTPD2PS:
        t.l[0] = fpu_f64_to_f32(b->q[0], st);
        t.l[1] = fpu_f64_to_f32(b->q[1], st);
        t.q[1] = 0;
        break;
    case X86_F_CVTSS2SD:
        t.q[0] = fpu_f32_to_f64(b->l[0], st);
        break;
    case X86_F_CVTSD2SS:
        t.l[0] = fpu_f64_to_f32(b->q[0], st);
        break;
    case X86_F_CVTDQ2PS:
        for (int i = 0; i < 4; i++) {
            t.l[i] = fpu_i32_to_f32((int32_t)b->l[i], st);
        }
        break;
    case X86_F_CVTPS2DQ:
    case X86_F_CVTTPS2DQ:
        for (int i = 0; i < 4; i++) {
            t.l[i] = (uint32_t)(op == X86_F_CVTPS2DQ
                                ? fpu_f32_to_i32(b->l[i], st)
                                : fpu_f32_to_i32_trunc(b->l[i], st));
        }
        break;
    case X86_F_CVTDQ2PD:
        t.q[0] = fpu_i32_to_f64((int32_t)b->l[0], st);
        t.q[1] = fpu_i32_to_f64((int32_t)b->l[1], st);
        break;
    case X86_F_CVTPD2DQ:
    case X86_F_CVTTPD2DQ:
        for (int i = 0; i < 2; i++) {
            t.l[i] = (uint32_t)(op == X86_F_CVTPD2DQ
                                ? fpu_f64_to_i32(b->q[i], st)
                                : fpu_f64_to_i32_trunc(b->q[i], st));
        }
        t.q[1] = 0;
        break;
    case X86_F_CVTPI2PS:
        t.l[0] = fpu_i32_to_f32((int32_t)b->l[0], st);
        t.l[1] = fpu_i32_to_f32((int32_t)b->l[1], st);
        break;
    case X86_F_CVTPS2PI:
    case X86_F_CVTTPS2PI:
        for (int i = 0; i < 2; i++) {
            t.l[i] = (uint32_t)(op == X86_F_CVTPS2PI
                                ? fpu_f32_to_i32(b->l[i], st)
                                : fpu_f32_to_i32_trunc(b->l[i], st));
        }
        break;
    case X86_F_CVTPI2PD:
        t.q[0] = fpu_i32_to_f64((int32_t)b->l[0], st);
        t.q[1] = fpu_i32_to_f64((int32_t)b->l[1], st);
        break;
    default:                                    /* CVT(T)PD2PI */
        for (int i = 0; i < 2; i++) {
            t.l[i] = (uint32_t)(op == X86_F_CVTPD2PI
                                ? fpu_f64_to_i32(b->q[i], st)
                                : fpu_f64_to_i32_trunc(b->q[i], st));
        }
        break;
    }
    *r = t;
}

void x86_helper_sse(CpuCommon *cpu, uint32_t op, uint32_t dst,
                    uint32_t src, uint32_t insn_pc)
{
    X86State *env = (X86State *)cpu;
    uint8_t *base = (uint8_t *)cpu;
    FpuStatus st = env->sse_status;
    uint32_t kind = op & 0xff, type = (op >> 8) & 3, imm = op >> 16;
    bool mmx_dst = kind == X86_F_CVTPS2PI || kind == X86_F_CVTTPS2PI ||
                   kind == X86_F_CVTPD2PI || kind == X86_F_CVTTPD2PI;
    X86Xmm a, b, r;

    st.flags = 0;
    memcpy(&a, base + dst, mmx_dst ? 8 : 16);
    memcpy(&b, base + src, 16);
    r = a;
    if (kind >= X86_F_CVTPS2PD) {
        sse_convert(kind, &b, &r, &st);
    } else if (kind == X86_F_HADD || kind == X86_F_HSUB) {
        bool sub = kind == X86_F_HSUB;
        if (type == X86_FT_PS) {
            for (int i = 0; i < 4; i++) {
                const X86Xmm *s = i < 2 ? &a : &b;
                int j = 2 * (i & 1);
                r.l[i] = sub ? fpu_f32_sub(s->l[j], s->l[j + 1], &st)
                             : fpu_f32_add(s->l[j], s->l[j + 1], &st);
            }
        } else {
            r.q[0] = sub ? fpu_f64_sub(a.q[0], a.q[1], &st)
                         : fpu_f64_add(a.q[0], a.q[1], &st);
            r.q[1] = sub ? fpu_f64_sub(b.q[0], b.q[1], &st)
                         : fpu_f64_add(b.q[0], b.q[1], &st);
        }
    } else if (kind == X86_F_ADDSUB) {
        if (type == X86_FT_PS) {
            for (int i = 0; i < 4; i++) {
                r.l[i] = (i & 1) ? fpu_f32_add(a.l[i], b.l[i], &st)
                                 : fpu_f32_sub(a.l[i], b.l[i], &st);
            }
        } else {
            r.q[0] = fpu_f64_sub(a.q[0], b.q[0], &st);
            r.q[1] = fpu_f64_add(a.q[1], b.q[1], &st);
        }
    } else {
        switch (type) {
        case X86_FT_PS:
            for (int i = 0; i < 4; i++) {
                r.l[i] = f32_op(kind, a.l[i], b.l[i], imm, &st);
            }
            break;
        case X86_FT_PD:
            for (int i = 0; i < 2; i++) {
                r.q[i] = f64_op(kind, a.q[i], b.q[i], imm, &st);
            }
            break;
        case X86_FT_SS:
            r.l[0] = f32_op(kind, a.l[0], b.l[0], imm, &st);
            break;
        default:
            r.q[0] = f64_op(kind, a.q[0], b.q[0], imm, &st);
            break;
        }
    }
    sse_finish(cpu, &st, insn_pc);
    memcpy(base + dst, &r, mmx_dst ? 8 : 16);
}

void x86_helper_sse_i2f(CpuCommon *cpu, uint32_t sd, uint32_t dst,
                        uint32_t val, uint32_t insn_pc)
{
    X86State *env = (X86State *)cpu;
    uint8_t *p = (uint8_t *)cpu + dst;
    FpuStatus st = env->sse_status;

    st.flags = 0;
    if (sd) {
        uint64_t r = fpu_i32_to_f64((int32_t)val, &st);
        memcpy(p, &r, 8);
    } else {
        uint32_t r = fpu_i32_to_f32((int32_t)val, &st);
        sse_finish(cpu, &st, insn_pc);
        memcpy(p, &r, 4);
    }
}

uint32_t x86_helper_sse_f2i(CpuCommon *cpu, uint32_t mode, uint32_t src,
                            uint32_t insn_pc)
{
    X86State *env = (X86State *)cpu;
    const uint8_t *p = (const uint8_t *)cpu + src;
    FpuStatus st = env->sse_status;
    int32_t r;

    st.flags = 0;
    if (mode & 1) {
        uint64_t v;
        memcpy(&v, p, 8);
        r = (mode & 2) ? fpu_f64_to_i32_trunc(v, &st) : fpu_f64_to_i32(v, &st);
    } else {
        uint32_t v;
        memcpy(&v, p, 4);
        r = (mode & 2) ? fpu_f32_to_i32_trunc(v, &st) : fpu_f32_to_i32(v, &st);
    }
    sse_finish(cpu, &st, insn_pc);
    return (uint32_t)r;
}

uint32_t x86_helper_sse_comi(CpuCommon *cpu, uint32_t mode, uint32_t a,
                             uint32_t b, uint32_t insn_pc)
{
    static const uint32_t fl[4] = {
        X86_CF, X86_ZF, 0, X86_ZF | X86_PF | X86_CF,
    };
    X86State *env = (X86State *)cpu;
    const uint8_t *pa = (const uint8_t *)cpu + a, *pb = (const uint8_t *)cpu + b;
    FpuStatus st = env->sse_status;
    bool sig = !(mode & 2);
    int c;

    st.flags = 0;
    if (mode & 1) {
        uint64_t x, y;
        memcpy(&x, pa, 8);
        memcpy(&y, pb, 8);
        c = fpu_f64_compare(x, y, sig, &st);
    } else {
        uint32_t x, y;
        memcpy(&x, pa, 4);
        memcpy(&y, pb, 4);
        c = fpu_f32_compare(x, y, sig, &st);
    }
    sse_finish(cpu, &st, insn_pc);
    return fl[c];
}

const IrHelper x86_helper_sse_desc =
    IR_HELPER(x86_helper_sse, IR_HF_MAY_RAISE | IR_HF_NO_WRITE_GLOBALS,
              IR_HT_VOID, IR_HT_PTR, IR_HT_I32, IR_HT_I32, IR_HT_I32,
              IR_HT_I32);
const IrHelper x86_helper_sse_i2f_desc =
    IR_HELPER(x86_helper_sse_i2f, IR_HF_MAY_RAISE | IR_HF_NO_WRITE_GLOBALS,
              IR_HT_VOID, IR_HT_PTR, IR_HT_I32, IR_HT_I32, IR_HT_I32,
              IR_HT_I32);
const IrHelper x86_helper_sse_f2i_desc =
    IR_HELPER(x86_helper_sse_f2i, IR_HF_MAY_RAISE | IR_HF_NO_WRITE_GLOBALS,
              IR_HT_I32, IR_HT_PTR, IR_HT_I32, IR_HT_I32, IR_HT_I32);
const IrHelper x86_helper_sse_comi_desc =
    IR_HELPER(x86_helper_sse_comi, IR_HF_MAY_RAISE | IR_HF_NO_WRITE_GLOBALS,
              IR_HT_I32, IR_HT_PTR, IR_HT_I32, IR_HT_I32, IR_HT_I32,
              IR_HT_I32);

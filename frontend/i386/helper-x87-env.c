/* frontend/i386/helper-x87-env.c — the x87 / SSE control state: reset,
 * control and status words, tag words, MXCSR, and the memory images of
 * FNSTENV/FLDENV (28 or 14 bytes), FNSAVE/FRSTOR (108 or 94) and
 * FXSAVE/FXRSTOR (512; SDM vol. 1, 8.1.10, 8.1.11, 10.5.1), also used
 * by the signal frames (linux-user/i386/signal_i386.c).
 */
#include "helper-fp.h"

#include <string.h>

#include "helper.h"
#include "x87.h"

/* x87 RC (00 nearest, 01 down, 10 up, 11 zero) and MXCSR RC. */
static const uint8_t x87_rc_map[4] = {
    FPU_ROUND_NEAREST_EVEN, FPU_ROUND_DOWN, FPU_ROUND_UP, FPU_ROUND_ZERO,
};

void x87_reset_x87(X86State *env)
{
    env->fptop = 0;
    env->fpus = 0;
    env->fpip = env->fpdp = env->fpop = 0;
    env->c1_op = 0;
    for (int i = 0; i < 8; i++) {
        env->fptags[i] = 1;
    }
    x87_set_control(env, 0x37f);
}

void x87_reset(X86State *env)
{
    fpu_status_init_x87(&env->fp_status);
    fpu_status_init_x86_sse(&env->sse_status);
    memset(env->fpregs, 0, sizeof(env->fpregs));
    memset(env->xmm, 0, sizeof(env->xmm));
    x87_reset_x87(env);
    x86_set_mxcsr(env, X86_MXCSR_DEFAULT);
}

void x87_set_control(X86State *env, uint32_t cw)
{
    static const uint8_t prec[4] = { 24, 64, 53, 64 };

    /* bit 6 reads as one; bits 13-15 are reserved (host x87) */
    env->fpuc = (cw & 0x1f3f) | 0x40;
    env->fp_status.rounding = x87_rc_map[(cw >> 10) & 3];
    env->fp_status.floatx80_precision = prec[(cw >> 8) & 3];
    if (env->fpus & ~env->fpuc & X87_SW_EXC) {
        env->fpus |= X87_SW_ES | X87_SW_B;
    } else {
        env->fpus &= ~(X87_SW_ES | X87_SW_B);
    }
}

void x87_set_status(X86State *env, uint32_t sw)
{
    env->fptop = (sw >> 11) & 7;
    env->fpus = sw & 0xffff & ~0x3800u;
    env->c1_op = 0;
}

/* 00 valid, 01 zero, 10 special (NaN, infinity, denormal, unsupported),
 * 11 empty (SDM vol. 1, 8.1.7), per physical register. */
uint32_t x87_tag_word(const X86State *env)
{
    uint32_t tw = 0;

    for (int i = 0; i < 8; i++) {
        const FpuX80 *r = &env->fpregs[i];
        uint32_t e = r->sign_exp & 0x7fff, t;
        if (env->fptags[i]) {
            t = 3;
        } else if (e == 0x7fff || (e == 0 && r->mant) ||
                   (e != 0 && !(r->mant >> 63))) {
            t = 2;
        } else if (e == 0) {
            t = 1;
        } else {
            t = 0;
        }
        tw |= t << (2 * i);
    }
    return tw;
}

void x87_set_tag_word(X86State *env, uint32_t tw)
{
    for (int i = 0; i < 8; i++) {
        env->fptags[i] = ((tw >> (2 * i)) & 3) == 3;
    }
}

void x86_set_mxcsr(X86State *env, uint32_t v)
{
    static const uint8_t rc[4] = {
        FPU_ROUND_NEAREST_EVEN, FPU_ROUND_DOWN, FPU_ROUND_UP, FPU_ROUND_ZERO,
    };

    env->mxcsr = v & X86_MXCSR_MASK;
    env->sse_status.rounding = rc[(v >> 13) & 3];
    env->sse_status.flush_inputs = (v & X86_MXCSR_DAZ) != 0;
    env->sse_status.flush_outputs = (v & X86_MXCSR_FTZ) != 0;
}

/* ---- memory images ------------------------------------------------------- */

static void put16(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

static void put32(uint8_t *p, uint32_t v)
{
    put16(p, v);
    put16(p + 2, v >> 16);
}

static uint32_t get16(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static uint32_t get32(const uint8_t *p)
{
    return get16(p) | get16(p + 2) << 16;
}

static void put80(uint8_t *p, FpuX80 v)
{
    put32(p, (uint32_t)v.mant);
    put32(p + 4, (uint32_t)(v.mant >> 32));
    put16(p + 8, v.sign_exp);
}

static FpuX80 get80(const uint8_t *p)
{
    FpuX80 v;

    v.mant = (uint64_t)get32(p) | (uint64_t)get32(p + 4) << 32;
    v.sign_exp = (uint16_t)get16(p + 8);
    return v;
}

/* Selectors stored with the last instruction and operand pointers:
 * the flat user code and data segments (FDS only after an operand). */
static uint32_t x87_fcs(const X86State *env)
{
    return env->seg[X86_SEG_CS];
}

static uint32_t x87_fds(const X86State *env)
{
    return env->fpdp ? env->seg[X86_SEG_DS] : 0;
}

/* The environment (28 bytes, or 14 for a 16-bit operand size). The
 * unused upper halves read as ones, as on the host. */
static int x87_env_image(X86State *env, uint8_t *p, bool size16)
{
    uint32_t cw = env->fpuc, sw = x87_status_word(env);
    uint32_t tw = x87_tag_word(env);

    if (size16) {
        put16(p, cw);
        put16(p + 2, sw);
        put16(p + 4, tw);
        put16(p + 6, env->fpip);
        put16(p + 8, x87_fcs(env));
        put16(p + 10, env->fpdp);
        put16(p + 12, x87_fds(env));
        return 14;
    }
    put32(p, 0xffff0000u | cw);
    put32(p + 4, 0xffff0000u | sw);
    put32(p + 8, 0xffff0000u | tw);
    put32(p + 12, env->fpip);
    put32(p + 16, env->fpop << 16 | x87_fcs(env));
    put32(p + 20, env->fpdp);
    put32(p + 24, 0xffff0000u | x87_fds(env));
    return 28;
}

static int x87_env_load(X86State *env, const uint8_t *p, bool size16)
{
    uint32_t cw = get16(p), sw, tw;

    if (size16) {
        sw = get16(p + 2);
        tw = get16(p + 4);
        env->fpip = get16(p + 6);
        env->fpdp = get16(p + 10);
        env->fpop = 0;
    } else {
        sw = get16(p + 4);
        tw = get16(p + 8);
        env->fpip = get32(p + 12);
        env->fpop = (get32(p + 16) >> 16) & 0x7ff;
        env->fpdp = get32(p + 20);
    }
    x87_set_status(env, sw);
    x87_set_tag_word(env, tw);
    x87_set_control(env, cw);
    return size16 ? 14 : 28;
}

void x87_fsave_image(X86State *env, uint8_t *buf)
{
    int n = x87_env_image(env, buf, false);

    for (int i = 0; i < 8; i++) {
        put80(buf + n + 10 * i, *x87_st_reg(env, i));
    }
}

void x87_frstor_image(X86State *env, const uint8_t *buf)
{
    int n = x87_env_load(env, buf, false);

    for (int i = 0; i < 8; i++) {
        *x87_st_reg(env, i) = get80(buf + n + 10 * i);
    }
}

void x86_fxsave_image(X86State *env, uint8_t *buf)
{
    uint32_t ftw = 0;

    for (int i = 0; i < 8; i++) {
        ftw |= env->fptags[i] ? 0 : 1u << i;
    }
    memset(buf, 0, 464);
    put16(buf, env->fpuc);
    put16(buf + 2, x87_status_word(env));
    buf[4] = (uint8_t)ftw;
    put16(buf + 6, env->fpop);
    put32(buf + 8, env->fpip);
    put16(buf + 12, x87_fcs(env));
    put32(buf + 16, env->fpdp);
    put16(buf + 20, x87_fds(env));
    put32(buf + 24, env->mxcsr);
    put32(buf + 28, X86_MXCSR_MASK);
    for (int i = 0; i < 8; i++) {
        put80(buf + 32 + 16 * i, *x87_st_reg(env, i));
    }
    for (int i = 0; i < 8; i++) {
        memcpy(buf + 160 + 16 * i, env->xmm[i].b, 16);
    }
}

bool x86_fxrstor_image(X86State *env, const uint8_t *buf)
{
    uint32_t ftw = buf[4], mxcsr = get32(buf + 24);

    if (mxcsr & ~(uint32_t)X86_MXCSR_MASK) {
        return false;
    }
    x87_set_status(env, get16(buf + 2));
    for (int i = 0; i < 8; i++) {
        env->fptags[i] = !((ftw >> i) & 1);
    }
    x87_set_control(env, get16(buf));
    env->fpop = get16(buf + 6) & 0x7ff;
    env->fpip = get32(buf + 8);
    env->fpdp = get32(buf + 16);
    for (int i = 0; i < 8; i++) {
        *x87_st_reg(env, i) = get80(buf + 32 + 16 * i);
    }
    for (int i = 0; i < 8; i++) {
        memcpy(env->xmm[i].b, buf + 160 + 16 * i, 16);
    }
    x86_set_mxcsr(env, mxcsr);
    return true;
}

/* ---- FLDENV FNSTENV FRSTOR FNSAVE FXSAVE FXRSTOR -------------------------- */

static void x87_copy_in(CpuCommon *cpu, uint8_t *buf, uint32_t addr,
                        uint32_t n)
{
    const uint8_t *p = (const uint8_t *)(cpu->guest_base + addr);

    memcpy(buf, p, n);
}

static void x87_copy_out(CpuCommon *cpu, uint32_t addr, const uint8_t *buf,
                         uint32_t n)
{
    uint8_t *p = (uint8_t *)(cpu->guest_base + addr);

    memcpy(p, buf, n);
}

void x87_helper_env(CpuCommon *cpu, uint32_t op, uint32_t addr,
                    uint32_t opsize16, uint32_t insn_pc)
{
    X86State *env = (X86State *)cpu;
    uint8_t buf[512];
    bool s16 = opsize16 != 0;
    int n;

    switch (op) {
    case X87_ENV_FLDENV:
        x87_copy_in(cpu, buf, addr, s16 ? 14 : 28);
        x87_env_load(env, buf, s16);
        return;
    case X87_ENV_FNSTENV:
        n = x87_env_image(env, buf, s16);
        x87_copy_out(cpu, addr, buf, (uint32_t)n);
        /* FNSTENV then masks every exception (SDM FSTENV) */
        env->fpuc |= X87_SW_EXC;
        return;
    case X87_ENV_FRSTOR:
        x87_copy_in(cpu, buf, addr, s16 ? 94 : 108);
        n = x87_env_load(env, buf, s16);
        for (int i = 0; i < 8; i++) {
            *x87_st_reg(env, i) = get80(buf + n + 10 * i);
        }
        return;
    case X87_ENV_FNSAVE:
        n = x87_env_image(env, buf, s16);
        for (int i = 0; i < 8; i++) {
            put80(buf + n + 10 * i, *x87_st_reg(env, i));
        }
        x87_copy_out(cpu, addr, buf, (uint32_t)n + 80);
        x87_reset_x87(env);
        return;
    case X86_ENV_FXSAVE:
        if (addr & 15) {
            x86_helper_raise(cpu, X86_EXCP_GP, insn_pc, insn_pc, 0);
        }
        x86_fxsave_image(env, buf);
        x87_copy_out(cpu, addr, buf, 464);
        return;
    default:
        if (addr & 15) {
            x86_helper_raise(cpu, X86_EXCP_GP, insn_pc, insn_pc, 0);
        }
        x87_copy_in(cpu, buf, addr, 512);
        if (!x86_fxrstor_image(env, buf)) {
            x86_helper_raise(cpu, X86_EXCP_GP, insn_pc, insn_pc, 0);
        }
        return;
    }
}

const IrHelper x87_helper_env_desc =
    IR_HELPER(x87_helper_env, IR_HF_MAY_RAISE | IR_HF_NO_WRITE_GLOBALS,
              IR_HT_VOID, IR_HT_PTR, IR_HT_I32, IR_HT_I32, IR_HT_I32,
              IR_HT_I32);

void x86_helper_ldmxcsr(CpuCommon *cpu, uint32_t v, uint32_t insn_pc)
{
    if (v & ~(uint32_t)X86_MXCSR_MASK) {
        x86_helper_raise(cpu, X86_EXCP_GP, insn_pc, insn_pc, 0);
    }
    x86_set_mxcsr((X86State *)cpu, v);
}

const IrHelper x86_helper_ldmxcsr_desc =
    IR_HELPER(x86_helper_ldmxcsr, IR_HF_MAY_RAISE | IR_HF_NO_WRITE_GLOBALS,
              IR_HT_VOID, IR_HT_PTR, IR_HT_I32, IR_HT_I32);

/* frontend/arm/helper-vfp.c — VFP helpers that are not plain core/fpu
 * calls: compares into FPSCR.NZCV, FPSCR access, fixed-point and half-
 * precision conversions; and the descriptors of the core/fpu functions
 * the VFP translator calls directly with &ArmState.vfp_status.
 */
#include "helper-vfp.h"

#include <stdbool.h>
#include <stdint.h>

/* FPSCR.NZCV of each FPU_CMP_* result (A8.8.313): less 1000, equal 0110,
 * greater 0010, unordered 0011. */
static const uint32_t arm_vfp_cmp_nzcv[4] = {
    0x80000000u, 0x60000000u, 0x20000000u, 0x30000000u,
};

static void arm_vfp_set_nzcv(ArmState *env, int cmp)
{
    env->fpscr = (env->fpscr & ~ARM_FPSCR_NZCV) | arm_vfp_cmp_nzcv[cmp & 3];
}

void arm_helper_vfp_cmp_s(CpuCommon *cpu, uint32_t a, uint32_t b, uint32_t e)
{
    ArmState *env = (ArmState *)cpu;

    arm_vfp_set_nzcv(env, fpu_f32_compare(a, b, e != 0, &env->vfp_status));
}

void arm_helper_vfp_cmp_d(CpuCommon *cpu, uint64_t a, uint64_t b, uint32_t e)
{
    ArmState *env = (ArmState *)cpu;

    arm_vfp_set_nzcv(env, fpu_f64_compare(a, b, e != 0, &env->vfp_status));
}

uint32_t arm_helper_vfp_fpscr_read(CpuCommon *cpu)
{
    return arm_fpscr_read((ArmState *)cpu);
}

void arm_helper_vfp_fpscr_write(CpuCommon *cpu, uint32_t val)
{
    arm_fpscr_write((ArmState *)cpu, val);
}

/* ---- Fused multiply-add ---------------------------------------------- */

/* FPMulAdd (A2.7.9): the addend's NaN comes first, so an SNaN addend
 * always gives its quiet form, even with inf * 0 (core/fpu returns the
 * default NaN there, which ARM does only for a QNaN addend). Flags come
 * from the library either way. */
uint32_t arm_helper_vfp_muladd_s(uint32_t a, uint32_t b, uint32_t c,
                                 FpuStatus *st)
{
    uint32_t r = fpu_f32_muladd(a, b, c, 0, st);

    if (fpu_f32_is_snan(c, st)) {
        r = st->default_nan ? fpu_f32_default_nan(st)
                            : fpu_f32_silence_nan(c, st);
    }
    return r;
}

uint64_t arm_helper_vfp_muladd_d(uint64_t a, uint64_t b, uint64_t c,
                                 FpuStatus *st)
{
    uint64_t r = fpu_f64_muladd(a, b, c, 0, st);

    if (fpu_f64_is_snan(c, st)) {
        r = st->default_nan ? fpu_f64_default_nan(st)
                            : fpu_f64_silence_nan(c, st);
    }
    return r;
}

/* ---- Fixed point ------------------------------------------------------ */

static int64_t arm_vfp_fix_input(uint64_t v, uint32_t shape)
{
    unsigned size = (shape >> 8) & 0xff;
    uint64_t low = size >= 64 ? v : v & ((1ull << size) - 1);

    if (shape & 0x10000u) {
        return (int64_t)low;
    }
    /* sign-extend from `size` bits */
    return (int64_t)(low << (64 - size)) >> (64 - size);
}

uint32_t arm_helper_vfp_tofix_s(uint32_t a, uint32_t shape, FpuStatus *st)
{
    return (uint32_t)fpu_f32_to_fixed(a, (int)(shape & 0xff),
                                      (int)((shape >> 8) & 0xff),
                                      !(shape & 0x10000u), FPU_ROUND_ZERO, st);
}

uint64_t arm_helper_vfp_tofix_d(uint64_t a, uint32_t shape, FpuStatus *st)
{
    return (uint64_t)fpu_f64_to_fixed(a, (int)(shape & 0xff),
                                      (int)((shape >> 8) & 0xff),
                                      !(shape & 0x10000u), FPU_ROUND_ZERO, st);
}

uint32_t arm_helper_vfp_fromfix_s(uint32_t v, uint32_t shape, FpuStatus *st)
{
    return fpu_fixed_to_f32(arm_vfp_fix_input(v, shape), (int)(shape & 0xff),
                            !(shape & 0x10000u), FPU_ROUND_NEAREST_EVEN, st);
}

uint64_t arm_helper_vfp_fromfix_d(uint64_t v, uint32_t shape, FpuStatus *st)
{
    return fpu_fixed_to_f64(arm_vfp_fix_input(v, shape), (int)(shape & 0xff),
                            !(shape & 0x10000u), FPU_ROUND_NEAREST_EVEN, st);
}

/* ---- Half precision (A2.7.4, FPConvert in the pseudocode) ------------ */

uint32_t arm_vfp_f16_to_f32(uint32_t h, bool ahp, FpuStatus *st)
{
    uint32_t sign = (h & 0x8000u) << 16;
    int32_t exp = (int32_t)((h >> 10) & 0x1f);
    uint32_t frac = h & 0x3ffu;

    if (exp == 0x1f && !ahp) {
        if (frac == 0) {
            return sign | 0x7f800000u;
        }
        if (!(frac & 0x200u)) {
            st->flags |= FPU_FLAG_INVALID;
        }
        if (st->default_nan) {
            return fpu_f32_default_nan(st);
        }
        return sign | 0x7fc00000u | frac << 13;
    }
    if (exp == 0) {
        if (frac == 0) {
            return sign;
        }
        /* A half denormal is a normal single: frac * 2^-24. */
        exp = 1;
        while (!(frac & 0x400u)) {
            frac <<= 1;
            exp--;
        }
        frac &= 0x3ffu;
    }
    return sign | (uint32_t)(exp - 15 + 127) << 23 | frac << 13;
}

uint32_t arm_vfp_f32_to_f16(uint32_t f, bool ahp, FpuStatus *st)
{
    uint32_t sign = (f >> 16) & 0x8000u;
    int32_t exp = (int32_t)((f >> 23) & 0xff);
    uint32_t sig = f & 0x7fffffu;
    int32_t emax = ahp ? 16 : 15;
    uint32_t shift, kept, rem, half;
    bool inc = false;

    if (exp == 0xff) {
        if (sig == 0) {
            if (ahp) {
                st->flags |= FPU_FLAG_INVALID;
                return sign | 0x7fffu;
            }
            return sign | 0x7c00u;
        }
        if (ahp || !(sig & 0x400000u)) {
            st->flags |= FPU_FLAG_INVALID;
        }
        if (ahp) {
            return 0;
        }
        if (st->default_nan) {
            return 0x7e00u;
        }
        return sign | 0x7e00u | sig >> 13;
    }
    if (exp == 0) {
        if (sig == 0) {
            return sign;
        }
        if (st->flush_inputs) {
            st->flags |= FPU_FLAG_INPUT_FLUSHED;
            return sign;
        }
        exp = 1;
        while (!(sig & 0x800000u)) {
            sig <<= 1;
            exp--;
        }
    } else {
        sig |= 0x800000u;
    }
    exp -= 127;     /* value = sig * 2^(exp - 23), sig in [2^23, 2^24) */
    shift = 13;
    if (exp < -14) {
        shift += (uint32_t)(-14 - exp);
    }
    if (shift > 25) {
        shift = 25;     /* everything below the sticky bit */
    }
    kept = sig >> shift;
    rem = sig & ((1u << shift) - 1);
    half = 1u << (shift - 1);
    switch (st->rounding) {
    case FPU_ROUND_NEAREST_EVEN:
        inc = rem > half || (rem == half && (kept & 1));
        break;
    case FPU_ROUND_NEAREST_AWAY:
        inc = rem >= half;
        break;
    case FPU_ROUND_UP:
        inc = !sign && rem;
        break;
    case FPU_ROUND_DOWN:
        inc = sign && rem;
        break;
    default:
        break;
    }
    kept += inc;
    if (exp < -14) {
        /* Tininess before rounding; kept 0x400 is the smallest normal. */
        if (rem) {
            st->flags |= FPU_FLAG_UNDERFLOW | FPU_FLAG_INEXACT;
        }
        return sign | kept;
    }
    if (kept == 0x800u) {
        kept = 0x400u;
        exp++;
    }
    if (exp > emax) {
        if (ahp) {
            st->flags |= FPU_FLAG_INVALID;
            return sign | 0x7fffu;
        }
        st->flags |= FPU_FLAG_OVERFLOW | FPU_FLAG_INEXACT;
        if (st->rounding == FPU_ROUND_ZERO ||
            (st->rounding == FPU_ROUND_UP && sign) ||
            (st->rounding == FPU_ROUND_DOWN && !sign)) {
            return sign | 0x7bffu;
        }
        return sign | 0x7c00u;
    }
    if (rem) {
        st->flags |= FPU_FLAG_INEXACT;
    }
    return sign | (uint32_t)(exp + 15) << 10 | (kept & 0x3ffu);
}

uint32_t arm_helper_vfp_f16_to_f32(CpuCommon *cpu, uint32_t h)
{
    ArmState *env = (ArmState *)cpu;

    return arm_vfp_f16_to_f32(h & 0xffffu, (env->fpscr & ARM_FPSCR_AHP) != 0,
                              &env->vfp_status);
}

uint32_t arm_helper_vfp_f32_to_f16(CpuCommon *cpu, uint32_t f)
{
    ArmState *env = (ArmState *)cpu;

    return arm_vfp_f32_to_f16(f, (env->fpscr & ARM_FPSCR_AHP) != 0,
                              &env->vfp_status);
}

/* ---- Descriptors ------------------------------------------------------ */

/* The FPU state is not a global temp: these touch no global. */
#define ARM_HF_FPU (IR_HF_NO_READ_GLOBALS | IR_HF_NO_WRITE_GLOBALS)

const IrHelper arm_helper_vfp_cmp_s_desc =
    IR_HELPER(arm_helper_vfp_cmp_s, ARM_HF_FPU, IR_HT_VOID, IR_HT_PTR,
              IR_HT_I32, IR_HT_I32, IR_HT_I32);
const IrHelper arm_helper_vfp_cmp_d_desc =
    IR_HELPER(arm_helper_vfp_cmp_d, ARM_HF_FPU, IR_HT_VOID, IR_HT_PTR,
              IR_HT_I64, IR_HT_I64, IR_HT_I32);
const IrHelper arm_helper_vfp_fpscr_read_desc =
    IR_HELPER(arm_helper_vfp_fpscr_read, ARM_HF_FPU, IR_HT_I32, IR_HT_PTR);
const IrHelper arm_helper_vfp_fpscr_write_desc =
    IR_HELPER(arm_helper_vfp_fpscr_write, ARM_HF_FPU, IR_HT_VOID, IR_HT_PTR,
              IR_HT_I32);
const IrHelper arm_helper_vfp_tofix_s_desc =
    IR_HELPER(arm_helper_vfp_tofix_s, ARM_HF_FPU, IR_HT_I32, IR_HT_I32,
              IR_HT_I32, IR_HT_PTR);
const IrHelper arm_helper_vfp_tofix_d_desc =
    IR_HELPER(arm_helper_vfp_tofix_d, ARM_HF_FPU, IR_HT_I64, IR_HT_I64,
              IR_HT_I32, IR_HT_PTR);
const IrHelper arm_helper_vfp_fromfix_s_desc =
    IR_HELPER(arm_helper_vfp_fromfix_s, ARM_HF_FPU, IR_HT_I32, IR_HT_I32,
              IR_HT_I32, IR_HT_PTR);
const IrHelper arm_helper_vfp_fromfix_d_desc =
    IR_HELPER(arm_helper_vfp_fromfix_d, ARM_HF_FPU, IR_HT_I64, IR_HT_I64,
              IR_HT_I32, IR_HT_PTR);
const IrHelper arm_helper_vfp_f16_to_f32_desc =
    IR_HELPER(arm_helper_vfp_f16_to_f32, ARM_HF_FPU, IR_HT_I32, IR_HT_PTR,
              IR_HT_I32);
const IrHelper arm_helper_vfp_f32_to_f16_desc =
    IR_HELPER(arm_helper_vfp_f32_to_f16, ARM_HF_FPU, IR_HT_I32, IR_HT_PTR,
              IR_HT_I32);

const IrHelper arm_vfp_add_desc[2] = {
    IR_HELPER(fpu_f32_add, ARM_HF_FPU, IR_HT_I32, IR_HT_I32, IR_HT_I32,
              IR_HT_PTR),
    IR_HELPER(fpu_f64_add, ARM_HF_FPU, IR_HT_I64, IR_HT_I64, IR_HT_I64,
              IR_HT_PTR),
};
const IrHelper arm_vfp_sub_desc[2] = {
    IR_HELPER(fpu_f32_sub, ARM_HF_FPU, IR_HT_I32, IR_HT_I32, IR_HT_I32,
              IR_HT_PTR),
    IR_HELPER(fpu_f64_sub, ARM_HF_FPU, IR_HT_I64, IR_HT_I64, IR_HT_I64,
              IR_HT_PTR),
};
const IrHelper arm_vfp_mul_desc[2] = {
    IR_HELPER(fpu_f32_mul, ARM_HF_FPU, IR_HT_I32, IR_HT_I32, IR_HT_I32,
              IR_HT_PTR),
    IR_HELPER(fpu_f64_mul, ARM_HF_FPU, IR_HT_I64, IR_HT_I64, IR_HT_I64,
              IR_HT_PTR),
};
const IrHelper arm_vfp_div_desc[2] = {
    IR_HELPER(fpu_f32_div, ARM_HF_FPU, IR_HT_I32, IR_HT_I32, IR_HT_I32,
              IR_HT_PTR),
    IR_HELPER(fpu_f64_div, ARM_HF_FPU, IR_HT_I64, IR_HT_I64, IR_HT_I64,
              IR_HT_PTR),
};
const IrHelper arm_vfp_sqrt_desc[2] = {
    IR_HELPER(fpu_f32_sqrt, ARM_HF_FPU, IR_HT_I32, IR_HT_I32, IR_HT_PTR),
    IR_HELPER(fpu_f64_sqrt, ARM_HF_FPU, IR_HT_I64, IR_HT_I64, IR_HT_PTR),
};
const IrHelper arm_vfp_muladd_desc[2] = {
    IR_HELPER(arm_helper_vfp_muladd_s, ARM_HF_FPU, IR_HT_I32, IR_HT_I32,
              IR_HT_I32, IR_HT_I32, IR_HT_PTR),
    IR_HELPER(arm_helper_vfp_muladd_d, ARM_HF_FPU, IR_HT_I64, IR_HT_I64,
              IR_HT_I64, IR_HT_I64, IR_HT_PTR),
};
const IrHelper arm_vfp_f32_to_f64_desc =
    IR_HELPER(fpu_f32_to_f64, ARM_HF_FPU, IR_HT_I64, IR_HT_I32, IR_HT_PTR);
const IrHelper arm_vfp_f64_to_f32_desc =
    IR_HELPER(fpu_f64_to_f32, ARM_HF_FPU, IR_HT_I32, IR_HT_I64, IR_HT_PTR);
const IrHelper arm_vfp_int_to_float_desc[2][2] = {
    {
        IR_HELPER(fpu_u32_to_f32, ARM_HF_FPU, IR_HT_I32, IR_HT_I32,
                  IR_HT_PTR),
        IR_HELPER(fpu_i32_to_f32, ARM_HF_FPU, IR_HT_I32, IR_HT_I32,
                  IR_HT_PTR),
    },
    {
        IR_HELPER(fpu_u32_to_f64, ARM_HF_FPU, IR_HT_I64, IR_HT_I32,
                  IR_HT_PTR),
        IR_HELPER(fpu_i32_to_f64, ARM_HF_FPU, IR_HT_I64, IR_HT_I32,
                  IR_HT_PTR),
    },
};
const IrHelper arm_vfp_float_to_int_desc[2][2][2] = {
    {
        {
            IR_HELPER(fpu_f32_to_u32, ARM_HF_FPU, IR_HT_I32, IR_HT_I32,
                      IR_HT_PTR),
            IR_HELPER(fpu_f32_to_u32_trunc, ARM_HF_FPU, IR_HT_I32, IR_HT_I32,
                      IR_HT_PTR),
        },
        {
            IR_HELPER(fpu_f32_to_i32, ARM_HF_FPU, IR_HT_I32, IR_HT_I32,
                      IR_HT_PTR),
            IR_HELPER(fpu_f32_to_i32_trunc, ARM_HF_FPU, IR_HT_I32, IR_HT_I32,
                      IR_HT_PTR),
        },
    },
    {
        {
            IR_HELPER(fpu_f64_to_u32, ARM_HF_FPU, IR_HT_I32, IR_HT_I64,
                      IR_HT_PTR),
            IR_HELPER(fpu_f64_to_u32_trunc, ARM_HF_FPU, IR_HT_I32, IR_HT_I64,
                      IR_HT_PTR),
        },
        {
            IR_HELPER(fpu_f64_to_i32, ARM_HF_FPU, IR_HT_I32, IR_HT_I64,
                      IR_HT_PTR),
            IR_HELPER(fpu_f64_to_i32_trunc, ARM_HF_FPU, IR_HT_I32, IR_HT_I64,
                      IR_HT_PTR),
        },
    },
};

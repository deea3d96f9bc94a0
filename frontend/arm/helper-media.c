/* frontend/arm/helper-media.c — the ARMv6/v7 media helpers (see
 * helper-media.h): lane arithmetic on halfwords and bytes with the GE
 * flags, saturation with the sticky Q flag. GE and Q are not global
 * temps, so these helpers touch no global.
 */
#include "helper-media.h"

#include <stdint.h>

static int32_t media_lane(uint32_t v, unsigned pos, unsigned width,
                          bool is_signed)
{
    uint32_t x = (v >> pos) & ((1u << width) - 1);

    if (is_signed && (x >> (width - 1))) {
        return (int32_t)x - (int32_t)(1u << width);
    }
    return (int32_t)x;
}

uint32_t arm_helper_paddsub(CpuCommon *cpu, uint32_t a, uint32_t b,
                            uint32_t op)
{
    ArmState *env = (ArmState *)cpu;
    unsigned op1 = op >> 3, op2 = op & 7;
    bool is_signed = op1 < 4;
    unsigned kind = op1 & 3;    /* 1 modular + GE, 2 saturating, 3 halving */
    unsigned width = op2 >= 4 ? 8 : 16, lanes = 32 / width;
    uint32_t res = 0, ge = 0;

    for (unsigned i = 0; i < lanes; i++) {
        unsigned pos = i * width, bpos = pos;
        bool sub;
        int32_t x, y, r;

        switch (op2) {
        case 1:     /* ASX: lo = a.lo - b.hi, hi = a.hi + b.lo */
            sub = i == 0;
            bpos = 16 - pos;
            break;
        case 2:     /* SAX: lo = a.lo + b.hi, hi = a.hi - b.lo */
            sub = i == 1;
            bpos = 16 - pos;
            break;
        case 3: case 7:
            sub = true;
            break;
        default:
            sub = false;
            break;
        }
        x = media_lane(a, pos, width, is_signed);
        y = media_lane(b, bpos, width, is_signed);
        r = sub ? x - y : x + y;
        if (kind == 1) {
            bool g;
            if (is_signed || sub) {
                g = r >= 0;
            } else {
                g = r >= (int32_t)(1u << width);
            }
            if (g) {
                ge |= (width == 16 ? 3u : 1u) << (pos / 8);
            }
        } else if (kind == 2) {
            int32_t lo = is_signed ? -(int32_t)(1u << (width - 1)) : 0;
            int32_t hi = is_signed ? (int32_t)(1u << (width - 1)) - 1
                                   : (int32_t)(1u << width) - 1;
            r = r < lo ? lo : r > hi ? hi : r;
        } else {
            r >>= 1;
        }
        res |= ((uint32_t)r & ((1u << width) - 1)) << pos;
    }
    if (kind == 1) {
        env->GE = ge;
    }
    return res;
}

uint32_t arm_helper_sel(CpuCommon *cpu, uint32_t a, uint32_t b)
{
    uint32_t ge = ((ArmState *)cpu)->GE, mask = 0;

    for (unsigned i = 0; i < 4; i++) {
        if (ge & (1u << i)) {
            mask |= 0xffu << (8 * i);
        }
    }
    return (a & mask) | (b & ~mask);
}

static int32_t media_ssat(ArmState *env, int64_t v, unsigned bits)
{
    int64_t hi = ((int64_t)1 << (bits - 1)) - 1, lo = -hi - 1;

    if (v > hi) {
        env->QF = 1;
        return (int32_t)hi;
    }
    if (v < lo) {
        env->QF = 1;
        return (int32_t)lo;
    }
    return (int32_t)v;
}

static uint32_t media_usat(ArmState *env, int64_t v, unsigned bits)
{
    int64_t hi = ((int64_t)1 << bits) - 1;

    if (v > hi) {
        env->QF = 1;
        return (uint32_t)hi;
    }
    if (v < 0) {
        env->QF = 1;
        return 0;
    }
    return (uint32_t)v;
}

uint32_t arm_helper_ssat(CpuCommon *cpu, uint32_t v, uint32_t bits)
{
    return (uint32_t)media_ssat((ArmState *)cpu, (int32_t)v, bits);
}

uint32_t arm_helper_usat(CpuCommon *cpu, uint32_t v, uint32_t bits)
{
    return media_usat((ArmState *)cpu, (int32_t)v, bits);
}

uint32_t arm_helper_ssat16(CpuCommon *cpu, uint32_t v, uint32_t bits)
{
    ArmState *env = (ArmState *)cpu;
    uint32_t lo = (uint32_t)media_ssat(env, (int16_t)v, bits) & 0xffff;
    uint32_t hi = (uint32_t)media_ssat(env, (int16_t)(v >> 16), bits);

    return lo | hi << 16;
}

uint32_t arm_helper_usat16(CpuCommon *cpu, uint32_t v, uint32_t bits)
{
    ArmState *env = (ArmState *)cpu;
    uint32_t lo = media_usat(env, (int16_t)v, bits);
    uint32_t hi = media_usat(env, (int16_t)(v >> 16), bits);

    return lo | hi << 16;
}

uint32_t arm_helper_smlad(CpuCommon *cpu, uint32_t n, uint32_t m,
                          uint32_t acc, uint32_t flags)
{
    int64_t p1 = (int64_t)(int16_t)n * (int16_t)m;
    int64_t p2 = (int64_t)(int16_t)(n >> 16) * (int16_t)(m >> 16);
    int64_t r = ((flags & 1) ? p1 - p2 : p1 + p2) + (int32_t)acc;

    if (r != (int32_t)r) {
        ((ArmState *)cpu)->QF = 1;
    }
    return (uint32_t)r;
}

uint32_t arm_helper_usad8(uint32_t a, uint32_t b)
{
    uint32_t sum = 0;

    for (unsigned i = 0; i < 32; i += 8) {
        int32_t x = (int32_t)((a >> i) & 0xff) - (int32_t)((b >> i) & 0xff);
        sum += (uint32_t)(x < 0 ? -x : x);
    }
    return sum;
}

uint32_t arm_helper_rbit(uint32_t v)
{
    uint32_t r = 0;

    for (unsigned i = 0; i < 32; i++) {
        r |= ((v >> i) & 1) << (31 - i);
    }
    return r;
}

#define ARM_HF_STATE (IR_HF_NO_READ_GLOBALS | IR_HF_NO_WRITE_GLOBALS)

const IrHelper arm_helper_paddsub_desc =
    IR_HELPER(arm_helper_paddsub, ARM_HF_STATE, IR_HT_I32, IR_HT_PTR,
              IR_HT_I32, IR_HT_I32, IR_HT_I32);
const IrHelper arm_helper_sel_desc =
    IR_HELPER(arm_helper_sel, ARM_HF_STATE, IR_HT_I32, IR_HT_PTR, IR_HT_I32,
              IR_HT_I32);
const IrHelper arm_helper_ssat_desc =
    IR_HELPER(arm_helper_ssat, ARM_HF_STATE, IR_HT_I32, IR_HT_PTR, IR_HT_I32,
              IR_HT_I32);
const IrHelper arm_helper_usat_desc =
    IR_HELPER(arm_helper_usat, ARM_HF_STATE, IR_HT_I32, IR_HT_PTR, IR_HT_I32,
              IR_HT_I32);
const IrHelper arm_helper_ssat16_desc =
    IR_HELPER(arm_helper_ssat16, ARM_HF_STATE, IR_HT_I32, IR_HT_PTR,
              IR_HT_I32, IR_HT_I32);
const IrHelper arm_helper_usat16_desc =
    IR_HELPER(arm_helper_usat16, ARM_HF_STATE, IR_HT_I32, IR_HT_PTR,
              IR_HT_I32, IR_HT_I32);
const IrHelper arm_helper_smlad_desc =
    IR_HELPER(arm_helper_smlad, ARM_HF_STATE, IR_HT_I32, IR_HT_PTR,
              IR_HT_I32, IR_HT_I32, IR_HT_I32, IR_HT_I32);
const IrHelper arm_helper_usad8_desc =
    IR_HELPER(arm_helper_usad8, IR_HF_PURE, IR_HT_I32, IR_HT_I32, IR_HT_I32);
const IrHelper arm_helper_rbit_desc =
    IR_HELPER(arm_helper_rbit, IR_HF_PURE, IR_HT_I32, IR_HT_I32);

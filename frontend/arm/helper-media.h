/* frontend/arm/helper-media.h — C helpers of the ARMv6/v7 media
 * instructions (parallel add/subtract with GE, SEL, saturation, dual
 * multiplies, sum of absolute differences, RBIT), each with its IrHelper
 * descriptor. Shared by the ARM and Thumb-2 translators.
 */
#ifndef EMU_FRONTEND_ARM_HELPER_MEDIA_H
#define EMU_FRONTEND_ARM_HELPER_MEDIA_H

#include <stdint.h>

#include "core/helper.h"
#include "cpu.h"

/* The parallel add/subtract family (ARM ARM A5.4.1 / A6.3.13): op is
 * op1 << 3 | op2 of the ARM encoding (op1: 1 S, 2 Q, 3 SH, 5 U, 6 UQ,
 * 7 UH; op2: 0 ADD16, 1 ASX, 2 SAX, 3 SUB16, 4 ADD8, 7 SUB8). The S and U
 * forms set GE. */
uint32_t arm_helper_paddsub(CpuCommon *cpu, uint32_t a, uint32_t b,
                            uint32_t op);
/* SEL: each byte from a where its GE bit is set, else from b. */
uint32_t arm_helper_sel(CpuCommon *cpu, uint32_t a, uint32_t b);
/* Saturation to `bits` (SSAT: 1..32 signed, USAT: 0..31 unsigned; the
 * 16 forms per halfword with 1..16 / 0..15); Q set on saturation. */
uint32_t arm_helper_ssat(CpuCommon *cpu, uint32_t v, uint32_t bits);
uint32_t arm_helper_usat(CpuCommon *cpu, uint32_t v, uint32_t bits);
uint32_t arm_helper_ssat16(CpuCommon *cpu, uint32_t v, uint32_t bits);
uint32_t arm_helper_usat16(CpuCommon *cpu, uint32_t v, uint32_t bits);
/* SMLAD/SMLSD/SMUAD/SMUSD (m already swapped for X): n.lo * m.lo +/-
 * n.hi * m.hi + acc; flags bit 0: subtract. Q set when the exact sum
 * does not fit 32 bits. */
uint32_t arm_helper_smlad(CpuCommon *cpu, uint32_t n, uint32_t m,
                          uint32_t acc, uint32_t flags);
uint32_t arm_helper_usad8(uint32_t a, uint32_t b);
uint32_t arm_helper_rbit(uint32_t v);

extern const IrHelper arm_helper_paddsub_desc;
extern const IrHelper arm_helper_sel_desc;
extern const IrHelper arm_helper_ssat_desc;
extern const IrHelper arm_helper_usat_desc;
extern const IrHelper arm_helper_ssat16_desc;
extern const IrHelper arm_helper_usat16_desc;
extern const IrHelper arm_helper_smlad_desc;
extern const IrHelper arm_helper_usad8_desc;
extern const IrHelper arm_helper_rbit_desc;

#endif

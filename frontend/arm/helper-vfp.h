/* frontend/arm/helper-vfp.h — the helpers VFP instructions call: most are
 * core/fpu functions called directly with &ArmState.vfp_status (their
 * descriptors are here), the rest (compares into FPSCR.NZCV, FPSCR access,
 * fixed point, half precision) are small C functions in helper-vfp.c.
 */
#ifndef EMU_FRONTEND_ARM_HELPER_VFP_H
#define EMU_FRONTEND_ARM_HELPER_VFP_H

#include <stdbool.h>
#include <stdint.h>

#include "core/fpu/fpu.h"
#include "core/helper.h"
#include "cpu.h"

/* VCMP/VCMPE: FPSCR.NZCV from comparing a with b (e: signalling). */
void arm_helper_vfp_cmp_s(CpuCommon *cpu, uint32_t a, uint32_t b, uint32_t e);
void arm_helper_vfp_cmp_d(CpuCommon *cpu, uint64_t a, uint64_t b, uint32_t e);
uint32_t arm_helper_vfp_fpscr_read(CpuCommon *cpu);
void arm_helper_vfp_fpscr_write(CpuCommon *cpu, uint32_t val);
/* VFMA family: a * b + c, one rounding, ARM NaN order (c, a, b). */
uint32_t arm_helper_vfp_muladd_s(uint32_t a, uint32_t b, uint32_t c,
                                 FpuStatus *st);
uint64_t arm_helper_vfp_muladd_d(uint64_t a, uint64_t b, uint64_t c,
                                 FpuStatus *st);
/* Fixed-point VCVT (A8.8.309). shape: fbits in bits 7:0, the integer
 * size (16 or 32) in bits 15:8, bit 16 set for unsigned. To fixed rounds
 * toward zero and returns the result sign- or zero-extended; from fixed
 * reads the low `size` bits and rounds to nearest whatever FPSCR.RMode
 * says (FixedToFP with round_nearest in the pseudocode). */
uint32_t arm_helper_vfp_tofix_s(uint32_t a, uint32_t shape, FpuStatus *st);
uint64_t arm_helper_vfp_tofix_d(uint64_t a, uint32_t shape, FpuStatus *st);
uint32_t arm_helper_vfp_fromfix_s(uint32_t v, uint32_t shape, FpuStatus *st);
uint64_t arm_helper_vfp_fromfix_d(uint64_t v, uint32_t shape, FpuStatus *st);
/* VCVTB/VCVTT (VFPv3-fp16): half <-> single with FPSCR.AHP and DN; the
 * half-precision side is never flushed (FZ applies to the single). */
uint32_t arm_helper_vfp_f16_to_f32(CpuCommon *cpu, uint32_t h);
uint32_t arm_helper_vfp_f32_to_f16(CpuCommon *cpu, uint32_t f);

/* Pure bit-level functions behind the half-precision helpers, for tests. */
uint32_t arm_vfp_f16_to_f32(uint32_t h, bool ahp, FpuStatus *st);
uint32_t arm_vfp_f32_to_f16(uint32_t f, bool ahp, FpuStatus *st);

extern const IrHelper arm_helper_vfp_cmp_s_desc;
extern const IrHelper arm_helper_vfp_cmp_d_desc;
extern const IrHelper arm_helper_vfp_fpscr_read_desc;
extern const IrHelper arm_helper_vfp_fpscr_write_desc;
extern const IrHelper arm_helper_vfp_tofix_s_desc;
extern const IrHelper arm_helper_vfp_tofix_d_desc;
extern const IrHelper arm_helper_vfp_fromfix_s_desc;
extern const IrHelper arm_helper_vfp_fromfix_d_desc;
extern const IrHelper arm_helper_vfp_f16_to_f32_desc;
extern const IrHelper arm_helper_vfp_f32_to_f16_desc;

/* core/fpu functions called directly: [0] single, [1] double. */
extern const IrHelper arm_vfp_add_desc[2];
extern const IrHelper arm_vfp_sub_desc[2];
extern const IrHelper arm_vfp_mul_desc[2];
extern const IrHelper arm_vfp_div_desc[2];
extern const IrHelper arm_vfp_sqrt_desc[2];
/* a * b + c: arm_helper_vfp_muladd_s/_d. */
extern const IrHelper arm_vfp_muladd_desc[2];
/* f32 -> f64 and f64 -> f32. */
extern const IrHelper arm_vfp_f32_to_f64_desc;
extern const IrHelper arm_vfp_f64_to_f32_desc;
/* Integer -> float: [sz][signed]. */
extern const IrHelper arm_vfp_int_to_float_desc[2][2];
/* Float -> integer: [sz][signed][round toward zero]. */
extern const IrHelper arm_vfp_float_to_int_desc[2][2][2];

#endif

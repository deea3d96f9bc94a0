/* frontend/mips/fpu_helper.h — the MIPS FPU's arithmetic as C helpers on
 * core/fpu: each reads its operands from the FR = 0 register file, runs
 * under fcr31's rounding mode and flush bit, sets fcr31's cause bits and
 * either raises MIPS_EXCP_FPE (an enabled exception: the destination is
 * not written) or accumulates the flags and writes the result.
 */
#ifndef EMU_FRONTEND_MIPS_FPU_HELPER_H
#define EMU_FRONTEND_MIPS_FPU_HELPER_H

#include <stdint.h>

#include "core/helper.h"
#include "cpu.h"

/* Operand formats (the fmt field). */
enum { MIPS_FMT_S = 16, MIPS_FMT_D = 17, MIPS_FMT_W = 20, MIPS_FMT_L = 21 };

/* mips_helper_fp operations. */
enum {
    MIPS_FP_ADD, MIPS_FP_SUB, MIPS_FP_MUL, MIPS_FP_DIV,
    MIPS_FP_SQRT, MIPS_FP_RECIP, MIPS_FP_RSQRT,
    MIPS_FP_CVT_S, MIPS_FP_CVT_D,
    /* to W / L in fcr31's mode, or in the mode of ROUND/TRUNC/CEIL/FLOOR */
    MIPS_FP_CVT_W, MIPS_FP_CVT_L,
    MIPS_FP_ROUND_L, MIPS_FP_TRUNC_L, MIPS_FP_CEIL_L, MIPS_FP_FLOOR_L,
    MIPS_FP_ROUND_W, MIPS_FP_TRUNC_W, MIPS_FP_CEIL_W, MIPS_FP_FLOOR_W,
};

/* fd = op(fs, ft) in format fmt (the source format for conversions). */
void mips_helper_fp(CpuCommon *cpu, uint32_t op, uint32_t fmt, uint32_t fd,
                    uint32_t fs, uint32_t ft);
/* C.cond.fmt: condition code cc = cond(fs, ft) (cond: the 4-bit field). */
void mips_helper_fcmp(CpuCommon *cpu, uint32_t fmt, uint32_t cond,
                      uint32_t cc, uint32_t fs, uint32_t ft);
/* MADD/MSUB/NMADD/NMSUB.fmt (op 4..7 of the COP1X encoding, fmt 0 S or
 * 1 D): fd = ±(fs * ft ± fr), rounded after the product and after the
 * sum as release 2 cores do. */
void mips_helper_fmadd(CpuCommon *cpu, uint32_t op_fmt, uint32_t fd,
                       uint32_t fr, uint32_t fs, uint32_t ft);

extern const IrHelper mips_helper_fp_desc;
extern const IrHelper mips_helper_fcmp_desc;
extern const IrHelper mips_helper_fmadd_desc;

#endif

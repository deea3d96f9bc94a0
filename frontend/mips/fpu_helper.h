/* frontend/mips/fpu_helper.h — the MIPS FPU's arithmetic as C helpers on
 * core/fpu: each reads its operands from register slots (cpu.h), runs
 * under FCSR's rounding mode and flush bit and writes its result. With no
 * exception enabled the cause bits are kept lazily (the operation and its
 * operands are recorded, FCSR reads recompute them); with one enabled they
 * are computed at once and an enabled cause raises MIPS_EXCP_FPE before
 * the destination or the flags change.
 */
#ifndef EMU_FRONTEND_MIPS_FPU_HELPER_H
#define EMU_FRONTEND_MIPS_FPU_HELPER_H

#include <stdint.h>

#include "core/helper.h"
#include "cpu.h"

/* Operand formats (the fmt field). */
enum { MIPS_FMT_S = 16, MIPS_FMT_D = 17, MIPS_FMT_W = 20, MIPS_FMT_L = 21 };

/* Operations. */
enum {
    MIPS_FP_ADD = 1, MIPS_FP_SUB, MIPS_FP_MUL, MIPS_FP_DIV,
    MIPS_FP_SQRT, MIPS_FP_RECIP, MIPS_FP_RSQRT,
    MIPS_FP_CVT_S, MIPS_FP_CVT_D,
    /* to W / L in FCSR's mode, or in the mode of ROUND/TRUNC/CEIL/FLOOR */
    MIPS_FP_CVT_W, MIPS_FP_CVT_L,
    MIPS_FP_ROUND_L, MIPS_FP_TRUNC_L, MIPS_FP_CEIL_L, MIPS_FP_FLOOR_L,
    MIPS_FP_ROUND_W, MIPS_FP_TRUNC_W, MIPS_FP_CEIL_W, MIPS_FP_FLOOR_W,
    /* C.cond.fmt: x = the 4-bit cond field */
    MIPS_FP_CMP,
    /* MADD/MSUB/NMADD/NMSUB: x = 4..7 (the op field of COP1X + 4) */
    MIPS_FP_MADD,
};

/* An operation id: the operation, the (source) format, and x. Never 0. */
static inline uint32_t mips_fp_id(uint32_t op, uint32_t fmt, uint32_t x)
{
    return op | fmt << 8 | x << 16;
}

/* The helpers, one set per TB kind (below). */
enum {
    MIPS_FPH_GENERIC,   /* (env, id, fd, fs, ft, fr); for C.cond fd = cc */
    MIPS_FPH_ADD_S, MIPS_FPH_SUB_S, MIPS_FPH_MUL_S, MIPS_FPH_DIV_S,
    MIPS_FPH_ADD_D, MIPS_FPH_SUB_D, MIPS_FPH_MUL_D, MIPS_FPH_DIV_D,
                        /* (env, fd, fs, ft) */
    MIPS_FPH_CMP_S, MIPS_FPH_CMP_D,     /* (env, cond | cc << 4, fs, ft) */
    MIPS_FPH_COUNT
};

/* mips_fp_helpers[fpe][MIPS_FPH_*]: the same functions declared never to
 * raise (fpe 0: no exception enabled, the TB flag MIPS_TBFLAG_FPE clear,
 * which CTC1 keeps true by ending its block) or to raise (fpe 1). None
 * reads or writes a global. */
extern const IrHelper mips_fp_helpers[2][MIPS_FPH_COUNT];

#endif

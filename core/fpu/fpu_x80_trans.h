/* core/fpu/fpu_x80_trans.h — the x87 transcendental instructions on
 * floatx80 (fpu_x80_trans.c): F2XM1, FYL2X, FYL2XP1, FPATAN, FSIN, FCOS,
 * FSINCOS, FPTAN, computed with ~125-bit intermediates and rounded once.
 */
#ifndef EMU_CORE_FPU_X80_TRANS_H
#define EMU_CORE_FPU_X80_TRANS_H

#include <stdbool.h>

#include "core/fpu/fpu.h"

/* Every function rounds to 64 bits in st->rounding (precision control
 * does not apply to these instructions, Intel SDM 8.1.5.2), raises the
 * flags the x87 raises (invalid, divide-by-zero for log of zero,
 * denormal operand, underflow, overflow, inexact) and follows the x87
 * NaN rule. `round_up` (may be NULL) receives whether the result was
 * rounded away from zero (the x87 C1 bit). */

/* F2XM1: 2^a - 1 (defined for -1 <= a <= 1; computed for any a). */
FpuX80 fpu_x80_f2xm1(FpuX80 a, FpuStatus *st, bool *round_up);
/* FYL2X: y * log2(x). */
FpuX80 fpu_x80_yl2x(FpuX80 x, FpuX80 y, FpuStatus *st, bool *round_up);
/* FYL2XP1: y * log2(x + 1). */
FpuX80 fpu_x80_yl2xp1(FpuX80 x, FpuX80 y, FpuStatus *st, bool *round_up);
/* FPATAN: atan2(y, x) (ST(1) = y, ST(0) = x), in [-pi, pi]. */
FpuX80 fpu_x80_atan2(FpuX80 y, FpuX80 x, FpuStatus *st, bool *round_up);
/* FSIN / FCOS / FSINCOS / FPTAN of a: returns false, touching nothing,
 * when |a| >= 2^63 (the x87 sets C2 and leaves the operand). Any of the
 * outputs may be NULL; round_up bits: 1 for sin/tan, 2 for cos. */
bool fpu_x80_sincos(FpuX80 a, FpuX80 *sin_out, FpuX80 *cos_out,
                    FpuStatus *st, unsigned *round_up);
bool fpu_x80_tan(FpuX80 a, FpuX80 *out, FpuStatus *st, bool *round_up);

#endif

/* core/fpu/fpu.h — exact IEEE 754 soft-float (f32, f64, x87 floatx80) for
 * guest FPU helpers. All guest-visible behaviour (rounding, flags, flushing,
 * NaN rules) is data in an FpuStatus the frontend keeps in its CPU state.
 */
#ifndef EMU_CORE_FPU_H
#define EMU_CORE_FPU_H

#include <stdbool.h>
#include <stdint.h>

/* Rounding modes (FpuStatus.rounding). */
enum {
    FPU_ROUND_NEAREST_EVEN = 0,
    FPU_ROUND_ZERO = 1,
    FPU_ROUND_UP = 2,              /* toward +inf */
    FPU_ROUND_DOWN = 3,            /* toward -inf */
    FPU_ROUND_NEAREST_AWAY = 4,    /* ties away from zero */
};

/* Accumulated flags (FpuStatus.flags); the library only ever ORs them in. */
enum {
    FPU_FLAG_INVALID = 1u << 0,
    FPU_FLAG_DIVBYZERO = 1u << 1,
    FPU_FLAG_OVERFLOW = 1u << 2,
    FPU_FLAG_UNDERFLOW = 1u << 3,
    FPU_FLAG_INEXACT = 1u << 4,
    FPU_FLAG_INPUT_FLUSHED = 1u << 5,  /* a denormal input was flushed (ARM IDC) */
    FPU_FLAG_DENORMAL = 1u << 6,       /* a denormal input was used (x86 DE) */
};

/* Which NaN an operation returns when inputs are NaNs (FpuStatus.nan_rule).
 * The chosen NaN is quieted; with snan_bit_is_one quieting an SNaN gives the
 * default NaN (MIPS legacy). default_nan overrides all rules (ARM DN). */
enum {
    /* ARM, MIPS: the first SNaN in operand order, else the first QNaN.
     * Default NaN is positive (0x7fc00000). */
    FPU_NAN_RULE_SNAN_FIRST = 0,
    /* x86 SSE: the first NaN operand, signalling or not. Default NaN is the
     * negative "indefinite" (0xffc00000). */
    FPU_NAN_RULE_FIRST_OPERAND = 1,
    /* x87: a QNaN beats an SNaN; of two of a kind, the larger significand
     * (then the positive one, then the first). Default NaN is negative. */
    FPU_NAN_RULE_X87 = 2,
};

/* Result of a float -> integer conversion that is NaN or out of range
 * (FpuStatus.int_overflow); the invalid flag is raised in every case. */
enum {
    FPU_INTOV_SATURATE = 0,   /* IEEE/ARM/MIPS2008: clamp; NaN gives 0 */
    FPU_INTOV_INDEFINITE = 1, /* x86: INT_MIN of the width (all ones unsigned) */
    FPU_INTOV_MAX = 2,        /* MIPS legacy: INT_MAX of the width */
};

/* Comparison results. */
enum {
    FPU_CMP_LESS = 0,
    FPU_CMP_EQUAL = 1,
    FPU_CMP_GREATER = 2,
    FPU_CMP_UNORDERED = 3,
};

/* Flags for the fused multiply-add functions. */
enum {
    FPU_MULADD_NEGATE_PRODUCT = 1u << 0,
    FPU_MULADD_NEGATE_ADDEND = 1u << 1,
    FPU_MULADD_NEGATE_RESULT = 1u << 2,
};

typedef struct FpuStatus {
    uint8_t rounding;            /* FPU_ROUND_* */
    uint8_t flags;               /* FPU_FLAG_* accumulated */
    uint8_t nan_rule;            /* FPU_NAN_RULE_* */
    uint8_t int_overflow;        /* FPU_INTOV_* */
    uint8_t floatx80_precision;  /* 24, 53 or 64 (0 means 64): x87 PC */
    bool flush_outputs;          /* tiny results become zero (ARM FZ, x86 FTZ) */
    bool flush_inputs;           /* denormal inputs read as zero (ARM FZ, x86 DAZ) */
    bool flush_sets_inexact;     /* an output flush also raises inexact (x86) */
    bool default_nan;            /* every NaN result is the default NaN (ARM DN) */
    bool tininess_before;        /* tininess before rounding (ARM, MIPS) */
    bool snan_bit_is_one;        /* MIPS legacy NaN encoding */
    bool muladd_addend_nan_first;/* muladd NaN order c,a,b (ARM) not a,b,c */
    bool muladd_inf_zero_nan_invalid; /* inf*0+QNaN raises invalid (ARM, x86) */
} FpuStatus;

/* Presets: zero the struct and set the guest's fixed rules; flags cleared,
 * round to nearest, no flushing. */
void fpu_status_init_arm(FpuStatus *st);
void fpu_status_init_x86_sse(FpuStatus *st);
void fpu_status_init_x87(FpuStatus *st);
void fpu_status_init_mips(FpuStatus *st, bool nan2008);

/* The default NaN of the status for each format. */
uint32_t fpu_f32_default_nan(const FpuStatus *st);
uint64_t fpu_f64_default_nan(const FpuStatus *st);

/* ---- f32 (IEEE binary32 as bits) ---- */
uint32_t fpu_f32_add(uint32_t a, uint32_t b, FpuStatus *st);
uint32_t fpu_f32_sub(uint32_t a, uint32_t b, FpuStatus *st);
uint32_t fpu_f32_mul(uint32_t a, uint32_t b, FpuStatus *st);
uint32_t fpu_f32_div(uint32_t a, uint32_t b, FpuStatus *st);
uint32_t fpu_f32_sqrt(uint32_t a, FpuStatus *st);
/* a*b + c with one rounding; NaN operand order per the status. */
uint32_t fpu_f32_muladd(uint32_t a, uint32_t b, uint32_t c, unsigned flags,
                        FpuStatus *st);
uint32_t fpu_f32_rem(uint32_t a, uint32_t b, FpuStatus *st);  /* IEEE remainder */
uint32_t fpu_f32_scalbn(uint32_t a, int32_t n, FpuStatus *st);
/* Round to an integral value in mode; inexact raised only if signal_inexact. */
uint32_t fpu_f32_round_to_int(uint32_t a, unsigned mode, bool signal_inexact,
                              FpuStatus *st);
/* min/max: NaN operands propagate per the NaN rule, -0 < +0 (ARM VMIN/VMAX,
 * IEEE 754-2019 minimum/maximum). */
uint32_t fpu_f32_min(uint32_t a, uint32_t b, FpuStatus *st);
uint32_t fpu_f32_max(uint32_t a, uint32_t b, FpuStatus *st);
/* minNum/maxNum of IEEE 754-2008: a quiet NaN loses to a number
 * (ARM VMINNM/VMAXNM, MIPS R6 MIN.fmt). */
uint32_t fpu_f32_minnum(uint32_t a, uint32_t b, FpuStatus *st);
uint32_t fpu_f32_maxnum(uint32_t a, uint32_t b, FpuStatus *st);
/* x86 MINSS/MAXSS: (a < b) ? a : b, else b (any NaN, or equal incl. ±0);
 * invalid on any NaN. */
uint32_t fpu_f32_min_x86(uint32_t a, uint32_t b, FpuStatus *st);
uint32_t fpu_f32_max_x86(uint32_t a, uint32_t b, FpuStatus *st);
/* FPU_CMP_*; signaling: invalid on any NaN, else only on SNaN. */
int fpu_f32_compare(uint32_t a, uint32_t b, bool signaling, FpuStatus *st);

/* ---- f64 ---- */
uint64_t fpu_f64_add(uint64_t a, uint64_t b, FpuStatus *st);
uint64_t fpu_f64_sub(uint64_t a, uint64_t b, FpuStatus *st);
uint64_t fpu_f64_mul(uint64_t a, uint64_t b, FpuStatus *st);
uint64_t fpu_f64_div(uint64_t a, uint64_t b, FpuStatus *st);
uint64_t fpu_f64_sqrt(uint64_t a, FpuStatus *st);
uint64_t fpu_f64_muladd(uint64_t a, uint64_t b, uint64_t c, unsigned flags,
                        FpuStatus *st);
uint64_t fpu_f64_rem(uint64_t a, uint64_t b, FpuStatus *st);
uint64_t fpu_f64_scalbn(uint64_t a, int32_t n, FpuStatus *st);
uint64_t fpu_f64_round_to_int(uint64_t a, unsigned mode, bool signal_inexact,
                              FpuStatus *st);
uint64_t fpu_f64_min(uint64_t a, uint64_t b, FpuStatus *st);
uint64_t fpu_f64_max(uint64_t a, uint64_t b, FpuStatus *st);
uint64_t fpu_f64_minnum(uint64_t a, uint64_t b, FpuStatus *st);
uint64_t fpu_f64_maxnum(uint64_t a, uint64_t b, FpuStatus *st);
uint64_t fpu_f64_min_x86(uint64_t a, uint64_t b, FpuStatus *st);
uint64_t fpu_f64_max_x86(uint64_t a, uint64_t b, FpuStatus *st);
int fpu_f64_compare(uint64_t a, uint64_t b, bool signaling, FpuStatus *st);

/* ---- classification (pure functions of the bits) ---- */
bool fpu_f32_is_nan(uint32_t a);
bool fpu_f32_is_snan(uint32_t a, const FpuStatus *st);
bool fpu_f32_is_inf(uint32_t a);
bool fpu_f32_is_zero(uint32_t a);
bool fpu_f32_is_denormal(uint32_t a);
bool fpu_f64_is_nan(uint64_t a);
bool fpu_f64_is_snan(uint64_t a, const FpuStatus *st);
bool fpu_f64_is_inf(uint64_t a);
bool fpu_f64_is_zero(uint64_t a);
bool fpu_f64_is_denormal(uint64_t a);
/* The quiet form of a NaN (default NaN if it cannot be quieted). */
uint32_t fpu_f32_silence_nan(uint32_t a, const FpuStatus *st);
uint64_t fpu_f64_silence_nan(uint64_t a, const FpuStatus *st);

/* ---- conversions (fpu_convert.c) ---- */
uint64_t fpu_f32_to_f64(uint32_t a, FpuStatus *st);
uint32_t fpu_f64_to_f32(uint64_t a, FpuStatus *st);
/* Float -> integer in an explicit mode (FPU_ROUND_*); NaN/overflow follow
 * st->int_overflow. The _trunc names round toward zero, the plain names use
 * st->rounding. */
int32_t fpu_f32_to_i32_mode(uint32_t a, unsigned mode, FpuStatus *st);
uint32_t fpu_f32_to_u32_mode(uint32_t a, unsigned mode, FpuStatus *st);
int64_t fpu_f32_to_i64_mode(uint32_t a, unsigned mode, FpuStatus *st);
uint64_t fpu_f32_to_u64_mode(uint32_t a, unsigned mode, FpuStatus *st);
int32_t fpu_f64_to_i32_mode(uint64_t a, unsigned mode, FpuStatus *st);
uint32_t fpu_f64_to_u32_mode(uint64_t a, unsigned mode, FpuStatus *st);
int64_t fpu_f64_to_i64_mode(uint64_t a, unsigned mode, FpuStatus *st);
uint64_t fpu_f64_to_u64_mode(uint64_t a, unsigned mode, FpuStatus *st);
int32_t fpu_f32_to_i32(uint32_t a, FpuStatus *st);
uint32_t fpu_f32_to_u32(uint32_t a, FpuStatus *st);
int64_t fpu_f32_to_i64(uint32_t a, FpuStatus *st);
uint64_t fpu_f32_to_u64(uint32_t a, FpuStatus *st);
int32_t fpu_f64_to_i32(uint64_t a, FpuStatus *st);
uint32_t fpu_f64_to_u32(uint64_t a, FpuStatus *st);
int64_t fpu_f64_to_i64(uint64_t a, FpuStatus *st);
uint64_t fpu_f64_to_u64(uint64_t a, FpuStatus *st);
int32_t fpu_f32_to_i32_trunc(uint32_t a, FpuStatus *st);
uint32_t fpu_f32_to_u32_trunc(uint32_t a, FpuStatus *st);
int64_t fpu_f32_to_i64_trunc(uint32_t a, FpuStatus *st);
uint64_t fpu_f32_to_u64_trunc(uint32_t a, FpuStatus *st);
int32_t fpu_f64_to_i32_trunc(uint64_t a, FpuStatus *st);
uint32_t fpu_f64_to_u32_trunc(uint64_t a, FpuStatus *st);
int64_t fpu_f64_to_i64_trunc(uint64_t a, FpuStatus *st);
uint64_t fpu_f64_to_u64_trunc(uint64_t a, FpuStatus *st);
/* Integer -> float, rounded per st->rounding. */
uint32_t fpu_i32_to_f32(int32_t v, FpuStatus *st);
uint32_t fpu_u32_to_f32(uint32_t v, FpuStatus *st);
uint32_t fpu_i64_to_f32(int64_t v, FpuStatus *st);
uint32_t fpu_u64_to_f32(uint64_t v, FpuStatus *st);
uint64_t fpu_i32_to_f64(int32_t v, FpuStatus *st);
uint64_t fpu_u32_to_f64(uint32_t v, FpuStatus *st);
uint64_t fpu_i64_to_f64(int64_t v, FpuStatus *st);
uint64_t fpu_u64_to_f64(uint64_t v, FpuStatus *st);
/* Fixed point (ARM VCVT fixed): float * 2^fbits to an integer of `bits`
 * (16/32/64) width, signed or not, in mode; result sign- or zero-extended. */
int64_t fpu_f32_to_fixed(uint32_t a, int fbits, int bits, bool is_signed,
                         unsigned mode, FpuStatus *st);
int64_t fpu_f64_to_fixed(uint64_t a, int fbits, int bits, bool is_signed,
                         unsigned mode, FpuStatus *st);
/* Integer v / 2^fbits to float, rounded per mode (one rounding). */
uint32_t fpu_fixed_to_f32(int64_t v, int fbits, bool is_signed, unsigned mode,
                          FpuStatus *st);
uint64_t fpu_fixed_to_f64(int64_t v, int fbits, bool is_signed, unsigned mode,
                          FpuStatus *st);

/* ---- floatx80: x87 double extended (fpu_x80.c) ---- */
typedef struct FpuX80 {
    uint64_t mant;      /* explicit integer bit at bit 63 */
    uint16_t sign_exp;  /* sign at bit 15, biased exponent (16383) below */
} FpuX80;

/* Arithmetic rounds to st->floatx80_precision bits of significand with the
 * full 15-bit exponent range (x87 precision control). Unnormals, pseudo-NaNs
 * and pseudo-infinities are invalid operands (default NaN); pseudo-denormals
 * are read like denormals (x87 treats their exponent as 1). */
FpuX80 fpu_x80_add(FpuX80 a, FpuX80 b, FpuStatus *st);
FpuX80 fpu_x80_sub(FpuX80 a, FpuX80 b, FpuStatus *st);
FpuX80 fpu_x80_mul(FpuX80 a, FpuX80 b, FpuStatus *st);
FpuX80 fpu_x80_div(FpuX80 a, FpuX80 b, FpuStatus *st);
FpuX80 fpu_x80_sqrt(FpuX80 a, FpuStatus *st);
/* FPREM (truncated quotient, partial when the exponents differ by 64 or
 * more) and FPREM1 (IEEE nearest quotient). *quot gets the quotient's low 3
 * bits (C0=bit2, C3=bit1, C1=bit0 on x87); *incomplete is set when only a
 * partial remainder was formed (C2). */
FpuX80 fpu_x80_fprem(FpuX80 a, FpuX80 b, bool ieee, uint32_t *quot,
                     bool *incomplete, FpuStatus *st);
FpuX80 fpu_x80_round_to_int(FpuX80 a, FpuStatus *st);      /* FRNDINT */
FpuX80 fpu_x80_scale(FpuX80 a, FpuX80 b, FpuStatus *st);   /* FSCALE */
int fpu_x80_compare(FpuX80 a, FpuX80 b, bool signaling, FpuStatus *st);
FpuX80 fpu_f32_to_x80(uint32_t a, FpuStatus *st);
FpuX80 fpu_f64_to_x80(uint64_t a, FpuStatus *st);
uint32_t fpu_x80_to_f32(FpuX80 a, FpuStatus *st);
uint64_t fpu_x80_to_f64(FpuX80 a, FpuStatus *st);
FpuX80 fpu_i64_to_x80(int64_t v, FpuStatus *st);           /* exact */
/* x87 FIST: st->rounding; overflow/NaN give the integer indefinite. */
int16_t fpu_x80_to_i16(FpuX80 a, FpuStatus *st);
int32_t fpu_x80_to_i32(FpuX80 a, FpuStatus *st);
int64_t fpu_x80_to_i64(FpuX80 a, FpuStatus *st);
int64_t fpu_x80_to_i64_trunc(FpuX80 a, FpuStatus *st);     /* FISTTP */
bool fpu_x80_is_nan(FpuX80 a);
bool fpu_x80_is_snan(FpuX80 a);
bool fpu_x80_is_inf(FpuX80 a);
bool fpu_x80_is_zero(FpuX80 a);
FpuX80 fpu_x80_default_nan(void);

#endif

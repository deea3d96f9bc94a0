/* frontend/mips/fpu_helper.c — MIPS FPU arithmetic, compares, conversions
 * and multiply-add on core/fpu, with FCSR semantics of MIPS32 Vol I 6.2:
 * every operation replaces the cause bits; an enabled cause traps before
 * the destination or the flags change; otherwise the flags accumulate.
 * Register operands are slots (cpu.h, mips_fpr_slot: the translator maps
 * register numbers for the FR mode): a 32-bit operand is slot r, a 64-bit
 * one fpr[r >> 1].
 *
 * Speed: with no exception enabled (the usual case) the cumulative flags
 * stay in fp_status and are never cleared by an operation, so once
 * inexact is set core/fpu computes on the host FPU. The cause bits, which
 * need each operation's own flags, are not computed then: the operation
 * id and its operands are recorded, and reading FCSR (CFC1, a signal
 * frame) recomputes the last operation's flags on the soft path.
 */
#include "fpu_helper.h"

#include <stdint.h>
#include <string.h>

/* ---- Register file (slots) -------------------------------------------- */

static inline uint64_t fpr64(const MipsState *env, uint32_t r)
{
    return env->fpr[r >> 1];
}

static inline void set_fpr64(MipsState *env, uint32_t r, uint64_t v)
{
    env->fpr[r >> 1] = v;
}

static uint64_t fp_read(const MipsState *env, uint32_t fmt, uint32_t r)
{
    return fmt == MIPS_FMT_D || fmt == MIPS_FMT_L ? fpr64(env, r)
                                                  : mips_fpr32(env, r);
}

/* ---- Exact host results while inexact is clear ----------------------------
 * core/fpu decides the same exactness out of line (fpu_float.c); this
 * inline copy for the hot operations is kept because it is measurably
 * faster where it matters (mipsel matmul 10: 3.3 s here, 5.4 s through
 * core/fpu's calls): programs that clear the flags, or whose arithmetic
 * stays exact (small integers, halves). For add, sub and mul in round to
 * nearest on normal or zero inputs, the host result is taken here with
 * its exactness decided cheaply: the error term of a sum (Knuth's
 * TwoSum, exact in round to nearest), the bit length of the product of
 * the significands' odd parts. Only a result that is a normal number at
 * least twice the smallest normal (no overflow, no tininess question) or
 * an exact zero is taken; anything else goes to core/fpu. The host runs
 * in round to nearest with no flush modes and evaluates double in its
 * own precision (SSE). */

static inline double as_f64(uint64_t v)
{
    double f;
    memcpy(&f, &v, 8);
    return f;
}

static inline uint64_t f64_bits(double f)
{
    uint64_t v;
    memcpy(&v, &f, 8);
    return v;
}

static inline float as_f32(uint32_t v)
{
    float f;
    memcpy(&f, &v, 4);
    return f;
}

static inline uint32_t f32_bits(float f)
{
    uint32_t v;
    memcpy(&v, &f, 4);
    return v;
}

/* normal or zero */
static inline bool f64_plain(uint64_t a)
{
    return ((a >> 52) & 0x7ff) - 1u < 0x7feu || (a << 1) == 0;
}

static inline bool f32_plain(uint32_t a)
{
    return ((a >> 23) & 0xff) - 1u < 0xfeu || (a << 1) == 0;
}

/* normal with a biased exponent of at least 2 */
static inline bool f64_safe(uint64_t r)
{
    return ((r >> 52) & 0x7ff) - 2u < 0x7fdu;
}

static inline bool f32_safe(uint32_t r)
{
    return ((r >> 23) & 0xff) - 2u < 0xfdu;
}

/* Whether the inexact flag must still be detected and the host may
 * compute: round to nearest, inexact clear. */
static inline bool fp_detect(const FpuStatus *st)
{
    return st->rounding == FPU_ROUND_NEAREST_EVEN &&
           !(st->flags & FPU_FLAG_INEXACT);
}

/* a + b on the host: true when taken (*r, inexact added to st). */
static inline bool f64_host_add(uint64_t a, uint64_t b, uint64_t *r,
                                FpuStatus *st)
{
    double x = as_f64(a), y = as_f64(b), s = x + y, yy, e;

    *r = f64_bits(s);
    if (!f64_safe(*r)) {
        /* a zero from two normals or zeros is exact cancellation */
        return (*r << 1) == 0;
    }
    yy = s - x;
    e = (x - (s - yy)) + (y - yy);
    if (e != 0) {
        st->flags |= FPU_FLAG_INEXACT;
    }
    return true;
}

/* The significand of a normal number without its trailing zeros. */
static inline uint64_t f64_odd_sig(uint64_t a)
{
    uint64_t m = (a & 0x000fffffffffffffull) | 0x0010000000000000ull;
    return m >> __builtin_ctzll(m);
}

static inline bool f64_host_mul(uint64_t a, uint64_t b, uint64_t *r,
                                FpuStatus *st)
{
    uint64_t p;

    *r = f64_bits(as_f64(a) * as_f64(b));
    if ((a << 1) == 0 || (b << 1) == 0) {
        return true;            /* an exact signed zero */
    }
    if (!f64_safe(*r)) {
        return false;
    }
    if (__builtin_mul_overflow(f64_odd_sig(a), f64_odd_sig(b), &p) ||
        p >> 53) {
        st->flags |= FPU_FLAG_INEXACT;
    }
    return true;
}

static uint64_t fp_f64_add(uint64_t a, uint64_t b, FpuStatus *st)
{
    uint64_t r;

    if (fp_detect(st) && f64_plain(a) && f64_plain(b) &&
        f64_host_add(a, b, &r, st)) {
        return r;
    }
    return fpu_f64_add(a, b, st);
}

static uint64_t fp_f64_sub(uint64_t a, uint64_t b, FpuStatus *st)
{
    uint64_t r;

    if (fp_detect(st) && f64_plain(a) && f64_plain(b) &&
        f64_host_add(a, b ^ 0x8000000000000000ull, &r, st)) {
        return r;
    }
    return fpu_f64_sub(a, b, st);
}

static uint64_t fp_f64_mul(uint64_t a, uint64_t b, FpuStatus *st)
{
    uint64_t r;

    if (fp_detect(st) && f64_plain(a) && f64_plain(b) &&
        f64_host_mul(a, b, &r, st)) {
        return r;
    }
    return fpu_f64_mul(a, b, st);
}

/* Single precision through double: the product of two floats is exact in
 * double, so is their sum unless the exponents are far apart (then the
 * double sum's own error term is nonzero and core/fpu decides); one
 * rounding to float then gives the correctly rounded result, inexact
 * when it differs from the exact double. */
static inline bool f32_host_round(double exact, uint32_t *r, FpuStatus *st)
{
    float f = (float)exact;

    *r = f32_bits(f);
    if (!f32_safe(*r)) {
        return (*r << 1) == 0 && exact == 0;
    }
    if ((double)f != exact) {
        st->flags |= FPU_FLAG_INEXACT;
    }
    return true;
}

static uint32_t fp_f32_addsub(uint32_t a, uint32_t b, bool sub, FpuStatus *st)
{
    if (fp_detect(st) && f32_plain(a) && f32_plain(b)) {
        double x = as_f32(a), y = as_f32(sub ? b ^ 0x80000000u : b);
        double s = x + y, yy = s - x;
        uint32_t r;
        if ((x - (s - yy)) + (y - yy) == 0 && f32_host_round(s, &r, st)) {
            return r;
        }
    }
    return sub ? fpu_f32_sub(a, b, st) : fpu_f32_add(a, b, st);
}

static uint32_t fp_f32_add(uint32_t a, uint32_t b, FpuStatus *st)
{
    return fp_f32_addsub(a, b, false, st);
}

static uint32_t fp_f32_sub(uint32_t a, uint32_t b, FpuStatus *st)
{
    return fp_f32_addsub(a, b, true, st);
}

static uint32_t fp_f32_mul(uint32_t a, uint32_t b, FpuStatus *st)
{
    uint32_t r;

    if (fp_detect(st) && f32_plain(a) && f32_plain(b) &&
        f32_host_round((double)as_f32(a) * (double)as_f32(b), &r, st)) {
        if ((a << 1) == 0 || (b << 1) == 0 || (r << 1) != 0) {
            return r;
        }
    }
    return fpu_f32_mul(a, b, st);
}

/* ---- The operations ------------------------------------------------------ */

static unsigned fp_int_mode(uint32_t op, const FpuStatus *st)
{
    switch (op) {
    case MIPS_FP_ROUND_L: case MIPS_FP_ROUND_W:
        return FPU_ROUND_NEAREST_EVEN;
    case MIPS_FP_TRUNC_L: case MIPS_FP_TRUNC_W:
        return FPU_ROUND_ZERO;
    case MIPS_FP_CEIL_L: case MIPS_FP_CEIL_W:
        return FPU_ROUND_UP;
    case MIPS_FP_FLOOR_L: case MIPS_FP_FLOOR_W:
        return FPU_ROUND_DOWN;
    default:
        return st->rounding;
    }
}

static bool fp_to_long(uint32_t op)
{
    return op == MIPS_FP_CVT_L || (op >= MIPS_FP_ROUND_L &&
                                   op <= MIPS_FP_FLOOR_L);
}

/* Whether the result of op on a source of format fmt is 64 bits wide. */
static bool fp_result_wide(uint32_t op, uint32_t fmt)
{
    switch (op) {
    case MIPS_FP_CVT_D:
        return true;
    case MIPS_FP_CVT_S: case MIPS_FP_CVT_W:
    case MIPS_FP_ROUND_W: case MIPS_FP_TRUNC_W:
    case MIPS_FP_CEIL_W: case MIPS_FP_FLOOR_W:
        return false;
    default:
        return fp_to_long(op) || fmt == MIPS_FMT_D;
    }
}

static uint64_t fp_op_s(uint32_t op, uint32_t a, uint32_t b, FpuStatus *st)
{
    const uint32_t one = 0x3f800000u;

    switch (op) {
    case MIPS_FP_ADD: return fp_f32_add(a, b, st);
    case MIPS_FP_SUB: return fp_f32_sub(a, b, st);
    case MIPS_FP_MUL: return fp_f32_mul(a, b, st);
    case MIPS_FP_DIV: return fpu_f32_div(a, b, st);
    case MIPS_FP_SQRT: return fpu_f32_sqrt(a, st);
    case MIPS_FP_RECIP: return fpu_f32_div(one, a, st);
    case MIPS_FP_RSQRT: return fpu_f32_div(one, fpu_f32_sqrt(a, st), st);
    case MIPS_FP_CVT_D: return fpu_f32_to_f64(a, st);
    default:
        if (fp_to_long(op)) {
            return (uint64_t)fpu_f32_to_i64_mode(a, fp_int_mode(op, st), st);
        }
        return (uint32_t)fpu_f32_to_i32_mode(a, fp_int_mode(op, st), st);
    }
}

static uint64_t fp_op_d(uint32_t op, uint64_t a, uint64_t b, FpuStatus *st)
{
    const uint64_t one = 0x3ff0000000000000ull;

    switch (op) {
    case MIPS_FP_ADD: return fp_f64_add(a, b, st);
    case MIPS_FP_SUB: return fp_f64_sub(a, b, st);
    case MIPS_FP_MUL: return fp_f64_mul(a, b, st);
    case MIPS_FP_DIV: return fpu_f64_div(a, b, st);
    case MIPS_FP_SQRT: return fpu_f64_sqrt(a, st);
    case MIPS_FP_RECIP: return fpu_f64_div(one, a, st);
    case MIPS_FP_RSQRT: return fpu_f64_div(one, fpu_f64_sqrt(a, st), st);
    case MIPS_FP_CVT_S: return fpu_f64_to_f32(a, st);
    default:
        if (fp_to_long(op)) {
            return (uint64_t)fpu_f64_to_i64_mode(a, fp_int_mode(op, st), st);
        }
        return (uint32_t)fpu_f64_to_i32_mode(a, fp_int_mode(op, st), st);
    }
}

/* MADD/MSUB/NMADD/NMSUB (x = 4..7): ±(a * b ± c), rounded after the
 * product and after the sum as release 2 cores do. */
static uint64_t fp_madd(uint32_t fmt, uint32_t x, uint64_t a, uint64_t b,
                        uint64_t c, FpuStatus *st)
{
    bool sub = x & 1, neg = x & 2;

    if (fmt == MIPS_FMT_S) {
        uint32_t p = fp_f32_mul((uint32_t)a, (uint32_t)b, st);
        uint32_t r = sub ? fp_f32_sub(p, (uint32_t)c, st)
                         : fp_f32_add(p, (uint32_t)c, st);
        return neg && !fpu_f32_is_nan(r) ? r ^ 0x80000000u : r;
    }
    uint64_t p = fp_f64_mul(a, b, st);
    uint64_t r = sub ? fp_f64_sub(p, c, st) : fp_f64_add(p, c, st);
    return neg && !fpu_f64_is_nan(r) ? r ^ 0x8000000000000000ull : r;
}

/* C.cond.fmt (MIPS32 Vol II C.cond.fmt): cond bit 0 true when unordered,
 * bit 1 when equal, bit 2 when less; bit 3: invalid on a quiet NaN too.
 * Two numbers compare on the host without any flag (denormals only when
 * FS does not flush them); NaNs take core/fpu for the invalid rules. */
static bool fp_cmp(uint32_t fmt, uint32_t cond, uint64_t a, uint64_t b,
                   FpuStatus *st)
{
    bool sig = (cond & 8) != 0;
    int c;

    if (fmt == MIPS_FMT_S) {
        uint32_t x = (uint32_t)a, y = (uint32_t)b;
        if (!fpu_f32_is_nan(x) && !fpu_f32_is_nan(y) &&
            (!st->flush_inputs ||
             (!fpu_f32_is_denormal(x) && !fpu_f32_is_denormal(y)))) {
            float fx, fy;
            memcpy(&fx, &x, 4);
            memcpy(&fy, &y, 4);
            c = fx < fy ? FPU_CMP_LESS : fx == fy ? FPU_CMP_EQUAL
                                                  : FPU_CMP_GREATER;
        } else {
            c = fpu_f32_compare(x, y, sig, st);
        }
    } else if (!fpu_f64_is_nan(a) && !fpu_f64_is_nan(b) &&
               (!st->flush_inputs ||
                (!fpu_f64_is_denormal(a) && !fpu_f64_is_denormal(b)))) {
        double fx, fy;
        memcpy(&fx, &a, 8);
        memcpy(&fy, &b, 8);
        c = fx < fy ? FPU_CMP_LESS : fx == fy ? FPU_CMP_EQUAL
                                              : FPU_CMP_GREATER;
    } else {
        c = fpu_f64_compare(a, b, sig, st);
    }
    return (c == FPU_CMP_UNORDERED && (cond & 1)) ||
           (c == FPU_CMP_EQUAL && (cond & 2)) ||
           (c == FPU_CMP_LESS && (cond & 4));
}

/* Runs operation id on its operands (c: the addend of MADD); a compare
 * returns its truth value. */
static uint64_t fp_compute(uint32_t id, uint64_t a, uint64_t b, uint64_t c,
                           FpuStatus *st)
{
    uint32_t op = id & 0xff, fmt = id >> 8 & 0xff, x = id >> 16;

    switch (op) {
    case MIPS_FP_CMP:
        return fp_cmp(fmt, x, a, b, st);
    case MIPS_FP_MADD:
        return fp_madd(fmt, x, a, b, c, st);
    default:
        break;
    }
    switch (fmt) {
    case MIPS_FMT_S:
        return fp_op_s(op, (uint32_t)a, (uint32_t)b, st);
    case MIPS_FMT_D:
        return fp_op_d(op, a, b, st);
    case MIPS_FMT_W:        /* CVT.S.W, CVT.D.W */
        return op == MIPS_FP_CVT_D ? fpu_i32_to_f64((int32_t)a, st)
                                   : fpu_i32_to_f32((int32_t)a, st);
    default:                /* L: CVT.S.L, CVT.D.L */
        return op == MIPS_FP_CVT_D ? fpu_i64_to_f64((int64_t)a, st)
                                   : fpu_i64_to_f32((int64_t)a, st);
    }
}

/* ---- FCSR ---------------------------------------------------------------- */

/* core/fpu flags as FCSR's I U O Z V bits (0..4). */
static uint32_t fp_cause_bits(uint8_t flags)
{
    return (flags & FPU_FLAG_INEXACT ? 1u : 0) |
           (flags & FPU_FLAG_UNDERFLOW ? 2u : 0) |
           (flags & FPU_FLAG_OVERFLOW ? 4u : 0) |
           (flags & FPU_FLAG_DIVBYZERO ? 8u : 0) |
           (flags & FPU_FLAG_INVALID ? 16u : 0);
}

static uint8_t fp_flags_of_bits(uint32_t bits)
{
    return (uint8_t)((bits & 1 ? FPU_FLAG_INEXACT : 0) |
                     (bits & 2 ? FPU_FLAG_UNDERFLOW : 0) |
                     (bits & 4 ? FPU_FLAG_OVERFLOW : 0) |
                     (bits & 8 ? FPU_FLAG_DIVBYZERO : 0) |
                     (bits & 16 ? FPU_FLAG_INVALID : 0));
}

uint32_t mips_fcsr_get(MipsState *env)
{
    if (env->fp_last_op) {
        /* The cause of the last operation: its own flags alone, under
         * the rounding mode and FS it ran with (they change only
         * through mips_fcsr_set, which drops the record). */
        FpuStatus st = env->fp_status;
        st.flags = 0;
        fp_compute(env->fp_last_op, env->fp_last_a, env->fp_last_b,
                   env->fp_last_c, &st);
        env->fcr31 = (env->fcr31 & ~MIPS_FCSR_CAUSE) |
                     fp_cause_bits(st.flags) << 12;
        env->fp_last_op = 0;
    }
    return (env->fcr31 & ~MIPS_FCSR_FLAGS) |
           fp_cause_bits(env->fp_status.flags) << 2;
}

void mips_fcsr_set(MipsState *env, uint32_t v)
{
    bool fs = (v & MIPS_FCSR_FS) != 0;

    env->fcr31 = v;
    env->fp_last_op = 0;
    /* RM has core/fpu's numbering (nearest, zero, up, down); FS flushes
     * tiny values. */
    env->fp_status.rounding = (uint8_t)(v & MIPS_FCSR_RM);
    env->fp_status.flush_outputs = fs;
    env->fp_status.flush_inputs = fs;
    env->fp_status.flags = fp_flags_of_bits(v >> 2 & 0x1f);
}

/* With an exception enabled: the operation's flags alone become the cause
 * bits; an enabled one leaves with MIPS_EXCP_FPE (the state restored to
 * the instruction through ra) before anything else changes. */
static __attribute__((noinline)) uint64_t
fp_run_exact(MipsState *env, uint32_t id, uint64_t a, uint64_t b, uint64_t c,
             uintptr_t ra)
{
    FpuStatus *st = &env->fp_status;
    uint8_t saved = st->flags;
    uint64_t r;
    uint32_t cause;

    st->flags = 0;
    r = fp_compute(id, a, b, c, st);
    cause = fp_cause_bits(st->flags);
    env->fcr31 = (env->fcr31 & ~MIPS_FCSR_CAUSE) | cause << 12;
    env->fp_last_op = 0;
    if (cause & (env->fcr31 >> 7) & 0x1f) {
        st->flags = saved;
        cpu_raise(&env->common, MIPS_EXCP_FPE, ra);
    }
    st->flags |= saved;
    return r;
}

/* Runs id with the cause kept lazily, or exactly when an exception is
 * enabled. */
static inline uint64_t fp_run(MipsState *env, uint32_t id, uint64_t a,
                              uint64_t b, uint64_t c, uintptr_t ra)
{
    if (__builtin_expect(env->fcr31 & MIPS_FCSR_ENABLE, 0)) {
        return fp_run_exact(env, id, a, b, c, ra);
    }
    env->fp_last_op = id;
    env->fp_last_a = a;
    env->fp_last_b = b;
    env->fp_last_c = c;
    return fp_compute(id, a, b, c, &env->fp_status);
}

static void set_fcc(MipsState *env, uint32_t cc, bool v)
{
    uint32_t bit = cc ? 1u << (24 + cc) : MIPS_FCSR_FCC0;

    env->fcr31 = v ? env->fcr31 | bit : env->fcr31 & ~bit;
}

/* ---- Helpers --------------------------------------------------------------- */

static void mips_helper_fp(CpuCommon *cpu, uint32_t id, uint32_t fd,
                           uint32_t fs, uint32_t ft, uint32_t fr)
{
    uintptr_t ra = EMU_RETADDR();
    MipsState *env = (MipsState *)cpu;
    uint32_t op = id & 0xff, fmt = id >> 8 & 0xff;
    uint64_t a = fp_read(env, fmt, fs), b = fp_read(env, fmt, ft);
    uint64_t c = op == MIPS_FP_MADD ? fp_read(env, fmt, fr) : 0;
    uint64_t r = fp_run(env, id, a, b, c, ra);

    if (op == MIPS_FP_CMP) {
        set_fcc(env, fd, r != 0);
    } else if (fp_result_wide(op, fmt)) {
        set_fpr64(env, fd, r);
    } else {
        mips_set_fpr32(env, fd, (uint32_t)r);
    }
}

/* The two-operand S and D operations of hot loops, without the generic
 * helper's dispatch: fn is core/fpu's function for id. */
static inline __attribute__((always_inline)) void
fp_s2(CpuCommon *cpu, uint32_t id, uint32_t fd, uint32_t fs, uint32_t ft,
      uintptr_t ra, uint32_t (*fn)(uint32_t, uint32_t, FpuStatus *))
{
    MipsState *env = (MipsState *)cpu;
    uint32_t a = mips_fpr32(env, fs), b = mips_fpr32(env, ft);

    if (__builtin_expect(env->fcr31 & MIPS_FCSR_ENABLE, 0)) {
        mips_set_fpr32(env, fd, (uint32_t)fp_run_exact(env, id, a, b, 0, ra));
        return;
    }
    env->fp_last_op = id;
    env->fp_last_a = a;
    env->fp_last_b = b;
    mips_set_fpr32(env, fd, fn(a, b, &env->fp_status));
}

static inline __attribute__((always_inline)) void
fp_d2(CpuCommon *cpu, uint32_t id, uint32_t fd, uint32_t fs, uint32_t ft,
      uintptr_t ra, uint64_t (*fn)(uint64_t, uint64_t, FpuStatus *))
{
    MipsState *env = (MipsState *)cpu;
    uint64_t a = fpr64(env, fs), b = fpr64(env, ft);

    if (__builtin_expect(env->fcr31 & MIPS_FCSR_ENABLE, 0)) {
        set_fpr64(env, fd, fp_run_exact(env, id, a, b, 0, ra));
        return;
    }
    env->fp_last_op = id;
    env->fp_last_a = a;
    env->fp_last_b = b;
    set_fpr64(env, fd, fn(a, b, &env->fp_status));
}

static void mips_helper_add_s(CpuCommon *cpu, uint32_t fd, uint32_t fs,
                              uint32_t ft)
{
    fp_s2(cpu, mips_fp_id(MIPS_FP_ADD, MIPS_FMT_S, 0), fd, fs, ft,
          EMU_RETADDR(), fp_f32_add);
}

static void mips_helper_sub_s(CpuCommon *cpu, uint32_t fd, uint32_t fs,
                              uint32_t ft)
{
    fp_s2(cpu, mips_fp_id(MIPS_FP_SUB, MIPS_FMT_S, 0), fd, fs, ft,
          EMU_RETADDR(), fp_f32_sub);
}

static void mips_helper_mul_s(CpuCommon *cpu, uint32_t fd, uint32_t fs,
                              uint32_t ft)
{
    fp_s2(cpu, mips_fp_id(MIPS_FP_MUL, MIPS_FMT_S, 0), fd, fs, ft,
          EMU_RETADDR(), fp_f32_mul);
}

static void mips_helper_div_s(CpuCommon *cpu, uint32_t fd, uint32_t fs,
                              uint32_t ft)
{
    fp_s2(cpu, mips_fp_id(MIPS_FP_DIV, MIPS_FMT_S, 0), fd, fs, ft,
          EMU_RETADDR(), fpu_f32_div);
}

static void mips_helper_add_d(CpuCommon *cpu, uint32_t fd, uint32_t fs,
                              uint32_t ft)
{
    fp_d2(cpu, mips_fp_id(MIPS_FP_ADD, MIPS_FMT_D, 0), fd, fs, ft,
          EMU_RETADDR(), fp_f64_add);
}

static void mips_helper_sub_d(CpuCommon *cpu, uint32_t fd, uint32_t fs,
                              uint32_t ft)
{
    fp_d2(cpu, mips_fp_id(MIPS_FP_SUB, MIPS_FMT_D, 0), fd, fs, ft,
          EMU_RETADDR(), fp_f64_sub);
}

static void mips_helper_mul_d(CpuCommon *cpu, uint32_t fd, uint32_t fs,
                              uint32_t ft)
{
    fp_d2(cpu, mips_fp_id(MIPS_FP_MUL, MIPS_FMT_D, 0), fd, fs, ft,
          EMU_RETADDR(), fp_f64_mul);
}

static void mips_helper_div_d(CpuCommon *cpu, uint32_t fd, uint32_t fs,
                              uint32_t ft)
{
    fp_d2(cpu, mips_fp_id(MIPS_FP_DIV, MIPS_FMT_D, 0), fd, fs, ft,
          EMU_RETADDR(), fpu_f64_div);
}

/* C.cond.fmt: cond_cc = cond | cc << 4. */
static inline __attribute__((always_inline)) void
fp_cmp_helper(CpuCommon *cpu, uint32_t fmt, uint32_t cond_cc, uint32_t fs,
              uint32_t ft, uintptr_t ra)
{
    MipsState *env = (MipsState *)cpu;
    uint32_t id = mips_fp_id(MIPS_FP_CMP, fmt, cond_cc & 15);
    uint64_t a = fp_read(env, fmt, fs), b = fp_read(env, fmt, ft);

    set_fcc(env, cond_cc >> 4, fp_run(env, id, a, b, 0, ra) != 0);
}

static void mips_helper_cmp_s(CpuCommon *cpu, uint32_t cond_cc, uint32_t fs,
                              uint32_t ft)
{
    fp_cmp_helper(cpu, MIPS_FMT_S, cond_cc, fs, ft, EMU_RETADDR());
}

static void mips_helper_cmp_d(CpuCommon *cpu, uint32_t cond_cc, uint32_t fs,
                              uint32_t ft)
{
    fp_cmp_helper(cpu, MIPS_FMT_D, cond_cc, fs, ft, EMU_RETADDR());
}

/* Neither kind reads or writes a global (registers and FCSR are plain
 * fields); the fpe kind may raise. */
#define FPH_NEVER (IR_HF_NO_READ_GLOBALS | IR_HF_NO_WRITE_GLOBALS)
#define FPH_RAISE (FPH_NEVER | IR_HF_MAY_RAISE)

const IrHelper mips_fp_helpers[2][MIPS_FPH_COUNT] = {
    {
        [MIPS_FPH_GENERIC] = IR_HELPER(mips_helper_fp, FPH_NEVER, IR_HT_VOID,
            IR_HT_PTR, IR_HT_I32, IR_HT_I32, IR_HT_I32, IR_HT_I32, IR_HT_I32),
        [MIPS_FPH_ADD_S] = IR_HELPER(mips_helper_add_s, FPH_NEVER, IR_HT_VOID,
            IR_HT_PTR, IR_HT_I32, IR_HT_I32, IR_HT_I32),
        [MIPS_FPH_SUB_S] = IR_HELPER(mips_helper_sub_s, FPH_NEVER, IR_HT_VOID,
            IR_HT_PTR, IR_HT_I32, IR_HT_I32, IR_HT_I32),
        [MIPS_FPH_MUL_S] = IR_HELPER(mips_helper_mul_s, FPH_NEVER, IR_HT_VOID,
            IR_HT_PTR, IR_HT_I32, IR_HT_I32, IR_HT_I32),
        [MIPS_FPH_DIV_S] = IR_HELPER(mips_helper_div_s, FPH_NEVER, IR_HT_VOID,
            IR_HT_PTR, IR_HT_I32, IR_HT_I32, IR_HT_I32),
        [MIPS_FPH_ADD_D] = IR_HELPER(mips_helper_add_d, FPH_NEVER, IR_HT_VOID,
            IR_HT_PTR, IR_HT_I32, IR_HT_I32, IR_HT_I32),
        [MIPS_FPH_SUB_D] = IR_HELPER(mips_helper_sub_d, FPH_NEVER, IR_HT_VOID,
            IR_HT_PTR, IR_HT_I32, IR_HT_I32, IR_HT_I32),
        [MIPS_FPH_MUL_D] = IR_HELPER(mips_helper_mul_d, FPH_NEVER, IR_HT_VOID,
            IR_HT_PTR, IR_HT_I32, IR_HT_I32, IR_HT_I32),
        [MIPS_FPH_DIV_D] = IR_HELPER(mips_helper_div_d, FPH_NEVER, IR_HT_VOID,
            IR_HT_PTR, IR_HT_I32, IR_HT_I32, IR_HT_I32),
        [MIPS_FPH_CMP_S] = IR_HELPER(mips_helper_cmp_s, FPH_NEVER, IR_HT_VOID,
            IR_HT_PTR, IR_HT_I32, IR_HT_I32, IR_HT_I32),
        [MIPS_FPH_CMP_D] = IR_HELPER(mips_helper_cmp_d, FPH_NEVER, IR_HT_VOID,
            IR_HT_PTR, IR_HT_I32, IR_HT_I32, IR_HT_I32),
    },
    {
        [MIPS_FPH_GENERIC] = IR_HELPER(mips_helper_fp, FPH_RAISE, IR_HT_VOID,
            IR_HT_PTR, IR_HT_I32, IR_HT_I32, IR_HT_I32, IR_HT_I32, IR_HT_I32),
        [MIPS_FPH_ADD_S] = IR_HELPER(mips_helper_add_s, FPH_RAISE, IR_HT_VOID,
            IR_HT_PTR, IR_HT_I32, IR_HT_I32, IR_HT_I32),
        [MIPS_FPH_SUB_S] = IR_HELPER(mips_helper_sub_s, FPH_RAISE, IR_HT_VOID,
            IR_HT_PTR, IR_HT_I32, IR_HT_I32, IR_HT_I32),
        [MIPS_FPH_MUL_S] = IR_HELPER(mips_helper_mul_s, FPH_RAISE, IR_HT_VOID,
            IR_HT_PTR, IR_HT_I32, IR_HT_I32, IR_HT_I32),
        [MIPS_FPH_DIV_S] = IR_HELPER(mips_helper_div_s, FPH_RAISE, IR_HT_VOID,
            IR_HT_PTR, IR_HT_I32, IR_HT_I32, IR_HT_I32),
        [MIPS_FPH_ADD_D] = IR_HELPER(mips_helper_add_d, FPH_RAISE, IR_HT_VOID,
            IR_HT_PTR, IR_HT_I32, IR_HT_I32, IR_HT_I32),
        [MIPS_FPH_SUB_D] = IR_HELPER(mips_helper_sub_d, FPH_RAISE, IR_HT_VOID,
            IR_HT_PTR, IR_HT_I32, IR_HT_I32, IR_HT_I32),
        [MIPS_FPH_MUL_D] = IR_HELPER(mips_helper_mul_d, FPH_RAISE, IR_HT_VOID,
            IR_HT_PTR, IR_HT_I32, IR_HT_I32, IR_HT_I32),
        [MIPS_FPH_DIV_D] = IR_HELPER(mips_helper_div_d, FPH_RAISE, IR_HT_VOID,
            IR_HT_PTR, IR_HT_I32, IR_HT_I32, IR_HT_I32),
        [MIPS_FPH_CMP_S] = IR_HELPER(mips_helper_cmp_s, FPH_RAISE, IR_HT_VOID,
            IR_HT_PTR, IR_HT_I32, IR_HT_I32, IR_HT_I32),
        [MIPS_FPH_CMP_D] = IR_HELPER(mips_helper_cmp_d, FPH_RAISE, IR_HT_VOID,
            IR_HT_PTR, IR_HT_I32, IR_HT_I32, IR_HT_I32),
    },
};

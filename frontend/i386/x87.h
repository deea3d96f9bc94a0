/* frontend/i386/x87.h — the x87 register stack and status-word plumbing
 * shared by the x87 helper files (helper-x87*.c); not for the translator.
 */
#ifndef EMU_FRONTEND_I386_X87_H
#define EMU_FRONTEND_I386_X87_H

#include <stdbool.h>
#include <stdint.h>

#include "cpu.h"

/* Physical register of ST(i). */
static inline int x87_st_phys(const X86State *env, int i)
{
    return (int)((env->fptop + (uint32_t)i) & 7);
}

static inline FpuX80 *x87_st_reg(X86State *env, int i)
{
    return &env->fpregs[x87_st_phys(env, i)];
}

static inline bool x87_st_empty(const X86State *env, int i)
{
    return env->fptags[x87_st_phys(env, i)] != 0;
}

/* The operations whose C1 ("rounded up") is computed lazily, when the
 * status word is read (X86State.c1_op, helper-x87.c). */
enum { X87_C1_ADD = 1, X87_C1_SUB, X87_C1_MUL, X87_C1_DIV, X87_C1_SQRT,
       X87_C1_SCALE };

/* An instruction that sets C1 and may raise: clears the scratch flags,
 * C1 and a pending C1; x87_end folds the flags into the status word and
 * sets ES/B for unmasked ones. */
void x87_begin(X86State *env);
void x87_end(X86State *env);
/* An unmasked invalid / divide-by-zero / denormal flag was raised: the
 * destination must not be written. */
bool x87_blocked(const X86State *env);
/* Stack fault (IE, SF, C1 = overflow); true when IE is masked. */
bool x87_stack_fault(X86State *env, bool overflow);
/* Push with the overflow rule (false: unmasked fault, nothing pushed). */
bool x87_push(X86State *env, FpuX80 v);
void x87_pop(X86State *env);
/* FNINIT: control 0x37f, status 0, all registers empty. */
void x87_reset_x87(X86State *env);
/* 80-bit values in guest memory (helpers run with the fault handler). */
FpuX80 x87_ld80(CpuCommon *cpu, uint32_t addr);
void x87_st80(CpuCommon *cpu, uint32_t addr, FpuX80 v);

#endif

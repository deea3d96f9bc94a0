/* frontend/mips/translate.h — shared by the MIPS translators: the
 * per-block context the generated decoders pass to trans_ functions, the
 * guest's global temps, and the building blocks (registers, memory with
 * the block's byte order, branches with their delay slot, exceptions)
 * used by translate-int.c and translate-fpu.c.
 */
#ifndef EMU_FRONTEND_MIPS_TRANSLATE_H
#define EMU_FRONTEND_MIPS_TRANSLATE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/guest.h"
#include "core/ir.h"
#include "cpu.h"

/* Global temps in mips_init_globals' order: env is 0, then gpr[1..31]
 * (gpr[0] is no global: it reads as the constant 0), pc, hi, lo. */
#define MIPS_T_GPR(i) ((IrTemp)(i))
#define MIPS_T_PC ((IrTemp)32)
#define MIPS_T_HI ((IrTemp)33)
#define MIPS_T_LO ((IrTemp)34)

/* How the branch being translated leaves the block. */
typedef enum MipsBranch {
    MIPS_BR_NONE = 0,
    MIPS_BR_ALWAYS,         /* direct, unconditional */
    MIPS_BR_COND,           /* direct, taken when bcond != 0 */
    MIPS_BR_LIKELY,         /* as COND; the slot is annulled when not */
    MIPS_BR_INDIRECT,       /* to btarget (JR, JALR) */
} MipsBranch;

typedef struct DisasCtx {
    TransCtx *tc;
    IrBlock *b;
    uint32_t pc;            /* address of the instruction */
    uint32_t insn;          /* its encoding */
    bool big_endian;        /* MIPS_TBFLAG_BE */
    bool fpu;               /* MIPS_TBFLAG_FPU */
    bool r2;                /* MIPS_TBFLAG_R2: release 2 instructions */
    bool fpe;               /* MIPS_TBFLAG_FPE: an FPU exception enabled */
    /* The instruction (a delay slot's included) may change what the TB
     * flags are made of: the block leaves through a lookup, never
     * through a chained jump. */
    bool flags_changed;
    bool done;              /* the instruction emitted its own exit */
    /* Delay slot: set while the slot of the branch at branch_pc is
     * translated (its exceptions report pc = branch_pc, bd = 1). */
    bool in_slot;
    uint32_t branch_pc;
    MipsBranch br;
    uint32_t bdest;         /* direct target */
    IrTemp bcond;           /* block-local: condition (COND, LIKELY) */
    IrTemp btarget;         /* block-local: target (INDIRECT) */
} DisasCtx;

/* ---- translate.c ------------------------------------------------------ */

void mips_init_globals(IrBlock *b);
void mips_tb_start(TransCtx *tc);
void mips_translate_insn(TransCtx *tc);
void mips_tb_end(TransCtx *tc);

/* Register rs as a temp the caller must not write ($0: constant 0). */
IrTemp mips_gpr(DisasCtx *d, int r);
/* Writes v to register r; writes to $0 are dropped. */
void mips_set_gpr(DisasCtx *d, int r, IrTemp v);
/* rs + sign-extended offset into a fresh block-local temp. */
IrTemp mips_addr(DisasCtx *d, int rs, int32_t off);
/* A fresh i32 temp: block-local, so it survives the labels a delay slot
 * or a trap check may put after it. */
IrTemp mips_tmp(DisasCtx *d);

/* The memop bits for the block's byte order (IR_MO_BE or 0). */
unsigned mips_mo_endian(const DisasCtx *d);

/* Raises MIPS_EXCP_* for the current instruction (pc = its address, or
 * the branch's in a delay slot, with bd). Ends the block unless `cont`:
 * then it is one path of a conditional and the block goes on. */
void mips_gen_exception(DisasCtx *d, int excp, uint32_t info);
/* The exception above behind a condition: raised when cond(a, c). */
void mips_gen_exception_if(DisasCtx *d, IrCond cond, IrTemp a, IrTemp c,
                           int excp, uint32_t info);
void mips_gen_ri(DisasCtx *d);

/* Ends the block after the current instruction through a lookup of the
 * next pc (the TB flags may have changed); in a delay slot, makes the
 * branch exit through lookups. */
void mips_gen_end_lookup(DisasCtx *d);

/* Branches (MIPS32 Vol II, the B* and J* pages): after the trans_
 * function has set d->br, d->bdest / bcond / btarget and written any
 * link register, translates the delay slot and emits the exits.
 * Returns false (reserved instruction) for a branch in a delay slot. */
bool mips_gen_branch(DisasCtx *d);

/* ---- decoders ---------------------------------------------------------- */

bool mips_decode_int(DisasCtx *d, uint32_t insn);
bool mips_decode_fpu(DisasCtx *d, uint32_t insn);

#endif

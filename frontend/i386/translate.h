/* frontend/i386/translate.h — shared by the i386 translators: the
 * per-instruction decoding context (prefixes, ModRM), the guest's global
 * temps, and the micro-op building blocks (operands, lazy flags,
 * conditions, stack, exits) that translate-ops.c and translate-alu.c use.
 */
#ifndef EMU_FRONTEND_I386_TRANSLATE_H
#define EMU_FRONTEND_I386_TRANSLATE_H

#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/guest.h"
#include "core/ir.h"
#include "cpu.h"

/* Global temps in x86_init_globals' order: env is 0. */
#define X86_T_REG(i) ((IrTemp)(1 + (i)))
#define X86_T_EIP ((IrTemp)9)
#define X86_T_CC_OP ((IrTemp)10)
#define X86_T_CC_DST ((IrTemp)11)
#define X86_T_CC_SRC ((IrTemp)12)
#define X86_T_CC_SRC2 ((IrTemp)13)
#define X86_T_DF ((IrTemp)14)

/* DisasCtx.cc_op when the block does not know the last flag setter. */
#define X86_CC_DYNAMIC (-1)

/* Operand sizes: also the IR_MO_ size of a memory access. */
enum { X86_OT_B = 0, X86_OT_W = 1, X86_OT_L = 2 };

/* An r/m operand after ModRM decoding. */
typedef struct X86Opnd {
    bool mem;
    int reg;                /* register number when !mem */
    IrTemp addr;            /* guest address (segment base included) */
} X86Opnd;

/* A condition ready for brcond/setcond/movcond: cond(a, b). */
typedef struct X86Cond {
    IrCond cond;
    IrTemp a, b;
} X86Cond;

typedef struct DisasCtx {
    TransCtx *tc;
    IrBlock *b;
    uint32_t pc;            /* address of the instruction */
    uint32_t cur;           /* next byte to fetch */
    uint32_t features;      /* X86_FEAT_* of the block */
    /* Prefixes of the instruction. */
    int seg;                /* segment override, -1: none */
    bool opsize, addrsize, lock, rep, repne;
    /* ModRM fields once read. */
    int mod, reg, rm;
    bool done;              /* the instruction emitted the block's exit */
    bool end_block;         /* the block ends after this instruction */
    bool lea;               /* LEA: effective addresses without bases */
    int cc_op;              /* cc_op known here, or X86_CC_DYNAMIC */
    jmp_buf fetch_fail;     /* translate_fetch failed: drop the insn */
} DisasCtx;

/* ---- translate.c: loop hooks, fetch, operands ------------------------- */

void x86_init_globals(IrBlock *b);
void x86_tb_start(TransCtx *tc);
void x86_translate_insn(TransCtx *tc);
void x86_tb_end(TransCtx *tc);

/* Instruction bytes (little-endian); leave the instruction through
 * fetch_fail when they cannot be read. */
uint32_t x86_fetch8(DisasCtx *d);
uint32_t x86_fetch16(DisasCtx *d);
uint32_t x86_fetch32(DisasCtx *d);
/* An immediate of size ot (Iz: 16 or 32 bits), zero-extended. */
uint32_t x86_fetch_imm(DisasCtx *d, int ot);

/* Operand size of the instruction: 8 bits when `byte`, else 16 or 32. */
int x86_ot(const DisasCtx *d, bool byte);

/* Reads the ModRM byte into d->mod/reg/rm and decodes the r/m operand
 * (SIB, displacement, 16-bit addressing, segment base). */
void x86_modrm(DisasCtx *d, X86Opnd *o);
/* Adds the base of segment `def` (or of the override) to an offset. */
IrTemp x86_seg_addr(DisasCtx *d, IrTemp off, int def, bool override_ok);

/* Registers: ot 0 with r 4..7 is AH..BH; the value is a fresh copy. */
IrTemp x86_ld_reg(DisasCtx *d, int ot, int r);
void x86_st_reg(DisasCtx *d, int ot, int r, IrTemp v);
/* Guest memory of size ot at a guest address. */
IrTemp x86_ld_mem(DisasCtx *d, int ot, IrTemp addr);
void x86_st_mem(DisasCtx *d, int ot, IrTemp addr, IrTemp v);
IrTemp x86_ld_opnd(DisasCtx *d, int ot, const X86Opnd *o);
void x86_st_opnd(DisasCtx *d, int ot, const X86Opnd *o, IrTemp v);

/* Zero- / sign-extension from size ot to 32 bits (a new temp). */
IrTemp x86_zext(DisasCtx *d, int ot, IrTemp v);
IrTemp x86_sext(DisasCtx *d, int ot, IrTemp v);
IrTemp x86_const(DisasCtx *d, uint32_t v);

/* ---- lazy flags and conditions ---------------------------------------- */

/* Records a flag-setting operation: cc_op = kind/ot, cc_dst = dst,
 * cc_src = src, cc_src2 = src2 (IR_NO_TEMP: not written), extended from
 * ot as cpu.h says. */
void x86_set_cc(DisasCtx *d, int kind, int ot, IrTemp dst, IrTemp src,
                IrTemp src2);
/* Flags as X86_CC_EFLAGS with the six bits in `fl`. */
void x86_set_eflags(DisasCtx *d, IrTemp fl);
/* The six arithmetic flag bits now (a new temp). */
IrTemp x86_gen_eflags(DisasCtx *d);
/* CF now as 0 or 1 (a new temp). */
IrTemp x86_gen_cf(DisasCtx *d);
/* Condition cc (0..15 as in Jcc: O NO B NB Z NZ BE NBE S NS P NP L NL
 * LE NLE). */
void x86_gen_cond(DisasCtx *d, int cc, X86Cond *c);
IrTemp x86_gen_setcc(DisasCtx *d, int cc);

/* ---- stack and control flow ------------------------------------------- */

void x86_gen_push(DisasCtx *d, int ot, IrTemp v);
/* Loads the top of the stack (not popping yet); x86_gen_pop_adjust then
 * moves esp, so that a faulting load leaves esp as it was. */
IrTemp x86_gen_pop_load(DisasCtx *d, int ot);
void x86_gen_pop_adjust(DisasCtx *d, int ot);
/* Direct jump to dest (chainable); indirect to the value of v. */
void x86_gen_jmp(DisasCtx *d, uint32_t dest);
void x86_gen_jmp_indirect(DisasCtx *d, IrTemp v);
/* Jcc: to `taken` when cc holds, else to `next`. */
void x86_gen_jcc(DisasCtx *d, int cc, uint32_t taken, uint32_t next);
/* Raises X86_EXCP_*: eip = new_eip. Ends the block. */
void x86_gen_exception(DisasCtx *d, int excp, uint32_t new_eip,
                       uint32_t info);
void x86_gen_ud(DisasCtx *d);

/* ---- translate-ops.c / translate-alu.c -------------------------------- */

/* Decodes and translates one instruction from d->cur (prefixes read). */
void x86_decode_insn(DisasCtx *d);
bool x86_decode_0f(DisasCtx *d);
/* MOV/POP/LxS to segment register seg (not CS): the checks, #GP/#NP. */
void x86_gen_load_seg(DisasCtx *d, int seg, IrTemp v);
/* LES LDS LSS LFS LGS: ModRM, the far pointer m16:16/32 into seg and the
 * register (#UD for a register operand). */
void x86_gen_load_far_ptr(DisasCtx *d, int seg);

/* ALU op 0..7 (ADD OR ADC SBB AND SUB XOR CMP) on dst and src. */
void x86_gen_alu(DisasCtx *d, int op, int ot, const X86Opnd *dst,
                 IrTemp src);
/* INC (dec false) / DEC of an operand. */
void x86_gen_incdec(DisasCtx *d, int ot, const X86Opnd *o, bool dec);
/* Group 2 shift/rotate op 0..7 by a count temp (masked here) or a
 * constant count (count_imm >= 0). */
void x86_gen_shift(DisasCtx *d, int op, int ot, const X86Opnd *o,
                   IrTemp count, int count_imm);
/* Group 3 (F6/F7) op 0..7. */
void x86_gen_grp3(DisasCtx *d, int op, int ot, const X86Opnd *o);
/* IMUL reg, a, b (two- and three-operand forms). */
void x86_gen_imul(DisasCtx *d, int ot, int reg, IrTemp a, IrTemp b);
/* SHLD (left) / SHRD of o by reg d->reg and a count. */
void x86_gen_shld(DisasCtx *d, int ot, const X86Opnd *o, bool left,
                  IrTemp count, int count_imm);
/* BT BTS BTR BTC (op 0..3); `off` is a register offset (memory operands
 * are addressed by it) unless imm. */
void x86_gen_bt(DisasCtx *d, int op, int ot, const X86Opnd *o, IrTemp off,
                bool imm);
/* BSF / BSR (and TZCNT / LZCNT when lzcnt_form). */
void x86_gen_bsf(DisasCtx *d, int ot, const X86Opnd *o, bool reverse,
                 bool cnt_form);
/* String instructions A4..AF with their REP prefixes. */
void x86_gen_string(DisasCtx *d, int opc);
/* CMPXCHG, XADD, CMPXCHG8B. */
void x86_gen_cmpxchg(DisasCtx *d, int ot, const X86Opnd *o);
void x86_gen_xadd(DisasCtx *d, int ot, const X86Opnd *o);
void x86_gen_cmpxchg8b(DisasCtx *d, const X86Opnd *o);

/* ---- translate-x87.c / translate-sse*.c --------------------------------- */

/* The escape opcodes D8..DF (false: undefined encoding, #UD). */
bool x86_gen_x87(DisasCtx *d, uint32_t op);
/* #MF when an unmasked x87 exception is pending (waiting instructions,
 * FWAIT, MMX). */
void x87_gen_check_pending(DisasCtx *d);
/* MMX/SSE/SSE2/SSE3/SSSE3 two-byte opcodes (0F xx, 0F 38 xx, 0F 3A xx)
 * with their 66/F2/F3 prefixes; false: not such an instruction (#UD). */
bool x86_gen_sse(DisasCtx *d, uint32_t op);

#endif

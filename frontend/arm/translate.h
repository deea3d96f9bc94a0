/* frontend/arm/translate.h — shared by the ARM translators: the per-block
 * disassembly context the generated decoders pass to trans_ functions,
 * the guest's global temps, and micro-op building blocks (operands, flags,
 * conditions, shifts, exits) used by translate-a32.c and translate-t16.c.
 */
#ifndef EMU_FRONTEND_ARM_TRANSLATE_H
#define EMU_FRONTEND_ARM_TRANSLATE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/guest.h"
#include "core/ir.h"
#include "cpu.h"

/* Global temps in arm_init_globals' order: env is 0. */
#define ARM_T_REG(i) ((IrTemp)(1 + (i)))
#define ARM_T_PC ARM_T_REG(15)
#define ARM_T_NF ((IrTemp)17)
#define ARM_T_ZF ((IrTemp)18)
#define ARM_T_CF ((IrTemp)19)
#define ARM_T_VF ((IrTemp)20)

/* What the current instruction did to the block's control flow. */
typedef enum ArmJump {
    ARM_JMP_NEXT = 0,       /* falls through to the next instruction */
    ARM_JMP_DONE,           /* emitted its own exit: the block ends */
} ArmJump;

typedef struct DisasCtx {
    TransCtx *tc;
    IrBlock *b;
    uint32_t pc;            /* address of the instruction */
    uint32_t insn;          /* its encoding */
    uint32_t len;           /* its length: 4, or 2 (Thumb) */
    bool thumb;
    bool v5_unaligned;      /* ARM_FEATURE_V5_UNALIGNED */
    uint32_t features;      /* ARM_FEATURE_* of the block (TB flags) */
    bool vfp_vec;           /* FPSCR.Len/Stride nonzero (ARM_TBFLAG_VFP_VEC) */
    /* Thumb IT state (cpu.h condexec) at this instruction, and after it;
     * the translator keeps env->condexec equal to `condexec_next` while
     * an IT block runs (insn_start's extra word holds `condexec`). */
    uint32_t condexec;
    uint32_t condexec_next;
    uint32_t condexec_stored;   /* what env->condexec holds now */
    ArmJump jmp;
    /* Conditional instruction: where the "condition false" path joins. */
    bool has_skip;
    uint32_t skip_label;
} DisasCtx;

static inline bool arm_feature(const DisasCtx *d, uint32_t f)
{
    return (d->features & f) == f;
}

/* Inside an IT block (Thumb): 16-bit instructions do not set flags. */
static inline bool arm_in_it(const DisasCtx *d)
{
    return (d->condexec & 0xf) != 0;
}

/* ---- translate.c ------------------------------------------------------ */

/* GuestArch hooks (core/guest.h) used by cpu.c's guest_arm. */
void arm_init_globals(IrBlock *b);
void arm_tb_start(TransCtx *tc);
void arm_translate_insn(TransCtx *tc);
void arm_tb_end(TransCtx *tc);

/* The value of register r as the instruction reads it (r15: its address
 * + 8 in ARM, + 4 in Thumb). A fresh temp for r15, the global otherwise;
 * callers must not write the returned temp. */
IrTemp arm_read_reg(DisasCtx *d, int r);
/* r15 read as an address for PC-relative loads (Thumb: word-aligned). */
uint32_t arm_pc_value(const DisasCtx *d);
/* Writes v to register r; r15 is a branch: ARM state ignores bits 1:0,
 * Thumb bit 0 (no interworking, as ALU writes on v5), except that ARMv7
 * ARM state interworks (ALUWritePC). Ends the block. */
void arm_write_reg(DisasCtx *d, int r, IrTemp v);
/* Writes v to r15 interworking (BX, BLX, and loads to pc on v5T). */
void arm_write_pc_bx(DisasCtx *d, IrTemp v);
/* Direct branch to dest (same instruction set) / switching set. */
void arm_gen_jump(DisasCtx *d, uint32_t dest);
/* Raises ARM_EXCP_* for this instruction: r15 = `pc`, info as cpu.h
 * says. Ends the block. */
void arm_gen_exception(DisasCtx *d, int excp, uint32_t pc, uint32_t info);
void arm_gen_udef(DisasCtx *d);

/* Branches to label when condition `cond` (ARM ARM A3.2, 0..13) holds. */
void arm_gen_test_cc(DisasCtx *d, int cond, uint32_t label);
/* Opens a conditional instruction (cond < 14): skips it when false. */
void arm_gen_cond_skip(DisasCtx *d, int cond);

/* Flags: NZ from a result; arithmetic with NZCV. Each returns the result
 * in a fresh temp (d may alias a or c in the caller's later moves). */
void arm_gen_nz(DisasCtx *d, IrTemp res);
IrTemp arm_gen_add_cc(DisasCtx *d, IrTemp a, IrTemp c);
IrTemp arm_gen_sub_cc(DisasCtx *d, IrTemp a, IrTemp c);
IrTemp arm_gen_adc(DisasCtx *d, IrTemp a, IrTemp c, bool set_flags);
IrTemp arm_gen_sbc(DisasCtx *d, IrTemp a, IrTemp c, bool set_flags);

/* Shifter operand (ARM ARM A5.1). type: 0 LSL, 1 LSR, 2 ASR, 3 ROR.
 * By immediate (0..31, with the LSR/ASR #32 and RRX encodings of 0) or by
 * register (low byte of rs). `carry`, when not NULL, receives a temp with
 * the shifter carry-out (0/1). */
IrTemp arm_gen_shift_imm(DisasCtx *d, IrTemp v, int type, int amount,
                         IrTemp *carry);
IrTemp arm_gen_shift_reg(DisasCtx *d, IrTemp v, int type, IrTemp rs,
                         IrTemp *carry);

/* Data-processing op (opcode 0..15 as in ARM encodings) on rn and the
 * shifter operand; writes rd unless a compare; sets flags when s. */
void arm_gen_dp(DisasCtx *d, int op, bool s, int rd, IrTemp rn, IrTemp op2,
                IrTemp shifter_carry);

/* Guest memory (little-endian). */
IrTemp arm_gen_ld(DisasCtx *d, IrTemp addr, unsigned memop);
void arm_gen_st(DisasCtx *d, IrTemp val, IrTemp addr, unsigned memop);
/* Single-register LDR/STR of any size: like arm_gen_ld/st, with the
 * ARMv5 unaligned word rule when the block has it (cpu.h). */
IrTemp arm_gen_ldr(DisasCtx *d, IrTemp addr, unsigned memop);
void arm_gen_str(DisasCtx *d, IrTemp val, IrTemp addr, unsigned memop);

/* Load/store multiple: registers in `list` from/to the ascending
 * addresses at `start`; `wb` (IR_NO_TEMP: none) the base's new value;
 * loads to pc interwork. */
void arm_gen_ldm(DisasCtx *d, int rn, uint32_t list, IrTemp start,
                 IrTemp wb);
void arm_gen_stm(DisasCtx *d, int rn, uint32_t list, IrTemp start,
                 IrTemp wb);

/* ---- translate-media.c: ARMv6/v7 integer additions ------------------- */

bool arm_gen_par_addsub(DisasCtx *d, int op1, int op2, int rd, int rn,
                        int rm);
void arm_gen_sel(DisasCtx *d, int rd, int rn, int rm);
void arm_gen_pkh(DisasCtx *d, int tb, int rd, int rn, int rm, int imm);
void arm_gen_sat(DisasCtx *d, bool is_unsigned, int rd, int sat, int rn,
                 int sh, int imm);
void arm_gen_sat16(DisasCtx *d, bool is_unsigned, int rd, int sat, int rn);
bool arm_gen_extend(DisasCtx *d, bool is_unsigned, int sz, int rd, int rn,
                    int rm, int rot);
void arm_gen_rev(DisasCtx *d, int kind, int rd, int rm);
void arm_gen_smlad(DisasCtx *d, int rd, int ra, int rn, int rm, int sub,
                   int x);
void arm_gen_smlald(DisasCtx *d, int rdlo, int rdhi, int rn, int rm,
                    int sub, int x);
void arm_gen_smmla(DisasCtx *d, int rd, int ra, int rn, int rm, bool sub,
                   bool round);
void arm_gen_div(DisasCtx *d, bool is_signed, int rd, int rn, int rm);
void arm_gen_usad8(DisasCtx *d, int rd, int ra, int rn, int rm);
bool arm_gen_bfx(DisasCtx *d, bool is_signed, int rd, int rn, int lsb,
                 int widthm1);
bool arm_gen_bfi(DisasCtx *d, int rd, int rn, int lsb, int msb);
void arm_gen_umaal(DisasCtx *d, int rdlo, int rdhi, int rn, int rm);
void arm_gen_movw(DisasCtx *d, int rd, uint32_t imm, bool top);
void arm_gen_ldrex(DisasCtx *d, int size, int rt, int rt2, int rn, int imm);
void arm_gen_strex(DisasCtx *d, int size, int rd, int rt, int rt2, int rn,
                   int imm);
void arm_gen_clrex(DisasCtx *d);
void arm_gen_barrier(DisasCtx *d);

/* ---- translate-a32.c / translate-t16.c ------------------------------ */

/* Decode and translate one instruction; false: undefined encoding. */
bool arm_decode_a32(DisasCtx *d, uint32_t insn);
bool arm_decode_a32_uncond(DisasCtx *d, uint32_t insn);
/* The ARMv6/v7 additions (a32-v6.decode, translate-a32-v6.c). */
bool arm_decode_a32_v6(DisasCtx *d, uint32_t insn);
bool arm_decode_a32_v6_uncond(DisasCtx *d, uint32_t insn);
bool arm_decode_t16(DisasCtx *d, uint32_t insn);
bool arm_decode_t32(DisasCtx *d, uint32_t insn);
/* VFP (vfp.decode, translate-vfp.c): ARM words with a condition other
 * than 1111, and Thumb-2 words with 1110 in bits 31:28. */
bool arm_decode_vfp(DisasCtx *d, uint32_t insn);
/* Thumb BL/BLX as one instruction: prefix hi (bits 10:0 of the first
 * halfword) and suffix halfword lo. */
void arm_gen_thumb_bl_pair(DisasCtx *d, uint32_t hi, uint32_t lo);

#endif

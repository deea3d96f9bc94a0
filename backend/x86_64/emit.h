/* backend/x86_64/emit.h — x86-64 instruction encoder: prefixes, REX,
 * ModRM/SIB, displacements and immediates into a bounded byte buffer.
 * Knows nothing of micro-ops; x86_64.c lowers ops onto it.
 */
#ifndef EMU_BACKEND_X86_64_EMIT_H
#define EMU_BACKEND_X86_64_EMIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum {
    X86_RAX = 0, X86_RCX, X86_RDX, X86_RBX, X86_RSP, X86_RBP, X86_RSI,
    X86_RDI, X86_R8, X86_R9, X86_R10, X86_R11, X86_R12, X86_R13, X86_R14,
    X86_R15,
};

/* Condition codes (Intel SDM Vol 2, Appendix B.1.4.7). */
enum {
    X86_CC_O = 0, X86_CC_NO, X86_CC_B, X86_CC_AE, X86_CC_E, X86_CC_NE,
    X86_CC_BE, X86_CC_A, X86_CC_S, X86_CC_NS, X86_CC_P, X86_CC_NP,
    X86_CC_L, X86_CC_GE, X86_CC_LE, X86_CC_G,
};

/* Opcode descriptor: the low byte is the opcode, the bits above add
 * escapes and prefixes. */
enum {
    X86_0F    = 1u << 8,    /* 0x0f escape */
    X86_0F38  = 1u << 9,    /* 0x0f 0x38 escape */
    X86_P66   = 1u << 10,   /* operand-size prefix */
    X86_PF3   = 1u << 11,
    X86_PF2   = 1u << 12,
    X86_W     = 1u << 13,   /* REX.W: 64-bit operand */
    X86_BYTER = 1u << 14,   /* the reg field names a byte register */
    X86_BYTEM = 1u << 15,   /* the r/m register names a byte register */
    X86_LOCK  = 1u << 16,
};

/* ALU group-1 operations (/digit) and shift group-2 operations. */
enum {
    X86_ALU_ADD = 0, X86_ALU_OR = 1, X86_ALU_ADC = 2, X86_ALU_SBB = 3,
    X86_ALU_AND = 4, X86_ALU_SUB = 5, X86_ALU_XOR = 6, X86_ALU_CMP = 7,
};
enum {
    X86_SH_ROL = 0, X86_SH_ROR = 1, X86_SH_SHL = 4, X86_SH_SHR = 5,
    X86_SH_SAR = 7,
};

/* A code buffer being written; writes past cap are dropped and flagged. */
typedef struct X86Asm {
    uint8_t *buf;
    size_t pos, cap;
    bool overflow;
} X86Asm;

/* The byte emitters are inline: code generation calls them for every
 * byte it writes. Little-endian immediates. */
static inline void x86_byte(X86Asm *a, uint8_t v)
{
    if (a->pos < a->cap) {
        a->buf[a->pos] = v;
    } else {
        a->overflow = true;
    }
    a->pos++;
}

static inline void x86_u16(X86Asm *a, uint16_t v)
{
    x86_byte(a, (uint8_t)v);
    x86_byte(a, (uint8_t)(v >> 8));
}

static inline void x86_u32(X86Asm *a, uint32_t v)
{
    if (a->pos + 4 <= a->cap) {
        a->buf[a->pos] = (uint8_t)v;
        a->buf[a->pos + 1] = (uint8_t)(v >> 8);
        a->buf[a->pos + 2] = (uint8_t)(v >> 16);
        a->buf[a->pos + 3] = (uint8_t)(v >> 24);
    } else {
        a->overflow = true;
    }
    a->pos += 4;
}

void x86_u64(X86Asm *a, uint64_t v);
/* Overwrites 4 bytes at pos (already emitted). */
void x86_patch32(X86Asm *a, size_t pos, uint32_t v);
void x86_patch8(X86Asm *a, size_t pos, uint8_t v);

/* opc with register operands: reg field r, r/m register rm. */
void x86_rr(X86Asm *a, uint32_t opc, int r, int rm);
/* opc with a memory operand [base + index + disp] (index -1: none). */
void x86_rm(X86Asm *a, uint32_t opc, int r, int base, int index,
            int32_t disp);

/* Common forms; `w` selects the 64-bit operand size. */
void x86_mov_rr(X86Asm *a, bool w, int dst, int src);
void x86_movi(X86Asm *a, bool w, int reg, uint64_t val);   /* may use xor */
void x86_movi_keepflags(X86Asm *a, bool w, int reg, uint64_t val);
void x86_alu_rr(X86Asm *a, bool w, int op, int dst, int src);
void x86_alu_ri(X86Asm *a, bool w, int op, int dst, int32_t imm);
void x86_shift_ri(X86Asm *a, bool w, int op, int reg, unsigned count);
void x86_shift_cl(X86Asm *a, bool w, int op, int reg);
void x86_lea(X86Asm *a, bool w, int dst, int base, int index, int32_t disp);
void x86_ld(X86Asm *a, bool w, int reg, int base, int32_t disp);
void x86_st(X86Asm *a, bool w, int reg, int base, int32_t disp);
void x86_bswap(X86Asm *a, bool w, int reg);
/* Byte-swaps the low 2^size bytes (size 1..3) of reg; size 1 leaves the
 * bits above 16 unchanged. */
void x86_bswap_size(X86Asm *a, int reg, unsigned size);
void x86_setcc(X86Asm *a, int cc, int reg);
void x86_cmov(X86Asm *a, bool w, int cc, int dst, int src);
/* Sign or zero extension of the low 2^size bytes of src into dst, to a
 * 64-bit (w) or zero-extended 32-bit result. */
void x86_ext(X86Asm *a, bool w, unsigned size, bool sign, int dst, int src);

/* Jumps. The rel32 forms return the offset of their displacement. */
size_t x86_jmp32(X86Asm *a);
size_t x86_jcc32(X86Asm *a, int cc);
size_t x86_jcc8(X86Asm *a, int cc);
size_t x86_jmp8(X86Asm *a);
/* Points the rel8 jump whose displacement is at pos to the current end. */
void x86_land8(X86Asm *a, size_t pos);
void x86_nops(X86Asm *a, unsigned n);

#endif

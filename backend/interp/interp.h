/* backend/interp/interp.h — the interpreter's program format, shared by the
 * compiler (interp.c), the run loop (interp_exec.c) and the memory and
 * arithmetic semantics (interp_ops.c). Private to backend/interp.
 *
 * A program sits at tb->code in the code buffer and is position-independent
 * except for the libffi call descriptors (which point at libffi's types and
 * at their own argument arrays in the buffer's writable view):
 *
 *   InterpProg header
 *   constant pool      8 bytes per distinct (type, value) the block uses
 *   InterpCall[]       one per distinct helper, ffi_cif prepared at compile
 *                      time
 *   code               uint32_t words, ops one after the other, then a NOP
 *                      word that aborts (a block must end in an exit)
 *
 * An operand word names where a value lives: bits 0-1 the base (frame of
 * uint64_t slots, the CPU state for globals, or the program itself for the
 * constant pool), bit 2 the width (64 or 32 bits: an i32 value is stored
 * as a uint32_t at the start of its place and read back zero-extended),
 * bits 3-31 the byte offset from the base. Slot 0 of the frame holds env.
 *
 * An op is a header word (bits 0-7 IrOpcode, bit 8 set for IR_I64, bits
 * 16-31 an op-specific small constant: cond, memop, slot, pos|len<<8,
 * nin|nout<<8|split<<15), then its output and input operand words in IrOp
 * order, then extra words: an int32 offset (LD/ST), a code word index (BR,
 * BRCOND), 2 words per 64-bit constant (INSN_START, EXIT_TB, low first),
 * the byte offset of its InterpCall (CALL).
 *
 * The insn map (tb_set_insn_map) records each INSN_START's byte offset in
 * the program, and a guest-memory op that faults passes its own address in
 * the program as the return address, so cpu_restore_state() restores the
 * exact instruction either from cpu->interp_insn_pc/extra (in_interp) or
 * from the map.
 */
#ifndef EMU_BACKEND_INTERP_H
#define EMU_BACKEND_INTERP_H

#include <ffi.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "core/exec.h"
#include "core/helper.h"

enum {
    INTERP_BASE_FRAME = 0,
    INTERP_BASE_ENV   = 1,
    INTERP_BASE_PROG  = 2,
    INTERP_BASE_MASK  = 3,
    INTERP_W64        = 1u << 2,
    INTERP_OFF_SHIFT  = 3,
    /* Largest byte offset an operand word can hold. */
    INTERP_MAX_OFF    = (1u << (32 - INTERP_OFF_SHIFT)) - 1,
};

/* Header word fields. */
enum {
    INTERP_OPC_MASK  = 0xff,
    INTERP_HDR_I64   = 1u << 8,
    INTERP_AUX_SHIFT = 16,
    /* CALL aux: nin | nout << 8 | this flag for the split call form. */
    INTERP_CALL_SPLIT = 1u << 15,
};

typedef struct InterpProg {
    uint32_t nslots;      /* uint64_t frame slots (>= 1) */
    uint32_t code_off;    /* byte offset of the first code word */
    uint32_t ncode;       /* code words */
    uint32_t ncalls;
} InterpProg;

/* A helper call site: the cif is prepared once when the block is compiled;
 * atypes is the array cif.arg_types points at. */
typedef struct InterpCall {
    ffi_cif cif;
    ffi_type *atypes[IR_MAX_CALL_ARGS];
    void (*func)(void);
    uint8_t ret;                        /* IrHelperType */
    uint8_t nargs;
    uint8_t args[IR_MAX_CALL_ARGS];     /* IrHelperType each */
} InterpCall;

/* Reads the value an operand word names, zero-extended to 64 bits. */
static inline uint64_t interp_rd(uint8_t *const *bases, uint32_t w)
{
    const uint8_t *p = bases[w & INTERP_BASE_MASK] + (w >> INTERP_OFF_SHIFT);
    if (w & INTERP_W64) {
        uint64_t v;
        memcpy(&v, p, 8);
        return v;
    } else {
        uint32_t v;
        memcpy(&v, p, 4);
        return v;
    }
}

/* Writes v to the place an operand word names, truncated to its width. */
static inline void interp_wr(uint8_t *const *bases, uint32_t w, uint64_t v)
{
    uint8_t *p = bases[w & INTERP_BASE_MASK] + (w >> INTERP_OFF_SHIFT);
    if (w & INTERP_W64) {
        memcpy(p, &v, 8);
    } else {
        uint32_t v32 = (uint32_t)v;
        memcpy(p, &v32, 4);
    }
}

struct TransBlock;

/* interp_exec.c: HostBackend.exec for the interpreter. */
uintptr_t interp_exec(CpuCommon *cpu, struct TransBlock *tb);

/* ---- interp_ops.c: semantics shared by the run loop ------------------- */

/* Value of a pure one- or two-input op of core/ir_ops.h at width is64. */
uint64_t interp_alu(unsigned opc, bool is64, uint64_t a, uint64_t b);
/* IrCond applied to a, b at the given width. */
bool interp_cond(unsigned cond, bool is64, uint64_t a, uint64_t b);
/* MULU2/MULS2 and ADD2/SUB2: writes the low and high results. */
void interp_mul2(bool is_signed, bool is64, uint64_t a, uint64_t b,
                 uint64_t *lo, uint64_t *hi);
void interp_addsub2(bool sub, bool is64, uint64_t al, uint64_t ah,
                    uint64_t bl, uint64_t bh, uint64_t *lo, uint64_t *hi);
/* EXTRACT/SEXTRACT/DEPOSIT with constants pos, len. */
uint64_t interp_extract(bool sign, bool is64, uint64_t a, unsigned pos,
                        unsigned len);
uint64_t interp_deposit(bool is64, uint64_t a, uint64_t b, unsigned pos,
                        unsigned len);

/* Guest memory at cpu->guest_base + addr; `ip` is the op's address in the
 * program, given as the fault's return address. Loads return the value
 * extended per IR_MO_SIGN to 64 bits. */
uint64_t interp_guest_ld(CpuCommon *cpu, uint64_t addr, unsigned memop,
                         const void *ip);
void interp_guest_st(CpuCommon *cpu, uint64_t addr, uint64_t val,
                     unsigned memop, const void *ip);
/* ATOMIC_* ops (opc an IrOpcode); returns the old memory value. */
uint64_t interp_atomic(CpuCommon *cpu, unsigned opc, uint64_t addr,
                       uint64_t a, uint64_t b, unsigned memop,
                       const void *ip);

/* Calls the helper of a call site with one 64-bit value a parameter;
 * returns its result zero-extended (0 for void). */
uint64_t interp_call(const InterpCall *c, const uint64_t *args);

#endif

/* tests/unit/exec/toy_guest.h — a tiny guest for testing the execution
 * side of core/ (translator loop, block cache, execution loop) without a
 * real frontend. Fixed 4-byte little-endian instructions:
 *   bits 0-7 opcode, 8-11 rd, 12-15 rs, 16-31 imm (signed).
 * Branch targets are pc + 4 + imm * 4.
 */
#ifndef EMU_TESTS_TOY_GUEST_H
#define EMU_TESTS_TOY_GUEST_H

#include <stdint.h>

#include "core/exec.h"
#include "core/guest.h"

#define TOY_NREGS 8
#define TOY_PAGE_SIZE 4096u

enum {
    TOY_ADDI = 1,   /* rd += imm << (block flags) */
    TOY_ADD,        /* rd += rs */
    TOY_BEQZ,       /* if rs == 0 goto target (two goto_tb exits) */
    TOY_BNEZ,       /* if rs != 0 goto target */
    TOY_JR,         /* pc = rs (exit through the lookup) */
    TOY_LD,         /* rd = mem32[rs + imm] */
    TOY_ST,         /* mem32[rs + imm] = rd */
    TOY_HALT,       /* helper raising TOY_EXCP_HALT at this insn */
    TOY_MAPS,       /* helper: checks /proc/self/maps for w+x mappings */
    TOY_MOVI,       /* rd = imm (zero-extended) */
    TOY_J,          /* goto target (goto_tb 0) */
    TOY_TRAP,       /* helper raising TOY_EXCP_TRAP with EMU_RETADDR() */
    TOY_LDA,        /* rd = mem32[rs + imm], must be aligned */
    TOY_PROBE,      /* helper: counts guest code run during toy_in_exclusive */
    TOY_MODE,       /* mode = imm, then on to the next insn by lookup */
};

/* Set by a test while it holds an exclusive section. */
extern _Atomic int toy_in_exclusive;

/* Guest exceptions. */
enum {
    TOY_EXCP_HALT = 1,
    TOY_EXCP_TRAP,
    TOY_EXCP_UNDEF,
};

typedef struct ToyState {
    CpuCommon common;
    uint32_t regs[TOY_NREGS];
    uint32_t pc;
    uint32_t halt_code;     /* imm of the HALT that stopped the cpu */
    uint64_t last_extra;    /* extra restored by restore_state */
    uint32_t wx_result;     /* TOY_MAPS: 1 w+x found, 2 none */
    uint32_t maps_calls;
    uint32_t probe_calls;
    uint32_t probe_violations;
    /* Part of the block key: flags = (mode & 1) | (mode & 0xf0 ? 2 : 0),
     * also described by the guest's key layout. */
    uint32_t mode;
} ToyState;

extern const GuestArch toy_guest;

static inline uint32_t toy_insn(unsigned op, unsigned rd, unsigned rs,
                                int32_t imm)
{
    return op | (rd & 15) << 8 | (rs & 15) << 12 | (uint32_t)(imm & 0xffff)
                                                         << 16;
}

/* The imm of a branch at `pc` to `target`. */
static inline int32_t toy_off(uint32_t pc, uint32_t target)
{
    return ((int32_t)target - (int32_t)(pc + 4)) / 4;
}

#endif

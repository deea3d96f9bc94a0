/* frontend/mips/cpu.h — the MIPS32 release 2 guest (both byte orders, user
 * mode): the CPU state micro-ops reach by offset, the exceptions cpu_exec()
 * returns, and what the runtime (linux-user) may call. One frontend serves
 * emu-mips (big-endian) and emu-mipsel; the byte order is a TB flag.
 *
 * pc holds the address of the next instruction to run. A branch and its
 * delay slot are translated as one unit; a fault in the slot restores
 * pc = the branch's address with bd = 1 (as the hardware's EPC and
 * Cause.BD), so running from pc again re-executes the branch, then the
 * slot. Exceptions raised by an instruction in a delay slot report
 * excp_insn = the slot's address and pc = the branch's.
 */
#ifndef EMU_FRONTEND_MIPS_CPU_H
#define EMU_FRONTEND_MIPS_CPU_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/exec.h"
#include "core/fpu/fpu.h"
#include "core/guest.h"

/* ELF machine of MIPS (EM_MIPS). */
#define MIPS_ELF_MACHINE 8

/* Exceptions cpu_exec() returns (besides the core's EXCP_*). The state is
 * exact for each: every register as the instructions before it left
 * them; `excp_insn` is the raising instruction's address, `excp_info`
 * as described. */
enum {
    /* SYSCALL: pc is already past it (the return address); excp_info =
     * the 20-bit code field. */
    MIPS_EXCP_SYSCALL = 1,
    /* BREAK: pc = its address (or its branch's); excp_info = the 20-bit
     * code field. */
    MIPS_EXCP_BREAK = 2,
    /* Conditional trap (TEQ, TGEI…) taken: pc as for BREAK; excp_info =
     * the 10-bit code field (0 for the immediate forms). */
    MIPS_EXCP_TRAP = 3,
    /* Reserved instruction (→ SIGILL): pc as for BREAK; excp_info = the
     * instruction word. */
    MIPS_EXCP_RI = 4,
    /* Integer overflow of ADD/ADDI/SUB (→ SIGFPE FPE_INTOVF). */
    MIPS_EXCP_OVERFLOW = 5,
    /* Coprocessor unusable (→ SIGILL): an FPU instruction on a model
     * without FPU, or one this frontend does not implement yet;
     * excp_info = the instruction word. */
    MIPS_EXCP_CPU = 6,
    /* Address error on instruction fetch (pc not a multiple of 4):
     * pc = excp_addr = the bad address (→ SIGBUS). */
    MIPS_EXCP_ADEL = 7,
    /* Floating-point exception with its enable bit set (→ SIGFPE); the
     * cause bits are in fcr31. */
    MIPS_EXCP_FPE = 8,
};

/* Feature bits (MipsState.features). */
enum {
    MIPS_FEATURE_FPU = 1u << 0,     /* CP1 present */
    MIPS_FEATURE_R2 = 1u << 1,      /* release 2 (else release 1) */
};

/* TB flags: bit 0 big-endian, bit 1 FPU present, bit 2 release 2, bit 3
 * an FPU exception is enabled in FCSR (FPU operations may trap: they keep
 * the cause bits eagerly and are called as helpers that may raise), bit 4
 * FR = 1 (Status.FR: 32 64-bit FPU registers). */
#define MIPS_TBFLAG_BE  1u
#define MIPS_TBFLAG_FPU 2u
#define MIPS_TBFLAG_R2  4u
#define MIPS_TBFLAG_FPE 8u
#define MIPS_TBFLAG_FR  16u

/* MipsState.fp_mode: the process's FP mode as prctl(PR_GET_FP_MODE)
 * reports it (Linux's PR_FP_MODE_FR; FRE is never set: release 2). */
#define MIPS_FP_MODE_FR 1u
#define MIPS_FP_MODE_FRE 2u

/* FCSR (fcr31) bits, MIPS32 Vol I 6.2. */
#define MIPS_FCSR_RM     0x00000003u
#define MIPS_FCSR_FLAGS  0x0000007cu
#define MIPS_FCSR_ENABLE 0x00000f80u
#define MIPS_FCSR_CAUSE  0x0003f000u
#define MIPS_FCSR_FCC0   (1u << 23)
#define MIPS_FCSR_FS     (1u << 24)
#define MIPS_FCSR_FCC17  0xfe000000u

typedef struct MipsState {
    CpuCommon common;       /* must be first (core/exec.h) */
    uint32_t gpr[32];       /* gpr[0] reads as 0 and is never written */
    uint32_t pc;            /* next instruction (see above) */
    uint32_t hi, lo;
    /* LL/SC: the address and the value the last LL loaded; SC stores
     * with a compare-and-swap against llval (lladdr = 1: no link). */
    uint32_t lladdr, llval;
    uint32_t ulr;           /* UserLocal (RDHWR $29), the TLS pointer */
    uint32_t bd;            /* 1: the exception was in a delay slot */
    uint32_t big_endian;    /* 1 for emu-mips */
    uint32_t features;      /* MIPS_FEATURE_* of the cpu model */
    /* FPU: the 32 64-bit registers of an F64 FPU, as the hardware and
     * Linux (thread.fpu.fpr) keep them, so switching FR changes no value.
     * FR = 1: register r is fpr[r], a single its low half (a 32-bit write
     * keeps the high half, as QEMU does; the manual says unpredictable).
     * FR = 0: the pair 2k, 2k + 1 is fpr[2k] (low word 2k), so a double is
     * one load or store; fpr[2k + 1] is out of reach (kept for FR = 1).
     * Code reaches registers through 32-bit "slots" (mips_fpr_slot):
     * slot s is the low (s even) or high (s odd) half of fpr[s >> 1]. */
    uint64_t fpr[32] __attribute__((aligned(8)));
    uint32_t fp_mode;       /* MIPS_FP_MODE_FR or 0 */
    uint32_t fcr0;          /* FIR: implementation and capabilities */
    /* FCSR, except for two fields kept elsewhere (read and write it
     * through mips_fcsr_get/set): the flags are fp_status.flags, and
     * while fp_last_op is nonzero the cause bits are those of that last
     * operation, recomputed from fp_last_a/b/c when FCSR is read. */
    uint32_t fcr31;
    uint32_t fp_last_op;    /* fpu_helper.c's operation id; 0: none */
    uint64_t fp_last_a, fp_last_b, fp_last_c;
    /* Details of the last MIPS_EXCP_* (see the enum). */
    uint32_t excp_insn;
    uint32_t excp_info;
    /* core/fpu rules: legacy NaN encoding, tininess before rounding; the
     * rounding mode and flushing are FCSR's (set by mips_fcsr_set), the
     * flags are FCSR's cumulative flags. They are cleared only when the
     * guest clears them, so once inexact is set core/fpu takes its host
     * fast path (docs/mips.md, "FPU speed"). */
    FpuStatus fp_status;
} MipsState;

/* Size of the state to allocate (bytes) and its initial values: zeroed
 * after CpuCommon, then reset (no link, FPU per features). The caller
 * owns the memory. */
size_t mips_cpu_state_size(void);
void mips_cpu_reset(MipsState *env, bool big_endian, uint32_t features);

/* The slot of 32-bit FPU register r (0..31) in mode fr: FR = 0 the
 * low (r even) or high (r odd) half of fpr[r & ~1], FR = 1 the low half
 * of fpr[r]. A 64-bit operand r (even under FR = 0) is fpr[slot >> 1]. */
static inline unsigned mips_fpr_slot(unsigned r, bool fr)
{
    return fr ? 2 * r : 2 * (r & ~1u) + (r & 1);
}

/* Byte offset in MipsState of slot s (0..63), for either host byte
 * order. */
static inline size_t mips_fpr_offset(unsigned s)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    return offsetof(MipsState, fpr) + 8 * (s >> 1) + 4 * ((s & 1) ^ 1);
#else
    return offsetof(MipsState, fpr) + 4 * s;
#endif
}

/* Slot s's 32 bits. */
static inline uint32_t mips_fpr32(const MipsState *env, unsigned s)
{
    return (uint32_t)(env->fpr[s >> 1] >> (32 * (s & 1)));
}

static inline void mips_set_fpr32(MipsState *env, unsigned s, uint32_t v)
{
    unsigned sh = 32 * (s & 1);

    env->fpr[s >> 1] = (env->fpr[s >> 1] & ~((uint64_t)0xffffffffu << sh)) |
                       (uint64_t)v << sh;
}

/* FCSR (fcr31) as the guest reads it: cause and flags included. The
 * read brings fcr31's cause field up to date (fpu_helper.c). */
uint32_t mips_fcsr_get(MipsState *env);
/* Writes the whole FCSR (bits 18/19 and the reserved ones as given: the
 * caller masks them), the rounding mode and flush bit into fp_status. */
void mips_fcsr_set(MipsState *env, uint32_t v);

extern const GuestArch guest_mips;
extern const GuestArch guest_mipsel;

#endif

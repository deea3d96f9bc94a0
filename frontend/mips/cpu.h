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

/* TB flags: bit 0 big-endian, bit 1 FPU present, bit 2 release 2. */
#define MIPS_TBFLAG_BE  1u
#define MIPS_TBFLAG_FPU 2u
#define MIPS_TBFLAG_R2  4u

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
    /* FPU (FR = 0: a double lives in an even/odd pair, low word even). */
    uint32_t fpr[32];
    uint32_t fcr0;          /* FIR: implementation and capabilities */
    uint32_t fcr31;         /* FCSR */
    /* Details of the last MIPS_EXCP_* (see the enum). */
    uint32_t excp_insn;
    uint32_t excp_info;
    /* core/fpu rules: legacy NaN encoding, tininess before rounding; the
     * rounding mode and flushing are taken from fcr31 at every operation,
     * the flags it accumulates become fcr31's cause bits. */
    FpuStatus fp_status;
} MipsState;

/* Size of the state to allocate (bytes) and its initial values: zeroed
 * after CpuCommon, then reset (no link, FPU per features). The caller
 * owns the memory. */
size_t mips_cpu_state_size(void);
void mips_cpu_reset(MipsState *env, bool big_endian, uint32_t features);

extern const GuestArch guest_mips;
extern const GuestArch guest_mipsel;

#endif

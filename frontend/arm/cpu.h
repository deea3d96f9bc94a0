/* frontend/arm/cpu.h — the ARMv5TE guest (ARM + Thumb-1, little-endian,
 * Debian armel): the CPU state micro-ops reach by offset, the exception
 * numbers cpu_exec() returns, and what the runtime (linux-user) may call.
 * This header is the contract between the ARM frontend and the runtime.
 *
 * Registers: r[15] holds the address of the NEXT instruction to run (not
 * the architectural pc+8 a running instruction reads). Thumb state is
 * `thumb` (0 ARM, 1 Thumb); the runtime sets the entry pc with
 * arm_set_pc(), which also picks the instruction set from bit 0 as BX
 * does. User mode only: CPSR mode bits always read as USR (0x10).
 *
 * Memory: guest memory is little-endian at common.guest_base; unaligned
 * LDR/STR/LDRH/STRH/LDRD are performed as unaligned accesses (what Linux
 * user space sees on ARMv6+ hardware, or on v5 with the kernel's alignment
 * fixups), never faulting; ARM_FEATURE_V5_UNALIGNED selects the rotated
 * ARMv5 results for word LDR/STR instead.
 */
#ifndef EMU_FRONTEND_ARM_CPU_H
#define EMU_FRONTEND_ARM_CPU_H

#include <stddef.h>
#include <stdint.h>

#include "core/exec.h"
#include "core/fpu/fpu.h"
#include "core/guest.h"

/* ELF machine of ARM (EM_ARM). */
#define ARM_ELF_MACHINE 40

/* The kuser helper page (Linux arch/arm/kernel/entry-armv.S): a block
 * starting at an address in [ARM_KUSER_START, ARM_KUSER_END] is not
 * translated; cpu_exec() returns ARM_EXCP_KERNEL_TRAP instead. */
#define ARM_KUSER_START 0xffff0000u
#define ARM_KUSER_END   0xffff0fffu

/* Exceptions cpu_exec() returns (besides the core's EXCP_*). For each,
 * the state is exact: r[15] is as described, every register and flag as
 * the instructions before it left them. `excp_insn` is the raising
 * instruction's address, `excp_info` holds its immediate field. */
enum {
    /* SVC / SWI: r[15] is already past the SVC (the return address).
     * excp_info = the 24-bit (ARM) or 8-bit (Thumb) immediate; for EABI
     * the runtime takes the number from r7 and ignores it (OABI:
     * immediate - 0x900000). */
    ARM_EXCP_SWI = 1,
    /* Undefined instruction (→ SIGILL): r[15] = excp_insn = its address;
     * excp_info = the instruction word (Thumb: the halfword). */
    ARM_EXCP_UDEF = 2,
    /* BKPT (→ SIGTRAP): r[15] = its address; excp_info = the 16-bit
     * (ARM) or 8-bit (Thumb) immediate. */
    ARM_EXCP_BKPT = 3,
    /* r[15] is in the kuser helper page: the runtime emulates the helper
     * (r0.. as arguments), then returns to lr (interworking on bit 0). */
    ARM_EXCP_KERNEL_TRAP = 4,
};

/* Feature bits (ArmState.features). */
enum {
    ARM_FEATURE_V5TE   = 1u << 0,   /* SMULxy & co., QADD, LDRD/STRD, PLD */
    ARM_FEATURE_THUMB  = 1u << 1,   /* Thumb-1 and interworking */
    /* Unaligned word LDR/STR as on an ARMv5 core with the alignment trap
     * off (Linux's default user mode on pre-v6 cores): LDR loads the
     * aligned word rotated right by 8 * address[1:0], STR ignores address
     * bits 1:0 (ARM ARM A4.1.23, A4.1.99). Without it (the default set by
     * arm_cpu_reset) they are plain unaligned accesses, as on v6+. */
    ARM_FEATURE_V5_UNALIGNED = 1u << 2,
    /* ARMv6: REV, SXT/UXT, parallel add/subtract with GE and SEL, SSAT,
     * USAT, PKH, the media multiplies, UMAAL, LDREX/STREX (word), SETEND,
     * CPS, the Thumb additions of v6. */
    ARM_FEATURE_V6     = 1u << 3,
    /* ARMv6K: byte/halfword/doubleword exclusives, CLREX, hints. */
    ARM_FEATURE_V6K    = 1u << 4,
    /* ARMv6T2: Thumb-2, MOVW/MOVT, bit-field ops, RBIT, MLS. */
    ARM_FEATURE_THUMB2 = 1u << 5,
    /* ARMv7-A: DMB/DSB/ISB, PLI, PLDW. */
    ARM_FEATURE_V7     = 1u << 6,
    ARM_FEATURE_ARM_DIV   = 1u << 7,    /* SDIV/UDIV in ARM state */
    ARM_FEATURE_THUMB_DIV = 1u << 8,    /* SDIV/UDIV in Thumb state */
    /* Floating point (translate-vfp.c). VFP: VFPv2 (coprocessors 10 and
     * 11, d0-d15); VFP3: VFPv3 additions (VMOV immediate, fixed-point
     * VCVT); VFP_D32: d16-d31; VFP4: fused multiply-add; FP16: VCVTB/
     * VCVTT half precision. NEON (Advanced SIMD) is not implemented. */
    ARM_FEATURE_VFP    = 1u << 9,
    ARM_FEATURE_VFP3   = 1u << 10,
    ARM_FEATURE_VFP_D32 = 1u << 11,
    ARM_FEATURE_NEON   = 1u << 12,
    ARM_FEATURE_VFP4   = 1u << 13,
    ARM_FEATURE_FP16   = 1u << 14,
};

/* FPSCR (ARM ARM B6.1.43). The cumulative exception flags live in
 * ArmState.vfp_status.flags (FPU_FLAG_*), the rest in ArmState.fpscr. */
#define ARM_FPSCR_NZCV   0xf0000000u
#define ARM_FPSCR_QC     (1u << 27)
#define ARM_FPSCR_AHP    (1u << 26)
#define ARM_FPSCR_DN     (1u << 25)
#define ARM_FPSCR_FZ     (1u << 24)
#define ARM_FPSCR_RMODE_SHIFT 22
#define ARM_FPSCR_STRIDE 0x00300000u
#define ARM_FPSCR_LEN    0x00070000u
#define ARM_FPSCR_IDC    (1u << 7)
#define ARM_FPSCR_CUMULATIVE 0x9fu     /* IDC IXC UFC OFC DZC IOC */
/* What FPSCR keeps of a write: trap enables are RAZ/WI (no trapping). */
#define ARM_FPSCR_WRITABLE 0xfff7009fu
#define ARM_FPEXC_EN     (1u << 30)

/* CPSR bits as arm_cpsr_read() returns them. */
#define ARM_CPSR_N (1u << 31)
#define ARM_CPSR_Z (1u << 30)
#define ARM_CPSR_C (1u << 29)
#define ARM_CPSR_V (1u << 28)
#define ARM_CPSR_Q (1u << 27)
#define ARM_CPSR_NZCVQ 0xf8000000u
#define ARM_CPSR_GE 0x000f0000u
/* IT state: IT[1:0] in bits 26:25, IT[7:2] in bits 15:10. */
#define ARM_CPSR_IT 0x0600fc00u
#define ARM_CPSR_T (1u << 5)
#define ARM_CPSR_MODE_USR 0x10u

typedef struct ArmState {
    CpuCommon common;       /* must be first (core/exec.h) */
    uint32_t r[16];         /* r13 sp, r14 lr, r15: next pc (see above) */
    /* Flags, kept so that computing them is cheap and unused results die
     * in the optimizer (QEMU's representation):
     *   N is bit 31 of NF; Z is set iff ZF == 0; C is CF (0 or 1);
     *   V is bit 31 of VF. */
    uint32_t NF, ZF, CF, VF;
    uint32_t QF;            /* sticky saturation flag: set iff nonzero */
    uint32_t thumb;         /* 1: Thumb state (TB flag bit 0) */
    uint32_t tpidruro;      /* CP15 c13 TLS register (runtime's set_tls) */
    uint32_t features;      /* ARM_FEATURE_* of the cpu model */
    /* Details of the last ARM_EXCP_* (see the enum). */
    uint32_t excp_insn;
    uint32_t excp_info;
    /* ARMv6+: APSR.GE (bits 3:0) of the parallel add/subtract family. */
    uint32_t GE;
    /* Thumb-2 IT state (ITSTATE, ARM ARM B1.3.3): bits 7:4 the condition
     * of the next instruction, 3:0 the mask; 0 outside an IT block. Kept
     * exact at block boundaries and restored from insn_start's extra
     * word after a fault inside generated code. */
    uint32_t condexec;
    uint32_t tpidrurw;      /* CP15 c13 user read/write thread register */
    /* The exclusive monitor (LDREX/STREX), one per cpu: the address the
     * last LDREX* read (ARM_EXCL_NONE: open) and the value it read.
     * STREX succeeds when the address matches and a host cmpxchg finds
     * the value still there (QEMU's scheme; see docs/arm.md for the ABA
     * caveat). */
    uint32_t excl_addr;
    uint32_t excl_pad;
    uint64_t excl_val;
    /* VFP. FPSCR as arm_fpscr_read() assembles it: `fpscr` holds NZCV,
     * QC, AHP, DN, FZ, RMode, Stride and Len; the cumulative flags are
     * vfp_status.flags, whose rounding and flush/default-NaN modes
     * follow RMode, FZ and DN (arm_fpscr_write keeps them in step). The
     * FPU helpers take &vfp_status directly. */
    uint32_t fpscr;
    uint32_t fpexc;             /* EN always set in user mode */
    FpuStatus vfp_status;
    /* d0-d31; s(2n) is the low half of dn, s(2n+1) the high half. */
    uint64_t vfp_d[32] __attribute__((aligned(8)));
} ArmState;

#define ARM_EXCL_NONE 0xffffffffu

/* Size of the state to allocate (bytes) and its initial values: zeroed,
 * then arm_cpu_reset(). The caller owns the memory. */
size_t arm_cpu_state_size(void);
void arm_cpu_reset(ArmState *env);

/* CPSR as user mode sees it: NZCVQ, GE, IT, T, mode USR. */
uint32_t arm_cpsr_read(const ArmState *env);
/* Writes the bits of `val` selected by `mask` (NZCVQ, GE, IT and T;
 * other bits ignored). Changing T or IT takes effect at the next block
 * lookup. */
void arm_cpsr_write(ArmState *env, uint32_t val, uint32_t mask);
/* FPSCR with the cumulative flags; writing sets all of its writable
 * fields (ARM_FPSCR_WRITABLE) and the FpuStatus modes they select. */
uint32_t arm_fpscr_read(const ArmState *env);
void arm_fpscr_write(ArmState *env, uint32_t val);
/* Byte offset in ArmState of single-precision register s<n> (0..63 for
 * the halves of d0-d31), for either host byte order. */
static inline size_t arm_vfp_sreg_offset(unsigned n)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    return offsetof(ArmState, vfp_d) + 8 * (n >> 1) + 4 * ((n & 1) ^ 1);
#else
    return offsetof(ArmState, vfp_d) + 4 * n;
#endif
}

/* Sets the pc like BX: bit 0 selects Thumb, the pc is val & ~1. */
void arm_set_pc(ArmState *env, uint32_t val);

/* TB flags: bit 0 = Thumb, bit 1 = ARM_FEATURE_V5_UNALIGNED, bits 9:2
 * the IT state (condexec), bit 10 FPSCR.Len/Stride nonzero (VFP
 * short vectors: their data-processing instructions are UDEF), bits
 * 31:16 the cpu's feature bits (so that blocks of different models never
 * mix, e.g. in the unit tests). */
#define ARM_TBFLAG_THUMB 1u
#define ARM_TBFLAG_V5_UNALIGNED 2u
#define ARM_TBFLAG_CONDEXEC_SHIFT 2
#define ARM_TBFLAG_VFP_VEC (1u << 10)
#define ARM_TBFLAG_FEATURES_SHIFT 16

/* Clears the exclusive monitor (CLREX, exception return, signal
 * delivery). */
void arm_clear_exclusive(ArmState *env);

extern const GuestArch guest_arm;

#endif

/* frontend/i386/cpu.h — the i386 guest (i386..i686 integer ISA, user mode
 * under Linux): the CPU state micro-ops reach by offset, the lazy
 * condition-code representation, the exceptions cpu_exec() returns and
 * what the runtime (linux-user/i386) may call.
 *
 * Flags are lazy (docs/i386.md): the arithmetic flags CF PF AF ZF SF OF
 * are not kept as bits but as (cc_op, cc_dst, cc_src, cc_src2), the kind
 * of the last flag-setting operation and its operands; they are computed
 * only where an instruction reads them. cc_op = X86_CC_EFLAGS means
 * cc_src holds the six bits themselves. DF is kept as the string step
 * sign in `df` (1 or -1); the other EFLAGS bits user mode may see live
 * in `eflags` (IF and bit 1 always set, AC, ID, NT).
 */
#ifndef EMU_FRONTEND_I386_CPU_H
#define EMU_FRONTEND_I386_CPU_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/exec.h"
#include "core/guest.h"

/* ELF machine of i386 (EM_386). */
#define X86_ELF_MACHINE 3

/* General registers in encoding order. */
enum {
    X86_EAX = 0, X86_ECX, X86_EDX, X86_EBX, X86_ESP, X86_EBP, X86_ESI,
    X86_EDI,
};

/* Segment registers in encoding order (sreg field of MOV Sw). */
enum {
    X86_SEG_ES = 0, X86_SEG_CS, X86_SEG_SS, X86_SEG_DS, X86_SEG_FS,
    X86_SEG_GS,
};

/* EFLAGS bits (Intel SDM vol. 1, 3.4.3). */
enum {
    X86_CF = 1u << 0,
    X86_PF = 1u << 2,
    X86_AF = 1u << 4,
    X86_ZF = 1u << 6,
    X86_SF = 1u << 7,
    X86_TF = 1u << 8,
    X86_IF = 1u << 9,
    X86_DF = 1u << 10,
    X86_OF = 1u << 11,
    X86_NT = 1u << 14,
    X86_AC = 1u << 18,
    X86_ID = 1u << 21,
    X86_CC_MASK = X86_CF | X86_PF | X86_AF | X86_ZF | X86_SF | X86_OF,
};

/* cc_op = kind * 4 + size (0: 8 bits, 1: 16, 2: 32). What cc_dst,
 * cc_src and cc_src2 hold for each kind (values zero-extended from the
 * operation's size):
 *   EFLAGS  src = the six flag bits
 *   ADD     dst = result, src = second operand
 *   ADC     dst = result, src = second operand, src2 = carry in
 *   SUB     dst = result, src = second operand (the subtrahend)
 *   SBB     dst = result, src = subtrahend, src2 = borrow in
 *   LOGIC   dst = result (CF = OF = AF = 0)
 *   INC/DEC dst = result, src = CF before the instruction
 *   SHL     dst = result, src = the value shifted by count - 1
 *   SAR     dst = result, src = the value shifted right by count - 1
 *           (SHR and SAR; CF = src bit 0, OF = sign(src ^ dst))
 *   MUL     dst = low result, src = nonzero when the result overflowed
 *           the low half (CF = OF)
 */
enum {
    X86_CC_EFLAGS = 0,
    X86_CC_ADD = 1,
    X86_CC_ADC = 2,
    X86_CC_SUB = 3,
    X86_CC_SBB = 4,
    X86_CC_LOGIC = 5,
    X86_CC_INC = 6,
    X86_CC_DEC = 7,
    X86_CC_SHL = 8,
    X86_CC_SAR = 9,
    X86_CC_MUL = 10,
    X86_CC_NB_KINDS = 11,
};
#define X86_CC_OP(kind, size) ((kind) * 4 + (size))

/* Exceptions cpu_exec() returns (besides the core's EXCP_*). The state
 * is exact: eip as described, excp_insn the raising instruction. */
enum {
    /* INT 0x80: eip is past the instruction. */
    X86_EXCP_SYSCALL = 1,
    /* #UD, invalid or unimplemented opcode (→ SIGILL): eip = insn. */
    X86_EXCP_UD = 2,
    /* #DE, divide error (→ SIGFPE): eip = insn. */
    X86_EXCP_DE = 3,
    /* #GP in user mode: privileged instructions, HLT, I/O, INT n other
     * than 3 and 0x80 (→ SIGSEGV, si_code SI_KERNEL): eip = insn. */
    X86_EXCP_GP = 4,
    /* INT3 (→ SIGTRAP): eip past the instruction. */
    X86_EXCP_BP = 5,
    /* INTO with OF set (→ SIGSEGV): eip past the instruction. */
    X86_EXCP_OF = 6,
    /* BOUND range exceeded (→ SIGSEGV): eip = insn. */
    X86_EXCP_BR = 7,
};

/* Feature bits of a cpu model (X86State.features, TB flags). */
enum {
    X86_FEAT_CMOV    = 1u << 0,   /* CMOVcc (P6) */
    X86_FEAT_CX8     = 1u << 1,   /* CMPXCHG8B */
    X86_FEAT_TSC     = 1u << 2,   /* RDTSC */
    X86_FEAT_POPCNT  = 1u << 3,   /* F3 0F B8 */
    X86_FEAT_LZCNT   = 1u << 4,   /* F3 0F BD (ABM) */
    X86_FEAT_BMI1    = 1u << 5,   /* F3 0F BC TZCNT */
    X86_FEAT_MOVBE   = 1u << 6,
    X86_FEAT_FPU     = 1u << 7,   /* x87 (not implemented yet) */
};

/* One descriptor of the GDT TLS entries or the LDT, as the kernel keeps
 * it (struct user_desc fields that matter to user mode). */
typedef struct X86Desc {
    uint32_t base, limit;
    uint32_t flags;             /* user_desc flags word | X86_DESC_PRESENT
                                   when installed and present */
} X86Desc;
#define X86_DESC_PRESENT (1u << 31)

/* GDT entries set_thread_area may use (arch/x86/include/asm/segment.h). */
#define X86_GDT_TLS_MIN 6
#define X86_GDT_TLS_ENTRIES 3
#define X86_LDT_ENTRIES 64

typedef struct X86State {
    CpuCommon common;           /* must be first (core/exec.h) */
    uint32_t regs[8];           /* eax ecx edx ebx esp ebp esi edi */
    uint32_t eip;
    uint32_t cc_op, cc_dst, cc_src, cc_src2;   /* lazy flags (above) */
    uint32_t df;                /* 1, or 0xffffffff when DF is set */
    uint32_t eflags;            /* IF, bit 1, AC, ID, NT (see top) */
    uint32_t seg[6];            /* selectors */
    uint32_t seg_base[6];       /* their bases (FS, GS from TLS/LDT) */
    uint32_t features;          /* X86_FEAT_* */
    uint32_t cpuid_level;       /* index of the cpu model (helper.c) */
    /* Details of the last X86_EXCP_*: the raising instruction and, for
     * INT n, n. */
    uint32_t excp_insn, excp_info;
    X86Desc gdt_tls[X86_GDT_TLS_ENTRIES];
    X86Desc ldt[X86_LDT_ENTRIES];
} X86State;

size_t x86_cpu_state_size(void);
/* Zeroes the registers and sets the reset state of a user-mode process:
 * flat segments (__USER_CS 0x73, __USER_DS 0x7b), DF clear, IF set. */
void x86_cpu_reset(X86State *env);

/* EFLAGS as PUSHF sees it (computes the lazy flags). */
uint32_t x86_eflags_read(const X86State *env);
/* Writes EFLAGS as POPF does in user mode (arithmetic flags, DF, AC, ID,
 * NT; IF and IOPL unchanged). */
void x86_eflags_write(X86State *env, uint32_t val);
/* The six arithmetic flags from the lazy state. */
uint32_t x86_cc_compute(uint32_t cc_op, uint32_t dst, uint32_t src,
                        uint32_t src2);

/* Loads segment register `seg` with `sel` as MOV Sw would: looks the
 * selector up in the TLS GDT entries or the LDT. Returns false (a #GP
 * for the caller) when the selector names no usable descriptor. */
bool x86_load_seg(X86State *env, int seg, uint32_t sel);

/* cpu models (helper.c): CPUID leaves. `model` indexes x86_cpu_models. */
typedef struct X86CpuModel {
    const char *name;
    uint32_t family, model, stepping;
    uint32_t features;          /* X86_FEAT_* */
    uint32_t cpuid1_edx, cpuid1_ecx;
    uint32_t ext1_ecx, ext1_edx;
    const char *brand;
} X86CpuModel;
extern const X86CpuModel x86_cpu_models[];
extern const unsigned x86_cpu_model_count;

extern const GuestArch guest_i386;

#endif

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
#include "core/fpu/fpu.h"
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
 * A cc_op of X86_CC_ROT_BASE + op (op one of the kinds above that leave
 * src2 unused) is the state after ROL/ROR by a constant: SF ZF AF PF as
 * op with its dst and src, CF and OF the bits of src2 (X86_CF | X86_OF).
 * Rotates in a row keep the op and replace src2.
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
#define X86_CC_ROT_BASE 64

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
    /* #MF, a pending unmasked x87 exception met by a waiting x87 or MMX
     * instruction (→ SIGFPE): eip = that instruction. */
    X86_EXCP_MF = 8,
    /* #XM, an unmasked SSE exception (→ SIGFPE): eip = insn. */
    X86_EXCP_XM = 9,
    /* #NP / #SS of a segment load naming a not-present descriptor (→
     * SIGBUS, si_code SI_KERNEL): eip = insn. */
    X86_EXCP_NP = 10,
    /* SYSENTER: a system call through the vsyscall entry (linux-user/i386
     * takes esp from ebp, the 6th argument from [ebp], and returns to the
     * vsyscall page's landing point); eip is past the instruction. */
    X86_EXCP_SYSENTER = 11,
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
    X86_FEAT_FPU     = 1u << 7,   /* x87 */
    X86_FEAT_MMX     = 1u << 8,
    X86_FEAT_FXSR    = 1u << 9,   /* FXSAVE / FXRSTOR */
    X86_FEAT_SSE     = 1u << 10,
    X86_FEAT_SSE2    = 1u << 11,
    X86_FEAT_SSE3    = 1u << 12,  /* incl. FISTTP */
    X86_FEAT_SSSE3   = 1u << 13,
    X86_FEAT_SEP     = 1u << 14,  /* SYSENTER (SYSEXIT is #GP in user mode) */
};
/* Not a model feature: set while DS, ES or SS has a nonzero base (an LDT
 * or TLS descriptor), so that only blocks translated then add those bases
 * (FS and GS bases are always added). */
#define X86_FEAT_SEGBASE (1u << 31)

/* x87 status word bits (Intel SDM vol. 1, 8.1.3); TOP is kept apart in
 * X86State.fptop. */
enum {
    X87_SW_IE = 1u << 0, X87_SW_DE = 1u << 1, X87_SW_ZE = 1u << 2,
    X87_SW_OE = 1u << 3, X87_SW_UE = 1u << 4, X87_SW_PE = 1u << 5,
    X87_SW_SF = 1u << 6, X87_SW_ES = 1u << 7, X87_SW_C0 = 1u << 8,
    X87_SW_C1 = 1u << 9, X87_SW_C2 = 1u << 10, X87_SW_C3 = 1u << 14,
    X87_SW_B = 1u << 15,
    X87_SW_EXC = 0x3f,
};

/* MXCSR bits (SDM vol. 1, 10.2.3): flags 0..5, DAZ 6, masks 7..12, RC
 * 13..14, FTZ 15. */
enum {
    X86_MXCSR_DAZ = 1u << 6,
    X86_MXCSR_FTZ = 1u << 15,
    X86_MXCSR_MASK = 0xffff,      /* the bits a write may set */
    X86_MXCSR_DEFAULT = 0x1f80,
};

/* An XMM register or an MMX/XMM operand scratch. Lanes are in host
 * order, which is the guest's (little-endian) on every supported host. */
typedef union X86Xmm {
    uint8_t b[16];
    uint16_t w[8];
    uint32_t l[4];
    uint64_t q[2];
} X86Xmm;

/* One descriptor of the GDT TLS entries or the LDT, as the kernel keeps
 * it (struct user_desc fields that matter to user mode). */
typedef struct X86Desc {
    uint32_t base, limit;
    uint32_t flags;             /* user_desc flags word | X86_DESC_INSTALLED
                                   when the entry holds a descriptor (not
                                   the empty one) | X86_DESC_PRESENT when
                                   that descriptor is present too */
} X86Desc;
#define X86_DESC_PRESENT (1u << 31)
#define X86_DESC_INSTALLED (1u << 30)
/* user_desc flag bits (arch/x86/include/uapi/asm/ldt.h). */
enum {
    X86_UD_SEG_32BIT = 1u << 0,
    X86_UD_CONTENTS = 3u << 1,        /* 0 data, 1 data expand-down,
                                         2 code, 3 conforming code */
    X86_UD_READ_EXEC_ONLY = 1u << 3,  /* data: read-only; code: no read */
    X86_UD_LIMIT_IN_PAGES = 1u << 4,
    X86_UD_SEG_NOT_PRESENT = 1u << 5,
    X86_UD_USEABLE = 1u << 6,
    X86_UD_FLAG_BITS = 0x7f,
};

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
    uint32_t ldt_count;         /* entries the LDT has (modify_ldt) */

    /* x87 (docs/i386.md): physical registers R0..R7; ST(i) is
     * fpregs[(fptop + i) & 7]. MMX register i is fpregs[i].mant. */
    FpuX80 fpregs[8];
    uint32_t fptop;
    uint32_t fpus;              /* status word without TOP */
    uint32_t fpuc;              /* control word */
    uint8_t fptags[8];          /* per physical register: 1 = empty */
    uint32_t fpip, fpdp, fpop;  /* last instruction / operand (FNSTENV) */
    FpuStatus fp_status;        /* rounding and precision from fpuc */
    /* C1 of the last inexact arithmetic result, computed when the status
     * word is read: the operation (0: none) and its operands. */
    uint32_t c1_op;
    FpuX80 c1_a, c1_b;
    /* SSE */
    X86Xmm xmm[8];
    X86Xmm xmm_t0;              /* memory operand of the instruction */
    uint32_t mxcsr;
    FpuStatus sse_status;       /* rounding, DAZ, FTZ from mxcsr */
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

/* x87 / SSE state (helper-x87.c, helper-sse.c). */
/* FNINIT + MXCSR reset: the state of a new process. */
void x87_reset(X86State *env);
/* The status word with TOP and a pending C1 resolved. */
uint32_t x87_status_word(X86State *env);
/* The full 2-bit tag word of FNSTENV (from the registers' contents). */
uint32_t x87_tag_word(const X86State *env);
/* Writes the control word (rounding, precision, masks) and re-derives
 * ES/B from the flags it leaves unmasked. */
void x87_set_control(X86State *env, uint32_t cw);
/* Writes the status word (TOP included). */
void x87_set_status(X86State *env, uint32_t sw);
/* Sets the tags from a full tag word (11 = empty, anything else used). */
void x87_set_tag_word(X86State *env, uint32_t tw);
void x86_set_mxcsr(X86State *env, uint32_t v);
/* FXSAVE / FXRSTOR images (512 bytes, SDM vol. 1, 10.5.1) in host
 * memory; fxrstor returns false when the MXCSR image has reserved bits. */
void x86_fxsave_image(X86State *env, uint8_t *buf);
bool x86_fxrstor_image(X86State *env, const uint8_t *buf);
/* FNSAVE / FRSTOR 32-bit protected-mode images (108 bytes). */
void x87_fsave_image(X86State *env, uint8_t *buf);
void x87_frstor_image(X86State *env, const uint8_t *buf);

/* The checks of MOV Sw at CPL 3 (SDM vol. 2B, MOV): 0 when `sel` may go
 * into segment register `seg` (DS ES FS GS: null, or a present data or
 * readable code descriptor; SS: a present writable data descriptor with
 * RPL 3), with its base in *base; else the exception (X86_EXCP_GP, or
 * X86_EXCP_NP for a not-present one). The descriptors are the user
 * selectors of Linux's GDT (__USER_CS 0x73, __USER_DS 0x7b), its TLS
 * entries and the LDT. */
int x86_check_seg(const X86State *env, int seg, uint32_t sel,
                  uint32_t *base);
/* Loads segment register `seg` (not CS) with `sel` after those checks;
 * false (nothing changed) when they fail. */
bool x86_load_seg(X86State *env, int seg, uint32_t sel);
/* Sets segment register `seg` to (sel, base) without checks and keeps
 * X86_FEAT_SEGBASE in step. */
void x86_set_seg(X86State *env, int seg, uint32_t sel, uint32_t base);
/* The checks of a far CALL/JMP (ret false) or RET/IRET (ret true) to
 * code selector `sel` at CPL 3: 0 with the new CS value in *cs, else the
 * exception. Only flat 32-bit code segments (base 0, 4 GiB) are
 * supported: __USER_CS and such LDT entries. */
int x86_check_code_seg(const X86State *env, uint32_t sel, bool ret,
                       uint32_t *cs);

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

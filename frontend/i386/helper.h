/* frontend/i386/helper.h — C helpers the i386 translator calls from
 * micro-ops: the lazy flags when an instruction needs them all,
 * exceptions, division with #DE, CPUID/RDTSC, segment loads, rotates
 * through carry and BCD adjustments, each with its IrHelper descriptor.
 */
#ifndef EMU_FRONTEND_I386_HELPER_H
#define EMU_FRONTEND_I386_HELPER_H

#include <stdint.h>

#include "core/helper.h"
#include "cpu.h"

/* The six arithmetic flags of (cc_op, dst, src, src2); pure. */
uint32_t x86_helper_cc_compute(uint32_t cc_op, uint32_t dst, uint32_t src,
                               uint32_t src2);
/* Leaves to cpu_exec() with excp: eip = new_eip, excp_insn = insn_pc,
 * excp_info = info. */
_Noreturn void x86_helper_raise(CpuCommon *cpu, uint32_t excp,
                                uint32_t new_eip, uint32_t insn_pc,
                                uint32_t info);
/* DIV / IDIV: mode = size (0..2) | 4 when signed. The dividend is
 * hi:lo for 32 bits, lo (DX:AX or AX) for 16 and 8. Returns quotient |
 * remainder << 32, or raises #DE at insn_pc. */
uint64_t x86_helper_div(CpuCommon *cpu, uint32_t lo, uint32_t hi,
                        uint32_t divisor, uint32_t mode, uint32_t insn_pc);
/* CPUID on eax/ecx of the state, results in eax..edx. */
void x86_helper_cpuid(CpuCommon *cpu);
uint64_t x86_helper_rdtsc(void);
/* MOV/POP/LxS to a segment register; #GP or #NP at insn_pc for a bad
 * selector (x86_check_seg). */
void x86_helper_load_seg(CpuCommon *cpu, uint32_t seg, uint32_t sel,
                         uint32_t insn_pc);
/* Far CALL/JMP (ret 0) and RET/IRET (ret 1): the CS value a transfer to
 * code selector sel gives, or #GP/#NP at insn_pc (x86_check_code_seg). */
uint32_t x86_helper_code_seg(CpuCommon *cpu, uint32_t sel, uint32_t ret,
                             uint32_t insn_pc);
/* RCL / RCR: mode = size | 4 for RCR. Returns the result | the new
 * EFLAGS arithmetic bits << 32 (only CF and OF change). */
uint64_t x86_helper_rcx(uint32_t mode, uint32_t val, uint32_t count,
                        uint32_t eflags);
/* DAA DAS AAA AAS (op 0..3) and AAD (op 4, base in bits 8..15 of op):
 * returns new eax | new flags << 32. */
uint64_t x86_helper_bcd(uint32_t op, uint32_t eax, uint32_t eflags);

extern const IrHelper x86_helper_cc_compute_desc;
extern const IrHelper x86_helper_raise_desc;
extern const IrHelper x86_helper_div_desc;
extern const IrHelper x86_helper_cpuid_desc;
extern const IrHelper x86_helper_rdtsc_desc;
extern const IrHelper x86_helper_load_seg_desc;
extern const IrHelper x86_helper_code_seg_desc;
extern const IrHelper x86_helper_rcx_desc;
extern const IrHelper x86_helper_bcd_desc;

#endif

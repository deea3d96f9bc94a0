/* frontend/mips/helper.h — C helpers the MIPS translators call from
 * micro-ops (leaving with an exception, the cycle counter), each with its
 * IrHelper descriptor (core/helper.h).
 */
#ifndef EMU_FRONTEND_MIPS_HELPER_H
#define EMU_FRONTEND_MIPS_HELPER_H

#include <stdint.h>

#include "core/helper.h"
#include "cpu.h"

/* Leaves to cpu_exec() with excp: pc = new_pc, bd, excp_insn = insn_pc,
 * excp_info = info, excp_addr = insn_pc. */
_Noreturn void mips_helper_raise(CpuCommon *cpu, uint32_t excp,
                                 uint32_t new_pc, uint32_t insn_pc,
                                 uint32_t info, uint32_t bd);
/* RDHWR $2 (CC): a free-running counter (host monotonic time, in units
 * of two nominal 500 MHz cycles as CCRes = 2 says). */
uint32_t mips_helper_rdhwr_cc(void);

/* CFC1 / CTC1 of FIR (0), FCCR (25), FEXR (26), FENR (28), FCSR (31)
 * (MIPS32 Vol I 6.2), through mips_fcsr_get/set (they change fields of
 * the state that are no globals). CTC1 returns nonzero when a cause bit
 * it wrote is enabled (or is Unimplemented Operation): the instruction
 * then raises MIPS_EXCP_FPE, as hardware does. */
uint32_t mips_helper_cfc1(CpuCommon *cpu, uint32_t reg);
uint32_t mips_helper_ctc1(CpuCommon *cpu, uint32_t val, uint32_t reg);

extern const IrHelper mips_helper_raise_desc;
extern const IrHelper mips_helper_cfc1_desc;
extern const IrHelper mips_helper_ctc1_desc;
extern const IrHelper mips_helper_rdhwr_cc_desc;

#endif

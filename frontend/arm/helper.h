/* frontend/arm/helper.h — C helpers the ARM translators call from
 * micro-ops (exceptions, CPSR access, saturating arithmetic), each with
 * its IrHelper descriptor (core/helper.h).
 */
#ifndef EMU_FRONTEND_ARM_HELPER_H
#define EMU_FRONTEND_ARM_HELPER_H

#include <stdint.h>

#include "core/helper.h"
#include "cpu.h"

/* Leaves to cpu_exec() with excp: r15 = new_pc, excp_insn = insn_pc,
 * excp_info = info. */
_Noreturn void arm_helper_raise(CpuCommon *cpu, uint32_t excp,
                                uint32_t new_pc, uint32_t insn_pc,
                                uint32_t info);
uint32_t arm_helper_cpsr_read(CpuCommon *cpu);
void arm_helper_cpsr_write(CpuCommon *cpu, uint32_t val, uint32_t mask);
/* Saturating signed 32-bit arithmetic; QF set on saturation. */
uint32_t arm_helper_qadd(CpuCommon *cpu, uint32_t a, uint32_t b);
uint32_t arm_helper_qsub(CpuCommon *cpu, uint32_t a, uint32_t b);
/* a + b, wrapping; QF set when it overflows (SMLAxy, SMLAWy). */
uint32_t arm_helper_add_setq(CpuCommon *cpu, uint32_t a, uint32_t b);

extern const IrHelper arm_helper_raise_desc;
extern const IrHelper arm_helper_cpsr_read_desc;
extern const IrHelper arm_helper_cpsr_write_desc;
extern const IrHelper arm_helper_qadd_desc;
extern const IrHelper arm_helper_qsub_desc;
extern const IrHelper arm_helper_add_setq_desc;

#endif

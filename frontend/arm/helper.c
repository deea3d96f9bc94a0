/* frontend/arm/helper.c — the ARM guest's C helpers: what is awkward as
 * micro-ops (leaving with an exception, the CPSR as one word, saturation
 * with the sticky Q flag). Called from generated code and the interpreter.
 */
#include "helper.h"

#include <stdint.h>

void arm_helper_raise(CpuCommon *cpu, uint32_t excp, uint32_t new_pc,
                      uint32_t insn_pc, uint32_t info)
{
    ArmState *env = (ArmState *)cpu;

    /* Globals were synced before the call (no NO_*_GLOBALS flags), so the
     * state is exact once r15 is set: no restore from retaddr. */
    env->r[15] = new_pc;
    env->excp_insn = insn_pc;
    env->excp_info = info;
    cpu->excp_addr = insn_pc;
    cpu_raise(cpu, (int)excp, 0);
}

/* MRS: the execution state bits (T, IT) read as zero (B1.3.3). */
uint32_t arm_helper_cpsr_read(CpuCommon *cpu)
{
    return arm_cpsr_read((ArmState *)cpu) & ~(ARM_CPSR_IT | ARM_CPSR_T);
}

void arm_helper_cpsr_write(CpuCommon *cpu, uint32_t val, uint32_t mask)
{
    arm_cpsr_write((ArmState *)cpu, val, mask);
}

static uint32_t arm_saturate(ArmState *env, int64_t v)
{
    if (v > INT32_MAX) {
        env->QF = 1;
        return (uint32_t)INT32_MAX;
    }
    if (v < INT32_MIN) {
        env->QF = 1;
        return (uint32_t)INT32_MIN;
    }
    return (uint32_t)(int32_t)v;
}

uint32_t arm_helper_qadd(CpuCommon *cpu, uint32_t a, uint32_t b)
{
    return arm_saturate((ArmState *)cpu, (int64_t)(int32_t)a + (int32_t)b);
}

uint32_t arm_helper_qsub(CpuCommon *cpu, uint32_t a, uint32_t b)
{
    return arm_saturate((ArmState *)cpu, (int64_t)(int32_t)a - (int32_t)b);
}

uint32_t arm_helper_add_setq(CpuCommon *cpu, uint32_t a, uint32_t b)
{
    uint32_t r = a + b;

    if ((~(a ^ b) & (a ^ r)) >> 31) {
        ((ArmState *)cpu)->QF = 1;
    }
    return r;
}

/* QF is not a global temp: the saturating helpers touch no global. */
#define ARM_HF_Q (IR_HF_NO_READ_GLOBALS | IR_HF_NO_WRITE_GLOBALS)

const IrHelper arm_helper_raise_desc =
    IR_HELPER(arm_helper_raise, IR_HF_MAY_RAISE, IR_HT_VOID, IR_HT_PTR,
              IR_HT_I32, IR_HT_I32, IR_HT_I32, IR_HT_I32);
const IrHelper arm_helper_cpsr_read_desc =
    IR_HELPER(arm_helper_cpsr_read, IR_HF_NO_WRITE_GLOBALS, IR_HT_I32,
              IR_HT_PTR);
const IrHelper arm_helper_cpsr_write_desc =
    IR_HELPER(arm_helper_cpsr_write, 0, IR_HT_VOID, IR_HT_PTR, IR_HT_I32,
              IR_HT_I32);
const IrHelper arm_helper_qadd_desc =
    IR_HELPER(arm_helper_qadd, ARM_HF_Q, IR_HT_I32, IR_HT_PTR, IR_HT_I32,
              IR_HT_I32);
const IrHelper arm_helper_qsub_desc =
    IR_HELPER(arm_helper_qsub, ARM_HF_Q, IR_HT_I32, IR_HT_PTR, IR_HT_I32,
              IR_HT_I32);
const IrHelper arm_helper_add_setq_desc =
    IR_HELPER(arm_helper_add_setq, ARM_HF_Q, IR_HT_I32, IR_HT_PTR,
              IR_HT_I32, IR_HT_I32);

/* frontend/mips/helper.c — the MIPS guest's C helpers: what is awkward as
 * micro-ops (leaving with an exception, the cycle counter). Called from
 * generated code and from the interpreter.
 */
#include "helper.h"

#include <stdint.h>
#include <time.h>

void mips_helper_raise(CpuCommon *cpu, uint32_t excp, uint32_t new_pc,
                       uint32_t insn_pc, uint32_t info, uint32_t bd)
{
    MipsState *env = (MipsState *)cpu;

    /* Globals were synced before the call (no NO_*_GLOBALS flags): the
     * state is exact once pc is set. */
    env->pc = new_pc;
    env->bd = bd;
    env->excp_insn = insn_pc;
    env->excp_info = info;
    cpu->excp_addr = excp == MIPS_EXCP_ADEL ? new_pc : insn_pc;
    cpu_raise(cpu, (int)excp, 0);
}

uint32_t mips_helper_rdhwr_cc(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    /* 500 MHz nominal, counting every other cycle: 4 ns a tick. */
    return (uint32_t)(((uint64_t)ts.tv_sec * 1000000000u + ts.tv_nsec) / 4);
}

uint32_t mips_helper_cfc1(CpuCommon *cpu, uint32_t reg)
{
    MipsState *env = (MipsState *)cpu;
    uint32_t f;

    if (reg == 0) {
        return env->fcr0;
    }
    f = mips_fcsr_get(env);

    switch (reg) {
    case 25:    /* FCCR: fcc7..1 from bits 31:25, fcc0 from bit 23 */
        return (f >> 24 & 0xfe) | (f >> 23 & 1);
    case 26:    /* FEXR: cause and flags */
        return f & (MIPS_FCSR_CAUSE | MIPS_FCSR_FLAGS);
    case 28:    /* FENR: enables, FS (as bit 2) and RM */
        return (f & (MIPS_FCSR_ENABLE | MIPS_FCSR_RM)) | (f >> 22 & 4);
    default:
        return f;
    }
}

uint32_t mips_helper_ctc1(CpuCommon *cpu, uint32_t val, uint32_t reg)
{
    MipsState *env = (MipsState *)cpu;
    uint32_t f = mips_fcsr_get(env);
    /* Writable FCSR bits: fcc, FS, cause, enables, flags, RM. Bits 18:19
     * (NAN2008/ABS2008) read as 0: legacy NaN encoding only. */
    const uint32_t wmask = MIPS_FCSR_FCC17 | MIPS_FCSR_FS | MIPS_FCSR_FCC0 |
                           MIPS_FCSR_CAUSE | MIPS_FCSR_ENABLE |
                           MIPS_FCSR_FLAGS | MIPS_FCSR_RM;

    switch (reg) {
    case 25:
        f = (f & ~(MIPS_FCSR_FCC17 | MIPS_FCSR_FCC0)) |
            (val & 0xfe) << 24 | (val & 1) << 23;
        break;
    case 26:
        f = (f & ~(MIPS_FCSR_CAUSE | MIPS_FCSR_FLAGS)) |
            (val & (MIPS_FCSR_CAUSE | MIPS_FCSR_FLAGS));
        break;
    case 28:
        f = (f & ~(MIPS_FCSR_ENABLE | MIPS_FCSR_RM | MIPS_FCSR_FS)) |
            (val & (MIPS_FCSR_ENABLE | MIPS_FCSR_RM)) | (val & 4) << 22;
        break;
    default:
        f = val & wmask;
        break;
    }
    mips_fcsr_set(env, f);
    /* Cause bit 17 (Unimplemented) always traps; the others when their
     * enable (cause bit - 5) is set. */
    return (f >> 12 & (f >> 7 & 0x1f)) || (f & (1u << 17));
}

const IrHelper mips_helper_raise_desc =
    IR_HELPER(mips_helper_raise, IR_HF_MAY_RAISE, IR_HT_VOID, IR_HT_PTR,
              IR_HT_I32, IR_HT_I32, IR_HT_I32, IR_HT_I32, IR_HT_I32);
const IrHelper mips_helper_rdhwr_cc_desc =
    IR_HELPER0(mips_helper_rdhwr_cc,
               IR_HF_NO_READ_GLOBALS | IR_HF_NO_WRITE_GLOBALS, IR_HT_I32);
const IrHelper mips_helper_cfc1_desc =
    IR_HELPER(mips_helper_cfc1, IR_HF_NO_READ_GLOBALS | IR_HF_NO_WRITE_GLOBALS,
              IR_HT_I32, IR_HT_PTR, IR_HT_I32);
const IrHelper mips_helper_ctc1_desc =
    IR_HELPER(mips_helper_ctc1, IR_HF_NO_READ_GLOBALS | IR_HF_NO_WRITE_GLOBALS,
              IR_HT_I32, IR_HT_PTR,
              IR_HT_I32, IR_HT_I32);

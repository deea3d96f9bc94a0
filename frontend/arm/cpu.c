/* frontend/arm/cpu.c — the ARM guest's description for the core (the
 * GuestArch table), its CPU state life cycle, the CPSR as one word, and
 * the -d cpu register dump.
 */
#include "cpu.h"

#include <capstone/capstone.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "translate.h"

size_t arm_cpu_state_size(void)
{
    return sizeof(ArmState);
}

void arm_cpu_reset(ArmState *env)
{
    memset((char *)env + sizeof(CpuCommon), 0,
           sizeof(*env) - sizeof(CpuCommon));
    env->ZF = 1;    /* Z clear */
    env->features = ARM_FEATURE_V5TE | ARM_FEATURE_THUMB;
    env->excl_addr = ARM_EXCL_NONE;
    /* Linux starts a thread with FPEXC.EN and FPSCR 0 (vfp_thread_flush). */
    fpu_status_init_arm(&env->vfp_status);
    env->fpexc = ARM_FPEXC_EN;
}

/* FPSCR cumulative bits <-> FpuStatus flags: IOC DZC OFC UFC IXC share
 * the library's bit positions 0-4; IDC (bit 7) is the input flush flag.
 * The library's x86 denormal-operand flag has no FPSCR bit. */
uint32_t arm_fpscr_read(const ArmState *env)
{
    uint32_t f = env->vfp_status.flags;

    return env->fpscr | (f & 0x1fu) |
           (f & FPU_FLAG_INPUT_FLUSHED ? ARM_FPSCR_IDC : 0);
}

void arm_fpscr_write(ArmState *env, uint32_t val)
{
    /* RMode: nearest, +inf, -inf, zero (B6.1.43). */
    static const uint8_t rmode[4] = {
        FPU_ROUND_NEAREST_EVEN, FPU_ROUND_UP, FPU_ROUND_DOWN, FPU_ROUND_ZERO,
    };
    FpuStatus *st = &env->vfp_status;

    val &= ARM_FPSCR_WRITABLE;
    env->fpscr = val & ~ARM_FPSCR_CUMULATIVE;
    st->flags = (uint8_t)((val & 0x1fu) |
                          (val & ARM_FPSCR_IDC ? FPU_FLAG_INPUT_FLUSHED : 0));
    st->rounding = rmode[(val >> ARM_FPSCR_RMODE_SHIFT) & 3];
    st->flush_inputs = (val & ARM_FPSCR_FZ) != 0;
    st->flush_outputs = (val & ARM_FPSCR_FZ) != 0;
    st->default_nan = (val & ARM_FPSCR_DN) != 0;
}

void arm_clear_exclusive(ArmState *env)
{
    env->excl_addr = ARM_EXCL_NONE;
}

uint32_t arm_cpsr_read(const ArmState *env)
{
    return (env->NF & ARM_CPSR_N) | (env->ZF == 0 ? ARM_CPSR_Z : 0) |
           (env->CF ? ARM_CPSR_C : 0) | (env->VF >> 31 ? ARM_CPSR_V : 0) |
           (env->QF ? ARM_CPSR_Q : 0) | (env->thumb ? ARM_CPSR_T : 0) |
           (env->GE & 0xf) << 16 | (env->condexec & 3) << 25 |
           (env->condexec & 0xfc) << 8 | ARM_CPSR_MODE_USR;
}

void arm_cpsr_write(ArmState *env, uint32_t val, uint32_t mask)
{
    if (mask & ARM_CPSR_N) {
        env->NF = val & ARM_CPSR_N;
    }
    if (mask & ARM_CPSR_Z) {
        env->ZF = (val & ARM_CPSR_Z) ? 0 : 1;
    }
    if (mask & ARM_CPSR_C) {
        env->CF = (val & ARM_CPSR_C) ? 1 : 0;
    }
    if (mask & ARM_CPSR_V) {
        env->VF = (val & ARM_CPSR_V) ? 1u << 31 : 0;
    }
    if (mask & ARM_CPSR_Q) {
        env->QF = (val & ARM_CPSR_Q) ? 1 : 0;
    }
    if (mask & ARM_CPSR_T) {
        env->thumb = (val & ARM_CPSR_T) ? 1 : 0;
    }
    if (mask & ARM_CPSR_GE) {
        env->GE = (val & ARM_CPSR_GE) >> 16;
    }
    if (mask & ARM_CPSR_IT) {
        env->condexec = (val >> 25 & 3) | (val >> 8 & 0xfc);
    }
}

void arm_set_pc(ArmState *env, uint32_t val)
{
    env->thumb = val & 1;
    env->r[15] = val & ~1u;
}

static void arm_tb_key(const CpuCommon *cpu, uint64_t *pc, uint32_t *flags)
{
    const ArmState *env = (const ArmState *)cpu;

    *pc = env->r[15];
    *flags = (env->thumb ? ARM_TBFLAG_THUMB : 0) |
             (env->features & ARM_FEATURE_V5_UNALIGNED ? ARM_TBFLAG_V5_UNALIGNED
                                                       : 0) |
             (env->thumb ? (env->condexec & 0xff) << ARM_TBFLAG_CONDEXEC_SHIFT
                         : 0) |
             (env->fpscr & (ARM_FPSCR_LEN | ARM_FPSCR_STRIDE)
                  ? ARM_TBFLAG_VFP_VEC : 0) |
             (env->features & 0xffff) << ARM_TBFLAG_FEATURES_SHIFT;
}

/* extra: the IT state at the instruction (Thumb; 0 elsewhere). */
static void arm_restore_state(CpuCommon *cpu, uint64_t pc, uint64_t extra)
{
    ((ArmState *)cpu)->r[15] = (uint32_t)pc;
    ((ArmState *)cpu)->condexec = (uint32_t)extra;
}

static void arm_dump_state(CpuCommon *cpu, FILE *out)
{
    ArmState *env = (ArmState *)cpu;
    uint32_t cpsr = arm_cpsr_read(env);

    for (int i = 0; i < 16; i++) {
        fprintf(out, "R%02d=%08x%s", i, env->r[i], (i & 3) == 3 ? "\n" : " ");
    }
    fprintf(out, "PSR=%08x %c%c%c%c%c %s usr32\n", cpsr,
            cpsr & ARM_CPSR_N ? 'N' : '-', cpsr & ARM_CPSR_Z ? 'Z' : '-',
            cpsr & ARM_CPSR_C ? 'C' : '-', cpsr & ARM_CPSR_V ? 'V' : '-',
            cpsr & ARM_CPSR_Q ? 'Q' : '-', env->thumb ? "T" : "A");
    if (env->features & ARM_FEATURE_VFP) {
        int n = env->features & ARM_FEATURE_VFP_D32 ? 32 : 16;
        for (int i = 0; i < n; i++) {
            fprintf(out, "D%02d=%016llx%s", i,
                    (unsigned long long)env->vfp_d[i],
                    (i & 1) == 1 ? "\n" : " ");
        }
        fprintf(out, "FPSCR: %08x\n", arm_fpscr_read(env));
    }
}

/* -d in_asm disassembles in ARM mode only: GuestArch has one capstone
 * mode, so Thumb blocks show as ARM words (their flags say Thumb). */
const GuestArch guest_arm = {
    .name = "arm",
    .elf_machine = ARM_ELF_MACHINE,
    .big_endian = false,
    .page_size = 4096,
    .cs_arch = CS_ARCH_ARM,
    .cs_mode = CS_MODE_ARM,
    .state_size = sizeof(ArmState),
    .ctx_size = sizeof(DisasCtx),
    .init_globals = arm_init_globals,
    .tb_key = arm_tb_key,
    .tb_start = arm_tb_start,
    .translate_insn = arm_translate_insn,
    .tb_end = arm_tb_end,
    .restore_state = arm_restore_state,
    .dump_state = arm_dump_state,
};

/* frontend/mips/cpu.c — the MIPS guest's descriptions for the core (one
 * GuestArch per byte order, sharing every hook), its CPU state life cycle
 * and the -d cpu register dump.
 */
#include "cpu.h"

#include <capstone/capstone.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "translate.h"

size_t mips_cpu_state_size(void)
{
    return sizeof(MipsState);
}

void mips_cpu_reset(MipsState *env, bool big_endian, uint32_t features)
{
    memset((char *)env + sizeof(CpuCommon), 0,
           sizeof(*env) - sizeof(CpuCommon));
    env->big_endian = big_endian;
    env->features = features;
    env->lladdr = 1;
    fpu_status_init_mips(&env->fp_status, false);
    /* Legacy-NaN MIPS FPUs return the default NaN for every NaN result,
     * payloads are not propagated (QEMU models the same). */
    env->fp_status.default_nan = true;
    if (features & MIPS_FEATURE_FPU) {
        /* FIR of a 24Kf/34Kf/74Kf: F64, L, W, D, S, PRId 0x93 rev. */
        env->fcr0 = 0x00f30000u | (0x93u << 8);
    }
}

static void mips_tb_key(const CpuCommon *cpu, uint64_t *pc, uint32_t *flags)
{
    const MipsState *env = (const MipsState *)cpu;

    *pc = env->pc;
    *flags = (env->big_endian ? MIPS_TBFLAG_BE : 0) |
             (env->features & MIPS_FEATURE_FPU ? MIPS_TBFLAG_FPU : 0) |
             (env->features & MIPS_FEATURE_R2 ? MIPS_TBFLAG_R2 : 0) |
             (env->fcr31 & MIPS_FCSR_ENABLE ? MIPS_TBFLAG_FPE : 0) |
             (env->fp_mode & MIPS_FP_MODE_FR ? MIPS_TBFLAG_FR : 0);
}

/* mips_tb_key as data, for the JIT's inline lookup (core/guest.h). */
static const GuestKeyLayout mips_key_layout = {
    .pc_offset = offsetof(MipsState, pc),
    .pc_size = 4,
    .nfields = 5,
    .fields = {
        { .offset = offsetof(MipsState, big_endian), .mask = 1,
          .test = true, .pos = 0 },
        { .offset = offsetof(MipsState, features), .mask = MIPS_FEATURE_FPU,
          .test = true, .pos = 1 },
        { .offset = offsetof(MipsState, features), .mask = MIPS_FEATURE_R2,
          .test = true, .pos = 2 },
        { .offset = offsetof(MipsState, fcr31), .mask = MIPS_FCSR_ENABLE,
          .test = true, .pos = 3 },
        { .offset = offsetof(MipsState, fp_mode), .mask = MIPS_FP_MODE_FR,
          .test = true, .pos = 4 },
    },
};

static void mips_restore_state(CpuCommon *cpu, uint64_t pc, uint64_t extra)
{
    MipsState *env = (MipsState *)cpu;

    env->pc = (uint32_t)pc;
    env->bd = (uint32_t)extra & 1;
}

static void mips_dump_state(CpuCommon *cpu, FILE *out)
{
    static const char *const names[32] = {
        "zero", "at", "v0", "v1", "a0", "a1", "a2", "a3",
        "t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7",
        "s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7",
        "t8", "t9", "k0", "k1", "gp", "sp", "s8", "ra",
    };
    MipsState *env = (MipsState *)cpu;

    fprintf(out, "pc=0x%08x HI=0x%08x LO=0x%08x ds %u\n", env->pc, env->hi,
            env->lo, env->bd);
    for (int i = 0; i < 32; i++) {
        fprintf(out, "GPR%02d: %s %08x%s", i, names[i], env->gpr[i],
                (i & 3) == 3 ? "\n" : " ");
    }
    if (env->features & MIPS_FEATURE_FPU) {
        fprintf(out, "FCR0 0x%08x FCR31 0x%08x FR %u\n", env->fcr0,
                mips_fcsr_get(env), env->fp_mode & MIPS_FP_MODE_FR);
    }
}

const GuestArch guest_mips = {
    .name = "mips",
    .elf_machine = MIPS_ELF_MACHINE,
    .big_endian = true,
    .page_size = 4096,
    .cs_arch = CS_ARCH_MIPS,
    .cs_mode = CS_MODE_MIPS32 | CS_MODE_BIG_ENDIAN,
    .state_size = sizeof(MipsState),
    .ctx_size = sizeof(DisasCtx),
    .init_globals = mips_init_globals,
    .tb_key = mips_tb_key,
    .tb_start = mips_tb_start,
    .translate_insn = mips_translate_insn,
    .tb_end = mips_tb_end,
    .restore_state = mips_restore_state,
    .dump_state = mips_dump_state,
    .key_layout = &mips_key_layout,
};

const GuestArch guest_mipsel = {
    .name = "mipsel",
    .elf_machine = MIPS_ELF_MACHINE,
    .big_endian = false,
    .page_size = 4096,
    .cs_arch = CS_ARCH_MIPS,
    .cs_mode = CS_MODE_MIPS32 | CS_MODE_LITTLE_ENDIAN,
    .state_size = sizeof(MipsState),
    .ctx_size = sizeof(DisasCtx),
    .init_globals = mips_init_globals,
    .tb_key = mips_tb_key,
    .tb_start = mips_tb_start,
    .translate_insn = mips_translate_insn,
    .tb_end = mips_tb_end,
    .restore_state = mips_restore_state,
    .dump_state = mips_dump_state,
    .key_layout = &mips_key_layout,
};

/* frontend/i386/cpu.c — the i386 guest's description for the core (the
 * GuestArch table), its CPU state life cycle, EFLAGS as one word over the
 * lazy flags, segment loads from the TLS GDT entries and the LDT, and the
 * -d cpu register dump.
 */
#include "cpu.h"

#include <capstone/capstone.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "translate.h"

size_t x86_cpu_state_size(void)
{
    return sizeof(X86State);
}

void x86_cpu_reset(X86State *env)
{
    memset((char *)env + sizeof(CpuCommon), 0,
           sizeof(*env) - sizeof(CpuCommon));
    env->cc_op = X86_CC_EFLAGS;
    env->df = 1;
    env->eflags = X86_IF | 2u;
    /* Linux's flat user segments (arch/x86/include/asm/segment.h). */
    env->seg[X86_SEG_CS] = 0x73;
    env->seg[X86_SEG_SS] = 0x7b;
    env->seg[X86_SEG_DS] = 0x7b;
    env->seg[X86_SEG_ES] = 0x7b;
    env->features = x86_cpu_models[0].features;
    x87_reset(env);
}

uint32_t x86_eflags_read(const X86State *env)
{
    return x86_cc_compute(env->cc_op, env->cc_dst, env->cc_src,
                          env->cc_src2) |
           (env->df == 1 ? 0 : X86_DF) | env->eflags;
}

void x86_eflags_write(X86State *env, uint32_t val)
{
    const uint32_t user = X86_AC | X86_ID | X86_NT;

    env->cc_op = X86_CC_EFLAGS;
    env->cc_src = val & X86_CC_MASK;
    env->df = (val & X86_DF) ? 0xffffffffu : 1;
    env->eflags = (env->eflags & ~user) | (val & user);
}

/* The descriptor `sel` names, NULL when none (outside the tables, an
 * entry user mode cannot use). Linux's flat user segments are described
 * like the LDT entries modify_ldt would make for them. */
static const X86Desc *x86_lookup_desc(const X86State *env, uint32_t sel)
{
    static const X86Desc user_cs = {
        0, 0xfffff, X86_UD_SEG_32BIT | 2u << 1 | X86_UD_LIMIT_IN_PAGES |
                    X86_DESC_INSTALLED | X86_DESC_PRESENT,
    };
    static const X86Desc user_ds = {
        0, 0xfffff, X86_UD_SEG_32BIT | X86_UD_LIMIT_IN_PAGES |
                    X86_DESC_INSTALLED | X86_DESC_PRESENT,
    };
    uint32_t idx = (sel & 0xffff) >> 3;

    if (sel & 4) {
        return idx < X86_LDT_ENTRIES ? &env->ldt[idx] : NULL;
    }
    if (idx >= X86_GDT_TLS_MIN &&
        idx < X86_GDT_TLS_MIN + X86_GDT_TLS_ENTRIES) {
        return &env->gdt_tls[idx - X86_GDT_TLS_MIN];
    }
    /* GDT_ENTRY_DEFAULT_USER_CS 14 / _DS 15 (arch/x86/include/asm/
     * segment.h); the other entries are the kernel's (DPL 0) or empty. */
    return idx == 14 ? &user_cs : idx == 15 ? &user_ds : NULL;
}

static bool x86_desc_is_code(const X86Desc *desc)
{
    return ((desc->flags & X86_UD_CONTENTS) >> 1) >= 2;
}

int x86_check_seg(const X86State *env, int seg, uint32_t sel,
                  uint32_t *base)
{
    const X86Desc *desc;

    sel &= 0xffff;
    *base = 0;
    if (seg == X86_SEG_CS || seg < 0 || seg > X86_SEG_GS) {
        return X86_EXCP_GP;
    }
    if ((sel & ~3u) == 0) {
        /* The null selector: fine for data segments, not for SS. */
        return seg == X86_SEG_SS ? X86_EXCP_GP : 0;
    }
    desc = x86_lookup_desc(env, sel);
    if (!desc || !(desc->flags & X86_DESC_INSTALLED)) {
        return X86_EXCP_GP;
    }
    if (seg == X86_SEG_SS) {
        /* RPL = CPL and a writable data segment. */
        if ((sel & 3) != 3 || x86_desc_is_code(desc) ||
            (desc->flags & X86_UD_READ_EXEC_ONLY)) {
            return X86_EXCP_GP;
        }
    } else if (x86_desc_is_code(desc) &&
               (desc->flags & X86_UD_READ_EXEC_ONLY)) {
        return X86_EXCP_GP;     /* execute-only code */
    }
    if (!(desc->flags & X86_DESC_PRESENT)) {
        return X86_EXCP_NP;     /* #NP, #SS for SS: SIGBUS either way */
    }
    *base = desc->base;
    return 0;
}

void x86_set_seg(X86State *env, int seg, uint32_t sel, uint32_t base)
{
    env->seg[seg] = sel;
    env->seg_base[seg] = base;
    if (env->seg_base[X86_SEG_ES] | env->seg_base[X86_SEG_DS] |
        env->seg_base[X86_SEG_SS]) {
        env->features |= X86_FEAT_SEGBASE;
    } else {
        env->features &= ~(uint32_t)X86_FEAT_SEGBASE;
    }
}

bool x86_load_seg(X86State *env, int seg, uint32_t sel)
{
    uint32_t base;

    if (x86_check_seg(env, seg, sel, &base) != 0) {
        return false;
    }
    x86_set_seg(env, seg, sel & 0xffff, base);
    return true;
}

int x86_check_code_seg(const X86State *env, uint32_t sel, bool ret,
                       uint32_t *cs)
{
    const X86Desc *desc;

    sel &= 0xffff;
    if ((sel & ~3u) == 0) {
        return X86_EXCP_GP;
    }
    desc = x86_lookup_desc(env, sel);
    if (!desc || !(desc->flags & X86_DESC_INSTALLED) ||
        !x86_desc_is_code(desc)) {
        return X86_EXCP_GP;
    }
    /* A return to a more privileged level (RPL < CPL) is a #GP; an
     * RPL above 3 cannot be. */
    if (ret && (sel & 3) != 3) {
        return X86_EXCP_GP;
    }
    if (!(desc->flags & X86_DESC_PRESENT)) {
        return X86_EXCP_NP;
    }
    /* emu runs flat 32-bit code only (docs/i386.md). */
    if (desc->base != 0 || !(desc->flags & X86_UD_SEG_32BIT) ||
        !(desc->flags & X86_UD_LIMIT_IN_PAGES) || desc->limit != 0xfffff) {
        return X86_EXCP_GP;
    }
    *cs = sel | 3;
    return 0;
}

static void x86_tb_key(const CpuCommon *cpu, uint64_t *pc, uint32_t *flags)
{
    const X86State *env = (const X86State *)cpu;

    *pc = env->eip;
    *flags = env->features;
}

static void x86_restore_state(CpuCommon *cpu, uint64_t pc, uint64_t extra)
{
    (void)extra;
    ((X86State *)cpu)->eip = (uint32_t)pc;
}

static void x86_dump_state(CpuCommon *cpu, FILE *out)
{
    static const char *const names[8] = {
        "EAX", "ECX", "EDX", "EBX", "ESP", "EBP", "ESI", "EDI",
    };
    X86State *env = (X86State *)cpu;
    uint32_t fl = x86_eflags_read(env);

    for (int i = 0; i < 8; i++) {
        fprintf(out, "%s=%08x%s", names[i], env->regs[i],
                (i & 3) == 3 ? "\n" : " ");
    }
    fprintf(out, "EIP=%08x EFL=%08x [%c%c%c%c%c%c%c] GS=%04x FS=%04x\n",
            env->eip, fl, fl & X86_OF ? 'O' : '-', fl & X86_DF ? 'D' : '-',
            fl & X86_SF ? 'S' : '-', fl & X86_ZF ? 'Z' : '-',
            fl & X86_AF ? 'A' : '-', fl & X86_PF ? 'P' : '-',
            fl & X86_CF ? 'C' : '-', env->seg[X86_SEG_GS],
            env->seg[X86_SEG_FS]);
}

/* The block key as state fields (tb_key: pc = eip, flags = features), so
 * the JIT looks blocks up inline at indirect jumps and returns. */
static const GuestKeyLayout x86_key_layout = {
    .pc_offset = (int32_t)offsetof(X86State, eip),
    .pc_size = 4,
    .nfields = 1,
    .fields = {
        { (int32_t)offsetof(X86State, features), 0xffffffffu, 0, 0, false },
    },
};

const GuestArch guest_i386 = {
    .name = "i386",
    .elf_machine = X86_ELF_MACHINE,
    .big_endian = false,
    .page_size = 4096,
    .cs_arch = CS_ARCH_X86,
    .cs_mode = CS_MODE_32,
    .state_size = sizeof(X86State),
    .ctx_size = sizeof(DisasCtx),
    .init_globals = x86_init_globals,
    .tb_key = x86_tb_key,
    .tb_start = x86_tb_start,
    .translate_insn = x86_translate_insn,
    .tb_end = x86_tb_end,
    .restore_state = x86_restore_state,
    .dump_state = x86_dump_state,
    .key_layout = &x86_key_layout,
};

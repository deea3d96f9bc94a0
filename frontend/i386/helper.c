/* frontend/i386/helper.c — the i386 guest's C helpers: lazy flag
 * evaluation, exceptions, division, CPUID models, segment loads, RCL/RCR
 * and the BCD adjustments. Called from generated code and the
 * interpreter; see helper.h for each contract.
 */
#include "helper.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

static uint32_t x86_size_mask(unsigned sz)
{
    return sz == 0 ? 0xffu : sz == 1 ? 0xffffu : 0xffffffffu;
}

uint32_t x86_cc_compute(uint32_t cc_op, uint32_t dst, uint32_t src,
                        uint32_t src2)
{
    unsigned kind = cc_op / 4, sz = cc_op % 4;
    uint32_t mask = x86_size_mask(sz);
    uint32_t sign = (mask >> 1) + 1;
    uint32_t src1, cf = 0, of = 0, af = 0, fl;

    if (cc_op >= X86_CC_ROT_BASE) {
        fl = x86_cc_compute(cc_op - X86_CC_ROT_BASE, dst, src, 0);
        return (fl & ~(uint32_t)(X86_CF | X86_OF)) |
               (src2 & (X86_CF | X86_OF));
    }
    if (kind == X86_CC_EFLAGS || sz > 2) {
        return src & X86_CC_MASK;
    }
    dst &= mask;
    src &= mask;
    switch (kind) {
    case X86_CC_ADD:
    case X86_CC_ADC:
        src1 = (dst - src - (kind == X86_CC_ADC ? src2 : 0)) & mask;
        cf = kind == X86_CC_ADC && src2 ? dst <= src1 : dst < src1;
        of = ~(src1 ^ src) & (src1 ^ dst) & sign;
        af = (src1 ^ src ^ dst) & 0x10;
        break;
    case X86_CC_SUB:
    case X86_CC_SBB:
        src1 = (dst + src + (kind == X86_CC_SBB ? src2 : 0)) & mask;
        cf = kind == X86_CC_SBB && src2 ? src1 <= src : src1 < src;
        of = (src1 ^ src) & (src1 ^ dst) & sign;
        af = (src1 ^ src ^ dst) & 0x10;
        break;
    case X86_CC_INC:
        cf = src & 1;
        of = dst == sign;
        af = (dst ^ (dst - 1) ^ 1) & 0x10;
        break;
    case X86_CC_DEC:
        cf = src & 1;
        of = dst == sign - 1;
        af = (dst ^ (dst + 1) ^ 1) & 0x10;
        break;
    case X86_CC_SHL:
        cf = (src & sign) != 0;
        of = (src ^ dst) & sign;
        break;
    case X86_CC_SAR:
        cf = src & 1;
        of = (src ^ dst) & sign;
        break;
    case X86_CC_MUL:
        cf = of = src != 0;
        break;
    default:    /* LOGIC */
        break;
    }
    fl = (cf ? X86_CF : 0) | (of ? X86_OF : 0) | (af ? X86_AF : 0);
    fl |= dst == 0 ? X86_ZF : 0;
    fl |= dst & sign ? X86_SF : 0;
    fl |= __builtin_parity(dst & 0xff) ? 0 : X86_PF;
    return fl;
}

uint32_t x86_helper_cc_compute(uint32_t cc_op, uint32_t dst, uint32_t src,
                               uint32_t src2)
{
    return x86_cc_compute(cc_op, dst, src, src2);
}

void x86_helper_raise(CpuCommon *cpu, uint32_t excp, uint32_t new_eip,
                      uint32_t insn_pc, uint32_t info)
{
    X86State *env = (X86State *)cpu;

    /* Globals were synced before the call (no NO_*_GLOBALS flags): the
     * state is exact once eip is set. */
    env->eip = new_eip;
    env->excp_insn = insn_pc;
    env->excp_info = info;
    cpu->excp_addr = insn_pc;
    cpu_raise(cpu, (int)excp, 0);
}

uint64_t x86_helper_div(CpuCommon *cpu, uint32_t lo, uint32_t hi,
                        uint32_t divisor, uint32_t mode, uint32_t insn_pc)
{
    unsigned sz = mode & 3;
    bool is_signed = (mode & 4) != 0;
    uint32_t mask = x86_size_mask(sz);
    uint64_t q, r;

    divisor &= mask;
    if (divisor == 0) {
        goto fault;
    }
    if (!is_signed) {
        uint64_t n = sz == 2 ? (uint64_t)hi << 32 | lo
                             : (uint64_t)(lo & (sz == 0 ? 0xffffu
                                                        : 0xffffffffu));
        q = n / divisor;
        r = n % divisor;
        if (q > mask) {
            goto fault;
        }
    } else {
        int64_t n, dv, sq;
        int64_t lim = (int64_t)(mask >> 1);
        if (sz == 2) {
            n = (int64_t)((uint64_t)hi << 32 | lo);
            dv = (int32_t)divisor;
        } else if (sz == 1) {
            n = (int32_t)lo;
            dv = (int16_t)divisor;
        } else {
            n = (int16_t)lo;
            dv = (int8_t)divisor;
        }
        if (dv == -1) {
            if (n == INT64_MIN) {
                goto fault;
            }
            sq = -n;
            r = 0;
        } else {
            sq = n / dv;
            r = (uint64_t)(n % dv);
        }
        if (sq > lim || sq < -lim - 1) {
            goto fault;
        }
        q = (uint64_t)sq;
    }
    return (q & mask) | (uint64_t)((uint32_t)r & mask) << 32;
fault:
    x86_helper_raise(cpu, X86_EXCP_DE, insn_pc, insn_pc, 0);
}

/* ---- CPUID models ---------------------------------------------------- */

/* CPUID.1 EDX bits (Intel SDM vol. 2A, CPUID, table 3-11). */
enum {
    CPUID_FPU = 1u << 0, CPUID_VME = 1u << 1, CPUID_DE = 1u << 2,
    CPUID_PSE = 1u << 3, CPUID_TSC = 1u << 4, CPUID_MSR = 1u << 5,
    CPUID_CX8 = 1u << 8, CPUID_SEP = 1u << 11, CPUID_CMOV = 1u << 15, CPUID_CLFSH = 1u << 19,
    CPUID_MMX = 1u << 23, CPUID_FXSR = 1u << 24, CPUID_SSE = 1u << 25,
    CPUID_SSE2 = 1u << 26,
};
enum {
    CPUID_ECX_SSE3 = 1u << 0, CPUID_ECX_SSSE3 = 1u << 9,
    CPUID_ECX_MOVBE = 1u << 22, CPUID_ECX_POPCNT = 1u << 23,
    CPUID_EXT_ECX_ABM = 1u << 5,
};

#define X86_P5 (X86_FEAT_FPU | X86_FEAT_CX8 | X86_FEAT_TSC)
#define X86_P6 (X86_P5 | X86_FEAT_SEP | X86_FEAT_CMOV | X86_FEAT_MMX | \
                X86_FEAT_FXSR)
#define X86_CORE2 (X86_P6 | X86_FEAT_SSE | X86_FEAT_SSE2 | X86_FEAT_SSE3 | \
                   X86_FEAT_SSSE3)
#define CPUID_P5 (CPUID_FPU | CPUID_TSC | CPUID_CX8)
#define CPUID_P6 (CPUID_P5 | CPUID_SEP | CPUID_CMOV | CPUID_MMX | CPUID_FXSR)
#define CPUID_P4 (CPUID_P6 | CPUID_SSE | CPUID_SSE2 | CPUID_CLFSH)

/* Each model advertises exactly what the frontend implements for it
 * (docs/i386.md); the order is linux-user/i386's, the first the default. */
const X86CpuModel x86_cpu_models[] = {
    { "core2duo", 6, 15, 11, X86_CORE2, CPUID_P4,
      CPUID_ECX_SSE3 | CPUID_ECX_SSSE3, 0, 0,
      "Intel(R) Core(TM)2 Duo CPU (emu)" },
    { "pentium", 5, 2, 12, X86_P5, CPUID_P5, 0, 0, 0, "Pentium (emu)" },
    { "pentium2", 6, 5, 2, X86_P6, CPUID_P6, 0, 0, 0, "Pentium II (emu)" },
    { "pentium3", 6, 7, 3, X86_P6 | X86_FEAT_SSE, CPUID_P6 | CPUID_SSE, 0,
      0, 0, "Pentium III (emu)" },
    { "pentium4", 15, 2, 7, X86_P6 | X86_FEAT_SSE | X86_FEAT_SSE2,
      CPUID_P4, 0, 0, 0, "Intel(R) Pentium(R) 4 CPU (emu)" },
    { "max", 6, 15, 11,
      X86_CORE2 | X86_FEAT_POPCNT | X86_FEAT_LZCNT | X86_FEAT_MOVBE,
      CPUID_P4,
      CPUID_ECX_SSE3 | CPUID_ECX_SSSE3 | CPUID_ECX_POPCNT | CPUID_ECX_MOVBE,
      CPUID_EXT_ECX_ABM, 0, "emu i386 max (every implemented feature)" },
};
const unsigned x86_cpu_model_count =
    sizeof(x86_cpu_models) / sizeof(x86_cpu_models[0]);

static uint32_t x86_str4(const char *s)
{
    uint32_t v = 0;

    for (int i = 0; i < 4 && s[i]; i++) {
        v |= (uint32_t)(uint8_t)s[i] << (8 * i);
    }
    return v;
}

void x86_helper_cpuid(CpuCommon *cpu)
{
    X86State *env = (X86State *)cpu;
    unsigned idx = env->cpuid_level < x86_cpu_model_count ? env->cpuid_level
                                                          : 0;
    const X86CpuModel *m = &x86_cpu_models[idx];
    uint32_t leaf = env->regs[X86_EAX];
    uint32_t r[4] = { 0, 0, 0, 0 };     /* eax ebx ecx edx */
    char brand[48];

    switch (leaf) {
    case 0:
        r[0] = 1;
        r[1] = x86_str4("Genu");
        r[3] = x86_str4("ineI");
        r[2] = x86_str4("ntel");
        break;
    case 1:
        if (m->family > 15) {
            r[0] = 0xf00u | (m->family - 15) << 20;
        } else {
            r[0] = m->family << 8;
        }
        r[0] |= (m->model & 0xf) << 4 | (m->model >> 4) << 16 | m->stepping;
        r[2] = m->cpuid1_ecx;
        r[3] = m->cpuid1_edx;
        /* CLFLUSH line size in 8-byte units */
        r[1] = (m->cpuid1_edx & CPUID_CLFSH) ? 8u << 8 : 0;
        break;
    case 0x80000000u:
        r[0] = 0x80000004u;
        break;
    case 0x80000001u:
        r[2] = m->ext1_ecx;
        r[3] = m->ext1_edx;
        break;
    case 0x80000002u:
    case 0x80000003u:
    case 0x80000004u:
        memset(brand, 0, sizeof(brand));
        strncpy(brand, m->brand, sizeof(brand) - 1);
        for (int i = 0; i < 4; i++) {
            r[i] = x86_str4(brand + (leaf - 0x80000002u) * 16 + 4 * i);
        }
        break;
    default:
        break;
    }
    env->regs[X86_EAX] = r[0];
    env->regs[X86_EBX] = r[1];
    env->regs[X86_ECX] = r[2];
    env->regs[X86_EDX] = r[3];
}

uint64_t x86_helper_rdtsc(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

void x86_helper_load_seg(CpuCommon *cpu, uint32_t seg, uint32_t sel,
                         uint32_t insn_pc)
{
    X86State *env = (X86State *)cpu;
    uint32_t base;
    int excp = x86_check_seg(env, (int)seg, sel, &base);

    if (excp) {
        x86_helper_raise(cpu, (uint32_t)excp, insn_pc, insn_pc, 0);
    }
    x86_set_seg(env, (int)seg, sel & 0xffff, base);
}

uint32_t x86_helper_code_seg(CpuCommon *cpu, uint32_t sel, uint32_t ret,
                             uint32_t insn_pc)
{
    uint32_t cs = 0;
    int excp = x86_check_code_seg((X86State *)cpu, sel, ret != 0, &cs);

    if (excp) {
        x86_helper_raise(cpu, (uint32_t)excp, insn_pc, insn_pc, 0);
    }
    return cs;
}

uint64_t x86_helper_rcx(uint32_t mode, uint32_t val, uint32_t count,
                        uint32_t eflags)
{
    unsigned sz = mode & 3;
    bool right = (mode & 4) != 0;
    unsigned bits = 8u << sz;
    uint32_t mask = x86_size_mask(sz);
    uint32_t sign = (mask >> 1) + 1;
    uint32_t cf = eflags & X86_CF;
    unsigned n;

    count &= 31;
    n = count % (bits + 1);
    val &= mask;
    if (count == 0) {
        return val | (uint64_t)eflags << 32;
    }
    if (right) {
        /* RCR: OF from the value before the rotation (SDM RCL/RCR). */
        uint32_t of = ((val & sign) != 0) ^ cf;
        for (unsigned i = 0; i < n; i++) {
            uint32_t out = val & 1;
            val = (val >> 1) | (cf ? sign : 0);
            cf = out;
        }
        eflags = (eflags & ~(X86_CF | X86_OF)) | cf | (of ? X86_OF : 0);
    } else {
        for (unsigned i = 0; i < n; i++) {
            uint32_t out = (val & sign) != 0;
            val = ((val << 1) | cf) & mask;
            cf = out;
        }
        eflags = (eflags & ~(X86_CF | X86_OF)) | cf |
                 ((((val & sign) != 0) ^ cf) ? X86_OF : 0);
    }
    return val | (uint64_t)eflags << 32;
}

uint64_t x86_helper_bcd(uint32_t op, uint32_t eax, uint32_t eflags)
{
    uint32_t al = eax & 0xff, ah = (eax >> 8) & 0xff;
    uint32_t cf = eflags & X86_CF, af = eflags & X86_AF;
    uint32_t old_al = al, fl;

    switch (op & 0xff) {
    case 0:     /* DAA */
    case 1:     /* DAS (Intel SDM Vol. 2A DAA/DAS: CF also takes the
                   carry/borrow of the AL +- 6 step) */
    {
        uint32_t old_cf = cf;

        cf = 0;
        if ((al & 0xf) > 9 || af) {
            bool carry = (op & 0xff) == 0 ? al + 6 > 0xff : al < 6;
            al = (op & 0xff) == 0 ? al + 6 : al - 6;
            cf = old_cf || carry ? X86_CF : 0;
            af = X86_AF;
        } else {
            af = 0;
        }
        if (old_al > 0x99 || old_cf) {
            al = (op & 0xff) == 0 ? al + 0x60 : al - 0x60;
            cf = X86_CF;
        }
        al &= 0xff;
        eax = (eax & ~0xffu) | al;
        fl = cf | af | (al == 0 ? X86_ZF : 0) | (al & 0x80 ? X86_SF : 0) |
             (__builtin_parity(al) ? 0 : X86_PF);
        return eax | (uint64_t)fl << 32;
    }
    case 2:     /* AAA: AX + 0x106 (Intel SDM Vol. 2A AAA) */
    case 3:     /* AAS: AX - 6, then AH - 1 (AAS) */
    {
        uint32_t ax = eax & 0xffff;

        if ((al & 0xf) > 9 || af) {
            ax = (op & 0xff) == 2 ? ax + 0x106 : ((ax - 6) & 0xffff) - 0x100;
            cf = af = 1;
        } else {
            cf = af = 0;
        }
        ax &= 0xff0f;
        eax = (eax & ~0xffffu) | ax;
        fl = (eflags & ~(X86_CF | X86_AF)) | (cf ? X86_CF | X86_AF : 0);
        return eax | (uint64_t)fl << 32;
    }
    default: {  /* AAD base */
        uint32_t base = (op >> 8) & 0xff;
        al = (al + ah * base) & 0xff;
        eax = (eax & ~0xffffu) | al;
        fl = (al == 0 ? X86_ZF : 0) | (al & 0x80 ? X86_SF : 0) |
             (__builtin_parity(al) ? 0 : X86_PF);
        return eax | (uint64_t)fl << 32;
    }
    }
}

const IrHelper x86_helper_cc_compute_desc =
    IR_HELPER(x86_helper_cc_compute, IR_HF_PURE, IR_HT_I32, IR_HT_I32,
              IR_HT_I32, IR_HT_I32, IR_HT_I32);
const IrHelper x86_helper_raise_desc =
    IR_HELPER(x86_helper_raise, IR_HF_MAY_RAISE, IR_HT_VOID, IR_HT_PTR,
              IR_HT_I32, IR_HT_I32, IR_HT_I32, IR_HT_I32);
const IrHelper x86_helper_div_desc =
    IR_HELPER(x86_helper_div, IR_HF_MAY_RAISE | IR_HF_NO_WRITE_GLOBALS,
              IR_HT_I64, IR_HT_PTR, IR_HT_I32, IR_HT_I32, IR_HT_I32,
              IR_HT_I32, IR_HT_I32);
const IrHelper x86_helper_cpuid_desc =
    IR_HELPER(x86_helper_cpuid, 0, IR_HT_VOID, IR_HT_PTR);
const IrHelper x86_helper_rdtsc_desc =
    IR_HELPER0(x86_helper_rdtsc, IR_HF_NO_READ_GLOBALS |
               IR_HF_NO_WRITE_GLOBALS, IR_HT_I64);
const IrHelper x86_helper_load_seg_desc =
    IR_HELPER(x86_helper_load_seg, IR_HF_MAY_RAISE, IR_HT_VOID, IR_HT_PTR,
              IR_HT_I32, IR_HT_I32, IR_HT_I32);
const IrHelper x86_helper_code_seg_desc =
    IR_HELPER(x86_helper_code_seg, IR_HF_MAY_RAISE | IR_HF_NO_WRITE_GLOBALS,
              IR_HT_I32, IR_HT_PTR, IR_HT_I32, IR_HT_I32, IR_HT_I32);
const IrHelper x86_helper_rcx_desc =
    IR_HELPER(x86_helper_rcx, IR_HF_PURE, IR_HT_I64, IR_HT_I32, IR_HT_I32,
              IR_HT_I32, IR_HT_I32);
const IrHelper x86_helper_bcd_desc =
    IR_HELPER(x86_helper_bcd, IR_HF_PURE, IR_HT_I64, IR_HT_I32, IR_HT_I32,
              IR_HT_I32);

/* frontend/i386/translate-0f.c — the two-byte opcode map (0F xx, SDM vol.
 * 2, appendix A, table A-3) of the i386 integer ISA: Jcc rel16/32,
 * SETcc, CMOVcc, bit tests and scans, SHLD/SHRD, IMUL, CMPXCHG(8B), XADD,
 * MOVZX/MOVSX, BSWAP, CPUID, RDTSC, hint NOPs, fences, MOVBE. Features a
 * cpu model lacks decode as #UD (cpu.h X86_FEAT_*).
 */
#include "translate.h"

#include <stddef.h>

#include "helper-fp.h"
#include "helper.h"

static IrTemp x86_new(DisasCtx *d)
{
    return ir_temp_new(d->b, IR_I32);
}

static bool x86_has(const DisasCtx *d, uint32_t feat)
{
    return (d->features & feat) != 0;
}

static void x86_gen_push_pop_seg(DisasCtx *d, int seg, bool pop)
{
    int ot = x86_ot(d, false);
    IrTemp v;

    if (!pop) {
        v = x86_new(d);
        ir_ld32u(d->b, v, IR_ENV, (int32_t)(offsetof(X86State, seg) +
                                            4 * seg));
        x86_gen_push(d, ot, v);
        return;
    }
    v = x86_gen_pop_load(d, ot);
    x86_gen_load_seg(d, seg, v);
    x86_gen_pop_adjust(d, ot);
}

static bool x86_gen_movbe(DisasCtx *d)
{
    IrBlock *b = d->b;
    uint32_t op = x86_fetch8(d);
    int ot = x86_ot(d, false);
    X86Opnd o;
    IrTemp v, t = x86_new(d);

    if ((op != 0xf0 && op != 0xf1) || !x86_has(d, X86_FEAT_MOVBE)) {
        return false;
    }
    x86_modrm(d, &o);
    if (!o.mem || d->rep || d->repne) {
        return false;
    }
    if (op == 0xf0) {
        v = x86_ld_mem(d, ot, o.addr);
        if (ot == X86_OT_W) {
            ir_bswap16(b, t, v);
        } else {
            ir_bswap32(b, t, v);
        }
        x86_st_reg(d, ot, d->reg, t);
    } else {
        v = x86_ld_reg(d, ot, d->reg);
        if (ot == X86_OT_W) {
            ir_bswap16(b, t, v);
        } else {
            ir_bswap32(b, t, v);
        }
        x86_st_mem(d, ot, o.addr, t);
    }
    return true;
}

/* 0F AE with a memory operand: FXSAVE FXRSTOR LDMXCSR STMXCSR CLFLUSH. */
static bool x86_gen_grp15_mem(DisasCtx *d, const X86Opnd *o)
{
    IrBlock *b = d->b;
    IrTemp t;

    if (d->rep || d->repne || d->opsize) {
        return false;
    }
    switch (d->reg) {
    case 0:
    case 1: {
        IrTemp args[5] = {
            IR_ENV, x86_const(d, d->reg ? X86_ENV_FXRSTOR : X86_ENV_FXSAVE),
            o->addr, x86_const(d, 0), x86_const(d, d->pc),
        };
        if (!x86_has(d, X86_FEAT_FXSR)) {
            return false;
        }
        ir_call(b, &x87_helper_env_desc, IR_NO_TEMP, 5, args);
        return true;
    }
    case 2: {
        IrTemp args[3] = { IR_ENV, IR_NO_TEMP, x86_const(d, d->pc) };
        if (!x86_has(d, X86_FEAT_SSE)) {
            return false;
        }
        args[1] = x86_ld_mem(d, X86_OT_L, o->addr);
        ir_call(b, &x86_helper_ldmxcsr_desc, IR_NO_TEMP, 3, args);
        return true;
    }
    case 3:
        if (!x86_has(d, X86_FEAT_SSE)) {
            return false;
        }
        t = x86_new(d);
        ir_ld32u(b, t, IR_ENV, (int32_t)offsetof(X86State, mxcsr));
        x86_st_mem(d, X86_OT_L, o->addr, t);
        return true;
    case 7:                                          /* CLFLUSH */
        if (!x86_has(d, X86_FEAT_SSE2)) {
            return false;
        }
        (void)x86_ld_mem(d, X86_OT_B, o->addr);
        return true;
    default:
        return false;
    }
}

bool x86_decode_0f(DisasCtx *d)
{
    IrBlock *b = d->b;
    uint32_t op = x86_fetch8(d);
    int ot = x86_ot(d, false);
    X86Opnd o;
    IrTemp t, v;
    uint32_t imm;

    if ((op >= 0x10 && op < 0x18) || (op >= 0x28 && op < 0x30) ||
        op == 0x3a || (op >= 0x50 && op < 0x80) ||
        (op >= 0xc2 && op < 0xc7) || op >= 0xd0) {
        return x86_gen_sse(d, op);                  /* MMX / SSE */
    }
    if (op == 0x38) {
        uint32_t op2 = x86_fetch8(d);
        d->cur--;
        if (op2 != 0xf0 && op2 != 0xf1) {
            return x86_gen_sse(d, op);              /* SSSE3 */
        }
        return x86_gen_movbe(d);
    }
    if (op >= 0x40 && op < 0x50) {                  /* CMOVcc */
        X86Cond c;
        if (!x86_has(d, X86_FEAT_CMOV)) {
            return false;
        }
        x86_modrm(d, &o);
        v = x86_ld_opnd(d, ot, &o);
        x86_gen_cond(d, (int)op & 15, &c);
        t = x86_new(d);
        ir_movcond(b, c.cond, t, c.a, c.b, v, x86_ld_reg(d, ot, d->reg));
        x86_st_reg(d, ot, d->reg, t);
        return true;
    }
    if (op >= 0x80 && op < 0x90) {                  /* Jcc rel16/32 */
        imm = x86_fetch_imm(d, ot);
        if (ot == X86_OT_W) {
            imm = (uint32_t)(int16_t)imm;
        }
        x86_gen_jcc(d, (int)op & 15, d->cur + imm, d->cur);
        return true;
    }
    if (op >= 0x90 && op < 0xa0) {                  /* SETcc */
        x86_modrm(d, &o);
        x86_st_opnd(d, X86_OT_B, &o, x86_gen_setcc(d, (int)op & 15));
        return true;
    }
    if (op >= 0xc8 && op < 0xd0) {                   /* BSWAP */
        int r = (int)op & 7;
        if (ot == X86_OT_W) {
            /* Undefined by the SDM; hardware clears the low word. */
            x86_st_reg(d, X86_OT_W, r, x86_const(d, 0));
        } else {
            ir_bswap32(b, X86_T_REG(r), X86_T_REG(r));
        }
        return true;
    }
    switch (op) {
    case 0x0b:                                       /* UD2 */
        return false;
    case 0x0d:                                       /* PREFETCH(W) */
    case 0x18: case 0x19: case 0x1a: case 0x1b:     /* hint NOPs, */
    case 0x1c: case 0x1d: case 0x1e: case 0x1f:     /* ENDBR32, NOP Ev */
        x86_modrm(d, &o);
        return true;
    case 0x31:                                       /* RDTSC */
        if (!x86_has(d, X86_FEAT_TSC)) {
            return false;
        }
        {
            IrTemp r64 = ir_temp_new(b, IR_I64);
            ir_call(b, &x86_helper_rdtsc_desc, r64, 0, NULL);
            ir_extrl_i64_i32(b, X86_T_REG(X86_EAX), r64);
            ir_extrh_i64_i32(b, X86_T_REG(X86_EDX), r64);
        }
        return true;
    case 0x34:                                       /* SYSENTER */
        if (!x86_has(d, X86_FEAT_SEP)) {
            return false;
        }
        x86_gen_exception(d, X86_EXCP_SYSENTER, d->cur, 0);
        return true;
    case 0x35:                                       /* SYSEXIT: CPL 0 */
        if (!x86_has(d, X86_FEAT_SEP)) {
            return false;
        }
        x86_gen_exception(d, X86_EXCP_GP, d->pc, 0);
        return true;
    case 0xb2: case 0xb4: case 0xb5:                 /* LSS LFS LGS */
        x86_gen_load_far_ptr(d, op == 0xb2 ? X86_SEG_SS
                                : op == 0xb4 ? X86_SEG_FS : X86_SEG_GS);
        return true;
    case 0xa0: case 0xa8:                            /* PUSH FS / GS */
        x86_gen_push_pop_seg(d, op == 0xa0 ? X86_SEG_FS : X86_SEG_GS, false);
        return true;
    case 0xa1: case 0xa9:                            /* POP FS / GS */
        x86_gen_push_pop_seg(d, op == 0xa1 ? X86_SEG_FS : X86_SEG_GS, true);
        return true;
    case 0xa2: {                                     /* CPUID */
        IrTemp args[1] = { IR_ENV };
        ir_call(b, &x86_helper_cpuid_desc, IR_NO_TEMP, 1, args);
        return true;
    }
    case 0xa3: case 0xab: case 0xb3: case 0xbb:     /* BT BTS BTR BTC */
        x86_modrm(d, &o);
        x86_gen_bt(d, (int)(op >> 3) & 3, ot, &o, x86_ld_reg(d, ot, d->reg),
                   false);
        return true;
    case 0xba:                                       /* group 8 */
        x86_modrm(d, &o);
        imm = x86_fetch8(d);
        if (d->reg < 4) {
            return false;
        }
        x86_gen_bt(d, d->reg & 3, ot, &o, x86_const(d, imm), true);
        return true;
    case 0xa4: case 0xac:                            /* SHLD/SHRD Ib */
        x86_modrm(d, &o);
        imm = x86_fetch8(d);
        x86_gen_shld(d, ot, &o, op == 0xa4, IR_NO_TEMP, (int)imm);
        return true;
    case 0xa5: case 0xad:                            /* SHLD/SHRD CL */
        x86_modrm(d, &o);
        x86_gen_shld(d, ot, &o, op == 0xa5, X86_T_REG(X86_ECX), -1);
        return true;
    case 0xaf:
        x86_modrm(d, &o);
        v = x86_ld_opnd(d, ot, &o);
        x86_gen_imul(d, ot, d->reg, x86_ld_reg(d, ot, d->reg), v);
        return true;
    case 0xb0: case 0xb1:
        x86_modrm(d, &o);
        x86_gen_cmpxchg(d, op == 0xb0 ? X86_OT_B : ot, &o);
        return true;
    case 0xc0: case 0xc1:
        x86_modrm(d, &o);
        x86_gen_xadd(d, op == 0xc0 ? X86_OT_B : ot, &o);
        return true;
    case 0xb6: case 0xb7: case 0xbe: case 0xbf: {   /* MOVZX MOVSX */
        int sot = (op & 1) ? X86_OT_W : X86_OT_B;
        x86_modrm(d, &o);
        v = x86_ld_opnd(d, sot, &o);
        if (op >= 0xbe) {
            v = x86_sext(d, sot, v);
        }
        x86_st_reg(d, ot, d->reg, v);
        return true;
    }
    case 0xb8:                                       /* POPCNT */
        if (!d->rep || !x86_has(d, X86_FEAT_POPCNT)) {
            return false;
        }
        x86_modrm(d, &o);
        v = x86_zext(d, ot, x86_ld_opnd(d, ot, &o));
        t = x86_new(d);
        ir_popcnt(b, t, v);
        x86_st_reg(d, ot, d->reg, t);
        t = x86_new(d);
        ir_setcond(b, IR_COND_EQ, t, v, x86_const(d, 0));
        ir_shli(b, t, t, 6);
        x86_set_eflags(d, t);
        return true;
    case 0xbc: case 0xbd: {                          /* BSF BSR */
        bool rev = op == 0xbd;
        bool cnt = d->rep && x86_has(d, rev ? X86_FEAT_LZCNT : X86_FEAT_BMI1);
        x86_modrm(d, &o);
        x86_gen_bsf(d, ot, &o, rev, cnt);
        return true;
    }
    case 0xc7:                                       /* CMPXCHG8B */
        x86_modrm(d, &o);
        if (d->reg != 1 || !o.mem || !x86_has(d, X86_FEAT_CX8)) {
            return false;
        }
        x86_gen_cmpxchg8b(d, &o);
        return true;
    case 0xae:                                       /* group 15 */
        x86_modrm(d, &o);
        if (!o.mem) {
            if (d->reg < 5 || d->rep || d->repne) {
                return false;
            }
            ir_mb(b, IR_MB_ALL);                     /* LFENCE MFENCE SFENCE */
            return true;
        }
        return x86_gen_grp15_mem(d, &o);
    default:
        /* System instructions: #UD. */
        return false;
    }
}

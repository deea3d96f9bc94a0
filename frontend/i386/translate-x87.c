/* frontend/i386/translate-x87.c — the x87 escape opcodes D8..DF (SDM
 * vol. 2, appendix A.4, tables A-7..A-22) and FWAIT: every form becomes
 * one helper call (helper-x87*.c) with the register number, operand
 * kind or guest address, after the pending-exception check of waiting
 * instructions (#MF). FNSTCW, FNSTSW and FCMOVcc's condition are inline.
 */
#include "translate.h"

#include <stddef.h>

#include "helper-fp.h"

static IrTemp x87_const(DisasCtx *d, uint32_t v)
{
    return x86_const(d, v);
}

void x87_gen_check_pending(DisasCtx *d)
{
    IrBlock *b = d->b;
    IrTemp t = ir_temp_new(b, IR_I32);
    uint32_t label = ir_new_label(b);

    ir_ld32u(b, t, IR_ENV, (int32_t)offsetof(X86State, fpus));
    ir_andi(b, t, t, X87_SW_ES);
    ir_brcondi(b, IR_COND_EQ, t, 0, label);
    x86_gen_exception(d, X86_EXCP_MF, d->pc, 0);
    ir_set_label(b, label);
    d->done = false;
}

static void x87_call(DisasCtx *d, const IrHelper *h, IrTemp ret, int n,
                     uint32_t a0, uint32_t a1, uint32_t a2)
{
    IrTemp args[4] = { IR_ENV, x87_const(d, a0), x87_const(d, a1),
                       x87_const(d, a2) };

    ir_call(d->b, h, ret, (unsigned)n + 1, args);
}

static void x87_call_mem(DisasCtx *d, const IrHelper *h, uint32_t a0,
                         uint32_t a1, IrTemp addr, int addr_pos)
{
    IrTemp args[4] = { IR_ENV, x87_const(d, a0), x87_const(d, a1),
                       IR_NO_TEMP };

    if (addr_pos == 2) {
        args[2] = addr;
        ir_call(d->b, h, IR_NO_TEMP, 3, args);
    } else {
        args[3] = addr;
        ir_call(d->b, h, IR_NO_TEMP, 4, args);
    }
}

static void x87_gen_fst_mem(DisasCtx *d, uint32_t kind, IrTemp addr,
                            bool pop)
{
    IrTemp args[4] = { IR_ENV, x87_const(d, kind), addr,
                       x87_const(d, pop) };

    ir_call(d->b, &x87_helper_fst_mem_desc, IR_NO_TEMP, 4, args);
}

static void x87_gen_env(DisasCtx *d, uint32_t op, IrTemp addr)
{
    IrTemp args[5] = { IR_ENV, x87_const(d, op), addr,
                       x87_const(d, d->opsize), x87_const(d, d->pc) };

    ir_call(d->b, &x87_helper_env_desc, IR_NO_TEMP, 5, args);
}

static void x87_gen_fnstsw(DisasCtx *d, const X86Opnd *o)
{
    IrTemp t = ir_temp_new(d->b, IR_I32);
    IrTemp args[1] = { IR_ENV };

    ir_call(d->b, &x87_helper_fnstsw_desc, t, 1, args);
    if (o) {
        x86_st_mem(d, X86_OT_W, o->addr, t);
    } else {
        x86_st_reg(d, X86_OT_W, X86_EAX, t);
    }
}

/* FCOM family: mode X87_CMP_*; FCOMI forms set EFLAGS. */
static void x87_gen_fcom(DisasCtx *d, uint32_t i, uint32_t mode)
{
    IrTemp t = ir_temp_new(d->b, IR_I32);

    x87_call(d, &x87_helper_fcom_desc, t, 2, i, mode, 0);
    if (mode & X87_CMP_EFLAGS) {
        x86_set_eflags(d, t);
    }
}

static void x87_gen_fcmov(DisasCtx *d, int cc, uint32_t i)
{
    IrTemp c = x86_gen_setcc(d, cc);
    IrTemp args[3] = { IR_ENV, x87_const(d, i), c };

    ir_call(d->b, &x87_helper_fcmov_desc, IR_NO_TEMP, 3, args);
}

static void x87_gen_misc(DisasCtx *d, uint32_t op, uint32_t i)
{
    x87_call(d, &x87_helper_misc_desc, IR_NO_TEMP, 2, op, i, 0);
}

/* Memory forms; returns false for an undefined encoding. */
static bool x87_mem(DisasCtx *d, uint32_t op, const X86Opnd *o)
{
    static const uint32_t arith_kind[8] = {
        X87_M_F32, 0, X87_M_I32, 0, X87_M_F64, 0, X87_M_I16, 0,
    };
    /* FLD / FISTTP / FST / FSTP kinds of D9, DB, DD, DF (reg 0..3) */
    static const uint32_t ld_kind[8] = {
        0, X87_M_F32, 0, X87_M_I32, 0, X87_M_F64, 0, X87_M_I16,
    };
    static const uint32_t tt_kind[8] = {
        0, 0, 0, X87_M_TI32, 0, X87_M_TI64, 0, X87_M_TI16,
    };
    uint32_t x = op & 7, r = (uint32_t)d->reg;
    IrTemp a = o->addr, t;

    if (!(x & 1)) {
        /* D8 DA DC DE: arithmetic with a memory operand */
        x87_call_mem(d, &x87_helper_arith_mem_desc, r, arith_kind[x], a, 3);
        return true;
    }
    if (r == 0) {
        x87_call_mem(d, &x87_helper_fld_mem_desc, ld_kind[x], 0, a, 2);
        return true;
    }
    if (r == 1) {
        if (x == 1 || !(d->features & X86_FEAT_SSE3)) {
            return false;
        }
        x87_gen_fst_mem(d, tt_kind[x], a, true);
        return true;
    }
    if (r == 2 || r == 3) {
        x87_gen_fst_mem(d, ld_kind[x], a, r == 3);
        return true;
    }
    switch (x << 3 | r) {
    case 0x0c:                                      /* D9 /4 FLDENV */
        x87_gen_env(d, X87_ENV_FLDENV, a);
        return true;
    case 0x0d:                                      /* D9 /5 FLDCW */
        t = x86_ld_mem(d, X86_OT_W, a);
        {
            IrTemp args[2] = { IR_ENV, t };
            ir_call(d->b, &x87_helper_fldcw_desc, IR_NO_TEMP, 2, args);
        }
        return true;
    case 0x0e:                                      /* D9 /6 FNSTENV */
        x87_gen_env(d, X87_ENV_FNSTENV, a);
        return true;
    case 0x0f:                                      /* D9 /7 FNSTCW */
        t = ir_temp_new(d->b, IR_I32);
        ir_ld32u(d->b, t, IR_ENV, (int32_t)offsetof(X86State, fpuc));
        x86_st_mem(d, X86_OT_W, a, t);
        return true;
    case 0x1d:                                      /* DB /5 FLD m80 */
        x87_call_mem(d, &x87_helper_fld_mem_desc, X87_M_F80, 0, a, 2);
        return true;
    case 0x1f:                                      /* DB /7 FSTP m80 */
        x87_gen_fst_mem(d, X87_M_F80, a, true);
        return true;
    case 0x2c:                                      /* DD /4 FRSTOR */
        x87_gen_env(d, X87_ENV_FRSTOR, a);
        return true;
    case 0x2e:                                      /* DD /6 FNSAVE */
        x87_gen_env(d, X87_ENV_FNSAVE, a);
        return true;
    case 0x2f:                                      /* DD /7 FNSTSW m16 */
        x87_gen_fnstsw(d, o);
        return true;
    case 0x3c:                                      /* DF /4 FBLD */
        x87_call_mem(d, &x87_helper_fld_mem_desc, X87_M_BCD, 0, a, 2);
        return true;
    case 0x3d:                                      /* DF /5 FILD m64 */
        x87_call_mem(d, &x87_helper_fld_mem_desc, X87_M_I64, 0, a, 2);
        return true;
    case 0x3e:                                      /* DF /6 FBSTP */
        x87_gen_fst_mem(d, X87_M_BCD, a, true);
        return true;
    case 0x3f:                                      /* DF /7 FISTP m64 */
        x87_gen_fst_mem(d, X87_M_I64, a, true);
        return true;
    default:
        return false;
    }
}

/* Register forms (mod = 3). */
static bool x87_reg(DisasCtx *d, uint32_t op)
{
    uint32_t r = (uint32_t)d->reg, i = (uint32_t)d->rm;

    switch (op & 7) {
    case 0:                                         /* D8: ST0 op ST(i) */
        x87_call(d, &x87_helper_arith_desc, IR_NO_TEMP, 3, r, i, 0);
        return true;
    case 1:
        switch (r) {
        case 0: x87_gen_misc(d, X87_FLD_ST, i); return true;
        case 1: x87_gen_misc(d, X87_FXCH, i); return true;
        case 2:
            if (i != 0) {
                return false;
            }
            return true;                            /* FNOP */
        case 3: x87_gen_misc(d, X87_FSTP_ST, i); return true;
        case 4:
            switch (i) {
            case 0: x87_gen_misc(d, X87_FCHS, 0); return true;
            case 1: x87_gen_misc(d, X87_FABS, 0); return true;
            case 4: x87_gen_fcom(d, 8, 0); return true;     /* FTST */
            case 5: x87_gen_misc(d, X87_FXAM, 0); return true;
            default: return false;
            }
        case 5:
            if (i == 7) {
                return false;
            }
            x87_gen_misc(d, X87_FLD1 + i, 0);
            return true;
        case 6:
            x87_gen_misc(d, X87_F2XM1 + i, 0);
            return true;
        default:
            x87_gen_misc(d, X87_FPREM + i, 0);
            return true;
        }
    case 2:
        if (r < 4) {
            static const int cc[4] = { 2, 4, 6, 10 };  /* B E BE P */
            x87_gen_fcmov(d, cc[r], i);
            return true;
        }
        if (r == 5 && i == 1) {                     /* FUCOMPP */
            x87_gen_fcom(d, 1, X87_CMP_UNORDERED | X87_CMP_POP2);
            return true;
        }
        return false;
    case 3:
        if (r < 4) {
            static const int cc[4] = { 3, 5, 7, 11 };  /* NB NE NBE NP */
            x87_gen_fcmov(d, cc[r], i);
            return true;
        }
        if (r == 4) {
            switch (i) {
            case 0: case 1: case 4:                 /* FNENI FNDISI FNSETPM */
                return true;
            case 2: x87_gen_misc(d, X87_FNCLEX, 0); return true;
            case 3: x87_gen_misc(d, X87_FNINIT, 0); return true;
            default: return false;
            }
        }
        if (r == 5 || r == 6) {                     /* FUCOMI FCOMI */
            x87_gen_fcom(d, i, X87_CMP_EFLAGS |
                               (r == 5 ? X87_CMP_UNORDERED : 0));
            return true;
        }
        return false;
    case 4:                                         /* DC: ST(i) op ST0 */
    case 6:                                         /* DE: … and pop */
        if (r == 2 || r == 3) {
            if ((op & 7) == 4) {                    /* FCOM2 FCOMP3 */
                x87_call(d, &x87_helper_arith_desc, IR_NO_TEMP, 3, r, i, 0);
                return true;
            }
            if (r == 2) {                           /* FCOMP5 */
                x87_gen_fcom(d, i, X87_CMP_POP1);
                return true;
            }
            if (i != 1) {
                return false;
            }
            x87_gen_fcom(d, 1, X87_CMP_POP2);      /* FCOMPP */
            return true;
        }
        x87_call(d, &x87_helper_arith_desc, IR_NO_TEMP, 3,
                 r >= 4 ? r ^ 1 : r, i, (op & 7) == 4 ? 1 : 2);
        return true;
    case 5:
        switch (r) {
        case 0: x87_gen_misc(d, X87_FFREE, i); return true;
        case 1: x87_gen_misc(d, X87_FXCH, i); return true;
        case 2: x87_gen_misc(d, X87_FST_ST, i); return true;
        case 3: x87_gen_misc(d, X87_FSTP_ST, i); return true;
        case 4: x87_gen_fcom(d, i, X87_CMP_UNORDERED); return true;
        case 5:
            x87_gen_fcom(d, i, X87_CMP_UNORDERED | X87_CMP_POP1);
            return true;
        default: return false;
        }
    default:                                        /* DF */
        switch (r) {
        case 0: x87_gen_misc(d, X87_FFREEP, i); return true;
        case 1: x87_gen_misc(d, X87_FXCH, i); return true;
        case 2: case 3: x87_gen_misc(d, X87_FSTP_ST, i); return true;
        case 4:
            if (i != 0) {
                return false;
            }
            x87_gen_fnstsw(d, NULL);                /* FNSTSW AX */
            return true;
        case 5: case 6:                             /* FUCOMIP FCOMIP */
            x87_gen_fcom(d, i, X87_CMP_EFLAGS | X87_CMP_POP1 |
                               (r == 5 ? X87_CMP_UNORDERED : 0));
            return true;
        default:
            return false;
        }
    }
}

/* Instructions that do not wait for pending exceptions (SDM 8.3.12):
 * FNSTENV, FNSTCW, FNSAVE, FNSTSW, FNCLEX, FNINIT (and the 8087 no-ops). */
static bool x87_no_wait(uint32_t op, uint32_t modrm)
{
    uint32_t x = op & 7, reg = (modrm >> 3) & 7;

    if (modrm < 0xc0) {
        return (x == 1 || x == 5) && reg >= 6;
    }
    return (x == 3 && reg == 4) || (x == 7 && modrm == 0xe0);
}

/* Control instructions leave FIP/FOP/FDP alone: FLDENV FLDCW FNSTENV
 * FNSTCW FRSTOR FNSAVE FNSTSW FNCLEX FNINIT (and the 8087 no-ops). */
static bool x87_is_control(uint32_t op, uint32_t modrm)
{
    uint32_t x = op & 7, reg = (modrm >> 3) & 7;

    if (modrm < 0xc0) {
        return (x == 1 && reg >= 4) || (x == 5 && reg >= 4 && reg != 5);
    }
    return (x == 3 && reg == 4) || (x == 7 && modrm == 0xe0);
}

bool x86_gen_x87(DisasCtx *d, uint32_t op)
{
    X86Opnd o;
    uint32_t modrm;

    if (!(d->features & X86_FEAT_FPU)) {
        return false;
    }
    /* The check branches: it goes before the operand's address temps
     * (ephemerals end at a label), so peek at ModRM first. */
    modrm = x86_fetch8(d);
    d->cur--;
    if (!x87_no_wait(op, modrm)) {
        x87_gen_check_pending(d);
    }
    x86_modrm(d, &o);
    if (!x87_is_control(op, modrm)) {
        /* the last instruction and operand pointers (SDM vol. 1,
         * 8.1.8): FNSTENV, FNSAVE and FXSAVE store them */
        ir_st32(d->b, x87_const(d, d->pc), IR_ENV,
                (int32_t)offsetof(X86State, fpip));
        ir_st32(d->b, x87_const(d, (op & 7) << 8 | modrm), IR_ENV,
                (int32_t)offsetof(X86State, fpop));
        if (o.mem) {
            ir_st32(d->b, o.addr, IR_ENV, (int32_t)offsetof(X86State, fpdp));
        }
    }
    return o.mem ? x87_mem(d, op, &o) : x87_reg(d, op);
}

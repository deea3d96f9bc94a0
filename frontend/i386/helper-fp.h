/* frontend/i386/helper-fp.h — C helpers of the i386 floating point and
 * vector units: the x87 (helper-x87.c, helper-x87-env.c) and MMX / SSE /
 * SSE2 / SSE3 / SSSE3 (helper-sse.c, helper-vec.c), each with its
 * IrHelper descriptor. Helpers reach the x87 and vector registers in
 * X86State themselves; the translator passes register numbers, env
 * offsets of vector operands and guest addresses (helpers that take an
 * address read or write guest memory themselves, so a fault there
 * restores the state of the instruction: they raise, not the JIT).
 */
#ifndef EMU_FRONTEND_I386_HELPER_FP_H
#define EMU_FRONTEND_I386_HELPER_FP_H

#include <stdint.h>

#include "core/helper.h"
#include "cpu.h"

/* Memory operand formats of the x87 (X87_M_*): the first four are the
 * D8/DA/DC/DE arithmetic operand kinds in opcode order. */
enum {
    X87_M_F32 = 0, X87_M_I32 = 1, X87_M_F64 = 2, X87_M_I16 = 3,
    X87_M_I64 = 4, X87_M_F80 = 5, X87_M_BCD = 6,
    /* FISTTP (truncating) stores */
    X87_M_TI16 = 7, X87_M_TI32 = 8, X87_M_TI64 = 9,
};

/* x87_helper_misc operations (one-operand and stack instructions). */
enum {
    X87_FLD_ST, X87_FXCH, X87_FST_ST, X87_FSTP_ST, X87_FFREE, X87_FFREEP,
    X87_FCHS, X87_FABS, X87_FTST, X87_FXAM,
    X87_FLD1, X87_FLDL2T, X87_FLDL2E, X87_FLDPI, X87_FLDLG2, X87_FLDLN2,
    X87_FLDZ,
    X87_F2XM1, X87_FYL2X, X87_FPTAN, X87_FPATAN, X87_FXTRACT, X87_FPREM1,
    X87_FDECSTP, X87_FINCSTP, X87_FPREM, X87_FYL2XP1, X87_FSQRT,
    X87_FSINCOS, X87_FRNDINT, X87_FSCALE, X87_FSIN, X87_FCOS,
    X87_FNINIT, X87_FNCLEX, X87_FNOP, X87_EMMS,
};

/* x87_helper_env operations. */
enum {
    X87_ENV_FLDENV, X87_ENV_FNSTENV, X87_ENV_FRSTOR, X87_ENV_FNSAVE,
    X86_ENV_FXSAVE, X86_ENV_FXRSTOR,
};

/* x87_helper_fcom mode bits: unordered compare (FUCOM*), pops (0..2)
 * << 1, result in EFLAGS (FCOMI*: returned as ZF PF CF) instead of C0 C2
 * C3; i = 8 compares with +0.0 (FTST). */
enum { X87_CMP_UNORDERED = 1, X87_CMP_POP1 = 2, X87_CMP_POP2 = 4,
       X87_CMP_EFLAGS = 8 };

/* Arithmetic op 0..7 (ADD MUL COM COMP SUB SUBR DIV DIVR; SUB is dst -
 * src): mode 0 ST(0) = ST(0) op ST(i); 1 ST(i) = ST(i) op ST(0); 2 the
 * same and pop. */
void x87_helper_arith(CpuCommon *cpu, uint32_t op, uint32_t i,
                      uint32_t mode);
/* ST(0) = ST(0) op [addr] (kind X87_M_F32/I32/F64/I16). */
void x87_helper_arith_mem(CpuCommon *cpu, uint32_t op, uint32_t kind,
                          uint32_t addr);
/* Pushes [addr] of kind. */
void x87_helper_fld_mem(CpuCommon *cpu, uint32_t kind, uint32_t addr);
/* Stores ST(0) to [addr] as kind, then pops when pop. */
void x87_helper_fst_mem(CpuCommon *cpu, uint32_t kind, uint32_t addr,
                        uint32_t pop);
uint32_t x87_helper_fcom(CpuCommon *cpu, uint32_t i, uint32_t mode);
void x87_helper_misc(CpuCommon *cpu, uint32_t op, uint32_t i);
/* FCMOVcc: ST(0) = ST(i) when cond. */
void x87_helper_fcmov(CpuCommon *cpu, uint32_t i, uint32_t cond);
/* FNSTSW: the status word. */
uint32_t x87_helper_fnstsw(CpuCommon *cpu);
void x87_helper_fldcw(CpuCommon *cpu, uint32_t cw);
/* FLDENV FNSTENV FRSTOR FNSAVE FXSAVE FXRSTOR at addr; opsize16 selects
 * the 16-bit environment layout. Raises #GP at insn_pc for a misaligned
 * FXSAVE area or reserved MXCSR bits. */
void x87_helper_env(CpuCommon *cpu, uint32_t op, uint32_t addr,
                    uint32_t opsize16, uint32_t insn_pc);

/* LDMXCSR: #GP at insn_pc for reserved bits. */
void x86_helper_ldmxcsr(CpuCommon *cpu, uint32_t v, uint32_t insn_pc);

extern const IrHelper x86_helper_ldmxcsr_desc;
extern const IrHelper x87_helper_arith_desc;
extern const IrHelper x87_helper_arith_mem_desc;
extern const IrHelper x87_helper_fld_mem_desc;
extern const IrHelper x87_helper_fst_mem_desc;
extern const IrHelper x87_helper_fcom_desc;
extern const IrHelper x87_helper_misc_desc;
extern const IrHelper x87_helper_fcmov_desc;
extern const IrHelper x87_helper_fnstsw_desc;
extern const IrHelper x87_helper_fldcw_desc;
extern const IrHelper x87_helper_env_desc;

#endif

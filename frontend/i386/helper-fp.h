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

/* ---- MMX / SSE integer and data-movement operations (helper-vec.c) ----
 * x86_helper_vec(cpu, op, dst, src): dst and src are byte offsets of
 * 8-byte (MMX) or 16-byte (XMM) operands in X86State; op = X86_V_* |
 * X86_V_XMM when 16 bytes | imm8 << 16. */
enum {
    X86_V_PADDB, X86_V_PADDW, X86_V_PADDD, X86_V_PADDQ,
    X86_V_PSUBB, X86_V_PSUBW, X86_V_PSUBD, X86_V_PSUBQ,
    X86_V_PADDSB, X86_V_PADDSW, X86_V_PADDUSB, X86_V_PADDUSW,
    X86_V_PSUBSB, X86_V_PSUBSW, X86_V_PSUBUSB, X86_V_PSUBUSW,
    X86_V_PMULLW, X86_V_PMULHW, X86_V_PMULHUW, X86_V_PMULUDQ,
    X86_V_PMADDWD, X86_V_PSADBW, X86_V_PAVGB, X86_V_PAVGW,
    X86_V_PMINUB, X86_V_PMAXUB, X86_V_PMINSW, X86_V_PMAXSW,
    X86_V_PCMPEQB, X86_V_PCMPEQW, X86_V_PCMPEQD,
    X86_V_PCMPGTB, X86_V_PCMPGTW, X86_V_PCMPGTD,
    X86_V_PAND, X86_V_PANDN, X86_V_POR, X86_V_PXOR,
    /* shifts by the low 64 bits of src, or by imm8 (_I forms) */
    X86_V_PSLLW, X86_V_PSLLD, X86_V_PSLLQ, X86_V_PSRLW, X86_V_PSRLD,
    X86_V_PSRLQ, X86_V_PSRAW, X86_V_PSRAD,
    X86_V_PSLLW_I, X86_V_PSLLD_I, X86_V_PSLLQ_I, X86_V_PSRLW_I,
    X86_V_PSRLD_I, X86_V_PSRLQ_I, X86_V_PSRAW_I, X86_V_PSRAD_I,
    X86_V_PSLLDQ_I, X86_V_PSRLDQ_I,
    X86_V_PUNPCKLBW, X86_V_PUNPCKLWD, X86_V_PUNPCKLDQ, X86_V_PUNPCKLQDQ,
    X86_V_PUNPCKHBW, X86_V_PUNPCKHWD, X86_V_PUNPCKHDQ, X86_V_PUNPCKHQDQ,
    X86_V_PACKSSWB, X86_V_PACKSSDW, X86_V_PACKUSWB,
    X86_V_PSHUFW, X86_V_PSHUFD, X86_V_PSHUFHW, X86_V_PSHUFLW,
    X86_V_SHUFPS, X86_V_SHUFPD, X86_V_UNPCKLPS, X86_V_UNPCKHPS,
    X86_V_UNPCKLPD, X86_V_UNPCKHPD,
    X86_V_MOVSLDUP, X86_V_MOVSHDUP, X86_V_MOVDDUP,
    /* SSSE3 */
    X86_V_PSHUFB, X86_V_PHADDW, X86_V_PHADDD, X86_V_PHADDSW,
    X86_V_PMADDUBSW, X86_V_PHSUBW, X86_V_PHSUBD, X86_V_PHSUBSW,
    X86_V_PSIGNB, X86_V_PSIGNW, X86_V_PSIGND, X86_V_PMULHRSW,
    X86_V_PABSB, X86_V_PABSW, X86_V_PABSD, X86_V_PALIGNR,
    X86_V_COUNT,
};
#define X86_V_XMM 0x8000u
void x86_helper_vec(CpuCommon *cpu, uint32_t op, uint32_t dst,
                    uint32_t src);
/* PMOVMSKB (op 0), MOVMSKPS (1), MOVMSKPD (2) of the operand at src
 * (16 bytes; 8 for PMOVMSKB | X86_V_XMM clear). */
uint32_t x86_helper_movmsk(CpuCommon *cpu, uint32_t op, uint32_t src);
/* MASKMOVQ / MASKMOVDQU: bytes of src whose mask byte has bit 7 go to
 * guest [addr]. */
void x86_helper_maskmov(CpuCommon *cpu, uint32_t op, uint32_t src,
                        uint32_t mask, uint32_t addr);

extern const IrHelper x86_helper_vec_desc;
extern const IrHelper x86_helper_movmsk_desc;
extern const IrHelper x86_helper_maskmov_desc;

/* ---- SSE / SSE2 / SSE3 floating point (helper-sse.c) ------------------
 * x86_helper_sse(cpu, op, dst, src, insn_pc): op = X86_F_* | lane type
 * (X86_FT_*) << 8 | imm8 << 16 (CMP predicate). MXCSR flags are set;
 * an unmasked one raises #XM at insn_pc and leaves dst unchanged. */
enum { X86_FT_PS = 0, X86_FT_PD = 1, X86_FT_SS = 2, X86_FT_SD = 3 };
enum {
    X86_F_ADD, X86_F_SUB, X86_F_MUL, X86_F_DIV, X86_F_MIN, X86_F_MAX,
    X86_F_SQRT, X86_F_RCP, X86_F_RSQRT, X86_F_CMP, X86_F_HADD, X86_F_HSUB,
    X86_F_ADDSUB,
    /* conversions between vector registers; the type is unused */
    X86_F_CVTPS2PD, X86_F_CVTPD2PS, X86_F_CVTSS2SD, X86_F_CVTSD2SS,
    X86_F_CVTDQ2PS, X86_F_CVTPS2DQ, X86_F_CVTTPS2DQ, X86_F_CVTDQ2PD,
    X86_F_CVTPD2DQ, X86_F_CVTTPD2DQ,
    /* with an MMX operand (8 bytes) */
    X86_F_CVTPI2PS, X86_F_CVTPS2PI, X86_F_CVTTPS2PI, X86_F_CVTPI2PD,
    X86_F_CVTPD2PI, X86_F_CVTTPD2PI,
};
void x86_helper_sse(CpuCommon *cpu, uint32_t op, uint32_t dst,
                    uint32_t src, uint32_t insn_pc);
/* CVTSI2SS (sd = 0) / CVTSI2SD (sd = 1): lane 0 of dst = (float)val. */
void x86_helper_sse_i2f(CpuCommon *cpu, uint32_t sd, uint32_t dst,
                        uint32_t val, uint32_t insn_pc);
/* CVT(T)SS2SI / CVT(T)SD2SI: mode bit 0 = double, bit 1 = truncate. */
uint32_t x86_helper_sse_f2i(CpuCommon *cpu, uint32_t mode, uint32_t src,
                            uint32_t insn_pc);
/* (U)COMISS / (U)COMISD: mode bit 0 = double, bit 1 = unordered (quiet);
 * returns ZF PF CF. */
uint32_t x86_helper_sse_comi(CpuCommon *cpu, uint32_t mode, uint32_t a,
                             uint32_t b, uint32_t insn_pc);

extern const IrHelper x86_helper_sse_desc;
extern const IrHelper x86_helper_sse_i2f_desc;
extern const IrHelper x86_helper_sse_f2i_desc;
extern const IrHelper x86_helper_sse_comi_desc;

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

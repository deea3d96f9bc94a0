/* tests/diff/i386/gen-simd.c — the MMX and SSE/SSE2/SSE3/SSSE3 families
 * of the differential test's generator, as tables of encodings (SDM
 * vol. 2, appendix A: 0F, 66 0F, F2 0F, F3 0F, 0F 38, 0F 3A maps) with
 * their operand kinds, memory sizes and alignment, and the kind of value
 * their memory operand is seeded with. MXCSR keeps every exception
 * masked (an unmasked one would trap natively).
 *
 * Left out: RCPPS/RCPSS/RSQRTPS/RSQRTSS. The CPU's approximation tables
 * are its own (within 1.5 * 2^-12) and emu returns the correctly rounded
 * value instead (docs/i386.md), so they never match bit for bit.
 */
#include "gen-int.h"

/* Operand kinds of the ModRM reg and rm fields. */
enum {
    K_MM = 1,       /* MMX register */
    K_XMM,          /* XMM register */
    K_GPRW,         /* 32-bit register, written */
    K_GPR,          /* 32-bit register, read */
    K_EXT,          /* reg is an opcode extension (SimdOp.ext) */
};

enum {
    F_IMM = 1,      /* imm8, any value */
    F_CMPIMM = 2,   /* imm8, a compare predicate 0-7 */
    F_SHIMM = 4,    /* imm8, a shift count */
    F_ALIGN = 8,    /* a 16-byte memory operand must be aligned */
    F_MEMONLY = 16,
    F_STORE = 32,   /* the rm operand is written */
    F_EFL = 64,     /* writes ZF PF CF, clears OF SF AF */
    F_MASKMOV = 128,/* stores through DS:EDI */
};

/* Memory seeding kinds beyond gen-int.h's VK_*: a shift count. */
enum { VK_CNT = VK_COUNT };

typedef struct SimdOp {
    const char *name;
    uint8_t pfx;        /* mandatory prefix: 0, 0x66, 0xf2, 0xf3 */
    uint8_t map;        /* 0: 0F xx; 0x38, 0x3a: 0F 38 xx, 0F 3A xx */
    uint8_t opc;
    uint8_t reg, rm;    /* K_* */
    uint8_t msize;      /* memory operand bytes; 0: register only */
    uint8_t flags;      /* F_* */
    uint8_t vk;         /* VK_* the memory operand is seeded with */
    uint8_t ext;        /* the reg field when reg == K_EXT */
} SimdOp;

#define N_OPS(t) (sizeof(t) / sizeof((t)[0]))

static const SimdOp mmx_ops[] = {
    { "punpcklbw", 0, 0, 0x60, K_MM, K_MM, 4, 0, VK_INT, 0 },
    { "punpcklwd", 0, 0, 0x61, K_MM, K_MM, 4, 0, VK_INT, 0 },
    { "punpckldq", 0, 0, 0x62, K_MM, K_MM, 4, 0, VK_INT, 0 },
    { "packsswb", 0, 0, 0x63, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "pcmpgtb", 0, 0, 0x64, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "pcmpgtw", 0, 0, 0x65, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "pcmpgtd", 0, 0, 0x66, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "packuswb", 0, 0, 0x67, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "punpckhbw", 0, 0, 0x68, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "punpckhwd", 0, 0, 0x69, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "punpckhdq", 0, 0, 0x6a, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "packssdw", 0, 0, 0x6b, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "movd mm, r/m32", 0, 0, 0x6e, K_MM, K_GPR, 4, 0, VK_INT, 0 },
    { "movq mm, mm/m64", 0, 0, 0x6f, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "pshufw", 0, 0, 0x70, K_MM, K_MM, 8, F_IMM, VK_INT, 0 },
    { "psrlw imm", 0, 0, 0x71, K_EXT, K_MM, 0, F_SHIMM, 0, 2 },
    { "psraw imm", 0, 0, 0x71, K_EXT, K_MM, 0, F_SHIMM, 0, 4 },
    { "psllw imm", 0, 0, 0x71, K_EXT, K_MM, 0, F_SHIMM, 0, 6 },
    { "psrld imm", 0, 0, 0x72, K_EXT, K_MM, 0, F_SHIMM, 0, 2 },
    { "psrad imm", 0, 0, 0x72, K_EXT, K_MM, 0, F_SHIMM, 0, 4 },
    { "pslld imm", 0, 0, 0x72, K_EXT, K_MM, 0, F_SHIMM, 0, 6 },
    { "psrlq imm", 0, 0, 0x73, K_EXT, K_MM, 0, F_SHIMM, 0, 2 },
    { "psllq imm", 0, 0, 0x73, K_EXT, K_MM, 0, F_SHIMM, 0, 6 },
    { "pcmpeqb", 0, 0, 0x74, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "pcmpeqw", 0, 0, 0x75, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "pcmpeqd", 0, 0, 0x76, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "movd r/m32, mm", 0, 0, 0x7e, K_MM, K_GPRW, 4, F_STORE, 0, 0 },
    { "movq mm/m64, mm", 0, 0, 0x7f, K_MM, K_MM, 8, F_STORE, 0, 0 },
    { "pinsrw", 0, 0, 0xc4, K_MM, K_GPR, 2, F_IMM, VK_INT, 0 },
    { "pextrw", 0, 0, 0xc5, K_GPRW, K_MM, 0, F_IMM, 0, 0 },
    { "psrlw", 0, 0, 0xd1, K_MM, K_MM, 8, 0, VK_CNT, 0 },
    { "psrld", 0, 0, 0xd2, K_MM, K_MM, 8, 0, VK_CNT, 0 },
    { "psrlq", 0, 0, 0xd3, K_MM, K_MM, 8, 0, VK_CNT, 0 },
    { "paddq", 0, 0, 0xd4, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "pmullw", 0, 0, 0xd5, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "pmovmskb", 0, 0, 0xd7, K_GPRW, K_MM, 0, 0, 0, 0 },
    { "psubusb", 0, 0, 0xd8, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "psubusw", 0, 0, 0xd9, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "pminub", 0, 0, 0xda, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "pand", 0, 0, 0xdb, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "paddusb", 0, 0, 0xdc, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "paddusw", 0, 0, 0xdd, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "pmaxub", 0, 0, 0xde, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "pandn", 0, 0, 0xdf, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "pavgb", 0, 0, 0xe0, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "psraw", 0, 0, 0xe1, K_MM, K_MM, 8, 0, VK_CNT, 0 },
    { "psrad", 0, 0, 0xe2, K_MM, K_MM, 8, 0, VK_CNT, 0 },
    { "pavgw", 0, 0, 0xe3, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "pmulhuw", 0, 0, 0xe4, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "pmulhw", 0, 0, 0xe5, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "movntq", 0, 0, 0xe7, K_MM, K_MM, 8, F_MEMONLY | F_STORE, 0, 0 },
    { "psubsb", 0, 0, 0xe8, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "psubsw", 0, 0, 0xe9, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "pminsw", 0, 0, 0xea, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "por", 0, 0, 0xeb, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "paddsb", 0, 0, 0xec, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "paddsw", 0, 0, 0xed, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "pmaxsw", 0, 0, 0xee, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "pxor", 0, 0, 0xef, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "psllw", 0, 0, 0xf1, K_MM, K_MM, 8, 0, VK_CNT, 0 },
    { "pslld", 0, 0, 0xf2, K_MM, K_MM, 8, 0, VK_CNT, 0 },
    { "psllq", 0, 0, 0xf3, K_MM, K_MM, 8, 0, VK_CNT, 0 },
    { "pmuludq", 0, 0, 0xf4, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "pmaddwd", 0, 0, 0xf5, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "psadbw", 0, 0, 0xf6, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "maskmovq", 0, 0, 0xf7, K_MM, K_MM, 0, F_MASKMOV, 0, 0 },
    { "psubb", 0, 0, 0xf8, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "psubw", 0, 0, 0xf9, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "psubd", 0, 0, 0xfa, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "psubq", 0, 0, 0xfb, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "paddb", 0, 0, 0xfc, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "paddw", 0, 0, 0xfd, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "paddd", 0, 0, 0xfe, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "pshufb", 0, 0x38, 0x00, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "phaddw", 0, 0x38, 0x01, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "phaddd", 0, 0x38, 0x02, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "phaddsw", 0, 0x38, 0x03, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "pmaddubsw", 0, 0x38, 0x04, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "phsubw", 0, 0x38, 0x05, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "phsubd", 0, 0x38, 0x06, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "phsubsw", 0, 0x38, 0x07, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "psignb", 0, 0x38, 0x08, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "psignw", 0, 0x38, 0x09, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "psignd", 0, 0x38, 0x0a, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "pmulhrsw", 0, 0x38, 0x0b, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "pabsb", 0, 0x38, 0x1c, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "pabsw", 0, 0x38, 0x1d, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "pabsd", 0, 0x38, 0x1e, K_MM, K_MM, 8, 0, VK_INT, 0 },
    { "palignr", 0, 0x3a, 0x0f, K_MM, K_MM, 8, F_IMM, VK_INT, 0 },
};

/* The SSE2 integer set: the MMX opcodes with 66 on XMM registers. */
static const SimdOp sse_int_ops[] = {
    { "punpcklbw", 0x66, 0, 0x60, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "punpcklwd", 0x66, 0, 0x61, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "punpckldq", 0x66, 0, 0x62, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "packsswb", 0x66, 0, 0x63, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "pcmpgtb", 0x66, 0, 0x64, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "pcmpgtw", 0x66, 0, 0x65, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "pcmpgtd", 0x66, 0, 0x66, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "packuswb", 0x66, 0, 0x67, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "punpckhbw", 0x66, 0, 0x68, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "punpckhwd", 0x66, 0, 0x69, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "punpckhdq", 0x66, 0, 0x6a, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "packssdw", 0x66, 0, 0x6b, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "punpcklqdq", 0x66, 0, 0x6c, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "punpckhqdq", 0x66, 0, 0x6d, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "psrlw imm", 0x66, 0, 0x71, K_EXT, K_XMM, 0, F_SHIMM, 0, 2 },
    { "psraw imm", 0x66, 0, 0x71, K_EXT, K_XMM, 0, F_SHIMM, 0, 4 },
    { "psllw imm", 0x66, 0, 0x71, K_EXT, K_XMM, 0, F_SHIMM, 0, 6 },
    { "psrld imm", 0x66, 0, 0x72, K_EXT, K_XMM, 0, F_SHIMM, 0, 2 },
    { "psrad imm", 0x66, 0, 0x72, K_EXT, K_XMM, 0, F_SHIMM, 0, 4 },
    { "pslld imm", 0x66, 0, 0x72, K_EXT, K_XMM, 0, F_SHIMM, 0, 6 },
    { "psrlq imm", 0x66, 0, 0x73, K_EXT, K_XMM, 0, F_SHIMM, 0, 2 },
    { "psrldq imm", 0x66, 0, 0x73, K_EXT, K_XMM, 0, F_SHIMM, 0, 3 },
    { "psllq imm", 0x66, 0, 0x73, K_EXT, K_XMM, 0, F_SHIMM, 0, 6 },
    { "pslldq imm", 0x66, 0, 0x73, K_EXT, K_XMM, 0, F_SHIMM, 0, 7 },
    { "pcmpeqb", 0x66, 0, 0x74, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "pcmpeqw", 0x66, 0, 0x75, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "pcmpeqd", 0x66, 0, 0x76, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "psrlw", 0x66, 0, 0xd1, K_XMM, K_XMM, 16, F_ALIGN, VK_CNT, 0 },
    { "psrld", 0x66, 0, 0xd2, K_XMM, K_XMM, 16, F_ALIGN, VK_CNT, 0 },
    { "psrlq", 0x66, 0, 0xd3, K_XMM, K_XMM, 16, F_ALIGN, VK_CNT, 0 },
    { "paddq", 0x66, 0, 0xd4, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "pmullw", 0x66, 0, 0xd5, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "pmovmskb", 0x66, 0, 0xd7, K_GPRW, K_XMM, 0, 0, 0, 0 },
    { "psubusb", 0x66, 0, 0xd8, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "psubusw", 0x66, 0, 0xd9, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "pminub", 0x66, 0, 0xda, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "pand", 0x66, 0, 0xdb, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "paddusb", 0x66, 0, 0xdc, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "paddusw", 0x66, 0, 0xdd, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "pmaxub", 0x66, 0, 0xde, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "pandn", 0x66, 0, 0xdf, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "pavgb", 0x66, 0, 0xe0, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "psraw", 0x66, 0, 0xe1, K_XMM, K_XMM, 16, F_ALIGN, VK_CNT, 0 },
    { "psrad", 0x66, 0, 0xe2, K_XMM, K_XMM, 16, F_ALIGN, VK_CNT, 0 },
    { "pavgw", 0x66, 0, 0xe3, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "pmulhuw", 0x66, 0, 0xe4, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "pmulhw", 0x66, 0, 0xe5, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "psubsb", 0x66, 0, 0xe8, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "psubsw", 0x66, 0, 0xe9, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "pminsw", 0x66, 0, 0xea, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "por", 0x66, 0, 0xeb, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "paddsb", 0x66, 0, 0xec, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "paddsw", 0x66, 0, 0xed, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "pmaxsw", 0x66, 0, 0xee, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "pxor", 0x66, 0, 0xef, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "psllw", 0x66, 0, 0xf1, K_XMM, K_XMM, 16, F_ALIGN, VK_CNT, 0 },
    { "pslld", 0x66, 0, 0xf2, K_XMM, K_XMM, 16, F_ALIGN, VK_CNT, 0 },
    { "psllq", 0x66, 0, 0xf3, K_XMM, K_XMM, 16, F_ALIGN, VK_CNT, 0 },
    { "pmuludq", 0x66, 0, 0xf4, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "pmaddwd", 0x66, 0, 0xf5, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "psadbw", 0x66, 0, 0xf6, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "maskmovdqu", 0x66, 0, 0xf7, K_XMM, K_XMM, 0, F_MASKMOV, 0, 0 },
    { "psubb", 0x66, 0, 0xf8, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "psubw", 0x66, 0, 0xf9, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "psubd", 0x66, 0, 0xfa, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "psubq", 0x66, 0, 0xfb, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "paddb", 0x66, 0, 0xfc, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "paddw", 0x66, 0, 0xfd, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "paddd", 0x66, 0, 0xfe, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "pshufb", 0x66, 0x38, 0x00, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "phaddw", 0x66, 0x38, 0x01, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "phaddd", 0x66, 0x38, 0x02, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "phaddsw", 0x66, 0x38, 0x03, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "pmaddubsw", 0x66, 0x38, 0x04, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "phsubw", 0x66, 0x38, 0x05, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "phsubd", 0x66, 0x38, 0x06, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "phsubsw", 0x66, 0x38, 0x07, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "psignb", 0x66, 0x38, 0x08, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "psignw", 0x66, 0x38, 0x09, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "psignd", 0x66, 0x38, 0x0a, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "pmulhrsw", 0x66, 0x38, 0x0b, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "pabsb", 0x66, 0x38, 0x1c, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "pabsw", 0x66, 0x38, 0x1d, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "pabsd", 0x66, 0x38, 0x1e, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "palignr", 0x66, 0x3a, 0x0f, K_XMM, K_XMM, 16, F_ALIGN | F_IMM,
      VK_INT, 0 },
};

/* Float arithmetic, logic, compares: packed single (none), packed
 * double (66), scalar single (F3), scalar double (F2). */
static const SimdOp sse_fp_ops[] = {
    { "sqrtps", 0, 0, 0x51, K_XMM, K_XMM, 16, F_ALIGN, VK_F32, 0 },
    { "sqrtpd", 0x66, 0, 0x51, K_XMM, K_XMM, 16, F_ALIGN, VK_F64, 0 },
    { "sqrtss", 0xf3, 0, 0x51, K_XMM, K_XMM, 4, 0, VK_F32, 0 },
    { "sqrtsd", 0xf2, 0, 0x51, K_XMM, K_XMM, 8, 0, VK_F64, 0 },
    { "andps", 0, 0, 0x54, K_XMM, K_XMM, 16, F_ALIGN, VK_F32, 0 },
    { "andpd", 0x66, 0, 0x54, K_XMM, K_XMM, 16, F_ALIGN, VK_F64, 0 },
    { "andnps", 0, 0, 0x55, K_XMM, K_XMM, 16, F_ALIGN, VK_F32, 0 },
    { "andnpd", 0x66, 0, 0x55, K_XMM, K_XMM, 16, F_ALIGN, VK_F64, 0 },
    { "orps", 0, 0, 0x56, K_XMM, K_XMM, 16, F_ALIGN, VK_F32, 0 },
    { "orpd", 0x66, 0, 0x56, K_XMM, K_XMM, 16, F_ALIGN, VK_F64, 0 },
    { "xorps", 0, 0, 0x57, K_XMM, K_XMM, 16, F_ALIGN, VK_F32, 0 },
    { "xorpd", 0x66, 0, 0x57, K_XMM, K_XMM, 16, F_ALIGN, VK_F64, 0 },
    { "addps", 0, 0, 0x58, K_XMM, K_XMM, 16, F_ALIGN, VK_F32, 0 },
    { "addpd", 0x66, 0, 0x58, K_XMM, K_XMM, 16, F_ALIGN, VK_F64, 0 },
    { "addss", 0xf3, 0, 0x58, K_XMM, K_XMM, 4, 0, VK_F32, 0 },
    { "addsd", 0xf2, 0, 0x58, K_XMM, K_XMM, 8, 0, VK_F64, 0 },
    { "mulps", 0, 0, 0x59, K_XMM, K_XMM, 16, F_ALIGN, VK_F32, 0 },
    { "mulpd", 0x66, 0, 0x59, K_XMM, K_XMM, 16, F_ALIGN, VK_F64, 0 },
    { "mulss", 0xf3, 0, 0x59, K_XMM, K_XMM, 4, 0, VK_F32, 0 },
    { "mulsd", 0xf2, 0, 0x59, K_XMM, K_XMM, 8, 0, VK_F64, 0 },
    { "subps", 0, 0, 0x5c, K_XMM, K_XMM, 16, F_ALIGN, VK_F32, 0 },
    { "subpd", 0x66, 0, 0x5c, K_XMM, K_XMM, 16, F_ALIGN, VK_F64, 0 },
    { "subss", 0xf3, 0, 0x5c, K_XMM, K_XMM, 4, 0, VK_F32, 0 },
    { "subsd", 0xf2, 0, 0x5c, K_XMM, K_XMM, 8, 0, VK_F64, 0 },
    { "minps", 0, 0, 0x5d, K_XMM, K_XMM, 16, F_ALIGN, VK_F32, 0 },
    { "minpd", 0x66, 0, 0x5d, K_XMM, K_XMM, 16, F_ALIGN, VK_F64, 0 },
    { "minss", 0xf3, 0, 0x5d, K_XMM, K_XMM, 4, 0, VK_F32, 0 },
    { "minsd", 0xf2, 0, 0x5d, K_XMM, K_XMM, 8, 0, VK_F64, 0 },
    { "divps", 0, 0, 0x5e, K_XMM, K_XMM, 16, F_ALIGN, VK_F32, 0 },
    { "divpd", 0x66, 0, 0x5e, K_XMM, K_XMM, 16, F_ALIGN, VK_F64, 0 },
    { "divss", 0xf3, 0, 0x5e, K_XMM, K_XMM, 4, 0, VK_F32, 0 },
    { "divsd", 0xf2, 0, 0x5e, K_XMM, K_XMM, 8, 0, VK_F64, 0 },
    { "maxps", 0, 0, 0x5f, K_XMM, K_XMM, 16, F_ALIGN, VK_F32, 0 },
    { "maxpd", 0x66, 0, 0x5f, K_XMM, K_XMM, 16, F_ALIGN, VK_F64, 0 },
    { "maxss", 0xf3, 0, 0x5f, K_XMM, K_XMM, 4, 0, VK_F32, 0 },
    { "maxsd", 0xf2, 0, 0x5f, K_XMM, K_XMM, 8, 0, VK_F64, 0 },
    { "cmpps", 0, 0, 0xc2, K_XMM, K_XMM, 16, F_ALIGN | F_CMPIMM, VK_F32, 0 },
    { "cmppd", 0x66, 0, 0xc2, K_XMM, K_XMM, 16, F_ALIGN | F_CMPIMM,
      VK_F64, 0 },
    { "cmpss", 0xf3, 0, 0xc2, K_XMM, K_XMM, 4, F_CMPIMM, VK_F32, 0 },
    { "cmpsd", 0xf2, 0, 0xc2, K_XMM, K_XMM, 8, F_CMPIMM, VK_F64, 0 },
    { "ucomiss", 0, 0, 0x2e, K_XMM, K_XMM, 4, F_EFL, VK_F32, 0 },
    { "ucomisd", 0x66, 0, 0x2e, K_XMM, K_XMM, 8, F_EFL, VK_F64, 0 },
    { "comiss", 0, 0, 0x2f, K_XMM, K_XMM, 4, F_EFL, VK_F32, 0 },
    { "comisd", 0x66, 0, 0x2f, K_XMM, K_XMM, 8, F_EFL, VK_F64, 0 },
    { "addsubpd", 0x66, 0, 0xd0, K_XMM, K_XMM, 16, F_ALIGN, VK_F64, 0 },
    { "addsubps", 0xf2, 0, 0xd0, K_XMM, K_XMM, 16, F_ALIGN, VK_F32, 0 },
    { "haddpd", 0x66, 0, 0x7c, K_XMM, K_XMM, 16, F_ALIGN, VK_F64, 0 },
    { "haddps", 0xf2, 0, 0x7c, K_XMM, K_XMM, 16, F_ALIGN, VK_F32, 0 },
    { "hsubpd", 0x66, 0, 0x7d, K_XMM, K_XMM, 16, F_ALIGN, VK_F64, 0 },
    { "hsubps", 0xf2, 0, 0x7d, K_XMM, K_XMM, 16, F_ALIGN, VK_F32, 0 },
};

/* Every conversion: integer <-> float of each width, truncating and
 * MXCSR-rounded, MMX and GPR forms (out-of-range inputs give the
 * integer indefinite). */
static const SimdOp sse_conv_ops[] = {
    { "cvtpi2ps", 0, 0, 0x2a, K_XMM, K_MM, 8, 0, VK_INT, 0 },
    { "cvtpi2pd", 0x66, 0, 0x2a, K_XMM, K_MM, 8, 0, VK_INT, 0 },
    { "cvtsi2ss", 0xf3, 0, 0x2a, K_XMM, K_GPR, 4, 0, VK_INT, 0 },
    { "cvtsi2sd", 0xf2, 0, 0x2a, K_XMM, K_GPR, 4, 0, VK_INT, 0 },
    { "cvttps2pi", 0, 0, 0x2c, K_MM, K_XMM, 8, 0, VK_F32, 0 },
    { "cvttpd2pi", 0x66, 0, 0x2c, K_MM, K_XMM, 16, F_ALIGN, VK_F64, 0 },
    { "cvttss2si", 0xf3, 0, 0x2c, K_GPRW, K_XMM, 4, 0, VK_F32, 0 },
    { "cvttsd2si", 0xf2, 0, 0x2c, K_GPRW, K_XMM, 8, 0, VK_F64, 0 },
    { "cvtps2pi", 0, 0, 0x2d, K_MM, K_XMM, 8, 0, VK_F32, 0 },
    { "cvtpd2pi", 0x66, 0, 0x2d, K_MM, K_XMM, 16, F_ALIGN, VK_F64, 0 },
    { "cvtss2si", 0xf3, 0, 0x2d, K_GPRW, K_XMM, 4, 0, VK_F32, 0 },
    { "cvtsd2si", 0xf2, 0, 0x2d, K_GPRW, K_XMM, 8, 0, VK_F64, 0 },
    { "cvtps2pd", 0, 0, 0x5a, K_XMM, K_XMM, 8, 0, VK_F32, 0 },
    { "cvtpd2ps", 0x66, 0, 0x5a, K_XMM, K_XMM, 16, F_ALIGN, VK_F64, 0 },
    { "cvtss2sd", 0xf3, 0, 0x5a, K_XMM, K_XMM, 4, 0, VK_F32, 0 },
    { "cvtsd2ss", 0xf2, 0, 0x5a, K_XMM, K_XMM, 8, 0, VK_F64, 0 },
    { "cvtdq2ps", 0, 0, 0x5b, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "cvtps2dq", 0x66, 0, 0x5b, K_XMM, K_XMM, 16, F_ALIGN, VK_F32, 0 },
    { "cvttps2dq", 0xf3, 0, 0x5b, K_XMM, K_XMM, 16, F_ALIGN, VK_F32, 0 },
    { "cvttpd2dq", 0x66, 0, 0xe6, K_XMM, K_XMM, 16, F_ALIGN, VK_F64, 0 },
    { "cvtdq2pd", 0xf3, 0, 0xe6, K_XMM, K_XMM, 8, 0, VK_INT, 0 },
    { "cvtpd2dq", 0xf2, 0, 0xe6, K_XMM, K_XMM, 16, F_ALIGN, VK_F64, 0 },
};

/* Moves, shuffles, unpacks, masks, inserts and extracts. */
static const SimdOp sse_shuf_ops[] = {
    { "movups", 0, 0, 0x10, K_XMM, K_XMM, 16, 0, VK_F32, 0 },
    { "movupd", 0x66, 0, 0x10, K_XMM, K_XMM, 16, 0, VK_F64, 0 },
    { "movss", 0xf3, 0, 0x10, K_XMM, K_XMM, 4, 0, VK_F32, 0 },
    { "movsd", 0xf2, 0, 0x10, K_XMM, K_XMM, 8, 0, VK_F64, 0 },
    { "movups st", 0, 0, 0x11, K_XMM, K_XMM, 16, F_STORE, 0, 0 },
    { "movss st", 0xf3, 0, 0x11, K_XMM, K_XMM, 4, F_STORE, 0, 0 },
    { "movsd st", 0xf2, 0, 0x11, K_XMM, K_XMM, 8, F_STORE, 0, 0 },
    { "movlps", 0, 0, 0x12, K_XMM, K_XMM, 8, F_MEMONLY, VK_F32, 0 },
    { "movhlps", 0, 0, 0x12, K_XMM, K_XMM, 0, 0, 0, 0 },
    { "movlpd", 0x66, 0, 0x12, K_XMM, K_XMM, 8, F_MEMONLY, VK_F64, 0 },
    { "movddup", 0xf2, 0, 0x12, K_XMM, K_XMM, 8, 0, VK_F64, 0 },
    { "movsldup", 0xf3, 0, 0x12, K_XMM, K_XMM, 16, F_ALIGN, VK_F32, 0 },
    { "movlps st", 0, 0, 0x13, K_XMM, K_XMM, 8, F_MEMONLY | F_STORE, 0, 0 },
    { "movlpd st", 0x66, 0, 0x13, K_XMM, K_XMM, 8, F_MEMONLY | F_STORE,
      0, 0 },
    { "unpcklps", 0, 0, 0x14, K_XMM, K_XMM, 16, F_ALIGN, VK_F32, 0 },
    { "unpcklpd", 0x66, 0, 0x14, K_XMM, K_XMM, 16, F_ALIGN, VK_F64, 0 },
    { "unpckhps", 0, 0, 0x15, K_XMM, K_XMM, 16, F_ALIGN, VK_F32, 0 },
    { "unpckhpd", 0x66, 0, 0x15, K_XMM, K_XMM, 16, F_ALIGN, VK_F64, 0 },
    { "movhps", 0, 0, 0x16, K_XMM, K_XMM, 8, F_MEMONLY, VK_F32, 0 },
    { "movlhps", 0, 0, 0x16, K_XMM, K_XMM, 0, 0, 0, 0 },
    { "movhpd", 0x66, 0, 0x16, K_XMM, K_XMM, 8, F_MEMONLY, VK_F64, 0 },
    { "movshdup", 0xf3, 0, 0x16, K_XMM, K_XMM, 16, F_ALIGN, VK_F32, 0 },
    { "movhps st", 0, 0, 0x17, K_XMM, K_XMM, 8, F_MEMONLY | F_STORE, 0, 0 },
    { "movhpd st", 0x66, 0, 0x17, K_XMM, K_XMM, 8, F_MEMONLY | F_STORE,
      0, 0 },
    { "movaps", 0, 0, 0x28, K_XMM, K_XMM, 16, F_ALIGN, VK_F32, 0 },
    { "movapd", 0x66, 0, 0x28, K_XMM, K_XMM, 16, F_ALIGN, VK_F64, 0 },
    { "movaps st", 0, 0, 0x29, K_XMM, K_XMM, 16, F_ALIGN | F_STORE, 0, 0 },
    { "movntps", 0, 0, 0x2b, K_XMM, K_XMM, 16,
      F_ALIGN | F_MEMONLY | F_STORE, 0, 0 },
    { "movntpd", 0x66, 0, 0x2b, K_XMM, K_XMM, 16,
      F_ALIGN | F_MEMONLY | F_STORE, 0, 0 },
    { "movmskps", 0, 0, 0x50, K_GPRW, K_XMM, 0, 0, 0, 0 },
    { "movmskpd", 0x66, 0, 0x50, K_GPRW, K_XMM, 0, 0, 0, 0 },
    { "shufps", 0, 0, 0xc6, K_XMM, K_XMM, 16, F_ALIGN | F_IMM, VK_F32, 0 },
    { "shufpd", 0x66, 0, 0xc6, K_XMM, K_XMM, 16, F_ALIGN | F_IMM,
      VK_F64, 0 },
    { "pshufd", 0x66, 0, 0x70, K_XMM, K_XMM, 16, F_ALIGN | F_IMM, VK_INT, 0 },
    { "pshufhw", 0xf3, 0, 0x70, K_XMM, K_XMM, 16, F_ALIGN | F_IMM,
      VK_INT, 0 },
    { "pshuflw", 0xf2, 0, 0x70, K_XMM, K_XMM, 16, F_ALIGN | F_IMM,
      VK_INT, 0 },
    { "movd xmm, r/m32", 0x66, 0, 0x6e, K_XMM, K_GPR, 4, 0, VK_INT, 0 },
    { "movd r/m32, xmm", 0x66, 0, 0x7e, K_XMM, K_GPRW, 4, F_STORE, 0, 0 },
    { "movq xmm, xmm/m64", 0xf3, 0, 0x7e, K_XMM, K_XMM, 8, 0, VK_F64, 0 },
    { "movq xmm/m64, xmm", 0x66, 0, 0xd6, K_XMM, K_XMM, 8, F_STORE, 0, 0 },
    { "movdqa", 0x66, 0, 0x6f, K_XMM, K_XMM, 16, F_ALIGN, VK_INT, 0 },
    { "movdqu", 0xf3, 0, 0x6f, K_XMM, K_XMM, 16, 0, VK_F32, 0 },
    { "movdqa st", 0x66, 0, 0x7f, K_XMM, K_XMM, 16, F_ALIGN | F_STORE, 0, 0 },
    { "movdqu st", 0xf3, 0, 0x7f, K_XMM, K_XMM, 16, F_STORE, 0, 0 },
    { "movq2dq", 0xf3, 0, 0xd6, K_XMM, K_MM, 0, 0, 0, 0 },
    { "movdq2q", 0xf2, 0, 0xd6, K_MM, K_XMM, 0, 0, 0, 0 },
    { "pinsrw", 0x66, 0, 0xc4, K_XMM, K_GPR, 2, F_IMM, VK_INT, 0 },
    { "pextrw", 0x66, 0, 0xc5, K_GPRW, K_XMM, 0, F_IMM, 0, 0 },
    { "lddqu", 0xf2, 0, 0xf0, K_XMM, K_XMM, 16, F_MEMONLY, VK_F64, 0 },
    { "movntdq", 0x66, 0, 0xe7, K_XMM, K_XMM, 16,
      F_ALIGN | F_MEMONLY | F_STORE, 0, 0 },
};

/* A 32-bit register for an operand that is written: not ESP. */
static int gpr_dst(Gen *g)
{
    int r;

    do {
        r = (int)rndn(g, 8);
    } while (r == ESP);
    return r;
}

/* A 32-bit register read as a value: sometimes set to an interesting
 * one first (never ESP, which stays the stack pointer). */
static int gpr_src(Gen *g)
{
    int r = (int)rndn(g, 8);

    if (r != ESP && chance(g, 50)) {
        mov_imm(g, r, (uint32_t)val_int(g, 4));
    }
    return r;
}

static uint8_t shift_imm(Gen *g)
{
    switch (rndn(g, 8)) {
    case 0:
        return (uint8_t)rnd(g);
    case 1:
    case 2:
        return (uint8_t)rndn(g, 18);
    case 3:
    case 4:
        return (uint8_t)rndn(g, 34);
    default:
        return (uint8_t)rndn(g, 66);
    }
}

/* Puts a shift count (small usually) in the low quadword at addr. */
static void store_count(Gen *g, uint32_t addr, unsigned n)
{
    uint8_t b[16] = { 0 };
    uint64_t c = chance(g, 80) ? rndn(g, 70) : rnd64(g);

    for (unsigned i = 0; i < n; i++) {
        b[i] = (uint8_t)(i < 8 ? c >> (8 * i) : rnd(g));
    }
    store_bytes(g, addr, b, n);
}

static bool kind_mm(uint8_t k)
{
    return k == K_MM;
}

static const char *simd_emit(Gen *g, const SimdOp *op)
{
    bool mem;
    unsigned reg, rmr = 0;
    uint32_t avoid = 0;
    Rm o;

    if (op->msize == 0) {
        mem = false;
    } else if (op->flags & F_MEMONLY) {
        mem = true;
    } else {
        mem = chance(g, 40);
    }
    switch (op->reg) {
    case K_GPRW:
        reg = (unsigned)gpr_dst(g);
        break;
    case K_EXT:
        reg = op->ext;
        break;
    default:
        reg = rndn(g, 8);
        break;
    }
    if (op->flags & F_MASKMOV) {
        mov_imm(g, EDI, DIFF_MEM_LO + rndn(g, DIFF_MEM_HI - DIFF_MEM_LO - 16));
    }
    if (mem) {
        rm_mem_aligned(g, &o, op->msize, avoid,
                       (op->flags & F_ALIGN) ? 16 : 1);
        if (!(op->flags & F_STORE) && chance(g, 75)) {
            if (op->vk == VK_CNT) {
                store_count(g, o.addr, op->msize);
            } else {
                store_vals(g, o.addr, op->msize, op->vk);
            }
        }
    } else {
        if (op->rm == K_GPRW) {
            rmr = (unsigned)gpr_dst(g);
        } else if (op->rm == K_GPR) {
            rmr = (unsigned)gpr_src(g);
        } else {
            rmr = rndn(g, 8);
        }
        rm_reg(&o, (int)rmr);
    }
    if (o.seg) {
        e8(g, o.seg);
    }
    if (op->pfx) {
        e8(g, op->pfx);
    }
    e8(g, 0x0f);
    if (op->map) {
        e8(g, op->map);
    }
    e8(g, op->opc);
    modrm(g, &o, reg);
    if (op->flags & F_IMM) {
        e8(g, rnd(g));
    } else if (op->flags & F_CMPIMM) {
        e8(g, rndn(g, 8));
    } else if (op->flags & F_SHIMM) {
        e8(g, shift_imm(g));
    }
    if (op->flags & F_EFL) {
        flags_set(g, FL_ARITH, 0);
    }
    if (kind_mm(op->reg) || kind_mm(op->rm)) {
        /* An MMX instruction: TOP 0, every register valid. */
        g->mmx = true;
        g->fp_top = 0;
        g->fp_valid = 0xff;
    }
    return op->name;
}

const char *gen_mmx(Gen *g)
{
    if (chance(g, 5)) {
        e8(g, 0x0f);
        e8(g, 0x77);
        g->fp_valid = 0;
        g->mmx = false;
        return "emms";
    }
    return simd_emit(g, &mmx_ops[rndn(g, N_OPS(mmx_ops))]);
}

const char *gen_sse_fp(Gen *g)
{
    return simd_emit(g, &sse_fp_ops[rndn(g, N_OPS(sse_fp_ops))]);
}

const char *gen_sse_conv(Gen *g)
{
    return simd_emit(g, &sse_conv_ops[rndn(g, N_OPS(sse_conv_ops))]);
}

const char *gen_sse_int(Gen *g)
{
    return simd_emit(g, &sse_int_ops[rndn(g, N_OPS(sse_int_ops))]);
}

const char *gen_sse_shuf(Gen *g)
{
    return simd_emit(g, &sse_shuf_ops[rndn(g, N_OPS(sse_shuf_ops))]);
}

/* LDMXCSR of any rounding, FTZ, DAZ and flags with every exception
 * masked (reserved bits would fault), or STMXCSR. */
const char *gen_sse_mxcsr(Gen *g)
{
    uint32_t v = 0x1f80 | rndn(g, 4) << 13;
    uint8_t b[4];
    Rm o;

    if (chance(g, 30)) {
        rm_mem_aligned(g, &o, 4, 0, 1);
        if (o.seg) {
            e8(g, o.seg);
        }
        e8(g, 0x0f);
        e8(g, 0xae);
        modrm(g, &o, 3);
        return "stmxcsr";
    }
    if (chance(g, 40)) {
        v |= 0x8000;
    }
    if (chance(g, 40)) {
        v |= 0x40;
    }
    if (chance(g, 30)) {
        v |= rnd(g) & 0x3f;
    }
    rm_mem_aligned(g, &o, 4, 0, 1);
    for (unsigned i = 0; i < 4; i++) {
        b[i] = (uint8_t)(v >> (8 * i));
    }
    store_bytes(g, o.addr, b, 4);
    if (o.seg) {
        e8(g, o.seg);
    }
    e8(g, 0x0f);
    e8(g, 0xae);
    modrm(g, &o, 2);
    return "ldmxcsr";
}

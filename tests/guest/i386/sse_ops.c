/* tests/guest/i386/sse_ops.c — every MMX, SSE, SSE2, SSE3 and SSSE3
 * instruction emu implements, against the native CPU: a table of
 * encodings (data, not code) from which the test assembles one stub per
 * instruction and operand form into executable memory, runs it on
 * random and special operands under several MXCSR settings (rounding,
 * DAZ, FTZ; exceptions masked) and hashes everything it leaves: XMM0,
 * XMM1, MM0, MM1, EAX, ECX, the memory operand, MXCSR and EFLAGS. One
 * line per instruction ("-v": every case). RCPPS/RSQRTPS are checked
 * for their documented accuracy instead (the approximation tables are
 * the CPU's own). Needs SSSE3 natively.
 */
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

/* Operand kinds: x xmm,xmm/m128; m mm,mm/m64; gx r32,xmm; xg xmm,r32/m;
 * gm r32,mm; mg mm,r32/m; xm xmm,mm/m64; mx mm,xmm/m; and whether the
 * memory form exists (M), the register form exists (R), an imm8 follows
 * (I). The ModRM of the register form is C1 (reg 0, rm 1), of the memory
 * form 46 30 ([esi + 0x30]); group shifts take their own ModRM. */
enum { R = 1, M = 2, I = 4, RM = R | M };

typedef struct Insn {
    const char *name;
    uint8_t len;                /* bytes of prefix + opcode */
    uint8_t code[4];
    uint8_t forms;
    uint8_t modrm_reg;          /* for group shifts: the /digit, else 0xff */
    uint8_t mmx;                /* uses MMX registers (EMMS after) */
} Insn;

static const Insn insns[] = {
    /* SSE / SSE2 floating point */
    { "addps", 2, { 0x0f, 0x58 }, RM, 0xff, 0 },
    { "addpd", 3, { 0x66, 0x0f, 0x58 }, RM, 0xff, 0 },
    { "addss", 3, { 0xf3, 0x0f, 0x58 }, RM, 0xff, 0 },
    { "addsd", 3, { 0xf2, 0x0f, 0x58 }, RM, 0xff, 0 },
    { "mulps", 2, { 0x0f, 0x59 }, RM, 0xff, 0 },
    { "mulpd", 3, { 0x66, 0x0f, 0x59 }, RM, 0xff, 0 },
    { "mulss", 3, { 0xf3, 0x0f, 0x59 }, RM, 0xff, 0 },
    { "mulsd", 3, { 0xf2, 0x0f, 0x59 }, RM, 0xff, 0 },
    { "subps", 2, { 0x0f, 0x5c }, RM, 0xff, 0 },
    { "subpd", 3, { 0x66, 0x0f, 0x5c }, RM, 0xff, 0 },
    { "subss", 3, { 0xf3, 0x0f, 0x5c }, RM, 0xff, 0 },
    { "subsd", 3, { 0xf2, 0x0f, 0x5c }, RM, 0xff, 0 },
    { "divps", 2, { 0x0f, 0x5e }, RM, 0xff, 0 },
    { "divpd", 3, { 0x66, 0x0f, 0x5e }, RM, 0xff, 0 },
    { "divss", 3, { 0xf3, 0x0f, 0x5e }, RM, 0xff, 0 },
    { "divsd", 3, { 0xf2, 0x0f, 0x5e }, RM, 0xff, 0 },
    { "minps", 2, { 0x0f, 0x5d }, RM, 0xff, 0 },
    { "minpd", 3, { 0x66, 0x0f, 0x5d }, RM, 0xff, 0 },
    { "minss", 3, { 0xf3, 0x0f, 0x5d }, RM, 0xff, 0 },
    { "minsd", 3, { 0xf2, 0x0f, 0x5d }, RM, 0xff, 0 },
    { "maxps", 2, { 0x0f, 0x5f }, RM, 0xff, 0 },
    { "maxpd", 3, { 0x66, 0x0f, 0x5f }, RM, 0xff, 0 },
    { "maxss", 3, { 0xf3, 0x0f, 0x5f }, RM, 0xff, 0 },
    { "maxsd", 3, { 0xf2, 0x0f, 0x5f }, RM, 0xff, 0 },
    { "sqrtps", 2, { 0x0f, 0x51 }, RM, 0xff, 0 },
    { "sqrtpd", 3, { 0x66, 0x0f, 0x51 }, RM, 0xff, 0 },
    { "sqrtss", 3, { 0xf3, 0x0f, 0x51 }, RM, 0xff, 0 },
    { "sqrtsd", 3, { 0xf2, 0x0f, 0x51 }, RM, 0xff, 0 },
    { "andps", 2, { 0x0f, 0x54 }, RM, 0xff, 0 },
    { "andpd", 3, { 0x66, 0x0f, 0x54 }, RM, 0xff, 0 },
    { "andnps", 2, { 0x0f, 0x55 }, RM, 0xff, 0 },
    { "andnpd", 3, { 0x66, 0x0f, 0x55 }, RM, 0xff, 0 },
    { "orps", 2, { 0x0f, 0x56 }, RM, 0xff, 0 },
    { "orpd", 3, { 0x66, 0x0f, 0x56 }, RM, 0xff, 0 },
    { "xorps", 2, { 0x0f, 0x57 }, RM, 0xff, 0 },
    { "xorpd", 3, { 0x66, 0x0f, 0x57 }, RM, 0xff, 0 },
    { "cmpps", 2, { 0x0f, 0xc2 }, RM | I, 0xff, 0 },
    { "cmppd", 3, { 0x66, 0x0f, 0xc2 }, RM | I, 0xff, 0 },
    { "cmpss", 3, { 0xf3, 0x0f, 0xc2 }, RM | I, 0xff, 0 },
    { "cmpsd", 3, { 0xf2, 0x0f, 0xc2 }, RM | I, 0xff, 0 },
    { "comiss", 2, { 0x0f, 0x2f }, RM, 0xff, 0 },
    { "ucomiss", 2, { 0x0f, 0x2e }, RM, 0xff, 0 },
    { "comisd", 3, { 0x66, 0x0f, 0x2f }, RM, 0xff, 0 },
    { "ucomisd", 3, { 0x66, 0x0f, 0x2e }, RM, 0xff, 0 },
    { "cvtps2pd", 2, { 0x0f, 0x5a }, RM, 0xff, 0 },
    { "cvtpd2ps", 3, { 0x66, 0x0f, 0x5a }, RM, 0xff, 0 },
    { "cvtss2sd", 3, { 0xf3, 0x0f, 0x5a }, RM, 0xff, 0 },
    { "cvtsd2ss", 3, { 0xf2, 0x0f, 0x5a }, RM, 0xff, 0 },
    { "cvtdq2ps", 2, { 0x0f, 0x5b }, RM, 0xff, 0 },
    { "cvtps2dq", 3, { 0x66, 0x0f, 0x5b }, RM, 0xff, 0 },
    { "cvttps2dq", 3, { 0xf3, 0x0f, 0x5b }, RM, 0xff, 0 },
    { "cvttpd2dq", 3, { 0x66, 0x0f, 0xe6 }, RM, 0xff, 0 },
    { "cvtdq2pd", 3, { 0xf3, 0x0f, 0xe6 }, RM, 0xff, 0 },
    { "cvtpd2dq", 3, { 0xf2, 0x0f, 0xe6 }, RM, 0xff, 0 },
    { "cvtsi2ss", 3, { 0xf3, 0x0f, 0x2a }, RM, 0xff, 0 },
    { "cvtsi2sd", 3, { 0xf2, 0x0f, 0x2a }, RM, 0xff, 0 },
    { "cvtss2si", 3, { 0xf3, 0x0f, 0x2d }, RM, 0xff, 0 },
    { "cvttss2si", 3, { 0xf3, 0x0f, 0x2c }, RM, 0xff, 0 },
    { "cvtsd2si", 3, { 0xf2, 0x0f, 0x2d }, RM, 0xff, 0 },
    { "cvttsd2si", 3, { 0xf2, 0x0f, 0x2c }, RM, 0xff, 0 },
    { "cvtpi2ps", 2, { 0x0f, 0x2a }, RM, 0xff, 1 },
    { "cvtpi2pd", 3, { 0x66, 0x0f, 0x2a }, RM, 0xff, 1 },
    { "cvtps2pi", 2, { 0x0f, 0x2d }, RM, 0xff, 1 },
    { "cvttps2pi", 2, { 0x0f, 0x2c }, RM, 0xff, 1 },
    { "cvtpd2pi", 3, { 0x66, 0x0f, 0x2d }, RM, 0xff, 1 },
    { "cvttpd2pi", 3, { 0x66, 0x0f, 0x2c }, RM, 0xff, 1 },
    { "movmskps", 2, { 0x0f, 0x50 }, R, 0xff, 0 },
    { "movmskpd", 3, { 0x66, 0x0f, 0x50 }, R, 0xff, 0 },
    { "shufps", 2, { 0x0f, 0xc6 }, RM | I, 0xff, 0 },
    { "shufpd", 3, { 0x66, 0x0f, 0xc6 }, RM | I, 0xff, 0 },
    { "unpcklps", 2, { 0x0f, 0x14 }, RM, 0xff, 0 },
    { "unpckhps", 2, { 0x0f, 0x15 }, RM, 0xff, 0 },
    { "unpcklpd", 3, { 0x66, 0x0f, 0x14 }, RM, 0xff, 0 },
    { "unpckhpd", 3, { 0x66, 0x0f, 0x15 }, RM, 0xff, 0 },
    /* moves */
    { "movups", 2, { 0x0f, 0x10 }, RM, 0xff, 0 },
    { "movups st", 2, { 0x0f, 0x11 }, RM, 0xff, 0 },
    { "movupd", 3, { 0x66, 0x0f, 0x10 }, RM, 0xff, 0 },
    { "movupd st", 3, { 0x66, 0x0f, 0x11 }, RM, 0xff, 0 },
    { "movaps", 2, { 0x0f, 0x28 }, RM, 0xff, 0 },
    { "movaps st", 2, { 0x0f, 0x29 }, RM, 0xff, 0 },
    { "movapd", 3, { 0x66, 0x0f, 0x28 }, RM, 0xff, 0 },
    { "movapd st", 3, { 0x66, 0x0f, 0x29 }, RM, 0xff, 0 },
    { "movss", 3, { 0xf3, 0x0f, 0x10 }, RM, 0xff, 0 },
    { "movss st", 3, { 0xf3, 0x0f, 0x11 }, RM, 0xff, 0 },
    { "movsd", 3, { 0xf2, 0x0f, 0x10 }, RM, 0xff, 0 },
    { "movsd st", 3, { 0xf2, 0x0f, 0x11 }, RM, 0xff, 0 },
    { "movlps/movhlps", 2, { 0x0f, 0x12 }, RM, 0xff, 0 },
    { "movlps st", 2, { 0x0f, 0x13 }, M, 0xff, 0 },
    { "movhps/movlhps", 2, { 0x0f, 0x16 }, RM, 0xff, 0 },
    { "movhps st", 2, { 0x0f, 0x17 }, M, 0xff, 0 },
    { "movlpd", 3, { 0x66, 0x0f, 0x12 }, M, 0xff, 0 },
    { "movlpd st", 3, { 0x66, 0x0f, 0x13 }, M, 0xff, 0 },
    { "movhpd", 3, { 0x66, 0x0f, 0x16 }, M, 0xff, 0 },
    { "movhpd st", 3, { 0x66, 0x0f, 0x17 }, M, 0xff, 0 },
    { "movntps", 2, { 0x0f, 0x2b }, M, 0xff, 0 },
    { "movntpd", 3, { 0x66, 0x0f, 0x2b }, M, 0xff, 0 },
    { "movntdq", 3, { 0x66, 0x0f, 0xe7 }, M, 0xff, 0 },
    { "movnti", 2, { 0x0f, 0xc3 }, M, 0xff, 0 },
    { "movdqa", 3, { 0x66, 0x0f, 0x6f }, RM, 0xff, 0 },
    { "movdqa st", 3, { 0x66, 0x0f, 0x7f }, RM, 0xff, 0 },
    { "movdqu", 3, { 0xf3, 0x0f, 0x6f }, RM, 0xff, 0 },
    { "movdqu st", 3, { 0xf3, 0x0f, 0x7f }, RM, 0xff, 0 },
    { "movq xmm", 3, { 0xf3, 0x0f, 0x7e }, RM, 0xff, 0 },
    { "movq xmm st", 3, { 0x66, 0x0f, 0xd6 }, RM, 0xff, 0 },
    { "movd xmm,r", 3, { 0x66, 0x0f, 0x6e }, RM, 0xff, 0 },
    { "movd r,xmm", 3, { 0x66, 0x0f, 0x7e }, RM, 0xff, 0 },
    { "movq2dq", 3, { 0xf3, 0x0f, 0xd6 }, R, 0xff, 1 },
    { "movdq2q", 3, { 0xf2, 0x0f, 0xd6 }, R, 0xff, 1 },
    { "movq mm", 2, { 0x0f, 0x6f }, RM, 0xff, 1 },
    { "movq mm st", 2, { 0x0f, 0x7f }, RM, 0xff, 1 },
    { "movd mm,r", 2, { 0x0f, 0x6e }, RM, 0xff, 1 },
    { "movd r,mm", 2, { 0x0f, 0x7e }, RM, 0xff, 1 },
    { "movntq", 2, { 0x0f, 0xe7 }, M, 0xff, 1 },
    /* SSE3 */
    { "addsubps", 3, { 0xf2, 0x0f, 0xd0 }, RM, 0xff, 0 },
    { "addsubpd", 3, { 0x66, 0x0f, 0xd0 }, RM, 0xff, 0 },
    { "haddps", 3, { 0xf2, 0x0f, 0x7c }, RM, 0xff, 0 },
    { "haddpd", 3, { 0x66, 0x0f, 0x7c }, RM, 0xff, 0 },
    { "hsubps", 3, { 0xf2, 0x0f, 0x7d }, RM, 0xff, 0 },
    { "hsubpd", 3, { 0x66, 0x0f, 0x7d }, RM, 0xff, 0 },
    { "movsldup", 3, { 0xf3, 0x0f, 0x12 }, RM, 0xff, 0 },
    { "movshdup", 3, { 0xf3, 0x0f, 0x16 }, RM, 0xff, 0 },
    { "movddup", 3, { 0xf2, 0x0f, 0x12 }, RM, 0xff, 0 },
    { "lddqu", 3, { 0xf2, 0x0f, 0xf0 }, M, 0xff, 0 },
    /* shuffles, inserts, extracts, masks */
    { "pshufd", 3, { 0x66, 0x0f, 0x70 }, RM | I, 0xff, 0 },
    { "pshufhw", 3, { 0xf3, 0x0f, 0x70 }, RM | I, 0xff, 0 },
    { "pshuflw", 3, { 0xf2, 0x0f, 0x70 }, RM | I, 0xff, 0 },
    { "pshufw", 2, { 0x0f, 0x70 }, RM | I, 0xff, 1 },
    { "pinsrw xmm", 3, { 0x66, 0x0f, 0xc4 }, RM | I, 0xff, 0 },
    { "pinsrw mm", 2, { 0x0f, 0xc4 }, RM | I, 0xff, 1 },
    { "pextrw xmm", 3, { 0x66, 0x0f, 0xc5 }, R | I, 0xff, 0 },
    { "pextrw mm", 2, { 0x0f, 0xc5 }, R | I, 0xff, 1 },
    { "pmovmskb xmm", 3, { 0x66, 0x0f, 0xd7 }, R, 0xff, 0 },
    { "pmovmskb mm", 2, { 0x0f, 0xd7 }, R, 0xff, 1 },
    /* shifts by immediate (group 12/13/14, register operand XMM0/MM0) */
    { "psrlw i", 3, { 0x66, 0x0f, 0x71 }, R | I, 2, 0 },
    { "psraw i", 3, { 0x66, 0x0f, 0x71 }, R | I, 4, 0 },
    { "psllw i", 3, { 0x66, 0x0f, 0x71 }, R | I, 6, 0 },
    { "psrld i", 3, { 0x66, 0x0f, 0x72 }, R | I, 2, 0 },
    { "psrad i", 3, { 0x66, 0x0f, 0x72 }, R | I, 4, 0 },
    { "pslld i", 3, { 0x66, 0x0f, 0x72 }, R | I, 6, 0 },
    { "psrlq i", 3, { 0x66, 0x0f, 0x73 }, R | I, 2, 0 },
    { "psrldq i", 3, { 0x66, 0x0f, 0x73 }, R | I, 3, 0 },
    { "psllq i", 3, { 0x66, 0x0f, 0x73 }, R | I, 6, 0 },
    { "pslldq i", 3, { 0x66, 0x0f, 0x73 }, R | I, 7, 0 },
    { "psrlw i mm", 2, { 0x0f, 0x71 }, R | I, 2, 1 },
    { "psraw i mm", 2, { 0x0f, 0x71 }, R | I, 4, 1 },
    { "psllw i mm", 2, { 0x0f, 0x71 }, R | I, 6, 1 },
    { "psrld i mm", 2, { 0x0f, 0x72 }, R | I, 2, 1 },
    { "psrad i mm", 2, { 0x0f, 0x72 }, R | I, 4, 1 },
    { "pslld i mm", 2, { 0x0f, 0x72 }, R | I, 6, 1 },
    { "psrlq i mm", 2, { 0x0f, 0x73 }, R | I, 2, 1 },
    { "psllq i mm", 2, { 0x0f, 0x73 }, R | I, 6, 1 },
    /* SSSE3 */
    { "palignr", 4, { 0x66, 0x0f, 0x3a, 0x0f }, RM | I, 0xff, 0 },
    { "palignr mm", 3, { 0x0f, 0x3a, 0x0f }, RM | I, 0xff, 1 },
};

/* The integer ops that exist as MMX (no prefix) and XMM (66): opcode
 * bytes after 0F, or 38 xx for SSSE3. */
static const struct {
    const char *name;
    uint8_t op;
    uint8_t op38;               /* 1: 0F 38 op */
    uint8_t xmm_only;
} int_ops[] = {
    { "punpcklbw", 0x60, 0, 0 }, { "punpcklwd", 0x61, 0, 0 },
    { "punpckldq", 0x62, 0, 0 }, { "packsswb", 0x63, 0, 0 },
    { "pcmpgtb", 0x64, 0, 0 }, { "pcmpgtw", 0x65, 0, 0 },
    { "pcmpgtd", 0x66, 0, 0 }, { "packuswb", 0x67, 0, 0 },
    { "punpckhbw", 0x68, 0, 0 }, { "punpckhwd", 0x69, 0, 0 },
    { "punpckhdq", 0x6a, 0, 0 }, { "packssdw", 0x6b, 0, 0 },
    { "punpcklqdq", 0x6c, 0, 1 }, { "punpckhqdq", 0x6d, 0, 1 },
    { "pcmpeqb", 0x74, 0, 0 }, { "pcmpeqw", 0x75, 0, 0 },
    { "pcmpeqd", 0x76, 0, 0 },
    { "psrlw", 0xd1, 0, 0 }, { "psrld", 0xd2, 0, 0 }, { "psrlq", 0xd3, 0, 0 },
    { "paddq", 0xd4, 0, 0 }, { "pmullw", 0xd5, 0, 0 },
    { "psubusb", 0xd8, 0, 0 }, { "psubusw", 0xd9, 0, 0 },
    { "pminub", 0xda, 0, 0 }, { "pand", 0xdb, 0, 0 },
    { "paddusb", 0xdc, 0, 0 }, { "paddusw", 0xdd, 0, 0 },
    { "pmaxub", 0xde, 0, 0 }, { "pandn", 0xdf, 0, 0 },
    { "pavgb", 0xe0, 0, 0 }, { "psraw", 0xe1, 0, 0 }, { "psrad", 0xe2, 0, 0 },
    { "pavgw", 0xe3, 0, 0 }, { "pmulhuw", 0xe4, 0, 0 },
    { "pmulhw", 0xe5, 0, 0 }, { "psubsb", 0xe8, 0, 0 },
    { "psubsw", 0xe9, 0, 0 }, { "pminsw", 0xea, 0, 0 }, { "por", 0xeb, 0, 0 },
    { "paddsb", 0xec, 0, 0 }, { "paddsw", 0xed, 0, 0 },
    { "pmaxsw", 0xee, 0, 0 }, { "pxor", 0xef, 0, 0 },
    { "psllw", 0xf1, 0, 0 }, { "pslld", 0xf2, 0, 0 }, { "psllq", 0xf3, 0, 0 },
    { "pmuludq", 0xf4, 0, 0 }, { "pmaddwd", 0xf5, 0, 0 },
    { "psadbw", 0xf6, 0, 0 }, { "psubb", 0xf8, 0, 0 }, { "psubw", 0xf9, 0, 0 },
    { "psubd", 0xfa, 0, 0 }, { "psubq", 0xfb, 0, 0 }, { "paddb", 0xfc, 0, 0 },
    { "paddw", 0xfd, 0, 0 }, { "paddd", 0xfe, 0, 0 },
    { "pshufb", 0x00, 1, 0 }, { "phaddw", 0x01, 1, 0 },
    { "phaddd", 0x02, 1, 0 }, { "phaddsw", 0x03, 1, 0 },
    { "pmaddubsw", 0x04, 1, 0 }, { "phsubw", 0x05, 1, 0 },
    { "phsubd", 0x06, 1, 0 }, { "phsubsw", 0x07, 1, 0 },
    { "psignb", 0x08, 1, 0 }, { "psignw", 0x09, 1, 0 },
    { "psignd", 0x0a, 1, 0 }, { "pmulhrsw", 0x0b, 1, 0 },
    { "pabsb", 0x1c, 1, 0 }, { "pabsw", 0x1d, 1, 0 }, { "pabsd", 0x1e, 1, 0 },
};

/* The data block the stubs work on (ESI). */
enum {
    B_DST = 0, B_SRC = 16, B_MXIN = 32, B_MXOUT = 36, B_FL = 40, B_EAX = 44,
    B_MEM = 48, B_X0 = 64, B_X1 = 80, B_M0 = 96, B_M1 = 104, B_ECX = 112,
    B_SIZE = 128,
};

static uint8_t *code;
static int verbose;
static uint64_t hash;

static void hash_add(const void *p, size_t n)
{
    const uint8_t *b = p;

    for (size_t i = 0; i < n; i++) {
        hash = (hash ^ b[i]) * 0x100000001b3ull;
    }
}

static uint64_t rng = 0x2545f4914f6cdd1dull;

static uint64_t rnd(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

/* 16 bytes of operand: raw bits, float lanes, double lanes or small
 * integers, with specials (zeros, denormals, infinities, NaNs, limits). */
static void rand_operand(uint8_t *p)
{
    static const uint32_t f32s[] = {
        0, 0x80000000u, 1, 0x807fffffu, 0x00800000u, 0x7f7fffffu,
        0x7f800000u, 0xff800000u, 0x7fc00000u, 0xffc00001u, 0x7f800001u,
        0x3f800000u, 0xbf000000u, 0x4f000000u, 0xcf000000u, 0x3effffffu,
        0x4b400000u, 0x5f000000u,
    };
    static const uint64_t f64s[] = {
        0, 0x8000000000000000ull, 1, 0x000fffffffffffffull,
        0x0010000000000000ull, 0x7fefffffffffffffull,
        0x7ff0000000000000ull, 0xfff0000000000000ull,
        0x7ff8000000000000ull, 0x7ff0000000000001ull,
        0xfff8000000000123ull, 0x3ff0000000000000ull,
        0x41e0000000000000ull, 0xc1e0000000200000ull,
        0x3fe0000000000000ull, 0x41dfffffffc00000ull,
        0x36a0000000000000ull, 0x47efffffe0000000ull,
    };
    uint32_t mode = (uint32_t)(rnd() % 5);

    for (int i = 0; i < 16; i += 8) {
        uint64_t v = rnd();
        memcpy(p + i, &v, 8);
    }
    if (mode == 1) {
        for (int i = 0; i < 4; i++) {
            uint32_t v;
            uint64_t r = rnd();
            if (r % 3 == 0) {
                v = f32s[(r >> 8) % (sizeof(f32s) / 4)];
            } else {
                v = (uint32_t)(r >> 16);
                v = (v & 0x807fffffu) | (uint32_t)(0x3f - 12 + (r >> 50) % 24)
                                        << 23;
            }
            memcpy(p + 4 * i, &v, 4);
        }
    } else if (mode == 2) {
        for (int i = 0; i < 2; i++) {
            uint64_t v, r = rnd();
            if (r % 3 == 0) {
                v = f64s[(r >> 8) % (sizeof(f64s) / 8)];
            } else {
                v = rnd();
                v = (v & 0x800fffffffffffffull) |
                    (uint64_t)(0x3ff - 40 + (r >> 40) % 80) << 52;
            }
            memcpy(p + 8 * i, &v, 8);
        }
    } else if (mode == 3) {
        for (int i = 0; i < 16; i++) {
            p[i] = (uint8_t)(rnd() % 5) == 0 ? 0x80 : (uint8_t)(rnd() % 7);
        }
    }
}

/* Assembles the stub for one instruction form at buf. */
static void assemble(uint8_t *buf, const uint8_t *op, int len, bool mem,
                     int modrm_reg, bool has_imm, uint8_t imm)
{
    static const uint8_t pre[] = {
        0x56, 0x8b, 0x74, 0x24, 0x08,           /* push esi; mov esi,[esp+8] */
        0xf3, 0x0f, 0x6f, 0x06,                 /* movdqu xmm0,[esi] */
        0xf3, 0x0f, 0x6f, 0x4e, 0x10,           /* movdqu xmm1,[esi+16] */
        0x0f, 0x6f, 0x06,                       /* movq mm0,[esi] */
        0x0f, 0x6f, 0x4e, 0x10,                 /* movq mm1,[esi+16] */
        0x8b, 0x06,                             /* mov eax,[esi] */
        0x8b, 0x4e, 0x10,                       /* mov ecx,[esi+16] */
        0x0f, 0xae, 0x56, 0x20,                 /* ldmxcsr [esi+32] */
        0x6a, 0x00, 0x9d,                       /* push 0; popf */
    };
    static const uint8_t post[] = {
        0x9c, 0x5a,                             /* pushf; pop edx */
        0x0f, 0xae, 0x5e, 0x24,                 /* stmxcsr [esi+36] */
        0x89, 0x56, 0x28,                       /* mov [esi+40],edx */
        0x89, 0x46, 0x2c,                       /* mov [esi+44],eax */
        0xf3, 0x0f, 0x7f, 0x46, 0x40,           /* movdqu [esi+64],xmm0 */
        0xf3, 0x0f, 0x7f, 0x4e, 0x50,           /* movdqu [esi+80],xmm1 */
        0x0f, 0x7f, 0x46, 0x60,                 /* movq [esi+96],mm0 */
        0x0f, 0x7f, 0x4e, 0x68,                 /* movq [esi+104],mm1 */
        0x89, 0x4e, 0x70,                       /* mov [esi+112],ecx */
        0x0f, 0x77,                             /* emms */
        0x5e, 0xc3,                             /* pop esi; ret */
    };
    int n = 0;

    memcpy(buf, pre, sizeof(pre));
    n = sizeof(pre);
    memcpy(buf + n, op, (size_t)len);
    n += len;
    if (modrm_reg != 0xff) {
        buf[n++] = (uint8_t)(0xc0 | modrm_reg << 3);    /* reg 0 operand */
    } else if (mem) {
        buf[n++] = 0x46;
        buf[n++] = B_MEM;
    } else {
        buf[n++] = 0xc1;
    }
    if (has_imm) {
        buf[n++] = imm;
    }
    memcpy(buf + n, post, sizeof(post));
}

static void run_form(const char *name, const uint8_t *op, int len, bool mem,
                     int modrm_reg, bool has_imm)
{
    static const uint32_t mxcsrs[] = {
        0x1f80, 0x3f80, 0x5f80, 0x7f80, 0x9fc0, 0x1fc0, 0x9f80,
    };
    static const uint8_t imms[] = {
        0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x1b, 0x4e, 0xb1,
        0xe4, 0x0f, 0x10, 0x11, 0x1f, 0x20, 0x21, 0x3f, 0x40, 0x7f, 0xff,
    };
    uint8_t blk[B_SIZE] __attribute__((aligned(16)));
    int nimm = has_imm ? (int)sizeof(imms) : 1;

    hash = 0xcbf29ce484222325ull;
    for (int k = 0; k < nimm; k++) {
        assemble(code, op, len, mem, modrm_reg, has_imm, imms[k]);
        for (unsigned m = 0; m < sizeof(mxcsrs) / 4; m++) {
            for (int i = 0; i < 10; i++) {
                memset(blk, 0, sizeof(blk));
                rand_operand(blk + B_DST);
                rand_operand(blk + B_SRC);
                if (i & 1) {
                    memcpy(blk + B_SRC, blk + B_DST, 8);  /* equal lanes */
                }
                memcpy(blk + B_MEM, blk + B_SRC, 16);
                memcpy(blk + B_MXIN, &mxcsrs[m], 4);
                ((void (*)(void *))code)(blk);
                uint32_t fl;
                memcpy(&fl, blk + B_FL, 4);
                fl &= 0x8d5;
                memcpy(blk + B_FL, &fl, 4);
                if (verbose) {
                    printf("%s%s imm=%02x mx=%04x", name, mem ? " mem" : "",
                           has_imm ? imms[k] : 0, mxcsrs[m]);
                    for (int j = 0; j < 32; j++) {
                        printf("%s%02x", j % 16 ? "" : " ", blk[j]);
                    }
                    printf(" ->");
                    for (int j = 36; j < B_SIZE; j++) {
                        printf("%s%02x", j % 4 ? "" : " ", blk[j]);
                    }
                    printf("\n");
                }
                hash_add(blk + B_MXOUT, B_SIZE - B_MXOUT);
            }
        }
    }
    printf("%-16s%s hash=%016llx\n", name, mem ? " mem" : "    ",
           (unsigned long long)hash);
}

/* RCPPS / RSQRTPS / RCPSS / RSQRTSS: |relative error| <= 1.5 * 2^-12. */
__attribute__((target("sse2"))) static void approximations(void)
{
    int bad = 0;

    for (int i = 0; i < 4000; i++) {
        float in[4] __attribute__((aligned(16)));
        float out[4] __attribute__((aligned(16)));
        for (int j = 0; j < 4; j++) {
            in[j] = (float)ldexp((double)(rnd() % 1000000 + 1) / 1e6,
                                 (int)(rnd() % 60) - 30);
        }
        for (int op = 0; op < 2; op++) {
            if (op == 0) {
                __asm__ volatile("movaps %1, %%xmm2\n\trcpps %%xmm2, %%xmm3\n\t"
                                 "movaps %%xmm3, %0"
                                 : "=m"(out) : "m"(in) : "xmm2", "xmm3");
            } else {
                __asm__ volatile("movaps %1, %%xmm2\n\trsqrtps %%xmm2, "
                                 "%%xmm3\n\tmovaps %%xmm3, %0"
                                 : "=m"(out) : "m"(in) : "xmm2", "xmm3");
            }
            for (int j = 0; j < 4; j++) {
                double exact = op ? 1.0 / sqrt(in[j]) : 1.0 / in[j];
                if (fabs(out[j] - exact) > exact * 1.5 / 4096) {
                    bad++;
                }
            }
        }
    }
    printf("rcpps/rsqrtps within 1.5*2^-12: %s\n", bad ? "NO" : "yes");
}

int main(int argc, char **argv)
{
    verbose = argc > 1 && strcmp(argv[1], "-v") == 0;
    code = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
                MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (code == MAP_FAILED) {
        perror("mmap");
        return 1;
    }
    for (unsigned i = 0; i < sizeof(insns) / sizeof(insns[0]); i++) {
        const Insn *in = &insns[i];
        if (in->forms & R) {
            run_form(in->name, in->code, in->len, false, in->modrm_reg,
                     (in->forms & I) != 0);
        }
        if (in->forms & M) {
            run_form(in->name, in->code, in->len, true, 0xff,
                     (in->forms & I) != 0);
        }
    }
    for (unsigned i = 0; i < sizeof(int_ops) / sizeof(int_ops[0]); i++) {
        for (int xmm = 1; xmm >= 0; xmm--) {
            uint8_t op[4];
            int n = 0;
            char name[32];
            if (!xmm && int_ops[i].xmm_only) {
                continue;
            }
            if (xmm) {
                op[n++] = 0x66;
            }
            op[n++] = 0x0f;
            if (int_ops[i].op38) {
                op[n++] = 0x38;
            }
            op[n++] = int_ops[i].op;
            snprintf(name, sizeof(name), "%s %s", int_ops[i].name,
                     xmm ? "xmm" : "mm");
            run_form(name, op, n, false, 0xff, false);
            run_form(name, op, n, true, 0xff, false);
        }
    }
    approximations();
    return 0;
}

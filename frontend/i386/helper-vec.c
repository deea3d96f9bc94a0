/* frontend/i386/helper-vec.c — MMX, SSE2 and SSSE3 integer operations and
 * the data-movement ones shared with SSE floats (shuffles, unpacks,
 * packs, byte shifts), on 8-byte MMX or 16-byte XMM operands in
 * X86State (SDM vol. 2, the instruction pages of each). One helper with
 * the operation as a number: the translator passes env offsets.
 */
#include "helper-fp.h"

#include <string.h>


static int32_t sat_i8(int32_t v)
{
    return v < -128 ? -128 : v > 127 ? 127 : v;
}

static int32_t sat_u8(int32_t v)
{
    return v < 0 ? 0 : v > 255 ? 255 : v;
}

static int32_t sat_i16(int32_t v)
{
    return v < -32768 ? -32768 : v > 32767 ? 32767 : v;
}

static int32_t sat_u16(int32_t v)
{
    return v < 0 ? 0 : v > 65535 ? 65535 : v;
}

/* Lane-wise binary op on bytes / words / dwords / qwords. */
static void vec_lanes(uint32_t op, const X86Xmm *a, const X86Xmm *b,
                      X86Xmm *r, int n)
{
    switch (op) {
    case X86_V_PADDB: for (int i = 0; i < n; i++) r->b[i] = (uint8_t)(a->b[i] + b->b[i]); break;
    case X86_V_PADDW: for (int i = 0; i < n / 2; i++) r->w[i] = (uint16_t)(a->w[i] + b->w[i]); break;
    case X86_V_PADDD: for (int i = 0; i < n / 4; i++) r->l[i] = a->l[i] + b->l[i]; break;
    case X86_V_PADDQ: for (int i = 0; i < n / 8; i++) r->q[i] = a->q[i] + b->q[i]; break;
    case X86_V_PSUBB: for (int i = 0; i < n; i++) r->b[i] = (uint8_t)(a->b[i] - b->b[i]); break;
    case X86_V_PSUBW: for (int i = 0; i < n / 2; i++) r->w[i] = (uint16_t)(a->w[i] - b->w[i]); break;
    case X86_V_PSUBD: for (int i = 0; i < n / 4; i++) r->l[i] = a->l[i] - b->l[i]; break;
    case X86_V_PSUBQ: for (int i = 0; i < n / 8; i++) r->q[i] = a->q[i] - b->q[i]; break;
    case X86_V_PADDSB: for (int i = 0; i < n; i++) r->b[i] = (uint8_t)sat_i8((int8_t)a->b[i] + (int8_t)b->b[i]); break;
    case X86_V_PADDSW: for (int i = 0; i < n / 2; i++) r->w[i] = (uint16_t)sat_i16((int16_t)a->w[i] + (int16_t)b->w[i]); break;
    case X86_V_PADDUSB: for (int i = 0; i < n; i++) r->b[i] = (uint8_t)sat_u8(a->b[i] + b->b[i]); break;
    case X86_V_PADDUSW: for (int i = 0; i < n / 2; i++) r->w[i] = (uint16_t)sat_u16(a->w[i] + b->w[i]); break;
    case X86_V_PSUBSB: for (int i = 0; i < n; i++) r->b[i] = (uint8_t)sat_i8((int8_t)a->b[i] - (int8_t)b->b[i]); break;
    case X86_V_PSUBSW: for (int i = 0; i < n / 2; i++) r->w[i] = (uint16_t)sat_i16((int16_t)a->w[i] - (int16_t)b->w[i]); break;
    case X86_V_PSUBUSB: for (int i = 0; i < n; i++) r->b[i] = (uint8_t)sat_u8(a->b[i] - b->b[i]); break;
    case X86_V_PSUBUSW: for (int i = 0; i < n / 2; i++) r->w[i] = (uint16_t)sat_u16(a->w[i] - b->w[i]); break;
    case X86_V_PMULLW: for (int i = 0; i < n / 2; i++) r->w[i] = (uint16_t)((int16_t)a->w[i] * (int16_t)b->w[i]); break;
    case X86_V_PMULHW: for (int i = 0; i < n / 2; i++) r->w[i] = (uint16_t)(((int16_t)a->w[i] * (int16_t)b->w[i]) >> 16); break;
    case X86_V_PMULHUW: for (int i = 0; i < n / 2; i++) r->w[i] = (uint16_t)(((uint32_t)a->w[i] * b->w[i]) >> 16); break;
    case X86_V_PMULHRSW:
        for (int i = 0; i < n / 2; i++) {
            int32_t p = (int16_t)a->w[i] * (int16_t)b->w[i];
            r->w[i] = (uint16_t)(((p >> 14) + 1) >> 1);
        }
        break;
    case X86_V_PMULUDQ: for (int i = 0; i < n / 8; i++) r->q[i] = (uint64_t)a->l[2 * i] * b->l[2 * i]; break;
    case X86_V_PMADDWD:
        for (int i = 0; i < n / 4; i++) {
            int32_t lo = (int16_t)a->w[2 * i] * (int16_t)b->w[2 * i];
            int32_t hi = (int16_t)a->w[2 * i + 1] * (int16_t)b->w[2 * i + 1];
            r->l[i] = (uint32_t)lo + (uint32_t)hi;
        }
        break;
    case X86_V_PMADDUBSW:
        for (int i = 0; i < n / 2; i++) {
            int32_t s = a->b[2 * i] * (int8_t)b->b[2 * i] +
                        a->b[2 * i + 1] * (int8_t)b->b[2 * i + 1];
            r->w[i] = (uint16_t)sat_i16(s);
        }
        break;
    case X86_V_PSADBW:
        for (int i = 0; i < n / 8; i++) {
            uint32_t s = 0;
            for (int k = 0; k < 8; k++) {
                int dlt = a->b[8 * i + k] - b->b[8 * i + k];
                s += (uint32_t)(dlt < 0 ? -dlt : dlt);
            }
            r->q[i] = s;
        }
        break;
    case X86_V_PAVGB: for (int i = 0; i < n; i++) r->b[i] = (uint8_t)((a->b[i] + b->b[i] + 1) >> 1); break;
    case X86_V_PAVGW: for (int i = 0; i < n / 2; i++) r->w[i] = (uint16_t)((a->w[i] + b->w[i] + 1) >> 1); break;
    case X86_V_PMINUB: for (int i = 0; i < n; i++) r->b[i] = a->b[i] < b->b[i] ? a->b[i] : b->b[i]; break;
    case X86_V_PMAXUB: for (int i = 0; i < n; i++) r->b[i] = a->b[i] > b->b[i] ? a->b[i] : b->b[i]; break;
    case X86_V_PMINSW: for (int i = 0; i < n / 2; i++) r->w[i] = (int16_t)a->w[i] < (int16_t)b->w[i] ? a->w[i] : b->w[i]; break;
    case X86_V_PMAXSW: for (int i = 0; i < n / 2; i++) r->w[i] = (int16_t)a->w[i] > (int16_t)b->w[i] ? a->w[i] : b->w[i]; break;
    case X86_V_PCMPEQB: for (int i = 0; i < n; i++) r->b[i] = a->b[i] == b->b[i] ? 0xff : 0; break;
    case X86_V_PCMPEQW: for (int i = 0; i < n / 2; i++) r->w[i] = a->w[i] == b->w[i] ? 0xffff : 0; break;
    case X86_V_PCMPEQD: for (int i = 0; i < n / 4; i++) r->l[i] = a->l[i] == b->l[i] ? ~0u : 0; break;
    case X86_V_PCMPGTB: for (int i = 0; i < n; i++) r->b[i] = (int8_t)a->b[i] > (int8_t)b->b[i] ? 0xff : 0; break;
    case X86_V_PCMPGTW: for (int i = 0; i < n / 2; i++) r->w[i] = (int16_t)a->w[i] > (int16_t)b->w[i] ? 0xffff : 0; break;
    case X86_V_PCMPGTD: for (int i = 0; i < n / 4; i++) r->l[i] = (int32_t)a->l[i] > (int32_t)b->l[i] ? ~0u : 0; break;
    case X86_V_PAND: for (int i = 0; i < n / 8; i++) r->q[i] = a->q[i] & b->q[i]; break;
    case X86_V_PANDN: for (int i = 0; i < n / 8; i++) r->q[i] = ~a->q[i] & b->q[i]; break;
    case X86_V_POR: for (int i = 0; i < n / 8; i++) r->q[i] = a->q[i] | b->q[i]; break;
    case X86_V_PXOR: for (int i = 0; i < n / 8; i++) r->q[i] = a->q[i] ^ b->q[i]; break;
    case X86_V_PSIGNB:
        for (int i = 0; i < n; i++) {
            int8_t s = (int8_t)b->b[i];
            r->b[i] = s < 0 ? (uint8_t)-a->b[i] : s ? a->b[i] : 0;
        }
        break;
    case X86_V_PSIGNW:
        for (int i = 0; i < n / 2; i++) {
            int16_t s = (int16_t)b->w[i];
            r->w[i] = s < 0 ? (uint16_t)-a->w[i] : s ? a->w[i] : 0;
        }
        break;
    case X86_V_PSIGND:
        for (int i = 0; i < n / 4; i++) {
            int32_t s = (int32_t)b->l[i];
            r->l[i] = s < 0 ? -a->l[i] : s ? a->l[i] : 0;
        }
        break;
    case X86_V_PABSB: for (int i = 0; i < n; i++) r->b[i] = (int8_t)b->b[i] < 0 ? (uint8_t)-b->b[i] : b->b[i]; break;
    case X86_V_PABSW: for (int i = 0; i < n / 2; i++) r->w[i] = (int16_t)b->w[i] < 0 ? (uint16_t)-b->w[i] : b->w[i]; break;
    case X86_V_PABSD: for (int i = 0; i < n / 4; i++) r->l[i] = (int32_t)b->l[i] < 0 ? -b->l[i] : b->l[i]; break;
    default:
        break;
    }
}

/* Shifts of each lane of width w bytes by count (logical or arithmetic). */
static void vec_shift(const X86Xmm *a, X86Xmm *r, int n, int w, int dir,
                      uint64_t count)
{
    int bits = 8 * w;

    for (int i = 0; i < n / w; i++) {
        uint64_t v = w == 2 ? a->w[i] : w == 4 ? a->l[i] : a->q[i];
        if (dir == 0) {                         /* left */
            v = count >= (uint64_t)bits ? 0 : v << count;
        } else if (dir == 1) {                  /* logical right */
            v = count >= (uint64_t)bits ? 0 : v >> count;
        } else {                                /* arithmetic right */
            int64_t s = w == 2 ? (int16_t)v : (int32_t)v;
            v = (uint64_t)(s >> (count >= (uint64_t)bits ? bits - 1
                                                         : (int)count));
        }
        if (w == 2) {
            r->w[i] = (uint16_t)v;
        } else if (w == 4) {
            r->l[i] = (uint32_t)v;
        } else {
            r->q[i] = v;
        }
    }
}

/* Interleave the low (high = false) or high halves of a and b in lanes
 * of w bytes. */
static void vec_unpack(const X86Xmm *a, const X86Xmm *b, X86Xmm *r, int n,
                       int w, bool high)
{
    int half = n / 2, k = 0;

    for (int i = 0; i < half; i += w) {
        memcpy(&r->b[k], &a->b[(high ? half : 0) + i], (size_t)w);
        memcpy(&r->b[k + w], &b->b[(high ? half : 0) + i], (size_t)w);
        k += 2 * w;
    }
}

/* Horizontal add / subtract of adjacent pairs: a's pairs, then b's. */
static void vec_hadd(const X86Xmm *a, const X86Xmm *b, X86Xmm *r, int n,
                     uint32_t op)
{
    X86Xmm t;

    if (op == X86_V_PHADDD || op == X86_V_PHSUBD) {
        int m = n / 8;          /* pairs per source */
        for (int i = 0; i < m; i++) {
            t.l[i] = op == X86_V_PHADDD ? a->l[2 * i] + a->l[2 * i + 1]
                                        : a->l[2 * i] - a->l[2 * i + 1];
            t.l[m + i] = op == X86_V_PHADDD ? b->l[2 * i] + b->l[2 * i + 1]
                                            : b->l[2 * i] - b->l[2 * i + 1];
        }
    } else {
        int m = n / 4;
        for (int i = 0; i < 2 * m; i++) {
            const X86Xmm *s = i < m ? a : b;
            int j = i < m ? i : i - m;
            int32_t x = (int16_t)s->w[2 * j], y = (int16_t)s->w[2 * j + 1];
            int32_t v = (op == X86_V_PHADDW || op == X86_V_PHADDSW) ? x + y
                                                                    : x - y;
            if (op == X86_V_PHADDSW || op == X86_V_PHSUBSW) {
                v = sat_i16(v);
            }
            t.w[i] = (uint16_t)v;
        }
    }
    memcpy(r, &t, (size_t)n);
}

/* The lane operations glibc's string functions run in their loops, on
 * 128-bit registers, as GCC vector operations (SSE2 instructions on an
 * x86_64 host, plain code elsewhere); false for anything else. One load
 * per operand and one store, no per-lane loop. */
typedef uint8_t VecU8 __attribute__((vector_size(16)));
typedef int8_t VecS8 __attribute__((vector_size(16)));
typedef uint16_t VecU16 __attribute__((vector_size(16)));
typedef uint32_t VecU32 __attribute__((vector_size(16)));
typedef uint64_t VecU64 __attribute__((vector_size(16)));

static inline VecU8 vec_xmm_load(const uint8_t *p)
{
    uint64_t lo, hi;

    /* two 8-byte loads: the JIT writes XMM registers as two 8-byte
     * stores, which one 16-byte load could not take forwarded */
    memcpy(&lo, p, 8);
    memcpy(&hi, p + 8, 8);
    return (VecU8)(VecU64){ lo, hi };
}

static bool vec_xmm_fast(uint8_t *base, uint32_t op, uint32_t dst,
                         uint32_t src)
{
    VecU8 a = vec_xmm_load(base + dst), b = vec_xmm_load(base + src), r, m;

    switch (op) {
    case X86_V_PCMPEQB: r = (VecU8)(a == b); break;
    case X86_V_PCMPEQW: r = (VecU8)((VecU16)a == (VecU16)b); break;
    case X86_V_PCMPEQD: r = (VecU8)((VecU32)a == (VecU32)b); break;
    case X86_V_PCMPGTB: r = (VecU8)((VecS8)a > (VecS8)b); break;
    case X86_V_PMINUB:
        m = (VecU8)(a < b);
        r = (a & m) | (b & ~m);
        break;
    case X86_V_PMAXUB:
        m = (VecU8)(a > b);
        r = (a & m) | (b & ~m);
        break;
    case X86_V_PAND: r = a & b; break;
    case X86_V_PANDN: r = ~a & b; break;
    case X86_V_POR: r = a | b; break;
    case X86_V_PXOR: r = a ^ b; break;
    case X86_V_PADDB: r = a + b; break;
    case X86_V_PADDD: r = (VecU8)((VecU32)a + (VecU32)b); break;
    case X86_V_PSUBB: r = a - b; break;
    case X86_V_PSUBD: r = (VecU8)((VecU32)a - (VecU32)b); break;
    case X86_V_PSUBUSB: r = (a - b) & (VecU8)(a > b); break;
    case X86_V_PUNPCKLBW:
        r = __builtin_shuffle(a, b, (VecU8){ 0, 16, 1, 17, 2, 18, 3, 19,
                                             4, 20, 5, 21, 6, 22, 7, 23 });
        break;
    case X86_V_PUNPCKHBW:
        r = __builtin_shuffle(a, b, (VecU8){ 8, 24, 9, 25, 10, 26, 11, 27,
                                             12, 28, 13, 29, 14, 30, 15,
                                             31 });
        break;
    default:
        return false;
    }
    memcpy(base + dst, &r, 16);
    return true;
}

/* PALIGNR xmm: bytes imm.. of the 32-byte dst:src, zeros past the end,
 * as 64-bit words shifted across (no byte loop). */
static void vec_palignr_xmm(uint8_t *base, uint32_t dst, uint32_t src,
                            uint32_t imm)
{
    uint64_t w[6] = { 0, 0, 0, 0, 0, 0 }, r[2];
    unsigned q = imm / 8, sh = (imm % 8) * 8;

    memcpy(&w[0], base + src, 16);
    memcpy(&w[2], base + dst, 16);
    for (int i = 0; i < 2; i++) {
        uint64_t lo = q + i < 6 ? w[q + i] : 0;
        uint64_t hi = q + i + 1 < 6 ? w[q + i + 1] : 0;
        r[i] = sh ? lo >> sh | hi << (64 - sh) : lo;
    }
    memcpy(base + dst, r, 16);
}

void x86_helper_vec(CpuCommon *cpu, uint32_t op, uint32_t dst,
                    uint32_t src)
{
    uint8_t *base = (uint8_t *)cpu;
    int n = (op & X86_V_XMM) ? 16 : 8;
    uint32_t imm = (op >> 16) & 0xff;
    X86Xmm a, b, r;

    if (n == 16 && vec_xmm_fast(base, op & 0x7fff, dst, src)) {
        return;
    }
    if (n == 16 && (op & 0x7fff) == X86_V_PALIGNR) {
        vec_palignr_xmm(base, dst, src, imm);
        return;
    }
    op &= 0x7fff;
    memset(&a, 0, sizeof(a));
    memset(&b, 0, sizeof(b));
    memcpy(&a, base + dst, (size_t)n);
    memcpy(&b, base + src, (size_t)n);
    r = a;
    switch (op) {
    case X86_V_PSLLW: case X86_V_PSLLD: case X86_V_PSLLQ:
    case X86_V_PSRLW: case X86_V_PSRLD: case X86_V_PSRLQ:
    case X86_V_PSRAW: case X86_V_PSRAD: {
        static const int8_t w[8] = { 2, 4, 8, 2, 4, 8, 2, 4 };
        int k = (int)(op - X86_V_PSLLW);
        vec_shift(&a, &r, n, w[k], k / 3, b.q[0]);
        break;
    }
    case X86_V_PSLLW_I: case X86_V_PSLLD_I: case X86_V_PSLLQ_I:
    case X86_V_PSRLW_I: case X86_V_PSRLD_I: case X86_V_PSRLQ_I:
    case X86_V_PSRAW_I: case X86_V_PSRAD_I: {
        static const int8_t w[8] = { 2, 4, 8, 2, 4, 8, 2, 4 };
        int k = (int)(op - X86_V_PSLLW_I);
        vec_shift(&a, &r, n, w[k], k / 3, imm);
        break;
    }
    case X86_V_PSLLDQ_I:
        memset(&r, 0, sizeof(r));
        for (int i = (int)imm; i < 16; i++) {
            r.b[i] = a.b[i - (int)imm];
        }
        break;
    case X86_V_PSRLDQ_I:
        memset(&r, 0, sizeof(r));
        for (int i = 0; i + (int)imm < 16; i++) {
            r.b[i] = a.b[i + (int)imm];
        }
        break;
    case X86_V_PUNPCKLBW: vec_unpack(&a, &b, &r, n, 1, false); break;
    case X86_V_PUNPCKLWD: vec_unpack(&a, &b, &r, n, 2, false); break;
    case X86_V_PUNPCKLDQ: case X86_V_UNPCKLPS:
        vec_unpack(&a, &b, &r, n, 4, false);
        break;
    case X86_V_PUNPCKLQDQ: case X86_V_UNPCKLPD:
        vec_unpack(&a, &b, &r, n, 8, false);
        break;
    case X86_V_PUNPCKHBW: vec_unpack(&a, &b, &r, n, 1, true); break;
    case X86_V_PUNPCKHWD: vec_unpack(&a, &b, &r, n, 2, true); break;
    case X86_V_PUNPCKHDQ: case X86_V_UNPCKHPS:
        vec_unpack(&a, &b, &r, n, 4, true);
        break;
    case X86_V_PUNPCKHQDQ: case X86_V_UNPCKHPD:
        vec_unpack(&a, &b, &r, n, 8, true);
        break;
    case X86_V_PACKSSWB: case X86_V_PACKUSWB:
        for (int i = 0; i < n; i++) {
            int16_t v = (int16_t)(i < n / 2 ? a.w[i] : b.w[i - n / 2]);
            r.b[i] = (uint8_t)(op == X86_V_PACKSSWB ? sat_i8(v) : sat_u8(v));
        }
        break;
    case X86_V_PACKSSDW:
        for (int i = 0; i < n / 2; i++) {
            int32_t v = (int32_t)(i < n / 4 ? a.l[i] : b.l[i - n / 4]);
            r.w[i] = (uint16_t)sat_i16(v);
        }
        break;
    case X86_V_PSHUFW:
        for (int i = 0; i < 4; i++) {
            r.w[i] = b.w[(imm >> (2 * i)) & 3];
        }
        break;
    case X86_V_PSHUFD:
        for (int i = 0; i < 4; i++) {
            r.l[i] = b.l[(imm >> (2 * i)) & 3];
        }
        break;
    case X86_V_PSHUFHW:
        r.q[0] = b.q[0];
        for (int i = 0; i < 4; i++) {
            r.w[4 + i] = b.w[4 + ((imm >> (2 * i)) & 3)];
        }
        break;
    case X86_V_PSHUFLW:
        r.q[1] = b.q[1];
        for (int i = 0; i < 4; i++) {
            r.w[i] = b.w[(imm >> (2 * i)) & 3];
        }
        break;
    case X86_V_SHUFPS:
        r.l[0] = a.l[imm & 3];
        r.l[1] = a.l[(imm >> 2) & 3];
        r.l[2] = b.l[(imm >> 4) & 3];
        r.l[3] = b.l[(imm >> 6) & 3];
        break;
    case X86_V_SHUFPD:
        r.q[0] = a.q[imm & 1];
        r.q[1] = b.q[(imm >> 1) & 1];
        break;
    case X86_V_MOVSLDUP:
    case X86_V_MOVSHDUP: {
        int o = op == X86_V_MOVSHDUP;
        r.l[0] = r.l[1] = b.l[o];
        r.l[2] = r.l[3] = b.l[2 + o];
        break;
    }
    case X86_V_MOVDDUP:
        r.q[0] = r.q[1] = b.q[0];
        break;
    case X86_V_PSHUFB:
        for (int i = 0; i < n; i++) {
            r.b[i] = (b.b[i] & 0x80) ? 0 : a.b[b.b[i] & (n - 1)];
        }
        break;
    case X86_V_PHADDW: case X86_V_PHADDD: case X86_V_PHADDSW:
    case X86_V_PHSUBW: case X86_V_PHSUBD: case X86_V_PHSUBSW:
        vec_hadd(&a, &b, &r, n, op);
        break;
    case X86_V_PALIGNR: {
        /* (dst:src) >> imm bytes */
        uint8_t cat[32];
        memcpy(cat, b.b, (size_t)n);
        memcpy(cat + n, a.b, (size_t)n);
        for (int i = 0; i < n; i++) {
            r.b[i] = (uint32_t)i + imm < 2u * (uint32_t)n ? cat[i + imm] : 0;
        }
        break;
    }
    default:
        vec_lanes(op, &a, &b, &r, n);
        break;
    }
    memcpy(base + dst, &r, (size_t)n);
}

uint32_t x86_helper_movmsk(CpuCommon *cpu, uint32_t op, uint32_t src)
{
    const uint8_t *p = (const uint8_t *)cpu + src;
    uint32_t m = 0;

    switch (op & 0xff) {
    case 0: {
        int n = (op & X86_V_XMM) ? 16 : 8;
        for (int i = 0; i < n; i++) {
            m |= (uint32_t)(p[i] >> 7) << i;
        }
        break;
    }
    case 1:
        for (int i = 0; i < 4; i++) {
            m |= (uint32_t)(p[4 * i + 3] >> 7) << i;
        }
        break;
    default:
        m = (uint32_t)(p[7] >> 7) | (uint32_t)(p[15] >> 7) << 1;
        break;
    }
    return m;
}

void x86_helper_maskmov(CpuCommon *cpu, uint32_t op, uint32_t src,
                        uint32_t mask, uint32_t addr)
{
    const uint8_t *s = (const uint8_t *)cpu + src;
    const uint8_t *m = (const uint8_t *)cpu + mask;
    uint8_t *g = (uint8_t *)(cpu->guest_base + addr);
    int n = (op & X86_V_XMM) ? 16 : 8;

    for (int i = 0; i < n; i++) {
        if (m[i] & 0x80) {
            g[i] = s[i];
        }
    }
}

const IrHelper x86_helper_vec_desc =
    IR_HELPER(x86_helper_vec, IR_HF_NO_READ_GLOBALS | IR_HF_NO_WRITE_GLOBALS,
              IR_HT_VOID, IR_HT_PTR, IR_HT_I32, IR_HT_I32, IR_HT_I32);
const IrHelper x86_helper_movmsk_desc =
    IR_HELPER(x86_helper_movmsk, IR_HF_NO_READ_GLOBALS |
              IR_HF_NO_WRITE_GLOBALS, IR_HT_I32, IR_HT_PTR, IR_HT_I32,
              IR_HT_I32);
const IrHelper x86_helper_maskmov_desc =
    IR_HELPER(x86_helper_maskmov, IR_HF_MAY_RAISE | IR_HF_NO_WRITE_GLOBALS,
              IR_HT_VOID, IR_HT_PTR, IR_HT_I32, IR_HT_I32, IR_HT_I32,
              IR_HT_I32);

/* backend/x86_64/emit.c — x86-64 instruction encoder (Intel SDM Vol 2,
 * chapter 2: prefixes, REX, ModRM, SIB). The op lowering in x86_64.c and
 * the prologue use it; nothing here knows micro-ops.
 */
#include "emit.h"

#include <string.h>

void x86_u64(X86Asm *a, uint64_t v)
{
    x86_u32(a, (uint32_t)v);
    x86_u32(a, (uint32_t)(v >> 32));
}

void x86_patch32(X86Asm *a, size_t pos, uint32_t v)
{
    if (pos + 4 <= a->cap) {
        memcpy(a->buf + pos, &v, 4);
    }
}

void x86_patch8(X86Asm *a, size_t pos, uint8_t v)
{
    if (pos < a->cap) {
        a->buf[pos] = v;
    }
}

/* Prefixes, REX and opcode bytes. rm_is_reg: rm names a register (for
 * the byte-register REX rule). index < 0: no SIB index. */
static void x86_opcode(X86Asm *a, uint32_t opc, int r, int rm, int index,
                       bool rm_is_reg)
{
    if (opc & X86_LOCK) {
        x86_byte(a, 0xf0);
    }
    if (opc & X86_P66) {
        x86_byte(a, 0x66);
    }
    if (opc & X86_PF3) {
        x86_byte(a, 0xf3);
    }
    if (opc & X86_PF2) {
        x86_byte(a, 0xf2);
    }
    uint8_t rex = 0;
    bool force = false;
    if (opc & X86_W) {
        rex |= 8;
    }
    if (r >= 8) {
        rex |= 4;
    }
    if (index >= 8) {
        rex |= 2;
    }
    if (rm >= 8) {
        rex |= 1;
    }
    /* spl/bpl/sil/dil need a REX prefix, else they mean ah/ch/dh/bh. */
    if ((opc & X86_BYTER) && r >= 4 && r < 8) {
        force = true;
    }
    if ((opc & X86_BYTEM) && rm_is_reg && rm >= 4 && rm < 8) {
        force = true;
    }
    if (rex || force) {
        x86_byte(a, 0x40 | rex);
    }
    if (opc & (X86_0F | X86_0F38)) {
        x86_byte(a, 0x0f);
    }
    if (opc & X86_0F38) {
        x86_byte(a, 0x38);
    }
    x86_byte(a, (uint8_t)opc);
}

void x86_rr(X86Asm *a, uint32_t opc, int r, int rm)
{
    x86_opcode(a, opc, r, rm, -1, true);
    x86_byte(a, (uint8_t)(0xc0 | ((r & 7) << 3) | (rm & 7)));
}

void x86_rm(X86Asm *a, uint32_t opc, int r, int base, int index,
            int32_t disp)
{
    x86_opcode(a, opc, r, base, index, false);
    int mod;
    if (disp == 0 && (base & 7) != X86_RBP) {
        mod = 0;
    } else if (disp >= -128 && disp <= 127) {
        mod = 1;
    } else {
        mod = 2;
    }
    if (index < 0 && (base & 7) != X86_RSP) {
        x86_byte(a, (uint8_t)((mod << 6) | ((r & 7) << 3) | (base & 7)));
    } else {
        int idx = index < 0 ? X86_RSP : index;   /* 100b: no index */
        x86_byte(a, (uint8_t)((mod << 6) | ((r & 7) << 3) | 4));
        x86_byte(a, (uint8_t)(((idx & 7) << 3) | (base & 7)));
    }
    if (mod == 1) {
        x86_byte(a, (uint8_t)disp);
    } else if (mod == 2) {
        x86_u32(a, (uint32_t)disp);
    }
}

static uint32_t x86_w(bool w)
{
    return w ? X86_W : 0;
}

void x86_mov_rr(X86Asm *a, bool w, int dst, int src)
{
    x86_rr(a, 0x8b | x86_w(w), dst, src);
}

void x86_movi_keepflags(X86Asm *a, bool w, int reg, uint64_t val)
{
    if (!w) {
        val = (uint32_t)val;
    }
    if (val <= UINT32_MAX) {
        /* mov r32, imm32 zero-extends. */
        x86_opcode(a, 0xb8 + (reg & 7), 0, reg, -1, true);
        x86_u32(a, (uint32_t)val);
    } else if ((int64_t)val == (int32_t)val) {
        x86_rr(a, 0xc7 | X86_W, 0, reg);
        x86_u32(a, (uint32_t)val);
    } else {
        x86_opcode(a, (0xb8 + (reg & 7)) | X86_W, 0, reg, -1, true);
        x86_u64(a, val);
    }
}

void x86_movi(X86Asm *a, bool w, int reg, uint64_t val)
{
    if ((w ? val : (uint32_t)val) == 0) {
        x86_rr(a, 0x33, reg, reg);   /* xor r32, r32 */
        return;
    }
    x86_movi_keepflags(a, w, reg, val);
}

void x86_alu_rr(X86Asm *a, bool w, int op, int dst, int src)
{
    x86_rr(a, (uint32_t)((op << 3) | 3) | x86_w(w), dst, src);
}

void x86_alu_ri(X86Asm *a, bool w, int op, int dst, int32_t imm)
{
    if (imm >= -128 && imm <= 127) {
        x86_rr(a, 0x83 | x86_w(w), op, dst);
        x86_byte(a, (uint8_t)imm);
    } else {
        x86_rr(a, 0x81 | x86_w(w), op, dst);
        x86_u32(a, (uint32_t)imm);
    }
}

void x86_shift_ri(X86Asm *a, bool w, int op, int reg, unsigned count)
{
    count &= w ? 63 : 31;
    if (count == 0) {
        return;
    }
    if (count == 1) {
        x86_rr(a, 0xd1 | x86_w(w), op, reg);
    } else {
        x86_rr(a, 0xc1 | x86_w(w), op, reg);
        x86_byte(a, (uint8_t)count);
    }
}

void x86_shift_cl(X86Asm *a, bool w, int op, int reg)
{
    x86_rr(a, 0xd3 | x86_w(w), op, reg);
}

void x86_lea(X86Asm *a, bool w, int dst, int base, int index, int32_t disp)
{
    x86_rm(a, 0x8d | x86_w(w), dst, base, index, disp);
}

void x86_ld(X86Asm *a, bool w, int reg, int base, int32_t disp)
{
    x86_rm(a, 0x8b | x86_w(w), reg, base, -1, disp);
}

void x86_st(X86Asm *a, bool w, int reg, int base, int32_t disp)
{
    x86_rm(a, 0x89 | x86_w(w), reg, base, -1, disp);
}

void x86_bswap(X86Asm *a, bool w, int reg)
{
    x86_opcode(a, (0xc8 + (reg & 7)) | X86_0F | x86_w(w), 0, reg, -1, true);
}

void x86_bswap_size(X86Asm *a, int reg, unsigned size)
{
    if (size == 1) {
        /* rol r16, 8 */
        x86_rr(a, 0xc1 | X86_P66, X86_SH_ROL, reg);
        x86_byte(a, 8);
    } else if (size == 2) {
        x86_bswap(a, false, reg);
    } else if (size == 3) {
        x86_bswap(a, true, reg);
    }
}

void x86_setcc(X86Asm *a, int cc, int reg)
{
    x86_rr(a, (uint32_t)(0x90 + cc) | X86_0F | X86_BYTEM, 0, reg);
}

void x86_cmov(X86Asm *a, bool w, int cc, int dst, int src)
{
    x86_rr(a, (uint32_t)(0x40 + cc) | X86_0F | x86_w(w), dst, src);
}

void x86_ext(X86Asm *a, bool w, unsigned size, bool sign, int dst, int src)
{
    switch (size) {
    case 0:
        x86_rr(a, (sign ? 0xbe : 0xb6) | X86_0F | X86_BYTEM |
                  (sign ? x86_w(w) : 0), dst, src);
        break;
    case 1:
        x86_rr(a, (sign ? 0xbf : 0xb7) | X86_0F | (sign ? x86_w(w) : 0),
               dst, src);
        break;
    case 2:
        if (sign && w) {
            x86_rr(a, 0x63 | X86_W, dst, src);      /* movsxd */
        } else {
            x86_mov_rr(a, false, dst, src);
        }
        break;
    default:
        if (dst != src || !w) {
            x86_mov_rr(a, w, dst, src);
        }
        break;
    }
}

size_t x86_jmp32(X86Asm *a)
{
    x86_byte(a, 0xe9);
    size_t pos = a->pos;
    x86_u32(a, 0);
    return pos;
}

size_t x86_jcc32(X86Asm *a, int cc)
{
    x86_byte(a, 0x0f);
    x86_byte(a, (uint8_t)(0x80 + cc));
    size_t pos = a->pos;
    x86_u32(a, 0);
    return pos;
}

size_t x86_jcc8(X86Asm *a, int cc)
{
    x86_byte(a, (uint8_t)(0x70 + cc));
    size_t pos = a->pos;
    x86_byte(a, 0);
    return pos;
}

size_t x86_jmp8(X86Asm *a)
{
    x86_byte(a, 0xeb);
    size_t pos = a->pos;
    x86_byte(a, 0);
    return pos;
}

void x86_land8(X86Asm *a, size_t pos)
{
    x86_patch8(a, pos, (uint8_t)(a->pos - (pos + 1)));
}

void x86_nops(X86Asm *a, unsigned n)
{
    while (n--) {
        x86_byte(a, 0x90);
    }
}

/* backend/x86_64/guestmem.c — x86-64 lowering of guest memory micro-ops
 * (user mode: host address = guest_base + zero-extended guest address):
 * loads and stores in either byte order (MOVBE when the host has it),
 * alignment checks, atomics (lock cmpxchg / xchg / xadd, cmpxchg loops)
 * and barriers.
 */
#include "x86_64_int.h"

#define X86_ALL X86_ALLOCATABLE

static IrTemp x86_arg(const IrOp *op, unsigned k)
{
    return (IrTemp)op->args[k];
}

/* opc with the guest operand [guest_base + raddr]. The address register
 * holds a zero-extended i32 (32-bit guests) or an i64. */
static void x86_gmem(X86Gen *g, uint32_t opc, int r, int raddr)
{
    x86_rm(&g->a, opc, r, X86_GBASE_REG, raddr, 0);
}

/* Operand-size bits for an access of 2^size bytes with a reg operand;
 * `op8` and `op` are the byte and the word/dword/qword opcodes. */
static uint32_t x86_sized(unsigned size, uint32_t op8, uint32_t op)
{
    switch (size) {
    case 0:  return op8 | X86_BYTER;
    case 1:  return op | X86_P66;
    case 2:  return op;
    default: return op | X86_W;
    }
}

static uint64_t x86_swap_const(uint64_t v, unsigned size)
{
    switch (size) {
    case 1:  return __builtin_bswap16((uint16_t)v);
    case 2:  return __builtin_bswap32((uint32_t)v);
    case 3:  return __builtin_bswap64(v);
    default: return v & 0xff;
    }
}

/* Loads 2^size bytes at [guest_base + raddr] zero-extended into rd (no
 * byte swap). */
static void x86_gload_zx(X86Gen *g, int rd, int raddr, unsigned size)
{
    switch (size) {
    case 0:  x86_gmem(g, 0xb6 | X86_0F, rd, raddr); break;
    case 1:  x86_gmem(g, 0xb7 | X86_0F, rd, raddr); break;
    case 2:  x86_gmem(g, 0x8b, rd, raddr); break;
    default: x86_gmem(g, 0x8b | X86_W, rd, raddr); break;
    }
}

void x86_64_gen_guest_ld(X86Gen *g, const IrOp *op)
{
    unsigned mo = (unsigned)op->args[2];
    unsigned size = mo & IR_MO_SIZE;
    bool sign = mo & IR_MO_SIGN;
    bool be = (mo & IR_MO_BE) && size > 0;
    bool w = op->type == IR_I64;
    X86Asm *a = &g->a;

    if (!w && size == 3) {
        size = 2;       /* an i32 result keeps the low half */
    }
    int raddr = ra_in(&g->ra, x86_arg(op, 1), X86_ALL);
    if (mo & IR_MO_ALIGN) {
        x86_64_emit_align_check(g, raddr, size);
    }
    uint32_t alias = ra_arg_dies(&g->ra, 1) ? x86_bit(raddr) : 0;
    int rd = ra_out(&g->ra, x86_arg(op, 0), X86_ALL, alias);

    if (!be) {
        switch (size) {
        case 0:
            x86_gmem(g, (sign ? 0xbe : 0xb6) | X86_0F |
                        (sign && w ? X86_W : 0), rd, raddr);
            break;
        case 1:
            x86_gmem(g, (sign ? 0xbf : 0xb7) | X86_0F |
                        (sign && w ? X86_W : 0), rd, raddr);
            break;
        case 2:
            x86_gmem(g, sign && w ? (0x63 | X86_W) : 0x8b, rd, raddr);
            break;
        default:
            x86_gmem(g, 0x8b | X86_W, rd, raddr);
            break;
        }
        return;
    }
    if (g->features & X86_FEAT_MOVBE) {
        /* movbe r, m (0F 38 F0) */
        x86_gmem(g, x86_sized(size, 0xf0, 0xf0) | X86_0F38, rd, raddr);
    } else {
        x86_gload_zx(g, rd, raddr, size);
        x86_bswap_size(a, rd, size);
    }
    if (size == 1 || (size == 2 && sign && w)) {
        x86_ext(a, w, size, sign, rd, rd);
    }
}

void x86_64_gen_guest_st(X86Gen *g, const IrOp *op)
{
    unsigned mo = (unsigned)op->args[2];
    unsigned size = mo & IR_MO_SIZE;
    bool be = (mo & IR_MO_BE) && size > 0;
    X86Asm *a = &g->a;
    uint64_t v;

    int raddr = ra_in(&g->ra, x86_arg(op, 1), X86_ALL);
    if (mo & IR_MO_ALIGN) {
        x86_64_emit_align_check(g, raddr, size);
    }
    if (ra_const_val(&g->ra, x86_arg(op, 0), &v)) {
        if (be) {
            v = x86_swap_const(v, size);
        }
        if (size < 3 || (int64_t)v == (int32_t)v) {
            x86_gmem(g, x86_sized(size, 0xc6, 0xc7) & ~X86_BYTER, 0, raddr);
            if (size == 0) {
                x86_byte(a, (uint8_t)v);
            } else if (size == 1) {
                x86_u16(a, (uint16_t)v);
            } else {
                x86_u32(a, (uint32_t)v);
            }
            return;
        }
        int s = ra_scratch(&g->ra, X86_ALL);
        x86_movi(a, true, s, v);
        x86_gmem(g, 0x89 | X86_W, s, raddr);
        return;
    }
    if (!be) {
        int rv = ra_in(&g->ra, x86_arg(op, 0), X86_ALL);
        x86_gmem(g, x86_sized(size, 0x88, 0x89), rv, raddr);
    } else if (g->features & X86_FEAT_MOVBE) {
        int rv = ra_in(&g->ra, x86_arg(op, 0), X86_ALL);
        x86_gmem(g, x86_sized(size, 0xf1, 0xf1) | X86_0F38, rv, raddr);
    } else {
        int s = ra_in_copy(&g->ra, x86_arg(op, 0), X86_ALL);
        x86_bswap_size(a, s, size);
        x86_gmem(g, x86_sized(size, 0x88, 0x89), s, raddr);
    }
}

/* The old value in `src` (memory byte order) to the output, swapped and
 * extended per the memop. */
static void x86_atomic_result(X86Gen *g, const IrOp *op, int src,
                              unsigned size, bool be, bool sign)
{
    bool w = op->type == IR_I64;
    if (be) {
        x86_bswap_size(&g->a, src, size);
    }
    int rd = ra_out(&g->ra, x86_arg(op, 0), X86_ALL, x86_bit(src));
    x86_ext(&g->a, w, size, sign, rd, src);
}

void x86_64_gen_atomic(X86Gen *g, const IrOp *op)
{
    unsigned mo = (unsigned)op->args[op->nout + op->nin];
    unsigned size = mo & IR_MO_SIZE;
    bool sign = mo & IR_MO_SIGN;
    bool be = (mo & IR_MO_BE) && size > 0;
    X86Asm *a = &g->a;
    uint32_t rax = x86_bit(X86_RAX);

    if (op->type == IR_I32 && size == 3) {
        size = 2;
    }
    if (op->opc == IR_ATOMIC_CMPXCHG) {
        int raddr = ra_in(&g->ra, x86_arg(op, 1), X86_ALL & ~rax);
        ra_in_copy(&g->ra, x86_arg(op, 2), rax);
        int s = ra_in_copy(&g->ra, x86_arg(op, 3), X86_ALL & ~rax);
        if (mo & IR_MO_ALIGN) {
            x86_64_emit_align_check(g, raddr, size);
        }
        if (be) {
            x86_bswap_size(a, X86_RAX, size);
            x86_bswap_size(a, s, size);
        }
        x86_gmem(g, x86_sized(size, 0xb0, 0xb1) | X86_0F | X86_LOCK, s,
                 raddr);
        x86_atomic_result(g, op, X86_RAX, size, be, sign);
        return;
    }
    if (op->opc == IR_ATOMIC_XCHG ||
        (op->opc == IR_ATOMIC_FETCH_ADD && !be)) {
        int raddr = ra_in(&g->ra, x86_arg(op, 1), X86_ALL);
        int s = ra_in_copy(&g->ra, x86_arg(op, 2), X86_ALL);
        if (mo & IR_MO_ALIGN) {
            x86_64_emit_align_check(g, raddr, size);
        }
        if (op->opc == IR_ATOMIC_XCHG) {
            if (be) {
                x86_bswap_size(a, s, size);
            }
            /* xchg with memory is locked implicitly. */
            x86_gmem(g, x86_sized(size, 0x86, 0x87), s, raddr);
        } else {
            x86_gmem(g, x86_sized(size, 0xc0, 0xc1) | X86_0F | X86_LOCK, s,
                     raddr);
        }
        x86_atomic_result(g, op, s, size, be, sign);
        return;
    }
    /* Fetch-and-op through a compare-and-swap loop: rax holds the old
     * value (memory order), s the new one. */
    int aluop;
    switch (op->opc) {
    case IR_ATOMIC_FETCH_ADD: aluop = X86_ALU_ADD; break;
    case IR_ATOMIC_FETCH_AND: aluop = X86_ALU_AND; break;
    case IR_ATOMIC_FETCH_OR:  aluop = X86_ALU_OR; break;
    default:                  aluop = X86_ALU_XOR; break;
    }
    ra_clobber(&g->ra, rax);
    int raddr = ra_in(&g->ra, x86_arg(op, 1), X86_ALL & ~rax);
    int rv = ra_in(&g->ra, x86_arg(op, 2), X86_ALL & ~rax);
    int s = ra_scratch(&g->ra, X86_ALL & ~rax);
    if (mo & IR_MO_ALIGN) {
        x86_64_emit_align_check(g, raddr, size);
    }
    x86_gload_zx(g, X86_RAX, raddr, size);
    size_t loop = a->pos;
    x86_mov_rr(a, true, s, X86_RAX);
    if (be) {
        x86_bswap_size(a, s, size);
    }
    x86_alu_rr(a, true, aluop, s, rv);
    if (be) {
        x86_bswap_size(a, s, size);
    }
    x86_gmem(g, x86_sized(size, 0xb0, 0xb1) | X86_0F | X86_LOCK, s, raddr);
    size_t back = x86_jcc8(a, X86_CC_NE);
    x86_patch8(a, back, (uint8_t)(int8_t)((int)loop - (int)(back + 1)));
    x86_atomic_result(g, op, X86_RAX, size, be, sign);
}

void x86_64_gen_mb(X86Gen *g, const IrOp *op)
{
    /* x86 is TSO: only a store followed by a load can be reordered. */
    if (op->args[0] & IR_MB_ST_LD) {
        x86_byte(&g->a, 0x0f);
        x86_byte(&g->a, 0xae);
        x86_byte(&g->a, 0xf0);      /* mfence */
    }
}

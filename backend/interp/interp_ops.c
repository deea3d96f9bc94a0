/* backend/interp/interp_ops.c — the exact semantics of the micro-ops of
 * core/ir_ops.h for the interpreter: arithmetic at 32 or 64 bits, guest
 * memory with memops, host atomics, and helper calls through libffi.
 */
#include "interp.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/ir.h"

static uint64_t interp_mask(bool is64)
{
    return is64 ? UINT64_MAX : UINT32_MAX;
}

/* a sign-extended from the width to 64 bits. */
static int64_t interp_sext(bool is64, uint64_t a)
{
    return is64 ? (int64_t)a : (int64_t)(int32_t)(uint32_t)a;
}

static uint64_t interp_div(unsigned opc, bool is64, uint64_t a, uint64_t b)
{
    uint64_t m = interp_mask(is64);
    int64_t sa = interp_sext(is64, a), sb = interp_sext(is64, b);

    a &= m;
    b &= m;
    switch (opc) {
    case IR_DIVU:
        return b ? a / b : 0;
    case IR_REMU:
        return b ? a % b : a;
    case IR_DIVS:
        if (b == 0) {
            return 0;
        }
        if (sb == -1) {
            /* Negation, so that DIVS(MIN, -1) gives MIN without trapping. */
            return (0 - a) & m;
        }
        return (uint64_t)(sa / sb) & m;
    default: /* IR_REMS */
        if (b == 0) {
            return a;
        }
        if (sb == -1) {
            return 0;
        }
        return (uint64_t)(sa % sb) & m;
    }
}

static uint64_t interp_rot(bool left, bool is64, uint64_t a, uint64_t c)
{
    unsigned w = is64 ? 64 : 32;
    unsigned n = (unsigned)(c & (w - 1));
    uint64_t m = interp_mask(is64);

    a &= m;
    if (n == 0) {
        return a;
    }
    if (!left) {
        n = w - n;
    }
    return ((a << n) | (a >> (w - n))) & m;
}

static uint64_t interp_bswap(unsigned bytes, uint64_t a)
{
    uint64_t r = 0;
    for (unsigned i = 0; i < bytes; i++) {
        r = (r << 8) | ((a >> (8 * i)) & 0xff);
    }
    return r;
}

uint64_t interp_alu(unsigned opc, bool is64, uint64_t a, uint64_t b)
{
    unsigned w = is64 ? 64 : 32;
    uint64_t m = interp_mask(is64);

    switch (opc) {
    case IR_MOV:
        return a & m;
    case IR_ADD:
        return (a + b) & m;
    case IR_SUB:
        return (a - b) & m;
    case IR_MUL:
        return (a * b) & m;
    case IR_NEG:
        return (0 - a) & m;
    case IR_AND:
        return a & b & m;
    case IR_OR:
        return (a | b) & m;
    case IR_XOR:
        return (a ^ b) & m;
    case IR_ANDC:
        return a & ~b & m;
    case IR_ORC:
        return (a | ~b) & m;
    case IR_NOT:
        return ~a & m;
    case IR_SHL:
        return (a << (b & (w - 1))) & m;
    case IR_SHR:
        return (a & m) >> (b & (w - 1));
    case IR_SAR:
        return (uint64_t)(interp_sext(is64, a) >> (b & (w - 1))) & m;
    case IR_ROTL:
        return interp_rot(true, is64, a, b);
    case IR_ROTR:
        return interp_rot(false, is64, a, b);
    case IR_DIVS:
    case IR_DIVU:
    case IR_REMS:
    case IR_REMU:
        return interp_div(opc, is64, a, b);
    case IR_EXT8S:
        return (uint64_t)(int64_t)(int8_t)(uint8_t)a & m;
    case IR_EXT8U:
        return a & 0xff;
    case IR_EXT16S:
        return (uint64_t)(int64_t)(int16_t)(uint16_t)a & m;
    case IR_EXT16U:
        return a & 0xffff;
    case IR_EXT32S:
    case IR_EXTS_I32_I64:
        return (uint64_t)(int64_t)(int32_t)(uint32_t)a;
    case IR_EXT32U:
    case IR_EXTU_I32_I64:
    case IR_EXTRL_I64_I32:
        return a & UINT32_MAX;
    case IR_EXTRH_I64_I32:
        return a >> 32;
    case IR_BSWAP16:
        return interp_bswap(2, a);
    case IR_BSWAP32:
        return interp_bswap(4, a);
    case IR_BSWAP64:
        return interp_bswap(8, a);
    case IR_CLZ:
        a &= m;
        if (a == 0) {
            return w;
        }
        return is64 ? (uint64_t)__builtin_clzll(a)
                    : (uint64_t)__builtin_clz((uint32_t)a);
    case IR_CTZ:
        a &= m;
        return a ? (uint64_t)__builtin_ctzll(a) : w;
    case IR_POPCNT:
        return (uint64_t)__builtin_popcountll(a & m);
    default:
        fprintf(stderr, "emu: interp: op %u is not an ALU op\n", opc);
        abort();
    }
}

bool interp_cond(unsigned cond, bool is64, uint64_t a, uint64_t b)
{
    uint64_t m = interp_mask(is64);
    int64_t sa = interp_sext(is64, a), sb = interp_sext(is64, b);

    a &= m;
    b &= m;
    switch (cond) {
    case IR_COND_NEVER:
        return false;
    case IR_COND_ALWAYS:
        return true;
    case IR_COND_EQ:
        return a == b;
    case IR_COND_NE:
        return a != b;
    case IR_COND_LT:
        return sa < sb;
    case IR_COND_GE:
        return sa >= sb;
    case IR_COND_LE:
        return sa <= sb;
    case IR_COND_GT:
        return sa > sb;
    case IR_COND_LTU:
        return a < b;
    case IR_COND_GEU:
        return a >= b;
    case IR_COND_LEU:
        return a <= b;
    case IR_COND_GTU:
        return a > b;
    default:
        fprintf(stderr, "emu: interp: bad condition %u\n", cond);
        abort();
    }
}

/* Unsigned 64x64 -> 128 product from 32-bit halves (no __int128 needed, so
 * the interpreter builds on 32-bit hosts too). */
static void interp_mulu64(uint64_t a, uint64_t b, uint64_t *lo, uint64_t *hi)
{
    uint64_t al = (uint32_t)a, ah = a >> 32, bl = (uint32_t)b, bh = b >> 32;
    uint64_t ll = al * bl, lh = al * bh, hl = ah * bl, hh = ah * bh;
    uint64_t mid = (ll >> 32) + (uint32_t)lh + (uint32_t)hl;

    *lo = (mid << 32) | (uint32_t)ll;
    *hi = hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
}

void interp_mul2(bool is_signed, bool is64, uint64_t a, uint64_t b,
                 uint64_t *lo, uint64_t *hi)
{
    if (!is64) {
        uint64_t p;
        if (is_signed) {
            p = (uint64_t)(interp_sext(false, a) * interp_sext(false, b));
        } else {
            p = (a & UINT32_MAX) * (b & UINT32_MAX);
        }
        *lo = (uint32_t)p;
        *hi = p >> 32;
        return;
    }
    interp_mulu64(a, b, lo, hi);
    if (is_signed) {
        /* The signed high part differs from the unsigned one by the other
         * operand for each negative operand (mod 2^64). */
        if ((int64_t)a < 0) {
            *hi -= b;
        }
        if ((int64_t)b < 0) {
            *hi -= a;
        }
    }
}

void interp_addsub2(bool sub, bool is64, uint64_t al, uint64_t ah,
                    uint64_t bl, uint64_t bh, uint64_t *lo, uint64_t *hi)
{
    uint64_t m = interp_mask(is64);
    uint64_t l, carry;

    al &= m;
    bl &= m;
    if (sub) {
        l = (al - bl) & m;
        carry = al < bl;
        *hi = (ah - bh - carry) & m;
    } else {
        l = (al + bl) & m;
        carry = l < al;
        *hi = (ah + bh + carry) & m;
    }
    *lo = l;
}

static uint64_t interp_len_mask(unsigned len)
{
    return len >= 64 ? UINT64_MAX : (((uint64_t)1 << len) - 1);
}

uint64_t interp_extract(bool sign, bool is64, uint64_t a, unsigned pos,
                        unsigned len)
{
    uint64_t v = ((a & interp_mask(is64)) >> pos) & interp_len_mask(len);

    if (sign && len < 64 && (v >> (len - 1)) & 1) {
        v |= ~interp_len_mask(len);
    }
    return v & interp_mask(is64);
}

uint64_t interp_deposit(bool is64, uint64_t a, uint64_t b, unsigned pos,
                        unsigned len)
{
    uint64_t fm = interp_len_mask(len) << pos;

    return ((a & ~fm) | ((b << pos) & fm)) & interp_mask(is64);
}

/* ---- Guest memory ------------------------------------------------------ */

static bool interp_host_be(void)
{
    return __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__;
}

/* True when the memop's byte order differs from the host's. */
static bool interp_mo_swap(unsigned memop)
{
    return ((memop & IR_MO_BE) != 0) != interp_host_be();
}

static void *interp_haddr(CpuCommon *cpu, uint64_t addr, unsigned memop,
                          const void *ip)
{
    unsigned size = 1u << (memop & IR_MO_SIZE);

    if ((memop & IR_MO_ALIGN) && (addr & (size - 1))) {
        exec_unaligned_access(cpu, addr, (uintptr_t)ip);
    }
    return (void *)(cpu->guest_base + (uintptr_t)addr);
}

/* A value of the memop's size read from memory order to a host integer:
 * byte swap when the orders differ, then extension per IR_MO_SIGN. */
static uint64_t interp_mo_fix_load(unsigned memop, uint64_t v)
{
    unsigned size = memop & IR_MO_SIZE;

    if (interp_mo_swap(memop)) {
        v = interp_bswap(1u << size, v);
    }
    if (memop & IR_MO_SIGN) {
        switch (size) {
        case IR_MO_8:
            return (uint64_t)(int64_t)(int8_t)(uint8_t)v;
        case IR_MO_16:
            return (uint64_t)(int64_t)(int16_t)(uint16_t)v;
        case IR_MO_32:
            return (uint64_t)(int64_t)(int32_t)(uint32_t)v;
        default:
            break;
        }
    }
    return v;
}

/* A host integer to the memop's memory order (low `size` bytes kept). */
static uint64_t interp_mo_fix_store(unsigned memop, uint64_t v)
{
    unsigned bytes = 1u << (memop & IR_MO_SIZE);

    if (bytes < 8) {
        v &= ((uint64_t)1 << (8 * bytes)) - 1;
    }
    return interp_mo_swap(memop) ? interp_bswap(bytes, v) : v;
}

uint64_t interp_guest_ld(CpuCommon *cpu, uint64_t addr, unsigned memop,
                         const void *ip)
{
    const void *p = interp_haddr(cpu, addr, memop, ip);
    uint64_t v;

    switch (memop & IR_MO_SIZE) {
    case IR_MO_8:
        v = *(const volatile uint8_t *)p;
        break;
    case IR_MO_16: {
        uint16_t x;
        memcpy(&x, p, 2);
        v = x;
        break;
    }
    case IR_MO_32: {
        uint32_t x;
        memcpy(&x, p, 4);
        v = x;
        break;
    }
    default:
        memcpy(&v, p, 8);
        break;
    }
    return interp_mo_fix_load(memop, v);
}

void interp_guest_st(CpuCommon *cpu, uint64_t addr, uint64_t val,
                     unsigned memop, const void *ip)
{
    void *p = interp_haddr(cpu, addr, memop, ip);

    val = interp_mo_fix_store(memop, val);
    switch (memop & IR_MO_SIZE) {
    case IR_MO_8:
        *(volatile uint8_t *)p = (uint8_t)val;
        break;
    case IR_MO_16: {
        uint16_t x = (uint16_t)val;
        memcpy(p, &x, 2);
        break;
    }
    case IR_MO_32: {
        uint32_t x = (uint32_t)val;
        memcpy(p, &x, 4);
        break;
    }
    default:
        memcpy(p, &val, 8);
        break;
    }
}

/* ---- Atomics ------------------------------------------------------------
 * Operands are converted to memory order first; the old value read back is
 * converted to host order. Bitwise ops commute with a byte swap, so only
 * FETCH_ADD on the other byte order needs a compare-and-swap loop. */

static uint64_t interp_atomic_cas(void *p, unsigned size, uint64_t cmp,
                                  uint64_t newv)
{
    switch (size) {
    case IR_MO_8: {
        uint8_t c = (uint8_t)cmp;
        __atomic_compare_exchange_n((uint8_t *)p, &c, (uint8_t)newv, false,
                                    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
        return c;
    }
    case IR_MO_16: {
        uint16_t c = (uint16_t)cmp;
        __atomic_compare_exchange_n((uint16_t *)p, &c, (uint16_t)newv, false,
                                    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
        return c;
    }
    case IR_MO_32: {
        uint32_t c = (uint32_t)cmp;
        __atomic_compare_exchange_n((uint32_t *)p, &c, (uint32_t)newv, false,
                                    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
        return c;
    }
    default: {
        uint64_t c = cmp;
        __atomic_compare_exchange_n((uint64_t *)p, &c, newv, false,
                                    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
        return c;
    }
    }
}

static uint64_t interp_atomic_rmw(void *p, unsigned size, unsigned opc,
                                  uint64_t v)
{
    switch (size) {
    case IR_MO_8: {
        uint8_t *q = p, x = (uint8_t)v;
        switch (opc) {
        case IR_ATOMIC_XCHG:
            return __atomic_exchange_n(q, x, __ATOMIC_SEQ_CST);
        case IR_ATOMIC_FETCH_ADD:
            return __atomic_fetch_add(q, x, __ATOMIC_SEQ_CST);
        case IR_ATOMIC_FETCH_AND:
            return __atomic_fetch_and(q, x, __ATOMIC_SEQ_CST);
        case IR_ATOMIC_FETCH_OR:
            return __atomic_fetch_or(q, x, __ATOMIC_SEQ_CST);
        default:
            return __atomic_fetch_xor(q, x, __ATOMIC_SEQ_CST);
        }
    }
    case IR_MO_16: {
        uint16_t *q = p, x = (uint16_t)v;
        switch (opc) {
        case IR_ATOMIC_XCHG:
            return __atomic_exchange_n(q, x, __ATOMIC_SEQ_CST);
        case IR_ATOMIC_FETCH_ADD:
            return __atomic_fetch_add(q, x, __ATOMIC_SEQ_CST);
        case IR_ATOMIC_FETCH_AND:
            return __atomic_fetch_and(q, x, __ATOMIC_SEQ_CST);
        case IR_ATOMIC_FETCH_OR:
            return __atomic_fetch_or(q, x, __ATOMIC_SEQ_CST);
        default:
            return __atomic_fetch_xor(q, x, __ATOMIC_SEQ_CST);
        }
    }
    case IR_MO_32: {
        uint32_t *q = p, x = (uint32_t)v;
        switch (opc) {
        case IR_ATOMIC_XCHG:
            return __atomic_exchange_n(q, x, __ATOMIC_SEQ_CST);
        case IR_ATOMIC_FETCH_ADD:
            return __atomic_fetch_add(q, x, __ATOMIC_SEQ_CST);
        case IR_ATOMIC_FETCH_AND:
            return __atomic_fetch_and(q, x, __ATOMIC_SEQ_CST);
        case IR_ATOMIC_FETCH_OR:
            return __atomic_fetch_or(q, x, __ATOMIC_SEQ_CST);
        default:
            return __atomic_fetch_xor(q, x, __ATOMIC_SEQ_CST);
        }
    }
    default: {
        uint64_t *q = p;
        switch (opc) {
        case IR_ATOMIC_XCHG:
            return __atomic_exchange_n(q, v, __ATOMIC_SEQ_CST);
        case IR_ATOMIC_FETCH_ADD:
            return __atomic_fetch_add(q, v, __ATOMIC_SEQ_CST);
        case IR_ATOMIC_FETCH_AND:
            return __atomic_fetch_and(q, v, __ATOMIC_SEQ_CST);
        case IR_ATOMIC_FETCH_OR:
            return __atomic_fetch_or(q, v, __ATOMIC_SEQ_CST);
        default:
            return __atomic_fetch_xor(q, v, __ATOMIC_SEQ_CST);
        }
    }
    }
}

/* Atomic load of the memop's size, raw (memory order). */
static uint64_t interp_atomic_load_raw(const void *p, unsigned size)
{
    switch (size) {
    case IR_MO_8:
        return __atomic_load_n((const uint8_t *)p, __ATOMIC_RELAXED);
    case IR_MO_16:
        return __atomic_load_n((const uint16_t *)p, __ATOMIC_RELAXED);
    case IR_MO_32:
        return __atomic_load_n((const uint32_t *)p, __ATOMIC_RELAXED);
    default:
        return __atomic_load_n((const uint64_t *)p, __ATOMIC_RELAXED);
    }
}

uint64_t interp_atomic(CpuCommon *cpu, unsigned opc, uint64_t addr,
                       uint64_t a, uint64_t b, unsigned memop,
                       const void *ip)
{
    void *p = interp_haddr(cpu, addr, memop, ip);
    unsigned size = memop & IR_MO_SIZE;
    unsigned bytes = 1u << size;
    uint64_t old;

    if (opc == IR_ATOMIC_CMPXCHG) {
        old = interp_atomic_cas(p, size, interp_mo_fix_store(memop, a),
                                interp_mo_fix_store(memop, b));
    } else if (opc == IR_ATOMIC_FETCH_ADD && interp_mo_swap(memop)) {
        uint64_t seen = interp_atomic_load_raw(p, size);
        for (;;) {
            uint64_t sum = interp_bswap(bytes, seen) + a;
            uint64_t got = interp_atomic_cas(p, size, seen,
                                             interp_mo_fix_store(memop, sum));
            if (got == seen) {
                break;
            }
            seen = got;
        }
        old = seen;
    } else {
        old = interp_atomic_rmw(p, size, opc, interp_mo_fix_store(memop, a));
    }
    return interp_mo_fix_load(memop, old);
}

/* ---- Helper calls ------------------------------------------------------ */

uint64_t interp_call(const InterpCall *c, const uint64_t *args)
{
    union {
        uint32_t u32;
        uint64_t u64;
        void *ptr;
    } vals[IR_MAX_CALL_ARGS];
    void *avalues[IR_MAX_CALL_ARGS];
    union {
        ffi_arg arg;
        uint64_t u64;
        void *ptr;
    } ret;

    for (unsigned i = 0; i < c->nargs; i++) {
        switch (c->args[i]) {
        case IR_HT_I32:
            vals[i].u32 = (uint32_t)args[i];
            break;
        case IR_HT_I64:
            vals[i].u64 = args[i];
            break;
        default:
            vals[i].ptr = (void *)(uintptr_t)args[i];
            break;
        }
        avalues[i] = &vals[i];
    }
    ret.u64 = 0;
    ffi_call((ffi_cif *)&c->cif, c->func, &ret, avalues);
    switch (c->ret) {
    case IR_HT_I32:
        return (uint32_t)ret.arg;
    case IR_HT_I64:
        return ret.u64;
    case IR_HT_PTR:
        return (uintptr_t)ret.ptr;
    default:
        return 0;
    }
}

/* tests/diff/i386/gen-val.c — operand values of the floating-point and
 * SIMD families (zeros, denormals, infinities, NaNs with payloads,
 * extremes, integer boundaries and halfway values, plain random ones),
 * the setup stores that put them in memory and the FXRSTOR image a case
 * starts from. Bit patterns are built with integer operations only: the
 * generator also runs under emu, so it must not depend on emu's FPU.
 */
#include "gen-int.h"

#include <string.h>

/* (m, e2): an integer boundary or a halfway value next to one, as
 * m * 2^e2 (m with at most 64 bits). */
static uint64_t edge_int(Gen *g, int *e2)
{
    static const uint8_t ks[] = { 7, 8, 15, 16, 31, 32, 53, 62, 63 };
    unsigned k = ks[rndn(g, sizeof(ks))];
    int d = (int)rndn(g, 5) - 2;

    if (k == 63) {
        *e2 = 0;
        return (1ull << 63) + (uint64_t)(int64_t)d;
    }
    *e2 = -1;
    return (2ull << k) + (uint64_t)(int64_t)d;
}

/* The significand (with its leading one) and unbiased exponent of the
 * value m * 2^e2, cut to `bits` significant bits; m != 0. */
static uint64_t norm(uint64_t m, int e2, unsigned bits, int *exp)
{
    int msb = 63 - __builtin_clzll(m);

    if (msb >= (int)bits) {
        m >>= msb - (int)bits + 1;
        e2 += msb - (int)bits + 1;
        msb = (int)bits - 1;
    }
    *exp = msb + e2;
    return m << (bits - 1 - (unsigned)msb);
}

/* An exactly representable "number-like" value: small integers, halves,
 * boundaries. Returns m and e2 (m != 0). */
static uint64_t numlike(Gen *g, int *e2)
{
    switch (rndn(g, 3)) {
    case 0:
        *e2 = 0;
        return 1 + rndn(g, 100);
    case 1:
        *e2 = -(int)rndn(g, 3);
        return 1 + rndn(g, 64);
    default:
        return edge_int(g, e2);
    }
}

/* Common shape of binary32/binary64: fraction bits `fb`, exponent bits
 * `eb`. */
static uint64_t val_ieee(Gen *g, unsigned fb, unsigned eb)
{
    uint64_t sign = (uint64_t)rndn(g, 2) << (fb + eb);
    uint64_t fmask = (1ull << fb) - 1, emax = (1ull << eb) - 1;
    uint64_t bias = emax >> 1, f;
    int e2, exp;

    switch (rndn(g, 16)) {
    case 0:
        return sign;                                    /* zero */
    case 1:                                             /* denormal */
        f = rnd64(g) & fmask;
        if (chance(g, 30)) {
            f = chance(g, 50) ? 1 : fmask;
        }
        return sign | (f ? f : 1);
    case 2:
        return sign | emax << fb;                       /* infinity */
    case 3:                                             /* QNaN */
        f = chance(g, 40) ? 0 : rnd64(g) & (fmask >> 1);
        return sign | emax << fb | 1ull << (fb - 1) | f;
    case 4:                                             /* SNaN */
        f = rnd64(g) & (fmask >> 1);
        return sign | emax << fb | (f ? f : 1);
    case 5:                                             /* extremes */
        switch (rndn(g, 3)) {
        case 0:
            return sign | 1ull << fb;                   /* min normal */
        case 1:
            return sign | (emax - 1) << fb | fmask;     /* max */
        default:
            return sign | (1ull << fb) | (rnd64(g) & fmask);
        }
    case 6:
    case 7:
    case 8: {
        uint64_t m = numlike(g, &e2);

        f = norm(m, e2, fb + 1, &exp) & fmask;
        return sign | (uint64_t)(exp + (int)bias) << fb | f;
    }
    case 9:
    case 10:
    case 11:                                            /* near one */
        exp = (int)rndn(g, 41) - 20;
        return sign | (uint64_t)(exp + (int)bias) << fb | (rnd64(g) & fmask);
    case 12:
    case 13:                                            /* any finite */
        return sign | (uint64_t)(1 + rndn(g, (uint32_t)emax - 1)) << fb
               | (rnd64(g) & fmask);
    default:
        return rnd64(g) & (sign | emax << fb | fmask) ;
    }
}

uint32_t val_f32(Gen *g)
{
    return (uint32_t)val_ieee(g, 23, 8);
}

uint64_t val_f64(Gen *g)
{
    return val_ieee(g, 52, 11);
}

uint16_t val_f80(Gen *g, uint64_t *m)
{
    uint16_t sign = (uint16_t)(rndn(g, 2) << 15);
    uint64_t r = rnd64(g);
    int e2, exp;

    switch (rndn(g, 20)) {
    case 0:
        *m = 0;
        return sign;
    case 1:                                             /* denormal */
        *m = r >> 1 >> rndn(g, 63);
        *m = *m ? *m : 1;
        return sign;
    case 2:
        *m = 1ull << 63;                                /* infinity */
        return sign | 0x7fff;
    case 3:                                             /* QNaN */
        *m = 3ull << 62 | (chance(g, 40) ? 0 : r >> 2);
        return sign | 0x7fff;
    case 4:                                             /* SNaN */
        *m = 1ull << 63 | ((r >> 2) ? r >> 2 : 1);
        return sign | 0x7fff;
    case 5:
        switch (rndn(g, 4)) {
        case 0:
            *m = 1ull << 63;                            /* min normal */
            return sign | 1;
        case 1:
            *m = ~0ull;                                 /* max */
            return sign | 0x7ffe;
        case 2:                 /* pseudo-denormal, unnormal (rare) */
            *m = (r & ~(1ull << 63)) | (rndn(g, 2) ? 1ull << 63 : 0);
            return sign | (uint16_t)(*m >> 63 ? 0 : 1 + rndn(g, 0x7ffe));
        default:                /* pseudo-infinity/NaN: J clear */
            *m = r >> 1;
            return sign | 0x7fff;
        }
    case 6:
    case 7:
    case 8:
    case 9:
        *m = numlike(g, &e2);
        *m = norm(*m, e2, 64, &exp);
        return sign | (uint16_t)(exp + 16383);
    case 10:                    /* the binary32/64 values, widened */
    case 11: {
        uint64_t d = val_f64(g);
        unsigned de = (unsigned)(d >> 52) & 0x7ff;
        uint64_t f = d & ((1ull << 52) - 1);

        sign = (uint16_t)(d >> 63 << 15);
        if (de == 0x7ff) {
            *m = 1ull << 63 | f << 11;
            return sign | 0x7fff;
        }
        if (de == 0) {
            if (!f) {
                *m = 0;
                return sign;
            }
            *m = norm(f, -1074, 64, &exp);
            return sign | (uint16_t)(exp + 16383);
        }
        *m = 1ull << 63 | f << 11;
        return sign | (uint16_t)(de - 1023 + 16383);
    }
    case 12:
    case 13:
    case 14:
    case 15:                                            /* near one */
        *m = 1ull << 63 | r;
        return sign | (uint16_t)(16383 + (int)rndn(g, 81) - 40);
    case 16:
    case 17:                                            /* any finite */
        *m = 1ull << 63 | r;
        return sign | (uint16_t)(1 + rndn(g, 0x7ffe));
    default:
        *m = r;
        return (uint16_t)rnd(g);
    }
}

uint64_t val_int(Gen *g, unsigned bytes)
{
    uint64_t top = 1ull << (bytes * 8 - 1), v;

    switch (rndn(g, 6)) {
    case 0: {
        static const uint8_t d[] = { 0, 1, 2 };
        v = top - d[rndn(g, 3)];                        /* min, max */
        if (chance(g, 50)) {
            v = top + d[rndn(g, 3)];
        }
        break;
    }
    case 1:
        v = (uint64_t)(int64_t)((int)rndn(g, 201) - 100);
        break;
    case 2:
        v = (uint64_t)(int64_t)(int32_t)rnd_val(g);
        break;
    default:
        v = rnd64(g);
        break;
    }
    return bytes == 8 ? v : v & ((top << 1) - 1);
}

void val_bcd(Gen *g, uint8_t out[10])
{
    unsigned digits = chance(g, 30) ? rndn(g, 5) : 18;

    memset(out, 0, 10);
    for (unsigned i = 0; i < digits; i++) {
        unsigned d = chance(g, 10) ? 9 : rndn(g, 10);
        out[i / 2] |= (uint8_t)(d << (i & 1 ? 4 : 0));
    }
    out[9] = chance(g, 50) ? 0x80 : 0;
}

void store_bytes(Gen *g, uint32_t addr, const uint8_t *b, unsigned n)
{
    unsigned i = 0;

    for (; i + 4 <= n; i += 4) {
        e8(g, 0xc7);                            /* mov dword [addr], imm */
        e8(g, 0x05);
        e32(g, addr + i);
        e32(g, (uint32_t)b[i] | (uint32_t)b[i + 1] << 8
               | (uint32_t)b[i + 2] << 16 | (uint32_t)b[i + 3] << 24);
    }
    if (i + 2 <= n) {
        e8(g, 0x66);                            /* mov word [addr], imm */
        e8(g, 0xc7);
        e8(g, 0x05);
        e32(g, addr + i);
        e16(g, (uint32_t)b[i] | (uint32_t)b[i + 1] << 8);
        i += 2;
    }
    if (i < n) {
        e8(g, 0xc6);                            /* mov byte [addr], imm */
        e8(g, 0x05);
        e32(g, addr + i);
        e8(g, b[i]);
    }
}

static void put_le(uint8_t *b, uint64_t v, unsigned n)
{
    for (unsigned i = 0; i < n; i++) {
        b[i] = (uint8_t)(v >> (8 * i));
    }
}

/* n bytes of values of the kind into b. */
static void fill_vals(Gen *g, uint8_t *b, unsigned n, unsigned kind)
{
    unsigned i = 0;

    while (i < n) {
        uint64_t m;

        switch (kind) {
        case VK_F32:
            put_le(b + i, val_f32(g), n - i < 4 ? n - i : 4);
            i += 4;
            break;
        case VK_F64:
            put_le(b + i, val_f64(g), n - i < 8 ? n - i : 8);
            i += 8;
            break;
        case VK_F80:
            if (n - i >= 10) {
                uint16_t se = val_f80(g, &m);
                put_le(b + i, m, 8);
                put_le(b + i + 8, se, 2);
            }
            i += 10;
            break;
        case VK_BCD:
            if (n - i >= 10) {
                val_bcd(g, b + i);
            }
            i += 10;
            break;
        default: {
            unsigned w = n - i >= 8 && chance(g, 30) ? 8
                         : n - i >= 4 ? 4 : n - i;
            put_le(b + i, val_int(g, w == 8 ? 8 : w == 4 ? 4 : 2), w);
            i += w;
            break;
        }
        }
    }
}

void store_vals(Gen *g, uint32_t addr, unsigned n, unsigned kind)
{
    uint8_t b[32];

    fill_vals(g, b, n, kind);
    store_bytes(g, addr, b, n);
}

void val_fx_image(Gen *g, uint8_t img[512])
{
    static const uint8_t pcs[] = { 0, 2, 3, 3 };
    unsigned top = rndn(g, 8), depth = rndn(g, 9);
    uint16_t fcw, fsw;
    uint8_t ftw = 0;
    uint32_t mxcsr;

    memset(img, 0, 512);
    /* Every exception masked: an unmasked one would trap natively. */
    fcw = (uint16_t)(0x40 | 0x3f | pcs[rndn(g, 4)] << 8 | rndn(g, 4) << 10);
    fsw = (uint16_t)((rnd(g) & 0x4700) | top << 11);
    if (chance(g, 30)) {
        fsw |= (uint16_t)(rnd(g) & 0x7f);
    }
    for (unsigned i = 0; i < depth; i++) {
        ftw |= (uint8_t)(1u << ((top + i) & 7));
    }
    if (chance(g, 10)) {
        ftw = (uint8_t)rnd(g);
    }
    put_le(img, fcw, 2);
    put_le(img + 2, fsw, 2);
    img[4] = ftw;
    mxcsr = 0x1f80 | rndn(g, 4) << 13;
    if (chance(g, 25)) {
        mxcsr |= 0x8000;                        /* FTZ */
    }
    if (chance(g, 25)) {
        mxcsr |= 0x40;                          /* DAZ */
    }
    if (chance(g, 30)) {
        mxcsr |= rnd(g) & 0x3f;
    }
    put_le(img + 24, mxcsr, 4);
    for (unsigned i = 0; i < 8; i++) {
        uint64_t m;
        uint16_t se = val_f80(g, &m);

        put_le(img + 32 + 16 * i, m, 8);
        put_le(img + 40 + 16 * i, se, 2);
    }
    for (unsigned i = 0; i < 8; i++) {
        static const uint8_t kinds[] = { VK_F32, VK_F64, VK_INT };
        fill_vals(g, img + 160 + 16 * i, 16, kinds[rndn(g, 3)]);
    }
}

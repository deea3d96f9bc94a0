/* tests/diff/i386/gen-int.h — what the generator's files share: the
 * generator context, random numbers, code emission, operand builders
 * (gen.c) and the families of the x87 (gen-x87.c) and of MMX/SSE
 * (gen-simd.c), with their operand values (gen-val.c).
 */
#ifndef EMU_TESTS_DIFF_I386_GEN_INT_H
#define EMU_TESTS_DIFF_I386_GEN_INT_H

#include "gen.h"

enum { EAX, ECX, EDX, EBX, ESP, EBP, ESI, EDI };

typedef struct Gen {
    uint8_t *p, *base;
    uint64_t s;
    uint32_t undef;         /* EFLAGS bits undefined now */
    int depth;              /* bytes pushed since the start */
    int df;                 /* 0, 1, or -1 unknown */
    bool inner;             /* a unit a branch may skip: no stack, no
                               nested branch */
    /* The x87 stack as the generator expects it: TOP and one valid bit
     * per physical register (it guides the choice of pushes and pops;
     * stack faults stay possible on purpose). `mmx`: the last FPU user
     * was an MMX instruction (TOP 0, all valid). */
    unsigned fp_top;
    uint8_t fp_valid;
    bool mmx;
    const DiffOptions *opt;
    FILE *log;
} Gen;

/* A ModRM operand: a register or a memory form already set up. */
typedef struct Rm {
    bool mem;
    uint8_t mod, rm, sib;
    bool has_sib;
    uint8_t dsize;          /* 0, 1, 2 or 4 */
    uint32_t disp;
    uint8_t seg;            /* segment override prefix or 0 */
    uint32_t addr;          /* effective address (memory) */
} Rm;

/* ---- Random numbers (splitmix64) -------------------------------------- */

static inline uint64_t rnd64(Gen *g)
{
    uint64_t z = (g->s += 0x9e3779b97f4a7c15ull);

    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static inline uint32_t rnd(Gen *g)
{
    return (uint32_t)(rnd64(g) >> 32);
}

static inline uint32_t rndn(Gen *g, uint32_t n)
{
    return (uint32_t)(((uint64_t)rnd(g) * n) >> 32);
}

static inline bool chance(Gen *g, unsigned pct)
{
    return rndn(g, 100) < pct;
}

/* ---- Emission --------------------------------------------------------- */

static inline void e8(Gen *g, uint32_t v)
{
    *g->p++ = (uint8_t)v;
}

static inline void e16(Gen *g, uint32_t v)
{
    e8(g, v);
    e8(g, v >> 8);
}

static inline void e32(Gen *g, uint32_t v)
{
    e16(g, v);
    e16(g, v >> 16);
}

/* gen.c */
uint32_t rnd_val(Gen *g);
void mov_imm(Gen *g, int reg, uint32_t v);
void flags_set(Gen *g, uint32_t defined, uint32_t undefined);
void flags_need(Gen *g, uint32_t mask);
uint32_t cc_flags(unsigned cc);
void rm_reg(Rm *o, int r);
/* A memory operand of `span` bytes at an address aligned to `align`
 * (a power of two; 1: any). */
void rm_mem_aligned(Gen *g, Rm *o, unsigned span, uint32_t avoid,
                    unsigned align);
void prefixes(Gen *g, unsigned size, const Rm *o, bool lock);
void modrm(Gen *g, const Rm *o, unsigned reg);

/* gen-val.c: operand values with a taste for the interesting ones
 * (zeros, denormals, infinities, NaNs with payloads, extremes, integer
 * boundaries, ties), and setup stores that put them in memory. */
uint32_t val_f32(Gen *g);
uint64_t val_f64(Gen *g);
/* An 80-bit value: significand in *m, sign and exponent returned. */
uint16_t val_f80(Gen *g, uint64_t *m);
uint64_t val_int(Gen *g, unsigned bytes);
void val_bcd(Gen *g, uint8_t out[10]);
/* Setup: stores n bytes at the absolute address addr (MOV m, imm). */
void store_bytes(Gen *g, uint32_t addr, const uint8_t *b, unsigned n);
/* Fills n bytes at addr with values of the kind (VK_*). */
enum { VK_INT, VK_F32, VK_F64, VK_F80, VK_BCD, VK_COUNT };
void store_vals(Gen *g, uint32_t addr, unsigned n, unsigned kind);
/* The FXRSTOR image the case starts from (x87 registers and state with
 * every exception masked, MMX/XMM registers, MXCSR). */
void val_fx_image(Gen *g, uint8_t img[512]);

/* gen-x87.c: x87 families; gen-simd.c: MMX and SSE families. */
const char *gen_x87_load(Gen *g);
const char *gen_x87_store(Gen *g);
const char *gen_x87_arith(Gen *g);
const char *gen_x87_cmp(Gen *g);
const char *gen_x87_misc(Gen *g);
const char *gen_x87_trans(Gen *g);
const char *gen_x87_ctl(Gen *g);
const char *gen_mmx(Gen *g);
const char *gen_sse_fp(Gen *g);
const char *gen_sse_conv(Gen *g);
const char *gen_sse_int(Gen *g);
const char *gen_sse_shuf(Gen *g);
const char *gen_sse_mxcsr(Gen *g);

#endif

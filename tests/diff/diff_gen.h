/* tests/diff/diff_gen.h — the random micro-op block generator of the
 * JIT-vs-interpreter differential test: a fake CPU state, its globals,
 * test helpers and a generator that covers every op class of ir_ops.h.
 */
#ifndef EMU_TESTS_DIFF_GEN_H
#define EMU_TESTS_DIFF_GEN_H

#include <stddef.h>
#include <stdint.h>

#include "core/exec.h"
#include "core/ir.h"

enum {
    DIFF_NB_G32 = 16,
    DIFF_NB_G64 = 8,
    DIFF_SCRATCH = 64,          /* bytes reached by LD / ST only */
    DIFF_NB_KVAL = 4,           /* read-only values: 0, -1, MIN, 1 */
    DIFF_MEM_SIZE = 4096,       /* guest addresses are below this */
    DIFF_MEM_ALLOC = DIFF_MEM_SIZE + 16,
};

/* The fake guest state: CpuCommon first, then what the test compares. */
typedef struct DiffState {
    CpuCommon common;
    uint32_t r32[DIFF_NB_G32];      /* globals */
    uint64_t r64[DIFF_NB_G64];      /* globals */
    uint8_t scratch[DIFF_SCRATCH];  /* not globals: LD / ST */
    uint32_t k32[DIFF_NB_KVAL];     /* not globals, never written: LD */
    uint64_t k64[DIFF_NB_KVAL];
    uint64_t helper_log;            /* hash of env-helper calls in order */
} DiffState;

/* Temp numbers of the globals, fixed for the life of an IrBlock. */
typedef struct DiffGlobals {
    IrTemp g32[DIFF_NB_G32];
    IrTemp g64[DIFF_NB_G64];
} DiffGlobals;

typedef struct DiffRng {
    uint64_t s;
} DiffRng;

void diff_rng_seed(DiffRng *r, uint64_t seed);
uint64_t diff_rng_next(DiffRng *r);
/* Uniform in [0, n), n > 0. */
uint32_t diff_rng_below(DiffRng *r, uint32_t n);
/* The seed of block number `index` of a run seeded with `seed`. */
uint64_t diff_block_seed(uint64_t seed, uint64_t index);

/* Registers the globals in a fresh (or reset-to-globals) block. */
void diff_init_globals(IrBlock *b, DiffGlobals *g);

/* Appends a random block built from `seed` to b (which holds only the
 * globals of diff_init_globals). The same seed gives the same block. */
void diff_gen_block(IrBlock *b, const DiffGlobals *g, uint64_t seed);

/* Fills the compared part of the state and the guest memory from seed;
 * CpuCommon is zeroed except guest_base (left for the caller). */
void diff_gen_state(DiffState *st, uint8_t *mem, uint64_t seed);

/* Names the state byte at `off` ("r32[3]", "scratch+12"...) in buf. */
const char *diff_field_name(size_t off, char *buf, size_t len);

#endif

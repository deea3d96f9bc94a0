/* tests/unit/ir_rand.h — TEST ONLY: random valid IrBlocks for the
 * optimizer and i64-lowering semantic tests (evaluated by ir_eval.c).
 */
#ifndef EMU_TESTS_IR_RAND_H
#define EMU_TESTS_IR_RAND_H

#include <stdbool.h>
#include <stdint.h>

#include "core/ir.h"

typedef struct IrRandOpts {
    unsigned nb_ops;        /* roughly how many ops */
    bool branches;          /* forward brcond/br and labels */
    bool side_effects;      /* guest memory, env LD/ST, helper calls */
    unsigned pct_i64;       /* share of i64 arithmetic, 0..100 */
    bool no_atomic64;       /* no 64-bit-sized atomics (i64 lowering) */
} IrRandOpts;

/* Fake CPU-state layout used by the generated blocks: i32 globals g0..g7
 * at 0..28, i64 globals x0..x3 at 32..56, other fields from 64. */
#define IR_RAND_NB_G32 8
#define IR_RAND_NB_G64 4

/* Fills b (fresh from ir_block_new) with a random block; *seed advances. */
void ir_rand_block(IrBlock *b, uint64_t *seed, const IrRandOpts *o);

/* Fills buf with random bytes from *seed. */
void ir_rand_bytes(uint8_t *buf, unsigned n, uint64_t *seed);

#endif

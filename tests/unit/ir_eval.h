/* tests/unit/ir_eval.h — TEST ORACLE ONLY: a slow, independent reference
 * evaluator of IrBlocks used by the optimizer and i64-lowering unit tests
 * to check that a pass does not change what a block computes.
 */
#ifndef EMU_TESTS_IR_EVAL_H
#define EMU_TESTS_IR_EVAL_H

#include <stdbool.h>
#include <stdint.h>

#include "core/ir.h"

#define IR_EVAL_ENV_SIZE 512    /* fake CPU state: globals live here */
#define IR_EVAL_MEM_SIZE 256    /* fake guest memory; beyond it faults */

typedef enum IrEvalExit {
    IR_EVAL_FELL_OFF = 0,   /* ran past the last op */
    IR_EVAL_EXIT_TB,
    IR_EVAL_EXIT_LOOKUP,
    IR_EVAL_FAULT,          /* guest access out of range or unaligned */
    IR_EVAL_STEP_LIMIT,     /* looped too long */
} IrEvalExit;

typedef struct IrEvalState {
    _Alignas(16) uint8_t env[IR_EVAL_ENV_SIZE];
    uint8_t mem[IR_EVAL_MEM_SIZE];
    IrEvalExit exit;
    uint64_t exit_val;      /* EXIT_TB's value; fault address */
    uint32_t goto_tb_count; /* GOTO_TB ops passed */
} IrEvalState;

/* Runs b on st (env and mem are inputs and outputs). Temps that are not
 * globals start with garbage derived from poison_seed, and ephemerals get
 * fresh garbage at every label, so a pass that reads a dead value shows.
 * Aborts on ops the oracle does not know or a malformed block. */
void ir_eval_run(const IrBlock *b, IrEvalState *st, uint64_t poison_seed);

#endif

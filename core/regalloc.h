/* core/regalloc.h — liveness and a local register allocator shared by the
 * JIT backends. It knows host registers only as numbers in a bitmask; the
 * backend drives it op by op, passing each operand's register constraints,
 * and supplies four emit callbacks (load, store, move, move-immediate).
 *
 * Model (close to QEMU TCG's local allocator): every temp is dead, in a
 * register, in memory, or a constant. Globals live in the CPU state (env +
 * offset) and are cached in registers within a basic block; locals and
 * spilled ephemerals live in slots of a frame shared by all blocks.
 *
 * Per op the backend calls, in this order:
 *   ra_in / ra_in_copy / ra_scratch / ra_clobber   (inputs, scratch)
 *   ra_out                                           (outputs)
 *   ...emits the instruction...
 *   ra_op_end                                        (frees dead temps)
 * Sync points (ra_sync_globals, ra_bb_end, ra_label_reset, ra_save_globals)
 * emit only stores, never touch flags, and are called between ops.
 */
#ifndef EMU_CORE_REGALLOC_H
#define EMU_CORE_REGALLOC_H

#include <stdbool.h>
#include <stdint.h>

#include "ir.h"

#define RA_MAX_REGS 32

/* What the backend tells the allocator about the host. */
typedef struct RaHost {
    uint32_t allocatable;       /* registers the allocator may hand out */
    uint32_t call_clobbered;    /* registers a helper call destroys */
    const int8_t *order;        /* allocation preference, `norder` regs */
    uint32_t norder;
    int env_reg;                /* holds the env temp (never allocated) */
    int frame_reg;              /* base of the spill frame */
    int32_t frame_off;          /* offset of slot 0 from frame_reg */
    uint32_t frame_slots;       /* 8-byte slots in the frame */
    /* Emitters; `ctx` is the backend's context. Must not change flags. */
    void (*ld)(void *ctx, IrType type, int reg, int base, int32_t off);
    void (*st)(void *ctx, IrType type, int reg, int base, int32_t off);
    void (*mov)(void *ctx, IrType type, int dst, int src);
    void (*movi)(void *ctx, IrType type, int reg, uint64_t val);
} RaHost;

enum {
    RA_DEAD = 0,
    RA_REG,
    RA_MEM,
    RA_CONST,
};

typedef struct RaTemp {
    uint8_t state;      /* RA_* */
    int8_t reg;         /* RA_REG: the register */
    bool coherent;      /* RA_REG: the memory copy holds the same value */
    bool has_slot;      /* locals/ephemerals: a frame slot is assigned */
    int32_t slot;
} RaTemp;

/* What the allocator knows of one label (ra_init, ra_branch). */
typedef struct RaLabel {
    uint16_t refs;          /* branches to it that come before it */
    uint16_t seen;          /* of those, how many were generated */
    bool back;              /* some branch to it comes after it */
    uint32_t dirty;         /* snapshot registers whose memory is stale */
    int32_t *snap;          /* RA_MAX_REGS entries once a branch is seen:
                               the global/local each register holds */
} RaLabel;

typedef struct RaState {
    const RaHost *host;
    void *ctx;
    IrBlock *b;
    void *mem;              /* one allocation holding the arrays below */
    RaTemp *temps;          /* nb_temps entries */
    uint32_t *dead;         /* per op: bit k set when args[k] dies there */
    /* Frame slots: owner temp of each slot below slots_hwm, or -1 when
     * free (allocated on first use; frame_slots entries). */
    int32_t *slot_temp;
    uint32_t slots_hwm;
    int32_t reg_temp[RA_MAX_REGS];  /* owner temp, or -1 */
    uint32_t occupied;      /* registers with an owner (reg_temp >= 0) */
    uint32_t locked;        /* registers in use by the current op */
    /* The block's locals (they go back to memory at every label). */
    IrTemp *locals;
    uint32_t nb_locals;
    /* The death bits of locals are exact (every branch goes forward): a
     * local that dies is dropped, never stored. */
    bool locals_exact;
    RaLabel *labels;        /* nb_labels entries */
    /* Per op: the next op after it that syncs globals to memory comes
     * before any branch or label that keeps them in registers. */
    uint8_t *sync_ahead;
    int32_t *snaps;         /* snapshot storage, RA_MAX_REGS per label */
    /* The snapshot of the last forward label branched to and not yet
     * placed: outputs prefer the register it has for them, so the
     * fall-through needs no moves at the label. */
    const int32_t *hint;
    uint32_t hint_label;
    uint32_t cur_op;
    bool inputs_done;
    bool failed;            /* ran out of frame slots */
} RaState;

/* Computes per-op death bits for b into dead[nb_ops] (caller allocates).
 * Backwards over the block: everything is dead at the end, after BR and
 * exits, and before a label; BRCOND keeps the fall-through's liveness.
 * ENV and constants never die. */
void ra_liveness(const IrBlock *b, uint32_t *dead);

/* Sets up the allocator for b (runs liveness). Returns false on
 * allocation failure. Free with ra_free(). */
bool ra_init(RaState *ra, IrBlock *b, const RaHost *host, void *ctx);
void ra_free(RaState *ra);

/* Starts op `idx` (ops must be visited in order). */
void ra_op_begin(RaState *ra, uint32_t idx);
/* True when args[k] of the current op dies at it. */
bool ra_arg_dies(const RaState *ra, unsigned k);

/* A constant temp: true and its value (masked to its type). */
bool ra_const_val(const RaState *ra, IrTemp t, uint64_t *val);

/* Puts temp t in a register of `mask` (it stays t's home) and locks it
 * for the op. The env temp always returns env_reg. */
int ra_in(RaState *ra, IrTemp t, uint32_t mask);
/* Copies t's value into a register of `mask` that the op may destroy;
 * t keeps its own location. */
int ra_in_copy(RaState *ra, IrTemp t, uint32_t mask);
/* A locked scratch register from `mask` (its occupant is saved). */
int ra_scratch(RaState *ra, uint32_t mask);
/* Frees every register in mask (saving live values elsewhere) and locks
 * them as scratch for the op. */
void ra_clobber(RaState *ra, uint32_t mask);
/* Releases the current op's dying inputs (storing globals/locals that
 * are not rewritten by the op). Called implicitly by ra_out/ra_op_end. */
void ra_inputs_done(RaState *ra);
/* Register for output t, from `mask`; a register in `alias` (a dead
 * input's or a scratch register) is preferred and may be reused. */
int ra_out(RaState *ra, IrTemp t, uint32_t mask, uint32_t alias);
/* For an op that writes output t (a global) straight to its memory home
 * in the CPU state: drops any register copy of t. Call after the inputs
 * are in registers, instead of ra_out(). */
void ra_out_mem(RaState *ra, IrTemp t);
/* True when the globals of the current op reach memory at a sync point
 * before any branch or label that could keep them in registers: storing
 * one now costs no extra store. */
bool ra_sync_ahead(const RaState *ra);
/* Ends the op: frees dead outputs (syncing globals/locals), unlocks. */
void ra_op_end(RaState *ra);

/* Stores dirty globals (and locals with `locals`) kept in registers; the
 * register copies stay valid. */
void ra_sync(RaState *ra, bool locals);
/* Syncs and drops every global from registers (before a helper that may
 * write globals). */
void ra_save_globals(RaState *ra);
/* At a label: every register is free, globals and locals are in memory,
 * ephemerals are dead. Call after ra_sync(ra, true). */
void ra_label_reset(RaState *ra);

/* Branches and labels. Globals and locals stay in registers across a
 * label that only forward branches reach:
 *   before a BR/BRCOND op (instead of the ra_sync of a block end):
 *     ra_branch_sync(ra, label);
 *   right after emitting its jump (before ra_op_end):
 *     ra_branch_taken(ra, label);
 *   at the label (instead of ra_sync + ra_label_reset), where
 *   `fallthrough` says whether the previous op can fall into it:
 *     ra_label(ra, label, fallthrough);
 * ra_label() may emit moves, loads and stores on the fall-through path
 * so that the registers agree with what every branch left there.
 * A label with a later (backward) branch keeps the plain protocol: all
 * in memory. */
void ra_branch_sync(RaState *ra, uint32_t label);
void ra_branch_taken(RaState *ra, uint32_t label);
void ra_label(RaState *ra, uint32_t label, bool fallthrough);

#endif

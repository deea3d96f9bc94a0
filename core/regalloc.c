/* core/regalloc.c — liveness and the local register allocator used by the
 * JIT backends (see regalloc.h for the model and the calling protocol).
 * Host-neutral: registers are bit numbers; code comes from RaHost hooks.
 */
#include "regalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool ra_kind_fixed(uint8_t kind)
{
    return kind == IR_TEMP_ENV || kind == IR_TEMP_CONST;
}

void ra_liveness(const IrBlock *b, uint32_t *dead)
{
    uint8_t *live = calloc(b->nb_temps ? b->nb_temps : 1, 1);
    if (!live) {
        abort();
    }
    for (uint32_t i = b->nb_ops; i-- > 0;) {
        const IrOp *op = &b->ops[i];
        uint32_t flags = ir_op_defs[op->opc].flags;
        uint32_t bits = 0;

        if (op->opc == IR_NOP) {
            dead[i] = 0;
            continue;
        }
        if (op->opc == IR_BR || (flags & IR_OPF_EXIT)) {
            memset(live, 0, b->nb_temps);
        }
        for (unsigned k = 0; k < op->nout; k++) {
            IrTemp t = (IrTemp)op->args[k];
            if (ra_kind_fixed(b->temps[t].kind)) {
                continue;
            }
            if (!live[t]) {
                bits |= 1u << k;
            }
            live[t] = 0;
        }
        for (unsigned k = op->nout; k < op->nout + op->nin; k++) {
            IrTemp t = (IrTemp)op->args[k];
            if (ra_kind_fixed(b->temps[t].kind)) {
                continue;
            }
            if (!live[t]) {
                bits |= 1u << k;
            }
            live[t] = 1;
        }
        dead[i] = bits;
        if (flags & IR_OPF_BB_START) {
            /* Nothing is carried in registers into a label. */
            memset(live, 0, b->nb_temps);
        }
    }
    free(live);
}

bool ra_init(RaState *ra, IrBlock *b, const RaHost *host, void *ctx)
{
    memset(ra, 0, sizeof(*ra));
    ra->host = host;
    ra->ctx = ctx;
    ra->b = b;
    ra->temps = calloc(b->nb_temps ? b->nb_temps : 1, sizeof(RaTemp));
    ra->dead = calloc(b->nb_ops ? b->nb_ops : 1, sizeof(uint32_t));
    ra->slot_used = calloc(host->frame_slots ? host->frame_slots : 1, 1);
    if (!ra->temps || !ra->dead || !ra->slot_used) {
        ra_free(ra);
        return false;
    }
    for (int r = 0; r < RA_MAX_REGS; r++) {
        ra->reg_temp[r] = -1;
    }
    for (uint32_t t = 0; t < b->nb_temps; t++) {
        RaTemp *ts = &ra->temps[t];
        switch (b->temps[t].kind) {
        case IR_TEMP_ENV:
            ts->state = RA_REG;
            ts->reg = (int8_t)host->env_reg;
            ts->coherent = true;
            break;
        case IR_TEMP_CONST:
            ts->state = RA_CONST;
            break;
        case IR_TEMP_GLOBAL:
        case IR_TEMP_LOCAL:
            ts->state = RA_MEM;
            break;
        default:
            ts->state = RA_DEAD;
            break;
        }
    }
    ra_liveness(b, ra->dead);
    return true;
}

void ra_free(RaState *ra)
{
    free(ra->temps);
    free(ra->dead);
    free(ra->slot_used);
    ra->temps = NULL;
    ra->dead = NULL;
    ra->slot_used = NULL;
}

void ra_op_begin(RaState *ra, uint32_t idx)
{
    ra->cur_op = idx;
    ra->locked = 0;
    ra->inputs_done = false;
}

bool ra_arg_dies(const RaState *ra, unsigned k)
{
    return (ra->dead[ra->cur_op] >> k) & 1;
}

bool ra_const_val(const RaState *ra, IrTemp t, uint64_t *val)
{
    const IrTempInfo *ti = &ra->b->temps[t];
    if (ti->kind != IR_TEMP_CONST) {
        return false;
    }
    *val = ti->type == IR_I32 ? (uint32_t)ti->val : ti->val;
    return true;
}

/* ---- Memory homes ---------------------------------------------------- */

static void ra_alloc_slot(RaState *ra, IrTemp t)
{
    RaTemp *ts = &ra->temps[t];
    if (ts->has_slot) {
        return;
    }
    for (uint32_t s = 0; s < ra->host->frame_slots; s++) {
        if (!ra->slot_used[s]) {
            ra->slot_used[s] = 1;
            ts->slot = (int32_t)s;
            ts->has_slot = true;
            return;
        }
    }
    /* Out of frame: the block cannot be compiled. Keep going with slot 0
     * so emission finishes; the backend checks ra->failed. */
    ra->failed = true;
    ts->slot = 0;
    ts->has_slot = true;
}

static void ra_free_slot(RaState *ra, IrTemp t)
{
    RaTemp *ts = &ra->temps[t];
    if (ts->has_slot && ra->b->temps[t].kind == IR_TEMP_EPHEMERAL) {
        if (!ra->failed) {
            ra->slot_used[ts->slot] = 0;
        }
        ts->has_slot = false;
    }
}

static void ra_mem_loc(RaState *ra, IrTemp t, int *base, int32_t *off)
{
    const IrTempInfo *ti = &ra->b->temps[t];
    if (ti->kind == IR_TEMP_GLOBAL) {
        *base = ra->host->env_reg;
        *off = ti->offset;
        return;
    }
    ra_alloc_slot(ra, t);
    *base = ra->host->frame_reg;
    *off = ra->host->frame_off + 8 * ra->temps[t].slot;
}

static IrType ra_type(const RaState *ra, IrTemp t)
{
    return (IrType)ra->b->temps[t].type;
}

/* Makes the memory copy of t (in a register) current. */
static void ra_store(RaState *ra, IrTemp t)
{
    RaTemp *ts = &ra->temps[t];
    if (ts->state != RA_REG || ts->coherent) {
        return;
    }
    int base;
    int32_t off;
    ra_mem_loc(ra, t, &base, &off);
    ra->host->st(ra->ctx, ra_type(ra, t), ts->reg, base, off);
    ts->coherent = true;
}

/* Drops t's register without saving: state becomes MEM (value kept in
 * memory) or DEAD. */
static void ra_detach(RaState *ra, IrTemp t, bool to_mem)
{
    RaTemp *ts = &ra->temps[t];
    if (ts->state == RA_REG) {
        ra->reg_temp[(int)ts->reg] = -1;
    }
    if (to_mem) {
        ts->state = RA_MEM;
    } else {
        ts->state = RA_DEAD;
        ra_free_slot(ra, t);
    }
}

/* Saves the occupant of reg to memory and frees reg. */
static void ra_evict(RaState *ra, int reg)
{
    int32_t t = ra->reg_temp[reg];
    if (t < 0) {
        return;
    }
    ra_store(ra, (IrTemp)t);
    ra_detach(ra, (IrTemp)t, true);
}

static uint32_t ra_occupied(const RaState *ra)
{
    uint32_t m = 0;
    for (int r = 0; r < RA_MAX_REGS; r++) {
        if (ra->reg_temp[r] >= 0) {
            m |= 1u << r;
        }
    }
    return m;
}

/* A free register of mask in preference order, or -1. */
static int ra_find_free(const RaState *ra, uint32_t mask)
{
    uint32_t ok = mask & ~ra->locked & ~ra_occupied(ra);
    for (uint32_t i = 0; i < ra->host->norder; i++) {
        int r = ra->host->order[i];
        if (ok & (1u << r)) {
            return r;
        }
    }
    for (int r = 0; r < RA_MAX_REGS; r++) {
        if (ok & (1u << r)) {
            return r;
        }
    }
    return -1;
}

/* An unlocked register of mask, evicting its occupant if needed. */
static int ra_pick(RaState *ra, uint32_t mask)
{
    int r = ra_find_free(ra, mask);
    if (r >= 0) {
        return r;
    }
    uint32_t cand = mask & ~ra->locked;
    int victim = -1;
    for (uint32_t i = 0; i < ra->host->norder && victim < 0; i++) {
        int c = ra->host->order[i];
        if ((cand & (1u << c)) && ra->reg_temp[c] >= 0 &&
            ra->temps[ra->reg_temp[c]].coherent) {
            victim = c;
        }
    }
    for (int c = 0; c < RA_MAX_REGS && victim < 0; c++) {
        if (cand & (1u << c)) {
            victim = c;
        }
    }
    if (victim < 0) {
        fprintf(stderr, "emu: regalloc: no register satisfies mask 0x%x\n",
                mask);
        abort();
    }
    ra_evict(ra, victim);
    return victim;
}

/* Loads t's value (wherever it is) into reg, which t does not own. */
static void ra_load_value(RaState *ra, IrTemp t, int reg)
{
    RaTemp *ts = &ra->temps[t];
    IrType type = ra_type(ra, t);
    uint64_t v;
    if (ra_const_val(ra, t, &v)) {
        ra->host->movi(ra->ctx, type, reg, v);
    } else if (ts->state == RA_REG) {
        if (ts->reg != reg) {
            ra->host->mov(ra->ctx, type, reg, ts->reg);
        }
    } else if (ts->state == RA_MEM) {
        int base;
        int32_t off;
        ra_mem_loc(ra, t, &base, &off);
        ra->host->ld(ra->ctx, type, reg, base, off);
    }
    /* RA_DEAD: an undefined value; any register content will do. */
}

int ra_in(RaState *ra, IrTemp t, uint32_t mask)
{
    RaTemp *ts = &ra->temps[t];
    const IrTempInfo *ti = &ra->b->temps[t];
    if (ti->kind == IR_TEMP_ENV) {
        return ra->host->env_reg;
    }
    if (ti->kind == IR_TEMP_CONST) {
        int r = ra_pick(ra, mask);
        ra_load_value(ra, t, r);
        ra->locked |= 1u << r;
        return r;
    }
    if (ts->state == RA_REG) {
        int old = ts->reg;
        if (mask & (1u << old)) {
            ra->locked |= 1u << old;
            return old;
        }
        int r = ra_pick(ra, mask);
        ra->host->mov(ra->ctx, ra_type(ra, t), r, old);
        if (!(ra->locked & (1u << old))) {
            /* Move t's home to r. */
            ra->reg_temp[old] = -1;
            ra->reg_temp[r] = (int32_t)t;
            ts->reg = (int8_t)r;
        }
        ra->locked |= 1u << r;
        return r;
    }
    int r = ra_pick(ra, mask);
    bool was_mem = ts->state == RA_MEM;
    ra_load_value(ra, t, r);
    ts->state = RA_REG;
    ts->reg = (int8_t)r;
    ts->coherent = was_mem;
    ra->reg_temp[r] = (int32_t)t;
    ra->locked |= 1u << r;
    return r;
}

/* True when t is read by exactly one input of the current op and dies
 * there, so its register can be handed over to the op. */
static bool ra_dies_here(const RaState *ra, IrTemp t)
{
    const IrOp *op = &ra->b->ops[ra->cur_op];
    unsigned uses = 0;
    bool dies = false;
    for (unsigned k = op->nout; k < op->nout + op->nin; k++) {
        if ((IrTemp)op->args[k] == t) {
            uses++;
            dies |= ra_arg_dies(ra, k);
        }
    }
    return uses == 1 && dies;
}

int ra_in_copy(RaState *ra, IrTemp t, uint32_t mask)
{
    RaTemp *ts = &ra->temps[t];
    const IrTempInfo *ti = &ra->b->temps[t];
    if (ti->kind != IR_TEMP_ENV && ts->state == RA_REG &&
        (mask & (1u << ts->reg)) && !(ra->locked & (1u << ts->reg))) {
        /* The value is already in an acceptable register: take it over
         * and give t another home (or none). */
        int r = ts->reg;
        if (ra_dies_here(ra, t) && (ts->coherent ||
                                    ti->kind == IR_TEMP_EPHEMERAL)) {
            ra_detach(ra, t, ti->kind != IR_TEMP_EPHEMERAL);
        } else {
            int other = ra_find_free(ra, ra->host->allocatable & ~mask &
                                         ~(1u << r));
            if (other >= 0) {
                ra->host->mov(ra->ctx, ra_type(ra, t), other, r);
                ra->reg_temp[r] = -1;
                ra->reg_temp[other] = (int32_t)t;
                ts->reg = (int8_t)other;
            } else {
                ra_evict(ra, r);
            }
        }
        ra->locked |= 1u << r;
        return r;
    }
    int r = ra_pick(ra, mask);
    if (ti->kind == IR_TEMP_ENV) {
        ra->host->mov(ra->ctx, (IrType)IR_PTR, r, ra->host->env_reg);
    } else {
        ra_load_value(ra, t, r);
    }
    ra->locked |= 1u << r;
    return r;
}

int ra_scratch(RaState *ra, uint32_t mask)
{
    int r = ra_pick(ra, mask);
    ra->locked |= 1u << r;
    return r;
}

void ra_clobber(RaState *ra, uint32_t mask)
{
    for (int r = 0; r < RA_MAX_REGS; r++) {
        if (!(mask & (1u << r))) {
            continue;
        }
        int32_t t = ra->reg_temp[r];
        if (t >= 0) {
            if (ra->locked & (1u << r)) {
                fprintf(stderr, "emu: regalloc: clobbering a locked input\n");
                abort();
            }
            int other = ra_find_free(ra, ra->host->allocatable & ~mask);
            if (other >= 0) {
                ra->host->mov(ra->ctx, ra_type(ra, (IrTemp)t), other, r);
                ra->reg_temp[r] = -1;
                ra->reg_temp[other] = t;
                ra->temps[t].reg = (int8_t)other;
            } else {
                ra_evict(ra, r);
            }
        }
        ra->locked |= 1u << r;
    }
}

static bool ra_is_output(const RaState *ra, IrTemp t)
{
    const IrOp *op = &ra->b->ops[ra->cur_op];
    for (unsigned k = 0; k < op->nout; k++) {
        if ((IrTemp)op->args[k] == t) {
            return true;
        }
    }
    return false;
}

void ra_inputs_done(RaState *ra)
{
    if (ra->inputs_done) {
        return;
    }
    ra->inputs_done = true;
    const IrOp *op = &ra->b->ops[ra->cur_op];
    for (unsigned k = op->nout; k < op->nout + op->nin; k++) {
        IrTemp t = (IrTemp)op->args[k];
        uint8_t kind = ra->b->temps[t].kind;
        if (!ra_arg_dies(ra, k) || ra_kind_fixed(kind)) {
            continue;
        }
        RaTemp *ts = &ra->temps[t];
        if (kind == IR_TEMP_EPHEMERAL) {
            if (ts->state != RA_DEAD) {
                ra_detach(ra, t, false);
            }
        } else if (ts->state == RA_REG) {
            if (!ra_is_output(ra, t)) {
                ra_store(ra, t);
            }
            ra_detach(ra, t, true);
        }
    }
}

int ra_out(RaState *ra, IrTemp t, uint32_t mask, uint32_t alias)
{
    ra_inputs_done(ra);
    RaTemp *ts = &ra->temps[t];
    if (ts->state == RA_REG) {
        /* The old value is overwritten; its register may still be an
         * input of this op, so it stays locked. */
        ra->reg_temp[(int)ts->reg] = -1;
    }
    int r = -1;
    uint32_t ok = mask & alias & ~ra_occupied(ra);
    for (int c = 0; c < RA_MAX_REGS; c++) {
        if (ok & (1u << c)) {
            r = c;
            break;
        }
    }
    if (r < 0) {
        r = ra_pick(ra, mask);
    }
    ts->state = RA_REG;
    ts->reg = (int8_t)r;
    ts->coherent = false;
    ra->reg_temp[r] = (int32_t)t;
    ra->locked |= 1u << r;
    return r;
}

void ra_op_end(RaState *ra)
{
    ra_inputs_done(ra);
    const IrOp *op = &ra->b->ops[ra->cur_op];
    for (unsigned k = 0; k < op->nout; k++) {
        IrTemp t = (IrTemp)op->args[k];
        uint8_t kind = ra->b->temps[t].kind;
        if (!ra_arg_dies(ra, k) || ra_kind_fixed(kind)) {
            continue;
        }
        if (kind == IR_TEMP_EPHEMERAL) {
            ra_detach(ra, t, false);
        } else if (ra->temps[t].state == RA_REG) {
            ra_store(ra, t);
            ra_detach(ra, t, true);
        }
    }
    ra->locked = 0;
}

void ra_sync(RaState *ra, bool locals)
{
    for (int r = 0; r < RA_MAX_REGS; r++) {
        int32_t t = ra->reg_temp[r];
        if (t < 0) {
            continue;
        }
        uint8_t kind = ra->b->temps[t].kind;
        if (kind == IR_TEMP_GLOBAL || (locals && kind == IR_TEMP_LOCAL)) {
            ra_store(ra, (IrTemp)t);
        }
    }
}

void ra_save_globals(RaState *ra)
{
    for (int r = 0; r < RA_MAX_REGS; r++) {
        int32_t t = ra->reg_temp[r];
        if (t >= 0 && ra->b->temps[t].kind == IR_TEMP_GLOBAL) {
            ra_store(ra, (IrTemp)t);
            ra_detach(ra, (IrTemp)t, true);
        }
    }
}

void ra_label_reset(RaState *ra)
{
    for (int r = 0; r < RA_MAX_REGS; r++) {
        ra->reg_temp[r] = -1;
    }
    for (uint32_t t = ra->b->nb_globals; t < ra->b->nb_temps; t++) {
        RaTemp *ts = &ra->temps[t];
        switch (ra->b->temps[t].kind) {
        case IR_TEMP_LOCAL:
            ts->state = RA_MEM;
            break;
        case IR_TEMP_EPHEMERAL:
            ts->state = RA_DEAD;
            ra_free_slot(ra, t);
            break;
        default:
            break;
        }
    }
    for (uint32_t t = 0; t < ra->b->nb_globals; t++) {
        if (ra->b->temps[t].kind == IR_TEMP_GLOBAL) {
            ra->temps[t].state = RA_MEM;
        }
    }
}

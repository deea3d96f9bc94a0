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

/* Exact liveness of the block's locals, for blocks whose branches all go
 * forward: a bit per local (dense index `idx`), the live set recorded at
 * each label as the backward walk passes it and merged into the set at
 * every branch to it. A local that dies there is never read again on any
 * path, so the allocator may drop it without a store. */
typedef struct RaLocalLive {
    uint32_t *idx;          /* per temp: bit index of a local */
    uint64_t *cur;          /* live set at the current op */
    uint64_t *at_label;     /* nb_labels sets of `words` words */
    uint32_t words;
} RaLocalLive;

/* Sets up ll for b; false (locals stay a hint) when b has no locals, a
 * backward branch, or memory is short. The caller frees ll->idx. */
static bool ra_local_live_init(const IrBlock *b, RaLocalLive *ll)
{
    uint32_t nloc = 0, nl = b->nb_labels;

    memset(ll, 0, sizeof(*ll));
    for (uint32_t t = 0; t < b->nb_temps; t++) {
        nloc += b->temps[t].kind == IR_TEMP_LOCAL;
    }
    if (nloc == 0) {
        return false;
    }
    uint32_t words = (nloc + 63) / 64;
    size_t sz = (size_t)b->nb_temps * sizeof(uint32_t) +
                (size_t)(nl + 1) * words * sizeof(uint64_t) + 8;
    uint8_t *p = malloc(sz + (nl + 7) / 8 + 8);
    if (!p) {
        return false;
    }
    ll->idx = (uint32_t *)(void *)p;
    ll->cur = (uint64_t *)(void *)(p + (((size_t)b->nb_temps *
                                         sizeof(uint32_t) + 7) & ~(size_t)7));
    ll->at_label = ll->cur + words;
    ll->words = words;
    uint8_t *placed = (uint8_t *)(ll->at_label + (size_t)nl * words);
    memset(placed, 0, (nl + 7) / 8);
    for (uint32_t i = 0; i < b->nb_ops; i++) {
        const IrOp *op = &b->ops[i];
        uint32_t label;
        if (op->opc == IR_SET_LABEL) {
            label = (uint32_t)op->args[0];
        } else if (op->opc == IR_BR) {
            label = (uint32_t)op->args[0];
        } else if (op->opc == IR_BRCOND) {
            label = (uint32_t)op->args[3];
        } else {
            continue;
        }
        if (label >= nl || (op->opc != IR_SET_LABEL &&
                            (placed[label / 8] >> (label % 8)) & 1)) {
            free(p);
            ll->idx = NULL;
            return false;
        }
        if (op->opc == IR_SET_LABEL) {
            placed[label / 8] |= (uint8_t)(1u << (label % 8));
        }
    }
    nloc = 0;
    for (uint32_t t = 0; t < b->nb_temps; t++) {
        if (b->temps[t].kind == IR_TEMP_LOCAL) {
            ll->idx[t] = nloc++;
        }
    }
    memset(ll->cur, 0, (size_t)(nl + 1) * words * sizeof(uint64_t));
    return true;
}

static bool ra_local_bit(const RaLocalLive *ll, IrTemp t)
{
    uint32_t i = ll->idx[t];
    return (ll->cur[i / 64] >> (i % 64)) & 1;
}

static void ra_local_set(RaLocalLive *ll, IrTemp t, bool v)
{
    uint32_t i = ll->idx[t];
    if (v) {
        ll->cur[i / 64] |= (uint64_t)1 << (i % 64);
    } else {
        ll->cur[i / 64] &= ~((uint64_t)1 << (i % 64));
    }
}

/* The locals live at `label` join the current set. */
static void ra_local_merge(RaLocalLive *ll, uint32_t label)
{
    const uint64_t *s = ll->at_label + (size_t)label * ll->words;
    for (uint32_t w = 0; w < ll->words; w++) {
        ll->cur[w] |= s[w];
    }
}

/* ra_liveness() with the caller's zeroed nb_temps-entry scratch array.
 * Returns true when the death bits of locals are exact (see
 * RaLocalLive). */
static bool ra_liveness_in(const IrBlock *b, uint32_t *dead, uint32_t *live)
{
    /* A temp is live when its stamp equals `epoch`; bumping the epoch
     * kills every temp at once (labels and exits are frequent, and
     * clearing an array per label made liveness quadratic). */
    /* Two epochs: ephemerals die at every label and jump; globals and
     * locals only at exits. For them liveness is a hint (when to free a
     * register; a global that "dies" is stored and reloaded if needed),
     * so carrying it across labels and branches is safe, and keeps them
     * in registers where ra_label() can keep them. Locals are exact
     * when every branch goes forward (RaLocalLive). */
    uint32_t next = 1, eph = next++, other = next++;
    RaLocalLive ll;
    bool exact = ra_local_live_init(b, &ll);

    for (uint32_t i = b->nb_ops; i-- > 0;) {
        const IrOp *op = &b->ops[i];
        uint32_t flags = ir_op_defs[op->opc].flags;
        uint32_t bits = 0;

        if (op->opc == IR_NOP) {
            dead[i] = 0;
            continue;
        }
        if (flags & IR_OPF_EXIT) {
            eph = next++;
            other = next++;
            if (exact) {
                memset(ll.cur, 0, ll.words * sizeof(uint64_t));
            }
        } else if (op->opc == IR_BR) {
            eph = next++;
            if (exact) {
                memset(ll.cur, 0, ll.words * sizeof(uint64_t));
                ra_local_merge(&ll, (uint32_t)op->args[0]);
            }
        } else if (op->opc == IR_BRCOND && exact) {
            ra_local_merge(&ll, (uint32_t)op->args[3]);
        } else if (op->opc == IR_SET_LABEL && exact) {
            memcpy(ll.at_label + (size_t)op->args[0] * ll.words, ll.cur,
                   ll.words * sizeof(uint64_t));
        }
        for (unsigned k = 0; k < op->nout; k++) {
            IrTemp t = (IrTemp)op->args[k];
            uint8_t kind = b->temps[t].kind;
            if (ra_kind_fixed(kind)) {
                continue;
            }
            if (exact && kind == IR_TEMP_LOCAL) {
                if (!ra_local_bit(&ll, t)) {
                    bits |= 1u << k;
                }
                ra_local_set(&ll, t, false);
                continue;
            }
            if (live[t] != (kind == IR_TEMP_EPHEMERAL ? eph : other)) {
                bits |= 1u << k;
            }
            live[t] = 0;
        }
        for (unsigned k = op->nout; k < op->nout + op->nin; k++) {
            IrTemp t = (IrTemp)op->args[k];
            uint8_t kind = b->temps[t].kind;
            uint32_t ep = kind == IR_TEMP_EPHEMERAL ? eph : other;
            if (ra_kind_fixed(kind)) {
                continue;
            }
            if (exact && kind == IR_TEMP_LOCAL) {
                if (!ra_local_bit(&ll, t)) {
                    bits |= 1u << k;
                }
                ra_local_set(&ll, t, true);
                continue;
            }
            if (live[t] != ep) {
                bits |= 1u << k;
            }
            live[t] = ep;
        }
        dead[i] = bits;
        if (flags & IR_OPF_BB_START) {
            /* Ephemerals do not live into a label. */
            eph = next++;
        }
    }
    free(ll.idx);
    return exact;
}

void ra_liveness(const IrBlock *b, uint32_t *dead)
{
    uint32_t *live = calloc(b->nb_temps ? b->nb_temps : 1, sizeof(*live));

    if (!live) {
        abort();
    }
    ra_liveness_in(b, dead, live);
    free(live);
}

/* Hands out `n` bytes of *p, 8-aligned, and advances it. */
static void *ra_carve(uint8_t **p, size_t n)
{
    void *r = *p;
    *p += (n + 7) & ~(size_t)7;
    return r;
}

static bool ra_label_kept(const RaState *ra, uint32_t label);

/* Does op store the globals kept in registers (see ra_sync_ahead)? A
 * branch or label that keeps registers returns false with *keeps. */
static bool ra_op_syncs(const RaState *ra, const IrOp *op, bool *keeps)
{
    uint32_t flags = ir_op_defs[op->opc].flags;
    uint32_t label;

    *keeps = false;
    switch (op->opc) {
    case IR_SET_LABEL:
        label = (uint32_t)op->args[0];
        *keeps = ra_label_kept(ra, label);
        return !*keeps;
    case IR_BR:
    case IR_BRCOND:
        label = (uint32_t)op->args[op->opc == IR_BR ? 0 : 3];
        *keeps = ra_label_kept(ra, label) && ra->labels[label].refs == 1;
        return !*keeps;
    case IR_CALL: {
        const IrHelper *h = (const IrHelper *)(uintptr_t)
                                op->args[op->nout + op->nin];
        return !(h->flags & IR_HF_NO_WRITE_GLOBALS) ||
               !(h->flags & IR_HF_NO_READ_GLOBALS) ||
               (h->flags & IR_HF_MAY_RAISE);
    }
    default:
        return (flags & (IR_OPF_EXIT | IR_OPF_SYNC_GLOBALS |
                         IR_OPF_GUEST_MEM | IR_OPF_BB_END)) != 0;
    }
}

static void ra_find_sync_ahead(RaState *ra)
{
    const IrBlock *b = ra->b;
    bool ahead = true;      /* the block's end is an exit */

    for (uint32_t i = b->nb_ops; i-- > 0;) {
        bool keeps;
        ra->sync_ahead[i] = ahead;
        if (ra_op_syncs(ra, &b->ops[i], &keeps)) {
            ahead = true;
        } else if (keeps) {
            ahead = false;
        }
    }
}

bool ra_sync_ahead(const RaState *ra)
{
    return ra->sync_ahead[ra->cur_op] != 0;
}

bool ra_init(RaState *ra, IrBlock *b, const RaHost *host, void *ctx)
{
    memset(ra, 0, sizeof(*ra));
    ra->host = host;
    ra->ctx = ctx;
    ra->b = b;
    /* One allocation per block for every per-temp, per-op and per-label
     * array (translation speed: a block is small, malloc is not free). */
    size_t nt = b->nb_temps ? b->nb_temps : 1;
    size_t no = b->nb_ops ? b->nb_ops : 1;
    size_t nl = b->nb_labels ? b->nb_labels : 1;
    size_t sz = ((nt * sizeof(RaTemp) + 7) & ~(size_t)7) +
                ((no * sizeof(uint32_t) + 7) & ~(size_t)7) +
                ((nl * sizeof(RaLabel) + 7) & ~(size_t)7) +
                ((no + 7) & ~(size_t)7) +
                ((nt * sizeof(IrTemp) + 7) & ~(size_t)7) +
                ((nt * sizeof(uint32_t) + 7) & ~(size_t)7) +
                nl * RA_MAX_REGS * sizeof(int32_t);
    uint8_t *p = malloc(sz);
    uint32_t *live;
    if (!p) {
        return false;
    }
    ra->mem = p;
    ra->temps = ra_carve(&p, nt * sizeof(RaTemp));
    ra->dead = ra_carve(&p, no * sizeof(uint32_t));
    ra->labels = ra_carve(&p, nl * sizeof(RaLabel));
    ra->sync_ahead = ra_carve(&p, no);
    ra->locals = ra_carve(&p, nt * sizeof(IrTemp));
    live = ra_carve(&p, nt * sizeof(uint32_t));
    ra->snaps = (int32_t *)(void *)p;
    memset(ra->labels, 0, nl * sizeof(RaLabel));
    memset(live, 0, nt * sizeof(uint32_t));
    for (int r = 0; r < RA_MAX_REGS; r++) {
        ra->reg_temp[r] = -1;
    }
    for (uint32_t t = 0; t < b->nb_temps; t++) {
        RaTemp *ts = &ra->temps[t];
        memset(ts, 0, sizeof(*ts));
        switch (b->temps[t].kind) {
        case IR_TEMP_ENV:
            ts->state = RA_REG;
            ts->reg = (int8_t)host->env_reg;
            ts->coherent = true;
            break;
        case IR_TEMP_CONST:
            ts->state = RA_CONST;
            break;
        case IR_TEMP_LOCAL:
            ra->locals[ra->nb_locals++] = t;
            ts->state = RA_MEM;
            break;
        case IR_TEMP_GLOBAL:
            ts->state = RA_MEM;
            break;
        default:
            ts->state = RA_DEAD;
            break;
        }
    }
    for (uint32_t i = 0; i < b->nb_ops; i++) {
        const IrOp *op = &b->ops[i];
        uint32_t label;
        if (op->opc == IR_SET_LABEL) {
            label = (uint32_t)op->args[0];
            if (label < b->nb_labels) {
                /* Marks it placed: later branches are backward. */
                ra->labels[label].dirty = 1;
            }
            continue;
        }
        if (op->opc == IR_BR) {
            label = (uint32_t)op->args[0];
        } else if (op->opc == IR_BRCOND) {
            label = (uint32_t)op->args[3];
            if (op->args[2] == IR_COND_NEVER) {
                continue;
            }
        } else {
            continue;
        }
        if (label >= b->nb_labels) {
            continue;
        }
        RaLabel *l = &ra->labels[label];
        if (l->dirty || l->refs == UINT16_MAX) {
            l->back = true;
        } else {
            l->refs++;
        }
    }
    for (uint32_t i = 0; i < b->nb_labels; i++) {
        ra->labels[i].dirty = 0;
    }
    ra_find_sync_ahead(ra);
    ra->locals_exact = ra_liveness_in(b, ra->dead, live);
    return true;
}

void ra_free(RaState *ra)
{
    free(ra->mem);
    free(ra->slot_temp);
    ra->mem = NULL;
    ra->sync_ahead = NULL;
    ra->labels = NULL;
    ra->snaps = NULL;
    ra->temps = NULL;
    ra->dead = NULL;
    ra->slot_temp = NULL;
    ra->locals = NULL;
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

/* ---- Register ownership ---------------------------------------------- */

static void ra_set_owner(RaState *ra, int reg, IrTemp t)
{
    ra->reg_temp[reg] = (int32_t)t;
    ra->occupied |= 1u << reg;
}

static void ra_clear_owner(RaState *ra, int reg)
{
    ra->reg_temp[reg] = -1;
    ra->occupied &= ~(1u << reg);
}

/* Lowest register of a nonzero mask. */
static int ra_first(uint32_t mask)
{
    return __builtin_ctz(mask);
}

/* ---- Memory homes ---------------------------------------------------- */

static void ra_alloc_slot(RaState *ra, IrTemp t)
{
    RaTemp *ts = &ra->temps[t];
    if (ts->has_slot) {
        return;
    }
    if (!ra->slot_temp) {
        ra->slot_temp = malloc((ra->host->frame_slots ? ra->host->frame_slots
                                                      : 1) * sizeof(int32_t));
        if (!ra->slot_temp) {
            abort();
        }
    }
    for (uint32_t s = 0; s < ra->slots_hwm; s++) {
        if (ra->slot_temp[s] < 0) {
            ra->slot_temp[s] = (int32_t)t;
            ts->slot = (int32_t)s;
            ts->has_slot = true;
            return;
        }
    }
    if (ra->slots_hwm < ra->host->frame_slots) {
        uint32_t s = ra->slots_hwm++;
        ra->slot_temp[s] = (int32_t)t;
        ts->slot = (int32_t)s;
        ts->has_slot = true;
        return;
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
    /* A local keeps its slot: a branch may have left a value there that
     * the label's snapshot calls coherent. */
    if (ts->has_slot && ra->b->temps[t].kind == IR_TEMP_EPHEMERAL) {
        if (!ra->failed) {
            ra->slot_temp[ts->slot] = -1;
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
        ra_clear_owner(ra, ts->reg);
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

/* A free register of mask in preference order, or -1. */
static int ra_find_free(const RaState *ra, uint32_t mask)
{
    uint32_t ok = mask & ~ra->locked & ~ra->occupied;
    if (!ok) {
        return -1;
    }
    for (uint32_t i = 0; i < ra->host->norder; i++) {
        int r = ra->host->order[i];
        if (ok & (1u << r)) {
            return r;
        }
    }
    return ra_first(ok);
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
    if (victim < 0 && cand) {
        victim = ra_first(cand);
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
            ra_clear_owner(ra, old);
            ra_set_owner(ra, r, t);
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
    ra_set_owner(ra, r, t);
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
                ra_clear_owner(ra, r);
                ra_set_owner(ra, other, t);
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
    for (uint32_t m = mask & ra->occupied; m; m &= m - 1) {
        int r = ra_first(m);
        int32_t t = ra->reg_temp[r];
        if (ra->locked & (1u << r)) {
            fprintf(stderr, "emu: regalloc: clobbering a locked input\n");
            abort();
        }
        int other = ra_find_free(ra, ra->host->allocatable & ~mask);
        if (other >= 0) {
            ra->host->mov(ra->ctx, ra_type(ra, (IrTemp)t), other, r);
            ra_clear_owner(ra, r);
            ra_set_owner(ra, other, (IrTemp)t);
            ra->temps[t].reg = (int8_t)other;
        } else {
            ra_evict(ra, r);
        }
    }
    ra->locked |= mask;
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
        } else if (kind == IR_TEMP_LOCAL && ra->locals_exact) {
            if (!ra_is_output(ra, t) && ts->state != RA_DEAD) {
                ra_detach(ra, t, false);
            }
        } else if (ts->state == RA_REG) {
            /* A dirty global is kept when a branch comes before the next
             * sync: it may stay in its register across the label. */
            if (kind == IR_TEMP_GLOBAL && !ts->coherent &&
                !ra_sync_ahead(ra)) {
                continue;
            }
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
        ra_clear_owner(ra, ts->reg);
    }
    int r = -1;
    uint32_t ok = mask & alias & ~ra->occupied;
    if (ra->hint && ra->b->temps[t].kind != IR_TEMP_EPHEMERAL) {
        for (uint32_t m = mask & ~ra->occupied & (~ra->locked | alias); m;
             m &= m - 1) {
            if (ra->hint[ra_first(m)] == (int32_t)t) {
                r = ra_first(m);
                break;
            }
        }
    }
    if (r >= 0) {
        /* The register the pending label wants t in. */
    } else if (ok) {
        r = ra_first(ok);
    } else {
        r = ra_pick(ra, mask);
    }
    ts->state = RA_REG;
    ts->reg = (int8_t)r;
    ts->coherent = false;
    ra_set_owner(ra, r, t);
    ra->locked |= 1u << r;
    return r;
}

void ra_out_mem(RaState *ra, IrTemp t)
{
    RaTemp *ts = &ra->temps[t];

    ra_inputs_done(ra);
    if (ts->state == RA_REG) {
        ra_clear_owner(ra, ts->reg);
    }
    ts->state = RA_MEM;
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
        if (kind == IR_TEMP_EPHEMERAL ||
            (kind == IR_TEMP_LOCAL && ra->locals_exact)) {
            ra_detach(ra, t, false);
        } else if (ra->temps[t].state == RA_REG) {
            /* A global not read again stays in its register, dirty, when
             * a branch comes before the next sync: a later write may make
             * the store unnecessary (flags rewritten by every
             * conditional instruction). */
            if (kind == IR_TEMP_GLOBAL && !ra_sync_ahead(ra)) {
                continue;
            }
            ra_store(ra, t);
            ra_detach(ra, t, true);
        }
    }
    ra->locked = 0;
}

void ra_sync(RaState *ra, bool locals)
{
    for (uint32_t m = ra->occupied; m; m &= m - 1) {
        int32_t t = ra->reg_temp[ra_first(m)];
        uint8_t kind = ra->b->temps[t].kind;
        if (kind == IR_TEMP_GLOBAL || (locals && kind == IR_TEMP_LOCAL)) {
            ra_store(ra, (IrTemp)t);
        }
    }
}

void ra_save_globals(RaState *ra)
{
    for (uint32_t m = ra->occupied; m; m &= m - 1) {
        int32_t t = ra->reg_temp[ra_first(m)];
        if (ra->b->temps[t].kind == IR_TEMP_GLOBAL) {
            ra_store(ra, (IrTemp)t);
            ra_detach(ra, (IrTemp)t, true);
        }
    }
}

void ra_label_reset(RaState *ra)
{
    /* Only temps in registers or frame slots carry state to forget;
     * globals and locals go back to memory, ephemerals die. */
    for (uint32_t m = ra->occupied; m; m &= m - 1) {
        int r = ra_first(m);
        IrTemp t = (IrTemp)ra->reg_temp[r];
        RaTemp *ts = &ra->temps[t];
        ra->reg_temp[r] = -1;
        if (ra->b->temps[t].kind == IR_TEMP_EPHEMERAL) {
            ts->state = RA_DEAD;
            ra_free_slot(ra, t);
        } else {
            ts->state = RA_MEM;
        }
    }
    ra->occupied = 0;
    for (uint32_t s = 0; s < ra->slots_hwm; s++) {
        int32_t t = ra->slot_temp[s];
        if (t >= 0 && ra->b->temps[t].kind == IR_TEMP_EPHEMERAL) {
            ra->temps[t].state = RA_DEAD;
            ra_free_slot(ra, (IrTemp)t);
        }
    }
    for (uint32_t i = 0; i < ra->nb_locals; i++) {
        ra->temps[ra->locals[i]].state = RA_MEM;
    }
}

/* ---- Registers across labels ------------------------------------------ */

static bool ra_label_kept(const RaState *ra, uint32_t label)
{
    return label < ra->b->nb_labels && !ra->labels[label].back;
}

void ra_branch_sync(RaState *ra, uint32_t label)
{
    /* The only branch to a forward label may leave dirty values in
     * registers: the label adopts its registers as they are. Otherwise
     * the branches must agree, which they do on memory. */
    if (ra_label_kept(ra, label) && ra->labels[label].refs == 1) {
        return;
    }
    ra_sync(ra, true);
}

void ra_branch_taken(RaState *ra, uint32_t label)
{
    if (!ra_label_kept(ra, label)) {
        return;
    }
    RaLabel *l = &ra->labels[label];
    if (!l->snap) {
        l->snap = &ra->snaps[(size_t)label * RA_MAX_REGS];
        for (int r = 0; r < RA_MAX_REGS; r++) {
            l->snap[r] = -1;
        }
        l->dirty = 0;
        for (uint32_t m = ra->occupied; m; m &= m - 1) {
            int r = ra_first(m);
            int32_t t = ra->reg_temp[r];
            if (ra->b->temps[t].kind == IR_TEMP_EPHEMERAL) {
                continue;
            }
            l->snap[r] = t;
            if (!ra->temps[t].coherent) {
                l->dirty |= 1u << r;
            }
        }
    } else {
        /* Another branch (every branch was synced): keep what agrees. */
        for (int r = 0; r < RA_MAX_REGS; r++) {
            if (l->snap[r] >= 0 && ra->reg_temp[r] != l->snap[r]) {
                l->snap[r] = -1;
            }
        }
    }
    l->seen++;
    ra->hint = l->snap;
    ra->hint_label = label;
}

/* Forgets every register and ephemeral, as ra_label_reset() but without
 * touching memory (the caller made memory right). */
static void ra_forget_all(RaState *ra)
{
    ra_label_reset(ra);
}

/* Makes the fall-through registers agree with the label's snapshot:
 * values not in it go to memory (if dirty), values in it move to their
 * register. Emits code on the fall-through path only. */
static void ra_reconcile(RaState *ra, const RaLabel *l)
{
    uint32_t want = 0;      /* registers with a snapshot temp */
    for (int r = 0; r < RA_MAX_REGS; r++) {
        if (l->snap[r] >= 0) {
            want |= 1u << r;
        }
    }
    /* Drop what the label does not keep. */
    for (uint32_t m = ra->occupied; m; m &= m - 1) {
        int r = ra_first(m);
        IrTemp t = (IrTemp)ra->reg_temp[r];
        if (ra->b->temps[t].kind == IR_TEMP_EPHEMERAL) {
            ra_detach(ra, t, false);
            continue;
        }
        bool kept = false;
        for (uint32_t w = want; w; w &= w - 1) {
            if (l->snap[ra_first(w)] == (int32_t)t) {
                kept = true;
                break;
            }
        }
        if (!kept) {
            ra_store(ra, t);
            ra_detach(ra, t, true);
        }
    }
    /* Put each kept value in its register; a cycle of moves is broken
     * by sending one value through memory. */
    uint32_t todo = 0;
    for (uint32_t w = want; w; w &= w - 1) {
        int r = ra_first(w);
        if (ra->reg_temp[r] != l->snap[r]) {
            todo |= 1u << r;
        }
    }
    while (todo) {
        bool progress = false;
        for (uint32_t w = todo; w; w &= w - 1) {
            int r = ra_first(w);
            if (ra->occupied & (1u << r)) {
                continue;
            }
            IrTemp t = (IrTemp)l->snap[r];
            RaTemp *ts = &ra->temps[t];
            if (ts->state == RA_REG) {
                ra->host->mov(ra->ctx, ra_type(ra, t), r, ts->reg);
                ra_clear_owner(ra, ts->reg);
            } else {
                int base;
                int32_t off;
                ra_mem_loc(ra, t, &base, &off);
                ra->host->ld(ra->ctx, ra_type(ra, t), r, base, off);
                ts->coherent = true;
                ts->state = RA_REG;
            }
            ts->reg = (int8_t)r;
            ra_set_owner(ra, r, t);
            todo &= ~(1u << r);
            progress = true;
        }
        if (!progress) {
            int r = ra_first(todo);
            IrTemp u = (IrTemp)ra->reg_temp[r];
            ra_store(ra, u);
            ra_detach(ra, u, true);
        }
    }
    /* Free the slots of ephemerals that died here. */
    for (uint32_t s = 0; s < ra->slots_hwm; s++) {
        int32_t t = ra->slot_temp[s];
        if (t >= 0 && ra->b->temps[t].kind == IR_TEMP_EPHEMERAL) {
            ra->temps[t].state = RA_DEAD;
            ra_free_slot(ra, (IrTemp)t);
        }
    }
}

void ra_label(RaState *ra, uint32_t label, bool fallthrough)
{
    if (ra->hint && ra->hint_label == label) {
        ra->hint = NULL;
    }
    if (!ra_label_kept(ra, label)) {
        if (fallthrough) {
            ra_sync(ra, true);
        }
        ra_label_reset(ra);
        return;
    }
    const RaLabel *l = &ra->labels[label];
    if (!l->snap) {
        /* No branch reached it (yet: none can come later). */
        if (!fallthrough) {
            ra_forget_all(ra);
            return;
        }
        /* Only the fall-through: everything stays but ephemerals. */
        for (uint32_t m = ra->occupied; m; m &= m - 1) {
            IrTemp t = (IrTemp)ra->reg_temp[ra_first(m)];
            if (ra->b->temps[t].kind == IR_TEMP_EPHEMERAL) {
                ra_detach(ra, t, false);
            }
        }
        for (uint32_t s = 0; s < ra->slots_hwm; s++) {
            int32_t t = ra->slot_temp[s];
            if (t >= 0 && ra->b->temps[t].kind == IR_TEMP_EPHEMERAL) {
                ra->temps[t].state = RA_DEAD;
                ra_free_slot(ra, (IrTemp)t);
            }
        }
        return;
    }
    if (fallthrough) {
        ra_reconcile(ra, l);
        /* Dirty on a branch: dirty here. */
        for (uint32_t d = l->dirty; d; d &= d - 1) {
            int r = ra_first(d);
            ra->temps[ra->reg_temp[r]].coherent = false;
        }
        return;
    }
    ra_forget_all(ra);
    for (int r = 0; r < RA_MAX_REGS; r++) {
        int32_t t = l->snap[r];
        if (t < 0) {
            continue;
        }
        RaTemp *ts = &ra->temps[t];
        ts->state = RA_REG;
        ts->reg = (int8_t)r;
        ts->coherent = !(l->dirty & (1u << r));
        ra_set_owner(ra, r, (IrTemp)t);
    }
}

/* backend/interp/interp.c — the portable interpreter backend: compiles an
 * optimized IrBlock into a compact program in the code buffer (format in
 * interp.h); interp_exec.c runs it. The reference backend on every host.
 *
 * Globals are read and written in the CPU state directly, so the guest
 * state is always in sync (before helpers, faults and exits alike).
 * Constants live in the program's pool; ephemeral and local temps get
 * slots in a per-execution frame. Ephemerals share slots when their
 * lifetimes (first to last mention, in op order) do not overlap; locals
 * keep one slot each, since a backward branch may read them again.
 */
#include "interp.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/backend.h"
#include "core/codebuf.h"
#include "core/ir.h"
#include "core/tb.h"

/* The compiler's working state for one block; freed when gen_code ends. */
typedef struct InterpGen {
    const IrBlock *b;
    uint32_t *word;          /* per temp: operand word, UINT32_MAX if none */
    uint32_t *last_use;      /* per temp: index of the last op naming it */
    uint32_t *code;
    uint32_t ncode, cap_code;
    uint32_t *free_slots;    /* frame slots free for ephemerals (a stack) */
    uint32_t nfree;
    uint32_t nslots;
    uint32_t *label_pos;     /* per label: code word index, UINT32_MAX */
    uint32_t *fixups;        /* code word indexes holding a label number */
    uint32_t nfixups, cap_fixups;
    const IrHelper **calls;  /* distinct helpers called, one InterpCall each */
    uint32_t ncalls, cap_calls, last_call;
    uint32_t calls_off;      /* byte offset of the InterpCall array */
    TbInsnMark *marks;
    uint32_t nmarks, cap_marks;
    uint32_t npool;
    uint64_t *pool_keys;     /* open-addressing table of constants: */
    uint32_t *pool_slots;    /* value, and pool index + 1 (0: empty) */
    uint8_t *pool_types;
    uint32_t pool_mask;
    uint32_t code_off;       /* byte offset of the code in the program */
} InterpGen;

static _Noreturn void interp_die(const char *what, uint32_t op_index)
{
    fprintf(stderr, "emu: interp: %s (op %u)\n", what, op_index);
    abort();
}

static void *interp_grow(void *p, uint32_t *cap, size_t elem)
{
    uint32_t n = *cap ? *cap * 2 : 64;
    void *q = realloc(p, (size_t)n * elem);
    if (!q) {
        fprintf(stderr, "emu: interp: out of memory\n");
        abort();
    }
    *cap = n;
    return q;
}

static void interp_emit(InterpGen *g, uint32_t w)
{
    if (g->ncode == g->cap_code) {
        g->code = interp_grow(g->code, &g->cap_code, sizeof(*g->code));
    }
    g->code[g->ncode++] = w;
}

static void interp_emit64(InterpGen *g, uint64_t v)
{
    interp_emit(g, (uint32_t)v);
    interp_emit(g, (uint32_t)(v >> 32));
}

static uint32_t interp_word(uint32_t base, bool is64, uint64_t off,
                            uint32_t op_index)
{
    if (off > INTERP_MAX_OFF) {
        interp_die("operand offset out of range", op_index);
    }
    return ((uint32_t)off << INTERP_OFF_SHIFT) | (is64 ? INTERP_W64 : 0) |
           base;
}

static uint32_t interp_new_slot(InterpGen *g)
{
    if (g->nfree) {
        return g->free_slots[--g->nfree];
    }
    return g->nslots++;
}

/* The operand word of temp t, giving it a frame slot on first mention. */
static uint32_t interp_operand(InterpGen *g, IrTemp t, uint32_t op_index)
{
    const IrTempInfo *ti = &g->b->temps[t];

    if (g->word[t] == UINT32_MAX) {
        uint32_t slot;
        if (ti->kind != IR_TEMP_EPHEMERAL && ti->kind != IR_TEMP_LOCAL) {
            interp_die("temp without a place", op_index);
        }
        slot = interp_new_slot(g);
        g->word[t] = interp_word(INTERP_BASE_FRAME, ti->type == IR_I64,
                                 (uint64_t)slot * 8, op_index);
    }
    return g->word[t];
}

/* Gives back the slots of ephemerals last mentioned by op i. */
static void interp_release(InterpGen *g, const IrOp *op, uint32_t i)
{
    for (unsigned k = 0; k < (unsigned)op->nout + op->nin; k++) {
        IrTemp t = (IrTemp)op->args[k];
        if (g->b->temps[t].kind == IR_TEMP_EPHEMERAL &&
            g->last_use[t] == i && g->word[t] != UINT32_MAX) {
            g->free_slots[g->nfree++] =
                (g->word[t] >> INTERP_OFF_SHIFT) / 8;
            g->last_use[t] = UINT32_MAX;   /* release once per op */
        }
    }
}

/* The operand word of a constant: one pool entry per (type, value). */
static uint32_t interp_pool_word(InterpGen *g, const IrTempInfo *ti,
                                 uint32_t op_index)
{
    uint32_t h = (uint32_t)((ti->val * 0x9e3779b97f4a7c15ull) >> 40) ^
                 ti->type;
    uint32_t idx;

    for (;;) {
        h &= g->pool_mask;
        if (g->pool_slots[h] == 0) {
            idx = g->npool++;
            g->pool_slots[h] = idx + 1;
            g->pool_keys[h] = ti->val;
            g->pool_types[h] = ti->type;
            break;
        }
        if (g->pool_keys[h] == ti->val && g->pool_types[h] == ti->type) {
            idx = g->pool_slots[h] - 1;
            break;
        }
        h++;
    }
    return interp_word(INTERP_BASE_PROG, ti->type == IR_I64,
                       sizeof(InterpProg) + (uint64_t)idx * 8, op_index);
}

/* Index of helper h's call record, added on first sight: call sites of
 * one helper share a prepared cif. */
static uint32_t interp_call_index(InterpGen *g, const IrHelper *h)
{
    if (g->last_call < g->ncalls && g->calls[g->last_call] == h) {
        return g->last_call;
    }
    for (uint32_t k = 0; k < g->ncalls; k++) {
        if (g->calls[k] == h) {
            g->last_call = k;
            return k;
        }
    }
    if (g->ncalls == g->cap_calls) {
        g->calls = interp_grow(g->calls, &g->cap_calls, sizeof(*g->calls));
    }
    g->calls[g->ncalls] = h;
    g->last_call = g->ncalls;
    return g->ncalls++;
}

/* First pass: last mentions, constant pool places, env and globals. */
static void interp_scan(InterpGen *g)
{
    const IrBlock *b = g->b;

    for (uint32_t t = 0; t < b->nb_temps; t++) {
        const IrTempInfo *ti = &b->temps[t];
        if (ti->kind == IR_TEMP_ENV) {
            g->word[t] = interp_word(INTERP_BASE_FRAME, IR_PTR == IR_I64, 0, 0);
        } else if (ti->kind == IR_TEMP_GLOBAL) {
            if (ti->offset < 0) {
                interp_die("global at a negative offset", 0);
            }
            g->word[t] = interp_word(INTERP_BASE_ENV, ti->type == IR_I64,
                                     (uint64_t)ti->offset, 0);
        }
    }
    for (uint32_t i = 0; i < b->nb_ops; i++) {
        const IrOp *op = &b->ops[i];
        if (op->opc == IR_NOP) {
            continue;
        }
        if (op->opc == IR_CALL) {
            interp_call_index(g, (const IrHelper *)(uintptr_t)
                                     op->args[op->nout + op->nin]);
        }
        for (unsigned k = 0; k < (unsigned)op->nout + op->nin; k++) {
            IrTemp t = (IrTemp)op->args[k];
            if (t >= b->nb_temps) {
                interp_die("temp number out of range", i);
            }
            g->last_use[t] = i;
            if (b->temps[t].kind == IR_TEMP_CONST &&
                g->word[t] == UINT32_MAX) {
                g->word[t] = interp_pool_word(g, &b->temps[t], i);
            }
        }
    }
}

static void interp_emit_label_ref(InterpGen *g, uint64_t label, uint32_t i)
{
    if (label >= g->b->nb_labels) {
        interp_die("label number out of range", i);
    }
    if (g->nfixups == g->cap_fixups) {
        g->fixups = interp_grow(g->fixups, &g->cap_fixups,
                                sizeof(*g->fixups));
    }
    g->fixups[g->nfixups++] = g->ncode;
    interp_emit(g, (uint32_t)label);
}

static uint32_t interp_header(const IrOp *op, uint32_t aux)
{
    return (uint32_t)op->opc | (op->type == IR_I64 ? INTERP_HDR_I64 : 0) |
           (aux << INTERP_AUX_SHIFT);
}

/* Emits op i: header, operand words, then its extra words. */
static void interp_gen_op(InterpGen *g, const IrOp *op, uint32_t i)
{
    unsigned nt = (unsigned)op->nout + op->nin;
    const uint64_t *c = &op->args[nt];   /* the constants */
    uint32_t aux = 0;

    switch (op->opc) {
    case IR_SET_LABEL:
        if (c[0] >= g->b->nb_labels) {
            interp_die("label number out of range", i);
        }
        g->label_pos[c[0]] = g->ncode;
        return;
    case IR_EXTRACT:
    case IR_SEXTRACT:
    case IR_DEPOSIT: {
        unsigned w = op->type == IR_I64 ? 64 : 32;
        if (c[1] == 0 || c[0] + c[1] > w) {
            interp_die("bit field out of range", i);
        }
        aux = (uint32_t)(c[0] | (c[1] << 8));
        break;
    }
    case IR_SETCOND:
    case IR_MOVCOND:
    case IR_BRCOND:
        if (c[0] >= IR_NB_CONDS) {
            interp_die("bad condition", i);
        }
        aux = (uint32_t)c[0];
        break;
    case IR_GUEST_LD:
    case IR_GUEST_ST:
    case IR_ATOMIC_CMPXCHG:
    case IR_ATOMIC_XCHG:
    case IR_ATOMIC_FETCH_ADD:
    case IR_ATOMIC_FETCH_AND:
    case IR_ATOMIC_FETCH_OR:
    case IR_ATOMIC_FETCH_XOR:
        aux = (uint32_t)(c[0] & 0xffff);
        break;
    case IR_GOTO_TB:
        if (c[0] > 1) {
            interp_die("goto_tb slot out of range", i);
        }
        aux = (uint32_t)c[0];
        break;
    case IR_CALL: {
        /* Plain form: one temp a parameter, at most one output. Split form
         * (ir_lower_i64, 32-bit hosts): an IR_HT_I64 parameter is two i32
         * temps (lo, hi) and an IR_HT_I64 result two outputs (lo, hi). */
        const IrHelper *h = (const IrHelper *)(uintptr_t)c[0];
        unsigned n64 = 0;
        bool split;
        for (unsigned k = 0; k < h->nargs && k < IR_MAX_CALL_ARGS; k++) {
            n64 += h->args[k] == IR_HT_I64;
        }
        split = (n64 && op->nin == h->nargs + n64) || op->nout == 2;
        if (h->nargs > IR_MAX_CALL_ARGS || op->nout > 2 ||
            op->nin != h->nargs + (split ? n64 : 0) ||
            (op->nout && h->ret == IR_HT_VOID) ||
            (op->nout == 2 && h->ret != IR_HT_I64)) {
            interp_die("call does not match its helper", i);
        }
        aux = op->nin | ((uint32_t)op->nout << 8) |
              (split ? INTERP_CALL_SPLIT : 0);
        break;
    }
    case IR_INSN_START:
        if (g->nmarks == g->cap_marks) {
            g->marks = interp_grow(g->marks, &g->cap_marks,
                                   sizeof(*g->marks));
        }
        g->marks[g->nmarks++] = (TbInsnMark){
            .host_off = g->code_off + g->ncode * 4,
            .pc = c[0],
            .extra = c[1],
        };
        break;
    default:
        if (op->opc >= IR_NB_OPS) {
            interp_die("unknown opcode", i);
        }
        break;
    }

    interp_emit(g, interp_header(op, aux));
    for (unsigned k = 0; k < nt; k++) {
        interp_emit(g, interp_operand(g, (IrTemp)op->args[k], i));
    }

    switch (op->opc) {
    case IR_BR:
        interp_emit_label_ref(g, c[0], i);
        break;
    case IR_BRCOND:
        interp_emit_label_ref(g, c[1], i);
        break;
    case IR_LD8U: case IR_LD8S: case IR_LD16U: case IR_LD16S:
    case IR_LD32U: case IR_LD32S: case IR_LD:
    case IR_ST8: case IR_ST16: case IR_ST32: case IR_ST:
        interp_emit(g, (uint32_t)(int32_t)c[0]);
        break;
    case IR_CALL:
        interp_emit(g, g->calls_off +
                           interp_call_index(g, (const IrHelper *)(uintptr_t)
                                                    c[0]) *
                               (uint32_t)sizeof(InterpCall));
        break;
    case IR_INSN_START:
        interp_emit64(g, c[0]);
        interp_emit64(g, c[1]);
        break;
    case IR_EXIT_TB:
        interp_emit64(g, c[0]);
        break;
    default:
        break;
    }
}

static ffi_type *interp_ffi_type(uint8_t t)
{
    switch (t) {
    case IR_HT_I32:
        return &ffi_type_uint32;
    case IR_HT_I64:
        return &ffi_type_uint64;
    case IR_HT_PTR:
        return &ffi_type_pointer;
    default:
        return &ffi_type_void;
    }
}

/* Fills the call site records of a program being written (rw view). */
static void interp_fill_calls(InterpGen *g, uint8_t *prog_rw)
{
    for (uint32_t k = 0; k < g->ncalls; k++) {
        const IrHelper *h = g->calls[k];
        InterpCall *c = (InterpCall *)(prog_rw + g->calls_off +
                                       k * sizeof(InterpCall));
        memset(c, 0, sizeof(*c));
        c->func = (void (*)(void))h->func;
        c->ret = h->ret;
        c->nargs = h->nargs;
        for (unsigned i = 0; i < h->nargs; i++) {
            c->args[i] = h->args[i];
            c->atypes[i] = interp_ffi_type(h->args[i]);
        }
        if (ffi_prep_cif(&c->cif, FFI_DEFAULT_ABI, h->nargs,
                         interp_ffi_type(h->ret), c->atypes) != FFI_OK) {
            fprintf(stderr, "emu: interp: libffi refuses helper %s\n",
                    h->name);
            abort();
        }
    }
}

static void interp_gen_free(InterpGen *g)
{
    free(g->word);
    free(g->last_use);
    free(g->code);
    free(g->free_slots);
    free(g->label_pos);
    free(g->fixups);
    free(g->calls);
    free(g->marks);
    free(g->pool_keys);
    free(g->pool_slots);
    free(g->pool_types);
}

static void *interp_calloc(size_t n, size_t elem)
{
    void *p = calloc(n ? n : 1, elem);
    if (!p) {
        fprintf(stderr, "emu: interp: out of memory\n");
        abort();
    }
    return p;
}

static bool interp_gen_code(IrBlock *b, TransBlock *tb, CodeBuf *cb)
{
    InterpGen g = { .b = b, .nslots = 1 };
    InterpProg hdr;
    uint8_t *prog;
    size_t total;
    bool ok = true;

    g.word = interp_calloc(b->nb_temps, sizeof(*g.word));
    g.last_use = interp_calloc(b->nb_temps, sizeof(*g.last_use));
    g.free_slots = interp_calloc(b->nb_temps, sizeof(*g.free_slots));
    g.label_pos = interp_calloc(b->nb_labels, sizeof(*g.label_pos));
    memset(g.word, 0xff, b->nb_temps * sizeof(*g.word));
    memset(g.last_use, 0xff, b->nb_temps * sizeof(*g.last_use));
    memset(g.label_pos, 0xff, b->nb_labels * sizeof(*g.label_pos));

    for (g.pool_mask = 15; g.pool_mask < 2 * b->nb_temps; ) {
        g.pool_mask = g.pool_mask * 2 + 1;
    }
    g.pool_keys = interp_calloc(g.pool_mask + 1, sizeof(*g.pool_keys));
    g.pool_slots = interp_calloc(g.pool_mask + 1, sizeof(*g.pool_slots));
    g.pool_types = interp_calloc(g.pool_mask + 1, sizeof(*g.pool_types));

    interp_scan(&g);
    g.calls_off = (uint32_t)((sizeof(InterpProg) + g.npool * 8 + 15) & ~15u);
    g.code_off = g.calls_off + g.ncalls * (uint32_t)sizeof(InterpCall);

    for (uint32_t i = 0; i < b->nb_ops; i++) {
        const IrOp *op = &b->ops[i];
        if (op->opc == IR_NOP) {
            continue;
        }
        interp_gen_op(&g, op, i);
        interp_release(&g, op, i);
    }
    /* Falling off the end is a frontend bug: the run loop aborts on NOP. */
    interp_emit(&g, IR_NOP);

    for (uint32_t k = 0; k < g.nfixups; k++) {
        uint32_t label = g.code[g.fixups[k]];
        if (g.label_pos[label] == UINT32_MAX) {
            interp_die("branch to a label never set", label);
        }
        g.code[g.fixups[k]] = g.label_pos[label];
    }

    total = g.code_off + (size_t)g.ncode * 4;
    prog = total <= UINT32_MAX ? codebuf_alloc(cb, total, 16) : NULL;
    if (!prog) {
        interp_gen_free(&g);
        return false;
    }
    hdr = (InterpProg){
        .nslots = g.nslots,
        .code_off = g.code_off,
        .ncode = g.ncode,
        .ncalls = g.ncalls,
    };
    memcpy(prog, &hdr, sizeof(hdr));
    for (uint32_t t = 0; t < b->nb_temps; t++) {
        uint32_t w = g.word[t];
        if (b->temps[t].kind == IR_TEMP_CONST && w != UINT32_MAX) {
            uint8_t *p = prog + (w >> INTERP_OFF_SHIFT);
            if (w & INTERP_W64) {
                memcpy(p, &b->temps[t].val, 8);
            } else {
                uint32_t v32 = (uint32_t)b->temps[t].val;
                memcpy(p, &v32, 4);
                memset(p + 4, 0, 4);
            }
        }
    }
    memset(prog + sizeof(InterpProg) + g.npool * 8, 0,
           g.calls_off - sizeof(InterpProg) - g.npool * 8);
    interp_fill_calls(&g, prog);
    memcpy(prog + g.code_off, g.code, (size_t)g.ncode * 4);

    tb->code = codebuf_to_rx(cb, prog);
    tb->code_size = (uint32_t)total;
    for (unsigned n = 0; n < 2; n++) {
        tb->jmp_insn_offset[n] = UINT16_MAX;
        tb->jmp_reset_offset[n] = UINT16_MAX;
    }
    tb->insn_map = NULL;
    tb->insn_map_len = 0;
    if (g.nmarks) {
        ok = tb_set_insn_map(tb, cb, g.marks, g.nmarks);
    }
    interp_gen_free(&g);
    return ok;
}

static bool interp_init(CodeBuf *cb)
{
    (void)cb;
    return true;
}

/* Chaining is core's atomic store into tb->jmp_dest[n], which the run loop
 * reads at each GOTO_TB; nothing in the program changes. */
static void interp_set_jump(CodeBuf *cb, TransBlock *tb, unsigned n,
                            TransBlock *dest)
{
    (void)cb;
    (void)tb;
    (void)n;
    (void)dest;
}

const HostBackend backend_interp = {
    .name = "interp",
    .jit = false,
    .init = interp_init,
    .gen_code = interp_gen_code,
    .exec = interp_exec,
    .set_jump = interp_set_jump,
};

/* backend/x86_64/x86_64.c — the x86-64 JIT backend: prologue/epilogue,
 * the per-block code generation loop (control flow, calls, exits), entry
 * into generated code and patching of chained jumps. Value ops are in
 * arith.c, guest memory in guestmem.c, the encoder in emit.c.
 *
 * Register conventions (SysV host):
 *   r14 = env (CpuCommon *), r15 = guest_base, rsp = spill frame;
 *   allocatable: rax rcx rdx rbx rbp rsi rdi r8-r13 (callee-saved first).
 * Frame (built once by the prologue; every block shares it, so jumping
 * between blocks needs no stack change): after the 6 callee-saved pushes,
 * rsp is lowered by X86_64_FRAME_SLOTS * 8 + 24 bytes, leaving rsp 16-byte
 * aligned for helper calls; slot i is at [rsp + 8 * i], the block key of
 * an EXIT_LOOKUP above the slots.
 */
#include "x86_64_int.h"

#include <cpuid.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/guest.h"

/* The spill slots, 8 bytes of alignment, then where EXIT_LOOKUP has the
 * guest's tb_key write the block key. */
#define X86_FRAME_SIZE (X86_64_FRAME_SLOTS * 8 + 8 + 16)
#define X86_KEY_PC (X86_64_FRAME_SLOTS * 8 + 8)
#define X86_KEY_FLAGS (X86_64_FRAME_SLOTS * 8 + 16)

/* Host state set once by init(): where the prologue and epilogue are. */
static const uint8_t *x86_prologue_rx;
static const uint8_t *x86_epilogue_rx;
static uint32_t x86_features;
static uint32_t x86_feature_mask = UINT32_MAX;
static bool x86_features_known;

static const int8_t x86_reg_order[] = {
    X86_RBX, X86_RBP, X86_R12, X86_R13, X86_R10, X86_R11, X86_R9, X86_R8,
    X86_RCX, X86_RDX, X86_RSI, X86_RDI, X86_RAX,
};

static const int x86_arg_regs[IR_MAX_CALL_ARGS] = {
    X86_RDI, X86_RSI, X86_RDX, X86_RCX, X86_R8, X86_R9,
};

uint32_t x86_64_host_features(void)
{
    if (!x86_features_known) {
        unsigned a, b, c, d;
        uint32_t f = 0;
        if (__get_cpuid(1, &a, &b, &c, &d)) {
            if (c & (1u << 22)) {
                f |= X86_FEAT_MOVBE;
            }
            if (c & (1u << 23)) {
                f |= X86_FEAT_POPCNT;
            }
        }
        if (__get_cpuid(0x80000001, &a, &b, &c, &d) && (c & (1u << 5))) {
            f |= X86_FEAT_LZCNT;
        }
        if (__get_cpuid_max(0, NULL) >= 7) {
            __cpuid_count(7, 0, a, b, c, d);
            if (b & (1u << 3)) {
                f |= X86_FEAT_BMI1;
            }
        }
        x86_features = f;
        x86_features_known = true;
    }
    return x86_features;
}

void x86_64_set_feature_mask(uint32_t mask)
{
    x86_feature_mask = mask;
}

/* ---- Register allocator hooks (never change flags) -------------------- */

static void x86_ra_ld(void *ctx, IrType type, int reg, int base, int32_t off)
{
    X86Gen *g = ctx;
    x86_ld(&g->a, type == IR_I64, reg, base, off);
}

static void x86_ra_st(void *ctx, IrType type, int reg, int base, int32_t off)
{
    X86Gen *g = ctx;
    x86_st(&g->a, type == IR_I64, reg, base, off);
}

static void x86_ra_mov(void *ctx, IrType type, int dst, int src)
{
    X86Gen *g = ctx;
    x86_mov_rr(&g->a, type == IR_I64, dst, src);
}

static void x86_ra_movi(void *ctx, IrType type, int reg, uint64_t val)
{
    X86Gen *g = ctx;
    x86_movi_keepflags(&g->a, type == IR_I64, reg, val);
}

static const RaHost x86_ra_host = {
    .allocatable = X86_ALLOCATABLE,
    .call_clobbered = X86_CALL_CLOBBERED,
    .order = x86_reg_order,
    .norder = sizeof(x86_reg_order) / sizeof(x86_reg_order[0]),
    .env_reg = X86_ENV_REG,
    .frame_reg = X86_RSP,
    .frame_off = 0,
    .frame_slots = X86_64_FRAME_SLOTS,
    .ld = x86_ra_ld,
    .st = x86_ra_st,
    .mov = x86_ra_mov,
    .movi = x86_ra_movi,
};

/* ---- Shared emit helpers ------------------------------------------------ */

void x86_64_emit_call(X86Gen *g, const void *fn)
{
    intptr_t next = (intptr_t)(g->rx + g->a.pos + 5);
    intptr_t rel = (intptr_t)fn - next;
    if (rel == (int32_t)rel) {
        x86_byte(&g->a, 0xe8);
        x86_u32(&g->a, (uint32_t)rel);
    } else {
        x86_movi(&g->a, true, X86_RAX, (uint64_t)(uintptr_t)fn);
        x86_rr(&g->a, 0xff, 2, X86_RAX);    /* call rax */
    }
}

void x86_64_emit_align_check(X86Gen *g, int raddr, unsigned size)
{
    if (size == 0) {
        return;
    }
    X86Asm *a = &g->a;
    /* test r32, imm32 */
    x86_rr(a, 0xf7, 0, raddr);
    x86_u32(a, (1u << size) - 1);
    size_t ok = x86_jcc8(a, X86_CC_E);
    /* exec_unaligned_access(env, addr, retaddr): never returns, so the
     * argument registers may be overwritten freely. */
    x86_mov_rr(a, true, X86_RSI, raddr);
    x86_mov_rr(a, true, X86_RDI, X86_ENV_REG);
    x86_byte(a, 0x48);                     /* lea rdx, [rip + 0] */
    x86_byte(a, 0x8d);
    x86_byte(a, 0x15);
    x86_u32(a, 0);
    x86_64_emit_call(g, (const void *)exec_unaligned_access);
    x86_land8(a, ok);
}

static void x86_jmp_abs(X86Gen *g, const uint8_t *target)
{
    size_t pos = x86_jmp32(&g->a);
    intptr_t rel = (intptr_t)target - (intptr_t)(g->rx + pos + 4);
    x86_patch32(&g->a, pos, (uint32_t)rel);
}

/* ---- Control flow -------------------------------------------------------- */

static void x86_add_fixup(X86Gen *g, size_t pos, uint32_t label)
{
    if (g->nfix == g->cap_fix) {
        g->failed = true;       /* more than one branch per op */
        return;
    }
    g->fix[g->nfix].pos = (uint32_t)pos;
    g->fix[g->nfix].label = label;
    g->nfix++;
}

/* A rel32 branch (cc < 0: jmp) to a label. */
static void x86_branch(X86Gen *g, int cc, uint32_t label)
{
    if (label >= g->b->nb_labels) {
        g->failed = true;
        return;
    }
    size_t pos = cc < 0 ? x86_jmp32(&g->a) : x86_jcc32(&g->a, cc);
    if (g->label_pos[label] >= 0) {
        x86_patch32(&g->a, pos,
                    (uint32_t)(g->label_pos[label] - (int32_t)(pos + 4)));
    } else {
        x86_add_fixup(g, pos, label);
    }
}

static void x86_gen_brcond(X86Gen *g, const IrOp *op)
{
    IrCond cond = (IrCond)op->args[2];
    uint32_t label = (uint32_t)op->args[3];
    if (cond == IR_COND_NEVER) {
        return;
    }
    if (cond == IR_COND_ALWAYS) {
        x86_branch(g, -1, label);
        ra_branch_taken(&g->ra, label);
        g->unreachable = true;
        return;
    }
    X86Cmp c;
    x86_64_load_cmp(g, op, 0, 1, cond, &c);
    x86_64_emit_cmp(g, &c);
    x86_branch(g, c.cc, label);
    ra_branch_taken(&g->ra, label);
}

static void x86_gen_call(X86Gen *g, const IrOp *op)
{
    const IrHelper *h = (const IrHelper *)(uintptr_t)
                            op->args[op->nout + op->nin];
    RaState *ra = &g->ra;

    if (!(h->flags & IR_HF_NO_WRITE_GLOBALS)) {
        /* The helper may change globals: store them and forget the
         * cached copies. */
        ra_save_globals(ra);
    } else if (!(h->flags & IR_HF_NO_READ_GLOBALS) ||
               (h->flags & IR_HF_MAY_RAISE)) {
        ra_sync(ra, false);
    }
    for (unsigned i = 0; i < op->nin && i < IR_MAX_CALL_ARGS; i++) {
        ra_in_copy(ra, (IrTemp)op->args[op->nout + i],
                   x86_bit(x86_arg_regs[i]));
    }
    ra_inputs_done(ra);
    ra_clobber(ra, X86_CALL_CLOBBERED);
    x86_64_emit_call(g, h->func);
    if (op->nout) {
        IrTemp ret = (IrTemp)op->args[0];
        int r = ra_out(ra, ret, x86_bit(X86_RAX), x86_bit(X86_RAX));
        if (ir_temp_type(g->b, ret) == IR_I32) {
            x86_mov_rr(&g->a, false, r, r);     /* zero-extend */
        }
    }
}

static void x86_gen_goto_tb(X86Gen *g, const IrOp *op)
{
    unsigned n = (unsigned)op->args[0] & 1;
    /* Align the displacement to 4 bytes so patching is one atomic store
     * (the buffer start is 16-aligned in both views). */
    while ((g->a.pos + 1) % 4 != 0) {
        x86_byte(&g->a, 0x90);
    }
    size_t disp = x86_jmp32(&g->a);
    if (g->a.pos < UINT16_MAX) {
        g->tb->jmp_insn_offset[n] = (uint16_t)disp;
        g->tb->jmp_reset_offset[n] = (uint16_t)g->a.pos;
    }
}

static void x86_gen_exit_tb(X86Gen *g, uint64_t val)
{
    x86_movi(&g->a, true, X86_RAX, val);
    x86_jmp_abs(g, x86_epilogue_rx);
}

/* Puts the block key of the guest state in rsi (pc) and edx (flags):
 * from the guest's key layout, else through a call of its tb_key. */
static void x86_gen_load_key(X86Gen *g, const GuestArch *guest)
{
    X86Asm *a = &g->a;
    const GuestKeyLayout *k = guest->key_layout;

    if (!k) {
        x86_mov_rr(a, true, X86_RDI, X86_ENV_REG);
        x86_lea(a, true, X86_RSI, X86_RSP, -1, X86_KEY_PC);
        x86_lea(a, true, X86_RDX, X86_RSP, -1, X86_KEY_FLAGS);
        x86_64_emit_call(g, (const void *)guest->tb_key);
        x86_ld(a, true, X86_RSI, X86_RSP, X86_KEY_PC);
        x86_ld(a, false, X86_RDX, X86_RSP, X86_KEY_FLAGS);
        return;
    }
    x86_ld(a, k->pc_size == 8, X86_RSI, X86_ENV_REG, k->pc_offset);
    x86_movi(a, false, X86_RDX, 0);
    for (unsigned i = 0; i < k->nfields && i < GUEST_KEY_MAX_FIELDS; i++) {
        const GuestKeyField *f = &k->fields[i];
        if (f->test) {
            x86_alu_rr(a, false, X86_ALU_XOR, X86_RCX, X86_RCX);
            x86_rm(a, 0xf7, 0, X86_ENV_REG, -1, f->offset); /* test m32 */
            x86_u32(a, f->mask);
            x86_setcc(a, X86_CC_NE, X86_RCX);
        } else {
            x86_ld(a, false, X86_RCX, X86_ENV_REG, f->offset);
            if (f->mask != UINT32_MAX) {
                x86_alu_ri(a, false, X86_ALU_AND, X86_RCX, (int32_t)f->mask);
            }
            x86_shift_ri(a, false, X86_SH_SHR, X86_RCX, f->shift);
        }
        x86_shift_ri(a, false, X86_SH_SHL, X86_RCX, f->pos);
        x86_alu_rr(a, false, X86_ALU_OR, X86_RDX, X86_RCX);
    }
}

/* EXIT_LOOKUP: the jump-cache probe of tb_lookup() inline (hash, key and
 * validity checks, then a jump from this site, which the host predicts
 * per site); a miss calls tb_lookup_code(), which also fills the cache.
 * Every register is free here: the block ends and globals are synced. */
static void x86_gen_exit_lookup(X86Gen *g)
{
    X86Asm *a = &g->a;
    const GuestArch *guest = exec_guest();
    size_t miss[5];
    unsigned nmiss = 0;

    if (guest && guest->tb_key) {
        x86_gen_load_key(g, guest);
        /* rax = (pc ^ pc >> 2 ^ pc >> BITS) & (SIZE - 1): tb_jmp_cache_hash */
        x86_mov_rr(a, true, X86_RAX, X86_RSI);
        x86_shift_ri(a, true, X86_SH_SHR, X86_RAX, 2);
        x86_alu_rr(a, true, X86_ALU_XOR, X86_RAX, X86_RSI);
        x86_mov_rr(a, true, X86_RCX, X86_RSI);
        x86_shift_ri(a, true, X86_SH_SHR, X86_RCX, EMU_JMP_CACHE_BITS);
        x86_alu_rr(a, true, X86_ALU_XOR, X86_RAX, X86_RCX);
        x86_alu_ri(a, false, X86_ALU_AND, X86_RAX,
                   (int32_t)(EMU_JMP_CACHE_SIZE - 1));
        x86_ld(a, true, X86_RCX, X86_ENV_REG,
               (int32_t)offsetof(CpuCommon, jmp_cache));
        x86_rr(a, 0x85 | X86_W, X86_RCX, X86_RCX);      /* test rcx, rcx */
        miss[nmiss++] = x86_jcc8(a, X86_CC_E);
        /* mov rax, [rcx + rax * 8] */
        x86_byte(a, 0x48);
        x86_byte(a, 0x8b);
        x86_byte(a, 0x04);
        x86_byte(a, 0xc1);
        x86_rr(a, 0x85 | X86_W, X86_RAX, X86_RAX);      /* test rax, rax */
        miss[nmiss++] = x86_jcc8(a, X86_CC_E);
        x86_rm(a, 0x3b | X86_W, X86_RSI, X86_RAX, -1,   /* cmp rsi, pc */
               (int32_t)offsetof(TransBlock, pc));
        miss[nmiss++] = x86_jcc8(a, X86_CC_NE);
        x86_rm(a, 0x3b, X86_RDX, X86_RAX, -1,           /* cmp edx, flags */
               (int32_t)offsetof(TransBlock, flags));
        miss[nmiss++] = x86_jcc8(a, X86_CC_NE);
        x86_rm(a, 0x80, X86_ALU_CMP, X86_RAX, -1,       /* cmp invalid, 0 */
               (int32_t)offsetof(TransBlock, invalid));
        x86_byte(a, 0);
        miss[nmiss++] = x86_jcc8(a, X86_CC_NE);
        x86_rm(a, 0xff, 4, X86_RAX, -1,                 /* jmp [rax+code] */
               (int32_t)offsetof(TransBlock, code));
        for (unsigned i = 0; i < nmiss; i++) {
            x86_land8(a, miss[i]);
        }
    }
    x86_mov_rr(a, true, X86_RDI, X86_ENV_REG);
    x86_64_emit_call(g, (const void *)tb_lookup_code);
    x86_rr(a, 0x85 | X86_W, X86_RAX, X86_RAX);          /* test rax, rax */
    size_t none = x86_jcc8(a, X86_CC_E);
    x86_rr(a, 0xff, 4, X86_RAX);                        /* jmp rax */
    x86_land8(a, none);
    x86_gen_exit_tb(g, TB_EXIT_NOCHAIN);
}

static void x86_add_mark(X86Gen *g, const IrOp *op)
{
    if (g->nmarks == g->cap_marks) {
        g->failed = true;       /* more than one mark per op */
        return;
    }
    TbInsnMark *m = &g->marks[g->nmarks++];
    m->host_off = (uint32_t)g->a.pos;
    m->pc = op->args[0];
    m->extra = op->args[1];
}

static void x86_gen_op(X86Gen *g, uint32_t idx)
{
    const IrOp *op = &g->b->ops[idx];
    uint32_t flags = ir_op_defs[op->opc].flags;
    RaState *ra = &g->ra;

    ra_op_begin(ra, idx);
    if (op->opc == IR_BR) {
        ra_branch_sync(ra, (uint32_t)op->args[0]);
    } else if (op->opc == IR_BRCOND) {
        if (op->args[2] != IR_COND_NEVER) {
            ra_branch_sync(ra, (uint32_t)op->args[3]);
        }
    } else if (flags & IR_OPF_BB_END) {
        /* An exit: locals die with the block. */
        ra_sync(ra, false);
    } else if (flags & (IR_OPF_EXIT | IR_OPF_SYNC_GLOBALS |
                        IR_OPF_GUEST_MEM)) {
        ra_sync(ra, false);
    }
    switch (op->opc) {
    case IR_SET_LABEL: {
        uint32_t label = (uint32_t)op->args[0];
        ra_label(ra, label, !g->unreachable);
        g->unreachable = false;
        if (label < g->b->nb_labels) {
            g->label_pos[label] = (int32_t)g->a.pos;
        } else {
            g->failed = true;
        }
        break;
    }
    case IR_BR:
        x86_branch(g, -1, (uint32_t)op->args[0]);
        ra_branch_taken(ra, (uint32_t)op->args[0]);
        g->unreachable = true;
        break;
    case IR_BRCOND:
        x86_gen_brcond(g, op);
        break;
    case IR_GUEST_LD:
        x86_64_gen_guest_ld(g, op);
        break;
    case IR_GUEST_ST:
        x86_64_gen_guest_st(g, op);
        break;
    case IR_ATOMIC_CMPXCHG:
    case IR_ATOMIC_XCHG:
    case IR_ATOMIC_FETCH_ADD:
    case IR_ATOMIC_FETCH_AND:
    case IR_ATOMIC_FETCH_OR:
    case IR_ATOMIC_FETCH_XOR:
        x86_64_gen_atomic(g, op);
        break;
    case IR_MB:
        x86_64_gen_mb(g, op);
        break;
    case IR_CALL:
        x86_gen_call(g, op);
        break;
    case IR_INSN_START:
        x86_add_mark(g, op);
        break;
    case IR_GOTO_TB:
        x86_gen_goto_tb(g, op);
        break;
    case IR_EXIT_TB:
        x86_gen_exit_tb(g, op->args[0]);
        g->unreachable = true;
        break;
    case IR_EXIT_LOOKUP:
        x86_gen_exit_lookup(g);
        g->unreachable = true;
        break;
    default:
        if (!x86_64_gen_arith(g, op)) {
            fprintf(stderr, "emu: x86_64: unhandled op %s\n",
                    ir_op_defs[op->opc].name);
            g->failed = true;
        }
        break;
    }
    ra_op_end(ra);
}

/* ---- Backend entry points ------------------------------------------------ */

static bool x86_64_init(CodeBuf *cb)
{
    size_t avail;
    uint8_t *start = codebuf_begin(cb, 16, &avail);
    X86Asm a = { .buf = start, .cap = avail };
    static const int saved[] = {
        X86_RBP, X86_RBX, X86_R12, X86_R13, X86_R14, X86_R15,
    };

    x86_64_host_features();
    /* Prologue: uintptr_t prologue(CpuCommon *env, const void *code). */
    for (int i = 0; i < 6; i++) {
        if (saved[i] >= 8) {
            x86_byte(&a, 0x41);
        }
        x86_byte(&a, (uint8_t)(0x50 + (saved[i] & 7)));
    }
    x86_alu_ri(&a, true, X86_ALU_SUB, X86_RSP, X86_FRAME_SIZE);
    x86_mov_rr(&a, true, X86_ENV_REG, X86_RDI);
    x86_ld(&a, true, X86_GBASE_REG, X86_RDI,
           (int32_t)offsetof(CpuCommon, guest_base));
    x86_rr(&a, 0xff, 4, X86_RSI);                       /* jmp rsi */
    /* Epilogue: EXIT_TB jumps here with the exit value in rax. */
    while (a.pos % 16) {
        x86_byte(&a, 0xcc);
    }
    size_t epi = a.pos;
    x86_alu_ri(&a, true, X86_ALU_ADD, X86_RSP, X86_FRAME_SIZE);
    for (int i = 5; i >= 0; i--) {
        if (saved[i] >= 8) {
            x86_byte(&a, 0x41);
        }
        x86_byte(&a, (uint8_t)(0x58 + (saved[i] & 7)));
    }
    x86_byte(&a, 0xc3);
    if (a.overflow) {
        return false;
    }
    codebuf_commit(cb, start, a.pos);
    codebuf_reserve_used(cb);
    x86_prologue_rx = codebuf_to_rx(cb, start);
    x86_epilogue_rx = x86_prologue_rx + epi;
    return true;
}

static void x86_gen_free(X86Gen *g)
{
    ra_free(&g->ra);
    free(g->label_pos);     /* also holds fix[] and marks[] */
}

static bool x86_64_gen_code(IrBlock *b, TransBlock *tb, CodeBuf *cb)
{
    X86Gen g;
    size_t avail;
    uint8_t *start = codebuf_begin(cb, 16, &avail);

    memset(&g, 0, sizeof(g));
    g.a.buf = start;
    g.a.cap = avail;
    g.b = b;
    g.tb = tb;
    g.cb = cb;
    g.rx = codebuf_to_rx(cb, start);
    g.features = x86_64_host_features() & x86_feature_mask;
    tb->jmp_insn_offset[0] = tb->jmp_insn_offset[1] = UINT16_MAX;
    tb->jmp_reset_offset[0] = tb->jmp_reset_offset[1] = UINT16_MAX;
    /* One allocation for the label positions, the branch fixups and the
     * insn marks: an op makes at most one of each. */
    size_t nl = b->nb_labels ? b->nb_labels : 1, no = b->nb_ops ? b->nb_ops : 1;
    size_t lsz = (nl * sizeof(int32_t) + 7) & ~(size_t)7;
    g.label_pos = malloc(lsz + no * (sizeof(X86Fixup) + sizeof(TbInsnMark)));
    if (!g.label_pos || !ra_init(&g.ra, b, &x86_ra_host, &g)) {
        abort();
    }
    g.fix = (X86Fixup *)(void *)((uint8_t *)g.label_pos + lsz);
    g.cap_fix = (uint32_t)no;
    g.marks = (TbInsnMark *)(void *)(g.fix + no);
    g.cap_marks = (uint32_t)no;
    for (uint32_t i = 0; i < b->nb_labels; i++) {
        g.label_pos[i] = -1;
    }
    for (uint32_t i = 0; i < b->nb_ops && !g.a.overflow && !g.failed; i++) {
        if (b->ops[i].opc != IR_NOP) {
            x86_gen_op(&g, i);
        }
    }
    for (uint32_t i = 0; i < g.nfix && !g.a.overflow; i++) {
        int32_t target = g.label_pos[g.fix[i].label];
        if (target < 0) {
            g.failed = true;
            break;
        }
        x86_patch32(&g.a, g.fix[i].pos,
                    (uint32_t)(target - (int32_t)(g.fix[i].pos + 4)));
    }
    if (g.failed) {
        fprintf(stderr, "emu: x86_64: cannot generate code for block at "
                "pc 0x%llx\n", (unsigned long long)tb->pc);
        abort();
    }
    bool ok = !g.a.overflow && !g.ra.failed;
    if (ok) {
        codebuf_commit(cb, start, g.a.pos);
        tb->code = g.rx;
        tb->code_size = (uint32_t)g.a.pos;
        ok = tb_set_insn_map(tb, cb, g.marks, g.nmarks);
    }
    x86_gen_free(&g);
    return ok;
}

static uintptr_t x86_64_exec(CpuCommon *cpu, TransBlock *tb)
{
    uintptr_t (*entry)(CpuCommon *, const void *) =
        (uintptr_t (*)(CpuCommon *, const void *))(uintptr_t)x86_prologue_rx;
    return entry(cpu, tb->code);
}

static void x86_64_set_jump(CodeBuf *cb, TransBlock *tb, unsigned n,
                            TransBlock *dest)
{
    if (n > 1 || tb->jmp_insn_offset[n] == UINT16_MAX) {
        return;
    }
    const uint8_t *target = dest ? dest->code
                                 : tb->code + tb->jmp_reset_offset[n];
    const uint8_t *disp_rx = tb->code + tb->jmp_insn_offset[n];
    int32_t rel = (int32_t)((intptr_t)target - (intptr_t)(disp_rx + 4));
    uint32_t *p = (uint32_t *)(void *)codebuf_to_rw(cb, disp_rx);
    __atomic_store_n(p, (uint32_t)rel, __ATOMIC_RELEASE);
}

const HostBackend backend_x86_64 = {
    .name = "x86_64",
    .jit = true,
    .init = x86_64_init,
    .gen_code = x86_64_gen_code,
    .exec = x86_64_exec,
    .set_jump = x86_64_set_jump,
};

/* tests/unit/exec/toy_guest.c — the toy guest's frontend: decode one
 * 4-byte instruction, emit micro-ops, end blocks at branches. Written
 * only against core/guest.h, as a real frontend would be.
 */
#include "toy_guest.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/helper.h"
#include "core/ir.h"

/* Global temps in init_globals' order: env is 0. */
#define TOY_T_REG(i) ((IrTemp)(1 + (i)))
#define TOY_T_PC ((IrTemp)(1 + TOY_NREGS))

static void toy_helper_halt(CpuCommon *cpu, uint32_t code)
{
    ToyState *s = (ToyState *)cpu;

    s->halt_code = code;
    cpu_raise(cpu, TOY_EXCP_HALT, EMU_RETADDR());
}

static void toy_helper_trap(CpuCommon *cpu)
{
    cpu_raise(cpu, TOY_EXCP_TRAP, EMU_RETADDR());
}

/* Called from generated code: the code buffer is mapped and running, so
 * this is the moment to check that no page is writable and executable. */
static void toy_helper_maps(CpuCommon *cpu)
{
    ToyState *s = (ToyState *)cpu;
    FILE *f = fopen("/proc/self/maps", "r");
    char line[512];
    uint32_t result = 2;

    if (!f) {
        s->wx_result = 3;
        return;
    }
    while (fgets(line, sizeof(line), f)) {
        char perms[8] = "";
        if (sscanf(line, "%*x-%*x %7s", perms) == 1 && perms[1] == 'w' &&
            perms[2] == 'x') {
            fprintf(stderr, "w+x mapping: %s", line);
            result = 1;
        }
    }
    fclose(f);
    s->wx_result = result;
    s->maps_calls++;
}

_Atomic int toy_in_exclusive;

static void toy_helper_probe(CpuCommon *cpu)
{
    ToyState *s = (ToyState *)cpu;

    s->probe_calls++;
    if (toy_in_exclusive) {
        s->probe_violations++;
    }
}

static const IrHelper toy_probe_desc =
    IR_HELPER(toy_helper_probe, IR_HF_NO_READ_GLOBALS | IR_HF_NO_WRITE_GLOBALS,
              IR_HT_VOID, IR_HT_PTR);
static const IrHelper toy_halt_desc =
    IR_HELPER(toy_helper_halt, IR_HF_MAY_RAISE, IR_HT_VOID, IR_HT_PTR,
              IR_HT_I32);
static const IrHelper toy_trap_desc =
    IR_HELPER(toy_helper_trap, IR_HF_MAY_RAISE, IR_HT_VOID, IR_HT_PTR);
static const IrHelper toy_maps_desc =
    IR_HELPER(toy_helper_maps, IR_HF_NO_READ_GLOBALS | IR_HF_NO_WRITE_GLOBALS,
              IR_HT_VOID, IR_HT_PTR);

static const char *const toy_reg_names[TOY_NREGS] = {
    "r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7",
};

static void toy_init_globals(IrBlock *b)
{
    for (unsigned i = 0; i < TOY_NREGS; i++) {
        IrTemp t = ir_global(b, IR_I32,
                             (int32_t)offsetof(ToyState, regs[i]),
                             toy_reg_names[i]);
        if (t != TOY_T_REG(i)) {
            abort();
        }
    }
    if (ir_global(b, IR_I32, (int32_t)offsetof(ToyState, pc), "pc") !=
        TOY_T_PC) {
        abort();
    }
}

static void toy_tb_key(const CpuCommon *cpu, uint64_t *pc, uint32_t *flags)
{
    const ToyState *s = (const ToyState *)cpu;

    *pc = s->pc;
    *flags = (s->mode & 1) | (s->mode & 0xf0 ? 2 : 0);
}

/* toy_tb_key() as state fields: JITs look blocks up inline with it. */
static const GuestKeyLayout toy_key_layout = {
    .pc_offset = offsetof(ToyState, pc),
    .pc_size = 4,
    .nfields = 2,
    .fields = {
        { .offset = offsetof(ToyState, mode), .mask = 1, .pos = 0 },
        { .offset = offsetof(ToyState, mode), .mask = 0xf0, .test = true,
          .pos = 1 },
    },
};

static void toy_tb_start(TransCtx *ctx)
{
    (void)ctx;
}

static void toy_tb_end(TransCtx *ctx)
{
    translate_goto(ctx, 0, TOY_T_PC, ctx->pc_next);
}

static void toy_call(IrBlock *b, const IrHelper *h, unsigned nargs,
                     const IrTemp *args)
{
    ir_call(b, h, IR_NO_TEMP, nargs, args);
}

static void toy_translate_insn(TransCtx *ctx)
{
    IrBlock *b = ctx->ir;
    uint8_t bytes[4];
    uint32_t insn, pc = (uint32_t)ctx->pc_next;
    unsigned op, rd, rs;
    int32_t imm;
    uint32_t target;

    /* Fetch first: on failure nothing of this instruction is emitted. */
    if (!translate_fetch(ctx, pc, bytes, 4)) {
        return;
    }
    insn = bytes[0] | bytes[1] << 8 | bytes[2] << 16 | (uint32_t)bytes[3] << 24;
    op = insn & 0xff;
    rd = (insn >> 8) & 15 & (TOY_NREGS - 1);
    rs = (insn >> 12) & 15 & (TOY_NREGS - 1);
    imm = (int16_t)(insn >> 16);
    target = pc + 4 + (uint32_t)imm * 4;

    ir_insn_start(b, pc, insn);
    ctx->pc_next = pc + 4;

    switch (op) {
    case TOY_ADDI:
        ir_addi(b, TOY_T_REG(rd), TOY_T_REG(rd), (uint32_t)imm << ctx->flags);
        break;
    case TOY_ADD:
        ir_add(b, TOY_T_REG(rd), TOY_T_REG(rd), TOY_T_REG(rs));
        break;
    case TOY_BEQZ:
    case TOY_BNEZ: {
        uint32_t taken = ir_new_label(b);
        ir_brcondi(b, op == TOY_BEQZ ? IR_COND_EQ : IR_COND_NE, TOY_T_REG(rs),
                   0, taken);
        translate_goto(ctx, 1, TOY_T_PC, pc + 4);
        ir_set_label(b, taken);
        translate_goto(ctx, 0, TOY_T_PC, target);
        ctx->stop = true;
        break;
    }
    case TOY_JR:
        ir_mov(b, TOY_T_PC, TOY_T_REG(rs));
        ir_exit_lookup(b);
        ctx->stop = true;
        break;
    case TOY_LD:
    case TOY_LDA:
    case TOY_ST: {
        IrTemp addr = ir_temp_new(b, IR_I32);
        ir_addi(b, addr, TOY_T_REG(rs), (uint32_t)imm);
        if (op == TOY_ST) {
            ir_guest_st(b, TOY_T_REG(rd), addr, IR_MO_32);
        } else {
            ir_guest_ld(b, TOY_T_REG(rd), addr,
                        IR_MO_32 | (op == TOY_LDA ? IR_MO_ALIGN : 0));
        }
        break;
    }
    case TOY_HALT: {
        /* The helper never returns; the exit keeps the IR well formed. */
        IrTemp args[2] = { IR_ENV, ir_const(b, IR_I32, (uint32_t)imm) };
        toy_call(b, &toy_halt_desc, 2, args);
        translate_goto(ctx, 0, TOY_T_PC, pc + 4);
        ctx->stop = true;
        break;
    }
    case TOY_TRAP: {
        IrTemp args[1] = { IR_ENV };
        toy_call(b, &toy_trap_desc, 1, args);
        break;
    }
    case TOY_MAPS: {
        IrTemp args[1] = { IR_ENV };
        toy_call(b, &toy_maps_desc, 1, args);
        break;
    }
    case TOY_PROBE: {
        IrTemp args[1] = { IR_ENV };
        toy_call(b, &toy_probe_desc, 1, args);
        break;
    }
    case TOY_MOVI:
        ir_movi(b, TOY_T_REG(rd), (uint32_t)imm & 0xffff);
        break;
    case TOY_J:
        translate_goto(ctx, 0, TOY_T_PC, target);
        ctx->stop = true;
        break;
    case TOY_MODE:
        ir_st32(b, ir_const(b, IR_I32, (uint32_t)imm & 0xffff), IR_ENV,
                (int32_t)offsetof(ToyState, mode));
        ir_movi(b, TOY_T_PC, pc + 4);
        ir_exit_lookup(b);
        ctx->stop = true;
        break;
    default: {
        /* Undefined: halt with code 0xdead at this instruction. */
        IrTemp args[2] = { IR_ENV, ir_const(b, IR_I32, 0xdead) };
        toy_call(b, &toy_halt_desc, 2, args);
        translate_goto(ctx, 0, TOY_T_PC, pc + 4);
        ctx->stop = true;
        break;
    }
    }
}

static void toy_restore_state(CpuCommon *cpu, uint64_t pc, uint64_t extra)
{
    ToyState *s = (ToyState *)cpu;

    s->pc = (uint32_t)pc;
    s->last_extra = extra;
}

static void toy_dump_state(CpuCommon *cpu, FILE *out)
{
    ToyState *s = (ToyState *)cpu;

    fprintf(out, "pc=%08x", s->pc);
    for (unsigned i = 0; i < TOY_NREGS; i++) {
        fprintf(out, " r%u=%08x", i, s->regs[i]);
    }
    fprintf(out, "\n");
}

const GuestArch toy_guest = {
    .name = "toy",
    .elf_machine = 0,
    .big_endian = false,
    .page_size = TOY_PAGE_SIZE,
    .cs_arch = -1,
    .cs_mode = 0,
    .state_size = sizeof(ToyState),
    .ctx_size = 16,
    .init_globals = toy_init_globals,
    .tb_key = toy_tb_key,
    .tb_start = toy_tb_start,
    .translate_insn = toy_translate_insn,
    .tb_end = toy_tb_end,
    .restore_state = toy_restore_state,
    .dump_state = toy_dump_state,
    .key_layout = &toy_key_layout,
};

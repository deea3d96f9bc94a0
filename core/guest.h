/* core/guest.h — the frontend contract: one const GuestArch per guest.
 * The core's translator loop (translate.c) calls these hooks to turn guest
 * code at one pc into an IrBlock; nothing else of a guest reaches core/.
 */
#ifndef EMU_CORE_GUEST_H
#define EMU_CORE_GUEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "exec.h"
#include "ir.h"
#include "tb.h"

typedef struct TransCtx {
    IrBlock *ir;
    TransBlock *tb;
    CpuCommon *cpu;
    uint64_t pc_first;      /* guest pc of the block */
    uint64_t pc_next;       /* next guest pc to translate; the frontend
                               advances it past each instruction */
    uint32_t flags;         /* mode flags of the block */
    uint32_t num_insns;
    uint32_t max_insns;
    bool stop;              /* set by the frontend: the block ends here and
                               the frontend has emitted its exit */
    void *guest;            /* frontend's per-block state, ctx_size bytes */
} TransCtx;

/* Optional description of the block key as fields of the guest state,
 * so that a JIT can find the next block in the jump cache inline at
 * EXIT_LOOKUP instead of calling tb_key (see GuestArch.key_layout):
 *   pc    = the pc_size-byte (4 or 8) field at pc_offset;
 *   flags = OR over fields[0..nfields) of, with v the uint32_t field at
 *           offset: ((v & mask) >> shift) << pos, or with `test` set
 *           ((v & mask) != 0) << pos.
 * It must describe exactly what tb_key computes, for every state (debug
 * builds compare the two at every out-of-line lookup). */
typedef struct GuestKeyField {
    int32_t offset;
    uint32_t mask;
    uint8_t shift, pos;
    bool test;
} GuestKeyField;

#define GUEST_KEY_MAX_FIELDS 6

typedef struct GuestKeyLayout {
    int32_t pc_offset;
    uint8_t pc_size;
    uint8_t nfields;
    GuestKeyField fields[GUEST_KEY_MAX_FIELDS];
} GuestKeyLayout;

typedef struct GuestArch {
    const char *name;       /* "arm", "mips"… */
    uint16_t elf_machine;   /* EM_* */
    bool big_endian;
    uint32_t page_size;
    int cs_arch, cs_mode;   /* capstone for -d in_asm; cs_arch < 0: none */
    size_t state_size;      /* bytes of the guest state (CpuCommon first) */
    size_t ctx_size;        /* bytes of TransCtx.guest */

    /* Registers the guest's globals in a fresh IrBlock, always in the same
     * order so their temp numbers are stable. */
    void (*init_globals)(IrBlock *b);
    /* The cache key of the block the cpu will run next. */
    void (*tb_key)(const CpuCommon *cpu, uint64_t *pc, uint32_t *flags);
    /* Before the first instruction of a block. */
    void (*tb_start)(TransCtx *ctx);
    /* Translates one instruction at ctx->pc_next: emits ir_insn_start
     * first, advances pc_next, sets ctx->stop if it ended the block. */
    void (*translate_insn)(TransCtx *ctx);
    /* When the block ended without ctx->stop (instruction limit, page
     * end): emits the exit to ctx->pc_next. */
    void (*tb_end)(TransCtx *ctx);
    /* Restores the guest state from an insn_start's constants. */
    void (*restore_state)(CpuCommon *cpu, uint64_t pc, uint64_t extra);
    /* Optional (NULL: none): writes the guest registers for -d cpu. */
    void (*dump_state)(CpuCommon *cpu, FILE *out);
    /* Optional (NULL: none): the block key as state fields (above); a
     * JIT then looks blocks up inline at EXIT_LOOKUP without a call. */
    const GuestKeyLayout *key_layout;
} GuestArch;

/* Reads `len` bytes of guest code at `addr` for translation. A fetch
 * that cannot be done raises EXCP_FETCH_FAULT (excp_addr = addr) when
 * nothing of the block was translated yet, else ends the block before
 * this instruction and returns false. */
bool translate_fetch(TransCtx *ctx, uint64_t addr, void *buf, size_t len);

/* Runtime hook for translate_fetch: true when guest [addr, addr+len) is
 * mapped executable. NULL (default): everything is readable. */
extern bool (*guest_code_readable)(uint64_t addr, size_t len);

/* Exit helpers for frontends: the value an EXIT_TB after GOTO_TB slot n
 * returns, and the common direct-jump sequence. `pc_global` is the guest
 * pc global; emits goto_tb n, pc = dest, exit_tb. */
uint64_t translate_exit_value(const TransCtx *ctx, unsigned slot);
void translate_goto(TransCtx *ctx, unsigned slot, IrTemp pc_global,
                    uint64_t dest);

#endif

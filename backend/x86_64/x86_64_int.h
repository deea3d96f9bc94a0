/* backend/x86_64/x86_64_int.h — what the x86-64 op lowering files share:
 * the per-block code generation context, register conventions and host
 * feature bits. Private to backend/x86_64.
 */
#ifndef EMU_BACKEND_X86_64_INT_H
#define EMU_BACKEND_X86_64_INT_H

#include "core/backend.h"
#include "core/regalloc.h"
#include "emit.h"
#include "x86_64.h"

/* Fixed registers: env (the CPU state) and guest_base, both callee-saved,
 * so helpers preserve them; rsp addresses the spill frame. */
#define X86_ENV_REG   X86_R14
#define X86_GBASE_REG X86_R15

#define X86_ALLOCATABLE                                                    \
    ((1u << X86_RAX) | (1u << X86_RCX) | (1u << X86_RDX) |                 \
     (1u << X86_RBX) | (1u << X86_RBP) | (1u << X86_RSI) |                 \
     (1u << X86_RDI) | (1u << X86_R8) | (1u << X86_R9) | (1u << X86_R10) | \
     (1u << X86_R11) | (1u << X86_R12) | (1u << X86_R13))
#define X86_CALL_CLOBBERED                                                 \
    ((1u << X86_RAX) | (1u << X86_RCX) | (1u << X86_RDX) |                 \
     (1u << X86_RSI) | (1u << X86_RDI) | (1u << X86_R8) | (1u << X86_R9) | \
     (1u << X86_R10) | (1u << X86_R11))

typedef struct X86Fixup {
    uint32_t pos;       /* offset of a rel32 displacement */
    uint32_t label;
} X86Fixup;

/* Everything one gen_code() call needs; nothing lives at file scope. */
typedef struct X86Gen {
    X86Asm a;
    RaState ra;
    IrBlock *b;
    TransBlock *tb;
    CodeBuf *cb;
    const uint8_t *rx;          /* executable address of a.buf[0] */
    int32_t *label_pos;         /* nb_labels entries, -1 while unbound */
    X86Fixup *fix;
    uint32_t nfix, cap_fix;
    TbInsnMark *marks;
    uint32_t nmarks, cap_marks;
    uint32_t features;          /* X86_FEAT_* */
    bool failed;                /* malformed block (e.g. unbound label) */
    bool unreachable;           /* the last op cannot fall through */
} X86Gen;

static inline uint32_t x86_bit(int reg)
{
    return 1u << reg;
}

/* Emits a call to an absolute host function (rel32 when in range, else
 * through rax). */
void x86_64_emit_call(X86Gen *g, const void *fn);
/* Emits the IR_MO_ALIGN check of the address in raddr for 2^size bytes. */
void x86_64_emit_align_check(X86Gen *g, int raddr, unsigned size);

/* guestmem.c: GUEST_LD, GUEST_ST, the atomics and MB. */
void x86_64_gen_guest_ld(X86Gen *g, const IrOp *op);
void x86_64_gen_guest_st(X86Gen *g, const IrOp *op);
void x86_64_gen_atomic(X86Gen *g, const IrOp *op);
void x86_64_gen_mb(X86Gen *g, const IrOp *op);

/* arith.c: value ops (moves, ALU, shifts, division, bit ops, conditions
 * into values, host memory LD/ST). Returns false for an op it does not
 * handle. */
bool x86_64_gen_arith(X86Gen *g, const IrOp *op);
/* Loads a comparison's operands and returns the host condition code for
 * cond, emitting nothing yet; x86_64_emit_cmp() then emits the compare. */
typedef struct X86Cmp {
    bool w;
    int ra, rb;         /* rb < 0: compare with imm */
    int32_t imm;
    int cc;
    unsigned ka, kb;    /* args[] indices that ended up in ra and rb */
} X86Cmp;
void x86_64_load_cmp(X86Gen *g, const IrOp *op, unsigned ka, unsigned kb,
                     IrCond cond, X86Cmp *c);
void x86_64_emit_cmp(X86Gen *g, const X86Cmp *c);

#endif

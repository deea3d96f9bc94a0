/* core/ir.h — micro-ops: types, temps, labels, ops and the builder API.
 * Frontends build an IrBlock through these functions only; the optimizer
 * rewrites it; a backend (JIT or interpreter) turns it into runnable code.
 * Nothing here knows a guest or a host.
 */
#ifndef EMU_CORE_IR_H
#define EMU_CORE_IR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "helper.h"

/* ---- Types ------------------------------------------------------------ */

typedef enum IrType {
    IR_I32 = 0,
    IR_I64 = 1,
} IrType;

/* The host pointer type: the env temp and LD/ST bases have it. */
#define IR_PTR (sizeof(void *) == 8 ? IR_I64 : IR_I32)

typedef enum IrOpcode {
#define IR_OPDEF(name, nout, nin, nconst, flags) IR_##name,
#include "ir_ops.h"
#undef IR_OPDEF
    IR_NB_OPS
} IrOpcode;

/* Op flags (IrOpDef.flags). */
enum {
    IR_OPF_PURE         = 1u << 0,  /* no effect but its outputs */
    IR_OPF_BB_START     = 1u << 1,  /* a label: ephemerals die here */
    IR_OPF_BB_END       = 1u << 2,  /* ends a basic block */
    IR_OPF_LOAD         = 1u << 3,  /* reads host memory (removable if dead) */
    IR_OPF_STORE        = 1u << 4,  /* writes host memory (e.g. CPU state) */
    IR_OPF_GUEST_MEM    = 1u << 5,  /* guest memory: may fault, so globals
                                       are synced to CPU state before it */
    IR_OPF_SIDE_EFFECTS = 1u << 6,  /* never removed */
    IR_OPF_CALL         = 1u << 7,  /* helper call (see IrHelper flags) */
    IR_OPF_EXIT         = 1u << 8,  /* leaves the block: globals synced */
    IR_OPF_SYNC_GLOBALS = 1u << 9,  /* globals synced before the op */
};

typedef struct IrOpDef {
    const char *name;
    uint8_t nout, nin, nconst;
    uint32_t flags;
} IrOpDef;

extern const IrOpDef ir_op_defs[IR_NB_OPS];

/* Comparison conditions (SETCOND, MOVCOND, BRCOND). */
typedef enum IrCond {
    IR_COND_NEVER = 0,
    IR_COND_ALWAYS,
    IR_COND_EQ,
    IR_COND_NE,
    IR_COND_LT,   /* signed */
    IR_COND_GE,
    IR_COND_LE,
    IR_COND_GT,
    IR_COND_LTU,  /* unsigned */
    IR_COND_GEU,
    IR_COND_LEU,
    IR_COND_GTU,
    IR_NB_CONDS
} IrCond;

/* Memory operation descriptor for guest memory ops. */
enum {
    IR_MO_8     = 0,
    IR_MO_16    = 1,
    IR_MO_32    = 2,
    IR_MO_64    = 3,
    IR_MO_SIZE  = 3,        /* mask: log2 of the access size */
    IR_MO_SIGN  = 1u << 2,  /* sign-extend the loaded value */
    IR_MO_BE    = 1u << 3,  /* big-endian in guest memory (else little) */
    IR_MO_ALIGN = 1u << 4,  /* unaligned address raises an alignment fault */
};

/* Barrier kinds (MB). */
enum {
    IR_MB_LD_LD = 1u << 0,
    IR_MB_ST_LD = 1u << 1,
    IR_MB_LD_ST = 1u << 2,
    IR_MB_ST_ST = 1u << 3,
    IR_MB_ALL   = 0xf,
};

/* ---- Temps ------------------------------------------------------------ */

/* A temp is an index into IrBlock.temps. */
typedef uint32_t IrTemp;
#define IR_NO_TEMP UINT32_MAX

typedef enum IrTempKind {
    IR_TEMP_EPHEMERAL = 0,  /* dies at the next label or block end */
    IR_TEMP_LOCAL,          /* lives across labels within the block */
    IR_TEMP_GLOBAL,         /* bound to a field of the CPU state */
    IR_TEMP_CONST,          /* a constant value */
    IR_TEMP_ENV,            /* the CPU state pointer itself (temp 0) */
} IrTempKind;

typedef struct IrTempInfo {
    uint8_t type;        /* IrType */
    uint8_t kind;        /* IrTempKind */
    int32_t offset;      /* IR_TEMP_GLOBAL: byte offset in the CPU state */
    uint64_t val;        /* IR_TEMP_CONST: the value (zero-extended) */
    const char *name;    /* IR_TEMP_GLOBAL: for dumps */
} IrTempInfo;

/* The env temp is always temp 0. */
#define IR_ENV ((IrTemp)0)

/* ---- Ops and blocks ------------------------------------------------- */

#define IR_MAX_ARGS (2 + IR_MAX_CALL_ARGS + 2)

typedef struct IrOp {
    uint16_t opc;         /* IrOpcode */
    uint8_t type;         /* IrType of the operation */
    uint8_t nout, nin, nconst;
    uint64_t args[IR_MAX_ARGS];  /* outputs, inputs (IrTemp), constants */
} IrOp;

typedef struct IrBlock {
    IrTempInfo *temps;
    uint32_t nb_temps, cap_temps;
    uint32_t nb_globals;     /* temps [0, nb_globals) are env + globals */
    IrOp *ops;
    uint32_t nb_ops, cap_ops;
    uint32_t nb_labels;
} IrBlock;

/* Creates an empty block holding only the env temp. Caller frees with
 * ir_block_free(). Aborts on allocation failure. */
IrBlock *ir_block_new(void);
void ir_block_free(IrBlock *b);
/* Drops every op and every non-global temp, ready for the next block.
 * Globals keep their numbers. */
void ir_block_reset(IrBlock *b);

/* Registers a global bound to the CPU-state field at byte offset `offset`;
 * only valid before the first non-global temp is created (after a
 * reset). `name` must outlive the block. */
IrTemp ir_global(IrBlock *b, IrType type, int32_t offset, const char *name);

IrTemp ir_temp_new(IrBlock *b, IrType type);     /* ephemeral */
IrTemp ir_temp_local(IrBlock *b, IrType type);   /* block-local */
IrTemp ir_const(IrBlock *b, IrType type, uint64_t val);
static inline IrType ir_temp_type(const IrBlock *b, IrTemp t)
{
    return (IrType)b->temps[t].type;
}

/* Labels. */
uint32_t ir_new_label(IrBlock *b);

/* Appends an op; the generic entry behind every builder function. `args`
 * holds nout + nin temps then nconst constants. Returns the op's index. */
uint32_t ir_emit(IrBlock *b, IrOpcode opc, IrType type, uint8_t nout,
                 uint8_t nin, uint8_t nconst, const uint64_t *args);

/* ---- Builder ---------------------------------------------------------
 * Operation width comes from the destination temp. Operands must have the
 * same type unless the op converts. */

void ir_mov(IrBlock *b, IrTemp d, IrTemp a);
void ir_movi(IrBlock *b, IrTemp d, uint64_t imm);
void ir_add(IrBlock *b, IrTemp d, IrTemp a, IrTemp c);
void ir_sub(IrBlock *b, IrTemp d, IrTemp a, IrTemp c);
void ir_mul(IrBlock *b, IrTemp d, IrTemp a, IrTemp c);
void ir_neg(IrBlock *b, IrTemp d, IrTemp a);
void ir_and(IrBlock *b, IrTemp d, IrTemp a, IrTemp c);
void ir_or(IrBlock *b, IrTemp d, IrTemp a, IrTemp c);
void ir_xor(IrBlock *b, IrTemp d, IrTemp a, IrTemp c);
void ir_andc(IrBlock *b, IrTemp d, IrTemp a, IrTemp c);
void ir_orc(IrBlock *b, IrTemp d, IrTemp a, IrTemp c);
void ir_not(IrBlock *b, IrTemp d, IrTemp a);
void ir_shl(IrBlock *b, IrTemp d, IrTemp a, IrTemp c);
void ir_shr(IrBlock *b, IrTemp d, IrTemp a, IrTemp c);
void ir_sar(IrBlock *b, IrTemp d, IrTemp a, IrTemp c);
void ir_rotl(IrBlock *b, IrTemp d, IrTemp a, IrTemp c);
void ir_rotr(IrBlock *b, IrTemp d, IrTemp a, IrTemp c);
void ir_divs(IrBlock *b, IrTemp d, IrTemp a, IrTemp c);
void ir_divu(IrBlock *b, IrTemp d, IrTemp a, IrTemp c);
void ir_rems(IrBlock *b, IrTemp d, IrTemp a, IrTemp c);
void ir_remu(IrBlock *b, IrTemp d, IrTemp a, IrTemp c);

/* Immediate forms: the constant has the destination's type. */
void ir_addi(IrBlock *b, IrTemp d, IrTemp a, uint64_t imm);
void ir_subi(IrBlock *b, IrTemp d, IrTemp a, uint64_t imm);
void ir_muli(IrBlock *b, IrTemp d, IrTemp a, uint64_t imm);
void ir_andi(IrBlock *b, IrTemp d, IrTemp a, uint64_t imm);
void ir_ori(IrBlock *b, IrTemp d, IrTemp a, uint64_t imm);
void ir_xori(IrBlock *b, IrTemp d, IrTemp a, uint64_t imm);
void ir_shli(IrBlock *b, IrTemp d, IrTemp a, uint64_t imm);
void ir_shri(IrBlock *b, IrTemp d, IrTemp a, uint64_t imm);
void ir_sari(IrBlock *b, IrTemp d, IrTemp a, uint64_t imm);
void ir_rotli(IrBlock *b, IrTemp d, IrTemp a, uint64_t imm);
void ir_rotri(IrBlock *b, IrTemp d, IrTemp a, uint64_t imm);

void ir_mulu2(IrBlock *b, IrTemp lo, IrTemp hi, IrTemp a, IrTemp c);
void ir_muls2(IrBlock *b, IrTemp lo, IrTemp hi, IrTemp a, IrTemp c);
void ir_add2(IrBlock *b, IrTemp rl, IrTemp rh, IrTemp al, IrTemp ah,
             IrTemp bl, IrTemp bh);
void ir_sub2(IrBlock *b, IrTemp rl, IrTemp rh, IrTemp al, IrTemp ah,
             IrTemp bl, IrTemp bh);

void ir_extract(IrBlock *b, IrTemp d, IrTemp a, unsigned pos, unsigned len);
void ir_sextract(IrBlock *b, IrTemp d, IrTemp a, unsigned pos, unsigned len);
void ir_deposit(IrBlock *b, IrTemp d, IrTemp a, IrTemp val, unsigned pos,
                unsigned len);

void ir_ext8s(IrBlock *b, IrTemp d, IrTemp a);
void ir_ext8u(IrBlock *b, IrTemp d, IrTemp a);
void ir_ext16s(IrBlock *b, IrTemp d, IrTemp a);
void ir_ext16u(IrBlock *b, IrTemp d, IrTemp a);
void ir_ext32s(IrBlock *b, IrTemp d, IrTemp a);   /* i64 only */
void ir_ext32u(IrBlock *b, IrTemp d, IrTemp a);   /* i64 only */
void ir_extu_i32_i64(IrBlock *b, IrTemp d64, IrTemp a32);
void ir_exts_i32_i64(IrBlock *b, IrTemp d64, IrTemp a32);
void ir_extrl_i64_i32(IrBlock *b, IrTemp d32, IrTemp a64);
void ir_extrh_i64_i32(IrBlock *b, IrTemp d32, IrTemp a64);

void ir_bswap16(IrBlock *b, IrTemp d, IrTemp a);
void ir_bswap32(IrBlock *b, IrTemp d, IrTemp a);
void ir_bswap64(IrBlock *b, IrTemp d, IrTemp a);
void ir_clz(IrBlock *b, IrTemp d, IrTemp a);
void ir_ctz(IrBlock *b, IrTemp d, IrTemp a);
void ir_popcnt(IrBlock *b, IrTemp d, IrTemp a);

void ir_setcond(IrBlock *b, IrCond cond, IrTemp d, IrTemp a, IrTemp c);
void ir_movcond(IrBlock *b, IrCond cond, IrTemp d, IrTemp c1, IrTemp c2,
                IrTemp v1, IrTemp v2);

void ir_set_label(IrBlock *b, uint32_t label);
void ir_br(IrBlock *b, uint32_t label);
void ir_brcond(IrBlock *b, IrCond cond, IrTemp a, IrTemp c, uint32_t label);
void ir_brcondi(IrBlock *b, IrCond cond, IrTemp a, uint64_t imm,
                uint32_t label);

/* Host memory at base + offset (base is a pointer-typed temp, usually
 * IR_ENV). Loads extend into d's width. */
void ir_ld8u(IrBlock *b, IrTemp d, IrTemp base, int32_t offset);
void ir_ld8s(IrBlock *b, IrTemp d, IrTemp base, int32_t offset);
void ir_ld16u(IrBlock *b, IrTemp d, IrTemp base, int32_t offset);
void ir_ld16s(IrBlock *b, IrTemp d, IrTemp base, int32_t offset);
void ir_ld32u(IrBlock *b, IrTemp d, IrTemp base, int32_t offset);
void ir_ld32s(IrBlock *b, IrTemp d, IrTemp base, int32_t offset);
void ir_ld(IrBlock *b, IrTemp d, IrTemp base, int32_t offset);
void ir_st8(IrBlock *b, IrTemp val, IrTemp base, int32_t offset);
void ir_st16(IrBlock *b, IrTemp val, IrTemp base, int32_t offset);
void ir_st32(IrBlock *b, IrTemp val, IrTemp base, int32_t offset);
void ir_st(IrBlock *b, IrTemp val, IrTemp base, int32_t offset);

/* Guest memory (memop: IR_MO_*). */
void ir_guest_ld(IrBlock *b, IrTemp d, IrTemp addr, unsigned memop);
void ir_guest_st(IrBlock *b, IrTemp val, IrTemp addr, unsigned memop);
void ir_atomic_cmpxchg(IrBlock *b, IrTemp old, IrTemp addr, IrTemp cmpv,
                       IrTemp newv, unsigned memop);
void ir_atomic_xchg(IrBlock *b, IrTemp old, IrTemp addr, IrTemp val,
                    unsigned memop);
void ir_atomic_fetch_add(IrBlock *b, IrTemp old, IrTemp addr, IrTemp val,
                         unsigned memop);
void ir_atomic_fetch_and(IrBlock *b, IrTemp old, IrTemp addr, IrTemp val,
                         unsigned memop);
void ir_atomic_fetch_or(IrBlock *b, IrTemp old, IrTemp addr, IrTemp val,
                        unsigned memop);
void ir_atomic_fetch_xor(IrBlock *b, IrTemp old, IrTemp addr, IrTemp val,
                         unsigned memop);
void ir_mb(IrBlock *b, unsigned kind);

/* Calls helper `h` with `nargs` argument temps; `ret` receives the result
 * (IR_NO_TEMP when the helper returns void or the result is unused). */
void ir_call(IrBlock *b, const IrHelper *h, IrTemp ret, unsigned nargs,
             const IrTemp *args);

void ir_insn_start(IrBlock *b, uint64_t pc, uint64_t extra);
void ir_goto_tb(IrBlock *b, unsigned slot);
void ir_exit_tb(IrBlock *b, uint64_t val);
void ir_exit_lookup(IrBlock *b);

/* ---- Inspection ----------------------------------------------------- */

/* Checks types, argument counts, temp and label numbers. Returns true
 * when valid; otherwise writes one line to `err` (size errlen). */
bool ir_validate(const IrBlock *b, char *err, size_t errlen);

/* Writes the block in the -d op format, one op a line. */
void ir_dump(const IrBlock *b, FILE *out);

/* Number of live (non-NOP) ops. */
uint32_t ir_count_ops(const IrBlock *b);

/* ---- Passes ----------------------------------------------------------
 * Optimizer (optimize.c): folding, propagation, identities, dead code,
 * dead global stores. In place. */
void ir_optimize(IrBlock *b);

/* Rewrites every i64 op into i32 ops on pairs of temps, for 32-bit hosts
 * (lower64.c). Globals of type i64 become two i32 globals. In place. */
void ir_lower_i64(IrBlock *b);

#endif

/* core/ir_ops.h — the one table of micro-ops.
 * Included with IR_OPDEF defined to expand each row; from it come the
 * opcode enum, the -d op names and the validator's argument counts (ir.c).
 *
 * IR_OPDEF(name, outputs, inputs, constants, flags)
 *
 * Argument order in IrOp.args is always: outputs, inputs, constants.
 * Value ops take their width from IrOp.type (IR_I32 or IR_I64), which the
 * builder sets from the first output (or first input when there is none).
 * Semantics that every backend must implement exactly:
 *   shifts/rotates: the count is taken modulo the width;
 *   DIVU/DIVS by zero give 0, REMU/REMS by zero give the dividend,
 *   DIVS(MIN, -1) gives MIN and REMS(MIN, -1) gives 0;
 *   CLZ/CTZ of zero give the width;
 *   BSWAP16/BSWAP32 swap the low 2/4 bytes and zero-extend the result;
 *   EXTRACT/SEXTRACT/DEPOSIT take constants pos, len with
 *   0 < len, pos + len <= width.
 */

/* Moves and arithmetic. */
IR_OPDEF(MOV,      1, 1, 0, IR_OPF_PURE)
IR_OPDEF(ADD,      1, 2, 0, IR_OPF_PURE)
IR_OPDEF(SUB,      1, 2, 0, IR_OPF_PURE)
IR_OPDEF(MUL,      1, 2, 0, IR_OPF_PURE)
IR_OPDEF(NEG,      1, 1, 0, IR_OPF_PURE)
IR_OPDEF(AND,      1, 2, 0, IR_OPF_PURE)
IR_OPDEF(OR,       1, 2, 0, IR_OPF_PURE)
IR_OPDEF(XOR,      1, 2, 0, IR_OPF_PURE)
IR_OPDEF(ANDC,     1, 2, 0, IR_OPF_PURE)   /* a & ~b */
IR_OPDEF(ORC,      1, 2, 0, IR_OPF_PURE)   /* a | ~b */
IR_OPDEF(NOT,      1, 1, 0, IR_OPF_PURE)
IR_OPDEF(SHL,      1, 2, 0, IR_OPF_PURE)
IR_OPDEF(SHR,      1, 2, 0, IR_OPF_PURE)
IR_OPDEF(SAR,      1, 2, 0, IR_OPF_PURE)
IR_OPDEF(ROTL,     1, 2, 0, IR_OPF_PURE)
IR_OPDEF(ROTR,     1, 2, 0, IR_OPF_PURE)
IR_OPDEF(DIVS,     1, 2, 0, IR_OPF_PURE)
IR_OPDEF(DIVU,     1, 2, 0, IR_OPF_PURE)
IR_OPDEF(REMS,     1, 2, 0, IR_OPF_PURE)
IR_OPDEF(REMU,     1, 2, 0, IR_OPF_PURE)

/* Double-word: (lo, hi) = a * b, full product; (lo, hi) = (al, ah) +- (bl, bh). */
IR_OPDEF(MULU2,    2, 2, 0, IR_OPF_PURE)
IR_OPDEF(MULS2,    2, 2, 0, IR_OPF_PURE)
IR_OPDEF(ADD2,     2, 4, 0, IR_OPF_PURE)
IR_OPDEF(SUB2,     2, 4, 0, IR_OPF_PURE)

/* Bit fields: out = (a >> pos) & mask(len), sign-extended for SEXTRACT;
 * DEPOSIT: out = a with bits [pos, pos+len) replaced by the low bits of b. */
IR_OPDEF(EXTRACT,  1, 1, 2, IR_OPF_PURE)
IR_OPDEF(SEXTRACT, 1, 1, 2, IR_OPF_PURE)
IR_OPDEF(DEPOSIT,  1, 2, 2, IR_OPF_PURE)

/* Extensions within one width, and between widths (type is IR_I64 for
 * the four cross-width ops; EXT32S/EXT32U exist only for IR_I64). */
IR_OPDEF(EXT8S,    1, 1, 0, IR_OPF_PURE)
IR_OPDEF(EXT8U,    1, 1, 0, IR_OPF_PURE)
IR_OPDEF(EXT16S,   1, 1, 0, IR_OPF_PURE)
IR_OPDEF(EXT16U,   1, 1, 0, IR_OPF_PURE)
IR_OPDEF(EXT32S,   1, 1, 0, IR_OPF_PURE)
IR_OPDEF(EXT32U,   1, 1, 0, IR_OPF_PURE)
IR_OPDEF(EXTU_I32_I64, 1, 1, 0, IR_OPF_PURE)   /* i64 out = zext(i32 in) */
IR_OPDEF(EXTS_I32_I64, 1, 1, 0, IR_OPF_PURE)   /* i64 out = sext(i32 in) */
IR_OPDEF(EXTRL_I64_I32, 1, 1, 0, IR_OPF_PURE)  /* i32 out = low half */
IR_OPDEF(EXTRH_I64_I32, 1, 1, 0, IR_OPF_PURE)  /* i32 out = high half */

/* Byte swaps and bit counts. */
IR_OPDEF(BSWAP16,  1, 1, 0, IR_OPF_PURE)
IR_OPDEF(BSWAP32,  1, 1, 0, IR_OPF_PURE)
IR_OPDEF(BSWAP64,  1, 1, 0, IR_OPF_PURE)
IR_OPDEF(CLZ,      1, 1, 0, IR_OPF_PURE)
IR_OPDEF(CTZ,      1, 1, 0, IR_OPF_PURE)
IR_OPDEF(POPCNT,   1, 1, 0, IR_OPF_PURE)

/* Conditions: const cond is an IrCond. type is the width of the compared
 * inputs; SETCOND's output has that width too and is 0 or 1.
 * MOVCOND: out = cond(c1, c2) ? v1 : v2 (all four inputs one width). */
IR_OPDEF(SETCOND,  1, 2, 1, IR_OPF_PURE)
IR_OPDEF(MOVCOND,  1, 4, 1, IR_OPF_PURE)

/* Control flow inside a block. Labels are numbers from ir_new_label(). */
IR_OPDEF(SET_LABEL, 0, 0, 1, IR_OPF_BB_START)
IR_OPDEF(BR,       0, 0, 1, IR_OPF_BB_END)
IR_OPDEF(BRCOND,   0, 2, 2, IR_OPF_BB_END)     /* consts: cond, label */

/* Host memory relative to a pointer (CPU state fields that are not
 * globals: arrays, rarely used registers). const: byte offset. */
IR_OPDEF(LD8U,     1, 1, 1, IR_OPF_LOAD)
IR_OPDEF(LD8S,     1, 1, 1, IR_OPF_LOAD)
IR_OPDEF(LD16U,    1, 1, 1, IR_OPF_LOAD)
IR_OPDEF(LD16S,    1, 1, 1, IR_OPF_LOAD)
IR_OPDEF(LD32U,    1, 1, 1, IR_OPF_LOAD)
IR_OPDEF(LD32S,    1, 1, 1, IR_OPF_LOAD)
IR_OPDEF(LD,       1, 1, 1, IR_OPF_LOAD)       /* full width of type */
IR_OPDEF(ST8,      0, 2, 1, IR_OPF_STORE)      /* inputs: value, base */
IR_OPDEF(ST16,     0, 2, 1, IR_OPF_STORE)
IR_OPDEF(ST32,     0, 2, 1, IR_OPF_STORE)
IR_OPDEF(ST,       0, 2, 1, IR_OPF_STORE)

/* Guest memory: const memop (IR_MO_*). The address input is a guest
 * address (i32 for 32-bit guests). GUEST_LD: out = mem[addr], extended to
 * the output's width per MO_SIGN. GUEST_ST inputs: value, addr.
 * Atomics return the old memory value, extended per MO_SIGN like a load;
 * inputs: addr, then operands. ATOMIC_CMPXCHG compares only the low
 * access-size bits of cmpv with memory and stores the low bits of newv. */
IR_OPDEF(GUEST_LD, 1, 1, 1, IR_OPF_GUEST_MEM | IR_OPF_SIDE_EFFECTS)
IR_OPDEF(GUEST_ST, 0, 2, 1, IR_OPF_GUEST_MEM | IR_OPF_SIDE_EFFECTS)
IR_OPDEF(ATOMIC_CMPXCHG,   1, 3, 1, IR_OPF_GUEST_MEM | IR_OPF_SIDE_EFFECTS)
IR_OPDEF(ATOMIC_XCHG,      1, 2, 1, IR_OPF_GUEST_MEM | IR_OPF_SIDE_EFFECTS)
IR_OPDEF(ATOMIC_FETCH_ADD, 1, 2, 1, IR_OPF_GUEST_MEM | IR_OPF_SIDE_EFFECTS)
IR_OPDEF(ATOMIC_FETCH_AND, 1, 2, 1, IR_OPF_GUEST_MEM | IR_OPF_SIDE_EFFECTS)
IR_OPDEF(ATOMIC_FETCH_OR,  1, 2, 1, IR_OPF_GUEST_MEM | IR_OPF_SIDE_EFFECTS)
IR_OPDEF(ATOMIC_FETCH_XOR, 1, 2, 1, IR_OPF_GUEST_MEM | IR_OPF_SIDE_EFFECTS)
IR_OPDEF(MB,       0, 0, 1, IR_OPF_SIDE_EFFECTS)  /* const: IR_MB_* */

/* Helper call: outputs 0..1, inputs 0..IR_MAX_CALL_ARGS, one const: the
 * IrHelper descriptor's address. The counts are per op (IrOp.nout/nin). */
IR_OPDEF(CALL,     0, 0, 1, IR_OPF_CALL)

/* Marks the start of a guest instruction: consts pc, extra. */
IR_OPDEF(INSN_START, 0, 0, 2, IR_OPF_SIDE_EFFECTS)

/* Block exits. GOTO_TB: const slot (0 or 1), a patchable direct jump that
 * falls through until chained. EXIT_TB: const value returned to the
 * execution loop. EXIT_LOOKUP: jump to the block for the guest state's
 * current pc through the per-thread jump cache, or return to the loop. */
IR_OPDEF(GOTO_TB,  0, 0, 1, IR_OPF_SIDE_EFFECTS | IR_OPF_SYNC_GLOBALS)
IR_OPDEF(EXIT_TB,  0, 0, 1, IR_OPF_BB_END | IR_OPF_EXIT)
IR_OPDEF(EXIT_LOOKUP, 0, 0, 0, IR_OPF_BB_END | IR_OPF_EXIT)

/* Removed by the optimizer; backends skip it. */
IR_OPDEF(NOP,      0, 0, 0, 0)

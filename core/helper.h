/* core/helper.h — helper descriptors: plain C functions that micro-ops call.
 * A frontend declares each helper once with its types and flags; the JIT
 * calls the function directly, the interpreter calls it through libffi.
 */
#ifndef EMU_CORE_HELPER_H
#define EMU_CORE_HELPER_H

#include <stdint.h>

#define IR_MAX_CALL_ARGS 6

/* Types a helper takes and returns. IR_HT_I32 is passed as uint32_t,
 * IR_HT_I64 as uint64_t, IR_HT_PTR as a host pointer (the CPU state). */
typedef enum IrHelperType {
    IR_HT_VOID = 0,
    IR_HT_I32,
    IR_HT_I64,
    IR_HT_PTR,
} IrHelperType;

/* What a helper may do; the register allocator syncs globals only as
 * these allow, and the optimizer may drop a call whose result is unused
 * only when it has IR_HF_NO_SIDE_EFFECTS. */
enum {
    IR_HF_NO_READ_GLOBALS  = 1u << 0,  /* reads no global from CPU state */
    IR_HF_NO_WRITE_GLOBALS = 1u << 1,  /* writes no global in CPU state */
    IR_HF_NO_SIDE_EFFECTS  = 1u << 2,  /* result depends only on args */
    IR_HF_MAY_RAISE        = 1u << 3,  /* may leave by cpu_loop_exit() */
};
/* A pure function of its arguments. */
#define IR_HF_PURE (IR_HF_NO_READ_GLOBALS | IR_HF_NO_WRITE_GLOBALS | \
                    IR_HF_NO_SIDE_EFFECTS)

typedef struct IrHelper {
    const char *name;
    void *func;
    uint32_t flags;
    uint8_t ret;                         /* IrHelperType */
    uint8_t nargs;
    uint8_t args[IR_MAX_CALL_ARGS];      /* IrHelperType each */
} IrHelper;

/* Builds an IrHelper initializer; the function keeps its own name:
 *   const IrHelper arm_helper_sdiv_desc =
 *       IR_HELPER(arm_helper_sdiv, IR_HF_PURE, IR_HT_I32, IR_HT_I32, IR_HT_I32);
 * The arguments after the return type are the parameter types. */
#define IR_HELPER(fn, hflags, rettype, ...)                                  \
    {                                                                        \
        .name = #fn, .func = (void *)(fn), .flags = (hflags),               \
        .ret = (rettype),                                                    \
        .nargs = sizeof((uint8_t[]){__VA_ARGS__}) / sizeof(uint8_t),         \
        .args = {__VA_ARGS__},                                               \
    }
/* For helpers without parameters. */
#define IR_HELPER0(fn, hflags, rettype)                                      \
    {                                                                        \
        .name = #fn, .func = (void *)(fn), .flags = (hflags),               \
        .ret = (rettype), .nargs = 0,                                        \
    }

#endif

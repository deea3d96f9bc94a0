/* core/backend.h — what a host backend provides: code generation from an
 * optimized IrBlock, entry into generated code, and atomic patching of
 * direct jumps between blocks. backend/x86_64 and backend/interp are two.
 */
#ifndef EMU_CORE_BACKEND_H
#define EMU_CORE_BACKEND_H

#include <stdbool.h>
#include <stdint.h>

#include "codebuf.h"
#include "exec.h"
#include "ir.h"
#include "tb.h"

typedef struct HostBackend {
    const char *name;           /* "x86_64", "interp" */
    bool jit;                   /* generates host code */
    /* Emits whatever must stay for the life of the buffer (prologue,
     * epilogue) and reserves it; called once. False when it does not fit. */
    bool (*init)(CodeBuf *cb);
    /* Generates code for `b` (optimized) into cb: sets tb->code,
     * code_size, jmp_*_offset and the insn map. Returns false when the
     * buffer is full; the caller flushes and retries. */
    bool (*gen_code)(IrBlock *b, TransBlock *tb, CodeBuf *cb);
    /* Runs tb (and the blocks it chains into) with cpu as env until an
     * EXIT_TB; returns the exit value. */
    uintptr_t (*exec)(CpuCommon *cpu, TransBlock *tb);
    /* Points slot n of tb at dest's code, or back at its own fall-through
     * when dest is NULL. Atomic for threads running tb. */
    void (*set_jump)(CodeBuf *cb, TransBlock *tb, unsigned n,
                     TransBlock *dest);
} HostBackend;

extern const HostBackend backend_x86_64;
extern const HostBackend backend_interp;

/* The backend to use: `name` ("interp", "jit", "x86_64") or NULL for
 * $EMU_ACCEL, else the host's JIT, else the interpreter. NULL when the
 * name is unknown. */
const HostBackend *backend_select(const char *name);

#endif

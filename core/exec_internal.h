/* core/exec_internal.h — glue between the execution-side modules of core/
 * (exec.c, tb.c, translate.c). Not for frontends, backends or runtimes:
 * they use exec.h, tb.h and guest.h.
 */
#ifndef EMU_CORE_EXEC_INTERNAL_H
#define EMU_CORE_EXEC_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "codebuf.h"
#include "exec.h"
#include "tb.h"

/* ---- exec.c ---------------------------------------------------------- */

/* The process-wide code buffer (valid after exec_init()). */
CodeBuf *exec_codebuf(void);
/* The cpu this thread is running in cpu_exec(), or NULL. */
CpuCommon *exec_current_cpu(void);
/* Marks cpu as inside / outside the execution loop for exclusive
 * sections. exec_cpu_start() waits while an exclusive section runs. */
void exec_cpu_start(CpuCommon *cpu);
void exec_cpu_end(CpuCommon *cpu);
/* Calls fn for every registered cpu with the cpu list locked. */
void exec_for_each_cpu(void (*fn)(CpuCommon *cpu, void *opaque),
                       void *opaque);

/* ---- tb.c ------------------------------------------------------------ */

/* Sets up the block cache for a code buffer of `code_size` bytes. */
void tb_init(size_t code_size);
/* The translation lock: serializes translation, chaining, invalidation
 * and every use of the code buffer. Never held while waiting for an
 * exclusive section (lock order: exclusive section, then this lock). */
void tb_lock(void);
void tb_unlock(void);
/* The insn_start constants of tb's first instruction; false when the
 * block has none. */
bool tb_first_insn(const TransBlock *tb, uint64_t *pc, uint64_t *extra);
/* How many flushes happened so far: a block pointer taken before a
 * change of this number may name freed memory. */
uint64_t tb_flush_count(void);
/* Releases the lock if this thread holds it (after a longjmp). */
void tb_unlock_if_held(void);

/* ---- translate.c ----------------------------------------------------- */

/* Translates guest code at tb->pc / tb->flags into tb, which the caller
 * allocated from cb and filled with its key. Called with the translation
 * lock held. Returns false when the code buffer is full (nothing of the
 * block is usable then). May leave by cpu_raise(EXCP_FETCH_FAULT) after
 * releasing the lock and giving back the buffer space it took. */
bool translate_block(CpuCommon *cpu, TransBlock *tb, CodeBuf *cb);
/* Tuning for runtimes and tests: instructions per block (0: default 512;
 * 1 for single-stepping) and whether the optimizer runs. */
void translate_set_max_insns(uint32_t max_insns);
void translate_set_optimize(bool on);

#endif

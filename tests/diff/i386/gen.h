/* tests/diff/i386/gen.h — the random i386 instruction-sequence generator
 * of the native-vs-emu differential test: one seed makes one test case
 * (initial registers, EFLAGS, scratch memory and a block of machine code
 * ending in a dump of the final state, FPU/SSE state included). Built
 * for the guest (i686).
 */
#ifndef EMU_TESTS_DIFF_I386_GEN_H
#define EMU_TESTS_DIFF_I386_GEN_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

/* Fixed addresses, so that register values holding addresses are the
 * same natively and under emu. */
#define DIFF_DATA_BASE   0x20000000u
#define DIFF_DATA_SIZE   0x10000u
#define DIFF_SCRATCH     (DIFF_DATA_BASE + 0x4000u)
#define DIFF_SCRATCH_SIZE 512u
/* Memory operands land in [SCRATCH + 64, SCRATCH + 448). */
#define DIFF_MEM_LO      (DIFF_SCRATCH + 64u)
#define DIFF_MEM_HI      (DIFF_SCRATCH + 448u)
#define DIFF_STACK       (DIFF_DATA_BASE + 0x8000u)
#define DIFF_STACK_SIZE  1024u
#define DIFF_STACK_TOP   (DIFF_STACK + 512u)
#define DIFF_STATE       (DIFF_DATA_BASE + 0xc000u)
#define DIFF_CODE_BASE   0x30000000u
#define DIFF_CODE_SIZE   0x100000u
#define DIFF_CODE_MAX    4096u      /* bytes of one case's code, at most */

/* EFLAGS bits. */
#define FL_CF 0x001u
#define FL_PF 0x004u
#define FL_AF 0x010u
#define FL_ZF 0x040u
#define FL_SF 0x080u
#define FL_DF 0x400u
#define FL_OF 0x800u
#define FL_ID 0x200000u
#define FL_ARITH (FL_CF | FL_PF | FL_AF | FL_ZF | FL_SF | FL_OF)

/* Register state in pushad order is not needed: eax ecx edx ebx esp ebp
 * esi edi (the encoding order), then EFLAGS. */
typedef struct DiffRegs {
    uint32_t r[8];
    uint32_t eflags;
} DiffRegs;

/* The in/out block at DIFF_STATE, read and written by the case's code. */
/* The FPU/SSE state goes in and out as FXSAVE images (SDM vol. 1,
 * 10.5.1): fx_in is loaded with FXRSTOR before the sequence, fx_out
 * stored after it; fx_host keeps the program's own. */
typedef struct DiffState {
    _Alignas(16) uint8_t fx_in[512];
    _Alignas(16) uint8_t fx_out[512];
    _Alignas(16) uint8_t fx_host[512];
    DiffRegs in, out;
    uint32_t saved_esp;
} DiffState;

/* Which instruction families a run uses (all by default). */
typedef struct DiffOptions {
    uint64_t disabled;      /* bit per family (gen_family_names order) */
    int max_units;          /* stop after this many units; < 0: all */
} DiffOptions;

/* One generated case: the code is written at `code`, the initial state
 * and memory into *st and scratch/stack; `undef` receives the EFLAGS
 * bits undefined at the end. With `log` non-NULL each generated unit is
 * listed (offset, bytes, name). Returns the code length. */
uint32_t gen_case(uint64_t seed, const DiffOptions *opt, uint8_t *code,
                  DiffState *st, uint8_t *scratch, uint8_t *stack,
                  uint32_t *undef, FILE *log);

/* Names of the families for --disable / the listing. */
extern const char *const gen_family_names[];
extern const unsigned gen_family_count;

#endif

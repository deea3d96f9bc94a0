/* core/tb.h — translation blocks: the cache keyed by (guest pc, mode
 * flags), chaining between blocks, per-guest-page lists for invalidation
 * and the host-pc to guest-instruction map.
 */
#ifndef EMU_CORE_TB_H
#define EMU_CORE_TB_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "codebuf.h"
#include "exec.h"

/* Exit values: EXIT_TB returns (uintptr_t)tb | slot; TransBlock is
 * aligned to 8 so the low bits are free. */
enum {
    TB_EXIT_SLOT0 = 0,      /* left through goto_tb slot 0 (chainable) */
    TB_EXIT_SLOT1 = 1,      /* left through goto_tb slot 1 (chainable) */
    TB_EXIT_NOCHAIN = 2,    /* left with the pc in the state; no chaining */
    TB_EXIT_REQUESTED = 3,  /* exit_request seen at block entry */
    TB_EXIT_MASK = 3,
};

/* One entry of the host-pc map a backend gathers while generating code. */
typedef struct TbInsnMark {
    uint32_t host_off;   /* offset in the block's code where the insn starts */
    uint64_t pc, extra;  /* the insn_start constants */
} TbInsnMark;

typedef struct TransBlock {
    uint64_t pc;             /* guest pc of the first instruction */
    uint32_t flags;          /* guest mode flags (part of the key) */
    uint32_t guest_size;     /* bytes of guest code covered */
    uint64_t page_addr[2];   /* guest pages it covers ([1]: -1 if one) */
    uint32_t ninsns;

    const uint8_t *code;     /* executable view: JIT code or interp program */
    uint32_t code_size;
    /* JIT: offsets in code of the 4-byte displacement of each goto_tb
     * jump, and of the fall-through path it jumps to when unchained.
     * UINT16_MAX when the slot is unused. */
    uint16_t jmp_insn_offset[2];
    uint16_t jmp_reset_offset[2];

    /* Host-pc map, encoded compactly by tb_set_insn_map(). */
    const uint8_t *insn_map;
    uint32_t insn_map_len;

    /* Chaining: where each slot jumps now, and the blocks jumping here
     * (a list threaded through their jmp_next[], low bit = their slot). */
    _Atomic(struct TransBlock *) jmp_dest[2];
    uintptr_t jmp_list_head;
    uintptr_t jmp_next[2];

    struct TransBlock *page_next[2]; /* per-page lists (tb.c) */
    struct TransBlock *hash_next;    /* hash chain (tb.c) */
    atomic_bool invalid;
} __attribute__((aligned(8))) TransBlock;

/* Encodes `n` marks (in code order) for tb into the code buffer. Returns
 * false when the buffer is full. */
bool tb_set_insn_map(TransBlock *tb, CodeBuf *cb, const TbInsnMark *marks,
                     uint32_t n);
/* Finds the instruction executing at host_pc in tb's code. */
bool tb_find_insn(const TransBlock *tb, uintptr_t host_pc, uint64_t *pc,
                  uint64_t *extra);

/* The jump-cache index of a guest pc (CpuCommon.jmp_cache); JITs that
 * probe the cache inline compute the same. */
static inline uint32_t tb_jmp_cache_hash(uint64_t pc)
{
    return (uint32_t)(pc ^ (pc >> 2) ^ (pc >> EMU_JMP_CACHE_BITS)) &
           (EMU_JMP_CACHE_SIZE - 1);
}

/* Lock-free lookup by key through cpu's jump cache then the shared table.
 * NULL when no valid block exists. */
TransBlock *tb_lookup(CpuCommon *cpu, uint64_t pc, uint32_t flags);
/* Lookup for EXIT_LOOKUP: key from the guest state. */
TransBlock *tb_lookup_current(CpuCommon *cpu);
/* The same for a JIT's EXIT_LOOKUP: the block's host code, or NULL. */
const void *tb_lookup_code(CpuCommon *cpu);
/* Finds or translates the block for the key (takes the translation lock). */
TransBlock *tb_find_or_translate(CpuCommon *cpu, uint64_t pc, uint32_t flags);
/* Chains slot n of `from` to `to` unless either is invalid. */
void tb_add_jump(TransBlock *from, unsigned n, TransBlock *to);
/* The block whose code contains host_pc (JIT), or NULL. */
TransBlock *tb_find_by_host_pc(uintptr_t host_pc);

/* Invalidates every block overlapping guest [start, end): unchains them
 * and removes them from the cache. Any thread may call it. */
void tb_invalidate_range(uint64_t start, uint64_t end);
/* True when some block covers the guest page at `page_addr`. */
bool tb_page_has_code(uint64_t page_addr);
/* Drops every block (exclusive section inside). */
void tb_flush(void);

/* Counters for -d and tests. */
typedef struct TbStats {
    uint64_t translated, flushes, invalidated, chained;
} TbStats;
void tb_get_stats(TbStats *st);

/* Called by the runtime when a page gains translated code, so it can
 * write-protect it (user mode); NULL by default. */
extern void (*tb_page_added_hook)(uint64_t page_addr);

#endif

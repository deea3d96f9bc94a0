/* core/tb.c — the translation block cache shared by all threads: a hash
 * table with lock-free lookups, per-cpu jump caches, chaining, per-guest-
 * page lists for invalidation, the host-pc map and the full flush.
 *
 * Concurrency: lookups (tb_lookup, tb_find_by_host_pc) take no lock; they
 * rely on blocks never being freed except by tb_flush(), which runs in an
 * exclusive section, so a running cpu never sees freed memory. Everything
 * that changes the cache (translation, chaining, invalidation) holds the
 * translation lock, which is never held while waiting for an exclusive
 * section. Invalid blocks stay readable until the next flush.
 */
#include "tb.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backend.h"
#include "exec_internal.h"
#include "guest.h"

#define TB_HASH_BITS 16
#define TB_HASH_SIZE (1u << TB_HASH_BITS)
#define TB_PAGE_HASH_BITS 12
#define TB_PAGE_HASH_SIZE (1u << TB_PAGE_HASH_BITS)
/* The host-pc index is a directory of fixed chunks so lock-free readers
 * never see it move. */
#define TB_INDEX_CHUNK 4096u

/* The blocks overlapping one guest page, threaded through
 * TransBlock.page_next[] with the low bit naming which of the block's two
 * pages links onward. */
typedef struct TbPage {
    uint64_t addr;
    uintptr_t first;
    struct TbPage *next;
} TbPage;

typedef struct TbCache {
    pthread_mutex_t lock;
    _Atomic(TransBlock *) hash[TB_HASH_SIZE];
    TbPage *pages[TB_PAGE_HASH_SIZE];
    /* Blocks in code-address order since the last flush. */
    TransBlock ***index_dir;
    size_t index_dir_len;
    _Atomic size_t index_len;
    _Atomic uint64_t translated, flushes, invalidated, chained;
    /* The guest's tb_key, cached by tb_init() for the lookup fast path
     * of EXIT_LOOKUP (set once, before any cpu runs). */
    void (*tb_key)(const CpuCommon *cpu, uint64_t *pc, uint32_t *flags);
} TbCache;

static TbCache tb_cache = { .lock = PTHREAD_MUTEX_INITIALIZER };
static _Thread_local bool tb_lock_held;

void (*tb_page_added_hook)(uint64_t page_addr);

/* ---- Locking --------------------------------------------------------- */

void tb_lock(void)
{
    pthread_mutex_lock(&tb_cache.lock);
    tb_lock_held = true;
}

void tb_unlock(void)
{
    tb_lock_held = false;
    pthread_mutex_unlock(&tb_cache.lock);
}

void tb_unlock_if_held(void)
{
    if (tb_lock_held) {
        tb_unlock();
    }
}

void tb_init(size_t code_size)
{
    /* A block takes at least its TransBlock from the buffer. */
    size_t max_blocks = code_size / sizeof(TransBlock) + 1;

    if (exec_guest()) {
        tb_cache.tb_key = exec_guest()->tb_key;
    }

    tb_cache.index_dir_len = max_blocks / TB_INDEX_CHUNK + 1;
    tb_cache.index_dir = calloc(tb_cache.index_dir_len,
                                sizeof(*tb_cache.index_dir));
    if (!tb_cache.index_dir) {
        fprintf(stderr, "emu: out of memory for the block index\n");
        exit(1);
    }
}

/* ---- Hashing --------------------------------------------------------- */

static uint32_t tb_hash(uint64_t pc, uint32_t flags)
{
    uint64_t h = (pc ^ ((uint64_t)flags << 32) ^ flags) *
                 0x9e3779b97f4a7c15ull;
    return (uint32_t)(h >> (64 - TB_HASH_BITS));
}

static bool tb_matches(const TransBlock *tb, uint64_t pc, uint32_t flags)
{
    return tb->pc == pc && tb->flags == flags &&
           !atomic_load_explicit(&tb->invalid, memory_order_acquire);
}

/* Walks the bucket without a lock: chain pointers are published with
 * release stores after the block is complete. */
static TransBlock *tb_hash_lookup(uint64_t pc, uint32_t flags)
{
    TransBlock *tb = atomic_load_explicit(&tb_cache.hash[tb_hash(pc, flags)],
                                          memory_order_acquire);

    while (tb) {
        if (tb_matches(tb, pc, flags)) {
            return tb;
        }
        tb = __atomic_load_n(&tb->hash_next, __ATOMIC_ACQUIRE);
    }
    return NULL;
}

static void tb_hash_insert(TransBlock *tb)
{
    _Atomic(TransBlock *) *head = &tb_cache.hash[tb_hash(tb->pc, tb->flags)];

    tb->hash_next = atomic_load_explicit(head, memory_order_relaxed);
    atomic_store_explicit(head, tb, memory_order_release);
}

/* Unlinks tb; readers standing on tb still follow its hash_next, which is
 * left as it was. */
static void tb_hash_remove(TransBlock *tb)
{
    _Atomic(TransBlock *) *head = &tb_cache.hash[tb_hash(tb->pc, tb->flags)];
    TransBlock *p = atomic_load_explicit(head, memory_order_relaxed);

    if (p == tb) {
        atomic_store_explicit(head, tb->hash_next, memory_order_release);
        return;
    }
    while (p) {
        if (p->hash_next == tb) {
            __atomic_store_n(&p->hash_next, tb->hash_next, __ATOMIC_RELEASE);
            return;
        }
        p = p->hash_next;
    }
}

/* ---- Lookup ---------------------------------------------------------- */

/* The jump cache miss path, out of line so the hit path stays small. */
static __attribute__((noinline)) TransBlock *
tb_lookup_slow(CpuCommon *cpu, uint32_t h, uint64_t pc, uint32_t flags)
{
    TransBlock *tb = tb_hash_lookup(pc, flags);

    if (tb && cpu->jmp_cache) {
        cpu->jmp_cache[h] = tb;
    }
    return tb;
}

static inline __attribute__((always_inline)) TransBlock *
tb_lookup_inline(CpuCommon *cpu, uint64_t pc, uint32_t flags)
{
    uint32_t h = tb_jmp_cache_hash(pc);
    TransBlock *tb = cpu->jmp_cache ? cpu->jmp_cache[h] : NULL;

    if (__builtin_expect(tb && tb_matches(tb, pc, flags), 1)) {
        return tb;
    }
    return tb_lookup_slow(cpu, h, pc, flags);
}

TransBlock *tb_lookup(CpuCommon *cpu, uint64_t pc, uint32_t flags)
{
    return tb_lookup_inline(cpu, pc, flags);
}

#ifndef NDEBUG
/* Debug builds check the guest's key layout (which JITs use inline)
 * against its tb_key at every out-of-line lookup. */
static void tb_check_key_layout(const CpuCommon *cpu, uint64_t pc,
                                uint32_t flags)
{
    const GuestArch *g = exec_guest();
    const GuestKeyLayout *k = g ? g->key_layout : NULL;
    const uint8_t *st = (const uint8_t *)cpu;
    uint64_t lpc = 0;
    uint32_t lflags = 0;

    if (!k) {
        return;
    }
    if (k->pc_size == 8) {
        memcpy(&lpc, st + k->pc_offset, 8);
    } else {
        uint32_t v;
        memcpy(&v, st + k->pc_offset, 4);
        lpc = v;
    }
    for (unsigned i = 0; i < k->nfields && i < GUEST_KEY_MAX_FIELDS; i++) {
        const GuestKeyField *f = &k->fields[i];
        uint32_t v;
        memcpy(&v, st + f->offset, 4);
        v &= f->mask;
        v = f->test ? v != 0 : v >> f->shift;
        lflags |= v << f->pos;
    }
    if (lpc != pc || lflags != flags) {
        fprintf(stderr, "emu: the %s key layout gives pc 0x%llx flags 0x%x, "
                "tb_key pc 0x%llx flags 0x%x\n", g->name,
                (unsigned long long)lpc, lflags, (unsigned long long)pc,
                flags);
        abort();
    }
}
#endif

TransBlock *tb_lookup_current(CpuCommon *cpu)
{
    uint64_t pc;
    uint32_t flags;

    if (__builtin_expect(tb_cache.tb_key == NULL, 0)) {
        tb_cache.tb_key = exec_guest()->tb_key;
    }
    tb_cache.tb_key(cpu, &pc, &flags);
#ifndef NDEBUG
    tb_check_key_layout(cpu, pc, flags);
#endif
    return tb_lookup_inline(cpu, pc, flags);
}

const void *tb_lookup_code(CpuCommon *cpu)
{
    TransBlock *tb = tb_lookup_current(cpu);

    return tb ? tb->code : NULL;
}

/* ---- Per-page lists -------------------------------------------------- */

static TbPage **tb_page_slot(uint64_t addr)
{
    uint64_t h = (addr >> 10) * 0x9e3779b97f4a7c15ull;
    TbPage **pp = &tb_cache.pages[h >> (64 - TB_PAGE_HASH_BITS)];

    while (*pp && (*pp)->addr != addr) {
        pp = &(*pp)->next;
    }
    return pp;
}

static TbPage *tb_page_find(uint64_t addr)
{
    return *tb_page_slot(addr);
}

static void tb_page_link(TransBlock *tb, unsigned n)
{
    TbPage **pp = tb_page_slot(tb->page_addr[n]);
    TbPage *p = *pp;
    bool was_empty;

    if (!p) {
        p = calloc(1, sizeof(*p));
        if (!p) {
            fprintf(stderr, "emu: out of memory for a page list\n");
            exit(1);
        }
        p->addr = tb->page_addr[n];
        *pp = p;
    }
    was_empty = p->first == 0;
    tb->page_next[n] = (TransBlock *)p->first;
    p->first = (uintptr_t)tb | n;
    if (was_empty && tb_page_added_hook) {
        tb_page_added_hook(p->addr);
    }
}

static void tb_page_unlink(TransBlock *tb, unsigned n)
{
    TbPage *p = tb_page_find(tb->page_addr[n]);
    uintptr_t *link;

    if (!p) {
        return;
    }
    link = &p->first;
    while (*link) {
        TransBlock *cur = (TransBlock *)(*link & ~(uintptr_t)1);
        unsigned cn = *link & 1;
        if (cur == tb && cn == n) {
            *link = (uintptr_t)tb->page_next[n];
            return;
        }
        link = (uintptr_t *)&cur->page_next[cn];
    }
}

bool tb_page_has_code(uint64_t page_addr)
{
    TbPage *p;
    bool has;

    tb_lock();
    p = tb_page_find(page_addr);
    has = p && p->first != 0;
    tb_unlock();
    return has;
}

static void tb_pages_clear(void)
{
    for (uint32_t i = 0; i < TB_PAGE_HASH_SIZE; i++) {
        TbPage *p = tb_cache.pages[i];
        while (p) {
            TbPage *next = p->next;
            free(p);
            p = next;
        }
        tb_cache.pages[i] = NULL;
    }
}

/* ---- Host-pc index --------------------------------------------------- */

static void tb_index_append(TransBlock *tb)
{
    size_t n = atomic_load_explicit(&tb_cache.index_len, memory_order_relaxed);
    size_t chunk = n / TB_INDEX_CHUNK;

    if (chunk >= tb_cache.index_dir_len) {
        /* Cannot happen: the directory is sized for the buffer. */
        abort();
    }
    if (!tb_cache.index_dir[chunk]) {
        tb_cache.index_dir[chunk] = calloc(TB_INDEX_CHUNK, sizeof(TransBlock *));
        if (!tb_cache.index_dir[chunk]) {
            fprintf(stderr, "emu: out of memory for the block index\n");
            exit(1);
        }
    }
    tb_cache.index_dir[chunk][n % TB_INDEX_CHUNK] = tb;
    atomic_store_explicit(&tb_cache.index_len, n + 1, memory_order_release);
}

static TransBlock *tb_index_get(size_t i)
{
    return tb_cache.index_dir[i / TB_INDEX_CHUNK][i % TB_INDEX_CHUNK];
}

TransBlock *tb_find_by_host_pc(uintptr_t host_pc)
{
    size_t lo = 0;
    size_t hi = atomic_load_explicit(&tb_cache.index_len, memory_order_acquire);
    TransBlock *tb;

    if (!exec_backend() || !exec_backend()->jit ||
        !codebuf_contains_rx(exec_codebuf(), host_pc)) {
        return NULL;
    }
    /* Last block whose code starts at or below host_pc. */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if ((uintptr_t)tb_index_get(mid)->code <= host_pc) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if (lo == 0) {
        return NULL;
    }
    tb = tb_index_get(lo - 1);
    if (host_pc < (uintptr_t)tb->code + tb->code_size) {
        return tb;
    }
    return NULL;
}

/* ---- Host-pc to instruction map ---------------------------------------
 * Per mark: ULEB128 of the host offset delta, then the zigzag ULEB128 of
 * the pc delta and of the extra delta (from tb->pc and 0 at the start). */

static size_t tb_put_uleb(uint8_t *p, uint64_t v)
{
    size_t n = 0;

    do {
        uint8_t byte = v & 0x7f;
        v >>= 7;
        p[n++] = byte | (v ? 0x80 : 0);
    } while (v);
    return n;
}

static uint64_t tb_get_uleb(const uint8_t **p, const uint8_t *end)
{
    uint64_t v = 0;
    unsigned shift = 0;

    while (*p < end) {
        uint8_t byte = *(*p)++;
        if (shift < 64) {
            v |= (uint64_t)(byte & 0x7f) << shift;
        }
        shift += 7;
        if (!(byte & 0x80)) {
            break;
        }
    }
    return v;
}

static uint64_t tb_zigzag(uint64_t delta)
{
    return (delta << 1) ^ (uint64_t)((int64_t)delta >> 63);
}

static uint64_t tb_unzigzag(uint64_t z)
{
    return (z >> 1) ^ (uint64_t)-(int64_t)(z & 1);
}

bool tb_set_insn_map(TransBlock *tb, CodeBuf *cb, const TbInsnMark *marks,
                     uint32_t n)
{
    /* Worst case: 10 bytes per number. */
    size_t avail;
    uint8_t *start = codebuf_begin(cb, 1, &avail);
    uint8_t *p = start;
    uint32_t prev_off = 0;
    uint64_t prev_pc = tb->pc, prev_extra = 0;

    for (uint32_t i = 0; i < n; i++) {
        if ((size_t)(p - start) + 30 > avail) {
            return false;
        }
        p += tb_put_uleb(p, marks[i].host_off - prev_off);
        p += tb_put_uleb(p, tb_zigzag(marks[i].pc - prev_pc));
        p += tb_put_uleb(p, tb_zigzag(marks[i].extra - prev_extra));
        prev_off = marks[i].host_off;
        prev_pc = marks[i].pc;
        prev_extra = marks[i].extra;
    }
    codebuf_commit(cb, start, (size_t)(p - start));
    tb->insn_map = start;
    tb->insn_map_len = (uint32_t)(p - start);
    return true;
}

bool tb_find_insn(const TransBlock *tb, uintptr_t host_pc, uint64_t *pc,
                  uint64_t *extra)
{
    const uint8_t *p = tb->insn_map;
    const uint8_t *end = p + tb->insn_map_len;
    uint64_t off, cur_off = 0, cur_pc = tb->pc, cur_extra = 0;
    bool found = false;

    if (host_pc <= (uintptr_t)tb->code ||
        host_pc > (uintptr_t)tb->code + tb->code_size) {
        return false;
    }
    /* host_pc is a return address: the instruction that made the call
     * starts strictly below it. */
    off = host_pc - (uintptr_t)tb->code;
    while (p < end) {
        uint64_t next_off = cur_off + tb_get_uleb(&p, end);
        uint64_t next_pc = cur_pc + tb_unzigzag(tb_get_uleb(&p, end));
        uint64_t next_extra = cur_extra + tb_unzigzag(tb_get_uleb(&p, end));
        if (next_off >= off) {
            break;
        }
        cur_off = next_off;
        cur_pc = next_pc;
        cur_extra = next_extra;
        found = true;
    }
    if (found) {
        *pc = cur_pc;
        *extra = cur_extra;
    }
    return found;
}

bool tb_first_insn(const TransBlock *tb, uint64_t *pc, uint64_t *extra)
{
    const uint8_t *p = tb->insn_map;
    const uint8_t *end = p + tb->insn_map_len;

    if (p == end) {
        return false;
    }
    tb_get_uleb(&p, end);
    *pc = tb->pc + tb_unzigzag(tb_get_uleb(&p, end));
    *extra = tb_unzigzag(tb_get_uleb(&p, end));
    return true;
}

/* ---- Chaining -------------------------------------------------------- */

void tb_add_jump(TransBlock *from, unsigned n, TransBlock *to)
{
    if (n > 1 ||
        atomic_load_explicit(&from->jmp_dest[n], memory_order_relaxed) == to) {
        return;
    }
    tb_lock();
    if (!atomic_load(&from->invalid) && !atomic_load(&to->invalid) &&
        atomic_load(&from->jmp_dest[n]) == NULL) {
        from->jmp_next[n] = to->jmp_list_head;
        to->jmp_list_head = (uintptr_t)from | n;
        atomic_store(&from->jmp_dest[n], to);
        exec_backend()->set_jump(exec_codebuf(), from, n, to);
        atomic_fetch_add(&tb_cache.chained, 1);
    }
    tb_unlock();
}

/* Removes the edge (src, n) from dest's list of incoming jumps. */
static void tb_jmp_list_remove(TransBlock *dest, TransBlock *src, unsigned n)
{
    uintptr_t *link = &dest->jmp_list_head;
    uintptr_t want = (uintptr_t)src | n;

    while (*link) {
        TransBlock *cur = (TransBlock *)(*link & ~(uintptr_t)1);
        unsigned cn = *link & 1;
        if (*link == want) {
            *link = src->jmp_next[n];
            return;
        }
        link = &cur->jmp_next[cn];
    }
}

/* Unchains every jump into tb and tb's own outgoing jumps. */
static void tb_unchain(TransBlock *tb)
{
    const HostBackend *be = exec_backend();
    CodeBuf *cb = exec_codebuf();
    uintptr_t e = tb->jmp_list_head;

    while (e) {
        TransBlock *src = (TransBlock *)(e & ~(uintptr_t)1);
        unsigned n = e & 1;
        be->set_jump(cb, src, n, NULL);
        atomic_store(&src->jmp_dest[n], NULL);
        e = src->jmp_next[n];
    }
    tb->jmp_list_head = 0;
    for (unsigned n = 0; n < 2; n++) {
        TransBlock *dest = atomic_load(&tb->jmp_dest[n]);
        if (dest) {
            be->set_jump(cb, tb, n, NULL);
            tb_jmp_list_remove(dest, tb, n);
            atomic_store(&tb->jmp_dest[n], NULL);
        }
    }
}

/* ---- Invalidation ---------------------------------------------------- */

static void tb_invalidate_locked(TransBlock *tb)
{
    atomic_store(&tb->invalid, true);
    tb_hash_remove(tb);
    tb_page_unlink(tb, 0);
    if (tb->page_addr[1] != (uint64_t)-1) {
        tb_page_unlink(tb, 1);
    }
    tb_unchain(tb);
    atomic_fetch_add(&tb_cache.invalidated, 1);
}

void tb_invalidate_range(uint64_t start, uint64_t end)
{
    uint64_t mask = (uint64_t)exec_guest()->page_size - 1;

    if (end <= start) {
        return;
    }
    tb_lock();
    for (uint64_t page = start & ~mask; page < end; page += mask + 1) {
        TbPage *p = tb_page_find(page);
        uintptr_t e = p ? p->first : 0;
        while (e) {
            TransBlock *tb = (TransBlock *)(e & ~(uintptr_t)1);
            unsigned n = e & 1;
            /* Read the link first: invalidation unlinks tb. */
            e = (uintptr_t)tb->page_next[n];
            if (tb->pc < end && tb->pc + tb->guest_size > start) {
                tb_invalidate_locked(tb);
            }
        }
        if (page + mask + 1 < page) {
            break;          /* wrapped around the address space */
        }
    }
    tb_unlock();
}

/* ---- Flush ----------------------------------------------------------- */

static void tb_clear_jmp_cache(CpuCommon *cpu, void *opaque)
{
    (void)opaque;
    if (cpu->jmp_cache) {
        memset(cpu->jmp_cache, 0, EMU_JMP_CACHE_SIZE * sizeof(TransBlock *));
    }
}

/* Flushes unless another flush happened since `seen` (a value of the
 * flush counter), so threads that found the buffer full together flush
 * once. Must not be called with the translation lock held. */
static void tb_flush_since(uint64_t seen)
{
    start_exclusive();
    tb_lock();
    if (atomic_load(&tb_cache.flushes) == seen) {
        memset(tb_cache.hash, 0, sizeof(tb_cache.hash));
        tb_pages_clear();
        atomic_store(&tb_cache.index_len, 0);
        exec_for_each_cpu(tb_clear_jmp_cache, NULL);
        codebuf_flush(exec_codebuf());
        atomic_fetch_add(&tb_cache.flushes, 1);
    }
    tb_unlock();
    end_exclusive();
}

/* From a helper inside generated code, the caller must leave through
 * cpu_loop_exit() afterwards: the code it would return into is gone. */
void tb_flush(void)
{
    tb_flush_since(atomic_load(&tb_cache.flushes));
}

/* ---- Translation ----------------------------------------------------- */

/* Allocates and translates the block for (pc, flags); NULL when the code
 * buffer is full. Called with the lock held. */
static TransBlock *tb_gen(CpuCommon *cpu, uint64_t pc, uint32_t flags,
                          bool *too_big)
{
    CodeBuf *cb = exec_codebuf();
    size_t used = cb->used;
    TransBlock *tb = codebuf_alloc(cb, sizeof(TransBlock), 8);

    /* Failing in an empty buffer, the block can never fit. */
    *too_big = used == cb->reserved;
    if (!tb) {
        return NULL;
    }
    memset(tb, 0, sizeof(*tb));
    tb->pc = pc;
    tb->flags = flags;
    tb->page_addr[1] = (uint64_t)-1;
    for (unsigned n = 0; n < 2; n++) {
        tb->jmp_insn_offset[n] = UINT16_MAX;
        tb->jmp_reset_offset[n] = UINT16_MAX;
    }
    if (!translate_block(cpu, tb, cb)) {
        cb->used = used;
        return NULL;
    }
    tb_index_append(tb);
    tb_page_link(tb, 0);
    if (tb->page_addr[1] != (uint64_t)-1) {
        tb_page_link(tb, 1);
    }
    /* Published last: lock-free readers see a complete block. */
    tb_hash_insert(tb);
    atomic_fetch_add(&tb_cache.translated, 1);
    return tb;
}

TransBlock *tb_find_or_translate(CpuCommon *cpu, uint64_t pc, uint32_t flags)
{
    TransBlock *tb = tb_lookup(cpu, pc, flags);

    while (!tb) {
        uint64_t seen;
        bool too_big = false;

        tb_lock();
        tb = tb_hash_lookup(pc, flags);
        if (!tb) {
            tb = tb_gen(cpu, pc, flags, &too_big);
        }
        seen = atomic_load(&tb_cache.flushes);
        tb_unlock();
        if (tb) {
            break;
        }
        if (too_big) {
            fprintf(stderr, "emu: a translation block of guest pc 0x%llx "
                    "does not fit in the code buffer\n",
                    (unsigned long long)pc);
            exit(1);
        }
        tb_flush_since(seen);
    }
    if (cpu->jmp_cache) {
        cpu->jmp_cache[tb_jmp_cache_hash(pc)] = tb;
    }
    return tb;
}

uint64_t tb_flush_count(void)
{
    return atomic_load(&tb_cache.flushes);
}

void tb_get_stats(TbStats *st)
{
    st->translated = atomic_load(&tb_cache.translated);
    st->flushes = atomic_load(&tb_cache.flushes);
    st->invalidated = atomic_load(&tb_cache.invalidated);
    st->chained = atomic_load(&tb_cache.chained);
}

/* linux-user/guest_mem.c — the guest address space: the 4 GiB host
 * reservation, the per-page flags table, checked copies, and the mmap
 * family emulated on top of host mappings placed inside the reservation.
 * Unmapped guest pages are PROT_NONE host pages of the reservation, so a
 * stray guest access faults inside it and never touches host memory.
 */
#include "guest_mem.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/guest.h"
#include "core/tb.h"

/* Internal flag: the page had translated code at some point (so unmap
 * and remap must invalidate); cleared when the page is unmapped. */
#define PAGE_HAD_CODE 0x80u

/* Backing of a mapped range, for /proc/self/maps: a file or a name. */
typedef struct GuestBacking {
    uint32_t start;
    uint64_t end;
    uint64_t offset;    /* file offset of start */
    uint64_t dev, inode;
    char *path;         /* owned copy */
} GuestBacking;

typedef struct GuestMem {
    uint8_t *flags;             /* GUEST_NUM_PAGES entries */
    uint64_t limit;             /* -R or 4 GiB */
    uint32_t mmap_base;         /* where hint-less searches start */
    uint32_t brk_start, brk_cur, brk_end; /* brk_end: page-aligned top */
    bool big_endian;
    pthread_mutex_t lock;       /* the mmap lock (recursive) */
    GuestBacking *back;         /* sorted by start, non-overlapping */
    size_t nback, capback;
} GuestMem;

uintptr_t guest_base;
static GuestMem gm;

/* ---- Set-up ---------------------------------------------------------- */

static void guest_mem_lock_init(void)
{
    pthread_mutexattr_t a;

    pthread_mutexattr_init(&a);
    pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&gm.lock, &a);
    pthread_mutexattr_destroy(&a);
}

bool guest_mem_init(uint64_t base_hint, uint64_t reserved_va,
                    bool big_endian, char *err, size_t errlen)
{
    int mflags = MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE;
    void *p;

    if (sysconf(_SC_PAGESIZE) != GUEST_PAGE_SIZE) {
        snprintf(err, errlen, "host page size %ld is not supported "
                 "(4096 needed)", sysconf(_SC_PAGESIZE));
        return false;
    }
    if (reserved_va > GUEST_SPACE_SIZE
        || (reserved_va & (GUEST_PAGE_SIZE - 1))) {
        snprintf(err, errlen, "-R %llu: must be at most 4 GiB and a "
                 "multiple of 4096", (unsigned long long)reserved_va);
        return false;
    }
    if (base_hint & (GUEST_PAGE_SIZE - 1)) {
        snprintf(err, errlen, "-B 0x%llx: not page aligned",
                 (unsigned long long)base_hint);
        return false;
    }
    if (base_hint) {
        mflags |= MAP_FIXED_NOREPLACE;
    }
    p = mmap((void *)(uintptr_t)base_hint, GUEST_SPACE_SIZE, PROT_NONE,
             mflags, -1, 0);
    if (p == MAP_FAILED || (base_hint && (uintptr_t)p != base_hint)) {
        if (p != MAP_FAILED) {
            munmap(p, GUEST_SPACE_SIZE);
        }
        snprintf(err, errlen, "cannot reserve 4 GiB of address space%s: %s",
                 base_hint ? " at the -B address" : "",
                 strerror(p == MAP_FAILED ? errno : EEXIST));
        return false;
    }
    gm.flags = calloc(GUEST_NUM_PAGES, 1);
    if (!gm.flags) {
        munmap(p, GUEST_SPACE_SIZE);
        snprintf(err, errlen, "out of memory for the page table");
        return false;
    }
    guest_base = (uintptr_t)p;
    gm.limit = reserved_va ? reserved_va : GUEST_SPACE_SIZE;
    gm.mmap_base = 0x40000000u;
    gm.big_endian = big_endian;
    guest_mem_lock_init();
    return true;
}

uint64_t guest_mem_limit(void)
{
    return gm.limit;
}

void guest_mem_set_user_limit(uint64_t top)
{
    if (top && top < gm.limit) {
        gm.limit = top;
    }
}

bool guest_mem_is_host_addr(uintptr_t p)
{
    return guest_base && p >= guest_base && p - guest_base < GUEST_SPACE_SIZE;
}

void guest_mmap_lock(void)
{
    pthread_mutex_lock(&gm.lock);
}

void guest_mmap_unlock(void)
{
    pthread_mutex_unlock(&gm.lock);
}

void guest_mmap_fork_child(void)
{
    guest_mem_lock_init();
}

void guest_mmap_set_base(uint32_t base)
{
    gm.mmap_base = base & GUEST_PAGE_MASK;
}

/* ---- Page flags ------------------------------------------------------ */

static inline uint8_t pf_get(uint32_t page)
{
    return __atomic_load_n(&gm.flags[page], __ATOMIC_ACQUIRE);
}

static inline void pf_set(uint32_t page, uint8_t v)
{
    __atomic_store_n(&gm.flags[page], v, __ATOMIC_RELEASE);
}

uint32_t page_get_flags(uint32_t addr)
{
    return pf_get(addr >> GUEST_PAGE_BITS) & ~PAGE_HAD_CODE;
}

void page_set_flags(uint32_t start, uint64_t end, uint32_t flags)
{
    uint64_t first = start >> GUEST_PAGE_BITS;
    uint64_t last;

    if (end == 0) {
        end = GUEST_SPACE_SIZE;
    }
    last = (end + GUEST_PAGE_SIZE - 1) >> GUEST_PAGE_BITS;
    guest_mmap_lock();
    for (uint64_t p = first; p < last && p < GUEST_NUM_PAGES; p++) {
        pf_set(p, (uint8_t)((flags & 0x7f) | (pf_get(p) & PAGE_HAD_CODE)));
    }
    guest_mmap_unlock();
}

/* Host protection for guest flags. Guest-readable or executable pages
 * must be host-readable (the translator reads code); write-protected
 * code pages stay read-only on the host. */
static int host_prot_of(uint32_t flags)
{
    int prot = PROT_NONE;

    if (!(flags & PAGE_VALID)) {
        return PROT_NONE;
    }
    if (flags & PAGE_PROT_MASK) {
        prot |= PROT_READ;
    }
    if ((flags & PAGE_WRITE) && !(flags & PAGE_CODE_WP)) {
        prot |= PROT_WRITE;
    }
    return prot;
}

static uint32_t guest_flags_of_prot(int prot)
{
    uint32_t f = 0;

    if (prot & PROT_READ) {
        f |= PAGE_READ;
    }
    if (prot & PROT_WRITE) {
        f |= PAGE_WRITE;
    }
    if (prot & PROT_EXEC) {
        f |= PAGE_EXEC;
    }
    return f;
}

/* ---- Translated code ------------------------------------------------- */

/* Invalidates blocks on pages of [start, end) that ever held code. */
static void guest_mem_drop_code(uint32_t start, uint64_t end)
{
    uint64_t p = start >> GUEST_PAGE_BITS;
    uint64_t last = (end + GUEST_PAGE_SIZE - 1) >> GUEST_PAGE_BITS;

    for (; p < last && p < GUEST_NUM_PAGES; p++) {
        if (pf_get(p) & PAGE_HAD_CODE) {
            uint64_t a = p << GUEST_PAGE_BITS;
            uint64_t lo = a < start ? start : a;
            uint64_t hi = a + GUEST_PAGE_SIZE < end ? a + GUEST_PAGE_SIZE : end;
            tb_invalidate_range(lo, hi);
        }
    }
}

/* Makes one code page writable again: its blocks go first. */
static void guest_mem_unprotect_page(uint32_t page)
{
    uint8_t f = pf_get(page);
    uint64_t a = (uint64_t)page << GUEST_PAGE_BITS;

    if (!(f & PAGE_CODE_WP)) {
        return;
    }
    tb_invalidate_range(a, a + GUEST_PAGE_SIZE);
    __atomic_fetch_and(&gm.flags[page], (uint8_t)~PAGE_CODE_WP,
                       __ATOMIC_ACQ_REL);
    mprotect(g2h((uint32_t)a), GUEST_PAGE_SIZE,
             host_prot_of(f & ~PAGE_CODE_WP));
}

static void guest_mem_page_added(uint64_t page_addr)
{
    uint32_t page = (uint32_t)(page_addr >> GUEST_PAGE_BITS);
    uint8_t f;

    if (page_addr >= GUEST_SPACE_SIZE) {
        return;
    }
    __atomic_fetch_or(&gm.flags[page], (uint8_t)PAGE_HAD_CODE,
                      __ATOMIC_ACQ_REL);
    f = pf_get(page);
    if ((f & PAGE_VALID) && (f & PAGE_WRITE) && !(f & PAGE_CODE_WP)) {
        __atomic_fetch_or(&gm.flags[page], (uint8_t)PAGE_CODE_WP,
                          __ATOMIC_ACQ_REL);
        mprotect(g2h((uint32_t)page_addr), GUEST_PAGE_SIZE,
                 host_prot_of(f | PAGE_CODE_WP));
    }
}

static bool guest_mem_code_readable(uint64_t addr, size_t len)
{
    if (addr >= GUEST_SPACE_SIZE || len > GUEST_SPACE_SIZE - addr) {
        return false;
    }
    return guest_range_ok((uint32_t)addr, len, PAGE_EXEC);
}

void guest_mem_install_code_hooks(void)
{
    tb_page_added_hook = guest_mem_page_added;
    guest_code_readable = guest_mem_code_readable;
}

bool guest_mem_handle_write_fault(uintptr_t host_addr)
{
    uint32_t page;
    uint8_t f;

    if (!guest_mem_is_host_addr(host_addr)) {
        return false;
    }
    page = (uint32_t)((host_addr - guest_base) >> GUEST_PAGE_BITS);
    f = pf_get(page);
    if (!(f & PAGE_VALID) || !(f & PAGE_WRITE)) {
        return false;
    }
    /* A guest-writable page faulted: either it holds code we protected,
     * or another thread unprotected it a moment ago. Both retry. */
    if (f & PAGE_CODE_WP) {
        guest_mem_unprotect_page(page);
    } else {
        mprotect(g2h(page << GUEST_PAGE_BITS), GUEST_PAGE_SIZE,
                 host_prot_of(f));
    }
    return true;
}

void guest_mem_invalidate_code(uint32_t start, uint32_t len)
{
    uint64_t end = (uint64_t)start + len;

    if (len == 0) {
        return;
    }
    tb_invalidate_range(start, end > GUEST_SPACE_SIZE ? GUEST_SPACE_SIZE
                                                       : end);
}

/* ---- Checked access -------------------------------------------------- */

bool guest_range_ok(uint32_t addr, size_t len, uint32_t prot)
{
    uint64_t end = (uint64_t)addr + len;
    uint32_t need = prot & PAGE_PROT_MASK;

    if (len == 0) {
        return true;
    }
    if (len > GUEST_SPACE_SIZE || end > GUEST_SPACE_SIZE) {
        return false;
    }
    for (uint64_t p = addr >> GUEST_PAGE_BITS;
         p <= (end - 1) >> GUEST_PAGE_BITS; p++) {
        uint8_t f = pf_get((uint32_t)p);
        if (!(f & PAGE_VALID)) {
            return false;
        }
        /* Reading works on any accessible page (the host maps them
         * readable): a write-only or exec-only page reads on Linux. */
        if (need == PAGE_READ) {
            if (!(f & PAGE_PROT_MASK)) {
                return false;
            }
        } else if ((f & need) != need) {
            return false;
        }
    }
    return true;
}

void *guest_access(uint32_t addr, size_t len, uint32_t prot)
{
    if (!guest_range_ok(addr, len, prot)) {
        return NULL;
    }
    if ((prot & PAGE_WRITE) && len) {
        uint64_t end = (uint64_t)addr + len;
        for (uint64_t p = addr >> GUEST_PAGE_BITS;
             p <= (end - 1) >> GUEST_PAGE_BITS; p++) {
            if (pf_get((uint32_t)p) & PAGE_CODE_WP) {
                guest_mem_unprotect_page((uint32_t)p);
            }
        }
    }
    return g2h(addr);
}

/* ---- Guarded access -------------------------------------------------- */

/* The innermost recovery point of this thread (NULL: none). */
static __thread sigjmp_buf *guest_guard_jmp;

int guest_mem_guard(void (*fn)(void *opaque), void *opaque)
{
    sigjmp_buf jb;
    sigjmp_buf *const outer = guest_guard_jmp;

    /* No signal mask saved: the handler restores the interrupted one. */
    if (sigsetjmp(jb, 0)) {
        guest_guard_jmp = outer;
        __atomic_signal_fence(__ATOMIC_SEQ_CST);
        return -EFAULT;
    }
    guest_guard_jmp = &jb;
    __atomic_signal_fence(__ATOMIC_SEQ_CST);
    fn(opaque);
    __atomic_signal_fence(__ATOMIC_SEQ_CST);
    guest_guard_jmp = outer;
    return 0;
}

bool guest_mem_fault_guarded(uintptr_t host_addr)
{
    return guest_guard_jmp && guest_mem_is_host_addr(host_addr);
}

_Noreturn void guest_mem_fault_recover(void)
{
    siglongjmp(*guest_guard_jmp, 1);
}

/* memcpy (src set) or memset 0 (src NULL) under a guard. */
typedef struct GuestCopy {
    void *dst;
    const void *src;
    size_t len;
} GuestCopy;

static void guest_copy_fn(void *opaque)
{
    GuestCopy *c = opaque;

    if (c->src) {
        memcpy(c->dst, c->src, c->len);
    } else {
        memset(c->dst, 0, c->len);
    }
}

static int guest_copy_guarded(void *dst, const void *src, size_t len)
{
    GuestCopy c = { dst, src, len };

    return len ? guest_mem_guard(guest_copy_fn, &c) : 0;
}

int copy_from_guest(void *dst, uint32_t src, size_t len)
{
    if (!guest_range_ok(src, len, PAGE_READ)) {
        return -EFAULT;
    }
    return guest_copy_guarded(dst, g2h(src), len);
}

int copy_to_guest(uint32_t dst, const void *src, size_t len)
{
    void *p = guest_access(dst, len, PAGE_WRITE);

    if (!p && len) {
        return -EFAULT;
    }
    return guest_copy_guarded(p, src, len);
}

int clear_guest(uint32_t dst, size_t len)
{
    void *p = guest_access(dst, len, PAGE_WRITE);

    if (!p && len) {
        return -EFAULT;
    }
    return guest_copy_guarded(p, NULL, len);
}

bool guest_is_big_endian(void)
{
    return gm.big_endian;
}

uint16_t guest_tswap16(uint16_t v)
{
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    return gm.big_endian ? __builtin_bswap16(v) : v;
#else
    return gm.big_endian ? v : __builtin_bswap16(v);
#endif
}

uint32_t guest_tswap32(uint32_t v)
{
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    return gm.big_endian ? __builtin_bswap32(v) : v;
#else
    return gm.big_endian ? v : __builtin_bswap32(v);
#endif
}

uint64_t guest_tswap64(uint64_t v)
{
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    return gm.big_endian ? __builtin_bswap64(v) : v;
#else
    return gm.big_endian ? v : __builtin_bswap64(v);
#endif
}

int guest_get_u16(uint32_t addr, uint16_t *val)
{
    uint16_t v;
    int r = copy_from_guest(&v, addr, sizeof(v));

    if (r == 0) {
        *val = guest_tswap16(v);
    }
    return r;
}

int guest_get_u32(uint32_t addr, uint32_t *val)
{
    uint32_t v;
    int r = copy_from_guest(&v, addr, sizeof(v));

    if (r == 0) {
        *val = guest_tswap32(v);
    }
    return r;
}

int guest_get_u64(uint32_t addr, uint64_t *val)
{
    uint64_t v;
    int r = copy_from_guest(&v, addr, sizeof(v));

    if (r == 0) {
        *val = guest_tswap64(v);
    }
    return r;
}

int guest_put_u16(uint32_t addr, uint16_t val)
{
    val = guest_tswap16(val);
    return copy_to_guest(addr, &val, sizeof(val));
}

int guest_put_u32(uint32_t addr, uint32_t val)
{
    val = guest_tswap32(val);
    return copy_to_guest(addr, &val, sizeof(val));
}

int guest_put_u64(uint32_t addr, uint64_t val)
{
    val = guest_tswap64(val);
    return copy_to_guest(addr, &val, sizeof(val));
}

typedef struct GuestMemchr {
    const char *p;
    size_t len;
    const char *found;
} GuestMemchr;

static void guest_memchr_fn(void *opaque)
{
    GuestMemchr *m = opaque;

    m->found = memchr(m->p, 0, m->len);
}

ssize_t guest_strnlen(uint32_t addr, size_t max)
{
    size_t n = 0;

    while (n < max) {
        uint64_t a = (uint64_t)addr + n;
        size_t chunk;
        const char *p, *nul;

        if (a >= GUEST_SPACE_SIZE || !guest_range_ok((uint32_t)a, 1,
                                                     PAGE_READ)) {
            return -EFAULT;
        }
        chunk = GUEST_PAGE_SIZE - (a & (GUEST_PAGE_SIZE - 1));
        if (chunk > max - n) {
            chunk = max - n;
        }
        p = g2h((uint32_t)a);
        {
            GuestMemchr m = { p, chunk, NULL };
            if (guest_mem_guard(guest_memchr_fn, &m) < 0) {
                return -EFAULT;
            }
            nul = m.found;
        }
        if (nul) {
            return (ssize_t)(n + (size_t)(nul - p));
        }
        n += chunk;
    }
    return -ENAMETOOLONG;
}

int guest_strdup(uint32_t addr, size_t max, char **out)
{
    ssize_t n = guest_strnlen(addr, max);
    char *s;

    *out = NULL;
    if (n < 0) {
        return (int)n;
    }
    s = malloc((size_t)n + 1);
    if (!s) {
        return -ENOMEM;
    }
    if (guest_copy_guarded(s, g2h(addr), (size_t)n) < 0) {
        free(s);
        return -EFAULT;
    }
    s[n] = 0;
    *out = s;
    return 0;
}

int guest_strcpy(char *buf, size_t len, uint32_t addr)
{
    ssize_t n = guest_strnlen(addr, len);

    if (n < 0) {
        return (int)n;
    }
    if (guest_copy_guarded(buf, g2h(addr), (size_t)n) < 0) {
        return -EFAULT;
    }
    buf[n] = 0;
    return 0;
}

/* ---- Backing records (for /proc/self/maps) ---------------------------- */

static void backing_remove(uint32_t start, uint64_t end)
{
    size_t i = 0;

    while (i < gm.nback) {
        GuestBacking *b = &gm.back[i];
        if (b->end <= start || b->start >= end) {
            i++;
            continue;
        }
        if (b->start < start && b->end > end) {
            /* Split in two. */
            GuestBacking tail = *b;
            if (gm.nback == gm.capback) {
                size_t cap = gm.capback ? gm.capback * 2 : 16;
                GuestBacking *nb = realloc(gm.back, cap * sizeof(*nb));
                if (!nb) {
                    return;
                }
                gm.back = nb;
                gm.capback = cap;
                b = &gm.back[i];
            }
            tail.path = strdup(b->path);
            tail.offset += end - b->start;
            tail.start = (uint32_t)end;
            b->end = start;
            memmove(&gm.back[i + 2], &gm.back[i + 1],
                    (gm.nback - i - 1) * sizeof(*b));
            gm.back[i + 1] = tail;
            gm.nback++;
            return;
        }
        if (b->start >= start && b->end <= end) {
            free(b->path);
            memmove(b, b + 1, (gm.nback - i - 1) * sizeof(*b));
            gm.nback--;
            continue;
        }
        if (b->start < start) {
            b->end = start;
        } else {
            b->offset += end - b->start;
            b->start = (uint32_t)end;
        }
        i++;
    }
}

static void backing_add(uint32_t start, uint64_t end, uint64_t offset,
                        uint64_t dev, uint64_t inode, const char *path)
{
    size_t i;
    char *copy;

    backing_remove(start, end);
    copy = strdup(path);
    if (!copy) {
        return;
    }
    if (gm.nback == gm.capback) {
        size_t cap = gm.capback ? gm.capback * 2 : 16;
        GuestBacking *nb = realloc(gm.back, cap * sizeof(*nb));
        if (!nb) {
            free(copy);
            return;
        }
        gm.back = nb;
        gm.capback = cap;
    }
    for (i = 0; i < gm.nback && gm.back[i].start < start; i++) {
    }
    memmove(&gm.back[i + 1], &gm.back[i], (gm.nback - i) * sizeof(gm.back[0]));
    gm.back[i] = (GuestBacking){ start, end, offset, dev, inode, copy };
    gm.nback++;
}

static const GuestBacking *backing_find(uint32_t addr)
{
    for (size_t i = 0; i < gm.nback; i++) {
        if (addr >= gm.back[i].start && addr < gm.back[i].end) {
            return &gm.back[i];
        }
    }
    return NULL;
}

void guest_mem_set_name(uint32_t start, uint32_t len, const char *name)
{
    guest_mmap_lock();
    backing_add(start, (uint64_t)start + len, 0, 0, 0, name);
    guest_mmap_unlock();
}

/* ---- mmap emulation -------------------------------------------------- */

static bool range_is_free(uint64_t start, uint64_t len)
{
    for (uint64_t p = start >> GUEST_PAGE_BITS;
         p < (start + len) >> GUEST_PAGE_BITS; p++) {
        if (pf_get((uint32_t)p) & (PAGE_VALID | PAGE_RESERVED)) {
            return false;
        }
    }
    return true;
}

static int64_t find_free_from(uint64_t from, uint64_t to, uint64_t len,
                              uint64_t align)
{
    uint64_t a = (from + align - 1) & ~(align - 1);

    while (a + len <= to) {
        uint64_t p;
        bool ok = true;

        for (p = a; p < a + len; p += GUEST_PAGE_SIZE) {
            if (pf_get((uint32_t)(p >> GUEST_PAGE_BITS))
                & (PAGE_VALID | PAGE_RESERVED)) {
                ok = false;
                break;
            }
        }
        if (ok) {
            return (int64_t)a;
        }
        a = (p + GUEST_PAGE_SIZE + align - 1) & ~(align - 1);
    }
    return -ENOMEM;
}

int64_t guest_find_free(uint32_t hint, uint32_t len, uint32_t align)
{
    uint64_t l = ((uint64_t)len + GUEST_PAGE_SIZE - 1) & GUEST_PAGE_MASK;
    uint64_t al = align ? align : GUEST_PAGE_SIZE;
    int64_t r;

    if (l == 0 || l > gm.limit) {
        return -ENOMEM;
    }
    hint &= GUEST_PAGE_MASK;
    guest_mmap_lock();
    if (hint && (hint & (al - 1)) == 0 && hint + l <= gm.limit
        && range_is_free(hint, l)) {
        guest_mmap_unlock();
        return hint;
    }
    r = find_free_from(gm.mmap_base, gm.limit, l, al);
    if (r < 0) {
        /* Below the base, never at page 0 (mmap_min_addr). */
        r = find_free_from(0x10000, gm.mmap_base, l, al);
    }
    guest_mmap_unlock();
    return r;
}

/* Puts [start, start + len) back to reserved PROT_NONE. */
static void host_unmap(uint32_t start, uint64_t len)
{
    mmap(g2h(start), len, PROT_NONE,
         MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED, -1, 0);
}

static void record_file(uint32_t start, uint64_t len, int fd,
                        uint64_t offset)
{
    char link[64], path[PATH_MAX];
    struct stat st;
    ssize_t n;

    snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
    n = readlink(link, path, sizeof(path) - 1);
    if (n <= 0 || fstat(fd, &st) != 0) {
        backing_remove(start, start + len);
        return;
    }
    path[n] = 0;
    backing_add(start, start + len, offset, st.st_dev, st.st_ino, path);
}

int64_t guest_mmap(uint32_t addr, uint32_t len, int prot, int flags, int fd,
                   uint64_t offset)
{
    uint64_t l = ((uint64_t)len + GUEST_PAGE_SIZE - 1) & GUEST_PAGE_MASK;
    bool fixed = flags & (MAP_FIXED | MAP_FIXED_NOREPLACE);
    bool anon = flags & MAP_ANONYMOUS;
    int hflags;
    int64_t start;
    void *p;
    uint32_t pflags;

    if (len == 0 || (offset & (GUEST_PAGE_SIZE - 1))) {
        return -EINVAL;
    }
    if (l > GUEST_SPACE_SIZE) {
        return -ENOMEM;
    }
    switch (flags & MAP_TYPE) {
    case MAP_PRIVATE:
    case MAP_SHARED:
    case MAP_SHARED_VALIDATE:
        break;
    default:
        return -EINVAL;
    }
    /* What the host must not see: placement is ours, and a growsdown
     * or 32-bit mapping means nothing inside the reservation. */
    hflags = flags & ~(MAP_FIXED_NOREPLACE | MAP_GROWSDOWN | MAP_32BIT
                       | MAP_HUGETLB);
    hflags |= MAP_FIXED;
    guest_mmap_lock();
    if (fixed) {
        if (addr & (GUEST_PAGE_SIZE - 1)) {
            guest_mmap_unlock();
            return -EINVAL;
        }
        if ((uint64_t)addr + l > gm.limit) {
            guest_mmap_unlock();
            return -ENOMEM;
        }
        if ((flags & MAP_FIXED_NOREPLACE) && !(flags & MAP_FIXED)
            && !range_is_free(addr, l)) {
            guest_mmap_unlock();
            return -EEXIST;
        }
        start = addr;
    } else {
        start = guest_find_free(addr, (uint32_t)(l - 1) + 1, 0);
        if (start < 0) {
            guest_mmap_unlock();
            return start;
        }
    }
    guest_mem_drop_code((uint32_t)start, (uint64_t)start + l);
    pflags = PAGE_VALID | guest_flags_of_prot(prot) | (anon ? PAGE_ANON : 0);
    p = mmap(g2h((uint32_t)start), l, host_prot_of(pflags), hflags,
             anon ? -1 : fd, anon ? 0 : (off_t)offset);
    if (p == MAP_FAILED) {
        int e = errno;
        guest_mmap_unlock();
        return -e;
    }
    for (uint64_t pg = (uint64_t)start >> GUEST_PAGE_BITS;
         pg < ((uint64_t)start + l) >> GUEST_PAGE_BITS; pg++) {
        pf_set((uint32_t)pg, (uint8_t)pflags);
    }
    if (anon) {
        backing_remove((uint32_t)start, (uint64_t)start + l);
    } else {
        record_file((uint32_t)start, l, fd, offset);
    }
    guest_mmap_unlock();
    return start;
}

int guest_munmap(uint32_t addr, uint32_t len)
{
    uint64_t l = ((uint64_t)len + GUEST_PAGE_SIZE - 1) & GUEST_PAGE_MASK;

    if ((addr & (GUEST_PAGE_SIZE - 1)) || len == 0) {
        return -EINVAL;
    }
    if ((uint64_t)addr + l > GUEST_SPACE_SIZE) {
        return -EINVAL;
    }
    guest_mmap_lock();
    guest_mem_drop_code(addr, (uint64_t)addr + l);
    host_unmap(addr, l);
    for (uint64_t pg = addr >> GUEST_PAGE_BITS;
         pg < ((uint64_t)addr + l) >> GUEST_PAGE_BITS; pg++) {
        pf_set((uint32_t)pg, pf_get((uint32_t)pg) & PAGE_RESERVED);
    }
    backing_remove(addr, (uint64_t)addr + l);
    guest_mmap_unlock();
    return 0;
}

int guest_mprotect(uint32_t addr, uint32_t len, int prot)
{
    uint64_t l = ((uint64_t)len + GUEST_PAGE_SIZE - 1) & GUEST_PAGE_MASK;
    uint32_t gprot = guest_flags_of_prot(prot);

    if (addr & (GUEST_PAGE_SIZE - 1)) {
        return -EINVAL;
    }
    if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_GROWSDOWN
                 | PROT_GROWSUP)) {
        return -EINVAL;
    }
    if (l == 0) {
        return 0;
    }
    if ((uint64_t)addr + l > GUEST_SPACE_SIZE) {
        return -ENOMEM;
    }
    guest_mmap_lock();
    for (uint64_t pg = addr >> GUEST_PAGE_BITS;
         pg < ((uint64_t)addr + l) >> GUEST_PAGE_BITS; pg++) {
        if (!(pf_get((uint32_t)pg) & PAGE_VALID)) {
            guest_mmap_unlock();
            return -ENOMEM;
        }
    }
    for (uint64_t pg = addr >> GUEST_PAGE_BITS;
         pg < ((uint64_t)addr + l) >> GUEST_PAGE_BITS; pg++) {
        uint8_t f = pf_get((uint32_t)pg);
        uint8_t nf = (uint8_t)((f & ~(PAGE_PROT_MASK | PAGE_CODE_WP)) | gprot);
        /* A page that keeps code and becomes writable stays protected:
         * the page-added hook will not fire again for it. */
        if ((nf & PAGE_WRITE) && (f & PAGE_HAD_CODE)
            && tb_page_has_code(pg << GUEST_PAGE_BITS)) {
            nf |= PAGE_CODE_WP;
        }
        pf_set((uint32_t)pg, nf);
        mprotect(g2h((uint32_t)(pg << GUEST_PAGE_BITS)), GUEST_PAGE_SIZE,
                 host_prot_of(nf));
    }
    guest_mmap_unlock();
    return 0;
}

int64_t guest_mremap(uint32_t old_addr, uint32_t old_len, uint32_t new_len,
                     int flags, uint32_t new_addr)
{
    uint64_t ol = ((uint64_t)old_len + GUEST_PAGE_SIZE - 1) & GUEST_PAGE_MASK;
    uint64_t nl = ((uint64_t)new_len + GUEST_PAGE_SIZE - 1) & GUEST_PAGE_MASK;
    int64_t dest;
    void *p;
    const GuestBacking *b;
    GuestBacking saved = { 0 };

    if ((old_addr & (GUEST_PAGE_SIZE - 1)) || nl == 0
        || (flags & ~(MREMAP_MAYMOVE | MREMAP_FIXED))
        || ((flags & MREMAP_FIXED) && !(flags & MREMAP_MAYMOVE))) {
        return -EINVAL;
    }
    if ((uint64_t)old_addr + ol > GUEST_SPACE_SIZE || ol == 0) {
        return -EFAULT;
    }
    guest_mmap_lock();
    for (uint64_t pg = old_addr >> GUEST_PAGE_BITS;
         pg < ((uint64_t)old_addr + ol) >> GUEST_PAGE_BITS; pg++) {
        if (!(pf_get((uint32_t)pg) & PAGE_VALID)) {
            guest_mmap_unlock();
            return -EFAULT;
        }
    }
    if (!(flags & MREMAP_FIXED)) {
        if (nl <= ol) {
            if (nl < ol) {
                guest_munmap(old_addr + (uint32_t)nl, (uint32_t)(ol - nl));
            }
            guest_mmap_unlock();
            return old_addr;
        }
        if ((uint64_t)old_addr + nl <= gm.limit
            && range_is_free((uint64_t)old_addr + ol, nl - ol)) {
            /* Grow in place: open a hole in the reservation first. */
            uint8_t f = pf_get(old_addr >> GUEST_PAGE_BITS);
            munmap(g2h(old_addr + (uint32_t)ol), nl - ol);
            p = mremap(g2h(old_addr), ol, nl, 0);
            if (p == MAP_FAILED) {
                int e = errno;
                host_unmap(old_addr + (uint32_t)ol, nl - ol);
                guest_mmap_unlock();
                return -e;
            }
            for (uint64_t pg = ((uint64_t)old_addr + ol) >> GUEST_PAGE_BITS;
                 pg < ((uint64_t)old_addr + nl) >> GUEST_PAGE_BITS; pg++) {
                pf_set((uint32_t)pg, f & ~(PAGE_CODE_WP | PAGE_HAD_CODE));
            }
            b = backing_find(old_addr);
            if (b) {
                GuestBacking nb = *b;
                backing_add(old_addr, (uint64_t)old_addr + nl, nb.offset
                            + (old_addr - nb.start), nb.dev, nb.inode, nb.path);
            }
            guest_mmap_unlock();
            return old_addr;
        }
        if (!(flags & MREMAP_MAYMOVE)) {
            guest_mmap_unlock();
            return -ENOMEM;
        }
        dest = guest_find_free(0, (uint32_t)(nl - 1) + 1, 0);
        if (dest < 0) {
            guest_mmap_unlock();
            return dest;
        }
    } else {
        if ((new_addr & (GUEST_PAGE_SIZE - 1))
            || (uint64_t)new_addr + nl > GUEST_SPACE_SIZE
            || ((uint64_t)new_addr < (uint64_t)old_addr + ol
                && (uint64_t)new_addr + nl > old_addr)) {
            guest_mmap_unlock();
            return -EINVAL;
        }
        dest = new_addr;
        guest_munmap(new_addr, (uint32_t)(nl - 1) + 1);
    }
    guest_mem_drop_code(old_addr, (uint64_t)old_addr + ol);
    p = mremap(g2h(old_addr), ol, nl, MREMAP_MAYMOVE | MREMAP_FIXED,
               g2h((uint32_t)dest));
    if (p == MAP_FAILED) {
        int e = errno;
        guest_mmap_unlock();
        return -e;
    }
    b = backing_find(old_addr);
    if (b) {
        saved = *b;
        saved.path = strdup(b->path);
    }
    {
        uint64_t keep = nl < ol ? nl : ol;
        uint8_t f0 = pf_get(old_addr >> GUEST_PAGE_BITS);
        for (uint64_t i = 0; i < nl >> GUEST_PAGE_BITS; i++) {
            uint8_t f = i < keep >> GUEST_PAGE_BITS
                ? pf_get((uint32_t)((old_addr >> GUEST_PAGE_BITS) + i)) : f0;
            pf_set((uint32_t)(((uint64_t)dest >> GUEST_PAGE_BITS) + i),
                   f & ~(PAGE_CODE_WP | PAGE_HAD_CODE));
        }
        /* The source range is a hole now: give it back to the
         * reservation. */
        host_unmap(old_addr, ol);
        for (uint64_t pg = old_addr >> GUEST_PAGE_BITS;
             pg < ((uint64_t)old_addr + ol) >> GUEST_PAGE_BITS; pg++) {
            pf_set((uint32_t)pg, 0);
        }
        backing_remove(old_addr, (uint64_t)old_addr + ol);
    }
    if (saved.path) {
        backing_add((uint32_t)dest, (uint64_t)dest + nl,
                    saved.offset + (old_addr - saved.start), saved.dev,
                    saved.inode, saved.path);
        free(saved.path);
    }
    /* Pages moved with their host protection, which may be read-only
     * for code: make it match the flags again. */
    for (uint64_t i = 0; i < nl >> GUEST_PAGE_BITS; i++) {
        uint32_t pg = (uint32_t)(((uint64_t)dest >> GUEST_PAGE_BITS) + i);
        mprotect(g2h(pg << GUEST_PAGE_BITS), GUEST_PAGE_SIZE,
                 host_prot_of(pf_get(pg)));
    }
    guest_mmap_unlock();
    return dest;
}

int guest_madvise(uint32_t addr, uint32_t len, int advice)
{
    uint64_t l = ((uint64_t)len + GUEST_PAGE_SIZE - 1) & GUEST_PAGE_MASK;

    if (addr & (GUEST_PAGE_SIZE - 1)) {
        return -EINVAL;
    }
    if ((uint64_t)addr + l > GUEST_SPACE_SIZE) {
        return -EINVAL;
    }
    switch (advice) {
    case MADV_DONTNEED:
        /* Only mapped pages: the reservation must stay PROT_NONE. */
        if (!guest_range_ok(addr, l, 0)) {
            return -ENOMEM;
        }
        guest_mmap_lock();
        for (uint64_t pg = addr >> GUEST_PAGE_BITS;
             pg < ((uint64_t)addr + l) >> GUEST_PAGE_BITS; pg++) {
            if (pf_get((uint32_t)pg) & PAGE_CODE_WP) {
                guest_mem_unprotect_page((uint32_t)pg);
            }
        }
        if (madvise(g2h(addr), l, MADV_DONTNEED) != 0) {
            int e = errno;
            guest_mmap_unlock();
            return -e;
        }
        guest_mmap_unlock();
        return 0;
    case MADV_NORMAL:
    case MADV_RANDOM:
    case MADV_SEQUENTIAL:
    case MADV_WILLNEED:
        if (!guest_range_ok(addr, l, 0)) {
            return -ENOMEM;
        }
        return 0;
    default:
        /* Hints with no effect on contents: accepted, not passed on. */
        return 0;
    }
}

int guest_msync(uint32_t addr, uint32_t len, int flags)
{
    uint64_t l = ((uint64_t)len + GUEST_PAGE_SIZE - 1) & GUEST_PAGE_MASK;

    if (addr & (GUEST_PAGE_SIZE - 1)) {
        return -EINVAL;
    }
    if (!guest_range_ok(addr, l, 0)) {
        return -ENOMEM;
    }
    if (msync(g2h(addr), l, flags) != 0) {
        return -errno;
    }
    return 0;
}

/* ---- brk ------------------------------------------------------------- */

void guest_brk_init(uint32_t start)
{
    guest_mmap_lock();
    gm.brk_start = start;
    gm.brk_cur = start;
    gm.brk_end = (uint32_t)(((uint64_t)start + GUEST_PAGE_SIZE - 1)
                            & GUEST_PAGE_MASK);
    guest_mmap_unlock();
}

uint32_t guest_brk(uint32_t new_brk)
{
    uint32_t ret;

    guest_mmap_lock();
    if (new_brk == 0 || new_brk < gm.brk_start) {
        ret = gm.brk_cur;
        guest_mmap_unlock();
        return ret;
    }
    if (new_brk <= gm.brk_end) {
        /* Within the pages we have; shrinking frees whole pages above. */
        uint32_t keep = (uint32_t)(((uint64_t)new_brk + GUEST_PAGE_SIZE - 1)
                                   & GUEST_PAGE_MASK);
        uint32_t base = (uint32_t)(((uint64_t)gm.brk_start
                                    + GUEST_PAGE_SIZE - 1) & GUEST_PAGE_MASK);
        if (keep < base) {
            keep = base;
        }
        if (keep < gm.brk_end) {
            guest_munmap(keep, gm.brk_end - keep);
            gm.brk_end = keep;
        }
        gm.brk_cur = new_brk;
        guest_mmap_unlock();
        return new_brk;
    } else {
        uint64_t top = ((uint64_t)new_brk + GUEST_PAGE_SIZE - 1)
                       & GUEST_PAGE_MASK;
        int64_t r;
        if (top > gm.limit || !range_is_free(gm.brk_end, top - gm.brk_end)) {
            ret = gm.brk_cur;
            guest_mmap_unlock();
            return ret;
        }
        r = guest_mmap(gm.brk_end, (uint32_t)(top - gm.brk_end),
                       PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
        if (r < 0) {
            ret = gm.brk_cur;
            guest_mmap_unlock();
            return ret;
        }
        gm.brk_end = (uint32_t)top;
        gm.brk_cur = new_brk;
        guest_mmap_unlock();
        return new_brk;
    }
}

/* ---- Views ----------------------------------------------------------- */

int guest_mem_walk(int (*fn)(const GuestMapping *m, void *opaque),
                   void *opaque)
{
    uint64_t p = 0;
    int r = 0;
    uint32_t heap_lo, heap_hi;

    guest_mmap_lock();
    heap_lo = (uint32_t)(((uint64_t)gm.brk_start + GUEST_PAGE_SIZE - 1)
                         & GUEST_PAGE_MASK);
    heap_hi = gm.brk_end;
    while (p < GUEST_NUM_PAGES && r == 0) {
        uint8_t f = pf_get((uint32_t)p) & ~(PAGE_HAD_CODE | PAGE_CODE_WP);
        uint32_t start = (uint32_t)(p << GUEST_PAGE_BITS);
        const GuestBacking *b;
        GuestMapping m;
        uint64_t q;
        bool heap;

        if (!(f & PAGE_VALID)) {
            p++;
            continue;
        }
        b = backing_find(start);
        heap = !b && start >= heap_lo && start < heap_hi;
        for (q = p + 1; q < GUEST_NUM_PAGES; q++) {
            uint32_t a = (uint32_t)(q << GUEST_PAGE_BITS);
            uint8_t g = pf_get((uint32_t)q) & ~(PAGE_HAD_CODE | PAGE_CODE_WP);
            if (g != f || backing_find(a) != b
                || heap != (!b && a >= heap_lo && a < heap_hi)) {
                break;
            }
        }
        m.start = start;
        m.end = q << GUEST_PAGE_BITS;
        m.flags = f;
        m.offset = b ? b->offset + (start - b->start) : 0;
        m.dev = b ? b->dev : 0;
        m.inode = b ? b->inode : 0;
        m.path = b ? b->path : heap ? "[heap]" : NULL;
        r = fn(&m, opaque);
        p = q;
    }
    guest_mmap_unlock();
    return r;
}

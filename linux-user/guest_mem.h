/* linux-user/guest_mem.h — the guest's address space in user mode: one
 * 4 GiB host reservation (guest address a lives at guest_base + a), a
 * flags table with one entry per 4 KiB guest page, checked copies between
 * guest and host memory, and the emulation of mmap/munmap/mprotect/
 * mremap/brk. Host page = guest page = 4 KiB (the runner refuses others).
 *
 * Conventions of this module (and of every syscall implementation):
 * - guest addresses are uint32_t; lengths of guest ranges are uint32_t or
 *   size_t; a range that wraps past 4 GiB is invalid;
 * - functions that can fail return 0 / a value >= 0, or a NEGATIVE HOST
 *   errno (-EFAULT, -ENOMEM…); the syscall dispatcher translates host
 *   errno to guest errno once, at the end;
 * - no check here ever takes a host fault: every access is validated
 *   against the page-flags table first. (A concurrent munmap by another
 *   guest thread between the check and the copy is the one window left,
 *   as in QEMU.)
 */
#ifndef EMU_LINUX_USER_GUEST_MEM_H
#define EMU_LINUX_USER_GUEST_MEM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#define GUEST_PAGE_BITS 12
#define GUEST_PAGE_SIZE (1u << GUEST_PAGE_BITS)
#define GUEST_PAGE_MASK (~(uint32_t)(GUEST_PAGE_SIZE - 1))
#define GUEST_NUM_PAGES (1u << (32 - GUEST_PAGE_BITS))
/* Size of the host reservation: the whole 32-bit guest space. */
#define GUEST_SPACE_SIZE (UINT64_C(1) << 32)

/* Page flags (one uint8_t per guest page). PAGE_READ/WRITE/EXEC are the
 * guest-visible protection (what the guest asked for with mmap/mprotect);
 * the host protection may be stricter: PAGE_CODE_WP says the host page is
 * write-protected because it holds translated code. */
enum {
    PAGE_READ     = 0x01,
    PAGE_WRITE    = 0x02,
    PAGE_EXEC     = 0x04,
    PAGE_VALID    = 0x08,   /* mapped */
    PAGE_ANON     = 0x10,   /* anonymous (not file-backed) */
    PAGE_CODE_WP  = 0x20,   /* host-protected read-only: holds guest code */
    PAGE_RESERVED = 0x40,   /* never handed out by mmap (kuser page, -R) */
    PAGE_PROT_MASK = PAGE_READ | PAGE_WRITE | PAGE_EXEC,
};

/* Host address of guest address 0; set by guest_mem_init(), then
 * constant. Also stored in every CpuCommon.guest_base. */
extern uintptr_t guest_base;

static inline void *g2h(uint32_t addr)
{
    return (void *)(guest_base + addr);
}

static inline uint32_t h2g(const void *p)
{
    return (uint32_t)((uintptr_t)p - guest_base);
}

/* True when host address p lies inside the reservation. */
bool guest_mem_is_host_addr(uintptr_t p);

/* ---- Set-up ---------------------------------------------------------- */

/* Reserves the 4 GiB space (PROT_NONE, MAP_NORESERVE). `base_hint` is -B
 * (0: anywhere); `reserved_va` is -R (0: the whole 4 GiB is usable; else
 * guest addresses >= reserved_va are never given out). `big_endian` is
 * the guest byte order for the guest_get_u* helpers. Returns false with
 * a one-line message in err when the host cannot do it. */
bool guest_mem_init(uint64_t base_hint, uint64_t reserved_va,
                    bool big_endian, char *err, size_t errlen);
/* The highest usable guest address + 1 (-R or 4 GiB). */
uint64_t guest_mem_limit(void);
/* Lowers that limit to the guest kernel's TASK_SIZE once the runtime's
 * own pages above it (ARM's vector page) are in place: from then on no
 * mapping is given out or accepted at or above `top` (ENOMEM, as the
 * kernel answers). */
void guest_mem_set_user_limit(uint64_t top);

/* ---- Page flags ------------------------------------------------------ */

/* Flags of the page holding addr. Lock-free read. */
uint32_t page_get_flags(uint32_t addr);
/* Sets the flags of every page of [start, end) (page-rounded outward;
 * end == 0 means 4 GiB). Takes the mmap lock. Clearing PAGE_VALID or
 * PAGE_WRITE from code pages is the caller's business (guest_munmap /
 * guest_mprotect do it). */
void page_set_flags(uint32_t start, uint64_t end, uint32_t flags);

/* The mmap lock: serializes every change of the address space (mmap,
 * munmap, mprotect, mremap, brk, the flags table). Recursive. Syscall
 * implementations that must see a stable map across several calls take
 * it; the guest_* functions below take it themselves. Fork children
 * reinitialize it with guest_mmap_fork_child(). */
void guest_mmap_lock(void);
void guest_mmap_unlock(void);
void guest_mmap_fork_child(void);

/* ---- Checked access -------------------------------------------------- */

/* True when every page of [addr, addr + len) is PAGE_VALID and has all
 * of `prot` (PAGE_READ, PAGE_WRITE, PAGE_EXEC). len 0: true. */
bool guest_range_ok(uint32_t addr, size_t len, uint32_t prot);

/* Host pointer to guest [addr, addr + len) for direct use (passing to a
 * host syscall, memcpy), or NULL when the range fails the check. With
 * PAGE_WRITE in prot, pages holding translated code are made writable
 * first (their blocks invalidated): the host kernel would otherwise
 * return EFAULT for a read() into them. */
void *guest_access(uint32_t addr, size_t len, uint32_t prot);

/* Copies between guest and host memory; 0 or -EFAULT. */
int copy_from_guest(void *dst, uint32_t src, size_t len);
int copy_to_guest(uint32_t dst, const void *src, size_t len);
/* Fills guest memory with zeros; 0 or -EFAULT. */
int clear_guest(uint32_t dst, size_t len);

/* Runs fn(opaque) with a recovery point: a host SIGSEGV/SIGBUS at a guest
 * address during it makes this return -EFAULT instead of ending the
 * runner (the kernel's exception tables do this for copy_from_user). A
 * page can pass the flags check and still fault: a shared file page past
 * the end of its file, or a page another thread unmapped after the check.
 * Every copy above runs guarded; code that touches g2h() memory itself
 * wraps the touching in this. Returns 0, or -EFAULT. Nests. */
int guest_mem_guard(void (*fn)(void *opaque), void *opaque);
/* For the host fault handler: true when this thread is inside
 * guest_mem_guard() and host_addr lies in the guest reservation. The
 * handler then restores the thread's signal mask and calls
 * guest_mem_fault_recover(), which does not return. */
bool guest_mem_fault_guarded(uintptr_t host_addr);
_Noreturn void guest_mem_fault_recover(void);

/* Scalars in guest byte order; 0 or -EFAULT. Unaligned is fine. */
int guest_get_u16(uint32_t addr, uint16_t *val);
int guest_get_u32(uint32_t addr, uint32_t *val);
int guest_get_u64(uint32_t addr, uint64_t *val);
int guest_put_u16(uint32_t addr, uint16_t val);
int guest_put_u32(uint32_t addr, uint32_t val);
int guest_put_u64(uint32_t addr, uint64_t val);
/* Byte order conversion of values already in host memory. */
uint16_t guest_tswap16(uint16_t v);
uint32_t guest_tswap32(uint32_t v);
uint64_t guest_tswap64(uint64_t v);
bool guest_is_big_endian(void);

/* Length of the NUL-terminated guest string at addr, looking at most at
 * `max` bytes: the length (< max), -EFAULT, or -ENAMETOOLONG when no
 * NUL comes within max bytes. */
ssize_t guest_strnlen(uint32_t addr, size_t max);
/* A malloc'd host copy of the guest string at addr (at most max - 1
 * characters) in *out; 0, -EFAULT or -ENAMETOOLONG. The caller frees. */
int guest_strdup(uint32_t addr, size_t max, char **out);
/* Copies the guest string into buf (len bytes incl. the NUL); 0,
 * -EFAULT, or -ENAMETOOLONG. For paths use len = PATH_MAX. */
int guest_strcpy(char *buf, size_t len, uint32_t addr);

/* ---- mmap emulation -------------------------------------------------- */

/* `prot` is host PROT_*; `flags` host MAP_* (the syscall layer translates
 * the guest's through LinuxAbi.mmap_flags); `offset` in bytes. Returns
 * the guest address or a negative host errno. MAP_FIXED replaces what
 * was there; without it `addr` is a hint. MAP_FIXED_NOREPLACE honoured.
 * File mappings are remembered (path, offset) for /proc/self/maps. */
int64_t guest_mmap(uint32_t addr, uint32_t len, int prot, int flags, int fd,
                   uint64_t offset);
int guest_munmap(uint32_t addr, uint32_t len);
int guest_mprotect(uint32_t addr, uint32_t len, int prot);
/* Host MREMAP_* flags. Returns the new guest address or -errno. */
int64_t guest_mremap(uint32_t old_addr, uint32_t old_len, uint32_t new_len,
                     int flags, uint32_t new_addr);
/* Host MADV_* advice; only harmless or emulable advice reaches the host
 * (DONTNEED on private anonymous pages zeroes them as the kernel does). */
int guest_madvise(uint32_t addr, uint32_t len, int advice);
int guest_msync(uint32_t addr, uint32_t len, int flags);

/* A free, page-aligned range of len bytes: at `hint` if free, else the
 * lowest free one at or above the mmap base (top-down is not used: old
 * guests like addresses below 0x80000000 first). `align` is a power of
 * two >= GUEST_PAGE_SIZE (0: page). Returns the address or -ENOMEM. */
int64_t guest_find_free(uint32_t hint, uint32_t len, uint32_t align);
/* Where hinted-less mmaps start searching (set by the loader: above the
 * program, like the kernel's TASK_UNMAPPED_BASE). */
void guest_mmap_set_base(uint32_t base);

/* brk: guest_brk_init sets the initial break (page-aligned end of the
 * program's data, after ELF loading). guest_brk(0) returns the current
 * break; guest_brk(x) tries to move it and returns the new break, or the
 * old one when it cannot (kernel semantics: never an errno). */
void guest_brk_init(uint32_t start);
uint32_t guest_brk(uint32_t new_brk);

/* ---- Self-modifying code --------------------------------------------- */

/* Installs tb_page_added_hook (write-protects pages as they gain code)
 * and guest_code_readable (fetches need PAGE_EXEC). Call after
 * exec_init(). */
void guest_mem_install_code_hooks(void);
/* Called first by the SIGSEGV handler with the faulting host address:
 * when it is a write to a page we write-protected for translated code,
 * invalidates the page's blocks, makes the page writable again and
 * returns true (the handler returns and the access is retried).
 * Async-signal-safe with respect to guest code (takes the translation
 * lock, never the mmap lock). */
bool guest_mem_handle_write_fault(uintptr_t host_addr);
/* Invalidates translated code in [start, start + len) (ARM cacheflush,
 * writes by syscalls). */
void guest_mem_invalidate_code(uint32_t start, uint32_t len);

/* ---- Views ----------------------------------------------------------- */

/* One mapped region as /proc/self/maps shows it: consecutive pages with
 * equal flags and the same backing. */
typedef struct GuestMapping {
    uint32_t start;
    uint64_t end;           /* exclusive; 1 << 32 for the last page */
    uint32_t flags;         /* PAGE_* */
    uint64_t offset;        /* file offset of start */
    uint64_t dev, inode;
    const char *path;       /* backing file, "[heap]", "[stack]",
                               "[vectors]" or NULL (anonymous) */
} GuestMapping;

/* Calls fn for each region in address order with the mmap lock held;
 * stops when fn returns nonzero and returns that value. */
int guest_mem_walk(int (*fn)(const GuestMapping *m, void *opaque),
                   void *opaque);
/* Names a region for /proc/self/maps ("[stack]", "[vectors]"); the
 * string must outlive the process. */
void guest_mem_set_name(uint32_t start, uint32_t len, const char *name);

#endif

/* linux-user/thunk.h — guest struct layouts as data and the generic
 * converters between a guest struct (guest byte order, widths and
 * alignment) and the host struct a syscall implementation uses.
 *
 * A ThunkStruct lists fields in guest order. Each field names its host
 * place (offset and element size in the host struct) and its guest width;
 * its guest offset is either given (per-guest layouts such as ARM's
 * stat64) or THUNK_AUTO: laid out after the previous field by the guest's
 * ThunkRules (natural alignment, 8-byte scalars aligned to rules.align8:
 * 4 on i386, 8 on ARM EABI / MIPS / PPC / SPARC). Layouts are resolved
 * once (thunk_resolve) into a ThunkLayout the converters walk.
 *
 * Field kinds: signed and unsigned integers are converted between widths
 * (sign- or zero-extended, truncated); guest pointers are THUNK_UINT with
 * guest_size 0 (= the guest's long/pointer size) and stay guest addresses
 * in the host struct (the implementation g2h()'s them after checking);
 * THUNK_BYTES copies raw bytes (char arrays, opaque padding).
 */
#ifndef EMU_LINUX_USER_THUNK_H
#define EMU_LINUX_USER_THUNK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum {
    THUNK_SINT = 1,     /* signed integer */
    THUNK_UINT,         /* unsigned integer, guest pointer */
    THUNK_BYTES,        /* raw bytes, count of them */
};

#define THUNK_AUTO 0xffffu

typedef struct ThunkField {
    const char *name;
    uint8_t kind;           /* THUNK_SINT / UINT / BYTES */
    uint8_t guest_size;     /* bytes per element in the guest (1, 2, 4,
                               8); 0: the guest's long (rules.long_size) */
    uint16_t host_size;     /* bytes of the whole host member (all
                               elements); 0: host field absent (guest-only
                               padding, written as zero, ignored on read) */
    uint16_t count;         /* elements; 1 for a scalar */
    uint16_t host_off;      /* offset in the host struct */
    uint16_t guest_off;     /* offset in the guest struct or THUNK_AUTO */
} ThunkField;

typedef struct ThunkStruct {
    const char *name;
    uint16_t host_size;     /* sizeof the host struct */
    uint16_t guest_size;    /* 0: computed (rounded to the alignment);
                               else the exact guest size (tail padding) */
    uint16_t nfields;
    const ThunkField *fields;
} ThunkStruct;

/* Field descriptions from a host struct member (data, not code). */
#define THUNK_HOST(htype, member) \
    .host_off = offsetof(htype, member), \
    .host_size = sizeof(((htype *)0)->member)
#define THUNK_FIELD(htype, member, knd, gsize) \
    { .name = #member, .kind = (knd), .guest_size = (gsize), .count = 1, \
      .guest_off = THUNK_AUTO, THUNK_HOST(htype, member) }
#define THUNK_FIELD_AT(htype, member, knd, gsize, goff) \
    { .name = #member, .kind = (knd), .guest_size = (gsize), .count = 1, \
      .guest_off = (goff), THUNK_HOST(htype, member) }
/* A guest-only gap of n bytes (explicit padding). */
#define THUNK_PAD(n) \
    { .name = "pad", .kind = THUNK_BYTES, .guest_size = 1, .count = (n), \
      .host_size = 0, .host_off = 0, .guest_off = THUNK_AUTO }

/* The guest's C ABI, as far as layouts need it. */
typedef struct ThunkRules {
    uint8_t long_size;      /* 4 for every 32-bit guest */
    uint8_t align8;         /* alignment of 8-byte scalars: 4 or 8 */
    bool big_endian;
} ThunkRules;

/* A resolved layout: guest offsets filled in, sizes known. */
typedef struct ThunkLayoutField {
    uint8_t kind, guest_size, host_size;
    uint16_t count;
    uint16_t host_off, guest_off;
} ThunkLayoutField;

typedef struct ThunkLayout {
    const char *name;
    uint32_t guest_size, guest_align;
    uint32_t host_size;
    uint32_t nfields;
    bool big_endian;
    ThunkLayoutField *fields;   /* owned by the layout */
} ThunkLayout;

/* Resolves s under rules into a malloc'd layout (never freed in normal
 * use). Returns NULL with a message on stderr when the description is
 * inconsistent (a field past the given guest_size, a host field past
 * host_size, an unknown size): a programming error caught by tests. */
ThunkLayout *thunk_resolve(const ThunkStruct *s, const ThunkRules *rules);
void thunk_layout_free(ThunkLayout *l);

/* Converters between buffers already in host memory. `guest` points at
 * l->guest_size bytes in guest format, `host` at l->host_size bytes.
 * Host bytes not described by a field are left as they were (to_host);
 * guest bytes not described are zeroed (to_guest). */
void thunk_to_host(const ThunkLayout *l, void *host, const void *guest);
void thunk_to_guest(const ThunkLayout *l, void *guest, const void *host);

/* The same reading or writing guest memory at gaddr; 0 or -EFAULT. */
int thunk_from_guest_mem(const ThunkLayout *l, void *host, uint32_t gaddr);
int thunk_to_guest_mem(const ThunkLayout *l, uint32_t gaddr,
                       const void *host);

/* Arrays of n structs in guest memory (iovec, pollfd…). */
int thunk_array_from_guest_mem(const ThunkLayout *l, void *host,
                               uint32_t gaddr, uint32_t n);
int thunk_array_to_guest_mem(const ThunkLayout *l, uint32_t gaddr,
                             const void *host, uint32_t n);

/* The resolved layout of generic struct `id` (THUNK_ID_*, thunk_structs.h)
 * for the running guest: LinuxAbi.structs[id] when the guest overrides
 * it, else thunk_generic[id]; resolved on first use under the guest's
 * rules and cached (thread-safe). */
const ThunkLayout *thunk_layout(int id);

#endif

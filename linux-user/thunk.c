/* linux-user/thunk.c — resolves guest struct descriptions into layouts
 * under a guest's C ABI rules and converts structs field by field
 * between guest format (byte order, widths, alignment) and host structs.
 */
#include "thunk.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abi.h"
#include "guest_mem.h"
#include "task.h"
#include "thunk_structs.h"

static uint32_t thunk_align_of(uint32_t size, const ThunkRules *r)
{
    if (size >= 8) {
        return r->align8;
    }
    return size ? size : 1;
}

ThunkLayout *thunk_resolve(const ThunkStruct *s, const ThunkRules *rules)
{
    ThunkLayout *l = calloc(1, sizeof(*l));
    uint32_t off = 0, align = 1;

    if (!l) {
        return NULL;
    }
    l->fields = calloc(s->nfields ? s->nfields : 1, sizeof(*l->fields));
    if (!l->fields) {
        free(l);
        return NULL;
    }
    l->name = s->name;
    l->host_size = s->host_size;
    l->nfields = s->nfields;
    l->big_endian = rules->big_endian;
    for (uint32_t i = 0; i < s->nfields; i++) {
        const ThunkField *f = &s->fields[i];
        ThunkLayoutField *o = &l->fields[i];
        uint32_t gsize = f->guest_size ? f->guest_size : rules->long_size;
        uint32_t count = f->count ? f->count : 1;
        uint32_t a;

        if (f->kind == THUNK_BYTES) {
            gsize = 1;
        }
        if (gsize != 1 && gsize != 2 && gsize != 4 && gsize != 8) {
            fprintf(stderr, "thunk: %s.%s: guest size %u\n", s->name,
                    f->name, gsize);
            thunk_layout_free(l);
            return NULL;
        }
        if (f->kind != THUNK_BYTES && f->host_size != 0
            && f->host_size != 1 && f->host_size != 2 && f->host_size != 4
            && f->host_size != 8 && f->host_size % count != 0) {
            fprintf(stderr, "thunk: %s.%s: host size %u\n", s->name,
                    f->name, f->host_size);
            thunk_layout_free(l);
            return NULL;
        }
        a = thunk_align_of(gsize, rules);
        if (f->guest_off == THUNK_AUTO) {
            off = (off + a - 1) & ~(a - 1);
        } else {
            off = f->guest_off;
        }
        o->kind = f->kind;
        o->guest_size = (uint8_t)gsize;
        o->count = (uint16_t)count;
        o->guest_off = (uint16_t)off;
        o->host_off = f->host_off;
        /* host_size describes the whole member: per element here. */
        o->host_size = f->kind == THUNK_BYTES
            ? (uint8_t)(f->host_size ? 1 : 0)
            : (uint8_t)(f->host_size / (f->host_size >= count ? count : 1));
        if (f->host_size && (uint32_t)f->host_off + (f->kind == THUNK_BYTES
                                                     ? count : f->host_size)
                               > s->host_size) {
            fprintf(stderr, "thunk: %s.%s: past the host struct\n",
                    s->name, f->name);
            thunk_layout_free(l);
            return NULL;
        }
        if (f->kind == THUNK_BYTES && f->host_size && f->host_size < count) {
            fprintf(stderr, "thunk: %s.%s: host array too small\n",
                    s->name, f->name);
            thunk_layout_free(l);
            return NULL;
        }
        off += gsize * count;
        if (a > align) {
            align = a;
        }
    }
    l->guest_align = align;
    if (s->guest_size) {
        if (off > s->guest_size) {
            fprintf(stderr, "thunk: %s: fields end at %u, past size %u\n",
                    s->name, off, s->guest_size);
            thunk_layout_free(l);
            return NULL;
        }
        l->guest_size = s->guest_size;
    } else {
        l->guest_size = (off + align - 1) & ~(align - 1);
    }
    return l;
}

void thunk_layout_free(ThunkLayout *l)
{
    if (l) {
        free(l->fields);
        free(l);
    }
}

static uint64_t thunk_load(const uint8_t *p, unsigned size, bool be)
{
    uint64_t v = 0;

    for (unsigned i = 0; i < size; i++) {
        unsigned shift = be ? (size - 1 - i) * 8 : i * 8;
        v |= (uint64_t)p[i] << shift;
    }
    return v;
}

static void thunk_store(uint8_t *p, unsigned size, bool be, uint64_t v)
{
    for (unsigned i = 0; i < size; i++) {
        unsigned shift = be ? (size - 1 - i) * 8 : i * 8;
        p[i] = (uint8_t)(v >> shift);
    }
}

static uint64_t thunk_extend(uint64_t v, unsigned size, bool is_signed)
{
    if (size >= 8) {
        return v;
    }
    if (is_signed && (v >> (size * 8 - 1)) & 1) {
        return v | (~UINT64_C(0) << (size * 8));
    }
    return v & ((UINT64_C(1) << (size * 8)) - 1);
}

static bool host_big_endian(void)
{
    return __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__;
}

void thunk_to_host(const ThunkLayout *l, void *host, const void *guest)
{
    const uint8_t *g = guest;
    uint8_t *h = host;

    for (uint32_t i = 0; i < l->nfields; i++) {
        const ThunkLayoutField *f = &l->fields[i];
        if (!f->host_size) {
            continue;
        }
        if (f->kind == THUNK_BYTES) {
            memcpy(h + f->host_off, g + f->guest_off, f->count);
            continue;
        }
        for (uint32_t k = 0; k < f->count; k++) {
            uint64_t v = thunk_load(g + f->guest_off + k * f->guest_size,
                                    f->guest_size, l->big_endian);
            v = thunk_extend(v, f->guest_size, f->kind == THUNK_SINT);
            thunk_store(h + f->host_off + k * f->host_size, f->host_size,
                        host_big_endian(), v);
        }
    }
}

void thunk_to_guest(const ThunkLayout *l, void *guest, const void *host)
{
    uint8_t *g = guest;
    const uint8_t *h = host;

    memset(g, 0, l->guest_size);
    for (uint32_t i = 0; i < l->nfields; i++) {
        const ThunkLayoutField *f = &l->fields[i];
        if (!f->host_size) {
            continue;
        }
        if (f->kind == THUNK_BYTES) {
            memcpy(g + f->guest_off, h + f->host_off, f->count);
            continue;
        }
        for (uint32_t k = 0; k < f->count; k++) {
            uint64_t v = thunk_load(h + f->host_off + k * f->host_size,
                                    f->host_size, host_big_endian());
            thunk_store(g + f->guest_off + k * f->guest_size, f->guest_size,
                        l->big_endian, v);
        }
    }
}

int thunk_from_guest_mem(const ThunkLayout *l, void *host, uint32_t gaddr)
{
    return thunk_array_from_guest_mem(l, host, gaddr, 1);
}

int thunk_to_guest_mem(const ThunkLayout *l, uint32_t gaddr,
                       const void *host)
{
    return thunk_array_to_guest_mem(l, gaddr, host, 1);
}

/* One array conversion, run under guest_mem_guard() (a checked guest page
 * may still fault: a file page past EOF). */
typedef struct ThunkArrayJob {
    const ThunkLayout *l;
    uint8_t *host;
    uint8_t *guest;
    uint32_t n;
    bool to_guest;
} ThunkArrayJob;

static void thunk_array_fn(void *opaque)
{
    const ThunkArrayJob *j = opaque;

    for (uint32_t i = 0; i < j->n; i++) {
        uint8_t *h = j->host + (size_t)i * j->l->host_size;
        uint8_t *g = j->guest + (size_t)i * j->l->guest_size;
        if (j->to_guest) {
            thunk_to_guest(j->l, g, h);
        } else {
            thunk_to_host(j->l, h, g);
        }
    }
}

int thunk_array_from_guest_mem(const ThunkLayout *l, void *host,
                               uint32_t gaddr, uint32_t n)
{
    uint64_t total = (uint64_t)l->guest_size * n;
    ThunkArrayJob j = { l, host, NULL, n, false };

    if (total > GUEST_SPACE_SIZE || !guest_range_ok(gaddr, total, PAGE_READ)) {
        return -EFAULT;
    }
    j.guest = g2h(gaddr);
    return guest_mem_guard(thunk_array_fn, &j);
}

int thunk_array_to_guest_mem(const ThunkLayout *l, uint32_t gaddr,
                             const void *host, uint32_t n)
{
    uint64_t total = (uint64_t)l->guest_size * n;
    ThunkArrayJob j = { l, (uint8_t *)host, NULL, n, true };

    if (total > GUEST_SPACE_SIZE) {
        return -EFAULT;
    }
    j.guest = guest_access(gaddr, total, PAGE_WRITE);
    if (!j.guest && total) {
        return -EFAULT;
    }
    return guest_mem_guard(thunk_array_fn, &j);
}

/* Layouts of the running guest, resolved on first use. */
static ThunkLayout *thunk_cache[THUNK_ID_COUNT];
static pthread_mutex_t thunk_cache_lock = PTHREAD_MUTEX_INITIALIZER;

const ThunkLayout *thunk_layout(int id)
{
    const LinuxAbi *abi = linux_process.abi;
    ThunkLayout *l;

    if (id < 0 || id >= THUNK_ID_COUNT) {
        return NULL;
    }
    l = __atomic_load_n(&thunk_cache[id], __ATOMIC_ACQUIRE);
    if (l) {
        return l;
    }
    pthread_mutex_lock(&thunk_cache_lock);
    l = thunk_cache[id];
    if (!l) {
        const ThunkStruct *s = abi->structs && abi->structs[id]
            ? abi->structs[id] : &thunk_generic[id];
        l = thunk_resolve(s, &abi->thunk_rules);
        if (!l) {
            fprintf(stderr, "emu: bad struct description %s\n", s->name);
            abort();
        }
        __atomic_store_n(&thunk_cache[id], l, __ATOMIC_RELEASE);
    }
    pthread_mutex_unlock(&thunk_cache_lock);
    return l;
}

/* core/codebuf.h — the code buffer: one region mapped twice, a writable
 * view for the backend and an executable view for running, so no page is
 * ever writable and executable at once. Blocks, their metadata and the
 * interpreter's programs are carved from it; a flush frees everything.
 */
#ifndef EMU_CORE_CODEBUF_H
#define EMU_CORE_CODEBUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct CodeBuf {
    uint8_t *rw;        /* writable view */
    uint8_t *rx;        /* executable view of the same memory */
    size_t size;
    size_t used;
    size_t reserved;    /* bytes at the start kept across flushes (prologue) */
} CodeBuf;

/* Maps `size` bytes (rounded up to pages) twice. Returns false with errno
 * set when the host refuses. */
bool codebuf_init(CodeBuf *cb, size_t size);
void codebuf_destroy(CodeBuf *cb);
/* fork(): the views are shared memory the parent keeps using, so the
 * child needs its own copy at the same two addresses (blocks, chains and
 * pointers into the buffer stay valid). The copy must be taken before
 * fork(), while nothing writes to the buffer (the caller holds the
 * translation lock): after fork() the parent may chain or translate at
 * once. codebuf_fork_prepare() returns a host fd holding the snapshot,
 * or -1 with errno set; codebuf_fork_child() maps it over both views and
 * closes it (false when the host refuses: the child cannot go on);
 * the parent closes it with codebuf_fork_parent(). */
int codebuf_fork_prepare(const CodeBuf *cb);
bool codebuf_fork_child(CodeBuf *cb, int fd);
void codebuf_fork_parent(int fd);

/* Writable pointer to the free space, aligned to `align`; *avail gets the
 * bytes left. Nothing is taken until codebuf_commit(). */
uint8_t *codebuf_begin(CodeBuf *cb, size_t align, size_t *avail);
/* Takes `len` bytes starting at the pointer codebuf_begin() returned. */
void codebuf_commit(CodeBuf *cb, uint8_t *start, size_t len);
/* Allocates `len` bytes of data (writable view); NULL when full. */
void *codebuf_alloc(CodeBuf *cb, size_t len, size_t align);

/* Keeps everything used so far across flushes (call after the prologue). */
void codebuf_reserve_used(CodeBuf *cb);
/* Frees everything but the reserved part. */
void codebuf_flush(CodeBuf *cb);

static inline const uint8_t *codebuf_to_rx(const CodeBuf *cb, const void *rw)
{
    return cb->rx + ((const uint8_t *)rw - cb->rw);
}
static inline uint8_t *codebuf_to_rw(const CodeBuf *cb, const void *rx)
{
    return cb->rw + ((const uint8_t *)rx - cb->rx);
}
static inline bool codebuf_contains_rx(const CodeBuf *cb, uintptr_t p)
{
    return p >= (uintptr_t)cb->rx && p < (uintptr_t)cb->rx + cb->used;
}

#endif

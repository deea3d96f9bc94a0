/* core/codebuf.c — the code buffer: one shared-memory object mapped twice,
 * read-write for the backend and read-execute for running, so no page is
 * ever writable and executable at once (W^X). Allocation is a bump pointer.
 * Callers serialize (tb.c holds the translation lock around every use).
 */
#include "codebuf.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* A file descriptor for `size` bytes of anonymous shared memory: memfd
 * first, then an unlinked POSIX shm object, then an O_TMPFILE. -1 with
 * errno set when none works. */
static int codebuf_open_fd(size_t size)
{
    int fd = -1;

#ifdef MFD_CLOEXEC
    fd = memfd_create("emu-code", MFD_CLOEXEC);
#endif
    if (fd < 0) {
        char name[64];
        snprintf(name, sizeof(name), "/emu-code-%ld", (long)getpid());
        fd = shm_open(name, O_RDWR | O_CREAT | O_EXCL, 0600);
        if (fd >= 0) {
            shm_unlink(name);
        }
    }
#ifdef O_TMPFILE
    if (fd < 0) {
        const char *dir = getenv("TMPDIR");
        fd = open(dir ? dir : "/tmp", O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    }
#endif
    if (fd < 0) {
        return -1;
    }
    if (ftruncate(fd, (off_t)size) != 0) {
        int err = errno;
        close(fd);
        errno = err;
        return -1;
    }
    return fd;
}

bool codebuf_init(CodeBuf *cb, size_t size)
{
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    int fd;
    void *rw, *rx;

    memset(cb, 0, sizeof(*cb));
    if (size == 0) {
        errno = EINVAL;
        return false;
    }
    size = (size + page - 1) & ~(page - 1);
    fd = codebuf_open_fd(size);
    if (fd < 0) {
        return false;
    }
    rw = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (rw == MAP_FAILED) {
        int err = errno;
        close(fd);
        errno = err;
        return false;
    }
    rx = mmap(NULL, size, PROT_READ | PROT_EXEC, MAP_SHARED, fd, 0);
    if (rx == MAP_FAILED) {
        int err = errno;
        munmap(rw, size);
        close(fd);
        errno = err;
        return false;
    }
    /* The mappings keep the memory alive; the descriptor is not needed. */
    close(fd);
    cb->rw = rw;
    cb->rx = rx;
    cb->size = size;
    cb->used = 0;
    cb->reserved = 0;
    return true;
}

int codebuf_fork_prepare(const CodeBuf *cb)
{
    int fd;

    if (!cb->rw) {
        return -1;
    }
    fd = codebuf_open_fd(cb->size);
    if (fd < 0) {
        return -1;
    }
    if (pwrite(fd, cb->rw, cb->used, 0) != (ssize_t)cb->used) {
        close(fd);
        return -1;
    }
    return fd;
}

bool codebuf_fork_child(CodeBuf *cb, int fd)
{
    void *p;
    bool ok;

    if (!cb->rw) {
        return true;
    }
    if (fd < 0) {
        return false;
    }
    p = mmap(cb->rw, cb->size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED,
             fd, 0);
    ok = p == cb->rw;
    if (ok) {
        p = mmap(cb->rx, cb->size, PROT_READ | PROT_EXEC,
                 MAP_SHARED | MAP_FIXED, fd, 0);
        ok = p == cb->rx;
    }
    close(fd);
    return ok;
}

void codebuf_fork_parent(int fd)
{
    if (fd >= 0) {
        close(fd);
    }
}

void codebuf_destroy(CodeBuf *cb)
{
    if (cb->rw) {
        munmap(cb->rw, cb->size);
    }
    if (cb->rx) {
        munmap(cb->rx, cb->size);
    }
    memset(cb, 0, sizeof(*cb));
}

uint8_t *codebuf_begin(CodeBuf *cb, size_t align, size_t *avail)
{
    size_t off;

    if (align == 0) {
        align = 1;
    }
    off = (cb->used + align - 1) & ~(align - 1);
    if (off > cb->size) {
        off = cb->size;
    }
    if (avail) {
        *avail = cb->size - off;
    }
    return cb->rw + off;
}

void codebuf_commit(CodeBuf *cb, uint8_t *start, size_t len)
{
    size_t end = (size_t)(start - cb->rw) + len;

    if (end > cb->size) {
        end = cb->size;
    }
    if (end > cb->used) {
        cb->used = end;
    }
}

void *codebuf_alloc(CodeBuf *cb, size_t len, size_t align)
{
    size_t avail;
    uint8_t *p = codebuf_begin(cb, align, &avail);

    if (avail < len) {
        return NULL;
    }
    codebuf_commit(cb, p, len);
    return p;
}

void codebuf_reserve_used(CodeBuf *cb)
{
    cb->reserved = cb->used;
}

void codebuf_flush(CodeBuf *cb)
{
    cb->used = cb->reserved;
}

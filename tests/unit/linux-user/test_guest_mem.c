/* tests/unit/linux-user/test_guest_mem.c — the guest address space:
 * mmap placement (hints, fixed, noreplace), munmap, mprotect, mremap,
 * brk, checked copies and strings (EFAULT, ENAMETOOLONG, wrap-around),
 * and the write-protection of pages holding translated code.
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/tb.h"
#include "lu_test.h"

#define ANON (MAP_PRIVATE | MAP_ANONYMOUS)
#define RW (PROT_READ | PROT_WRITE)

static int setup(void **state)
{
    lu_test_init();
    return 0;
}

static void test_mmap_anon(void **state)
{
    int64_t a = guest_mmap(0, 3 * GUEST_PAGE_SIZE, RW, ANON, -1, 0);
    uint8_t zero[3 * GUEST_PAGE_SIZE] = { 0 }, buf[sizeof(zero)];

    assert_true(a > 0);
    assert_int_equal(a & (GUEST_PAGE_SIZE - 1), 0);
    assert_int_equal(page_get_flags((uint32_t)a) & (PAGE_VALID | PAGE_READ
                     | PAGE_WRITE | PAGE_EXEC | PAGE_ANON),
                     PAGE_VALID | PAGE_READ | PAGE_WRITE | PAGE_ANON);
    assert_int_equal(copy_from_guest(buf, (uint32_t)a, sizeof(buf)), 0);
    assert_memory_equal(buf, zero, sizeof(buf));
    assert_int_equal(guest_put_u32((uint32_t)a + 8, 0x11223344), 0);
    assert_int_equal(*(uint32_t *)g2h((uint32_t)a + 8), 0x11223344);
    assert_int_equal(guest_munmap((uint32_t)a, 3 * GUEST_PAGE_SIZE), 0);
    assert_int_equal(page_get_flags((uint32_t)a), 0);
}

static void test_mmap_hint_fixed(void **state)
{
    uint32_t hint = 0x50000000;
    int64_t a = guest_mmap(hint, GUEST_PAGE_SIZE, RW, ANON, -1, 0);
    int64_t b;

    assert_int_equal(a, hint);
    /* Hint taken: somewhere else. */
    b = guest_mmap(hint, GUEST_PAGE_SIZE, RW, ANON, -1, 0);
    assert_true(b > 0 && b != hint);
    /* MAP_FIXED_NOREPLACE over a mapping. */
    assert_int_equal(guest_mmap(hint, GUEST_PAGE_SIZE, RW,
                                ANON | MAP_FIXED_NOREPLACE, -1, 0), -EEXIST);
    /* MAP_FIXED replaces, contents fresh. */
    *(uint32_t *)g2h(hint) = 7;
    assert_int_equal(guest_mmap(hint, GUEST_PAGE_SIZE, PROT_READ,
                                ANON | MAP_FIXED, -1, 0), hint);
    assert_int_equal(*(uint32_t *)g2h(hint), 0);
    assert_int_equal(copy_to_guest(hint, "x", 1), -EFAULT);
    /* Bad arguments. */
    assert_int_equal(guest_mmap(0, 0, RW, ANON, -1, 0), -EINVAL);
    assert_int_equal(guest_mmap(hint + 1, 4096, RW, ANON | MAP_FIXED, -1, 0),
                     -EINVAL);
    assert_int_equal(guest_mmap(0, 4096, RW, MAP_ANONYMOUS, -1, 0), -EINVAL);
    assert_int_equal(guest_mmap(0, 4096, RW, MAP_PRIVATE, -1, 0), -EBADF);
    assert_int_equal(guest_munmap(hint, GUEST_PAGE_SIZE), 0);
    assert_int_equal(guest_munmap((uint32_t)b, GUEST_PAGE_SIZE), 0);
    assert_int_equal(guest_munmap(hint + 1, GUEST_PAGE_SIZE), -EINVAL);
}

static void test_munmap_middle_mprotect(void **state)
{
    int64_t a = guest_mmap(0, 3 * GUEST_PAGE_SIZE, RW, ANON, -1, 0);
    uint32_t base = (uint32_t)a;
    uint8_t buf[16];

    assert_true(a > 0);
    assert_int_equal(guest_munmap(base + GUEST_PAGE_SIZE, GUEST_PAGE_SIZE), 0);
    assert_true(guest_range_ok(base, GUEST_PAGE_SIZE, PAGE_WRITE));
    assert_false(guest_range_ok(base, GUEST_PAGE_SIZE + 1, PAGE_READ));
    assert_int_equal(copy_from_guest(buf, base + GUEST_PAGE_SIZE - 8, 16),
                     -EFAULT);
    assert_true(guest_range_ok(base + 2 * GUEST_PAGE_SIZE, 16, PAGE_WRITE));
    /* mprotect over the hole: ENOMEM, nothing changed. */
    assert_int_equal(guest_mprotect(base, 3 * GUEST_PAGE_SIZE, PROT_READ),
                     -ENOMEM);
    assert_true(guest_range_ok(base, 16, PAGE_WRITE));
    assert_int_equal(guest_mprotect(base, GUEST_PAGE_SIZE, PROT_READ), 0);
    assert_int_equal(copy_to_guest(base, "abc", 3), -EFAULT);
    assert_int_equal(copy_from_guest(buf, base, 3), 0);
    assert_int_equal(guest_mprotect(base, GUEST_PAGE_SIZE, PROT_NONE), 0);
    assert_int_equal(copy_from_guest(buf, base, 3), -EFAULT);
    assert_int_equal(guest_mprotect(base, GUEST_PAGE_SIZE, RW), 0);
    assert_int_equal(copy_to_guest(base, "abc", 3), 0);
    assert_int_equal(guest_mprotect(base + 1, 4096, RW), -EINVAL);
    guest_munmap(base, 3 * GUEST_PAGE_SIZE);
}

static void test_range_checks(void **state)
{
    int64_t a = guest_mmap(0, GUEST_PAGE_SIZE, RW, ANON, -1, 0);
    uint32_t base = (uint32_t)a;
    char *s;

    assert_false(guest_range_ok(0xfffff000u, 0x2000, PAGE_READ));
    assert_false(guest_range_ok(0, 4, PAGE_READ));
    assert_true(guest_range_ok(0, 0, PAGE_READ));
    assert_null(guest_access(0x100, 4, PAGE_READ));
    /* Strings: fits, no NUL before the end of the mapping, too long. */
    memcpy(g2h(base), "hello", 6);
    assert_int_equal(guest_strnlen(base, 100), 5);
    assert_int_equal(guest_strdup(base, 100, &s), 0);
    assert_string_equal(s, "hello");
    free(s);
    assert_int_equal(guest_strnlen(base, 5), -ENAMETOOLONG);
    memset(g2h(base), 'x', GUEST_PAGE_SIZE);
    assert_int_equal(guest_strnlen(base, 2 * GUEST_PAGE_SIZE), -EFAULT);
    assert_int_equal(guest_strdup(base + GUEST_PAGE_SIZE - 4, 4096, &s),
                     -EFAULT);
    assert_null(s);
    guest_munmap(base, GUEST_PAGE_SIZE);
    assert_int_equal(guest_strnlen(base, 10), -EFAULT);
}

static void test_mremap(void **state)
{
    int64_t a = guest_mmap(0x60000000, 2 * GUEST_PAGE_SIZE, RW, ANON, -1, 0);
    int64_t b, blocker, c;

    assert_int_equal(a, 0x60000000);
    memcpy(g2h(0x60000000), "keep", 5);
    /* Grow in place into free space. */
    b = guest_mremap(0x60000000, 2 * GUEST_PAGE_SIZE, 4 * GUEST_PAGE_SIZE,
                     0, 0);
    assert_int_equal(b, 0x60000000);
    assert_true(guest_range_ok(0x60000000, 4 * GUEST_PAGE_SIZE, PAGE_WRITE));
    assert_int_equal(*(uint8_t *)g2h(0x60000000 + 3 * GUEST_PAGE_SIZE), 0);
    /* Blocked: without MAYMOVE ENOMEM, with it moved, data kept. */
    blocker = guest_mmap(0x60004000, GUEST_PAGE_SIZE, RW, ANON | MAP_FIXED,
                         -1, 0);
    assert_int_equal(blocker, 0x60004000);
    assert_int_equal(guest_mremap(0x60000000, 4 * GUEST_PAGE_SIZE,
                                  8 * GUEST_PAGE_SIZE, 0, 0), -ENOMEM);
    c = guest_mremap(0x60000000, 4 * GUEST_PAGE_SIZE, 8 * GUEST_PAGE_SIZE,
                     MREMAP_MAYMOVE, 0);
    assert_true(c > 0 && c != 0x60000000);
    assert_string_equal((char *)g2h((uint32_t)c), "keep");
    assert_int_equal(page_get_flags(0x60000000), 0);
    assert_true(guest_range_ok((uint32_t)c, 8 * GUEST_PAGE_SIZE, PAGE_WRITE));
    /* Shrink in place. */
    assert_int_equal(guest_mremap((uint32_t)c, 8 * GUEST_PAGE_SIZE,
                                  GUEST_PAGE_SIZE, 0, 0), c);
    assert_int_equal(page_get_flags((uint32_t)c + GUEST_PAGE_SIZE), 0);
    guest_munmap((uint32_t)c, GUEST_PAGE_SIZE);
    guest_munmap(0x60004000, GUEST_PAGE_SIZE);
}

static void test_brk(void **state)
{
    uint32_t start = 0x70000000 + 0x123;
    uint32_t top;

    guest_brk_init(start);
    assert_int_equal(guest_brk(0), start);
    /* Inside the first (not yet mapped, page-aligned up) page: moves. */
    top = guest_brk(start + 0x3000);
    assert_int_equal(top, start + 0x3000);
    assert_true(guest_range_ok(0x70001000, 0x3000, PAGE_WRITE));
    *(uint32_t *)g2h(0x70003000) = 5;
    /* Shrink frees whole pages above the new break. */
    assert_int_equal(guest_brk(start + 0x1000), start + 0x1000);
    assert_int_equal(page_get_flags(0x70003000), 0);
    /* Grow again: fresh zero page. */
    assert_int_equal(guest_brk(start + 0x3000), start + 0x3000);
    assert_int_equal(*(uint32_t *)g2h(0x70003000), 0);
    /* Below the start: unchanged. */
    assert_int_equal(guest_brk(start - 1), start + 0x3000);
    /* Into another mapping: unchanged. */
    assert_int_equal(guest_mmap(0x70008000, GUEST_PAGE_SIZE, RW,
                                ANON | MAP_FIXED, -1, 0), 0x70008000);
    assert_int_equal(guest_brk(0x7000a000), start + 0x3000);
    guest_munmap(0x70008000, GUEST_PAGE_SIZE);
}

typedef struct WalkFound {
    uint32_t addr;
    bool seen;
    const char *path;
} WalkFound;

static int walk_find(const GuestMapping *m, void *opaque)
{
    WalkFound *p = opaque;

    if (m->start == p->addr) {
        p->seen = m->path && strcmp(m->path, p->path) == 0
                  && m->offset == 4096 && m->end == p->addr + 4096
                  && (m->flags & PAGE_PROT_MASK) == PAGE_READ;
    }
    return 0;
}

static void test_file_map_and_walk(void **state)
{
    char path[] = "/tmp/emu-test-gm-XXXXXX";
    int fd = mkstemp(path);
    char data[2 * 4096];
    int64_t a;
    WalkFound f;

    assert_true(fd >= 0);
    memset(data, 'A', 4096);
    memset(data + 4096, 'B', 4096);
    assert_int_equal(write(fd, data, sizeof(data)), (ssize_t)sizeof(data));
    a = guest_mmap(0, GUEST_PAGE_SIZE, PROT_READ, MAP_PRIVATE, fd, 4096);
    assert_true(a > 0);
    assert_int_equal(*(char *)g2h((uint32_t)a), 'B');
    assert_int_equal(guest_mmap(0, GUEST_PAGE_SIZE, PROT_READ, MAP_PRIVATE,
                                fd, 100), -EINVAL);
    f.addr = (uint32_t)a;
    f.seen = false;
    f.path = path;
    guest_mem_walk(walk_find, &f);
    assert_true(f.seen);
    guest_munmap((uint32_t)a, GUEST_PAGE_SIZE);
    close(fd);
    unlink(path);
}

static void test_code_write_protect(void **state)
{
    int64_t a = guest_mmap(0, GUEST_PAGE_SIZE, RW | PROT_EXEC, ANON, -1, 0);
    uint32_t page = (uint32_t)a;
    int64_t ro;

    assert_true(a > 0);
    /* The core reports the page gained code: host write-protected. */
    tb_page_added_hook(page);
    assert_true(page_get_flags(page) & PAGE_CODE_WP);
    /* A write fault there is ours: unprotected, write retried. */
    assert_true(guest_mem_handle_write_fault((uintptr_t)g2h(page) + 12));
    assert_false(page_get_flags(page) & PAGE_CODE_WP);
    *(uint32_t *)g2h(page + 12) = 1;
    /* Syscall writes unprotect too (guest_access with PAGE_WRITE). */
    tb_page_added_hook(page);
    assert_true(page_get_flags(page) & PAGE_CODE_WP);
    assert_int_equal(copy_to_guest(page + 16, "zz", 2), 0);
    assert_false(page_get_flags(page) & PAGE_CODE_WP);
    /* Faults outside the space or on guest-read-only pages are not. */
    assert_false(guest_mem_handle_write_fault(0x1000));
    ro = guest_mmap(0, GUEST_PAGE_SIZE, PROT_READ, ANON, -1, 0);
    assert_false(guest_mem_handle_write_fault((uintptr_t)g2h((uint32_t)ro)));
    guest_munmap(page, GUEST_PAGE_SIZE);
    guest_munmap((uint32_t)ro, GUEST_PAGE_SIZE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_mmap_anon),
        cmocka_unit_test(test_mmap_hint_fixed),
        cmocka_unit_test(test_munmap_middle_mprotect),
        cmocka_unit_test(test_range_checks),
        cmocka_unit_test(test_mremap),
        cmocka_unit_test(test_brk),
        cmocka_unit_test(test_file_map_and_walk),
        cmocka_unit_test(test_code_write_protect),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}

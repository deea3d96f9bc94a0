/* tests/unit/linux-user/test_thunk.c — struct layout resolution under
 * different guest rules (ARM EABI aligns 64-bit members to 8, i386 to 4;
 * big-endian guests) and the converters: widths, sign extension, byte
 * order, explicit offsets, padding, arrays, guest memory EFAULT.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>

#include <cmocka.h>

#include "lu_test.h"
#include "linux-user/thunk.h"

typedef struct HostT {
    int64_t s;      /* guest: int32 (long) */
    uint32_t u;     /* guest: uint16 */
    int64_t big;    /* guest: int64 */
    uint64_t ptr;   /* guest: pointer (long) */
    char name[5];   /* guest: char[5] */
} HostT;

static const ThunkField test_fields[] = {
    THUNK_FIELD(HostT, s, THUNK_SINT, 0),
    THUNK_FIELD(HostT, u, THUNK_UINT, 2),
    THUNK_FIELD(HostT, big, THUNK_SINT, 8),
    THUNK_FIELD(HostT, ptr, THUNK_UINT, 0),
    { .name = "name", .kind = THUNK_BYTES, .guest_size = 1, .count = 5,
      .guest_off = THUNK_AUTO, THUNK_HOST(HostT, name) },
};
static const ThunkStruct test_struct = {
    "test", sizeof(HostT), 0, 5, test_fields,
};

static const ThunkRules rules_arm = { 4, 8, false };
static const ThunkRules rules_i386 = { 4, 4, false };
static const ThunkRules rules_be = { 4, 8, true };

static int setup(void **state)
{
    lu_test_init();
    return 0;
}

static void test_layout_rules(void **state)
{
    ThunkLayout *arm = thunk_resolve(&test_struct, &rules_arm);
    ThunkLayout *x86 = thunk_resolve(&test_struct, &rules_i386);

    assert_non_null(arm);
    assert_non_null(x86);
    /* s@0 u@4 pad big@8 ptr@16 name@20, size 25 -> 32 (align 8). */
    assert_int_equal(arm->fields[2].guest_off, 8);
    assert_int_equal(arm->fields[3].guest_off, 16);
    assert_int_equal(arm->fields[4].guest_off, 20);
    assert_int_equal(arm->guest_size, 32);
    /* i386: big@8 too (after u@4+2 -> aligned 4 = 8), size 28. */
    assert_int_equal(x86->fields[2].guest_off, 8);
    assert_int_equal(x86->guest_size, 28);
    thunk_layout_free(arm);
    thunk_layout_free(x86);
}

static void test_i386_alignment_differs(void **state)
{
    /* int32 then int64: ARM puts the int64 at 8, i386 at 4. */
    static const ThunkField f[] = {
        THUNK_FIELD(HostT, u, THUNK_UINT, 4),
        THUNK_FIELD(HostT, big, THUNK_SINT, 8),
    };
    static const ThunkStruct s = { "pair", sizeof(HostT), 0, 2, f };
    ThunkLayout *arm = thunk_resolve(&s, &rules_arm);
    ThunkLayout *x86 = thunk_resolve(&s, &rules_i386);

    assert_int_equal(arm->fields[1].guest_off, 8);
    assert_int_equal(arm->guest_size, 16);
    assert_int_equal(x86->fields[1].guest_off, 4);
    assert_int_equal(x86->guest_size, 12);
    thunk_layout_free(arm);
    thunk_layout_free(x86);
}

static void test_convert_le_be(void **state)
{
    ThunkLayout *le = thunk_resolve(&test_struct, &rules_arm);
    ThunkLayout *be = thunk_resolve(&test_struct, &rules_be);
    uint8_t g[32];
    HostT h, back;

    memset(&h, 0x55, sizeof(h));
    memset(g, 0, sizeof(g));
    /* Little-endian guest: s = -2, u = 0xbeef, big = -3, ptr, name. */
    memcpy(g, "\xfe\xff\xff\xff\xef\xbe", 6);
    memcpy(g + 8, "\xfd\xff\xff\xff\xff\xff\xff\xff", 8);
    memcpy(g + 16, "\x00\x10\x00\x80", 4);
    memcpy(g + 20, "abcd", 5);
    thunk_to_host(le, &h, g);
    assert_int_equal(h.s, -2);
    assert_int_equal(h.u, 0xbeef);
    assert_int_equal(h.big, -3);
    assert_int_equal(h.ptr, 0x80001000u);   /* zero-extended */
    assert_string_equal(h.name, "abcd");
    /* Back: the same bytes, padding zeroed. */
    memset(g + 6, 0x77, 2);
    {
        uint8_t g2[32];
        memset(g2, 0x99, sizeof(g2));
        thunk_to_guest(le, g2, &h);
        memset(g + 6, 0, 2);
        assert_memory_equal(g2, g, 25);
        assert_int_equal(g2[30], 0);
    }
    /* Big-endian guest reads the same value from swapped bytes. */
    memset(g, 0, sizeof(g));
    memcpy(g, "\xff\xff\xff\xfe\xbe\xef", 6);
    memcpy(g + 8, "\xff\xff\xff\xff\xff\xff\xff\xfd", 8);
    memcpy(g + 16, "\x80\x00\x10\x00", 4);
    memcpy(g + 20, "abcd", 5);
    memset(&back, 0, sizeof(back));
    thunk_to_host(be, &back, g);
    assert_int_equal(back.s, -2);
    assert_int_equal(back.u, 0xbeef);
    assert_int_equal(back.big, -3);
    assert_int_equal(back.ptr, 0x80001000u);
    /* Truncation to the guest width. */
    h.s = 0x100000005ll;
    thunk_to_guest(le, g, &h);
    assert_int_equal(g[0], 5);
    assert_int_equal(g[3], 0);
    assert_int_equal(g[1], 0);
    thunk_layout_free(le);
    thunk_layout_free(be);
}

static void test_explicit_offsets_and_errors(void **state)
{
    static const ThunkField f[] = {
        THUNK_FIELD_AT(HostT, u, THUNK_UINT, 4, 12),
        THUNK_PAD(4),
    };
    static const ThunkStruct s = { "fixed", sizeof(HostT), 24, 2, f };
    static const ThunkStruct too_small = { "small", sizeof(HostT), 8, 2, f };
    static const ThunkField bad_size[] = {
        THUNK_FIELD(HostT, u, THUNK_UINT, 3),
    };
    static const ThunkStruct bad = { "bad", sizeof(HostT), 0, 1, bad_size };
    ThunkLayout *l = thunk_resolve(&s, &rules_arm);

    assert_non_null(l);
    assert_int_equal(l->fields[0].guest_off, 12);
    assert_int_equal(l->fields[1].guest_off, 16);
    assert_int_equal(l->guest_size, 24);
    thunk_layout_free(l);
    assert_null(thunk_resolve(&too_small, &rules_arm));
    assert_null(thunk_resolve(&bad, &rules_arm));
}

static void test_guest_memory(void **state)
{
    ThunkLayout *l = thunk_resolve(&test_struct, &rules_arm);
    int64_t a = guest_mmap(0, 4096, PROT_READ | PROT_WRITE,
                           MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    HostT h[2], r[2];

    assert_true(a > 0);
    memset(h, 0, sizeof(h));
    h[0].s = -7;
    h[1].u = 9;
    strcpy(h[1].name, "zz");
    assert_int_equal(thunk_array_to_guest_mem(l, (uint32_t)a, h, 2), 0);
    memset(r, 0, sizeof(r));
    assert_int_equal(thunk_array_from_guest_mem(l, r, (uint32_t)a, 2), 0);
    assert_int_equal(r[0].s, -7);
    assert_int_equal(r[1].u, 9);
    assert_string_equal(r[1].name, "zz");
    /* The second element crosses into an unmapped page. */
    assert_int_equal(thunk_array_from_guest_mem(l, r, (uint32_t)a + 4096 - 40,
                                                2), -EFAULT);
    assert_int_equal(thunk_to_guest_mem(l, (uint32_t)a + 4090, h), -EFAULT);
    guest_munmap((uint32_t)a, 4096);
    assert_int_equal(thunk_from_guest_mem(l, r, (uint32_t)a), -EFAULT);
    thunk_layout_free(l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_layout_rules),
        cmocka_unit_test(test_i386_alignment_differs),
        cmocka_unit_test(test_convert_le_be),
        cmocka_unit_test(test_explicit_offsets_and_errors),
        cmocka_unit_test(test_guest_memory),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}

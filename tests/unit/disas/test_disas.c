/* tests/unit/disas — the -d in_asm/out_asm disassembler: one known
 * instruction for each guest's capstone mode and for the host, and the
 * hex-dump fallback for undecodable bytes and unknown architectures.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <capstone/capstone.h>
#include <cmocka.h>

#include "core/disas.h"

/* Disassembles into a string; the caller frees it. */
static char *disas_to_string(int arch, int mode, const uint8_t *code,
                             size_t len, uint64_t addr)
{
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);

    assert_non_null(f);
    disas_print(f, arch, mode, code, len, addr);
    fclose(f);
    return buf;
}

static void expect(int arch, int mode, const uint8_t *code, size_t len,
                   const char *want)
{
    char *text = disas_to_string(arch, mode, code, len, 0x1000);

    if (!strstr(text, want)) {
        fail_msg("expected \"%s\" in:\n%s", want, text);
    }
    assert_non_null(strstr(text, "0x00001000"));
    free(text);
}

static void test_arm(void **state)
{
    /* add r0, r1, r2 (ARM ARM A8.8.7, encoding A1) */
    static const uint8_t a32[] = { 0x02, 0x00, 0x81, 0xe0 };
    /* adds r0, r1, r2 (Thumb 16-bit) */
    static const uint8_t t16[] = { 0x88, 0x18 };

    expect(CS_ARCH_ARM, CS_MODE_ARM, a32, sizeof(a32), "add");
    expect(CS_ARCH_ARM, CS_MODE_THUMB, t16, sizeof(t16), "add");
}

static void test_mips_both_endians(void **state)
{
    /* addu $v0, $a0, $a1 = 0x00851021 */
    static const uint8_t be[] = { 0x00, 0x85, 0x10, 0x21 };
    static const uint8_t le[] = { 0x21, 0x10, 0x85, 0x00 };

    expect(CS_ARCH_MIPS, CS_MODE_MIPS32 | CS_MODE_BIG_ENDIAN, be, 4, "addu");
    expect(CS_ARCH_MIPS, CS_MODE_MIPS32 | CS_MODE_LITTLE_ENDIAN, le, 4,
           "addu");
}

static void test_ppc(void **state)
{
    /* add r3, r4, r5 = 0x7c642a14 */
    static const uint8_t code[] = { 0x7c, 0x64, 0x2a, 0x14 };

    expect(CS_ARCH_PPC, CS_MODE_32 | CS_MODE_BIG_ENDIAN, code, 4, "add");
}

static void test_sparc(void **state)
{
    /* add %g1, %g2, %g3 = 0x86004002 */
    static const uint8_t code[] = { 0x86, 0x00, 0x40, 0x02 };

    expect(CS_ARCH_SPARC, CS_MODE_BIG_ENDIAN, code, 4, "add");
}

static void test_i386(void **state)
{
    /* add eax, ebx; ret */
    static const uint8_t code[] = { 0x01, 0xd8, 0xc3 };

    expect(CS_ARCH_X86, CS_MODE_32, code, sizeof(code), "add");
    expect(CS_ARCH_X86, CS_MODE_32, code, sizeof(code), "ret");
}

static void test_host(void **state)
{
    /* mov rax, rbx; ret */
    static const uint8_t code[] = { 0x48, 0x89, 0xd8, 0xc3 };
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);

    disas_print_host(f, code, sizeof(code));
    fclose(f);
#if defined(__x86_64__)
    assert_non_null(strstr(buf, "rax, rbx"));
#endif
    assert_non_null(strstr(buf, "ret"));
    free(buf);
}

static void test_fallbacks(void **state)
{
    static const uint8_t junk[] = { 0xff, 0xff, 0xff, 0xff };
    char *text;

    /* No capstone arch: a hex dump naming the bytes. */
    text = disas_to_string(-1, 0, junk, sizeof(junk), 0x2000);
    assert_non_null(strstr(text, ".byte"));
    assert_non_null(strstr(text, "ff ff ff ff"));
    free(text);
    /* Undecodable bytes for a real arch still produce lines, no crash. */
    text = disas_to_string(CS_ARCH_MIPS, CS_MODE_MIPS32 | CS_MODE_BIG_ENDIAN,
                           junk, sizeof(junk), 0x2000);
    assert_non_null(strstr(text, "0x00002000"));
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_arm),
        cmocka_unit_test(test_mips_both_endians),
        cmocka_unit_test(test_ppc),
        cmocka_unit_test(test_sparc),
        cmocka_unit_test(test_i386),
        cmocka_unit_test(test_host),
        cmocka_unit_test(test_fallbacks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

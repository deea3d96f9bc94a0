/* tests/unit/linux-user/test_elfload.c — the ELF loader: malformed files
 * built here byte by byte each give their one-line reason (truncated,
 * wrong class / machine / byte order / type, bad program headers,
 * segments past the end, PT_INTERP not NUL-terminated, OABI, armhf,
 * missing interpreter), and a good static program loads with the
 * kernel's stack layout and auxv.
 */
#include <elf.h>
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "lu_test.h"

#define CODE_VADDR 0x00010000u

/* A minimal ARM EABI5 executable: header, phdrs at 52, code at 0x100. */
typedef struct TestElf {
    uint8_t bytes[0x200];
    size_t size;
} TestElf;

static Elf32_Ehdr *elf_eh(TestElf *e)
{
    return (Elf32_Ehdr *)e->bytes;
}

static Elf32_Phdr *elf_ph(TestElf *e, unsigned i)
{
    return (Elf32_Phdr *)(e->bytes + 52 + i * sizeof(Elf32_Phdr));
}

static void elf_make(TestElf *e, unsigned nph)
{
    Elf32_Ehdr *eh = elf_eh(e);
    Elf32_Phdr *ph;

    memset(e, 0, sizeof(*e));
    memcpy(eh->e_ident, ELFMAG, SELFMAG);
    eh->e_ident[EI_CLASS] = ELFCLASS32;
    eh->e_ident[EI_DATA] = ELFDATA2LSB;
    eh->e_ident[EI_VERSION] = EV_CURRENT;
    eh->e_type = ET_EXEC;
    eh->e_machine = EM_ARM;
    eh->e_version = EV_CURRENT;
    eh->e_entry = CODE_VADDR + 0x100;
    eh->e_phoff = 52;
    eh->e_flags = 0x05000200;          /* EABI5, soft-float */
    eh->e_ehsize = sizeof(Elf32_Ehdr);
    eh->e_phentsize = sizeof(Elf32_Phdr);
    eh->e_phnum = (uint16_t)nph;
    ph = elf_ph(e, 0);
    ph->p_type = PT_LOAD;
    ph->p_offset = 0;
    ph->p_vaddr = ph->p_paddr = CODE_VADDR;
    ph->p_filesz = 0x200;
    ph->p_memsz = 0x1800;              /* bss into a second page */
    ph->p_flags = PF_R | PF_X | PF_W;
    ph->p_align = 0x1000;
    /* Code: mov r0, #42; mov r7, #248 (exit_group); svc 0. */
    memcpy(e->bytes + 0x100, "\x2a\x00\xa0\xe3\xf8\x70\xa0\xe3\x00\x00\x00\xef",
           12);
    e->size = sizeof(e->bytes);
}

static char *elf_write(const TestElf *e, size_t size)
{
    static char path[64];
    int fd;

    snprintf(path, sizeof(path), "/tmp/emu-test-elf-XXXXXX");
    fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, e->bytes, size), (ssize_t)size);
    fchmod(fd, 0755);
    close(fd);
    return path;
}

/* Loads e (first `size` bytes) and returns the error, "" on success. */
static const char *elf_try(const TestElf *e, size_t size)
{
    static char err[512];
    static char *argv[] = { "prog", "arg1", NULL };
    static char *envp[] = { "A=1", NULL };
    char *path = elf_write(e, size);
    bool ok;

    linux_process.argv = argv;
    linux_process.argc = 2;
    linux_process.envp = envp;
    linux_process.exe_path = path;
    linux_process.opt.ld_prefix = "/nonexistent-prefix";
    err[0] = 0;
    ok = elf_load_program(&linux_process, path, err, sizeof(err));
    unlink(path);
    if (ok) {
        return "";
    }
    return err;
}

static void expect_error(const TestElf *e, size_t size, const char *part)
{
    const char *err = elf_try(e, size);

    if (!strstr(err, part)) {
        fail_msg("expected an error containing \"%s\", got \"%s\"", part,
                 err);
    }
    /* One line. */
    assert_null(strchr(err, '\n'));
}

static int setup(void **state)
{
    lu_test_init();
    return 0;
}

static void test_not_elf(void **state)
{
    TestElf e;

    elf_make(&e, 1);
    expect_error(&e, 10, "not an ELF executable");
    e.bytes[1] = 'X';
    expect_error(&e, e.size, "not an ELF executable");
    elf_make(&e, 1);
    expect_error(&e, 40, "truncated ELF header");
}

static void test_wrong_kind(void **state)
{
    TestElf e;

    elf_make(&e, 1);
    e.bytes[EI_CLASS] = ELFCLASS64;
    expect_error(&e, e.size, "64-bit");
    elf_make(&e, 1);
    elf_eh(&e)->e_machine = EM_386;
    expect_error(&e, e.size, "i386 program, not ARM");
    elf_make(&e, 1);
    elf_eh(&e)->e_machine = 0x1234;
    expect_error(&e, e.size, "ELF machine 4660");
    elf_make(&e, 1);
    e.bytes[EI_DATA] = ELFDATA2MSB;
    /* Machine read big-endian is not EM_ARM any more: byte-swap it. */
    elf_eh(&e)->e_machine = (uint16_t)(EM_ARM << 8);
    elf_eh(&e)->e_version = EV_CURRENT << 24;
    expect_error(&e, e.size, "big-endian");
    elf_make(&e, 1);
    elf_eh(&e)->e_type = ET_REL;
    expect_error(&e, e.size, "not an executable");
    elf_make(&e, 1);
    elf_eh(&e)->e_flags = 0;
    expect_error(&e, e.size, "OABI");
    elf_make(&e, 1);
    /* A hard-float program is refused on a pre-v7 -cpu (without -cpu
     * it gets a Cortex-A model). */
    elf_eh(&e)->e_flags = 0x05000400;
    linux_process.opt.cpu_model = "arm926";
    linux_process.cpu_model = &linux_abi_arm.cpu_models[0];
    expect_error(&e, e.size, "armhf");
    linux_process.opt.cpu_model = NULL;
}

static void test_bad_phdrs(void **state)
{
    TestElf e;

    elf_make(&e, 1);
    elf_eh(&e)->e_phoff = 0x1f0;
    expect_error(&e, e.size, "program headers lie past the end");
    elf_make(&e, 1);
    elf_eh(&e)->e_phoff = 0xfffffff0u;
    expect_error(&e, e.size, "program headers lie past the end");
    elf_make(&e, 1);
    elf_eh(&e)->e_phentsize = 20;
    expect_error(&e, e.size, "bad program header size");
    elf_make(&e, 1);
    elf_eh(&e)->e_phnum = 0;
    expect_error(&e, e.size, "bad number of program headers");
    elf_make(&e, 1);
    elf_ph(&e, 0)->p_filesz = 0x1000;
    expect_error(&e, e.size, "past the end of the file");
    elf_make(&e, 1);
    elf_ph(&e, 0)->p_offset = 0xffffff00u;
    expect_error(&e, e.size, "past the end of the file");
    elf_make(&e, 1);
    elf_ph(&e, 0)->p_memsz = 0x10;
    expect_error(&e, e.size, "file size larger than memory size");
    elf_make(&e, 1);
    elf_ph(&e, 0)->p_vaddr = 0xfffff000u;
    elf_ph(&e, 0)->p_memsz = 0x2000;
    expect_error(&e, e.size, "wraps");
    elf_make(&e, 1);
    elf_ph(&e, 0)->p_type = PT_NOTE;
    expect_error(&e, e.size, "no loadable segment");
    elf_make(&e, 1);
    elf_ph(&e, 0)->p_vaddr = 0;
    expect_error(&e, e.size, "below the first page");
}

static void test_bad_interp(void **state)
{
    TestElf e;
    Elf32_Phdr *ip;

    elf_make(&e, 2);
    ip = elf_ph(&e, 1);
    ip->p_type = PT_INTERP;
    ip->p_offset = 0x180;
    ip->p_filesz = 8;
    memcpy(e.bytes + 0x180, "/lib/ld-", 8);     /* no NUL */
    expect_error(&e, e.size, "PT_INTERP is not a NUL-terminated path");
    memcpy(e.bytes + 0x180, "/l\0b/ld\0", 8);   /* NUL inside */
    expect_error(&e, e.size, "PT_INTERP is not a NUL-terminated path");
    ip->p_offset = 0x1fc;
    expect_error(&e, e.size, "bad PT_INTERP size or offset");
    ip->p_offset = 0x180;
    ip->p_filesz = 0;
    expect_error(&e, e.size, "bad PT_INTERP size or offset");
    memcpy(e.bytes + 0x180, "/no/ld.so", 10);
    ip->p_filesz = 10;
    expect_error(&e, e.size, "interpreter /no/ld.so not found");
}

static void test_good_static(void **state)
{
    TestElf e;
    const ImageInfo *ii = &linux_process.image;
    uint32_t argc, argv0, argv1, argv2, env0, env1, w, key, val;
    char buf[16];
    bool seen_phdr = false, seen_entry = false, seen_random = false;
    bool seen_hwcap = false, seen_platform = false, seen_execfn = false;

    elf_make(&e, 1);
    assert_string_equal(elf_try(&e, e.size), "");
    assert_int_equal(ii->entry, CODE_VADDR + 0x100);
    assert_int_equal(ii->start_pc, CODE_VADDR + 0x100);
    assert_int_equal(ii->phdr, CODE_VADDR + 52);
    assert_int_equal(ii->start_brk, CODE_VADDR + 0x2000);
    assert_int_equal(ii->start_sp & 7, 0);
    /* bss zeroed past the file bytes, code in place. */
    assert_int_equal(*(uint8_t *)g2h(CODE_VADDR + 0x200), 0);
    assert_int_equal(*(uint8_t *)g2h(CODE_VADDR + 0x17ff), 0);
    assert_int_equal(*(uint8_t *)g2h(CODE_VADDR + 0x100), 0x2a);
    /* argc, argv, envp. */
    assert_int_equal(guest_get_u32(ii->start_sp, &argc), 0);
    assert_int_equal(argc, 2);
    guest_get_u32(ii->start_sp + 4, &argv0);
    guest_get_u32(ii->start_sp + 8, &argv1);
    guest_get_u32(ii->start_sp + 12, &argv2);
    guest_get_u32(ii->start_sp + 16, &env0);
    guest_get_u32(ii->start_sp + 20, &env1);
    assert_string_equal((char *)g2h(argv0), "prog");
    assert_string_equal((char *)g2h(argv1), "arg1");
    assert_int_equal(argv2, 0);
    assert_string_equal((char *)g2h(env0), "A=1");
    assert_int_equal(env1, 0);
    assert_int_equal(ii->auxv_addr, ii->start_sp + 24);
    /* auxv. */
    for (w = ii->auxv_addr;; w += 8) {
        guest_get_u32(w, &key);
        guest_get_u32(w + 4, &val);
        if (key == AT_NULL) {
            break;
        }
        switch (key) {
        case AT_PHDR: seen_phdr = val == CODE_VADDR + 52; break;
        case AT_ENTRY: seen_entry = val == CODE_VADDR + 0x100; break;
        case AT_PAGESZ: assert_int_equal(val, 4096); break;
        case AT_PHNUM: assert_int_equal(val, 1); break;
        case AT_PHENT: assert_int_equal(val, 32); break;
        case AT_BASE: assert_int_equal(val, 0); break;
        case AT_HWCAP: seen_hwcap = val == linux_abi_arm.cpu_models[0].hwcap;
            break;
        case AT_RANDOM:
            seen_random = guest_range_ok(val, 16, PAGE_READ);
            break;
        case AT_PLATFORM:
            seen_platform = strcmp((char *)g2h(val), "v5l") == 0;
            break;
        case AT_EXECFN:
            assert_int_equal(copy_from_guest(buf, val, 16), 0);
            seen_execfn = strncmp(buf, "/tmp/emu-test-elf", 16) == 0;
            break;
        default:
            break;
        }
    }
    assert_true(seen_phdr && seen_entry && seen_random && seen_hwcap
                && seen_platform && seen_execfn);
    assert_int_equal(linux_process.auxv_size, w + 8 - ii->auxv_addr);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_not_elf),
        cmocka_unit_test(test_wrong_kind),
        cmocka_unit_test(test_bad_phdrs),
        cmocka_unit_test(test_bad_interp),
        cmocka_unit_test(test_good_static),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}

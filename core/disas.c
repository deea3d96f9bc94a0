/* core/disas.c — capstone behind the -d log: one line per instruction,
 * with a hex dump where capstone cannot help (no such arch, bad bytes).
 */
#include "disas.h"

#include <capstone/capstone.h>
#include <inttypes.h>

static void disas_line(FILE *out, uint64_t addr, const uint8_t *bytes,
                       size_t n, const char *mnemonic, const char *ops)
{
    char hex[3 * 16 + 1];
    size_t pos = 0;

    hex[0] = 0;
    for (size_t i = 0; i < n && i < 16; i++) {
        pos += (size_t)snprintf(hex + pos, sizeof(hex) - pos, "%02x ",
                                bytes[i]);
    }
    fprintf(out, "0x%08" PRIx64 ":  %-24s %s %s\n", addr, hex, mnemonic, ops);
}

static void disas_hexdump(FILE *out, const uint8_t *code, size_t len,
                          uint64_t addr)
{
    for (size_t i = 0; i < len; i += 4) {
        size_t n = len - i < 4 ? len - i : 4;
        disas_line(out, addr + i, code + i, n, ".byte", "");
    }
}

void disas_print(FILE *out, int arch, int mode, const uint8_t *code,
                 size_t len, uint64_t addr)
{
    csh handle;
    cs_insn *insn;
    const uint8_t *p = code;
    size_t left = len;
    uint64_t pc = addr;

    if (arch < 0 || cs_open((cs_arch)arch, (cs_mode)mode, &handle) !=
                        CS_ERR_OK) {
        disas_hexdump(out, code, len, addr);
        return;
    }
    /* Capstone skips undecodable data by the arch's unit (4 bytes on
     * fixed-width ISAs) and names it ".byte". */
    cs_option(handle, CS_OPT_SKIPDATA, CS_OPT_ON);
    insn = cs_malloc(handle);
    while (left > 0) {
        if (insn && cs_disasm_iter(handle, &p, &left, &pc, insn)) {
            disas_line(out, insn->address, insn->bytes, insn->size,
                       insn->mnemonic, insn->op_str);
            continue;
        }
        /* Undecodable: show one byte and go on. */
        disas_line(out, pc, p, 1, ".byte", "");
        p++;
        left--;
        pc++;
    }
    if (insn) {
        cs_free(insn, 1);
    }
    cs_close(&handle);
}

void disas_print_host(FILE *out, const uint8_t *code, size_t len)
{
#if defined(__x86_64__)
    disas_print(out, CS_ARCH_X86, CS_MODE_64, code, len, (uintptr_t)code);
#elif defined(__i386__)
    disas_print(out, CS_ARCH_X86, CS_MODE_32, code, len, (uintptr_t)code);
#elif defined(__aarch64__)
    disas_print(out, CS_ARCH_ARM64, CS_MODE_ARM, code, len, (uintptr_t)code);
#else
    disas_print(out, -1, 0, code, len, (uintptr_t)code);
#endif
}

/* core/disas.h — disassembly for the -d log through capstone: guest code
 * (in_asm, by the guest's capstone arch and mode) and host code (out_asm).
 */
#ifndef EMU_CORE_DISAS_H
#define EMU_CORE_DISAS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Writes one line per instruction of code[0, len) as if loaded at `addr`:
 * address, bytes, mnemonic, operands. cs_arch < 0 or an arch capstone
 * lacks gives a hex dump; undecodable bytes are shown as ".byte". */
void disas_print(FILE *out, int cs_arch, int cs_mode, const uint8_t *code,
                 size_t len, uint64_t addr);
/* The same for code of the host (the JIT's output), addressed where it
 * sits in memory. */
void disas_print_host(FILE *out, const uint8_t *code, size_t len);

#endif

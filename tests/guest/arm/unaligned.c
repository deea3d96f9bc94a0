/* ARM guest test: unaligned word LDR/STR as an ARMv5TE CPU under Linux does
 * them (alignment trap off for user mode, the kernel's default on pre-v6
 * cores: LDR rotates the aligned word, STR ignores address bits 1:0;
 * ARM ARM A4.1.23 / A4.1.99).  Byte loads/stores at odd addresses too. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint8_t buf[32] __attribute__((aligned(8)));

int main(void)
{
    for (int i = 0; i < 32; i++) {
        buf[i] = (uint8_t)(0x10 + i);
    }
    for (uint32_t k = 0; k < 4; k++) {
        uint32_t v;
        uint32_t p = (uint32_t)(uintptr_t)(buf + 8 + k);
        asm volatile("ldr %[v], [%[p]]" : [v] "=r"(v) : [p] "r"(p) : "memory");
        printf("ldr +%u: %08x\n", k, v);
    }
    for (uint32_t k = 0; k < 4; k++) {
        memset(buf, 0, sizeof(buf));
        uint32_t p = (uint32_t)(uintptr_t)(buf + 8 + k);
        asm volatile("str %[v], [%[p]]"
                     :
                     : [v] "r"(0xa1b2c3d4u), [p] "r"(p)
                     : "memory");
        printf("str +%u:", k);
        for (int i = 4; i < 16; i++) {
            printf(" %02x", buf[i]);
        }
        printf("\n");
    }
    for (uint32_t k = 0; k < 4; k++) {
        uint32_t v;
        uint32_t p = (uint32_t)(uintptr_t)(buf + 1);
        buf[1 + k] = (uint8_t)(0xf0 + k);
        asm volatile("ldrb %[v], [%[p], %[k]]"
                     : [v] "=r"(v)
                     : [p] "r"(p), [k] "r"(k)
                     : "memory");
        printf("ldrb +%u: %02x\n", 1 + k, v);
    }
    printf("done\n");
    return 0;
}

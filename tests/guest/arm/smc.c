/* ARM guest test: self-modifying code.  Code is written into an mmap'ed
 * buffer (RWX, and RW then mprotect'ed RX), run, patched, flushed with
 * __builtin___clear_cache (the ARM cacheflush syscall) and run again; also
 * patching an instruction inside a loop that is already hot, Thumb code
 * in a buffer, and code modified on the same page as its data. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

typedef uint32_t (*Fn)(uint32_t);

/* mov r0, #imm8 ; bx lr */
static uint32_t arm_mov_imm(uint32_t imm)
{
    return 0xe3a00000u | (imm & 0xff);
}
#define ARM_BX_LR 0xe12fff1eu
#define ARM_ADD_R0_R0_1 0xe2800001u

static void flush(void *p, size_t n)
{
    __builtin___clear_cache((char *)p, (char *)p + n);
}

static void test_rwx(void)
{
    uint32_t *code = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
                          MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (code == MAP_FAILED) {
        perror("mmap");
        return;
    }
    Fn f = (Fn)(uintptr_t)code;
    code[0] = arm_mov_imm(11);
    code[1] = ARM_BX_LR;
    flush(code, 8);
    printf("rwx first %u\n", f(0));
    code[0] = arm_mov_imm(22);
    flush(code, 8);
    printf("rwx patched %u\n", f(0));
    /* patch many times in a loop: every version must be seen */
    uint32_t sum = 0;
    for (uint32_t i = 0; i < 200; i++) {
        code[0] = arm_mov_imm(i);
        flush(code, 4);
        sum += f(0);
    }
    printf("rwx loop sum %u (expect %u)\n", sum, 199u * 200u / 2u);
    /* a function that increments r0 n times; grow it */
    for (int n = 1; n <= 5; n++) {
        for (int i = 0; i < n; i++) {
            code[i] = ARM_ADD_R0_R0_1;
        }
        code[n] = ARM_BX_LR;
        flush(code, (size_t)(n + 1) * 4);
        printf("rwx add x%d: %u\n", n, f(100));
    }
    munmap(code, 4096);
}

static void test_mprotect(void)
{
    uint32_t *code = mmap(NULL, 8192, PROT_READ | PROT_WRITE,
                          MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    Fn f = (Fn)(uintptr_t)code;
    code[0] = arm_mov_imm(33);
    code[1] = ARM_BX_LR;
    flush(code, 8);
    mprotect(code, 8192, PROT_READ | PROT_EXEC);
    printf("rx first %u\n", f(0));
    mprotect(code, 8192, PROT_READ | PROT_WRITE);
    code[0] = arm_mov_imm(44);
    mprotect(code, 8192, PROT_READ | PROT_EXEC);
    flush(code, 8);
    printf("rx patched %u\n", f(0));
    /* munmap + fresh mmap at the same address with different code */
    void *want = code;
    munmap(code, 8192);
    code = mmap(want, 8192, PROT_READ | PROT_WRITE | PROT_EXEC,
                MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    code[0] = arm_mov_imm(55);
    code[1] = ARM_BX_LR;
    flush(code, 8);
    f = (Fn)(uintptr_t)code;
    printf("remapped %u\n", f(0));
    munmap(code, 8192);
}

/* Code that patches the immediate of an instruction later in its own
 * block, without a flush in between would be unpredictable on hardware;
 * with the flush between iterations each iteration sees the new value. */
static void test_hot_loop(void)
{
    uint32_t *code = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
                          MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    /* add r0, r0, #k ; bx lr, then a data word on the same page */
    Fn f = (Fn)(uintptr_t)code;
    uint32_t total = 0;
    for (uint32_t k = 1; k <= 50; k++) {
        code[0] = 0xe2800000u | k;
        code[1] = ARM_BX_LR;
        code[100] = k; /* data written on the code page */
        flush(code, 8);
        for (int rep = 0; rep < 20; rep++) {
            total += f(0);
        }
    }
    printf("hot loop total %u (expect %u) data %u\n", total,
           20u * 50u * 51u / 2u, code[100]);
    munmap(code, 4096);
}

static void test_thumb_code(void)
{
    uint16_t *code = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
                          MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    /* movs r0, #imm ; bx lr */
    code[0] = 0x2000 | 66;
    code[1] = 0x4770;
    flush(code, 4);
    Fn f = (Fn)((uintptr_t)code | 1);
    printf("thumb first %u\n", f(0));
    code[0] = 0x2000 | 77;
    flush(code, 4);
    printf("thumb patched %u\n", f(0));
    munmap(code, 4096);
}

int main(void)
{
    test_rwx();
    test_mprotect();
    test_hot_loop();
    test_thumb_code();
    printf("done\n");
    return 0;
}

/* ARM guest test: self-modifying code under pressure.  A function copied
 * into an RWX page patches a sibling function on the SAME page (the store
 * hits the page of the block that is running) and calls it; tens of
 * thousands of generated functions are run, regenerated and run again
 * (translation-cache flushes while running); four threads each rewrite and
 * run their own code concurrently. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

typedef uint32_t (*Fn)(void);
typedef uint32_t (*PatchFn)(uint32_t *target, uint32_t insn);

#define ARM_BX_LR 0xe12fff1eu

static uint32_t mov_r0(uint32_t imm8)
{
    return 0xe3a00000u | (imm8 & 0xff);
}

static uint32_t add_r0_imm(uint32_t imm8, uint32_t rot)
{
    return 0xe2800000u | ((rot & 0xf) << 8) | (imm8 & 0xff);
}

/* smc_patch(target, insn): stores insn at target, flushes target..+8 with
 * the cacheflush syscall (0xf0002), then calls target and returns its r0.
 * Position independent, so it is run from a copy on the target's page. */
extern const uint32_t smc_patch_start[], smc_patch_end[];
asm(".text\n"
    ".arm\n"
    ".align 2\n"
    ".global smc_patch_start\n"
    ".global smc_patch_end\n"
    "smc_patch_start:\n\t"
    "push {r4, r7, lr}\n\t"
    "mov r4, r0\n\t"
    "str r1, [r0]\n\t"
    "add r1, r4, #8\n\t"
    "mov r2, #0\n\t"
    "ldr r7, 1f\n\t"
    "svc #0\n\t"
    "blx r4\n\t"
    "pop {r4, r7, lr}\n\t"
    "bx lr\n"
    "1: .word 0x000f0002\n"
    "smc_patch_end:\n");

static void flush(void *p, size_t n)
{
    __builtin___clear_cache((char *)p, (char *)p + n);
}

static void test_same_page(void)
{
    uint32_t *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
                          MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    size_t n = (size_t)(smc_patch_end - smc_patch_start);
    memcpy(page, smc_patch_start, n * 4);
    uint32_t *g = page + 64; /* same page, 256 bytes further */
    g[0] = mov_r0(1);
    g[1] = ARM_BX_LR;
    flush(page, 4096);
    PatchFn patch = (PatchFn)(uintptr_t)page;
    Fn gf = (Fn)(uintptr_t)g;
    printf("same page: before %u\n", gf());
    uint32_t seen = 0;
    for (uint32_t i = 2; i < 202; i++) {
        seen += patch(g, mov_r0(i)) == i;
    }
    printf("same page: patched and called 200 times, correct %u, last %u\n",
           seen, gf());
    /* the patcher patching the instruction right after its own copy:
     * a store into the very block that is running */
    uint32_t *self = page + 128;
    memcpy(self, smc_patch_start, n * 4);
    self[n] = mov_r0(7);
    self[n + 1] = ARM_BX_LR;
    flush(self, (n + 2) * 4);
    PatchFn patch2 = (PatchFn)(uintptr_t)self;
    printf("adjacent block: %u\n", patch2(self + n, mov_r0(99)));
    munmap(page, 4096);
}

/* Function k returns k: mov r0, #(k & 0xff); add r0, r0, #(k & 0xff00);
 * add r0, r0, #(k & 0xff0000); bx lr. */
static void gen(uint32_t *code, uint32_t k, uint32_t salt)
{
    uint32_t v = k ^ salt;
    code[0] = mov_r0(v & 0xff);
    code[1] = add_r0_imm((v >> 8) & 0xff, 12);  /* ror 24: << 8 */
    code[2] = add_r0_imm((v >> 16) & 0xff, 8);  /* ror 16: << 16 */
    code[3] = ARM_BX_LR;
}

#define FLOOD_FUNCS 40000

static void test_flood(void)
{
    size_t bytes = (size_t)FLOOD_FUNCS * 16;
    uint32_t *code = mmap(NULL, bytes, PROT_READ | PROT_WRITE | PROT_EXEC,
                          MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    for (int round = 0; round < 3; round++) {
        uint32_t salt = (uint32_t)round * 0x10101u;
        for (uint32_t k = 0; k < FLOOD_FUNCS; k++) {
            gen(code + 4 * k, k, salt);
        }
        flush(code, bytes);
        uint32_t bad = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (uint32_t k = 0; k < FLOOD_FUNCS; k++) {
                Fn f = (Fn)(uintptr_t)(code + 4 * k);
                bad += f() != ((k ^ salt) & 0xffffff);
            }
        }
        printf("flood round %d: %u functions x2, wrong %u\n", round,
               FLOOD_FUNCS, bad);
    }
    munmap(code, bytes);
}

#define THREAD_FUNCS 2000

static void *thread_smc(void *arg)
{
    uint32_t id = (uint32_t)(uintptr_t)arg;
    size_t bytes = (size_t)THREAD_FUNCS * 16;
    uint32_t *code = mmap(NULL, bytes, PROT_READ | PROT_WRITE | PROT_EXEC,
                          MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    uint32_t bad = 0;
    for (uint32_t round = 0; round < 20; round++) {
        uint32_t salt = (id << 20) | (round << 12);
        for (uint32_t k = 0; k < THREAD_FUNCS; k++) {
            gen(code + 4 * k, k, salt);
        }
        flush(code, bytes);
        for (uint32_t k = 0; k < THREAD_FUNCS; k++) {
            Fn f = (Fn)(uintptr_t)(code + 4 * k);
            bad += f() != ((k ^ salt) & 0xffffff);
        }
    }
    munmap(code, bytes);
    return (void *)(uintptr_t)bad;
}

static void test_threads(void)
{
    pthread_t th[4];
    for (uint32_t i = 0; i < 4; i++) {
        pthread_create(&th[i], NULL, thread_smc, (void *)(uintptr_t)(i + 1));
    }
    uint32_t bad = 0;
    for (int i = 0; i < 4; i++) {
        void *r;
        pthread_join(th[i], &r);
        bad += (uint32_t)(uintptr_t)r;
    }
    printf("4 threads x 20 rewrites x %u functions: wrong %u\n", THREAD_FUNCS,
           bad);
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    test_same_page();
    test_flood();
    test_threads();
    printf("done\n");
    return 0;
}

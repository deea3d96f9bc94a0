/* bench/guest/memops.c — memory-bound benchmark: the C library's memset,
 * memcpy, memmove and memcmp over 16 MiB buffers, `size` rounds, plus a
 * plain byte loop so the guest's own loads and stores show too. */
#include <string.h>
#include "common.h"

enum { MEMOPS_SIZE = 16 << 20 };

int main(int argc, char **argv)
{
    long rounds = bench_size_arg(argc, argv, 250);
    uint8_t *a = malloc(MEMOPS_SIZE);
    uint8_t *b = malloc(MEMOPS_SIZE);
    if (a == NULL || b == NULL) {
        fprintf(stderr, "memops: out of memory\n");
        return 1;
    }
    uint32_t h = BENCH_FNV_INIT;
    int diffs = 0; /* rounds whose shifted copies differ: 0 expected */
    for (long r = 0; r < rounds; r++) {
        memset(a, (int)(r & 0xff), MEMOPS_SIZE);
        /* a byte loop the compiler cannot turn into a library call */
        for (size_t i = 0; i < MEMOPS_SIZE; i += 64) {
            a[i] = (uint8_t)(a[i] + (uint8_t)(i >> 6) + (uint8_t)r);
        }
        memcpy(b, a, MEMOPS_SIZE);
        memmove(b + 3, b, MEMOPS_SIZE - 3);
        memmove(a, a + 5, MEMOPS_SIZE - 5);
        /* b[8 + i] and a[i] both hold the old a[5 + i]: a full-length
         * compare that must find them equal */
        diffs += memcmp(a, b + 8, MEMOPS_SIZE - 8) != 0;
        for (size_t i = 0; i < MEMOPS_SIZE; i += 4096 + 7) {
            h = bench_fnv1a(h, b + i, 1);
            h = bench_fnv1a(h, a + i, 1);
        }
    }
    printf("memops %ld x %d bytes hash %08x unequal %d\n", rounds,
           MEMOPS_SIZE, (unsigned)h, diffs);
    free(a);
    free(b);
    return 0;
}

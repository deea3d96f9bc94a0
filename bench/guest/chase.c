/* bench/guest/chase.c — memory-bound benchmark: builds one random cycle
 * through a 64 MiB array of 32-bit indices (Sattolo's shuffle) and follows it
 * for `size` million dependent loads, so nearly every load misses the cache. */
#include "common.h"

enum { CHASE_ENTRIES = 16 << 20 }; /* 16 Mi x 4 bytes = 64 MiB */

int main(int argc, char **argv)
{
    long msteps = bench_size_arg(argc, argv, 5);
    uint32_t *next = malloc(CHASE_ENTRIES * sizeof(uint32_t));
    if (next == NULL) {
        fprintf(stderr, "chase: out of memory\n");
        return 1;
    }
    for (uint32_t i = 0; i < CHASE_ENTRIES; i++) {
        next[i] = i;
    }
    /* Sattolo: swapping only with j < i yields a single cycle */
    uint32_t seed = 0x2545f491u;
    for (uint32_t i = CHASE_ENTRIES - 1; i > 0; i--) {
        uint32_t j = bench_rand(&seed) % i;
        uint32_t t = next[i];
        next[i] = next[j];
        next[j] = t;
    }
    uint32_t p = 0, sum = 0;
    long steps = msteps * 1000000;
    for (long s = 0; s < steps; s++) {
        p = next[p];
        sum += p;
    }
    printf("chase %ld steps end %u sum %08x\n", steps, (unsigned)p,
           (unsigned)sum);
    free(next);
    return 0;
}

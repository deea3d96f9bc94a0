/* bench/guest/common.h — shared bits of the guest benchmark programs: a
 * deterministic random generator, the size argument, and FNV-1a for
 * checksums. Plain C99 so every Debian cross compiler builds it unchanged. */
#ifndef BENCH_GUEST_COMMON_H
#define BENCH_GUEST_COMMON_H

#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <stddef.h>

/* xorshift32: same sequence on every guest, no libc rand() differences */
static inline uint32_t bench_rand(uint32_t *state)
{
    uint32_t x = *state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    *state = x;
    return x;
}

static inline uint32_t bench_fnv1a(uint32_t h, const void *data, size_t len)
{
    const uint8_t *p = data;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 16777619u;
    }
    return h;
}

#define BENCH_FNV_INIT 2166136261u

/* argv[1] is the size (a count of rounds, elements or steps, per program);
 * exits with a message on a malformed or non-positive value. */
static inline long bench_size_arg(int argc, char **argv, long dflt)
{
    if (argc < 2) {
        return dflt;
    }
    char *end;
    long v = strtol(argv[1], &end, 10);
    if (*end != '\0' || v <= 0) {
        fprintf(stderr, "%s: size must be a positive integer, got '%s'\n",
                argv[0], argv[1]);
        exit(1);
    }
    return v;
}

#endif

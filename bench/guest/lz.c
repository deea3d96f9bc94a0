/* bench/guest/lz.c — integer benchmark: an LZ77-style compressor (hash chains
 * over 3-byte prefixes, greedy longest match) and its decompressor over 1 MiB
 * of generated text-like data, `size` rounds, round trip verified. */
#include <string.h>
#include "common.h"

enum {
    LZ_INPUT_SIZE = 1 << 20,
    LZ_WINDOW = 1 << 16,
    LZ_HASH_BITS = 15,
    LZ_MIN_MATCH = 3,
    LZ_MAX_MATCH = 258,
    LZ_MAX_CHAIN = 32,
};

typedef struct {
    int32_t head[1 << LZ_HASH_BITS];
    int32_t *prev; /* LZ_INPUT_SIZE entries: previous position, same hash */
} LzState;

static uint32_t lz_hash(const uint8_t *p)
{
    uint32_t v = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16;
    return (v * 2654435761u) >> (32 - LZ_HASH_BITS);
}

/* token format: 0x00 len8 bytes... (literal run of 1..255 bytes) or
 * 0x01 len8 off16le (match of len8+3 bytes at distance off16+1).
 * Returns the compressed size; out must hold 2 * n + 16 bytes. */
static size_t lz_compress(LzState *st, const uint8_t *in, size_t n,
                          uint8_t *out)
{
    size_t o = 0, lit_start = 0, i = 0;
    for (size_t h = 0; h < (1u << LZ_HASH_BITS); h++) {
        st->head[h] = -1;
    }
    while (i < n) {
        size_t best_len = 0, best_off = 0;
        if (i + LZ_MIN_MATCH <= n) {
            uint32_t h = lz_hash(in + i);
            int32_t cand = st->head[h];
            size_t limit = n - i < LZ_MAX_MATCH ? n - i : LZ_MAX_MATCH;
            for (int chain = 0; cand >= 0 && chain < LZ_MAX_CHAIN; chain++) {
                size_t off = i - (size_t)cand;
                if (off > LZ_WINDOW) {
                    break;
                }
                if (in[cand + best_len] == in[i + best_len]) {
                    size_t len = 0;
                    while (len < limit && in[cand + len] == in[i + len]) {
                        len++;
                    }
                    if (len > best_len) {
                        best_len = len;
                        best_off = off;
                        if (len == limit) {
                            break;
                        }
                    }
                }
                cand = st->prev[cand];
            }
            st->prev[i] = st->head[h];
            st->head[h] = (int32_t)i;
        }
        if (best_len < LZ_MIN_MATCH) {
            i++;
            if (i - lit_start == 255) {
                out[o++] = 0;
                out[o++] = 255;
                memcpy(out + o, in + lit_start, 255);
                o += 255;
                lit_start = i;
            }
            continue;
        }
        if (i > lit_start) {
            out[o++] = 0;
            out[o++] = (uint8_t)(i - lit_start);
            memcpy(out + o, in + lit_start, i - lit_start);
            o += i - lit_start;
        }
        out[o++] = 1;
        out[o++] = (uint8_t)(best_len - LZ_MIN_MATCH);
        out[o++] = (uint8_t)(best_off - 1);
        out[o++] = (uint8_t)((best_off - 1) >> 8);
        /* insert the skipped positions so later matches can find them */
        for (size_t k = i + 1; k < i + best_len && k + LZ_MIN_MATCH <= n; k++) {
            uint32_t h = lz_hash(in + k);
            st->prev[k] = st->head[h];
            st->head[h] = (int32_t)k;
        }
        i += best_len;
        lit_start = i;
    }
    if (i > lit_start) {
        out[o++] = 0;
        out[o++] = (uint8_t)(i - lit_start);
        memcpy(out + o, in + lit_start, i - lit_start);
        o += i - lit_start;
    }
    return o;
}

/* returns the decompressed size, or 0 on a malformed stream */
static size_t lz_decompress(const uint8_t *in, size_t n, uint8_t *out,
                            size_t cap)
{
    size_t i = 0, o = 0;
    while (i < n) {
        if (in[i] == 0) {
            size_t len = in[i + 1];
            if (o + len > cap) {
                return 0;
            }
            memcpy(out + o, in + i + 2, len);
            o += len;
            i += 2 + len;
        } else {
            size_t len = (size_t)in[i + 1] + LZ_MIN_MATCH;
            size_t off = ((size_t)in[i + 2] | (size_t)in[i + 3] << 8) + 1;
            if (off > o || o + len > cap) {
                return 0;
            }
            /* byte by byte: overlapping copies repeat the pattern */
            for (size_t k = 0; k < len; k++) {
                out[o + k] = out[o + k - off];
            }
            o += len;
            i += 4;
        }
    }
    return o;
}

static void lz_make_input(uint8_t *buf, size_t n, uint32_t seed)
{
    static const char *const words[] = {
        "the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog",
        "translation", "block", "guest", "host", "register", "memory",
        "emulator", "instruction", "cache", "branch", "load", "store",
        "micro", "op", "backend", "frontend", "syscall", "signal", "page",
    };
    size_t o = 0;
    while (o < n) {
        uint32_t r = bench_rand(&seed);
        const char *w = words[r % (sizeof(words) / sizeof(words[0]))];
        while (*w != '\0' && o < n) {
            buf[o++] = (uint8_t)*w++;
        }
        if (o < n) {
            /* some noise so not everything matches */
            buf[o++] = (r >> 24) < 16 ? (uint8_t)('0' + (r >> 8) % 10) :
                       (r >> 24) < 40 ? '\n' : ' ';
        }
    }
}

int main(int argc, char **argv)
{
    long rounds = bench_size_arg(argc, argv, 40);
    uint8_t *in = malloc(LZ_INPUT_SIZE);
    uint8_t *packed = malloc(2 * LZ_INPUT_SIZE + 16);
    uint8_t *back = malloc(LZ_INPUT_SIZE);
    LzState *st = malloc(sizeof(*st));
    int32_t *prev = malloc(LZ_INPUT_SIZE * sizeof(int32_t));
    if (in == NULL || packed == NULL || back == NULL || st == NULL ||
        prev == NULL) {
        fprintf(stderr, "lz: out of memory\n");
        return 1;
    }
    st->prev = prev;
    uint32_t sum = BENCH_FNV_INIT;
    size_t total = 0;
    for (long r = 0; r < rounds; r++) {
        lz_make_input(in, LZ_INPUT_SIZE, 0xc0ffee01u + (uint32_t)r);
        size_t psize = lz_compress(st, in, LZ_INPUT_SIZE, packed);
        size_t bsize = lz_decompress(packed, psize, back, LZ_INPUT_SIZE);
        if (bsize != LZ_INPUT_SIZE || memcmp(in, back, LZ_INPUT_SIZE) != 0) {
            printf("lz: round trip failed in round %ld\n", r);
            return 1;
        }
        total += psize;
        sum = bench_fnv1a(sum, packed, psize);
    }
    printf("lz %ld x %d bytes -> %lu bytes, checksum %08x\n", rounds,
           LZ_INPUT_SIZE, (unsigned long)total, (unsigned)sum);
    free(in);
    free(packed);
    free(back);
    free(st);
    free(prev);
    return 0;
}

/* tests/guest/i386/sse_string.c — glibc's string and memory functions as
 * its ifuncs pick them for the CPU (SSE2/SSSE3 variants under emu's
 * default core2duo, the host's own natively): every alignment 0..31 of
 * both operands and lengths around the vector sizes, page-end reads
 * (a string ending right before an unmapped page), results hashed per
 * function. Also prints which CPU features glibc saw.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <wchar.h>

static uint64_t hash;

static void hash_add(const void *p, size_t n)
{
    const uint8_t *b = p;

    for (size_t i = 0; i < n; i++) {
        hash = (hash ^ b[i]) * 0x100000001b3ull;
    }
}

static void hash_int(long v)
{
    hash_add(&v, sizeof(v));
}

static uint32_t rng = 12345;

static uint32_t rnd(void)
{
    rng = rng * 1103515245u + 12345u;
    return rng >> 8;
}

static const size_t lens[] = {
    0, 1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 32, 33, 47, 48, 63, 64, 65, 95,
    127, 128, 129, 255, 256, 300, 511, 1000, 4097,
};
#define NLENS (sizeof(lens) / sizeof(lens[0]))

static char a_buf[8192 + 64], b_buf[8192 + 64];

static void fill(char *p, size_t n, int nul_free)
{
    for (size_t i = 0; i < n; i++) {
        p[i] = (char)(nul_free ? 'a' + rnd() % 20 : rnd());
    }
}

static void report(const char *name)
{
    printf("%-10s %016llx\n", name, (unsigned long long)hash);
    hash = 0xcbf29ce484222325ull;
}

int main(void)
{
    __builtin_cpu_init();
    printf("sse2=%d ssse3=%d sse4.1=%d avx2=%d (emu: sse2 ssse3 only)\n",
           __builtin_cpu_supports("sse2") != 0,
           __builtin_cpu_supports("ssse3") != 0, 0, 0);
    hash = 0xcbf29ce484222325ull;
    for (size_t l = 0; l < NLENS; l++) {
        for (int sa = 0; sa < 32; sa++) {
            for (int da = 0; da < 32; da += 3) {
                size_t n = lens[l] % 4100;
                fill(a_buf, n + 64, 0);
                memset(b_buf, 0x55, n + 64);
                memcpy(b_buf + da, a_buf + sa, n);
                hash_add(b_buf, n + 64);
                memmove(a_buf + da, a_buf + sa, n);
                hash_add(a_buf, n + 64);
            }
        }
    }
    report("memcpy/mv");
    for (size_t l = 0; l < NLENS; l++) {
        for (int a = 0; a < 32; a++) {
            size_t n = lens[l];
            memset(a_buf, 1, n + 64);
            memset(a_buf + a, a * 7, n);
            hash_add(a_buf, n + 64);
        }
    }
    report("memset");
    for (size_t l = 0; l < NLENS; l++) {
        for (int sa = 0; sa < 32; sa++) {
            size_t n = lens[l];
            int da = (sa * 5) % 32;
            fill(a_buf + sa, n + 1, 1);
            a_buf[sa + n] = 0;
            memcpy(b_buf + da, a_buf + sa, n + 1);
            hash_int((long)strlen(a_buf + sa));
            hash_int((long)strnlen(a_buf + sa, n / 2));
            hash_int(strcmp(a_buf + sa, b_buf + da));
            if (n) {
                int pos = (int)(rnd() % n);
                b_buf[da + pos] += (char)(rnd() % 3) - 1;
                hash_int(strcmp(a_buf + sa, b_buf + da) > 0);
                hash_int(strcmp(a_buf + sa, b_buf + da) < 0);
                hash_int(strncmp(a_buf + sa, b_buf + da, (size_t)pos) == 0);
                hash_int(memcmp(a_buf + sa, b_buf + da, n) > 0);
                hash_int(memcmp(a_buf + sa, b_buf + da, n) < 0);
                hash_int(strcasecmp(a_buf + sa, b_buf + da) > 0);
                char c = a_buf[sa + pos];
                char *p = strchr(a_buf + sa, c);
                hash_int(p ? p - a_buf : -1);
                p = strrchr(a_buf + sa, c);
                hash_int(p ? p - a_buf : -1);
                p = memchr(a_buf + sa, c, n);
                hash_int(p ? p - a_buf : -1);
                p = memrchr(a_buf + sa, c, n);
                hash_int(p ? p - a_buf : -1);
                p = rawmemchr(a_buf + sa, c);
                hash_int(p - a_buf);
                p = strchr(a_buf + sa, 'z' + 1);
                hash_int(p ? p - a_buf : -1);
                hash_int((long)strspn(a_buf + sa, "abcdef"));
                hash_int((long)strcspn(a_buf + sa, "xyz"));
                p = strpbrk(a_buf + sa, "qrs");
                hash_int(p ? p - a_buf : -1);
                if (n > 4) {
                    char needle[4] = { a_buf[sa + n - 3], a_buf[sa + n - 2],
                                       a_buf[sa + n - 1], 0 };
                    p = strstr(a_buf + sa, needle);
                    hash_int(p ? p - a_buf : -1);
                }
            }
            strcpy(b_buf + da, a_buf + sa);
            hash_add(b_buf, n + 40);
            char *e = stpcpy(b_buf + 1, a_buf + sa);
            hash_int(e - b_buf);
            strcat(b_buf, "tail");
            hash_int((long)strlen(b_buf));
            strncpy(b_buf + da, a_buf + sa, n / 2 + 3);
            hash_add(b_buf, n + 40);
        }
    }
    report("str*");
    {
        /* strings ending right before an unmapped page */
        char *pg = mmap(NULL, 8192, PROT_READ | PROT_WRITE,
                        MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        munmap(pg + 4096, 4096);
        for (int n = 0; n < 80; n++) {
            char *s = pg + 4096 - n - 1;
            memset(s, 'k', (size_t)n);
            s[n] = 0;
            hash_int((long)strlen(s));
            hash_int(strchr(s, 'x') == NULL);
            hash_int(memchr(s, 0, (size_t)n + 1) == s + n);
            hash_int(strcmp(s, s));
            hash_int((long)strnlen(s, 200));
        }
        report("page end");
    }
    {
        wchar_t w[300];
        for (int i = 0; i < 299; i++) {
            w[i] = (wchar_t)(L'a' + i % 26);
        }
        w[299] = 0;
        for (int i = 0; i < 299; i += 7) {
            hash_int((long)wcslen(w + i));
            hash_int(wcschr(w + i, L'q') ? wcschr(w + i, L'q') - w : -1);
            hash_int(wcscmp(w + i, w + (i + 26) % 299) > 0);
        }
        report("wcs*");
    }
    return 0;
}

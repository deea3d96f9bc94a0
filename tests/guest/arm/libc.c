/* ARM guest test: libc-heavy code - printf of integers, strings and
 * soft-float doubles, 64-bit division helpers, qsort/bsearch, string and
 * memory functions, setjmp/longjmp, a malloc/free-heavy loop, strtol and
 * friends, setenv/getenv, argv printing, fixed-date time formatting. */
#include <inttypes.h>
#include <limits.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void test_printf(void)
{
    printf("ints: %d %i %u %x %X %o %#x %#o %+d % d\n", -42, 42, 3000000000u,
           0xbeefu, 0xbeefu, 8u, 255u, 8u, 5, 5);
    printf("widths: [%5d] [%-5d] [%05d] [%.3d] [%*d] [%-*d]\n", 42, 42, 42, 7,
           6, 9, 4, 9);
    printf("longs: %ld %lu %lld %llu %" PRIx64 " %" PRId64 "\n", LONG_MIN,
           ULONG_MAX, LLONG_MIN, ULLONG_MAX, UINT64_C(0x123456789abcdef0),
           INT64_C(-9876543210));
    printf("chars: %c%c%c [%s] [%10s] [%-10s] [%.3s]\n", 'a', 'b', 'c',
           "str", "right", "left", "truncate");
    printf("doubles: %f %.2f %e %g %g %g %.10g\n", 3.14159, -2.5, 123456.789,
           0.0001, 1e20, 100.0, 1.0 / 3.0);
    printf("special: %f %f %.0f %.1f\n", 1.0 / 0.0, -1.0 / 0.0, 2.5, 0.05);
    printf("hexfloat %a pointer-null %p percent %%\n", 1.0, (void *)0);
    char buf[16];
    int n = snprintf(buf, sizeof(buf), "%s-%d", "truncated output", 12345);
    printf("snprintf returns %d buf \"%s\"\n", n, buf);
}

static void test_arith(void)
{
    int64_t a = INT64_C(-1234567890123), b = 97;
    uint64_t u = UINT64_C(18446744073709551557), v = 1000003;
    printf("s64 div %lld mod %lld\n", (long long)(a / b), (long long)(a % b));
    printf("u64 div %llu mod %llu\n", (unsigned long long)(u / v),
           (unsigned long long)(u % v));
    volatile int32_t x = -7, y = 2;
    printf("s32 div %d mod %d\n", x / y, x % y);
    volatile uint32_t p = 4000000000u, q = 3;
    printf("u32 div %u mod %u\n", p / q, p % q);
    volatile double d1 = 1.5, d2 = -0.25;
    printf("double ops %f %f %f %f\n", d1 + d2, d1 * d2, d1 / d2, d1 - d2);
    volatile float f1 = 3.0f, f2 = 7.0f;
    printf("float ops %f %f\n", (double)(f1 / f2), (double)(f1 * f2));
    printf("conversions %d %u %lld %f\n", (int)-3.99, (unsigned)3.99,
           (long long)-1e15, (double)(int64_t)INT64_C(-123456789012));
    volatile double big = 4294967296.5;
    printf("double to u32 of 2^32+.5 saturates in C? %u (via u64)\n",
           (uint32_t)(uint64_t)big);
}

static void test_sort(void)
{
    int a[40];
    uint32_t seed = 12345;
    for (int i = 0; i < 40; i++) {
        seed = seed * 1103515245u + 12345u;
        a[i] = (int)(seed >> 16) % 1000 - 500;
    }
    qsort(a, 40, sizeof(int), cmp_int);
    printf("qsort:");
    for (int i = 0; i < 40; i++) {
        printf(" %d", a[i]);
    }
    printf("\n");
    int key = a[17];
    int *f = bsearch(&key, a, 40, sizeof(int), cmp_int);
    printf("bsearch found %d at %d\n", key, f ? (int)(f - a) >= 0 : -1);
    const char *words[] = {"pear", "apple", "fig", "banana", "cherry", "date"};
    qsort(words, 6, sizeof(words[0]), cmp_str);
    printf("words:");
    for (int i = 0; i < 6; i++) {
        printf(" %s", words[i]);
    }
    printf("\n");
}

static void test_strings(void)
{
    char buf[64];
    strcpy(buf, "Hello");
    strcat(buf, ", ARM");
    printf("strlen %zu strcmp %d %d %d strncmp %d\n", strlen(buf),
           strcmp("a", "b") < 0, strcmp("b", "a") > 0, strcmp("x", "x"),
           strncmp("abcdef", "abcxyz", 3));
    printf("strchr %s strrchr %s strstr %s\n", strchr(buf, 'l'),
           strrchr(buf, 'l'), strstr(buf, "AR"));
    char tok[] = "one,two;;three,four";
    char *save;
    printf("tokens:");
    for (char *t = strtok_r(tok, ",;", &save); t; t = strtok_r(NULL, ",;",
                                                                &save)) {
        printf(" [%s]", t);
    }
    printf("\n");
    char m[32];
    memset(m, 'x', sizeof(m));
    memcpy(m, "0123456789", 10);
    memmove(m + 2, m, 8);
    m[12] = 0;
    printf("memmove %s memcmp %d memchr %s\n", m,
           memcmp("abc", "abd", 3) < 0, (char *)memchr(m, '5', 12));
    /* unaligned memcpy sizes exercise the optimised libc paths */
    char src[100], dst[100];
    for (int i = 0; i < 100; i++) {
        src[i] = (char)i;
    }
    uint32_t sum = 0;
    for (int off = 0; off < 8; off++) {
        for (int len = 0; len < 64; len += 7) {
            memset(dst, 0, sizeof(dst));
            memcpy(dst + off, src + (7 - off), (size_t)len);
            for (int i = 0; i < 100; i++) {
                sum = sum * 31 + (uint8_t)dst[i];
            }
        }
    }
    printf("memcpy checksum %08x\n", sum);
    printf("strtol %ld %ld %ld strtoul %lu strtoll %lld atoi %d\n",
           strtol("-123", NULL, 10), strtol("0x1f", NULL, 16),
           strtol("777", NULL, 8), strtoul("4294967295", NULL, 10),
           strtoll("-9223372036854775808", NULL, 10), atoi("  42abc"));
    printf("strtod %g %g\n", strtod("3.5e2", NULL), strtod("-0.125", NULL));
}

static jmp_buf jb;

static void deep(int n)
{
    if (n == 0) {
        longjmp(jb, 77);
    }
    deep(n - 1);
}

static void test_setjmp(void)
{
    volatile int count = 0;
    int r = setjmp(jb);
    count++;
    if (r == 0) {
        deep(50);
    }
    printf("setjmp returned %d after %d passes\n", r, (int)count);
}

static void test_malloc(void)
{
    void *slots[256] = {0};
    uint32_t seed = 7;
    uint64_t total = 0;
    for (int i = 0; i < 20000; i++) {
        seed = seed * 1664525u + 1013904223u;
        int k = (int)(seed >> 24);
        if (slots[k]) {
            free(slots[k]);
            slots[k] = NULL;
        } else {
            size_t sz = (seed >> 8) % 5000 + 1;
            slots[k] = malloc(sz);
            memset(slots[k], k, sz);
            total += sz;
        }
    }
    for (int k = 0; k < 256; k++) {
        free(slots[k]);
    }
    char *big = malloc(8 << 20); /* mmap-backed allocation */
    big[0] = 1;
    big[(8 << 20) - 1] = 2;
    printf("malloc loop total %llu big ok %d\n", (unsigned long long)total,
           big[0] + big[(8 << 20) - 1]);
    free(big);
    int *c = calloc(1000, sizeof(int));
    int zero = 1;
    for (int i = 0; i < 1000; i++) {
        zero &= c[i] == 0;
    }
    c = realloc(c, 100000 * sizeof(int));
    printf("calloc zero %d realloc keeps %d\n", zero, c[999] == 0);
    free(c);
}

static void test_env_time(void)
{
    setenv("EMU_LIBC_TEST", "value one", 1);
    printf("getenv %s\n", getenv("EMU_LIBC_TEST"));
    setenv("EMU_LIBC_TEST", "not replaced", 0);
    printf("getenv no overwrite %s\n", getenv("EMU_LIBC_TEST"));
    unsetenv("EMU_LIBC_TEST");
    printf("after unsetenv %s\n", getenv("EMU_LIBC_TEST") ? "set" : "unset");
    struct tm tmv = {0};
    tmv.tm_year = 100;
    tmv.tm_mon = 1;
    tmv.tm_mday = 29;
    tmv.tm_hour = 12;
    time_t t = timegm(&tmv);
    char buf[80];
    struct tm out;
    gmtime_r(&t, &out);
    strftime(buf, sizeof(buf), "%A %d %B %Y %H:%M %j", &out);
    printf("timegm 2000-02-29 = %lld, %s\n", (long long)t, buf);
    t += 86400;
    gmtime_r(&t, &out);
    strftime(buf, sizeof(buf), "%F %T", &out);
    printf("next day %s\n", buf);
}

int main(int argc, char **argv)
{
    printf("argc %d\n", argc);
    for (int i = 0; i < argc; i++) {
        /* argv[0] is the path the runner chose: print only its basename */
        const char *s = argv[i];
        if (i == 0 && strrchr(s, '/')) {
            s = strrchr(s, '/') + 1;
        }
        printf("argv[%d] \"%s\"\n", i, s);
    }
    printf("argv[argc] is NULL %d\n", argv[argc] == NULL);
    test_printf();
    test_arith();
    test_sort();
    test_strings();
    test_setjmp();
    test_malloc();
    test_env_time();
    printf("done\n");
    return 0;
}

/* bench/guest/sort.c — integer benchmark: sorts 10^6 generated ints with the
 * C library's qsort (indirect calls to a comparison function) and with a
 * hand-written top-down merge sort, `size` rounds with different seeds. */
#include <string.h>
#include "common.h"

enum { SORT_COUNT = 1000000 };

static int sort_cmp_int(const void *a, const void *b)
{
    int32_t x = *(const int32_t *)a;
    int32_t y = *(const int32_t *)b;
    return (x > y) - (x < y);
}

/* sorts a[lo, hi) using tmp as scratch of the same size */
static void sort_merge(int32_t *a, int32_t *tmp, size_t lo, size_t hi)
{
    if (hi - lo < 16) {
        for (size_t i = lo + 1; i < hi; i++) {
            int32_t v = a[i];
            size_t j = i;
            while (j > lo && a[j - 1] > v) {
                a[j] = a[j - 1];
                j--;
            }
            a[j] = v;
        }
        return;
    }
    size_t mid = lo + (hi - lo) / 2;
    sort_merge(a, tmp, lo, mid);
    sort_merge(a, tmp, mid, hi);
    size_t i = lo, j = mid, k = lo;
    while (i < mid && j < hi) {
        tmp[k++] = a[j] < a[i] ? a[j++] : a[i++];
    }
    while (i < mid) {
        tmp[k++] = a[i++];
    }
    while (j < hi) {
        tmp[k++] = a[j++];
    }
    memcpy(a + lo, tmp + lo, (hi - lo) * sizeof(*a));
}

int main(int argc, char **argv)
{
    long rounds = bench_size_arg(argc, argv, 4);
    int32_t *orig = malloc(SORT_COUNT * sizeof(int32_t));
    int32_t *q = malloc(SORT_COUNT * sizeof(int32_t));
    int32_t *m = malloc(SORT_COUNT * sizeof(int32_t));
    int32_t *tmp = malloc(SORT_COUNT * sizeof(int32_t));
    if (orig == NULL || q == NULL || m == NULL || tmp == NULL) {
        fprintf(stderr, "sort: out of memory\n");
        return 1;
    }
    uint32_t sum = 0;
    for (long r = 0; r < rounds; r++) {
        uint32_t seed = 0x9e3779b9u + (uint32_t)r * 7919u;
        for (size_t i = 0; i < SORT_COUNT; i++) {
            /* fewer distinct values than elements: duplicates exercise
             * the equal branch of both sorts */
            orig[i] = (int32_t)(bench_rand(&seed) % 4000000u) - 2000000;
        }
        memcpy(q, orig, SORT_COUNT * sizeof(int32_t));
        memcpy(m, orig, SORT_COUNT * sizeof(int32_t));
        qsort(q, SORT_COUNT, sizeof(int32_t), sort_cmp_int);
        sort_merge(m, tmp, 0, SORT_COUNT);
        if (memcmp(q, m, SORT_COUNT * sizeof(int32_t)) != 0) {
            printf("sort: qsort and merge sort disagree in round %ld\n", r);
            return 1;
        }
        for (size_t i = 0; i < SORT_COUNT; i += 97) {
            sum = sum * 31u + (uint32_t)m[i];
        }
    }
    printf("sorted %ld x %d ints, min %d max %d, checksum %08x\n", rounds,
           SORT_COUNT, (int)m[0], (int)m[SORT_COUNT - 1], (unsigned)sum);
    free(orig);
    free(q);
    free(m);
    free(tmp);
    return 0;
}

/* bench/guest/matmul.c — floating-point benchmark: naive i-k-j multiply of
 * two 300 x 300 double matrices, accumulated `size` times into one product
 * (work linear in size), then checksums of the product. */
#include "common.h"

enum { MATMUL_N = 300 };

int main(int argc, char **argv)
{
    long reps = bench_size_arg(argc, argv, 100);
    const long n = MATMUL_N;
    double *a = malloc((size_t)(n * n) * sizeof(double));
    double *b = malloc((size_t)(n * n) * sizeof(double));
    double *c = calloc((size_t)(n * n), sizeof(double));
    if (a == NULL || b == NULL || c == NULL) {
        fprintf(stderr, "matmul: out of memory\n");
        return 1;
    }
    uint32_t seed = 0xdeadbeefu;
    for (long i = 0; i < n * n; i++) {
        /* small multiples of 1/4: every sum stays exact on every FPU
         * (soft-float, x87 or SSE), so the checksum is the same everywhere */
        a[i] = (double)(bench_rand(&seed) % 17) - 8.0;
        b[i] = (double)(bench_rand(&seed) % 13) * 0.25 - 1.5;
    }
    for (long r = 0; r < reps; r++) {
        for (long i = 0; i < n; i++) {
            for (long k = 0; k < n; k++) {
                double aik = a[i * n + k] + (double)(r & 3);
                for (long j = 0; j < n; j++) {
                    c[i * n + j] += aik * b[k * n + j];
                }
            }
        }
    }
    double sum = 0, wsum = 0;
    for (long i = 0; i < n * n; i++) {
        sum += c[i];
        wsum += c[i] * (double)(i % 7 + 1);
    }
    printf("matmul %ldx%ld x %ld sum %.3f weighted %.3f c[0] %.3f\n", n, n,
           reps, sum, wsum, c[0]);
    free(a);
    free(b);
    free(c);
    return 0;
}

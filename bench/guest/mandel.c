/* bench/guest/mandel.c — floating-point benchmark: the Mandelbrot set in
 * double over a grid of `size` rows by 1000 columns (at most 500 iterations
 * a point); prints the total iteration count and a hash of the counts. */
#include "common.h"

enum { MANDEL_MAX_ITER = 500, MANDEL_COLUMNS = 1000 };

static int mandel_point(double cr, double ci)
{
    double zr = 0, zi = 0;
    int n = 0;
    while (n < MANDEL_MAX_ITER) {
        double zr2 = zr * zr;
        double zi2 = zi * zi;
        if (zr2 + zi2 > 4.0) {
            break;
        }
        zi = 2.0 * zr * zi + ci;
        zr = zr2 - zi2 + cr;
        n++;
    }
    return n;
}

int main(int argc, char **argv)
{
    long rows = bench_size_arg(argc, argv, 2400);
    uint64_t total = 0;
    uint32_t h = BENCH_FNV_INIT;
    for (long y = 0; y < rows; y++) {
        double ci = -1.25 + 2.5 * (double)y / (double)rows;
        for (long x = 0; x < MANDEL_COLUMNS; x++) {
            double cr = -2.0 + 2.5 * (double)x / (double)MANDEL_COLUMNS;
            int n = mandel_point(cr, ci);
            total += (uint64_t)n;
            uint8_t b = (uint8_t)n;
            h = bench_fnv1a(h, &b, 1);
        }
    }
    printf("mandel %ldx%d iterations %llu hash %08x\n", rows, MANDEL_COLUMNS,
           (unsigned long long)total, (unsigned)h);
    return 0;
}

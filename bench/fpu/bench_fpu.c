/* bench/fpu/bench_fpu.c — core/fpu speed: the host fast path with inexact
 * known, with the exactness check, and the exact soft path (f32/f64), and
 * floatx80 fast and soft. Not a test:
 * prints nanoseconds per operation. Run: bench-fpu [iterations]
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "core/fpu/fpu.h"

enum { B_ADD, B_MUL, B_DIV, B_SQRT, B_FMA, B_N };
static const char *const names[B_N] = { "add", "mul", "div", "sqrt", "fma" };

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e9 + ts.tv_nsec;
}

/* Runs op n times over a small ring of normal operands in one of three
 * statuses: FAST_KNOWN (nearest, inexact already set: the host result as
 * is), FAST_CHECK (nearest, inexact clear before every op: the host result
 * plus the exactness check), SOFT (round toward zero: the host path is
 * never taken). */
enum { FAST_KNOWN, FAST_CHECK, SOFT };

static void bench_status(FpuStatus *st, int mode)
{
    st->flags = mode == FAST_KNOWN ? FPU_FLAG_INEXACT : 0;
    st->rounding = mode == SOFT ? FPU_ROUND_ZERO : FPU_ROUND_NEAREST_EVEN;
}

static double run64(int op, int mode, long n, uint64_t *sink)
{
    static const uint64_t vals[8] = {
        0x3ff0000000000001ull, 0x400921fb54442d18ull, 0x3fe5555555555555ull,
        0x4059000000000000ull, 0x3fb999999999999aull, 0x40c3880000000000ull,
        0x3f50624dd2f1a9fcull, 0x4005bf0a8b145769ull,
    };
    FpuStatus st;
    uint64_t acc = 0;

    fpu_status_init_x86_sse(&st);
    double t0 = now_ns();
    for (long i = 0; i < n; i++) {
        uint64_t a = vals[i & 7], b = vals[(i + 3) & 7];
        bench_status(&st, mode);
        switch (op) {
        case B_ADD: acc ^= fpu_f64_add(a, b, &st); break;
        case B_MUL: acc ^= fpu_f64_mul(a, b, &st); break;
        case B_DIV: acc ^= fpu_f64_div(a, b, &st); break;
        case B_SQRT: acc ^= fpu_f64_sqrt(a, &st); break;
        default: acc ^= fpu_f64_muladd(a, b, vals[(i + 5) & 7], 0, &st); break;
        }
    }
    *sink ^= acc;
    return (now_ns() - t0) / n;
}

static double run32(int op, int mode, long n, uint64_t *sink)
{
    static const uint32_t vals[8] = {
        0x3f800001u, 0x40490fdbu, 0x3f2aaaabu, 0x42c80000u,
        0x3dcccccdu, 0x461c4000u, 0x3a83126fu, 0x402df854u,
    };
    FpuStatus st;
    uint32_t acc = 0;

    fpu_status_init_x86_sse(&st);
    double t0 = now_ns();
    for (long i = 0; i < n; i++) {
        uint32_t a = vals[i & 7], b = vals[(i + 3) & 7];
        bench_status(&st, mode);
        switch (op) {
        case B_ADD: acc ^= fpu_f32_add(a, b, &st); break;
        case B_MUL: acc ^= fpu_f32_mul(a, b, &st); break;
        case B_DIV: acc ^= fpu_f32_div(a, b, &st); break;
        case B_SQRT: acc ^= fpu_f32_sqrt(a, &st); break;
        default: acc ^= fpu_f32_muladd(a, b, vals[(i + 5) & 7], 0, &st); break;
        }
    }
    *sink ^= acc;
    return (now_ns() - t0) / n;
}

static double run_x80(int op, int mode, long n, uint64_t *sink)
{
    FpuStatus st;
    FpuX80 a = { 0xc90fdaa22168c235ull, 0x4000 };
    FpuX80 b = { 0xaaaaaaaaaaaaaaabull, 0x3ffe };
    uint64_t acc = 0;

    fpu_status_init_x87(&st);
    bench_status(&st, mode);
    double t0 = now_ns();
    for (long i = 0; i < n; i++) {
        FpuX80 r;
        b.mant ^= (uint64_t)i & 0xff;
        switch (op) {
        case B_ADD: r = fpu_x80_add(a, b, &st); break;
        case B_MUL: r = fpu_x80_mul(a, b, &st); break;
        case B_DIV: r = fpu_x80_div(a, b, &st); break;
        default: r = fpu_x80_sqrt(b, &st); break;
        }
        acc ^= r.mant;
    }
    *sink ^= acc;
    return (now_ns() - t0) / n;
}

int main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 5000000;
    uint64_t sink = 0;

    printf("%-6s %9s %9s %9s %9s %9s %9s %9s %9s\n", "op", "f32 fast",
           "f32 check", "f32 soft", "f64 fast", "f64 check", "f64 soft",
           "x80 fast", "x80 soft");
    for (int op = 0; op < B_N; op++) {
        double t[8];
        for (int m = 0; m < 3; m++) {
            t[m] = run32(op, m, n, &sink);
            t[3 + m] = run64(op, m, n, &sink);
        }
        t[6] = op == B_FMA ? 0 : run_x80(op, FAST_KNOWN, n, &sink);
        t[7] = op == B_FMA ? 0 : run_x80(op, SOFT, n, &sink);
        printf("%-6s", names[op]);
        for (int k = 0; k < 8; k++) {
            printf(" %7.2fns", t[k]);
        }
        printf("\n");
    }
    printf("(checksum %llx)\n", (unsigned long long)sink);
    return 0;
}

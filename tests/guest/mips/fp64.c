/* tests/guest/mips/fp64.c — an FP64 (-mfp64, FR = 1) program: doubles in
 * odd registers ($f1, $f3), MTHC1/MFHC1 on odd and even registers, singles
 * in the low half of a 64-bit register, LDC1/SDC1 and MOV.D on odd
 * registers, and the FP mode the kernel gives an FP64 program.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>

static uint64_t bits(double d)
{
    uint64_t v;
    memcpy(&v, &d, 8);
    return v;
}

int main(void)
{
    double a = 1.5, b = 2.25, r = 0, r2 = 0, mem = 0;
    uint32_t hi = 0, lo = 0, hi2 = 0, slo = 0, shi = 0;
    float fs = 0;

    printf("PR_GET_FP_MODE %d\n", prctl(46, 0, 0, 0, 0));
    /* $f1 = a, $f3 = b, $f1 = $f1 * $f3; $f0 untouched by that */
    __asm__ volatile(
        "ldc1 $f1, %[a]\n\t"
        "ldc1 $f3, %[b]\n\t"
        "mul.d $f1, $f1, $f3\n\t"
        "add.d $f5, $f1, $f3\n\t"
        "sdc1 $f1, %[r]\n\t"
        "mov.d $f7, $f5\n\t"
        "sdc1 $f7, %[r2]\n\t"
        : [r] "=m"(r), [r2] "=m"(r2)
        : [a] "m"(a), [b] "m"(b)
        : "$f1", "$f3", "$f5", "$f7");
    printf("f1*f3 = %g (%016llx)  f5 = %g\n", r, (unsigned long long)bits(r),
           r2);
    /* MTHC1/MTC1 build a double in $f9; MFHC1/MFC1 read $f1 back */
    __asm__ volatile(
        "mtc1 %[lo], $f9\n\t"
        "mthc1 %[hi], $f9\n\t"
        "sdc1 $f9, %[m]\n\t"
        "mfhc1 %[h2], $f1\n\t"
        "mfc1 %[l2], $f1\n\t"
        : [m] "=m"(mem), [h2] "=r"(hi), [l2] "=r"(lo)
        : [lo] "r"(0u), [hi] "r"(0x40091eb8u)
        : "$f9");
    printf("f9 = %g (%016llx)  f1 hi %08x lo %08x\n", mem,
           (unsigned long long)bits(mem), (unsigned)hi, (unsigned)lo);
    /* a single in $f11 keeps the high half ($f11 = 2.0 first) */
    __asm__ volatile(
        "ldc1 $f11, %[b]\n\t"
        "lwc1 $f11, %[s]\n\t"
        "mfhc1 %[hi], $f11\n\t"
        "mfc1 %[lo], $f11\n\t"
        "add.s $f13, $f11, $f11\n\t"
        "swc1 $f13, %[fs]\n\t"
        "cvt.d.s $f15, $f13\n\t"
        "mfhc1 %[h2], $f15\n\t"
        : [hi] "=r"(shi), [lo] "=r"(slo), [fs] "=m"(fs), [h2] "=r"(hi2)
        : [b] "m"(b), [s] "m"((float){3.25f})
        : "$f11", "$f13", "$f15");
    printf("f11 hi %08x lo %08x  f13 = %g  cvt.d hi %08x\n", (unsigned)shi,
           (unsigned)slo, fs, (unsigned)hi2);
    /* neg.d / abs.d / c.lt.d / movt.d on odd registers */
    __asm__ volatile(
        "ldc1 $f1, %[a]\n\t"
        "neg.d $f3, $f1\n\t"
        "abs.d $f5, $f3\n\t"
        "c.lt.d $f3, $f5\n\t"
        "movt.d $f7, $f3, $fcc0\n\t"
        "sdc1 $f7, %[r]\n\t"
        "sdc1 $f5, %[r2]\n\t"
        : [r] "=m"(r), [r2] "=m"(r2)
        : [a] "m"(a)
        : "$f1", "$f3", "$f5", "$f7");
    printf("movt.d %g abs.d %g\n", r, r2);
    /* ordinary compiled code */
    volatile double x = 0.1;
    double s = 0;
    for (int i = 0; i < 10; i++) {
        s += x * i;
    }
    printf("sum %.17g\n", s);
    return 0;
}

/* ARM guest test: ARM/Thumb interworking on ARMv5TE.  ARM code calls Thumb
 * functions and back (BL via veneers, BLX register, BLX immediate), returns
 * with BX LR and POP {PC}, LDR PC and LDM PC switching state by bit 0, and
 * libc (ARM) calling a Thumb qsort comparator. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

__attribute__((target("thumb"), noinline)) int iw_thumb_add(int a, int b)
{
    return a + b * 2;
}

__attribute__((target("arm"), noinline)) int iw_arm_mul(int a, int b)
{
    return a * b + 1;
}

/* Thumb function that calls back into ARM code */
__attribute__((target("thumb"), noinline)) int iw_thumb_calls_arm(int x)
{
    return iw_arm_mul(x, 3) + iw_arm_mul(x, 4);
}

/* ARM function that calls Thumb code through a pointer */
__attribute__((target("arm"), noinline)) int iw_arm_calls_thumb(
    int (*volatile f)(int, int), int x)
{
    return f(x, x) + 100;
}

__attribute__((target("thumb"), noinline)) int iw_thumb_cmp(const void *a,
                                                            const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* Thumb recursion with push {lr} / pop {pc} returns */
__attribute__((target("thumb"), noinline)) unsigned iw_thumb_fib(unsigned n)
{
    return n < 2 ? n : iw_thumb_fib(n - 1) + iw_thumb_fib(n - 2);
}

int main(void)
{
    int (*volatile tadd)(int, int) = iw_thumb_add;
    int (*volatile amul)(int, int) = iw_arm_mul;
    printf("direct thumb %d\n", iw_thumb_add(3, 4));
    printf("pointer thumb %d\n", tadd(5, 6));
    printf("pointer arm %d\n", amul(5, 6));
    printf("thumb->arm %d\n", iw_thumb_calls_arm(7));
    printf("arm->thumb ptr %d\n", iw_arm_calls_thumb(iw_thumb_add, 9));
    printf("thumb fib(20) %u\n", iw_thumb_fib(20));

    int arr[10] = {5, -3, 99, 0, 12, -40, 7, 7, 1000, -1};
    qsort(arr, 10, sizeof(int), iw_thumb_cmp);
    printf("qsort thumb cmp:");
    for (int i = 0; i < 10; i++) {
        printf(" %d", arr[i]);
    }
    printf("\n");

    /* BLX immediate to a local Thumb label, returning with BX LR */
    uint32_t v;
    asm volatile("blx 1f\n\t"
                 "b 2f\n\t"
                 ".thumb\n"
                 "1: movs r0, #77\n\t"
                 "bx lr\n\t"
                 ".arm\n\t"
                 ".align 2\n"
                 "2: mov %[v], r0\n\t"
                 : [v] "=r"(v)
                 :
                 : "r0", "lr", "cc");
    printf("blx imm %u\n", v);

    /* LDR PC with a Thumb address (bit 0 set) enters Thumb state; the
     * Thumb code returns to ARM with BX */
    asm volatile("adr r1, 3f + 1\n\t"
                 "str r1, [sp, #-4]!\n\t"
                 "adr lr, 4f\n\t"
                 "ldr pc, [sp], #4\n\t"
                 ".thumb\n"
                 "3: movs r0, #55\n\t"
                 "bx lr\n\t"
                 ".arm\n\t"
                 ".align 2\n"
                 "4: mov %[v], r0\n\t"
                 : [v] "=r"(v)
                 :
                 : "r0", "r1", "lr", "cc", "memory");
    printf("ldr pc thumb %u\n", v);

    /* LDM with PC in the list loading a Thumb address */
    asm volatile("adr r2, 5f + 1\n\t"
                 "adr r1, 6f\n\t"
                 "push {r1, r2}\n\t"
                 "pop {r2, pc}\n\t" /* r2 = ARM return, pc = Thumb */
                 ".thumb\n"
                 "5: movs r0, #33\n\t"
                 "push {r2}\n\t"
                 "pop {pc}\n\t" /* ARM address: back to ARM state */
                 ".arm\n\t"
                 ".align 2\n"
                 "6: mov %[v], r0\n\t"
                 : [v] "=r"(v)
                 :
                 : "r0", "r1", "r2", "cc", "memory");
    printf("ldm pc thumb and pop pc arm %u\n", v);

    /* BX to an ARM address (bit 0 clear) stays in ARM state */
    asm volatile("adr r1, 7f\n\t"
                 "bx r1\n\t"
                 "mov r0, #1\n"
                 "7: mov r0, #2\n\t"
                 "mov %[v], r0\n\t"
                 : [v] "=r"(v)
                 :
                 : "r0", "r1", "cc");
    printf("bx arm %u\n", v);
    printf("done\n");
    return 0;
}

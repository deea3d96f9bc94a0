/* tools/demo/hello-arm.c — the quick-start demo: an ordinary C program,
 * cross-compiled for ARM Linux (armel), that says where it runs and does a
 * little work. `./quickstart.sh demo` runs it under emu-arm.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>

static int compare(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;

    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    struct utsname u;
    int v[16];
    unsigned seed = 12345, sum = 0;

    uname(&u);
    printf("Hello from a %s program (built for %s), running under emu.\n",
           sizeof(void *) == 4 ? "32-bit" : "64-bit", u.machine);
    for (int i = 0; i < 16; i++) {
        seed = seed * 1103515245u + 12345u;
        v[i] = (int)(seed >> 16) % 1000;
    }
    qsort(v, 16, sizeof(v[0]), compare);
    printf("sorted:");
    for (int i = 0; i < 16; i++) {
        printf(" %d", v[i]);
        sum += (unsigned)v[i];
    }
    printf("\nsum %u, argv[0] %s, %d argument(s)\n", sum, argv[0], argc - 1);
    return 0;
}

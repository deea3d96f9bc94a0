/* tests/guest/mips/hello.c — the smallest libc program: arguments, the
 * environment, stdio, and the exit status through exit(). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    printf("Hello from MIPS, argc=%d\n", argc);
    for (int i = 1; i < argc; i++) {
        printf("argv[%d] = \"%s\" (%zu bytes)\n", i, argv[i], strlen(argv[i]));
    }
    printf("HOME set: %s\n", getenv("HOME") ? "yes" : "no");
    fflush(stdout);
    exit(argc == 1 ? 1 : 0);
}

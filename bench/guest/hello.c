/* bench/guest/hello.c — start-up benchmark: a dynamically linked program that
 * does almost nothing, so running it many times measures loading, dynamic
 * linking of libc and the translation of start-up code. */
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    char line[64];
    /* a few libc calls so their PLT slots are resolved at least once */
    snprintf(line, sizeof(line), "hello from %d argument%s", argc - 1,
             argc == 2 ? "" : "s");
    (void)argv;
    printf("%s, %zu bytes\n", line, strlen(line));
    return 0;
}

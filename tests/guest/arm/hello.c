/* ARM guest test: the smallest libc program (printf of argv), also the
 * target that fork_exec.c runs with execve; with --env as the first
 * argument it prints its whole environment (set by the exec'ing parent). */
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv, char **envp)
{
    printf("hello, world: argc %d\n", argc);
    for (int i = 1; i < argc; i++) {
        printf("argv[%d] = \"%s\"\n", i, argv[i]);
    }
    if (argc > 1 && strcmp(argv[1], "--env") == 0) {
        for (char **e = envp; *e != NULL; e++) {
            printf("env %s\n", *e);
        }
    }
    return argc > 1 && strcmp(argv[1], "--exit3") == 0 ? 3 : 0;
}

/* tests/guest/i386/hello.c — the smallest libc program under emu-i386. */
#include <stdio.h>

int main(void)
{
    printf("hello from i386\n");
    return 0;
}

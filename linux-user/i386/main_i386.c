/* linux-user/i386/main_i386.c — emu-i386: the i386 (i686) Linux runner. */
#include "linux-user/linux_main.h"

int main(int argc, char **argv)
{
    return linux_main(&linux_abi_i386, argc, argv);
}

/* linux-user/mips/main_mips.c — emu-mips: the MIPS o32 big-endian runner. */
#include "linux-user/linux_main.h"

int main(int argc, char **argv)
{
    return linux_main(&linux_abi_mips, argc, argv);
}

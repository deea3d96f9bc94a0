/* linux-user/mips/main_mipsel.c — emu-mipsel: the MIPS o32 little-endian
 * runner. */
#include "linux-user/linux_main.h"

int main(int argc, char **argv)
{
    return linux_main(&linux_abi_mipsel, argc, argv);
}

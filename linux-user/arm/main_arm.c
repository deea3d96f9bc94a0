/* linux-user/arm/main_arm.c — emu-arm: the ARM EABI (armel) runner. */
#include "linux-user/linux_main.h"

int main(int argc, char **argv)
{
    return linux_main(&linux_abi_arm, argc, argv);
}

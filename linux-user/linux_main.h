/* linux-user/linux_main.h — the shared entry of every emu-<g> runner. */
#ifndef EMU_LINUX_USER_LINUX_MAIN_H
#define EMU_LINUX_USER_LINUX_MAIN_H

#include "abi.h"

/* Parses the command line and environment, loads the program, runs it.
 * Returns only for -h/-version/-cpu help style requests (0); errors exit
 * with status 1 and one line on stderr. */
int linux_main(const LinuxAbi *abi, int argc, char **argv);

#endif

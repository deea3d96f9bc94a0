/* linux-user/i386/abi_i386.h — pieces of the i386 LinuxAbi shared between
 * the files of linux-user/i386/.
 */
#ifndef EMU_LINUX_USER_I386_ABI_I386_H
#define EMU_LINUX_USER_I386_ABI_I386_H

#include "linux-user/abi.h"
#include "linux-user/thunk_structs.h"

/* si_code of SIGILL for #UD (include/uapi/asm-generic/siginfo.h). */
#define TGT_ILL_ILLOPN 2

/* Signal frames (signal_i386.c): see LinuxAbi. */
int i386_setup_frame(CpuCommon *cpu, int tgt_sig,
                     const struct TgtSigAction *ka,
                     const struct TgtSigInfo *info,
                     const uint64_t *tgt_blocked);
int64_t i386_do_sigreturn(CpuCommon *cpu, bool rt);

#endif

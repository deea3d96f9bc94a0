/* linux-user/mips/abi_mips.h — pieces of the MIPS o32 LinuxAbi shared
 * between the files of linux-user/mips/.
 */
#ifndef EMU_LINUX_USER_MIPS_ABI_MIPS_H
#define EMU_LINUX_USER_MIPS_ABI_MIPS_H

#include "linux-user/abi.h"
#include "linux-user/thunk_structs.h"

/* MIPS layouts that differ from the generic ones (structs_mips.c). */
extern const ThunkStruct *const mips_structs[THUNK_ID_COUNT];

/* Signal frames (signal_mips.c): see LinuxAbi. */
int mips_setup_frame(CpuCommon *cpu, int tgt_sig,
                     const struct TgtSigAction *ka,
                     const struct TgtSigInfo *info,
                     const uint64_t *tgt_blocked);
int64_t mips_do_sigreturn(CpuCommon *cpu, bool rt);

/* FP mode (fpmode_mips.c). At exec: the mode (MIPS_FP_MODE_FR or 0) the
 * kernel picks for linux_process.image's program and interpreter on an
 * FPU with FIR.F64 = fir_f64 (release 2 if r2), or false with a message
 * for combinations the kernel refuses. prctl(PR_SET_FP_MODE) on env:
 * 0 or a negative host errno. */
struct MipsState;
bool mips_exec_fp_mode(bool fir_f64, bool r2, uint32_t *mode, char *err,
                       size_t errlen);
int mips_set_fp_mode(struct MipsState *env, uint32_t value);

/* Numbering tables (numbering_mips.c). */
/* Indexed by host errno up to EHWPOISON (133). */
#define MIPS_ERRNO_COUNT 134
extern const uint16_t mips_errno_to_guest[MIPS_ERRNO_COUNT];
extern const uint8_t mips_signal_to_host[129];
extern const uint8_t mips_signal_to_guest[65];
extern const AbiFlagMap mips_open_flags[];
extern const AbiFlagMap mips_mmap_flags[];
extern const AbiFlagMap mips_sa_flags[];
extern const AbiSigactionLayout mips_sigaction_layout;
extern const AbiValueMap mips_fcntl_cmds[];
extern const AbiValueMap mips_rlimit_res[];
extern const AbiValueMap mips_sock_types[];
extern const AbiValueMap mips_sock_levels[];
extern const AbiValueMap mips_sol_socket_opts[];
extern const AbiValueMap mips_ioctl_cmds[];
extern const AbiFlagMap mips_termios_lflag[];

#endif

/* linux-user/arm/abi_arm.h — pieces of the ARM LinuxAbi shared between
 * the files of linux-user/arm/.
 */
#ifndef EMU_LINUX_USER_ARM_ABI_ARM_H
#define EMU_LINUX_USER_ARM_ABI_ARM_H

#include "linux-user/abi.h"
#include "linux-user/thunk_structs.h"

/* ARM hwcaps (arch/arm/include/uapi/asm/hwcap.h). */
enum {
    TGT_ARM_HWCAP_SWP      = 1u << 0,
    TGT_ARM_HWCAP_HALF     = 1u << 1,
    TGT_ARM_HWCAP_THUMB    = 1u << 2,
    TGT_ARM_HWCAP_26BIT    = 1u << 3,
    TGT_ARM_HWCAP_FAST_MULT = 1u << 4,
    TGT_ARM_HWCAP_FPA      = 1u << 5,
    TGT_ARM_HWCAP_VFP      = 1u << 6,
    TGT_ARM_HWCAP_EDSP     = 1u << 7,
    TGT_ARM_HWCAP_JAVA     = 1u << 8,
    TGT_ARM_HWCAP_IWMMXT   = 1u << 9,
    TGT_ARM_HWCAP_CRUNCH   = 1u << 10,
    TGT_ARM_HWCAP_THUMBEE  = 1u << 11,
    TGT_ARM_HWCAP_NEON     = 1u << 12,
    TGT_ARM_HWCAP_VFPv3    = 1u << 13,
    TGT_ARM_HWCAP_VFPv3D16 = 1u << 14,
    TGT_ARM_HWCAP_TLS      = 1u << 15,
    TGT_ARM_HWCAP_VFPv4    = 1u << 16,
    TGT_ARM_HWCAP_IDIVA    = 1u << 17,
    TGT_ARM_HWCAP_IDIVT    = 1u << 18,
    TGT_ARM_HWCAP_VFPD32   = 1u << 19,
    TGT_ARM_HWCAP_LPAE     = 1u << 20,
    TGT_ARM_HWCAP_EVTSTRM  = 1u << 21,
};

/* The kuser helpers (Documentation/arm/kernel_user_helpers.rst). */
enum {
    ARM_KUSER_PAGE       = 0xffff0000u,
    ARM_KUSER_CMPXCHG64  = 0xffff0f60u,
    ARM_KUSER_MEMBARRIER = 0xffff0fa0u,
    ARM_KUSER_CMPXCHG    = 0xffff0fc0u,
    ARM_KUSER_GET_TLS    = 0xffff0fe0u,
    ARM_KUSER_VERSION    = 0xffff0ffcu,
};

/* ARM layouts that differ from the generic ones (structs_arm.c). */
extern const ThunkStruct *const arm_structs[THUNK_ID_COUNT];

/* Signal frames (signal_arm.c, the signal code's): see LinuxAbi. */
int arm_setup_frame(CpuCommon *cpu, int tgt_sig,
                    const struct TgtSigAction *ka,
                    const struct TgtSigInfo *info,
                    const uint64_t *tgt_blocked);
int64_t arm_do_sigreturn(CpuCommon *cpu, bool rt);

#endif

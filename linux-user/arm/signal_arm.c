/* linux-user/arm/signal_arm.c — ARM signal frames (sigframe / rt_sigframe
 * of arch/arm/kernel/signal.c). Placeholder until the signal code lands:
 * no frame can be built, sigreturn is not available. Owned by the
 * signals engineer.
 */
#include <errno.h>

#include "abi_arm.h"

int arm_setup_frame(CpuCommon *cpu, int tgt_sig,
                    const struct TgtSigAction *ka,
                    const struct TgtSigInfo *info,
                    const uint64_t *tgt_blocked)
{
    return -EFAULT;
}

int64_t arm_do_sigreturn(CpuCommon *cpu, bool rt)
{
    return -ENOSYS;
}

/* linux-user/abi.c — the generic side of LinuxAbi: flag, errno and signal
 * translation through a guest's tables, and cpu model lookup.
 */
#include "abi.h"

#include <string.h>

uint32_t abi_flags_to_host(const AbiFlagMap *map, uint32_t guest)
{
    uint32_t host = 0;

    if (!map) {
        return guest;
    }
    for (; map->guest_mask || map->host_mask; map++) {
        if ((guest & map->guest_mask) == map->guest_bits) {
            host = (host & ~map->host_mask) | map->host_bits;
        }
    }
    return host;
}

uint32_t abi_flags_to_guest(const AbiFlagMap *map, uint32_t host)
{
    uint32_t guest = 0;

    if (!map) {
        return host;
    }
    for (; map->guest_mask || map->host_mask; map++) {
        /* An entry with no host bits (O_LARGEFILE on a 64-bit host)
         * cannot be recognized in a host value. */
        if (map->host_mask && (host & map->host_mask) == map->host_bits) {
            guest = (guest & ~map->guest_mask) | map->guest_bits;
        }
    }
    return guest;
}

int abi_errno_to_guest(const LinuxAbi *abi, int host_errno)
{
    if (!abi->errno_to_guest || host_errno < 0
        || (uint32_t)host_errno >= abi->errno_count) {
        return host_errno;
    }
    return abi->errno_to_guest[host_errno] ? abi->errno_to_guest[host_errno]
                                           : host_errno;
}

int abi_errno_to_host(const LinuxAbi *abi, int tgt_errno)
{
    if (!abi->errno_to_guest) {
        return tgt_errno;
    }
    for (uint32_t i = 0; i < abi->errno_count; i++) {
        if (abi->errno_to_guest[i] == tgt_errno) {
            return (int)i;
        }
    }
    return tgt_errno;
}

int abi_signal_to_host(const LinuxAbi *abi, int tgt_sig)
{
    if (tgt_sig <= 0 || tgt_sig >= abi->tgt_nsig) {
        return 0;
    }
    return abi->signal_to_host ? abi->signal_to_host[tgt_sig] : tgt_sig;
}

int abi_signal_to_guest(const LinuxAbi *abi, int host_sig)
{
    if (host_sig <= 0 || host_sig > 64) {
        return 0;
    }
    return abi->signal_to_guest ? abi->signal_to_guest[host_sig] : host_sig;
}

int32_t abi_value_to_generic(const AbiValueMap *map, int32_t guest)
{
    for (; map && map->guest != ABI_VALUE_END; map++) {
        if (map->guest == guest) {
            return map->generic;
        }
    }
    return guest;
}

int32_t abi_value_to_guest(const AbiValueMap *map, int32_t generic)
{
    for (; map && map->guest != ABI_VALUE_END; map++) {
        if (map->generic == generic) {
            return map->guest;
        }
    }
    return generic;
}

const AbiCpuModel *abi_find_cpu(const LinuxAbi *abi, const char *name)
{
    for (const AbiCpuModel *m = abi->cpu_models; m && m->name; m++) {
        if (strcmp(m->name, name) == 0) {
            return m;
        }
    }
    return NULL;
}

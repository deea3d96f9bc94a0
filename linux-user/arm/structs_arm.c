/* linux-user/arm/structs_arm.c — ARM EABI struct layouts that differ from
 * the generic descriptions (thunk_structs.h), indexed by THUNK_ID_*.
 * NULL entries use the generic layout under ARM's rules (4-byte long,
 * 8-byte alignment of 64-bit members, little-endian). Owned by the
 * syscall implementations.
 */
#include "linux-user/arm/abi_arm.h"

const ThunkStruct *const arm_structs[THUNK_ID_COUNT] = {
    NULL,
};

/* linux-user/mips/structs_mips.c — o32 struct layouts that differ from the
 * generic descriptions (thunk_structs.h), indexed by THUNK_ID_*. NULL
 * entries use the generic layout under o32's rules (4-byte long, 8-byte
 * alignment of 64-bit members, the guest's byte order).
 */
#include "abi_mips.h"

const ThunkStruct *const mips_structs[THUNK_ID_COUNT] = {
    NULL,
};

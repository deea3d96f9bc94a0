/* frontend/arm/translate-t32.c — 32-bit Thumb-2 instructions. */
#include "translate.h"

bool arm_decode_t32(DisasCtx *d, uint32_t insn)
{
    (void)d;
    (void)insn;
    return false;
}

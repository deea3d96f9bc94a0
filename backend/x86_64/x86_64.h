/* backend/x86_64/x86_64.h — public extras of the x86-64 JIT backend
 * beyond `backend_x86_64` (core/backend.h): host feature control, used by
 * tests to exercise the fallback paths of older CPUs.
 */
#ifndef EMU_BACKEND_X86_64_H
#define EMU_BACKEND_X86_64_H

#include <stdint.h>

enum {
    X86_FEAT_MOVBE  = 1u << 0,
    X86_FEAT_POPCNT = 1u << 1,
    X86_FEAT_LZCNT  = 1u << 2,
    X86_FEAT_BMI1   = 1u << 3,      /* tzcnt, andn */
};

/* Features found by CPUID (detected on first use). */
uint32_t x86_64_host_features(void);
/* Restricts the features used by later code generation to `mask` &
 * what the host has (tests only; not thread-safe with gen_code). */
void x86_64_set_feature_mask(uint32_t mask);

/* Spill frame: 8-byte slots shared by every block (see docs in x86_64.c). */
#define X86_64_FRAME_SLOTS 512

#endif

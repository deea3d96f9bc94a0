/* core/fpu/fpu_x80.c — floatx80 (placeholder) */
#include "core/fpu/fpu_internal.h"

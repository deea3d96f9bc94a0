/* linux-user/mips/fpmode_mips.c — the o32 FP register mode (Status.FR) as
 * Linux manages it: chosen at exec from the MIPS ABI flags of the program
 * and its interpreter (arch/mips/kernel/elf.c, arch_check_elf), changed
 * by prctl(PR_SET_FP_MODE) (arch/mips/kernel/process.c).
 */
#include "abi_mips.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>

#include "frontend/mips/cpu.h"
#include "linux-user/guest_mem.h"
#include "linux-user/task.h"

enum { PT_MIPS_ABIFLAGS = 0x70000003, PT_LOAD = 1 };
/* Val_GNU_MIPS_ABI_FP_* (the fp_abi byte of .MIPS.abiflags). */
enum { FP_UNKNOWN = -1, FP_ANY = 0, FP_DOUBLE = 1, FP_SINGLE = 2,
       FP_SOFT = 3, FP_OLD_64 = 4, FP_XX = 5, FP_64 = 6, FP_64A = 7 };
#define MIPS_FIR_F64 (1u << 22)

/* The kernel's struct mode_req: which modes code of an FP ABI runs in. */
typedef struct FpReq {
    bool single, soft, fr1, frdefault, fre;
} FpReq;

static const FpReq fp_reqs[8] = {
    [FP_ANY] = { true, true, true, true, true },
    [FP_DOUBLE] = { false, false, false, true, true },
    [FP_SINGLE] = { true, false, false, false, false },
    [FP_SOFT] = { false, true, false, false, false },
    [FP_OLD_64] = { false, false, false, false, false },
    [FP_XX] = { false, false, true, true, true },
    [FP_64] = { false, false, true, false, false },
    [FP_64A] = { false, false, true, false, true },
};
static const FpReq fp_none_req = { true, true, false, true, true };

/* The fp_abi of the image whose program headers are at phdr (guest
 * memory), loaded with bias; FP_UNKNOWN without PT_MIPS_ABIFLAGS. */
static int image_fp_abi(uint32_t phdr, uint32_t phnum, uint32_t phent,
                        uint32_t bias)
{
    for (uint32_t i = 0; i < phnum; i++) {
        uint32_t type, vaddr, filesz, w;
        uint32_t p = phdr + i * phent;
        if (guest_get_u32(p, &type) < 0 || type != PT_MIPS_ABIFLAGS) {
            continue;
        }
        if (guest_get_u32(p + 8, &vaddr) < 0 ||
            guest_get_u32(p + 16, &filesz) < 0 || filesz < 24 ||
            guest_get_u32(vaddr + bias + 4, &w) < 0) {
            return FP_UNKNOWN;
        }
        /* Bytes 4..7: gpr_size, cpr1_size, cpr2_size, fp_abi. */
        return (int)(linux_process.abi->big_endian ? w & 0xff : w >> 24);
    }
    return FP_UNKNOWN;
}

/* The interpreter's fp_abi: its ELF header is at interp_base (ld.so's
 * first segment maps the headers). */
static int interp_fp_abi(uint32_t base)
{
    uint32_t phoff, lo = UINT32_MAX;
    uint16_t phent, phnum;

    if (guest_get_u32(base + 28, &phoff) < 0 ||
        guest_get_u16(base + 42, &phent) < 0 ||
        guest_get_u16(base + 44, &phnum) < 0 || phent < 32) {
        return FP_UNKNOWN;
    }
    for (uint32_t i = 0; i < phnum; i++) {
        uint32_t type, vaddr;
        uint32_t p = base + phoff + i * phent;
        if (guest_get_u32(p, &type) == 0 && type == PT_LOAD &&
            guest_get_u32(p + 8, &vaddr) == 0 && vaddr < lo) {
            lo = vaddr;
        }
    }
    if (lo == UINT32_MAX) {
        return FP_UNKNOWN;
    }
    return image_fp_abi(base + phoff, phnum, phent, base - (lo & ~0xfffu));
}

bool mips_exec_fp_mode(bool fir_f64, bool r2, uint32_t *mode, char *err,
                       size_t errlen)
{
    const ImageInfo *im = &linux_process.image;
    int fp_abi = image_fp_abi(im->phdr, im->phnum, im->phent, im->load_bias);
    int abi0 = fp_abi, abi1 = fp_abi;
    FpReq prog, interp;

    if (im->has_interp) {
        int i = interp_fp_abi(im->interp_base);
        abi0 = i < fp_abi ? i : fp_abi;
        abi1 = i < fp_abi ? fp_abi : i;
    }
    *mode = 0;
    if (abi0 > FP_64A || abi1 > FP_64A) {
        snprintf(err, errlen, "unknown MIPS FP ABI %d in the program or its "
                 "interpreter (the kernel refuses it: ELIBBAD)", abi1);
        return false;
    }
    prog = abi0 == FP_UNKNOWN ? fp_none_req : fp_reqs[abi0];
    interp = abi1 == FP_UNKNOWN ? fp_none_req : fp_reqs[abi1];
    prog.single = prog.single && interp.single;
    prog.soft = prog.soft && interp.soft;
    prog.fr1 = prog.fr1 && interp.fr1;
    prog.frdefault = prog.frdefault && interp.frdefault;
    prog.fre = prog.fre && interp.fre;
    if (prog.fre && !prog.frdefault && !prog.fr1) {
        snprintf(err, errlen, "the FP ABIs of the program and its "
                 "interpreter (%d, %d) need the FRE mode, which emu does "
                 "not implement", fp_abi, abi0 == fp_abi ? abi1 : abi0);
        return false;
    }
    if ((prog.fr1 && prog.frdefault) || (prog.single && !prog.frdefault)) {
        /* FPXX (or any): the hardware's preference, FR = 1 on an F64
         * release 2 FPU (as Linux and qemu-mips do). */
        *mode = fir_f64 && r2 ? MIPS_FP_MODE_FR : 0;
    } else if (prog.fr1) {
        *mode = MIPS_FP_MODE_FR;
    } else if (!prog.frdefault && !prog.single && !prog.soft) {
        if (im->has_interp) {
            snprintf(err, errlen, "the FP ABIs of the program and its "
                     "interpreter (%d, %d) need incompatible FPU modes "
                     "(the kernel refuses them: ELIBBAD)", fp_abi,
                     abi0 == fp_abi ? abi1 : abi0);
        } else {
            snprintf(err, errlen, "the program's FP ABI %d needs an FPU "
                     "mode the kernel cannot give (ELIBBAD)", fp_abi);
        }
        return false;
    }
    return true;
}

int mips_set_fp_mode(MipsState *env, uint32_t value)
{
    bool fpu = env->fcr0 != 0;  /* 0: the kernel emulates the FPU */

    if (value == env->fp_mode) {
        return 0;
    }
    if (value & ~(uint32_t)(MIPS_FP_MODE_FR | MIPS_FP_MODE_FRE)) {
        return -EOPNOTSUPP;
    }
    if (value == MIPS_FP_MODE_FRE) {
        return -EOPNOTSUPP;     /* FRE without FR */
    }
    if ((value & MIPS_FP_MODE_FR) && fpu && !(env->fcr0 & MIPS_FIR_F64)) {
        return -EOPNOTSUPP;
    }
    if (value & MIPS_FP_MODE_FRE) {
        /* Release 2 FPUs have no FRE (the kernel refuses it); without an
         * FPU the kernel would accept it, emu does not implement it. */
        return -EOPNOTSUPP;
    }
    /* Every thread of the process (the kernel's for_each_thread); a
     * thread running elsewhere takes the new mode at its next block
     * lookup. The 64-bit registers keep their values, as the kernel
     * keeps thread.fpu.fpr across the switch: under FR = 1, $f2k is the
     * old pair (2k, 2k + 1); back under FR = 0, $f2k + 1 is $f2k's high
     * half. */
    env->fp_mode = value;
    pthread_mutex_lock(&linux_process.tasks_lock);
    for (TaskState *t = linux_process.tasks; t; t = t->next) {
        __atomic_store_n(&((MipsState *)t->cpu)->fp_mode, value,
                         __ATOMIC_RELAXED);
    }
    pthread_mutex_unlock(&linux_process.tasks_lock);
    return 0;
}

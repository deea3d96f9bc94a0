/* linux-user/i386/abi_i386.h — pieces of the i386 LinuxAbi shared between
 * the files of linux-user/i386/.
 */
#ifndef EMU_LINUX_USER_I386_ABI_I386_H
#define EMU_LINUX_USER_I386_ABI_I386_H

#include "linux-user/abi.h"
#include "linux-user/thunk_structs.h"

/* si_code of SIGILL for #UD (include/uapi/asm-generic/siginfo.h). */
#define TGT_ILL_ILLOPN 2

/* The vDSO (vdso_i386.c, docs/i386.md): one page at the address i386
 * kernels used for their fixed vDSO (CONFIG_COMPAT_VDSO), an ELF image
 * (AT_SYSINFO_EHDR) with __kernel_vsyscall (AT_SYSINFO) at +0x400, whose
 * `int $0x80` is at +7 and the landing point SYSENTER returns to at +9,
 * as in Linux's vdso32 system_call.S. */
#define I386_VSYSCALL_PAGE 0xffffe000u
#define I386_VDSO_SIZE 4096u
#define I386_VSYSCALL_ENTRY (I386_VSYSCALL_PAGE + 0x400)
#define I386_VSYSCALL_SIZE 13
#define I386_VSYSCALL_INT80 (I386_VSYSCALL_ENTRY + 7)
#define I386_VSYSCALL_LANDING (I386_VSYSCALL_ENTRY + 9)
/* __kernel_sigreturn and __kernel_rt_sigreturn (vdso32/sigreturn.S),
 * the restorers of handlers without SA_RESTORER. */
#define I386_VDSO_SIGRETURN (I386_VSYSCALL_PAGE + 0x420)
#define I386_VDSO_RT_SIGRETURN (I386_VSYSCALL_PAGE + 0x430)

/* Writes the vDSO page (I386_VDSO_SIZE bytes); without `sysenter` (no
 * SEP) __kernel_vsyscall uses int $0x80 only. */
void i386_vdso_image(uint8_t *page, bool sysenter);

/* Signal frames (signal_i386.c): see LinuxAbi. */
int i386_setup_frame(CpuCommon *cpu, int tgt_sig,
                     const struct TgtSigAction *ka,
                     const struct TgtSigInfo *info,
                     const uint64_t *tgt_blocked);
int64_t i386_do_sigreturn(CpuCommon *cpu, bool rt);

#endif

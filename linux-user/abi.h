/* linux-user/abi.h — what a guest's Linux ABI is, as one const LinuxAbi
 * that linux-user/<g>/ exports (linux_abi_arm, later linux_abi_i386,
 * linux_abi_mips…). The generic runtime (loader, cpu loop, syscalls,
 * signals, /proc) knows a guest only through this struct: registers of
 * the syscall convention, numbering of errno / signals / flags as data,
 * struct layouts, hwcaps, cpu models, and hooks for what is code.
 */
#ifndef EMU_LINUX_USER_ABI_H
#define EMU_LINUX_USER_ABI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/exec.h"
#include "core/guest.h"
#include "thunk.h"

struct SyscallTable;
struct SyscallCall;
struct SyscallDef;
struct LinuxProcess;
/* Defined by the signal code (linux-user/signal.h). */
struct TgtSigAction;
struct TgtSigInfo;

/* One translation between guest and host flag encodings: the guest
 * value (guest_bits under guest_mask) corresponds to the host value
 * (host_bits under host_mask). Single bits have mask == bits; multi-bit
 * fields (O_ACCMODE, MAP_TYPE) list one entry per value. A table ends
 * with an all-zero entry; a NULL table is the identity. Bits no entry
 * covers are dropped (so an unknown guest flag never reaches the host). */
typedef struct AbiFlagMap {
    uint32_t guest_mask, guest_bits;
    uint32_t host_mask, host_bits;
} AbiFlagMap;

uint32_t abi_flags_to_host(const AbiFlagMap *map, uint32_t guest);
uint32_t abi_flags_to_guest(const AbiFlagMap *map, uint32_t host);

/* A -cpu model: what the frontend is told, what the guest sees. The
 * first entry of LinuxAbi.cpu_models is the default; the list ends with
 * name == NULL. */
typedef struct AbiCpuModel {
    const char *name;           /* -cpu name ("arm926") */
    const char *description;    /* one line for -cpu help */
    const char *uname_machine;  /* uname -m ("armv5tel") */
    const char *platform;       /* AT_PLATFORM ("v5l"), NULL: none */
    uint32_t hwcap, hwcap2;     /* AT_HWCAP / AT_HWCAP2: exactly what the
                                   frontend implements for this model */
    uint64_t features;          /* frontend feature bits (cpu_init) */
} AbiCpuModel;

/* The initial register state the loader computed (kernel's start_thread
 * and ELF_PLAT_INIT). */
typedef struct AbiStartInfo {
    uint32_t entry;             /* first pc (the interpreter's if any) */
    uint32_t sp;                /* argc at sp */
    uint32_t argv, envp, auxv;  /* guest addresses on the stack */
    uint32_t exec_entry;        /* e_entry of the program itself */
    uint32_t load_bias;         /* of the program */
    uint32_t interp_base;       /* AT_BASE, 0 without interpreter */
    uint32_t start_data;        /* some ABIs pass it (ARM r10 for FDPIC) */
} AbiStartInfo;

/* What an exception raised by the frontend means to Linux. */
enum {
    ABI_EXCP_SYSCALL = 1,       /* run the syscall the registers describe */
    ABI_EXCP_SIGNAL,            /* deliver signo/si_code/addr to the thread */
    ABI_EXCP_DONE,              /* handled by the hook (kuser helper…) */
    ABI_EXCP_UNKNOWN,           /* a bug: report and abort */
};

/* One guest number and the generic one (what ARM and the x86 host use)
 * it stands for, for numbers that are values rather than bits (fcntl
 * commands, resource limits, socket types and options, ioctl requests).
 * A table ends with { ABI_VALUE_END, 0 }; a number no entry names passes
 * unchanged, and a NULL table is the identity. */
typedef struct AbiValueMap {
    int32_t guest, generic;
} AbiValueMap;
#define ABI_VALUE_END INT32_MIN

int32_t abi_value_to_generic(const AbiValueMap *map, int32_t guest);
int32_t abi_value_to_guest(const AbiValueMap *map, int32_t generic);

/* Byte offsets of the members of a guest struct sigaction (rt_sigaction);
 * restorer < 0: the ABI has none. A NULL LinuxAbi.sigaction_layout is
 * the generic {handler 0, flags 4, restorer 8, mask 12}. */
typedef struct AbiSigactionLayout {
    uint8_t handler, flags, mask;
    int8_t restorer;
} AbiSigactionLayout;

typedef struct AbiExcp {
    int action;                 /* ABI_EXCP_* */
    int tgt_signo;              /* guest signal number (ABI_EXCP_SIGNAL) */
    int tgt_code;               /* guest si_code */
    uint32_t addr;              /* si_addr */
} AbiExcp;

typedef struct LinuxAbi {
    const GuestArch *arch;      /* the frontend */
    const char *name;           /* "arm": -version, messages */

    /* ---- ELF checks (loader) ---------------------------------------- */
    uint16_t elf_machine;       /* EM_ARM */
    uint8_t elf_class;          /* ELFCLASS32 */
    bool big_endian;            /* ELFDATA2MSB when true */
    /* Extra checks of e_flags (EABI version, float ABI…); NULL: any.
     * Returns false with a one-line reason in err. */
    bool (*elf_flags_ok)(uint32_t e_flags, char *err, size_t errlen);

    /* ---- cpu models, hwcaps, /proc/cpuinfo --------------------------- */
    const AbiCpuModel *cpu_models;
    /* Puts a fresh cpu state (zeroed, arch->state_size bytes, CpuCommon
     * already set up) in the model's reset state. */
    void (*cpu_init)(CpuCommon *cpu, const AbiCpuModel *model);
    /* Writes /proc/cpuinfo for ncpus processors. NULL: a generic one. */
    void (*write_cpuinfo)(FILE *out, const AbiCpuModel *model, int ncpus);

    /* ---- process start ----------------------------------------------- */
    /* Sets pc, sp and the registers the ABI defines at exec. */
    void (*init_regs)(CpuCommon *cpu, const AbiStartInfo *start);
    /* Maps ABI-specific pages after the program is loaded (ARM: the kuser
     * helper page at 0xffff0000); NULL: none. False with a message. */
    bool (*setup_process)(struct LinuxProcess *proc, char *err,
                          size_t errlen);
    uint32_t stack_align;       /* sp alignment at entry (8 ARM, 16 i386) */
    uint32_t elf_exec_pagesize; /* ELF_EXEC_PAGESIZE (4096) */

    /* ---- syscalls ----------------------------------------------------- */
    const struct SyscallTable *syscalls;    /* generated from <g>.tbl */
    /* Reads the syscall number and arguments at ABI_EXCP_SYSCALL into
     * call->guest_nr / call->arg[] (guest values zero-extended; unused
     * args zero). Stack-passed args (MIPS o32 5th–8th) are read from guest
     * memory; returns 0 or a negative HOST errno (-EFAULT, -ENOSYS for an
     * OABI call on an EABI-only runner) to be returned as the result. */
    int (*get_syscall)(CpuCommon *cpu, struct SyscallCall *call);
    /* Writes a result: `ret` is guest-visible (negative guest errno in
     * -4095..-1 means failure). MIPS-style ABIs set the error flag
     * register here. Also advances pc past the trap if the frontend
     * left it on the trapping instruction. */
    void (*set_syscall_result)(CpuCommon *cpu, int64_t ret);
    /* Makes the thread re-execute the syscall instruction (restart after
     * a signal: -ERESTARTSYS semantics). */
    void (*restart_syscall)(CpuCommon *cpu);
    /* 64-bit arguments in register pairs start at an even register
     * (ARM EABI, MIPS o32, PPC32): the generic code skips a pad arg. */
    bool regpair_aligned;

    /* ---- exceptions --------------------------------------------------- */
    /* Says what frontend exception `excp` (below EXCP_CORE_BASE, or
     * EXCP_UNALIGNED / EXCP_FETCH_FAULT) means; may run it itself
     * (ABI_EXCP_DONE), e.g. a kuser helper. */
    void (*handle_exception)(CpuCommon *cpu, int excp, AbiExcp *out);

    /* ---- numbering (data) --------------------------------------------- */
    /* Host errno -> guest errno, indexed by host errno, errno_count
     * entries; NULL: identity (ARM, i386). Values past the table pass
     * unchanged. */
    const uint16_t *errno_to_guest;
    uint32_t errno_count;
    /* Signals: guest numbers 1..tgt_nsig-1. signal_to_host[tgt] and
     * signal_to_guest[host] (host 1..64); NULL: identity. 0 entries mean
     * "no such signal". */
    int tgt_nsig;               /* _NSIG of the guest: 65 ARM, 129 MIPS */
    const uint8_t *signal_to_host;
    const uint8_t *signal_to_guest;
    /* Flags: open/fcntl O_*, mmap MAP_*, mmap PROT_* (NULL: identity). */
    const AbiFlagMap *open_flags;
    const AbiFlagMap *mmap_flags;
    const AbiFlagMap *mmap_prot;

    /* ---- structs ------------------------------------------------------- */
    ThunkRules thunk_rules;
    /* THUNK_ID_COUNT entries, NULL entries (or a NULL array) use the
     * generic description (thunk_structs.h). */
    const ThunkStruct *const *structs;

    /* ---- registers the runtime needs ----------------------------------- */
    uint32_t (*get_pc)(const CpuCommon *cpu);
    void (*set_pc)(CpuCommon *cpu, uint32_t pc);
    uint32_t (*get_sp)(const CpuCommon *cpu);
    /* Thread pointer (ARM TPIDRURO / set_tls, i386 via set_thread_area). */
    void (*set_tls)(CpuCommon *cpu, uint32_t tls);
    uint32_t (*get_tls)(const CpuCommon *cpu);
    /* After copying the parent's state into a clone child: the child's
     * return value (0) and, when newsp != 0, its stack pointer. */
    void (*clone_regs)(CpuCommon *child, uint32_t newsp);

    /* ---- signals (filled by the signal code for each guest) ------------ */
    /* Builds a signal frame on the guest stack and points the registers at
     * the handler (info == NULL: the old non-RT frame). Returns 0 or
     * -EFAULT (the caller then forces SIGSEGV). */
    int (*setup_frame)(CpuCommon *cpu, int tgt_sig,
                       const struct TgtSigAction *ka,
                       const struct TgtSigInfo *info,
                       const uint64_t *tgt_blocked);
    /* sigreturn / rt_sigreturn: restores the registers and the mask from
     * the frame at sp; returns the guest value the syscall leaves in the
     * result register, or SYSCALL_RET_NOREGS (syscall.h). */
    int64_t (*do_sigreturn)(CpuCommon *cpu, bool rt);

    /* ---- address space ------------------------------------------------- */
    /* TASK_SIZE: the first guest address user mappings may not reach
     * (ARM 0xbf000000); 0: the whole 4 GiB. */
    uint64_t task_size;

    /* ---- signal ABI details (NULL / 0: the generic ones) --------------- */
    /* sa_flags: guest bits -> generic TGT_SA_* (signal.h); NULL: same. */
    const AbiFlagMap *sa_flags;
    const AbiSigactionLayout *sigaction_layout;
    /* The guest's SIG_BLOCK; SIG_UNBLOCK and SIG_SETMASK follow it (MIPS
     * numbers them 1, 2, 3; generic 0, 1, 2). */
    uint8_t sig_block_base;
    /* The MIPS siginfo (asm/siginfo.h): si_code before si_errno
     * (__ARCH_HAS_SWAPPED_SIGINFO), and SI_ASYNCIO, SI_TIMER, SI_MESGQ
     * numbered -2, -3, -4 (generic -4, -2, -3). */
    bool siginfo_swapped;
    /* stack_t is {ss_sp, ss_size, ss_flags} (MIPS); generic {ss_sp,
     * ss_flags, ss_size}. */
    bool stack_t_size_second;

    /* ---- numbers that are values (NULL: the generic ones) -------------- */
    const AbiValueMap *fcntl_cmds;      /* F_* -> generic F_* */
    const AbiValueMap *rlimit_res;      /* RLIMIT_* -> generic */
    const AbiValueMap *sock_types;      /* SOCK_STREAM… (low 4 bits) */
    const AbiValueMap *sock_levels;     /* SOL_SOCKET (MIPS 0xffff) */
    const AbiValueMap *sol_socket_opts; /* SO_* at SOL_SOCKET */
    /* request -> generic request; when given, the table is complete: a
     * request it does not name is unknown (-ENOTTY), since a guest's own
     * numbers overlap the generic ones (MIPS TCGETS is 0x540d). */
    const AbiValueMap *ioctl_cmds;
    /* termios c_lflag bits -> generic (NULL: same). The c_cc order and
     * NCCS are the struct layout's business (structs[THUNK_ID_TERMIOS]). */
    const AbiFlagMap *termios_lflag;

    /* ---- cpu model from the program (NULL: keep the -cpu / default) --- */
    /* Called once the program's header is read, with its e_flags and
     * whether -cpu was given: may replace *model (the default when none
     * was given, e.g. ARM: a Cortex-A model for a hard-float program) or
     * refuse the combination with a message (returns false). */
    bool (*elf_cpu_model)(uint32_t e_flags, bool cpu_given,
                          const AbiCpuModel **model, char *err,
                          size_t errlen);

    /* ---- guest-only syscalls (NULL: none) ------------------------------- */
    /* Implementations of calls only this guest has (i386 set_thread_area,
     * get_thread_area, modify_ldt), an array ending with id 0; syscall_init
     * registers them after the generic ones (the same id replaces). */
    const struct SyscallDef *arch_syscalls;

    /* ---- ARCH_DLINFO (NULL: none) --------------------------------------- */
    /* Called by the loader as it writes the auxv: may map pages the ABI
     * gives every process (i386: the vsyscall page) and writes up to
     * `max` (type, value) pairs into aux, which go first in the auxv as
     * the kernel's ARCH_DLINFO puts them (i386: AT_SYSINFO). Returns the
     * number of pairs (0: none, e.g. the page could not be mapped). */
    unsigned (*arch_dlinfo)(struct LinuxProcess *proc, uint32_t *aux,
                            unsigned max);
} LinuxAbi;

/* Guest list: one entry per linux-user/<g>/ (abi_arm.c exports
 * linux_abi_arm). A runner executable selects its guest with one line. */
extern const LinuxAbi linux_abi_arm;
extern const LinuxAbi linux_abi_mips;
extern const LinuxAbi linux_abi_mipsel;
extern const LinuxAbi linux_abi_i386;

/* Errno and signal translation through the running guest's tables.
 * host_errno and the result are positive numbers. */
int abi_errno_to_guest(const LinuxAbi *abi, int host_errno);
int abi_errno_to_host(const LinuxAbi *abi, int tgt_errno);
int abi_signal_to_host(const LinuxAbi *abi, int tgt_sig);
int abi_signal_to_guest(const LinuxAbi *abi, int host_sig);
/* Looks a -cpu name up; NULL when unknown. */
const AbiCpuModel *abi_find_cpu(const LinuxAbi *abi, const char *name);

#endif

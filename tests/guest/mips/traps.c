/* tests/guest/mips/traps.c — synchronous signals as MIPS Linux raises
 * them (arch/mips/kernel/traps.c): integer division by zero (TEQ code 7),
 * ADD overflow, BREAK and TEQ codes (6/7 -> SIGFPE, others SIGTRAP),
 * reserved instructions (SIGILL, SI_KERNEL), a jump to a misaligned
 * address (SIGBUS, SI_KERNEL), LL on an unaligned address (SIGILL: the
 * kernel's unaligned emulator does not know LL), faults in a branch delay slot (the context's pc is
 * the branch), NULL and read-only writes. Signal numbers are printed as
 * numbers: MIPS numbers SIGBUS 10, SIGUSR1 16… */
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>

static sigjmp_buf env;
static volatile int got_sig, got_code;
static volatile uintptr_t got_addr, got_pc;

static void handler(int sig, siginfo_t *si, void *uc_)
{
    ucontext_t *uc = uc_;

    got_sig = sig;
    got_code = si->si_code;
    got_addr = (uintptr_t)si->si_addr;
    got_pc = (uintptr_t)uc->uc_mcontext.pc;
    siglongjmp(env, 1);
}

static void report(const char *what, uintptr_t want_addr, uintptr_t want_pc)
{
    printf("%-28s sig %2d code %3d addr %s pc %s\n", what, got_sig,
           got_code, got_addr == want_addr ? "ok" : "other",
           got_pc == want_pc ? "ok" : "other");
}

#define TRY(what, want_addr, want_pc, body)                                \
    do {                                                                   \
        got_sig = got_code = 0;                                            \
        got_addr = got_pc = 0;                                             \
        if (sigsetjmp(env, 1) == 0) {                                      \
            body;                                                          \
            printf("%-28s no signal\n", what);                             \
        } else {                                                           \
            report(what, (uintptr_t)(want_addr), (uintptr_t)(want_pc));    \
        }                                                                  \
    } while (0)

extern char add_ovf_insn[], break_insn[], teq_insn[], ri_insn[];
extern char slot_branch[], slot_branch2[];

static volatile int zero = 0, seven = 7;

int main(void)
{
    struct sigaction sa;
    char *ro;
    uint32_t word[2] = { 0, 0 };

    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = handler;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGFPE, &sa, NULL);
    sigaction(SIGTRAP, &sa, NULL);
    sigaction(SIGILL, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
    sigaction(SIGSEGV, &sa, NULL);
    printf("numbers: SIGILL %d SIGTRAP %d SIGFPE %d SIGBUS %d SIGSEGV %d\n",
           SIGILL, SIGTRAP, SIGFPE, SIGBUS, SIGSEGV);

    TRY("divide by zero (teq 7)", 0, 0, {
        volatile int q = seven / zero;
        (void)q;
    });
    printf("  (si_addr/pc not compared: where gcc puts the teq)\n");
    TRY("add overflow", add_ovf_insn, add_ovf_insn, {
        int r;
        __asm__ volatile(".globl add_ovf_insn\nadd_ovf_insn:\n\t"
                         "add %0, %1, %2"
                         : "=r"(r) : "r"(0x7fffffff), "r"(1));
    });
    TRY("break 0", 0, break_insn, {
        __asm__ volatile(".globl break_insn\nbreak_insn:\n\tbreak 0");
    });
    TRY("break 7", 0, 0, { __asm__ volatile("break 7"); });
    TRY("break 6", 0, 0, { __asm__ volatile("break 6"); });
    TRY("teq code 0x20", 0, teq_insn, {
        __asm__ volatile(".globl teq_insn\nteq_insn:\n\tteq $0, $0, 0x20");
    });
    TRY("teq code 6", 0, 0, { __asm__ volatile("teq $0, $0, 6"); });
    TRY("tne not taken", 0, 0, { __asm__ volatile("tne $0, $0, 7"); });
    TRY("tgei taken", 0, 0, {
        __asm__ volatile("tgei %0, 5" : : "r"(seven));
    });
    TRY("reserved instruction", 0, ri_insn, {
        __asm__ volatile(".globl ri_insn\nri_insn:\n\t.word 0x00000005");
    });
    TRY("jump to pc+2", 0, 0, {
        void (*f)(void) = (void (*)(void))((uintptr_t)main + 2);
        f();
    });
    TRY("ll unaligned", 0, 0, {
        int v;
        __asm__ volatile("ll %0, 0(%1)" : "=r"(v) : "r"((char *)word + 2));
    });
    TRY("NULL load", 0, 0, {
        volatile int *p = 0;
        (void)*p;
    });
    TRY("load fault in a delay slot", 4, slot_branch, {
        __asm__ volatile(".set push\n\t.set noreorder\n"
                         ".globl slot_branch\nslot_branch:\n\t"
                         "beq $0, $0, 1f\n\t"
                         "lw $t0, 4($0)\n"
                         "1:\n\t.set pop" ::: "t0");
    });
    TRY("overflow in a delay slot", slot_branch2, slot_branch2, {
        __asm__ volatile(".set push\n\t.set noreorder\n"
                         ".globl slot_branch2\nslot_branch2:\n\t"
                         "bne %0, $0, 1f\n\t"
                         "add $t0, %0, %0\n"
                         "1:\n\t.set pop" : : "r"(0x40000000) : "t0");
    });
    ro = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    TRY("store to read-only", ro + 8, 0, { *(volatile char *)(ro + 8) = 1; });
    /* Plain unaligned accesses are emulated by the kernel for user space:
     * no signal. */
    TRY("unaligned lw", 0, 0, {
        volatile uint32_t v;
        __asm__ volatile("lw %0, 1(%1)" : "=r"(v) : "r"(word));
        printf("  (loaded %u)\n", v);
    });
    return 0;
}

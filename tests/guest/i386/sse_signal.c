/* tests/guest/i386/sse_signal.c — the FPU in signal handling: unmasked
 * SSE exceptions as SIGFPE (#XM) with the kernel's si_code and the
 * faulting instruction in si_addr; the state a handler starts with
 * (clean x87 and MXCSR); the _fpstate_32 the frame carries (fsave part,
 * magic, FXSAVE image with MXCSR and XMM registers), and a handler's
 * edits of ST(0), XMM2 and MXCSR in it taking effect after sigreturn.
 */
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <ucontext.h>

static sigjmp_buf jb;
static volatile int code;
static volatile uintptr_t fault_addr, fault_ip, g_insn;

static void on_fpe(int sig, siginfo_t *si, void *puc)
{
    ucontext_t *uc = puc;

    (void)sig;
    code = si->si_code;
    fault_addr = (uintptr_t)si->si_addr;
    fault_ip = (uintptr_t)uc->uc_mcontext.gregs[REG_EIP];
    siglongjmp(jb, 1);
}

__attribute__((target("sse2"))) static void xm_tests(void)
{
    static const struct {
        const char *name;
        uint32_t mxcsr;
        float a, b;
        int op;                 /* 0 div, 1 mul, 2 sqrt a, 3 add */
    } t[] = {
        { "invalid", 0x1f00, -1.0f, 0, 2 },
        { "divbyzero", 0x1d80, 1.0f, 0.0f, 0 },
        { "overflow", 0x1b80, 3e38f, 3e38f, 1 },
        { "underflow", 0x1780, 1e-30f, 1e-20f, 1 },
        { "inexact", 0x0f80, 1.0f, 3.0f, 0 },
        { "denormal", 0x1e80, 1e-40f, 1.0f, 3 },
        { "masked", 0x1f80, 1.0f, 0.0f, 0 },
    };
    struct sigaction sa;

    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = on_fpe;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGFPE, &sa, NULL);
    for (unsigned i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
        volatile float a = t[i].a, b = t[i].b;
        float r = 0;
        uint32_t mx = t[i].mxcsr, after = 0;
        code = -1;
        if (sigsetjmp(jb, 1) == 0) {
            switch (t[i].op) {
            case 0:
                __asm__ volatile("ldmxcsr %3\n\tmovss %1, %%xmm0\n\t"
                                 "movl $1f, %2\n1:\tdivss %4, %%xmm0\n\t"
                                 "movss %%xmm0, %0"
                                 : "=m"(r), "+m"(a), "=m"(g_insn)
                                 : "m"(mx), "m"(b) : "xmm0");
                break;
            case 1:
                __asm__ volatile("ldmxcsr %3\n\tmovss %1, %%xmm0\n\t"
                                 "movl $1f, %2\n1:\tmulss %4, %%xmm0\n\t"
                                 "movss %%xmm0, %0"
                                 : "=m"(r), "+m"(a), "=m"(g_insn)
                                 : "m"(mx), "m"(b) : "xmm0");
                break;
            case 2:
                __asm__ volatile("ldmxcsr %3\n\tmovl $1f, %2\n1:\t"
                                 "sqrtss %1, %%xmm0\n\tmovss %%xmm0, %0"
                                 : "=m"(r), "+m"(a), "=m"(g_insn)
                                 : "m"(mx) : "xmm0");
                break;
            default:
                __asm__ volatile("ldmxcsr %3\n\tmovss %1, %%xmm0\n\t"
                                 "movl $1f, %2\n1:\taddss %4, %%xmm0\n\t"
                                 "movss %%xmm0, %0"
                                 : "=m"(r), "+m"(a), "=m"(g_insn)
                                 : "m"(mx), "m"(b) : "xmm0");
                break;
            }
            __asm__ volatile("stmxcsr %0" : "=m"(after));
            printf("%-10s no signal, result %g mxcsr %04x\n", t[i].name, r,
                   after);
        } else {
            __asm__ volatile("stmxcsr %0" : "=m"(after));
            printf("%-10s SIGFPE si_code=%d si_addr==insn: %d eip==insn: %d"
                   " mxcsr after longjmp %04x\n", t[i].name, code,
                   fault_addr == g_insn, fault_ip == g_insn, after);
        }
        mx = 0x1f80;
        __asm__ volatile("ldmxcsr %0" : : "m"(mx));
    }
}

/* ---- the frame's FPU state ------------------------------------------- */

static volatile uint32_t h_cw, h_sw, h_mxcsr, h_xmm2_word;

__attribute__((target("sse2"))) static void on_usr1(int sig, siginfo_t *si,
                                                    void *puc)
{
    ucontext_t *uc = puc;
    uint8_t *fp = (uint8_t *)uc->uc_mcontext.fpregs;
    uint16_t cw, sw;
    uint32_t mx, x2;

    (void)sig;
    (void)si;
    /* what the handler itself starts with */
    __asm__ volatile("fnstcw %0\n\tfnstsw %1\n\tstmxcsr %2\n\tmovd "
                     "%%xmm2, %3"
                     : "=m"(cw), "=m"(sw), "=m"(mx), "=r"(x2));
    h_cw = cw;
    h_sw = sw;
    h_mxcsr = mx;
    h_xmm2_word = x2;
    /* the saved state */
    printf("frame: fpstate=%s cw=%04x sw&0x3fff=%04x tag=%04x st0=",
           fp ? "set" : "NULL", *(uint16_t *)fp,
           *(uint16_t *)(fp + 4) & 0x3fff, *(uint16_t *)(fp + 8));
    for (int i = 9; i >= 0; i--) {
        printf("%02x", fp[28 + i]);
    }
    printf(" status=%04x magic=%04x mxcsr=%08x xmm2=%08x%08x%08x%08x\n",
           *(uint16_t *)(fp + 108), *(uint16_t *)(fp + 110),
           *(uint32_t *)(fp + 112 + 24), *(uint32_t *)(fp + 112 + 160 + 44),
           *(uint32_t *)(fp + 112 + 160 + 40),
           *(uint32_t *)(fp + 112 + 160 + 36),
           *(uint32_t *)(fp + 112 + 160 + 32));
    /* edits: ST(0) := 2.5 in the fsave part, XMM2 and MXCSR in the
     * FXSAVE part */
    static const uint8_t two5[10] = { 0, 0, 0, 0, 0, 0, 0, 0xa0, 0x00, 0x40 };
    memcpy(fp + 28, two5, 10);
    *(uint32_t *)(fp + 112 + 160 + 32) = 0x12345678;
    *(uint32_t *)(fp + 112 + 24) = 0x7f80;
}

__attribute__((target("sse2"))) static void frame_test(void)
{
    struct sigaction sa;
    long double st0_after;
    uint32_t x2 = 0, mx = 0;
    static const uint32_t pat[4] __attribute__((aligned(16))) = {
        0xaaaa0001, 0xbbbb0002, 0xcccc0003, 0xdddd0004,
    };
    uint32_t mxin = 0x3f80;

    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = on_usr1;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGUSR1, &sa, NULL);
    __asm__ volatile("movdqa %0, %%xmm2\n\tldmxcsr %1" : : "m"(pat),
                     "m"(mxin) : "xmm2");
    __asm__ volatile("fld1\n\tfld1\n\tfaddp\n\tfldpi\n\t"
                     "call getpid\n\t"
                     "push %%ebx\n\tmov %%eax, %%ebx\n\tmov $10, %%ecx\n\t"
                     "mov $37, %%eax\n\tint $0x80\n\tpop %%ebx\n\t"
                     "fstpt %0\n\tfstp %%st(0)\n\tmovd %%xmm2, %1\n\t"
                     "stmxcsr %2"
                     : "=m"(st0_after), "=r"(x2), "=m"(mx)
                     : : "eax", "ecx", "edx", "memory", "xmm2");
    printf("handler start: cw=%04x sw=%04x mxcsr=%04x xmm2=%08x\n", h_cw,
           h_sw, h_mxcsr, h_xmm2_word);
    printf("after sigreturn: st0=%Lg xmm2=%08x mxcsr=%04x\n", st0_after,
           x2, mx);
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    xm_tests();
    frame_test();
    return 0;
}

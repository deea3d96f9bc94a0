/* tests/guest/i386/isa_alu.c — i386 integer instructions in 8/16/32-bit
 * forms over edge-case operands, printing results and the flags the SDM
 * defines for each (undefined flags are masked). Expected output comes
 * from running this program natively on an x86 host.
 */
#include <stdint.h>
#include <stdio.h>

#define FL_ALL 0x8d5u   /* OF SF ZF AF PF CF */
#define FL_LOG 0x8c5u   /* AF undefined */
#define FL_CO  0x801u   /* CF OF */

static const uint32_t vals[] = {
    0, 1, 2, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xffff, 0x12345678,
    0x7fffffff, 0x80000000, 0x80000001, 0xfffffffe, 0xffffffff, 0x0f0f0f0f,
    31, 33,
};
#define NV (sizeof(vals) / sizeof(vals[0]))

static unsigned long sum;

static void out(const char *op, uint32_t a, uint32_t b, uint32_t r,
                uint32_t fl, uint32_t mask)
{
    /* One line per case would be long: fold into a checksum per op and
     * print a few samples. */
    sum = sum * 31 + r;
    sum = sum * 31 + (fl & mask);
    if (((a ^ b) & 7) == 3) {
        printf("%s %08x %08x -> %08x fl %03x\n", op, a, b, r, fl & mask);
    }
}

/* Two-operand op with carry-in cin: r = a OP b. */
#define BIN(name, insn, sfx, reg_a, reg_b, mask)                            \
    do {                                                                    \
        for (unsigned i = 0; i < NV; i++) {                                 \
            for (unsigned j = 0; j < NV; j++) {                             \
                for (int cin = 0; cin < 2; cin++) {                         \
                    uint32_t r = vals[i], fl;                               \
                    __asm__ volatile("bt $0, %3\n\t" insn " %" reg_b "2, %" \
                                     reg_a "0\n\tpushf\n\tpop %1"           \
                                     : "+q"(r), "=r"(fl)                    \
                                     : "q"(vals[j]), "r"(cin) : "cc");      \
                    out(name, vals[i], vals[j] + cin, r, fl, mask);         \
                }                                                           \
            }                                                               \
        }                                                                   \
    } while (0)

#define UN(name, insn, reg, mask)                                           \
    do {                                                                    \
        for (unsigned i = 0; i < NV; i++) {                                 \
            for (int cin = 0; cin < 2; cin++) {                             \
                uint32_t r = vals[i], fl;                                   \
                __asm__ volatile("bt $0, %2\n\t" insn " %" reg "0\n\t"      \
                                 "pushf\n\tpop %1"                          \
                                 : "+q"(r), "=r"(fl) : "r"(cin) : "cc");    \
                out(name, vals[i], cin, r, fl, mask);                       \
            }                                                               \
        }                                                                   \
    } while (0)

/* Shift/rotate by cl (count c). */
#define SH(name, insn, reg, mask1, maskn)                                   \
    do {                                                                    \
        for (unsigned i = 0; i < NV; i++) {                                 \
            for (uint32_t c = 0; c < 36; c += (c < 9 ? 1 : 7)) {            \
                for (int cin = 0; cin < 2; cin++) {                         \
                    uint32_t r = vals[i], fl;                               \
                    __asm__ volatile("bt $0, %3\n\t" insn " %%cl, %" reg    \
                                     "0\n\tpushf\n\tpop %1"                 \
                                     : "+q"(r), "=r"(fl)                    \
                                     : "c"(c), "r"(cin) : "cc");            \
                    out(name, vals[i], c * 2 + cin, r, fl,                  \
                        c == 1 ? (mask1) : (maskn));                        \
                }                                                           \
            }                                                               \
        }                                                                   \
    } while (0)

static void muldiv(void)
{
    for (unsigned i = 0; i < NV; i++) {
        for (unsigned j = 0; j < NV; j++) {
            uint32_t lo, hi, fl;
            __asm__ volatile("mull %3\n\tpushf\n\tpop %2"
                             : "=a"(lo), "=d"(hi), "=r"(fl)
                             : "r"(vals[j]), "0"(vals[i]) : "cc");
            out("mul", vals[i], vals[j], lo ^ hi, fl, FL_CO);
            __asm__ volatile("imull %3\n\tpushf\n\tpop %2"
                             : "=a"(lo), "=d"(hi), "=r"(fl)
                             : "r"(vals[j]), "0"(vals[i]) : "cc");
            out("imul1", vals[i], vals[j], lo ^ hi, fl, FL_CO);
            lo = vals[i];
            __asm__ volatile("imull %2, %0\n\tpushf\n\tpop %1"
                             : "+r"(lo), "=r"(fl) : "r"(vals[j]) : "cc");
            out("imul2", vals[i], vals[j], lo, fl, FL_CO);
            lo = vals[i];
            __asm__ volatile("imulw %w2, %w0\n\tpushf\n\tpop %1"
                             : "+r"(lo), "=r"(fl) : "r"(vals[j]) : "cc");
            out("imul2w", vals[i], vals[j], lo, fl, FL_CO);
            lo = vals[i];
            __asm__ volatile("mulb %b2\n\tpushf\n\tpop %1"
                             : "+a"(lo), "=r"(fl) : "q"(vals[j]) : "cc");
            out("mulb", vals[i], vals[j], lo, fl, FL_CO);
            lo = vals[i];
            __asm__ volatile("imulb %b2\n\tpushf\n\tpop %1"
                             : "+a"(lo), "=r"(fl) : "q"(vals[j]) : "cc");
            out("imulb", vals[i], vals[j], lo, fl, FL_CO);
            if (vals[j] != 0) {
                uint32_t q, r;
                __asm__ volatile("divl %4" : "=a"(q), "=d"(r)
                                 : "0"(vals[i]), "1"(0u), "r"(vals[j]));
                out("div", vals[i], vals[j], q ^ (r << 7), 0, 0);
                if (!(vals[i] == 0x80000000u && vals[j] == 0xffffffffu)) {
                    __asm__ volatile("cltd\n\tidivl %4" : "=a"(q), "=d"(r)
                                     : "0"(vals[i]), "1"(0u),
                                       "r"(vals[j]));
                    out("idiv", vals[i], vals[j], q ^ (r << 7), 0, 0);
                }
                if ((vals[j] & 0xff) > (vals[i] >> 8 & 0xff)) {
                    q = vals[i] & 0xffff;
                    __asm__ volatile("divb %b1" : "+a"(q) : "q"(vals[j]));
                    out("divb", vals[i], vals[j], q, 0, 0);
                }
            }
        }
    }
}

static void bits(void)
{
    for (unsigned i = 0; i < NV; i++) {
        for (unsigned j = 0; j < NV; j++) {
            uint32_t r = vals[i], fl;
            __asm__ volatile("btl %2, %0\n\tpushf\n\tpop %1"
                             : "+r"(r), "=r"(fl) : "r"(vals[j]) : "cc");
            out("bt", vals[i], vals[j], r, fl, 1);
            __asm__ volatile("btsl %2, %0\n\tpushf\n\tpop %1"
                             : "+r"(r), "=r"(fl) : "r"(vals[j]) : "cc");
            out("bts", vals[i], vals[j], r, fl, 1);
            __asm__ volatile("btrl %2, %0\n\tpushf\n\tpop %1"
                             : "+r"(r), "=r"(fl) : "r"(vals[j] * 3) : "cc");
            out("btr", vals[i], vals[j], r, fl, 1);
            __asm__ volatile("btcw %w2, %w0\n\tpushf\n\tpop %1"
                             : "+r"(r), "=r"(fl) : "r"(vals[j]) : "cc");
            out("btcw", vals[i], vals[j], r, fl, 1);
            r = vals[j];
            __asm__ volatile("shldl %%cl, %3, %0\n\tpushf\n\tpop %1"
                             : "+r"(r), "=r"(fl)
                             : "c"(vals[i] & 31), "r"(vals[i] * 7) : "cc");
            out("shld", vals[i], vals[j], r, fl,
                (vals[i] & 31) == 1 ? FL_LOG : (vals[i] & 31) ? 0xc5 : FL_ALL);
            r = vals[j];
            __asm__ volatile("shrdl %%cl, %3, %0\n\tpushf\n\tpop %1"
                             : "+r"(r), "=r"(fl)
                             : "c"(vals[i] & 31), "r"(vals[i] * 7) : "cc");
            out("shrd", vals[i], vals[j], r, fl,
                (vals[i] & 31) == 1 ? FL_LOG : (vals[i] & 31) ? 0xc5 : FL_ALL);
        }
        {
            uint32_t r = 0x55, fl;
            __asm__ volatile("bsfl %2, %0\n\tpushf\n\tpop %1"
                             : "+r"(r), "=r"(fl) : "r"(vals[i]) : "cc");
            out("bsf", vals[i], 0, r, fl, 0x40);
            r = 0x55;
            __asm__ volatile("bsrl %2, %0\n\tpushf\n\tpop %1"
                             : "+r"(r), "=r"(fl) : "r"(vals[i]) : "cc");
            out("bsr", vals[i], 0, r, fl, 0x40);
            r = vals[i];
            __asm__ volatile("bswap %0" : "+r"(r));
            out("bswap", vals[i], 0, r, 0, 0);
            r = vals[i];
            __asm__ volatile("movsbl %b1, %0" : "=r"(r) : "q"(vals[i]));
            out("movsb", vals[i], 0, r, 0, 0);
            __asm__ volatile("movzwl %w1, %0" : "=r"(r) : "r"(vals[i]));
            out("movzw", vals[i], 0, r, 0, 0);
        }
    }
}

static void cond(void)
{
    for (unsigned i = 0; i < NV; i++) {
        for (unsigned j = 0; j < NV; j++) {
            uint32_t set = 0, a = vals[i], b = vals[j], t;
            /* every SETcc and CMOVcc after cmp, sub-byte compare, test */
            __asm__ volatile(
                "cmpl %2, %1\n\t"
                "seto %%al; shl $1, %0; or %%al, %b0\n\t"
                "setb %%al; shl $1, %0; or %%al, %b0\n\t"
                "setz %%al; shl $1, %0; or %%al, %b0\n\t"
                "cmpl %2, %1\n\t"
                "setbe %%al; shl $1, %0; or %%al, %b0\n\t"
                "cmpl %2, %1\n\t"
                "sets %%al; shl $1, %0; or %%al, %b0\n\t"
                "cmpl %2, %1\n\t"
                "setp %%al; shl $1, %0; or %%al, %b0\n\t"
                "cmpl %2, %1\n\t"
                "setl %%al; shl $1, %0; or %%al, %b0\n\t"
                "cmpl %2, %1\n\t"
                "setle %%al; shl $1, %0; or %%al, %b0\n\t"
                "cmpb %b2, %b1\n\t"
                "setl %%al; shl $1, %0; or %%al, %b0\n\t"
                "cmpw %w2, %w1\n\t"
                "setb %%al; shl $1, %0; or %%al, %b0\n\t"
                "testl %2, %1\n\t"
                "setle %%al; shl $1, %0; or %%al, %b0\n\t"
                "addl %2, %1\n\t"
                "setb %%al; shl $1, %0; or %%al, %b0\n\t"
                "seto %%al; shl $1, %0; or %%al, %b0\n\t"
                : "+&q"(set), "+&q"(a)
                : "q"(b) : "eax", "cc");
            t = vals[i];
            __asm__ volatile("cmpl %2, %1\n\tcmovgl %2, %0"
                             : "+r"(t) : "r"(vals[i]), "r"(vals[j]) : "cc");
            out("cond", vals[i], vals[j], set, 0, 0);
            out("cmov", vals[i], vals[j], t, 0, 0);
        }
    }
}

int main(void)
{
    BIN("add", "addl", "", "", "", FL_ALL);
    BIN("adc", "adcl", "", "", "", FL_ALL);
    BIN("sub", "subl", "", "", "", FL_ALL);
    BIN("sbb", "sbbl", "", "", "", FL_ALL);
    BIN("and", "andl", "", "", "", FL_LOG);
    BIN("or", "orl", "", "", "", FL_LOG);
    BIN("xor", "xorl", "", "", "", FL_LOG);
    BIN("cmp", "cmpl", "", "", "", FL_ALL);
    BIN("addw", "addw", "", "w", "w", FL_ALL);
    BIN("adcw", "adcw", "", "w", "w", FL_ALL);
    BIN("sbbw", "sbbw", "", "w", "w", FL_ALL);
    BIN("subb", "subb", "", "b", "b", FL_ALL);
    BIN("adcb", "adcb", "", "b", "b", FL_ALL);
    BIN("sbbb", "sbbb", "", "b", "b", FL_ALL);
    BIN("xorb", "xorb", "", "b", "b", FL_LOG);
    BIN("cmpw", "cmpw", "", "w", "w", FL_ALL);
    BIN("xchg", "xchgl", "", "", "", 0);
    BIN("xadd", "xaddl", "", "", "", FL_ALL);
    BIN("xaddb", "xaddb", "", "b", "b", FL_ALL);
    UN("inc", "incl", "", FL_ALL);
    UN("dec", "decl", "", FL_ALL);
    UN("incb", "incb", "b", FL_ALL);
    UN("decw", "decw", "w", FL_ALL);
    UN("neg", "negl", "", FL_ALL);
    UN("negb", "negb", "b", FL_ALL);
    UN("not", "notl", "", FL_ALL);
    UN("notw", "notw", "w", FL_ALL);
    SH("shl", "shll", "", FL_LOG, 0xc5);
    SH("shr", "shrl", "", FL_LOG, 0xc5);
    SH("sar", "sarl", "", FL_LOG, 0xc5);
    SH("shlb", "shlb", "b", FL_LOG, 0xc5);
    SH("shrw", "shrw", "w", FL_LOG, 0xc5);
    SH("sarb", "sarb", "b", FL_LOG, 0xc5);
    SH("rol", "roll", "", FL_CO, 1);
    SH("ror", "rorl", "", FL_CO, 1);
    SH("rolb", "rolb", "b", FL_CO, 1);
    SH("rorw", "rorw", "w", FL_CO, 1);
    SH("rcl", "rcll", "", FL_CO, 1);
    SH("rcr", "rcrl", "", FL_CO, 1);
    SH("rclb", "rclb", "b", FL_CO, 1);
    SH("rcrw", "rcrw", "w", FL_CO, 1);
    muldiv();
    bits();
    cond();
    printf("checksum %08lx\n", sum);
    return 0;
}

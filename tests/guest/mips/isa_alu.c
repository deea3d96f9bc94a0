/* tests/guest/mips/isa_alu.c — MIPS32r2 integer ALU instructions through
 * inline assembly over a grid of operand values: arithmetic and logic,
 * immediates, shifts and rotates, the HI/LO multiply/divide family,
 * MADD/MSUB, MUL, CLZ/CLO, EXT/INS, SEB/SEH/WSBH, MOVN/MOVZ. Each result
 * is printed, so a difference names the instruction and the operands. */
#include <stdint.h>
#include <stdio.h>

static const uint32_t vals[] = {
    0, 1, 2, 0x7fffffff, 0x80000000, 0xffffffff, 0x12345678, 0xfedcba98,
    0x0000ffff, 0x8000ffff, 31, 33,
};
#define NV (sizeof(vals) / sizeof(vals[0]))

#define RRR(name)                                                         \
    static uint32_t op_##name(uint32_t a, uint32_t b)                     \
    {                                                                     \
        uint32_t r;                                                       \
        __asm__(#name " %0, %1, %2" : "=r"(r) : "r"(a), "r"(b));          \
        return r;                                                         \
    }
RRR(addu) RRR(subu) RRR(and) RRR(or) RRR(xor) RRR(nor) RRR(slt) RRR(sltu)
RRR(mul)

#define SHV(name)                                                         \
    static uint32_t op_##name(uint32_t a, uint32_t b)                     \
    {                                                                     \
        uint32_t r;                                                       \
        __asm__(#name " %0, %1, %2" : "=r"(r) : "r"(a), "r"(b));          \
        return r;                                                         \
    }
SHV(sllv) SHV(srlv) SHV(srav) SHV(rotrv)

typedef uint32_t (*Bin)(uint32_t, uint32_t);

static void grid(const char *name, Bin f)
{
    for (unsigned i = 0; i < NV; i++) {
        for (unsigned j = 0; j < NV; j++) {
            printf("%s %08x %08x = %08x\n", name, vals[i], vals[j],
                   f(vals[i], vals[j]));
        }
    }
}

/* Shifts whose count is in rs: the value is rt. */
static void grid_shift(const char *name, Bin f)
{
    for (unsigned i = 0; i < NV; i++) {
        for (unsigned j = 0; j < NV; j++) {
            printf("%s %08x by %08x = %08x\n", name, vals[i], vals[j],
                   f(vals[i], vals[j]));
        }
    }
}

static void hilo(void)
{
    for (unsigned i = 0; i < NV; i++) {
        for (unsigned j = 0; j < NV; j++) {
            uint32_t a = vals[i], b = vals[j], hi, lo;
            __asm__("mult %2, %3\n\tmfhi %0\n\tmflo %1"
                    : "=r"(hi), "=r"(lo) : "r"(a), "r"(b) : "hi", "lo");
            printf("mult %08x %08x = %08x:%08x\n", a, b, hi, lo);
            __asm__("multu %2, %3\n\tmfhi %0\n\tmflo %1"
                    : "=r"(hi), "=r"(lo) : "r"(a), "r"(b) : "hi", "lo");
            printf("multu %08x %08x = %08x:%08x\n", a, b, hi, lo);
            if (b != 0) {
                __asm__("div $0, %2, %3\n\tmfhi %0\n\tmflo %1"
                        : "=r"(hi), "=r"(lo) : "r"(a), "r"(b) : "hi", "lo");
                printf("div %08x %08x = %08x:%08x\n", a, b, hi, lo);
                __asm__("divu $0, %2, %3\n\tmfhi %0\n\tmflo %1"
                        : "=r"(hi), "=r"(lo) : "r"(a), "r"(b) : "hi", "lo");
                printf("divu %08x %08x = %08x:%08x\n", a, b, hi, lo);
            }
            /* accumulate onto hi:lo = 0x00000001:0xfffffffe */
            static const char *const names[4] = {
                "madd", "maddu", "msub", "msubu"
            };
            for (int k = 0; k < 4; k++) {
                uint32_t h0 = 1, l0 = 0xfffffffe;
                switch (k) {
                case 0:
                    __asm__("mthi %4\n\tmtlo %5\n\tmadd %2, %3\n\tmfhi %0\n\tmflo %1"
                            : "=r"(hi), "=r"(lo)
                            : "r"(a), "r"(b), "r"(h0), "r"(l0) : "hi", "lo");
                    break;
                case 1:
                    __asm__("mthi %4\n\tmtlo %5\n\tmaddu %2, %3\n\tmfhi %0\n\tmflo %1"
                            : "=r"(hi), "=r"(lo)
                            : "r"(a), "r"(b), "r"(h0), "r"(l0) : "hi", "lo");
                    break;
                case 2:
                    __asm__("mthi %4\n\tmtlo %5\n\tmsub %2, %3\n\tmfhi %0\n\tmflo %1"
                            : "=r"(hi), "=r"(lo)
                            : "r"(a), "r"(b), "r"(h0), "r"(l0) : "hi", "lo");
                    break;
                default:
                    __asm__("mthi %4\n\tmtlo %5\n\tmsubu %2, %3\n\tmfhi %0\n\tmflo %1"
                            : "=r"(hi), "=r"(lo)
                            : "r"(a), "r"(b), "r"(h0), "r"(l0) : "hi", "lo");
                    break;
                }
                printf("%s %08x %08x = %08x:%08x\n", names[k], a, b, hi, lo);
            }
        }
    }
}

static void unary(void)
{
    for (unsigned i = 0; i < NV; i++) {
        uint32_t a = vals[i], r[8];
        __asm__("clz %0, %1" : "=r"(r[0]) : "r"(a));
        __asm__("clo %0, %1" : "=r"(r[1]) : "r"(a));
        __asm__("seb %0, %1" : "=r"(r[2]) : "r"(a));
        __asm__("seh %0, %1" : "=r"(r[3]) : "r"(a));
        __asm__("wsbh %0, %1" : "=r"(r[4]) : "r"(a));
        __asm__("ext %0, %1, 4, 12" : "=r"(r[5]) : "r"(a));
        __asm__("ext %0, %1, 31, 1" : "=r"(r[6]) : "r"(a));
        r[7] = 0x55555555;
        __asm__("ins %0, %1, 8, 16" : "+r"(r[7]) : "r"(a));
        printf("unary %08x: clz %u clo %u seb %08x seh %08x wsbh %08x "
               "ext %08x %08x ins %08x\n", a, r[0], r[1], r[2], r[3], r[4],
               r[5], r[6], r[7]);
        __asm__("sll %0, %1, 7" : "=r"(r[0]) : "r"(a));
        __asm__("srl %0, %1, 7" : "=r"(r[1]) : "r"(a));
        __asm__("sra %0, %1, 7" : "=r"(r[2]) : "r"(a));
        __asm__("rotr %0, %1, 7" : "=r"(r[3]) : "r"(a));
        __asm__("sll %0, %1, 31" : "=r"(r[4]) : "r"(a));
        __asm__("sra %0, %1, 31" : "=r"(r[5]) : "r"(a));
        __asm__("rotr %0, %1, 0" : "=r"(r[6]) : "r"(a));
        __asm__("rotr %0, %1, 31" : "=r"(r[7]) : "r"(a));
        printf("shift %08x: %08x %08x %08x %08x %08x %08x %08x %08x\n", a,
               r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7]);
        __asm__("addiu %0, %1, -32768" : "=r"(r[0]) : "r"(a));
        __asm__("slti %0, %1, -1" : "=r"(r[1]) : "r"(a));
        __asm__("sltiu %0, %1, -1" : "=r"(r[2]) : "r"(a));
        __asm__("andi %0, %1, 0x8001" : "=r"(r[3]) : "r"(a));
        __asm__("ori %0, %1, 0x8001" : "=r"(r[4]) : "r"(a));
        __asm__("xori %0, %1, 0xffff" : "=r"(r[5]) : "r"(a));
        __asm__("slti %0, %1, 32" : "=r"(r[6]) : "r"(a));
        __asm__("sltiu %0, %1, 32" : "=r"(r[7]) : "r"(a));
        printf("imm %08x: %08x %u %u %08x %08x %08x %u %u\n", a, r[0], r[1],
               r[2], r[3], r[4], r[5], r[6], r[7]);
        for (unsigned j = 0; j < NV; j++) {
            uint32_t z = 0xaaaa, n = 0xbbbb;
            __asm__("movz %0, %1, %2" : "+r"(z) : "r"(a), "r"(vals[j]));
            __asm__("movn %0, %1, %2" : "+r"(n) : "r"(a), "r"(vals[j]));
            printf("movz/movn %08x if %08x: %08x %08x\n", a, vals[j], z, n);
        }
    }
    uint32_t lui;
    __asm__("lui %0, 0x8765" : "=r"(lui));
    printf("lui %08x\n", lui);
}

/* ADD/ADDI/SUB without overflow give the wrapped-free result. */
static void checked(void)
{
    uint32_t r;
    __asm__("add %0, %1, %2" : "=r"(r) : "r"(0x7ffffff0), "r"(15));
    printf("add %08x\n", r);
    __asm__("addi %0, %1, -16" : "=r"(r) : "r"(0x80000010));
    printf("addi %08x\n", r);
    __asm__("sub %0, %1, %2" : "=r"(r) : "r"(0x80000010), "r"(16));
    printf("sub %08x\n", r);
}

int main(void)
{
    grid("addu", op_addu);
    grid("subu", op_subu);
    grid("and", op_and);
    grid("or", op_or);
    grid("xor", op_xor);
    grid("nor", op_nor);
    grid("slt", op_slt);
    grid("sltu", op_sltu);
    grid("mul", op_mul);
    grid_shift("sllv", op_sllv);
    grid_shift("srlv", op_srlv);
    grid_shift("srav", op_srav);
    grid_shift("rotrv", op_rotrv);
    hilo();
    unary();
    checked();
    return 0;
}

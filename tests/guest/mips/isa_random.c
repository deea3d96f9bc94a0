/* tests/guest/mips/isa_random.c — fixed-seed random blocks of MIPS32r2
 * integer instructions generated at run time into an executable buffer
 * (self-modifying code: the buffer is rewritten for every block), run,
 * and the registers hashed. Covers every ALU, shift, HI/LO, release 2 and
 * conditional-move encoding with random registers and immediates, and
 * forward branches of every kind (with random delay-slot instructions,
 * likely forms annulling them). Division is left out (UNPREDICTABLE by
 * zero). The hashes come from qemu-mips(el)-static. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#define NREGS 10
#define BLOCKS 4000
#define BODY 24

static const int regs[NREGS] = { 8, 9, 10, 11, 12, 13, 14, 15, 24, 25 };
static uint32_t seed = 12345;

static uint32_t rnd(void)
{
    seed = seed * 1103515245u + 12345u;
    return seed >> 8;
}

static int rreg(void)
{
    return regs[rnd() % NREGS];
}

static uint32_t r_type(int rs, int rt, int rd, int sa, int fn)
{
    return (uint32_t)rs << 21 | (uint32_t)rt << 16 | (uint32_t)rd << 11 |
           (uint32_t)sa << 6 | (uint32_t)fn;
}

static uint32_t i_type(int op, int rs, int rt, uint32_t imm)
{
    return (uint32_t)op << 26 | (uint32_t)rs << 21 | (uint32_t)rt << 16 |
           (imm & 0xffff);
}

/* One random non-branch instruction. */
static uint32_t gen_alu(void)
{
    int rs = rreg(), rt = rreg(), rd = rreg(), sa = (int)(rnd() % 32);
    static const int fns[] = { 0x21, 0x23, 0x24, 0x25, 0x26, 0x27, 0x2a,
                               0x2b, 0x04, 0x06, 0x07, 0x0a, 0x0b };
    uint32_t k = rnd() % 30;

    switch (k) {
    case 0: case 1: case 2: case 3: case 4:
        return r_type(rs, rt, rd, 0, fns[rnd() % 13]);
    case 5: return r_type(0, rt, rd, sa, 0x00);          /* sll */
    case 6: return r_type(0, rt, rd, sa, 0x02);          /* srl */
    case 7: return r_type(1, rt, rd, sa, 0x02);          /* rotr */
    case 8: return r_type(0, rt, rd, sa, 0x03);          /* sra */
    case 9: return r_type(rs, rt, rd, 1, 0x06);          /* rotrv */
    case 10: return i_type(0x09, rs, rt, rnd());         /* addiu */
    case 11: return i_type(0x0a, rs, rt, rnd());         /* slti */
    case 12: return i_type(0x0b, rs, rt, rnd());         /* sltiu */
    case 13: return i_type(0x0c + (int)(rnd() % 3), rs, rt, rnd());
    case 14: return i_type(0x0f, 0, rt, rnd());          /* lui */
    case 15: return r_type(rs, rt, 0, 0, 0x18 + (int)(rnd() % 2)); /* mult(u) */
    case 16: return 0x70000000u | r_type(rs, rt, 0, 0, (int)(rnd() % 2) +
                                         (rnd() % 2 ? 4 : 0)); /* madd.. */
    case 17: return r_type(0, 0, rd, 0, 0x10 + 2 * (int)(rnd() % 2)); /* mfhi/lo */
    case 18: return r_type(rs, 0, 0, 0, 0x11 + 2 * (int)(rnd() % 2)); /* mthi/lo */
    case 19: return 0x70000000u | r_type(rs, rt, rd, 0, 0x02);      /* mul */
    case 20: return 0x70000000u | r_type(rs, rd, rd, 0, 0x20 + (int)(rnd() % 2));
    case 21: {                                           /* ext */
        int pos = (int)(rnd() % 32), size = 1 + (int)(rnd() % (32 - pos));
        return 0x7c000000u | r_type(rs, rt, size - 1, pos, 0);
    }
    case 22: {                                           /* ins */
        int pos = (int)(rnd() % 32), size = 1 + (int)(rnd() % (32 - pos));
        return 0x7c000000u | r_type(rs, rt, pos + size - 1, pos, 4);
    }
    case 23: return 0x7c000000u | r_type(0, rt, rd, 0x10, 0x20); /* seb */
    case 24: return 0x7c000000u | r_type(0, rt, rd, 0x18, 0x20); /* seh */
    case 25: return 0x7c000000u | r_type(0, rt, rd, 0x02, 0x20); /* wsbh */
    default: return r_type(rs, rt, rd, 0, 0x21);         /* addu */
    }
}

/* A forward branch over 1..3 instructions (the block has room). */
static uint32_t gen_branch(int skip)
{
    int rs = rreg(), rt = rreg();
    uint32_t off = (uint32_t)skip;

    switch (rnd() % 12) {
    case 0: return i_type(0x04, rs, rt, off);            /* beq */
    case 1: return i_type(0x05, rs, rt, off);            /* bne */
    case 2: return i_type(0x06, rs, 0, off);             /* blez */
    case 3: return i_type(0x07, rs, 0, off);             /* bgtz */
    case 4: return i_type(0x01, rs, 0, off);             /* bltz */
    case 5: return i_type(0x01, rs, 1, off);             /* bgez */
    case 6: return i_type(0x14, rs, rt, off);            /* beql */
    case 7: return i_type(0x15, rs, rt, off);            /* bnel */
    case 8: return i_type(0x16, rs, 0, off);             /* blezl */
    case 9: return i_type(0x17, rs, 0, off);             /* bgtzl */
    case 10: return i_type(0x01, rs, 2, off);            /* bltzl */
    default: return i_type(0x01, rs, 3, off);            /* bgezl */
    }
}

int main(void)
{
    uint32_t *code = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
                          MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    uint32_t state[NREGS + 2];
    uint64_t hash = 1469598103934665603ull;

    if (code == MAP_FAILED) {
        printf("mmap failed\n");
        return 1;
    }
    for (int i = 0; i < NREGS + 2; i++) {
        state[i] = rnd() * 2654435761u;
    }
    for (int blk = 0; blk < BLOCKS; blk++) {
        int n = 0;
        /* $4 = state: load the registers and HI/LO */
        for (int i = 0; i < NREGS; i++) {
            code[n++] = i_type(0x23, 4, regs[i], (uint32_t)(4 * i));
        }
        code[n++] = i_type(0x23, 4, 2, 4 * NREGS);
        code[n++] = r_type(2, 0, 0, 0, 0x11);            /* mthi v0 */
        code[n++] = i_type(0x23, 4, 2, 4 * NREGS + 4);
        code[n++] = r_type(2, 0, 0, 0, 0x13);            /* mtlo v0 */
        for (int k = 0; k < BODY; k++) {
            if (k < BODY - 4 && rnd() % 5 == 0) {
                int skip = 1 + (int)(rnd() % 3);
                code[n++] = gen_branch(skip);
                code[n++] = gen_alu();                   /* delay slot */
                for (int j = 0; j < skip - 1; j++) {
                    code[n++] = gen_alu();
                }
                k += skip;
            } else {
                code[n++] = gen_alu();
            }
        }
        for (int i = 0; i < NREGS; i++) {
            code[n++] = i_type(0x2b, 4, regs[i], (uint32_t)(4 * i));
        }
        code[n++] = r_type(0, 0, 2, 0, 0x10);            /* mfhi v0 */
        code[n++] = i_type(0x2b, 4, 2, 4 * NREGS);
        code[n++] = r_type(0, 0, 2, 0, 0x12);            /* mflo v0 */
        code[n++] = i_type(0x2b, 4, 2, 4 * NREGS + 4);
        code[n++] = r_type(31, 0, 0, 0, 0x08);           /* jr ra */
        code[n++] = 0;                                   /* nop */
        __builtin___clear_cache((char *)code, (char *)(code + n));
        ((void (*)(uint32_t *))code)(state);
        for (int i = 0; i < NREGS + 2; i++) {
            hash = (hash ^ state[i]) * 1099511628211ull;
        }
        if (blk % 500 == 499) {
            printf("after %d blocks: %016llx\n", blk + 1,
                   (unsigned long long)hash);
        }
    }
    printf("final %016llx\n", (unsigned long long)hash);
    return 0;
}

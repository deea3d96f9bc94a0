/* tests/guest/mips/isa_branch.c — jumps and branches with their delay
 * slots: the slot runs before the target whether taken or not, it sees
 * the link register already written, a slot that changes the branch's
 * own operand does not change the decision, branch-likely annuls the slot
 * when not taken, and every condition of BEQ/BNE/BLEZ/BGTZ/BLTZ/BGEZ
 * (and their -AL and -L forms) over signed edge values. */
#include <stdint.h>
#include <stdio.h>

static const int32_t vals[] = { 0, 1, -1, 0x7fffffff, (int32_t)0x80000000, 5 };
#define NV (sizeof(vals) / sizeof(vals[0]))

/* Returns taken * 16 + slot count: the slot adds 1 to a counter. */
#define BR1(name)                                                          \
    static int br_##name(int32_t a)                                        \
    {                                                                      \
        int taken = 0, slot = 0;                                           \
        __asm__(".set push\n\t.set noreorder\n\t"                          \
                #name " %2, 1f\n\t"                                        \
                "addiu %1, %1, 1\n\t"                                      \
                "b 2f\n\t"                                                 \
                "nop\n"                                                    \
                "1:\tli %0, 1\n"                                           \
                "2:\n\t.set pop"                                           \
                : "+r"(taken), "+r"(slot) : "r"(a));                       \
        return taken * 16 + slot;                                          \
    }
BR1(blez) BR1(bgtz) BR1(bltz) BR1(bgez) BR1(blezl) BR1(bgtzl) BR1(bltzl)
BR1(bgezl)

#define BR2(name)                                                          \
    static int br_##name(int32_t a, int32_t b)                             \
    {                                                                      \
        int taken = 0, slot = 0;                                           \
        __asm__(".set push\n\t.set noreorder\n\t"                          \
                #name " %2, %3, 1f\n\t"                                    \
                "addiu %1, %1, 1\n\t"                                      \
                "b 2f\n\t"                                                 \
                "nop\n"                                                    \
                "1:\tli %0, 1\n"                                           \
                "2:\n\t.set pop"                                           \
                : "+r"(taken), "+r"(slot) : "r"(a), "r"(b));               \
        return taken * 16 + slot;                                          \
    }
BR2(beq) BR2(bne) BR2(beql) BR2(bnel)

/* The -AL forms: ra is written taken or not; returns taken * 16 + slot,
 * and whether ra pointed just past the slot. */
#define BRAL(name)                                                         \
    static int br_##name(int32_t a, int *ra_ok)                            \
    {                                                                      \
        int taken = 0, slot = 0;                                           \
        uint32_t ra, expect;                                               \
        __asm__(".set push\n\t.set noreorder\n\t"                          \
                "move $t0, $ra\n\t"                                        \
                #name " %4, 1f\n\t"                                        \
                "addiu %1, %1, 1\n\t"                                      \
                "3:\tb 2f\n\t"                                             \
                "nop\n"                                                    \
                "1:\tli %0, 1\n"                                           \
                "2:\tmove %2, $ra\n\t"                                     \
                "la %3, 3b\n\t"                                            \
                "move $ra, $t0\n\t.set pop"                                \
                : "+r"(taken), "+r"(slot), "=&r"(ra), "=&r"(expect)        \
                : "r"(a) : "t0");                                          \
        *ra_ok = ra == expect;                                             \
        return taken * 16 + slot;                                          \
    }
BRAL(bltzal) BRAL(bgezal) BRAL(bltzall) BRAL(bgezall)

/* The slot changes the register the branch compared: the decision was
 * made before. */
static int slot_changes_operand(int32_t a)
{
    int taken = 0;
    __asm__(".set push\n\t.set noreorder\n\t"
            "bnez %1, 1f\n\t"
            "li %1, 0\n\t"
            "b 2f\n\t"
            "nop\n"
            "1:\tli %0, 1\n"
            "2:\n\t.set pop"
            : "+r"(taken), "+r"(a));
    return taken;
}

/* JAL / JALR: the slot sees ra already written. */
static uint32_t jal_slot_ra(uint32_t *expect)
{
    uint32_t seen, exp;
    __asm__(".set push\n\t.set noreorder\n\t"
            "move $t1, $ra\n\t"
            "bal 1f\n\t"
            "move %0, $ra\n"
            "4:\tnop\n"
            "1:\tla %1, 4b\n\t"
            "move $ra, $t1\n\t.set pop"
            : "=&r"(seen), "=&r"(exp) : : "t1");
    *expect = exp;
    return seen;
}

static int target_fn(int x)
{
    return x * 3 + 1;
}

/* An indirect call through a register, with an argument set in the
 * slot. */
static int jalr_slot_arg(int (*f)(int), int x)
{
    int r;
    __asm__ volatile(".set push\n\t.set noreorder\n\t"
                     "move $t9, %1\n\t"
                     "jalr $t9\n\t"
                     "move $a0, %2\n\t"
                     "move %0, $v0\n\t.set pop"
                     : "=r"(r) : "r"(f), "r"(x)
                     : "a0", "a1", "a2", "a3", "v0", "v1", "t0", "t1", "t2",
                       "t3", "t4", "t5", "t6", "t7", "t8", "t9", "ra",
                       "memory");
    return r;
}

/* A loop of taken backward branches with work in the slot. */
static uint32_t loop_sum(uint32_t n)
{
    uint32_t sum = 0;
    __asm__(".set push\n\t.set noreorder\n"
            "1:\taddiu %1, %1, -1\n\t"
            "bnez %1, 1b\n\t"
            "addu %0, %0, %1\n\t.set pop"
            : "+r"(sum), "+r"(n));
    return sum;
}

/* J to a computed address in a jump table via JR. */
static int jump_table(int i)
{
    switch (i) {
    case 0: return 10;
    case 1: return 21;
    case 2: return 32;
    case 3: return 43;
    case 4: return 54;
    case 5: return 65;
    default: return -1;
    }
}

int main(void)
{
    static const struct { const char *n; int (*f)(int32_t); } one[] = {
        { "blez", br_blez }, { "bgtz", br_bgtz }, { "bltz", br_bltz },
        { "bgez", br_bgez }, { "blezl", br_blezl }, { "bgtzl", br_bgtzl },
        { "bltzl", br_bltzl }, { "bgezl", br_bgezl },
    };
    static const struct { const char *n; int (*f)(int32_t, int32_t); } two[] = {
        { "beq", br_beq }, { "bne", br_bne }, { "beql", br_beql },
        { "bnel", br_bnel },
    };
    static const struct { const char *n; int (*f)(int32_t, int *); } al[] = {
        { "bltzal", br_bltzal }, { "bgezal", br_bgezal },
        { "bltzall", br_bltzall }, { "bgezall", br_bgezall },
    };
    uint32_t expect, seen;

    for (unsigned k = 0; k < sizeof(one) / sizeof(one[0]); k++) {
        printf("%-8s", one[k].n);
        for (unsigned i = 0; i < NV; i++) {
            printf(" %02x", one[k].f(vals[i]));
        }
        printf("\n");
    }
    for (unsigned k = 0; k < sizeof(two) / sizeof(two[0]); k++) {
        printf("%-8s", two[k].n);
        for (unsigned i = 0; i < NV; i++) {
            for (unsigned j = 0; j < NV; j++) {
                printf(" %02x", two[k].f(vals[i], vals[j]));
            }
        }
        printf("\n");
    }
    for (unsigned k = 0; k < sizeof(al) / sizeof(al[0]); k++) {
        printf("%-8s", al[k].n);
        for (unsigned i = 0; i < NV; i++) {
            int ok;
            int r = al[k].f(vals[i], &ok);
            printf(" %02x%s", r, ok ? "" : "(bad ra)");
        }
        printf("\n");
    }
    printf("slot changes operand: %d %d\n", slot_changes_operand(1),
           slot_changes_operand(0));
    seen = jal_slot_ra(&expect);
    printf("bal: slot sees ra %s\n", seen == expect ? "= return address"
                                                     : "stale");
    printf("jalr with slot argument: %d\n", jalr_slot_arg(target_fn, 7));
    printf("loop sum: %u\n", loop_sum(100));
    for (int i = 0; i < 7; i++) {
        printf("table %d -> %d\n", i, jump_table(i));
    }
    return 0;
}

/* bench/guest/vm.c — branchy interpreter-like benchmark: a small register
 * bytecode VM (switch dispatch, 16 registers, call stack) running a sieve of
 * Eratosthenes and Collatz chain lengths, `size` times over. */
#include <string.h>
#include "common.h"

enum VmOp {
    VM_HALT, VM_LI, VM_MOV, VM_ADD, VM_SUB, VM_MUL, VM_AND, VM_XOR, VM_SHR,
    VM_ADDI, VM_LD, VM_ST, VM_JMP, VM_JZ, VM_JNZ, VM_JLT, VM_CALL, VM_RET,
};

enum {
    VM_MEM_WORDS = 8192,
    VM_CODE_WORDS = 512,
    VM_STACK_DEPTH = 64,
    VM_SIEVE_N = 8192,
    VM_COLLATZ_N = 3000,
};

typedef struct {
    uint32_t code[VM_CODE_WORDS];
    uint32_t len;
} VmAsm;

/* one instruction word: op | a << 8 | b << 16 | c << 24 */
static uint32_t vm_emit(VmAsm *as, enum VmOp op, uint32_t a, uint32_t b,
                        uint32_t c)
{
    uint32_t at = as->len;
    as->code[as->len++] = (uint32_t)op | a << 8 | b << 16 | (c & 0xff) << 24;
    return at;
}

/* an instruction followed by a word operand (immediate or target) */
static uint32_t vm_emit_w(VmAsm *as, enum VmOp op, uint32_t a, uint32_t b,
                          uint32_t word)
{
    uint32_t at = vm_emit(as, op, a, b, 0);
    as->code[as->len++] = word;
    return at;
}

/* patch the word operand of a forward branch emitted at `at` */
static void vm_patch(VmAsm *as, uint32_t at, uint32_t target)
{
    as->code[at + 1] = target;
}

/* registers: r0 stays 0; r13, r14 results; r15 outer counter */
static void vm_build(VmAsm *as)
{
    as->len = 0;
    uint32_t outer = as->len;

    /* sieve: mem[0..N) = 0, then mark composites, count primes in r5 */
    vm_emit_w(as, VM_LI, 2, 0, VM_SIEVE_N);
    vm_emit_w(as, VM_LI, 3, 0, 0);
    uint32_t clr = as->len;
    vm_emit(as, VM_ST, 0, 3, 0);
    vm_emit(as, VM_ADDI, 3, 3, 1);
    vm_emit_w(as, VM_JLT, 3, 2, clr);
    vm_emit_w(as, VM_LI, 1, 0, 2);
    vm_emit_w(as, VM_LI, 5, 0, 0);
    vm_emit_w(as, VM_LI, 7, 0, 1);
    uint32_t loop_i = as->len;
    vm_emit(as, VM_LD, 4, 1, 0);
    uint32_t skip = vm_emit_w(as, VM_JNZ, 4, 0, 0);
    vm_emit(as, VM_ADDI, 5, 5, 1);
    vm_emit(as, VM_MUL, 6, 1, 1);
    uint32_t in_range = vm_emit_w(as, VM_JLT, 6, 2, 0);
    uint32_t past = vm_emit_w(as, VM_JMP, 0, 0, 0);
    uint32_t mark = as->len;
    vm_patch(as, in_range, mark);
    vm_emit(as, VM_ST, 7, 6, 0);
    vm_emit(as, VM_ADD, 6, 6, 1);
    vm_emit_w(as, VM_JLT, 6, 2, mark);
    uint32_t next_i = as->len;
    vm_patch(as, skip, next_i);
    vm_patch(as, past, next_i);
    vm_emit(as, VM_ADDI, 1, 1, 1);
    vm_emit_w(as, VM_JLT, 1, 2, loop_i);
    vm_emit(as, VM_ADD, 14, 14, 5);

    /* Collatz chain length of every n in [1, N], mixed into r13 by a call */
    vm_emit_w(as, VM_LI, 1, 0, 1);
    vm_emit_w(as, VM_LI, 2, 0, VM_COLLATZ_N + 1);
    vm_emit_w(as, VM_LI, 6, 0, 1);
    uint32_t call_mix = 0;
    uint32_t next_n = as->len;
    vm_emit(as, VM_MOV, 3, 1, 0);
    vm_emit_w(as, VM_LI, 4, 0, 0);
    uint32_t step = as->len;
    vm_emit(as, VM_SUB, 7, 3, 6);
    uint32_t done = vm_emit_w(as, VM_JZ, 7, 0, 0);
    vm_emit(as, VM_AND, 7, 3, 6);
    uint32_t even = vm_emit_w(as, VM_JZ, 7, 0, 0);
    vm_emit(as, VM_ADD, 8, 3, 3);
    vm_emit(as, VM_ADD, 3, 8, 3);
    vm_emit(as, VM_ADDI, 3, 3, 1);
    uint32_t counted = vm_emit_w(as, VM_JMP, 0, 0, 0);
    vm_patch(as, even, as->len);
    vm_emit(as, VM_SHR, 3, 3, 6);
    vm_patch(as, counted, as->len);
    vm_emit(as, VM_ADDI, 4, 4, 1);
    vm_emit_w(as, VM_JMP, 0, 0, step);
    vm_patch(as, done, as->len);
    call_mix = vm_emit_w(as, VM_CALL, 0, 0, 0);
    vm_emit(as, VM_ADDI, 1, 1, 1);
    vm_emit_w(as, VM_JLT, 1, 2, next_n);

    /* outer loop, then halt */
    vm_emit(as, VM_ADDI, 15, 15, 0xff); /* c is a signed byte: -1 */
    vm_emit_w(as, VM_JNZ, 15, 0, outer);
    vm_emit(as, VM_HALT, 0, 0, 0);

    /* mix: r13 = (r13 * 31) ^ r4 */
    vm_patch(as, call_mix, as->len);
    vm_emit_w(as, VM_LI, 9, 0, 31);
    vm_emit(as, VM_MUL, 13, 13, 9);
    vm_emit(as, VM_XOR, 13, 13, 4);
    vm_emit(as, VM_RET, 0, 0, 0);
}

/* runs code from pc 0 with the given registers; returns the count of
 * executed instructions, or 0 on a fault (bad address or stack) */
static uint64_t vm_run(const uint32_t *code, uint32_t *mem, uint32_t reg[16])
{
    uint32_t stack[VM_STACK_DEPTH];
    uint32_t sp = 0, pc = 0;
    uint64_t count = 0;
    for (;;) {
        uint32_t insn = code[pc];
        uint32_t a = (insn >> 8) & 0xff, b = (insn >> 16) & 0xff;
        uint32_t c = insn >> 24;
        count++;
        switch ((enum VmOp)(insn & 0xff)) {
        case VM_HALT:
            return count;
        case VM_LI:
            reg[a] = code[pc + 1];
            pc += 2;
            break;
        case VM_MOV:
            reg[a] = reg[b];
            pc++;
            break;
        case VM_ADD:
            reg[a] = reg[b] + reg[c];
            pc++;
            break;
        case VM_SUB:
            reg[a] = reg[b] - reg[c];
            pc++;
            break;
        case VM_MUL:
            reg[a] = reg[b] * reg[c];
            pc++;
            break;
        case VM_AND:
            reg[a] = reg[b] & reg[c];
            pc++;
            break;
        case VM_XOR:
            reg[a] = reg[b] ^ reg[c];
            pc++;
            break;
        case VM_SHR:
            reg[a] = reg[b] >> (reg[c] & 31);
            pc++;
            break;
        case VM_ADDI:
            reg[a] = reg[b] + (uint32_t)(int32_t)(int8_t)c;
            pc++;
            break;
        case VM_LD:
            if (reg[b] >= VM_MEM_WORDS) {
                return 0;
            }
            reg[a] = mem[reg[b]];
            pc++;
            break;
        case VM_ST:
            if (reg[b] >= VM_MEM_WORDS) {
                return 0;
            }
            mem[reg[b]] = reg[a];
            pc++;
            break;
        case VM_JMP:
            pc = code[pc + 1];
            break;
        case VM_JZ:
            pc = reg[a] == 0 ? code[pc + 1] : pc + 2;
            break;
        case VM_JNZ:
            pc = reg[a] != 0 ? code[pc + 1] : pc + 2;
            break;
        case VM_JLT:
            pc = reg[a] < reg[b] ? code[pc + 1] : pc + 2;
            break;
        case VM_CALL:
            if (sp == VM_STACK_DEPTH) {
                return 0;
            }
            stack[sp++] = pc + 2;
            pc = code[pc + 1];
            break;
        case VM_RET:
            if (sp == 0) {
                return 0;
            }
            pc = stack[--sp];
            break;
        default:
            return 0;
        }
        reg[0] = 0;
    }
}

int main(int argc, char **argv)
{
    long reps = bench_size_arg(argc, argv, 200);
    static VmAsm as;
    static uint32_t mem[VM_MEM_WORDS];
    vm_build(&as);
    uint32_t reg[16];
    memset(reg, 0, sizeof(reg));
    reg[15] = (uint32_t)reps;
    uint64_t count = vm_run(as.code, mem, reg);
    if (count == 0) {
        printf("vm: fault\n");
        return 1;
    }
    printf("vm %ld reps, %llu instructions, primes %u, collatz mix %08x\n",
           reps, (unsigned long long)count, (unsigned)reg[14],
           (unsigned)reg[13]);
    return 0;
}

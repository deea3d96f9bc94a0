/* backend/interp/interp_exec.c — the interpreter's run loop: executes the
 * programs interp.c compiles (format in interp.h), following chained
 * goto_tb slots and exit_lookup hits from block to block in a loop.
 *
 * A guest fault or a helper's cpu_loop_exit() leaves by siglongjmp: the
 * loop holds no lock and no heap memory, and cpu->interp_insn_pc/extra
 * always name the instruction running, so the state can be restored.
 */
#include "interp.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/ir.h"
#include "core/tb.h"

/* The destination of goto_tb slot n when chained to a valid block. */
static TransBlock *interp_chained(TransBlock *tb, unsigned n)
{
    TransBlock *d = atomic_load_explicit(&tb->jmp_dest[n],
                                         memory_order_acquire);
    if (d && !atomic_load_explicit(&d->invalid, memory_order_acquire)) {
        return d;
    }
    return NULL;
}

static uint64_t interp_imm64(const uint32_t *ip)
{
    return (uint64_t)ip[0] | ((uint64_t)ip[1] << 32);
}

/* Runs one block. Returns true with *tbp set to the next block to run, or
 * false with *ret set to the exit value. */
static bool interp_run(CpuCommon *cpu, TransBlock **tbp, uintptr_t *ret)
{
    TransBlock *tb = *tbp;
    uint8_t *prog_bytes = (uint8_t *)(uintptr_t)tb->code;
    InterpProg prog;
    memcpy(&prog, prog_bytes, sizeof(prog));
    uint64_t frame[prog.nslots];
    uint8_t *const bases[4] = { (uint8_t *)frame, (uint8_t *)cpu, prog_bytes,
                                NULL };
    const uint32_t *code = (const uint32_t *)(prog_bytes + prog.code_off);
    const uint32_t *ip = code;
    uintptr_t env = (uintptr_t)cpu;

    memcpy(frame, &env, sizeof(env));
    for (;;) {
        const uint32_t *op = ip;
        uint32_t h = *ip++;
        unsigned opc = h & INTERP_OPC_MASK;
        bool is64 = (h & INTERP_HDR_I64) != 0;
        unsigned aux = h >> INTERP_AUX_SHIFT;
        unsigned w = is64 ? 64 : 32;

        switch (opc) {
        /* Frequent ops inline; interp_wr truncates i32 results. */
        case IR_MOV:
            interp_wr(bases, ip[0], interp_rd(bases, ip[1]));
            ip += 2;
            break;
        case IR_ADD:
            interp_wr(bases, ip[0],
                      interp_rd(bases, ip[1]) + interp_rd(bases, ip[2]));
            ip += 3;
            break;
        case IR_SUB:
            interp_wr(bases, ip[0],
                      interp_rd(bases, ip[1]) - interp_rd(bases, ip[2]));
            ip += 3;
            break;
        case IR_AND:
            interp_wr(bases, ip[0],
                      interp_rd(bases, ip[1]) & interp_rd(bases, ip[2]));
            ip += 3;
            break;
        case IR_OR:
            interp_wr(bases, ip[0],
                      interp_rd(bases, ip[1]) | interp_rd(bases, ip[2]));
            ip += 3;
            break;
        case IR_XOR:
            interp_wr(bases, ip[0],
                      interp_rd(bases, ip[1]) ^ interp_rd(bases, ip[2]));
            ip += 3;
            break;
        case IR_SHL:
            interp_wr(bases, ip[0], interp_rd(bases, ip[1])
                                        << (interp_rd(bases, ip[2]) & (w - 1)));
            ip += 3;
            break;
        case IR_SHR:
            interp_wr(bases, ip[0], interp_rd(bases, ip[1]) >>
                                        (interp_rd(bases, ip[2]) & (w - 1)));
            ip += 3;
            break;

        case IR_MUL: case IR_ANDC: case IR_ORC: case IR_SAR:
        case IR_ROTL: case IR_ROTR:
        case IR_DIVS: case IR_DIVU: case IR_REMS: case IR_REMU:
            interp_wr(bases, ip[0],
                      interp_alu(opc, is64, interp_rd(bases, ip[1]),
                                 interp_rd(bases, ip[2])));
            ip += 3;
            break;

        case IR_NEG: case IR_NOT:
        case IR_EXT8S: case IR_EXT8U: case IR_EXT16S: case IR_EXT16U:
        case IR_EXT32S: case IR_EXT32U:
        case IR_EXTU_I32_I64: case IR_EXTS_I32_I64:
        case IR_EXTRL_I64_I32: case IR_EXTRH_I64_I32:
        case IR_BSWAP16: case IR_BSWAP32: case IR_BSWAP64:
        case IR_CLZ: case IR_CTZ: case IR_POPCNT:
            interp_wr(bases, ip[0],
                      interp_alu(opc, is64, interp_rd(bases, ip[1]), 0));
            ip += 2;
            break;

        case IR_MULU2:
        case IR_MULS2: {
            uint64_t lo, hi;
            interp_mul2(opc == IR_MULS2, is64, interp_rd(bases, ip[2]),
                        interp_rd(bases, ip[3]), &lo, &hi);
            interp_wr(bases, ip[0], lo);
            interp_wr(bases, ip[1], hi);
            ip += 4;
            break;
        }
        case IR_ADD2:
        case IR_SUB2: {
            uint64_t lo, hi;
            interp_addsub2(opc == IR_SUB2, is64, interp_rd(bases, ip[2]),
                           interp_rd(bases, ip[3]), interp_rd(bases, ip[4]),
                           interp_rd(bases, ip[5]), &lo, &hi);
            interp_wr(bases, ip[0], lo);
            interp_wr(bases, ip[1], hi);
            ip += 6;
            break;
        }

        case IR_EXTRACT:
        case IR_SEXTRACT:
            interp_wr(bases, ip[0],
                      interp_extract(opc == IR_SEXTRACT, is64,
                                     interp_rd(bases, ip[1]), aux & 0xff,
                                     aux >> 8));
            ip += 2;
            break;
        case IR_DEPOSIT:
            interp_wr(bases, ip[0],
                      interp_deposit(is64, interp_rd(bases, ip[1]),
                                     interp_rd(bases, ip[2]), aux & 0xff,
                                     aux >> 8));
            ip += 3;
            break;

        case IR_SETCOND:
            interp_wr(bases, ip[0],
                      interp_cond(aux, is64, interp_rd(bases, ip[1]),
                                  interp_rd(bases, ip[2])));
            ip += 3;
            break;
        case IR_MOVCOND: {
            bool c = interp_cond(aux, is64, interp_rd(bases, ip[1]),
                                 interp_rd(bases, ip[2]));
            interp_wr(bases, ip[0], interp_rd(bases, ip[c ? 3 : 4]));
            ip += 5;
            break;
        }

        case IR_BR:
            ip = code + ip[0];
            break;
        case IR_BRCOND:
            if (interp_cond(aux, is64, interp_rd(bases, ip[0]),
                            interp_rd(bases, ip[1]))) {
                ip = code + ip[2];
            } else {
                ip += 3;
            }
            break;

        case IR_LD8U: case IR_LD8S: case IR_LD16U: case IR_LD16S:
        case IR_LD32U: case IR_LD32S: case IR_LD: {
            const uint8_t *p = (const uint8_t *)(uintptr_t)
                interp_rd(bases, ip[1]) + (int32_t)ip[2];
            uint64_t v;
            if (opc == IR_LD8U || opc == IR_LD8S) {
                v = opc == IR_LD8S ? (uint64_t)(int64_t)(int8_t)p[0] : p[0];
            } else if (opc == IR_LD16U || opc == IR_LD16S) {
                uint16_t x;
                memcpy(&x, p, 2);
                v = opc == IR_LD16S ? (uint64_t)(int64_t)(int16_t)x : x;
            } else if (opc == IR_LD32U || opc == IR_LD32S || !is64) {
                uint32_t x;
                memcpy(&x, p, 4);
                v = opc == IR_LD32S ? (uint64_t)(int64_t)(int32_t)x : x;
            } else {
                memcpy(&v, p, 8);
            }
            interp_wr(bases, ip[0], v);
            ip += 3;
            break;
        }
        case IR_ST8: case IR_ST16: case IR_ST32: case IR_ST: {
            uint8_t *p = (uint8_t *)(uintptr_t)interp_rd(bases, ip[1]) +
                         (int32_t)ip[2];
            uint64_t v = interp_rd(bases, ip[0]);
            if (opc == IR_ST8) {
                p[0] = (uint8_t)v;
            } else if (opc == IR_ST16) {
                uint16_t x = (uint16_t)v;
                memcpy(p, &x, 2);
            } else if (opc == IR_ST32 || !is64) {
                uint32_t x = (uint32_t)v;
                memcpy(p, &x, 4);
            } else {
                memcpy(p, &v, 8);
            }
            ip += 3;
            break;
        }

        case IR_GUEST_LD:
            interp_wr(bases, ip[0],
                      interp_guest_ld(cpu, interp_rd(bases, ip[1]), aux, op));
            ip += 2;
            break;
        case IR_GUEST_ST:
            interp_guest_st(cpu, interp_rd(bases, ip[1]),
                            interp_rd(bases, ip[0]), aux, op);
            ip += 2;
            break;
        case IR_ATOMIC_CMPXCHG:
            interp_wr(bases, ip[0],
                      interp_atomic(cpu, opc, interp_rd(bases, ip[1]),
                                    interp_rd(bases, ip[2]),
                                    interp_rd(bases, ip[3]), aux, op));
            ip += 4;
            break;
        case IR_ATOMIC_XCHG: case IR_ATOMIC_FETCH_ADD:
        case IR_ATOMIC_FETCH_AND: case IR_ATOMIC_FETCH_OR:
        case IR_ATOMIC_FETCH_XOR:
            interp_wr(bases, ip[0],
                      interp_atomic(cpu, opc, interp_rd(bases, ip[1]),
                                    interp_rd(bases, ip[2]), 0, aux, op));
            ip += 3;
            break;
        case IR_MB:
            __atomic_thread_fence(__ATOMIC_SEQ_CST);
            break;

        case IR_CALL: {
            unsigned nin = aux & 0xff, nout = (aux >> 8) & 3;
            const uint32_t *a = ip + nout;
            const InterpCall *c = (const InterpCall *)(prog_bytes + a[nin]);
            uint64_t args[IR_MAX_CALL_ARGS];
            uint64_t r;
            if (aux & INTERP_CALL_SPLIT) {
                for (unsigned i = 0, j = 0; i < c->nargs; i++) {
                    args[i] = interp_rd(bases, a[j++]);
                    if (c->args[i] == IR_HT_I64) {
                        args[i] |= interp_rd(bases, a[j++]) << 32;
                    }
                }
            } else {
                for (unsigned i = 0; i < nin; i++) {
                    args[i] = interp_rd(bases, a[i]);
                }
            }
            r = interp_call(c, args);
            if (nout) {
                interp_wr(bases, ip[0], r);
            }
            if (nout == 2) {
                interp_wr(bases, ip[1], r >> 32);
            }
            ip = a + nin + 1;
            break;
        }

        case IR_INSN_START:
            cpu->interp_insn_pc = interp_imm64(ip);
            cpu->interp_insn_extra = interp_imm64(ip + 2);
            ip += 4;
            break;
        case IR_GOTO_TB: {
            TransBlock *d = interp_chained(tb, aux);
            if (d) {
                *tbp = d;
                return true;
            }
            break;
        }
        case IR_EXIT_TB:
            *ret = (uintptr_t)interp_imm64(ip);
            return false;
        case IR_EXIT_LOOKUP: {
            TransBlock *d = tb_lookup_current(cpu);
            if (d) {
                *tbp = d;
                return true;
            }
            *ret = TB_EXIT_NOCHAIN;
            return false;
        }

        default:
            fprintf(stderr, "emu: interp: block at guest pc 0x%llx ran off "
                    "its end or holds op %u\n", (unsigned long long)tb->pc,
                    opc);
            abort();
        }
    }
}

uintptr_t interp_exec(CpuCommon *cpu, TransBlock *tb)
{
    uintptr_t ret;

    /* exit_request is checked by the micro-ops translate.c puts at the
     * start of every block, so chained loops stop too. */
    cpu->in_interp = true;
    while (interp_run(cpu, &tb, &ret)) {
    }
    cpu->in_interp = false;
    return ret;
}

/* tools/emu-ir-demo.c — quick-start demo of the translator core until a
 * guest frontend exists: a hand-built micro-op program (CRC-32 of a string
 * in guest memory) dumped before and after the optimizer, then run on the
 * JIT and on the interpreter, whose results must agree.
 * Usage: emu-ir-demo [-q] [string]
 */
#include <inttypes.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/backend.h"
#include "core/codebuf.h"
#include "core/exec.h"
#include "core/helper.h"
#include "core/ir.h"

/* The demo's guest state: CpuCommon first, then three "registers". */
typedef struct DemoState {
    CpuCommon common;
    uint32_t crc;           /* global: the running CRC */
    uint32_t ptr;           /* global: guest address of the next byte */
    uint32_t left;          /* global: bytes left */
    uint32_t steps;         /* not a global: counted by the helper */
    uint64_t log;           /* not a global: hash of every step */
    const char *who;        /* which backend runs, for the trace */
    bool quiet;
} DemoState;

enum {
    DEMO_STRING_ADDR = 0x100,
    DEMO_MEM_SIZE = 0x10000,
    DEMO_EXIT_VALUE = 0x5a,
};

/* Called once per byte by the generated code: prints the step. Reads and
 * writes no global, but has a side effect, so it is never dropped. */
static void demo_helper_step(void *env, uint32_t byte, uint32_t crc)
{
    DemoState *s = env;
    s->steps++;
    s->log = (s->log ^ (((uint64_t)byte << 32) | crc)) * 0x100000001b3ull;
    if (!s->quiet) {
        printf("  [%-6s] step %2u: byte 0x%02x '%c'  crc 0x%08" PRIx32 "\n",
               s->who, s->steps, byte,
               byte >= 0x20 && byte < 0x7f ? (int)byte : '.', ~crc);
    }
}

static const IrHelper demo_helper_step_desc =
    IR_HELPER(demo_helper_step, IR_HF_NO_READ_GLOBALS | IR_HF_NO_WRITE_GLOBALS,
              IR_HT_VOID, IR_HT_PTR, IR_HT_I32, IR_HT_I32);

/* The program: reflected CRC-32 (polynomial 0xEDB88320), a byte loop
 * around an unrolled-by-nothing bit loop, as a frontend would emit it. */
static void demo_build(IrBlock *b)
{
    IrTemp crc = ir_global(b, IR_I32, offsetof(DemoState, crc), "crc");
    IrTemp ptr = ir_global(b, IR_I32, offsetof(DemoState, ptr), "ptr");
    IrTemp left = ir_global(b, IR_I32, offsetof(DemoState, left), "left");
    uint32_t l_byte = ir_new_label(b);
    uint32_t l_bit = ir_new_label(b);
    uint32_t l_done = ir_new_label(b);

    ir_insn_start(b, 0x1000, 0);
    ir_movi(b, crc, 0xffffffff);
    ir_brcondi(b, IR_COND_EQ, left, 0, l_done);

    ir_set_label(b, l_byte);
    ir_insn_start(b, 0x1004, 0);
    IrTemp byte = ir_temp_local(b, IR_I32);
    ir_guest_ld(b, byte, ptr, IR_MO_8);
    ir_xor(b, crc, crc, byte);
    IrTemp bits = ir_temp_local(b, IR_I32);
    ir_movi(b, bits, 8);

    ir_set_label(b, l_bit);
    ir_insn_start(b, 0x1008, 0);
    IrTemp mask = ir_temp_new(b, IR_I32);
    ir_andi(b, mask, crc, 1);
    ir_neg(b, mask, mask);
    ir_andi(b, mask, mask, 0xedb88320);
    ir_shri(b, crc, crc, 1);
    ir_xor(b, crc, crc, mask);
    ir_subi(b, bits, bits, 1);
    ir_brcondi(b, IR_COND_NE, bits, 0, l_bit);

    ir_insn_start(b, 0x100c, 0);
    IrTemp args[3] = { IR_ENV, byte, crc };
    ir_call(b, &demo_helper_step_desc, IR_NO_TEMP, 3, args);
    ir_addi(b, ptr, ptr, 1);
    ir_subi(b, left, left, 1);
    ir_brcondi(b, IR_COND_NE, left, 0, l_byte);

    ir_set_label(b, l_done);
    ir_insn_start(b, 0x1010, 0);
    ir_not(b, crc, crc);
    ir_exit_tb(b, DEMO_EXIT_VALUE);
}

typedef struct DemoResult {
    uintptr_t exit;
    uint32_t crc, ptr, left, steps;
    uint64_t log;
} DemoResult;

/* Builds, optimizes, generates and runs the program on `be`. False when
 * the backend fails. */
static bool demo_run(const HostBackend *be, const char *text, bool quiet,
                     DemoResult *out)
{
    CodeBuf cb;
    if (!codebuf_init(&cb, 1 << 20)) {
        perror("emu-ir-demo: code buffer");
        return false;
    }
    if (be->init && !be->init(&cb)) {
        fprintf(stderr, "emu-ir-demo: %s: prologue does not fit\n", be->name);
        codebuf_destroy(&cb);
        return false;
    }
    IrBlock *b = ir_block_new();
    demo_build(b);
    ir_optimize(b);

    TransBlock *tb = calloc(1, sizeof(*tb));
    uint8_t *mem = calloc(1, DEMO_MEM_SIZE);
    DemoState *st = calloc(1, sizeof(*st));
    if (!tb || !mem || !st) {
        fprintf(stderr, "emu-ir-demo: out of memory\n");
        exit(1);
    }
    tb->pc = 0x1000;
    tb->page_addr[1] = UINT64_MAX;
    bool ok = be->gen_code(b, tb, &cb);
    if (!ok) {
        fprintf(stderr, "emu-ir-demo: %s: code generation failed\n",
                be->name);
    } else {
        size_t len = strlen(text);
        if (len > DEMO_MEM_SIZE - DEMO_STRING_ADDR) {
            len = DEMO_MEM_SIZE - DEMO_STRING_ADDR;
        }
        memcpy(mem + DEMO_STRING_ADDR, text, len);
        st->common.guest_base = (uintptr_t)mem;
        st->ptr = DEMO_STRING_ADDR;
        st->left = (uint32_t)len;
        st->who = be->name;
        st->quiet = quiet;
        printf("running on %s (%u bytes of %s):\n", be->name, tb->code_size,
               be->jit ? "host code" : "interpreter program");
        out->exit = be->exec(&st->common, tb);
        out->crc = st->crc;
        out->ptr = st->ptr;
        out->left = st->left;
        out->steps = st->steps;
        out->log = st->log;
        printf("  %s: crc32 0x%08" PRIx32 ", exit 0x%" PRIxPTR ", %u steps\n",
               be->name, out->crc, out->exit, out->steps);
    }
    free(st);
    free(mem);
    free(tb);
    ir_block_free(b);
    codebuf_destroy(&cb);
    return ok;
}

/* The same CRC in plain C, to show the translated code is right too. */
static uint32_t demo_crc32(const char *s, size_t len)
{
    uint32_t crc = 0xffffffff;
    for (size_t i = 0; i < len; i++) {
        crc ^= (uint8_t)s[i];
        for (int k = 0; k < 8; k++) {
            crc = (crc >> 1) ^ (0xedb88320u & -(crc & 1));
        }
    }
    return ~crc;
}

int main(int argc, char **argv)
{
    const char *text = "The quick brown fox jumps over the lazy dog";
    bool quiet = false;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-q")) {
            quiet = true;
        } else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            printf("usage: %s [-q] [string]\n"
                   "Builds a CRC-32 micro-op program, prints it before and "
                   "after the optimizer,\nruns it on the JIT and on the "
                   "interpreter and checks they agree.\n", argv[0]);
            return 0;
        } else if (argv[i][0] == '-') {
            fprintf(stderr, "emu-ir-demo: unknown option %s (try -h)\n",
                    argv[i]);
            return 1;
        } else {
            text = argv[i];
        }
    }

    IrBlock *b = ir_block_new();
    demo_build(b);
    char err[256];
    if (!ir_validate(b, err, sizeof(err))) {
        fprintf(stderr, "emu-ir-demo: invalid program: %s\n", err);
        return 1;
    }
    printf("CRC-32 of \"%s\" in micro-ops.\n\n-d op (%u ops):\n", text,
           ir_count_ops(b));
    ir_dump(b, stdout);
    ir_optimize(b);
    printf("\n-d op_opt (%u ops):\n", ir_count_ops(b));
    ir_dump(b, stdout);
    ir_block_free(b);
    printf("\n");

    const HostBackend *jit = NULL;
#ifdef EMU_HOST_X86_64
    jit = &backend_x86_64;
#endif
    DemoResult ri, rj;
    if (!demo_run(&backend_interp, text, quiet, &ri)) {
        return 1;
    }
    uint32_t want = demo_crc32(text, strlen(text));
    printf("native C: crc32 0x%08" PRIx32 "\n", want);
    if (ri.crc != want || ri.exit != DEMO_EXIT_VALUE) {
        printf("the interpreter's result is wrong\n");
        return 1;
    }
    if (!jit) {
        printf("no JIT backend on this host; the interpreter is right\n");
        return 0;
    }
    if (!demo_run(jit, text, quiet, &rj)) {
        return 1;
    }
    if (ri.exit != rj.exit || ri.crc != rj.crc || ri.ptr != rj.ptr ||
        ri.left != rj.left || ri.steps != rj.steps || ri.log != rj.log) {
        printf("JIT and interpreter DISAGREE\n");
        return 1;
    }
    printf("JIT and interpreter agree\n");
    return 0;
}

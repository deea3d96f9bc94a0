/* tests/diff/i386/diff_i386.c — the guest side of the i386 differential
 * test: generates random instruction sequences (gen.c), runs each on the
 * CPU it finds itself on (the host natively, or emu-i386) and prints the
 * final registers, EFLAGS (undefined bits masked), a hash of the
 * memory it could touch and the x87/MMX/SSE state (FXSAVE image: control,
 * status and tag words, MXCSR, a hash of ST0-7 and XMM0-7), one line per
 * case. run-diff.sh compares the
 * native run with emu's.
 *
 * usage: diff-i386 [--seed N] [--count N] [--first N] [--only N]
 *                  [--disable fam,fam] [--list-families]
 *   --only N   one case, verbose: input state, code listing, output
 *              state and a memory dump (a reproducer for a mismatch)
 *   --disable F,F / --enable F,F  leave families out / use only these
 *   --units K  only the first K instructions of each case (to find the
 *              one that makes a mismatch)
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "gen.h"

static const char *const reg_names[8] = {
    "eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi",
};

static void *map_fixed(uint32_t addr, uint32_t size, int prot)
{
    void *p = mmap((void *)(uintptr_t)addr, size, prot,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);

    if (p == MAP_FAILED || p != (void *)(uintptr_t)addr) {
        fprintf(stderr, "diff-i386: cannot map 0x%08x: %s\n", addr,
                strerror(errno));
        exit(2);
    }
    return p;
}

static uint32_t fnv(const uint8_t *p, size_t n, uint32_t h)
{
    for (size_t i = 0; i < n; i++) {
        h = (h ^ p[i]) * 16777619u;
    }
    return h;
}

static void dump_regs(FILE *out, const char *what, const DiffRegs *r,
                      uint32_t flmask)
{
    fprintf(out, "  %s:", what);
    for (int i = 0; i < 8; i++) {
        if (i == 4) {
            fprintf(out, " esp=top%+d", (int32_t)(r->r[4] - DIFF_STACK_TOP));
        } else {
            fprintf(out, " %s=%08" PRIx32, reg_names[i], r->r[i]);
        }
    }
    fprintf(out, " eflags=%08" PRIx32 "\n", r->eflags & flmask);
}

static void dump_mem(FILE *out, const char *what, const uint8_t *p,
                     uint32_t addr, uint32_t n)
{
    fprintf(out, "  %s:\n", what);
    for (uint32_t i = 0; i < n; i += 32) {
        fprintf(out, "    %08" PRIx32 ":", addr + i);
        for (uint32_t j = i; j < i + 32 && j < n; j++) {
            fprintf(out, "%s%02x", (j & 3) ? "" : " ", p[j]);
        }
        fprintf(out, "\n");
    }
}

static uint32_t get_le(const uint8_t *p, unsigned n)
{
    uint32_t v = 0;

    for (unsigned i = n; i-- > 0;) {
        v = v << 8 | p[i];
    }
    return v;
}

/* The compared part of an FXSAVE image: FCW, FSW (TOP, C0-C3, flags),
 * the abridged tag word, MXCSR, ST0-7 as 80-bit patterns and XMM0-7.
 * Not compared: FOP/FIP/FCS/FDP/FDS (the host shows its own selectors,
 * and AMD CPUs store zero pointers while no exception is pending),
 * MXCSR_MASK and the reserved bytes. */
static void dump_fx(FILE *out, const char *what, const uint8_t *fx)
{
    fprintf(out, "  %s: fcw=%04" PRIx32 " fsw=%04" PRIx32 " ftw=%02x"
            " mxcsr=%08" PRIx32 "\n", what, get_le(fx, 2), get_le(fx + 2, 2),
            fx[4], get_le(fx + 24, 4));
    for (int i = 0; i < 8; i++) {
        const uint8_t *r = fx + 32 + 16 * i;
        fprintf(out, "    st%d=%04" PRIx32 ":%08" PRIx32 "%08" PRIx32
                "  xmm%d=%08" PRIx32 "%08" PRIx32 "%08" PRIx32 "%08" PRIx32
                "\n", i, get_le(r + 8, 2), get_le(r + 4, 4), get_le(r, 4), i,
                get_le(fx + 172 + 16 * i, 4), get_le(fx + 168 + 16 * i, 4),
                get_le(fx + 164 + 16 * i, 4), get_le(fx + 160 + 16 * i, 4));
    }
}

static uint32_t fx_hash(const uint8_t *fx)
{
    uint32_t h = 2166136261u;

    for (int i = 0; i < 8; i++) {
        h = fnv(fx + 32 + 16 * i, 10, h);
    }
    return fnv(fx + 160, 128, h);
}

static uint64_t case_seed(uint64_t seed, uint64_t i)
{
    return seed * 0x100000001b3ull ^ (i + 1) * 0x9e3779b97f4a7c15ull;
}

int main(int argc, char **argv)
{
    uint64_t seed = 1, count = 2000, first = 0;
    int64_t only = -1;
    DiffOptions opt = { .max_units = -1 };
    DiffState *st;
    uint8_t *data, *code, *scratch, *stack;

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;

        if (!strcmp(a, "--list-families")) {
            for (unsigned f = 0; f < gen_family_count; f++) {
                printf("%s\n", gen_family_names[f]);
            }
            return 0;
        }
        if (!v) {
            fprintf(stderr, "diff-i386: %s needs a value\n", a);
            return 2;
        }
        i++;
        if (!strcmp(a, "--seed")) {
            seed = strtoull(v, NULL, 0);
        } else if (!strcmp(a, "--count")) {
            count = strtoull(v, NULL, 0);
        } else if (!strcmp(a, "--first")) {
            first = strtoull(v, NULL, 0);
        } else if (!strcmp(a, "--units")) {
            opt.max_units = (int)strtol(v, NULL, 0);
        } else if (!strcmp(a, "--only")) {
            only = (int64_t)strtoull(v, NULL, 0);
        } else if (!strcmp(a, "--disable") || !strcmp(a, "--enable")) {
            bool enable = !strcmp(a, "--enable");
            char buf[256], *save = NULL;
            uint64_t mask = 0;
            snprintf(buf, sizeof(buf), "%s", v);
            for (char *t = strtok_r(buf, ",", &save); t;
                 t = strtok_r(NULL, ",", &save)) {
                unsigned f;
                for (f = 0; f < gen_family_count; f++) {
                    if (!strcmp(t, gen_family_names[f])) {
                        mask |= 1ull << f;
                        break;
                    }
                }
                if (f == gen_family_count) {
                    fprintf(stderr, "diff-i386: unknown family %s\n", t);
                    return 2;
                }
            }
            opt.disabled |= enable ? ~mask : mask;
        } else {
            fprintf(stderr, "diff-i386: unknown option %s\n", a);
            return 2;
        }
    }

    data = map_fixed(DIFF_DATA_BASE, DIFF_DATA_SIZE, PROT_READ | PROT_WRITE);
    code = map_fixed(DIFF_CODE_BASE, DIFF_CODE_SIZE,
                     PROT_READ | PROT_WRITE | PROT_EXEC);
    st = (DiffState *)(data + (DIFF_STATE - DIFF_DATA_BASE));
    scratch = data + (DIFF_SCRATCH - DIFF_DATA_BASE);
    stack = data + (DIFF_STACK - DIFF_DATA_BASE);

    if (only >= 0) {
        first = (uint64_t)only;
        count = 1;
    }
    for (uint64_t i = first; i < first + count; i++) {
        /* Each case on its own page of the code area: the area wraps
         * every 256 cases, rewriting code that was run before. */
        uint8_t *c = code + (i * 4096) % DIFF_CODE_SIZE;
        uint32_t undef, len, flmask;
        FILE *log = only >= 0 ? stdout : NULL;

        memset(st, 0, sizeof(*st));
        if (log) {
            printf("case %" PRIu64 " (seed %" PRIu64 ")\n", i, seed);
        }
        len = gen_case(case_seed(seed, i), &opt, c, st, scratch, stack,
                       &undef, log);
        flmask = ~undef;
        if (log) {
            dump_regs(stdout, "input", &st->in, 0xffffffffu);
            dump_fx(stdout, "input fpu", st->fx_in);
            dump_mem(stdout, "scratch before", scratch, DIFF_SCRATCH,
                     DIFF_SCRATCH_SIZE);
            fflush(stdout);
        }
        ((void (*)(void))c)();
        (void)len;
        if (log) {
            dump_regs(stdout, "output", &st->out, flmask);
            printf("  undefined flags: %03" PRIx32 "\n", undef);
            dump_fx(stdout, "output fpu", st->fx_out);
            dump_mem(stdout, "scratch after", scratch, DIFF_SCRATCH,
                     DIFF_SCRATCH_SIZE);
            dump_mem(stdout, "stack after", stack, DIFF_STACK,
                     DIFF_STACK_SIZE);
        } else {
            uint32_t h = fnv(scratch, DIFF_SCRATCH_SIZE, 2166136261u);
            h = fnv(stack, DIFF_STACK_SIZE, h);
            printf("%" PRIu64 ":", i);
            for (int r = 0; r < 8; r++) {
                if (r == 4) {
                    printf(" %+d", (int32_t)(st->out.r[4] - DIFF_STACK_TOP));
                } else {
                    printf(" %08" PRIx32, st->out.r[r]);
                }
            }
            printf(" fl=%08" PRIx32 " mem=%08" PRIx32 " fcw=%04" PRIx32
                   " fsw=%04" PRIx32 " ftw=%02x mxcsr=%08" PRIx32
                   " regs=%08" PRIx32 "\n", st->out.eflags & flmask, h,
                   get_le(st->fx_out, 2), get_le(st->fx_out + 2, 2),
                   st->fx_out[4], get_le(st->fx_out + 24, 4),
                   fx_hash(st->fx_out));
        }
    }
    return 0;
}

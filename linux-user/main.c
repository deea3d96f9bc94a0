/* linux-user/main.c — the user-mode runner's entry: QEMU-compatible
 * command line and environment, then the set-up chain (guest memory,
 * translator, syscalls, ELF loading, first cpu) and the cpu loop.
 * Each emu-<g> executable calls linux_main() with its guest's LinuxAbi.
 */
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "abi.h"
#include "core/backend.h"
#include "core/exec.h"
#include "core/exec_internal.h"
#include "core/log.h"
#include "guest_mem.h"
#include "linux_main.h"
#include "signal.h"
#include "syscall.h"
#include "task.h"

extern char **environ;

typedef struct MainEnv {
    char **vars;            /* the guest's environment (owned) */
    int n, cap;
} MainEnv;

static const char *main_prog = "emu";

static _Noreturn void main_fail(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

static _Noreturn void main_fail(const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, "%s: ", main_prog);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(1);
}

static void env_set(MainEnv *e, const char *assign)
{
    const char *eq = strchr(assign, '=');
    size_t klen = eq ? (size_t)(eq - assign) : strlen(assign);

    for (int i = 0; i < e->n; i++) {
        if (strncmp(e->vars[i], assign, klen) == 0 && e->vars[i][klen] == '=') {
            if (eq) {
                e->vars[i] = strdup(assign);
            } else {
                memmove(&e->vars[i], &e->vars[i + 1],
                        (size_t)(e->n - i) * sizeof(char *));
                e->n--;
            }
            return;
        }
    }
    if (!eq) {
        return;
    }
    if (e->n + 2 > e->cap) {
        e->cap = e->cap ? e->cap * 2 : 64;
        e->vars = realloc(e->vars, (size_t)e->cap * sizeof(char *));
        if (!e->vars) {
            main_fail("out of memory");
        }
    }
    e->vars[e->n++] = strdup(assign);
    e->vars[e->n] = NULL;
}

/* "8M", "64k", "0x1000": a size in bytes; false when malformed. */
static bool parse_size(const char *s, uint64_t *out)
{
    char *end;
    unsigned long long v;

    errno = 0;
    v = strtoull(s, &end, 0);
    if (errno || end == s) {
        return false;
    }
    switch (*end) {
    case 'k': case 'K': v <<= 10; end++; break;
    case 'm': case 'M': v <<= 20; end++; break;
    case 'g': case 'G': v <<= 30; end++; break;
    default: break;
    }
    if (*end) {
        return false;
    }
    *out = v;
    return true;
}

static void main_usage(const LinuxAbi *abi, FILE *f)
{
    fprintf(f,
        "usage: %s [options] program [arguments...]\n"
        "Runs a Linux %s program on this host (emu %s).\n\n"
        "Options and the environment variables that set them:\n"
        "-h                print this help\n"
        "-version          print the version\n"
        "-L path           guest root for the interpreter and absolute paths"
        "  EMU_LD_PREFIX, QEMU_LD_PREFIX\n"
        "-E var=value      set a variable in the guest's environment"
        "      EMU_SET_ENV, QEMU_SET_ENV\n"
        "-U var            remove a variable from the guest's environment"
        " EMU_UNSET_ENV, QEMU_UNSET_ENV\n"
        "-0 argv0          the guest's argv[0]"
        "                            EMU_ARGV0, QEMU_ARGV0\n"
        "-cpu model        cpu model (-cpu help lists them)"
        "              EMU_CPU, QEMU_CPU\n"
        "-g port           wait for gdb on port (not yet available)"
        "       EMU_GDB, QEMU_GDB\n"
        "-strace           print each guest syscall"
        "                       EMU_STRACE, QEMU_STRACE\n"
        "-d items          debug log items (-d help lists them)"
        "           EMU_LOG, QEMU_LOG\n"
        "-D file           write the debug log to file"
        "                   EMU_LOG_FILENAME, QEMU_LOG_FILENAME\n"
        "-B address        host address of guest address 0"
        "              EMU_GUEST_BASE, QEMU_GUEST_BASE\n"
        "-R size           limit the guest address space to size"
        "         EMU_RESERVED_VA, QEMU_RESERVED_VA\n"
        "-s size           stack size (default 8M)"
        "                       EMU_STACK_SIZE, QEMU_STACK_SIZE\n"
        "-r release        uname release seen by the guest"
        "               EMU_UNAME, QEMU_UNAME\n"
        "-accel interp|jit run on the interpreter or the host JIT"
        "         EMU_ACCEL\n"
        "-tb-size N        translation buffer size in MiB"
        "                EMU_TB_SIZE\n"
        "-one-insn-per-tb  translate one guest instruction per block"
        "      EMU_SINGLESTEP\n",
        main_prog, abi->name, EMU_VERSION);
}

typedef struct MainOptSpec {
    const char *name;
    const char *env;        /* EMU_ name; QEMU_ + the same suffix too */
    bool has_arg;
    int id;
} MainOptSpec;

enum {
    OPT_HELP, OPT_VERSION, OPT_L, OPT_E, OPT_U, OPT_ARGV0, OPT_CPU, OPT_GDB,
    OPT_STRACE, OPT_LOG, OPT_LOGFILE, OPT_BASE, OPT_RESERVED, OPT_STACK,
    OPT_UNAME, OPT_ACCEL, OPT_TBSIZE, OPT_SINGLESTEP,
};

static const MainOptSpec main_opts[] = {
    { "h", NULL, false, OPT_HELP },
    { "help", NULL, false, OPT_HELP },
    { "version", NULL, false, OPT_VERSION },
    { "L", "LD_PREFIX", true, OPT_L },
    { "E", "SET_ENV", true, OPT_E },
    { "U", "UNSET_ENV", true, OPT_U },
    { "0", "ARGV0", true, OPT_ARGV0 },
    { "cpu", "CPU", true, OPT_CPU },
    { "g", "GDB", true, OPT_GDB },
    { "strace", "STRACE", false, OPT_STRACE },
    { "d", "LOG", true, OPT_LOG },
    { "D", "LOG_FILENAME", true, OPT_LOGFILE },
    { "B", "GUEST_BASE", true, OPT_BASE },
    { "R", "RESERVED_VA", true, OPT_RESERVED },
    { "s", "STACK_SIZE", true, OPT_STACK },
    { "r", "UNAME", true, OPT_UNAME },
    { "accel", "ACCEL", true, OPT_ACCEL },
    { "tb-size", "TB_SIZE", true, OPT_TBSIZE },
    { "one-insn-per-tb", "SINGLESTEP", false, OPT_SINGLESTEP },
    { "singlestep", NULL, false, OPT_SINGLESTEP },
    { NULL, NULL, false, 0 },
};

static void main_apply(const LinuxAbi *abi, int id, const char *arg,
                       MainEnv *env)
{
    LinuxOptions *o = &linux_process.opt;
    uint64_t v;

    switch (id) {
    case OPT_HELP:
        main_usage(abi, stdout);
        exit(0);
    case OPT_VERSION:
        printf("emu-%s version %s (a QEMU-compatible user-mode runner)\n",
               abi->name, EMU_VERSION);
        exit(0);
    case OPT_L:
        o->ld_prefix = arg;
        break;
    case OPT_E:
    case OPT_U: {
        /* Comma-separated lists, as QEMU accepts. */
        char *copy = strdup(arg), *save = NULL;
        for (char *t = strtok_r(copy, ",", &save); t;
             t = strtok_r(NULL, ",", &save)) {
            if (id == OPT_E && !strchr(t, '=')) {
                main_fail("-E %s: expected var=value", t);
            }
            if (id == OPT_U && strchr(t, '=')) {
                main_fail("-U %s: expected a variable name", t);
            }
            env_set(env, t);
        }
        break;
    }
    case OPT_ARGV0:
        o->argv0 = arg;
        break;
    case OPT_CPU:
        o->cpu_model = arg;
        break;
    case OPT_GDB:
        main_fail("-g: the gdb stub is not available yet");
    case OPT_STRACE:
        o->strace = true;
        break;
    case OPT_LOG:
        o->log_items = arg;
        break;
    case OPT_LOGFILE:
        o->log_file = arg;
        break;
    case OPT_BASE:
        if (!parse_size(arg, &o->guest_base)) {
            main_fail("-B %s: not an address", arg);
        }
        break;
    case OPT_RESERVED:
        if (!parse_size(arg, &o->reserved_va)) {
            main_fail("-R %s: not a size", arg);
        }
        break;
    case OPT_STACK:
        if (!parse_size(arg, &o->stack_size) || o->stack_size == 0) {
            main_fail("-s %s: not a size", arg);
        }
        break;
    case OPT_UNAME:
        o->uname_release = arg;
        break;
    case OPT_ACCEL:
        o->accel = arg;
        break;
    case OPT_TBSIZE:
        if (!parse_size(arg, &v) || v == 0 || v > 2048) {
            main_fail("-tb-size %s: a size in MiB from 1 to 2048", arg);
        }
        o->tb_size = v << 20;
        break;
    case OPT_SINGLESTEP:
        o->singlestep = true;
        break;
    default:
        break;
    }
}

/* Environment first, the command line overrides. Returns the index of
 * the program argument. */
static int main_parse(const LinuxAbi *abi, int argc, char **argv,
                      MainEnv *env)
{
    int i;

    for (const MainOptSpec *s = main_opts; s->name; s++) {
        char name[64];
        const char *val = NULL;
        if (!s->env) {
            continue;
        }
        snprintf(name, sizeof(name), "EMU_%s", s->env);
        val = getenv(name);
        if (!val) {
            snprintf(name, sizeof(name), "QEMU_%s", s->env);
            val = getenv(name);
        }
        if (val && s->id != OPT_ACCEL) {
            if (!s->has_arg && s->id == OPT_STRACE) {
                linux_process.opt.strace = true;
            } else if (!s->has_arg) {
                main_apply(abi, s->id, NULL, env);
            } else if (s->id != OPT_GDB) {
                main_apply(abi, s->id, val, env);
            }
        }
    }
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        const MainOptSpec *s;
        if (a[0] != '-' || a[1] == 0) {
            break;
        }
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        a += a[1] == '-' ? 2 : 1;
        for (s = main_opts; s->name; s++) {
            if (strcmp(a, s->name) == 0) {
                break;
            }
        }
        if (!s->name) {
            main_fail("unknown option '%s' (see -h)", argv[i]);
        }
        if (s->has_arg) {
            if (i + 1 >= argc) {
                main_fail("option '%s' needs an argument", argv[i]);
            }
            main_apply(abi, s->id, argv[++i], env);
        } else {
            main_apply(abi, s->id, NULL, env);
        }
    }
    return i;
}

static void main_list_cpus(const LinuxAbi *abi)
{
    printf("Available CPUs for emu-%s:\n", abi->name);
    for (const AbiCpuModel *m = abi->cpu_models; m && m->name; m++) {
        printf("  %-12s %s%s\n", m->name, m->description,
               m == abi->cpu_models ? " (default)" : "");
    }
}

int linux_main(const LinuxAbi *abi, int argc, char **argv)
{
    LinuxProcess *proc = &linux_process;
    MainEnv env = { 0 };
    const HostBackend *be;
    char err[PATH_MAX + 256];
    char *real;
    const char *path;
    int prog;
    uint32_t mask = 0;
    CpuCommon *cpu;
    TaskState *ts;
    AbiStartInfo start;

    main_prog = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];
    proc->abi = abi;
    for (char **e = environ; *e; e++) {
        env_set(&env, *e);
    }
    if (!env.vars) {
        env.vars = calloc(1, sizeof(char *));
    }
    prog = main_parse(abi, argc, argv, &env);

    /* Things that print and exit come before the program is needed. */
    if (proc->opt.cpu_model && (strcmp(proc->opt.cpu_model, "help") == 0
                                || strcmp(proc->opt.cpu_model, "?") == 0)) {
        main_list_cpus(abi);
        return 0;
    }
    if (proc->opt.log_items) {
        if (!log_parse_items(proc->opt.log_items, &mask, err, sizeof(err))) {
            main_fail("-d: %s", err);
        }
        if (mask & LOG_HELP) {
            log_help(stdout);
            return 0;
        }
    }
    if (prog >= argc) {
        main_fail("no program given (usage: %s [options] program "
                  "[arguments...])", main_prog);
    }
    proc->cpu_model = abi->cpu_models;
    if (proc->opt.cpu_model) {
        proc->cpu_model = abi_find_cpu(abi, proc->opt.cpu_model);
        if (!proc->cpu_model) {
            main_fail("-cpu %s: unknown cpu model (-cpu help lists them)",
                      proc->opt.cpu_model);
        }
    }
    be = backend_select(proc->opt.accel);
    if (!be) {
        main_fail("-accel %s: unknown accelerator (interp or jit)",
                  proc->opt.accel ? proc->opt.accel
                  : getenv("EMU_ACCEL") ? getenv("EMU_ACCEL") : "?");
    }
    if (proc->opt.log_file && !log_set_file(proc->opt.log_file, err,
                                            sizeof(err))) {
        main_fail("-D: %s", err);
    }
    log_set_mask(mask);
    strace_enabled = proc->opt.strace;

    real = realpath(argv[prog], NULL);
    if (!real) {
        main_fail("%s: %s", argv[prog], strerror(errno));
    }
    if (access(real, X_OK) != 0) {
        main_fail("%s: %s", argv[prog], strerror(errno));
    }
    proc->exe_path = real;
    proc->argc = argc - prog;
    proc->argv = &argv[prog];
    /* The file to load as named on the command line (AT_EXECFN), kept
     * before -0 replaces the guest's argv[0]. */
    path = argv[prog];
    if (proc->opt.argv0) {
        proc->argv[0] = (char *)proc->opt.argv0;
    }
    proc->envp = env.vars;
    proc->pid = getpid();

    if (!guest_mem_init(proc->opt.guest_base, proc->opt.reserved_va,
                        abi->big_endian, err, sizeof(err))) {
        main_fail("%s", err);
    }
    exec_init(abi->arch, be, proc->opt.tb_size);
    if (proc->opt.singlestep) {
        translate_set_max_insns(1);
    }
    guest_mem_install_code_hooks();
    syscall_init();
    if (!elf_load_program(proc, path, err, sizeof(err))) {
        main_fail("%s", err);
    }
    if (abi->setup_process && !abi->setup_process(proc, err, sizeof(err))) {
        main_fail("%s", err);
    }
    guest_mem_set_user_limit(abi->task_size);

    cpu = cpu_create();
    ts = task_create(cpu);
    if (!ts) {
        main_fail("out of memory");
    }
    signal_init();
    if (!signal_task_init(ts, NULL)) {
        main_fail("out of memory");
    }
    memset(&start, 0, sizeof(start));
    start.entry = proc->image.start_pc;
    start.sp = proc->image.start_sp;
    start.argv = proc->image.argv_addr;
    start.envp = proc->image.envp_addr;
    start.auxv = proc->image.auxv_addr;
    start.exec_entry = proc->image.entry;
    start.load_bias = proc->image.load_bias;
    start.interp_base = proc->image.interp_base;
    start.start_data = proc->image.start_data;
    abi->init_regs(cpu, &start);
    cpu_loop(cpu);
    /* The first thread left through exit while others run: the process
     * lives on until exit_group or the last thread. */
    pthread_exit(NULL);
}

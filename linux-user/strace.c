/* linux-user/strace.c — -strace: one line per guest syscall in QEMU's
 * format, "PID name(arg,arg) = result", arguments decoded by the kind
 * the SyscallDef gives them (strings, flags, fds), errors as
 * "-1 errno=N (text)". Output goes to the -d log (stderr or -D file).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "abi.h"
#include "core/log.h"
#include "guest_mem.h"
#include "syscall.h"
#include "task.h"

bool strace_enabled;

typedef struct StraceName {
    uint32_t bit;
    const char *name;
} StraceName;

static const StraceName strace_open_flags[] = {
    { O_CREAT, "O_CREAT" }, { O_EXCL, "O_EXCL" }, { O_NOCTTY, "O_NOCTTY" },
    { O_TRUNC, "O_TRUNC" }, { O_APPEND, "O_APPEND" },
    { O_NONBLOCK, "O_NONBLOCK" }, { O_DSYNC, "O_DSYNC" },
    { FASYNC, "O_ASYNC" }, { O_DIRECT, "O_DIRECT" },
    { O_DIRECTORY, "O_DIRECTORY" }, { O_NOFOLLOW, "O_NOFOLLOW" },
    { O_NOATIME, "O_NOATIME" }, { O_CLOEXEC, "O_CLOEXEC" },
    { O_PATH, "O_PATH" }, { 0, NULL },
};

static const StraceName strace_prot[] = {
    { PROT_READ, "PROT_READ" }, { PROT_WRITE, "PROT_WRITE" },
    { PROT_EXEC, "PROT_EXEC" }, { PROT_GROWSDOWN, "PROT_GROWSDOWN" },
    { 0, NULL },
};

static const StraceName strace_map[] = {
    { MAP_FIXED, "MAP_FIXED" }, { MAP_ANONYMOUS, "MAP_ANONYMOUS" },
    { MAP_GROWSDOWN, "MAP_GROWSDOWN" }, { MAP_DENYWRITE, "MAP_DENYWRITE" },
    { MAP_EXECUTABLE, "MAP_EXECUTABLE" }, { MAP_LOCKED, "MAP_LOCKED" },
    { MAP_NORESERVE, "MAP_NORESERVE" }, { MAP_POPULATE, "MAP_POPULATE" },
    { MAP_NONBLOCK, "MAP_NONBLOCK" }, { MAP_STACK, "MAP_STACK" },
    { MAP_HUGETLB, "MAP_HUGETLB" },
    { MAP_FIXED_NOREPLACE, "MAP_FIXED_NOREPLACE" }, { 0, NULL },
};

static void strace_bits(FILE *f, uint32_t v, const StraceName *names,
                        bool first)
{
    for (; names->name; names++) {
        if (v & names->bit) {
            fprintf(f, "%s%s", first ? "" : "|", names->name);
            v &= ~names->bit;
            first = false;
        }
    }
    if (v || first) {
        fprintf(f, "%s%#x", first ? "" : "|", v);
    }
}

static void strace_string(FILE *f, uint32_t addr, size_t max, bool bounded)
{
    ssize_t n = bounded ? (ssize_t)max : guest_strnlen(addr, 4096);
    uint8_t p[32];
    size_t show;

    if (addr == 0) {
        fputs("NULL", f);
        return;
    }
    show = n >= 0 && (size_t)n < 32 ? (size_t)n : 32;
    /* A copy: the page may fault even though it is mapped. */
    if (n < 0 || !guest_range_ok(addr, (size_t)n, PAGE_READ)
        || copy_from_guest(p, addr, show) < 0) {
        fprintf(f, "%#x", addr);
        return;
    }
    fputc('"', f);
    for (size_t i = 0; i < show; i++) {
        uint8_t ch = p[i];
        switch (ch) {
        case '\n': fputs("\\n", f); break;
        case '\t': fputs("\\t", f); break;
        case '"': fputs("\\\"", f); break;
        case '\\': fputs("\\\\", f); break;
        default:
            if (ch >= 32 && ch < 127) {
                fputc(ch, f);
            } else {
                fprintf(f, "\\%o", ch);
            }
        }
    }
    fputc('"', f);
    if ((size_t)n > show) {
        fputs("...", f);
    }
}

static void strace_arg(FILE *f, int kind, const SyscallCall *c, unsigned i)
{
    const LinuxAbi *abi = linux_process.abi;
    uint32_t v = (uint32_t)c->arg[i];

    switch (kind) {
    case STRACE_INT:
        fprintf(f, "%d", (int32_t)v);
        break;
    case STRACE_UINT:
        fprintf(f, "%u", v);
        break;
    case STRACE_PTR:
        if (v) {
            fprintf(f, "%#x", v);
        } else {
            fputs("NULL", f);
        }
        break;
    case STRACE_STR:
        strace_string(f, v, 0, false);
        break;
    case STRACE_BUF:
    case STRACE_BUF_RET:
        strace_string(f, v, i + 1 < 8 ? (uint32_t)c->arg[i + 1] : 0, true);
        break;
    case STRACE_FD:
        if ((int32_t)v == -100) {
            fputs("AT_FDCWD", f);
        } else {
            fprintf(f, "%d", (int32_t)v);
        }
        break;
    case STRACE_OCT:
        fprintf(f, "%#o", v);
        break;
    case STRACE_OPEN_FLAGS: {
        uint32_t h = abi_flags_to_host(abi->open_flags, v);
        static const char *const acc[] = { "O_RDONLY", "O_WRONLY", "O_RDWR",
                                           "O_ACCMODE" };
        fputs(acc[h & O_ACCMODE], f);
        strace_bits(f, h & ~(uint32_t)O_ACCMODE, strace_open_flags, false);
        if ((h & ~(uint32_t)O_ACCMODE) == 0) {
            /* nothing more */
        }
        break;
    }
    case STRACE_MMAP_PROT: {
        uint32_t h = abi_flags_to_host(abi->mmap_prot, v);
        if (h == 0) {
            fputs("PROT_NONE", f);
        } else {
            strace_bits(f, h, strace_prot, true);
        }
        break;
    }
    case STRACE_MMAP_FLAGS: {
        uint32_t h = abi_flags_to_host(abi->mmap_flags, v);
        static const char *const type[] = { "0", "MAP_SHARED", "MAP_PRIVATE",
                                            "MAP_SHARED_VALIDATE" };
        fputs((h & MAP_TYPE) < 4 ? type[h & MAP_TYPE] : "MAP_TYPE?", f);
        if (h & ~(uint32_t)MAP_TYPE) {
            strace_bits(f, h & ~(uint32_t)MAP_TYPE, strace_map, false);
        }
        break;
    }
    case STRACE_SIGNAL: {
        int hs = abi_signal_to_host(abi, (int)v);
        const char *name = hs ? sigabbrev_np(hs) : NULL;
        if (name) {
            fprintf(f, "SIG%s", name);
        } else {
            fprintf(f, "%d", (int32_t)v);
        }
        break;
    }
    case STRACE_HEX:
    default:
        fprintf(f, "%#x", v);
        break;
    }
}

void strace_print_call(CpuCommon *cpu, const SyscallCall *call,
                       const SyscallDef *def)
{
    FILE *f = log_lock();

    fprintf(f, "%d ", getpid());
    if (call->id) {
        fprintf(f, "%s(", syscall_id_names[call->id]);
    } else {
        fprintf(f, "syscall_%u(", call->guest_nr);
    }
    if (def && def->strace_args) {
        def->strace_args(f, call);
    } else if (def) {
        for (unsigned i = 0; i < 6 && def->args[i] != STRACE_END; i++) {
            if (i) {
                fputc(',', f);
            }
            strace_arg(f, def->args[i], call, i);
        }
    } else {
        for (unsigned i = 0; i < 6; i++) {
            fprintf(f, "%s%#x", i ? "," : "", (uint32_t)call->arg[i]);
        }
    }
    fputc(')', f);
    if (def && def->ret == STRACE_RET_NONE) {
        fputc('\n', f);
    }
    fflush(f);
    log_unlock(f);
}

void strace_print_result(CpuCommon *cpu, const SyscallCall *call,
                         const SyscallDef *def, int64_t ret)
{
    const LinuxAbi *abi = linux_process.abi;
    int kind = def && def->ret ? def->ret : STRACE_RET_INT;
    FILE *f;

    if (kind == STRACE_RET_NONE) {
        return;
    }
    f = log_lock();
    if (ret == SYSCALL_RET_RESTART) {
        fputs(" = ? ERESTARTSYS (to be restarted)\n", f);
    } else if (ret == SYSCALL_RET_NOREGS) {
        fputs(" = ?\n", f);
    } else if (ret < 0 && ret >= -4095) {
        int e = (int)-ret;
        fprintf(f, " = -1 errno=%d (%s)\n", e,
                strerror(abi_errno_to_host(abi, e)));
    } else if (kind == STRACE_RET_HEX) {
        fprintf(f, " = %#x\n", (uint32_t)ret);
    } else {
        fprintf(f, " = %d\n", (int32_t)ret);
    }
    fflush(f);
    log_unlock(f);
}

void strace_printf(const char *fmt, ...)
{
    FILE *f = log_lock();
    va_list ap;

    va_start(ap, fmt);
    vfprintf(f, fmt, ap);
    va_end(ap);
    fflush(f);
    log_unlock(f);
}

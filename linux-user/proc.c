/* linux-user/proc.c — the guest's view of /proc/self: exe (the guest
 * program, not the runner), maps (guest addresses and protections),
 * auxv (the guest's vector), cmdline, and /proc/cpuinfo of the guest cpu.
 * Served as memfds from the open/readlink implementations.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "abi.h"
#include "guest_mem.h"
#include "syscall.h"
#include "task.h"

/* The part after /proc/self/, /proc/thread-self/ or /proc/<our pid>/,
 * or NULL. */
static const char *proc_self_entry(const char *path)
{
    char own[32];
    size_t n;

    if (strncmp(path, "/proc/self/", 11) == 0) {
        return path + 11;
    }
    if (strncmp(path, "/proc/thread-self/", 18) == 0) {
        return path + 18;
    }
    n = (size_t)snprintf(own, sizeof(own), "/proc/%d/", getpid());
    if (strncmp(path, own, n) == 0) {
        return path + n;
    }
    return NULL;
}

static int proc_map_line(const GuestMapping *m, void *opaque)
{
    FILE *f = opaque;
    int len;

    len = fprintf(f, "%08x-%08llx %c%c%c%c %08llx %02x:%02x %llu",
                  m->start, (unsigned long long)m->end,
                  m->flags & PAGE_READ ? 'r' : '-',
                  m->flags & PAGE_WRITE ? 'w' : '-',
                  m->flags & PAGE_EXEC ? 'x' : '-',
                  m->path && !(m->flags & PAGE_ANON) && m->inode ? 'p' : 'p',
                  (unsigned long long)m->offset,
                  (unsigned)((m->dev >> 8) & 0xfff), (unsigned)(m->dev & 0xff),
                  (unsigned long long)m->inode);
    if (m->path) {
        /* The kernel pads to column 48 on 32-bit (seq_setwidth). */
        fprintf(f, "%*s%s", len < 48 ? 48 - len + 1 : 1, "", m->path);
    }
    fputc('\n', f);
    return 0;
}

/* A memfd holding what fill writes; returns the fd or -errno. */
static int proc_memfd(void (*fill)(FILE *f), int host_flags)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    int fd;

    if (!f) {
        return -ENOMEM;
    }
    fill(f);
    fclose(f);
    fd = memfd_create("emu-proc", (host_flags & O_CLOEXEC) ? MFD_CLOEXEC : 0);
    if (fd < 0) {
        int e = errno;
        free(buf);
        return -e;
    }
    if (len && write(fd, buf, len) != (ssize_t)len) {
        int e = errno;
        close(fd);
        free(buf);
        return -e;
    }
    free(buf);
    lseek(fd, 0, SEEK_SET);
    return fd;
}

static void proc_fill_maps(FILE *f)
{
    guest_mem_walk(proc_map_line, f);
}

static void proc_fill_auxv(FILE *f)
{
    if (linux_process.auxv) {
        fwrite(linux_process.auxv, 1, linux_process.auxv_size, f);
    }
}

static void proc_fill_cmdline(FILE *f)
{
    for (int i = 0; i < linux_process.argc; i++) {
        fwrite(linux_process.argv[i], 1, strlen(linux_process.argv[i]) + 1, f);
    }
}

/* The host's line for this process with the guest's view of what
 * differs: comm is the guest program's name (15 characters, as the
 * kernel's TASK_COMM_LEN keeps), startstack the guest's stack. */
static void proc_fill_stat(FILE *f)
{
    char host[4096], comm[16];
    const char *name = linux_process.exe_path;
    const char *slash = strrchr(name, '/');
    FILE *in = fopen("/proc/self/stat", "r");
    size_t n = 0;
    char *open_paren, *close_paren;
    unsigned field = 2;

    if (in) {
        n = fread(host, 1, sizeof(host) - 1, in);
        fclose(in);
    }
    host[n] = 0;
    open_paren = strchr(host, '(');
    close_paren = strrchr(host, ')');
    if (!open_paren || !close_paren || close_paren < open_paren) {
        return;
    }
    snprintf(comm, sizeof(comm), "%s", slash ? slash + 1 : name);
    fprintf(f, "%.*s(%s)", (int)(open_paren - host), host, comm);
    /* Fields after comm are space-separated; field 28 is startstack. */
    for (char *p = close_paren + 1; *p; p++) {
        if (*p == ' ') {
            field++;
            if (field == 28) {
                char *end = strchr(p + 1, ' ');
                fprintf(f, " %u", linux_process.image.start_sp);
                p = end ? end - 1 : p + strlen(p) - 1;
                continue;
            }
        }
        fputc(*p, f);
    }
}

static void proc_fill_cpuinfo(FILE *f)
{
    const LinuxAbi *abi = linux_process.abi;
    long n = sysconf(_SC_NPROCESSORS_ONLN);

    if (n < 1) {
        n = 1;
    }
    if (abi->write_cpuinfo) {
        abi->write_cpuinfo(f, linux_process.cpu_model, (int)n);
    } else {
        for (long i = 0; i < n; i++) {
            fprintf(f, "processor\t: %ld\n\n", i);
        }
    }
}

int proc_open(const char *path, int host_flags, bool *handled)
{
    const char *e = proc_self_entry(path);

    *handled = false;
    if (strcmp(path, "/proc/cpuinfo") == 0) {
        *handled = true;
        return proc_memfd(proc_fill_cpuinfo, host_flags);
    }
    if (!e) {
        return 0;
    }
    if (strcmp(e, "exe") == 0) {
        int fd;
        *handled = true;
        fd = open(linux_process.exe_path, host_flags);
        return fd < 0 ? -errno : fd;
    }
    if (strcmp(e, "maps") == 0) {
        *handled = true;
        return proc_memfd(proc_fill_maps, host_flags);
    }
    if (strcmp(e, "auxv") == 0) {
        *handled = true;
        return proc_memfd(proc_fill_auxv, host_flags);
    }
    if (strcmp(e, "stat") == 0) {
        *handled = true;
        return proc_memfd(proc_fill_stat, host_flags);
    }
    if (strcmp(e, "cmdline") == 0) {
        *handled = true;
        return proc_memfd(proc_fill_cmdline, host_flags);
    }
    return 0;
}

bool proc_is_self_exe(const char *path)
{
    const char *e = proc_self_entry(path);

    return e && strcmp(e, "exe") == 0;
}

int64_t proc_readlink(const char *path, char *buf, size_t len, bool *handled)
{
    const char *e = proc_self_entry(path);
    size_t n;

    *handled = false;
    if (!e || strcmp(e, "exe") != 0) {
        return 0;
    }
    *handled = true;
    n = strlen(linux_process.exe_path);
    if (n > len) {
        n = len;
    }
    memcpy(buf, linux_process.exe_path, n);
    return (int64_t)n;
}

const char *linux_path(const char *path, char *buf, size_t len)
{
    const char *prefix = linux_process.opt.ld_prefix;

    if (!prefix || !*prefix || path[0] != '/') {
        return path;
    }
    if ((size_t)snprintf(buf, len, "%s%s", prefix, path) >= len) {
        return path;
    }
    if (access(buf, F_OK) == 0) {
        return buf;
    }
    /* The host's loader cache names host libraries: a guest loader that
     * read it could pick a library outside the sysroot of the guest's own
     * architecture (an i386 guest on a host with /lib32 mixes two glibc
     * builds). Under -L the guest sees the sysroot's cache or none, and
     * its loader searches its default directories, which resolve here. */
    if (strcmp(path, "/etc/ld.so.cache") == 0) {
        return buf;
    }
    return path;
}

/* core/log.c — the -d debug log: item parsing, the -D output file and
 * locked output. The translator and the execution loop test
 * log_enabled() and write through log_lock()/log_printf().
 */
#include "log.h"

#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <string.h>

typedef struct LogItem {
    const char *name;
    uint32_t mask;
    const char *help;
} LogItem;

static const LogItem log_items[] = {
    { "in_asm", LOG_IN_ASM, "show guest code of each translated block" },
    { "op", LOG_OP, "show micro-ops of each block" },
    { "op_opt", LOG_OP_OPT, "show micro-ops after optimization" },
    { "out_asm", LOG_OUT_ASM, "show host code of each block (JIT)" },
    { "exec", LOG_EXEC, "show each block executed" },
    { "cpu", LOG_CPU, "show guest registers before each block" },
    { "nochain", LOG_NOCHAIN, "do not chain blocks (with exec: every block)" },
};

uint32_t log_mask;

/* Where the log goes; the mutex guards switching files, flockfile() the
 * lines themselves. */
static pthread_mutex_t log_file_lock = PTHREAD_MUTEX_INITIALIZER;
static FILE *log_file;

bool log_parse_items(const char *list, uint32_t *mask, char *err,
                     size_t errlen)
{
    const char *p = list;
    uint32_t m = 0;

    while (*p) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        bool found = false;

        if (len == 4 && strncmp(p, "help", 4) == 0) {
            m |= LOG_HELP;
            found = true;
        }
        for (size_t i = 0; !found && i < sizeof(log_items) / sizeof(log_items[0]);
             i++) {
            if (strlen(log_items[i].name) == len &&
                strncmp(p, log_items[i].name, len) == 0) {
                m |= log_items[i].mask;
                found = true;
            }
        }
        if (!found && len > 0) {
            snprintf(err, errlen, "unknown log item '%.*s' (-d help lists them)",
                     (int)len, p);
            return false;
        }
        p += len;
        if (*p == ',') {
            p++;
        }
    }
    *mask = m;
    return true;
}

void log_set_mask(uint32_t mask)
{
    __atomic_store_n(&log_mask, mask & ~(uint32_t)LOG_HELP, __ATOMIC_RELAXED);
}

void log_help(FILE *out)
{
    fprintf(out, "Log items (comma separated):\n");
    for (size_t i = 0; i < sizeof(log_items) / sizeof(log_items[0]); i++) {
        fprintf(out, "%-10s %s\n", log_items[i].name, log_items[i].help);
    }
}

bool log_set_file(const char *path, char *err, size_t errlen)
{
    FILE *f = NULL;

    if (path) {
        f = fopen(path, "w");
        if (!f) {
            snprintf(err, errlen, "cannot open log file '%s': %s", path,
                     strerror(errno));
            return false;
        }
        setvbuf(f, NULL, _IOLBF, 0);
    }
    pthread_mutex_lock(&log_file_lock);
    if (log_file) {
        fclose(log_file);
    }
    log_file = f;
    pthread_mutex_unlock(&log_file_lock);
    return true;
}

void log_close(void)
{
    pthread_mutex_lock(&log_file_lock);
    if (log_file) {
        fclose(log_file);
        log_file = NULL;
    }
    pthread_mutex_unlock(&log_file_lock);
}

FILE *log_lock(void)
{
    FILE *f;

    pthread_mutex_lock(&log_file_lock);
    f = log_file ? log_file : stderr;
    flockfile(f);
    pthread_mutex_unlock(&log_file_lock);
    return f;
}

void log_unlock(FILE *f)
{
    fflush(f);
    funlockfile(f);
}

void log_printf(const char *fmt, ...)
{
    FILE *f = log_lock();
    va_list ap;

    va_start(ap, fmt);
    vfprintf(f, fmt, ap);
    va_end(ap);
    log_unlock(f);
}

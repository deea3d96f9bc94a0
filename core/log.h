/* core/log.h — the -d debug log: which items are on (in_asm, op, op_opt,
 * out_asm, exec, cpu, nochain), where the output goes (-D file or
 * stderr), and thread-safe output so lines of two threads never mix.
 */
#ifndef EMU_CORE_LOG_H
#define EMU_CORE_LOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

enum {
    LOG_IN_ASM  = 1u << 0,  /* guest code of each translated block */
    LOG_OP      = 1u << 1,  /* micro-ops before the optimizer */
    LOG_OP_OPT  = 1u << 2,  /* micro-ops after the optimizer */
    LOG_OUT_ASM = 1u << 3,  /* host code of each block (JIT) */
    LOG_EXEC    = 1u << 4,  /* each block run by the execution loop */
    LOG_CPU     = 1u << 5,  /* guest registers before each block */
    LOG_NOCHAIN = 1u << 6,  /* not a log: never chain blocks */
    LOG_HELP    = 1u << 31, /* "help" was asked: print log_help() */
};

/* The items in force; read through log_enabled(). */
extern uint32_t log_mask;

static inline bool log_enabled(uint32_t item)
{
    return (__atomic_load_n(&log_mask, __ATOMIC_RELAXED) & item) != 0;
}

/* Parses a comma-separated item list ("in_asm,op,exec") into *mask.
 * Returns false for an unknown item, with a one-line message naming it in
 * err (errlen bytes). "help" sets LOG_HELP; the caller then prints
 * log_help() and exits. */
bool log_parse_items(const char *list, uint32_t *mask, char *err,
                     size_t errlen);
void log_set_mask(uint32_t mask);
/* Lists the items with one line of help each. */
void log_help(FILE *out);

/* Sends the log to `path` (NULL: back to stderr). Returns false with a
 * message in err when the file cannot be opened. Call before threads
 * start logging. */
bool log_set_file(const char *path, char *err, size_t errlen);
/* Flushes and closes a -D file. */
void log_close(void);

/* Locks the log for a group of lines and returns its stream; pair with
 * log_unlock(). Recursive within a thread. */
FILE *log_lock(void);
void log_unlock(FILE *f);
/* One locked printf to the log. */
void log_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif

/* tests/guest/i386/libc.c — libc-heavy integer code under emu-i386:
 * formatted output, string functions (glibc's i686 assembly), qsort,
 * 64-bit arithmetic through libgcc, environment, files, time formats.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int cmp(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    int v[64];
    char buf[256], *p;
    uint64_t h = 1469598103934665603ull;
    struct stat st;
    int fd;

    for (int i = 0; i < argc; i++) {
        printf("argv[%d] = '%s'\n", i, i ? argv[i] : "prog");
    }
    for (int i = 0; i < 64; i++) {
        v[i] = (int)((i * 2654435761u) >> 7) - 0x1000000;
    }
    qsort(v, 64, sizeof(int), cmp);
    printf("sorted %d %d %d\n", v[0], v[31], v[63]);
    for (int i = 0; i < 1000; i++) {
        h = (h ^ (uint64_t)i) * 1099511628211ull;
    }
    printf("fnv %016" PRIx64 " %" PRIu64 " %" PRId64 "\n", h, h / 12345,
           (int64_t)h % 977);
    snprintf(buf, sizeof(buf), "%-8s|%8.3s|%+05d|%#x|%o|%c%%", "left",
             "truncate", 42, 255, 8, 'z');
    puts(buf);
    memset(buf, 0, sizeof(buf));
    for (int i = 0; i < 200; i++) {
        buf[i] = (char)('a' + i % 26);
    }
    printf("strlen %zu strchr %td strrchr %td memchr %td\n", strlen(buf),
           strchr(buf, 'q') - buf, strrchr(buf, 'q') - buf,
           (char *)memchr(buf, 'z', 200) - buf);
    memmove(buf + 3, buf, 100);
    printf("memmove %.10s cmp %d %d\n", buf, memcmp(buf, buf + 26, 20),
           strncmp("abcd", "abce", 4) < 0);
    p = strdup("The quick brown fox");
    printf("strtok:");
    for (char *t = strtok(p, " "); t; t = strtok(NULL, " ")) {
        printf(" [%s]", t);
    }
    printf("\nstrtol %ld %lu %lld\n", strtol("-12345xyz", NULL, 10),
           strtoul("ffff", NULL, 16), strtoll("123456789012345", NULL, 10));
    free(p);
    setenv("EMU_TEST_VAR", "value=1", 1);
    printf("getenv %s\n", getenv("EMU_TEST_VAR"));
    snprintf(buf, sizeof(buf), "/tmp/emu-i386-libc-%d", (int)getpid());
    fd = open(buf, O_CREAT | O_RDWR | O_TRUNC, 0600);
    printf("write %zd\n", write(fd, "0123456789", 10));
    printf("lseek %ld\n", (long)lseek(fd, 4, SEEK_SET));
    memset(buf + 100, 0, 16);
    printf("read %zd '%s'\n", read(fd, buf + 100, 16), buf + 100);
    fstat(fd, &st);
    printf("fstat size %lld mode %o\n", (long long)st.st_size,
           (unsigned)st.st_mode & 0777);
    close(fd);
    unlink(buf);
    printf("open missing: %d errno %d\n", open("/nonexistent/x", O_RDONLY),
           errno);
    return 7;
}

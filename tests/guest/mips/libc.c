/* tests/guest/mips/libc.c — a libc-heavy program without floating point:
 * strings and formatting, malloc, qsort/bsearch, setjmp/longjmp (which
 * saves the FPU's callee-saved registers), files and directories, pipes,
 * time, the environment. Built with 64-bit file offsets, as Debian builds
 * its programs (a 32-bit readdir cannot return ext4's 64-bit directory
 * offsets; a 32-bit kernel would give the program 32-bit ones). */
#define _FILE_OFFSET_BITS 64
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static jmp_buf jb;

static void jump_back(int v)
{
    longjmp(jb, v);
}

static int sort_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
    char buf[256], path[64];
    int nums[50];
    struct stat st;
    struct utsname un;
    int fds[2], fd, n;
    volatile int jumped = 0;

    for (int i = 0; i < argc; i++) {
        printf("arg %d: %s\n", i == 0 ? 0 : i, i == 0 ? "(prog)" : argv[i]);
    }
    snprintf(buf, sizeof(buf), "%5d|%-5d|%05x|%lld|%llu|%s|%c|%%", 42, -7,
             0xbeef, -1234567890123LL, 18446744073709551615ULL, "str", 'z');
    printf("%s\n", buf);
    printf("strtol %ld %ld %lu\n", strtol("-0x7fff", NULL, 16),
           strtol("12345", NULL, 10), strtoul("4294967295", NULL, 0));
    printf("strlen %zu strchr %s strstr %s\n", strlen("hello world"),
           strchr("hello world", 'w'), strstr("hello world", "lo w"));

    srand(7);
    for (int i = 0; i < 50; i++) {
        nums[i] = (i * 7919) % 101 - 50;
    }
    qsort(nums, 50, sizeof(int), cmp_int);
    printf("sorted:");
    for (int i = 0; i < 50; i += 7) {
        printf(" %d", nums[i]);
    }
    int key = nums[33];
    int *found = bsearch(&key, nums, 50, sizeof(int), cmp_int);
    printf("\nbsearch %d at %d\n", key, found ? (int)(found - nums) : -1);

    /* malloc: many sizes, written and checked */
    {
        uint8_t *blocks[64];
        unsigned sum = 0;
        for (int i = 0; i < 64; i++) {
            blocks[i] = malloc((size_t)(i * 37 + 1));
            memset(blocks[i], i, (size_t)(i * 37 + 1));
        }
        for (int i = 0; i < 64; i++) {
            sum += blocks[i][i * 37];
            blocks[i] = realloc(blocks[i], (size_t)(i * 100 + 8));
            sum += blocks[i][0];
            free(blocks[i]);
        }
        printf("malloc sum %u\n", sum);
    }

    if (setjmp(jb) == 0) {
        jump_back(5);
    } else {
        jumped = 1;
    }
    printf("longjmp: %d\n", jumped);

    snprintf(path, sizeof(path), "/tmp/emu-mips-libc-%d", (int)getpid());
    mkdir(path, 0755);
    snprintf(buf, sizeof(buf), "%s/file", path);
    fd = open(buf, O_WRONLY | O_CREAT | O_TRUNC, 0640);
    n = (int)write(fd, "0123456789", 10);
    close(fd);
    stat(buf, &st);
    printf("wrote %d, size %lld, mode %o, regular %d\n", n,
           (long long)st.st_size, (unsigned)(st.st_mode & 0777),
           S_ISREG(st.st_mode));
    fd = open(buf, O_RDONLY);
    lseek(fd, 3, SEEK_SET);
    n = (int)read(fd, buf, 4);
    buf[n] = 0;
    printf("read at 3: %s\n", buf);
    close(fd);
    {
        char names[4][16];
        char *list[4];
        int cnt = 0;
        DIR *d;
        struct dirent *de;
        for (int i = 0; i < 3; i++) {
            snprintf(buf, sizeof(buf), "%s/n%d", path, i);
            close(open(buf, O_CREAT | O_WRONLY, 0600));
        }
        d = opendir(path);
        while ((de = readdir(d)) != NULL) {
            if (de->d_name[0] != '.' && cnt < 4) {
                snprintf(names[cnt], sizeof(names[cnt]), "%s", de->d_name);
                list[cnt] = names[cnt];
                cnt++;
            }
        }
        closedir(d);
        qsort(list, (size_t)cnt, sizeof(char *), sort_names);
        printf("dir:");
        for (int i = 0; i < cnt; i++) {
            printf(" %s", list[i]);
            snprintf(buf, sizeof(buf), "%s/%s", path, list[i]);
            unlink(buf);
        }
        printf("\n");
    }
    printf("rmdir %d\n", rmdir(path));
    errno = 0;
    n = rmdir(path);
    printf("rmdir again %d errno %s\n", n, strerror(errno));

    pipe(fds);
    write(fds[1], "through a pipe", 14);
    n = (int)read(fds[0], buf, sizeof(buf) - 1);
    buf[n] = 0;
    printf("pipe: %s (fds differ %d)\n", buf, fds[0] != fds[1]);

    uname(&un);
    printf("uname machine %s\n", un.machine);
    printf("time sane %d\n", time(NULL) > 1600000000);
    setenv("EMU_TEST_VAR", "value", 1);
    printf("env %s\n", getenv("EMU_TEST_VAR"));
    return 0;
}

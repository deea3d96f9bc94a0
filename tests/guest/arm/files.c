/* ARM guest test: file-system syscalls in a private temporary directory
 * (under argv[1], else $TMPDIR, else /tmp): open/openat/stat/fstat/lseek/
 * pread/pwrite/readv/writev/getdents64 (sorted), rename/unlink/mkdir/rmdir,
 * symlink/readlink, fcntl, dup2, pipe, poll and select, truncate, access,
 * utimensat.  Prints names, sizes and errno names - never inode numbers. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

static const char *ename(int e)
{
    switch (e) {
    case 0: return "0";
    case ENOENT: return "ENOENT";
    case EEXIST: return "EEXIST";
    case ENOTEMPTY: return "ENOTEMPTY";
    case ENOTDIR: return "ENOTDIR";
    case EISDIR: return "EISDIR";
    case EBADF: return "EBADF";
    case EINVAL: return "EINVAL";
    case ESPIPE: return "ESPIPE";
    case EAGAIN: return "EAGAIN";
    default: return strerror(e);
    }
}

/* Prints "what: rc ERRNO" with errno read after the call has returned. */
static void show(const char *what, int rc)
{
    int e = errno;
    printf("%s: %d %s\n", what, rc, ename(rc < 0 ? e : 0));
    errno = 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* getdents64 by hand: list names sorted, with d_type */
static void list_dir(const char *path)
{
    int fd = open(path, O_RDONLY | O_DIRECTORY);
    char buf[512];
    char *names[32];
    int n = 0;
    long got;
    while ((got = syscall(SYS_getdents64, fd, buf, sizeof(buf))) > 0) {
        for (long off = 0; off < got;) {
            struct {
                uint64_t ino;
                int64_t off;
                unsigned short reclen;
                unsigned char type;
                char name[];
            } *d = (void *)(buf + off);
            if (n < 32) {
                char *s = malloc(strlen(d->name) + 4);
                sprintf(s, "%s:%c", d->name,
                        d->type == DT_DIR   ? 'd'
                        : d->type == DT_REG ? 'f'
                        : d->type == DT_LNK ? 'l'
                                            : '?');
                names[n++] = s;
            }
            off += d->reclen;
        }
    }
    close(fd);
    qsort(names, (size_t)n, sizeof(names[0]), cmp_str);
    printf("dir:");
    for (int i = 0; i < n; i++) {
        printf(" %s", names[i]);
        free(names[i]);
    }
    printf("\n");
}

int main(int argc, char **argv)
{
    const char *base = argc > 1 ? argv[1] : getenv("TMPDIR");
    if (base == NULL || *base == '\0') {
        base = "/tmp";
    }
    char dir[4096];
    snprintf(dir, sizeof(dir), "%s/emu-files-XXXXXX", base);
    if (mkdtemp(dir) == NULL) {
        perror("mkdtemp");
        return 1;
    }
    if (chdir(dir) != 0) {
        perror("chdir");
        return 1;
    }
    setvbuf(stdout, NULL, _IOLBF, 0);

    /* open/write/lseek/read/pread/pwrite */
    int fd = open("a.txt", O_CREAT | O_RDWR | O_TRUNC, 0644);
    printf("write %d\n", (int)write(fd, "hello file world", 16));
    long cur = (long)lseek(fd, 0, SEEK_CUR);
    long end = (long)lseek(fd, 0, SEEK_END);
    long set = (long)lseek(fd, 6, SEEK_SET);
    printf("lseek cur %ld end %ld set %ld\n", cur, end, set);
    char buf[64] = {0};
    printf("read %d \"%s\"\n", (int)read(fd, buf, 4), buf);
    printf("pwrite %d\n", (int)pwrite(fd, "FILE", 4, 6));
    memset(buf, 0, sizeof(buf));
    int got = (int)pread(fd, buf, 32, 0);
    printf("pread %d \"%s\" pos after %ld\n", got, buf,
           (long)lseek(fd, 0, SEEK_CUR));
    /* sparse extend with lseek past end */
    lseek(fd, 100, SEEK_SET);
    write(fd, "!", 1);
    struct stat st;
    fstat(fd, &st);
    printf("fstat size %ld regular %d mode %o nlink %d\n", (long)st.st_size,
           S_ISREG(st.st_mode), st.st_mode & 0777, (int)st.st_nlink);
    /* readv/writev */
    struct iovec wv[3] = {{"ab", 2}, {"", 0}, {"cdefg", 5}};
    lseek(fd, 0, SEEK_SET);
    printf("writev %d\n", (int)writev(fd, wv, 3));
    char r1[3] = {0}, r2[6] = {0};
    struct iovec rv[2] = {{r1, 2}, {r2, 5}};
    lseek(fd, 0, SEEK_SET);
    printf("readv %d \"%s\" \"%s\"\n", (int)readv(fd, rv, 2), r1, r2);
    printf("ftruncate %d\n", ftruncate(fd, 10));
    fstat(fd, &st);
    printf("size after truncate %ld\n", (long)st.st_size);
    close(fd);

    /* openat relative to a directory fd, O_EXCL, fstatat */
    mkdir("sub", 0755);
    int dfd = open("sub", O_RDONLY | O_DIRECTORY);
    int f2 = openat(dfd, "inner", O_CREAT | O_WRONLY | O_EXCL, 0600);
    write(f2, "xyz", 3);
    close(f2);
    show("openat O_EXCL again",
         openat(dfd, "inner", O_CREAT | O_WRONLY | O_EXCL, 0600) < 0 ? -1 : 0);
    fstatat(dfd, "inner", &st, 0);
    printf("fstatat inner size %ld mode %o\n", (long)st.st_size,
           st.st_mode & 0777);
    close(dfd);

    /* links */
    printf("symlink %d\n", symlink("a.txt", "link"));
    char lbuf[64] = {0};
    printf("readlink %d \"%s\"\n", (int)readlink("link", lbuf, sizeof(lbuf)),
           lbuf);
    lstat("link", &st);
    printf("lstat is link %d\n", S_ISLNK(st.st_mode));
    stat("link", &st);
    printf("stat size via link %ld\n", (long)st.st_size);
    printf("link() %d\n", link("a.txt", "hard"));
    stat("a.txt", &st);
    printf("nlink now %d\n", (int)st.st_nlink);
    printf("rename %d\n", rename("hard", "sub/moved"));
    list_dir(".");
    list_dir("sub");

    /* errors */
    show("rmdir non-empty", rmdir("sub"));
    show("open missing", open("nope", O_RDONLY) < 0 ? -1 : 0);
    show("mkdir existing", mkdir("sub", 0755));
    show("unlink dir", unlink("sub"));
    show("open file as dir", open("a.txt/x", O_RDONLY) < 0 ? -1 : 0);
    show("access a.txt R_OK", access("a.txt", R_OK));
    show("access missing", access("missing", F_OK));

    /* fcntl and dup2 */
    fd = open("a.txt", O_RDONLY);
    int fl = fcntl(fd, F_GETFL);
    printf("fcntl getfl accmode rdonly %d\n", (fl & O_ACCMODE) == O_RDONLY);
    int before = fcntl(fd, F_GETFD) & FD_CLOEXEC;
    fcntl(fd, F_SETFD, FD_CLOEXEC);
    printf("fcntl cloexec before %d after %d\n", before,
           fcntl(fd, F_GETFD) & FD_CLOEXEC);
    int nfd = fcntl(fd, F_DUPFD, 50);
    printf("F_DUPFD >= 50: %d\n", nfd >= 50);
    printf("dup2 to 40: %d\n", dup2(fd, 40));
    memset(buf, 0, sizeof(buf));
    lseek(fd, 0, SEEK_SET);
    read(40, buf, 5);
    printf("read via dup \"%s\" shared offset %ld\n", buf,
           (long)lseek(fd, 0, SEEK_CUR));
    close(40);
    close(nfd);
    close(fd);
    show("close closed fd", close(40));

    /* pipe with poll and select */
    int p[2];
    pipe(p);
    struct pollfd pfd = {p[0], POLLIN, 0};
    printf("poll empty: %d\n", poll(&pfd, 1, 0));
    write(p[1], "z", 1);
    int npoll = poll(&pfd, 1, 1000);
    printf("poll ready: %d revents POLLIN %d\n", npoll,
           (pfd.revents & POLLIN) != 0);
    fd_set rs;
    FD_ZERO(&rs);
    FD_SET(p[0], &rs);
    struct timeval tv = {1, 0};
    int nsel = select(p[0] + 1, &rs, NULL, NULL, &tv);
    printf("select: %d isset %d\n", nsel, FD_ISSET(p[0], &rs));
    show("lseek on pipe", (int)lseek(p[0], 0, SEEK_SET));
    fcntl(p[0], F_SETFL, O_NONBLOCK);
    read(p[0], buf, 1);
    show("nonblocking empty read", (int)read(p[0], buf, 1));
    close(p[1]);
    printf("read at EOF: %d\n", (int)read(p[0], buf, 1));
    close(p[0]);

    /* timestamps */
    struct timespec ts[2] = {{1000000000, 0}, {1234567890, 500}};
    printf("utimensat %d\n", utimensat(AT_FDCWD, "a.txt", ts, 0));
    stat("a.txt", &st);
    printf("mtime %ld atime %ld\n", (long)st.st_mtime, (long)st.st_atime);

    /* cleanup */
    unlink("sub/inner");
    unlink("sub/moved");
    rmdir("sub");
    unlink("link");
    unlink("a.txt");
    list_dir(".");
    chdir("/");
    printf("rmdir temp %d\n", rmdir(dir));
    printf("done\n");
    return 0;
}

/* ARM guest test: 64-bit file offsets through the EABI syscall ABI, where a
 * 64-bit argument sits in an even/odd register pair (pread64/pwrite64,
 * ftruncate64/truncate64, _llseek, mmap2 page offsets, fstat64, the
 * reordered arm_fadvise64_64 and arm_sync_file_range).  Uses a sparse
 * 5 GiB file in the temporary directory. */
#define _GNU_SOURCE
#define _FILE_OFFSET_BITS 64
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define GIB (1024LL * 1024 * 1024)

int main(int argc, char **argv)
{
    const char *base = argc > 1 ? argv[1] : getenv("TMPDIR");
    if (base == NULL || *base == '\0') {
        base = "/tmp";
    }
    char path[4096];
    snprintf(path, sizeof(path), "%s/emu-large-XXXXXX", base);
    int fd = mkstemp(path);
    if (fd < 0) {
        perror("mkstemp");
        return 1;
    }
    setvbuf(stdout, NULL, _IOLBF, 0);
    printf("sizeof(off_t) %zu\n", sizeof(off_t));
    off_t size = 5 * GIB + 123;
    printf("ftruncate 5GiB+123: %d\n", ftruncate(fd, size));
    struct stat st;
    fstat(fd, &st);
    printf("fstat size %lld\n", (long long)st.st_size);
    off_t where = 4 * GIB + 3 * 4096 + 5;
    printf("pwrite at 4GiB+12293: %zd\n", pwrite(fd, "HELLO", 5, where));
    char buf[16] = {0};
    printf("pread back: %zd %s\n", pread(fd, buf, 5, where), buf);
    memset(buf, 0, sizeof(buf));
    printf("pread just below: %zd zero %d\n", pread(fd, buf, 4, where - 4),
           buf[0] == 0 && buf[3] == 0);
    printf("lseek end %lld\n", (long long)lseek(fd, 0, SEEK_END));
    printf("lseek set 4GiB+1 %lld\n", (long long)lseek(fd, 4 * GIB + 1,
                                                          SEEK_SET));
    printf("lseek cur -2 %lld\n", (long long)lseek(fd, -2, SEEK_CUR));
    errno = 0;
    off_t neg = lseek(fd, -1, SEEK_SET);
    printf("lseek negative: %lld %s\n", (long long)neg,
           errno == EINVAL ? "EINVAL" : strerror(errno));
    /* write through the file position above 4 GiB */
    lseek(fd, where + 10, SEEK_SET);
    write(fd, "WORLD", 5);
    memset(buf, 0, sizeof(buf));
    pread(fd, buf, 15, where);
    printf("write at position: %.5s|%.5s\n", buf, buf + 10);

    /* mmap2 with a page offset beyond 4 GiB */
    char *m = mmap(NULL, 8192, PROT_READ, MAP_SHARED, fd,
                   4 * GIB + 3 * 4096);
    if (m == MAP_FAILED) {
        printf("mmap above 4GiB failed: %s\n", strerror(errno));
    } else {
        printf("mmap above 4GiB: %.5s %.5s\n", m + 5, m + 15);
        munmap(m, 8192);
    }
    printf("posix_fadvise: %d\n",
           posix_fadvise(fd, 4 * GIB, 4096, POSIX_FADV_DONTNEED));
    printf("posix_fadvise bad advice: %s\n",
           posix_fadvise(fd, 4 * GIB, 4096, 99) == EINVAL ? "EINVAL" : "?");
    printf("sync_file_range: %d\n",
           sync_file_range(fd, 4 * GIB, 4096, SYNC_FILE_RANGE_WRITE));
    close(fd);
    printf("truncate 4GiB+7: %d\n", truncate(path, 4 * GIB + 7));
    stat(path, &st);
    printf("stat size %lld\n", (long long)st.st_size);
    /* O_APPEND writes land at the 64-bit end */
    fd = open(path, O_WRONLY | O_APPEND);
    write(fd, "END", 3);
    fstat(fd, &st);
    printf("append: size %lld pos %lld\n", (long long)st.st_size,
           (long long)lseek(fd, 0, SEEK_CUR));
    close(fd);
    unlink(path);
    printf("done\n");
    return 0;
}

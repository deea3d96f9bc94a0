/* tests/guest/mips/libc_broad.c — glibc used broadly by a dynamically
 * linked o32 program (run with -L /usr/mips(el)-linux-gnu): stdio on
 * files and memory streams, locale-free number formatting and parsing,
 * qsort/bsearch, POSIX regex, pthreads (mutex, condition variable,
 * barrier-like join, thread-specific data), a TCP and a UDP exchange over
 * 127.0.0.1, and getaddrinfo/getnameinfo of localhost (files from the
 * sysroot or, where it lacks them, from the host: /etc/hosts). The output
 * is the same in both byte orders. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <inttypes.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <regex.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

/* ---- stdio -------------------------------------------------------------- */

static void test_stdio(void)
{
    char path[] = "/tmp/emu-libc-broad-XXXXXX";
    int fd = mkstemp(path);
    FILE *f;
    char line[128], *buf = NULL;
    size_t len = 0;
    int n = 0, a, b;
    long pos;

    if (fd < 0) {
        printf("mkstemp failed: %s\n", strerror(errno));
        return;
    }
    f = fdopen(fd, "w+");
    for (int i = 0; i < 100; i++) {
        fprintf(f, "line %03d %x %s\n", i, i * 977, i % 2 ? "odd" : "even");
    }
    fflush(f);
    pos = ftell(f);
    rewind(f);
    while (fgets(line, sizeof(line), f)) {
        n++;
    }
    printf("stdio: wrote %ld bytes, read %d lines\n", pos, n);
    fseek(f, 0, SEEK_SET);
    if (fgets(line, sizeof(line), f) && fgets(line, sizeof(line), f) &&
        fscanf(f, "line %d %x", &a, &b) == 2) {
        printf("stdio: fseek+fscanf %d %x at %ld\n", a, b, ftell(f));
    }
    fseek(f, -9, SEEK_END);
    printf("stdio: tail '%s", fgets(line, sizeof(line), f));
    rewind(f);
    while (getline(&buf, &len, f) > 0) {
        if (strstr(buf, "063")) {
            printf("stdio: getline found %s", buf);
        }
    }
    free(buf);
    fclose(f);
    unlink(path);

    /* memory streams */
    char *mem = NULL;
    size_t msize = 0;
    FILE *m = open_memstream(&mem, &msize);
    for (int i = 0; i < 5; i++) {
        fprintf(m, "[%d]", i * i);
    }
    fclose(m);
    printf("stdio: memstream '%s' (%zu)\n", mem, msize);
    free(mem);
    char fixed[32];
    FILE *fm = fmemopen(fixed, sizeof(fixed), "w");
    fputs("fmemopen", fm);
    fputc('!', fm);
    fclose(fm);
    printf("stdio: %s\n", fixed);
    char sbuf[8];
    int need = snprintf(sbuf, sizeof(sbuf), "%s-%d", "truncated", 12345);
    printf("stdio: snprintf '%s' needs %d\n", sbuf, need);
}

/* ---- formatting and parsing (C locale) --------------------------------- */

static void test_format(void)
{
    char *end;

    printf("fmt: [%5d] [%-5d] [%05d] [%+d] [% d] [%x] [%#o] [%#X]\n", 42, 42,
           42, 42, 42, 0xbeef, 8, 255);
    printf("fmt: [%lld] [%llu] [%" PRId64 "] [%" PRIx64 "]\n", -1LL,
           18446744073709551615ULL, INT64_MIN, UINT64_C(0xfedcba9876543210));
    printf("fmt: [%.3f] [%10.4e] [%g] [%g] [%G] [%a]\n", 3.14159265,
           -123456.789, 1e-5, 123456789.0, 1e100, 1.0);
    printf("fmt: [%.0f] [%.0f] [%.17g] [%f] [%f]\n", 0.5, 1.5, 0.1,
           1.0 / 0.0, -0.0);
    printf("fmt: [%s] [%.3s] [%10s] [%-10s] [%c] [%%] [%p]\n", "str",
           "abcdef", "right", "left", 'c', (void *)0);
    printf("fmt: [%*d] [%-*d] [%.*f]\n", 6, 7, 6, 7, 2, 2.0 / 3.0);
    printf("parse: strtol %ld %ld %ld\n", strtol("-0x1f", &end, 16),
           strtol("0777", NULL, 0), strtol("  123abc", &end, 10));
    printf("parse: rest '%s' strtoul %lu strtoull %llu\n", end,
           strtoul("4294967295", NULL, 10),
           strtoull("18446744073709551615", NULL, 10));
    errno = 0;
    long ov = strtol("99999999999999999999", NULL, 10);
    printf("parse: overflow %ld errno %s\n", ov, errno == ERANGE ? "ERANGE"
                                                                 : "other");
    printf("parse: strtod %.17g %.17g %g %g\n", strtod("2.5e-3", NULL),
           strtod("0x1.8p3", NULL), strtod("inf", NULL),
           strtod("-1e400", NULL));
    int i1;
    double d1;
    char w[16];
    if (sscanf("17 2.75 word", "%d %lf %15s", &i1, &d1, w) == 3) {
        printf("parse: sscanf %d %g %s\n", i1, d1, w);
    }
    printf("parse: atoi %d atof %g\n", atoi("-321"), atof("6.02e23"));
}

/* ---- qsort, bsearch ---------------------------------------------------- */

struct rec {
    char name[8];
    int key;
};

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static int cmp_rec(const void *a, const void *b)
{
    const struct rec *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    return c ? c : cmp_int(&x->key, &y->key);
}

static void test_sort(void)
{
    enum { N = 5000 };
    static int v[N];
    uint32_t s = 12345;
    unsigned long sum = 0;
    bool ok = true;

    for (int i = 0; i < N; i++) {
        s = s * 1103515245u + 12345u;
        v[i] = (int)(s >> 8) % 100000 - 50000;
    }
    qsort(v, N, sizeof(v[0]), cmp_int);
    for (int i = 1; i < N; i++) {
        ok &= v[i - 1] <= v[i];
    }
    for (int i = 0; i < N; i += 97) {
        sum += (unsigned)v[i];
    }
    printf("qsort: sorted %d, min %d max %d, sample sum %lu\n", ok, v[0],
           v[N - 1], sum);
    int key = v[1234];
    int *hit = bsearch(&key, v, N, sizeof(v[0]), cmp_int);
    printf("bsearch: %d found %d\n", key, hit && *hit == key);
    key = 1000000;
    printf("bsearch: %d found %d\n", key,
           bsearch(&key, v, N, sizeof(v[0]), cmp_int) != NULL);

    struct rec r[] = {
        { "pear", 3 }, { "apple", 9 }, { "fig", 1 }, { "apple", 2 },
        { "kiwi", 7 }, { "fig", 0 },
    };
    qsort(r, 6, sizeof(r[0]), cmp_rec);
    printf("qsort structs:");
    for (int i = 0; i < 6; i++) {
        printf(" %s/%d", r[i].name, r[i].key);
    }
    printf("\n");
}

/* ---- regex -------------------------------------------------------------- */

static void test_regex(void)
{
    static const struct {
        const char *re;
        int flags;
        const char *text;
    } cases[] = {
        { "^([a-z]+)@([a-z]+)\\.(com|org)$", REG_EXTENDED,
          "user@example.org" },
        { "[0-9]{3}-[0-9]{4}", REG_EXTENDED, "call 555-1234 now" },
        { "HELLO", REG_ICASE, "say hello world" },
        { "a\\(b*\\)c", 0, "xxabbbcyy" },
        { "^$", REG_EXTENDED, "not empty" },
        { "(foo|bar)+baz", REG_EXTENDED, "foobarfoobaz!" },
    };
    for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        regex_t re;
        regmatch_t m[4];
        int rc = regcomp(&re, cases[i].re, cases[i].flags);
        if (rc) {
            char err[64];
            regerror(rc, &re, err, sizeof(err));
            printf("regex %u: compile error %s\n", i, err);
            continue;
        }
        rc = regexec(&re, cases[i].text, 4, m, 0);
        if (rc == REG_NOMATCH) {
            printf("regex %u: no match\n", i);
        } else {
            printf("regex %u: match", i);
            for (int k = 0; k < 4 && m[k].rm_so >= 0; k++) {
                printf(" [%d,%d)'%.*s'", (int)m[k].rm_so, (int)m[k].rm_eo,
                       (int)(m[k].rm_eo - m[k].rm_so),
                       cases[i].text + m[k].rm_so);
            }
            printf("\n");
        }
        regfree(&re);
    }
    regex_t bad;
    char err[64];
    int rc = regcomp(&bad, "a[b", REG_EXTENDED);
    regerror(rc, &bad, err, sizeof(err));
    printf("regex bad: rc %s, '%s'\n", rc ? "nonzero" : "0", err);
}

/* ---- pthreads ------------------------------------------------------------- */

enum { NTHREADS = 4, ROUNDS = 20000 };

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static long counter;
static int ready;
static pthread_key_t tkey;

static void *worker(void *arg)
{
    long id = (long)arg;
    char name[16];

    snprintf(name, sizeof(name), "thread-%ld", id);
    pthread_setspecific(tkey, name);
    pthread_mutex_lock(&mu);
    ready++;
    pthread_cond_broadcast(&cv);
    while (ready < NTHREADS) {
        pthread_cond_wait(&cv, &mu);
    }
    pthread_mutex_unlock(&mu);
    for (int i = 0; i < ROUNDS; i++) {
        pthread_mutex_lock(&mu);
        counter++;
        pthread_mutex_unlock(&mu);
    }
    /* thread-specific data is this thread's own */
    return (void *)(long)(strcmp(pthread_getspecific(tkey), name) == 0 ?
                          id * 10 : -1);
}

static void test_threads(void)
{
    pthread_t t[NTHREADS];
    long sum = 0;

    pthread_key_create(&tkey, NULL);
    for (long i = 0; i < NTHREADS; i++) {
        pthread_create(&t[i], NULL, worker, (void *)i);
    }
    for (int i = 0; i < NTHREADS; i++) {
        void *r;
        pthread_join(t[i], &r);
        sum += (long)r;
    }
    printf("threads: counter %ld (expect %d), results %ld\n", counter,
           NTHREADS * ROUNDS, sum);
}

/* ---- sockets over loopback --------------------------------------------- */

static void *tcp_server(void *arg)
{
    int ls = *(int *)arg, c;
    char buf[64];
    ssize_t n;

    c = accept(ls, NULL, NULL);
    if (c < 0) {
        return NULL;
    }
    while ((n = recv(c, buf, sizeof(buf), 0)) > 0) {
        for (ssize_t i = 0; i < n; i++) {
            if (buf[i] >= 'a' && buf[i] <= 'z') {
                buf[i] -= 32;
            }
        }
        send(c, buf, (size_t)n, 0);
    }
    close(c);
    return NULL;
}

static void test_sockets(void)
{
    struct sockaddr_in sa;
    socklen_t sl = sizeof(sa);
    int ls = socket(AF_INET, SOCK_STREAM, 0), one = 1, c;
    pthread_t th;
    char buf[64] = { 0 };
    ssize_t n, got = 0;

    setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    memset(&sa, 0, sizeof(sa));
    sa.sin_family = AF_INET;
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    sa.sin_port = 0;
    if (bind(ls, (struct sockaddr *)&sa, sizeof(sa)) || listen(ls, 1) ||
        getsockname(ls, (struct sockaddr *)&sa, &sl)) {
        printf("tcp: setup failed: %s\n", strerror(errno));
        close(ls);
        return;
    }
    printf("tcp: bound to %s, port nonzero %d\n", inet_ntoa(sa.sin_addr),
           ntohs(sa.sin_port) != 0);
    pthread_create(&th, NULL, tcp_server, &ls);
    c = socket(AF_INET, SOCK_STREAM, 0);
    setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    if (connect(c, (struct sockaddr *)&sa, sizeof(sa))) {
        printf("tcp: connect failed: %s\n", strerror(errno));
    } else {
        send(c, "hello, ", 7, 0);
        send(c, "loopback", 8, 0);
        while (got < 15 && (n = recv(c, buf + got, sizeof(buf) - 1 -
                                     (size_t)got, 0)) > 0) {
            got += n;
        }
        printf("tcp: echoed '%s'\n", buf);
        struct sockaddr_in peer;
        socklen_t pl = sizeof(peer);
        getpeername(c, (struct sockaddr *)&peer, &pl);
        printf("tcp: peer %s same port %d\n", inet_ntoa(peer.sin_addr),
               peer.sin_port == sa.sin_port);
    }
    shutdown(c, SHUT_WR);
    pthread_join(th, NULL);
    close(c);
    close(ls);

    /* UDP: a datagram to ourselves */
    int u = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in ua, from;
    socklen_t ul = sizeof(ua), fl = sizeof(from);
    memset(&ua, 0, sizeof(ua));
    ua.sin_family = AF_INET;
    ua.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(u, (struct sockaddr *)&ua, sizeof(ua));
    getsockname(u, (struct sockaddr *)&ua, &ul);
    sendto(u, "datagram", 8, 0, (struct sockaddr *)&ua, sizeof(ua));
    memset(buf, 0, sizeof(buf));
    n = recvfrom(u, buf, sizeof(buf), 0, (struct sockaddr *)&from, &fl);
    printf("udp: %zd bytes '%s' from %s, same port %d\n", n, buf,
           inet_ntoa(from.sin_addr), from.sin_port == ua.sin_port);
    close(u);
}

/* ---- name resolution --------------------------------------------------- */

static void test_resolve(void)
{
    struct addrinfo hints, *res, *p;
    int rc;
    char host[64], serv[32];

    memset(&hints, 0, sizeof(hints));
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    rc = getaddrinfo("localhost", "80", &hints, &res);
    if (rc) {
        printf("getaddrinfo localhost: %s\n", gai_strerror(rc));
    } else {
        for (p = res; p; p = p->ai_next) {
            struct sockaddr_in *a = (struct sockaddr_in *)p->ai_addr;
            printf("getaddrinfo localhost: %s port %d socktype %s\n",
                   inet_ntoa(a->sin_addr), ntohs(a->sin_port),
                   p->ai_socktype == SOCK_STREAM ? "stream" : "other");
        }
        freeaddrinfo(res);
    }
    hints.ai_flags = AI_NUMERICHOST;
    hints.ai_socktype = SOCK_DGRAM;
    rc = getaddrinfo("127.0.0.1", "53", &hints, &res);
    if (rc == 0) {
        struct sockaddr_in *a = (struct sockaddr_in *)res->ai_addr;
        printf("getaddrinfo numeric: %s port %d\n", inet_ntoa(a->sin_addr),
               ntohs(a->sin_port));
        rc = getnameinfo(res->ai_addr, res->ai_addrlen, host, sizeof(host),
                         serv, sizeof(serv), NI_NUMERICSERV);
        printf("getnameinfo 127.0.0.1: %s %s\n", rc ? gai_strerror(rc)
                                                     : host, serv);
        freeaddrinfo(res);
    }
    rc = getaddrinfo("no-such-host.invalid", NULL, &hints, &res);
    printf("getaddrinfo bad numeric host: %s\n", rc ? "error" : "found");
    struct in_addr ia;
    printf("inet_pton %d inet_ntop ", inet_pton(AF_INET, "10.1.2.3", &ia));
    printf("%s\n", inet_ntop(AF_INET, &ia, host, sizeof(host)));
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    test_stdio();
    test_format();
    test_sort();
    test_regex();
    test_threads();
    test_sockets();
    test_resolve();
    return 0;
}

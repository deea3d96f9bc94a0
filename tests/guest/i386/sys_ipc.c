/* tests/guest/i386/sys_ipc.c — the i386 multiplexers: socketcall(102)
 * for every socket call, ipc(117) directly (msgrcv's ipc_kludge, shmat's
 * result through a pointer, unknown calls) and System V semaphores,
 * message queues and shared memory through glibc (which uses ipc() on
 * i386): values, errors, IPC_STAT layouts, shmat aliasing, read-only
 * attachments, fork. Expected output from a native run.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <netinet/in.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

union semun {
    int val;
    struct semid_ds *buf;
    unsigned short *array;
};

static long sc(int call, const unsigned long *args)
{
    long r = syscall(SYS_socketcall, call, args);
    return r < 0 ? -errno : r;
}

static const char *err(long r)
{
    static char buf[64];

    if (r >= 0) {
        snprintf(buf, sizeof(buf), "ok");
    } else {
        snprintf(buf, sizeof(buf), "%s", strerror((int)-r));
    }
    return buf;
}

static void test_socketcall(void)
{
    int sv[2], ls, cs, as;
    unsigned long a[6];
    struct sockaddr_in sin;
    socklen_t len;
    char buf[64];
    int one = 1, val;
    long r;

    a[0] = AF_UNIX; a[1] = SOCK_STREAM; a[2] = 0; a[3] = (unsigned long)sv;
    printf("socketpair: %s\n", err(sc(8, a)));
    a[0] = sv[0]; a[1] = (unsigned long)"ping"; a[2] = 4; a[3] = 0;
    printf("send: %ld\n", sc(9, a));
    memset(buf, 0, sizeof(buf));
    a[0] = sv[1]; a[1] = (unsigned long)buf; a[2] = sizeof(buf); a[3] = 0;
    r = sc(10, a);
    printf("recv: %ld %s\n", r, buf);
    a[0] = sv[1]; a[1] = SHUT_WR;
    printf("shutdown: %s\n", err(sc(13, a)));
    a[0] = sv[0]; a[1] = (unsigned long)buf; a[2] = sizeof(buf); a[3] = 0;
    printf("recv after shutdown: %ld\n", sc(10, a));

    a[0] = AF_INET; a[1] = SOCK_STREAM; a[2] = 0;
    ls = (int)sc(1, a);
    printf("socket: %s\n", err(ls));
    a[0] = ls; a[1] = SOL_SOCKET; a[2] = SO_REUSEADDR;
    a[3] = (unsigned long)&one; a[4] = sizeof(one);
    printf("setsockopt: %s\n", err(sc(14, a)));
    len = sizeof(val);
    a[3] = (unsigned long)&val; a[4] = (unsigned long)&len;
    r = sc(15, a);
    printf("getsockopt: %s %d %u\n", err(r), val != 0, len);
    memset(&sin, 0, sizeof(sin));
    sin.sin_family = AF_INET;
    sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a[0] = ls; a[1] = (unsigned long)&sin; a[2] = sizeof(sin);
    printf("bind: %s\n", err(sc(2, a)));
    len = sizeof(sin);
    a[0] = ls; a[1] = (unsigned long)&sin; a[2] = (unsigned long)&len;
    r = sc(6, a);
    printf("getsockname: %s port>0 %d len %u\n", err(r), sin.sin_port != 0,
           len);
    a[0] = ls; a[1] = 4;
    printf("listen: %s\n", err(sc(4, a)));
    a[0] = AF_INET; a[1] = SOCK_STREAM; a[2] = 0;
    cs = (int)sc(1, a);
    a[0] = cs; a[1] = (unsigned long)&sin; a[2] = sizeof(sin);
    printf("connect: %s\n", err(sc(3, a)));
    a[0] = ls; a[1] = 0; a[2] = 0; a[3] = SOCK_CLOEXEC;
    as = (int)sc(18, a);
    printf("accept4: %s\n", err(as));
    len = sizeof(sin);
    a[0] = cs; a[1] = (unsigned long)&sin; a[2] = (unsigned long)&len;
    printf("getpeername: %s\n", err(sc(7, a)));
    a[0] = as; a[1] = (unsigned long)"hello"; a[2] = 5; a[3] = 0;
    a[4] = 0; a[5] = 0;
    printf("sendto: %ld\n", sc(11, a));
    memset(buf, 0, sizeof(buf));
    a[0] = cs; a[1] = (unsigned long)buf; a[2] = sizeof(buf); a[3] = 0;
    a[4] = 0; a[5] = 0;
    r = sc(12, a);
    printf("recvfrom: %ld %s\n", r, buf);
    {
        struct iovec iov = { "msg!", 4 };
        struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1 };
        a[0] = cs; a[1] = (unsigned long)&mh; a[2] = 0;
        printf("sendmsg: %ld\n", sc(16, a));
        memset(buf, 0, sizeof(buf));
        iov.iov_base = buf;
        iov.iov_len = sizeof(buf);
        a[0] = as;
        r = sc(17, a);
        printf("recvmsg: %ld %s\n", r, buf);
    }
    a[0] = ls; a[1] = 0; a[2] = 0;
    a[0] = AF_INET; a[1] = SOCK_DGRAM; a[2] = 0;
    printf("call 0: %s\n", err(sc(0, a)));
    printf("call 21: %s\n", err(sc(21, a)));
    printf("bad args: %s\n", err(sc(1, (unsigned long *)8)));
    close(sv[0]);
    close(sv[1]);
    close(ls);
    close(cs);
    close(as);
}

static void test_sem(void)
{
    int id = semget(IPC_PRIVATE, 3, IPC_CREAT | 0600);
    unsigned short vals[3] = { 1, 2, 3 }, out[3] = { 0 };
    union semun u;
    struct semid_ds ds;
    struct sembuf op[2];
    struct timespec ts = { 0, 20 * 1000 * 1000 };

    printf("semget: %s\n", id >= 0 ? "ok" : strerror(errno));
    int r, v0, v1, v2;

    u.array = vals;
    printf("SETALL: %d\n", semctl(id, 0, SETALL, u));
    u.array = out;
    r = semctl(id, 0, GETALL, u);
    printf("GETALL: %d %u %u %u\n", r, out[0], out[1], out[2]);
    u.val = 7;
    r = semctl(id, 1, SETVAL, u);
    printf("SETVAL: %d GETVAL: %d\n", r, semctl(id, 1, GETVAL));
    op[0] = (struct sembuf){ 0, 5, 0 };
    op[1] = (struct sembuf){ 2, -3, 0 };
    r = semop(id, op, 2);
    v0 = semctl(id, 0, GETVAL);
    v1 = semctl(id, 1, GETVAL);
    v2 = semctl(id, 2, GETVAL);
    printf("semop: %d vals %d %d %d\n", r, v0, v1, v2);
    op[0] = (struct sembuf){ 2, -1, IPC_NOWAIT };
    r = semop(id, op, 1);
    printf("semop nowait: %d %s\n", r, strerror(errno));
    op[0] = (struct sembuf){ 2, -1, 0 };
    r = semtimedop(id, op, 1, &ts);
    printf("semtimedop: %d %s\n", r, strerror(errno));
    v0 = semctl(id, 0, GETPID) == getpid();
    v1 = semctl(id, 0, GETNCNT);
    v2 = semctl(id, 2, GETZCNT);
    printf("GETPID is me: %d GETNCNT: %d GETZCNT: %d\n", v0, v1, v2);
    u.buf = &ds;
    memset(&ds, 0, sizeof(ds));
    r = semctl(id, 0, IPC_STAT, u);
    printf("IPC_STAT: %d nsems %lu mode %o uid ok %d otime ok %d\n", r,
           (unsigned long)ds.sem_nsems, ds.sem_perm.mode & 0777,
           ds.sem_perm.uid == getuid(), ds.sem_otime > 1000000000);
    ds.sem_perm.mode = 0640;
    printf("IPC_SET: %d\n", semctl(id, 0, IPC_SET, u));
    memset(&ds, 0, sizeof(ds));
    semctl(id, 0, IPC_STAT, u);
    printf("mode now %o\n", ds.sem_perm.mode & 0777);
    op[0] = (struct sembuf){ 9, 1, 0 };
    r = semop(id, op, 1);
    printf("semop bad num: %d %s\n", r, strerror(errno));
    printf("IPC_RMID: %d\n", semctl(id, 0, IPC_RMID));
    r = semctl(id, 0, GETVAL);
    printf("GETVAL removed: %d %s\n", r, strerror(errno));
}

struct msg {
    long type;
    char text[32];
};

static void test_msg(void)
{
    int id = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
    struct msg m;
    struct msqid_ds ds;
    ssize_t r;

    printf("msgget: %s\n", id >= 0 ? "ok" : strerror(errno));
    m.type = 2;
    strcpy(m.text, "second type");
    printf("msgsnd: %d\n", msgsnd(id, &m, strlen(m.text) + 1, 0));
    m.type = 1;
    strcpy(m.text, "first type");
    printf("msgsnd: %d\n", msgsnd(id, &m, strlen(m.text) + 1, 0));
    memset(&ds, 0, sizeof(ds));
    r = msgctl(id, IPC_STAT, &ds);
    printf("IPC_STAT: %zd qnum %lu cbytes %lu qbytes>0 %d lspid ok %d\n",
           r, (unsigned long)ds.msg_qnum,
           (unsigned long)ds.__msg_cbytes, ds.msg_qbytes > 0,
           ds.msg_lspid == getpid());
    memset(&m, 0, sizeof(m));
    r = msgrcv(id, &m, sizeof(m.text), 2, 0);
    printf("msgrcv type 2: %zd %ld %s\n", r, m.type, m.text);
    r = msgrcv(id, &m, 4, 0, IPC_NOWAIT);
    printf("msgrcv small: %zd %s\n", r, strerror(errno));
    r = msgrcv(id, &m, 4, 0, MSG_NOERROR);
    printf("msgrcv noerror: %zd %ld %.4s\n", r, m.type, m.text);
    r = msgrcv(id, &m, sizeof(m.text), 0, IPC_NOWAIT);
    printf("msgrcv empty: %zd %s\n", r, strerror(errno));
    m.type = 0;
    r = msgsnd(id, &m, 1, 0);
    printf("msgsnd type 0: %zd %s\n", r, strerror(errno));
    msgctl(id, IPC_STAT, &ds);
    ds.msg_qbytes = 1000;
    printf("IPC_SET: %d\n", msgctl(id, IPC_SET, &ds));
    memset(&ds, 0, sizeof(ds));
    msgctl(id, IPC_STAT, &ds);
    printf("qbytes now %lu\n", (unsigned long)ds.msg_qbytes);
    printf("IPC_RMID: %d\n", msgctl(id, IPC_RMID, NULL));
    r = msgsnd(id, &m, 1, 0);
    printf("msgsnd removed: %zd %s\n", r, strerror(errno));
}

static sigjmp_buf segv_jmp;

static void on_segv(int sig)
{
    siglongjmp(segv_jmp, 1);
}

static void test_shm(void)
{
    int id = shmget(IPC_PRIVATE, 10000, IPC_CREAT | 0600);
    struct shmid_ds ds;
    char *p, *q, *ro;
    pid_t pid;
    int st;

    printf("shmget: %s\n", id >= 0 ? "ok" : strerror(errno));
    p = shmat(id, NULL, 0);
    q = shmat(id, NULL, 0);
    printf("shmat: %d %d aligned %d distinct %d\n", p != (void *)-1,
           q != (void *)-1, ((uintptr_t)p & 4095) == 0, p != q);
    strcpy(p, "written through p");
    printf("q sees: %s\n", q);
    p[9999] = 'z';
    printf("last byte: %c\n", q[9999]);
    memset(&ds, 0, sizeof(ds));
    st = shmctl(id, IPC_STAT, &ds);
    printf("IPC_STAT: %d segsz %lu nattch %lu mode %o cpid ok %d\n",
           st, (unsigned long)ds.shm_segsz,
           (unsigned long)ds.shm_nattch, ds.shm_perm.mode & 0777,
           ds.shm_cpid == getpid());
    ro = shmat(id, NULL, SHM_RDONLY);
    printf("ro reads: %s\n", ro);
    signal(SIGSEGV, on_segv);
    if (sigsetjmp(segv_jmp, 1) == 0) {
        ro[0] = 'X';
        printf("ro write: no fault\n");
    } else {
        printf("ro write: SIGSEGV\n");
    }
    signal(SIGSEGV, SIG_DFL);
    printf("shmdt ro: %d\n", shmdt(ro));
    pid = fork();
    if (pid == 0) {
        strcpy(q, "child was here");
        _exit(shmdt(q) == 0 ? 0 : 1);
    }
    waitpid(pid, &st, 0);
    printf("after child (%d): %s\n", WEXITSTATUS(st), p);
    {
        /* A fixed address, rounded with SHM_RND. */
        char *want = (char *)(((uintptr_t)p + 0x100000) & ~0xfffu);
        char *f = shmat(id, want + 123, SHM_RND);
        printf("SHM_RND: %d\n", f == want);
        st = shmat(id, want + 123, 0) == (void *)-1;
        printf("unaligned without SHM_RND: %d %s\n", st, strerror(errno));
        st = shmat(id, p, 0) == (void *)-1;
        printf("over a mapping: %d %s\n", st, strerror(errno));
        printf("f sees: %.14s\n", f);
        shmdt(f);
    }
    shmctl(id, IPC_STAT, &ds);
    printf("nattch %lu\n", (unsigned long)ds.shm_nattch);
    st = shmdt(q);
    printf("shmdt q: %d", st);
    st = shmdt(q);
    printf(" shmdt q again: %d %s\n", st, strerror(errno));
    st = shmdt((char *)p + 4096);
    printf("shmdt not attached: %d %s\n", st, strerror(errno));
    printf("IPC_RMID: %d\n", shmctl(id, IPC_RMID, NULL));
    printf("still mapped: %.7s\n", p);
    printf("shmdt p: %d\n", shmdt(p));
    st = shmat(id, NULL, 0) == (void *)-1;
    printf("shmat removed: %d %s\n", st, strerror(errno));
    {
        struct shminfo si;
        int r = shmctl(0, IPC_INFO, (struct shmid_ds *)&si);
        printf("IPC_INFO: %d shmmax>0 %d shmmni>0 %d\n", r >= 0,
               si.shmmax > 0, si.shmmni > 0);
    }
}

/* ipc(2) itself: version-0 msgrcv with struct ipc_kludge, shmat with the
 * address stored through `third`, an unknown call. */
static void test_ipc_direct(void)
{
    int id = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
    struct msg m = { 5, "kludge" };
    struct { void *msgp; long type; } k = { &m, 5 };
    unsigned long raddr = 0;
    long r;
    int sid;

    syscall(SYS_ipc, 11, id, 7, 0, &m);                 /* MSGSND */
    memset(&m, 0, sizeof(m));
    r = syscall(SYS_ipc, 12, id, sizeof(m.text), 0, &k); /* MSGRCV v0 */
    printf("ipc msgrcv v0: %ld %ld %s\n", r, m.type, m.text);
    msgctl(id, IPC_RMID, NULL);
    sid = shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600);
    r = syscall(SYS_ipc, 21, sid, 0, &raddr, NULL);     /* SHMAT v0 */
    printf("ipc shmat: %ld addr set %d\n", r, raddr != 0);
    strcpy((char *)raddr, "via ipc");
    printf("reads: %s\n", (char *)raddr);
    r = syscall(SYS_ipc, 22, 0, 0, 0, (void *)raddr);   /* SHMDT */
    printf("ipc shmdt: %ld\n", r);
    shmctl(sid, IPC_RMID, NULL);
    r = syscall(SYS_ipc, 99, 0, 0, 0, NULL);
    printf("ipc 99: %ld %s\n", r, strerror(errno));
    /* semctl through ipc(2): arg is read through ptr. */
    sid = semget(IPC_PRIVATE, 1, IPC_CREAT | 0600);
    {
        union semun u = { .val = 42 };
        r = syscall(SYS_ipc, 3, sid, 0, SETVAL, &u);
        printf("ipc semctl SETVAL: %ld GETVAL %d\n", r,
               semctl(sid, 0, GETVAL));
        r = syscall(SYS_ipc, 3, sid, 0, SETVAL, NULL);
        printf("ipc semctl NULL ptr: %ld %s\n", r, strerror(errno));
    }
    semctl(sid, 0, IPC_RMID);
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    test_socketcall();
    test_sem();
    test_msg();
    test_shm();
    test_ipc_direct();
    return 0;
}

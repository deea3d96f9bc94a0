/* linux-user/syscall_ipc.c — System V IPC: semaphores (semget, semop,
 * semtimedop, semctl), message queues (msgget, msgsnd, msgrcv, msgctl)
 * and shared memory (shmget, shmat, shmdt, shmctl) as direct syscalls;
 * the i386/ARM-OABI ipc(2) multiplexer (syscall_mux.c) dispatches onto
 * these. Struct layouts are the IPC_64 ones of 32-bit guests
 * (asm-generic ipcbuf.h/sembuf.h/msgbuf.h/shmbuf.h: the same on i386
 * and ARM); shmat maps the segment inside the guest reservation.
 */
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>

#include "guest_mem.h"
#include "syscall.h"
#include "syscall_util.h"
#include "thunk.h"

/* The guest's cmd flag selecting the 64-bit (new) layouts. */
#define TGT_IPC_64 0x100
/* Kernel limit on semop's nsops (SEMOPM). */
#define TGT_SEMOPM 500

union ipc_semun {
    int val;
    struct semid_ds *buf;
    unsigned short *array;
    struct seminfo *info;
};

/* ---- Layouts ----------------------------------------------------------- */

/* Host-side images of the guest structs: every member a 32-bit guest
 * field (times split in low and high words as the kernel does). */
typedef struct TgtHostIpcPerm {
    int32_t key;
    uint32_t uid, gid, cuid, cgid;
    uint32_t mode, seq;
} TgtHostIpcPerm;

typedef struct TgtHostSemid {
    TgtHostIpcPerm perm;
    uint32_t otime, otime_high, ctime, ctime_high, nsems;
} TgtHostSemid;

typedef struct TgtHostMsqid {
    TgtHostIpcPerm perm;
    uint32_t stime, stime_high, rtime, rtime_high, ctime, ctime_high;
    uint32_t cbytes, qnum, qbytes;
    int32_t lspid, lrpid;
} TgtHostMsqid;

typedef struct TgtHostShmid {
    TgtHostIpcPerm perm;
    uint32_t segsz, atime, atime_high, dtime, dtime_high, ctime, ctime_high;
    int32_t cpid, lpid;
    uint32_t nattch;
} TgtHostShmid;

/* struct ipc64_perm: mode is a 16-bit __kernel_mode_t on i386 and ARM,
 * followed by padding; then seq, padding and two unused longs. */
#define IPC_PERM_FIELDS(htype) \
    THUNK_FIELD(htype, perm.key, THUNK_SINT, 4), \
    THUNK_FIELD(htype, perm.uid, THUNK_UINT, 4), \
    THUNK_FIELD(htype, perm.gid, THUNK_UINT, 4), \
    THUNK_FIELD(htype, perm.cuid, THUNK_UINT, 4), \
    THUNK_FIELD(htype, perm.cgid, THUNK_UINT, 4), \
    THUNK_FIELD(htype, perm.mode, THUNK_UINT, 2), \
    THUNK_PAD(2), \
    THUNK_FIELD(htype, perm.seq, THUNK_UINT, 2), \
    THUNK_PAD(2), \
    THUNK_PAD(8)

static const ThunkField ipc_semid_fields[] = {
    IPC_PERM_FIELDS(TgtHostSemid),
    THUNK_FIELD(TgtHostSemid, otime, THUNK_UINT, 0),
    THUNK_FIELD(TgtHostSemid, otime_high, THUNK_UINT, 0),
    THUNK_FIELD(TgtHostSemid, ctime, THUNK_UINT, 0),
    THUNK_FIELD(TgtHostSemid, ctime_high, THUNK_UINT, 0),
    THUNK_FIELD(TgtHostSemid, nsems, THUNK_UINT, 0),
    THUNK_PAD(8),
};

static const ThunkField ipc_msqid_fields[] = {
    IPC_PERM_FIELDS(TgtHostMsqid),
    THUNK_FIELD(TgtHostMsqid, stime, THUNK_UINT, 0),
    THUNK_FIELD(TgtHostMsqid, stime_high, THUNK_UINT, 0),
    THUNK_FIELD(TgtHostMsqid, rtime, THUNK_UINT, 0),
    THUNK_FIELD(TgtHostMsqid, rtime_high, THUNK_UINT, 0),
    THUNK_FIELD(TgtHostMsqid, ctime, THUNK_UINT, 0),
    THUNK_FIELD(TgtHostMsqid, ctime_high, THUNK_UINT, 0),
    THUNK_FIELD(TgtHostMsqid, cbytes, THUNK_UINT, 0),
    THUNK_FIELD(TgtHostMsqid, qnum, THUNK_UINT, 0),
    THUNK_FIELD(TgtHostMsqid, qbytes, THUNK_UINT, 0),
    THUNK_FIELD(TgtHostMsqid, lspid, THUNK_SINT, 4),
    THUNK_FIELD(TgtHostMsqid, lrpid, THUNK_SINT, 4),
    THUNK_PAD(8),
};

static const ThunkField ipc_shmid_fields[] = {
    IPC_PERM_FIELDS(TgtHostShmid),
    THUNK_FIELD(TgtHostShmid, segsz, THUNK_UINT, 0),
    THUNK_FIELD(TgtHostShmid, atime, THUNK_UINT, 0),
    THUNK_FIELD(TgtHostShmid, atime_high, THUNK_UINT, 0),
    THUNK_FIELD(TgtHostShmid, dtime, THUNK_UINT, 0),
    THUNK_FIELD(TgtHostShmid, dtime_high, THUNK_UINT, 0),
    THUNK_FIELD(TgtHostShmid, ctime, THUNK_UINT, 0),
    THUNK_FIELD(TgtHostShmid, ctime_high, THUNK_UINT, 0),
    THUNK_FIELD(TgtHostShmid, cpid, THUNK_SINT, 4),
    THUNK_FIELD(TgtHostShmid, lpid, THUNK_SINT, 4),
    THUNK_FIELD(TgtHostShmid, nattch, THUNK_UINT, 0),
    THUNK_PAD(8),
};

enum { IPC_L_SEMID, IPC_L_MSQID, IPC_L_SHMID, IPC_L_COUNT };

static const ThunkStruct ipc_structs[IPC_L_COUNT] = {
    [IPC_L_SEMID] = { "semid64_ds", sizeof(TgtHostSemid), 64,
                      sizeof(ipc_semid_fields) / sizeof(ThunkField),
                      ipc_semid_fields },
    [IPC_L_MSQID] = { "msqid64_ds", sizeof(TgtHostMsqid), 88,
                      sizeof(ipc_msqid_fields) / sizeof(ThunkField),
                      ipc_msqid_fields },
    [IPC_L_SHMID] = { "shmid64_ds", sizeof(TgtHostShmid), 84,
                      sizeof(ipc_shmid_fields) / sizeof(ThunkField),
                      ipc_shmid_fields },
};

/* The resolved layout for the running guest (resolved once). */
static const ThunkLayout *ipc_layout(int which)
{
    static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
    static ThunkLayout *cache[IPC_L_COUNT];
    ThunkLayout *l;

    pthread_mutex_lock(&lock);
    if (!cache[which]) {
        cache[which] = thunk_resolve(&ipc_structs[which],
                                     &sys_abi()->thunk_rules);
    }
    l = cache[which];
    pthread_mutex_unlock(&lock);
    return l;
}

static void ipc_perm_to_tgt(TgtHostIpcPerm *t, const struct ipc_perm *p)
{
    t->key = p->__key;
    t->uid = p->uid;
    t->gid = p->gid;
    t->cuid = p->cuid;
    t->cgid = p->cgid;
    t->mode = p->mode;
    t->seq = p->__seq;
}

/* The fields IPC_SET uses. */
static void ipc_perm_from_tgt(struct ipc_perm *p, const TgtHostIpcPerm *t)
{
    p->uid = t->uid;
    p->gid = t->gid;
    p->mode = (unsigned short)t->mode;
}

static void ipc_time(uint32_t *lo, uint32_t *hi, time_t t)
{
    *lo = (uint32_t)t;
    *hi = (uint32_t)((uint64_t)t >> 32);
}

/* Reads a 32-bit guest struct of n words into host ints. */
static int ipc_put_words(uint32_t gaddr, const uint32_t *w, unsigned n)
{
    for (unsigned i = 0; i < n; i++) {
        if (guest_put_u32(gaddr + 4 * i, w[i]) < 0) {
            return -EFAULT;
        }
    }
    return 0;
}

static uint32_t ipc_clamp(unsigned long v)
{
    return v > UINT32_MAX ? UINT32_MAX : (uint32_t)v;
}

/* The command of a *ctl call. The direct syscalls use the IPC_64
 * layouts (i386's outright, ARM's after ipc_parse_version: glibc sets
 * the flag there), so the flag is accepted and dropped; ipc(2) refuses
 * the old layouts before it gets here (syscall_mux.c). */
static int ipc_cmd(int32_t cmd)
{
    return cmd & ~TGT_IPC_64;
}

/* ---- Semaphores --------------------------------------------------------- */

static int64_t sys_semget(CpuCommon *cpu, const SyscallCall *c)
{
    return sys_ret(semget(sys_int(c, 0), sys_int(c, 1), sys_int(c, 2)));
}

/* semop(id, sops, nsops), semtimedop(id, sops, nsops, timeout). */
static int64_t sys_semtimedop(CpuCommon *cpu, const SyscallCall *c)
{
    uint32_t nsops = sys_u32(c, 2), sops = sys_u32(c, 1);
    uint32_t tmo = c->id == SYSID_semop ? 0 : sys_u32(c, 3);
    struct sembuf *hs;
    struct timespec ts;
    int64_t r;

    if (nsops < 1 || (int32_t)nsops < 0) {
        return -EINVAL;
    }
    if (nsops > TGT_SEMOPM) {
        return -E2BIG;
    }
    if (tmo) {
        r = sys_get_timespec(&ts, tmo, c->id == SYSID_semtimedop_time64);
        if (r < 0) {
            return r;
        }
    }
    hs = calloc(nsops, sizeof(*hs));
    if (!hs) {
        return -ENOMEM;
    }
    for (uint32_t i = 0; i < nsops; i++) {
        uint16_t num, op, flg;
        if (guest_get_u16(sops + 6 * i, &num) < 0
            || guest_get_u16(sops + 6 * i + 2, &op) < 0
            || guest_get_u16(sops + 6 * i + 4, &flg) < 0) {
            free(hs);
            return -EFAULT;
        }
        hs[i].sem_num = num;
        hs[i].sem_op = (short)op;
        hs[i].sem_flg = (short)flg;
    }
    /* Interrupted waits return EINTR (the kernel's ERESTARTNOHAND: no
     * restart once a handler ran). */
    r = sys_ret(semtimedop(sys_int(c, 0), hs, nsops, tmo ? &ts : NULL));
    free(hs);
    return r;
}

static int64_t ipc_semctl_stat(int id, int num, int cmd, uint32_t gbuf)
{
    struct semid_ds ds;
    TgtHostSemid t;
    union ipc_semun u = { .buf = &ds };
    int r = semctl(id, num, cmd, u);

    if (r < 0) {
        return -errno;
    }
    memset(&t, 0, sizeof(t));
    ipc_perm_to_tgt(&t.perm, &ds.sem_perm);
    ipc_time(&t.otime, &t.otime_high, ds.sem_otime);
    ipc_time(&t.ctime, &t.ctime_high, ds.sem_ctime);
    t.nsems = (uint32_t)ds.sem_nsems;
    if (thunk_to_guest_mem(ipc_layout(IPC_L_SEMID), gbuf, &t) < 0) {
        return -EFAULT;
    }
    return r;
}

/* GETALL / SETALL: the array has as many entries as the set. */
static int64_t ipc_semctl_all(int id, int cmd, uint32_t garr)
{
    struct semid_ds ds;
    union ipc_semun u = { .buf = &ds };
    unsigned short *a;
    int64_t r;

    if (semctl(id, 0, IPC_STAT, u) < 0) {
        return -errno;
    }
    a = calloc(ds.sem_nsems ? ds.sem_nsems : 1, sizeof(*a));
    if (!a) {
        return -ENOMEM;
    }
    u.array = a;
    if (cmd == SETALL) {
        for (unsigned long i = 0; i < ds.sem_nsems; i++) {
            uint16_t v;
            if (guest_get_u16(garr + 2 * i, &v) < 0) {
                free(a);
                return -EFAULT;
            }
            a[i] = v;
        }
        r = sys_ret(semctl(id, 0, SETALL, u));
    } else {
        r = sys_ret(semctl(id, 0, GETALL, u));
        for (unsigned long i = 0; r >= 0 && i < ds.sem_nsems; i++) {
            if (guest_put_u16(garr + 2 * i, a[i]) < 0) {
                r = -EFAULT;
            }
        }
    }
    free(a);
    return r;
}

/* semctl(id, num, cmd, arg): arg is the union semun itself (a value or
 * a guest pointer). */
static int64_t sys_semctl(CpuCommon *cpu, const SyscallCall *c)
{
    int id = sys_int(c, 0), num = sys_int(c, 1);
    uint32_t arg = sys_u32(c, 3);
    int cmd = ipc_cmd(sys_int(c, 2));
    union ipc_semun u;

    switch (cmd) {
    case IPC_RMID:
    case GETPID:
    case GETVAL:
    case GETNCNT:
    case GETZCNT:
        return sys_ret(semctl(id, num, cmd));
    case SETVAL:
        u.val = (int32_t)arg;
        return sys_ret(semctl(id, num, SETVAL, u));
    case GETALL:
    case SETALL:
        return ipc_semctl_all(id, cmd, arg);
    case IPC_STAT:
    case SEM_STAT:
    case SEM_STAT_ANY:
        return ipc_semctl_stat(id, num, cmd, arg);
    case IPC_SET: {
        struct semid_ds ds;
        TgtHostSemid t;

        u.buf = &ds;
        if (semctl(id, 0, IPC_STAT, u) < 0) {
            return -errno;
        }
        if (thunk_from_guest_mem(ipc_layout(IPC_L_SEMID), &t, arg) < 0) {
            return -EFAULT;
        }
        ipc_perm_from_tgt(&ds.sem_perm, &t.perm);
        return sys_ret(semctl(id, 0, IPC_SET, u));
    }
    case IPC_INFO:
    case SEM_INFO: {
        struct seminfo si;
        uint32_t w[10];
        int r;

        u.info = &si;
        r = semctl(id, num, cmd, u);
        if (r < 0) {
            return -errno;
        }
        w[0] = (uint32_t)si.semmap;
        w[1] = (uint32_t)si.semmni;
        w[2] = (uint32_t)si.semmns;
        w[3] = (uint32_t)si.semmnu;
        w[4] = (uint32_t)si.semmsl;
        w[5] = (uint32_t)si.semopm;
        w[6] = (uint32_t)si.semume;
        w[7] = (uint32_t)si.semusz;
        w[8] = (uint32_t)si.semvmx;
        w[9] = (uint32_t)si.semaem;
        return ipc_put_words(arg, w, 10) < 0 ? -EFAULT : r;
    }
    default:
        return -EINVAL;
    }
}

/* ---- Message queues ------------------------------------------------------ */

static int64_t sys_msgget(CpuCommon *cpu, const SyscallCall *c)
{
    return sys_ret(msgget(sys_int(c, 0), sys_int(c, 1)));
}

/* The host struct msgbuf: a long type, then the text. */
typedef struct IpcMsg {
    long mtype;
    char mtext[];
} IpcMsg;

/* msgsnd(id, msgp, size, flags): the guest msgbuf's type is a 32-bit
 * long. */
static int64_t sys_msgsnd(CpuCommon *cpu, const SyscallCall *c)
{
    uint32_t msgp = sys_u32(c, 1), sz = sys_u32(c, 2), type;
    IpcMsg *m;
    int64_t r;

    if ((int32_t)sz < 0) {
        return -EINVAL;
    }
    if (guest_get_u32(msgp, &type) < 0) {
        return -EFAULT;
    }
    m = malloc(sizeof(*m) + sz);
    if (!m) {
        return -ENOMEM;
    }
    m->mtype = (int32_t)type;
    if (copy_from_guest(m->mtext, msgp + 4, sz) < 0) {
        free(m);
        return -EFAULT;
    }
    r = sys_ret(msgsnd(sys_int(c, 0), m, sz, sys_int(c, 3)));
    free(m);
    return r;
}

/* msgrcv(id, msgp, size, type, flags). */
static int64_t sys_msgrcv(CpuCommon *cpu, const SyscallCall *c)
{
    uint32_t msgp = sys_u32(c, 1), sz = sys_u32(c, 2);
    IpcMsg *m;
    int64_t r;

    if ((int32_t)sz < 0) {
        return -EINVAL;
    }
    /* Checked first: a message taken off the queue must not be lost. */
    if (!guest_range_ok(msgp, (size_t)sz + 4, PAGE_WRITE)) {
        return -EFAULT;
    }
    m = malloc(sizeof(*m) + sz);
    if (!m) {
        return -ENOMEM;
    }
    r = sys_ret(msgrcv(sys_int(c, 0), m, sz, (long)sys_int(c, 3),
                       sys_int(c, 4)));
    if (r >= 0 && (guest_put_u32(msgp, (uint32_t)m->mtype) < 0
                   || copy_to_guest(msgp + 4, m->mtext, (size_t)r) < 0)) {
        r = -EFAULT;
    }
    free(m);
    return r;
}

static int64_t sys_msgctl(CpuCommon *cpu, const SyscallCall *c)
{
    int id = sys_int(c, 0);
    uint32_t gbuf = sys_u32(c, 2);
    int cmd = ipc_cmd(sys_int(c, 1));
    struct msqid_ds ds;
    TgtHostMsqid t;
    int r;

    switch (cmd) {
    case IPC_RMID:
        return sys_ret(msgctl(id, IPC_RMID, NULL));
    case IPC_STAT:
    case MSG_STAT:
    case MSG_STAT_ANY:
        r = msgctl(id, cmd, &ds);
        if (r < 0) {
            return -errno;
        }
        memset(&t, 0, sizeof(t));
        ipc_perm_to_tgt(&t.perm, &ds.msg_perm);
        ipc_time(&t.stime, &t.stime_high, ds.msg_stime);
        ipc_time(&t.rtime, &t.rtime_high, ds.msg_rtime);
        ipc_time(&t.ctime, &t.ctime_high, ds.msg_ctime);
        t.cbytes = ipc_clamp(ds.__msg_cbytes);
        t.qnum = ipc_clamp(ds.msg_qnum);
        t.qbytes = ipc_clamp(ds.msg_qbytes);
        t.lspid = ds.msg_lspid;
        t.lrpid = ds.msg_lrpid;
        if (thunk_to_guest_mem(ipc_layout(IPC_L_MSQID), gbuf, &t) < 0) {
            return -EFAULT;
        }
        return r;
    case IPC_SET:
        if (msgctl(id, IPC_STAT, &ds) < 0) {
            return -errno;
        }
        if (thunk_from_guest_mem(ipc_layout(IPC_L_MSQID), &t, gbuf) < 0) {
            return -EFAULT;
        }
        ipc_perm_from_tgt(&ds.msg_perm, &t.perm);
        ds.msg_qbytes = t.qbytes;
        return sys_ret(msgctl(id, IPC_SET, &ds));
    case IPC_INFO:
    case MSG_INFO: {
        struct msginfo mi;
        uint32_t w[8];

        r = msgctl(id, cmd, (struct msqid_ds *)&mi);
        if (r < 0) {
            return -errno;
        }
        w[0] = (uint32_t)mi.msgpool;
        w[1] = (uint32_t)mi.msgmap;
        w[2] = (uint32_t)mi.msgmax;
        w[3] = (uint32_t)mi.msgmnb;
        w[4] = (uint32_t)mi.msgmni;
        w[5] = (uint32_t)mi.msgssz;
        w[6] = (uint32_t)mi.msgtql;
        if (ipc_put_words(gbuf, w, 7) < 0
            || guest_put_u16(gbuf + 28, mi.msgseg) < 0) {
            return -EFAULT;
        }
        return r;
    }
    default:
        return -EINVAL;
    }
}

/* ---- Shared memory ------------------------------------------------------- */

/* Segments attached by the guest: start and length, for shmdt. Changed
 * under the mmap lock; a fork child inherits it with the mappings. */
typedef struct IpcShmAttach {
    uint32_t start, len;
} IpcShmAttach;

static IpcShmAttach *ipc_shm;
static size_t ipc_shm_count, ipc_shm_cap;

static int64_t sys_shmget(CpuCommon *cpu, const SyscallCall *c)
{
    return sys_ret(shmget(sys_int(c, 0), sys_u32(c, 1), sys_int(c, 2)));
}

static bool ipc_range_free(uint32_t start, uint32_t len)
{
    for (uint64_t a = start; a < (uint64_t)start + len; a += GUEST_PAGE_SIZE) {
        if (page_get_flags((uint32_t)a) & (PAGE_VALID | PAGE_RESERVED)) {
            return false;
        }
    }
    return true;
}

/* shmat(id, addr, flags): returns the guest address. The range is first
 * claimed as an ordinary mapping (which drops translated code and sets
 * the page flags), then the host segment replaces it in place. */
static int64_t sys_shmat(CpuCommon *cpu, const SyscallCall *c)
{
    int id = sys_int(c, 0), flg = sys_int(c, 2);
    uint32_t addr = sys_u32(c, 1), shmlba = GUEST_PAGE_SIZE, len;
    uint32_t pflags;
    struct shmid_ds ds;
    int prot;
    int64_t r;
    void *p;

    if (shmctl(id, IPC_STAT, &ds) < 0) {
        return -errno;
    }
    if (ds.shm_segsz == 0 || ds.shm_segsz > UINT32_MAX - GUEST_PAGE_SIZE) {
        return -EINVAL;
    }
    len = ((uint32_t)ds.shm_segsz + GUEST_PAGE_SIZE - 1) & GUEST_PAGE_MASK;
    prot = (flg & SHM_RDONLY) ? PROT_READ : PROT_READ | PROT_WRITE;
    if (flg & SHM_EXEC) {
        prot |= PROT_EXEC;
    }
    guest_mmap_lock();
    if (addr) {
        if (addr & (shmlba - 1)) {
            if (!(flg & SHM_RND)) {
                r = -EINVAL;
                goto out;
            }
            addr &= ~(shmlba - 1);
            if (!addr && (flg & SHM_REMAP)) {
                r = -EINVAL;
                goto out;
            }
        }
        if ((uint64_t)addr + len > guest_mem_limit()) {
            r = -EINVAL;
            goto out;
        }
        if (!(flg & SHM_REMAP) && !ipc_range_free(addr, len)) {
            r = -EINVAL;
            goto out;
        }
    } else {
        r = guest_find_free(0, len, shmlba);
        if (r < 0) {
            goto out;
        }
        addr = (uint32_t)r;
    }
    if (ipc_shm_count == ipc_shm_cap) {
        size_t n = ipc_shm_cap ? 2 * ipc_shm_cap : 16;
        IpcShmAttach *a = realloc(ipc_shm, n * sizeof(*a));
        if (!a) {
            r = -ENOMEM;
            goto out;
        }
        ipc_shm = a;
        ipc_shm_cap = n;
    }
    r = guest_mmap(addr, len, prot, MAP_FIXED | MAP_PRIVATE | MAP_ANONYMOUS,
                   -1, 0);
    if (r < 0) {
        goto out;
    }
    p = shmat(id, g2h(addr), (flg & SHM_RDONLY) | SHM_REMAP);
    if (p == (void *)-1) {
        r = -errno;
        guest_munmap(addr, len);
        goto out;
    }
    /* Shared, not anonymous-private: MADV_DONTNEED must not zero it. */
    pflags = PAGE_VALID | PAGE_READ | ((prot & PROT_WRITE) ? PAGE_WRITE : 0)
             | ((prot & PROT_EXEC) ? PAGE_EXEC : 0);
    page_set_flags(addr, (uint64_t)addr + len, pflags);
    for (size_t i = 0; i < ipc_shm_count; i++) {
        /* An old record the new mapping covers (unmapped meanwhile). */
        if (ipc_shm[i].start >= addr && ipc_shm[i].start < addr + len) {
            ipc_shm[i] = ipc_shm[--ipc_shm_count];
            i--;
        }
    }
    ipc_shm[ipc_shm_count].start = addr;
    ipc_shm[ipc_shm_count].len = len;
    ipc_shm_count++;
    r = addr;
out:
    guest_mmap_unlock();
    return r;
}

static int64_t sys_shmdt(CpuCommon *cpu, const SyscallCall *c)
{
    uint32_t addr = sys_u32(c, 0);
    int64_t r = -EINVAL;

    if (addr & (GUEST_PAGE_SIZE - 1)) {
        return -EINVAL;
    }
    guest_mmap_lock();
    for (size_t i = 0; i < ipc_shm_count; i++) {
        if (ipc_shm[i].start == addr) {
            /* Putting the reservation back over it detaches it. */
            r = guest_munmap(addr, ipc_shm[i].len);
            ipc_shm[i] = ipc_shm[--ipc_shm_count];
            break;
        }
    }
    guest_mmap_unlock();
    return r;
}

static int64_t sys_shmctl(CpuCommon *cpu, const SyscallCall *c)
{
    int id = sys_int(c, 0);
    uint32_t gbuf = sys_u32(c, 2);
    int cmd = ipc_cmd(sys_int(c, 1));
    struct shmid_ds ds;
    TgtHostShmid t;
    int r;

    switch (cmd) {
    case IPC_RMID:
    case SHM_LOCK:
    case SHM_UNLOCK:
        return sys_ret(shmctl(id, cmd, NULL));
    case IPC_STAT:
    case SHM_STAT:
    case SHM_STAT_ANY:
        r = shmctl(id, cmd, &ds);
        if (r < 0) {
            return -errno;
        }
        memset(&t, 0, sizeof(t));
        ipc_perm_to_tgt(&t.perm, &ds.shm_perm);
        t.segsz = ipc_clamp(ds.shm_segsz);
        ipc_time(&t.atime, &t.atime_high, ds.shm_atime);
        ipc_time(&t.dtime, &t.dtime_high, ds.shm_dtime);
        ipc_time(&t.ctime, &t.ctime_high, ds.shm_ctime);
        t.cpid = ds.shm_cpid;
        t.lpid = ds.shm_lpid;
        t.nattch = ipc_clamp(ds.shm_nattch);
        if (thunk_to_guest_mem(ipc_layout(IPC_L_SHMID), gbuf, &t) < 0) {
            return -EFAULT;
        }
        return r;
    case IPC_SET:
        if (shmctl(id, IPC_STAT, &ds) < 0) {
            return -errno;
        }
        if (thunk_from_guest_mem(ipc_layout(IPC_L_SHMID), &t, gbuf) < 0) {
            return -EFAULT;
        }
        ipc_perm_from_tgt(&ds.shm_perm, &t.perm);
        return sys_ret(shmctl(id, IPC_SET, &ds));
    case IPC_INFO: {
        struct shminfo si;
        uint32_t w[9] = { 0 };

        r = shmctl(id, IPC_INFO, (struct shmid_ds *)&si);
        if (r < 0) {
            return -errno;
        }
        /* As the kernel's compat path: shmmax clamped to INT_MAX. */
        w[0] = si.shmmax > INT_MAX ? INT_MAX : (uint32_t)si.shmmax;
        w[1] = ipc_clamp(si.shmmin);
        w[2] = ipc_clamp(si.shmmni);
        w[3] = ipc_clamp(si.shmseg);
        w[4] = ipc_clamp(si.shmall);
        return ipc_put_words(gbuf, w, 9) < 0 ? -EFAULT : r;
    }
    case SHM_INFO: {
        struct shm_info si;
        uint32_t w[6];

        r = shmctl(id, SHM_INFO, (struct shmid_ds *)&si);
        if (r < 0) {
            return -errno;
        }
        w[0] = (uint32_t)si.used_ids;
        w[1] = ipc_clamp(si.shm_tot);
        w[2] = ipc_clamp(si.shm_rss);
        w[3] = ipc_clamp(si.shm_swp);
        w[4] = ipc_clamp(si.swap_attempts);
        w[5] = ipc_clamp(si.swap_successes);
        return ipc_put_words(gbuf, w, 6) < 0 ? -EFAULT : r;
    }
    default:
        return -EINVAL;
    }
}

const SyscallDef syscall_defs_ipc[] = {
    { .id = SYSID_semget, .fn = sys_semget,
      .args = { STRACE_HEX, STRACE_INT, STRACE_OCT } },
    { .id = SYSID_semop, .fn = sys_semtimedop,
      .args = { STRACE_INT, STRACE_PTR, STRACE_UINT } },
    { .id = SYSID_semtimedop, .fn = sys_semtimedop,
      .args = { STRACE_INT, STRACE_PTR, STRACE_UINT, STRACE_PTR } },
    { .id = SYSID_semtimedop_time64, .fn = sys_semtimedop,
      .args = { STRACE_INT, STRACE_PTR, STRACE_UINT, STRACE_PTR } },
    { .id = SYSID_semctl, .fn = sys_semctl,
      .args = { STRACE_INT, STRACE_INT, STRACE_HEX, STRACE_HEX } },
    { .id = SYSID_msgget, .fn = sys_msgget,
      .args = { STRACE_HEX, STRACE_OCT } },
    { .id = SYSID_msgsnd, .fn = sys_msgsnd,
      .args = { STRACE_INT, STRACE_PTR, STRACE_UINT, STRACE_HEX } },
    { .id = SYSID_msgrcv, .fn = sys_msgrcv,
      .args = { STRACE_INT, STRACE_PTR, STRACE_UINT, STRACE_INT,
                STRACE_HEX } },
    { .id = SYSID_msgctl, .fn = sys_msgctl,
      .args = { STRACE_INT, STRACE_HEX, STRACE_PTR } },
    { .id = SYSID_shmget, .fn = sys_shmget,
      .args = { STRACE_HEX, STRACE_UINT, STRACE_OCT } },
    { .id = SYSID_shmat, .fn = sys_shmat,
      .args = { STRACE_INT, STRACE_PTR, STRACE_HEX }, .ret = STRACE_RET_HEX },
    { .id = SYSID_shmdt, .fn = sys_shmdt, .args = { STRACE_PTR } },
    { .id = SYSID_shmctl, .fn = sys_shmctl,
      .args = { STRACE_INT, STRACE_HEX, STRACE_PTR } },
    { 0 },
};

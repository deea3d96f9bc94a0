/* linux-user/syscall_mux.c — the old multiplexing syscalls of i386 (and
 * ARM OABI): socketcall(call, args) unpacks the guest's argument array,
 * ipc(call, first, second, third, ptr, fifth) rearranges its arguments
 * (net/socket.c and ipc/syscall.c), and both run the implementation
 * registered for the direct syscall (syscall_net.c, syscall_ipc.c),
 * found by generic id, so each call has one implementation.
 */
#include <errno.h>
#include <stdio.h>

#include "abi.h"
#include "guest_mem.h"
#include "syscall.h"
#include "syscall_util.h"

/* The implementation registered for `id` (the last registration wins,
 * as in syscall_init), or NULL. */
static const SyscallDef *mux_def(int id)
{
    const SyscallDef *found = NULL;
    const LinuxAbi *abi = sys_abi();

    for (const SyscallDef *const *l = syscall_def_lists; *l; l++) {
        for (const SyscallDef *d = *l; d->id; d++) {
            if (d->id == id) {
                found = d;
            }
        }
    }
    if (abi && abi->arch_syscalls) {
        for (const SyscallDef *d = abi->arch_syscalls; d->id; d++) {
            if (d->id == id) {
                found = d;
            }
        }
    }
    return found;
}

/* Runs direct syscall `id` with `n` arguments. */
static int64_t mux_call(CpuCommon *cpu, const SyscallCall *outer, int id,
                        const uint64_t *args, unsigned n)
{
    const SyscallDef *def = mux_def(id);
    SyscallCall sub = { .id = id, .guest_nr = outer->guest_nr };

    if (!def) {
        return -ENOSYS;
    }
    for (unsigned i = 0; i < n && i < 8; i++) {
        sub.arg[i] = args[i];
    }
    return def->fn(cpu, &sub);
}

/* ---- socketcall ----------------------------------------------------------- */

/* SYS_SOCKET (1) .. SYS_SENDMMSG (20) of linux/net.h: the direct call
 * and how many guest words its arguments take. */
static const struct {
    uint16_t id;
    uint8_t nargs;
} mux_socketcalls[21] = {
    [1] = { SYSID_socket, 3 },       [2] = { SYSID_bind, 3 },
    [3] = { SYSID_connect, 3 },      [4] = { SYSID_listen, 2 },
    [5] = { SYSID_accept, 3 },       [6] = { SYSID_getsockname, 3 },
    [7] = { SYSID_getpeername, 3 },  [8] = { SYSID_socketpair, 4 },
    [9] = { SYSID_send, 4 },         [10] = { SYSID_recv, 4 },
    [11] = { SYSID_sendto, 6 },      [12] = { SYSID_recvfrom, 6 },
    [13] = { SYSID_shutdown, 2 },    [14] = { SYSID_setsockopt, 5 },
    [15] = { SYSID_getsockopt, 5 },  [16] = { SYSID_sendmsg, 3 },
    [17] = { SYSID_recvmsg, 3 },     [18] = { SYSID_accept4, 4 },
    [19] = { SYSID_recvmmsg, 5 },    [20] = { SYSID_sendmmsg, 4 },
};

static int64_t sys_socketcall(CpuCommon *cpu, const SyscallCall *c)
{
    uint32_t call = sys_u32(c, 0), gargs = sys_u32(c, 1);
    uint64_t args[6];

    if (call < 1 || call > 20) {
        return -EINVAL;
    }
    for (unsigned i = 0; i < mux_socketcalls[call].nargs; i++) {
        uint32_t v;
        if (guest_get_u32(gargs + 4 * i, &v) < 0) {
            return -EFAULT;
        }
        args[i] = v;
    }
    return mux_call(cpu, c, mux_socketcalls[call].id, args,
                    mux_socketcalls[call].nargs);
}

static void sys_socketcall_strace(FILE *out, const SyscallCall *c)
{
    uint32_t call = sys_u32(c, 0), gargs = sys_u32(c, 1);

    if (call < 1 || call > 20) {
        fprintf(out, "%u,0x%x", call, gargs);
        return;
    }
    fprintf(out, "%s,[", syscall_id_names[mux_socketcalls[call].id]);
    for (unsigned i = 0; i < mux_socketcalls[call].nargs; i++) {
        uint32_t v;
        if (guest_get_u32(gargs + 4 * i, &v) < 0) {
            fprintf(out, "%s?", i ? "," : "");
            break;
        }
        fprintf(out, "%s0x%x", i ? "," : "", v);
    }
    fprintf(out, "]");
}

/* ---- ipc ------------------------------------------------------------------ */

/* The cmd flag of the new struct layouts. */
#define TGT_IPC_64 0x100

/* ipc(2) call numbers (linux/ipc.h); the version is in the high half. */
enum {
    MUX_SEMOP = 1, MUX_SEMGET = 2, MUX_SEMCTL = 3, MUX_SEMTIMEDOP = 4,
    MUX_MSGSND = 11, MUX_MSGRCV = 12, MUX_MSGGET = 13, MUX_MSGCTL = 14,
    MUX_SHMAT = 21, MUX_SHMDT = 22, MUX_SHMGET = 23, MUX_SHMCTL = 24,
};

static const char *mux_ipc_name(uint32_t call)
{
    switch (call & 0xffff) {
    case MUX_SEMOP: return "semop";
    case MUX_SEMGET: return "semget";
    case MUX_SEMCTL: return "semctl";
    case MUX_SEMTIMEDOP: return "semtimedop";
    case MUX_MSGSND: return "msgsnd";
    case MUX_MSGRCV: return "msgrcv";
    case MUX_MSGGET: return "msgget";
    case MUX_MSGCTL: return "msgctl";
    case MUX_SHMAT: return "shmat";
    case MUX_SHMDT: return "shmdt";
    case MUX_SHMGET: return "shmget";
    case MUX_SHMCTL: return "shmctl";
    default: return NULL;
    }
}

/* The old (pre-IPC_64) struct layouts of the *ctl calls are not
 * implemented: true for a command that would need one. */
static bool mux_ipc_old_layout(uint32_t cmd)
{
    if (cmd & TGT_IPC_64) {
        return false;
    }
    switch (cmd) {
    case 1:     /* IPC_SET */
    case 2:     /* IPC_STAT */
    case 3:     /* IPC_INFO (shminfo differs) */
    case 11:    /* MSG_STAT */
    case 13:    /* SHM_STAT */
    case 18:    /* SEM_STAT */
    case 15:    /* SHM_STAT_ANY */
    case 20:    /* SEM_STAT_ANY */
        return true;
    default:
        return false;
    }
}

static int64_t sys_ipc(CpuCommon *cpu, const SyscallCall *c)
{
    uint32_t call = sys_u32(c, 0), version = call >> 16;
    uint64_t first = sys_u32(c, 1), second = sys_u32(c, 2);
    uint64_t third = sys_u32(c, 3), ptr = sys_u32(c, 4), fifth = sys_u32(c, 5);

    switch (call & 0xffff) {
    case MUX_SEMOP: {
        uint64_t a[4] = { first, ptr, second, 0 };
        return mux_call(cpu, c, SYSID_semtimedop, a, 4);
    }
    case MUX_SEMTIMEDOP: {
        uint64_t a[4] = { first, ptr, second, fifth };
        return mux_call(cpu, c, SYSID_semtimedop, a, 4);
    }
    case MUX_SEMGET: {
        uint64_t a[3] = { first, second, third };
        return mux_call(cpu, c, SYSID_semget, a, 3);
    }
    case MUX_SEMCTL: {
        /* ptr points at the union semun. */
        uint32_t arg;
        uint64_t a[4];

        if (!ptr || mux_ipc_old_layout((uint32_t)third)) {
            return -EINVAL;
        }
        if (guest_get_u32((uint32_t)ptr, &arg) < 0) {
            return -EFAULT;
        }
        a[0] = first;
        a[1] = second;
        a[2] = third;
        a[3] = arg;
        return mux_call(cpu, c, SYSID_semctl, a, 4);
    }
    case MUX_MSGSND: {
        uint64_t a[4] = { first, ptr, second, third };
        return mux_call(cpu, c, SYSID_msgsnd, a, 4);
    }
    case MUX_MSGRCV: {
        uint64_t a[5] = { first, ptr, second, fifth, third };

        if (version == 0) {
            /* struct ipc_kludge { msgp, msgtyp } at ptr. */
            uint32_t msgp, type;

            if (!ptr) {
                return -EINVAL;
            }
            if (guest_get_u32((uint32_t)ptr, &msgp) < 0
                || guest_get_u32((uint32_t)ptr + 4, &type) < 0) {
                return -EFAULT;
            }
            a[1] = msgp;
            a[3] = type;
        }
        return mux_call(cpu, c, SYSID_msgrcv, a, 5);
    }
    case MUX_MSGGET: {
        uint64_t a[2] = { first, second };
        return mux_call(cpu, c, SYSID_msgget, a, 2);
    }
    case MUX_MSGCTL: {
        uint64_t a[3] = { first, second, ptr };

        if (mux_ipc_old_layout((uint32_t)second)) {
            return -EINVAL;
        }
        return mux_call(cpu, c, SYSID_msgctl, a, 3);
    }
    case MUX_SHMAT: {
        /* Version 0: the address goes to *third, the result is 0;
         * version 1 was the iBCS2 entry point. */
        uint64_t a[3] = { first, ptr, second };
        int64_t r;

        if (version == 1) {
            return -EINVAL;
        }
        r = mux_call(cpu, c, SYSID_shmat, a, 3);
        if (r < 0) {
            return r;
        }
        return guest_put_u32((uint32_t)third, (uint32_t)r) < 0 ? -EFAULT : 0;
    }
    case MUX_SHMDT: {
        uint64_t a[1] = { ptr };
        return mux_call(cpu, c, SYSID_shmdt, a, 1);
    }
    case MUX_SHMGET: {
        uint64_t a[3] = { first, second, third };
        return mux_call(cpu, c, SYSID_shmget, a, 3);
    }
    case MUX_SHMCTL: {
        uint64_t a[3] = { first, second, ptr };

        if (mux_ipc_old_layout((uint32_t)second)) {
            return -EINVAL;
        }
        return mux_call(cpu, c, SYSID_shmctl, a, 3);
    }
    default:
        return -ENOSYS;
    }
}

static void sys_ipc_strace(FILE *out, const SyscallCall *c)
{
    const char *name = mux_ipc_name(sys_u32(c, 0));

    if (name) {
        fprintf(out, "%s", name);
    } else {
        fprintf(out, "%u", sys_u32(c, 0));
    }
    for (unsigned i = 1; i < 6; i++) {
        fprintf(out, ",0x%x", sys_u32(c, i));
    }
}

const SyscallDef syscall_defs_mux[] = {
    { .id = SYSID_socketcall, .fn = sys_socketcall,
      .args = { STRACE_INT, STRACE_PTR },
      .strace_args = sys_socketcall_strace },
    { .id = SYSID_ipc, .fn = sys_ipc,
      .args = { STRACE_INT, STRACE_INT, STRACE_INT, STRACE_INT, STRACE_PTR,
                STRACE_INT },
      .strace_args = sys_ipc_strace },
    { 0 },
};

/* linux-user/syscall_net.c — sockets: socket/socketpair/bind/connect/
 * listen/accept(4), send/recv family, sendmsg/recvmsg with msghdr, iovec
 * and control messages (SCM_RIGHTS, SCM_CREDENTIALS, SCM_TIMESTAMP
 * converted; others copied), get/setsockopt, getsockname/getpeername,
 * shutdown. Socket, level and option numbers are the generic Linux ones
 * (ARM, i386); type flags go through the guest's O_* numbering.
 */
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/un.h>
#include <unistd.h>

#include "guest_mem.h"
#include "syscall.h"
#include "syscall_util.h"
#include "task.h"
#include "thunk_structs.h"

/* ---- sockaddr ----------------------------------------------------------- */

/* Fixes the fields that are in host byte order (family, IPv6 scope id,
 * netlink ids) between guest and host; the rest is network order. */
static void sys_sockaddr_swap(uint8_t *sa, uint32_t len, bool to_host)
{
    uint16_t fam;

    if (len < 2 || !guest_is_big_endian()) {
        return;
    }
    memcpy(&fam, sa, 2);
    fam = guest_tswap16(fam);
    memcpy(sa, &fam, 2);
    if (!to_host) {
        /* fam is now in guest order: get the host value back. */
        fam = guest_tswap16(fam);
    }
    if (fam == AF_INET6 && len >= 28) {
        uint32_t v;
        memcpy(&v, sa + 24, 4);
        v = guest_tswap32(v);
        memcpy(sa + 24, &v, 4);
    } else if (fam == AF_NETLINK && len >= 12) {
        for (unsigned off = 4; off < 12; off += 4) {
            uint32_t v;
            memcpy(&v, sa + off, 4);
            v = guest_tswap32(v);
            memcpy(sa + off, &v, 4);
        }
    }
}

/* Reads a guest sockaddr of len bytes into ss. */
static int sys_get_sockaddr(struct sockaddr_storage *ss, uint32_t gaddr,
                            uint32_t len)
{
    int r;

    if (len > sizeof(*ss)) {
        return -EINVAL;
    }
    memset(ss, 0, sizeof(*ss));
    r = copy_from_guest(ss, gaddr, len);
    if (r < 0) {
        return r;
    }
    sys_sockaddr_swap((uint8_t *)ss, len, true);
    return 0;
}

/* Writes a host sockaddr of hlen bytes to the guest buffer at gaddr whose
 * size is at *glen (guest socklen_t at gaddr_len); stores hlen there as
 * the kernel does (the guest sees truncation by comparing). */
static int sys_put_sockaddr(uint32_t gaddr, uint32_t gaddr_len,
                            struct sockaddr_storage *ss, socklen_t hlen)
{
    uint32_t glen;
    int r;

    if (!gaddr) {
        return 0;
    }
    r = guest_get_u32(gaddr_len, &glen);
    if (r < 0) {
        return r;
    }
    if (glen > hlen) {
        glen = hlen;
    }
    sys_sockaddr_swap((uint8_t *)ss, hlen, false);
    r = copy_to_guest(gaddr, ss, glen);
    if (r < 0) {
        return r;
    }
    return guest_put_u32(gaddr_len, hlen);
}

/* SOCK_* type with SOCK_NONBLOCK / SOCK_CLOEXEC in guest O_* numbering. */
static int sys_sock_type(uint32_t gtype)
{
    uint32_t rest;
    int flags = sys_fd_flags_to_host(gtype & ~0xfu, &rest);

    if (rest) {
        return -EINVAL;
    }
    return abi_value_to_generic(linux_process.abi->sock_types,
                                (int32_t)(gtype & 0xfu)) | flags;
}

/* ---- socket, bind, connect… ---------------------------------------------- */

static int64_t sys_socket(CpuCommon *cpu, const SyscallCall *c)
{
    int type = sys_sock_type(sys_u32(c, 1));
    int sv[2];

    if (type < 0) {
        return type;
    }
    if (c->id == SYSID_socket) {
        return sys_ret(socket(sys_int(c, 0), type, sys_int(c, 2)));
    }
    if (!guest_range_ok(sys_u32(c, 3), 8, PAGE_WRITE)) {
        return -EFAULT;
    }
    if (socketpair(sys_int(c, 0), type, sys_int(c, 2), sv) < 0) {
        return -errno;
    }
    guest_put_u32(sys_u32(c, 3), (uint32_t)sv[0]);
    guest_put_u32(sys_u32(c, 3) + 4, (uint32_t)sv[1]);
    return 0;
}

static int64_t sys_bind_connect(CpuCommon *cpu, const SyscallCall *c)
{
    struct sockaddr_storage ss;
    uint32_t len = sys_u32(c, 2);
    int r = sys_get_sockaddr(&ss, sys_u32(c, 1), len);

    if (r < 0) {
        return r;
    }
    if (c->id == SYSID_bind) {
        return sys_ret(bind(sys_int(c, 0), (struct sockaddr *)&ss, len));
    }
    return sys_restartable(sys_ret(connect(sys_int(c, 0),
                                           (struct sockaddr *)&ss, len)));
}

static int64_t sys_listen(CpuCommon *cpu, const SyscallCall *c)
{
    return sys_ret(listen(sys_int(c, 0), sys_int(c, 1)));
}

static int64_t sys_shutdown(CpuCommon *cpu, const SyscallCall *c)
{
    return sys_ret(shutdown(sys_int(c, 0), sys_int(c, 1)));
}

/* accept, accept4, getsockname, getpeername: (fd, addr *, len *). */
static int64_t sys_accept_name(CpuCommon *cpu, const SyscallCall *c)
{
    struct sockaddr_storage ss;
    socklen_t hlen = sizeof(ss);
    uint32_t gaddr = sys_u32(c, 1), glenp = sys_u32(c, 2), glen;
    int fd = sys_int(c, 0), flags = 0;
    int64_t r;

    if (gaddr) {
        r = guest_get_u32(glenp, &glen);
        if (r < 0) {
            return r;
        }
        if ((int32_t)glen < 0) {
            return -EINVAL;
        }
        if (!guest_range_ok(gaddr, glen, PAGE_WRITE)) {
            return -EFAULT;
        }
    }
    memset(&ss, 0, sizeof(ss));
    switch (c->id) {
    case SYSID_accept4: {
        uint32_t rest;
        flags = sys_fd_flags_to_host(sys_u32(c, 3), &rest);
        if (rest) {
            return -EINVAL;
        }
    }
        /* fall through */
    case SYSID_accept:
        r = sys_restartable(sys_ret(accept4(fd, (struct sockaddr *)&ss,
                                            &hlen, flags)));
        break;
    case SYSID_getsockname:
        r = sys_ret(getsockname(fd, (struct sockaddr *)&ss, &hlen));
        break;
    default:
        r = sys_ret(getpeername(fd, (struct sockaddr *)&ss, &hlen));
        break;
    }
    if (r >= 0 && gaddr) {
        int w = sys_put_sockaddr(gaddr, glenp, &ss, hlen);
        if (w < 0) {
            return w;
        }
    }
    return r;
}

/* send(fd, buf, len, flags), sendto(+ addr, addrlen), recv, recvfrom(+
 * addr *, addrlen *). MSG_* flags are the generic numbers. */
static int64_t sys_sendrecv(CpuCommon *cpu, const SyscallCall *c)
{
    bool rx = c->id == SYSID_recv || c->id == SYSID_recvfrom;
    bool addr = c->id == SYSID_sendto || c->id == SYSID_recvfrom;
    uint32_t len = sys_u32(c, 2), ga = sys_u32(c, 4);
    int fd = sys_int(c, 0), flags = sys_int(c, 3);
    void *buf = guest_access(sys_u32(c, 1), len, rx ? PAGE_WRITE : PAGE_READ);
    struct sockaddr_storage ss;
    socklen_t hlen = sizeof(ss);
    int64_t r;

    if (!buf && len) {
        return -EFAULT;
    }
    if (!rx) {
        if (addr && ga) {
            r = sys_get_sockaddr(&ss, ga, sys_u32(c, 5));
            if (r < 0) {
                return r;
            }
            return sys_restartable(sys_ret(sendto(fd, buf, len, flags,
                                                  (struct sockaddr *)&ss,
                                                  sys_u32(c, 5))));
        }
        return sys_restartable(sys_ret(send(fd, buf, len, flags)));
    }
    memset(&ss, 0, sizeof(ss));
    r = sys_restartable(sys_ret(recvfrom(fd, buf, len, flags,
                                         addr && ga ? (struct sockaddr *)&ss
                                                    : NULL,
                                         addr && ga ? &hlen : NULL)));
    if (r >= 0 && addr && ga) {
        int w = sys_put_sockaddr(ga, sys_u32(c, 5), &ss, hlen);
        if (w < 0) {
            return w;
        }
    }
    return r;
}

/* ---- control messages ----------------------------------------------------- */

/* The guest's cmsghdr: 32-bit cmsg_len, level, type; data 4-aligned. */
enum { TGT_CMSG_HDR = 12 };

static uint32_t sys_tgt_cmsg_align(uint32_t len)
{
    return (len + 3) & ~3u;
}

static void sys_swap_words(uint8_t *p, uint32_t len)
{
    for (uint32_t i = 0; i + 4 <= len; i += 4) {
        uint32_t v;
        memcpy(&v, p + i, 4);
        v = guest_tswap32(v);
        memcpy(p + i, &v, 4);
    }
}

/* Guest control buffer -> host msg_control (malloc'd in *out). */
static int sys_cmsgs_to_host(struct msghdr *hm, uint32_t gctl, uint32_t glen)
{
    uint8_t *g, *h;
    size_t hsize = 0, hoff = 0;
    uint32_t off;

    hm->msg_control = NULL;
    hm->msg_controllen = 0;
    if (!glen) {
        return 0;
    }
    if (glen > 65536) {
        return -ENOBUFS;
    }
    g = malloc(glen);
    if (!g) {
        return -ENOMEM;
    }
    if (copy_from_guest(g, gctl, glen) < 0) {
        free(g);
        return -EFAULT;
    }
    for (off = 0; off + TGT_CMSG_HDR <= glen;) {
        uint32_t len;
        memcpy(&len, g + off, 4);
        len = guest_tswap32(len);
        if (len < TGT_CMSG_HDR || len > glen - off) {
            free(g);
            return -EINVAL;
        }
        hsize += CMSG_SPACE(len - TGT_CMSG_HDR);
        off += sys_tgt_cmsg_align(len);
    }
    h = calloc(1, hsize ? hsize : 1);
    if (!h) {
        free(g);
        return -ENOMEM;
    }
    for (off = 0; off + TGT_CMSG_HDR <= glen;) {
        struct cmsghdr *hc = (struct cmsghdr *)(h + hoff);
        uint32_t len, level, type, dlen;
        memcpy(&len, g + off, 4);
        memcpy(&level, g + off + 4, 4);
        memcpy(&type, g + off + 8, 4);
        len = guest_tswap32(len);
        dlen = len - TGT_CMSG_HDR;
        hc->cmsg_len = CMSG_LEN(dlen);
        hc->cmsg_level = (int)guest_tswap32(level);
        hc->cmsg_type = (int)guest_tswap32(type);
        memcpy(CMSG_DATA(hc), g + off + TGT_CMSG_HDR, dlen);
        if (hc->cmsg_level == SOL_SOCKET
            && (hc->cmsg_type == SCM_RIGHTS
                || hc->cmsg_type == SCM_CREDENTIALS)) {
            /* int arrays / struct ucred: same layout, 32-bit words. */
            sys_swap_words(CMSG_DATA(hc), dlen);
        } else {
            sys_note_once("cmsg type (copied as is)",
                          (uint32_t)hc->cmsg_type);
        }
        hoff += CMSG_SPACE(dlen);
        off += sys_tgt_cmsg_align(len);
    }
    free(g);
    hm->msg_control = h;
    hm->msg_controllen = hsize;
    return 0;
}

/* Host control messages -> guest buffer of glen bytes; returns the bytes
 * used and sets MSG_CTRUNC in *flags when something did not fit (file
 * descriptors that do not fit are closed, as the kernel does). */
static int64_t sys_cmsgs_to_guest(struct msghdr *hm, uint32_t gctl,
                                  uint32_t glen, int *flags)
{
    uint32_t off = 0;

    for (struct cmsghdr *hc = CMSG_FIRSTHDR(hm); hc;
         hc = CMSG_NXTHDR(hm, hc)) {
        uint8_t *data = CMSG_DATA(hc);
        uint32_t hdlen = (uint32_t)(hc->cmsg_len - CMSG_LEN(0));
        uint32_t gdlen = hdlen, room, put;
        uint8_t tmp[64];
        uint8_t *src = data;
        uint32_t hdr[3];
        bool rights = hc->cmsg_level == SOL_SOCKET
            && hc->cmsg_type == SCM_RIGHTS;

        if (hc->cmsg_level == SOL_SOCKET && hc->cmsg_type == SCM_TIMESTAMP
            && hdlen >= sizeof(struct timeval)) {
            struct timeval tv;
            memcpy(&tv, data, sizeof(tv));
            thunk_to_guest(thunk_layout(THUNK_ID_TIMEVAL), tmp, &tv);
            gdlen = thunk_layout(THUNK_ID_TIMEVAL)->guest_size;
            src = tmp;
        } else if (rights || (hc->cmsg_level == SOL_SOCKET
                              && hc->cmsg_type == SCM_CREDENTIALS)) {
            sys_swap_words(data, hdlen);
        } else {
            sys_note_once("cmsg type (copied as is)",
                          (uint32_t)hc->cmsg_type);
        }
        room = glen > off + TGT_CMSG_HDR ? glen - off - TGT_CMSG_HDR : 0;
        if (glen < off + TGT_CMSG_HDR) {
            *flags |= MSG_CTRUNC;
            room = 0;
        }
        put = gdlen <= room ? gdlen : room;
        if (rights) {
            put &= ~3u;
            /* Close the descriptors the guest will not see. */
            for (uint32_t i = put; i + 4 <= hdlen; i += 4) {
                int fd;
                memcpy(&fd, data + i, 4);
                close((int)guest_tswap32((uint32_t)fd));
            }
        }
        if (put < gdlen) {
            *flags |= MSG_CTRUNC;
        }
        if (glen < off + TGT_CMSG_HDR) {
            continue;
        }
        hdr[0] = guest_tswap32(TGT_CMSG_HDR + put);
        hdr[1] = guest_tswap32((uint32_t)hc->cmsg_level);
        hdr[2] = guest_tswap32((uint32_t)hc->cmsg_type);
        if (copy_to_guest(gctl + off, hdr, sizeof(hdr)) < 0
            || copy_to_guest(gctl + off + TGT_CMSG_HDR, src, put) < 0) {
            return -EFAULT;
        }
        off += sys_tgt_cmsg_align(TGT_CMSG_HDR + put);
        if (off > glen) {
            off = glen;
        }
    }
    return off;
}

/* sendmsg(fd, msg, flags) / recvmsg(fd, msg, flags). */
static int64_t sys_msg(CpuCommon *cpu, const SyscallCall *c)
{
    const ThunkLayout *l = thunk_layout(THUNK_ID_MSGHDR);
    bool rx = c->id == SYSID_recvmsg;
    uint32_t gmsg = sys_u32(c, 1);
    int fd = sys_int(c, 0), flags = sys_int(c, 2);
    struct sockaddr_storage ss;
    TgtHostMsghdr gm;
    struct msghdr hm;
    struct iovec *iov = NULL;
    int64_t r;

    r = thunk_from_guest_mem(l, &gm, gmsg);
    if (r < 0) {
        return r;
    }
    memset(&hm, 0, sizeof(hm));
    memset(&ss, 0, sizeof(ss));
    if (gm.msg_name) {
        if (gm.msg_namelen > sizeof(ss)) {
            return -EINVAL;
        }
        if (!rx) {
            r = sys_get_sockaddr(&ss, gm.msg_name, gm.msg_namelen);
            if (r < 0) {
                return r;
            }
        }
        hm.msg_name = &ss;
        hm.msg_namelen = rx ? sizeof(ss) : gm.msg_namelen;
    }
    r = sys_get_iovec(&iov, gm.msg_iov, gm.msg_iovlen,
                      rx ? PAGE_WRITE : PAGE_READ);
    if (r < 0) {
        return r;
    }
    hm.msg_iov = iov;
    hm.msg_iovlen = gm.msg_iovlen;
    if (!rx) {
        r = sys_cmsgs_to_host(&hm, gm.msg_control, gm.msg_controllen);
        if (r == 0) {
            r = sys_restartable(sys_ret(sendmsg(fd, &hm, flags)));
        }
        free(hm.msg_control);
        free(iov);
        return r;
    }
    if (gm.msg_controllen) {
        if (gm.msg_controllen > 65536) {
            free(iov);
            return -ENOBUFS;
        }
        /* Host headers and alignment are larger: twice is plenty. */
        hm.msg_controllen = (size_t)gm.msg_controllen * 2 + 64;
        hm.msg_control = calloc(1, hm.msg_controllen);
        if (!hm.msg_control) {
            free(iov);
            return -ENOMEM;
        }
    }
    r = sys_restartable(sys_ret(recvmsg(fd, &hm, flags)));
    if (r >= 0) {
        int64_t w = 0;
        int mflags = hm.msg_flags;
        if (gm.msg_controllen) {
            w = sys_cmsgs_to_guest(&hm, gm.msg_control, gm.msg_controllen,
                                   &mflags);
        }
        if (w >= 0) {
            gm.msg_controllen = (uint32_t)w;
            gm.msg_flags = mflags;
            if (gm.msg_name) {
                uint32_t n = hm.msg_namelen < gm.msg_namelen
                    ? hm.msg_namelen : gm.msg_namelen;
                sys_sockaddr_swap((uint8_t *)&ss, hm.msg_namelen, false);
                w = copy_to_guest(gm.msg_name, &ss, n);
                gm.msg_namelen = hm.msg_namelen;
            }
        }
        if (w >= 0) {
            w = thunk_to_guest_mem(l, gmsg, &gm);
        }
        if (w < 0) {
            r = w;
        }
    }
    free(hm.msg_control);
    free(iov);
    return r;
}

/* ---- socket options --------------------------------------------------------- */

/* SO_RCVTIMEO / SO_SNDTIMEO carry a struct timeval (8 bytes in the
 * guest, 16 on the host); everything else is ints or byte structs: a
 * 4-byte multiple is converted word by word (ints, linger, ucred),
 * shorter values are copied. */
static bool sys_opt_is_timeval(int level, int name)
{
    return level == SOL_SOCKET && (name == SO_RCVTIMEO || name == SO_SNDTIMEO);
}

static bool sys_opt_is_words(int level, int name)
{
    if (level == SOL_SOCKET) {
        return true;
    }
    /* IP / IPv6 / TCP / UDP: ints, or address structs in network order. */
    switch (level) {
    case IPPROTO_IP:
        return name != IP_ADD_MEMBERSHIP && name != IP_DROP_MEMBERSHIP
            && name != IP_MULTICAST_IF;
    case IPPROTO_IPV6:
        return name != IPV6_ADD_MEMBERSHIP && name != IPV6_DROP_MEMBERSHIP;
    default:
        return true;
    }
}

/* The guest's level and option numbers as the host's (MIPS numbers
 * SOL_SOCKET 0xffff and its SO_* its own way). */
static void sys_opt_to_host(int *level, int *name)
{
    const LinuxAbi *abi = linux_process.abi;

    *level = abi_value_to_generic(abi->sock_levels, *level);
    if (*level == SOL_SOCKET) {
        *name = abi_value_to_generic(abi->sol_socket_opts, *name);
    }
}

static int64_t sys_setsockopt(CpuCommon *cpu, const SyscallCall *c)
{
    int fd = sys_int(c, 0), level = sys_int(c, 1), name = sys_int(c, 2);
    uint32_t gval = sys_u32(c, 3), len = sys_u32(c, 4);
    uint8_t buf[256];
    int r;

    sys_opt_to_host(&level, &name);
    if (sys_opt_is_timeval(level, name)) {
        struct timeval tv;
        if (len < thunk_layout(THUNK_ID_TIMEVAL)->guest_size) {
            return -EINVAL;
        }
        r = sys_get_timeval(&tv, gval);
        if (r < 0) {
            return r;
        }
        return sys_ret(setsockopt(fd, level, name, &tv, sizeof(tv)));
    }
    if (len > sizeof(buf)) {
        return -EINVAL;
    }
    r = copy_from_guest(buf, gval, len);
    if (r < 0) {
        return r;
    }
    if (sys_opt_is_words(level, name)) {
        sys_swap_words(buf, len);
    }
    return sys_ret(setsockopt(fd, level, name, len ? buf : NULL, len));
}

static int64_t sys_getsockopt(CpuCommon *cpu, const SyscallCall *c)
{
    int fd = sys_int(c, 0), level = sys_int(c, 1), name = sys_int(c, 2);
    uint32_t gval = sys_u32(c, 3), glenp = sys_u32(c, 4), glen;
    uint8_t buf[256];
    socklen_t hlen;
    int r;

    r = guest_get_u32(glenp, &glen);
    if (r < 0) {
        return r;
    }
    if ((int32_t)glen < 0) {
        return -EINVAL;
    }
    sys_opt_to_host(&level, &name);
    if (sys_opt_is_timeval(level, name)) {
        struct timeval tv;
        uint32_t gsz = thunk_layout(THUNK_ID_TIMEVAL)->guest_size;
        hlen = sizeof(tv);
        if (glen < gsz) {
            return -EINVAL;
        }
        if (getsockopt(fd, level, name, &tv, &hlen) < 0) {
            return -errno;
        }
        r = sys_put_timeval(gval, &tv);
        return r < 0 ? r : guest_put_u32(glenp, gsz);
    }
    hlen = glen < sizeof(buf) ? glen : sizeof(buf);
    memset(buf, 0, sizeof(buf));
    if (getsockopt(fd, level, name, buf, &hlen) < 0) {
        return -errno;
    }
    if (level == SOL_SOCKET && name == SO_TYPE && hlen == 4) {
        int32_t t;
        memcpy(&t, buf, 4);
        t = abi_value_to_guest(linux_process.abi->sock_types, t);
        memcpy(buf, &t, 4);
    }
    if (sys_opt_is_words(level, name)) {
        sys_swap_words(buf, hlen);
    }
    r = copy_to_guest(gval, buf, hlen);
    return r < 0 ? r : guest_put_u32(glenp, hlen);
}

const SyscallDef syscall_defs_net[] = {
    { .id = SYSID_socket, .fn = sys_socket,
      .args = { STRACE_INT, STRACE_HEX, STRACE_INT } },
    { .id = SYSID_socketpair, .fn = sys_socket,
      .args = { STRACE_INT, STRACE_HEX, STRACE_INT, STRACE_PTR } },
    { .id = SYSID_bind, .fn = sys_bind_connect,
      .args = { STRACE_FD, STRACE_PTR, STRACE_UINT } },
    { .id = SYSID_connect, .fn = sys_bind_connect,
      .args = { STRACE_FD, STRACE_PTR, STRACE_UINT } },
    { .id = SYSID_listen, .fn = sys_listen,
      .args = { STRACE_FD, STRACE_INT } },
    { .id = SYSID_accept, .fn = sys_accept_name,
      .args = { STRACE_FD, STRACE_PTR, STRACE_PTR } },
    { .id = SYSID_accept4, .fn = sys_accept_name,
      .args = { STRACE_FD, STRACE_PTR, STRACE_PTR, STRACE_OPEN_FLAGS } },
    { .id = SYSID_getsockname, .fn = sys_accept_name,
      .args = { STRACE_FD, STRACE_PTR, STRACE_PTR } },
    { .id = SYSID_getpeername, .fn = sys_accept_name,
      .args = { STRACE_FD, STRACE_PTR, STRACE_PTR } },
    { .id = SYSID_send, .fn = sys_sendrecv,
      .args = { STRACE_FD, STRACE_BUF, STRACE_UINT, STRACE_HEX } },
    { .id = SYSID_sendto, .fn = sys_sendrecv,
      .args = { STRACE_FD, STRACE_BUF, STRACE_UINT, STRACE_HEX, STRACE_PTR, STRACE_UINT } },
    { .id = SYSID_recv, .fn = sys_sendrecv,
      .args = { STRACE_FD, STRACE_BUF_RET, STRACE_UINT, STRACE_HEX } },
    { .id = SYSID_recvfrom, .fn = sys_sendrecv,
      .args = { STRACE_FD, STRACE_BUF_RET, STRACE_UINT, STRACE_HEX, STRACE_PTR, STRACE_PTR } },
    { .id = SYSID_sendmsg, .fn = sys_msg,
      .args = { STRACE_FD, STRACE_PTR, STRACE_HEX } },
    { .id = SYSID_recvmsg, .fn = sys_msg,
      .args = { STRACE_FD, STRACE_PTR, STRACE_HEX } },
    { .id = SYSID_setsockopt, .fn = sys_setsockopt,
      .args = { STRACE_FD, STRACE_INT, STRACE_INT, STRACE_PTR, STRACE_UINT } },
    { .id = SYSID_getsockopt, .fn = sys_getsockopt,
      .args = { STRACE_FD, STRACE_INT, STRACE_INT, STRACE_PTR, STRACE_PTR } },
    { .id = SYSID_shutdown, .fn = sys_shutdown,
      .args = { STRACE_FD, STRACE_INT } },
    { 0 }
};

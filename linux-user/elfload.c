/* linux-user/elfload.c — loads a 32-bit ELF program (static, PIE or
 * dynamically linked with its interpreter, either byte order) into the
 * guest address space and builds the initial stack the way the kernel's
 * binfmt_elf does: strings, AT_RANDOM bytes, auxv, envp, argv, argc.
 * Every malformed file ends in a one-line reason, never a crash.
 */
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "abi.h"
#include "guest_mem.h"
#include "syscall.h"
#include "task.h"

#define ELF_MAX_PHNUM 512
#define ELF_MAX_INTERP PATH_MAX
/* Where the loader puts a PIE program and the interpreter by default. */
#define ELF_PIE_BASE 0x00400000u
#define ELF_INTERP_BASE 0x40000000u
#define ELF_STACK_TOP 0xbf000000u

/* One opened ELF file, headers in host order. */
typedef struct ElfFile {
    const char *path;
    int fd;
    uint64_t size;
    Elf32_Ehdr eh;
    Elf32_Phdr *ph;
    bool swap;
} ElfFile;

/* The result of mapping one image. */
typedef struct ElfImage {
    uint32_t bias, lo, hi;          /* hi: end of the highest segment */
    uint32_t entry, phdr;
    uint32_t start_code, end_code, start_data, end_data;
} ElfImage;

static uint16_t elf16(const ElfFile *f, uint16_t v)
{
    return f->swap ? __builtin_bswap16(v) : v;
}

static uint32_t elf32(const ElfFile *f, uint32_t v)
{
    return f->swap ? __builtin_bswap32(v) : v;
}

static const char *elf_machine_name(unsigned m)
{
    switch (m) {
    case EM_386: return "i386";
    case EM_X86_64: return "x86-64";
    case EM_ARM: return "ARM";
    case EM_AARCH64: return "AArch64";
    case EM_MIPS: return "MIPS";
    case EM_PPC: return "PowerPC";
    case EM_PPC64: return "PowerPC64";
    case EM_SPARC: return "SPARC";
    case EM_SPARC32PLUS: return "SPARC32+";
    case EM_SPARCV9: return "SPARC64";
    case EM_S390: return "S/390";
    case EM_RISCV: return "RISC-V";
    case EM_68K: return "m68k";
    case EM_SH: return "SuperH";
    default: return NULL;
    }
}

static bool elf_read_at(const ElfFile *f, void *buf, size_t len, uint64_t off)
{
    size_t done = 0;

    while (done < len) {
        ssize_t n = pread(f->fd, (char *)buf + done, len - done,
                          (off_t)(off + done));
        if (n <= 0) {
            if (n < 0 && errno == EINTR) {
                continue;
            }
            return false;
        }
        done += (size_t)n;
    }
    return true;
}

static void elf_close(ElfFile *f)
{
    free(f->ph);
    f->ph = NULL;
    if (f->fd >= 0) {
        close(f->fd);
        f->fd = -1;
    }
}

/* Opens and checks path for the guest; what = "program"/"interpreter". */
static bool elf_open(ElfFile *f, const char *path, const LinuxAbi *abi,
                     char *err, size_t errlen)
{
    unsigned char ident[EI_NIDENT];
    struct stat st;
    Elf32_Ehdr *eh = &f->eh;
    uint64_t phend;
    const char *mname;

    memset(f, 0, sizeof(*f));
    f->path = path;
    f->fd = open(path, O_RDONLY | O_CLOEXEC);
    if (f->fd < 0) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return false;
    }
    if (fstat(f->fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        snprintf(err, errlen, "%s: not a regular file", path);
        goto fail;
    }
    f->size = (uint64_t)st.st_size;
    if (f->size < EI_NIDENT || !elf_read_at(f, ident, EI_NIDENT, 0)
        || memcmp(ident, ELFMAG, SELFMAG) != 0) {
        snprintf(err, errlen, "%s: not an ELF executable", path);
        goto fail;
    }
    if (ident[EI_CLASS] != ELFCLASS32) {
        snprintf(err, errlen, "%s: %s ELF file; emu-%s runs 32-bit %s "
                 "programs", path, ident[EI_CLASS] == ELFCLASS64
                 ? "a 64-bit" : "an unknown class of", abi->name,
                 elf_machine_name(abi->elf_machine));
        goto fail;
    }
    if (ident[EI_DATA] != ELFDATA2LSB && ident[EI_DATA] != ELFDATA2MSB) {
        snprintf(err, errlen, "%s: ELF file of unknown byte order", path);
        goto fail;
    }
    if (f->size < sizeof(Elf32_Ehdr)
        || !elf_read_at(f, eh, sizeof(*eh), 0)) {
        snprintf(err, errlen, "%s: truncated ELF header", path);
        goto fail;
    }
    f->swap = (ident[EI_DATA] == ELFDATA2MSB)
              != (__BYTE_ORDER__ == __ORDER_BIG_ENDIAN__);
    eh->e_type = elf16(f, eh->e_type);
    eh->e_machine = elf16(f, eh->e_machine);
    eh->e_version = elf32(f, eh->e_version);
    eh->e_entry = elf32(f, eh->e_entry);
    eh->e_phoff = elf32(f, eh->e_phoff);
    eh->e_flags = elf32(f, eh->e_flags);
    eh->e_ehsize = elf16(f, eh->e_ehsize);
    eh->e_phentsize = elf16(f, eh->e_phentsize);
    eh->e_phnum = elf16(f, eh->e_phnum);
    if (eh->e_machine != abi->elf_machine) {
        mname = elf_machine_name(eh->e_machine);
        if (mname) {
            snprintf(err, errlen, "%s: a %s program, not %s", path, mname,
                     elf_machine_name(abi->elf_machine));
        } else {
            snprintf(err, errlen, "%s: ELF machine %u, not %s", path,
                     eh->e_machine, elf_machine_name(abi->elf_machine));
        }
        goto fail;
    }
    if ((ident[EI_DATA] == ELFDATA2MSB) != abi->big_endian) {
        snprintf(err, errlen, "%s: a %s-endian program; emu-%s runs "
                 "%s-endian ones", path,
                 ident[EI_DATA] == ELFDATA2MSB ? "big" : "little", abi->name,
                 abi->big_endian ? "big" : "little");
        goto fail;
    }
    if (ident[EI_VERSION] != EV_CURRENT || eh->e_version != EV_CURRENT) {
        snprintf(err, errlen, "%s: unknown ELF version", path);
        goto fail;
    }
    if (eh->e_type != ET_EXEC && eh->e_type != ET_DYN) {
        snprintf(err, errlen, "%s: not an executable (ELF type %u)", path,
                 eh->e_type);
        goto fail;
    }
    if (abi->elf_flags_ok) {
        char why[160];
        if (!abi->elf_flags_ok(eh->e_flags, why, sizeof(why))) {
            snprintf(err, errlen, "%s: %s", path, why);
            goto fail;
        }
    }
    if (eh->e_phentsize != sizeof(Elf32_Phdr)) {
        snprintf(err, errlen, "%s: bad program header size %u", path,
                 eh->e_phentsize);
        goto fail;
    }
    if (eh->e_phnum == 0 || eh->e_phnum > ELF_MAX_PHNUM) {
        snprintf(err, errlen, "%s: bad number of program headers (%u)",
                 path, eh->e_phnum);
        goto fail;
    }
    phend = (uint64_t)eh->e_phoff + (uint64_t)eh->e_phnum * sizeof(Elf32_Phdr);
    if (phend > f->size) {
        snprintf(err, errlen, "%s: program headers lie past the end of the "
                 "file", path);
        goto fail;
    }
    f->ph = calloc(eh->e_phnum, sizeof(Elf32_Phdr));
    if (!f->ph || !elf_read_at(f, f->ph, eh->e_phnum * sizeof(Elf32_Phdr),
                               eh->e_phoff)) {
        snprintf(err, errlen, "%s: cannot read the program headers", path);
        goto fail;
    }
    for (unsigned i = 0; i < eh->e_phnum; i++) {
        Elf32_Phdr *p = &f->ph[i];
        p->p_type = elf32(f, p->p_type);
        p->p_offset = elf32(f, p->p_offset);
        p->p_vaddr = elf32(f, p->p_vaddr);
        p->p_paddr = elf32(f, p->p_paddr);
        p->p_filesz = elf32(f, p->p_filesz);
        p->p_memsz = elf32(f, p->p_memsz);
        p->p_flags = elf32(f, p->p_flags);
        p->p_align = elf32(f, p->p_align);
    }
    return true;
fail:
    elf_close(f);
    return false;
}

/* Checks the PT_LOAD segments; fills lo/hi of the span (page-rounded). */
static bool elf_check_loads(const ElfFile *f, uint32_t *lo, uint64_t *hi,
                            char *err, size_t errlen)
{
    uint64_t l = UINT64_MAX, h = 0, last = 0;
    unsigned n = 0;

    for (unsigned i = 0; i < f->eh.e_phnum; i++) {
        const Elf32_Phdr *p = &f->ph[i];
        uint64_t end;
        if (p->p_type != PT_LOAD) {
            continue;
        }
        end = (uint64_t)p->p_vaddr + p->p_memsz;
        if (p->p_filesz > p->p_memsz) {
            snprintf(err, errlen, "%s: segment %u: file size larger than "
                     "memory size", f->path, i);
            return false;
        }
        if ((uint64_t)p->p_offset + p->p_filesz > f->size) {
            snprintf(err, errlen, "%s: segment %u lies past the end of the "
                     "file (truncated?)", f->path, i);
            return false;
        }
        if (end > GUEST_SPACE_SIZE) {
            snprintf(err, errlen, "%s: segment %u wraps the 32-bit address "
                     "space", f->path, i);
            return false;
        }
        if (p->p_vaddr < last) {
            snprintf(err, errlen, "%s: segments out of address order",
                     f->path);
            return false;
        }
        last = p->p_vaddr;
        if (p->p_vaddr < l) {
            l = p->p_vaddr;
        }
        if (end > h) {
            h = end;
        }
        n++;
    }
    if (n == 0) {
        snprintf(err, errlen, "%s: no loadable segment", f->path);
        return false;
    }
    *lo = (uint32_t)l & GUEST_PAGE_MASK;
    *hi = (h + GUEST_PAGE_SIZE - 1) & ~(uint64_t)(GUEST_PAGE_SIZE - 1);
    return true;
}

static int elf_prot(uint32_t pflags)
{
    int prot = 0;

    if (pflags & PF_R) {
        prot |= PROT_READ;
    }
    if (pflags & PF_W) {
        prot |= PROT_WRITE;
    }
    if (pflags & PF_X) {
        prot |= PROT_EXEC;
    }
    return prot;
}

/* Maps one PT_LOAD at bias. */
static bool elf_map_segment(const ElfFile *f, const Elf32_Phdr *p,
                            uint32_t bias, char *err, size_t errlen)
{
    uint32_t vaddr = p->p_vaddr + bias;
    uint32_t page = vaddr & GUEST_PAGE_MASK;
    uint32_t pad = vaddr - page;
    uint64_t file_end = (uint64_t)vaddr + p->p_filesz;
    uint64_t mem_end = (uint64_t)vaddr + p->p_memsz;
    uint64_t file_pages_end = (file_end + GUEST_PAGE_SIZE - 1)
                              & ~(uint64_t)(GUEST_PAGE_SIZE - 1);
    int prot = elf_prot(p->p_flags);
    int64_t r;

    if (p->p_memsz == 0) {
        return true;
    }
    if (p->p_filesz) {
        bool congruent = ((p->p_offset - pad) & (GUEST_PAGE_SIZE - 1)) == 0
                         && p->p_offset >= pad;
        /* Writable while we zero the tail of the last file page. */
        int mprot = prot | (mem_end > file_end ? PROT_WRITE : 0);
        if (congruent) {
            r = guest_mmap(page, (uint32_t)(file_pages_end - page),
                           mprot | PROT_READ, MAP_PRIVATE | MAP_FIXED,
                           f->fd, p->p_offset - pad);
        } else {
            r = guest_mmap(page, (uint32_t)(file_pages_end - page),
                           PROT_READ | PROT_WRITE,
                           MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS, -1, 0);
            if (r >= 0 && !elf_read_at(f, g2h(vaddr), p->p_filesz,
                                       p->p_offset)) {
                snprintf(err, errlen, "%s: cannot read a segment", f->path);
                return false;
            }
        }
        if (r < 0) {
            snprintf(err, errlen, "%s: cannot map a segment at 0x%08x: %s",
                     f->path, page, strerror((int)-r));
            return false;
        }
        if (mem_end > file_end) {
            /* The kernel's padzero(): the rest of the last file page,
             * bss or not (ld.so's early malloc relies on it). */
            memset(g2h((uint32_t)file_end), 0,
                   (size_t)(file_pages_end - file_end));
        }
        /* Final protection (read-only text, or writable data). */
        guest_mprotect(page, (uint32_t)(file_pages_end - page), prot);
    } else {
        file_pages_end = page;
    }
    if (mem_end > file_pages_end) {
        uint64_t bss_end = (mem_end + GUEST_PAGE_SIZE - 1)
                           & ~(uint64_t)(GUEST_PAGE_SIZE - 1);
        r = guest_mmap((uint32_t)file_pages_end,
                       (uint32_t)(bss_end - file_pages_end), prot,
                       MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS, -1, 0);
        if (r < 0) {
            snprintf(err, errlen, "%s: cannot map bss at 0x%08x: %s",
                     f->path, (uint32_t)file_pages_end, strerror((int)-r));
            return false;
        }
    }
    return true;
}

/* Maps every PT_LOAD of f; ET_DYN images go at a free place near
 * base_hint. */
static bool elf_map_image(const ElfFile *f, uint32_t base_hint,
                          ElfImage *img, char *err, size_t errlen)
{
    uint32_t lo;
    uint64_t hi;
    uint32_t bias = 0;
    int64_t r;

    memset(img, 0, sizeof(*img));
    if (!elf_check_loads(f, &lo, &hi, err, errlen)) {
        return false;
    }
    if (f->eh.e_type == ET_DYN) {
        r = guest_find_free(lo == 0 ? base_hint : lo, (uint32_t)(hi - lo), 0);
        if (r < 0) {
            snprintf(err, errlen, "%s: no room for %llu bytes of program",
                     f->path, (unsigned long long)(hi - lo));
            return false;
        }
        bias = (uint32_t)r - lo;
    } else if (lo < 0x1000) {
        snprintf(err, errlen, "%s: segment at address 0x%x, below the "
                 "first page", f->path, lo);
        return false;
    }
    /* Reserve the whole span so the gaps between segments stay ours. */
    r = guest_mmap(lo + bias, (uint32_t)(hi - lo), PROT_NONE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    if (r < 0) {
        snprintf(err, errlen, "%s: cannot map 0x%08x-0x%08llx: %s", f->path,
                 lo + bias, (unsigned long long)(hi + bias),
                 strerror((int)-r));
        return false;
    }
    img->bias = bias;
    img->lo = lo + bias;
    img->start_code = UINT32_MAX;
    img->start_data = 0;
    for (unsigned i = 0; i < f->eh.e_phnum; i++) {
        const Elf32_Phdr *p = &f->ph[i];
        uint32_t a;
        if (p->p_type != PT_LOAD) {
            continue;
        }
        if (!elf_map_segment(f, p, bias, err, errlen)) {
            return false;
        }
        a = p->p_vaddr + bias;
        if (a < img->start_code) {
            img->start_code = a;
        }
        if (p->p_flags & PF_X && a + p->p_filesz > img->end_code) {
            img->end_code = a + p->p_filesz;
        }
        if (a > img->start_data) {
            img->start_data = a;
        }
        if (a + p->p_filesz > img->end_data) {
            img->end_data = a + p->p_filesz;
        }
        if ((uint64_t)a + p->p_memsz > img->hi) {
            img->hi = a + p->p_memsz;
        }
        /* AT_PHDR: the loaded copy of the program headers. */
        if (f->eh.e_phoff >= p->p_offset
            && (uint64_t)f->eh.e_phoff + f->eh.e_phnum * sizeof(Elf32_Phdr)
               <= (uint64_t)p->p_offset + p->p_filesz) {
            img->phdr = a + (f->eh.e_phoff - p->p_offset);
        }
    }
    for (unsigned i = 0; i < f->eh.e_phnum; i++) {
        if (f->ph[i].p_type == PT_PHDR) {
            img->phdr = f->ph[i].p_vaddr + bias;
        }
    }
    img->entry = f->eh.e_entry + bias;
    return true;
}

/* The PT_INTERP string of f into buf; false with err when malformed;
 * *found false when there is none. */
static bool elf_interp_path(const ElfFile *f, char *buf, size_t len,
                            bool *found, char *err, size_t errlen)
{
    *found = false;
    for (unsigned i = 0; i < f->eh.e_phnum; i++) {
        const Elf32_Phdr *p = &f->ph[i];
        if (p->p_type != PT_INTERP) {
            continue;
        }
        if (*found) {
            snprintf(err, errlen, "%s: more than one PT_INTERP", f->path);
            return false;
        }
        if (p->p_filesz < 2 || p->p_filesz > len
            || (uint64_t)p->p_offset + p->p_filesz > f->size) {
            snprintf(err, errlen, "%s: bad PT_INTERP size or offset",
                     f->path);
            return false;
        }
        if (!elf_read_at(f, buf, p->p_filesz, p->p_offset)) {
            snprintf(err, errlen, "%s: cannot read PT_INTERP", f->path);
            return false;
        }
        if (buf[p->p_filesz - 1] != 0 || strlen(buf) != p->p_filesz - 1) {
            snprintf(err, errlen, "%s: PT_INTERP is not a NUL-terminated "
                     "path", f->path);
            return false;
        }
        *found = true;
    }
    return true;
}

/* Finds the interpreter: inside the -L prefix, else the host path when
 * that file is a program of the guest's architecture. */
static bool elf_find_interp(const LinuxProcess *proc, const char *interp,
                            ElfFile *out, char *err, size_t errlen)
{
    const char *prefix = proc->opt.ld_prefix;
    static char path[PATH_MAX];
    char why[512];

    if (prefix && *prefix) {
        snprintf(path, sizeof(path), "%s%s", prefix, interp);
        if (access(path, F_OK) == 0) {
            return elf_open(out, path, proc->abi, err, errlen);
        }
    }
    snprintf(path, sizeof(path), "%s", interp);
    if (access(path, F_OK) == 0
        && elf_open(out, path, proc->abi, why, sizeof(why))) {
        return true;
    }
    snprintf(err, errlen, "%s: interpreter %s not found%s%s%s", proc->exe_path,
             interp, prefix ? " under " : "", prefix ? prefix : "",
             prefix ? "" : " (give the guest's root with -L, e.g. "
             "-L /usr/arm-linux-gnueabi)");
    return false;
}

/* ---- The stack ------------------------------------------------------- */

typedef struct StackBuilder {
    uint32_t sp;
    uint32_t limit;
    bool ok;
} StackBuilder;

static uint32_t stack_push_bytes(StackBuilder *sb, const void *data,
                                 size_t len)
{
    if (!sb->ok || sb->sp - sb->limit < len + 64) {
        sb->ok = false;
        return 0;
    }
    sb->sp -= (uint32_t)len;
    if (copy_to_guest(sb->sp, data, len) != 0) {
        sb->ok = false;
    }
    return sb->sp;
}

static uint32_t stack_push_str(StackBuilder *sb, const char *s)
{
    return stack_push_bytes(sb, s, strlen(s) + 1);
}

static bool elf_build_stack(LinuxProcess *proc, const ElfImage *prog,
                            const ElfFile *pf, uint32_t interp_base,
                            const char *execfn, char *err, size_t errlen)
{
    const LinuxAbi *abi = proc->abi;
    ImageInfo *ii = &proc->image;
    uint64_t size = proc->opt.stack_size ? proc->opt.stack_size
                                         : 8u * 1024 * 1024;
    int64_t base;
    StackBuilder sb;
    uint32_t *argp, *envp;
    uint32_t execfn_addr, platform = 0, random_addr;
    uint8_t rnd[16];
    uint32_t aux[64];
    unsigned naux = 0, nwords;
    int envc = 0;
    const AbiCpuModel *m = proc->cpu_model;

    size = (size + GUEST_PAGE_SIZE - 1) & ~(uint64_t)(GUEST_PAGE_SIZE - 1);
    if (size < 64 * 1024) {
        size = 64 * 1024;
    }
    if (size > 1024u * 1024 * 1024) {
        snprintf(err, errlen, "stack size %llu too large",
                 (unsigned long long)size);
        return false;
    }
    base = guest_find_free(ELF_STACK_TOP - (uint32_t)size, (uint32_t)size, 0);
    if (base >= 0) {
        base = guest_mmap((uint32_t)base, (uint32_t)size,
                          PROT_READ | PROT_WRITE,
                          MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    }
    if (base < 0) {
        snprintf(err, errlen, "cannot map a stack of %llu bytes",
                 (unsigned long long)size);
        return false;
    }
    guest_mem_set_name((uint32_t)base, (uint32_t)size, "[stack]");
    ii->stack_limit = (uint32_t)base;
    ii->stack_top = (uint32_t)(base + size);
    sb.sp = ii->stack_top;
    sb.limit = ii->stack_limit;
    sb.ok = true;

    /* Strings: the exec file name at the very top, then envp, argv. */
    sb.sp -= 4;
    execfn_addr = stack_push_str(&sb, execfn);
    while (proc->envp[envc]) {
        envc++;
    }
    argp = calloc((size_t)proc->argc + 1, sizeof(uint32_t));
    envp = calloc((size_t)envc + 1, sizeof(uint32_t));
    if (!argp || !envp) {
        free(argp);
        free(envp);
        snprintf(err, errlen, "out of memory");
        return false;
    }
    ii->env_end = sb.sp;
    for (int i = envc - 1; i >= 0; i--) {
        envp[i] = stack_push_str(&sb, proc->envp[i]);
    }
    ii->env_start = sb.sp;
    ii->arg_end = sb.sp;
    for (int i = proc->argc - 1; i >= 0; i--) {
        argp[i] = stack_push_str(&sb, proc->argv[i]);
    }
    ii->arg_start = sb.sp;
    if (m && m->platform) {
        platform = stack_push_str(&sb, m->platform);
    }
    if (getrandom(rnd, sizeof(rnd), 0) != sizeof(rnd)) {
        for (unsigned i = 0; i < sizeof(rnd); i++) {
            rnd[i] = (uint8_t)(rand() >> 7);
        }
    }
    sb.sp &= ~15u;
    random_addr = stack_push_bytes(&sb, rnd, sizeof(rnd));
    proc->random_addr = random_addr;

    /* auxv in the kernel's order (fs/binfmt_elf.c create_elf_tables). */
#define AUX(k, v) do { aux[naux++] = (k); aux[naux++] = (v); } while (0)
    if (abi->arch_dlinfo) {
        naux = 2 * abi->arch_dlinfo(proc, aux, 4);
    }
    AUX(AT_HWCAP, m ? m->hwcap : 0);
    AUX(AT_PAGESZ, GUEST_PAGE_SIZE);
    AUX(AT_CLKTCK, 100);
    AUX(AT_PHDR, prog->phdr);
    AUX(AT_PHENT, sizeof(Elf32_Phdr));
    AUX(AT_PHNUM, pf->eh.e_phnum);
    AUX(AT_BASE, interp_base);
    AUX(AT_FLAGS, 0);
    AUX(AT_ENTRY, prog->entry);
    AUX(AT_UID, (uint32_t)getuid());
    AUX(AT_EUID, (uint32_t)geteuid());
    AUX(AT_GID, (uint32_t)getgid());
    AUX(AT_EGID, (uint32_t)getegid());
    AUX(AT_SECURE, 0);
    AUX(AT_RANDOM, random_addr);
    if (m && m->hwcap2) {
        AUX(AT_HWCAP2, m->hwcap2);
    }
    AUX(AT_EXECFN, execfn_addr);
    if (platform) {
        AUX(AT_PLATFORM, platform);
    }
    AUX(AT_NULL, 0);
#undef AUX

    /* argc, argv[], NULL, envp[], NULL, auxv: sp ends aligned. */
    nwords = 1 + (unsigned)proc->argc + 1 + (unsigned)envc + 1 + naux;
    sb.sp = (sb.sp - nwords * 4) & ~(uint32_t)((abi->stack_align
                                                ? abi->stack_align : 16) - 1);
    if (!sb.ok || sb.sp - sb.limit < 4096) {
        free(argp);
        free(envp);
        snprintf(err, errlen, "arguments and environment do not fit in the "
                 "stack (-s)");
        return false;
    }
    {
        uint32_t p = sb.sp;
        int r = 0;
        r |= guest_put_u32(p, (uint32_t)proc->argc);
        p += 4;
        ii->argv_addr = p;
        for (int i = 0; i < proc->argc; i++, p += 4) {
            r |= guest_put_u32(p, argp[i]);
        }
        r |= guest_put_u32(p, 0);
        p += 4;
        ii->envp_addr = p;
        for (int i = 0; i < envc; i++, p += 4) {
            r |= guest_put_u32(p, envp[i]);
        }
        r |= guest_put_u32(p, 0);
        p += 4;
        ii->auxv_addr = p;
        ii->auxv_len = naux * 4;
        for (unsigned i = 0; i < naux; i++, p += 4) {
            r |= guest_put_u32(p, aux[i]);
        }
        free(argp);
        free(envp);
        if (r) {
            snprintf(err, errlen, "cannot write the initial stack");
            return false;
        }
    }
    proc->auxv_size = naux * 4;
    proc->auxv = malloc(proc->auxv_size);
    if (proc->auxv) {
        memcpy(proc->auxv, g2h(ii->auxv_addr), proc->auxv_size);
    }
    ii->start_sp = sb.sp;
    ii->execfn = execfn_addr;
    return true;
}

bool elf_load_program(LinuxProcess *proc, const char *path, char *err,
                      size_t errlen)
{
    ElfFile pf, inf;
    ElfImage prog, interp;
    char interp_path[ELF_MAX_INTERP];
    bool has_interp;
    ImageInfo *ii = &proc->image;
    uint32_t brk;

    memset(&interp, 0, sizeof(interp));
    if (!elf_open(&pf, path, proc->abi, err, errlen)) {
        return false;
    }
    if (proc->abi->elf_cpu_model) {
        char why[160];
        if (!proc->abi->elf_cpu_model(pf.eh.e_flags,
                                      proc->opt.cpu_model != NULL,
                                      &proc->cpu_model, why, sizeof(why))) {
            snprintf(err, errlen, "%s: %s", path, why);
            elf_close(&pf);
            return false;
        }
    }
    if (!elf_interp_path(&pf, interp_path, sizeof(interp_path), &has_interp,
                         err, errlen)) {
        elf_close(&pf);
        return false;
    }
    if (!elf_map_image(&pf, ELF_PIE_BASE, &prog, err, errlen)) {
        elf_close(&pf);
        return false;
    }
    memset(ii, 0, sizeof(*ii));
    if (has_interp) {
        bool nested;
        char dummy[8];
        if (!elf_find_interp(proc, interp_path, &inf, err, errlen)) {
            elf_close(&pf);
            return false;
        }
        if (!elf_interp_path(&inf, dummy, sizeof(dummy), &nested, err,
                             errlen) || nested) {
            if (nested) {
                snprintf(err, errlen, "%s: the interpreter has an "
                         "interpreter itself", inf.path);
            }
            elf_close(&inf);
            elf_close(&pf);
            return false;
        }
        if (!elf_map_image(&inf, ELF_INTERP_BASE, &interp, err, errlen)) {
            elf_close(&inf);
            elf_close(&pf);
            return false;
        }
        elf_close(&inf);
        ii->interp_base = interp.lo;
        ii->interp_entry = interp.entry;
        ii->has_interp = true;
    }
    ii->load_bias = prog.bias;
    ii->load_addr = prog.lo;
    ii->entry = prog.entry;
    ii->phdr = prog.phdr;
    ii->phnum = pf.eh.e_phnum;
    ii->phent = sizeof(Elf32_Phdr);
    ii->start_code = prog.start_code;
    ii->end_code = prog.end_code;
    ii->start_data = prog.start_data;
    ii->end_data = prog.end_data;
    ii->e_flags = pf.eh.e_flags;
    ii->start_pc = has_interp ? interp.entry : prog.entry;
    brk = (prog.hi + GUEST_PAGE_SIZE - 1) & GUEST_PAGE_MASK;
    ii->start_brk = ii->brk = brk;
    guest_brk_init(brk);
    /* Hint-less mmaps go above the program and the interpreter. */
    {
        uint32_t base = ELF_INTERP_BASE;
        if (interp.hi > base) {
            base = (interp.hi + 0xffffu) & ~0xffffu;
        }
        if (brk > base) {
            base = (brk + 0x1000000u) & ~0xffffu;
        }
        guest_mmap_set_base(base);
    }
    if (!elf_build_stack(proc, &prog, &pf, ii->interp_base, path,
                         err, errlen)) {
        elf_close(&pf);
        return false;
    }
    elf_close(&pf);
    return true;
}

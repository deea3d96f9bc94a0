/* linux-user/i386/vdso_i386.c — the vDSO emu gives i386 processes
 * (AT_SYSINFO_EHDR, AT_SYSINFO): a one-page ELF shared object, linked at
 * the address it is mapped at, whose code is __kernel_vsyscall as in
 * Linux's arch/x86/entry/vdso/vdso32/system_call.S, with the unwind
 * information (PT_GNU_EH_FRAME) unwinders need to step out of it, and the
 * signal restorers of vdso32/sigreturn.S (byte for byte: unwinders
 * recognise signal frames by them). It exports no symbols: glibc then
 * makes clock_gettime & co. system calls.
 */
#include "abi_i386.h"

#include <elf.h>
#include <string.h>

/* Offsets in the page. */
enum {
    VDSO_PHDR = sizeof(Elf32_Ehdr),
    VDSO_NPHDR = 3,
    VDSO_DYNAMIC = 0x100,
    VDSO_NDYN = 6,
    VDSO_DYNSTR = 0x140,
    VDSO_DYNSYM = 0x160,
    VDSO_EH_HDR = 0x180,
    VDSO_EH_FRAME = 0x190,
};

static void vdso_put32(uint8_t *p, uint32_t v)
{
    memcpy(p, &v, 4);           /* the host is little-endian, as i386 */
}

/* The CIE and FDE of __kernel_vsyscall (DWARF call frame information,
 * .eh_frame flavour): CFA = esp + 4 at entry, each push moves it by 4 and
 * saves a register, the landing point's pops undo that. Returns the
 * length written at p. */
static uint32_t vdso_eh_frame(uint8_t *p, uint32_t p_addr)
{
    static const uint8_t cie[] = {
        0x14, 0, 0, 0,          /* length */
        0, 0, 0, 0,             /* CIE id */
        1,                      /* version */
        'z', 'R', 0,            /* augmentation */
        1,                      /* code alignment */
        0x7c,                   /* data alignment -4 */
        8,                      /* return address: eip */
        1, 0x1b,                /* FDE pointers: pcrel | sdata4 */
        0x0c, 4, 4,             /* def_cfa esp + 4 */
        0x88, 1,                /* eip at cfa - 4 */
        0, 0,                   /* nops */
    };
    static const uint8_t insns[] = {
        0x41, 0x0e, 8, 0x81, 2,     /* +1: cfa esp + 8, ecx at cfa - 8 */
        0x41, 0x0e, 12, 0x82, 3,    /* +2: cfa esp + 12, edx at cfa - 12 */
        0x41, 0x0e, 16, 0x85, 4,    /* +3: cfa esp + 16, ebp at cfa - 16 */
        0x47, 0x0e, 12, 0xc5,       /* +10 (past pop ebp): esp + 12 */
        0x41, 0x0e, 8, 0xc2,        /* +11: esp + 8 */
        0x41, 0x0e, 4, 0xc1,        /* +12: esp + 4 */
        0, 0, 0, 0,                 /* nops: the FDE to a multiple of 4 */
    };
    uint32_t n = sizeof(cie), fde = n, len;

    memcpy(p, cie, sizeof(cie));
    /* FDE: length, CIE pointer, pc_begin, pc_range, augmentation size,
     * instructions. */
    len = 4 + 4 + 4 + 1 + (uint32_t)sizeof(insns);
    vdso_put32(p + fde, len);
    vdso_put32(p + fde + 4, fde + 4);
    vdso_put32(p + fde + 8, I386_VSYSCALL_ENTRY - (p_addr + fde + 8));
    vdso_put32(p + fde + 12, I386_VSYSCALL_SIZE);
    p[fde + 16] = 0;
    memcpy(p + fde + 17, insns, sizeof(insns));
    n = fde + 4 + len;
    vdso_put32(p + n, 0);       /* terminator */
    return n + 4;
}

void i386_vdso_image(uint8_t *page, bool sysenter)
{
    static const uint8_t code[I386_VSYSCALL_SIZE] = {
        0x51,                   /* push %ecx */
        0x52,                   /* push %edx */
        0x55,                   /* push %ebp */
        0x89, 0xe5,             /* mov %esp, %ebp */
        0x0f, 0x34,             /* sysenter */
        0xcd, 0x80,             /* int $0x80 */
        0x5d,                   /* landing point: pop %ebp */
        0x5a,                   /* pop %edx */
        0x59,                   /* pop %ecx */
        0xc3,                   /* ret */
    };
    static const char dynstr[] = "\0linux-gate.so.1";
    const uint32_t base = I386_VSYSCALL_PAGE;
    uint32_t entry = I386_VSYSCALL_ENTRY - base;
    Elf32_Ehdr eh;
    Elf32_Phdr ph[VDSO_NPHDR];
    Elf32_Dyn dyn[VDSO_NDYN];
    uint32_t eh_len;

    memset(page, 0, I386_VDSO_SIZE);
    eh_len = vdso_eh_frame(page + VDSO_EH_FRAME, base + VDSO_EH_FRAME);

    memset(&eh, 0, sizeof(eh));
    memcpy(eh.e_ident, ELFMAG, SELFMAG);
    eh.e_ident[EI_CLASS] = ELFCLASS32;
    eh.e_ident[EI_DATA] = ELFDATA2LSB;
    eh.e_ident[EI_VERSION] = EV_CURRENT;
    eh.e_ident[EI_OSABI] = ELFOSABI_SYSV;
    eh.e_type = ET_DYN;
    eh.e_machine = EM_386;
    eh.e_version = EV_CURRENT;
    eh.e_entry = I386_VSYSCALL_ENTRY;
    eh.e_phoff = VDSO_PHDR;
    eh.e_ehsize = sizeof(Elf32_Ehdr);
    eh.e_phentsize = sizeof(Elf32_Phdr);
    eh.e_phnum = VDSO_NPHDR;
    memcpy(page, &eh, sizeof(eh));

    memset(ph, 0, sizeof(ph));
    ph[0].p_type = PT_LOAD;
    ph[0].p_vaddr = ph[0].p_paddr = base;
    ph[0].p_filesz = ph[0].p_memsz = I386_VDSO_SIZE;
    ph[0].p_flags = PF_R | PF_X;
    ph[0].p_align = I386_VDSO_SIZE;
    ph[1].p_type = PT_DYNAMIC;
    ph[1].p_offset = VDSO_DYNAMIC;
    ph[1].p_vaddr = ph[1].p_paddr = base + VDSO_DYNAMIC;
    ph[1].p_filesz = ph[1].p_memsz = sizeof(dyn);
    ph[1].p_flags = PF_R;
    ph[1].p_align = 4;
    ph[2].p_type = PT_GNU_EH_FRAME;
    ph[2].p_offset = VDSO_EH_HDR;
    ph[2].p_vaddr = ph[2].p_paddr = base + VDSO_EH_HDR;
    ph[2].p_filesz = ph[2].p_memsz = 8;
    ph[2].p_flags = PF_R;
    ph[2].p_align = 4;
    memcpy(page + VDSO_PHDR, ph, sizeof(ph));

    /* Dynamic section: a name and an empty symbol table (no hash table:
     * lookups find nothing). */
    dyn[0].d_tag = DT_SONAME;
    dyn[0].d_un.d_val = 1;
    dyn[1].d_tag = DT_STRTAB;
    dyn[1].d_un.d_ptr = base + VDSO_DYNSTR;
    dyn[2].d_tag = DT_STRSZ;
    dyn[2].d_un.d_val = sizeof(dynstr);
    dyn[3].d_tag = DT_SYMTAB;
    dyn[3].d_un.d_ptr = base + VDSO_DYNSYM;
    dyn[4].d_tag = DT_SYMENT;
    dyn[4].d_un.d_val = sizeof(Elf32_Sym);
    dyn[5].d_tag = DT_NULL;
    dyn[5].d_un.d_val = 0;
    memcpy(page + VDSO_DYNAMIC, dyn, sizeof(dyn));
    memcpy(page + VDSO_DYNSTR, dynstr, sizeof(dynstr));

    /* .eh_frame_hdr without a search table: unwinders scan the FDEs. */
    page[VDSO_EH_HDR] = 1;                      /* version */
    page[VDSO_EH_HDR + 1] = 0x1b;               /* eh_frame_ptr: pcrel */
    page[VDSO_EH_HDR + 2] = 0xff;               /* fde_count: omitted */
    page[VDSO_EH_HDR + 3] = 0xff;               /* table: omitted */
    vdso_put32(page + VDSO_EH_HDR + 4, VDSO_EH_FRAME - (VDSO_EH_HDR + 4));
    (void)eh_len;

    static const uint8_t sigreturn[] = {
        0x58,                           /* pop %eax */
        0xb8, 119, 0, 0, 0,             /* mov $__NR_sigreturn, %eax */
        0xcd, 0x80,                     /* int $0x80 */
    };
    static const uint8_t rt_sigreturn[] = {
        0xb8, 173, 0, 0, 0,             /* mov $__NR_rt_sigreturn, %eax */
        0xcd, 0x80,                     /* int $0x80 */
    };
    memcpy(page + entry, code, sizeof(code));
    memcpy(page + (I386_VDSO_SIGRETURN - base), sigreturn, sizeof(sigreturn));
    memcpy(page + (I386_VDSO_RT_SIGRETURN - base), rt_sigreturn,
           sizeof(rt_sigreturn));
    if (!sysenter) {
        /* The alternative's place holds NOPs: int $0x80 only. */
        memset(page + entry + 3, 0x90, 4);
    }
}

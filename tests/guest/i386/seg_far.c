/* tests/guest/i386/seg_far.c — segments and far transfers as Linux user
 * mode sees them, compared with the native run: LDT entries (modify_ldt)
 * and TLS entries (set_thread_area) loaded into FS/GS/DS/ES and read
 * through, LES/LDS/LFS/LGS/LSS, 16-bit addressing (0x67) in ModRM, LEA,
 * string instructions, JCXZ/LOOP and XLAT, far CALL/JMP/RET and IRET to the
 * user code selector and a flat LDT code segment, and the signals bad
 * selectors and INT n deliver (signal number and si_code). Selector values
 * of the GDT differ between an i386 kernel (emu) and an x86-64 one (the
 * native run), so only LDT selectors are printed.
 */
#include <asm/ldt.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

static sigjmp_buf jb;
static volatile int got_sig, got_code;
static uint8_t buf[0x10000 + 64] __attribute__((aligned(4096)));
static uint8_t buf2[256] __attribute__((aligned(16)));
/* A far pointer m16:32 (static: asm that pushes must not address it
 * through esp). */
static struct {
    uint32_t off;
    uint16_t sel;
} __attribute__((packed)) fp;

static void on_signal(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    got_sig = sig;
    got_code = si->si_code;
    siglongjmp(jb, 1);
}

#define TRY(name, body)                                                    \
    do {                                                                   \
        got_sig = 0;                                                       \
        if (sigsetjmp(jb, 1) == 0) {                                       \
            body;                                                          \
            printf("%-28s ok\n", name);                                    \
        } else {                                                           \
            printf("%-28s signal %d code %d\n", name, got_sig, got_code);  \
        }                                                                  \
    } while (0)

static long modify_ldt(int func, void *ptr, unsigned long count)
{
    return syscall(SYS_modify_ldt, func, ptr, count);
}

static int ldt_set(unsigned idx, uint32_t base, uint32_t limit,
                   unsigned contents, int rx_only, int np, int bits32)
{
    struct user_desc u;

    memset(&u, 0, sizeof(u));
    u.entry_number = idx;
    u.base_addr = base;
    u.limit = limit;
    u.seg_32bit = bits32;
    u.contents = contents;
    u.read_exec_only = rx_only;
    u.limit_in_pages = 1;
    u.seg_not_present = np;
    u.useable = 1;
    return (int)modify_ldt(0x11, &u, sizeof(u));
}

static void load_fs(unsigned sel)
{
    __asm__ volatile("mov %0, %%fs" : : "r"(sel));
}

static void load_ss(unsigned sel)
{
    __asm__ volatile("push %%ss\n\tmov %0, %%ss\n\tpop %%ss" : : "r"(sel));
}

static unsigned read_fs(void)
{
    unsigned v;
    __asm__ volatile("mov %%fs, %0" : "=r"(v));
    return v;
}

/* ---- 16-bit addressing ---------------------------------------------- */

#define SEL_DATA 0x0f           /* LDT 1: data at buf */
#define SEL_DATA2 0x27          /* LDT 4: data at buf2 */
#define SEL_CODE 0x17           /* LDT 2: flat 32-bit code */
#define SEL_NP 0x1f             /* LDT 3: not present data */
#define SEL_XO 0x2f             /* LDT 5: execute-only code */
#define SEL_CODE_NP 0x37        /* LDT 6: not present code */
#define SEL_FLAT 0x47           /* LDT 8: flat data */

uint32_t addr16_ebp = 0x88880080;

static void test_addr16(void)
{
    uint32_t r[12];
    uint32_t ebx = 0x55550100, esi = 0x66660020, edi = 0x77770040;
    uint32_t eax = 0;

    for (unsigned i = 0; i < sizeof(buf); i++) {
        buf[i] = (uint8_t)(i * 7 + (i >> 8));
    }
    load_fs(SEL_DATA);
    __asm__ volatile(
        "push %%ebp\n\t"
        "mov addr16_ebp, %%ebp\n\t"
        "addr16 movl %%fs:(%%bx,%%si), %%eax\n\tmov %%eax, 0(%4)\n\t"
        "addr16 movl %%fs:(%%bx,%%di), %%eax\n\tmov %%eax, 4(%4)\n\t"
        "addr16 movl %%fs:(%%bp,%%si), %%eax\n\tmov %%eax, 8(%4)\n\t"
        "addr16 movl %%fs:(%%bp,%%di), %%eax\n\tmov %%eax, 12(%4)\n\t"
        "addr16 movl %%fs:(%%si), %%eax\n\tmov %%eax, 16(%4)\n\t"
        "addr16 movl %%fs:(%%di), %%eax\n\tmov %%eax, 20(%4)\n\t"
        "addr16 movl %%fs:0x10(%%bp), %%eax\n\tmov %%eax, 24(%4)\n\t"
        "addr16 movl %%fs:(%%bx), %%eax\n\tmov %%eax, 28(%4)\n\t"
        "addr16 movl %%fs:0x1234, %%eax\n\tmov %%eax, 32(%4)\n\t"
        "addr16 movl %%fs:-3(%%bx,%%si), %%eax\n\tmov %%eax, 36(%4)\n\t"
        "addr16 movl %%fs:0x7ff0(%%bx,%%di), %%eax\n\tmov %%eax, 40(%4)\n\t"
        /* wraps: 0xff00 + 0x0120 + 0x0010 -> 0x0030 */
        "add $0xfe00, %%bx\n\t"
        "addr16 movl %%fs:0x10(%%bx,%%si), %%eax\n\tmov %%eax, 44(%4)\n\t"
        "pop %%ebp\n\t"
        : "+b"(ebx), "+S"(esi), "+D"(edi), "+a"(eax)
        : "c"(r)
        : "memory");
    load_fs(0);
    printf("addr16 loads:");
    for (int i = 0; i < 12; i++) {
        printf(" %08x", r[i]);
    }
    printf("\n");
}

static void test_lea16(void)
{
    uint32_t r[6];

    __asm__ volatile(
        "push %%ebp\n\t"
        "mov $0x1230fff0, %%ebx\n\tmov $0x45600020, %%esi\n\t"
        "mov $0x789a8000, %%edi\n\tmov $0x11117000, %%ebp\n\t"
        "mov $0xffffffff, %%eax\n\t"
        "addr16 lea (%%bx,%%si), %%eax\n\tmov %%eax, 0(%0)\n\t"
        "mov $0xffffffff, %%eax\n\t"
        "addr16 lea 0x9000(%%bp,%%di), %%ax\n\tmov %%eax, 4(%0)\n\t"
        "addr16 lea -1(%%si), %%eax\n\tmov %%eax, 8(%0)\n\t"
        "addr16 lea 0x4321, %%eax\n\tmov %%eax, 12(%0)\n\t"
        "lea (%%bx,%%si), %%ax\n\tmov %%eax, 16(%0)\n\t"
        "lea 0x20(%%ebx,%%esi,2), %%ax\n\tmov %%eax, 20(%0)\n\t"
        "pop %%ebp\n\t"
        : : "c"(r) : "eax", "ebx", "esi", "edi", "memory");
    printf("lea16: %08x %08x %08x %08x %08x %08x\n", r[0], r[1], r[2],
           r[3], r[4], r[5]);
}

/* String instructions with 0x67: DS and ES both the LDT data segment. */
static void test_string16(void)
{
    uint32_t ecx, esi, edi, eax, fl;

    memset(buf, 0, 0x200);
    for (int i = 0; i < 32; i++) {
        buf[0x100 + i] = (uint8_t)(0x41 + i);
    }
    /* REP MOVSB with CX = 5, upper halves of ECX/ESI/EDI kept. */
    ecx = 0xabcd0005; esi = 0x12340100; edi = 0x56780180;
    __asm__ volatile(
        "push %%ds\n\tpush %%es\n\t"
        "mov %4, %%ds\n\tmov %4, %%es\n\t"
        "addr16 rep movsb\n\t"
        "pop %%es\n\tpop %%ds\n\t"
        : "+c"(ecx), "+S"(esi), "+D"(edi), "=a"(eax)
        : "r"(SEL_DATA) : "memory");
    printf("rep movsb16: ecx %08x esi %08x edi %08x dst %.5s\n", ecx, esi,
           edi, (char *)buf + 0x180);
    /* LODSW wrapping SI at 0xffff, STOSL with DF set, backwards. */
    buf[0xffff] = 0x11; buf[0] = 0x22;
    ecx = 0; esi = 0x0000ffff; edi = 0xffff0010;
    __asm__ volatile(
        "push %%ds\n\tpush %%es\n\t"
        "mov %5, %%ds\n\tmov %5, %%es\n\t"
        "addr16 lodsw\n\t"
        "mov $0x99887766, %%eax\n\t"
        "std\n\taddr16 stosl\n\tcld\n\t"
        "pop %%es\n\tpop %%ds\n\t"
        : "+c"(ecx), "+S"(esi), "+D"(edi), "=a"(eax), "=m"(buf)
        : "r"(SEL_DATA) : "memory");
    printf("lodsw16/stosl16: esi %08x edi %08x mem %02x%02x%02x%02x\n",
           esi, edi, buf[0x10], buf[0x11], buf[0x12], buf[0x13]);
    /* REPNE SCASB for 'E' (CX counts), REPE CMPSB until a difference. */
    ecx = 0x7fff0020; edi = 0x00000100;
    __asm__ volatile(
        "push %%es\n\tmov %4, %%es\n\t"
        "mov $0x45, %%al\n\t"
        "addr16 repne scasb\n\t"
        "pushf\n\tpop %3\n\t"
        "pop %%es\n\t"
        : "+c"(ecx), "+D"(edi), "=a"(eax), "=r"(fl)
        : "r"(SEL_DATA) : "memory");
    printf("repne scasb16: ecx %08x edi %08x zf %u\n", ecx, edi,
           (fl >> 6) & 1);
    memcpy(buf + 0x300, buf + 0x100, 32);
    buf[0x300 + 9] = 0;
    ecx = 0xffff0000 | 20; esi = 0x00010100; edi = 0x00020300;
    __asm__ volatile(
        "push %%ds\n\tpush %%es\n\t"
        "mov %5, %%ds\n\tmov %5, %%es\n\t"
        "addr16 repe cmpsb\n\t"
        "pushf\n\tpop %3\n\t"
        "pop %%es\n\tpop %%ds\n\t"
        : "+c"(ecx), "+S"(esi), "+D"(edi), "=r"(fl), "=a"(eax)
        : "r"(SEL_DATA) : "memory");
    printf("repe cmpsb16: ecx %08x esi %08x edi %08x flags %03x\n", ecx,
           esi, edi, fl & 0x8d5);
    /* REP STOSW with CX = 0: nothing. */
    ecx = 0x12340000; edi = 0x400;
    __asm__ volatile(
        "push %%es\n\tmov %3, %%es\n\t"
        "addr16 rep stosw\n\t"
        "pop %%es\n\t"
        : "+c"(ecx), "+D"(edi), "+a"(eax) : "r"(SEL_DATA) : "memory");
    printf("rep stosw16 cx=0: ecx %08x edi %08x\n", ecx, edi);
}

static void test_loop16(void)
{
    uint32_t ecx, n, al;

    ecx = 0x00010000;
    __asm__ volatile(
        "mov $0, %1\n\t"
        "jcxz 1f\n\t"      /* 67 E3 */
        
        "mov $1, %1\n"
        "1:\n\t"
        : "+c"(ecx), "=r"(n));
    printf("jcxz16 ecx=0x10000: %s\n", n ? "not taken" : "taken");
    ecx = 0x00030002; n = 0;
    __asm__ volatile(
        "1:\n\tinc %1\n\t"
        "addr16 loop 1b\n\t"
        : "+c"(ecx), "+r"(n));
    printf("loop16: ecx %08x iterations %u\n", ecx, n);
    ecx = 0x00000003; n = 0;
    __asm__ volatile(
        "1:\n\tinc %1\n\tcmp $2, %1\n\t"
        "addr16 loopne 1b\n\t"
        : "+c"(ecx), "+r"(n));
    printf("loopne16: ecx %08x iterations %u\n", ecx, n);
    /* XLAT with BX (0x67) through FS. */
    load_fs(SEL_DATA);
    al = 5;
    __asm__ volatile(
        "mov $0x12340100, %%ebx\n\t"
        ".byte 0x64, 0x67, 0xd7\n\t"    /* xlat %fs:(%bx) */
        : "+a"(al) : : "ebx");
    load_fs(0);
    printf("xlat16: al %02x (buf[0x105] %02x)\n", al & 0xff, buf[0x105]);
}

/* ---- segment loads ---------------------------------------------------- */

static void test_loads(void)
{
    uint32_t v, r, cs, ds, ss;
    uint8_t ldt[64];
    long n;

    __asm__ volatile("mov %%cs, %0\n\tmov %%ds, %1\n\tmov %%ss, %2"
                     : "=r"(cs), "=r"(ds), "=r"(ss));
    printf("cs rpl %u, ds rpl %u, ss == ds %d, cs != ds %d\n", cs & 3,
           ds & 3, ss == ds, cs != ds);
    v = 0xffffffff;
    __asm__ volatile("mov %%ds, %0" : "+r"(v));
    printf("mov ds, r32 upper half %04x\n", v >> 16);

    memset(buf, 0, 64);
    memcpy(buf + 4, "LDT1", 4);
    memcpy(buf2 + 8, "TLS!", 4);
    TRY("fs = ldt data", load_fs(SEL_DATA));
    __asm__ volatile("mov %%fs:4, %0" : "=r"(v));
    printf("fs:4 %.4s fs %#x\n", (char *)&v, read_fs());
    TRY("gs = ldt data", {
        __asm__ volatile("push %%gs\n\tmov %1, %%gs\n\tmov %%gs:4, %0\n\t"
                         "pop %%gs" : "=r"(v) : "r"(SEL_DATA));
    });
    printf("gs:4 %.4s\n", (char *)&v);
    TRY("fs = null", load_fs(0));
    TRY("fs = null rpl 3", load_fs(3));
    printf("fs %#x\n", read_fs());
    TRY("fs = ds", load_fs(ds));
    TRY("fs = ds rpl 0", load_fs(ds & ~3u));
    TRY("fs = cs (readable code)", load_fs(cs));
    TRY("fs = ldt flat code", load_fs(SEL_CODE));
    TRY("fs = kernel gdt 0x13", load_fs(0x13));
    TRY("fs = past gdt", load_fs(0xfff3));
    TRY("fs = ldt unset", load_fs(50 * 8 + 7));
    TRY("fs = ldt not present", load_fs(SEL_NP));
    TRY("fs = ldt exec-only code", load_fs(SEL_XO));
    TRY("pop fs bad", __asm__ volatile("push $0x13\n\tpop %%fs" ::: "memory"));
    load_fs(0);
    TRY("ss = null", load_ss(0));
    TRY("ss = ds", load_ss(ds));
    TRY("ss = ds rpl 0", load_ss(ds & ~3u));
    TRY("ss = cs", load_ss(cs));
    TRY("ss = ldt not present", load_ss(SEL_NP));
    TRY("ss = ldt flat data", load_ss(SEL_FLAT));
    TRY("ds = ldt exec-only code", {
        __asm__ volatile("push %%ds\n\tmov %0, %%ds\n\tpop %%ds"
                         : : "r"(SEL_XO));
    });
    TRY("es = ldt not present", {
        __asm__ volatile("push %%es\n\tmov %0, %%es\n\tpop %%es"
                         : : "r"(SEL_NP));
    });

    /* Far pointer loads. */
    fp.off = 0x11223344;
    fp.sel = SEL_DATA;
    r = 0;
    __asm__ volatile("lfs %1, %0" : "=r"(r) : "m"(fp));
    __asm__ volatile("mov %%fs:4, %0" : "=r"(v));
    printf("lfs: %08x %.4s\n", r, (char *)&v);
    __asm__ volatile("push %%gs\n\tlgs %2, %0\n\tmov %%gs:4, %1\n\tpop %%gs"
                     : "=r"(r), "=r"(v) : "m"(fp));
    printf("lgs: %08x %.4s\n", r, (char *)&v);
    __asm__ volatile("push %%es\n\tles %2, %0\n\tmov %%es, %1\n\tpop %%es"
                     : "=r"(r), "=r"(v) : "m"(fp));
    printf("les: %08x es %#x\n", r, v);
    __asm__ volatile("push %%ds\n\tlds %2, %0\n\tmov %%ds, %1\n\tpop %%ds"
                     : "=r"(r), "=r"(v) : "m"(fp));
    printf("lds: %08x ds %#x\n", r, v);
    fp.sel = SEL_NP;
    r = 0x5a5a5a5a;
    TRY("lfs not present", __asm__ volatile("lfs %1, %0" : "+r"(r) : "m"(fp)));
    printf("lfs left the register: %08x\n", r);
    fp.sel = 0x13;
    TRY("lgs kernel selector", {
        __asm__ volatile("push %%gs\n\tlgs %1, %0\n\tpop %%gs"
                         : "+r"(r) : "m"(fp));
    });
    /* LSS with the current stack: a no-op switch. */
    __asm__ volatile("mov %%esp, %0" : "=m"(fp.off));
    fp.sel = (uint16_t)ss;
    __asm__ volatile("lss %1, %%esp\n\tmov %%ss, %0" : "=r"(v) : "m"(fp));
    printf("lss same stack: ss == ds %d\n", v == ds);
    load_fs(0);

    /* Reading the LDT back: hardware descriptors, zero-filled. */
    memset(ldt, 0xcc, sizeof(ldt));
    n = modify_ldt(0, ldt, sizeof(ldt));
    printf("read ldt: %ld\n", n);
    for (int e = 0; e < 8; e++) {
        uint8_t *dsc = ldt + 8 * e;
        uint32_t base = dsc[2] | dsc[3] << 8 | dsc[4] << 16 |
                        (uint32_t)dsc[7] << 24;
        /* The bases are addresses of this build: named, not printed. */
        printf(" %d: limit %02x%02x access %02x flags %02x base %s\n", e,
               dsc[1], dsc[0], dsc[5], dsc[6],
               base == (uint32_t)(uintptr_t)buf ? "buf"
               : base == (uint32_t)(uintptr_t)buf2 ? "buf2"
               : base == 0 ? "0" : "other");
    }
}

static void test_tls(void)
{
    struct user_desc u;
    long r;
    uint32_t v;
    unsigned sel;

    memset(&u, 0, sizeof(u));
    u.entry_number = (unsigned)-1;
    u.base_addr = (uint32_t)(uintptr_t)buf2;
    u.limit = 0xfffff;
    u.seg_32bit = 1;
    u.limit_in_pages = 1;
    u.useable = 1;
    r = syscall(SYS_set_thread_area, &u);
    printf("set_thread_area: %ld\n", r);
    sel = u.entry_number << 3 | 3;
    load_fs(sel);
    __asm__ volatile("mov %%fs:8, %0" : "=r"(v));
    printf("fs = tls entry: fs:8 %.4s\n", (char *)&v);
    /* Moving the entry's base moves FS at once. */
    u.base_addr = (uint32_t)(uintptr_t)buf2 + 4;
    r = syscall(SYS_set_thread_area, &u);
    __asm__ volatile("mov %%fs:4, %0" : "=r"(v));
    printf("set_thread_area again: %ld, fs:4 %.4s\n", r, (char *)&v);
    memset(&u, 0xff, sizeof(u));
    u.entry_number = sel >> 3;
    r = syscall(SYS_get_thread_area, &u);
    printf("get_thread_area: %ld base ok %d limit %#x flags 32:%u c:%u "
           "ro:%u pg:%u np:%u us:%u\n", r,
           u.base_addr == (uint32_t)(uintptr_t)buf2 + 4, u.limit,
           u.seg_32bit, u.contents, u.read_exec_only, u.limit_in_pages,
           u.seg_not_present, u.useable);
    /* Clearing it (LDT_empty) makes FS unusable: the kernel zeroes it. */
    memset(&u, 0, sizeof(u));
    u.entry_number = sel >> 3;
    u.read_exec_only = 1;
    u.seg_not_present = 1;
    r = syscall(SYS_set_thread_area, &u);
    printf("clear: %ld fs %#x\n", r, read_fs());
    TRY("fs = cleared tls entry", load_fs(sel));
    memset(&u, 0, sizeof(u));
    u.entry_number = sel >> 3;
    u.base_addr = 0x1000;
    u.limit = 0xfffff;
    u.seg_32bit = 1;
    u.contents = 2;
    printf("tls code segment: %ld\n", syscall(SYS_set_thread_area, &u));
    u.contents = 0;
    u.seg_not_present = 1;
    printf("tls not present: %ld\n", syscall(SYS_set_thread_area, &u));
    u.seg_not_present = 0;
    u.seg_32bit = 0;
    printf("tls 16-bit: %ld\n", syscall(SYS_set_thread_area, &u));
    load_fs(0);
}

/* ---- far transfers ------------------------------------------------------ */

uint32_t far_seen_cs;
extern char far_target[], far_target_ret8[], far_jmp_back[];
__asm__(
    ".text\n"
    "far_target:\n\t"
    "mov 4(%esp), %eax\n\t"
    "mov %eax, far_seen_cs\n\t"
    "mov $42, %eax\n\t"
    "lret\n"
    "far_target_ret8:\n\t"
    "mov 8(%esp), %eax\n\t"
    "add 12(%esp), %eax\n\t"
    "lret $8\n");

static void test_far(void)
{
    uint32_t cs, r, v, sp0, sp1, fl;

    __asm__ volatile("mov %%cs, %0" : "=r"(cs));
    fp.off = (uint32_t)(uintptr_t)far_target;
    fp.sel = (uint16_t)cs;
    r = 0;
    __asm__ volatile("lcall *%1" : "=a"(r) : "m"(fp) : "memory");
    printf("lcall m16:32: eax %u pushed cs ok %d\n", r,
           (far_seen_cs & 0xffff) == cs);
    fp.off = (uint32_t)(uintptr_t)far_target_ret8;
    __asm__ volatile("mov %%esp, %1\n\tpush $30\n\tpush $12\n\t"
                     "lcall *%3\n\tmov %%esp, %2"
                     : "=a"(r), "=&r"(sp0), "=r"(sp1) : "m"(fp) : "memory");
    printf("lret $8: eax %u esp back %d\n", r, sp0 == sp1);
    /* ljmp m16:32 forward and back. */
    fp.off = 0;
    __asm__ volatile("movl $1f, %1\n\t"
                     "ljmp *%1\n\t"
                     "mov $1, %0\n"
                     "1:\n\t"
                     "mov $7, %0\n\t"
                     : "=r"(r), "+m"(fp) : : "memory");
    printf("ljmp m16:32: %u\n", r);
    /* ptr16:32 forms (9A, EA) assembled with the runtime CS. */
    {
        uint8_t *code = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
                             MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        uint32_t t = (uint32_t)(uintptr_t)far_target;
        uint32_t back = (uint32_t)(uintptr_t)code + 16;
        code[0] = 0x9a;                         /* lcall cs:far_target */
        memcpy(code + 1, &t, 4);
        memcpy(code + 5, &cs, 2);
        code[7] = 0xea;                         /* ljmp cs:code+16 */
        memcpy(code + 8, &back, 4);
        memcpy(code + 12, &cs, 2);
        code[16] = 0x83; code[17] = 0xc0; code[18] = 0x01; /* add $1, %eax */
        code[19] = 0xc3;                        /* ret */
        r = 0;
        __asm__ volatile("call *%1" : "=a"(r) : "r"(code) : "memory");
        printf("lcall/ljmp ptr16:32: eax %u\n", r);
        munmap(code, 4096);
    }
    /* A flat 32-bit LDT code segment: CS changes, code runs on. */
    fp.sel = SEL_CODE;
    __asm__ volatile("movl $1f, %1\n\t"
                     "ljmp *%1\n"
                     "1:\n\t"
                     "mov %%cs, %0\n\t"
                     : "=r"(v), "+m"(fp) : : "memory");
    fp.sel = (uint16_t)cs;
    __asm__ volatile("movl $1f, %0\n\t"
                     "ljmp *%0\n"
                     "1:\n\t" : "+m"(fp) : : "memory");
    __asm__ volatile("mov %%cs, %0" : "=r"(r));
    printf("ljmp to ldt code: cs %#x, back %d\n", v, r == cs);
    /* IRET to the same level: EFLAGS (CF, DF) come from the stack. */
    __asm__ volatile("stc\n\tpushf\n\tclc\n\t"
                     "push %%cs\n\tpush $1f\n\t"
                     "iret\n"
                     "1:\n\t"
                     "pushf\n\tpop %0\n\t"
                     : "=r"(fl) : : "memory", "cc");
    printf("iret: cf %u\n", fl & 1);
    /* Bad targets. */
    fp.off = (uint32_t)(uintptr_t)far_target;
    fp.sel = 0;
    TRY("lcall null selector", __asm__ volatile("lcall *%0" : : "m"(fp)
                                                : "eax", "memory"));
    __asm__ volatile("mov %%ds, %0" : "=r"(v));
    fp.sel = (uint16_t)v;
    TRY("lcall data selector", __asm__ volatile("lcall *%0" : : "m"(fp)
                                                : "eax", "memory"));
    fp.sel = SEL_CODE_NP;
    TRY("ljmp not present code", __asm__ volatile("ljmp *%0" : : "m"(fp)));
    fp.sel = 0x13;
    TRY("ljmp kernel code", __asm__ volatile("ljmp *%0" : : "m"(fp)));
    TRY("lret to rpl 0", {
        __asm__ volatile("mov %%esp, %%ecx\n\t"
                         "push %0\n\tpush $1f\n\tlret\n"
                         "1:\n\t" : : "r"(cs & ~3u) : "ecx", "memory");
    });
}

static void test_int(void)
{
    TRY("int $0x41", __asm__ volatile("int $0x41"));
    TRY("int $4", __asm__ volatile("int $4"));
    TRY("int $1", __asm__ volatile("int $1"));
    TRY("int3", __asm__ volatile("int3"));
    TRY("int $3", __asm__ volatile(".byte 0xcd, 0x03"));
    TRY("into (OF set)", __asm__ volatile("mov $0x7f, %%al\n\tadd $1, %%al\n\t"
                                          "into" : : : "eax", "cc"));
    TRY("into (OF clear)", __asm__ volatile("xor %%eax, %%eax\n\tinto"
                                            : : : "eax", "cc"));
    TRY("hlt", __asm__ volatile("hlt"));
    TRY("cli", __asm__ volatile("cli"));
    TRY("ud2", __asm__ volatile("ud2"));
    {
        uint32_t ax = 0xabcd0010, bx = 0x13, fl;
        __asm__ volatile("arpl %%bx, %%ax\n\tpushf\n\tpop %1"
                         : "+a"(ax), "=r"(fl) : "b"(bx) : "cc");
        printf("arpl raise: %08x zf %u\n", ax, (fl >> 6) & 1);
        ax = 0x1b;
        __asm__ volatile("arpl %%bx, %%ax\n\tpushf\n\tpop %1"
                         : "+a"(ax), "=r"(fl) : "b"(bx) : "cc");
        printf("arpl keep: %08x zf %u\n", ax, (fl >> 6) & 1);
        fp.off = 0x42;
        __asm__ volatile("arpl %%bx, %0\n\tpushf\n\tpop %1"
                         : "+m"(fp.off), "=r"(fl) : "b"(bx) : "cc");
        printf("arpl mem: %08x zf %u\n", fp.off, (fl >> 6) & 1);
    }
}

int main(void)
{
    struct sigaction sa;

    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = on_signal;
    sa.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
    sigaction(SIGILL, &sa, NULL);
    sigaction(SIGTRAP, &sa, NULL);
    setvbuf(stdout, NULL, _IOLBF, 0);

    printf("ldt data: %d\n", ldt_set(1, (uint32_t)(uintptr_t)buf, 0xfffff,
                                     0, 0, 0, 1));
    printf("ldt code: %d\n", ldt_set(2, 0, 0xfffff, 2, 0, 0, 1));
    printf("ldt np: %d\n", ldt_set(3, (uint32_t)(uintptr_t)buf, 0xfffff,
                                   0, 0, 1, 1));
    printf("ldt data2: %d\n", ldt_set(4, (uint32_t)(uintptr_t)buf2,
                                      0xfffff, 0, 0, 0, 1));
    printf("ldt exec-only: %d\n", ldt_set(5, 0, 0xfffff, 2, 1, 0, 1));
    printf("ldt code np: %d\n", ldt_set(6, 0, 0xfffff, 2, 0, 1, 1));
    printf("ldt flat data: %d\n", ldt_set(8, 0, 0xfffff, 0, 0, 0, 1));
    printf("ldt conforming present: %d\n",
           ldt_set(7, 0, 0xfffff, 3, 0, 0, 1));
    test_addr16();
    test_lea16();
    test_string16();
    test_loop16();
    test_loads();
    test_tls();
    test_far();
    test_int();
    return 0;
}

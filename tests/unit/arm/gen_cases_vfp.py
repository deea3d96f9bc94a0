#!/usr/bin/env python3
# tests/unit/arm/gen_cases_vfp.py — regenerates vfp_a32_cases.h and
# vfp_t32_cases.h, the VFP single-instruction tables of test_arm_vfp.c,
# from an oracle: each instruction (unified syntax, assembled as ARM and
# as Thumb-2) runs under qemu-arm-static -cpu cortex-a15 (whose VFP is
# softfloat-exact) with d0, d1, d2 and FPSCR set, and d0, d1 and FPSCR
# are recorded. A developer tool; the tests never run it.
# Usage: gen_cases_vfp.py [arm|thumb] > file  (needs gcc-arm-linux-gnueabihf
# and qemu-user-static). Rows: {insn, len, fpscr_in, d0, d1, d2, d0_out,
# d1_out, fpscr_out, "asm"}. Operands: d0/s0 destination (and
# accumulator), d1/s2 first source, d2/s4 second source.
import os, struct, subprocess, sys, tempfile

F32 = [0x00000000, 0x80000000, 0x3f800000, 0xbfc00000, 0x40400000,
       0x00000001, 0x807fffff, 0x00800000, 0x7f7fffff, 0xff7fffff,
       0x7f800000, 0xff800000, 0x7fc00001, 0x7f800005, 0xffc12345,
       0xff912345, 0x3eaaaaab, 0x4f000000, 0xcf000001, 0x4f800000,
       0x3f000000, 0x40200000, 0x3fc00000, 0x00400000, 0x33800000,
       0x0ca00000, 0x72800001, 0xc0e00000]
F64 = [0x0000000000000000, 0x8000000000000000, 0x3ff0000000000000,
       0xbff8000000000000, 0x4008000000000000, 0x0000000000000001,
       0x800fffffffffffff, 0x0010000000000000, 0x7fefffffffffffff,
       0x7ff0000000000000, 0xfff0000000000000, 0x7ff8000000000123,
       0x7ff0000000000456, 0xfff8000000abcdef, 0xfff4000000000001,
       0x3fd5555555555555, 0x41e0000000000000, 0xc1e0000000200000,
       0x41f0000000000000, 0x3fe0000000000000, 0x4004000000000000,
       0x3ff8000000000000, 0x0008000000000000, 0x3ca0000000000000,
       0x2000000000000001, 0x7e50000000000001, 0xc01c000000000000,
       0x47efffffe0000000, 0x36a0000000000000]
# Round to nearest, +inf, -inf, zero; FZ; DN; FZ+DN; nearest with IXC
# already set (the library's host fast path).
MODES = [0x00000000, 0x00400000, 0x00800000, 0x00c00000, 0x01000000,
         0x02000000, 0x03000000, 0x00000010]

def pairs(vals, step):
    n = len(vals)
    return [(vals[i], vals[(i * 7 + j * step) % n])
            for i in range(n) for j in range(2)]

def d_of_s(s0, s1=0):
    return (s1 << 32) | s0

def cases():
    out = []
    bin3 = ['vadd', 'vsub', 'vmul', 'vdiv', 'vnmul', 'vmla', 'vmls',
            'vnmla', 'vnmls', 'vfma', 'vfms', 'vfnma', 'vfnms']
    acc32 = [0x3f800000, 0x7f800005, 0x80000000, 0xff800000, 0x00000003]
    acc64 = [0x3ff0000000000000, 0x7ff0000000000077, 0x8000000000000000,
             0xfff0000000000000, 0x0000000000000003]
    for k, op in enumerate(bin3):
        for i, (a, b) in enumerate(pairs(F32, 3 + k)):
            mode = MODES[(i + k) % len(MODES)]
            acc = acc32[(i + k) % len(acc32)]
            out.append((f'{op}.f32 s0, s2, s4', mode,
                        d_of_s(acc, 0x12345678), a, b))
        for i, (a, b) in enumerate(pairs(F64, 5 + k)):
            mode = MODES[(i + 2 * k) % len(MODES)]
            acc = acc64[(i + k) % len(acc64)]
            out.append((f'{op}.f64 d0, d1, d2', mode, acc, a, b))
    for ins, vals, wide in [('vsqrt.f32 s0, s2', F32, False),
                            ('vsqrt.f64 d0, d1', F64, True),
                            ('vabs.f32 s0, s2', F32[:16], False),
                            ('vneg.f64 d0, d1', F64[:16], True),
                            ('vmov.f32 s0, s2', F32[12:16], False),
                            ('vcvt.f64.f32 d0, s2', F32, False),
                            ('vcvt.f32.f64 s0, d1', F64, True),
                            ('vcvt.s32.f32 s0, s2', F32, False),
                            ('vcvtr.s32.f32 s0, s2', F32, False),
                            ('vcvt.u32.f32 s0, s2', F32, False),
                            ('vcvtr.u32.f64 s0, d1', F64, True),
                            ('vcvt.s32.f64 s0, d1', F64, True),
                            ('vcvtb.f16.f32 s0, s2', F32, False),
                            ('vcvtt.f16.f32 s0, s2', F32, False)]:
        for i, v in enumerate(vals):
            for m in (MODES[i % len(MODES)], MODES[(i + 3) % len(MODES)]):
                out.append((ins, m, 0x1111111122222222, v, 0))
    ints = [0, 1, 0x7fffffff, 0x80000000, 0xffffffff, 0x12345679,
            0x00ffffff, 0x01000001, 0xfffffffe, 0x80000001, 0x7ffffffe,
            0x0000ffff, 0x00008000, 0x00017fff]
    for ins in ['vcvt.f32.s32 s0, s2', 'vcvt.f32.u32 s0, s2',
                'vcvt.f64.s32 d0, s2', 'vcvt.f64.u32 d0, s2']:
        for i, v in enumerate(ints):
            for m in (MODES[i % 4], MODES[(i + 1) % 4]):
                out.append((ins, m, 0x1111111122222222, v, 0))
    for v in [0x3c00, 0xbc00, 0x0001, 0x03ff, 0x7bff, 0x7c00, 0xfc00,
              0x7e01, 0x7d00, 0xfd55, 0x0400, 0x8000, 0x3555]:
        for m in (0, 0x02000000, 0x04000000, 0x01000000):
            out.append(('vcvtb.f32.f16 s0, s2', m, 0, v | 0x5a5a0000, 0))
            out.append(('vcvtt.f32.f16 s0, s2', m, 0, v << 16 | 0x1234, 0))
    for m in (0x04000000, 0x04400000):
        for v in (0x477fe000, 0x47800000, 0x7f800000, 0x7fc00000,
                  0xc7ffe000):
            out.append(('vcvtb.f16.f32 s0, s2', m, 0, v, 0))
    fix = ['vcvt.s32.f32 s0, s0, #16', 'vcvt.u32.f32 s0, s0, #1',
           'vcvt.s16.f32 s0, s0, #4', 'vcvt.u16.f32 s0, s0, #16',
           'vcvt.s32.f32 s0, s0, #32', 'vcvt.f32.s32 s0, s0, #16',
           'vcvt.f32.u32 s0, s0, #31', 'vcvt.f32.s16 s0, s0, #8',
           'vcvt.f32.u16 s0, s0, #1']
    for k, ins in enumerate(fix):
        tofix = ins.startswith(('vcvt.s', 'vcvt.u'))
        for i, v in enumerate(F32 if tofix else ints):
            out.append((ins, MODES[(i + k) % 4], d_of_s(v, 0xabcdef01),
                        0, 0))
    fixd = ['vcvt.s32.f64 d0, d0, #16', 'vcvt.u16.f64 d0, d0, #4',
            'vcvt.s16.f64 d0, d0, #15', 'vcvt.f64.s32 d0, d0, #20',
            'vcvt.f64.u16 d0, d0, #3', 'vcvt.f64.s16 d0, d0, #16']
    for k, ins in enumerate(fixd):
        vals = F64 if ins.startswith(('vcvt.s', 'vcvt.u')) else \
            [0x5555555500000000 | v for v in ints]
        for i, v in enumerate(vals):
            out.append((ins, MODES[(i + k) % 4], v, 0, 0))
    for ins in ['vcmp.f32 s0, s2', 'vcmpe.f32 s0, s2']:
        for i, (a, b) in enumerate(pairs(F32, 2)):
            out.append((ins, MODES[i % 8], a, b, 0))
    for ins in ['vcmp.f64 d0, d1', 'vcmpe.f64 d0, d1']:
        for i, (a, b) in enumerate(pairs(F64, 2)):
            out.append((ins, MODES[i % 8], a, b, 0))
    for ins, vals in [('vcmp.f32 s0, #0', F32), ('vcmpe.f64 d0, #0', F64)]:
        for i, v in enumerate(vals):
            out.append((ins, MODES[i % 8], v, 0, 0))
    for ins in ['vmov.f32 s0, #1.0', 'vmov.f32 s0, #-31.0',
                'vmov.f32 s0, #0.125', 'vmov.f64 d0, #-1.5',
                'vmov.f64 d0, #0.1875', 'vmov.f64 d0, #16.0',
                'vmov.f32 s1, #2.5']:
        out.append((ins, 0, 0x1111111122222222, 0, 0))
    return out

HEAD = '''.syntax unified
.fpu vfpv4
.arch armv7ve
.text
.global _start
_start:
    ldr r10, =results
'''

def set_d(reg, v):
    return (f'    ldr r1, ={v & 0xffffffff:#x}\n'
            f'    ldr r2, ={v >> 32:#x}\n'
            f'    vmov {reg}, r1, r2\n')

def build(cs, thumb):
    asm = [HEAD]
    for i, (ins, mode, d0, d1, d2) in enumerate(cs):
        asm.append(set_d('d0', d0) + set_d('d1', d1) + set_d('d2', d2))
        asm.append(f'    ldr r1, ={mode:#x}\n    vmsr fpscr, r1\n')
        if thumb:
            asm.append(f'    blx t{i}\n')
        else:
            asm.append(f'i{i}: {ins}\n')
        asm.append('''    vmrs r3, fpscr
    vmov r1, r2, d0
    str r1, [r10], #4
    str r2, [r10], #4
    vmov r1, r2, d1
    str r1, [r10], #4
    str r2, [r10], #4
    str r3, [r10], #4
    b 1f
.ltorg
1:
''')
    asm.append('''    ldr r1, =results
    ldr r2, =%d
    mov r0, #1
    mov r7, #4
    svc 0
    mov r0, #0
    mov r7, #1
    svc 0
.ltorg
''' % (20 * len(cs)))
    if thumb:
        asm.append('.thumb\n')
        for i, (ins, *_rest) in enumerate(cs):
            asm.append(f'.thumb_func\nt{i}: {ins}\n    bx lr\n')
    asm.append('.data\nresults: .space %d\n' % (20 * len(cs)))
    return ''.join(asm)

def main():
    thumb = len(sys.argv) > 1 and sys.argv[1] == 'thumb'
    cs = cases()
    if thumb:
        cs = cs[::5]
    d = tempfile.mkdtemp()
    src = os.path.join(d, 'a.s')
    open(src, 'w').write(build(cs, thumb))
    subprocess.check_call(['arm-linux-gnueabihf-gcc', '-nostdlib', '-static',
                           '-o', d + '/a', src])
    res = subprocess.run(['qemu-arm-static', '-cpu', 'cortex-a15', d + '/a'],
                         capture_output=True, check=True).stdout
    dis = subprocess.run(['arm-linux-gnueabihf-objdump', '-d', d + '/a'],
                         capture_output=True, text=True, check=True).stdout
    enc, cur = {}, None
    for line in dis.splitlines():
        if line.endswith('>:'):
            cur = line.split('<')[1].rstrip('>:')
            continue
        if cur and ':' in line and line.startswith(' '):
            parts = line.split('\t')
            if len(parts) >= 2 and cur not in enc:
                enc[cur] = parts[1].strip()
    print('/* Generated by tests/unit/arm/gen_cases_vfp.py %s from '
          'qemu-arm-static' % ('thumb' if thumb else 'arm'))
    print(' * -cpu cortex-a15 results; regenerate rather than edit. */')
    for i, (ins, mode, d0, d1, d2) in enumerate(cs):
        lo0, hi0, lo1, hi1, fpscr = struct.unpack_from('<IIIII', res, 20 * i)
        key = f't{i}' if thumb else f'i{i}'
        word = ''.join(enc[key].split())
        print('    { 0x%s, %d, 0x%08x, 0x%016xull, 0x%016xull, 0x%016xull, '
              '0x%016xull, 0x%016xull, 0x%08x, "%s" },' %
              (word, len(word) // 2, mode, d0, d1, d2,
               hi0 << 32 | lo0, hi1 << 32 | lo1, fpscr, ins))

main()

#!/usr/bin/env python3
# tests/unit/arm/gen_cases_v7.py — regenerates v7_a32_cases.h and
# v7_t32_cases.h, the ARMv6/v6K/v7 single-instruction tables of
# test_arm.c, from an oracle: each instruction (the same unified-syntax
# text assembled as ARM and as Thumb-2) runs under qemu-arm-static -cpu
# cortex-a15 and its r0, r1 and NZCVQ+GE are recorded. A developer tool;
# the tests never run it.
# Usage: gen_cases_v7.py [arm|thumb] > file  (needs gcc-arm-linux-gnueabi
# and qemu-user-static). Rows: {insn, len, r1, r2, r3, cpsr_in, r0_out,
# r1_out, cpsr_out, "asm"}; r0 starts as 0xdeadbeef. A Thumb-2 32-bit
# instruction is written first halfword in bits 31:16.
import os, struct, subprocess, sys, tempfile

V = [0x00000000, 0x00000001, 0x7fffffff, 0x80000000, 0xffffffff,
     0x12345678, 0x8001fffe, 0x00ff7f80, 0xfedcba98, 0x7fff8000]
PAIRS = [(V[i], V[j]) for i in range(len(V)) for j in (0, 3, 5, 6, 8, 9)
         if i % 2 == 0 or j % 3 == 0]
GE_IN = [0x00000000, 0x00050000, 0x000a0000, 0x000f0000]

def cases():
    out = []
    for pre in ['s', 'q', 'sh', 'u', 'uq', 'uh']:
        for op in ['add16', 'asx', 'sax', 'sub16', 'add8', 'sub8']:
            for k, (a, b) in enumerate(PAIRS[::3]):
                out.append((f'{pre}{op} r0, r1, r2', a, b, 0, 0))
    for k, (a, b) in enumerate(PAIRS[:8]):
        for ge in GE_IN:
            out.append(('sel r0, r1, r2', a, b, 0, ge))
    for ins in ['pkhbt r0, r1, r2', 'pkhbt r0, r1, r2, lsl #7',
                'pkhtb r0, r1, r2, asr #16', 'pkhtb r0, r1, r2, asr #32',
                'ssat r0, #8, r1', 'ssat r0, #1, r1', 'ssat r0, #32, r1',
                'ssat r0, #16, r1, lsl #4', 'ssat r0, #12, r1, asr #3',
                'usat r0, #8, r1', 'usat r0, #0, r1', 'usat r0, #31, r1',
                'usat r0, #16, r1, asr #32', 'ssat16 r0, #8, r1',
                'ssat16 r0, #1, r1', 'ssat16 r0, #16, r1',
                'usat16 r0, #8, r1', 'usat16 r0, #0, r1', 'usat16 r0, #15, r1',
                'sxtb r0, r1', 'sxth r0, r1', 'uxtb r0, r1', 'uxth r0, r1',
                'sxtb r0, r1, ror #8', 'uxth r0, r1, ror #16',
                'sxtb16 r0, r1', 'uxtb16 r0, r1, ror #24',
                'sxtab r0, r2, r1', 'sxtah r0, r2, r1, ror #8',
                'uxtab r0, r2, r1, ror #16', 'uxtah r0, r2, r1',
                'sxtab16 r0, r2, r1', 'uxtab16 r0, r2, r1, ror #8',
                'rev r0, r1', 'rev16 r0, r1', 'revsh r0, r1', 'rbit r0, r1',
                'smuad r0, r1, r2', 'smuadx r0, r1, r2', 'smusd r0, r1, r2',
                'smusdx r0, r1, r2', 'smlad r0, r1, r2, r3',
                'smladx r0, r1, r2, r3', 'smlsd r0, r1, r2, r3',
                'smlsdx r0, r1, r2, r3', 'smlald r0, r1, r2, r3',
                'smlaldx r0, r1, r2, r3', 'smlsld r0, r1, r2, r3',
                'smlsldx r0, r1, r2, r3', 'smmul r0, r1, r2',
                'smmulr r0, r1, r2', 'smmla r0, r1, r2, r3',
                'smmlar r0, r1, r2, r3', 'smmls r0, r1, r2, r3',
                'smmlsr r0, r1, r2, r3', 'usad8 r0, r1, r2',
                'usada8 r0, r1, r2, r3', 'umaal r0, r1, r2, r3',
                'mls r0, r1, r2, r3', 'sdiv r0, r1, r2', 'udiv r0, r1, r2',
                'sbfx r0, r1, #0, #1', 'sbfx r0, r1, #4, #12',
                'sbfx r0, r1, #31, #1', 'sbfx r0, r1, #0, #32',
                'ubfx r0, r1, #3, #9', 'ubfx r0, r1, #16, #16',
                'bfi r1, r2, #8, #8', 'bfi r1, r2, #0, #32',
                'bfi r1, r2, #31, #1', 'bfc r1, #4, #20',
                'movw r0, #0xbeef', 'movt r1, #0xcafe',
                'movw r1, #0', 'movt r0, #0xffff']:
        for (a, b, c) in [(0x12345678, 0x9abcdef0, 0x0f1e2d3c),
                          (0x7fff8000, 0x80007fff, 0x7fffffff),
                          (0x80008000, 0x80008000, 0x80000000),
                          (0xffffffff, 0x00000002, 0x00000001),
                          (0x00000000, 0xffffffff, 0x80000000),
                          (0x80000000, 0xffffffff, 5)]:
            out.append((ins, a, b, c, 0))
    return out

HEAD = '''.syntax unified
.arch armv7-a
.arch_extension idiv
.text
.global _start
.arm
_start:
    ldr r10, =results
'''

def build(cs, thumb):
    asm = [HEAD]
    for i, (ins, r1, r2, r3, cpsr) in enumerate(cs):
        asm.append(f'''    ldr r1, ={r1:#x}
    ldr r2, ={r2:#x}
    ldr r3, ={r3:#x}
    ldr r0, =0xdeadbeef
    ldr r4, ={cpsr:#x}
    msr APSR_nzcvqg, r4
''')
        if thumb:
            asm.append(f'    blx t{i}\n')
        else:
            asm.append(f'i{i}: {ins}\n')
        asm.append('''    mrs r4, apsr
    str r0, [r10], #4
    str r1, [r10], #4
    str r4, [r10], #4
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
''' % (12 * len(cs)))
    if thumb:
        asm.append('.thumb\n')
        for i, (ins, *_rest) in enumerate(cs):
            asm.append(f'.thumb_func\nt{i}: {ins}\n    bx lr\n')
    asm.append('.data\nresults: .space %d\n' % (12 * len(cs)))
    return ''.join(asm)

def main():
    thumb = len(sys.argv) > 1 and sys.argv[1] == 'thumb'
    cs = cases()
    if thumb:
        # Thumb has no SSAT/USAT with ASR #32 (that encoding is SSAT16).
        cs = [c for c in cs if not (c[0].startswith(('ssat ', 'usat '))
                                    and 'asr #32' in c[0])]
    d = tempfile.mkdtemp()
    src = os.path.join(d, 'a.s')
    open(src, 'w').write(build(cs, thumb))
    subprocess.check_call(['arm-linux-gnueabi-gcc', '-nostdlib', '-static',
                           '-o', d + '/a', src])
    res = subprocess.run(['qemu-arm-static', '-cpu', 'cortex-a15', d + '/a'],
                         capture_output=True, check=True).stdout
    dis = subprocess.run(['arm-linux-gnueabi-objdump', '-d', d + '/a'],
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
    print('/* Generated by tests/unit/arm/gen_cases_v7.py %s from '
          'qemu-arm-static' % ('thumb' if thumb else 'arm'))
    print(' * -cpu cortex-a15 results; regenerate rather than edit. */')
    for i, (ins, r1, r2, r3, cpsr) in enumerate(cs):
        r0o, r1o, cpo = struct.unpack_from('<III', res, 12 * i)
        key = f't{i}' if thumb else f'i{i}'
        halves = enc[key].split()
        word = ''.join(halves)
        n = 4 if len(word) == 8 else 2
        print('    { 0x%s, %d, 0x%08x, 0x%08x, 0x%08x, 0x%08x, 0x%08x, '
              '0x%08x, 0x%08x, "%s" },' % (word, n, r1, r2, r3, cpsr, r0o,
                                           r1o, cpo & 0xf80f0000, ins))

main()

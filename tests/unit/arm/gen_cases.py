#!/usr/bin/env python3
# tests/unit/arm/gen_cases.py — regenerates a32_cases.h / t16_cases.h, the
# single-instruction tables of test_arm.c, from an oracle: each instruction
# runs under qemu-arm-static (-cpu arm926, an ARMv5TE) and its r0, r1 and
# NZCVQ are recorded. A developer tool; the tests never run it.
# Usage: gen_cases.py [arm|thumb] > file  (needs binutils/gcc-arm-linux-gnueabi
# and qemu-user-static). Rows: {insn, r1, r2, r3, cpsr_in, r0_out, r1_out,
# cpsr_out, "asm"}; r0 starts as 0xdeadbeef and r9 as 0x80000000.
import subprocess, sys, os, tempfile, itertools

def cases_arm():
    out = []
    vals = [(0x7fffffff, 1), (0xffffffff, 1), (0, 0), (0x80000000, 0x80000000),
            (0, 1), (5, 5), (0x80000000, 1), (1, 0x80000000), (0xfffffffe, 0xffffffff)]
    for op in ['adds', 'subs', 'adcs', 'sbcs', 'rsbs', 'rscs']:
        for (a, b) in vals:
            for c in (0, 1):
                out.append((f'{op} r0, r1, r2', a, b, 0, c << 29))
    for op in ['cmp', 'cmn']:
        for (a, b) in vals:
            out.append((f'{op} r1, r2\n', a, b, 0, 0))
    # shifter by immediate
    for sh in ['lsl #0', 'lsl #1', 'lsl #31', 'lsr #1', 'lsr #31', 'lsr #32',
               'asr #1', 'asr #31', 'asr #32', 'ror #4', 'ror #31', 'rrx']:
        for v in (0x80000001, 0x40000002, 0x7ffffffe):
            for c in (0, 1):
                out.append((f'movs r0, r1, {sh}', v, 0, 0, c << 29))
    # shifter by register
    for t in ['lsl', 'lsr', 'asr', 'ror']:
        for n in (0, 1, 4, 31, 32, 33, 36, 255, 256, 0x120):
            for v in (0x80000001, 0x7ffffffe):
                out.append((f'movs r0, r1, {t} r2', v, n, 0, 1 << 29))
    # register-specified shift with flag setting arithmetic/logic ops
    for op in ['adds', 'ands', 'eors', 'orrs', 'bics', 'subs']:
        out.append((f'{op} r0, r3, r1, lsr r2', 0x80000001, 1, 0xf0f0f0f0, 0))
        out.append((f'{op} r0, r3, r1, asr r2', 0x80000001, 40, 0x0f0f0f0f, 1 << 29))
    # logical with rotated immediate (carry from the immediate)
    for ins in ['ands r0, r1, #0xff000000', 'ands r0, r1, #0x0000ff00',
                'ands r0, r1, #0xff', 'movs r0, #0x80000000', 'mvns r0, #0',
                'tst r1, #0x80000000', 'teq r1, #1', 'orrs r0, r1, #3',
                'eors r0, r1, r2', 'bics r0, r1, r2', 'mvns r0, r1',
                'tst r1, r2', 'teq r1, r2']:
        for (a, b) in [(0xff00ff00, 0x0f0f0f0f), (0x00000001, 1), (0, 0)]:
            for c in (0, 1):
                out.append((ins, a, b, 0, c << 29 | 1 << 28))
    # arithmetic immediates and non-flag forms
    for ins in ['add r0, r1, #1', 'sub r0, r1, #0x100', 'rsb r0, r1, #0',
                'adc r0, r1, r2', 'sbc r0, r1, r2', 'rsc r0, r1, r2',
                'add r0, r1, r2, lsl #2', 'sub r0, r1, r2, asr #1']:
        for c in (0, 1):
            out.append((ins, 0x1000, 0x80000003, 0, c << 29))
    # multiplies
    mvals = [(3, 5, 7), (0xffffffff, 0xffffffff, 1), (0x80000000, 2, 0),
             (0x12345678, 0x9abcdef0, 0x11111111), (0, 0x55, 0)]
    for ins in ['mul r0, r1, r2', 'muls r0, r1, r2', 'mla r0, r1, r2, r3',
                'mlas r0, r1, r2, r3', 'umull r0, r1, r2, r3',
                'umulls r0, r1, r2, r3', 'umlal r0, r1, r2, r3',
                'smull r0, r1, r2, r3', 'smulls r0, r1, r2, r3',
                'smlal r0, r1, r2, r3', 'smlals r0, r1, r2, r3',
                'smulbb r0, r1, r2', 'smulbt r0, r1, r2', 'smultb r0, r1, r2',
                'smultt r0, r1, r2', 'smlabb r0, r1, r2, r3',
                'smlatt r0, r1, r2, r3', 'smulwb r0, r1, r2',
                'smulwt r0, r1, r2', 'smlawb r0, r1, r2, r3',
                'smlawt r0, r1, r2, r3', 'smlalbb r0, r1, r2, r3',
                'smlaltt r0, r1, r2, r3', 'smlalbt r0, r1, r2, r3']:
        for (a, b, c) in mvals:
            out.append((ins, a, b, c, 0))
    out.append(('smlabb r0, r1, r2, r3', 0x7fff, 0x7fff, 0x7fffffff, 0))
    out.append(('smlawb r0, r1, r2, r3', 0x7fffffff, 0x7fff, 0x7fffffff, 0))
    # saturating
    for ins in ['qadd r0, r1, r2', 'qsub r0, r1, r2', 'qdadd r0, r1, r2',
                'qdsub r0, r1, r2']:
        for (a, b) in [(0x7fffffff, 1), (0x80000000, 0x80000000), (5, 7),
                       (0x80000000, 1), (1, 0x40000000), (1, 0xc0000000)]:
            out.append((ins, a, b, 0, 0))
    out.append(('qadd r0, r1, r2', 1, 2, 0, 1 << 27))
    # clz
    for v in (0, 1, 0x80000000, 0x00ffffff, 0x10000):
        out.append(('clz r0, r1', v, 0, 0, 0))
    # conditions: every condition under every NZCV value
    conds = ['eq', 'ne', 'cs', 'cc', 'mi', 'pl', 'vs', 'vc', 'hi', 'ls', 'ge',
             'lt', 'gt', 'le']
    for cnd in conds:
        for f in range(16):
            out.append((f'mov{cnd} r0, #1', 0, 0, 0, f << 28))
    # mrs/msr
    out.append(('mrs r0, cpsr', 0, 0, 0, 0xa0000000))
    out.append(('msr cpsr_f, r1', 0x58000000, 0, 0, 0))
    out.append(('msr cpsr_f, #0xf0000000', 0, 0, 0, 0))
    return out

def cases_thumb():
    out = []
    vals = [(0x7fffffff, 1), (0xffffffff, 1), (0, 0), (0x80000000, 0x80000000),
            (5, 5), (0x80000001, 4)]
    for ins in ['add r0, r1, r2', 'sub r0, r1, r2', 'add r0, r1, #7',
                'sub r0, r1, #1', 'adc r1, r2', 'sbc r1, r2', 'neg r0, r2',
                'cmp r1, r2', 'cmn r1, r2', 'and r1, r2', 'eor r1, r2',
                'orr r1, r2', 'bic r1, r2', 'mvn r0, r2', 'tst r1, r2',
                'mul r1, r2', 'lsl r1, r2', 'lsr r1, r2', 'asr r1, r2',
                'ror r1, r2', 'lsl r0, r1, #0', 'lsl r0, r1, #3',
                'lsr r0, r1, #32', 'asr r0, r1, #32', 'asr r0, r1, #1',
                'mov r0, #0', 'mov r0, #200', 'cmp r1, #5', 'add r1, #255',
                'sub r1, #1', 'add r0, r1', 'cmp r1, r9', 'mov r0, r1']:
        for (a, b) in vals:
            for c in (0, 1):
                out.append((ins, a, b, 0, c << 29))
    for n in (0, 1, 31, 32, 33, 255, 256):
        for ins in ('lsl r1, r2', 'lsr r1, r2', 'asr r1, r2', 'ror r1, r2'):
            out.append((ins.replace('r2', 'r3'), 0x80000001, 0, n, 1 << 29))
    return out

HARNESS_HEAD = '''.syntax unified
.global _start
.arm
_start:
    ldr r10, =results
'''

def build(cases, thumb):
    asm = [HARNESS_HEAD]
    for i, (ins, r1, r2, r3, cpsr) in enumerate(cases):
        asm.append(f'''    ldr r1, ={r1:#x}
    ldr r2, ={r2:#x}
    ldr r3, ={r3:#x}
    ldr r9, =0x80000000
    ldr r0, =0xdeadbeef
    ldr r4, ={cpsr:#x}
    msr cpsr_f, r4
''')
        if thumb:
            asm.append(f'    blx t{i}\n')
        else:
            asm.append(f'i{i}: {ins}\n')
        asm.append('''    mrs r4, cpsr
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
''' % (12 * len(cases)))
    if thumb:
        asm.append('.syntax divided\n.thumb\n')
        for i, (ins, *_rest) in enumerate(cases):
            asm.append(f'.thumb_func\nt{i}: {ins}\n    bx lr\n')
    asm.append('.data\nresults: .space %d\n' % (12 * len(cases)))
    return ''.join(asm)

def main():
    thumb = len(sys.argv) > 1 and sys.argv[1] == 'thumb'
    cases = cases_thumb() if thumb else cases_arm()
    d = tempfile.mkdtemp()
    src = os.path.join(d, 'a.s')
    open(src, 'w').write(build(cases, thumb))
    subprocess.check_call(['arm-linux-gnueabi-gcc', '-nostdlib', '-static',
                           '-march=armv5te', '-o', d + '/a', src])
    res = subprocess.run(['qemu-arm-static', '-cpu', 'arm926', d + '/a'],
                         capture_output=True, check=True).stdout
    dis = subprocess.run(['arm-linux-gnueabi-objdump', '-d', d + '/a'],
                         capture_output=True, text=True, check=True).stdout
    # encodings
    enc = {}
    cur = None
    for line in dis.splitlines():
        if line.endswith('>:'):
            cur = line.split('<')[1].rstrip('>:')
            continue
        if cur and ':' in line and line.startswith(' '):
            parts = line.split('\t')
            if len(parts) >= 2 and cur not in enc:
                enc[cur] = parts[1].strip()
    import struct
    print('/* Generated by tests/unit/arm/gen_cases.py %s from qemu-arm-static'
          % ('thumb' if thumb else 'arm'))
    print(' * -cpu arm926 results; regenerate rather than edit. */')
    for i, (ins, r1, r2, r3, cpsr) in enumerate(cases):
        r0o, r1o, cpo = struct.unpack_from('<III', res, 12 * i)
        key = f't{i}' if thumb else f'i{i}'
        word = enc[key].replace(' ', '')
        if thumb and len(word) != 4:
            raise SystemExit('thumb insn is 32-bit: ' + ins)
        print('    { 0x%s, 0x%08x, 0x%08x, 0x%08x, 0x%08x, 0x%08x, 0x%08x, '
              '0x%08x, "%s" },' % (word, r1, r2, r3, cpsr, r0o, r1o,
                                   cpo & 0xf8000000, ins.strip()))

main()

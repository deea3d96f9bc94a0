#!/usr/bin/env python3
# scripts/decodetree.py — turns an instruction pattern file (.decode) into a
# C decoder: decode_<name>(DisasCtx *ctx, uint32_t insn) extracts fields
# into arg_<set> structs and calls trans_<PATTERN>(ctx, &a).
#
# In the spirit of QEMU's decodetree, simpler. Syntax, one item a line
# ('#' starts a comment, a trailing '\' continues the line):
#
#   %name  pos:len [pos:len...] [!function=fn]
#       A field. pos:slen is signed. Several parts concatenate, the first
#       most significant. fn is called as fn(ctx, value) and returns int.
#   &name  member...
#       An argument set: typedef struct { int member; ... } arg_name;
#   @name  bits... [&set] [%field] [member=%field] [member=const]
#       A format: fixed bits and field mappings shared by patterns.
#   NAME   bits... [&set] [@format] [%field] [member=%field] [member=const]
#       A pattern: calls trans_NAME. Without &set or a format's set, the
#       set is implicit (arg_NAME), holding the pattern's members.
#   { ... }
#       A group of patterns that may overlap: tried in order, the first
#       whose trans_ returns true wins.
#
# Bit tokens: '0' '1' fixed, '.' a bit of some field, '-' ignored, and
# inline fields 'name:len' / 'name:slen'. Tokens are read from the most
# significant bit down and must add up to the width (16 or 32).
# Patterns outside a group must not overlap each other (an error names both
# lines). The decoder returns false when nothing matched or trans_ said
# no: the frontend treats that as an undefined instruction.
#
# Usage: decodetree.py [--width 32] [--decode name] -o out.c in.decode
import argparse
import io
import re
import sys


class DecodeError(Exception):
    pass


def err(loc, msg):
    raise DecodeError('%s: error: %s' % (loc, msg))


IDENT = r'[A-Za-z_][A-Za-z0-9_]*'


class Field:
    def __init__(self, name, parts, func, loc):
        self.name = name        # None for inline anonymous fields
        self.parts = parts      # [(pos, len, signed)] most significant first
        self.func = func
        self.loc = loc

    def c_expr(self):
        expr = None
        total = 0
        for pos, ln, signed in reversed(self.parts):
            if signed and expr is None:
                piece = 'sextract32(insn, %d, %d)' % (pos, ln)
            elif signed:
                piece = '(int32_t)((uint32_t)sextract32(insn, %d, %d) << %d)' % (
                    pos, ln, total)
            else:
                piece = 'extract32(insn, %d, %d)' % (pos, ln)
                if expr is not None:
                    piece = '(int32_t)((uint32_t)%s << %d)' % (piece, total)
            expr = piece if expr is None else '(%s | %s)' % (piece, expr)
            total += ln
        if expr is None:
            expr = '0'
        if self.func:
            expr = '%s(ctx, %s)' % (self.func, expr)
        return expr


class Item:
    """A format or a pattern after parsing its tokens."""

    def __init__(self, name, loc):
        self.name = name
        self.loc = loc
        self.fixedmask = 0
        self.fixedbits = 0
        self.fieldmask = 0      # bits covered by '.' or inline fields
        self.argset = None      # ArgSet or None
        self.fmt = None         # format Item for patterns
        self.members = {}       # member name -> ('field', Field) | ('const', int)


class ArgSet:
    def __init__(self, name, members, loc, implicit=False):
        self.name = name
        self.members = members
        self.loc = loc
        self.implicit = implicit


class Group:
    def __init__(self, loc):
        self.loc = loc
        self.items = []         # Item patterns or nested Group


class Parser:
    def __init__(self, width, path):
        self.width = width
        self.path = path
        self.fields = {}
        self.argsets = {}
        self.formats = {}
        self.root = Group(path + ':1')
        self.stack = [self.root]
        self.patterns = []

    def lines(self, text):
        pending = ''
        start = 0
        for no, raw in enumerate(text.split('\n'), 1):
            line = raw.split('#', 1)[0].rstrip()
            if not pending:
                start = no
            if line.endswith('\\'):
                pending += line[:-1] + ' '
                continue
            line = pending + line
            pending = ''
            if line.strip():
                yield '%s:%d' % (self.path, start), line.split()
        if pending.strip():
            yield '%s:%d' % (self.path, start), pending.split()

    def parse(self, text):
        for loc, toks in self.lines(text):
            head = toks[0]
            if head == '{':
                if len(toks) != 1:
                    err(loc, "'{' must stand alone on its line")
                g = Group(loc)
                self.stack[-1].items.append(g)
                self.stack.append(g)
            elif head == '}':
                if len(toks) != 1:
                    err(loc, "'}' must stand alone on its line")
                if len(self.stack) == 1:
                    err(loc, "'}' without a matching '{'")
                self.stack.pop()
            elif head.startswith('%'):
                self.parse_field(loc, head[1:], toks[1:])
            elif head.startswith('&'):
                self.parse_argset(loc, head[1:], toks[1:])
            elif head.startswith('@'):
                self.parse_format(loc, head[1:], toks[1:])
            else:
                self.parse_pattern(loc, head, toks[1:])
        if len(self.stack) != 1:
            err(self.stack[-1].loc, "'{' is never closed")

    def check_name(self, loc, name, what):
        if not re.fullmatch(IDENT, name):
            err(loc, 'bad %s name %r' % (what, name))

    def parse_field(self, loc, name, toks):
        self.check_name(loc, name, 'field')
        if name in self.fields:
            err(loc, 'field %%%s defined twice (first at %s)' %
                (name, self.fields[name].loc))
        parts = []
        func = None
        for t in toks:
            m = re.fullmatch(r'(\d+):(s?)(\d+)', t)
            if m:
                pos, signed, ln = int(m.group(1)), m.group(2) == 's', int(m.group(3))
                if ln == 0 or pos + ln > self.width:
                    err(loc, 'field %%%s: bad width %s for a %d-bit insn' %
                        (name, t, self.width))
                parts.append((pos, ln, signed))
                continue
            m = re.fullmatch(r'!function=(' + IDENT + ')', t)
            if m:
                func = m.group(1)
                continue
            err(loc, 'field %%%s: cannot read %r' % (name, t))
        if not parts:
            err(loc, 'field %%%s has no bits' % name)
        if sum(p[1] for p in parts) > 32:
            err(loc, 'field %%%s: bad width, more than 32 bits' % name)
        for p in parts[1:]:
            if p[2]:
                err(loc, 'field %%%s: only the first part may be signed' % name)
        self.fields[name] = Field(name, parts, func, loc)

    def parse_argset(self, loc, name, toks):
        self.check_name(loc, name, 'argument set')
        if name in self.argsets:
            err(loc, 'argument set &%s defined twice' % name)
        members = []
        for t in toks:
            if t == '!extern':
                continue
            self.check_name(loc, t, 'member')
            if t in members:
                err(loc, 'member %s repeated in &%s' % (t, name))
            members.append(t)
        self.argsets[name] = ArgSet(name, members, loc)

    def parse_tokens(self, loc, item, toks, is_pattern):
        nbits = 0
        rest = []
        inline = []
        for t in toks:
            if re.fullmatch(r'[01.\-]+', t):
                for ch in t:
                    bit = self.width - 1 - nbits
                    nbits += 1
                    if bit < 0:
                        continue
                    if ch == '1':
                        item.fixedmask |= 1 << bit
                        item.fixedbits |= 1 << bit
                    elif ch == '0':
                        item.fixedmask |= 1 << bit
                    elif ch == '.':
                        item.fieldmask |= 1 << bit
                continue
            m = re.fullmatch('(' + IDENT + r'):(s?)(\d+)', t)
            if m:
                ln = int(m.group(3))
                if ln == 0:
                    err(loc, 'bad width in inline field %r' % t)
                pos = self.width - nbits - ln
                nbits += ln
                if pos >= 0:
                    f = Field(None, [(pos, ln, m.group(2) == 's')], None, loc)
                    item.fieldmask |= ((1 << ln) - 1) << pos
                    inline.append((m.group(1), f))
                continue
            rest.append(t)
        if nbits != self.width:
            err(loc, '%s has %d bits, the instruction width is %d' %
                (item.name, nbits, self.width))
        for mname, f in inline:
            item.members[mname] = ('field', f)
        for t in rest:
            if t.startswith('&'):
                if t[1:] not in self.argsets:
                    err(loc, 'unknown argument set %s' % t)
                if item.argset is not None:
                    err(loc, 'two argument sets given')
                item.argset = self.argsets[t[1:]]
            elif t.startswith('@'):
                if not is_pattern:
                    err(loc, 'a format cannot use a format')
                if t[1:] not in self.formats:
                    err(loc, 'unknown format %s' % t)
                if item.fmt is not None:
                    err(loc, 'two formats given')
                item.fmt = self.formats[t[1:]]
            elif t.startswith('%'):
                if t[1:] not in self.fields:
                    err(loc, 'unknown field %s' % t)
                item.members[t[1:]] = ('field', self.fields[t[1:]])
            elif '=' in t:
                mname, val = t.split('=', 1)
                self.check_name(loc, mname, 'member')
                if val.startswith('%'):
                    if val[1:] not in self.fields:
                        err(loc, 'unknown field %s' % val)
                    item.members[mname] = ('field', self.fields[val[1:]])
                else:
                    try:
                        item.members[mname] = ('const', int(val, 0))
                    except ValueError:
                        err(loc, 'bad constant %r' % t)
            else:
                err(loc, 'cannot read %r' % t)

    def parse_format(self, loc, name, toks):
        self.check_name(loc, name, 'format')
        if name in self.formats:
            err(loc, 'format @%s defined twice' % name)
        item = Item(name, loc)
        self.parse_tokens(loc, item, toks, False)
        self.formats[name] = item

    def parse_pattern(self, loc, name, toks):
        self.check_name(loc, name, 'pattern')
        item = Item(name, loc)
        self.parse_tokens(loc, item, toks, True)
        fmt = item.fmt
        if fmt is not None:
            if fmt.fixedmask & item.fixedmask & (fmt.fixedbits ^ item.fixedbits):
                err(loc, '%s contradicts the fixed bits of @%s' % (name, fmt.name))
            item.fixedbits |= fmt.fixedbits
            item.fixedmask |= fmt.fixedmask
            item.fieldmask |= fmt.fieldmask & ~item.fixedmask
            merged = dict(fmt.members)
            merged.update(item.members)
            item.members = merged
            if item.argset is None:
                item.argset = fmt.argset
        if item.argset is None:
            item.argset = ArgSet(name, sorted(item.members), loc, implicit=True)
        else:
            for m in item.members:
                if m not in item.argset.members:
                    err(loc, '%s: %s is not a member of &%s' %
                        (name, m, item.argset.name))
            for m in item.argset.members:
                if m not in item.members:
                    err(loc, '%s: member %s of &%s gets no value' %
                        (name, m, item.argset.name))
        for prev in self.patterns:
            if prev.name == name and prev.argset.name != item.argset.name \
                    and not (prev.argset.implicit and item.argset.implicit):
                err(loc, '%s used with two argument sets (also %s)' %
                    (name, prev.loc))
        self.patterns.append(item)
        self.stack[-1].items.append(item)


def overlaps(a, b):
    common = a.fixedmask & b.fixedmask
    return (a.fixedbits ^ b.fixedbits) & common == 0


def leaves(node):
    if isinstance(node, Item):
        return [node]
    out = []
    for it in node.items:
        out.extend(leaves(it))
    return out


def check_root(root):
    """Top-level siblings must not overlap (a group counts as all its
    patterns); inside a group the order decides."""
    kids = root.items
    for i in range(len(kids)):
        for j in range(i + 1, len(kids)):
            for a in leaves(kids[i]):
                for b in leaves(kids[j]):
                    if overlaps(a, b):
                        err(b.loc, '%s overlaps %s (%s) outside a group { }' %
                            (b.name, a.name, a.loc))


def gen(parser, name, out):
    w = out.write
    w('/* Generated by scripts/decodetree.py from %s: do not edit. */\n\n'
      % parser.path)
    w('#include <stdbool.h>\n#include <stdint.h>\n\n')
    w('#ifndef DECODETREE_EXTRACT_DEFINED\n#define DECODETREE_EXTRACT_DEFINED\n')
    w('static inline int32_t extract32(uint32_t v, int pos, int len)\n{\n'
      '    return (int32_t)((v >> pos) & (0xffffffffu >> (32 - len)));\n}\n\n')
    w('static inline int32_t sextract32(uint32_t v, int pos, int len)\n{\n'
      '    return (int32_t)(v << (32 - len - pos)) >> (32 - len);\n}\n')
    w('#endif\n\n')
    done = set()
    for s in list(parser.argsets.values()) + [p.argset for p in parser.patterns]:
        if s.name in done:
            continue
        done.add(s.name)
        # Guarded so that two decoders of one frontend can share a file
        # and their common argument sets.
        w('#ifndef DECODETREE_ARG_%s\n#define DECODETREE_ARG_%s\n' %
          (s.name, s.name))
        w('typedef struct {\n')
        if not s.members:
            w('    int unused_;\n')
        for m in s.members:
            w('    int %s;\n' % m)
        w('} arg_%s;\n#endif\n\n' % s.name)
    declared = set()
    for p in parser.patterns:
        if p.name in declared:
            continue
        declared.add(p.name)
        w('static bool trans_%s(DisasCtx *ctx, arg_%s *a);\n' %
          (p.name, p.argset.name))
    w('\n')
    w('static bool decode_%s(DisasCtx *ctx, uint32_t insn)\n{\n' % name)
    if parser.width == 16:
        w('    insn &= 0xffff;\n')
    gen_group(parser.root, out, 1, True)
    w('    return false;\n}\n')


def gen_item(p, out, ind, in_group):
    pad = '    ' * ind
    out.write('%sif ((insn & 0x%08xu) == 0x%08xu) {\n' %
              (pad, p.fixedmask, p.fixedbits))
    out.write('%s    /* %s (%s) */\n' % (pad, p.name, p.loc))
    out.write('%s    arg_%s a;\n' % (pad, p.argset.name))
    if not p.argset.members:
        out.write('%s    a.unused_ = 0;\n' % pad)
    for m in p.argset.members:
        kind, v = p.members[m]
        expr = v.c_expr() if kind == 'field' else '%d' % v
        out.write('%s    a.%s = %s;\n' % (pad, m, expr))
    if in_group:
        out.write('%s    if (trans_%s(ctx, &a)) {\n%s        return true;\n'
                  '%s    }\n' % (pad, p.name, pad, pad))
    else:
        out.write('%s    return trans_%s(ctx, &a);\n' % (pad, p.name))
    out.write('%s}\n' % pad)


def gen_group(group, out, ind, root):
    for it in group.items:
        if isinstance(it, Item):
            gen_item(it, out, ind, not root)
        else:
            gen_group(it, out, ind, False)


def main():
    ap = argparse.ArgumentParser(description='instruction decoder generator')
    ap.add_argument('--width', type=int, default=32)
    ap.add_argument('--decode', default='insn')
    ap.add_argument('-o', '--output', required=True)
    ap.add_argument('input')
    args = ap.parse_args()
    if args.width not in (16, 32):
        print('decodetree: --width must be 16 or 32', file=sys.stderr)
        return 1
    try:
        with open(args.input) as f:
            text = f.read()
    except OSError as e:
        print('decodetree: %s' % e, file=sys.stderr)
        return 1
    p = Parser(args.width, args.input)
    try:
        p.parse(text)
        check_root(p.root)
    except DecodeError as e:
        print(e, file=sys.stderr)
        return 1
    buf = io.StringIO()
    gen(p, args.decode, buf)
    with open(args.output, 'w') as f:
        f.write(buf.getvalue())
    return 0


if __name__ == '__main__':
    sys.exit(main())

#!/usr/bin/env bash
# tests/integration/bad-elf.sh — feeds an ARM runner malformed programs and
# bad command lines; each must end with exit status 1 and exactly one line
# on stderr naming the file (or option) and the problem: no crash, no core.
#
# usage: bad-elf.sh <emu-arm>
# Status 1 for every such error follows docs (DESIGN.md "Command line"):
# the runner is not a shell, so the shell's 126/127 convention does not
# apply. The files are built here by a small generator (no toolchain, no
# network): a minimal EABI5 ARM program that prints "ok" is the positive
# control, and each case breaks one thing in it.
set -uo pipefail

if [ $# -ne 1 ]; then
    echo "usage: $0 <emu-arm>" >&2
    exit 1
fi
runner=$1
if [ ! -x "$runner" ]; then
    echo "SKIP: runner $runner is not built" >&2
    exit 77
fi
runner=$(cd "$(dirname "$runner")" && pwd)/$(basename "$runner")
W=$(mktemp -d "${TMPDIR:-/tmp}/emu-badelf.XXXXXX")
trap 'rm -rf "$W"' EXIT
cd "$W" || exit 1
ulimit -c unlimited 2>/dev/null

python3 - "$W" <<'PY'
import os, struct, sys
w = sys.argv[1]

# ARM code: write(1, "ok\n", 3); exit(0).  "adr r1, msg" is add r1, pc, #20.
CODE = [0xe3a00001, 0xe28f1014, 0xe3a02003, 0xe3a07004, 0xef000000,
        0xe3a00000, 0xe3a07001, 0xef000000]
BASE = 0x10000

def elf(endian="<", cls=1, data=1, machine=40, etype=2, phoff=None,
        phentsize=32, phnum=None, interp=None, filesz=None, vaddr=BASE,
        memsz=None):
    """A 32-bit ARM executable; the keyword arguments break one field."""
    e = endian
    nph = 2 if interp else 1
    code = b"".join(struct.pack(e + "I", i) for i in CODE) + b"ok\n"
    if endian == ">":
        # Big-endian ARM (BE8) keeps little-endian instructions.
        code = b"".join(struct.pack("<I", i) for i in CODE) + b"ok\n"
    ph_at = 52
    interp_at = ph_at + 32 * nph
    istr = (interp.encode() + b"\0") if interp else b""
    code_at = interp_at + len(istr)
    code_at = (code_at + 3) & ~3
    total = code_at + len(code)
    hdr = b"\x7fELF" + bytes([cls, data, 1, 0]) + bytes(8)
    hdr += struct.pack(e + "HHIIIIIHHHHHH", etype, machine, 1,
                       BASE + code_at, ph_at if phoff is None else phoff,
                       0, 0x05000200, 52, phentsize,
                       nph if phnum is None else phnum, 40, 0, 0)
    phs = b""
    if interp:
        phs += struct.pack(e + "IIIIIIII", 3, interp_at, BASE + interp_at,
                           BASE + interp_at, len(istr), len(istr), 4, 1)
    fs = total if filesz is None else filesz
    phs += struct.pack(e + "IIIIIIII", 1, 0, vaddr, vaddr, fs,
                       max(fs, total) if memsz is None else memsz, 5, 0x1000)
    body = hdr + phs + istr
    body += bytes(code_at - len(body)) + code
    return body

def put(name, data, mode=0o755):
    path = os.path.join(w, name)
    with open(path, "wb") as f:
        f.write(data)
    os.chmod(path, mode)

good = elf()
put("good", good)
put("empty", b"")
put("text", b"this is not a program\njust text\n")
put("truncated-header", good[:30])
put("elf64-class", elf(cls=2))
put("wrong-machine", elf(machine=3))
put("big-endian", elf(endian=">", data=2))
put("bad-data-encoding", elf(data=7))
put("phdr-past-eof", elf(phoff=0x100000))
put("load-past-eof", elf(filesz=0x100000))
put("missing-interp", elf(interp="/nonexistent/ld-linux.so.3"))
put("relocatable", elf(etype=1))
put("no-phdrs", elf(phnum=0))
put("bad-phentsize", elf(phentsize=16))
put("load-wraps", elf(vaddr=0xfffff000, memsz=0x3000))
put("not-executable", good, 0o644)
os.mkdir(os.path.join(w, "a-directory"))
PY
[ -f "$W/good" ] || { echo "bad-elf.sh: generator failed" >&2; exit 1; }

pass=0
fail=0

# expect_error LABEL NAME KEYWORDS ARGS...: the runner with ARGS must print
# one stderr line containing NAME and matching the extended regex KEYWORDS
# (case-insensitive), nothing on stdout, and exit with status 1.
expect_error() {
    local label=$1 name=$2 keys=$3 st why= lines
    shift 3
    rm -f core core.*
    "$runner" "$@" >"$W/out" 2>"$W/err" </dev/null
    st=$?
    lines=$(wc -l <"$W/err")
    # A last line without a newline counts as a line too.
    [ -s "$W/err" ] && [ "$(tail -c 1 "$W/err" | od -An -c | tr -d ' ')" != '\n' ] &&
        lines=$((lines + 1))
    if [ $st -gt 128 ] && [ $st -le 192 ]; then
        why="killed by signal $((st - 128))"
    elif compgen -G "core*" >/dev/null; then
        why="left a core file"
    elif [ $st != 1 ]; then
        why="exit status $st, want 1"
    elif [ "$lines" != 1 ]; then
        why="$lines lines on stderr, want 1"
    elif ! grep -qF -- "$name" "$W/err"; then
        why="stderr does not name '$name'"
    elif ! grep -qiE -- "$keys" "$W/err"; then
        why="stderr does not say the problem (/$keys/)"
    elif [ -s "$W/out" ]; then
        why="printed on stdout"
    fi
    if [ -z "$why" ]; then
        pass=$((pass + 1))
        echo "PASS bad-elf/$label: $(head -n 1 "$W/err")"
    else
        fail=$((fail + 1))
        echo "FAIL bad-elf/$label: $why"
        head -n 5 "$W/err" | sed 's/^/    | /'
    fi
}

# Positive control: the unbroken program runs.
out=$("$runner" "$W/good" 2>"$W/err")
st=$?
if [ $st = 0 ] && [ "$out" = ok ]; then
    pass=$((pass + 1))
    echo "PASS bad-elf/good (control)"
else
    fail=$((fail + 1))
    echo "FAIL bad-elf/good (control): exit status $st, stdout '$out'"
    head -n 5 "$W/err" | sed 's/^/    | /'
fi

notelf='not an elf|exec format|invalid elf|bad elf|not.*executable|magic'
expect_error empty empty "empty|too short|$notelf|truncated" "$W/empty"
expect_error text text "$notelf" "$W/text"
expect_error truncated-header truncated-header "truncated|too short|short|$notelf" "$W/truncated-header"
expect_error elf64-class elf64-class "64|class|$notelf|architecture|machine" "$W/elf64-class"
expect_error wrong-machine wrong-machine "machine|architecture|arm|386|x86" "$W/wrong-machine"
expect_error x86_64-true /bin/true "machine|architecture|64|class|x86" /bin/true
expect_error big-endian big-endian "endian|big|msb|byte order|$notelf" "$W/big-endian"
expect_error bad-data-encoding bad-data-encoding "endian|encoding|data|byte order|$notelf" "$W/bad-data-encoding"
expect_error phdr-past-eof phdr-past-eof "program header|phdr|truncated|past|beyond|end of file|eof|$notelf" "$W/phdr-past-eof"
expect_error load-past-eof load-past-eof "segment|load|truncated|past|beyond|end of file|eof" "$W/load-past-eof"
expect_error missing-interp missing-interp "interp|nonexistent|no such file" "$W/missing-interp"
expect_error relocatable relocatable "type|relocatable|not.*executable|ET_REL|$notelf" "$W/relocatable"
expect_error no-phdrs no-phdrs "program header|phdr|segment|load|$notelf" "$W/no-phdrs"
expect_error bad-phentsize bad-phentsize "program header|phdr|entry size|phentsize|$notelf" "$W/bad-phentsize"
expect_error load-wraps load-wraps "segment|address|map|range|wrap|memory|overlap" "$W/load-wraps"
expect_error not-executable not-executable "permission|executable" "$W/not-executable"
expect_error a-directory a-directory "directory" "$W/a-directory"
expect_error nonexistent /nonexistent/program "no such file|not found|does not exist" /nonexistent/program

# Bad command lines.
expect_error option-bogus bogus "option|unknown|unrecognized|invalid" -bogus "$W/good"
expect_error option-L-without-arg L "argument|missing|requires|needs|option" -L
expect_error no-program "" "program|usage|missing"

echo "bad-elf: $pass passed, $fail failed"
[ $fail = 0 ]

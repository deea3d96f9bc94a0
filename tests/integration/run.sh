#!/usr/bin/env bash
# tests/integration/run.sh — runs real Debian programs of a foreign
# architecture under an emu runner (-L sysroot) and compares each case's
# output and exit status with the same program run natively on this host.
#
# usage: run.sh [--arch DEB_ARCH] [--accel jit|interp] [--cache DIR]
#               [--small] <runner> <group>...
#   groups: coreutils grep sed gawk compress busybox python perl (files
#           cases-<group>.sh; the same cases serve every architecture)
#   --cache DIR   where fetch-debs.sh keeps <DIR>/<arch>/{debs,sysroot}
#                 (default: $EMU_INTEGRATION_CACHE, else
#                 ./integration-cache under the current directory)
#   --small       small inputs (default with --accel interp)
# Exit status: 0 all passed, 1 a case failed, 77 skipped (reason printed:
# runner not built, packages cannot be fetched here). Cases listed in
# xfail-<arch>.txt (with the reason) are expected to fail for now: they
# print XFAIL and do not fail the run; XPASS says one may leave the list.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
arch=armel
accel=
small=0
cache=${EMU_INTEGRATION_CACHE:-$PWD/integration-cache}
while [ $# -gt 0 ]; do
    case $1 in
    --arch) arch=$2; shift 2 ;;
    --accel) accel=$2; shift 2 ;;
    --cache) cache=$2; shift 2 ;;
    --small) small=1; shift ;;
    -*) echo "run.sh: unknown option $1" >&2; exit 1 ;;
    *) break ;;
    esac
done
if [ $# -lt 2 ]; then
    echo "usage: $0 [--arch A] [--accel jit|interp] [--cache DIR] [--small] <runner> <group>..." >&2
    exit 1
fi
runner=$1
shift
groups=("$@")
[ "$accel" = interp ] && small=1

if [ ! -x "$runner" ]; then
    echo "SKIP: runner $runner is not built" >&2
    exit 77
fi
runner=$(cd "$(dirname "$runner")" && pwd)/$(basename "$runner")
mkdir -p "$cache" && cache=$(cd "$cache" && pwd) || exit 1
if [ -n "$accel" ]; then
    export EMU_ACCEL=$accel
fi
export LC_ALL=C TZ=UTC
unset LANG LANGUAGE GREP_OPTIONS POSIXLY_CORRECT

# The guest sysroot, and the native packages serving as oracle for programs
# this host lacks (gawk, busybox are not in a minimal Debian).
# One list per architecture, the same for every group (the sysroot is
# shared by concurrent runs: its request must not change between them).
guest_pkgs=(busybox-static coreutils grep sed gawk gzip bzip2 libc6)
case $arch in
i386) guest_pkgs+=(python3.11-minimal perl-base zlib1g) ;;
armhf) guest_pkgs+=(python3.11-minimal libpython3.11-stdlib perl-base zlib1g) ;;
mipsel) guest_pkgs+=(python3.11-minimal libpython3.11-stdlib perl-base zlib1g) ;;
esac
"$here/fetch-debs.sh" "$arch" "$cache/$arch" "${guest_pkgs[@]}"
rc=$?
[ $rc = 0 ] || exit $rc
sysroot=$cache/$arch/sysroot
native_arch=$(dpkg --print-architecture 2>/dev/null || uname -m)
native_sysroot=
need_native=()
case " ${groups[*]} " in
*" gawk "*) command -v gawk >/dev/null || need_native+=(gawk) ;;
esac
case " ${groups[*]} " in
*" busybox "*) command -v busybox >/dev/null || need_native+=(busybox-static) ;;
esac
if [ ${#need_native[@]} -gt 0 ]; then
    "$here/fetch-debs.sh" "$native_arch" "$cache/$native_arch" gawk busybox-static libc6
    rc=$?
    [ $rc = 0 ] || exit $rc
    native_sysroot=$cache/$native_arch/sysroot
fi

# Program lookup inside a sysroot.
sys_prog() {
    local root=$1 name=$2 d
    for d in usr/bin bin usr/sbin sbin; do
        if [ -f "$root/$d/$name" ]; then
            echo "$root/$d/$name"
            return 0
        fi
    done
    echo "$root/usr/bin/$name"      # missing: the run reports it
}

# A dynamic program of the native sysroot, through that sysroot's loader.
native_run() {
    local prog=$1 ld libs=
    shift
    ld=$(ls "$native_sysroot"/lib64/ld-linux*.so* "$native_sysroot"/lib/ld-linux*.so* 2>/dev/null | head -n 1)
    for d in "$native_sysroot"/lib/*-linux-* "$native_sysroot"/usr/lib/*-linux-*; do
        [ -d "$d" ] && libs=$libs${libs:+:}$d
    done
    "$ld" --library-path "$libs" "$(sys_prog "$native_sysroot" "$prog")" "$@"
}

guest_bb=$(sys_prog "$sysroot" busybox)

# t PROG ARGS...: the program under test (guest) or its native twin (host).
t() {
    local prog=$1
    shift
    if [ "$MODE" = guest ]; then
        "$runner" -L "$sysroot" "$(sys_prog "$sysroot" "$prog")" "$@"
    elif [ -x "/usr/bin/$prog" ]; then
        # Debian's own program first (not a pyenv or /usr/local one).
        "/usr/bin/$prog" "$@"
    elif command -v "$prog" >/dev/null; then
        command "$prog" "$@"
    else
        native_run "$prog" "$@"
    fi
}

# bb APPLET ARGS...: a busybox applet, guest busybox or native busybox.
bb() {
    if [ "$MODE" = guest ]; then
        "$runner" "$guest_bb" "$@"
    elif command -v busybox >/dev/null; then
        command busybox "$@"
    else
        "$(sys_prog "$native_sysroot" busybox)" "$@"
    fi
}

# first N: the first N lines of stdin, reading all of it (a producer cut off
# by head would die of SIGPIPE at a moment that differs between runs).
first() { sed -n "1,${1}p"; }

# Inputs: generated once per run, deterministic, smaller with --small.
W=$(mktemp -d "${TMPDIR:-/tmp}/emu-integ.XXXXXX")
trap 'rm -rf "$W"' EXIT
D=$W/in
mkdir -p "$D"
if [ $small = 1 ]; then N=1500; BIN=16384; else N=10000; BIN=262144; fi
python3 - "$D" "$N" "$BIN" <<'PY'
import random, sys
d, n, nbin = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
r = random.Random(20240521)
vocab = ("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu "
         "nu xi omicron pi rho sigma tau upsilon phi chi psi omega Emu QEMU "
         "arm thumb Linux kernel debian foo bar baz 42 1999 2024").split()
with open(f"{d}/nums", "w") as f:
    for _ in range(n):
        f.write(f"{r.randint(-50000, 50000)}\n")
with open(f"{d}/words", "w") as f:
    for _ in range(n):
        f.write(r.choice(vocab) + "\n")
with open(f"{d}/text", "w") as f:
    for i in range(n):
        k = r.randint(0, 12)
        line = " ".join(r.choice(vocab) for _ in range(k))
        if i % 17 == 0:
            line += f" user{i}@example.org"
        if i % 23 == 0:
            line = "\t" + line + "  "
        f.write(line + "\n")
with open(f"{d}/table.csv", "w") as f:
    depts = ["eng", "ops", "sales", "hr", "legal"]
    for i in range(n):
        f.write(f"name{i},{r.choice(depts)},{r.randint(1000, 99999)},"
                f"{r.randint(18, 70)},{r.random() * 100:.3f}\n")
with open(f"{d}/bin", "wb") as f:
    f.write(bytes(r.getrandbits(8) for _ in range(nbin // 2)))
    f.write(bytes((i * 7) % 13 for i in range(nbin // 2)))   # compressible
with open(f"{d}/small", "w") as f:
    f.write("hello world\nfoo bar baz\nHello again\n\nlast line 123\n")
PY
mkdir -p "$D/tree/a/b" "$D/tree/c"
for f in a/one a/b/two a/b/three c/four five; do
    echo "$f" >"$D/tree/$f"
done

pass=0
fail=0
xfail=0
failed=()
label="$arch${accel:+ $accel}"
# Expected failures: "group/case reason..." lines.
declare -A xfail_why=()
if [ -f "$here/xfail-$arch.txt" ]; then
    while read -r c why; do
        case $c in ''|'#'*) continue ;; esac
        xfail_why[$c]=$why
    done <"$here/xfail-$arch.txt"
fi

# check NAME: runs function c_NAME natively and under the runner and
# compares stdout and exit status.
check() {
    local name=$1 hs gs why=
    (MODE=host; cd "$W" && "c_$name") >"$W/host.out" 2>"$W/host.err" </dev/null
    hs=$?
    (MODE=guest; cd "$W" && "c_$name") >"$W/guest.out" 2>"$W/guest.err" </dev/null
    gs=$?
    if [ ! -s "$W/host.out" ]; then
        why="native run printed nothing (test bug)"
    elif [ $gs -gt 128 ] && [ $hs -le 128 ]; then
        why="guest killed by signal $((gs - 128))"
    elif [ $hs != $gs ]; then
        why="exit status $gs, native $hs"
    elif ! cmp -s "$W/host.out" "$W/guest.out"; then
        why="output differs"
    fi
    if [ -z "$why" ]; then
        pass=$((pass + 1))
        if [ -n "${xfail_why[$group/$name]:-}" ]; then
            echo "XPASS $group/$name (listed in xfail-$arch.txt: ${xfail_why[$group/$name]})"
        else
            echo "PASS $group/$name"
        fi
    elif [ -n "${xfail_why[$group/$name]:-}" ]; then
        xfail=$((xfail + 1))
        echo "XFAIL $group/$name: $why (expected: ${xfail_why[$group/$name]})"
    else
        fail=$((fail + 1))
        failed+=("$group/$name")
        echo "FAIL $group/$name: $why"
        diff -u --label native --label "emu ($label)" "$W/host.out" "$W/guest.out" |
            head -n 30 | sed 's/^/    /'
        if [ -s "$W/guest.err" ]; then
            echo "    guest stderr:"
            head -n 10 "$W/guest.err" | sed 's/^/    | /'
        fi
    fi
}

for group in "${groups[@]}"; do
    f=$here/cases-$group.sh
    if [ ! -f "$f" ]; then
        echo "run.sh: no such group: $group" >&2
        exit 1
    fi
    # shellcheck source=/dev/null
    . "$f"
done

echo "integration $label ${groups[*]}: $pass passed, $fail failed$([ $xfail -gt 0 ] && echo ", $xfail expected failures")"
[ $fail = 0 ]

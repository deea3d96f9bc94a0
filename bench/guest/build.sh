#!/bin/bash
# bench/guest/build.sh — compiles the guest benchmark programs natively (gcc)
# and for every guest in guests.conf whose Debian cross compiler works, into
# a cache folder (<out>/<guest>/<benchmark>). Rebuilds only what changed.
# Usage: bench/guest/build.sh [--out DIR] [--guests arm,i386,...]
#   default DIR: build/bench-guest under the source tree; default: all guests.
set -u
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
out=$src/build/bench-guest
guests=all

while [ $# -gt 0 ]; do
    case $1 in
    --out) out=$2; shift 2 ;;
    --guests) guests=$2; shift 2 ;;
    -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
    *) echo "build.sh: unknown option '$1' (see --help)" >&2; exit 1 ;;
    esac
done
mkdir -p "$out" || exit 1
out=$(cd "$out" && pwd)

common_flags="-std=c99 -O2 -ffp-contract=off -Wall -Wextra"
failed=0

# needs_build TARGET DEPS...: true when TARGET is missing or older than a dep
needs_build() {
    local target=$1 dep
    shift
    [ -e "$target" ] || return 0
    for dep in "$@"; do
        [ "$dep" -nt "$target" ] && return 0
    done
    return 1
}

# build_one CC "FLAGS" DIR: every benchmark of benchmarks.conf into DIR
build_one() {
    local cc=$1 flags=$2 dir=$3 name source link size quick runs kind
    local n=0 bad=""
    mkdir -p "$dir"
    while IFS='|' read -r name source link size quick runs kind; do
        case $name in ''|'#'*) continue ;; esac
        local target=$dir/$name static=-static
        [ "$link" = dynamic ] && static=""
        if needs_build "$target" "$here/$source" "$here/common.h" \
                "$here/build.sh" "$here/benchmarks.conf"; then
            # shellcheck disable=SC2086
            if ! $cc $common_flags $flags $static -o "$target.tmp" \
                    "$here/$source" -lm 2>"$dir/$name.log"; then
                bad="$bad $name"
                rm -f "$target.tmp"
                continue
            fi
            mv "$target.tmp" "$target"
        fi
        n=$((n + 1))
    done <"$here/benchmarks.conf"
    if [ -n "$bad" ]; then
        echo "  failed:$bad (compiler messages in $dir/<name>.log)"
        failed=1
    fi
    echo "  $n programs in $dir"
}

echo "native (gcc):"
if needs_build "$out/measure" "$here/measure.c"; then
    gcc -O2 -Wall -Wextra -o "$out/measure" "$here/measure.c" || exit 1
fi
build_one gcc "" "$out/native"

while IFS="|" read -r guest cc flags qemu sysroot libdir fdiv runners; do
    case $guest in ''|'#'*) continue ;; esac
    if [ "$guests" != all ] && ! echo ",$guests," | grep -q ",$guest,"; then
        continue
    fi
    if ! command -v "$cc" >/dev/null 2>&1; then
        echo "$guest: skipped: $cc not installed (Debian package gcc-${cc%-gcc})"
        continue
    fi
    # a static hello must link: catches a missing 32-bit libc for -m32
    probe=$out/$guest/.probe
    mkdir -p "$out/$guest"
    if ! $cc $flags -static -o "$probe" "$here/hello.c" 2>"$probe.log"; then
        echo "$guest: skipped: $cc $flags cannot link a static C program:"
        grep -m2 -E 'error|cannot find' "$probe.log" | sed 's/^/    /'
        if [ "$flags" = -m32 ]; then
            echo "    (32-bit libraries: apt-get install" \
                 "libc6-dev-sparc-sparc64-cross lib32gcc-12-dev-sparc64-cross)"
        fi
        continue
    fi
    rm -f "$probe" "$probe.log"
    echo "$guest ($cc${flags:+ $flags}):"
    if [ -n "$libdir" ]; then
        # the runtime libraries are not in <sysroot>/lib: a private sysroot
        # whose lib points at them, for -L
        mkdir -p "$out/$guest/sysroot"
        ln -sfn "$sysroot/$libdir" "$out/$guest/sysroot/lib"
    fi
    build_one "$cc" "$flags" "$out/$guest"
done <"$here/guests.conf"
exit $failed

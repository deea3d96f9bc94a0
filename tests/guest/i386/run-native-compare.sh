#!/bin/sh
# tests/guest/i386/run-native-compare.sh — the live oracle: runs an i386
# guest program natively (the x86 host runs i386 binaries) and under
# emu-i386, and compares stdout and exit status.
# usage: run-native-compare.sh RUNNER ACCEL PROGRAM [ARGS...]
# Exits 77 (skip) when the host cannot run the program natively.
set -u
runner=$1; accel=$2; prog=$3
shift 3
for f in "$runner" "$prog"; do
    [ -x "$f" ] || { echo "skip: $f is not there" >&2; exit 77; }
done
nat=$(mktemp "${TMPDIR:-/tmp}/emu-i386-nat.XXXXXX") || exit 1
emu=$(mktemp "${TMPDIR:-/tmp}/emu-i386-emu.XXXXXX") || exit 1
trap 'rm -f "$nat" "$emu"' EXIT INT TERM
"$prog" "$@" >"$nat" 2>/dev/null
nstatus=$?
if [ "$nstatus" -eq 126 ] || [ "$nstatus" -eq 127 ]; then
    echo "skip: the host does not run i386 programs natively" >&2
    exit 77
fi
"$runner" -accel "$accel" "$prog" "$@" >"$emu"
estatus=$?
fail=0
if ! cmp -s "$nat" "$emu"; then
    echo "FAIL: $(basename "$prog") on $accel differs from the native run:" >&2
    diff -u "$nat" "$emu" | head -60 >&2
    fail=1
fi
if [ "$nstatus" -ne "$estatus" ]; then
    echo "FAIL: exit status $estatus under emu, $nstatus natively" >&2
    fail=1
fi
exit $fail

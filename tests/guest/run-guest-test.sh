#!/bin/sh
# tests/guest/run-guest-test.sh — runs one cross-compiled guest program
# under an emu runner and compares its standard output with the committed
# expected file, and its exit status with the expected one.
#
# usage: run-guest-test.sh RUNNER ACCEL PROGRAM EXPECTED [ARGS...]
#   ACCEL     jit or interp (passed as -accel)
#   EXPECTED  the expected stdout; the expected exit status is 0, or the
#             number in EXPECTED with .expected replaced by .exitcode when
#             that file exists.
# Stderr is shown (not compared). Exits 0 on a match, 1 with a diff
# otherwise, 77 (meson's "skip") when the runner or program is missing.
set -u

if [ $# -lt 4 ]; then
    echo "usage: $0 RUNNER ACCEL PROGRAM EXPECTED [ARGS...]" >&2
    exit 2
fi
runner=$1; accel=$2; prog=$3; expected=$4
shift 4

for f in "$runner" "$prog"; do
    if [ ! -x "$f" ]; then
        echo "skip: $f is not there" >&2
        exit 77
    fi
done
if [ ! -f "$expected" ]; then
    echo "error: expected output $expected is missing" >&2
    exit 1
fi

want_status=0
status_file=${expected%.expected}.exitcode
if [ -f "$status_file" ]; then
    want_status=$(cat "$status_file")
fi

out=$(mktemp "${TMPDIR:-/tmp}/emu-guest-out.XXXXXX") || exit 1
trap 'rm -f "$out"' EXIT INT TERM

"$runner" -accel "$accel" "$prog" "$@" >"$out"
status=$?

fail=0
if ! cmp -s "$expected" "$out"; then
    echo "FAIL: stdout of $(basename "$prog") on $accel differs from $expected:" >&2
    diff -u "$expected" "$out" | head -60 >&2
    fail=1
fi
if [ "$status" -ne "$want_status" ]; then
    echo "FAIL: $(basename "$prog") on $accel exited with $status, expected $want_status" >&2
    fail=1
fi
exit $fail

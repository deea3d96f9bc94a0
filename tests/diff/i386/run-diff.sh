#!/bin/sh
# tests/diff/i386/run-diff.sh — runs the random i386 sequences of
# diff-i386 natively and under emu-i386 and compares them case by case;
# for the first mismatches prints the verbose reproducer of both runs
# (input state, instruction bytes, output, memory) as a diff.
# usage: run-diff.sh RUNNER ACCEL PROGRAM [--seed N] [--count N]
#                    [--first N] [--disable F,F] [--enable F,F] [--show N]
# Exit status: 0 equal, 1 mismatches, 77 the host cannot run i386 code.
set -u
if [ $# -lt 3 ]; then
    echo "usage: $0 RUNNER ACCEL PROGRAM [--seed N] [--count N] [--first N] [--disable F,F] [--show N]" >&2
    exit 2
fi
runner=$1; accel=$2; prog=$3
shift 3
show=5
args=
while [ $# -gt 0 ]; do
    case $1 in
    --show) show=$2; shift 2 ;;
    --seed|--count|--first|--disable|--enable) args="$args $1 $2"; shift 2 ;;
    *) echo "run-diff.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
for f in "$runner" "$prog"; do
    [ -x "$f" ] || { echo "SKIP: $f is not there" >&2; exit 77; }
done
tmp=$(mktemp -d "${TMPDIR:-/tmp}/emu-diff-i386.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM

# shellcheck disable=SC2086
"$prog" $args >"$tmp/native" 2>"$tmp/native.err"
st=$?
if [ $st -eq 126 ] || [ $st -eq 127 ] || { [ $st -ne 0 ] && [ ! -s "$tmp/native" ]; }; then
    echo "SKIP: this host does not run i386 programs natively (status $st)" >&2
    cat "$tmp/native.err" >&2
    exit 77
fi
if [ $st -ne 0 ]; then
    echo "FAIL: the native run itself failed (status $st): a generator bug" >&2
    tail -n 3 "$tmp/native" >&2
    exit 1
fi
# shellcheck disable=SC2086
"$runner" -accel "$accel" "$prog" $args >"$tmp/emu" 2>"$tmp/emu.err"
est=$?
total=$(wc -l <"$tmp/native")
if [ $est -ne 0 ]; then
    echo "FAIL: emu-i386 -accel $accel exited with status $est after $(wc -l <"$tmp/emu") of $total cases" >&2
    head -n 5 "$tmp/emu.err" >&2
fi
# Case numbers whose lines differ (or are missing under emu).
awk -F: 'NR == FNR { n[$1] = $0; next } { e[$1] = $0 }
         END { for (k in n) if (n[k] != e[k]) print k }' \
    "$tmp/native" "$tmp/emu" | sort -n >"$tmp/bad"
nbad=$(wc -l <"$tmp/bad")
echo "diff-i386 $accel:$args: $total cases, $nbad mismatches"
if [ "$nbad" -gt 0 ]; then
    for c in $(head -n "$show" "$tmp/bad"); do
        # The shortest prefix of the sequence that already differs.
        k=1
        while [ $k -lt 64 ]; do
            # shellcheck disable=SC2086
            "$prog" $args --only "$c" --units $k >"$tmp/v.native" 2>&1
            # shellcheck disable=SC2086
            "$runner" -accel "$accel" "$prog" $args --only "$c" --units $k >"$tmp/v.emu" 2>&1
            cmp -s "$tmp/v.native" "$tmp/v.emu" && [ $k -lt 63 ] || break
            k=$((k + 1))
        done
        echo "---- case $c, its first $k instructions: reproducer (native vs emu-i386 -accel $accel)"
        sed -n "1,/^  scratch before:/p" "$tmp/v.native" | sed "\$d"
        diff -u --label native --label "emu $accel" "$tmp/v.native" "$tmp/v.emu" |
            grep -v '^ ' | head -n 40
    done
    [ "$nbad" -gt "$show" ] && echo "(first $show of $nbad shown)"
fi
[ "$nbad" -eq 0 ] && [ $est -eq 0 ]

#!/bin/bash
# bench/run.sh — the guest benchmark suite: runs every program of
# bench/guest natively, under emu-<arch> and under qemu-<arch>-static,
# interleaved rep by rep, and prints time ratios and peak memory.
#
# Usage: bench/run.sh [options]
#   --guests LIST     comma-separated guests (default: every guest whose emu
#                     runner exists; a guest named here runs even without
#                     its runner, leaving the emu column empty)
#   --bench LIST      comma-separated benchmarks (default: all)
#   --reps N          interleaved repetitions, median reported (default 3)
#   --builddir DIR    emu build folder holding linux-user/[<g>/]emu-<arch>
#                     (default: build); programs are cached in DIR/bench-guest
#   --interp          also run emu with -accel interp
#   --quick           smaller sizes (about a quarter of the work)
#   --cpu             report user+system CPU time instead of wall time
#                     (steadier on a machine that is busy with other work)
#   --timeout SEC     kill a run after SEC seconds (default: no limit)
#   --markdown        print markdown tables for docs/PERFORMANCE.md
# Progress goes to stderr, the tables to stdout. Never part of the tests.
set -u
src=$(cd "$(dirname "$0")/.." && pwd)
conf=$src/bench/guest
guests=""
benches=""
reps=3
builddir=$src/build
interp=0
quick=0
timeout_s=""
markdown=0
clock=wall

usage() { sed -n '/^# Usage/,/^# Progress/p' "$0" | sed 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
    case $1 in
    --guests) guests=$2; shift 2 ;;
    --bench) benches=$2; shift 2 ;;
    --reps) reps=$2; shift 2 ;;
    --builddir) builddir=$2; shift 2 ;;
    --interp) interp=1; shift ;;
    --quick) quick=1; shift ;;
    --timeout) timeout_s=$2; shift 2 ;;
    --markdown) markdown=1; shift ;;
    --cpu) clock=cpu; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run.sh: unknown option '$1' (see --help)" >&2; exit 1 ;;
    esac
done
case $reps in ''|*[!0-9]*|0) echo "run.sh: --reps needs a positive number" >&2
    exit 1 ;; esac
if [ ! -d "$builddir" ]; then
    echo "run.sh: build folder '$builddir' does not exist" \
         "(emu columns stay empty; programs cached there anyway)" >&2
fi
mkdir -p "$builddir" || exit 1
builddir=$(cd "$builddir" && pwd)
cache=$builddir/bench-guest
buildtype=$(grep -o '"name": "buildtype", "value": "[a-z]*"' \
    "$builddir/meson-info/intro-buildoptions.json" 2>/dev/null |
    sed 's/.*"value": "//; s/"$//')
case $buildtype in
''|release|debugoptimized|minsize) ;;
*) echo "run.sh: warning: $builddir is a '$buildtype' build; emu times" \
        "mean little without optimization (meson setup --buildtype=release)" >&2 ;;
esac

say() { echo "$@" >&2; }
in_list() { echo ",$2," | grep -q ",$1,"; }

# --- the peer: Debian's qemu-user-static (a benchmark peer only) ---------
if ! command -v qemu-arm-static >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then
        say "installing qemu-user-static (benchmark peer)..."
        DEBIAN_FRONTEND=noninteractive apt-get install -y qemu-user-static \
            >"$cache.apt.log" 2>&1 ||
            say "apt-get install qemu-user-static failed, see $cache.apt.log"
    else
        say "qemu-user-static is not installed and we are not root:" \
            "qemu columns stay empty"
    fi
fi

# --- programs ------------------------------------------------------------
build_guests=all
[ -n "$guests" ] && build_guests=$guests
say "building programs into $cache"
"$conf/build.sh" --out "$cache" --guests "$build_guests" 2>&1 |
    grep -v '^  [0-9]* programs in' >&2
measure=$cache/measure
if [ ! -x "$measure" ]; then
    say "run.sh: $measure was not built"
    exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
results=$tmp/results.tsv
: >"$results"

# median of the numbers on stdin
median() {
    sort -g | awk '{ v[NR] = $1 } END {
        if (NR == 0) { print "-"; exit }
        if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# find_runner NAMES...: path of the first emu runner built, in
# <builddir>/linux-user or one of its guest folders; empty if none
find_runner() {
    local r f
    for r in "$@"; do
        for f in "$builddir/linux-user/$r" "$builddir"/linux-user/*/"$r"; do
            if [ -f "$f" ] && [ -x "$f" ]; then
                echo "$f"
                return
            fi
        done
    done
}

# usable_runner GUEST RUNNERS...: path of the guest's emu runner when it is
# built and runs the guest's static hello; empty (reason on stderr) if not
usable_runner() {
    local guest=$1 runner
    shift
    runner=$(find_runner "$@")
    if [ -z "$runner" ]; then
        say "$guest: no emu runner ($*) in $builddir/linux-user"
        return
    fi
    if [ -x "$cache/$guest/start-static" ] &&
        ! "$runner" "$cache/$guest/start-static" >/dev/null \
            2>"$tmp/probe.err" </dev/null; then
        # e.g. emu-arm refusing armhf (VFP) programs: one line here, not
        # a FAIL on every benchmark
        say "$guest: ${runner##*/} cannot run this guest's programs:" \
            "$(head -c 300 "$tmp/probe.err" | head -2)"
        return
    fi
    echo "$runner"
}

# run_guest GUEST QEMU SYSROOT FLOAT_DIV RUNNER_PATH (may be empty)
run_guest() {
    local guest=$1 qemu=$2 sysroot=$3 fdiv=$4 runner=$5
    local cols="native"
    [ -n "$runner" ] && cols="$cols emu"
    [ -n "$runner" ] && [ $interp = 1 ] && cols="$cols interp"
    command -v "$qemu" >/dev/null 2>&1 && cols="$cols qemu"
    [ -z "$runner" ] && say "$guest: emu column empty"
    case " $cols " in *" qemu "*) ;; *) say "$guest: $qemu not found:" \
        "qemu column empty" ;; esac

    local name source link size qsize runs kind
    while IFS='|' read -r name source link size qsize runs kind; do
        case $name in ''|'#'*) continue ;; esac
        if [ -n "$benches" ] && ! in_list "$name" "$benches"; then
            continue
        fi
        [ $quick = 1 ] && size=$qsize
        if [ "$kind" = float ]; then
            size=$((size / fdiv))
            [ "$size" -lt 1 ] && size=1
        fi
        local prog=$cache/$guest/$name
        if [ ! -x "$prog" ] || [ ! -x "$cache/native/$name" ]; then
            say "$guest/$name: not built, skipped"
            continue
        fi
        local lopt=()
        [ "$link" = dynamic ] && lopt=(-L "$sysroot")
        local tcmd=()
        [ -n "$timeout_s" ] && tcmd=(timeout -s KILL "$timeout_s")
        local col rep note="" wall cpu rss code agree
        declare -A walls=() peak=() fail=()
        rm -f "$tmp"/*.first "$tmp"/*.out "$tmp"/*.err
        for col in $cols; do
            walls[$col]=""
            peak[$col]=0
            fail[$col]=""
        done
        for rep in $(seq 1 "$reps"); do
            for col in $cols; do
                [ -n "${fail[$col]}" ] && continue
                local cmd=()
                case $col in
                native) cmd=("$cache/native/$name" "$size") ;;
                emu) cmd=("$runner" "${lopt[@]}" "$prog" "$size") ;;
                interp) cmd=("$runner" -accel interp "${lopt[@]}" "$prog"
                             "$size") ;;
                qemu) cmd=("$qemu" "${lopt[@]}" "$prog" "$size") ;;
                esac
                read -r wall cpu rss code < <("$measure" -n "$runs" \
                    -o "$tmp/$col.out" -e "$tmp/$col.err" -- \
                    "${tcmd[@]}" "${cmd[@]}")
                if [ "${code:-255}" != 0 ]; then
                    fail[$col]="exit $code"
                    [ "$code" = 137 ] && [ -n "$timeout_s" ] &&
                        fail[$col]="timeout"
                    say "$guest/$name: $col failed (${fail[$col]}):" \
                        "$(head -c 300 "$tmp/$col.err" | head -3)"
                    continue
                fi
                [ $clock = cpu ] && wall=$cpu
                walls[$col]="${walls[$col]} $wall"
                [ "$rss" -gt "${peak[$col]}" ] && peak[$col]=$rss
                if [ "$rep" = 1 ]; then
                    cp "$tmp/$col.out" "$tmp/$col.first"
                elif ! cmp -s "$tmp/$col.out" "$tmp/$col.first"; then
                    note="$note $col-output-changes-between-reps"
                fi
            done
        done
        # every column must print what native printed; when all guest
        # columns agree with each other but not with native (i386 mandel:
        # x87 extended precision), the same binary behaves the same under
        # emu and qemu and the note says so instead of MISMATCH
        local differ="" guest_cols="" first=""
        agree=1
        for col in $cols; do
            [ "$col" = native ] || [ -n "${fail[$col]}" ] && continue
            [ -e "$tmp/$col.first" ] || continue
            guest_cols="$guest_cols,$col"
            [ -n "$first" ] && ! cmp -s "$tmp/$col.first" "$first" && agree=0
            [ -z "$first" ] && first=$tmp/$col.first
            [ -e "$tmp/native.first" ] &&
                ! cmp -s "$tmp/$col.first" "$tmp/native.first" &&
                differ="$differ,$col"
        done
        if [ -n "$differ" ] && [ $agree = 1 ] &&
            [ "$differ" = "$guest_cols" ] &&
            [ "$(printf %s "$differ" | tr -cd , | wc -c)" -ge 2 ]; then
            note="$note guests-agree,native-differs"
        elif [ -n "$differ" ]; then
            note="$note MISMATCH(${differ#,}!=native)"
            for col in ${differ//,/ }; do
                say "$guest/$name: $col printed:"
                head -3 "$tmp/$col.first" | sed 's/^/    /' >&2
            done
            say "  native printed:"
            head -3 "$tmp/native.first" | sed 's/^/    /' >&2
        fi
        for col in $cols; do
            [ -n "${fail[$col]}" ] && note="$note FAIL($col:${fail[$col]// /})"
        done
        local row="$guest	$name	$kind	$size	$runs"
        for col in native emu interp qemu; do
            local t="-" m="-"
            if [ -n "${walls[$col]:-}" ] && [ -z "${fail[$col]}" ]; then
                t=$(echo "${walls[$col]}" | tr ' ' '\n' | grep . | median)
                t=$(printf '%.3f' "$t")
                m=${peak[$col]}
            fi
            row="$row	$t	$m"
        done
        note=${note# }
        echo "$row	${note:--}" >>"$results"
        say "$(echo "$row	${note:--}" | awk -F'\t' '{ printf "%-7s %-13s native %-8s emu %-8s qemu %-8s %s\n", $1, $2, $6, $8, $12, $14 }')"
        unset walls peak fail
    done <"$conf/benchmarks.conf"
}

ran=""
while IFS='|' read -r guest cc flags qemu sysroot libdir fdiv runners; do
    case $guest in ''|'#'*) continue ;; esac
    if [ -n "$guests" ] && ! in_list "$guest" "$guests"; then
        continue
    fi
    if [ ! -d "$cache/$guest" ] || [ ! -x "$cache/$guest/hash" ]; then
        say "$guest: skipped: programs not built (cross compiler $cc" \
            "missing or failing, see above)"
        continue
    fi
    [ -n "$libdir" ] && sysroot=$cache/$guest/sysroot
    # shellcheck disable=SC2086
    runner=$(usable_runner "$guest" $runners)
    if [ -z "$guests" ] && [ -z "$runner" ]; then
        say "$guest: skipped (name it in --guests to run native and qemu only)"
        continue
    fi
    say "== $guest: $reps interleaved reps$([ $quick = 1 ] && echo ", quick sizes")"
    run_guest "$guest" "$qemu" "$sysroot" "$fdiv" "$runner"
    ran="$ran $guest"
done <"$conf/guests.conf"

if [ -z "$ran" ]; then
    say "nothing ran"
    exit 1
fi

# --- report --------------------------------------------------------------
cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')
commit=$(git -C "$src" rev-parse --short HEAD 2>/dev/null || echo unknown)
qver=$(qemu-arm-static --version 2>/dev/null | head -1 |
       sed 's/^qemu-arm version //')
machine="$(uname -m), $(nproc) CPUs, ${cpu:-unknown CPU}"
echo
if [ $markdown = 1 ]; then
    echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $machine;" \
         "emu $commit; qemu-user-static ${qver:-absent};" \
         "median of $reps interleaved runs$([ $quick = 1 ] && echo ", --quick sizes")." \
         "Times are $([ $clock = cpu ] && echo "user+system CPU" || echo wall) seconds, peak resident memory in MiB."
    echo
fi
awk -F'\t' -v md=$markdown -v interp=$interp '
function ratio(a, b) { return (a == "-" || b == "-" || b + 0 == 0) ? "-" : sprintf("%.2f", a / b) }
function mib(k) { return k == "-" ? "-" : sprintf("%.1f", k / 1024) }
function gm_add(key, r) { if (r != "-") { gsum[key] += log(r); gn[key]++ } }
function gm(key) { return gn[key] ? sprintf("%.2f", exp(gsum[key] / gn[key])) : "-" }
function row(cells, n,   i, s) {
    if (md) {
        s = "|"
        for (i = 1; i <= n; i++) s = s " " cells[i] " |"
        print s
    } else {
        s = sprintf("%-13s", cells[1])
        for (i = 2; i < n; i++) s = s sprintf(" %9s", cells[i])
        print s "  " cells[n]
    }
}
function header(g,   c, n) {
    if (md) print "### " g "\n"; else print "== " g
    n = 0
    c[++n] = "benchmark"; c[++n] = "size"; c[++n] = "native s"; c[++n] = "emu s"
    if (interp) c[++n] = "interp s"
    c[++n] = "qemu s"; c[++n] = "emu/nat"; c[++n] = "qemu/nat"; c[++n] = "emu/qemu"
    if (interp) c[++n] = "intp/qemu"
    c[++n] = "MiB emu"; c[++n] = "MiB qemu"; c[++n] = "note"
    row(c, n)
    if (md) { s = "|"; for (i = 1; i <= n; i++) s = s (i <= 2 || i == n ? "---|" : "---:|"); print s }
    cols = n
}
function footer(g,   c, n) {
    n = 0
    c[++n] = "geomean"; c[++n] = ""; c[++n] = ""; c[++n] = ""
    if (interp) c[++n] = ""
    c[++n] = ""; c[++n] = gm(g "en"); c[++n] = gm(g "qn"); c[++n] = gm(g "eq")
    if (interp) c[++n] = gm(g "iq")
    c[++n] = "mem emu/qemu"; c[++n] = gm(g "mem"); c[++n] = ""
    row(c, n)
    print ""
}
{
    g = $1
    if (g != cur) { if (cur != "") footer(cur); header(g); cur = g }
    nat = $6; emu = $8; itp = $10; q = $12
    en = ratio(emu, nat); qn = ratio(q, nat); eq = ratio(emu, q); iq = ratio(itp, q)
    gm_add(g "en", en); gm_add(g "qn", qn); gm_add(g "eq", eq); gm_add(g "iq", iq)
    gm_add(g "mem", ratio($9, $13))
    n = 0
    c[++n] = $2; c[++n] = ($5 > 1 ? $4 " x" $5 : $4); c[++n] = nat; c[++n] = emu
    if (interp) c[++n] = itp
    c[++n] = q; c[++n] = en; c[++n] = qn; c[++n] = eq
    if (interp) c[++n] = iq
    c[++n] = mib($9); c[++n] = mib($13); c[++n] = ($14 == "-" ? "" : $14)
    row(c, n)
}
END { if (cur != "") footer(cur) }
' "$results"
if [ $markdown = 0 ]; then
    echo "$machine; emu $commit; qemu ${qver:-absent}; median of $reps reps;" \
         "$clock time"
fi

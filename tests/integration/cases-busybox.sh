# tests/integration/cases-busybox.sh — busybox (static) cases for run.sh:
# `bb APPLET` is the guest busybox under the runner or a native busybox of
# the same Debian version. Shell scripts run inside `busybox sh`, whose
# applets run in-process or in a forked child (no exec of a new program:
# that needs binfmt_misc for a foreign binary).

c_bb_sh_loop() { bb sh -c 'for i in 1 2 3; do echo $i; done | wc -l'; }
c_bb_sh_vars() { bb sh -c 'a=hello; b="$a world"; echo "$b" ${#b} ${b%world} ${b#he}; set -- x y z; echo $# $2 "$@"'; }
c_bb_sh_arith() { bb sh -c 'i=0; s=0; while [ $i -lt 1000 ]; do s=$((s + i * i % 7)); i=$((i + 1)); done; echo $s $((1 << 20)) $((-7 / 2)) $((-7 % 3)) $((0x1f ^ 5))'; }
c_bb_sh_functions() { bb sh -c 'fact() { if [ $1 -le 1 ]; then echo 1; else echo $(( $1 * $(fact $(($1 - 1))) )); fi; }; fact 10; greet() { local n=$1; echo "hi $n"; return 3; }; greet bob; echo rc=$?'; }
c_bb_sh_while_read() { bb sh -c 'n=0; while read a b; do n=$((n + 1)); [ -n "$b" ] && echo "$n:$b"; done <"$1"; echo total $n' sh "$D/small"; }
c_bb_sh_cmd_subst() { bb sh -c 'x=$(echo abc | tr a-c A-C); y=`expr 2 + 3`; echo "$x$y"; echo "$(seq 3 | wc -l) lines"'; }
c_bb_sh_case_if() { bb sh -c 'for w in apple 42 Zed ""; do case $w in [0-9]*) echo num;; [A-Z]*) echo upper;; "") echo empty;; *) echo other;; esac; done; if [ 3 -gt 2 ] && ! false; then echo yes; fi'; }
c_bb_sh_redirs() { cd "$W" && bb sh -c 'echo one >r.txt; echo two >>r.txt; cat <r.txt; echo err 1>&2; { echo a; echo b; } | sort -r; exec 3>r3; echo three >&3; exec 3>&-; cat r3' 2>/dev/null; }
c_bb_sh_exit_status() { bb sh -c 'false; echo $?; (exit 7); echo $?; true | false; echo $?'; bb sh -c 'exit 42'; echo "status=$?"; }
c_bb_sh_subshell_trap() { bb sh -c 'trap "echo bye" EXIT; (cd /; pwd); v=1; (v=2); echo v=$v'; }
c_bb_ls() { cd "$D/tree" && bb ls -1 . a a/b; }
c_bb_find() { cd "$D/tree" && bb find . -type f | bb sort; bb find . -name 't*' | bb sort; }
c_bb_xargs() { cd "$D/tree" && bb find . -type f | bb sort | bb xargs echo; printf '1 2 3 4 5\n' | bb xargs -n 2 echo; }
c_bb_sort_uniq() { bb sort "$D/words" | bb uniq -c | bb sort -nr -k1,1 | first 20; bb sort -n "$D/nums" | bb tail -n 3; }
c_bb_od() { bb od -x "$D/small"; bb od -c -N 32 "$D/small"; }
c_bb_text_applets() { bb wc -l "$D/text"; bb cut -d, -f2 "$D/table.csv" | bb sort -u; bb tr a-z A-Z <"$D/small"; bb head -n 3 "$D/words"; }
c_bb_sed_awk_grep() { bb sed -n 's/a/A/gp' "$D/small"; bb awk -F, '{ s += $3 } END { print s, NR }' "$D/table.csv"; bb grep -c -E 'pi|rho' "$D/text"; }
c_bb_sums() { cd "$D" && bb md5sum small bin; bb sha256sum small bin; bb sha1sum small; }
c_bb_gzip() { bb gzip -c "$D/text" | bb gunzip -c | bb md5sum; }
c_bb_expr_seq() { bb expr 6 \* 7; bb seq 3 3 15; bb printf '%05d %s\n' 42 x; }

group=busybox
for c in bb_sh_loop bb_sh_vars bb_sh_arith bb_sh_functions bb_sh_while_read \
         bb_sh_cmd_subst bb_sh_case_if bb_sh_redirs bb_sh_exit_status \
         bb_sh_subshell_trap bb_ls bb_find bb_xargs bb_sort_uniq bb_od \
         bb_text_applets bb_sed_awk_grep bb_sums bb_gzip bb_expr_seq; do
    check "$c"
done

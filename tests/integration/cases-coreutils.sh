# tests/integration/cases-coreutils.sh — coreutils cases for run.sh: each
# c_NAME runs with `t PROG` meaning the guest program (under the runner) or
# the native one; $D holds the generated inputs.

c_sort_numeric() { t sort -n "$D/nums"; }
c_sort_reverse() { t sort -r "$D/words"; }
c_sort_unique() { t sort -u "$D/words"; }
c_sort_numeric_reverse_unique() { t sort -nru "$D/nums"; }
c_sort_keys() { t sort -t, -k2,2 -k3,3nr "$D/table.csv"; }
c_sort_stdin() { t sort -n <"$D/nums" | t tail -n 5; }
c_sha256sum() { cd "$D" && t sha256sum bin nums text; }
c_md5sum() { cd "$D" && t md5sum bin words; }
c_sha1_stdin() { t sha1sum <"$D/bin"; }
c_wc() { cd "$D" && t wc nums words text bin; }
c_head_tail() { t head -n 7 "$D/text"; t tail -n 7 "$D/text"; t head -c 100 "$D/nums"; t tail -n +9990 "$D/words"; }
c_cut() { t cut -d, -f1,3 "$D/table.csv" | first 50; t cut -c2-5 "$D/words" | t tail -n 20; }
c_tr() { t tr a-z A-Z <"$D/text" | first 40; t tr -d '0-9\n' <"$D/nums" | tail -c 200; t tr -s ' ' <"$D/text" | t tail -n 5; }
c_seq() { t seq 1 7 100; t seq -w 95 105; t seq -s, 5; t seq 10 -3 -10; }
c_expr() { t expr 6 \* 7; t expr 100 / 7 % 5; t expr length hello; t expr substr abcdef 2 3; t expr 3 \< 4; t expr 7 - 10; }
c_uniq() { t sort "$D/words" | t uniq -c | t sort -k1,1nr -k2; }
c_cat_n() { t cat -n "$D/small"; t cat -A "$D/small"; }
c_od() { t od -A x -t x1z -N 64 "$D/bin"; t od -c "$D/small"; }
c_ls() { cd "$D/tree" && t ls -1 a a/b c; t ls -R1 .; }
c_printf() { t printf '%d|%5s|%-5s|%x|%o|%.3f|%e\n' 42 ab cd 255 8 3.14159 12345.678; }
c_factor() { t factor 1 2 97 360 1234567 4294967297; }
c_paste_join() { t paste -d: "$D/small" "$D/small"; t cut -d, -f1,2 "$D/table.csv" | first 20 | t tr , ' ' >"$W/j1" && t join "$W/j1" "$W/j1"; }
c_base64() { t base64 "$D/small"; t head -c 3000 "$D/bin" | t base64 | t base64 -d | t md5sum; }
c_tac_nl() { t tac "$D/small"; t nl -ba "$D/small"; }
c_dd() { t dd if="$D/bin" bs=1000 skip=3 count=5 status=none | t sha256sum; }
c_env_true_false() { t true; echo "true=$?"; t false; echo "false=$?"; t env -i A=1 B=2 | t sort; }
c_date_fixed() { t date -u -d @1700000000 '+%Y-%m-%d %H:%M:%S %j %a'; }
c_stat() { cd "$D" && t stat -c '%n %s %F' small tree; }
c_cp_mv_rm() {
    cd "$W" && rm -rf cpt && mkdir cpt && t cp "$D/small" cpt/x && t mv cpt/x cpt/y &&
        t ln -s y cpt/z && t cat cpt/z && t readlink cpt/z && t rm cpt/y && t ls cpt
}
c_utf8_locale() {
    # The guest's libc loads the host's C.UTF-8 locale files (same glibc).
    printf 'h\303\251llo w\303\266rld\n\303\204BC\n' >"$W/u8"
    LC_ALL=C.UTF-8 t wc -m "$W/u8"
    LC_ALL=C.UTF-8 t sort -r "$W/u8"
    LC_ALL=C.UTF-8 t grep -ic $'\303\244bc' "$W/u8"
    LC_ALL=C.UTF-8 t cut -c1-3 "$W/u8"
}

group=coreutils
for c in sort_numeric sort_reverse sort_unique sort_numeric_reverse_unique \
         sort_keys sort_stdin sha256sum md5sum sha1_stdin wc head_tail cut tr \
         seq expr uniq cat_n od ls printf factor paste_join base64 tac_nl dd \
         env_true_false date_fixed stat cp_mv_rm utf8_locale; do
    check "$c"
done

# tests/integration/cases-sed.sh — sed cases for run.sh (`t PROG` is the
# guest or the native program, $D the inputs).

c_sed_subst_global() { t sed 's/a/A/g' "$D/text" | first 200; }
c_sed_backrefs() { t sed -E 's/([a-z]+) ([a-z]+)/\2 \1/g' "$D/text" | t tail -n 100; }
c_sed_bre_backrefs() { t sed 's/\([0-9]\)\([0-9]\)/<\2\1>/g' "$D/nums" | first 100; }
c_sed_line_range() { t sed -n '10,25p' "$D/text"; t sed '3,$d' "$D/small"; }
c_sed_regex_range() { t sed -n '/^hello/,/again/p' "$D/small"; }
c_sed_print_match() { t sed -n '/omega$/p' "$D/text" | first 60; }
c_sed_delete() { t sed '/^$/d;/a/d' "$D/text" | first 80; }
c_sed_multi_cmds() { t sed -e 's/foo/FOO/' -e '2i\
inserted' -e '$a\
appended' -e 'y/abc/xyz/' "$D/small"; }
c_sed_hold_space() { t sed -n '1!G;h;$p' "$D/small"; }
c_sed_case_conv() { t sed -E 's/\b(.)/\u\1/g' "$D/small"; t sed 's/.*/\U&/' "$D/small"; }
c_sed_nth_and_lines() { t sed 's/a/@/2' "$D/text" | t sed -n '$=' ; t sed -n '0~500p' "$D/nums"; }
c_sed_inplace() { cp "$D/small" "$W/inpl" && t sed -i 's/o/0/g' "$W/inpl" && cat "$W/inpl"; }

group=sed
for c in sed_subst_global sed_backrefs sed_bre_backrefs sed_line_range \
         sed_regex_range sed_print_match sed_delete sed_multi_cmds \
         sed_hold_space sed_case_conv sed_nth_and_lines sed_inplace; do
    check "$c"
done

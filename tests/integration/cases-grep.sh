# tests/integration/cases-grep.sh — grep cases for run.sh (see run.sh:
# `t PROG` is the guest or the native program, $D the inputs).

c_grep_fixed() { t grep kappa "$D/text"; }
c_grep_count() { t grep -c lambda "$D/text"; }
c_grep_ignore_case() { t grep -i 'qemu' "$D/text" | first 100; }
c_grep_invert() { t grep -v -c a "$D/text"; }
c_grep_ere() { t grep -E '^(alpha|beta) .*(omega|psi)$' "$D/text"; }
c_grep_bre_backref() { t grep '\(\<[a-z]*\>\) \1' "$D/text"; }
c_grep_emails() { t grep -oE '[a-z0-9]+@[a-z]+\.org' "$D/text" | t tail -n 30; }
c_grep_line_numbers() { t grep -n -w 'mu' "$D/text" | first 50; }
c_grep_classes() { t grep -cE '^[[:space:]]+[[:alpha:]]' "$D/text"; t grep -E -c '[0-9]{4}' "$D/text"; }
c_grep_multi() { t grep -e pi -e rho -c "$D/text"; t grep -l -r example "$D"; }
c_grep_status() { t grep -q nonexistentword "$D/text"; echo "status=$?"; t grep -q omega "$D/text"; echo "status=$?"; }
c_grep_context() { t grep -m 3 -A1 -B1 -n 'Emu' "$D/text"; }
c_grep_fixed_strings() { t grep -F -c 'foo bar' "$D/text"; }
c_grep_perl() { t grep -P -c '\bthe\w+\b' "$D/text"; t grep -oP '\d{2,}(?=@)' "$D/text" | first 10; }

group=grep
for c in grep_fixed grep_count grep_ignore_case grep_invert grep_ere \
         grep_bre_backref grep_emails grep_line_numbers grep_classes grep_multi \
         grep_status grep_context grep_fixed_strings grep_perl; do
    check "$c"
done

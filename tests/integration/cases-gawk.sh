# tests/integration/cases-gawk.sh — gawk cases for run.sh (`t PROG` is the
# guest or the native gawk, $D the inputs).

c_awk_fields() { t gawk -F, '{ print $3, $1 }' "$D/table.csv" | first 100; }
c_awk_nr_nf() { t gawk '{ n += NF } END { print NR, n }' "$D/text"; t gawk 'NR % 1000 == 1 { print NR": "NF }' "$D/text"; }
c_awk_assoc() {
    t gawk -F, '{ sum[$2] += $3; cnt[$2]++ }
        END { PROCINFO["sorted_in"] = "@ind_str_asc"
              for (d in sum) printf "%-6s %8d %10.2f\n", d, cnt[d], sum[d] / cnt[d] }' "$D/table.csv"
}
c_awk_printf() {
    t gawk 'BEGIN { printf "%d|%s|%5.2f|%-6s|%x|%o|%c|%e|%10.4g\n", 42.9, "str", 3.14159, "ab", 255, 8, 65, 12345.6789, 0.000123456
                    printf "%05d|%+d|% d|%.3s|%%\n", 42, 7, 7, "abcdef" }'
}
c_awk_begin_end() { t gawk 'BEGIN { print "start" } /omega/ { c++ } END { print "omega lines", c; print "end" }' "$D/text"; }
c_awk_split() { t gawk -F, 'NR <= 200 { n = split($5, p, "."); print n, p[1], p[2]; m = split("a:b::c", q, ":"); print m, q[4] }' "$D/table.csv"; }
c_awk_gsub() { t gawk '{ n = gsub(/[aeiou]/, "_"); t += n; print } END { print t }' "$D/text" | t tail -n 50; t gawk '{ sub(/^[ \t]+/, ""); sub(/[ \t]+$/, "") ; print length($0) }' "$D/text" | first 60; }
c_awk_math() {
    t gawk 'BEGIN { printf "%.6f %.6f %.6f %.6f\n", sin(1), cos(1), atan2(1, 2), exp(1.5)
                    printf "%.6f %.6f %d %d\n", log(10), sqrt(2), int(-3.7), 2 ^ 31
                    print 7 % 3, -7 % 3, 1e6, 1e-6, 100000 * 100000, 0.1 + 0.2 }'
}
c_awk_numeric_sum() { t gawk '{ s += $1; if ($1 > m || NR == 1) m = $1 } END { print s, m, s / NR }' "$D/nums"; }
c_awk_strings() {
    t gawk '{ w[tolower($1)]++ } END { PROCINFO["sorted_in"] = "@val_num_desc"; for (k in w) print k, w[k], toupper(k), substr(k, 2, 3), index(k, "a"), length(k) }' "$D/words"
}
c_awk_functions() {
    t gawk 'function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2) }
            function rev(s,   r, i) { for (i = length(s); i > 0; i--) r = r substr(s, i, 1); return r }
            BEGIN { for (i = 0; i <= 20; i++) printf "%d ", fib(i); print ""; print rev("emulator") }'
}
c_awk_match_regex() { t gawk 'match($0, /[a-z]+[0-9]+@/) { print RSTART, RLENGTH, substr($0, RSTART, RLENGTH) }' "$D/text" | first 40; }
c_awk_getline_sprintf() { t gawk 'BEGIN { while ((getline l < ARGV[1]) > 0) n++; s = sprintf("%s has %d lines", "small", n); print s }' "$D/small"; }
c_awk_bignum() { t gawk -M 'BEGIN { print 2 ^ 100; print 3 ^ 50 * 7 }'; }
c_awk_sort_fn() { t gawk 'BEGIN { n = split("pear apple fig banana cherry", a); asort(a); for (i = 1; i <= n; i++) print a[i] }'; }

group=gawk
for c in awk_fields awk_nr_nf awk_assoc awk_printf awk_begin_end awk_split \
         awk_gsub awk_math awk_numeric_sum awk_strings awk_functions \
         awk_match_regex awk_getline_sprintf awk_bignum awk_sort_fn; do
    check "$c"
done

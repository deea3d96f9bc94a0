# tests/integration/cases-perl.sh — perl (Debian's perl-base: the
# interpreter and its essential modules) cases for run.sh: `t perl` is the
# guest perl or the host's /usr/bin/perl of the same Debian release.

c_pl_hello() { t perl -e 'print "hello ", scalar(@ARGV), " $]\n"' a b; }
c_pl_ints() {
    t perl -e 'my $n = 1; $n = ($n * $_) % 1000000007 for 1..5000; print "$n\n";
               printf "%d %d %d %s %x %o %b\n", 7 % 3, -7 % 3, int(-7 / 2), 2**40, 255, 8, 10;
               use integer; print 2**31 + 5, " ", -17 / 5, " ", 1 << 33, "\n"'
}
c_pl_strings() {
    t perl -e '$s = "The quick brown fox"; print uc($s), " ", length $s, " ", index($s, "brown"), " ", scalar reverse($s), "\n";
               ($t = $s) =~ tr/a-z/A-Z/; print "$t\n", join(",", map { ucfirst } split / /, $s), "\n";
               printf "%5s|%-5s|%05.1f|%s\n", "ab", "cd", 3.14159, "x" x 5; print lc("ABC") . sprintf("%03d", 7), "\n"'
}
c_pl_hashes_sort() {
    t perl -e 'open my $f, "<", $ARGV[0] or die; my %c; while (<$f>) { chomp; $c{$_}++ }
               for (sort { $c{$b} <=> $c{$a} || $a cmp $b } keys %c) { print "$_ $c{$_}\n" }' "$D/words"
}
c_pl_regex() {
    t perl -ne 'print "$1\n" if /(\w+\d+)\@example/; $n++ while /\bpi\b/g; END { print "pi: $n\n" }' "$D/text"
}
c_pl_subst_split() {
    t perl -pe 's/(\w+) (\w+)/$2 $1/; s/a/A/g; $_ = join("|", split(/\s+/)) . "\n"' "$D/small"
}
c_pl_refs_closures() {
    t perl -e 'my @subs = map { my $k = $_; sub { $k * shift } } 1..5; print join(" ", map { $_->(10) } @subs), "\n";
               my %h = (a => [1, 2, 3], b => { x => 9 }); print scalar @{$h{a}}, " $h{b}{x} ", ref $h{a}, "\n";
               sub fact { my $n = shift; $n <= 1 ? 1 : $n * fact($n - 1) } print fact(20), "\n"'
}
c_pl_pack_sprintf() {
    t perl -e 'my $b = pack("NnCa4", 0x01020304, 65535, 7, "abcd"); print unpack("H*", $b), " ", join(",", unpack("NnCa4", $b)), "\n";
               printf "%.3f %e %g %s\n", 1 / 3, 12345.678, 0.0001234, 0.1 + 0.2; print sqrt(2), " ", atan2(1, 1) * 4, " ", exp(1), "\n"'
}
c_pl_file_io() {
    t perl -e 'open my $o, ">", "$ARGV[0]/pl.txt" or die; print $o "$_\n" for 1..2000; close $o;
               open my $i, "<", "$ARGV[0]/pl.txt" or die; my ($n, $s) = (0, 0); while (<$i>) { $n++; $s += $_ } print "$n $s ", -s "$ARGV[0]/pl.txt", "\n"; unlink "$ARGV[0]/pl.txt"' "$W"
}

group=perl
for c in pl_hello pl_ints pl_strings pl_hashes_sort pl_regex pl_subst_split \
         pl_refs_closures pl_pack_sprintf pl_file_io; do
    check "$c"
done

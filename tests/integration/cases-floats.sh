# tests/integration/cases-floats.sh — floating-point heavy cases for run.sh
# (written for armhf, where they run on VFP): python3.11 with float
# formatting, json, hashlib and a zlib round trip; perl sprintf %f/%e/%g;
# coreutils pipelines that parse and print floating point. `t PROG` is the
# guest program or the host's /usr/bin one of the same Debian release.
# Needs python3.11-minimal + libpython3.11-stdlib (json) and perl-base in
# the guest sysroot.

c_fl_py_script() {
    cat >"$W/fl.py" <<'PY'
import hashlib, json, math, struct, sys, zlib
vals = [0.1, 1 / 3, 2 ** 0.5, math.pi, 1e-310, 5e-324, 1.7976931348623157e308,
        -0.0, 123456789.125, 2.5, 3.5, -2.5, 1e22, 1e23, 0.3 - 0.1]
for v in vals:
    print(repr(v), "%.17g" % v, "%e" % v, "%.3f" % v, "{:g}".format(v),
          round(v, 3), v.hex(), float(repr(v)) == v)
print([round(x, 0) for x in (0.5, 1.5, 2.5, -0.5)], math.fsum([0.1] * 10),
      sum([0.1] * 10), math.floor(-2.5), math.ceil(2.1), math.trunc(-2.7))
print(math.sqrt(2), math.exp(1), math.log(2), math.sin(1e6), math.atan2(-1, -1),
      math.hypot(3e200, 4e200), math.fmod(7.5, -2), math.copysign(1, -0.0))
print(float("inf"), -float("inf"), float("nan"), 1e308 * 10, int(2.9e18),
      int(-1e19), (2 ** 53 + 1) * 1.0, 10 ** 16 / 3)
doc = {"pi": math.pi, "list": vals[:6], "nested": {"e": math.e, "n": None,
       "t": True, "big": 12345678901234567890}, "s": "caf\u00e9 \u2603"}
text = json.dumps(doc, sort_keys=True)
print(text)
back = json.loads(text)
print(back == doc, json.dumps(back["list"], indent=1).count("\n"),
      json.loads("[1e400, -1e-400, 0.1]"))
h = hashlib.sha256()
for v in vals:
    h.update(struct.pack("<d", v))
    h.update(repr(v).encode())
print(h.hexdigest(), hashlib.md5(text.encode()).hexdigest(),
      hashlib.sha1(b"abc").hexdigest())
data = (text * 200).encode() + bytes(range(256)) * 50
for level in (1, 6, 9):
    c = zlib.compress(data, level)
    d = zlib.decompressobj()
    out = d.decompress(c[:100]) + d.decompress(c[100:]) + d.flush()
    print(level, len(c) < len(data), out == data, zlib.crc32(c) == zlib.crc32(zlib.compress(data, level)))
acc = 0.0
for i in range(1, 20001):
    acc += math.sin(i) / i + math.sqrt(i) * 1e-9 - math.log1p(1 / i) * 1e-3
print("%.15f" % acc, "%a" % acc if hasattr(acc, "hex") else "", acc.hex())
print(sorted([3.5, -1e-9, 2.25, float("inf"), -0.0, 0.0, 1e-300]))
print("%08.3f|%-10.2e|%+g|%G|%.0f|%.30f" % (math.pi, -12345.678, 1e-5, 1e20, 0.5, 0.1))
PY
    t python3.11 "$W/fl.py"
}
c_fl_perl_sprintf() {
    t perl -e 'for my $v (0.1, 1/3, sqrt(2), 4*atan2(1,1), 1e-310, 2.5, 3.5, -2.5, 1e22, 123456789.125, 0.3-0.1) {
                   printf "%f %.10f %e %.3E %g %.17g %s %d\n", $v, $v, $v, $v, $v, $v, $v, $v }
               printf "%f %f %s %s\n", 9**9**9, -9**9**9, 0.1+0.2, 1e21+1;
               printf "%.2f %.0f %.0f %.0f %5.1f|%-8.3f|%+.2e\n", 2.675, 0.5, 1.5, 2.5, 3.14159, 2.5, -1234.5;
               my $s = 0; $s += sin($_) / $_ for 1..20000; printf "%.12f %s\n", $s, exp(1);
               print join(" ", map { sprintf "%.1f", $_ / 8 } -4..4), "\n";
               print join(" ", sort { $a <=> $b } (3.5, -1e-9, 2.25, 1e-300, -0.0, 100)), "\n"'
}
c_fl_coreutils() {
    t seq 0 0.1 1 | t sort -gr | t tr '\n' ' '; echo
    t seq -f '%.3e' 1 0.5 4; t seq -w 0.5 0.25 2
    t printf '%f %.3f %e %g %G\n' 3.14159265 2.0005 12345.6789 0.0001 1e20
    t printf '%.1f %.0f %10.4f|%-10.2f|\n' 0.25 2.5 -1.5 7
    printf '1e3\n-2.5\n0x1p3\n1e-5\ninf\n-inf\n3.14\n2.71828\n' | t sort -g | t tr '\n' ' '; echo
    t cut -d, -f5 "$D/table.csv" | t sort -g | t tail -n 3
    t numfmt --to=iec 1048576 123456789 5000000000; t numfmt --from=si 2.5K 1.5M
    t od -A n -t f8 -N 32 "$D/bin" | t tr -s ' '
    t od -A n -t f4 -N 32 "$D/bin" | t tr -s ' '
}

group=floats
for c in fl_py_script fl_perl_sprintf fl_coreutils; do
    check "$c"
done

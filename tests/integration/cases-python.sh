# tests/integration/cases-python.sh — python3.11 (Debian's -minimal
# package: the core interpreter and the minimal standard library) cases
# for run.sh: `t python3.11` is the guest interpreter or the host's
# /usr/bin/python3.11 of the same Debian release.

c_py_hello() { t python3.11 -c 'import sys; print("hello", len(sys.argv), sys.byteorder, sys.version_info[:2])'; }
c_py_ints() {
    t python3.11 -c '
n = 1
for i in range(1, 60): n *= i
print(n, n % 1000003, n.bit_length(), hex(n)[-12:])
print(pow(3, 1000, 10**9 + 7), 7 // -2, -7 % 3, divmod(-17, 5), 2**64 - 1, (-1) >> 5)
print(sum(i * i for i in range(100000)), int("123456789" * 4) // 97)'
}
c_py_strings() {
    t python3.11 -c '
s = "The quick brown fox jumps over the lazy dog"
print(s.upper(), s.split()[::2], s.count("o"), s.find("lazy"), s[::-1])
print("-".join(sorted(set(s.lower().replace(" ", "")))), s.title().swapcase())
print("%5d|%-6s|%x|%o|%r" % (42, "ab", 255, 8, "q"), f"{12345:>10,}", "abc".center(9, "*"))
print("caf\u00e9".encode("utf-8"), b"\xc3\xa9t\xc3\xa9".decode("utf-8"), ascii("\u00fc"))'
}
c_py_collections() {
    t python3.11 -c '
d = {}
for w in open("'"$D"'/words").read().split():
    d[w] = d.get(w, 0) + 1
top = sorted(d.items(), key=lambda kv: (-kv[1], kv[0]))[:8]
print(top, len(d))
l = [x * x % 97 for x in range(500)]
l.sort(reverse=True)
print(l[:10], l.index(0), sorted(set(l))[-3:], list(zip(range(3), "abc")))
t = tuple(enumerate("xyz")); print(t, dict(t), {k: v for k, v in t if k})'
}
c_py_classes_gen() {
    t python3.11 -c '
class Node:
    def __init__(self, v, nxt=None): self.v, self.nxt = v, nxt
    def __iter__(self):
        n = self
        while n: yield n.v; n = n.nxt
    def __repr__(self): return "Node(%r)" % list(self)
head = None
for i in range(10): head = Node(i, head)
print(head, sum(head), max(head))
def fib():
    a, b = 0, 1
    while True: yield a; a, b = b, a + b
import itertools
print(list(itertools.islice(fib(), 30)))
try:
    {}["missing"]
except KeyError as e:
    print("KeyError", e)
try:
    1 // 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)'
}
c_py_re() {
    t python3.11 -c '
import re
text = open("'"$D"'/text").read()
m = re.findall(r"user(\d+)@example\.org", text)
print(len(m), m[:10])
print(re.sub(r"(\w+) (\w+)", r"\2 \1", "alpha beta gamma delta"))
print(re.split(r"[,;]\s*", "a, b;c ,d"), bool(re.match(r"^\d{3}-\d{4}$", "555-1234")))'
}
c_py_file_io() {
    t python3.11 -c '
import os
p = "'"$W"'/py.txt"
with open(p, "w") as f:
    for i in range(1000): f.write("line %d\n" % i)
with open(p) as f: lines = f.readlines()
print(len(lines), lines[-1].strip(), os.path.getsize(p))
with open("'"$D"'/bin", "rb") as f: data = f.read()
print(len(data), sum(data) % 65536, data[:8].hex())
os.remove(p); print(os.path.exists(p))'
}
c_py_floats() {
    t python3.11 -c '
import math
print(0.1 + 0.2, 1 / 3, 2 ** 0.5, math.pi, math.e, 1e300 * 1e10, -0.0)
print(math.sqrt(2), math.sin(1), math.cos(1), math.exp(1.5), math.log(10), math.atan2(1, 2))
print("%.10f %.3e %g" % (math.pi, 12345.678, 0.0001234), round(2.675, 2), float("nan") != float("nan"))
# (no long sums: the guest'"'"'s x87 double rounding differs from SSE)
print(int(1e15 / 7), 7.0 // 2, -7.5 % 2, float("1e-320"), 2.0 ** -1074)'
}
c_py_struct_hash() {
    t python3.11 -c '
import struct, zlib, binascii
b = struct.pack("<iHqd", -5, 65535, 2**40, 1.5)
print(b.hex(), struct.unpack("<iHqd", b), struct.calcsize("iHqd"))
print(zlib.crc32(open("'"$D"'/bin", "rb").read()), zlib.adler32(b"hello"))
c = zlib.compress(open("'"$D"'/text", "rb").read(), 9)
print(len(zlib.decompress(c)), binascii.hexlify(b"\x00\xff"))'
}

group=python
for c in py_hello py_ints py_strings py_collections py_classes_gen py_re \
         py_file_io py_floats py_struct_hash; do
    check "$c"
done

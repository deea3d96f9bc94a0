# tests/integration/cases-compress.sh — gzip and bzip2 cases for run.sh:
# round trips through the guest programs and byte comparisons of the
# compressed streams with the native programs (deterministic with -n).

c_gzip_roundtrip() { t gzip -c "$D/text" | t gzip -dc | sha256sum; }
c_gzip_bytes_9n() { t gzip -9 -n -c "$D/bin" | sha256sum; t gzip -9 -n -c <"$D/text" | sha256sum; }
c_gzip_bytes_1n() { t gzip -1 -n -c "$D/nums" | sha256sum; }
c_gzip_decompress_native() { gzip -9 -n -c "$D/bin" | t gzip -dc | sha256sum; }
c_gzip_list_test() { gzip -9 -n -c "$D/text" >"$W/t.gz" && t gzip -t "$W/t.gz" && echo ok && t gzip -l "$W/t.gz"; }
c_gzip_corrupt() { printf 'not gzip data\n' | t gzip -dc; echo "status=$?"; }
c_bzip2_roundtrip() { t bzip2 -c "$D/bin" | t bzip2 -dc | sha256sum; }
c_bzip2_bytes() { t bzip2 -9 -c "$D/text" | sha256sum; t bzip2 -1 -c <"$D/bin" | sha256sum; }
c_bzip2_decompress_native() { bzip2 -c "$D/nums" | t bzip2 -dc | sha256sum; }
c_bzip2_test() { bzip2 -c "$D/words" >"$W/w.bz2" && t bzip2 -tv "$W/w.bz2" 2>&1 | sed 's|.*/||'; }
c_gzip_bzip2_chain() { t gzip -9nc "$D/text" | t bzip2 -c | t bzip2 -dc | t gzip -dc | t md5sum; }

group=compress
for c in gzip_roundtrip gzip_bytes_9n gzip_bytes_1n gzip_decompress_native \
         gzip_list_test gzip_corrupt bzip2_roundtrip bzip2_bytes \
         bzip2_decompress_native bzip2_test gzip_bzip2_chain; do
    check "$c"
done

#!/usr/bin/env bash
# scripts/run-tests.sh — runs the whole suite of a configured build dir
# with meson test, shows each test's own output (cmocka summaries), and
# closes with one "N passed, N failed" line.
set -uo pipefail

build=${1:-build}
meson test -C "$build" --print-errorlogs --verbose --num-processes 2 \
  >"$build/test-output.txt" 2>&1
status=$?
# Show what the tests printed (without meson's per-line prefixes noise).
cat "$build/test-output.txt"

python3 - "$build/meson-logs/testlog.json" <<'PY'
import json, sys
passed = failed = skipped = 0
with open(sys.argv[1]) as f:
    for line in f:
        r = json.loads(line)["result"]
        if r in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif r == "SKIP":
            skipped += 1
        else:
            failed += 1
print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status

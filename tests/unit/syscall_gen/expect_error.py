#!/usr/bin/env python3
# tests/unit/syscall_gen/expect_error.py — runs gen_syscalls.py --check on
# a fixture that must be refused: passes only when the generator exits
# with 1 and names the fixture (and the line, when given) on stderr —
# a crash or a silent acceptance fails.
# usage: expect_error.py GEN TABLE LINE   (LINE 0: no line number)
import subprocess
import sys

gen, table, line = sys.argv[1], sys.argv[2], int(sys.argv[3])
r = subprocess.run([sys.executable, gen, '--check', table],
                   capture_output=True, text=True)
want = f"{table}:{line}:" if line else table
if r.returncode != 1 or 'Traceback' in r.stderr or want not in r.stderr:
    print(f"expected exit 1 with '{want}' on stderr; got {r.returncode}:"
          f" {r.stderr.strip()}")
    sys.exit(1)
print(r.stderr.strip())

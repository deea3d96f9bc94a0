#!/usr/bin/env python3
# tests/unit/decodetree/check_fail.py — runs scripts/decodetree.py on a
# fixture that must be refused: passes when it exits with status 1, writes
# no output and names the fixture file:line in its message.
import os
import re
import subprocess
import sys
import tempfile

script, fixture = sys.argv[1], sys.argv[2]
with tempfile.TemporaryDirectory() as d:
    out = os.path.join(d, 'out.c')
    r = subprocess.run([sys.executable, script, '-o', out, fixture],
                       capture_output=True, text=True)
    print(r.stderr, end='')
    if r.returncode != 1:
        sys.exit('FAIL: exit status %d, wanted 1' % r.returncode)
    if os.path.exists(out):
        sys.exit('FAIL: wrote an output file')
    if not re.match(re.escape(fixture) + r':\d+: error: ', r.stderr):
        sys.exit('FAIL: message does not name %s:line' % fixture)
print('refused as expected')

#!/usr/bin/env python3
"""fuzz/fake_kiln.py: a stand-in for kiln with a known bug, for the fuzzer's self-test
(fuzz/test_fuzz.py).

Accepts kiln's command line (`[flags] run FILE`). "Runs" the program by printing one line per
`out(...)` call in its text. Its bug: with any JIT flag (--jit-threshold, --jit), when the
program contains a line with `BUG_A` and, anywhere after it, a line with `BUG_B`, the last
printed line differs. `--help` prints a help text with or without a `--jit` flag line
(FAKE_KILN_HAS_JIT_FLAG=1), like the two kiln CLIs. With FAKE_KILN_BUG_ISA=X the bug is in one
back end only: it shows when the command line says `--jit-isa X`.
"""
import os
import sys


def main(argv):
    if '--help' in argv:
        print('Options:\n  --no-jit  interpreter only\n  --jit-threshold N  compile after N calls')
        if os.environ.get('FAKE_KILN_HAS_JIT_FLAG') == '1':
            print('  --jit     turn the JIT on')
        return 0
    jit = '--jit' in argv or ('--jit-threshold' in argv and '--no-jit' not in argv)
    bug_isa = os.environ.get('FAKE_KILN_BUG_ISA')
    if bug_isa:
        isa = argv[argv.index('--jit-isa') + 1] if '--jit-isa' in argv else None
        jit = jit and isa == bug_isa
    with open(argv[-1]) as f:
        lines = f.read().splitlines()
    outs = [line.strip() for line in lines if line.strip().startswith('out(')]
    for o in outs:
        print(o)
    a = [i for i, line in enumerate(lines) if 'BUG_A' in line]
    b = [i for i, line in enumerate(lines) if 'BUG_B' in line]
    if jit and a and b and b[-1] > a[0]:
        print('miscompiled')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))

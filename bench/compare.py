#!/usr/bin/env python3
"""Two builds of kiln side by side: the benchmark programs at full size, each run by both
binaries in turn (interleaved, so load changes hit both alike), JIT and interpreter, medians of
the programs' own `time:` lines, and the geometric means the report gives (new/old JIT time,
JIT vs interpreter for each). For "no speed regression against the previous commit":

    python3 bench/compare.py OLD_KILN NEW_KILN [--runs 5] [--only props,trees]

OLD_KILN/NEW_KILN are aarch64 release binaries (each built from its commit, e.g. with a git
worktree and ci/bench.sh's cargo command); they run under qemu-aarch64 unless --native.
Raw times go to --out (JSON). Uses bench/run.py's program list and preparation.
"""
import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run as bench  # noqa: E402

MODES = (('jit', []), ('interp', ['--no-jit']))


def one_run(prefix, binary, flags, tail, timeout):
    """The program's own time in ms, or None when it failed or printed no time."""
    try:
        out = subprocess.run(prefix + [binary, 'run'] + flags + tail, capture_output=True,
                             text=True, timeout=timeout).stdout
    except subprocess.TimeoutExpired:
        return None
    m = bench.TIME_RE.search(out)
    return float(m.group(1)) if m else None


def geomean(xs):
    xs = [x for x in xs if x and x > 0]
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else float('nan')


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('old')
    ap.add_argument('new')
    ap.add_argument('--runs', type=int, default=5)
    ap.add_argument('--only', default='', help='comma-separated program names')
    ap.add_argument('--native', action='store_true', help='run the binaries without qemu')
    ap.add_argument('--timeout', type=float, default=900)
    ap.add_argument('--out', default='', help='write the raw times here (JSON)')
    args = ap.parse_args()
    prefix = [] if args.native else ['qemu-aarch64']
    only = set(filter(None, args.only.split(',')))
    progs = [p for p in bench.load_programs('full') if not only or p['name'] in only]
    raw = {}
    with tempfile.TemporaryDirectory() as gendir:
        for p in progs:
            tail = bench.prepare(p, gendir)
            times = raw.setdefault(p['name'], {})
            for _ in range(args.runs):
                for tag, binary in (('old', args.old), ('new', args.new)):
                    for mode, flags in MODES:
                        t = one_run(prefix, binary, flags, tail, args.timeout)
                        times.setdefault('%s-%s' % (tag, mode), []).append(t)
            print('.', end='', file=sys.stderr, flush=True)
    print(file=sys.stderr)
    if args.out:
        with open(args.out, 'w') as f:
            json.dump(raw, f, indent=1)
    med = {}
    for name, times in raw.items():
        ok = {k: [t for t in v if t is not None] for k, v in times.items()}
        if any(not v for v in ok.values()):
            print('%s: a run failed or printed no time; left out' % name)
            continue
        med[name] = {k: statistics.median(v) for k, v in ok.items()}
    print('| program | old JIT ms | new JIT ms | new/old | old interp/JIT | new interp/JIT |')
    print('| --- | ---: | ---: | ---: | ---: | ---: |')
    for name, d in med.items():
        print('| %s | %.1f | %.1f | %.3f | %.2f | %.2f |' % (
            name, d['old-jit'], d['new-jit'], d['new-jit'] / d['old-jit'],
            d['old-interp'] / d['old-jit'], d['new-interp'] / d['new-jit']))
    print()
    print('geomean new/old JIT time: %.3f' % geomean([d['new-jit'] / d['old-jit'] for d in med.values()]))
    print('geomean new/old interpreter time: %.3f' % geomean(
        [d['new-interp'] / d['old-interp'] for d in med.values()]))
    print('JIT vs interpreter: old %.2fx, new %.2fx' % (
        geomean([d['old-interp'] / d['old-jit'] for d in med.values()]),
        geomean([d['new-interp'] / d['new-jit'] for d in med.values()])))


if __name__ == '__main__':
    main()

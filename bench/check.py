#!/usr/bin/env python3
"""bench/check.py: says whether a benchmark run (raw JSON of bench/run.py) shows a broken harness.

Broken means: no program ran, or a peer engine (node, duktape, mujs) failed a program or the
empty program. Peers are known to run every program, so such a failure is a bug in a program,
the prelude or the harness, not a result. kiln's failures are results (reported per program)
unless --require-kiln is given. Exit status 1 with one line per problem when broken.
"""
import argparse
import json
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('raw')
    ap.add_argument('--require-kiln', action='store_true', help='kiln failures are fatal too')
    args = ap.parse_args()
    with open(args.raw) as f:
        raw = json.load(f)
    fatal = lambda e: args.require_kiln or not e.startswith('kiln')  # noqa: E731
    problems = []
    if not raw['programs']:
        problems.append('no benchmark program was run')
    for e, s in raw['startup'].items():
        if s['failure'] and fatal(e):
            problems.append('%s failed the empty program: %s' % (e, s['failure']))
    for p in raw['programs']:
        for e, r in p['engines'].items():
            if r['failure'] and fatal(e):
                problems.append('%s failed %s: %s' % (e, p['name'], r['failure']))
            elif not r['failure'] and not r['skipped'] and len(r['ms']) != raw['runs']:
                problems.append('%s on %s: %d of %d runs recorded' % (e, p['name'], len(r['ms']), raw['runs']))
    for line in problems:
        print('bench: BROKEN: ' + line, file=sys.stderr)
    if problems:
        sys.exit(1)
    print('bench: harness check passed (%d programs, %d engines)' % (len(raw['programs']), len(raw['engines'])))


if __name__ == '__main__':
    main()

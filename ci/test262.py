#!/usr/bin/env python3
"""ci/test262.py: runs tc39/test262 on kiln as a standard test262 host and reports pass rates.

    ci/test262.py run TEST262-DIR [FILTER...] [--kiln PATH] [--jobs N] [--timeout S]
                      [--out RESULTS.jsonl]
    ci/test262.py compare OLD.jsonl NEW.jsonl

A FILTER is a path under TEST262-DIR (a directory or file, e.g. `test/built-ins/Array`) or a
substring of the test path; without filters the set is test/language, test/built-ins and
test/annexB.

Each test's frontmatter decides its variants: sloppy and strict (`"use strict";` prepended to
the whole source), only one of them for `onlyStrict`/`noStrict`, the source untouched for `raw`.
The harness files `assert.js`, `sta.js` (and `doneprintHandle.js` for `async`) and the test's
`includes` are prepended. kiln runs each variant as a classic Script with the host globals
(`kiln --no-jit --script --test262-host FILE`). A variant passes when:

- positive test: exit status 0 (and for `async`, `Test262:AsyncTestComplete` on stdout);
- negative test, phase parse: kiln rejects the file before running it with
  `FILE:L:C: SyntaxError: ...` (or the error type the test names);
- negative test, phase runtime: the uncaught exception's name is the test's error type.

`module` tests run once, as an ES module (`kiln --no-jit --test262-host FILE`, the harness
prepended). Every test runs in a folder of its own holding a `package.json` with
`"type": "module"` and copies of the `*_FIXTURE.js` files of its directory, so imports (static
or `import()`) find the fixtures and load them as modules. A file passes when every
variant passes. Per-test results go to a JSON-lines file (one object per file: path, pass,
and each variant's outcome) that `compare` reads.
"""
import argparse
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DIRS = ['test/language', 'test/built-ins', 'test/annexB']
FRONT_RE = re.compile(r'/\*---(.*?)---\*/', re.S)
PARSE_ERR_RE = re.compile(r'^[^\n]*:\d+:\d+: (\w+): ', re.M)
UNCAUGHT_RE = re.compile(r'Uncaught (\w+)')


def parse_frontmatter(src):
    """A small YAML subset: the keys test262 uses (lists inline or as `- item` lines, one
    nested mapping for `negative`)."""
    m = FRONT_RE.search(src)
    meta = {'includes': [], 'flags': [], 'features': [], 'negative': None}
    if not m:
        return meta
    key = None
    for line in m.group(1).splitlines():
        if not line.strip() or line.lstrip().startswith('#'):
            continue
        indent = len(line) - len(line.lstrip())
        s = line.strip()
        if indent == 0 and ':' in s:
            key, _, rest = s.partition(':')
            key, rest = key.strip(), rest.strip()
            if key in ('includes', 'flags', 'features'):
                if rest.startswith('['):
                    meta[key] = [x.strip() for x in rest.strip('[]').split(',') if x.strip()]
                else:
                    meta[key] = []
            elif key == 'negative':
                meta['negative'] = {}
            continue
        if key in ('includes', 'flags', 'features') and s.startswith('- '):
            meta[key].append(s[2:].strip())
        elif key == 'negative' and ':' in s:
            k, _, v = s.partition(':')
            meta['negative'][k.strip()] = v.strip()
    return meta


class Harness:
    def __init__(self, root):
        self.root = root
        self.cache = {}

    def get(self, name):
        if name not in self.cache:
            with open(os.path.join(self.root, 'harness', name), encoding='utf-8') as f:
                self.cache[name] = f.read()
        return self.cache[name]


def discover(t262, filters):
    roots, subs = [], []
    for f in filters or DEFAULT_DIRS:
        p = os.path.join(t262, f)
        if os.path.exists(p):
            roots.append(p)
        else:
            subs.append(f)
    if not roots:
        roots = [os.path.join(t262, d) for d in DEFAULT_DIRS]
    out = []
    for r in roots:
        if os.path.isfile(r):
            out.append(r)
            continue
        for dp, dns, fns in os.walk(r):
            dns.sort()
            for fn in sorted(fns):
                if fn.endswith('.js') and '_FIXTURE' not in fn:
                    out.append(os.path.join(dp, fn))
    rel = [os.path.relpath(p, t262) for p in out]
    if subs:
        rel = [p for p in rel if any(s in p for s in subs)]
    return sorted(set(rel))


def judge(meta, async_test, rc, out, err, timed_out):
    if timed_out:
        return 'timeout'
    neg = meta['negative']
    if neg:
        if rc == 0:
            return 'fail: expected %s %s, ran to completion' % (neg.get('phase'), neg.get('type'))
        want = neg.get('type', '')
        if neg.get('phase') in ('parse', 'early', 'resolution'):
            m = PARSE_ERR_RE.search(err)
            if m and 'Uncaught' not in err.split('\n')[0] and m.group(1) == want:
                return 'pass'
            return 'fail: expected early %s: %s' % (want, first_line(err))
        m = UNCAUGHT_RE.search(err)
        if m and m.group(1) == want:
            return 'pass'
        return 'fail: expected %s: %s' % (want, first_line(err))
    if rc != 0:
        return 'fail: exit %d: %s' % (rc, first_line(err, skip_location=True))
    if async_test:
        if 'Test262:AsyncTestComplete' in out:
            return 'pass'
        lines = [l for l in out.splitlines() if 'Test262:AsyncTestFailure' in l]
        return 'fail: ' + (lines[0][:200] if lines else 'no Test262:AsyncTestComplete')
    return 'pass'


def first_line(err, skip_location=False):
    lines = [l for l in err.splitlines() if l.strip()]
    if skip_location:
        i = err.find('Uncaught')
        if i >= 0:
            # A multi-line inspected value (`Test262Error { message: ... }`) on one line.
            return ' '.join(err[i:].split())[:200]
    return (lines[0] if lines else '(no stderr)')[:200]


def run_test(args, harness, tmpdir, rel):
    path = os.path.join(args.test262, rel)
    with open(path, encoding='utf-8', errors='replace') as f:
        src = f.read()
    meta = parse_frontmatter(src)
    flags = set(meta['flags'])
    result = {'file': rel, 'variants': {}}
    module = 'module' in flags
    async_test = 'async' in flags
    if 'raw' in flags:
        variants = [('raw', src)]
    else:
        pre = [harness.get('assert.js'), harness.get('sta.js')]
        if async_test:
            pre.append(harness.get('doneprintHandle.js'))
        try:
            pre += [harness.get(i) for i in meta['includes']]
        except OSError as e:
            result['variants']['setup'] = 'fail: %s' % e
            result['pass'] = False
            return result
        body = '\n'.join(pre) + '\n' + src
        variants = []
        if module:
            variants.append(('module', body))
        elif 'onlyStrict' not in flags:
            variants.append(('sloppy', body))
        if 'noStrict' not in flags and not module:
            variants.append(('strict', '"use strict";\n' + body))
    src_dir = os.path.dirname(path)
    fixtures = [f for f in os.listdir(src_dir) if '_FIXTURE' in f]
    for name, text in variants:
        # A folder per run: the test under its own name (modules may import themselves),
        # the fixtures, and a package.json that makes them ES modules.
        d = os.path.join(tmpdir, rel.replace('/', '__') + '.' + name)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, 'package.json'), 'w') as f:
            f.write('{"type": "module"}\n')
        for fx in fixtures:
            if os.path.isfile(os.path.join(src_dir, fx)):
                shutil.copy(os.path.join(src_dir, fx), d)
        fn = os.path.join(d, os.path.basename(rel))
        with open(fn, 'w', encoding='utf-8') as f:
            f.write(text)
        timed_out = False
        mode = [] if name == 'module' else ['--script']
        try:
            p = subprocess.run([args.kiln, '--no-jit'] + mode + ['--test262-host', fn],
                               capture_output=True, timeout=args.timeout)
            rc, out, err = p.returncode, p.stdout, p.stderr
        except subprocess.TimeoutExpired as e:
            timed_out, rc, out, err = True, -1, e.stdout or b'', e.stderr or b''
        shutil.rmtree(d, ignore_errors=True)
        out = out.decode('utf-8', 'replace')
        err = err.decode('utf-8', 'replace')
        result['variants'][name] = judge(meta, async_test, rc, out, err, timed_out)
    result['pass'] = all(v == 'pass' for v in result['variants'].values())
    return result


def group_of(rel):
    parts = rel.split('/')
    if len(parts) >= 3 and parts[1] in ('language', 'built-ins'):
        return '/'.join(parts[:3]) if len(parts) > 3 else '/'.join(parts[:2])
    return '/'.join(parts[:2])


def summarize(results, file=sys.stdout):
    groups, tops = {}, {}
    for r in results:
        g = group_of(r['file'])
        t = '/'.join(r['file'].split('/')[:2])
        for d, k in ((groups, g), (tops, t)):
            a = d.setdefault(k, [0, 0])
            a[0] += r['pass']
            a[1] += 1
    pr = lambda name, a: print('%-58s %6d / %6d  %5.1f%%' % (name, a[0], a[1], 100.0 * a[0] / max(a[1], 1)), file=file)
    for k in sorted(groups):
        pr(k, groups[k])
    print('-' * 82, file=file)
    for k in sorted(tops):
        pr(k, tops[k])
    total = [sum(r['pass'] for r in results), len(results)]
    pr('overall (files)', total)
    runs = [v for r in results for v in r['variants'].values()]
    pr('overall (runs)', [sum(v == 'pass' for v in runs), len(runs)])


def cmd_run(args):
    args.test262 = os.path.abspath(args.test262)
    if not os.path.isdir(os.path.join(args.test262, 'harness')):
        sys.exit('test262.py: %s is not a test262 checkout (no harness/)' % args.test262)
    args.kiln = os.path.abspath(args.kiln)
    tests = discover(args.test262, args.filters)
    harness = Harness(args.test262)
    print('test262: %d files, %d jobs, timeout %gs, kiln %s' % (len(tests), args.jobs, args.timeout, args.kiln), flush=True)
    t0 = time.time()
    results = []
    with tempfile.TemporaryDirectory(prefix='kiln-t262-') as tmpdir, \
            open(args.out, 'w', encoding='utf-8') as outf, \
            concurrent.futures.ThreadPoolExecutor(args.jobs) as ex:
        futs = [ex.submit(run_test, args, harness, tmpdir, t) for t in tests]
        for i, f in enumerate(futs):
            r = f.result()
            results.append(r)
            outf.write(json.dumps(r) + '\n')
            if args.verbose and not r['pass']:
                print('FAIL %s %s' % (r['file'], r['variants']), flush=True)
            if (i + 1) % 2000 == 0:
                print('  %d / %d  (%.0fs)' % (i + 1, len(tests), time.time() - t0), flush=True)
    summarize(results)
    print('time: %.0fs; results in %s' % (time.time() - t0, args.out))


def load(path):
    with open(path, encoding='utf-8') as f:
        return {r['file']: r for r in map(json.loads, f)}


def cmd_compare(args):
    old, new = load(args.old), load(args.new)
    common = sorted(set(old) & set(new))
    gained = [f for f in common if new[f]['pass'] and not old[f]['pass']]
    lost = [f for f in common if old[f]['pass'] and not new[f]['pass']]
    for f in lost:
        print('NOW FAILING %s %s' % (f, new[f]['variants']))
    for f in gained:
        print('NOW PASSING %s' % f)
    print('%d newly passing, %d newly failing, %d files in both (%d only old, %d only new)' % (
        len(gained), len(lost), len(common), len(set(old) - set(new)), len(set(new) - set(old))))
    print('old: %d / %d pass; new: %d / %d pass (files in both)' % (
        sum(old[f]['pass'] for f in common), len(common), sum(new[f]['pass'] for f in common), len(common)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    sub = ap.add_subparsers(dest='cmd', required=True)
    r = sub.add_parser('run')
    r.add_argument('test262')
    r.add_argument('filters', nargs='*')
    r.add_argument('--kiln', default=os.path.join(ROOT, 'target', 'release', 'kiln'))
    r.add_argument('--jobs', type=int, default=2)
    r.add_argument('--timeout', type=float, default=5.0)
    r.add_argument('--out', default='test262-results.jsonl')
    r.add_argument('-v', '--verbose', action='store_true', help='print each failing file')
    c = sub.add_parser('compare')
    c.add_argument('old')
    c.add_argument('new')
    args = ap.parse_args()
    if args.cmd == 'run':
        cmd_run(args)
    else:
        cmd_compare(args)


if __name__ == '__main__':
    main()

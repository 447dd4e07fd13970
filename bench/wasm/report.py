#!/usr/bin/env python3
"""bench/wasm/report.py: turns the raw JSON of bench/wasm/run.py into statistics: results.md
(medians with min-max spread, ratios against kiln, geometric means per engine, the WASI test
table, compile time to a runnable instance, peak RSS, the machine and engine versions) and
wasm.svg (the ratio chart, bench/svg.py). Prints results.md to stdout.

Ratios are `engine median / kiln median` of the CPU time of the thread running the Wasm code,
per program, so a ratio above 1 means kiln was faster. While kiln has no successful run the
reference falls back to the first engine of run.py's REFERENCE_ORDER that has results, and the
report says so.
"""
import argparse
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import svg  # noqa: E402  (bench/svg.py)
from report import fmt_ms, fmt_ratio, geomean, med, ratio_rows  # noqa: E402  (bench/report.py)

REFERENCE_ORDER = ['kiln', 'wasmtime-winch', 'node-liftoff', 'wasmtime-cranelift', 'node-turbofan', 'node',
                   'wasmi', 'wasm3']


def medians(raw):
    """program -> engine -> median run CPU ms (engines with successful runs only)."""
    return {p['name']: {e: med(r['run_cpu_ms']) for e, r in p['engines'].items()
                        if r['run_cpu_ms'] and med(r['run_cpu_ms']) > 0}
            for p in raw['programs']}


def pick_reference(meds):
    for e in REFERENCE_ORDER:
        if any(e in m for m in meds.values()):
            return e, None if e == 'kiln' else 'kiln has no successful run'
    return None, 'no engine has a successful run'


def spread(xs):
    if not xs:
        return ''
    return fmt_ms(med(xs)) + (' (%s–%s)' % (fmt_ms(min(xs)), fmt_ms(max(xs))) if len(xs) > 1 else '')


def cell(rec, key='run_cpu_ms'):
    if rec is None:
        return ''
    if rec.get('failure'):
        return 'FAIL'
    return spread(rec[key])


def markdown(raw, ref, why, meds, rat):
    engs = list(raw['engines'])
    lab = {e: raw['engines'][e]['label'] for e in engs}
    env = raw['env']
    quick = raw['mode'] == 'quick'
    L = []
    title = 'kiln WebAssembly benchmark results'
    if quick:
        title += ' — QUICK RUN (tiny sizes, %d run%s): a smoke test of the harness, not a measurement' % (
            raw['runs'], '' if raw['runs'] == 1 else 's')
    L += ['# ' + title, '', 'Made by `%s` on %s.' % (raw['command'] or '(command not recorded)', env['date']), '']
    L += ['- Machine: %s, %s cores (%s); load average before the run %s.' % (
        env['cpu'], env['cores'], env['host'], ' / '.join(str(x) for x in env['load_before'] or []) or '?'),
        '- Emulator: %s; every engine below runs under it (arm64 builds).' % env['qemu'],
        '- Versions: %s.' % '; '.join(env['versions'].values()),
        '- kiln: %s build.' % env.get('kiln_build', '?'),
        '- %d run%s per engine and program, interleaved (run 1 of every engine, then run 2, ...). The time is the '
        'CPU time of the thread that runs the Wasm code, measured in-process around the one call into it '
        '(`run(N)` or WASI `_start`): no process startup, no compilation (wasm3 and wasmi translate a function on '
        'its first call, which does count). Medians with min–max spread, in milliseconds.' % (
            raw['runs'], '' if raw['runs'] == 1 else 's'),
        '- Every run\'s stdout must equal the expected output (matmul.wat: `0`; WASI programs with their bench '
        'args: what most engines print, normally all of them), else the run counts as failed.']
    for n in raw.get('notes', []):
        L.append('- Note: %s.' % n)
    L.append('')
    L += ['## Engines', '', '| engine | what | clock | command (PEERS = folder from `ci/wasm-peers.sh`) |',
          '| --- | --- | --- | --- |']
    for e in engs:
        d = raw['engines'][e]
        L.append('| %s | %s | %s | `%s` |' % (lab[e], d['what'], d['clock'], d['argv']))
    L.append('')

    # Geometric means.
    L += ['## Geometric means', '']
    if ref is None:
        L.append('None: %s.' % why)
    else:
        if why:
            L += ['**Because %s, the ratios are against %s instead.**' % (why, lab[ref]), '']
        for e in engs:
            if e == ref:
                continue
            xs = [r[e] for r in rat.values() if e in r]
            g = geomean(xs)
            if g is None:
                L.append('- %s: not available (no program has results for both).' % lab[e])
            else:
                L.append('- %s vs %s: %s is **%.2f× %s** (geometric mean over %d program%s).' % (
                    lab[ref], lab[e], lab[ref], g if g >= 1 else 1 / g, 'faster' if g >= 1 else 'slower',
                    len(xs), '' if len(xs) == 1 else 's'))
    L.append('')

    # Times.
    L += ['## Run time, ms of thread CPU (median, min–max)', '',
          '| program | args | ' + ' | '.join(lab[e] for e in engs) + ' |',
          '| --- | --- | ' + ' | '.join('---:' for _ in engs) + ' |']
    for p in raw['programs']:
        L.append('| %s | %s | %s |' % (p['name'], p['args'], ' | '.join(cell(p['engines'].get(e)) for e in engs)))
    L += ['', '`FAIL`: see Failures below.', '']

    # Wall time around the call, for comparison.
    L += ['<details><summary>Wall time around the same call, ms (median)</summary>', '',
          '| program | ' + ' | '.join(lab[e] for e in engs) + ' |',
          '| --- | ' + ' | '.join('---:' for _ in engs) + ' |']
    for p in raw['programs']:
        L.append('| %s | %s |' % (p['name'], ' | '.join(
            fmt_ms(med(p['engines'][e]['run_wall_ms'])) if e in p['engines'] and p['engines'][e]['run_wall_ms']
            and not p['engines'][e]['failure'] else '' for e in engs)))
    L += ['', '</details>', '']

    # Ratios.
    if ref:
        L += ['## Ratios against %s' % lab[ref], '',
              '`engine time / %s time`: above 1 means %s was faster.' % (lab[ref], lab[ref]), '',
              '| program | ' + ' | '.join(lab[e] for e in engs) + ' |',
              '| --- | ' + ' | '.join('---:' for _ in engs) + ' |']
        L += ratio_rows(raw['programs'], engs, rat)
        L += ['', '![ratios](wasm.svg)', '']

    # WASI tests.
    if raw['tests']:
        L += ['## WASI programs with their test args (stdout against `tests/wasi/expected/NAME.out`)', '',
              '| program | args | ' + ' | '.join(lab[e] for e in engs) + ' |',
              '| --- | --- | ' + ' | '.join(':---:' for _ in engs) + ' |']
        for t in raw['tests']:
            L.append('| %s | %s | %s |' % (t['name'], t['args'].replace('|', '\\|'), ' | '.join(
                '' if e not in t['engines'] else 'ok' if t['engines'][e]['ok'] else 'FAIL' for e in engs)))
        passed = {e: sum(1 for t in raw['tests'] if t['engines'].get(e, {}).get('ok')) for e in engs}
        L.append('| passed | | %s |' % ' | '.join('%d/%d' % (passed[e], len(raw['tests'])) for e in engs))
        fails = [(t['name'], e, t['engines'][e]['reason']) for t in raw['tests'] for e in engs
                 if e in t['engines'] and not t['engines'][e]['ok']]
        if fails:
            L += [''] + ['- %s on %s: %s' % (lab[e], n, r.replace('|', '\\|')) for n, e, r in fails]
        L.append('')

    # Compile time.
    if raw['compile']:
        cl = {e: d['label'] for e, d in raw.get('compile_engines', {}).items()}
        L += ['## Compile time to a runnable instance, ms (median, min–max)', '',
              'Each engine in a fresh process: the module\'s bytes in memory to an instance whose export can be '
              'called (decode, validate, compile, link, instantiate; nothing run). Wall time, and the CPU time of '
              'the whole process meanwhile (wasmtime and V8 compile on several threads). kiln prints its compile time '
              'only (`compiled in`: one thread, instantiation not included). wasm3 and wasmi translate lazily by '
              'default (a function on its first call): their "(eager)" rows translate everything up front. Under '
              'QEMU a first compile also pays for translating the compiler\'s own code, which weighs most on the '
              'largest compilers (Cranelift, TurboFan).', '']
        for c in raw['compile']:
            L += ['### %s — %s, %d bytes' % (c['name'], c['what'], c['size_bytes']), '',
                  '| engine | wall ms | process CPU ms | Wasm MB/s (wall) |', '| --- | ---: | ---: | ---: |']
            for e, r in c['engines'].items():
                if r['failure']:
                    L.append('| %s | FAIL: %s | | |' % (cl.get(e, e), r['failure'].replace('|', '\\|')))
                    continue
                cpu = [x for x in r['compile_cpu_ms'] if x is not None]
                m = med(r['compile_ms'])
                L.append('| %s | %s | %s | %s |' % (cl.get(e, e), spread(r['compile_ms']), spread(cpu) if cpu else '—',
                                                    '%.2f' % (c['size_bytes'] / m / 1e3) if m else ''))
            L.append('')

    # Peak RSS.
    L += ['## Peak RSS, MiB (largest over the runs)', '',
          'RSS of the `qemu-aarch64` process: the engine\'s memory plus QEMU\'s own (and, for wasmtime, the '
          'Python interpreter around it).', '',
          '| program | ' + ' | '.join(lab[e] for e in engs) + ' |', '| --- | ' + ' | '.join('---:' for _ in engs) + ' |']
    for p in raw['programs']:
        L.append('| %s | %s |' % (p['name'], ' | '.join(
            '%.0f' % (max(p['engines'][e]['rss_kib']) / 1024) if e in p['engines'] and p['engines'][e]['rss_kib']
            else '' for e in engs)))
    L.append('')

    # Failures.
    L += ['## Failures', '']
    fl = [(p['name'], e, r['failure']) for p in raw['programs'] for e, r in p['engines'].items() if r['failure']]
    if not fl:
        L.append('None.')
    for n, e, r in fl:
        L.append('- %s on %s: %s' % (lab[e], n, r.replace('|', '\\|')))
    L.append('')
    return '\n'.join(L)


def problems(raw, require_kiln):
    """What shows a broken harness (not a result): no program ran, or a peer failed the
    harness's own program (matmul.wat, which every peer runs), or did not record every run.
    A peer failing a WASI program is a result (WASI implementations differ), and so is kiln
    failing anything unless require_kiln."""
    out = []
    if not raw['programs'] and not raw['compile']:
        out.append('no benchmark program was run')
    for p in raw['programs']:
        for e, r in p['engines'].items():
            fatal = (e == 'kiln' and require_kiln) or (e != 'kiln' and p['name'] == 'matmul.wat')
            if r['failure'] and fatal:
                out.append('%s failed %s: %s' % (e, p['name'], r['failure']))
            elif not r['failure'] and len(r['run_cpu_ms']) != raw['runs']:
                out.append('%s on %s: %d of %d runs recorded' % (e, p['name'], len(r['run_cpu_ms']), raw['runs']))
    if require_kiln:
        for t in raw['tests']:
            if 'kiln' in t['engines'] and not t['engines']['kiln']['ok']:
                out.append('kiln failed the test run of %s: %s' % (t['name'], t['engines']['kiln']['reason']))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('raw', help='JSON from bench/wasm/run.py')
    ap.add_argument('--out', required=True, help='folder for results.md and wasm.svg')
    ap.add_argument('--check', action='store_true', help='then exit 1 if the harness is broken (see problems())')
    ap.add_argument('--require-kiln', action='store_true', help='with --check: kiln failures are fatal too')
    args = ap.parse_args()
    with open(args.raw) as f:
        raw = json.load(f)
    meds = medians(raw)
    ref, why = pick_reference(meds)
    rat = {p: ({e: v / m[ref] for e, v in m.items()} if ref in m else {}) for p, m in meds.items()}
    os.makedirs(args.out, exist_ok=True)
    md = markdown(raw, ref, why, meds, rat)
    with open(os.path.join(args.out, 'results.md'), 'w') as f:
        f.write(md)
    labels = {e: raw['engines'][e]['label'] for e in raw['engines']}
    engs = [e for e in raw['engines'] if e != ref]
    title = 'WebAssembly under qemu-aarch64: thread CPU time relative to %s (log scale; right of 1 = %s faster)%s' % (
        labels.get(ref, '?'), labels.get(ref, '?'), '' if not why else ' — %s' % why)
    if raw['mode'] == 'quick':
        title = 'QUICK RUN, tiny sizes: ' + title
    gms = {e: geomean([r[e] for r in rat.values() if e in r]) for e in engs}
    colors = {e: svg.COLORS[i % len(svg.COLORS)] for i, e in enumerate(raw['engines'])}
    with open(os.path.join(args.out, 'wasm.svg'), 'w') as f:
        f.write(svg.chart(title, [p['name'] for p in raw['programs']], engs, labels, rat, gms, colors))
    print(md)
    if args.check:
        bad = problems(raw, args.require_kiln)
        for line in bad:
            print('bench: BROKEN: wasm: ' + line, file=sys.stderr)
        if bad:
            sys.exit(1)
        print('bench: wasm harness check passed (%d programs, %d engines)' % (len(raw['programs']), len(raw['engines'])),
              file=sys.stderr)


if __name__ == '__main__':
    main()

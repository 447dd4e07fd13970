#!/usr/bin/env python3
"""bench/report.py: turns the raw JSON of bench/run.py into statistics: results.md (Markdown
tables: medians with min-max spread, ratios against kiln-with-JIT, geometric means, peak RSS,
startup, compile throughput, the machine and engine versions) and ratios.svg (the ratio chart,
bench/svg.py). Prints results.md to stdout.

Ratios are `engine median / reference median` per program, so a ratio above 1 means the
reference (kiln with its JIT) was faster. While kiln-with-JIT has no successful run at all the
reference falls back to the first engine in FALLBACK that has results, and the report says so.
"""
import argparse
import json
import math
import os
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import svg  # noqa: E402

PREFERRED_REF = 'kiln-jit'
FALLBACK = ['node-no-opt', 'node-jitless', 'node']
HEADLINE = [('kiln-jit', 'node-no-opt', 'kiln JIT vs V8 Sparkplug (node --no-opt)'),
            ('kiln-jit', 'node-jitless', 'kiln JIT vs V8 Ignition (node --jitless)'),
            ('kiln-jit', 'kiln-interp', 'kiln JIT vs kiln interpreter (--no-jit)'),
            ('kiln-jit', 'node', 'kiln JIT vs node with TurboFan (ceiling)'),
            ('node-no-opt', 'node-jitless', 'for scale: V8 Sparkplug vs V8 Ignition')]
TARGET5 = ['props', 'intmath', 'nbody', 'mandelbrot']  # arithmetic and property-access loops


def med(xs):
    return statistics.median(xs) if xs else None


def geomean(xs):
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else None


def fmt_ms(x):
    if x is None:
        return ''
    return '%.0f' % x if x >= 100 else '%.1f' % x if x >= 10 else '%.2f' % x


def fmt_ratio(x):
    return '' if x is None else '%.2f' % x if x < 10 else '%.1f' % x


def medians(raw):
    """program -> engine -> median ms (only engines with successful runs, positive times)."""
    out = {}
    for p in raw['programs']:
        out[p['name']] = {e: med(r['ms']) for e, r in p['engines'].items()
                          if r['ms'] and med(r['ms']) > 0}
    return out


def pick_reference(raw, meds):
    if any(PREFERRED_REF in m for m in meds.values()):
        return PREFERRED_REF, None
    why = 'kiln with JIT has no successful run'
    for e in FALLBACK:
        if any(e in m for m in meds.values()):
            return e, why
    return None, why


def ratios(meds, ref):
    return {p: {e: v / m[ref] for e, v in m.items()} if ref in m else {} for p, m in meds.items()}


def ratio_rows(programs, engs, rat):
    """The ratio table's rows: one per program, then the geometric mean of each engine's
    ratios (with how many programs it ran)."""
    rows = ['| %s | %s |' % (p['name'], ' | '.join(fmt_ratio(rat[p['name']].get(e)) for e in engs))
            for p in programs]
    gm = []
    for e in engs:
        xs = [r[e] for r in rat.values() if e in r]
        g = geomean(xs)
        gm.append('' if g is None else '**%s** (%d)' % (fmt_ratio(g), len(xs)))
    rows.append('| geometric mean (programs) | %s |' % ' | '.join(gm))
    return rows


def pair_geomean(meds, a, b):
    """Geometric mean over programs where both ran of time(b) / time(a): how many times a is faster."""
    xs = [m[b] / m[a] for m in meds.values() if a in m and b in m]
    return geomean(xs), len(xs)


def failures(raw):
    """(engine, reason) -> [program names]; startup failures under the name 'startup'."""
    groups = {}
    for e, s in raw['startup'].items():
        if s['failure']:
            groups.setdefault((e, s['failure']), []).append('(empty program)')
    for p in raw['programs']:
        for e, r in p['engines'].items():
            if r['failure']:
                groups.setdefault((e, r['failure']), []).append(p['name'])
    return groups


def jit_vs_interp(raw, meds):
    """The section: per program kiln's interpreter time / JIT time, and the geometric mean."""
    L = ['## kiln JIT vs kiln interpreter, per program', '']
    if 'kiln-jit' not in raw['engines'] or 'kiln-interp' not in raw['engines']:
        return L + ['Not measured: this run left out kiln-jit or kiln-interp.', '']
    L += ['`interpreter time / JIT time`: above 1 means the JIT was faster.', '',
          '| program | interpreter ms | JIT ms | interpreter / JIT |', '| --- | ---: | ---: | ---: |']
    xs = []
    for p in raw['programs']:
        m, rec = meds[p['name']], p['engines']
        cell = lambda e: (fmt_ms(m[e]) if e in m else 'skip' if rec[e]['skipped']  # noqa: E731
                          else 'FAIL' if rec[e]['failure'] else '≈0')
        r = m['kiln-interp'] / m['kiln-jit'] if 'kiln-interp' in m and 'kiln-jit' in m else None
        if r is not None:
            xs.append(r)
        L.append('| %s | %s | %s | %s |' % (p['name'], cell('kiln-interp'), cell('kiln-jit'),
                                             '' if r is None else '%.2f' % r))
    g = geomean(xs)
    L.append('| geometric mean | | | %s |' % ('not available' if g is None else '**%.2f** (%d programs)' % (g, len(xs))))
    return L + ['']


def compile_section(comp, quick):
    """Compile throughput of each back end ({isa: totals}; older files hold one totals dict)."""
    L = ['## kiln baseline compiler throughput (natively on the host)', '']
    if not comp:
        comp = {'': {'available': False, 'reason': 'not measured'}}
    elif 'available' in comp:
        comp = {'': comp}
    if quick and any(c.get('available') for c in comp.values()):
        L += ['Quick run: the host build is the dev profile, so these numbers are only a smoke test.', '']
    L += ['`kiln --stats --jit-threshold 0 --jit-isa ISA` on the ES5 programs at their quick sizes: every '
          'function is compiled, and the compile time is the compiler\'s own (on x86-64 hosts the AArch64 '
          'code then runs in Unicorn, which does not count).', '',
          '| back end | ops compiled | compile ms | million ops/s | code bytes per op |',
          '| --- | ---: | ---: | ---: | ---: |']
    for isa, c in comp.items():
        if c.get('available'):
            L.append('| %s | %d | %.3f | **%.2f** | %.1f |' % (
                isa or 'JIT', c['ops'], c['seconds'] * 1e3, c['ops'] / c['seconds'] / 1e6, c['bytes'] / c['ops']))
        else:
            L.append('| %s | not available: %s | | | |' % (isa or 'JIT', c['reason'].replace('|', '\\|')))
    return L + ['']


def markdown(raw, ref, ref_why, meds, rat):
    engs = list(raw['engines'])
    lab = {e: raw['engines'][e]['label'] for e in engs}
    env = raw['env']
    L = []
    quick = raw['mode'] == 'quick'
    native = env.get('native', False)
    title = 'kiln benchmark results' + (' — natively on %s, no emulator' % env['host'] if native else '')
    if quick:
        title += ' — QUICK RUN (tiny sizes, %d run%s): a smoke test of the harness, not a measurement' % (
            raw['runs'], '' if raw['runs'] == 1 else 's')
    L += ['# ' + title, '']
    L += ['Made by `%s` on %s.' % (raw['command'] or '(command not recorded)', env['date']), '']
    L += ['- Machine: %s, %s cores (%s); load average before the run %s.' % (
        env['cpu'], env['cores'], env['host'], ' / '.join(str(x) for x in env['load_before'] or []) or '?'),
        ('- No emulator: every engine below runs natively (host builds; kiln\'s JIT is its native '
         'back end).' if native else
         '- Emulator: %s; every engine below runs under it (arm64 builds).' % env['qemu']),
        '- Versions: %s.' % '; '.join('%s %s' % kv for kv in env['versions'].items()),
        '- %d run%s per engine and program; times are the programs\' own in-process measurements of '
        'their inner loop (`performance.now()`, `Date.now()` where the engine has nothing else: mujs), '
        'in milliseconds, median with min–max spread. Startup is measured separately.' % (
            raw['runs'], '' if raw['runs'] == 1 else 's'),
        '- Output of every run (apart from its `time:` line) must equal %s\'s, else the run counts as failed.' % (
            'plain node' if raw.get('reference', 'node') == 'node' else raw['reference']),
        ]
    if 'kiln_build' in env:
        L.append('- kiln for %s: %s build; %s.' % (env['host'].split()[-1] if native else 'aarch64', env['kiln_build'],
                                                   env.get('kiln_jit', 'JIT flags not recorded')))
    L += ['']
    L += ['## Engines', '', '| engine | what | command%s |' % ('' if native else ' (PEERS = folder from `ci/peers.sh`)'),
          '| --- | --- | --- |']
    for e in engs:
        L.append('| %s | %s | `%s` |' % (lab[e], raw['engines'][e]['what'], raw['engines'][e]['argv']))
    L.append('')

    # Headline geometric means.
    L += ['## Geometric means', '']
    if not any(a in raw['engines'] and b in raw['engines'] for a, b, _ in HEADLINE):
        L.append('None: this run left out the engines they compare.')
    for a, b, text in HEADLINE:
        if a not in raw['engines'] or b not in raw['engines']:
            continue
        g, n = pair_geomean(meds, a, b)
        if g is None:
            L.append('- %s: **not available** — no program has results for both.' % text)
        else:
            L.append('- %s: **%.2f×** %s (geometric mean over %d programs).' % (
                text, g if g >= 1 else 1 / g, 'faster' if g >= 1 else 'slower', n))
    # Issue 12's targets for the native x86-64 JIT: 4x over the interpreter in geometric mean
    # (the AArch64 JIT's ratio) and faster than Sparkplug.
    if native and 'kiln-jit' in raw['engines'] and 'kiln-interp' in raw['engines']:
        g, _ = pair_geomean(meds, 'kiln-jit', 'kiln-interp')
        L.append('- Target (issue 12): native JIT ≥ 4× the interpreter in geometric mean: %s.' % (
            'not measurable' if g is None else '%s (%.2f×)' % ('met' if g >= 4 else 'NOT met', g)))
        if 'node-no-opt' in raw['engines']:
            g, _ = pair_geomean(meds, 'kiln-jit', 'node-no-opt')
            L.append('- Target (issue 12): native JIT faster than V8 Sparkplug (node --no-opt): %s.' % (
                'not measurable' if g is None else '%s (%.2f×)' % ('met' if g >= 1 else 'NOT met', g)))
    # Issue 4's targets for the JIT: 3x over the interpreter in geometric mean, 5x on the
    # arithmetic and property-access loops.
    if not native and 'kiln-jit' in raw['engines'] and 'kiln-interp' in raw['engines']:
        g, n = pair_geomean(meds, 'kiln-jit', 'kiln-interp')
        hot = [p for p in TARGET5 if p in meds and 'kiln-jit' in meds[p] and 'kiln-interp' in meds[p]]
        L.append('- Target (issue 4): JIT ≥ 3× the interpreter in geometric mean: %s.' % (
            'not measurable yet' if g is None else '%s (%.2f×)' % ('met' if g >= 3 else 'NOT met', g)))
        L.append('- Target (issue 4): JIT ≥ 5× the interpreter on %s: %s.' % (
            ', '.join(TARGET5), 'not measurable yet' if not hot else '; '.join(
                '%s %.2f×%s' % (p, meds[p]['kiln-interp'] / meds[p]['kiln-jit'],
                                '' if meds[p]['kiln-interp'] / meds[p]['kiln-jit'] >= 5 else ' (NOT met)')
                for p in hot)))
    L.append('')

    L += jit_vs_interp(raw, meds)

    # Times.
    L += ['## Inner-loop time, ms (median, min–max)', '']
    L.append('| program | size | ' + ' | '.join(lab[e] for e in engs) + ' |')
    L.append('| --- | ---: | ' + ' | '.join('---:' for _ in engs) + ' |')
    for p in raw['programs']:
        cells = []
        for e in engs:
            r = p['engines'].get(e)
            if r is None:
                cells.append('')
            elif r['skipped']:
                cells.append('skip')
            elif r['failure']:
                cells.append('FAIL')
            else:
                m = med(r['ms'])
                spread = ' (%s–%s)' % (fmt_ms(min(r['ms'])), fmt_ms(max(r['ms']))) if len(r['ms']) > 1 else ''
                cells.append(fmt_ms(m) + spread)
        L.append('| %s | %d | %s |' % (p['name'], p['size'], ' | '.join(cells)))
    L += ['', '`skip`: ES2015+ program on an ES5-only engine. `FAIL`: see Failures below.', '']

    # Ratios.
    L += ['## Ratios against %s' % (lab.get(ref, ref) if ref else 'kiln JIT'), '']
    if ref_why:
        L += ['**Because %s, these ratios are against %s instead. Re-run once kiln runs the programs.**' % (
            ref_why, lab.get(ref, 'nothing') if ref else 'nothing'), '']
    if ref:
        L += ['`engine time / %s time`: above 1 means %s was faster.' % (lab[ref], lab[ref]), '']
        L.append('| program | ' + ' | '.join(lab[e] for e in engs) + ' |')
        L.append('| --- | ' + ' | '.join('---:' for _ in engs) + ' |')
        L += ratio_rows(raw['programs'], engs, rat)
        L += ['', '![ratios](ratios.svg)', '']

    # Peak RSS.
    L += ['## Peak RSS, MiB (largest over the runs)', '',
          'RSS of the engine process.' if native else
          'RSS of the `qemu-aarch64` process: the guest engine\'s memory plus QEMU\'s own (translated-code '
          'cache and so on), for every engine alike.', '']
    L.append('| program | ' + ' | '.join(lab[e] for e in engs) + ' |')
    L.append('| --- | ' + ' | '.join('---:' for _ in engs) + ' |')
    for p in raw['programs']:
        cells = []
        for e in engs:
            r = p['engines'].get(e)
            cells.append('%.0f' % (max(r['rss_kib']) / 1024) if r and r['rss_kib'] else '')
        L.append('| %s | %s |' % (p['name'], ' | '.join(cells)))
    L.append('')

    L += memory_growth_section(raw, engs, lab)

    # Startup.
    L += ['## Startup (empty program, wall time of the whole process)', '',
          '| engine | median ms | min–max | peak RSS MiB |', '| --- | ---: | ---: | ---: |']
    for e in engs:
        s = raw['startup'].get(e)
        if not s:
            continue
        if s['failure']:
            L.append('| %s | FAIL | | |' % lab[e])
        else:
            w = s['wall_ms']
            L.append('| %s | %s | %s–%s | %.0f |' % (lab[e], fmt_ms(med(w)), fmt_ms(min(w)), fmt_ms(max(w)),
                                                   (s['rss_kib'] or 0) / 1024))
    L.append('')

    # Compile throughput (the QEMU report only: it is measured natively in any case).
    if not native:
        L += compile_section(raw['compile'], quick)

    # Failures.
    fails = failures(raw)
    L += ['## Failures', '']
    if not fails:
        L.append('None.')
    for (e, reason), progs in sorted(fails.items()):
        L.append('- %s on %s: %s' % (lab[e], ', '.join(progs) if len(progs) < 6 else
                                    '%d programs (%s)' % (len(progs), ', '.join(progs)), reason.replace('|', '\\|')))
    L.append('')
    return '\n'.join(L)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('raw', help='JSON from bench/run.py')
    ap.add_argument('--out', required=True, help='folder for results.md and ratios.svg')
    args = ap.parse_args()
    with open(args.raw) as f:
        raw = json.load(f)
    meds = medians(raw)
    ref, why = pick_reference(raw, meds)
    rat = ratios(meds, ref) if ref else {p: {} for p in meds}
    os.makedirs(args.out, exist_ok=True)
    md = markdown(raw, ref, why, meds, rat)
    with open(os.path.join(args.out, 'results.md'), 'w') as f:
        f.write(md)
    engs = [e for e in raw['engines'] if e != ref]
    labels = {e: raw['engines'][e]['label'] for e in raw['engines']}
    title = 'Time relative to %s (log scale; right of 1 = %s faster)%s' % (
        labels.get(ref, '?'), labels.get(ref, '?'), '' if not why else ' — %s' % why)
    if raw['mode'] == 'quick':
        title = 'QUICK RUN, tiny sizes: ' + title
    gms = {e: geomean([r[e] for r in rat.values() if e in r]) for e in engs}
    with open(os.path.join(args.out, 'ratios.svg'), 'w') as f:
        colors = {e: svg.COLORS[i % len(svg.COLORS)] for i, e in enumerate(raw['engines'])}
        f.write(svg.chart(title, [p['name'] for p in raw['programs']], engs, labels, rat, gms, colors))
    print(md)



def memory_growth_section(raw, engs, lab):
    """Peak RSS above each engine's empty-program RSS, and for kiln that growth per MiB of its
    live heap at its largest (`heap live peak` of kiln --stats: cells and their buffers after a
    collection). Programs that never collected have no live figure."""
    kilns = [e for e in engs if e in ('kiln-jit', 'kiln-interp')]
    if not kilns:
        return []
    L = ['## Memory growth (peak RSS above the empty program\'s, MiB)', '',
         'Growth = peak RSS of the program minus peak RSS of the empty program, per engine. '
         'For kiln, also that growth per MiB of live heap at its largest (after a collection): '
         'the memory its heap, free cells and collection budget cost per MiB a program keeps.', '']
    cols = [lab[e] for e in engs] + ['%s live MiB' % lab[e] for e in kilns] + \
        ['%s growth per live MiB' % lab[e] for e in kilns]
    L.append('| program | ' + ' | '.join(cols) + ' |')
    L.append('| --- | ' + ' | '.join('---:' for _ in cols) + ' |')
    floor = {e: (raw['startup'].get(e) or {}).get('rss_kib') for e in engs}
    for p in raw['programs']:
        growth, cells = {}, []
        for e in engs:
            r = p['engines'].get(e)
            if r and r['rss_kib'] and floor.get(e):
                growth[e] = (max(r['rss_kib']) - floor[e]) / 1024
                cells.append('%.0f' % growth[e])
            else:
                cells.append('')
        lives = {}
        for e in kilns:
            r = p['engines'].get(e) or {}
            live = r.get('live_peak_bytes')
            lives[e] = live / (1 << 20) if live else None
            cells.append('%.1f' % lives[e] if lives[e] else '')
        for e in kilns:
            ok = lives[e] and e in growth
            cells.append('%.2f' % (growth[e] / lives[e]) if ok else '')
        L.append('| %s | %s |' % (p['name'], ' | '.join(cells)))
    L.append('')
    return L

if __name__ == '__main__':
    main()

#!/usr/bin/env python3
"""bench/wasm/run.py: runs the WebAssembly benchmark (programs × engines × runs, interleaved)
under the same qemu-aarch64 and writes the raw measurements as JSON (statistics:
bench/wasm/report.py). See the Wasm section of bench/README.md.

Engines (all arm64 builds from ci/peers.sh + ci/wasm-peers.sh, one folder PEERS): kiln, node 18
(V8 Liftoff only; default tiering; TurboFan only), wasmtime 51 (Cranelift; Winch), wasmi 2,
wasm3 0.5. Each peer runs through a small driver of bench/wasm/drivers/ that compiles and
instantiates the module, calls the export (or WASI `_start`) once and prints one line of JSON
on stderr (`wasm-bench: {...}`: compile_ms, compile_cpu_ms, run_cpu_ms, run_wall_ms, clock,
exit); kiln runs as `kiln run --stats` and prints `wasm: 'NAME' ran in X ms of CPU time (Y ms
wall)` and `... compiled in Z ms`. The time compared is the CPU time of the thread that calls
into Wasm (kiln, wasmtime, wasmi, wasm3: CLOCK_THREAD_CPUTIME_ID; node: the same counter from
/proc/thread-self/schedstat), so neither process startup nor compilation is in it.

Programs:
  matmul.wat  bench/wasm/matmul.wat, `--invoke run N` (N = 200; quick: 40); output "0".
  WASI        tests/wasi/programs.tsv (built by tests/wasi/build.sh into target/bench/wasm/wasi):
              every program runs once per engine with its test args, stdout compared with
              tests/wasi/expected/NAME.out (the "tests" section), then with its bench args,
              timed, stdout compared with the output most engines print (all of them, normally). cwd is tests/wasi; the dir column is pre-opened under its own name.
Compile time: every engine compiles the largest modules (bench/wasm/gen_module.py's 2000
functions, and the largest WASI program) to a runnable instance (`--compile-only`); kiln's
figure is its `compiled in` statistic (compilation only, instantiation not included).

A run fails, with its reason kept, on a non-zero exit (other than the program's expected
status), a timeout, a missing measurement line or an output different from the expected one;
a failing engine is not run again on that program. Peers' .wasm files are made from .wat with
wasmtime's wat2wasm (the peers' own wasmtime-py, under QEMU) into target/bench/wasm/gen/;
kiln gets the very same .wasm files.

quick mode (ci/bench.sh quick, CI): kiln only unless --engines says otherwise, matmul.wat at
N = 40 and the compile row on a 200-function module, one run, no WASI programs: a smoke test
of this harness, not a measurement.
"""
import argparse
import json
import os
import platform
import re
import shlex
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.dirname(HERE))
from run import first_line, machine, run_measured, sh  # noqa: E402  (bench/run.py)

DRIVERS = os.path.join(HERE, 'drivers')
WASI_DIR = os.path.join(ROOT, 'tests/wasi')
BENCH_LINE = 'wasm-bench: '
KILN_RUN_RE = re.compile(r"^wasm: '([^']*)' ran in ([0-9.]+) ms of CPU time \(([0-9.]+) ms wall\)", re.M)
KILN_COMPILE_RE = re.compile(r'^wasm: .*compiled in ([0-9.]+) ms', re.M)
REFERENCE_ORDER = ['kiln', 'wasmtime-cranelift', 'node-turbofan', 'node', 'wasmtime-winch',
                   'node-liftoff', 'wasmi', 'wasm3']


def engines(peers, kiln):
    """id -> {label, what, argv (prefix), clock, kind}. Every engine runs under qemu-aarch64.

    The argv prefix is followed by [--dir D]... MODULE (--invoke NAME ARGS... | ARGV...), the
    same shape as `kiln run`. Compile-only variants (extra ids) add `--compile-only`.
    """
    qemu = ['qemu-aarch64']
    if peers:
        qemu += ['-L', peers, '-E', 'LD_LIBRARY_PATH=' + os.path.join(peers, 'usr/lib/aarch64-linux-gnu')]
    node = qemu + [os.path.join(peers or '', 'usr/bin/node'), '--no-warnings']
    node_js = os.path.join(DRIVERS, 'node_run.js')
    py = qemu + ['-E', 'PYTHONPATH=' + os.path.join(peers or '', 'opt/wasm/wasmtime-py'),
                 os.path.join(peers or '', 'usr/bin/python3.11'), os.path.join(DRIVERS, 'wasmtime_run.py')]
    bin_ = lambda name: qemu + [os.path.join(peers or '', 'opt/wasm/bin', name)]  # noqa: E731
    thread = 'thread CPU (CLOCK_THREAD_CPUTIME_ID)'
    return {
        'kiln': dict(label='kiln', what='kiln baseline compiler (single pass)', argv=['qemu-aarch64', kiln, 'run', '--stats'],
                     clock=thread, binary=kiln),
        'node-liftoff': dict(label='V8 Liftoff', what='node 18, V8 baseline compiler only (--liftoff --no-wasm-tier-up)',
                             argv=node + ['--liftoff', '--no-wasm-tier-up', node_js],
                             clock='thread CPU (/proc/thread-self/schedstat)', binary=node[-2]),
        'node': dict(label='V8 default', what='node 18 default: Liftoff code that counts a tier-up budget, hot '
                                              'functions re-compiled by TurboFan in the background (a call already '
                                              'running stays in Liftoff code: no OSR)',
                     argv=node + [node_js], clock='thread CPU (/proc/thread-self/schedstat)', binary=node[-2]),
        'node-turbofan': dict(label='V8 TurboFan', what='node 18, optimizing compiler only (--no-liftoff)',
                              argv=node + ['--no-liftoff', node_js],
                              clock='thread CPU (/proc/thread-self/schedstat)', binary=node[-2]),
        'wasmtime-cranelift': dict(label='wasmtime Cranelift', what='wasmtime 51, Cranelift optimizing compiler',
                                   argv=py + ['--strategy', 'cranelift'], clock=thread, binary=py[-2]),
        'wasmtime-winch': dict(label='wasmtime Winch', what='wasmtime 51, Winch baseline compiler (single pass)',
                               argv=py + ['--strategy', 'winch'], clock=thread, binary=py[-2]),
        'wasmi': dict(label='wasmi', what='wasmi 2 interpreter (register IR; lazy translation, its default)',
                      argv=bin_('wasmi-run'), clock=thread, binary=bin_('wasmi-run')[-1]),
        'wasm3': dict(label='wasm3', what='wasm3 0.5 interpreter (threaded code; compiles a function on first call)',
                      argv=bin_('wasm3-run'), clock=thread, binary=bin_('wasm3-run')[-1]),
    }


# Compile-time-only variants: the interpreters' eager translation.
COMPILE_VARIANTS = {
    'wasmi-eager': ('wasmi', 'wasmi (eager)', ['--eager']),
    'wasm3-eager': ('wasm3', 'wasm3 (eager)', ['--eager']),
}


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def parse_measure(eid, stderr):
    """The measurement of one run from its stderr, or None."""
    if eid == 'kiln':
        m = KILN_RUN_RE.search(stderr)
        c = KILN_COMPILE_RE.search(stderr)
        if not m and not c:
            return None
        return {'run_cpu_ms': float(m.group(2)) if m else None, 'run_wall_ms': float(m.group(3)) if m else None,
                'compile_ms': float(c.group(1)) if c else None, 'compile_cpu_ms': None}
    for line in reversed(stderr.splitlines()):
        if line.startswith(BENCH_LINE):
            try:
                return json.loads(line[len(BENCH_LINE):])
            except ValueError:
                return None
    return None


def program_stderr(stderr):
    """stderr without the harness's lines (what the program or the engine itself said)."""
    return '\n'.join(x for x in stderr.splitlines()
                     if not x.startswith(BENCH_LINE) and not x.startswith('wasm: '))


def run_one(eng, eid, prog, args, timeout, extra=(), need='run_cpu_ms'):
    """One process: returns (record, stdout) where record has the measurement or 'failure'.

    prog['kind']: 'invoke' (MODULE --invoke EXPORT ARGS), 'wasi' (MODULE ARGV) or 'bare'
    (MODULE alone). `need`: the measurement the run must have printed."""
    argv = list(eng['argv']) + list(extra)
    for d in prog.get('dirs', []):
        argv += ['--dir', d]
    module = prog['module_kiln'] if eid == 'kiln' else prog['module']
    argv.append(module)
    if prog['kind'] == 'invoke':
        argv += ['--invoke', prog['export']]
    argv += list(args)
    cwd = prog.get('cwd', ROOT)
    old = os.getcwd()
    os.chdir(cwd)
    try:
        r = run_measured(argv, timeout)
    finally:
        os.chdir(old)
    if r.get('status') is None:
        return {'failure': r['error']}, ''
    m = parse_measure(eid, r['stderr'])
    want = prog.get('status', 0)
    if r['status'] != want:
        line = first_line(program_stderr(r['stderr'])) or first_line(r['stdout'])
        how = 'exit status %d' % r['status'] if r['status'] >= 0 else 'killed by signal %d' % -r['status']
        return {'failure': '%s: %s' % (how, line or '(no output)')}, r['stdout']
    if m is None or m.get(need) is None:
        return {'failure': 'no measurement line on stderr; stderr starts: %s' % (
            first_line(program_stderr(r['stderr'])) or '(nothing)')}, r['stdout']
    rec = {k: m.get(k) for k in ('run_cpu_ms', 'run_wall_ms', 'compile_ms', 'compile_cpu_ms')}
    rec['wall_ms'] = r['wall'] * 1000
    rec['rss_kib'] = r['rss_kib']
    return rec, r['stdout']


def wat2wasm(engs, src, dst, timeout):
    """Text to binary with the peers' wasmtime (wasmtime_run.py --wat2wasm), if not fresh."""
    if os.path.exists(dst) and os.path.getmtime(dst) >= os.path.getmtime(src):
        return None
    py = engs['wasmtime-cranelift']['argv'][:-2]  # drop --strategy cranelift
    r = subprocess.run(py + ['--wat2wasm', src, dst + '.tmp'], capture_output=True, text=True, timeout=timeout)
    if r.returncode != 0:
        return 'wat2wasm %s failed: %s' % (os.path.relpath(src, ROOT), first_line(r.stderr) or r.returncode)
    os.replace(dst + '.tmp', dst)
    return None


def load_wasi(gendir, quick):
    """The WASI programs of tests/wasi/programs.tsv (built to gendir/wasi), or ([], why)."""
    tsv = os.path.join(WASI_DIR, 'programs.tsv')
    if quick:
        return [], 'quick mode runs no WASI program'
    if not os.path.exists(tsv):
        return [], 'no tests/wasi/programs.tsv'
    out = os.path.join(gendir, 'wasi')
    r = subprocess.run([os.path.join(WASI_DIR, 'build.sh'), out], capture_output=True, text=True)
    if r.returncode != 0:
        return [], 'tests/wasi/build.sh failed: %s' % (first_line(r.stderr) or first_line(r.stdout))
    progs = []
    with open(tsv) as f:
        for line in f:
            if line.startswith('#') or not line.strip():
                continue
            cols = line.rstrip('\n').split('\t')
            name, test, bench = cols[0], cols[1], cols[2]
            d = cols[3] if len(cols) > 3 else '-'
            module = os.path.join(out, name + '.wasm')
            exp = os.path.join(WASI_DIR, 'expected', name + '.out')
            status = 0
            for ext in ('.status', '.exit'):
                p = os.path.join(WASI_DIR, 'expected', name + ext)
                if os.path.exists(p):
                    status = int(open(p).read().strip() or 0)
            progs.append({'name': name, 'kind': 'wasi', 'module': module, 'module_kiln': module,
                          'test_args': shlex.split(test) if test not in ('-', '') else [],
                          'bench_args': None if bench in ('skip', 'none') else
                          (shlex.split(bench) if bench not in ('-', '') else []),
                          'dirs': [] if d in ('-', '') else [d], 'cwd': WASI_DIR, 'status': status,
                          'expected': open(exp).read() if os.path.exists(exp) else None,
                          'size_bytes': os.path.getsize(module) if os.path.exists(module) else None})
    return progs, None


def environment(engs, peers, kiln):
    vers = {}
    kv = sh(['qemu-aarch64', kiln, '--version']) if os.path.exists(kiln) else ''
    vers['kiln'] = '%s, git %s%s' % (kv or 'kiln (not built)', sh(['git', '-C', ROOT, 'rev-parse', '--short', 'HEAD']),
                                     ' (work tree with changes)' if sh(['git', '-C', ROOT, 'status', '--porcelain', '--', 'src'])
                                     else '')
    if peers and any(e.startswith('node') for e in engs):
        nv = sh(engines(peers, kiln)['node']['argv'][:-1] + ['--version'])
        vers['node'] = 'node %s (Debian bookworm nodejs, arm64)' % (nv or '?')
    if peers and os.path.exists(os.path.join(peers, 'opt/wasm/VERSIONS')):
        with open(os.path.join(peers, 'opt/wasm/VERSIONS')) as f:
            for line in f:
                k, _, v = line.strip().partition(': ')
                if k and any(e.startswith(k) for e in engs):
                    vers[k] = v
    qemu = sh(['qemu-aarch64', '--version'])
    return {**machine(), 'qemu': qemu.splitlines()[0] if qemu else '?', 'versions': vers}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--mode', choices=['quick', 'full'], default='full')
    ap.add_argument('--runs', type=int, default=None, help='runs per engine and program (quick 1, full 5)')
    ap.add_argument('--peers', default='', help='folder from ci/wasm-peers.sh (not needed for kiln alone)')
    ap.add_argument('--kiln', required=True, help='aarch64 kiln binary')
    ap.add_argument('--kiln-note', default='', help='why kiln cannot run (e.g. its build failed)')
    ap.add_argument('--kiln-build', default='release', help='how kiln was built (for the report)')
    ap.add_argument('--kiln-source', default='', help='what kiln was built from, if not this work tree (for the report)')
    ap.add_argument('--engines', default='', help='comma-separated engine ids (default: all; quick: kiln)')
    ap.add_argument('--only', default='', help='comma-separated program names (matmul.wat, WASI names)')
    ap.add_argument('--no-tests', action='store_true', help='skip the WASI test-args pass')
    ap.add_argument('--no-compile', action='store_true', help='skip the compile-time section')
    ap.add_argument('--no-bench', action='store_true', help='skip the timed runs (tests and compile only)')
    ap.add_argument('--matmul-n', type=int, default=None, help='N of matmul.wat (quick 40, full 200)')
    ap.add_argument('--gen-functions', type=int, default=None, help='functions of the generated module (quick 200, full 2000)')
    ap.add_argument('--timeout', type=int, default=None, help='seconds per run (quick 120, full 900)')
    ap.add_argument('--command', default='', help='the command line to record in the report')
    ap.add_argument('--out', required=True, help='JSON file to write')
    args = ap.parse_args()
    quick = args.mode == 'quick'
    runs = args.runs or (1 if quick else 5)
    timeout = args.timeout or (120 if quick else 900)
    peers = os.path.abspath(args.peers) if args.peers else ''
    kiln = os.path.abspath(args.kiln)
    all_engs = engines(peers, kiln)
    wanted = [e for e in args.engines.split(',') if e] or (['kiln'] if quick else list(all_engs))
    unknown = [e for e in wanted if e not in all_engs]
    if unknown:
        ap.error('unknown engine(s) %s; known: %s' % (', '.join(unknown), ', '.join(all_engs)))
    engs = {e: all_engs[e] for e in all_engs if e in wanted}
    if any(e != 'kiln' for e in engs) and not peers:
        ap.error('--peers is needed for the peer engines')
    gendir = os.path.join(ROOT, 'target/bench/wasm/gen')
    os.makedirs(gendir, exist_ok=True)
    outdir = os.path.dirname(os.path.abspath(args.out))
    os.makedirs(os.path.join(outdir, 'outputs'), exist_ok=True)

    def cannot_run(eid):
        if eid == 'kiln' and args.kiln_note:
            return args.kiln_note
        b = engs[eid]['binary']
        if not os.path.exists(b):
            return 'no %s binary at %s' % (eid, os.path.relpath(b, ROOT) if b.startswith(ROOT) else b)
        return None

    # Modules: .wat -> .wasm for the peers (and kiln, so that every engine reads the same bytes).
    notes = []
    have_peers = any(e != 'kiln' for e in engs)
    n = args.matmul_n or (40 if quick else 200)
    gen_n = args.gen_functions or (200 if quick else 2000)
    matmul_wat = os.path.join(HERE, 'matmul.wat')
    gen_wat = os.path.join(gendir, 'gen_module.%d.wat' % gen_n)
    gen_py = os.path.join(HERE, 'gen_module.py')
    if not os.path.exists(gen_wat) or os.path.getmtime(gen_wat) < os.path.getmtime(gen_py):
        with open(gen_wat + '.tmp', 'w') as f:
            subprocess.run([sys.executable, gen_py, str(gen_n)], stdout=f, check=True)
        os.replace(gen_wat + '.tmp', gen_wat)
    mods = {}
    for src in (matmul_wat, gen_wat):
        wasm = os.path.join(gendir, os.path.basename(src)[:-4] + '.wasm')
        why = wat2wasm(all_engs, src, wasm, 300) if have_peers else 'kiln only'
        if why and have_peers:
            notes.append(why)
        fresh = os.path.exists(wasm) and os.path.getmtime(wasm) >= os.path.getmtime(src)
        mods[src] = wasm if fresh and not (why and have_peers) else src
    programs = [{'name': 'matmul.wat', 'kind': 'invoke', 'export': 'run', 'module': mods[matmul_wat],
                 'module_kiln': mods[matmul_wat], 'bench_args': [str(n)], 'test_args': None,
                 'expected_bench': '0\n', 'dirs': [], 'what': 'bench/wasm/matmul.wat: f32 triple loop, N = %d' % n,
                 'size_bytes': os.path.getsize(mods[matmul_wat])}]
    wasi, why = load_wasi(gendir, quick)
    if why:
        notes.append('WASI programs: ' + why)
    programs += wasi
    if args.only:
        keep = args.only.split(',')
        programs = [p for p in programs if p['name'] in keep]

    result = {'mode': args.mode, 'runs': runs, 'command': args.command,
              'env': environment(engs, peers, kiln), 'notes': notes,
              'engines': {e: {k: v for k, v in d.items() if k in ('label', 'what', 'clock')} |
                          {'argv': ' '.join(d['argv']).replace(peers or '\0', 'PEERS').replace(ROOT + '/', '')}
                          for e, d in engs.items()},
              'programs': [], 'tests': [], 'compile': []}
    result['env']['kiln_build'] = args.kiln_build
    if args.kiln_source:
        result['env']['versions']['kiln'] = '%s, %s' % (
            result['env']['versions']['kiln'].split(',')[0], args.kiln_source)

    # 1. WASI test args: one run per engine, stdout against tests/wasi/expected/NAME.out.
    if not args.no_tests:
        for prog in [p for p in programs if p['kind'] == 'wasi' and p['expected'] is not None]:
            t = {'name': prog['name'], 'args': ' '.join(prog['test_args']), 'engines': {}}
            for eid, eng in engs.items():
                why = cannot_run(eid)
                if why:
                    t['engines'][eid] = {'ok': False, 'reason': why}
                    continue
                rec, out = run_one(eng, eid, prog, prog['test_args'], timeout)
                with open(os.path.join(outdir, 'outputs', '%s.test.%s.out' % (prog['name'], eid)), 'w') as f:
                    f.write(out)
                if 'failure' in rec:
                    t['engines'][eid] = {'ok': False, 'reason': rec['failure']}
                elif out != prog['expected']:
                    got, want = out.splitlines(), prog['expected'].splitlines()
                    k = next((i for i, (a, b) in enumerate(zip(got, want)) if a != b), min(len(got), len(want)))
                    t['engines'][eid] = {'ok': False, 'reason': 'stdout differs from expected/%s.out at line %d: %r instead of %r' % (
                        prog['name'], k + 1, got[k] if k < len(got) else '(end)', want[k] if k < len(want) else '(end)')}
                else:
                    t['engines'][eid] = {'ok': True, 'reason': None}
                log('test %-12s %-20s %s' % (prog['name'], eid, t['engines'][eid]['reason'] or 'ok'))
            result['tests'].append(t)

    # 2. The benchmark: runs interleaved (run 1 of every engine, then run 2, ...).
    order = sorted(engs, key=lambda e: REFERENCE_ORDER.index(e) if e in REFERENCE_ORDER else 99)
    for prog in [p for p in programs if p['bench_args'] is not None and not args.no_bench]:
        entry = {k: prog.get(k) for k in ('name', 'kind', 'size_bytes')}
        entry['args'] = ' '.join(prog['bench_args'])
        entry['module'] = os.path.relpath(prog['module'], ROOT)
        recs = {e: {'run_cpu_ms': [], 'run_wall_ms': [], 'compile_ms': [], 'compile_cpu_ms': [], 'wall_ms': [],
                    'rss_kib': [], 'failure': cannot_run(e)} for e in engs}
        # The output every run must print: matmul.wat's is known; a WASI program's is the one
        # most engines print in the first round (ties: the earliest engine in REFERENCE_ORDER).
        ref_out = prog.get('expected_bench')
        ref_eng = 'the expected output' if ref_out is not None else None
        first = {}
        for rnd in range(runs):
            for eid in order:
                rec = recs[eid]
                if rec['failure']:
                    continue
                one, out = run_one(engs[eid], eid, prog, prog['bench_args'], timeout)
                if 'failure' not in one and ref_out is not None and out != ref_out:
                    one = {'failure': 'output differs from %s: %s' % (ref_eng, first_line(out) or '(empty)')}
                if rnd == 0:
                    with open(os.path.join(outdir, 'outputs', '%s.bench.%s.out' % (prog['name'], eid)), 'w') as f:
                        f.write(out)
                if 'failure' in one:
                    rec['failure'] = one['failure']
                    continue
                if ref_out is None:
                    first[eid] = out
                for k in ('run_cpu_ms', 'run_wall_ms', 'compile_ms', 'compile_cpu_ms', 'wall_ms', 'rss_kib'):
                    rec[k].append(one[k])
            if rnd == 0 and ref_out is None and first:
                votes = {}
                for eid in order:
                    if eid in first:
                        votes.setdefault(first[eid], []).append(eid)
                ref_out, who = max(votes.items(), key=lambda kv: len(kv[1]))
                ref_eng = 'the output of %s (%d of %d engines)' % (', '.join(who), len(who), len(first))
                for eid, out in first.items():
                    if out != ref_out:
                        recs[eid] = dict(recs[eid], run_cpu_ms=[], run_wall_ms=[], compile_ms=[], compile_cpu_ms=[],
                                         wall_ms=[], rss_kib=[], failure='output differs from %s: %s' % (
                                             ref_eng, first_line(out) or '(empty)'))
        entry['reference_output'] = ref_eng
        entry['engines'] = recs
        for eid in engs:
            r = recs[eid]
            log('%-12s %-20s %s' % (prog['name'], eid, r['failure'] or
                                    ' '.join('%.1f' % x for x in r['run_cpu_ms']) + ' ms'))
        result['programs'].append(entry)

    # 3. Compile time on the largest modules: to a runnable instance, nothing run.
    if not args.no_compile:
        cands = [{'name': 'gen_module.py %d' % gen_n, 'kind': 'bare', 'module': mods[gen_wat],
                  'module_kiln': mods[gen_wat], 'dirs': [], 'args': [],
                  'what': 'bench/wasm/gen_module.py: %d generated functions, every one exported' % gen_n}]
        wasi_built = [p for p in wasi if p['size_bytes']]
        if wasi_built:
            big = max(wasi_built, key=lambda p: p['size_bytes'])
            cands.append(dict(big, what='the largest WASI program (%s), test args for kiln' % big['name'],
                              args=big['test_args']))
        cengs = dict(engs)
        for vid, (base, label, flags) in COMPILE_VARIANTS.items():
            if base in engs:
                cengs[vid] = dict(engs[base], label=label, argv=engs[base]['argv'] + flags)
        result['compile_engines'] = {e: {'label': d['label'], 'argv': ' '.join(d['argv']).replace(
            peers or '\0', 'PEERS').replace(ROOT + '/', '')} for e, d in cengs.items()}
        for c in cands:
            entry = {'name': c['name'], 'what': c['what'], 'size_bytes': os.path.getsize(c['module']),
                     'module': os.path.relpath(c['module'], ROOT), 'engines': {}}
            recs = {e: {'compile_ms': [], 'compile_cpu_ms': [], 'failure': cannot_run(e.replace('-eager', ''))}
                    for e in cengs}
            for _ in range(runs):
                for eid, eng in cengs.items():
                    rec = recs[eid]
                    if rec['failure']:
                        continue
                    base = eid.replace('-eager', '')
                    if base == 'kiln':
                        # kiln has no compile-only switch: a module without `_start` is only
                        # instantiated; a WASI program runs, with its (small) test args.
                        prog = c if c['kind'] == 'wasi' else dict(c, kind='bare')
                        one, _ = run_one(eng, 'kiln', prog, c['args'], timeout, need='compile_ms')
                    else:
                        prog = c if c['kind'] == 'wasi' else dict(c, kind='invoke', export='f0')
                        one, _ = run_one(eng, base, prog, [], timeout, extra=['--compile-only'], need='compile_ms')
                    if 'failure' in one:
                        rec['failure'] = one['failure']
                        continue
                    rec['compile_ms'].append(one['compile_ms'])
                    rec['compile_cpu_ms'].append(one['compile_cpu_ms'])
            entry['engines'] = recs
            for eid in cengs:
                r = recs[eid]
                log('compile %-16s %-20s %s' % (c['name'], eid, r['failure'] or
                                                 ' '.join('%.1f' % x for x in r['compile_ms']) + ' ms'))
            result['compile'].append(entry)

    with open(args.out, 'w') as f:
        json.dump(result, f, indent=1)
    log('wrote %s' % args.out)


if __name__ == '__main__':
    main()

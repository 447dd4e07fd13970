#!/usr/bin/env python3
"""bench/run.py: runs the benchmark programs (bench/programs.tsv) on every engine under the same
qemu-aarch64 and writes the raw measurements as JSON. No statistics here (bench/report.py).

Per engine and program, each run records: the in-process time of the inner loop (the `time: X ms`
line the program prints), the wall time of the whole process, and the peak RSS of the
qemu-aarch64 process (os.wait4's ru_maxrss: guest memory plus QEMU's own, for every engine
alike). A run fails, with its reason kept, when the process exits non-zero, times out, prints no
`time:` line, or prints other output than the reference engine (plain node). A failing engine is
not run again on that program. Startup is the wall time of an empty program.

"kiln (JIT)" runs with kiln's default flags when `kiln --stats` reports `jit: enabled: true`
for the empty program, and otherwise with `--jit-threshold 100` (the JIT's planned default).

Compile throughput of kiln's baseline compilers (one per back end the host kiln has: `--jit-isa
aarch64`, and `--jit-isa x86_64` on x86-64 hosts) is read from `kiln --stats --jit-threshold 0`
run natively on the host, on the quick sizes (see bench/README.md for the lines it looks for).

With --native the same programs run with no emulator: kiln built for the host (its native JIT)
against the host's own node (`node` on PATH), same runs, same checks. That is the report of
kiln's native back end (the x86-64 JIT on x86-64 hosts).
"""
import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TIME_RE = re.compile(r'^time: ([0-9.]+) ms\s*$', re.M)
LIVE_PEAK_RE = re.compile(r'^heap live peak: ([0-9]+) bytes\s*$', re.M)


# The JIT's planned defaults: compile a function after 100 calls (or 1000 loop back-edges).
# While kiln's JIT is off by default, "kiln (JIT)" passes --jit-threshold with this value.
JIT_THRESHOLD = '100'
JIT_ENABLED_RE = re.compile(r'^jit: enabled: (true|false)\s*$', re.M)


def kiln_jit_flags(kiln, gendir, timeout, prefix=('qemu-aarch64',)):
    """Flags that turn kiln's JIT on: none when it is on by default, else --jit-threshold.

    Decided by running the empty program with --stats and reading `jit: enabled: …`, so the
    harness works before and after the JIT becomes the default. Returns (flags, note).
    `prefix` runs the binary (qemu-aarch64, or nothing natively).
    """
    if not os.path.exists(kiln):
        return ['--jit-threshold', JIT_THRESHOLD], 'no kiln binary to probe'
    empty = os.path.join(gendir, 'empty.js')
    open(empty, 'w').close()
    prefix = list(prefix)
    r = run_once(prefix + [kiln, '--stats', 'run', empty], timeout)
    m = JIT_ENABLED_RE.search(r.get('stderr', '') + r.get('stdout', ''))
    if m and m.group(1) == 'true':
        return [], 'JIT on by default'
    flags = ['--jit-threshold', JIT_THRESHOLD]
    r = run_once(prefix + [kiln, '--stats'] + flags + ['run', empty], timeout)
    m2 = JIT_ENABLED_RE.search(r.get('stderr', '') + r.get('stdout', ''))
    if m2 and m2.group(1) == 'true':
        return flags, 'JIT off by default: enabled with --jit-threshold %s' % JIT_THRESHOLD
    return flags, 'WARNING: kiln reports `jit: enabled: %s` even with --jit-threshold %s' % (
        m2.group(1) if m2 else '?', JIT_THRESHOLD)


def engines(peers, kiln, jit_flags=()):
    """Engine id -> (label, flags text, argv prefix, runs ES2015+?). All run under qemu-aarch64."""
    qemu = ['qemu-aarch64', '-L', peers, '-E',
            'LD_LIBRARY_PATH=' + os.path.join(peers, 'usr/lib/aarch64-linux-gnu')]
    node = qemu + [os.path.join(peers, 'usr/bin/node')]
    return {
        'node-jitless': ('node --jitless', 'V8 Ignition interpreter only', node + ['--jitless'], True),
        'node-no-opt': ('node --no-opt', 'Ignition + Sparkplug baseline, no TurboFan', node + ['--no-opt'], True),
        'node': ('node', 'all tiers (TurboFan ceiling)', node, True),
        'duktape': ('duk', 'Duktape interpreter (ES5)', qemu + [os.path.join(peers, 'usr/bin/duk')], False),
        'mujs': ('mujs', 'MuJS interpreter (ES5)', qemu + [os.path.join(peers, 'usr/bin/mujs')], False),
        'kiln-interp': ('kiln --no-jit', 'kiln interpreter only', ['qemu-aarch64', kiln, 'run', '--no-jit'], True),
        'kiln-jit': ('kiln (JIT)', 'kiln interpreter + baseline JIT (%s)' % (
            ' '.join(jit_flags) or 'default flags'), ['qemu-aarch64', kiln, 'run'] + list(jit_flags), True),
    }


def native_engines(node, kiln, jit_flags=()):
    """The --native report's engines: the host's node and the host build of kiln, no emulator."""
    engs = {}
    if node:
        engs.update({
            'node-jitless': ('node --jitless', 'V8 Ignition interpreter only', [node, '--jitless'], True),
            'node-no-opt': ('node --no-opt', 'Ignition + Sparkplug baseline, no TurboFan', [node, '--no-opt'], True),
            'node': ('node', 'all tiers (TurboFan ceiling)', [node], True)})
    engs.update({
        'kiln-interp': ('kiln --no-jit', 'kiln interpreter only', [kiln, 'run', '--no-jit'], True),
        'kiln-jit': ('kiln (JIT)', 'kiln interpreter + native baseline JIT (%s)' % (
            ' '.join(jit_flags) or 'default flags'), [kiln, 'run'] + list(jit_flags), True)})
    return engs


def binary_of(argv):
    """The engine binary in an argv prefix: after `qemu-aarch64 [-L ROOT -E VAR=..]`, if any."""
    if argv[0] != 'qemu-aarch64':
        return argv[0]
    return argv[5] if argv[1] == '-L' else argv[1]


REFERENCE = 'node'  # whose output (minus the time line) the others must match


def load_programs(mode):
    progs = []
    with open(os.path.join(ROOT, 'bench/programs.tsv')) as f:
        for line in f:
            if line.startswith('#') or not line.strip():
                continue
            name, src, quick, full, what = line.rstrip('\n').split('\t')
            size = quick if mode == 'quick' else full
            if size == '-':
                continue
            progs.append({'name': name, 'source': src, 'size': int(size), 'what': what,
                          'es5': src.startswith('bench/programs/')})
    return progs


def prepare(prog, gendir):
    """Returns the argv tail (file and arguments) that runs prog at its size on any engine."""
    if not prog['es5']:
        return [os.path.join(ROOT, prog['source']), str(prog['size']), '--time']
    path = os.path.join(gendir, '%s.%d.js' % (prog['name'], prog['size']))
    with open(path, 'w') as out:
        out.write('var BENCH_SIZE = %d;\n' % prog['size'])
        for part in ('bench/prelude.js', prog['source']):
            with open(os.path.join(ROOT, part)) as f:
                out.write(f.read())
    return [path]


def first_line(text):
    for line in text.splitlines():
        # node --jitless warns about a flag it turns off; that is not why anything failed.
        if line.strip() and not line.startswith('Warning: disabling flag'):
            return line.strip()[:160]
    return ''


def run_once(argv, timeout):
    """Runs argv (no memory figure); returns dict with status, wall seconds, stdout, stderr."""
    t0 = time.monotonic()
    try:
        p = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except OSError as e:
        return {'status': None, 'error': 'cannot start: %s' % e}
    try:
        out, err = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        p.kill()
        out, err = p.communicate()
        return {'status': None, 'error': 'timed out after %d s' % timeout}
    wall = time.monotonic() - t0
    return {'status': p.returncode, 'wall': wall, 'stdout': out.decode('utf-8', 'replace'),
            'stderr': err.decode('utf-8', 'replace')}


def run_measured(argv, timeout):
    """Like run_once, but waits with os.wait4 to get the child's own peak RSS."""
    t0 = time.monotonic()
    try:
        p = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except OSError as e:
        return {'status': None, 'error': 'cannot start: %s' % e}
    # Read both pipes on two threads, and reap the child with wait4 for its rusage.
    bufs = {}

    def drain(name, stream):
        bufs[name] = stream.read()
    ts = [threading.Thread(target=drain, args=(n, s)) for n, s in (('out', p.stdout), ('err', p.stderr))]
    for t in ts:
        t.start()
    deadline = t0 + timeout
    while True:
        pid, st, ru = os.wait4(p.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            p.kill()
            pid, st, ru = os.wait4(p.pid, 0)
            for t in ts:
                t.join()
            p.returncode = -9
            return {'status': None, 'error': 'timed out after %d s' % timeout}
        time.sleep(0.005)
    wall = time.monotonic() - t0
    for t in ts:
        t.join()
    p.returncode = os.waitstatus_to_exitcode(st)
    return {'status': p.returncode, 'wall': wall, 'rss_kib': ru.ru_maxrss,
            'stdout': bufs['out'].decode('utf-8', 'replace'),
            'stderr': bufs['err'].decode('utf-8', 'replace')}


def with_stats(argv):
    """argv of a kiln engine with `--stats` right after the kiln binary."""
    i = argv.index(binary_of(argv))
    return argv[:i + 1] + ['--stats'] + argv[i + 1:]


def live_peak(argv, timeout):
    """kiln's largest live heap after a collection (bytes, `heap live peak` of --stats) for one
    more run of argv, or None (no collection ran, or the line is missing)."""
    r = run_once(with_stats(argv), timeout)
    m = LIVE_PEAK_RE.search(r.get('stderr', '') + r.get('stdout', ''))
    return int(m.group(1)) if m and int(m.group(1)) > 0 else None


def strip_time(stdout):
    return TIME_RE.sub('', stdout).strip()


def judge(r, ref_out, reference):
    """Returns (ms, None) for a good run or (None, reason)."""
    if r.get('status') is None:
        return None, r['error']
    if r['status'] != 0:
        line = first_line(r['stderr']) or first_line(r['stdout'])
        how = 'exit status %d' % r['status'] if r['status'] > 0 else 'killed by signal %d' % -r['status']
        return None, '%s: %s' % (how, line or '(no output)')
    m = TIME_RE.search(r['stdout'])
    if not m:
        return None, 'exit status 0 but no "time: X ms" line; output starts: %s' % (
            first_line(r['stdout']) or first_line(r['stderr']) or '(nothing)')
    if ref_out is not None and strip_time(r['stdout']) != ref_out:
        return None, 'output differs from %s: %s' % (reference, first_line(strip_time(r['stdout'])))
    return float(m.group(1)), None


COMPILE_RES = {
    'total': re.compile(r'bytecode ops compiled\s*[:=]\s*([0-9]+)', re.I),
    'inline': re.compile(r'ops with inline templates\s*[:=]\s*([0-9]+)', re.I),
    'exits': re.compile(r'ops compiled as interpreter exits\s*[:=]\s*([0-9]+)', re.I),
    'bytes': re.compile(r'code bytes\s*[:=]\s*([0-9]+)', re.I),
    'time': re.compile(r'compile time\s*[:=]\s*([0-9.]+)\s*(ns|us|µs|ms|s)\b', re.I),
}
TIME_UNITS = {'ns': 1e-9, 'us': 1e-6, 'µs': 1e-6, 'ms': 1e-3, 's': 1.0}


def parse_compile_stats(text):
    """{'ops', 'bytes', 'seconds'} from kiln's --stats output, or None if lines are missing.

    Ops compiled: a `bytecode ops compiled: N` line, or else the sum of kiln's
    `jit: ops with inline templates: N` and `jit: ops compiled as interpreter exits: N`.
    """
    m = {k: r.search(text) for k, r in COMPILE_RES.items()}
    if m['total']:
        ops = int(m['total'].group(1))
    elif m['inline'] and m['exits']:
        ops = int(m['inline'].group(1)) + int(m['exits'].group(1))
    else:
        return None
    if not m['bytes'] or not m['time']:
        return None
    return {'ops': ops, 'bytes': int(m['bytes'].group(1)),
            'seconds': float(m['time'].group(1)) * TIME_UNITS[m['time'].group(2).lower()]}


def jit_isas():
    """The back ends a host build of kiln compiles for natively on this machine: on x86-64 hosts
    its native x86-64 JIT and the AArch64 one (whose code then runs in Unicorn: compile time is
    native all the same); elsewhere AArch64 only."""
    return ['x86_64', 'aarch64'] if platform.machine() in ('x86_64', 'AMD64') else ['aarch64']


def compile_stats_all(kiln_host, gendir, progs, timeout):
    """{isa: totals} for every back end of the host kiln (`--jit-isa ISA`)."""
    return {isa: compile_stats(kiln_host, gendir, progs, timeout, isa) for isa in jit_isas()}


def compile_stats(kiln_host, gendir, progs, timeout, isa):
    """kiln's baseline compiler for `isa`, natively on the host: totals over the ES5 programs."""
    if not kiln_host:
        return {'available': False, 'reason': 'no host build of kiln (it failed, or --kiln-host was not given)'}
    if not os.path.exists(kiln_host):
        return {'available': False, 'reason': 'no host kiln binary at %s' % kiln_host}
    tot = {'ops': 0, 'bytes': 0, 'seconds': 0.0, 'programs': []}
    for prog in progs:
        argv = [kiln_host, '--stats', '--jit-threshold', '0', '--jit-isa', isa, 'run'] + prepare(prog, gendir)
        r = run_once(argv, timeout)
        if r.get('status') is None:
            return {'available': False, 'reason': '%s: %s' % (prog['name'], r['error'])}
        found = parse_compile_stats(r['stdout'] + '\n' + r['stderr'])
        if found is None:
            why = 'exit status %d' % r['status']
            line = first_line(r['stderr']) or first_line(r['stdout'])
            return {'available': False,
                    'reason': '`kiln --stats --jit-threshold 0` on %s printed no compile statistics '
                              '(%s: %s)' % (prog['name'], why, line or 'no output')}
        for k in ('ops', 'bytes', 'seconds'):
            tot[k] += found[k]
        tot['programs'].append(prog['name'])
    tot['available'] = tot['ops'] > 0 and tot['seconds'] > 0
    if not tot['available']:
        tot['reason'] = 'kiln reported no compiled ops or zero compile time'
    return tot


def sh(argv):
    try:
        return subprocess.run(argv, capture_output=True, text=True, timeout=120).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return ''


def machine():
    """What the report says of this machine: date, CPU, cores, host, load average now."""
    cpu = ''
    try:
        with open('/proc/cpuinfo') as f:
            for line in f:
                if line.startswith('model name'):
                    cpu = line.split(':', 1)[1].strip()
                    break
    except OSError:
        pass
    load = os.getloadavg() if hasattr(os, 'getloadavg') else None
    return {'date': time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime()),
            'cpu': cpu or platform.processor() or platform.machine(), 'cores': os.cpu_count(),
            'host': '%s %s' % (platform.system(), platform.machine()),
            'load_before': [round(x, 2) for x in load] if load else None}


def environment(args, engs):
    vers = {}
    deb = lambda pkg: sh(['dpkg-query', '-W', '-f=${Version}', pkg]) or sh(  # noqa: E731
        ['sh', '-c', "apt-cache policy %s | awk '/Candidate:/ {print $2}'" % pkg])
    run = [] if args.native else ['qemu-aarch64']
    if 'node' in engs:
        node_v = sh(engs['node'][2] + ['--version']) or '?'
        vers['node'] = ('%s (%s, host %s)' % (node_v, engs['node'][2][0], platform.machine())
                        if args.native else '%s (Debian nodejs %s, arm64)' % (node_v, deb('nodejs:arm64')))
    if not args.native:
        vers['duktape'] = 'Debian duktape %s (arm64)' % deb('duktape:arm64')
        vers['mujs'] = 'Debian mujs %s (arm64)' % deb('mujs:arm64')
    kv = sh(run + [args.kiln, '--version']) if os.path.exists(args.kiln) else ''
    vers['kiln'] = '%s, git %s' % (kv or 'not built', sh(['git', '-C', ROOT, 'rev-parse', '--short', 'HEAD']))
    qemu = sh(['qemu-aarch64', '--version'])
    return {
        **machine(),
        'qemu': None if args.native else qemu.splitlines()[0] if qemu else '?',
        'native': args.native,
        'versions': vers,
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--mode', choices=['quick', 'full'], default='quick')
    ap.add_argument('--runs', type=int, default=None, help='runs per engine and program (quick 1, full 5)')
    ap.add_argument('--native', action='store_true',
                    help='no emulator: --kiln is a host build, the peer is the host\'s node')
    ap.add_argument('--peers', help='folder from ci/peers.sh (not with --native)')
    ap.add_argument('--kiln', required=True, help='aarch64 kiln binary (with --native: a host build)')
    ap.add_argument('--kiln-note', default='', help='why kiln cannot run (e.g. its build failed)')
    ap.add_argument('--kiln-host', default='', help='host kiln binary, for compile throughput')
    ap.add_argument('--kiln-build', default='release', help='how the aarch64 kiln was built (for the report)')
    ap.add_argument('--only', default='', help='comma-separated program names (development)')
    ap.add_argument('--engines', default='', help='comma-separated engine ids (development)')
    ap.add_argument('--timeout', type=int, default=None, help='seconds per run (quick 120, full 900)')
    ap.add_argument('--command', default='', help='the command line to record in the report')
    ap.add_argument('--out', required=True, help='JSON file to write')
    args = ap.parse_args()
    runs = args.runs or (1 if args.mode == 'quick' else 5)
    timeout = args.timeout or (120 if args.mode == 'quick' else 900)
    if not args.native and not args.peers:
        ap.error('--peers is needed (or --native)')
    peers = os.path.abspath(args.peers) if args.peers else None
    kiln = os.path.abspath(args.kiln)
    gendir = os.path.join(ROOT, 'target/bench/gen')
    os.makedirs(gendir, exist_ok=True)
    jit_flags, jit_note = kiln_jit_flags(kiln, gendir, timeout, [] if args.native else ['qemu-aarch64'])
    print('kiln (JIT) flags: %s (%s)' % (' '.join(jit_flags) or 'none', jit_note), file=sys.stderr)
    if args.native:
        node = shutil.which('node')
        all_engs = native_engines(node, kiln, jit_flags)
        reference = 'node' if node else 'kiln-interp'
    else:
        all_engs = engines(peers, kiln, jit_flags)
        reference = REFERENCE
    engs = dict(all_engs)
    if args.engines:
        engs = {k: v for k, v in engs.items() if k in args.engines.split(',')}
    progs = load_programs(args.mode)
    # Compile throughput always uses the quick sizes: the same functions get compiled, and the
    # host runs the compiled code in Unicorn, where the full sizes would take long.
    cprogs = [p for p in load_programs('quick') if p['es5']]
    if args.only:
        progs = [p for p in progs if p['name'] in args.only.split(',')]
        cprogs = [p for p in cprogs if p['name'] in args.only.split(',')]

    env = environment(args, all_engs)
    env['kiln_build'] = args.kiln_build
    env['kiln_jit'] = jit_note
    result = {'mode': args.mode, 'runs': runs, 'command': args.command,
              'env': env,
              'reference': reference,
              'engines': {k: {'label': v[0], 'what': v[1], 'argv': ' '.join(v[2]).replace(peers or '\0', 'PEERS').replace(ROOT + '/', ''),
                              'es2015': v[3]} for k, v in engs.items()},
              'programs': [], 'startup': {}, 'compile': None}

    def log(msg):
        print(msg, file=sys.stderr, flush=True)

    def cannot_run(eid):
        """Why this engine cannot run at all (kiln not built), or None."""
        if eid.startswith('kiln') and args.kiln_note:
            return args.kiln_note
        # qemu-aarch64 exits 1 without a word when the program is missing: say it here.
        binary = binary_of(engs[eid][2])
        if not os.path.exists(binary):
            shown = os.path.relpath(binary, ROOT) if binary.startswith(ROOT) else binary
            return 'no %s binary at %s' % (eid.split('-')[0], shown)
        return None

    # Startup: an empty program, wall time of the whole process.
    empty = os.path.join(gendir, 'empty.js')
    open(empty, 'w').close()
    for eid, (label, _, argv, _) in engs.items():
        walls, reason, r = [], cannot_run(eid), {}
        for _ in range(0 if reason else runs):
            r = run_measured(argv + [empty], timeout)
            if r.get('status') != 0:
                reason = r.get('error') or 'exit status %d: %s' % (r['status'], first_line(r['stderr']) or '(no output)')
                break
            if r['stdout'].strip():
                reason = 'printed output for an empty program: %s' % first_line(r['stdout'])
                break
            walls.append(r['wall'] * 1000)
        result['startup'][eid] = {'wall_ms': walls, 'rss_kib': r.get('rss_kib'), 'failure': reason}
        log('startup %-12s %s' % (eid, reason or ' '.join('%.0f' % w for w in walls) + ' ms'))

    for prog in progs:
        tail = prepare(prog, gendir)
        entry = {k: prog[k] for k in ('name', 'source', 'size', 'what', 'es5')}
        recs = {}
        for eid, (_, _, _, es2015) in engs.items():
            recs[eid] = {'ms': [], 'wall_ms': [], 'rss_kib': [], 'failure': None, 'skipped': None}
            if not prog['es5'] and not es2015:
                recs[eid]['skipped'] = 'ES2015+ source (ES5-only engine)'
            elif cannot_run(eid):
                recs[eid]['failure'] = cannot_run(eid)
        ref_out = None
        # Runs are interleaved (run 1 of every engine, then run 2, ...) so that a slow phase of
        # the shared machine does not fall on one engine only; the reference runs first.
        order = sorted(engs, key=lambda e: e != reference)
        for _ in range(runs):
            for eid in order:
                rec = recs[eid]
                if rec['skipped'] or rec['failure']:
                    continue
                r = run_measured(engs[eid][2] + tail, timeout)
                ms, reason = judge(r, ref_out, reference)
                if reason:
                    rec['failure'] = reason  # a failing engine is not run again on this program
                    continue
                if eid == reference and ref_out is None:
                    ref_out = strip_time(r['stdout'])
                rec['ms'].append(ms)
                rec['wall_ms'].append(r['wall'] * 1000)
                rec['rss_kib'].append(r['rss_kib'])
        # kiln's live heap at its largest, for the memory-growth table (one extra run, not timed).
        for eid in ('kiln-jit', 'kiln-interp'):
            rec = recs.get(eid)
            if rec and rec['ms']:
                rec['live_peak_bytes'] = live_peak(engs[eid][2] + tail, timeout)
        for eid in engs:
            rec = recs[eid]
            log('%-18s %-12s %s' % (prog['name'], eid, rec['skipped'] or rec['failure'] or
                                    ' '.join('%.1f' % m for m in rec['ms']) + ' ms'))
        entry['engines'] = recs
        result['programs'].append(entry)

    if not args.native:
        result['compile'] = compile_stats_all(args.kiln_host, gendir, cprogs, timeout)
        for isa, c in result['compile'].items():
            log('compile throughput, %s: %s' % (isa, c.get('reason') or 'measured'))
    with open(args.out, 'w') as f:
        json.dump(result, f, indent=1)


if __name__ == '__main__':
    main()

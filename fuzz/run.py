#!/usr/bin/env python3
"""fuzz/run.py: the differential fuzzer's runner, comparer and reporter.

For every seed it generates a program (fuzz/gen.py), runs it with kiln's reference mode
(`--no-jit`), then in every JIT mode asked for (and in node with --node), and compares stdout
and exit status. A divergence is a different stdout, a different exit status, or a crash or a
timeout in a mode where the reference finished. A program whose reference run fails (non-zero
exit, stderr output, timeout) is counted as invalid: a generator bug, or an interpreter bug to
check against node. Each divergence is minimized (fuzz/minimize.py) and written to the output
directory: the original and minimized programs, the modes that diverge, and both outputs.
Exits 1 when any divergence or invalid program was seen.

`--kiln` is a command prefix, so an aarch64 build runs as
`--kiln "qemu-aarch64 target-aarch64/aarch64-unknown-linux-gnu/release/kiln"`.
ci/fuzz.sh is the entry point; `python3 fuzz/run.py --help` lists the options.
"""
import argparse
import concurrent.futures
import os
import resource
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen  # noqa: E402
import minimize  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

REFERENCE = 'interp'
# Mode name -> kiln flags. 'jit' (default thresholds) is filled in by jit_flags().
MODES = {
    'interp': ['--no-jit'],
    'jit0': ['--jit-threshold', '0'],
    'deopt': ['--jit-threshold', '0', '--deopt-stress'],
    'jit': None,
    'gc': ['--jit-threshold', '0', '--gc-stress'],
    'node': None,  # node FILE, not kiln
}
DEFAULT_MODES = ['jit0', 'deopt', 'jit', 'gc']


def base_mode(mode):
    """`jit0@aarch64` -> `jit0`: the mode without the back end it runs on."""
    return mode.split('@', 1)[0]


def jit_flags(kiln):
    """Flags for the JIT at its default thresholds: `--jit` when kiln has that flag (the JIT is
    off by default on hosts where it would be emulated), else `--jit-threshold 100`."""
    try:
        help_text = subprocess.run(kiln + ['--help'], capture_output=True, text=True,
                                   timeout=120).stdout
    except (OSError, subprocess.TimeoutExpired):
        help_text = ''
    if any(line.split()[:1] == ['--jit'] for line in help_text.splitlines()):
        return ['--jit']
    return ['--jit-threshold', '100']


class Result:
    __slots__ = ('stdout', 'stderr', 'status', 'timeout', 'secs')

    def __init__(self, stdout, stderr, status, timeout, secs):
        self.stdout, self.stderr, self.status = stdout, stderr, status
        self.timeout, self.secs = timeout, secs

    def kind(self):
        if self.timeout:
            return 'timeout'
        if self.status < 0:
            return 'signal %d' % -self.status
        return 'exit %d' % self.status

    def ok(self):
        return not self.timeout and self.status == 0 and not self.stderr.strip()


def run_cmd(argv, timeout):
    start = time.time()
    p = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         start_new_session=True)
    try:
        out, err = p.communicate(timeout=timeout)
        to = False
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        out, err = p.communicate()
        to = True
    return Result(out.decode('utf-8', 'replace'), err.decode('utf-8', 'replace'),
                  p.returncode, to, time.time() - start)


def diverges(ref, res):
    """Why `res` differs from the reference result `ref` (None when it does not)."""
    if res.timeout and not ref.timeout:
        return 'timeout'
    if res.status != ref.status:
        return 'status'
    if res.stdout != ref.stdout:
        return 'stdout'
    return None


def first_diff(a, b):
    la, lb = a.splitlines(), b.splitlines()
    for i in range(max(len(la), len(lb))):
        x = la[i] if i < len(la) else '<none>'
        y = lb[i] if i < len(lb) else '<none>'
        if x != y:
            return 'line %d: %r vs %r' % (i + 1, x, y)
    return 'same lines (trailing whitespace?)'


class Fuzzer:
    def __init__(self, args):
        self.args = args
        self.kiln = shlex.split(args.kiln)
        self.modes = {}
        for m in args.modes:
            if m == 'node':
                if not shutil.which('node'):
                    sys.exit('fuzz: --node given but node is not on PATH')
                self.modes[m] = None
                continue
            base, _, isa = m.partition('@')
            flags = jit_flags(self.kiln) if base == 'jit' else MODES[base]
            # `jit0@aarch64`: the mode on one back end (--jit-isa); --isas asks for every
            # JIT mode on each of its back ends.
            for isa in [isa] if isa else args.isas or [None]:
                if isa is None:
                    self.modes[m] = flags
                else:
                    self.modes['%s@%s' % (base, isa)] = flags + ['--jit-isa', isa]
        self.lock = threading.Lock()
        self.programs = self.runs = self.invalid = 0
        self.divergent = []  # (seed, modes)
        self.per_mode = {}  # mode -> (runs, wall seconds, slowest run)
        os.makedirs(args.out, exist_ok=True)
        self.tmp = tempfile.mkdtemp(prefix='kiln-fuzz-')

    def argv(self, mode, path):
        if mode == 'node':
            return ['node', path]
        flags = MODES[REFERENCE] if mode == REFERENCE else self.modes[mode]
        return self.kiln + flags + ['run', path]

    def run(self, mode, text, tag):
        path = os.path.join(self.tmp, '%s-%s-%d.js' % (tag, mode, threading.get_ident()))
        with open(path, 'w') as f:
            f.write(text)
        try:
            gc = base_mode(mode) == 'gc'
            timeout = self.args.timeout * (self.args.gc_timeout_factor if gc else 1)
            r = run_cmd(self.argv(mode, path), timeout)
        finally:
            os.unlink(path)
        with self.lock:
            self.runs += 1
            n, secs, worst = self.per_mode.get(mode, (0, 0.0, 0.0))
            self.per_mode[mode] = (n + 1, secs + r.secs, max(worst, r.secs))
        return r

    def log(self, msg):
        with self.lock:
            print(msg, flush=True)

    def modes_for(self, seed):
        ms = list(self.modes)
        if seed % self.args.gc_every != 0:
            ms = [m for m in ms if base_mode(m) != 'gc']
        return ms

    def check_program(self, tag, program, modes):
        """Runs one program; returns (reference result, {mode: (reason, result)})."""
        text = gen.render(program)
        ref = self.run(REFERENCE, text, tag)
        if not ref.ok():
            return ref, None
        bad = {}
        for m in modes:
            r = self.run(m, text, tag)
            why = diverges(ref, r)
            if why:
                bad[m] = (why, r)
        return ref, bad

    def fuzz_seed(self, seed):
        program = gen.generate(seed, self.args.chunks)
        self.fuzz_program('seed%d' % seed, program, self.modes_for(seed))

    def fuzz_program(self, tag, program, modes):
        original = gen.render(program)
        ref, bad = self.check_program(tag, program, modes)
        with self.lock:
            self.programs += 1
        if bad is None:
            with self.lock:
                self.invalid += 1
            d = os.path.join(self.args.out, tag)
            os.makedirs(d, exist_ok=True)
            with open(os.path.join(d, 'invalid.js'), 'w') as f:
                f.write(original)
            self.log('%s: INVALID: the reference run (%s) failed: %s; stderr: %s (kept in %s)' % (
                tag, REFERENCE, ref.kind(), ref.stderr.strip()[:300], d))
            return
        if not bad:
            return
        with self.lock:
            self.divergent.append((tag, sorted(bad)))
        self.log('%s: DIVERGENCE in %s' % (tag, ', '.join(
            '%s (%s)' % (m, why) for m, (why, _) in sorted(bad.items()))))
        self.report(tag, original, program, ref, bad)

    def report(self, tag, original, program, ref, bad):
        d = os.path.join(self.args.out, tag)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, 'original.js'), 'w') as f:
            f.write(original)
        mode, (why, _) = sorted(bad.items())[0]
        if not self.args.no_minimize:
            def interesting(text):
                r0 = self.run(REFERENCE, text, tag + '-min')
                if not r0.ok():
                    return False
                return diverges(r0, self.run(mode, text, tag + '-min')) == why
            minimize.minimize(program, interesting)
        text = gen.render(program)
        with open(os.path.join(d, 'min.js'), 'w') as f:
            f.write(text)
        lines = ['program: %s (minimized for mode %s: %s; %d lines, from %d)' % (
            tag, mode, why, text.count('\n'), original.count('\n')),
                 'kiln: %s' % self.args.kiln,
                 'reference: %s' % ' '.join(self.argv(REFERENCE, 'FILE'))]
        rref = self.run(REFERENCE, text, tag + '-rep')
        for m in sorted(bad):
            r = self.run(m, text, tag + '-rep')
            lines += ['', '== mode %s: %s (on the original: %s)' % (
                m, ' '.join(self.argv(m, 'FILE')), bad[m][0]),
                'on min.js: %s; reference %s, mode %s; %s' % (
                    diverges(rref, r), rref.kind(), r.kind(), first_diff(rref.stdout, r.stdout)),
                '-- reference stdout:', rref.stdout.rstrip(), '-- mode stdout:', r.stdout.rstrip(),
                '-- mode stderr:', r.stderr.rstrip()[-2000:]]
        with open(os.path.join(d, 'report.txt'), 'w') as f:
            f.write('\n'.join(lines) + '\n')
        self.log('%s: minimized to %d lines: %s' % (tag, text.count('\n'), d))


def parse_seeds(s):
    if '..' in s:
        a, b = s.split('..')
        return int(a), (int(b) if b else None)
    return int(s), int(s)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--kiln', help='kiln command prefix (default: target/release/kiln, '
                    'else target/debug/kiln)')
    ap.add_argument('--seeds', default='1..100', help='A..B inclusive, or A.. (open: use --minutes)')
    ap.add_argument('--modes', default=','.join(DEFAULT_MODES),
                    help='comma-separated, of: %s (reference: %s); MODE@ISA runs a JIT mode '
                    'with --jit-isa ISA' % (', '.join(m for m in MODES if m != REFERENCE), REFERENCE))
    ap.add_argument('--isas', help='comma-separated JIT back ends (kiln --jit-isa): run every '
                    'JIT mode on each, e.g. x86_64,aarch64 on an x86-64 host compares the native '
                    'x86-64 JIT, the AArch64 JIT in Unicorn and the interpreter')
    ap.add_argument('--node', action='store_true', help='also compare with node')
    ap.add_argument('--jobs', type=int, default=1)
    ap.add_argument('--minutes', type=float, help='start no new seed after this many minutes')
    ap.add_argument('--timeout', type=float, default=60, help='seconds per run (default 60)')
    ap.add_argument('--gc-every', type=int, default=4,
                    help='run the gc mode on every Nth seed only (default 4)')
    ap.add_argument('--gc-timeout-factor', type=float, default=4)
    ap.add_argument('--chunks', type=int, help='chunks per program (default: 3 to 6 by seed)')
    ap.add_argument('--out', default=os.path.join(ROOT, 'fuzz', 'out'))
    ap.add_argument('--no-minimize', action='store_true')
    ap.add_argument('--file', help='check this program instead of generated ones')
    args = ap.parse_args()
    args.modes = [m for m in args.modes.split(',') if m]
    args.isas = [i for i in (args.isas or '').split(',') if i]
    if args.node and 'node' not in args.modes:
        args.modes.append('node')
    for m in args.modes:
        base, at, isa = m.partition('@')
        if base not in MODES or base == REFERENCE or (at and (base == 'node' or not isa)):
            ap.error('unknown mode %r' % m)
    if not args.kiln:
        for p in ('target/release/kiln', 'target/debug/kiln'):
            if os.path.exists(os.path.join(ROOT, p)):
                args.kiln = shlex.quote(os.path.join(ROOT, p))
                break
        else:
            ap.error('no kiln binary: build one or pass --kiln')

    fz = Fuzzer(args)
    start = time.time()
    stop = []
    # SIGTERM / SIGINT: start no new seed, finish the ones running, print the summary.
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.append(1))
    print('fuzz: kiln %s; modes %s (reference: %s)' % (args.kiln, ', '.join(
        '%s=%s' % (m, ' '.join(fz.modes[m]) if fz.modes[m] else 'node') for m in fz.modes),
        ' '.join(MODES[REFERENCE])), flush=True)
    try:
        if args.file:
            with open(args.file) as f:
                prog = minimize.lines_program(f.read())
            fz.fuzz_program(os.path.basename(args.file).rsplit('.', 1)[0], prog, list(fz.modes))
        else:
            lo, hi = parse_seeds(args.seeds)
            if hi is None and args.minutes is None:
                ap.error('an open seed range needs --minutes')
            deadline = start + args.minutes * 60 if args.minutes else None
            seeds = iter(range(lo, (hi + 1) if hi is not None else sys.maxsize))
            last = [time.time()]

            def progress():
                if time.time() - last[0] > 60:
                    last[0] = time.time()
                    cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
                    print('fuzz: %d programs, %d runs, %d divergent, %d invalid, %.0f s wall, '
                          '%.0f s CPU' % (fz.programs, fz.runs, len(fz.divergent), fz.invalid,
                                          time.time() - start, cpu.ru_utime + cpu.ru_stime),
                          flush=True)

            with concurrent.futures.ThreadPoolExecutor(args.jobs) as ex:
                pending = set()
                for seed in seeds:
                    if stop or (deadline and time.time() > deadline):
                        break
                    pending.add(ex.submit(fz.fuzz_seed, seed))
                    while len(pending) >= args.jobs * 2:
                        done, pending = concurrent.futures.wait(
                            pending, return_when=concurrent.futures.FIRST_COMPLETED)
                        for fut in done:
                            fut.result()
                        progress()
                for fut in concurrent.futures.as_completed(pending):
                    fut.result()
    finally:
        shutil.rmtree(fz.tmp, ignore_errors=True)
    cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
    print('fuzz summary: %d programs, %d runs, %d divergent, %d invalid; %.1f s wall, '
          '%.1f s CPU in child processes' % (fz.programs, fz.runs, len(fz.divergent), fz.invalid,
                                             time.time() - start, cpu.ru_utime + cpu.ru_stime))
    for m, (n, secs, worst) in sorted(fz.per_mode.items()):
        print('  mode %-14s %6d runs, %8.1f s wall, slowest %.1f s' % (m, n, secs, worst))
    if stop:
        print('fuzz: stopped by a signal')
    for tag, ms in fz.divergent:
        print('  divergent: %s in %s -> %s' % (tag, ', '.join(ms), os.path.join(args.out, tag)))
    return 1 if fz.divergent or fz.invalid else 0


if __name__ == '__main__':
    sys.exit(main())

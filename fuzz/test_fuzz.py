"""fuzz/test_fuzz.py: self-test of the fuzzer (run by `ci/fuzz.sh --self-test`, and in the
smoke stage of ci/test.sh): ddmin, the tree minimizer, the generator's determinism, and the
whole runner against fuzz/fake_kiln.py, an "engine" with a known JIT bug, whose divergence must
be found and shrunk to exactly the two lines that trigger it.

    python3 -m unittest discover -s fuzz -p 'test_*.py'
"""
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen  # noqa: E402
import minimize  # noqa: E402
import run  # noqa: E402

FAKE = '%s %s' % (sys.executable, os.path.join(HERE, 'fake_kiln.py'))


def body_lines(text):
    """The lines of a program that are not the prelude's."""
    prelude = set(gen.PRELUDE.splitlines())
    return [line.strip() for line in text.splitlines() if line not in prelude]


def plant(program):
    """Puts the fake bug's two trigger lines deep inside the second and the last chunk."""
    def deepest_block(node):
        while True:
            inner = [n for n in node.body if n.body is not None]
            if not inner:
                return node
            node = inner[-1]
    deepest_block(program[len(gen.PRELUDE.splitlines()) + 1]).body.insert(0, gen.Node('ck("BUG_A");'))
    deepest_block(program[-1]).body.append(gen.Node('ck("BUG_B");'))


class FuzzSelfTest(unittest.TestCase):
    def test_ddmin_finds_the_three_needed_items(self):
        need = {3, 57, 91}
        calls = []

        def test(sub):
            calls.append(len(sub))
            return need <= set(sub)
        self.assertEqual(minimize.ddmin(list(range(100)), test), [3, 57, 91])
        self.assertLess(len(calls), 400)

    def test_ddmin_empty_when_nothing_is_needed(self):
        self.assertEqual(minimize.ddmin([1, 2, 3], lambda sub: True), [])

    def test_generator_is_deterministic_by_seed(self):
        a, b = gen.render(gen.generate(42)), gen.render(gen.generate(42))
        self.assertEqual(a, b)
        self.assertNotEqual(a, gen.render(gen.generate(43)))
        self.assertIn('out("c0")', a)

    def test_tree_minimizer_keeps_only_the_trigger(self):
        program = gen.generate(7, chunks=4)
        plant(program)
        before = gen.render(program)
        self.assertGreater(before.count('\n'), 60)

        def interesting(text):
            lines = text.splitlines()
            a = [i for i, s in enumerate(lines) if 'BUG_A' in s]
            b = [i for i, s in enumerate(lines) if 'BUG_B' in s]
            return bool(a and b and b[-1] > a[0])
        minimize.minimize(program, interesting)
        self.assertEqual(body_lines(gen.render(program)), ['ck("BUG_A");', 'ck("BUG_B");'])

    def test_jit_flag_follows_the_cli(self):
        kiln = FAKE.split()
        os.environ['FAKE_KILN_HAS_JIT_FLAG'] = '1'
        try:
            self.assertEqual(run.jit_flags(kiln), ['--jit'])
        finally:
            del os.environ['FAKE_KILN_HAS_JIT_FLAG']
        self.assertEqual(run.jit_flags(kiln), ['--jit-threshold', '100'])

    def runner(self, *args, env=None):
        with tempfile.TemporaryDirectory() as out:
            p = subprocess.run([sys.executable, os.path.join(HERE, 'run.py'), '--kiln', FAKE,
                                '--out', out] + list(args), capture_output=True, text=True,
                               env=dict(os.environ, **(env or {})))
            files = {}
            for root, _, names in os.walk(out):
                for n in names:
                    with open(os.path.join(root, n)) as f:
                        files[os.path.relpath(os.path.join(root, n), out)] = f.read()
            return p, files

    def test_runner_passes_programs_without_the_bug(self):
        p, files = self.runner('--seeds', '1..3', '--modes', 'jit0,deopt,jit')
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertIn('3 programs, 12 runs, 0 divergent, 0 invalid', p.stdout)
        self.assertEqual(files, {})

    def planted(self, *args, env=None):
        program = gen.generate(11, chunks=3)
        plant(program)
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, 'planted.js')
            with open(path, 'w') as f:
                f.write(gen.render(program))
            return self.runner('--file', path, *args, env=env)

    def test_runner_finds_and_minimizes_the_bug(self):
        p, files = self.planted('--modes', 'jit0,deopt')
        self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
        self.assertIn('1 divergent', p.stdout)
        self.assertEqual(body_lines(files['planted/min.js']), ['ck("BUG_A");', 'ck("BUG_B");'])
        report = files['planted/report.txt']
        self.assertIn('== mode jit0', report)
        self.assertIn('== mode deopt', report)
        self.assertIn("'miscompiled'", report)

    def test_isas_run_every_mode_on_every_back_end(self):
        p, files = self.planted('--modes', 'jit0,deopt', '--isas', 'x86_64,aarch64',
                                env={'FAKE_KILN_BUG_ISA': 'aarch64'})
        self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
        self.assertIn('mode jit0@x86_64', p.stdout)
        self.assertIn('divergent: planted in deopt@aarch64, jit0@aarch64', p.stdout)
        self.assertEqual(body_lines(files['planted/min.js']), ['ck("BUG_A");', 'ck("BUG_B");'])

    def test_mode_at_isa_picks_one_back_end(self):
        env = {'FAKE_KILN_BUG_ISA': 'aarch64'}
        p, _ = self.planted('--modes', 'jit0@x86_64,deopt@x86_64', env=env)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        p, _ = self.planted('--modes', 'jit0@x86_64,gc@aarch64', '--gc-every', '1', env=env)
        self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
        self.assertIn('divergent: planted in gc@aarch64 ->', p.stdout)


if __name__ == '__main__':
    unittest.main()

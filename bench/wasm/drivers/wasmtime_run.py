#!/usr/bin/env python3
"""wasmtime_run.py: the wasmtime peer of kiln's Wasm benchmark (bench/wasm/run.py), run by the
arm64 CPython and the wasmtime-py wheel that ci/wasm-peers.sh unpacks (PYTHONPATH=its folder).

  wasmtime_run.py [--strategy cranelift|winch|auto] [--compile-only] [--dir HOST[::GUEST]]...
                  MODULE --invoke NAME [ARGS...]
  wasmtime_run.py [options] MODULE [ARGV...]
  wasmtime_run.py --wat2wasm IN.wat OUT.wasm

The first form calls the export NAME with ARGS and prints each result on its own line (as
`kiln run --invoke` does); the second runs the WASI command's `_start` (wasmtime's WasiConfig,
preview1) with argv = [MODULE, ARGV...] and the directories pre-opened (GUEST defaults to
HOST); the third converts text to binary (the harness makes the peers' .wasm files with it).
The program's output goes to stdout/stderr unchanged; the last line on stderr is the
harness's one-line JSON, the same for every driver:

  wasm-bench: {"engine": "wasmtime", "strategy": .., "compile_ms": .., "compile_cpu_ms": ..,
               "run_cpu_ms": .., "run_wall_ms": .., "clock": "thread", "exit": N}

compile_ms: wall time from the bytes in memory to a runnable instance (Engine, Module,
Linker, Store, instantiation; wasmtime compiles every function up front, on several threads
by default); compile_cpu_ms: the process's CPU time meanwhile (time.process_time_ns);
run_cpu_ms: the calling thread's CPU time over the call (time.thread_time_ns, i.e.
CLOCK_THREAD_CPUTIME_ID).

The compiler is picked with the C API's wasmtime_config_strategy_set: the Python wrapper only
knows "auto" and "cranelift", so Winch is set through the same ctypes binding with the value
of WASMTIME_STRATEGY_WINCH (the enum in wasmtime/config.h: AUTO = 0, CRANELIFT = 1,
WINCH = 2; the wheel's generated _bindings.py lists them in that order).
"""
import os
import sys
import time

import wasmtime
from wasmtime import _ffi as ffi

STRATEGIES = {'auto': 0, 'cranelift': 1, 'winch': 2}


def die(msg):
    sys.stdout.flush()
    sys.stderr.write('wasmtime_run: %s\n' % msg)
    sys.exit(1)


def convert(ty, s):
    if ty == wasmtime.ValType.i32() or ty == wasmtime.ValType.i64():
        return int(s, 0)
    return float(s)


def main():
    argv = sys.argv[1:]
    if argv[:1] == ['--wat2wasm']:
        with open(argv[1]) as f:
            data = wasmtime.wat2wasm(f.read())
        with open(argv[2], 'wb') as f:
            f.write(data)
        return 0
    strategy, compile_only, dirs, i = 'cranelift', False, [], 0
    while i < len(argv) and argv[i].startswith('--'):
        a = argv[i]
        if a == '--strategy' and i + 1 < len(argv):
            strategy = argv[i + 1]
            i += 1
            if strategy not in STRATEGIES:
                die('unknown strategy %s' % strategy)
        elif a == '--compile-only':
            compile_only = True
        elif a == '--dir' and i + 1 < len(argv):
            host, _, guest = argv[i + 1].partition('::')
            dirs.append((host, guest or host))
            i += 1
        else:
            die('unknown option %s' % a)
        i += 1
    if i >= len(argv):
        die('usage: wasmtime_run.py [options] MODULE [--invoke NAME] [ARGS...]')
    path = argv[i]
    rest = argv[i + 1:]
    invoke = None
    if rest[:1] == ['--invoke']:
        if len(rest) < 2:
            die('--invoke needs a name')
        invoke, rest = rest[1], rest[2:]
    with open(path, 'rb') as f:
        data = f.read()

    # From the bytes in memory to a runnable instance.
    w0, c0 = time.perf_counter_ns(), time.process_time_ns()
    config = wasmtime.Config()
    ffi.wasmtime_config_strategy_set(config.ptr(), STRATEGIES[strategy])
    engine = wasmtime.Engine(config)
    try:
        module = wasmtime.Module(engine, data)
    except wasmtime.WasmtimeError as e:
        die('invalid module: %s' % str(e).splitlines()[0])
    linker = wasmtime.Linker(engine)
    store = wasmtime.Store(engine)
    if invoke is None:
        linker.define_wasi()
        wasi = wasmtime.WasiConfig()
        wasi.argv = [path] + rest
        wasi.inherit_stdout()
        wasi.inherit_stderr()
        wasi.inherit_stdin()
        for host, guest in dirs:
            wasi.preopen_dir(host, guest)
        store.set_wasi(wasi)
    try:
        instance = linker.instantiate(store, module)
    except (wasmtime.WasmtimeError, wasmtime.Trap) as e:
        die('instantiation failed: %s' % str(e).splitlines()[0])
    name = invoke or '_start'
    func = instance.exports(store).get(name)
    if not isinstance(func, wasmtime.Func):
        die("no exported function '%s'" % name)
    compile_ms = (time.perf_counter_ns() - w0) / 1e6
    compile_cpu_ms = (time.process_time_ns() - c0) / 1e6

    exit_code, run_cpu_ms, run_wall_ms = 0, 0.0, 0.0
    if not compile_only:
        args = []
        if invoke is not None:
            params = func.type(store).params
            if len(params) != len(rest):
                die("'%s' takes %d arguments, %d given" % (name, len(params), len(rest)))
            args = [convert(t, s) for t, s in zip(params, rest)]
        result = None
        w1, c1 = time.perf_counter_ns(), time.thread_time_ns()
        try:
            result = func(store, *args)
        except wasmtime.ExitTrap as e:
            exit_code = e.code
        except (wasmtime.Trap, wasmtime.WasmtimeError) as e:
            sys.stdout.flush()
            sys.stderr.write("wasmtime_run: '%s' failed: %s\n" % (name, str(e).splitlines()[0]))
            exit_code = 1
        run_cpu_ms = (time.thread_time_ns() - c1) / 1e6
        run_wall_ms = (time.perf_counter_ns() - w1) / 1e6
        if invoke is not None and exit_code == 0 and result is not None:
            for r in result if isinstance(result, (list, tuple)) else [result]:
                print(r)
    sys.stdout.flush()
    sys.stderr.write('wasm-bench: {"engine": "wasmtime", "strategy": "%s", "compile_ms": %.3f, '
                     '"compile_cpu_ms": %.3f, "run_cpu_ms": %.3f, "run_wall_ms": %.3f, '
                     '"clock": "thread", "exit": %d}\n' % (
                         strategy, compile_ms, compile_cpu_ms, run_cpu_ms, run_wall_ms, exit_code))
    sys.stderr.flush()
    return exit_code


if __name__ == '__main__':
    sys.exit(main())

// node_run.js: the node (V8) peer of kiln's Wasm benchmark (bench/wasm/run.py).
//
//   node [V8 FLAGS] node_run.js [--compile-only] [--dir HOST[::GUEST]]... MODULE --invoke NAME [ARGS...]
//   node [V8 FLAGS] node_run.js [--compile-only] [--dir HOST[::GUEST]]... MODULE [ARGV...]
//
// The first form calls the export NAME with ARGS (converted to the parameter types read from
// the module's type section: i64 as BigInt) and prints each result on its own line, as
// `kiln run --invoke` does; the second runs the WASI command's `_start` through node:wasi
// (preview1) with argv = [MODULE, ARGV...] and the directories pre-opened (GUEST defaults to
// HOST). The program's output goes to stdout/stderr unchanged; the last line on stderr is the
// harness's one-line JSON, the same for every driver:
//
//   wasm-bench: {"engine": "node", "compile_ms": .., "compile_cpu_ms": .., "run_cpu_ms": ..,
//                "run_wall_ms": .., "clock": "thread", "exit": N}
//
// compile_ms: wall time from the bytes in memory to a runnable instance (synchronous
// `new WebAssembly.Module` + `new WebAssembly.Instance`); compile_cpu_ms: the CPU time of the
// whole process meanwhile (process.cpuUsage(): V8 compiles on background threads too).
// run_cpu_ms is the CPU time of the calling thread: node 18 has no API for it, so it is read
// from Linux's /proc/thread-self/schedstat (the thread's run time in ns, the same counter as
// CLOCK_THREAD_CPUTIME_ID; under qemu-user the guest thread is a host thread). Where that
// file is missing, run_cpu_ms falls back to process.cpuUsage() and "clock" says "process".
'use strict';
const fs = require('fs');

function die(msg) {
  process.stderr.write('node_run: ' + msg + '\n');
  process.exit(1);
}

// Reads the parameter and result types of the exported function `name` from the binary.
function exportSignature(bytes, name) {
  let p = 8;
  const u8 = () => bytes[p++];
  const leb = () => {
    let r = 0, shift = 0, b;
    do { b = bytes[p++]; r += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
    return r;
  };
  const str = () => { const n = leb(); const s = Buffer.from(bytes.subarray(p, p + n)).toString('utf8'); p += n; return s; };
  const limits = () => { const f = u8(); leb(); if (f & 1) leb(); };
  const types = [], funcs = [];
  let exportIndex = null;
  while (p < bytes.length) {
    const id = u8(), size = leb(), end = p + size;
    if (id === 1) {
      for (let n = leb(); n > 0; n--) {
        if (u8() !== 0x60) return null;
        const params = []; for (let k = leb(); k > 0; k--) params.push(u8());
        const results = []; for (let k = leb(); k > 0; k--) results.push(u8());
        types.push({ params, results });
      }
    } else if (id === 2) {
      for (let n = leb(); n > 0; n--) {
        str(); str();
        const kind = u8();
        if (kind === 0) funcs.push(leb());
        else if (kind === 1) { u8(); limits(); }
        else if (kind === 2) limits();
        else if (kind === 3) { u8(); u8(); }
        else leb();
      }
    } else if (id === 3) {
      for (let n = leb(); n > 0; n--) funcs.push(leb());
    } else if (id === 7) {
      for (let n = leb(); n > 0; n--) {
        const s = str(), kind = u8(), index = leb();
        if (kind === 0 && s === name) exportIndex = index;
      }
    }
    p = end;
  }
  return exportIndex === null ? null : types[funcs[exportIndex]];
}

function convert(type, s) {
  switch (type) {
    case 0x7e: return BigInt(s); // i64
    case 0x7f: return Number.parseInt(s, 10) | 0; // i32
    default: return Number(s); // f32, f64
  }
}

const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e3; };
const SCHEDSTAT = '/proc/thread-self/schedstat';
const threadClock = (() => { try { fs.readFileSync(SCHEDSTAT); return true; } catch (e) { return false; } })();
const threadCpuMs = threadClock
  ? () => Number(fs.readFileSync(SCHEDSTAT, 'latin1').split(' ')[0]) / 1e6
  : cpuMs;
const wallMs = () => Number(process.hrtime.bigint()) / 1e6;

function main() {
  const argv = process.argv.slice(2);
  let compileOnly = false, i = 0;
  const preopens = {};
  for (; i < argv.length && argv[i].startsWith('--'); i++) {
    if (argv[i] === '--compile-only') compileOnly = true;
    else if (argv[i] === '--dir' && i + 1 < argv.length) {
      const d = argv[++i], k = d.indexOf('::');
      if (k >= 0) preopens[d.slice(k + 2)] = d.slice(0, k); else preopens[d] = d;
    } else die('unknown option ' + argv[i]);
  }
  const path = argv[i++];
  if (!path) die('usage: node_run.js [options] MODULE [--invoke NAME] [ARGS...]');
  let invoke = null;
  if (argv[i] === '--invoke') { invoke = argv[i + 1]; i += 2; if (!invoke) die('--invoke needs a name'); }
  const rest = argv.slice(i);
  const bytes = fs.readFileSync(path);

  // From the bytes in memory to a runnable instance.
  const w0 = wallMs(), c0 = cpuMs();
  let wasi = null;
  const imports = {};
  if (!invoke) {
    const { WASI } = require('wasi');
    wasi = new WASI({ args: [path, ...rest], env: {}, preopens, returnOnExit: true });
    imports.wasi_snapshot_preview1 = wasi.wasiImport;
  }
  const module = new WebAssembly.Module(bytes);
  for (const imp of WebAssembly.Module.imports(module)) {
    if (!imports[imp.module]) die(`unresolved import ${imp.module}.${imp.name}`);
  }
  const instance = new WebAssembly.Instance(module, imports);
  const name = invoke || '_start';
  const f = instance.exports[name];
  if (typeof f !== 'function') die(`no exported function '${name}'`);
  const compileWall = wallMs() - w0, compileCpu = cpuMs() - c0;

  let exit = 0, runCpu = 0, runWall = 0;
  if (!compileOnly) {
    let args = [];
    if (invoke) {
      const sig = exportSignature(bytes, name);
      if (!sig) die(`cannot read the type of '${name}'`);
      if (sig.params.length !== rest.length) die(`'${name}' takes ${sig.params.length} arguments, ${rest.length} given`);
      args = rest.map((s, k) => convert(sig.params[k], s));
    }
    const w1 = wallMs(), c1 = threadCpuMs();
    let result;
    try {
      if (invoke) result = f(...args); else exit = wasi.start(instance) || 0;
    } catch (e) {
      process.stderr.write(`node_run: '${name}' failed: ${e && e.message || e}\n`);
      exit = 1;
    }
    runCpu = threadCpuMs() - c1;
    runWall = wallMs() - w1;
    if (invoke && exit === 0 && result !== undefined) {
      for (const r of Array.isArray(result) ? result : [result]) process.stdout.write(String(r) + '\n');
    }
  }
  const j = { engine: 'node', compile_ms: +compileWall.toFixed(3), compile_cpu_ms: +compileCpu.toFixed(3),
              run_cpu_ms: +runCpu.toFixed(3), run_wall_ms: +runWall.toFixed(3), clock: threadClock ? 'thread' : 'process', exit };
  process.stderr.write('wasm-bench: ' + JSON.stringify(j) + '\n');
  process.exitCode = exit;
}

main();

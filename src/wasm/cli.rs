//! `kiln run FILE.wasm|FILE.wat`: what the command does with a WebAssembly module, following
//! wasmtime's conventions: instantiate (running the start function), then call `_start` if
//! the module exports it, or the function `--invoke` names with the arguments after it,
//! printing each result on its own line. A module that imports WASI preview 1 gets it
//! ([`crate::wasm::wasi`]: the arguments after the file are its `argv`, `--dir` pre-opens
//! directories, `--env` sets variables), and `proc_exit`'s status becomes kiln's. Errors go
//! to stderr with status 1: an invalid module (wasmparser's reason and the byte offset), a
//! failed link, or a trap.

use std::fmt::Write as _;

use crate::wasm::runtime::{Extern, Store, StoreOptions, Val};
use crate::wasm::types::ValType;
use crate::wasm::wasi::{self, Wasi, WasiConfig};

/// Options of a Wasm run.
#[derive(Debug, Clone, Default)]
pub struct WasmOptions {
    pub store: StoreOptions,
    /// The export to call instead of `_start`, with its arguments.
    pub invoke: Option<String>,
    pub args: Vec<String>,
    pub stats: bool,
    pub print_code: bool,
    pub trace_tier: bool,
    /// Pre-opened directories (host path, name the program sees) and `KEY=VALUE`
    /// environment variables for a WASI program.
    pub dirs: Vec<(std::path::PathBuf, String)>,
    pub env: Vec<String>,
}

/// What a run printed and its exit status.
#[derive(Debug, Default)]
pub struct Outcome {
    pub stdout: String,
    pub stderr: String,
    pub status: i32,
}

/// Whether a file is a Wasm module by its name.
pub fn is_wasm_file(path: &str) -> bool {
    path.ends_with(".wasm") || path.ends_with(".wat")
}

fn parse_arg(ty: ValType, s: &str) -> Option<Val> {
    Some(match ty {
        ValType::I32 => Val::I32(
            s.parse::<i32>()
                .ok()
                .or_else(|| s.parse::<u32>().ok().map(|u| u as i32))?,
        ),
        ValType::I64 => Val::I64(
            s.parse::<i64>()
                .ok()
                .or_else(|| s.parse::<u64>().ok().map(|u| u as i64))?,
        ),
        ValType::F32 => Val::F32(s.parse::<f32>().ok()?.to_bits()),
        ValType::F64 => Val::F64(s.parse::<f64>().ok()?.to_bits()),
        ValType::FuncRef | ValType::ExternRef if s == "null" => Val::default_of(ty),
        _ => return None,
    })
}

/// Runs the module in `bytes` (named `path` in messages).
pub fn run_bytes(path: &str, bytes: &[u8], opts: &WasmOptions) -> Outcome {
    let mut out = Outcome::default();
    let mut store = Store::new(opts.store);
    store.set_listing(opts.print_code || opts.trace_tier);
    // A `.wasm` file is a binary module (a damaged header is an error at offset 0, not
    // text); anything else may be text.
    let decoded = if path.ends_with(".wasm") {
        crate::wasm::Module::from_binary(bytes)
    } else {
        crate::wasm::Module::from_any(bytes)
    };
    let loaded = match decoded.and_then(|m| store.compile(m)) {
        Ok(l) => l,
        Err(e) => {
            out.stderr = format!("kiln: {path}: invalid module: {e}\n");
            out.status = 1;
            return out;
        }
    };
    let listing = store.take_listing();
    if opts.print_code {
        out.stdout.push_str(&listing.code);
    }
    if opts.trace_tier {
        out.stderr.push_str(&listing.trace);
    }
    let result = run_loaded(path, &mut store, &loaded, opts, &mut out);
    if let Err(msg) = result {
        let _ = writeln!(out.stderr, "{msg}");
        out.status = 1;
    }
    if opts.stats {
        let s = store.stats;
        let secs = s.compile_nanos as f64 / 1e9;
        let _ = writeln!(
            out.stderr,
            "wasm: {} functions compiled ({} back end), {} bytes of Wasm code, {} operators, \
             {} bytes of machine code, compiled in {:.3} ms ({:.2} MB/s, {:.0} functions/s)",
            s.functions_compiled,
            store.backend().name,
            s.wasm_bytes,
            s.ops,
            s.code_bytes,
            secs * 1e3,
            if secs > 0.0 {
                s.wasm_bytes as f64 / secs / 1e6
            } else {
                0.0
            },
            if secs > 0.0 {
                s.functions_compiled as f64 / secs
            } else {
                0.0
            },
        );
    }
    out
}

fn run_loaded(
    path: &str,
    store: &mut Store,
    loaded: &crate::wasm::runtime::LoadedModule,
    opts: &WasmOptions,
    out: &mut Outcome,
) -> Result<(), String> {
    let wasi = if Wasi::imported_by(loaded.module()) {
        // argv: the module's path, then the arguments (those of `_start`; a `--invoke` call
        // takes its own arguments and the program sees only its name).
        let mut args = vec![path.to_string()];
        if opts.invoke.is_none() {
            args.extend(opts.args.iter().cloned());
        }
        let config = WasiConfig {
            args,
            env: opts.env.clone(),
            dirs: opts.dirs.clone(),
            capture: false,
        };
        Some(Wasi::new(&config).map_err(|e| format!("kiln: {e}"))?)
    } else {
        None
    };
    let wasi_imports = match &wasi {
        Some(w) => w
            .link(store, loaded.module())
            .map_err(|e| format!("kiln: {e}"))?,
        None => Default::default(),
    };
    let inst = store
        .instantiate(loaded, &mut |module, name| {
            (module == wasi::MODULE)
                .then(|| wasi_imports.get(name).copied())
                .flatten()
        })
        .map_err(|e| match e {
            // A trap prints the same whether the start function or `--invoke` ran into it.
            crate::wasm::runtime::InstantiateError::Trap(t) => t.to_string(),
            e => format!("kiln: {e}"),
        })?;
    if let Some(w) = &wasi {
        w.set_memory(match store.export(inst, "memory") {
            Some(Extern::Memory(m)) => Some(m),
            _ => None,
        });
    }
    let result = call_export(store, inst, opts, out, wasi.is_some());
    let Some(w) = wasi else {
        return result;
    };
    w.flush();
    match (result, w.exit_status()) {
        // `proc_exit` unwinds with a trap; its status is the run's.
        (_, Some(status)) => {
            out.status = status;
            Ok(())
        }
        (r, None) => r,
    }
}

/// Calls `_start` (or `--invoke`'s export) of instance `inst` and prints its results.
fn call_export(
    store: &mut Store,
    inst: crate::wasm::runtime::InstanceId,
    opts: &WasmOptions,
    out: &mut Outcome,
    wasi: bool,
) -> Result<(), String> {
    let (name, explicit) = match &opts.invoke {
        Some(n) => (n.as_str(), true),
        None => ("_start", false),
    };
    let f = match store.export(inst, name) {
        Some(Extern::Func(f)) => f,
        Some(_) => return Err(format!("kiln: export '{name}' is not a function")),
        None if explicit => return Err(format!("kiln: no exported function '{name}'")),
        None => return Ok(()),
    };
    let ty = store.func_type(f).clone();
    let args_given = if wasi && !explicit {
        0
    } else {
        opts.args.len()
    };
    if args_given != ty.params.len() {
        return Err(format!(
            "kiln: '{name}' takes {} arguments ({ty}), {} given",
            ty.params.len(),
            args_given
        ));
    }
    let mut args = Vec::new();
    for (s, &t) in opts.args.iter().take(args_given).zip(&ty.params) {
        args.push(parse_arg(t, s).ok_or_else(|| format!("kiln: invalid {t} argument '{s}'"))?);
    }
    let (cpu0, wall0) = (thread_cpu_nanos(), std::time::Instant::now());
    let result = store.call(f, &args);
    let (cpu, wall) = (thread_cpu_nanos() - cpu0, wall0.elapsed());
    if opts.stats {
        let _ = writeln!(
            out.stderr,
            "wasm: '{name}' ran in {:.3} ms of CPU time ({:.3} ms wall)",
            cpu as f64 / 1e6,
            wall.as_secs_f64() * 1e3
        );
    }
    match result {
        Ok(results) => {
            for r in results {
                let _ = writeln!(out.stdout, "{r}");
            }
            Ok(())
        }
        Err(t) => Err(t.to_string()),
    }
}

/// CPU time of the calling thread in nanoseconds (steadier than wall time on a busy
/// machine; 0 where the clock is missing).
fn thread_cpu_nanos() -> u64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes the timespec it is given.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    if rc != 0 {
        return 0;
    }
    ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64
}

/// Runs the module file at `path`.
pub fn run_file(path: &str, opts: &WasmOptions) -> Outcome {
    match std::fs::read(path) {
        Ok(bytes) => run_bytes(path, &bytes, opts),
        Err(e) => Outcome {
            stderr: format!("kiln: cannot read {path}: {e}\n"),
            status: 1,
            ..Outcome::default()
        },
    }
}

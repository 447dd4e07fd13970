//! wasmi-run: the wasmi peer of kiln's Wasm benchmark (bench/wasm/run.py).
//!
//!   wasmi-run [--compile-only] [--eager] [--dir HOST[::GUEST]]... MODULE --invoke NAME [ARGS...]
//!   wasmi-run [--compile-only] [--eager] [--dir HOST[::GUEST]]... MODULE [ARGV...]
//!
//! The first form calls the export NAME with integer or float ARGS and prints each result on
//! its own line (as `kiln run --invoke` does); the second runs the WASI command's `_start` with
//! argv = [MODULE, ARGV...] and the directories pre-opened (GUEST defaults to HOST). The
//! program's own output goes to stdout/stderr unchanged; the last line on stderr is the
//! harness's one-line JSON, the same for every driver:
//!
//!   wasm-bench: {"engine": "wasmi", "compile_ms": .., "compile_cpu_ms": .., "run_cpu_ms": ..,
//!                "run_wall_ms": .., "clock": "thread", "exit": N}
//!
//! compile_ms is the wall time from the module's bytes in memory to a runnable instance
//! (validation, translation, linking, instantiation) and compile_cpu_ms the process's CPU time
//! meanwhile (CLOCK_PROCESS_CPUTIME_ID); run_cpu_ms is the calling thread's CPU time over the
//! call (CLOCK_THREAD_CPUTIME_ID). wasmi translates lazily by default (functions on first call);
//! `--eager` translates every function up front. Exit status: the WASI exit code, 0 after a
//! successful `--invoke`, 1 on a trap or error. wasmi's call-depth and value-stack limits are
//! raised (100,000 calls, 64 MiB) so that deep recursion runs as on the other engines.

use std::time::Instant;

use wasmi::{CompilationMode, Config, Engine, Func, Linker, Module, Store, Val};
use wasmi_wasi::{ambient_authority, Dir, WasiCtx, WasiCtxBuilder};

#[repr(C)]
struct Timespec {
    tv_sec: i64,
    tv_nsec: i64,
}

extern "C" {
    fn clock_gettime(clock: i32, ts: *mut Timespec) -> i32;
}

const CLOCK_PROCESS_CPUTIME_ID: i32 = 2;
const CLOCK_THREAD_CPUTIME_ID: i32 = 3;

/// CPU time of the calling thread, in nanoseconds.
fn thread_cpu_ns() -> u64 {
    cpu_ns(CLOCK_THREAD_CPUTIME_ID)
}

/// CPU time of the process (all threads), in nanoseconds.
fn process_cpu_ns() -> u64 {
    cpu_ns(CLOCK_PROCESS_CPUTIME_ID)
}

fn cpu_ns(clock: i32) -> u64 {
    let mut ts = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes only the timespec it is given.
    unsafe { clock_gettime(clock, &mut ts) };
    ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64
}

fn ms(ns: u64) -> f64 {
    ns as f64 / 1e6
}

fn die(msg: String) -> ! {
    eprintln!("wasmi-run: {msg}");
    std::process::exit(1);
}

fn parse_arg(ty: &wasmi::ValType, s: &str) -> Val {
    use wasmi::ValType as T;
    let parsed = match ty {
        T::I32 => s.parse::<i32>().ok().map(Val::I32),
        T::I64 => s.parse::<i64>().ok().map(Val::I64),
        T::F32 => s.parse::<f32>().ok().map(|x| Val::F32(x.into())),
        T::F64 => s.parse::<f64>().ok().map(|x| Val::F64(x.into())),
        _ => None,
    };
    parsed.unwrap_or_else(|| die(format!("invalid {ty:?} argument '{s}'")))
}

fn show(v: &Val) -> String {
    match v {
        Val::I32(x) => x.to_string(),
        Val::I64(x) => x.to_string(),
        Val::F32(x) => f32::from(*x).to_string(),
        Val::F64(x) => f64::from(*x).to_string(),
        other => format!("{other:?}"),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut compile_only = false;
    let mut eager = false;
    let mut dirs: Vec<(String, String)> = Vec::new();
    let mut i = 0;
    while i < args.len() && args[i].starts_with("--") {
        match args[i].as_str() {
            "--compile-only" => compile_only = true,
            "--eager" => eager = true,
            "--dir" => {
                i += 1;
                let d = args.get(i).unwrap_or_else(|| die("--dir needs a directory".into()));
                let (host, guest) = match d.split_once("::") {
                    Some((h, g)) => (h.to_string(), g.to_string()),
                    None => (d.clone(), d.clone()),
                };
                dirs.push((host, guest));
            }
            o => die(format!("unknown option {o}")),
        }
        i += 1;
    }
    let path = args
        .get(i)
        .unwrap_or_else(|| die("usage: wasmi-run [options] MODULE [--invoke NAME] [ARGS...]".into()));
    let rest = &args[i + 1..];
    let invoke = if rest.first().map(String::as_str) == Some("--invoke") {
        Some(rest.get(1).unwrap_or_else(|| die("--invoke needs a name".into())).clone())
    } else {
        None
    };
    let call_args: &[String] = if invoke.is_some() { &rest[2..] } else { rest };
    let bytes = std::fs::read(path).unwrap_or_else(|e| die(format!("cannot read {path}: {e}")));

    // From the bytes in memory to a runnable instance.
    let (w0, c0) = (Instant::now(), process_cpu_ns());
    let mut config = Config::default();
    // wasmi's defaults stop at 1000 nested calls; tests/wasi's `recursion` goes ~2,800 deep
    // (the other engines' default stacks hold that), so the limits are raised.
    config.set_max_recursion_depth(100_000).set_max_stack_height(64 << 20);
    if eager {
        config.compilation_mode(CompilationMode::Eager);
    }
    let engine = Engine::new(&config);
    let module = Module::new(&engine, &bytes).unwrap_or_else(|e| die(format!("invalid module: {e}")));
    let mut linker = <Linker<WasiCtx>>::new(&engine);
    let mut builder = WasiCtxBuilder::new();
    builder.inherit_stdio();
    if invoke.is_none() {
        let mut argv = vec![path.clone()];
        argv.extend(call_args.iter().cloned());
        builder.args(&argv).unwrap_or_else(|e| die(format!("argv: {e}")));
    }
    for (host, guest) in &dirs {
        let dir = Dir::open_ambient_dir(host, ambient_authority())
            .unwrap_or_else(|e| die(format!("cannot open directory {host}: {e}")));
        builder
            .preopened_dir(dir, guest)
            .unwrap_or_else(|e| die(format!("cannot pre-open {host}: {e}")));
    }
    let wasi = builder.build();
    wasmi_wasi::add_to_linker(&mut linker, |ctx| ctx).unwrap_or_else(|e| die(format!("WASI: {e}")));
    let mut store = Store::new(&engine, wasi);
    let instance = linker
        .instantiate_and_start(&mut store, &module)
        .unwrap_or_else(|e| die(format!("instantiation failed: {e}")));
    let name = invoke.clone().unwrap_or_else(|| "_start".to_string());
    let func: Func = instance
        .get_func(&store, &name)
        .unwrap_or_else(|| die(format!("no exported function '{name}'")));
    let (compile_wall, compile_cpu) = (w0.elapsed(), process_cpu_ns() - c0);

    let mut exit = 0;
    let (mut run_cpu, mut run_wall) = (0u64, 0.0f64);
    if !compile_only {
        let ty = func.ty(&store);
        let params: Vec<Val> = if invoke.is_some() {
            if ty.params().len() != call_args.len() {
                die(format!("'{name}' takes {} arguments, {} given", ty.params().len(), call_args.len()));
            }
            ty.params().iter().zip(call_args).map(|(t, s)| parse_arg(t, s)).collect()
        } else {
            Vec::new()
        };
        let mut results: Vec<Val> = ty.results().iter().map(|t| Val::default_for_ty(*t)).collect();
        let (w1, c1) = (Instant::now(), thread_cpu_ns());
        let outcome = func.call(&mut store, &params, &mut results);
        run_cpu = thread_cpu_ns() - c1;
        run_wall = w1.elapsed().as_secs_f64() * 1e3;
        match outcome {
            Ok(()) => {
                for r in &results {
                    println!("{}", show(r));
                }
            }
            Err(e) => match e.i32_exit_status() {
                Some(status) => exit = status,
                None => {
                    eprintln!("wasmi-run: '{name}' failed: {e}");
                    exit = 1;
                }
            },
        }
    }
    use std::io::Write;
    let _ = std::io::stdout().flush();
    eprintln!(
        "wasm-bench: {{\"engine\": \"wasmi\", \"compile_ms\": {:.3}, \"compile_cpu_ms\": {:.3}, \
         \"run_cpu_ms\": {:.3}, \"run_wall_ms\": {:.3}, \"clock\": \"thread\", \"exit\": {}}}",
        compile_wall.as_secs_f64() * 1e3,
        ms(compile_cpu),
        ms(run_cpu),
        run_wall,
        exit
    );
    std::process::exit(exit);
}

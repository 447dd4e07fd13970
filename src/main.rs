//! The `kiln` command: runs JavaScript files (CommonJS, node-style) with the kiln engine,
//! or, with no file, a REPL (stdin a terminal, or `-i`) or the program on stdin.

use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;

use kiln::js::Options;
use kiln::{run_file, run_source};

const HELP: &str = "\
kiln — a JavaScript engine (register bytecode interpreter + AArch64/x86-64 baseline JIT)

Usage:
  kiln                         start a REPL (as node's) when stdin is a terminal, else run
                               the program read from stdin
  kiln -i, --interactive       start the REPL even when stdin is not a terminal
  kiln run FILE.js [ARGS...]   run a program (ARGS are visible in process.argv)
  kiln FILE.js [ARGS...]       same as `kiln run`
  kiln -e CODE                 run CODE as a program
  kiln run FILE.wasm|FILE.wat [ARGS...]
                               instantiate a WebAssembly module and run its `_start`
                               (WASI programs get ARGS as their argv)
  kiln run FILE.wat --invoke NAME [ARGS...]
                               call the exported function NAME, print its results

WebAssembly options (before the file, or --invoke right after it):
  --invoke NAME      call NAME with the arguments after the file instead of `_start`
  --dir DIR[::NAME]  let a WASI program reach directory DIR (it sees it as NAME, default
                     DIR); nothing outside the directories given is reachable
  --env KEY=VALUE    set an environment variable for a WASI program (none by default)
  --bounds-checks    check every memory access explicitly (instead of guard pages)
  --stats, --print-code, --trace-tier, --jit-isa ISA: as for JavaScript

Options (before the file):
  --print-bytecode   print each compiled function's bytecode before running
  --stats            print execution statistics to stderr at exit
  --gc-stress        collect garbage at every allocation safepoint (slow; for testing)
  --expose-gc        define a global gc() that collects garbage at once (as node's)
  --jit              turn the JIT on (the default only where its code runs natively)
  --jit-threshold N  turn the JIT on, compiling functions after N calls or loop back-edges
                     (0 = before their first run; default: 100 calls, 1000 back-edges)
  --no-jit           run only the interpreter (overrides --jit and --jit-threshold)
  --jit-isa ISA      turn the JIT on, compiling to ISA: aarch64 or x86_64 (default: the
                     host's; on x86-64 hosts `--jit-isa aarch64` runs AArch64 code in Unicorn)
  --script           run the file as a classic Script (top-level var and function
                     declarations are global object properties; `this` is the global)
  --test262-host     install the test262 host globals `print` and `$262`
  --deopt-stress     compiled code deoptimizes at every guard it passes (testing)
  --print-code       print each compiled function's machine code under its bytecode
  --trace-tier       print a line to stderr per tier-up, OSR entry, deopt and recompile
  -h, --help         show this help (and how this build runs the JIT)
  -V, --version      show the version
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut opts = Options {
        stream: true,
        ..Options::default()
    };
    let mut i = 0;
    let mut code: Option<String> = None;
    let mut invoke: Option<String> = None;
    let mut bounds_checks = false;
    let mut wasi = WasiArgs::default();
    let mut interactive = false;
    while i < args.len() {
        match args[i].as_str() {
            "-h" | "--help" => {
                print!("{HELP}");
                println!("\n{}", kiln::jit::describe());
                return ExitCode::SUCCESS;
            }
            "-V" | "--version" => {
                println!("kiln {}", env!("CARGO_PKG_VERSION"));
                return ExitCode::SUCCESS;
            }
            "--print-bytecode" => opts.print_bytecode = true,
            "--stats" => opts.stats = true,
            "--gc-stress" => opts.gc_stress = true,
            "--expose-gc" => opts.expose_gc = true,
            "--no-jit" => opts.jit = Some(false),
            "--jit" => opts.jit = Some(opts.jit != Some(false)),
            "--trace-tier" => opts.trace_tier = true,
            "--deopt-stress" => opts.deopt_stress = true,
            "--print-code" => opts.print_code = true,
            "--jit-threshold" => {
                i += 1;
                match args.get(i).and_then(|n| n.parse::<u32>().ok()) {
                    Some(n) => opts.jit_threshold = Some(n),
                    None => return usage("--jit-threshold needs a number"),
                }
            }
            "--jit-isa" => {
                i += 1;
                let Some(name) = args.get(i) else {
                    return usage("--jit-isa needs an ISA (aarch64 or x86_64)");
                };
                match kiln::jit::backend::parse_isa(name) {
                    Ok(isa) => opts.jit_isa = Some(isa),
                    Err(e) => return usage(&e),
                }
            }
            "-e" | "--eval" => {
                i += 1;
                match args.get(i) {
                    Some(c) => code = Some(c.clone()),
                    None => return usage("-e needs an argument"),
                }
            }
            "--script" => opts.script = true,
            "-i" | "--interactive" => interactive = true,
            "--bounds-checks" => bounds_checks = true,
            "--invoke" => {
                i += 1;
                match args.get(i) {
                    Some(n) => invoke = Some(n.clone()),
                    None => return usage("--invoke needs a function name"),
                }
            }
            "--dir" => {
                i += 1;
                let Some(d) = args.get(i) else {
                    return usage("--dir needs a directory");
                };
                let (host, guest) = d.split_once("::").unwrap_or((d, d));
                wasi.dirs.push((host.into(), guest.to_string()));
            }
            "--env" => {
                i += 1;
                match args.get(i) {
                    Some(kv) if kv.contains('=') => wasi.env.push(kv.clone()),
                    _ => return usage("--env needs KEY=VALUE"),
                }
            }
            "--test262-host" => opts.test262_host = true,
            "run" => {}
            s if s.starts_with('-') => return usage(&format!("unknown option {s}")),
            _ => break,
        }
        i += 1;
    }
    if code.is_none()
        && args
            .get(i)
            .is_some_and(|f| kiln::wasm::cli::is_wasm_file(f))
    {
        return run_wasm(&args[i], &args[i + 1..], &opts, invoke, bounds_checks, wasi);
    }
    let outcome = if let Some(c) = code {
        run_source(&c, "[eval]", &args[i..], &opts)
    } else {
        let Some(file) = args.get(i) else {
            return without_file(&opts, interactive);
        };
        run_file(file, &args[i + 1..], &opts)
    };
    report(outcome)
}

/// Writes a JavaScript run's captured output; its status is the exit code.
fn report(outcome: kiln::js::Outcome) -> ExitCode {
    let _ = std::io::stdout().write_all(&outcome.stdout);
    let _ = std::io::stderr().write_all(&outcome.stderr);
    let _ = std::io::stdout().flush();
    ExitCode::from(outcome.status.clamp(0, 255) as u8)
}

/// No file and no `-e`: the REPL when asked for or when stdin is a terminal, else the
/// program read from stdin (named `[stdin]`, as node does).
fn without_file(opts: &Options, interactive: bool) -> ExitCode {
    let stdin = std::io::stdin();
    if interactive || stdin.is_terminal() {
        let status = kiln::repl::run(opts, stdin.is_terminal());
        let _ = std::io::stdout().flush();
        return ExitCode::from(status.clamp(0, 255) as u8);
    }
    let mut bytes = Vec::new();
    if let Err(e) = stdin.lock().read_to_end(&mut bytes) {
        eprintln!("kiln: cannot read stdin: {e}");
        return ExitCode::from(1);
    }
    let text = String::from_utf8_lossy(&bytes);
    let src = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
    report(run_source(src, "[stdin]", &[], opts))
}

/// WASI options of a Wasm run.
#[derive(Default)]
struct WasiArgs {
    dirs: Vec<(std::path::PathBuf, String)>,
    env: Vec<String>,
}

/// Runs a WebAssembly module: `rest` is what follows the file (`--invoke NAME`, then the
/// arguments: the export's, or the WASI program's argv, passed as they are).
fn run_wasm(
    file: &str,
    rest: &[String],
    opts: &Options,
    mut invoke: Option<String>,
    bounds_checks: bool,
    wasi: WasiArgs,
) -> ExitCode {
    let mut rest = rest;
    if rest.first().is_some_and(|a| a == "--invoke") {
        match rest.get(1) {
            Some(n) => invoke = Some(n.clone()),
            None => return usage("--invoke needs a function name"),
        }
        rest = &rest[2..];
    }
    let args = rest.to_vec();
    let wopts = kiln::wasm::cli::WasmOptions {
        store: kiln::wasm::runtime::StoreOptions {
            isa: opts.jit_isa,
            bounds_checks,
        },
        invoke,
        args,
        stats: opts.stats,
        print_code: opts.print_code,
        trace_tier: opts.trace_tier,
        dirs: wasi.dirs,
        env: wasi.env,
    };
    let outcome = kiln::wasm::cli::run_file(file, &wopts);
    let _ = std::io::stdout().write_all(outcome.stdout.as_bytes());
    let _ = std::io::stderr().write_all(outcome.stderr.as_bytes());
    let _ = std::io::stdout().flush();
    ExitCode::from(outcome.status.clamp(0, 255) as u8)
}

fn usage(msg: &str) -> ExitCode {
    eprintln!("kiln: {msg} (see `kiln --help`)");
    ExitCode::from(2)
}

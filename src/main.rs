//! The `kiln` command: runs JavaScript files (CommonJS, node-style) with the kiln engine.

use std::io::Write;
use std::process::ExitCode;

use kiln::js::Options;
use kiln::{run_file, run_source};

const HELP: &str = "\
kiln — a JavaScript engine (register bytecode interpreter + AArch64/x86-64 baseline JIT)

Usage:
  kiln run FILE.js [ARGS...]   run a program (ARGS are visible in process.argv)
  kiln FILE.js [ARGS...]       same as `kiln run`
  kiln -e CODE                 run CODE as a program

Options (before the file):
  --print-bytecode   print each compiled function's bytecode before running
  --stats            print execution statistics to stderr at exit
  --gc-stress        collect garbage at every allocation safepoint (slow; for testing)
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
            "--test262-host" => opts.test262_host = true,
            "run" => {}
            s if s.starts_with('-') => return usage(&format!("unknown option {s}")),
            _ => break,
        }
        i += 1;
    }
    let outcome = if let Some(c) = code {
        run_source(&c, "[eval]", &args[i..], &opts)
    } else {
        let Some(file) = args.get(i) else {
            return usage("no input file");
        };
        run_file(file, &args[i + 1..], &opts)
    };
    let _ = std::io::stdout().write_all(&outcome.stdout);
    let _ = std::io::stderr().write_all(&outcome.stderr);
    let _ = std::io::stdout().flush();
    ExitCode::from(outcome.status.clamp(0, 255) as u8)
}

fn usage(msg: &str) -> ExitCode {
    eprintln!("kiln: {msg} (see `kiln --help`)");
    ExitCode::from(2)
}

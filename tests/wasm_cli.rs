//! `kiln run FILE.wasm|FILE.wat`: the built binary on small modules written to a temporary
//! directory, with literal expected stdout, stderr and exit status. `--invoke` after or
//! before the file; i32/i64/f32/f64 arguments and results (printed like `wasmtime run
//! --invoke`); `_start` when there is no `--invoke`; traps (message, location line, status
//! 1), in the start function too; invalid modules (binary and text); unknown exports, wrong
//! argument counts and bad arguments; `--stats`, `--print-code`, `--trace-tier`,
//! `--bounds-checks`; and the same output under `--jit-isa` for every back end this build
//! runs.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use kiln::jit::backend;
use pretty_assertions::assert_eq;

#[path = "support/kiln_bin.rs"]
mod kiln_bin;
use kiln_bin::kiln_command;

const ADD_WAT: &str = r#"(module
  (func $add (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
  (func (export "add64") (param i64 i64) (result i64) (i64.add (local.get 0) (local.get 1)))
  (func (export "half") (param f64) (result f64) (f64.div (local.get 0) (f64.const 2)))
  (func (export "neg32") (param f32) (result f32) (f32.neg (local.get 0)))
  (func (export "pair") (param i32) (result i32 i64) (local.get 0) (i64.extend_i32_s (local.get 0)))
  (func $div (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
  (func (export "nothing"))
  (global (export "g") i32 (i32.const 1)))
"#;

/// Files of the temporary directory: name and contents.
fn files() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("add.wat", ADD_WAT.into()),
        ("add.wasm", wat::parse_str(ADD_WAT).expect("add.wat")),
        // `_start` runs without `--invoke` (it traps, which shows it ran).
        (
            "start.wat",
            br#"(module
  (func (export "_start") (drop (i32.div_u (i32.const 1) (i32.const 0))))
  (func (export "seven") (result i32) (i32.const 7)))"#
                .into(),
        ),
        (
            "quiet_start.wat",
            br#"(module (func (export "_start")))"#.into(),
        ),
        (
            "no_start.wat",
            br#"(module (func (export "f") (unreachable)))"#.into(),
        ),
        // A start function (the section) runs while instantiating.
        (
            "start_section.wat",
            br#"(module (func $s (unreachable)) (start $s) (func (export "f")))"#.into(),
        ),
        // A function of an unknown type.
        ("bad.wasm", b"\0asm\x01\0\0\0\x03\x02\x01\x00".into()),
        ("truncated.wasm", b"\0asm\x01\0".into()),
        ("invalid.wat", b"(module (func (result i32)))".into()),
        ("syntax.wat", b"(modul)".into()),
    ]
}

/// What a stream must be.
#[derive(Clone, Copy)]
enum Text {
    Exact(&'static str),
    /// Starts with this; ends with the second string.
    Around(&'static str, &'static str),
}

/// One run: arguments after `kiln` (`{dir}` is the temporary directory; `{isa}` options
/// go first), then stdout, stderr, exit status.
struct Case {
    args: &'static [&'static str],
    stdout: Text,
    stderr: Text,
    status: i32,
}

const fn case(
    args: &'static [&'static str],
    stdout: &'static str,
    stderr: &'static str,
    status: i32,
) -> Case {
    Case {
        args,
        stdout: Text::Exact(stdout),
        stderr: Text::Exact(stderr),
        status,
    }
}

/// Runs kiln; (stdout, stderr, status).
fn kiln(args: &[String]) -> (String, String, i32) {
    let out = kiln_command().args(args).output().expect("kiln runs");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

/// A fresh temporary directory holding [`files`], removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> TempDir {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "kiln-wasm-cli-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir).expect("temporary directory");
        for (name, bytes) in files() {
            std::fs::write(dir.join(name), bytes).expect("temporary file");
        }
        TempDir(dir)
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Whether `actual` is what `want` says (with `{dir}` replaced).
fn render(want: Text, actual: &str, dir: &str) -> String {
    match want {
        Text::Exact(s) => s.replace("{dir}", dir),
        Text::Around(start, end) => {
            let (start, end) = (start.replace("{dir}", dir), end.replace("{dir}", dir));
            if actual.starts_with(&start)
                && actual.ends_with(&end)
                && actual.len() >= start.len() + end.len()
            {
                actual.to_string()
            } else {
                format!("{start}[...]{end}")
            }
        }
    }
}

/// Runs every case with each of `isa_args`, comparing stdout, stderr and status.
fn check(cases: &[Case], isa_args: &[Vec<String>]) {
    let tmp = TempDir::new();
    let dir = tmp
        .path()
        .to_str()
        .expect("UTF-8 temporary path")
        .to_string();
    let (mut expected, mut actual) = (Vec::new(), Vec::new());
    for isa in isa_args {
        for c in cases {
            let mut args: Vec<String> = Vec::new();
            let mut rest = c.args.iter().map(|a| a.replace("{dir}", &dir));
            // `run` first, then the ISA options, then the rest.
            args.extend(rest.next());
            args.extend(isa.iter().cloned());
            args.extend(rest);
            let label = format!("kiln {}", args.join(" ")).replace(&dir, "{dir}");
            let (out, err, status) = kiln(&args);
            expected.push(format!(
                "{label}\n  status {}\n  stdout {:?}\n  stderr {:?}",
                c.status,
                render(c.stdout, &out, &dir),
                render(c.stderr, &err, &dir),
            ));
            actual.push(format!(
                "{label}\n  status {status}\n  stdout {out:?}\n  stderr {err:?}"
            ));
        }
    }
    assert_eq!(expected, actual);
}

/// No ISA option (the default back end), then `--jit-isa` for every back end this build
/// runs (x86_64 only on x86-64 hosts).
fn all_isas() -> Vec<Vec<String>> {
    let mut v = vec![vec![]];
    for be in backend::available() {
        v.push(vec!["--jit-isa".to_string(), be.isa.name().to_string()]);
    }
    v
}

#[test]
fn invoke_and_results() {
    const CASES: &[Case] = &[
        case(
            &["run", "{dir}/add.wat", "--invoke", "add", "1", "2"],
            "3\n",
            "",
            0,
        ),
        // `--invoke` before the file.
        case(
            &["run", "--invoke", "add", "{dir}/add.wat", "1", "2"],
            "3\n",
            "",
            0,
        ),
        case(
            &["run", "{dir}/add.wasm", "--invoke", "add", "1", "2"],
            "3\n",
            "",
            0,
        ),
        case(
            &["run", "{dir}/add.wat", "--invoke", "add", "-5", "2"],
            "-3\n",
            "",
            0,
        ),
        // An i32 argument may be written unsigned.
        case(
            &["run", "{dir}/add.wat", "--invoke", "add", "4294967295", "0"],
            "-1\n",
            "",
            0,
        ),
        case(
            &["run", "{dir}/add.wat", "--invoke", "add", "2147483647", "1"],
            "-2147483648\n",
            "",
            0,
        ),
        case(
            &[
                "run",
                "{dir}/add.wat",
                "--invoke",
                "add64",
                "9223372036854775807",
                "1",
            ],
            "-9223372036854775808\n",
            "",
            0,
        ),
        case(
            &[
                "run",
                "{dir}/add.wasm",
                "--invoke",
                "add64",
                "18446744073709551615",
                "-4",
            ],
            "-5\n",
            "",
            0,
        ),
        case(
            &["run", "{dir}/add.wat", "--invoke", "half", "5"],
            "2.5\n",
            "",
            0,
        ),
        case(
            &["run", "{dir}/add.wat", "--invoke", "half", "-3"],
            "-1.5\n",
            "",
            0,
        ),
        // Printed as Rust's `{}` prints an f64 (as wasmtime does): no exponent.
        case(
            &["run", "{dir}/add.wat", "--invoke", "half", "1e21"],
            "500000000000000000000\n",
            "",
            0,
        ),
        case(
            &["run", "{dir}/add.wat", "--invoke", "half", "-0"],
            "-0\n",
            "",
            0,
        ),
        case(
            &["run", "{dir}/add.wat", "--invoke", "half", "inf"],
            "inf\n",
            "",
            0,
        ),
        case(
            &["run", "{dir}/add.wat", "--invoke", "half", "nan"],
            "NaN\n",
            "",
            0,
        ),
        case(
            &["run", "{dir}/add.wat", "--invoke", "half", "7"],
            "3.5\n",
            "",
            0,
        ),
        case(
            &["run", "{dir}/add.wat", "--invoke", "neg32", "1.5"],
            "-1.5\n",
            "",
            0,
        ),
        case(
            &["run", "{dir}/add.wat", "--invoke", "neg32", "0.1"],
            "-0.1\n",
            "",
            0,
        ),
        case(
            &["run", "{dir}/add.wasm", "--invoke", "neg32", "-16777216"],
            "16777216\n",
            "",
            0,
        ),
        // Several results: one a line.
        case(
            &["run", "{dir}/add.wat", "--invoke", "pair", "-7"],
            "-7\n-7\n",
            "",
            0,
        ),
        case(&["run", "{dir}/add.wat", "--invoke", "nothing"], "", "", 0),
        // Explicit bounds checks change nothing here.
        case(
            &[
                "run",
                "--bounds-checks",
                "{dir}/add.wat",
                "--invoke",
                "add",
                "1",
                "2",
            ],
            "3\n",
            "",
            0,
        ),
    ];
    check(CASES, &all_isas());
}

#[test]
fn start_and_traps() {
    const CASES: &[Case] = &[
        // `_start` runs when there is no `--invoke`.
        case(
            &["run", "{dir}/start.wat"],
            "",
            "wasm trap: integer divide by zero\n    at function 0, byte offset 0x34\n",
            1,
        ),
        // With `--invoke`, only the named function runs.
        case(
            &["run", "{dir}/start.wat", "--invoke", "seven"],
            "7\n",
            "",
            0,
        ),
        case(&["run", "{dir}/quiet_start.wat"], "", "", 0),
        // Neither `_start` nor `--invoke`: instantiating is all.
        case(&["run", "{dir}/no_start.wat"], "", "", 0),
        case(
            &["run", "{dir}/add.wat", "--invoke", "div", "1", "0"],
            "",
            "wasm trap: integer divide by zero\n    at function 5 (div), byte offset 0xad\n",
            1,
        ),
        case(
            &[
                "run",
                "{dir}/add.wasm",
                "--invoke",
                "div",
                "-2147483648",
                "-1",
            ],
            "",
            "wasm trap: integer overflow\n    at function 5 (div), byte offset 0xad\n",
            1,
        ),
        case(
            &["run", "{dir}/add.wat", "--invoke", "div", "7", "-2"],
            "-3\n",
            "",
            0,
        ),
        case(
            &["run", "{dir}/start_section.wat", "--invoke", "f"],
            "",
            "wasm trap: unreachable\n    at function 0 (s), byte offset 0x22\n",
            1,
        ),
    ];
    check(CASES, &all_isas());
}

#[test]
fn errors() {
    const CASES: &[Case] = &[
        case(
            &["run", "{dir}/bad.wasm"],
            "",
            "kiln: {dir}/bad.wasm: invalid module: unknown type 0: type index out of bounds \
             (at byte offset 0xb)\n",
            1,
        ),
        case(
            &["run", "{dir}/truncated.wasm", "--invoke", "f"],
            "",
            "kiln: {dir}/truncated.wasm: invalid module: unexpected end-of-file (at byte offset 0x4)\n",
            1,
        ),
        case(
            &["run", "{dir}/invalid.wat"],
            "",
            "kiln: {dir}/invalid.wat: invalid module: type mismatch: expected i32 but nothing on \
             stack (at byte offset 0x18)\n",
            1,
        ),
        case(
            &["run", "{dir}/syntax.wat"],
            "",
            "kiln: {dir}/syntax.wat: invalid module: expected valid module field\n     --> \
             <anon>:1:2\n      |\n    1 | (modul)\n      |  ^\n",
            1,
        ),
        case(
            &["run", "{dir}/missing.wasm"],
            "",
            "kiln: cannot read {dir}/missing.wasm: No such file or directory (os error 2)\n",
            1,
        ),
        case(
            &["run", "{dir}/add.wat", "--invoke", "nope"],
            "",
            "kiln: no exported function 'nope'\n",
            1,
        ),
        case(
            &["run", "{dir}/add.wat", "--invoke", "g"],
            "",
            "kiln: export 'g' is not a function\n",
            1,
        ),
        case(
            &["run", "{dir}/add.wat", "--invoke", "add", "1"],
            "",
            "kiln: 'add' takes 2 arguments ([i32 i32] -> [i32]), 1 given\n",
            1,
        ),
        case(
            &["run", "{dir}/add.wat", "--invoke", "add", "1", "2", "3"],
            "",
            "kiln: 'add' takes 2 arguments ([i32 i32] -> [i32]), 3 given\n",
            1,
        ),
        case(
            &["run", "{dir}/add.wat", "--invoke", "nothing", "1"],
            "",
            "kiln: 'nothing' takes 0 arguments ([] -> []), 1 given\n",
            1,
        ),
        case(
            &["run", "{dir}/add.wat", "--invoke", "add", "1", "x"],
            "",
            "kiln: invalid i32 argument 'x'\n",
            1,
        ),
        case(
            &["run", "{dir}/add.wat", "--invoke", "add", "1", "4294967296"],
            "",
            "kiln: invalid i32 argument '4294967296'\n",
            1,
        ),
        case(
            &["run", "{dir}/add.wat", "--invoke", "add64", "1", "2.5"],
            "",
            "kiln: invalid i64 argument '2.5'\n",
            1,
        ),
        // Usage errors: status 2.
        case(
            &["run", "{dir}/add.wat", "--invoke"],
            "",
            "kiln: --invoke needs a function name (see `kiln --help`)\n",
            2,
        ),
        case(
            &["run", "--jit-isa", "arm", "{dir}/add.wat"],
            "",
            "kiln: --jit-isa: unknown ISA 'arm' (expected one of: aarch64, x86_64) (see `kiln --help`)\n",
            2,
        ),
    ];
    check(CASES, &all_isas()[..1]);
}

#[test]
fn stats_print_code_and_trace_tier() {
    for be in backend::available() {
        let isa = vec!["--jit-isa".to_string(), be.isa.name().to_string()];
        let stats = format!("({} back end)", be.name);
        let cases = [
            Case {
                args: &[
                    "run",
                    "--stats",
                    "{dir}/add.wat",
                    "--invoke",
                    "add",
                    "1",
                    "2",
                ],
                stdout: Text::Exact("3\n"),
                stderr: Text::Around("wasm: 'add' ran in ", " functions/s)\n"),
                status: 0,
            },
            Case {
                args: &[
                    "run",
                    "--print-code",
                    "{dir}/add.wat",
                    "--invoke",
                    "add",
                    "1",
                    "2",
                ],
                stdout: Text::Around("wasm function 0 (add):\n", "\n3\n"),
                stderr: Text::Exact(""),
                status: 0,
            },
            Case {
                args: &[
                    "run",
                    "--trace-tier",
                    "{dir}/add.wasm",
                    "--invoke",
                    "half",
                    "3",
                ],
                stdout: Text::Exact("1.5\n"),
                stderr: Text::Around(
                    "[tier] wasm function 0 (add): 7 bytes of Wasm, 4 operators -> ",
                    " us\n",
                ),
                status: 0,
            },
        ];
        check(&cases, std::slice::from_ref(&isa));
        // What the texts hold besides their ends.
        let tmp = TempDir::new();
        let file = tmp
            .path()
            .join("add.wat")
            .to_str()
            .expect("path")
            .to_string();
        let run = |extra: &str| {
            let mut args = vec!["run".to_string(), extra.to_string()];
            args.extend(isa.iter().cloned());
            args.extend([
                file.clone(),
                "--invoke".into(),
                "div".into(),
                "9".into(),
                "3".into(),
            ]);
            kiln(&args)
        };
        let (_, err, _) = run("--stats");
        assert!(
            err.starts_with("wasm: 'div' ran in ")
                && err.contains(&stats)
                && err.lines().count() == 2,
            "{err}"
        );
        let (out, _, _) = run("--print-code");
        let headers: Vec<&str> = out
            .lines()
            .filter(|l| l.starts_with("wasm function"))
            .collect();
        assert_eq!(
            vec![
                "wasm function 0 (add):",
                "wasm function 1:",
                "wasm function 2:",
                "wasm function 3:",
                "wasm function 4:",
                "wasm function 5 (div):",
                "wasm function 6:",
            ],
            headers
        );
        assert!(out.lines().count() > 50 && out.ends_with("\n3\n"), "{out}");
        let (_, err, _) = run("--trace-tier");
        let code = format!("bytes of {} code in ", be.name);
        assert_eq!(
            7,
            err.lines()
                .filter(|l| l.starts_with("[tier] wasm function") && l.contains(&code))
                .count(),
            "{err}"
        );
    }
}

/// `--jit-isa` for each back end: the same stdout, stderr and status as the default one,
/// run by run (the cases above pin them literally; this compares the back ends directly).
#[test]
fn same_output_on_every_isa() {
    let tmp = TempDir::new();
    let dir = tmp
        .path()
        .to_str()
        .expect("UTF-8 temporary path")
        .to_string();
    let runs: &[&[&str]] = &[
        &["add.wat", "--invoke", "add", "40", "2"],
        &["add.wasm", "--invoke", "add64", "-1", "-1"],
        &["add.wat", "--invoke", "half", "0.3"],
        &["add.wat", "--invoke", "neg32", "3.4028235e38"],
        &["add.wat", "--invoke", "pair", "2147483647"],
        &["add.wat", "--invoke", "div", "5", "0"],
        &["start.wat"],
        &["start_section.wat"],
    ];
    let isas = all_isas();
    for run in runs {
        let outputs: Vec<(String, String, i32)> = isas
            .iter()
            .map(|isa| {
                let mut args = vec!["run".to_string()];
                args.extend(isa.iter().cloned());
                args.push(format!("{dir}/{}", run[0]));
                args.extend(run[1..].iter().map(|a| a.to_string()));
                kiln(&args)
            })
            .collect();
        for (isa, out) in isas.iter().zip(&outputs).skip(1) {
            assert_eq!(
                &outputs[0],
                out,
                "kiln run {} {}",
                isa.join(" "),
                run.join(" ")
            );
        }
    }
}

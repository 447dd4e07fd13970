//! Per-opcode tests of the baseline JIT: for every bytecode opcode, a small program whose hot
//! function (any function whose name contains `hot`) executes that op over edge values —
//! int32 limits and overflow, 0 and −0, NaN, ±Infinity, fractions, strings and numeric
//! strings, booleans, null/undefined, objects with `valueOf`/`toString`, arrays with holes,
//! out-of-range indices — printing every result with `show` (which tells −0 from 0 and
//! strings from numbers) and every exception with its type and message.
//!
//! Each program runs in-process in the interpreter (`no_jit`), then per JIT back end this
//! build can run (x86-64 natively and AArch64 in Unicorn on x86-64 hosts, AArch64 natively on
//! aarch64: `support/backends.rs`) twice: with every function compiled before its first run
//! (`jit_threshold: Some(0)`), and the same with `deopt_stress`. Stdout and exit status must
//! be identical in all runs; the `--stats` lines must show that functions were compiled and
//! that compiled code ran ops, so a test cannot pass with the JIT silently off.
//!
//! The table is checked too: every opcode (`Op::from_u8(0..=255)`) must be covered by a
//! program or marked as never emitted with a reason, and every op a program claims to cover
//! must appear in the bytecode of one of its `hot` functions (from `--print-bytecode`).
//!
//! `KILN_OPS_FILTER=name` runs only the programs whose name contains it; `KILN_OPS_TIME=1`
//! prints each run's wall time (with `--nocapture`).

#[path = "support/ops_table.rs"]
mod ops_table;

#[path = "support/jit_stats.rs"]
mod jit_stats;

use jit_stats::try_stat as stat;
use std::collections::BTreeSet;
use std::sync::mpsc;
use std::time::Duration;

use kiln::jit::backend::{self, executor_name};
use kiln::js::bytecode::Op;
use kiln::js::{Options, Outcome};
use kiln::run_source;
use ops_table::{Group, NOT_EMITTED, PRELUDE, Program, programs};

/// Hang limit per run (the slowest program takes a few seconds in Unicorn).
const LIMIT: Duration = Duration::from_secs(120);

/// One run's stdout, stderr and exit status, as text.
struct Run {
    out: String,
    err: String,
    status: i32,
}

/// Runs program `name` in mode `mode` (a label for messages); `Err` if it hangs.
fn run(src: &str, name: &str, mode: &str, opts: &Options) -> Result<Run, String> {
    let t = std::time::Instant::now();
    let (src, path, opts) = (src.to_string(), format!("[{name}]"), opts.clone());
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(run_source(&src, &path, &[], &opts));
    });
    let Outcome {
        stdout,
        stderr,
        status,
    } = rx
        .recv_timeout(LIMIT)
        .map_err(|_| format!("{mode}: timed out after {} s", LIMIT.as_secs()))?;
    if std::env::var_os("KILN_OPS_TIME").is_some() {
        eprintln!("{name} ({mode}): {:.2?}", t.elapsed());
    }
    Ok(Run {
        out: String::from_utf8_lossy(&stdout).into_owned(),
        err: String::from_utf8_lossy(&stderr).into_owned(),
        status,
    })
}

/// Ops in the bytecode of the program's `hot` functions (names containing "hot", any case,
/// and class initializers),
/// from a `--print-bytecode` listing.
fn hot_ops(listing: &str) -> BTreeSet<String> {
    let mut in_hot = false;
    let mut ops = BTreeSet::new();
    for line in listing.lines() {
        if let Some(head) = line.strip_prefix("function ") {
            // A class's field and static initializers (`<..._initializer>`) count with
            // it: in these programs every class with fields is defined in a hot function.
            in_hot = head.split(" (params").next().is_some_and(|n| {
                n.to_lowercase().contains("hot")
                    || (n.starts_with('<') && n.ends_with("initializer>"))
            });
        } else if in_hot
            && let Some((pc, rest)) = line.trim_start().split_once(": ")
            && pc.chars().all(|c| c.is_ascii_digit())
            && let Some(op) = rest.split_whitespace().next()
        {
            ops.insert(op.to_string());
        }
    }
    ops
}

/// Checks one program; `Err` lists every way it went wrong.
fn check(p: &Program) -> Result<(), String> {
    let src = format!("{PRELUDE}\n{}", p.body);
    let mut problems = Vec::new();

    // The table must be honest: the ops it names are in the hot functions' bytecode.
    let listing = run(
        &src,
        p.name,
        "print_bytecode",
        &Options {
            jit: Some(false),
            print_bytecode: true,
            ..Options::default()
        },
    )?;
    let have = hot_ops(&listing.out);
    if have.is_empty() {
        problems.push("no function named hot* in the program".to_string());
    }
    for op in p.ops {
        if !have.contains(op.name()) {
            problems.push(format!(
                "{} is not in the bytecode of its hot functions (they have: {})",
                op.name(),
                have.iter().cloned().collect::<Vec<_>>().join(" ")
            ));
        }
    }

    let interp = run(
        &src,
        p.name,
        "no_jit",
        &Options {
            jit: Some(false),
            ..Options::default()
        },
    )?;
    if interp.out.is_empty() {
        problems.push(format!(
            "the interpreter printed nothing (status {}): {}",
            interp.status,
            interp.err.trim()
        ));
    }
    // A build without an executor cannot run compiled code: no back end is available.
    let modes = [
        ("jit_threshold 0", false),
        ("jit_threshold 0 + deopt_stress", true),
    ];
    let runs = backend::available()
        .into_iter()
        .flat_map(|b| modes.map(|m| (b, m)));
    for (b, (mode, deopt_stress)) in runs {
        let mode = &format!("{} ({}): {mode}", b.name, executor_name(b));
        let jit = match run(
            &src,
            p.name,
            mode,
            &Options {
                jit_threshold: Some(0),
                deopt_stress,
                stats: true,
                jit_isa: Some(b.isa),
                ..Options::default()
            },
        ) {
            Ok(r) => r,
            Err(e) => {
                problems.push(e);
                continue;
            }
        };
        if jit.out != interp.out {
            problems.push(format!(
                "{mode}: stdout differs from the interpreter's (left: interpreter, right: JIT):\n{}",
                pretty_assertions::StrComparison::new(&interp.out, &jit.out)
            ));
        }
        if jit.status != interp.status {
            problems.push(format!(
                "{mode}: exit status {} (interpreter: {}); stderr: {}",
                jit.status,
                interp.status,
                jit.err.trim()
            ));
        }
        let compiled = stat(&jit.err, "functions compiled").unwrap_or(0);
        let ran = stat(&jit.err, "ops executed in compiled code").unwrap_or(0);
        if compiled == 0 {
            problems.push(format!("{mode}: no function was compiled"));
        }
        // Under deopt_stress compiled code may leave at its first guard; without it, compiled
        // code must have executed ops or the comparison above proved nothing.
        if !deopt_stress && ran == 0 {
            problems.push(format!("{mode}: no op executed in compiled code"));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

/// Runs every program of `group`, prints all failures, and fails if any program failed.
fn run_group(group: Group) {
    let only = std::env::var("KILN_OPS_FILTER").unwrap_or_default();
    let progs: Vec<Program> = programs()
        .into_iter()
        .filter(|p| p.group == group && p.name.contains(&only))
        .collect();
    assert!(!progs.is_empty(), "no programs in group {group:?}");
    let mut failed = Vec::new();
    for p in &progs {
        if let Err(e) = check(p) {
            eprintln!("---- {group:?} / {} FAILED\n{e}\n", p.name);
            failed.push(p.name);
        }
    }
    assert!(
        failed.is_empty(),
        "{group:?}: {} of {} programs differ: {}",
        failed.len(),
        progs.len(),
        failed.join(", ")
    );
}

#[test]
fn every_opcode_has_a_program_or_a_reason() {
    let progs = programs();
    let mut missing = Vec::new();
    let mut all = Vec::new();
    for b in 0..=255u8 {
        let Some(op) = Op::from_u8(b) else { continue };
        all.push(op);
        let covered = progs.iter().any(|p| p.ops.contains(&op));
        let excused = NOT_EMITTED.iter().any(|(o, _)| *o == op);
        if covered && excused {
            missing.push(format!(
                "{} is both covered and marked not emitted",
                op.name()
            ));
        } else if !covered && !excused {
            missing.push(format!("{} has no program", op.name()));
        }
    }
    assert!(all.len() > 90, "only {} opcodes found", all.len());
    pretty_assertions::assert_eq!(missing, Vec::<String>::new());
    let mut names: Vec<&str> = progs.iter().map(|p| p.name).collect();
    names.sort_unstable();
    names.dedup();
    pretty_assertions::assert_eq!(names.len(), progs.len(), "program names must be unique");
    for (op, why) in NOT_EMITTED {
        assert!(!why.is_empty(), "{} needs a reason", op.name());
    }
}

#[test]
fn arithmetic() {
    run_group(Group::Arith);
}

#[test]
fn bitwise() {
    run_group(Group::Bitwise);
}

#[test]
fn comparison() {
    run_group(Group::Compare);
}

#[test]
fn unary_and_conversion() {
    run_group(Group::Unary);
}

#[test]
fn loads_and_control_flow() {
    run_group(Group::Control);
}

#[test]
fn globals_properties_and_elements() {
    run_group(Group::Property);
}

#[test]
fn object_and_array_literals() {
    run_group(Group::Literal);
}

#[test]
fn functions_and_calls() {
    run_group(Group::Call);
}

#[test]
fn classes() {
    run_group(Group::Class);
}

#[test]
fn scopes_exceptions_and_iteration() {
    run_group(Group::Scope);
}

/// The closure and scope ops allocate through direct runtime calls: with a collection at
/// every safepoint (`gc_stress`), closures, block contexts and per-iteration copies made by
/// compiled code must survive exactly as the interpreter's do, on every back end.
#[test]
fn closures_in_loops_under_gc_stress() {
    let p = programs()
        .into_iter()
        .find(|p| p.name == "closures_in_loops")
        .expect("the closures_in_loops program");
    let src = format!("{PRELUDE}\n{}", p.body);
    let interp = run(
        &src,
        p.name,
        "no_jit + gc_stress",
        &Options {
            jit: Some(false),
            gc_stress: true,
            ..Options::default()
        },
    )
    .expect("interpreter run");
    assert!(!interp.out.is_empty(), "{}", interp.err);
    for b in backend::available() {
        let mode = format!(
            "{} ({}): jit_threshold 0 + gc_stress",
            b.name,
            executor_name(b)
        );
        let jit = run(
            &src,
            p.name,
            &mode,
            &Options {
                jit_threshold: Some(0),
                gc_stress: true,
                stats: true,
                jit_isa: Some(b.isa),
                ..Options::default()
            },
        )
        .expect("JIT run");
        pretty_assertions::assert_eq!(
            (&interp.out, interp.status),
            (&jit.out, jit.status),
            "{mode}"
        );
        assert!(
            stat(&jit.err, "ops executed in compiled code").unwrap_or(0) > 0,
            "{mode}: {}",
            jit.err
        );
        // A collection at (nearly) every loop back-edge, or the stress proved nothing.
        let gc_runs = jit
            .err
            .lines()
            .find_map(|l| l.strip_prefix("gc runs: "))
            .and_then(|n| n.trim().parse::<u64>().ok())
            .unwrap_or(0);
        assert!(gc_runs > 100, "{mode}: {gc_runs} collections: {}", jit.err);
    }
}

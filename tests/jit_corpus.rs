//! The JavaScript corpus with the baseline JIT compiling every function before its first run
//! (`--jit-threshold 0`): stdout and exit status must be identical to the interpreter's
//! expected output. Runs in-process: compiled code runs natively on aarch64 (the cross stage
//! under QEMU) and in Unicorn elsewhere.
//!
//! Subset: every `tests/js/*.js` natively; under emulation all but [`SLOW_UNDER_EMULATION`]
//! (programs that run for tens of seconds when every exit and re-entry is an emulator call).
//! The `large/` programs are left to the plain corpus run. `KILN_CORPUS_FILTER=substr` restricts the set.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use kiln::exec::{BACKEND, Backend};
use kiln::js::{Options, run_file};

/// Corpus programs skipped when compiled code runs in Unicorn (they all run natively in the
/// cross stage): each takes 10-170 s emulated, because every exit to the interpreter and
/// re-entry is a fresh emulator call that maps its data pages again.
const SLOW_UNDER_EMULATION: &[&str] = &[
    "arith_int32_overflow",
    "gc_allocation_churn",
    "jit_exceptions_hot",
    "jit_osr_loops",
    "loops_perf_kernels",
    "prog_big_number_strings",
    "prog_binary_search",
    "prog_crc32_adler",
    "prog_game_of_life",
    "prog_lisp_interpreter",
    "prog_maze",
    "prog_open_addressing",
    "prog_pi_digits",
    "prog_roman_numerals",
    "prog_sieve_small",
    "prog_stack_vm",
    "prog_tic_tac_toe",
];

fn tests() -> Vec<PathBuf> {
    let mut v = Vec::new();
    let Ok(rd) = std::fs::read_dir("tests/js") else {
        return v;
    };
    for e in rd.flatten() {
        let p = e.path();
        let stem = p
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        if p.extension().is_some_and(|x| x == "js")
            && p.with_extension("expected").exists()
            && (BACKEND != Backend::Emulated || !SLOW_UNDER_EMULATION.contains(&stem.as_str()))
        {
            v.push(p);
        }
    }
    if let Ok(f) = std::env::var("KILN_CORPUS_FILTER") {
        v.retain(|p| p.to_string_lossy().contains(&f));
    }
    v.sort();
    v
}

fn check(path: &Path, opts: &Options) -> Result<(), String> {
    let expected = std::fs::read_to_string(path.with_extension("expected")).unwrap_or_default();
    let status: i32 = std::fs::read_to_string(path.with_extension("status"))
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(0);
    let p = path.to_string_lossy().to_string();
    let o = opts.clone();
    let started = std::time::Instant::now();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(run_file(&p, &[], &o));
    });
    let out = match rx.recv_timeout(Duration::from_secs(240)) {
        Ok(o) => o,
        Err(_) => return Err("timed out after 240 s".into()),
    };
    let took = started.elapsed();
    if took > Duration::from_secs(5) {
        eprintln!(
            "jit corpus: {} took {:.1} s",
            path.display(),
            took.as_secs_f64()
        );
    }
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    let mut problems = Vec::new();
    if stdout != expected {
        problems.push(format!(
            "stdout differs:\n{}",
            pretty_assertions::StrComparison::new(&expected, &stdout)
        ));
    }
    if out.status != status {
        problems.push(format!(
            "exit status {} (expected {status}); stderr: {}",
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

#[test]
fn corpus_with_jit_threshold_0() {
    if BACKEND == Backend::Unavailable {
        return;
    }
    let opts = Options {
        jit_threshold: Some(0),
        ..Options::default()
    };
    let all = tests();
    let workers = 2;
    let (tx, rx) = mpsc::channel();
    let mut handles = Vec::new();
    for w in 0..workers {
        let chunk: Vec<PathBuf> = all.iter().skip(w).step_by(workers).cloned().collect();
        let tx = tx.clone();
        let opts = opts.clone();
        handles.push(std::thread::spawn(move || {
            for p in chunk {
                let r = check(&p, &opts);
                let _ = tx.send((p, r));
            }
        }));
    }
    drop(tx);
    let mut failures: Vec<(PathBuf, String)> = Vec::new();
    let mut passed = 0;
    for (p, r) in rx {
        match r {
            Ok(()) => passed += 1,
            Err(e) => failures.push((p, e)),
        }
    }
    for h in handles {
        let _ = h.join();
    }
    failures.sort();
    for (p, e) in &failures {
        let short: String = e.chars().take(3000).collect();
        eprintln!("---- jit corpus FAIL {}\n{short}\n", p.display());
    }
    eprintln!(
        "corpus --jit-threshold 0: {passed} passed, {} failed, {} total",
        failures.len(),
        all.len()
    );
    assert!(passed > 0, "no corpus programs found");
    assert!(
        failures.is_empty(),
        "{} of {} corpus programs failed with --jit-threshold 0",
        failures.len(),
        all.len()
    );
}

//! Runs the JavaScript corpus in-process: every `tests/js/NAME.js` (and `tests/js/large/`)
//! with a `NAME.expected` is a test; stdout must match exactly, the exit status must match
//! `NAME.status` (0 if absent), and stderr must contain the line in `NAME.stderr` if present.
//!
//! `corpus` runs everything normally. `corpus_gc_stress` runs everything with a collection at
//! every allocating safepoint, except the `large/` programs not listed in [`GC_STRESS_LARGE`]:
//! the others run for 2-40 s each under gc-stress (a full collection per allocation on a heap of
//! megabytes), so they run in the plain pass only. `KILN_CORPUS_FILTER=substr` restricts both
//! to matching paths.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use kiln::js::{Options, run_file};

/// Large programs fast enough to run under gc-stress in the test suite.
const GC_STRESS_LARGE: &[&str] = &[
    "deltablue",
    "json_parser",
    "mandelbrot",
    "nbody",
    "queens",
    "richards",
];

fn tests(include_large: bool) -> Vec<PathBuf> {
    let mut v = Vec::new();
    for d in ["tests/js", "tests/js/large"] {
        let Ok(rd) = std::fs::read_dir(d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "js") && p.with_extension("expected").exists() {
                let stem = p
                    .file_stem()
                    .map(|s| s.to_string_lossy().to_string())
                    .unwrap_or_default();
                if d.ends_with("large")
                    && !include_large
                    && !GC_STRESS_LARGE.contains(&stem.as_str())
                {
                    continue;
                }
                v.push(p);
            }
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
    let want_err = std::fs::read_to_string(path.with_extension("stderr"))
        .ok()
        .map(|s| s.trim().to_string());
    let p = path.to_string_lossy().to_string();
    let o = opts.clone();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(run_file(&p, &[], &o));
    });
    // Hang protection. gc-stress runs a full collection per allocating instruction, and the
    // cross stage runs under QEMU: the churn-heavy tests need minutes there.
    let limit = if opts.gc_stress { 900 } else { 300 };
    let out = match rx.recv_timeout(Duration::from_secs(limit)) {
        Ok(o) => o,
        Err(_) => return Err(format!("timed out after {limit} s")),
    };
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
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
            stderr.trim()
        ));
    }
    if let Some(w) = want_err
        && !stderr.contains(&w)
    {
        problems.push(format!(
            "stderr does not contain {w:?}; stderr was: {}",
            stderr.trim()
        ));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

fn run_corpus(opts: Options, include_large: bool, label: &str) {
    let all = tests(include_large);
    let workers = 2;
    let (tx, rx) = mpsc::channel();
    let chunks: Vec<Vec<PathBuf>> = (0..workers)
        .map(|w| all.iter().skip(w).step_by(workers).cloned().collect())
        .collect();
    let mut handles = Vec::new();
    for chunk in chunks {
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
        eprintln!("---- {label} FAIL {}\n{short}\n", p.display());
    }
    // Written straight to stderr so the summary shows even when the harness captures output.
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr(),
        "{label}: {passed} passed, {} failed, {} total",
        failures.len(),
        all.len()
    );
    for (p, _) in &failures {
        eprintln!("  failed: {}", p.display());
    }
    assert!(
        failures.is_empty(),
        "{label}: {} of {} corpus tests failed",
        failures.len(),
        all.len()
    );
}

#[test]
fn corpus() {
    run_corpus(Options::default(), true, "corpus");
}

#[test]
fn corpus_gc_stress() {
    run_corpus(
        Options {
            gc_stress: true,
            ..Options::default()
        },
        false,
        "corpus --gc-stress",
    );
}

//! The corpus runner shared by the corpus test binaries (`js_corpus.rs`, `jit_corpus.rs`):
//! finds the tests, runs each in-process with given options, compares with node's recorded
//! output, and prints one summary line per run.
//!
//! `tests/js/NAME.js` or `NAME.mjs` (an ES module; and `tests/js/large/NAME.js`) is a test
//! iff `NAME.expected` exists:
//! stdout must match it exactly, the exit status must match `NAME.status` (0 if absent), and
//! stderr must contain the line in `NAME.stderr` if present. `KILN_CORPUS_FILTER=substr`
//! restricts every run to matching paths.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use kiln::js::Options;
use kiln::run_file;

/// The tests in `dirs`, sorted, for which `keep(path, stem)` holds.
pub fn discover(dirs: &[&str], keep: impl Fn(&Path, &str) -> bool) -> Vec<PathBuf> {
    let mut v = Vec::new();
    for d in dirs {
        let Ok(rd) = std::fs::read_dir(d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            let stem = p
                .file_stem()
                .map(|s| s.to_string_lossy().to_string())
                .unwrap_or_default();
            if p.extension().is_some_and(|x| x == "js" || x == "mjs")
                && p.with_extension("expected").exists()
                && keep(&p, &stem)
            {
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

/// Runs one test; `Err` says every way its output differs from the expectation.
fn check(path: &Path, opts: &Options, limit: Duration) -> Result<(), String> {
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
    let out = match rx.recv_timeout(limit) {
        Ok(o) => o,
        Err(_) => return Err(format!("timed out after {} s", limit.as_secs())),
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

/// Runs `tests` on two workers, each test under the hang `limit`; prints every failure and a
/// summary line `LABEL: N passed, F failed, T total`, and fails if any test failed or none ran.
pub fn run(label: &str, tests: Vec<PathBuf>, opts: &Options, limit: Duration) {
    let total = tests.len();
    let workers = 2;
    let (tx, rx) = mpsc::channel();
    let mut handles = Vec::new();
    for w in 0..workers {
        let chunk: Vec<PathBuf> = tests.iter().skip(w).step_by(workers).cloned().collect();
        let tx = tx.clone();
        let opts = opts.clone();
        handles.push(std::thread::spawn(move || {
            for p in chunk {
                let r = check(&p, &opts, limit);
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
    // Written straight to stderr so the summary shows even when the harness captures output
    // (ci/count-tests.sh collects these lines).
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr(),
        "{label}: {passed} passed, {} failed, {total} total",
        failures.len()
    );
    for (p, _) in &failures {
        eprintln!("  failed: {}", p.display());
    }
    assert!(total > 0, "{label}: no corpus programs found");
    assert!(
        failures.is_empty(),
        "{label}: {} of {total} corpus tests failed",
        failures.len()
    );
}

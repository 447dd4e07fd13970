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
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use kiln::Engine;
use kiln::js::{Options, PROGRAM_STACK};

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

/// How much longer than `limit` a test may take in wall time when its thread's CPU time can
/// be read: a backstop for a program blocked without using CPU (on a machine with load 11 a
/// test thread gets about a sixth of a core).
const WALL_BACKSTOP: u32 = 20;

/// Waits for the result of the test running on `worker`. The hang limit counts the CPU time
/// of the worker thread, not wall time, so a busy machine (other builds, both workers
/// sharing a core) slows a test down without failing it; where the thread's CPU clock
/// cannot be read, wall time counts.
fn wait_within<T>(
    rx: &mpsc::Receiver<T>,
    worker: &JoinHandle<()>,
    limit: Duration,
) -> Result<T, String> {
    let start = Instant::now();
    loop {
        match rx.recv_timeout(Duration::from_millis(500)) {
            Ok(v) => return Ok(v),
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                return Err("the test's thread ended without a result".into());
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {}
        }
        let wall = start.elapsed();
        let secs = limit.as_secs();
        let over = match thread_cpu_time(worker) {
            Some(cpu) if cpu > limit => Some(format!("over {secs} s of CPU time")),
            Some(_) if wall > limit * WALL_BACKSTOP => Some(format!(
                "over {} s of wall time with CPU time under {secs} s",
                secs * u64::from(WALL_BACKSTOP)
            )),
            Some(_) => None,
            None if wall > limit => Some(format!("over {secs} s of wall time")),
            None => None,
        };
        if let Some(why) = over {
            return Err(format!("timed out: {why} ({} s wall)", wall.as_secs()));
        }
    }
}

/// The CPU time used so far by the thread behind `h` (None if it cannot be read).
fn thread_cpu_time(h: &JoinHandle<()>) -> Option<Duration> {
    use std::os::unix::thread::JoinHandleExt;
    let thread = h.as_pthread_t();
    let mut clock: libc::clockid_t = 0;
    // SAFETY: `h` has been neither joined nor detached (we hold the handle), so its pthread_t
    // is valid; `clock` is a valid place for the result.
    if unsafe { libc::pthread_getcpuclockid(thread, &mut clock) } != 0 {
        return None;
    }
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec.
    if unsafe { libc::clock_gettime(clock, &mut ts) } != 0 {
        return None;
    }
    Some(Duration::new(
        u64::try_from(ts.tv_sec).ok()?,
        u32::try_from(ts.tv_nsec).ok()?,
    ))
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
    // The program runs on this worker thread itself, so that its CPU time is the program's.
    let worker = std::thread::Builder::new()
        .stack_size(PROGRAM_STACK)
        .spawn(move || {
            let _ = tx.send(Engine::new().run_file_on_this_thread(&p, &[], &o));
        })
        .expect("spawn a corpus worker");
    let out = wait_within(&rx, &worker, limit)?;
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

/// Runs `tests` on two workers, each test under the hang `limit` (CPU time of its thread); prints every failure and a
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

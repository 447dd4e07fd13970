//! The JavaScript corpus with the baseline JIT, in every JIT mode: output must be identical to
//! the expected output (node's, which the interpreter also matches: `js_corpus.rs`). Format
//! and runner: `support/corpus.rs`. Compiled code runs natively on aarch64 (the cross stage,
//! under QEMU) and in Unicorn elsewhere.
//!
//! | test | flags | programs |
//! |---|---|---|
//! | `default_thresholds` | `--jit` (compile after 100 calls / 1000 loop back-edges) | all |
//! | `threshold_0` | `--jit-threshold 0` | all |
//! | `deopt_stress` | `--jit-threshold 0 --deopt-stress` | all natively; in Unicorn every fourth `tests/js` feature test |
//! | `gc_stress` | `--jit-threshold 0 --gc-stress` | `tests/js` |
//!
//! Subsets: in Unicorn every deopt is a fresh emulator entry, so the deopt-stress pass runs a
//! quarter of the small feature tests there (not the loop-heavy `prog_*`/`loops_*` ones); under gc-stress (a full collection
//! per allocation) they take minutes on any host, as in `js_corpus.rs`.

#[path = "support/corpus.rs"]
mod corpus;

use std::time::Duration;

use kiln::exec::{BACKEND, Backend};
use kiln::js::Options;

const ALL: &[&str] = &["tests/js", "tests/js/large"];
const SMALL: &[&str] = &["tests/js"];

/// The hang limit for one program: three times `secs`. The limit only has to tell a hang from
/// a slow run, and a run's wall time follows the machine's load: in Unicorn a large program
/// at default thresholds, and under qemu a large one with `--deopt-stress`, took over 300 s on
/// a machine with load 11 (raytracer alone: 55 s).
fn hang_limit(secs: u64) -> Duration {
    Duration::from_secs(3 * secs)
}

fn run_mode(label: &str, dirs: &[&str], opts: Options, limit: Duration) {
    if BACKEND == Backend::Unavailable {
        return;
    }
    let tests = corpus::discover(dirs, |_, _| true);
    corpus::run(label, tests, &opts, limit);
}

#[test]
fn default_thresholds() {
    run_mode(
        "corpus (default JIT thresholds)",
        ALL,
        Options {
            jit: Some(true),
            ..Options::default()
        },
        hang_limit(300),
    );
}

#[test]
fn threshold_0() {
    let opts = Options {
        jit_threshold: Some(0),
        ..Options::default()
    };
    run_mode("corpus --jit-threshold 0", ALL, opts, hang_limit(300));
}

#[test]
fn deopt_stress() {
    if BACKEND == Backend::Unavailable {
        return;
    }
    // In Unicorn each deopt is a fresh emulator entry (tens of microseconds): there every
    // fourth small feature test (in name order; the loop-heavy `prog_*`/`loops_*` programs
    // take minutes), natively everything.
    let emulated = BACKEND == Backend::Emulated;
    let dirs = if emulated { SMALL } else { ALL };
    let mut tests = corpus::discover(dirs, |_, stem| {
        !emulated || !(stem.starts_with("prog_") || stem.starts_with("loops_"))
    });
    if emulated {
        tests = tests.into_iter().step_by(4).collect();
    }
    let opts = Options {
        jit_threshold: Some(0),
        deopt_stress: true,
        ..Options::default()
    };
    corpus::run(
        "corpus --jit-threshold 0 --deopt-stress",
        tests,
        &opts,
        hang_limit(300),
    );
}

#[test]
fn gc_stress() {
    let opts = Options {
        jit_threshold: Some(0),
        gc_stress: true,
        ..Options::default()
    };
    run_mode(
        "corpus --jit-threshold 0 --gc-stress",
        SMALL,
        opts,
        hang_limit(600),
    );
}

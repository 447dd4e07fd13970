//! The JavaScript corpus with the baseline JIT, in every JIT mode and on every back end this
//! build can run: output must be identical to the expected output (node's, which the
//! interpreter also matches: `js_corpus.rs`). Format and runner: `support/corpus.rs`.
//! AArch64 code runs natively on aarch64 (the cross stage, under QEMU) and in Unicorn
//! elsewhere; x86-64 code natively on x86-64 hosts (its tests are skipped elsewhere).
//!
//! | test (`aarch64_*`, `x86_64_*`) | flags | programs |
//! |---|---|---|
//! | `default_thresholds` | `--jit` (compile after 100 calls / 1000 loop back-edges) | all natively; in Unicorn `tests/js` |
//! | `threshold_0` | `--jit-threshold 0` | all natively; in Unicorn `tests/js` |
//! | `deopt_stress` | `--jit-threshold 0 --deopt-stress` | all natively; in Unicorn every fourth `tests/js` feature test |
//! | `gc_stress` | `--jit-threshold 0 --gc-stress` | `tests/js` |
//!
//! Subsets: the large programs (`tests/js/large`) run natively on both back ends (x86-64 here,
//! AArch64 in the cross stage under qemu-aarch64), not in Unicorn: there they took minutes each
//! and covered no template or executor path that the small programs do not (they are larger,
//! not different), and on a busy 2-core machine they were most of the host stage.
//! In Unicorn every deopt is a fresh emulator entry, so the deopt-stress pass runs a
//! quarter of the small feature tests there (not the loop-heavy `prog_*`/`loops_*` ones); under gc-stress (a full collection
//! per allocation) they take minutes on any host, as in `js_corpus.rs`. Native x86-64 runs
//! are fast: every mode runs in full.

#[path = "support/corpus.rs"]
mod corpus;

use std::time::Duration;

use kiln::exec::Backend;
use kiln::jit::backend;
use kiln::js::{JitIsa, Options};

const ALL: &[&str] = &["tests/js", "tests/js/large"];
const SMALL: &[&str] = &["tests/js"];

/// The hang limit for one program: three times `secs` of the CPU time its thread uses (see
/// `corpus::run`), so the limit only has to tell a hang from a slow run and does not follow
/// the machine's load: on a machine with load 11, large programs in Unicorn at default
/// thresholds took over 900 s of wall time each.
fn hang_limit(secs: u64) -> Duration {
    Duration::from_secs(3 * secs)
}

/// Runs the corpus in `dirs` (`keep`: which tests) with `opts` on the back end of `isa`, if
/// this build can run its code.
fn run_mode(
    isa: JitIsa,
    label: &str,
    dirs: &[&str],
    keep: impl Fn(&std::path::Path, &str) -> bool,
    opts: Options,
    limit: Duration,
) {
    let b = backend::of(isa);
    if b.executor == Backend::Unavailable {
        return;
    }
    let tests = corpus::discover(dirs, keep);
    let opts = Options {
        jit_isa: Some(isa),
        ..opts
    };
    let label = format!("{label} [{} {}]", b.name, backend::executor_name(b));
    corpus::run(&label, tests, &opts, limit);
}

/// A plain pass: every test, but the large programs only where `isa`'s code runs natively
/// (see the module comment).
fn plain_pass(isa: JitIsa, label: &str, opts: Options) {
    let emulated = backend::of(isa).executor == Backend::Emulated;
    let dirs = if emulated { SMALL } else { ALL };
    run_mode(isa, label, dirs, |_, _| true, opts, hang_limit(300));
}

fn default_thresholds(isa: JitIsa) {
    let opts = Options {
        jit: Some(true),
        ..Options::default()
    };
    plain_pass(isa, "corpus (default JIT thresholds)", opts);
}

fn threshold_0(isa: JitIsa) {
    let opts = Options {
        jit_threshold: Some(0),
        ..Options::default()
    };
    plain_pass(isa, "corpus --jit-threshold 0", opts);
}

fn deopt_stress(isa: JitIsa) {
    // In Unicorn each deopt is a fresh emulator entry (tens of microseconds): there every
    // fourth small feature test (in name order; the loop-heavy `prog_*`/`loops_*` programs
    // take minutes), natively everything.
    let emulated = backend::of(isa).executor == Backend::Emulated;
    let dirs = if emulated { SMALL } else { ALL };
    let keep = |_: &std::path::Path, stem: &str| {
        !emulated || !(stem.starts_with("prog_") || stem.starts_with("loops_"))
    };
    let opts = Options {
        jit_threshold: Some(0),
        deopt_stress: true,
        ..Options::default()
    };
    let label = "corpus --jit-threshold 0 --deopt-stress";
    if emulated {
        // Every fourth of the kept tests.
        let b = backend::of(isa);
        let tests = corpus::discover(dirs, keep)
            .into_iter()
            .step_by(4)
            .collect();
        let opts = Options {
            jit_isa: Some(isa),
            ..opts
        };
        let label = format!("{label} [{} {}]", b.name, backend::executor_name(b));
        corpus::run(&label, tests, &opts, hang_limit(300));
    } else {
        run_mode(isa, label, dirs, keep, opts, hang_limit(300));
    }
}

fn gc_stress(isa: JitIsa) {
    let opts = Options {
        jit_threshold: Some(0),
        gc_stress: true,
        ..Options::default()
    };
    let label = "corpus --jit-threshold 0 --gc-stress";
    run_mode(isa, label, SMALL, |_, _| true, opts, hang_limit(600));
}

#[test]
fn aarch64_default_thresholds() {
    default_thresholds(JitIsa::AArch64);
}

#[test]
fn aarch64_threshold_0() {
    threshold_0(JitIsa::AArch64);
}

#[test]
fn aarch64_deopt_stress() {
    deopt_stress(JitIsa::AArch64);
}

#[test]
fn aarch64_gc_stress() {
    gc_stress(JitIsa::AArch64);
}

#[test]
fn x86_64_default_thresholds() {
    default_thresholds(JitIsa::X86_64);
}

#[test]
fn x86_64_threshold_0() {
    threshold_0(JitIsa::X86_64);
}

#[test]
fn x86_64_deopt_stress() {
    deopt_stress(JitIsa::X86_64);
}

#[test]
fn x86_64_gc_stress() {
    gc_stress(JitIsa::X86_64);
}

//! The JavaScript corpus in the interpreter alone (`--no-jit`; format and runner:
//! `support/corpus.rs`). The JIT's modes are in `jit_corpus.rs`.
//!
//! `corpus` runs everything. `corpus_gc_stress` runs everything again with a
//! collection at every allocating safepoint. Under QEMU (the cross stage sets
//! `KILN_GC_STRESS_SUBSET=1`) the gc-stress pass leaves out the `large/` programs not listed in
//! [`GC_STRESS_LARGE`]: emulated, each of those takes minutes (a full collection per allocation
//! on a heap of megabytes); they still run there in the plain pass, and under gc-stress on every
//! host that runs code natively or in Unicorn.

#[path = "support/corpus.rs"]
mod corpus;

use std::time::Duration;

use kiln::js::Options;

const DIRS: &[&str] = &["tests/js", "tests/js/large"];

/// Large programs fast enough to run under gc-stress when `KILN_GC_STRESS_SUBSET` is set.
const GC_STRESS_LARGE: &[&str] = &[
    "deltablue",
    "json_parser",
    "mandelbrot",
    "nbody",
    "queens",
    "richards",
];

#[test]
fn corpus() {
    let tests = corpus::discover(DIRS, |_, _| true);
    // Hang protection; the cross stage runs under QEMU.
    let opts = Options {
        jit: Some(false),
        ..Options::default()
    };
    corpus::run("corpus --no-jit", tests, &opts, Duration::from_secs(300));
}

#[test]
fn corpus_gc_stress() {
    let subset = std::env::var_os("KILN_GC_STRESS_SUBSET").is_some_and(|v| v != "0");
    let tests = corpus::discover(DIRS, |p, stem| {
        !subset
            || !p.parent().is_some_and(|d| d.ends_with("large"))
            || GC_STRESS_LARGE.contains(&stem)
    });
    let opts = Options {
        gc_stress: true,
        jit: Some(false),
        ..Options::default()
    };
    // gc-stress runs a full collection per allocating instruction: minutes under QEMU.
    corpus::run(
        "corpus --no-jit --gc-stress",
        tests,
        &opts,
        Duration::from_secs(900),
    );
}

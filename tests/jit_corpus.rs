//! The JavaScript corpus with the baseline JIT compiling every function before its first run
//! (`--jit-threshold 0`): output must be identical to the interpreter's expected output
//! (format and runner: `support/corpus.rs`). Compiled code runs natively on aarch64 (the cross
//! stage under QEMU) and in Unicorn elsewhere.
//!
//! Subset: every `tests/js/*.js` natively; under emulation all but [`SLOW_UNDER_EMULATION`].
//! The `large/` programs are left to the plain corpus run.

#[path = "support/corpus.rs"]
mod corpus;

use std::time::Duration;

use kiln::exec::{BACKEND, Backend};
use kiln::js::Options;

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

#[test]
fn corpus_with_jit_threshold_0() {
    if BACKEND == Backend::Unavailable {
        return;
    }
    let tests = corpus::discover(&["tests/js"], |_, stem| {
        BACKEND != Backend::Emulated || !SLOW_UNDER_EMULATION.contains(&stem)
    });
    let opts = Options {
        jit_threshold: Some(0),
        ..Options::default()
    };
    corpus::run(
        "corpus --jit-threshold 0",
        tests,
        &opts,
        Duration::from_secs(240),
    );
}

//! Per-VM JIT state: options, the code buffer, compiled functions and statistics.

use std::cell::Cell;

use crate::codemem::{CodePtr, JitBuffer};
use crate::jit::compiler::EXIT_REASONS;

/// Code memory reserved per VM.
pub const CODE_CAPACITY: usize = 32 << 20;

/// `FunctionCode::jit` value of a function whose compilation failed (never retried).
pub const JIT_FAILED: usize = 1;

/// One compiled function.
pub struct Compiled {
    pub entry: CodePtr,
    /// Code offset per bytecode offset (`compiler::NO_ENTRY` inside instructions).
    pub offsets: Box<[u32]>,
    pub code_len: usize,
}

/// JIT statistics (`--stats`).
#[derive(Default, Debug)]
pub struct JitStats {
    pub functions_compiled: u64,
    pub compile_failures: u64,
    pub code_bytes: u64,
    pub compile_nanos: u128,
    pub inline_ops: u64,
    pub step_ops: u64,
    /// Entries into compiled code (function entry, OSR, resumption after an exit).
    pub entries: u64,
    /// Entries at a loop back-edge of a function that was running in the interpreter.
    pub osr_entries: u64,
    /// Exits by reason (`compiler::EXIT_*`).
    pub exits: [u64; EXIT_REASONS],
    pub code_memory_exhausted: bool,
}

/// The JIT of one VM.
pub struct JitState {
    /// Whether functions are compiled at all (`--jit-threshold N` without `--no-jit`, on a
    /// build with an executor).
    pub enabled: bool,
    /// Calls (or loop back-edges) before a function is compiled; 0 = before its first run.
    pub threshold: u32,
    pub trace: bool,
    pub count_ops: bool,
    pub buffer: Option<JitBuffer>,
    pub compiled: Vec<Box<Compiled>>,
    pub stats: JitStats,
    /// Ops executed in compiled code (updated by compiled code itself with `count_ops`).
    pub ops_in_jit: Box<Cell<u64>>,
}

impl JitState {
    pub fn new(threshold: Option<u32>, no_jit: bool, trace: bool, count_ops: bool) -> JitState {
        let enabled = threshold.is_some()
            && !no_jit
            && crate::exec::BACKEND != crate::exec::Backend::Unavailable;
        JitState {
            enabled,
            threshold: threshold.unwrap_or(u32::MAX),
            trace,
            count_ops,
            buffer: None,
            compiled: Vec::new(),
            stats: JitStats::default(),
            ops_in_jit: Box::new(Cell::new(0)),
        }
    }

    /// The `--stats` lines of the JIT.
    pub fn report(&self, interpreted_ops: u64) -> String {
        let s = &self.stats;
        let jit_ops = self.ops_in_jit.get();
        let total = jit_ops + interpreted_ops;
        let share = if total > 0 {
            100.0 * jit_ops as f64 / total as f64
        } else {
            0.0
        };
        format!(
            "jit: enabled: {}\njit: functions compiled: {}\njit: compile failures: {}\njit: code bytes: {}\njit: compile time: {:.3} ms\njit: ops with inline templates: {}\njit: ops compiled as interpreter exits: {}\njit: entries: {}\njit: osr entries: {}\njit: exits (interpreter steps): {}\njit: deopts (guard): {}\njit: deopts (ic miss): {}\njit: ops executed in compiled code: {}\njit: ops executed in interpreter: {}\njit: share of ops in compiled code: {:.1}%\njit: code memory exhausted: {}\n",
            self.enabled,
            s.functions_compiled,
            s.compile_failures,
            s.code_bytes,
            s.compile_nanos as f64 / 1e6,
            s.inline_ops,
            s.step_ops,
            s.entries,
            s.osr_entries,
            s.exits[0],
            s.exits[1],
            s.exits[2],
            jit_ops,
            interpreted_ops,
            share,
            s.code_memory_exhausted,
        )
    }
}

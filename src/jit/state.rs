//! Per-VM JIT state: options, the engine's code space, compiled functions, deoptimization
//! feedback and statistics. It lives in the VM's tier slot (`js::tiering::TierSlot::state`),
//! opaque to the engine: [`jit`] and [`jit_ref`] reach it.

use std::cell::Cell;
use std::collections::{HashMap, HashSet};

use crate::codemem::{CodePtr, CodeSpace};
use crate::exec::Backend;
use crate::jit::backend::{self, BackEnd};
use crate::jit::compiler::EXIT_REASONS;
use crate::js::bytecode::Op;
use crate::js::tiering::TIER_COUNTERS;
use crate::js::vm::{Options, Vm};

/// `FunctionCode::jit` value of a function whose compilation failed (never retried).
pub const JIT_FAILED: usize = crate::js::tiering::TIER_FAILED;

/// Default tier-up thresholds (in the spirit of SpiderMonkey's baseline tier).
pub const DEFAULT_CALL_THRESHOLD: u32 = 100;
pub const DEFAULT_LOOP_THRESHOLD: u32 = 1000;

/// Deoptimizations of one compiled function after which its code is discarded and the
/// function recompiled later with the new feedback.
pub const DEOPT_LIMIT: u32 = 10;

/// Machine stack kept free below the limit compiled prologues check (room for helpers and
/// the Rust code they run).
pub const STACK_MARGIN: usize = 128 << 10;

/// One compiled function.
pub struct Compiled {
    pub entry: CodePtr,
    /// Code offset per bytecode offset (`compiler::NO_ENTRY` inside instructions).
    pub offsets: Box<[u32]>,
    /// Offset of the entry compiled callers call.
    pub call_entry: u32,
    /// Deoptimizations taken by this code.
    pub deopts: Cell<u32>,
}

/// JIT statistics (`--stats`).
#[derive(Default, Debug)]
pub struct JitStats {
    pub functions_compiled: u64,
    /// Compilations of a function whose earlier code was discarded.
    pub recompiles: u64,
    /// Compiled functions discarded after [`DEOPT_LIMIT`] deoptimizations.
    pub discarded: u64,
    pub compile_failures: u64,
    pub code_bytes: u64,
    pub compile_nanos: u128,
    /// Bytecode ops compiled.
    pub ops_compiled: u64,
    pub inline_ops: u64,
    pub step_ops: u64,
    /// Entries into compiled code from the interpreter (function entry, OSR, resumption).
    pub entries: u64,
    /// Entries at a loop back-edge of a function that was running in the interpreter.
    pub osr_entries: u64,
    /// Ops run by the step helper from compiled code, by opcode (a slow path or an op
    /// without a template): where compiled code spends time in the interpreter.
    pub steps_by_op: Vec<u64>,
    /// Exits by reason (`compiler::EXIT_*`).
    pub exits: [u64; EXIT_REASONS],
    /// Frames called by compiled code handed to the interpreter (interpreted callees, deopts),
    /// unwinding the machine frames of their compiled callers.
    pub handed_to_interpreter: u64,
    pub code_memory_exhausted: bool,
}

/// The JIT's names for the VM's [`crate::js::tiering::TierWords::counters`], bumped on hot paths without a
/// downcast to [`JitState`]: calls from compiled code straight into compiled code (bumped by
/// compiled code); calls through the call helper (callees the inline path does not set up:
/// natives, bound and interpreted functions, `new`, ...); `new` set up inline by compiled
/// code (a compiled base constructor).
pub const COUNT_DIRECT_CALLS: usize = 0;
pub const COUNT_HELPER_CALLS: usize = 1;
pub const COUNT_INLINE_CONSTRUCTS: usize = 2;

/// Calls before a function is compiled (0 = before its first run), and loop back-edges
/// before a function running in the interpreter is compiled (OSR), for these options.
pub fn thresholds(opts: &Options) -> (u32, u32) {
    let t = opts.jit_threshold;
    (
        t.unwrap_or(DEFAULT_CALL_THRESHOLD),
        t.unwrap_or(DEFAULT_LOOP_THRESHOLD),
    )
}

/// The JIT of one VM.
pub struct JitState {
    /// Whether functions are compiled at all (not `--no-jit`, and a build with an executor).
    pub enabled: bool,
    /// The back end functions are compiled with (`--jit-isa`, else the host's).
    pub backend: &'static BackEnd,
    pub trace: bool,
    pub count_ops: bool,
    pub deopt_stress: bool,
    pub print_code: bool,
    /// The engine's code space, where compiled code is published.
    pub code: CodeSpace,
    pub compiled: Vec<Box<Compiled>>,
    pub stats: JitStats,
    /// Ops executed in compiled code (updated by compiled code itself with `count_ops`).
    pub ops_in_jit: Box<Cell<u64>>,
    /// Per function (by `FunctionCode` address): the pcs that deoptimized, compiled with the
    /// generic path when the function is recompiled.
    pub feedback: HashMap<usize, HashSet<u32>>,
}

impl JitState {
    pub fn new(opts: &Options, code: CodeSpace) -> JitState {
        JitState {
            enabled: enabled_by(opts),
            backend: backend::select(opts.jit_isa),
            trace: opts.trace_tier,
            count_ops: opts.stats,
            deopt_stress: opts.deopt_stress,
            print_code: opts.print_code,
            code,
            compiled: Vec::new(),
            stats: JitStats {
                steps_by_op: vec![0; 256],
                ..JitStats::default()
            },
            ops_in_jit: Box::new(Cell::new(0)),
            feedback: HashMap::new(),
        }
    }

    /// The `--stats` lines of the JIT (`counters`: the VM's [`crate::js::tiering::TierWords::counters`]).
    pub fn report(&self, interpreted_ops: u64, counters: &[u64; TIER_COUNTERS]) -> String {
        let s = &self.stats;
        let jit_ops = self.ops_in_jit.get();
        let total = jit_ops + interpreted_ops;
        let share = if total > 0 {
            100.0 * jit_ops as f64 / total as f64
        } else {
            0.0
        };
        let secs = s.compile_nanos as f64 / 1e9;
        let throughput = if secs > 0.0 {
            s.ops_compiled as f64 / secs
        } else {
            0.0
        };
        let bytes_per_op = if s.ops_compiled > 0 {
            s.code_bytes as f64 / s.ops_compiled as f64
        } else {
            0.0
        };
        let lines: Vec<(&str, String)> = vec![
            ("enabled", self.enabled.to_string()),
            ("isa", self.backend.name.to_string()),
            ("executor", backend::executor_name(self.backend).to_string()),
            ("functions compiled", s.functions_compiled.to_string()),
            ("recompiles", s.recompiles.to_string()),
            ("discarded after deopts", s.discarded.to_string()),
            ("compile failures", s.compile_failures.to_string()),
            ("bytecode ops compiled", s.ops_compiled.to_string()),
            ("code bytes", s.code_bytes.to_string()),
            ("code bytes per op", format!("{bytes_per_op:.1}")),
            ("compile time", format!("{:.3} ms", secs * 1e3)),
            ("compile throughput", format!("{throughput:.0} ops/s")),
            ("ops with inline templates", s.inline_ops.to_string()),
            ("ops compiled as step-helper calls", s.step_ops.to_string()),
            ("entries", s.entries.to_string()),
            ("osr entries", s.osr_entries.to_string()),
            (
                "direct jit-to-jit calls",
                counters[COUNT_DIRECT_CALLS].to_string(),
            ),
            (
                "calls through the call helper",
                counters[COUNT_HELPER_CALLS].to_string(),
            ),
            (
                "inline constructs",
                counters[COUNT_INLINE_CONSTRUCTS].to_string(),
            ),
            (
                "ops run by the step helper",
                s.steps_by_op.iter().sum::<u64>().to_string(),
            ),
            ("step-helper ops by opcode", top_opcodes(&s.steps_by_op)),
            ("exits to the interpreter", s.exits[0].to_string()),
            ("deopts (guard)", s.exits[1].to_string()),
            ("deopts (ic miss)", s.exits[2].to_string()),
            ("resumes at another pc", s.exits[3].to_string()),
            (
                "frames handed to the interpreter",
                s.handed_to_interpreter.to_string(),
            ),
            ("ops executed in compiled code", jit_ops.to_string()),
            ("ops executed in interpreter", interpreted_ops.to_string()),
            ("share of ops in compiled code", format!("{share:.1}%")),
            ("code memory exhausted", s.code_memory_exhausted.to_string()),
        ];
        lines
            .iter()
            .map(|(k, v)| format!("jit: {k}: {v}\n"))
            .collect()
    }
}

/// Whether the options turn the JIT on: `--no-jit` never, `--jit` or `--jit-threshold N`
/// (or an explicit `--jit-isa`) wherever an executor can run the selected back end's code,
/// and by default only where that code runs natively (emulated, compiled code is several
/// times slower than the interpreter).
pub fn enabled_by(opts: &Options) -> bool {
    let executor = backend::select(opts.jit_isa).executor;
    match (opts.jit, opts.jit_threshold) {
        (Some(false), _) => false,
        (Some(true), _) | (None, Some(_)) => executor != Backend::Unavailable,
        (None, None) if opts.jit_isa.is_some() => executor != Backend::Unavailable,
        (None, None) => executor == Backend::Native,
    }
}

/// The JIT state of a VM the JIT was installed in.
pub fn jit(vm: &mut Vm) -> &mut JitState {
    vm.tier
        .state
        .as_mut()
        .and_then(|s| s.downcast_mut::<JitState>())
        .expect("the JIT is installed in this VM")
}

/// [`jit`], shared.
pub fn jit_ref(vm: &Vm) -> &JitState {
    vm.tier
        .state
        .as_ref()
        .and_then(|s| s.downcast_ref::<JitState>())
        .expect("the JIT is installed in this VM")
}

/// The five most frequent opcodes of `by_op` with their counts ("-" when empty).
fn top_opcodes(by_op: &[u64]) -> String {
    let mut top: Vec<(u64, usize)> = by_op
        .iter()
        .enumerate()
        .filter(|&(_, &n)| n > 0)
        .map(|(i, &n)| (n, i))
        .collect();
    top.sort_by(|a, b| b.cmp(a));
    let names: Vec<String> = top
        .iter()
        .take(5)
        .map(|&(n, i)| {
            let name = Op::from_u8(i as u8).map_or("?".to_string(), |o| format!("{o:?}"));
            format!("{name} {n}")
        })
        .collect();
    if names.is_empty() {
        "-".to_string()
    } else {
        names.join(", ")
    }
}

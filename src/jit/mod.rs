//! The baseline JIT: hot bytecode functions compiled to AArch64 or x86-64 in one pass.
//!
//! Layered like wasmtime's Winch:
//! - [`masm`]: the ISA-only [`masm::MacroAssembler`] trait (machine operations, no JavaScript);
//! - [`abi`]: kiln's runtime ABI over it ([`abi::RuntimeAbi`]: entries, exits, helper and
//!   compiled calls), implemented per ISA;
//! - [`values`]: JavaScript value operations (NaN-boxing, int32 fast paths, tag tests, number
//!   boxing), written once over both;
//! - [`aarch64`], [`x86_64`]: the two back ends (macro-assembler, `abi.rs` with the register
//!   assignment, runtime ABI, disassembler); [`backend`] chooses one per VM (the host's, or
//!   `--jit-isa`);
//! - [`harness`]: leaf functions of any back end run on this host, for the macro-assembler
//!   conformance table;
//! - [`compiler`] + [`templates`]: the one-pass compiler (one template per opcode, no IR);
//! - [`facts`]: what the compiler knows of each register's value within a basic block;
//! - [`state`]: per-VM JIT state (options, code memory, compiled functions, statistics);
//! - [`tier`]: the interpreter hook — tier-up counters, entering compiled code through the
//!   exec layer's entry stub, resuming the interpreter where compiled code left off;
//! - [`runtime`]: the Rust helpers compiled code calls (slow paths, calls, returns, exits,
//!   safepoints) — the JIT's unsafe glue;
//! - [`scope_helpers`]: the allocation helpers of the closure and scope templates;
//! - [`literal_helpers`]: the helpers of the object and array literal templates;
//! - [`print`]: `--print-code` listings.
//!
//! Compiled code shares the interpreter's frames: it reads and writes the frame's slots in
//! the register file, and calls push the same `Frame`s the interpreter pushes, so leaving it
//! (a failed guard, an IC miss) is "resume the interpreter at this bytecode offset", and
//! entering it is "jump to the code for this offset" (function entry, after an interpreted
//! op, loop back-edges for OSR, exception handlers).

pub mod aarch64;
pub mod abi;
pub mod backend;
pub mod compiler;
pub mod facts;
pub mod harness;
pub mod literal_helpers;
pub mod masm;
pub mod print;
pub mod runtime;
pub mod scope_helpers;
pub mod state;
mod templates;
pub mod tier;
pub mod values;
pub mod x86_64;

pub use state::{JitState, JitStats};
pub use tier::TIER;

/// How this build runs the JIT: its default ISA, executor and whether it is on by default,
/// and the other ISA `--jit-isa` can select (for `kiln --help`).
pub fn describe() -> String {
    let default = state::enabled_by(&crate::js::Options::default());
    let b = backend::host_default();
    let mut s = format!(
        "JIT: {} code, executor: {}; on by default: {}",
        b.name,
        backend::executor_name(b),
        if default { "yes" } else { "no (use --jit)" }
    );
    for other in backend::available().into_iter().filter(|o| o.isa != b.isa) {
        s += &format!(
            "\n     --jit-isa {}: {} code, executor: {}",
            other.isa.name(),
            other.name,
            backend::executor_name(other)
        );
    }
    s
}

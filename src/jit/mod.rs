//! The baseline JIT: hot bytecode functions compiled to AArch64 in one pass.
//!
//! Layered like wasmtime's Winch:
//! - [`masm`]: the ISA-neutral [`masm::MacroAssembler`] trait;
//! - [`aarch64`]: its AArch64 implementation over [`crate::asm`];
//! - [`compiler`] + [`templates`]: the one-pass compiler (one template per opcode, no IR);
//! - [`state`]: per-VM JIT state (options, code memory, compiled functions, statistics);
//! - [`tier`]: the interpreter hook — tier-up counters, entering compiled code through the
//!   exec layer's entry stub, resuming the interpreter where compiled code left off.
//!
//! Compiled code shares the interpreter's frames: it reads and writes the frame's slots in
//! the register file, so leaving it (an op without a template, a failed guard, an IC miss) is
//! "resume the interpreter at this bytecode offset", and entering it is "jump to the code for
//! this offset" (function entry, after an interpreted op, loop back-edges for OSR, exception
//! handlers).

pub mod aarch64;
pub mod compiler;
pub mod masm;
pub mod state;
mod templates;
pub mod tier;

pub use state::{JitState, JitStats};

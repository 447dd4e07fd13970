//! kiln: a JavaScript engine whose baseline JIT compiles register bytecode to machine code.
//!
//! Layers, each knowing only those below it (see README.md):
//! - [`asm`]: assemblers, one folder per ISA (pure encodings, no JavaScript).
//! - [`codemem`]: W^X executable memory that never moves, and the engine's code space.
//! - [`exec`]: runs code in that memory, one executor per ISA (AArch64: natively on aarch64,
//!   in Unicorn anywhere else).
//! - [`js`]: the JavaScript front end and interpreter; it reaches a higher tier only through
//!   `js::tiering`.
//! - [`jit`]: the baseline JIT (bytecode → machine code through an ISA-only macro-assembler),
//!   which implements that tier.
//! - [`engine`]: wires the front end to the JIT over one code space; [`run_file`] and
//!   [`run_source`] run a program the way the `kiln` command does.
//! - [`repl`]: the interactive loop of `kiln` with no arguments (terminal or piped lines)
//!   over an engine's REPL session.

pub mod asm;
pub mod codemem;
pub mod engine;
pub mod exec;
pub mod jit;
pub mod js;
pub mod repl;
pub mod wasm;

pub use engine::{Engine, run_file, run_source};

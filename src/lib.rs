//! kiln: a JavaScript engine whose baseline JIT compiles register bytecode to AArch64.
//!
//! Layers, each knowing only those below it (see README.md):
//! - [`asm`]: AArch64 instruction encodings, labels and backpatching (pure, no JavaScript).
//! - [`codemem`]: W^X executable memory that never moves, with instruction-cache maintenance.
//! - [`exec`]: runs code in that memory, natively on aarch64 or in Unicorn anywhere else.
//! - [`jit`]: the baseline JIT (bytecode → AArch64 through an ISA-neutral macro-assembler).

pub mod asm;
pub mod codemem;
pub mod exec;
pub mod jit;
pub mod js;

//! Assemblers: pure instruction encodings, one folder per ISA, with what they share.
//!
//! - [`aarch64`]: the AArch64 assembler (typed registers, encodings over named bit fields,
//!   fallible immediates, branch islands);
//! - [`x86_64`]: the x86-64 assembler (typed registers whose type is the operand size,
//!   REX/ModRM/SIB encodings over named fields, rel8/rel32 labels);
//! - [`label`]: labels, fixups and island deadlines, the same bookkeeping for every ISA;
//! - [`error`]: what an assembler reports instead of emitting wrong code.
//!
//! Knows nothing of JavaScript or WebAssembly.

pub mod aarch64;
pub mod error;
#[cfg(test)]
mod golden;
pub mod label;
pub mod x86_64;

pub use error::{AsmError, AsmResult};
pub use label::Label;

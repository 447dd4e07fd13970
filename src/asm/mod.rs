//! Assemblers: pure instruction encodings, one folder per ISA, with what they share.
//!
//! - [`aarch64`]: the AArch64 assembler (typed registers, encodings over named bit fields,
//!   fallible immediates, branch islands);
//! - [`label`]: labels, fixups and island deadlines, the same bookkeeping for every ISA;
//! - [`error`]: what an assembler reports instead of emitting wrong code.
//!
//! Knows nothing of JavaScript or WebAssembly.

pub mod aarch64;
pub mod error;
pub mod label;

pub use error::{AsmError, AsmResult};
pub use label::Label;

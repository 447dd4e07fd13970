//! The one place that chooses the JIT's back end: its macro-assembler, its ISA's name and its
//! disassembler. The executor that runs the code is chosen by `exec` for the same ISA.

pub use crate::jit::aarch64::A64Masm as Masm;
pub use crate::jit::aarch64::disasm::disassemble;

/// The ISA the JIT compiles to.
pub const ISA: &str = "AArch64";

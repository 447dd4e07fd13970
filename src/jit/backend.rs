//! The one place that chooses the JIT's back end: its macro-assembler, its ISA's name, its
//! disassembler, and the executor entry that runs its code (`exec`'s for that ISA).

pub use crate::exec::aarch64::entry::enter;
pub use crate::jit::aarch64::A64Masm as Masm;
pub use crate::jit::aarch64::disasm::disassemble;

/// The ISA the JIT compiles to.
pub const ISA: &str = "AArch64";

//! The x86-64 back end of the baseline JIT: [`masm::X64Masm`] implements the ISA-only
//! [`crate::jit::masm::MacroAssembler`] over [`crate::asm::x86_64`] (`masm.rs` with `int.rs`,
//! `float.rs` and `convert.rs` for the larger operation groups); `abi.rs` is the one owner of
//! its register assignment and holds the System V leaf-function harness; [`cpu`] the
//! optional instructions it uses when the CPU has them; [`disasm`] lists its code.
//!
//! `runtime.rs` implements kiln's runtime ABI ([`crate::jit::abi::RuntimeAbi`]) over it, `values.rs` the value layer's ([`crate::jit::values::ValueOps`]).

mod abi;
mod convert;
pub mod cpu;
pub mod disasm;
mod float;
mod int;
pub mod masm;
mod runtime;
mod values;

pub use cpu::CpuFeatures;
pub use masm::X64Masm;

//! The AArch64 back end of the baseline JIT: [`masm::A64Masm`] implements the ISA-neutral
//! [`crate::jit::masm::MacroAssembler`] over [`crate::asm::aarch64`].

pub mod masm;

pub use masm::A64Masm;

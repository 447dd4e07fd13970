//! The AArch64 back end of the baseline JIT: [`masm::A64Masm`] implements the ISA-only
//! [`crate::jit::masm::MacroAssembler`] over [`crate::asm::aarch64`]; `abi.rs` assigns its
//! registers and implements kiln's runtime ABI ([`crate::jit::abi::RuntimeAbi`]);
//! [`disasm`] lists its code for `--print-code`.

mod abi;
pub mod disasm;
pub mod masm;

pub use masm::A64Masm;

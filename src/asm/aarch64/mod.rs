//! AArch64 assembler: typed registers, instruction encodings, labels and backpatching.
//!
//! Pure encoding, no knowledge of JavaScript. Layout:
//! - [`reg`], [`cond`], [`operand`], [`imm`]: operands (typed registers, conditions,
//!   shifts/extends/addressing modes, fallible immediates);
//! - `enc_*`: one small pure function per instruction format over named bit fields;
//! - [`Assembler`] (`assembler.rs`) plus `ops_*`: mnemonic-named methods that check operands
//!   and emit; [`fixup`]: the PC-relative fields labels fill (label bookkeeping is
//!   shared: [`crate::asm::aarch64::label`]); `island.rs`: branch islands that keep forward
//!   branches in reach; [`movimm`]: constant materialisation.
//!
//! ```
//! use kiln::asm::aarch64::*;
//! let mut a = Assembler::new();
//! a.stp_pre(X29, X30, SP, -16).unwrap();
//! a.mov_sp(X29, SP);
//! a.mov_imm64(X0, 0x1234_5678);
//! a.ldp_post(X29, X30, SP, 16).unwrap();
//! a.ret();
//! let code = a.finalize().unwrap();
//! assert_eq!(code.len(), 6 * 4);
//! ```

pub mod assembler;
pub mod cond;
pub mod enc_arith;
pub mod enc_branch;
pub mod enc_fp;
pub mod enc_mem;
pub mod fixup;
pub mod imm;
mod island;
pub mod movimm;
pub mod operand;
mod ops_arith;
mod ops_branch;
mod ops_fp;
mod ops_logic;
mod ops_mem;
pub mod reg;

#[cfg(test)]
mod tests;

pub use crate::asm::error::{AsmError, AsmResult};
pub use crate::asm::label::Label;
pub use assembler::Assembler;
pub use cond::Cond;
pub use imm::{BitmaskImm, FpImm8, Imm12};
pub use operand::{Barrier, Extend, Index, Mem, Shift, SysReg};
pub use ops_mem::PairReg;
pub use reg::*;

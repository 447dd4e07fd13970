//! AArch64 assembler: typed registers, instruction encodings, labels and backpatching.
//!
//! Pure encoding, no knowledge of JavaScript. Layout:
//! - [`reg`], [`cond`], [`operand`], [`imm`]: operands (typed registers, conditions,
//!   shifts/extends/addressing modes, fallible immediates);
//! - `enc_*`: one small pure function per instruction format over named bit fields;
//! - [`Assembler`] (`assembler.rs`) plus `ops_*`: mnemonic-named methods that check operands
//!   and emit; [`label`]: labels and fixups; `island.rs`: branch islands that keep forward
//!   branches in reach; [`movimm`]: constant materialisation.
//!
//! ```
//! use kiln::asm::*;
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
pub mod error;
pub mod imm;
mod island;
pub mod label;
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

pub use assembler::Assembler;
pub use cond::Cond;
pub use error::{AsmError, AsmResult};
pub use imm::{BitmaskImm, FpImm8, Imm12};
pub use label::Label;
pub use operand::{Barrier, Extend, Index, Mem, Shift, SysReg};
pub use ops_mem::PairReg;
pub use reg::*;

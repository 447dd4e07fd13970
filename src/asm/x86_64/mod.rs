//! x86-64 assembler: typed registers, instruction encodings, labels and backpatching.
//!
//! Pure encoding, no knowledge of JavaScript. Layout:
//! - [`reg`], [`size`], [`cond`], [`operand`]: operands (typed registers whose type carries
//!   the operand size, size markers for memory-only forms, conditions, memory addresses);
//! - [`enc_modrm`] (REX, ModRM, SIB, displacement) and [`enc_insn`] (prefixes, opcode,
//!   operands, immediate): the encoding as small functions over named fields; `forms.rs`:
//!   the common `/r` and `/n` operand forms over them;
//! - [`Assembler`] (`assembler.rs`) plus `ops_*`: mnemonic-named methods, suffixed by their
//!   operand kinds (`_rr` register-register, `_ri` register-immediate, `_rm` register-memory,
//!   `_mr` memory-register, `_mi` memory-immediate); [`fixup`]: the rel8/rel32 fields labels
//!   fill (label bookkeeping is shared: [`crate::asm::label`]).
//!
//! ```
//! use kiln::asm::x86_64::*;
//! let mut a = Assembler::new();
//! let done = a.new_label();
//! a.push_r(RBP);
//! a.mov_rr(RBP, RSP);
//! a.mov_ri(RAX, 0x1234_5678);
//! a.test_rr(EDI, EDI);
//! a.jcc(Cond::E, done);
//! a.add_rm(RAX, Mem::base(RSI, 8)).unwrap();
//! a.bind(done).unwrap();
//! a.pop_r(RBP);
//! a.ret();
//! let code = a.finalize().unwrap();
//! assert_eq!(code.len(), 1 + 3 + 5 + 2 + 6 + 4 + 1 + 1);
//! ```

pub mod assembler;
pub mod cond;
pub mod enc_insn;
pub mod enc_modrm;
pub mod fixup;
mod forms;
pub mod operand;
mod ops_alu;
mod ops_bits;
mod ops_branch;
mod ops_misc;
mod ops_mov;
mod ops_shift;
mod ops_sse;
mod ops_sse_cvt;
pub mod reg;
pub mod size;

#[cfg(test)]
mod tests;

pub use crate::asm::error::{AsmError, AsmResult};
pub use crate::asm::label::Label;
pub use assembler::Assembler;
pub use cond::Cond;
pub use operand::{Addr, Mem, Scale};
pub use ops_misc::MAX_NOP_LEN;
pub use ops_sse_cvt::RoundMode;
pub use reg::*;
pub use size::{
    BYTE, Byte, DWORD, Dword, ExtendsFrom, LongSize, OpSize, QWORD, Qword, WORD, WideSize, Width,
    Word,
};

//! Every integer instruction group, table-driven: a snippet over x0–x3 (returning x0), its
//! inputs and the expected result, run in the default executor.
//!
//! - [`arith`]: arithmetic, flags, moves and constants, conditional select/compare;
//! - [`logic`]: logic, shifts and bitfields;
//! - [`control`]: every condition code, branches over labels, loops, system instructions;
//! - [`memory`]: every addressing mode, checking loaded values and stored memory.

use kiln::asm::aarch64::*;

mod arith;
mod control;
mod logic;
mod memory;

pub fn imm(v: u64) -> Imm12 {
    Imm12::new(v).expect("test immediates are encodable")
}

/// `mrs x0, nzcv; lsr x0, x0, #28` — the flags as a 4-bit NZCV number.
pub fn flags(a: &mut Assembler) -> AsmResult {
    a.mrs(X0, SysReg::Nzcv);
    a.lsr_imm(X0, X0, 28)
}

pub const N: u64 = 8;
pub const Z: u64 = 4;
pub const C: u64 = 2;
pub const V: u64 = 1;

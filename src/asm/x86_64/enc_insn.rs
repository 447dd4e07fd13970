//! One x86-64 instruction as named fields, and its byte layout:
//! `[66] [F2|F3|66] [REX] opcode [ModRM [SIB] [disp]] [imm]`.
//!
//! The `ops_*` modules describe each instruction as an [`Insn`] (which prefix, which opcode,
//! which operand goes in ModRM.reg and which in r/m, which immediate) and
//! [`encode`] lays it out. The operand-size prefix comes before a mandatory prefix, as
//! `llvm-mc` orders them (`popcnt ax, bx` is `66 F3 0F B8 C3`).

use super::enc_modrm::{RmBytes, rex, rm_mem, rm_reg};
use super::operand::Mem;
use super::size::Width;
use crate::asm::error::AsmResult;
use crate::asm::label::Label;

/// The r/m operand: a register number or memory.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rm {
    /// A register (mod = 11).
    Reg(u8),
    /// A memory operand.
    Mem(Mem),
}

/// Where an instruction's operands go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operands {
    /// None (`ret`, `cqo`) or only an immediate.
    None,
    /// A register in the low three bits of the last opcode byte (`push r`, `mov r, imm`),
    /// bit 3 in REX.B.
    OpReg(u8),
    /// A ModRM byte: `reg` is a register number or an opcode extension `/n`.
    ModRm {
        /// The ModRM.reg field.
        reg: u8,
        /// The r/m operand.
        rm: Rm,
    },
}

/// An immediate operand, little-endian after everything else.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Imm {
    /// No immediate.
    None,
    /// One byte.
    I8(i8),
    /// Two bytes.
    I16(i16),
    /// Four bytes.
    I32(i32),
    /// Eight bytes (`movabs` only).
    I64(i64),
}

impl Imm {
    /// The immediate of an operation of `width` for `value`, which fits it: one byte, two,
    /// or four (64-bit operations take a sign-extended 32-bit immediate).
    pub fn sized(width: Width, value: i64) -> Imm {
        match width {
            Width::B8 => Imm::I8(value as i8),
            Width::B16 => Imm::I16(value as i16),
            Width::B32 | Width::B64 => Imm::I32(value as i32),
        }
    }

    fn len(self) -> usize {
        match self {
            Imm::None => 0,
            Imm::I8(_) => 1,
            Imm::I16(_) => 2,
            Imm::I32(_) => 4,
            Imm::I64(_) => 8,
        }
    }
}

/// One instruction's fields. Build with [`Insn::new`] and the setters.
#[derive(Clone, Copy, Debug)]
pub struct Insn<'a> {
    /// The `0x66` operand-size prefix (16-bit integer operations).
    pub opsize16: bool,
    /// A mandatory prefix (`0x66`, `0xF2`, `0xF3`) that is part of the opcode.
    pub mandatory: Option<u8>,
    /// REX.W (64-bit operand size).
    pub rex_w: bool,
    /// Emit a REX prefix even when all its bits are zero (for `spl`, `bpl`, `sil`, `dil`).
    pub rex_force: bool,
    /// The opcode bytes (1 to 3, including `0F`, `0F 38`, `0F 3A` escapes).
    pub opcode: &'a [u8],
    /// The operands.
    pub operands: Operands,
    /// The immediate.
    pub imm: Imm,
}

impl<'a> Insn<'a> {
    /// An instruction with this opcode and nothing else yet.
    pub fn new(opcode: &'a [u8]) -> Insn<'a> {
        Insn {
            opsize16: false,
            mandatory: None,
            rex_w: false,
            rex_force: false,
            opcode,
            operands: Operands::None,
            imm: Imm::None,
        }
    }

    /// Sets the operand size: `0x66` for 16 bits, REX.W for 64.
    pub fn width(mut self, width: Width) -> Insn<'a> {
        self.opsize16 = width.opsize16();
        self.rex_w = width.rex_w();
        self
    }

    /// Sets REX.W alone (SSE instructions whose general register is 64-bit).
    pub fn w(mut self, w: bool) -> Insn<'a> {
        self.rex_w = w;
        self
    }

    /// Sets the mandatory prefix.
    pub fn prefix(mut self, prefix: u8) -> Insn<'a> {
        self.mandatory = Some(prefix);
        self
    }

    /// Forces a REX prefix when `force` (a byte register 4..=7 is an operand).
    pub fn rex_if(mut self, force: bool) -> Insn<'a> {
        self.rex_force |= force;
        self
    }

    /// Sets the ModRM operands.
    pub fn modrm(mut self, reg: u8, rm: Rm) -> Insn<'a> {
        self.operands = Operands::ModRm { reg, rm };
        self
    }

    /// Puts register `reg` in the opcode's low three bits.
    pub fn opreg(mut self, reg: u8) -> Insn<'a> {
        self.operands = Operands::OpReg(reg);
        self
    }

    /// Sets the immediate.
    pub fn imm(mut self, imm: Imm) -> Insn<'a> {
        self.imm = imm;
        self
    }
}

/// An encoded instruction: at most 15 bytes, and the RIP-relative field to fill, if any.
#[derive(Clone, Copy, Debug)]
pub struct Encoded {
    /// The bytes (`len` of them).
    pub bytes: [u8; 16],
    /// How many of `bytes` are used.
    pub len: usize,
    /// A `[rip + label + addend]` operand: (offset of its disp32 in `bytes`, label, addend,
    /// bytes after the field).
    pub rip: Option<(usize, Label, i32, u8)>,
}

impl Encoded {
    fn push(&mut self, bytes: &[u8]) {
        self.bytes[self.len..self.len + bytes.len()].copy_from_slice(bytes);
        self.len += bytes.len();
    }

    /// The used bytes.
    pub fn as_slice(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

/// Lays out `insn`; fails only for a memory operand x86 cannot address (`rsp` as index).
pub fn encode(insn: &Insn) -> AsmResult<Encoded> {
    let (reg, rm): (u8, Option<RmBytes>) = match insn.operands {
        Operands::None => (0, None),
        Operands::OpReg(r) => (0, Some(rm_reg(0, r))),
        Operands::ModRm {
            reg,
            rm: Rm::Reg(r),
        } => (reg, Some(rm_reg(reg, r))),
        Operands::ModRm {
            reg,
            rm: Rm::Mem(m),
        } => (reg, Some(rm_mem(reg, &m)?)),
    };
    let (x, b) = rm.map_or((false, false), |r| (r.rex_x, r.rex_b));
    let r = reg & 8 != 0;
    let mut out = Encoded {
        bytes: [0; 16],
        len: 0,
        rip: None,
    };
    if insn.opsize16 {
        out.push(&[0x66]);
    }
    if let Some(p) = insn.mandatory {
        out.push(&[p]);
    }
    if insn.rex_w || r || x || b || insn.rex_force {
        out.push(&[rex(insn.rex_w, r, x, b)]);
    }
    match (insn.operands, rm) {
        (Operands::OpReg(reg), _) => {
            let (last, init) = insn.opcode.split_last().expect("an opcode byte");
            out.push(init);
            out.push(&[last | (reg & 7)]);
        }
        (Operands::ModRm { .. }, Some(rm)) => {
            out.push(insn.opcode);
            out.push(rm.as_slice());
            if let Some((label, addend)) = rm.rip {
                out.rip = Some((out.len - 4, label, addend, insn.imm.len() as u8));
            }
        }
        _ => out.push(insn.opcode),
    }
    match insn.imm {
        Imm::None => {}
        Imm::I8(v) => out.push(&v.to_le_bytes()),
        Imm::I16(v) => out.push(&v.to_le_bytes()),
        Imm::I32(v) => out.push(&v.to_le_bytes()),
        Imm::I64(v) => out.push(&v.to_le_bytes()),
    }
    Ok(out)
}

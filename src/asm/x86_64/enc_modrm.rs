//! The operand-addressing bytes of x86-64 as small functions over their named fields: the
//! REX prefix, ModRM, SIB and the displacement, and the rules that pick among them for a
//! register or a [`Mem`] operand:
//!
//! - `rsp`/`r12` as a base (r/m = 100) need a SIB byte, since r/m = 100 means "SIB follows";
//! - `rbp`/`r13` as a base with mod = 00 (r/m or SIB base = 101) would mean RIP-relative or
//!   "no base", so a zero displacement is still emitted as a disp8 of 0;
//! - the displacement is omitted when zero, one byte when it fits `i8`, else four;
//! - `rsp` cannot be an index: SIB index = 100 without REX.X means "no index".

use super::operand::{Addr, Mem};
use crate::asm::error::{AsmError, AsmResult};
use crate::asm::label::Label;

/// ModRM `mod`: register indirect, no displacement (or the special r/m = 101 / SIB forms).
pub const MOD_INDIRECT: u8 = 0b00;
/// ModRM `mod`: an 8-bit displacement follows.
pub const MOD_DISP8: u8 = 0b01;
/// ModRM `mod`: a 32-bit displacement follows.
pub const MOD_DISP32: u8 = 0b10;
/// ModRM `mod`: r/m is a register.
pub const MOD_REG: u8 = 0b11;
/// ModRM `r/m` (with mod ≠ 11): a SIB byte follows.
pub const RM_SIB: u8 = 0b100;
/// ModRM `r/m` with mod = 00: `[rip + disp32]`.
pub const RM_RIP: u8 = 0b101;
/// SIB `index`: no index register.
pub const SIB_NO_INDEX: u8 = 0b100;
/// SIB `base` with mod = 00: no base register, a disp32 follows.
pub const SIB_NO_BASE: u8 = 0b101;

/// The REX prefix `0100WRXB`: `w` selects 64-bit operands, `r`/`x`/`b` are bit 3 of the
/// ModRM.reg, SIB.index and ModRM.rm/SIB.base/opcode register numbers.
pub const fn rex(w: bool, r: bool, x: bool, b: bool) -> u8 {
    0x40 | (w as u8) << 3 | (r as u8) << 2 | (x as u8) << 1 | b as u8
}

/// The ModRM byte `mod reg r/m` (only the low 3 bits of `reg` and `rm` are used).
pub const fn modrm(md: u8, reg: u8, rm: u8) -> u8 {
    md << 6 | (reg & 7) << 3 | (rm & 7)
}

/// The SIB byte `scale index base` (only the low 3 bits of `index` and `base` are used).
pub const fn sib(scale: u8, index: u8, base: u8) -> u8 {
    scale << 6 | (index & 7) << 3 | (base & 7)
}

/// The ModRM, SIB and displacement bytes of an operand, with the REX bits they need.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RmBytes {
    /// REX.X: bit 3 of the index register.
    pub rex_x: bool,
    /// REX.B: bit 3 of the r/m or base register.
    pub rex_b: bool,
    /// ModRM, then SIB and displacement as present.
    pub bytes: [u8; 6],
    /// How many of `bytes` are used.
    pub len: usize,
    /// For `[rip + label + addend]`: the label and addend; the displacement is the last
    /// four of `bytes`, zero until the label is resolved.
    pub rip: Option<(Label, i32)>,
}

impl RmBytes {
    fn new(modrm: u8) -> RmBytes {
        RmBytes {
            rex_x: false,
            rex_b: false,
            bytes: [modrm, 0, 0, 0, 0, 0],
            len: 1,
            rip: None,
        }
    }

    fn push(&mut self, bytes: &[u8]) {
        self.bytes[self.len..self.len + bytes.len()].copy_from_slice(bytes);
        self.len += bytes.len();
    }

    /// The used bytes.
    pub fn as_slice(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

/// A register operand in r/m: `mod = 11`.
pub fn rm_reg(reg: u8, rm: u8) -> RmBytes {
    let mut out = RmBytes::new(modrm(MOD_REG, reg, rm));
    out.rex_b = rm & 8 != 0;
    out
}

/// The shortest `mod` for `disp` off a base whose low three bits are `base_low`.
fn disp_mode(disp: i32, base_low: u8) -> u8 {
    if disp == 0 && base_low != 0b101 {
        MOD_INDIRECT
    } else if i8::try_from(disp).is_ok() {
        MOD_DISP8
    } else {
        MOD_DISP32
    }
}

/// Writes the displacement in the width [`disp_mode`] picked.
fn push_disp(out: &mut RmBytes, md: u8, disp: i32) {
    match md {
        MOD_DISP8 => out.push(&[disp as i8 as u8]),
        MOD_DISP32 => out.push(&disp.to_le_bytes()),
        _ => {}
    }
}

/// A memory operand in r/m, with `reg` in ModRM.reg (a register number or an opcode
/// extension `/n`).
pub fn rm_mem(reg: u8, mem: &Mem) -> AsmResult<RmBytes> {
    let disp = mem.disp;
    let out = match mem.addr {
        Addr::Base(base) => {
            let b = base.num();
            let md = disp_mode(disp, b & 7);
            let mut out = if b & 7 == RM_SIB {
                let mut out = RmBytes::new(modrm(md, reg, RM_SIB));
                out.push(&[sib(0, SIB_NO_INDEX, b)]);
                out
            } else {
                RmBytes::new(modrm(md, reg, b))
            };
            out.rex_b = b & 8 != 0;
            push_disp(&mut out, md, disp);
            out
        }
        Addr::BaseIndex(base, index, scale) => {
            let (b, i) = (base.num(), index.num());
            if i == 4 {
                return Err(AsmError::InvalidOperand("rsp cannot be an index register"));
            }
            let md = disp_mode(disp, b & 7);
            let mut out = RmBytes::new(modrm(md, reg, RM_SIB));
            out.push(&[sib(scale.bits(), i, b)]);
            out.rex_x = i & 8 != 0;
            out.rex_b = b & 8 != 0;
            push_disp(&mut out, md, disp);
            out
        }
        Addr::Index(index, scale) => {
            let i = index.num();
            if i == 4 {
                return Err(AsmError::InvalidOperand("rsp cannot be an index register"));
            }
            let mut out = RmBytes::new(modrm(MOD_INDIRECT, reg, RM_SIB));
            out.push(&[sib(scale.bits(), i, SIB_NO_BASE)]);
            out.rex_x = i & 8 != 0;
            out.push(&disp.to_le_bytes());
            out
        }
        Addr::Absolute => {
            let mut out = RmBytes::new(modrm(MOD_INDIRECT, reg, RM_SIB));
            out.push(&[sib(0, SIB_NO_INDEX, SIB_NO_BASE)]);
            out.push(&disp.to_le_bytes());
            out
        }
        Addr::Rip(label) => {
            let mut out = RmBytes::new(modrm(MOD_INDIRECT, reg, RM_RIP));
            out.push(&[0; 4]);
            out.rip = Some((label, disp));
            out
        }
    };
    Ok(out)
}

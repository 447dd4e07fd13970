//! Memory operands: `[base + index*scale + disp]` in every form x86-64 addresses, and
//! `[rip + label]`. How each form is laid out in ModRM/SIB bytes is `enc_modrm.rs`'s business.

use super::reg::Reg64;
use crate::asm::label::Label;

/// The factor an index register is multiplied by (the SIB `scale` field).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    /// `index*1`.
    S1 = 0,
    /// `index*2`.
    S2 = 1,
    /// `index*4`.
    S4 = 2,
    /// `index*8`.
    S8 = 3,
}

impl Scale {
    /// All scales, smallest first.
    pub const ALL: [Scale; 4] = [Scale::S1, Scale::S2, Scale::S4, Scale::S8];

    /// The 2-bit field value (log2 of the factor).
    pub const fn bits(self) -> u8 {
        self as u8
    }

    /// The factor 1, 2, 4 or 8.
    pub const fn factor(self) -> u8 {
        1 << self as u8
    }
}

/// Which registers (or which label) an address is computed from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Addr {
    /// `[base + disp]`.
    Base(Reg64),
    /// `[base + index*scale + disp]`; `rsp` cannot be an index (refused when encoding).
    BaseIndex(Reg64, Reg64, Scale),
    /// `[index*scale + disp32]`, no base register.
    Index(Reg64, Scale),
    /// `[disp32]`: an absolute address in the low or high 2 GiB (sign-extended).
    Absolute,
    /// `[rip + label + disp]`: relative to the end of the instruction.
    Rip(Label),
}

/// A memory operand: an [`Addr`] plus a signed 32-bit displacement. The access width comes
/// from the instruction (its register operand, or an explicit size for memory-only forms).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mem {
    /// The registers or label.
    pub addr: Addr,
    /// The displacement (for [`Addr::Rip`], added to the label's address).
    pub disp: i32,
}

impl Mem {
    /// `[base + disp]`.
    pub const fn base(base: Reg64, disp: i32) -> Mem {
        Mem {
            addr: Addr::Base(base),
            disp,
        }
    }

    /// `[base + index*scale + disp]`.
    pub const fn base_index(base: Reg64, index: Reg64, scale: Scale, disp: i32) -> Mem {
        Mem {
            addr: Addr::BaseIndex(base, index, scale),
            disp,
        }
    }

    /// `[index*scale + disp]` with no base register (always a 32-bit displacement).
    pub const fn index(index: Reg64, scale: Scale, disp: i32) -> Mem {
        Mem {
            addr: Addr::Index(index, scale),
            disp,
        }
    }

    /// `[disp]`: an absolute address, sign-extended from 32 bits.
    pub const fn absolute(disp: i32) -> Mem {
        Mem {
            addr: Addr::Absolute,
            disp,
        }
    }

    /// `[rip + label]`: the address of `label` in the same code buffer.
    pub const fn rip(label: Label) -> Mem {
        Mem::rip_plus(label, 0)
    }

    /// `[rip + label + addend]` (e.g. the second word of a constant at `label`).
    pub const fn rip_plus(label: Label, addend: i32) -> Mem {
        Mem {
            addr: Addr::Rip(label),
            disp: addend,
        }
    }
}

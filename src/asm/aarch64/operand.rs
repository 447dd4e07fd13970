//! Operand modifiers: shifts, extends, addressing modes, barrier options, system registers.

use super::reg::{WReg, XReg, XRegSp};

/// Shift applied to the last register operand of shifted-register instructions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shift {
    /// Logical shift left.
    Lsl = 0,
    /// Logical shift right.
    Lsr = 1,
    /// Arithmetic shift right.
    Asr = 2,
    /// Rotate right (logical instructions only).
    Ror = 3,
}

/// Extension applied to the index register (extended-register arithmetic, register-offset
/// loads and stores).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Extend {
    /// Zero-extend byte.
    Uxtb = 0,
    /// Zero-extend halfword.
    Uxth = 1,
    /// Zero-extend word.
    Uxtw = 2,
    /// 64-bit (also written `lsl` when SP is involved).
    Uxtx = 3,
    /// Sign-extend byte.
    Sxtb = 4,
    /// Sign-extend halfword.
    Sxth = 5,
    /// Sign-extend word.
    Sxtw = 6,
    /// Sign-extend doubleword.
    Sxtx = 7,
}

impl Extend {
    /// Whether the extended operand is a 64-bit (X) register.
    pub const fn takes_x(self) -> bool {
        matches!(self, Extend::Uxtx | Extend::Sxtx)
    }
}

/// Index register of a register-offset address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Index {
    /// `[xn, xm{, lsl #s}]`.
    X(XReg),
    /// `[xn, xm, sxtx{ #s}]`.
    XSxtx(XReg),
    /// `[xn, wm, uxtw{ #s}]`.
    WUxtw(WReg),
    /// `[xn, wm, sxtw{ #s}]`.
    WSxtw(WReg),
}

/// A single-register load/store address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mem {
    /// `[base, #off]` with an unsigned offset scaled by the access size (`ldr`/`str`).
    Offset(XRegSp, i64),
    /// `[base, #off]` with a signed unscaled 9-bit offset (`ldur`/`stur`).
    Unscaled(XRegSp, i64),
    /// `[base, #off]!`: base += off, then access.
    PreIndex(XRegSp, i64),
    /// `[base], #off`: access, then base += off.
    PostIndex(XRegSp, i64),
    /// `[base, index{, extend/shift}]`; `shifted` scales the index by the access size.
    Reg {
        /// Base register.
        base: XRegSp,
        /// Index register and its extension.
        index: Index,
        /// Whether the index is shifted left by log2(access size).
        shifted: bool,
    },
}

impl Mem {
    /// `[base, #off]` (unsigned, scaled).
    pub fn off(base: impl Into<XRegSp>, off: i64) -> Mem {
        Mem::Offset(base.into(), off)
    }
    /// `[base, #off]` (signed, unscaled: ldur/stur).
    pub fn unscaled(base: impl Into<XRegSp>, off: i64) -> Mem {
        Mem::Unscaled(base.into(), off)
    }
    /// `[base, #off]!`.
    pub fn pre(base: impl Into<XRegSp>, off: i64) -> Mem {
        Mem::PreIndex(base.into(), off)
    }
    /// `[base], #off`.
    pub fn post(base: impl Into<XRegSp>, off: i64) -> Mem {
        Mem::PostIndex(base.into(), off)
    }
    /// `[base, index]` or, when `shifted`, `[base, index, lsl/extend #log2(size)]`.
    pub fn reg(base: impl Into<XRegSp>, index: Index, shifted: bool) -> Mem {
        Mem::Reg {
            base: base.into(),
            index,
            shifted,
        }
    }
}

/// Barrier domain/type option for `dmb`/`dsb` (the CRm field).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Barrier {
    /// Outer shareable, loads.
    OshLd = 0b0001,
    /// Outer shareable, stores.
    OshSt = 0b0010,
    /// Outer shareable.
    Osh = 0b0011,
    /// Non-shareable, loads.
    NshLd = 0b0101,
    /// Non-shareable, stores.
    NshSt = 0b0110,
    /// Non-shareable.
    Nsh = 0b0111,
    /// Inner shareable, loads.
    IshLd = 0b1001,
    /// Inner shareable, stores.
    IshSt = 0b1010,
    /// Inner shareable.
    Ish = 0b1011,
    /// Full system, loads.
    Ld = 0b1101,
    /// Full system, stores.
    St = 0b1110,
    /// Full system.
    Sy = 0b1111,
}

/// System registers readable with `mrs` / writable with `msr` from EL0.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SysReg {
    /// Cache type register (cache line sizes for code-memory maintenance).
    CtrEl0,
    /// Data cache zero ID register.
    DczidEl0,
    /// Condition flags.
    Nzcv,
    /// Floating-point control register.
    Fpcr,
    /// Floating-point status register.
    Fpsr,
    /// EL0 read/write software thread ID register.
    TpidrEl0,
    /// Virtual counter.
    CntvctEl0,
}

impl SysReg {
    /// (op0, op1, CRn, CRm, op2).
    pub const fn fields(self) -> (u32, u32, u32, u32, u32) {
        match self {
            SysReg::CtrEl0 => (3, 3, 0, 0, 1),
            SysReg::DczidEl0 => (3, 3, 0, 0, 7),
            SysReg::Nzcv => (3, 3, 4, 2, 0),
            SysReg::Fpcr => (3, 3, 4, 4, 0),
            SysReg::Fpsr => (3, 3, 4, 4, 1),
            SysReg::TpidrEl0 => (3, 3, 13, 0, 2),
            SysReg::CntvctEl0 => (3, 3, 14, 0, 2),
        }
    }
}

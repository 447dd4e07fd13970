//! Typed AArch64 registers.
//!
//! General-purpose registers come in two sizes (`X*` 64-bit, `W*` 32-bit). Register number 31
//! means either the zero register or the stack pointer depending on the instruction field, so
//! the two are different types here: [`XZR`]/[`WZR`] only fit operands that implement
//! [`Rz`] ("register or zero"), [`SP`]/[`WSP`] only operands that implement [`Rsp`]
//! ("register or stack pointer"). Ordinary registers `X0..X30`/`W0..W30` fit both.
//! The operand size travels in the type ([`Sf64`]/[`Sf32`]), so mixing X and W operands in
//! one instruction does not compile.

use core::fmt;

/// Marker trait for an operand size of general-purpose instructions (the `sf` bit).
pub trait Size: Copy {
    /// The `sf` bit: 1 for 64-bit, 0 for 32-bit.
    const SF: u32;
    /// Width in bits.
    const BITS: u32;
}

/// 64-bit operand size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sf64;
/// 32-bit operand size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sf32;

impl Size for Sf64 {
    const SF: u32 = 1;
    const BITS: u32 = 64;
}
impl Size for Sf32 {
    const SF: u32 = 0;
    const BITS: u32 = 32;
}

/// A general-purpose operand in a field where 31 encodes the zero register.
pub trait Rz<S: Size>: Copy {
    /// The 5-bit register field value.
    fn enc(self) -> u32;
}

/// A general-purpose operand in a field where 31 encodes the stack pointer.
pub trait Rsp<S: Size>: Copy {
    /// The 5-bit register field value.
    fn enc(self) -> u32;
}

/// A 64-bit general-purpose register x0..x30.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct XReg(u8);

/// A 32-bit general-purpose register w0..w30.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct WReg(u8);

/// The 64-bit stack pointer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Sp;
/// The 32-bit view of the stack pointer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Wsp;
/// The 64-bit zero register.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Xzr;
/// The 32-bit zero register.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Wzr;

/// The stack pointer `sp`.
pub const SP: Sp = Sp;
/// `wsp`.
pub const WSP: Wsp = Wsp;
/// The zero register `xzr`.
pub const XZR: Xzr = Xzr;
/// The zero register `wzr`.
pub const WZR: Wzr = Wzr;

impl XReg {
    /// `x{n}` for n in 0..=30; `None` otherwise (31 is SP or XZR, use those constants).
    pub const fn new(n: u8) -> Option<XReg> {
        if n <= 30 { Some(XReg(n)) } else { None }
    }
    /// The register number 0..=30.
    pub const fn num(self) -> u8 {
        self.0
    }
    /// The 32-bit view of this register.
    pub const fn w(self) -> WReg {
        WReg(self.0)
    }
}

impl WReg {
    /// `w{n}` for n in 0..=30; `None` otherwise.
    pub const fn new(n: u8) -> Option<WReg> {
        if n <= 30 { Some(WReg(n)) } else { None }
    }
    /// The register number 0..=30.
    pub const fn num(self) -> u8 {
        self.0
    }
    /// The 64-bit view of this register.
    pub const fn x(self) -> XReg {
        XReg(self.0)
    }
}

/// `x{n}`. Register numbers are not data: an out-of-range `n` (> 30) is a programming error
/// and fails const evaluation / panics. Use [`XReg::new`] for a checked conversion.
#[allow(non_snake_case)]
pub const fn X(n: u8) -> XReg {
    match XReg::new(n) {
        Some(r) => r,
        None => panic!("x register number out of range (0..=30)"),
    }
}

/// `w{n}`, see [`X`].
#[allow(non_snake_case)]
pub const fn W(n: u8) -> WReg {
    match WReg::new(n) {
        Some(r) => r,
        None => panic!("w register number out of range (0..=30)"),
    }
}

impl Rz<Sf64> for XReg {
    fn enc(self) -> u32 {
        self.0 as u32
    }
}
impl Rsp<Sf64> for XReg {
    fn enc(self) -> u32 {
        self.0 as u32
    }
}
impl Rz<Sf32> for WReg {
    fn enc(self) -> u32 {
        self.0 as u32
    }
}
impl Rsp<Sf32> for WReg {
    fn enc(self) -> u32 {
        self.0 as u32
    }
}
impl Rz<Sf64> for Xzr {
    fn enc(self) -> u32 {
        31
    }
}
impl Rz<Sf32> for Wzr {
    fn enc(self) -> u32 {
        31
    }
}
impl Rsp<Sf64> for Sp {
    fn enc(self) -> u32 {
        31
    }
}
impl Rsp<Sf32> for Wsp {
    fn enc(self) -> u32 {
        31
    }
}

impl fmt::Debug for XReg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "x{}", self.0)
    }
}
impl fmt::Debug for WReg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "w{}", self.0)
    }
}

/// A floating-point/SIMD register viewed at one precision.
pub trait FReg: Copy {
    /// The `ftype` field of scalar FP instructions: 0 single, 1 double.
    const FTYPE: u32;
    /// The 5-bit register field value.
    fn enc(self) -> u32;
}

/// A 64-bit (double) FP register d0..d31.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct DReg(u8);
/// A 32-bit (single) FP register s0..s31.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct SReg(u8);

impl DReg {
    /// `d{n}` for n in 0..=31.
    pub const fn new(n: u8) -> Option<DReg> {
        if n <= 31 { Some(DReg(n)) } else { None }
    }
    /// The register number.
    pub const fn num(self) -> u8 {
        self.0
    }
    /// The single-precision view.
    pub const fn s(self) -> SReg {
        SReg(self.0)
    }
}
impl SReg {
    /// `s{n}` for n in 0..=31.
    pub const fn new(n: u8) -> Option<SReg> {
        if n <= 31 { Some(SReg(n)) } else { None }
    }
    /// The register number.
    pub const fn num(self) -> u8 {
        self.0
    }
    /// The double-precision view.
    pub const fn d(self) -> DReg {
        DReg(self.0)
    }
}

/// `d{n}`, see [`X`] (n in 0..=31).
#[allow(non_snake_case)]
pub const fn D(n: u8) -> DReg {
    match DReg::new(n) {
        Some(r) => r,
        None => panic!("d register number out of range (0..=31)"),
    }
}
/// `s{n}`, see [`X`] (n in 0..=31).
#[allow(non_snake_case)]
pub const fn S(n: u8) -> SReg {
    match SReg::new(n) {
        Some(r) => r,
        None => panic!("s register number out of range (0..=31)"),
    }
}

impl FReg for DReg {
    const FTYPE: u32 = 1;
    fn enc(self) -> u32 {
        self.0 as u32
    }
}
impl FReg for SReg {
    const FTYPE: u32 = 0;
    fn enc(self) -> u32 {
        self.0 as u32
    }
}
impl fmt::Debug for DReg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "d{}", self.0)
    }
}
impl fmt::Debug for SReg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "s{}", self.0)
    }
}

macro_rules! consts {
    ($ty:ident, $ctor:ident; $($name:ident = $n:expr),* $(,)?) => {
        $( #[allow(missing_docs)] pub const $name: $ty = $ctor($n); )*
    };
}

consts!(XReg, X; X0 = 0, X1 = 1, X2 = 2, X3 = 3, X4 = 4, X5 = 5, X6 = 6, X7 = 7, X8 = 8,
    X9 = 9, X10 = 10, X11 = 11, X12 = 12, X13 = 13, X14 = 14, X15 = 15, X16 = 16, X17 = 17,
    X18 = 18, X19 = 19, X20 = 20, X21 = 21, X22 = 22, X23 = 23, X24 = 24, X25 = 25, X26 = 26,
    X27 = 27, X28 = 28, X29 = 29, X30 = 30);
consts!(WReg, W; W0 = 0, W1 = 1, W2 = 2, W3 = 3, W4 = 4, W5 = 5, W6 = 6, W7 = 7, W8 = 8,
    W9 = 9, W10 = 10, W11 = 11, W12 = 12, W13 = 13, W14 = 14, W15 = 15, W16 = 16, W17 = 17,
    W18 = 18, W19 = 19, W20 = 20, W21 = 21, W22 = 22, W23 = 23, W24 = 24, W25 = 25, W26 = 26,
    W27 = 27, W28 = 28, W29 = 29, W30 = 30);
consts!(DReg, D; D0 = 0, D1 = 1, D2 = 2, D3 = 3, D4 = 4, D5 = 5, D6 = 6, D7 = 7, D8 = 8,
    D9 = 9, D10 = 10, D11 = 11, D12 = 12, D13 = 13, D14 = 14, D15 = 15, D16 = 16, D17 = 17,
    D18 = 18, D19 = 19, D20 = 20, D21 = 21, D22 = 22, D23 = 23, D24 = 24, D25 = 25, D26 = 26,
    D27 = 27, D28 = 28, D29 = 29, D30 = 30, D31 = 31);
consts!(SReg, S; S0 = 0, S1 = 1, S2 = 2, S3 = 3, S4 = 4, S5 = 5, S6 = 6, S7 = 7, S8 = 8,
    S9 = 9, S10 = 10, S11 = 11, S12 = 12, S13 = 13, S14 = 14, S15 = 15, S16 = 16, S17 = 17,
    S18 = 18, S19 = 19, S20 = 20, S21 = 21, S22 = 22, S23 = 23, S24 = 24, S25 = 25, S26 = 26,
    S27 = 27, S28 = 28, S29 = 29, S30 = 30, S31 = 31);

/// Frame pointer alias (x29).
pub const FP: XReg = X29;
/// Link register alias (x30).
pub const LR: XReg = X30;

/// A 64-bit base register for addressing: x0..x30 or SP (never XZR).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct XRegSp(u8);

impl XRegSp {
    /// The 5-bit field value (31 = SP).
    pub const fn enc(self) -> u32 {
        self.0 as u32
    }
}
impl From<XReg> for XRegSp {
    fn from(r: XReg) -> XRegSp {
        XRegSp(r.0)
    }
}
impl From<Sp> for XRegSp {
    fn from(_: Sp) -> XRegSp {
        XRegSp(31)
    }
}
impl Rsp<Sf64> for XRegSp {
    fn enc(self) -> u32 {
        self.0 as u32
    }
}

/// A register operand of a load/store: an X, W, D or S register (or XZR/WZR for stores).
pub trait LdStReg: Copy {
    /// log2 of the access size in bytes (the `size` field; also the offset scale).
    const SIZE: u32;
    /// The `V` bit: 1 for FP/SIMD registers.
    const V: u32;
    /// The 5-bit register field value.
    fn enc(self) -> u32;
}
impl LdStReg for XReg {
    const SIZE: u32 = 3;
    const V: u32 = 0;
    fn enc(self) -> u32 {
        self.0 as u32
    }
}
impl LdStReg for Xzr {
    const SIZE: u32 = 3;
    const V: u32 = 0;
    fn enc(self) -> u32 {
        31
    }
}
impl LdStReg for WReg {
    const SIZE: u32 = 2;
    const V: u32 = 0;
    fn enc(self) -> u32 {
        self.0 as u32
    }
}
impl LdStReg for Wzr {
    const SIZE: u32 = 2;
    const V: u32 = 0;
    fn enc(self) -> u32 {
        31
    }
}
impl LdStReg for DReg {
    const SIZE: u32 = 3;
    const V: u32 = 1;
    fn enc(self) -> u32 {
        self.0 as u32
    }
}
impl LdStReg for SReg {
    const SIZE: u32 = 2;
    const V: u32 = 1;
    fn enc(self) -> u32 {
        self.0 as u32
    }
}

/// Ties an FP register type to the general-purpose size of the same width (D↔X, S↔W), for
/// `fmov` between register files.
pub trait SameWidth<S: Size>: FReg {}
impl SameWidth<Sf64> for DReg {}
impl SameWidth<Sf32> for SReg {}

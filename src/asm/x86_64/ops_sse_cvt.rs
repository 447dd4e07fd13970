//! SSE conversions between integers and floats, rounding, and sign masks on the
//! [`Assembler`]: `cvtsi2sd`/`cvtsi2ss` (from a 32- or 64-bit integer), `cvttsd2si`/
//! `cvttss2si` (truncating) and `cvtsd2si`/`cvtss2si` (rounding per MXCSR) to a 32- or
//! 64-bit integer, `roundsd`/`roundss` (SSE4.1), and `movmskpd`/`movmskps`.
//!
//! The width of the general register picks REX.W; an out-of-range or NaN conversion to an
//! integer yields the "integer indefinite" value `MIN` (`0x8000_0000[_0000_0000]`).

use super::Assembler;
use super::enc_insn::{Imm, Rm};
use super::operand::Mem;
use super::ops_sse::sse;
use super::reg::{Gpr, Reg32, Xmm};
use super::size::{LongSize, OpSize, Width};
use crate::asm::error::AsmResult;

/// The rounding of `roundsd`/`roundss`. The emitted immediate also sets bit 3, which
/// suppresses the precision (inexact) exception, as compilers do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoundMode {
    /// To nearest, ties to even.
    Nearest = 0,
    /// Toward negative infinity (`floor`).
    Down = 1,
    /// Toward positive infinity (`ceil`).
    Up = 2,
    /// Toward zero (`trunc`).
    Zero = 3,
}

impl RoundMode {
    /// The immediate operand: the mode, with precision exceptions suppressed.
    pub const fn imm(self) -> u8 {
        self as u8 | 0b1000
    }
}

macro_rules! int_to_float {
    ($($prefix:literal $name:literal: $rr:ident $rm:ident;)*) => {
        impl Assembler {
            $(
                #[doc = concat!("`", $name, " dst, src`: a signed 32- or 64-bit integer to float.")]
                pub fn $rr<R: Gpr>(&mut self, dst: Xmm, src: R)
                where
                    R::Size: LongSize,
                {
                    let w = R::Size::WIDTH == Width::B64;
                    self.emit_reg_insn(sse(Some($prefix), &[0x0F, 0x2A], w, dst.num(), Rm::Reg(src.num())));
                }
                #[doc = concat!("`", $name, " dst, size ptr [mem]`: a signed integer load to float.")]
                pub fn $rm<S: LongSize>(&mut self, dst: Xmm, _size: S, mem: Mem) -> AsmResult {
                    let w = S::WIDTH == Width::B64;
                    self.emit_insn(sse(Some($prefix), &[0x0F, 0x2A], w, dst.num(), Rm::Mem(mem)))
                }
            )*
        }
    };
}

int_to_float! {
    0xF2 "cvtsi2sd": cvtsi2sd_rr cvtsi2sd_rm;
    0xF3 "cvtsi2ss": cvtsi2ss_rr cvtsi2ss_rm;
}

macro_rules! float_to_int {
    ($($prefix:literal $op:literal $name:literal: $rr:ident $rm:ident, $doc:literal;)*) => {
        impl Assembler {
            $(
                #[doc = concat!("`", $name, " dst, src`: ", $doc)]
                pub fn $rr<R: Gpr>(&mut self, dst: R, src: Xmm)
                where
                    R::Size: LongSize,
                {
                    let w = R::Size::WIDTH == Width::B64;
                    self.emit_reg_insn(sse(Some($prefix), &[0x0F, $op], w, dst.num(), Rm::Reg(src.num())));
                }
                #[doc = concat!("`", $name, " dst, [mem]`: ", $doc)]
                pub fn $rm<R: Gpr>(&mut self, dst: R, mem: Mem) -> AsmResult
                where
                    R::Size: LongSize,
                {
                    let w = R::Size::WIDTH == Width::B64;
                    self.emit_insn(sse(Some($prefix), &[0x0F, $op], w, dst.num(), Rm::Mem(mem)))
                }
            )*
        }
    };
}

float_to_int! {
    0xF2 0x2C "cvttsd2si": cvttsd2si_rr cvttsd2si_rm, "double to signed integer, truncating.";
    0xF3 0x2C "cvttss2si": cvttss2si_rr cvttss2si_rm, "single to signed integer, truncating.";
    0xF2 0x2D "cvtsd2si": cvtsd2si_rr cvtsd2si_rm, "double to signed integer, rounding per \
        MXCSR (to nearest even by default).";
    0xF3 0x2D "cvtss2si": cvtss2si_rr cvtss2si_rm, "single to signed integer, rounding per \
        MXCSR.";
}

impl Assembler {
    /// `roundsd dst, src, mode` (SSE4.1, `66 0F 3A 0B /r ib`).
    pub fn roundsd_rr(&mut self, dst: Xmm, src: Xmm, mode: RoundMode) {
        let insn = sse(
            Some(0x66),
            &[0x0F, 0x3A, 0x0B],
            false,
            dst.num(),
            Rm::Reg(src.num()),
        );
        self.emit_reg_insn(insn.imm(Imm::I8(mode.imm() as i8)));
    }

    /// `roundsd dst, qword ptr [mem], mode`.
    pub fn roundsd_rm(&mut self, dst: Xmm, mem: Mem, mode: RoundMode) -> AsmResult {
        let insn = sse(
            Some(0x66),
            &[0x0F, 0x3A, 0x0B],
            false,
            dst.num(),
            Rm::Mem(mem),
        );
        self.emit_insn(insn.imm(Imm::I8(mode.imm() as i8)))
    }

    /// `roundss dst, src, mode` (SSE4.1, `66 0F 3A 0A /r ib`).
    pub fn roundss_rr(&mut self, dst: Xmm, src: Xmm, mode: RoundMode) {
        let insn = sse(
            Some(0x66),
            &[0x0F, 0x3A, 0x0A],
            false,
            dst.num(),
            Rm::Reg(src.num()),
        );
        self.emit_reg_insn(insn.imm(Imm::I8(mode.imm() as i8)));
    }

    /// `roundss dst, dword ptr [mem], mode`.
    pub fn roundss_rm(&mut self, dst: Xmm, mem: Mem, mode: RoundMode) -> AsmResult {
        let insn = sse(
            Some(0x66),
            &[0x0F, 0x3A, 0x0A],
            false,
            dst.num(),
            Rm::Mem(mem),
        );
        self.emit_insn(insn.imm(Imm::I8(mode.imm() as i8)))
    }

    /// `movmskpd dst, src`: the sign bits of the two doubles into bits 1:0 of `dst`
    /// (`66 0F 50 /r`); bit 0 is the sign of the scalar.
    pub fn movmskpd(&mut self, dst: Reg32, src: Xmm) {
        self.emit_reg_insn(sse(
            Some(0x66),
            &[0x0F, 0x50],
            false,
            dst.num(),
            Rm::Reg(src.num()),
        ));
    }

    /// `movmskps dst, src`: the sign bits of the four singles into bits 3:0 of `dst`
    /// (`0F 50 /r`).
    pub fn movmskps(&mut self, dst: Reg32, src: Xmm) {
        self.emit_reg_insn(sse(
            None,
            &[0x0F, 0x50],
            false,
            dst.num(),
            Rm::Reg(src.num()),
        ));
    }
}

//! Shifts and rotates on the [`Assembler`]: `shl shr sar rol ror` of a register by an
//! immediate (`C0/C1 /n ib`, or the by-one short form `D0/D1 /n`) and by `cl` (`D2/D3 /n`).
//! The hardware masks the count to 5 bits (6 for 64-bit operands).

use super::Assembler;
use super::enc_insn::Imm;
use super::forms::ext_r;
use super::reg::Gpr;
use super::size::OpSize;

impl Assembler {
    /// Shift group `/ext` of `dst` by `count`.
    fn shift_ri<R: Gpr>(&mut self, ext: u8, dst: R, count: u8) {
        let w = R::Size::WIDTH;
        if count == 1 {
            self.emit_reg_insn(ext_r(&[w.op(0xD0)], w, ext, dst));
        } else {
            self.emit_reg_insn(ext_r(&[w.op(0xC0)], w, ext, dst).imm(Imm::I8(count as i8)));
        }
    }

    /// Shift group `/ext` of `dst` by `cl`.
    fn shift_rcl<R: Gpr>(&mut self, ext: u8, dst: R) {
        let w = R::Size::WIDTH;
        self.emit_reg_insn(ext_r(&[w.op(0xD2)], w, ext, dst));
    }
}

macro_rules! shift_ops {
    ($($ext:literal $name:literal: $ri:ident $rcl:ident, $doc:literal;)*) => {
        impl Assembler {
            $(
                #[doc = concat!("`", $name, " dst, count`: ", $doc)]
                pub fn $ri<R: Gpr>(&mut self, dst: R, count: u8) {
                    self.shift_ri($ext, dst, count)
                }
                #[doc = concat!("`", $name, " dst, cl`: ", $doc)]
                pub fn $rcl<R: Gpr>(&mut self, dst: R) {
                    self.shift_rcl($ext, dst)
                }
            )*
        }
    };
}

shift_ops! {
    0 "rol": rol_ri rol_rcl, "rotate left.";
    1 "ror": ror_ri ror_rcl, "rotate right.";
    4 "shl": shl_ri shl_rcl, "shift left.";
    5 "shr": shr_ri shr_rcl, "logical (unsigned) shift right.";
    7 "sar": sar_ri sar_rcl, "arithmetic (signed) shift right.";
}

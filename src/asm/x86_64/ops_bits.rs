//! Bit operations on the [`Assembler`]: `bt`, the counts `lzcnt`/`tzcnt`/`popcnt`
//! (`F3 0F BD/BC/B8`, present only with the LZCNT, BMI1 and POPCNT CPUID bits, which the caller
//! checks) and their fallbacks `bsr`/`bsf` (`0F BD/BC`: the same opcodes without `F3`,
//! undefined destination for a zero source, ZF set).

use super::Assembler;
use super::enc_insn::Imm;
use super::forms::{ext_r, r_m, r_r};
use super::operand::Mem;
use super::reg::Gpr;
use super::size::{OpSize, WideSize};
use crate::asm::error::AsmResult;

impl Assembler {
    /// `bt src, bit`: CF = bit `bit` of `src` (`0F BA /4 ib`; the count is masked to the width).
    pub fn bt_ri<R: Gpr>(&mut self, src: R, bit: u8)
    where
        R::Size: WideSize,
    {
        let insn = ext_r(&[0x0F, 0xBA], R::Size::WIDTH, 4, src).imm(Imm::I8(bit as i8));
        self.emit_reg_insn(insn);
    }

    /// `bt src, bit`: CF = bit `bit` of `src` (`0F A3 /r`, count masked to the width).
    pub fn bt_rr<R: Gpr>(&mut self, src: R, bit: R)
    where
        R::Size: WideSize,
    {
        self.emit_reg_insn(r_r(&[0x0F, 0xA3], R::Size::WIDTH, bit, src));
    }

    /// `F3 0F op /r` (or `0F op` without `F3`): a bit count into `dst`.
    fn count_rr<R: Gpr>(&mut self, f3: bool, op: u8, dst: R, src: R) {
        let opcode = [0x0F, op];
        let mut insn = r_r(&opcode, R::Size::WIDTH, dst, src);
        if f3 {
            insn = insn.prefix(0xF3);
        }
        self.emit_reg_insn(insn);
    }

    fn count_rm<R: Gpr>(&mut self, f3: bool, op: u8, dst: R, mem: Mem) -> AsmResult {
        let opcode = [0x0F, op];
        let mut insn = r_m(&opcode, R::Size::WIDTH, dst, mem);
        if f3 {
            insn = insn.prefix(0xF3);
        }
        self.emit_insn(insn)
    }
}

macro_rules! count_ops {
    ($($f3:literal $op:literal $name:literal: $rr:ident $rm:ident, $doc:literal;)*) => {
        impl Assembler {
            $(
                #[doc = concat!("`", $name, " dst, src`: ", $doc)]
                pub fn $rr<R: Gpr>(&mut self, dst: R, src: R)
                where
                    R::Size: WideSize,
                {
                    self.count_rr($f3, $op, dst, src)
                }
                #[doc = concat!("`", $name, " dst, [mem]`: ", $doc)]
                pub fn $rm<R: Gpr>(&mut self, dst: R, mem: Mem) -> AsmResult
                where
                    R::Size: WideSize,
                {
                    self.count_rm($f3, $op, dst, mem)
                }
            )*
        }
    };
}

count_ops! {
    true 0xBD "lzcnt": lzcnt_rr lzcnt_rm, "leading zero count (the width for zero; needs LZCNT).";
    true 0xBC "tzcnt": tzcnt_rr tzcnt_rm, "trailing zero count (the width for zero; needs BMI1).";
    true 0xB8 "popcnt": popcnt_rr popcnt_rm, "population count (needs POPCNT).";
    false 0xBD "bsr": bsr_rr bsr_rm, "index of the highest set bit (ZF = 1 and `dst` \
        undefined for zero).";
    false 0xBC "bsf": bsf_rr bsf_rm, "index of the lowest set bit (ZF = 1 and `dst` \
        undefined for zero).";
}

//! SSE2 scalar floating point on the [`Assembler`]: moves (`movsd`/`movss`, `movaps`/`movapd`,
//! `movq`/`movd` between XMM and general registers), arithmetic (`add sub mul div sqrt min
//! max`, `sd` and `ss`), bitwise logic (`and andn or xor`, `pd` and `ps`, and `pxor`), and
//! compares (`ucomisd comisd ucomiss comiss`).
//!
//! Every instruction here is `[prefix] [REX] 0F op /r` with the destination (or the XMM
//! operand) in ModRM.reg; the prefix (`F2` double, `F3` single, `66` packed double, none for
//! packed single) is part of the opcode.

use super::Assembler;
use super::enc_insn::{Insn, Rm};
use super::operand::Mem;
use super::reg::{Reg32, Reg64, Xmm};
use crate::asm::error::AsmResult;

/// `[prefix] [REX.W] 0F op /r` with `reg` in ModRM.reg.
pub(super) fn sse(prefix: Option<u8>, op: &[u8], w: bool, reg: u8, rm: Rm) -> Insn<'_> {
    let insn = Insn::new(op).w(w).modrm(reg, rm);
    match prefix {
        Some(p) => insn.prefix(p),
        None => insn,
    }
}

macro_rules! sse_ops {
    ($($prefix:expr, $op:literal $name:literal: $rr:ident $rm:ident, $doc:literal;)*) => {
        impl Assembler {
            $(
                #[doc = concat!("`", $name, " dst, src`: ", $doc)]
                pub fn $rr(&mut self, dst: Xmm, src: Xmm) {
                    self.emit_reg_insn(sse($prefix, &[0x0F, $op], false, dst.num(), Rm::Reg(src.num())));
                }
                #[doc = concat!("`", $name, " dst, [mem]`: ", $doc)]
                pub fn $rm(&mut self, dst: Xmm, mem: Mem) -> AsmResult {
                    self.emit_insn(sse($prefix, &[0x0F, $op], false, dst.num(), Rm::Mem(mem)))
                }
            )*
        }
    };
}

const SD: Option<u8> = Some(0xF2);
const SS: Option<u8> = Some(0xF3);
const PD: Option<u8> = Some(0x66);
const PS: Option<u8> = None;

sse_ops! {
    SD, 0x10 "movsd": movsd_rr movsd_rm, "move the low double (a register move keeps the \
        upper half of `dst`; a load zeroes it).";
    SS, 0x10 "movss": movss_rr movss_rm, "move the low single (a load zeroes the rest).";
    PS, 0x28 "movaps": movaps_rr movaps_rm, "move all 128 bits (memory 16-byte aligned).";
    PD, 0x28 "movapd": movapd_rr movapd_rm, "move all 128 bits (memory 16-byte aligned).";
    SS, 0x7E "movq": movq_rr movq_rm, "move the low 64 bits, zeroing the upper half.";
    SD, 0x58 "addsd": addsd_rr addsd_rm, "double add.";
    SD, 0x5C "subsd": subsd_rr subsd_rm, "double subtract.";
    SD, 0x59 "mulsd": mulsd_rr mulsd_rm, "double multiply.";
    SD, 0x5E "divsd": divsd_rr divsd_rm, "double divide.";
    SD, 0x51 "sqrtsd": sqrtsd_rr sqrtsd_rm, "double square root.";
    SD, 0x5D "minsd": minsd_rr minsd_rm, "`src` if either is NaN or both are zero, else the \
        smaller (not IEEE `minimum`).";
    SD, 0x5F "maxsd": maxsd_rr maxsd_rm, "`src` if either is NaN or both are zero, else the \
        larger (not IEEE `maximum`).";
    SS, 0x58 "addss": addss_rr addss_rm, "single add.";
    SS, 0x5C "subss": subss_rr subss_rm, "single subtract.";
    SS, 0x59 "mulss": mulss_rr mulss_rm, "single multiply.";
    SS, 0x5E "divss": divss_rr divss_rm, "single divide.";
    SS, 0x51 "sqrtss": sqrtss_rr sqrtss_rm, "single square root.";
    SS, 0x5D "minss": minss_rr minss_rm, "single minimum (as `minsd`).";
    SS, 0x5F "maxss": maxss_rr maxss_rm, "single maximum (as `maxsd`).";
    PD, 0x54 "andpd": andpd_rr andpd_rm, "bitwise and (memory 16-byte aligned).";
    PD, 0x55 "andnpd": andnpd_rr andnpd_rm, "`!dst & src` (memory 16-byte aligned).";
    PD, 0x56 "orpd": orpd_rr orpd_rm, "bitwise or (memory 16-byte aligned).";
    PD, 0x57 "xorpd": xorpd_rr xorpd_rm, "bitwise xor (memory 16-byte aligned).";
    PS, 0x54 "andps": andps_rr andps_rm, "bitwise and (memory 16-byte aligned).";
    PS, 0x55 "andnps": andnps_rr andnps_rm, "`!dst & src` (memory 16-byte aligned).";
    PS, 0x56 "orps": orps_rr orps_rm, "bitwise or (memory 16-byte aligned).";
    PS, 0x57 "xorps": xorps_rr xorps_rm, "bitwise xor (memory 16-byte aligned); \
        `xorps x, x` zeroes `x`.";
    PD, 0xEF "pxor": pxor_rr pxor_rm, "integer bitwise xor (memory 16-byte aligned).";
    PD, 0x2E "ucomisd": ucomisd_rr ucomisd_rm, "compare doubles into ZF/PF/CF (unordered: \
        all three set; quiet NaNs do not raise).";
    PD, 0x2F "comisd": comisd_rr comisd_rm, "compare doubles as `ucomisd`, raising invalid \
        for any NaN.";
    PS, 0x2E "ucomiss": ucomiss_rr ucomiss_rm, "compare singles (as `ucomisd`).";
    PS, 0x2F "comiss": comiss_rr comiss_rm, "compare singles (as `comisd`).";
    SS, 0x5A "cvtss2sd": cvtss2sd_rr cvtss2sd_rm, "single to double.";
    SD, 0x5A "cvtsd2ss": cvtsd2ss_rr cvtsd2ss_rm, "double to single (rounded per MXCSR).";
}

impl Assembler {
    /// `movsd qword ptr [mem], src`: stores the low double (`F2 0F 11 /r`).
    pub fn movsd_mr(&mut self, mem: Mem, src: Xmm) -> AsmResult {
        self.emit_insn(sse(SD, &[0x0F, 0x11], false, src.num(), Rm::Mem(mem)))
    }

    /// `movss dword ptr [mem], src`: stores the low single (`F3 0F 11 /r`).
    pub fn movss_mr(&mut self, mem: Mem, src: Xmm) -> AsmResult {
        self.emit_insn(sse(SS, &[0x0F, 0x11], false, src.num(), Rm::Mem(mem)))
    }

    /// `movq dst, src`: the 64 bits of `src` into the low half of `dst`, upper half zeroed
    /// (`66 REX.W 0F 6E /r`).
    pub fn movq_xr(&mut self, dst: Xmm, src: Reg64) {
        self.emit_reg_insn(sse(PD, &[0x0F, 0x6E], true, dst.num(), Rm::Reg(src.num())));
    }

    /// `movq dst, src`: the low 64 bits of `src` (`66 REX.W 0F 7E /r`).
    pub fn movq_rx(&mut self, dst: Reg64, src: Xmm) {
        self.emit_reg_insn(sse(PD, &[0x0F, 0x7E], true, src.num(), Rm::Reg(dst.num())));
    }

    /// `movd dst, src`: the 32 bits of `src` into the low lane of `dst`, the rest zeroed
    /// (`66 0F 6E /r`).
    pub fn movd_xr(&mut self, dst: Xmm, src: Reg32) {
        self.emit_reg_insn(sse(PD, &[0x0F, 0x6E], false, dst.num(), Rm::Reg(src.num())));
    }

    /// `movd dst, src`: the low 32 bits of `src` (`66 0F 7E /r`).
    pub fn movd_rx(&mut self, dst: Reg32, src: Xmm) {
        self.emit_reg_insn(sse(PD, &[0x0F, 0x7E], false, src.num(), Rm::Reg(dst.num())));
    }
}

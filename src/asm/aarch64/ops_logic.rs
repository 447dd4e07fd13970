//! Logical operations, shifts, bitfield moves and register moves on the [`Assembler`].

use super::Assembler;
use super::enc_arith::*;
use super::imm::BitmaskImm;
use super::operand::Shift;
use super::reg::{Rsp, Rz, Sf32, Sf64, Size};
use crate::asm::error::{AsmError, AsmResult};

const ZR: u32 = 31;

macro_rules! logic_reg {
    ($( $name:ident, $name_sh:ident, $opc:expr, $n:expr, $doc:expr; )*) => { $(
        #[doc = concat!("`", $doc, " rd, rn, rm`")]
        pub fn $name<S: Size>(&mut self, rd: impl Rz<S>, rn: impl Rz<S>, rm: impl Rz<S>) {
            self.emit(enc_logic_shifted(S::SF, $opc, 0, $n, rm.enc(), 0, rn.enc(), rd.enc()));
        }
        #[doc = concat!("`", $doc, " rd, rn, rm, shift #amount` (lsl/lsr/asr/ror; amount < width)")]
        pub fn $name_sh<S: Size>(
            &mut self,
            rd: impl Rz<S>,
            rn: impl Rz<S>,
            rm: impl Rz<S>,
            shift: Shift,
            amount: u32,
        ) -> AsmResult {
            let imm6 = check_amount::<S>(amount)?;
            self.emit(enc_logic_shifted(S::SF, $opc, shift as u32, $n, rm.enc(), imm6, rn.enc(), rd.enc()));
            Ok(())
        }
    )* };
}

macro_rules! logic_imm {
    ($( $name:ident, $opc:expr, $rd:ident, $doc:expr; )*) => { $(
        #[doc = concat!("`", $doc, " rd, rn, #imm`; fails if `imm` is not a bitmask immediate for the width.")]
        pub fn $name<S: Size>(&mut self, rd: impl $rd<S>, rn: impl Rz<S>, imm: u64) -> AsmResult {
            let b = BitmaskImm::try_new(imm, S::BITS)?;
            self.emit(enc_logic_imm(S::SF, $opc, b.n(), b.immr(), b.imms(), rn.enc(), rd.enc()));
            Ok(())
        }
    )* };
}

fn check_amount<S: Size>(amount: u32) -> AsmResult<u32> {
    if amount >= S::BITS {
        return Err(AsmError::ImmNotEncodable {
            what: "shift amount",
            value: amount as i64,
        });
    }
    Ok(amount)
}

/// `!imm` within the operation width; a 32-bit `imm` with high bits set is an error.
fn invert<S: Size>(imm: u64) -> AsmResult<u64> {
    if S::BITS == 32 {
        if imm >> 32 != 0 {
            return Err(AsmError::ImmNotEncodable {
                what: "bitmask immediate",
                value: imm as i64,
            });
        }
        Ok(!imm & 0xffff_ffff)
    } else {
        Ok(!imm)
    }
}

fn check_hw<S: Size>(shift: u32) -> AsmResult<u32> {
    if !shift.is_multiple_of(16) || shift >= S::BITS {
        return Err(AsmError::ImmNotEncodable {
            what: "move-wide shift (0/16/32/48)",
            value: shift as i64,
        });
    }
    Ok(shift / 16)
}

/// Checks `lsb`/`width` of a bitfield alias: 0 ≤ lsb < bits, 1 ≤ width ≤ bits − lsb.
fn check_field<S: Size>(lsb: u32, width: u32) -> AsmResult {
    if lsb >= S::BITS || width == 0 || width > S::BITS - lsb {
        return Err(AsmError::ImmNotEncodable {
            what: "bitfield lsb/width",
            value: ((lsb as i64) << 32) | width as i64,
        });
    }
    Ok(())
}

impl Assembler {
    logic_reg! {
        and, and_shifted, 0b00, 0, "and";
        bic, bic_shifted, 0b00, 1, "bic";
        orr, orr_shifted, 0b01, 0, "orr";
        orn, orn_shifted, 0b01, 1, "orn";
        eor, eor_shifted, 0b10, 0, "eor";
        eon, eon_shifted, 0b10, 1, "eon";
        ands, ands_shifted, 0b11, 0, "ands";
        bics, bics_shifted, 0b11, 1, "bics";
    }

    logic_imm! {
        and_imm, 0b00, Rsp, "and";
        orr_imm, 0b01, Rsp, "orr";
        eor_imm, 0b10, Rsp, "eor";
        ands_imm, 0b11, Rz, "ands";
    }

    /// `bic rd, rn, #imm` (= `and rd, rn, #!imm`); fails unless `!imm` (within the width) is
    /// a bitmask immediate.
    pub fn bic_imm<S: Size>(&mut self, rd: impl Rsp<S>, rn: impl Rz<S>, imm: u64) -> AsmResult {
        self.and_imm(rd, rn, invert::<S>(imm)?)
    }
    /// `bics rd, rn, #imm` (= `ands rd, rn, #!imm`).
    pub fn bics_imm<S: Size>(&mut self, rd: impl Rz<S>, rn: impl Rz<S>, imm: u64) -> AsmResult {
        self.ands_imm(rd, rn, invert::<S>(imm)?)
    }
    /// `orn rd, rn, #imm` (= `orr rd, rn, #!imm`).
    pub fn orn_imm<S: Size>(&mut self, rd: impl Rsp<S>, rn: impl Rz<S>, imm: u64) -> AsmResult {
        self.orr_imm(rd, rn, invert::<S>(imm)?)
    }
    /// `eon rd, rn, #imm` (= `eor rd, rn, #!imm`).
    pub fn eon_imm<S: Size>(&mut self, rd: impl Rsp<S>, rn: impl Rz<S>, imm: u64) -> AsmResult {
        self.eor_imm(rd, rn, invert::<S>(imm)?)
    }

    /// `tst rn, rm` (= `ands zr, rn, rm`).
    pub fn tst<S: Size>(&mut self, rn: impl Rz<S>, rm: impl Rz<S>) {
        self.emit(enc_logic_shifted(
            S::SF,
            0b11,
            0,
            0,
            rm.enc(),
            0,
            rn.enc(),
            ZR,
        ));
    }
    /// `tst rn, #imm` (= `ands zr, rn, #imm`); fails if not a bitmask immediate.
    pub fn tst_imm<S: Size>(&mut self, rn: impl Rz<S>, imm: u64) -> AsmResult {
        let b = BitmaskImm::try_new(imm, S::BITS)?;
        self.emit(enc_logic_imm(
            S::SF,
            0b11,
            b.n(),
            b.immr(),
            b.imms(),
            rn.enc(),
            ZR,
        ));
        Ok(())
    }
    /// `mvn rd, rm` (= `orn rd, zr, rm`).
    pub fn mvn<S: Size>(&mut self, rd: impl Rz<S>, rm: impl Rz<S>) {
        self.emit(enc_logic_shifted(
            S::SF,
            0b01,
            0,
            1,
            rm.enc(),
            0,
            ZR,
            rd.enc(),
        ));
    }

    /// `mov rd, rm` between general registers (= `orr rd, zr, rm`). For SP use [`Self::mov_sp`].
    pub fn mov<S: Size>(&mut self, rd: impl Rz<S>, rm: impl Rz<S>) {
        self.emit(enc_logic_shifted(
            S::SF,
            0b01,
            0,
            0,
            rm.enc(),
            0,
            ZR,
            rd.enc(),
        ));
    }
    /// `mov rd, rn` where either may be SP (= `add rd, rn, #0`).
    pub fn mov_sp<S: Size>(&mut self, rd: impl Rsp<S>, rn: impl Rsp<S>) {
        self.emit(enc_arith_imm(S::SF, 0, 0, 0, 0, rn.enc(), rd.enc()));
    }

    /// `movz rd, #imm16, lsl #shift` (shift 0/16, or also 32/48 for X).
    pub fn movz<S: Size>(&mut self, rd: impl Rz<S>, imm16: u16, shift: u32) -> AsmResult {
        let hw = check_hw::<S>(shift)?;
        self.emit(enc_move_wide(S::SF, 0b10, hw, imm16 as u32, rd.enc()));
        Ok(())
    }
    /// `movn rd, #imm16, lsl #shift` (rd = !(imm16 << shift)).
    pub fn movn<S: Size>(&mut self, rd: impl Rz<S>, imm16: u16, shift: u32) -> AsmResult {
        let hw = check_hw::<S>(shift)?;
        self.emit(enc_move_wide(S::SF, 0b00, hw, imm16 as u32, rd.enc()));
        Ok(())
    }
    /// `movk rd, #imm16, lsl #shift` (replace one halfword, keep the rest).
    pub fn movk<S: Size>(&mut self, rd: impl Rz<S>, imm16: u16, shift: u32) -> AsmResult {
        let hw = check_hw::<S>(shift)?;
        self.emit(enc_move_wide(S::SF, 0b11, hw, imm16 as u32, rd.enc()));
        Ok(())
    }

    /// Loads any 64-bit constant into `rd` with the shortest sequence this assembler knows
    /// (see [`super::movimm`]): one movz/movn/orr-immediate, or movz/movn/orr followed by
    /// movk for the remaining halfwords. At most 4 instructions.
    pub fn mov_imm64(&mut self, rd: impl Rz<Sf64>, value: u64) {
        for step in super::movimm::plan(value, 64) {
            self.emit(step.encode(1, rd.enc()));
        }
    }
    /// Loads any 64-bit constant into `rd` without searching for the shortest sequence
    /// ([`super::movimm::plan_quick`]: at most one instruction longer than `mov_imm64`).
    pub fn mov_imm64_quick(&mut self, rd: impl Rz<Sf64>, value: u64) {
        for step in super::movimm::plan_quick(value, 64) {
            self.emit(step.encode(1, rd.enc()));
        }
    }
    /// Loads any 32-bit constant into `rd` (at most 2 instructions).
    pub fn mov_imm32(&mut self, rd: impl Rz<Sf32>, value: u32) {
        for step in super::movimm::plan(value as u64, 32) {
            self.emit(step.encode(0, rd.enc()));
        }
    }

    /// `lsl rd, rn, rm` (= `lslv`).
    pub fn lsl<S: Size>(&mut self, rd: impl Rz<S>, rn: impl Rz<S>, rm: impl Rz<S>) {
        self.emit(enc_dp2(S::SF, 0b001000, rm.enc(), rn.enc(), rd.enc()));
    }
    /// `lsr rd, rn, rm` (= `lsrv`).
    pub fn lsr<S: Size>(&mut self, rd: impl Rz<S>, rn: impl Rz<S>, rm: impl Rz<S>) {
        self.emit(enc_dp2(S::SF, 0b001001, rm.enc(), rn.enc(), rd.enc()));
    }
    /// `asr rd, rn, rm` (= `asrv`).
    pub fn asr<S: Size>(&mut self, rd: impl Rz<S>, rn: impl Rz<S>, rm: impl Rz<S>) {
        self.emit(enc_dp2(S::SF, 0b001010, rm.enc(), rn.enc(), rd.enc()));
    }
    /// `ror rd, rn, rm` (= `rorv`).
    pub fn ror<S: Size>(&mut self, rd: impl Rz<S>, rn: impl Rz<S>, rm: impl Rz<S>) {
        self.emit(enc_dp2(S::SF, 0b001011, rm.enc(), rn.enc(), rd.enc()));
    }
    /// `lsl rd, rn, #amount` (= `ubfm rd, rn, #(-amount mod w), #(w-1-amount)`).
    pub fn lsl_imm<S: Size>(&mut self, rd: impl Rz<S>, rn: impl Rz<S>, amount: u32) -> AsmResult {
        let a = check_amount::<S>(amount)?;
        let immr = (S::BITS - a) % S::BITS;
        self.emit(enc_bitfield(
            S::SF,
            0b10,
            immr,
            S::BITS - 1 - a,
            rn.enc(),
            rd.enc(),
        ));
        Ok(())
    }
    /// `lsr rd, rn, #amount` (= `ubfm rd, rn, #amount, #(w-1)`).
    pub fn lsr_imm<S: Size>(&mut self, rd: impl Rz<S>, rn: impl Rz<S>, amount: u32) -> AsmResult {
        let a = check_amount::<S>(amount)?;
        self.emit(enc_bitfield(
            S::SF,
            0b10,
            a,
            S::BITS - 1,
            rn.enc(),
            rd.enc(),
        ));
        Ok(())
    }
    /// `asr rd, rn, #amount` (= `sbfm rd, rn, #amount, #(w-1)`).
    pub fn asr_imm<S: Size>(&mut self, rd: impl Rz<S>, rn: impl Rz<S>, amount: u32) -> AsmResult {
        let a = check_amount::<S>(amount)?;
        self.emit(enc_bitfield(
            S::SF,
            0b00,
            a,
            S::BITS - 1,
            rn.enc(),
            rd.enc(),
        ));
        Ok(())
    }
    /// `ror rd, rn, #amount` (= `extr rd, rn, rn, #amount`).
    pub fn ror_imm<S: Size>(&mut self, rd: impl Rz<S>, rn: impl Rz<S>, amount: u32) -> AsmResult {
        let a = check_amount::<S>(amount)?;
        self.emit(enc_extr(S::SF, rn.enc(), a, rn.enc(), rd.enc()));
        Ok(())
    }
    /// `extr rd, rn, rm, #lsb`.
    pub fn extr<S: Size>(
        &mut self,
        rd: impl Rz<S>,
        rn: impl Rz<S>,
        rm: impl Rz<S>,
        lsb: u32,
    ) -> AsmResult {
        let a = check_amount::<S>(lsb)?;
        self.emit(enc_extr(S::SF, rm.enc(), a, rn.enc(), rd.enc()));
        Ok(())
    }

    fn bitfield<S: Size>(&mut self, opc: u32, rd: u32, rn: u32, immr: u32, imms: u32) -> AsmResult {
        if immr >= S::BITS || imms >= S::BITS {
            return Err(AsmError::ImmNotEncodable {
                what: "bitfield immr/imms (< width)",
                value: ((immr as i64) << 32) | imms as i64,
            });
        }
        self.emit(enc_bitfield(S::SF, opc, immr, imms, rn, rd));
        Ok(())
    }
    /// `ubfm rd, rn, #immr, #imms`.
    pub fn ubfm<S: Size>(
        &mut self,
        rd: impl Rz<S>,
        rn: impl Rz<S>,
        immr: u32,
        imms: u32,
    ) -> AsmResult {
        self.bitfield::<S>(0b10, rd.enc(), rn.enc(), immr, imms)
    }
    /// `sbfm rd, rn, #immr, #imms`.
    pub fn sbfm<S: Size>(
        &mut self,
        rd: impl Rz<S>,
        rn: impl Rz<S>,
        immr: u32,
        imms: u32,
    ) -> AsmResult {
        self.bitfield::<S>(0b00, rd.enc(), rn.enc(), immr, imms)
    }
    /// `bfm rd, rn, #immr, #imms`.
    pub fn bfm<S: Size>(
        &mut self,
        rd: impl Rz<S>,
        rn: impl Rz<S>,
        immr: u32,
        imms: u32,
    ) -> AsmResult {
        self.bitfield::<S>(0b01, rd.enc(), rn.enc(), immr, imms)
    }
    /// `ubfx rd, rn, #lsb, #width` (extract, zero-extend).
    pub fn ubfx<S: Size>(
        &mut self,
        rd: impl Rz<S>,
        rn: impl Rz<S>,
        lsb: u32,
        width: u32,
    ) -> AsmResult {
        check_field::<S>(lsb, width)?;
        self.bitfield::<S>(0b10, rd.enc(), rn.enc(), lsb, lsb + width - 1)
    }
    /// `sbfx rd, rn, #lsb, #width` (extract, sign-extend).
    pub fn sbfx<S: Size>(
        &mut self,
        rd: impl Rz<S>,
        rn: impl Rz<S>,
        lsb: u32,
        width: u32,
    ) -> AsmResult {
        check_field::<S>(lsb, width)?;
        self.bitfield::<S>(0b00, rd.enc(), rn.enc(), lsb, lsb + width - 1)
    }
    /// `bfxil rd, rn, #lsb, #width` (insert low bits from an extracted field).
    pub fn bfxil<S: Size>(
        &mut self,
        rd: impl Rz<S>,
        rn: impl Rz<S>,
        lsb: u32,
        width: u32,
    ) -> AsmResult {
        check_field::<S>(lsb, width)?;
        self.bitfield::<S>(0b01, rd.enc(), rn.enc(), lsb, lsb + width - 1)
    }
    /// The "insert" form shared by ubfiz/sbfiz/bfi: the low `width` bits of rn go to bit `lsb`
    /// (immr = -lsb mod size, imms = width - 1).
    fn bitfield_insert<S: Size>(
        &mut self,
        opc: u32,
        rd: u32,
        rn: u32,
        lsb: u32,
        width: u32,
    ) -> AsmResult {
        check_field::<S>(lsb, width)?;
        self.bitfield::<S>(opc, rd, rn, (S::BITS - lsb) % S::BITS, width - 1)
    }
    /// `ubfiz rd, rn, #lsb, #width` (zero-extend the low `width` bits, shift left by `lsb`).
    pub fn ubfiz<S: Size>(
        &mut self,
        rd: impl Rz<S>,
        rn: impl Rz<S>,
        lsb: u32,
        width: u32,
    ) -> AsmResult {
        self.bitfield_insert::<S>(0b10, rd.enc(), rn.enc(), lsb, width)
    }
    /// `sbfiz rd, rn, #lsb, #width`.
    pub fn sbfiz<S: Size>(
        &mut self,
        rd: impl Rz<S>,
        rn: impl Rz<S>,
        lsb: u32,
        width: u32,
    ) -> AsmResult {
        self.bitfield_insert::<S>(0b00, rd.enc(), rn.enc(), lsb, width)
    }
    /// `bfi rd, rn, #lsb, #width` (insert the low `width` bits of rn at `lsb`).
    pub fn bfi<S: Size>(
        &mut self,
        rd: impl Rz<S>,
        rn: impl Rz<S>,
        lsb: u32,
        width: u32,
    ) -> AsmResult {
        self.bitfield_insert::<S>(0b01, rd.enc(), rn.enc(), lsb, width)
    }
    /// `sxtb rd, wn` (sign-extend byte; rd is W or X).
    pub fn sxtb<S: Size>(&mut self, rd: impl Rz<S>, rn: impl Rz<Sf32>) {
        self.emit(enc_bitfield(S::SF, 0b00, 0, 7, rn.enc(), rd.enc()));
    }
    /// `sxth rd, wn` (sign-extend halfword; rd is W or X).
    pub fn sxth<S: Size>(&mut self, rd: impl Rz<S>, rn: impl Rz<Sf32>) {
        self.emit(enc_bitfield(S::SF, 0b00, 0, 15, rn.enc(), rd.enc()));
    }
    /// `sxtw xd, wn` (sign-extend word).
    pub fn sxtw(&mut self, rd: impl Rz<Sf64>, rn: impl Rz<Sf32>) {
        self.emit(enc_bitfield(1, 0b00, 0, 31, rn.enc(), rd.enc()));
    }
    /// `uxtb wd, wn` (zero-extend byte; writing a W register also clears the upper half of X).
    pub fn uxtb(&mut self, rd: impl Rz<Sf32>, rn: impl Rz<Sf32>) {
        self.emit(enc_bitfield(0, 0b10, 0, 7, rn.enc(), rd.enc()));
    }
    /// `uxth wd, wn` (zero-extend halfword).
    pub fn uxth(&mut self, rd: impl Rz<Sf32>, rn: impl Rz<Sf32>) {
        self.emit(enc_bitfield(0, 0b10, 0, 15, rn.enc(), rd.enc()));
    }
}

//! Scalar floating-point instructions on the [`Assembler`] (double and single precision).

use super::Assembler;
use super::cond::Cond;
use super::enc_fp::*;
use super::imm::FpImm8;
use super::reg::{DReg, FReg, Rz, SReg, SameWidth, Size};
use crate::asm::error::{AsmError, AsmResult};

macro_rules! fp_rrr {
    ($( $name:ident, $opcode:expr; )*) => { $(
        #[doc = concat!("`", stringify!($name), " rd, rn, rm`")]
        pub fn $name<F: FReg>(&mut self, rd: F, rn: F, rm: F) {
            self.emit(enc_fp_rrr(F::FTYPE, $opcode, rm.enc(), rn.enc(), rd.enc()));
        }
    )* };
}

macro_rules! fp_rr {
    ($( $name:ident, $opcode:expr; )*) => { $(
        #[doc = concat!("`", stringify!($name), " rd, rn`")]
        pub fn $name<F: FReg>(&mut self, rd: F, rn: F) {
            self.emit(enc_fp_rr(F::FTYPE, $opcode, rn.enc(), rd.enc()));
        }
    )* };
}

impl Assembler {
    fp_rrr! {
        fmul, 0b0000;
        fdiv, 0b0001;
        fadd, 0b0010;
        fsub, 0b0011;
        fmax, 0b0100;
        fmin, 0b0101;
        fmaxnm, 0b0110;
        fminnm, 0b0111;
        fnmul, 0b1000;
    }

    fp_rr! {
        fmov, 0b000000;
        fabs, 0b000001;
        fneg, 0b000010;
        fsqrt, 0b000011;
        frintn, 0b001000;
        frintp, 0b001001;
        frintm, 0b001010;
        frintz, 0b001011;
        frinta, 0b001100;
        frintx, 0b001110;
        frinti, 0b001111;
    }

    /// `cnt vd.8b, vn.8b`: the number of set bits of each byte of the low 64 bits (Advanced
    /// SIMD; `rd`/`rn` name the vector registers by their D views).
    pub fn cnt_8b(&mut self, rd: DReg, rn: DReg) {
        self.emit(0x0E20_5800 | (rn.enc() << 5) | rd.enc());
    }
    /// `addv bd, vn.8b`: the sum of the eight bytes of the low 64 bits into byte 0 of `rd`
    /// (the rest of the register cleared).
    pub fn addv_8b(&mut self, rd: DReg, rn: DReg) {
        self.emit(0x0E31_B800 | (rn.enc() << 5) | rd.enc());
    }
    /// `fcvt dd, sn` (single → double, exact).
    pub fn fcvt_d_s(&mut self, rd: DReg, rn: SReg) {
        self.emit(enc_fp_rr(0, 0b000101, rn.enc(), rd.enc()));
    }
    /// `fcvt sd, dn` (double → single, rounded per FPCR).
    pub fn fcvt_s_d(&mut self, rd: SReg, rn: DReg) {
        self.emit(enc_fp_rr(1, 0b000100, rn.enc(), rd.enc()));
    }

    /// `fcvt dd, hn` (half → double, exact; `rn` names the H view by its S register).
    pub fn fcvt_d_h(&mut self, rd: DReg, rn: SReg) {
        self.emit(enc_fp_rr(0b11, 0b000101, rn.enc(), rd.enc()));
    }
    /// `fcvt hd, dn` (double → half, rounded per FPCR, the rest of the register cleared;
    /// `rd` names the H view by its S register).
    pub fn fcvt_h_d(&mut self, rd: SReg, rn: DReg) {
        self.emit(enc_fp_rr(1, 0b000111, rn.enc(), rd.enc()));
    }

    /// `fmov rd, #imm`; fails unless `imm` is ±(16..=31)/16 × 2^(-3..=4) exactly
    /// (so 0.0 is not encodable: use `fmov rd, xzr` via [`Self::fmov_from_gp`]).
    pub fn fmov_imm<F: FReg>(&mut self, rd: F, imm: f64) -> AsmResult {
        let i = FpImm8::from_f64(imm).ok_or(AsmError::ImmNotEncodable {
            what: "fmov immediate",
            value: imm.to_bits() as i64,
        })?;
        self.emit(enc_fmov_imm(F::FTYPE, i.bits(), rd.enc()));
        Ok(())
    }
    /// `fmov xd, dn` / `fmov wd, sn` (bit copy FP → general).
    pub fn fmov_to_gp<S: Size, F: SameWidth<S>>(&mut self, rd: impl Rz<S>, rn: F) {
        self.emit(enc_fp_int(S::SF, F::FTYPE, 0b00, 0b110, rn.enc(), rd.enc()));
    }
    /// `fmov dd, xn` / `fmov sd, wn` (bit copy general → FP; XZR gives +0.0).
    pub fn fmov_from_gp<S: Size, F: SameWidth<S>>(&mut self, rd: F, rn: impl Rz<S>) {
        self.emit(enc_fp_int(S::SF, F::FTYPE, 0b00, 0b111, rn.enc(), rd.enc()));
    }

    /// `fcmp rn, rm`.
    pub fn fcmp<F: FReg>(&mut self, rn: F, rm: F) {
        self.emit(enc_fcmp(F::FTYPE, rm.enc(), rn.enc(), 0b00000));
    }
    /// `fcmp rn, #0.0`.
    pub fn fcmp_zero<F: FReg>(&mut self, rn: F) {
        self.emit(enc_fcmp(F::FTYPE, 0, rn.enc(), 0b01000));
    }
    /// `fcmpe rn, rm` (signals on quiet NaN too).
    pub fn fcmpe<F: FReg>(&mut self, rn: F, rm: F) {
        self.emit(enc_fcmp(F::FTYPE, rm.enc(), rn.enc(), 0b10000));
    }
    /// `fcmpe rn, #0.0`.
    pub fn fcmpe_zero<F: FReg>(&mut self, rn: F) {
        self.emit(enc_fcmp(F::FTYPE, 0, rn.enc(), 0b11000));
    }
    /// `fcsel rd, rn, rm, cond`.
    pub fn fcsel<F: FReg>(&mut self, rd: F, rn: F, rm: F, cond: Cond) {
        self.emit(enc_fcsel(
            F::FTYPE,
            rm.enc(),
            cond.bits(),
            rn.enc(),
            rd.enc(),
        ));
    }

    /// `scvtf rd, rn` (signed integer W/X → single/double).
    pub fn scvtf<F: FReg, S: Size>(&mut self, rd: F, rn: impl Rz<S>) {
        self.emit(enc_fp_int(S::SF, F::FTYPE, 0b00, 0b010, rn.enc(), rd.enc()));
    }
    /// `ucvtf rd, rn` (unsigned integer W/X → single/double).
    pub fn ucvtf<F: FReg, S: Size>(&mut self, rd: F, rn: impl Rz<S>) {
        self.emit(enc_fp_int(S::SF, F::FTYPE, 0b00, 0b011, rn.enc(), rd.enc()));
    }
    /// `fcvtzs rd, rn` (single/double → signed W/X, toward zero, saturating).
    pub fn fcvtzs<S: Size, F: FReg>(&mut self, rd: impl Rz<S>, rn: F) {
        self.emit(enc_fp_int(S::SF, F::FTYPE, 0b11, 0b000, rn.enc(), rd.enc()));
    }
    /// `fcvtzu rd, rn` (single/double → unsigned W/X, toward zero, saturating).
    pub fn fcvtzu<S: Size, F: FReg>(&mut self, rd: impl Rz<S>, rn: F) {
        self.emit(enc_fp_int(S::SF, F::FTYPE, 0b11, 0b001, rn.enc(), rd.enc()));
    }
}

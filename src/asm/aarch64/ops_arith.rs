//! Integer arithmetic, multiply/divide, compare and conditional select on the [`Assembler`].

use super::Assembler;
use super::cond::Cond;
use super::enc_arith::*;
use super::imm::Imm12;
use super::operand::{Extend, Shift};
use super::reg::{Rsp, Rz, Sf32, Sf64, Size};
use crate::asm::error::{AsmError, AsmResult};

const ZR: u32 = 31;

fn shift_amount<S: Size>(shift: Shift, amount: u32, allow_ror: bool) -> AsmResult<u32> {
    if shift == Shift::Ror && !allow_ror {
        return Err(AsmError::InvalidOperand(
            "ror is not a valid shift for add/sub",
        ));
    }
    if amount >= S::BITS {
        return Err(AsmError::ImmNotEncodable {
            what: "shift amount",
            value: amount as i64,
        });
    }
    Ok(amount)
}

macro_rules! arith_ops {
    ($( $name:ident, $name_sh:ident, $name_imm:ident, $name_ext:ident, $op:expr, $s:expr,
        $rd_imm:ident, $doc:expr; )*) => { $(
        #[doc = concat!("`", $doc, " rd, rn, rm`")]
        pub fn $name<S: Size>(&mut self, rd: impl Rz<S>, rn: impl Rz<S>, rm: impl Rz<S>) {
            self.emit(enc_arith_shifted(S::SF, $op, $s, 0, rm.enc(), 0, rn.enc(), rd.enc()));
        }
        #[doc = concat!("`", $doc, " rd, rn, rm, shift #amount` (lsl/lsr/asr; amount < width)")]
        pub fn $name_sh<S: Size>(
            &mut self,
            rd: impl Rz<S>,
            rn: impl Rz<S>,
            rm: impl Rz<S>,
            shift: Shift,
            amount: u32,
        ) -> AsmResult {
            let imm6 = shift_amount::<S>(shift, amount, false)?;
            self.emit(enc_arith_shifted(S::SF, $op, $s, shift as u32, rm.enc(), imm6, rn.enc(), rd.enc()));
            Ok(())
        }
        #[doc = concat!("`", $doc, " rd, rn, #imm` (rn may be SP)")]
        pub fn $name_imm<S: Size>(&mut self, rd: impl $rd_imm<S>, rn: impl Rsp<S>, imm: Imm12) {
            self.emit(enc_arith_imm(S::SF, $op, $s, imm.sh(), imm.imm12(), rn.enc(), rd.enc()));
        }
        #[doc = concat!("`", $doc, " rd, rn, rm, extend #lsl` (extended register; rn may be SP).")]
        ///
        /// `rm` is a W register except for `uxtx`/`sxtx` of a 64-bit operation; `lsl` ≤ 4.
        pub fn $name_ext<S: Size, R: Size>(
            &mut self,
            rd: impl $rd_imm<S>,
            rn: impl Rsp<S>,
            rm: impl Rz<R>,
            extend: Extend,
            lsl: u32,
        ) -> AsmResult {
            check_ext::<S, R>(extend, lsl)?;
            self.emit(enc_arith_extended(S::SF, $op, $s, rm.enc(), extend as u32, lsl, rn.enc(), rd.enc()));
            Ok(())
        }
    )* };
}

fn check_ext<S: Size, R: Size>(extend: Extend, lsl: u32) -> AsmResult {
    let want_x = S::BITS == 64 && extend.takes_x();
    if (R::BITS == 64) != want_x {
        return Err(AsmError::InvalidOperand(
            "extended register: rm must be X for uxtx/sxtx of a 64-bit op, W otherwise",
        ));
    }
    if lsl > 4 {
        return Err(AsmError::ImmNotEncodable {
            what: "extend shift (0..=4)",
            value: lsl as i64,
        });
    }
    Ok(())
}

impl Assembler {
    arith_ops! {
        add, add_shifted, add_imm, add_ext, 0, 0, Rsp, "add";
        adds, adds_shifted, adds_imm, adds_ext, 0, 1, Rz, "adds";
        sub, sub_shifted, sub_imm, sub_ext, 1, 0, Rsp, "sub";
        subs, subs_shifted, subs_imm, subs_ext, 1, 1, Rz, "subs";
    }

    /// `add`/`sub` of any constant that fits ±imm12 (optionally `lsl #12`): picks `sub` for a
    /// negative value. Fails if `|value|` is not an [`Imm12`].
    pub fn add_imm_signed<S: Size>(
        &mut self,
        rd: impl Rsp<S>,
        rn: impl Rsp<S>,
        value: i64,
    ) -> AsmResult {
        let mag = value.unsigned_abs();
        let imm = Imm12::new(mag).ok_or(AsmError::ImmNotEncodable {
            what: "±imm12 (add/sub)",
            value,
        })?;
        let op = (value < 0) as u32;
        self.emit(enc_arith_imm(
            S::SF,
            op,
            0,
            imm.sh(),
            imm.imm12(),
            rn.enc(),
            rd.enc(),
        ));
        Ok(())
    }

    /// `neg rd, rm` (= `sub rd, zr, rm`).
    pub fn neg<S: Size>(&mut self, rd: impl Rz<S>, rm: impl Rz<S>) {
        self.emit(enc_arith_shifted(S::SF, 1, 0, 0, rm.enc(), 0, ZR, rd.enc()));
    }
    /// `negs rd, rm` (= `subs rd, zr, rm`).
    pub fn negs<S: Size>(&mut self, rd: impl Rz<S>, rm: impl Rz<S>) {
        self.emit(enc_arith_shifted(S::SF, 1, 1, 0, rm.enc(), 0, ZR, rd.enc()));
    }
    /// `cmp rn, rm` (= `subs zr, rn, rm`).
    pub fn cmp<S: Size>(&mut self, rn: impl Rz<S>, rm: impl Rz<S>) {
        self.emit(enc_arith_shifted(S::SF, 1, 1, 0, rm.enc(), 0, rn.enc(), ZR));
    }
    /// `cmp rn, rm, shift #amount`.
    pub fn cmp_shifted<S: Size>(
        &mut self,
        rn: impl Rz<S>,
        rm: impl Rz<S>,
        shift: Shift,
        amount: u32,
    ) -> AsmResult {
        let imm6 = shift_amount::<S>(shift, amount, false)?;
        self.emit(enc_arith_shifted(
            S::SF,
            1,
            1,
            shift as u32,
            rm.enc(),
            imm6,
            rn.enc(),
            ZR,
        ));
        Ok(())
    }
    /// `cmp rn, #imm` (rn may be SP).
    pub fn cmp_imm<S: Size>(&mut self, rn: impl Rsp<S>, imm: Imm12) {
        self.emit(enc_arith_imm(
            S::SF,
            1,
            1,
            imm.sh(),
            imm.imm12(),
            rn.enc(),
            ZR,
        ));
    }
    /// `cmn rn, rm` (= `adds zr, rn, rm`).
    pub fn cmn<S: Size>(&mut self, rn: impl Rz<S>, rm: impl Rz<S>) {
        self.emit(enc_arith_shifted(S::SF, 0, 1, 0, rm.enc(), 0, rn.enc(), ZR));
    }
    /// `cmn rn, #imm` (rn may be SP).
    pub fn cmn_imm<S: Size>(&mut self, rn: impl Rsp<S>, imm: Imm12) {
        self.emit(enc_arith_imm(
            S::SF,
            0,
            1,
            imm.sh(),
            imm.imm12(),
            rn.enc(),
            ZR,
        ));
    }

    /// `madd rd, rn, rm, ra` (rd = ra + rn × rm).
    pub fn madd<S: Size>(
        &mut self,
        rd: impl Rz<S>,
        rn: impl Rz<S>,
        rm: impl Rz<S>,
        ra: impl Rz<S>,
    ) {
        self.emit(enc_dp3(
            S::SF,
            0b000,
            0,
            rm.enc(),
            ra.enc(),
            rn.enc(),
            rd.enc(),
        ));
    }
    /// `msub rd, rn, rm, ra` (rd = ra − rn × rm).
    pub fn msub<S: Size>(
        &mut self,
        rd: impl Rz<S>,
        rn: impl Rz<S>,
        rm: impl Rz<S>,
        ra: impl Rz<S>,
    ) {
        self.emit(enc_dp3(
            S::SF,
            0b000,
            1,
            rm.enc(),
            ra.enc(),
            rn.enc(),
            rd.enc(),
        ));
    }
    /// `mul rd, rn, rm` (= `madd rd, rn, rm, zr`).
    pub fn mul<S: Size>(&mut self, rd: impl Rz<S>, rn: impl Rz<S>, rm: impl Rz<S>) {
        self.emit(enc_dp3(S::SF, 0b000, 0, rm.enc(), ZR, rn.enc(), rd.enc()));
    }
    /// `mneg rd, rn, rm` (= `msub rd, rn, rm, zr`).
    pub fn mneg<S: Size>(&mut self, rd: impl Rz<S>, rn: impl Rz<S>, rm: impl Rz<S>) {
        self.emit(enc_dp3(S::SF, 0b000, 1, rm.enc(), ZR, rn.enc(), rd.enc()));
    }
    /// `smulh xd, xn, xm` (high 64 bits of the signed 128-bit product).
    pub fn smulh(&mut self, rd: impl Rz<Sf64>, rn: impl Rz<Sf64>, rm: impl Rz<Sf64>) {
        self.emit(enc_dp3(1, 0b010, 0, rm.enc(), ZR, rn.enc(), rd.enc()));
    }
    /// `umulh xd, xn, xm`.
    pub fn umulh(&mut self, rd: impl Rz<Sf64>, rn: impl Rz<Sf64>, rm: impl Rz<Sf64>) {
        self.emit(enc_dp3(1, 0b110, 0, rm.enc(), ZR, rn.enc(), rd.enc()));
    }
    /// `smaddl xd, wn, wm, xa`.
    pub fn smaddl(
        &mut self,
        rd: impl Rz<Sf64>,
        rn: impl Rz<Sf32>,
        rm: impl Rz<Sf32>,
        ra: impl Rz<Sf64>,
    ) {
        self.emit(enc_dp3(1, 0b001, 0, rm.enc(), ra.enc(), rn.enc(), rd.enc()));
    }
    /// `umaddl xd, wn, wm, xa`.
    pub fn umaddl(
        &mut self,
        rd: impl Rz<Sf64>,
        rn: impl Rz<Sf32>,
        rm: impl Rz<Sf32>,
        ra: impl Rz<Sf64>,
    ) {
        self.emit(enc_dp3(1, 0b101, 0, rm.enc(), ra.enc(), rn.enc(), rd.enc()));
    }
    /// `smull xd, wn, wm` (= `smaddl xd, wn, wm, xzr`).
    pub fn smull(&mut self, rd: impl Rz<Sf64>, rn: impl Rz<Sf32>, rm: impl Rz<Sf32>) {
        self.emit(enc_dp3(1, 0b001, 0, rm.enc(), ZR, rn.enc(), rd.enc()));
    }
    /// `umull xd, wn, wm` (= `umaddl xd, wn, wm, xzr`).
    pub fn umull(&mut self, rd: impl Rz<Sf64>, rn: impl Rz<Sf32>, rm: impl Rz<Sf32>) {
        self.emit(enc_dp3(1, 0b101, 0, rm.enc(), ZR, rn.enc(), rd.enc()));
    }
    /// `sdiv rd, rn, rm`.
    pub fn sdiv<S: Size>(&mut self, rd: impl Rz<S>, rn: impl Rz<S>, rm: impl Rz<S>) {
        self.emit(enc_dp2(S::SF, 0b000011, rm.enc(), rn.enc(), rd.enc()));
    }
    /// `clz rd, rn` (count leading zero bits).
    pub fn clz<S: Size>(&mut self, rd: impl Rz<S>, rn: impl Rz<S>) {
        self.emit(enc_dp1(S::SF, 0b000100, rn.enc(), rd.enc()));
    }
    /// `rbit rd, rn` (reverse the bit order).
    pub fn rbit<S: Size>(&mut self, rd: impl Rz<S>, rn: impl Rz<S>) {
        self.emit(enc_dp1(S::SF, 0b000000, rn.enc(), rd.enc()));
    }
    /// `udiv rd, rn, rm`.
    pub fn udiv<S: Size>(&mut self, rd: impl Rz<S>, rn: impl Rz<S>, rm: impl Rz<S>) {
        self.emit(enc_dp2(S::SF, 0b000010, rm.enc(), rn.enc(), rd.enc()));
    }

    /// `csel rd, rn, rm, cond` (rd = cond ? rn : rm).
    pub fn csel<S: Size>(&mut self, rd: impl Rz<S>, rn: impl Rz<S>, rm: impl Rz<S>, cond: Cond) {
        self.emit(enc_csel(
            S::SF,
            0,
            0b00,
            rm.enc(),
            cond.bits(),
            rn.enc(),
            rd.enc(),
        ));
    }
    /// `csinc rd, rn, rm, cond` (rd = cond ? rn : rm + 1).
    pub fn csinc<S: Size>(&mut self, rd: impl Rz<S>, rn: impl Rz<S>, rm: impl Rz<S>, cond: Cond) {
        self.emit(enc_csel(
            S::SF,
            0,
            0b01,
            rm.enc(),
            cond.bits(),
            rn.enc(),
            rd.enc(),
        ));
    }
    /// `csinv rd, rn, rm, cond` (rd = cond ? rn : !rm).
    pub fn csinv<S: Size>(&mut self, rd: impl Rz<S>, rn: impl Rz<S>, rm: impl Rz<S>, cond: Cond) {
        self.emit(enc_csel(
            S::SF,
            1,
            0b00,
            rm.enc(),
            cond.bits(),
            rn.enc(),
            rd.enc(),
        ));
    }
    /// `csneg rd, rn, rm, cond` (rd = cond ? rn : -rm).
    pub fn csneg<S: Size>(&mut self, rd: impl Rz<S>, rn: impl Rz<S>, rm: impl Rz<S>, cond: Cond) {
        self.emit(enc_csel(
            S::SF,
            1,
            0b01,
            rm.enc(),
            cond.bits(),
            rn.enc(),
            rd.enc(),
        ));
    }

    fn not_always(cond: Cond, what: &'static str) -> AsmResult<u32> {
        match cond {
            Cond::Al | Cond::Nv => Err(AsmError::InvalidOperand(what)),
            c => Ok(c.invert().bits()),
        }
    }
    /// `cset rd, cond` (rd = cond ? 1 : 0). `al`/`nv` have no encoding (error).
    pub fn cset<S: Size>(&mut self, rd: impl Rz<S>, cond: Cond) -> AsmResult {
        let inv = Self::not_always(cond, "cset with al/nv")?;
        self.emit(enc_csel(S::SF, 0, 0b01, ZR, inv, ZR, rd.enc()));
        Ok(())
    }
    /// `csetm rd, cond` (rd = cond ? -1 : 0). `al`/`nv` have no encoding (error).
    pub fn csetm<S: Size>(&mut self, rd: impl Rz<S>, cond: Cond) -> AsmResult {
        let inv = Self::not_always(cond, "csetm with al/nv")?;
        self.emit(enc_csel(S::SF, 1, 0b00, ZR, inv, ZR, rd.enc()));
        Ok(())
    }
    /// `cinc rd, rn, cond` (rd = cond ? rn + 1 : rn). `al`/`nv` are an error.
    pub fn cinc<S: Size>(&mut self, rd: impl Rz<S>, rn: impl Rz<S>, cond: Cond) -> AsmResult {
        let inv = Self::not_always(cond, "cinc with al/nv")?;
        self.emit(enc_csel(S::SF, 0, 0b01, rn.enc(), inv, rn.enc(), rd.enc()));
        Ok(())
    }
    /// `cneg rd, rn, cond` (rd = cond ? -rn : rn). `al`/`nv` are an error.
    pub fn cneg<S: Size>(&mut self, rd: impl Rz<S>, rn: impl Rz<S>, cond: Cond) -> AsmResult {
        let inv = Self::not_always(cond, "cneg with al/nv")?;
        self.emit(enc_csel(S::SF, 1, 0b01, rn.enc(), inv, rn.enc(), rd.enc()));
        Ok(())
    }

    fn ccmp_any<S: Size>(
        &mut self,
        op: u32,
        is_imm: u32,
        rn: u32,
        m: u32,
        nzcv: u8,
        cond: Cond,
    ) -> AsmResult {
        if nzcv > 15 {
            return Err(AsmError::ImmNotEncodable {
                what: "nzcv (0..=15)",
                value: nzcv as i64,
            });
        }
        if is_imm == 1 && m > 31 {
            return Err(AsmError::ImmNotEncodable {
                what: "ccmp imm5 (0..=31)",
                value: m as i64,
            });
        }
        self.emit(enc_ccmp(S::SF, op, is_imm, m, cond.bits(), rn, nzcv as u32));
        Ok(())
    }
    /// `ccmp rn, rm, #nzcv, cond`: if cond, flags = cmp(rn, rm), else flags = nzcv.
    pub fn ccmp<S: Size>(
        &mut self,
        rn: impl Rz<S>,
        rm: impl Rz<S>,
        nzcv: u8,
        cond: Cond,
    ) -> AsmResult {
        self.ccmp_any::<S>(1, 0, rn.enc(), rm.enc(), nzcv, cond)
    }
    /// `ccmp rn, #imm5, #nzcv, cond` (imm5 in 0..=31).
    pub fn ccmp_imm<S: Size>(
        &mut self,
        rn: impl Rz<S>,
        imm5: u32,
        nzcv: u8,
        cond: Cond,
    ) -> AsmResult {
        self.ccmp_any::<S>(1, 1, rn.enc(), imm5, nzcv, cond)
    }
    /// `ccmn rn, rm, #nzcv, cond`.
    pub fn ccmn<S: Size>(
        &mut self,
        rn: impl Rz<S>,
        rm: impl Rz<S>,
        nzcv: u8,
        cond: Cond,
    ) -> AsmResult {
        self.ccmp_any::<S>(0, 0, rn.enc(), rm.enc(), nzcv, cond)
    }
    /// `ccmn rn, #imm5, #nzcv, cond`.
    pub fn ccmn_imm<S: Size>(
        &mut self,
        rn: impl Rz<S>,
        imm5: u32,
        nzcv: u8,
        cond: Cond,
    ) -> AsmResult {
        self.ccmp_any::<S>(0, 1, rn.enc(), imm5, nzcv, cond)
    }
}

//! Loads and stores on the [`Assembler`]: single registers with every addressing mode,
//! register pairs, and `ldr` (literal).

use super::Assembler;
use super::enc_mem::*;
use super::fixup::FixupKind;
use super::imm::{simm7_scaled, simm9, uimm12_scaled};
use super::operand::{Index, Mem};
use super::reg::{LdStReg, Rsp, Rz, Sf32, Sf64, Size, XRegSp};
use crate::asm::error::{AsmError, AsmResult};
use crate::asm::label::Label;

const OPC_STORE: u32 = 0b00;
const OPC_LOAD: u32 = 0b01;

/// A register usable in `ldp`/`stp`: X, W, D or S (both registers of a pair must be the
/// same kind; XZR/WZR count as X/W).
pub trait PairReg: LdStReg {
    /// The pair `opc` field.
    const PAIR_OPC: u32;
}
impl PairReg for super::reg::XReg {
    const PAIR_OPC: u32 = 0b10;
}
impl PairReg for super::reg::Xzr {
    const PAIR_OPC: u32 = 0b10;
}
impl PairReg for super::reg::WReg {
    const PAIR_OPC: u32 = 0b00;
}
impl PairReg for super::reg::Wzr {
    const PAIR_OPC: u32 = 0b00;
}
impl PairReg for super::reg::DReg {
    const PAIR_OPC: u32 = 0b01;
}
impl PairReg for super::reg::SReg {
    const PAIR_OPC: u32 = 0b00;
}

impl Assembler {
    /// Emits a single-register load/store of `1 << size` bytes for any [`Mem`] mode.
    fn ldst(
        &mut self,
        size: u32,
        v: u32,
        opc: u32,
        rt: u32,
        mem: Mem,
        name: &'static str,
    ) -> AsmResult {
        if let Mem::PreIndex(base, _) | Mem::PostIndex(base, _) = mem
            && v == 0
            && base.enc() == rt
            && rt != 31
        {
            return Err(AsmError::InvalidOperand(
                "writeback to the base register that is also transferred is unpredictable",
            ));
        }
        let insn = match mem {
            Mem::Offset(base, off) => {
                let imm12 = uimm12_scaled(off, size, name)?;
                enc_ldst_uimm(size, v, opc, imm12, base.enc(), rt)
            }
            Mem::Unscaled(base, off) => enc_ldst_simm9(
                size,
                v,
                opc,
                simm9(off, name)?,
                IDX_UNSCALED,
                base.enc(),
                rt,
            ),
            Mem::PreIndex(base, off) => {
                enc_ldst_simm9(size, v, opc, simm9(off, name)?, IDX_PRE, base.enc(), rt)
            }
            Mem::PostIndex(base, off) => {
                enc_ldst_simm9(size, v, opc, simm9(off, name)?, IDX_POST, base.enc(), rt)
            }
            Mem::Reg {
                base,
                index,
                shifted,
            } => {
                let (rm, option) = match index {
                    Index::X(r) => (r.num() as u32, 0b011),
                    Index::XSxtx(r) => (r.num() as u32, 0b111),
                    Index::WUxtw(r) => (r.num() as u32, 0b010),
                    Index::WSxtw(r) => (r.num() as u32, 0b110),
                };
                enc_ldst_reg(size, v, opc, rm, option, shifted as u32, base.enc(), rt)
            }
        };
        self.emit(insn);
        Ok(())
    }

    /// `ldr rt, mem` for X, W, D or S registers (`Mem::Unscaled` emits `ldur`).
    pub fn ldr<R: LdStReg>(&mut self, rt: R, mem: Mem) -> AsmResult {
        self.ldst(R::SIZE, R::V, OPC_LOAD, rt.enc(), mem, "ldr offset")
    }
    /// `str rt, mem` for X, W, D or S registers (XZR/WZR store zero; `Mem::Unscaled` emits
    /// `stur`).
    pub fn str<R: LdStReg>(&mut self, rt: R, mem: Mem) -> AsmResult {
        self.ldst(R::SIZE, R::V, OPC_STORE, rt.enc(), mem, "str offset")
    }
    /// `ldr rt, [base, #off]` (unsigned offset, multiple of the access size).
    pub fn ldr_imm<R: LdStReg>(&mut self, rt: R, base: impl Into<XRegSp>, off: i64) -> AsmResult {
        self.ldr(rt, Mem::off(base, off))
    }
    /// `str rt, [base, #off]` (unsigned offset, multiple of the access size).
    pub fn str_imm<R: LdStReg>(&mut self, rt: R, base: impl Into<XRegSp>, off: i64) -> AsmResult {
        self.str(rt, Mem::off(base, off))
    }
    /// `ldrb wt, mem` (zero-extending byte load).
    pub fn ldrb(&mut self, rt: impl Rz<Sf32>, mem: Mem) -> AsmResult {
        self.ldst(0, 0, OPC_LOAD, rt.enc(), mem, "ldrb offset")
    }
    /// `strb wt, mem`.
    pub fn strb(&mut self, rt: impl Rz<Sf32>, mem: Mem) -> AsmResult {
        self.ldst(0, 0, OPC_STORE, rt.enc(), mem, "strb offset")
    }
    /// `ldrh wt, mem` (zero-extending halfword load).
    pub fn ldrh(&mut self, rt: impl Rz<Sf32>, mem: Mem) -> AsmResult {
        self.ldst(1, 0, OPC_LOAD, rt.enc(), mem, "ldrh offset")
    }
    /// `strh wt, mem`.
    pub fn strh(&mut self, rt: impl Rz<Sf32>, mem: Mem) -> AsmResult {
        self.ldst(1, 0, OPC_STORE, rt.enc(), mem, "strh offset")
    }
    /// `ldrsb rt, mem` (sign-extending byte load into W or X).
    pub fn ldrsb<S: Size>(&mut self, rt: impl Rz<S>, mem: Mem) -> AsmResult {
        self.ldst(0, 0, 0b11 - S::SF, rt.enc(), mem, "ldrsb offset")
    }
    /// `ldrsh rt, mem` (sign-extending halfword load into W or X).
    pub fn ldrsh<S: Size>(&mut self, rt: impl Rz<S>, mem: Mem) -> AsmResult {
        self.ldst(1, 0, 0b11 - S::SF, rt.enc(), mem, "ldrsh offset")
    }
    /// `ldrsw xt, mem` (sign-extending word load).
    pub fn ldrsw(&mut self, rt: impl Rz<Sf64>, mem: Mem) -> AsmResult {
        self.ldst(2, 0, 0b10, rt.enc(), mem, "ldrsw offset")
    }

    /// `ldr rt, label` (PC-relative literal, ±1 MiB, X/W/D/S).
    pub fn ldr_literal<R: LdStReg>(&mut self, rt: R, label: Label) {
        let opc = if R::SIZE == 3 { 0b01 } else { 0b00 };
        self.emit_fixup(
            enc_ldr_literal(opc, R::V, rt.enc()),
            label,
            FixupKind::Imm19,
        );
    }
    /// `ldrsw xt, label`.
    pub fn ldrsw_literal(&mut self, rt: impl Rz<Sf64>, label: Label) {
        self.emit_fixup(enc_ldr_literal(0b10, 0, rt.enc()), label, FixupKind::Imm19);
    }

    #[allow(clippy::too_many_arguments)]
    fn pair<R: PairReg, R2: PairReg>(
        &mut self,
        mode: u32,
        l: u32,
        rt: R,
        rt2: R2,
        base: u32,
        off: i64,
        name: &'static str,
    ) -> AsmResult {
        if R::PAIR_OPC != R2::PAIR_OPC || R::V != R2::V || R::SIZE != R2::SIZE {
            return Err(AsmError::InvalidOperand(
                "ldp/stp registers must be the same kind",
            ));
        }
        let imm7 = simm7_scaled(off, R::SIZE, name)?;
        if l == 1 && rt.enc() == rt2.enc() {
            return Err(AsmError::InvalidOperand(
                "ldp with rt == rt2 is unpredictable",
            ));
        }
        if mode != PAIR_OFFSET && R::V == 0 && base != 31 && (rt.enc() == base || rt2.enc() == base)
        {
            return Err(AsmError::InvalidOperand(
                "ldp/stp writeback to a base register that is also transferred is unpredictable",
            ));
        }
        self.emit(enc_ldst_pair(
            R::PAIR_OPC,
            R::V,
            mode,
            l,
            imm7,
            rt2.enc(),
            base,
            rt.enc(),
        ));
        Ok(())
    }
    /// `ldp rt, rt2, [base, #off]` (signed, scaled by the register size: ±64 slots).
    pub fn ldp<R: PairReg, R2: PairReg>(
        &mut self,
        rt: R,
        rt2: R2,
        base: impl Rsp<Sf64>,
        off: i64,
    ) -> AsmResult {
        self.pair(PAIR_OFFSET, 1, rt, rt2, base.enc(), off, "ldp offset")
    }
    /// `ldp rt, rt2, [base, #off]!`.
    pub fn ldp_pre<R: PairReg, R2: PairReg>(
        &mut self,
        rt: R,
        rt2: R2,
        base: impl Rsp<Sf64>,
        off: i64,
    ) -> AsmResult {
        self.pair(
            PAIR_PRE,
            1,
            rt,
            rt2,
            base.enc(),
            off,
            "ldp pre-index offset",
        )
    }
    /// `ldp rt, rt2, [base], #off`.
    pub fn ldp_post<R: PairReg, R2: PairReg>(
        &mut self,
        rt: R,
        rt2: R2,
        base: impl Rsp<Sf64>,
        off: i64,
    ) -> AsmResult {
        self.pair(
            PAIR_POST,
            1,
            rt,
            rt2,
            base.enc(),
            off,
            "ldp post-index offset",
        )
    }
    /// `stp rt, rt2, [base, #off]`.
    pub fn stp<R: PairReg, R2: PairReg>(
        &mut self,
        rt: R,
        rt2: R2,
        base: impl Rsp<Sf64>,
        off: i64,
    ) -> AsmResult {
        self.pair(PAIR_OFFSET, 0, rt, rt2, base.enc(), off, "stp offset")
    }
    /// `stp rt, rt2, [base, #off]!` (e.g. `stp x29, x30, [sp, #-16]!`).
    pub fn stp_pre<R: PairReg, R2: PairReg>(
        &mut self,
        rt: R,
        rt2: R2,
        base: impl Rsp<Sf64>,
        off: i64,
    ) -> AsmResult {
        self.pair(
            PAIR_PRE,
            0,
            rt,
            rt2,
            base.enc(),
            off,
            "stp pre-index offset",
        )
    }
    /// `stp rt, rt2, [base], #off`.
    pub fn stp_post<R: PairReg, R2: PairReg>(
        &mut self,
        rt: R,
        rt2: R2,
        base: impl Rsp<Sf64>,
        off: i64,
    ) -> AsmResult {
        self.pair(
            PAIR_POST,
            0,
            rt,
            rt2,
            base.enc(),
            off,
            "stp post-index offset",
        )
    }
}

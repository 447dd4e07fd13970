//! Branches, `adr`, absolute calls and system instructions on the [`Assembler`].

use super::Assembler;
use super::cond::Cond;
use super::enc_branch::*;
use super::fixup::FixupKind;
use super::operand::{Barrier, SysReg};
use super::reg::{Rz, Sf64, Size, XReg};
use crate::asm::error::{AsmError, AsmResult};
use crate::asm::label::Label;

impl Assembler {
    /// `b label` (±128 MiB).
    pub fn b(&mut self, label: Label) {
        self.emit_fixup(enc_b_imm(0), label, FixupKind::Imm26);
    }
    /// `bl label` (±128 MiB; x30 = return address).
    pub fn bl(&mut self, label: Label) {
        self.emit_fixup(enc_b_imm(1), label, FixupKind::Imm26);
    }
    /// `b.cond label` (±1 MiB).
    pub fn b_cond(&mut self, cond: Cond, label: Label) {
        self.emit_fixup(enc_b_cond(cond.bits()), label, FixupKind::Imm19);
    }
    /// `cbz rt, label` (±1 MiB).
    pub fn cbz<S: Size>(&mut self, rt: impl Rz<S>, label: Label) {
        self.emit_fixup(enc_cmp_branch(S::SF, 0, rt.enc()), label, FixupKind::Imm19);
    }
    /// `cbnz rt, label` (±1 MiB).
    pub fn cbnz<S: Size>(&mut self, rt: impl Rz<S>, label: Label) {
        self.emit_fixup(enc_cmp_branch(S::SF, 1, rt.enc()), label, FixupKind::Imm19);
    }
    fn test_branch<S: Size>(&mut self, op: u32, rt: u32, bit: u32, label: Label) -> AsmResult {
        if bit >= S::BITS {
            return Err(AsmError::ImmNotEncodable {
                what: "tbz/tbnz bit number",
                value: bit as i64,
            });
        }
        self.emit_fixup(
            enc_test_branch(bit >> 5, op, bit & 31, rt),
            label,
            FixupKind::Imm14,
        );
        Ok(())
    }
    /// `tbz rt, #bit, label` (±32 KiB; bit < register width).
    pub fn tbz<S: Size>(&mut self, rt: impl Rz<S>, bit: u32, label: Label) -> AsmResult {
        self.test_branch::<S>(0, rt.enc(), bit, label)
    }
    /// `tbnz rt, #bit, label` (±32 KiB; bit < register width).
    pub fn tbnz<S: Size>(&mut self, rt: impl Rz<S>, bit: u32, label: Label) -> AsmResult {
        self.test_branch::<S>(1, rt.enc(), bit, label)
    }
    /// `adr xd, label` (±1 MiB).
    pub fn adr(&mut self, rd: impl Rz<Sf64>, label: Label) {
        self.emit_fixup(enc_adr(rd.enc()), label, FixupKind::Adr21);
    }
    /// `br xn`.
    pub fn br(&mut self, rn: XReg) {
        self.emit(enc_br_reg(0b0000, rn.num() as u32));
    }
    /// `blr xn`.
    pub fn blr(&mut self, rn: XReg) {
        self.emit(enc_br_reg(0b0001, rn.num() as u32));
    }
    /// `ret` (returns to x30).
    pub fn ret(&mut self) {
        self.emit(enc_br_reg(0b0010, 30));
    }
    /// `ret xn`.
    pub fn ret_to(&mut self, rn: XReg) {
        self.emit(enc_br_reg(0b0010, rn.num() as u32));
    }
    /// Calls an absolute address: `mov_imm64 scratch, addr; blr scratch` (clobbers `scratch`
    /// and x30). Use for calls outside the buffer (Rust helpers, other code regions).
    pub fn call_abs(&mut self, addr: u64, scratch: XReg) {
        self.mov_imm64(scratch, addr);
        self.blr(scratch);
    }
    /// Jumps to an absolute address: `mov_imm64 scratch, addr; br scratch`.
    pub fn jump_abs(&mut self, addr: u64, scratch: XReg) {
        self.mov_imm64(scratch, addr);
        self.br(scratch);
    }

    /// `nop`.
    pub fn nop(&mut self) {
        self.emit(enc_hint(0, 0));
    }
    /// `brk #imm16` (breakpoint; Rust's debug trap uses `brk #0xf000`).
    pub fn brk(&mut self, imm16: u16) {
        self.emit(enc_exception(0b001, imm16 as u32, 0b00));
    }
    /// `udf #imm16` (permanently undefined: faults when executed).
    pub fn udf(&mut self, imm16: u16) {
        self.emit(enc_udf(imm16 as u32));
    }
    /// `dmb option`.
    pub fn dmb(&mut self, option: Barrier) {
        self.emit(enc_barrier(option as u32, 0b101));
    }
    /// `dsb option`.
    pub fn dsb(&mut self, option: Barrier) {
        self.emit(enc_barrier(option as u32, 0b100));
    }
    /// `isb` (full system).
    pub fn isb(&mut self) {
        self.emit(enc_barrier(0b1111, 0b110));
    }
    /// `dc cvau, xt`: clean data cache line by address to the point of unification.
    pub fn dc_cvau(&mut self, rt: XReg) {
        self.emit(enc_system(0, 0b01, 3, 7, 11, 1, rt.num() as u32));
    }
    /// `dc civac, xt`: clean and invalidate data cache line to the point of coherency.
    pub fn dc_civac(&mut self, rt: XReg) {
        self.emit(enc_system(0, 0b01, 3, 7, 14, 1, rt.num() as u32));
    }
    /// `ic ivau, xt`: invalidate instruction cache line by address to the point of
    /// unification.
    pub fn ic_ivau(&mut self, rt: XReg) {
        self.emit(enc_system(0, 0b01, 3, 7, 5, 1, rt.num() as u32));
    }
    /// `mrs xt, sysreg`.
    pub fn mrs(&mut self, rt: impl Rz<Sf64>, sysreg: SysReg) {
        let (op0, op1, crn, crm, op2) = sysreg.fields();
        self.emit(enc_system(1, op0, op1, crn, crm, op2, rt.enc()));
    }
    /// `msr sysreg, xt`. Fails for read-only registers (`ctr_el0`, `dczid_el0`,
    /// `cntvct_el0`).
    pub fn msr(&mut self, sysreg: SysReg, rt: impl Rz<Sf64>) -> AsmResult {
        if matches!(
            sysreg,
            SysReg::CtrEl0 | SysReg::DczidEl0 | SysReg::CntvctEl0
        ) {
            return Err(AsmError::InvalidOperand(
                "msr to a read-only system register",
            ));
        }
        let (op0, op1, crn, crm, op2) = sysreg.fields();
        self.emit(enc_system(0, op0, op1, crn, crm, op2, rt.enc()));
        Ok(())
    }
}

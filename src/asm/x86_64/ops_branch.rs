//! Control flow on the [`Assembler`]: `jmp`/`jcc`/`call` to labels, indirect `call`/`jmp`
//! through a register or memory, `ret`, and the conditional `setcc`/`cmovcc`.
//!
//! A branch to a label already bound within reach of a rel8 is short (`EB`/`70+cc`, 2 bytes);
//! any other is near (`E9`/`0F 80+cc` rel32, 5/6 bytes). The `_short` variants always emit a
//! rel8 and fail if the label is out of its reach, now or when it is bound.

use super::Assembler;
use super::cond::Cond;
use super::enc_insn::{Insn, Rm};
use super::fixup::FixupKind;
use super::forms::{ext_m, ext_r, r_m, r_r};
use super::operand::Mem;
use super::reg::{Gpr, Reg8, Reg64};
use super::size::{OpSize, WideSize, Width};
use crate::asm::error::{AsmError, AsmResult};
use crate::asm::label::Label;

const REL32: FixupKind = FixupKind::Rel32 { tail: 0, addend: 0 };

impl Assembler {
    /// `jmp label`: short if `label` is bound and near, else rel32.
    pub fn jmp(&mut self, label: Label) {
        if self.rel8_reaches(label, 1) {
            self.emit_rel(&[0xEB], label, FixupKind::Rel8);
        } else {
            self.emit_rel(&[0xE9], label, REL32);
        }
    }

    /// `jmp label` with a rel8 (`EB cb`), for a label that will be bound within 127 bytes
    /// of the end of this instruction. Fails now if `label` is bound out of reach; if it is
    /// bound later out of reach, [`Assembler::bind`] and [`Assembler::finalize`] fail.
    pub fn jmp_short(&mut self, label: Label) -> AsmResult {
        self.check_short(label, 1)?;
        self.emit_rel(&[0xEB], label, FixupKind::Rel8);
        Ok(())
    }

    /// `j<cond> label`: short if `label` is bound and near, else rel32.
    pub fn jcc(&mut self, cond: Cond, label: Label) {
        if self.rel8_reaches(label, 1) {
            self.emit_rel(&[0x70 + cond.bits()], label, FixupKind::Rel8);
        } else {
            self.emit_rel(&[0x0F, 0x80 + cond.bits()], label, REL32);
        }
    }

    /// `j<cond> label` with a rel8 (`70+cc cb`); see [`Assembler::jmp_short`].
    pub fn jcc_short(&mut self, cond: Cond, label: Label) -> AsmResult {
        self.check_short(label, 1)?;
        self.emit_rel(&[0x70 + cond.bits()], label, FixupKind::Rel8);
        Ok(())
    }

    /// Fails if `label` is bound and a rel8 after `opcode_len` bytes does not reach it.
    fn check_short(&self, label: Label, opcode_len: usize) -> AsmResult {
        match self.label_offset(label) {
            Some(target) if !self.rel8_reaches(label, opcode_len) => Err(AsmError::OutOfRange {
                kind: FixupKind::Rel8.name(),
                at: self.offset(),
                target,
            }),
            _ => Ok(()),
        }
    }

    /// `call label` (`E8 cd`).
    pub fn call(&mut self, label: Label) {
        self.emit_rel(&[0xE8], label, REL32);
    }

    /// `call target` through a register (`FF /2`): e.g. an absolute address loaded with
    /// [`Assembler::mov_ri`].
    pub fn call_r(&mut self, target: Reg64) {
        self.emit_reg_insn(ext_r(&[0xFF], Width::B32, 2, target));
    }

    /// `call qword ptr [mem]` (`FF /2`).
    pub fn call_m(&mut self, mem: Mem) -> AsmResult {
        self.emit_insn(ext_m(&[0xFF], Width::B32, 2, mem))
    }

    /// `jmp target` through a register (`FF /4`).
    pub fn jmp_r(&mut self, target: Reg64) {
        self.emit_reg_insn(ext_r(&[0xFF], Width::B32, 4, target));
    }

    /// `jmp qword ptr [mem]` (`FF /4`).
    pub fn jmp_m(&mut self, mem: Mem) -> AsmResult {
        self.emit_insn(ext_m(&[0xFF], Width::B32, 4, mem))
    }

    /// `ret` (`C3`).
    pub fn ret(&mut self) {
        self.emit_bytes(&[0xC3]);
    }

    /// `set<cond> dst`: `dst = 1` if `cond` holds, else 0 (`0F 90+cc /0`; the other bits of
    /// the full register are unchanged).
    pub fn setcc(&mut self, cond: Cond, dst: Reg8) {
        let op = [0x0F, 0x90 + cond.bits()];
        self.emit_reg_insn(ext_r(&op, Width::B8, 0, dst));
    }

    /// `set<cond> byte ptr [mem]`.
    pub fn setcc_m(&mut self, cond: Cond, mem: Mem) -> AsmResult {
        let op = [0x0F, 0x90 + cond.bits()];
        self.emit_insn(Insn::new(&op).modrm(0, Rm::Mem(mem)))
    }

    /// `cmov<cond> dst, src`: `dst = src` if `cond` holds (`0F 40+cc /r`). A 32-bit `cmov`
    /// zeroes bits 63:32 of `dst` even when the condition is false.
    pub fn cmovcc_rr<R: Gpr>(&mut self, cond: Cond, dst: R, src: R)
    where
        R::Size: WideSize,
    {
        let op = [0x0F, 0x40 + cond.bits()];
        self.emit_reg_insn(r_r(&op, R::Size::WIDTH, dst, src));
    }

    /// `cmov<cond> dst, [mem]` (the load happens whether or not `cond` holds).
    pub fn cmovcc_rm<R: Gpr>(&mut self, cond: Cond, dst: R, mem: Mem) -> AsmResult
    where
        R::Size: WideSize,
    {
        let op = [0x0F, 0x40 + cond.bits()];
        self.emit_insn(r_m(&op, R::Size::WIDTH, dst, mem))
    }
}

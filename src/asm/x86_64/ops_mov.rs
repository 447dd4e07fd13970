//! Data movement on the [`Assembler`]: `mov` in every form (with the shortest encoding of a
//! constant), `movabs`, `movzx`/`movsx`/`movsxd`, `lea`, `push`/`pop`.

use super::Assembler;
use super::enc_insn::Imm;
use super::forms::{ext_m, ext_r, o_r, r_m, r_r};
use super::operand::Mem;
use super::reg::{Gpr, Reg32, Reg64};
use super::size::{ExtendsFrom, LongSize, OpSize, Width};
use crate::asm::error::AsmResult;

impl Assembler {
    /// `mov dst, src` (registers): `88/89 /r`, source in ModRM.reg.
    pub fn mov_rr<R: Gpr>(&mut self, dst: R, src: R) {
        let w = R::Size::WIDTH;
        self.emit_reg_insn(r_r(&[w.op(0x88)], w, src, dst));
    }

    /// `mov dst, [mem]` (a load): `8A/8B /r`.
    pub fn mov_rm<R: Gpr>(&mut self, dst: R, mem: Mem) -> AsmResult {
        let w = R::Size::WIDTH;
        self.emit_insn(r_m(&[w.op(0x8A)], w, dst, mem))
    }

    /// `mov [mem], src` (a store): `88/89 /r`.
    pub fn mov_mr<R: Gpr>(&mut self, mem: Mem, src: R) -> AsmResult {
        let w = R::Size::WIDTH;
        self.emit_insn(r_m(&[w.op(0x88)], w, src, mem))
    }

    /// `mov dst, imm` in the shortest form: `B0+r ib`, `B8+r iw/id`; for a 64-bit register, the
    /// zero-extending `mov r32, imm32` when the value fits `u32`, the sign-extending
    /// `mov r/m64, imm32` (`REX.W C7 /0`) when it fits `i32`, else `movabs r64, imm64`.
    /// Flags are untouched (use `xor r32, r32` to zero a register when they may be clobbered).
    pub fn mov_ri<R: Gpr>(&mut self, dst: R, imm: <R::Size as OpSize>::MovImm) {
        let (w, v) = (R::Size::WIDTH, imm.into());
        let insn = match w {
            Width::B8 => o_r(&[0xB0], w, dst).imm(Imm::sized(w, v)),
            Width::B16 | Width::B32 => o_r(&[0xB8], w, dst).imm(Imm::sized(w, v)),
            Width::B64 if u32::try_from(v).is_ok() => {
                o_r(&[0xB8], Width::B32, dst).imm(Imm::I32(v as u32 as i32))
            }
            Width::B64 if i32::try_from(v).is_ok() => {
                ext_r(&[0xC7], w, 0, dst).imm(Imm::I32(v as i32))
            }
            Width::B64 => o_r(&[0xB8], w, dst).imm(Imm::I64(v)),
        };
        self.emit_reg_insn(insn);
    }

    /// `movabs dst, imm64`: always the 10-byte form (`REX.W B8+r io`), e.g. for a constant
    /// patched later.
    pub fn movabs(&mut self, dst: Reg64, imm: i64) {
        self.emit_reg_insn(o_r(&[0xB8], Width::B64, dst).imm(Imm::I64(imm)));
    }

    /// `mov size ptr [mem], imm`: `C6/C7 /0` (64 bits: a sign-extended imm32).
    pub fn mov_mi<S: OpSize>(&mut self, _size: S, mem: Mem, imm: S::Imm) -> AsmResult {
        let w = S::WIDTH;
        self.emit_insn(ext_m(&[w.op(0xC6)], w, 0, mem).imm(Imm::sized(w, imm.into())))
    }

    /// `movzx dst, src`: zero-extends a byte or word register (`0F B6/B7 /r`).
    pub fn movzx_rr<D: Gpr, S: Gpr>(&mut self, dst: D, src: S)
    where
        D::Size: ExtendsFrom<S::Size>,
    {
        let op = [0x0F, S::Size::WIDTH.op(0xB6)];
        self.emit_reg_insn(r_r(&op, D::Size::WIDTH, dst, src));
    }

    /// `movzx dst, size ptr [mem]`: a zero-extending byte or word load.
    pub fn movzx_rm<D: Gpr, S: OpSize>(&mut self, dst: D, _size: S, mem: Mem) -> AsmResult
    where
        D::Size: ExtendsFrom<S>,
    {
        let op = [0x0F, S::WIDTH.op(0xB6)];
        self.emit_insn(r_m(&op, D::Size::WIDTH, dst, mem))
    }

    /// `movsx dst, src`: sign-extends a byte or word register (`0F BE/BF /r`).
    pub fn movsx_rr<D: Gpr, S: Gpr>(&mut self, dst: D, src: S)
    where
        D::Size: ExtendsFrom<S::Size>,
    {
        let op = [0x0F, S::Size::WIDTH.op(0xBE)];
        self.emit_reg_insn(r_r(&op, D::Size::WIDTH, dst, src));
    }

    /// `movsx dst, size ptr [mem]`: a sign-extending byte or word load.
    pub fn movsx_rm<D: Gpr, S: OpSize>(&mut self, dst: D, _size: S, mem: Mem) -> AsmResult
    where
        D::Size: ExtendsFrom<S>,
    {
        let op = [0x0F, S::WIDTH.op(0xBE)];
        self.emit_insn(r_m(&op, D::Size::WIDTH, dst, mem))
    }

    /// `movsxd dst, src`: sign-extends a 32-bit register to 64 bits (`REX.W 63 /r`).
    pub fn movsxd_rr(&mut self, dst: Reg64, src: Reg32) {
        self.emit_reg_insn(r_r(&[0x63], Width::B64, dst, src));
    }

    /// `movsxd dst, dword ptr [mem]`: a sign-extending 32-bit load.
    pub fn movsxd_rm(&mut self, dst: Reg64, mem: Mem) -> AsmResult {
        self.emit_insn(r_m(&[0x63], Width::B64, dst, mem))
    }

    /// `lea dst, [mem]`: the address itself (`8D /r`), flags untouched.
    pub fn lea<R: Gpr>(&mut self, dst: R, mem: Mem) -> AsmResult
    where
        R::Size: LongSize,
    {
        self.emit_insn(r_m(&[0x8D], R::Size::WIDTH, dst, mem))
    }

    /// `push src` (`50+r`).
    pub fn push_r(&mut self, src: Reg64) {
        self.emit_reg_insn(o_r(&[0x50], Width::B32, src));
    }

    /// `pop dst` (`58+r`).
    pub fn pop_r(&mut self, dst: Reg64) {
        self.emit_reg_insn(o_r(&[0x58], Width::B32, dst));
    }

    /// `push imm` (`6A ib` or `68 id`), sign-extended to 64 bits.
    pub fn push_i(&mut self, imm: i32) {
        match i8::try_from(imm) {
            Ok(b) => self.emit_bytes(&[0x6A, b as u8]),
            Err(_) => {
                self.emit_bytes(&[0x68]);
                self.emit_bytes(&imm.to_le_bytes());
            }
        }
    }

    /// `push qword ptr [mem]` (`FF /6`).
    pub fn push_m(&mut self, mem: Mem) -> AsmResult {
        self.emit_insn(ext_m(&[0xFF], Width::B32, 6, mem))
    }

    /// `pop qword ptr [mem]` (`8F /0`).
    pub fn pop_m(&mut self, mem: Mem) -> AsmResult {
        self.emit_insn(ext_m(&[0x8F], Width::B32, 0, mem))
    }
}

//! The common operand forms of integer instructions, as [`Insn`]s: `/r` (a register in
//! ModRM.reg, a register or memory in r/m) and `/n` (an opcode extension in ModRM.reg).
//! Each sets the operand size and the REX prefix a byte register `spl`..`dil` needs.

use super::enc_insn::{Insn, Rm};
use super::operand::Mem;
use super::reg::Gpr;
use super::size::Width;

/// `opcode /r` with register `reg` in ModRM.reg and register `rm` in r/m.
pub fn r_r(opcode: &[u8], width: Width, reg: impl Gpr, rm: impl Gpr) -> Insn<'_> {
    Insn::new(opcode)
        .width(width)
        .rex_if(reg.needs_rex() || rm.needs_rex())
        .modrm(reg.num(), Rm::Reg(rm.num()))
}

/// `opcode /r` with register `reg` in ModRM.reg and memory in r/m.
pub fn r_m(opcode: &[u8], width: Width, reg: impl Gpr, mem: Mem) -> Insn<'_> {
    Insn::new(opcode)
        .width(width)
        .rex_if(reg.needs_rex())
        .modrm(reg.num(), Rm::Mem(mem))
}

/// `opcode /ext` with register `rm` in r/m.
pub fn ext_r(opcode: &[u8], width: Width, ext: u8, rm: impl Gpr) -> Insn<'_> {
    Insn::new(opcode)
        .width(width)
        .rex_if(rm.needs_rex())
        .modrm(ext, Rm::Reg(rm.num()))
}

/// `opcode /ext` with memory in r/m.
pub fn ext_m(opcode: &[u8], width: Width, ext: u8, mem: Mem) -> Insn<'_> {
    Insn::new(opcode).width(width).modrm(ext, Rm::Mem(mem))
}

/// `opcode+r`: register `reg` in the opcode's low three bits.
pub fn o_r(opcode: &[u8], width: Width, reg: impl Gpr) -> Insn<'_> {
    Insn::new(opcode)
        .width(width)
        .rex_if(reg.needs_rex())
        .opreg(reg.num())
}

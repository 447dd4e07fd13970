//! Traps, padding and alignment on the [`Assembler`]: `ud2`, `int3`, `nop` and the
//! recommended multi-byte nops of 2 to 9 bytes (Intel SDM, `NOP` — "Recommended Multi-Byte
//! Sequence of NOP Instruction"), which pad code to an alignment in as few instructions as
//! possible.

use super::Assembler;
use crate::asm::error::{AsmError, AsmResult};

/// The nop of each length 1..=9 (`MULTI_BYTE_NOPS[n - 1]` is `n` bytes long).
const MULTI_BYTE_NOPS: [&[u8]; 9] = [
    &[0x90],
    &[0x66, 0x90],
    &[0x0F, 0x1F, 0x00],
    &[0x0F, 0x1F, 0x40, 0x00],
    &[0x0F, 0x1F, 0x44, 0x00, 0x00],
    &[0x66, 0x0F, 0x1F, 0x44, 0x00, 0x00],
    &[0x0F, 0x1F, 0x80, 0x00, 0x00, 0x00, 0x00],
    &[0x0F, 0x1F, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00],
    &[0x66, 0x0F, 0x1F, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00],
];

/// The longest single nop.
pub const MAX_NOP_LEN: usize = MULTI_BYTE_NOPS.len();

impl Assembler {
    /// `ud2` (`0F 0B`): raises an invalid-opcode fault (SIGILL).
    pub fn ud2(&mut self) {
        self.emit_bytes(&[0x0F, 0x0B]);
    }

    /// `int3` (`CC`): a breakpoint trap (SIGTRAP).
    pub fn int3(&mut self) {
        self.emit_bytes(&[0xCC]);
    }

    /// `nop` (`90`).
    pub fn nop(&mut self) {
        self.emit_bytes(&[0x90]);
    }

    /// One nop instruction of `len` bytes, 1..=9.
    pub fn nop_n(&mut self, len: usize) -> AsmResult {
        let nop = len
            .checked_sub(1)
            .and_then(|i| MULTI_BYTE_NOPS.get(i))
            .ok_or(AsmError::ImmNotEncodable {
                what: "nop length (1..=9)",
                value: len as i64,
            })?;
        self.emit_bytes(nop);
        Ok(())
    }

    /// Pads with nops of at most 9 bytes each until the offset is a multiple of `align`
    /// (a power of two).
    pub fn align(&mut self, align: usize) -> AsmResult {
        if !align.is_power_of_two() {
            return Err(AsmError::InvalidOperand("alignment must be a power of two"));
        }
        let mut pad = self.offset().next_multiple_of(align) - self.offset();
        while pad > 0 {
            let n = pad.min(MAX_NOP_LEN);
            self.emit_bytes(MULTI_BYTE_NOPS[n - 1]);
            pad -= n;
        }
        Ok(())
    }
}

//! The [`Assembler`]: a growing code buffer, labels, and fixups resolved at finalization.
//!
//! Instruction methods live in the `ops_*` modules (one `impl Assembler` block per
//! instruction group); this file owns the buffer and label bookkeeping.

use super::enc_branch::{enc_b_imm, invert_branch};
use super::fixup::FixupKind;
use crate::asm::error::{AsmError, AsmResult};
use crate::asm::label::{Label, Labels};

/// Assembles AArch64 code into a position-independent byte buffer.
///
/// PC-relative references (branches, `adr`, `ldr` literal) may only target labels in the
/// same buffer; far calls go through [`Assembler::call_abs`] (`mov_imm64` + `blr`).
///
/// Conditional branches reach ±1 MiB (`tbz`/`tbnz` ±32 KiB). One to a label already bound
/// out of reach is emitted as the inverted branch over a `b`; one to a label bound later is
/// kept in reach by branch islands the client places (`island.rs`).
#[derive(Debug)]
pub struct Assembler {
    pub(super) buf: Vec<u8>,
    /// Labels, fixups, and the deadlines of conditional branches to unbound labels.
    pub(super) labels: Labels<FixupKind>,
}

impl Default for Assembler {
    fn default() -> Assembler {
        Assembler::with_capacity(0)
    }
}

impl Assembler {
    /// An empty assembler.
    pub fn new() -> Assembler {
        Assembler::default()
    }

    /// An empty assembler with room for `bytes` of code.
    pub fn with_capacity(bytes: usize) -> Assembler {
        Assembler {
            buf: Vec::with_capacity(bytes),
            labels: Labels::default(),
        }
    }

    /// Byte offset of the next instruction.
    pub fn offset(&self) -> usize {
        self.buf.len()
    }

    /// The bytes emitted so far (fixups not yet applied).
    pub fn bytes(&self) -> &[u8] {
        &self.buf
    }

    /// Appends one instruction word (little-endian).
    pub fn emit(&mut self, insn: u32) {
        self.buf.extend_from_slice(&insn.to_le_bytes());
    }

    /// Appends a 32-bit data word (e.g. a literal-pool entry).
    pub fn emit_u32(&mut self, v: u32) {
        self.emit(v);
    }

    /// Appends a 64-bit data doubleword, little-endian.
    pub fn emit_u64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    /// Appends raw data bytes (may leave the offset unaligned; realign with [`Self::align`]
    /// before more instructions).
    pub fn emit_bytes(&mut self, bytes: &[u8]) {
        self.buf.extend_from_slice(bytes);
    }

    /// Pads with zero bytes to a word boundary, then `nop`s until the offset is a multiple of `align` (a power of two ≥ 4).
    pub fn align(&mut self, align: usize) -> AsmResult {
        if align < 4 || !align.is_power_of_two() {
            return Err(AsmError::InvalidOperand(
                "alignment must be a power of two >= 4",
            ));
        }
        while !self.buf.len().is_multiple_of(4) {
            self.buf.push(0);
        }
        while !self.buf.len().is_multiple_of(align) {
            self.nop();
        }
        Ok(())
    }

    /// A new, unbound label.
    pub fn new_label(&mut self) -> Label {
        self.labels.new_label()
    }

    /// Binds `label` to the current offset.
    pub fn bind(&mut self, label: Label) -> AsmResult {
        let here = self.offset();
        self.labels.bind(label, here)
    }

    /// A new label bound here.
    pub fn here(&mut self) -> Label {
        let l = self.new_label();
        self.labels.bind_own(l, self.offset());
        l
    }

    /// Where `label` is bound, if it is.
    pub fn label_offset(&self, label: Label) -> Option<usize> {
        self.labels.offset(label)
    }

    /// Emits `insn` with its PC-relative field left zero, to be filled for `label`.
    ///
    /// A conditional branch to a bound label out of its reach becomes the inverted branch
    /// over a `b label`; one to an unbound label is remembered for [`Self::emit_island`].
    pub(crate) fn emit_fixup(&mut self, insn: u32, label: Label, kind: FixupKind) {
        let at = self.offset();
        let inverted = invert_branch(insn);
        let mut deadline = None;
        match self.label_offset(label) {
            Some(target) if kind.patch(insn, target as i64 - at as i64).is_none() => {
                if let Some(skip) = inverted.and_then(|i| kind.patch(i, 8)) {
                    self.emit(skip);
                    self.emit_fixup(enc_b_imm(0), label, FixupKind::Imm26);
                    return;
                }
            }
            None if inverted.is_some() => deadline = Some(at + kind.reach()),
            _ => {}
        }
        self.labels.add_fixup(at, label, kind, deadline);
        self.emit(insn);
    }

    /// Resolves every label reference and returns the code.
    ///
    /// Fails if a referenced label was never bound, does not belong to this assembler, or is
    /// out of range of its instruction's offset field.
    pub fn finalize(mut self) -> AsmResult<Vec<u8>> {
        for f in std::mem::take(&mut self.labels.fixups) {
            let target = self.labels.target(f.label)?;
            let delta = target as i64 - f.at as i64;
            let b = &self.buf[f.at..f.at + 4];
            let word = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
            let patched = f.kind.patch(word, delta).ok_or(AsmError::OutOfRange {
                kind: f.kind.name(),
                at: f.at,
                target,
            })?;
            self.buf[f.at..f.at + 4].copy_from_slice(&patched.to_le_bytes());
        }
        Ok(self.buf)
    }
}

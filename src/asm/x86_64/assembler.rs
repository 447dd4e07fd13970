//! The [`Assembler`]: a growing code buffer, labels, and the fixups resolved at finalization.
//!
//! Instruction methods live in the `ops_*` modules (one `impl Assembler` block per
//! instruction group); this file owns the buffer, label binding and backpatching. x86-64
//! needs no branch islands: a rel32 reaches ±2 GiB, farther than any code buffer.

use super::enc_insn::{Insn, encode};
use super::fixup::FixupKind;
use crate::asm::error::{AsmError, AsmResult};
use crate::asm::label::{Fixup, Label, Labels};

/// Assembles x86-64 code into a position-independent byte buffer.
///
/// Label references (branches, calls, `[rip + label]` operands) may only target labels in the
/// same buffer. A branch to a label already bound within reach of a rel8 uses the short
/// form; every other branch uses rel32, unless the caller asks for a short one
/// ([`Assembler::jmp_short`], [`Assembler::jcc_short`]), which is checked when the label is
/// bound and again at [`Assembler::finalize`].
#[derive(Debug)]
pub struct Assembler {
    pub(super) buf: Vec<u8>,
    pub(super) labels: Labels<FixupKind>,
    /// Indices in `labels.fixups` of short branches whose label was unbound when emitted.
    short_pending: Vec<usize>,
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
            short_pending: Vec::new(),
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

    /// Appends raw bytes (data, or an instruction encoded elsewhere).
    pub fn emit_bytes(&mut self, bytes: &[u8]) {
        self.buf.extend_from_slice(bytes);
    }

    /// Appends a 32-bit data word, little-endian.
    pub fn emit_u32(&mut self, v: u32) {
        self.emit_bytes(&v.to_le_bytes());
    }

    /// Appends a 64-bit data word, little-endian.
    pub fn emit_u64(&mut self, v: u64) {
        self.emit_bytes(&v.to_le_bytes());
    }

    /// Encodes and appends one instruction, recording its `[rip + label]` field if any.
    /// Nothing is appended if the instruction cannot be encoded.
    pub(super) fn emit_insn(&mut self, insn: Insn) -> AsmResult {
        let enc = encode(&insn)?;
        if let Some((field, label, addend, tail)) = enc.rip {
            let at = self.offset() + field;
            let kind = FixupKind::Rel32 { tail, addend };
            self.labels.add_fixup(at, label, kind, None);
        }
        self.emit_bytes(enc.as_slice());
        Ok(())
    }

    /// Emits an instruction that cannot fail to encode (register operands only).
    pub(super) fn emit_reg_insn(&mut self, insn: Insn) {
        self.emit_insn(insn)
            .expect("an instruction without a memory operand always encodes");
    }

    /// Emits `opcode` followed by a PC-relative field of `kind` referring to `label`, left
    /// zero until the label is resolved.
    pub(super) fn emit_rel(&mut self, opcode: &[u8], label: Label, kind: FixupKind) {
        self.emit_bytes(opcode);
        let at = self.offset();
        if kind == FixupKind::Rel8 && self.label_offset(label).is_none() {
            self.short_pending.push(self.labels.fixups.len());
        }
        self.labels.add_fixup(at, label, kind, None);
        self.emit_bytes(&[0; 4][..kind.width()]);
    }

    /// Whether a short branch emitted here (`opcode_len` bytes, then a rel8) reaches `label`,
    /// which is bound.
    pub(super) fn rel8_reaches(&self, label: Label, opcode_len: usize) -> bool {
        let field = self.offset() + opcode_len;
        self.label_offset(label)
            .is_some_and(|target| FixupKind::Rel8.field(field, target).is_some())
    }

    /// A new, unbound label.
    pub fn new_label(&mut self) -> Label {
        self.labels.new_label()
    }

    /// Binds `label` to the current offset.
    ///
    /// Fails if it is bound already, belongs to another assembler, or a short branch emitted
    /// earlier cannot reach it (the label is bound all the same).
    pub fn bind(&mut self, label: Label) -> AsmResult {
        let here = self.offset();
        self.labels.bind(label, here)?;
        let fixups = &self.labels.fixups;
        let (mine, others): (Vec<usize>, Vec<usize>) = self
            .short_pending
            .iter()
            .partition(|&&i| fixups[i].label == label);
        self.short_pending = others;
        for i in mine {
            let f = self.labels.fixups[i];
            if f.kind.field(f.at, here).is_none() {
                return Err(out_of_range(f, here));
            }
        }
        Ok(())
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

    /// Resolves every label reference and returns the code.
    ///
    /// Fails if a referenced label was never bound, does not belong to this assembler, or is
    /// out of range of its field (a short branch, or a rel32 beyond ±2 GiB).
    pub fn finalize(mut self) -> AsmResult<Vec<u8>> {
        for f in std::mem::take(&mut self.labels.fixups) {
            let target = self.labels.target(f.label)?;
            let field = f.kind.field(f.at, target).ok_or(out_of_range(f, target))?;
            let width = f.kind.width();
            self.buf[f.at..f.at + width].copy_from_slice(&field[..width]);
        }
        Ok(self.buf)
    }
}

/// The error for reference `f` that cannot reach `target`. A rel8 field follows a one-byte
/// opcode, so its instruction starts one byte before it; a rel32 is reported at its field.
fn out_of_range(f: Fixup<FixupKind>, target: usize) -> AsmError {
    let at = match f.kind {
        FixupKind::Rel8 => f.at - 1,
        FixupKind::Rel32 { .. } => f.at,
    };
    AsmError::OutOfRange {
        kind: f.kind.name(),
        at,
        target,
    }
}

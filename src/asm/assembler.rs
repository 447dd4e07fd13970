//! The [`Assembler`]: a growing code buffer, labels, and fixups resolved at finalization.
//!
//! Instruction methods live in the `ops_*` modules (one `impl Assembler` block per
//! instruction group); this file owns the buffer and label bookkeeping.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::sync::atomic::{AtomicU32, Ordering};

use super::enc_branch::{enc_b_imm, invert_branch};
use super::error::{AsmError, AsmResult};
use super::label::{Fixup, FixupKind, Label};

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
    /// Distinguishes this assembler's labels from other assemblers'.
    id: u32,
    pub(super) buf: Vec<u8>,
    pub(super) labels: Vec<Option<usize>>,
    pub(super) fixups: Vec<Fixup>,
    /// Conditional branches to labels unbound when they were emitted, as (the last offset
    /// their target may have, index in `fixups`), nearest first.
    pub(super) pending: BinaryHeap<Reverse<(usize, usize)>>,
}

static NEXT_ID: AtomicU32 = AtomicU32::new(0);

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
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            buf: Vec::with_capacity(bytes),
            labels: Vec::new(),
            fixups: Vec::new(),
            pending: BinaryHeap::new(),
        }
    }

    /// The binding slot of one of this assembler's labels.
    fn slot(&mut self, label: Label) -> AsmResult<&mut Option<usize>> {
        if label.owner != self.id {
            return Err(AsmError::ForeignLabel(label));
        }
        self.labels
            .get_mut(label.index as usize)
            .ok_or(AsmError::ForeignLabel(label))
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
        self.labels.push(None);
        Label {
            owner: self.id,
            index: (self.labels.len() - 1) as u32,
        }
    }

    /// Binds `label` to the current offset.
    pub fn bind(&mut self, label: Label) -> AsmResult {
        let here = self.offset();
        let slot = self.slot(label)?;
        if slot.is_some() {
            return Err(AsmError::LabelAlreadyBound(label));
        }
        *slot = Some(here);
        Ok(())
    }

    /// A new label bound here.
    pub fn here(&mut self) -> Label {
        let l = self.new_label();
        self.labels[l.index as usize] = Some(self.offset());
        l
    }

    /// Where `label` is bound, if it is.
    pub fn label_offset(&self, label: Label) -> Option<usize> {
        if label.owner != self.id {
            return None;
        }
        self.labels.get(label.index as usize).copied().flatten()
    }

    /// Emits `insn` with its PC-relative field left zero, to be filled for `label`.
    ///
    /// A conditional branch to a bound label out of its reach becomes the inverted branch
    /// over a `b label`; one to an unbound label is remembered for [`Self::emit_island`].
    pub(crate) fn emit_fixup(&mut self, insn: u32, label: Label, kind: FixupKind) {
        let at = self.offset();
        let inverted = invert_branch(insn);
        match self.label_offset(label) {
            Some(target) if kind.patch(insn, target as i64 - at as i64).is_none() => {
                if let Some(skip) = inverted.and_then(|i| kind.patch(i, 8)) {
                    self.emit(skip);
                    self.emit_fixup(enc_b_imm(0), label, FixupKind::Imm26);
                    return;
                }
            }
            None if inverted.is_some() => {
                self.pending
                    .push(Reverse((at + kind.reach(), self.fixups.len())));
            }
            _ => {}
        }
        self.fixups.push(Fixup { at, label, kind });
        self.emit(insn);
    }

    /// Resolves every label reference and returns the code.
    ///
    /// Fails if a referenced label was never bound, does not belong to this assembler, or is
    /// out of range of its instruction's offset field.
    pub fn finalize(mut self) -> AsmResult<Vec<u8>> {
        for f in std::mem::take(&mut self.fixups) {
            let target = self.slot(f.label)?.ok_or(AsmError::UnboundLabel(f.label))?;
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

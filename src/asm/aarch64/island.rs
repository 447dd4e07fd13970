//! Branch islands: keeping forward conditional branches in reach in long code.
//!
//! `b.cond`/`cbz`/`cbnz` reach 1 MiB ahead and `tbz`/`tbnz` only 32 KiB, so in a long
//! function a branch to out-of-line code placed at the end (a slow path, a shared exit) may
//! not reach it. The client asks [`Assembler::island_due`] at points where code may be
//! inserted (between the ops of a compiled function); when it says so, [`Assembler::emit_island`]
//! places a `b` over a run of veneers, one `b label` (±128 MiB) per pending branch, and
//! points those branches at their veneers. The branch's fast case is unchanged; only its
//! taken case goes through one more `b`.

use super::Assembler;
use super::enc_branch::enc_b_imm;
use super::fixup::FixupKind;

impl Assembler {
    /// Whether a conditional branch to a label not yet bound would fall out of reach within
    /// the next `distance` bytes of code.
    pub fn island_due(&mut self, distance: usize) -> bool {
        let limit = self.offset() + distance;
        self.labels.island_due(limit)
    }

    /// Emits a branch island here: a `b` over it, then a veneer `b label` for every pending
    /// conditional branch whose reach ends within `distance` bytes, which now targets its
    /// veneer instead.
    pub fn emit_island(&mut self, distance: usize) {
        let over = self.new_label();
        self.b(over);
        let horizon = self.offset() + distance;
        while let Some(i) = self.labels.take_due(horizon) {
            let label = self.labels.fixups[i].label;
            self.labels.fixups[i].label = self.here();
            self.emit_fixup(enc_b_imm(0), label, FixupKind::Imm26);
        }
        self.labels.bind_own(over, self.offset());
    }
}

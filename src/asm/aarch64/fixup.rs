//! AArch64 PC-relative fixup fields: which bits of an instruction a label reference fills,
//! how far each reaches, and how to patch it.

/// Which PC-relative field a fixup fills.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FixupKind {
    /// `b`/`bl`: imm26 at bits 25:0, word offset, ±128 MiB.
    Imm26,
    /// `b.cond`, `cbz`/`cbnz`, `ldr` literal: imm19 at bits 23:5, word offset, ±1 MiB.
    Imm19,
    /// `tbz`/`tbnz`: imm14 at bits 18:5, word offset, ±32 KiB.
    Imm14,
    /// `adr`: imm21 split into immlo (30:29) and immhi (23:5), byte offset, ±1 MiB.
    Adr21,
}

impl FixupKind {
    /// Name used in error messages.
    pub fn name(self) -> &'static str {
        match self {
            FixupKind::Imm26 => "imm26 (b/bl)",
            FixupKind::Imm19 => "imm19 (b.cond/cbz/cbnz/ldr literal)",
            FixupKind::Imm14 => "imm14 (tbz/tbnz)",
            FixupKind::Adr21 => "imm21 (adr)",
        }
    }

    /// The farthest forward byte displacement the field reaches.
    pub fn reach(self) -> usize {
        match self {
            FixupKind::Imm26 => (1 << 27) - 4,
            FixupKind::Imm19 => (1 << 20) - 4,
            FixupKind::Imm14 => (1 << 15) - 4,
            FixupKind::Adr21 => (1 << 20) - 1,
        }
    }

    /// Patches `insn` (whose offset field is zero) for a byte displacement `delta` from the
    /// instruction to its target; `None` if the displacement does not fit or is misaligned.
    pub fn patch(self, insn: u32, delta: i64) -> Option<u32> {
        fn field(delta: i64, bits: u32, scale: u32) -> Option<u32> {
            if delta & ((1 << scale) - 1) != 0 {
                return None;
            }
            let v = delta >> scale;
            let lim = 1i64 << (bits - 1);
            if v < -lim || v >= lim {
                return None;
            }
            Some((v as u32) & ((1u32 << bits) - 1))
        }
        match self {
            FixupKind::Imm26 => Some(insn | field(delta, 26, 2)?),
            FixupKind::Imm19 => Some(insn | (field(delta, 19, 2)? << 5)),
            FixupKind::Imm14 => Some(insn | (field(delta, 14, 2)? << 5)),
            FixupKind::Adr21 => {
                let v = field(delta, 21, 0)?;
                Some(insn | ((v & 3) << 29) | ((v >> 2) << 5))
            }
        }
    }
}

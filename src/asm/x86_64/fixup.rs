//! x86-64 PC-relative fields a label reference fills: a rel8 or rel32 displacement counted
//! from the end of the instruction, which may end after the field (an immediate follows a
//! RIP-relative displacement in `cmp [rip + l], imm`).

/// Which field a label reference fills, and what its displacement is relative to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FixupKind {
    /// A one-byte displacement of a short `jmp`/`jcc`, the instruction's last byte.
    Rel8,
    /// A four-byte displacement: branch, call, or RIP-relative memory operand.
    Rel32 {
        /// Bytes of the instruction after the field (an immediate).
        tail: u8,
        /// Added to the label's offset (`[rip + label + addend]`).
        addend: i32,
    },
}

impl FixupKind {
    /// Name used in error messages.
    pub fn name(self) -> &'static str {
        match self {
            FixupKind::Rel8 => "rel8 (short jmp/jcc)",
            FixupKind::Rel32 { .. } => "rel32",
        }
    }

    /// The width of the field in bytes.
    pub fn width(self) -> usize {
        match self {
            FixupKind::Rel8 => 1,
            FixupKind::Rel32 { .. } => 4,
        }
    }

    /// The field's bytes (little-endian, [`Self::width`] of them) for a reference whose field
    /// is at offset `at` to a label at `target`; `None` if the displacement does not fit.
    pub fn field(self, at: usize, target: usize) -> Option<[u8; 4]> {
        match self {
            FixupKind::Rel8 => {
                let disp = target as i64 - (at as i64 + 1);
                Some([i8::try_from(disp).ok()? as u8, 0, 0, 0])
            }
            FixupKind::Rel32 { tail, addend } => {
                let end = at as i64 + 4 + tail as i64;
                let disp = target as i64 + addend as i64 - end;
                Some(i32::try_from(disp).ok()?.to_le_bytes())
            }
        }
    }
}

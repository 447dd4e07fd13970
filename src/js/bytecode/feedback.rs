//! Type feedback the interpreter leaves for the baseline JIT: one bit per bytecode offset,
//! set when the arithmetic op there met an operand that was a number but not an int32 (a
//! double). The JIT then lays that op out double-first — the double path inline, the int32
//! path out of line — instead of the other way round. Only code layout depends on it: both
//! paths are always there, so a wrong or missing bit costs a branch, never a wrong result.

use std::cell::Cell;

/// A bit per bytecode offset. `Default` is empty: every bit reads as clear.
#[derive(Default)]
pub struct PcBits(Box<[Cell<u64>]>);

impl PcBits {
    /// Clear bits for offsets `0..len`.
    pub fn new(len: usize) -> PcBits {
        PcBits((0..len.div_ceil(64)).map(|_| Cell::new(0)).collect())
    }
    /// Sets the bit of `pc` (ignored past the end). A bit already set is only read: the
    /// interpreter sets it on every visit of a hot op.
    #[inline]
    pub fn set(&self, pc: usize) {
        if let Some(w) = self.0.get(pc / 64) {
            let (v, bit) = (w.get(), 1 << (pc % 64));
            if v & bit == 0 {
                w.set(v | bit);
            }
        }
    }
    /// The bit of `pc` (clear past the end).
    #[inline]
    pub fn get(&self, pc: usize) -> bool {
        self.0
            .get(pc / 64)
            .is_some_and(|w| w.get() & 1 << (pc % 64) != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::PcBits;

    #[test]
    fn bits_are_per_offset_and_bounded() {
        let b = PcBits::new(130);
        for pc in [0, 63, 64, 129] {
            assert!(!b.get(pc));
            b.set(pc);
            assert!(b.get(pc));
        }
        assert!(!b.get(1) && !b.get(65) && !b.get(128));
        b.set(500);
        assert!(!b.get(500));
        assert!(!PcBits::default().get(0));
    }
}

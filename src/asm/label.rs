//! Labels and their bookkeeping, shared by every ISA's assembler: label identity (with the
//! assembler that owns it), bound offsets, the fixups that refer to labels, and the deadlines
//! of forward branches that branch islands must keep in reach. What a fixup patches (which
//! instruction field, how far it reaches) is the ISA's business: the kind `K`.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::sync::atomic::{AtomicU32, Ordering};

use super::error::{AsmError, AsmResult};

/// A position in the code, possibly not yet known. Create with an assembler's `new_label`,
/// place with its `bind`; it may be used before or after binding.
///
/// A label remembers which assembler created it, so using it with another one is an error
/// ([`AsmError::ForeignLabel`]), not a jump to an unrelated label that happens to have the
/// same index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Label {
    pub(crate) owner: u32,
    pub(crate) index: u32,
}

impl Label {
    /// The label's index within its assembler (for messages).
    pub fn index(self) -> u32 {
        self.index
    }
}

/// A reference from the instruction at `at` to `label`, resolved at finalization.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Fixup<K> {
    pub at: usize,
    pub label: Label,
    pub kind: K,
}

static NEXT_ID: AtomicU32 = AtomicU32::new(0);

/// The labels of one assembler: where each is bound, the fixups referring to them, and the
/// pending forward references with a reach deadline (for branch islands).
#[derive(Debug)]
pub(crate) struct Labels<K> {
    /// Distinguishes this assembler's labels from other assemblers'.
    id: u32,
    bound: Vec<Option<usize>>,
    pub fixups: Vec<Fixup<K>>,
    /// References to labels unbound when they were emitted, as (the last offset their
    /// target may have, index in `fixups`), nearest first.
    pending: BinaryHeap<Reverse<(usize, usize)>>,
}

impl<K> Default for Labels<K> {
    fn default() -> Labels<K> {
        Labels {
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            bound: Vec::new(),
            fixups: Vec::new(),
            pending: BinaryHeap::new(),
        }
    }
}

impl<K: Copy> Labels<K> {
    /// A new, unbound label.
    pub fn new_label(&mut self) -> Label {
        self.bound.push(None);
        Label {
            owner: self.id,
            index: (self.bound.len() - 1) as u32,
        }
    }

    /// The binding slot of one of these labels.
    fn slot(&mut self, label: Label) -> AsmResult<&mut Option<usize>> {
        if label.owner != self.id {
            return Err(AsmError::ForeignLabel(label));
        }
        self.bound
            .get_mut(label.index as usize)
            .ok_or(AsmError::ForeignLabel(label))
    }

    /// Binds `label` to offset `at`.
    pub fn bind(&mut self, label: Label, at: usize) -> AsmResult {
        let slot = self.slot(label)?;
        if slot.is_some() {
            return Err(AsmError::LabelAlreadyBound(label));
        }
        *slot = Some(at);
        Ok(())
    }

    /// Binds a label created by this table, which cannot fail.
    pub fn bind_own(&mut self, label: Label, at: usize) {
        self.bound[label.index as usize] = Some(at);
    }

    /// Where `label` is bound, if it is one of these and bound.
    pub fn offset(&self, label: Label) -> Option<usize> {
        if label.owner != self.id {
            return None;
        }
        self.bound.get(label.index as usize).copied().flatten()
    }

    /// Where `label` is bound: an error for a foreign or unbound label.
    pub fn target(&mut self, label: Label) -> AsmResult<usize> {
        self.slot(label)?.ok_or(AsmError::UnboundLabel(label))
    }

    /// Records a reference; `deadline`: the last offset its target may have, for a forward
    /// reference that an island can keep in reach.
    pub fn add_fixup(&mut self, at: usize, label: Label, kind: K, deadline: Option<usize>) {
        if let Some(d) = deadline {
            self.pending.push(Reverse((d, self.fixups.len())));
        }
        self.fixups.push(Fixup { at, label, kind });
    }

    /// Whether a pending reference to a label not yet bound would fall out of reach before
    /// offset `limit`.
    pub fn island_due(&mut self, limit: usize) -> bool {
        while let Some(&Reverse((deadline, i))) = self.pending.peek() {
            if self.offset(self.fixups[i].label).is_none() {
                return deadline < limit;
            }
            self.pending.pop();
        }
        false
    }

    /// Takes the next pending reference whose deadline is before `horizon` and whose label is
    /// still unbound: its index in `fixups`.
    pub fn take_due(&mut self, horizon: usize) -> Option<usize> {
        while let Some(&Reverse((deadline, i))) = self.pending.peek() {
            if deadline >= horizon {
                return None;
            }
            self.pending.pop();
            if self.offset(self.fixups[i].label).is_none() {
                return Some(i);
            }
        }
        None
    }
}

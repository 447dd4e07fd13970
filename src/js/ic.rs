//! Inline caches: one fixed `#[repr(C)]` slot per property/global/call site, stored in a
//! never-reallocated boxed slice on the function, so compiled code can load and compare them.
//!
//! A property slot holds up to [`IC_WAYS`] entries (monomorphic, then polymorphic); when a
//! site sees more shapes it turns megamorphic and stops caching. Entry kinds:
//! - `IC_OWN`: the property is in the receiver's own slot `slot` when its shape is `shape`.
//! - `IC_PROTO`: it is in slot `slot` of the prototype object `aux` (valid while the global
//!   prototype epoch equals `epoch`).
//! - `IC_ADD`: a store adds the property: shape `shape` transitions to shape `aux`, value in
//!   `slot`.
//!
//! Call sites record their last callee in `entries[0].aux` (feedback for the JIT).

pub const IC_WAYS: usize = 4;
pub const IC_EMPTY: u32 = 0;
pub const IC_OWN: u32 = 1;
pub const IC_PROTO: u32 = 2;
pub const IC_ADD: u32 = 3;
/// Call-site feedback entry (callee code word in `aux`, class in `slot`).
pub const IC_CALL: u32 = 4;
/// The `shape` of entries for primitive string receivers (prototype hits on
/// `String.prototype` or above): no shape lives at address 1.
pub const STRING_RECEIVER: usize = 1;

#[repr(C)]
#[derive(Clone, Copy, Default, Debug)]
pub struct IcEntry {
    /// Receiver shape (`*const Shape`), 0 if unused.
    pub shape: usize,
    /// Holder object pointer (IC_PROTO) or new shape (IC_ADD).
    pub aux: usize,
    pub slot: u32,
    pub kind: u32,
    pub epoch: u32,
    pub _pad: u32,
}

#[repr(C)]
#[derive(Clone, Copy, Default, Debug)]
pub struct IcSlot {
    pub entries: [IcEntry; IC_WAYS],
    /// Number of valid entries.
    pub count: u32,
    /// Non-zero once the site has seen too many shapes.
    pub megamorphic: u32,
    pub hits: u32,
    pub misses: u32,
}

impl IcSlot {
    /// Records an entry (replacing one for the same shape), turning megamorphic when full.
    pub fn record(&mut self, e: IcEntry) {
        if self.megamorphic != 0 {
            return;
        }
        for x in self.entries[..self.count as usize].iter_mut() {
            if x.shape == e.shape {
                *x = e;
                return;
            }
        }
        if (self.count as usize) < IC_WAYS {
            self.entries[self.count as usize] = e;
            self.count += 1;
        } else {
            self.megamorphic = 1;
            self.count = 0;
        }
    }
    /// Call-site feedback: the single callee target seen so far, or megamorphic once a second
    /// one shows up. The target is the callee object's `code` word (a `*const FunctionCode`
    /// for closures, which is immortal; the native index for natives) in `entries[0].aux`,
    /// with the object class in `entries[0].slot` -- never the object address, which the GC
    /// may reuse.
    #[inline]
    pub fn record_callee(&mut self, class: u8, code: usize) {
        if self.count == 1 && self.entries[0].aux == code && self.entries[0].slot == class as u32 {
            self.hits = self.hits.wrapping_add(1);
        } else if self.count == 0 && self.megamorphic == 0 {
            self.entries[0] = IcEntry {
                shape: 0,
                aux: code,
                slot: class as u32,
                kind: IC_CALL,
                epoch: 0,
                _pad: 0,
            };
            self.count = 1;
        } else {
            self.megamorphic = 1;
            self.count = 0;
        }
    }
    #[inline]
    pub fn find(&self, shape: usize) -> Option<&IcEntry> {
        self.entries[..self.count as usize]
            .iter()
            .find(|e| e.shape == shape)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn monomorphic_polymorphic_megamorphic() {
        let mut ic = IcSlot::default();
        for s in 1..=IC_WAYS {
            ic.record(IcEntry {
                shape: s,
                slot: s as u32,
                kind: IC_OWN,
                ..Default::default()
            });
        }
        assert_eq!(ic.count as usize, IC_WAYS);
        assert_eq!(ic.find(2).map(|e| e.slot), Some(2));
        ic.record(IcEntry {
            shape: 99,
            kind: IC_OWN,
            ..Default::default()
        });
        assert_eq!(ic.megamorphic, 1);
        assert!(ic.find(2).is_none());
        let mut call = IcSlot::default();
        call.record_callee(2, 0x1234);
        call.record_callee(2, 0x1234);
        assert_eq!((call.count, call.megamorphic), (1, 0));
        call.record_callee(2, 0x9999);
        assert_eq!(call.megamorphic, 1);
    }
    #[test]
    fn layout_is_stable() {
        assert_eq!(std::mem::size_of::<IcEntry>(), 32);
        assert_eq!(std::mem::offset_of!(IcEntry, slot), 16);
        assert_eq!(std::mem::offset_of!(IcSlot, count), 32 * IC_WAYS);
    }
}

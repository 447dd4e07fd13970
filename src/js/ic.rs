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
    #[inline]
    pub fn find(&self, shape: usize) -> Option<&IcEntry> {
        self.entries[..self.count as usize]
            .iter()
            .find(|e| e.shape == shape)
    }
}

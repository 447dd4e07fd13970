//! The garbage-collected heap: size-classed page-aligned arenas, out-of-line buffers, and the
//! allocation accounting that requests collections. Collection itself is in [`gc`].
//!
//! Collections only happen at safepoints chosen by the VM (instruction boundaries of the
//! interpreter, where every live value is in the register file or another declared root).
//! Allocation never collects: it only sets [`Heap::gc_requested`]. Rust code therefore only
//! needs to root values it holds across a call back into JavaScript (see `Vm::roots`).
//!
//! When to collect: after `budget` bytes of allocation, where the budget is the live size after
//! the last collection times a growth factor (at least [`MIN_BUDGET`]). The factor follows the
//! share of the time spent marking, the part of a collection that a bigger budget amortises
//! (it is proportional to the live heap, while sweeping is proportional to the garbage): it
//! grows while marking takes more than [`HIGH_OVERHEAD`] of the run (a program allocating fast
//! over a large live heap), and shrinks back towards [`MIN_FACTOR`] while it takes less than
//! [`LOW_OVERHEAD`]. A program whose collections are mostly garbage (short-lived trees) keeps
//! the smallest budget: a bigger one would cost memory and save no time.

pub mod arena;
pub mod cells;
pub mod gc;
#[cfg(test)]
mod tests;

use std::time::Instant;

use arena::{Arena, CLASSES, Large, bit_of, class_for};
use cells::*;

use crate::js::value::Value;

pub struct Heap {
    pub arenas: Vec<Arena>,
    /// Free-list heads per size class (cells linked through the word after the header).
    free: [*mut u8; CLASSES.len()],
    pub large: Vec<Large>,
    pub bytes_since_gc: usize,
    /// Allocation (bytes) after which the next collection is requested.
    pub threshold: usize,
    pub live_bytes: usize,
    pub gc_requested: bool,
    pub stress: bool,
    pub gc_count: u64,
    pub gc_nanos: u128,
    /// The part of `gc_nanos` spent marking.
    pub mark_nanos: u128,
    pub total_allocs: u64,
    /// The mark value of cells reached by the current (or last) collection: 1 and 3 in turn,
    /// so that marks never need clearing (see `gc`).
    pub epoch: u8,
    /// The budget's growth factor over the live size (see the module comment).
    pub factor: f64,
    /// When the last collection ended (the mutator's time since is the overhead's base).
    pub last_gc_end: Instant,
    /// Arenas released to the system because a sweep found them empty.
    pub arenas_released: u64,
    /// The largest `live_bytes` seen after a collection.
    pub peak_live_bytes: usize,
}

/// The smallest allocation budget between collections.
pub const MIN_BUDGET: usize = 8 << 20;
/// The factor's bounds and the collection-time shares that move it.
pub const MIN_FACTOR: f64 = 2.0;
pub const MAX_FACTOR: f64 = 3.0;
pub const HIGH_OVERHEAD: f64 = 0.10;
pub const LOW_OVERHEAD: f64 = 0.04;

impl Heap {
    pub fn new(stress: bool) -> Heap {
        Heap {
            arenas: Vec::new(),
            free: [std::ptr::null_mut(); CLASSES.len()],
            large: Vec::new(),
            bytes_since_gc: 0,
            threshold: MIN_BUDGET,
            live_bytes: 0,
            gc_requested: false,
            stress,
            gc_count: 0,
            gc_nanos: 0,
            mark_nanos: 0,
            total_allocs: 0,
            epoch: gc::EPOCH_A,
            factor: 2.0,
            last_gc_end: Instant::now(),
            arenas_released: 0,
            peak_live_bytes: 0,
        }
    }

    /// Accounts `bytes` of allocation (cells or out-of-line buffers) and requests a collection
    /// when the budget is used up.
    pub fn note_alloc(&mut self, bytes: usize) {
        self.bytes_since_gc += bytes;
        self.total_allocs += 1;
        if self.stress || self.bytes_since_gc > self.threshold {
            self.gc_requested = true;
        }
    }

    /// Allocates a zeroed cell of `size` bytes with the given kind. Never collects.
    pub fn alloc_cell(&mut self, size: usize, kind: u8) -> *mut u8 {
        self.note_alloc(size);
        let p = match class_for(size) {
            Some(c) => {
                if self.free[c].is_null() {
                    self.add_arena(c);
                }
                let p = self.free[c];
                // SAFETY: p is a free cell of class c in a live arena; its second word holds
                // the next free cell. Its allocation bit is clear until now.
                unsafe {
                    self.free[c] = *(p.add(8) as *mut *mut u8);
                    std::ptr::write_bytes(p, 0, CLASSES[c]);
                    let (meta, w, bit) = bit_of(p);
                    (*meta).alloc[w] |= bit;
                }
                p
            }
            None => {
                let l = Large::new(size);
                let p = l.ptr;
                self.large.push(l);
                // SAFETY: p is a fresh zeroed allocation of at least a header.
                unsafe { (*(p as *mut CellHeader)).mark = gc::LARGE };
                p
            }
        };
        // SAFETY: p points to at least `size` >= 8 zeroed bytes owned by this heap.
        unsafe { (*(p as *mut CellHeader)).kind = kind };
        p
    }

    /// Makes the arena cell `p` permanent: never swept, never traced (interned atom strings,
    /// which hold no references). It leaves the allocation bitmap, so sweeps skip it; its
    /// `PERMANENT` mark keeps it out of the free lists (see `rebuild_free_list`).
    ///
    /// # Safety
    /// `p` must be a live arena cell (not a large one) that references no other cell.
    pub unsafe fn make_permanent(&mut self, p: *mut CellHeader) {
        // SAFETY: guaranteed by the caller.
        unsafe {
            (*p).mark = gc::PERMANENT;
            let (meta, w, bit) = bit_of(p as *const u8);
            (*meta).alloc[w] &= !bit;
        }
    }

    fn add_arena(&mut self, c: usize) {
        let a = Arena::new(CLASSES[c]);
        for i in (0..a.cell_count()).rev() {
            let cell = a.cell(i);
            // SAFETY: cell is inside the fresh arena; link it into the free list.
            unsafe { *(cell.add(8) as *mut *mut u8) = self.free[c] };
            self.free[c] = cell;
        }
        self.arenas.push(a);
    }

    /// Returns a cell to its free list (after finalisation; its allocation bit is already
    /// clear).
    fn free_cell(&mut self, p: *mut u8, c: usize) {
        // SAFETY: p is a dead cell of class c; mark it free and link it.
        unsafe {
            (*(p as *mut CellHeader)).kind = KIND_FREE;
            *(p.add(8) as *mut *mut u8) = self.free[c];
        }
        self.free[c] = p;
    }

    /// Relinks the free list of class `c` from the arenas of that class (after some of them
    /// were released): every cell that is neither allocated nor permanent.
    fn rebuild_free_list(&mut self, c: usize) {
        self.free[c] = std::ptr::null_mut();
        for ai in 0..self.arenas.len() {
            if self.arenas[ai].cell_size != CLASSES[c] {
                continue;
            }
            for i in (0..self.arenas[ai].cell_count()).rev() {
                let p = self.arenas[ai].cell(i);
                // SAFETY: p is a cell slot of a live arena; free and permanent cells are the
                // only ones with a clear allocation bit, and a permanent one is not KIND_FREE.
                let free = unsafe {
                    let (meta, w, bit) = bit_of(p);
                    (*meta).alloc[w] & bit == 0 && (*(p as *mut CellHeader)).kind == KIND_FREE
                };
                if free {
                    self.free_cell(p, c);
                }
            }
        }
    }

    /// Sets the next budget from the live size and marking's share of the time since the
    /// previous collection ended (`mark_time` of it was this collection's marking).
    fn plan_next(&mut self, mark_time: std::time::Duration) {
        let total = self.last_gc_end.elapsed().as_secs_f64();
        let overhead = if total > 0.0 {
            mark_time.as_secs_f64() / total
        } else {
            0.0
        };
        if overhead > HIGH_OVERHEAD {
            self.factor = (self.factor * 1.5).min(MAX_FACTOR);
        } else if overhead < LOW_OVERHEAD {
            self.factor = (self.factor / 1.25).max(MIN_FACTOR);
        }
        self.threshold = ((self.live_bytes as f64 * self.factor) as usize).max(MIN_BUDGET);
        self.last_gc_end = Instant::now();
    }
}

/// Allocates an out-of-line buffer of `n` values, all undefined. Freed with [`free_values`].
pub fn alloc_values(n: usize) -> *mut Value {
    if n == 0 {
        return std::ptr::null_mut();
    }
    Box::into_raw(vec![Value::UNDEFINED; n].into_boxed_slice()) as *mut Value
}

/// Frees a buffer from [`alloc_values`] of capacity `n`.
pub fn free_values(p: *mut Value, n: usize) {
    if p.is_null() || n == 0 {
        return;
    }
    // SAFETY: p came from alloc_values(n): a boxed slice of exactly n values.
    unsafe { drop(Box::from_raw(std::ptr::slice_from_raw_parts_mut(p, n))) }
}

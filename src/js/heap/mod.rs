//! The garbage-collected heap: size-classed page-aligned arenas, out-of-line buffers, and the
//! allocation accounting that requests collections. Collection itself is in [`gc`].
//!
//! Collections only happen at safepoints chosen by the VM (instruction boundaries of the
//! interpreter, where every live value is in the register file or another declared root).
//! Allocation never collects: it only sets [`Heap::gc_requested`]. Rust code therefore only
//! needs to root values it holds across a call back into JavaScript (see `Vm::roots`).

pub mod arena;
pub mod cells;
pub mod gc;

use arena::{Arena, CLASSES, Large, class_for};
use cells::*;

use crate::js::value::Value;

pub struct Heap {
    pub arenas: Vec<Arena>,
    /// Free-list heads per size class (cells linked through the word after the header).
    free: [*mut u8; CLASSES.len()],
    pub large: Vec<Large>,
    pub bytes_since_gc: usize,
    pub threshold: usize,
    pub live_bytes: usize,
    pub gc_requested: bool,
    pub stress: bool,
    pub gc_count: u64,
    pub gc_nanos: u128,
    pub total_allocs: u64,
}

const MIN_THRESHOLD: usize = 8 << 20;

impl Heap {
    pub fn new(stress: bool) -> Heap {
        Heap {
            arenas: Vec::new(),
            free: [std::ptr::null_mut(); CLASSES.len()],
            large: Vec::new(),
            bytes_since_gc: 0,
            threshold: MIN_THRESHOLD,
            live_bytes: 0,
            gc_requested: false,
            stress,
            gc_count: 0,
            gc_nanos: 0,
            total_allocs: 0,
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
                // SAFETY: p is a free cell of class c; its second word holds the next free cell.
                unsafe {
                    self.free[c] = *(p.add(8) as *mut *mut u8);
                    std::ptr::write_bytes(p, 0, CLASSES[c]);
                }
                p
            }
            None => {
                let l = Large::new(size);
                let p = l.ptr;
                self.large.push(l);
                p
            }
        };
        // SAFETY: p points to at least `size` >= 8 zeroed bytes owned by this heap.
        unsafe { (*(p as *mut CellHeader)).kind = kind };
        p
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

    /// Returns a cell to its free list (after finalisation).
    fn free_cell(&mut self, p: *mut u8, cell_size: usize) {
        let c = class_for(cell_size).expect("arena class");
        // SAFETY: p is a dead cell of this class; mark it free and link it.
        unsafe {
            (*(p as *mut CellHeader)).kind = KIND_FREE;
            *(p.add(8) as *mut *mut u8) = self.free[c];
        }
        self.free[c] = p;
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

//! Page-aligned arenas carved into fixed-size cells, one size class per arena, with free lists.

use std::alloc::{Layout, alloc_zeroed, dealloc};

pub const ARENA_SIZE: usize = 256 * 1024;
pub const PAGE: usize = 4096;
/// Size classes in bytes (multiples of 16). Larger cells get their own allocation.
pub const CLASSES: [usize; 10] = [16, 32, 48, 64, 96, 128, 160, 256, 384, 512];

pub fn class_for(size: usize) -> Option<usize> {
    CLASSES.iter().position(|&c| c >= size)
}

/// One arena: `ARENA_SIZE` bytes of `cell_size` cells.
pub struct Arena {
    pub base: *mut u8,
    pub cell_size: usize,
}

impl Arena {
    pub fn new(cell_size: usize) -> Arena {
        let layout = Layout::from_size_align(ARENA_SIZE, PAGE).expect("arena layout");
        // SAFETY: the layout has non-zero size; zeroed memory means every cell starts free (kind 0).
        let base = unsafe { alloc_zeroed(layout) };
        if base.is_null() {
            std::alloc::handle_alloc_error(layout);
        }
        Arena { base, cell_size }
    }
    pub fn cell_count(&self) -> usize {
        ARENA_SIZE / self.cell_size
    }
    pub fn cell(&self, i: usize) -> *mut u8 {
        // SAFETY: callers pass i < cell_count, so the offset stays inside the allocation.
        unsafe { self.base.add(i * self.cell_size) }
    }
}

impl Drop for Arena {
    fn drop(&mut self) {
        let layout = Layout::from_size_align(ARENA_SIZE, PAGE).expect("arena layout");
        // SAFETY: base was allocated in `new` with this same layout and is freed once.
        unsafe { dealloc(self.base, layout) }
    }
}

/// A cell too big for any size class.
pub struct Large {
    pub ptr: *mut u8,
    pub size: usize,
}

impl Large {
    pub fn new(size: usize) -> Large {
        let layout = Layout::from_size_align(size, 16).expect("large layout");
        // SAFETY: size is non-zero (cells are at least a header).
        let ptr = unsafe { alloc_zeroed(layout) };
        if ptr.is_null() {
            std::alloc::handle_alloc_error(layout);
        }
        Large { ptr, size }
    }
}

impl Drop for Large {
    fn drop(&mut self) {
        let layout = Layout::from_size_align(self.size, 16).expect("large layout");
        // SAFETY: allocated in `new` with this layout, freed once.
        unsafe { dealloc(self.ptr, layout) }
    }
}

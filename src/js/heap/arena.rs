//! Arenas carved into fixed-size cells, one size class per arena, and the large allocations
//! that fit no class.
//!
//! An arena is `ARENA_SIZE` bytes aligned to its own size, so the arena of any cell is its
//! address with the low bits cleared. Its first page holds [`ArenaMeta`]: the cell size and two
//! bitmaps with one bit per 16-byte granule of the cell area, set at the first granule of a
//! cell: `alloc` (the cell is in use) and `mark` (the cell was reached by the collection being
//! marked). The sweep reads only the bitmaps, so it touches dead cells (to finalise them) and
//! never live ones; the collector in [`super::gc`] owns the protocol.

use std::alloc::{Layout, alloc_zeroed, dealloc};
use std::ptr::null_mut;

pub const ARENA_SIZE: usize = 256 * 1024;
/// Bytes at the start of an arena reserved for its [`ArenaMeta`] (one page).
pub const ARENA_HEADER: usize = 4096;
/// The bitmaps' unit: every cell size is a multiple of it.
const GRANULE: usize = 16;
/// Words of each bitmap: one bit per granule of the cell area.
pub const BITMAP_WORDS: usize = (ARENA_SIZE - ARENA_HEADER) / GRANULE / 64;
/// Size classes in bytes (multiples of 16). Larger cells get their own allocation.
pub const CLASSES: [usize; 10] = [16, 32, 48, 64, 96, 128, 160, 256, 384, 512];

pub fn class_for(size: usize) -> Option<usize> {
    CLASSES.iter().position(|&c| c >= size)
}

/// The first page of every arena.
#[repr(C)]
pub struct ArenaMeta {
    pub cell_size: usize,
    pub mark: [u64; BITMAP_WORDS],
    pub alloc: [u64; BITMAP_WORDS],
}

const _: () = assert!(std::mem::size_of::<ArenaMeta>() <= ARENA_HEADER);
const _: () = assert!(ARENA_SIZE.is_power_of_two());

/// One arena: `ARENA_SIZE` bytes, the metadata page then `cell_size` cells.
pub struct Arena {
    pub base: *mut u8,
    pub cell_size: usize,
}

/// Maps `ARENA_SIZE` zeroed bytes aligned to `ARENA_SIZE` straight from the system: map
/// twice the size, then unmap the unaligned head and the tail. Pages the program never uses
/// are never touched (the kernel's zero pages), and a released arena is unmapped, so its
/// memory really goes back (through `malloc`, 256 KiB aligned blocks fragment its heap).
fn map_arena() -> *mut u8 {
    let len = 2 * ARENA_SIZE;
    // SAFETY: an anonymous private mapping at an address of the kernel's choosing.
    let p = unsafe {
        libc::mmap(
            null_mut(),
            len,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
            -1,
            0,
        )
    };
    if p == libc::MAP_FAILED {
        std::alloc::handle_alloc_error(Layout::from_size_align(ARENA_SIZE, ARENA_SIZE).unwrap());
    }
    let start = p as usize;
    let base = (start + ARENA_SIZE - 1) & !(ARENA_SIZE - 1);
    let head = base - start;
    let tail = len - head - ARENA_SIZE;
    // SAFETY: both ranges lie inside the mapping just made and outside [base, base+ARENA_SIZE).
    unsafe {
        if head > 0 {
            libc::munmap(start as *mut libc::c_void, head);
        }
        if tail > 0 {
            libc::munmap((base + ARENA_SIZE) as *mut libc::c_void, tail);
        }
    }
    base as *mut u8
}

impl Arena {
    pub fn new(cell_size: usize) -> Arena {
        let base = map_arena();
        // SAFETY: base is a fresh, aligned, zeroed mapping of ARENA_SIZE bytes (every cell
        // starts free, kind 0, and both bitmaps empty), which holds the metadata page.
        unsafe { (*(base as *mut ArenaMeta)).cell_size = cell_size };
        Arena { base, cell_size }
    }
    pub fn cell_count(&self) -> usize {
        (ARENA_SIZE - ARENA_HEADER) / self.cell_size
    }
    pub fn cell(&self, i: usize) -> *mut u8 {
        // SAFETY: callers pass i < cell_count, so the offset stays inside the allocation.
        unsafe { self.base.add(ARENA_HEADER + i * self.cell_size) }
    }
    pub fn meta(&self) -> *mut ArenaMeta {
        self.base as *mut ArenaMeta
    }
    /// The cell whose first granule is bit `bit` of the bitmaps.
    pub fn cell_at_bit(&self, bit: usize) -> *mut u8 {
        // SAFETY: set bits only ever name cell starts inside this arena.
        unsafe { self.base.add(ARENA_HEADER + bit * GRANULE) }
    }
}

/// The metadata of the arena holding the arena cell `p`, and the word and mask of its bit.
///
/// # Safety
/// `p` must point into the cell area of a live arena (not a large allocation).
pub unsafe fn bit_of(p: *const u8) -> (*mut ArenaMeta, usize, u64) {
    let base = p as usize & !(ARENA_SIZE - 1);
    let g = (p as usize - base - ARENA_HEADER) / GRANULE;
    (base as *mut ArenaMeta, g / 64, 1u64 << (g % 64))
}

impl Drop for Arena {
    fn drop(&mut self) {
        // SAFETY: base is the ARENA_SIZE mapping made in `new`, unmapped once; no cell in it
        // is referenced any more (the heap drops arenas only when they are empty or it dies).
        unsafe { libc::munmap(self.base as *mut libc::c_void, ARENA_SIZE) };
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

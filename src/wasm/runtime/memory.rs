//! Linear memory: one reservation made when the memory is created and never moved;
//! `memory.grow` makes more of it accessible. The reservation covers the memory's maximum
//! (4 GiB when it declares none) and, without explicit bounds checks, a guard region as
//! large again, so that any 32-bit address plus any 32-bit offset lands in it: an access out
//! of bounds faults instead of touching other memory.

use std::io;

/// Bytes in a Wasm page.
pub const PAGE: u64 = 65536;
/// Pages a 32-bit memory can have.
pub const MAX_PAGES: u64 = 65536;

/// A linear memory.
#[derive(Debug)]
pub struct LinearMemory {
    base: *mut u8,
    reserved: usize,
    /// Accessible bytes (a multiple of [`PAGE`]).
    size: u64,
    max_pages: u64,
}

impl LinearMemory {
    /// A memory of `min` pages that may grow to `max` (at most [`MAX_PAGES`]); with `guard`,
    /// the reservation also covers the guard region.
    pub fn new(min: u64, max: Option<u64>, guard: bool) -> io::Result<LinearMemory> {
        let max_pages = max.unwrap_or(MAX_PAGES).min(MAX_PAGES);
        let reserved = if guard {
            (2 * MAX_PAGES * PAGE) as usize
        } else {
            // At least one page, so that the base is a real address.
            (max_pages.max(1) * PAGE) as usize
        };
        // SAFETY: an anonymous private mapping with no access; nothing aliases it.
        let base = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                reserved,
                libc::PROT_NONE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
                -1,
                0,
            )
        };
        if base == libc::MAP_FAILED {
            return Err(io::Error::last_os_error());
        }
        // An executor that maps host memory on demand (the emulator) must not keep what it
        // knew about this range from an earlier mapping at the same address.
        crate::exec::forget(base as usize, reserved);
        let mut m = LinearMemory {
            base: base.cast(),
            reserved,
            size: 0,
            max_pages,
        };
        if m.grow(min).is_none() {
            return Err(io::Error::other("initial memory size above its maximum"));
        }
        Ok(m)
    }

    pub fn base(&self) -> u64 {
        self.base as u64
    }

    /// Accessible bytes.
    pub fn size(&self) -> u64 {
        self.size
    }

    pub fn pages(&self) -> u64 {
        self.size / PAGE
    }

    /// Grows by `delta` pages; the old size in pages, or `None` (nothing changed) past the
    /// maximum or when the system refuses the memory.
    pub fn grow(&mut self, delta: u64) -> Option<u64> {
        let old = self.pages();
        let new = old.checked_add(delta)?;
        if new > self.max_pages {
            return None;
        }
        if delta > 0 {
            let len = (delta * PAGE) as usize;
            // SAFETY: the range lies inside this memory's reservation (new ≤ max pages).
            let r = unsafe {
                libc::mprotect(
                    self.base.add(self.size as usize).cast(),
                    len,
                    libc::PROT_READ | libc::PROT_WRITE,
                )
            };
            if r != 0 {
                return None;
            }
            crate::exec::forget(self.base as usize, self.reserved);
        }
        self.size = new * PAGE;
        Some(old)
    }

    /// The accessible bytes.
    pub fn bytes(&self) -> &[u8] {
        // SAFETY: `size` bytes from `base` are mapped read-write for as long as `self` lives.
        unsafe { std::slice::from_raw_parts(self.base, self.size as usize) }
    }

    /// The accessible bytes, writable.
    pub fn bytes_mut(&mut self) -> &mut [u8] {
        // SAFETY: as in `bytes`, and `&mut self` is the only way to this slice.
        unsafe { std::slice::from_raw_parts_mut(self.base, self.size as usize) }
    }
}

impl Drop for LinearMemory {
    fn drop(&mut self) {
        crate::exec::forget(self.base as usize, self.reserved);
        // SAFETY: the reservation made in `new`, released once.
        unsafe {
            libc::munmap(self.base.cast(), self.reserved);
        }
    }
}

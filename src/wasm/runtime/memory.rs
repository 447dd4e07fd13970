//! Linear memory: one reservation made when the memory is created and never moved;
//! `memory.grow` makes more of it accessible. Every reservation is 8 GiB: the 4 GiB a 32-bit
//! memory can reach and a guard region as large again, so that any 32-bit address plus any
//! 32-bit offset lands in it and an access out of bounds faults instead of touching other
//! memory (with explicit bounds checks the guard region is simply never reached).
//!
//! Released reservations go back to a process-wide pool (their pages replaced by fresh
//! zero pages, all inaccessible again) and the next memory reuses one: reserving address
//! space is cheap for the kernel, but not for every executor (QEMU's user mode keeps
//! per-page state for each new range and never frees it).

use std::io;
use std::sync::Mutex;

/// Bytes of each reservation.
const RESERVATION: usize = (2 * MAX_PAGES * PAGE) as usize;
/// Released reservations kept for reuse (beyond that they are unmapped).
const POOL_LIMIT: usize = 256;

/// Reservations (base addresses) free for reuse, all inaccessible and zero.
static POOL: Mutex<Vec<usize>> = Mutex::new(Vec::new());

/// A fresh reservation, or one from the pool.
fn reserve() -> io::Result<*mut u8> {
    if let Some(base) = POOL.lock().unwrap_or_else(|e| e.into_inner()).pop() {
        return Ok(base as *mut u8);
    }
    // SAFETY: an anonymous private mapping with no access; nothing aliases it.
    let base = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            RESERVATION,
            libc::PROT_NONE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
            -1,
            0,
        )
    };
    if base == libc::MAP_FAILED {
        return Err(io::Error::last_os_error());
    }
    Ok(base.cast())
}

/// Returns a reservation whose first `used` bytes were accessible: they become fresh,
/// inaccessible zero pages (a new mapping over them), and the reservation goes to the pool.
fn release(base: *mut u8, used: usize) {
    crate::exec::forget(base as usize, RESERVATION);
    if used > 0 {
        // SAFETY: replaces pages inside this reservation, which nothing uses any more.
        let r = unsafe {
            libc::mmap(
                base.cast(),
                used,
                libc::PROT_NONE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE | libc::MAP_FIXED,
                -1,
                0,
            )
        };
        if r == libc::MAP_FAILED {
            // SAFETY: the whole reservation, released once (it cannot be reused as it is).
            unsafe { libc::munmap(base.cast(), RESERVATION) };
            return;
        }
    }
    let mut pool = POOL.lock().unwrap_or_else(|e| e.into_inner());
    if pool.len() < POOL_LIMIT {
        pool.push(base as usize);
    } else {
        drop(pool);
        // SAFETY: the whole reservation, released once.
        unsafe { libc::munmap(base.cast(), RESERVATION) };
    }
}

/// Bytes in a Wasm page.
pub const PAGE: u64 = 65536;
/// Pages a 32-bit memory can have.
pub const MAX_PAGES: u64 = 65536;

/// A linear memory.
#[derive(Debug)]
pub struct LinearMemory {
    base: *mut u8,
    /// Accessible bytes (a multiple of [`PAGE`]).
    size: u64,
    max_pages: u64,
}

impl LinearMemory {
    /// A memory of `min` pages that may grow to `max` (at most [`MAX_PAGES`]).
    pub fn new(min: u64, max: Option<u64>) -> io::Result<LinearMemory> {
        let max_pages = max.unwrap_or(MAX_PAGES).min(MAX_PAGES);
        let base = reserve()?;
        // An executor that maps host memory on demand (the emulator) must not keep what it
        // knew about this range from an earlier mapping at the same address.
        crate::exec::forget(base as usize, RESERVATION);
        let mut m = LinearMemory {
            base,
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
            crate::exec::forget(self.base as usize, RESERVATION);
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
        release(self.base, self.size as usize);
    }
}

//! Page-level operations behind [`JitBuffer`](super::JitBuffer): reserve address space,
//! flip pages between read-write and read-execute, release.
//!
//! On Linux (and other Unix hosts) this is `mmap(PROT_NONE)` + `mprotect`; pages are committed
//! by the first `mprotect` to read-write. On macOS arm64 the hardened runtime forbids that
//! flip, so [`super::macos`] maps the region `MAP_JIT` and toggles write protection per thread.

use std::io;

/// The host page size in bytes.
pub fn page_size() -> usize {
    // SAFETY: sysconf has no preconditions; _SC_PAGESIZE is always supported.
    let size = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    if size <= 0 { 4096 } else { size as usize }
}

#[cfg(not(all(target_os = "macos", target_arch = "aarch64")))]
mod imp {
    use std::io;

    /// Reserves `len` bytes of address space with no access.
    pub fn reserve(len: usize) -> io::Result<*mut u8> {
        // SAFETY: an anonymous private mapping at an address of the kernel's choosing does not
        // alias any existing Rust object.
        let ptr = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                len,
                libc::PROT_NONE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
                -1,
                0,
            )
        };
        if ptr == libc::MAP_FAILED {
            return Err(io::Error::last_os_error());
        }
        Ok(ptr.cast())
    }

    fn protect(addr: *mut u8, len: usize, prot: libc::c_int) -> io::Result<()> {
        // SAFETY: callers pass page-aligned ranges inside a region this module reserved; no Rust
        // reference points into it while its protection changes.
        let rc = unsafe { libc::mprotect(addr.cast(), len, prot) };
        if rc != 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(())
    }

    /// Makes pages read-write (committing them on first use) and not executable.
    pub fn make_writable(addr: *mut u8, len: usize) -> io::Result<()> {
        protect(addr, len, libc::PROT_READ | libc::PROT_WRITE)
    }

    /// Makes pages read-execute and not writable.
    pub fn make_executable(addr: *mut u8, len: usize) -> io::Result<()> {
        protect(addr, len, libc::PROT_READ | libc::PROT_EXEC)
    }

    /// Returns the whole reservation to the system.
    pub fn release(addr: *mut u8, len: usize) {
        // SAFETY: `addr..addr+len` is exactly a reservation made by `reserve`, and its owner
        // is being dropped, so nothing uses it any more.
        unsafe { libc::munmap(addr.cast(), len) };
    }
}

#[cfg(all(target_os = "macos", target_arch = "aarch64"))]
use super::macos as imp;

/// Reserves `len` bytes (a page multiple) of address space, not yet accessible.
pub fn reserve(len: usize) -> io::Result<*mut u8> {
    imp::reserve(len)
}

/// Makes `len` bytes at `addr` (page-aligned) writable and not executable.
pub fn make_writable(addr: *mut u8, len: usize) -> io::Result<()> {
    imp::make_writable(addr, len)
}

/// Makes `len` bytes at `addr` (page-aligned) executable and not writable.
pub fn make_executable(addr: *mut u8, len: usize) -> io::Result<()> {
    imp::make_executable(addr, len)
}

/// Releases a reservation made by [`reserve`].
pub fn release(addr: *mut u8, len: usize) {
    imp::release(addr, len)
}

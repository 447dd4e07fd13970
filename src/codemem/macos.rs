//! Apple-silicon code memory: the hardened runtime does not allow `mprotect` from writable to
//! executable, so the region is mapped once `MAP_JIT` with read-write-execute permissions and
//! W^X is enforced per thread with `pthread_jit_write_protect_np` (writes allowed while it is
//! off, execution allowed while it is on). Instruction-cache maintenance uses
//! `sys_icache_invalidate`. W^X therefore holds per thread: a thread sees every `MAP_JIT`
//! page either writable or executable. A hardened-runtime binary needs the
//! `com.apple.security.cs.allow-jit` entitlement. Nothing here can be compiled on the Linux
//! machines kiln is built on; it follows Apple's "Porting just-in-time compilers to Apple
//! silicon" guide.

use std::io;

// `libc` declares `pthread_jit_write_protect_np` and `MAP_JIT` for Apple targets, but not
// libkern's `sys_icache_invalidate`.
unsafe extern "C" {
    fn sys_icache_invalidate(start: *mut libc::c_void, len: libc::size_t);
}

/// Reserves `len` bytes as one `MAP_JIT` region. Pages are committed on first touch.
pub fn reserve(len: usize) -> io::Result<*mut u8> {
    // SAFETY: an anonymous private mapping at an address of the kernel's choosing does not
    // alias any existing Rust object.
    let ptr = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            len,
            libc::PROT_READ | libc::PROT_WRITE | libc::PROT_EXEC,
            libc::MAP_PRIVATE | libc::MAP_ANON | libc::MAP_JIT,
            -1,
            0,
        )
    };
    if ptr == libc::MAP_FAILED {
        return Err(io::Error::last_os_error());
    }
    Ok(ptr.cast())
}

/// Turns this thread's view of every `MAP_JIT` region writable (and not executable).
pub fn make_writable(_addr: *mut u8, _len: usize) -> io::Result<()> {
    // SAFETY: toggling the calling thread's JIT write protection has no memory-safety
    // preconditions; the region was mapped MAP_JIT.
    unsafe { libc::pthread_jit_write_protect_np(0) };
    Ok(())
}

/// Turns this thread's view of every `MAP_JIT` region executable again.
pub fn make_executable(_addr: *mut u8, _len: usize) -> io::Result<()> {
    // SAFETY: as in `make_writable`.
    unsafe { libc::pthread_jit_write_protect_np(1) };
    Ok(())
}

/// Invalidates the instruction cache for `len` bytes at `addr`.
pub fn flush_icache(addr: *const u8, len: usize) {
    // SAFETY: the range lies inside a live MAP_JIT region owned by the caller.
    unsafe { sys_icache_invalidate(addr as *mut libc::c_void, len) };
}

/// Returns the whole reservation to the system.
pub fn release(addr: *mut u8, len: usize) {
    // SAFETY: `addr..addr+len` is exactly a reservation made by `reserve`, and its owner is
    // being dropped, so nothing uses it any more.
    unsafe { libc::munmap(addr.cast(), len) };
}

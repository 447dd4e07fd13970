//! [`JitBuffer`]: one region of code memory, reserved up front and never moved (addresses of
//! code are baked into other code), committed page by page as it fills, and kept W^X: the
//! pages being written are read-write and not executable, every other committed page is
//! read-execute. Publishing and patching both follow write → protect → icache flush → log.

use std::fmt;
use std::io;

use super::{icache, log, os};

/// Where published functions start: a multiple of this (instructions need 4; 16 keeps
/// function entries on a cache-friendly boundary and leaves room for 8-byte literals).
pub const CODE_ALIGN: usize = 16;

/// Why code memory could not do what was asked. Callers can handle every case (for example
/// by staying in the interpreter when the buffer is full).
#[derive(Debug)]
pub enum CodeMemError {
    /// The buffer has no room for `requested` bytes; `free` bytes are left.
    Full { requested: usize, free: usize },
    /// A patch of `len` bytes at `offset` does not lie inside published code (`used` bytes).
    OutOfRange {
        offset: usize,
        len: usize,
        used: usize,
    },
    /// The operating system refused to reserve or protect memory.
    Os(io::Error),
}

impl fmt::Display for CodeMemError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodeMemError::Full { requested, free } => {
                write!(
                    f,
                    "code memory full: {requested} bytes requested, {free} free"
                )
            }
            CodeMemError::OutOfRange { offset, len, used } => write!(
                f,
                "patch of {len} bytes at offset {offset} is outside the {used} published bytes"
            ),
            CodeMemError::Os(e) => write!(f, "code memory: {e}"),
        }
    }
}

impl std::error::Error for CodeMemError {}

impl From<io::Error> for CodeMemError {
    fn from(e: io::Error) -> Self {
        CodeMemError::Os(e)
    }
}

/// The address of published code: what executors call. Copyable; it stays valid for as long
/// as the [`JitBuffer`] it came from lives (the buffer never moves).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CodePtr(usize);

impl CodePtr {
    /// A handle for code at `addr`.
    ///
    /// # Safety
    /// `addr` must be the entry of executable AArch64 code that stays mapped while the handle
    /// is used.
    pub unsafe fn from_addr(addr: usize) -> CodePtr {
        CodePtr(addr)
    }

    /// The host address of the code.
    pub fn addr(self) -> usize {
        self.0
    }

    /// A handle `bytes` further on (for example a second entry point inside one blob).
    ///
    /// # Safety
    /// As for [`CodePtr::from_addr`].
    pub unsafe fn add(self, bytes: usize) -> CodePtr {
        CodePtr(self.0 + bytes)
    }
}

/// A reserved, never-moving region of W^X code memory with bump allocation.
pub struct JitBuffer {
    base: *mut u8,
    /// Reserved bytes (a page multiple).
    capacity: usize,
    /// Bytes from `base` that have been committed (a page multiple).
    committed: usize,
    /// Bytes from `base` handed out so far.
    used: usize,
    page: usize,
}

// SAFETY: the buffer exclusively owns its mapping; moving that ownership to another thread is
// sound. It is not `Sync`: publishing flips page permissions that a concurrent reader would
// observe.
unsafe impl Send for JitBuffer {}

impl fmt::Debug for JitBuffer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JitBuffer")
            .field("base", &self.base)
            .field("capacity", &self.capacity)
            .field("committed", &self.committed)
            .field("used", &self.used)
            .finish()
    }
}

fn round_up(n: usize, to: usize) -> usize {
    n.div_ceil(to) * to
}

impl JitBuffer {
    /// Reserves at least `capacity` bytes (rounded up to whole pages) of address space.
    /// Nothing is committed until code is published.
    pub fn new(capacity: usize) -> Result<JitBuffer, CodeMemError> {
        let page = os::page_size();
        let capacity = round_up(capacity.max(1), page);
        let base = os::reserve(capacity)?;
        log::add_region(base as usize, base as usize + capacity);
        Ok(JitBuffer {
            base,
            capacity,
            committed: 0,
            used: 0,
            page,
        })
    }

    /// Host address of the first byte of the region.
    pub fn base(&self) -> usize {
        self.base as usize
    }

    /// Reserved size in bytes.
    pub fn capacity(&self) -> usize {
        self.capacity
    }

    /// Bytes handed out so far (including alignment padding).
    pub fn used(&self) -> usize {
        self.used
    }

    /// Bytes still available.
    pub fn free(&self) -> usize {
        self.capacity - self.used
    }

    /// Bytes committed (backed by pages) so far.
    pub fn committed(&self) -> usize {
        self.committed
    }

    /// The address the next [`publish`](Self::publish) will place code at, for code that must
    /// know its own address while being assembled.
    pub fn next_addr(&self) -> usize {
        self.base as usize + round_up(self.used, CODE_ALIGN)
    }

    /// Whether `addr` lies inside this buffer's published code.
    pub fn contains(&self, addr: usize) -> bool {
        (self.base as usize..self.base as usize + self.used).contains(&addr)
    }

    /// Copies `code` into the buffer at the next [`CODE_ALIGN`]ed offset, makes it
    /// executable, and returns its address. Fails with [`CodeMemError::Full`] without
    /// changing anything when it does not fit.
    pub fn publish(&mut self, code: &[u8]) -> Result<CodePtr, CodeMemError> {
        let start = round_up(self.used, CODE_ALIGN);
        let end = start
            .checked_add(code.len())
            .filter(|&end| end <= self.capacity)
            .ok_or(CodeMemError::Full {
                requested: code.len(),
                free: self.capacity - self.used,
            })?;
        self.write(start, code)?;
        self.committed = self.committed.max(round_up(end, self.page));
        self.used = end;
        log::set_committed(self.base as usize, self.base as usize + self.committed);
        Ok(CodePtr(self.base as usize + start))
    }

    /// Overwrites `bytes.len()` bytes of already published code at `offset` (from
    /// [`base`](Self::base)), flipping the affected pages read-write and back to read-execute
    /// and flushing the instruction cache. The caller makes sure no thread is executing the
    /// patched pages meanwhile.
    pub fn patch(&mut self, offset: usize, bytes: &[u8]) -> Result<(), CodeMemError> {
        let in_range = offset
            .checked_add(bytes.len())
            .is_some_and(|end| end <= self.used);
        if !in_range {
            return Err(CodeMemError::OutOfRange {
                offset,
                len: bytes.len(),
                used: self.used,
            });
        }
        self.write(offset, bytes)
    }

    /// Offset from [`base`](Self::base) of code at `ptr`.
    pub fn offset_of(&self, ptr: CodePtr) -> Option<usize> {
        self.contains(ptr.0).then(|| ptr.0 - self.base as usize)
    }

    /// The published bytes at `offset`, for tests and disassembly.
    pub fn bytes(&self, offset: usize, len: usize) -> Option<&[u8]> {
        let end = offset.checked_add(len).filter(|&end| end <= self.used)?;
        // SAFETY: `offset..end` lies in published code, which is mapped readable (read-execute)
        // and is only written through `&mut self`, so no write can alias this shared borrow.
        Some(unsafe { std::slice::from_raw_parts(self.base.add(offset), end - offset) })
    }

    /// Write protocol shared by publish and patch: pages covering `offset..offset+len`
    /// read-write, copy, read-execute, icache flush, log.
    fn write(&mut self, offset: usize, bytes: &[u8]) -> Result<(), CodeMemError> {
        if bytes.is_empty() {
            return Ok(());
        }
        let first_page = offset / self.page * self.page;
        let end_page = round_up(offset + bytes.len(), self.page);
        // SAFETY: `first_page..end_page` lies inside the reservation (end ≤ capacity, checked
        // by callers, and capacity is a page multiple).
        let pages = unsafe { self.base.add(first_page) };
        let pages_len = end_page - first_page;
        os::make_writable(pages, pages_len)?;
        // SAFETY: the destination is inside the reservation and now writable; `bytes` is a
        // separate Rust slice, so the ranges do not overlap.
        unsafe {
            std::ptr::copy_nonoverlapping(bytes.as_ptr(), self.base.add(offset), bytes.len());
        }
        os::make_executable(pages, pages_len)?;
        let addr = self.base as usize + offset;
        icache::flush(addr as *const u8, bytes.len());
        log::record(addr, addr + bytes.len(), log::EventKind::Written);
        Ok(())
    }
}

impl Drop for JitBuffer {
    fn drop(&mut self) {
        // Unregister before unmapping: once unmapped, another thread may get the same
        // addresses for a new buffer, whose registration this must not remove.
        log::remove_region(self.base as usize, self.base as usize + self.capacity);
        os::release(self.base, self.capacity);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;

    /// Host protection of the page holding `addr`, as the `rwxp` column of /proc/self/maps.
    #[cfg(target_os = "linux")]
    fn host_perms(addr: usize) -> String {
        let maps = std::fs::read_to_string("/proc/self/maps").unwrap();
        for line in maps.lines() {
            let mut fields = line.split_whitespace();
            let range = fields.next().unwrap();
            let perms = fields.next().unwrap();
            let (lo, hi) = range.split_once('-').unwrap();
            let lo = usize::from_str_radix(lo, 16).unwrap();
            let hi = usize::from_str_radix(hi, 16).unwrap();
            if (lo..hi).contains(&addr) {
                return perms[..3].to_string();
            }
        }
        "unmapped".to_string()
    }

    #[test]
    fn publishing_allocates_aligned_and_tracks_space() {
        let mut buf = JitBuffer::new(3 * os::page_size()).unwrap();
        assert_eq!(buf.used(), 0);
        assert_eq!(buf.committed(), 0);
        let a = buf.publish(&[1, 2, 3, 4]).unwrap();
        let b = buf.publish(&[5, 6, 7, 8, 9, 10, 11, 12]).unwrap();
        assert_eq!(a.addr(), buf.base());
        assert_eq!(b.addr(), buf.base() + CODE_ALIGN);
        assert_eq!(buf.used(), CODE_ALIGN + 8);
        assert_eq!(buf.free(), buf.capacity() - CODE_ALIGN - 8);
        assert_eq!(buf.committed(), os::page_size());
        assert_eq!(
            buf.bytes(CODE_ALIGN, 8),
            Some(&[5, 6, 7, 8, 9, 10, 11, 12][..])
        );
        assert_eq!(buf.offset_of(b), Some(CODE_ALIGN));
    }

    #[test]
    fn a_full_buffer_is_an_error_and_changes_nothing() {
        let page = os::page_size();
        let mut buf = JitBuffer::new(page).unwrap();
        buf.publish(&vec![0u8; page - 8]).unwrap();
        let used = buf.used();
        match buf.publish(&[0u8; 16]) {
            Err(CodeMemError::Full {
                requested: 16,
                free,
            }) => assert_eq!(free, 8),
            other => panic!("expected Full, got {other:?}"),
        }
        assert_eq!(buf.used(), used);
        // What still fits is still accepted.
        let tail = buf.publish(&[0u8; 0]);
        assert!(tail.is_ok());
    }

    #[test]
    fn patches_outside_published_code_are_rejected() {
        let mut buf = JitBuffer::new(4096).unwrap();
        buf.publish(&[0u8; 8]).unwrap();
        assert!(matches!(
            buf.patch(4, &[0u8; 8]),
            Err(CodeMemError::OutOfRange {
                offset: 4,
                len: 8,
                used: 8
            })
        ));
        buf.patch(4, &[9, 9, 9, 9]).unwrap();
        assert_eq!(buf.bytes(0, 8), Some(&[0, 0, 0, 0, 9, 9, 9, 9][..]));
    }

    #[test]
    fn buffers_are_registered_as_code_regions_while_alive() {
        let buf = JitBuffer::new(4096).unwrap();
        let base = buf.base();
        assert!(log::is_code(base));
        drop(buf);
        assert!(!log::is_code(base));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn pages_are_never_writable_and_executable() {
        let page = os::page_size();
        let mut buf = JitBuffer::new(4 * page).unwrap();
        assert_eq!(host_perms(buf.base()), "---");
        buf.publish(&vec![0u8; page + 4]).unwrap();
        assert_eq!(host_perms(buf.base()), "r-x");
        assert_eq!(host_perms(buf.base() + page), "r-x");
        assert_eq!(host_perms(buf.base() + 2 * page), "---");
        buf.patch(page, &[1, 2, 3, 4]).unwrap();
        assert_eq!(host_perms(buf.base() + page), "r-x");
        assert_eq!(buf.bytes(page, 4), Some(&[1, 2, 3, 4][..]));
    }

    /// A write to a published code page faults: the child process writes, the parent checks
    /// it died of SIGSEGV. (fork, not a subprocess: the cross stage cannot exec aarch64
    /// binaries.)
    #[cfg(target_os = "linux")]
    #[test]
    fn a_write_to_published_code_faults() {
        let mut buf = JitBuffer::new(4096).unwrap();
        let at = buf.publish(&[0u8; 16]).unwrap().addr();
        // SAFETY: the child only performs one write and `_exit`s (async-signal-safe), so forking
        // a multi-threaded test process is sound.
        let pid = unsafe { libc::fork() };
        assert!(pid >= 0, "fork failed");
        if pid == 0 {
            // SAFETY: deliberately writes to a read-execute page; the expected SIGSEGV ends
            // the child before `_exit`.
            unsafe {
                std::ptr::write_volatile(at as *mut u32, 0xd503_201f);
                libc::_exit(0);
            }
        }
        let mut status = 0;
        // SAFETY: waiting for our own child with a valid out-pointer.
        let waited = unsafe { libc::waitpid(pid, &mut status, 0) };
        assert_eq!(waited, pid);
        assert!(
            libc::WIFSIGNALED(status),
            "child exited normally: status {status:#x}"
        );
        assert_eq!(libc::WTERMSIG(status), libc::SIGSEGV);
    }

    #[test]
    fn published_writes_are_logged() {
        let mut buf = JitBuffer::new(4096).unwrap();
        let before = log::epoch();
        let at = buf.publish(&[0u8; 8]).unwrap().addr();
        let log::Since::Events(events, _) = log::events_since(before) else {
            return; // another test flooded the log meanwhile; nothing to check
        };
        assert!(events.contains(&log::CodeEvent {
            start: at,
            end: at + 8,
            kind: log::EventKind::Written
        }));
    }
}

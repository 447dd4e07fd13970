//! The calling thread's stack range, for the native executors (compiled code runs on the
//! thread's own stack and checks its depth against a limit near the low end).

use crate::exec::StackRange;

/// The calling thread's stack.
#[cfg(not(target_os = "macos"))]
pub fn range() -> StackRange {
    // SAFETY: pthread_getattr_np fills `attr` for the calling thread; it is destroyed after
    // use, and the out-pointers are valid locals.
    unsafe {
        let mut attr: libc::pthread_attr_t = std::mem::zeroed();
        if libc::pthread_getattr_np(libc::pthread_self(), &mut attr) != 0 {
            return StackRange { low: 0, high: 0 };
        }
        let mut addr: *mut libc::c_void = std::ptr::null_mut();
        let mut size: libc::size_t = 0;
        let rc = libc::pthread_attr_getstack(&attr, &mut addr, &mut size);
        libc::pthread_attr_destroy(&mut attr);
        if rc != 0 {
            return StackRange { low: 0, high: 0 };
        }
        StackRange {
            low: addr as usize,
            high: addr as usize + size,
        }
    }
}

/// The calling thread's stack (on macOS the "stack address" is its high end).
#[cfg(target_os = "macos")]
pub fn range() -> StackRange {
    // SAFETY: both functions only read the calling thread's descriptor.
    let (high, size) = unsafe {
        let this = libc::pthread_self();
        (
            libc::pthread_get_stackaddr_np(this) as usize,
            libc::pthread_get_stacksize_np(this),
        )
    };
    StackRange {
        low: high - size,
        high,
    }
}

//! The native executor (aarch64 hosts): JIT code is called through its address, and the
//! stack it runs on is the calling thread's own.

use crate::exec::StackRange;

/// A 16-byte composite: AAPCS64 returns it in x0 and x1.
#[repr(C)]
struct Pair {
    x0: u64,
    x1: u64,
}

type Fn8 = extern "C" fn(u64, u64, u64, u64, u64, u64, u64, u64) -> Pair;

/// Calls the AAPCS64 function at `addr` with x0–x7 = `args`, returning x0 and x1.
///
/// # Safety
/// `addr` must be the entry of published AArch64 code that follows AAPCS64 and is correct for
/// these arguments.
pub unsafe fn call(addr: usize, args: [u64; 8]) -> (u64, u64) {
    // SAFETY: the caller guarantees `addr` is an AAPCS64 function; passing unused argument
    // registers is harmless, and `Pair` matches an x0/x1 result.
    let f: Fn8 = unsafe { std::mem::transmute::<usize, Fn8>(addr) };
    let r = f(
        args[0], args[1], args[2], args[3], args[4], args[5], args[6], args[7],
    );
    (r.x0, r.x1)
}

/// The calling thread's stack.
pub fn stack_range() -> StackRange {
    crate::exec::thread_stack::range()
}

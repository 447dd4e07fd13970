//! The native executor of x86-64 code (x86-64 hosts): published code is called through its
//! address with the System V calling convention, on the calling thread's stack.

use crate::codemem::CodePtr;
use crate::exec::StackRange;

type Fn6 = extern "sysv64" fn(u64, u64, u64, u64, u64, u64) -> u64;

/// Two integer eightbytes: System V returns them in rax and rdx.
#[repr(C)]
struct Pair {
    rax: u64,
    rdx: u64,
}

type Fn6Pair = extern "sysv64" fn(u64, u64, u64, u64, u64, u64) -> Pair;

/// The six argument registers from `args` (the rest zero).
fn six(args: &[u64]) -> [u64; 6] {
    assert!(
        args.len() <= 6,
        "at most six integer arguments are passed in registers"
    );
    let mut regs = [0u64; 6];
    regs[..args.len()].copy_from_slice(args);
    regs
}

/// Calls the System V function at `code` with up to six integer arguments (rdi, rsi, rdx,
/// rcx, r8, r9; the rest zero) and returns rax.
///
/// # Panics
/// With more than six arguments (only six are passed in registers).
///
/// # Safety
/// `code` must be the entry of published x86-64 code that follows the System V calling
/// convention (callee-saved registers preserved, stack balanced) and is correct for these
/// arguments; it may read and write any memory its arguments let it reach.
pub unsafe fn call(code: CodePtr, args: &[u64]) -> u64 {
    let r = six(args);
    // SAFETY: the caller guarantees `code` is a System V function taking integer arguments
    // and returning an integer in rax; passing unused argument registers is harmless.
    let f: Fn6 = unsafe { std::mem::transmute::<usize, Fn6>(code.addr()) };
    f(r[0], r[1], r[2], r[3], r[4], r[5])
}

/// Like [`call`], returning rax and rdx.
///
/// # Safety
/// As for [`call`], for a function returning a pair in rax:rdx.
pub unsafe fn call2(code: CodePtr, args: &[u64]) -> (u64, u64) {
    let r = six(args);
    // SAFETY: the caller guarantees `code` is a System V function returning two integer
    // eightbytes, which is how `Pair` is returned; unused argument registers are harmless.
    let f: Fn6Pair = unsafe { std::mem::transmute::<usize, Fn6Pair>(code.addr()) };
    let p = f(r[0], r[1], r[2], r[3], r[4], r[5]);
    (p.rax, p.rdx)
}

/// The calling thread's stack.
pub fn stack_range() -> StackRange {
    crate::exec::thread_stack::range()
}

//! The native executor of x86-64 code (x86-64 hosts): published code is called through its
//! address with the System V calling convention, on the calling thread's stack.

use crate::codemem::CodePtr;

type Fn6 = extern "sysv64" fn(u64, u64, u64, u64, u64, u64) -> u64;

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
    assert!(
        args.len() <= 6,
        "at most six integer arguments are passed in registers"
    );
    let mut regs = [0u64; 6];
    regs[..args.len()].copy_from_slice(args);
    // SAFETY: the caller guarantees `code` is a System V function taking integer arguments
    // and returning an integer in rax; passing unused argument registers is harmless.
    let f: Fn6 = unsafe { std::mem::transmute::<usize, Fn6>(code.addr()) };
    f(regs[0], regs[1], regs[2], regs[3], regs[4], regs[5])
}

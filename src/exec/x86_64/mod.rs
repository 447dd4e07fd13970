//! The executor of x86-64 code: natively, on x86-64 hosts only (there is no x86-64 emulator).
//!
//! - [`entry`]: the System V entry/exit stub and the VM registers it pins;
//! - `native.rs`: System V calls of published code, the thread's stack range, and the
//!   address compiled code calls for a Rust helper (the function itself).
//!
//! Where x86-64 code cannot run, [`EXECUTOR`] is `Unavailable` and [`entry::enter`] fails
//! with `ExecError::NoExecutor` (the code can still be generated and disassembled).

use crate::exec::{Backend, HelperFn, StackRange};

pub mod entry;
#[cfg(target_arch = "x86_64")]
pub mod native;

/// How this build runs x86-64 code.
pub const EXECUTOR: Backend = if cfg!(target_arch = "x86_64") {
    Backend::Native
} else {
    Backend::Unavailable
};

/// The address x86-64 code calls for the Rust helper `f`: the function itself.
pub fn helper_addr(f: HelperFn) -> usize {
    f as usize
}

/// The stack x86-64 code runs on in this thread (empty where it cannot run).
pub fn stack_range() -> StackRange {
    #[cfg(target_arch = "x86_64")]
    {
        native::stack_range()
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        StackRange { low: 0, high: 0 }
    }
}

/// Calls nest as deep as the machine stack allows (the compiled prologue checks it).
pub fn can_nest() -> bool {
    true
}

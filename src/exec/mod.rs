//! Executors: run machine code from [`crate::codemem`] and call back into Rust helpers.
//!
//! One API whichever way the code runs, so the compilers never ask: this module holds the
//! executor-neutral types (how code ended, why running it failed, limits, the stack range)
//! and dispatches to the executor for the host. One folder per ISA of the code:
//! - [`aarch64`]: AArch64 code — natively on aarch64 hosts (`aarch64/native.rs`), in Unicorn
//!   elsewhere with the `emulator` feature (`aarch64/emu.rs`); its AAPCS64 entry/exit stub
//!   (`aarch64/entry.rs`) and the addresses compiled code calls Rust helpers through
//!   (`aarch64/helpers.rs`).
//! - [`x86_64`]: x86-64 code, natively on x86-64 hosts (`x86_64/native.rs`, System V
//!   calls), with its System V entry/exit stub (`x86_64/entry.rs`) and its own
//!   `helper_addr`, `stack_range`, `can_nest` and `EXECUTOR`.
//!
//! The functions and constants at this level ([`BACKEND`], [`call`], [`enter`],
//! [`helper_addr`], [`stack_range`], [`can_nest`]) are those of AArch64 code; the JIT picks
//! the executor of the ISA it compiles to (`jit::backend`).
//!
//! - [`call`] / [`call2`]: call a function of the code's ISA with up to eight integer
//!   arguments.
//! - [`enter`]: run JIT code through the entry stub with the VM registers pinned, returning an
//!   [`Exit`] (returned, threw, deoptimized) — what the JIT proper uses.
//! - [`helper_addr`]: the address JIT code must call for a Rust helper.
//! - [`stack_range`]: the stack JIT code runs on, for a prologue stack-limit check.
//! - [`forget`]: a GC frees memory — make sure no executor keeps it mapped.

use std::fmt;
use std::time::Duration;

use crate::codemem::CodePtr;

pub mod aarch64;
pub mod faults;
#[cfg(any(target_arch = "aarch64", target_arch = "x86_64"))]
mod thread_stack;
pub mod x86_64;

#[cfg(all(feature = "emulator", not(target_arch = "aarch64")))]
pub use aarch64::emu;
pub use aarch64::entry::enter;
pub use aarch64::helpers::{HelperFn, helper_addr};

/// How a build runs code of one ISA.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// The host runs the code's ISA: code runs directly.
    Native,
    /// The code runs inside Unicorn.
    Emulated,
    /// No executor (AArch64 code: a non-aarch64 build without the `emulator` feature; x86-64
    /// code: a host that is not x86-64).
    Unavailable,
}

/// How this build runs AArch64 code.
pub const BACKEND: Backend = if cfg!(target_arch = "aarch64") {
    Backend::Native
} else if cfg!(feature = "emulator") {
    Backend::Emulated
} else {
    Backend::Unavailable
};

/// How JIT code ended (the status it returned to the entry stub).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u64)]
pub enum Status {
    /// Returned normally; the value is the result.
    Returned = 0,
    /// Threw; the value is the exception.
    Threw = 1,
    /// Deoptimized; the value is the bytecode offset to resume the interpreter at.
    Deopt = 2,
}

impl Status {
    /// The status for a raw x0 value.
    pub fn from_raw(raw: u64) -> Option<Status> {
        match raw {
            0 => Some(Status::Returned),
            1 => Some(Status::Threw),
            2 => Some(Status::Deopt),
            _ => None,
        }
    }
}

/// A status plus the value JIT code returned with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Exit {
    pub status: Status,
    pub value: u64,
}

/// Values for the pinned VM registers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct VmRegs {
    /// Goes to x19.
    pub reg_file: u64,
    /// Goes to x20.
    pub vm: u64,
    /// Goes to x21.
    pub heap: u64,
}

/// Kind of memory access that faulted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Read,
    Write,
    Fetch,
}

/// Why running code failed. Natively, faults and traps are not caught (they are signals, as
/// for any native code); the emulator reports every one of them as an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExecError {
    /// An access to memory that is not mapped (or not accessible) on the host.
    Unmapped { access: Access, addr: u64, pc: u64 },
    /// An access the page's protection forbids, such as a write to published code.
    Protected { access: Access, addr: u64, pc: u64 },
    /// A `brk #imm` instruction.
    Breakpoint { pc: u64, imm: u16 },
    /// An undefined or unsupported instruction (including `udf`).
    IllegalInstruction { pc: u64 },
    /// Another synchronous exception (such as `svc`); `intno` is QEMU's exception number.
    Exception { pc: u64, intno: u32 },
    /// The instruction-count or time limit set with [`set_limits`] was reached.
    LimitReached { pc: u64 },
    /// A nested call found no room left on the guest stack.
    StackOverflow { sp: u64 },
    /// Calls nested deeper than the executor supports (see [`can_nest`]).
    NestedTooDeep { depth: u32 },
    /// The emulator failed in some other way.
    Emulator(String),
    /// This build has no executor (see [`Backend::Unavailable`]).
    NoExecutor,
    /// JIT code returned to the entry stub with a status that is not a [`Status`].
    BadStatus { status: u64, value: u64 },
    /// The called code returned without restoring a callee-saved register (AAPCS64: x19–x29,
    /// d8–d15, sp). The emulator checks this with canary values; natively such code corrupts
    /// its Rust caller.
    CalleeSavedClobbered { reg: &'static str },
}

impl fmt::Display for ExecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExecError::Unmapped { access, addr, pc } => {
                write!(f, "{access:?} of unmapped address {addr:#x} at pc {pc:#x}")
            }
            ExecError::Protected { access, addr, pc } => {
                write!(f, "{access:?} of protected address {addr:#x} at pc {pc:#x}")
            }
            ExecError::Breakpoint { pc, imm } => write!(f, "brk #{imm:#x} at pc {pc:#x}"),
            ExecError::IllegalInstruction { pc } => write!(f, "illegal instruction at pc {pc:#x}"),
            ExecError::Exception { pc, intno } => write!(f, "exception {intno} at pc {pc:#x}"),
            ExecError::LimitReached { pc } => write!(f, "execution limit reached at pc {pc:#x}"),
            ExecError::StackOverflow { sp } => write!(f, "guest stack exhausted (sp {sp:#x})"),
            ExecError::NestedTooDeep { depth } => {
                write!(f, "calls nested {depth} deep: the executor's limit")
            }
            ExecError::Emulator(msg) => write!(f, "emulator: {msg}"),
            ExecError::NoExecutor => write!(f, "this build has no executor for AArch64 code"),
            ExecError::CalleeSavedClobbered { reg } => {
                write!(
                    f,
                    "called code returned without restoring callee-saved {reg}"
                )
            }
            ExecError::BadStatus { status, value } => {
                write!(
                    f,
                    "JIT code returned unknown status {status} (value {value:#x})"
                )
            }
        }
    }
}

impl std::error::Error for ExecError {}

/// Limits on one call in the emulator (per `emu_start`, so nested calls get their own).
/// Native execution has no limits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Limits {
    /// Stop after this many instructions.
    pub max_instructions: Option<u64>,
    /// Stop after this much wall-clock time.
    pub timeout: Option<Duration>,
}

/// The stack JIT code runs on: `low..high`, growing down from `high`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StackRange {
    pub low: usize,
    pub high: usize,
}

/// Calls the AAPCS64 function at `code` with up to eight integer arguments (x0–x7) and
/// returns x0.
///
/// # Safety
/// The code may read and write any host memory and call any registered helper; the caller
/// vouches that it is correct for these arguments.
pub unsafe fn call(code: CodePtr, args: &[u64]) -> Result<u64, ExecError> {
    // SAFETY: forwarded contract.
    unsafe { call2(code, args) }.map(|(x0, _)| x0)
}

/// Like [`call`], returning x0 and x1 (a 16-byte composite result under AAPCS64).
///
/// # Panics
/// With more than eight arguments (only x0–x7 are passed).
///
/// # Safety
/// As for [`call`].
pub unsafe fn call2(code: CodePtr, args: &[u64]) -> Result<(u64, u64), ExecError> {
    assert!(
        args.len() <= 8,
        "at most eight integer arguments are passed in registers"
    );
    let mut regs = [0u64; 8];
    regs[..args.len()].copy_from_slice(args);
    #[cfg(target_arch = "aarch64")]
    {
        // SAFETY: forwarded contract.
        Ok(unsafe { aarch64::native::call(code.addr(), regs) })
    }
    #[cfg(all(feature = "emulator", not(target_arch = "aarch64")))]
    {
        aarch64::emu::call(code.addr() as u64, regs)
    }
    #[cfg(not(any(feature = "emulator", target_arch = "aarch64")))]
    {
        let _ = (code, regs);
        Err(ExecError::NoExecutor)
    }
}

/// The stack JIT code runs on in this thread: the thread's own stack natively, the
/// emulator's guest stack otherwise.
pub fn stack_range() -> StackRange {
    #[cfg(target_arch = "aarch64")]
    {
        aarch64::native::stack_range()
    }
    #[cfg(all(feature = "emulator", not(target_arch = "aarch64")))]
    {
        aarch64::emu::stack_range()
    }
    #[cfg(not(any(feature = "emulator", target_arch = "aarch64")))]
    {
        StackRange { low: 0, high: 0 }
    }
}

/// Whether a call made now (from a helper inside running code, or from Rust) can nest one
/// level deeper. Natively always (the stack is the limit); Unicorn supports a bounded number
/// of nested `emu_start`s, so callers with another way to do the work (the JIT's interpreter)
/// use it instead near the limit.
pub fn can_nest() -> bool {
    #[cfg(all(feature = "emulator", not(target_arch = "aarch64")))]
    {
        aarch64::emu::can_nest()
    }
    #[cfg(not(all(feature = "emulator", not(target_arch = "aarch64"))))]
    {
        true
    }
}

/// Sets the limits for calls made on this thread (emulator only; a no-op natively).
pub fn set_limits(limits: Limits) {
    #[cfg(all(feature = "emulator", not(target_arch = "aarch64")))]
    aarch64::emu::set_limits(limits);
    #[cfg(not(all(feature = "emulator", not(target_arch = "aarch64"))))]
    let _ = limits;
}

/// Tells the executor that host memory `start..start+len` is about to be freed (or was), so it
/// must not stay mapped. Native execution needs nothing; the emulator drops this thread's
/// on-demand mappings that overlap (they are also all dropped when the outermost call
/// returns).
pub fn forget(start: usize, len: usize) {
    #[cfg(all(feature = "emulator", not(target_arch = "aarch64")))]
    aarch64::emu::forget(start as u64, len as u64);
    #[cfg(not(all(feature = "emulator", not(target_arch = "aarch64"))))]
    let _ = (start, len);
}

//! The executor of x86-64 code: natively, on x86-64 hosts only (there is no x86-64 emulator).
//!
//! - [`entry`]: the System V entry/exit stub and the VM registers it pins;
//! - `native.rs`: System V calls of published code, the thread's stack range, and the
//!   address compiled code calls for a Rust helper (the function itself).

pub mod entry;
#[cfg(target_arch = "x86_64")]
pub mod native;

//! The executor of x86-64 code: natively, on x86-64 hosts only (there is no x86-64 emulator).
//!
//! - `native.rs`: a System V call of published code.

#[cfg(target_arch = "x86_64")]
pub mod native;

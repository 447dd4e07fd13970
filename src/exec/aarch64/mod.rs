//! The executor of AArch64 code: natively on aarch64 hosts, in Unicorn on the others (with
//! the `emulator` feature), behind the one API of [`crate::exec`].
//!
//! - [`entry`]: the AAPCS64 entry/exit stub and the VM registers it pins;
//! - [`helpers`]: the address AArch64 code calls for a Rust helper (the function itself
//!   natively, a trampoline in the emulator);
//! - `native.rs` / `emu.rs` (+ `hostmaps.rs`, host memory made visible to the guest): the two
//!   ways the code runs.

#[cfg(all(feature = "emulator", not(target_arch = "aarch64")))]
pub mod emu;
pub mod entry;
pub mod helpers;
#[cfg(all(feature = "emulator", not(target_arch = "aarch64")))]
mod hostmaps;
#[cfg(target_arch = "aarch64")]
pub mod native;

//! Execution tests: AArch64 code assembled with `kiln::asm`, published in `kiln::codemem`, run
//! by the default executor — Unicorn on x86_64 hosts, natively on aarch64 (the cross stage
//! runs this same source under qemu-aarch64).
//!
//! - [`support`]: assemble-publish-call helpers and the table-driven case runner;
//! - [`calls`]: calls, helpers (and nested helper → JIT → helper), errors, code memory;
//! - [`entry`]: the entry/exit stub: statuses, pinned registers, callee-saved registers;
//! - [`groups`]: one table per instruction group, run in the executor;
//! - [`fp`]: floating-point edge values (NaN, ±0, ±inf, saturation, rounding modes);
//! - [`native`]: what only native execution can show (aarch64 only).
//!
//! A build without an executor (not aarch64, `--no-default-features`) has no tests here.
#![cfg(any(target_arch = "aarch64", feature = "emulator"))]

mod calls;
mod entry;
mod fp;
mod groups;
#[cfg(target_arch = "aarch64")]
mod native;
mod support;

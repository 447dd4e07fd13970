//! Executable memory for JIT code: one region reserved once and never moved, pages that are
//! writable or executable but never both, and instruction-cache maintenance after every write.
//!
//! - [`buffer`]: [`JitBuffer`], the region, its bump allocation, publishing and patching.
//! - [`os`]: the page operations (reserve, make writable, make executable) per platform;
//!   [`macos`] holds the Apple-silicon variant (`MAP_JIT` and per-thread write protection).
//! - [`space`]: [`CodeSpace`], the engine-level code space every compiler of an engine
//!   publishes into (a shared handle on one lazily reserved [`JitBuffer`]).
//! - [`icache`]: making freshly written code visible to instruction fetch on aarch64.
//! - [`log`]: a process-wide registry of code regions and a log of written ranges, so an
//!   emulator (which caches translated code) learns what changed without this module
//!   depending on it.

pub mod buffer;
pub mod icache;
pub mod log;
#[cfg(all(target_os = "macos", target_arch = "aarch64"))]
pub mod macos;
pub mod os;
pub mod space;

pub use buffer::{CodeMemError, CodePtr, JitBuffer};
pub use space::CodeSpace;

//! WebAssembly: the second front end over the JIT core.
//!
//! - [`module`]: decoding and validation with `wasmparser` (text modules through `wat`) into
//!   a [`module::Module`]: types, imports, definitions, segments and function bodies.
//! - [`ctx`]: the instance context compiled code reads through [`crate::jit::masm::Reg::VM`]
//!   (its field offsets are the contract between the compiler and the runtime) and the traps.
//! - [`compiler`]: the single-pass baseline compiler, generic over the ISA-only
//!   macro-assembler (a compile-time value stack of constants, locals, registers and slots).
//! - [`runtime`]: the store (memories, tables, globals, functions, instances), linking and
//!   instantiation, the helpers compiled code calls, and invocation through an executor.
//!
//! There is no interpreter tier: every function is compiled, eagerly, when its module is
//! loaded (compiling is cheap next to a first call's round trip through a lazy stub, and a
//! compile error surfaces at load time instead of in the middle of a run).

pub mod cli;
pub mod compiler;
pub mod ctx;
pub mod module;
pub mod runtime;
pub mod types;
pub mod wasi;

pub use module::Module;
pub use runtime::{Store, Trap, Val};

//! The Wasm runtime: a [`Store`] owns functions, tables, memories, globals and instances;
//! modules are compiled once when loaded ([`Store::load`]) and instantiated against imports
//! ([`Store::instantiate`]); exported functions run through the back end's executor
//! ([`Store::call`]), natively or in Unicorn, exactly like JavaScript's compiled code.
//!
//! - [`memory`]: linear memory (a reservation that never moves).
//! - `store.rs`: the store's objects and instantiation (linking, segments, start).
//! - `invoke.rs`: entering compiled code and turning its exit into results or a [`Trap`].
//! - `helpers.rs`: the Rust functions compiled code calls (imports, `call_indirect` across
//!   instances, memory and table operations).
//! - `values.rs`: [`Val`], values as the embedder sees them.

mod helpers;
mod invoke;
pub mod memory;
mod store;
mod values;

pub use store::{
    Extern, FuncId, GlobalId, HostFunc, InstanceId, InstantiateError, Listing, LoadedModule,
    MemoryId, Stats, Store, StoreOptions, TableId,
};
pub use values::Val;

use std::fmt;

use crate::wasm::ctx::TrapCode;

/// A Wasm trap (or a failure of the code's executor), with where it happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trap {
    /// The trap's kind (`None` for an executor failure).
    pub code: Option<TrapCode>,
    pub message: String,
    /// The function (index in its module, and name) and the byte offset in the module.
    pub func: Option<(u32, Option<String>)>,
    pub offset: Option<usize>,
}

impl Trap {
    pub fn new(code: TrapCode) -> Trap {
        Trap {
            code: Some(code),
            message: code.message().to_string(),
            func: None,
            offset: None,
        }
    }

    /// A host function's failure.
    pub fn host(message: impl Into<String>) -> Trap {
        Trap {
            code: Some(TrapCode::Host),
            message: message.into(),
            func: None,
            offset: None,
        }
    }
}

impl fmt::Display for Trap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "wasm trap: {}", self.message)?;
        match (&self.func, self.offset) {
            (Some((i, Some(name))), Some(o)) => {
                write!(f, "\n    at function {i} ({name}), byte offset {o:#x}")
            }
            (Some((i, None)), Some(o)) => write!(f, "\n    at function {i}, byte offset {o:#x}"),
            (None, Some(o)) => write!(f, "\n    at byte offset {o:#x}"),
            _ => Ok(()),
        }
    }
}

impl std::error::Error for Trap {}

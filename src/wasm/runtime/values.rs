//! Values as the embedder sees them, and their one-word form in frame slots, globals and
//! tables (i32 zero-extended, floats as bits, a funcref as the address of its function's
//! record, an externref as its host value plus one; null is 0).

use std::fmt;

use crate::wasm::types::ValType;

/// A Wasm value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Val {
    I32(i32),
    I64(i64),
    /// Bits of an f32 (NaN payloads kept).
    F32(u32),
    /// Bits of an f64.
    F64(u64),
    /// A function of the store (its id), or null.
    FuncRef(Option<usize>),
    /// A host value, or null.
    ExternRef(Option<u64>),
}

impl Val {
    pub fn ty(&self) -> ValType {
        match self {
            Val::I32(_) => ValType::I32,
            Val::I64(_) => ValType::I64,
            Val::F32(_) => ValType::F32,
            Val::F64(_) => ValType::F64,
            Val::FuncRef(_) => ValType::FuncRef,
            Val::ExternRef(_) => ValType::ExternRef,
        }
    }

    /// The zero value of `ty` (locals, `ref.null`).
    pub fn default_of(ty: ValType) -> Val {
        match ty {
            ValType::I32 => Val::I32(0),
            ValType::I64 => Val::I64(0),
            ValType::F32 => Val::F32(0),
            ValType::F64 => Val::F64(0),
            ValType::FuncRef => Val::FuncRef(None),
            ValType::ExternRef => Val::ExternRef(None),
        }
    }
}

/// Prints like `wasmtime run --invoke`: integers in decimal, floats as numbers.
impl fmt::Display for Val {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Val::I32(v) => write!(f, "{v}"),
            Val::I64(v) => write!(f, "{v}"),
            Val::F32(b) => write!(f, "{}", f32::from_bits(b)),
            Val::F64(b) => write!(f, "{}", f64::from_bits(b)),
            Val::FuncRef(None) | Val::ExternRef(None) => f.write_str("null"),
            Val::FuncRef(Some(i)) => write!(f, "<func {i}>"),
            Val::ExternRef(Some(x)) => write!(f, "<extern {x}>"),
        }
    }
}

/// An externref's word.
pub(super) fn extern_bits(x: Option<u64>) -> u64 {
    x.map_or(0, |x| x.wrapping_add(1))
}

/// The externref of a word.
pub(super) fn extern_of(bits: u64) -> Option<u64> {
    (bits != 0).then(|| bits.wrapping_sub(1))
}

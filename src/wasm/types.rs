//! Value and function types as kiln's Wasm layers use them (wasmparser's, narrowed to the
//! Wasm 2.0 core language without SIMD).

use std::fmt;

/// A value type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ValType {
    I32,
    I64,
    F32,
    F64,
    FuncRef,
    ExternRef,
}

impl ValType {
    /// Whether values of this type live in floating-point registers.
    pub fn is_float(self) -> bool {
        matches!(self, ValType::F32 | ValType::F64)
    }

    /// Whether this is a reference type.
    pub fn is_ref(self) -> bool {
        matches!(self, ValType::FuncRef | ValType::ExternRef)
    }

    /// The type of a wasmparser value type (`None` for v128 and GC references, which
    /// validation with kiln's feature set rejects first).
    pub fn from_wasmparser(t: wasmparser::ValType) -> Option<ValType> {
        use wasmparser::ValType as W;
        Some(match t {
            W::I32 => ValType::I32,
            W::I64 => ValType::I64,
            W::F32 => ValType::F32,
            W::F64 => ValType::F64,
            W::Ref(r) if r == wasmparser::RefType::FUNCREF => ValType::FuncRef,
            W::Ref(r) if r == wasmparser::RefType::EXTERNREF => ValType::ExternRef,
            _ => return None,
        })
    }
}

impl fmt::Display for ValType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ValType::I32 => "i32",
            ValType::I64 => "i64",
            ValType::F32 => "f32",
            ValType::F64 => "f64",
            ValType::FuncRef => "funcref",
            ValType::ExternRef => "externref",
        })
    }
}

/// A function type.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct FuncType {
    pub params: Vec<ValType>,
    pub results: Vec<ValType>,
}

impl fmt::Display for FuncType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let list = |v: &[ValType]| {
            v.iter()
                .map(|t| t.to_string())
                .collect::<Vec<_>>()
                .join(" ")
        };
        write!(f, "[{}] -> [{}]", list(&self.params), list(&self.results))
    }
}

/// Limits of a memory (in 64 KiB pages) or a table (in elements).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub min: u64,
    pub max: Option<u64>,
}

impl Limits {
    /// Whether limits `self` (of what is provided) match `wanted` (of an import).
    pub fn matches(&self, wanted: &Limits) -> bool {
        self.min >= wanted.min
            && match (wanted.max, self.max) {
                (None, _) => true,
                (Some(_), None) => false,
                (Some(w), Some(s)) => s <= w,
            }
    }
}

/// A table type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableType {
    pub elem: ValType,
    pub limits: Limits,
}

/// A global type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GlobalType {
    pub ty: ValType,
    pub mutable: bool,
}

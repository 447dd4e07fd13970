//! The instance context: the one structure compiled Wasm code reads through
//! [`crate::jit::masm::Reg::VM`], and the trap codes it stores there. Its field offsets are
//! the contract between the compiler (which only knows the offsets) and the runtime (which
//! owns the values).

use std::fmt;
use std::mem::offset_of;

/// What compiled code of one instance reads. Pointers are raw addresses owned by the
/// runtime's store, which keeps them valid while the instance lives.
#[repr(C)]
#[derive(Debug, Default)]
pub struct VmCtx {
    /// Base of memory 0 (a reservation that never moves).
    pub mem_base: u64,
    /// Current size of memory 0 in bytes.
    pub mem_size: u64,
    /// `*const *mut u64`: the cell of every global, imported ones first.
    pub globals: u64,
    /// `*const u64`: the call entry of every function (0 for imported functions).
    pub funcs: u64,
    /// `*const *const TableData`: every table.
    pub tables: u64,
    /// `*const u64`: the function reference of every function (`ref.func`, tables).
    pub func_refs: u64,
    /// `*const u32`: the store-wide id of every type index (`call_indirect`'s check).
    pub type_ids: u64,
    /// The trap code compiled code or a helper stored: [`TrapCode`] in the low byte, the
    /// Wasm byte offset above it.
    pub trap: u64,
    /// Immediate operands of a helper call (a function or segment index).
    pub scratch: u64,
    /// A second immediate; after an "uninitialized element" trap, the element's index.
    pub scratch2: u64,
    /// The Wasm byte offset of the operator calling the runtime helper (where its traps
    /// happened).
    pub site: u64,
    /// Lowest machine-stack address a compiled prologue accepts.
    pub stack_limit: u64,
    /// Highest window address a frame may reach (the value stack's end).
    pub window_limit: u64,
    /// The runtime's instance (for helpers).
    pub instance: u64,
}

/// Field offsets, as compiled code addresses them.
pub mod field {
    use super::*;
    pub const MEM_BASE: i32 = offset_of!(VmCtx, mem_base) as i32;
    pub const MEM_SIZE: i32 = offset_of!(VmCtx, mem_size) as i32;
    pub const GLOBALS: i32 = offset_of!(VmCtx, globals) as i32;
    pub const FUNCS: i32 = offset_of!(VmCtx, funcs) as i32;
    pub const TABLES: i32 = offset_of!(VmCtx, tables) as i32;
    pub const FUNC_REFS: i32 = offset_of!(VmCtx, func_refs) as i32;
    pub const TYPE_IDS: i32 = offset_of!(VmCtx, type_ids) as i32;
    pub const TRAP: i32 = offset_of!(VmCtx, trap) as i32;
    pub const SCRATCH: i32 = offset_of!(VmCtx, scratch) as i32;
    pub const SCRATCH2: i32 = offset_of!(VmCtx, scratch2) as i32;
    pub const SITE: i32 = offset_of!(VmCtx, site) as i32;
    pub const STACK_LIMIT: i32 = offset_of!(VmCtx, stack_limit) as i32;
    pub const WINDOW_LIMIT: i32 = offset_of!(VmCtx, window_limit) as i32;
}

/// A table's elements as compiled code reads them (`call_indirect`).
#[repr(C)]
#[derive(Debug)]
pub struct TableData {
    /// `*mut u64`: the elements (0 = null).
    pub elems: u64,
    /// Number of elements.
    pub len: u64,
}

pub const TABLE_ELEMS: i32 = offset_of!(TableData, elems) as i32;
pub const TABLE_LEN: i32 = offset_of!(TableData, len) as i32;

/// A function reference's target, as `call_indirect` reads it (a funcref value is the
/// address of one of these; null is 0).
#[repr(C)]
#[derive(Debug)]
pub struct FuncRecord {
    /// The call entry of a Wasm function, 0 for a host function.
    pub code: u64,
    /// The store-wide id of its type.
    pub type_id: u64,
    /// The `VmCtx` of its instance (0 for a host function).
    pub ctx: u64,
    /// The store's index of this function.
    pub index: u64,
}

pub const REC_CODE: i32 = offset_of!(FuncRecord, code) as i32;
pub const REC_TYPE: i32 = offset_of!(FuncRecord, type_id) as i32;
pub const REC_CTX: i32 = offset_of!(FuncRecord, ctx) as i32;

/// Why Wasm code trapped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum TrapCode {
    Unreachable = 1,
    DivideByZero,
    IntegerOverflow,
    InvalidConversion,
    MemoryOutOfBounds,
    TableOutOfBounds,
    UndefinedElement,
    UninitializedElement,
    IndirectCallType,
    StackExhausted,
    /// A host function failed (its message is kept by the runtime).
    Host,
}

impl TrapCode {
    pub const ALL: [TrapCode; 11] = [
        TrapCode::Unreachable,
        TrapCode::DivideByZero,
        TrapCode::IntegerOverflow,
        TrapCode::InvalidConversion,
        TrapCode::MemoryOutOfBounds,
        TrapCode::TableOutOfBounds,
        TrapCode::UndefinedElement,
        TrapCode::UninitializedElement,
        TrapCode::IndirectCallType,
        TrapCode::StackExhausted,
        TrapCode::Host,
    ];

    pub fn from_u8(v: u8) -> Option<TrapCode> {
        TrapCode::ALL.into_iter().find(|c| *c as u8 == v)
    }

    /// The spec's wording (what the official tests' `assert_trap` expects).
    pub fn message(self) -> &'static str {
        match self {
            TrapCode::Unreachable => "unreachable",
            TrapCode::DivideByZero => "integer divide by zero",
            TrapCode::IntegerOverflow => "integer overflow",
            TrapCode::InvalidConversion => "invalid conversion to integer",
            TrapCode::MemoryOutOfBounds => "out of bounds memory access",
            TrapCode::TableOutOfBounds => "out of bounds table access",
            TrapCode::UndefinedElement => "undefined element",
            TrapCode::UninitializedElement => "uninitialized element",
            TrapCode::IndirectCallType => "indirect call type mismatch",
            TrapCode::StackExhausted => "call stack exhausted",
            TrapCode::Host => "host function failed",
        }
    }

    /// The value compiled code stores in [`VmCtx::trap`] for this trap at `wasm_offset`.
    pub fn encode(self, wasm_offset: usize) -> u64 {
        self as u64 | ((wasm_offset as u64) << 8)
    }
}

impl fmt::Display for TrapCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message())
    }
}

/// The runtime operations compiled code leaves to the one runtime helper
/// (`helper(vm, args)`): the operands are in the caller's frame window at `args`, results
/// replace them from `args[0]` on, and [`VmCtx::scratch`] holds the operation in its low
/// byte with its first immediate (a table, data or element index) above it;
/// [`VmCtx::scratch2`] holds a second immediate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum RtOp {
    MemoryGrow = 1,
    MemoryFill,
    MemoryCopy,
    MemoryInit,
    DataDrop,
    TableGet,
    TableSet,
    TableSize,
    TableGrow,
    TableFill,
    TableCopy,
    TableInit,
    ElemDrop,
}

impl RtOp {
    pub const ALL: [RtOp; 13] = [
        RtOp::MemoryGrow,
        RtOp::MemoryFill,
        RtOp::MemoryCopy,
        RtOp::MemoryInit,
        RtOp::DataDrop,
        RtOp::TableGet,
        RtOp::TableSet,
        RtOp::TableSize,
        RtOp::TableGrow,
        RtOp::TableFill,
        RtOp::TableCopy,
        RtOp::TableInit,
        RtOp::ElemDrop,
    ];

    pub fn from_u8(v: u8) -> Option<RtOp> {
        RtOp::ALL.into_iter().find(|c| *c as u8 == v)
    }

    /// The value of [`VmCtx::scratch`] for this operation with immediate `imm`.
    pub fn encode(self, imm: u32) -> u64 {
        self as u64 | ((imm as u64) << 8)
    }
}

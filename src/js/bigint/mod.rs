//! BigInt values (ECMA-262 2025 §6.1.6.2): immutable heap cells of kind [`KIND_BIGINT`]
//! (tagged `TAG_CELL`, so they are neither objects nor strings) holding a
//! `num_bigint::BigInt`. Equal BigInts may be different cells: every comparison goes by value.
//!
//! [`ops`] has the arithmetic (pure functions on `BigInt`), [`convert`] the conversions to
//! and from numbers and strings and the abstract operations ToBigInt / ToNumeric.

pub mod convert;
pub mod ops;

use num_bigint::BigInt;

use crate::js::heap::cells::{BigIntCell, CellHeader, KIND_BIGINT};
use crate::js::value::{TAG_CELL, Value};
use crate::js::vm::Vm;

/// The largest BigInt kiln makes, in bits (V8's limit too): a larger result is a RangeError
/// "Maximum BigInt size exceeded" instead of an allocation without end.
pub const MAX_BITS: u64 = 1 << 30;

/// Why a BigInt operation has no result: the error to throw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BigErr {
    Range(&'static str),
    Type(&'static str),
}

pub const TOO_BIG: BigErr = BigErr::Range("Maximum BigInt size exceeded");

impl Vm {
    /// A new BigInt value.
    pub fn new_bigint(&mut self, b: BigInt) -> Value {
        let bytes = b.bits() as usize / 8;
        let p = self
            .heap
            .alloc_cell(std::mem::size_of::<BigIntCell>(), KIND_BIGINT)
            as *mut BigIntCell;
        self.heap.note_alloc(bytes);
        // SAFETY: p is a fresh zeroed cell big enough for a BigIntCell; the value field is
        // written without reading (dropping) the zeroed bytes.
        unsafe { std::ptr::addr_of_mut!((*p).value).write(b) };
        Value::from_ptr(TAG_CELL, p as usize)
    }
    pub fn new_bigint_i64(&mut self, i: i64) -> Value {
        self.new_bigint(BigInt::from(i))
    }
    /// Whether `v` is a BigInt.
    #[inline]
    pub fn is_bigint(&self, v: Value) -> bool {
        // SAFETY: a cell-tagged value points at a live cell, which starts with a header.
        v.is_cell() && unsafe { (*(v.payload() as *const CellHeader)).kind } == KIND_BIGINT
    }
    /// The integer of a BigInt value.
    pub fn bigint(&self, v: Value) -> &BigInt {
        assert!(self.is_bigint(v), "not a BigInt");
        // SAFETY: v is a live BigInt cell (checked); its value is immutable while &self lives.
        unsafe { &(*(v.payload() as *const BigIntCell)).value }
    }
    /// A BigInt result, or its error thrown.
    pub fn bigint_result(&mut self, r: Result<BigInt, BigErr>) -> crate::js::vm::JsResult<Value> {
        match r {
            Ok(b) => Ok(self.new_bigint(b)),
            Err(e) => Err(self.throw_big_err(e)),
        }
    }
    pub fn throw_big_err(&mut self, e: BigErr) -> crate::js::vm::Thrown {
        match e {
            BigErr::Range(m) => self.throw_range_error(m),
            BigErr::Type(m) => self.throw_type_error(m),
        }
    }
}

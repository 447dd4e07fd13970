//! Natives that compiled code may run inline at call sites whose IC saw only them (the JIT's
//! call templates), with the result the native itself gives:
//! - `Math.sqrt`, `abs`, `floor`, `ceil`, `trunc`: one IEEE operation on a number argument;
//! - `Array.prototype.push` of one value and `pop`: on an array that is not frozen (the generic path flag), as the
//!   natives do (push appending within the elements' capacity);
//! - `String.prototype.charCodeAt` of an int32 index within a flat primitive string.

use super::{array_mutate as array, math, string};
use crate::js::vm::NativeFn;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Intrinsic {
    Sqrt,
    Abs,
    Floor,
    Ceil,
    Trunc,
    ArrayPush,
    ArrayPop,
    CharCodeAt,
}

/// The intrinsic a native function is, if any.
pub fn intrinsic(f: NativeFn) -> Option<Intrinsic> {
    let table: [(NativeFn, Intrinsic); 8] = [
        (math::sqrt, Intrinsic::Sqrt),
        (math::abs, Intrinsic::Abs),
        (math::floor, Intrinsic::Floor),
        (math::ceil, Intrinsic::Ceil),
        (math::trunc, Intrinsic::Trunc),
        (array::push, Intrinsic::ArrayPush),
        (array::pop, Intrinsic::ArrayPop),
        (string::char_code_at, Intrinsic::CharCodeAt),
    ];
    // Compared as addresses: each is a distinct function body.
    table
        .iter()
        .find(|(g, _)| *g as usize == f as usize)
        .map(|&(_, i)| i)
}

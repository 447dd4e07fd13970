//! The generic (slow) paths of the numeric operators, where an operand is not a number:
//! ToNumeric of the operands, then Number or BigInt arithmetic, and a TypeError when the two
//! sides differ in type (ECMA-262 2025 §13.15.3 ApplyStringOrNumericBinaryOperator). Both
//! tiers reach these: the interpreter's ops directly, compiled code through its generic step.
//! Also the BigInt cases of `==` (§7.2.14) and `<` (§7.2.13).

use std::cmp::Ordering;

use num_bigint::BigInt;

use super::convert::to_int32;
use super::{arith, js_pow};
use crate::js::bigint::convert::{compare_number, parse};
use crate::js::bigint::ops::{self, BinOp};
use crate::js::bytecode::Op;
use crate::js::value::Value;
use crate::js::vm::{JsResult, Thrown, Vm};

/// The BigInt operator of a binary op.
fn big_op(op: Op) -> BinOp {
    match op {
        Op::Add => BinOp::Add,
        Op::Sub => BinOp::Sub,
        Op::Mul => BinOp::Mul,
        Op::Div => BinOp::Div,
        Op::Rem => BinOp::Rem,
        Op::Exp => BinOp::Exp,
        Op::BitAnd => BinOp::And,
        Op::BitOr => BinOp::Or,
        Op::BitXor => BinOp::Xor,
        Op::Shl => BinOp::Shl,
        Op::Shr => BinOp::Shr,
        _ => BinOp::UShr,
    }
}

/// A binary op on two numbers.
/// `i op j` for the bitwise ops on two int32 operands (their ToInt32 is themselves).
#[inline]
pub fn int_bit_op(op: Op, i: i32, j: i32) -> Value {
    let s = (j as u32) & 31;
    match op {
        Op::BitAnd => Value::int(i & j),
        Op::BitOr => Value::int(i | j),
        Op::BitXor => Value::int(i ^ j),
        Op::Shl => Value::int(i.wrapping_shl(s)),
        Op::Shr => Value::int(i >> s),
        _ => Value::number(((i as u32) >> s) as f64),
    }
}

pub fn number_op(op: Op, x: f64, y: f64) -> Value {
    let (i, j) = (to_int32(x), to_int32(y));
    let s = (j as u32) & 31;
    match op {
        Op::BitAnd => Value::int(i & j),
        Op::BitOr => Value::int(i | j),
        Op::BitXor => Value::int(i ^ j),
        Op::Shl => Value::int(i.wrapping_shl(s)),
        Op::Shr => Value::int(i >> s),
        Op::UShr => Value::number(((i as u32) >> s) as f64),
        Op::Exp => Value::number(js_pow(x, y)),
        _ => Value::number(arith(op, x, y)),
    }
}

impl Vm {
    fn throw_mix(&mut self) -> Thrown {
        self.throw_type_error("Cannot mix BigInt and other types, use explicit conversions")
    }

    /// `a op b` for the arithmetic and bitwise ops: ToNumeric of each side (left first),
    /// then the Number or BigInt operation.
    pub fn numeric_binary(&mut self, op: Op, a: Value, b: Value) -> JsResult<Value> {
        let x = self.to_numeric(a)?;
        self.roots.push(x);
        let y = self.to_numeric(b);
        self.roots.pop();
        let y = y?;
        match (self.is_bigint(x), self.is_bigint(y)) {
            (false, false) => Ok(number_op(op, x.as_number(), y.as_number())),
            (true, true) => {
                let r = ops::binary(big_op(op), self.bigint(x), self.bigint(y));
                self.bigint_result(r)
            }
            _ => Err(self.throw_mix()),
        }
    }

    /// `-a`, `~a`, `a + 1` (`Inc`), `a - 1` (`Dec`) after ToNumeric.
    pub fn numeric_unary(&mut self, op: Op, a: Value) -> JsResult<Value> {
        let x = self.to_numeric(a)?;
        if !self.is_bigint(x) {
            let n = x.as_number();
            return Ok(match op {
                Op::Neg => Value::number(-n),
                Op::BitNot => Value::int(!to_int32(n)),
                Op::Inc => Value::number(n + 1.0),
                _ => Value::number(n - 1.0),
            });
        }
        let b = self.bigint(x);
        let r = match op {
            Op::Neg => Ok(-b),
            Op::BitNot => Ok(!b),
            Op::Inc => ops::binary(BinOp::Add, b, &BigInt::from(1)),
            _ => ops::binary(BinOp::Sub, b, &BigInt::from(1)),
        };
        self.bigint_result(r)
    }

    /// `a == b` when one side is a BigInt and the other a BigInt, number or string; None
    /// for every other pair (the caller's cases).
    pub fn bigint_loose_equals(&self, a: Value, b: Value) -> Option<bool> {
        let (big, other) = if self.is_bigint(a) {
            (a, b)
        } else if self.is_bigint(b) {
            (b, a)
        } else {
            return None;
        };
        let x = self.bigint(big);
        if self.is_bigint(other) {
            Some(x == self.bigint(other))
        } else if other.is_number() {
            Some(compare_number(x, other.as_number()) == Some(Ordering::Equal))
        } else if other.is_string() {
            Some(parse(&self.str_to_string(other)).is_some_and(|y| *x == y))
        } else {
            None
        }
    }

    /// IsLessThan of two primitives at least one of which is a BigInt: None is undefined
    /// (NaN, or a string that is no BigInt).
    pub fn bigint_less_than(&mut self, pa: Value, pb: Value) -> JsResult<Option<bool>> {
        if pb.is_string() || pa.is_string() {
            let (s, big, flip) = if pb.is_string() {
                (pb, pa, false)
            } else {
                (pa, pb, true)
            };
            let Some(y) = parse(&self.str_to_string(s)) else {
                return Ok(None);
            };
            let x = self.bigint(big);
            return Ok(Some(if flip { y < *x } else { *x < y }));
        }
        let x = self.to_numeric(pa)?;
        let y = self.to_numeric(pb)?;
        Ok(match (self.is_bigint(x), self.is_bigint(y)) {
            (true, true) => Some(self.bigint(x) < self.bigint(y)),
            (true, false) => compare_number(self.bigint(x), y.as_number()).map(|o| o.is_lt()),
            (false, true) => compare_number(self.bigint(y), x.as_number()).map(|o| o.is_gt()),
            (false, false) => {
                let (p, q) = (x.as_number(), y.as_number());
                (!p.is_nan() && !q.is_nan()).then_some(p < q)
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The int32 fast path of the bitwise ops gives what the Number path gives.
    #[test]
    fn int_bit_op_matches_number_op() {
        let ints = [
            0,
            1,
            -1,
            5,
            31,
            32,
            33,
            64,
            -32,
            i32::MAX,
            i32::MIN,
            0x5555_5555,
        ];
        let ops = [
            Op::BitAnd,
            Op::BitOr,
            Op::BitXor,
            Op::Shl,
            Op::Shr,
            Op::UShr,
        ];
        let mut got = Vec::new();
        let mut want = Vec::new();
        for op in ops {
            for i in ints {
                for j in ints {
                    got.push((op, i, j, int_bit_op(op, i, j).0));
                    want.push((op, i, j, number_op(op, i as f64, j as f64).0));
                }
            }
        }
        pretty_assertions::assert_eq!(got, want);
    }
}

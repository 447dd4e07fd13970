//! BigInt arithmetic (ECMA-262 2025 §6.1.6.2.1–§6.1.6.2.22) as pure functions on
//! `num_bigint::BigInt`. Division truncates toward zero and the remainder takes the sign of the
//! dividend (as `num_bigint`'s `/` and `%`); bitwise operators act on the infinite two's
//! complement representation (as `num_bigint`'s `&`, `|`, `^`, `!`, `>>`). Every result
//! bigger than [`MAX_BITS`] is refused before it is computed.

use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::{BigErr, MAX_BITS, TOO_BIG};

/// A binary operator on two BigInts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    Rem,
    Exp,
    And,
    Or,
    Xor,
    Shl,
    Shr,
    UShr,
}

/// `x op y`.
pub fn binary(op: BinOp, x: &BigInt, y: &BigInt) -> Result<BigInt, BigErr> {
    Ok(match op {
        BinOp::Add | BinOp::Sub => {
            if x.bits().max(y.bits()) >= MAX_BITS {
                return Err(TOO_BIG);
            }
            if op == BinOp::Add { x + y } else { x - y }
        }
        BinOp::Mul => {
            if x.bits() + y.bits() > MAX_BITS {
                return Err(TOO_BIG);
            }
            x * y
        }
        BinOp::Div | BinOp::Rem => {
            if y.is_zero() {
                return Err(BigErr::Range("Division by zero"));
            }
            if op == BinOp::Div { x / y } else { x % y }
        }
        BinOp::Exp => return pow(x, y),
        BinOp::And => x & y,
        BinOp::Or => x | y,
        BinOp::Xor => x ^ y,
        BinOp::Shl => return shift_left(x, y),
        BinOp::Shr => return shift_left(x, &-y),
        BinOp::UShr => {
            return Err(BigErr::Type(
                "BigInts have no unsigned right shift, use >> instead",
            ));
        }
    })
}

/// BigInt::exponentiate (§6.1.6.2.3).
fn pow(x: &BigInt, y: &BigInt) -> Result<BigInt, BigErr> {
    if y.is_negative() {
        return Err(BigErr::Range("Exponent must be non-negative"));
    }
    if y.is_zero() || x.is_one() {
        return Ok(BigInt::one());
    }
    if x.is_zero() {
        return Ok(BigInt::zero());
    }
    let odd = y.bit(0);
    if (-x).is_one() {
        return Ok(if odd { x.clone() } else { BigInt::one() });
    }
    // |x| >= 2: the result has more than y bits.
    let e = match y.to_u64() {
        Some(e) if e <= MAX_BITS => e,
        _ => return Err(TOO_BIG),
    };
    if (x.bits() - 1).saturating_mul(e) >= MAX_BITS {
        return Err(TOO_BIG);
    }
    Ok(x.pow(e as u32))
}

/// `x << y` (a negative `y` shifts right, rounding toward −∞).
fn shift_left(x: &BigInt, y: &BigInt) -> Result<BigInt, BigErr> {
    if x.is_zero() || y.is_zero() {
        return Ok(x.clone());
    }
    if y.is_negative() {
        let n = (-y).to_u64().unwrap_or(u64::MAX);
        if n >= x.bits() {
            // Every bit shifted out: 0, or −1 for a negative x.
            return Ok(if x.is_negative() {
                -BigInt::one()
            } else {
                BigInt::zero()
            });
        }
        return Ok(x >> n);
    }
    match y.to_u64() {
        Some(n) if x.bits().saturating_add(n) <= MAX_BITS => Ok(x << n),
        _ => Err(TOO_BIG),
    }
}

/// BigInt::asUintN (§21.2.2.2): `x` modulo 2^bits.
pub fn as_uint_n(bits: u64, x: &BigInt) -> Result<BigInt, BigErr> {
    if bits == 0 {
        return Ok(BigInt::zero());
    }
    if !x.is_negative() && x.bits() <= bits {
        return Ok(x.clone());
    }
    // A negative x modulo 2^bits has `bits` bits: refuse what cannot be made.
    if bits > MAX_BITS {
        return Err(TOO_BIG);
    }
    let m = BigInt::one() << bits;
    let r = x % &m;
    Ok(if r.is_negative() { r + m } else { r })
}

/// BigInt::asIntN (§21.2.2.1): `x` modulo 2^bits as a signed `bits`-bit integer.
pub fn as_int_n(bits: u64, x: &BigInt) -> Result<BigInt, BigErr> {
    if bits == 0 {
        return Ok(BigInt::zero());
    }
    // Fits already: −2^(bits−1) <= x < 2^(bits−1).
    if x.bits() < bits {
        return Ok(x.clone());
    }
    if bits > MAX_BITS {
        // x.bits() >= bits > MAX_BITS cannot be: no such BigInt exists.
        return Ok(x.clone());
    }
    let r = as_uint_n(bits, x)?;
    if r.bit(bits - 1) {
        Ok(r - (BigInt::one() << bits))
    } else {
        Ok(r)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(s: &str) -> BigInt {
        s.parse().expect("test literal")
    }

    #[test]
    fn table() {
        // (op, x, y, result or error)
        let rows: &[(BinOp, &str, &str, Result<&str, BigErr>)] = &[
            (BinOp::Add, "9007199254740993", "1", Ok("9007199254740994")),
            (BinOp::Div, "-7", "2", Ok("-3")),
            (BinOp::Rem, "-7", "2", Ok("-1")),
            (BinOp::Rem, "7", "-2", Ok("1")),
            (BinOp::Div, "1", "0", Err(BigErr::Range("Division by zero"))),
            (BinOp::Exp, "2", "64", Ok("18446744073709551616")),
            (BinOp::Exp, "-1", "3", Ok("-1")),
            (BinOp::Exp, "0", "0", Ok("1")),
            (
                BinOp::Exp,
                "2",
                "-1",
                Err(BigErr::Range("Exponent must be non-negative")),
            ),
            (BinOp::Exp, "2", "100000000000", Err(TOO_BIG)),
            (BinOp::And, "-1", "255", Ok("255")),
            (BinOp::Or, "-256", "15", Ok("-241")),
            (BinOp::Xor, "-1", "5", Ok("-6")),
            (BinOp::Shr, "-5", "1", Ok("-3")),
            (BinOp::Shr, "-5", "100000000000000", Ok("-1")),
            (BinOp::Shl, "5", "-1", Ok("2")),
            (BinOp::Shl, "1", "10000000000", Err(TOO_BIG)),
            (BinOp::Shl, "0", "10000000000", Ok("0")),
        ];
        for (op, x, y, want) in rows {
            let got = binary(*op, &b(x), &b(y));
            assert_eq!(got, want.map(b), "{op:?} {x} {y}");
        }
    }

    #[test]
    fn modular() {
        assert_eq!(as_uint_n(8, &b("-1")), Ok(b("255")));
        assert_eq!(as_int_n(8, &b("255")), Ok(b("-1")));
        assert_eq!(
            as_int_n(64, &b("9223372036854775808")),
            Ok(b("-9223372036854775808"))
        );
        assert_eq!(as_uint_n(0, &b("5")), Ok(b("0")));
        assert_eq!(as_int_n(1, &b("1")), Ok(b("-1")));
        assert_eq!(as_uint_n((1 << 53) - 1, &b("-1")), Err(TOO_BIG));
        assert_eq!(as_uint_n((1 << 53) - 1, &b("5")), Ok(b("5")));
        assert_eq!(as_int_n((1 << 53) - 1, &b("-5")), Ok(b("-5")));
    }
}

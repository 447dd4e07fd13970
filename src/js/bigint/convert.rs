//! Conversions between BigInts, Numbers and strings: StringToBigInt (ECMA-262 2025 §7.1.14),
//! NumberToBigInt (§21.2.1.1.1), the exact BigInt/Number comparison of IsLessThan and
//! IsLooselyEqual (§7.2.13, §7.2.14), and the abstract operations ToBigInt (§7.1.13),
//! ToNumeric (§7.1.3), ToBigInt64 / ToBigUint64 (§7.1.15, §7.1.16).

use std::cmp::Ordering;

use num_bigint::BigInt;
use num_traits::{FromPrimitive, ToPrimitive};

use crate::js::interp::convert::Hint;
use crate::js::value::Value;
use crate::js::vm::{JsResult, Vm};

/// StringToBigInt: None when the string is not a StringIntegerLiteral (after trimming white
/// space; the empty string is 0n). Signs are allowed only on decimal literals; there is no
/// fraction, exponent, `Infinity` or numeric separator.
pub fn parse(s: &str) -> Option<BigInt> {
    let t = s.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if t.is_empty() {
        return Some(BigInt::from(0));
    }
    let b = t.as_bytes();
    let radix = if b.len() > 2 && b[0] == b'0' {
        match b[1] {
            b'x' | b'X' => 16,
            b'o' | b'O' => 8,
            b'b' | b'B' => 2,
            _ => 10,
        }
    } else {
        10
    };
    let (neg, digits) = if radix != 10 {
        (false, &t[2..])
    } else if let Some(d) = t.strip_prefix('-') {
        (true, d)
    } else {
        (false, t.strip_prefix('+').unwrap_or(t))
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    let v = BigInt::parse_bytes(digits.as_bytes(), radix)?;
    Some(if neg { -v } else { v })
}

/// NumberToBigInt: None for NaN, infinities and non-integers.
pub fn from_number(n: f64) -> Option<BigInt> {
    if n.is_finite() && n.trunc() == n {
        BigInt::from_f64(n)
    } else {
        None
    }
}

/// ℝ(x) as the nearest double (ties to even), ±Infinity beyond the double range.
pub fn to_number(x: &BigInt) -> f64 {
    x.to_f64().unwrap_or(f64::NAN)
}

/// How BigInt `x` compares with number `n` exactly (None when `n` is NaN).
pub fn compare_number(x: &BigInt, n: f64) -> Option<Ordering> {
    if n.is_nan() {
        return None;
    }
    if n.is_infinite() {
        return Some(if n > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    let f = n.floor();
    let fb = BigInt::from_f64(f)?;
    Some(match x.cmp(&fb) {
        Ordering::Equal if f != n => Ordering::Less,
        o => o,
    })
}

impl Vm {
    /// ToBigInt: a BigInt value, or the TypeError / SyntaxError of ECMA-262's table.
    pub fn to_bigint(&mut self, v: Value) -> JsResult<Value> {
        let p = self.to_primitive(v, Hint::Number)?;
        if self.is_bigint(p) {
            return Ok(p);
        }
        if p.is_bool() {
            return Ok(self.new_bigint_i64((p == Value::TRUE) as i64));
        }
        if p.is_string() {
            let s = self.str_to_string(p);
            return match parse(&s) {
                Some(b) => Ok(self.new_bigint(b)),
                None => Err(self.throw_syntax_error(&format!("Cannot convert {s} to a BigInt"))),
            };
        }
        let d = self.bigint_describe(p);
        Err(self.throw_type_error(&format!("Cannot convert {d} to a BigInt")))
    }
    /// How a primitive is named in "Cannot convert ... to a BigInt".
    fn bigint_describe(&mut self, p: Value) -> String {
        if p.is_object() && self.class_of(p) == crate::js::object::CLASS_SYMBOL {
            self.symbol_descriptive(p)
        } else {
            self.primitive_to_rust_string(p)
        }
    }
    /// ToNumeric: a number value or a BigInt value.
    pub fn to_numeric(&mut self, v: Value) -> JsResult<Value> {
        if v.is_number() || self.is_bigint(v) {
            return Ok(v);
        }
        let p = self.to_primitive(v, Hint::Number)?;
        if self.is_bigint(p) {
            return Ok(p);
        }
        self.to_number_value(p)
    }
    /// ToBigInt64 / ToBigUint64: the value modulo 2^64, as its 64 bits.
    pub fn to_bigint64_bits(&mut self, v: Value) -> JsResult<u64> {
        let b = self.to_bigint(v)?;
        Ok(bits64(self.bigint(b)))
    }
    /// A BigInt from the 64 bits of a BigInt64 (`signed`) or BigUint64 element.
    pub fn bigint_from_bits(&mut self, bits: u64, signed: bool) -> Value {
        if signed {
            self.new_bigint_i64(bits as i64)
        } else {
            self.new_bigint(BigInt::from(bits))
        }
    }
    /// NumberToBigInt with its RangeError.
    pub fn number_to_bigint(&mut self, n: f64) -> JsResult<Value> {
        match from_number(n) {
            Some(b) => Ok(self.new_bigint(b)),
            None => {
                let s = crate::js::format::number::number_to_string(n);
                Err(self.throw_range_error(&format!(
                    "The number {s} cannot be converted to a BigInt because it is not an integer"
                )))
            }
        }
    }
}

/// `x` modulo 2^64 as 64 bits (two's complement).
pub fn bits64(x: &BigInt) -> u64 {
    let (_, digits) = x.to_u64_digits();
    let low = digits.first().copied().unwrap_or(0);
    if x.sign() == num_bigint::Sign::Minus {
        low.wrapping_neg()
    } else {
        low
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parsing() {
        let rows: &[(&str, Option<&str>)] = &[
            ("", Some("0")),
            ("  42\n", Some("42")),
            ("-0", Some("0")),
            ("+17", Some("17")),
            ("0x1F", Some("31")),
            ("0o17", Some("15")),
            ("0B101", Some("5")),
            ("-0x1", None),
            ("0x", None),
            ("1.5", None),
            ("1e3", None),
            ("Infinity", None),
            ("1_000", None),
            ("12a", None),
            ("99999999999999999999999", Some("99999999999999999999999")),
        ];
        for (s, want) in rows {
            assert_eq!(parse(s), want.map(|w| w.parse().unwrap()), "{s:?}");
        }
    }

    #[test]
    fn numbers() {
        let big: BigInt = "9007199254740993".parse().unwrap();
        assert_eq!(to_number(&big), 9007199254740992.0);
        assert_eq!(
            compare_number(&big, 9007199254740992.0),
            Some(Ordering::Greater)
        );
        assert_eq!(compare_number(&BigInt::from(1), 1.5), Some(Ordering::Less));
        assert_eq!(
            compare_number(&BigInt::from(2), 1.5),
            Some(Ordering::Greater)
        );
        assert_eq!(
            compare_number(&BigInt::from(-2), -1.5),
            Some(Ordering::Less)
        );
        assert_eq!(compare_number(&BigInt::from(1), f64::NAN), None);
        assert_eq!(from_number(1.5), None);
        assert_eq!(from_number(-0.0), Some(BigInt::from(0)));
        assert_eq!(bits64(&BigInt::from(-1)), u64::MAX);
        assert_eq!(bits64(&"18446744073709551617".parse().unwrap()), 1);
    }
}

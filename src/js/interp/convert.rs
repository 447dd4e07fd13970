//! Type conversions and the generic (slow-path) operators: ToPrimitive, ToNumber, ToString,
//! equality, relational comparison, `+`, `typeof`, `instanceof`.

use crate::js::atoms;
use crate::js::format::number::number_to_string;
use crate::js::object::*;
use crate::js::value::Value;
use crate::js::vm::{JsResult, Vm};

/// The preferred type passed to ToPrimitive.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Hint {
    Default,
    Number,
    String,
}

impl Hint {
    pub fn as_str(self) -> &'static str {
        match self {
            Hint::Default => "default",
            Hint::Number => "number",
            Hint::String => "string",
        }
    }
}

/// Parses a string per StringToNumber (whitespace-trimmed; hex/octal/binary; Infinity).
pub fn string_to_number(s: &str) -> f64 {
    let t = s.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if t.is_empty() {
        return 0.0;
    }
    let radix = |p: &str, r: u32| -> f64 {
        if p.is_empty() {
            return f64::NAN;
        }
        let mut v = 0f64;
        for c in p.chars() {
            match c.to_digit(r) {
                Some(d) => v = v * r as f64 + d as f64,
                None => return f64::NAN,
            }
        }
        v
    };
    let lower = t.get(..2).map(|p| p.to_ascii_lowercase());
    match lower.as_deref() {
        Some("0x") => return radix(&t[2..], 16),
        Some("0o") => return radix(&t[2..], 8),
        Some("0b") => return radix(&t[2..], 2),
        _ => {}
    }
    match t {
        "Infinity" | "+Infinity" => return f64::INFINITY,
        "-Infinity" => return f64::NEG_INFINITY,
        _ => {}
    }
    if !t
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-'))
    {
        return f64::NAN;
    }
    t.parse::<f64>().unwrap_or(f64::NAN)
}

pub fn to_int32(f: f64) -> i32 {
    if f.abs() < 9223372036854775808.0 {
        // |f| < 2^63 (so not NaN or infinite): truncating to i64 is exact, and keeping its
        // low 32 bits is the reduction modulo 2^32.
        f as i64 as i32
    } else if f.is_finite() {
        let t = f.trunc();
        let m = t.rem_euclid(4294967296.0);
        m as u32 as i32
    } else {
        0
    }
}

impl Vm {
    pub fn truthy(&self, v: Value) -> bool {
        match v.truthy_primitive() {
            Some(b) => b,
            None => {
                if v.is_string() {
                    self.str_len(v) > 0
                } else if self.is_bigint(v) {
                    !num_traits::Zero::is_zero(self.bigint(v))
                } else {
                    true
                }
            }
        }
    }

    /// ES2025 7.1.1 ToPrimitive: an object's `Symbol.toPrimitive` method, called with the hint
    /// as a string, else OrdinaryToPrimitive (hint "default" behaves like "number").
    pub fn to_primitive(&mut self, v: Value, hint: Hint) -> JsResult<Value> {
        if !self.is_spec_object(v) {
            return Ok(v);
        }
        self.roots.push(v);
        let r = (|| {
            if let Some(tp) = crate::js::builtins::well_known_symbol(self, "toPrimitive") {
                let ex = self.get(v, PropKey::Atom(tp))?;
                if !ex.is_nullish() {
                    if !self.is_callable(ex) {
                        return Err(self.throw_type_error("Symbol.toPrimitive is not a function"));
                    }
                    let h = self.new_str(hint.as_str());
                    let r = self.call_function(ex, v, &[h])?;
                    if self.is_spec_object(r) {
                        return Err(
                            self.throw_type_error("Cannot convert object to primitive value")
                        );
                    }
                    return Ok(r);
                }
            }
            self.ordinary_to_primitive(v, hint == Hint::String)
        })();
        self.roots.pop();
        r
    }

    /// ES2025 7.1.1.1 OrdinaryToPrimitive: `toString` then `valueOf` for hint "string",
    /// the other order otherwise; the first callable one returning a primitive wins.
    pub fn ordinary_to_primitive(&mut self, v: Value, prefer_string: bool) -> JsResult<Value> {
        let order = if prefer_string {
            [atoms::TO_STRING, atoms::VALUE_OF]
        } else {
            [atoms::VALUE_OF, atoms::TO_STRING]
        };
        self.roots.push(v);
        let r = (|| {
            for a in order {
                let f = self.get_named(v, a)?;
                if self.is_callable(f) {
                    let r = self.call_function(f, v, &[])?;
                    if !self.is_spec_object(r) {
                        return Ok(r);
                    }
                }
            }
            Err(self.throw_type_error("Cannot convert object to primitive value"))
        })();
        self.roots.pop();
        r
    }

    pub fn to_number(&mut self, v: Value) -> JsResult<f64> {
        if v.is_int() {
            return Ok(v.as_int() as f64);
        }
        if v.is_double() {
            return Ok(v.as_double());
        }
        Ok(match v.0 {
            crate::js::value::UNDEFINED => f64::NAN,
            crate::js::value::NULL | crate::js::value::FALSE => 0.0,
            crate::js::value::TRUE => 1.0,
            _ if v.is_string() => string_to_number(&self.str_to_string(v)),
            _ if v.is_object() && self.class_of(v) == CLASS_SYMBOL => {
                return Err(self.throw_type_error("Cannot convert a Symbol value to a number"));
            }
            _ if self.is_bigint(v) => {
                return Err(self.throw_type_error("Cannot convert a BigInt value to a number"));
            }
            _ if v.is_object() => {
                let p = self.to_primitive(v, Hint::Number)?;
                return self.to_number(p);
            }
            _ => f64::NAN,
        })
    }
    pub fn to_number_value(&mut self, v: Value) -> JsResult<Value> {
        if v.is_number() {
            return Ok(v);
        }
        let n = self.to_number(v)?;
        Ok(Value::number(n))
    }
    pub fn to_int32(&mut self, v: Value) -> JsResult<i32> {
        if v.is_int() {
            return Ok(v.as_int());
        }
        Ok(to_int32(self.to_number(v)?))
    }
    pub fn to_uint32(&mut self, v: Value) -> JsResult<u32> {
        Ok(self.to_int32(v)? as u32)
    }
    /// ToIntegerOrInfinity.
    pub fn to_integer(&mut self, v: Value) -> JsResult<f64> {
        let n = self.to_number(v)?;
        Ok(if n.is_nan() { 0.0 } else { n.trunc() + 0.0 })
    }

    /// ToString, returning a string value.
    pub fn to_string(&mut self, v: Value) -> JsResult<Value> {
        if v.is_string() {
            return Ok(v);
        }
        if v.is_object() && self.class_of(v) == CLASS_SYMBOL {
            return Err(self.throw_type_error("Cannot convert a Symbol value to a string"));
        }
        if v.is_object() {
            let p = self.to_primitive(v, Hint::String)?;
            return self.to_string(p);
        }
        let s = self.primitive_to_rust_string(v);
        Ok(self.new_str(&s))
    }
    pub fn primitive_to_rust_string(&self, v: Value) -> String {
        if v.is_int() {
            return v.as_int().to_string();
        }
        if v.is_double() {
            return number_to_string(v.as_double());
        }
        match v.0 {
            crate::js::value::UNDEFINED => "undefined".into(),
            crate::js::value::NULL => "null".into(),
            crate::js::value::TRUE => "true".into(),
            crate::js::value::FALSE => "false".into(),
            _ if v.is_string() => self.str_to_string(v),
            _ if self.is_bigint(v) => self.bigint(v).to_string(),
            _ => "[object]".into(),
        }
    }
    /// ToString as a Rust string.
    pub fn to_rust_string(&mut self, v: Value) -> JsResult<String> {
        let s = self.to_string(v)?;
        Ok(self.str_to_string(s))
    }

    pub fn type_of(&self, v: Value) -> &'static str {
        atoms::PREDEFINED[self.type_of_atom(v).0 as usize]
    }

    /// The result of `typeof v`, as its predefined atom.
    pub fn type_of_atom(&self, v: Value) -> atoms::Atom {
        if v.is_number() {
            atoms::NUMBER
        } else if v.is_string() {
            atoms::STRING
        } else if v.is_bool() {
            atoms::BOOLEAN
        } else if v.is_undefined() {
            atoms::UNDEFINED
        } else if v.is_null() {
            atoms::OBJECT
        } else if self.is_bigint(v) {
            atoms::BIGINT
        } else if v.is_object() {
            if self.is_callable(v) {
                atoms::FUNCTION
            } else if self.class_of(v) == CLASS_SYMBOL {
                atoms::SYMBOL
            } else {
                atoms::OBJECT
            }
        } else {
            atoms::UNDEFINED
        }
    }

    pub fn strict_equals(&self, a: Value, b: Value) -> bool {
        if a.is_number() && b.is_number() {
            return a.as_number() == b.as_number();
        }
        if a.is_string() && b.is_string() {
            return self.str_eq(a, b);
        }
        if a.is_cell() && b.is_cell() && self.is_bigint(a) && self.is_bigint(b) {
            return self.bigint(a) == self.bigint(b);
        }
        a == b && !a.is_empty()
    }

    /// SameValueZero (includes, Map keys).
    pub fn same_value_zero(&self, a: Value, b: Value) -> bool {
        if a.is_number() && b.is_number() {
            let (x, y) = (a.as_number(), b.as_number());
            return x == y || (x.is_nan() && y.is_nan());
        }
        self.strict_equals(a, b)
    }

    pub fn loose_equals(&mut self, a: Value, b: Value) -> JsResult<bool> {
        if a.is_number() && b.is_number() || a.is_string() && b.is_string() {
            return Ok(self.strict_equals(a, b));
        }
        if a.is_nullish() || b.is_nullish() {
            return Ok(a.is_nullish() && b.is_nullish());
        }
        let sym = crate::js::object::CLASS_SYMBOL;
        let a_sym = a.is_object() && self.class_of(a) == sym;
        let b_sym = b.is_object() && self.class_of(b) == sym;
        if a.is_object() && b.is_object() && a_sym == b_sym {
            return Ok(a == b);
        }
        if a.is_bool() {
            let n = Value::number(self.to_number(a)?);
            return self.loose_equals(n, b);
        }
        if b.is_bool() {
            let n = Value::number(self.to_number(b)?);
            return self.loose_equals(a, n);
        }
        if let Some(e) = self.bigint_loose_equals(a, b) {
            return Ok(e);
        }
        if a.is_number() && b.is_string() {
            let n = self.to_number(b)?;
            return Ok(a.as_number() == n);
        }
        if a.is_string() && b.is_number() {
            let n = self.to_number(a)?;
            return Ok(n == b.as_number());
        }
        // Symbols are primitives (kept as cells): equal only to themselves, handled above.
        if (a_sym && (b_sym || !b.is_object())) || (b_sym && !a.is_object()) {
            return Ok(false);
        }
        if a.is_object() && !a_sym {
            self.roots.push(b);
            let p = self.to_primitive(a, Hint::Default);
            self.roots.pop();
            let p = p?;
            return self.loose_equals(p, b);
        }
        if b.is_object() {
            self.roots.push(a);
            let p = self.to_primitive(b, Hint::Default);
            self.roots.pop();
            let p = p?;
            return self.loose_equals(a, p);
        }
        Ok(false)
    }

    /// The `+` operator.
    pub fn add_values(&mut self, a: Value, b: Value) -> JsResult<Value> {
        if a.is_number() && b.is_number() {
            return Ok(Value::number(a.as_number() + b.as_number()));
        }
        if a.is_string() && b.is_string() {
            return self.concat_str(a, b);
        }
        if a.is_string() && b.is_int() {
            return self.concat_int(a, b.as_int(), false);
        }
        if a.is_int() && b.is_string() {
            return self.concat_int(b, a.as_int(), true);
        }
        self.roots.push(b);
        let pa = self.to_primitive(a, Hint::Default);
        self.roots.pop();
        let pa = pa?;
        self.roots.push(pa);
        let pb = self.to_primitive(b, Hint::Default);
        let r = (|| {
            let pb = pb?;
            if pa.is_string() || pb.is_string() {
                let sa = self.to_string(pa)?;
                self.roots.push(sa);
                let sb = self.to_string(pb);
                self.roots.pop();
                let sb = sb?;
                return self.concat_str(sa, sb);
            }
            self.numeric_binary(crate::js::bytecode::Op::Add, pa, pb)
        })();
        self.roots.pop();
        r
    }

    /// Abstract relational comparison `a < b`; None means undefined (NaN involved).
    pub fn less_than(&mut self, a: Value, b: Value, left_first: bool) -> JsResult<Option<bool>> {
        let (pa, pb) = if left_first {
            self.roots.push(b);
            let pa = self.to_primitive(a, Hint::Number);
            self.roots.pop();
            let pa = pa?;
            self.roots.push(pa);
            let pb = self.to_primitive(b, Hint::Number);
            self.roots.pop();
            (pa, pb?)
        } else {
            self.roots.push(a);
            let pb = self.to_primitive(b, Hint::Number);
            self.roots.pop();
            let pb = pb?;
            self.roots.push(pb);
            let pa = self.to_primitive(a, Hint::Number);
            self.roots.pop();
            (pa?, pb)
        };
        if pa.is_string() && pb.is_string() {
            return Ok(Some(self.str_units(pa) < self.str_units(pb)));
        }
        if self.is_bigint(pa) || self.is_bigint(pb) {
            return self.bigint_less_than(pa, pb);
        }
        let x = self.to_number(pa)?;
        let y = self.to_number(pb)?;
        if x.is_nan() || y.is_nan() {
            return Ok(None);
        }
        Ok(Some(x < y))
    }

    pub fn instance_of(&mut self, v: Value, ctor: Value) -> JsResult<bool> {
        if self.is_spec_object(ctor)
            && let Some(sym) = crate::js::builtins::well_known_symbol(self, "hasInstance")
        {
            // InstanceofOperator (ES2025 13.10.2): a `Symbol.hasInstance` method decides.
            let h = self.get_named(ctor, sym)?;
            if !h.is_nullish() {
                if !self.is_callable(h) {
                    return Err(self.not_a_function(h));
                }
                let r = self.call_function(h, ctor, &[v])?;
                return Ok(self.truthy(r));
            }
        }
        if !self.is_callable(ctor) {
            return Err(self.throw_type_error("Right-hand side of 'instanceof' is not callable"));
        }
        self.ordinary_has_instance(ctor, v)
    }

    /// OrdinaryHasInstance(C, O) (ES2025 7.3.21): `Function.prototype[@@hasInstance]` and
    /// `instanceof` without a `Symbol.hasInstance` method.
    pub fn ordinary_has_instance(&mut self, ctor: Value, v: Value) -> JsResult<bool> {
        if !self.is_callable(ctor) {
            return Ok(false);
        }
        if self.class_of(ctor) == CLASS_BOUND {
            let target = self.obj(ctor).aux[0];
            return self.instance_of(v, target);
        }
        if !self.is_spec_object(v) {
            return Ok(false);
        }
        let proto = self.get_named(ctor, atoms::PROTOTYPE)?;
        if !self.is_spec_object(proto) {
            return Err(
                self.throw_type_error("Function has non-object prototype in instanceof check")
            );
        }
        self.roots.push(proto);
        let r = self.proto_chain_contains(v, proto);
        self.roots.pop();
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn string_to_number_cases() {
        assert_eq!(string_to_number("  42 "), 42.0);
        assert_eq!(string_to_number(""), 0.0);
        assert_eq!(string_to_number("0x1F"), 31.0);
        assert_eq!(string_to_number("0b101"), 5.0);
        assert_eq!(string_to_number("-Infinity"), f64::NEG_INFINITY);
        assert!(string_to_number("12px").is_nan());
        assert!(string_to_number("inf").is_nan());
        assert_eq!(string_to_number("1e3"), 1000.0);
        assert_eq!(string_to_number(".5"), 0.5);
    }
    #[test]
    fn int32_wraps() {
        assert_eq!(to_int32(4294967296.0 + 5.0), 5);
        assert_eq!(to_int32(2147483648.0), -2147483648);
        assert_eq!(to_int32(-1.5), -1);
        assert_eq!(to_int32(f64::NAN), 0);
    }
    /// ToInt32 (the |x| < 2^63 fast path included) against the spec's steps, computed the
    /// slow way: truncate, then reduce modulo 2^32 into the signed range.
    #[test]
    fn int32_matches_the_spec_steps() {
        let spec = |f: f64| -> i32 {
            if !f.is_finite() {
                return 0;
            }
            f.trunc().rem_euclid(4294967296.0) as u32 as i32
        };
        let two63 = 9223372036854775808.0;
        let cases = [
            0.0,
            -0.0,
            0.9,
            -0.9,
            2147483647.0,
            2147483647.5,
            -2147483648.0,
            -2147483649.0,
            4294967295.0,
            4294967296.0,
            -4294967297.5,
            1e15 + 0.5,
            -1e18,
            two63 - 1024.0,
            -(two63 - 1024.0),
            two63,
            -two63,
            two63 * 2.0 + 4096.0,
            1e20,
            -1e300,
            f64::MAX,
            f64::MIN_POSITIVE,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
        ];
        let got: Vec<i32> = cases.iter().map(|&f| to_int32(f)).collect();
        let want: Vec<i32> = cases.iter().map(|&f| spec(f)).collect();
        pretty_assertions::assert_eq!(got, want);
    }
}

//! Global functions: parseInt, parseFloat, isNaN, isFinite.

use super::arg;
use crate::js::value::Value;
use crate::js::vm::{CallArgs, JsResult, Vm};

pub fn parse_int_str(s: &str, radix: i32) -> f64 {
    let s = s.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let (neg, mut s) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let mut radix = radix;
    let mut strip = true;
    if radix != 0 {
        if !(2..=36).contains(&radix) {
            return f64::NAN;
        }
        if radix != 16 {
            strip = false;
        }
    } else {
        radix = 10;
    }
    if strip && (s.starts_with("0x") || s.starts_with("0X")) {
        s = &s[2..];
        radix = 16;
    }
    let mut v = 0f64;
    let mut any = false;
    for c in s.chars() {
        match c.to_digit(radix as u32) {
            Some(d) => {
                v = v * radix as f64 + d as f64;
                any = true;
            }
            None => break,
        }
    }
    if !any {
        return f64::NAN;
    }
    if radix == 10 && v >= 9007199254740992.0 {
        // Re-parse decimal digits exactly for large values.
        let digits: String = s.chars().take_while(|c| c.is_ascii_digit()).collect();
        v = digits.parse::<f64>().unwrap_or(v);
    }
    if neg { -v } else { v }
}

pub fn parse_float_str(s: &str) -> f64 {
    let t = s.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let b = t.as_bytes();
    let mut i = 0;
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        i += 1;
    }
    if t[i..].starts_with("Infinity") {
        return if b.first() == Some(&b'-') {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        };
    }
    let start_digits = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    if i < b.len() && b[i] == b'.' {
        i += 1;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
    }
    if i == start_digits || (i == start_digits + 1 && b[start_digits] == b'.') {
        return f64::NAN;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        let mut j = i + 1;
        if j < b.len() && (b[j] == b'+' || b[j] == b'-') {
            j += 1;
        }
        let ds = j;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        if j > ds {
            i = j;
        }
    }
    t[..i].parse::<f64>().unwrap_or(f64::NAN)
}

fn parse_int(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let s = vm.to_rust_string(arg(vm, a, 0))?;
    let r = arg(vm, a, 1);
    let radix = if r.is_undefined() { 0 } else { vm.to_int32(r)? };
    Ok(Value::number(parse_int_str(&s, radix)))
}
fn parse_float(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let s = vm.to_rust_string(arg(vm, a, 0))?;
    Ok(Value::number(parse_float_str(&s)))
}
fn is_nan(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    Ok(Value::bool(vm.to_number(arg(vm, a, 0))?.is_nan()))
}
fn is_finite(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    Ok(Value::bool(vm.to_number(arg(vm, a, 0))?.is_finite()))
}

pub fn install(vm: &mut Vm) {
    let g = vm.global;
    let pi = vm.method(g, "parseInt", parse_int, 2);
    let pf = vm.method(g, "parseFloat", parse_float, 1);
    vm.method(g, "isNaN", is_nan, 1);
    vm.method(g, "isFinite", is_finite, 1);
    let num = vm.get_by_name(g, "Number").unwrap_or(Value::UNDEFINED);
    if num.is_object() {
        vm.put(num, "parseInt", pi, crate::js::shape::HIDDEN);
        vm.put(num, "parseFloat", pf, crate::js::shape::HIDDEN);
    }
}

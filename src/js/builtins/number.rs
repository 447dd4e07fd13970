//! `Number`, `Number.prototype`, `Boolean` and `Boolean.prototype`.

use super::arg;
use crate::js::format::number::*;
use crate::js::object::*;
use crate::js::shape;
use crate::js::value::Value;
use crate::js::vm::{CallArgs, JsResult, Vm, realm};

fn this_num(vm: &mut Vm, a: &CallArgs) -> JsResult<f64> {
    let t = a.this;
    if t.is_number() {
        return Ok(t.as_number());
    }
    if t.is_object() && vm.class_of(t) == CLASS_NUMBER {
        return Ok(vm.obj(t).aux[0].as_number());
    }
    Err(vm.throw_type_error("Number.prototype.valueOf requires that 'this' be a Number"))
}

fn number_ctor(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    // Number ( value ) (§21.1.1.1): ToNumeric, and a BigInt becomes the nearest number.
    let n = if a.argc == 0 {
        0.0
    } else {
        let p = vm.to_numeric(arg(vm, a, 0))?;
        if vm.is_bigint(p) {
            crate::js::bigint::convert::to_number(vm.bigint(p))
        } else {
            p.as_number()
        }
    };
    if a.new_target.is_undefined() {
        return Ok(Value::number(n));
    }
    let proto = vm.proto_from_new_target(a, realm::NUMBER_PROTO)?;
    let o = vm.new_object_with(CLASS_NUMBER, proto);
    vm.obj_mut(o).aux[0] = Value::number(n);
    Ok(o)
}
fn is_integer(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let v = arg(vm, a, 0);
    Ok(Value::bool(
        v.is_number() && v.as_number().is_finite() && v.as_number().trunc() == v.as_number(),
    ))
}
fn is_safe_integer(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let v = arg(vm, a, 0);
    Ok(Value::bool(
        v.is_number()
            && v.as_number().is_finite()
            && v.as_number().trunc() == v.as_number()
            && v.as_number().abs() <= 9007199254740991.0,
    ))
}
fn is_nan(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let v = arg(vm, a, 0);
    Ok(Value::bool(v.is_number() && v.as_number().is_nan()))
}
fn is_finite(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let v = arg(vm, a, 0);
    Ok(Value::bool(v.is_number() && v.as_number().is_finite()))
}
fn to_fixed_m(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let x = this_num(vm, a)?;
    let d = vm.to_integer(arg(vm, a, 0))?;
    if !(0.0..=100.0).contains(&d) {
        return Err(vm.throw_range_error("toFixed() digits argument must be between 0 and 100"));
    }
    Ok(vm.new_str(&to_fixed(x, d as usize)))
}
fn to_string_m(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let x = this_num(vm, a)?;
    let r = arg(vm, a, 0);
    let radix = if r.is_undefined() {
        10
    } else {
        vm.to_integer(r)? as i64
    };
    if !(2..=36).contains(&radix) {
        return Err(vm.throw_range_error("toString() radix must be between 2 and 36"));
    }
    let s = if radix == 10 {
        number_to_string(x)
    } else {
        to_radix(x, radix as u32)
    };
    Ok(vm.new_str(&s))
}
fn to_precision_m(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let x = this_num(vm, a)?;
    let p = arg(vm, a, 0);
    if p.is_undefined() {
        return Ok(vm.new_str(&number_to_string(x)));
    }
    let p = vm.to_integer(p)?;
    if !(1.0..=100.0).contains(&p) {
        return Err(vm.throw_range_error("toPrecision() argument must be between 1 and 100"));
    }
    Ok(vm.new_str(&to_precision(x, p as usize)))
}
fn to_exponential_m(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let x = this_num(vm, a)?;
    let f = arg(vm, a, 0);
    let f = if f.is_undefined() {
        None
    } else {
        Some(vm.to_integer(f)? as usize)
    };
    Ok(vm.new_str(&to_exponential(x, f)))
}
fn value_of(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    Ok(Value::number(this_num(vm, a)?))
}
fn to_locale_string(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let x = this_num(vm, a)?;
    if !x.is_finite() {
        return Ok(vm.new_str(&number_to_string(x)));
    }
    // en-US grouping with up to 3 fraction digits.
    let s = to_fixed(x.abs(), 3);
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let frac = frac.trim_end_matches('0');
    let g = group_digits(int);
    let sign = if x < 0.0 && (int != "0" || !frac.is_empty()) {
        "-"
    } else {
        ""
    };
    let out = if frac.is_empty() {
        format!("{sign}{g}")
    } else {
        format!("{sign}{g}.{frac}")
    };
    Ok(vm.new_str(&out))
}

/// Decimal digits with en-US thousands separators (`1234567` → `1,234,567`).
pub(super) fn group_digits(int: &str) -> String {
    let mut g = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i).is_multiple_of(3) {
            g.push(',');
        }
        g.push(c);
    }
    g
}

fn boolean_ctor(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let b = vm.truthy(arg(vm, a, 0));
    if a.new_target.is_undefined() {
        return Ok(Value::bool(b));
    }
    let proto = vm.proto_from_new_target(a, realm::BOOLEAN_PROTO)?;
    let o = vm.new_object_with(CLASS_BOOLEAN, proto);
    vm.obj_mut(o).aux[0] = Value::bool(b);
    Ok(o)
}
fn this_bool(vm: &mut Vm, a: &CallArgs) -> JsResult<bool> {
    let t = a.this;
    if t.is_bool() {
        return Ok(t == Value::TRUE);
    }
    if t.is_object() && vm.class_of(t) == CLASS_BOOLEAN {
        return Ok(vm.obj(t).aux[0] == Value::TRUE);
    }
    Err(vm.throw_type_error("Boolean.prototype.valueOf requires that 'this' be a Boolean"))
}
fn bool_to_string(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let b = this_bool(vm, a)?;
    Ok(vm.new_str(if b { "true" } else { "false" }))
}
fn bool_value_of(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    Ok(Value::bool(this_bool(vm, a)?))
}

pub fn install(vm: &mut Vm) {
    let np = vm.realm[realm::NUMBER_PROTO];
    let c = vm.constructor("Number", number_ctor, 1, np);
    vm.method(c, "isInteger", is_integer, 1);
    vm.method(c, "isSafeInteger", is_safe_integer, 1);
    vm.method(c, "isNaN", is_nan, 1);
    vm.method(c, "isFinite", is_finite, 1);
    let consts: [(&str, f64); 8] = [
        ("MAX_SAFE_INTEGER", 9007199254740991.0),
        ("MIN_SAFE_INTEGER", -9007199254740991.0),
        ("MAX_VALUE", f64::MAX),
        ("MIN_VALUE", 5e-324),
        ("EPSILON", f64::EPSILON),
        ("POSITIVE_INFINITY", f64::INFINITY),
        ("NEGATIVE_INFINITY", f64::NEG_INFINITY),
        ("NaN", f64::NAN),
    ];
    for (n, v) in consts {
        vm.put(c, n, Value::number(v), 0);
    }
    vm.method(np, "toFixed", to_fixed_m, 1);
    vm.method(np, "toString", to_string_m, 1);
    vm.method(np, "toPrecision", to_precision_m, 1);
    vm.method(np, "toExponential", to_exponential_m, 1);
    vm.method(np, "valueOf", value_of, 0);
    vm.method(np, "toLocaleString", to_locale_string, 0);
    let bp = vm.realm[realm::BOOLEAN_PROTO];
    vm.constructor("Boolean", boolean_ctor, 1, bp);
    vm.method(bp, "toString", bool_to_string, 0);
    vm.method(bp, "valueOf", bool_value_of, 0);
    let _ = shape::HIDDEN;
}

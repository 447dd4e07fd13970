//! `BigInt` and `BigInt.prototype` (ECMA-262 2025 §21.2). BigInt values themselves are heap
//! cells (`js::bigint`); `Object(1n)` is a `CLASS_BIGINT` wrapper whose `aux[0]` is the value.

use super::arg;
use super::array_buffer::to_index;
use crate::js::bigint::ops::{as_int_n, as_uint_n};
use crate::js::interp::convert::Hint;
use crate::js::object::*;
use crate::js::shape;
use crate::js::value::Value;
use crate::js::vm::{CallArgs, JsResult, Vm, realm};

/// BigInt ( value ) (§21.2.1.1): a function only; `new BigInt` is a TypeError.
fn bigint_ctor(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    if !a.new_target.is_undefined() {
        return Err(vm.throw_type_error("BigInt is not a constructor"));
    }
    let v = arg(vm, a, 0);
    let p = vm.to_primitive(v, Hint::Number)?;
    if p.is_number() {
        return vm.number_to_bigint(p.as_number());
    }
    vm.to_bigint(p)
}

/// BigInt.asIntN / BigInt.asUintN: ToIndex(bits) first, then ToBigInt(bigint).
fn as_n(vm: &mut Vm, a: &CallArgs, signed: bool) -> JsResult<Value> {
    let bits = to_index(
        vm,
        arg(vm, a, 0),
        "value: not (convertible to) a safe integer",
    )?;
    let b = vm.to_bigint(arg(vm, a, 1))?;
    let x = vm.bigint(b);
    let r = if signed {
        as_int_n(bits as u64, x)
    } else {
        as_uint_n(bits as u64, x)
    };
    vm.bigint_result(r)
}
fn as_int_n_fn(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    as_n(vm, a, true)
}
fn as_uint_n_fn(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    as_n(vm, a, false)
}

/// thisBigIntValue (§21.2.3.4.1).
fn this_bigint(vm: &mut Vm, a: &CallArgs, what: &str) -> JsResult<Value> {
    let t = a.this;
    if vm.is_bigint(t) {
        return Ok(t);
    }
    if t.is_object() && vm.class_of(t) == CLASS_BIGINT {
        return Ok(vm.obj(t).aux[0]);
    }
    Err(vm.throw_type_error(&format!(
        "BigInt.prototype.{what} requires that 'this' be a BigInt"
    )))
}

/// BigInt.prototype.toString ( [ radix ] ).
fn to_string(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let b = this_bigint(vm, a, "toString")?;
    let r = arg(vm, a, 0);
    let radix = if r.is_undefined() {
        10.0
    } else {
        vm.to_integer(r)?
    };
    if !(2.0..=36.0).contains(&radix) {
        return Err(vm.throw_range_error("toString() radix argument must be between 2 and 36"));
    }
    let s = vm.bigint(b).to_str_radix(radix as u32);
    Ok(vm.new_str(&s))
}
/// BigInt.prototype.toLocaleString: en-US digit grouping, as Number's.
fn to_locale_string(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let b = this_bigint(vm, a, "toLocaleString")?;
    let x = vm.bigint(b);
    let sign = if x.sign() == num_bigint::Sign::Minus {
        "-"
    } else {
        ""
    };
    let s = format!(
        "{sign}{}",
        super::number::group_digits(&x.magnitude().to_string())
    );
    Ok(vm.new_str(&s))
}
fn value_of(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    this_bigint(vm, a, "valueOf")
}

pub fn install(vm: &mut Vm) {
    let op = vm.realm[realm::OBJECT_PROTO];
    let bp = vm.new_object_with(CLASS_ORDINARY, op);
    vm.realm[realm::BIGINT_PROTO] = bp;
    let c = vm.constructor("BigInt", bigint_ctor, 1, bp);
    vm.method(c, "asIntN", as_int_n_fn, 2);
    vm.method(c, "asUintN", as_uint_n_fn, 2);
    vm.method(bp, "toString", to_string, 0);
    vm.method(bp, "toLocaleString", to_locale_string, 0);
    vm.method(bp, "valueOf", value_of, 0);
    if let Some(tag) = super::symbol::well_known(vm, "toStringTag") {
        let s = vm.new_str("BigInt");
        vm.define_own(bp, PropKey::Atom(tag), s, shape::CONFIGURABLE);
    }
}

//! `Reflect` (ECMA-262 28.1): the object internal methods as functions.

use super::arg;
use super::function::array_like_to_vec;
use super::object::define_from_object;
use crate::js::object::*;
use crate::js::shape;
use crate::js::value::Value;
use crate::js::vm::{CallArgs, JsResult, Vm};

fn target(vm: &mut Vm, a: &CallArgs, name: &str) -> JsResult<Value> {
    let t = arg(vm, a, 0);
    if vm.is_spec_object(t) {
        Ok(t)
    } else {
        Err(vm.throw_type_error(&format!("Reflect.{name} called on non-object")))
    }
}

fn apply(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let f = arg(vm, a, 0);
    if !vm.is_callable(f) {
        return Err(vm.not_a_function(f));
    }
    let list = arg(vm, a, 2);
    if !vm.is_spec_object(list) {
        return Err(vm.throw_type_error("CreateListFromArrayLike called on non-object"));
    }
    let args = array_like_to_vec(vm, list)?;
    vm.call_function(f, arg(vm, a, 1), &args)
}

fn construct(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let f = arg(vm, a, 0);
    if !vm.is_constructor(f) {
        let s = vm.short_describe(f);
        return Err(vm.throw_type_error(&format!("{s} is not a constructor")));
    }
    let nt = if a.argc > 2 { arg(vm, a, 2) } else { f };
    if !vm.is_constructor(nt) {
        let s = vm.short_describe(nt);
        return Err(vm.throw_type_error(&format!("{s} is not a constructor")));
    }
    let list = arg(vm, a, 1);
    if !vm.is_spec_object(list) {
        return Err(vm.throw_type_error("CreateListFromArrayLike called on non-object"));
    }
    let args = array_like_to_vec(vm, list)?;
    vm.construct(f, &args, nt)
}

fn define_property(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let o = target(vm, a, "defineProperty")?;
    let k = vm.to_property_key(arg(vm, a, 1))?;
    let base = vm.roots.len();
    let r = (|| {
        let d = vm.to_property_descriptor(arg(vm, a, 2))?;
        vm.define_own_property(o, k, d)
    })();
    vm.roots.truncate(base);
    let _ = define_from_object;
    Ok(Value::bool(r?))
}

fn delete_property(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let o = target(vm, a, "deleteProperty")?;
    let k = vm.to_property_key(arg(vm, a, 1))?;
    Ok(Value::bool(vm.delete_property(o, k)?))
}

/// [[Get]] with an explicit receiver (getters are called with it).
fn get(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let o = target(vm, a, "get")?;
    let k = vm.to_property_key(arg(vm, a, 1))?;
    let recv = if a.argc > 2 { arg(vm, a, 2) } else { o };
    vm.get_with_receiver(o, k, recv)
}

fn get_own_property_descriptor(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let o = target(vm, a, "getOwnPropertyDescriptor")?;
    let k = vm.to_property_key(arg(vm, a, 1))?;
    match vm.get_own_property_js(o, k)? {
        None => Ok(Value::UNDEFINED),
        Some((v, f)) => Ok(vm.from_property_descriptor(v, f)),
    }
}

fn get_prototype_of(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let o = target(vm, a, "getPrototypeOf")?;
    vm.get_prototype_of_js(o)
}

fn has(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let o = target(vm, a, "has")?;
    let k = vm.to_property_key(arg(vm, a, 1))?;
    Ok(Value::bool(vm.has_property(o, k)?))
}

fn is_extensible(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let o = target(vm, a, "isExtensible")?;
    Ok(Value::bool(vm.is_extensible_js(o)?))
}

fn own_keys(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let o = target(vm, a, "ownKeys")?;
    let keys = vm.own_property_keys_js(o)?;
    let vals: Vec<Value> = keys.into_iter().map(|k| vm.key_to_value(k)).collect();
    Ok(vm.new_array_from(&vals))
}

fn prevent_extensions(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let o = target(vm, a, "preventExtensions")?;
    Ok(Value::bool(vm.prevent_extensions_js(o)?))
}

/// [[Set]] with an explicit receiver (OrdinarySetWithOwnDescriptor, 10.1.9.2).
fn set(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let o = target(vm, a, "set")?;
    let k = vm.to_property_key(arg(vm, a, 1))?;
    let v = arg(vm, a, 2);
    let recv = if a.argc > 3 { arg(vm, a, 3) } else { o };
    Ok(Value::bool(vm.set_with_receiver(o, k, v, recv)?))
}

fn set_prototype_of(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let o = target(vm, a, "setPrototypeOf")?;
    let p = arg(vm, a, 1);
    if !vm.is_spec_object(p) && !p.is_null() {
        return Err(vm.throw_type_error("Object prototype may only be an Object or null"));
    }
    Ok(Value::bool(vm.set_prototype_of_js(o, p)?))
}

pub fn install(vm: &mut Vm) {
    let r = vm.new_object();
    let g = vm.global;
    vm.put(g, "Reflect", r, shape::HIDDEN);
    if let Some(tag) = super::symbol::well_known(vm, "toStringTag") {
        let name = vm.new_str("Reflect");
        vm.define_own(r, PropKey::Atom(tag), name, shape::CONFIGURABLE);
    }
    vm.method(r, "apply", apply, 3);
    vm.method(r, "construct", construct, 2);
    vm.method(r, "defineProperty", define_property, 3);
    vm.method(r, "deleteProperty", delete_property, 2);
    vm.method(r, "get", get, 2);
    vm.method(
        r,
        "getOwnPropertyDescriptor",
        get_own_property_descriptor,
        2,
    );
    vm.method(r, "getPrototypeOf", get_prototype_of, 1);
    vm.method(r, "has", has, 2);
    vm.method(r, "isExtensible", is_extensible, 1);
    vm.method(r, "ownKeys", own_keys, 1);
    vm.method(r, "preventExtensions", prevent_extensions, 1);
    vm.method(r, "set", set, 3);
    vm.method(r, "setPrototypeOf", set_prototype_of, 2);
}

//! The `Promise` constructor (ES2025 27.2.3), `Promise.prototype` (`then`, `catch`,
//! `finally`) and the statics `resolve`, `reject`, `withResolvers`, `try` and
//! `Symbol.species`. The combinators (`all`, `allSettled`, `any`, `race`) are in
//! `promise_combinators`; promise internals in `js::promise`.

use super::{arg, args_vec};
use crate::js::atoms;
use crate::js::object::*;
use crate::js::shape;
use crate::js::value::Value;
use crate::js::vm::{CallArgs, JsResult, Vm, realm};

/// Runs `f` and drops every root it pushed.
pub(super) fn rooted<T>(vm: &mut Vm, f: impl FnOnce(&mut Vm) -> T) -> T {
    let base = vm.roots.len();
    let r = f(vm);
    vm.roots.truncate(base);
    r
}

/// ES2025 27.2.3.1 Promise(executor).
fn promise_ctor(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    if a.new_target.is_undefined() {
        return Err(vm.throw_type_error("Promise constructor cannot be invoked without 'new'"));
    }
    let exec = arg(vm, a, 0);
    if !vm.is_callable(exec) {
        let d = vm.short_describe(exec);
        return Err(vm.throw_type_error(&format!("Promise resolver {d} is not a function")));
    }
    let proto = vm.proto_from_new_target(a, realm::PROMISE_PROTO)?;
    rooted(vm, |vm| {
        let p = vm.new_promise_with_proto(proto);
        vm.roots.push(p);
        let (res, rej) = vm.create_resolving_functions(p);
        vm.roots.extend_from_slice(&[res, rej]);
        if vm
            .call_function(exec, Value::UNDEFINED, &[res, rej])
            .is_err()
        {
            let e = vm.exception;
            vm.call_function(rej, Value::UNDEFINED, &[e])?;
        }
        Ok(p)
    })
}

/// ES2025 7.3.22 SpeciesConstructor(o, %Promise%).
pub(super) fn species_constructor(vm: &mut Vm, o: Value) -> JsResult<Value> {
    let default = vm.realm[realm::PROMISE_CTOR];
    species_constructor_or(vm, o, default)
}

/// ES2025 7.3.22 SpeciesConstructor(o, default).
pub(super) fn species_constructor_or(vm: &mut Vm, o: Value, default: Value) -> JsResult<Value> {
    let c = vm.get_named(o, atoms::CONSTRUCTOR)?;
    if c.is_undefined() {
        return Ok(default);
    }
    if !vm.is_spec_object(c) {
        return Err(vm.throw_type_error("The .constructor property is not an object"));
    }
    let Some(sp) = super::symbol::well_known(vm, "species") else {
        return Ok(default);
    };
    let s = vm.get_named(c, sp)?;
    if s.is_nullish() {
        return Ok(default);
    }
    if vm.is_constructor(s) {
        Ok(s)
    } else {
        Err(vm.throw_type_error("object.constructor[Symbol.species] is not a constructor"))
    }
}

fn this_promise(vm: &mut Vm, a: &CallArgs, method: &str) -> JsResult<Value> {
    if vm.is_promise(a.this) {
        Ok(a.this)
    } else {
        let d = vm.short_describe(a.this);
        Err(vm.throw_type_error(&format!(
            "Method Promise.prototype.{method} called on incompatible receiver {d}"
        )))
    }
}

/// ES2025 27.2.5.4 Promise.prototype.then.
fn then(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let p = this_promise(vm, a, "then")?;
    let (f, r) = (arg(vm, a, 0), arg(vm, a, 1));
    let c = species_constructor(vm, p)?;
    if c == vm.realm[realm::PROMISE_CTOR] {
        // The resolving functions of a %Promise% capability never escape: the internal pair.
        return Ok(vm.promise_then(p, f, r));
    }
    rooted(vm, |vm| {
        vm.roots.push(c);
        let cap = vm.new_promise_capability(c)?;
        vm.perform_then(p, f, r, Some(cap));
        Ok(cap.promise)
    })
}

/// Invoke(v, "then", args).
pub(super) fn invoke_then(vm: &mut Vm, v: Value, args: &[Value]) -> JsResult<Value> {
    let t = vm.get_named(v, atoms::THEN)?;
    vm.call_function(t, v, args)
}

/// ES2025 27.2.5.1 Promise.prototype.catch.
fn catch(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let r = arg(vm, a, 0);
    invoke_then(vm, a.this, &[Value::UNDEFINED, r])
}

/// ES2025 27.2.5.3 Promise.prototype.finally.
fn finally(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let p = a.this;
    if !vm.is_spec_object(p) {
        return Err(vm.throw_type_error("Promise.prototype.finally called on a non-object"));
    }
    let on_finally = arg(vm, a, 0);
    let c = species_constructor(vm, p)?;
    rooted(vm, |vm| {
        vm.roots.push(c);
        let (tf, cf) = if vm.is_callable(on_finally) {
            let tf = vm.native_closure("", then_finally, 1, &[on_finally, c]);
            vm.roots.push(tf);
            let cf = vm.native_closure("", catch_finally, 1, &[on_finally, c]);
            vm.roots.push(cf);
            (tf, cf)
        } else {
            (on_finally, on_finally)
        };
        invoke_then(vm, p, &[tf, cf])
    })
}

/// The shared steps of Then Finally and Catch Finally: calls onFinally, then returns
/// `PromiseResolve(C, result).then(thunk)`, the thunk returning or throwing `v`.
fn finally_step(vm: &mut Vm, a: &CallArgs, throw: bool) -> JsResult<Value> {
    let [on_finally, c, _] = vm.obj(a.callee).aux;
    let v = arg(vm, a, 0);
    rooted(vm, |vm| {
        let result = vm.call_function(on_finally, Value::UNDEFINED, &[])?;
        vm.roots.push(result);
        let p = vm.promise_resolve(c, result)?;
        vm.roots.push(p);
        let thunk = if throw {
            vm.native_closure("", thrower, 0, &[v])
        } else {
            vm.native_closure("", value_thunk, 0, &[v])
        };
        vm.roots.push(thunk);
        invoke_then(vm, p, &[thunk])
    })
}
fn then_finally(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    finally_step(vm, a, false)
}
fn catch_finally(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    finally_step(vm, a, true)
}
fn value_thunk(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    Ok(vm.obj(a.callee).aux[0])
}
fn thrower(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let v = vm.obj(a.callee).aux[0];
    Err(vm.throw_value(v))
}

/// The `this` of a static: an object (the constructor), else a TypeError.
fn this_ctor(vm: &mut Vm, a: &CallArgs, name: &str) -> JsResult<Value> {
    if vm.is_spec_object(a.this) {
        Ok(a.this)
    } else {
        Err(vm.throw_type_error(&format!("Promise.{name} called on non-object")))
    }
}

/// ES2025 27.2.4.7 Promise.resolve.
fn resolve(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let c = this_ctor(vm, a, "resolve")?;
    let x = arg(vm, a, 0);
    vm.promise_resolve(c, x)
}

/// ES2025 27.2.4.6 Promise.reject.
fn reject(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let c = this_ctor(vm, a, "reject")?;
    let r = arg(vm, a, 0);
    rooted(vm, |vm| {
        let cap = vm.new_promise_capability(c)?;
        vm.roots
            .extend_from_slice(&[cap.promise, cap.resolve, cap.reject]);
        vm.settle_capability(cap, true, r)?;
        Ok(cap.promise)
    })
}

/// ES2025 27.2.4.9 Promise.withResolvers.
fn with_resolvers(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let c = this_ctor(vm, a, "withResolvers")?;
    rooted(vm, |vm| {
        let cap = vm.new_promise_capability(c)?;
        vm.roots
            .extend_from_slice(&[cap.promise, cap.resolve, cap.reject]);
        let o = vm.new_object();
        vm.put(o, "promise", cap.promise, shape::DEFAULT);
        vm.put(o, "resolve", cap.resolve, shape::DEFAULT);
        vm.put(o, "reject", cap.reject, shape::DEFAULT);
        Ok(o)
    })
}

/// ES2025 27.2.4.8 Promise.try(callback, ...args).
fn try_(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let c = this_ctor(vm, a, "try")?;
    let all = args_vec(vm, a);
    let f = all.first().copied().unwrap_or(Value::UNDEFINED);
    rooted(vm, |vm| {
        let cap = vm.new_promise_capability(c)?;
        vm.roots
            .extend_from_slice(&[cap.promise, cap.resolve, cap.reject]);
        let rest = if all.len() > 1 { &all[1..] } else { &[] };
        let (rejected, v) = match vm.call_function(f, Value::UNDEFINED, rest) {
            Ok(v) => (false, v),
            Err(_) => (true, vm.exception),
        };
        vm.roots.push(v);
        vm.settle_capability(cap, rejected, v)?;
        Ok(cap.promise)
    })
}

fn species_getter(_vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    Ok(a.this)
}

pub fn install(vm: &mut Vm) {
    let op = vm.realm[realm::OBJECT_PROTO];
    let pp = vm.new_object_with(CLASS_ORDINARY, op);
    vm.realm[realm::PROMISE_PROTO] = pp;
    let c = vm.constructor("Promise", promise_ctor, 1, pp);
    vm.realm[realm::PROMISE_CTOR] = c;
    vm.method(pp, "then", then, 2);
    vm.method(pp, "catch", catch, 1);
    vm.method(pp, "finally", finally, 1);
    vm.method(c, "resolve", resolve, 1);
    vm.method(c, "reject", reject, 1);
    vm.method(c, "withResolvers", with_resolvers, 0);
    vm.method(c, "try", try_, 1);
    super::promise_combinators::install(vm, c);
    if let Some(tag) = super::symbol::well_known(vm, "toStringTag") {
        let s = vm.new_str("Promise");
        vm.define_own(pp, PropKey::Atom(tag), s, shape::CONFIGURABLE);
    }
    if let Some(sp) = super::symbol::well_known(vm, "species") {
        let f = vm.native_fn("get [Symbol.species]", species_getter, 0);
        vm.define_accessor(c, PropKey::Atom(sp), f, true, false);
    }
}

//! `Promise.all`, `Promise.allSettled`, `Promise.any` and `Promise.race` (ES2025 27.2.4.1-5).
//!
//! One driver walks the iterable (`Call(promiseResolve, C, «next»)`, then `Invoke(next,
//! "then", …)`), closing the iterator when a step after `next()` throws, and rejecting the
//! capability on any abrupt completion (IfAbruptRejectPromise). The element functions are
//! native closures over a shared internal state array `[values, remaining, capability
//! promise, resolve, reject]`, their index, and an already-called record (shared by the
//! two functions of one `allSettled` element).

use super::arg;
use super::promise::{invoke_then, rooted};
use crate::js::interp::iter::IT_PROTOCOL;
use crate::js::object::*;
use crate::js::promise::Capability;
use crate::js::shape;
use crate::js::value::Value;
use crate::js::vm::{CallArgs, JsResult, Thrown, Vm, realm};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    All,
    AllSettled,
    Any,
    Race,
}

const ST_VALUES: usize = 0;
const ST_REMAINING: usize = 1;
const ST_CAP: usize = 2;

fn state_cap(vm: &Vm, st: Value) -> Capability {
    let e = vm.elems(st);
    Capability {
        promise: e[ST_CAP],
        resolve: e[ST_CAP + 1],
        reject: e[ST_CAP + 2],
    }
}

/// Decrements remainingElementsCount; true when it reached zero.
fn count_down(vm: &mut Vm, st: Value) -> bool {
    let n = vm.elems(st)[ST_REMAINING].as_int() - 1;
    vm.elems_mut(st)[ST_REMAINING] = Value::int(n);
    n == 0
}

/// A new AggregateError with `errors` (an array) and node's message.
fn aggregate_error(vm: &mut Vm, errors: Value) -> Value {
    vm.roots.push(errors);
    let e = vm.make_error(realm::AGGREGATE_ERROR_PROTO, "All promises were rejected");
    vm.roots.pop();
    vm.put(e, "errors", errors, shape::HIDDEN);
    e
}

/// All elements are in: resolve with the values (reject with an AggregateError for `any`).
fn finish(vm: &mut Vm, st: Value, kind: Kind) -> JsResult<()> {
    let vals = vm.elems(vm.elems(st)[ST_VALUES]).to_vec();
    let arr = vm.new_array_from(&vals);
    let cap = state_cap(vm, st);
    rooted(vm, |vm| {
        vm.roots.push(arr);
        if kind == Kind::Any {
            let e = aggregate_error(vm, arr);
            vm.roots.push(e);
            vm.settle_capability(cap, true, e)
        } else {
            vm.settle_capability(cap, false, arr)
        }
    })
}

/// The element function's shared state, index and already-called record, marking it called;
/// `None` if it was already.
fn claim(vm: &mut Vm, a: &CallArgs) -> Option<(Value, usize)> {
    let [st, idx, rec] = vm.obj(a.callee).aux;
    if vm.obj(rec).aux[0] == Value::TRUE {
        return None;
    }
    vm.obj_mut(rec).aux[0] = Value::TRUE;
    Some((st, idx.as_int() as usize))
}

/// Stores `v` at the element's index, finishing when it was the last one.
fn element(vm: &mut Vm, a: &CallArgs, kind: Kind, v: Value) -> JsResult<Value> {
    if let Some((st, i)) = claim(vm, a) {
        let vals = vm.elems(st)[ST_VALUES];
        vm.elems_mut(vals)[i] = v;
        if count_down(vm, st) {
            finish(vm, st, kind)?;
        }
    }
    Ok(Value::UNDEFINED)
}

/// ES2025 27.2.4.1.3 Promise.all Resolve Element Functions.
fn all_resolve_element(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let x = arg(vm, a, 0);
    element(vm, a, Kind::All, x)
}

/// `{ status, value | reason }` of an allSettled element.
fn settled(vm: &mut Vm, a: &CallArgs, rejected: bool) -> JsResult<Value> {
    let x = arg(vm, a, 0);
    let o = vm.new_object();
    let (status, key) = if rejected {
        ("rejected", "reason")
    } else {
        ("fulfilled", "value")
    };
    let s = vm.new_str(status);
    vm.put(o, "status", s, shape::DEFAULT);
    vm.put(o, key, x, shape::DEFAULT);
    vm.roots.push(o);
    let r = element(vm, a, Kind::AllSettled, o);
    vm.roots.pop();
    r
}
/// ES2025 27.2.4.2.2 Promise.allSettled Resolve Element Functions.
fn settled_fulfilled(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    settled(vm, a, false)
}
/// ES2025 27.2.4.2.3 Promise.allSettled Reject Element Functions.
fn settled_rejected(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    settled(vm, a, true)
}
/// ES2025 27.2.4.3.2 Promise.any Reject Element Functions.
fn any_reject_element(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let x = arg(vm, a, 0);
    element(vm, a, Kind::Any, x)
}

/// IteratorClose after a throw: calls `return` of a protocol iterator, keeping the original
/// exception whatever `return` does.
fn close_after_throw(vm: &mut Vm, it: Value) {
    if vm.obj(it).hdr.aux != IT_PROTOCOL {
        return;
    }
    let e = vm.exception;
    let site = vm.throw_site.clone();
    let target = vm.obj(it).aux[0];
    vm.roots.push(e);
    if let Ok(ret) = vm.get_by_name(target, "return")
        && !ret.is_nullish()
    {
        let _ = vm.call_function(ret, target, &[]);
    }
    vm.roots.pop();
    vm.exception = e;
    vm.throw_site = site;
}

/// The loop of PerformPromiseAll / AllSettled / Any / Race. `Err((_, done))`: `done` when
/// the iterator itself failed (no IteratorClose).
fn perform(
    vm: &mut Vm,
    kind: Kind,
    it: Value,
    c: Value,
    cap: Capability,
    resolve_fn: Value,
) -> Result<(), (Thrown, bool)> {
    let values = vm.new_array(0);
    vm.roots.push(values);
    let st = vm.new_array_from(&[values, Value::int(1), cap.promise, cap.resolve, cap.reject]);
    vm.roots.push(st);
    let mut index = 0i32;
    loop {
        let next = match vm.iterator_next(it) {
            Ok(Some(v)) => v,
            Ok(None) => break,
            Err(t) => return Err((t, true)),
        };
        vm.roots.push(next);
        if kind != Kind::Race {
            vm.array_push(values, Value::UNDEFINED);
        }
        let step = |vm: &mut Vm| -> JsResult<()> {
            let np = vm.call_function(resolve_fn, c, &[next])?;
            vm.roots.push(np);
            let rec = vm.new_object_with(CLASS_ORDINARY, Value::NULL);
            vm.obj_mut(rec).aux[0] = Value::FALSE;
            vm.roots.push(rec);
            let caps = [st, Value::int(index), rec];
            let args = match kind {
                Kind::Race => [cap.resolve, cap.reject],
                Kind::All => [
                    vm.native_closure("", all_resolve_element, 1, &caps),
                    cap.reject,
                ],
                Kind::AllSettled => {
                    let f = vm.native_closure("", settled_fulfilled, 1, &caps);
                    vm.roots.push(f);
                    [f, vm.native_closure("", settled_rejected, 1, &caps)]
                }
                Kind::Any => [
                    cap.resolve,
                    vm.native_closure("", any_reject_element, 1, &caps),
                ],
            };
            vm.roots.extend_from_slice(&args);
            if kind != Kind::Race {
                let n = vm.elems(st)[ST_REMAINING].as_int() + 1;
                vm.elems_mut(st)[ST_REMAINING] = Value::int(n);
            }
            invoke_then(vm, np, &args)?;
            Ok(())
        };
        step(vm).map_err(|t| (t, false))?;
        index += 1;
    }
    if kind != Kind::Race && count_down(vm, st) {
        if kind == Kind::Any {
            let vals = vm.elems(values).to_vec();
            let arr = vm.new_array_from(&vals);
            let e = aggregate_error(vm, arr);
            return Err((vm.throw_value(e), true));
        }
        finish(vm, st, kind).map_err(|t| (t, true))?;
    }
    Ok(())
}

fn combinator(vm: &mut Vm, a: &CallArgs, kind: Kind) -> JsResult<Value> {
    let c = a.this;
    let iterable = arg(vm, a, 0);
    rooted(vm, |vm| {
        let cap = vm.new_promise_capability(c)?;
        vm.roots
            .extend_from_slice(&[cap.promise, cap.resolve, cap.reject]);
        let reject = |vm: &mut Vm| -> JsResult<Value> {
            let e = vm.exception;
            vm.settle_capability(cap, true, e)?;
            Ok(cap.promise)
        };
        // GetPromiseResolve(C).
        let resolve_fn = match vm.get_by_name(c, "resolve") {
            Ok(f) if vm.is_callable(f) => f,
            Ok(_) => {
                let _ = vm.throw_type_error("Promise resolve is not a function");
                return reject(vm);
            }
            Err(_) => return reject(vm),
        };
        vm.roots.push(resolve_fn);
        let Ok(it) = vm.get_iterator(iterable) else {
            return reject(vm);
        };
        vm.roots.push(it);
        match perform(vm, kind, it, c, cap, resolve_fn) {
            Ok(()) => Ok(cap.promise),
            Err((_, done)) => {
                if !done {
                    close_after_throw(vm, it);
                }
                reject(vm)
            }
        }
    })
}

fn all(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    combinator(vm, a, Kind::All)
}
fn all_settled(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    combinator(vm, a, Kind::AllSettled)
}
fn any(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    combinator(vm, a, Kind::Any)
}
fn race(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    combinator(vm, a, Kind::Race)
}

pub(super) fn install(vm: &mut Vm, c: Value) {
    vm.method(c, "all", all, 1);
    vm.method(c, "allSettled", all_settled, 1);
    vm.method(c, "any", any, 1);
    vm.method(c, "race", race, 1);
}

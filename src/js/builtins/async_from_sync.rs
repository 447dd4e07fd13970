//! %AsyncFromSyncIteratorPrototype% (ES2025 27.1.6): `for await` over an iterable that has
//! no `Symbol.asyncIterator` iterates its sync iterator through this wrapper, whose
//! `next`/`return`/`throw` return promises of results with the sync values awaited.
//! A wrapper object keeps the sync iterator in `aux[0]`.

use super::arg;
use crate::js::atoms;
use crate::js::object::*;
use crate::js::value::Value;
use crate::js::vm::{CallArgs, JsResult, Vm, realm};

/// CreateAsyncFromSyncIterator (27.1.6.1).
pub fn create(vm: &mut Vm, sync: Value) -> Value {
    let proto = vm.realm[realm::ASYNC_FROM_SYNC_PROTO];
    let o = vm.new_object_with(CLASS_ORDINARY, proto);
    vm.obj_mut(o).aux[0] = sync;
    o
}

/// Calls `method` of the wrapped iterator with `v` (`name` absent: `absent` decides) and
/// continues with the result (AsyncFromSyncIteratorContinuation, 27.1.6.4); any error
/// rejects the returned promise.
fn step(
    vm: &mut Vm,
    a: &CallArgs,
    name: &str,
    absent: fn(&mut Vm, Value) -> JsResult<Value>,
) -> JsResult<Value> {
    let p = vm.new_promise();
    vm.roots.push(p);
    let sync = vm.obj(a.this).aux[0];
    let v = arg(vm, a, 0);
    let r = (|| {
        let key = vm.intern(name);
        let m = vm.get_named(sync, key)?;
        let result = if m.is_nullish() {
            return absent(vm, v);
        } else {
            let args: &[Value] = if a.argc > 0 { &[v] } else { &[] };
            vm.call_function(m, sync, args)?
        };
        if !result.is_object() {
            return Err(vm.throw_type_error("Iterator result is not an object"));
        }
        continuation(vm, result, sync, name != "return")
    })();
    vm.roots.pop();
    match r {
        Ok(q) => vm.resolve_promise(p, q),
        Err(_) => {
            let e = vm.exception;
            vm.reject_promise(p, e);
        }
    }
    Ok(p)
}

/// A promise of `{ value: await result.value, done: result.done }`. With `close_on_rejection`
/// (`next` and `throw`), a rejected value of an unfinished iterator closes the sync iterator
/// before the rejection passes on (ES2025 27.1.6.4 step 12).
fn continuation(
    vm: &mut Vm,
    result: Value,
    sync: Value,
    close_on_rejection: bool,
) -> JsResult<Value> {
    let done = vm.get_named(result, atoms::DONE)?;
    let done = Value::bool(vm.truthy(done));
    let value = vm.get_named(result, atoms::VALUE);
    let c = vm.realm[realm::PROMISE_CTOR];
    let wrapper = value.and_then(|v| vm.promise_resolve(c, v));
    let wrapper = match wrapper {
        Ok(w) => w,
        Err(e) => {
            if done == Value::FALSE && close_on_rejection {
                let thrown = vm.exception;
                close_quietly(vm, sync);
                vm.exception = thrown;
            }
            return Err(e);
        }
    };
    vm.roots.push(wrapper);
    let unwrap = vm.native_closure("", unwrap, 1, &[done]);
    vm.roots.push(unwrap);
    let on_rejected = if done == Value::FALSE && close_on_rejection {
        vm.native_closure("", close_and_rethrow, 1, &[sync])
    } else {
        Value::UNDEFINED
    };
    vm.roots.truncate(vm.roots.len() - 2);
    Ok(vm.promise_then(wrapper, unwrap, on_rejected))
}

/// IteratorClose(syncIteratorRecord, ThrowCompletion(error)): `return`'s own outcome is
/// ignored and the error passes on.
fn close_and_rethrow(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let sync = vm.obj(a.callee).aux[0];
    let e = arg(vm, a, 0);
    close_quietly(vm, sync);
    vm.exception = e;
    Err(crate::js::vm::Thrown)
}

/// Calls the sync iterator's `return`, if it has one, for a throw completion: whatever it
/// does (throwing included) is ignored.
fn close_quietly(vm: &mut Vm, sync: Value) {
    let key = vm.intern("return");
    if let Ok(f) = vm.get_named(sync, key)
        && vm.is_callable(f)
    {
        let _ = vm.call_function(f, sync, &[]);
    }
}

fn unwrap(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let done = vm.obj(a.callee).aux[0];
    let v = arg(vm, a, 0);
    Ok(vm.iter_result(v, done == Value::TRUE))
}

fn next(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    step(vm, a, "next", |vm, _| {
        Err(vm.throw_type_error("iterator.next is not a function"))
    })
}

fn r#return(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    step(vm, a, "return", |vm, v| Ok(vm.iter_result(v, true)))
}

fn throw(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    step(vm, a, "throw", |vm, _| {
        Err(vm.throw_type_error("The iterator does not provide a 'throw' method"))
    })
}

pub fn install(vm: &mut Vm) {
    let aip = vm.realm[realm::ASYNC_ITERATOR_PROTO];
    let p = vm.new_object_with(CLASS_ORDINARY, aip);
    vm.realm[realm::ASYNC_FROM_SYNC_PROTO] = p;
    vm.method(p, "next", next, 1);
    vm.method(p, "return", r#return, 1);
    vm.method(p, "throw", throw, 1);
}

//! `Array.fromAsync(items, mapfn, thisArg)` (ES2026 §23.1.2.2): the spec's async abstract
//! closure as a state machine. Its state lives in an internal array `st` that every
//! continuation captures; each `Await` is a `perform_then` on the awaited value's promise
//! whose handlers re-enter the machine, and any abrupt completion rejects the result promise
//! (closing the iterator first where the spec says IfAbruptCloseAsyncIterator).

use super::arg;
use super::array_generic::{create_k, kv, len_of, set_len};
use crate::js::atoms;
use crate::js::object::*;
use crate::js::value::Value;
use crate::js::vm::{CallArgs, JsResult, Vm, realm};

/// Slots of the state array.
const PROMISE: usize = 0;
const RESULT: usize = 1;
const MAPFN: usize = 2;
const THIS_ARG: usize = 3;
/// The iterator (iterator mode) or the array-like object.
const SOURCE: usize = 4;
/// The iterator's `next` method; undefined in array-like mode.
const NEXT: usize = 5;
const K: usize = 6;
/// The array-like's length (array-like mode).
const LEN: usize = 7;
/// The error an iterator is being closed for.
const ERROR: usize = 8;
const SLOTS: usize = 9;

/// What a fulfilled `Await` continues with.
#[derive(Clone, Copy)]
enum Resume {
    /// The iterator's next result.
    NextResult = 0,
    /// The mapped value of an iterator element.
    IterMapped = 1,
    /// An array-like element.
    Element = 2,
    /// The mapped value of an array-like element.
    ElemMapped = 3,
    /// `return()` settled while closing for ERROR: reject with it.
    Closed = 4,
}

fn slot(vm: &Vm, st: Value, i: usize) -> Value {
    vm.elems(st)[i]
}

fn set_slot(vm: &mut Vm, st: Value, i: usize, v: Value) {
    vm.elems_mut(st)[i] = v;
}

fn throw_not_callable(vm: &mut Vm, v: Value) -> crate::js::vm::Thrown {
    let d = vm.inspect(v);
    vm.throw_type_error(&format!("{d} is not a function"))
}

/// GetMethod (§7.3.10).
fn get_method(vm: &mut Vm, v: Value, key: PropKey) -> JsResult<Value> {
    let o = super::object::to_object(vm, v)?;
    let f = vm.get(o, key)?;
    if f.is_nullish() {
        return Ok(Value::UNDEFINED);
    }
    if !vm.is_callable(f) {
        return Err(throw_not_callable(vm, f));
    }
    Ok(f)
}

pub fn from_async(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let promise = vm.new_promise();
    let base = vm.roots.len();
    vm.roots.push(promise);
    let (items, mapfn, this_arg) = (arg(vm, a, 0), arg(vm, a, 1), arg(vm, a, 2));
    let mut init = [Value::UNDEFINED; SLOTS];
    init[PROMISE] = promise;
    init[MAPFN] = mapfn;
    init[THIS_ARG] = this_arg;
    init[K] = Value::int(0);
    let st = vm.new_array_from(&init);
    vm.roots.push(st);
    let r = start(vm, st, a.this, items);
    settle(vm, st, r);
    vm.roots.truncate(base);
    Ok(promise)
}

/// The closure's steps up to its first `Await`.
fn start(vm: &mut Vm, st: Value, c: Value, items: Value) -> JsResult<()> {
    let mapfn = slot(vm, st, MAPFN);
    if !mapfn.is_undefined() && !vm.is_callable(mapfn) {
        return Err(throw_not_callable(vm, mapfn));
    }
    let async_key = super::symbol::well_known(vm, "asyncIterator").map(PropKey::Atom);
    let sync_key = PropKey::Atom(vm.sym_iterator);
    let mut method = match async_key {
        Some(k) => get_method(vm, items, k)?,
        None => Value::UNDEFINED,
    };
    let is_async = !method.is_undefined();
    if !is_async {
        method = get_method(vm, items, sync_key)?;
    }
    if !method.is_undefined() {
        let mut iter = vm.call_function(method, items, &[])?;
        if !iter.is_object() {
            return Err(
                vm.throw_type_error("Result of the Symbol.iterator method is not an object")
            );
        }
        if !is_async {
            vm.roots.push(iter);
            iter = super::async_from_sync::create(vm, iter);
            vm.roots.push(iter);
        }
        set_slot(vm, st, SOURCE, iter);
        let next = vm.get_named(iter, atoms::NEXT)?;
        set_slot(vm, st, NEXT, next);
        let result = super::array::construct_this(vm, c, None)?;
        set_slot(vm, st, RESULT, result);
        return iter_step(vm, st);
    }
    let array_like = super::object::to_object(vm, items)?;
    set_slot(vm, st, SOURCE, array_like);
    let len = len_of(vm, array_like)?;
    set_slot(vm, st, LEN, Value::number(len));
    let result = super::array::construct_this(vm, c, Some(len))?;
    set_slot(vm, st, RESULT, result);
    elem_step(vm, st)
}

/// Rejects or resolves the result promise when a step ends abruptly or with a value.
fn settle(vm: &mut Vm, st: Value, r: JsResult<()>) {
    if r.is_err() {
        let e = vm.exception;
        let p = slot(vm, st, PROMISE);
        vm.reject_promise(p, e);
    }
}

/// `Await(v)`, continuing with `resume`.
fn await_value(vm: &mut Vm, st: Value, v: Value, resume: Resume) -> JsResult<()> {
    let c = vm.realm[realm::PROMISE_CTOR];
    let p = vm.promise_resolve(c, v)?;
    vm.roots.push(p);
    let which = Value::int(resume as i32);
    let ok = vm.native_closure("", on_fulfilled, 1, &[st, which]);
    vm.roots.push(ok);
    let err = vm.native_closure("", on_rejected, 1, &[st, which]);
    vm.perform_then(p, ok, err, None);
    vm.roots.truncate(vm.roots.len() - 2);
    Ok(())
}

fn on_fulfilled(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let (st, which) = (vm.obj(a.callee).aux[0], vm.obj(a.callee).aux[1].as_int());
    let v = arg(vm, a, 0);
    let base = vm.roots.len();
    vm.roots.push(st);
    let r = match which {
        0 => next_result(vm, st, v),
        1 => iter_define(vm, st, v),
        2 => element(vm, st, v),
        3 => elem_define(vm, st, v),
        _ => {
            let e = slot(vm, st, ERROR);
            vm.exception = e;
            Err(crate::js::vm::Thrown)
        }
    };
    settle(vm, st, r);
    vm.roots.truncate(base);
    Ok(Value::UNDEFINED)
}

fn on_rejected(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let (st, which) = (vm.obj(a.callee).aux[0], vm.obj(a.callee).aux[1].as_int());
    let e = arg(vm, a, 0);
    let base = vm.roots.len();
    vm.roots.push(st);
    let r = if which == Resume::IterMapped as i32 {
        // IfAbruptCloseAsyncIterator on a rejected mapping.
        close_iterator(vm, st, e)
    } else {
        let e = if which == Resume::Closed as i32 {
            slot(vm, st, ERROR)
        } else {
            e
        };
        vm.exception = e;
        Err(crate::js::vm::Thrown)
    };
    settle(vm, st, r);
    vm.roots.truncate(base);
    Ok(Value::UNDEFINED)
}

/// Iterator mode: call `next` and await its result.
fn iter_step(vm: &mut Vm, st: Value) -> JsResult<()> {
    let k = slot(vm, st, K).as_number();
    if k >= 9007199254740991.0 {
        let _ = vm.throw_type_error("Array.fromAsync: too many elements");
        let err = vm.exception;
        return close_iterator(vm, st, err);
    }
    let (next, iter) = (slot(vm, st, NEXT), slot(vm, st, SOURCE));
    if !vm.is_callable(next) {
        return Err(throw_not_callable(vm, next));
    }
    let r = vm.call_function(next, iter, &[])?;
    await_value(vm, st, r, Resume::NextResult)
}

fn next_result(vm: &mut Vm, st: Value, r: Value) -> JsResult<()> {
    if !r.is_object() {
        return Err(vm.throw_type_error("Iterator result is not an object"));
    }
    let done = vm.get_named(r, atoms::DONE)?;
    if vm.truthy(done) {
        let (result, k) = (slot(vm, st, RESULT), slot(vm, st, K).as_number());
        set_len(vm, result, k)?;
        let p = slot(vm, st, PROMISE);
        vm.resolve_promise(p, result);
        return Ok(());
    }
    let v = vm.get_named(r, atoms::VALUE)?;
    let mapfn = slot(vm, st, MAPFN);
    if mapfn.is_undefined() {
        return iter_define(vm, st, v);
    }
    let (this_arg, k) = (slot(vm, st, THIS_ARG), slot(vm, st, K));
    match vm.call_function(mapfn, this_arg, &[v, k]) {
        Ok(m) => await_value(vm, st, m, Resume::IterMapped),
        Err(_) => {
            let e = vm.exception;
            close_iterator(vm, st, e)
        }
    }
}

fn iter_define(vm: &mut Vm, st: Value, v: Value) -> JsResult<()> {
    let (result, k) = (slot(vm, st, RESULT), slot(vm, st, K).as_number());
    if create_k(vm, result, k, v).is_err() {
        let e = vm.exception;
        return close_iterator(vm, st, e);
    }
    set_slot(vm, st, K, kv(k + 1.0));
    iter_step(vm, st)
}

/// AsyncIteratorClose (§7.4.13) with a throw completion `err`: call `return` (if any),
/// await its result, then reject with `err` whatever it gave.
fn close_iterator(vm: &mut Vm, st: Value, err: Value) -> JsResult<()> {
    set_slot(vm, st, ERROR, err);
    let iter = slot(vm, st, SOURCE);
    let ret_key = vm.intern("return");
    let inner = vm.get_named(iter, ret_key).and_then(|f| {
        if f.is_nullish() {
            Ok(None)
        } else {
            vm.call_function(f, iter, &[]).map(Some)
        }
    });
    match inner {
        Ok(Some(r)) if await_value(vm, st, r, Resume::Closed).is_ok() => Ok(()),
        _ => {
            vm.exception = err;
            Err(crate::js::vm::Thrown)
        }
    }
}

/// Array-like mode: read element k and await it, or finish.
fn elem_step(vm: &mut Vm, st: Value) -> JsResult<()> {
    let (k, len) = (slot(vm, st, K).as_number(), slot(vm, st, LEN).as_number());
    if k >= len {
        let result = slot(vm, st, RESULT);
        set_len(vm, result, len)?;
        let p = slot(vm, st, PROMISE);
        vm.resolve_promise(p, result);
        return Ok(());
    }
    let src = slot(vm, st, SOURCE);
    let v = super::array_generic::get_k(vm, src, k)?;
    await_value(vm, st, v, Resume::Element)
}

fn element(vm: &mut Vm, st: Value, v: Value) -> JsResult<()> {
    let mapfn = slot(vm, st, MAPFN);
    if mapfn.is_undefined() {
        return elem_define(vm, st, v);
    }
    let (this_arg, k) = (slot(vm, st, THIS_ARG), slot(vm, st, K));
    let m = vm.call_function(mapfn, this_arg, &[v, k])?;
    await_value(vm, st, m, Resume::ElemMapped)
}

fn elem_define(vm: &mut Vm, st: Value, v: Value) -> JsResult<()> {
    let (result, k) = (slot(vm, st, RESULT), slot(vm, st, K).as_number());
    create_k(vm, result, k, v)?;
    set_slot(vm, st, K, kv(k + 1.0));
    elem_step(vm, st)
}

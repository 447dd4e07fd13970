//! `Iterator` (ES2025 27.1.3): the abstract constructor, %Iterator.prototype%'s accessor
//! properties and eager helpers (reduce, toArray, forEach, some, every, find), `Iterator.from`
//! with %WrapForValidIteratorPrototype%, and the iterator-record operations the helpers share
//! (IteratorStepValue, IteratorClose, GetIteratorFlattenable) over plain objects.
//! The lazy helpers (map, filter, …, concat) are `iterator_helper`'s.

use super::{arg, iterator_helper, symbol};
use crate::js::atoms;
use crate::js::object::*;
use crate::js::shape;
use crate::js::value::Value;
use crate::js::vm::{CallArgs, JsResult, NativeFn, Thrown, Vm, realm};

/// IteratorStep (ES2025 7.4.8) of the record (`it`, `next`): the result object, or None
/// when it is done.
pub(super) fn step(vm: &mut Vm, it: Value, next: Value) -> JsResult<Option<Value>> {
    let r = vm.call_function(next, it, &[])?;
    if !r.is_object() {
        let d = vm.short_describe(r);
        return Err(vm.throw_type_error(&format!("Iterator result {d} is not an object")));
    }
    vm.roots.push(r);
    let done = vm.get_named(r, atoms::DONE);
    vm.roots.pop();
    Ok(if vm.truthy(done?) { None } else { Some(r) })
}

/// IteratorStepValue (7.4.9): the next value, or None when done.
pub(super) fn step_value(vm: &mut Vm, it: Value, next: Value) -> JsResult<Option<Value>> {
    match step(vm, it, next)? {
        None => Ok(None),
        Some(r) => {
            vm.roots.push(r);
            let v = vm.get_named(r, atoms::VALUE);
            vm.roots.pop();
            v.map(Some)
        }
    }
}

/// IteratorClose (7.4.11) with a throw completion (the pending exception): `return` is
/// called if there is one, and whatever it does the original exception is thrown again.
pub(super) fn close_throwing(vm: &mut Vm, it: Value) -> Thrown {
    let (exc, site) = (vm.exception, vm.throw_site.clone());
    vm.roots.push(exc);
    let key = vm.intern("return");
    if let Ok(f) = vm.get_named(it, key)
        && vm.is_callable(f)
    {
        let _ = vm.call_function(f, it, &[]);
    }
    vm.roots.pop();
    vm.exception = exc;
    vm.throw_site = site;
    Thrown
}

/// IteratorClose with a normal or return completion: errors of `return` propagate, and its
/// result must be an object.
pub(super) fn close_normal(vm: &mut Vm, it: Value) -> JsResult<()> {
    let key = vm.intern("return");
    let f = vm.get_named(it, key)?;
    if f.is_nullish() {
        return Ok(());
    }
    if !vm.is_callable(f) {
        let d = vm.short_describe(f);
        return Err(vm.throw_type_error(&format!("{d} is not a function")));
    }
    let r = vm.call_function(f, it, &[])?;
    if !r.is_object() {
        let d = vm.short_describe(r);
        return Err(vm.throw_type_error(&format!("Iterator result {d} is not an object")));
    }
    Ok(())
}

/// GetIteratorFlattenable (7.4.13): the iterator record (iterator, next method) of `v`;
/// primitives are rejected unless `strings` and `v` is a string.
pub(super) fn get_iterator_flattenable(
    vm: &mut Vm,
    v: Value,
    strings: bool,
) -> JsResult<(Value, Value)> {
    if !(v.is_object() || strings && v.is_string()) {
        let d = vm.short_describe(v);
        return Err(vm.throw_type_error(&format!("{d} is not an object")));
    }
    let sym = vm.sym_iterator;
    let m = vm.get_named(v, sym)?;
    let it = if m.is_nullish() {
        v
    } else if vm.is_callable(m) {
        vm.call_function(m, v, &[])?
    } else {
        let d = vm.short_describe(m);
        return Err(vm.throw_type_error(&format!("{d} is not a function")));
    };
    if !it.is_object() {
        let d = vm.short_describe(it);
        return Err(vm.throw_type_error(&format!("{d} is not an object")));
    }
    vm.roots.push(it);
    let next = vm.get_named(it, atoms::NEXT);
    vm.roots.pop();
    Ok((it, next?))
}

/// The receiver of an `Iterator.prototype` method: an object, or a TypeError.
pub(super) fn this_iterator(vm: &mut Vm, a: &CallArgs, name: &str) -> JsResult<Value> {
    if a.this.is_object() {
        Ok(a.this)
    } else {
        Err(vm.throw_type_error(&format!("Iterator.prototype.{name} called on non-object")))
    }
}

/// Argument 0 as a callback; otherwise the receiver `o` is closed and a TypeError thrown
/// (the helpers' step 4: IfAbruptCloseIterator before GetIteratorDirect).
pub(super) fn callback_or_close(vm: &mut Vm, a: &CallArgs, o: Value) -> JsResult<Value> {
    let f = arg(vm, a, 0);
    if vm.is_callable(f) {
        return Ok(f);
    }
    let d = vm.short_describe(f);
    vm.throw_type_error(&format!("{d} is not a function"));
    Err(close_throwing(vm, o))
}

/// 27.1.3.1 Iterator ( ): abstract, so only reachable through a subclass's `super()`.
fn iterator_ctor(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    if a.new_target.is_undefined() {
        return Err(vm.throw_type_error("Constructor Iterator requires 'new'"));
    }
    if a.new_target == a.callee {
        return Err(vm.throw_type_error("Abstract class Iterator not directly constructable"));
    }
    let proto = vm.proto_from_new_target(a, realm::ITERATOR_PROTO)?;
    Ok(vm.new_object_with(CLASS_ORDINARY, proto))
}

/// SetterThatIgnoresPrototypeProperties (27.1.4.1 / 27.1.4.14 setters): writes `v` to the
/// receiver's own property `key`, never to %Iterator.prototype% itself.
fn setter_ignoring_proto(vm: &mut Vm, a: &CallArgs, key: PropKey) -> JsResult<Value> {
    let o = a.this;
    if !o.is_object() {
        return Err(vm.throw_type_error("Iterator setter called on non-object"));
    }
    if o == vm.realm[realm::ITERATOR_PROTO] {
        return Err(
            vm.throw_type_error("Cannot assign to read only property of Iterator.prototype")
        );
    }
    let v = arg(vm, a, 0);
    let exists = vm.has_own(o, key);
    if !exists {
        let d = crate::js::define::PropDesc::data(v, shape::DEFAULT);
        if !vm.define_own_property(o, key, d)? {
            let kv = vm.key_value(key);
            let k = vm.str_to_string(kv);
            return Err(vm.throw_type_error(&format!("Cannot define property {k}")));
        }
    } else {
        super::array_generic::set_key(vm, o, key, v)?;
    }
    Ok(Value::UNDEFINED)
}

fn constructor_get(vm: &mut Vm, _a: &CallArgs) -> JsResult<Value> {
    Ok(vm.realm[realm::ITERATOR_CTOR])
}
fn constructor_set(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    setter_ignoring_proto(vm, a, PropKey::Atom(atoms::CONSTRUCTOR))
}
fn tag_get(vm: &mut Vm, _a: &CallArgs) -> JsResult<Value> {
    Ok(vm.new_str("Iterator"))
}
fn tag_set(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let key = symbol::well_known(vm, "toStringTag").map(PropKey::Atom);
    match key {
        Some(k) => setter_ignoring_proto(vm, a, k),
        None => Ok(Value::UNDEFINED),
    }
}

/// 27.1.3.2.1 Iterator.from ( O ).
fn from(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let (it, next) = get_iterator_flattenable(vm, arg(vm, a, 0), true)?;
    // OrdinaryHasInstance(%Iterator%, iterator): %Iterator.prototype% on its chain.
    let ip = vm.realm[realm::ITERATOR_PROTO];
    let mut p = vm.obj(it).proto;
    while p.is_object() {
        if p == ip {
            return Ok(it);
        }
        p = vm.obj(p).proto;
    }
    vm.roots.push(it);
    vm.roots.push(next);
    let wp = vm.realm[realm::WRAP_ITER_PROTO];
    let w = vm.new_object_with(CLASS_WRAP_ITER, wp);
    vm.roots.truncate(vm.roots.len() - 2);
    let o = vm.obj_mut(w);
    o.aux[0] = it;
    o.aux[1] = next;
    Ok(w)
}

fn this_wrapper(vm: &mut Vm, a: &CallArgs, name: &str) -> JsResult<(Value, Value)> {
    let w = a.this;
    if w.is_object() && vm.class_of(w) == CLASS_WRAP_ITER {
        return Ok((vm.obj(w).aux[0], vm.obj(w).aux[1]));
    }
    let d = vm.short_describe(w);
    Err(vm.throw_type_error(&format!(
        "Method %WrapForValidIteratorPrototype%.{name} called on incompatible receiver {d}"
    )))
}

/// 27.1.3.2.1.1.1 %WrapForValidIteratorPrototype%.next ( ).
fn wrap_next(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let (it, next) = this_wrapper(vm, a, "next")?;
    vm.call_function(next, it, &[])
}

/// 27.1.3.2.1.1.2 %WrapForValidIteratorPrototype%.return ( ).
fn wrap_return(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let (it, _) = this_wrapper(vm, a, "return")?;
    let key = vm.intern("return");
    let f = vm.get_named(it, key)?;
    if f.is_nullish() {
        return Ok(vm.iter_result(Value::UNDEFINED, true));
    }
    if !vm.is_callable(f) {
        let d = vm.short_describe(f);
        return Err(vm.throw_type_error(&format!("{d} is not a function")));
    }
    vm.call_function(f, it, &[])
}

#[derive(Clone, Copy, PartialEq)]
enum Eager {
    ForEach,
    Some,
    Every,
    Find,
}

/// forEach / some / every / find (27.1.4.5, .12, .4, .6): the predicate gets (value,
/// counter); an exception from it closes the iterator, and so does an early answer.
fn eager(vm: &mut Vm, a: &CallArgs, kind: Eager, name: &str) -> JsResult<Value> {
    let o = this_iterator(vm, a, name)?;
    let f = callback_or_close(vm, a, o)?;
    let next = vm.get_named(o, atoms::NEXT)?;
    let base = vm.roots.len();
    vm.roots.push(next);
    let r = (|| {
        let mut counter = 0.0;
        while let Some(v) = step_value(vm, o, next)? {
            vm.roots.push(v);
            let r = match vm.call_function(f, Value::UNDEFINED, &[v, Value::number(counter)]) {
                Ok(r) => r,
                Err(_) => return Err(close_throwing(vm, o)),
            };
            vm.roots.pop();
            let answer = match kind {
                Eager::ForEach => None,
                Eager::Some => vm.truthy(r).then_some(Value::TRUE),
                Eager::Every => (!vm.truthy(r)).then_some(Value::FALSE),
                Eager::Find => vm.truthy(r).then_some(v),
            };
            if let Some(ans) = answer {
                vm.roots.push(ans);
                close_normal(vm, o)?;
                return Ok(ans);
            }
            counter += 1.0;
        }
        Ok(match kind {
            Eager::Some => Value::FALSE,
            Eager::Every => Value::TRUE,
            _ => Value::UNDEFINED,
        })
    })();
    vm.roots.truncate(base);
    r
}
fn for_each(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    eager(vm, a, Eager::ForEach, "forEach")
}
fn some(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    eager(vm, a, Eager::Some, "some")
}
fn every(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    eager(vm, a, Eager::Every, "every")
}
fn find(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    eager(vm, a, Eager::Find, "find")
}

/// 27.1.4.8 Iterator.prototype.reduce ( reducer [ , initialValue ] ).
fn reduce(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let o = this_iterator(vm, a, "reduce")?;
    let f = callback_or_close(vm, a, o)?;
    let next = vm.get_named(o, atoms::NEXT)?;
    let base = vm.roots.len();
    vm.roots.push(next);
    let r = (|| {
        let (mut acc, mut counter) = if a.argc >= 2 {
            (arg(vm, a, 1), 0.0)
        } else {
            match step_value(vm, o, next)? {
                Some(v) => (v, 1.0),
                None => {
                    return Err(
                        vm.throw_type_error("Reduce of empty iterator with no initial value")
                    );
                }
            }
        };
        loop {
            vm.roots.push(acc);
            let Some(v) = step_value(vm, o, next)? else {
                return Ok(acc);
            };
            vm.roots.push(v);
            acc = match vm.call_function(f, Value::UNDEFINED, &[acc, v, Value::number(counter)]) {
                Ok(r) => r,
                Err(_) => return Err(close_throwing(vm, o)),
            };
            vm.roots.truncate(vm.roots.len() - 2);
            counter += 1.0;
        }
    })();
    vm.roots.truncate(base);
    r
}

/// 27.1.4.13 Iterator.prototype.toArray ( ).
fn to_array(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let o = this_iterator(vm, a, "toArray")?;
    let next = vm.get_named(o, atoms::NEXT)?;
    let base = vm.roots.len();
    vm.roots.push(next);
    let out = vm.new_array(0);
    vm.roots.push(out);
    let r = (|| {
        while let Some(v) = step_value(vm, o, next)? {
            vm.array_push(out, v);
        }
        Ok(out)
    })();
    vm.roots.truncate(base);
    r
}

pub fn install(vm: &mut Vm) {
    let ip = vm.realm[realm::ITERATOR_PROTO];
    // %Iterator%: its `prototype` is non-writable and non-configurable (27.1.3.2.2).
    let c = vm.native_fn("Iterator", iterator_ctor, 0);
    vm.obj_mut(c).hdr.flags |= FLAG_NATIVE_CTOR;
    vm.define_own(c, PropKey::Atom(atoms::PROTOTYPE), ip, 0);
    let g = vm.global;
    vm.put(g, "Iterator", c, shape::HIDDEN);
    vm.realm[realm::ITERATOR_CTOR] = c;
    vm.method(c, "from", from, 1);
    iterator_helper::install_concat(vm, c);
    // 27.1.4.1 and 27.1.4.14: accessors, so that assigning `constructor` or the tag on an
    // iterator object defines an own property instead of failing on the prototype's.
    let cg = vm.native_fn("get constructor", constructor_get, 0);
    let cs = vm.native_fn("set constructor", constructor_set, 1);
    vm.define_accessor(ip, PropKey::Atom(atoms::CONSTRUCTOR), cg, true, false);
    vm.define_accessor(ip, PropKey::Atom(atoms::CONSTRUCTOR), cs, false, false);
    if let Some(tag) = symbol::well_known(vm, "toStringTag") {
        let tg = vm.native_fn("get [Symbol.toStringTag]", tag_get, 0);
        let ts = vm.native_fn("set [Symbol.toStringTag]", tag_set, 1);
        vm.define_accessor(ip, PropKey::Atom(tag), tg, true, false);
        vm.define_accessor(ip, PropKey::Atom(tag), ts, false, false);
    }
    let fns: &[(&'static str, NativeFn, u32)] = &[
        ("reduce", reduce, 1),
        ("toArray", to_array, 0),
        ("forEach", for_each, 1),
        ("some", some, 1),
        ("every", every, 1),
        ("find", find, 1),
    ];
    for &(n, f, l) in fns {
        vm.method(ip, n, f, l);
    }
    iterator_helper::install(vm, ip);
    let wp = vm.new_object_with(CLASS_ORDINARY, ip);
    vm.realm[realm::WRAP_ITER_PROTO] = wp;
    vm.method(wp, "next", wrap_next, 0);
    vm.method(wp, "return", wrap_return, 0);
}

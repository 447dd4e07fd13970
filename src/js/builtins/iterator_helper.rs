//! The lazy iterator helpers: `Iterator.prototype.{map, filter, take, drop, flatMap}` (ES2025
//! 27.1.4) and `Iterator.concat` (ES2026 27.1.3.2.1), whose results are %IteratorHelperPrototype%
//! objects (27.1.2.1). The spec writes each helper as an abstract closure run as a generator;
//! here each is a resumable step function over the helper's state (a `CLASS_ITER_HELPER`
//! object, layout in `object.rs`) with the generator states of 27.5.3: re-entering a running
//! helper is a TypeError, `return` before the first `next` closes the underlying iterator
//! without running the closure, and an exception from the closure completes the helper.

use super::arg;
use super::iterator::*;
use crate::js::atoms;
use crate::js::object::*;
use crate::js::value::Value;
use crate::js::vm::{CallArgs, JsResult, NativeFn, Vm, realm};

const MAP: u32 = 0;
const FILTER: u32 = 1;
const TAKE: u32 = 2;
const DROP: u32 = 3;
const FLAT_MAP: u32 = 4;
const CONCAT: u32 = 5;

const START: u32 = 0;
const YIELD: u32 = 1;
const RUNNING: u32 = 2;
const DONE: u32 = 3;

fn kind(vm: &Vm, h: Value) -> u32 {
    vm.obj(h).hdr.aux & 0xff
}
fn state(vm: &Vm, h: Value) -> u32 {
    vm.obj(h).hdr.aux >> 8
}
fn set_state(vm: &mut Vm, h: Value, s: u32) {
    let o = vm.obj_mut(h);
    o.hdr.aux = (o.hdr.aux & 0xff) | (s << 8);
}

/// A new helper over the record (`it`, `next`) with kind-specific state `extra`.
fn new_helper(vm: &mut Vm, kind: u32, it: Value, next: Value, extra: Value) -> Value {
    let base = vm.roots.len();
    vm.roots.extend_from_slice(&[it, next, extra]);
    let p = vm.realm[realm::ITER_HELPER_PROTO];
    let h = vm.new_object_with(CLASS_ITER_HELPER, p);
    vm.roots.truncate(base);
    let o = vm.obj_mut(h);
    o.hdr.aux = kind | (START << 8);
    o.aux = [it, next, extra];
    o.code = 0;
    h
}

/// map / filter / flatMap (27.1.4.9, .3, .7): callable check (closing the receiver), then
/// GetIteratorDirect.
fn with_callback(vm: &mut Vm, a: &CallArgs, kind: u32, name: &str) -> JsResult<Value> {
    let o = this_iterator(vm, a, name)?;
    let f = callback_or_close(vm, a, o)?;
    let next = vm.get_named(o, atoms::NEXT)?;
    let extra = if kind == FLAT_MAP {
        // [mapper, inner iterator, inner next method]
        vm.roots.push(next);
        let x = vm.new_array_from(&[f, Value::UNDEFINED, Value::UNDEFINED]);
        vm.roots.pop();
        x
    } else {
        f
    };
    Ok(new_helper(vm, kind, o, next, extra))
}
fn map(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    with_callback(vm, a, MAP, "map")
}
fn filter(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    with_callback(vm, a, FILTER, "filter")
}
fn flat_map(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    with_callback(vm, a, FLAT_MAP, "flatMap")
}

/// take / drop (27.1.4.11, .2): the limit is converted (a throw, NaN, a negative or an
/// unsafe finite integer closes the receiver) before GetIteratorDirect.
fn with_limit(vm: &mut Vm, a: &CallArgs, kind: u32, name: &str) -> JsResult<Value> {
    let o = this_iterator(vm, a, name)?;
    let n = match vm.to_number(arg(vm, a, 0)) {
        Ok(n) => n,
        Err(_) => return Err(close_throwing(vm, o)),
    };
    let limit = n.trunc() + 0.0;
    if n.is_nan() || limit < 0.0 || (limit.is_finite() && limit > 9007199254740991.0) {
        let shown = vm.short_describe(arg(vm, a, 0));
        vm.throw_range_error(&format!("{shown} must be positive"));
        return Err(close_throwing(vm, o));
    }
    let next = vm.get_named(o, atoms::NEXT)?;
    Ok(new_helper(vm, kind, o, next, Value::number(limit)))
}
fn take(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    with_limit(vm, a, TAKE, "take")
}
fn drop(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    with_limit(vm, a, DROP, "drop")
}

/// Iterator.concat ( ...items ): every item must be an object with a `Symbol.iterator`
/// method, read once here; the iterators are opened one by one as the helper runs.
fn concat(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let list = vm.new_array(0);
    vm.roots.push(list);
    let r = (|| {
        for i in 0..a.argc {
            let item = arg(vm, a, i);
            if !item.is_object() {
                let d = vm.short_describe(item);
                return Err(vm.throw_type_error(&format!("{d} is not an object")));
            }
            let sym = vm.sym_iterator;
            let m = vm.get_named(item, sym)?;
            if !vm.is_callable(m) {
                let d = vm.short_describe(item);
                return Err(vm.throw_type_error(&format!("{d} is not iterable")));
            }
            vm.array_push(list, m);
            vm.array_push(list, item);
        }
        Ok(new_helper(
            vm,
            CONCAT,
            Value::UNDEFINED,
            Value::UNDEFINED,
            list,
        ))
    })();
    vm.roots.pop();
    r
}

/// Calls the helper's callback with (value, counter); an exception closes the underlying
/// iterator (IfAbruptCloseIterator).
fn call_back(vm: &mut Vm, h: Value, f: Value, v: Value) -> JsResult<Value> {
    let it = vm.obj(h).aux[0];
    let counter = vm.obj(h).code;
    vm.obj_mut(h).code += 1;
    match vm.call_function(f, Value::UNDEFINED, &[v, Value::number(counter as f64)]) {
        Ok(r) => Ok(r),
        Err(_) => Err(close_throwing(vm, it)),
    }
}

/// Runs the helper's closure from where it stopped to its next yield (Some) or its end.
fn run(vm: &mut Vm, h: Value) -> JsResult<Option<Value>> {
    let [it, next, extra] = vm.obj(h).aux;
    match kind(vm, h) {
        MAP => {
            let Some(v) = step_value(vm, it, next)? else {
                return Ok(None);
            };
            vm.roots.push(v);
            let r = call_back(vm, h, extra, v);
            vm.roots.pop();
            r.map(Some)
        }
        FILTER => loop {
            let Some(v) = step_value(vm, it, next)? else {
                return Ok(None);
            };
            vm.roots.push(v);
            let r = call_back(vm, h, extra, v);
            vm.roots.pop();
            if vm.truthy(r?) {
                return Ok(Some(v));
            }
        },
        TAKE => {
            let remaining = extra.as_number();
            if remaining == 0.0 {
                close_normal(vm, it)?;
                return Ok(None);
            }
            vm.obj_mut(h).aux[2] = Value::number(remaining - 1.0);
            step_value(vm, it, next)
        }
        DROP => {
            let mut remaining = extra.as_number();
            while remaining > 0.0 {
                remaining -= 1.0;
                vm.obj_mut(h).aux[2] = Value::number(remaining);
                if step(vm, it, next)?.is_none() {
                    return Ok(None);
                }
            }
            step_value(vm, it, next)
        }
        FLAT_MAP => loop {
            let [f, inner, inner_next] = {
                let e = vm.elems(extra);
                [e[0], e[1], e[2]]
            };
            if inner.is_object() {
                match step_value(vm, inner, inner_next) {
                    Ok(Some(v)) => return Ok(Some(v)),
                    Ok(None) => vm.elems_mut(extra)[1] = Value::UNDEFINED,
                    Err(_) => return Err(close_throwing(vm, it)),
                }
                continue;
            }
            let Some(v) = step_value(vm, it, next)? else {
                return Ok(None);
            };
            vm.roots.push(v);
            let mapped = call_back(vm, h, f, v);
            vm.roots.pop();
            let mapped = mapped?;
            vm.roots.push(mapped);
            let r = get_iterator_flattenable(vm, mapped, false);
            vm.roots.pop();
            match r {
                Ok((i, n)) => {
                    let e = vm.elems_mut(extra);
                    e[1] = i;
                    e[2] = n;
                }
                Err(_) => return Err(close_throwing(vm, it)),
            }
        },
        CONCAT => loop {
            let [it, next, _] = vm.obj(h).aux;
            if it.is_object() {
                if let Some(v) = step_value(vm, it, next)? {
                    return Ok(Some(v));
                }
                vm.obj_mut(h).aux[0] = Value::UNDEFINED;
            }
            let i = vm.obj(h).code;
            if 2 * i >= vm.elems(extra).len() {
                return Ok(None);
            }
            vm.obj_mut(h).code += 1;
            let (m, item) = (vm.elems(extra)[2 * i], vm.elems(extra)[2 * i + 1]);
            let it2 = vm.call_function(m, item, &[])?;
            if !it2.is_object() {
                let d = vm.short_describe(it2);
                return Err(vm.throw_type_error(&format!("{d} is not an object")));
            }
            vm.roots.push(it2);
            let n = vm.get_named(it2, atoms::NEXT);
            vm.roots.pop();
            let n = n?;
            let o = vm.obj_mut(h);
            o.aux[0] = it2;
            o.aux[1] = n;
        },
        _ => Ok(None),
    }
}

fn this_helper(vm: &mut Vm, a: &CallArgs, name: &str) -> JsResult<Value> {
    let h = a.this;
    if h.is_object() && vm.class_of(h) == CLASS_ITER_HELPER {
        if state(vm, h) == RUNNING {
            return Err(vm.throw_type_error("Generator is already running"));
        }
        return Ok(h);
    }
    let d = vm.short_describe(h);
    Err(vm.throw_type_error(&format!(
        "Method Iterator Helper.prototype.{name} called on incompatible receiver {d}"
    )))
}

/// %IteratorHelperPrototype%.next ( ) (27.1.2.1.1): GeneratorResume.
fn helper_next(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let h = this_helper(vm, a, "next")?;
    if state(vm, h) == DONE {
        return Ok(vm.iter_result(Value::UNDEFINED, true));
    }
    set_state(vm, h, RUNNING);
    match run(vm, h) {
        Ok(Some(v)) => {
            set_state(vm, h, YIELD);
            vm.roots.push(v);
            let r = vm.iter_result(v, false);
            vm.roots.pop();
            Ok(r)
        }
        Ok(None) => {
            set_state(vm, h, DONE);
            Ok(vm.iter_result(Value::UNDEFINED, true))
        }
        Err(e) => {
            set_state(vm, h, DONE);
            Err(e)
        }
    }
}

/// %IteratorHelperPrototype%.return ( ) (27.1.2.1.2): before the first `next` the
/// underlying iterator is closed directly; at a yield the closure resumes with a return
/// completion, which closes the inner iterator (flatMap, concat) and then the underlying one.
fn helper_return(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let h = this_helper(vm, a, "return")?;
    let k = kind(vm, h);
    let [it, _, extra] = vm.obj(h).aux;
    let r = match state(vm, h) {
        DONE => Ok(()),
        START => {
            set_state(vm, h, DONE);
            if k == CONCAT {
                Ok(())
            } else {
                close_normal(vm, it)
            }
        }
        _ => {
            set_state(vm, h, RUNNING);
            let r = match k {
                CONCAT => close_normal(vm, it),
                FLAT_MAP => {
                    let inner = vm.elems(extra)[1];
                    match close_normal(vm, inner) {
                        Ok(()) => close_normal(vm, it),
                        Err(_) => Err(close_throwing(vm, it)),
                    }
                }
                _ => close_normal(vm, it),
            };
            set_state(vm, h, DONE);
            r
        }
    };
    r?;
    Ok(vm.iter_result(Value::UNDEFINED, true))
}

/// Installs `Iterator.concat` on the constructor `c`.
pub(super) fn install_concat(vm: &mut Vm, c: Value) {
    vm.method(c, "concat", concat, 0);
}

/// Installs the lazy helpers on %Iterator.prototype% `ip` and makes
/// %IteratorHelperPrototype%.
pub(super) fn install(vm: &mut Vm, ip: Value) {
    let fns: &[(&'static str, NativeFn, u32)] = &[
        ("map", map, 1),
        ("filter", filter, 1),
        ("take", take, 1),
        ("drop", drop, 1),
        ("flatMap", flat_map, 1),
    ];
    for &(n, f, l) in fns {
        vm.method(ip, n, f, l);
    }
    let hp = vm.new_object_with(CLASS_ORDINARY, ip);
    vm.realm[realm::ITER_HELPER_PROTO] = hp;
    vm.method(hp, "next", helper_next, 0);
    vm.method(hp, "return", helper_return, 0);
    super::to_string_tag(vm, hp, "Iterator Helper");
}

//! Set methods taking another set-like (ECMA-262 24.2.4): union, intersection, difference,
//! symmetricDifference, isSubsetOf, isSupersetOf, isDisjointFrom, through GetSetRecord
//! (`size`, `has`, `keys` of the argument).

use super::arg;
use super::array_generic::rooted;
use super::map::map_set_raw;
use crate::js::object::*;
use crate::js::value::Value;
use crate::js::vm::{CallArgs, JsResult, NativeFn, Vm, realm};

struct SetRecord {
    obj: Value,
    size: f64,
    has: Value,
    keys: Value,
}

fn this_set(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let t = a.this;
    if t.is_object() && vm.class_of(t) == CLASS_SET && !vm.obj(t).map.is_null() {
        Ok(t)
    } else {
        Err(vm.throw_type_error("Method Set.prototype function called on incompatible receiver"))
    }
}

/// GetSetRecord (24.2.1.2).
fn set_record(vm: &mut Vm, o: Value) -> JsResult<SetRecord> {
    if !o.is_object() {
        return Err(vm.throw_type_error("The argument must be an object"));
    }
    let raw = vm.get_by_name(o, "size")?;
    let n = vm.to_number(raw)?;
    if n.is_nan() {
        return Err(vm.throw_type_error("The 'size' property must be a number"));
    }
    let size = vm.to_integer(Value::number(n))?;
    if size < 0.0 {
        return Err(vm.throw_range_error("'size' must not be negative"));
    }
    let has = vm.get_by_name(o, "has")?;
    if !vm.is_callable(has) {
        return Err(vm.throw_type_error("The 'has' property must be a function"));
    }
    vm.roots.push(has);
    let keys = vm.get_by_name(o, "keys")?;
    if !vm.is_callable(keys) {
        return Err(vm.throw_type_error("The 'keys' property must be a function"));
    }
    vm.roots.push(keys);
    Ok(SetRecord {
        obj: o,
        size,
        has,
        keys,
    })
}

fn contains(vm: &mut Vm, s: Value, v: Value) -> bool {
    let k = vm.map_key(v);
    vm.map_data(s).index.contains_key(&k)
}
fn remove(vm: &mut Vm, s: Value, v: Value) {
    let k = vm.map_key(v);
    let d = vm.map_data(s);
    if let Some(i) = d.index.remove(&k) {
        d.entries[i] = (Value::EMPTY, Value::UNDEFINED);
        d.size -= 1;
        d.dead += 1;
        d.maybe_compact();
    }
}
fn size_of(vm: &mut Vm, s: Value) -> f64 {
    vm.map_data(s).size as f64
}
/// The live element at position `i` of the set's entries (None past the end).
fn entry(vm: &mut Vm, s: Value, i: usize) -> Option<Value> {
    let d = vm.map_data(s);
    d.entries.get(i).map(|e| e.0)
}
fn copy_set(vm: &mut Vm, s: Value) -> Value {
    let p = vm.realm[realm::SET_PROTO];
    let r = vm.new_object_with(CLASS_SET, p);
    vm.obj_mut(r).map = Box::into_raw(Box::default());
    let items: Vec<Value> = vm
        .map_data(s)
        .entries
        .iter()
        .map(|e| e.0)
        .filter(|v| !v.is_empty())
        .collect();
    for v in items {
        map_set_raw(vm, r, v, v);
    }
    r
}
fn canon(v: Value) -> Value {
    if v.is_number() && v.as_number() == 0.0 {
        Value::int(0)
    } else {
        v
    }
}

/// Calls `rec.has(v)` and converts the result to a boolean.
fn rec_has(vm: &mut Vm, rec: &SetRecord, v: Value) -> JsResult<bool> {
    let r = vm.call_function(rec.has, rec.obj, &[v])?;
    Ok(vm.truthy(r))
}

/// An iterator over `rec.keys()`: (iterator, next method).
fn rec_keys(vm: &mut Vm, rec: &SetRecord) -> JsResult<(Value, Value)> {
    let it = vm.call_function(rec.keys, rec.obj, &[])?;
    if !it.is_object() {
        return Err(vm.throw_type_error("keys() did not return an object"));
    }
    vm.roots.push(it);
    let next = vm.get_by_name(it, "next")?;
    vm.roots.push(next);
    Ok((it, next))
}
/// The next value of the iterator, or None when done.
fn step(vm: &mut Vm, it: Value, next: Value) -> JsResult<Option<Value>> {
    let r = vm.call_function(next, it, &[])?;
    if !r.is_object() {
        return Err(vm.throw_type_error("Iterator result is not an object"));
    }
    let d = vm.get_by_name(r, "done")?;
    if vm.truthy(d) {
        return Ok(None);
    }
    let v = vm.get_by_name(r, "value")?;
    vm.roots.push(v);
    Ok(Some(v))
}
fn close(vm: &mut Vm, it: Value) -> JsResult<()> {
    let r = vm.get_by_name(it, "return")?;
    if !r.is_nullish() {
        let res = vm.call_function(r, it, &[])?;
        if !res.is_object() {
            return Err(vm.throw_type_error("Iterator result is not an object"));
        }
    }
    Ok(())
}

fn union(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    rooted(vm, |vm| {
        let s = this_set(vm, a)?;
        let rec = set_record(vm, arg(vm, a, 0))?;
        let (it, next) = rec_keys(vm, &rec)?;
        let r = copy_set(vm, s);
        vm.roots.push(r);
        while let Some(v) = step(vm, it, next)? {
            let v = canon(v);
            map_set_raw(vm, r, v, v);
        }
        Ok(r)
    })
}

fn intersection(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    rooted(vm, |vm| {
        let s = this_set(vm, a)?;
        let rec = set_record(vm, arg(vm, a, 0))?;
        let p = vm.realm[realm::SET_PROTO];
        let r = vm.new_object_with(CLASS_SET, p);
        vm.obj_mut(r).map = Box::into_raw(Box::default());
        vm.roots.push(r);
        if size_of(vm, s) <= rec.size {
            let mut i = 0;
            while let Some(e) = entry(vm, s, i) {
                i += 1;
                if e.is_empty() {
                    continue;
                }
                vm.roots.push(e);
                if rec_has(vm, &rec, e)? {
                    map_set_raw(vm, r, e, e);
                }
            }
        } else {
            let (it, next) = rec_keys(vm, &rec)?;
            while let Some(v) = step(vm, it, next)? {
                let v = canon(v);
                if contains(vm, s, v) {
                    map_set_raw(vm, r, v, v);
                }
            }
        }
        Ok(r)
    })
}

fn difference(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    rooted(vm, |vm| {
        let s = this_set(vm, a)?;
        let rec = set_record(vm, arg(vm, a, 0))?;
        let r = copy_set(vm, s);
        vm.roots.push(r);
        if size_of(vm, s) <= rec.size {
            let mut i = 0;
            while let Some(e) = entry(vm, s, i) {
                i += 1;
                if e.is_empty() {
                    continue;
                }
                vm.roots.push(e);
                if rec_has(vm, &rec, e)? {
                    remove(vm, r, e);
                }
            }
        } else {
            let (it, next) = rec_keys(vm, &rec)?;
            while let Some(v) = step(vm, it, next)? {
                remove(vm, r, canon(v));
            }
        }
        Ok(r)
    })
}

fn symmetric_difference(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    rooted(vm, |vm| {
        let s = this_set(vm, a)?;
        let rec = set_record(vm, arg(vm, a, 0))?;
        let (it, next) = rec_keys(vm, &rec)?;
        let r = copy_set(vm, s);
        vm.roots.push(r);
        while let Some(v) = step(vm, it, next)? {
            let v = canon(v);
            if contains(vm, s, v) {
                remove(vm, r, v);
            } else if !contains(vm, r, v) {
                map_set_raw(vm, r, v, v);
            }
        }
        Ok(r)
    })
}

fn is_subset_of(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    rooted(vm, |vm| {
        let s = this_set(vm, a)?;
        let rec = set_record(vm, arg(vm, a, 0))?;
        if size_of(vm, s) > rec.size {
            return Ok(Value::FALSE);
        }
        let mut i = 0;
        while let Some(e) = entry(vm, s, i) {
            i += 1;
            if e.is_empty() {
                continue;
            }
            vm.roots.push(e);
            if !rec_has(vm, &rec, e)? {
                return Ok(Value::FALSE);
            }
        }
        Ok(Value::TRUE)
    })
}

fn is_superset_of(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    rooted(vm, |vm| {
        let s = this_set(vm, a)?;
        let rec = set_record(vm, arg(vm, a, 0))?;
        if size_of(vm, s) < rec.size {
            return Ok(Value::FALSE);
        }
        let (it, next) = rec_keys(vm, &rec)?;
        while let Some(v) = step(vm, it, next)? {
            if !contains(vm, s, v) {
                close(vm, it)?;
                return Ok(Value::FALSE);
            }
        }
        Ok(Value::TRUE)
    })
}

fn is_disjoint_from(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    rooted(vm, |vm| {
        let s = this_set(vm, a)?;
        let rec = set_record(vm, arg(vm, a, 0))?;
        if size_of(vm, s) <= rec.size {
            let mut i = 0;
            while let Some(e) = entry(vm, s, i) {
                i += 1;
                if e.is_empty() {
                    continue;
                }
                vm.roots.push(e);
                if rec_has(vm, &rec, e)? {
                    return Ok(Value::FALSE);
                }
            }
        } else {
            let (it, next) = rec_keys(vm, &rec)?;
            while let Some(v) = step(vm, it, next)? {
                if contains(vm, s, v) {
                    close(vm, it)?;
                    return Ok(Value::FALSE);
                }
            }
        }
        Ok(Value::TRUE)
    })
}

pub fn install(vm: &mut Vm, sp: Value) {
    let fns: &[(&'static str, NativeFn, u32)] = &[
        ("union", union, 1),
        ("intersection", intersection, 1),
        ("difference", difference, 1),
        ("symmetricDifference", symmetric_difference, 1),
        ("isSubsetOf", is_subset_of, 1),
        ("isSupersetOf", is_superset_of, 1),
        ("isDisjointFrom", is_disjoint_from, 1),
    ];
    for &(n, f, l) in fns {
        vm.method(sp, n, f, l);
    }
}

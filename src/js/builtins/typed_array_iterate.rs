//! `%TypedArray%.prototype` methods that call back or search (ECMA-262 2025 §23.2.3):
//! every, some, forEach, map, filter, find, findIndex, findLast, findLastIndex, reduce,
//! reduceRight, includes, indexOf, lastIndexOf, join, toLocaleString, and the iterators
//! (entries, keys, values = @@iterator). Elements are read with [[Get]] semantics: once a
//! callback shrinks or detaches the buffer, reads give undefined.

use super::arg;
use super::array_generic::{callback, rooted};
use super::typed_array::species_create;
use crate::js::interp::iter::{IT_ARRAY, IT_ARRAY_ENTRIES, IT_ARRAY_KEYS};
use crate::js::object::PropKey;
use crate::js::value::Value;
use crate::js::vm::{CallArgs, JsResult, Vm, realm};

/// Element `k` as [[Get]] gives it (undefined when no longer a valid index).
pub fn get(vm: &mut Vm, o: Value, k: usize) -> Value {
    vm.ta_get(o, k).unwrap_or(Value::UNDEFINED)
}

#[derive(Clone, Copy, PartialEq)]
enum Cb {
    ForEach,
    Map,
    Filter,
    Some,
    Every,
}

fn each(vm: &mut Vm, a: &CallArgs, kind: Cb, what: &str) -> JsResult<Value> {
    let o = a.this;
    let (_, len) = vm.validate_ta(o, what)?;
    let f = callback(vm, a, 0)?;
    let this_arg = arg(vm, a, 1);
    rooted(vm, |vm| {
        let out = if kind == Cb::Map {
            species_create(vm, o, &[Value::number(len as f64)])?
        } else {
            Value::UNDEFINED
        };
        vm.roots.push(out);
        let mut kept = Vec::new();
        for k in 0..len {
            let v = get(vm, o, k);
            let r = vm.call_function(f, this_arg, &[v, Value::number(k as f64), o])?;
            match kind {
                Cb::ForEach => {}
                Cb::Map => vm.set(out, PropKey::Index(k as u32), r)?,
                Cb::Filter if vm.truthy(r) => {
                    // A BigInt element is a fresh cell: kept alive until copied.
                    vm.roots.push(v);
                    kept.push(v);
                }
                Cb::Some if vm.truthy(r) => return Ok(Value::TRUE),
                Cb::Every if !vm.truthy(r) => return Ok(Value::FALSE),
                _ => {}
            }
        }
        Ok(match kind {
            Cb::Map => out,
            Cb::Filter => {
                let t = species_create(vm, o, &[Value::number(kept.len() as f64)])?;
                vm.roots.push(t);
                for (n, v) in kept.into_iter().enumerate() {
                    vm.set(t, PropKey::Index(n as u32), v)?;
                }
                t
            }
            Cb::Some => Value::FALSE,
            Cb::Every => Value::TRUE,
            Cb::ForEach => Value::UNDEFINED,
        })
    })
}
fn for_each(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    each(vm, a, Cb::ForEach, "%TypedArray%.prototype.forEach")
}
fn map(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    each(vm, a, Cb::Map, "%TypedArray%.prototype.map")
}
fn filter(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    each(vm, a, Cb::Filter, "%TypedArray%.prototype.filter")
}
fn some(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    each(vm, a, Cb::Some, "%TypedArray%.prototype.some")
}
fn every(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    each(vm, a, Cb::Every, "%TypedArray%.prototype.every")
}

/// find / findIndex / findLast / findLastIndex.
fn find_impl(vm: &mut Vm, a: &CallArgs, last: bool, index: bool, what: &str) -> JsResult<Value> {
    let o = a.this;
    let (_, len) = vm.validate_ta(o, what)?;
    let f = callback(vm, a, 0)?;
    let this_arg = arg(vm, a, 1);
    for i in 0..len {
        let k = if last { len - 1 - i } else { i };
        let v = get(vm, o, k);
        let kv = Value::number(k as f64);
        let r = vm.call_function(f, this_arg, &[v, kv, o])?;
        if vm.truthy(r) {
            return Ok(if index { kv } else { v });
        }
    }
    Ok(if index {
        Value::int(-1)
    } else {
        Value::UNDEFINED
    })
}
fn find(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    find_impl(vm, a, false, false, "%TypedArray%.prototype.find")
}
fn find_index(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    find_impl(vm, a, false, true, "%TypedArray%.prototype.findIndex")
}
fn find_last(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    find_impl(vm, a, true, false, "%TypedArray%.prototype.findLast")
}
fn find_last_index(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    find_impl(vm, a, true, true, "%TypedArray%.prototype.findLastIndex")
}

fn reduce_impl(vm: &mut Vm, a: &CallArgs, right: bool, what: &str) -> JsResult<Value> {
    let o = a.this;
    let (_, len) = vm.validate_ta(o, what)?;
    let f = callback(vm, a, 0)?;
    let mut ks: Box<dyn Iterator<Item = usize>> = if right {
        Box::new((0..len).rev())
    } else {
        Box::new(0..len)
    };
    let mut acc = if a.argc >= 2 {
        arg(vm, a, 1)
    } else {
        match ks.next() {
            Some(k) => get(vm, o, k),
            None => return Err(vm.throw_type_error("Reduce of empty array with no initial value")),
        }
    };
    rooted(vm, |vm| {
        for k in ks {
            vm.roots.push(acc);
            let v = get(vm, o, k);
            acc = vm.call_function(f, Value::UNDEFINED, &[acc, v, Value::number(k as f64), o])?;
        }
        Ok(acc)
    })
}
fn reduce(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    reduce_impl(vm, a, false, "%TypedArray%.prototype.reduce")
}
fn reduce_right(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    reduce_impl(vm, a, true, "%TypedArray%.prototype.reduceRight")
}

/// The start index of includes / indexOf (`None`: nothing to search).
fn from_index(vm: &mut Vm, a: &CallArgs, len: usize) -> JsResult<Option<usize>> {
    if len == 0 {
        return Ok(None);
    }
    let n = vm.to_integer(arg(vm, a, 1))?;
    if n == f64::INFINITY {
        return Ok(None);
    }
    Ok(Some(if n >= 0.0 {
        n as usize
    } else {
        (len as f64 + n).max(0.0) as usize
    }))
}
fn includes(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let o = a.this;
    let (_, len) = vm.validate_ta(o, "%TypedArray%.prototype.includes")?;
    let Some(start) = from_index(vm, a, len)? else {
        return Ok(Value::FALSE);
    };
    let x = arg(vm, a, 0);
    Ok(Value::bool((start..len).any(|k| {
        let v = get(vm, o, k);
        vm.same_value_zero(v, x)
    })))
}
fn index_of(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let o = a.this;
    let (_, len) = vm.validate_ta(o, "%TypedArray%.prototype.indexOf")?;
    let Some(start) = from_index(vm, a, len)? else {
        return Ok(Value::int(-1));
    };
    let x = arg(vm, a, 0);
    for k in start..len {
        if let Some(v) = vm.ta_get(o, k)
            && vm.strict_equals(v, x)
        {
            return Ok(Value::number(k as f64));
        }
    }
    Ok(Value::int(-1))
}
fn last_index_of(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let o = a.this;
    let (_, len) = vm.validate_ta(o, "%TypedArray%.prototype.lastIndexOf")?;
    if len == 0 {
        return Ok(Value::int(-1));
    }
    let n = if a.argc > 1 {
        vm.to_integer(arg(vm, a, 1))?
    } else {
        len as f64 - 1.0
    };
    if n == f64::NEG_INFINITY {
        return Ok(Value::int(-1));
    }
    let k = if n >= 0.0 {
        n.min(len as f64 - 1.0)
    } else {
        len as f64 + n
    };
    if k < 0.0 {
        return Ok(Value::int(-1));
    }
    let x = arg(vm, a, 0);
    for k in (0..=k as usize).rev() {
        if let Some(v) = vm.ta_get(o, k)
            && vm.strict_equals(v, x)
        {
            return Ok(Value::number(k as f64));
        }
    }
    Ok(Value::int(-1))
}

fn join(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let o = a.this;
    let (_, len) = vm.validate_ta(o, "%TypedArray%.prototype.join")?;
    let s = arg(vm, a, 0);
    let sep: Vec<u16> = if s.is_undefined() {
        vec![b',' as u16]
    } else {
        let s = vm.to_string(s)?;
        vm.str_units(s).to_vec()
    };
    if len.saturating_mul(sep.len() + 1) > 1 << 29 {
        return Err(vm.throw_range_error("Invalid string length"));
    }
    let mut out: Vec<u16> = Vec::new();
    for k in 0..len {
        if k > 0 {
            out.extend_from_slice(&sep);
        }
        if let Some(v) = vm.ta_get(o, k) {
            let s = vm.to_string(v)?;
            out.extend_from_slice(vm.str_units(s));
        }
    }
    Ok(vm.new_str_units(&out))
}

fn to_locale_string(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let o = a.this;
    let (_, len) = vm.validate_ta(o, "%TypedArray%.prototype.toLocaleString")?;
    let mut out: Vec<u16> = Vec::new();
    for k in 0..len {
        if k > 0 {
            out.push(b',' as u16);
        }
        if let Some(v) = vm.ta_get(o, k) {
            let f = vm.get_by_name(v, "toLocaleString")?;
            if !vm.is_callable(f) {
                return Err(vm.throw_type_error("toLocaleString is not a function"));
            }
            let r = vm.call_function(f, v, &[])?;
            let s = vm.to_string(r)?;
            out.extend_from_slice(vm.str_units(s));
        }
    }
    Ok(vm.new_str_units(&out))
}

fn iter(vm: &mut Vm, a: &CallArgs, kind: u32, what: &str) -> JsResult<Value> {
    let o = a.this;
    vm.validate_ta(o, what)?;
    Ok(vm.new_iterator(kind, o))
}
fn values(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    iter(vm, a, IT_ARRAY, "%TypedArray%.prototype.values")
}
fn keys(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    iter(vm, a, IT_ARRAY_KEYS, "%TypedArray%.prototype.keys")
}
fn entries(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    iter(vm, a, IT_ARRAY_ENTRIES, "%TypedArray%.prototype.entries")
}

/// `at(index)` (§23.2.3.1).
fn at(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let o = a.this;
    let (_, len) = vm.validate_ta(o, "%TypedArray%.prototype.at")?;
    let i = vm.to_integer(arg(vm, a, 0))?;
    let k = if i < 0.0 { len as f64 + i } else { i };
    if k < 0.0 || k >= len as f64 {
        return Ok(Value::UNDEFINED);
    }
    Ok(get(vm, o, k as usize))
}

/// Installs these methods on %TypedArray%.prototype.
pub fn install(vm: &mut Vm, proto: Value) {
    vm.method(proto, "at", at, 1);
    vm.method(proto, "every", every, 1);
    vm.method(proto, "some", some, 1);
    vm.method(proto, "forEach", for_each, 1);
    vm.method(proto, "map", map, 1);
    vm.method(proto, "filter", filter, 1);
    vm.method(proto, "find", find, 1);
    vm.method(proto, "findIndex", find_index, 1);
    vm.method(proto, "findLast", find_last, 1);
    vm.method(proto, "findLastIndex", find_last_index, 1);
    vm.method(proto, "reduce", reduce, 1);
    vm.method(proto, "reduceRight", reduce_right, 1);
    vm.method(proto, "includes", includes, 1);
    vm.method(proto, "indexOf", index_of, 1);
    vm.method(proto, "lastIndexOf", last_index_of, 1);
    vm.method(proto, "join", join, 1);
    vm.method(proto, "toLocaleString", to_locale_string, 0);
    vm.method(proto, "entries", entries, 0);
    vm.method(proto, "keys", keys, 0);
    let v = vm.method(proto, "values", values, 0);
    vm.realm[realm::TYPED_ARRAY_VALUES] = v;
    let sym = vm.sym_iterator;
    vm.define_own(proto, PropKey::Atom(sym), v, crate::js::shape::HIDDEN);
}

//! `Array` and `Array.prototype`.

use super::{arg, args_vec, rel_index};
use crate::js::atoms;
use crate::js::interp::iter::{IT_ARRAY, IT_ARRAY_ENTRIES, IT_ARRAY_KEYS};
use crate::js::object::*;
use crate::js::value::Value;
use crate::js::vm::{CallArgs, JsResult, Vm, realm};

fn array_ctor(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let proto = vm.proto_from_new_target(a, realm::ARRAY_PROTO)?;
    let arr = if a.argc == 1 && arg(vm, a, 0).is_number() {
        let n = arg(vm, a, 0).as_number();
        if n < 0.0 || n != n.trunc() || n > u32::MAX as f64 {
            return Err(vm.throw_range_error("Invalid array length"));
        }
        if n > MAX_DENSE as f64 {
            return Err(vm.throw_range_error("Invalid array length"));
        }
        vm.new_array(n as usize)
    } else {
        let items = args_vec(vm, a);
        vm.new_array_from(&items)
    };
    if proto != vm.realm[realm::ARRAY_PROTO] {
        vm.set_proto_raw(arr, proto);
    }
    Ok(arr)
}

fn is_array(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    Ok(Value::bool(vm.is_array(arg(vm, a, 0))))
}

fn from(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let src = arg(vm, a, 0);
    let f = arg(vm, a, 1);
    let items = if src.is_string()
        || (src.is_object()
            && matches!(
                vm.class_of(src),
                CLASS_ARRAY | CLASS_MAP | CLASS_SET | CLASS_ITER
            )) {
        vm.iterate_to_vec(src)?
    } else if src.is_object() {
        super::function::array_like_to_vec(vm, src)?
    } else {
        Vec::new()
    };
    let out = vm.new_array_from(&items);
    if vm.is_callable(f) {
        vm.roots.push(out);
        let r = (|| {
            for i in 0..items.len() {
                let v = vm.elems(out)[i];
                let r = vm.call_function(f, Value::UNDEFINED, &[v, Value::int(i as i32)])?;
                vm.elems_mut(out)[i] = r;
            }
            Ok(out)
        })();
        vm.roots.pop();
        return r;
    }
    Ok(out)
}

fn of(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let items = args_vec(vm, a);
    Ok(vm.new_array_from(&items))
}

/// `this` as an array (generic array-likes are not supported by these fast methods).
fn this_array(vm: &mut Vm, a: &CallArgs, name: &str) -> JsResult<Value> {
    if vm.is_array(a.this) {
        Ok(a.this)
    } else {
        Err(vm.throw_type_error(&format!("Array.prototype.{name} called on non-array")))
    }
}

/// `this` as an array that may be mutated (frozen arrays throw a TypeError).
fn this_mut_array(vm: &mut Vm, a: &CallArgs, name: &str) -> JsResult<Value> {
    let arr = this_array(vm, a, name)?;
    if vm.obj(arr).hdr.flags & FLAG_FROZEN != 0 {
        return Err(vm.throw_type_error(
            "Cannot assign to read only property '0' of object '[object Array]'",
        ));
    }
    Ok(arr)
}

fn len(vm: &Vm, arr: Value) -> usize {
    vm.obj(arr).elem_len as usize
}
fn at(vm: &Vm, arr: Value, i: usize) -> Value {
    match vm.elems(arr).get(i) {
        Some(v) if !v.is_empty() => *v,
        _ => Value::UNDEFINED,
    }
}

pub(super) fn push(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let arr = this_mut_array(vm, a, "push")?;
    for i in 0..a.argc {
        let v = arg(vm, a, i);
        vm.array_push(arr, v);
    }
    Ok(Value::int(len(vm, arr) as i32))
}
pub(super) fn pop(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let arr = this_mut_array(vm, a, "pop")?;
    let n = len(vm, arr);
    if n == 0 {
        return Ok(Value::UNDEFINED);
    }
    let v = at(vm, arr, n - 1);
    vm.obj_mut(arr).elem_len -= 1;
    Ok(v)
}
fn shift(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let arr = this_mut_array(vm, a, "shift")?;
    let n = len(vm, arr);
    if n == 0 {
        return Ok(Value::UNDEFINED);
    }
    let v = at(vm, arr, 0);
    vm.elems_mut(arr).copy_within(1..n, 0);
    vm.obj_mut(arr).elem_len -= 1;
    Ok(v)
}
fn unshift(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let arr = this_mut_array(vm, a, "unshift")?;
    let n = len(vm, arr);
    let k = a.argc;
    vm.set_elem_len(arr, n + k);
    vm.elems_mut(arr).copy_within(0..n, k);
    for i in 0..k {
        let v = arg(vm, a, i);
        vm.elems_mut(arr)[i] = v;
    }
    Ok(Value::int((n + k) as i32))
}

fn slice(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let arr = if vm.is_array(a.this) {
        a.this
    } else {
        let items = super::function::array_like_to_vec(vm, a.this)?;
        vm.new_array_from(&items)
    };
    let n = len(vm, arr);
    let s = rel_index(vm, arg(vm, a, 0), n, 0)?;
    let e = rel_index(vm, arg(vm, a, 1), n, n)?;
    let items: Vec<Value> = if s < e {
        vm.elems(arr)[s..e].to_vec()
    } else {
        Vec::new()
    };
    Ok(vm.new_array_from(&items))
}
fn splice(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let arr = this_mut_array(vm, a, "splice")?;
    let n = len(vm, arr);
    let s = rel_index(vm, arg(vm, a, 0), n, 0)?;
    let dc = if a.argc == 0 {
        0
    } else if a.argc == 1 {
        n - s
    } else {
        let d = vm.to_integer(arg(vm, a, 1))?;
        (d.max(0.0) as usize).min(n - s)
    };
    let items: Vec<Value> = (2..a.argc).map(|i| arg(vm, a, i)).collect();
    let mut all = vm.elems(arr).to_vec();
    let removed: Vec<Value> = all.splice(s..s + dc, items).collect();
    vm.set_elem_len(arr, all.len());
    vm.elems_mut(arr).copy_from_slice(&all);
    Ok(vm.new_array_from(&removed))
}
fn concat(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let mut items = if vm.is_array(a.this) {
        vm.elems(a.this).to_vec()
    } else {
        vec![a.this]
    };
    for i in 0..a.argc {
        let v = arg(vm, a, i);
        if vm.is_array(v) {
            items.extend_from_slice(vm.elems(v));
        } else {
            items.push(v);
        }
    }
    Ok(vm.new_array_from(&items))
}
fn join_impl(vm: &mut Vm, arr: Value, sep: &str) -> JsResult<Value> {
    if vm.join_stack.contains(&arr) {
        return Ok(vm.new_str(""));
    }
    vm.join_stack.push(arr);
    let r = join_inner(vm, arr, sep);
    vm.join_stack.pop();
    r
}
fn join_inner(vm: &mut Vm, arr: Value, sep: &str) -> JsResult<Value> {
    let n = len(vm, arr);
    let mut out: Vec<u16> = Vec::new();
    let sep: Vec<u16> = sep.encode_utf16().collect();
    for i in 0..n {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        let v = at(vm, arr, i);
        if !v.is_nullish() {
            let s = vm.to_string(v)?;
            out.extend_from_slice(vm.str_units(s));
        }
    }
    Ok(vm.new_str_units(&out))
}
fn join(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let arr = this_array(vm, a, "join")?;
    let s = arg(vm, a, 0);
    let sep = if s.is_undefined() {
        ",".to_string()
    } else {
        vm.to_rust_string(s)?
    };
    join_impl(vm, arr, &sep)
}
fn to_string(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    if !vm.is_array(a.this) {
        return super::object::object_to_string(vm, a);
    }
    join_impl(vm, a.this, ",")
}
fn reverse(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let arr = this_mut_array(vm, a, "reverse")?;
    vm.elems_mut(arr).reverse();
    Ok(arr)
}
fn index_of(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let arr = this_array(vm, a, "indexOf")?;
    let n = len(vm, arr);
    let x = arg(vm, a, 0);
    let s = rel_index(vm, arg(vm, a, 1), n, 0)?;
    for i in s..n {
        let v = vm.elems(arr)[i];
        if vm.strict_equals(v, x) {
            return Ok(Value::int(i as i32));
        }
    }
    Ok(Value::int(-1))
}
fn last_index_of(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let arr = this_array(vm, a, "lastIndexOf")?;
    let n = len(vm, arr);
    let x = arg(vm, a, 0);
    let from = if a.argc > 1 {
        let f = vm.to_integer(arg(vm, a, 1))?;
        if f < 0.0 {
            n as f64 + f
        } else {
            f.min(n as f64 - 1.0)
        }
    } else {
        n as f64 - 1.0
    };
    let mut i = from as i64;
    while i >= 0 {
        let v = vm.elems(arr)[i as usize];
        if vm.strict_equals(v, x) {
            return Ok(Value::int(i as i32));
        }
        i -= 1;
    }
    Ok(Value::int(-1))
}
fn includes(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let arr = this_array(vm, a, "includes")?;
    let n = len(vm, arr);
    let x = arg(vm, a, 0);
    let s = rel_index(vm, arg(vm, a, 1), n, 0)?;
    for i in s..n {
        let v = at(vm, arr, i);
        if vm.same_value_zero(v, x) {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}
fn fill(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let arr = this_mut_array(vm, a, "fill")?;
    let n = len(vm, arr);
    let v = arg(vm, a, 0);
    let s = rel_index(vm, arg(vm, a, 1), n, 0)?;
    let e = rel_index(vm, arg(vm, a, 2), n, n)?;
    for i in s..e.max(s) {
        vm.elems_mut(arr)[i] = v;
    }
    Ok(arr)
}

/// Iteration helpers for callback methods. `kind` selects the method.
#[derive(Clone, Copy, PartialEq)]
enum Cb {
    ForEach,
    Map,
    Filter,
    Some,
    Every,
    Find,
    FindIndex,
    FindLast,
    FindLastIndex,
}

fn callback_method(vm: &mut Vm, a: &CallArgs, kind: Cb, name: &str) -> JsResult<Value> {
    let arr = this_array(vm, a, name)?;
    let f = arg(vm, a, 0);
    if !vm.is_callable(f) {
        let d = vm.inspect(f);
        return Err(vm.throw_type_error(&format!("{d} is not a function")));
    }
    let this_arg = arg(vm, a, 1);
    let n = len(vm, arr);
    let out = match kind {
        Cb::Map => vm.new_array(n),
        Cb::Filter => vm.new_array(0),
        _ => Value::UNDEFINED,
    };
    vm.roots.push(out);
    let r = (|| {
        let idxs: Box<dyn Iterator<Item = usize>> =
            if matches!(kind, Cb::FindLast | Cb::FindLastIndex) {
                Box::new((0..n).rev())
            } else {
                Box::new(0..n)
            };
        for i in idxs {
            if i >= len(vm, arr) {
                if matches!(
                    kind,
                    Cb::Find | Cb::FindIndex | Cb::FindLast | Cb::FindLastIndex
                ) {
                    let r = vm.call_function(
                        f,
                        this_arg,
                        &[Value::UNDEFINED, Value::int(i as i32), arr],
                    )?;
                    if vm.truthy(r) {
                        return Ok(if matches!(kind, Cb::Find | Cb::FindLast) {
                            Value::UNDEFINED
                        } else {
                            Value::int(i as i32)
                        });
                    }
                }
                continue;
            }
            let raw = vm.elems(arr)[i];
            if raw.is_empty()
                && !matches!(
                    kind,
                    Cb::Find | Cb::FindIndex | Cb::FindLast | Cb::FindLastIndex
                )
            {
                continue;
            }
            let v = if raw.is_empty() {
                Value::UNDEFINED
            } else {
                raw
            };
            // The callback may drop v from the array; keep it alive for filter/find.
            vm.roots.push(v);
            let r = vm.call_function(f, this_arg, &[v, Value::int(i as i32), arr]);
            vm.roots.pop();
            let r = r?;
            match kind {
                Cb::ForEach => {}
                Cb::Map => vm.elems_mut(out)[i] = r,
                Cb::Filter => {
                    if vm.truthy(r) {
                        vm.array_push(out, v);
                    }
                }
                Cb::Some => {
                    if vm.truthy(r) {
                        return Ok(Value::TRUE);
                    }
                }
                Cb::Every => {
                    if !vm.truthy(r) {
                        return Ok(Value::FALSE);
                    }
                }
                Cb::Find | Cb::FindLast => {
                    if vm.truthy(r) {
                        return Ok(v);
                    }
                }
                Cb::FindIndex | Cb::FindLastIndex => {
                    if vm.truthy(r) {
                        return Ok(Value::int(i as i32));
                    }
                }
            }
        }
        Ok(match kind {
            Cb::Map | Cb::Filter => out,
            Cb::Some => Value::FALSE,
            Cb::Every => Value::TRUE,
            Cb::FindIndex | Cb::FindLastIndex => Value::int(-1),
            _ => Value::UNDEFINED,
        })
    })();
    vm.roots.pop();
    r
}
macro_rules! cb {
    ($f:ident, $k:expr, $n:expr) => {
        fn $f(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
            callback_method(vm, a, $k, $n)
        }
    };
}
cb!(for_each, Cb::ForEach, "forEach");
cb!(map, Cb::Map, "map");
cb!(filter, Cb::Filter, "filter");
cb!(some, Cb::Some, "some");
cb!(every, Cb::Every, "every");
cb!(find, Cb::Find, "find");
cb!(find_index, Cb::FindIndex, "findIndex");
cb!(find_last, Cb::FindLast, "findLast");
cb!(find_last_index, Cb::FindLastIndex, "findLastIndex");

fn reduce_impl(vm: &mut Vm, a: &CallArgs, right: bool) -> JsResult<Value> {
    let arr = this_array(vm, a, "reduce")?;
    let f = arg(vm, a, 0);
    if !vm.is_callable(f) {
        let d = vm.inspect(f);
        return Err(vm.throw_type_error(&format!("{d} is not a function")));
    }
    let n = len(vm, arr);
    let order: Vec<usize> = if right {
        (0..n).rev().collect()
    } else {
        (0..n).collect()
    };
    let mut it = order
        .into_iter()
        .filter(|&i| !vm.elems(arr)[i].is_empty())
        .collect::<Vec<_>>()
        .into_iter();
    let mut acc = if a.argc >= 2 {
        arg(vm, a, 1)
    } else {
        match it.next() {
            Some(i) => vm.elems(arr)[i],
            None => return Err(vm.throw_type_error("Reduce of empty array with no initial value")),
        }
    };
    let base = vm.roots.len();
    vm.roots.push(acc);
    let r = (|| {
        for i in it {
            if i >= len(vm, arr) || vm.elems(arr)[i].is_empty() {
                continue;
            }
            let v = vm.elems(arr)[i];
            acc = vm.call_function(f, Value::UNDEFINED, &[acc, v, Value::int(i as i32), arr])?;
            vm.roots[base] = acc;
        }
        Ok(acc)
    })();
    vm.roots.truncate(base);
    r
}
fn reduce(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    reduce_impl(vm, a, false)
}
fn reduce_right(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    reduce_impl(vm, a, true)
}

/// Stable merge sort with a fallible comparator.
fn merge_sort(
    vm: &mut Vm,
    v: &mut Vec<Value>,
    cmp: &mut dyn FnMut(&mut Vm, Value, Value) -> JsResult<bool>,
) -> JsResult<()> {
    let n = v.len();
    if n < 2 {
        return Ok(());
    }
    let mut buf = v.clone();
    let mut width = 1;
    while width < n {
        let mut i = 0;
        while i < n {
            let mid = (i + width).min(n);
            let end = (i + 2 * width).min(n);
            let (mut l, mut r, mut k) = (i, mid, i);
            while l < mid && r < end {
                // Take from the right only if right < left (stability).
                if cmp(vm, v[r], v[l])? {
                    buf[k] = v[r];
                    r += 1;
                } else {
                    buf[k] = v[l];
                    l += 1;
                }
                k += 1;
            }
            while l < mid {
                buf[k] = v[l];
                l += 1;
                k += 1;
            }
            while r < end {
                buf[k] = v[r];
                r += 1;
                k += 1;
            }
            i += 2 * width;
        }
        std::mem::swap(v, &mut buf);
        width *= 2;
    }
    Ok(())
}

fn sort(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let arr = this_mut_array(vm, a, "sort")?;
    let f = arg(vm, a, 0);
    if !f.is_undefined() && !vm.is_callable(f) {
        return Err(
            vm.throw_type_error("The comparison function must be either a function or undefined")
        );
    }
    let all = vm.elems(arr).to_vec();
    let holes = all.iter().filter(|v| v.is_empty()).count();
    let undefs = all.iter().filter(|v| v.is_undefined()).count();
    let mut vals: Vec<Value> = all
        .into_iter()
        .filter(|v| !v.is_empty() && !v.is_undefined())
        .collect();
    let base = vm.roots.len();
    vm.roots.extend_from_slice(&vals);
    let r = if f.is_undefined() {
        // Compare by ToString; precompute the strings.
        let mut keyed: Vec<(Vec<u16>, usize)> = Vec::with_capacity(vals.len());
        let mut err = None;
        for (i, v) in vals.iter().enumerate() {
            match vm.to_string(*v) {
                Ok(s) => keyed.push((vm.str_units(s).to_vec(), i)),
                Err(e) => {
                    err = Some(e);
                    break;
                }
            }
        }
        match err {
            Some(e) => Err(e),
            None => {
                keyed.sort_by(|x, y| x.0.cmp(&y.0));
                vals = keyed.into_iter().map(|(_, i)| vals[i]).collect();
                Ok(())
            }
        }
    } else {
        let mut cmp = |vm: &mut Vm, x: Value, y: Value| -> JsResult<bool> {
            let r = vm.call_function(f, Value::UNDEFINED, &[x, y])?;
            let n = vm.to_number(r)?;
            Ok(n < 0.0)
        };
        merge_sort(vm, &mut vals, &mut cmp)
    };
    vm.roots.truncate(base);
    r?;
    let n = vals.len();
    let total = n + undefs + holes;
    vm.set_elem_len(arr, total);
    let e = vm.elems_mut(arr);
    e[..n].copy_from_slice(&vals);
    for x in e[n..n + undefs].iter_mut() {
        *x = Value::UNDEFINED;
    }
    for x in e[n + undefs..].iter_mut() {
        *x = Value::EMPTY;
    }
    Ok(arr)
}

fn flat_into(vm: &mut Vm, out: &mut Vec<Value>, arr: Value, depth: i32) {
    for v in vm.elems(arr).to_vec() {
        if v.is_empty() {
            continue;
        }
        if depth > 0 && vm.is_array(v) {
            flat_into(vm, out, v, depth - 1);
        } else {
            out.push(v);
        }
    }
}
fn flat(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let arr = this_array(vm, a, "flat")?;
    let d = arg(vm, a, 0);
    let depth = if d.is_undefined() {
        1
    } else {
        vm.to_integer(d)? as i32
    };
    let mut out = Vec::new();
    flat_into(vm, &mut out, arr, depth);
    Ok(vm.new_array_from(&out))
}
fn flat_map(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let mapped = map(vm, a)?;
    vm.roots.push(mapped);
    let mut out = Vec::new();
    flat_into(vm, &mut out, mapped, 1);
    vm.roots.pop();
    Ok(vm.new_array_from(&out))
}
fn at_m(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let arr = this_array(vm, a, "at")?;
    let n = len(vm, arr) as f64;
    let i = vm.to_integer(arg(vm, a, 0))?;
    let i = if i < 0.0 { n + i } else { i };
    if i < 0.0 || i >= n {
        return Ok(Value::UNDEFINED);
    }
    Ok(at(vm, arr, i as usize))
}
fn iter_of(vm: &mut Vm, a: &CallArgs, kind: u32) -> JsResult<Value> {
    let arr = this_array(vm, a, "values")?;
    Ok(vm.new_iterator(kind, arr))
}
fn values(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    iter_of(vm, a, IT_ARRAY)
}
fn keys(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    iter_of(vm, a, IT_ARRAY_KEYS)
}
fn entries(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    iter_of(vm, a, IT_ARRAY_ENTRIES)
}

pub fn install(vm: &mut Vm) {
    let ap = vm.realm[realm::ARRAY_PROTO];
    let c = vm.constructor("Array", array_ctor, 1, ap);
    vm.realm[realm::ARRAY_CTOR] = c;
    vm.method(c, "isArray", is_array, 1);
    vm.method(c, "from", from, 1);
    vm.method(c, "of", of, 0);
    let methods: &[(&'static str, crate::js::vm::NativeFn, u32)] = &[
        ("push", push, 1),
        ("pop", pop, 0),
        ("shift", shift, 0),
        ("unshift", unshift, 1),
        ("slice", slice, 2),
        ("splice", splice, 2),
        ("concat", concat, 1),
        ("join", join, 1),
        ("toString", to_string, 0),
        ("reverse", reverse, 0),
        ("indexOf", index_of, 1),
        ("lastIndexOf", last_index_of, 1),
        ("includes", includes, 1),
        ("fill", fill, 1),
        ("forEach", for_each, 1),
        ("map", map, 1),
        ("filter", filter, 1),
        ("some", some, 1),
        ("every", every, 1),
        ("find", find, 1),
        ("findIndex", find_index, 1),
        ("findLast", find_last, 1),
        ("findLastIndex", find_last_index, 1),
        ("reduce", reduce, 1),
        ("reduceRight", reduce_right, 1),
        ("sort", sort, 1),
        ("flat", flat, 0),
        ("flatMap", flat_map, 1),
        ("at", at_m, 1),
        ("values", values, 0),
        ("keys", keys, 0),
        ("entries", entries, 0),
    ];
    for &(n, f, l) in methods {
        vm.method(ap, n, f, l);
    }
    let _ = atoms::LENGTH;
}

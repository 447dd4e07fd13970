//! `Array` and `Array.prototype`.

use super::{arg, args_vec};
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
    Ok(Value::bool(vm.is_array_js(arg(vm, a, 0))?))
}

/// A new array for `Array.from`/`Array.of` called on `c` (a constructor makes subclasses).
pub(super) fn construct_this(vm: &mut Vm, c: Value, len: Option<f64>) -> JsResult<Value> {
    use super::array_generic::array_create;
    if c != vm.realm[realm::ARRAY_CTOR] && vm.is_constructor(c) {
        let args: Vec<Value> = len.map(Value::number).into_iter().collect();
        return vm.construct(c, &args, c);
    }
    array_create(vm, len.unwrap_or(0.0))
}

/// Array.from (23.1.2.1).
fn from(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    use super::array_generic::*;
    let src = arg(vm, a, 0);
    let f = arg(vm, a, 1);
    let this_arg = arg(vm, a, 2);
    if !f.is_undefined() && !vm.is_callable(f) {
        let d = vm.inspect(f);
        return Err(vm.throw_type_error(&format!("{d} is not a function")));
    }
    if src.is_nullish() {
        return Err(vm.throw_type_error(&format!(
            "{} is not iterable",
            if src.is_null() { "null" } else { "undefined" }
        )));
    }
    rooted(vm, |vm| {
        let iter_key = PropKey::Atom(vm.sym_iterator);
        let method = vm.get(src, iter_key)?;
        let (out, items, len) = if !method.is_nullish() {
            let items = vm.iterate_to_vec(src)?;
            vm.roots.extend_from_slice(&items);
            let out = construct_this(vm, a.this, None)?;
            (out, Some(items), 0.0)
        } else {
            let o = super::object::to_object(vm, src)?;
            vm.roots.push(o);
            let len = len_of(vm, o)?;
            let out = construct_this(vm, a.this, Some(len))?;
            vm.roots.push(o);
            vm.roots.push(out);
            let mut k = 0.0;
            while k < len {
                let v = get_k(vm, o, k)?;
                let v = if f.is_undefined() {
                    v
                } else {
                    vm.roots.push(v);
                    vm.call_function(f, this_arg, &[v, kv(k)])?
                };
                create_k(vm, out, k, v)?;
                k += 1.0;
            }
            (out, None, len)
        };
        vm.roots.push(out);
        let mut n = len;
        if let Some(items) = items {
            n = items.len() as f64;
            for (i, v) in items.into_iter().enumerate() {
                let v = if f.is_undefined() {
                    v
                } else {
                    vm.call_function(f, this_arg, &[v, Value::int(i as i32)])?
                };
                create_k(vm, out, i as f64, v)?;
            }
        }
        set_len(vm, out, n)?;
        Ok(out)
    })
}
/// Array.of (23.1.2.3).
fn of(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    use super::array_generic::*;
    let items = args_vec(vm, a);
    rooted(vm, |vm| {
        let out = construct_this(vm, a.this, Some(items.len() as f64))?;
        vm.roots.push(out);
        for (i, v) in items.iter().enumerate() {
            create_k(vm, out, i as f64, *v)?;
        }
        set_len(vm, out, items.len() as f64)?;
        Ok(out)
    })
}

fn species(_vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    Ok(a.this)
}

/// Stable merge sort with a fallible comparator.
pub(super) fn merge_sort(
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

/// SortIndexedProperties (23.1.3.30.1) over the present indices below `len`: the sorted
/// values other than undefined, and the count of undefined ones.
fn sorted_items(
    vm: &mut Vm,
    o: Value,
    len: f64,
    f: Value,
    skip_holes: bool,
) -> JsResult<(Vec<Value>, usize)> {
    use super::array_generic::{get_k, has_k, keys};
    let mut vals = Vec::new();
    let mut undefs = 0;
    let ks: Vec<f64> = if skip_holes {
        keys(vm, o, 0.0, len, false).collect()
    } else {
        (0..len as u64).map(|i| i as f64).collect()
    };
    for k in ks {
        if skip_holes && !has_k(vm, o, k)? {
            continue;
        }
        let v = get_k(vm, o, k)?;
        if v.is_undefined() {
            undefs += 1;
        } else {
            vm.roots.push(v);
            vals.push(v);
        }
    }
    if f.is_undefined() {
        // Compare by ToString; precompute the strings.
        let mut keyed: Vec<(Vec<u16>, usize)> = Vec::with_capacity(vals.len());
        for (i, v) in vals.iter().enumerate() {
            let s = vm.to_string(*v)?;
            keyed.push((vm.str_units(s).to_vec(), i));
        }
        keyed.sort_by(|x, y| x.0.cmp(&y.0));
        vals = keyed.into_iter().map(|(_, i)| vals[i]).collect();
    } else {
        let mut cmp = |vm: &mut Vm, x: Value, y: Value| -> JsResult<bool> {
            let r = vm.call_function(f, Value::UNDEFINED, &[x, y])?;
            let n = vm.to_number(r)?;
            Ok(n < 0.0)
        };
        merge_sort(vm, &mut vals, &mut cmp)?;
    }
    Ok((vals, undefs))
}

pub(super) fn comparator(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let f = arg(vm, a, 0);
    if !f.is_undefined() && !vm.is_callable(f) {
        return Err(
            vm.throw_type_error("The comparison function must be either a function or undefined")
        );
    }
    Ok(f)
}

fn sort(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    use super::array_generic::*;
    let f = comparator(vm, a)?;
    rooted(vm, |vm| {
        let o = this_object(vm, a)?;
        let len = len_of(vm, o)?;
        let (vals, undefs) = sorted_items(vm, o, len, f, true)?;
        let mut k = 0.0;
        for v in vals {
            set_k(vm, o, k, v)?;
            k += 1.0;
        }
        for _ in 0..undefs {
            set_k(vm, o, k, Value::UNDEFINED)?;
            k += 1.0;
        }
        delete_range(vm, o, k, len)?;
        Ok(o)
    })
}

fn to_sorted(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    use super::array_generic::*;
    let f = comparator(vm, a)?;
    rooted(vm, |vm| {
        let o = this_object(vm, a)?;
        let len = len_of(vm, o)?;
        let out = array_create(vm, len)?;
        vm.roots.push(out);
        let (vals, undefs) = sorted_items(vm, o, len, f, false)?;
        let mut k = 0.0;
        for v in vals {
            create_k(vm, out, k, v)?;
            k += 1.0;
        }
        for _ in 0..undefs {
            create_k(vm, out, k, Value::UNDEFINED)?;
            k += 1.0;
        }
        Ok(out)
    })
}

/// FlattenIntoArray (ES2025 23.1.3.13.1): appends `source`'s elements (mapped first when
/// `mapper` is given) to `target` from `start`, spreading arrays `depth` levels deep; the
/// next target index. Works on any array-like through [[Get]], and on any target.
fn flatten_into(
    vm: &mut Vm,
    target: Value,
    source: Value,
    source_len: f64,
    start: f64,
    depth: f64,
    mapper: Option<(Value, Value)>,
) -> JsResult<f64> {
    use super::array_generic::*;
    let mut target_index = start;
    let mut i = 0.0;
    while i < source_len {
        if has_k(vm, source, i)? {
            let mut element = get_k(vm, source, i)?;
            if let Some((f, this_arg)) = mapper {
                vm.roots.push(element);
                element = vm.call_function(f, this_arg, &[element, kv(i), source])?;
            }
            vm.roots.push(element);
            if depth > 0.0 && vm.is_array_js(element)? {
                let len = len_of(vm, element)?;
                target_index =
                    flatten_into(vm, target, element, len, target_index, depth - 1.0, None)?;
            } else {
                if target_index >= 9007199254740991.0 {
                    return Err(vm.throw_type_error("Array too long to flatten"));
                }
                create_k(vm, target, target_index, element)?;
                target_index += 1.0;
            }
        }
        i += 1.0;
    }
    Ok(target_index)
}
/// `Array.prototype.flat([depth])` (ES2025 23.1.3.13).
fn flat(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    use super::array_generic::*;
    rooted(vm, |vm| {
        let o = this_object(vm, a)?;
        let len = len_of(vm, o)?;
        let d = arg(vm, a, 0);
        let depth = if d.is_undefined() {
            1.0
        } else {
            vm.to_integer(d)?.max(0.0)
        };
        let out = species_create(vm, o, 0.0)?;
        vm.roots.push(out);
        flatten_into(vm, out, o, len, 0.0, depth, None)?;
        Ok(out)
    })
}
/// `Array.prototype.flatMap(mapper[, thisArg])` (ES2025 23.1.3.14).
fn flat_map(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    use super::array_generic::*;
    rooted(vm, |vm| {
        let o = this_object(vm, a)?;
        let len = len_of(vm, o)?;
        let f = callback(vm, a, 0)?;
        let this_arg = arg(vm, a, 1);
        let out = species_create(vm, o, 0.0)?;
        vm.roots.push(out);
        flatten_into(vm, out, o, len, 0.0, 1.0, Some((f, this_arg)))?;
        Ok(out)
    })
}
fn iter_of(vm: &mut Vm, a: &CallArgs, kind: u32) -> JsResult<Value> {
    // CreateArrayIterator(ToObject(this), kind): any object, read with [[Get]].
    let arr = super::to_object(vm, a.this)?;
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
    vm.method(c, "fromAsync", super::array_from_async::from_async, 1);
    vm.method(c, "of", of, 0);

    use super::array_iterate as it;
    use super::array_mutate as mu;
    let methods: &[(&'static str, crate::js::vm::NativeFn, u32)] = &[
        ("at", it::at, 1),
        ("concat", mu::concat, 1),
        ("copyWithin", mu::copy_within, 2),
        ("entries", entries, 0),
        ("every", it::every, 1),
        ("fill", mu::fill, 1),
        ("filter", it::filter, 1),
        ("find", it::find, 1),
        ("findIndex", it::find_index, 1),
        ("findLast", it::find_last, 1),
        ("findLastIndex", it::find_last_index, 1),
        ("flat", flat, 0),
        ("flatMap", flat_map, 1),
        ("forEach", it::for_each, 1),
        ("includes", it::includes, 1),
        ("indexOf", it::index_of, 1),
        ("join", it::join, 1),
        ("keys", keys, 0),
        ("lastIndexOf", it::last_index_of, 1),
        ("map", it::map, 1),
        ("pop", mu::pop, 0),
        ("push", mu::push, 1),
        ("reduce", it::reduce, 1),
        ("reduceRight", it::reduce_right, 1),
        ("reverse", mu::reverse, 0),
        ("shift", mu::shift, 0),
        ("slice", mu::slice, 2),
        ("some", it::some, 1),
        ("sort", sort, 1),
        ("splice", mu::splice, 2),
        ("toLocaleString", it::to_string, 0),
        ("toReversed", mu::to_reversed, 0),
        ("toSorted", to_sorted, 1),
        ("toSpliced", mu::to_spliced, 2),
        ("toString", it::to_string, 0),
        ("unshift", mu::unshift, 1),
        ("values", values, 0),
        ("with", mu::with, 2),
    ];
    for &(n, f, l) in methods {
        vm.method(ap, n, f, l);
    }
    let _ = atoms::LENGTH;
}

/// The symbol-keyed properties (installed once `Symbol` exists): `Array[Symbol.species]`,
/// `Array.prototype[Symbol.unscopables]`.
pub fn install_symbols(vm: &mut Vm) {
    let c = vm.realm[realm::ARRAY_CTOR];
    let ap = vm.realm[realm::ARRAY_PROTO];
    if let Some(sp) = super::symbol::well_known(vm, "species") {
        let g = vm.native_fn("get [Symbol.species]", species, 0);
        vm.realm[realm::ARRAY_SPECIES_GETTER] = g;
        vm.define_accessor(c, PropKey::Atom(sp), g, true, false);
    }
    if let Some(un) = super::symbol::well_known(vm, "unscopables") {
        let u = vm.new_object_with(CLASS_ORDINARY, Value::NULL);
        for n in [
            "at",
            "copyWithin",
            "entries",
            "fill",
            "find",
            "findIndex",
            "findLast",
            "findLastIndex",
            "flat",
            "flatMap",
            "includes",
            "keys",
            "toReversed",
            "toSorted",
            "toSpliced",
            "values",
        ] {
            vm.put(u, n, Value::TRUE, crate::js::shape::DEFAULT);
        }
        vm.define_own(ap, PropKey::Atom(un), u, crate::js::shape::CONFIGURABLE);
    }
}

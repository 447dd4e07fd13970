//! Generic `Array.prototype` methods that write: push, pop, shift, unshift, splice, reverse,
//! fill, copyWithin, and the copying ones: slice, concat, toReversed, toSpliced, with.
//! Plain dense arrays keep fast paths for push and pop.

use super::arg;
use super::array_generic::*;
use crate::js::object::*;
use crate::js::value::Value;
use crate::js::vm::{CallArgs, JsResult, Vm};

/// A plain array whose elements can be written directly.
fn fast_array(vm: &Vm, o: Value) -> bool {
    vm.is_array(o)
        && vm.obj(o).hdr.flags & (FLAG_FROZEN | FLAG_NOT_EXTENSIBLE) == 0
        && vm.obj(o).aux[0].is_undefined()
}

pub fn push(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    if fast_array(vm, a.this) && (vm.obj(a.this).elem_len as usize + a.argc) < MAX_DENSE as usize {
        for i in 0..a.argc {
            let v = arg(vm, a, i);
            vm.array_push(a.this, v);
        }
        return Ok(Value::int(vm.obj(a.this).elem_len as i32));
    }
    rooted(vm, |vm| {
        let o = this_object(vm, a)?;
        let len = len_of(vm, o)?;
        if len + a.argc as f64 > MAX_SAFE {
            let msg = format!(
                "Pushing {} elements on an array-like of length {} is disallowed, as the total surpasses 2**53-1",
                a.argc,
                crate::js::format::number::number_to_string(len)
            );
            return Err(vm.throw_type_error(&msg));
        }
        for i in 0..a.argc {
            let v = arg(vm, a, i);
            set_k(vm, o, len + i as f64, v)?;
        }
        let n = len + a.argc as f64;
        set_len(vm, o, n)?;
        Ok(kv(n))
    })
}

pub fn pop(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    if fast_array(vm, a.this) {
        let n = vm.obj(a.this).elem_len as usize;
        if n == 0 {
            return Ok(Value::UNDEFINED);
        }
        let v = vm.elems(a.this)[n - 1];
        if !v.is_empty() {
            vm.obj_mut(a.this).elem_len -= 1;
            return Ok(v);
        }
    }
    rooted(vm, |vm| {
        let o = this_object(vm, a)?;
        let len = len_of(vm, o)?;
        if len == 0.0 {
            set_len(vm, o, 0.0)?;
            return Ok(Value::UNDEFINED);
        }
        let v = get_k(vm, o, len - 1.0)?;
        vm.roots.push(v);
        delete_k(vm, o, len - 1.0)?;
        set_len(vm, o, len - 1.0)?;
        Ok(v)
    })
}

pub fn shift(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    if fast_array(vm, a.this) && !vm.elems(a.this).iter().any(|v| v.is_empty()) {
        let n = vm.obj(a.this).elem_len as usize;
        if n == 0 {
            return Ok(Value::UNDEFINED);
        }
        let v = vm.elems(a.this)[0];
        vm.elems_mut(a.this).copy_within(1..n, 0);
        vm.obj_mut(a.this).elem_len -= 1;
        return Ok(v);
    }
    rooted(vm, |vm| {
        let o = this_object(vm, a)?;
        let len = len_of(vm, o)?;
        if len == 0.0 {
            set_len(vm, o, 0.0)?;
            return Ok(Value::UNDEFINED);
        }
        let first = get_k(vm, o, 0.0)?;
        vm.roots.push(first);
        move_elems(vm, o, 1.0, 0.0, len - 1.0, false)?;
        delete_k(vm, o, len - 1.0)?;
        set_len(vm, o, len - 1.0)?;
        Ok(first)
    })
}

pub fn unshift(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    rooted(vm, |vm| {
        let o = this_object(vm, a)?;
        let len = len_of(vm, o)?;
        let n = a.argc as f64;
        if n > 0.0 {
            if len + n > MAX_SAFE {
                return Err(vm.throw_type_error("Invalid array length"));
            }
            move_elems(vm, o, 0.0, n, len, true)?;
            for i in 0..a.argc {
                let v = arg(vm, a, i);
                set_k(vm, o, i as f64, v)?;
            }
        }
        set_len(vm, o, len + n)?;
        Ok(kv(len + n))
    })
}

/// `splice` on a plain array without holes, with number (or absent) start and count and the
/// default species: no user code can run, so the elements move directly.
fn splice_dense(vm: &mut Vm, a: &CallArgs) -> Option<Value> {
    let o = a.this;
    if !fast_array(vm, o)
        || (0..a.argc.min(2)).any(|i| !arg(vm, a, i).is_number())
        || vm.elems(o).iter().any(|v| v.is_empty())
        || !default_species(vm, o)
    {
        return None;
    }
    let len = vm.obj(o).elem_len as f64;
    let start = rel(vm, arg(vm, a, 0), len, 0.0).ok()?;
    let del = match a.argc {
        0 => 0.0,
        1 => len - start,
        _ => vm.to_integer(arg(vm, a, 1)).ok()?.max(0.0).min(len - start),
    };
    let items: Vec<Value> = (2..a.argc).map(|i| arg(vm, a, i)).collect();
    if len + items.len() as f64 - del >= MAX_DENSE as f64 {
        return None;
    }
    let (s, d) = (start as usize, del as usize);
    // The removed elements are still reachable from `o` while their array is allocated.
    let removed = vm.elems(o)[s..s + d].to_vec();
    let out = vm.new_array_from(&removed);
    let mut all = vm.elems(o).to_vec();
    all.splice(s..s + d, items);
    vm.set_elem_len(o, all.len());
    vm.elems_mut(o).copy_from_slice(&all);
    Some(out)
}

pub fn splice(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    if let Some(out) = splice_dense(vm, a) {
        return Ok(out);
    }
    rooted(vm, |vm| {
        let o = this_object(vm, a)?;
        let len = len_of(vm, o)?;
        let start = rel(vm, arg(vm, a, 0), len, 0.0)?;
        let items: Vec<Value> = (2..a.argc).map(|i| arg(vm, a, i)).collect();
        let del = if a.argc == 0 {
            0.0
        } else if a.argc == 1 {
            len - start
        } else {
            let d = vm.to_integer(arg(vm, a, 1))?;
            d.max(0.0).min(len - start)
        };
        let n = items.len() as f64;
        if len + n - del > MAX_SAFE {
            return Err(vm.throw_type_error("Invalid array length"));
        }
        let removed = species_create(vm, o, del)?;
        vm.roots.push(removed);
        for k in keys(vm, o, start, start + del, false) {
            if has_k(vm, o, k)? {
                let v = get_k(vm, o, k)?;
                create_k(vm, removed, k - start, v)?;
            }
        }
        set_len(vm, removed, del)?;
        if n < del {
            move_elems(vm, o, start + del, start + n, len - start - del, false)?;
            delete_range(vm, o, len - del + n, len)?;
        } else if n > del {
            move_elems(vm, o, start + del, start + n, len - start - del, true)?;
        }
        for (i, v) in items.into_iter().enumerate() {
            set_k(vm, o, start + i as f64, v)?;
        }
        set_len(vm, o, len - del + n)?;
        Ok(removed)
    })
}

pub fn reverse(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    if fast_array(vm, a.this) && !vm.elems(a.this).iter().any(|v| v.is_empty()) {
        vm.elems_mut(a.this).reverse();
        return Ok(a.this);
    }
    rooted(vm, |vm| {
        let o = this_object(vm, a)?;
        let len = len_of(vm, o)?;
        let middle = (len / 2.0).floor();
        let lowers: Vec<f64> = if len > (1u32 << 20) as f64 {
            let mut v: Vec<f64> = keys(vm, o, 0.0, len, false)
                .map(|k| if k < middle { k } else { len - 1.0 - k })
                .collect();
            v.sort_by(|x, y| x.partial_cmp(y).unwrap_or(std::cmp::Ordering::Equal));
            v.dedup();
            v
        } else {
            (0..middle as u64).map(|i| i as f64).collect()
        };
        for lower in lowers {
            let upper = len - 1.0 - lower;
            let le = has_k(vm, o, lower)?;
            let lv = if le {
                get_k(vm, o, lower)?
            } else {
                Value::UNDEFINED
            };
            vm.roots.push(lv);
            let ue = has_k(vm, o, upper)?;
            let uv = if ue {
                get_k(vm, o, upper)?
            } else {
                Value::UNDEFINED
            };
            vm.roots.push(uv);
            match (le, ue) {
                (true, true) => {
                    set_k(vm, o, lower, uv)?;
                    set_k(vm, o, upper, lv)?;
                }
                (false, true) => {
                    set_k(vm, o, lower, uv)?;
                    delete_k(vm, o, upper)?;
                }
                (true, false) => {
                    delete_k(vm, o, lower)?;
                    set_k(vm, o, upper, lv)?;
                }
                (false, false) => {}
            }
        }
        Ok(o)
    })
}

pub fn fill(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    rooted(vm, |vm| {
        let o = this_object(vm, a)?;
        let len = len_of(vm, o)?;
        let v = arg(vm, a, 0);
        let s = rel(vm, arg(vm, a, 1), len, 0.0)?;
        let e = rel(vm, arg(vm, a, 2), len, len)?;
        // A plain array whose prototypes have no index properties: every Set in the range
        // (holes included) just writes the element.
        // (The argument conversions may have run code: the length must still be `len`.)
        if fast_array(vm, o) && vm.obj(o).elem_len as f64 == len && protos_index_free(vm, o) {
            if s < e {
                vm.elems_mut(o)[s as usize..e as usize].fill(v);
            }
            return Ok(o);
        }
        let mut k = s;
        while k < e {
            set_k(vm, o, k, v)?;
            k += 1.0;
        }
        Ok(o)
    })
}

pub fn copy_within(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    rooted(vm, |vm| {
        let o = this_object(vm, a)?;
        let len = len_of(vm, o)?;
        let to = rel(vm, arg(vm, a, 0), len, 0.0)?;
        let from = rel(vm, arg(vm, a, 1), len, 0.0)?;
        let fin = rel(vm, arg(vm, a, 2), len, len)?;
        let count = (fin - from).min(len - to);
        if count > 0.0 {
            move_elems(vm, o, from, to, count, from < to && to < from + count)?;
        }
        Ok(o)
    })
}

pub fn slice(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    rooted(vm, |vm| {
        let o = this_object(vm, a)?;
        let len = len_of(vm, o)?;
        let k = rel(vm, arg(vm, a, 0), len, 0.0)?;
        let fin = rel(vm, arg(vm, a, 1), len, len)?;
        let count = (fin - k).max(0.0);
        let out = species_create(vm, o, count)?;
        vm.roots.push(out);
        for i in keys(vm, o, k, fin, false) {
            if has_k(vm, o, i)? {
                let v = get_k(vm, o, i)?;
                create_k(vm, out, i - k, v)?;
            }
        }
        set_len(vm, out, count)?;
        Ok(out)
    })
}

/// IsConcatSpreadable.
fn spreadable(vm: &mut Vm, v: Value) -> JsResult<bool> {
    if !v.is_object() {
        return Ok(false);
    }
    if let Some(s) = super::symbol::well_known(vm, "isConcatSpreadable") {
        let x = vm.get(v, PropKey::Atom(s))?;
        if !x.is_undefined() {
            return Ok(vm.truthy(x));
        }
    }
    vm.is_array_js(v)
}

pub fn concat(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    rooted(vm, |vm| {
        let o = this_object(vm, a)?;
        let out = species_create(vm, o, 0.0)?;
        vm.roots.push(out);
        let mut n = 0.0;
        let items: Vec<Value> = std::iter::once(o)
            .chain((0..a.argc).map(|i| arg(vm, a, i)))
            .collect();
        for e in items {
            if spreadable(vm, e)? {
                let len = len_of(vm, e)?;
                if n + len > MAX_SAFE {
                    return Err(vm.throw_type_error("Invalid array length"));
                }
                for k in keys(vm, e, 0.0, len, false) {
                    if has_k(vm, e, k)? {
                        let v = get_k(vm, e, k)?;
                        create_k(vm, out, n + k, v)?;
                    }
                }
                n += len;
            } else {
                if n >= MAX_SAFE {
                    return Err(vm.throw_type_error("Invalid array length"));
                }
                create_k(vm, out, n, e)?;
                n += 1.0;
            }
        }
        set_len(vm, out, n)?;
        Ok(out)
    })
}

pub fn to_reversed(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    rooted(vm, |vm| {
        let o = this_object(vm, a)?;
        let len = len_of(vm, o)?;
        let out = array_create(vm, len)?;
        vm.roots.push(out);
        let mut k = 0.0;
        while k < len {
            let v = get_k(vm, o, len - 1.0 - k)?;
            create_k(vm, out, k, v)?;
            k += 1.0;
        }
        Ok(out)
    })
}

pub fn with(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    rooted(vm, |vm| {
        let o = this_object(vm, a)?;
        let len = len_of(vm, o)?;
        let r = vm.to_integer(arg(vm, a, 0))?;
        let idx = if r >= 0.0 { r } else { len + r };
        if idx >= len || idx < 0.0 {
            let s = crate::js::format::number::number_to_string(r);
            return Err(vm.throw_range_error(&format!("Invalid index : {s}")));
        }
        let out = array_create(vm, len)?;
        vm.roots.push(out);
        let v = arg(vm, a, 1);
        let mut k = 0.0;
        while k < len {
            let x = if k == idx { v } else { get_k(vm, o, k)? };
            create_k(vm, out, k, x)?;
            k += 1.0;
        }
        Ok(out)
    })
}

pub fn to_spliced(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    rooted(vm, |vm| {
        let o = this_object(vm, a)?;
        let len = len_of(vm, o)?;
        let start = rel(vm, arg(vm, a, 0), len, 0.0)?;
        let skip = if a.argc == 0 {
            0.0
        } else if a.argc == 1 {
            len - start
        } else {
            let d = vm.to_integer(arg(vm, a, 1))?;
            d.max(0.0).min(len - start)
        };
        let items: Vec<Value> = (2..a.argc).map(|i| arg(vm, a, i)).collect();
        let new_len = len + items.len() as f64 - skip;
        if new_len > MAX_SAFE {
            return Err(vm.throw_type_error("Invalid array length"));
        }
        let out = array_create(vm, new_len)?;
        vm.roots.push(out);
        let mut i = 0.0;
        while i < start {
            let v = get_k(vm, o, i)?;
            create_k(vm, out, i, v)?;
            i += 1.0;
        }
        for v in items {
            create_k(vm, out, i, v)?;
            i += 1.0;
        }
        let mut r = start + skip;
        while i < new_len {
            let v = get_k(vm, o, r)?;
            create_k(vm, out, i, v)?;
            i += 1.0;
            r += 1.0;
        }
        Ok(out)
    })
}

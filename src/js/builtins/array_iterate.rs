//! Generic `Array.prototype` methods that read the receiver: callbacks (forEach, map, filter,
//! some, every, find*, reduce*), searches (indexOf, lastIndexOf, includes), at, join.

use super::arg;
use super::array_generic::*;
use crate::js::value::Value;
use crate::js::vm::{CallArgs, JsResult, Vm};

#[derive(Clone, Copy, PartialEq)]
enum Cb {
    ForEach,
    Map,
    Filter,
    Some,
    Every,
}

/// forEach / map / filter / some / every (23.1.3.*): present indices only.
fn each(vm: &mut Vm, a: &CallArgs, kind: Cb) -> JsResult<Value> {
    rooted(vm, |vm| {
        let o = this_object(vm, a)?;
        let len = len_of(vm, o)?;
        let f = callback(vm, a, 0)?;
        let this_arg = arg(vm, a, 1);
        let out = match kind {
            Cb::Map => species_create(vm, o, len)?,
            Cb::Filter => species_create(vm, o, 0.0)?,
            _ => Value::UNDEFINED,
        };
        vm.roots.push(out);
        let mut to = 0.0;
        for k in keys(vm, o, 0.0, len, false) {
            if !has_k(vm, o, k)? {
                continue;
            }
            let v = get_k(vm, o, k)?;
            vm.roots.push(v);
            let r = vm.call_function(f, this_arg, &[v, kv(k), o])?;
            match kind {
                Cb::ForEach => {}
                Cb::Map => {
                    vm.roots.push(r);
                    create_k(vm, out, k, r)?;
                }
                Cb::Filter => {
                    if vm.truthy(r) {
                        create_k(vm, out, to, v)?;
                        to += 1.0;
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
            }
            vm.roots.pop();
        }
        Ok(match kind {
            Cb::Map | Cb::Filter => out,
            Cb::Some => Value::FALSE,
            Cb::Every => Value::TRUE,
            Cb::ForEach => Value::UNDEFINED,
        })
    })
}
pub fn for_each(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    each(vm, a, Cb::ForEach)
}
pub fn map(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    each(vm, a, Cb::Map)
}
pub fn filter(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    each(vm, a, Cb::Filter)
}
pub fn some(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    each(vm, a, Cb::Some)
}
pub fn every(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    each(vm, a, Cb::Every)
}

/// find / findIndex / findLast / findLastIndex: every index, holes read as undefined.
fn find_impl(vm: &mut Vm, a: &CallArgs, last: bool, index: bool) -> JsResult<Value> {
    rooted(vm, |vm| {
        let o = this_object(vm, a)?;
        let len = len_of(vm, o)?;
        let f = callback(vm, a, 0)?;
        let this_arg = arg(vm, a, 1);
        let mut k = if last { len - 1.0 } else { 0.0 };
        while (last && k >= 0.0) || (!last && k < len) {
            let v = get_k(vm, o, k)?;
            vm.roots.push(v);
            let r = vm.call_function(f, this_arg, &[v, kv(k), o])?;
            vm.roots.pop();
            if vm.truthy(r) {
                return Ok(if index { kv(k) } else { v });
            }
            k += if last { -1.0 } else { 1.0 };
        }
        Ok(if index {
            Value::int(-1)
        } else {
            Value::UNDEFINED
        })
    })
}
pub fn find(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    find_impl(vm, a, false, false)
}
pub fn find_index(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    find_impl(vm, a, false, true)
}
pub fn find_last(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    find_impl(vm, a, true, false)
}
pub fn find_last_index(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    find_impl(vm, a, true, true)
}

/// reduce / reduceRight (23.1.3.24–25).
fn reduce_impl(vm: &mut Vm, a: &CallArgs, right: bool) -> JsResult<Value> {
    rooted(vm, |vm| {
        let o = this_object(vm, a)?;
        let len = len_of(vm, o)?;
        let f = callback(vm, a, 0)?;
        let mut ks = keys(vm, o, 0.0, len, right);
        let mut acc = None;
        if a.argc >= 2 {
            acc = Some(arg(vm, a, 1));
        } else {
            for k in ks.by_ref() {
                if has_k(vm, o, k)? {
                    acc = Some(get_k(vm, o, k)?);
                    break;
                }
            }
        }
        let Some(mut acc) = acc else {
            return Err(vm.throw_type_error("Reduce of empty array with no initial value"));
        };
        let slot = vm.roots.len();
        vm.roots.push(acc);
        for k in ks {
            if !has_k(vm, o, k)? {
                continue;
            }
            let v = get_k(vm, o, k)?;
            vm.roots.push(v);
            acc = vm.call_function(f, Value::UNDEFINED, &[acc, v, kv(k), o])?;
            vm.roots.pop();
            vm.roots[slot] = acc;
        }
        Ok(acc)
    })
}
pub fn reduce(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    reduce_impl(vm, a, false)
}
pub fn reduce_right(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    reduce_impl(vm, a, true)
}

pub fn index_of(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    rooted(vm, |vm| {
        let o = this_object(vm, a)?;
        let len = len_of(vm, o)?;
        if len == 0.0 {
            return Ok(Value::int(-1));
        }
        let x = arg(vm, a, 0);
        let mut from = rel(vm, arg(vm, a, 1), len, 0.0)?;
        // The dense part of an array: its elements up to the first hole (a hole may be read
        // through the prototype chain: the generic loop goes on from there).
        if vm.is_array(o) {
            let dense = vm.elems(o).get(from as usize..).unwrap_or(&[]);
            let run = dense
                .iter()
                .position(|v| v.is_empty())
                .unwrap_or(dense.len());
            if let Some(i) = (0..run).find(|&i| vm.strict_equals(vm.elems(o)[from as usize + i], x))
            {
                return Ok(kv(from + i as f64));
            }
            from += run as f64;
        }
        for k in keys(vm, o, from, len, false) {
            if has_k(vm, o, k)? {
                let v = get_k(vm, o, k)?;
                if vm.strict_equals(v, x) {
                    return Ok(kv(k));
                }
            }
        }
        Ok(Value::int(-1))
    })
}
pub fn last_index_of(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    rooted(vm, |vm| {
        let o = this_object(vm, a)?;
        let len = len_of(vm, o)?;
        if len == 0.0 {
            return Ok(Value::int(-1));
        }
        let x = arg(vm, a, 0);
        let from = if a.argc > 1 {
            let f = vm.to_integer(arg(vm, a, 1))?;
            if f < 0.0 { len + f } else { f.min(len - 1.0) }
        } else {
            len - 1.0
        };
        if from < 0.0 {
            return Ok(Value::int(-1));
        }
        for k in keys(vm, o, 0.0, from + 1.0, true) {
            if has_k(vm, o, k)? {
                let v = get_k(vm, o, k)?;
                if vm.strict_equals(v, x) {
                    return Ok(kv(k));
                }
            }
        }
        Ok(Value::int(-1))
    })
}
pub fn includes(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    rooted(vm, |vm| {
        let o = this_object(vm, a)?;
        let len = len_of(vm, o)?;
        if len == 0.0 {
            return Ok(Value::FALSE);
        }
        let x = arg(vm, a, 0);
        let from = rel(vm, arg(vm, a, 1), len, 0.0)?;
        let mut expect = from;
        for k in keys(vm, o, from, len, false) {
            if k != expect && x.is_undefined() {
                // A gap of absent indices reads as undefined.
                return Ok(Value::TRUE);
            }
            expect = k + 1.0;
            let v = get_k(vm, o, k)?;
            if vm.same_value_zero(v, x) {
                return Ok(Value::TRUE);
            }
        }
        Ok(Value::bool(expect < len && x.is_undefined()))
    })
}
pub fn at(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    rooted(vm, |vm| {
        let o = this_object(vm, a)?;
        let len = len_of(vm, o)?;
        let i = vm.to_integer(arg(vm, a, 0))?;
        let k = if i < 0.0 { len + i } else { i };
        if k < 0.0 || k >= len {
            return Ok(Value::UNDEFINED);
        }
        get_k(vm, o, k)
    })
}

/// join (23.1.3.18), with cycle detection (a cyclic reference joins as "").
pub fn join(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    rooted(vm, |vm| {
        let o = this_object(vm, a)?;
        let len = len_of(vm, o)?;
        let s = arg(vm, a, 0);
        let sep: Vec<u16> = if s.is_undefined() {
            vec![b',' as u16]
        } else {
            let s = vm.to_string(s)?;
            vm.str_units(s).to_vec()
        };
        join_with(vm, o, len, &sep)
    })
}
pub fn join_with(vm: &mut Vm, o: Value, len: f64, sep: &[u16]) -> JsResult<Value> {
    if vm.join_stack.contains(&o) {
        return Ok(vm.new_str(""));
    }
    if len * sep.len() as f64 > (1u64 << 29) as f64 {
        return Err(vm.throw_range_error("Invalid string length"));
    }
    vm.join_stack.push(o);
    let r = (|| {
        let mut out: Vec<u16> = Vec::new();
        let mut k = 0.0;
        while k < len {
            if k > 0.0 {
                out.extend_from_slice(sep);
            }
            let v = get_k(vm, o, k)?;
            if !v.is_nullish() {
                let s = vm.to_string(v)?;
                out.extend_from_slice(vm.str_units(s));
            }
            if out.len() > 1 << 29 {
                return Err(vm.throw_range_error("Invalid string length"));
            }
            k += 1.0;
        }
        Ok(vm.new_str_units(&out))
    })();
    vm.join_stack.pop();
    r
}
/// Array.prototype.toString: `this.join()` if callable, else Object.prototype.toString.
pub fn to_string(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    rooted(vm, |vm| {
        let o = this_object(vm, a)?;
        let j = vm.get_by_name(o, "join")?;
        if vm.is_callable(j) {
            return vm.call_function(j, o, &[]);
        }
        let args = CallArgs { this: o, ..*a };
        super::object::object_to_string(vm, &args)
    })
}

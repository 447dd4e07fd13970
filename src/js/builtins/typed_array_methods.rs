//! `%TypedArray%.prototype` methods that write or copy (ECMA-262 2025 §23.2.3): copyWithin,
//! fill, reverse, set, slice, sort, subarray, toReversed, toSorted, with, and toString
//! (the same function object as `Array.prototype.toString`). Byte copies re-check the
//! buffer after every step that can run user code, and go through bounds-checked slices.

use super::array::comparator;
use super::array_generic::rooted;
use super::typed_array::{create_same_type, species_create};
use super::typed_array_iterate::get;
use super::{arg, rel_index};
use crate::js::object::PropKey;
use crate::js::value::Value;
use crate::js::vm::{CallArgs, JsResult, Vm, realm};

/// The in-bounds byte range of a typed array's elements `from..to`, or None.
fn byte_range(vm: &Vm, o: Value, from: usize, to: usize) -> Option<std::ops::Range<usize>> {
    let kind = vm.ta_kind(o)?;
    let len = vm.ta_length(o)?;
    let to = to.min(len);
    let off = vm.view_offset(o);
    Some(off + from.min(to) * kind.size()..off + to * kind.size())
}

fn detached(vm: &mut Vm, what: &str) -> crate::js::vm::Thrown {
    vm.throw_type_error(&format!("Cannot perform {what} on a detached ArrayBuffer"))
}

/// `copyWithin(target, start, end)` (§23.2.3.6).
fn copy_within(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let what = "%TypedArray%.prototype.copyWithin";
    let o = a.this;
    let (kind, len) = vm.validate_ta(o, what)?;
    let to = rel_index(vm, arg(vm, a, 0), len, 0)?;
    let from = rel_index(vm, arg(vm, a, 1), len, 0)?;
    let fin = rel_index(vm, arg(vm, a, 2), len, len)?;
    let count = fin.saturating_sub(from).min(len - to);
    if count > 0 {
        let Some(len) = vm.ta_length(o) else {
            return Err(detached(vm, what));
        };
        let size = kind.size();
        let off = vm.view_offset(o);
        let limit = len * size + off;
        let (to_b, from_b) = (to * size + off, from * size + off);
        // Bytes are copied while both positions are below the limit (§23.2.3.6 step 17.n).
        let n = (count * size)
            .min(limit.saturating_sub(from_b))
            .min(limit.saturating_sub(to_b));
        if n > 0 {
            let buf = vm.view_buffer(o);
            vm.buf_data_mut(buf)
                .bytes
                .copy_within(from_b..from_b + n, to_b);
        }
    }
    Ok(o)
}

/// `fill(value, start, end)` (§23.2.3.9).
fn fill(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let what = "%TypedArray%.prototype.fill";
    let o = a.this;
    let (kind, len) = vm.validate_ta(o, what)?;
    let n = vm.to_ta_element(kind, arg(vm, a, 0))?;
    vm.roots.push(n);
    let start = rel_index(vm, arg(vm, a, 1), len, 0);
    let end = rel_index(vm, arg(vm, a, 2), len, len);
    vm.roots.pop();
    let (start, end) = (start?, end?);
    let Some(len) = vm.ta_length(o) else {
        return Err(detached(vm, what));
    };
    for k in start..end.min(len) {
        vm.ta_put(o, k, n);
    }
    Ok(o)
}

/// `reverse()` (§23.2.3.25).
fn reverse(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let o = a.this;
    let (kind, len) = vm.validate_ta(o, "%TypedArray%.prototype.reverse")?;
    if let Some(r) = byte_range(vm, o, 0, len) {
        let buf = vm.view_buffer(o);
        let bytes = &mut vm.buf_data_mut(buf).bytes[r];
        // Reverse the element order: reverse all bytes, then each element's bytes back.
        bytes.reverse();
        for e in bytes.chunks_mut(kind.size()) {
            e.reverse();
        }
    }
    Ok(o)
}

/// `set(source, offset)` (§23.2.3.26).
fn set(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let what = "%TypedArray%.prototype.set";
    let t = a.this;
    let Some(tkind) = vm.ta_kind(t) else {
        return Err(vm.throw_type_error("this is not a typed array."));
    };
    let off = vm.to_integer(arg(vm, a, 1))?;
    if off < 0.0 {
        return Err(vm.throw_range_error("offset is out of bounds"));
    }
    let src = arg(vm, a, 0);
    let Some(tlen) = vm.ta_length(t) else {
        return Err(detached(vm, what));
    };
    if let Some(skind) = vm.ta_kind(src) {
        // SetTypedArrayFromTypedArray: the source is read in full first, so overlapping
        // views of one buffer copy correctly.
        let Some(slen) = vm.ta_length(src) else {
            return Err(detached(vm, what));
        };
        if off + slen as f64 > tlen as f64 {
            return Err(vm.throw_range_error("offset is out of bounds"));
        }
        if skind.is_bigint() != tkind.is_bigint() {
            return Err(
                vm.throw_type_error("Cannot mix BigInt and other types, use explicit conversions")
            );
        }
        let vals: Vec<Value> = (0..slen).map(|k| get(vm, src, k)).collect();
        for (k, v) in vals.into_iter().enumerate() {
            vm.ta_put(t, off as usize + k, v);
        }
        return Ok(Value::UNDEFINED);
    }
    // SetTypedArrayFromArrayLike.
    rooted(vm, |vm| {
        let s = super::to_object(vm, src)?;
        vm.roots.push(s);
        let slen = super::array_generic::len_of(vm, s)?;
        if off + slen > tlen as f64 {
            return Err(vm.throw_range_error("offset is out of bounds"));
        }
        for k in 0..slen as usize {
            let v = vm.get(s, PropKey::Index(k as u32))?;
            let n = vm.to_ta_element(tkind, v)?;
            vm.ta_put(t, off as usize + k, n);
        }
        Ok(Value::UNDEFINED)
    })
}

/// `slice(start, end)` (§23.2.3.27).
fn slice(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let what = "%TypedArray%.prototype.slice";
    let o = a.this;
    let (kind, len) = vm.validate_ta(o, what)?;
    let start = rel_index(vm, arg(vm, a, 0), len, 0)?;
    let end = rel_index(vm, arg(vm, a, 1), len, len)?;
    let count = end.saturating_sub(start);
    rooted(vm, |vm| {
        let t = species_create(vm, o, &[Value::number(count as f64)])?;
        if count == 0 {
            return Ok(t);
        }
        let Some(len) = vm.ta_length(o) else {
            return Err(detached(vm, what));
        };
        let end = end.min(len);
        if vm.ta_kind(t) == Some(kind) {
            if let Some(r) = byte_range(vm, o, start, end) {
                let (sb, tb, toff) = (vm.view_buffer(o), vm.view_buffer(t), vm.view_offset(t));
                if sb == tb {
                    // One buffer: byte by byte upwards, as the spec's loop copies (an
                    // overlapping target sees bytes it has just written).
                    let bytes = &mut vm.buf_data_mut(sb).bytes;
                    let n = r.len().min(bytes.len().saturating_sub(toff));
                    for i in 0..n {
                        bytes[toff + i] = bytes[r.start + i];
                    }
                } else {
                    let src = vm.buf_data(sb).bytes[r].to_vec();
                    let dst = &mut vm.buf_data_mut(tb).bytes;
                    let n = src.len().min(dst.len().saturating_sub(toff));
                    dst[toff..toff + n].copy_from_slice(&src[..n]);
                }
            }
        } else {
            vm.roots.push(t);
            for (n, k) in (start..end).enumerate() {
                let v = get(vm, o, k);
                vm.set(t, PropKey::Index(n as u32), v)?;
            }
        }
        Ok(t)
    })
}

/// SortCompare without a comparator: numeric order, -0 before +0, NaN last.
fn numeric_less(x: f64, y: f64) -> bool {
    if x.is_nan() {
        return false;
    }
    if y.is_nan() {
        return true;
    }
    x < y || (x == 0.0 && y == 0.0 && x.is_sign_negative() && !y.is_sign_negative())
}

/// The elements sorted with `f` (undefined: numeric order).
fn sorted(vm: &mut Vm, o: Value, len: usize, f: Value) -> JsResult<Vec<Value>> {
    let mut vals: Vec<Value> = (0..len).map(|k| get(vm, o, k)).collect();
    if vm.ta_kind(o).is_some_and(|k| k.is_bigint()) {
        if f.is_undefined() {
            vals.sort_by(|x, y| vm.bigint(*x).cmp(vm.bigint(*y)));
            return Ok(vals);
        }
        // The comparator runs JavaScript: the fresh BigInt cells stay rooted (the caller
        // truncates `roots`).
        vm.roots.extend_from_slice(&vals);
    }
    if f.is_undefined() {
        vals.sort_by(|x, y| {
            let (x, y) = (x.as_number(), y.as_number());
            if numeric_less(x, y) {
                std::cmp::Ordering::Less
            } else if numeric_less(y, x) {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        });
    } else {
        let mut cmp = |vm: &mut Vm, x: Value, y: Value| -> JsResult<bool> {
            let r = vm.call_function(f, Value::UNDEFINED, &[x, y])?;
            Ok(vm.to_number(r)? < 0.0)
        };
        super::array::merge_sort(vm, &mut vals, &mut cmp)?;
    }
    Ok(vals)
}

/// `sort(comparefn)` (§23.2.3.29).
fn sort(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let f = comparator(vm, a)?;
    let o = a.this;
    let (_, len) = vm.validate_ta(o, "%TypedArray%.prototype.sort")?;
    let vals = rooted(vm, |vm| sorted(vm, o, len, f))?;
    for (k, v) in vals.into_iter().enumerate() {
        vm.ta_put(o, k, v);
    }
    Ok(o)
}

/// `toSorted(comparefn)` (§23.2.3.33).
fn to_sorted(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let f = comparator(vm, a)?;
    let o = a.this;
    let (_, len) = vm.validate_ta(o, "%TypedArray%.prototype.toSorted")?;
    let t = create_same_type(vm, o, len)?;
    let vals = rooted(vm, |vm| {
        vm.roots.push(t);
        sorted(vm, o, len, f)
    })?;
    for (k, v) in vals.into_iter().enumerate() {
        vm.ta_put(t, k, v);
    }
    Ok(t)
}

/// `toReversed()` (§23.2.3.32).
fn to_reversed(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let o = a.this;
    let (_, len) = vm.validate_ta(o, "%TypedArray%.prototype.toReversed")?;
    let t = create_same_type(vm, o, len)?;
    for k in 0..len {
        let v = get(vm, o, len - 1 - k);
        vm.ta_put(t, k, v);
    }
    Ok(t)
}

/// `with(index, value)` (§23.2.3.36).
fn with(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let o = a.this;
    let (kind, len) = vm.validate_ta(o, "%TypedArray%.prototype.with")?;
    let rel = vm.to_integer(arg(vm, a, 0))?;
    let idx = if rel >= 0.0 { rel } else { len as f64 + rel };
    let n = vm.to_ta_element(kind, arg(vm, a, 1))?;
    if !(idx >= 0.0 && vm.ta_length(o).is_some_and(|l| idx < l as f64)) {
        return Err(vm.throw_range_error("Invalid typed array index"));
    }
    let t = create_same_type(vm, o, len)?;
    for k in 0..len {
        let v = if k as f64 == idx { n } else { get(vm, o, k) };
        vm.ta_put(t, k, v);
    }
    Ok(t)
}

/// `subarray(start, end)` (§23.2.3.30): a new view of the same buffer.
fn subarray(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let o = a.this;
    let Some(kind) = vm.ta_kind(o) else {
        return Err(vm.throw_type_error("this is not a typed array."));
    };
    let buf = vm.view_buffer(o);
    let len = vm.ta_length_or_zero(o);
    let start = rel_index(vm, arg(vm, a, 0), len, 0)?;
    let begin = vm.view_offset(o) + start * kind.size();
    let e = arg(vm, a, 1);
    let mut args = vec![buf, Value::number(begin as f64)];
    if vm.view_fixed_len(o).is_some() || !e.is_undefined() {
        let end = rel_index(vm, e, len, len)?;
        args.push(Value::number(end.saturating_sub(start) as f64));
    }
    vm.roots.push(buf);
    let r = species_create(vm, o, &args);
    vm.roots.pop();
    r
}

/// Installs these methods on %TypedArray%.prototype.
pub fn install(vm: &mut Vm, proto: Value) {
    vm.method(proto, "copyWithin", copy_within, 2);
    vm.method(proto, "fill", fill, 1);
    vm.method(proto, "reverse", reverse, 0);
    vm.method(proto, "set", set, 1);
    vm.method(proto, "slice", slice, 2);
    vm.method(proto, "sort", sort, 1);
    vm.method(proto, "subarray", subarray, 2);
    vm.method(proto, "toReversed", to_reversed, 0);
    vm.method(proto, "toSorted", to_sorted, 1);
    vm.method(proto, "with", with, 2);
    // toString is Array.prototype.toString itself (§23.2.3.34).
    let ap = vm.realm[realm::ARRAY_PROTO];
    let ts = vm.intern("toString");
    if let Some((loc, _)) = vm.find_own(ap, ts) {
        let f = vm.read_loc(ap, loc);
        vm.put(proto, "toString", f, crate::js::shape::HIDDEN);
    }
}

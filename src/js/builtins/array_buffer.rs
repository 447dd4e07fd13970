//! `ArrayBuffer` (ECMA-262 2025 §25.1): construction (fixed-length and resizable with
//! `maxByteLength`), `isView`, `@@species`, and the prototype's `byteLength`,
//! `maxByteLength`, `resizable`, `detached`, `slice`, `resize`, `transfer` and
//! `transferToFixedLength`. The bytes live in `js::typed::BufData` (see there).

use super::arg;
use super::promise::species_constructor_or;
use crate::js::object::*;
use crate::js::typed::{BufData, MAX_BYTE_LENGTH};
use crate::js::value::Value;
use crate::js::vm::{CallArgs, JsResult, Vm, realm};

/// ToIndex (§7.1.22): an integer in 0..=2^53-1, else a RangeError.
pub fn to_index(vm: &mut Vm, v: Value, what: &str) -> JsResult<usize> {
    if v.is_undefined() {
        return Ok(0);
    }
    let n = vm.to_integer(v)?;
    if !(0.0..=9007199254740991.0).contains(&n) {
        return Err(vm.throw_range_error(&format!("Invalid {what}")));
    }
    Ok(n as usize)
}

/// AllocateArrayBuffer (§25.1.3.1) with a prototype already chosen: a RangeError when the
/// bytes cannot be had (kiln's limit is [`MAX_BYTE_LENGTH`]).
pub fn alloc_buffer(vm: &mut Vm, proto: Value, len: usize, max: Option<usize>) -> JsResult<Value> {
    if len > MAX_BYTE_LENGTH || max.is_some_and(|m| m > MAX_BYTE_LENGTH) {
        return Err(vm.throw_range_error("Array buffer allocation failed"));
    }
    let Some(data) = BufData::zeroed(len, max) else {
        return Err(vm.throw_range_error("Array buffer allocation failed"));
    };
    vm.heap.note_alloc(len);
    let b = vm.new_object_with(CLASS_ARRAY_BUFFER, proto);
    vm.obj_mut(b).buf = Box::into_raw(Box::new(data));
    Ok(b)
}

/// A new fixed-length `ArrayBuffer` of `len` zero bytes from this realm.
pub fn new_buffer(vm: &mut Vm, len: usize) -> JsResult<Value> {
    let p = vm.realm[realm::ARRAY_BUFFER_PROTO];
    alloc_buffer(vm, p, len, None)
}

/// DetachArrayBuffer (§25.1.3.5): the bytes are released; views see length 0.
pub fn detach(vm: &mut Vm, b: Value) {
    let d = vm.buf_data_mut(b);
    d.bytes = Default::default();
    d.detached = true;
}

/// The `(length, { maxByteLength })` arguments of the ArrayBuffer and SharedArrayBuffer
/// constructors: ToIndex of each, and a RangeError when the length exceeds the maximum.
pub(super) fn length_and_max(vm: &mut Vm, a: &CallArgs) -> JsResult<(usize, Option<usize>)> {
    let len = to_index(vm, arg(vm, a, 0), "array buffer length")?;
    let opts = arg(vm, a, 1);
    let mut max = None;
    if opts.is_object() {
        let m = vm.get_by_name(opts, "maxByteLength")?;
        if !m.is_undefined() {
            max = Some(to_index(vm, m, "array buffer max length")?);
        }
    }
    if max.is_some_and(|m| len > m) {
        return Err(vm.throw_range_error("Invalid array buffer length"));
    }
    Ok((len, max))
}

fn ctor(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    if a.new_target.is_undefined() {
        return Err(vm.throw_type_error("Constructor ArrayBuffer requires 'new'"));
    }
    let (len, max) = length_and_max(vm, a)?;
    let proto = vm.proto_from_new_target(a, realm::ARRAY_BUFFER_PROTO)?;
    alloc_buffer(vm, proto, len, max)
}

fn is_view(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let v = arg(vm, a, 0);
    Ok(Value::bool(
        v.is_object() && (vm.ta_kind(v).is_some() || vm.class_of(v) == CLASS_DATA_VIEW),
    ))
}

fn this_buffer(vm: &mut Vm, a: &CallArgs, what: &str) -> JsResult<Value> {
    if vm.is_array_buffer(a.this) {
        Ok(a.this)
    } else {
        let d = vm.inspect(a.this);
        Err(vm.throw_type_error(&format!(
            "Method ArrayBuffer.prototype.{what} called on incompatible receiver {d}"
        )))
    }
}

fn byte_length(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let b = this_buffer(vm, a, "byteLength")?;
    Ok(Value::number(vm.buf_data(b).bytes.len() as f64))
}
fn max_byte_length(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let b = this_buffer(vm, a, "maxByteLength")?;
    let d = vm.buf_data(b);
    let n = if d.detached {
        0
    } else {
        d.max.unwrap_or(d.bytes.len())
    };
    Ok(Value::number(n as f64))
}
fn resizable(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let b = this_buffer(vm, a, "resizable")?;
    Ok(Value::bool(vm.buf_data(b).max.is_some()))
}
fn detached(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let b = this_buffer(vm, a, "detached")?;
    Ok(Value::bool(vm.is_detached(b)))
}

fn detached_error(vm: &mut Vm, what: &str) -> crate::js::vm::Thrown {
    vm.throw_type_error(&format!(
        "Cannot perform ArrayBuffer.prototype.{what} on a detached ArrayBuffer"
    ))
}

/// A relative index argument resolved against `len` (clamped to `0..=len`).
pub(super) fn relative(vm: &mut Vm, v: Value, len: usize, default: usize) -> JsResult<usize> {
    super::rel_index(vm, v, len, default)
}

/// `ArrayBuffer.prototype.slice(start, end)` (§25.1.6.7).
fn slice(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let o = this_buffer(vm, a, "slice")?;
    if vm.is_detached(o) {
        return Err(detached_error(vm, "slice"));
    }
    let len = vm.buf_data(o).bytes.len();
    let first = relative(vm, arg(vm, a, 0), len, 0)?;
    let fin = relative(vm, arg(vm, a, 1), len, len)?;
    let new_len = fin.saturating_sub(first);
    let default = vm.realm[realm::ARRAY_BUFFER_CTOR];
    vm.roots.push(o);
    let r = (|| {
        let c = species_constructor_or(vm, o, default)?;
        let n = vm.construct(c, &[Value::number(new_len as f64)], c)?;
        if !vm.is_array_buffer(n) {
            return Err(
                vm.throw_type_error("ArrayBuffer subclass returned this from species constructor")
            );
        }
        if vm.is_detached(n) {
            return Err(detached_error(vm, "slice"));
        }
        if n == o {
            return Err(
                vm.throw_type_error("ArrayBuffer subclass returned this from species constructor")
            );
        }
        if vm.buf_data(n).bytes.len() < new_len {
            return Err(vm.throw_type_error("Species constructor returned a too small ArrayBuffer"));
        }
        if vm.is_detached(o) {
            return Err(detached_error(vm, "slice"));
        }
        let cur = vm.buf_data(o).bytes.len();
        if first < cur {
            let count = new_len.min(cur - first);
            let src: Vec<u8> = vm.buf_data(o).bytes[first..first + count].to_vec();
            vm.buf_data_mut(n).bytes[..count].copy_from_slice(&src);
        }
        Ok(n)
    })();
    vm.roots.pop();
    r
}

/// `ArrayBuffer.prototype.resize(newLength)` (§25.1.6.6).
fn resize(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let o = this_buffer(vm, a, "resize")?;
    let Some(max) = vm.buf_data(o).max else {
        let d = vm.inspect(o);
        return Err(vm.throw_type_error(&format!(
            "Method ArrayBuffer.prototype.resize called on incompatible receiver {d}"
        )));
    };
    let n = to_index(vm, arg(vm, a, 0), "length")?;
    if vm.is_detached(o) {
        return Err(detached_error(vm, "resize"));
    }
    if n > max {
        return Err(vm.throw_range_error("ArrayBuffer.prototype.resize: Invalid length parameter"));
    }
    let bytes = &mut vm.buf_data_mut(o).bytes;
    if n > bytes.len() && bytes.try_reserve_exact(n - bytes.len()).is_err() {
        return Err(vm.throw_range_error("Array buffer allocation failed"));
    }
    bytes.resize(n, 0);
    Ok(Value::UNDEFINED)
}

/// ArrayBufferCopyAndDetach (§25.1.3.3): `transfer` keeps resizability, `transferToFixedLength`
/// drops it.
fn copy_and_detach(vm: &mut Vm, a: &CallArgs, preserve: bool) -> JsResult<Value> {
    let what = if preserve {
        "transfer"
    } else {
        "transferToFixedLength"
    };
    let o = this_buffer(vm, a, what)?;
    let nl = arg(vm, a, 0);
    let new_len = if nl.is_undefined() {
        vm.buf_data(o).bytes.len()
    } else {
        to_index(vm, nl, "array buffer length")?
    };
    if vm.is_detached(o) {
        return Err(detached_error(vm, what));
    }
    let max = if preserve { vm.buf_data(o).max } else { None };
    if max.is_some_and(|m| new_len > m) {
        return Err(vm.throw_range_error(&format!(
            "ArrayBuffer.prototype.{what}: Invalid length parameter"
        )));
    }
    if new_len > MAX_BYTE_LENGTH {
        return Err(vm.throw_range_error("Array buffer allocation failed"));
    }
    let mut bytes = std::mem::take(&mut vm.buf_data_mut(o).bytes);
    if new_len > bytes.len() && bytes.try_reserve_exact(new_len - bytes.len()).is_err() {
        vm.buf_data_mut(o).bytes = bytes;
        return Err(vm.throw_range_error("Array buffer allocation failed"));
    }
    bytes.resize(new_len, 0);
    detach(vm, o);
    let p = vm.realm[realm::ARRAY_BUFFER_PROTO];
    let n = alloc_buffer(vm, p, 0, max)?;
    vm.buf_data_mut(n).bytes = bytes;
    Ok(n)
}
fn transfer(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    copy_and_detach(vm, a, true)
}
fn transfer_to_fixed_length(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    copy_and_detach(vm, a, false)
}

pub fn install(vm: &mut Vm) {
    let op = vm.realm[realm::OBJECT_PROTO];
    let proto = vm.new_object_with(CLASS_ORDINARY, op);
    vm.realm[realm::ARRAY_BUFFER_PROTO] = proto;
    let c = vm.constructor("ArrayBuffer", ctor, 1, proto);
    vm.realm[realm::ARRAY_BUFFER_CTOR] = c;
    vm.method(c, "isView", is_view, 1);
    super::symbol_accessor(
        vm,
        c,
        "species",
        "get [Symbol.species]",
        super::species_getter,
    );
    vm.getter(proto, "byteLength", byte_length);
    vm.getter(proto, "maxByteLength", max_byte_length);
    vm.getter(proto, "resizable", resizable);
    vm.getter(proto, "detached", detached);
    vm.method(proto, "slice", slice, 2);
    vm.method(proto, "resize", resize, 1);
    vm.method(proto, "transfer", transfer, 0);
    vm.method(proto, "transferToFixedLength", transfer_to_fixed_length, 0);
    super::to_string_tag(vm, proto, "ArrayBuffer");
}

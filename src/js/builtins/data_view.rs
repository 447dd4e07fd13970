//! `DataView` (ECMA-262 2025 §25.3): construction over a buffer (length-tracking on a
//! resizable buffer when no length is given), the `buffer`/`byteLength`/`byteOffset`
//! getters and `get`/`set` of every element type (Float16 included) in either byte order.

use super::arg;
use super::array_buffer::to_index;
use crate::js::bigint::convert::bits64;
use crate::js::object::*;
use crate::js::typed::{KINDS, Kind, decode, encode};
use crate::js::value::Value;
use crate::js::vm::{CallArgs, JsResult, NativeFn, Vm, realm};

fn ctor(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    if a.new_target.is_undefined() {
        return Err(vm.throw_type_error("Constructor DataView requires 'new'"));
    }
    let buf = arg(vm, a, 0);
    if !vm.is_any_buffer(buf) {
        return Err(
            vm.throw_type_error("First argument to DataView constructor must be an ArrayBuffer")
        );
    }
    let off = to_index(vm, arg(vm, a, 1), "DataView offset")?;
    if vm.is_detached(buf) {
        return Err(
            vm.throw_type_error("Cannot perform DataView constructor on a detached ArrayBuffer")
        );
    }
    let blen = vm.buf_data(buf).bytes.len();
    if off > blen {
        return Err(vm.throw_range_error(&format!(
            "Start offset {off} is outside the bounds of the buffer"
        )));
    }
    let lv = arg(vm, a, 2);
    let fixed = vm.buf_data(buf).max.is_none();
    let len = if lv.is_undefined() {
        fixed.then(|| blen - off)
    } else {
        let l = to_index(vm, lv, "DataView length")?;
        if off + l > blen {
            return Err(vm.throw_range_error(&format!("Invalid DataView length {l}")));
        }
        Some(l)
    };
    vm.roots.push(buf);
    let proto = vm.proto_from_new_target(a, realm::DATA_VIEW_PROTO);
    vm.roots.pop();
    let proto = proto?;
    if vm.is_detached(buf) {
        return Err(
            vm.throw_type_error("Cannot perform DataView constructor on a detached ArrayBuffer")
        );
    }
    let blen = vm.buf_data(buf).bytes.len();
    if off > blen || len.is_some_and(|l| off + l > blen) {
        return Err(vm.throw_range_error(&format!(
            "Start offset {off} is outside the bounds of the buffer"
        )));
    }
    let v = vm.new_object_with(CLASS_DATA_VIEW, proto);
    let o = vm.obj_mut(v);
    o.aux = [
        buf,
        Value::number(off as f64),
        len.map_or(Value::UNDEFINED, |l| Value::number(l as f64)),
    ];
    Ok(v)
}

fn this_view(vm: &mut Vm, a: &CallArgs, what: &str) -> JsResult<Value> {
    if a.this.is_object() && vm.class_of(a.this) == CLASS_DATA_VIEW {
        Ok(a.this)
    } else {
        let d = vm.inspect(a.this);
        Err(vm.throw_type_error(&format!(
            "Method DataView.prototype.{what} called on incompatible receiver {d}"
        )))
    }
}

/// GetViewByteLength, or None when the view is out of bounds (IsViewOutOfBounds).
pub fn view_byte_length(vm: &Vm, v: Value) -> Option<usize> {
    let buf = vm.view_buffer(v);
    let d = vm.buf_data(buf);
    if d.detached {
        return None;
    }
    let blen = d.bytes.len();
    let off = vm.view_offset(v);
    match vm.view_fixed_len(v) {
        Some(n) => (off + n <= blen).then_some(n),
        None => (off <= blen).then(|| blen - off),
    }
}

fn out_of_bounds(vm: &mut Vm, what: &str) -> crate::js::vm::Thrown {
    vm.throw_type_error(&format!(
        "Cannot perform DataView.prototype.{what} on a detached or out-of-bounds ArrayBuffer"
    ))
}

fn buffer(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let v = this_view(vm, a, "buffer")?;
    Ok(vm.view_buffer(v))
}
fn byte_length(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let v = this_view(vm, a, "byteLength")?;
    match view_byte_length(vm, v) {
        Some(n) => Ok(Value::number(n as f64)),
        None => Err(out_of_bounds(vm, "byteLength")),
    }
}
fn byte_offset(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let v = this_view(vm, a, "byteOffset")?;
    match view_byte_length(vm, v) {
        Some(_) => Ok(Value::number(vm.view_offset(v) as f64)),
        None => Err(out_of_bounds(vm, "byteOffset")),
    }
}

/// The byte position of an access of `size` bytes at `index`, after the checks of
/// GetViewValue / SetViewValue (§25.3.1.5–6).
fn position(vm: &mut Vm, v: Value, index: usize, size: usize, what: &str) -> JsResult<usize> {
    let Some(len) = view_byte_length(vm, v) else {
        return Err(out_of_bounds(vm, what));
    };
    if index.checked_add(size).is_none_or(|end| end > len) {
        return Err(vm.throw_range_error("Offset is outside the bounds of the DataView"));
    }
    Ok(vm.view_offset(v) + index)
}

fn get_value(vm: &mut Vm, a: &CallArgs, kind: Kind) -> JsResult<Value> {
    let what = kind.view_name();
    let v = this_view(vm, a, what)?;
    let index = to_index(vm, arg(vm, a, 0), "offset")?;
    let little = vm.truthy(arg(vm, a, 1));
    let size = kind.size();
    let at = position(vm, v, index, size, what)?;
    let buf = vm.view_buffer(v);
    let mut b = [0u8; 8];
    b[..size].copy_from_slice(&vm.buf_data(buf).bytes[at..at + size]);
    if !little {
        b[..size].reverse();
    }
    if kind.is_bigint() {
        return Ok(vm.bigint_from_bits(u64::from_le_bytes(b), kind == Kind::BigInt64));
    }
    Ok(Value::number(decode(kind, &b)))
}

fn set_value(vm: &mut Vm, a: &CallArgs, kind: Kind) -> JsResult<Value> {
    let what = kind.view_name();
    let v = this_view(vm, a, what)?;
    let index = to_index(vm, arg(vm, a, 0), "offset")?;
    let n = vm.to_ta_element(kind, arg(vm, a, 1))?;
    let little = vm.truthy(arg(vm, a, 2));
    let size = kind.size();
    let at = position(vm, v, index, size, what)?;
    let mut b = [0u8; 8];
    if kind.is_bigint() {
        b = bits64(vm.bigint(n)).to_le_bytes();
    } else {
        encode(kind, n.as_number(), &mut b);
    }
    if !little {
        b[..size].reverse();
    }
    let buf = vm.view_buffer(v);
    vm.buf_data_mut(buf).bytes[at..at + size].copy_from_slice(&b[..size]);
    Ok(Value::UNDEFINED)
}

macro_rules! accessors {
    ($($kind:ident: $get:ident, $set:ident;)*) => {
        $(
            fn $get(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
                get_value(vm, a, Kind::$kind)
            }
            fn $set(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
                set_value(vm, a, Kind::$kind)
            }
        )*
        /// (kind, getter, setter) for each element type, in `KINDS` order.
        const METHODS: &[(NativeFn, NativeFn)] = &[$(($get, $set)),*];
    };
}
accessors! {
    Int8: get_int8, set_int8;
    Uint8: get_uint8, set_uint8;
    Uint8Clamped: get_uint8c, set_uint8c;
    Int16: get_int16, set_int16;
    Uint16: get_uint16, set_uint16;
    Int32: get_int32, set_int32;
    Uint32: get_uint32, set_uint32;
    Float16: get_float16, set_float16;
    Float32: get_float32, set_float32;
    Float64: get_float64, set_float64;
    BigInt64: get_bigint64, set_bigint64;
    BigUint64: get_biguint64, set_biguint64;
}

pub fn install(vm: &mut Vm) {
    let op = vm.realm[realm::OBJECT_PROTO];
    let proto = vm.new_object_with(CLASS_ORDINARY, op);
    vm.realm[realm::DATA_VIEW_PROTO] = proto;
    vm.constructor("DataView", ctor, 1, proto);
    vm.getter(proto, "buffer", buffer);
    vm.getter(proto, "byteLength", byte_length);
    vm.getter(proto, "byteOffset", byte_offset);
    for (kind, &(g, s)) in KINDS.iter().zip(METHODS) {
        if *kind == Kind::Uint8Clamped {
            continue; // DataView has no clamped accessors.
        }
        let name = kind.view_name();
        let gn: &'static str = Box::leak(format!("get{name}").into_boxed_str());
        let sn: &'static str = Box::leak(format!("set{name}").into_boxed_str());
        vm.method(proto, gn, g, 1);
        vm.method(proto, sn, s, 2);
    }
    super::to_string_tag(vm, proto, "DataView");
}

//! `SharedArrayBuffer` (ECMA-262 2025 §25.2): a buffer object of the same class as
//! `ArrayBuffer` whose `BufData` is marked shared, so views are made over either the same
//! way while each prototype's methods accept only its own kind. It is never detached; a
//! `maxByteLength` makes it growable (it grows, never shrinks). kiln runs one agent, so
//! "shared" changes nothing about how the bytes are accessed.

use super::arg;
use super::array_buffer::{alloc_buffer, length_and_max, relative, to_index};
use super::promise::species_constructor_or;
use crate::js::value::Value;
use crate::js::vm::{CallArgs, JsResult, Vm, realm};

fn ctor(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    if a.new_target.is_undefined() {
        return Err(vm.throw_type_error("Constructor SharedArrayBuffer requires 'new'"));
    }
    let (len, max) = length_and_max(vm, a)?;
    let proto = vm.proto_from_new_target(a, realm::SHARED_ARRAY_BUFFER_PROTO)?;
    let b = alloc_buffer(vm, proto, len, max)?;
    vm.buf_data_mut(b).shared = true;
    Ok(b)
}

fn this_shared(vm: &mut Vm, a: &CallArgs, what: &str) -> JsResult<Value> {
    if vm.is_shared_buffer(a.this) {
        Ok(a.this)
    } else {
        let d = vm.inspect(a.this);
        Err(vm.throw_type_error(&format!(
            "Method SharedArrayBuffer.prototype.{what} called on incompatible receiver {d}"
        )))
    }
}

fn byte_length(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let b = this_shared(vm, a, "byteLength")?;
    Ok(Value::number(vm.buf_data(b).bytes.len() as f64))
}

fn growable(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let b = this_shared(vm, a, "growable")?;
    Ok(Value::bool(vm.buf_data(b).max.is_some()))
}

fn max_byte_length(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let b = this_shared(vm, a, "maxByteLength")?;
    let d = vm.buf_data(b);
    Ok(Value::number(d.max.unwrap_or(d.bytes.len()) as f64))
}

/// `SharedArrayBuffer.prototype.grow(newLength)` (§25.2.5.3).
fn grow(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let b = this_shared(vm, a, "grow")?;
    let Some(max) = vm.buf_data(b).max else {
        let d = vm.inspect(b);
        return Err(vm.throw_type_error(&format!(
            "Method SharedArrayBuffer.prototype.grow called on incompatible receiver {d}"
        )));
    };
    let n = to_index(vm, arg(vm, a, 0), "length")?;
    let cur = vm.buf_data(b).bytes.len();
    if n > max || n < cur {
        return Err(
            vm.throw_range_error("SharedArrayBuffer.prototype.grow: Invalid length parameter")
        );
    }
    let bytes = &mut vm.buf_data_mut(b).bytes;
    if bytes.try_reserve_exact(n - cur).is_err() {
        return Err(vm.throw_range_error("Array buffer allocation failed"));
    }
    bytes.resize(n, 0);
    Ok(Value::UNDEFINED)
}

/// `SharedArrayBuffer.prototype.slice(start, end)` (§25.2.5.6).
fn slice(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let o = this_shared(vm, a, "slice")?;
    let len = vm.buf_data(o).bytes.len();
    let first = relative(vm, arg(vm, a, 0), len, 0)?;
    let fin = relative(vm, arg(vm, a, 1), len, len)?;
    let new_len = fin.saturating_sub(first);
    let default = vm.realm[realm::SHARED_ARRAY_BUFFER_CTOR];
    vm.roots.push(o);
    let r = (|| {
        let c = species_constructor_or(vm, o, default)?;
        let n = vm.construct(c, &[Value::number(new_len as f64)], c)?;
        if !vm.is_shared_buffer(n) || n == o {
            return Err(vm.throw_type_error(
                "SharedArrayBuffer subclass returned this from species constructor",
            ));
        }
        if vm.buf_data(n).bytes.len() < new_len {
            return Err(
                vm.throw_type_error("Species constructor returned a too small SharedArrayBuffer")
            );
        }
        let src: Vec<u8> = vm.buf_data(o).bytes[first..first + new_len].to_vec();
        vm.buf_data_mut(n).bytes[..new_len].copy_from_slice(&src);
        Ok(n)
    })();
    vm.roots.pop();
    r
}

pub fn install(vm: &mut Vm) {
    let op = vm.realm[realm::OBJECT_PROTO];
    let proto = vm.new_object_with(crate::js::object::CLASS_ORDINARY, op);
    vm.realm[realm::SHARED_ARRAY_BUFFER_PROTO] = proto;
    let c = vm.constructor("SharedArrayBuffer", ctor, 1, proto);
    vm.realm[realm::SHARED_ARRAY_BUFFER_CTOR] = c;
    super::symbol_accessor(
        vm,
        c,
        "species",
        "get [Symbol.species]",
        super::species_getter,
    );
    vm.getter(proto, "byteLength", byte_length);
    vm.getter(proto, "growable", growable);
    vm.getter(proto, "maxByteLength", max_byte_length);
    vm.method(proto, "grow", grow, 1);
    vm.method(proto, "slice", slice, 2);
    super::to_string_tag(vm, proto, "SharedArrayBuffer");
}

//! `%TypedArray%` and the twelve typed array constructors (ECMA-262 2025 §23.2.1–§23.2.7):
//! construction from a length, another typed array, an iterable or array-like, or a buffer
//! with offset and length (length-tracking over a resizable buffer when no length is given);
//! `from`/`of`/`@@species`; the prototype's `buffer`/`byteLength`/`byteOffset`/`length`/
//! `@@toStringTag` getters; TypedArraySpeciesCreate and TypedArrayCreateSameType. The
//! prototype methods are in `typed_array_methods` and `typed_array_iterate`.

use super::array_buffer::{new_buffer, to_index};
use super::array_generic::{len_of, rooted};
use super::promise::species_constructor_or;
use super::{arg, args_vec};
use crate::js::atoms;
use crate::js::object::*;
use crate::js::shape;
use crate::js::typed::{KINDS, Kind};
use crate::js::value::Value;
use crate::js::vm::{CallArgs, JsResult, NativeFn, Vm, realm};

/// A typed array object over `buf` (its proto chosen by the caller).
pub fn new_view(
    vm: &mut Vm,
    kind: Kind,
    proto: Value,
    buf: Value,
    offset: usize,
    len: Option<usize>,
) -> Value {
    let o = vm.new_object_with(kind.class(), proto);
    vm.obj_mut(o).aux = [
        buf,
        Value::number(offset as f64),
        len.map_or(Value::UNDEFINED, |l| Value::number(l as f64)),
    ];
    o
}

/// A typed array of `len` zeroed elements with its own new buffer (AllocateTypedArray with a
/// length): a RangeError when too large.
pub fn alloc_typed(vm: &mut Vm, kind: Kind, proto: Value, len: usize) -> JsResult<Value> {
    let Some(bytes) = len.checked_mul(kind.size()) else {
        return Err(vm.throw_range_error(&format!("Invalid typed array length: {len}")));
    };
    if bytes > crate::js::typed::MAX_BYTE_LENGTH {
        return Err(vm.throw_range_error(&format!("Invalid typed array length: {len}")));
    }
    vm.roots.push(proto);
    let b = new_buffer(vm, bytes);
    vm.roots.pop();
    let b = b?;
    Ok(new_view(vm, kind, proto, b, 0, Some(len)))
}

/// Collects an iterable with the iterator method already looked up (IteratorToList of
/// GetIteratorFromMethod); values are pushed on `roots` (the caller truncates).
fn list_from_method(vm: &mut Vm, src: Value, method: Value) -> JsResult<Vec<Value>> {
    let it = vm.call_function(method, src, &[])?;
    if !it.is_object() {
        return Err(vm.throw_type_error("Result of the Symbol.iterator method is not an object"));
    }
    let it = if vm.class_of(it) == CLASS_ITER {
        it
    } else {
        vm.protocol_iterator(it)?
    };
    vm.roots.push(it);
    let mut out = Vec::new();
    while let Some(v) = vm.iterator_next(it)? {
        vm.roots.push(v);
        out.push(v);
    }
    Ok(out)
}

/// Stores `vals` into a fresh typed array's elements (Set with ToNumber / ToBigInt of each).
fn fill_from(vm: &mut Vm, o: Value, kind: Kind, vals: &[Value]) -> JsResult<()> {
    for (k, &v) in vals.iter().enumerate() {
        let n = vm.to_ta_element(kind, v)?;
        vm.ta_put(o, k, n);
    }
    Ok(())
}

/// The shared body of the twelve constructors (§23.2.5.1).
fn construct(vm: &mut Vm, a: &CallArgs, kind: Kind) -> JsResult<Value> {
    if a.new_target.is_undefined() {
        return Err(vm.throw_type_error(&format!("Constructor {} requires 'new'", kind.name())));
    }
    let slot = realm::TYPED_PROTOS + kind as usize;
    let first = arg(vm, a, 0);
    if !vm.is_spec_object(first) {
        let len = to_index(vm, first, "typed array length")?;
        let proto = vm.proto_from_new_target(a, slot)?;
        return alloc_typed(vm, kind, proto, len);
    }
    rooted(vm, |vm| {
        vm.roots.push(first);
        let proto = vm.proto_from_new_target(a, slot)?;
        vm.roots.push(proto);
        if let Some(src_kind) = vm.ta_kind(first) {
            // InitializeTypedArrayFromTypedArray.
            let Some(len) = vm.ta_length(first) else {
                return Err(
                    vm.throw_type_error("Cannot perform Construct on a detached ArrayBuffer")
                );
            };
            if src_kind.is_bigint() != kind.is_bigint() {
                return Err(vm.throw_type_error(
                    "Cannot mix BigInt and other types, use explicit conversions",
                ));
            }
            let o = alloc_typed(vm, kind, proto, len)?;
            if src_kind == kind {
                let (sb, so) = (vm.view_buffer(first), vm.view_offset(first));
                let bytes = vm.buf_data(sb).bytes[so..so + len * kind.size()].to_vec();
                let db = vm.view_buffer(o);
                vm.buf_data_mut(db).bytes.copy_from_slice(&bytes);
            } else {
                for k in 0..len {
                    if let Some(v) = vm.ta_get(first, k) {
                        vm.ta_put(o, k, v);
                    }
                }
            }
            return Ok(o);
        }
        if vm.is_any_buffer(first) {
            return from_buffer(vm, a, kind, proto, first);
        }
        let sym = vm.sym_iterator;
        let m = vm.get_named(first, sym)?;
        let vals = if !m.is_nullish() {
            if !vm.is_callable(m) {
                return Err(vm.throw_type_error("Symbol.iterator is not a function"));
            }
            list_from_method(vm, first, m)?
        } else {
            let len = len_of(vm, first)?;
            let o = alloc_typed(vm, kind, proto, len as usize)?;
            vm.roots.push(o);
            for k in 0..len as usize {
                let v = vm.get(first, PropKey::Index(k as u32))?;
                let n = vm.to_ta_element(kind, v)?;
                vm.ta_put(o, k, n);
            }
            return Ok(o);
        };
        let o = alloc_typed(vm, kind, proto, vals.len())?;
        vm.roots.push(o);
        fill_from(vm, o, kind, &vals)?;
        Ok(o)
    })
}

/// InitializeTypedArrayFromArrayBuffer (§23.2.5.1.3).
fn from_buffer(vm: &mut Vm, a: &CallArgs, kind: Kind, proto: Value, buf: Value) -> JsResult<Value> {
    let size = kind.size();
    let offset = to_index(vm, arg(vm, a, 1), "typed array offset")?;
    if offset % size != 0 {
        return Err(vm.throw_range_error(&format!(
            "start offset of {} should be a multiple of {size}",
            kind.name()
        )));
    }
    let lv = arg(vm, a, 2);
    let new_len = if lv.is_undefined() {
        None
    } else {
        Some(to_index(vm, lv, "typed array length")?)
    };
    if vm.is_detached(buf) {
        return Err(vm.throw_type_error("Cannot perform Construct on a detached ArrayBuffer"));
    }
    let blen = vm.buf_data(buf).bytes.len();
    let fixed = vm.buf_data(buf).max.is_none();
    let len = match new_len {
        None if !fixed => {
            if offset > blen {
                return Err(vm.throw_range_error(&format!(
                    "Start offset {offset} is outside the bounds of the buffer"
                )));
            }
            None
        }
        None => {
            if !blen.is_multiple_of(size) {
                return Err(vm.throw_range_error(&format!(
                    "byte length of {} should be a multiple of {size}",
                    kind.name()
                )));
            }
            if offset > blen {
                return Err(vm.throw_range_error(&format!(
                    "Start offset {offset} is outside the bounds of the buffer"
                )));
            }
            Some((blen - offset) / size)
        }
        Some(n) => {
            if n.checked_mul(size)
                .and_then(|b| b.checked_add(offset))
                .is_none_or(|e| e > blen)
            {
                return Err(vm.throw_range_error(&format!("Invalid typed array length: {n}")));
            }
            Some(n)
        }
    };
    Ok(new_view(vm, kind, proto, buf, offset, len))
}

/// TypedArrayCreateFromConstructor (§23.2.4.2): constructs and validates the result; with
/// one number argument the result must have at least that many elements.
pub fn create_from_ctor(vm: &mut Vm, c: Value, args: &[Value]) -> JsResult<Value> {
    let o = vm.construct(c, args, c)?;
    let Some(_) = vm.ta_kind(o) else {
        return Err(vm.throw_type_error("this is not a typed array."));
    };
    let Some(len) = vm.ta_length(o) else {
        return Err(vm.throw_type_error("Cannot perform Construct on a detached ArrayBuffer"));
    };
    if args.len() == 1 && args[0].is_number() && (len as f64) < args[0].as_number() {
        return Err(vm.throw_type_error(
            "Derived TypedArray constructor created an array which was too small",
        ));
    }
    Ok(o)
}

/// TypedArraySpeciesCreate (§23.2.4.1).
pub fn species_create(vm: &mut Vm, exemplar: Value, args: &[Value]) -> JsResult<Value> {
    let kind = vm.ta_kind(exemplar).expect("typed array exemplar");
    let default = vm.realm[realm::TYPED_CTORS + kind as usize];
    let c = species_constructor_or(vm, exemplar, default)?;
    let o = create_from_ctor(vm, c, args)?;
    // Content types (Number / BigInt) must match.
    if vm
        .ta_kind(o)
        .is_some_and(|k| k.is_bigint() != kind.is_bigint())
    {
        return Err(vm.throw_type_error("Content type mismatch"));
    }
    Ok(o)
}

/// TypedArrayCreateSameType (§23.2.4.3).
pub fn create_same_type(vm: &mut Vm, exemplar: Value, len: usize) -> JsResult<Value> {
    let kind = vm.ta_kind(exemplar).expect("typed array exemplar");
    let p = vm.realm[realm::TYPED_PROTOS + kind as usize];
    alloc_typed(vm, kind, p, len)
}

fn abstract_ctor(vm: &mut Vm, _a: &CallArgs) -> JsResult<Value> {
    Err(vm.throw_type_error("Abstract class TypedArray not directly constructable"))
}

fn this_ctor(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    if vm.is_constructor(a.this) {
        Ok(a.this)
    } else {
        let d = vm.inspect(a.this);
        Err(vm.throw_type_error(&format!("{d} is not a constructor")))
    }
}

/// `%TypedArray%.from(source, mapfn, thisArg)` (§23.2.2.1).
fn from(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let c = this_ctor(vm, a)?;
    let f = arg(vm, a, 1);
    if !f.is_undefined() && !vm.is_callable(f) {
        let d = vm.inspect(f);
        return Err(vm.throw_type_error(&format!("{d} is not a function")));
    }
    let this_arg = arg(vm, a, 2);
    let src = arg(vm, a, 0);
    rooted(vm, |vm| {
        let sym = vm.sym_iterator;
        let m = if src.is_nullish() {
            Value::UNDEFINED
        } else {
            vm.get_named(src, sym)?
        };
        let (vals, src_obj) = if !m.is_nullish() {
            if !vm.is_callable(m) {
                return Err(vm.throw_type_error("Symbol.iterator is not a function"));
            }
            (Some(list_from_method(vm, src, m)?), Value::UNDEFINED)
        } else {
            let o = super::to_object(vm, src)?;
            vm.roots.push(o);
            (None, o)
        };
        let len = match &vals {
            Some(v) => v.len() as f64,
            None => len_of(vm, src_obj)?,
        };
        let t = create_from_ctor(vm, c, &[Value::number(len)])?;
        vm.roots.push(t);
        for k in 0..len as usize {
            let v = match &vals {
                Some(v) => v[k],
                None => vm.get(src_obj, PropKey::Index(k as u32))?,
            };
            let v = if f.is_undefined() {
                v
            } else {
                vm.call_function(f, this_arg, &[v, Value::number(k as f64)])?
            };
            vm.set(t, PropKey::Index(k as u32), v)?;
        }
        Ok(t)
    })
}

/// `%TypedArray%.of(...items)` (§23.2.2.2).
fn of(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let c = this_ctor(vm, a)?;
    let items = args_vec(vm, a);
    rooted(vm, |vm| {
        vm.roots.extend_from_slice(&items);
        let t = create_from_ctor(vm, c, &[Value::number(items.len() as f64)])?;
        vm.roots.push(t);
        for (k, &v) in items.iter().enumerate() {
            vm.set(t, PropKey::Index(k as u32), v)?;
        }
        Ok(t)
    })
}

fn this_typed(vm: &mut Vm, a: &CallArgs, what: &str) -> JsResult<Value> {
    if vm.ta_kind(a.this).is_some() {
        Ok(a.this)
    } else {
        let d = vm.inspect(a.this);
        Err(vm.throw_type_error(&format!(
            "Method %TypedArray%.prototype.{what} called on incompatible receiver {d}"
        )))
    }
}
fn buffer(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let o = this_typed(vm, a, "buffer")?;
    Ok(vm.view_buffer(o))
}
fn byte_length(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let o = this_typed(vm, a, "byteLength")?;
    let k = vm.ta_kind(o).expect("typed array");
    Ok(Value::number((vm.ta_length_or_zero(o) * k.size()) as f64))
}
fn byte_offset(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let o = this_typed(vm, a, "byteOffset")?;
    let off = if vm.ta_length(o).is_some() {
        vm.view_offset(o)
    } else {
        0
    };
    Ok(Value::number(off as f64))
}
fn length(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let o = this_typed(vm, a, "length")?;
    Ok(Value::number(vm.ta_length_or_zero(o) as f64))
}
fn to_string_tag(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    Ok(match vm.ta_kind(a.this) {
        Some(k) => vm.new_str(k.name()),
        None => Value::UNDEFINED,
    })
}

macro_rules! ctors {
    ($($kind:ident: $f:ident;)*) => {
        $(
            fn $f(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
                construct(vm, a, Kind::$kind)
            }
        )*
        const CTORS: &[NativeFn] = &[$($f),*];
    };
}
ctors! {
    Int8: int8_ctor;
    Uint8: uint8_ctor;
    Uint8Clamped: uint8c_ctor;
    Int16: int16_ctor;
    Uint16: uint16_ctor;
    Int32: int32_ctor;
    Uint32: uint32_ctor;
    Float16: float16_ctor;
    Float32: float32_ctor;
    Float64: float64_ctor;
    BigInt64: bigint64_ctor;
    BigUint64: biguint64_ctor;
}

pub fn install(vm: &mut Vm) {
    let op = vm.realm[realm::OBJECT_PROTO];
    let proto = vm.new_object_with(CLASS_ORDINARY, op);
    vm.realm[realm::TYPED_ARRAY_PROTO] = proto;
    let c = vm.native_fn("TypedArray", abstract_ctor, 0);
    vm.obj_mut(c).hdr.flags |= FLAG_NATIVE_CTOR;
    vm.define_own(c, PropKey::Atom(atoms::PROTOTYPE), proto, 0);
    vm.define_own(proto, PropKey::Atom(atoms::CONSTRUCTOR), c, shape::HIDDEN);
    vm.realm[realm::TYPED_ARRAY_CTOR] = c;
    vm.method(c, "from", from, 1);
    vm.method(c, "of", of, 0);
    super::symbol_accessor(
        vm,
        c,
        "species",
        "get [Symbol.species]",
        super::species_getter,
    );
    vm.getter(proto, "buffer", buffer);
    vm.getter(proto, "byteLength", byte_length);
    vm.getter(proto, "byteOffset", byte_offset);
    vm.getter(proto, "length", length);
    super::symbol_accessor(
        vm,
        proto,
        "toStringTag",
        "get [Symbol.toStringTag]",
        to_string_tag,
    );
    super::typed_array_methods::install(vm, proto);
    super::typed_array_iterate::install(vm, proto);
    for (i, (&kind, &f)) in KINDS.iter().zip(CTORS).enumerate() {
        let p = vm.new_object_with(CLASS_ORDINARY, proto);
        vm.realm[realm::TYPED_PROTOS + i] = p;
        let k = vm.constructor(kind.name(), f, 3, p);
        vm.set_proto_raw(k, c);
        vm.realm[realm::TYPED_CTORS + i] = k;
        let bpe = Value::int(kind.size() as i32);
        vm.put(k, "BYTES_PER_ELEMENT", bpe, 0);
        vm.put(p, "BYTES_PER_ELEMENT", bpe, 0);
    }
}

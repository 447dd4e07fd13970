//! `Object` and `Object.prototype`.

use super::arg;
use crate::js::object::*;
use crate::js::shape;
use crate::js::value::Value;
use crate::js::vm::{CallArgs, JsResult, Vm, realm};

pub fn to_object(vm: &mut Vm, v: Value) -> JsResult<Value> {
    if v.is_object() {
        return Ok(v);
    }
    if v.is_nullish() {
        return Err(vm.throw_type_error("Cannot convert undefined or null to object"));
    }
    let (class, proto) = if v.is_string() {
        (CLASS_STRING, realm::STRING_PROTO)
    } else if v.is_number() {
        (CLASS_NUMBER, realm::NUMBER_PROTO)
    } else if vm.is_bigint(v) {
        (CLASS_BIGINT, realm::BIGINT_PROTO)
    } else {
        (CLASS_BOOLEAN, realm::BOOLEAN_PROTO)
    };
    let p = vm.realm[proto];
    let o = vm.new_object_with(class, p);
    vm.obj_mut(o).aux[0] = v;
    Ok(o)
}

fn object_ctor(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    if a.new_target.is_object() && a.new_target != a.callee {
        // `super()` from a subclass (ES2025 20.1.1.1 step 1): an ordinary object of
        // NewTarget's prototype; the argument is ignored.
        let proto = vm.proto_from_new_target(a, realm::OBJECT_PROTO)?;
        return Ok(vm.new_object_with(CLASS_ORDINARY, proto));
    }
    let v = arg(vm, a, 0);
    if v.is_nullish() {
        Ok(vm.new_object())
    } else {
        to_object(vm, v)
    }
}

fn keys_kind(vm: &mut Vm, a: &CallArgs, kind: u8) -> JsResult<Value> {
    let o = to_object(vm, arg(vm, a, 0))?;
    if kind != 0 && vm.is_proxy(o) {
        return proxy_values(vm, o, kind);
    }
    let keys = vm.enumerable_own_keys_js(o)?;
    let out = vm.new_array(0);
    vm.roots.push(out);
    let r = (|| {
        for k in keys {
            if kind != 0 {
                // EnumerableOwnProperties (§7.3.23): a getter run for an earlier key may
                // have deleted this one or made it non-enumerable.
                match vm.get_own_raw(o, k) {
                    Some((_, f)) if f & shape::ENUMERABLE != 0 => {}
                    _ => continue,
                }
            }
            let kv = vm.key_value(k);
            let item = match kind {
                0 => kv,
                1 => vm.get(o, k)?,
                _ => {
                    vm.roots.push(kv);
                    let v = vm.get(o, k);
                    vm.roots.pop();
                    let v = v?;
                    vm.new_array_from(&[kv, v])
                }
            };
            vm.array_push(out, item);
        }
        Ok(out)
    })();
    vm.roots.pop();
    r
}
/// Object.values / Object.entries of a proxy: EnumerableOwnProperties (§7.3.23) reads each
/// value right after checking its descriptor, so the traps interleave.
fn proxy_values(vm: &mut Vm, o: Value, kind: u8) -> JsResult<Value> {
    let out = vm.new_array(0);
    let base = vm.roots.len();
    vm.roots.extend_from_slice(&[o, out]);
    let r = (|| {
        for k in vm.own_property_keys_js(o)? {
            if matches!(k, PropKey::Atom(a) if vm.symbol_atoms.contains(&a)) {
                continue;
            }
            match vm.get_own_property_js(o, k)? {
                Some((_, f)) if f & shape::ENUMERABLE != 0 => {}
                _ => continue,
            }
            let v = vm.get(o, k)?;
            let item = if kind == 1 {
                v
            } else {
                vm.roots.push(v);
                let kv = vm.key_value(k);
                vm.new_array_from(&[kv, v])
            };
            vm.array_push(out, item);
        }
        Ok(out)
    })();
    vm.roots.truncate(base);
    r
}
fn keys(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    keys_kind(vm, a, 0)
}
fn values(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    keys_kind(vm, a, 1)
}
fn entries(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    keys_kind(vm, a, 2)
}
fn get_own_property_names(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let o = to_object(vm, arg(vm, a, 0))?;
    let mut keys = vm.own_property_keys_js(o)?;
    keys.retain(|k| !matches!(k, PropKey::Atom(a) if vm.symbol_atoms.contains(a)));
    let vals: Vec<Value> = keys.into_iter().map(|k| vm.key_value(k)).collect();
    Ok(vm.new_array_from(&vals))
}

fn assign(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    // §20.1.2.1: every own key of each source, enumerability checked when its turn comes
    // (an earlier getter may change it), stored with Set(to, key, v, true).
    let t = to_object(vm, arg(vm, a, 0))?;
    for i in 1..a.argc {
        let s = arg(vm, a, i);
        if s.is_nullish() {
            continue;
        }
        let from = to_object(vm, s)?;
        // [[OwnPropertyKeys]], then [[GetOwnProperty]] and [[Get]] per key (a getter may
        // change what comes later; a proxy source runs its traps).
        vm.roots.push(from);
        let r = (|| {
            for k in vm.own_property_keys_js(from)? {
                if let Some((_, f)) = vm.get_own_property_js(from, k)?
                    && f & shape::ENUMERABLE != 0
                {
                    let v = vm.get(from, k)?;
                    super::array_generic::set_key(vm, t, k, v)?;
                }
            }
            Ok(())
        })();
        vm.roots.pop();
        r?;
    }
    Ok(t)
}

fn create(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let p = arg(vm, a, 0);
    if !p.is_object() && !p.is_null() {
        return Err(vm.throw_type_error("Object prototype may only be an Object or null"));
    }
    let o = vm.new_object_with(CLASS_ORDINARY, p);
    let props = arg(vm, a, 1);
    if !props.is_undefined() {
        // ObjectDefineProperties: ToObject (null throws), every enumerable own property a
        // descriptor object.
        vm.roots.push(o);
        let r = define_properties_from(vm, o, props);
        vm.roots.pop();
        r?;
    }
    Ok(o)
}

fn get_prototype_of(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let v = arg(vm, a, 0);
    if v.is_object() {
        return vm.get_prototype_of_js(v);
    }
    if v.is_nullish() {
        return Err(vm.throw_type_error("Cannot convert undefined or null to object"));
    }
    Ok(vm.proto_for_primitive(v))
}
fn set_prototype_of(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let o = arg(vm, a, 0);
    let p = arg(vm, a, 1);
    if o.is_nullish() {
        return Err(vm.throw_type_error("Object.setPrototypeOf called on null or undefined"));
    }
    if !p.is_object() && !p.is_null() {
        let s = vm.inspect(p);
        return Err(vm.throw_type_error(&format!(
            "Object prototype may only be an Object or null: {s}"
        )));
    }
    if o.is_object() && !vm.set_prototype_of_js(o, p)? {
        if vm.is_proxy(o) {
            return Err(vm.throw_type_error(
                "'setPrototypeOf' on proxy: trap returned falsish for property 'undefined'",
            ));
        }
        return Err(vm.set_proto_error(o));
    }
    Ok(o)
}

/// SetIntegrityLevel of a typed array: its elements cannot become non-configurable (nor
/// non-writable), and one that can change length cannot stop being extensible
/// (§10.4.5.3, §10.4.5.18 IsTypedArrayFixedLength).
fn typed_integrity_check(vm: &mut Vm, o: Value, frozen: bool) -> JsResult<()> {
    if vm.ta_kind(o).is_none() {
        return Ok(());
    }
    if vm.ta_length_or_zero(o) > 0 {
        let what = if frozen { "freeze" } else { "seal" };
        return Err(vm.throw_type_error(&format!("Cannot {what} array buffer views with elements")));
    }
    if !vm.ta_fixed_length(o) {
        return Err(
            vm.throw_type_error("Cannot prevent extensions of a length-changing typed array")
        );
    }
    Ok(())
}
fn freeze(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let o = arg(vm, a, 0);
    if o.is_object() {
        typed_integrity_check(vm, o, true)?;
        if !vm.set_integrity_js(o, true)? {
            return Err(vm.throw_type_error("'preventExtensions' on proxy: trap returned falsish"));
        }
    }
    Ok(o)
}
fn seal(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let o = arg(vm, a, 0);
    if o.is_object() {
        typed_integrity_check(vm, o, false)?;
        if !vm.set_integrity_js(o, false)? {
            return Err(vm.throw_type_error("'preventExtensions' on proxy: trap returned falsish"));
        }
    }
    Ok(o)
}
fn is_frozen(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let o = arg(vm, a, 0);
    Ok(Value::bool(
        !o.is_object() || vm.test_integrity_js(o, true)?,
    ))
}
fn is_sealed(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let o = arg(vm, a, 0);
    Ok(Value::bool(
        !o.is_object() || vm.test_integrity_js(o, false)?,
    ))
}
fn prevent_extensions(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let o = arg(vm, a, 0);
    if vm.ta_kind(o).is_some() && !vm.ta_fixed_length(o) {
        return Err(
            vm.throw_type_error("Cannot prevent extensions of a length-changing typed array")
        );
    }
    if o.is_object() && !vm.prevent_extensions_js(o)? {
        return Err(vm.throw_type_error("'preventExtensions' on proxy: trap returned falsish"));
    }
    Ok(o)
}
fn is_extensible(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let o = arg(vm, a, 0);
    Ok(Value::bool(o.is_object() && vm.is_extensible_js(o)?))
}

/// The TypeError of a refused [[DefineOwnProperty]] (V8's messages).
pub fn define_error(vm: &mut Vm, o: Value, key: PropKey) -> crate::js::vm::Thrown {
    let kv = vm.key_to_value(key);
    let k = if kv.is_string() {
        vm.str_to_string(kv)
    } else {
        vm.inspect(kv)
    };
    if vm.is_proxy(o) {
        return vm.throw_type_error(&format!(
            "'defineProperty' on proxy: trap returned falsish for property '{k}'"
        ));
    }
    if vm.get_own_raw(o, key).is_none() && !vm.is_extensible_obj(o) {
        return vm.throw_type_error(&format!(
            "Cannot define property {k}, object is not extensible"
        ));
    }
    vm.throw_type_error(&format!("Cannot redefine property: {k}"))
}

/// DefinePropertyOrThrow with a descriptor object.
pub fn define_from_object(vm: &mut Vm, o: Value, key: PropKey, desc: Value) -> JsResult<()> {
    let base = vm.roots.len();
    let r = (|| {
        let d = vm.to_property_descriptor(desc)?;
        if !vm.define_own_property(o, key, d)? {
            return Err(define_error(vm, o, key));
        }
        Ok(())
    })();
    vm.roots.truncate(base);
    r
}

fn define_property(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let o = arg(vm, a, 0);
    if !o.is_object() {
        return Err(vm.throw_type_error("Object.defineProperty called on non-object"));
    }
    let k = vm.to_property_key(arg(vm, a, 1))?;
    define_from_object(vm, o, k, arg(vm, a, 2))?;
    Ok(o)
}
/// ObjectDefineProperties: all descriptors are read before any is applied.
fn define_properties_from(vm: &mut Vm, o: Value, props: Value) -> JsResult<()> {
    let props = to_object(vm, props)?;
    let base = vm.roots.len();
    vm.roots.push(props);
    let r = (|| {
        let mut descs = Vec::new();
        for k in vm.own_property_keys_js(props)? {
            match vm.get_own_property_js(props, k)? {
                Some((_, f)) if f & crate::js::shape::ENUMERABLE != 0 => {}
                _ => continue,
            }
            let d = vm.get(props, k)?;
            vm.roots.push(d);
            let pd = vm.to_property_descriptor(d)?;
            descs.push((k, pd));
        }
        for (k, d) in descs {
            if !vm.define_own_property(o, k, d)? {
                return Err(define_error(vm, o, k));
            }
        }
        Ok(())
    })();
    vm.roots.truncate(base);
    r
}
fn define_properties(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let o = arg(vm, a, 0);
    if !o.is_object() {
        return Err(vm.throw_type_error("Object.defineProperties called on non-object"));
    }
    define_properties_from(vm, o, arg(vm, a, 1))?;
    Ok(o)
}
fn get_own_property_descriptor(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let o = to_object(vm, arg(vm, a, 0))?;
    let k = vm.to_property_key(arg(vm, a, 1))?;
    let Some((v, f)) = vm.get_own_property_js(o, k)? else {
        return Ok(Value::UNDEFINED);
    };
    Ok(vm.from_property_descriptor(v, f))
}
fn get_own_property_descriptors(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let o = to_object(vm, arg(vm, a, 0))?;
    let out = vm.new_object();
    vm.roots.push(out);
    vm.roots.push(o);
    let r = (|| {
        for k in vm.own_property_keys_js(o)? {
            if let Some((v, f)) = vm.get_own_property_js(o, k)? {
                let d = vm.from_property_descriptor(v, f);
                vm.store_own(out, k, d, crate::js::shape::DEFAULT);
            }
        }
        Ok(out)
    })();
    vm.roots.truncate(vm.roots.len() - 2);
    r
}
fn get_own_property_symbols(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let o = to_object(vm, arg(vm, a, 0))?;
    let mut keys = vm.own_property_keys_js(o)?;
    keys.retain(|k| matches!(k, PropKey::Atom(a) if vm.symbol_atoms.contains(a)));
    let vals: Vec<Value> = keys.into_iter().map(|k| vm.key_to_value(k)).collect();
    Ok(vm.new_array_from(&vals))
}
fn from_entries(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let items = vm.iterate_to_vec(arg(vm, a, 0))?;
    let o = vm.new_object();
    let base = vm.roots.len();
    vm.roots.push(o);
    vm.roots.extend_from_slice(&items);
    let r = (|| {
        for it in items {
            if !vm.is_spec_object(it) {
                let d = vm.inspect(it);
                return Err(
                    vm.throw_type_error(&format!("Iterator value {d} is not an entry object"))
                );
            }
            let k = vm.get(it, PropKey::Index(0))?;
            vm.roots.push(k);
            let v = vm.get(it, PropKey::Index(1));
            vm.roots.pop();
            let v = v?;
            let pk = vm.to_property_key(k)?;
            vm.define_own(o, pk, v, shape::DEFAULT);
        }
        Ok(o)
    })();
    vm.roots.truncate(base);
    r
}
fn is(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let (x, y) = (arg(vm, a, 0), arg(vm, a, 1));
    if x.is_number() && y.is_number() {
        let (p, q) = (x.as_number(), y.as_number());
        return Ok(Value::bool(
            (p.is_nan() && q.is_nan()) || (p == q && p.is_sign_negative() == q.is_sign_negative()),
        ));
    }
    Ok(Value::bool(vm.strict_equals(x, y)))
}

fn has_own_property(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let o = to_object(vm, a.this)?;
    let k = vm.to_property_key(arg(vm, a, 0))?;
    Ok(Value::bool(vm.get_own_property_js(o, k)?.is_some()))
}
fn has_own(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let o = to_object(vm, arg(vm, a, 0))?;
    let k = vm.to_property_key(arg(vm, a, 1))?;
    Ok(Value::bool(vm.get_own_property_js(o, k)?.is_some()))
}
fn property_is_enumerable(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let o = to_object(vm, a.this)?;
    let k = vm.to_property_key(arg(vm, a, 0))?;
    Ok(Value::bool(
        matches!(vm.get_own_property_js(o, k)?, Some((_, f)) if f & shape::ENUMERABLE != 0),
    ))
}
fn is_prototype_of(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let v = arg(vm, a, 0);
    if !vm.is_spec_object(v) {
        return Ok(Value::FALSE);
    }
    let o = to_object(vm, a.this)?;
    Ok(Value::bool(vm.proto_chain_contains(v, o)?))
}
pub fn object_to_string(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let t = a.this;
    let tag = if t.is_undefined() {
        "Undefined"
    } else if t.is_null() {
        "Null"
    } else if t.is_object() {
        match vm.class_of(t) {
            CLASS_ARRAY => "Array",
            CLASS_PROXY if vm.is_array_js(t)? => "Array",
            CLASS_PROXY if vm.is_callable(t) => "Function",
            CLASS_CLOSURE | CLASS_NATIVE | CLASS_BOUND => "Function",
            CLASS_ERROR => "Error",
            CLASS_BOOLEAN => "Boolean",
            CLASS_NUMBER => "Number",
            CLASS_STRING => "String",
            CLASS_ARGUMENTS => "Arguments",
            CLASS_DATE => "Date",
            CLASS_REGEXP => "RegExp",
            _ => "Object",
        }
    } else if t.is_string() {
        "String"
    } else if t.is_number() {
        "Number"
    } else if vm.is_bigint(t) {
        "Object"
    } else {
        "Boolean"
    };
    if (t.is_object() || vm.is_bigint(t))
        && let Some(sym) = super::symbol::well_known(vm, "toStringTag")
    {
        let v = vm.get(t, PropKey::Atom(sym))?;
        if v.is_string() {
            let s = vm.str_to_string(v);
            return Ok(vm.new_str(&format!("[object {s}]")));
        }
    }
    Ok(vm.new_str(&format!("[object {tag}]")))
}
fn value_of(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    to_object(vm, a.this)
}
fn proto_getter(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    if a.this.is_object() {
        vm.get_prototype_of_js(a.this)
    } else {
        Ok(vm.proto_for_primitive(a.this))
    }
}

pub fn install(vm: &mut Vm) {
    let op = vm.realm[realm::OBJECT_PROTO];
    let c = vm.constructor("Object", object_ctor, 1, op);
    vm.realm[realm::OBJECT_CTOR] = c;
    vm.method(c, "keys", keys, 1);
    vm.method(c, "values", values, 1);
    vm.method(c, "entries", entries, 1);
    vm.method(c, "assign", assign, 2);
    vm.method(c, "create", create, 2);
    vm.method(c, "getPrototypeOf", get_prototype_of, 1);
    vm.method(c, "setPrototypeOf", set_prototype_of, 2);
    vm.method(c, "freeze", freeze, 1);
    vm.method(c, "isFrozen", is_frozen, 1);
    vm.method(c, "seal", seal, 1);
    vm.method(c, "isSealed", is_sealed, 1);
    vm.method(c, "getOwnPropertySymbols", get_own_property_symbols, 1);
    vm.method(
        c,
        "getOwnPropertyDescriptors",
        get_own_property_descriptors,
        1,
    );
    vm.method(c, "preventExtensions", prevent_extensions, 1);
    vm.method(c, "isExtensible", is_extensible, 1);
    vm.method(c, "defineProperty", define_property, 3);
    vm.method(c, "defineProperties", define_properties, 2);
    vm.method(c, "getOwnPropertyNames", get_own_property_names, 1);
    vm.method(
        c,
        "getOwnPropertyDescriptor",
        get_own_property_descriptor,
        2,
    );
    vm.method(c, "fromEntries", from_entries, 1);
    vm.method(c, "is", is, 2);
    vm.method(c, "hasOwn", has_own, 2);
    vm.method(op, "hasOwnProperty", has_own_property, 1);
    vm.method(op, "propertyIsEnumerable", property_is_enumerable, 1);
    vm.method(op, "isPrototypeOf", is_prototype_of, 1);
    vm.method(op, "toString", object_to_string, 0);
    vm.method(op, "toLocaleString", object_to_string, 0);
    vm.method(op, "valueOf", value_of, 0);
    vm.getter(op, "__proto__", proto_getter);
}

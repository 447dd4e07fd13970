//! `WeakMap`, `WeakSet` (ES2025 24.3, 24.4), `WeakRef` (26.1) and `FinalizationRegistry`
//! (26.2), and node's `gc()` (`--expose-gc`). Their storage is `map` (entries keyed by
//! identity) or `aux`; what makes them weak is the collector's (`js::weak`).

use super::arg;
use super::map::{Adder, construct_collection};
use crate::js::object::*;
use crate::js::value::Value;
use crate::js::vm::{CallArgs, JsResult, NativeFn, Vm, realm};
use crate::js::weak::FinCell;

/// CanBeHeldWeakly (9.13): objects and symbols not made by `Symbol.for`.
fn can_be_held_weakly(vm: &Vm, v: Value) -> bool {
    v.is_object()
        && (vm.class_of(v) != CLASS_SYMBOL || super::symbol::registered_key(vm, v).is_undefined())
}

fn this_of(vm: &mut Vm, a: &CallArgs, class: u8, method: &str) -> JsResult<Value> {
    let t = a.this;
    if t.is_object() && vm.class_of(t) == class {
        return Ok(t);
    }
    let d = if t.is_object() {
        let c = vm.constructor_name_of(t);
        format!("#<{}>", c.as_deref().unwrap_or("Object"))
    } else {
        vm.short_describe(t)
    };
    Err(vm.throw_type_error(&format!(
        "Method {method} called on incompatible receiver {d}"
    )))
}

fn require_new(vm: &mut Vm, a: &CallArgs, name: &str) -> JsResult<()> {
    if a.new_target.is_undefined() {
        return Err(vm.throw_type_error(&format!("Constructor {name} requires 'new'")));
    }
    Ok(())
}

fn weak_map_ctor(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let how = Adder {
        name: "set",
        pairs: true,
        type_name: "WeakMap",
        builtin: weak_map_set,
    };
    construct_collection(vm, a, CLASS_WEAK_MAP, realm::WEAK_MAP_PROTO, &how)
}
fn weak_set_ctor(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let how = Adder {
        name: "add",
        pairs: false,
        type_name: "WeakSet",
        builtin: weak_set_add,
    };
    construct_collection(vm, a, CLASS_WEAK_SET, realm::WEAK_SET_PROTO, &how)
}

/// The entry index of key `k` (only values that can be held weakly are ever keys).
fn find(vm: &mut Vm, m: Value, k: Value) -> Option<usize> {
    if !can_be_held_weakly(vm, k) {
        return None;
    }
    vm.map_data(m).index.get(&MapKey::Bits(k.0)).copied()
}

fn insert(vm: &mut Vm, m: Value, k: Value, v: Value) {
    let d = vm.map_data(m);
    match d.index.get(&MapKey::Bits(k.0)) {
        Some(&i) => d.entries[i].1 = v,
        None => {
            d.index.insert(MapKey::Bits(k.0), d.entries.len());
            d.entries.push((k, v));
            d.size += 1;
        }
    }
}

fn remove(vm: &mut Vm, m: Value, k: Value) -> bool {
    if !can_be_held_weakly(vm, k) {
        return false;
    }
    let d = vm.map_data(m);
    match d.index.remove(&MapKey::Bits(k.0)) {
        Some(i) => {
            d.entries[i] = (Value::EMPTY, Value::UNDEFINED);
            d.size -= 1;
            d.dead += 1;
            d.maybe_compact();
            true
        }
        None => false,
    }
}

fn weak_map_get(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let m = this_of(vm, a, CLASS_WEAK_MAP, "WeakMap.prototype.get")?;
    let k = arg(vm, a, 0);
    Ok(match find(vm, m, k) {
        Some(i) => vm.map_data(m).entries[i].1,
        None => Value::UNDEFINED,
    })
}
fn weak_map_set(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let m = this_of(vm, a, CLASS_WEAK_MAP, "WeakMap.prototype.set")?;
    let (k, v) = (arg(vm, a, 0), arg(vm, a, 1));
    if !can_be_held_weakly(vm, k) {
        return Err(vm.throw_type_error("Invalid value used as weak map key"));
    }
    insert(vm, m, k, v);
    Ok(m)
}
fn weak_map_has(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let m = this_of(vm, a, CLASS_WEAK_MAP, "WeakMap.prototype.has")?;
    let k = arg(vm, a, 0);
    Ok(Value::bool(find(vm, m, k).is_some()))
}
fn weak_map_delete(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let m = this_of(vm, a, CLASS_WEAK_MAP, "WeakMap.prototype.delete")?;
    let k = arg(vm, a, 0);
    Ok(Value::bool(remove(vm, m, k)))
}
fn weak_set_add(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let m = this_of(vm, a, CLASS_WEAK_SET, "WeakSet.prototype.add")?;
    let k = arg(vm, a, 0);
    if !can_be_held_weakly(vm, k) {
        return Err(vm.throw_type_error("Invalid value used in weak set"));
    }
    insert(vm, m, k, Value::UNDEFINED);
    Ok(m)
}
fn weak_set_has(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let m = this_of(vm, a, CLASS_WEAK_SET, "WeakSet.prototype.has")?;
    let k = arg(vm, a, 0);
    Ok(Value::bool(find(vm, m, k).is_some()))
}
fn weak_set_delete(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let m = this_of(vm, a, CLASS_WEAK_SET, "WeakSet.prototype.delete")?;
    let k = arg(vm, a, 0);
    Ok(Value::bool(remove(vm, m, k)))
}

/// WeakRef ( target ) (26.1.1.1): the target is kept alive for the rest of the job.
fn weak_ref_ctor(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    require_new(vm, a, "WeakRef")?;
    let target = arg(vm, a, 0);
    if !can_be_held_weakly(vm, target) {
        return Err(vm.throw_type_error("WeakRef: invalid target"));
    }
    let proto = vm.proto_from_new_target(a, realm::WEAK_REF_PROTO)?;
    let r = vm.new_object_with(CLASS_WEAK_REF, proto);
    vm.obj_mut(r).aux[0] = target;
    vm.keep_during_job(target);
    Ok(r)
}

/// WeakRef.prototype.deref ( ) (26.1.3.2, WeakRefDeref 26.1.4.1).
fn weak_ref_deref(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let r = this_of(vm, a, CLASS_WEAK_REF, "WeakRef.prototype.deref")?;
    let t = vm.obj(r).aux[0];
    if !t.is_undefined() {
        vm.keep_during_job(t);
    }
    Ok(t)
}

/// FinalizationRegistry ( cleanupCallback ) (26.2.1.1).
fn registry_ctor(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    require_new(vm, a, "FinalizationRegistry")?;
    let f = arg(vm, a, 0);
    if !vm.is_callable(f) {
        return Err(vm.throw_type_error("FinalizationRegistry: cleanup must be callable"));
    }
    let proto = vm.proto_from_new_target(a, realm::FIN_REG_PROTO)?;
    let r = vm.new_object_with(CLASS_FIN_REG, proto);
    vm.obj_mut(r).aux[0] = f;
    vm.weak.registries.insert(r.0, (r, Vec::new()));
    Ok(r)
}

fn invalid_token(vm: &mut Vm, t: Value) -> crate::js::vm::Thrown {
    let d = if t.is_object() {
        vm.short_describe(t)
    } else {
        vm.primitive_to_rust_string(t)
    };
    vm.throw_type_error(&format!("Invalid unregisterToken ('{d}')"))
}

/// FinalizationRegistry.prototype.register ( target, heldValue [ , unregisterToken ] )
/// (26.2.3.2).
fn registry_register(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let r = this_of(
        vm,
        a,
        CLASS_FIN_REG,
        "FinalizationRegistry.prototype.register",
    )?;
    let (target, held, token) = (arg(vm, a, 0), arg(vm, a, 1), arg(vm, a, 2));
    if !can_be_held_weakly(vm, target) {
        return Err(vm.throw_type_error("FinalizationRegistry.prototype.register: invalid target"));
    }
    if crate::js::define::same_value(vm, target, held) {
        return Err(vm.throw_type_error(
            "FinalizationRegistry.prototype.register: target and holdings must not be same",
        ));
    }
    if !can_be_held_weakly(vm, token) && !token.is_undefined() {
        return Err(invalid_token(vm, token));
    }
    if let Some((_, cells)) = vm.weak.registries.get_mut(&r.0) {
        cells.push(FinCell {
            target,
            held,
            token,
        });
    }
    Ok(Value::UNDEFINED)
}

/// FinalizationRegistry.prototype.unregister ( unregisterToken ) (26.2.3.3).
fn registry_unregister(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let r = this_of(
        vm,
        a,
        CLASS_FIN_REG,
        "FinalizationRegistry.prototype.unregister",
    )?;
    let token = arg(vm, a, 0);
    if !can_be_held_weakly(vm, token) {
        return Err(invalid_token(vm, token));
    }
    let mut removed = false;
    if let Some((_, cells)) = vm.weak.registries.get_mut(&r.0) {
        let before = cells.len();
        cells.retain(|c| c.token != token);
        removed = cells.len() != before;
    }
    Ok(Value::bool(removed))
}

/// node's `gc()` under `--expose-gc`: a full collection now.
fn gc(vm: &mut Vm, _a: &CallArgs) -> JsResult<Value> {
    vm.collect_garbage();
    Ok(Value::UNDEFINED)
}

pub fn install(vm: &mut Vm) {
    type Methods<'a> = &'a [(&'static str, NativeFn, u32)];
    let kinds: [(&'static str, usize, NativeFn, u32, Methods); 4] = [
        (
            "WeakMap",
            realm::WEAK_MAP_PROTO,
            weak_map_ctor,
            0,
            &[
                ("delete", weak_map_delete, 1),
                ("get", weak_map_get, 1),
                ("set", weak_map_set, 2),
                ("has", weak_map_has, 1),
            ],
        ),
        (
            "WeakSet",
            realm::WEAK_SET_PROTO,
            weak_set_ctor,
            0,
            &[
                ("delete", weak_set_delete, 1),
                ("has", weak_set_has, 1),
                ("add", weak_set_add, 1),
            ],
        ),
        (
            "WeakRef",
            realm::WEAK_REF_PROTO,
            weak_ref_ctor,
            1,
            &[("deref", weak_ref_deref, 0)],
        ),
        (
            "FinalizationRegistry",
            realm::FIN_REG_PROTO,
            registry_ctor,
            1,
            &[
                ("register", registry_register, 2),
                ("unregister", registry_unregister, 1),
            ],
        ),
    ];
    let op = vm.realm[realm::OBJECT_PROTO];
    for (name, slot, ctor, len, methods) in kinds {
        let p = vm.new_object_with(CLASS_ORDINARY, op);
        vm.realm[slot] = p;
        vm.constructor(name, ctor, len, p);
        for &(n, f, l) in methods {
            vm.method(p, n, f, l);
        }
        super::to_string_tag(vm, p, name);
    }
    if vm.opts.expose_gc {
        let g = vm.global;
        vm.method(g, "gc", gc, 0);
    }
}

//! `Map` and `Set` (insertion-ordered hash tables keyed by SameValueZero).

use super::arg;
use crate::js::interp::iter::*;
use crate::js::object::*;
use crate::js::value::Value;
use crate::js::vm::{CallArgs, JsResult, NativeFn, Vm, realm};

impl Vm {
    pub fn map_key(&self, v: Value) -> MapKey {
        if v.is_string() {
            MapKey::Str(self.str_units(v).to_vec())
        } else if v.is_number() {
            let f = v.as_number();
            MapKey::Bits(if f == 0.0 {
                0f64.to_bits()
            } else {
                Value::number(f).0
            })
        } else if self.is_bigint(v) {
            MapKey::BigInt(self.bigint(v).clone())
        } else {
            MapKey::Bits(v.0)
        }
    }
    pub(crate) fn map_data(&mut self, o: Value) -> &mut MapData {
        let p = self.obj(o).map;
        // SAFETY: Map/Set objects own their MapData (checked by this_map).
        unsafe { &mut *p }
    }
}

fn this_map(vm: &mut Vm, a: &CallArgs, class: u8) -> JsResult<Value> {
    let t = a.this;
    if t.is_object() && vm.class_of(t) == class && !vm.obj(t).map.is_null() {
        Ok(t)
    } else {
        let n = if class == CLASS_MAP { "Map" } else { "Set" };
        Err(vm.throw_type_error(&format!(
            "Method {n}.prototype function called on incompatible receiver"
        )))
    }
}

pub(super) fn map_set_raw(vm: &mut Vm, m: Value, k: Value, v: Value) {
    let k = if k.is_double() && k.as_double() == 0.0 {
        Value::int(0)
    } else {
        k
    };
    let key = vm.map_key(k);
    let d = vm.map_data(m);
    match d.index.get(&key) {
        Some(&i) => d.entries[i].1 = v,
        None => {
            d.index.insert(key, d.entries.len());
            d.entries.push((k, v));
            d.size += 1;
        }
    }
}

/// The Map, Set, WeakMap and WeakSet constructors (24.1.1.1, 24.2.1.1, 24.3.1.1, 24.4.1.1):
/// a new collection of `class` (prototype from NewTarget, else `realm[slot]`) filled from the
/// optional iterable argument as `how` says.
pub(super) fn construct_collection(
    vm: &mut Vm,
    a: &CallArgs,
    class: u8,
    slot: usize,
    how: &Adder,
) -> JsResult<Value> {
    if a.new_target.is_undefined() {
        let n = how.type_name;
        return Err(vm.throw_type_error(&format!("Constructor {n} requires 'new'")));
    }
    let proto = vm.proto_from_new_target(a, slot)?;
    let m = vm.new_object_with(class, proto);
    vm.obj_mut(m).map = Box::into_raw(Box::default());
    let init = arg(vm, a, 0);
    if !init.is_nullish() {
        vm.roots.push(m);
        let r = add_entries_from_iterable(vm, m, init, how);
        vm.roots.pop();
        r?;
    }
    Ok(m)
}

/// How a collection constructor feeds its iterable to the new collection: through the
/// method `name` (`set` with [key, value] entries when `pairs`, else `add`), whose
/// built-in version is `builtin`; `type_name` names the collection in messages.
pub(super) struct Adder {
    pub name: &'static str,
    pub pairs: bool,
    pub type_name: &'static str,
    pub builtin: NativeFn,
}

/// AddEntriesFromIterable (ES2025 24.1.1.2) and the Set constructor's loop (24.2.1.1), also
/// the WeakMap and WeakSet constructors' (24.3.1.1, 24.4.1.1):
/// each value goes through the collection's `set`/`add` as looked up on it, and the
/// iterator is closed when that (or reading an entry) throws. An array iterated the
/// built-in way into the built-in adder takes a direct path with the same effects.
fn add_entries_from_iterable(vm: &mut Vm, m: Value, init: Value, how: &Adder) -> JsResult<()> {
    let (name, builtin) = (how.name, how.builtin as usize);
    let key = vm.intern(name);
    let adder = vm.get_named(m, key)?;
    if !vm.is_callable(adder) {
        let d = vm.short_describe(adder);
        let c = how.type_name;
        return Err(vm.throw_type_error(&format!(
            "'{d}' returned for property '{name}' of object '#<{c}>' is not a function"
        )));
    }
    let add = |vm: &mut Vm, item: Value| -> JsResult<()> {
        if !how.pairs {
            return vm.call_function(adder, m, &[item]).map(|_| ());
        }
        if !item.is_object() {
            // node shows a string unquoted here.
            let d = if item.is_string() {
                vm.str_to_string(item)
            } else {
                vm.short_describe(item)
            };
            return Err(vm.throw_type_error(&format!("Iterator value {d} is not an entry object")));
        }
        let k = vm.get(item, PropKey::Index(0))?;
        let v = vm.get(item, PropKey::Index(1))?;
        vm.call_function(adder, m, &[k, v]).map(|_| ())
    };
    let is_builtin =
        vm.class_of(adder) == CLASS_NATIVE && vm.natives[vm.obj(adder).code].f as usize == builtin;
    if is_builtin && vm.is_array(init) && vm.array_iteration_pristine(init)? {
        // No user code can run between elements but entries' getters, which may change the
        // array: read its length afresh each step, as its iterator would.
        let mut i = 0;
        while i < vm.elems(init).len() {
            let x = vm.elems(init)[i];
            let x = if x.is_empty() { Value::UNDEFINED } else { x };
            add(vm, x)?;
            i += 1;
        }
        return Ok(());
    }
    let it = vm.get_iterator(init)?;
    vm.roots.push(it);
    let r = (|| {
        while let Some(x) = vm.iterator_next(it)? {
            vm.roots.push(x);
            let r = add(vm, x);
            vm.roots.pop();
            if let Err(e) = r {
                vm.iterator_close(it, true)?;
                return Err(e);
            }
        }
        Ok(())
    })();
    vm.roots.pop();
    r
}

/// A new empty Map.
pub(super) fn new_map(vm: &mut Vm) -> Value {
    let p = vm.realm[realm::MAP_PROTO];
    let m = vm.new_object_with(CLASS_MAP, p);
    vm.obj_mut(m).map = Box::into_raw(Box::default());
    m
}

fn map_ctor(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let how = Adder {
        name: "set",
        pairs: true,
        type_name: "Map",
        builtin: map_set,
    };
    construct_collection(vm, a, CLASS_MAP, realm::MAP_PROTO, &how)
}
fn set_ctor(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let how = Adder {
        name: "add",
        pairs: false,
        type_name: "Set",
        builtin: set_add,
    };
    construct_collection(vm, a, CLASS_SET, realm::SET_PROTO, &how)
}

fn get_entry(vm: &mut Vm, m: Value, k: Value) -> Option<usize> {
    let key = vm.map_key(k);
    vm.map_data(m).index.get(&key).copied()
}

fn map_get(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let m = this_map(vm, a, CLASS_MAP)?;
    let k = arg(vm, a, 0);
    Ok(match get_entry(vm, m, k) {
        Some(i) => vm.map_data(m).entries[i].1,
        None => Value::UNDEFINED,
    })
}
fn map_set(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let m = this_map(vm, a, CLASS_MAP)?;
    let (k, v) = (arg(vm, a, 0), arg(vm, a, 1));
    map_set_raw(vm, m, k, v);
    Ok(m)
}
fn has(vm: &mut Vm, a: &CallArgs, class: u8) -> JsResult<Value> {
    let m = this_map(vm, a, class)?;
    let k = arg(vm, a, 0);
    Ok(Value::bool(get_entry(vm, m, k).is_some()))
}
/// `Map.prototype.getOrInsert(key, value)` (upsert proposal): the existing value, or `value`
/// stored under `key`.
fn map_get_or_insert(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let m = this_map(vm, a, CLASS_MAP)?;
    let (k, v) = (arg(vm, a, 0), arg(vm, a, 1));
    if let Some(i) = get_entry(vm, m, k) {
        return Ok(vm.map_data(m).entries[i].1);
    }
    map_set_raw(vm, m, k, v);
    Ok(v)
}
/// `Map.prototype.getOrInsertComputed(key, callbackfn)`: the callback (called with the
/// normalised key) may change the map; its result is stored under `key` afterwards.
fn map_get_or_insert_computed(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let m = this_map(vm, a, CLASS_MAP)?;
    let (k, f) = (arg(vm, a, 0), arg(vm, a, 1));
    if !vm.is_callable(f) {
        let d = vm.inspect(f);
        return Err(vm.throw_type_error(&format!("{d} is not a function")));
    }
    if let Some(i) = get_entry(vm, m, k) {
        return Ok(vm.map_data(m).entries[i].1);
    }
    let k = if k.is_double() && k.as_double() == 0.0 {
        Value::int(0)
    } else {
        k
    };
    let v = vm.call_function(f, Value::UNDEFINED, &[k])?;
    map_set_raw(vm, m, k, v);
    Ok(v)
}
fn map_has(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    has(vm, a, CLASS_MAP)
}
fn set_has(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    has(vm, a, CLASS_SET)
}
fn delete(vm: &mut Vm, a: &CallArgs, class: u8) -> JsResult<Value> {
    let m = this_map(vm, a, class)?;
    let k = arg(vm, a, 0);
    let key = vm.map_key(k);
    let d = vm.map_data(m);
    match d.index.remove(&key) {
        Some(i) => {
            d.entries[i] = (Value::EMPTY, Value::UNDEFINED);
            d.size -= 1;
            d.dead += 1;
            d.maybe_compact();
            Ok(Value::TRUE)
        }
        None => Ok(Value::FALSE),
    }
}
fn map_delete(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    delete(vm, a, CLASS_MAP)
}
fn set_delete(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    delete(vm, a, CLASS_SET)
}
fn clear(vm: &mut Vm, a: &CallArgs, class: u8) -> JsResult<Value> {
    let m = this_map(vm, a, class)?;
    let d = vm.map_data(m);
    if d.iters == 0 {
        d.entries.clear();
        d.dead = 0;
    } else {
        for e in d.entries.iter_mut() {
            if !e.0.is_empty() {
                d.dead += 1;
            }
            *e = (Value::EMPTY, Value::UNDEFINED);
        }
    }
    d.index.clear();
    d.size = 0;
    Ok(Value::UNDEFINED)
}
fn map_clear(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    clear(vm, a, CLASS_MAP)
}
fn set_clear(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    clear(vm, a, CLASS_SET)
}
fn size(vm: &mut Vm, a: &CallArgs, class: u8) -> JsResult<Value> {
    let m = this_map(vm, a, class)?;
    Ok(Value::int(vm.map_data(m).size as i32))
}
fn map_size(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    size(vm, a, CLASS_MAP)
}
fn set_size(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    size(vm, a, CLASS_SET)
}
fn set_add(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let m = this_map(vm, a, CLASS_SET)?;
    let k = arg(vm, a, 0);
    map_set_raw(vm, m, k, k);
    Ok(m)
}
fn for_each(vm: &mut Vm, a: &CallArgs, class: u8) -> JsResult<Value> {
    let m = this_map(vm, a, class)?;
    let f = arg(vm, a, 0);
    if !vm.is_callable(f) {
        return Err(vm.throw_type_error("callback is not a function"));
    }
    vm.map_data(m).iters += 1;
    let mut i = 0;
    let r = loop {
        let d = vm.map_data(m);
        if i >= d.entries.len() {
            break Ok(Value::UNDEFINED);
        }
        let (k, v) = d.entries[i];
        i += 1;
        if k.is_empty() {
            continue;
        }
        if let Err(e) = vm.call_function(f, Value::UNDEFINED, &[v, k, m]) {
            break Err(e);
        }
    };
    let d = vm.map_data(m);
    d.iters = d.iters.saturating_sub(1);
    r
}
fn map_for_each(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    for_each(vm, a, CLASS_MAP)
}
fn set_for_each(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    for_each(vm, a, CLASS_SET)
}
macro_rules! iter_fn {
    ($f:ident, $class:expr, $kind:expr) => {
        fn $f(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
            let m = this_map(vm, a, $class)?;
            Ok(vm.new_iterator($kind, m))
        }
    };
}
iter_fn!(map_entries, CLASS_MAP, IT_MAP_ENTRIES);
iter_fn!(map_keys, CLASS_MAP, IT_MAP_KEYS);
iter_fn!(map_values, CLASS_MAP, IT_MAP_VALUES);
iter_fn!(set_values, CLASS_SET, IT_SET_VALUES);
iter_fn!(set_entries, CLASS_SET, IT_MAP_ENTRIES);

/// `%ArrayIteratorPrototype%.next` and its Map, Set and String counterparts: each takes
/// only iterators of its own family.
fn family_next(vm: &mut Vm, a: &CallArgs, family: u32, proto: &str) -> JsResult<Value> {
    let it = a.this;
    if !it.is_object() || vm.class_of(it) != CLASS_ITER || vm.iter_family_of(it) != family {
        let d = vm.short_describe(it);
        let msg = format!("Method {proto}.next called on incompatible receiver {d}");
        return Err(vm.throw_type_error(&msg));
    }
    let v = vm.iterator_next(it)?;
    vm.roots.push(v.unwrap_or(Value::UNDEFINED));
    let r = vm.new_object();
    vm.roots.pop();
    vm.put(
        r,
        "value",
        v.unwrap_or(Value::UNDEFINED),
        crate::js::shape::DEFAULT,
    );
    vm.put(
        r,
        "done",
        Value::bool(v.is_none()),
        crate::js::shape::DEFAULT,
    );
    Ok(r)
}

fn array_iter_next(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    family_next(vm, a, ITER_ARRAY, "Array Iterator.prototype")
}
fn string_iter_next(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    family_next(vm, a, ITER_STRING, "String Iterator.prototype")
}
fn map_iter_next(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    family_next(vm, a, ITER_MAP, "Map Iterator.prototype")
}
fn set_iter_next(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    family_next(vm, a, ITER_SET, "Set Iterator.prototype")
}

/// The four built-in iterator prototypes' `next` and `Symbol.toStringTag` (once `Symbol`
/// exists).
pub(super) fn install_iterator_protos(vm: &mut Vm) {
    let protos: [(usize, NativeFn, &str); 4] = [
        (realm::BUILTIN_ITER_PROTO, array_iter_next, "Array Iterator"),
        (
            realm::STRING_ITER_PROTO,
            string_iter_next,
            "String Iterator",
        ),
        (realm::MAP_ITER_PROTO, map_iter_next, "Map Iterator"),
        (realm::SET_ITER_PROTO, set_iter_next, "Set Iterator"),
    ];
    for (slot, next, tag) in protos {
        let p = vm.realm[slot];
        vm.method(p, "next", next, 0);
        super::to_string_tag(vm, p, tag);
    }
}

pub fn install(vm: &mut Vm) {
    let mp = vm.realm[realm::MAP_PROTO];
    vm.constructor("Map", map_ctor, 0, mp);
    let mfns: &[(&'static str, NativeFn, u32)] = &[
        ("get", map_get, 1),
        ("set", map_set, 2),
        ("has", map_has, 1),
        ("getOrInsert", map_get_or_insert, 2),
        ("getOrInsertComputed", map_get_or_insert_computed, 2),
        ("delete", map_delete, 1),
        ("clear", map_clear, 0),
        ("forEach", map_for_each, 1),
        ("entries", map_entries, 0),
        ("keys", map_keys, 0),
        ("values", map_values, 0),
    ];
    for &(n, f, l) in mfns {
        vm.method(mp, n, f, l);
    }
    vm.getter(mp, "size", map_size);
    let sp = vm.realm[realm::SET_PROTO];
    vm.constructor("Set", set_ctor, 0, sp);
    let sfns: &[(&'static str, NativeFn, u32)] = &[
        ("add", set_add, 1),
        ("has", set_has, 1),
        ("delete", set_delete, 1),
        ("clear", set_clear, 0),
        ("forEach", set_for_each, 1),
        ("values", set_values, 0),
        ("entries", set_entries, 0),
    ];
    for &(n, f, l) in sfns {
        vm.method(sp, n, f, l);
    }
    // Set.prototype.keys is the same function as values.
    if let Ok(v) = vm.get_by_name(sp, "values") {
        vm.put(sp, "keys", v, crate::js::shape::HIDDEN);
    }
    super::set_methods::install(vm, sp);
    vm.getter(sp, "size", set_size);
}

//! The global environment: realm prototypes, constructors and builtin functions.

mod annex_b;
mod array;
pub mod array_buffer;
mod array_from_async;
pub use array_buffer::detach as detach_array_buffer;
mod array_generic;
mod array_iterate;
mod array_mutate;
pub mod async_from_sync;
mod atomics;
mod atomics_wait_async;
mod bigint;
mod console;
pub mod data_view;
pub use data_view::view_byte_length;
mod date;
mod date_format;
mod date_parse;
mod date_time;
pub use date::iso as date_iso;
mod error;
mod function;
mod generator;
mod global;
mod group_by;
mod intrinsic;
mod iterator;
mod iterator_helper;
mod json;
mod map;
mod math;
pub use intrinsic::{Intrinsic, intrinsic};
pub(crate) use object::to_object;
mod number;
pub(crate) mod object;
pub use object::object_to_string as object_to_string_pub;
mod process;
mod promise;
mod promise_combinators;
mod proxy;
mod reflect;
mod regexp;
pub use regexp::RegexCache;
mod regexp_legacy;
mod regexp_string;
mod set_methods;
mod shared_array_buffer;
mod string;
pub(crate) mod symbol;
mod test262;
mod timers;
mod typed_array;
mod typed_array_iterate;
mod typed_array_methods;
mod uri;
mod weak;
pub use symbol::well_known as well_known_symbol;
pub use test262::install_test262_host;

use crate::js::atoms;
use crate::js::object::*;
use crate::js::shape;
use crate::js::value::Value;
use crate::js::vm::{CallArgs, JsResult, NativeEntry, NativeFn, Vm, realm};

/// Argument `i` of a native call (undefined if absent).
#[inline]
pub fn arg(vm: &Vm, a: &CallArgs, i: usize) -> Value {
    if i < a.argc {
        vm.regs[a.start + i]
    } else {
        Value::UNDEFINED
    }
}
/// Resolves a relative index argument (`slice`, `splice`, `fill`, `indexOf`…) against `len`:
/// undefined gives `default`, negative counts from the end, the result is clamped to `0..=len`.
pub fn rel_index(vm: &mut Vm, v: Value, len: usize, default: usize) -> JsResult<usize> {
    if v.is_undefined() {
        return Ok(default);
    }
    let f = vm.to_integer(v)?;
    Ok(if f < 0.0 {
        (len as f64 + f).max(0.0) as usize
    } else {
        f.min(len as f64) as usize
    })
}

pub fn args_vec(vm: &Vm, a: &CallArgs) -> Vec<Value> {
    vm.regs[a.start..a.start + a.argc].to_vec()
}

impl Vm {
    /// Creates a native function object.
    pub fn native_fn(&mut self, name: &'static str, f: NativeFn, length: u32) -> Value {
        self.natives.push(NativeEntry { name, f, length });
        let idx = self.natives.len() - 1;
        let p = self.realm[realm::FUNCTION_PROTO];
        let o = self.new_object_with(CLASS_NATIVE, p);
        self.obj_mut(o).code = idx;
        o
    }
    /// Defines a builtin method (non-enumerable) on `o`.
    pub fn method(&mut self, o: Value, name: &'static str, f: NativeFn, length: u32) -> Value {
        let fv = self.native_fn(name, f, length);
        self.put(o, name, fv, shape::HIDDEN);
        fv
    }
    /// Defines a getter on `o`.
    pub fn getter(&mut self, o: Value, name: &'static str, f: NativeFn) {
        // The function's name is "get NAME" (a few dozen, made once at startup).
        let fname: &'static str = Box::leak(format!("get {name}").into_boxed_str());
        let fv = self.native_fn(fname, f, 0);
        let a = self.intern(name);
        self.define_accessor(o, PropKey::Atom(a), fv, true, false);
    }
    /// Creates a constructor with its prototype object wired both ways.
    pub fn constructor(
        &mut self,
        name: &'static str,
        f: NativeFn,
        length: u32,
        proto: Value,
    ) -> Value {
        let c = self.native_fn(name, f, length);
        self.obj_mut(c).hdr.flags |= FLAG_NATIVE_CTOR;
        self.define_own(c, PropKey::Atom(atoms::PROTOTYPE), proto, 0);
        self.define_own(proto, PropKey::Atom(atoms::CONSTRUCTOR), c, shape::HIDDEN);
        let g = self.global;
        self.put(g, name, c, shape::HIDDEN);
        c
    }
    /// The `this` object for prototype methods, or a TypeError.
    pub fn this_obj(&mut self, a: &CallArgs, what: &str) -> JsResult<Value> {
        if a.this.is_object() {
            Ok(a.this)
        } else {
            Err(self.throw_type_error(&format!("{what} called on non-object")))
        }
    }
    /// Prototype for objects created by a native constructor (respects subclassing).
    pub fn proto_from_new_target(&mut self, a: &CallArgs, fallback: usize) -> JsResult<Value> {
        if a.new_target.is_object() && a.new_target != a.callee {
            let p = self.get_named(a.new_target, atoms::PROTOTYPE)?;
            if self.is_spec_object(p) {
                return Ok(p);
            }
        }
        Ok(self.realm[fallback])
    }
}

pub fn install(vm: &mut Vm) {
    let op = vm.new_object_with(CLASS_ORDINARY, Value::NULL);
    vm.realm[realm::OBJECT_PROTO] = op;
    // Function.prototype is itself a function (§20.2.3): it accepts any arguments and
    // returns undefined.
    let fp = vm.new_object_with(CLASS_NATIVE, op);
    vm.natives.push(NativeEntry {
        name: "",
        f: function::empty,
        length: 0,
    });
    vm.obj_mut(fp).code = vm.natives.len() - 1;
    vm.realm[realm::FUNCTION_PROTO] = fp;
    for slot in [
        realm::ARRAY_PROTO,
        realm::STRING_PROTO,
        realm::NUMBER_PROTO,
        realm::BOOLEAN_PROTO,
        realm::ERROR_PROTO,
        realm::MAP_PROTO,
        realm::SET_PROTO,
        realm::ITERATOR_PROTO,
        realm::SYMBOL_PROTO,
    ] {
        vm.realm[slot] = vm.new_object_with(CLASS_ORDINARY, op);
    }
    // Primitive strings have String.prototype as their prototype without any object saying
    // so: flagged as one, its changes bump the prototype epoch that guards string receivers'
    // IC entries.
    // Number.prototype and Boolean.prototype are themselves Number 0 and Boolean false.
    let np = vm.realm[realm::NUMBER_PROTO];
    vm.obj_mut(np).hdr.class = CLASS_NUMBER;
    vm.obj_mut(np).aux[0] = Value::int(0);
    let bp = vm.realm[realm::BOOLEAN_PROTO];
    vm.obj_mut(bp).hdr.class = CLASS_BOOLEAN;
    vm.obj_mut(bp).aux[0] = Value::FALSE;
    let sp = vm.realm[realm::STRING_PROTO];
    vm.obj_mut(sp).hdr.flags |= FLAG_IS_PROTO;
    let ip = vm.realm[realm::ITERATOR_PROTO];
    for slot in [
        realm::BUILTIN_ITER_PROTO,
        realm::STRING_ITER_PROTO,
        realm::MAP_ITER_PROTO,
        realm::SET_ITER_PROTO,
    ] {
        vm.realm[slot] = vm.new_object_with(CLASS_ORDINARY, ip);
    }
    let g = vm.new_object_with(CLASS_ORDINARY, op);
    vm.obj_mut(g).hdr.flags |= FLAG_NO_DICT;
    vm.global = g;
    vm.put(g, "globalThis", g, shape::HIDDEN);
    vm.put(g, "NaN", Value::NAN, 0);
    vm.put(g, "Infinity", Value::double(f64::INFINITY), 0);
    vm.put(g, "undefined", Value::UNDEFINED, 0);
    object::install(vm);
    function::install(vm);
    error::install(vm);
    array::install(vm);
    string::install(vm);
    number::install(vm);
    math::install(vm);
    json::install(vm);
    map::install(vm);
    console::install(vm);
    global::install(vm);
    process::install(vm);
    crate::js::node::install(vm);
    symbol::install(vm);
    map::install_iterator_protos(vm);
    bigint::install(vm);
    promise::install(vm);
    timers::install(vm);
    regexp::install(vm);
    array::install_symbols(vm);
    install_symbol_props(vm);
    generator::install(vm);
    iterator::install(vm);
    weak::install(vm);
    function::install_function_kinds(vm);
    async_from_sync::install(vm);
    reflect::install(vm);
    proxy::install(vm);
    group_by::install(vm);
    uri::install(vm);
    date::install(vm);
    annex_b::install(vm);
    array_buffer::install(vm);
    shared_array_buffer::install(vm);
    atomics::install(vm);
    data_view::install(vm);
    typed_array::install(vm);
}

/// Defines a getter keyed by the well-known symbol `Symbol.<sym>` on `o`.
pub(crate) fn symbol_accessor(vm: &mut Vm, o: Value, sym: &str, fname: &'static str, f: NativeFn) {
    if let Some(k) = symbol::well_known(vm, sym) {
        let g = vm.native_fn(fname, f, 0);
        vm.define_accessor(o, PropKey::Atom(k), g, true, false);
    }
}

/// Defines `o[Symbol.toStringTag] = tag` (configurable only).
pub(crate) fn to_string_tag(vm: &mut Vm, o: Value, tag: &str) {
    if let Some(k) = symbol::well_known(vm, "toStringTag") {
        let s = vm.new_str(tag);
        vm.define_own(o, PropKey::Atom(k), s, shape::CONFIGURABLE);
    }
}

/// `get [Symbol.species]` of the built-in constructors: `this`.
pub(super) fn species_getter(_vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    Ok(a.this)
}

/// `Symbol.toStringTag` of the built-in prototypes and namespaces, and `Symbol.species` of
/// Map and Set (installed once `Symbol` exists).
fn install_symbol_props(vm: &mut Vm) {
    if let Some(tag) = symbol::well_known(vm, "toStringTag") {
        let g = vm.global;
        let mut targets = vec![
            (vm.realm[realm::MAP_PROTO], "Map"),
            (vm.realm[realm::SET_PROTO], "Set"),
            (vm.realm[realm::SYMBOL_PROTO], "Symbol"),
        ];
        for name in ["Math", "JSON"] {
            if let Ok(o) = vm.get_by_name(g, name)
                && o.is_object()
            {
                targets.push((o, name));
            }
        }
        for (o, name) in targets {
            let s = vm.new_str(name);
            vm.define_own(o, PropKey::Atom(tag), s, shape::CONFIGURABLE);
        }
    }
    if let Some(sp) = symbol::well_known(vm, "species") {
        let g = vm.global;
        for name in ["Map", "Set"] {
            if let Ok(c) = vm.get_by_name(g, name)
                && c.is_object()
            {
                let f = vm.native_fn("get [Symbol.species]", species_getter, 0);
                vm.define_accessor(c, PropKey::Atom(sp), f, true, false);
            }
        }
    }
}

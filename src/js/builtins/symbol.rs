//! `Symbol`: unique property keys. A symbol is a `CLASS_SYMBOL` cell whose `aux[0]` is the
//! private atom used as its property key and `aux[1]` its description; `typeof` says "symbol"
//! and conversions treat it as a primitive.

use super::arg;
use crate::js::atoms::Atom;
use crate::js::object::*;
use crate::js::shape;
use crate::js::value::Value;
use crate::js::vm::{CallArgs, JsResult, Vm, realm};

impl Vm {
    pub fn new_symbol(&mut self, desc: Value) -> Value {
        // An atom no string interns to: a string key can never name a symbol's property.
        let n = self.symbol_atoms.len();
        let u: Vec<u16> = format!("@@symbol {n}").encode_utf16().collect();
        let a = self.unique_atom(&u);
        self.symbol_atoms.insert(a);
        let s = self.symbol_cell(a, desc);
        let mut reg = self.realm[realm::SYMBOL_REGISTRY];
        if !reg.is_object() {
            reg = self.new_object_with(CLASS_ORDINARY, Value::NULL);
            self.realm[realm::SYMBOL_REGISTRY] = reg;
        }
        self.define_own(reg, PropKey::Atom(a), s, shape::HIDDEN);
        s
    }
    /// A `CLASS_SYMBOL` cell keyed by atom `a`, with `aux1` in `aux[1]` (a symbol's
    /// description; a private name's brand, `private_names`).
    pub(crate) fn symbol_cell(&mut self, a: Atom, aux1: Value) -> Value {
        let p = self.realm[realm::SYMBOL_PROTO];
        let s = self.new_object_with(CLASS_SYMBOL, p);
        self.obj_mut(s).aux[0] = Value::int(a.0 as i32);
        self.obj_mut(s).aux[1] = aux1;
        s
    }
    /// The symbol whose private atom is `a`.
    pub fn symbol_of_atom(&mut self, a: Atom) -> Value {
        let reg = self.realm[realm::SYMBOL_REGISTRY];
        match self.find_own(reg, a) {
            Some((loc, _)) => self.read_loc(reg, loc),
            None => Value::UNDEFINED,
        }
    }
    /// A property key as a value: a string, or the symbol for a symbol key.
    pub fn key_to_value(&mut self, k: PropKey) -> Value {
        if let PropKey::Atom(a) = k
            && self.symbol_atoms.contains(&a)
        {
            return self.symbol_of_atom(a);
        }
        self.key_value(k)
    }
    /// "Symbol(description)".
    pub fn symbol_descriptive(&self, s: Value) -> String {
        let d = self.obj(s).aux[1];
        let d = if d.is_string() {
            self.str_to_string(d)
        } else {
            String::new()
        };
        format!("Symbol({d})")
    }
    pub fn symbol_atom(&self, s: Value) -> Atom {
        Atom(self.obj(s).aux[0].as_int() as u32)
    }
}

/// The private atom of the well-known symbol `Symbol[name]`.
pub fn well_known(vm: &Vm, name: &str) -> Option<Atom> {
    let i = WELL_KNOWN.iter().position(|(n, _)| *n == name)?;
    vm.well_known_symbols.get(i).copied()
}

/// The well-known symbols (ECMA-262 6.1.5.1) as (`Symbol` property, description), in the
/// order of `Vm::well_known_symbols`. They belong to the realm, whatever the global `Symbol`
/// is later changed to.
const WELL_KNOWN: [(&str, &str); 13] = [
    ("iterator", "Symbol.iterator"),
    ("asyncIterator", "Symbol.asyncIterator"),
    ("hasInstance", "Symbol.hasInstance"),
    ("toPrimitive", "Symbol.toPrimitive"),
    ("toStringTag", "Symbol.toStringTag"),
    ("isConcatSpreadable", "Symbol.isConcatSpreadable"),
    ("unscopables", "Symbol.unscopables"),
    ("species", "Symbol.species"),
    ("match", "Symbol.match"),
    ("matchAll", "Symbol.matchAll"),
    ("replace", "Symbol.replace"),
    ("search", "Symbol.search"),
    ("split", "Symbol.split"),
];

fn symbol_ctor(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    if !a.new_target.is_undefined() {
        return Err(vm.throw_type_error("Symbol is not a constructor"));
    }
    let d = arg(vm, a, 0);
    let d = if d.is_undefined() {
        d
    } else {
        vm.to_string(d)?
    };
    Ok(vm.new_symbol(d))
}
/// Symbol.for ( key ) (20.4.2.2): the registered symbol for `key`; a registered symbol
/// keeps its key in `aux[2]`.
fn symbol_for(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let key = vm.to_string(arg(vm, a, 0))?;
    let mut reg = vm.realm[realm::SYMBOL_FOR_REGISTRY];
    if !reg.is_object() {
        vm.roots.push(key);
        reg = super::map::new_map(vm);
        vm.roots.pop();
        vm.realm[realm::SYMBOL_FOR_REGISTRY] = reg;
    }
    let mk = vm.map_key(key);
    if let Some(&i) = vm.map_data(reg).index.get(&mk) {
        return Ok(vm.map_data(reg).entries[i].1);
    }
    vm.roots.push(key);
    let s = vm.new_symbol(key);
    vm.roots.pop();
    vm.obj_mut(s).aux[2] = key;
    super::map::map_set_raw(vm, reg, key, s);
    Ok(s)
}
/// Symbol.keyFor ( sym ) (20.4.2.6).
fn symbol_key_for(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let s = arg(vm, a, 0);
    if !s.is_object() || vm.class_of(s) != CLASS_SYMBOL {
        let d = vm.short_describe(s);
        return Err(vm.throw_type_error(&format!("{d} is not a symbol")));
    }
    Ok(registered_key(vm, s))
}
/// The key a symbol was registered under by `Symbol.for`, or undefined.
pub(crate) fn registered_key(vm: &Vm, s: Value) -> Value {
    let k = vm.obj(s).aux[2];
    if k.is_string() { k } else { Value::UNDEFINED }
}
fn this_symbol(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    if a.this.is_object() && vm.class_of(a.this) == CLASS_SYMBOL {
        Ok(a.this)
    } else {
        Err(vm.throw_type_error("Symbol.prototype method called on incompatible receiver"))
    }
}
fn to_string(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let s = this_symbol(vm, a)?;
    let d = vm.symbol_descriptive(s);
    Ok(vm.new_str(&d))
}
fn description(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let s = this_symbol(vm, a)?;
    Ok(vm.obj(s).aux[1])
}
fn value_of(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    this_symbol(vm, a)
}
fn symbol_to_primitive(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    if a.this.is_object() && vm.class_of(a.this) == CLASS_SYMBOL {
        Ok(a.this)
    } else {
        Err(vm.throw_type_error(
            "Symbol.prototype [ @@toPrimitive ] requires that 'this' be a Symbol",
        ))
    }
}
fn iter_self(_vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    Ok(a.this)
}

pub fn install(vm: &mut Vm) {
    let sp = vm.realm[realm::SYMBOL_PROTO];
    let c = vm.constructor("Symbol", symbol_ctor, 0, sp);
    vm.obj_mut(c).hdr.flags &= !FLAG_NATIVE_CTOR;
    vm.method(c, "for", symbol_for, 1);
    vm.method(c, "keyFor", symbol_key_for, 1);
    vm.method(sp, "toString", to_string, 0);
    vm.method(sp, "valueOf", value_of, 0);
    vm.getter(sp, "description", description);
    for (name, desc) in WELL_KNOWN {
        let d = vm.new_str(desc);
        let s = vm.new_symbol(d);
        vm.put(c, name, s, 0);
        let atom = vm.symbol_atom(s);
        vm.well_known_symbols.push(atom);
    }
    vm.sym_iterator = vm.well_known_symbols[0];
    // Built-in iterables expose [Symbol.iterator].
    let key = PropKey::Atom(vm.sym_iterator);
    for (proto, method) in [
        (realm::ARRAY_PROTO, "values"),
        (realm::STRING_PROTO, "values"),
        (realm::MAP_PROTO, "entries"),
        (realm::SET_PROTO, "values"),
    ] {
        let p = vm.realm[proto];
        if let Ok(f) = vm.get_by_name(p, method) {
            vm.define_own(p, key, f, shape::HIDDEN);
            if proto == realm::ARRAY_PROTO {
                vm.realm[realm::ARRAY_VALUES] = f;
            }
        }
    }
    // ES2025 20.4.3.5 Symbol.prototype [ @@toPrimitive ] ( hint ): { [[Configurable]]: true }.
    let tp = PropKey::Atom(vm.well_known_symbols[3]);
    let f = vm.native_fn("[Symbol.toPrimitive]", symbol_to_primitive, 1);
    vm.define_own(sp, tp, f, shape::CONFIGURABLE);
    let ip = vm.realm[realm::ITERATOR_PROTO];
    let f = vm.native_fn("[Symbol.iterator]", iter_self, 0);
    vm.define_own(ip, key, f, shape::HIDDEN);
}

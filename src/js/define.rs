//! Property descriptors and [[DefineOwnProperty]]: ToPropertyDescriptor /
//! FromPropertyDescriptor (ECMA-262 6.2.6.4–5), ValidateAndApplyPropertyDescriptor (10.1.6.3),
//! ArraySetLength (10.4.2.4), element stores that respect attributes, and integrity levels
//! (SetIntegrityLevel / TestIntegrityLevel, 7.3.15–16).

use crate::js::atoms;
use crate::js::object::*;
use crate::js::shape;
use crate::js::string::parse_index;
use crate::js::value::Value;
use crate::js::vm::{JsResult, Vm};

/// A property descriptor: absent fields are `None`.
#[derive(Default, Clone, Copy, Debug)]
pub struct PropDesc {
    pub value: Option<Value>,
    pub writable: Option<bool>,
    pub get: Option<Value>,
    pub set: Option<Value>,
    pub enumerable: Option<bool>,
    pub configurable: Option<bool>,
}

impl PropDesc {
    pub fn is_accessor(&self) -> bool {
        self.get.is_some() || self.set.is_some()
    }
    pub fn is_data(&self) -> bool {
        self.value.is_some() || self.writable.is_some()
    }
    /// A data descriptor with all attributes given.
    pub fn data(v: Value, flags: u8) -> PropDesc {
        PropDesc {
            value: Some(v),
            writable: Some(flags & shape::WRITABLE != 0),
            enumerable: Some(flags & shape::ENUMERABLE != 0),
            configurable: Some(flags & shape::CONFIGURABLE != 0),
            ..PropDesc::default()
        }
    }
}

/// SameValue.
pub fn same_value(vm: &Vm, x: Value, y: Value) -> bool {
    if x.is_number() && y.is_number() {
        let (p, q) = (x.as_number(), y.as_number());
        return (p.is_nan() && q.is_nan())
            || (p == q && p.is_sign_negative() == q.is_sign_negative());
    }
    if x.is_string() && y.is_string() {
        return vm.str_eq(x, y);
    }
    x == y || (vm.is_bigint(x) && vm.is_bigint(y) && vm.bigint(x) == vm.bigint(y))
}

impl Vm {
    /// ToPropertyDescriptor. The values it reads are pushed on `roots` (the caller truncates).
    pub fn to_property_descriptor(&mut self, o: Value) -> JsResult<PropDesc> {
        if !self.is_spec_object(o) {
            let s = self.inspect(o);
            return Err(
                self.throw_type_error(&format!("Property description must be an object: {s}"))
            );
        }
        let mut d = PropDesc::default();
        let field = |vm: &mut Vm, a| -> JsResult<Option<Value>> {
            if !vm.has_property(o, PropKey::Atom(a))? {
                return Ok(None);
            }
            let v = vm.get_named(o, a)?;
            vm.roots.push(v);
            Ok(Some(v))
        };
        if let Some(v) = field(self, atoms::ENUMERABLE)? {
            d.enumerable = Some(self.truthy(v));
        }
        if let Some(v) = field(self, atoms::CONFIGURABLE)? {
            d.configurable = Some(self.truthy(v));
        }
        d.value = field(self, atoms::VALUE)?;
        if let Some(v) = field(self, atoms::WRITABLE)? {
            d.writable = Some(self.truthy(v));
        }
        for (a, what) in [(atoms::GET, "Getter"), (atoms::SET, "Setter")] {
            if let Some(f) = field(self, a)? {
                if !f.is_undefined() && !self.is_callable(f) {
                    let s = if f.is_object() {
                        let args = crate::js::vm::CallArgs {
                            this: f,
                            start: 0,
                            argc: 0,
                            new_target: Value::UNDEFINED,
                            callee: Value::UNDEFINED,
                        };
                        let t = crate::js::builtins::object_to_string_pub(self, &args)?;
                        self.str_to_string(t)
                    } else {
                        self.inspect(f)
                    };
                    return Err(self.throw_type_error(&format!("{what} must be a function: {s}")));
                }
                if a == atoms::GET {
                    d.get = Some(f);
                } else {
                    d.set = Some(f);
                }
            }
        }
        if d.is_accessor() && d.is_data() {
            return Err(self.throw_type_error(
                "Invalid property descriptor. Cannot both specify accessors and a value or writable attribute",
            ));
        }
        Ok(d)
    }

    /// FromPropertyDescriptor of an own property's raw (value-or-accessor, flags).
    pub fn from_property_descriptor(&mut self, v: Value, f: u8) -> Value {
        let d = self.new_object();
        if f & shape::ACCESSOR != 0 {
            let (g, s) = self.accessor_parts(v);
            self.put(d, "get", g, shape::DEFAULT);
            self.put(d, "set", s, shape::DEFAULT);
        } else {
            self.put(d, "value", v, shape::DEFAULT);
            let w = Value::bool(f & shape::WRITABLE != 0);
            self.put(d, "writable", w, shape::DEFAULT);
        }
        let e = Value::bool(f & shape::ENUMERABLE != 0);
        self.put(d, "enumerable", e, shape::DEFAULT);
        let c = Value::bool(f & shape::CONFIGURABLE != 0);
        self.put(d, "configurable", c, shape::DEFAULT);
        d
    }

    pub fn is_extensible_obj(&self, o: Value) -> bool {
        self.obj(o).hdr.flags & FLAG_NOT_EXTENSIBLE == 0
    }

    /// [[DefineOwnProperty]] (ordinary objects and arrays): false when the definition is not
    /// allowed. Only array `length` values can throw (a RangeError, or their conversion).
    pub fn define_own_property(&mut self, o: Value, key: PropKey, d: PropDesc) -> JsResult<bool> {
        // A key listed from another object ("0" in `defineProperties(arr, {0: …})`) names
        // an element.
        let key = match key {
            PropKey::Atom(a) => match parse_index(self.str_units(self.atom_value(a))) {
                Some(i) => PropKey::Index(i),
                None => key,
            },
            PropKey::Index(_) => key,
        };
        let class = self.class_of(o);
        if class == CLASS_PROXY {
            return self.proxy_define_own_property(o, key, d);
        }
        if is_typed_class(class)
            && let Some(k) = self.ta_numeric_key(key)
        {
            // Integer-indexed exotic [[DefineOwnProperty]] (ECMA-262 §10.4.5.3).
            if !self.ta_valid_index(o, k)
                || d.configurable == Some(false)
                || d.enumerable == Some(false)
                || d.is_accessor()
                || d.writable == Some(false)
            {
                return Ok(false);
            }
            if let Some(v) = d.value {
                self.ta_set_value(o, k, v)?;
            }
            return Ok(true);
        }
        if class == CLASS_ARRAY && key == PropKey::Atom(atoms::LENGTH) {
            return self.array_define_length(o, d);
        }
        if let PropKey::Index(i) = key
            && class == CLASS_ARRAY
            && i != u32::MAX
            && self.get_own_raw(o, key).is_none()
            && (i as f64) >= self.array_length(o).as_number()
            && self.obj(o).xflags & XFLAG_LENGTH_RO != 0
        {
            return Ok(false);
        }
        if class == CLASS_STRING
            && let PropKey::Index(i) = key
            && (i as usize) < self.str_len(self.obj(o).aux[0])
        {
            // String exotic objects' index properties are fixed.
            let cur = self.get_own_raw(o, key);
            return Ok(self.validate_only(cur, &d));
        }
        let cur = self.get_own_raw(o, key);
        if !self.validate_only(cur, &d) {
            return Ok(false);
        }
        if cur.is_none() && !self.is_extensible_obj(o) {
            return Ok(false);
        }
        // Apply (the result of merging `d` into the current property).
        let (cv, cf) = cur.unwrap_or((Value::UNDEFINED, 0));
        let cur_acc = cur.is_some() && cf & shape::ACCESSOR != 0;
        let mut flags = cf & (shape::ENUMERABLE | shape::CONFIGURABLE);
        if let Some(e) = d.enumerable {
            flags = (flags & !shape::ENUMERABLE) | if e { shape::ENUMERABLE } else { 0 };
        }
        if let Some(c) = d.configurable {
            flags = (flags & !shape::CONFIGURABLE) | if c { shape::CONFIGURABLE } else { 0 };
        }
        let make_acc = d.is_accessor() || (cur_acc && !d.is_data());
        if make_acc {
            let (mut g, mut s) = if cur_acc {
                self.accessor_parts(cv)
            } else {
                (Value::UNDEFINED, Value::UNDEFINED)
            };
            if let Some(x) = d.get {
                g = x;
            }
            if let Some(x) = d.set {
                s = x;
            }
            let acc = self.new_accessor(g, s);
            self.store_own(o, key, acc, flags | shape::ACCESSOR);
        } else {
            let (mut v, mut w) = if cur.is_some() && !cur_acc {
                (cv, cf & shape::WRITABLE != 0)
            } else {
                (Value::UNDEFINED, false)
            };
            if let Some(x) = d.value {
                v = x;
            }
            if let Some(x) = d.writable {
                w = x;
            }
            if w {
                flags |= shape::WRITABLE;
            }
            self.store_own(o, key, v, flags);
        }
        Ok(true)
    }

    /// The checks of ValidateAndApplyPropertyDescriptor against the current property.
    pub(crate) fn validate_only(&self, cur: Option<(Value, u8)>, d: &PropDesc) -> bool {
        let Some((cv, cf)) = cur else {
            return true;
        };
        if cf & shape::CONFIGURABLE != 0 {
            return true;
        }
        if d.configurable == Some(true) {
            return false;
        }
        if let Some(e) = d.enumerable
            && e != (cf & shape::ENUMERABLE != 0)
        {
            return false;
        }
        let cur_acc = cf & shape::ACCESSOR != 0;
        if (d.is_accessor() && !cur_acc) || (d.is_data() && cur_acc) {
            return false;
        }
        if cur_acc {
            let (g, s) = self.accessor_parts(cv);
            if d.get.is_some_and(|x| x != g) || d.set.is_some_and(|x| x != s) {
                return false;
            }
        } else if cf & shape::WRITABLE == 0 {
            if d.writable == Some(true) {
                return false;
            }
            if let Some(v) = d.value
                && !same_value(self, v, cv)
            {
                return false;
            }
        }
        true
    }

    /// Stores an own property's final value and attributes (elements stay dense when they
    /// have the default attributes).
    pub fn store_own(&mut self, o: Value, key: PropKey, v: Value, flags: u8) {
        let PropKey::Index(i) = key else {
            return self.define_own(o, key, v, flags);
        };
        if !self.has_elements(o) {
            let a = self.index_atom(i);
            return self.define_own(o, PropKey::Atom(a), v, flags);
        }
        let len = self.obj(o).elem_len;
        let a = self.index_atom(i);
        if flags == self.elem_flags(o) && i < MAX_DENSE {
            if self.find_own(o, a).is_some() {
                self.delete_own_ordinary(o, PropKey::Atom(a));
            }
            if i >= len && self.class_of(o) == CLASS_ARRAY && !self.obj(o).aux[0].is_undefined() {
                // Sparse length: padding the dense part must not shrink it.
                let l = self.array_length(o);
                self.set_elem_raw(o, i, v);
                self.obj_mut(o).aux[0] = l;
                return;
            }
            return self.set_elem_raw(o, i, v);
        }
        // A named index property: the dense slot (if any) becomes a hole it shadows.
        if i < len {
            self.elems_mut(o)[i as usize] = Value::EMPTY;
        }
        self.obj_mut(o).hdr.flags |= FLAG_SLOW_ELEMS | FLAG_FROZEN;
        self.define_own(o, PropKey::Atom(a), v, flags);
        if self.class_of(o) == CLASS_ARRAY {
            let l = self.array_length(o).as_number();
            if i as f64 >= l {
                self.set_array_length_raw(o, i as f64 + 1.0);
            }
        }
    }

    fn set_elem_raw(&mut self, o: Value, i: u32, v: Value) {
        self.define_own(o, PropKey::Index(i), v, shape::DEFAULT);
    }

    /// Sets an array's length without deleting anything (growing, or after deletion).
    pub fn set_array_length_raw(&mut self, o: Value, n: f64) {
        let el = self.obj(o).elem_len as f64;
        if n < el {
            self.obj_mut(o).elem_len = n as u32;
        }
        let el = self.obj(o).elem_len as f64;
        if n == el {
            self.obj_mut(o).aux[0] = Value::UNDEFINED;
        } else {
            self.obj_mut(o).aux[0] = Value::number(n);
            self.obj_mut(o).hdr.flags |= FLAG_FROZEN;
        }
    }

    /// `array.length = n` (n a valid uint32) for arrays on the generic path: deletes elements
    /// from the end; false when `length` is read-only or a non-configurable element stops it.
    pub fn array_set_length(&mut self, o: Value, n: u32) -> bool {
        let old = self.array_length(o).as_number();
        if self.obj(o).xflags & XFLAG_LENGTH_RO != 0 {
            return n as f64 == old;
        }
        if (n as f64) >= old {
            if n as f64 > old && n <= MAX_DENSE && self.obj(o).aux[0].is_undefined() {
                self.set_elem_len(o, n as usize);
            } else {
                self.set_array_length_raw(o, n as f64);
            }
            return true;
        }
        // Named index properties at or above n, highest first.
        let mut named: Vec<(u32, Atom)> = Vec::new();
        for k in self.own_keys(o, false) {
            if let PropKey::Atom(a) = k
                && let Some(i) = crate::js::string::parse_index(self.str_units(self.atom_value(a)))
                && i >= n
            {
                named.push((i, a));
            }
        }
        named.sort_by_key(|e| std::cmp::Reverse(e.0));
        let el = self.obj(o).elem_len;
        let sealed = self.obj(o).xflags & XFLAG_ELEMS_SEALED != 0;
        // The highest non-deletable index at or above n, if any.
        let mut stop: Option<u32> = None;
        for &(i, a) in &named {
            if i < el && !self.elems(o)[i as usize].is_empty() {
                continue;
            }
            match self.find_own(o, a) {
                Some((_, f)) if f & shape::CONFIGURABLE == 0 => {
                    stop = Some(i);
                    break;
                }
                _ => {}
            }
        }
        if sealed && el > n {
            let top = (n..el)
                .rev()
                .find(|&i| !self.elems(o)[i as usize].is_empty());
            if let Some(t) = top {
                stop = Some(stop.map_or(t, |s| s.max(t)));
            }
        }
        let new_len = stop.map_or(n, |s| s + 1);
        for &(i, a) in &named {
            if i >= new_len {
                self.delete_own_ordinary(o, PropKey::Atom(a));
            }
        }
        if el > new_len {
            self.obj_mut(o).elem_len = new_len;
        }
        self.set_array_length_raw(o, new_len as f64);
        stop.is_none()
    }

    /// ArraySetLength with a descriptor (`Object.defineProperty(array, "length", d)`).
    fn array_define_length(&mut self, o: Value, d: PropDesc) -> JsResult<bool> {
        let ro = self.obj(o).xflags & XFLAG_LENGTH_RO != 0;
        let mut new_len = None;
        if let Some(v) = d.value {
            let n = self.to_uint32(v)?;
            let num = self.to_number(v)?;
            if n as f64 != num {
                return Err(self.throw_range_error("Invalid array length"));
            }
            new_len = Some(n);
        }
        let old = self.array_length(o).as_number();
        if d.configurable == Some(true) || d.enumerable == Some(true) || d.is_accessor() {
            return Ok(false);
        }
        if ro {
            if d.writable == Some(true) {
                return Ok(false);
            }
            return Ok(new_len.is_none_or(|n| n as f64 == old));
        }
        let mut ok = true;
        if let Some(n) = new_len {
            self.obj_mut(o).hdr.flags |= FLAG_FROZEN;
            ok = self.array_set_length(o, n);
        }
        if d.writable == Some(false) {
            self.obj_mut(o).xflags |= XFLAG_LENGTH_RO;
            self.obj_mut(o).hdr.flags |= FLAG_FROZEN;
        }
        Ok(ok)
    }

    /// [[Set]] of element `i` on an object with elements, on the generic path.
    pub fn set_element_generic(&mut self, o: Value, i: u32, v: Value) -> JsResult<()> {
        let key = PropKey::Index(i);
        if let Some((cur, f)) = self.get_own_raw(o, key) {
            if f & shape::ACCESSOR != 0 {
                let (_, s) = self.accessor_parts(cur);
                if s.is_undefined() {
                    self.set_failed = Some(SetFail::GetterOnly);
                    return Ok(());
                }
                self.call_function(s, o, &[v])?;
                return Ok(());
            }
            if f & shape::WRITABLE == 0 {
                self.set_failed = Some(SetFail::ReadOnly);
                return Ok(());
            }
            if i < self.obj(o).elem_len && !self.elems(o)[i as usize].is_empty() {
                self.elems_mut(o)[i as usize] = v;
            } else {
                let a = self.index_atom(i);
                if let Some((loc, _)) = self.find_own(o, a) {
                    self.write_loc(o, loc, v);
                }
            }
            return Ok(());
        }
        if let Some(p) = self.proxy_on_chain(o, key) {
            // The proxy's [[Set]] continues the store with `o` as the receiver.
            let ok = self.proxy_set(p, key, v, o)?;
            self.set_failed = (!ok).then_some(SetFail::Proxy);
            return Ok(());
        }
        let p = self.obj(o).proto;
        if p.is_object()
            && let Some((_, pv, f)) = self.lookup(p, key)
        {
            if f & shape::ACCESSOR != 0 {
                let (_, s) = self.accessor_parts(pv);
                if s.is_undefined() {
                    self.set_failed = Some(SetFail::GetterOnly);
                    return Ok(());
                }
                self.call_function(s, o, &[v])?;
                return Ok(());
            }
            if f & shape::WRITABLE == 0 {
                self.set_failed = Some(SetFail::ReadOnly);
                return Ok(());
            }
        }
        if !self.is_extensible_obj(o) {
            self.set_failed = Some(SetFail::NotExtensible);
            return Ok(());
        }
        if self.class_of(o) == CLASS_ARRAY
            && i as f64 >= self.array_length(o).as_number()
            && self.obj(o).xflags & XFLAG_LENGTH_RO != 0
        {
            self.set_failed = Some(SetFail::ReadOnly);
            return Ok(());
        }
        self.store_own(o, key, v, shape::DEFAULT);
        Ok(())
    }

    /// OrdinarySetPrototypeOf (10.1.2.1): false for a non-extensible object or a cycle.
    pub fn set_prototype_of(&mut self, o: Value, p: Value) -> bool {
        if self.obj(o).proto == p {
            return true;
        }
        if !self.is_extensible_obj(o) || o == self.realm[crate::js::vm::realm::OBJECT_PROTO] {
            return false;
        }
        let mut q = p;
        while q.is_object() {
            if q == o {
                return false;
            }
            if self.class_of(q) == CLASS_PROXY {
                // Its [[GetPrototypeOf]] is not ordinary: the loop stops (10.1.2.1 step 8.c.i).
                break;
            }
            q = self.obj(q).proto;
        }
        self.set_proto_raw(o, p);
        true
    }

    /// The TypeError after `set_prototype_of` refused (V8's messages).
    pub fn set_proto_error(&mut self, o: Value) -> crate::js::vm::Thrown {
        if o == self.realm[crate::js::vm::realm::OBJECT_PROTO] {
            return self.throw_type_error(
                "Immutable prototype object 'Object.prototype' cannot have their prototype set",
            );
        }
        if self.is_extensible_obj(o) {
            self.throw_type_error("Cyclic __proto__ value")
        } else {
            self.throw_type_error("#<Object> is not extensible")
        }
    }

    /// SetIntegrityLevel: seal (`frozen` false) or freeze.
    pub fn set_integrity(&mut self, o: Value, frozen: bool) {
        self.obj_mut(o).hdr.flags |= FLAG_NOT_EXTENSIBLE;
        for k in self.own_keys_all(o) {
            let a = self.key_atom(k);
            if let Some((_, f)) = self.find_own(o, a) {
                let mut nf = f & !shape::CONFIGURABLE;
                if frozen && f & shape::ACCESSOR == 0 {
                    nf &= !shape::WRITABLE;
                }
                if nf != f {
                    self.set_flags(o, a, nf);
                }
            }
        }
        if self.has_elements(o) {
            let x = if frozen {
                XFLAG_ELEMS_SEALED | XFLAG_ELEMS_FROZEN | XFLAG_LENGTH_RO
            } else {
                XFLAG_ELEMS_SEALED
            };
            self.obj_mut(o).xflags |= x;
        }
        if matches!(self.class_of(o), CLASS_CLOSURE | CLASS_NATIVE | CLASS_BOUND) {
            // Materialise the virtual properties with their new attributes.
            for a in [atoms::LENGTH, atoms::NAME, atoms::PROTOTYPE] {
                if self.find_own(o, a).is_none()
                    && let Some((v, f)) = self.get_own_raw(o, PropKey::Atom(a))
                {
                    let mut nf = f & !shape::CONFIGURABLE;
                    if frozen {
                        nf &= !shape::WRITABLE;
                    }
                    self.define_own(o, PropKey::Atom(a), v, nf);
                }
            }
        }
        if frozen {
            self.obj_mut(o).hdr.flags |= FLAG_FROZEN;
        } else {
            // Element stores must check the sealed attributes.
            if self.has_elements(o) {
                self.obj_mut(o).hdr.flags |= FLAG_FROZEN;
            }
        }
        self.touch_pub(o);
    }

    /// TestIntegrityLevel: is `o` sealed (`frozen` false) / frozen?
    pub fn test_integrity(&mut self, o: Value, frozen: bool) -> bool {
        if self.is_extensible_obj(o) {
            return false;
        }
        for k in self.own_keys_all(o) {
            if let Some((_, f)) = self.get_own_raw(o, k) {
                if f & shape::CONFIGURABLE != 0 {
                    return false;
                }
                if frozen && f & shape::ACCESSOR == 0 && f & shape::WRITABLE != 0 {
                    return false;
                }
            }
        }
        if matches!(
            self.class_of(o),
            CLASS_ARRAY | CLASS_ARGUMENTS | CLASS_STRING
        ) && let Some((_, f)) = self.get_own_raw(o, PropKey::Atom(atoms::LENGTH))
            && frozen
            && f & shape::WRITABLE != 0
        {
            return false;
        }
        if matches!(self.class_of(o), CLASS_CLOSURE | CLASS_NATIVE | CLASS_BOUND) {
            for a in [atoms::LENGTH, atoms::NAME, atoms::PROTOTYPE] {
                if let Some((_, f)) = self.get_own_raw(o, PropKey::Atom(a))
                    && (f & shape::CONFIGURABLE != 0 || (frozen && f & shape::WRITABLE != 0))
                {
                    return false;
                }
            }
        }
        true
    }
}

use crate::js::atoms::Atom;

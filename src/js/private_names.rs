//! Private names (`#x` of classes, ES2025 6.2.12 Private Names, 7.3.26–7.3.32
//! PrivateElementFind/Add/Get/Set).
//!
//! Each evaluation of a class body creates a fresh private name per `#x` it declares; the
//! compiler keeps it in a binding of the class scope named `#x` (which no identifier can
//! spell), so methods, field initializers and nested classes reach it by ordinary scoping.
//!
//! A private name is a `CLASS_SYMBOL` cell that never reaches user code: `aux[0]` is its
//! atom (whose string is the description, `"#x"`), `aux[1]` what a receiver without the
//! method must be, for the error (`"an instance of class C"`, `"class C"` for a static
//! one), `aux[2]` the method (a function) or the accessor pair (an accessor cell) of a
//! private method or accessor, `undefined` for a field. The atom
//! is made without entering the intern table, so no string or symbol can name it, and it is
//! listed in `Vm::private_atoms`, which every own-key listing skips: a private element is an
//! own property only these functions can see. Fields are stored writable, methods
//! read-only, accessors as accessor properties; none of them is affected by
//! `Object.freeze`/`preventExtensions` (private elements are not properties).

use crate::js::object::{CLASS_CLOSURE, PropKey};
use crate::js::shape;
use crate::js::value::Value;
use crate::js::vm::{JsResult, Vm};

impl Vm {
    /// A fresh private name described as `desc` (`"#x"`); `brand` is what a receiver of
    /// its method must be (see the module comment), for a method or accessor.
    pub fn new_private_name(&mut self, desc: Value, brand: Value) -> Value {
        let units = self.str_units(desc).to_vec();
        let a = self.unique_atom(&units);
        self.private_atoms.insert(a);
        self.symbol_cell(a, brand)
    }

    /// Records the function of private method `name` (`kind` 0), or one half of its
    /// accessor pair (`kind` 1 getter, 2 setter), made once per class evaluation.
    pub fn set_private_method(&mut self, name: Value, f: Value, kind: u8) {
        if kind == 0 {
            self.obj_mut(name).aux[2] = f;
            return;
        }
        let cur = self.obj(name).aux[2];
        let (mut g, mut s) = if cur.is_cell() {
            self.accessor_parts(cur)
        } else {
            (Value::UNDEFINED, Value::UNDEFINED)
        };
        if kind == 1 {
            g = f;
        } else {
            s = f;
        }
        let acc = self.new_accessor(g, s);
        self.obj_mut(name).aux[2] = acc;
    }

    fn private_desc(&self, name: Value) -> String {
        self.atom_name(self.symbol_atom(name))
    }

    /// The TypeError of an object without private element `name` (V8's messages).
    fn private_missing(&mut self, name: Value, verb: &str) -> crate::js::vm::Thrown {
        let n = self.obj(name);
        if !n.aux[2].is_undefined() && n.aux[1].is_string() {
            let brand = self.str_to_string(n.aux[1]);
            return self.throw_type_error(&format!("Receiver must be {brand}"));
        }
        let d = self.private_desc(name);
        self.throw_type_error(&format!(
            "{verb} {d} {}",
            if verb == "Cannot read private member" {
                "from an object whose class did not declare it"
            } else {
                "to an object whose class did not declare it"
            }
        ))
    }

    /// PrivateFieldAdd: `o.#x = v` as a field initializer defines it.
    pub fn private_field_add(&mut self, o: Value, name: Value, v: Value) -> JsResult<()> {
        self.private_add(o, name, v, shape::WRITABLE)
    }

    /// PrivateMethodOrAccessorAdd: installs private method or accessor `name` on `o`.
    pub fn private_method_add(&mut self, o: Value, name: Value) -> JsResult<()> {
        let m = self.obj(name).aux[2];
        let flags = if m.is_cell() { shape::ACCESSOR } else { 0 };
        self.private_add(o, name, m, flags)
    }

    fn private_add(&mut self, o: Value, name: Value, v: Value, flags: u8) -> JsResult<()> {
        let a = self.symbol_atom(name);
        if !o.is_object() {
            // Only reachable through a constructor returning a primitive, which the
            // constructor call itself replaces; kept as an error rather than a panic.
            let d = self.private_desc(name);
            return Err(
                self.throw_type_error(&format!("Cannot define private member {d} on a primitive"))
            );
        }
        if self.find_own(o, a).is_some() {
            let d = self.private_desc(name);
            return Err(
                self.throw_type_error(&format!("Cannot initialize {d} twice on the same object"))
            );
        }
        self.add_own(o, a, v, flags);
        Ok(())
    }

    /// PrivateElementFind: where `o` holds private element `name`, or the TypeError.
    fn private_find(
        &mut self,
        o: Value,
        name: Value,
        verb: &str,
    ) -> JsResult<(crate::js::object::Loc, u8)> {
        let a = self.symbol_atom(name);
        let found = if o.is_object() {
            self.find_own(o, a)
        } else {
            None
        };
        found.ok_or_else(|| self.private_missing(name, verb))
    }

    /// PrivateGet: `o.#x`.
    pub fn private_get(&mut self, o: Value, name: Value) -> JsResult<Value> {
        let (loc, flags) = self.private_find(o, name, "Cannot read private member")?;
        let v = self.read_loc(o, loc);
        if flags & shape::ACCESSOR == 0 {
            return Ok(v);
        }
        let (g, _) = self.accessor_parts(v);
        if g.is_undefined() {
            let d = self.private_desc(name);
            return Err(self.throw_type_error(&format!("'{d}' was defined without a getter")));
        }
        self.call_function(g, o, &[])
    }

    /// PrivateSet: `o.#x = v`.
    pub fn private_set(&mut self, o: Value, name: Value, v: Value) -> JsResult<()> {
        let (loc, flags) = self.private_find(o, name, "Cannot write private member")?;
        if flags & shape::ACCESSOR != 0 {
            let (_, s) = self.accessor_parts(self.read_loc(o, loc));
            if s.is_undefined() {
                let d = self.private_desc(name);
                return Err(self.throw_type_error(&format!("'{d}' was defined without a setter")));
            }
            self.call_function(s, o, &[v])?;
            return Ok(());
        }
        if flags & shape::WRITABLE == 0 {
            let d = self.private_desc(name);
            return Err(self.throw_type_error(&format!("Private method '{d}' is not writable")));
        }
        self.write_loc(o, loc, v);
        Ok(())
    }

    /// `#x in o` (ES2025 13.10.1, PrivateIdentifier `in` ShiftExpression).
    pub fn private_in(&mut self, name: Value, o: Value) -> JsResult<bool> {
        if !o.is_object() {
            let d = self.private_desc(name);
            let s = self.short_describe(o);
            return Err(self.throw_type_error(&format!(
                "Cannot use 'in' operator to search for '{d}' in {s}"
            )));
        }
        let a = self.symbol_atom(name);
        Ok(self.find_own(o, a).is_some())
    }
}

impl Vm {
    /// A public class field (ES2025 7.3.33 DefineField): CreateDataPropertyOrThrow of
    /// `o[k] = v`, a TypeError where `o` forbids it (a non-configurable property, a
    /// non-extensible object).
    pub fn define_class_field(&mut self, o: Value, k: Value, v: Value) -> JsResult<()> {
        let key = self.to_property_key(k)?;
        let d = crate::js::define::PropDesc {
            value: Some(v),
            writable: Some(true),
            get: None,
            set: None,
            enumerable: Some(true),
            configurable: Some(true),
        };
        if self.define_own_property(o, key, d)? {
            return Ok(());
        }
        if key == PropKey::Atom(crate::js::atoms::PROTOTYPE) && self.class_of(o) == CLASS_CLOSURE {
            return Err(
                self.throw_type_error("Classes may not have a static property named 'prototype'")
            );
        }
        Err(crate::js::builtins::object::define_error(self, o, key))
    }
}

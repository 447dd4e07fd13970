//! The object internal methods as the rest of the engine calls them (ECMA-262 2025 §6.1.7.2,
//! §10.1): one entry point per method that dispatches to the Proxy exotic object
//! (`js::proxy`) and otherwise runs the ordinary (or array / typed array / string exotic)
//! algorithm of `js::object` and `js::define`. These may run JavaScript (traps), so they
//! return `JsResult`; builtins and the interpreter call them wherever an object could be a
//! proxy. Walks along prototype chains stop at a proxy (whose [[GetPrototypeOf]] is not a
//! field read) and are bounded, so a cyclic chain through a `getPrototypeOf` trap cannot
//! hang the engine's own loops.

use crate::js::define::PropDesc;
use crate::js::object::*;
use crate::js::shape;
use crate::js::value::Value;
use crate::js::vm::{JsResult, Vm};

/// Longest prototype chain the engine's own walks follow (ordinary chains cannot be
/// cyclic; this only bounds pathological lengths).
const MAX_CHAIN: usize = 10_000;

impl Vm {
    /// [[GetPrototypeOf]].
    pub fn get_prototype_of_js(&mut self, o: Value) -> JsResult<Value> {
        if self.is_proxy(o) {
            return self.proxy_get_prototype_of(o);
        }
        Ok(self.obj(o).proto)
    }

    /// [[SetPrototypeOf]].
    pub fn set_prototype_of_js(&mut self, o: Value, p: Value) -> JsResult<bool> {
        if self.is_proxy(o) {
            return self.proxy_set_prototype_of(o, p);
        }
        Ok(self.set_prototype_of(o, p))
    }

    /// [[IsExtensible]].
    pub fn is_extensible_js(&mut self, o: Value) -> JsResult<bool> {
        if self.is_proxy(o) {
            return self.proxy_is_extensible(o);
        }
        Ok(self.is_extensible_obj(o))
    }

    /// [[PreventExtensions]]: false for a typed array that can change length (§10.4.5.2).
    pub fn prevent_extensions_js(&mut self, o: Value) -> JsResult<bool> {
        if self.is_proxy(o) {
            return self.proxy_prevent_extensions(o);
        }
        if self.ta_kind(o).is_some() && !self.ta_fixed_length(o) {
            return Ok(false);
        }
        self.obj_mut(o).hdr.flags |= FLAG_NOT_EXTENSIBLE;
        if self.has_elements(o) {
            // Element appends must take the generic path (which checks extensibility).
            self.obj_mut(o).hdr.flags |= FLAG_FROZEN;
        }
        self.touch_pub(o);
        Ok(true)
    }

    /// [[GetOwnProperty]] as a raw property (value or accessor cell, flags).
    pub fn get_own_property_js(&mut self, o: Value, key: PropKey) -> JsResult<Option<(Value, u8)>> {
        if self.is_proxy(o) {
            return self.proxy_get_own_property(o, key);
        }
        Ok(self.get_own_raw(o, key))
    }

    /// [[HasProperty]] along the prototype chain.
    pub fn has_property(&mut self, o: Value, key: PropKey) -> JsResult<bool> {
        let mut cur = o;
        for _ in 0..MAX_CHAIN {
            if !cur.is_object() {
                break;
            }
            if self.is_proxy(cur) {
                return self.proxy_has(cur, key);
            }
            if self.get_own_raw(cur, key).is_some() {
                return Ok(true);
            }
            if is_typed_class(self.class_of(cur)) && self.ta_numeric_key(key).is_some() {
                return Ok(false);
            }
            cur = self.obj(cur).proto;
        }
        Ok(false)
    }

    /// [[Get]] with an explicit receiver (getters see `recv` as `this`).
    pub fn get_with_receiver(&mut self, o: Value, key: PropKey, recv: Value) -> JsResult<Value> {
        let mut cur = o;
        for _ in 0..MAX_CHAIN {
            if !cur.is_object() {
                break;
            }
            if self.is_proxy(cur) {
                return self.proxy_get(cur, key, recv);
            }
            if let Some((v, f)) = self.get_own_raw(cur, key) {
                if f & shape::ACCESSOR == 0 {
                    return Ok(v);
                }
                let (g, _) = self.accessor_parts(v);
                if g.is_undefined() {
                    return Ok(Value::UNDEFINED);
                }
                return self.call_function(g, recv, &[]);
            }
            if is_typed_class(self.class_of(cur)) && self.ta_numeric_key(key).is_some() {
                // A typed array answers numeric keys itself (§10.4.5.4).
                break;
            }
            cur = self.obj(cur).proto;
        }
        Ok(Value::UNDEFINED)
    }

    /// The first proxy on `o`'s prototype chain (from its prototype on) reached before an
    /// object that has `key` as an own property.
    pub fn proxy_on_chain(&mut self, o: Value, key: PropKey) -> Option<Value> {
        let mut cur = self.obj(o).proto;
        for _ in 0..MAX_CHAIN {
            if !cur.is_object() {
                return None;
            }
            if self.is_proxy(cur) {
                return Some(cur);
            }
            if self.get_own_raw(cur, key).is_some() {
                return None;
            }
            cur = self.obj(cur).proto;
        }
        None
    }

    /// Whether a proxy is `o` or on its prototype chain (then shortcuts that read storage
    /// directly do not apply).
    pub fn chain_has_proxy(&self, o: Value) -> bool {
        let mut cur = o;
        for _ in 0..MAX_CHAIN {
            if !cur.is_object() {
                return false;
            }
            if self.is_proxy(cur) {
                return true;
            }
            cur = self.obj(cur).proto;
        }
        true
    }

    /// [[Set]] with an explicit receiver: true when the store happened (OrdinarySet,
    /// §10.1.9.2, with a proxy on the chain taking over).
    pub fn set_with_receiver(
        &mut self,
        o: Value,
        key: PropKey,
        v: Value,
        recv: Value,
    ) -> JsResult<bool> {
        if self.is_proxy(o) {
            return self.proxy_set(o, key, v, recv);
        }
        if recv == o {
            let saved = self.set_failed.take();
            let r = self.set(o, key, v);
            let ok = self.set_failed.is_none();
            self.set_failed = saved;
            r?;
            return Ok(ok);
        }
        let mut cur = o;
        let mut found = None;
        for _ in 0..MAX_CHAIN {
            if !cur.is_object() {
                break;
            }
            if self.is_proxy(cur) {
                return self.proxy_set(cur, key, v, recv);
            }
            if let Some(p) = self.get_own_raw(cur, key) {
                found = Some(p);
                break;
            }
            if is_typed_class(self.class_of(cur)) && self.ta_numeric_key(key).is_some() {
                if cur == recv
                    && let Some(r) = self.ta_set(cur, key, v)
                {
                    // The typed array's own [[Set]] with itself as receiver converts the value.
                    r?;
                }
                return Ok(true);
            }
            cur = self.obj(cur).proto;
        }
        if let Some((pv, f)) = found {
            if f & shape::ACCESSOR != 0 {
                let (_, s) = self.accessor_parts(pv);
                if s.is_undefined() {
                    return Ok(false);
                }
                self.call_function(s, recv, &[v])?;
                return Ok(true);
            }
            if f & shape::WRITABLE == 0 {
                return Ok(false);
            }
        }
        if !recv.is_object() {
            return Ok(false);
        }
        let base = self.roots.len();
        self.roots.extend_from_slice(&[recv, v]);
        let r = (|| {
            let d = match self.get_own_property_js(recv, key)? {
                Some((_, f)) if f & shape::ACCESSOR != 0 || f & shape::WRITABLE == 0 => {
                    return Ok(false);
                }
                Some(_) => PropDesc {
                    value: Some(v),
                    ..Default::default()
                },
                None => PropDesc::data(v, shape::DEFAULT),
            };
            self.define_own_property(recv, key, d)
        })();
        self.roots.truncate(base);
        r
    }

    /// [[Delete]]: false when the property is non-configurable (or a trap said so).
    pub fn delete_property(&mut self, o: Value, key: PropKey) -> JsResult<bool> {
        if self.is_proxy(o) {
            return self.proxy_delete(o, key);
        }
        Ok(self.delete_own_ordinary(o, key))
    }

    /// [[OwnPropertyKeys]]: every own key (strings in spec order, then symbols).
    pub fn own_property_keys_js(&mut self, o: Value) -> JsResult<Vec<PropKey>> {
        if self.is_proxy(o) {
            return self.proxy_own_keys(o);
        }
        Ok(self.own_property_keys(o))
    }

    /// The own enumerable string-keyed properties (EnumerableOwnProperties' key list,
    /// §7.3.23): for a proxy, its `ownKeys` trap and then `getOwnPropertyDescriptor` per key.
    pub fn enumerable_own_keys_js(&mut self, o: Value) -> JsResult<Vec<PropKey>> {
        if !self.is_proxy(o) {
            return Ok(self.own_keys(o, true));
        }
        let keys = self.proxy_own_keys(o)?;
        let mut out = Vec::new();
        for k in keys {
            if matches!(k, PropKey::Atom(a) if self.symbol_atoms.contains(&a)) {
                continue;
            }
            if let Some((_, f)) = self.proxy_get_own_property(o, k)?
                && f & shape::ENUMERABLE != 0
            {
                out.push(k);
            }
        }
        Ok(out)
    }

    /// SetIntegrityLevel (§7.3.15): false when [[PreventExtensions]] refused.
    pub fn set_integrity_js(&mut self, o: Value, frozen: bool) -> JsResult<bool> {
        if !self.is_proxy(o) {
            self.set_integrity(o, frozen);
            return Ok(true);
        }
        if !self.prevent_extensions_js(o)? {
            return Ok(false);
        }
        for k in self.own_property_keys_js(o)? {
            let mut d = PropDesc {
                configurable: Some(false),
                ..Default::default()
            };
            if frozen {
                match self.get_own_property_js(o, k)? {
                    None => continue,
                    Some((_, f)) if f & shape::ACCESSOR == 0 => d.writable = Some(false),
                    Some(_) => {}
                }
            }
            if !self.define_own_property(o, k, d)? {
                let name = self.key_to_value(k);
                let name = self.inspect(name);
                return Err(self.throw_type_error(&format!("Cannot redefine property: {name}")));
            }
        }
        Ok(true)
    }

    /// TestIntegrityLevel (§7.3.16).
    pub fn test_integrity_js(&mut self, o: Value, frozen: bool) -> JsResult<bool> {
        if !self.is_proxy(o) {
            return Ok(self.test_integrity(o, frozen));
        }
        if self.is_extensible_js(o)? {
            return Ok(false);
        }
        for k in self.own_property_keys_js(o)? {
            if let Some((_, f)) = self.get_own_property_js(o, k)? {
                if f & shape::CONFIGURABLE != 0 {
                    return Ok(false);
                }
                if frozen && f & shape::ACCESSOR == 0 && f & shape::WRITABLE != 0 {
                    return Ok(false);
                }
            }
        }
        Ok(true)
    }

    /// OrdinaryHasInstance's walk (§7.3.21 step 6): is `proto` on `v`'s prototype chain?
    /// Each step is a [[GetPrototypeOf]], so a proxy's trap runs once per step.
    pub fn proto_chain_contains(&mut self, v: Value, proto: Value) -> JsResult<bool> {
        let mut p = self.get_prototype_of_js(v)?;
        // Ordinary chains are finite and acyclic; only traps can make one endless, and
        // then each step runs JavaScript: the bound turns that into an exception.
        for _ in 0..MAX_CHAIN * 100 {
            if !p.is_object() {
                return Ok(false);
            }
            if p == proto {
                return Ok(true);
            }
            if self.is_proxy(p) {
                // A trap may make the chain cyclic; the native depth limit ends it.
                self.roots.push(p);
                let next = self.get_prototype_of_js(p);
                self.roots.pop();
                p = next?;
            } else {
                p = self.obj(p).proto;
            }
        }
        Err(self.throw_range_error("Maximum call stack size exceeded"))
    }

    /// IsArray (§7.2.2): sees through proxies; a TypeError for a revoked one.
    pub fn is_array_js(&mut self, v: Value) -> JsResult<bool> {
        // Targets are fixed at creation, so a chain of proxies is finite and acyclic.
        let mut v = v;
        while self.is_proxy(v) {
            v = self.proxy_target(v, "IsArray")?;
        }
        Ok(self.is_array(v))
    }
}

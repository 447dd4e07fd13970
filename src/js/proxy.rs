//! Proxy exotic objects (ECMA-262 2025 §10.5): creation, revocation, and the thirteen
//! internal methods, each calling its handler trap and checking the trap's result against
//! the target's invariants.
//!
//! A proxy is an object of class [`CLASS_PROXY`] kept in dictionary mode with no own
//! properties and a null `[[Prototype]]` field. Inline caches only record shapes of
//! non-dictionary objects and the JIT's fast paths test shapes or array classes, so every
//! cached path misses on a proxy and falls into the generic operations
//! (`js::internal_methods`), which dispatch here. Layout: `aux[0]` the target, `aux[1]` the
//! handler (both null once revoked); `xflags` says whether the target was callable /
//! a constructor at creation (§10.5.14 ProxyCreate).
//!
//! Traps run JavaScript, so every method here may re-enter the VM and throw; values held
//! across a trap call are pushed on `Vm::roots`, and nesting (a proxy whose target is a
//! proxy…) counts against the native depth limit, ending in a RangeError.

use crate::js::define::{PropDesc, same_value};
use crate::js::object::*;
use crate::js::shape;
use crate::js::value::Value;
use crate::js::vm::{JsResult, MAX_NATIVE_DEPTH, Vm};

/// `ObjCell::xflags` of a proxy whose target is callable (it has [[Call]]).
pub const XFLAG_PROXY_CALLABLE: u32 = 1;
/// `ObjCell::xflags` of a proxy whose target is a constructor (it has [[Construct]]).
pub const XFLAG_PROXY_CTOR: u32 = 2;

/// An own property as the engine stores it: the value (or an accessor cell) and its flags.
type RawProp = Option<(Value, u8)>;

fn is_configurable(p: RawProp) -> bool {
    p.is_some_and(|(_, f)| f & shape::CONFIGURABLE != 0)
}

impl Vm {
    pub fn is_proxy(&self, v: Value) -> bool {
        v.is_object() && self.class_of(v) == CLASS_PROXY
    }

    /// ProxyCreate (§10.5.14).
    pub fn proxy_create(&mut self, target: Value, handler: Value) -> JsResult<Value> {
        if !self.is_spec_object(target) || !self.is_spec_object(handler) {
            return Err(
                self.throw_type_error("Cannot create proxy with a non-object as target or handler")
            );
        }
        let mut x = 0;
        if self.is_callable(target) {
            x |= XFLAG_PROXY_CALLABLE;
            if self.is_constructor(target) {
                x |= XFLAG_PROXY_CTOR;
            }
        }
        let p = self.new_object_with(CLASS_PROXY, Value::NULL);
        self.to_dict(p);
        let o = self.obj_mut(p);
        o.xflags = x;
        o.aux[0] = target;
        o.aux[1] = handler;
        Ok(p)
    }

    /// Revokes a proxy (the revoke function of `Proxy.revocable`, §28.2.2.1.1).
    pub fn proxy_revoke(&mut self, p: Value) {
        let o = self.obj_mut(p);
        o.aux[0] = Value::NULL;
        o.aux[1] = Value::NULL;
    }

    /// The target of a live proxy: a TypeError naming `op` once revoked
    /// (ValidateNonRevokedProxy, §10.5.15).
    pub fn proxy_target(&mut self, p: Value, op: &str) -> JsResult<Value> {
        let t = self.obj(p).aux[0];
        if t.is_null() {
            return Err(self.throw_type_error(&format!(
                "Cannot perform '{op}' on a proxy that has been revoked"
            )));
        }
        Ok(t)
    }

    /// Runs one proxy internal method: checks revocation, roots proxy, target and handler,
    /// counts the nesting, and gives `f` the target, handler and trap (GetMethod(handler,
    /// `op`); `None` when absent).
    fn proxy_op<T>(
        &mut self,
        p: Value,
        op: &str,
        extra: &[Value],
        f: impl FnOnce(&mut Vm, Value, Value, Option<Value>) -> JsResult<T>,
    ) -> JsResult<T> {
        let target = self.proxy_target(p, op)?;
        let handler = self.obj(p).aux[1];
        if self.native_depth >= MAX_NATIVE_DEPTH {
            return Err(self.throw_range_error("Maximum call stack size exceeded"));
        }
        let base = self.roots.len();
        self.roots.extend_from_slice(&[p, target, handler]);
        // The operation's other values (receiver, value, `this`…) outlive trap lookups.
        self.roots.extend_from_slice(extra);
        self.native_depth += 1;
        let r = (|| {
            let trap = self.proxy_trap(handler, op)?;
            if let Some(t) = trap {
                self.roots.push(t);
            }
            f(self, target, handler, trap)
        })();
        self.native_depth -= 1;
        self.roots.truncate(base);
        r
    }

    /// GetMethod(handler, name) (§7.3.11).
    fn proxy_trap(&mut self, handler: Value, name: &str) -> JsResult<Option<Value>> {
        let a = self.intern(name);
        let f = self.get_named(handler, a)?;
        if f.is_nullish() {
            return Ok(None);
        }
        if !self.is_callable(f) {
            let s = self.inspect(f);
            return Err(self.throw_type_error(&format!(
                "'{s}' returned for property '{name}' of object '#<Object>' is not a function"
            )));
        }
        Ok(Some(f))
    }

    /// A property key's name for messages.
    fn proxy_key_name(&mut self, key: PropKey) -> String {
        let v = self.key_to_value(key);
        if v.is_string() {
            self.str_to_string(v)
        } else {
            self.inspect(v)
        }
    }

    fn proxy_error<T>(&mut self, op: &str, msg: &str) -> JsResult<T> {
        Err(self.throw_type_error(&format!("'{op}' on proxy: {msg}")))
    }

    /// [`Vm::proxy_error`] with `{k}` in `msg` replaced by the key's name.
    fn proxy_key_error<T>(&mut self, op: &str, key: PropKey, msg: &str) -> JsResult<T> {
        let k = self.proxy_key_name(key);
        self.proxy_error(op, &msg.replace("{k}", &k))
    }

    /// A raw own property kept alive on `roots` (its value may be the only reference).
    fn root_raw(&mut self, p: RawProp) -> RawProp {
        if let Some((v, _)) = p {
            self.roots.push(v);
        }
        p
    }

    // ---- §10.5.1–10.5.4: prototype and extensibility ----

    /// [[GetPrototypeOf]] (§10.5.1).
    pub fn proxy_get_prototype_of(&mut self, p: Value) -> JsResult<Value> {
        self.proxy_op(p, "getPrototypeOf", &[], |vm, target, handler, trap| {
            let Some(trap) = trap else {
                return vm.get_prototype_of_js(target);
            };
            let proto = vm.call_function(trap, handler, &[target])?;
            if !vm.is_spec_object(proto) && !proto.is_null() {
                return vm.proxy_error(
                    "getPrototypeOf",
                    "trap returned neither object nor null",
                );
            }
            vm.roots.push(proto);
            if vm.is_extensible_js(target)? {
                return Ok(proto);
            }
            if vm.get_prototype_of_js(target)? != proto {
                return vm.proxy_error(
                    "getPrototypeOf",
                    "proxy target is non-extensible but the trap did not return its actual prototype",
                );
            }
            Ok(proto)
        })
    }

    /// [[SetPrototypeOf]] (§10.5.2).
    pub fn proxy_set_prototype_of(&mut self, p: Value, v: Value) -> JsResult<bool> {
        self.proxy_op(p, "setPrototypeOf", &[v], |vm, target, handler, trap| {
            let Some(trap) = trap else {
                return vm.set_prototype_of_js(target, v);
            };
            let r = vm.call_function(trap, handler, &[target, v])?;
            if !vm.truthy(r) {
                return Ok(false);
            }
            if vm.is_extensible_js(target)? {
                return Ok(true);
            }
            if vm.get_prototype_of_js(target)? != v {
                return vm.proxy_error(
                    "setPrototypeOf",
                    "trap returned truish for setting a new prototype on the non-extensible proxy target",
                );
            }
            Ok(true)
        })
    }

    /// [[IsExtensible]] (§10.5.3).
    pub fn proxy_is_extensible(&mut self, p: Value) -> JsResult<bool> {
        self.proxy_op(p, "isExtensible", &[], |vm, target, handler, trap| {
            let Some(trap) = trap else {
                return vm.is_extensible_js(target);
            };
            let r = vm.call_function(trap, handler, &[target])?;
            let r = vm.truthy(r);
            let t = vm.is_extensible_js(target)?;
            if r != t {
                return vm.proxy_error(
                    "isExtensible",
                    &format!(
                        "trap result does not reflect extensibility of proxy target (which is '{t}')"
                    ),
                );
            }
            Ok(r)
        })
    }

    /// [[PreventExtensions]] (§10.5.4).
    pub fn proxy_prevent_extensions(&mut self, p: Value) -> JsResult<bool> {
        self.proxy_op(p, "preventExtensions", &[], |vm, target, handler, trap| {
            let Some(trap) = trap else {
                return vm.prevent_extensions_js(target);
            };
            let r = vm.call_function(trap, handler, &[target])?;
            let r = vm.truthy(r);
            if r && vm.is_extensible_js(target)? {
                return vm.proxy_error(
                    "preventExtensions",
                    "trap returned truish but the proxy target is extensible",
                );
            }
            Ok(r)
        })
    }

    // ---- §10.5.5–10.5.6: own property descriptors ----

    /// [[GetOwnProperty]] (§10.5.5), as a raw property (accessors as accessor cells).
    pub fn proxy_get_own_property(&mut self, p: Value, key: PropKey) -> JsResult<RawProp> {
        self.proxy_op(p, "getOwnPropertyDescriptor", &[], |vm, target, handler, trap| {
            let Some(trap) = trap else {
                return vm.get_own_property_js(target, key);
            };
            let kv = vm.key_to_value(key);
            let res = vm.call_function(trap, handler, &[target, kv])?;
            if !vm.is_spec_object(res) && !res.is_undefined() {
                return vm.proxy_key_error("getOwnPropertyDescriptor", key, "trap returned neither object nor undefined for property '{k}'");
            }
            vm.roots.push(res);
            let target_desc = vm.get_own_property_js(target, key)?;
            let target_desc = vm.root_raw(target_desc);
            if res.is_undefined() {
                let Some(_) = target_desc else {
                    return Ok(None);
                };
                if !is_configurable(target_desc) {
                    return vm.proxy_key_error("getOwnPropertyDescriptor", key, "trap returned undefined for property '{k}' which is non-configurable in the proxy target");
                }
                if !vm.is_extensible_js(target)? {
                    return vm.proxy_key_error("getOwnPropertyDescriptor", key, "trap returned undefined for property '{k}' which exists in the non-extensible proxy target");
                }
                return Ok(None);
            }
            let extensible = vm.is_extensible_js(target)?;
            let d = vm.to_property_descriptor(res)?;
            let raw = vm.complete_descriptor(&d);
            vm.root_raw(Some(raw));
            if !vm.compatible_descriptor(extensible, &d, target_desc) {
                return vm.proxy_key_error("getOwnPropertyDescriptor", key, "trap returned descriptor for property '{k}' that is incompatible with the existing property in the proxy target");
            }
            if d.configurable != Some(true) {
                if target_desc.is_none() || is_configurable(target_desc) {
                    return vm.proxy_key_error("getOwnPropertyDescriptor", key, "trap reported non-configurability for property '{k}' which is either non-existent or configurable in the proxy target");
                }
                if d.writable == Some(false)
                    && target_desc.is_some_and(|(_, f)| f & shape::WRITABLE != 0)
                {
                    return vm.proxy_key_error("getOwnPropertyDescriptor", key, "trap reported non-configurable and writable for property '{k}' which is non-configurable, non-writable in the proxy target");
                }
            }
            Ok(Some(raw))
        })
    }

    /// CompletePropertyDescriptor (§6.2.6.6) into a raw property.
    fn complete_descriptor(&mut self, d: &PropDesc) -> (Value, u8) {
        let mut f = 0;
        if d.enumerable == Some(true) {
            f |= shape::ENUMERABLE;
        }
        if d.configurable == Some(true) {
            f |= shape::CONFIGURABLE;
        }
        if d.is_accessor() {
            let g = d.get.unwrap_or(Value::UNDEFINED);
            let s = d.set.unwrap_or(Value::UNDEFINED);
            (self.new_accessor(g, s), f | shape::ACCESSOR)
        } else {
            if d.writable == Some(true) {
                f |= shape::WRITABLE;
            }
            (d.value.unwrap_or(Value::UNDEFINED), f)
        }
    }

    /// IsCompatiblePropertyDescriptor (§10.1.6.2).
    fn compatible_descriptor(&self, extensible: bool, d: &PropDesc, cur: RawProp) -> bool {
        if cur.is_none() {
            return extensible;
        }
        self.validate_only(cur, d)
    }

    /// FromPropertyDescriptor (§6.2.6.4) of a possibly partial descriptor.
    fn partial_descriptor_object(&mut self, d: &PropDesc) -> Value {
        let o = self.new_object();
        let fields = [
            ("value", d.value),
            ("writable", d.writable.map(Value::bool)),
            ("get", d.get),
            ("set", d.set),
            ("enumerable", d.enumerable.map(Value::bool)),
            ("configurable", d.configurable.map(Value::bool)),
        ];
        for (name, v) in fields {
            if let Some(v) = v {
                self.put(o, name, v, shape::DEFAULT);
            }
        }
        o
    }

    /// [[DefineOwnProperty]] (§10.5.6).
    pub fn proxy_define_own_property(
        &mut self,
        p: Value,
        key: PropKey,
        d: PropDesc,
    ) -> JsResult<bool> {
        let parts = [d.value, d.get, d.set].map(|v| v.unwrap_or(Value::UNDEFINED));
        self.proxy_op(p, "defineProperty", &parts, |vm, target, handler, trap| {
            let Some(trap) = trap else {
                return vm.define_own_property(target, key, d);
            };
            let desc_obj = vm.partial_descriptor_object(&d);
            vm.roots.push(desc_obj);
            let kv = vm.key_to_value(key);
            let r = vm.call_function(trap, handler, &[target, kv, desc_obj])?;
            if !vm.truthy(r) {
                return Ok(false);
            }
            let target_desc = vm.get_own_property_js(target, key)?;
            let target_desc = vm.root_raw(target_desc);
            let extensible = vm.is_extensible_js(target)?;
            let setting_non_config = d.configurable == Some(false);
            let fail = |vm: &mut Vm, msg: &str| vm.proxy_key_error("defineProperty", key, msg);
            match target_desc {
                None => {
                    if !extensible {
                        return fail(
                            vm,
                            "trap returned truish for adding property '{k}'  to the non-extensible proxy target",
                        );
                    }
                    if setting_non_config {
                        return fail(
                            vm,
                            "trap returned truish for defining non-configurable property '{k}' which is either non-existent or configurable in the proxy target",
                        );
                    }
                }
                Some((_, tf)) => {
                    if !vm.compatible_descriptor(extensible, &d, target_desc) {
                        return fail(
                            vm,
                            "trap returned truish for adding property '{k}'  that is incompatible with the existing property in the proxy target",
                        );
                    }
                    if setting_non_config && tf & shape::CONFIGURABLE != 0 {
                        return fail(
                            vm,
                            "trap returned truish for defining non-configurable property '{k}' which is either non-existent or configurable in the proxy target",
                        );
                    }
                    if tf & (shape::ACCESSOR | shape::CONFIGURABLE | shape::WRITABLE)
                        == shape::WRITABLE
                        && d.writable == Some(false)
                    {
                        return fail(
                            vm,
                            "trap returned truish for defining non-configurable property '{k}' which cannot be non-writable, unless there exists a corresponding non-configurable, non-writable own property of the target object.",
                        );
                    }
                }
            }
            Ok(true)
        })
    }

    // ---- §10.5.7–10.5.10: has, get, set, delete ----

    /// [[HasProperty]] (§10.5.7).
    pub fn proxy_has(&mut self, p: Value, key: PropKey) -> JsResult<bool> {
        self.proxy_op(p, "has", &[], |vm, target, handler, trap| {
            let Some(trap) = trap else {
                return vm.has_property(target, key);
            };
            let kv = vm.key_to_value(key);
            let r = vm.call_function(trap, handler, &[target, kv])?;
            if vm.truthy(r) {
                return Ok(true);
            }
            let target_desc = vm.get_own_property_js(target, key)?;
            if target_desc.is_some() {
                if !is_configurable(target_desc) {
                    return vm.proxy_key_error("has", key, "trap returned falsish for property '{k}' which exists in the proxy target as non-configurable");
                }
                if !vm.is_extensible_js(target)? {
                    return vm.proxy_key_error("has", key, "trap returned falsish for property '{k}' but the proxy target is not extensible");
                }
            }
            Ok(false)
        })
    }

    /// [[Get]] (§10.5.8).
    pub fn proxy_get(&mut self, p: Value, key: PropKey, receiver: Value) -> JsResult<Value> {
        self.proxy_op(p, "get", &[receiver], |vm, target, handler, trap| {
            let Some(trap) = trap else {
                return vm.get_with_receiver(target, key, receiver);
            };
            let kv = vm.key_to_value(key);
            let r = vm.call_function(trap, handler, &[target, kv, receiver])?;
            vm.roots.push(r);
            let target_desc = vm.get_own_property_js(target, key)?;
            if let Some((tv, tf)) = target_desc
                && tf & shape::CONFIGURABLE == 0
            {
                if tf & (shape::ACCESSOR | shape::WRITABLE) == 0 && !same_value(vm, r, tv) {
                    let k = vm.proxy_key_name(key);
                    let (e, g) = (vm.inspect(tv), vm.inspect(r));
                    return vm.proxy_error(
                        "get",
                        &format!(
                            "property '{k}' is a read-only and non-configurable data property on the proxy target but the proxy did not return its actual value (expected '{e}' but got '{g}')"
                        ),
                    );
                }
                if tf & shape::ACCESSOR != 0
                    && vm.accessor_parts(tv).0.is_undefined()
                    && !r.is_undefined()
                {
                    let k = vm.proxy_key_name(key);
                    let g = vm.inspect(r);
                    return vm.proxy_error(
                        "get",
                        &format!(
                            "property '{k}' is a non-configurable accessor property on the proxy target and does not have a getter function, but the trap did not return 'undefined' (got '{g}')"
                        ),
                    );
                }
            }
            Ok(r)
        })
    }

    /// [[Set]] (§10.5.9).
    pub fn proxy_set(
        &mut self,
        p: Value,
        key: PropKey,
        v: Value,
        receiver: Value,
    ) -> JsResult<bool> {
        self.proxy_op(p, "set", &[v, receiver], |vm, target, handler, trap| {
            let Some(trap) = trap else {
                return vm.set_with_receiver(target, key, v, receiver);
            };
            let kv = vm.key_to_value(key);
            let r = vm.call_function(trap, handler, &[target, kv, v, receiver])?;
            if !vm.truthy(r) {
                return Ok(false);
            }
            let target_desc = vm.get_own_property_js(target, key)?;
            if let Some((tv, tf)) = target_desc
                && tf & shape::CONFIGURABLE == 0
            {
                if tf & (shape::ACCESSOR | shape::WRITABLE) == 0 && !same_value(vm, v, tv) {
                    return vm.proxy_key_error("set", key, "trap returned truish for property '{k}' which exists in the proxy target as a non-configurable and non-writable data property with a different value");
                }
                if tf & shape::ACCESSOR != 0 && vm.accessor_parts(tv).1.is_undefined() {
                    return vm.proxy_key_error("set", key, "trap returned truish for property '{k}' which exists in the proxy target as a non-configurable and non-writable accessor property without a setter");
                }
            }
            Ok(true)
        })
    }

    /// [[Delete]] (§10.5.10).
    pub fn proxy_delete(&mut self, p: Value, key: PropKey) -> JsResult<bool> {
        self.proxy_op(p, "deleteProperty", &[], |vm, target, handler, trap| {
            let Some(trap) = trap else {
                return vm.delete_property(target, key);
            };
            let kv = vm.key_to_value(key);
            let r = vm.call_function(trap, handler, &[target, kv])?;
            if !vm.truthy(r) {
                return Ok(false);
            }
            let target_desc = vm.get_own_property_js(target, key)?;
            if target_desc.is_none() {
                return Ok(true);
            }
            if !is_configurable(target_desc) {
                return vm.proxy_key_error("deleteProperty", key, "trap returned truish for property '{k}' which is non-configurable in the proxy target");
            }
            if !vm.is_extensible_js(target)? {
                return vm.proxy_key_error("deleteProperty", key, "trap returned truish for property '{k}' but the proxy target is non-extensible");
            }
            Ok(true)
        })
    }

    // ---- §10.5.11: own keys ----

    /// [[OwnPropertyKeys]] (§10.5.11).
    pub fn proxy_own_keys(&mut self, p: Value) -> JsResult<Vec<PropKey>> {
        self.proxy_op(p, "ownKeys", &[], |vm, target, handler, trap| {
            let Some(trap) = trap else {
                return vm.own_property_keys_js(target);
            };
            let arr = vm.call_function(trap, handler, &[target])?;
            vm.roots.push(arr);
            // CreateListFromArrayLike(trapResultArray, property-key).
            if !vm.is_spec_object(arr) {
                return Err(vm.throw_type_error("CreateListFromArrayLike called on non-object"));
            }
            let len = vm.get_named(arr, crate::js::atoms::LENGTH)?;
            let n = vm.to_integer(len)?.max(0.0);
            if n > (1u32 << 24) as f64 {
                return Err(vm.throw_range_error("Too many properties in ownKeys trap result"));
            }
            let mut keys: Vec<PropKey> = Vec::new();
            for i in 0..n as u32 {
                let e = vm.get(arr, PropKey::Index(i))?;
                let is_symbol = e.is_object() && vm.class_of(e) == CLASS_SYMBOL;
                if !e.is_string() && !is_symbol {
                    let s = vm.inspect(e);
                    return Err(vm.throw_type_error(&format!("{s} is not a valid property name")));
                }
                let k = vm.to_property_key(e)?;
                let k = vm.canonical_key(k);
                if keys.contains(&k) {
                    return vm.proxy_error("ownKeys", "trap returned duplicate entries");
                }
                keys.push(k);
            }
            let extensible = vm.is_extensible_js(target)?;
            let target_keys = vm.own_property_keys_js(target)?;
            let mut configurable = Vec::new();
            let mut fixed = Vec::new();
            for k in target_keys {
                let d = vm.get_own_property_js(target, k)?;
                let k = vm.canonical_key(k);
                if d.is_some() && !is_configurable(d) {
                    fixed.push(k);
                } else {
                    configurable.push(k);
                }
            }
            if extensible && fixed.is_empty() {
                return Ok(keys);
            }
            let mut unchecked: Vec<Option<PropKey>> = keys.iter().copied().map(Some).collect();
            for k in fixed
                .into_iter()
                .chain(if extensible { Vec::new() } else { configurable })
            {
                match unchecked.iter_mut().find(|u| **u == Some(k)) {
                    Some(u) => *u = None,
                    None => {
                        let name = vm.proxy_key_name(k);
                        return vm.proxy_error(
                            "ownKeys",
                            &format!("trap result did not include '{name}'"),
                        );
                    }
                }
            }
            if !extensible && unchecked.iter().any(Option::is_some) {
                return vm.proxy_error(
                    "ownKeys",
                    "trap returned extra keys but proxy target is non-extensible",
                );
            }
            Ok(keys)
        })
    }

    /// One spelling per key: a named property whose name is an array index becomes the
    /// index key (so keys from different sources compare equal).
    pub fn canonical_key(&self, k: PropKey) -> PropKey {
        if let PropKey::Atom(a) = k
            && let Some(i) = crate::js::string::parse_index(self.str_units(self.atom_value(a)))
        {
            return PropKey::Index(i);
        }
        k
    }

    // ---- §10.5.12–10.5.13: call and construct ----

    /// [[Call]] (§10.5.12).
    pub fn proxy_call(&mut self, p: Value, this: Value, args: &[Value]) -> JsResult<Value> {
        self.proxy_op(p, "apply", &[this], |vm, target, handler, trap| {
            let Some(trap) = trap else {
                return vm.call_function(target, this, args);
            };
            let arr = vm.new_array_from(args);
            vm.call_function(trap, handler, &[target, this, arr])
        })
    }

    /// [[Construct]] (§10.5.13).
    pub fn proxy_construct(
        &mut self,
        p: Value,
        args: &[Value],
        new_target: Value,
    ) -> JsResult<Value> {
        self.proxy_op(
            p,
            "construct",
            &[new_target],
            |vm, target, handler, trap| {
                let Some(trap) = trap else {
                    return vm.construct(target, args, new_target);
                };
                let arr = vm.new_array_from(args);
                let r = vm.call_function(trap, handler, &[target, arr, new_target])?;
                if !vm.is_spec_object(r) {
                    let s = vm.inspect(r);
                    return vm
                        .proxy_error("construct", &format!("trap returned non-object ('{s}')"));
                }
                Ok(r)
            },
        )
    }
}

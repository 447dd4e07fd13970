//! Internal iterators for `for…of`, spread and destructuring (arrays, strings, Map, Set,
//! objects with a `next` method) and key iterators for `for…in`.

use crate::js::atoms;
use crate::js::interp::generator::{GEN_AWAIT, GEN_RAW, GEN_YIELD, MODE_NEXT};
use crate::js::object::*;
use crate::js::value::Value;
use crate::js::vm::{JsResult, Vm, realm};

pub const IT_ARRAY: u32 = 0;
pub const IT_STRING: u32 = 1;
pub const IT_MAP_ENTRIES: u32 = 2;
pub const IT_SET_VALUES: u32 = 3;
pub const IT_KEYS: u32 = 4;
pub const IT_MAP_KEYS: u32 = 5;
pub const IT_MAP_VALUES: u32 = 6;
pub const IT_ARRAY_KEYS: u32 = 7;
pub const IT_ARRAY_ENTRIES: u32 = 8;
pub const IT_PROTOCOL: u32 = 9;
pub const IT_DONE: u32 = 10;
/// Array iterators over a typed array: `IT_ARRAY*` + this (the JIT's array-iterator
/// template handles only `IT_ARRAY` over elements; these take the generic path).
pub const IT_TYPED_OFFSET: u32 = 11;
pub const IT_TYPED: u32 = IT_ARRAY + IT_TYPED_OFFSET;
pub const IT_TYPED_KEYS: u32 = IT_ARRAY_KEYS + IT_TYPED_OFFSET;
pub const IT_TYPED_ENTRIES: u32 = IT_ARRAY_ENTRIES + IT_TYPED_OFFSET;
/// Array iterators over any other object (array-likes, proxies): `IT_ARRAY*` + this; each
/// step reads `length` and the element with [[Get]] (§23.1.5.1), so traps run.
pub const IT_GENERIC_OFFSET: u32 = 22;
pub const IT_GENERIC: u32 = IT_ARRAY + IT_GENERIC_OFFSET;
pub const IT_GENERIC_KEYS: u32 = IT_ARRAY_KEYS + IT_GENERIC_OFFSET;
pub const IT_GENERIC_ENTRIES: u32 = IT_ARRAY_ENTRIES + IT_GENERIC_OFFSET;

/// Which built-in iterator an iterator object is (its `aux[2]`), fixed at creation: each
/// family's `next` works only on its own (ES2025 §23.1.5.2.1 and its Map, Set and String
/// counterparts check the internal slots).
pub const ITER_ARRAY: u32 = 0;
pub const ITER_STRING: u32 = 1;
pub const ITER_MAP: u32 = 2;
pub const ITER_SET: u32 = 3;
/// kiln's own iterators (for-in keys, wrapped protocol iterators): no `next` of a family.
pub const ITER_INTERNAL: u32 = 4;

fn iter_family(kind: u32, over_set: bool) -> u32 {
    match kind {
        IT_STRING => ITER_STRING,
        IT_SET_VALUES => ITER_SET,
        IT_MAP_ENTRIES | IT_MAP_KEYS | IT_MAP_VALUES if over_set => ITER_SET,
        IT_MAP_ENTRIES | IT_MAP_KEYS | IT_MAP_VALUES => ITER_MAP,
        IT_KEYS | IT_PROTOCOL => ITER_INTERNAL,
        _ => ITER_ARRAY,
    }
}

impl Vm {
    /// The family (`ITER_*`) of a `CLASS_ITER` object.
    pub fn iter_family_of(&self, it: Value) -> u32 {
        let f = self.obj(it).aux[2];
        if f.is_int() {
            f.as_int() as u32
        } else {
            ITER_INTERNAL
        }
    }

    /// An internal iterator over the iterator object `target`, whose `next` method is read
    /// once, here (GetIteratorFromMethod, ES2025 7.4.3: the iterator record keeps it), and
    /// kept in `aux[1]`.
    pub fn protocol_iterator(&mut self, target: Value) -> JsResult<Value> {
        self.roots.push(target);
        let next = self.get_named(target, atoms::NEXT);
        self.roots.pop();
        let next = next?;
        self.roots.extend_from_slice(&[target, next]);
        let it = self.new_iterator(IT_PROTOCOL, target);
        self.roots.truncate(self.roots.len() - 2);
        self.obj_mut(it).aux[1] = next;
        Ok(it)
    }

    pub fn new_iterator(&mut self, kind: u32, target: Value) -> Value {
        let family = iter_family(
            kind,
            target.is_object() && self.class_of(target) == CLASS_SET,
        );
        let p = self.realm[match family {
            ITER_STRING => realm::STRING_ITER_PROTO,
            ITER_MAP => realm::MAP_ITER_PROTO,
            ITER_SET => realm::SET_ITER_PROTO,
            _ => realm::BUILTIN_ITER_PROTO,
        }];
        let array_kind = matches!(kind, IT_ARRAY | IT_ARRAY_KEYS | IT_ARRAY_ENTRIES);
        let kind = if array_kind && target.is_object() && is_typed_class(self.class_of(target)) {
            kind + IT_TYPED_OFFSET
        } else if array_kind
            && !(target.is_object()
                && matches!(self.class_of(target), CLASS_ARRAY | CLASS_ARGUMENTS))
        {
            kind + IT_GENERIC_OFFSET
        } else {
            kind
        };
        let it = self.new_object_with(CLASS_ITER, p);
        let o = self.obj_mut(it);
        o.hdr.aux = kind;
        o.aux[0] = target;
        o.aux[2] = Value::int(family as i32);
        o.code = 0;
        if matches!(
            kind,
            IT_MAP_ENTRIES | IT_MAP_KEYS | IT_MAP_VALUES | IT_SET_VALUES
        ) {
            // SAFETY: map iterators are only created over Map/Set objects, which own MapData.
            unsafe { (*self.obj(target).map).iters += 1 };
        }
        it
    }

    /// GetIterator for the supported iterables.
    pub fn get_iterator(&mut self, v: Value) -> JsResult<Value> {
        if v.is_string() {
            return Ok(self.new_iterator(IT_STRING, v));
        }
        if v.is_object() {
            match self.class_of(v) {
                CLASS_ARGUMENTS => return Ok(self.new_iterator(IT_ARRAY, v)),
                CLASS_ARRAY if self.array_iteration_pristine(v)? => {
                    return Ok(self.new_iterator(IT_ARRAY, v));
                }
                CLASS_MAP => return Ok(self.new_iterator(IT_MAP_ENTRIES, v)),
                CLASS_SET => return Ok(self.new_iterator(IT_SET_VALUES, v)),
                CLASS_ITER => return Ok(v),
                c if is_typed_class(c) && self.typed_iteration_pristine(v)? => {
                    return Ok(self.new_iterator(IT_ARRAY, v));
                }
                CLASS_STRING => {
                    let s = self.obj(v).aux[0];
                    return Ok(self.new_iterator(IT_STRING, s));
                }
                _ => {}
            }
        }
        if !v.is_nullish() {
            // Objects, and primitives whose prototype a program gave an @@iterator.
            let sym = self.sym_iterator;
            let f = self.get_named(v, sym)?;
            if self.is_callable(f) {
                let it = self.call_function(f, v, &[])?;
                if !it.is_object() {
                    return Err(self.throw_type_error(
                        "Result of the Symbol.iterator method is not an object",
                    ));
                }
                if self.class_of(it) == CLASS_ITER {
                    return Ok(it);
                }
                return self.protocol_iterator(it);
            }
            if v.is_object() {
                let next = self.get_named(v, atoms::NEXT)?;
                if self.is_callable(next) {
                    return self.protocol_iterator(v);
                }
            }
        }
        let d = self.short_describe(v);
        Err(self.throw_type_error(&format!("{d} is not iterable")))
    }

    /// Next value of an internal iterator, or None when done.
    pub fn iterator_next(&mut self, it: Value) -> JsResult<Option<Value>> {
        let kind = self.obj(it).hdr.aux;
        let target = self.obj(it).aux[0];
        let i = self.obj(it).code;
        let step = |vm: &mut Vm| vm.obj_mut(it).code += 1;
        match kind {
            IT_GENERIC | IT_GENERIC_KEYS | IT_GENERIC_ENTRIES => {
                let len = self.get_named(target, atoms::LENGTH)?;
                let len = self.to_integer(len)?;
                if (i as f64) >= len {
                    self.obj_mut(it).hdr.aux = IT_DONE;
                    return Ok(None);
                }
                step(self);
                let key = Value::int(i as i32);
                if kind == IT_GENERIC_KEYS {
                    return Ok(Some(key));
                }
                let v = self.get(target, PropKey::Index(i as u32))?;
                Ok(Some(if kind == IT_GENERIC {
                    v
                } else {
                    self.new_array_from(&[key, v])
                }))
            }
            IT_ARRAY | IT_ARRAY_KEYS | IT_ARRAY_ENTRIES | IT_TYPED | IT_TYPED_KEYS
            | IT_TYPED_ENTRIES => {
                let typed = kind >= IT_TYPED_OFFSET;
                let kind = if typed { kind - IT_TYPED_OFFSET } else { kind };
                let len = if typed {
                    // %ArrayIteratorPrototype%.next over a typed array (§23.1.5.1): its
                    // current length, a TypeError once it is out of bounds.
                    match self.ta_length(target) {
                        Some(n) => n,
                        None => {
                            return Err(self.throw_type_error(
                                "Cannot perform %ArrayIteratorPrototype%.next on a detached ArrayBuffer",
                            ));
                        }
                    }
                } else {
                    self.obj(target).elem_len as usize
                };
                if i >= len {
                    self.obj_mut(it).hdr.aux = IT_DONE;
                    return Ok(None);
                }
                step(self);
                let v = if typed {
                    self.ta_get(target, i).unwrap_or(Value::UNDEFINED)
                } else {
                    self.elems(target)[i]
                };
                let v = if v.is_empty() { Value::UNDEFINED } else { v };
                Ok(Some(match kind {
                    IT_ARRAY => v,
                    IT_ARRAY_KEYS => Value::int(i as i32),
                    _ => self.new_array_from(&[Value::int(i as i32), v]),
                }))
            }
            IT_STRING => {
                let u = self.str_units(target);
                if i >= u.len() {
                    self.obj_mut(it).hdr.aux = IT_DONE;
                    return Ok(None);
                }
                let c = u[i];
                let n = if (0xD800..0xDC00).contains(&c)
                    && i + 1 < u.len()
                    && (0xDC00..0xE000).contains(&u[i + 1])
                {
                    2
                } else {
                    1
                };
                self.obj_mut(it).code += n;
                Ok(Some(self.substr_of(target, i, i + n)))
            }
            IT_MAP_ENTRIES | IT_MAP_KEYS | IT_MAP_VALUES | IT_SET_VALUES => {
                let md = self.obj(target).map;
                // SAFETY: Map/Set objects always own a MapData while alive.
                let entries = unsafe { &(*md).entries };
                let mut j = i;
                while j < entries.len() && entries[j].0.is_empty() {
                    j += 1;
                }
                if j >= entries.len() {
                    self.obj_mut(it).hdr.aux = IT_DONE;
                    // SAFETY: as above.
                    unsafe { (*md).iters = (*md).iters.saturating_sub(1) };
                    return Ok(None);
                }
                let (k, v) = entries[j];
                self.obj_mut(it).code = j + 1;
                Ok(Some(match kind {
                    IT_MAP_ENTRIES => self.new_array_from(&[k, v]),
                    IT_MAP_KEYS | IT_SET_VALUES => k,
                    _ => v,
                }))
            }
            IT_KEYS => {
                let keys = self.obj(it).aux[1];
                let len = self.obj(keys).elem_len as usize;
                let mut j = i;
                while j < len {
                    let k = self.elems(keys)[j];
                    j += 1;
                    // Skip keys deleted during iteration.
                    let pk = self.to_property_key(k)?;
                    // (Not for a proxy: its keys were just listed with their descriptors,
                    // and node runs no `has` trap here.)
                    if target.is_object()
                        && !self.is_proxy(target)
                        && !self.has_property(target, pk)?
                    {
                        continue;
                    }
                    self.obj_mut(it).code = j;
                    return Ok(Some(k));
                }
                self.obj_mut(it).code = j;
                Ok(None)
            }
            IT_PROTOCOL => {
                self.roots.push(it);
                let r = (|| {
                    let next = self.obj(it).aux[1];
                    let res = if next == self.realm[realm::GENERATOR_NEXT] {
                        // %GeneratorPrototype%.next: resume the generator here. A yielded
                        // value needs no iterator result object; anything else is what
                        // `next` would return (`resume_generator`), read as below.
                        let v = self.resume_frame(target, MODE_NEXT, Value::UNDEFINED)?;
                        match self.generator_state(target) {
                            GEN_YIELD => return Ok(Some(v)),
                            GEN_RAW | GEN_AWAIT => v,
                            _ => {
                                self.obj_mut(it).hdr.aux = IT_DONE;
                                return Ok(None);
                            }
                        }
                    } else {
                        self.call_function(next, target, &[])?
                    };
                    if !res.is_object() {
                        return Err(self.throw_type_error("Iterator result is not an object"));
                    }
                    self.roots.push(res);
                    let r = (|| {
                        let done = self.get_named(res, atoms::DONE)?;
                        if self.truthy(done) {
                            // Never called again (nor closed) once done.
                            self.obj_mut(it).hdr.aux = IT_DONE;
                            return Ok(None);
                        }
                        Ok(Some(self.get_named(res, atoms::VALUE)?))
                    })();
                    self.roots.pop();
                    r
                })();
                self.roots.pop();
                r
            }
            _ => Ok(None),
        }
    }

    /// IteratorClose (ES2025 7.4.11) of an internal iterator that is not done: calls the
    /// underlying iterator's `return` method, if any. `quiet` (closing because of a throw):
    /// errors from `return` and its result are ignored, the original exception wins.
    pub fn iterator_close(&mut self, it: Value, quiet: bool) -> JsResult<()> {
        if !it.is_object() {
            return Ok(());
        }
        if self.class_of(it) != CLASS_ITER {
            // An async iterator (`for await`) left by a throw: `return` is called, its
            // outcome ignored.
            if quiet {
                let name = self.intern("return");
                if let Ok(f) = self.get_named(it, name)
                    && !f.is_nullish()
                {
                    let _ = self.call_function(f, it, &[]);
                }
            }
            return Ok(());
        }
        // Built-in iterators have no `return` (and may be user-visible objects that go on
        // after a `break`, like `map.entries()`).
        if self.obj(it).hdr.aux != IT_PROTOCOL {
            return Ok(());
        }
        self.obj_mut(it).hdr.aux = IT_DONE;
        let target = self.obj(it).aux[0];
        let r = (|| {
            let name = self.intern("return");
            let f = self.get_named(target, name)?;
            if f.is_nullish() {
                return Ok(());
            }
            let res = self.call_function(f, target, &[])?;
            if !res.is_object() && !quiet {
                return Err(self.throw_type_error("Iterator result is not an object"));
            }
            Ok(())
        })();
        if quiet { Ok(()) } else { r }
    }

    /// Whether iterating the array `a` is walking its elements: its `Symbol.iterator` is
    /// still the original `Array.prototype.values` (looked up as the spec's GetIterator
    /// would, so a getter on the way runs once, as it would there).
    pub(crate) fn array_iteration_pristine(&mut self, a: Value) -> JsResult<bool> {
        let sym = self.sym_iterator;
        Ok(self.get_named(a, sym)? == self.realm[realm::ARRAY_VALUES])
    }

    /// Whether a typed array's `Symbol.iterator` is still %TypedArray%.prototype.values.
    fn typed_iteration_pristine(&mut self, a: Value) -> JsResult<bool> {
        let sym = self.sym_iterator;
        Ok(self.get_named(a, sym)? == self.realm[realm::TYPED_ARRAY_VALUES])
    }

    /// Collects every value of an iterable (spread).
    pub fn iterate_to_vec(&mut self, v: Value) -> JsResult<Vec<Value>> {
        if self.is_array(v) && self.array_iteration_pristine(v)? {
            return Ok(self
                .elems(v)
                .iter()
                .map(|x| if x.is_empty() { Value::UNDEFINED } else { *x })
                .collect());
        }
        let it = self.get_iterator(v)?;
        self.roots.push(it);
        let base = self.roots.len();
        let r = (|| {
            while let Some(x) = self.iterator_next(it)? {
                self.roots.push(x);
            }
            Ok(())
        })();
        let out = self.roots.split_off(base);
        self.roots.pop();
        r.map(|_| out)
    }

    /// The for-in key iterator: enumerable string keys of the object and its prototypes.
    pub fn for_in_iterator(&mut self, v: Value) -> JsResult<Value> {
        let keys = self.new_array(0);
        self.roots.push(keys);
        let mut seen: Vec<Value> = Vec::new();
        let mut cur = if v.is_string() {
            let p = self.realm[realm::STRING_PROTO];
            let n = self.str_len(v);
            for i in 0..n {
                let k = self.new_str(&i.to_string());
                self.array_push(keys, k);
            }
            p
        } else {
            v
        };
        let base = self.roots.len();
        let r = (|| {
            // Bounded: a proxy's getPrototypeOf trap can make the chain endless.
            for _ in 0..10_000 {
                if !cur.is_object() {
                    break;
                }
                self.roots.push(cur);
                let proxy = self.is_proxy(cur);
                let (ks, next) = if proxy {
                    // V8's order: ownKeys, getPrototypeOf, then a descriptor per key.
                    let mut ks = self.own_property_keys_js(cur)?;
                    ks.retain(|k| !matches!(k, PropKey::Atom(a) if self.symbol_atoms.contains(a)));
                    let next = self.get_prototype_of_js(cur)?;
                    self.roots.push(next);
                    (ks, next)
                } else {
                    (self.own_keys(cur, false), self.obj(cur).proto)
                };
                for k in ks {
                    let kv = self.key_value(k);
                    if seen.iter().any(|s| self.str_eq(*s, kv)) {
                        continue;
                    }
                    let own = if proxy {
                        self.get_own_property_js(cur, k)?
                    } else {
                        self.get_own_raw(cur, k)
                    };
                    let enumerable =
                        matches!(own, Some((_, f)) if f & crate::js::shape::ENUMERABLE != 0);
                    // Rooted: traps run JavaScript (and collections) before the loop ends.
                    self.roots.push(kv);
                    seen.push(kv);
                    if enumerable {
                        self.array_push(keys, kv);
                    }
                }
                cur = next;
            }
            let it = self.new_iterator(IT_KEYS, v);
            self.obj_mut(it).aux[1] = keys;
            Ok(it)
        })();
        self.roots.truncate(base);
        self.roots.pop();
        r
    }
}

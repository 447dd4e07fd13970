//! Property access slow paths that consult and update inline caches.

use crate::js::atoms::{self, Atom};
use crate::js::ic::*;
use crate::js::object::*;
use crate::js::shape;
use crate::js::value::Value;
use crate::js::vm::{JsResult, Vm};

/// Classes whose own lookup has virtual properties (not in the shape) for these names.
fn has_virtual(class: u8, a: Atom) -> bool {
    match class {
        CLASS_ARRAY | CLASS_ARGUMENTS | CLASS_STRING => a == atoms::LENGTH,
        CLASS_CLOSURE | CLASS_NATIVE | CLASS_BOUND => {
            a == atoms::LENGTH || a == atoms::NAME || a == atoms::PROTOTYPE
        }
        _ => false,
    }
}

impl Vm {
    /// Whether `o` is a typed array and `a` a canonical numeric string: the typed array
    /// answers such keys itself, so no cache entry may be made for them.
    fn typed_numeric_atom(&self, o: Value, a: Atom) -> bool {
        is_typed_class(self.class_of(o)) && self.canonical_numeric(a).is_some()
    }

    /// `o.a` with inline-cache update on a miss.
    pub fn get_named_ic(&mut self, o: Value, a: Atom, ic: &mut IcSlot) -> JsResult<Value> {
        self.stats.ic_misses += 1;
        ic.misses = ic.misses.wrapping_add(1);
        if o.is_object() && self.typed_numeric_atom(o, a) {
            return self.get(o, crate::js::object::PropKey::Atom(a));
        }
        if o.is_object() && self.obj(o).dict.is_null() && !has_virtual(self.class_of(o), a) {
            let shape_ptr = self.obj(o).shape as usize;
            if let Some((loc, f)) = self.find_own(o, a) {
                if f & shape::ACCESSOR == 0 {
                    if let Loc::Slot(s) = loc {
                        ic.record(IcEntry {
                            shape: shape_ptr,
                            aux: 0,
                            slot: s,
                            kind: IC_OWN,
                            epoch: 0,
                            _pad: 0,
                        });
                    }
                    return Ok(self.read_loc(o, loc));
                }
            } else {
                let p = self.obj(o).proto;
                if let Some(v) = self.cache_proto_hit(p, shape_ptr, a, ic) {
                    return Ok(v);
                }
            }
        } else if o.is_string() && a != atoms::LENGTH {
            // Primitive strings: their own properties are indices and `length`; the rest
            // comes from String.prototype (flagged a prototype: its changes bump the epoch).
            let p = self.realm[crate::js::vm::realm::STRING_PROTO];
            if let Some(v) = self.cache_proto_hit(p, STRING_RECEIVER, a, ic) {
                return Ok(v);
            }
        }
        self.get(o, crate::js::object::PropKey::Atom(a))
    }

    /// Walks the prototype chain from `p` for `a`; a data property in a slot is recorded in
    /// `ic` as a prototype hit for receivers of shape `shape` and returned.
    fn cache_proto_hit(
        &mut self,
        mut p: Value,
        shape: usize,
        a: Atom,
        ic: &mut IcSlot,
    ) -> Option<Value> {
        let mut depth = 0;
        while p.is_object() && depth < 64 {
            if !self.obj(p).dict.is_null()
                || has_virtual(self.class_of(p), a)
                || self.typed_numeric_atom(p, a)
            {
                return None;
            }
            if let Some((loc, f)) = self.find_own(p, a) {
                if f & shape::ACCESSOR == 0
                    && let Loc::Slot(s) = loc
                {
                    ic.record(IcEntry {
                        shape,
                        aux: p.payload(),
                        slot: s,
                        kind: IC_PROTO,
                        epoch: self.proto_epoch,
                        _pad: 0,
                    });
                    return Some(self.read_loc(p, loc));
                }
                return None;
            }
            p = self.obj(p).proto;
            depth += 1;
        }
        None
    }

    /// `o.a = v` with inline-cache update on a miss.
    pub fn set_named_ic(&mut self, o: Value, a: Atom, v: Value, ic: &mut IcSlot) -> JsResult<()> {
        self.stats.ic_misses += 1;
        ic.misses = ic.misses.wrapping_add(1);
        if o.is_object() && self.typed_numeric_atom(o, a) {
            return self.set(o, crate::js::object::PropKey::Atom(a), v);
        }
        if o.is_object()
            && self.obj(o).dict.is_null()
            && self.obj(o).hdr.flags & (FLAG_FROZEN | FLAG_NOT_EXTENSIBLE | FLAG_IS_PROTO) == 0
            && !has_virtual(self.class_of(o), a)
            && a != atoms::PROTO
        {
            let before = self.obj(o).shape;
            match self.find_own(o, a) {
                Some((Loc::Slot(s), f))
                    if f & (shape::ACCESSOR | shape::WRITABLE) == shape::WRITABLE =>
                {
                    ic.record(IcEntry {
                        shape: before as usize,
                        aux: 0,
                        slot: s,
                        kind: IC_OWN,
                        epoch: 0,
                        _pad: 0,
                    });
                    self.write_loc(o, Loc::Slot(s), v);
                    return Ok(());
                }
                Some(_) => {}
                None => {
                    // Cache an add only if nothing on the chain intercepts the store (an
                    // accessor, a read-only property, or a proxy, whose trap must run).
                    let intercept = match self.lookup(o, crate::js::object::PropKey::Atom(a)) {
                        Some((_, _, f)) => f & (shape::ACCESSOR) != 0 || f & shape::WRITABLE == 0,
                        None => false,
                    } || self.chain_has_proxy(o);
                    self.set(o, crate::js::object::PropKey::Atom(a), v)?;
                    let after = self.obj(o).shape;
                    if !intercept && self.obj(o).dict.is_null() && after != before {
                        let slot = self.shapes.get(after).slot_count() as u32 - 1;
                        ic.record(IcEntry {
                            shape: before as usize,
                            aux: after as usize,
                            slot,
                            kind: IC_ADD,
                            epoch: self.proto_epoch,
                            _pad: 0,
                        });
                    }
                    return Ok(());
                }
            }
        }
        self.set(o, crate::js::object::PropKey::Atom(a), v)
    }
}

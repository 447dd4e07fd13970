//! Fast stores into dense array elements, holes and appends included, and the guard that
//! lets a store into a hole skip the prototype chain (V8's "no elements" protector, as one
//! cached prototype). Used by the interpreter's `SetElement` and by [[Set]]; the JIT's
//! element template (`jit::templates::elements`) emits the same paths inline.
//!
//! A store into index `i` that the array does not have is an ordinary [[Set]] (ES2025
//! 10.1.9.2): it consults the prototype chain for `i` first, and only when no object there
//! has it (no setter, no read-only data property, no proxy) does it define an own data
//! property. `Vm::hole_proto` caches one prototype object `P` whose chain was checked to have
//! no index properties at all, so an array whose `[[Prototype]]` is `P` may store directly:
//!
//! - `P` is an Array or an ordinary object; every object after it on the chain is ordinary.
//!   Ordinary objects keep index keys as named properties, so any index key they gain goes
//!   through `add_own`/`set_flags` on an object flagged as a prototype, which bumps
//!   `Vm::proto_epoch` — and every bump clears the cache ([`Vm::bump_proto_epoch`]), as does
//!   any change of a chain object's own prototype (`set_proto_raw` bumps too).
//! - `P`'s own elements are not tracked by the epoch (builtins write them directly), so the
//!   users of the cache also require `P.elem_len == 0` at each store; named index
//!   properties of `P` (accessors, sparse indices) do bump the epoch.
//! - The collector marks it as a root, so the cached pointer never names a freed cell that
//!   another object has reused.
//!
//! The JIT repeats the test inline: the array's proto word equals `Vm::hole_proto` and that
//! prototype's `elem_len` is zero. A miss there goes to the step helper, whose interpreter
//! path re-checks the chain and refills the cache.
//!
//! A store at `i == length` appends (`Vm::array_push`: the capacity doubles, so appends are
//! amortised O(1)); a store beyond it, into a frozen, sealed, non-extensible or sparse-length
//! array, or one with a non-writable `length` (all of which carry `FLAG_FROZEN`) is left to
//! the generic [[Set]].

use crate::js::object::{
    CLASS_ARRAY, CLASS_ORDINARY, DELETED, Dict, FLAG_FROZEN, FLAG_NOT_EXTENSIBLE, MAX_DENSE,
};
use crate::js::string::parse_index;
use crate::js::value::Value;
use crate::js::vm::Vm;

/// Longest prototype chain the check walks before giving up (the slow path still works).
const MAX_CHAIN: usize = 64;

impl Vm {
    /// `o[i] = v` for an extensible, non-frozen Array `o` when `i` is an element it has, a
    /// hole, or its length (an append), the last two only when [`Vm::hole_store_ok`]; false
    /// (nothing done) otherwise. `o` must be an object.
    #[inline]
    pub fn store_dense_element(&mut self, o: Value, i: u32, v: Value) -> bool {
        let ob = self.obj(o);
        if ob.hdr.class != CLASS_ARRAY || ob.hdr.flags & (FLAG_FROZEN | FLAG_NOT_EXTENSIBLE) != 0 {
            return false;
        }
        let len = ob.elem_len;
        if i < len {
            // SAFETY: i < elem_len, and elements holds elem_len initialised values.
            let hole = unsafe { *ob.elements.add(i as usize) }.is_empty();
            if hole && !self.hole_store_ok(o) {
                return false;
            }
            // SAFETY: as above; the guard neither allocates nor touches `o`'s elements.
            unsafe { *self.obj_mut(o).elements.add(i as usize) = v };
            return true;
        }
        if i == len && i < MAX_DENSE && self.hole_store_ok(o) {
            self.array_push(o, v);
            return true;
        }
        false
    }

    /// Bumps `proto_epoch` (a prototype changed shape, or an object became a prototype),
    /// dropping the hole-store guard with every other epoch-keyed cache.
    #[inline]
    pub fn bump_proto_epoch(&mut self) {
        self.proto_epoch = self.proto_epoch.wrapping_add(1);
        self.hole_proto = Value::EMPTY;
    }

    /// Whether a store of an index the array `arr` lacks may bypass its prototype chain (see
    /// the module comment). `arr` must be an object.
    #[inline]
    pub fn hole_store_ok(&mut self, arr: Value) -> bool {
        let proto = self.obj(arr).proto;
        if proto.is_null() {
            return true;
        }
        if proto != self.hole_proto && !self.check_hole_proto(proto) {
            return false;
        }
        self.obj(proto).elem_len == 0
    }

    /// Checks the chain from the object `proto` and caches `proto` when it qualifies.
    #[cold]
    fn check_hole_proto(&mut self, proto: Value) -> bool {
        let mut cur = proto;
        for depth in 0..MAX_CHAIN {
            if cur.is_null() {
                self.hole_proto = proto;
                return true;
            }
            if !cur.is_object() {
                return false;
            }
            let class = self.class_of(cur);
            let allowed = class == CLASS_ORDINARY || (depth == 0 && class == CLASS_ARRAY);
            if !allowed || self.has_index_key(cur) {
                return false;
            }
            if class == CLASS_ORDINARY && self.obj(cur).elem_len != 0 {
                return false;
            }
            cur = self.obj(cur).proto;
        }
        false
    }

    /// Whether `o` has a named own property whose key is an array index (symbols and
    /// private names, whose atom strings could look like one, count too: only a miss).
    fn has_index_key(&self, o: Value) -> bool {
        let ob = self.obj(o);
        let is_index = |a: crate::js::atoms::Atom| {
            a != DELETED && parse_index(self.str_units(self.atom_value(a))).is_some()
        };
        if !ob.dict.is_null() {
            // SAFETY: the dictionary is owned by the object while non-null.
            let d: &Dict = unsafe { &*ob.dict };
            return d.entries.iter().any(|e| is_index(e.0));
        }
        if ob.shape.is_null() {
            return false;
        }
        self.shapes.get(ob.shape).keys.iter().any(|k| is_index(k.0))
    }
}

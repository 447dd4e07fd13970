//! Objects: allocation, own-property storage (shape slots or dictionary), elements, and the
//! generic [[Get]]/[[Set]]/[[Delete]]/key enumeration used by the interpreter and builtins.

use crate::js::hash::FxHashMap as HashMap;

use crate::js::atoms::{self, Atom};
use crate::js::bytecode::{
    F_ARROW, F_ASYNC, F_CLASS_CTOR, F_GENERATOR, F_METHOD, F_NO_PROTOTYPE, F_STRICT, FunctionCode,
};
use crate::js::heap::cells::{AccessorCell, KIND_ACCESSOR, KIND_OBJECT, ObjCell, StrCell};
use crate::js::heap::{alloc_values, free_values};
use crate::js::shape::{self, MAX_SHAPE_PROPS};
use crate::js::string::{decimal_units, parse_index};
use crate::js::value::{TAG_CELL, TAG_OBJECT, Value};
use crate::js::vm::{JsResult, Vm, realm};

pub const CLASS_ORDINARY: u8 = 0;
pub const CLASS_ARRAY: u8 = 1;
pub const CLASS_CLOSURE: u8 = 2;
pub const CLASS_NATIVE: u8 = 3;
pub const CLASS_BOUND: u8 = 4;
pub const CLASS_ERROR: u8 = 5;
pub const CLASS_BOOLEAN: u8 = 6;
pub const CLASS_NUMBER: u8 = 7;
pub const CLASS_STRING: u8 = 8;
pub const CLASS_ARGUMENTS: u8 = 9;
pub const CLASS_MAP: u8 = 10;
pub const CLASS_SET: u8 = 11;
pub const CLASS_ITER: u8 = 12;
pub const CLASS_SYMBOL: u8 = 13;
pub const CLASS_DATE: u8 = 14;
/// A generator object (`js::interp::generator`).
pub const CLASS_GENERATOR: u8 = 15;
/// A Promise: `aux` = [state bits (`promise::STATE_*`), result, reactions list].
pub const CLASS_PROMISE: u8 = 17;
/// A RegExp object: `aux[0]` its source string (OriginalSource), `aux[1]` its flag bits
/// (`builtins::regexp::FLAG_*`, an int); the compiled matcher lives in `Vm::regexps`.
pub const CLASS_REGEXP: u8 = 16;
/// An ArrayBuffer: `ObjCell::buf` owns its bytes (`js::typed::BufData`).
pub const CLASS_ARRAY_BUFFER: u8 = 18;
/// A DataView: `aux` = [buffer, byte offset, byte length or undefined when it tracks a
/// resizable buffer's length].
pub const CLASS_DATA_VIEW: u8 = 19;
/// Typed arrays: class `CLASS_TYPED_FIRST + js::typed::Kind` (one class per element type,
/// so a class check also says the element type); `aux` = [buffer, byte offset, length or
/// undefined when length-tracking]. Twelve classes are reserved (BigInt64/BigUint64 last).
pub const CLASS_TYPED_FIRST: u8 = 20;
pub const CLASS_TYPED_LAST: u8 = 31;
/// A BigInt wrapper object (`Object(1n)`): `aux[0]` is the BigInt.
pub const CLASS_BIGINT: u8 = 32;
/// An iterator helper (`builtins::iterator_helper`): `hdr.aux` = kind | state << 8, `aux` =
/// [underlying iterator, its next method, kind-specific state], `code` = counter.
pub const CLASS_ITER_HELPER: u8 = 40;
/// A wrapper made by `Iterator.from`: `aux` = [iterator, next method].
pub const CLASS_WRAP_ITER: u8 = 41;
/// WeakMap / WeakSet: `map` holds the entries keyed by identity; the collector traces
/// neither keys nor values (values are ephemerons: `js::weak`).
pub const CLASS_WEAK_MAP: u8 = 42;
pub const CLASS_WEAK_SET: u8 = 43;
/// WeakRef: `aux[0]` = target (not traced; undefined once collected).
pub const CLASS_WEAK_REF: u8 = 44;
/// FinalizationRegistry: `aux[0]` = cleanup callback; its cells live in `Vm::weak`.
pub const CLASS_FIN_REG: u8 = 45;
/// A Proxy exotic object (`js::proxy`): `aux` = [target, handler], both null once revoked.
pub const CLASS_PROXY: u8 = 46;

/// Whether `class` is a typed array class.
#[inline]
pub fn is_typed_class(class: u8) -> bool {
    (CLASS_TYPED_FIRST..=CLASS_TYPED_LAST).contains(&class)
}

/// Slots (and elements) allocated with a new object (array literal) that is about to get
/// properties (elements).
pub const INITIAL_FIELD_SLOTS: usize = 4;
/// The most slots an object keeps in its cell (`Vm::new_object_for_fields`): cells stay in
/// the heap's size classes (at most 512 bytes).
pub const MAX_INLINE_SLOTS: usize = (512 - std::mem::size_of::<ObjCell>()) / 8;
pub const FLAG_NOT_EXTENSIBLE: u8 = 1;
pub const FLAG_FROZEN: u8 = 2;
pub const FLAG_IS_PROTO: u8 = 4;
pub const FLAG_NO_DICT: u8 = 8;
pub const FLAG_CLASS_CTOR: u8 = 16;
pub const FLAG_DERIVED: u8 = 32;
/// Native functions that may be called with `new`.
pub const FLAG_NATIVE_CTOR: u8 = 64;
/// Arrays: some holes of the dense elements (indices below `elem_len`) are own properties
/// kept as named index properties (accessors or non-default attributes). Set together with
/// `FLAG_FROZEN`, so that element stores take the generic path in both tiers.
pub const FLAG_SLOW_ELEMS: u8 = 128;
// `FLAG_FROZEN` means "stores take the generic path": it is set on frozen objects and on
// element-holding objects whose elements or length have non-default attributes
// (`XFLAG_ELEMS_*`, `XFLAG_LENGTH_RO`, `FLAG_SLOW_ELEMS`). Attributes themselves are
// always read from the property (shape flags, or the element-wide xflags).

/// `ObjCell::xflags` of an object with elements: every dense element is non-configurable
/// (sealed) / also non-writable (frozen); the array's `length` is non-writable.
pub const XFLAG_ELEMS_SEALED: u32 = 4;
pub const XFLAG_ELEMS_FROZEN: u32 = 8;
pub const XFLAG_LENGTH_RO: u32 = 16;

/// `ObjCell::xflags` of a function whose `name` / `length` was deleted (the virtual property
/// is gone; a defined own property may replace it).
pub const XFLAG_NO_NAME: u32 = 1;
pub const XFLAG_NO_LENGTH: u32 = 2;

/// Largest index an array grows to by element writes.
pub const MAX_DENSE: u32 = 1 << 25;

/// Dictionary-mode property storage, in insertion order. Deleted entries are tombstones
/// (key [`DELETED`]) until more than half are dead.
#[derive(Default)]
pub struct Dict {
    pub entries: Vec<(Atom, Value, u8)>,
    pub index: HashMap<Atom, usize>,
    pub dead: usize,
}

/// Key of a deleted dictionary entry.
pub const DELETED: Atom = Atom(u32::MAX);

/// Map/Set storage: insertion-ordered entries (deleted ones have key EMPTY).
#[derive(Default)]
pub struct MapData {
    pub entries: Vec<(Value, Value)>,
    pub index: HashMap<MapKey, usize>,
    pub size: usize,
    /// Deleted entries still in `entries`.
    pub dead: usize,
    /// Iterations in progress (iterators not yet exhausted, forEach calls); compaction would
    /// move their positions, so it waits until there are none.
    pub iters: u32,
}

impl MapData {
    /// Drops deleted entries when they dominate and no iteration is in progress.
    pub fn maybe_compact(&mut self) {
        if self.iters == 0 && self.dead > 32 && self.dead * 2 > self.entries.len() {
            self.entries.retain(|e| !e.0.is_empty());
            self.dead = 0;
            let index = std::mem::take(&mut self.index);
            let mut pos: HashMap<usize, usize> = HashMap::default();
            for (k, old) in index {
                pos.insert(old, 0);
                self.index.insert(k, old);
            }
            // Re-number: the i-th surviving entry moves to position i.
            let mut olds: Vec<usize> = self.index.values().copied().collect();
            olds.sort_unstable();
            for (new, old) in olds.into_iter().enumerate() {
                pos.insert(old, new);
            }
            for v in self.index.values_mut() {
                *v = pos[v];
            }
        }
    }
}

#[derive(Clone, PartialEq, Eq, Hash)]
pub enum MapKey {
    Str(Vec<u16>),
    Bits(u64),
    /// A BigInt key, by value.
    BigInt(num_bigint::BigInt),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PropKey {
    Atom(Atom),
    Index(u32),
}

/// Why a [[Set]] silently failed (strict-mode code turns it into a TypeError).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SetFail {
    ReadOnly,
    GetterOnly,
    NotExtensible,
    /// A proxy's `set` trap returned false.
    Proxy,
    /// A new property on a primitive (which cannot hold one).
    Primitive,
}

/// Where an own property lives.
#[derive(Clone, Copy, Debug)]
pub enum Loc {
    Slot(u32),
    Dict(usize),
}

impl Vm {
    pub fn intern_units(&mut self, u: &[u16]) -> Atom {
        if let Some(&a) = self.atoms.map.get(u) {
            return a;
        }
        let a = self.unique_atom(u);
        self.atoms.map.insert(u.to_vec(), a);
        let cell = self.atom_value(a).payload() as *mut StrCell;
        // SAFETY: an atom's string is a live (permanent) StrCell; it names this interned atom
        // (`key_from_str` then needs no lookup for it).
        unsafe { (*cell).atom = u64::from(a.0) + 1 };
        a
    }
    /// A new atom for `u`, not entered in the intern table: unless the caller enters it
    /// (as `intern_units` does), no string names it (private names).
    pub fn unique_atom(&mut self, u: &[u16]) -> Atom {
        let s = self.new_str_units(u);
        // Atom strings live forever and hold no references: make them permanent.
        // SAFETY: s is a freshly allocated flat StrCell (an arena cell: StrCells fit a size
        // class), which references no cell.
        unsafe {
            self.heap
                .make_permanent(s.payload() as *mut crate::js::heap::cells::CellHeader)
        };
        let a = Atom(self.atoms.strings.len() as u32);
        self.atoms.strings.push(s);
        a
    }
    pub fn intern(&mut self, s: &str) -> Atom {
        let u: Vec<u16> = s.encode_utf16().collect();
        self.intern_units(&u)
    }
    pub fn atom_value(&self, a: Atom) -> Value {
        self.atoms.strings[a.0 as usize]
    }
    pub fn atom_name(&self, a: Atom) -> String {
        self.str_to_string(self.atom_value(a))
    }
    pub fn index_atom(&mut self, i: u32) -> Atom {
        self.intern(&i.to_string())
    }
    /// The key as a string value.
    pub fn key_value(&mut self, k: PropKey) -> Value {
        match k {
            PropKey::Atom(a) => self.atom_value(a),
            PropKey::Index(i) => {
                let s = i.to_string();
                self.new_str(&s)
            }
        }
    }
    pub fn key_atom(&mut self, k: PropKey) -> Atom {
        match k {
            PropKey::Atom(a) => a,
            PropKey::Index(i) => self.index_atom(i),
        }
    }
    /// A property key from a string value.
    pub fn key_from_str(&mut self, s: Value) -> PropKey {
        let cell = s.payload() as *mut StrCell;
        // SAFETY: s is a string value: it points at a live StrCell.
        let known = unsafe { (*cell).atom };
        if known != 0 {
            return PropKey::Atom(Atom((known - 1) as u32));
        }
        let u = self.str_units(s);
        if let Some(i) = parse_index(u) {
            return PropKey::Index(i);
        }
        let a = match self.atoms.map.get(u) {
            Some(&a) => a,
            None => {
                let u = u.to_vec();
                self.intern_units(&u)
            }
        };
        // SAFETY: as above; the cell stays live (`s` is held by the caller).
        unsafe { (*cell).atom = u64::from(a.0) + 1 };
        PropKey::Atom(a)
    }

    #[inline]
    pub fn obj(&self, v: Value) -> &ObjCell {
        debug_assert!(v.is_object());
        // SAFETY: object-tagged values point at live ObjCells (rooted or no GC since obtained);
        // the shared borrow of the VM prevents collection while the reference lives.
        unsafe { &*(v.payload() as *const ObjCell) }
    }
    #[inline]
    pub fn obj_mut(&mut self, v: Value) -> &mut ObjCell {
        debug_assert!(v.is_object());
        // SAFETY: as in `obj`; the exclusive borrow of the VM makes this the only access path.
        unsafe { &mut *(v.payload() as *mut ObjCell) }
    }
    #[inline]
    pub fn class_of(&self, v: Value) -> u8 {
        self.obj(v).hdr.class
    }
    pub fn is_array(&self, v: Value) -> bool {
        v.is_object() && self.class_of(v) == CLASS_ARRAY
    }
    pub fn is_callable(&self, v: Value) -> bool {
        v.is_object()
            && match self.class_of(v) {
                CLASS_CLOSURE | CLASS_NATIVE | CLASS_BOUND => true,
                CLASS_PROXY => self.obj(v).xflags & crate::js::proxy::XFLAG_PROXY_CALLABLE != 0,
                _ => false,
            }
    }
    pub fn func_code(&self, f: Value) -> &FunctionCode {
        // SAFETY: closures store a pointer to a FunctionCode owned (boxed, never freed) by
        // `self.codes`.
        unsafe { &*(self.obj(f).code as *const FunctionCode) }
    }

    pub fn new_object_with(&mut self, class: u8, proto: Value) -> Value {
        self.new_object_sized(class, proto, 0)
    }
    /// [`Vm::new_object_with`] with room for `inline` slots in the cell itself (at most
    /// [`MAX_INLINE_SLOTS`]), which become its slots: no separate buffer to allocate or free
    /// until it outgrows them.
    fn new_object_sized(&mut self, class: u8, proto: Value, inline: usize) -> Value {
        debug_assert!(inline <= MAX_INLINE_SLOTS);
        let size = std::mem::size_of::<ObjCell>() + 8 * inline;
        let p = self.heap.alloc_cell(size, KIND_OBJECT) as *mut ObjCell;
        if inline > 0 {
            // SAFETY: p is a fresh zeroed cell of `size` bytes: its fields, then room for
            // `inline` values.
            unsafe {
                let slots = (*p).inline_slots();
                for i in 0..inline {
                    *slots.add(i) = Value::UNDEFINED;
                }
                (*p).slots = slots;
                (*p).slot_cap = inline as u32;
            }
        }
        // SAFETY: p is a fresh zeroed ObjCell.
        unsafe {
            (*p).hdr.class = class;
            (*p).shape = std::ptr::null();
            (*p).proto = Value::NULL;
            (*p).aux = [Value::UNDEFINED; 3];
        }
        let v = Value::from_ptr(TAG_OBJECT, p as usize);
        self.set_proto_raw(v, proto);
        v
    }
    pub fn new_object(&mut self) -> Value {
        let p = self.realm[realm::OBJECT_PROTO];
        self.new_object_with(CLASS_ORDINARY, p)
    }
    /// An ordinary object that is about to get properties (`new`, object literals): slots
    /// for the first few (or `fields`, up to the most a shape holds) are allocated up front
    /// rather than on the first stores.
    pub fn new_object_for_fields(&mut self, proto: Value, fields: usize) -> Value {
        let n = fields.clamp(INITIAL_FIELD_SLOTS, MAX_SHAPE_PROPS);
        if n <= MAX_INLINE_SLOTS {
            return self.new_object_sized(CLASS_ORDINARY, proto, n);
        }
        let o = self.new_object_with(CLASS_ORDINARY, proto);
        self.ensure_slot_cap(o, n);
        o
    }
    pub fn new_array(&mut self, len: usize) -> Value {
        let p = self.realm[realm::ARRAY_PROTO];
        let a = self.new_object_with(CLASS_ARRAY, p);
        if len > 0 {
            self.ensure_elem_cap(a, len);
            let o = self.obj_mut(a);
            for i in 0..len {
                // SAFETY: capacity >= len after ensure_elem_cap.
                unsafe { *o.elements.add(i) = Value::EMPTY };
            }
            o.elem_len = len as u32;
        }
        a
    }
    pub fn new_array_from(&mut self, vals: &[Value]) -> Value {
        let a = self.new_array(0);
        self.ensure_elem_cap(a, vals.len());
        let o = self.obj_mut(a);
        for (i, v) in vals.iter().enumerate() {
            // SAFETY: capacity >= vals.len().
            unsafe { *o.elements.add(i) = *v };
        }
        o.elem_len = vals.len() as u32;
        a
    }
    pub fn new_accessor(&mut self, getter: Value, setter: Value) -> Value {
        let p = self
            .heap
            .alloc_cell(std::mem::size_of::<AccessorCell>(), KIND_ACCESSOR)
            as *mut AccessorCell;
        // SAFETY: fresh zeroed AccessorCell.
        unsafe {
            (*p).getter = getter;
            (*p).setter = setter;
        }
        Value::from_ptr(TAG_CELL, p as usize)
    }
    pub fn accessor_parts(&self, v: Value) -> (Value, Value) {
        // SAFETY: accessor slots always hold AccessorCell pointers (flag ACCESSOR).
        unsafe {
            let a = &*(v.payload() as *const AccessorCell);
            (a.getter, a.setter)
        }
    }

    /// Sets `[[Prototype]]`, marking the new prototype as such.
    pub fn set_proto_raw(&mut self, o: Value, proto: Value) {
        if proto.is_object() && self.obj(proto).hdr.flags & FLAG_IS_PROTO == 0 {
            self.obj_mut(proto).hdr.flags |= FLAG_IS_PROTO;
            self.bump_proto_epoch();
        }
        if self.obj(o).hdr.flags & FLAG_IS_PROTO != 0 {
            self.bump_proto_epoch();
        }
        self.obj_mut(o).proto = proto;
        if self.obj(o).dict.is_null() {
            let root = if proto.is_object() {
                // Cached on the prototype (the table is keyed by address, so the cache and
                // the table always agree for a live prototype).
                let cached = self.obj(proto).child_root;
                if cached.is_null() {
                    let r = self.shapes.root_for(proto.payload());
                    self.obj_mut(proto).child_root = r;
                    r
                } else {
                    cached
                }
            } else {
                self.shapes.root_for(0)
            };
            let s = self.obj(o).shape;
            if s.is_null() {
                self.obj_mut(o).shape = root;
            } else if self.shapes.get(s).root != root {
                let ns = self.shapes.rebase(s, root);
                self.obj_mut(o).shape = ns;
            }
        }
    }

    pub fn touch_pub(&mut self, o: Value) {
        self.touch(o)
    }
    fn touch(&mut self, o: Value) {
        if self.obj(o).hdr.flags & FLAG_IS_PROTO != 0 {
            self.bump_proto_epoch();
        }
    }

    // ---- elements ----

    pub fn ensure_elem_cap(&mut self, o: Value, n: usize) {
        let cap = self.obj(o).elem_cap as usize;
        if n <= cap {
            return;
        }
        let new_cap = n.max(cap * 2).max(4);
        self.heap.note_alloc(new_cap * 8);
        let nb = alloc_values(new_cap);
        let ob = self.obj_mut(o);
        // SAFETY: both buffers hold at least elem_len values; the old one is then freed once.
        unsafe { std::ptr::copy_nonoverlapping(ob.elements, nb, ob.elem_len as usize) };
        free_values(ob.elements, cap);
        ob.elements = nb;
        ob.elem_cap = new_cap as u32;
    }
    #[inline]
    pub fn elems(&self, o: Value) -> &[Value] {
        let ob = self.obj(o);
        if ob.elements.is_null() {
            return &[];
        }
        // SAFETY: elements holds elem_len initialised values.
        unsafe { std::slice::from_raw_parts(ob.elements, ob.elem_len as usize) }
    }
    #[inline]
    pub fn elems_mut(&mut self, o: Value) -> &mut [Value] {
        let ob = self.obj_mut(o);
        if ob.elements.is_null() {
            return &mut [];
        }
        // SAFETY: as in elems, exclusive.
        unsafe { std::slice::from_raw_parts_mut(ob.elements, ob.elem_len as usize) }
    }
    /// An array's `length`: the dense element count, or the sparse length kept in `aux[0]`.
    pub fn array_length(&self, a: Value) -> Value {
        let o = self.obj(a);
        if o.aux[0].is_undefined() || o.hdr.class != CLASS_ARRAY {
            Value::int(o.elem_len as i32)
        } else {
            o.aux[0]
        }
    }

    pub fn array_push(&mut self, a: Value, v: Value) {
        let n = self.obj(a).elem_len as usize;
        self.ensure_elem_cap(a, n + 1);
        let o = self.obj_mut(a);
        // SAFETY: capacity > n.
        unsafe { *o.elements.add(n) = v };
        o.elem_len = n as u32 + 1;
    }
    /// Sets the element count (array length), filling new entries with holes.
    pub fn set_elem_len(&mut self, a: Value, n: usize) {
        let old = self.obj(a).elem_len as usize;
        if n > old {
            self.ensure_elem_cap(a, n);
            let o = self.obj_mut(a);
            for i in old..n {
                // SAFETY: capacity >= n.
                unsafe { *o.elements.add(i) = Value::EMPTY };
            }
        }
        self.obj_mut(a).elem_len = n as u32;
    }
    pub fn has_elements(&self, o: Value) -> bool {
        matches!(self.class_of(o), CLASS_ARRAY | CLASS_ARGUMENTS)
    }
    /// The attributes of `o`'s dense elements.
    pub fn elem_flags(&self, o: Value) -> u8 {
        let x = self.obj(o).xflags;
        let mut f = shape::DEFAULT;
        if x & XFLAG_ELEMS_SEALED != 0 {
            f &= !shape::CONFIGURABLE;
        }
        if x & XFLAG_ELEMS_FROZEN != 0 {
            f &= !shape::WRITABLE;
        }
        f
    }

    // ---- own named properties ----

    pub fn find_own(&self, o: Value, a: Atom) -> Option<(Loc, u8)> {
        let ob = self.obj(o);
        if !ob.dict.is_null() {
            // SAFETY: dict is owned by the object while non-null.
            let d = unsafe { &*ob.dict };
            return d.index.get(&a).map(|&i| (Loc::Dict(i), d.entries[i].2));
        }
        self.shapes
            .get(ob.shape)
            .lookup(a)
            .map(|(s, f)| (Loc::Slot(s), f))
    }
    pub fn read_loc(&self, o: Value, loc: Loc) -> Value {
        let ob = self.obj(o);
        match loc {
            // SAFETY: slot indices come from the object's shape, which is < slot_cap.
            Loc::Slot(s) => unsafe { *ob.slots.add(s as usize) },
            // SAFETY: dict indices come from its index map.
            Loc::Dict(i) => unsafe { (&*ob.dict).entries[i].1 },
        }
    }
    pub fn write_loc(&mut self, o: Value, loc: Loc, v: Value) {
        let ob = self.obj_mut(o);
        match loc {
            // SAFETY: as in read_loc.
            Loc::Slot(s) => unsafe { *ob.slots.add(s as usize) = v },
            // SAFETY: as in read_loc.
            Loc::Dict(i) => unsafe { (&mut *ob.dict).entries[i].1 = v },
        }
    }

    /// Adds a new own property (caller checked it does not exist).
    pub fn add_own(&mut self, o: Value, a: Atom, v: Value, flags: u8) {
        self.touch(o);
        let ob = self.obj(o);
        if !ob.dict.is_null() {
            let ob = self.obj_mut(o);
            // SAFETY: dict owned by the object.
            let d = unsafe { &mut *ob.dict };
            d.index.insert(a, d.entries.len());
            d.entries.push((a, v, flags));
            return;
        }
        let n = self.shapes.get(ob.shape).slot_count();
        if n >= MAX_SHAPE_PROPS && ob.hdr.flags & FLAG_NO_DICT == 0 {
            self.to_dict(o);
            return self.add_own(o, a, v, flags);
        }
        let ns = self.shapes.add(ob.shape, a, flags);
        self.ensure_slot_cap(o, n + 1);
        let ob = self.obj_mut(o);
        // SAFETY: slot_cap > n.
        unsafe { *ob.slots.add(n) = v };
        ob.shape = ns;
    }
    pub fn ensure_slot_cap(&mut self, o: Value, n: usize) {
        let cap = self.obj(o).slot_cap as usize;
        if n <= cap {
            return;
        }
        let new_cap = (cap * 2).max(n).max(4);
        self.heap.note_alloc(new_cap * 8);
        let nb = alloc_values(new_cap);
        let ob = self.obj_mut(o);
        // SAFETY: the old slots (a buffer or the cell's own) hold `cap` values, the new
        // buffer more; an old buffer is freed once.
        unsafe { std::ptr::copy_nonoverlapping(ob.slots, nb, cap) };
        if ob.owns_slots() {
            free_values(ob.slots, cap);
        }
        ob.slots = nb;
        ob.slot_cap = new_cap as u32;
    }
    /// Switches an object to dictionary mode.
    pub fn to_dict(&mut self, o: Value) {
        if !self.obj(o).dict.is_null() {
            return;
        }
        let keys = self.shapes.get(self.obj(o).shape).keys.clone();
        let mut d = Dict::default();
        for (i, (k, f)) in keys.into_iter().enumerate() {
            let v = self.read_loc(o, Loc::Slot(i as u32));
            d.index.insert(k, i);
            d.entries.push((k, v, f));
        }
        let dict_shape = self.shapes.dict;
        let ob = self.obj_mut(o);
        if ob.owns_slots() {
            free_values(ob.slots, ob.slot_cap as usize);
        }
        ob.slots = std::ptr::null_mut();
        ob.slot_cap = 0;
        ob.dict = Box::into_raw(Box::new(d));
        ob.shape = dict_shape;
        self.touch(o);
    }

    /// Defines (creates or overwrites) an own property with the given flags.
    pub fn define_own(&mut self, o: Value, key: PropKey, v: Value, flags: u8) {
        if let PropKey::Index(i) = key
            && self.has_elements(o)
            && flags == shape::DEFAULT
        {
            self.set_element_raw(o, i, v);
            return;
        }
        let a = self.key_atom(key);
        match self.find_own(o, a) {
            Some((loc, f)) => {
                if f != flags {
                    self.set_flags(o, a, flags);
                }
                let (loc, _) = self.find_own(o, a).unwrap_or((loc, f));
                self.write_loc(o, loc, v);
            }
            None => self.add_own(o, a, v, flags),
        }
    }
    pub fn set_flags(&mut self, o: Value, a: Atom, flags: u8) {
        self.touch(o);
        if !self.obj(o).dict.is_null() {
            let ob = self.obj_mut(o);
            // SAFETY: dict owned by the object.
            let d = unsafe { &mut *ob.dict };
            if let Some(&i) = d.index.get(&a) {
                d.entries[i].2 = flags;
            }
            return;
        }
        let s = self.obj(o).shape;
        let ns = self.shapes.change_flags(s, a, flags);
        self.obj_mut(o).shape = ns;
    }
    /// Convenience: define a data property by name.
    pub fn put(&mut self, o: Value, name: &str, v: Value, flags: u8) {
        let a = self.intern(name);
        self.define_own(o, PropKey::Atom(a), v, flags);
    }

    fn set_element_raw(&mut self, o: Value, i: u32, v: Value) {
        let len = self.obj(o).elem_len;
        if i < len {
            self.elems_mut(o)[i as usize] = v;
        } else if i == len {
            self.array_push(o, v);
        } else {
            self.set_elem_len(o, i as usize + 1);
            self.elems_mut(o)[i as usize] = v;
        }
    }

    // ---- [[Get]] ----

    /// Own property lookup including virtual ones (array length, function name/length/prototype).
    /// Returns the raw slot content and flags (accessor cells are not invoked).
    pub fn get_own_raw(&mut self, o: Value, key: PropKey) -> Option<(Value, u8)> {
        let class = self.class_of(o);
        if is_typed_class(class)
            && let Some(e) = self.ta_own(o, key)
        {
            // Integer-indexed exotic [[GetOwnProperty]] (ECMA-262 §10.4.5.1).
            return e.map(|v| (v, shape::DEFAULT));
        }
        if let PropKey::Index(i) = key {
            if matches!(class, CLASS_ARRAY | CLASS_ARGUMENTS) {
                let e = self.elems(o);
                match e.get(i as usize) {
                    Some(v) if !v.is_empty() => {
                        let v = *v;
                        return Some((v, self.elem_flags(o)));
                    }
                    Some(_) if self.obj(o).hdr.flags & FLAG_SLOW_ELEMS == 0 => return None,
                    Some(_) => {}
                    // Beyond the dense part only sparse arrays have (named) elements.
                    None if self.obj(o).aux[0].is_undefined() => return None,
                    None => {}
                }
            }
            if class == CLASS_STRING {
                let s = self.obj(o).aux[0];
                if (i as usize) < self.str_len(s) {
                    let c = self.str_units(s)[i as usize];
                    return Some((self.unit_str(c), shape::ENUMERABLE));
                }
            }
        }
        let a = match key {
            PropKey::Atom(a) => a,
            // An index no property name has interned is no own property (this avoids
            // interning a string per lookup of an absent index).
            PropKey::Index(i) => {
                // The decimal digits, without allocating (this runs for every store into a
                // hole, once per prototype).
                let mut buf = [0u16; 11];
                *self.atoms.map.get(decimal_units(i, false, &mut buf))?
            }
        };
        if let Some((loc, f)) = self.find_own(o, a) {
            return Some((self.read_loc(o, loc), f));
        }
        match class {
            CLASS_ARRAY | CLASS_ARGUMENTS if a == atoms::LENGTH => {
                let ro = self.obj(o).xflags & XFLAG_LENGTH_RO != 0;
                Some((self.array_length(o), if ro { 0 } else { shape::WRITABLE }))
            }
            CLASS_STRING if a == atoms::LENGTH => {
                let s = self.obj(o).aux[0];
                Some((Value::int(self.str_len(s) as i32), 0))
            }
            CLASS_CLOSURE | CLASS_NATIVE | CLASS_BOUND => self.function_virtual(o, a),
            _ => None,
        }
    }

    fn function_virtual(&mut self, f: Value, a: Atom) -> Option<(Value, u8)> {
        const NOT_SLOPPY_PLAIN: u32 =
            F_STRICT | F_ARROW | F_METHOD | F_GENERATOR | F_ASYNC | F_CLASS_CTOR | F_NO_PROTOTYPE;
        let class = self.class_of(f);
        let x = self.obj(f).xflags;
        if (a == atoms::NAME && x & XFLAG_NO_NAME != 0)
            || (a == atoms::LENGTH && x & XFLAG_NO_LENGTH != 0)
        {
            return None;
        }
        if a == atoms::NAME {
            let n = self.function_name(f);
            return Some((self.new_str(&n), shape::CONFIGURABLE));
        }
        if a == atoms::LENGTH {
            let n = match class {
                CLASS_CLOSURE => self.func_code(f).length as i32,
                CLASS_NATIVE => self.natives[self.obj(f).code].length as i32,
                _ => {
                    let t = self.obj(f).aux[0];
                    let bound = self.obj(f).elem_len as i32;
                    match self.get_own_raw(t, PropKey::Atom(atoms::LENGTH)) {
                        Some((v, _)) if v.is_int() => (v.as_int() - bound).max(0),
                        _ => 0,
                    }
                }
            };
            return Some((Value::int(n), shape::CONFIGURABLE));
        }
        if (a == atoms::ARGUMENTS || a == atoms::CALLER)
            && class == CLASS_CLOSURE
            && self.func_code(f).flags & NOT_SLOPPY_PLAIN == 0
        {
            // Sloppy plain functions have own `arguments` and `caller` (null here, as
            // strict callers must never be revealed, §17.1); other functions inherit
            // Function.prototype's throwing accessors.
            return Some((Value::NULL, 0));
        }
        if a == atoms::PROTOTYPE && class == CLASS_CLOSURE && !self.func_code(f).has(F_NO_PROTOTYPE)
        {
            // Materialise the prototype object on first use (a generator function's inherits
            // from %GeneratorPrototype% and has no `constructor`).
            let p = if self.func_code(f).has(F_GENERATOR) {
                let gp = if self.func_code(f).has(F_ASYNC) {
                    self.realm[realm::ASYNC_GENERATOR_PROTO]
                } else {
                    self.realm[realm::GENERATOR_PROTO]
                };
                self.new_object_with(CLASS_ORDINARY, gp)
            } else {
                let p = self.new_object();
                self.add_own(p, atoms::CONSTRUCTOR, f, shape::HIDDEN);
                p
            };
            self.add_own(f, atoms::PROTOTYPE, p, shape::WRITABLE);
            return Some((p, shape::WRITABLE));
        }
        None
    }

    pub fn function_name(&self, f: Value) -> String {
        match self.class_of(f) {
            CLASS_CLOSURE => {
                if let Some((loc, _)) = self.find_own(f, atoms::NAME) {
                    let v = self.read_loc(f, loc);
                    if v.is_string() {
                        return self.str_to_string(v);
                    }
                }
                self.func_code(f).name.clone()
            }
            CLASS_NATIVE => self.natives[self.obj(f).code].name.to_string(),
            CLASS_BOUND => {
                let t = self.obj(f).aux[0];
                format!("bound {}", self.function_name(t))
            }
            _ => String::new(),
        }
    }

    /// Finds a property along the prototype chain: (holder, value-or-accessor, flags).
    pub fn lookup(&mut self, o: Value, key: PropKey) -> Option<(Value, Value, u8)> {
        let mut cur = o;
        let mut depth = 0;
        while cur.is_object() {
            if let Some((v, f)) = self.get_own_raw(cur, key) {
                return Some((cur, v, f));
            }
            if is_typed_class(self.class_of(cur)) && self.ta_numeric_key(key).is_some() {
                // A typed array answers numeric keys itself (§10.4.5.2, §10.4.5.4).
                return None;
            }
            cur = self.obj(cur).proto;
            depth += 1;
            if depth > 10_000 {
                break;
            }
        }
        None
    }

    /// The prototype used for property lookups on a primitive.
    pub fn proto_for_primitive(&self, v: Value) -> Value {
        if v.is_string() {
            self.realm[realm::STRING_PROTO]
        } else if v.is_number() {
            self.realm[realm::NUMBER_PROTO]
        } else if v.is_bool() {
            self.realm[realm::BOOLEAN_PROTO]
        } else if self.is_bigint(v) {
            self.realm[realm::BIGINT_PROTO]
        } else if v.is_object() && self.class_of(v) == CLASS_SYMBOL {
            self.realm[realm::SYMBOL_PROTO]
        } else {
            Value::NULL
        }
    }

    /// `obj[key]` for any value (throws on undefined/null).
    pub fn get(&mut self, obj: Value, key: PropKey) -> JsResult<Value> {
        let start = if obj.is_object() {
            obj
        } else if obj.is_string() {
            match key {
                PropKey::Index(i) => {
                    if (i as usize) < self.str_len(obj) {
                        let c = self.str_units(obj)[i as usize];
                        return Ok(self.unit_str(c));
                    }
                    return Ok(Value::UNDEFINED);
                }
                PropKey::Atom(a) if a == atoms::LENGTH => {
                    return Ok(Value::int(self.str_len(obj) as i32));
                }
                _ => self.realm[realm::STRING_PROTO],
            }
        } else if obj.is_nullish() {
            let k = self.key_to_value(key);
            return Err(self.nullish_base_error(obj, k, "read", "reading"));
        } else {
            self.proto_for_primitive(obj)
        };
        self.get_with_receiver(start, key, obj)
    }
    pub fn get_named(&mut self, obj: Value, a: Atom) -> JsResult<Value> {
        self.get(obj, PropKey::Atom(a))
    }
    pub fn get_by_name(&mut self, obj: Value, name: &str) -> JsResult<Value> {
        let a = self.intern(name);
        self.get(obj, PropKey::Atom(a))
    }

    // ---- [[Set]] ----

    pub fn set(&mut self, obj: Value, key: PropKey, v: Value) -> JsResult<()> {
        if !obj.is_object() {
            if obj.is_nullish() {
                let k = self.key_to_value(key);
                return Err(self.nullish_base_error(obj, k, "set", "setting"));
            }
            return self.set_on_primitive(obj, key, v);
        }
        let class = self.class_of(obj);
        if class == CLASS_SYMBOL {
            return self.set_on_primitive(obj, key, v);
        }
        if class == CLASS_PROXY {
            let ok = self.proxy_set(obj, key, v, obj)?;
            self.set_failed = (!ok).then_some(SetFail::Proxy);
            return Ok(());
        }
        if is_typed_class(class)
            && let Some(r) = self.ta_set(obj, key, v)
        {
            return r;
        }
        if class == CLASS_STRING
            && let PropKey::Index(i) = key
            && (i as usize) < self.str_len(self.obj(obj).aux[0])
        {
            // A String object's characters are read-only (§10.4.3.2).
            self.set_failed = Some(SetFail::ReadOnly);
            return Ok(());
        }
        // Fast paths: array elements and length.
        if let PropKey::Index(i) = key
            && matches!(class, CLASS_ARRAY | CLASS_ARGUMENTS)
        {
            if self.obj(obj).hdr.flags & FLAG_FROZEN != 0 {
                return self.set_element_generic(obj, i, v);
            }
            let len = self.obj(obj).elem_len;
            if i < len && !self.elems(obj)[i as usize].is_empty() {
                self.elems_mut(obj)[i as usize] = v;
                return Ok(());
            }
            if i < MAX_DENSE && self.obj(obj).hdr.flags & FLAG_NOT_EXTENSIBLE == 0 {
                if !self.hole_store_ok(obj) && self.proto_intercepts(obj, key) {
                    if self.proxy_on_chain(obj, key).is_some() {
                        return self.set_slow(obj, key, v);
                    }
                    // A setter or a read-only property, possibly an element of an array.
                    return self.set_element_generic(obj, i, v);
                }
                self.set_element_raw(obj, i, v);
                return Ok(());
            }
            if i >= MAX_DENSE
                && class == CLASS_ARRAY
                && self.obj(obj).hdr.flags & FLAG_NOT_EXTENSIBLE == 0
            {
                // Sparse: the element is a named property and the length is kept in aux[0].
                let len = self.array_length(obj).as_number();
                if (i as f64) >= len {
                    self.obj_mut(obj).aux[0] = Value::number(i as f64 + 1.0);
                } else if self.obj(obj).aux[0].is_undefined() {
                    self.obj_mut(obj).aux[0] = Value::number(len);
                }
                let a = self.index_atom(i);
                self.define_own(obj, PropKey::Atom(a), v, shape::DEFAULT);
                return Ok(());
            }
        }
        if class == CLASS_ARRAY
            && key == PropKey::Atom(atoms::LENGTH)
            && self.find_own(obj, atoms::LENGTH).is_none()
        {
            let n = self.to_number(v)?;
            if n < 0.0 || n != n.trunc() || n > u32::MAX as f64 {
                return Err(self.throw_range_error("Invalid array length"));
            }
            if self.obj(obj).hdr.flags & FLAG_FROZEN != 0 {
                if self.obj(obj).xflags & XFLAG_LENGTH_RO != 0
                    || !self.array_set_length(obj, n as u32)
                {
                    self.set_failed = Some(SetFail::ReadOnly);
                }
                return Ok(());
            }
            if n as u64 > MAX_DENSE as u64 {
                // Only the length grows; elements stay dense up to elem_len.
                self.obj_mut(obj).aux[0] = Value::number(n);
                return Ok(());
            }
            self.set_elem_len(obj, n as usize);
            self.obj_mut(obj).aux[0] = Value::UNDEFINED;
            return Ok(());
        }
        self.set_slow(obj, key, v)
    }

    /// Whether a store of `key` into `o` (which lacks it) is intercepted on the prototype
    /// chain: by an accessor, a read-only data property, or a proxy (whose [[Set]] takes
    /// over).
    fn proto_intercepts(&mut self, o: Value, key: PropKey) -> bool {
        let mut cur = self.obj(o).proto;
        for _ in 0..10_000 {
            if !cur.is_object() {
                break;
            }
            if self.class_of(cur) == CLASS_PROXY {
                return true;
            }
            if let Some((_, f)) = self.get_own_raw(cur, key) {
                // A setter runs; a read-only data property makes the store fail.
                return f & shape::ACCESSOR != 0 || f & shape::WRITABLE == 0;
            }
            if is_typed_class(self.class_of(cur)) && self.ta_numeric_key(key).is_some() {
                break;
            }
            cur = self.obj(cur).proto;
        }
        false
    }

    fn set_slow(&mut self, obj: Value, key: PropKey, v: Value) -> JsResult<()> {
        let a = self.key_atom(key);
        if a == atoms::PROTOTYPE && self.class_of(obj) == CLASS_CLOSURE {
            // Materialise a lazy `prototype` so the store replaces it.
            self.get_own_raw(obj, key);
        }
        if let Some((loc, f)) = self.find_own(obj, a) {
            if f & shape::ACCESSOR != 0 {
                let acc = self.read_loc(obj, loc);
                let (_, s) = self.accessor_parts(acc);
                if !s.is_undefined() {
                    self.call_function(s, obj, &[v])?;
                } else {
                    self.set_failed = Some(SetFail::GetterOnly);
                }
                return Ok(());
            }
            if f & shape::WRITABLE != 0 {
                self.write_loc(obj, loc, v);
            } else {
                self.set_failed = Some(SetFail::ReadOnly);
            }
            return Ok(());
        }
        if let Some(p) = self.proxy_on_chain(obj, key) {
            // The proxy's [[Set]] continues the store with `obj` as the receiver.
            let ok = self.proxy_set(p, key, v, obj)?;
            self.set_failed = (!ok).then_some(SetFail::Proxy);
            return Ok(());
        }
        if a == atoms::PROTO {
            if (v.is_object() || v.is_null()) && !self.set_prototype_of(obj, v) {
                return Err(self.set_proto_error(obj));
            }
            return Ok(());
        }
        if let Some((_, pv, f)) = self.lookup(obj, PropKey::Atom(a)) {
            if f & shape::ACCESSOR != 0 {
                let (_, s) = self.accessor_parts(pv);
                if !s.is_undefined() {
                    self.call_function(s, obj, &[v])?;
                } else {
                    self.set_failed = Some(SetFail::GetterOnly);
                }
                return Ok(());
            }
            if f & shape::WRITABLE == 0 {
                self.set_failed = Some(SetFail::ReadOnly);
                return Ok(());
            }
        } else if self.typed_chain_holder(obj, key).is_some() {
            return Ok(());
        }
        if self.obj(obj).hdr.flags & FLAG_NOT_EXTENSIBLE != 0 {
            self.set_failed = Some(SetFail::NotExtensible);
            return Ok(());
        }
        self.add_own(obj, a, v, shape::DEFAULT);
        Ok(())
    }
    /// [[Set]] with a primitive receiver (ES2025 10.1.9.2 OrdinarySetWithOwnDescriptor on its
    /// wrapper's prototype): a setter on the chain runs with the primitive as `this`; any
    /// other store fails (`set_failed`), which strict code turns into a TypeError.
    fn set_on_primitive(&mut self, prim: Value, key: PropKey, v: Value) -> JsResult<()> {
        if prim.is_string()
            && match key {
                PropKey::Index(i) => (i as usize) < self.str_len(prim),
                PropKey::Atom(a) => a == atoms::LENGTH,
            }
        {
            self.set_failed = Some(SetFail::ReadOnly);
            return Ok(());
        }
        let proto = self.proto_for_primitive(prim);
        if let Some(p) = self.proxy_on_chain(proto, key) {
            let ok = self.proxy_set(p, key, v, prim)?;
            self.set_failed = (!ok).then_some(SetFail::Proxy);
            return Ok(());
        }
        self.set_failed = Some(match self.lookup(proto, key) {
            Some((_, pv, f)) if f & shape::ACCESSOR != 0 => {
                let (_, setter) = self.accessor_parts(pv);
                if setter.is_undefined() {
                    SetFail::GetterOnly
                } else {
                    self.call_function(setter, prim, &[v])?;
                    return Ok(());
                }
            }
            Some((_, _, f)) if f & shape::WRITABLE == 0 => SetFail::ReadOnly,
            _ => SetFail::Primitive,
        });
        Ok(())
    }

    /// After a failed store in strict code: the TypeError V8 would throw.
    pub fn strict_set_error(
        &mut self,
        fail: SetFail,
        obj: Value,
        key: PropKey,
    ) -> crate::js::vm::Thrown {
        let kv = self.key_value(key);
        let k = self.str_to_string(kv);
        if !obj.is_object() || self.class_of(obj) == CLASS_SYMBOL {
            let t = self.type_of(obj);
            let d = if obj.is_string() {
                self.str_to_string(obj)
            } else if obj.is_object() {
                self.symbol_descriptive(obj)
            } else {
                self.primitive_to_rust_string(obj)
            };
            let msg = match fail {
                SetFail::Primitive => format!("Cannot create property '{k}' on {t} '{d}'"),
                SetFail::GetterOnly => {
                    let mut c = t.chars();
                    let class: String = c
                        .next()
                        .map(|f| f.to_ascii_uppercase())
                        .into_iter()
                        .chain(c)
                        .collect();
                    format!("Cannot set property {k} of [object {class}] which has only a getter")
                }
                _ => format!("Cannot assign to read only property '{k}' of {t} '{d}'"),
            };
            return self.throw_type_error(&msg);
        }
        let mut k = k;
        if let (SetFail::ReadOnly, PropKey::Index(i)) = (fail, key)
            && self.is_array(obj)
            && self.obj(obj).xflags & XFLAG_LENGTH_RO != 0
            && i as f64 >= self.array_length(obj).as_number()
        {
            // The store failed on the array's read-only `length`, which V8 names.
            k = "length".to_string();
        }
        let what = if self.is_array(obj) {
            "[object Array]".to_string()
        } else {
            format!(
                "#<{}>",
                self.constructor_name_of(obj)
                    .unwrap_or_else(|| "Object".into())
            )
        };
        let msg = match fail {
            SetFail::ReadOnly => {
                format!("Cannot assign to read only property '{k}' of object '{what}'")
            }
            SetFail::GetterOnly => {
                format!("Cannot set property {k} of {what} which has only a getter")
            }
            SetFail::NotExtensible => format!("Cannot add property {k}, object is not extensible"),
            SetFail::Proxy => format!("'set' on proxy: trap returned falsish for property '{k}'"),
            SetFail::Primitive => format!("Cannot create property '{k}' on '{what}'"),
        };
        self.throw_type_error(&msg)
    }

    /// The name of the constructor on the prototype chain (for messages).
    pub fn constructor_name_of(&mut self, o: Value) -> Option<String> {
        let mut p = self.obj(o).proto;
        while p.is_object() {
            if let Some((loc, f)) = self.find_own(p, atoms::CONSTRUCTOR)
                && f & shape::ACCESSOR == 0
            {
                let c = self.read_loc(p, loc);
                if self.is_callable(c) {
                    return Some(self.function_name(c));
                }
            }
            p = self.obj(p).proto;
        }
        None
    }

    pub fn set_named(&mut self, obj: Value, a: Atom, v: Value) -> JsResult<()> {
        self.set(obj, PropKey::Atom(a), v)
    }

    pub fn has_own(&mut self, o: Value, key: PropKey) -> bool {
        self.get_own_raw(o, key).is_some()
    }

    /// [[Delete]] of an object that is not a proxy (`delete_property` dispatches).
    pub fn delete_own_ordinary(&mut self, o: Value, key: PropKey) -> bool {
        if !o.is_object() {
            return true;
        }
        if let PropKey::Index(i) = key
            && self.class_of(o) == CLASS_STRING
            && (i as usize) < self.str_len(self.obj(o).aux[0])
        {
            // A String object's characters are non-configurable (§10.4.3).
            return false;
        }
        if is_typed_class(self.class_of(o))
            && let Some(k) = self.ta_numeric_key(key)
        {
            return !self.ta_valid_index(o, k);
        }
        if let PropKey::Index(i) = key
            && self.has_elements(o)
            && (i >= self.obj(o).elem_len || !self.elems(o)[i as usize].is_empty())
        {
            let len = self.obj(o).elem_len;
            if i < len && self.obj(o).xflags & XFLAG_ELEMS_SEALED != 0 {
                return false;
            }
            if i >= len && !self.obj(o).aux[0].is_undefined() && self.class_of(o) == CLASS_ARRAY {
                // A sparse array's named element past the dense part.
                let a = self.index_atom(i);
                return self.delete_own_ordinary(o, PropKey::Atom(a));
            }
            if i < len {
                if i == len - 1 && self.class_of(o) != CLASS_ARRAY {
                    self.obj_mut(o).elem_len -= 1;
                } else {
                    self.elems_mut(o)[i as usize] = Value::EMPTY;
                }
            }
            return true;
        }
        let a = self.key_atom(key);
        if a == atoms::LENGTH && matches!(self.class_of(o), CLASS_ARRAY | CLASS_STRING) {
            return false;
        }
        if a == atoms::PROTOTYPE && self.class_of(o) == CLASS_CLOSURE {
            // Materialise a lazy (non-configurable) `prototype` so the checks below see it.
            self.get_own_raw(o, key);
        }
        if matches!(self.class_of(o), CLASS_CLOSURE | CLASS_NATIVE | CLASS_BOUND)
            && (a == atoms::ARGUMENTS || a == atoms::CALLER)
            && self.find_own(o, a).is_none()
        {
            return self.get_own_raw(o, key).is_none();
        }
        if matches!(self.class_of(o), CLASS_CLOSURE | CLASS_NATIVE | CLASS_BOUND)
            && (a == atoms::NAME || a == atoms::LENGTH)
        {
            match self.get_own_raw(o, key) {
                Some((_, f)) if f & shape::CONFIGURABLE == 0 => return false,
                None => return true,
                Some(_) => {}
            }
            self.obj_mut(o).xflags |= if a == atoms::NAME {
                XFLAG_NO_NAME
            } else {
                XFLAG_NO_LENGTH
            };
            self.touch(o);
        }
        match self.find_own(o, a) {
            None => return true,
            Some((_, f)) if f & shape::CONFIGURABLE == 0 => return false,
            Some(_) => {}
        }
        self.to_dict(o);
        let ob = self.obj_mut(o);
        // SAFETY: to_dict made dict non-null; it is owned by the object.
        let d = unsafe { &mut *ob.dict };
        if let Some(i) = d.index.remove(&a) {
            // Tombstone, compacting when more than half the entries are dead.
            d.entries[i] = (DELETED, Value::UNDEFINED, 0);
            d.dead += 1;
            if d.dead > 16 && d.dead * 2 > d.entries.len() {
                d.entries.retain(|e| e.0 != DELETED);
                d.dead = 0;
                d.index.clear();
                for (j, e) in d.entries.iter().enumerate() {
                    d.index.insert(e.0, j);
                }
            }
        }
        self.touch(o);
        true
    }

    /// The TypeError of a failed `delete` in strict code.
    pub fn delete_error(&mut self, o: Value, key: PropKey) -> crate::js::vm::Thrown {
        let kv = self.key_value(key);
        let k = self.str_to_string(kv);
        if self.is_proxy(o) {
            return self.throw_type_error(&format!(
                "'deleteProperty' on proxy: trap returned falsish for property '{k}'"
            ));
        }
        let what = format!(
            "#<{}>",
            self.constructor_name_of(o)
                .unwrap_or_else(|| "Object".into())
        );
        self.throw_type_error(&format!("Cannot delete property '{k}' of {what}"))
    }

    /// Own string keys in spec order: indices ascending, then names in insertion order.
    pub fn own_keys(&mut self, o: Value, only_enumerable: bool) -> Vec<PropKey> {
        let mut out = Vec::new();
        let class = self.class_of(o);
        if matches!(class, CLASS_ARRAY | CLASS_ARGUMENTS) {
            for (i, v) in self.elems(o).iter().enumerate() {
                if !v.is_empty() {
                    out.push(PropKey::Index(i as u32));
                }
            }
        } else if class == CLASS_STRING {
            let n = self.str_len(self.obj(o).aux[0]);
            out.extend((0..n as u32).map(PropKey::Index));
        } else if is_typed_class(class) {
            let n = self.ta_length_or_zero(o);
            out.extend((0..n as u32).map(PropKey::Index));
        }
        let named: Vec<(Atom, u8)> = {
            let ob = self.obj(o);
            if !ob.dict.is_null() {
                // SAFETY: dict owned by the object.
                unsafe {
                    (&*ob.dict)
                        .entries
                        .iter()
                        .filter(|e| e.0 != DELETED)
                        .map(|e| (e.0, e.2))
                        .collect()
                }
            } else {
                self.shapes.get(ob.shape).keys.clone()
            }
        };
        let mut ints: Vec<(u32, Atom)> = Vec::new();
        let mut rest = Vec::new();
        for (a, f) in named {
            if (only_enumerable && f & shape::ENUMERABLE == 0)
                || self.symbol_atoms.contains(&a)
                || self.private_atoms.contains(&a)
            {
                continue;
            }
            match parse_index(self.str_units(self.atom_value(a))) {
                Some(i) => ints.push((i, a)),
                None => rest.push(PropKey::Atom(a)),
            }
        }
        ints.sort();
        if !ints.is_empty() && !out.is_empty() {
            // Named index properties of arrays (sparse or with attributes) interleave with
            // the dense elements.
            let mut all: Vec<(u32, PropKey)> = out
                .drain(..)
                .map(|k| match k {
                    PropKey::Index(i) => (i, k),
                    _ => (0, k),
                })
                .collect();
            all.extend(ints.into_iter().map(|(i, a)| (i, PropKey::Atom(a))));
            all.sort_by_key(|e| e.0);
            out.extend(all.into_iter().map(|e| e.1));
        } else {
            out.extend(ints.into_iter().map(|(_, a)| PropKey::Atom(a)));
        }
        out.extend(rest);
        out
    }

    /// Every own key stored on `o` (elements, names, then symbols), enumerable or not;
    /// virtual properties (function `name`/`length`, array `length`) are not included.
    pub fn own_keys_all(&mut self, o: Value) -> Vec<PropKey> {
        let mut out = self.own_keys(o, false);
        out.extend(self.own_symbol_keys(o));
        out
    }
    /// Own symbol-keyed properties in insertion order.
    pub fn own_symbol_keys(&mut self, o: Value) -> Vec<PropKey> {
        let ob = self.obj(o);
        let named: Vec<Atom> = if !ob.dict.is_null() {
            // SAFETY: dict owned by the object.
            unsafe {
                (&*ob.dict)
                    .entries
                    .iter()
                    .filter(|e| e.0 != DELETED)
                    .map(|e| e.0)
                    .collect()
            }
        } else {
            self.shapes.get(ob.shape).keys.iter().map(|k| k.0).collect()
        };
        named
            .into_iter()
            .filter(|a| self.symbol_atoms.contains(a))
            .map(PropKey::Atom)
            .collect()
    }
    /// [[OwnPropertyKeys]]: own_keys_all plus the virtual properties, in spec order.
    pub fn own_property_keys(&mut self, o: Value) -> Vec<PropKey> {
        let mut strs = self.own_keys(o, false);
        let class = self.class_of(o);
        let first_name = strs
            .iter()
            .position(|k| match k {
                PropKey::Index(_) => false,
                PropKey::Atom(a) => parse_index(self.str_units(self.atom_value(*a))).is_none(),
            })
            .unwrap_or(strs.len());
        let mut virt = Vec::new();
        let candidates: &[Atom] = match class {
            CLASS_ARRAY | CLASS_STRING | CLASS_ARGUMENTS => &[atoms::LENGTH],
            CLASS_CLOSURE | CLASS_NATIVE | CLASS_BOUND => &[
                atoms::LENGTH,
                atoms::NAME,
                atoms::ARGUMENTS,
                atoms::CALLER,
                atoms::PROTOTYPE,
            ],
            _ => &[],
        };
        for &a in candidates {
            if self.find_own(o, a).is_none() && self.get_own_raw(o, PropKey::Atom(a)).is_some() {
                virt.push(PropKey::Atom(a));
            }
        }
        strs.splice(first_name..first_name, virt);
        strs.extend(self.own_symbol_keys(o));
        strs
    }

    /// Converts any value to a property key (ToPropertyKey).
    pub fn to_property_key(&mut self, v: Value) -> JsResult<PropKey> {
        if v.is_int() && v.as_int() >= 0 {
            return Ok(PropKey::Index(v.as_int() as u32));
        }
        if v.is_object() && self.class_of(v) == CLASS_SYMBOL {
            return Ok(PropKey::Atom(Atom(self.obj(v).aux[0].as_int() as u32)));
        }
        if v.is_string() {
            return Ok(self.key_from_str(v));
        }
        if v.is_double() {
            let f = v.as_double();
            if f >= 0.0 && f < u32::MAX as f64 && f == f.trunc() {
                return Ok(PropKey::Index(f as u32));
            }
        }
        if self.is_spec_object(v) {
            // ES2025 7.1.19: ToPrimitive(hint string) may give a symbol, itself the key.
            let p = self.to_primitive(v, crate::js::interp::convert::Hint::String)?;
            return self.to_property_key(p);
        }
        let s = self.to_string(v)?;
        Ok(self.key_from_str(s))
    }
}

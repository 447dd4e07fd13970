//! `#[repr(C)]` layouts of every garbage-collected cell. Field offsets are a contract with the
//! JIT (it loads the shape, slots and elements of objects directly): see the `OFF_*` constants.

use crate::js::shape::Shape;
use crate::js::value::Value;

/// Cell kinds (first header byte). 0 marks a free cell.
pub const KIND_FREE: u8 = 0;
pub const KIND_STRING: u8 = 1;
pub const KIND_OBJECT: u8 = 2;
pub const KIND_ENV: u8 = 3;
pub const KIND_ACCESSOR: u8 = 4;
pub const KIND_BIGINT: u8 = 5;

/// Every cell starts with this 8-byte header.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct CellHeader {
    pub kind: u8,
    pub mark: u8,
    /// Object class (objects only).
    pub class: u8,
    /// Object flags (objects only), see `object::FLAG_*`.
    pub flags: u8,
    /// Kind-specific: env slot count, iterator kind, ...
    pub aux: u32,
}

/// A string: UTF-16 code units in the cell itself after these fields (flag [`STR_INLINE`],
/// strings of up to `string::INLINE_UNITS` units), in an owned out-of-line buffer, or (flag
/// [`STR_ROPE`]) a concatenation `left + right` flattened on first use of its units.
#[repr(C)]
pub struct StrCell {
    pub hdr: CellHeader,
    /// Code units (null for an unflattened rope or the empty string).
    pub data: *mut u16,
    /// Length in code units (also for ropes).
    pub len: usize,
    /// The string's atom + 1 once it was used as a property key (0 = not known): strings
    /// are immutable, so the key is looked up in the atom table once per cell.
    pub atom: u64,
    pub left: Value,
    pub right: Value,
}
/// `CellHeader::flags` bit of an unflattened rope string.
pub const STR_ROPE: u8 = 1;
/// `CellHeader::flags` bit of a string whose units lie in its own cell (`data` points there;
/// nothing to free).
pub const STR_INLINE: u8 = 2;
pub const OFF_STR_LEN: usize = 16;

/// An object of any class (plain, array, function, error, ...).
#[repr(C)]
pub struct ObjCell {
    pub hdr: CellHeader,
    /// Hidden class (never null; dictionary-mode objects use the dictionary shape).
    pub shape: *const Shape,
    /// Named-property slots (`slot_cap` values, unused ones undefined).
    pub slots: *mut Value,
    /// Indexed elements (arrays, arguments, bound args): `elem_cap` values, `elem_len` used.
    pub elements: *mut Value,
    pub elem_len: u32,
    pub elem_cap: u32,
    /// `[[Prototype]]` (an object or null).
    pub proto: Value,
    pub slot_cap: u32,
    /// Per-object extra bits (`object::XFLAG_*`): deleted virtual properties of functions.
    pub xflags: u32,
    /// Class-specific values (closure env, home object, bound target, wrapped primitive, ...).
    pub aux: [Value; 3],
    /// Closure: `*const FunctionCode`; native function: its index; iterator: position.
    pub code: usize,
    /// Dictionary-mode property storage (null otherwise).
    pub dict: *mut crate::js::object::Dict,
    /// Map/Set storage (null otherwise).
    pub map: *mut crate::js::object::MapData,
    /// Cache of the root shape for objects whose prototype is this object (null until used).
    pub child_root: *const Shape,
    /// ArrayBuffer bytes (null otherwise).
    pub buf: *mut crate::js::typed::BufData,
}

impl ObjCell {
    /// Where the slots of an object allocated with room for them in its cell start: right
    /// after these fields (`Vm::new_object_for_fields`).
    pub fn inline_slots(&self) -> *mut Value {
        (self as *const ObjCell).wrapping_add(1) as *mut Value
    }
    /// Whether `slots` is a buffer of its own (from `heap::alloc_values`), to free when the
    /// slots move or the object dies, rather than the cell's inline slots.
    pub fn owns_slots(&self) -> bool {
        self.slots != self.inline_slots()
    }
}

pub const OFF_SHAPE: usize = 8;
pub const OFF_SLOTS: usize = 16;
pub const OFF_ELEMENTS: usize = 24;
pub const OFF_ELEM_LEN: usize = 32;
pub const OFF_PROTO: usize = 40;

/// A closure environment (context): parent plus inline slots.
#[repr(C)]
pub struct EnvCell {
    pub hdr: CellHeader,
    pub parent: Value,
    pub slots: [Value; 0],
}
pub const OFF_ENV_SLOTS: usize = 16;

/// A getter/setter pair stored in an accessor property's slot.
#[repr(C)]
pub struct AccessorCell {
    pub hdr: CellHeader,
    pub getter: Value,
    pub setter: Value,
}

/// A BigInt value (`js::bigint`): immutable, no outgoing references; its digits are owned
/// out of line by the `BigInt` and dropped when the cell is finalised.
#[repr(C)]
pub struct BigIntCell {
    pub hdr: CellHeader,
    pub value: num_bigint::BigInt,
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn offsets() {
        assert_eq!(std::mem::offset_of!(ObjCell, shape), OFF_SHAPE);
        assert_eq!(std::mem::offset_of!(ObjCell, slots), OFF_SLOTS);
        assert_eq!(std::mem::offset_of!(ObjCell, elements), OFF_ELEMENTS);
        assert_eq!(std::mem::offset_of!(ObjCell, elem_len), OFF_ELEM_LEN);
        assert_eq!(std::mem::offset_of!(ObjCell, proto), OFF_PROTO);
        assert_eq!(std::mem::offset_of!(EnvCell, slots), OFF_ENV_SLOTS);
    }
}

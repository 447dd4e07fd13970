//! Interned property names ("atoms"): each distinct name gets a small integer id and one
//! rooted string value. Shapes and inline caches key properties by atom.

use crate::js::hash::FxHashMap as HashMap;

use crate::js::value::Value;

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub struct Atom(pub u32);

#[derive(Default)]
pub struct AtomTable {
    pub map: HashMap<Vec<u16>, Atom>,
    /// The string value of each atom (GC roots).
    pub strings: Vec<Value>,
    /// The atom strings of the one-unit strings below [`UNIT_STRINGS`], indexed by unit
    /// (`Value::UNDEFINED` until first asked for; see `Vm::unit_str`).
    pub unit_strings: Vec<Value>,
}

/// One-unit strings below this unit are shared atom strings (`Vm::unit_str`).
pub const UNIT_STRINGS: usize = 128;

/// Names interned at startup, in this order, so their atoms are constants.
pub const PREDEFINED: &[&str] = &[
    "length",
    "prototype",
    "constructor",
    "name",
    "message",
    "__proto__",
    "toString",
    "valueOf",
    "stack",
    "callee",
    "value",
    "done",
    "next",
    "get",
    "set",
    "cause",
    "toJSON",
    "enumerable",
    "writable",
    "configurable",
    "",
    "then",
    "arguments",
    "caller",
    "undefined",
    "object",
    "boolean",
    "number",
    "string",
    "symbol",
    "function",
    "bigint",
];

pub const LENGTH: Atom = Atom(0);
pub const PROTOTYPE: Atom = Atom(1);
pub const CONSTRUCTOR: Atom = Atom(2);
pub const NAME: Atom = Atom(3);
pub const MESSAGE: Atom = Atom(4);
pub const PROTO: Atom = Atom(5);
pub const TO_STRING: Atom = Atom(6);
pub const VALUE_OF: Atom = Atom(7);
pub const STACK: Atom = Atom(8);
pub const CALLEE: Atom = Atom(9);
pub const VALUE: Atom = Atom(10);
pub const DONE: Atom = Atom(11);
pub const NEXT: Atom = Atom(12);
pub const GET: Atom = Atom(13);
pub const SET: Atom = Atom(14);
pub const CAUSE: Atom = Atom(15);
pub const TO_JSON: Atom = Atom(16);
pub const ENUMERABLE: Atom = Atom(17);
pub const WRITABLE: Atom = Atom(18);
pub const CONFIGURABLE: Atom = Atom(19);
pub const EMPTY_STR: Atom = Atom(20);
pub const THEN: Atom = Atom(21);
pub const ARGUMENTS: Atom = Atom(22);
pub const CALLER: Atom = Atom(23);
/// The results of `typeof` (`Vm::type_of_atom`).
pub const UNDEFINED: Atom = Atom(24);
pub const OBJECT: Atom = Atom(25);
pub const BOOLEAN: Atom = Atom(26);
pub const NUMBER: Atom = Atom(27);
pub const STRING: Atom = Atom(28);
pub const SYMBOL: Atom = Atom(29);
pub const FUNCTION: Atom = Atom(30);
pub const BIGINT: Atom = Atom(31);

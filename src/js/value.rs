//! NaN-boxed JavaScript values: the 64-bit representation shared by the interpreter and the JIT.
//!
//! Layout (u64 bits):
//! - `< DOUBLE_LIMIT` (0xFFF9_0000_0000_0000): an IEEE double stored as-is; every NaN is
//!   [`CANONICAL_NAN`].
//! - `0xFFF9_0000_xxxx_xxxx`: an int32 (payload in the low 32 bits).
//! - `0xFFFA_0000_0000_00nn`: immediates (undefined, null, false, true, internal sentinels).
//! - `0xFFFB`/`0xFFFC`/`0xFFFD` in bits 63..48: string / object / internal-cell pointers (48-bit
//!   address in the low bits).
//!
//! Numbers that are int32-representable (and not -0) are normalised to the int32 form by
//! [`Value::number`]; every consumer still accepts both forms.

/// Values below this are doubles.
pub const DOUBLE_LIMIT: u64 = 0xFFF9_0000_0000_0000;
/// The only NaN bit pattern stored in a value.
pub const CANONICAL_NAN: u64 = 0x7FF8_0000_0000_0000;
/// int32 tag (whole upper 32 bits).
pub const TAG_INT32: u64 = 0xFFF9_0000_0000_0000;
/// Upper 32 bits of an int32 value (`cmp wTag, x, lsr #32`).
pub const INT32_TAG_HI: u32 = 0xFFF9_0000;
/// Tag of the immediates in bits 63..48.
pub const TAG_MISC: u64 = 0xFFFA_0000_0000_0000;
pub const UNDEFINED: u64 = 0xFFFA_0000_0000_0000;
pub const NULL: u64 = 0xFFFA_0000_0000_0001;
pub const FALSE: u64 = 0xFFFA_0000_0000_0002;
pub const TRUE: u64 = 0xFFFA_0000_0000_0003;
/// Array hole / TDZ "not yet initialised" marker. Never visible to JavaScript.
pub const EMPTY: u64 = 0xFFFA_0000_0000_0004;
/// Pointer tags (bits 63..48).
pub const TAG_STRING: u64 = 0xFFFB_0000_0000_0000;
pub const TAG_OBJECT: u64 = 0xFFFC_0000_0000_0000;
pub const TAG_CELL: u64 = 0xFFFD_0000_0000_0000;
/// `asr x, v, #48` of a string / object / internal-cell pointer.
pub const ASR48_STRING: i64 = -5;
pub const ASR48_OBJECT: i64 = -4;
pub const ASR48_CELL: i64 = -3;
pub const TAG_MASK: u64 = 0xFFFF_0000_0000_0000;
pub const PAYLOAD_MASK: u64 = 0x0000_FFFF_FFFF_FFFF;

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct Value(pub u64);

impl Default for Value {
    fn default() -> Self {
        Value::UNDEFINED
    }
}

impl Value {
    pub const UNDEFINED: Value = Value(UNDEFINED);
    pub const NULL: Value = Value(NULL);
    pub const TRUE: Value = Value(TRUE);
    pub const FALSE: Value = Value(FALSE);
    pub const EMPTY: Value = Value(EMPTY);
    pub const NAN: Value = Value(CANONICAL_NAN);

    #[inline]
    pub fn int(i: i32) -> Value {
        Value(TAG_INT32 | (i as u32 as u64))
    }
    /// A double, stored as-is (NaN canonicalised). Does not normalise to int32.
    #[inline]
    pub fn double(f: f64) -> Value {
        if f.is_nan() {
            Value(CANONICAL_NAN)
        } else {
            Value(f.to_bits())
        }
    }
    /// A number: int32 form when exactly representable (and not -0), else a double.
    #[inline]
    pub fn number(f: f64) -> Value {
        let i = f as i32;
        if i as f64 == f && (i != 0 || f.to_bits() == 0) {
            Value::int(i)
        } else {
            Value::double(f)
        }
    }
    #[inline]
    pub fn bool(b: bool) -> Value {
        if b { Value::TRUE } else { Value::FALSE }
    }
    #[inline]
    pub fn is_int(self) -> bool {
        (self.0 >> 32) as u32 == INT32_TAG_HI
    }
    #[inline]
    pub fn is_double(self) -> bool {
        self.0 < DOUBLE_LIMIT
    }
    #[inline]
    pub fn is_number(self) -> bool {
        self.0 < DOUBLE_LIMIT || self.is_int()
    }
    #[inline]
    pub fn as_int(self) -> i32 {
        self.0 as u32 as i32
    }
    #[inline]
    pub fn as_double(self) -> f64 {
        f64::from_bits(self.0)
    }
    /// The numeric value of a number (int32 or double).
    #[inline]
    pub fn as_number(self) -> f64 {
        if self.is_int() {
            self.as_int() as f64
        } else {
            self.as_double()
        }
    }
    #[inline]
    pub fn is_undefined(self) -> bool {
        self.0 == UNDEFINED
    }
    #[inline]
    pub fn is_null(self) -> bool {
        self.0 == NULL
    }
    #[inline]
    pub fn is_nullish(self) -> bool {
        self.0 == UNDEFINED || self.0 == NULL
    }
    #[inline]
    pub fn is_bool(self) -> bool {
        self.0 == TRUE || self.0 == FALSE
    }
    #[inline]
    pub fn is_empty(self) -> bool {
        self.0 == EMPTY
    }
    #[inline]
    pub fn tag(self) -> u64 {
        self.0 & TAG_MASK
    }
    #[inline]
    pub fn is_string(self) -> bool {
        self.tag() == TAG_STRING
    }
    #[inline]
    pub fn is_object(self) -> bool {
        self.tag() == TAG_OBJECT
    }
    #[inline]
    pub fn is_cell(self) -> bool {
        self.tag() == TAG_CELL
    }
    /// Any heap pointer (string, object or internal cell).
    #[inline]
    pub fn is_heap(self) -> bool {
        self.0 >= TAG_STRING && self.tag() <= TAG_CELL
    }
    #[inline]
    pub fn payload(self) -> usize {
        (self.0 & PAYLOAD_MASK) as usize
    }
    #[inline]
    pub fn from_ptr(tag: u64, addr: usize) -> Value {
        debug_assert!(addr as u64 & TAG_MASK == 0);
        Value(tag | addr as u64)
    }
    pub fn truthy_primitive(self) -> Option<bool> {
        if self.is_int() {
            return Some(self.as_int() != 0);
        }
        if self.is_double() {
            let f = self.as_double();
            return Some(!(f == 0.0 || f.is_nan()));
        }
        match self.0 {
            TRUE => Some(true),
            FALSE | UNDEFINED | NULL => Some(false),
            _ => None,
        }
    }
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.is_int() {
            write!(f, "int({})", self.as_int())
        } else if self.is_double() {
            write!(f, "double({})", self.as_double())
        } else {
            write!(f, "Value({:#018x})", self.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn boxing() {
        assert!(Value::number(3.0).is_int());
        assert!(Value::number(-0.0).is_double());
        assert_eq!(Value::number(f64::NAN).0, CANONICAL_NAN);
        assert_eq!(Value::int(-1).as_int(), -1);
        assert!(Value::int(-1).is_number());
        assert!(!Value::UNDEFINED.is_number());
        assert_eq!(
            (Value::from_ptr(TAG_OBJECT, 0x1000).0 as i64) >> 48,
            ASR48_OBJECT
        );
        assert_eq!(
            (Value::from_ptr(TAG_STRING, 0x1000).0 as i64) >> 48,
            ASR48_STRING
        );
    }
}

//! Typed arrays as objects: buffer access, the length/bounds records of views
//! (ECMA-262 2025 §10.4.5.9–§10.4.5.16 TypedArray With Buffer Witness Records,
//! IsTypedArrayOutOfBounds, TypedArrayLength, IsValidIntegerIndex) and the integer-indexed
//! exotic object behaviour for canonical numeric string keys (§10.4.5.1–§10.4.5.7) that the
//! generic property operations in `js::object`/`js::define` call into.

use super::{BufData, Kind, read, read_bits64, write, write_bits64};
use crate::js::atoms::Atom;
use crate::js::bigint::convert::bits64;
use crate::js::format::number::number_to_string;
use crate::js::interp::convert::string_to_number;
use crate::js::object::*;
use crate::js::value::Value;
use crate::js::vm::{JsResult, Vm};

/// A canonical numeric key: an index the view may have, or a number that is never one.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NumKey {
    Index(usize),
    Invalid,
}

impl Vm {
    /// The element type of a typed array object.
    #[inline]
    pub fn ta_kind(&self, v: Value) -> Option<Kind> {
        if v.is_object() {
            Kind::from_class(self.class_of(v))
        } else {
            None
        }
    }
    /// An `ArrayBuffer` (not shared).
    pub fn is_array_buffer(&self, v: Value) -> bool {
        self.is_any_buffer(v) && !self.buf_data(v).shared
    }
    /// A `SharedArrayBuffer`.
    pub fn is_shared_buffer(&self, v: Value) -> bool {
        self.is_any_buffer(v) && self.buf_data(v).shared
    }
    /// Either kind of buffer (what views can be made over).
    pub fn is_any_buffer(&self, v: Value) -> bool {
        v.is_object() && self.class_of(v) == CLASS_ARRAY_BUFFER
    }
    /// The storage of an ArrayBuffer object.
    pub fn buf_data(&self, buf: Value) -> &BufData {
        let p = self.obj(buf).buf;
        assert!(!p.is_null(), "ArrayBuffer without storage");
        // SAFETY: an ArrayBuffer owns its boxed BufData from creation until it is finalised;
        // the shared borrow of the VM keeps it alive and unmodified.
        unsafe { &*p }
    }
    pub fn buf_data_mut(&mut self, buf: Value) -> &mut BufData {
        let p = self.obj(buf).buf;
        assert!(!p.is_null(), "ArrayBuffer without storage");
        // SAFETY: as in buf_data, with the exclusive borrow of the VM.
        unsafe { &mut *p }
    }
    pub fn is_detached(&self, buf: Value) -> bool {
        self.buf_data(buf).detached
    }
    /// The buffer of a view (typed array or DataView).
    pub fn view_buffer(&self, v: Value) -> Value {
        self.obj(v).aux[0]
    }
    pub fn view_offset(&self, v: Value) -> usize {
        self.obj(v).aux[1].as_number() as usize
    }
    /// A view's fixed length (elements or bytes), or None when it tracks its buffer.
    pub fn view_fixed_len(&self, v: Value) -> Option<usize> {
        let l = self.obj(v).aux[2];
        if l.is_undefined() {
            None
        } else {
            Some(l.as_number() as usize)
        }
    }

    /// TypedArrayLength of a typed array, or None when it is out of bounds or its buffer
    /// is detached (IsTypedArrayOutOfBounds).
    pub fn ta_length(&self, o: Value) -> Option<usize> {
        let kind = self.ta_kind(o)?;
        let buf = self.view_buffer(o);
        let d = self.buf_data(buf);
        if d.detached {
            return None;
        }
        let blen = d.bytes.len();
        let off = self.view_offset(o);
        match self.view_fixed_len(o) {
            Some(n) => (off + n * kind.size() <= blen).then_some(n),
            None => (off <= blen).then(|| (blen - off) / kind.size()),
        }
    }
    /// The length, 0 when out of bounds (the `length` getter's answer).
    pub fn ta_length_or_zero(&self, o: Value) -> usize {
        self.ta_length(o).unwrap_or(0)
    }
    /// ValidateTypedArray: the length of a typed array that is in bounds, or a TypeError.
    pub fn validate_ta(&mut self, o: Value, what: &str) -> JsResult<(Kind, usize)> {
        let Some(kind) = self.ta_kind(o) else {
            return Err(self.throw_type_error(&format!("this is not a typed array. ({what})")));
        };
        match self.ta_length(o) {
            Some(n) => Ok((kind, n)),
            None => {
                Err(self
                    .throw_type_error(&format!("Cannot perform {what} on a detached ArrayBuffer")))
            }
        }
    }

    /// Element `i` of a typed array (None when not a valid integer index): a number, or a
    /// new BigInt for the BigInt element types.
    pub fn ta_get(&mut self, o: Value, i: usize) -> Option<Value> {
        let kind = self.ta_kind(o)?;
        if i >= self.ta_length(o)? {
            return None;
        }
        let at = self.view_offset(o) + i * kind.size();
        let d = self.buf_data(self.view_buffer(o));
        if kind.is_bigint() {
            let bits = read_bits64(&d.bytes, at)?;
            return Some(self.bigint_from_bits(bits, kind == Kind::BigInt64));
        }
        read(kind, &d.bytes, at).map(Value::number)
    }
    /// Stores an element value (already converted by [`Vm::to_ta_element`]: a number, or a
    /// BigInt for the BigInt element types) into element `i` if it is a valid integer index.
    pub fn ta_put(&mut self, o: Value, i: usize, v: Value) {
        let Some(kind) = self.ta_kind(o) else {
            return;
        };
        if self.ta_length(o).is_none_or(|len| i >= len) {
            return;
        }
        let at = self.view_offset(o) + i * kind.size();
        let buf = self.view_buffer(o);
        if kind.is_bigint() {
            if self.is_bigint(v) {
                let bits = bits64(self.bigint(v));
                write_bits64(&mut self.buf_data_mut(buf).bytes, at, bits);
            }
        } else if v.is_number() {
            write(kind, &mut self.buf_data_mut(buf).bytes, at, v.as_number());
        }
    }
    /// The conversion of a value stored into a `kind` element: ToBigInt for the BigInt types,
    /// else ToNumber.
    pub fn to_ta_element(&mut self, kind: Kind, v: Value) -> JsResult<Value> {
        if kind.is_bigint() {
            self.to_bigint(v)
        } else {
            self.to_number_value(v)
        }
    }

    /// CanonicalNumericIndexString of an atom: its number, if it is one.
    pub fn canonical_numeric(&self, a: Atom) -> Option<f64> {
        if self.symbol_atoms.contains(&a) {
            return None;
        }
        let u = self.str_units(self.atom_value(a));
        let first = *u.first()?;
        if !(first == b'-' as u16
            || first == b'I' as u16
            || first == b'N' as u16
            || (b'0' as u16..=b'9' as u16).contains(&first))
        {
            return None;
        }
        let s = String::from_utf16_lossy(u);
        if s == "-0" {
            return Some(-0.0);
        }
        let n = string_to_number(&s);
        (number_to_string(n) == s).then_some(n)
    }
    /// The numeric meaning of a key for a typed array (None for ordinary keys).
    pub fn ta_numeric_key(&self, key: PropKey) -> Option<NumKey> {
        match key {
            PropKey::Index(i) => Some(NumKey::Index(i as usize)),
            PropKey::Atom(a) => {
                let n = self.canonical_numeric(a)?;
                Some(
                    if n.is_finite()
                        && n >= 0.0
                        && n.trunc() == n
                        && !(n == 0.0 && n.is_sign_negative())
                    {
                        if n < 9007199254740992.0 {
                            NumKey::Index(n as usize)
                        } else {
                            NumKey::Invalid
                        }
                    } else {
                        NumKey::Invalid
                    },
                )
            }
        }
    }
    /// IsValidIntegerIndex.
    pub fn ta_valid_index(&self, o: Value, k: NumKey) -> bool {
        match k {
            NumKey::Index(i) => self.ta_length(o).is_some_and(|n| i < n),
            NumKey::Invalid => false,
        }
    }
    /// [[GetOwnProperty]] of a numeric key: Some(element) or Some(None) when absent; None
    /// for keys that are not numeric (ordinary lookup).
    pub fn ta_own(&mut self, o: Value, key: PropKey) -> Option<Option<Value>> {
        let k = self.ta_numeric_key(key)?;
        Some(match k {
            NumKey::Index(i) => self.ta_get(o, i),
            NumKey::Invalid => None,
        })
    }
    /// [[Set]] of a numeric key with the typed array itself as receiver (§10.4.5.5):
    /// converts the value, then stores it if the index is valid. None for other keys.
    pub fn ta_set(&mut self, o: Value, key: PropKey, v: Value) -> Option<JsResult<()>> {
        let k = self.ta_numeric_key(key)?;
        Some(self.ta_set_value(o, k, v))
    }
    /// TypedArraySetElement (§10.4.5.16).
    pub fn ta_set_value(&mut self, o: Value, k: NumKey, v: Value) -> JsResult<()> {
        let Some(kind) = self.ta_kind(o) else {
            return Ok(());
        };
        let n = self.to_ta_element(kind, v)?;
        if let NumKey::Index(i) = k {
            self.ta_put(o, i, n);
        }
        Ok(())
    }

    /// After a [[Get]]-style lookup of `key` from `o` found nothing: the typed array on the
    /// chain that answered it (a numeric key it has no element for), if any. An ordinary
    /// [[Set]] through that chain then reaches that typed array's [[Set]], which stores
    /// nothing and succeeds (§10.4.5.5).
    pub fn typed_chain_holder(&self, o: Value, key: PropKey) -> Option<Value> {
        let mut cur = o;
        let mut depth = 0;
        while cur.is_object() && depth < 10_000 {
            if is_typed_class(self.class_of(cur)) {
                return self.ta_numeric_key(key).map(|_| cur);
            }
            cur = self.obj(cur).proto;
            depth += 1;
        }
        None
    }
    /// IsTypedArrayFixedLength (§10.4.5.18): not length-tracking and not over a resizable
    /// buffer. Only such a typed array may become non-extensible.
    pub fn ta_fixed_length(&self, o: Value) -> bool {
        self.view_fixed_len(o).is_some() && self.buf_data(self.view_buffer(o)).max.is_none()
    }
}

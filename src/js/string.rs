//! JavaScript strings: immutable UTF-16 code-unit sequences in `StrCell`s.

use crate::js::atoms::UNIT_STRINGS;
use crate::js::heap::cells::{KIND_STRING, STR_INLINE, STR_ROPE, StrCell};
use crate::js::value::{TAG_STRING, Value};
use crate::js::vm::Vm;

/// Strings of at most this many code units keep them in their own cell (a cell of at most
/// 128 bytes): no separate buffer to allocate, free or chase.
pub const INLINE_UNITS: usize = 40;

/// Concatenations up to this many units are copied into a flat string; longer ones are
/// ropes, flattened on first read of their units.
const FLAT_CONCAT_MAX: usize = 32;

impl Vm {
    /// Allocates a string from UTF-16 code units.
    pub fn new_str_units(&mut self, units: &[u16]) -> Value {
        self.new_str_from(&[units])
    }

    /// Allocates the string of `parts` one after the other (their total length at most
    /// [`MAX_STRING_LEN`]): one allocation for a short string (units in the cell), two for a
    /// long one, and no intermediate copy.
    pub fn new_str_from(&mut self, parts: &[&[u16]]) -> Value {
        let len: usize = parts.iter().map(|p| p.len()).sum();
        let inline = len <= INLINE_UNITS;
        let head = std::mem::size_of::<StrCell>();
        let size = if inline { head + 2 * len } else { head };
        let p = self.heap.alloc_cell(size, KIND_STRING) as *mut StrCell;
        let data = if len == 0 {
            std::ptr::null_mut()
        } else if inline {
            // SAFETY: the cell has room for `len` units after its fields (`size` above).
            unsafe { (p as *mut u8).add(head) as *mut u16 }
        } else {
            self.heap.note_alloc(len * 2);
            let mut v: Vec<u16> = Vec::with_capacity(len);
            for part in parts {
                v.extend_from_slice(part);
            }
            Box::into_raw(v.into_boxed_slice()) as *mut u16
        };
        // SAFETY: p is a freshly allocated, zeroed StrCell (with room for the units when
        // inline); `parts` cannot overlap the new cell, and an inline `data` has room for
        // exactly `len` units.
        unsafe {
            if inline && len > 0 {
                (*p).hdr.flags = STR_INLINE;
                let mut at = data;
                for part in parts {
                    std::ptr::copy_nonoverlapping(part.as_ptr(), at, part.len());
                    at = at.add(part.len());
                }
            }
            (*p).data = data;
            (*p).len = len;
        }
        Value::from_ptr(TAG_STRING, p as usize)
    }

    /// The one-unit string of `c`: a shared (permanent atom) string for ASCII units, so
    /// `charAt`, `s[i]` and one-unit `substring`s of ASCII text allocate nothing.
    pub fn unit_str(&mut self, c: u16) -> Value {
        let i = c as usize;
        if i >= UNIT_STRINGS {
            return self.new_str_units(&[c]);
        }
        if let Some(&v) = self.atoms.unit_strings.get(i)
            && !v.is_undefined()
        {
            return v;
        }
        let a = self.intern_units(&[c]);
        let v = self.atom_value(a);
        let t = &mut self.atoms.unit_strings;
        if t.len() < UNIT_STRINGS {
            t.resize(UNIT_STRINGS, Value::UNDEFINED);
        }
        t[i] = v;
        v
    }

    /// The units `b..e` of the string `s` (`b <= e <= length`) as a string value: `s` itself
    /// when that is all of it, else a copy of just those units (O(e − b), never of `s`).
    pub fn substr_of(&mut self, s: Value, b: usize, e: usize) -> Value {
        let len = self.str_len(s);
        debug_assert!(b <= e && e <= len);
        if b == 0 && e == len {
            return s;
        }
        if b == e {
            return self.atom_value(crate::js::atoms::EMPTY_STR);
        }
        let units = &self.str_units(s)[b..e];
        if let [c] = *units {
            return self.unit_str(c);
        }
        let (p, n) = (units.as_ptr(), units.len());
        // SAFETY: `p..p+n` lies in the unit buffer of the live flat string `s`. Allocation
        // never collects (nothing is freed) and cells and their buffers never move; strings
        // are immutable, so the units stay valid and unchanged while they are copied.
        let units = unsafe { std::slice::from_raw_parts(p, n) };
        self.new_str_units(units)
    }

    pub fn new_str(&mut self, s: &str) -> Value {
        let units: Vec<u16> = s.encode_utf16().collect();
        self.new_str_units(&units)
    }

    /// The code units of a string value (flattening a rope first). The borrow ends before any
    /// allocation can collect.
    pub fn str_units(&self, v: Value) -> &[u16] {
        debug_assert!(v.is_string());
        let p = v.payload() as *const StrCell;
        // SAFETY: v points at a live StrCell.
        if unsafe { (*p).hdr.flags } & STR_ROPE != 0 {
            flatten(p as *mut StrCell);
        }
        // SAFETY: v is a string-tagged value pointing at a live StrCell; `data` holds `len`
        // units that stay alive and unchanged (strings are immutable) while &self is borrowed.
        unsafe {
            if (*p).len == 0 {
                &[]
            } else {
                std::slice::from_raw_parts((*p).data, (*p).len)
            }
        }
    }

    pub fn str_len(&self, v: Value) -> usize {
        // SAFETY: as in str_units.
        unsafe { (*(v.payload() as *const StrCell)).len }
    }

    /// Lossy conversion to a Rust string (lone surrogates become U+FFFD).
    pub fn str_to_string(&self, v: Value) -> String {
        String::from_utf16_lossy(self.str_units(v))
    }

    pub fn str_eq(&self, a: Value, b: Value) -> bool {
        a == b || self.str_units(a) == self.str_units(b)
    }

    /// `a + b` for strings; a RangeError past [`MAX_STRING_LEN`].
    /// A rope for `a + b` (flattened lazily).
    fn new_rope(&mut self, a: Value, b: Value, len: usize) -> Value {
        let p = self
            .heap
            .alloc_cell(std::mem::size_of::<StrCell>(), KIND_STRING)
            as *mut StrCell;
        // SAFETY: p is a freshly allocated, zeroed StrCell.
        unsafe {
            (*p).hdr.flags = STR_ROPE;
            (*p).len = len;
            (*p).left = a;
            (*p).right = b;
        }
        Value::from_ptr(TAG_STRING, p as usize)
    }

    pub fn concat_str(&mut self, a: Value, b: Value) -> crate::js::vm::JsResult<Value> {
        let la = self.str_len(a);
        let lb = self.str_len(b);
        if la == 0 {
            return Ok(b);
        }
        if lb == 0 {
            return Ok(a);
        }
        if la + lb > MAX_STRING_LEN {
            return Err(self.throw_range_error("Invalid string length"));
        }
        if la + lb > FLAT_CONCAT_MAX {
            return Ok(self.new_rope(a, b, la + lb));
        }
        let (pa, pb) = (self.str_units(a), self.str_units(b));
        let (pa, pb) = (pa as *const [u16], pb as *const [u16]);
        // SAFETY: both are unit buffers of live flat strings (flattened just above), which
        // stay valid and unchanged while the new string is allocated: allocation never
        // collects, and cells and their buffers never move.
        let parts = unsafe { [&*pa, &*pb] };
        Ok(self.new_str_from(&parts))
    }
}

impl Vm {
    /// `s + i` (or `i + s` when `int_first`) for a string `s` and an int32 `i`: the digits
    /// are written straight into the new string (no number-to-string conversion first).
    pub fn concat_int(
        &mut self,
        s: Value,
        i: i32,
        int_first: bool,
    ) -> crate::js::vm::JsResult<Value> {
        let mut buf = [0u16; 11];
        let digits = int_units(i, &mut buf);
        if self.str_len(s) + digits.len() > FLAT_CONCAT_MAX {
            let d = self.new_str_units(digits);
            return if int_first {
                self.concat_str(d, s)
            } else {
                self.concat_str(s, d)
            };
        }
        let su = self.str_units(s) as *const [u16];
        // SAFETY: the unit buffer of the live flat string `s` stays valid and unchanged while
        // the new string is allocated (allocation never collects; nothing moves).
        let su = unsafe { &*su };
        let parts = if int_first {
            [digits, su]
        } else {
            [su, digits]
        };
        Ok(self.new_str_from(&parts))
    }
}

/// The decimal digits of `i` (with a leading `-` when negative), written at the end of `buf`.
pub fn int_units(i: i32, buf: &mut [u16; 11]) -> &[u16] {
    decimal_units(i.unsigned_abs(), i < 0, buf)
}

/// The decimal digits of `n` (after a `-` if `neg`), written at the end of `buf`.
pub fn decimal_units(mut n: u32, neg: bool, buf: &mut [u16; 11]) -> &[u16] {
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' as u16 + (n % 10) as u16;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if neg {
        at -= 1;
        buf[at] = b'-' as u16;
    }
    &buf[at..]
}

/// Flattens a rope in place: gathers the leaves left to right (iteratively: `s += x` loops
/// build very deep left spines), stores the units, and drops the children.
fn flatten(p: *mut StrCell) {
    // SAFETY: p is a live rope cell; its children are live strings (the rope keeps them
    // alive). No Rust reference to this cell's data exists (a rope has none yet), and the
    // cell is updated in one step before anyone can read its units.
    unsafe {
        let len = (*p).len;
        let mut out: Vec<u16> = Vec::with_capacity(len);
        let mut stack = vec![(*p).right, (*p).left];
        while let Some(v) = stack.pop() {
            let c = v.payload() as *const StrCell;
            if (*c).hdr.flags & STR_ROPE != 0 {
                stack.push((*c).right);
                stack.push((*c).left);
            } else if (*c).len > 0 {
                out.extend_from_slice(std::slice::from_raw_parts((*c).data, (*c).len));
            }
        }
        let b: Box<[u16]> = out.into_boxed_slice();
        (*p).len = b.len();
        (*p).data = Box::into_raw(b) as *mut u16;
        (*p).left = Value::UNDEFINED;
        (*p).right = Value::UNDEFINED;
        (*p).hdr.flags &= !STR_ROPE;
    }
}

/// Longest string (in UTF-16 units), as in V8.
pub const MAX_STRING_LEN: usize = (1 << 29) - 24;

/// Parses a string as an array index (canonical decimal, < 2^32 - 1).
pub fn parse_index(units: &[u16]) -> Option<u32> {
    if units.is_empty() || units.len() > 10 {
        return None;
    }
    if units[0] == b'0' as u16 && units.len() > 1 {
        return None;
    }
    let mut n: u64 = 0;
    for &u in units {
        if !(b'0' as u16..=b'9' as u16).contains(&u) {
            return None;
        }
        n = n * 10 + (u - b'0' as u16) as u64;
    }
    if n < u32::MAX as u64 {
        Some(n as u32)
    } else {
        None
    }
}

pub fn utf16(s: &str) -> Vec<u16> {
    s.encode_utf16().collect()
}

#[cfg(test)]
mod tests {
    use super::{decimal_units, int_units};
    use pretty_assertions::assert_eq;

    #[test]
    fn int_units_match_rust_formatting() {
        for i in [0, 7, -1, 10, -10, 99, 1000, 123_456_789, i32::MAX, i32::MIN] {
            let mut buf = [0u16; 11];
            let s = String::from_utf16(int_units(i, &mut buf)).unwrap();
            assert_eq!(s, i.to_string());
        }
        for n in [0, 9, 4_294_967_295] {
            let mut buf = [0u16; 11];
            let s = String::from_utf16(decimal_units(n, false, &mut buf)).unwrap();
            assert_eq!(s, n.to_string());
        }
    }
}

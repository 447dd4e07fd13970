//! Binary data: the element-type table of typed arrays, the byte storage of ArrayBuffers and
//! raw element reads/writes (ECMA-262 2025 §25.1.3 RawBytesToNumeric / NumericToRawBytes).
//!
//! An ArrayBuffer object (class `CLASS_ARRAY_BUFFER`) owns a boxed [`BufData`] through
//! `ObjCell::buf`; its bytes are a [`Bytes`] (a `Vec<u8>` with a fixed layout the JIT reads),
//! so detaching (emptying them) and resizing never leave a dangling pointer: views reach the
//! bytes through the buffer object on every access and check bounds against the current
//! length.
//!
//! `BigInt64Array`/`BigUint64Array` ([`Kind::BigInt64`], [`Kind::BigUint64`]) hold BigInt
//! elements: their 64 bits are read and written with [`read_bits64`] / [`write_bits64`]
//! (the BigInt conversions are in `js::bigint`), the others' with [`read`] / [`write`].

pub mod bytes;
pub mod exotic;
pub mod float16;

pub use bytes::Bytes;

use crate::js::object::CLASS_TYPED_FIRST;

/// Largest ArrayBuffer byte length kiln allocates; larger requests are a RangeError.
pub const MAX_BYTE_LENGTH: usize = 1 << 31;

/// A typed array element type. `class = CLASS_TYPED_FIRST + kind as u8`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Kind {
    Int8 = 0,
    Uint8,
    Uint8Clamped,
    Int16,
    Uint16,
    Int32,
    Uint32,
    Float16,
    Float32,
    Float64,
    BigInt64,
    BigUint64,
}

/// Every element type, in table order.
pub const KINDS: [Kind; 12] = [
    Kind::Int8,
    Kind::Uint8,
    Kind::Uint8Clamped,
    Kind::Int16,
    Kind::Uint16,
    Kind::Int32,
    Kind::Uint32,
    Kind::Float16,
    Kind::Float32,
    Kind::Float64,
    Kind::BigInt64,
    Kind::BigUint64,
];

impl Kind {
    pub fn from_class(class: u8) -> Option<Kind> {
        let i = class.checked_sub(CLASS_TYPED_FIRST)? as usize;
        KINDS.get(i).copied()
    }
    pub fn class(self) -> u8 {
        CLASS_TYPED_FIRST + self as u8
    }
    /// Element size in bytes.
    pub const fn size(self) -> usize {
        match self {
            Kind::Int8 | Kind::Uint8 | Kind::Uint8Clamped => 1,
            Kind::Int16 | Kind::Uint16 | Kind::Float16 => 2,
            Kind::Int32 | Kind::Uint32 | Kind::Float32 => 4,
            Kind::Float64 | Kind::BigInt64 | Kind::BigUint64 => 8,
        }
    }
    /// The constructor's name.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Int8 => "Int8Array",
            Kind::Uint8 => "Uint8Array",
            Kind::Uint8Clamped => "Uint8ClampedArray",
            Kind::Int16 => "Int16Array",
            Kind::Uint16 => "Uint16Array",
            Kind::Int32 => "Int32Array",
            Kind::Uint32 => "Uint32Array",
            Kind::Float16 => "Float16Array",
            Kind::Float32 => "Float32Array",
            Kind::Float64 => "Float64Array",
            Kind::BigInt64 => "BigInt64Array",
            Kind::BigUint64 => "BigUint64Array",
        }
    }
    /// The DataView method suffix (`getInt8`, ...).
    pub fn view_name(self) -> &'static str {
        &self.name()[..self.name().len() - 5]
    }
    pub fn is_bigint(self) -> bool {
        matches!(self, Kind::BigInt64 | Kind::BigUint64)
    }
}

/// The bytes of an ArrayBuffer.
#[derive(Default)]
pub struct BufData {
    pub bytes: Bytes,
    /// `[[ArrayBufferMaxByteLength]]` of a resizable buffer.
    pub max: Option<usize>,
    pub detached: bool,
    /// A SharedArrayBuffer's bytes (never detached; `max` means growable).
    pub shared: bool,
}

impl BufData {
    /// A zeroed buffer of `len` bytes, or None when the memory cannot be had.
    pub fn zeroed(len: usize, max: Option<usize>) -> Option<BufData> {
        Some(BufData {
            bytes: zeroed_bytes(len)?.into(),
            max,
            detached: false,
            shared: false,
        })
    }
}

/// `len` zero bytes from the allocator's zeroing path (large requests get fresh zero pages
/// instead of being written), or None when the allocation fails (never an abort).
pub fn zeroed_bytes(len: usize) -> Option<Vec<u8>> {
    if len == 0 {
        return Some(Vec::new());
    }
    let layout = std::alloc::Layout::array::<u8>(len).ok()?;
    // SAFETY: the layout has a non-zero size.
    let p = unsafe { std::alloc::alloc_zeroed(layout) };
    if p.is_null() {
        return None;
    }
    // SAFETY: p was allocated by the global allocator with exactly this layout (len bytes,
    // alignment 1), and all len bytes are initialised (zero).
    Some(unsafe { Vec::from_raw_parts(p, len, len) })
}

/// The number modulo 2^32 (§7.1.6–7.1.11: ToInt32 and the narrower conversions keep the low
/// bits of this); NaN and infinities give 0. `rem_euclid` is exact in binary64.
fn modular(n: f64) -> u32 {
    if !n.is_finite() {
        return 0;
    }
    n.trunc().rem_euclid(4294967296.0) as u32
}

/// ToUint8Clamp (§7.1.12): round half to even, clamp to 0..=255.
fn clamp_u8(n: f64) -> u8 {
    if n.is_nan() || n <= 0.0 {
        return 0;
    }
    if n >= 255.0 {
        return 255;
    }
    n.round_ties_even() as u8
}

/// NumericToRawBytes of a number for a non-BigInt kind, little-endian order.
pub fn encode(kind: Kind, n: f64, out: &mut [u8; 8]) {
    let m = modular(n);
    match kind {
        Kind::Int8 | Kind::Uint8 => out[0] = m as u8,
        Kind::Uint8Clamped => out[0] = clamp_u8(n),
        Kind::Int16 | Kind::Uint16 => out[..2].copy_from_slice(&(m as u16).to_le_bytes()),
        Kind::Int32 | Kind::Uint32 => out[..4].copy_from_slice(&m.to_le_bytes()),
        Kind::Float16 => out[..2].copy_from_slice(&float16::f64_to_f16(n).to_le_bytes()),
        Kind::Float32 => out[..4].copy_from_slice(&(n as f32).to_le_bytes()),
        Kind::Float64 => out.copy_from_slice(&n.to_le_bytes()),
        Kind::BigInt64 | Kind::BigUint64 => out.copy_from_slice(&(m as u64).to_le_bytes()),
    }
}

/// RawBytesToNumeric for a non-BigInt kind from little-endian bytes.
pub fn decode(kind: Kind, b: &[u8]) -> f64 {
    let a2 = |b: &[u8]| [b[0], b[1]];
    let a4 = |b: &[u8]| [b[0], b[1], b[2], b[3]];
    match kind {
        Kind::Int8 => b[0] as i8 as f64,
        Kind::Uint8 | Kind::Uint8Clamped => b[0] as f64,
        Kind::Int16 => i16::from_le_bytes(a2(b)) as f64,
        Kind::Uint16 => u16::from_le_bytes(a2(b)) as f64,
        Kind::Int32 => i32::from_le_bytes(a4(b)) as f64,
        Kind::Uint32 => u32::from_le_bytes(a4(b)) as f64,
        Kind::Float16 => float16::f16_to_f64(u16::from_le_bytes(a2(b))),
        Kind::Float32 => f32::from_le_bytes(a4(b)) as f64,
        Kind::Float64 => f64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]),
        Kind::BigInt64 | Kind::BigUint64 => {
            i64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]) as f64
        }
    }
}

/// Reads the 64 bits of a BigInt64/BigUint64 element at `at` (None when out of range).
pub fn read_bits64(bytes: &[u8], at: usize) -> Option<u64> {
    let s = bytes.get(at..at.checked_add(8)?)?;
    Some(u64::from_le_bytes(s.try_into().ok()?))
}

/// Writes the 64 bits of a BigInt64/BigUint64 element at `at`; false when out of range.
pub fn write_bits64(bytes: &mut [u8], at: usize, bits: u64) -> bool {
    match at.checked_add(8).and_then(|end| bytes.get_mut(at..end)) {
        Some(s) => {
            s.copy_from_slice(&bits.to_le_bytes());
            true
        }
        None => false,
    }
}

/// Reads element bytes at `at` (None when out of range).
pub fn read(kind: Kind, bytes: &[u8], at: usize) -> Option<f64> {
    let s = bytes.get(at..at.checked_add(kind.size())?)?;
    Some(decode(kind, s))
}

/// Writes a number at `at`; false when out of range.
pub fn write(kind: Kind, bytes: &mut [u8], at: usize, n: f64) -> bool {
    let size = kind.size();
    let Some(s) = at.checked_add(size).and_then(|end| bytes.get_mut(at..end)) else {
        return false;
    };
    let mut b = [0u8; 8];
    encode(kind, n, &mut b);
    s.copy_from_slice(&b[..size]);
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversions() {
        // (kind, input, decoded back)
        let table: &[(Kind, f64, f64)] = &[
            (Kind::Int8, 200.0, -56.0),
            (Kind::Int8, -129.5, 127.0),
            (Kind::Uint8, -1.0, 255.0),
            (Kind::Uint8, 256.7, 0.0),
            (Kind::Uint8Clamped, 1.5, 2.0),
            (Kind::Uint8Clamped, 2.5, 2.0),
            (Kind::Uint8Clamped, 300.0, 255.0),
            (Kind::Uint8Clamped, f64::NAN, 0.0),
            (Kind::Int16, 40000.0, -25536.0),
            (Kind::Uint16, -2.0, 65534.0),
            (Kind::Int32, 4294967295.0, -1.0),
            (Kind::Uint32, -1.0, 4294967295.0),
            (Kind::Uint32, 1e20, 1661992960.0),
            (Kind::Int32, f64::INFINITY, 0.0),
            (Kind::Float32, 0.1, 0.10000000149011612),
            (Kind::Float16, 0.1, 0.0999755859375),
            (Kind::Float64, -0.5, -0.5),
        ];
        for &(k, x, want) in table {
            let mut b = vec![0u8; 8];
            assert!(write(k, &mut b, 0, x));
            assert_eq!(read(k, &b, 0), Some(want), "{k:?} {x}");
        }
        let mut b = vec![0u8; 3];
        assert!(!write(Kind::Int32, &mut b, 0, 1.0));
        assert_eq!(read(Kind::Int16, &b, 2), None);
        assert_eq!(read(Kind::Int16, &b, usize::MAX), None);
    }
}

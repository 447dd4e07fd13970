//! [`Bytes`]: the byte storage of an ArrayBuffer — a `Vec<u8>` with a layout of its own.
//!
//! A `Vec`'s field order is unspecified, but the baseline JIT reads a buffer's data pointer
//! and length directly (typed-array element access inline): `Bytes` holds the same three
//! words in a fixed `#[repr(C)]` order ([`OFF_PTR`], [`OFF_LEN`]). Reads go through `Deref`
//! to `[u8]`; the only changes of length are [`Bytes::resize`] and replacing the whole value,
//! so pointer and length always describe one live allocation (the JIT checks bounds against
//! the length it loads on every access).

use std::collections::TryReserveError;
use std::mem::{ManuallyDrop, offset_of};
use std::ops::{Deref, DerefMut};

/// An owned byte buffer (see the module comment).
#[repr(C)]
pub struct Bytes {
    ptr: *mut u8,
    len: usize,
    cap: usize,
}

/// Offset of the data pointer (64-bit) in [`Bytes`].
pub const OFF_PTR: usize = offset_of!(Bytes, ptr);
/// Offset of the length in bytes (64-bit) in [`Bytes`].
pub const OFF_LEN: usize = offset_of!(Bytes, len);

impl From<Vec<u8>> for Bytes {
    fn from(v: Vec<u8>) -> Bytes {
        let mut v = ManuallyDrop::new(v);
        Bytes {
            ptr: v.as_mut_ptr(),
            len: v.len(),
            cap: v.capacity(),
        }
    }
}

impl Default for Bytes {
    fn default() -> Bytes {
        Bytes::from(Vec::new())
    }
}

impl Bytes {
    /// The bytes as the `Vec` they came from (ownership moves out).
    pub fn into_vec(self) -> Vec<u8> {
        let me = ManuallyDrop::new(self);
        // SAFETY: ptr/len/cap are those of a Vec<u8> given up in `from` (or by an earlier
        // `edit`), and `me` is never dropped, so the allocation has exactly one owner.
        unsafe { Vec::from_raw_parts(me.ptr, me.len, me.cap) }
    }
    /// Runs `f` on the bytes as a `Vec`. While `f` runs `self` is empty, so a panic in `f`
    /// drops the Vec once and leaves `self` empty, never dangling.
    fn edit<R>(&mut self, f: impl FnOnce(&mut Vec<u8>) -> R) -> R {
        let mut v = std::mem::take(self).into_vec();
        let r = f(&mut v);
        *self = Bytes::from(v);
        r
    }
    pub fn capacity(&self) -> usize {
        self.cap
    }
    pub fn try_reserve_exact(&mut self, additional: usize) -> Result<(), TryReserveError> {
        self.edit(|v| v.try_reserve_exact(additional))
    }
    /// Grows (with `value`) or shrinks to `len` bytes.
    pub fn resize(&mut self, len: usize, value: u8) {
        self.edit(|v| v.resize(len, value))
    }
}

impl Drop for Bytes {
    fn drop(&mut self) {
        drop(std::mem::take(self).into_vec());
    }
}

impl Deref for Bytes {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        // SAFETY: ptr is valid for len initialised bytes (a Vec's buffer, see `from`), and the
        // shared borrow of self keeps it alive and unchanged.
        unsafe { std::slice::from_raw_parts(self.ptr, self.len) }
    }
}

impl DerefMut for Bytes {
    fn deref_mut(&mut self) -> &mut [u8] {
        // SAFETY: as in deref, with the exclusive borrow of self.
        unsafe { std::slice::from_raw_parts_mut(self.ptr, self.len) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resize_take_and_layout() {
        let mut b = Bytes::from(vec![1, 2, 3]);
        b.resize(5, 9);
        assert_eq!(&b[..], &[1, 2, 3, 9, 9]);
        b[0] = 7;
        b.resize(2, 0);
        assert_eq!(&b[..], &[7, 2]);
        assert!(b.try_reserve_exact(10).is_ok());
        assert!(b.capacity() >= 12);
        let taken = std::mem::take(&mut b);
        assert_eq!(b.len(), 0);
        assert_eq!(taken.into_vec(), vec![7, 2]);
        // The JIT's view of the layout.
        let b = Bytes::from(vec![0u8; 4]);
        // SAFETY: Bytes is repr(C) with two usize-sized words at these offsets.
        let words: [usize; 3] = unsafe { std::mem::transmute_copy(&b) };
        assert_eq!(words[OFF_PTR / 8], b.as_ptr() as usize);
        assert_eq!(words[OFF_LEN / 8], 4);
    }
}

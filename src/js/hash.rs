//! A small fast hasher (FxHash) for the runtime's integer-keyed tables (atoms, addresses).
//! Keys are trusted runtime values, so DoS-resistant SipHash is not needed there.

use std::hash::{BuildHasherDefault, Hasher};

#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.hash = (self.hash.rotate_left(5) ^ w).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut b = [0u8; 8];
            b[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(b));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }
    #[inline]
    fn write_u16(&mut self, i: u16) {
        self.add(i as u64);
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(i as u64);
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    /// The state through MurmurHash3's 64-bit finalizer. A multiply mixes only upwards, so
    /// the low bits of `hash` depend on the low bits of the input alone (for `"k1"`..`"k999"`:
    /// on `'k'`) and input bits near the top never reach the bottom. hashbrown picks the bucket
    /// from the low bits and a tag from the top 7, so unmixed, such keys all probe from a few
    /// buckets, dozens of groups per lookup. The xor-shifts and two multiplies (a handful of
    /// instructions per hash) let every input bit reach every output bit.
    #[inline]
    fn finish(&self) -> u64 {
        let mut h = self.hash;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

pub type FxBuild = BuildHasherDefault<FxHasher>;
pub type FxHashMap<K, V> = std::collections::HashMap<K, V, FxBuild>;
pub type FxHashSet<K> = std::collections::HashSet<K, FxBuild>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::{BuildHasher, Hash};

    fn hash_of<T: Hash + ?Sized>(v: &T) -> u64 {
        FxBuild::default().hash_one(v)
    }

    /// Property names that differ only past their first unit ("k0".."k999", as UTF-16 like the
    /// atom table's keys) must spread over a table's buckets (low bits) and tags (top 7 bits).
    #[test]
    fn similar_keys_spread_over_buckets_and_tags() {
        let keys: Vec<Vec<u16>> = (0..1000)
            .map(|i| format!("k{i}").encode_utf16().collect())
            .collect();
        let buckets: std::collections::HashSet<u64> =
            keys.iter().map(|k| hash_of(k) & 1023).collect();
        let tags: std::collections::HashSet<u64> = keys.iter().map(|k| hash_of(k) >> 57).collect();
        // 1000 keys thrown at random into 1024 buckets fill about 630 of them.
        assert!(buckets.len() > 550, "{} of 1024 buckets", buckets.len());
        assert!(tags.len() > 100, "{} of 128 tags", tags.len());
    }
}

//! Immediate operands that may not be encodable: each has a fallible constructor.

use crate::asm::error::{AsmError, AsmResult};

/// An add/sub immediate: 12 bits, optionally shifted left by 12.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Imm12 {
    bits: u16,
    lsl12: bool,
}

impl Imm12 {
    /// `value` as `#imm12` or `#imm12, lsl #12` (only if the low 12 bits are zero);
    /// `None` if neither fits.
    pub const fn new(value: u64) -> Option<Imm12> {
        if value < 0x1000 {
            Some(Imm12 {
                bits: value as u16,
                lsl12: false,
            })
        } else if value & 0xfff == 0 && value >> 12 < 0x1000 {
            Some(Imm12 {
                bits: (value >> 12) as u16,
                lsl12: true,
            })
        } else {
            None
        }
    }
    /// Like [`Imm12::new`] but with an error naming the value.
    pub fn try_new(value: u64) -> AsmResult<Imm12> {
        Imm12::new(value).ok_or(AsmError::ImmNotEncodable {
            what: "imm12 (optionally lsl #12)",
            value: value as i64,
        })
    }
    /// Zero.
    pub const ZERO: Imm12 = Imm12 {
        bits: 0,
        lsl12: false,
    };
    /// The 12-bit field.
    pub const fn imm12(self) -> u32 {
        self.bits as u32
    }
    /// The `sh` bit.
    pub const fn sh(self) -> u32 {
        self.lsl12 as u32
    }
    /// The value this immediate stands for.
    pub const fn value(self) -> u64 {
        (self.bits as u64) << if self.lsl12 { 12 } else { 0 }
    }
}

/// A logical ("bitmask") immediate: a rotated run of ones replicated across 2..64-bit
/// elements, encoded as (N, immr, imms).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BitmaskImm {
    n: u8,
    immr: u8,
    imms: u8,
}

impl BitmaskImm {
    /// Encodes `value` for an operation of `bits` width (32 or 64). `None` if the value is not
    /// a bitmask immediate (including 0 and all-ones, which never are), or if `bits` is 32 and
    /// `value` has bits above 31 set, or `bits` is neither 32 nor 64.
    pub const fn new(value: u64, bits: u32) -> Option<BitmaskImm> {
        let v = match bits {
            64 => value,
            32 => {
                if value >> 32 != 0 {
                    return None;
                }
                value | (value << 32)
            }
            _ => return None,
        };
        if v == 0 || v == u64::MAX {
            return None;
        }
        // Smallest element size e for which v repeats with period e.
        let mut e = 2u32;
        while e < 64 {
            if v.rotate_right(e) == v {
                break;
            }
            e *= 2;
        }
        let mask = if e == 64 { u64::MAX } else { (1u64 << e) - 1 };
        let elt = v & mask;
        let ones = elt.count_ones();
        let run = (1u64 << ones) - 1; // ones < e <= 64, so the shift is in range
        // Find r with ror_e(elt, r) == run, i.e. elt == ror_e(run, (e - r) % e).
        let mut r = 0u32;
        while r < e {
            let rot = if r == 0 {
                elt
            } else {
                ((elt >> r) | (elt << (e - r))) & mask
            };
            if rot == run {
                let immr = (e - r) % e;
                let imms = ((!(2 * e - 1)) & 0x3f) | (ones - 1);
                return Some(BitmaskImm {
                    n: (e == 64) as u8,
                    immr: immr as u8,
                    imms: imms as u8,
                });
            }
            r += 1;
        }
        None
    }
    /// Like [`BitmaskImm::new`] but with an error naming the value.
    pub fn try_new(value: u64, bits: u32) -> AsmResult<BitmaskImm> {
        BitmaskImm::new(value, bits).ok_or(AsmError::ImmNotEncodable {
            what: "bitmask immediate",
            value: value as i64,
        })
    }
    /// The N bit.
    pub const fn n(self) -> u32 {
        self.n as u32
    }
    /// The immr field.
    pub const fn immr(self) -> u32 {
        self.immr as u32
    }
    /// The imms field.
    pub const fn imms(self) -> u32 {
        self.imms as u32
    }
}

/// An 8-bit floating-point immediate for `fmov`: ±(16..=31)/16 × 2^(-3..=4).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FpImm8(u8);

impl FpImm8 {
    /// The double this 8-bit pattern stands for (the architecture's VFPExpandImm).
    pub const fn expand_f64(imm8: u8) -> f64 {
        let sign = (imm8 >> 7) as u64;
        let b = ((imm8 >> 6) & 1) as u64;
        let cd = ((imm8 >> 4) & 3) as u64;
        let efgh = (imm8 & 0xf) as u64;
        let exp = ((b ^ 1) << 10) | (if b == 1 { 0xff << 2 } else { 0 }) | cd;
        f64::from_bits((sign << 63) | (exp << 52) | (efgh << 48))
    }
    /// The single this 8-bit pattern stands for.
    pub const fn expand_f32(imm8: u8) -> f32 {
        let sign = (imm8 >> 7) as u32;
        let b = ((imm8 >> 6) & 1) as u32;
        let cd = ((imm8 >> 4) & 3) as u32;
        let efgh = (imm8 & 0xf) as u32;
        let exp = ((b ^ 1) << 7) | (if b == 1 { 0x1f << 2 } else { 0 }) | cd;
        f32::from_bits((sign << 31) | (exp << 23) | (efgh << 19))
    }
    /// `value` if exactly representable (bit for bit; so never 0.0, NaN or infinities).
    pub fn from_f64(value: f64) -> Option<FpImm8> {
        (0..=255u8)
            .find(|&i| Self::expand_f64(i).to_bits() == value.to_bits())
            .map(FpImm8)
    }
    /// `value` if exactly representable as a single-precision `fmov` immediate.
    pub fn from_f32(value: f32) -> Option<FpImm8> {
        (0..=255u8)
            .find(|&i| Self::expand_f32(i).to_bits() == value.to_bits())
            .map(FpImm8)
    }
    /// The imm8 field.
    pub const fn bits(self) -> u32 {
        self.0 as u32
    }
}

/// Checks a byte offset for a scaled unsigned 12-bit field (`ldr x, [xn, #off]`):
/// `off` must be a multiple of `1 << scale` and `off >> scale` must fit in 12 bits.
pub fn uimm12_scaled(off: i64, scale: u32, what: &'static str) -> AsmResult<u32> {
    let err = AsmError::ImmNotEncodable { what, value: off };
    if off < 0 || off & ((1 << scale) - 1) != 0 || (off >> scale) > 0xfff {
        return Err(err);
    }
    Ok((off >> scale) as u32)
}

/// Checks a byte offset for a signed unscaled 9-bit field (ldur, pre/post-index).
pub fn simm9(off: i64, what: &'static str) -> AsmResult<u32> {
    if !(-256..=255).contains(&off) {
        return Err(AsmError::ImmNotEncodable { what, value: off });
    }
    Ok((off as u32) & 0x1ff)
}

/// Checks a byte offset for a signed scaled 7-bit field (ldp/stp).
pub fn simm7_scaled(off: i64, scale: u32, what: &'static str) -> AsmResult<u32> {
    let err = AsmError::ImmNotEncodable { what, value: off };
    if off & ((1 << scale) - 1) != 0 {
        return Err(err);
    }
    let v = off >> scale;
    if !(-64..=63).contains(&v) {
        return Err(err);
    }
    Ok((v as u32) & 0x7f)
}

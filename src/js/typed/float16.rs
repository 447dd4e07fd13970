//! IEEE 754 binary16 conversions for `Float16Array`, `DataView.prototype.{get,set}Float16`
//! and `Math.f16round`. Rounding goes straight from binary64 to binary16 with
//! roundTiesToEven (going through binary32 would round twice and differ on some inputs).

/// The binary16 bits nearest to `x` (ties to even; NaN becomes the quiet NaN 0x7e00).
pub fn f64_to_f16(x: f64) -> u16 {
    let sign = if x.is_sign_negative() { 0x8000u16 } else { 0 };
    if x.is_nan() {
        return 0x7e00;
    }
    let a = x.abs();
    // 65520 is the midpoint between the largest finite binary16 (65504) and 2^16: it and
    // everything above round to infinity.
    if a >= 65520.0 {
        return sign | 0x7c00;
    }
    let min_normal = f64::powi(2.0, -14);
    if a < min_normal {
        // Subnormal (or zero): a multiple of 2^-24; scaling by 2^24 is exact.
        let m = (a * f64::powi(2.0, 24)).round_ties_even() as u16;
        return sign | m;
    }
    let e = ((a.to_bits() >> 52) & 0x7ff) as i32 - 1023;
    let mut r = (a * f64::powi(2.0, 10 - e)).round_ties_even() as u32;
    let mut e = e;
    if r == 2048 {
        r = 1024;
        e += 1;
    }
    if e > 15 {
        return sign | 0x7c00;
    }
    sign | (((e + 15) as u16) << 10) | (r - 1024) as u16
}

/// The value of binary16 bits.
pub fn f16_to_f64(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let e = ((h >> 10) & 0x1f) as i32;
    let m = (h & 0x3ff) as f64;
    sign * match e {
        0 => m * f64::powi(2.0, -24),
        31 if m == 0.0 => f64::INFINITY,
        31 => f64::NAN,
        _ => (1.0 + m / 1024.0) * f64::powi(2.0, e - 15),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vectors() {
        // (input, expected bits)
        let table: &[(f64, u16)] = &[
            (0.0, 0x0000),
            (-0.0, 0x8000),
            (1.0, 0x3c00),
            (-2.0, 0xc000),
            (65504.0, 0x7bff),
            (65519.99, 0x7bff),
            (65520.0, 0x7c00),
            (f64::INFINITY, 0x7c00),
            (f64::NEG_INFINITY, 0xfc00),
            (f64::powi(2.0, -24), 0x0001),
            (f64::powi(2.0, -25), 0x0000),
            (f64::powi(2.0, -25) * 1.0000001, 0x0001),
            (f64::powi(2.0, -14), 0x0400),
            (0.1, 0x2e66),
            (1.0 / 3.0, 0x3555),
            // 1 + 2^-11 is a tie between 1 and 1 + 2^-10: even is 1.
            (1.0 + f64::powi(2.0, -11), 0x3c00),
            (1.0 + 3.0 * f64::powi(2.0, -11), 0x3c02),
            // Just above the tie rounds up (a binary32 detour would lose this bit).
            (1.0 + f64::powi(2.0, -11) + f64::powi(2.0, -40), 0x3c01),
        ];
        for &(x, bits) in table {
            assert_eq!(f64_to_f16(x), bits, "{x}");
        }
        assert!(f16_to_f64(f64_to_f16(f64::NAN)).is_nan());
        for bits in [0x0001u16, 0x03ff, 0x0400, 0x3c00, 0x7bff, 0xc000, 0x8000] {
            assert_eq!(f64_to_f16(f16_to_f64(bits)), bits);
        }
    }
}

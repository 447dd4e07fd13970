//! Number → string conversions exactly as ECMAScript specifies: shortest round trip
//! (`ryu-js`), `toFixed`, `toString(radix)`, `toPrecision`, `toExponential`.

pub fn number_to_string(f: f64) -> String {
    if f.is_nan() {
        return "NaN".into();
    }
    if f == 0.0 {
        return "0".into();
    }
    if f.is_infinite() {
        return if f > 0.0 {
            "Infinity".into()
        } else {
            "-Infinity".into()
        };
    }
    if f == f.trunc() && f.abs() < 1e15 {
        return format!("{}", f as i64);
    }
    // Shortest round-trip digits and exponent, then ECMAScript's Number::toString layout.
    let s = format!("{:e}", f.abs());
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let mut digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let mut n = exp.parse::<i32>().unwrap_or(0) + 1;
    if let Some((d, e)) = even_tie(f.abs(), &digits) {
        (digits, n) = (d, e + 1);
    }
    let k = digits.len() as i32;
    let sign = if f < 0.0 { "-" } else { "" };
    let body = if k <= n && n <= 21 {
        format!("{digits}{}", "0".repeat((n - k) as usize))
    } else if 0 < n && n <= 21 {
        format!("{}.{}", &digits[..n as usize], &digits[n as usize..])
    } else if -6 < n && n <= 0 {
        format!("0.{}{digits}", "0".repeat((-n) as usize))
    } else {
        let e = n - 1;
        let es = if e >= 0 {
            format!("+{e}")
        } else {
            format!("-{}", -e)
        };
        if k == 1 {
            format!("{digits}e{es}")
        } else {
            format!("{}.{}e{es}", &digits[..1], &digits[1..])
        }
    };
    format!("{sign}{body}")
}

/// ECMAScript's tie-break for the shortest digits (Number::toString step 5): when x lies
/// exactly halfway between two candidates with the fewest digits, the even one. Rust's
/// shortest formatting picks the upper one (1125899907170289.25 prints as …289.3; node prints
/// …289.2). `digits` are Rust's shortest digits of x > 0; returns the even candidate's digits
/// and the exponent of its first digit when x is such a tie and the digits must change.
fn even_tie(x: f64, digits: &str) -> Option<(String, i32)> {
    let k = digits.len();
    // One digit more than the shortest, correctly rounded: a tie ends in 5 ...
    let e = format!("{:.*e}", k, x);
    let (m, ex) = e.split_once('e')?;
    let d: String = m.chars().filter(|c| c.is_ascii_digit()).collect();
    if !d.ends_with('5') || k > 18 {
        return None;
    }
    // ... and is exact (a double's expansion has at most 767 significant digits).
    let full = format!("{:.800e}", x);
    let fd: String = full
        .split_once('e')?
        .0
        .chars()
        .filter(|c| c.is_ascii_digit())
        .collect();
    if fd[..=k] != d || fd[k + 1..].bytes().any(|b| b != b'0') {
        return None;
    }
    let low: u64 = d[..k].parse().ok()?;
    let even = if low.is_multiple_of(2) { low } else { low + 1 };
    if even.to_string() == digits {
        return None;
    }
    let mut e10: i32 = ex.parse().ok()?;
    let s = even.to_string();
    if s.len() > k {
        e10 += 1; // 99…9 + 1
    }
    let back = format!(
        "{}.{}e{e10}",
        &s[..1],
        if s.len() > 1 { &s[1..] } else { "0" }
    );
    if back.parse::<f64>().ok()? != x {
        return None;
    }
    Some((s.trim_end_matches('0').to_string(), e10))
}

/// Exact decimal expansion of |x| rounded half-up at `digits` fraction digits.
fn round_half_up(x: f64, digits: usize) -> String {
    let s = format!("{:.1100}", x.abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let mut ds: Vec<u8> = int.bytes().chain(frac.bytes().take(digits)).collect();
    let next = frac.as_bytes().get(digits).copied().unwrap_or(b'0');
    if next >= b'5' {
        let mut i = ds.len();
        loop {
            if i == 0 {
                ds.insert(0, b'1');
                break;
            }
            i -= 1;
            if ds[i] == b'9' {
                ds[i] = b'0';
            } else {
                ds[i] += 1;
                break;
            }
        }
    }
    let int_len = ds.len() - digits;
    let mut out = String::from_utf8(ds[..int_len].to_vec()).unwrap_or_default();
    if digits > 0 {
        out.push('.');
        out.push_str(std::str::from_utf8(&ds[int_len..]).unwrap_or(""));
    }
    out
}

pub fn to_fixed(x: f64, digits: usize) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    if x.abs() >= 1e21 || x.is_infinite() {
        return number_to_string(x);
    }
    let body = round_half_up(x, digits);
    if x < 0.0 { format!("-{body}") } else { body }
}

/// Digits and exponent of x rounded to `p` significant digits (half-up on the exact value).
fn significant(x: f64, p: usize) -> (Vec<u8>, i32) {
    let s = format!("{:.1100e}", x.abs());
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let mut e: i32 = exp.parse().unwrap_or(0);
    let digits: Vec<u8> = mant.bytes().filter(|b| b.is_ascii_digit()).collect();
    let mut ds: Vec<u8> = digits[..p.min(digits.len())].to_vec();
    while ds.len() < p {
        ds.push(b'0');
    }
    if digits.get(p).copied().unwrap_or(b'0') >= b'5' {
        let mut i = ds.len();
        loop {
            if i == 0 {
                ds.insert(0, b'1');
                ds.pop();
                e += 1;
                break;
            }
            i -= 1;
            if ds[i] == b'9' {
                ds[i] = b'0';
            } else {
                ds[i] += 1;
                break;
            }
        }
    }
    (ds, e)
}

pub fn to_precision(x: f64, p: usize) -> String {
    if !x.is_finite() {
        return number_to_string(x);
    }
    let sign = if x < 0.0 { "-" } else { "" };
    if x == 0.0 {
        return if p == 1 {
            "0".into()
        } else {
            format!("0.{}", "0".repeat(p - 1))
        };
    }
    let (ds, e) = significant(x, p);
    let d = String::from_utf8(ds).unwrap_or_default();
    if e < -6 || e >= p as i32 {
        let mut m = d[..1].to_string();
        if p > 1 {
            m.push('.');
            m.push_str(&d[1..]);
        }
        return format!("{sign}{m}e{}{}", if e >= 0 { "+" } else { "-" }, e.abs());
    }
    if e >= 0 {
        let e = e as usize;
        if e + 1 == p {
            format!("{sign}{d}")
        } else {
            format!("{sign}{}.{}", &d[..e + 1], &d[e + 1..])
        }
    } else {
        format!("{sign}0.{}{d}", "0".repeat((-e - 1) as usize))
    }
}

pub fn to_exponential(x: f64, f: Option<usize>) -> String {
    if !x.is_finite() {
        return number_to_string(x);
    }
    let sign = if x < 0.0 { "-" } else { "" };
    let (d, e) = match f {
        Some(f) => {
            if x == 0.0 {
                (vec![b'0'; f + 1], 0)
            } else {
                significant(x, f + 1)
            }
        }
        None => {
            // Shortest digits that round-trip.
            let s = format!("{:e}", x.abs());
            let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
            (
                m.bytes().filter(|b| b.is_ascii_digit()).collect(),
                e.parse().unwrap_or(0),
            )
        }
    };
    let d = String::from_utf8(d).unwrap_or_default();
    let mut m = d[..1].to_string();
    if d.len() > 1 {
        m.push('.');
        m.push_str(&d[1..]);
    }
    format!("{sign}{m}e{}{}", if e >= 0 { "+" } else { "-" }, e.abs())
}

const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";

/// `Number.prototype.toString(radix)` (a port of V8's DoubleToRadixCString).
pub fn to_radix(value: f64, radix: u32) -> String {
    if value.is_nan() {
        return "NaN".into();
    }
    if value.is_infinite() {
        return if value > 0.0 {
            "Infinity".into()
        } else {
            "-Infinity".into()
        };
    }
    if value == 0.0 {
        return "0".into();
    }
    let negative = value < 0.0;
    let value = value.abs();
    let r = radix as f64;
    let mut integer = value.trunc();
    let mut fraction = value - integer;
    let next = f64::from_bits(value.to_bits() + 1);
    let mut delta = (0.5 * (next - value)).max(f64::from_bits(1));
    let mut frac_digits: Vec<u8> = Vec::new();
    if fraction >= delta {
        loop {
            fraction *= r;
            delta *= r;
            let digit = fraction as usize;
            frac_digits.push(digit as u8);
            fraction -= digit as f64;
            if (fraction > 0.5 || (fraction == 0.5 && digit & 1 == 1)) && fraction + delta > 1.0 {
                // Round up, propagating carries.
                loop {
                    match frac_digits.pop() {
                        None => {
                            integer += 1.0;
                            break;
                        }
                        Some(d) => {
                            if (d as u32) + 1 < radix {
                                frac_digits.push(d + 1);
                                break;
                            }
                        }
                    }
                }
                break;
            }
            if fraction < delta {
                break;
            }
        }
    }
    let mut int_digits: Vec<u8> = Vec::new();
    while integer / r >= 9007199254740992.0 {
        integer /= r;
        int_digits.push(b'0');
    }
    loop {
        let rem = integer % r;
        int_digits.push(DIGITS[rem as usize]);
        integer = (integer - rem) / r;
        if integer <= 0.0 {
            break;
        }
    }
    let mut s = String::new();
    if negative {
        s.push('-');
    }
    s.extend(int_digits.iter().rev().map(|&b| b as char));
    if !frac_digits.is_empty() {
        s.push('.');
        s.extend(frac_digits.iter().map(|&d| DIGITS[d as usize] as char));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn formats() {
        assert_eq!(number_to_string(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(number_to_string(1e21), "1e+21");
        assert_eq!(
            number_to_string(123456789012345680000.0),
            "123456789012345680000"
        );
        assert_eq!(number_to_string(1.5e-7), "1.5e-7");
        assert_eq!(number_to_string(-0.0), "0");
        assert_eq!(number_to_string(1e23), "1e+23");
        assert_eq!(number_to_string(-1.5e300), "-1.5e+300");
        assert_eq!(number_to_string(0.000001), "0.000001");
        assert_eq!(number_to_string(1.2e-7), "1.2e-7");
        assert_eq!(number_to_string(5e-324), "5e-324");
        assert_eq!(number_to_string(123.456), "123.456");
        // Exact ties between two shortest candidates take the even one, as node prints them.
        assert_eq!(
            number_to_string(1125899907170289.0 + 0.25),
            "1125899907170289.2"
        );
        assert_eq!(
            number_to_string(1125899906842624.0 + 0.75),
            "1125899906842624.8"
        );
        assert_eq!(number_to_string(4503599627370497.5), "4503599627370498");
        assert_eq!(to_fixed(-0.0000001, 2), "-0.00");
        assert_eq!(to_fixed(-0.0, 2), "0.00");
        assert_eq!(to_fixed(1.005, 2), "1.00");
        assert_eq!(to_fixed(0.5, 0), "1");
        assert_eq!(to_fixed(2.5, 0), "3");
        assert_eq!(to_fixed(-1.5, 0), "-2");
        assert_eq!(to_fixed(1.45, 1), "1.4");
        assert_eq!(to_radix(255.0, 16), "ff");
        assert_eq!(to_radix(0.5, 2), "0.1");
        assert_eq!(to_radix(-10.0, 2), "-1010");
        assert_eq!(to_precision(123.456, 4), "123.5");
        assert_eq!(to_precision(0.000123, 2), "0.00012");
        assert_eq!(to_exponential(12345.0, Some(2)), "1.23e+4");
    }
}

//! Node's string encodings for `Buffer` (utf8, utf16le, latin1, ascii, base64, base64url,
//! hex) as pure functions between UTF-16 code units and bytes, with node's leniency:
//! lone surrogates encode as U+FFFD, invalid UTF-8 decodes to U+FFFD per maximal subpart,
//! hex stops at the first invalid pair, base64 skips characters outside both alphabets and
//! stops at `=`.

/// The encodings, numbered as `lib/buffer.js` (kiln's) passes them.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Enc {
    Utf8,
    Utf16le,
    Latin1,
    Ascii,
    Base64,
    Base64url,
    Hex,
}

impl Enc {
    pub fn from_code(n: f64) -> Enc {
        match n as i32 {
            1 => Enc::Utf16le,
            2 => Enc::Latin1,
            3 => Enc::Ascii,
            4 => Enc::Base64,
            5 => Enc::Base64url,
            6 => Enc::Hex,
            _ => Enc::Utf8,
        }
    }
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const B64URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// The bytes of `units` in `enc`.
pub fn encode(units: &[u16], enc: Enc) -> Vec<u8> {
    match enc {
        Enc::Utf8 => String::from_utf16_lossy(units).into_bytes(),
        Enc::Utf16le => units.iter().flat_map(|u| u.to_le_bytes()).collect(),
        Enc::Latin1 | Enc::Ascii => units.iter().map(|&u| u as u8).collect(),
        Enc::Hex => {
            let mut out = Vec::with_capacity(units.len() / 2);
            for p in units.chunks_exact(2) {
                match (hex_digit(p[0]), hex_digit(p[1])) {
                    (Some(h), Some(l)) => out.push(h << 4 | l),
                    _ => break,
                }
            }
            out
        }
        Enc::Base64 | Enc::Base64url => base64_decode(units),
    }
}

fn hex_digit(u: u16) -> Option<u8> {
    char::from_u32(u as u32)?.to_digit(16).map(|d| d as u8)
}

fn base64_value(u: u16) -> Option<u32> {
    Some(match u {
        0x41..=0x5a => u - 0x41,
        0x61..=0x7a => u - 0x61 + 26,
        0x30..=0x39 => u - 0x30 + 52,
        0x2b | 0x2d => 62,
        0x2f | 0x5f => 63,
        _ => return None,
    } as u32)
}

/// Either base64 alphabet; other characters are skipped, `=` ends the data.
fn base64_decode(units: &[u16]) -> Vec<u8> {
    let mut out = Vec::with_capacity(units.len() * 3 / 4);
    let (mut acc, mut n) = (0u32, 0);
    for &u in units {
        if u == u16::from(b'=') {
            break;
        }
        let Some(v) = base64_value(u) else { continue };
        acc = acc << 6 | v;
        n += 1;
        if n == 4 {
            out.extend_from_slice(&[(acc >> 16) as u8, (acc >> 8) as u8, acc as u8]);
            (acc, n) = (0, 0);
        }
    }
    match n {
        2 => out.push((acc >> 4) as u8),
        3 => out.extend_from_slice(&[(acc >> 10) as u8, (acc >> 2) as u8]),
        _ => {}
    }
    out
}

fn base64_encode(bytes: &[u8], table: &[u8; 64], pad: bool) -> Vec<u16> {
    let mut out = Vec::with_capacity(bytes.len().div_ceil(3) * 4);
    for c in bytes.chunks(3) {
        let b = [c[0], *c.get(1).unwrap_or(&0), *c.get(2).unwrap_or(&0)];
        let v = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        let n = c.len() + 1;
        for i in 0..4 {
            if i < n {
                out.push(u16::from(table[(v >> (18 - 6 * i) & 63) as usize]));
            } else if pad {
                out.push(u16::from(b'='));
            }
        }
    }
    out
}

/// The string (UTF-16 units) that `bytes` decode to in `enc`.
pub fn decode(bytes: &[u8], enc: Enc) -> Vec<u16> {
    match enc {
        Enc::Utf8 => String::from_utf8_lossy(bytes).encode_utf16().collect(),
        Enc::Utf16le => bytes
            .chunks_exact(2)
            .map(|p| u16::from_le_bytes([p[0], p[1]]))
            .collect(),
        Enc::Latin1 => bytes.iter().map(|&b| u16::from(b)).collect(),
        Enc::Ascii => bytes.iter().map(|&b| u16::from(b & 0x7f)).collect(),
        Enc::Hex => bytes
            .iter()
            .flat_map(|b| {
                let d = |x: u8| u16::from(b"0123456789abcdef"[x as usize]);
                [d(b >> 4), d(b & 15)]
            })
            .collect(),
        Enc::Base64 => base64_encode(bytes, B64, true),
        Enc::Base64url => base64_encode(bytes, B64URL, false),
    }
}

/// How many bytes of `bytes` (an encoding of a whole string) fit in `max` without splitting
/// a UTF-8 character or a UTF-16 unit (node's `buf.write` never writes half a character).
pub fn fit(bytes: &[u8], enc: Enc, max: usize) -> usize {
    if bytes.len() <= max {
        return bytes.len();
    }
    match enc {
        Enc::Utf8 => {
            let mut n = max;
            while n > 0 && bytes[n] & 0xc0 == 0x80 {
                n -= 1;
            }
            n
        }
        Enc::Utf16le => max & !1,
        _ => max,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    #[test]
    fn vectors() {
        let cases: &[(&str, Enc, &[u8])] = &[
            ("ab$cd", Enc::Base64, &[0x69, 0xb7, 0x1d]),
            ("YW=Jj", Enc::Base64, &[0x61]),
            ("-_-_", Enc::Base64, &[0xfb, 0xff, 0xbf]),
            ("abzz12", Enc::Hex, &[0xab]),
            ("abc", Enc::Hex, &[0xab]),
            ("a\u{20ac}", Enc::Utf16le, &[0x61, 0, 0xac, 0x20]),
            ("\u{e9}", Enc::Latin1, &[0xe9]),
        ];
        for (s, e, want) in cases {
            assert_eq!(encode(&u(s), *e), *want, "{s}");
        }
        assert_eq!(decode(b"hello", Enc::Base64), u("aGVsbG8="));
        assert_eq!(decode(&[0xfb, 0xff], Enc::Base64url), u("-_8"));
        assert_eq!(decode(&[0xff, 0x41], Enc::Utf8), u("\u{fffd}A"));
        assert_eq!(fit("\u{20ac}".as_bytes(), Enc::Utf8, 2), 0);
    }
}

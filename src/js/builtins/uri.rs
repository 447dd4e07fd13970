//! `encodeURI`, `encodeURIComponent`, `decodeURI`, `decodeURIComponent` (ECMA-262 19.2.6):
//! UTF-8 percent-encoding of code points; lone surrogates and malformed escapes are
//! URIErrors.

use super::arg;
use crate::js::value::Value;
use crate::js::vm::{CallArgs, JsResult, Vm, realm};

const MARK: &str = "-_.!~*'()";
const RESERVED: &str = ";/?:@&=+$,";

fn unescaped(c: u16, component: bool) -> bool {
    if c >= 128 {
        return false;
    }
    let ch = c as u8 as char;
    ch.is_ascii_alphanumeric()
        || MARK.contains(ch)
        || (!component && (RESERVED.contains(ch) || ch == '#'))
}

fn malformed(vm: &mut Vm) -> crate::js::vm::Thrown {
    vm.throw_error(realm::URI_ERROR_PROTO, "URI malformed")
}

fn encode(vm: &mut Vm, a: &CallArgs, component: bool) -> JsResult<Value> {
    let s = vm.to_string(arg(vm, a, 0))?;
    let u = vm.str_units(s).to_vec();
    let mut out: Vec<u16> = Vec::with_capacity(u.len());
    let mut i = 0;
    while i < u.len() {
        let c = u[i];
        if unescaped(c, component) {
            out.push(c);
            i += 1;
            continue;
        }
        let cp = if (0xD800..0xDC00).contains(&c) {
            match u.get(i + 1) {
                Some(&d) if (0xDC00..0xE000).contains(&d) => {
                    i += 1;
                    0x10000 + (((c as u32) - 0xD800) << 10) + ((d as u32) - 0xDC00)
                }
                _ => return Err(malformed(vm)),
            }
        } else if (0xDC00..0xE000).contains(&c) {
            return Err(malformed(vm));
        } else {
            c as u32
        };
        i += 1;
        let mut buf = [0u8; 4];
        let ch = char::from_u32(cp).unwrap_or('\u{FFFD}');
        for b in ch.encode_utf8(&mut buf).bytes() {
            for x in format!("%{b:02X}").encode_utf16() {
                out.push(x);
            }
        }
    }
    Ok(vm.new_str_units(&out))
}

fn hex_byte(u: &[u16], i: usize) -> Option<u8> {
    if u.get(i) != Some(&(b'%' as u16)) {
        return None;
    }
    let h = |c: u16| (c < 128).then(|| (c as u8 as char).to_digit(16)).flatten();
    let hi = h(*u.get(i + 1)?)?;
    let lo = h(*u.get(i + 2)?)?;
    Some((hi * 16 + lo) as u8)
}

fn decode(vm: &mut Vm, a: &CallArgs, component: bool) -> JsResult<Value> {
    let s = vm.to_string(arg(vm, a, 0))?;
    let u = vm.str_units(s).to_vec();
    let mut out: Vec<u16> = Vec::with_capacity(u.len());
    let mut i = 0;
    while i < u.len() {
        if u[i] != b'%' as u16 {
            out.push(u[i]);
            i += 1;
            continue;
        }
        let start = i;
        let Some(b) = hex_byte(&u, i) else {
            return Err(malformed(vm));
        };
        i += 3;
        if b < 0x80 {
            let ch = b as char;
            if !component && (RESERVED.contains(ch) || ch == '#') {
                out.extend_from_slice(&u[start..i]);
            } else {
                out.push(b as u16);
            }
            continue;
        }
        let n = if b & 0xE0 == 0xC0 {
            2
        } else if b & 0xF0 == 0xE0 {
            3
        } else if b & 0xF8 == 0xF0 {
            4
        } else {
            return Err(malformed(vm));
        };
        let mut bytes = vec![b];
        for _ in 1..n {
            match hex_byte(&u, i) {
                Some(c) if c & 0xC0 == 0x80 => bytes.push(c),
                _ => return Err(malformed(vm)),
            }
            i += 3;
        }
        // std's UTF-8 validation rejects overlong forms, surrogates and values past U+10FFFF.
        let Ok(st) = std::str::from_utf8(&bytes) else {
            return Err(malformed(vm));
        };
        let mut buf = [0u16; 2];
        for ch in st.chars() {
            out.extend_from_slice(ch.encode_utf16(&mut buf));
        }
    }
    Ok(vm.new_str_units(&out))
}

fn encode_uri(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    encode(vm, a, false)
}
fn encode_uri_component(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    encode(vm, a, true)
}
fn decode_uri(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    decode(vm, a, false)
}
fn decode_uri_component(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    decode(vm, a, true)
}

pub fn install(vm: &mut Vm) {
    let g = vm.global;
    vm.method(g, "encodeURI", encode_uri, 1);
    vm.method(g, "encodeURIComponent", encode_uri_component, 1);
    vm.method(g, "decodeURI", decode_uri, 1);
    vm.method(g, "decodeURIComponent", decode_uri_component, 1);
}

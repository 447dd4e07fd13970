//! The native half of kiln's `node:buffer`: byte-level work on Uint8Array views (encode,
//! decode, compare, search) that `buffer.js` calls through `require('internal/binding')`.
//! Arguments are validated by the JavaScript side; every function here still checks what it
//! touches (a view out of bounds reads as empty), so no input can panic.

use crate::js::builtins::arg;
use crate::js::builtins::array_buffer::new_buffer;
use crate::js::node::encoding::{self, Enc};
use crate::js::value::Value;
use crate::js::vm::{CallArgs, JsResult, Vm};

impl Vm {
    /// The bytes a typed array views (empty when it is out of bounds or not a typed array).
    pub fn view_bytes(&self, v: Value) -> &[u8] {
        let Some(kind) = self.ta_kind(v) else {
            return &[];
        };
        let len = self.ta_length_or_zero(v) * kind.size();
        let off = self.view_offset(v);
        let buf = self.view_buffer(v);
        self.buf_data(buf).bytes.get(off..off + len).unwrap_or(&[])
    }

    /// The bytes of a typed array, writable (empty when out of bounds).
    pub fn view_bytes_mut(&mut self, v: Value) -> &mut [u8] {
        let Some(kind) = self.ta_kind(v) else {
            return &mut [];
        };
        let len = self.ta_length_or_zero(v) * kind.size();
        let off = self.view_offset(v);
        let buf = self.view_buffer(v);
        self.buf_data_mut(buf)
            .bytes
            .get_mut(off..off + len)
            .unwrap_or(&mut [])
    }

    /// A new ArrayBuffer holding `bytes`.
    pub fn buffer_from_bytes(&mut self, bytes: &[u8]) -> JsResult<Value> {
        let b = new_buffer(self, bytes.len())?;
        self.buf_data_mut(b).bytes.copy_from_slice(bytes);
        Ok(b)
    }
}

fn enc_arg(vm: &Vm, a: &CallArgs, i: usize) -> Enc {
    let v = arg(vm, a, i);
    Enc::from_code(if v.is_number() { v.as_number() } else { 0.0 })
}

fn str_units(vm: &mut Vm, v: Value) -> JsResult<Vec<u16>> {
    let s = vm.to_string(v)?;
    Ok(vm.str_units(s).to_vec())
}

/// `encode(string, enc)`: an ArrayBuffer of the string's bytes.
fn encode(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let units = str_units(vm, arg(vm, a, 0))?;
    let bytes = encoding::encode(&units, enc_arg(vm, a, 1));
    vm.buffer_from_bytes(&bytes)
}

/// `byteLength(string, enc)`.
fn byte_length(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let units = str_units(vm, arg(vm, a, 0))?;
    let e = enc_arg(vm, a, 1);
    let n = match e {
        Enc::Latin1 | Enc::Ascii => units.len(),
        Enc::Utf16le => units.len() * 2,
        Enc::Hex => units.len() / 2,
        Enc::Base64 | Enc::Base64url => {
            // node's estimate (lib/buffer.js base64ByteLength): padding aside, 3/4.
            let mut n = units.len();
            for _ in 0..2 {
                if n > 0 && units[n - 1] == u16::from(b'=') {
                    n -= 1;
                }
            }
            n * 3 / 4
        }
        Enc::Utf8 => encoding::encode(&units, e).len(),
    };
    Ok(Value::number(n as f64))
}

fn index_arg(vm: &Vm, a: &CallArgs, i: usize) -> usize {
    let v = arg(vm, a, i);
    if v.is_number() && v.as_number() > 0.0 {
        v.as_number() as usize
    } else {
        0
    }
}

/// `encodeInto(view, string, enc, offset, max)`: writes the string's bytes (whole characters
/// only) at `offset`, at most `max`; returns how many were written.
fn encode_into(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let view = arg(vm, a, 0);
    let units = str_units(vm, arg(vm, a, 1))?;
    let e = enc_arg(vm, a, 2);
    let (off, max) = (index_arg(vm, a, 3), index_arg(vm, a, 4));
    let bytes = encoding::encode(&units, e);
    let dst = vm.view_bytes_mut(view);
    let room = dst.len().saturating_sub(off).min(max);
    let n = encoding::fit(&bytes, e, room);
    if n > 0 {
        dst[off..off + n].copy_from_slice(&bytes[..n]);
    }
    Ok(Value::number(n as f64))
}

/// `decode(view, enc, start, end)`: the string of bytes `start..end`.
fn decode(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let view = arg(vm, a, 0);
    let e = enc_arg(vm, a, 1);
    let (start, end) = (index_arg(vm, a, 2), index_arg(vm, a, 3));
    let bytes = vm.view_bytes(view);
    let end = end.min(bytes.len());
    let units = encoding::decode(bytes.get(start..end).unwrap_or(&[]), e);
    Ok(vm.new_str_units(&units))
}

/// `compare(a, b)`: -1, 0 or 1 by bytes.
fn compare(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let x = vm.view_bytes(arg(vm, a, 0));
    let y = vm.view_bytes(arg(vm, a, 1));
    Ok(Value::int(x.cmp(y) as i32))
}

/// node's IndexOfOffset (src/node_buffer.cc): where a search starts, or -1 for no match.
fn start_offset(len: i64, offset: i64, needle: i64, forward: bool) -> i64 {
    if offset < 0 {
        if offset + len >= 0 {
            len + offset
        } else if forward || needle == 0 {
            0
        } else {
            -1
        }
    } else if offset + needle <= len {
        offset
    } else if needle == 0 {
        len
    } else if forward {
        -1
    } else {
        len - 1
    }
}

/// `indexOf(haystack, needle, byteOffset, forward)`: node's search of a byte string.
fn index_of(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let off = arg(vm, a, 2);
    let off = if off.is_number() {
        off.as_number()
    } else {
        0.0
    };
    let forward = vm.truthy(arg(vm, a, 3));
    let hay = vm.view_bytes(arg(vm, a, 0));
    let needle = vm.view_bytes(arg(vm, a, 1));
    let (hl, nl) = (hay.len() as i64, needle.len() as i64);
    let start = start_offset(hl, off as i64, nl, forward);
    let found = if nl == 0 {
        start
    } else if hl == 0 || start < 0 || nl > hl {
        -1
    } else {
        let hits = |i: &i64| hay[*i as usize..(*i + nl) as usize] == *needle;
        let last = hl - nl;
        if forward {
            (start..=last).find(hits).unwrap_or(-1)
        } else {
            (0..=start.min(last)).rev().find(hits).unwrap_or(-1)
        }
    };
    Ok(Value::number(found as f64))
}

fn is_any_array_buffer(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    Ok(Value::bool(vm.is_any_buffer(arg(vm, a, 0))))
}

/// `isView(v, uint8)`: a typed array (a Uint8Array when `uint8`).
fn is_typed(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let k = vm.ta_kind(arg(vm, a, 0));
    let want_u8 = vm.truthy(arg(vm, a, 1));
    Ok(Value::bool(match k {
        Some(k) => !want_u8 || k == crate::js::typed::Kind::Uint8,
        None => false,
    }))
}

/// `inspect(v)`: `util.inspect` as `console.log` writes it (for error messages).
fn inspect(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let s = vm.inspect(arg(vm, a, 0));
    Ok(vm.new_str(&s))
}

/// `setBufferPrototype(p)`: records `Buffer.prototype` for `console.log`.
fn set_buffer_prototype(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    vm.realm[crate::js::vm::realm::BUFFER_PROTO] = arg(vm, a, 0);
    Ok(Value::UNDEFINED)
}

pub fn install(vm: &mut Vm, b: Value) {
    vm.method(b, "encode", encode, 2);
    vm.method(b, "encodeInto", encode_into, 5);
    vm.method(b, "byteLength", byte_length, 2);
    vm.method(b, "decode", decode, 4);
    vm.method(b, "compare", compare, 2);
    vm.method(b, "indexOf", index_of, 4);
    vm.method(b, "isAnyArrayBuffer", is_any_array_buffer, 1);
    vm.method(b, "isTypedArray", is_typed, 2);
    vm.method(b, "inspect", inspect, 1);
    vm.method(b, "setBufferPrototype", set_buffer_prototype, 1);
}

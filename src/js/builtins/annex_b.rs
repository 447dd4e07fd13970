//! Annex B legacy built-ins (ES2025 B.2): the global `escape`/`unescape` (B.2.1), the
//! String.prototype HTML methods (`anchor` … `sup`, B.2.2.2–14 through CreateHTML) and
//! `Object.prototype.__defineGetter__` / `__defineSetter__` / `__lookupGetter__` /
//! `__lookupSetter__` (B.2.2.2–5 of Object.prototype).

use super::arg;
use super::object::{define_error, to_object};
use super::string::this_str;
use crate::js::define::PropDesc;
use crate::js::shape;
use crate::js::value::Value;
use crate::js::vm::{CallArgs, JsResult, Vm, realm};

const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// ES2025 B.2.1.1 escape ( string ): units outside `A–Z a–z 0–9 @*_+-./` become `%XX`
/// (below 256) or `%uXXXX`.
fn escape(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let s = vm.to_string(arg(vm, a, 0))?;
    let s = vm.str_units(s).to_vec();
    let mut out: Vec<u16> = Vec::with_capacity(s.len());
    for &c in &s {
        let keep = c < 128 && {
            let b = c as u8;
            b.is_ascii_alphanumeric() || b"@*_+-./".contains(&b)
        };
        if keep {
            out.push(c);
        } else if c < 256 {
            out.extend([b'%', HEX[(c >> 4) as usize], HEX[(c & 15) as usize]].map(u16::from));
        } else {
            out.extend(b"%u".map(u16::from));
            for shift in [12, 8, 4, 0] {
                out.push(HEX[((c >> shift) & 15) as usize] as u16);
            }
        }
    }
    Ok(vm.new_str_units(&out))
}

/// The value of `n` hex digits at `u[i..]`, if they are all there.
fn hex_at(u: &[u16], i: usize, n: usize) -> Option<u16> {
    let digits = u.get(i..i + n)?;
    let mut v = 0u16;
    for &d in digits {
        let d = char::from_u32(d as u32)?.to_digit(16)?;
        v = v * 16 + d as u16;
    }
    Some(v)
}

/// ES2025 B.2.1.2 unescape ( string ): `%uXXXX` and `%XX` back to code units; any other `%`
/// stays as it is.
fn unescape(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let s = vm.to_string(arg(vm, a, 0))?;
    let s = vm.str_units(s).to_vec();
    let mut out: Vec<u16> = Vec::with_capacity(s.len());
    let mut k = 0;
    while k < s.len() {
        let c = s[k];
        if c == b'%' as u16 {
            if s.get(k + 1) == Some(&(b'u' as u16))
                && let Some(v) = hex_at(&s, k + 2, 4)
            {
                out.push(v);
                k += 6;
                continue;
            }
            if let Some(v) = hex_at(&s, k + 1, 2) {
                out.push(v);
                k += 3;
                continue;
            }
        }
        out.push(c);
        k += 1;
    }
    Ok(vm.new_str_units(&out))
}

/// ES2025 B.2.2.2.1 CreateHTML ( string, tag, attribute, value ): `<tag attr="value">S</tag>`
/// with `"` in the value written `&quot;`.
fn create_html(vm: &mut Vm, a: &CallArgs, tag: &str, attr: &str) -> JsResult<Value> {
    let s = this_str(vm, a)?;
    let mut out: Vec<u16> = Vec::with_capacity(s.len() + 2 * tag.len() + 5);
    out.push(b'<' as u16);
    out.extend(tag.encode_utf16());
    if !attr.is_empty() {
        let v = vm.to_string(arg(vm, a, 0))?;
        let v = vm.str_units(v).to_vec();
        out.push(b' ' as u16);
        out.extend(attr.encode_utf16());
        out.extend("=\"".encode_utf16());
        for c in v {
            if c == b'"' as u16 {
                out.extend("&quot;".encode_utf16());
            } else {
                out.push(c);
            }
        }
        out.push(b'"' as u16);
    }
    out.push(b'>' as u16);
    out.extend_from_slice(&s);
    out.extend("</".encode_utf16());
    out.extend(tag.encode_utf16());
    out.push(b'>' as u16);
    Ok(vm.new_str_units(&out))
}

/// One native function per HTML method (they differ only in tag and attribute).
macro_rules! html_methods {
    ($(($name:literal, $f:ident, $tag:literal, $attr:literal, $len:literal)),* $(,)?) => {
        $(fn $f(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
            create_html(vm, a, $tag, $attr)
        })*
        const HTML_METHODS: &[(&str, crate::js::vm::NativeFn, u32)] = &[$(($name, $f, $len)),*];
    };
}
html_methods![
    ("anchor", anchor, "a", "name", 1),
    ("big", big, "big", "", 0),
    ("blink", blink, "blink", "", 0),
    ("bold", bold, "b", "", 0),
    ("fixed", fixed, "tt", "", 0),
    ("fontcolor", fontcolor, "font", "color", 1),
    ("fontsize", fontsize, "font", "size", 1),
    ("italics", italics, "i", "", 0),
    ("link", link, "a", "href", 1),
    ("small", small, "small", "", 0),
    ("strike", strike, "strike", "", 0),
    ("sub", sub, "sub", "", 0),
    ("sup", sup, "sup", "", 0),
];

/// B.2.2.2 / B.2.2.3: defines an enumerable, configurable accessor half on ToObject(this).
fn define_accessor_half(vm: &mut Vm, a: &CallArgs, getter: bool) -> JsResult<Value> {
    let o = to_object(vm, a.this)?;
    vm.roots.push(o);
    let r = (|| {
        let f = arg(vm, a, 1);
        if !vm.is_callable(f) {
            let name = if getter {
                "__defineGetter__"
            } else {
                "__defineSetter__"
            };
            return Err(
                vm.throw_type_error(&format!("Object.prototype.{name}: Expecting function"))
            );
        }
        let key = vm.to_property_key(arg(vm, a, 0))?;
        let d = PropDesc {
            get: getter.then_some(f),
            set: (!getter).then_some(f),
            enumerable: Some(true),
            configurable: Some(true),
            ..PropDesc::default()
        };
        if !vm.define_own_property(o, key, d)? {
            return Err(define_error(vm, o, key));
        }
        Ok(Value::UNDEFINED)
    })();
    vm.roots.pop();
    r
}
fn define_getter(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    define_accessor_half(vm, a, true)
}
fn define_setter(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    define_accessor_half(vm, a, false)
}

/// B.2.2.4 / B.2.2.5: the getter (setter) of the first own property named P along the
/// prototype chain of ToObject(this); undefined when that property is a data property.
fn lookup_accessor_half(vm: &mut Vm, a: &CallArgs, getter: bool) -> JsResult<Value> {
    let o = to_object(vm, a.this)?;
    vm.roots.push(o);
    let r = (|| {
        let key = vm.to_property_key(arg(vm, a, 0))?;
        let mut o = o;
        while o.is_object() {
            if let Some((v, f)) = vm.get_own_raw(o, key) {
                if f & shape::ACCESSOR == 0 {
                    return Ok(Value::UNDEFINED);
                }
                let (g, s) = vm.accessor_parts(v);
                return Ok(if getter { g } else { s });
            }
            o = vm.obj(o).proto;
        }
        Ok(Value::UNDEFINED)
    })();
    vm.roots.pop();
    r
}
fn lookup_getter(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    lookup_accessor_half(vm, a, true)
}
fn lookup_setter(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    lookup_accessor_half(vm, a, false)
}

pub fn install(vm: &mut Vm) {
    let g = vm.global;
    vm.method(g, "escape", escape, 1);
    vm.method(g, "unescape", unescape, 1);
    let sp = vm.realm[realm::STRING_PROTO];
    for &(n, f, l) in HTML_METHODS {
        vm.method(sp, n, f, l);
    }
    let op = vm.realm[realm::OBJECT_PROTO];
    vm.method(op, "__defineGetter__", define_getter, 2);
    vm.method(op, "__defineSetter__", define_setter, 2);
    vm.method(op, "__lookupGetter__", lookup_getter, 1);
    vm.method(op, "__lookupSetter__", lookup_setter, 1);
}

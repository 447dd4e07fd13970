//! `JSON.stringify` and `JSON.parse`.

use super::arg;
use crate::js::atoms;
use crate::js::format::number::number_to_string;
use crate::js::object::*;
use crate::js::shape;
use crate::js::value::Value;
use crate::js::vm::{CallArgs, JsResult, Vm};

pub fn quote_json(s: &[u16], out: &mut String) {
    out.push('"');
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        match c {
            0x22 => out.push_str("\\\""),
            0x5C => out.push_str("\\\\"),
            0x08 => out.push_str("\\b"),
            0x0C => out.push_str("\\f"),
            0x0A => out.push_str("\\n"),
            0x0D => out.push_str("\\r"),
            0x09 => out.push_str("\\t"),
            c if c < 0x20 => out.push_str(&format!("\\u{c:04x}")),
            0xD800..=0xDBFF if i + 1 < s.len() && (0xDC00..=0xDFFF).contains(&s[i + 1]) => {
                out.push_str(&String::from_utf16_lossy(&s[i..i + 2]));
                i += 1;
            }
            0xD800..=0xDFFF => out.push_str(&format!("\\u{c:04x}")),
            c => out.push(char::from_u32(c as u32).unwrap_or('\u{FFFD}')),
        }
        i += 1;
    }
    out.push('"');
}

struct Stringifier {
    replacer: Value,
    allow: Option<Vec<Value>>,
    gap: String,
    stack: Vec<Value>,
}

impl Stringifier {
    fn ser(
        &mut self,
        vm: &mut Vm,
        holder: Value,
        key: Value,
        v: Value,
        indent: &str,
        out: &mut String,
    ) -> JsResult<bool> {
        let base = vm.roots.len();
        vm.roots.extend_from_slice(&[holder, key, v]);
        let r = self.ser_inner(vm, holder, key, v, indent, out);
        vm.roots.truncate(base);
        r
    }
    fn ser_inner(
        &mut self,
        vm: &mut Vm,
        holder: Value,
        key: Value,
        mut v: Value,
        indent: &str,
        out: &mut String,
    ) -> JsResult<bool> {
        if v.is_object() || vm.is_bigint(v) {
            let tj = vm.get_named(v, atoms::TO_JSON)?;
            if vm.is_callable(tj) {
                v = vm.call_function(tj, v, &[key])?;
            }
        }
        if vm.is_callable(self.replacer) {
            v = vm.call_function(self.replacer, holder, &[key, v])?;
        }
        if v.is_object() {
            match vm.class_of(v) {
                CLASS_NUMBER => v = Value::number(vm.to_number(v)?),
                CLASS_STRING => v = vm.to_string(v)?,
                CLASS_BOOLEAN | CLASS_BIGINT => v = vm.obj(v).aux[0],
                _ => {}
            }
        }
        if v.is_null() {
            out.push_str("null");
            return Ok(true);
        }
        if vm.is_bigint(v) {
            return Err(vm.throw_type_error("Do not know how to serialize a BigInt"));
        }
        if v.is_bool() {
            out.push_str(if v == Value::TRUE { "true" } else { "false" });
            return Ok(true);
        }
        if v.is_string() {
            quote_json(vm.str_units(v), out);
            return Ok(true);
        }
        if v.is_number() {
            let n = v.as_number();
            out.push_str(&if n.is_finite() {
                number_to_string(n)
            } else {
                "null".into()
            });
            return Ok(true);
        }
        if !v.is_object() || vm.is_callable(v) {
            return Ok(false);
        }
        if self.stack.len() >= 10_000 {
            // Deep nesting: fail at once as node does (and keep the cycle check linear).
            return Err(vm.throw_range_error("Maximum call stack size exceeded"));
        }
        if self.stack.contains(&v) {
            return Err(vm.throw_type_error("Converting circular structure to JSON"));
        }
        self.stack.push(v);
        vm.roots.push(v);
        let inner = format!("{indent}{}", self.gap);
        let r = (|| {
            if vm.is_array_js(v)? {
                let n = if vm.is_array(v) {
                    vm.obj(v).elem_len as usize
                } else {
                    // A proxy of an array: LengthOfArrayLike through its traps.
                    let len = vm.get_named(v, crate::js::atoms::LENGTH)?;
                    vm.to_integer(len)?.clamp(0.0, u32::MAX as f64) as usize
                };
                if n == 0 {
                    out.push_str("[]");
                    return Ok(());
                }
                out.push('[');
                for i in 0..n {
                    if i > 0 {
                        out.push(',');
                    }
                    if !self.gap.is_empty() {
                        out.push('\n');
                        out.push_str(&inner);
                    }
                    let e = vm.get(v, PropKey::Index(i as u32))?;
                    let k = vm.new_str(&i.to_string());
                    if !self.ser(vm, v, k, e, &inner, out)? {
                        out.push_str("null");
                    }
                }
                if !self.gap.is_empty() {
                    out.push('\n');
                    out.push_str(indent);
                }
                out.push(']');
                return Ok(());
            }
            let keys: Vec<Value> = match &self.allow {
                Some(a) => a.clone(),
                None => {
                    let ks = vm.enumerable_own_keys_js(v)?;
                    ks.into_iter().map(|k| vm.key_value(k)).collect()
                }
            };
            let base = vm.roots.len();
            vm.roots.extend_from_slice(&keys);
            out.push('{');
            let mut any = false;
            for k in keys {
                let pk = vm.to_property_key(k)?;
                let e = vm.get(v, pk)?;
                let mark = out.len();
                if any {
                    out.push(',');
                }
                if !self.gap.is_empty() {
                    out.push('\n');
                    out.push_str(&inner);
                }
                quote_json(vm.str_units(k), out);
                out.push(':');
                if !self.gap.is_empty() {
                    out.push(' ');
                }
                if self.ser(vm, v, k, e, &inner, out)? {
                    any = true;
                } else {
                    out.truncate(mark);
                }
            }
            vm.roots.truncate(base);
            if any && !self.gap.is_empty() {
                out.push('\n');
                out.push_str(indent);
            }
            out.push('}');
            Ok(())
        })();
        vm.roots.pop();
        self.stack.pop();
        r.map(|_| true)
    }
}

/// JSON.stringify(v) with no replacer/indent; None for undefined results.
pub fn stringify_value(vm: &mut Vm, v: Value) -> JsResult<Option<String>> {
    let mut s = Stringifier {
        replacer: Value::UNDEFINED,
        allow: None,
        gap: String::new(),
        stack: Vec::new(),
    };
    let mut out = String::new();
    let holder = vm.new_object();
    let k = vm.new_str("");
    Ok(if s.ser(vm, holder, k, v, "", &mut out)? {
        Some(out)
    } else {
        None
    })
}

fn stringify(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let v = arg(vm, a, 0);
    let rep = arg(vm, a, 1);
    let mut sp = arg(vm, a, 2);
    // Number and String objects count as their values (ES2025 25.5.2.1 step 5).
    if sp.is_object() {
        match vm.class_of(sp) {
            CLASS_NUMBER => sp = Value::number(vm.to_number(sp)?),
            CLASS_STRING => sp = vm.to_string(sp)?,
            _ => {}
        }
    }
    let gap = if sp.is_number() {
        " ".repeat(sp.as_number().clamp(0.0, 10.0) as usize)
    } else if sp.is_string() {
        vm.str_to_string(sp).chars().take(10).collect()
    } else {
        String::new()
    };
    let allow = if vm.is_array_js(rep)? {
        let mut l = Vec::new();
        // (A proxy of an array is read through its traps.)
        for x in super::function::array_like_to_vec(vm, rep)? {
            if x.is_string() || x.is_number() {
                l.push(vm.to_string(x)?);
            }
        }
        Some(l)
    } else {
        None
    };
    if let Some(l) = &allow {
        vm.roots.extend_from_slice(l);
    }
    let n = allow.as_ref().map(|l| l.len()).unwrap_or(0);
    let mut s = Stringifier {
        replacer: rep,
        allow,
        gap,
        stack: Vec::new(),
    };
    let holder = vm.new_object();
    vm.roots.push(holder);
    let k = vm.new_str("");
    let mut out = String::new();
    let r = s.ser(vm, holder, k, v, "", &mut out);
    let len = vm.roots.len();
    vm.roots.truncate(len - 1 - n);
    if r? {
        Ok(vm.new_str(&out))
    } else {
        Ok(Value::UNDEFINED)
    }
}

struct Parser<'s> {
    s: &'s [u16],
    i: usize,
}

impl Parser<'_> {
    fn ws(&mut self) {
        while self.i < self.s.len() && matches!(self.s[self.i], 0x20 | 0x09 | 0x0A | 0x0D) {
            self.i += 1;
        }
    }
    fn err(&self, vm: &mut Vm) -> crate::js::vm::Thrown {
        if self.i >= self.s.len() {
            vm.throw_syntax_error("Unexpected end of JSON input")
        } else {
            let c = String::from_utf16_lossy(&self.s[self.i..self.i + 1]);
            vm.throw_syntax_error(&format!(
                "Unexpected token '{c}', \"{}\" is not valid JSON",
                String::from_utf16_lossy(self.s)
            ))
        }
    }
    fn value(&mut self, vm: &mut Vm) -> JsResult<Value> {
        self.ws();
        let Some(&c) = self.s.get(self.i) else {
            return Err(self.err(vm));
        };
        match c {
            0x7B => {
                self.i += 1;
                let o = vm.new_object();
                vm.roots.push(o);
                let r = (|| {
                    self.ws();
                    if self.s.get(self.i) == Some(&0x7D) {
                        self.i += 1;
                        return Ok(o);
                    }
                    loop {
                        self.ws();
                        if self.s.get(self.i) != Some(&0x22) {
                            return Err(self.err(vm));
                        }
                        let k = self.string(vm)?;
                        self.ws();
                        if self.s.get(self.i) != Some(&0x3A) {
                            return Err(self.err(vm));
                        }
                        self.i += 1;
                        vm.roots.push(k);
                        let v = self.value(vm);
                        vm.roots.pop();
                        let v = v?;
                        let pk = vm.to_property_key(k)?;
                        vm.define_own(o, pk, v, shape::DEFAULT);
                        self.ws();
                        match self.s.get(self.i) {
                            Some(&0x2C) => self.i += 1,
                            Some(&0x7D) => {
                                self.i += 1;
                                return Ok(o);
                            }
                            _ => return Err(self.err(vm)),
                        }
                    }
                })();
                vm.roots.pop();
                r
            }
            0x5B => {
                self.i += 1;
                let arr = vm.new_array(0);
                vm.roots.push(arr);
                let r = (|| {
                    self.ws();
                    if self.s.get(self.i) == Some(&0x5D) {
                        self.i += 1;
                        return Ok(arr);
                    }
                    loop {
                        let v = self.value(vm)?;
                        vm.array_push(arr, v);
                        self.ws();
                        match self.s.get(self.i) {
                            Some(&0x2C) => self.i += 1,
                            Some(&0x5D) => {
                                self.i += 1;
                                return Ok(arr);
                            }
                            _ => return Err(self.err(vm)),
                        }
                    }
                })();
                vm.roots.pop();
                r
            }
            0x22 => self.string(vm),
            _ => {
                for (lit, v) in [
                    ("true", Value::TRUE),
                    ("false", Value::FALSE),
                    ("null", Value::NULL),
                ] {
                    let u: Vec<u16> = lit.encode_utf16().collect();
                    if self.s[self.i..].starts_with(&u) {
                        self.i += u.len();
                        return Ok(v);
                    }
                }
                let start = self.i;
                if self.s.get(self.i) == Some(&0x2D) {
                    self.i += 1;
                }
                let digits = |p: &mut Self| {
                    let b = p.i;
                    while p.i < p.s.len() && (0x30..=0x39).contains(&p.s[p.i]) {
                        p.i += 1;
                    }
                    p.i > b
                };
                let int_start = self.i;
                if !digits(self) {
                    return Err(self.err(vm));
                }
                if self.s[int_start] == 0x30 && self.i - int_start > 1 {
                    self.i = int_start + 1;
                    return Err(self.err(vm));
                }
                if self.s.get(self.i) == Some(&0x2E) {
                    self.i += 1;
                    if !digits(self) {
                        return Err(self.err(vm));
                    }
                }
                if matches!(self.s.get(self.i), Some(&0x65) | Some(&0x45)) {
                    self.i += 1;
                    if matches!(self.s.get(self.i), Some(&0x2B) | Some(&0x2D)) {
                        self.i += 1;
                    }
                    if !digits(self) {
                        return Err(self.err(vm));
                    }
                }
                let t = String::from_utf16_lossy(&self.s[start..self.i]);
                Ok(Value::number(t.parse::<f64>().unwrap_or(f64::NAN)))
            }
        }
    }
    fn string(&mut self, vm: &mut Vm) -> JsResult<Value> {
        self.i += 1;
        let mut out: Vec<u16> = Vec::new();
        loop {
            let Some(&c) = self.s.get(self.i) else {
                return Err(self.err(vm));
            };
            self.i += 1;
            match c {
                0x22 => break,
                0x5C => {
                    let Some(&e) = self.s.get(self.i) else {
                        return Err(self.err(vm));
                    };
                    self.i += 1;
                    match e {
                        0x6E => out.push(0x0A),
                        0x74 => out.push(0x09),
                        0x72 => out.push(0x0D),
                        0x62 => out.push(0x08),
                        0x66 => out.push(0x0C),
                        0x75 => {
                            let h = String::from_utf16_lossy(
                                self.s.get(self.i..self.i + 4).unwrap_or(&[]),
                            );
                            match u16::from_str_radix(&h, 16) {
                                Ok(u) if h.len() == 4 => out.push(u),
                                _ => return Err(self.err(vm)),
                            }
                            self.i += 4;
                        }
                        0x22 | 0x5C | 0x2F => out.push(e),
                        _ => {
                            self.i -= 1;
                            return Err(self.err(vm));
                        }
                    }
                }
                c if c < 0x20 => {
                    self.i -= 1;
                    return Err(self.err(vm));
                }
                c => out.push(c),
            }
        }
        Ok(vm.new_str_units(&out))
    }
}

fn revive(vm: &mut Vm, holder: Value, key: Value, f: Value) -> JsResult<Value> {
    vm.roots.push(key);
    let r = revive_inner(vm, holder, key, f);
    vm.roots.pop();
    r
}
fn revive_inner(vm: &mut Vm, holder: Value, key: Value, f: Value) -> JsResult<Value> {
    let pk = vm.to_property_key(key)?;
    let v = vm.get(holder, pk)?;
    if v.is_object() {
        vm.roots.push(v);
        let r = (|| {
            for k in vm.enumerable_own_keys_js(v)? {
                let kv = vm.key_value(k);
                let nv = revive(vm, v, kv, f)?;
                if nv.is_undefined() {
                    vm.delete_property(v, k)?;
                } else {
                    let d = crate::js::define::PropDesc::data(nv, shape::DEFAULT);
                    vm.define_own_property(v, k, d)?;
                }
            }
            Ok(())
        })();
        vm.roots.pop();
        r?;
    }
    vm.call_function(f, holder, &[key, v])
}

fn parse(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let s = vm.to_string(arg(vm, a, 0))?;
    let units = vm.str_units(s).to_vec();
    let mut p = Parser { s: &units, i: 0 };
    let v = p.value(vm)?;
    p.ws();
    if p.i < units.len() {
        return Err(p.err(vm));
    }
    let f = arg(vm, a, 1);
    if vm.is_callable(f) {
        let root = vm.new_object();
        vm.define_own(root, PropKey::Atom(atoms::EMPTY_STR), v, shape::DEFAULT);
        vm.roots.push(root);
        let k = vm.new_str("");
        let r = revive(vm, root, k, f);
        vm.roots.pop();
        return r;
    }
    Ok(v)
}

pub fn install(vm: &mut Vm) {
    let j = vm.new_object();
    vm.method(j, "stringify", stringify, 3);
    vm.method(j, "parse", parse, 2);
    let g = vm.global;
    vm.put(g, "JSON", j, shape::HIDDEN);
}

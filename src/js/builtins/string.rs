//! `String` and `String.prototype` (UTF-16 semantics).

use super::{arg, rel_index};
use crate::js::interp::iter::IT_STRING;
use crate::js::object::*;
use crate::js::value::Value;
use crate::js::vm::{CallArgs, JsResult, Vm, realm};

/// `this` as a string value, without copying it: a primitive string, a String object's
/// string, or ToString of anything else (null and undefined are a TypeError).
pub(super) fn this_value(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let t = a.this;
    if t.is_string() {
        return Ok(t);
    }
    if t.is_object() && vm.class_of(t) == CLASS_STRING {
        return Ok(vm.obj(t).aux[0]);
    }
    if t.is_nullish() {
        return Err(vm.throw_type_error("String.prototype method called on null or undefined"));
    }
    vm.to_string(t)
}
/// The units of `this` as a copy, for methods whose work is proportional to the whole
/// string anyway (case mapping, padding, replacing, ...).
pub(super) fn this_str(vm: &mut Vm, a: &CallArgs) -> JsResult<Vec<u16>> {
    let s = this_value(vm, a)?;
    Ok(vm.str_units(s).to_vec())
}
/// Runs `f` with `keep` rooted: the string values a method holds while it converts its other
/// arguments, which may run JavaScript (`valueOf`, `toString`, getters) and so a collection.
fn rooted<R>(vm: &mut Vm, keep: &[Value], f: impl FnOnce(&mut Vm) -> JsResult<R>) -> JsResult<R> {
    let n = vm.roots.len();
    vm.roots.extend_from_slice(keep);
    let r = f(vm);
    vm.roots.truncate(n);
    r
}
/// ToIntegerOrInfinity of argument `i` (`keep` rooted if that may run JavaScript).
fn integer_arg(vm: &mut Vm, a: &CallArgs, i: usize, keep: &[Value]) -> JsResult<f64> {
    let v = arg(vm, a, i);
    if !v.is_object() {
        return vm.to_integer(v);
    }
    rooted(vm, keep, |vm| vm.to_integer(v))
}
/// ToString of argument `i` as a string value (`keep` rooted if that may run JavaScript).
fn string_arg(vm: &mut Vm, a: &CallArgs, i: usize, keep: &[Value]) -> JsResult<Value> {
    let v = arg(vm, a, i);
    if !v.is_object() {
        return vm.to_string(v);
    }
    rooted(vm, keep, |vm| vm.to_string(v))
}
fn arg_str(vm: &mut Vm, a: &CallArgs, i: usize) -> JsResult<Vec<u16>> {
    let s = vm.to_string(arg(vm, a, i))?;
    Ok(vm.str_units(s).to_vec())
}
fn find(h: &[u16], n: &[u16], from: usize) -> Option<usize> {
    if n.is_empty() {
        return Some(from.min(h.len()));
    }
    if n.len() > h.len() || from > h.len() - n.len() {
        return None;
    }
    if let [c] = *n {
        return h[from..].iter().position(|&u| u == c).map(|i| i + from);
    }
    let (first, rest) = (n[0], &n[1..]);
    (from..=h.len() - n.len()).find(|&i| h[i] == first && &h[i + 1..i + n.len()] == rest)
}
fn rfind(h: &[u16], n: &[u16], from: usize) -> Option<usize> {
    if n.len() > h.len() {
        return None;
    }
    let start = from.min(h.len() - n.len());
    (0..=start).rev().find(|&i| &h[i..i + n.len()] == n)
}

fn string_ctor(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let s = if a.argc == 0 {
        vm.new_str("")
    } else {
        let v = arg(vm, a, 0);
        if v.is_object() && vm.class_of(v) == CLASS_SYMBOL {
            let d = vm.symbol_descriptive(v);
            vm.new_str(&d)
        } else {
            vm.to_string(v)?
        }
    };
    if a.new_target.is_undefined() {
        return Ok(s);
    }
    let proto = vm.proto_from_new_target(a, realm::STRING_PROTO)?;
    let o = vm.new_object_with(CLASS_STRING, proto);
    vm.obj_mut(o).aux[0] = s;
    Ok(o)
}
fn from_char_code(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let mut u = Vec::new();
    for i in 0..a.argc {
        u.push(vm.to_uint32(arg(vm, a, i))? as u16);
    }
    Ok(vm.new_str_units(&u))
}
fn from_code_point(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let mut u: Vec<u16> = Vec::new();
    for i in 0..a.argc {
        let n = vm.to_number(arg(vm, a, i))?;
        if n != n.trunc() || !(0.0..=1114111.0).contains(&n) {
            return Err(vm.throw_range_error(&format!(
                "Invalid code point {}",
                crate::js::format::number::number_to_string(n)
            )));
        }
        // Lone surrogates are code points too: encode by hand (char rejects them).
        let c = n as u32;
        if c < 0x10000 {
            u.push(c as u16);
        } else {
            let c = c - 0x10000;
            u.push(0xD800 + (c >> 10) as u16);
            u.push(0xDC00 + (c & 0x3FF) as u16);
        }
    }
    Ok(vm.new_str_units(&u))
}

fn char_at(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let s = this_value(vm, a)?;
    let i = integer_arg(vm, a, 0, &[s])?;
    if i < 0.0 || i >= vm.str_len(s) as f64 {
        return Ok(vm.atom_value(crate::js::atoms::EMPTY_STR));
    }
    let c = vm.str_units(s)[i as usize];
    Ok(vm.unit_str(c))
}
pub(super) fn char_code_at(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let s = this_value(vm, a)?;
    let i = integer_arg(vm, a, 0, &[s])?;
    if i < 0.0 || i >= vm.str_len(s) as f64 {
        return Ok(Value::NAN);
    }
    Ok(Value::int(vm.str_units(s)[i as usize] as i32))
}
fn code_point_at(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let s = this_value(vm, a)?;
    let i = integer_arg(vm, a, 0, &[s])?;
    if i < 0.0 || i >= vm.str_len(s) as f64 {
        return Ok(Value::UNDEFINED);
    }
    let s = vm.str_units(s);
    let i = i as usize;
    let c = s[i] as u32;
    if (0xD800..0xDC00).contains(&c)
        && i + 1 < s.len()
        && (0xDC00..0xE000).contains(&(s[i + 1] as u32))
    {
        let cp = 0x10000 + ((c - 0xD800) << 10) + (s[i + 1] as u32 - 0xDC00);
        return Ok(Value::int(cp as i32));
    }
    Ok(Value::int(c as i32))
}
fn at_m(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let s = this_value(vm, a)?;
    let i = integer_arg(vm, a, 0, &[s])?;
    let n = vm.str_len(s) as f64;
    let i = if i < 0.0 { n + i } else { i };
    if i < 0.0 || i >= n {
        return Ok(Value::UNDEFINED);
    }
    let c = vm.str_units(s)[i as usize];
    Ok(vm.unit_str(c))
}
fn index_of(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let s = this_value(vm, a)?;
    let n = string_arg(vm, a, 0, &[s])?;
    let from = integer_arg(vm, a, 1, &[s, n])?.max(0.0);
    let from = from.min(vm.str_len(s) as f64) as usize;
    let found = find(vm.str_units(s), vm.str_units(n), from);
    Ok(Value::int(found.map(|i| i as i32).unwrap_or(-1)))
}
fn last_index_of(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let s = this_value(vm, a)?;
    let n = string_arg(vm, a, 0, &[s])?;
    let pv = arg(vm, a, 1);
    let p = rooted(vm, &[s, n], |vm| vm.to_number(pv))?;
    let from = if p.is_nan() {
        vm.str_len(s)
    } else {
        p.max(0.0) as usize
    };
    let found = rfind(vm.str_units(s), vm.str_units(n), from);
    Ok(Value::int(found.map(|i| i as i32).unwrap_or(-1)))
}
/// The search string of `includes`/`startsWith`/`endsWith` (`this` is `s`): a RegExp is a
/// TypeError (IsRegExp, so `Symbol.match` decides), anything else is converted with ToString.
fn search_string(vm: &mut Vm, a: &CallArgs, s: Value, method: &str) -> JsResult<Value> {
    let v = arg(vm, a, 0);
    if rooted(vm, &[s], |vm| vm.is_regexp(v))? {
        return Err(vm.throw_type_error(&format!(
            "First argument to String.prototype.{method} must not be a regular expression"
        )));
    }
    string_arg(vm, a, 0, &[s])
}
fn includes(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let s = this_value(vm, a)?;
    let n = search_string(vm, a, s, "includes")?;
    let from = integer_arg(vm, a, 1, &[s, n])?.max(0.0);
    let from = from.min(vm.str_len(s) as f64) as usize;
    Ok(Value::bool(
        find(vm.str_units(s), vm.str_units(n), from).is_some(),
    ))
}
fn starts_with(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let s = this_value(vm, a)?;
    let n = search_string(vm, a, s, "startsWith")?;
    let p = integer_arg(vm, a, 1, &[s, n])?.max(0.0);
    let p = p.min(vm.str_len(s) as f64) as usize;
    Ok(Value::bool(
        vm.str_units(s)[p..].starts_with(vm.str_units(n)),
    ))
}
fn ends_with(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let s = this_value(vm, a)?;
    let n = search_string(vm, a, s, "endsWith")?;
    let len = vm.str_len(s);
    let end = if arg(vm, a, 1).is_undefined() {
        len
    } else {
        integer_arg(vm, a, 1, &[s, n])?.max(0.0).min(len as f64) as usize
    };
    Ok(Value::bool(
        vm.str_units(s)[..end].ends_with(vm.str_units(n)),
    ))
}
fn slice(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let s = this_value(vm, a)?;
    let len = vm.str_len(s);
    let (b, e) = rooted(vm, &[s], |vm| {
        let b = rel_index(vm, arg(vm, a, 0), len, 0)?;
        Ok((b, rel_index(vm, arg(vm, a, 1), len, len)?))
    })?;
    Ok(vm.substr_of(s, b, e.max(b)))
}
fn substring(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let s = this_value(vm, a)?;
    let len = vm.str_len(s);
    let clamp = |f: f64| f.max(0.0).min(len as f64) as usize;
    let b = clamp(integer_arg(vm, a, 0, &[s])?);
    let e = if arg(vm, a, 1).is_undefined() {
        len
    } else {
        clamp(integer_arg(vm, a, 1, &[s])?)
    };
    let (b, e) = if b > e { (e, b) } else { (b, e) };
    Ok(vm.substr_of(s, b, e))
}
fn substr(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let s = this_value(vm, a)?;
    let len = vm.str_len(s);
    let (b, n) = rooted(vm, &[s], |vm| {
        let b = rel_index(vm, arg(vm, a, 0), len, 0)?;
        let l = arg(vm, a, 1);
        let n = if l.is_undefined() {
            len - b
        } else {
            (vm.to_integer(l)?.max(0.0) as usize).min(len - b)
        };
        Ok((b, n))
    })?;
    Ok(vm.substr_of(s, b, b + n))
}
fn case(vm: &mut Vm, a: &CallArgs, upper: bool) -> JsResult<Value> {
    let s = this_str(vm, a)?;
    let st = String::from_utf16_lossy(&s);
    let r = if upper {
        st.to_uppercase()
    } else {
        st.to_lowercase()
    };
    Ok(vm.new_str(&r))
}
fn to_upper(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    case(vm, a, true)
}
fn to_lower(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    case(vm, a, false)
}
fn is_ws(c: u16) -> bool {
    matches!(c, 0x09..=0x0D | 0x20 | 0xA0 | 0x1680 | 0x2000..=0x200A | 0x2028 | 0x2029 | 0x202F | 0x205F | 0x3000 | 0xFEFF)
}
fn trim_impl(vm: &mut Vm, a: &CallArgs, start: bool, end: bool) -> JsResult<Value> {
    let s = this_value(vm, a)?;
    let u = vm.str_units(s);
    let mut b = 0;
    let mut e = u.len();
    if start {
        while b < e && is_ws(u[b]) {
            b += 1;
        }
    }
    if end {
        while e > b && is_ws(u[e - 1]) {
            e -= 1;
        }
    }
    Ok(vm.substr_of(s, b, e))
}
fn trim(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    trim_impl(vm, a, true, true)
}
fn trim_start(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    trim_impl(vm, a, true, false)
}
fn trim_end(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    trim_impl(vm, a, false, true)
}
fn pad(vm: &mut Vm, a: &CallArgs, start: bool) -> JsResult<Value> {
    let s = this_str(vm, a)?;
    let n = vm.to_integer(arg(vm, a, 0))?.max(0.0) as usize;
    let f = if arg(vm, a, 1).is_undefined() {
        vec![b' ' as u16]
    } else {
        arg_str(vm, a, 1)?
    };
    if n > crate::js::string::MAX_STRING_LEN {
        return Err(vm.throw_range_error("Invalid string length"));
    }
    if n <= s.len() || f.is_empty() {
        return Ok(vm.new_str_units(&s));
    }
    let fill: Vec<u16> = f.iter().copied().cycle().take(n - s.len()).collect();
    let out: Vec<u16> = if start {
        fill.into_iter().chain(s).collect()
    } else {
        s.into_iter().chain(fill).collect()
    };
    Ok(vm.new_str_units(&out))
}
fn pad_start(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    pad(vm, a, true)
}
fn pad_end(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    pad(vm, a, false)
}
fn repeat(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let s = this_str(vm, a)?;
    let n = vm.to_integer(arg(vm, a, 0))?;
    if n < 0.0 || n.is_infinite() {
        return Err(vm.throw_range_error(&format!(
            "Invalid count value: {}",
            crate::js::format::number::number_to_string(n)
        )));
    }
    if s.len() as f64 * n > crate::js::string::MAX_STRING_LEN as f64 {
        return Err(vm.throw_range_error("Invalid string length"));
    }
    Ok(vm.new_str_units(&s.repeat(n as usize)))
}
fn split(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    if let Some(v) = super::regexp_string::delegate(vm, a, "split", "split", true)? {
        return Ok(v);
    }
    let s = this_value(vm, a)?;
    let (sep, lim) = (arg(vm, a, 0), arg(vm, a, 1));
    // ES2025 22.1.3.23: ToUint32(limit), then ToString(separator), then the limit-0 case.
    let (limit, sep) = rooted(vm, &[s], |vm| {
        let limit = if lim.is_undefined() {
            u32::MAX as usize
        } else {
            vm.to_uint32(lim)? as usize
        };
        let sep = if sep.is_undefined() {
            None
        } else {
            Some(vm.to_string(sep)?)
        };
        Ok((limit, sep))
    })?;
    // From here on nothing runs JavaScript: the pieces are cut from `s` in place (one-unit
    // ASCII pieces are the shared unit strings).
    let out = vm.new_array(0);
    if limit == 0 {
        return Ok(out);
    }
    let Some(sep) = sep else {
        vm.array_push(out, s);
        return Ok(out);
    };
    let (len, sep_len) = (vm.str_len(s), vm.str_len(sep));
    if sep_len == 0 {
        for i in 0..len.min(limit) {
            let v = vm.substr_of(s, i, i + 1);
            vm.array_push(out, v);
        }
        return Ok(out);
    }
    let mut start = 0;
    while let Some(i) = find(vm.str_units(s), vm.str_units(sep), start) {
        if vm.obj(out).elem_len as usize >= limit {
            return Ok(out);
        }
        let v = vm.substr_of(s, start, i);
        vm.array_push(out, v);
        start = i + sep_len;
    }
    if (vm.obj(out).elem_len as usize) < limit {
        let v = vm.substr_of(s, start, len);
        vm.array_push(out, v);
    }
    Ok(out)
}
/// GetSubstitution for string patterns ($$, $&, $`, $').
fn substitute(matched: &[u16], s: &[u16], pos: usize, repl: &[u16]) -> Vec<u16> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < repl.len() {
        if repl[i] == b'$' as u16 && i + 1 < repl.len() {
            match repl[i + 1] {
                c if c == b'$' as u16 => out.push(b'$' as u16),
                c if c == b'&' as u16 => out.extend_from_slice(matched),
                c if c == b'`' as u16 => out.extend_from_slice(&s[..pos]),
                c if c == b'\'' as u16 => {
                    out.extend_from_slice(&s[(pos + matched.len()).min(s.len())..])
                }
                _ => {
                    out.push(repl[i]);
                    i += 1;
                    continue;
                }
            }
            i += 2;
        } else {
            out.push(repl[i]);
            i += 1;
        }
    }
    out
}
fn replace_impl(vm: &mut Vm, a: &CallArgs, all: bool) -> JsResult<Value> {
    let s = this_str(vm, a)?;
    let pat = arg_str(vm, a, 0)?;
    let r = arg(vm, a, 1);
    let func = vm.is_callable(r);
    let repl = if func { Vec::new() } else { arg_str(vm, a, 1)? };
    let mut out = Vec::new();
    let mut pos = 0;
    let mut last = 0;
    while let Some(i) = find(&s, &pat, pos) {
        out.extend_from_slice(&s[last..i]);
        if func {
            let m = vm.new_str_units(&pat);
            let sv = vm.new_str_units(&s);
            let res = vm.call_function(r, Value::UNDEFINED, &[m, Value::int(i as i32), sv])?;
            let rs = vm.to_string(res)?;
            out.extend_from_slice(vm.str_units(rs));
        } else {
            out.extend(substitute(&pat, &s, i, &repl));
        }
        last = i + pat.len();
        pos = if pat.is_empty() { i + 1 } else { last };
        if !all || pos > s.len() {
            break;
        }
    }
    out.extend_from_slice(&s[last.min(s.len())..]);
    Ok(vm.new_str_units(&out))
}
fn replace(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    if let Some(v) = super::regexp_string::delegate(vm, a, "replace", "replace", true)? {
        return Ok(v);
    }
    replace_impl(vm, a, false)
}
fn replace_all(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    if let Some(v) = super::regexp_string::delegate(vm, a, "replaceAll", "replace", true)? {
        return Ok(v);
    }
    replace_impl(vm, a, true)
}
fn concat(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let mut s = this_str(vm, a)?;
    for i in 0..a.argc {
        s.extend(arg_str(vm, a, i)?);
    }
    Ok(vm.new_str_units(&s))
}
fn locale_compare(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let s = String::from_utf16_lossy(&this_str(vm, a)?);
    let t = String::from_utf16_lossy(&arg_str(vm, a, 0)?);
    // Approximates ICU root collation: case-insensitive first, lowercase before uppercase.
    let key = |x: &str| {
        x.chars()
            .map(|c| c.to_lowercase().next().unwrap_or(c))
            .collect::<String>()
    };
    let o = key(&s).cmp(&key(&t)).then_with(|| t.cmp(&s));
    Ok(Value::int(match o {
        std::cmp::Ordering::Less => -1,
        std::cmp::Ordering::Equal => 0,
        std::cmp::Ordering::Greater => 1,
    }))
}
/// thisStringValue (ES2025 22.1.3.35.1): a string or a String object's string, else a
/// TypeError naming the method.
fn this_string_value(vm: &mut Vm, a: &CallArgs, method: &str) -> JsResult<Value> {
    let t = a.this;
    if t.is_string() {
        return Ok(t);
    }
    if t.is_object() && vm.class_of(t) == CLASS_STRING {
        return Ok(vm.obj(t).aux[0]);
    }
    Err(vm.throw_type_error(&format!(
        "String.prototype.{method} requires that 'this' be a String"
    )))
}
fn to_string(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    this_string_value(vm, a, "toString")
}
fn value_of(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    this_string_value(vm, a, "valueOf")
}
/// Whether `u` is a leading surrogate followed by a trailing one at `i`.
fn pair_at(u: &[u16], i: usize) -> bool {
    (0xD800..0xDC00).contains(&u[i]) && u.get(i + 1).is_some_and(|t| (0xDC00..0xE000).contains(t))
}
/// Index of the first lone surrogate in `u`.
fn first_lone_surrogate(u: &[u16]) -> Option<usize> {
    let mut i = 0;
    while i < u.len() {
        if pair_at(u, i) {
            i += 2;
        } else if (0xD800..0xE000).contains(&u[i]) {
            return Some(i);
        } else {
            i += 1;
        }
    }
    None
}
/// ES2025 22.1.3.12 String.prototype.isWellFormed: no lone surrogates.
fn is_well_formed(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let s = this_value(vm, a)?;
    Ok(Value::bool(first_lone_surrogate(vm.str_units(s)).is_none()))
}
/// ES2025 22.1.3.32 String.prototype.toWellFormed: lone surrogates become U+FFFD.
fn to_well_formed(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let mut s = this_str(vm, a)?;
    let mut i = 0;
    while i < s.len() {
        if pair_at(&s, i) {
            i += 2;
        } else {
            if (0xD800..0xE000).contains(&s[i]) {
                s[i] = 0xFFFD;
            }
            i += 1;
        }
    }
    Ok(vm.new_str_units(&s))
}
/// ES2025 22.1.3.15 String.prototype.normalize ( [ form ] ): NFC (default), NFD, NFKC or NFKD.
/// Lone surrogates (not code points of any decomposition or composition) are kept as they
/// are and split the text into runs normalized separately.
fn normalize(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    use unicode_normalization::UnicodeNormalization;
    let s = this_str(vm, a)?;
    let f = arg(vm, a, 0);
    let form = if f.is_undefined() {
        "NFC".to_string()
    } else {
        vm.to_rust_string(f)?
    };
    if !matches!(form.as_str(), "NFC" | "NFD" | "NFKC" | "NFKD") {
        return Err(
            vm.throw_range_error("The normalization form should be one of NFC, NFD, NFKC, NFKD.")
        );
    }
    let mut out: Vec<u16> = Vec::with_capacity(s.len());
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut Vec<u16>| {
        let n: String = match form.as_str() {
            "NFC" => run.nfc().collect(),
            "NFD" => run.nfd().collect(),
            "NFKC" => run.nfkc().collect(),
            _ => run.nfkd().collect(),
        };
        out.extend(n.encode_utf16());
        run.clear();
    };
    for r in char::decode_utf16(s.iter().copied()) {
        match r {
            Ok(c) => run.push(c),
            Err(e) => {
                flush(&mut run, &mut out);
                out.push(e.unpaired_surrogate());
            }
        }
    }
    flush(&mut run, &mut out);
    Ok(vm.new_str_units(&out))
}
fn iterator(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let s = this_value(vm, a)?;
    Ok(vm.new_iterator(IT_STRING, s))
}

/// `String.raw(template, ...substitutions)` (§22.1.2.4).
fn raw(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    use super::array_generic::{get_k, len_of};
    let cooked = super::to_object(vm, arg(vm, a, 0))?;
    vm.roots.push(cooked);
    let r = (|| {
        let raw_key = vm.intern("raw");
        let raw = vm.get_named(cooked, raw_key)?;
        let literals = super::to_object(vm, raw)?;
        vm.roots.push(literals);
        let count = len_of(vm, literals)?;
        let mut out: Vec<u16> = Vec::new();
        let mut i = 0.0;
        while i < count {
            let lit = get_k(vm, literals, i)?;
            let lit = vm.to_string(lit)?;
            out.extend_from_slice(vm.str_units(lit));
            if i + 1.0 >= count {
                break;
            }
            if (i as usize) + 1 < a.argc {
                let sub = vm.to_string(arg(vm, a, i as usize + 1))?;
                out.extend_from_slice(vm.str_units(sub));
            }
            i += 1.0;
        }
        vm.roots.pop();
        Ok(vm.new_str_units(&out))
    })();
    vm.roots.pop();
    r
}

pub fn install(vm: &mut Vm) {
    let sp = vm.realm[realm::STRING_PROTO];
    let c = vm.constructor("String", string_ctor, 1, sp);
    vm.method(c, "fromCharCode", from_char_code, 1);
    vm.method(c, "fromCodePoint", from_code_point, 1);
    vm.method(c, "raw", raw, 1);
    let methods: &[(&'static str, crate::js::vm::NativeFn, u32)] = &[
        ("charAt", char_at, 1),
        ("charCodeAt", char_code_at, 1),
        ("codePointAt", code_point_at, 1),
        ("at", at_m, 1),
        ("indexOf", index_of, 1),
        ("lastIndexOf", last_index_of, 1),
        ("includes", includes, 1),
        ("startsWith", starts_with, 1),
        ("endsWith", ends_with, 1),
        ("slice", slice, 2),
        ("substring", substring, 2),
        ("substr", substr, 2),
        ("toUpperCase", to_upper, 0),
        ("toLowerCase", to_lower, 0),
        ("toLocaleUpperCase", to_upper, 0),
        ("toLocaleLowerCase", to_lower, 0),
        ("trim", trim, 0),
        ("trimStart", trim_start, 0),
        ("trimEnd", trim_end, 0),
        ("padStart", pad_start, 1),
        ("padEnd", pad_end, 1),
        ("repeat", repeat, 1),
        ("split", split, 2),
        ("replace", replace, 2),
        ("replaceAll", replace_all, 2),
        ("concat", concat, 1),
        ("localeCompare", locale_compare, 1),
        ("toString", to_string, 0),
        ("valueOf", value_of, 0),
        ("values", iterator, 0),
        ("isWellFormed", is_well_formed, 0),
        ("toWellFormed", to_well_formed, 0),
        ("normalize", normalize, 0),
    ];
    for &(n, f, l) in methods {
        let fv = vm.method(sp, n, f, l);
        // Annex B.2.2.15-16: trimLeft/trimRight are the same function objects.
        match n {
            "trimStart" => vm.put(sp, "trimLeft", fv, crate::js::shape::HIDDEN),
            "trimEnd" => vm.put(sp, "trimRight", fv, crate::js::shape::HIDDEN),
            _ => {}
        }
    }
}

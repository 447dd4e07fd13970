//! The string protocols of regular expressions: `RegExp.prototype[@@match]`, `[@@matchAll]`,
//! `[@@replace]`, `[@@search]`, `[@@split]`, the RegExp String Iterator, GetSubstitution,
//! and the `String.prototype` methods that hand their work to those protocols
//! (`match`, `matchAll`, `search`, and the delegation step of `replace`/`replaceAll`/`split`).

use super::arg;
use super::array_generic::rooted;
use super::regexp::{Found, advance_index, set_last_index, to_length};
use crate::js::object::*;
use crate::js::shape;
use crate::js::value::Value;
use crate::js::vm::{CallArgs, JsResult, NativeFn, Vm, realm};

/// Marks a RegExp String Iterator (an ordinary object whose `aux` holds the regexp, the
/// string and the state bits) in its header's `aux`, unused by ordinary objects.
const RX_ITER_TAG: u32 = 0x5258_4954;
const IT_GLOBAL: i32 = 1;
const IT_UNICODE: i32 = 2;
const IT_DONE: i32 = 4;

fn sym(vm: &Vm, name: &str) -> PropKey {
    PropKey::Atom(super::symbol::well_known(vm, name).expect("well-known symbols are installed"))
}

fn this_object(vm: &mut Vm, a: &CallArgs, name: &str) -> JsResult<Value> {
    if a.this.is_object() {
        Ok(a.this)
    } else {
        Err(vm.incompatible(name, a.this))
    }
}

/// ToString of argument `i`, rooted.
fn arg_string(vm: &mut Vm, a: &CallArgs, i: usize) -> JsResult<Value> {
    let s = vm.to_string(arg(vm, a, i))?;
    vm.roots.push(s);
    Ok(s)
}

/// ToString(Get(o, "flags")) as a Rust string.
fn flags_of(vm: &mut Vm, rx: Value) -> JsResult<String> {
    let f = vm.get_by_name(rx, "flags")?;
    vm.to_rust_string(f)
}

/// ToString(Get(result, "0")) is empty: then advance lastIndex past the empty match.
fn step_over_empty(vm: &mut Vm, rx: Value, result: Value, s: Value, unicode: bool) -> JsResult<()> {
    let m = vm.get(result, PropKey::Index(0))?;
    let m = vm.to_string(m)?;
    if vm.str_len(m) == 0 {
        let li = vm.get_by_name(rx, "lastIndex")?;
        let li = to_length(vm, li)?;
        let next = if li as usize >= vm.str_len(s) || li > u32::MAX as f64 {
            li + 1.0
        } else {
            advance_index(vm.str_units(s), li as usize, unicode) as f64
        };
        set_last_index(vm, rx, Value::number(next))?;
    }
    Ok(())
}

/// lastIndex = AdvanceStringIndex(S, ToLength(Get(rx, "lastIndex")), unicode), after an
/// empty match.
fn advance_last_index(vm: &mut Vm, rx: Value, s: Value, unicode: bool) -> JsResult<()> {
    let li = vm.get_by_name(rx, "lastIndex")?;
    let li = to_length(vm, li)?;
    let next = if li as usize >= vm.str_len(s) || li > u32::MAX as f64 {
        li + 1.0
    } else {
        advance_index(vm.str_units(s), li as usize, unicode) as f64
    };
    set_last_index(vm, rx, Value::number(next))
}

/// `RegExp.prototype[@@match](string)` (ES2025 22.2.6.8).
fn symbol_match(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let rx = this_object(vm, a, "RegExp.prototype.@@match")?;
    rooted(vm, |vm| {
        let s = arg_string(vm, a, 0)?;
        let flags = flags_of(vm, rx)?;
        if !flags.contains('g') {
            return vm.regexp_exec(rx, s);
        }
        let unicode = flags.contains('u') || flags.contains('v');
        set_last_index(vm, rx, Value::int(0))?;
        let out = vm.new_array(0);
        vm.roots.push(out);
        loop {
            let result = vm.regexp_exec(rx, s)?;
            if result.is_null() {
                return Ok(if vm.obj(out).elem_len == 0 {
                    Value::NULL
                } else {
                    out
                });
            }
            vm.roots.push(result);
            let m = vm.get(result, PropKey::Index(0))?;
            let m = vm.to_string(m)?;
            vm.array_push(out, m);
            step_over_empty(vm, rx, result, s, unicode)?;
            vm.roots.pop();
        }
    })
}

/// `RegExp.prototype[@@search](string)` (ES2025 22.2.6.12).
fn symbol_search(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let rx = this_object(vm, a, "RegExp.prototype.@@search")?;
    rooted(vm, |vm| {
        let s = arg_string(vm, a, 0)?;
        let prev = vm.get_by_name(rx, "lastIndex")?;
        vm.roots.push(prev);
        let zero = Value::int(0);
        if !crate::js::define::same_value(vm, prev, zero) {
            set_last_index(vm, rx, zero)?;
        }
        let result = vm.regexp_exec(rx, s)?;
        vm.roots.push(result);
        let cur = vm.get_by_name(rx, "lastIndex")?;
        if !crate::js::define::same_value(vm, cur, prev) {
            set_last_index(vm, rx, prev)?;
        }
        if result.is_null() {
            Ok(Value::int(-1))
        } else {
            vm.get_by_name(result, "index")
        }
    })
}

/// SpeciesConstructor(o, %RegExp%) (ES2025 7.3.22).
fn species_constructor(vm: &mut Vm, o: Value) -> JsResult<Value> {
    let default = vm.realm[realm::REGEXP_CTOR];
    let c = vm.get_named(o, crate::js::atoms::CONSTRUCTOR)?;
    if c.is_undefined() {
        return Ok(default);
    }
    if !c.is_object() || vm.class_of(c) == CLASS_SYMBOL {
        return Err(vm.throw_type_error("object.constructor is not an object"));
    }
    let key = sym(vm, "species");
    let s = vm.get(c, key)?;
    if s.is_nullish() {
        return Ok(default);
    }
    if vm.is_constructor(s) {
        return Ok(s);
    }
    Err(vm.throw_type_error("object.constructor[Symbol.species] is not a constructor"))
}

/// `RegExp.prototype[@@split](string, limit)` (ES2025 22.2.6.14).
fn symbol_split(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let rx = this_object(vm, a, "RegExp.prototype.@@split")?;
    rooted(vm, |vm| {
        let s = arg_string(vm, a, 0)?;
        let c = species_constructor(vm, rx)?;
        vm.roots.push(c);
        let flags = flags_of(vm, rx)?;
        let unicode = flags.contains('u') || flags.contains('v');
        let new_flags = if flags.contains('y') {
            flags
        } else {
            format!("{flags}y")
        };
        let nf = vm.new_str(&new_flags);
        vm.roots.push(nf);
        let splitter = vm.construct(c, &[rx, nf], c)?;
        vm.roots.push(splitter);
        let out = vm.new_array(0);
        vm.roots.push(out);
        let lim = arg(vm, a, 1);
        let lim = if lim.is_undefined() {
            u32::MAX
        } else {
            vm.to_uint32(lim)?
        } as usize;
        if lim == 0 {
            return Ok(out);
        }
        let size = vm.str_len(s);
        if size == 0 {
            let z = vm.regexp_exec(splitter, s)?;
            if z.is_null() {
                vm.array_push(out, s);
            }
            return Ok(out);
        }
        let (mut p, mut q) = (0usize, 0usize);
        if c == vm.realm[realm::REGEXP_CTOR] && vm.is_regexp_obj(splitter) {
            let exec = vm.get_by_name(splitter, "exec")?;
            if exec == vm.realm[realm::REGEXP_EXEC] {
                return split_fast(vm, splitter, s, out, lim, unicode);
            }
        }
        while q < size {
            set_last_index(vm, splitter, Value::number(q as f64))?;
            let z = vm.regexp_exec(splitter, s)?;
            if z.is_null() {
                q = advance_index(vm.str_units(s), q, unicode);
                continue;
            }
            vm.roots.push(z);
            let e = vm.get_by_name(splitter, "lastIndex")?;
            let e = (to_length(vm, e)? as usize).min(size);
            if e == p {
                q = advance_index(vm.str_units(s), q, unicode);
                continue;
            }
            let t = vm.str_units(s)[p..q].to_vec();
            let t = vm.new_str_units(&t);
            vm.array_push(out, t);
            if vm.obj(out).elem_len as usize == lim {
                return Ok(out);
            }
            p = e;
            let n = vm.get_named(z, crate::js::atoms::LENGTH)?;
            let n = to_length(vm, n)?;
            let mut i = 1.0;
            while i < n {
                let cap = super::array_generic::get_k(vm, z, i)?;
                vm.array_push(out, cap);
                if vm.obj(out).elem_len as usize == lim {
                    return Ok(out);
                }
                i += 1.0;
            }
            q = p;
        }
        let t = vm.str_units(s)[p.min(size)..].to_vec();
        let t = vm.new_str_units(&t);
        vm.array_push(out, t);
        Ok(out)
    })
}

/// The loop of @@split when the splitter is a fresh built-in RegExp whose `exec` is the
/// built-in one: nothing can observe its `lastIndex`, so instead of a sticky attempt at every
/// position q (quadratic when matches are rare), each step searches forward from q; the
/// leftmost match found is the one the sticky attempt at its start would have found.
fn split_fast(
    vm: &mut Vm,
    splitter: Value,
    s: Value,
    out: Value,
    lim: usize,
    unicode: bool,
) -> JsResult<Value> {
    let size = vm.str_len(s);
    let (mut p, mut q) = (0usize, 0usize);
    while q < size {
        let Some(m) = vm.regexp_search(splitter, s, q)? else {
            break;
        };
        if m.start() >= size {
            break;
        }
        q = m.start();
        let e = m.end().min(size);
        if e == p {
            q = advance_index(vm.str_units(s), q, unicode);
            continue;
        }
        let t = vm.str_units(s)[p..q].to_vec();
        let t = vm.new_str_units(&t);
        vm.array_push(out, t);
        if vm.obj(out).elem_len as usize == lim {
            return Ok(out);
        }
        p = e;
        for i in 1..=m.captures.len() {
            let v = match m.group(i) {
                Some(rg) => {
                    let sub = vm.str_units(s)[rg].to_vec();
                    vm.new_str_units(&sub)
                }
                None => Value::UNDEFINED,
            };
            vm.array_push(out, v);
            if vm.obj(out).elem_len as usize == lim {
                return Ok(out);
            }
        }
        q = p;
    }
    let t = vm.str_units(s)[p.min(size)..].to_vec();
    let t = vm.new_str_units(&t);
    vm.array_push(out, t);
    Ok(out)
}

/// GetSubstitution (ES2025 22.1.3.19.1): expands `$$ $& $` $' $n $nn $<name>` in `template`.
pub fn get_substitution(
    vm: &mut Vm,
    matched: &[u16],
    s: &[u16],
    position: usize,
    captures: &[Option<Vec<u16>>],
    named: Value,
    template: &[u16],
) -> JsResult<Vec<u16>> {
    let is_digit = |c: u16| (b'0' as u16..=b'9' as u16).contains(&c);
    let mut out = Vec::new();
    let mut i = 0;
    let t = template;
    while i < t.len() {
        let c = t[i];
        if c != b'$' as u16 || i + 1 >= t.len() {
            out.push(c);
            i += 1;
            continue;
        }
        let n = t[i + 1];
        if n == b'$' as u16 {
            out.push(n);
            i += 2;
        } else if n == b'&' as u16 {
            out.extend_from_slice(matched);
            i += 2;
        } else if n == b'`' as u16 {
            out.extend_from_slice(&s[..position.min(s.len())]);
            i += 2;
        } else if n == b'\'' as u16 {
            let tail = (position + matched.len()).min(s.len());
            out.extend_from_slice(&s[tail..]);
            i += 2;
        } else if is_digit(n) {
            let two = i + 2 < t.len() && is_digit(t[i + 2]);
            let d1 = (n - b'0' as u16) as usize;
            let mut digits = 1;
            let mut index = d1;
            if two {
                index = d1 * 10 + (t[i + 2] - b'0' as u16) as usize;
                digits = 2;
                if index > captures.len() {
                    index = d1;
                    digits = 1;
                }
            }
            if (1..=captures.len()).contains(&index) {
                if let Some(cap) = &captures[index - 1] {
                    out.extend_from_slice(cap);
                }
            } else {
                out.extend_from_slice(&t[i..i + 1 + digits]);
            }
            i += 1 + digits;
        } else if n == b'<' as u16 {
            let gt = t[i + 2..].iter().position(|&c| c == b'>' as u16);
            match gt {
                Some(g) if !named.is_undefined() => {
                    let name = &t[i + 2..i + 2 + g];
                    let key = vm.new_str_units(name);
                    let key = vm.key_from_str(key);
                    let cap = vm.get(named, key)?;
                    if !cap.is_undefined() {
                        let cs = vm.to_string(cap)?;
                        out.extend_from_slice(vm.str_units(cs));
                    }
                    i += 2 + g + 1;
                }
                _ => {
                    out.extend_from_slice(&t[i..i + 2]);
                    i += 2;
                }
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(out)
}

/// `RegExp.prototype[@@replace](string, replaceValue)` (ES2025 22.2.6.11).
fn symbol_replace(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let rx = this_object(vm, a, "RegExp.prototype.@@replace")?;
    rooted(vm, |vm| {
        let s = arg_string(vm, a, 0)?;
        let mut replace_value = arg(vm, a, 1);
        let functional = vm.is_callable(replace_value);
        if !functional {
            replace_value = vm.to_string(replace_value)?;
            vm.roots.push(replace_value);
        }
        let flags = flags_of(vm, rx)?;
        let global = flags.contains('g');
        let unicode = flags.contains('u') || flags.contains('v');
        if global {
            set_last_index(vm, rx, Value::int(0))?;
        }
        // Matches of the built-in exec are kept as they are: their result objects would be
        // fresh arrays whose reads nothing can observe.
        let mut results = Vec::new();
        while let Some(found) = vm.regexp_exec_or_match(rx, s)? {
            if let Found::Object(o) = &found {
                vm.roots.push(*o);
            }
            results.push(found);
            if !global {
                break;
            }
            let empty = match results.last() {
                Some(Found::Match(m)) => m.start() == m.end(),
                Some(Found::Object(o)) => {
                    let m = vm.get(*o, PropKey::Index(0))?;
                    let m = vm.to_string(m)?;
                    vm.str_len(m) == 0
                }
                None => false,
            };
            if empty {
                advance_last_index(vm, rx, s, unicode)?;
            }
        }
        let su = vm.str_units(s).to_vec();
        let mut acc: Vec<u16> = Vec::new();
        let mut next_pos = 0usize;
        for found in results {
            let (matched, pos, captures, cap_vals, mut named) = match found {
                Found::Match(m) => {
                    let matched = su[m.range()].to_vec();
                    let mv = vm.new_str_units(&matched);
                    vm.roots.push(mv);
                    let mut cap_vals = vec![mv];
                    let mut captures = Vec::new();
                    for i in 1..=m.captures.len() {
                        match m.group(i) {
                            Some(rg) => {
                                let c = su[rg].to_vec();
                                let cv = vm.new_str_units(&c);
                                vm.roots.push(cv);
                                cap_vals.push(cv);
                                captures.push(Some(c));
                            }
                            None => {
                                cap_vals.push(Value::UNDEFINED);
                                captures.push(None);
                            }
                        }
                    }
                    let g = vm.match_groups(s, &m);
                    vm.roots.push(g);
                    (matched, m.start(), captures, cap_vals, g)
                }
                Found::Object(result) => {
                    let (matched, pos, captures, cap_vals) = read_result(vm, result, su.len())?;
                    let g = vm.get_by_name(result, "groups")?;
                    vm.roots.push(g);
                    (matched, pos, captures, cap_vals, g)
                }
            };
            let replacement = if functional {
                let mut args = cap_vals;
                args.push(Value::number(pos as f64));
                args.push(s);
                if !named.is_undefined() {
                    args.push(named);
                }
                let r = vm.call_function(replace_value, Value::UNDEFINED, &args)?;
                let r = vm.to_string(r)?;
                vm.str_units(r).to_vec()
            } else {
                if !named.is_undefined() {
                    named = super::to_object(vm, named)?;
                    vm.roots.push(named);
                }
                let tpl = vm.str_units(replace_value).to_vec();
                get_substitution(vm, &matched, &su, pos, &captures, named, &tpl)?
            };
            if pos >= next_pos {
                acc.extend_from_slice(&su[next_pos..pos]);
                acc.extend_from_slice(&replacement);
                next_pos = pos + matched.len();
            }
        }
        if next_pos < su.len() {
            acc.extend_from_slice(&su[next_pos..]);
        }
        if acc.len() > crate::js::string::MAX_STRING_LEN {
            return Err(vm.throw_range_error("Invalid string length"));
        }
        Ok(vm.new_str_units(&acc))
    })
}

/// Matched string, position, captures (as strings, and as values for a replacer function)
/// of a user exec's result object (ES2025 22.2.6.11 steps 14.a-14.k).
#[allow(clippy::type_complexity)]
fn read_result(
    vm: &mut Vm,
    result: Value,
    len_s: usize,
) -> JsResult<(Vec<u16>, usize, Vec<Option<Vec<u16>>>, Vec<Value>)> {
    let len = vm.get_named(result, crate::js::atoms::LENGTH)?;
    let n_caps = (to_length(vm, len)? - 1.0).max(0.0);
    let m = vm.get(result, PropKey::Index(0))?;
    let m = vm.to_string(m)?;
    vm.roots.push(m);
    let matched = vm.str_units(m).to_vec();
    let pos = vm.get_by_name(result, "index")?;
    let pos = vm.to_integer(pos)?.clamp(0.0, len_s as f64) as usize;
    let mut cap_vals = vec![m];
    let mut captures = Vec::new();
    let mut k = 1.0;
    while k <= n_caps {
        let c = super::array_generic::get_k(vm, result, k)?;
        if c.is_undefined() {
            captures.push(None);
            cap_vals.push(c);
        } else {
            let cs = vm.to_string(c)?;
            vm.roots.push(cs);
            captures.push(Some(vm.str_units(cs).to_vec()));
            cap_vals.push(cs);
        }
        k += 1.0;
    }
    Ok((matched, pos, captures, cap_vals))
}

/// `RegExp.prototype[@@matchAll](string)` (ES2025 22.2.6.9).
fn symbol_match_all(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let r = this_object(vm, a, "RegExp.prototype.@@matchAll")?;
    rooted(vm, |vm| {
        let s = arg_string(vm, a, 0)?;
        let c = species_constructor(vm, r)?;
        vm.roots.push(c);
        let flags = flags_of(vm, r)?;
        let fv = vm.new_str(&flags);
        vm.roots.push(fv);
        let matcher = vm.construct(c, &[r, fv], c)?;
        vm.roots.push(matcher);
        let li = vm.get_by_name(r, "lastIndex")?;
        let li = to_length(vm, li)?;
        set_last_index(vm, matcher, Value::number(li))?;
        let mut bits = 0;
        if flags.contains('g') {
            bits |= IT_GLOBAL;
        }
        if flags.contains('u') || flags.contains('v') {
            bits |= IT_UNICODE;
        }
        let p = vm.realm[realm::REGEXP_ITER_PROTO];
        let it = vm.new_object_with(CLASS_ORDINARY, p);
        let o = vm.obj_mut(it);
        o.hdr.aux = RX_ITER_TAG;
        o.aux = [matcher, s, Value::int(bits)];
        Ok(it)
    })
}

fn iter_result(vm: &mut Vm, v: Value, done: bool) -> Value {
    vm.roots.push(v);
    let r = vm.new_object();
    vm.roots.pop();
    vm.put(r, "value", v, shape::DEFAULT);
    vm.put(r, "done", Value::bool(done), shape::DEFAULT);
    r
}

/// %RegExpStringIteratorPrototype%.next() (ES2025 22.2.9.2.1).
fn iter_next(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let it = a.this;
    if !it.is_object() || vm.class_of(it) != CLASS_ORDINARY || vm.obj(it).hdr.aux != RX_ITER_TAG {
        return Err(vm.incompatible("%RegExpStringIterator%.prototype.next", it));
    }
    let [r, s, bits] = vm.obj(it).aux;
    let bits = bits.as_int();
    if bits & IT_DONE != 0 {
        return Ok(iter_result(vm, Value::UNDEFINED, true));
    }
    let m = vm.regexp_exec(r, s)?;
    if m.is_null() {
        vm.obj_mut(it).aux[2] = Value::int(bits | IT_DONE);
        return Ok(iter_result(vm, Value::UNDEFINED, true));
    }
    if bits & IT_GLOBAL != 0 {
        vm.roots.push(m);
        let res = step_over_empty(vm, r, m, s, bits & IT_UNICODE != 0);
        vm.roots.pop();
        res?;
    } else {
        vm.obj_mut(it).aux[2] = Value::int(bits | IT_DONE);
    }
    Ok(iter_result(vm, m, false))
}

/// RequireObjectCoercible(this) of a String.prototype method.
fn coercible_this(vm: &mut Vm, a: &CallArgs, name: &str) -> JsResult<()> {
    if a.this.is_nullish() {
        return Err(vm.throw_type_error(&format!(
            "String.prototype.{name} called on null or undefined"
        )));
    }
    Ok(())
}

/// The delegation step of `String.prototype[name](searchValue, ...)`: if the first argument
/// is an object and has a `Symbol[sym]` method, the result of calling it with
/// `this` (and the second argument when `two`).
pub fn delegate(
    vm: &mut Vm,
    a: &CallArgs,
    name: &str,
    sym_name: &str,
    two: bool,
) -> JsResult<Option<Value>> {
    coercible_this(vm, a, name)?;
    let r = arg(vm, a, 0);
    // ES2025: only objects are asked for their protocol method (not primitives).
    if !r.is_object() || vm.class_of(r) == CLASS_SYMBOL {
        return Ok(None);
    }
    if matches!(name, "replaceAll" | "matchAll") && vm.is_regexp(r)? {
        let f = vm.get_by_name(r, "flags")?;
        if f.is_nullish() {
            return Err(vm.throw_type_error(&format!(
                "String.prototype.{name} called with a non-global RegExp argument"
            )));
        }
        let f = vm.to_rust_string(f)?;
        if !f.contains('g') {
            return Err(vm.throw_type_error(&format!(
                "String.prototype.{name} called with a non-global RegExp argument"
            )));
        }
    }
    let key = sym(vm, sym_name);
    let m = vm.get(r, key)?;
    if m.is_nullish() {
        return Ok(None);
    }
    if !vm.is_callable(m) {
        let d = vm.short_describe(m);
        return Err(vm.throw_type_error(&format!("{d} is not a function")));
    }
    let args = if two {
        vec![a.this, arg(vm, a, 1)]
    } else {
        vec![a.this]
    };
    vm.call_function(m, r, &args).map(Some)
}

/// `String.prototype.match` / `matchAll` / `search`: delegate, else make a RegExp from the
/// argument (with `flags`) and invoke its `Symbol[sym]` method.
fn string_via_regexp(
    vm: &mut Vm,
    a: &CallArgs,
    name: &str,
    sym_name: &str,
    flags: Option<&str>,
) -> JsResult<Value> {
    if let Some(v) = delegate(vm, a, name, sym_name, false)? {
        return Ok(v);
    }
    rooted(vm, |vm| {
        let s = vm.to_string(a.this)?;
        vm.roots.push(s);
        let f = match flags {
            Some(f) => vm.new_str(f),
            None => Value::UNDEFINED,
        };
        vm.roots.push(f);
        let rx = vm.regexp_create(arg(vm, a, 0), f)?;
        vm.roots.push(rx);
        let key = sym(vm, sym_name);
        let m = vm.get(rx, key)?;
        if !vm.is_callable(m) {
            let d = vm.short_describe(m);
            return Err(vm.throw_type_error(&format!("{d} is not a function")));
        }
        vm.call_function(m, rx, &[s])
    })
}

fn string_match(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    string_via_regexp(vm, a, "match", "match", None)
}
fn string_match_all(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    string_via_regexp(vm, a, "matchAll", "matchAll", Some("g"))
}
fn string_search(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    string_via_regexp(vm, a, "search", "search", None)
}

pub fn install(vm: &mut Vm) {
    let rp = vm.realm[realm::REGEXP_PROTO];
    let protocols: &[(&str, &'static str, NativeFn, u32)] = &[
        ("match", "[Symbol.match]", symbol_match, 1),
        ("matchAll", "[Symbol.matchAll]", symbol_match_all, 1),
        ("replace", "[Symbol.replace]", symbol_replace, 2),
        ("search", "[Symbol.search]", symbol_search, 1),
        ("split", "[Symbol.split]", symbol_split, 2),
    ];
    for &(s, fname, f, len) in protocols {
        let fv = vm.native_fn(fname, f, len);
        let key = sym(vm, s);
        vm.define_own(rp, key, fv, shape::HIDDEN);
    }
    let ip = vm.realm[realm::ITERATOR_PROTO];
    let rip = vm.new_object_with(CLASS_ORDINARY, ip);
    vm.realm[realm::REGEXP_ITER_PROTO] = rip;
    vm.method(rip, "next", iter_next, 0);
    let tag = sym(vm, "toStringTag");
    let t = vm.new_str("RegExp String Iterator");
    vm.define_own(rip, tag, t, shape::CONFIGURABLE);
    let sp = vm.realm[realm::STRING_PROTO];
    vm.method(sp, "match", string_match, 1);
    vm.method(sp, "matchAll", string_match_all, 1);
    vm.method(sp, "search", string_search, 1);
}

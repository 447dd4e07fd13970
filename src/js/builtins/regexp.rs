//! `RegExp`: the constructor, `RegExp.prototype` (`exec`, `test`, `toString`, `compile`, the
//! flag accessors), `RegExp.escape`, RegExpBuiltinExec and the cache of compiled matchers.
//! The string protocols (`@@match`, `@@replace`, ...) are in `regexp_string.rs`.
//!
//! A RegExp object (`CLASS_REGEXP`) keeps its source string in `aux[0]` and its flag bits in
//! `aux[1]`; its compiled `regress::Regex` lives in [`RegexCache`], keyed by (source, flags),
//! so the GC never traces or frees it. Match indices are UTF-16 code-unit indices.

use std::collections::HashMap;
use std::rc::Rc;

use super::arg;
use super::array_generic::rooted;
use crate::js::atoms;
use crate::js::object::*;
use crate::js::shape;
use crate::js::value::Value;
use crate::js::vm::{CallArgs, JsResult, NativeFn, Vm, realm};

pub const FLAG_D: u8 = 1;
pub const FLAG_G: u8 = 2;
pub const FLAG_I: u8 = 4;
pub const FLAG_M: u8 = 8;
pub const FLAG_S: u8 = 16;
pub const FLAG_U: u8 = 32;
pub const FLAG_V: u8 = 64;
pub const FLAG_Y: u8 = 128;

/// Flag letters in the order `flags` lists them (ES2025 22.2.6.4).
const FLAG_CHARS: [(u8, u8); 8] = [
    (b'd', FLAG_D),
    (b'g', FLAG_G),
    (b'i', FLAG_I),
    (b'm', FLAG_M),
    (b's', FLAG_S),
    (b'u', FLAG_U),
    (b'v', FLAG_V),
    (b'y', FLAG_Y),
];

/// The flag bits of a flags string, or None if it has an unknown or repeated letter, or
/// both `u` and `v`.
pub fn parse_flags(f: &[u16]) -> Option<u8> {
    let mut bits = 0u8;
    for &c in f {
        let &(_, b) = FLAG_CHARS.iter().find(|(ch, _)| *ch as u16 == c)?;
        if bits & b != 0 {
            return None;
        }
        bits |= b;
    }
    if bits & (FLAG_U | FLAG_V) == FLAG_U | FLAG_V {
        return None;
    }
    Some(bits)
}

/// The flags string of `bits`, in canonical order.
pub fn flags_string(bits: u8) -> String {
    FLAG_CHARS
        .iter()
        .filter(|(_, b)| bits & b != 0)
        .map(|(c, _)| *c as char)
        .collect()
}

/// Compiled matchers by (source, flag bits). Bounded: cleared when full, entries are
/// recompiled on demand (their sources were validated when their objects were made).
#[derive(Default)]
pub struct RegexCache {
    /// Source → (flag bits, matcher) for each flag set compiled with it.
    map: HashMap<Vec<u16>, Vec<(u8, Rc<regress::Regex>)>>,
    /// The last match, for `RegExp.$1` and friends (`regexp_legacy`).
    pub(crate) legacy: super::regexp_legacy::LegacyMatch,
}
const CACHE_CAP: usize = 1024;

/// Code points of UTF-16 text (lone surrogates kept as they are).
fn code_points(u: &[u16]) -> Vec<u32> {
    char::decode_utf16(u.iter().copied())
        .map(|r| r.map_or_else(|e| e.unpaired_surrogate() as u32, |c| c as u32))
        .collect()
}

/// A non-Unicode pattern is a sequence of code units (ES2025 22.2.3.4 ParsePattern), except
/// that group names (`(?<name>`, `\k<name>`) still pair surrogates (RegExpIdentifierName).
fn non_unicode_pattern(u: &[u16]) -> Vec<u32> {
    let mut out = Vec::with_capacity(u.len());
    let mut i = 0;
    let at = |i: usize, c: u8| u.get(i) == Some(&(c as u16));
    while i < u.len() {
        let name_start = if at(i, b'\\') && at(i + 1, b'k') && at(i + 2, b'<') {
            Some(i + 3)
        } else if at(i, b'(') && at(i + 1, b'?') && at(i + 2, b'<') {
            (!at(i + 3, b'=') && !at(i + 3, b'!')).then_some(i + 3)
        } else {
            None
        };
        match name_start {
            Some(start) => {
                out.extend(u[i..start].iter().map(|&c| c as u32));
                let end = u[start..]
                    .iter()
                    .position(|&c| c == b'>' as u16)
                    .map_or(u.len(), |p| start + p);
                out.extend(code_points(&u[start..end]));
                i = end;
            }
            None => {
                if at(i, b'\\') && i + 1 < u.len() {
                    out.push(u[i] as u32);
                    i += 1;
                }
                out.push(u[i] as u32);
                i += 1;
            }
        }
    }
    out
}

fn compile(src: &[u16], bits: u8) -> Result<regress::Regex, String> {
    let flags = regress::Flags {
        icase: bits & FLAG_I != 0,
        multiline: bits & FLAG_M != 0,
        dot_all: bits & FLAG_S != 0,
        unicode: bits & (FLAG_U | FLAG_V) != 0,
        unicode_sets: bits & FLAG_V != 0,
        no_opt: false,
    };
    let cps = if flags.unicode {
        code_points(src)
    } else {
        non_unicode_pattern(src)
    };
    regress::Regex::from_unicode(cps.into_iter(), flags).map_err(|e| e.text)
}

fn pattern_error(src: &str, flags: &str, e: &str) -> String {
    format!(
        "Invalid regular expression: /{src}/{flags}: {}",
        node_wording(src, e)
    )
}

/// regress's error text in V8's words where they name the same error (node is the reference).
fn node_wording<'e>(src: &str, e: &'e str) -> std::borrow::Cow<'e, str> {
    let s = match e {
        "Unbalanced parenthesis" => {
            let opens = src.matches('(').count();
            if opens > src.matches(')').count() {
                "Unterminated group"
            } else {
                "Unmatched ')'"
            }
        }
        "Invalid atom character" => "Nothing to repeat",
        "Range values reversed, start char code is greater than end char code." => {
            "Range out of order in character class"
        }
        "Invalid quantifier" => "numbers out of order in {} quantifier",
        "Quantifier not allowed here" => "Invalid quantifier",
        "Incomplete escape" => "\\ at end of pattern",
        "Unbalanced bracket" => "Unterminated character class",
        "Invalid unicode escape" => "Invalid Unicode escape",
        "Invalid token at named capture group identifier" => "Invalid capture group name",
        _ if e.starts_with("Backreference to invalid named capture group") => {
            "Invalid named capture referenced"
        }
        _ => return e.into(),
    };
    s.into()
}

impl Vm {
    /// Checks a literal's pattern and flags (the compiler's early errors) and keeps the
    /// compiled matcher for the literal's objects.
    pub fn regexp_check(&mut self, pattern: &str, flags: &str) -> Result<(), String> {
        let fu: Vec<u16> = flags.encode_utf16().collect();
        let bits = parse_flags(&fu).ok_or("Invalid regular expression flags")?;
        let pu: Vec<u16> = pattern.encode_utf16().collect();
        let re = compile(&pu, bits).map_err(|e| pattern_error(pattern, flags, &e))?;
        self.regexps_insert(pu, bits, Rc::new(re));
        Ok(())
    }
}

/// ToLength.
pub fn to_length(vm: &mut Vm, v: Value) -> JsResult<f64> {
    let n = vm.to_integer(v)?;
    Ok(n.clamp(0.0, 9007199254740991.0))
}

/// AdvanceStringIndex (ES2025 22.2.7.3).
pub fn advance_index(s: &[u16], i: usize, unicode: bool) -> usize {
    if !unicode || i + 1 >= s.len() {
        return i + 1;
    }
    let (a, b) = (s[i], s[i + 1]);
    if (0xD800..0xDC00).contains(&a) && (0xDC00..0xE000).contains(&b) {
        i + 2
    } else {
        i + 1
    }
}

impl Vm {
    pub fn is_regexp_obj(&self, v: Value) -> bool {
        v.is_object() && self.class_of(v) == CLASS_REGEXP
    }
    /// The flag bits of a RegExp object.
    pub fn regexp_bits(&self, r: Value) -> u8 {
        self.obj(r).aux[1].as_int() as u8
    }

    /// RegExpAlloc: a RegExp object with its `lastIndex` property (writable only).
    fn regexp_alloc(&mut self, proto: Value) -> Value {
        let o = self.new_object_with(CLASS_REGEXP, proto);
        let a = self.intern("lastIndex");
        self.define_own(o, PropKey::Atom(a), Value::int(0), shape::WRITABLE);
        self.obj_mut(o).aux[0] = Value::UNDEFINED;
        self.obj_mut(o).aux[1] = Value::int(0);
        o
    }

    /// The `CreateRegExp` op: a new RegExp object from a literal's (checked) source and flags.
    pub fn regexp_from_literal(&mut self, src: Value, flags: Value) -> Value {
        let bits = parse_flags(self.str_units(flags)).unwrap_or(0);
        let p = self.realm[realm::REGEXP_PROTO];
        self.roots.push(src);
        let o = self.regexp_alloc(p);
        self.roots.pop();
        self.obj_mut(o).aux[0] = src;
        self.obj_mut(o).aux[1] = Value::int(bits as i32);
        o
    }

    /// RegExpInitialize (ES2025 22.2.3.3) of the RegExp object `o`.
    fn regexp_initialize(&mut self, o: Value, pattern: Value, flags: Value) -> JsResult<Value> {
        rooted(self, |vm| {
            let p = if pattern.is_undefined() {
                vm.new_str("")
            } else {
                vm.to_string(pattern)?
            };
            vm.roots.push(p);
            let f = if flags.is_undefined() {
                vm.new_str("")
            } else {
                vm.to_string(flags)?
            };
            vm.roots.push(f);
            let Some(bits) = parse_flags(vm.str_units(f)) else {
                let fs = vm.str_to_string(f);
                return Err(vm.throw_syntax_error(&format!(
                    "Invalid flags supplied to RegExp constructor '{fs}'"
                )));
            };
            let units = vm.str_units(p).to_vec();
            match compile(&units, bits) {
                Ok(re) => vm.regexps_insert(units, bits, Rc::new(re)),
                Err(e) => {
                    let ps = vm.str_to_string(p);
                    let fs = vm.str_to_string(f);
                    return Err(vm.throw_syntax_error(&pattern_error(&ps, &fs, &e)));
                }
            }
            vm.obj_mut(o).aux[0] = p;
            vm.obj_mut(o).aux[1] = Value::int(bits as i32);
            set_last_index(vm, o, Value::int(0))?;
            Ok(o)
        })
    }

    fn regexps_insert(&mut self, units: Vec<u16>, bits: u8, re: Rc<regress::Regex>) {
        if self.regexps.map.len() >= CACHE_CAP {
            self.regexps.map.clear();
        }
        let variants = self.regexps.map.entry(units).or_default();
        variants.retain(|(b, _)| *b != bits);
        variants.push((bits, re));
    }

    /// The compiled matcher of the RegExp object `r`.
    fn regexp_matcher(&mut self, r: Value) -> JsResult<Rc<regress::Regex>> {
        let src = self.obj(r).aux[0];
        let bits = self.regexp_bits(r);
        let units: &[u16] = if src.is_string() {
            self.str_units(src)
        } else {
            &[]
        };
        if let Some(v) = self.regexps.map.get(units)
            && let Some((_, re)) = v.iter().find(|(b, _)| *b == bits)
        {
            return Ok(re.clone());
        }
        let units = units.to_vec();
        match compile(&units, bits) {
            Ok(re) => {
                let re = Rc::new(re);
                self.regexps_insert(units, bits, re.clone());
                Ok(re)
            }
            Err(e) => {
                let s = String::from_utf16_lossy(&units);
                Err(self.throw_syntax_error(&pattern_error(&s, &flags_string(bits), &e)))
            }
        }
    }

    /// `/source/flags` of a RegExp object, as node prints it.
    pub fn regexp_display(&self, r: Value) -> String {
        let src = self.obj(r).aux[0];
        let e = escape_pattern(if src.is_string() {
            self.str_units(src)
        } else {
            &[]
        });
        format!(
            "/{}/{}",
            String::from_utf16_lossy(&e),
            flags_string(self.regexp_bits(r))
        )
    }

    /// RegExpCreate (ES2025 22.2.3.1).
    pub fn regexp_create(&mut self, p: Value, f: Value) -> JsResult<Value> {
        let proto = self.realm[realm::REGEXP_PROTO];
        let o = self.regexp_alloc(proto);
        self.roots.push(o);
        let r = self.regexp_initialize(o, p, f);
        self.roots.pop();
        r
    }

    /// IsRegExp (ES2025 7.2.8).
    pub fn is_regexp(&mut self, v: Value) -> JsResult<bool> {
        if !v.is_object() {
            return Ok(false);
        }
        if let Some(m) = super::symbol::well_known(self, "match") {
            let matcher = self.get(v, PropKey::Atom(m))?;
            if !matcher.is_undefined() {
                return Ok(self.truthy(matcher));
            }
        }
        Ok(self.is_regexp_obj(v))
    }

    /// RegExpBuiltinExec (ES2025 22.2.7.2): `r` a RegExp object, `s` a string.
    pub fn regexp_builtin_exec(&mut self, r: Value, s: Value) -> JsResult<Value> {
        match self.regexp_builtin_match(r, s)? {
            Some(m) => {
                let d = self.regexp_bits(r) & FLAG_D != 0;
                self.match_array(s, &m, d)
            }
            None => Ok(Value::NULL),
        }
    }

    /// RegExpBuiltinExec up to the result object: reads and updates `lastIndex` as it does
    /// and gives the match (for `exec`, and for `test` when `exec` is the built-in one).
    fn regexp_builtin_match(&mut self, r: Value, s: Value) -> JsResult<Option<regress::Match>> {
        let li_atom = self.intern("lastIndex");
        let li = self.get(r, PropKey::Atom(li_atom))?;
        let li = to_length(self, li)?;
        let bits = self.regexp_bits(r);
        let global_or_sticky = bits & (FLAG_G | FLAG_Y) != 0;
        let start = if global_or_sticky { li } else { 0.0 };
        let len = self.str_len(s);
        if start > len as f64 {
            if global_or_sticky {
                set_last_index(self, r, Value::int(0))?;
            }
            return Ok(None);
        }
        let start = start as usize;
        let re = self.regexp_matcher(r)?;
        let m = {
            let u = self.str_units(s);
            if bits & (FLAG_U | FLAG_V) != 0 {
                re.find_from_utf16(u, start).next()
            } else {
                re.find_from_ucs2(u, start).next()
            }
        };
        // A sticky match must start at lastIndex: the leftmost match from there does if any.
        let m = match m {
            Some(m) if bits & FLAG_Y == 0 || m.start() == start => m,
            _ => {
                if global_or_sticky {
                    set_last_index(self, r, Value::int(0))?;
                }
                return Ok(None);
            }
        };
        if global_or_sticky {
            set_last_index(self, r, Value::number(m.end() as f64))?;
        }
        self.regexp_legacy_record(r, s, &m);
        Ok(Some(m))
    }

    /// The leftmost match of `r`'s matcher in the string `s` at or after `from` (no
    /// lastIndex, no result object): the split fast path.
    pub fn regexp_search(
        &mut self,
        r: Value,
        s: Value,
        from: usize,
    ) -> JsResult<Option<regress::Match>> {
        let re = self.regexp_matcher(r)?;
        let u = self.str_units(s);
        Ok(if self.regexp_bits(r) & (FLAG_U | FLAG_V) != 0 {
            re.find_from_utf16(u, from).next()
        } else {
            re.find_from_ucs2(u, from).next()
        })
    }

    /// The `groups` object of a match (undefined without named groups).
    pub fn match_groups(&mut self, s: Value, m: &regress::Match) -> Value {
        if m.named_groups().next().is_none() {
            return Value::UNDEFINED;
        }
        let g = self.new_object_with(CLASS_ORDINARY, Value::NULL);
        let named: Vec<(String, Option<regress::Range>)> =
            m.named_groups().map(|(n, r)| (n.to_string(), r)).collect();
        for (n, r) in named {
            let v = match r {
                Some(rg) => {
                    let sub = self.str_units(s)[rg].to_vec();
                    self.new_str_units(&sub)
                }
                None => Value::UNDEFINED,
            };
            self.put(g, &n, v, shape::DEFAULT);
        }
        g
    }

    /// The match result array of RegExpBuiltinExec: elements, `index`, `input`, `groups`
    /// and (flag `d`) `indices`.
    fn match_array(&mut self, s: Value, m: &regress::Match, has_indices: bool) -> JsResult<Value> {
        rooted(self, |vm| {
            let ngroups = m.captures.len() + 1;
            let a = vm.new_array(0);
            vm.roots.push(a);
            vm.put(a, "index", Value::number(m.start() as f64), shape::DEFAULT);
            vm.put(a, "input", s, shape::DEFAULT);
            for i in 0..ngroups {
                let v = match m.group(i) {
                    Some(rg) => {
                        let sub = vm.str_units(s)[rg].to_vec();
                        vm.new_str_units(&sub)
                    }
                    None => Value::UNDEFINED,
                };
                vm.array_push(a, v);
            }
            let named: Vec<(String, Option<regress::Range>)> =
                m.named_groups().map(|(n, r)| (n.to_string(), r)).collect();
            let groups = if named.is_empty() {
                Value::UNDEFINED
            } else {
                let g = vm.new_object_with(CLASS_ORDINARY, Value::NULL);
                vm.roots.push(g);
                for (n, r) in &named {
                    let v = match r {
                        Some(rg) => {
                            let sub = vm.str_units(s)[rg.clone()].to_vec();
                            vm.new_str_units(&sub)
                        }
                        None => Value::UNDEFINED,
                    };
                    vm.put(g, n, v, shape::DEFAULT);
                }
                g
            };
            vm.put(a, "groups", groups, shape::DEFAULT);
            if has_indices {
                // MakeMatchIndicesIndexPairArray (ES2025 22.2.7.8).
                let ind = vm.new_array(0);
                vm.roots.push(ind);
                for i in 0..ngroups {
                    let v = match m.group(i) {
                        Some(rg) => vm.new_array_from(&[
                            Value::number(rg.start as f64),
                            Value::number(rg.end as f64),
                        ]),
                        None => Value::UNDEFINED,
                    };
                    vm.array_push(ind, v);
                }
                let ig = if named.is_empty() {
                    Value::UNDEFINED
                } else {
                    let g = vm.new_object_with(CLASS_ORDINARY, Value::NULL);
                    vm.roots.push(g);
                    for (n, r) in &named {
                        let v = match r {
                            Some(rg) => vm.new_array_from(&[
                                Value::number(rg.start as f64),
                                Value::number(rg.end as f64),
                            ]),
                            None => Value::UNDEFINED,
                        };
                        vm.put(g, n, v, shape::DEFAULT);
                    }
                    g
                };
                vm.put(ind, "groups", ig, shape::DEFAULT);
                vm.put(a, "indices", ind, shape::DEFAULT);
            }
            Ok(a)
        })
    }

    /// RegExpExec (ES2025 22.2.7.1): a user `exec` if there is one, else the built-in one.
    pub fn regexp_exec(&mut self, r: Value, s: Value) -> JsResult<Value> {
        let exec = self.get_by_name(r, "exec")?;
        self.regexp_exec_with(r, s, exec)
    }

    /// RegExpExec, for callers that only need the match when `exec` is the built-in one
    /// (its result object is then unobservable): the match, or a user exec's result.
    pub fn regexp_exec_or_match(&mut self, r: Value, s: Value) -> JsResult<Option<Found>> {
        let exec = self.get_by_name(r, "exec")?;
        if exec == self.realm[realm::REGEXP_EXEC] && self.is_regexp_obj(r) {
            return Ok(self.regexp_builtin_match(r, s)?.map(Found::Match));
        }
        let v = self.regexp_exec_with(r, s, exec)?;
        Ok((!v.is_null()).then_some(Found::Object(v)))
    }

    fn regexp_exec_with(&mut self, r: Value, s: Value, exec: Value) -> JsResult<Value> {
        if self.is_callable(exec) {
            let res = self.call_function(exec, r, &[s])?;
            let is_obj = res.is_object() && self.class_of(res) != CLASS_SYMBOL;
            if !is_obj && !res.is_null() {
                return Err(self.throw_type_error(
                    "object or null expected as the result of a RegExp exec method",
                ));
            }
            return Ok(res);
        }
        if !self.is_regexp_obj(r) {
            return Err(self.incompatible("RegExp.prototype.exec", r));
        }
        self.regexp_builtin_exec(r, s)
    }

    /// "Method NAME called on incompatible receiver X" (V8's wording).
    pub fn incompatible(&mut self, name: &str, v: Value) -> crate::js::vm::Thrown {
        let d = if v.is_string() {
            self.str_to_string(v)
        } else if v.is_object() && self.class_of(v) == CLASS_SYMBOL {
            self.symbol_descriptive(v)
        } else {
            self.short_describe(v)
        };
        self.throw_type_error(&format!(
            "Method {name} called on incompatible receiver {d}"
        ))
    }
}

/// A successful RegExpExec: a built-in match, or the object a user `exec` returned.
pub enum Found {
    Match(regress::Match),
    Object(Value),
}

/// Set(R, "lastIndex", v, true).
pub fn set_last_index(vm: &mut Vm, r: Value, v: Value) -> JsResult<()> {
    let a = vm.intern("lastIndex");
    super::array_generic::set_key(vm, r, PropKey::Atom(a), v)
}

/// EscapeRegExpPattern (ES2025 22.2.6.13.1): `source` as it would be written in a literal.
fn escape_pattern(u: &[u16]) -> Vec<u16> {
    if u.is_empty() {
        return "(?:)".encode_utf16().collect();
    }
    let mut out = Vec::with_capacity(u.len());
    let mut in_class = false;
    let mut i = 0;
    while i < u.len() {
        let c = u[i];
        match c {
            0x5C if i + 1 < u.len() => {
                out.push(c);
                i += 1;
                match u[i] {
                    0x0A => out.push(b'n' as u16),
                    0x0D => out.push(b'r' as u16),
                    0x2028 => out.extend("u2028".encode_utf16()),
                    0x2029 => out.extend("u2029".encode_utf16()),
                    d => out.push(d),
                }
            }
            0x2F if !in_class => out.extend([b'\\' as u16, b'/' as u16]),
            0x0A => out.extend("\\n".encode_utf16()),
            0x0D => out.extend("\\r".encode_utf16()),
            0x2028 => out.extend("\\u2028".encode_utf16()),
            0x2029 => out.extend("\\u2029".encode_utf16()),
            _ => {
                if c == b'[' as u16 {
                    in_class = true;
                } else if c == b']' as u16 {
                    in_class = false;
                }
                out.push(c);
            }
        }
        i += 1;
    }
    out
}

/// `RegExp(pattern, flags)` (ES2025 22.2.4.1).
fn regexp_ctor(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let pattern = arg(vm, a, 0);
    let flags = arg(vm, a, 1);
    rooted(vm, |vm| {
        let pattern_is_regexp = vm.is_regexp(pattern)?;
        if a.new_target.is_undefined() && pattern_is_regexp && flags.is_undefined() {
            let pc = vm.get_named(pattern, atoms::CONSTRUCTOR)?;
            if pc == a.callee {
                return Ok(pattern);
            }
        }
        let (p, f) = if vm.is_regexp_obj(pattern) {
            let p = vm.obj(pattern).aux[0];
            let f = if flags.is_undefined() {
                let fs = flags_string(vm.regexp_bits(pattern));
                vm.new_str(&fs)
            } else {
                flags
            };
            (p, f)
        } else if pattern_is_regexp {
            let p = vm.get_by_name(pattern, "source")?;
            vm.roots.push(p);
            let f = if flags.is_undefined() {
                vm.get_by_name(pattern, "flags")?
            } else {
                flags
            };
            (p, f)
        } else {
            (pattern, flags)
        };
        vm.roots.push(p);
        vm.roots.push(f);
        let proto = if a.new_target.is_undefined() {
            vm.realm[realm::REGEXP_PROTO]
        } else {
            vm.proto_from_new_target(a, realm::REGEXP_PROTO)?
        };
        let o = vm.regexp_alloc(proto);
        vm.roots.push(o);
        let r = vm.regexp_initialize(o, p, f)?;
        if !a.new_target.is_undefined() && a.new_target != vm.realm[realm::REGEXP_CTOR] {
            // [[LegacyFeaturesEnabled]] is false for subclass instances.
            let bits = vm.obj(r).aux[1].as_int();
            vm.obj_mut(r).aux[1] = Value::int(bits | super::regexp_legacy::LEGACY_DISABLED);
        }
        Ok(r)
    })
}

fn this_regexp(vm: &mut Vm, a: &CallArgs, name: &str) -> JsResult<Value> {
    if vm.is_regexp_obj(a.this) {
        Ok(a.this)
    } else {
        Err(vm.incompatible(name, a.this))
    }
}

/// `RegExp.prototype.exec(string)`.
fn exec(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let r = this_regexp(vm, a, "RegExp.prototype.exec")?;
    let s = vm.to_string(arg(vm, a, 0))?;
    vm.roots.push(s);
    let res = vm.regexp_builtin_exec(r, s);
    vm.roots.pop();
    res
}

/// `RegExp.prototype.test(string)`.
fn test(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    if !a.this.is_object() {
        return Err(vm.incompatible("RegExp.prototype.test", a.this));
    }
    let s = vm.to_string(arg(vm, a, 0))?;
    vm.roots.push(s);
    let res = rooted(vm, |vm| {
        // With the built-in exec the result object is never seen: skip making it.
        if vm.is_regexp_obj(a.this) {
            let exec = vm.get_by_name(a.this, "exec")?;
            if exec == vm.realm[realm::REGEXP_EXEC] {
                return Ok(vm.regexp_builtin_match(a.this, s)?.is_some());
            }
        }
        Ok(!vm.regexp_exec(a.this, s)?.is_null())
    });
    vm.roots.pop();
    Ok(Value::bool(res?))
}

/// `RegExp.prototype.toString()`.
fn to_string(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    if !a.this.is_object() {
        return Err(vm.incompatible("RegExp.prototype.toString", a.this));
    }
    let src = vm.get_by_name(a.this, "source")?;
    let src = vm.to_rust_string(src)?;
    let f = vm.get_by_name(a.this, "flags")?;
    let f = vm.to_rust_string(f)?;
    Ok(vm.new_str(&format!("/{src}/{f}")))
}

/// `RegExp.prototype.compile(pattern, flags)` (Annex B.2.4.1).
fn compile_m(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let o = this_regexp(vm, a, "RegExp.prototype.compile")?;
    if vm.obj(o).aux[1].as_int() & super::regexp_legacy::LEGACY_DISABLED != 0 {
        // Annex B.2.4.1 step 3 (legacy features): not for subclass instances.
        return Err(vm.throw_type_error(
            "RegExp.prototype.compile cannot be used on an instance of a RegExp subclass",
        ));
    }
    let pattern = arg(vm, a, 0);
    let flags = arg(vm, a, 1);
    let (p, f) = if vm.is_regexp_obj(pattern) {
        if !flags.is_undefined() {
            return Err(vm.throw_type_error(
                "Cannot supply flags when constructing one RegExp from another",
            ));
        }
        let fs = flags_string(vm.regexp_bits(pattern));
        (vm.obj(pattern).aux[0], vm.new_str(&fs))
    } else {
        (pattern, flags)
    };
    vm.roots.push(f);
    let r = vm.regexp_initialize(o, p, f);
    vm.roots.pop();
    r
}

/// The getter of the flag property `name` (ES2025 22.2.6.4.1 RegExpHasFlag).
fn has_flag(vm: &mut Vm, a: &CallArgs, bit: u8, name: &str) -> JsResult<Value> {
    let r = a.this;
    if !r.is_object() {
        return Err(vm.throw_type_error(&format!(
            "RegExp.prototype.{name} getter called on non-object {}",
            vm.short_describe(r)
        )));
    }
    if !vm.is_regexp_obj(r) {
        if r == vm.realm[realm::REGEXP_PROTO] {
            return Ok(Value::UNDEFINED);
        }
        return Err(vm.throw_type_error(&format!(
            "RegExp.prototype.{name} getter called on non-RegExp object"
        )));
    }
    Ok(Value::bool(vm.regexp_bits(r) & bit != 0))
}

macro_rules! flag_getters {
    ($($f:ident, $bit:expr, $name:literal;)*) => {
        $(fn $f(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
            has_flag(vm, a, $bit, $name)
        })*
        const FLAG_GETTERS: &[(&str, NativeFn)] = &[$(($name, $f)),*];
    };
}
flag_getters! {
    get_has_indices, FLAG_D, "hasIndices";
    get_global, FLAG_G, "global";
    get_ignore_case, FLAG_I, "ignoreCase";
    get_multiline, FLAG_M, "multiline";
    get_dot_all, FLAG_S, "dotAll";
    get_unicode, FLAG_U, "unicode";
    get_unicode_sets, FLAG_V, "unicodeSets";
    get_sticky, FLAG_Y, "sticky";
}

/// `get RegExp.prototype.flags` (ES2025 22.2.6.4): generic over the flag properties.
fn get_flags(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let r = a.this;
    if !r.is_object() {
        return Err(vm.throw_type_error(&format!(
            "RegExp.prototype.flags getter called on non-object {}",
            vm.short_describe(r)
        )));
    }
    let mut out = String::new();
    for (name, (c, _)) in ["hasIndices", "global", "ignoreCase", "multiline", "dotAll"]
        .iter()
        .chain(&["unicode", "unicodeSets", "sticky"])
        .zip(FLAG_CHARS)
    {
        let v = vm.get_by_name(r, name)?;
        if vm.truthy(v) {
            out.push(c as char);
        }
    }
    Ok(vm.new_str(&out))
}

/// `get RegExp.prototype.source`.
fn get_source(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let r = a.this;
    if !r.is_object() {
        return Err(vm.throw_type_error(&format!(
            "RegExp.prototype.source getter called on non-object {}",
            vm.short_describe(r)
        )));
    }
    if !vm.is_regexp_obj(r) {
        if r == vm.realm[realm::REGEXP_PROTO] {
            return Ok(vm.new_str("(?:)"));
        }
        return Err(
            vm.throw_type_error("RegExp.prototype.source getter called on non-RegExp object")
        );
    }
    let src = vm.obj(r).aux[0];
    let e = escape_pattern(vm.str_units(src));
    Ok(vm.new_str_units(&e))
}

/// `RegExp.escape(string)` (ES2026 22.2.5.1).
fn escape(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let s = arg(vm, a, 0);
    if !s.is_string() {
        return Err(vm.throw_type_error("RegExp.escape requires a string argument"));
    }
    let u = vm.str_units(s).to_vec();
    let mut out: Vec<u16> = Vec::with_capacity(u.len());
    let push_str = |out: &mut Vec<u16>, t: &str| out.extend(t.encode_utf16());
    for (i, r) in char::decode_utf16(u.iter().copied()).enumerate() {
        let c = match r {
            Ok(c) => c as u32,
            Err(e) => e.unpaired_surrogate() as u32,
        };
        let ascii = char::from_u32(c).filter(|c| c.is_ascii());
        if i == 0 && ascii.is_some_and(|c| c.is_ascii_alphanumeric()) {
            push_str(&mut out, &format!("\\x{c:02x}"));
            continue;
        }
        // EncodeForRegExpEscape.
        if let Some(ch) = ascii
            && "^$\\.*+?()[]{}|/".contains(ch)
        {
            out.extend([b'\\' as u16, c as u16]);
            continue;
        }
        let ctrl = match c {
            0x09 => Some("\\t"),
            0x0A => Some("\\n"),
            0x0B => Some("\\v"),
            0x0C => Some("\\f"),
            0x0D => Some("\\r"),
            _ => None,
        };
        if let Some(t) = ctrl {
            push_str(&mut out, t);
            continue;
        }
        let punct = ascii.is_some_and(|ch| ",-=<>#&!%:;@~'`\"".contains(ch));
        let space = matches!(
            c,
            0x20 | 0xA0 | 0x1680 | 0x2000
                ..=0x200A | 0x2028 | 0x2029 | 0x202F | 0x205F | 0x3000 | 0xFEFF
        );
        let surrogate = (0xD800..0xE000).contains(&c);
        if punct || space || surrogate {
            if c <= 0xFF {
                push_str(&mut out, &format!("\\x{c:02x}"));
            } else {
                push_str(&mut out, &format!("\\u{c:04x}"));
            }
            continue;
        }
        match char::from_u32(c) {
            Some(ch) => {
                let mut b = [0u16; 2];
                out.extend_from_slice(ch.encode_utf16(&mut b));
            }
            None => out.push(c as u16),
        }
    }
    Ok(vm.new_str_units(&out))
}

fn species(_vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    Ok(a.this)
}

pub fn install(vm: &mut Vm) {
    let op = vm.realm[realm::OBJECT_PROTO];
    let rp = vm.new_object_with(CLASS_ORDINARY, op);
    vm.realm[realm::REGEXP_PROTO] = rp;
    let c = vm.constructor("RegExp", regexp_ctor, 2, rp);
    vm.realm[realm::REGEXP_CTOR] = c;
    vm.method(c, "escape", escape, 1);
    if let Some(sp) = super::symbol::well_known(vm, "species") {
        let f = vm.native_fn("get [Symbol.species]", species, 0);
        vm.define_accessor(c, PropKey::Atom(sp), f, true, false);
    }
    vm.realm[realm::REGEXP_EXEC] = vm.method(rp, "exec", exec, 1);
    vm.method(rp, "test", test, 1);
    vm.method(rp, "toString", to_string, 0);
    vm.method(rp, "compile", compile_m, 2);
    vm.getter(rp, "flags", get_flags);
    vm.getter(rp, "source", get_source);
    for &(name, f) in FLAG_GETTERS {
        vm.getter(rp, name, f);
    }
    super::regexp_string::install(vm);
    super::regexp_legacy::install(vm);
}

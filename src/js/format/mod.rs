//! `console.log` formatting, following node's `util.inspect` (depth 2, breakLength 80,
//! compact 3, array grouping for more than six entries, `<n empty items>`, quoting).

mod binary;
pub mod number;

use crate::js::atoms;
use crate::js::bytecode::{F_ASYNC, F_CLASS_CTOR, F_GENERATOR};
use crate::js::interp::iter::{
    IT_MAP_ENTRIES, IT_MAP_KEYS, IT_MAP_VALUES, IT_SET_VALUES, ITER_MAP, ITER_SET,
};
use crate::js::object::*;
use crate::js::shape;
use crate::js::string::parse_index;
use crate::js::value::Value;
use crate::js::vm::{Vm, realm};

const BREAK_LENGTH: usize = 80;
const DEPTH: usize = 2;
const COMPACT: usize = 3;
const MAX_ARRAY: usize = 100;

pub fn quote_js_string(s: &str) -> String {
    let q = if !s.contains('\'') {
        '\''
    } else if !s.contains('"') {
        '"'
    } else if !s.contains('`') {
        '`'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(q);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\u{b}' => out.push_str("\\v"),
            '\\' => out.push_str("\\\\"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02X}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push(q);
    out
}

fn is_ident(s: &str) -> bool {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) if c.is_ascii_alphabetic() || c == '_' => {}
        _ => return false,
    }
    cs.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

struct Ctx {
    seen: Vec<Value>,
    /// Objects referenced circularly, numbered in order of discovery (`<ref *n>`).
    circular: Vec<Value>,
    indentation: usize,
    current_depth: usize,
}

#[derive(PartialEq, Clone, Copy)]
enum Extras {
    Object,
    Array,
}

impl Vm {
    /// Formats one console.log argument (strings at top level print raw).
    pub fn inspect_top(&mut self, v: Value) -> String {
        if v.is_string() {
            return self.str_to_string(v);
        }
        let mut ctx = Ctx {
            circular: Vec::new(),
            seen: Vec::new(),
            indentation: 0,
            current_depth: 0,
        };
        self.format_value(&mut ctx, v, 0, false)
    }

    /// `util.inspect`-style formatting of any value (strings quoted).
    pub fn inspect(&mut self, v: Value) -> String {
        let mut ctx = Ctx {
            circular: Vec::new(),
            seen: Vec::new(),
            indentation: 0,
            current_depth: 0,
        };
        self.format_value(&mut ctx, v, 0, true)
    }

    /// A module namespace as node shows it: `[Module: null prototype] { name: value }`
    /// with the exports' current values.
    fn format_namespace(&mut self, ctx: &mut Ctx, ns: Value, recurse: usize) -> String {
        let view = self.new_object_with(CLASS_ORDINARY, Value::NULL);
        self.roots.push(view);
        for k in self.own_keys(ns, false) {
            if let PropKey::Atom(a) = k
                && self.symbol_atoms.contains(&a)
            {
                continue;
            }
            let v = match self.get(ns, k) {
                Ok(v) => v,
                Err(_) => self.new_str("<uninitialized>"),
            };
            self.define_own(view, k, v, shape::DEFAULT);
        }
        let s = self.format_raw(ctx, view, recurse);
        self.roots.pop();
        match s.strip_prefix("[Object: null prototype]") {
            Some(rest) => format!("[Module: null prototype]{rest}"),
            None => s,
        }
    }

    fn format_primitive(&self, v: Value, quote: bool) -> String {
        if v.is_string() {
            let s = self.str_to_string(v);
            return if quote { quote_js_string(&s) } else { s };
        }
        if v.is_double() && v.as_double() == 0.0 && v.as_double().is_sign_negative() {
            return "-0".into();
        }
        if self.is_bigint(v) {
            return format!("{}n", self.bigint(v));
        }
        self.primitive_to_rust_string(v)
    }

    fn format_value(&mut self, ctx: &mut Ctx, v: Value, recurse: usize, quote: bool) -> String {
        if !v.is_object() {
            return self.format_primitive(v, quote);
        }
        let mut v = v;
        while self.class_of(v) == CLASS_PROXY {
            // node shows a proxy's target without running any trap.
            v = self.obj(v).aux[0];
            if v.is_null() {
                return "<Revoked Proxy>".into();
            }
        }
        if self.class_of(v) == CLASS_SYMBOL {
            return self.symbol_descriptive(v);
        }
        if self.class_of(v) == CLASS_DATE {
            let t = self.obj(v).aux[0].as_number();
            return if t.is_nan() {
                "Invalid Date".into()
            } else {
                crate::js::builtins::date_iso(t)
            };
        }
        if ctx.seen.contains(&v) {
            let n = match ctx.circular.iter().position(|c| *c == v) {
                Some(i) => i + 1,
                None => {
                    ctx.circular.push(v);
                    ctx.circular.len()
                }
            };
            return format!("[Circular *{n}]");
        }
        let s = self.format_raw(ctx, v, recurse);
        match ctx.circular.iter().position(|c| *c == v) {
            Some(i) => format!("<ref *{}> {s}", i + 1),
            None => s,
        }
    }

    /// Whether array `o` has element `i` (in its elements, or as a named property when an
    /// element has attributes or is an accessor).
    fn element_present(&mut self, o: Value, i: usize) -> bool {
        if !self.elems(o)[i].is_empty() {
            return true;
        }
        if self.obj(o).hdr.flags & FLAG_SLOW_ELEMS == 0 {
            return false;
        }
        let a = self.index_atom(i as u32);
        self.find_own(o, a).is_some()
    }

    fn constructor_name(&mut self, o: Value) -> Option<String> {
        let mut p = self.obj(o).proto;
        let mut first = true;
        let _ = &mut first;
        while p.is_object() {
            if let Some((loc, f)) = self.find_own(p, atoms::CONSTRUCTOR)
                && f & shape::ACCESSOR == 0
            {
                let c = self.read_loc(p, loc);
                if self.is_callable(c) {
                    let n = self.function_name(c);
                    if !n.is_empty() {
                        return Some(n);
                    }
                }
            }
            p = self.obj(p).proto;
        }
        None
    }

    /// The object's `Symbol.toStringTag` when it is a non-empty string held in a data
    /// property that is not an own enumerable one (node shows it beside the constructor
    /// name, unless the property is listed anyway; getters are not run).
    fn string_tag(&mut self, o: Value) -> Option<String> {
        let tag = crate::js::builtins::well_known_symbol(self, "toStringTag")?;
        let mut p = o;
        while p.is_object() {
            if let Some((loc, f)) = self.find_own(p, tag) {
                if f & shape::ACCESSOR != 0 || (p == o && f & shape::ENUMERABLE != 0) {
                    return None;
                }
                let v = self.read_loc(p, loc);
                if !v.is_string() {
                    return None;
                }
                let s = self.str_to_string(v);
                return (!s.is_empty()).then_some(s);
            }
            p = self.obj(p).proto;
        }
        None
    }

    fn key_display(&mut self, k: PropKey, enumerable: bool) -> String {
        if let PropKey::Atom(a) = k
            && self.symbol_atoms.contains(&a)
        {
            let sym = self.symbol_of_atom(a);
            return format!("[{}]", self.symbol_descriptive(sym));
        }
        let kv = self.key_value(k);
        let s = self.str_to_string(kv);
        if !enumerable {
            return format!("[{s}]");
        }
        if is_ident(&s) { s } else { quote_js_string(&s) }
    }

    fn format_property(
        &mut self,
        ctx: &mut Ctx,
        o: Value,
        k: PropKey,
        recurse: usize,
        with_key: bool,
    ) -> String {
        let (v, f) = self
            .get_own_raw(o, k)
            .unwrap_or((Value::UNDEFINED, shape::DEFAULT));
        let s = if f & shape::ACCESSOR != 0 {
            let (g, st) = self.accessor_parts(v);
            match (g.is_undefined(), st.is_undefined()) {
                (false, false) => "[Getter/Setter]".into(),
                (false, true) => "[Getter]".into(),
                (true, false) => "[Setter]".into(),
                _ => "undefined".into(),
            }
        } else {
            ctx.indentation += 2;
            let s = self.format_value(ctx, v, recurse, true);
            ctx.indentation -= 2;
            s
        };
        if !with_key {
            return s;
        }
        let name = self.key_display(k, f & shape::ENUMERABLE != 0);
        format!("{name}: {s}")
    }

    fn format_raw(&mut self, ctx: &mut Ctx, o: Value, recurse: usize) -> String {
        if self.is_module_namespace(o) {
            return self.format_namespace(ctx, o, recurse);
        }
        if self.is_node_buffer(o) {
            return self.format_node_buffer(ctx, o, recurse);
        }
        let class = self.class_of(o);
        let ctor = self.constructor_name(o);
        let null_proto = self.obj(o).proto.is_null();
        let mut keys: Vec<PropKey> = self.own_keys(o, true);
        // Enumerable symbol-keyed properties follow the string keys, as node shows them.
        for k in self.own_symbol_keys(o) {
            if self
                .get_own_raw(o, k)
                .is_some_and(|(_, f)| f & shape::ENUMERABLE != 0)
            {
                keys.push(k);
            }
        }
        let mut base = String::new();
        let braces: (String, String);
        let mut extras = Extras::Object;
        let mut prefix_only_if_keys = false;
        match class {
            // Node lists an arguments object's indices as keys: `[Arguments] { '0': 1 }`.
            CLASS_ARGUMENTS => braces = ("[Arguments] {".into(), "}".into()),
            CLASS_ARRAY => {
                // Elements with attributes are named properties shown in their place.
                let len = self.obj(o).elem_len;
                keys.retain(|k| match k {
                    PropKey::Atom(a) => {
                        parse_index(self.str_units(self.atom_value(*a))).is_none_or(|i| i >= len)
                    }
                    PropKey::Index(_) => false,
                });
                let pre = match &ctor {
                    Some(c) if c == "Array" => String::new(),
                    Some(c) => format!("{c}({}) ", self.obj(o).elem_len),
                    None => format!("[Array({}): null prototype] ", self.obj(o).elem_len),
                };
                braces = (format!("{pre}["), "]".into());
                extras = Extras::Array;
            }
            c if is_typed_class(c) => {
                keys.retain(|k| matches!(k, PropKey::Atom(_)));
                braces = (self.typed_open(o, &ctor), "]".into());
                extras = Extras::Array;
            }
            CLASS_ARRAY_BUFFER | CLASS_DATA_VIEW => {
                let name = ctor.clone().unwrap_or_else(|| {
                    if class == CLASS_DATA_VIEW {
                        "DataView"
                    } else {
                        "ArrayBuffer"
                    }
                    .into()
                });
                braces = (format!("{name} {{"), "}".into());
            }
            CLASS_CLOSURE | CLASS_NATIVE | CLASS_BOUND => {
                let name = self.function_name(o);
                let is_class = class == CLASS_CLOSURE && self.func_code(o).has(F_CLASS_CTOR);
                base = if is_class {
                    let mut b = if name.is_empty() {
                        "[class (anonymous)".to_string()
                    } else {
                        format!("[class {name}")
                    };
                    let sup = self.obj(o).proto;
                    if sup.is_object() && sup != self.realm[realm::FUNCTION_PROTO] {
                        let sn = self.function_name(sup);
                        b.push_str(&format!(" extends {sn}"));
                    }
                    b.push(']');
                    b
                } else {
                    let flags = if class == CLASS_CLOSURE {
                        self.func_code(o).flags
                    } else {
                        0
                    };
                    let kind = if flags & (F_GENERATOR | F_ASYNC) == F_GENERATOR | F_ASYNC {
                        "AsyncGeneratorFunction"
                    } else if flags & F_GENERATOR != 0 {
                        "GeneratorFunction"
                    } else if flags & F_ASYNC != 0 {
                        "AsyncFunction"
                    } else {
                        "Function"
                    };
                    let mut b = if name.is_empty() {
                        format!("[{kind} (anonymous)]")
                    } else {
                        format!("[{kind}: {name}]")
                    };
                    // Node names an unexpected constructor after the bracket
                    // (`Function.prototype` is `[Function (anonymous)] Object`).
                    if let Some(c) = self.constructor_name(o)
                        && c != kind
                    {
                        b.push(' ');
                        b.push_str(&c);
                    }
                    b
                };
                if is_class {
                    keys.retain(|k| *k != PropKey::Atom(atoms::PROTOTYPE));
                }
                if keys.is_empty() {
                    return base;
                }
                braces = ("{".into(), "}".into());
            }
            CLASS_REGEXP => {
                base = self.regexp_display(o);
                if keys.is_empty() {
                    return base;
                }
                braces = ("{".into(), "}".into());
            }
            CLASS_ERROR => {
                let st = self
                    .get_own_raw(o, PropKey::Atom(atoms::STACK))
                    .map(|x| x.0);
                base = match st {
                    Some(s) if s.is_string() => self.str_to_string(s),
                    _ => "Error".into(),
                };
                // node wraps an error in brackets when its stack shows no frames.
                if recurse == 0 && !base.contains("\n    at") {
                    base = format!("[{base}]");
                }
                if ctx.indentation > 0 {
                    let ind = " ".repeat(ctx.indentation);
                    base = base.replace('\n', &format!("\n{ind}"));
                }
                if keys.is_empty() {
                    return if recurse > 0 {
                        format!("[{base}]")
                    } else {
                        base
                    };
                }
                braces = ("{".into(), "}".into());
            }
            CLASS_MAP | CLASS_SET => {
                let n = {
                    let m = self.obj(o).map;
                    // SAFETY: Map/Set objects own their MapData.
                    unsafe { (*m).size }
                };
                let name = if class == CLASS_MAP { "Map" } else { "Set" };
                braces = (format!("{name}({n}) {{"), "}".into());
            }
            CLASS_ITER if self.collection_iter_preview(o).is_some() => {
                let family = if self.iter_family_of(o) == ITER_MAP {
                    "Map"
                } else {
                    "Set"
                };
                let what = if self.obj(o).hdr.aux == IT_MAP_ENTRIES {
                    "Entries"
                } else {
                    "Iterator"
                };
                braces = (format!("[{family} {what}] {{"), "}".into());
            }
            CLASS_PROMISE => {
                let name = ctor.clone().unwrap_or_else(|| "Promise".into());
                let pre = if name == "Promise" {
                    name
                } else {
                    format!("{name} [Promise]")
                };
                braces = (format!("{pre} {{"), "}".into());
            }
            CLASS_NUMBER | CLASS_STRING | CLASS_BOOLEAN | CLASS_BIGINT
                if o != self.realm[crate::js::vm::realm::NUMBER_PROTO]
                    && o != self.realm[crate::js::vm::realm::BOOLEAN_PROTO] =>
            {
                let pv = self.obj(o).aux[0];
                let t = match class {
                    CLASS_NUMBER => "Number",
                    CLASS_STRING => "String",
                    CLASS_BIGINT => "BigInt",
                    _ => "Boolean",
                };
                let ps = self.format_primitive(pv, true);
                base = format!("[{t}: {ps}]");
                if class == CLASS_STRING {
                    keys.retain(|k| matches!(k, PropKey::Atom(_)));
                }
                if keys.is_empty() {
                    return base;
                }
                braces = ("{".into(), "}".into());
            }
            _ => {
                let tag = self.string_tag(o).filter(|t| ctor.as_ref() != Some(t));
                let pre = if null_proto {
                    "[Object: null prototype] ".to_string()
                } else {
                    match (&ctor, tag) {
                        (Some(c), None) if c == "Object" => String::new(),
                        (Some(c), None) => format!("{c} "),
                        (Some(c), Some(t)) => format!("{c} [{t}] "),
                        (None, Some(t)) => format!("Object [{t}] "),
                        (None, None) => String::new(),
                    }
                };
                // A WeakMap/WeakSet shows `<items unknown>` even with no own keys.
                prefix_only_if_keys = !matches!(class, CLASS_WEAK_MAP | CLASS_WEAK_SET);
                braces = (format!("{pre}{{"), "}".into());
            }
        }
        let empty = keys.is_empty()
            && match class {
                CLASS_ARRAY => self.obj(o).elem_len == 0,
                c if is_typed_class(c) => self.ta_length_or_zero(o) == 0,
                CLASS_ARRAY_BUFFER | CLASS_DATA_VIEW => false,
                CLASS_ITER if self.collection_iter_preview(o).is_some() => false,
                CLASS_MAP | CLASS_SET => {
                    let m = self.obj(o).map;
                    // SAFETY: Map/Set objects own their MapData.
                    unsafe { (*m).size == 0 }
                }
                _ => prefix_only_if_keys,
            };
        if empty {
            return if extras == Extras::Array {
                format!("{}]", braces.0)
            } else {
                format!("{}}}", braces.0)
            };
        }
        if recurse > DEPTH {
            return match class {
                CLASS_ARRAY => "[Array]".into(),
                _ => match &ctor {
                    Some(c) => format!("[{c}]"),
                    None => "[Object: null prototype]".into(),
                },
            };
        }
        let recurse = recurse + 1;
        ctx.seen.push(o);
        ctx.current_depth = recurse;
        let mut output: Vec<String> = Vec::new();
        let mut value_for_grouping: Option<Vec<Value>> = None;
        match class {
            CLASS_ARRAY => {
                let len = self.obj(o).elem_len as usize;
                let shown = len.min(MAX_ARRAY);
                let mut i = 0;
                let mut outputs_n = 0;
                while i < shown {
                    if !self.element_present(o, i) {
                        let mut j = i;
                        while j < len && !self.element_present(o, j) {
                            j += 1;
                        }
                        let n = j - i;
                        output.push(format!("<{n} empty item{}>", if n > 1 { "s" } else { "" }));
                        i = j;
                    } else {
                        output.push(self.format_property(
                            ctx,
                            o,
                            PropKey::Index(i as u32),
                            recurse,
                            false,
                        ));
                        i += 1;
                    }
                    outputs_n += 1;
                    if outputs_n >= MAX_ARRAY {
                        break;
                    }
                }
                if i < len {
                    let rem = len - i;
                    output.push(format!(
                        "... {rem} more item{}",
                        if rem > 1 { "s" } else { "" }
                    ));
                }
                value_for_grouping = Some(self.elems(o).to_vec());
            }
            c if is_typed_class(c) => {
                let (out, vals) = self.typed_entries(o);
                output = out;
                value_for_grouping = Some(vals);
            }
            CLASS_WEAK_MAP | CLASS_WEAK_SET => output.push("<items unknown>".into()),
            CLASS_ITER => {
                // A Map or Set iterator shows what it has left, as node does.
                if let Some((pairs, rest)) = self.collection_iter_preview(o) {
                    ctx.indentation += 2;
                    for (k, v) in rest {
                        let ks = self.format_value(ctx, k, recurse, true);
                        output.push(if pairs {
                            let vs = self.format_value(ctx, v, recurse, true);
                            format!("[ {ks}, {vs} ]")
                        } else {
                            ks
                        });
                    }
                    ctx.indentation -= 2;
                    if output.is_empty() && keys.is_empty() {
                        ctx.seen.pop();
                        return format!("{}  }}", braces.0);
                    }
                }
            }
            CLASS_ARRAY_BUFFER => output = self.buffer_entries(o),
            CLASS_DATA_VIEW => {
                output = self.view_entries(o);
                let b = self.view_buffer(o);
                ctx.indentation += 2;
                let s = self.format_value(ctx, b, recurse, true);
                ctx.indentation -= 2;
                output.push(format!("buffer: {s}"));
            }
            CLASS_PROMISE => {
                let state = self.promise_state(o);
                let r = self.promise_result(o);
                ctx.indentation += 2;
                output.push(match state {
                    crate::js::promise::STATE_PENDING => "<pending>".into(),
                    crate::js::promise::STATE_FULFILLED => self.format_value(ctx, r, recurse, true),
                    _ => format!("<rejected> {}", self.format_value(ctx, r, recurse, true)),
                });
                ctx.indentation -= 2;
            }
            CLASS_MAP | CLASS_SET => {
                let entries: Vec<(Value, Value)> = {
                    let m = self.obj(o).map;
                    // SAFETY: Map/Set objects own their MapData.
                    unsafe {
                        (*m).entries
                            .iter()
                            .filter(|e| !e.0.is_empty())
                            .copied()
                            .collect()
                    }
                };
                ctx.indentation += 2;
                for (k, v) in entries {
                    let ks = self.format_value(ctx, k, recurse, true);
                    if class == CLASS_MAP {
                        let vs = self.format_value(ctx, v, recurse, true);
                        output.push(format!("{ks} => {vs}"));
                    } else {
                        output.push(ks);
                    }
                }
                ctx.indentation -= 2;
            }
            _ => {}
        }
        for k in keys {
            output.push(self.format_property(ctx, o, k, recurse, true));
        }
        ctx.seen.pop();
        if output.is_empty() {
            if prefix_only_if_keys || class == CLASS_MAP || class == CLASS_SET {
                return format!("{}}}", braces.0);
            }
            if extras == Extras::Array {
                return format!("{}]", braces.0);
            }
            return format!("{base} {}}}", braces.0).trim_start().to_string();
        }
        self.reduce_to_single_string(
            ctx,
            output,
            &base,
            &braces,
            extras,
            recurse,
            value_for_grouping.as_deref(),
        )
    }

    /// A Map or Set iterator's remaining items (pairs for `entries()`), read without
    /// advancing it; None for other iterators.
    fn collection_iter_preview(&self, it: Value) -> Option<(bool, Vec<(Value, Value)>)> {
        let family = self.iter_family_of(it);
        if family != ITER_MAP && family != ITER_SET {
            return None;
        }
        let kind = self.obj(it).hdr.aux;
        let pairs = kind == IT_MAP_ENTRIES;
        if !matches!(
            kind,
            IT_MAP_ENTRIES | IT_MAP_KEYS | IT_MAP_VALUES | IT_SET_VALUES
        ) {
            return Some((pairs, Vec::new()));
        }
        let target = self.obj(it).aux[0];
        let from = self.obj(it).code;
        let m = self.obj(target).map;
        // SAFETY: a live Map/Set iterator's target is a Map or Set, which owns its MapData.
        let entries = unsafe { &(*m).entries };
        let rest = entries
            .iter()
            .skip(from)
            .filter(|e| !e.0.is_empty())
            .map(|&(k, v)| {
                if kind == IT_MAP_VALUES {
                    (v, v)
                } else {
                    (k, v)
                }
            })
            .collect();
        Some((pairs, rest))
    }

    #[allow(clippy::too_many_arguments)]
    fn reduce_to_single_string(
        &self,
        ctx: &mut Ctx,
        mut output: Vec<String>,
        base: &str,
        braces: &(String, String),
        extras: Extras,
        recurse: usize,
        value: Option<&[Value]>,
    ) -> String {
        let entries = output.len();
        if extras == Extras::Array && entries > 6 {
            // node pads numbers and BigInts to the right of their column.
            let numeric = value.map(|vals| {
                vals.iter()
                    .take(output.len())
                    .all(|&v| v.is_number() || self.is_bigint(v))
            });
            output = group_array_elements(ctx, output, numeric);
        }
        if ctx.current_depth - recurse < COMPACT && entries == output.len() {
            let start = output.len()
                + ctx.indentation
                + braces.0.chars().count()
                + base.chars().count()
                + 10;
            if is_below_break_length(&output, start, base) {
                let joined = output.join(", ");
                if !joined.contains('\n') {
                    let b = if base.is_empty() {
                        String::new()
                    } else {
                        format!("{base} ")
                    };
                    return format!("{b}{} {joined} {}", braces.0, braces.1);
                }
            }
        }
        let ind = format!("\n{}", " ".repeat(ctx.indentation));
        let b = if base.is_empty() {
            String::new()
        } else {
            format!("{base} ")
        };
        format!(
            "{b}{}{ind}  {}{ind}{}",
            braces.0,
            output.join(&format!(",{ind}  ")),
            braces.1
        )
    }
}

fn is_below_break_length(output: &[String], start: usize, base: &str) -> bool {
    let mut total = output.len() + start;
    if total + output.len() > BREAK_LENGTH {
        return false;
    }
    for o in output {
        total += o.chars().count();
        if total > BREAK_LENGTH {
            return false;
        }
    }
    base.is_empty() || !base.contains('\n')
}

fn group_array_elements(ctx: &Ctx, output: Vec<String>, numeric: Option<bool>) -> Vec<String> {
    let mut total_length = 0usize;
    let mut max_length = 0usize;
    let mut output_length = output.len();
    if output.last().is_some_and(|s| {
        s.starts_with("... ") && s.ends_with(" more items") || s.ends_with(" more item")
    }) {
        output_length -= 1;
    }
    let separator_space = 2;
    let mut data_len = Vec::with_capacity(output_length);
    for o in output.iter().take(output_length) {
        let len = o.chars().count();
        data_len.push(len);
        total_length += len + separator_space;
        if max_length < len {
            max_length = len;
        }
    }
    let actual_max = max_length + separator_space;
    if actual_max * 3 + ctx.indentation < BREAK_LENGTH
        && (total_length as f64 / actual_max as f64 > 5.0 || max_length <= 6)
    {
        let approx_char_heights = 2.5;
        let average_bias = (actual_max as f64 - total_length as f64 / output.len() as f64).sqrt();
        let biased_max = (actual_max as f64 - 3.0 - average_bias).max(1.0);
        let columns = ((approx_char_heights * biased_max * output_length as f64).sqrt()
            / biased_max)
            .round()
            .min(((BREAK_LENGTH - ctx.indentation) as f64 / actual_max as f64).floor())
            .min((COMPACT * 4) as f64)
            .min(15.0) as usize;
        if columns <= 1 {
            return output;
        }
        let mut tmp = Vec::new();
        let mut max_line_length = Vec::new();
        for i in 0..columns {
            let mut line_length = 0;
            let mut j = i;
            while j < output_length {
                if data_len[j] > line_length {
                    line_length = data_len[j];
                }
                j += columns;
            }
            max_line_length.push(line_length + separator_space);
        }
        let pad_start = numeric.unwrap_or(false);
        let mut i = 0;
        while i < output_length {
            let max = (i + columns).min(output_length);
            let mut s = String::new();
            let mut j = i;
            while j < max - 1 {
                let cell = format!("{}, ", output[j]);
                let padding = max_line_length[j - i];
                s.push_str(&pad(&cell, padding, pad_start));
                j += 1;
            }
            if pad_start {
                let padding = max_line_length[j - i] - separator_space;
                s.push_str(&pad(&output[j], padding, true));
            } else {
                s.push_str(&output[j]);
            }
            tmp.push(s);
            i += columns;
        }
        if output_length < output.len() {
            tmp.push(output[output_length].clone());
        }
        return tmp;
    }
    output
}

fn pad(s: &str, width: usize, start: bool) -> String {
    let n = s.chars().count();
    if n >= width {
        return s.to_string();
    }
    let fill = " ".repeat(width - n);
    if start {
        format!("{fill}{s}")
    } else {
        format!("{s}{fill}")
    }
}

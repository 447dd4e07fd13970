//! The legacy static properties of `RegExp` (Annex B / the "RegExp legacy features"
//! proposal that test262 and every browser follow): `RegExp.$1`–`$9`, `input` (`$_`),
//! `lastMatch` (`$&`), `lastParen` (`$+`), `leftContext` (`` $` ``), `rightContext` (`$'`).
//!
//! Every successful RegExpBuiltinExec of a RegExp made by `%RegExp%` itself (a literal,
//! `RegExp(…)`, `new RegExp(…)`) records the match: the input string (a realm slot, so the
//! collector sees it) and the match's index ranges here; the strings are cut only when a
//! getter asks. A match by an instance of a RegExp subclass invalidates the record, and the
//! getters then throw, as do getters called on anything but `%RegExp%`.

use super::arg;
use crate::js::object::PropKey;
use crate::js::value::Value;
use crate::js::vm::{CallArgs, JsResult, NativeFn, Vm, realm};

/// The last match's capture ranges (group 0 is the whole match); `u32::MAX` marks a group
/// that did not participate.
#[derive(Clone, Copy)]
pub struct LegacyMatch {
    ranges: [(u32, u32); 10],
    /// Groups recorded (1 + captures, at most 10), and the pattern's capture count (for
    /// `lastParen`, which is the last capture group even past `$9`).
    recorded: usize,
    last_paren: (u32, u32),
    /// A subclass instance matched last: the values are unavailable.
    invalid: bool,
}

const NONE: (u32, u32) = (u32::MAX, u32::MAX);

impl Default for LegacyMatch {
    fn default() -> Self {
        // Before any match every value is the empty string (input is "" too).
        LegacyMatch {
            ranges: [(0, 0); 10],
            recorded: 1,
            last_paren: NONE,
            invalid: false,
        }
    }
}

/// A RegExp object's flag word bit: created by a subclass (or another constructor), so its
/// matches invalidate the legacy properties ([[LegacyFeaturesEnabled]] false).
pub const LEGACY_DISABLED: i32 = 1 << 8;

impl Vm {
    /// UpdateLegacyRegExpStaticProperties / InvalidateLegacyRegExpStaticProperties after a
    /// successful match of `r` on `s`.
    pub(crate) fn regexp_legacy_record(&mut self, r: Value, s: Value, m: &regress::Match) {
        if self.obj(r).aux[1].as_int() & LEGACY_DISABLED != 0 {
            self.regexps.legacy.invalid = true;
            return;
        }
        let range = |g: Option<regress::Range>| g.map_or(NONE, |r| (r.start as u32, r.end as u32));
        let mut rec = LegacyMatch {
            ranges: [NONE; 10],
            recorded: (m.captures.len() + 1).min(10),
            last_paren: NONE,
            invalid: false,
        };
        for (i, slot) in rec.ranges.iter_mut().enumerate().take(rec.recorded) {
            *slot = range(m.group(i));
        }
        if !m.captures.is_empty() {
            rec.last_paren = range(m.group(m.captures.len()));
        }
        self.regexps.legacy = rec;
        self.realm[realm::REGEXP_LEGACY_INPUT] = s;
    }
}

/// Which value a getter reads.
#[derive(Clone, Copy)]
enum Part {
    Group(usize),
    Input,
    LastParen,
    LeftContext,
    RightContext,
}

/// GetLegacyRegExpStaticProperty: `this` must be %RegExp% and the record valid.
fn read(vm: &mut Vm, a: &CallArgs, part: Part) -> JsResult<Value> {
    if a.this != vm.realm[realm::REGEXP_CTOR] {
        return Err(vm.throw_type_error(
            "RegExp legacy static properties can only be read from RegExp itself",
        ));
    }
    let rec = vm.regexps.legacy;
    if rec.invalid {
        return Err(vm.throw_type_error(
            "RegExp legacy static properties are unavailable after a match by a RegExp subclass",
        ));
    }
    let input = vm.realm[realm::REGEXP_LEGACY_INPUT];
    let input = if input.is_string() {
        input
    } else {
        vm.new_str("")
    };
    let len = vm.str_len(input) as u32;
    let (start, end) = match part {
        Part::Input => return Ok(input),
        Part::Group(i) if i < rec.recorded => rec.ranges[i],
        Part::Group(_) => NONE,
        Part::LastParen => rec.last_paren,
        Part::LeftContext => (0, rec.ranges[0].0),
        Part::RightContext => (rec.ranges[0].1, len),
    };
    if start == u32::MAX || start > end || end > len {
        return Ok(vm.new_str(""));
    }
    let units = vm.str_units(input)[start as usize..end as usize].to_vec();
    Ok(vm.new_str_units(&units))
}

/// SetLegacyRegExpStaticProperty for `input` / `$_`.
fn set_input(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    if a.this != vm.realm[realm::REGEXP_CTOR] {
        return Err(
            vm.throw_type_error("RegExp legacy static properties can only be set on RegExp itself")
        );
    }
    let s = vm.to_string(arg(vm, a, 0))?;
    vm.realm[realm::REGEXP_LEGACY_INPUT] = s;
    Ok(Value::UNDEFINED)
}

macro_rules! getter {
    ($name:ident, $part:expr) => {
        fn $name(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
            read(vm, a, $part)
        }
    };
}
getter!(get_input, Part::Input);
getter!(get_last_match, Part::Group(0));
getter!(get_last_paren, Part::LastParen);
getter!(get_left, Part::LeftContext);
getter!(get_right, Part::RightContext);
getter!(get_1, Part::Group(1));
getter!(get_2, Part::Group(2));
getter!(get_3, Part::Group(3));
getter!(get_4, Part::Group(4));
getter!(get_5, Part::Group(5));
getter!(get_6, Part::Group(6));
getter!(get_7, Part::Group(7));
getter!(get_8, Part::Group(8));
getter!(get_9, Part::Group(9));

/// Installs the accessors on %RegExp% (configurable, not enumerable).
pub fn install(vm: &mut Vm) {
    let c = vm.realm[realm::REGEXP_CTOR];
    let props: [(&str, &'static str, NativeFn); 19] = [
        ("input", "get input", get_input),
        ("$_", "get $_", get_input),
        ("lastMatch", "get lastMatch", get_last_match),
        ("$&", "get $&", get_last_match),
        ("lastParen", "get lastParen", get_last_paren),
        ("$+", "get $+", get_last_paren),
        ("leftContext", "get leftContext", get_left),
        ("$`", "get $`", get_left),
        ("rightContext", "get rightContext", get_right),
        ("$'", "get $'", get_right),
        ("$1", "get $1", get_1),
        ("$2", "get $2", get_2),
        ("$3", "get $3", get_3),
        ("$4", "get $4", get_4),
        ("$5", "get $5", get_5),
        ("$6", "get $6", get_6),
        ("$7", "get $7", get_7),
        ("$8", "get $8", get_8),
        ("$9", "get $9", get_9),
    ];
    for (name, gname, get) in props {
        let key = PropKey::Atom(vm.intern(name));
        let g = vm.native_fn(gname, get, 0);
        vm.define_accessor(c, key, g, true, false);
        let setter = match name {
            "input" => Some("set input"),
            "$_" => Some("set $_"),
            _ => None,
        };
        if let Some(sname) = setter {
            let s = vm.native_fn(sname, set_input, 1);
            vm.define_accessor(c, key, s, false, false);
        }
    }
}

//! The generic core of `Array.prototype` methods (ECMA-262 23.1.3): they work on any object
//! through [[Get]]/[[Set]]/[[HasProperty]]/[[Delete]] with `length` from ToLength, so they
//! accept array-likes. Index keys are f64 (up to 2^53 − 1). Over huge ranges only the
//! integer keys present on the object and its prototypes are visited, so a sparse
//! `{length: 2**53 - 1}` is walked in proportion to its properties, not its length.

use super::arg;
use super::object::{define_error, to_object};
use crate::js::atoms;
use crate::js::define::PropDesc;
use crate::js::format::number::number_to_string;
use crate::js::object::*;
use crate::js::shape;
use crate::js::value::Value;
use crate::js::vm::{CallArgs, JsResult, Vm, realm};

/// 2^53 − 1.
pub const MAX_SAFE: f64 = 9007199254740991.0;
/// Ranges longer than this visit only present keys.
const SPARSE: f64 = (1u32 << 20) as f64;

pub fn key(vm: &mut Vm, k: f64) -> PropKey {
    if k < 4294967295.0 {
        PropKey::Index(k as u32)
    } else {
        let s = number_to_string(k);
        PropKey::Atom(vm.intern(&s))
    }
}
pub fn to_length(vm: &mut Vm, v: Value) -> JsResult<f64> {
    let n = vm.to_integer(v)?;
    Ok(n.clamp(0.0, MAX_SAFE))
}
pub fn len_of(vm: &mut Vm, o: Value) -> JsResult<f64> {
    if vm.is_array(o) {
        return Ok(vm.array_length(o).as_number());
    }
    let v = vm.get_named(o, atoms::LENGTH)?;
    to_length(vm, v)
}
/// Element `k` of an array's dense part when it is there: then it is an own data property
/// (accessors and elements with other attributes are kept outside the element buffer), so
/// [[Get]] and [[HasProperty]] need not look further. The fast path of the generic methods.
#[inline]
fn dense_elem(vm: &Vm, o: Value, k: f64) -> Option<Value> {
    if vm.is_array(o) && k >= 0.0 && k < vm.obj(o).elem_len as f64 {
        let v = vm.elems(o)[k as usize];
        (!v.is_empty()).then_some(v)
    } else {
        None
    }
}
pub fn get_k(vm: &mut Vm, o: Value, k: f64) -> JsResult<Value> {
    if let Some(v) = dense_elem(vm, o, k) {
        return Ok(v);
    }
    let pk = key(vm, k);
    vm.get(o, pk)
}
pub fn has_k(vm: &mut Vm, o: Value, k: f64) -> JsResult<bool> {
    if dense_elem(vm, o, k).is_some() {
        return Ok(true);
    }
    let pk = key(vm, k);
    vm.has_property(o, pk)
}
/// Set(O, k, v, true).
pub fn set_key(vm: &mut Vm, o: Value, pk: PropKey, v: Value) -> JsResult<()> {
    vm.set_failed = None;
    vm.set(o, pk, v)?;
    if let Some(f) = vm.set_failed.take() {
        return Err(vm.strict_set_error(f, o, pk));
    }
    Ok(())
}
pub fn set_k(vm: &mut Vm, o: Value, k: f64, v: Value) -> JsResult<()> {
    // An existing element of an array whose stores may go straight to its elements (not
    // frozen, sealed or with attributed elements: see `FLAG_FROZEN`) is a writable data
    // property: [[Set]] just replaces its value.
    if dense_elem(vm, o, k).is_some() && vm.obj(o).hdr.flags & FLAG_FROZEN == 0 {
        vm.elems_mut(o)[k as usize] = v;
        return Ok(());
    }
    let pk = key(vm, k);
    set_key(vm, o, pk, v)
}
pub fn set_len(vm: &mut Vm, o: Value, n: f64) -> JsResult<()> {
    set_key(vm, o, PropKey::Atom(atoms::LENGTH), Value::number(n))
}
/// DeletePropertyOrThrow.
pub fn delete_k(vm: &mut Vm, o: Value, k: f64) -> JsResult<()> {
    let pk = key(vm, k);
    if !vm.delete_property(o, pk)? {
        return Err(vm.delete_error(o, pk));
    }
    Ok(())
}
/// CreateDataPropertyOrThrow.
pub fn create_k(vm: &mut Vm, o: Value, k: f64, v: Value) -> JsResult<()> {
    let pk = key(vm, k);
    if vm.is_array(o)
        && vm.obj(o).hdr.flags & (FLAG_FROZEN | FLAG_NOT_EXTENSIBLE) == 0
        && k < MAX_DENSE as f64
    {
        let n = vm.obj(o).elem_len as f64;
        if k < n && !vm.elems(o)[k as usize].is_empty() {
            vm.elems_mut(o)[k as usize] = v;
            return Ok(());
        }
        if k == n {
            vm.array_push(o, v);
            return Ok(());
        }
    }
    if !vm.define_own_property(o, pk, PropDesc::data(v, shape::DEFAULT))? {
        return Err(define_error(vm, o, pk));
    }
    Ok(())
}

/// ArrayCreate(n): a RangeError past 2^32 − 1; huge lengths stay sparse.
pub fn array_create(vm: &mut Vm, n: f64) -> JsResult<Value> {
    if n > 4294967295.0 {
        return Err(vm.throw_range_error("Invalid array length"));
    }
    if n <= SPARSE {
        return Ok(vm.new_array(n as usize));
    }
    let a = vm.new_array(0);
    vm.set_array_length_raw(a, n);
    Ok(a)
}

/// Whether ArraySpeciesCreate(o, n) is ArrayCreate(n) for the array `o`, decided without
/// running any code: `o` has no own `constructor`, inherits `Array.prototype.constructor`
/// (a data property still holding `Array`), and `Array[Symbol.species]` is the built-in
/// getter.
pub fn default_species(vm: &Vm, o: Value) -> bool {
    let ap = vm.realm[realm::ARRAY_PROTO];
    vm.obj(o).proto == ap
        && vm.find_own(o, atoms::CONSTRUCTOR).is_none()
        && matches!(vm.find_own(ap, atoms::CONSTRUCTOR),
            Some((loc, flags)) if flags & shape::ACCESSOR == 0
                && vm.read_loc(ap, loc) == vm.realm[realm::ARRAY_CTOR])
        && original_array_species(vm)
}

/// ArraySpeciesCreate(O, n).
pub fn species_create(vm: &mut Vm, o: Value, n: f64) -> JsResult<Value> {
    if !vm.is_array_js(o)? || default_species(vm, o) {
        return array_create(vm, n);
    }
    let mut c = vm.get_named(o, atoms::CONSTRUCTOR)?;
    if c.is_object()
        && let Some(sp) = super::symbol::well_known(vm, "species")
    {
        c = vm.get(c, PropKey::Atom(sp))?;
        if c.is_null() {
            c = Value::UNDEFINED;
        }
    }
    if c.is_undefined() || c == vm.realm[realm::ARRAY_CTOR] {
        return array_create(vm, n);
    }
    if !vm.is_constructor(c) {
        return Err(vm.throw_type_error("object.constructor[Symbol.species] is not a constructor"));
    }
    vm.construct(c, &[Value::number(n)], c)
}

/// Whether `Array[Symbol.species]` is still the built-in getter (which returns `this`): then
/// ArraySpeciesCreate with `constructor === Array` makes a plain array without calling it.
fn original_array_species(vm: &Vm) -> bool {
    let c = vm.realm[realm::ARRAY_CTOR];
    let Some(sp) = super::symbol::well_known(vm, "species") else {
        return false;
    };
    match vm.find_own(c, sp) {
        Some((loc, flags)) if flags & shape::ACCESSOR != 0 => {
            let acc = vm.read_loc(c, loc);
            vm.accessor_parts(acc).0 == vm.realm[realm::ARRAY_SPECIES_GETTER]
        }
        _ => false,
    }
}

/// Whether no prototype of `o` has an integer-keyed property (an element, an index-named
/// property, a string's characters): then [[Set]] of an index that `o` lacks creates it on
/// `o` without looking further.
pub fn protos_index_free(vm: &mut Vm, o: Value) -> bool {
    let mut cur = vm.obj(o).proto;
    let mut depth = 0;
    while cur.is_object() {
        if depth > 10_000 || matches!(vm.class_of(cur), CLASS_STRING | CLASS_PROXY) {
            return false;
        }
        let keys = vm.own_keys(cur, false);
        let index_key = keys.into_iter().any(|k| match k {
            PropKey::Index(_) => true,
            PropKey::Atom(a) => canonical_integer(vm.str_units(vm.atom_value(a))).is_some(),
        });
        if index_key {
            return false;
        }
        cur = vm.obj(cur).proto;
        depth += 1;
    }
    true
}

/// The integer keys in `lo..hi` present on `o` or its prototypes, ascending.
fn present_keys(vm: &mut Vm, o: Value, lo: f64, hi: f64) -> Vec<f64> {
    let mut out = Vec::new();
    let mut cur = o;
    let mut depth = 0;
    while cur.is_object() && depth < 10_000 {
        for k in vm.own_keys(cur, false) {
            let n = match k {
                PropKey::Index(i) => i as f64,
                PropKey::Atom(a) => match canonical_integer(vm.str_units(vm.atom_value(a))) {
                    Some(n) => n,
                    None => continue,
                },
            };
            if n >= lo && n < hi {
                out.push(n);
            }
        }
        if vm.class_of(cur) == CLASS_STRING {
            let n = vm.str_len(vm.obj(cur).aux[0]) as f64;
            let mut i = lo;
            while i < n.min(hi) {
                out.push(i);
                i += 1.0;
            }
        }
        cur = vm.obj(cur).proto;
        depth += 1;
    }
    out.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    out.dedup();
    out
}

/// A canonical non-negative integer string ("0", "17", not "017").
fn canonical_integer(u: &[u16]) -> Option<f64> {
    if u.is_empty() || u.len() > 16 || (u.len() > 1 && u[0] == b'0' as u16) {
        return None;
    }
    let mut n = 0f64;
    for &c in u {
        if !(b'0' as u16..=b'9' as u16).contains(&c) {
            return None;
        }
        n = n * 10.0 + (c - b'0' as u16) as f64;
    }
    (n <= MAX_SAFE).then_some(n)
}

/// The indices `lo..hi` to visit (every one, or only present ones over a huge range).
pub enum Keys {
    Range { next: f64, end: f64, rev: bool },
    List(std::vec::IntoIter<f64>),
}
impl Iterator for Keys {
    type Item = f64;
    fn next(&mut self) -> Option<f64> {
        match self {
            Keys::Range { next, end, rev } => {
                if *rev {
                    if *next < *end {
                        return None;
                    }
                    let k = *next;
                    *next -= 1.0;
                    Some(k)
                } else {
                    if *next >= *end {
                        return None;
                    }
                    let k = *next;
                    *next += 1.0;
                    Some(k)
                }
            }
            Keys::List(it) => it.next(),
        }
    }
}
pub fn keys(vm: &mut Vm, o: Value, lo: f64, hi: f64, rev: bool) -> Keys {
    if (hi - lo <= SPARSE && (hi - lo <= 4096.0 || !vm.is_array(o))) || vm.chain_has_proxy(o) {
        return keys_range(lo, hi, rev);
    }
    let mut v = present_keys(vm, o, lo, hi);
    if hi - lo <= SPARSE && v.len() as f64 * 4.0 > hi - lo {
        // Mostly present: walk every index (sees properties added meanwhile).
        return keys_range(lo, hi, rev);
    }
    if rev {
        v.reverse();
    }
    Keys::List(v.into_iter())
}

fn keys_range(lo: f64, hi: f64, rev: bool) -> Keys {
    if rev {
        Keys::Range {
            next: hi - 1.0,
            end: lo,
            rev,
        }
    } else {
        Keys::Range {
            next: lo,
            end: hi,
            rev,
        }
    }
}

/// Moves `count` elements from `from` to `to` (the loop of shift/unshift/splice/copyWithin):
/// present sources are copied, absent ones delete their target. `rev` walks from the end.
pub fn move_elems(
    vm: &mut Vm,
    o: Value,
    from: f64,
    to: f64,
    count: f64,
    rev: bool,
) -> JsResult<()> {
    let offsets: Vec<f64> = if count <= SPARSE {
        let mut v: Vec<f64> = (0..count as u64).map(|i| i as f64).collect();
        if rev {
            v.reverse();
        }
        v
    } else {
        let mut v: Vec<f64> = present_keys(vm, o, from, from + count)
            .into_iter()
            .map(|k| k - from)
            .chain(
                present_keys(vm, o, to, to + count)
                    .into_iter()
                    .map(|k| k - to),
            )
            .collect();
        v.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
        v.dedup();
        if rev {
            v.reverse();
        }
        v
    };
    for i in offsets {
        let (f, t) = (from + i, to + i);
        if has_k(vm, o, f)? {
            let v = get_k(vm, o, f)?;
            vm.roots.push(v);
            let r = set_k(vm, o, t, v);
            vm.roots.pop();
            r?;
        } else {
            delete_k(vm, o, t)?;
        }
    }
    Ok(())
}

/// Deletes the present keys in `lo..hi`, from the highest.
pub fn delete_range(vm: &mut Vm, o: Value, lo: f64, hi: f64) -> JsResult<()> {
    for k in keys(vm, o, lo, hi, true) {
        delete_k(vm, o, k)?;
    }
    Ok(())
}

/// A relative index argument resolved against `len` (ToIntegerOrInfinity, negative from
/// the end, clamped to 0..=len); `undefined` gives `default`.
pub fn rel(vm: &mut Vm, v: Value, len: f64, default: f64) -> JsResult<f64> {
    if v.is_undefined() {
        return Ok(default);
    }
    let f = vm.to_integer(v)?;
    Ok(if f < 0.0 {
        (len + f).max(0.0)
    } else {
        f.min(len)
    })
}

/// `this` as an object, rooted (the caller pops it with `unroot`).
pub fn this_object(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let o = to_object(vm, a.this)?;
    vm.roots.push(o);
    Ok(o)
}

/// Argument `i` as a callable, or a TypeError.
pub fn callback(vm: &mut Vm, a: &CallArgs, i: usize) -> JsResult<Value> {
    let f = arg(vm, a, i);
    if !vm.is_callable(f) {
        let d = vm.inspect(f);
        return Err(vm.throw_type_error(&format!("{d} is not a function")));
    }
    Ok(f)
}

/// Runs `body` with the roots stack restored afterwards.
pub fn rooted<T>(vm: &mut Vm, body: impl FnOnce(&mut Vm) -> JsResult<T>) -> JsResult<T> {
    let base = vm.roots.len();
    let r = body(vm);
    vm.roots.truncate(base);
    r
}

/// A number key as a value (int when it fits).
pub fn kv(k: f64) -> Value {
    Value::number(k)
}

//! `Function.prototype`: call, apply, bind, toString.

use super::{arg, args_vec};
use crate::js::atoms;
use crate::js::object::*;
use crate::js::shape;
use crate::js::value::Value;
use crate::js::vm::{CallArgs, JsResult, Vm, realm};

fn call(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let f = a.this;
    if !vm.is_callable(f) {
        return Err(vm.throw_type_error("Function.prototype.call called on non-function"));
    }
    let args = args_vec(vm, a);
    let this = args.first().copied().unwrap_or(Value::UNDEFINED);
    let rest = if args.is_empty() { &[][..] } else { &args[1..] };
    vm.call_function(f, this, rest)
}

pub fn array_like_to_vec(vm: &mut Vm, v: Value) -> JsResult<Vec<Value>> {
    if v.is_nullish() {
        return Ok(Vec::new());
    }
    if vm.is_array(v) && vm.obj(v).hdr.flags & crate::js::object::FLAG_FROZEN == 0 {
        // Plain dense arrays only: others (sparse length, attributed elements) go through
        // [[Get]] below.
        return Ok(vm
            .elems(v)
            .iter()
            .map(|x| if x.is_empty() { Value::UNDEFINED } else { *x })
            .collect());
    }
    if !v.is_object() {
        return Err(vm.throw_type_error("CreateListFromArrayLike called on non-object"));
    }
    let len = vm.get_named(v, crate::js::atoms::LENGTH)?;
    let n = vm.to_integer(len)?.max(0.0);
    if n > (1u32 << 24) as f64 {
        // V8 refuses such argument lists too (instead of allocating them).
        return Err(vm.throw_range_error("Too many arguments in function call"));
    }
    let n = n as usize;
    let mut out = Vec::with_capacity(n);
    let base = vm.roots.len();
    for i in 0..n {
        match vm.get(v, PropKey::Index(i as u32)) {
            Ok(x) => {
                // Rooted: later getters may collect.
                vm.roots.push(x);
                out.push(x);
            }
            Err(e) => {
                vm.roots.truncate(base);
                return Err(e);
            }
        }
    }
    vm.roots.truncate(base);
    Ok(out)
}

fn apply(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let f = a.this;
    if !vm.is_callable(f) {
        return Err(vm.throw_type_error("Function.prototype.apply was called on non-function"));
    }
    let this = arg(vm, a, 0);
    let list = array_like_to_vec(vm, arg(vm, a, 1))?;
    vm.call_function(f, this, &list)
}

fn bind(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let f = a.this;
    if !vm.is_callable(f) {
        return Err(vm.throw_type_error("Bind must be called on a function"));
    }
    let args = args_vec(vm, a);
    let proto = vm.get_prototype_of_js(f)?;
    let b = vm.new_object_with(CLASS_BOUND, proto);
    vm.obj_mut(b).aux[0] = f;
    vm.obj_mut(b).aux[1] = args.first().copied().unwrap_or(Value::UNDEFINED);
    if args.len() > 1 {
        vm.ensure_elem_cap(b, args.len() - 1);
        for v in &args[1..] {
            vm.array_push(b, *v);
        }
    }
    if vm.is_proxy(f) {
        // The bound function's `length` and `name` come from the target's properties
        // (ES2025 20.2.3.2 steps 5-8), which a proxy answers through its traps; other
        // targets' are computed when read.
        vm.roots.push(b);
        let r = bound_length_and_name(vm, b, f, args.len().saturating_sub(1));
        vm.roots.pop();
        r?;
    }
    Ok(b)
}

fn bound_length_and_name(vm: &mut Vm, b: Value, target: Value, argc: usize) -> JsResult<()> {
    let mut len = 0.0;
    if vm
        .get_own_property_js(target, PropKey::Atom(crate::js::atoms::LENGTH))?
        .is_some()
    {
        let l = vm.get_named(target, crate::js::atoms::LENGTH)?;
        if l.is_number() {
            len = (vm.to_integer(l)? - argc as f64).max(0.0);
        }
    }
    let name = vm.get_named(target, crate::js::atoms::NAME)?;
    let name = if name.is_string() {
        format!("bound {}", vm.str_to_string(name))
    } else {
        "bound ".to_string()
    };
    let name = vm.new_str(&name);
    let flags = shape::CONFIGURABLE;
    vm.define_own(
        b,
        PropKey::Atom(crate::js::atoms::LENGTH),
        Value::number(len),
        flags,
    );
    vm.define_own(b, PropKey::Atom(crate::js::atoms::NAME), name, flags);
    Ok(())
}

fn to_string(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let f = a.this;
    if !vm.is_callable(f) {
        return Err(
            vm.throw_type_error("Function.prototype.toString requires that 'this' be a Function")
        );
    }
    if vm.class_of(f) == CLASS_CLOSURE
        && let Some(src) = vm.func_code(f).source.clone()
    {
        return Ok(vm.new_str(&src));
    }
    let name = vm.function_name(f);
    Ok(vm.new_str(&format!(
        "function {}() {{ [native code] }}",
        native_property_name(&name)
    )))
}

/// A native function's name as NativeFunction syntax allows it (ES2025 20.2.3.5): an
/// optional `get `/`set ` and a PropertyName — an identifier name or `[Symbol.x]` as it
/// is, anything else (`$&`, `$'`) as a computed name of its string (`get ["$&"]`).
fn native_property_name(name: &str) -> String {
    let (prefix, rest) = match name.split_at_checked(4) {
        Some((p @ ("get " | "set "), r)) => (p, r),
        _ => ("", name),
    };
    let ident = rest
        .chars()
        .enumerate()
        .all(|(i, c)| c == '$' || c == '_' || c.is_alphabetic() || (i > 0 && c.is_alphanumeric()));
    if rest.is_empty() || ident || (rest.starts_with('[') && rest.ends_with(']')) {
        name.to_string()
    } else {
        let quoted = rest.replace('\\', "\\\\").replace('"', "\\\"");
        format!("{prefix}[\"{quoted}\"]")
    }
}

/// CreateDynamicFunction from a constructor call: the function, whose prototype comes from
/// NewTarget when a subclass constructs it (ES2025 20.2.1.1.1 step 26).
fn dynamic_function(vm: &mut Vm, a: &CallArgs, kind: &str) -> JsResult<Value> {
    let args = super::args_vec(vm, a);
    let f = vm.create_dynamic_function(&args, kind)?;
    if a.new_target.is_object() && a.new_target != a.callee {
        vm.roots.push(f);
        let p = vm.get_named(a.new_target, crate::js::atoms::PROTOTYPE);
        vm.roots.pop();
        let p = p?;
        if vm.is_spec_object(p) {
            vm.set_proto_raw(f, p);
        }
    }
    Ok(f)
}

fn function_ctor(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    dynamic_function(vm, a, "function")
}

fn generator_function_ctor(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    dynamic_function(vm, a, "function*")
}

fn async_function_ctor(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    dynamic_function(vm, a, "async function")
}

fn async_generator_function_ctor(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    dynamic_function(vm, a, "async function*")
}

/// `eval` (ES2025 19.2.1): a string runs as global code (indirect eval); anything else is
/// returned as it is.
fn eval(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let x = super::arg(vm, a, 0);
    if !x.is_string() {
        return Ok(x);
    }
    let src = vm.str_to_string(x);
    vm.indirect_eval(&src)
}

/// The constructors of generator, async and async generator functions (27.3.1, 27.7.1,
/// 27.4.1): not globals, reachable as the `constructor` of their prototypes.
pub fn install_function_kinds(vm: &mut Vm) {
    let fc = vm.realm[realm::FUNCTION_CTOR];
    for (slot, name, f) in [
        (
            realm::GENERATOR_FUNCTION_PROTO,
            "GeneratorFunction",
            generator_function_ctor as crate::js::vm::NativeFn,
        ),
        (
            realm::ASYNC_FUNCTION_PROTO,
            "AsyncFunction",
            async_function_ctor,
        ),
        (
            realm::ASYNC_GENERATOR_FUNCTION_PROTO,
            "AsyncGeneratorFunction",
            async_generator_function_ctor,
        ),
    ] {
        let proto = vm.realm[slot];
        let c = vm.native_fn(name, f, 1);
        vm.obj_mut(c).hdr.flags |= FLAG_NATIVE_CTOR;
        vm.set_proto_raw(c, fc);
        vm.define_own(c, PropKey::Atom(crate::js::atoms::PROTOTYPE), proto, 0);
        vm.define_own(
            proto,
            PropKey::Atom(crate::js::atoms::CONSTRUCTOR),
            c,
            shape::CONFIGURABLE,
        );
    }
    if let Some(hi) = super::symbol::well_known(vm, "hasInstance") {
        let f = vm.native_fn("[Symbol.hasInstance]", has_instance, 1);
        vm.define_own(vm.realm[realm::FUNCTION_PROTO], PropKey::Atom(hi), f, 0);
    }
    let g = vm.global;
    let e = vm.method(g, "eval", eval, 1);
    vm.realm[realm::EVAL_FN] = e;
}

pub(super) fn empty(_vm: &mut Vm, _a: &CallArgs) -> JsResult<Value> {
    Ok(Value::UNDEFINED)
}

pub fn install(vm: &mut Vm) {
    let fp = vm.realm[realm::FUNCTION_PROTO];
    let c = vm.constructor("Function", function_ctor, 1, fp);
    vm.realm[realm::FUNCTION_CTOR] = c;
    vm.method(fp, "call", call, 1);
    vm.method(fp, "apply", apply, 2);
    vm.method(fp, "bind", bind, 1);
    vm.method(fp, "toString", to_string, 0);
    install_throw_type_error(vm);
}

/// %ThrowTypeError% (§10.2.4.1): one frozen function per realm whose `length` and `name` are
/// fixed; the getter and setter of `Function.prototype.caller`/`arguments` (§10.2.4) and of
/// the `callee` of unmapped arguments objects.
fn install_throw_type_error(vm: &mut Vm) {
    let tte = vm.native_fn("", throw_type_error, 0);
    vm.define_own(tte, PropKey::Atom(atoms::LENGTH), Value::int(0), 0);
    let empty_name = vm.new_str("");
    vm.define_own(tte, PropKey::Atom(atoms::NAME), empty_name, 0);
    vm.set_integrity(tte, true);
    vm.realm[realm::THROW_TYPE_ERROR] = tte;
    let fp = vm.realm[realm::FUNCTION_PROTO];
    for name in ["caller", "arguments"] {
        let a = vm.intern(name);
        vm.define_accessor(fp, PropKey::Atom(a), tte, true, false);
        vm.define_accessor(fp, PropKey::Atom(a), tte, false, false);
    }
}

fn throw_type_error(vm: &mut Vm, _a: &CallArgs) -> JsResult<Value> {
    Err(vm.throw_type_error(
        "'caller', 'callee', and 'arguments' properties may not be accessed on strict mode functions or the arguments objects for calls to them",
    ))
}

/// `Function.prototype[@@hasInstance](V)` (§20.2.3.6): OrdinaryHasInstance(this, V).
fn has_instance(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let v = super::arg(vm, a, 0);
    Ok(Value::bool(vm.ordinary_has_instance(a.this, v)?))
}

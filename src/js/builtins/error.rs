//! Error constructors (Error, TypeError, RangeError, ReferenceError, SyntaxError, EvalError,
//! URIError, AggregateError) and `Error.prototype.toString`.

use super::arg;
use crate::js::atoms;
use crate::js::object::*;
use crate::js::shape;
use crate::js::value::Value;
use crate::js::vm::{CallArgs, JsResult, Vm, realm};

fn construct_error(vm: &mut Vm, a: &CallArgs, slot: usize) -> JsResult<Value> {
    let proto = vm.proto_from_new_target(a, slot)?;
    let e = vm.new_object_with(CLASS_ERROR, proto);
    vm.roots.push(e);
    let r = (|| {
        let msg = arg(vm, a, 0);
        if !msg.is_undefined() {
            let s = vm.to_string(msg)?;
            vm.define_own(e, PropKey::Atom(atoms::MESSAGE), s, shape::HIDDEN);
        }
        let opts = arg(vm, a, 1);
        if opts.is_object() && vm.has_property(opts, PropKey::Atom(atoms::CAUSE))? {
            let c = vm.get_named(opts, atoms::CAUSE)?;
            vm.define_own(e, PropKey::Atom(atoms::CAUSE), c, shape::HIDDEN);
        }
        vm.set_error_stack(e);
        Ok(e)
    })();
    vm.roots.pop();
    r
}

macro_rules! error_ctor {
    ($f:ident, $slot:expr) => {
        fn $f(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
            construct_error(vm, a, $slot)
        }
    };
}
error_ctor!(error_c, realm::ERROR_PROTO);
error_ctor!(type_error_c, realm::TYPE_ERROR_PROTO);
error_ctor!(range_error_c, realm::RANGE_ERROR_PROTO);
error_ctor!(reference_error_c, realm::REFERENCE_ERROR_PROTO);
error_ctor!(syntax_error_c, realm::SYNTAX_ERROR_PROTO);
error_ctor!(eval_error_c, realm::EVAL_ERROR_PROTO);
error_ctor!(uri_error_c, realm::URI_ERROR_PROTO);

/// ES2025 20.5.7.1.1 AggregateError(errors, message, options).
fn aggregate_error_c(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let proto = vm.proto_from_new_target(a, realm::AGGREGATE_ERROR_PROTO)?;
    let e = vm.new_object_with(CLASS_ERROR, proto);
    vm.roots.push(e);
    let r = (|| {
        let msg = arg(vm, a, 1);
        if !msg.is_undefined() {
            let s = vm.to_string(msg)?;
            vm.define_own(e, PropKey::Atom(atoms::MESSAGE), s, shape::HIDDEN);
        }
        let opts = arg(vm, a, 2);
        if opts.is_object() && vm.has_property(opts, PropKey::Atom(atoms::CAUSE))? {
            let c = vm.get_named(opts, atoms::CAUSE)?;
            vm.define_own(e, PropKey::Atom(atoms::CAUSE), c, shape::HIDDEN);
        }
        let list = vm.iterate_to_vec(arg(vm, a, 0))?;
        let errors = vm.new_array_from(&list);
        vm.put(e, "errors", errors, shape::HIDDEN);
        vm.set_error_stack(e);
        Ok(e)
    })();
    vm.roots.pop();
    r
}

fn to_string(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let o = vm.this_obj(a, "Error.prototype.toString")?;
    let n = vm.get_named(o, atoms::NAME)?;
    let name = if n.is_undefined() {
        "Error".to_string()
    } else {
        vm.to_rust_string(n)?
    };
    let m = vm.get_named(o, atoms::MESSAGE)?;
    let msg = if m.is_undefined() {
        String::new()
    } else {
        vm.to_rust_string(m)?
    };
    let s = if name.is_empty() {
        msg
    } else if msg.is_empty() {
        name
    } else {
        format!("{name}: {msg}")
    };
    Ok(vm.new_str(&s))
}

/// `Error.captureStackTrace(obj)` (V8): gives `obj` an own `stack` string, "Name: message"
/// then where it was called, as thrown errors have.
fn capture_stack_trace(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let o = super::arg(vm, a, 0);
    if !vm.is_spec_object(o) {
        return Err(vm.throw_type_error("Invalid argument"));
    }
    vm.set_error_stack(o);
    Ok(Value::UNDEFINED)
}

/// `Error.isError(v)` (ES2026 §20.5.2.1): whether `v` has [[ErrorData]].
fn is_error(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let v = super::arg(vm, a, 0);
    Ok(Value::bool(v.is_object() && vm.class_of(v) == CLASS_ERROR))
}

pub fn install(vm: &mut Vm) {
    let ep = vm.realm[realm::ERROR_PROTO];
    let ec = vm.constructor("Error", error_c, 1, ep);
    let n = vm.new_str("Error");
    vm.put(ep, "name", n, shape::HIDDEN);
    let m = vm.new_str("");
    vm.put(ep, "message", m, shape::HIDDEN);
    vm.method(ep, "toString", to_string, 0);
    vm.method(ec, "captureStackTrace", capture_stack_trace, 1);
    vm.method(ec, "isError", is_error, 1);
    let subs: [(&'static str, usize, crate::js::vm::NativeFn); 6] = [
        ("TypeError", realm::TYPE_ERROR_PROTO, type_error_c),
        ("RangeError", realm::RANGE_ERROR_PROTO, range_error_c),
        (
            "ReferenceError",
            realm::REFERENCE_ERROR_PROTO,
            reference_error_c,
        ),
        ("SyntaxError", realm::SYNTAX_ERROR_PROTO, syntax_error_c),
        ("EvalError", realm::EVAL_ERROR_PROTO, eval_error_c),
        ("URIError", realm::URI_ERROR_PROTO, uri_error_c),
    ];
    for (name, slot, f) in subs {
        let p = vm.new_object_with(CLASS_ORDINARY, ep);
        vm.realm[slot] = p;
        let c = vm.constructor(name, f, 1, p);
        vm.set_proto_raw(c, ec);
        let n = vm.new_str(name);
        vm.put(p, "name", n, shape::HIDDEN);
        let m = vm.new_str("");
        vm.put(p, "message", m, shape::HIDDEN);
    }
    let p = vm.new_object_with(CLASS_ORDINARY, ep);
    vm.realm[realm::AGGREGATE_ERROR_PROTO] = p;
    let c = vm.constructor("AggregateError", aggregate_error_c, 2, p);
    vm.set_proto_raw(c, ec);
    let n = vm.new_str("AggregateError");
    vm.put(p, "name", n, shape::HIDDEN);
    let m = vm.new_str("");
    vm.put(p, "message", m, shape::HIDDEN);
}

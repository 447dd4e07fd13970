//! %GeneratorFunction.prototype% and %GeneratorPrototype% (ES2025 27.3, 27.5): the prototype
//! of generator functions and the `next`/`return`/`throw` methods of generator objects, and
//! %AsyncFunction.prototype% (27.7.3). The suspending and resuming itself is the
//! interpreter's (`js::interp::generator`, `js::interp::async_fn`).

use super::{arg, symbol};
use crate::js::atoms;
use crate::js::interp::generator::{MODE_NEXT, MODE_RETURN, MODE_THROW};
use crate::js::object::*;
use crate::js::shape;
use crate::js::vm::{CallArgs, JsResult, Vm, realm};

use crate::js::value::Value;

fn next(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let v = arg(vm, a, 0);
    vm.resume_generator(a.this, MODE_NEXT, v)
}

fn r#return(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let v = arg(vm, a, 0);
    vm.resume_generator(a.this, MODE_RETURN, v)
}

fn throw(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let v = arg(vm, a, 0);
    vm.resume_generator(a.this, MODE_THROW, v)
}

fn async_next(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let v = arg(vm, a, 0);
    Ok(vm.async_generator_request(a.this, MODE_NEXT, v))
}

fn async_return(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let v = arg(vm, a, 0);
    Ok(vm.async_generator_request(a.this, MODE_RETURN, v))
}

fn async_throw(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let v = arg(vm, a, 0);
    Ok(vm.async_generator_request(a.this, MODE_THROW, v))
}

fn this_value(_vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    Ok(a.this)
}

/// %AsyncIteratorPrototype% (27.1.3), %AsyncGeneratorFunction.prototype% (27.4.3) and
/// %AsyncGeneratorPrototype% (27.6.1).
fn install_async_generators(vm: &mut Vm) {
    let fp = vm.realm[realm::FUNCTION_PROTO];
    let op = vm.realm[realm::OBJECT_PROTO];
    let aip = vm.new_object_with(CLASS_ORDINARY, op);
    let agfp = vm.new_object_with(CLASS_ORDINARY, fp);
    let agp = vm.new_object_with(CLASS_ORDINARY, aip);
    vm.realm[realm::ASYNC_ITERATOR_PROTO] = aip;
    vm.realm[realm::ASYNC_GENERATOR_FUNCTION_PROTO] = agfp;
    vm.realm[realm::ASYNC_GENERATOR_PROTO] = agp;
    if let Some(ai) = symbol::well_known(vm, "asyncIterator") {
        let f = vm.native_fn("[Symbol.asyncIterator]", this_value, 0);
        vm.define_own(aip, PropKey::Atom(ai), f, shape::HIDDEN);
    }
    vm.define_own(
        agfp,
        PropKey::Atom(atoms::PROTOTYPE),
        agp,
        shape::CONFIGURABLE,
    );
    vm.define_own(
        agp,
        PropKey::Atom(atoms::CONSTRUCTOR),
        agfp,
        shape::CONFIGURABLE,
    );
    vm.method(agp, "next", async_next, 1);
    vm.method(agp, "return", async_return, 1);
    vm.method(agp, "throw", async_throw, 1);
    if let Some(tag) = symbol::well_known(vm, "toStringTag") {
        for (o, name) in [(agfp, "AsyncGeneratorFunction"), (agp, "AsyncGenerator")] {
            let s = vm.new_str(name);
            vm.define_own(o, PropKey::Atom(tag), s, shape::CONFIGURABLE);
        }
    }
}

pub fn install(vm: &mut Vm) {
    install_async_generators(vm);
    let fp = vm.realm[realm::FUNCTION_PROTO];
    // %AsyncFunction.prototype% (27.7.3): only a tag of its own.
    let afp = vm.new_object_with(CLASS_ORDINARY, fp);
    vm.realm[realm::ASYNC_FUNCTION_PROTO] = afp;
    let ip = vm.realm[realm::ITERATOR_PROTO];
    let gfp = vm.new_object_with(CLASS_ORDINARY, fp);
    let gp = vm.new_object_with(CLASS_ORDINARY, ip);
    vm.realm[realm::GENERATOR_FUNCTION_PROTO] = gfp;
    vm.realm[realm::GENERATOR_PROTO] = gp;
    // 27.3.3.2 / 27.5.1.1: { [[Writable]]: false, [[Enumerable]]: false, [[Configurable]]: true }.
    vm.define_own(
        gfp,
        PropKey::Atom(atoms::PROTOTYPE),
        gp,
        shape::CONFIGURABLE,
    );
    vm.define_own(
        gp,
        PropKey::Atom(atoms::CONSTRUCTOR),
        gfp,
        shape::CONFIGURABLE,
    );
    vm.realm[realm::GENERATOR_NEXT] = vm.method(gp, "next", next, 1);
    vm.method(gp, "return", r#return, 1);
    vm.method(gp, "throw", throw, 1);
    if let Some(tag) = symbol::well_known(vm, "toStringTag") {
        for (o, name) in [
            (gfp, "GeneratorFunction"),
            (gp, "Generator"),
            (afp, "AsyncFunction"),
        ] {
            let s = vm.new_str(name);
            vm.define_own(o, PropKey::Atom(tag), s, shape::CONFIGURABLE);
        }
    }
}

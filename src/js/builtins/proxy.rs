//! The `Proxy` constructor and `Proxy.revocable` (ECMA-262 2025 §28.2); the proxy objects
//! themselves are `js::proxy`.

use super::arg;
use crate::js::value::Value;
use crate::js::vm::{CallArgs, JsResult, Vm};

/// `new Proxy(target, handler)` (§28.2.1.1).
fn proxy_ctor(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    if a.new_target.is_undefined() {
        return Err(vm.throw_type_error("Constructor Proxy requires 'new'"));
    }
    vm.proxy_create(arg(vm, a, 0), arg(vm, a, 1))
}

/// `Proxy.revocable(target, handler)` (§28.2.2.1): `{ proxy, revoke }`.
fn revocable(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let p = vm.proxy_create(arg(vm, a, 0), arg(vm, a, 1))?;
    vm.roots.push(p);
    let revoke = vm.native_closure("", revoke_fn, 0, &[p]);
    vm.roots.push(revoke);
    let o = vm.new_object();
    vm.put(o, "proxy", p, crate::js::shape::DEFAULT);
    vm.put(o, "revoke", revoke, crate::js::shape::DEFAULT);
    vm.roots.truncate(vm.roots.len() - 2);
    Ok(o)
}

/// A revocation function (§28.2.2.1.1): revokes its proxy once, then does nothing.
fn revoke_fn(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let p = vm.obj(a.callee).aux[0];
    if p.is_object() {
        vm.proxy_revoke(p);
        vm.obj_mut(a.callee).aux[0] = Value::NULL;
    }
    Ok(Value::UNDEFINED)
}

pub fn install(vm: &mut Vm) {
    let c = vm.native_fn("Proxy", proxy_ctor, 2);
    vm.obj_mut(c).hdr.flags |= crate::js::object::FLAG_NATIVE_CTOR;
    vm.method(c, "revocable", revocable, 2);
    let g = vm.global;
    vm.put(g, "Proxy", c, crate::js::shape::HIDDEN);
}

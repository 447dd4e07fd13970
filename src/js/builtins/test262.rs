//! The test262 host (`--test262-host`): `print` and `$262` (`global`, `gc`, `evalScript`,
//! `detachArrayBuffer`). `createRealm` and `agent` are absent: kiln has one realm and no
//! shared memory.

use super::arg;
use crate::js::shape;
use crate::js::value::Value;
use crate::js::vm::{CallArgs, JsResult, Vm};

/// Installs `print` and `$262` on the global object.
pub fn install_test262_host(vm: &mut Vm) {
    let g = vm.global;
    vm.method(g, "print", print, 1);
    let d = vm.new_object();
    vm.put(g, "$262", d, shape::HIDDEN);
    vm.put(d, "global", g, shape::HIDDEN);
    vm.method(d, "gc", gc, 0);
    vm.method(d, "evalScript", eval_script, 1);
    vm.method(d, "detachArrayBuffer", detach_array_buffer, 1);
}

fn detach_array_buffer(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let b = arg(vm, a, 0);
    if !vm.is_array_buffer(b) {
        return Err(vm.throw_type_error("detachArrayBuffer: not an ArrayBuffer"));
    }
    super::detach_array_buffer(vm, b);
    Ok(Value::NULL)
}

fn print(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let s = vm.to_rust_string(arg(vm, a, 0))?;
    vm.write_out(s.as_bytes());
    vm.write_out(b"\n");
    Ok(Value::UNDEFINED)
}

fn gc(vm: &mut Vm, _a: &CallArgs) -> JsResult<Value> {
    // Collection happens at the next safepoint.
    vm.heap.gc_requested = true;
    Ok(Value::UNDEFINED)
}

fn eval_script(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let src = vm.to_rust_string(arg(vm, a, 0))?;
    vm.eval_script(&src, "evalScript")
}

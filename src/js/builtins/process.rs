//! `process` (argv, env, exit, stdout.write, hrtime), `performance.now` and `Date.now`.

use super::arg;
use crate::js::shape;
use crate::js::value::Value;
use crate::js::vm::{CallArgs, JsResult, Thrown, Vm};

fn exit(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let c = arg(vm, a, 0);
    let code = if c.is_undefined() { 0 } else { vm.to_int32(c)? };
    vm.exiting = Some(code);
    Err(Thrown)
}
fn stdout_write(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let s = vm.to_rust_string(arg(vm, a, 0))?;
    vm.write_out(s.as_bytes());
    Ok(Value::TRUE)
}
fn stderr_write(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let s = vm.to_rust_string(arg(vm, a, 0))?;
    if vm.opts.stream {
        use std::io::Write;
        vm.flush_out();
        let _ = std::io::stderr().write_all(s.as_bytes());
    } else {
        vm.err.extend_from_slice(s.as_bytes());
    }
    Ok(Value::TRUE)
}
fn hrtime(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let ns = vm.start_time.elapsed().as_nanos() as i128 + 1_000_000_000;
    let prev = arg(vm, a, 0);
    let mut t = ns;
    if vm.is_array(prev) {
        let s = vm.to_number(vm.elems(prev).first().copied().unwrap_or(Value::int(0)))?;
        let n = vm.to_number(vm.elems(prev).get(1).copied().unwrap_or(Value::int(0)))?;
        t -= s as i128 * 1_000_000_000 + n as i128;
    }
    let s = Value::number((t / 1_000_000_000) as f64);
    let n = Value::number((t % 1_000_000_000) as f64);
    Ok(vm.new_array_from(&[s, n]))
}
fn now(vm: &mut Vm, _a: &CallArgs) -> JsResult<Value> {
    Ok(Value::double(
        vm.start_time.elapsed().as_secs_f64() * 1000.0,
    ))
}
fn date_now(_vm: &mut Vm, _a: &CallArgs) -> JsResult<Value> {
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis())
        .unwrap_or(0);
    Ok(Value::number(ms as f64))
}
fn memory_usage(vm: &mut Vm, _a: &CallArgs) -> JsResult<Value> {
    let o = vm.new_object();
    let used = Value::number(vm.heap.live_bytes as f64);
    vm.put(o, "heapUsed", used, shape::DEFAULT);
    Ok(o)
}

pub fn install(vm: &mut Vm) {
    let p = vm.new_object();
    vm.method(p, "exit", exit, 1);
    vm.method(p, "hrtime", hrtime, 1);
    vm.method(p, "memoryUsage", memory_usage, 0);
    let out = vm.new_object();
    vm.method(out, "write", stdout_write, 1);
    vm.put(p, "stdout", out, shape::DEFAULT);
    let err = vm.new_object();
    vm.method(err, "write", stderr_write, 1);
    vm.put(p, "stderr", err, shape::DEFAULT);
    let env = vm.new_object();
    vm.put(p, "env", env, shape::DEFAULT);
    let plat = vm.new_str("linux");
    vm.put(p, "platform", plat, shape::DEFAULT);
    let argv = vm.new_array(0);
    vm.put(p, "argv", argv, shape::DEFAULT);
    let g = vm.global;
    vm.put(g, "process", p, shape::HIDDEN);
    let perf = vm.new_object();
    vm.method(perf, "now", now, 0);
    vm.put(g, "performance", perf, shape::HIDDEN);
    let _ = date_now;
}

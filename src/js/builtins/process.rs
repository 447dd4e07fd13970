//! `process` (argv, env, exit, exitCode, stdout.write, hrtime, nextTick, cwd, version),
//! `performance.now` and `Date.now`.

use super::arg;
use crate::js::jobs::{Job, JobKind};
use crate::js::object::PropKey;
use crate::js::shape;
use crate::js::value::Value;
use crate::js::vm::{CallArgs, JsResult, Thrown, Vm, realm};

fn exit(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let mut c = arg(vm, a, 0);
    if c.is_undefined() {
        // `process.exit()` ends with `process.exitCode`.
        let p = a.this;
        if p.is_object() {
            c = vm.get_by_name(p, "exitCode")?;
        }
    }
    let code = if c.is_undefined() { 0 } else { vm.to_int32(c)? };
    vm.exiting = Some(code);
    Err(Thrown)
}

/// The bytes `write` sends: a string's UTF-8, or a typed array's / DataView's bytes
/// (node's `chunk` check otherwise).
fn chunk_bytes(vm: &mut Vm, c: Value) -> JsResult<Vec<u8>> {
    if c.is_string() {
        return Ok(vm.str_to_string(c).into_bytes());
    }
    if vm.ta_kind(c).is_some() {
        return Ok(vm.view_bytes(c).to_vec());
    }
    if c.is_object() && vm.class_of(c) == crate::js::object::CLASS_DATA_VIEW {
        let len = super::data_view::view_byte_length(vm, c).unwrap_or(0);
        let (b, off) = (vm.view_buffer(c), vm.view_offset(c));
        let bytes = vm.buf_data(b).bytes.get(off..off + len).unwrap_or(&[]);
        return Ok(bytes.to_vec());
    }
    if c.is_null() {
        return Err(throw_coded(
            vm,
            "May not write null values to stream",
            "ERR_STREAM_NULL_VALUES",
        ));
    }
    let what = if c.is_undefined() {
        vm.inspect(c)
    } else if c.is_object() {
        match vm.constructor_name_of(c) {
            Some(n) if !n.is_empty() => format!("an instance of {n}"),
            _ => vm.inspect(c),
        }
    } else {
        let t = vm.type_of(c);
        format!("type {t} ({})", vm.inspect(c))
    };
    let msg = format!(
        "The \"chunk\" argument must be of type string or an instance of Buffer, TypedArray, \
         or DataView. Received {what}"
    );
    Err(throw_coded(vm, &msg, "ERR_INVALID_ARG_TYPE"))
}

/// Throws a TypeError with node's `code` property.
fn throw_coded(vm: &mut Vm, msg: &str, code: &str) -> Thrown {
    let e = vm.make_error(realm::TYPE_ERROR_PROTO, msg);
    vm.roots.push(e);
    let c = vm.new_str(code);
    vm.put(e, "code", c, shape::DEFAULT);
    vm.roots.pop();
    vm.throw_value(e)
}
fn stdout_write(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let b = chunk_bytes(vm, arg(vm, a, 0))?;
    vm.write_out(&b);
    Ok(Value::TRUE)
}
fn stderr_write(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let b = chunk_bytes(vm, arg(vm, a, 0))?;
    let s = String::from_utf8_lossy(&b).into_owned();
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
/// `process.hrtime.bigint()`: nanoseconds as a BigInt.
fn hrtime_bigint(vm: &mut Vm, _a: &CallArgs) -> JsResult<Value> {
    let ns = vm.start_time.elapsed().as_nanos() as i64 + 1_000_000_000;
    Ok(vm.new_bigint_i64(ns))
}
fn cwd(vm: &mut Vm, _a: &CallArgs) -> JsResult<Value> {
    let d = std::env::current_dir()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|_| "/".into());
    Ok(vm.new_str(&d))
}
/// `process.nextTick(cb, ...args)`: `cb` runs from the tick queue, ahead of promise jobs
/// (`Vm::enqueue_tick`).
fn next_tick(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let cb = arg(vm, a, 0);
    if !vm.is_callable(cb) {
        let r = vm.inspect(cb);
        let what = if cb.is_undefined() || cb.is_null() {
            r
        } else {
            format!("type {} ({r})", vm.type_of(cb))
        };
        let msg = format!("The \"callback\" argument must be of type function. Received {what}");
        return Err(throw_coded(vm, &msg, "ERR_INVALID_ARG_TYPE"));
    }
    let rest: Vec<Value> = (1..a.argc).map(|i| arg(vm, a, i)).collect();
    let args = vm.new_array_from(&rest);
    vm.enqueue_tick(Job::new(JobKind::Native(run_tick), &[cb, args]));
    Ok(Value::UNDEFINED)
}
fn run_tick(vm: &mut Vm, vals: [Value; 5]) -> JsResult<()> {
    let args = vm.elems(vals[1]).to_vec();
    vm.call_function(vals[0], Value::UNDEFINED, &args)?;
    Ok(())
}
/// The `set` trap of `process.env`: values are stored as strings, as node's env does.
fn env_set(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let (t, k) = (arg(vm, a, 0), arg(vm, a, 1));
    let v = vm.to_string(arg(vm, a, 2))?;
    vm.roots.push(v);
    let key = vm.to_property_key(k);
    vm.roots.pop();
    let key = key?;
    vm.define_own(t, key, v, shape::DEFAULT);
    Ok(Value::TRUE)
}
/// `process.env`: the environment's variables (lossy UTF-8) behind a proxy whose `set`
/// converts to strings.
fn make_env(vm: &mut Vm) -> Value {
    let env = vm.new_object();
    vm.roots.push(env);
    let vars: Vec<(String, String)> = std::env::vars_os()
        .map(|(k, v)| {
            (
                k.to_string_lossy().into_owned(),
                v.to_string_lossy().into_owned(),
            )
        })
        .collect();
    for (k, v) in vars {
        let key = PropKey::Atom(vm.intern(&k));
        let sv = vm.new_str(&v);
        vm.define_own(env, key, sv, shape::DEFAULT);
    }
    let handler = vm.new_object();
    vm.roots.push(handler);
    vm.method(handler, "set", env_set, 4);
    let p = vm.proxy_create(env, handler).unwrap_or(env);
    vm.roots.truncate(vm.roots.len() - 2);
    p
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

/// The node version kiln's node surface follows (`process.version`).
const NODE_VERSION: &str = "v20.20.2";

pub fn install(vm: &mut Vm) {
    let p = vm.new_object();
    vm.method(p, "exit", exit, 1);
    let hr = vm.method(p, "hrtime", hrtime, 1);
    vm.method(hr, "bigint", hrtime_bigint, 0);
    vm.method(p, "cwd", cwd, 0);
    vm.method(p, "nextTick", next_tick, 1);
    let pid = Value::number(f64::from(std::process::id()));
    vm.put(p, "pid", pid, shape::DEFAULT);
    let ver = vm.new_str(NODE_VERSION);
    vm.put(p, "version", ver, shape::DEFAULT);
    let versions = vm.new_object();
    let nv = vm.new_str(&NODE_VERSION[1..]);
    vm.put(versions, "node", nv, shape::DEFAULT);
    let kv = vm.new_str(env!("CARGO_PKG_VERSION"));
    vm.put(versions, "kiln", kv, shape::DEFAULT);
    vm.put(p, "versions", versions, shape::DEFAULT);
    vm.method(p, "memoryUsage", memory_usage, 0);
    let out = vm.new_object();
    vm.method(out, "write", stdout_write, 1);
    vm.put(p, "stdout", out, shape::DEFAULT);
    let err = vm.new_object();
    vm.method(err, "write", stderr_write, 1);
    vm.put(p, "stderr", err, shape::DEFAULT);
    vm.roots.push(p);
    let env = make_env(vm);
    vm.roots.pop();
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

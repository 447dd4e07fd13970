//! `setTimeout`, `setInterval`, `clearTimeout`, `clearInterval` (node's, returning `Timeout`
//! objects with `ref`/`unref`/`hasRef`/`refresh` and a numeric `Symbol.toPrimitive`) and
//! `queueMicrotask`. The queues themselves are `js::event_loop` and `js::jobs`.

use super::{arg, args_vec};
use crate::js::event_loop::{Timer, coerce_delay};
use crate::js::jobs::{Job, JobKind};
use crate::js::object::*;
use crate::js::shape;
use crate::js::value::Value;
use crate::js::vm::{CallArgs, JsResult, Vm, realm};

/// node's ERR_INVALID_ARG_TYPE for a callback that is not a function.
fn bad_callback(vm: &mut Vm, v: Value) -> crate::js::vm::Thrown {
    let got = if v.is_undefined() {
        "undefined".to_string()
    } else if v.is_object() {
        "an instance of Object".to_string()
    } else {
        let t = vm.type_of(v);
        let s = vm.inspect(v);
        format!("type {t} ({s})")
    };
    let msg = format!("The \"callback\" argument must be of type function. Received {got}");
    let e = vm.make_error(realm::TYPE_ERROR_PROTO, &msg);
    let code = vm.new_str("ERR_INVALID_ARG_TYPE");
    vm.put(e, "code", code, shape::DEFAULT);
    vm.throw_value(e)
}

fn schedule(vm: &mut Vm, a: &CallArgs, repeat: bool) -> JsResult<Value> {
    let cb = arg(vm, a, 0);
    if !vm.is_callable(cb) {
        return Err(bad_callback(vm, cb));
    }
    let d = arg(vm, a, 1);
    let ms = if d.is_undefined() {
        1.0
    } else {
        vm.to_number(d)?
    };
    let extra = args_vec(vm, a);
    let args = if extra.len() > 2 {
        vm.new_array_from(&extra[2..])
    } else {
        Value::UNDEFINED
    };
    vm.roots.push(args);
    let proto = vm.realm[realm::TIMEOUT_PROTO];
    let handle = vm.new_object_with(CLASS_ORDINARY, proto);
    vm.roots.pop();
    let id = vm.timers.new_id();
    vm.obj_mut(handle).aux[0] = Value::int(id as i32);
    vm.timers.arm(Timer {
        id,
        deadline: std::time::Instant::now(),
        seq: 0,
        callback: cb,
        args,
        delay: coerce_delay(ms),
        repeat,
        handle,
        refed: true,
    });
    Ok(handle)
}

fn set_timeout(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    schedule(vm, a, false)
}
fn set_interval(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    schedule(vm, a, true)
}

/// `clearTimeout`/`clearInterval`: a `Timeout` object or its numeric id; anything else is
/// ignored.
fn clear_timer(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let t = arg(vm, a, 0);
    if t.is_object() {
        vm.timers.clear(t, None);
    } else if t.is_number() || t.is_string() {
        let n = vm.to_number(t)?;
        if n >= 1.0 && n <= u32::MAX as f64 && n.fract() == 0.0 {
            vm.timers.clear(Value::UNDEFINED, Some(n as u32));
        }
    }
    Ok(Value::UNDEFINED)
}

fn queue_microtask(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let cb = arg(vm, a, 0);
    if !vm.is_callable(cb) {
        return Err(bad_callback(vm, cb));
    }
    vm.enqueue_job(Job::new(JobKind::Call, &[cb]));
    Ok(Value::UNDEFINED)
}

fn this_timeout(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let t = a.this;
    if t.is_object() && vm.obj(t).proto == vm.realm[realm::TIMEOUT_PROTO] {
        Ok(t)
    } else {
        Err(vm.throw_type_error("Timeout method called on incompatible receiver"))
    }
}
fn set_ref(vm: &mut Vm, a: &CallArgs, on: bool) -> JsResult<Value> {
    let t = this_timeout(vm, a)?;
    if let Some(timer) = vm.timers.find(t) {
        timer.refed = on;
    }
    Ok(t)
}
fn timeout_ref(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    set_ref(vm, a, true)
}
fn timeout_unref(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    set_ref(vm, a, false)
}
fn timeout_has_ref(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let t = this_timeout(vm, a)?;
    Ok(Value::bool(vm.timers.find(t).is_some_and(|x| x.refed)))
}
/// `refresh()`: re-arms the timer from the loop's current time (keeping its place by
/// deadline, now behind the timers created before).
fn timeout_refresh(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let t = this_timeout(vm, a)?;
    if let Some(i) = vm.timers.list.iter().position(|x| x.handle == t) {
        let timer = vm.timers.list.remove(i);
        vm.timers.arm(timer);
    }
    Ok(t)
}
fn timeout_to_primitive(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let t = this_timeout(vm, a)?;
    Ok(vm.obj(t).aux[0])
}

pub fn install(vm: &mut Vm) {
    let g = vm.global;
    vm.method(g, "setTimeout", set_timeout, 2);
    vm.method(g, "setInterval", set_interval, 2);
    vm.method(g, "clearTimeout", clear_timer, 1);
    vm.method(g, "clearInterval", clear_timer, 1);
    vm.method(g, "queueMicrotask", queue_microtask, 1);
    let op = vm.realm[realm::OBJECT_PROTO];
    let tp = vm.new_object_with(CLASS_ORDINARY, op);
    vm.realm[realm::TIMEOUT_PROTO] = tp;
    vm.method(tp, "ref", timeout_ref, 0);
    vm.method(tp, "unref", timeout_unref, 0);
    vm.method(tp, "hasRef", timeout_has_ref, 0);
    vm.method(tp, "refresh", timeout_refresh, 0);
    if let Some(tp_sym) = super::symbol::well_known(vm, "toPrimitive") {
        let f = vm.native_fn("[Symbol.toPrimitive]", timeout_to_primitive, 1);
        vm.define_own(tp, PropKey::Atom(tp_sym), f, shape::HIDDEN);
    }
}

//! The Rust promise and job-queue API (`kiln::js::promise`, `kiln::js::jobs`) as `async`
//! functions will use it: native reactions, resolution with thenables, the internal
//! already-resolved flag, and the unhandled-rejection check.

use kiln::js::Options;
use kiln::js::jobs::{Job, JobKind};
use kiln::js::promise::{STATE_FULFILLED, STATE_PENDING, STATE_REJECTED};
use kiln::js::value::Value;
use kiln::js::vm::{CallArgs, JsResult, Vm};

/// A native reaction: records its argument (and which handler ran) in its captured object.
fn record_fulfilled(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let cell = vm.obj(a.callee).aux[0];
    let v = if a.argc > 0 {
        vm.regs[a.start]
    } else {
        Value::UNDEFINED
    };
    vm.obj_mut(cell).aux[0] = v;
    vm.obj_mut(cell).aux[1] = Value::TRUE;
    Ok(Value::UNDEFINED)
}
fn record_rejected(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let cell = vm.obj(a.callee).aux[0];
    let v = if a.argc > 0 {
        vm.regs[a.start]
    } else {
        Value::UNDEFINED
    };
    vm.obj_mut(cell).aux[0] = v;
    vm.obj_mut(cell).aux[1] = Value::FALSE;
    Ok(Value::UNDEFINED)
}

/// A fresh VM, a capture cell and native fulfil/reject reactions writing into it.
fn setup() -> (Box<Vm>, Value, Value, Value) {
    let mut vm = Vm::new(Options::default());
    let cell = vm.new_object();
    vm.roots.push(cell);
    let f = vm.native_closure("", record_fulfilled, 1, &[cell]);
    vm.roots.push(f);
    let r = vm.native_closure("", record_rejected, 1, &[cell]);
    vm.roots.push(r);
    (vm, cell, f, r)
}

#[test]
fn native_reaction_runs_as_a_microtask() {
    let (mut vm, cell, f, r) = setup();
    let p = vm.new_promise();
    vm.roots.push(p);
    vm.perform_then(p, f, r, None);
    vm.resolve_promise(p, Value::int(7));
    assert_eq!(vm.promise_state(p), STATE_FULFILLED);
    assert!(
        vm.obj(cell).aux[1].is_undefined(),
        "reactions wait for the queue"
    );
    vm.run_jobs().unwrap();
    assert_eq!(vm.obj(cell).aux[0], Value::int(7));
    assert_eq!(vm.obj(cell).aux[1], Value::TRUE);
}

#[test]
fn resolving_with_a_promise_adopts_its_state() {
    let (mut vm, cell, f, r) = setup();
    let inner = vm.new_promise();
    vm.roots.push(inner);
    let outer = vm.new_promise();
    vm.roots.push(outer);
    vm.perform_then(outer, f, r, None);
    vm.resolve_promise(outer, inner);
    // A second resolution through the internal pair is ignored.
    vm.resolve_promise(outer, Value::int(1));
    vm.run_jobs().unwrap();
    assert_eq!(vm.promise_state(outer), STATE_PENDING);
    vm.reject_promise(inner, Value::int(9));
    vm.run_jobs().unwrap();
    assert_eq!(vm.promise_state(outer), STATE_REJECTED);
    assert_eq!(vm.obj(cell).aux[0], Value::int(9));
    assert_eq!(vm.obj(cell).aux[1], Value::FALSE);
}

#[test]
fn derived_promise_and_native_jobs() {
    let (mut vm, _cell, _f, _r) = setup();
    let p = vm.new_promise();
    vm.roots.push(p);
    let d = vm.promise_then(p, Value::UNDEFINED, Value::UNDEFINED);
    vm.roots.push(d);
    vm.resolve_promise(p, Value::int(3));
    fn bump(vm: &mut Vm, vals: [Value; 5]) -> JsResult<()> {
        vm.obj_mut(vals[0]).aux[2] = Value::int(42);
        Ok(())
    }
    let cell = vm.new_object();
    vm.roots.push(cell);
    vm.enqueue_job(Job::new(JobKind::Native(bump), &[cell]));
    vm.run_jobs().unwrap();
    assert_eq!(vm.promise_state(d), STATE_FULFILLED);
    assert_eq!(vm.promise_result(d), Value::int(3));
    assert_eq!(vm.obj(cell).aux[2], Value::int(42));
}

#[test]
fn unhandled_rejection_fails_the_drain() {
    let (mut vm, cell, f, r) = setup();
    let p = vm.new_promise();
    vm.roots.push(p);
    vm.reject_promise(p, Value::int(5));
    assert!(vm.drain_microtasks().is_err());
    assert!(vm.uncaught_rejection);
    assert_eq!(vm.exception, Value::int(5));

    // Handled before the queue drains: no error.
    vm.uncaught_rejection = false;
    let q = vm.new_promise();
    vm.roots.push(q);
    vm.reject_promise(q, Value::int(6));
    vm.perform_then(q, f, r, None);
    vm.drain_microtasks().unwrap();
    assert_eq!(vm.obj(cell).aux[0], Value::int(6));
    assert!(!vm.uncaught_rejection);
}

#[test]
fn promise_resolve_returns_the_same_promise() {
    let mut vm = Vm::new(Options::default());
    let c = vm.realm[kiln::js::vm::realm::PROMISE_CTOR];
    let p = vm.new_promise();
    vm.roots.push(p);
    assert_eq!(vm.promise_resolve(c, p).unwrap(), p);
    let q = vm.promise_resolve(c, Value::int(1)).unwrap();
    assert!(vm.is_promise(q) && q != p);
    assert_eq!(vm.promise_state(q), STATE_FULFILLED);
}

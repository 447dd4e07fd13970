//! `Atomics.waitAsync` (ECMA-262 2025 §25.4.14, DoWait in async mode) and the waiter list
//! `Atomics.notify` wakes. kiln runs one agent, so only this agent's own `notify` or the
//! timeout can settle a waiter: the list is an internal array in a realm slot (a GC root)
//! of records `[buffer, byte index, promise, timer handle]`, oldest first.

use super::arg;
use crate::js::event_loop::Timer;
use crate::js::shape;
use crate::js::value::Value;
use crate::js::vm::{CallArgs, JsResult, Vm, realm};

/// The result object `{ async, value }` of `waitAsync`.
fn result(vm: &mut Vm, is_async: bool, value: Value) -> Value {
    vm.roots.push(value);
    let o = vm.new_object();
    vm.roots.pop();
    vm.put(o, "async", Value::bool(is_async), shape::DEFAULT);
    vm.put(o, "value", value, shape::DEFAULT);
    o
}

fn waiters(vm: &mut Vm) -> Value {
    if vm.realm[realm::ATOMICS_WAITERS].is_undefined() {
        vm.realm[realm::ATOMICS_WAITERS] = vm.new_array(0);
    }
    vm.realm[realm::ATOMICS_WAITERS]
}

impl Vm {
    /// DoWait (async): `buffer`'s element at byte `at` already holds the expected value and
    /// `timeout` (ms, > 0) has not passed: a pending promise, settled by `notify` ("ok") or
    /// the timeout ("timed-out").
    pub(crate) fn atomics_wait_async(&mut self, buffer: Value, at: usize, timeout: f64) -> Value {
        let base = self.roots.len();
        let p = self.new_promise();
        self.roots.push(p);
        let handle = self.new_object();
        self.roots.push(handle);
        let record = self.new_array_from(&[buffer, Value::number(at as f64), p, handle]);
        self.roots.push(record);
        let list = waiters(self);
        self.array_push(list, record);
        // Past node's largest timer delay the wait is as good as endless.
        if timeout <= 2_147_483_647.0 {
            let cb = self.native_fn("waitAsync timeout", timed_out, 1);
            self.roots.push(cb);
            let args = self.new_array_from(&[record]);
            let id = self.timers.new_id();
            self.timers.arm(Timer {
                id,
                deadline: std::time::Instant::now(),
                seq: 0,
                callback: cb,
                args,
                delay: timeout.max(1.0),
                repeat: false,
                handle,
                // As in node, a waiter does not keep the process alive by itself.
                refed: false,
            });
        }
        self.roots.truncate(base);
        result(self, true, p)
    }

    /// Wakes up to `count` waiters on `buffer`'s byte `at`, oldest first (their promises
    /// resolve with "ok"); how many.
    pub(crate) fn atomics_notify(&mut self, buffer: Value, at: usize, count: f64) -> usize {
        let list = waiters(self);
        let records = self.elems(list).to_vec();
        let (mut woken, mut kept) = (Vec::new(), Vec::new());
        for r in records {
            let e = self.elems(r);
            let mine = e[0] == buffer && e[1].as_number() == at as f64;
            if mine && (woken.len() as f64) < count {
                woken.push(r);
            } else {
                kept.push(r);
            }
        }
        let fresh = self.new_array_from(&kept);
        self.realm[realm::ATOMICS_WAITERS] = fresh;
        let base = self.roots.len();
        self.roots.extend_from_slice(&woken);
        let ok = self.new_str("ok");
        self.roots.push(ok);
        for &r in &woken {
            let (p, handle) = (self.elems(r)[2], self.elems(r)[3]);
            self.timers.clear(handle, None);
            self.resolve_promise(p, ok);
        }
        self.roots.truncate(base);
        woken.len()
    }
}

/// A waiter's timeout: it leaves the list and its promise resolves with "timed-out".
fn timed_out(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let record = arg(vm, a, 0);
    if !vm.is_array(record) {
        return Ok(Value::UNDEFINED);
    }
    vm.roots.push(record);
    let list = waiters(vm);
    let kept: Vec<Value> = vm
        .elems(list)
        .iter()
        .copied()
        .filter(|&r| r != record)
        .collect();
    let fresh = vm.new_array_from(&kept);
    vm.realm[realm::ATOMICS_WAITERS] = fresh;
    let p = vm.elems(record)[2];
    let s = vm.new_str("timed-out");
    vm.resolve_promise(p, s);
    vm.roots.pop();
    Ok(Value::UNDEFINED)
}

/// `{ async: false, value }` for a wait that settles at once ("not-equal", "timed-out").
pub(super) fn settled(vm: &mut Vm, what: &str) -> Value {
    let s = vm.new_str(what);
    result(vm, false, s)
}

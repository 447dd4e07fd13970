//! Promise internals (ES2025 27.2.1, 27.2.2, 27.2.5.4.1): promise state, the resolve and
//! reject semantics, reactions and capabilities. The JavaScript-visible constructor and
//! methods are in `builtins::promise`; jobs run from the queue in `js::jobs`.
//!
//! # Representation
//! A promise is an object of class `CLASS_PROMISE` whose `aux` holds
//! `[state bits, result, reactions]`: the bits are a `STATE_*` value plus [`HANDLED`]
//! (`[[PromiseIsHandled]]`) and [`RESOLVED`] (the already-resolved flag of the promise's
//! internal resolving pair, see [`Vm::resolve_promise`]); reactions (while pending) are an
//! internal array of five values per reaction: capability promise, resolve, reject, then the
//! fulfil and reject handlers (undefined = none). Everything is traced through `aux`.
//!
//! # API (for builtins and for `async`/`await`)
//! - [`Vm::new_promise`] → a pending `%Promise%` instance.
//! - [`Vm::resolve_promise`] / [`Vm::reject_promise`]: the promise's own resolve/reject
//!   functions without the function objects (27.2.1.3.1-2): once either has run the others
//!   do nothing; resolving with a thenable queues a NewPromiseResolveThenableJob; resolving
//!   with the promise itself rejects with a TypeError. They never throw.
//! - [`Vm::create_resolving_functions`] → `(resolve, reject)` function objects for a promise.
//! - [`Vm::perform_then`]`(promise, on_fulfilled, on_rejected, capability)`: PerformPromiseThen.
//!   Handlers are any callables — e.g. a [`Vm::native_closure`] whose Rust function finds its
//!   captured values in `vm.obj(args.callee).aux` (how `await` resumes a suspended frame).
//!   `capability` `None` = no derived promise (a throwing handler is then an uncaught error).
//! - [`Vm::promise_then`]`(promise, f, r)` → the derived `%Promise%` (then without species).
//! - [`Vm::promise_resolve`]`(C, x)`: PromiseResolve (what `await x` starts with, C the
//!   realm's `%Promise%`: `vm.realm[realm::PROMISE_CTOR]`).
//! - [`Vm::new_promise_capability`]`(C)`: NewPromiseCapability; [`Vm::settle_capability`]
//!   calls its resolve or reject.
//! - [`Vm::enqueue_job`] / [`Vm::run_jobs`] / [`Vm::drain_microtasks`] are in `js::jobs`;
//!   the event loop (`js::event_loop`) drains after the main program and every timer.
//!
//! A promise is settled either through its internal pair (`resolve_promise`/`reject_promise`,
//! guarded by [`RESOLVED`]) or through function objects from `create_resolving_functions`
//! (each pair with its own already-resolved record): use one kind per promise.
//!
//! `await v` (ES2025 27.7.5.3) on this API, with the suspended frame's state in `st`:
//! ```text
//! let c = vm.realm[realm::PROMISE_CTOR];
//! let p = vm.promise_resolve(c, v)?;
//! let ok = vm.native_closure("", resume_fulfilled, 1, &[st]);   // reads aux[0] back
//! let err = vm.native_closure("", resume_rejected, 1, &[st]);
//! vm.perform_then(p, ok, err, None);
//! ```
//! and the async function's result promise is `vm.new_promise()`, settled with
//! `resolve_promise` / `reject_promise` when the body returns or throws. Values a Rust
//! caller holds across any of these calls must be on `vm.roots`.

use crate::js::atoms;
use crate::js::interp::generator::{MODE_NEXT, MODE_THROW};
use crate::js::jobs::{Job, JobKind};
use crate::js::object::*;
use crate::js::value::Value;
use crate::js::vm::{CallArgs, JsResult, NativeEntry, NativeFn, Vm, realm};

pub const STATE_PENDING: i32 = 0;
pub const STATE_FULFILLED: i32 = 1;
pub const STATE_REJECTED: i32 = 2;
const STATE_MASK: i32 = 3;
/// `[[PromiseIsHandled]]`.
pub const HANDLED: i32 = 4;
/// The internal resolving pair of the promise has been used.
pub const RESOLVED: i32 = 8;

/// A PromiseCapability record. `resolve`/`reject` undefined with a promise: the promise's
/// internal resolving pair ([`Vm::resolve_promise`]); `promise` undefined: no capability.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Capability {
    pub promise: Value,
    pub resolve: Value,
    pub reject: Value,
}

impl Capability {
    /// The capability of a `%Promise%` whose resolving functions never escape.
    pub fn internal(promise: Value) -> Capability {
        Capability {
            promise,
            resolve: Value::UNDEFINED,
            reject: Value::UNDEFINED,
        }
    }
    /// No capability (a reaction whose result nobody observes).
    pub const NONE: Capability = Capability {
        promise: Value::UNDEFINED,
        resolve: Value::UNDEFINED,
        reject: Value::UNDEFINED,
    };
    fn vals(&self) -> [Value; 3] {
        [self.promise, self.resolve, self.reject]
    }
}

impl Vm {
    /// Whether `v` is an Object in the spec's sense (kiln's symbols are cells too).
    pub fn is_spec_object(&self, v: Value) -> bool {
        v.is_object() && self.class_of(v) != CLASS_SYMBOL
    }
    /// Whether `v` is a promise (has `[[PromiseState]]`).
    pub fn is_promise(&self, v: Value) -> bool {
        v.is_object() && self.class_of(v) == CLASS_PROMISE
    }
    fn promise_bits(&self, p: Value) -> i32 {
        self.obj(p).aux[0].as_int()
    }
    fn set_promise_bits(&mut self, p: Value, bits: i32) {
        self.obj_mut(p).aux[0] = Value::int(bits);
    }
    /// `STATE_PENDING`, `STATE_FULFILLED` or `STATE_REJECTED`.
    pub fn promise_state(&self, p: Value) -> i32 {
        self.promise_bits(p) & STATE_MASK
    }
    /// The fulfilment value or rejection reason (undefined while pending).
    pub fn promise_result(&self, p: Value) -> Value {
        self.obj(p).aux[1]
    }
    /// `[[PromiseIsHandled]]`.
    pub fn promise_is_handled(&self, p: Value) -> bool {
        self.promise_bits(p) & HANDLED != 0
    }

    /// Sets `[[PromiseIsHandled]]` (a rejection the engine itself consumes).
    pub fn mark_promise_handled(&mut self, p: Value) {
        let bits = self.promise_bits(p);
        self.set_promise_bits(p, bits | HANDLED);
    }

    /// A new pending promise with prototype `proto`.
    pub fn new_promise_with_proto(&mut self, proto: Value) -> Value {
        let p = self.new_object_with(CLASS_PROMISE, proto);
        let o = self.obj_mut(p);
        o.aux = [
            Value::int(STATE_PENDING),
            Value::UNDEFINED,
            Value::UNDEFINED,
        ];
        p
    }
    /// A new pending `%Promise%`.
    pub fn new_promise(&mut self) -> Value {
        let proto = self.realm[realm::PROMISE_PROTO];
        self.new_promise_with_proto(proto)
    }

    /// A native function object running `f` with `captures` in its `aux` (at most three),
    /// read back through `vm.obj(args.callee).aux`. One native entry is registered per Rust
    /// function (its first `name` and `length` are the ones every such object reports).
    pub fn native_closure(
        &mut self,
        name: &'static str,
        f: NativeFn,
        length: u32,
        captures: &[Value],
    ) -> Value {
        let key = f as usize;
        let idx = match self.native_ids.get(&key) {
            Some(&i) => i,
            None => {
                self.natives.push(NativeEntry { name, f, length });
                let i = self.natives.len() - 1;
                self.native_ids.insert(key, i);
                i
            }
        };
        let fp = self.realm[realm::FUNCTION_PROTO];
        let o = self.new_object_with(CLASS_NATIVE, fp);
        let cell = self.obj_mut(o);
        cell.code = idx;
        cell.aux[..captures.len()].copy_from_slice(captures);
        o
    }

    /// ES2025 27.2.1.3 CreateResolvingFunctions: `(resolve, reject)` sharing one
    /// already-resolved record.
    pub fn create_resolving_functions(&mut self, p: Value) -> (Value, Value) {
        let rec = self.new_object_with(CLASS_ORDINARY, Value::NULL);
        self.obj_mut(rec).aux[0] = Value::FALSE;
        let res = self.native_closure("", resolve_function, 1, &[p, rec]);
        let rej = self.native_closure("", reject_function, 1, &[p, rec]);
        (res, rej)
    }

    /// The promise's internal resolve function (27.2.1.3.2), ignored once the internal
    /// pair has been used.
    pub fn resolve_promise(&mut self, p: Value, resolution: Value) {
        let bits = self.promise_bits(p);
        if bits & RESOLVED != 0 {
            return;
        }
        self.set_promise_bits(p, bits | RESOLVED);
        self.resolve_unchecked(p, resolution);
    }
    /// The promise's internal reject function (27.2.1.3.1).
    pub fn reject_promise(&mut self, p: Value, reason: Value) {
        let bits = self.promise_bits(p);
        if bits & RESOLVED != 0 {
            return;
        }
        self.set_promise_bits(p, bits | RESOLVED);
        self.settle_promise(p, true, reason);
    }

    /// Promise Resolve Functions, steps 7-16 (after the already-resolved check).
    fn resolve_unchecked(&mut self, p: Value, resolution: Value) {
        if resolution == p {
            let e = self.make_error(
                realm::TYPE_ERROR_PROTO,
                "Chaining cycle detected for promise #<Promise>",
            );
            self.settle_promise(p, true, e);
            return;
        }
        if !self.is_spec_object(resolution) {
            self.settle_promise(p, false, resolution);
            return;
        }
        let base = self.roots.len();
        self.roots.extend_from_slice(&[p, resolution]);
        let then = self.get_named(resolution, atoms::THEN);
        self.roots.truncate(base);
        match then {
            Err(_) => {
                let e = self.exception;
                self.settle_promise(p, true, e);
            }
            Ok(then) if !self.is_callable(then) => self.settle_promise(p, false, resolution),
            Ok(then) => {
                self.enqueue_job(Job::new(JobKind::ResolveThenable, &[p, resolution, then]))
            }
        }
    }

    /// ES2025 27.2.1.4 FulfillPromise / 27.2.1.7 RejectPromise: settles a pending promise and
    /// queues its reactions; a rejection with no handler is tracked for the unhandled check.
    pub fn settle_promise(&mut self, p: Value, rejected: bool, v: Value) {
        let bits = self.promise_bits(p);
        if bits & STATE_MASK != STATE_PENDING {
            return;
        }
        let reactions = self.obj(p).aux[2];
        let state = if rejected {
            STATE_REJECTED
        } else {
            STATE_FULFILLED
        };
        self.set_promise_bits(p, (bits & !STATE_MASK) | state);
        let o = self.obj_mut(p);
        o.aux[1] = v;
        o.aux[2] = Value::UNDEFINED;
        if rejected && bits & HANDLED == 0 {
            // HostPromiseRejectionTracker(promise, "reject").
            self.pending_rejections.push(p);
        }
        if reactions.is_object() {
            // 27.2.1.8 TriggerPromiseReactions.
            let rs = self.elems(reactions).to_vec();
            for r in rs.chunks_exact(5) {
                let handler = if rejected { r[4] } else { r[3] };
                self.enqueue_job(Job::new(
                    JobKind::Reaction { rejected },
                    &[handler, v, r[0], r[1], r[2]],
                ));
            }
        }
    }

    /// ES2025 27.2.5.4.1 PerformPromiseThen. Non-callable handlers count as absent.
    pub fn perform_then(
        &mut self,
        p: Value,
        on_fulfilled: Value,
        on_rejected: Value,
        capability: Option<Capability>,
    ) {
        let f = if self.is_callable(on_fulfilled) {
            on_fulfilled
        } else {
            Value::UNDEFINED
        };
        let r = if self.is_callable(on_rejected) {
            on_rejected
        } else {
            Value::UNDEFINED
        };
        let cap = capability.unwrap_or(Capability::NONE);
        self.add_reaction(p, f, r, cap.vals());
    }

    /// Await's reactions on `p` (ES2025 27.7.5.3 steps 3–9) without the two closures: `g`
    /// (the waiting async function or generator) stands for both handlers, marked by an empty
    /// capability promise (`Value::EMPTY`, never a JavaScript value), and the reaction job
    /// resumes it (`Vm::resume_after_await`) with the value or the reason.
    pub fn perform_then_await(&mut self, p: Value, g: Value) {
        self.add_reaction(p, g, g, [Value::EMPTY, Value::UNDEFINED, Value::UNDEFINED]);
    }

    /// PerformPromiseThen's steps 7–13 for the handlers `f`, `r` and capability `cap`.
    fn add_reaction(&mut self, p: Value, f: Value, r: Value, cap: [Value; 3]) {
        let bits = self.promise_bits(p);
        match bits & STATE_MASK {
            STATE_PENDING => {
                let list = self.obj(p).aux[2];
                let rec = [cap[0], cap[1], cap[2], f, r];
                if list.is_object() {
                    for v in rec {
                        self.array_push(list, v);
                    }
                } else {
                    let list = self.new_array_from(&rec);
                    self.obj_mut(p).aux[2] = list;
                }
            }
            state => {
                let rejected = state == STATE_REJECTED;
                let handler = if rejected { r } else { f };
                let v = self.promise_result(p);
                let [cp, cr, cj] = cap;
                self.enqueue_job(Job::new(
                    JobKind::Reaction { rejected },
                    &[handler, v, cp, cr, cj],
                ));
            }
        }
        self.set_promise_bits(p, bits | HANDLED);
    }

    /// `promise.then(f, r)` with a derived `%Promise%` (no species lookup).
    pub fn promise_then(&mut self, p: Value, on_fulfilled: Value, on_rejected: Value) -> Value {
        let d = self.new_promise();
        self.perform_then(p, on_fulfilled, on_rejected, Some(Capability::internal(d)));
        d
    }

    /// Calls a capability's resolve (`rejected` false) or reject function with `v`.
    pub fn settle_capability(&mut self, cap: Capability, rejected: bool, v: Value) -> JsResult<()> {
        let f = if rejected { cap.reject } else { cap.resolve };
        if f.is_undefined() {
            if self.is_promise(cap.promise) {
                if rejected {
                    self.reject_promise(cap.promise, v);
                } else {
                    self.resolve_promise(cap.promise, v);
                }
            }
            return Ok(());
        }
        self.call_function(f, Value::UNDEFINED, &[v]).map(|_| ())
    }

    /// ES2025 27.2.1.5 NewPromiseCapability(C).
    pub fn new_promise_capability(&mut self, c: Value) -> JsResult<Capability> {
        if !self.is_constructor(c) {
            let d = self.short_describe(c);
            return Err(self.throw_type_error(&format!("{d} is not a constructor")));
        }
        if c == self.realm[realm::PROMISE_CTOR] {
            let p = self.new_promise();
            let (resolve, reject) = self.create_resolving_functions(p);
            return Ok(Capability {
                promise: p,
                resolve,
                reject,
            });
        }
        let exec = self.native_closure("", capability_executor, 2, &[]);
        self.roots.push(exec);
        let p = self.construct(c, &[exec], c);
        self.roots.pop();
        let p = p?;
        let [resolve, reject, _] = self.obj(exec).aux;
        if !self.is_callable(resolve) || !self.is_callable(reject) {
            return Err(self.throw_type_error("Promise resolve or reject function is not callable"));
        }
        Ok(Capability {
            promise: p,
            resolve,
            reject,
        })
    }

    /// ES2025 27.2.4.7.1 PromiseResolve(C, x).
    pub fn promise_resolve(&mut self, c: Value, x: Value) -> JsResult<Value> {
        let base = self.roots.len();
        self.roots.extend_from_slice(&[c, x]);
        let r = (|| {
            if self.is_promise(x) {
                let xc = self.get_named(x, atoms::CONSTRUCTOR)?;
                if xc == c {
                    return Ok(x);
                }
            }
            let cap = self.new_promise_capability(c)?;
            self.roots.extend_from_slice(&cap.vals());
            self.settle_capability(cap, false, x)?;
            Ok(cap.promise)
        })();
        self.roots.truncate(base);
        r
    }

    /// ES2025 27.2.2.1 the job of NewPromiseReactionJob.
    pub(crate) fn promise_reaction_job(
        &mut self,
        rejected: bool,
        handler: Value,
        arg: Value,
        cap: [Value; 3],
    ) -> JsResult<()> {
        if cap[0].is_empty() {
            // An await's reaction (`perform_then_await`): `handler` is the waiting frame's
            // state.
            let mode = if rejected { MODE_THROW } else { MODE_NEXT };
            return self.resume_after_await(handler, mode, arg);
        }
        let outcome = if handler.is_undefined() {
            (rejected, arg)
        } else {
            match self.call_function(handler, Value::UNDEFINED, &[arg]) {
                Ok(v) => (false, v),
                Err(_) => (true, self.exception),
            }
        };
        let cap = Capability {
            promise: cap[0],
            resolve: cap[1],
            reject: cap[2],
        };
        if cap.promise.is_undefined() && cap.resolve.is_undefined() {
            // No capability: an abrupt handler is reported like an uncaught exception.
            return if outcome.0 {
                Err(self.throw_value(outcome.1))
            } else {
                Ok(())
            };
        }
        self.roots.push(outcome.1);
        let r = self.settle_capability(cap, outcome.0, outcome.1);
        self.roots.pop();
        r
    }

    /// ES2025 27.2.2.2 the job of NewPromiseResolveThenableJob.
    pub(crate) fn resolve_thenable_job(
        &mut self,
        p: Value,
        thenable: Value,
        then: Value,
    ) -> JsResult<()> {
        let (res, rej) = self.create_resolving_functions(p);
        let base = self.roots.len();
        self.roots.extend_from_slice(&[res, rej]);
        let r = match self.call_function(then, thenable, &[res, rej]) {
            Ok(_) => Ok(()),
            Err(_) => {
                let e = self.exception;
                self.call_function(rej, Value::UNDEFINED, &[e]).map(|_| ())
            }
        };
        self.roots.truncate(base);
        r
    }
}

/// The already-resolved record of a resolving function, marking it used; false if it was.
fn claim(vm: &mut Vm, f: Value) -> Option<Value> {
    let [p, rec, _] = vm.obj(f).aux;
    if !rec.is_object() || vm.obj(rec).aux[0] == Value::TRUE {
        return None;
    }
    vm.obj_mut(rec).aux[0] = Value::TRUE;
    Some(p)
}

/// ES2025 27.2.1.3.2 Promise Resolve Functions.
fn resolve_function(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    if let Some(p) = claim(vm, a.callee) {
        let v = crate::js::builtins::arg(vm, a, 0);
        vm.resolve_unchecked(p, v);
    }
    Ok(Value::UNDEFINED)
}

/// ES2025 27.2.1.3.1 Promise Reject Functions.
fn reject_function(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    if let Some(p) = claim(vm, a.callee) {
        let v = crate::js::builtins::arg(vm, a, 0);
        vm.settle_promise(p, true, v);
    }
    Ok(Value::UNDEFINED)
}

/// ES2025 27.2.1.5.1 GetCapabilitiesExecutor Functions: records resolve and reject in the
/// executor's `aux`.
fn capability_executor(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let f = a.callee;
    let [res, rej, _] = vm.obj(f).aux;
    if !res.is_undefined() || !rej.is_undefined() {
        return Err(vm.throw_type_error(
            "Promise executor has already been invoked with non-undefined arguments",
        ));
    }
    let (r, j) = (
        crate::js::builtins::arg(vm, a, 0),
        crate::js::builtins::arg(vm, a, 1),
    );
    let o = vm.obj_mut(f);
    o.aux[0] = r;
    o.aux[1] = j;
    Ok(Value::UNDEFINED)
}

//! Async generators (ES2025 27.6): a generator whose `next`/`throw`/`return` return
//! promises. Each call queues a request (mode, value, promise) in the generator's queue
//! (`aux[2]`, an internal array of three values per request); the front request is the one
//! the body is running for. The frame is the generator machinery's (`interp::generator`):
//! the body suspends at `await` (resumed by promise reactions) and at `yield` (after
//! awaiting the operand). After each run of the frame the outcome settles the front
//! request: a yield fulfils it with `{ value, done: false }`, a return with
//! `{ value, done: true }`, an escaping exception rejects it; then the next request runs
//! (AsyncGeneratorDrainQueue, 27.6.3.10). Requests on a completed generator settle at once
//! (`return` after awaiting its value, AsyncGeneratorAwaitReturn).

use crate::js::interp::generator::*;
use crate::js::object::*;
use crate::js::value::Value;
use crate::js::vm::*;

/// Values per request in the queue: mode, value, promise.
const REQ: usize = 3;
/// An async generator completed by a `return` request, awaiting its value.
pub const GEN_AWAITING_RETURN: i32 = 6;

impl Vm {
    /// GetIterator(obj, async) (ES2025 7.4.3): `obj[Symbol.asyncIterator]()`, or its sync
    /// iterator wrapped by CreateAsyncFromSyncIterator.
    pub fn get_async_iterator(&mut self, obj: Value) -> JsResult<Value> {
        if let Some(sym) = crate::js::builtins::well_known_symbol(self, "asyncIterator") {
            let m = if obj.is_nullish() {
                Value::UNDEFINED
            } else {
                self.get_named(obj, sym)?
            };
            if !m.is_nullish() {
                let it = self.call_function(m, obj, &[])?;
                if !it.is_object() {
                    return Err(self.throw_type_error(
                        "Result of the Symbol.asyncIterator method is not an object",
                    ));
                }
                return Ok(it);
            }
        }
        let mut sync = self.get_iterator(obj)?;
        // A user iterator behind kiln's internal wrapper is wrapped itself (its `return`
        // and `throw` are visible then).
        if self.class_of(sync) == CLASS_ITER
            && self.obj(sync).hdr.aux == crate::js::interp::iter::IT_PROTOCOL
        {
            sync = self.obj(sync).aux[0];
        }
        Ok(crate::js::builtins::async_from_sync::create(self, sync))
    }

    /// `yield*` in an async generator (ES2025 15.5.5), first half of a step: calls the
    /// inner iterator's `next`/`throw`/`return` for `mode` with `received` and returns
    /// what it returned (to be awaited); None for a return resumption when the iterator
    /// has no `return` (the generator then returns `received`).
    pub fn yield_delegate_call(
        &mut self,
        it: Value,
        received: Value,
        mode: i32,
    ) -> JsResult<Option<Value>> {
        let name = match mode {
            MODE_NEXT => crate::js::atoms::NEXT,
            MODE_THROW => self.intern("throw"),
            _ => self.intern("return"),
        };
        let m = self.get_named(it, name)?;
        if m.is_nullish() {
            match mode {
                MODE_RETURN => return Ok(None),
                MODE_THROW => {
                    // Close the iterator (its `return` is called, not awaited), then report
                    // the protocol violation.
                    let _ = self.iterator_close(it, true);
                    return Err(
                        self.throw_type_error("The iterator does not provide a 'throw' method")
                    );
                }
                _ => {}
            }
        }
        Ok(Some(self.call_function(m, it, &[received])?))
    }

    /// IteratorComplete and IteratorValue of an iterator result (which must be an object).
    pub fn iter_result_value(&mut self, result: Value) -> JsResult<(Value, bool)> {
        if !result.is_object() {
            let d = self.short_describe(result);
            return Err(self.throw_type_error(&format!("Iterator result {d} is not an object")));
        }
        let done = self.get_named(result, crate::js::atoms::DONE)?;
        let done = self.truthy(done);
        Ok((self.get_named(result, crate::js::atoms::VALUE)?, done))
    }

    /// After `await iterator.next()` in `for await`: the value, or None when done.
    pub fn async_iter_step(&mut self, result: Value) -> JsResult<Option<Value>> {
        if !result.is_object() {
            let d = self.short_describe(result);
            return Err(self.throw_type_error(&format!("Iterator result {d} is not an object")));
        }
        let done = self.get_named(result, crate::js::atoms::DONE)?;
        if self.truthy(done) {
            return Ok(None);
        }
        Ok(Some(self.get_named(result, crate::js::atoms::VALUE)?))
    }

    /// Whether `g` is an async generator object.
    pub fn is_async_generator(&self, g: Value) -> bool {
        g.is_object()
            && self.class_of(g) == CLASS_GENERATOR
            && self.obj(g).aux[2].is_object()
            && self.obj(self.obj(g).aux[2]).hdr.class == CLASS_ARRAY
    }

    /// `next`/`throw`/`return` of an async generator (27.6.3.2 AsyncGeneratorEnqueue and
    /// the methods around it): the promise for the request's result.
    pub fn async_generator_request(&mut self, g: Value, mode: i32, value: Value) -> Value {
        let p = self.new_promise();
        if !self.is_async_generator(g) {
            let what = ["next", "throw", "return"][mode as usize];
            let d = self.short_describe(g);
            let _ = self.throw_type_error(&format!(
                "Method [AsyncGenerator].prototype.{what} called on incompatible receiver {d}"
            ));
            let e = self.exception;
            self.reject_promise(p, e);
            return p;
        }
        self.roots.push(p);
        let q = self.obj(g).aux[2];
        for v in [Value::int(mode), value, p] {
            self.array_push(q, v);
        }
        if let Err(_t) = self.async_generator_drain(g) {
            // Settling never throws; a failure to resume is reported on the request.
        }
        self.roots.pop();
        p
    }

    fn queue_front(&self, g: Value) -> Option<(i32, Value, Value)> {
        let q = self.obj(g).aux[2];
        let e = self.elems(q);
        (e.len() >= REQ).then(|| (e[0].as_int(), e[1], e[2]))
    }

    fn queue_pop(&mut self, g: Value) {
        let q = self.obj(g).aux[2];
        let rest: Vec<Value> = self.elems(q)[REQ..].to_vec();
        let o = self.obj_mut(q);
        o.elem_len = 0;
        for v in rest {
            self.array_push(q, v);
        }
    }

    /// Settles the front request with `v` (fulfilled with an iterator result, or rejected).
    fn settle_front(&mut self, g: Value, rejected: bool, v: Value, done: bool) {
        let Some((_, _, p)) = self.queue_front(g) else {
            return;
        };
        self.queue_pop(g);
        if rejected {
            self.reject_promise(p, v);
        } else {
            let r = self.iter_result(v, done);
            self.resolve_promise(p, r);
        }
    }

    /// Runs requests while the generator is not busy (running, awaiting).
    fn async_generator_drain(&mut self, g: Value) -> JsResult<()> {
        loop {
            let state = self.generator_state(g);
            if matches!(state, GEN_RUNNING | GEN_AWAIT | GEN_AWAITING_RETURN) {
                return Ok(());
            }
            let Some((mode, value, _)) = self.queue_front(g) else {
                return Ok(());
            };
            if state == GEN_DONE || (state == GEN_START && mode != MODE_NEXT) {
                self.finish_generator(g);
                match mode {
                    MODE_NEXT => self.settle_front(g, false, Value::UNDEFINED, true),
                    MODE_THROW => self.settle_front(g, true, value, true),
                    _ => {
                        self.await_return(g, value);
                        return Ok(());
                    }
                }
                continue;
            }
            self.async_generator_step(g, mode, value);
        }
    }

    /// AsyncGeneratorAwaitReturn (27.6.3.9): a `return` request on a completed generator
    /// settles once its value is awaited.
    fn await_return(&mut self, g: Value, value: Value) {
        self.obj_mut(g).aux[0] = Value::int(GEN_AWAITING_RETURN);
        let c = self.realm[realm::PROMISE_CTOR];
        match self.promise_resolve(c, value) {
            Ok(pr) => {
                self.roots.extend_from_slice(&[g, pr]);
                let ok = self.native_closure("", return_fulfilled, 1, &[g]);
                self.roots.push(ok);
                let err = self.native_closure("", return_rejected, 1, &[g]);
                self.roots.truncate(self.roots.len() - 3);
                self.perform_then(pr, ok, err, None);
            }
            Err(_) => {
                let e = self.exception;
                self.obj_mut(g).aux[0] = Value::int(GEN_DONE);
                self.settle_front(g, true, e, true);
            }
        }
    }

    /// Runs the frame for the front request and settles it by the outcome (unless the body
    /// is awaiting).
    fn async_generator_step(&mut self, g: Value, mode: i32, value: Value) {
        self.roots.push(g);
        let r = self.resume_frame(g, mode, value);
        self.roots.pop();
        match r {
            Ok(v) => match self.generator_state(g) {
                GEN_AWAIT => {}
                GEN_YIELD | GEN_RAW => self.settle_front(g, false, v, false),
                _ => self.settle_front(g, false, v, true),
            },
            Err(_) => {
                let e = self.exception;
                self.settle_front(g, true, e, true);
            }
        }
    }

    /// An `await` in an async generator's body settled: resume it, then go on with the
    /// queue.
    pub fn async_generator_resume(&mut self, g: Value, mode: i32, value: Value) -> JsResult<()> {
        self.async_generator_step(g, mode, value);
        self.async_generator_drain(g)
    }
}

fn return_fulfilled(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let g = vm.obj(a.callee).aux[0];
    let v = crate::js::builtins::arg(vm, a, 0);
    vm.obj_mut(g).aux[0] = Value::int(GEN_DONE);
    vm.settle_front(g, false, v, true);
    vm.async_generator_drain(g)?;
    Ok(Value::UNDEFINED)
}

fn return_rejected(vm: &mut Vm, a: &CallArgs) -> JsResult<Value> {
    let g = vm.obj(a.callee).aux[0];
    let v = crate::js::builtins::arg(vm, a, 0);
    vm.obj_mut(g).aux[0] = Value::int(GEN_DONE);
    vm.settle_front(g, true, v, true);
    vm.async_generator_drain(g)?;
    Ok(Value::UNDEFINED)
}

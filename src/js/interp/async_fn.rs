//! Async functions (ES2025 27.7): the body runs like a generator's, suspended at each
//! `await` and resumed by the awaited promise's reaction jobs.
//!
//! `AsyncCreate` (the first op) makes the function's state: a generator object that keeps
//! the frame while it waits and the function's promise in `aux[2]`. `await v` is a
//! `Suspend` of kind `SUSPEND_AWAIT`: PromiseResolve(%Promise%, v), then fulfilment and
//! rejection reactions that resume the frame with the value (mode next) or the reason (mode
//! throw, thrown at the `await`); the frame leaves returning the function's promise, which
//! is what the first caller receives. The compiler ends every completion with
//! `AsyncSettle`: `return v` resolves the promise with `v`, an exception escaping the body
//! (an implicit handler around it) rejects it, and the frame returns the promise.

use crate::js::interp::generator::GEN_RUNNING;
use crate::js::object::*;
use crate::js::value::Value;
use crate::js::vm::*;

impl Vm {
    /// `AsyncCreate`: the running async function's state, with a new pending promise.
    pub fn create_async(&mut self) -> Value {
        let p = self.new_promise();
        self.roots.push(p);
        let g = self.new_object_with(CLASS_GENERATOR, Value::NULL);
        self.roots.pop();
        let code = self.frames.last().expect("frame").code as usize;
        let o = self.obj_mut(g);
        o.aux = [Value::int(GEN_RUNNING), Value::int(0), p];
        o.code = code;
        g
    }

    /// `AsyncSettle`: resolves (or, `reject`, rejects) the async function's promise with
    /// `v`; returns the promise.
    pub fn settle_async(&mut self, g: Value, reject: bool, v: Value) -> JsResult<Value> {
        if !g.is_object() || self.class_of(g) != CLASS_GENERATOR {
            return Err(self.throw_type_error("AsyncSettle outside an async function"));
        }
        let p = self.obj(g).aux[2];
        if reject {
            self.reject_promise(p, v);
        } else {
            self.resolve_promise(p, v);
        }
        Ok(p)
    }

    /// Await (ES2025 27.7.5.3) up to the suspension: subscribes the resumption of `g` to
    /// the promise for `v`; returns the async function's promise.
    pub fn await_value(&mut self, g: Value, v: Value) -> JsResult<Value> {
        let c = self.realm[realm::PROMISE_CTOR];
        let promise = self.promise_resolve(c, v)?;
        // Its reactions resume `g` directly (no onFulfilled/onRejected closures: they
        // would be unobservable).
        self.perform_then_await(promise, g);
        Ok(self.obj(g).aux[2])
    }

    /// Resumes an async function (its frame settles its promise itself) or an async
    /// generator (whose outcome settles the request it runs for, then the queue goes on)
    /// after the promise it awaited settled: with the value (`MODE_NEXT`) or the reason
    /// (`MODE_THROW`).
    pub fn resume_after_await(&mut self, g: Value, mode: i32, v: Value) -> JsResult<()> {
        if self.is_async_generator(g) {
            self.async_generator_resume(g, mode, v)?;
        } else {
            self.resume_frame(g, mode, v)?;
        }
        Ok(())
    }
}

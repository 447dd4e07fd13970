//! Generators: creating generator objects, suspending a frame at `yield` and resuming it.
//!
//! A generator object (`CLASS_GENERATOR`) keeps its suspended frame in its elements: the
//! frame header and every register (`HEADER + nregs` values, traced by the GC like any
//! elements), plus its state, the pc of the `Suspend` op it stopped at and its code.
//! Suspending copies the register window out and leaves the frame as `Return` does; resuming
//! (`next`/`throw`/`return`, see `builtins::generator`) pushes an entry frame, copies the
//! window back, stores the sent value and the resumption mode in the two registers the
//! `Suspend` op names and runs the interpreter from the op after it. Compiled code is entered
//! there like at any other op (every op has an entry in the compiled code's offset table),
//! so a compiled generator resumes in compiled code.
//!
//! The bytecode compiler emits, for `yield v`: `Suspend gen, v, sent, YIELD`, then a check of
//! the mode register (`sent + 1`): next → the value of the `yield` is `sent`; throw →
//! `Throw sent`; return → a `return sent` through the enclosing `finally` blocks.

use crate::js::atoms;
use crate::js::bytecode::{F_ASYNC, F_GENERATOR, FunctionCode, Op, op};
use crate::js::interp::iter::IT_PROTOCOL;
use crate::js::object::*;
use crate::js::shape;
use crate::js::value::Value;
use crate::js::vm::*;

/// Generator states (`aux[0]`). A suspended-yield generator hands the value it yields to its
/// resumer wrapped in an iterator result (`SUSPENDED_YIELD`) or as is (`SUSPENDED_RAW`:
/// `yield*` passes the inner iterator's results through).
pub const GEN_START: i32 = 0;
pub const GEN_YIELD: i32 = 1;
pub const GEN_RAW: i32 = 2;
pub const GEN_RUNNING: i32 = 3;
pub const GEN_DONE: i32 = 4;
/// An async function's frame waiting for the promise it awaits.
pub const GEN_AWAIT: i32 = 5;

/// `Suspend` kinds (its `U` operand).
pub const SUSPEND_START: u8 = 0;
pub const SUSPEND_YIELD: u8 = 1;
pub const SUSPEND_RAW: u8 = 2;
/// `await`: an async function's frame waits for a promise (see `interp::async_fn`).
pub const SUSPEND_AWAIT: u8 = 3;

/// Resumption modes (the register after the sent value).
pub const MODE_NEXT: i32 = 0;
pub const MODE_THROW: i32 = 1;
pub const MODE_RETURN: i32 = 2;

impl Vm {
    /// `GeneratorCreate`: the generator object of the running generator function, whose
    /// prototype is the function's `prototype` property (if an object) or
    /// %GeneratorPrototype% (ES2025 10.1.14 OrdinaryCreateFromConstructor).
    pub fn create_generator(&mut self, callee: Value) -> JsResult<Value> {
        let is_async = self.func_code(callee).has(F_ASYNC);
        let p = self.get_named(callee, atoms::PROTOTYPE)?;
        let proto = if p.is_object() {
            p
        } else if is_async {
            self.realm[realm::ASYNC_GENERATOR_PROTO]
        } else {
            self.realm[realm::GENERATOR_PROTO]
        };
        let g = self.new_object_with(CLASS_GENERATOR, proto);
        // An async generator's queue of requests (`interp::async_gen`).
        let queue = if is_async {
            self.roots.push(g);
            let q = self.new_array(0);
            self.roots.pop();
            q
        } else {
            Value::UNDEFINED
        };
        let code = self.obj(callee).code;
        let o = self.obj_mut(g);
        o.aux = [Value::int(GEN_START), Value::int(0), queue];
        o.code = code;
        Ok(g)
    }

    fn generator_code(&self, g: Value) -> &'static FunctionCode {
        // SAFETY: a generator's code is its function's boxed FunctionCode, owned by
        // `self.codes` and never freed or moved while the VM runs.
        unsafe { &*(self.obj(g).code as *const FunctionCode) }
    }

    pub fn generator_state(&self, g: Value) -> i32 {
        self.obj(g).aux[0].as_int()
    }

    /// `Suspend` of the frame at `fp` (running `code`) at `pc` with the value `v`: saves
    /// its header and registers into the generator `g` and returns the value the frame
    /// then returns with, leaving as `Return` does: `v` (a yielded value), or for `await`
    /// the async function's promise, after subscribing the resumption to the awaited one.
    pub fn suspend_generator(
        &mut self,
        g: Value,
        fp: usize,
        pc: usize,
        kind: u8,
        v: Value,
    ) -> JsResult<Value> {
        if !g.is_object() || self.class_of(g) != CLASS_GENERATOR {
            return Err(self.throw_type_error("Suspend outside a generator"));
        }
        let ret = if kind == SUSPEND_AWAIT {
            self.await_value(g, v)?
        } else {
            v
        };
        let code = self.generator_code(g);
        let n = HEADER + code.nregs as usize;
        self.ensure_elem_cap(g, n);
        self.obj_mut(g).elem_len = n as u32;
        let window = &self.regs[fp - HEADER..fp - HEADER + n];
        let (p, n) = (window.as_ptr(), window.len());
        // SAFETY: `p..p+n` is the frame's window in the register file, a separate allocation
        // from `g`'s element buffer; neither is freed or grown before the copy ends.
        let window = unsafe { std::slice::from_raw_parts(p, n) };
        self.elems_mut(g)[..n].copy_from_slice(window);
        let state = match kind {
            SUSPEND_START => GEN_START,
            SUSPEND_RAW => GEN_RAW,
            SUSPEND_AWAIT => GEN_AWAIT,
            _ => GEN_YIELD,
        };
        let o = self.obj_mut(g);
        o.aux[0] = Value::int(state);
        o.aux[1] = Value::int(pc as i32);
        Ok(ret)
    }

    /// GeneratorResume / GeneratorResumeAbrupt (ES2025 27.5.3.3–4): runs `g` from where it
    /// stopped with `mode` and `value`; returns the iterator result it produces.
    pub fn resume_generator(&mut self, g: Value, mode: i32, value: Value) -> JsResult<Value> {
        let v = self.resume_frame(g, mode, value)?;
        Ok(match self.generator_state(g) {
            GEN_YIELD => self.iter_result(v, false),
            GEN_RAW | GEN_AWAIT => v,
            _ => self.iter_result(v, true),
        })
    }

    /// Runs the suspended frame of `g` with `mode` and `value` until it suspends again
    /// (the value it suspends with; the state says how) or completes (the value it returns;
    /// the generator is then done, as it is when an exception escapes).
    pub fn resume_frame(&mut self, g: Value, mode: i32, value: Value) -> JsResult<Value> {
        if !g.is_object() || self.class_of(g) != CLASS_GENERATOR {
            let what = ["next", "throw", "return"][mode as usize];
            let d = self.short_describe(g);
            return Err(self.throw_type_error(&format!(
                "Method [Generator].prototype.{what} called on incompatible receiver {d}"
            )));
        }
        let mut state = self.generator_state(g);
        if state == GEN_RUNNING {
            return Err(self.throw_type_error("Generator is already running"));
        }
        if state == GEN_START && mode != MODE_NEXT {
            self.obj_mut(g).aux[0] = Value::int(GEN_DONE);
            state = GEN_DONE;
        }
        if state == GEN_DONE {
            // The caller (`resume_generator`) wraps the value in a done result.
            return match mode {
                MODE_THROW => Err(self.throw_value(value)),
                MODE_RETURN => Ok(value),
                _ => Ok(Value::UNDEFINED),
            };
        }
        if self.native_depth >= MAX_NATIVE_DEPTH {
            return Err(self.throw_range_error("Maximum call stack size exceeded"));
        }
        let code = self.generator_code(g);
        let nregs = code.nregs as usize;
        let saved_sp = self.sp;
        let fp = self.sp + HEADER;
        if fp + nregs + 8 > REGFILE_CAP || self.frames.len() >= MAX_FRAMES {
            return Err(self.throw_range_error("Maximum call stack size exceeded"));
        }
        let spc = self.obj(g).aux[1].as_int() as usize;
        let saved = self.elems(g);
        let (p, n) = (saved.as_ptr(), saved.len().min(HEADER + nregs));
        // SAFETY: `p..p+n` are values of `g`'s element buffer, a separate allocation from
        // the register file, which nothing frees or grows before the copy ends.
        let saved = unsafe { std::slice::from_raw_parts(p, n) };
        self.regs[fp - HEADER..fp - HEADER + n].copy_from_slice(saved);
        let sent = op::reg(&code.code, spc, Op::Suspend, 2);
        if state != GEN_START {
            self.regs[fp + sent] = value;
            self.regs[fp + sent + 1] = Value::int(mode);
        }
        self.sp = fp + nregs;
        self.obj_mut(g).aux[0] = Value::int(GEN_RUNNING);
        self.frames.push(Frame {
            code: code as *const FunctionCode,
            fp,
            pc: spc + Op::Suspend.encoded_len(),
            ret_reg: 0,
            kind: FRAME_CALL,
            entry: true,
            jit: false,
            argc: 0,
            saved_sp: saved_sp as u32,
        });
        self.native_depth += 1;
        self.roots.push(g);
        let r = self.run();
        self.roots.pop();
        self.native_depth -= 1;
        self.sp = saved_sp;
        match r {
            Ok(v) => {
                if !matches!(self.generator_state(g), GEN_YIELD | GEN_RAW | GEN_AWAIT) {
                    self.finish_generator(g);
                }
                Ok(v)
            }
            Err(t) => {
                self.finish_generator(g);
                Err(t)
            }
        }
    }

    /// Marks `g` completed and drops its saved frame.
    pub fn finish_generator(&mut self, g: Value) {
        let o = self.obj_mut(g);
        o.aux[0] = Value::int(GEN_DONE);
        o.elem_len = 0;
    }

    /// CreateIterResultObject (ES2025 7.4.14).
    /// The object gets its two slots and final shape at once: one shape for all of them
    /// (per prototype), found once rather than by two transitions per object.
    pub fn iter_result(&mut self, value: Value, done: bool) -> Value {
        let proto = self.realm[realm::OBJECT_PROTO];
        let o = self.new_object_for_fields(proto, 2);
        let shape = match self.iter_result_shape {
            (p, s) if p == proto => s,
            _ => {
                let root = self.obj(o).shape;
                let s = self.shapes.add(root, atoms::VALUE, shape::DEFAULT);
                let s = self.shapes.add(s, atoms::DONE, shape::DEFAULT);
                self.iter_result_shape = (proto, s);
                s
            }
        };
        let ob = self.obj_mut(o);
        // SAFETY: the object has at least two slots (`new_object_for_fields`), and `shape`
        // is its root shape (that of its prototype) plus `value` and `done`, in slots 0, 1.
        unsafe {
            *ob.slots = value;
            *ob.slots.add(1) = Value::bool(done);
        }
        ob.shape = shape;
        o
    }

    /// One step of `yield*` (ES2025 15.5.5, the loop body) over the iterator `it` (from
    /// `GetIterator`) with the value `received` sent by the resumer in `mode`. Returns the
    /// inner result to yield as is (`false`), or the value the delegation completes with
    /// (`true`): the `yield*` expression's value, or what the generator returns when `mode`
    /// is return.
    pub fn yield_delegate(
        &mut self,
        it: Value,
        received: Value,
        mode: i32,
    ) -> JsResult<(Value, bool)> {
        let target = if self.class_of(it) == CLASS_ITER {
            if self.obj(it).hdr.aux != IT_PROTOCOL {
                // A built-in iterator (arrays, strings, Map, Set): `next` only.
                return match mode {
                    MODE_NEXT => match self.iterator_next(it)? {
                        Some(v) => Ok((self.iter_result(v, false), false)),
                        None => Ok((Value::UNDEFINED, true)),
                    },
                    MODE_THROW => {
                        Err(self.throw_type_error("The iterator does not provide a 'throw' method"))
                    }
                    _ => Ok((received, true)),
                };
            }
            self.obj(it).aux[0]
        } else {
            it
        };
        let name = match mode {
            MODE_NEXT => atoms::NEXT,
            MODE_THROW => self.intern("throw"),
            _ => self.intern("return"),
        };
        let m = self.get_named(target, name)?;
        if m.is_nullish() {
            if mode == MODE_THROW {
                // Close the iterator, then report the protocol violation.
                let r = self.intern("return");
                let rf = self.get_named(target, r)?;
                if !rf.is_nullish() {
                    let res = self.call_function(rf, target, &[])?;
                    if !res.is_object() {
                        return Err(self.throw_type_error("Iterator result is not an object"));
                    }
                }
                return Err(self.throw_type_error("The iterator does not provide a 'throw' method"));
            }
            if mode == MODE_RETURN {
                return Ok((received, true));
            }
        }
        let res = self.call_function(m, target, &[received])?;
        if !res.is_object() {
            let d = self.short_describe(res);
            return Err(self.throw_type_error(&format!("Iterator result {d} is not an object")));
        }
        self.roots.push(res);
        let r = (|| {
            let done = self.get_named(res, atoms::DONE)?;
            if self.truthy(done) {
                Ok((self.get_named(res, atoms::VALUE)?, true))
            } else {
                Ok((res, false))
            }
        })();
        self.roots.pop();
        r
    }

    /// Whether `f` is a generator function.
    pub fn is_generator_fn(&self, f: Value) -> bool {
        f.is_object() && self.class_of(f) == CLASS_CLOSURE && self.func_code(f).has(F_GENERATOR)
    }
}

//! Calls: pushing interpreter frames (no Rust recursion for JS→JS calls), native calls,
//! bound functions, construction, re-entrant calls from Rust, and exception unwinding.

use crate::js::atoms;
use crate::js::bytecode::*;
use crate::js::object::*;
use crate::js::shape;
use crate::js::value::Value;
use crate::js::vm::*;

/// What happened when a callee was invoked.
pub enum Invoked {
    /// An interpreter frame was pushed; execution continues in it.
    Pushed,
    /// The callee (native) finished with this value.
    Done(Value),
}

/// The decoded operands of a `Call`/`CallMethod`/`New` op.
pub struct CallOperands {
    /// Register receiving the result.
    pub dst: u16,
    pub f: Value,
    pub this: Value,
    /// Register-file index of the first argument.
    pub at: usize,
    pub argc: usize,
    /// `new.target` (undefined for calls).
    pub nt: Value,
}

impl Vm {
    /// Invokes `callee` with `argc` arguments at `regs[args_at..]`. For bytecode functions this
    /// pushes a frame (returning `Pushed`); natives run to completion. `saved_sp` is restored
    /// when the callee returns.
    #[allow(clippy::too_many_arguments)]
    pub fn invoke(
        &mut self,
        callee: Value,
        this: Value,
        args_at: usize,
        argc: usize,
        new_target: Value,
        ret_reg: u16,
        entry: bool,
        saved_sp: usize,
    ) -> JsResult<Invoked> {
        let construct = !new_target.is_undefined();
        if !callee.is_object() {
            return Err(self.not_a_function(callee));
        }
        match self.class_of(callee) {
            CLASS_CLOSURE => {
                let code_ptr = self.obj(callee).code as *const FunctionCode;
                // SAFETY: closure code pointers refer to boxed FunctionCodes owned by self.codes.
                let code = unsafe { &*code_ptr };
                if code.has(F_CLASS_CTOR) && !construct {
                    let n = code.name.clone();
                    return Err(self.throw_type_error(&format!(
                        "Class constructor {n} cannot be invoked without 'new'"
                    )));
                }
                if construct && code.flags & (F_NO_PROTOTYPE | F_GENERATOR) != 0 {
                    let n = self.function_name(callee);
                    return Err(self.throw_type_error(&format!("{n} is not a constructor")));
                }
                let mut this = this;
                if !construct && !code.has(F_STRICT) && !code.has(F_ARROW) {
                    // Sloppy-mode functions see the global object for a nullish `this` and a
                    // wrapper object for a primitive one (OrdinaryCallBindThis).
                    if this.is_nullish() {
                        this = self.global;
                    } else if this.is_string()
                        || this.is_number()
                        || this.is_bool()
                        || self.is_bigint(this)
                    {
                        this = crate::js::builtins::to_object(self, this)?;
                    }
                }
                if construct {
                    if code.has(F_DERIVED) {
                        this = Value::EMPTY;
                    } else {
                        this = self.construct_receiver(new_target, code.this_fields)?;
                        let fields = self.obj(callee).aux[2];
                        if fields.is_object() {
                            self.roots.push(this);
                            let r = self.call_function(fields, this, &[]);
                            self.roots.pop();
                            r?;
                        }
                    }
                }
                let fp = self.sp.max(args_at + argc) + HEADER;
                let nregs = code.nregs as usize;
                if fp + nregs + 8 > REGFILE_CAP || self.frames.len() >= MAX_FRAMES {
                    return Err(self.throw_range_error("Maximum call stack size exceeded"));
                }
                let env = self.obj(callee).aux[0];
                let np = code.nparams as usize;
                let n = argc.min(np);
                // The new window (header and registers) lies above the arguments (fp is at
                // least args_at + argc + HEADER): one split and one bounds check for all of it.
                let (below, above) = self.regs.split_at_mut(fp - HEADER);
                let win = &mut above[..HEADER + nregs];
                win[HEADER - HDR_CALLEE] = callee;
                win[HEADER - HDR_THIS] = this;
                win[HEADER - HDR_NEW_TARGET] = new_target;
                win[HEADER - HDR_ENV] = env;
                let (args, rest) = win[HEADER..].split_at_mut(n);
                for (d, s) in args.iter_mut().zip(&below[args_at..args_at + n]) {
                    *d = *s;
                }
                for r in rest {
                    *r = Value::UNDEFINED;
                }
                // The window is live from here on: rest/arguments allocation happens with the
                // arguments still below in the caller's registers.
                self.sp = fp + nregs;
                if code.has(F_HAS_REST) {
                    let extra: Vec<Value> = if argc > np {
                        self.regs[args_at + np..args_at + argc].to_vec()
                    } else {
                        Vec::new()
                    };
                    let arr = self.new_array_from(&extra);
                    self.regs[fp + code.extra_reg as usize] = arr;
                }
                if code.has(F_USES_ARGUMENTS) {
                    // An arguments object: array-like, not an Array (after a rest array, in
                    // the register after it).
                    let all = self.regs[args_at..args_at + argc].to_vec();
                    let arr = self.new_array_from(&all);
                    let op = self.realm[realm::OBJECT_PROTO];
                    self.obj_mut(arr).hdr.class = CLASS_ARGUMENTS;
                    self.set_proto_raw(arr, op);
                    self.add_arguments_own_properties(arr, callee, code);
                    let at = code.extra_reg as usize + code.has(F_HAS_REST) as usize;
                    self.regs[fp + at] = arr;
                }
                code.calls.set(code.calls.get().wrapping_add(1));
                self.stats.calls += 1;
                self.frames.push(Frame {
                    code: code_ptr,
                    fp,
                    pc: 0,
                    ret_reg,
                    kind: if construct {
                        FRAME_CONSTRUCT
                    } else {
                        FRAME_CALL
                    },
                    entry,
                    jit: false,
                    argc: argc as u32,
                    saved_sp: saved_sp as u32,
                });
                Ok(Invoked::Pushed)
            }
            CLASS_NATIVE => {
                if self.native_depth >= MAX_NATIVE_DEPTH {
                    return Err(self.throw_range_error("Maximum call stack size exceeded"));
                }
                let f = self.natives[self.obj(callee).code].f;
                let old_sp = self.sp;
                self.sp = self.sp.max(args_at + argc);
                self.native_depth += 1;
                self.stats.native_calls += 1;
                let args = CallArgs {
                    this,
                    start: args_at,
                    argc,
                    new_target,
                    callee,
                };
                let r = f(self, &args);
                self.native_depth -= 1;
                self.sp = old_sp;
                Ok(Invoked::Done(r?))
            }
            CLASS_BOUND => {
                let target = self.obj(callee).aux[0];
                let bthis = self.obj(callee).aux[1];
                let bound: Vec<Value> = self.elems(callee).to_vec();
                let at = self.sp.max(args_at + argc);
                let total = bound.len() + argc;
                if at + total + HEADER + 8 > REGFILE_CAP {
                    return Err(self.throw_range_error("Maximum call stack size exceeded"));
                }
                self.regs
                    .copy_within(args_at..args_at + argc, at + bound.len());
                self.regs[at..at + bound.len()].copy_from_slice(&bound);
                let old_sp = self.sp;
                self.sp = at + total;
                let nt = if construct {
                    if new_target == callee {
                        target
                    } else {
                        new_target
                    }
                } else {
                    Value::UNDEFINED
                };
                let r = self.invoke(target, bthis, at, total, nt, ret_reg, entry, saved_sp);
                if !matches!(r, Ok(Invoked::Pushed)) {
                    self.sp = old_sp;
                }
                r
            }
            CLASS_PROXY if self.is_callable(callee) => {
                if construct && !self.is_constructor(callee) {
                    let n = self.short_describe(callee);
                    return Err(self.throw_type_error(&format!("{n} is not a constructor")));
                }
                let args = self.regs[args_at..args_at + argc].to_vec();
                let old_sp = self.sp;
                self.sp = self.sp.max(args_at + argc);
                let r = if construct {
                    self.proxy_construct(callee, &args, new_target)
                } else {
                    self.proxy_call(callee, this, &args)
                };
                self.sp = old_sp;
                Ok(Invoked::Done(r?))
            }
            _ => Err(self.not_a_function(callee)),
        }
    }

    /// The `this` of `new F(...)` for a base constructor with new.target `nt`: an ordinary
    /// object whose prototype is `nt.prototype` (or `Object.prototype` if that is not an
    /// object), with room for `fields` slots (at least the usual few).
    pub fn construct_receiver(&mut self, nt: Value, fields: u32) -> JsResult<Value> {
        let proto = self.get_named(nt, atoms::PROTOTYPE)?;
        let proto = if proto.is_object() {
            proto
        } else {
            self.realm[realm::OBJECT_PROTO]
        };
        Ok(self.new_object_for_fields(proto, fields as usize))
    }

    pub fn not_a_function(&mut self, v: Value) -> Thrown {
        let name = self
            .current_call_name()
            .unwrap_or_else(|| self.short_describe(v));
        self.throw_type_error(&format!("{name} is not a function"))
    }
    fn current_call_name(&self) -> Option<String> {
        let f = self.frames.last()?;
        // SAFETY: frame code pointers refer to live boxed FunctionCodes.
        let code = unsafe { &*f.code };
        code.call_name(f.pc as u32).map(|s| s.to_string())
    }
    pub fn short_describe(&self, v: Value) -> String {
        if v.is_string() {
            format!("\"{}\"", self.str_to_string(v))
        } else if v.is_object() {
            if self.is_array(v) {
                "object".into()
            } else {
                "#<Object>".into()
            }
        } else {
            self.primitive_to_rust_string(v)
        }
    }

    /// Calls `f` from Rust (re-entrant): runs a nested interpreter loop if needed.
    pub fn call_function(&mut self, f: Value, this: Value, args: &[Value]) -> JsResult<Value> {
        self.call_full(f, this, args, Value::UNDEFINED)
    }

    /// `new f(...args)` from Rust.
    pub fn construct(&mut self, f: Value, args: &[Value], new_target: Value) -> JsResult<Value> {
        if !self.is_constructor(f) {
            let n = self.short_describe(f);
            return Err(self.throw_type_error(&format!("{n} is not a constructor")));
        }
        self.call_full(f, Value::UNDEFINED, args, new_target)
    }

    pub fn is_constructor(&self, f: Value) -> bool {
        if !f.is_object() {
            return false;
        }
        match self.class_of(f) {
            CLASS_CLOSURE => self.func_code(f).flags & (F_NO_PROTOTYPE | F_GENERATOR) == 0,
            CLASS_NATIVE => self.obj(f).hdr.flags & FLAG_NATIVE_CTOR != 0,
            CLASS_BOUND => self.is_constructor(self.obj(f).aux[0]),
            CLASS_PROXY => self.obj(f).xflags & crate::js::proxy::XFLAG_PROXY_CTOR != 0,
            _ => false,
        }
    }

    fn call_full(
        &mut self,
        f: Value,
        this: Value,
        args: &[Value],
        new_target: Value,
    ) -> JsResult<Value> {
        if self.native_depth >= MAX_NATIVE_DEPTH {
            return Err(self.throw_range_error("Maximum call stack size exceeded"));
        }
        let saved_sp = self.sp;
        let at = self.sp;
        if at + args.len() + HEADER + 8 > REGFILE_CAP {
            return Err(self.throw_range_error("Maximum call stack size exceeded"));
        }
        self.regs[at..at + args.len()].copy_from_slice(args);
        self.sp = at + args.len();
        self.native_depth += 1;
        let r = match self.invoke(f, this, at, args.len(), new_target, 0, true, saved_sp) {
            Ok(Invoked::Done(v)) => Ok(v),
            Ok(Invoked::Pushed) => self.run(),
            Err(t) => Err(t),
        };
        self.native_depth -= 1;
        self.sp = saved_sp;
        r
    }

    /// After a throw in the innermost frame: jumps to a handler if one covers the current pc
    /// (returns true), else pops frames up to and including the entry frame (returns false).
    pub fn unwind(&mut self) -> bool {
        self.unwind_to(0)
    }

    /// [`Vm::unwind`] that stops (returning false) when only `floor` frames are left, so the
    /// frame at depth `floor` and those below are neither searched nor popped (`floor` 0: no
    /// floor).
    pub fn unwind_to(&mut self, floor: usize) -> bool {
        loop {
            if floor > 0 && self.frames.len() <= floor {
                return false;
            }
            let Some(f) = self.frames.last().copied() else {
                return false;
            };
            if self.exiting.is_none() {
                // SAFETY: frame code pointers refer to live boxed FunctionCodes.
                let code = unsafe { &*f.code };
                let pc = f.pc as u32;
                if let Some(h) = code.handlers.iter().find(|h| h.start <= pc && pc < h.end) {
                    self.regs[f.fp + h.reg as usize] = self.exception;
                    let top = self.frames.last_mut().expect("frame");
                    top.pc = h.target as usize;
                    // The interpreter continues this frame: its machine-code caller is gone.
                    top.jit = false;
                    self.sp = f.fp + code.nregs as usize;
                    return true;
                }
            }
            self.frames.pop();
            self.sp = f.saved_sp as usize;
            if f.entry {
                return false;
            }
        }
    }
}

impl Vm {
    /// The own `callee` and `@@iterator` of an arguments object (§10.4.4.6, §10.4.4.7):
    /// `callee` is the function in sloppy functions with simple parameters and
    /// %ThrowTypeError% as getter and setter (non-configurable) everywhere else.
    fn add_arguments_own_properties(&mut self, args: Value, callee: Value, code: &FunctionCode) {
        if code.has(F_STRICT) || code.has(F_NON_SIMPLE_PARAMS) {
            let tte = self.realm[realm::THROW_TYPE_ERROR];
            let acc = self.new_accessor(tte, tte);
            self.define_own(args, PropKey::Atom(atoms::CALLEE), acc, shape::ACCESSOR);
        } else {
            self.define_own(args, PropKey::Atom(atoms::CALLEE), callee, shape::HIDDEN);
        }
        if let Some(it) = crate::js::builtins::well_known_symbol(self, "iterator") {
            let values = self.realm[realm::ARRAY_VALUES];
            self.define_own(args, PropKey::Atom(it), values, shape::HIDDEN);
        }
    }
}

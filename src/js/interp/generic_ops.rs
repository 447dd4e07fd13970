//! The generic cases of the ops whose slow path is one call into the runtime: element reads
//! and writes, `in`, `typeof`, `+`. Written once: the interpreter's handlers call these after
//! their inline fast paths, and the JIT's step helper runs these ops here directly
//! ([`Vm::run_generic_op`]) instead of entering the interpreter's loop for one op.

use crate::js::bytecode::{F_STRICT, FunctionCode, Op, jump_target, op};
use crate::js::value::Value;
use crate::js::vm::{HDR_CALLEE, JsResult, Vm};

impl Vm {
    /// `o[k]` when the interpreter's fast paths (dense array, typed array) did not answer.
    pub fn get_element_slow(&mut self, o: Value, k: Value) -> JsResult<Value> {
        if o.is_nullish() {
            return Err(self.nullish_base_error(o, k, "read", "reading"));
        }
        let pk = self.to_property_key(k)?;
        self.get(o, pk)
    }

    /// `o[k] = v` when the fast paths did not store it; `strict` is the code's mode (a failed
    /// store throws there).
    pub fn set_element_slow(&mut self, strict: bool, o: Value, k: Value, v: Value) -> JsResult<()> {
        if o.is_nullish() {
            // ToObject(base) comes before ToPropertyKey (ES2025 6.2.5.6).
            return Err(self.nullish_base_error(o, k, "set", "setting"));
        }
        let pk = self.to_property_key(k)?;
        self.set_failed = None;
        self.set(o, pk, v)?;
        if let Some(f) = self.set_failed.take()
            && strict
        {
            return Err(self.strict_set_error(f, o, pk));
        }
        Ok(())
    }

    /// `k in o`.
    pub fn in_operator(&mut self, k: Value, o: Value) -> JsResult<bool> {
        if !o.is_object() {
            let ks = self.to_rust_string(k)?;
            let d = self.short_describe(o);
            return Err(self.throw_type_error(&format!(
                "Cannot use 'in' operator to search for '{ks}' in {d}"
            )));
        }
        let pk = self.to_property_key(k)?;
        self.has_property(o, pk)
    }

    /// Runs the op at `pc` of the innermost frame (whose code is `code`) if it is one of the
    /// ops above, `+`, `instanceof`, `typeof`, an (in)equality, getting, stepping or closing
    /// an iterator (for-in's too), creating a generator or a `yield*` step, returning the pc
    /// where the frame continues; `None` for any other op. A throw leaves the frame at the op.
    pub fn run_generic_op(&mut self, code: &FunctionCode, pc: usize) -> Option<JsResult<usize>> {
        let c = &code.code;
        let op = Op::from_u8(c[pc])?;
        let top = self.frames.last_mut().expect("a frame runs");
        // The frame's pc is at the op while it runs (stack traces, handlers of a throw).
        top.pc = pc;
        let fp = top.fp;
        let r = |vm: &Vm, i: usize| vm.regs[fp + op::reg(c, pc, op, i)];
        let v = match op {
            Op::GetElement => self.get_element_slow(r(self, 1), r(self, 2)),
            Op::SetElement => {
                let (o, k, v) = (r(self, 0), r(self, 1), r(self, 2));
                return Some(
                    self.set_element_slow(code.has(F_STRICT), o, k, v)
                        .map(|()| pc + op.encoded_len()),
                );
            }
            Op::GetIterator => self.get_iterator(r(self, 1)),
            Op::ForInPrepare => self.for_in_iterator(r(self, 1)),
            Op::GeneratorCreate => {
                let callee = self.regs[fp - HDR_CALLEE];
                self.create_generator(callee)
            }
            Op::IteratorClose => {
                let quiet = op::operand(c, pc, op, 1) != 0;
                let r = self.iterator_close(r(self, 0), quiet);
                return Some(r.map(|()| pc + op.encoded_len()));
            }
            // The iteration ops continue at their jump target when the iterator is done.
            Op::IteratorNext | Op::ForInNext => {
                let next = match self.iterator_next(r(self, 1)) {
                    Ok(next) => next,
                    Err(t) => return Some(Err(t)),
                };
                let dst = fp + op::reg(c, pc, op, 0);
                self.regs[dst] = next.unwrap_or(Value::UNDEFINED);
                return Some(Ok(match next {
                    Some(_) => pc + op.encoded_len(),
                    None => jump_target(c, pc).expect("a jump operand"),
                }));
            }
            Op::YieldDelegate => {
                let s = op::reg(c, pc, op, 2);
                let (it, sent, mode) = (r(self, 1), self.regs[fp + s], self.regs[fp + s + 1]);
                let (v, done) = match self.yield_delegate(it, sent, mode.as_int()) {
                    Ok(r) => r,
                    Err(t) => return Some(Err(t)),
                };
                self.regs[fp + op::reg(c, pc, op, 0)] = v;
                return Some(Ok(if done {
                    jump_target(c, pc).expect("a jump operand")
                } else {
                    pc + op.encoded_len()
                }));
            }
            Op::In => self.in_operator(r(self, 1), r(self, 2)).map(Value::bool),
            Op::InstanceOf => self.instance_of(r(self, 1), r(self, 2)).map(Value::bool),
            Op::TypeOf => Ok(self.atom_value(self.type_of_atom(r(self, 1)))),
            Op::Add => self.add_values(r(self, 1), r(self, 2)),
            Op::StrictEq | Op::StrictNotEq => {
                let e = self.strict_equals(r(self, 1), r(self, 2));
                Ok(Value::bool(e == (op == Op::StrictEq)))
            }
            Op::Eq | Op::NotEq => self
                .loose_equals(r(self, 1), r(self, 2))
                .map(|e| Value::bool(e == (op == Op::Eq))),
            _ => return None,
        };
        Some(v.map(|v| {
            self.regs[fp + op::reg(c, pc, op, 0)] = v;
            pc + op.encoded_len()
        }))
    }
}

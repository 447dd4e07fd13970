//! The bytecode interpreter: one loop over frames (JS→JS calls push a frame instead of
//! recursing), inline-cache fast paths, and exception dispatch through handler tables.

pub mod async_fn;
pub mod async_gen;
pub mod call;
pub mod convert;
pub mod error;
pub mod generator;
pub mod generic_ops;
pub mod iter;
pub mod numeric;
pub mod pow;
pub mod props;

use crate::js::atoms::{self, Atom};
use crate::js::bytecode::op::operand_offset;
use crate::js::bytecode::*;
use crate::js::heap::cells::{EnvCell, KIND_ENV, OFF_ENV_SLOTS};
use crate::js::ic::*;
use crate::js::object::*;
use crate::js::shape;
use crate::js::tiering::Entered;
use crate::js::value::{TAG_CELL, Value};
use crate::js::vm::*;
use call::Invoked;

/// `Vm::step_depth` flag: the stepped op already started (resuming after a caught throw).
const STEP_RESUMED: usize = 1 << (usize::BITS - 1);

impl Vm {
    /// Runs the innermost frame (an entry frame) until it returns.
    pub fn run(&mut self) -> JsResult<Value> {
        loop {
            match self.execute() {
                Ok(v) => return Ok(v),
                Err(Thrown) => {
                    if !self.unwind() {
                        return Err(Thrown);
                    }
                }
            }
        }
    }

    pub fn new_env(&mut self, parent: Value, n: usize) -> Value {
        let p = self.heap.alloc_cell(OFF_ENV_SLOTS + 8 * n, KIND_ENV);
        // SAFETY: p is a fresh zeroed cell with room for n slots after the header.
        unsafe {
            (*(p as *mut EnvCell)).hdr.aux = n as u32;
            (*(p as *mut EnvCell)).parent = parent;
            let slots = p.add(OFF_ENV_SLOTS) as *mut Value;
            for i in 0..n {
                *slots.add(i) = Value::UNDEFINED;
            }
        }
        Value::from_ptr(TAG_CELL, p as usize)
    }
    /// `PushContext n` in the frame at `fp`: a new environment of `n` slots whose parent is
    /// the frame's current one becomes current (the interpreter and the JIT's helper).
    pub fn push_context(&mut self, fp: usize, n: usize) {
        let parent = self.regs[fp - HDR_ENV];
        let e = self.new_env(parent, n);
        self.regs[fp - HDR_ENV] = e;
    }
    /// `CopyContext` in the frame at `fp`: a copy of the frame's current environment (same
    /// parent, same slot values) becomes current — a loop's per-iteration `let` bindings.
    pub fn copy_context(&mut self, fp: usize) {
        let e = self.regs[fp - HDR_ENV];
        let n = self.env_len(e);
        let parent = self.env_parent(e);
        let ne = self.new_env(parent, n);
        for i in 0..n {
            // SAFETY: both envs have n slots.
            unsafe { *self.env_slot(ne, i) = *self.env_slot(e, i) };
        }
        self.regs[fp - HDR_ENV] = ne;
    }
    /// `CreateClosure` of function `idx` in the frame at `fp`: a closure over the frame's
    /// current environment; an arrow also takes its home object from the frame's callee.
    /// `NewObject`: an empty object literal (room for a few fields up front).
    pub fn new_literal_object(&mut self) -> Value {
        let p = self.realm[realm::OBJECT_PROTO];
        self.new_object_for_fields(p, 0)
    }
    /// `NewArray`: an empty array literal (its elements are pushed next: room for a few).
    pub fn new_literal_array(&mut self) -> Value {
        let a = self.new_array(0);
        self.ensure_elem_cap(a, INITIAL_FIELD_SLOTS);
        a
    }
    /// `DefineField o, a, v`: an object literal's `a: v` (never throws: the literal is a fresh
    /// ordinary object). Its methods get the literal as home object (`super.x`).
    pub fn define_field(&mut self, o: Value, a: Atom, v: Value) {
        if v.is_object() && self.obj(v).aux[1].is_undefined() {
            self.set_home(v, o);
        }
        self.define_own(o, PropKey::Atom(a), v, shape::DEFAULT);
    }
    pub fn create_closure(&mut self, idx: usize, fp: usize) -> Value {
        let env = self.regs[fp - HDR_ENV];
        let f = self.new_closure(idx, env);
        if self.codes[idx].has(F_ARROW) {
            let callee = self.regs[fp - HDR_CALLEE];
            let home = self.obj(callee).aux[1];
            self.obj_mut(f).aux[1] = home;
        }
        f
    }
    /// Slot `i` of environment `env` (undefined past its end).
    pub fn env_get(&self, env: Value, i: usize) -> Value {
        if i < self.env_len(env) {
            // SAFETY: i is below the slot count.
            unsafe { *self.env_slot(env, i) }
        } else {
            Value::UNDEFINED
        }
    }
    /// Sets slot `i` of environment `env` (nothing past its end).
    pub fn env_set(&mut self, env: Value, i: usize, v: Value) {
        if i < self.env_len(env) {
            // SAFETY: i is below the slot count.
            unsafe { *self.env_slot(env, i) = v };
        }
    }
    fn env_parent(&self, env: Value) -> Value {
        // SAFETY: env values in frame headers / closures are EnvCell pointers.
        unsafe { (*(env.payload() as *const EnvCell)).parent }
    }
    fn env_slot(&self, env: Value, i: usize) -> *mut Value {
        // SAFETY: i < slot count by construction of the compiler's slot indices.
        unsafe { (env.payload() as *mut u8).add(OFF_ENV_SLOTS + 8 * i) as *mut Value }
    }
    fn env_len(&self, env: Value) -> usize {
        // SAFETY: env is an EnvCell pointer.
        unsafe { (*(env.payload() as *const EnvCell)).hdr.aux as usize }
    }
    fn env_at(&self, mut env: Value, depth: u8) -> Value {
        for _ in 0..depth {
            env = self.env_parent(env);
        }
        env
    }

    /// Whether a `with` object binds `a` (ES2025 9.1.1.2.1 HasBinding of an object
    /// environment record with `withEnvironment` true).
    fn with_has(&mut self, o: Value, a: Atom) -> JsResult<bool> {
        let o = crate::js::builtins::to_object(self, o)?;
        if !self.has_property(o, PropKey::Atom(a))? {
            return Ok(false);
        }
        let Some(sym) = crate::js::builtins::well_known_symbol(self, "unscopables") else {
            return Ok(true);
        };
        let un = self.get_named(o, sym)?;
        if !un.is_object() {
            return Ok(true);
        }
        let blocked = self.get_named(un, a)?;
        Ok(!self.truthy(blocked))
    }

    pub fn new_closure(&mut self, code_idx: usize, env: Value) -> Value {
        let flags = self.codes[code_idx].flags;
        let proto = if flags & (F_GENERATOR | F_ASYNC) == F_GENERATOR | F_ASYNC {
            self.realm[realm::ASYNC_GENERATOR_FUNCTION_PROTO]
        } else if flags & F_GENERATOR != 0 {
            self.realm[realm::GENERATOR_FUNCTION_PROTO]
        } else if flags & F_ASYNC != 0 {
            self.realm[realm::ASYNC_FUNCTION_PROTO]
        } else {
            self.realm[realm::FUNCTION_PROTO]
        };
        let f = self.new_object_with(CLASS_CLOSURE, proto);
        let ptr = &*self.codes[code_idx] as *const FunctionCode as usize;
        let o = self.obj_mut(f);
        o.code = ptr;
        o.aux[0] = env;
        f
    }

    // Operand macros nest (`r!(reg!(Move, 1))`), which makes inner unsafe blocks redundant.
    #[allow(unused_unsafe)]
    fn execute(&mut self) -> JsResult<Value> {
        let mut fr = *self.frames.last().expect("frame");
        // Index of the current frame in `self.frames` (kept in sync by `reload!`).
        let mut fi = self.frames.len() - 1;
        // Where the current frame's pc is stored before each op (kept in sync by `reload!`).
        let mut pc_slot = self.frames.pc_slot(fi);
        // SAFETY (all `&*fr.code` below): frame code pointers refer to boxed FunctionCodes owned
        // by self.codes, which are never freed or moved while the VM runs.
        let mut code: &'static FunctionCode = unsafe { &*fr.code };
        let mut fp = fr.fp;
        let mut pc = fr.pc;
        // The current frame's register 0, `&regs[fp]` (kept in sync by `reload!`). A raw
        // pointer from `Vec::as_mut_ptr`, which stays valid while other code indexes the
        // register file (which is never resized: `TierWords::regs_base` relies on it too).
        // SAFETY: fp < REGFILE_CAP = regs.len() (`invoke` checked the whole window).
        let mut base: *mut Value = unsafe { self.regs.as_mut_ptr().add(fp) };
        // Register and operand accesses skip bounds checks: every FunctionCode passed the
        // verifier (registers < nregs, operands inside the code) and `invoke` checked that
        // fp + nregs fits in the register file.
        macro_rules! r {
            ($i:expr) => {
                // SAFETY: see above.
                *unsafe { &*base.add(($i) as usize) }
            };
        }
        macro_rules! w {
            ($i:expr) => {
                // SAFETY: see above.
                *unsafe { &mut *base.add(($i) as usize) }
            };
        }
        // Operand `i` of the op named `$op` (or of any op with the same operand kinds): its
        // byte offset, computed at compile time from the opcode table.
        macro_rules! at {
            ($op:ident, $i:expr) => {
                const { operand_offset(Op::$op, $i) }
            };
        }
        // The register number in operand `i` (a little-endian u16).
        macro_rules! reg {
            ($op:ident, $i:expr) => {
                // SAFETY: see above.
                u16::from_le(unsafe {
                    std::ptr::read_unaligned(code.code.as_ptr().add(pc + at!($op, $i)) as *const u16)
                }) as usize
            };
        }
        macro_rules! u8at {
            ($o:expr) => {
                // SAFETY: see above.
                *unsafe { code.code.get_unchecked(pc + $o) } as usize
            };
        }
        // A little-endian operand of type `$t` at byte offset `$o` of the op (`$o` is always
        // an `at!` operand offset, so the operand lies inside the verified instruction).
        macro_rules! rd {
            ($t:ty, $o:expr) => {
                // SAFETY: see above.
                <$t>::from_le(unsafe {
                    std::ptr::read_unaligned(code.code.as_ptr().add(pc + $o) as *const $t)
                })
            };
        }
        macro_rules! u16at {
            ($o:expr) => {
                rd!(u16, $o) as usize
            };
        }
        macro_rules! u32at {
            ($o:expr) => {
                rd!(u32, $o)
            };
        }
        macro_rules! i32at {
            ($o:expr) => {
                rd!(i32, $o) as isize
            };
        }
        macro_rules! reload {
            () => {{
                fr = *self.frames.last().expect("frame");
                fi = self.frames.len() - 1;
                pc_slot = self.frames.pc_slot(fi);
                // SAFETY: as above, frame code pointers refer to live boxed FunctionCodes.
                code = unsafe { &*fr.code };
                fp = fr.fp;
                // SAFETY: as for `base` above.
                base = unsafe { self.regs.as_mut_ptr().add(fp) };
                pc = fr.pc;
            }};
        }
        // The end of a `Return` (or `Suspend`) whose frame is popped, with result `v`: out of
        // the loop for an entry frame, else into the caller's destination register and on
        // after its call op.
        macro_rules! returned {
            ($entry:expr, $ret_reg:expr, $v:expr) => {{
                let v = $v;
                if $entry {
                    return Ok(v);
                }
                let ret_reg = $ret_reg as usize;
                reload!();
                self.regs[fp + ret_reg] = v;
                let cop = Op::from_u8(code.code[pc]).expect("call op");
                pc += cop.encoded_len();
                continue;
            }};
        }
        // JIT hook: set after compiled code left at `pc`, so the interpreter runs that op.
        let mut jit_skip = std::mem::take(&mut self.tier.skip_once);
        // JIT hook: single-op mode (`Vm::step_op`): the depth of the frame whose one op runs.
        let step_depth = std::mem::take(&mut self.step_depth);
        let mut stepped = step_depth & STEP_RESUMED != 0;
        let step_depth = step_depth & !STEP_RESUMED;
        // Whether any hook runs between ops (single-op mode or a tier); `tier.enabled` is set
        // once when the tier is installed, before any code runs. Without hooks the loop skips
        // their checks altogether.
        let hooks = step_depth != 0 || self.tier.enabled;
        // Handlers shared by a family of ops, expanded once per op with `op` a constant (so
        // each op has its own jump-table entry and no second dispatch on `op`).
        macro_rules! arith {
            ($op:expr) => {{
                let op: Op = $op;
                let (a, b) = (r!(reg!(Sub, 1)), r!(reg!(Sub, 2)));
                let v = if a.is_int() && b.is_int() && op != Op::Div && op != Op::Exp {
                    let (x, y) = (a.as_int(), b.as_int());
                    match op {
                        Op::Sub => x.checked_sub(y).map(Value::int),
                        Op::Mul => match x.checked_mul(y) {
                            Some(0) if x < 0 || y < 0 => None,
                            m => m.map(Value::int),
                        },
                        _ => {
                            if y != 0 && x >= 0 && y > 0 {
                                Some(Value::int(x % y))
                            } else {
                                None
                            }
                        }
                    }
                } else {
                    None
                };
                let v = match v {
                    Some(v) => v,
                    None => {
                        if a.is_number() && b.is_number() {
                            if !(a.is_int() && b.is_int()) {
                                code.saw_double.set(pc);
                            }
                            Value::number(arith(op, a.as_number(), b.as_number()))
                        } else {
                            self.numeric_binary(op, a, b)?
                        }
                    }
                };
                w!(reg!(Sub, 0)) = v;
            }};
        }
        macro_rules! bitwise {
            ($op:expr) => {{
                let op: Op = $op;
                let (a, b) = (r!(reg!(BitAnd, 1)), r!(reg!(BitAnd, 2)));
                w!(reg!(BitAnd, 0)) = if a.is_int() && b.is_int() {
                    numeric::int_bit_op(op, a.as_int(), b.as_int())
                } else if a.is_number() && b.is_number() {
                    numeric::number_op(op, a.as_number(), b.as_number())
                } else {
                    self.numeric_binary(op, a, b)?
                };
            }};
        }
        macro_rules! strict_eq {
            ($op:expr) => {{
                let op: Op = $op;
                let (a, b) = (r!(reg!(StrictEq, 1)), r!(reg!(StrictEq, 2)));
                // Two int32s are equal exactly when their encodings are.
                let e = if a.is_int() && b.is_int() {
                    a.0 == b.0
                } else {
                    self.strict_equals(a, b)
                };
                w!(reg!(StrictEq, 0)) = Value::bool(e == (op == Op::StrictEq));
            }};
        }
        macro_rules! relational {
            ($op:expr) => {{
                let op: Op = $op;
                let (a, b) = (r!(reg!(LessThan, 1)), r!(reg!(LessThan, 2)));
                let res = if a.is_int() && b.is_int() {
                    let (x, y) = (a.as_int(), b.as_int());
                    match op {
                        Op::LessThan => x < y,
                        Op::LessEq => x <= y,
                        Op::GreaterThan => x > y,
                        _ => x >= y,
                    }
                } else if a.is_number() && b.is_number() {
                    let (x, y) = (a.as_number(), b.as_number());
                    match op {
                        Op::LessThan => x < y,
                        Op::LessEq => x <= y,
                        Op::GreaterThan => x > y,
                        _ => x >= y,
                    }
                } else {
                    match op {
                        Op::LessThan => self.less_than(a, b, true)? == Some(true),
                        Op::GreaterThan => self.less_than(b, a, false)? == Some(true),
                        Op::LessEq => self.less_than(b, a, false)? == Some(false),
                        _ => self.less_than(a, b, true)? == Some(false),
                    }
                };
                w!(reg!(LessThan, 0)) = Value::bool(res);
            }};
        }
        macro_rules! jump_if_bool {
            ($op:expr) => {{
                let op: Op = $op;
                let v = r!(reg!(JumpIfTrue, 0));
                let t = match v.0 {
                    crate::js::value::TRUE => true,
                    crate::js::value::FALSE => false,
                    _ => self.truthy(v),
                };
                if t == (op == Op::JumpIfTrue) {
                    pc = (pc as isize + i32at!(at!(JumpIfTrue, 1))) as usize;
                    continue;
                }
            }};
        }
        loop {
            // SAFETY: pc_slot points into the frame array, which lives as long as the VM
            // (`FrameStack::pc_slot`); it is the current frame's because frames are pushed and
            // popped only by calls and returns, after which `reload!` recomputes it, and
            // natives restore the depth.
            unsafe { *pc_slot = pc };
            if self.heap.gc_requested {
                self.collect_garbage();
            }
            if !hooks {
            } else if step_depth != 0 && fi + 1 == step_depth {
                if stepped {
                    return Ok(Value::int(pc as i32));
                }
                stepped = true;
            } else if self.tier.enabled {
                // The tier (`js::tiering`): run compiled code for this frame from pc if there
                // is any, then continue at the op where it stopped.
                if jit_skip {
                    jit_skip = false;
                } else if self.tier.wants(code, pc) {
                    let enter_at = self.tier.hooks.expect("an enabled tier has hooks").enter_at;
                    match enter_at(self, code, fp, pc) {
                        Entered::No => {}
                        Entered::Left(next) => {
                            pc = next;
                            jit_skip = true;
                            continue;
                        }
                        Entered::Resume(next) => {
                            pc = next;
                            continue;
                        }
                        Entered::Reload => {
                            reload!();
                            jit_skip = std::mem::take(&mut self.tier.skip_once);
                            continue;
                        }
                        Entered::Threw => return Err(Thrown),
                        // `fr` is the frame compiled code popped.
                        Entered::Returned(v) => returned!(fr.entry, fr.ret_reg, v),
                    }
                }
            }
            self.stats.instructions += 1;
            // SAFETY: pc is an instruction start inside `code`, and every opcode byte of a
            // FunctionCode is valid: `FunctionCode::verify` (js/bytecode/verify.rs) checked
            // both (jump and handler targets land on instruction starts, the code ends with an
            // unconditional transfer, calls resume after their call op; the pcs the tier hands
            // back are those of ops its compiled code was generated from).
            let op = unsafe { Op::from_u8_unchecked(*code.code.get_unchecked(pc)) };
            let len = op.encoded_len();
            match op {
                Op::Nop => {}
                Op::LoadConst => w!(reg!(LoadConst, 0)) = code.consts[u16at!(at!(LoadConst, 1))],
                Op::LoadInt8 => {
                    w!(reg!(LoadInt8, 0)) = Value::int(u8at!(at!(LoadInt8, 1)) as u8 as i8 as i32)
                }
                Op::LoadUndefined => w!(reg!(LoadUndefined, 0)) = Value::UNDEFINED,
                Op::LoadNull => w!(reg!(LoadNull, 0)) = Value::NULL,
                Op::LoadTrue => w!(reg!(LoadTrue, 0)) = Value::TRUE,
                Op::LoadFalse => w!(reg!(LoadFalse, 0)) = Value::FALSE,
                Op::LoadEmpty => w!(reg!(LoadEmpty, 0)) = Value::EMPTY,
                Op::Move => w!(reg!(Move, 0)) = r!(reg!(Move, 1)),
                Op::Add => {
                    let (a, b) = (r!(reg!(Add, 1)), r!(reg!(Add, 2)));
                    w!(reg!(Add, 0)) = if a.is_int() && b.is_int() {
                        match a.as_int().checked_add(b.as_int()) {
                            Some(s) => Value::int(s),
                            None => Value::double(a.as_int() as f64 + b.as_int() as f64),
                        }
                    } else if a.is_number() && b.is_number() {
                        code.saw_double.set(pc);
                        Value::number(a.as_number() + b.as_number())
                    } else {
                        self.add_values(a, b)?
                    };
                }
                Op::Sub => arith!(Op::Sub),
                Op::Mul => arith!(Op::Mul),
                Op::Div => arith!(Op::Div),
                Op::Rem => arith!(Op::Rem),
                Op::Exp => arith!(Op::Exp),
                Op::BitAnd => bitwise!(Op::BitAnd),
                Op::BitOr => bitwise!(Op::BitOr),
                Op::BitXor => bitwise!(Op::BitXor),
                Op::Shl => bitwise!(Op::Shl),
                Op::Shr => bitwise!(Op::Shr),
                Op::UShr => bitwise!(Op::UShr),
                Op::Eq | Op::NotEq => {
                    let (a, b) = (r!(reg!(Eq, 1)), r!(reg!(Eq, 2)));
                    let e = if a.is_int() && b.is_int() {
                        a.0 == b.0
                    } else {
                        self.loose_equals(a, b)?
                    };
                    w!(reg!(Eq, 0)) = Value::bool(e == (op == Op::Eq));
                }
                Op::StrictEq => strict_eq!(Op::StrictEq),
                Op::StrictNotEq => strict_eq!(Op::StrictNotEq),
                Op::LessThan => relational!(Op::LessThan),
                Op::LessEq => relational!(Op::LessEq),
                Op::GreaterThan => relational!(Op::GreaterThan),
                Op::GreaterEq => relational!(Op::GreaterEq),
                Op::InstanceOf => {
                    let (a, b) = (r!(reg!(InstanceOf, 1)), r!(reg!(InstanceOf, 2)));
                    w!(reg!(InstanceOf, 0)) = Value::bool(self.instance_of(a, b)?);
                }
                Op::In => {
                    let (k, o) = (r!(reg!(In, 1)), r!(reg!(In, 2)));
                    w!(reg!(In, 0)) = Value::bool(self.in_operator(k, o)?);
                }
                Op::Neg => {
                    let a = r!(reg!(Neg, 1));
                    w!(reg!(Neg, 0)) = if a.is_int() && a.as_int() != 0 && a.as_int() != i32::MIN {
                        Value::int(-a.as_int())
                    } else {
                        self.numeric_unary(op, a)?
                    };
                }
                Op::BitNot => {
                    let a = r!(reg!(BitNot, 1));
                    w!(reg!(BitNot, 0)) = if a.is_int() {
                        Value::int(!a.as_int())
                    } else {
                        self.numeric_unary(op, a)?
                    };
                }
                Op::Not => {
                    let t = self.truthy(r!(reg!(Not, 1)));
                    w!(reg!(Not, 0)) = Value::bool(!t);
                }
                Op::ToNumber => {
                    let v = self.to_number_value(r!(reg!(ToNumber, 1)))?;
                    w!(reg!(ToNumber, 0)) = v;
                }
                Op::ToNumeric => {
                    let v = self.to_numeric(r!(reg!(ToNumeric, 1)))?;
                    w!(reg!(ToNumeric, 0)) = v;
                }
                Op::ToString => {
                    let v = self.to_string(r!(reg!(ToString, 1)))?;
                    w!(reg!(ToString, 0)) = v;
                }
                Op::TypeOf => {
                    let t = self.type_of_atom(r!(reg!(TypeOf, 1)));
                    w!(reg!(TypeOf, 0)) = self.atom_value(t);
                }
                Op::Inc | Op::Dec => {
                    let a = r!(reg!(Inc, 1));
                    let d = if op == Op::Inc { 1 } else { -1 };
                    w!(reg!(Inc, 0)) = if a.is_int() {
                        match a.as_int().checked_add(d) {
                            Some(v) => Value::int(v),
                            None => Value::double(a.as_int() as f64 + d as f64),
                        }
                    } else {
                        self.numeric_unary(op, a)?
                    };
                }
                Op::Jump => {
                    pc = (pc as isize + i32at!(at!(Jump, 0))) as usize;
                    continue;
                }
                Op::JumpIfTrue => jump_if_bool!(Op::JumpIfTrue),
                Op::JumpIfFalse => jump_if_bool!(Op::JumpIfFalse),
                Op::JumpIfNullish | Op::JumpIfNotNullish => {
                    if r!(reg!(JumpIfNullish, 0)).is_nullish() == (op == Op::JumpIfNullish) {
                        pc = (pc as isize + i32at!(at!(JumpIfNullish, 1))) as usize;
                        continue;
                    }
                }
                Op::JumpIfUndefined | Op::JumpIfNotUndefined => {
                    if r!(reg!(JumpIfUndefined, 0)).is_undefined() == (op == Op::JumpIfUndefined) {
                        pc = (pc as isize + i32at!(at!(JumpIfUndefined, 1))) as usize;
                        continue;
                    }
                }
                Op::LoopHint => {
                    code.back_edges.set(code.back_edges.get().wrapping_add(1));
                }
                Op::LoadGlobal => {
                    let a = Atom(u32at!(at!(LoadGlobal, 1)));
                    let ic = code.ic(u16at!(at!(LoadGlobal, 2)));
                    let g = self.global;
                    let shape = self.obj(g).shape as usize;
                    let v = match ic.find(shape) {
                        Some(e) if e.kind == IC_OWN => {
                            self.stats.ic_hits += 1;
                            // SAFETY: the cached slot is within the global's slot storage for this shape.
                            unsafe { *self.obj(g).slots.add(e.slot as usize) }
                        }
                        _ => match self.lookup(g, PropKey::Atom(a)) {
                            None => {
                                let n = self.atom_name(a);
                                return Err(
                                    self.throw_reference_error(&format!("{n} is not defined"))
                                );
                            }
                            Some(_) => self.get_named_ic(g, a, ic)?,
                        },
                    };
                    w!(reg!(LoadGlobal, 0)) = v;
                }
                Op::StoreGlobal => {
                    let a = Atom(u32at!(at!(StoreGlobal, 1)));
                    let ic = code.ic(u16at!(at!(StoreGlobal, 2)));
                    let v = r!(reg!(StoreGlobal, 0));
                    let g = self.global;
                    if code.has(F_STRICT) && self.lookup(g, PropKey::Atom(a)).is_none() {
                        let n = self.atom_name(a);
                        return Err(self.throw_reference_error(&format!("{n} is not defined")));
                    }
                    self.set_named_ic(g, a, v, ic)?;
                }
                Op::TypeOfGlobal => {
                    let a = Atom(u32at!(at!(TypeOfGlobal, 1)));
                    let g = self.global;
                    let v = if self.lookup(g, PropKey::Atom(a)).is_some() {
                        self.get_named(g, a)?
                    } else {
                        Value::UNDEFINED
                    };
                    let t = self.type_of_atom(v);
                    w!(reg!(TypeOfGlobal, 0)) = self.atom_value(t);
                }
                Op::GetPropertyByName => {
                    let o = r!(reg!(GetPropertyByName, 1));
                    let a = Atom(u32at!(at!(GetPropertyByName, 2)));
                    let ic = code.ic(u16at!(at!(GetPropertyByName, 3)));
                    let mut hit = None;
                    if o.is_object() {
                        let ob = self.obj(o);
                        if ob.hdr.class == CLASS_ARRAY
                            && a == atoms::LENGTH
                            && ob.aux[0].is_undefined()
                        {
                            hit = Some(Value::int(ob.elem_len as i32));
                        } else if let Some(e) = ic.find(ob.shape as usize) {
                            if e.kind == IC_OWN {
                                // SAFETY: shape match guarantees the slot exists.
                                hit = Some(unsafe { *ob.slots.add(e.slot as usize) });
                            } else if e.kind == IC_PROTO && e.epoch == self.proto_epoch {
                                // SAFETY: epoch match guarantees the holder is still the
                                // prototype with that slot layout.
                                hit = Some(unsafe {
                                    let h = &*(e.aux as *const crate::js::heap::cells::ObjCell);
                                    *h.slots.add(e.slot as usize)
                                });
                            }
                        }
                    } else if o.is_string()
                        && let Some(e) = ic.find(STRING_RECEIVER)
                        && e.kind == IC_PROTO
                        && e.epoch == self.proto_epoch
                    {
                        // SAFETY: as for objects' prototype hits.
                        hit = Some(unsafe {
                            let h = &*(e.aux as *const crate::js::heap::cells::ObjCell);
                            *h.slots.add(e.slot as usize)
                        });
                    }
                    let v = match hit {
                        Some(v) => {
                            self.stats.ic_hits += 1;
                            v
                        }
                        None => self.get_named_ic(o, a, ic)?,
                    };
                    w!(reg!(GetPropertyByName, 0)) = v;
                }
                Op::SetPropertyByName => {
                    let o = r!(reg!(SetPropertyByName, 0));
                    let a = Atom(u32at!(at!(SetPropertyByName, 1)));
                    let v = r!(reg!(SetPropertyByName, 2));
                    let ic = code.ic(u16at!(at!(SetPropertyByName, 3)));
                    let mut done = false;
                    if o.is_object() {
                        let flags = self.obj(o).hdr.flags;
                        if let Some(e) = ic.find(self.obj(o).shape as usize).copied() {
                            if e.kind == IC_OWN && flags & FLAG_FROZEN == 0 {
                                let ob = self.obj_mut(o);
                                // SAFETY: shape match guarantees the slot exists.
                                unsafe { *ob.slots.add(e.slot as usize) = v };
                                done = true;
                            } else if e.kind == IC_ADD
                                && e.epoch == self.proto_epoch
                                && flags & (FLAG_FROZEN | FLAG_NOT_EXTENSIBLE | FLAG_IS_PROTO) == 0
                            {
                                self.ensure_slot_cap(o, e.slot as usize + 1);
                                let ob = self.obj_mut(o);
                                // SAFETY: capacity ensured above.
                                unsafe { *ob.slots.add(e.slot as usize) = v };
                                ob.shape = e.aux as *const crate::js::shape::Shape;
                                done = true;
                            }
                        }
                    }
                    if done {
                        self.stats.ic_hits += 1;
                    } else {
                        self.set_failed = None;
                        self.set_named_ic(o, a, v, ic)?;
                        if let Some(f) = self.set_failed.take()
                            && code.has(F_STRICT)
                        {
                            return Err(self.strict_set_error(f, o, PropKey::Atom(a)));
                        }
                    }
                }
                Op::GetElement => {
                    let o = r!(reg!(GetElement, 1));
                    let k = r!(reg!(GetElement, 2));
                    let mut fast = None;
                    if o.is_object() && k.is_int() && k.as_int() >= 0 {
                        let ob = self.obj(o);
                        if ob.hdr.class == CLASS_ARRAY && (k.as_int() as u32) < ob.elem_len {
                            // SAFETY: index < elem_len.
                            let v = unsafe { *ob.elements.add(k.as_int() as usize) };
                            if !v.is_empty() {
                                fast = Some(v);
                            }
                        } else if is_typed_class(ob.hdr.class) {
                            // Typed array element (out of bounds: the generic path answers).
                            fast = self.ta_get(o, k.as_int() as usize);
                        }
                    }
                    let v = match fast {
                        Some(v) => v,
                        None => self.get_element_slow(o, k)?,
                    };
                    w!(reg!(GetElement, 0)) = v;
                }
                Op::SetElement => {
                    let o = r!(reg!(SetElement, 0));
                    let k = r!(reg!(SetElement, 1));
                    let v = r!(reg!(SetElement, 2));
                    let mut done = false;
                    if o.is_object()
                        && k.is_int()
                        && k.as_int() >= 0
                        && v.is_number()
                        && self.ta_kind(o).is_some_and(|kind| !kind.is_bigint())
                    {
                        // A Number typed array's store of a number needs no conversion
                        // (§10.4.5.5; an invalid index is silently ignored).
                        self.ta_put(o, k.as_int() as usize, v);
                        done = true;
                    }
                    if !done && o.is_object() && k.is_int() && k.as_int() >= 0 {
                        done = self.store_dense_element(o, k.as_int() as u32, v);
                    }
                    if !done {
                        self.set_element_slow(code.has(F_STRICT), o, k, v)?;
                    }
                }
                Op::DefineField => {
                    let o = r!(reg!(DefineField, 0));
                    let a = Atom(u32at!(at!(DefineField, 1)));
                    let v = r!(reg!(DefineField, 2));
                    self.define_field(o, a, v);
                }
                Op::DefineElement => {
                    let o = r!(reg!(DefineElement, 0));
                    let pk = self.to_property_key(r!(reg!(DefineElement, 1)))?;
                    let v = r!(reg!(DefineElement, 2));
                    self.define_own(o, pk, v, shape::DEFAULT);
                }
                Op::DefineMethod => {
                    let o = r!(reg!(DefineMethod, 0));
                    let pk = self.to_property_key(r!(reg!(DefineMethod, 1)))?;
                    let f = r!(reg!(DefineMethod, 2));
                    self.check_method_definable(o, pk)?;
                    self.set_home(f, o);
                    self.define_own(o, pk, f, shape::HIDDEN);
                }
                Op::DefineGetter | Op::DefineSetter => {
                    let o = r!(reg!(DefineGetter, 0));
                    let pk = self.to_property_key(r!(reg!(DefineGetter, 1)))?;
                    let f = r!(reg!(DefineGetter, 2));
                    let enumerable = u8at!(at!(DefineGetter, 3)) != 0;
                    self.check_method_definable(o, pk)?;
                    self.set_home(f, o);
                    self.define_accessor(o, pk, f, op == Op::DefineGetter, enumerable);
                }
                Op::DeleteProperty => {
                    let o = r!(reg!(DeleteProperty, 1));
                    if o.is_nullish() {
                        return Err(
                            self.throw_type_error("Cannot convert undefined or null to object")
                        );
                    }
                    let pk = self.to_property_key(r!(reg!(DeleteProperty, 2)))?;
                    let ok = self.delete_property(o, pk)?;
                    if !ok && code.has(F_STRICT) {
                        return Err(self.delete_error(o, pk));
                    }
                    w!(reg!(DeleteProperty, 0)) = Value::bool(ok);
                }
                Op::NewObject => w!(reg!(NewObject, 0)) = self.new_literal_object(),
                Op::NewArray => w!(reg!(NewArray, 0)) = self.new_literal_array(),
                Op::ArrayPush => {
                    let (a, v) = (r!(reg!(ArrayPush, 0)), r!(reg!(ArrayPush, 1)));
                    self.array_push(a, v);
                }
                Op::ArrayPushHole => {
                    let a = r!(reg!(ArrayPushHole, 0));
                    self.array_push(a, Value::EMPTY);
                }
                Op::ArraySpread => {
                    let (a, v) = (r!(reg!(ArraySpread, 0)), r!(reg!(ArraySpread, 1)));
                    let items = self.iterate_to_vec(v)?;
                    for x in items {
                        self.array_push(a, x);
                    }
                }
                Op::CopyDataProperties => {
                    let (d, s) = (
                        r!(reg!(CopyDataProperties, 0)),
                        r!(reg!(CopyDataProperties, 1)),
                    );
                    self.copy_data_properties(d, s, &[])?;
                }
                Op::ObjectRest => {
                    let s = r!(reg!(ObjectRest, 1));
                    let base = reg!(ObjectRest, 2);
                    let n = u8at!(at!(ObjectRest, 3));
                    let excl: Vec<Value> = (0..n).map(|i| r!(base + i)).collect();
                    let d = self.new_object();
                    w!(reg!(ObjectRest, 0)) = d;
                    self.copy_data_properties(d, s, &excl)?;
                }
                Op::CreateClosure => {
                    let idx = code.consts[u16at!(at!(CreateClosure, 1))].as_int() as usize;
                    let f = self.create_closure(idx, fp);
                    w!(reg!(CreateClosure, 0)) = f;
                }
                Op::CreateClass => {
                    let idx = code.consts[u16at!(at!(CreateClass, 1))].as_int() as usize;
                    let sup = r!(reg!(CreateClass, 2));
                    let has_super = u8at!(at!(CreateClass, 3)) != 0;
                    let env = self.regs[fp - HDR_ENV];
                    let c = self.create_class(idx, env, sup, has_super)?;
                    w!(reg!(CreateClass, 0)) = c;
                }
                Op::SetClassFields => {
                    let c = r!(reg!(SetClassFields, 0));
                    let f = r!(reg!(SetClassFields, 1));
                    let proto = self.get_named(c, atoms::PROTOTYPE)?;
                    self.obj_mut(f).aux[1] = proto;
                    self.obj_mut(c).aux[2] = f;
                }
                Op::SetFunctionName => {
                    let f = r!(reg!(SetFunctionName, 0));
                    let mut k = r!(reg!(SetFunctionName, 1));
                    if f.is_object()
                        && self.class_of(f) == CLASS_CLOSURE
                        && self.find_own(f, atoms::NAME).is_none()
                    {
                        if self.is_spec_object(k) {
                            // A computed key's ToPrimitive may give a symbol.
                            self.roots.push(f);
                            let pk = self.to_property_key(k);
                            self.roots.pop();
                            k = self.key_to_value(pk?);
                        }
                        let s = if k.is_object() && self.class_of(k) == CLASS_SYMBOL {
                            let d = self.obj(k).aux[1];
                            let d = if d.is_string() {
                                self.str_to_string(d)
                            } else {
                                String::new()
                            };
                            self.new_str(&format!("[{d}]"))
                        } else {
                            self.to_string(k)?
                        };
                        self.define_own(f, PropKey::Atom(atoms::NAME), s, shape::CONFIGURABLE);
                    }
                }
                Op::LoadThis => {
                    let t = self.regs[fp - HDR_THIS];
                    if t.is_empty() {
                        return Err(self.throw_reference_error(
                            "Must call super constructor in derived class before accessing 'this' or returning from derived constructor",
                        ));
                    }
                    w!(reg!(LoadThis, 0)) = t;
                }
                Op::BindThis => {
                    if !self.regs[fp - HDR_THIS].is_empty() {
                        return Err(
                            self.throw_reference_error("Super constructor may only be called once")
                        );
                    }
                    let t = r!(reg!(BindThis, 0));
                    self.regs[fp - HDR_THIS] = t;
                    let callee = self.regs[fp - HDR_CALLEE];
                    let fields = self.obj(callee).aux[2];
                    if fields.is_object() {
                        self.call_function(fields, t, &[])?;
                    }
                }
                Op::LoadCallee => w!(reg!(LoadCallee, 0)) = self.regs[fp - HDR_CALLEE],
                Op::LoadNewTarget => w!(reg!(LoadNewTarget, 0)) = self.regs[fp - HDR_NEW_TARGET],
                Op::PushContext => self.push_context(fp, u16at!(at!(PushContext, 0))),
                Op::PopContext => {
                    let e = self.regs[fp - HDR_ENV];
                    self.regs[fp - HDR_ENV] = self.env_parent(e);
                }
                Op::CopyContext => self.copy_context(fp),
                Op::GetEnv => w!(reg!(GetEnv, 0)) = self.regs[fp - HDR_ENV],
                Op::SetEnv => self.regs[fp - HDR_ENV] = r!(reg!(SetEnv, 0)),
                Op::LoadContextSlot => {
                    let e = self.env_at(
                        self.regs[fp - HDR_ENV],
                        u8at!(at!(LoadContextSlot, 1)) as u8,
                    );
                    // SAFETY: slot index from the compiler is within the env.
                    w!(reg!(LoadContextSlot, 0)) =
                        unsafe { *self.env_slot(e, u16at!(at!(LoadContextSlot, 2))) };
                }
                Op::StoreContextSlot => {
                    let e = self.env_at(
                        self.regs[fp - HDR_ENV],
                        u8at!(at!(StoreContextSlot, 1)) as u8,
                    );
                    let v = r!(reg!(StoreContextSlot, 0));
                    // SAFETY: slot index from the compiler is within the env.
                    unsafe { *self.env_slot(e, u16at!(at!(StoreContextSlot, 2))) = v };
                }
                Op::ThrowIfEmpty => {
                    if r!(reg!(ThrowIfEmpty, 0)).is_empty() {
                        let n = self.atom_name(Atom(u32at!(at!(ThrowIfEmpty, 1))));
                        return Err(self.throw_reference_error(&format!(
                            "Cannot access '{n}' before initialization"
                        )));
                    }
                }
                Op::ThrowConstAssign => {
                    return Err(self.throw_type_error("Assignment to constant variable."));
                }
                Op::Call | Op::CallMethod | Op::New => {
                    let c = self.call_op_operands(code, pc, fp)?;
                    let sp = self.sp;
                    match self.invoke(c.f, c.this, c.at, c.argc, c.nt, c.dst, false, sp)? {
                        Invoked::Pushed => {
                            reload!();
                            continue;
                        }
                        Invoked::Done(v) => w!(c.dst) = v,
                    }
                }
                Op::CallSpread | Op::NewSpread | Op::SuperCallSpread | Op::SuperCall => {
                    // Every one of these ops has its destination register first.
                    let dst = reg!(CallSpread, 0);
                    let (f, this, nt, arr) = match op {
                        Op::CallSpread => (
                            r!(reg!(CallSpread, 1)),
                            r!(reg!(CallSpread, 2)),
                            Value::UNDEFINED,
                            Some(r!(reg!(CallSpread, 3))),
                        ),
                        Op::NewSpread => {
                            let f = r!(reg!(NewSpread, 1));
                            if !self.is_constructor(f) {
                                let n = code
                                    .call_name(pc as u32)
                                    .map(|s| s.to_string())
                                    .unwrap_or_else(|| self.short_describe(f));
                                return Err(
                                    self.throw_type_error(&format!("{n} is not a constructor"))
                                );
                            }
                            (f, Value::UNDEFINED, f, Some(r!(reg!(NewSpread, 2))))
                        }
                        _ => {
                            let callee = self.regs[fp - HDR_CALLEE];
                            let parent = self.obj(callee).proto;
                            if !self.is_constructor(parent) {
                                return Err(
                                    self.throw_type_error("Super constructor is not a constructor")
                                );
                            }
                            let nt = self.regs[fp - HDR_NEW_TARGET];
                            let arr = if op == Op::SuperCallSpread {
                                Some(r!(reg!(SuperCallSpread, 1)))
                            } else {
                                None
                            };
                            (parent, Value::UNDEFINED, nt, arr)
                        }
                    };
                    let sp = self.sp;
                    let (at, argc) = match arr {
                        Some(a) => {
                            let items = self.iterate_to_vec(a)?;
                            let at = self.sp;
                            if at + items.len() + HEADER + 8 > REGFILE_CAP {
                                return Err(
                                    self.throw_range_error("Maximum call stack size exceeded")
                                );
                            }
                            self.regs[at..at + items.len()].copy_from_slice(&items);
                            self.sp = at + items.len();
                            (at, items.len())
                        }
                        None => (fp + reg!(SuperCall, 1), u8at!(at!(SuperCall, 2))),
                    };
                    let res = self.invoke(f, this, at, argc, nt, dst as u16, false, sp);
                    match res {
                        Ok(Invoked::Pushed) => {
                            reload!();
                            continue;
                        }
                        Ok(Invoked::Done(v)) => {
                            self.sp = sp;
                            w!(dst) = v;
                        }
                        Err(t) => {
                            self.sp = sp;
                            return Err(t);
                        }
                    }
                }
                Op::GetSuperProperty => {
                    let callee = self.regs[fp - HDR_CALLEE];
                    let home = self.obj(callee).aux[1];
                    let this = self.regs[fp - HDR_THIS];
                    let pk = self.to_property_key(r!(reg!(GetSuperProperty, 1)))?;
                    let v = if home.is_object() {
                        let p = self.obj(home).proto;
                        match if p.is_object() {
                            self.lookup(p, pk)
                        } else {
                            None
                        } {
                            Some((_, v, f)) if f & shape::ACCESSOR != 0 => {
                                let (g, _) = self.accessor_parts(v);
                                if g.is_undefined() {
                                    Value::UNDEFINED
                                } else {
                                    self.call_function(g, this, &[])?
                                }
                            }
                            Some((_, v, _)) => v,
                            None => Value::UNDEFINED,
                        }
                    } else {
                        Value::UNDEFINED
                    };
                    w!(reg!(GetSuperProperty, 0)) = v;
                }
                Op::Return => {
                    let (f, v) = self.pop_return(r!(reg!(Return, 0)))?;
                    returned!(f.entry, f.ret_reg, v)
                }
                Op::Throw => {
                    let v = r!(reg!(Throw, 0));
                    return Err(self.throw_value(v));
                }
                Op::GetIterator => {
                    let it = self.get_iterator(r!(reg!(GetIterator, 1)))?;
                    w!(reg!(GetIterator, 0)) = it;
                }
                Op::ForInPrepare => {
                    let it = self.for_in_iterator(r!(reg!(ForInPrepare, 1)))?;
                    w!(reg!(ForInPrepare, 0)) = it;
                }
                Op::GeneratorCreate => {
                    let callee = self.regs[fp - HDR_CALLEE];
                    let g = self.create_generator(callee)?;
                    w!(reg!(GeneratorCreate, 0)) = g;
                }
                Op::Suspend => {
                    let (g, v) = (r!(reg!(Suspend, 0)), r!(reg!(Suspend, 1)));
                    let v = self.suspend_generator(g, fp, pc, u8at!(at!(Suspend, 3)) as u8, v)?;
                    // The frame is left as `Return` leaves it.
                    let (f, v) = self.pop_return(v)?;
                    returned!(f.entry, f.ret_reg, v)
                }
                Op::YieldDelegate => {
                    let s = reg!(YieldDelegate, 2);
                    let (it, sent, mode) = (r!(reg!(YieldDelegate, 1)), r!(s), r!(s + 1).as_int());
                    let (v, done) = self.yield_delegate(it, sent, mode)?;
                    w!(reg!(YieldDelegate, 0)) = v;
                    if done {
                        pc = (pc as isize + i32at!(at!(YieldDelegate, 3))) as usize;
                        continue;
                    }
                }
                Op::AsyncCreate => w!(reg!(AsyncCreate, 0)) = self.create_async(),
                Op::GetAsyncIterator => {
                    let it = self.get_async_iterator(r!(reg!(GetAsyncIterator, 1)))?;
                    w!(reg!(GetAsyncIterator, 0)) = it;
                }
                Op::AsyncIterStep => match self.async_iter_step(r!(reg!(AsyncIterStep, 1)))? {
                    Some(v) => w!(reg!(AsyncIterStep, 0)) = v,
                    None => {
                        pc = (pc as isize + i32at!(at!(AsyncIterStep, 2))) as usize;
                        continue;
                    }
                },
                Op::AsyncSettle => {
                    let (g, v) = (r!(reg!(AsyncSettle, 1)), r!(reg!(AsyncSettle, 2)));
                    w!(reg!(AsyncSettle, 0)) =
                        self.settle_async(g, u8at!(at!(AsyncSettle, 3)) != 0, v)?;
                }
                Op::WithHas => {
                    let has = self.with_has(r!(reg!(WithHas, 1)), Atom(u32at!(at!(WithHas, 2))))?;
                    w!(reg!(WithHas, 0)) = Value::bool(has);
                }
                Op::YieldDelegateCall => {
                    let s = reg!(YieldDelegateCall, 2);
                    let (it, sent, mode) =
                        (r!(reg!(YieldDelegateCall, 1)), r!(s), r!(s + 1).as_int());
                    match self.yield_delegate_call(it, sent, mode)? {
                        Some(v) => w!(reg!(YieldDelegateCall, 0)) = v,
                        None => {
                            w!(reg!(YieldDelegateCall, 0)) = sent;
                            pc = (pc as isize + i32at!(at!(YieldDelegateCall, 3))) as usize;
                            continue;
                        }
                    }
                }
                Op::IterResultValue => {
                    let res = r!(reg!(IterResultValue, 1));
                    let (v, done) = self.iter_result_value(res)?;
                    w!(reg!(IterResultValue, 0)) = v;
                    if done {
                        pc = (pc as isize + i32at!(at!(IterResultValue, 2))) as usize;
                        continue;
                    }
                }
                Op::DirectEval => {
                    let (base, argc) = (reg!(DirectEval, 2), u8at!(at!(DirectEval, 3)));
                    let args: Vec<Value> = (0..argc).map(|i| r!(base + i)).collect();
                    let (f, snapshot) = (
                        r!(reg!(DirectEval, 1)),
                        code.consts[u16at!(at!(DirectEval, 4))],
                    );
                    let env = self.regs[fp - HDR_ENV];
                    // Eval code's `super.x` reads the caller's home object and `this`.
                    let caller = crate::js::script::EvalCaller {
                        home: self.obj(self.regs[fp - HDR_CALLEE]).aux[1],
                        this: self.regs[fp - HDR_THIS],
                    };
                    let mode = u8at!(at!(DirectEval, 5)) as u8;
                    let v = self.direct_eval(f, &args, snapshot, env, mode, caller)?;
                    w!(reg!(DirectEval, 0)) = v;
                }
                Op::RequireObject => {
                    let v = r!(reg!(RequireObject, 0));
                    if !v.is_object() {
                        let d = self.short_describe(v);
                        return Err(
                            self.throw_type_error(&format!("Iterator result {d} is not an object"))
                        );
                    }
                }
                Op::RequireObjectCoercible => {
                    let v = r!(reg!(RequireObjectCoercible, 0));
                    if v.is_nullish() {
                        let d = if v.is_null() { "null" } else { "undefined" };
                        return Err(self
                            .throw_type_error(&format!("Cannot destructure '{d}' as it is {d}.")));
                    }
                }
                Op::IteratorClose => {
                    // Quiet (closing for a throw): the exception being rethrown wins.
                    self.iterator_close(
                        r!(reg!(IteratorClose, 0)),
                        u8at!(at!(IteratorClose, 1)) != 0,
                    )?;
                }
                Op::IteratorNext | Op::ForInNext => {
                    let it = r!(reg!(IteratorNext, 1));
                    match self.iterator_next(it)? {
                        Some(v) => w!(reg!(IteratorNext, 0)) = v,
                        None => {
                            w!(reg!(IteratorNext, 0)) = Value::UNDEFINED;
                            pc = (pc as isize + i32at!(at!(IteratorNext, 2))) as usize;
                            continue;
                        }
                    }
                }
                Op::LoadImport => {
                    let cell = code.consts[u16at!(at!(LoadImport, 1))];
                    w!(reg!(LoadImport, 0)) = self.load_import(cell)?;
                }
                Op::DynamicImport => {
                    let spec = r!(reg!(DynamicImport, 1));
                    let file = code.file.clone();
                    w!(reg!(DynamicImport, 0)) = self.dynamic_import(spec, &file)?;
                }
                Op::ToPropertyKey => {
                    let pk = self.to_property_key(r!(reg!(ToPropertyKey, 1)))?;
                    w!(reg!(ToPropertyKey, 0)) = self.key_to_value(pk);
                }
                Op::NewPrivateName => {
                    let desc = code.consts[u16at!(at!(NewPrivateName, 1))];
                    let brand = code.consts[u16at!(at!(NewPrivateName, 2))];
                    w!(reg!(NewPrivateName, 0)) = self.new_private_name(desc, brand);
                }
                Op::PrivateMethod => {
                    let (name, f, home) = (
                        r!(reg!(PrivateMethod, 0)),
                        r!(reg!(PrivateMethod, 1)),
                        r!(reg!(PrivateMethod, 2)),
                    );
                    self.set_home(f, home);
                    let kind = u8at!(at!(PrivateMethod, 3)) as u8;
                    self.set_private_method(name, f, kind);
                }
                Op::DefinePrivate => {
                    let (o, name, v) = (
                        r!(reg!(DefinePrivate, 0)),
                        r!(reg!(DefinePrivate, 1)),
                        r!(reg!(DefinePrivate, 2)),
                    );
                    self.private_field_add(o, name, v)?;
                }
                Op::AddPrivateMethod => {
                    let (o, name) = (r!(reg!(AddPrivateMethod, 0)), r!(reg!(AddPrivateMethod, 1)));
                    self.private_method_add(o, name)?;
                }
                Op::GetPrivate => {
                    let (o, name) = (r!(reg!(GetPrivate, 1)), r!(reg!(GetPrivate, 2)));
                    w!(reg!(GetPrivate, 0)) = self.private_get(o, name)?;
                }
                Op::SetPrivate => {
                    let (o, name, v) = (
                        r!(reg!(SetPrivate, 0)),
                        r!(reg!(SetPrivate, 1)),
                        r!(reg!(SetPrivate, 2)),
                    );
                    self.private_set(o, name, v)?;
                }
                Op::DefineClassField => {
                    let (o, k, v) = (
                        r!(reg!(DefineClassField, 0)),
                        r!(reg!(DefineClassField, 1)),
                        r!(reg!(DefineClassField, 2)),
                    );
                    self.define_class_field(o, k, v)?;
                }
                Op::SetHomeObject => {
                    let (f, home) = (r!(reg!(SetHomeObject, 0)), r!(reg!(SetHomeObject, 1)));
                    self.set_home(f, home);
                }
                Op::HasPrivate => {
                    let (name, o) = (r!(reg!(HasPrivate, 1)), r!(reg!(HasPrivate, 2)));
                    w!(reg!(HasPrivate, 0)) = Value::bool(self.private_in(name, o)?);
                }
                Op::CreateRegExp => {
                    let (src, flags) = (
                        code.consts[u16at!(at!(CreateRegExp, 1))],
                        code.consts[u16at!(at!(CreateRegExp, 2))],
                    );
                    w!(reg!(CreateRegExp, 0)) = self.regexp_from_literal(src, flags);
                }
            }
            pc += len;
        }
    }

    /// The operands of the `Call`/`CallMethod`/`New` op at `pc` of the frame at `fp` (and
    /// records the callee in the op's call IC); a `New` of a non-constructor throws.
    pub fn call_op_operands(
        &mut self,
        code: &FunctionCode,
        pc: usize,
        fp: usize,
    ) -> JsResult<call::CallOperands> {
        let c = &code.code;
        let op = Op::from_u8(c[pc]).expect("a call op");
        // Call, CallMethod and New have the same operand kinds (dst, f, base, argc, ic): their
        // offsets are constants.
        // One bounds check for the whole instruction, then reads at constant offsets.
        const LEN: usize = Op::Call.encoded_len_const();
        let ins: &[u8; LEN] = c[pc..pc + LEN].try_into().expect("a whole call op");
        macro_rules! at {
            ($i:expr) => {
                const { operand_offset(Op::Call, $i) }
            };
        }
        let u16at = |o: usize| u16::from_le_bytes([ins[o], ins[o + 1]]);
        let dst = u16at(at!(0));
        let f = self.regs[fp + u16at(at!(1)) as usize];
        let base = u16at(at!(2)) as usize;
        let argc = ins[at!(3)] as usize;
        let (this, at, nt) = match op {
            Op::Call => (Value::UNDEFINED, fp + base, Value::UNDEFINED),
            Op::CallMethod => (self.regs[fp + base], fp + base + 1, Value::UNDEFINED),
            _ => {
                if !self.is_constructor(f) {
                    let n = code
                        .call_name(pc as u32)
                        .map(|s| s.to_string())
                        .unwrap_or_else(|| self.short_describe(f));
                    return Err(self.throw_type_error(&format!("{n} is not a constructor")));
                }
                (Value::UNDEFINED, fp + base, f)
            }
        };
        if f.is_object() {
            let fo = self.obj(f);
            code.ic(u16at(at!(4)) as usize)
                .record_callee(fo.hdr.class, fo.code);
        }
        Ok(call::CallOperands {
            dst,
            f,
            this,
            at,
            argc,
            nt,
        })
    }

    /// `Return` with value `v` from the innermost frame: pops it (a constructor frame returns
    /// `this` unless `v` is an object), restores `sp`, and returns the frame and the result.
    pub fn pop_return(&mut self, mut v: Value) -> JsResult<(Frame, Value)> {
        let f = self.frames.pop().expect("frame");
        if f.kind == FRAME_CONSTRUCT && !v.is_object() {
            v = self.regs[f.fp - HDR_THIS];
            if v.is_empty() {
                self.frames.push(f);
                return Err(self.throw_reference_error(
                    "Must call super constructor in derived class before accessing 'this' or returning from derived constructor",
                ));
            }
        }
        self.sp = f.saved_sp as usize;
        Ok((f, v))
    }

    /// JIT hook: runs the one op at `pc` of the innermost frame in the interpreter, including
    /// any JavaScript it calls, and returns the pc where that frame continues. A throw is
    /// first unwound through the frames the op pushed; one that reaches this frame is
    /// returned (unhandled, the frame still in place, its pc at the op).
    pub fn step_op(&mut self, pc: usize) -> JsResult<usize> {
        let depth = self.frames.len();
        self.frames.last_mut().expect("frame").pc = pc;
        // The op runs in a nested interpreter loop (Rust recursion when it calls JavaScript).
        if self.native_depth >= MAX_NATIVE_DEPTH {
            return Err(self.throw_range_error("Maximum call stack size exceeded"));
        }
        self.native_depth += 1;
        self.step_depth = depth;
        let r = loop {
            match self.execute() {
                Ok(next) => break Ok(next.as_int() as usize),
                Err(t) => {
                    if !self.unwind_to(depth) {
                        break Err(t);
                    }
                    // A frame the op pushed caught it; the op itself has already started.
                    self.step_depth = depth | STEP_RESUMED;
                }
            }
        };
        self.native_depth -= 1;
        r
    }

    fn set_home(&mut self, f: Value, home: Value) {
        if f.is_object() && self.class_of(f) == CLASS_CLOSURE && self.func_code(f).has(F_METHOD) {
            self.obj_mut(f).aux[1] = home;
        }
    }

    /// The TypeError of reading or writing `key` of undefined or null. The key is named only
    /// when it is a primitive: converting an object key would run its code, and the base's
    /// ToObject comes first (ES2025 6.2.5.5 GetValue, 6.2.5.6 PutValue).
    pub(crate) fn nullish_base_error(
        &mut self,
        base: Value,
        key: Value,
        verb: &str,
        doing: &str,
    ) -> crate::js::vm::Thrown {
        let what = if base.is_null() { "null" } else { "undefined" };
        let named: Option<String> = if key.is_string() {
            Some(self.str_to_string(key))
        } else if key.is_object() && self.class_of(key) == CLASS_SYMBOL {
            Some(self.symbol_descriptive(key))
        } else if key.is_object() {
            // V8 names an object key `#<Ctor>` when reading and not at all when writing.
            (verb == "read").then(|| {
                let c = self.constructor_name_of(key);
                format!("#<{}>", c.as_deref().unwrap_or("Object"))
            })
        } else {
            Some(self.primitive_to_rust_string(key))
        };
        let msg = match named {
            Some(k) => format!("Cannot {verb} properties of {what} ({doing} '{k}')"),
            None => format!("Cannot {verb} properties of {what}"),
        };
        self.throw_type_error(&msg)
    }

    /// DefineMethodProperty's DefinePropertyOrThrow (ES2025 10.2.8): a method may not replace
    /// a non-configurable property — a class's computed static `prototype` is the one case.
    fn check_method_definable(&mut self, o: Value, pk: PropKey) -> JsResult<()> {
        match self.get_own_raw(o, pk) {
            Some((_, f)) if f & shape::CONFIGURABLE == 0 => {
                let kv = self.key_value(pk);
                let k = self.str_to_string(kv);
                let msg = if k == "prototype" {
                    "Classes may not have a static property named 'prototype'".to_string()
                } else {
                    format!("Cannot redefine property: {k}")
                };
                Err(self.throw_type_error(&msg))
            }
            _ => Ok(()),
        }
    }

    pub fn define_accessor(
        &mut self,
        o: Value,
        key: PropKey,
        f: Value,
        getter: bool,
        enumerable: bool,
    ) {
        let a = self.key_atom(key);
        let (mut g, mut s) = (Value::UNDEFINED, Value::UNDEFINED);
        if let Some((loc, fl)) = self.find_own(o, a)
            && fl & shape::ACCESSOR != 0
        {
            let acc = self.read_loc(o, loc);
            (g, s) = self.accessor_parts(acc);
        }
        if getter {
            g = f;
        } else {
            s = f;
        }
        let acc = self.new_accessor(g, s);
        let flags =
            shape::CONFIGURABLE | shape::ACCESSOR | if enumerable { shape::ENUMERABLE } else { 0 };
        self.define_own(o, PropKey::Atom(a), acc, flags);
    }

    pub fn copy_data_properties(&mut self, d: Value, s: Value, excl: &[Value]) -> JsResult<()> {
        if s.is_nullish() {
            return Ok(());
        }
        if s.is_string() {
            let n = self.str_len(s);
            for i in 0..n {
                let c = self.str_units(s)[i];
                let v = self.new_str_units(&[c]);
                self.define_own(d, PropKey::Index(i as u32), v, shape::DEFAULT);
            }
            return Ok(());
        }
        if !s.is_object() {
            return Ok(());
        }
        if self.is_proxy(s) {
            return self.copy_proxy_properties(d, s, excl);
        }
        // ES2025 7.3.25: every own key (strings, then symbols) not excluded, read if it is
        // still an enumerable own property when its turn comes.
        let mut excluded = Vec::with_capacity(excl.len());
        for &e in excl {
            let k = self.to_property_key(e)?;
            excluded.push(self.key_to_value(k));
        }
        for k in self.own_keys_all(s) {
            let kv = self.key_to_value(k);
            if excluded
                .iter()
                .any(|&e| e == kv || (e.is_string() && kv.is_string() && self.str_eq(e, kv)))
            {
                continue;
            }
            if let Some((_, f)) = self.get_own_raw(s, k)
                && f & shape::ENUMERABLE != 0
            {
                let v = self.get(s, k)?;
                self.define_own(d, k, v, shape::DEFAULT);
            }
        }
        Ok(())
    }

    /// CopyDataProperties (ES2025 7.3.25) from a proxy: [[OwnPropertyKeys]], then
    /// [[GetOwnProperty]] and [[Get]] for each key not excluded.
    fn copy_proxy_properties(&mut self, d: Value, s: Value, excl: &[Value]) -> JsResult<()> {
        let base = self.roots.len();
        self.roots.extend_from_slice(&[d, s]);
        let r = (|| {
            for k in self.own_property_keys_js(s)? {
                let kv = self.key_to_value(k);
                if excl
                    .iter()
                    .any(|e| *e == kv || (e.is_string() && kv.is_string() && self.str_eq(*e, kv)))
                {
                    continue;
                }
                if let Some((_, f)) = self.get_own_property_js(s, k)?
                    && f & shape::ENUMERABLE != 0
                {
                    let v = self.get(s, k)?;
                    self.define_own(d, k, v, shape::DEFAULT);
                }
            }
            Ok(())
        })();
        self.roots.truncate(base);
        r
    }

    fn create_class(
        &mut self,
        idx: usize,
        env: Value,
        sup: Value,
        has_super: bool,
    ) -> JsResult<Value> {
        let (proto_parent, ctor_parent) = if has_super {
            if sup.is_null() {
                (Value::NULL, self.realm[realm::FUNCTION_PROTO])
            } else if self.is_constructor(sup) {
                let pp = self.get_named(sup, atoms::PROTOTYPE)?;
                if !pp.is_object() && !pp.is_null() {
                    return Err(self.throw_type_error(
                        "Class extends value does not have valid prototype property",
                    ));
                }
                (pp, sup)
            } else {
                let d = self.short_describe(sup);
                return Err(self.throw_type_error(&format!(
                    "Class extends value {d} is not a constructor or null"
                )));
            }
        } else {
            (
                self.realm[realm::OBJECT_PROTO],
                self.realm[realm::FUNCTION_PROTO],
            )
        };
        let c = self.new_closure(idx, env);
        self.set_proto_raw(c, ctor_parent);
        self.obj_mut(c).hdr.flags |= FLAG_CLASS_CTOR;
        self.roots.push(c);
        let proto = self.new_object_with(CLASS_ORDINARY, proto_parent);
        self.roots.pop();
        self.add_own(proto, atoms::CONSTRUCTOR, c, shape::HIDDEN);
        self.add_own(c, atoms::PROTOTYPE, proto, 0);
        self.obj_mut(c).aux[1] = proto;
        Ok(c)
    }
}

/// Double arithmetic for the non-int32 paths (never fused).
pub fn arith(op: Op, x: f64, y: f64) -> f64 {
    match op {
        Op::Add => x + y,
        Op::Sub => x - y,
        Op::Mul => x * y,
        Op::Div => x / y,
        Op::Rem => {
            if y.is_infinite() && x.is_finite() {
                x
            } else {
                x % y
            }
        }
        Op::Exp => js_pow(x, y),
        _ => f64::NAN,
    }
}

pub fn js_pow(x: f64, y: f64) -> f64 {
    if y.is_nan() {
        return f64::NAN;
    }
    if y == 0.0 {
        return 1.0;
    }
    if (x == 1.0 || x == -1.0) && y.is_infinite() {
        return f64::NAN;
    }
    pow::fdlibm_pow(x, y)
}

//! The one-pass baseline compiler: a loop over the bytecode with one template per opcode, no
//! IR. Every op boundary gets a label and an entry in the offset table, so compiled code can
//! be entered at any op (function entry, after an op the interpreter ran, OSR at a loop, an
//! exception handler).
//!
//! Every op is compiled: an inline template where there is one, otherwise a call to the
//! runtime's step helper, which runs that one op with the interpreter's semantics (calls,
//! throws and all) and returns the pc to continue at. Templates have two ways out of their
//! fast path:
//! - [`EXIT_STEP`] labels: the generic slow path — the step helper runs the op, then compiled
//!   code continues (not a deoptimization);
//! - [`EXIT_GUARD`]/[`EXIT_IC_MISS`] labels: a deoptimization — compiled code leaves through
//!   the runtime's exit helper, which counts it and records the pc as needing the generic
//!   path when the function is recompiled, then returns to its caller: the entry stub (the
//!   interpreter resumes at that pc) or compiled code, which unwinds its own machine frame the
//!   same way ([`EXIT_TO_INNERMOST`]) — the interpreter then continues the innermost frame,
//!   and its callers after it, with no Rust recursion.

use std::collections::HashSet;

use crate::jit::facts::{self, Effect, Fact, Facts};
use crate::jit::masm::{MasmError, MasmResult, imm};
use crate::jit::templates;
use crate::jit::values::ValueOps;
use crate::js::bytecode::{FunctionCode, Op, jump_target, op};
use crate::js::vm::NativeEntry;

/// `Status::Deopt` as the exec layer's entry stub reports it.
pub const STATUS_EXIT: u64 = 2;
/// Slow path / interpreter step: the interpreter runs the op (not a deoptimization).
pub const EXIT_STEP: u64 = 0;
/// A type or overflow guard failed (a deoptimization).
pub const EXIT_GUARD: u64 = 1;
/// A property access missed the inline cache (a deoptimization).
pub const EXIT_IC_MISS: u64 = 2;
/// The step helper continued at a pc compiled code has no direct branch to: resume there.
pub const EXIT_RESUME: u64 = 3;
/// Number of exit reasons.
pub const EXIT_REASONS: usize = 4;
/// Offset-table entry of a pc that is not an op boundary.
pub const NO_ENTRY: u32 = u32::MAX;
/// The step helper's result when the op threw.
pub const STEP_THREW: u64 = u64::MAX;
/// Helper results (see `jit::runtime`): done; threw; "the interpreter takes over" (the
/// frame stack changed under compiled code: a callee to interpret, a deopt in a frame called
/// by compiled code, a `Return` from a frame the interpreter entered).
pub const HELPER_DONE: u64 = 0;
pub const HELPER_THREW: u64 = 1;
pub const HELPER_INTERPRET: u64 = 2;
/// Exit value of compiled code unwinding its machine frames because the interpreter takes
/// over the frames above it: the interpreter continues with the innermost frame at its pc.
pub const EXIT_TO_INNERMOST: u64 = u64::MAX;

/// The exit value for `pc` and `reason` (pc in the low 32 bits).
pub fn exit_value(pc: usize, reason: u64) -> u64 {
    pc as u64 | (reason << 32)
}

/// What compiled code needs to know about the runtime: helper addresses (as compiled code
/// must call them) and VM field offsets.
#[derive(Debug, Clone, Copy)]
pub struct Runtime {
    /// `step(vm, pc) -> next pc | STEP_THREW`.
    pub step: u64,
    /// `call(vm, pc) -> HELPER_DONE | HELPER_THREW | HELPER_INTERPRET | callee code address`.
    pub call: u64,
    /// `ret(vm, pc) -> HELPER_DONE | HELPER_THREW`: pops the frame (the result goes to the
    /// caller's register, or for a frame the interpreter entered to `JitState::returned`).
    pub ret: u64,
    /// `suspend(vm, pc) -> HELPER_DONE | HELPER_THREW`: as `ret`, for a generator's
    /// `Suspend` (the frame is saved into its generator object first).
    pub suspend: u64,
    /// `construct_this(vm, callee) -> this | 0 (threw)`: the receiver of an inline `new`.
    pub construct_this: u64,
    /// `create_closure(vm, function index) -> closure` (over the frame's environment).
    pub create_closure: u64,
    /// `push_context(vm, slot count)`: a new environment becomes the frame's current one.
    pub push_context: u64,
    /// `copy_context(vm, 0)`: a copy of the frame's environment replaces it.
    pub copy_context: u64,
    /// `new_literal(vm, OBJECT_LITERAL | ARRAY_LITERAL) -> object`: an empty literal.
    pub new_literal: u64,
    /// `define_field(vm, packed operands)`: an object literal's `name: value`.
    pub define_field: u64,
    /// `exit(vm, exit value) -> HELPER_INTERPRET` (counts the exit; compiled code then returns
    /// status 2 with the exit value to its caller).
    pub exit: u64,
    /// `gc(vm, 0)`: a safepoint's collection.
    pub gc: u64,
    /// `stack_overflow(vm, 0)`: throws the RangeError of a too-deep call.
    pub stack_overflow: u64,
    /// `str_eq(vm, a, b) -> 1 | 0`: whether the strings `a` and `b` hold the same units.
    pub str_eq: u64,
    /// `str_cmp(vm, a, b) -> 0 | 1 | 2`: the strings `a` and `b` in code-unit order (less,
    /// equal, greater).
    pub str_cmp: u64,
    /// VM field offsets: the callee window of a JIT→JIT call, the machine-stack limit, the
    /// GC-requested flag.
    pub callee_window: i32,
    pub stack_limit: i32,
    pub gc_requested: i32,
    /// VM field offsets of the inline call path: `JitState::regs_base`,
    /// `JitState::frames_base`, the frame count, `Vm::sp`, `Vm::global`, the direct-call
    /// statistic.
    pub regs_base: i32,
    pub frames_base: i32,
    pub frames_len: i32,
    pub sp: i32,
    pub global: i32,
    pub direct_calls: i32,
    /// `TierSlot::returned`: the result of a frame the interpreter entered, whose `Return`
    /// compiled code ran inline.
    pub returned: i32,
}

/// Per-compilation options.
pub struct Config<'a> {
    pub count_ops: bool,
    /// Address of the u64 counting ops executed in compiled code (with `count_ops`).
    pub counter: u64,
    /// `--deopt-stress`: every op whose template has guards deoptimizes there.
    pub deopt_stress: bool,
    /// Ops that deoptimized in earlier code of this function: an IC miss there takes the
    /// generic path instead of deoptimizing again.
    pub generic: &'a HashSet<u32>,
    pub rt: Runtime,
    /// The VM's native functions (by index, as call-site ICs record them): the call
    /// templates inline the `Math` intrinsics among them.
    pub natives: &'a [NativeEntry],
}

/// Output of one compilation.
pub struct Output {
    pub code: Vec<u8>,
    /// Code offset for each bytecode offset that starts an op ([`NO_ENTRY`] inside ops).
    pub offsets: Vec<u32>,
    /// Offset of the entry compiled callers call (stack check, then pc 0).
    pub call_entry: u32,
    /// Ops given an inline template.
    pub inline_ops: usize,
    /// Ops compiled as a call to the step helper.
    pub step_ops: usize,
    /// Bytecode ops compiled.
    pub ops: usize,
}

enum Slow<L> {
    Step(L, usize),
    Deopt(L, usize, u64),
    /// Template code out of line ([`Ctx::out_of_line`]).
    Template(OutOfLine<L>),
}

/// A template's out-of-line code: entered at `label`, continues at `back` (after the op),
/// compiled with the facts its operands had inline.
#[derive(Clone, Copy)]
pub struct OutOfLine<L> {
    pub label: L,
    pub back: L,
    pub pc: usize,
    /// Operand registers, their facts, and whether the template loaded them (into its
    /// first and second scratch register) before branching out of line.
    pub operands: [(usize, Fact, bool); 2],
}

/// Compiler state for one function.
pub struct Ctx<'a, M: ValueOps> {
    pub m: M,
    pub code: &'a FunctionCode,
    pub rt: Runtime,
    pub natives: &'a [NativeEntry],
    labels: Vec<Option<M::Label>>,
    slow: Vec<Slow<M::Label>>,
    threw: M::Label,
    exit: M::Label,
    unwind: M::Label,
    stress: bool,
    generic: &'a HashSet<u32>,
    /// What is known of each register's value before the op being compiled.
    facts: Facts,
    /// An op whose code goes out of line (a jump a compare template fused with itself).
    deferred: Option<usize>,
}

impl<M: ValueOps> Ctx<'_, M> {
    /// The label of the op starting at `pc` (created on first use).
    pub fn label_at(&mut self, pc: usize) -> MasmResult<M::Label> {
        let slot = self.labels.get_mut(pc).ok_or(MasmError::Bytecode {
            pc,
            what: "branch target outside the function",
        })?;
        Ok(*slot.get_or_insert_with(|| self.m.new_label()))
    }
    /// A label for the op at `pc` to branch to when its fast path does not apply: the generic
    /// slow path for [`EXIT_STEP`], a deoptimization for other reasons. Emitted out of line.
    pub fn slow_exit(&mut self, pc: usize, reason: u64) -> M::Label {
        let l = self.m.new_label();
        if reason == EXIT_STEP {
            self.slow.push(Slow::Step(l, pc));
        } else {
            self.slow.push(Slow::Deopt(l, pc, reason));
        }
        l
    }
    /// A label for the op at `pc` to branch to for code that runs rarely (the double path
    /// of an int32 template): [`templates::out_of_line`] emits it after the function's
    /// body, then it continues at the returned label, which the caller binds after the op.
    /// `operands`: the operand registers and whether they are loaded (see [`OutOfLine`]).
    pub fn out_of_line(&mut self, pc: usize, operands: [(usize, bool); 2]) -> (M::Label, M::Label) {
        let (label, back) = (self.m.new_label(), self.m.new_label());
        let f = |(r, loaded): (usize, bool)| (r, self.facts.get(r), loaded);
        let operands = [f(operands[0]), f(operands[1])];
        self.slow.push(Slow::Template(OutOfLine {
            label,
            back,
            pc,
            operands,
        }));
        (label, back)
    }
    /// `--deopt-stress`: the op at `pc`, whose template guards its fast path, deoptimizes
    /// before running it (with the frame exactly as the interpreter expects it there).
    pub fn stress_deopt(&mut self, pc: usize) {
        if self.stress {
            let l = self.slow_exit(pc, EXIT_GUARD);
            self.m.jump(l);
        }
    }
    /// The slow path of an inline-cache template: a deoptimization ([`EXIT_IC_MISS`]) when
    /// the IC was monomorphic at compile time — the code was specialised on that one shape
    /// (after repeated deopts it is recompiled and the IC is polymorphic) — otherwise the
    /// generic path, which fills the IC and continues in compiled code, as a baseline tier
    /// should for cold or polymorphic sites, and for sites that deoptimized before (a
    /// prototype entry refreshed after the prototypes changed is monomorphic again).
    pub fn ic_miss_exit(&mut self, pc: usize, ic: usize) -> M::Label {
        let slot = self.code.ic(ic);
        let mono = slot.count == 1 && slot.megamorphic == 0;
        let deopted = self.generic.contains(&(pc as u32));
        self.slow_exit(
            pc,
            if mono && !deopted {
                EXIT_IC_MISS
            } else {
                EXIT_STEP
            },
        )
    }
    /// Label of the shared "this frame threw" return.
    pub fn threw(&self) -> M::Label {
        self.threw
    }
    /// Label of the shared return that hands the frame stack to the interpreter
    /// ([`EXIT_TO_INNERMOST`]).
    pub fn unwind(&self) -> M::Label {
        self.unwind
    }
    /// The op at `pc` (the next one) is emitted out of line, after the function's body: the
    /// current template handles it inline, and its own code serves entries at `pc` only.
    pub fn defer_op(&mut self, pc: usize) {
        self.deferred = Some(pc);
    }
    /// What is known of register `r`'s value before the op being compiled.
    pub fn fact(&self, r: usize) -> Fact {
        self.facts.get(r)
    }
    /// The op at `pc`, if any.
    pub fn op_at(&self, pc: usize) -> Option<Op> {
        self.code.code.get(pc).and_then(|&b| Op::from_u8(b))
    }
    /// Register operand `i` of the op at `pc`.
    pub fn reg(&self, pc: usize, i: usize) -> usize {
        let op = self.op_at(pc).expect("an op");
        op::reg(&self.code.code, pc, op, i)
    }
    /// Operand `i` of the op at `pc` (any kind, see [`op::operand`]).
    pub fn operand(&self, pc: usize, i: usize) -> i64 {
        let op = self.op_at(pc).expect("an op");
        op::operand(&self.code.code, pc, op, i)
    }

    /// The op at `pc` through the step helper: call it, then continue at the pc it returns
    /// (the next op or the op's jump target by direct branch, anything else by resuming
    /// through the exit helper), or return "threw".
    pub fn step(&mut self, pc: usize) -> MasmResult {
        let op = self.op_at(pc).ok_or(MasmError::Bytecode {
            pc,
            what: "invalid opcode",
        })?;
        self.m.call_helper(self.rt.step, imm(pc as u64))?;
        let next = pc + op.encoded_len();
        let l = self.label_at(next)?;
        self.m.branch_if_result_eq(next as u64, l)?;
        if let Some(t) = jump_target(&self.code.code, pc) {
            let l = self.label_at(t)?;
            self.m.branch_if_result_eq(t as u64, l)?;
        }
        let threw = self.threw;
        self.m.branch_if_result_eq(STEP_THREW, threw)?;
        let exit = self.exit;
        self.m.jump_with_result_pc(EXIT_RESUME, exit)
    }
}

/// Compiles `code` with the macro-assembler `m`.
pub fn compile<M: ValueOps>(mut m: M, code: &FunctionCode, cfg: &Config) -> MasmResult<Output> {
    let n = code.code.len();
    let (threw, exit, unwind) = (m.new_label(), m.new_label(), m.new_label());
    let mut cx = Ctx {
        m,
        code,
        rt: cfg.rt,
        natives: cfg.natives,
        labels: vec![None; n + 1],
        slow: Vec::new(),
        threw,
        exit,
        unwind,
        stress: cfg.deopt_stress,
        generic: cfg.generic,
        facts: Facts::default(),
        deferred: None,
    };
    let mut out_of_line = Vec::new();
    let starts = facts::block_starts(code);
    let mut offsets = vec![NO_ENTRY; n];
    cx.m.stub_entry(cfg.count_ops, cfg.counter)?;
    let call_entry = offset(&cx.m)?;
    let start = cx.label_at(0)?;
    cx.m.call_entry(cfg.rt.stack_limit, cfg.rt.stack_overflow, start)?;
    let (mut inline_ops, mut step_ops, mut ops) = (0, 0, 0);
    let mut pc = 0;
    while pc < n {
        let op = cx.op_at(pc).ok_or(MasmError::Bytecode {
            pc,
            what: "invalid opcode",
        })?;
        if starts[pc] {
            cx.facts.reset();
        }
        cx.m.island_point();
        if cx.deferred.take() == Some(pc) {
            // No register writes (a conditional jump): the facts stand.
            out_of_line.push(pc);
        } else {
            let effect = facts::effect(code, &cx.facts, op, pc);
            if emit_op(&mut cx, op, pc, &mut offsets)? {
                inline_ops += 1;
                update_facts(&mut cx.facts, effect, op);
            } else {
                step_ops += 1;
                cx.facts.reset();
            }
        }
        ops += 1;
        pc += op.encoded_len();
    }
    for pc in out_of_line {
        let op = cx.op_at(pc).ok_or(MasmError::Bytecode {
            pc,
            what: "invalid opcode",
        })?;
        cx.facts.reset();
        cx.m.island_point();
        if emit_op(&mut cx, op, pc, &mut offsets)? {
            inline_ops += 1;
        } else {
            step_ops += 1;
        }
        let next = cx.label_at(pc + op.encoded_len())?;
        cx.m.jump(next);
    }
    // Falling off the end cannot happen (the bytecode compiler ends every function with a
    // Return), but a label there must still be bound.
    let end = cx.label_at(n)?;
    cx.m.bind(end)?;
    cx.m.exit(STATUS_EXIT, exit_value(n, EXIT_STEP))?;
    // Out-of-line code may add slow paths of its own.
    while !cx.slow.is_empty() {
        for s in std::mem::take(&mut cx.slow) {
            cx.m.island_point();
            emit_slow(&mut cx, s, exit)?;
        }
    }
    cx.m.bind(threw)?;
    cx.m.exit(1, 0)?;
    cx.m.bind(unwind)?;
    cx.m.exit(STATUS_EXIT, EXIT_TO_INNERMOST)?;
    cx.m.bind(exit)?;
    cx.m.exit_through(cfg.rt.exit, STATUS_EXIT)?;
    cx.m.emit_deferred()?;
    Ok(Output {
        code: cx.m.finish()?,
        offsets,
        call_entry,
        inline_ops,
        step_ops,
        ops,
    })
}

/// Emits one slow path or piece of out-of-line template code.
fn emit_slow<M: ValueOps>(cx: &mut Ctx<'_, M>, s: Slow<M::Label>, exit: M::Label) -> MasmResult {
    match s {
        Slow::Step(l, pc) => {
            cx.m.bind(l)?;
            cx.m.bump_counter(-1)?;
            cx.step(pc)?;
        }
        Slow::Deopt(l, pc, reason) => {
            cx.m.bind(l)?;
            // The op did not complete in compiled code.
            cx.m.bump_counter(-1)?;
            cx.m.jump_with_exit_value(exit_value(pc, reason), exit);
        }
        Slow::Template(o) => {
            cx.m.bind(o.label)?;
            cx.facts.reset();
            for (r, f, _) in o.operands {
                cx.facts.set(r, f);
            }
            let op = cx.op_at(o.pc).ok_or(MasmError::Bytecode {
                pc: o.pc,
                what: "invalid opcode",
            })?;
            templates::out_of_line(cx, op, o.pc, [o.operands[0].2, o.operands[1].2])?;
            cx.m.jump(o.back);
        }
    }
    Ok(())
}

/// Binds the label of the op at `pc` here and emits the op: its template (`true`) or a call
/// to the step helper (`false`).
fn emit_op<M: ValueOps>(
    cx: &mut Ctx<'_, M>,
    op: Op,
    pc: usize,
    offsets: &mut [u32],
) -> MasmResult<bool> {
    let l = cx.label_at(pc)?;
    cx.m.bind(l)?;
    offsets[pc] = offset(&cx.m)?;
    if templates::emit(cx, op, pc)? {
        return Ok(true);
    }
    // The step helper runs the op in the interpreter, which counts it.
    cx.step(pc)?;
    Ok(false)
}

/// Applies an inline-compiled op's effect on the facts.
fn update_facts(f: &mut Facts, effect: Effect, op: Op) {
    match effect {
        _ if facts::ends_flow(op) => f.reset(),
        Effect::None => {}
        Effect::Dst(r, fact) => f.set(r, fact),
        Effect::Reset => f.reset(),
    }
}

fn offset<M: ValueOps>(m: &M) -> MasmResult<u32> {
    u32::try_from(m.offset()).map_err(|_| MasmError::CodeTooLarge)
}

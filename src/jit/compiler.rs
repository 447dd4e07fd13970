//! The one-pass baseline compiler: a loop over the bytecode with one template per opcode, no
//! IR. Every op boundary gets a label and an entry in the offset table, so compiled code can
//! be entered at any op (function entry, after an op the interpreter ran, OSR at a loop, an
//! exception handler). Ops without an inline template — and inline templates whose guards
//! fail — leave compiled code with [`EXIT_STEP`]/[`EXIT_GUARD`]/[`EXIT_IC_MISS`] at that op's
//! pc; the interpreter executes exactly that op with its own semantics and re-enters.

use crate::jit::masm::{MacroAssembler, MasmError, MasmResult};
use crate::jit::templates;
use crate::js::bytecode::{FunctionCode, Op};

/// `Status::Deopt` as the exec layer's entry stub reports it.
pub const STATUS_EXIT: u64 = 2;
/// No inline template for this op: the interpreter runs it.
pub const EXIT_STEP: u64 = 0;
/// A type or overflow guard failed (a deoptimization).
pub const EXIT_GUARD: u64 = 1;
/// A property access missed the inline cache (a deoptimization).
pub const EXIT_IC_MISS: u64 = 2;
/// Number of exit reasons.
pub const EXIT_REASONS: usize = 3;
/// Offset-table entry of a pc that is not an op boundary.
pub const NO_ENTRY: u32 = u32::MAX;

/// The exit value for `pc` and `reason` (pc in the low 32 bits).
pub fn exit_value(pc: usize, reason: u64) -> u64 {
    pc as u64 | (reason << 32)
}

/// Output of one compilation.
pub struct Output {
    pub code: Vec<u8>,
    /// Code offset for each bytecode offset that is an entry point: ops with an inline
    /// template ([`NO_ENTRY`] for other ops and inside instructions).
    pub offsets: Vec<u32>,
    /// Ops given an inline template.
    pub inline_ops: usize,
    /// Ops compiled to an exit to the interpreter.
    pub step_ops: usize,
}

/// Compiler state for one function.
pub struct Ctx<'a, M: MacroAssembler> {
    pub m: M,
    pub code: &'a FunctionCode,
    labels: Vec<Option<M::Label>>,
    slow: Vec<(M::Label, usize, u64)>,
}

impl<M: MacroAssembler> Ctx<'_, M> {
    /// The label of the op starting at `pc` (created on first use).
    pub fn label_at(&mut self, pc: usize) -> MasmResult<M::Label> {
        let slot = self
            .labels
            .get_mut(pc)
            .ok_or_else(|| MasmError(format!("branch target {pc} outside the function")))?;
        Ok(*slot.get_or_insert_with(|| self.m.new_label()))
    }
    /// A label that leaves compiled code at `pc` for `reason` (emitted out of line).
    pub fn slow_exit(&mut self, pc: usize, reason: u64) -> M::Label {
        let l = self.m.new_label();
        self.slow.push((l, pc, reason));
        l
    }
    /// Leaves compiled code here: the interpreter runs the op at `pc`.
    pub fn step_exit(&mut self, pc: usize) -> MasmResult {
        self.m.exit(STATUS_EXIT, exit_value(pc, EXIT_STEP))
    }
    /// The op at `pc`, if any.
    pub fn op_at(&self, pc: usize) -> Option<Op> {
        self.code.code.get(pc).and_then(|&b| Op::from_u8(b))
    }
    /// Byte operand at `pc + at`.
    pub fn u8at(&self, pc: usize, at: usize) -> usize {
        self.code.code[pc + at] as usize
    }
}

/// Compiles `code` with the macro-assembler `m`. `counter`: address of the u64 that counts
/// ops executed in compiled code (with `count_ops`).
pub fn compile<M: MacroAssembler>(
    m: M,
    code: &FunctionCode,
    count_ops: bool,
    counter: u64,
) -> MasmResult<Output> {
    let n = code.code.len();
    let mut cx = Ctx {
        m,
        code,
        labels: vec![None; n + 1],
        slow: Vec::new(),
    };
    let mut offsets = vec![NO_ENTRY; n];
    cx.m.prologue(count_ops, counter)?;
    let (mut inline_ops, mut step_ops) = (0, 0);
    let mut pc = 0;
    while pc < n {
        let op = cx
            .op_at(pc)
            .ok_or_else(|| MasmError(format!("invalid opcode at {pc}")))?;
        let l = cx.label_at(pc)?;
        cx.m.bind(l)?;
        let here = u32::try_from(cx.m.offset()).map_err(|_| MasmError("code too large".into()))?;
        if templates::emit(&mut cx, op, pc)? {
            // Only ops with a template are entry points: the interpreter runs the others
            // itself instead of entering compiled code just to leave it again.
            offsets[pc] = here;
            inline_ops += 1;
        } else {
            cx.step_exit(pc)?;
            step_ops += 1;
        }
        pc += op.encoded_len();
    }
    // Falling off the end cannot happen (the bytecode compiler ends every function with a
    // Return), but a label there must still be bound.
    let end = cx.label_at(n)?;
    cx.m.bind(end)?;
    cx.step_exit(n)?;
    let slow = std::mem::take(&mut cx.slow);
    for (l, pc, reason) in slow {
        cx.m.bind(l)?;
        // The op did not complete in compiled code.
        cx.m.bump_counter(-1)?;
        cx.m.exit(STATUS_EXIT, exit_value(pc, reason))?;
    }
    Ok(Output {
        code: cx.m.finish()?,
        offsets,
        inline_ops,
        step_ops,
    })
}

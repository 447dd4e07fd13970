//! Calls and returns. `Call`/`CallMethod`/`New` go through the runtime's call helper, which
//! sets the callee's frame up exactly as the interpreter does; a compiled callee is then
//! called directly (`blr` to its call entry, no return trip through Rust); for an
//! interpreted one compiled code unwinds its machine frame and the interpreter runs the
//! callee, then this frame from the op after the call (re-entering compiled code there). `Return` hands the value to the
//! runtime's return helper: from a frame called by compiled code it returns straight to that
//! caller's machine code; from a frame entered by the interpreter it leaves compiled code so
//! the interpreter returns.

use crate::jit::compiler::{
    Ctx, EXIT_STEP, HELPER_DONE, HELPER_INTERPRET, HELPER_THREW, STATUS_EXIT, exit_value,
};
use crate::jit::masm::{MacroAssembler, MasmResult};
use crate::js::bytecode::Op;

pub fn emit<M: MacroAssembler>(cx: &mut Ctx<'_, M>, op: Op, pc: usize) -> MasmResult {
    let threw = cx.threw();
    if op == Op::Return {
        let (done, to_stub) = (cx.m.new_label(), cx.m.new_label());
        cx.m.call_helper(cx.rt.ret, pc as u64)?;
        cx.m.branch_if_result_eq(HELPER_DONE, done)?;
        cx.m.branch_if_result_eq(HELPER_THREW, threw)?;
        cx.m.jump(to_stub);
        cx.m.bind(done)?;
        cx.m.exit(0, 0)?;
        cx.m.bind(to_stub)?;
        // The interpreter runs this Return (it does not count twice: the op counter was
        // bumped for the op, so undo that).
        cx.m.bump_counter(-1)?;
        return cx.m.exit(STATUS_EXIT, exit_value(pc, EXIT_STEP));
    }
    let next = cx.label_at(pc + op.encoded_len())?;
    let unwind = cx.unwind();
    cx.m.call_helper(cx.rt.call, pc as u64)?;
    cx.m.branch_if_result_eq(HELPER_DONE, next)?;
    cx.m.branch_if_result_eq(HELPER_THREW, threw)?;
    cx.m.branch_if_result_eq(HELPER_INTERPRET, unwind)?;
    cx.m.call_compiled(cx.rt.callee_window)?;
    // The callee's status: returned, threw, or left the frame stack to the interpreter.
    cx.m.branch_if_result_eq(HELPER_THREW, threw)?;
    cx.m.branch_if_result_eq(STATUS_EXIT, unwind)?;
    Ok(())
}

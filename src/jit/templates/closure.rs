//! `CreateClosure dst, k`: the closure of the function whose index is constant `k`, over the
//! frame's current environment. Allocation is one direct call of the runtime's
//! `create_closure` helper (the JIT allocates through the runtime, as `new` does: the heap
//! has no allocation path compiled code could take inline); its result is the closure,
//! stored straight into `dst`. Never leaves compiled code.

use super::R0;
use crate::jit::compiler::Ctx;
use crate::jit::masm::{MasmResult, imm};
use crate::jit::values::ValueOps;

pub fn emit<M: ValueOps>(cx: &mut Ctx<'_, M>, pc: usize) -> MasmResult {
    let dst = cx.reg(pc, 0) as i32;
    let k = cx.operand(pc, 1) as usize;
    // The interpreter's reading of the operand (the verifier checked `k`).
    let idx = cx.code.consts[k].as_int() as usize;
    cx.m.call_helper(cx.rt.create_closure, imm(idx as u64))?;
    cx.m.result_to(R0);
    cx.m.store_slot(R0, dst)
}

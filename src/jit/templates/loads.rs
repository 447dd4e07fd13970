//! Constants and moves: immediates stored straight into the destination slot.

use super::R0;
use crate::jit::compiler::Ctx;
use crate::jit::masm::MasmResult;
use crate::jit::values::ValueOps;
use crate::js::bytecode::Op;
use crate::js::value::Value;

pub fn emit<M: ValueOps>(cx: &mut Ctx<'_, M>, op: Op, pc: usize) -> MasmResult {
    let dst = cx.reg(pc, 0) as i32;
    let word = match op {
        Op::LoadConst => cx.code.consts[cx.operand(pc, 1) as usize].0,
        Op::LoadInt8 => Value::int(cx.operand(pc, 1) as i32).0,
        Op::LoadUndefined => Value::UNDEFINED.0,
        Op::LoadNull => Value::NULL.0,
        Op::LoadTrue => Value::TRUE.0,
        Op::LoadFalse => Value::FALSE.0,
        Op::LoadEmpty => Value::EMPTY.0,
        _ => {
            // Move.
            cx.m.load_slot(R0, cx.reg(pc, 1) as i32)?;
            return cx.m.store_slot(R0, dst);
        }
    };
    // Constants are GC roots through their function and the heap never moves, so a heap
    // pointer may be baked into the code.
    cx.m.mov_imm(R0, word);
    cx.m.store_slot(R0, dst)
}

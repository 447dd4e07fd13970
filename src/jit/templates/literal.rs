//! Object and array literals: `NewObject dst`, `NewArray dst` and `DefineField obj, atom,
//! value`, each one direct call of its runtime helper (`jit::literal_helpers`: the
//! interpreter's own code; the heap has no allocation path compiled code could take inline).
//! A new literal is stored straight into `dst`. Never leaves compiled code.

use super::R0;
use crate::jit::compiler::Ctx;
use crate::jit::literal_helpers::{ARRAY_LITERAL, OBJECT_LITERAL, pack_define_field};
use crate::jit::masm::{MasmResult, imm};
use crate::jit::values::ValueOps;
use crate::js::bytecode::Op;

pub fn emit<M: ValueOps>(cx: &mut Ctx<'_, M>, op: Op, pc: usize) -> MasmResult {
    match op {
        Op::NewObject | Op::NewArray => {
            let dst = cx.reg(pc, 0) as i32;
            let kind = if op == Op::NewObject {
                OBJECT_LITERAL
            } else {
                ARRAY_LITERAL
            };
            cx.m.call_helper(cx.rt.new_literal, imm(kind))?;
            cx.m.result_to(R0);
            cx.m.store_slot(R0, dst)
        }
        _ => {
            let obj = cx.reg(pc, 0) as u16;
            let atom = cx.operand(pc, 1) as u32;
            let value = cx.reg(pc, 2) as u16;
            let packed = pack_define_field(obj, value, atom);
            cx.m.call_helper(cx.rt.define_field, imm(packed))
        }
    }
}

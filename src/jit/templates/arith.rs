//! int32 arithmetic: `Add`/`Sub`/`Mul`/`Inc`/`Dec` on two int32s inline, with an overflow
//! check; any other operand type or an overflow deoptimizes to the interpreter for the op.

use crate::jit::compiler::{Ctx, EXIT_GUARD};
use crate::jit::masm::{IntOp, MacroAssembler, MasmResult, Reg};
use crate::js::bytecode::Op;

const R0: Reg = Reg(0);
const R1: Reg = Reg(1);
const R2: Reg = Reg(2);

pub fn emit<M: MacroAssembler>(cx: &mut Ctx<'_, M>, op: Op, pc: usize) -> MasmResult {
    let dst = cx.u8at(pc, 1) as i32;
    let slow = cx.slow_exit(pc, EXIT_GUARD);
    cx.m.load_slot(R0, cx.u8at(pc, 2) as i32)?;
    cx.m.branch_if_not_int32(R0, slow);
    match op {
        Op::Inc | Op::Dec => {
            let d = if op == Op::Inc { 1 } else { -1 };
            cx.m.int32_add_imm(R2, R0, d, slow)?;
        }
        _ => {
            cx.m.load_slot(R1, cx.u8at(pc, 3) as i32)?;
            cx.m.branch_if_not_int32(R1, slow);
            let iop = match op {
                Op::Add => IntOp::Add,
                Op::Sub => IntOp::Sub,
                _ => IntOp::Mul,
            };
            cx.m.int32_op(iop, R2, R0, R1, slow);
        }
    }
    cx.guards_passed();
    cx.m.store_slot(R2, dst)
}

//! Relational and strict-equality compares on two int32s, fused with a following
//! `JumpIfTrue`/`JumpIfFalse` on the result (compare + conditional branch). The boolean is
//! still stored, so the register file matches the interpreter's at every op boundary.

use crate::jit::compiler::{Ctx, EXIT_GUARD};
use crate::jit::masm::{IntCond, MacroAssembler, MasmResult, Reg};
use crate::js::bytecode::{Op, rd_i32};

const R0: Reg = Reg(0);
const R1: Reg = Reg(1);
const R2: Reg = Reg(2);

pub fn emit<M: MacroAssembler>(cx: &mut Ctx<'_, M>, op: Op, pc: usize) -> MasmResult {
    let dst = cx.u8at(pc, 1);
    let cond = match op {
        Op::LessThan => IntCond::Lt,
        Op::LessEq => IntCond::Le,
        Op::GreaterThan => IntCond::Gt,
        Op::GreaterEq => IntCond::Ge,
        Op::StrictEq => IntCond::Eq,
        _ => IntCond::Ne,
    };
    let slow = cx.slow_exit(pc, EXIT_GUARD);
    cx.m.load_slot(R0, cx.u8at(pc, 2) as i32)?;
    cx.m.branch_if_not_int32(R0, slow);
    cx.m.load_slot(R1, cx.u8at(pc, 3) as i32)?;
    cx.m.branch_if_not_int32(R1, slow);
    cx.m.int32_compare(R0, R1);
    cx.m.set_bool(R2, cond)?;
    cx.guards_passed();
    cx.m.store_slot(R2, dst as i32)?;
    // Fuse with a conditional jump on the result.
    let next = pc + op.encoded_len();
    if let Some(j @ (Op::JumpIfTrue | Op::JumpIfFalse)) = cx.op_at(next)
        && cx.u8at(next, 1) == dst
    {
        let target = (next as i64 + rd_i32(&cx.code.code, next + 2) as i64) as usize;
        let taken = cx.label_at(target)?;
        let after = cx.label_at(next + j.encoded_len())?;
        let c = if j == Op::JumpIfTrue {
            cond
        } else {
            cond.negate()
        };
        cx.m.branch_if(c, taken);
        cx.m.jump(after);
    }
    Ok(())
}

//! Jumps: unconditional branches, and conditional ones with inline truthiness
//! ([`super::truthy`]: strings go to the interpreter for the op) and inline undefined/null
//! tests.

use crate::jit::compiler::{Ctx, EXIT_STEP};
use crate::jit::masm::MasmResult;
use crate::jit::values::ValueOps;
use crate::js::bytecode::Op;
use crate::js::value::{NULL, UNDEFINED};

use super::R0;
use super::truthy;

pub fn emit<M: ValueOps>(cx: &mut Ctx<'_, M>, op: Op, pc: usize) -> MasmResult {
    if op == Op::Jump {
        let target = (pc as i64 + cx.operand(pc, 0)) as usize;
        let l = cx.label_at(target)?;
        cx.m.jump(l);
        return Ok(());
    }
    let target = (pc as i64 + cx.operand(pc, 1)) as usize;
    let taken = cx.label_at(target)?;
    let next = cx.label_at(pc + op.encoded_len())?;
    cx.m.load_slot(R0, cx.reg(pc, 0) as i32)?;
    match op {
        Op::JumpIfTrue | Op::JumpIfFalse => {
            let (on_true, on_false) = if op == Op::JumpIfTrue {
                (taken, next)
            } else {
                (next, taken)
            };
            let slow = cx.slow_exit(pc, EXIT_STEP);
            truthy::branch(cx, R0, on_true, on_false, slow)?;
        }
        Op::JumpIfUndefined | Op::JumpIfNotUndefined => {
            let (on_undef, other) = if op == Op::JumpIfUndefined {
                (taken, next)
            } else {
                (next, taken)
            };
            cx.m.branch_if_word_eq(R0, UNDEFINED, on_undef);
            cx.m.jump(other);
        }
        _ => {
            let (on_nullish, other) = if op == Op::JumpIfNullish {
                (taken, next)
            } else {
                (next, taken)
            };
            cx.m.branch_if_word_eq(R0, UNDEFINED, on_nullish);
            cx.m.branch_if_word_eq(R0, NULL, on_nullish);
            cx.m.jump(other);
        }
    }
    Ok(())
}

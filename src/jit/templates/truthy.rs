//! Truthiness (ToBoolean) inline: booleans, int32s (0 is falsy), doubles (±0 and NaN are
//! falsy), undefined/null (falsy) and objects (truthy); strings and BigInts (internal cells)
//! take the generic path. Used by `JumpIfTrue`/`JumpIfFalse` and by `Not`, which is fused with a
//! following conditional jump on its result (the boolean is still stored).

use super::{R0, R1};
use crate::jit::compiler::{Ctx, EXIT_STEP};
use crate::jit::masm::{FReg, FpCond, MasmResult, Reg};
use crate::jit::values::ValueOps;
use crate::js::bytecode::Op;
use crate::js::value::{FALSE, NULL, TRUE, UNDEFINED};

const F0: FReg = FReg(0);
const F1: FReg = FReg(1);

/// Branches to `on_true` or `on_false` on the truthiness of `v`, or to `slow` for a string.
pub fn branch<M: ValueOps>(
    cx: &mut Ctx<'_, M>,
    v: Reg,
    on_true: M::Label,
    on_false: M::Label,
    slow: M::Label,
) -> MasmResult {
    let (not_int, not_number) = (cx.m.new_label(), cx.m.new_label());
    cx.m.branch_if_word_eq(v, TRUE, on_true);
    cx.m.branch_if_word_eq(v, FALSE, on_false);
    cx.m.branch_if_not_int32(v, not_int);
    cx.m.branch_if_zero32(v, on_false);
    cx.m.jump(on_true);
    cx.m.bind(not_int)?;
    // A double: truthy iff < 0 or > 0 (both false for ±0 and NaN).
    cx.m.unbox_number_or(F0, v, not_number);
    cx.m.fp_mov_imm(F1, 0.0);
    cx.m.fbranch_f64(FpCond::Lt, F0, F1, on_true);
    cx.m.fbranch_f64(FpCond::Gt, F0, F1, on_true);
    cx.m.jump(on_false);
    cx.m.bind(not_number)?;
    cx.m.branch_if_word_eq(v, UNDEFINED, on_false);
    cx.m.branch_if_word_eq(v, NULL, on_false);
    cx.m.branch_if_heap_primitive(v, slow);
    cx.m.jump(on_true);
    Ok(())
}

/// `Not dst, src`.
pub fn emit_not<M: ValueOps>(cx: &mut Ctx<'_, M>, pc: usize) -> MasmResult {
    let dst = cx.reg(pc, 0);
    let slow = cx.slow_exit(pc, EXIT_STEP);
    let (truthy, falsy) = (cx.m.new_label(), cx.m.new_label());
    // Fused with `JumpIfTrue`/`JumpIfFalse dst`: (target if the operand was truthy,
    // target if it was falsy).
    let next = pc + Op::Not.encoded_len();
    let (after_truthy, after_falsy, fused) = match cx.op_at(next) {
        Some(j @ (Op::JumpIfTrue | Op::JumpIfFalse)) if cx.reg(next, 0) == dst => {
            let target = (next as i64 + cx.operand(next, 1)) as usize;
            let taken = cx.label_at(target)?;
            let after = cx.label_at(next + j.encoded_len())?;
            // The result is !truthy: JumpIfFalse jumps when the operand was truthy.
            if j == Op::JumpIfFalse {
                (taken, after, true)
            } else {
                (after, taken, true)
            }
        }
        _ => {
            let done = cx.m.new_label();
            (done, done, false)
        }
    };
    cx.m.load_slot(R0, cx.reg(pc, 1) as i32)?;
    branch(cx, R0, truthy, falsy, slow)?;
    cx.m.bind(truthy)?;
    cx.m.mov_imm(R1, FALSE);
    cx.m.store_slot(R1, dst as i32)?;
    cx.m.jump(after_truthy);
    cx.m.bind(falsy)?;
    cx.m.mov_imm(R1, TRUE);
    cx.m.store_slot(R1, dst as i32)?;
    if fused {
        cx.m.jump(after_falsy);
    } else {
        cx.m.bind(after_falsy)?;
    }
    Ok(())
}

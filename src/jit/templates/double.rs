//! The double path of the arithmetic templates: operands unboxed into FP registers (int32s
//! converted), the operation in FP registers, the result boxed exactly as the interpreter's
//! `Value::number` boxes it (int32 when integral and not −0, NaN canonical). A non-number
//! operand branches to the caller's slow label before anything is stored.

use crate::jit::compiler::Ctx;
use crate::jit::masm::{FReg, FpOp, MacroAssembler, MasmResult, Reg};
use crate::js::bytecode::Op;

const F0: FReg = FReg(0);
const F1: FReg = FReg(1);
const RES: Reg = Reg(2);

/// `slot[dst] = number(a op b)` for boxed numbers `a` and `b`, else branch to `slow`.
pub fn binary<M: MacroAssembler>(
    cx: &mut Ctx<'_, M>,
    op: FpOp,
    a: Reg,
    b: Reg,
    dst: i32,
    slow: M::Label,
) -> MasmResult {
    cx.m.unbox_number_or(F0, a, slow);
    cx.m.unbox_number_or(F1, b, slow);
    cx.m.fp_op(op, F0, F0, F1);
    cx.m.box_number(RES, F0);
    cx.m.store_slot(RES, dst)
}

/// `slot[dst] = number(a ± 1)` (`Inc`/`Dec`) or `number(-a)` (`Neg`) for a boxed number
/// `a`, else branch to `slow`.
pub fn unary<M: MacroAssembler>(
    cx: &mut Ctx<'_, M>,
    op: Op,
    a: Reg,
    dst: i32,
    slow: M::Label,
) -> MasmResult {
    cx.m.unbox_number_or(F0, a, slow);
    match op {
        Op::Neg => cx.m.fp_neg(F0, F0),
        _ => {
            cx.m.fp_mov_imm(F1, 1.0);
            let fop = if op == Op::Inc { FpOp::Add } else { FpOp::Sub };
            cx.m.fp_op(fop, F0, F0, F1);
        }
    }
    cx.m.box_number(RES, F0);
    cx.m.store_slot(RES, dst)
}

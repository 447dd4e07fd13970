//! The double path of the arithmetic templates: operands unboxed into FP registers (int32s
//! converted, known constants materialised), the operation in FP registers, the result boxed
//! exactly as the interpreter's `Value::number` boxes it (int32 when integral and not −0, NaN
//! canonical). A non-number operand branches to the slow path before anything is stored.

use crate::jit::compiler::Ctx;
use crate::jit::masm::{FReg, FpOp, MacroAssembler, MasmResult, Reg};
use crate::js::bytecode::Op;

use super::operand::{self, Slow};

const F0: FReg = FReg(0);
const F1: FReg = FReg(1);
const RES: Reg = Reg(2);

/// A register operand of the op: its bytecode register, the scratch register holding its
/// value, and whether that scratch register is loaded already.
#[derive(Clone, Copy)]
pub struct Operand {
    pub r: usize,
    pub v: Reg,
    pub loaded: bool,
}

/// `f` = the number in operand `o`, loading it first if needed.
fn unbox<M: MacroAssembler>(
    cx: &mut Ctx<'_, M>,
    o: Operand,
    f: FReg,
    slow: &mut Slow<M::Label>,
) -> MasmResult {
    if !o.loaded && operand::needs_load(cx, o.r) {
        operand::load(cx, o.r, o.v)?;
    }
    operand::number(cx, o.r, o.v, f, None, slow);
    Ok(())
}

/// `slot[dst] = number(a op b)` for numbers `a` and `b`, else branch to the slow path.
pub fn binary<M: MacroAssembler>(
    cx: &mut Ctx<'_, M>,
    op: FpOp,
    a: Operand,
    b: Operand,
    dst: i32,
    slow: &mut Slow<M::Label>,
) -> MasmResult {
    unbox(cx, a, F0, slow)?;
    unbox(cx, b, F1, slow)?;
    cx.m.fp_op(op, F0, F0, F1);
    cx.m.box_number(RES, F0);
    cx.m.store_slot(RES, dst)
}

/// `slot[dst] = number(a ± 1)` (`Inc`/`Dec`) or `number(-a)` (`Neg`) for a number `a`, else
/// branch to the slow path.
pub fn unary<M: MacroAssembler>(
    cx: &mut Ctx<'_, M>,
    op: Op,
    a: Operand,
    dst: i32,
    slow: &mut Slow<M::Label>,
) -> MasmResult {
    unbox(cx, a, F0, slow)?;
    match op {
        Op::Neg => cx.m.fp_neg_number(F0, F0),
        _ => {
            cx.m.fp_mov_imm(F1, 1.0);
            let fop = if op == Op::Inc { FpOp::Add } else { FpOp::Sub };
            cx.m.fp_op(fop, F0, F0, F1);
        }
    }
    cx.m.box_number(RES, F0);
    cx.m.store_slot(RES, dst)
}

//! The double path of the arithmetic templates: operands unboxed into FP registers (int32s
//! converted, known constants materialised), the operation in FP registers, the result boxed
//! exactly as the interpreter's `Value::number` boxes it (int32 when integral and not −0, NaN
//! canonical). A non-number operand branches to the slow path before anything is stored.

use crate::jit::compiler::Ctx;
use crate::jit::masm::{FReg, FpCond, FpOp, FpUnary, MasmResult, Reg};
use crate::jit::values::ValueOps;
use crate::js::bytecode::Op;

use super::operand::{self, Slow};

const F0: FReg = FReg(0);
const F1: FReg = FReg(1);
const F2: FReg = FReg(2);
const F3: FReg = FReg(3);
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
fn unbox<M: ValueOps>(
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
pub fn binary<M: ValueOps>(
    cx: &mut Ctx<'_, M>,
    op: FpOp,
    a: Operand,
    b: Operand,
    dst: i32,
    slow: &mut Slow<M::Label>,
) -> MasmResult {
    unbox(cx, a, F0, slow)?;
    unbox(cx, b, F1, slow)?;
    cx.m.fp_op_f64(op, F0, F0, F1);
    cx.m.box_number(RES, F0);
    cx.m.store_slot(RES, dst)
}

/// `slot[dst] = number(a % b)` for integral numbers `a` and `b` of magnitude below 2^53, `b`
/// not zero (the remainders of seeded random number generators, `(s * k) % m`), else branch
/// to the slow path (fractions, NaN, infinities, zero divisors: the interpreter's `fmod`).
///
/// Exact: the quotient of two such integers is never within half an ulp below an integer, so
/// `q = trunc(a / b)` is the true truncated quotient, and `q·b` and `a − q·b` are integers
/// below 2^53. The remainder has the dividend's sign; a zero one is +0 from the subtraction
/// and takes `a`'s sign bit, as JavaScript's `%` gives −0 for a negative dividend.
pub fn rem<M: ValueOps>(
    cx: &mut Ctx<'_, M>,
    a: Operand,
    b: Operand,
    dst: i32,
    slow: &mut Slow<M::Label>,
) -> MasmResult {
    unbox(cx, a, F0, slow)?;
    unbox(cx, b, F1, slow)?;
    let l = slow.get(cx);
    cx.m.fp_mov_imm(F3, 9007199254740992.0);
    for f in [F0, F1] {
        // Integral (false for NaN: unordered is `Ne`), then finite and below 2^53.
        cx.m.fp_unary_f64(FpUnary::Trunc, F2, f);
        cx.m.fbranch_f64(FpCond::Ne, F2, f, l);
        cx.m.fp_unary_f64(FpUnary::Abs, F2, f);
        cx.m.fbranch_f64(FpCond::NotLt, F2, F3, l);
    }
    cx.m.fp_mov_imm(F3, 0.0);
    cx.m.fbranch_f64(FpCond::Eq, F1, F3, l);
    cx.m.fp_op_f64(FpOp::Div, F2, F0, F1);
    cx.m.fp_unary_f64(FpUnary::Trunc, F2, F2);
    cx.m.fp_op_f64(FpOp::Mul, F2, F2, F1);
    cx.m.fp_op_f64(FpOp::Sub, F2, F0, F2);
    cx.m.fp_or_sign(F2, F0);
    cx.m.box_number(RES, F2);
    cx.m.store_slot(RES, dst)
}

/// `slot[dst] = number(a ± 1)` (`Inc`/`Dec`) or `number(-a)` (`Neg`) for a number `a`, else
/// branch to the slow path.
pub fn unary<M: ValueOps>(
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
            cx.m.fp_op_f64(fop, F0, F0, F1);
        }
    }
    cx.m.box_number(RES, F0);
    cx.m.store_slot(RES, dst)
}

//! Arithmetic: `Add`/`Sub`/`Mul`/`Div`/`Rem`/`Neg`/`Inc`/`Dec`. Two int32s take the int32 fast
//! path with an overflow check; an overflow, a double operand or a −0 result continues
//! out of line in the double path ([`super::double`]; for `Rem`, integral doubles only).
//! Any other operand (strings, objects...) leaves compiled code for the op ([`EXIT_STEP`]:
//! the generic path, frame untouched).
//!
//! Known operands ([`crate::jit::facts`]) skip their tag checks; an int32 constant is an
//! immediate of `Add`/`Sub`; an operand that is probably a non-int32 double (a product, a
//! double constant) sends the op straight to the double path, which gives the same result
//! for int32s too.
//!
//! [`EXIT_STEP`]: crate::jit::compiler::EXIT_STEP

use crate::jit::compiler::Ctx;
use crate::jit::masm::{FpOp, MasmResult};
use crate::jit::values::{Int32Op, ValueOps};
use crate::js::bytecode::Op;

use super::double::{self, Operand};
use super::operand::{self, Slow};
use super::{R0, R1, R2};

pub fn emit<M: ValueOps>(cx: &mut Ctx<'_, M>, op: Op, pc: usize) -> MasmResult {
    let dst = cx.reg(pc, 0) as i32;
    let mut slow = Slow::new(pc);
    let a = Operand {
        r: cx.reg(pc, 1),
        v: R0,
        loaded: false,
    };
    match op {
        Op::Inc | Op::Dec | Op::Neg => unary(cx, op, pc, a, dst, &mut slow),
        Op::Rem => {
            let b = Operand {
                r: cx.reg(pc, 2),
                v: R1,
                loaded: false,
            };
            rem(cx, pc, a, b, dst, &mut slow)
        }
        _ => {
            let b = Operand {
                r: cx.reg(pc, 2),
                v: R1,
                loaded: false,
            };
            binary(cx, op, pc, a, b, dst, &mut slow)
        }
    }
}

fn unary<M: ValueOps>(
    cx: &mut Ctx<'_, M>,
    op: Op,
    pc: usize,
    mut a: Operand,
    dst: i32,
    slow: &mut Slow<M::Label>,
) -> MasmResult {
    let fa = cx.fact(a.r);
    if fa.likely_double() {
        return double::unary(cx, op, a, dst, slow);
    }
    operand::load(cx, a.r, R0)?;
    a.loaded = true;
    // The double path (a double operand, an overflow) out of line.
    let (dbl, done) = cx.out_of_line(pc, [(a.r, true), (a.r, true)]);
    if !fa.is_int32() {
        cx.m.branch_if_not_int32(R0, dbl);
    }
    match op {
        Op::Inc => cx.m.int32_add_imm(R2, R0, 1, dbl)?,
        Op::Dec => cx.m.int32_add_imm(R2, R0, -1, dbl)?,
        _ => cx.m.int32_neg(R2, R0, dbl),
    }
    cx.m.store_slot(R2, dst)?;
    cx.m.bind(done)
}

/// Int32 operands whose remainder is an int32 are inline; other numbers (a double operand,
/// a zero divisor, a −0 result) continue out of line in the double path
/// ([`double::rem`]), first if the op met a double in the interpreter or has an operand
/// known to be one.
fn rem<M: ValueOps>(
    cx: &mut Ctx<'_, M>,
    pc: usize,
    mut a: Operand,
    mut b: Operand,
    dst: i32,
    slow: &mut Slow<M::Label>,
) -> MasmResult {
    let (fa, fb) = (cx.fact(a.r), cx.fact(b.r));
    if fa.likely_double() || fb.likely_double() || cx.code.saw_double.get(pc) {
        return double::rem(cx, a, b, dst, slow);
    }
    let (dbl, done) = cx.out_of_line(pc, [(a.r, true), (b.r, true)]);
    load(cx, &mut a)?;
    load(cx, &mut b)?;
    int_check(cx, a, dbl);
    int_check(cx, b, dbl);
    cx.m.int32_rem(R2, R0, R1, dbl)?;
    cx.m.store_slot(R2, dst)?;
    cx.m.bind(done)
}

fn binary<M: ValueOps>(
    cx: &mut Ctx<'_, M>,
    op: Op,
    pc: usize,
    mut a: Operand,
    mut b: Operand,
    dst: i32,
    slow: &mut Slow<M::Label>,
) -> MasmResult {
    let fop = fp_op(op);
    let (fa, fb) = (cx.fact(a.r), cx.fact(b.r));
    // Division always takes the double path (the interpreter's too); so does an op that
    // met a double in the interpreter (its feedback) or has an operand known to be one.
    if op == Op::Div || fa.likely_double() || fb.likely_double() || cx.code.saw_double.get(pc) {
        return double::binary(cx, fop, a, b, dst, slow);
    }
    // A known int32 constant is an immediate (the back end materializes what its
    // instructions cannot encode); i32::MIN has no negation for a subtraction.
    let imm = |k: Option<i32>| k.filter(|&k| k != i32::MIN);
    let (ka, kb) = (imm(fa.int_const()), imm(fb.int_const()));
    let form = match (op, ka, kb) {
        (Op::Add | Op::Sub, _, Some(k)) => Form::ImmRight(if op == Op::Sub { -k } else { k }),
        (Op::Add, Some(k), None) => Form::ImmLeft(k),
        _ => Form::Regs,
    };
    // The double path (a double operand, an overflow) out of line.
    let loaded = match form {
        Form::ImmRight(_) => [true, false],
        Form::ImmLeft(_) => [false, true],
        Form::Regs => [true, true],
    };
    let (dbl, done) = cx.out_of_line(pc, [(a.r, loaded[0]), (b.r, loaded[1])]);
    match form {
        Form::ImmRight(k) => {
            int_operand(cx, &mut a, dbl)?;
            cx.m.int32_add_imm(R2, R0, k, dbl)?;
        }
        Form::ImmLeft(k) => {
            int_operand(cx, &mut b, dbl)?;
            cx.m.int32_add_imm(R2, R1, k, dbl)?;
        }
        Form::Regs => {
            // Both loaded before either check: the double path needs both.
            load(cx, &mut a)?;
            load(cx, &mut b)?;
            int_check(cx, a, dbl);
            int_check(cx, b, dbl);
            let iop = match op {
                Op::Add => Int32Op::Add,
                Op::Sub => Int32Op::Sub,
                // A zero product may be −0: the double path decides.
                _ => Int32Op::Mul,
            };
            cx.m.int32_op(iop, R2, R0, R1, dbl);
        }
    }
    cx.m.store_slot(R2, dst)?;
    cx.m.bind(done)
}

/// The int32 path's shape: an immediate on either side, or two registers.
#[derive(Clone, Copy)]
enum Form {
    ImmRight(i32),
    ImmLeft(i32),
    Regs,
}

/// The double path of the op at `pc`, out of line (`loaded`: whether the int32 path
/// loaded its operands into R0/R1).
pub fn out_of_line<M: ValueOps>(
    cx: &mut Ctx<'_, M>,
    op: Op,
    pc: usize,
    loaded: [bool; 2],
) -> MasmResult {
    let dst = cx.reg(pc, 0) as i32;
    let mut slow = Slow::new(pc);
    let a = Operand {
        r: cx.reg(pc, 1),
        v: R0,
        loaded: loaded[0],
    };
    if matches!(op, Op::Inc | Op::Dec | Op::Neg) {
        return double::unary(cx, op, a, dst, &mut slow);
    }
    let b = Operand {
        r: cx.reg(pc, 2),
        v: R1,
        loaded: loaded[1],
    };
    if op == Op::Rem {
        return double::rem(cx, a, b, dst, &mut slow);
    }
    double::binary(cx, fp_op(op), a, b, dst, &mut slow)
}

fn fp_op(op: Op) -> FpOp {
    match op {
        Op::Add => FpOp::Add,
        Op::Sub => FpOp::Sub,
        Op::Mul => FpOp::Mul,
        _ => FpOp::Div,
    }
}

/// Loads operand `o` and branches to `not_int` unless it is known to be an int32 or holds one.
fn int_operand<M: ValueOps>(cx: &mut Ctx<'_, M>, o: &mut Operand, not_int: M::Label) -> MasmResult {
    load(cx, o)?;
    int_check(cx, *o, not_int);
    Ok(())
}

/// Loads operand `o` (a constant materialised).
fn load<M: ValueOps>(cx: &mut Ctx<'_, M>, o: &mut Operand) -> MasmResult {
    operand::load(cx, o.r, o.v)?;
    o.loaded = true;
    Ok(())
}

/// Branches to `not_int` unless operand `o` is known to be an int32 or holds one.
fn int_check<M: ValueOps>(cx: &mut Ctx<'_, M>, o: Operand, not_int: M::Label) {
    if !cx.fact(o.r).is_int32() {
        cx.m.branch_if_not_int32(o.v, not_int);
    }
}

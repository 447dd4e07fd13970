//! Arithmetic: `Add`/`Sub`/`Mul`/`Div`/`Rem`/`Neg`/`Inc`/`Dec`. Two int32s take the int32 fast
//! path with an overflow check; an overflow, a double operand or a −0 result continues inline
//! in the double path ([`super::double`]). Any other operand (strings, objects...) leaves
//! compiled code for the op ([`EXIT_STEP`]: the generic path, frame untouched).
//!
//! Known operands ([`crate::jit::facts`]) skip their tag checks; an int32 constant is an
//! immediate of `Add`/`Sub`; an operand that is probably a non-int32 double (a product, a
//! double constant) sends the op straight to the double path, which gives the same result
//! for int32s too.
//!
//! [`EXIT_STEP`]: crate::jit::compiler::EXIT_STEP

use crate::jit::compiler::Ctx;
use crate::jit::masm::{FpOp, IntOp, MacroAssembler, MasmResult, Reg};
use crate::js::bytecode::Op;

use super::double::{self, Operand};
use super::operand::{self, Slow};

const R0: Reg = Reg(0);
const R1: Reg = Reg(1);
const R2: Reg = Reg(2);

/// Largest magnitude of an int32 constant used as an add/sub immediate.
const IMM_MAX: i32 = 4095;

pub fn emit<M: MacroAssembler>(cx: &mut Ctx<'_, M>, op: Op, pc: usize) -> MasmResult {
    let dst = cx.u8at(pc, 1) as i32;
    let mut slow = Slow::new(pc);
    let a = Operand {
        r: cx.u8at(pc, 2),
        v: R0,
        loaded: false,
    };
    match op {
        Op::Inc | Op::Dec | Op::Neg => unary(cx, op, a, dst, &mut slow),
        Op::Rem => rem(cx, a, cx.u8at(pc, 3), dst, &mut slow),
        _ => {
            let b = Operand {
                r: cx.u8at(pc, 3),
                v: R1,
                loaded: false,
            };
            binary(cx, op, a, b, dst, &mut slow)
        }
    }
}

fn unary<M: MacroAssembler>(
    cx: &mut Ctx<'_, M>,
    op: Op,
    mut a: Operand,
    dst: i32,
    slow: &mut Slow<M::Label>,
) -> MasmResult {
    let fa = cx.fact(a.r);
    if fa.likely_double() {
        return double::unary(cx, op, a, dst, slow);
    }
    let (dbl, done) = (cx.m.new_label(), cx.m.new_label());
    operand::load(cx, a.r, R0)?;
    a.loaded = true;
    if !fa.is_int32() {
        cx.m.branch_if_not_int32(R0, dbl);
    }
    match op {
        Op::Inc => cx.m.int32_add_imm(R2, R0, 1, dbl)?,
        Op::Dec => cx.m.int32_add_imm(R2, R0, -1, dbl)?,
        _ => cx.m.int32_neg(R2, R0, dbl),
    }
    cx.m.store_slot(R2, dst)?;
    cx.m.jump(done);
    cx.m.bind(dbl)?;
    double::unary(cx, op, a, dst, slow)?;
    cx.m.bind(done)
}

/// Only `a >= 0 && b > 0` on int32s is inline (the interpreter's int32 case); everything
/// else is `fmod` in the interpreter.
fn rem<M: MacroAssembler>(
    cx: &mut Ctx<'_, M>,
    a: Operand,
    rb: usize,
    dst: i32,
    slow: &mut Slow<M::Label>,
) -> MasmResult {
    let l = slow.get(cx);
    for (r, v) in [(a.r, R0), (rb, R1)] {
        operand::load(cx, r, v)?;
        if !cx.fact(r).is_int32() {
            cx.m.branch_if_not_int32(v, l);
        }
    }
    cx.m.int32_rem(R2, R0, R1, l);
    cx.m.store_slot(R2, dst)
}

fn binary<M: MacroAssembler>(
    cx: &mut Ctx<'_, M>,
    op: Op,
    mut a: Operand,
    mut b: Operand,
    dst: i32,
    slow: &mut Slow<M::Label>,
) -> MasmResult {
    let fop = match op {
        Op::Add => FpOp::Add,
        Op::Sub => FpOp::Sub,
        Op::Mul => FpOp::Mul,
        _ => FpOp::Div,
    };
    let (fa, fb) = (cx.fact(a.r), cx.fact(b.r));
    // Division always takes the double path (the interpreter's too).
    if op == Op::Div || fa.likely_double() || fb.likely_double() {
        return double::binary(cx, fop, a, b, dst, slow);
    }
    let (dbl, done) = (cx.m.new_label(), cx.m.new_label());
    let imm = |k: Option<i32>| k.filter(|k| k.unsigned_abs() <= IMM_MAX as u32);
    let (ka, kb) = (imm(fa.int_const()), imm(fb.int_const()));
    match (op, ka, kb) {
        (Op::Add | Op::Sub, _, Some(k)) => {
            int_operand(cx, &mut a, dbl)?;
            let k = if op == Op::Sub { -k } else { k };
            cx.m.int32_add_imm(R2, R0, k, dbl)?;
        }
        (Op::Add, Some(k), None) => {
            int_operand(cx, &mut b, dbl)?;
            cx.m.int32_add_imm(R2, R1, k, dbl)?;
        }
        _ => {
            // Both loaded before either check: the double path needs both.
            load(cx, &mut a)?;
            load(cx, &mut b)?;
            int_check(cx, a, dbl);
            int_check(cx, b, dbl);
            let iop = match op {
                Op::Add => IntOp::Add,
                Op::Sub => IntOp::Sub,
                // A zero product may be −0: the double path decides.
                _ => IntOp::Mul,
            };
            cx.m.int32_op(iop, R2, R0, R1, dbl);
        }
    }
    cx.m.store_slot(R2, dst)?;
    cx.m.jump(done);
    cx.m.bind(dbl)?;
    double::binary(cx, fop, a, b, dst, slow)?;
    cx.m.bind(done)
}

/// Loads operand `o` and branches to `not_int` unless it is known to be an int32 or holds one.
fn int_operand<M: MacroAssembler>(
    cx: &mut Ctx<'_, M>,
    o: &mut Operand,
    not_int: M::Label,
) -> MasmResult {
    load(cx, o)?;
    int_check(cx, *o, not_int);
    Ok(())
}

/// Loads operand `o` (a constant materialised).
fn load<M: MacroAssembler>(cx: &mut Ctx<'_, M>, o: &mut Operand) -> MasmResult {
    operand::load(cx, o.r, o.v)?;
    o.loaded = true;
    Ok(())
}

/// Branches to `not_int` unless operand `o` is known to be an int32 or holds one.
fn int_check<M: MacroAssembler>(cx: &mut Ctx<'_, M>, o: Operand, not_int: M::Label) {
    if !cx.fact(o.r).is_int32() {
        cx.m.branch_if_not_int32(o.v, not_int);
    }
}

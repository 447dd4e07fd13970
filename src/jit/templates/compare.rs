//! Relational compares and strict equality, fused with a following `JumpIfTrue`/`JumpIfFalse`
//! on the result (compare + conditional branch on the flags). The boolean is still stored, so
//! the register file matches the interpreter's at every op boundary.
//!
//! Paths, in order: two int32s (integer compare); two numbers (double compare in FP
//! registers, false on NaN for the ordered conditions); for strict equality, identical bits on
//! any other pair without a string (objects, booleans, undefined/null; a number against a
//! non-number is unequal). Strings, relational compares of non-numbers, and the hole marker
//! take the generic path ([`EXIT_STEP`]).

use crate::jit::compiler::{Ctx, EXIT_STEP};
use crate::jit::masm::{FReg, FpCond, IntCond, MacroAssembler, MasmResult, Reg};
use crate::js::bytecode::{Op, rd_i32};
use crate::js::value::EMPTY;

const R0: Reg = Reg(0);
const R1: Reg = Reg(1);
const R2: Reg = Reg(2);
const F0: FReg = FReg(0);
const F1: FReg = FReg(1);

/// What the flags set by a compare are tested with.
#[derive(Clone, Copy)]
enum Flags {
    Int(IntCond),
    Fp(FpCond),
}

/// Where control goes after the boolean is stored: a fused jump's two targets, or straight on.
#[derive(Clone, Copy)]
enum Tail<L> {
    Fused { on_true: L, on_false: L },
    Next(L),
}

pub fn emit<M: MacroAssembler>(cx: &mut Ctx<'_, M>, op: Op, pc: usize) -> MasmResult {
    let dst = cx.u8at(pc, 1);
    let strict = matches!(op, Op::StrictEq | Op::StrictNotEq);
    let (icond, fcond) = match op {
        Op::LessThan => (IntCond::Lt, FpCond::Lt),
        Op::LessEq => (IntCond::Le, FpCond::Le),
        Op::GreaterThan => (IntCond::Gt, FpCond::Gt),
        Op::GreaterEq => (IntCond::Ge, FpCond::Ge),
        Op::StrictEq => (IntCond::Eq, FpCond::Eq),
        // NaN !== NaN: `ne` holds on unordered.
        _ => (IntCond::Ne, FpCond::Ne),
    };
    let tail = tail(cx, op, pc, dst)?;
    let slow = cx.slow_exit(pc, EXIT_STEP);
    let not_ints = cx.m.new_label();
    cx.m.load_slot(R0, cx.u8at(pc, 2) as i32)?;
    cx.m.load_slot(R1, cx.u8at(pc, 3) as i32)?;
    cx.m.branch_if_not_int32(R0, not_ints);
    cx.m.branch_if_not_int32(R1, not_ints);
    cx.m.int32_compare(R0, R1);
    finish(cx, Flags::Int(icond), dst, tail)?;

    cx.m.bind(not_ints)?;
    let not_numbers = if strict {
        cx.m.branch_if_string(R0, slow);
        cx.m.branch_if_string(R1, slow);
        cx.m.new_label()
    } else {
        slow
    };
    cx.m.unbox_number_or(F0, R0, not_numbers);
    cx.m.unbox_number_or(F1, R1, not_numbers);
    cx.m.fp_compare(F0, F1);
    finish(cx, Flags::Fp(fcond), dst, tail)?;

    if strict {
        // Neither is a string and they are not both numbers: equal iff the same bits, except
        // that the hole marker is never equal to anything (generic path).
        cx.m.bind(not_numbers)?;
        cx.m.branch_if_word_eq(R0, EMPTY, slow, R2);
        cx.m.word_compare(R0, R1);
        finish(cx, Flags::Int(icond), dst, tail)?;
    }
    if let Tail::Next(next) = tail {
        cx.m.bind(next)?;
    }
    Ok(())
}

/// The control flow after the compare: fused with a following conditional jump on `dst`, or
/// a label right after this op's code.
fn tail<M: MacroAssembler>(
    cx: &mut Ctx<'_, M>,
    op: Op,
    pc: usize,
    dst: usize,
) -> MasmResult<Tail<M::Label>> {
    let next = pc + op.encoded_len();
    if let Some(j @ (Op::JumpIfTrue | Op::JumpIfFalse)) = cx.op_at(next)
        && cx.u8at(next, 1) == dst
    {
        let target = (next as i64 + rd_i32(&cx.code.code, next + 2) as i64) as usize;
        let taken = cx.label_at(target)?;
        let after = cx.label_at(next + j.encoded_len())?;
        return Ok(if j == Op::JumpIfTrue {
            Tail::Fused {
                on_true: taken,
                on_false: after,
            }
        } else {
            Tail::Fused {
                on_true: after,
                on_false: taken,
            }
        });
    }
    Ok(Tail::Next(cx.m.new_label()))
}

/// Stores the boolean of `flags` into `dst`, then goes on as `tail` says.
fn finish<M: MacroAssembler>(
    cx: &mut Ctx<'_, M>,
    flags: Flags,
    dst: usize,
    tail: Tail<M::Label>,
) -> MasmResult {
    match flags {
        Flags::Int(c) => cx.m.set_bool(R2, c)?,
        Flags::Fp(c) => cx.m.set_bool_fp(R2, c)?,
    }
    cx.m.store_slot(R2, dst as i32)?;
    match tail {
        Tail::Fused { on_true, on_false } => {
            match flags {
                Flags::Int(c) => cx.m.branch_if(c, on_true),
                Flags::Fp(c) => cx.m.branch_if_fp(c, on_true),
            }
            cx.m.jump(on_false);
        }
        Tail::Next(next) => cx.m.jump(next),
    }
    Ok(())
}

//! Relational compares and strict equality, fused with a following `JumpIfTrue`/`JumpIfFalse`
//! on the result (compare + conditional branch on the flags). The boolean is still stored, so
//! the register file matches the interpreter's at every op boundary.
//!
//! Paths, in order: two int32s (integer compare); two numbers (double compare in FP
//! registers, false on NaN for the ordered conditions); for strict equality, identical bits on
//! any other pair without a string or BigInt (objects, booleans, undefined/null; a number
//! against a non-number is unequal); then two strings: the same cell is equal, two cells are
//! compared by a direct call of the runtime's `str_eq` (length, then units), never through
//! the step helper. Relational compares of two strings call the runtime's `str_cmp` (code-unit
//! order). BigInts (equal by value), a string against a non-string, relational compares of
//! other non-numbers, and the hole marker take the generic path ([`EXIT_STEP`]).

use crate::jit::compiler::Ctx;
use crate::jit::masm::{FReg, FpCond, IntCond, MasmResult, Reg, RegImm, Size, imm};
use crate::jit::values::ValueOps;
use crate::js::bytecode::Op;
use crate::js::value::{ASR48_CELL, EMPTY};

use super::operand::{self, Slow};
use super::{R0, R1, R2};

const F0: FReg = FReg(0);
const F1: FReg = FReg(1);

/// The compare that decides: integers (`a cond b` at a size) or the doubles in F0 and F1.
#[derive(Clone, Copy)]
enum Flags {
    Int(IntCond, Reg, RegImm, Size),
    Fp(FpCond),
}

/// Where control goes after the boolean is stored: a fused jump's two targets, or straight on.
#[derive(Clone, Copy)]
enum Tail<L> {
    /// Fused with `JumpIfTrue` (`jump_if`) or `JumpIfFalse` to `target`; `after` is the op
    /// after that jump, whose code follows this op's (the jump's own code is out of line).
    Fused {
        target: L,
        after: L,
        jump_if: bool,
    },
    Next(L),
}

pub fn emit<M: ValueOps>(cx: &mut Ctx<'_, M>, op: Op, pc: usize) -> MasmResult {
    let dst = cx.reg(pc, 0);
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
    let mut slow = Slow::new(pc);
    let (ra, rb) = (cx.reg(pc, 1), cx.reg(pc, 2));
    let (fa, fb) = (cx.fact(ra), cx.fact(rb));
    let ints = fa.is_int32() && fb.is_int32();
    let numbers = fa.is_number() && fb.is_number();
    // Operands that are probably doubles skip the int32 attempt.
    let try_ints = ints || !(fa.likely_double() || fb.likely_double());
    // Strict equality of non-numbers compares the words: both must be in registers.
    let words = strict && !numbers;
    // Two strings are possible only if neither is known to be a number.
    let strings = (words && !fa.is_number() && !fb.is_number()).then(|| cx.m.new_label());
    // A relational compare of two strings: the non-number path of the number compare.
    let ordered = (!strict && !fa.is_number() && !fb.is_number()).then(|| cx.m.new_label());
    let mut loaded = false;
    if try_ints {
        let not_ints = cx.m.new_label();
        let (flags, both) = int_compare(cx, icond, ra, rb, not_ints)?;
        finish(cx, flags, dst, tail, ints)?;
        cx.m.bind(not_ints)?;
        if ints {
            return end(cx, tail);
        }
        loaded = both;
    }
    if !loaded {
        for (r, v) in [(ra, R0), (rb, R1)] {
            if words || operand::needs_load(cx, r) {
                operand::load(cx, r, v)?;
            }
        }
    }
    let not_numbers = if words {
        let l = slow.get(cx);
        for (r, v) in [(ra, R0), (rb, R1)] {
            if cx.fact(r).is_number() {
                continue;
            }
            match strings {
                Some(s) => {
                    cx.m.branch_if_string(v, s);
                    cx.m.branch_if_asr48(v, ASR48_CELL, l);
                }
                None => cx.m.branch_if_heap_primitive(v, l),
            }
        }
        Some(cx.m.new_label())
    } else {
        None
    };
    let not_number = not_numbers.or(ordered);
    operand::number(cx, ra, R0, F0, not_number, &mut slow);
    operand::number(cx, rb, R1, F1, not_number, &mut slow);
    finish(cx, Flags::Fp(fcond), dst, tail, not_number.is_none())?;

    if let Some(not_numbers) = not_numbers {
        // Neither is a string and they are not both numbers: equal iff the same bits, except
        // that the hole marker is never equal to anything (generic path).
        cx.m.bind(not_numbers)?;
        let l = slow.get(cx);
        cx.m.branch_if_word_eq(R0, EMPTY, l);
        finish(
            cx,
            Flags::Int(icond, R0, R1.into(), Size::S64),
            dst,
            tail,
            strings.is_none(),
        )?;
    }
    if let Some(strings) = strings {
        cx.m.bind(strings)?;
        string_equality(cx, icond, dst, tail, &mut slow)?;
    }
    if let Some(ordered) = ordered {
        cx.m.bind(ordered)?;
        string_order(cx, icond, (ra, rb), dst, tail, &mut slow)?;
    }
    end(cx, tail)
}

/// `<`, `<=`, `>`, `>=` (`cond`) of registers `ra` and `rb`, which are not both numbers: two
/// strings are ordered by the runtime's `str_cmp` (code units; 0, 1, 2 for less, equal,
/// greater, so `a cond b` iff `str_cmp(a, b) cond 1`); anything else takes the slow path.
fn string_order<M: ValueOps>(
    cx: &mut Ctx<'_, M>,
    cond: IntCond,
    (ra, rb): (usize, usize),
    dst: usize,
    tail: Tail<M::Label>,
    slow: &mut Slow<M::Label>,
) -> MasmResult {
    // Reloaded: the number path may have left either unloaded.
    operand::load(cx, ra, R0)?;
    operand::load(cx, rb, R1)?;
    let str_cmp = cx.rt.str_cmp;
    two_strings_by(cx, str_cmp, (cond, 1), dst, tail, slow)
}

/// The last path of a compare of R0 and R1 as two strings: anything else takes the slow path;
/// otherwise `helper(R0, R1)` (a runtime string function) decides, the result `r` giving
/// `r cond k`.
fn two_strings_by<M: ValueOps>(
    cx: &mut Ctx<'_, M>,
    helper: u64,
    (cond, k): (IntCond, i64),
    dst: usize,
    tail: Tail<M::Label>,
    slow: &mut Slow<M::Label>,
) -> MasmResult {
    let l = slow.get(cx);
    cx.m.branch_if_not_string(R0, l);
    cx.m.branch_if_not_string(R1, l);
    cx.m.call_helper2(helper, R0, R1)?;
    cx.m.result_to(R2);
    finish(
        cx,
        Flags::Int(cond, R2, RegImm::Imm(k), Size::S64),
        dst,
        tail,
        true,
    )
}

/// Strict (in)equality (`cond`: `Eq` or `Ne`) of R0 and R1, at least one of them a string:
/// the same bits are the same string; two different string cells are equal iff the runtime's
/// `str_eq` says so; anything else (a string against a non-string) takes the slow path.
fn string_equality<M: ValueOps>(
    cx: &mut Ctx<'_, M>,
    cond: IntCond,
    dst: usize,
    tail: Tail<M::Label>,
    slow: &mut Slow<M::Label>,
) -> MasmResult {
    let differ = cx.m.new_label();
    cx.m.branch_if_ne(R0, R1, differ);
    finish(
        cx,
        Flags::Int(cond, R0, R1.into(), Size::S64),
        dst,
        tail,
        false,
    )?;
    cx.m.bind(differ)?;
    // The helper's 1 (same units) is `===`'s true and `!==`'s false.
    let str_eq = cx.rt.str_eq;
    two_strings_by(cx, str_eq, (cond.negate(), 0), dst, tail, slow)
}

/// Binds the label after the op's code, if the compare is not fused with a jump.
fn end<M: ValueOps>(cx: &mut Ctx<'_, M>, tail: Tail<M::Label>) -> MasmResult {
    if let Tail::Next(next) = tail {
        cx.m.bind(next)?;
    }
    Ok(())
}

/// The int32 compare of registers `ra` and `rb` (branching to `not_ints` unless both hold
/// int32s): a known int32 constant is an immediate. Returns the compare (its condition
/// swapped when the constant is on the left) and whether both operands are now in R0/R1.
fn int_compare<M: ValueOps>(
    cx: &mut Ctx<'_, M>,
    c: IntCond,
    ra: usize,
    rb: usize,
    not_ints: M::Label,
) -> MasmResult<(Flags, bool)> {
    let (ka, kb) = (cx.fact(ra).int_const(), cx.fact(rb).int_const());
    let check = |cx: &mut Ctx<'_, M>, r: usize, v: Reg| {
        if !cx.fact(r).is_int32() {
            cx.m.branch_if_not_int32(v, not_ints);
        }
    };
    let checked_load = |cx: &mut Ctx<'_, M>, r: usize, v: Reg| -> MasmResult {
        operand::load(cx, r, v)?;
        check(cx, r, v);
        Ok(())
    };
    match (ka, kb) {
        (_, Some(k)) => {
            checked_load(cx, ra, R0)?;
            Ok((Flags::Int(c, R0, RegImm::Imm(k as i64), Size::S32), false))
        }
        (Some(k), None) => {
            checked_load(cx, rb, R1)?;
            Ok((
                Flags::Int(swap(c), R1, RegImm::Imm(k as i64), Size::S32),
                false,
            ))
        }
        _ => {
            // Both loaded before either check: the other paths need both.
            operand::load(cx, ra, R0)?;
            operand::load(cx, rb, R1)?;
            check(cx, ra, R0);
            check(cx, rb, R1);
            Ok((Flags::Int(c, R0, R1.into(), Size::S32), true))
        }
    }
}

/// The condition of `b ? a` that holds exactly when `a ? b` (`c`) does.
fn swap(c: IntCond) -> IntCond {
    match c {
        IntCond::Lt => IntCond::Gt,
        IntCond::Le => IntCond::Ge,
        IntCond::Gt => IntCond::Lt,
        IntCond::Ge => IntCond::Le,
        other => other,
    }
}

/// The control flow after the compare: fused with a following conditional jump on `dst`, or
/// a label right after this op's code.
fn tail<M: ValueOps>(
    cx: &mut Ctx<'_, M>,
    op: Op,
    pc: usize,
    dst: usize,
) -> MasmResult<Tail<M::Label>> {
    let next = pc + op.encoded_len();
    if let Some(j @ (Op::JumpIfTrue | Op::JumpIfFalse)) = cx.op_at(next)
        && cx.reg(next, 0) == dst
    {
        let target = (next as i64 + cx.operand(next, 1)) as usize;
        let target = cx.label_at(target)?;
        let after = cx.label_at(next + j.encoded_len())?;
        cx.defer_op(next);
        return Ok(Tail::Fused {
            target,
            after,
            jump_if: j == Op::JumpIfTrue,
        });
    }
    Ok(Tail::Next(cx.m.new_label()))
}

/// Stores the boolean of `flags` into `dst`, then goes on as `tail` says (`last`: the code
/// of the op's last path, which falls through). A fused jump tests the stored boolean's low
/// bit (`true` is odd, `false` even).
fn finish<M: ValueOps>(
    cx: &mut Ctx<'_, M>,
    flags: Flags,
    dst: usize,
    tail: Tail<M::Label>,
    last: bool,
) -> MasmResult {
    match flags {
        Flags::Int(c, a, b, size) => cx.m.set_bool(R2, c, a, b, size),
        Flags::Fp(c) => cx.m.set_bool_fp(R2, c, F0, F1),
    }
    cx.m.store_slot(R2, dst as i32)?;
    match tail {
        // The last path falls through to the op after the jump.
        Tail::Fused {
            target, jump_if, ..
        } if last => cx.m.branch_mask(R2, imm(1), jump_if, target, Size::S64),
        Tail::Fused {
            target,
            jump_if,
            after,
        } => {
            let (t, f) = if jump_if {
                (target, after)
            } else {
                (after, target)
            };
            cx.m.branch_mask(R2, imm(1), true, t, Size::S64);
            cx.m.jump(f);
        }
        Tail::Next(next) if !last => cx.m.jump(next),
        Tail::Next(_) => {}
    }
    Ok(())
}

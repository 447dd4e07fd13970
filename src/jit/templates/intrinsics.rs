//! Calls of natives that compiled code runs inline ([`crate::js::builtins::Intrinsic`]):
//! `Math.sqrt`, `abs`, `floor`, `ceil`, `trunc` as one FP instruction; `push` of one value
//! and `pop` on an array as loads and stores of its elements; `charCodeAt` as a load of a
//! code unit.
//!
//! Only at call sites whose IC recorded exactly that native as the callee (the interpreter
//! records callees at every call; a function compiled before its first run has no feedback
//! and gets the ordinary call). The code guards the callee — a native function object with
//! the recorded native index — and its operands — a number argument; an array receiver that
//! is not frozen, with room for a pushed element; a flat string receiver and an int32 index
//! within it — and gives exactly the native's result (`Value::number(f(x))`; the new
//! length; the last element, `undefined` for a hole or an empty array; the code unit). Anything else (a reassigned `Math.sqrt`, a string or an object with
//! `valueOf`, no argument, a non-array receiver, a full array) continues on the call's
//! ordinary paths, which run the native or whatever the callee is.
//!
//! The inline paths run no JavaScript, throw nothing and allocate nothing, so they need no
//! safepoint and leave the frame's pc alone. The native-call statistic does not count them.

use std::mem::offset_of;

use super::array_push::append;
use super::calls::callee_of_class;
use super::{R0, R1, R2, R3};
use crate::jit::compiler::Ctx;
use crate::jit::masm::{FReg, FpUnary, MasmResult};
use crate::jit::values::ValueOps;
use crate::js::builtins::{Intrinsic, intrinsic};
use crate::js::bytecode::Op;
use crate::js::heap::cells::{CellHeader, ObjCell};
use crate::js::heap::cells::{OFF_ELEM_LEN, OFF_ELEMENTS, OFF_STR_LEN, StrCell};
use crate::js::ic::IC_CALL;
use crate::js::object::{CLASS_ARRAY, CLASS_NATIVE, FLAG_FROZEN};
use crate::js::value::Value;

const F0: FReg = FReg(0);

/// The intrinsic the `Call`/`CallMethod` at `pc` calls, by its IC, with the native index:
/// `None` unless the IC saw exactly one native callee, that callee is an intrinsic, and the
/// call passes an argument.
pub fn at<M: ValueOps>(cx: &Ctx<'_, M>, op: Op, pc: usize) -> Option<(u32, Intrinsic)> {
    let argc = cx.operand(pc, 3) as usize;
    if !matches!(op, Op::Call | Op::CallMethod) {
        return None;
    }
    let slot = cx.code.ic(cx.operand(pc, 4) as usize);
    let e = &slot.entries[0];
    if slot.count != 1 || slot.megamorphic != 0 || e.kind != IC_CALL {
        return None;
    }
    if e.slot != CLASS_NATIVE as u32 {
        return None;
    }
    let index = u32::try_from(e.aux).ok()?;
    let which = intrinsic(cx.natives.get(e.aux)?.f)?;
    let method = op == Op::CallMethod;
    let applies = match which {
        Intrinsic::ArrayPush | Intrinsic::CharCodeAt => method && argc == 1,
        Intrinsic::ArrayPop => method && argc == 0,
        _ => argc >= 1,
    };
    applies.then_some((index, which))
}

/// The intrinsic call at `pc`: guards, the operation, the result in the call's destination
/// register and a jump to the next op; `other` (bound by the caller) for everything else.
pub fn emit<M: ValueOps>(
    cx: &mut Ctx<'_, M>,
    op: Op,
    pc: usize,
    (index, which): (u32, Intrinsic),
    other: M::Label,
) -> MasmResult {
    let dst = cx.reg(pc, 0) as i32;
    let base = cx.reg(pc, 2) as i32;
    let first_arg = base + (op == Op::CallMethod) as i32;
    callee_of_class(cx, pc, CLASS_NATIVE, other)?;
    // A native's `code` word is its index in `Vm::natives` (below 2^32).
    cx.m.branch_if_u32_ne(R2, index, other);
    match which {
        Intrinsic::Sqrt => math(cx, FpUnary::Sqrt, first_arg, other),
        Intrinsic::Abs => math(cx, FpUnary::Abs, first_arg, other),
        Intrinsic::Floor => math(cx, FpUnary::Floor, first_arg, other),
        Intrinsic::Ceil => math(cx, FpUnary::Ceil, first_arg, other),
        Intrinsic::Trunc => math(cx, FpUnary::Trunc, first_arg, other),
        Intrinsic::ArrayPush => {
            array_receiver(cx, base, other)?;
            append(cx, first_arg, other)?;
            // The new length, below 2^32 like every element count.
            cx.m.box_int32(R0, R3);
            Ok(())
        }
        Intrinsic::ArrayPop => {
            array_receiver(cx, base, other)?;
            pop(cx)
        }
        Intrinsic::CharCodeAt => char_code_at(cx, base, first_arg, other),
    }?;
    cx.m.store_slot(R0, dst)?;
    let next = cx.label_at(pc + op.encoded_len())?;
    cx.m.jump(next);
    Ok(())
}

/// R0 = `Value::number(op(x))` for the number `x` in register `arg`, else `other`.
fn math<M: ValueOps>(cx: &mut Ctx<'_, M>, op: FpUnary, arg: i32, other: M::Label) -> MasmResult {
    cx.m.load_slot(R0, arg)?;
    cx.m.unbox_number_or(F0, R0, other);
    cx.m.fp_unary_f64(op, F0, F0);
    cx.m.box_number(R0, F0);
    Ok(())
}

/// R1 = the cell of `this` (register `base`): an array that is not frozen, else `other`.
fn array_receiver<M: ValueOps>(cx: &mut Ctx<'_, M>, base: i32, other: M::Label) -> MasmResult {
    cx.m.load_slot(R0, base)?;
    cx.m.unbox_object_or(R1, R0, other);
    cx.m.load_u8(R2, R1, offset_of!(CellHeader, class) as i32)?;
    cx.m.branch_if_u32_ne(R2, CLASS_ARRAY as u32, other);
    let flags = (offset_of!(ObjCell, hdr) + offset_of!(CellHeader, flags)) as i32;
    cx.m.load_u8(R2, R1, flags)?;
    cx.m.branch_if_any_bits(R2, FLAG_FROZEN, other);
    Ok(())
}

/// `pop()` on the array in R1: R0 = its last element (`undefined` for a hole or when empty),
/// which it no longer has.
fn pop<M: ValueOps>(cx: &mut Ctx<'_, M>) -> MasmResult {
    let done = cx.m.new_label();
    cx.m.mov_imm(R0, Value::UNDEFINED.0);
    cx.m.load_u32(R2, R1, OFF_ELEM_LEN as i32)?;
    cx.m.branch_if_zero32(R2, done);
    cx.m.load_word(R3, R1, OFF_ELEM_LEN as i32)?;
    // `len − 1` in the shared word: no borrow from `cap` since len > 0 (the index is its
    // low 32 bits).
    cx.m.add_imm(R3, R3, -1)?;
    cx.m.store_word(R3, R1, OFF_ELEM_LEN as i32)?;
    cx.m.load_word(R2, R1, OFF_ELEMENTS as i32)?;
    cx.m.load_indexed(R0, R2, R3)?;
    cx.m.branch_if_word_ne(R0, Value::EMPTY.0, done);
    cx.m.mov_imm(R0, Value::UNDEFINED.0);
    cx.m.bind(done)
}

/// `charCodeAt(i)` on the string `this` (register `base`): R0 = the code unit at `i` for a
/// flat string (ropes are flattened by the native) and an int32 `i` within it, else `other`.
fn char_code_at<M: ValueOps>(
    cx: &mut Ctx<'_, M>,
    base: i32,
    arg: i32,
    other: M::Label,
) -> MasmResult {
    const _: () = assert!(offset_of!(StrCell, len) == OFF_STR_LEN);
    let string = cx.m.new_label();
    cx.m.load_slot(R0, base)?;
    cx.m.branch_if_string(R0, string);
    cx.m.jump(other);
    cx.m.bind(string)?;
    cx.m.unbox_payload(R1, R0);
    cx.m.load_word(R2, R1, offset_of!(StrCell, data) as i32)?;
    cx.m.branch_if_zero(R2, other);
    cx.m.load_slot(R0, arg)?;
    cx.m.branch_if_not_int32(R0, other);
    cx.m.branch_if_negative32(R0, other);
    // Lengths are below 2^29 (`MAX_STRING_LEN`): their low words compare exactly.
    cx.m.load_u32(R3, R1, OFF_STR_LEN as i32)?;
    cx.m.branch_if_u32_ge(R0, R3, other);
    cx.m.load_u16_indexed(R3, R2, R0)?;
    cx.m.box_int32(R0, R3);
    Ok(())
}

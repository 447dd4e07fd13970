//! Calls of the `Math` functions that are one IEEE operation (`sqrt`, `abs`, `floor`, `ceil`,
//! `trunc`: [`crate::js::builtins::Intrinsic`]) as that one FP instruction.
//!
//! Only at call sites whose IC recorded exactly that native as the callee (the interpreter
//! records callees at every call; a function compiled before its first run has no feedback
//! and gets the ordinary call). The code guards the callee — a native function object with
//! the recorded native index — and the first argument — a number — and computes and boxes the
//! result exactly as the native's `Value::number(f(x))`. Any other callee or argument (a
//! reassigned `Math.sqrt`, a string, an object with `valueOf`, no argument) continues on the
//! call's ordinary paths, which run the native or whatever the callee is.
//!
//! The inline path runs no JavaScript and allocates nothing, so it needs no safepoint and
//! leaves the frame's pc alone. The native-call statistic does not count it.

use std::mem::offset_of;

use super::{R0, R1, R2, R3};
use crate::jit::compiler::Ctx;
use crate::jit::masm::{FReg, FpUnary, MacroAssembler, MasmResult};
use crate::js::builtins::{Intrinsic, intrinsic};
use crate::js::bytecode::{Op, rd_u16};
use crate::js::heap::cells::{CellHeader, ObjCell};
use crate::js::ic::IC_CALL;
use crate::js::object::CLASS_NATIVE;

const F0: FReg = FReg(0);

/// The intrinsic the `Call`/`CallMethod` at `pc` calls, by its IC, with the native index:
/// `None` unless the IC saw exactly one native callee, that callee is an intrinsic, and the
/// call passes an argument.
pub fn at<M: MacroAssembler>(cx: &Ctx<'_, M>, op: Op, pc: usize) -> Option<(u32, Intrinsic)> {
    if !matches!(op, Op::Call | Op::CallMethod) || cx.u8at(pc, 4) == 0 {
        return None;
    }
    let slot = cx.code.ic(rd_u16(&cx.code.code, pc + 5) as usize);
    let e = &slot.entries[0];
    if slot.count != 1 || slot.megamorphic != 0 || e.kind != IC_CALL {
        return None;
    }
    if e.slot != CLASS_NATIVE as u32 {
        return None;
    }
    let index = u32::try_from(e.aux).ok()?;
    let which = intrinsic(cx.natives.get(e.aux)?.f)?;
    Some((index, which))
}

/// The intrinsic call at `pc`: guards, the instruction, the result in the call's destination
/// register and a jump to the next op; `other` (bound by the caller) for everything else.
pub fn emit<M: MacroAssembler>(
    cx: &mut Ctx<'_, M>,
    op: Op,
    pc: usize,
    (index, which): (u32, Intrinsic),
    other: M::Label,
) -> MasmResult {
    let dst = cx.u8at(pc, 1) as i32;
    let callee = cx.u8at(pc, 2) as i32;
    let first_arg = cx.u8at(pc, 3) as i32 + (op == Op::CallMethod) as i32;
    cx.m.load_slot(R0, callee)?;
    cx.m.unbox_object_or(R1, R0, other);
    const _: () = assert!(offset_of!(ObjCell, hdr) == 0);
    cx.m.load_u8(R2, R1, offset_of!(CellHeader, class) as i32)?;
    cx.m.branch_if_u32_ne(R2, CLASS_NATIVE as u32, other, R3);
    // A native's `code` word is its index in `Vm::natives` (below 2^32).
    cx.m.load_word(R2, R1, offset_of!(ObjCell, code) as i32)?;
    cx.m.branch_if_u32_ne(R2, index, other, R3);
    cx.m.load_slot(R0, first_arg)?;
    cx.m.unbox_number_or(F0, R0, other);
    let fp_op = match which {
        Intrinsic::Sqrt => FpUnary::Sqrt,
        Intrinsic::Abs => FpUnary::Abs,
        Intrinsic::Floor => FpUnary::Floor,
        Intrinsic::Ceil => FpUnary::Ceil,
        Intrinsic::Trunc => FpUnary::Trunc,
    };
    cx.m.fp_unary(fp_op, F0, F0);
    cx.m.box_number(R0, F0);
    cx.m.store_slot(R0, dst)?;
    let next = cx.label_at(pc + op.encoded_len())?;
    cx.m.jump(next);
    Ok(())
}

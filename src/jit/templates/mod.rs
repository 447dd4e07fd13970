//! Per-opcode templates of the baseline compiler, grouped by kind. [`emit`] dispatches one op;
//! it returns `false` for ops without a template of their own (the compiler then calls the
//! runtime's step helper for that op).

mod arith;
mod array_push;
mod bitwise;
mod calls;
mod compare;
mod context;
mod control;
mod double;
mod elements;
mod frame;
mod globals;
mod ic_probe;
mod intrinsics;
mod iter;
mod length;
mod loads;
mod operand;
mod property;
mod truthy;

use crate::jit::compiler::Ctx;
use crate::jit::masm::{MacroAssembler, MasmResult, Reg};
use crate::js::bytecode::Op;

/// The scratch registers under the names the templates use.
const R0: Reg = Reg(0);
const R1: Reg = Reg(1);
const R2: Reg = Reg(2);
const R3: Reg = Reg(3);
const R4: Reg = Reg(4);
const R5: Reg = Reg(5);
const R6: Reg = Reg(6);
const R7: Reg = Reg(7);

/// Emits the inline template for `op` at `pc`, if it has one.
pub fn emit<M: MacroAssembler>(cx: &mut Ctx<'_, M>, op: Op, pc: usize) -> MasmResult<bool> {
    let has_template = matches!(
        op,
        Op::Nop
            | Op::LoopHint
            | Op::LoadConst
            | Op::LoadInt8
            | Op::LoadUndefined
            | Op::LoadNull
            | Op::LoadTrue
            | Op::LoadFalse
            | Op::LoadEmpty
            | Op::Move
            | Op::Add
            | Op::Sub
            | Op::Mul
            | Op::Inc
            | Op::Dec
            | Op::LessThan
            | Op::LessEq
            | Op::GreaterThan
            | Op::GreaterEq
            | Op::StrictEq
            | Op::StrictNotEq
            | Op::Jump
            | Op::JumpIfTrue
            | Op::JumpIfFalse
            | Op::JumpIfUndefined
            | Op::JumpIfNotUndefined
            | Op::JumpIfNullish
            | Op::JumpIfNotNullish
            | Op::GetPropertyByName
            | Op::SetPropertyByName
            | Op::Call
            | Op::CallMethod
            | Op::New
            | Op::Return
            | Op::Div
            | Op::Rem
            | Op::Neg
            | Op::BitAnd
            | Op::BitOr
            | Op::BitXor
            | Op::Shl
            | Op::Shr
            | Op::UShr
            | Op::BitNot
            | Op::GetElement
            | Op::SetElement
            | Op::LoadGlobal
            | Op::Not
            | Op::LoadContextSlot
            | Op::StoreContextSlot
            | Op::ThrowIfEmpty
            | Op::LoadThis
            | Op::LoadCallee
            | Op::LoadNewTarget
            | Op::GetEnv
            | Op::SetEnv
            | Op::IteratorNext
            | Op::ArrayPush
    );
    if !has_template {
        return Ok(false);
    }
    cx.m.bump_counter(1)?;
    if guarded(op) {
        cx.stress_deopt(pc);
    }
    match op {
        Op::Nop => {}
        // A loop back-edge is a GC safepoint.
        Op::LoopHint => cx.m.safepoint(cx.rt.gc_requested, cx.rt.gc)?,
        Op::Call | Op::CallMethod | Op::New | Op::Return => calls::emit(cx, op, pc)?,
        Op::LoadConst
        | Op::LoadInt8
        | Op::LoadUndefined
        | Op::LoadNull
        | Op::LoadTrue
        | Op::LoadFalse
        | Op::LoadEmpty
        | Op::Move => loads::emit(cx, op, pc)?,
        Op::Add | Op::Sub | Op::Mul | Op::Div | Op::Rem | Op::Neg | Op::Inc | Op::Dec => {
            arith::emit(cx, op, pc)?
        }
        Op::BitAnd | Op::BitOr | Op::BitXor | Op::Shl | Op::Shr | Op::UShr | Op::BitNot => {
            bitwise::emit(cx, op, pc)?
        }
        Op::GetElement | Op::SetElement => elements::emit(cx, op, pc)?,
        Op::LoadGlobal => globals::emit(cx, pc)?,
        Op::IteratorNext => iter::emit(cx, pc)?,
        Op::ArrayPush => array_push::emit(cx, pc)?,
        Op::Not => truthy::emit_not(cx, pc)?,
        Op::LoadContextSlot | Op::StoreContextSlot => context::emit(cx, op, pc)?,
        Op::ThrowIfEmpty
        | Op::LoadThis
        | Op::LoadCallee
        | Op::LoadNewTarget
        | Op::GetEnv
        | Op::SetEnv => frame::emit(cx, op, pc)?,
        Op::LessThan
        | Op::LessEq
        | Op::GreaterThan
        | Op::GreaterEq
        | Op::StrictEq
        | Op::StrictNotEq => compare::emit(cx, op, pc)?,
        Op::GetPropertyByName if !property::applies(cx, op, pc) => length::emit(cx, pc)?,
        Op::GetPropertyByName | Op::SetPropertyByName => property::emit(cx, op, pc)?,
        _ => control::emit(cx, op, pc)?,
    }
    Ok(true)
}

/// The out-of-line code of an op (see `Ctx::out_of_line`): only the arithmetic templates
/// have any.
pub use arith::out_of_line;

/// Ops whose templates guard their fast path (operand types, shapes, bounds): under
/// `--deopt-stress` they deoptimize instead.
fn guarded(op: Op) -> bool {
    !matches!(
        op,
        Op::Nop
            | Op::LoopHint
            | Op::LoadConst
            | Op::LoadInt8
            | Op::LoadUndefined
            | Op::LoadNull
            | Op::LoadTrue
            | Op::LoadFalse
            | Op::LoadEmpty
            | Op::Move
            | Op::Jump
            | Op::JumpIfUndefined
            | Op::JumpIfNotUndefined
            | Op::JumpIfNullish
            | Op::JumpIfNotNullish
            | Op::Call
            | Op::CallMethod
            | Op::New
            | Op::Return
            | Op::LoadContextSlot
            | Op::StoreContextSlot
            | Op::LoadCallee
            | Op::LoadNewTarget
            | Op::GetEnv
            | Op::SetEnv
    )
}

//! Per-opcode templates of the baseline compiler, grouped by kind. [`emit`] dispatches one op;
//! it returns `false` for ops without an inline template (the compiler then emits an exit to
//! the interpreter for that op).

mod arith;
mod bitwise;
mod compare;
mod context;
mod control;
mod double;
mod elements;
mod frame;
mod globals;
mod ic_probe;
mod length;
mod loads;
mod property;
mod truthy;

use crate::jit::compiler::Ctx;
use crate::jit::masm::{MacroAssembler, MasmResult};
use crate::js::bytecode::Op;

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
    );
    if !has_template {
        return Ok(false);
    }
    cx.m.bump_counter(1)?;
    match op {
        Op::Nop | Op::LoopHint => {}
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

//! Per-opcode templates of the baseline compiler, grouped by kind. [`emit`] dispatches one op;
//! it returns `false` for ops without a template of their own (the compiler then calls the
//! runtime's step helper for that op).

mod arith;
mod array_push;
mod bitwise;
mod calls;
mod closure;
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
mod literal;
mod loads;
mod operand;
mod property;
mod scope;
mod truthy;
mod typed_elements;

use crate::jit::compiler::Ctx;
use crate::jit::masm::{MasmResult, Reg};
use crate::jit::values::ValueOps;
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

/// The template family of an op, which emits its code.
#[derive(Clone, Copy)]
enum Family {
    Nop,
    Safepoint,
    Loads,
    Arith,
    Bitwise,
    Compare,
    Control,
    Property,
    Elements,
    Global,
    Calls,
    Context,
    Closure,
    Scope,
    Literal,
    Frame,
    Not,
    IteratorNext,
    ArrayPush,
}

/// The one table of inline templates: the family of each op that has one, and whether that
/// template guards its fast path (operand types, shapes, bounds), so that under
/// `--deopt-stress` it deoptimizes instead. `None`: the op runs through the step helper.
fn template(op: Op) -> Option<(Family, bool)> {
    use Family::*;
    Some(match op {
        Op::Nop => (Nop, false),
        // A loop back-edge is a GC safepoint.
        Op::LoopHint => (Safepoint, false),
        Op::LoadConst
        | Op::LoadInt8
        | Op::LoadUndefined
        | Op::LoadNull
        | Op::LoadTrue
        | Op::LoadFalse
        | Op::LoadEmpty
        | Op::Move => (Loads, false),
        Op::Add | Op::Sub | Op::Mul | Op::Div | Op::Rem | Op::Neg | Op::Inc | Op::Dec => {
            (Arith, true)
        }
        Op::BitAnd | Op::BitOr | Op::BitXor | Op::Shl | Op::Shr | Op::UShr | Op::BitNot => {
            (Bitwise, true)
        }
        Op::LessThan
        | Op::LessEq
        | Op::GreaterThan
        | Op::GreaterEq
        | Op::StrictEq
        | Op::StrictNotEq => (Compare, true),
        Op::JumpIfTrue | Op::JumpIfFalse => (Control, true),
        Op::Jump
        | Op::JumpIfUndefined
        | Op::JumpIfNotUndefined
        | Op::JumpIfNullish
        | Op::JumpIfNotNullish => (Control, false),
        Op::GetPropertyByName | Op::SetPropertyByName => (Property, true),
        Op::GetElement | Op::SetElement => (Elements, true),
        Op::LoadGlobal => (Global, true),
        Op::Call | Op::CallMethod | Op::New | Op::Return | Op::Suspend => (Calls, false),
        Op::LoadContextSlot | Op::StoreContextSlot => (Context, false),
        Op::CreateClosure => (Closure, false),
        Op::PushContext | Op::PopContext | Op::CopyContext => (Scope, false),
        Op::NewObject | Op::NewArray | Op::DefineField => (Literal, false),
        Op::ThrowIfEmpty | Op::LoadThis => (Frame, true),
        Op::LoadCallee | Op::LoadNewTarget | Op::GetEnv | Op::SetEnv => (Frame, false),
        Op::Not => (Not, true),
        Op::IteratorNext => (IteratorNext, true),
        Op::ArrayPush => (ArrayPush, true),
        _ => return None,
    })
}

/// Emits the inline template for `op` at `pc`, if it has one.
pub fn emit<M: ValueOps>(cx: &mut Ctx<'_, M>, op: Op, pc: usize) -> MasmResult<bool> {
    let Some((family, guarded)) = template(op) else {
        return Ok(false);
    };
    cx.m.bump_counter(1)?;
    if guarded {
        cx.stress_deopt(pc);
    }
    match family {
        Family::Nop => {}
        Family::Safepoint => cx.m.safepoint(cx.rt.gc_requested, cx.rt.gc)?,
        Family::Loads => loads::emit(cx, op, pc)?,
        Family::Arith => arith::emit(cx, op, pc)?,
        Family::Bitwise => bitwise::emit(cx, op, pc)?,
        Family::Compare => compare::emit(cx, op, pc)?,
        Family::Control => control::emit(cx, op, pc)?,
        Family::Property if !property::applies(cx, op, pc) => length::emit(cx, pc)?,
        Family::Property => property::emit(cx, op, pc)?,
        Family::Elements => elements::emit(cx, op, pc)?,
        Family::Global => globals::emit(cx, pc)?,
        Family::Calls => calls::emit(cx, op, pc)?,
        Family::Context => context::emit(cx, op, pc)?,
        Family::Closure => closure::emit(cx, pc)?,
        Family::Scope => scope::emit(cx, op, pc)?,
        Family::Literal => literal::emit(cx, op, pc)?,
        Family::Frame => frame::emit(cx, op, pc)?,
        Family::Not => truthy::emit_not(cx, pc)?,
        Family::IteratorNext => iter::emit(cx, pc)?,
        Family::ArrayPush => array_push::emit(cx, pc)?,
    }
    Ok(true)
}

/// The out-of-line code of an op (see `Ctx::out_of_line`): the double paths of the
/// arithmetic templates and the typed-array paths of the element templates.
pub fn out_of_line<M: ValueOps>(
    cx: &mut Ctx<'_, M>,
    op: Op,
    pc: usize,
    loaded: [bool; 2],
) -> MasmResult {
    match op {
        Op::GetElement | Op::SetElement => typed_elements::emit(cx, op, pc),
        _ => arith::out_of_line(cx, op, pc, loaded),
    }
}

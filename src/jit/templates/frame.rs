//! Frame-header moves and TDZ checks: `LoadThis` (the hole marker in the `this` slot of a
//! derived constructor before `super()` takes the generic path, which throws), `LoadCallee`,
//! `LoadNewTarget`, `GetEnv`/`SetEnv` (plain moves from/to the header), and `ThrowIfEmpty`
//! (a binding still holding the hole marker takes the generic path, which throws).

use super::R0;
use crate::jit::compiler::{Ctx, EXIT_STEP};
use crate::jit::masm::MasmResult;
use crate::jit::values::ValueOps;
use crate::js::bytecode::Op;
use crate::js::value::EMPTY;
use crate::js::vm::{HDR_CALLEE, HDR_ENV, HDR_NEW_TARGET, HDR_THIS};

pub fn emit<M: ValueOps>(cx: &mut Ctx<'_, M>, op: Op, pc: usize) -> MasmResult {
    let reg = cx.reg(pc, 0) as i32;
    let header = |h: usize| -(h as i32);
    match op {
        Op::ThrowIfEmpty | Op::LoadThis => {
            let slow = cx.slow_exit(pc, EXIT_STEP);
            let src = if op == Op::LoadThis {
                header(HDR_THIS)
            } else {
                reg
            };
            cx.m.load_slot(R0, src)?;
            cx.m.branch_if_word_eq(R0, EMPTY, slow);
            if op == Op::LoadThis {
                cx.m.store_slot(R0, reg)?;
            }
        }
        Op::SetEnv => {
            cx.m.load_slot(R0, reg)?;
            cx.m.store_slot(R0, header(HDR_ENV))?;
        }
        _ => {
            let h = match op {
                Op::LoadCallee => HDR_CALLEE,
                Op::LoadNewTarget => HDR_NEW_TARGET,
                _ => HDR_ENV,
            };
            cx.m.load_slot(R0, header(h))?;
            cx.m.store_slot(R0, reg)?;
        }
    }
    Ok(())
}

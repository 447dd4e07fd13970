//! Block scopes: `PushContext n`, `PopContext` and `CopyContext` replace the frame's current
//! environment (header slot `fp - HDR_ENV`, see `context.rs`). `PopContext` is inline: the
//! current environment's parent link becomes current. The other two allocate a cell — a new
//! environment of `n` slots linked to the current one, or a copy of the current one (a
//! loop's per-iteration `let`s) — through one direct call of the runtime's `push_context` /
//! `copy_context` helper, which also installs it in the header. Never leaves compiled code.

use std::mem::offset_of;

use super::{R0, R1};
use crate::jit::compiler::Ctx;
use crate::jit::masm::{MasmResult, imm};
use crate::jit::values::ValueOps;
use crate::js::bytecode::Op;
use crate::js::heap::cells::EnvCell;
use crate::js::vm::HDR_ENV;

pub fn emit<M: ValueOps>(cx: &mut Ctx<'_, M>, op: Op, pc: usize) -> MasmResult {
    match op {
        Op::PushContext => {
            let n = cx.operand(pc, 0) as u64;
            cx.m.call_helper(cx.rt.push_context, imm(n))
        }
        Op::CopyContext => cx.m.call_helper(cx.rt.copy_context, imm(0)),
        _ => {
            let env = -(HDR_ENV as i32);
            cx.m.load_slot(R0, env)?;
            cx.m.unbox_payload(R1, R0);
            cx.m.load_word(R0, R1, offset_of!(EnvCell, parent) as i32)?;
            cx.m.store_slot(R0, env)
        }
    }
}

//! Context (closure environment) slots: `LoadContextSlot`/`StoreContextSlot dst, depth,
//! index` walk `depth` parent links from the frame's current environment (header slot
//! `fp - HDR_ENV`) and load or store slot `index` — the interpreter's code, inline. Top-level
//! `let`/`const`/`var` bindings and captured variables live there. Never leaves compiled code
//! (TDZ checks are separate `ThrowIfEmpty` ops).

use std::mem::offset_of;

use super::{R0, R1, R2};
use crate::jit::compiler::Ctx;
use crate::jit::masm::MasmResult;
use crate::jit::values::ValueOps;
use crate::js::bytecode::Op;
use crate::js::heap::cells::{EnvCell, OFF_ENV_SLOTS};
use crate::js::vm::HDR_ENV;

pub fn emit<M: ValueOps>(cx: &mut Ctx<'_, M>, op: Op, pc: usize) -> MasmResult {
    let reg = cx.reg(pc, 0) as i32;
    let depth = cx.operand(pc, 1) as usize;
    let slot = (OFF_ENV_SLOTS + 8 * cx.operand(pc, 2) as usize) as i32;
    cx.m.load_slot(R0, -(HDR_ENV as i32))?;
    cx.m.unbox_payload(R1, R0);
    for _ in 0..depth {
        cx.m.load_word(R0, R1, offset_of!(EnvCell, parent) as i32)?;
        cx.m.unbox_payload(R1, R0);
    }
    if op == Op::LoadContextSlot {
        cx.m.load_word(R2, R1, slot)?;
        cx.m.store_slot(R2, reg)
    } else {
        cx.m.load_slot(R2, reg)?;
        cx.m.store_word(R2, R1, slot)
    }
}

//! `ArrayPush array, value` (array literals, spreads): the value is appended in place when
//! the array has room (`elem_len < elem_cap`), as the interpreter's `array_push` does once
//! its capacity is ensured; growing the elements is the generic path ([`EXIT_STEP`]).

use std::mem::offset_of;

use super::{R0, R1, R2, R3};
use crate::jit::compiler::{Ctx, EXIT_STEP};
use crate::jit::masm::MasmResult;
use crate::jit::values::ValueOps;
use crate::js::heap::cells::{OFF_ELEM_LEN, OFF_ELEMENTS, ObjCell};

pub fn emit<M: ValueOps>(cx: &mut Ctx<'_, M>, pc: usize) -> MasmResult {
    let slow = cx.slow_exit(pc, EXIT_STEP);
    cx.m.load_slot(R0, cx.reg(pc, 0) as i32)?;
    cx.m.unbox_object_or(R1, R0, slow);
    append(cx, cx.reg(pc, 1) as i32, slow)
}

/// Appends frame slot `value`'s value to the array whose cell is in R1 when it has room,
/// else branches to `full`. Leaves R3 = the shared length/capacity word, the new length in
/// its low half; clobbers R0 and R2.
pub fn append<M: ValueOps>(cx: &mut Ctx<'_, M>, value: i32, full: M::Label) -> MasmResult {
    // `elem_len` and `elem_cap` share one word: `len + 1` never carries into `cap`.
    const _: () = assert!(offset_of!(ObjCell, elem_cap) == OFF_ELEM_LEN + 4);
    cx.m.load_u32(R2, R1, OFF_ELEM_LEN as i32)?;
    cx.m.load_u32(R3, R1, offset_of!(ObjCell, elem_cap) as i32)?;
    cx.m.branch_if_u32_ge(R2, R3, full);
    cx.m.load_word(R3, R1, OFF_ELEMENTS as i32)?;
    cx.m.load_slot(R0, value)?;
    cx.m.store_indexed(R0, R3, R2)?;
    cx.m.load_word(R3, R1, OFF_ELEM_LEN as i32)?;
    cx.m.add_imm(R3, R3, 1)?;
    cx.m.store_word(R3, R1, OFF_ELEM_LEN as i32)
}

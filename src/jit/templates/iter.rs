//! `IteratorNext` of an array iterator (`for (x of array)`, spreads of arrays): the
//! iterator's position `i` is below the array's `elem_len`, so the element (`undefined` for
//! a hole) goes to the destination and the position advances, as in the interpreter's
//! `iterator_next`. The last step (which marks the iterator done and jumps out of the loop)
//! and every other kind of iterator take the generic path ([`EXIT_STEP`]).

use std::mem::offset_of;

use super::{R0, R1, R2, R3, R4, R5};
use crate::jit::compiler::{Ctx, EXIT_STEP};
use crate::jit::masm::{MacroAssembler, MasmResult};
use crate::js::heap::cells::{CellHeader, OFF_ELEM_LEN, OFF_ELEMENTS, ObjCell};
use crate::js::interp::iter::IT_ARRAY;
use crate::js::object::CLASS_ITER;
use crate::js::value::{EMPTY, UNDEFINED};

/// `IteratorNext dst, iterator, exit`.
pub fn emit<M: MacroAssembler>(cx: &mut Ctx<'_, M>, pc: usize) -> MasmResult {
    let slow = cx.slow_exit(pc, EXIT_STEP);
    let hdr = offset_of!(ObjCell, hdr);
    cx.m.load_slot(R0, cx.u8at(pc, 2) as i32)?;
    cx.m.unbox_object_or(R1, R0, slow);
    cx.m.load_u8(R2, R1, (hdr + offset_of!(CellHeader, class)) as i32)?;
    cx.m.branch_if_u32_ne(R2, CLASS_ITER as u32, slow, R3);
    cx.m.load_u32(R2, R1, (hdr + offset_of!(CellHeader, aux)) as i32)?;
    cx.m.branch_if_u32_ne(R2, IT_ARRAY, slow, R3);
    // The iterated array (aux[0]) and the position (`code`).
    cx.m.load_word(R0, R1, offset_of!(ObjCell, aux) as i32)?;
    cx.m.unbox_object_or(R2, R0, slow);
    cx.m.load_word(R3, R1, offset_of!(ObjCell, code) as i32)?;
    cx.m.load_u32(R4, R2, OFF_ELEM_LEN as i32)?;
    let more = cx.m.new_label();
    cx.m.branch_if_above(R4, R3, more);
    cx.m.jump(slow);
    cx.m.bind(more)?;
    cx.m.add_imm(R4, R3, 1)?;
    cx.m.store_word(R4, R1, offset_of!(ObjCell, code) as i32)?;
    cx.m.load_word(R4, R2, OFF_ELEMENTS as i32)?;
    cx.m.load_indexed(R5, R4, R3);
    let stored = cx.m.new_label();
    let dst = cx.u8at(pc, 1) as i32;
    cx.m.store_slot(R5, dst)?;
    cx.m.mov_imm(R3, EMPTY);
    cx.m.branch_if_ne(R5, R3, stored);
    cx.m.mov_imm(R5, UNDEFINED);
    cx.m.store_slot(R5, dst)?;
    cx.m.bind(stored)
}

//! `IteratorNext` of an array iterator (`for (x of array)`, spreads of arrays), as in the
//! interpreter's `iterator_next`: while the iterator's position `i` is below the array's
//! `elem_len`, the element (`undefined` for a hole) goes to the destination and the position
//! advances; after the last element the iterator is marked done, the destination becomes
//! `undefined` and the op jumps to its exit.
//! Every other kind of iterator (done ones included) takes the generic path ([`EXIT_STEP`]).

use std::mem::offset_of;

use super::{R0, R1, R2, R3, R4, R5};
use crate::jit::compiler::{Ctx, EXIT_STEP};
use crate::jit::masm::{MasmError, MasmResult};
use crate::jit::values::ValueOps;
use crate::js::bytecode::jump_target;
use crate::js::heap::cells::{CellHeader, OFF_ELEM_LEN, OFF_ELEMENTS, ObjCell};
use crate::js::interp::iter::{IT_ARRAY, IT_DONE};
use crate::js::object::CLASS_ITER;
use crate::js::value::{EMPTY, UNDEFINED};

/// `IteratorNext dst, iterator, exit`.
pub fn emit<M: ValueOps>(cx: &mut Ctx<'_, M>, pc: usize) -> MasmResult {
    let slow = cx.slow_exit(pc, EXIT_STEP);
    let hdr = offset_of!(ObjCell, hdr);
    cx.m.load_slot(R0, cx.reg(pc, 1) as i32)?;
    cx.m.unbox_object_or(R1, R0, slow);
    cx.m.load_u8(R2, R1, (hdr + offset_of!(CellHeader, class)) as i32)?;
    cx.m.branch_if_u32_ne(R2, CLASS_ITER as u32, slow);
    cx.m.load_u32(R2, R1, (hdr + offset_of!(CellHeader, aux)) as i32)?;
    cx.m.branch_if_u32_ne(R2, IT_ARRAY, slow);
    // The iterated array (aux[0]) and the position (`code`).
    cx.m.load_word(R0, R1, offset_of!(ObjCell, aux) as i32)?;
    cx.m.unbox_object_or(R2, R0, slow);
    cx.m.load_word(R3, R1, offset_of!(ObjCell, code) as i32)?;
    cx.m.load_u32(R4, R2, OFF_ELEM_LEN as i32)?;
    let more = cx.m.new_label();
    let dst = cx.reg(pc, 0) as i32;
    cx.m.branch_if_above(R4, R3, more);
    cx.m.mov_int32(R4, IT_DONE as i32);
    cx.m.store_u32(R4, R1, (hdr + offset_of!(CellHeader, aux)) as i32)?;
    // Done: the destination is `undefined` (what a destructuring target past the end gets).
    cx.m.mov_imm(R4, UNDEFINED);
    cx.m.store_slot(R4, dst)?;
    let exit = jump_target(&cx.code.code, pc).ok_or(MasmError::Bytecode {
        pc,
        what: "IteratorNext without a jump target",
    })?;
    let exit = cx.label_at(exit)?;
    cx.m.jump(exit);
    cx.m.bind(more)?;
    cx.m.add_imm(R4, R3, 1)?;
    cx.m.store_word(R4, R1, offset_of!(ObjCell, code) as i32)?;
    cx.m.load_word(R4, R2, OFF_ELEMENTS as i32)?;
    cx.m.load_indexed(R5, R4, R3)?;
    let stored = cx.m.new_label();
    cx.m.store_slot(R5, dst)?;
    cx.m.mov_imm(R3, EMPTY);
    cx.m.branch_if_ne(R5, R3, stored);
    cx.m.mov_imm(R5, UNDEFINED);
    cx.m.store_slot(R5, dst)?;
    cx.m.bind(stored)
}

//! `o.length` (`GetPropertyByName` of the atom `length`): an Array without a sparse length
//! (`aux[0]` undefined) yields its element count, a string its length in UTF-16 units — the
//! interpreter's special cases, inline. Anything else (arguments objects, functions, objects
//! with an own `length`) takes the generic path ([`EXIT_STEP`]).

use std::mem::offset_of;

use super::{R0, R1, R2, R3};
use crate::jit::compiler::{Ctx, EXIT_STEP};
use crate::jit::masm::MasmResult;
use crate::jit::values::ValueOps;
use crate::js::heap::cells::{CellHeader, OFF_ELEM_LEN, OFF_STR_LEN, ObjCell, StrCell};
use crate::js::object::CLASS_ARRAY;
use crate::js::value::UNDEFINED;

pub fn emit<M: ValueOps>(cx: &mut Ctx<'_, M>, pc: usize) -> MasmResult {
    const _: () = assert!(offset_of!(StrCell, len) == OFF_STR_LEN);
    let dst = cx.reg(pc, 0) as i32;
    let slow = cx.slow_exit(pc, EXIT_STEP);
    let (not_object, string, done) = (cx.m.new_label(), cx.m.new_label(), cx.m.new_label());
    cx.m.load_slot(R0, cx.reg(pc, 1) as i32)?;
    cx.m.unbox_object_or(R1, R0, not_object);
    let class = (offset_of!(ObjCell, hdr) + offset_of!(CellHeader, class)) as i32;
    cx.m.load_u8(R2, R1, class)?;
    cx.m.branch_if_u32_ne(R2, CLASS_ARRAY as u32, slow);
    cx.m.load_word(R2, R1, offset_of!(ObjCell, aux) as i32)?;
    cx.m.mov_imm(R3, UNDEFINED);
    cx.m.branch_if_ne(R2, R3, slow);
    cx.m.load_u32(R2, R1, OFF_ELEM_LEN as i32)?;
    cx.m.box_int32(R3, R2);
    cx.m.store_slot(R3, dst)?;
    cx.m.jump(done);
    cx.m.bind(not_object)?;
    cx.m.branch_if_string(R0, string);
    cx.m.jump(slow);
    cx.m.bind(string)?;
    cx.m.unbox_payload(R1, R0);
    // The low word of the usize length (`len as i32`, as the interpreter boxes it).
    cx.m.load_u32(R2, R1, OFF_STR_LEN as i32)?;
    cx.m.box_int32(R3, R2);
    cx.m.store_slot(R3, dst)?;
    cx.m.bind(done)
}

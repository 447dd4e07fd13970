//! Element access `o[i]` (`GetElement`/`SetElement`) on a plain Array (class `CLASS_ARRAY`)
//! with an int32 index `0 <= i < elem_len`: a load or store of `elements[i]`. Exactly the
//! interpreter's fast path: a hole (`Value::EMPTY`) read or overwritten, an index out of
//! bounds (appends included), a frozen array, a string or non-object receiver, or a non-int32
//! key take the generic path ([`EXIT_STEP`]) with the frame untouched. Any other class
//! continues out of line: typed arrays there ([`super::typed_elements`]), the rest (arguments
//! objects, wrappers...) generic.

use std::mem::offset_of;

use super::{R0, R1, R2, R3, R4, R5};
use crate::jit::compiler::{Ctx, EXIT_STEP};
use crate::jit::masm::MasmResult;
use crate::jit::values::ValueOps;
use crate::js::bytecode::Op;
use crate::js::heap::cells::{CellHeader, OFF_ELEM_LEN, OFF_ELEMENTS, ObjCell};
use crate::js::object::{CLASS_ARRAY, FLAG_FROZEN};
use crate::js::value::EMPTY;

pub fn emit<M: ValueOps>(cx: &mut Ctx<'_, M>, op: Op, pc: usize) -> MasmResult {
    const _: () = assert!(offset_of!(ObjCell, elements) == OFF_ELEMENTS);
    const _: () = assert!(offset_of!(ObjCell, elem_len) == OFF_ELEM_LEN);
    let get = op == Op::GetElement;
    // GetElement dst, obj, key / SetElement obj, key, value.
    let (obj, key) = if get {
        (cx.reg(pc, 1), cx.reg(pc, 2))
    } else {
        (cx.reg(pc, 0), cx.reg(pc, 1))
    };
    let slow = cx.slow_exit(pc, EXIT_STEP);
    cx.m.load_slot(R0, obj as i32)?;
    cx.m.unbox_object_or(R1, R0, slow);
    cx.m.load_slot(R2, key as i32)?;
    cx.m.branch_if_not_int32(R2, slow);
    cx.m.branch_if_negative32(R2, slow);
    let hdr = offset_of!(ObjCell, hdr);
    cx.m.load_u8(R3, R1, (hdr + offset_of!(CellHeader, class)) as i32)?;
    // Any other class: typed arrays out of line (`typed_elements`), the rest generic.
    let (typed, done) = cx.out_of_line(pc, [(obj, true), (key, true)]);
    cx.m.branch_if_u32_ne(R3, CLASS_ARRAY as u32, typed);
    cx.m.load_u32(R3, R1, OFF_ELEM_LEN as i32)?;
    cx.m.branch_if_u32_ge(R2, R3, slow);
    if !get {
        cx.m.load_u8(R3, R1, (hdr + offset_of!(CellHeader, flags)) as i32)?;
        cx.m.branch_if_any_bits(R3, FLAG_FROZEN, slow);
    }
    cx.m.load_word(R4, R1, OFF_ELEMENTS as i32)?;
    cx.m.load_indexed(R5, R4, R2)?;
    cx.m.branch_if_word_eq(R5, EMPTY, slow);
    if get {
        cx.m.store_slot(R5, cx.reg(pc, 0) as i32)?;
    } else {
        cx.m.load_slot(R5, cx.reg(pc, 2) as i32)?;
        cx.m.store_indexed(R5, R4, R2)?;
    }
    cx.m.bind(done)
}

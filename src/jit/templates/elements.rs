//! Element access `o[i]` (`GetElement`/`SetElement`) on a plain Array (class `CLASS_ARRAY`)
//! with an int32 index `0 <= i < elem_len`: a load or store of `elements[i]`. Exactly the
//! interpreter's fast paths (`Vm::store_dense_element` for stores): a store into a hole or
//! at `i == elem_len` (an append, when the array has room and `i < MAX_DENSE`) runs inline
//! when the array's prototype is the one `Vm::hole_proto` vouches for (no index properties on
//! its chain, `js::element_store`) and that prototype has no elements. A hole read, any other
//! index out of bounds (a full array's append included), a frozen or non-extensible array, a
//! guard miss, a string or non-object receiver, or a non-int32 key take the generic path
//! ([`EXIT_STEP`]) with the frame untouched. Any other class continues out of line: typed
//! arrays there ([`super::typed_elements`]), the rest (arguments objects, wrappers...)
//! generic.

use std::mem::offset_of;

use super::array_push::append as append_in_place;
use super::{R0, R1, R2, R3, R4, R5};
use crate::jit::compiler::{Ctx, EXIT_STEP};
use crate::jit::masm::{IntCond, MasmResult, Size, imm};
use crate::jit::values::ValueOps;
use crate::js::bytecode::Op;
use crate::js::heap::cells::{CellHeader, OFF_ELEM_LEN, OFF_ELEMENTS, OFF_PROTO, ObjCell};
use crate::js::object::{CLASS_ARRAY, FLAG_FROZEN, FLAG_NOT_EXTENSIBLE, MAX_DENSE};
use crate::js::value::EMPTY;
use crate::js::vm::Vm;

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
    if get {
        cx.m.load_u32(R3, R1, OFF_ELEM_LEN as i32)?;
        cx.m.branch_if_u32_ge(R2, R3, slow);
        cx.m.load_word(R4, R1, OFF_ELEMENTS as i32)?;
        cx.m.load_indexed(R5, R4, R2)?;
        cx.m.branch_if_word_eq(R5, EMPTY, slow);
        cx.m.store_slot(R5, cx.reg(pc, 0) as i32)?;
        return cx.m.bind(done);
    }
    let value = cx.reg(pc, 2) as i32;
    let (store, hole, append) = (cx.m.new_label(), cx.m.new_label(), cx.m.new_label());
    cx.m.load_u8(R3, R1, (hdr + offset_of!(CellHeader, flags)) as i32)?;
    cx.m.branch_if_any_bits(R3, FLAG_FROZEN | FLAG_NOT_EXTENSIBLE, slow);
    cx.m.load_u32(R3, R1, OFF_ELEM_LEN as i32)?;
    cx.m.branch_if_u32_ge(R2, R3, append);
    cx.m.load_word(R4, R1, OFF_ELEMENTS as i32)?;
    cx.m.load_indexed(R5, R4, R2)?;
    cx.m.branch_if_word_eq(R5, EMPTY, hole);
    cx.m.bind(store)?;
    cx.m.load_slot(R5, value)?;
    cx.m.store_indexed(R5, R4, R2)?;
    cx.m.jump(done);
    // A hole: stored like an element once the prototype chain is known to lack the index.
    cx.m.bind(hole)?;
    hole_guard(cx, slow)?;
    cx.m.jump(store);
    // i >= elem_len: only i == elem_len, with room and below MAX_DENSE, appends inline.
    cx.m.bind(append)?;
    cx.m.branch(IntCond::Ne, R2, R3.into(), slow, Size::S32);
    cx.m.branch(IntCond::GeU, R2, imm(MAX_DENSE as u64), slow, Size::S32);
    hole_guard(cx, slow)?;
    append_in_place(cx, value, slow)?;
    cx.m.bind(done)
}

/// Branches to `miss` unless a store the array in R1 lacks may skip its prototype chain:
/// its `[[Prototype]]` is `Vm::hole_proto` (which is then an object) and has no elements
/// (`js::element_store`). Clobbers R3 and R5.
fn hole_guard<M: ValueOps>(cx: &mut Ctx<'_, M>, miss: M::Label) -> MasmResult {
    const _: () = assert!(offset_of!(ObjCell, proto) == OFF_PROTO);
    cx.m.load_word(R3, R1, OFF_PROTO as i32)?;
    cx.m.load_vm_word(R5, offset_of!(Vm, hole_proto) as i32)?;
    cx.m.branch_if_ne(R3, R5, miss);
    cx.m.unbox_payload(R3, R3);
    cx.m.load_u32(R5, R3, OFF_ELEM_LEN as i32)?;
    cx.m.branch(IntCond::Ne, R5, imm(0), miss, Size::S32);
    Ok(())
}

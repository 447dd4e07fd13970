//! Property get/set by name through the instruction's inline cache. The receiver's shape
//! (for a get from a primitive string, the pseudo-shape `STRING_RECEIVER`, whose entries
//! are prototype hits on `String.prototype` and above) is first compared with each own-slot
//! shape the IC held when the function was compiled (immediates; a hit is a load or store at
//! a constant offset), then probed against every IC entry ([`super::ic_probe`], read from
//! memory — updating an IC never patches code). A get loads an own slot, or a prototype's
//! slot while the VM's prototype epoch is the entry's; a set stores an own slot of an object
//! that is not frozen, or adds the property as the interpreter's IC does (an extensible
//! non-prototype object in the entry's shape moves to the entry's new shape, the value in
//! the new slot) when the object has room for the slot. A miss, any other receiver or a
//! frozen object takes the slow path ([`Ctx::ic_miss_exit`]: a deoptimization if the site
//! was monomorphic when compiled, else the generic path); an adding store that must grow the
//! slots takes the generic path.

use std::mem::offset_of;

use crate::jit::compiler::{Ctx, EXIT_STEP};
use crate::jit::masm::MasmResult;
use crate::jit::values::ValueOps;
use crate::js::atoms;
use crate::js::bytecode::Op;
use crate::js::heap::cells::{CellHeader, OFF_SHAPE, OFF_SLOTS, ObjCell};
use crate::js::ic::{IC_OWN, IC_WAYS, STRING_RECEIVER};
use crate::js::object::{FLAG_FROZEN, FLAG_IS_PROTO, FLAG_NOT_EXTENSIBLE};

use super::ic_probe::{self, Probe, Targets};
use super::{R0, R1, R2, R3, R4, R5};

/// Whether `op` at `pc` goes through the IC (`length` is special-cased by the interpreter
/// before the IC: [`super::length`] handles it).
pub fn applies<M: ValueOps>(cx: &Ctx<'_, M>, op: Op, pc: usize) -> bool {
    op != Op::GetPropertyByName || cx.operand(pc, 2) as u32 != atoms::LENGTH.0
}

pub fn emit<M: ValueOps>(cx: &mut Ctx<'_, M>, op: Op, pc: usize) -> MasmResult {
    const _: () = assert!(offset_of!(ObjCell, shape) == OFF_SHAPE);
    const _: () = assert!(offset_of!(ObjCell, slots) == OFF_SLOTS);
    let get = op == Op::GetPropertyByName;
    let (obj_reg, ic_idx) = if get {
        (cx.reg(pc, 1), cx.operand(pc, 3) as u16)
    } else {
        (cx.reg(pc, 0), cx.operand(pc, 3) as u16)
    };
    let ic = cx
        .code
        .ics
        .get(ic_idx as usize)
        .ok_or(crate::jit::masm::MasmError::Bytecode {
            pc,
            what: "inline-cache index out of range",
        })?
        .get() as u64;
    let slow = cx.ic_miss_exit(pc, ic_idx as usize);
    let (own, done) = (cx.m.new_label(), cx.m.new_label());
    // A get from a primitive string probes the IC as the pseudo-shape `STRING_RECEIVER`
    // (whose entries are prototype hits).
    let (not_object, probe) = (cx.m.new_label(), cx.m.new_label());
    cx.m.load_slot(R0, obj_reg as i32)?;
    cx.m.unbox_object_or(R1, R0, if get { not_object } else { slow });
    cx.m.load_word(R2, R1, OFF_SHAPE as i32)?;
    // The own-slot shapes the IC saw, as immediates, before the probe: per shape, a compare
    // that falls through into a load or store at a constant offset.
    let (known, n) = own_entries(cx, ic_idx as usize);
    for &(shape, slot) in &known[..n] {
        let next = cx.m.new_label();
        cx.m.branch_if_word_ne(R2, shape, next);
        cx.m.load_word(R5, R1, OFF_SLOTS as i32)?;
        if get {
            cx.m.load_word(R0, R5, slot)?;
            cx.m.store_slot(R0, cx.reg(pc, 0) as i32)?;
        } else {
            own_store_check(cx, slow)?;
            cx.m.load_slot(R0, cx.reg(pc, 2) as i32)?;
            cx.m.store_word(R0, R5, slot)?;
        }
        cx.m.jump(done);
        cx.m.bind(next)?;
    }
    cx.m.bind(probe)?;
    cx.m.mov_imm(R3, ic);
    let regs = Probe {
        shape: R2,
        ic: R3,
        slot: R4,
        holder: R0,
        tmp: R5,
    };
    if get {
        let proto = cx.m.new_label();
        let targets = Targets {
            own,
            proto: Some(proto),
            add: None,
            miss: slow,
        };
        ic_probe::probe(cx, &regs, &targets)?;
        let dst = cx.reg(pc, 0) as i32;
        // A prototype hit: the holder's slot.
        cx.m.bind(proto)?;
        cx.m.load_word(R5, R0, OFF_SLOTS as i32)?;
        cx.m.load_indexed(R0, R5, R4)?;
        cx.m.store_slot(R0, dst)?;
        cx.m.jump(done);
        cx.m.bind(own)?;
        cx.m.load_word(R5, R1, OFF_SLOTS as i32)?;
        cx.m.load_indexed(R0, R5, R4)?;
        cx.m.store_slot(R0, dst)?;
        cx.m.jump(done);
        let string = cx.m.new_label();
        cx.m.bind(not_object)?;
        cx.m.branch_if_string(R0, string);
        cx.m.jump(slow);
        cx.m.bind(string)?;
        cx.m.mov_imm(R2, STRING_RECEIVER as u64);
        cx.m.jump(probe);
    } else {
        let add = cx.m.new_label();
        let targets = Targets {
            own,
            proto: None,
            add: Some(add),
            miss: slow,
        };
        ic_probe::probe(cx, &regs, &targets)?;
        let flags = (offset_of!(ObjCell, hdr) + offset_of!(CellHeader, flags)) as i32;
        // An adding store (shape transition, new shape in R0): an extensible object that is
        // no prototype, with room for the slot (growing it is the interpreter's job).
        cx.m.bind(add)?;
        cx.m.load_u8(R2, R1, flags)?;
        cx.m.branch_if_any_bits(R2, FLAG_FROZEN | FLAG_NOT_EXTENSIBLE | FLAG_IS_PROTO, slow);
        // Growing the slots is the generic path, not a deoptimization: the shape was right.
        let grow = cx.slow_exit(pc, EXIT_STEP);
        cx.m.load_u32(R2, R1, offset_of!(ObjCell, slot_cap) as i32)?;
        cx.m.branch_if_u32_ge(R4, R2, grow);
        cx.m.load_slot(R2, cx.reg(pc, 2) as i32)?;
        cx.m.load_word(R5, R1, OFF_SLOTS as i32)?;
        cx.m.store_indexed(R2, R5, R4)?;
        cx.m.store_word(R0, R1, OFF_SHAPE as i32)?;
        cx.m.jump(done);
        cx.m.bind(own)?;
        own_store_check(cx, slow)?;
        cx.m.load_slot(R0, cx.reg(pc, 2) as i32)?;
        cx.m.load_word(R5, R1, OFF_SLOTS as i32)?;
        cx.m.store_indexed(R0, R5, R4)?;
    }
    cx.m.bind(done)
}

/// The shapes and slot byte offsets of the own-slot entries of IC `ic` when compiled, and
/// how many there are (none for a megamorphic site). Shapes are immortal and never change,
/// so each pair stays true for as long as the code lives, whatever the IC records later.
fn own_entries<M: ValueOps>(cx: &Ctx<'_, M>, ic: usize) -> ([(u64, i32); IC_WAYS], usize) {
    let slot = cx.code.ic(ic);
    let mut out = [(0, 0); IC_WAYS];
    let mut n = 0;
    if slot.megamorphic == 0 {
        for e in &slot.entries[..(slot.count as usize).min(IC_WAYS)] {
            if e.kind == IC_OWN {
                out[n] = (e.shape as u64, 8 * e.slot as i32);
                n += 1;
            }
        }
    }
    (out, n)
}

/// A store to an own slot of the object in R1: not into a frozen object (its shape is the
/// same as before it was frozen).
fn own_store_check<M: ValueOps>(cx: &mut Ctx<'_, M>, slow: M::Label) -> MasmResult {
    let flags = (offset_of!(ObjCell, hdr) + offset_of!(CellHeader, flags)) as i32;
    cx.m.load_u8(R2, R1, flags)?;
    cx.m.branch_if_any_bits(R2, FLAG_FROZEN, slow);
    Ok(())
}

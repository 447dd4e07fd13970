//! `LoadGlobal` through its inline cache: the global object's shape is compared with each
//! valid entry of the site's IC (read from memory: monomorphic or polymorphic, since the
//! global's shape changes as globals are added), and an own-slot entry loads the slot. A miss
//! (no entry for the shape, a megamorphic site, a non-own entry) leaves compiled code for the
//! op ([`EXIT_IC_MISS`]); the interpreter then looks the name up (and throws if undefined).

use std::mem::offset_of;

use crate::jit::compiler::{Ctx, EXIT_IC_MISS};
use crate::jit::masm::{MacroAssembler, MasmError, MasmResult, Reg};
use crate::js::bytecode::rd_u16;
use crate::js::heap::cells::{OFF_SHAPE, OFF_SLOTS};
use crate::js::ic::{IC_OWN, IC_WAYS, IcEntry, IcSlot};
use crate::js::vm::Vm;

const R0: Reg = Reg(0);
const R1: Reg = Reg(1);
const R2: Reg = Reg(2);
const R3: Reg = Reg(3);
const R4: Reg = Reg(4);
const R5: Reg = Reg(5);

pub fn emit<M: MacroAssembler>(cx: &mut Ctx<'_, M>, pc: usize) -> MasmResult {
    let dst = cx.u8at(pc, 1) as i32;
    let ic_idx = rd_u16(&cx.code.code, pc + 6);
    let ic = cx
        .code
        .ics
        .get(ic_idx as usize)
        .ok_or_else(|| MasmError(format!("IC index {ic_idx} out of range")))?
        .get() as u64;
    let miss = cx.slow_exit(pc, EXIT_IC_MISS);
    let found = cx.m.new_label();
    // The global object: set once when the VM is built, before any code runs.
    cx.m.load_vm_word(R0, offset_of!(Vm, global) as i32)?;
    cx.m.unbox_object_or(R1, R0, miss);
    cx.m.load_word(R2, R1, OFF_SHAPE as i32)?;
    cx.m.mov_imm(R3, ic);
    cx.m.load_u32(R4, R3, offset_of!(IcSlot, count) as i32)?;
    let mut hits = Vec::with_capacity(IC_WAYS);
    for i in 0..IC_WAYS {
        // Entries at or beyond `count` are unused or stale (a megamorphic site has count 0).
        cx.m.branch_if_u32_le_imm(R4, i as u32, miss)?;
        let hit = cx.m.new_label();
        cx.m.load_word(R5, R3, entry_field(i, offset_of!(IcEntry, shape)))?;
        cx.m.branch_if_eq(R2, R5, hit);
        hits.push(hit);
    }
    cx.m.jump(miss);
    for (i, hit) in hits.into_iter().enumerate() {
        cx.m.bind(hit)?;
        cx.m.load_u32(R5, R3, entry_field(i, offset_of!(IcEntry, kind)))?;
        cx.m.branch_if_u32_ne(R5, IC_OWN, miss, R0);
        cx.m.load_u32(R4, R3, entry_field(i, offset_of!(IcEntry, slot)))?;
        cx.m.jump(found);
    }
    cx.m.bind(found)?;
    cx.m.load_word(R5, R1, OFF_SLOTS as i32)?;
    cx.m.load_indexed(R0, R5, R4);
    cx.m.store_slot(R0, dst)
}

/// Offset of `field` of entry `i` in an [`IcSlot`].
fn entry_field(i: usize, field: usize) -> i32 {
    (offset_of!(IcSlot, entries) + i * size_of::<IcEntry>() + field) as i32
}

//! `LoadGlobal` through its inline cache: the global object's shape is probed against every
//! valid entry of the site's IC ([`super::ic_probe`]: monomorphic or polymorphic, since the
//! global's shape changes as globals are added) and an own-slot entry loads the slot. A miss
//! (no entry for the shape, a megamorphic site, a non-own entry) takes the slow path
//! ([`Ctx::ic_miss_exit`]), where the interpreter's semantics look the name up (and throw if
//! it is undefined).

use std::mem::offset_of;

use crate::jit::compiler::Ctx;
use crate::jit::masm::{MasmError, MasmResult};
use crate::jit::values::ValueOps;
use crate::js::heap::cells::{OFF_SHAPE, OFF_SLOTS};
use crate::js::vm::Vm;

use super::ic_probe::{self, Probe, Targets};
use super::{R0, R1, R2, R3, R4, R5};

pub fn emit<M: ValueOps>(cx: &mut Ctx<'_, M>, pc: usize) -> MasmResult {
    let dst = cx.reg(pc, 0) as i32;
    let ic_idx = cx.operand(pc, 2) as u16;
    let ic = cx
        .code
        .ics
        .get(ic_idx as usize)
        .ok_or(MasmError::Bytecode {
            pc,
            what: "inline-cache index out of range",
        })?
        .get() as u64;
    let miss = cx.ic_miss_exit(pc, ic_idx as usize);
    let own = cx.m.new_label();
    // The global object: set once when the VM is built, before any code runs.
    cx.m.load_vm_word(R0, offset_of!(Vm, global) as i32)?;
    cx.m.unbox_object_or(R1, R0, miss);
    cx.m.load_word(R2, R1, OFF_SHAPE as i32)?;
    cx.m.mov_imm(R3, ic);
    let regs = Probe {
        shape: R2,
        ic: R3,
        slot: R4,
        holder: R0,
        tmp: R5,
    };
    let targets = Targets {
        own,
        add: None,
        proto: None,
        miss,
    };
    ic_probe::probe(cx, &regs, &targets)?;
    cx.m.bind(own)?;
    cx.m.load_word(R5, R1, OFF_SLOTS as i32)?;
    cx.m.load_indexed(R0, R5, R4)?;
    cx.m.store_slot(R0, dst)
}

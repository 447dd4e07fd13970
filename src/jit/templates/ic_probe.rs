//! Probing a property IC from compiled code: the receiver's shape is compared with every
//! entry (read from memory; entries at or beyond `count` are unused — shape 0, matching no
//! object — or left behind by a megamorphic site, and still true) and a matching entry of an
//! accepted kind yields its slot. Shapes within a slot are unique, so a match within `count`
//! is the interpreter's `IcSlot::find`.

use std::mem::offset_of;

use crate::jit::masm::{MasmResult, Reg};
use crate::jit::values::ValueOps;
use crate::js::ic::{IC_ADD, IC_OWN, IC_PROTO, IC_WAYS, IcEntry, IcSlot};
use crate::js::vm::Vm;

use crate::jit::compiler::Ctx;

/// Registers of a probe. `shape` and `ic` are inputs; on a hit `slot` holds the slot index,
/// and for a prototype hit `holder` the holder object's cell address. `tmp` is clobbered.
pub struct Probe {
    pub shape: Reg,
    pub ic: Reg,
    pub slot: Reg,
    pub holder: Reg,
    pub tmp: Reg,
}

/// Where a probe goes: `own` for an own-slot entry; `proto` (when given) for a prototype
/// entry, or `add` (when given) for an adding-store entry, whose epoch is the VM's current
/// prototype epoch (`holder` = the entry's holder object or new shape); `miss` otherwise.
pub struct Targets<L> {
    pub own: L,
    pub proto: Option<L>,
    pub add: Option<L>,
    pub miss: L,
}

pub fn probe<M: ValueOps>(cx: &mut Ctx<'_, M>, r: &Probe, t: &Targets<M::Label>) -> MasmResult {
    // Every entry is compared, whatever `count`: an unused entry's shape is 0, which no
    // object has, and an entry left behind by a megamorphic site is still true (shapes are
    // immortal and never change; prototype and add entries carry their epoch).
    let mut hits = [None; IC_WAYS];
    for (i, hit) in hits.iter_mut().enumerate() {
        let l = cx.m.new_label();
        cx.m.load_word(r.tmp, r.ic, entry_field(i, offset_of!(IcEntry, shape)))?;
        cx.m.branch_if_eq(r.shape, r.tmp, l);
        *hit = Some(l);
    }
    cx.m.jump(t.miss);
    for (i, hit) in hits.into_iter().enumerate() {
        cx.m.bind(hit.expect("a label per entry"))?;
        cx.m.load_u32(r.slot, r.ic, entry_field(i, offset_of!(IcEntry, slot)))?;
        cx.m.load_u32(r.tmp, r.ic, entry_field(i, offset_of!(IcEntry, kind)))?;
        let other = t
            .proto
            .map(|l| (IC_PROTO, l))
            .or(t.add.map(|l| (IC_ADD, l)));
        match other {
            None => {
                cx.m.branch_if_u32_ne(r.tmp, IC_OWN, t.miss);
                cx.m.jump(t.own);
            }
            Some((kind, target)) => {
                let not_own = cx.m.new_label();
                cx.m.branch_if_u32_ne(r.tmp, IC_OWN, not_own);
                cx.m.jump(t.own);
                cx.m.bind(not_own)?;
                cx.m.branch_if_u32_ne(r.tmp, kind, t.miss);
                cx.m.load_u32(r.tmp, r.ic, entry_field(i, offset_of!(IcEntry, epoch)))?;
                cx.m.load_vm_u32(r.holder, offset_of!(Vm, proto_epoch) as i32)?;
                cx.m.branch_if_ne(r.tmp, r.holder, t.miss);
                cx.m.load_word(r.holder, r.ic, entry_field(i, offset_of!(IcEntry, aux)))?;
                cx.m.jump(target);
            }
        }
    }
    Ok(())
}

/// Offset of `field` of entry `i` in an [`IcSlot`].
fn entry_field(i: usize, field: usize) -> i32 {
    (offset_of!(IcSlot, entries) + i * size_of::<IcEntry>() + field) as i32
}

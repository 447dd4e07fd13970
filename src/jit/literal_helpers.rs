//! The runtime helpers of the literal templates (`NewObject`, `NewArray`, `DefineField`):
//! each runs the interpreter's own code (`Vm::new_literal_object`, `new_literal_array`,
//! `define_field`), called directly by compiled code instead of through the generic step
//! helper (no op decoding, no dispatch, no pc bookkeeping).
//!
//! They run in the innermost frame, the one compiled code is running, and read its registers
//! from the register file, where compiled code keeps every live value. None of them throws.
//! GC safety: allocation never collects (it only sets `Heap::gc_requested`, which the next
//! safepoint serves), so nothing compiled code holds can move or die during the call.

use crate::jit::runtime::vm_of;
use crate::js::atoms::Atom;

/// [`new_literal`]'s argument for an empty object literal (any other: an array literal).
pub const OBJECT_LITERAL: u64 = 0;
pub const ARRAY_LITERAL: u64 = 1;

/// `new_literal(vm, OBJECT_LITERAL | ARRAY_LITERAL) -> object`: an empty object or array
/// literal.
pub extern "C" fn new_literal(
    vm: u64,
    kind: u64,
    _: u64,
    _: u64,
    _: u64,
    _: u64,
    _: u64,
    _: u64,
) -> u64 {
    // SAFETY: called by compiled code with the pinned VM as first argument (see `vm_of`).
    let vm = unsafe { vm_of(vm) };
    if kind == OBJECT_LITERAL {
        vm.new_literal_object().0
    } else {
        vm.new_literal_array().0
    }
}

/// The one argument of [`define_field`]: the object's and the value's registers and the
/// property's atom.
pub fn pack_define_field(obj: u16, value: u16, atom: u32) -> u64 {
    u64::from(obj) | u64::from(value) << 16 | u64::from(atom) << 32
}

/// `define_field(vm, packed) -> 0`: `DefineField` with its operands packed by
/// [`pack_define_field`].
pub extern "C" fn define_field(
    vm: u64,
    packed: u64,
    _: u64,
    _: u64,
    _: u64,
    _: u64,
    _: u64,
    _: u64,
) -> u64 {
    // SAFETY: called by compiled code with the pinned VM as first argument (see `vm_of`).
    let vm = unsafe { vm_of(vm) };
    let fp = vm.frames.last().expect("compiled code runs in a frame").fp;
    let obj = vm.regs[fp + (packed & 0xffff) as usize];
    let value = vm.regs[fp + (packed >> 16 & 0xffff) as usize];
    vm.define_field(obj, Atom((packed >> 32) as u32), value);
    0
}

#[cfg(test)]
mod tests {
    use super::pack_define_field;
    use pretty_assertions::assert_eq;

    #[test]
    fn define_field_operands_round_trip() {
        for (o, v, a) in [
            (0, 0, 0),
            (1, 2, 3),
            (65535, 65534, u32::MAX),
            (7, 65535, 1 << 31),
        ] {
            let p = pack_define_field(o, v, a);
            assert_eq!(
                (
                    (p & 0xffff) as u16,
                    (p >> 16 & 0xffff) as u16,
                    (p >> 32) as u32
                ),
                (o, v, a)
            );
        }
    }
}

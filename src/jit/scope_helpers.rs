//! The runtime helpers of the closure and scope templates (`CreateClosure`, `PushContext`,
//! `CopyContext`): each allocates one cell with the interpreter's own code (`Vm::
//! create_closure`, `push_context`, `copy_context`), called directly by compiled code instead
//! of through the generic step helper (no op decoding, no dispatch, no pc bookkeeping).
//!
//! They run in the innermost frame, the one compiled code is running (compiled code pushes
//! its callees' frames in place), and read its environment from the frame header. They
//! cannot throw. GC safety: allocation never collects (it only sets `Heap::gc_requested`,
//! which the next safepoint serves), and every live value of the frame is in its slots of
//! the register file, so nothing compiled code holds can move or die during the call.

use crate::jit::runtime::vm_of;

/// `create_closure(vm, idx) -> closure`: the closure of function `idx` over the frame's
/// current environment.
pub extern "C" fn create_closure(
    vm: u64,
    idx: u64,
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
    vm.create_closure(idx as usize, fp).0
}

/// `push_context(vm, n) -> 0`: a new environment of `n` slots becomes the frame's current one.
pub extern "C" fn push_context(
    vm: u64,
    n: u64,
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
    vm.push_context(fp, n as usize);
    0
}

/// `copy_context(vm, 0) -> 0`: a copy of the frame's current environment replaces it.
pub extern "C" fn copy_context(
    vm: u64,
    _: u64,
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
    vm.copy_context(fp);
    0
}

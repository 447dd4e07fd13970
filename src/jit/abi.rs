//! kiln's frame and runtime calling convention, as compiled code of any front end sees it:
//! entering and leaving compiled code, calling Rust helpers and other compiled code, and the
//! exits back to the interpreter. Each ISA implements it next to its macro-assembler
//! (`jit/<isa>/abi.rs`, which also owns the register assignment: pinned registers, scratch
//! registers, the helper calling convention).
//!
//! Everything else compiled code needs from the VM — frame slots, VM fields, GC safepoints —
//! is plain loads, stores and branches on the pinned registers [`Reg::FRAME`] and [`Reg::VM`]
//! (`jit::values`).

use crate::jit::masm::{MacroAssembler, MasmResult, Reg, RegImm};

/// The runtime ABI of one back end.
pub trait RuntimeAbi: MacroAssembler {
    /// Entry from the exec layer's entry stub: opens the function's machine frame, loads the
    /// back end's pinned registers and jumps to the code address the stub passed as its
    /// argument (any op boundary). With `count_ops`, `counter` is the address of a u64 that
    /// [`RuntimeAbi::bump_counter`] adds to.
    fn stub_entry(&mut self, count_ops: bool, counter: u64) -> MasmResult;
    /// Entry from compiled code calling this function ([`RuntimeAbi::call_compiled`]): opens
    /// the machine frame and checks the stack against the limit stored at VM + `limit_field`;
    /// below it, calls helper `overflow(vm)` and returns status 1 (threw); otherwise jumps to
    /// `start`.
    fn call_entry(&mut self, limit_field: i32, overflow: u64, start: Self::Label) -> MasmResult;
    /// Leaves compiled code: returns `status` with `value` to whoever entered it (the entry
    /// stub, or compiled code that called this function).
    fn exit(&mut self, status: u64, value: u64) -> MasmResult;

    /// Calls the Rust helper at `addr` (as the back end's executor gives it:
    /// `jit::backend::BackEnd::helper_addr`) with arguments (VM, `arg`);
    /// clobbers every scratch register; the result stays in the result register until the
    /// next call.
    fn call_helper(&mut self, addr: u64, arg: RegImm) -> MasmResult;
    /// [`RuntimeAbi::call_helper`] with two arguments: (VM, `a`, `b`).
    fn call_helper2(&mut self, addr: u64, a: Reg, b: Reg) -> MasmResult;
    /// `dst` = the result of the last helper call.
    fn result_to(&mut self, dst: Reg);
    /// Branches to `label` if the result register equals `imm`.
    fn branch_if_result_eq(&mut self, imm: u64, label: Self::Label) -> MasmResult;
    /// Calls the compiled code whose address is in the result register, with the callee's
    /// frame window loaded from VM + `window_field`; afterwards restores this frame's window,
    /// and the result register holds the callee's status (0 returned, 1 threw).
    fn call_compiled(&mut self, window_field: i32) -> MasmResult;
    /// Calls compiled code at `entry` with `window` as the callee's frame window; the callee's
    /// status is the result, and this frame's window is reloaded.
    fn call_compiled_at(&mut self, entry: Reg, window: Reg) -> MasmResult;
    /// [`RuntimeAbi::call_compiled_at`] for a callee in the same code image, whose address
    /// is not known yet: a pc-relative call with a zero displacement, at the returned code
    /// offset, for [`RuntimeAbi::patch_near_call`] to fill in once the image is laid out
    /// (a direct call: no load of the entry, no indirect branch).
    fn call_compiled_near(&mut self, window: Reg) -> MasmResult<usize>;
    /// Points the near call at offset `at` of `code` to `target`, an offset from the start
    /// of `code` (negative, or past its end, for code placed before or after it); false if
    /// the distance is beyond the call's reach.
    fn patch_near_call(code: &mut [u8], at: usize, target: i64) -> bool
    where
        Self: Sized;

    /// Branches to `label` with the exit value `value` (pc | reason << 32) for
    /// [`RuntimeAbi::exit_through`].
    fn jump_with_exit_value(&mut self, value: u64, label: Self::Label);
    /// Branches to `label` with exit value `result | reason << 32` (the result register holds
    /// a pc).
    fn jump_with_result_pc(&mut self, reason: u64, label: Self::Label) -> MasmResult;
    /// The shared exit sequence: calls helper `addr(vm, exit value)`; its result 0 returns
    /// status 0 (the frame was finished), 1 returns status 1 (threw), anything else returns
    /// `deopt_status` with the exit value to the entry stub.
    fn exit_through(&mut self, addr: u64, deopt_status: u64) -> MasmResult;
    /// Adds `delta` to the op counter given to [`RuntimeAbi::stub_entry`].
    fn bump_counter(&mut self, delta: i64) -> MasmResult;
}

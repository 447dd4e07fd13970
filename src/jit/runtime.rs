//! The JIT's runtime glue: the Rust helpers compiled code calls (`extern "C"`, the exec
//! layer's helper ABI: first argument the VM, second an argument, one integer result — x0/x1/x0
//! on AArch64, rdi/rsi/rax on x86-64), and [`runtime`], the
//! table of their addresses and of the VM fields compiled code reads.
//!
//! - `step`: runs one op with the interpreter's semantics (the slow path of every op);
//! - `call`: a `Call`/`CallMethod`/`New` — sets up the callee frame like the interpreter and
//!   returns the callee's compiled entry, or hands an interpreted callee to the interpreter;
//! - `ret`: a `Return` from a frame called by compiled code; `suspend`: a generator's
//!   `Suspend` from such a frame (saves the frame, then returns like `ret`);
//! - `exit`: leaving compiled code (deoptimizations, resumptions): counts it, keeps feedback,
//!   discards code after repeated deopts.
//!
//! When the interpreter must take over a frame that compiled code called (an interpreted
//! callee, a deopt), every compiled frame unwinds its machine frame and the interpreter
//! continues from the innermost frame: calls never recurse in Rust.
//! - `gc`, `stack_overflow`: safepoint collections and the too-deep-call RangeError;
//! - `str_eq`: whether two strings hold the same units (strict equality of two distinct
//!   string cells): the length, then the units. It runs no JavaScript, throws nothing and
//!   allocates nothing on the GC heap (a rope operand is flattened in place), so compiled
//!   code calls it without a safepoint or a pc; `str_cmp`, their order for `<`, `<=`, `>`,
//!   `>=` (IsLessThan on two strings: code units, lexicographically), likewise;
//! - the closure and scope allocations (`CreateClosure`, `PushContext`, `CopyContext`) are
//!   in [`scope_helpers`](crate::jit::scope_helpers), the literals' (`NewObject`, `NewArray`,
//!   `DefineField`) in [`literal_helpers`](crate::jit::literal_helpers).
//!
//! A helper that throws leaves the exception in `Vm::exception` with the throwing frame still
//! on the frame stack and returns "threw"; compiled code returns that status up to the entry
//! stub, and the interpreter unwinds (the handler may be in any frame, compiled or not).

use std::mem::offset_of;

use crate::exec::HelperFn;
use crate::jit::compiler::{
    EXIT_GUARD, EXIT_IC_MISS, EXIT_REASONS, EXIT_RESUME, HELPER_DONE, HELPER_INTERPRET,
    HELPER_THREW, Runtime, STEP_THREW,
};
use crate::jit::state::{
    COUNT_DIRECT_CALLS, COUNT_HELPER_CALLS, COUNT_INLINE_CONSTRUCTS, DEOPT_LIMIT, jit,
};
use crate::jit::{literal_helpers, scope_helpers, tier};
use crate::js::bytecode::{FunctionCode, Op, op};
use crate::js::interp::call::Invoked;
use crate::js::value::Value;
use crate::js::vm::{FrameStack, Vm};

/// The helper addresses (as the back end's code must call them: `helper_addr`, its
/// executor's) and VM offsets compiled code uses.
pub fn runtime(helper_addr: fn(HelperFn) -> usize) -> Runtime {
    Runtime {
        step: helper_addr(step) as u64,
        call: helper_addr(call) as u64,
        ret: helper_addr(ret) as u64,
        suspend: helper_addr(suspend) as u64,
        construct_this: helper_addr(new_this) as u64,
        create_closure: helper_addr(scope_helpers::create_closure) as u64,
        push_context: helper_addr(scope_helpers::push_context) as u64,
        copy_context: helper_addr(scope_helpers::copy_context) as u64,
        new_literal: helper_addr(literal_helpers::new_literal) as u64,
        define_field: helper_addr(literal_helpers::define_field) as u64,
        exit: helper_addr(exit) as u64,
        gc: helper_addr(gc) as u64,
        stack_overflow: helper_addr(stack_overflow) as u64,
        str_eq: helper_addr(str_eq) as u64,
        str_cmp: helper_addr(str_cmp) as u64,
        callee_window: offset_of!(Vm, tier.words.callee_window) as i32,
        stack_limit: offset_of!(Vm, tier.words.stack_limit) as i32,
        gc_requested: offset_of!(Vm, heap.gc_requested) as i32,
        regs_base: offset_of!(Vm, tier.words.regs_base) as i32,
        frames_base: offset_of!(Vm, tier.words.frames_base) as i32,
        frames_len: (offset_of!(Vm, frames) + FrameStack::LEN_OFFSET) as i32,
        sp: offset_of!(Vm, sp) as i32,
        global: offset_of!(Vm, global) as i32,
        direct_calls: (offset_of!(Vm, tier.words.counters) + 8 * COUNT_DIRECT_CALLS) as i32,
        returned: offset_of!(Vm, tier.returned) as i32,
    }
}

/// The VM compiled code passes as the first argument.
///
/// # Safety
/// `vm` must be the address `tier::enter_at` pinned in the back end's VM register: a live VM whose `&mut` borrow is
/// not used while compiled code (and so this helper) runs.
pub(crate) unsafe fn vm_of<'a>(vm: u64) -> &'a mut Vm {
    // SAFETY: per the function's contract.
    unsafe { &mut *(vm as *mut Vm) }
}

/// The innermost frame's code.
fn top_code(vm: &Vm) -> &'static FunctionCode {
    let f = vm.frames.last().expect("compiled code runs in a frame");
    // SAFETY: frame code pointers refer to boxed FunctionCodes owned by `vm.codes`, never
    // freed or moved while the VM runs.
    unsafe { &*f.code }
}

extern "C" fn step(vm: u64, pc: u64, _: u64, _: u64, _: u64, _: u64, _: u64, _: u64) -> u64 {
    // SAFETY: called by compiled code with the pinned VM as first argument (see `vm_of`).
    let vm = unsafe { vm_of(vm) };
    let code = top_code(vm);
    let op = code.code[pc as usize];
    jit(vm).stats.steps_by_op[op as usize] += 1;
    // Ops with a generic runtime path run it directly; any other op runs in the interpreter.
    let r = match vm.run_generic_op(code, pc as usize) {
        Some(r) => r,
        None => vm.step_op(pc as usize),
    };
    match r {
        Ok(next) => next as u64,
        Err(_) => STEP_THREW,
    }
}

extern "C" fn call(vm: u64, pc: u64, _: u64, _: u64, _: u64, _: u64, _: u64, _: u64) -> u64 {
    // SAFETY: called by compiled code with the pinned VM as first argument (see `vm_of`).
    let vm = unsafe { vm_of(vm) };
    let pc = pc as usize;
    vm.tier.words.counters[COUNT_HELPER_CALLS] += 1;
    let fr = *vm.frames.last().expect("frame");
    vm.frames.last_mut().expect("frame").pc = pc;
    if vm.heap.gc_requested {
        vm.collect_garbage();
    }
    let code = top_code(vm);
    let Ok(c) = vm.call_op_operands(code, pc, fr.fp) else {
        return HELPER_THREW;
    };
    let sp = vm.sp;
    match vm.invoke(c.f, c.this, c.at, c.argc, c.nt, c.dst, false, sp) {
        Err(_) => HELPER_THREW,
        Ok(Invoked::Done(v)) => {
            vm.regs[fr.fp + c.dst as usize] = v;
            HELPER_DONE
        }
        Ok(Invoked::Pushed) => {
            let callee = *vm.frames.last().expect("callee frame");
            // SAFETY: as in `top_code`.
            let ccode: &FunctionCode = unsafe { &*callee.code };
            if let Some(addr) = tier::callee_entry(vm, ccode) {
                vm.frames.last_mut().expect("callee frame").jit = true;
                vm.tier.words.callee_window = vm.regs.as_ptr().wrapping_add(callee.fp) as u64;
                vm.tier.words.counters[COUNT_DIRECT_CALLS] += 1;
                return addr;
            }
            // An interpreted callee: compiled code unwinds its machine frames and the
            // interpreter runs the callee from its first op, then the callers.
            jit(vm).stats.handed_to_interpreter += 1;
            vm.tier.skip_once = false;
            HELPER_INTERPRET
        }
    }
}

/// `new_this(vm, callee) -> this | 0 (threw)`: the receiver of an inline `new` of a
/// base constructor (see the interpreter's `invoke`).
extern "C" fn new_this(vm: u64, f: u64, _: u64, _: u64, _: u64, _: u64, _: u64, _: u64) -> u64 {
    // SAFETY: called by compiled code with the pinned VM as first argument (see `vm_of`).
    let vm = unsafe { vm_of(vm) };
    vm.tier.words.counters[COUNT_INLINE_CONSTRUCTS] += 1;
    // The inline path checked that the callee is a closure.
    let fields = vm.func_code(Value(f)).this_fields;
    match vm.construct_receiver(Value(f), fields) {
        Ok(this) => this.0,
        Err(_) => 0,
    }
}

extern "C" fn ret(vm: u64, pc: u64, _: u64, _: u64, _: u64, _: u64, _: u64, _: u64) -> u64 {
    // SAFETY: called by compiled code with the pinned VM as first argument (see `vm_of`).
    let vm = unsafe { vm_of(vm) };
    let pc = pc as usize;
    let f = *vm.frames.last().expect("frame");
    vm.frames.last_mut().expect("frame").pc = pc;
    let reg = op::reg(&top_code(vm).code, pc, Op::Return, 0);
    let v = vm.regs[f.fp + reg];
    pop_frame(vm, v)
}

/// The end of `ret` and `suspend`: pops the innermost frame returning `v` and hands the
/// result on: to the caller's destination register for a frame compiled code pushed; for a
/// frame the interpreter entered, to `TierSlot::returned`, since compiled code then returns
/// to `tier::enter_at`, which hands it to the interpreter (`Entered::Returned`).
fn pop_frame(vm: &mut Vm, v: Value) -> u64 {
    match vm.pop_return(v) {
        Ok((f, v)) if !f.jit => {
            vm.tier.returned = v;
            HELPER_DONE
        }
        Ok((f, v)) => {
            let caller = vm.frames.last().expect("caller frame").fp;
            vm.regs[caller + f.ret_reg as usize] = v;
            HELPER_DONE
        }
        Err(_) => HELPER_THREW,
    }
}

extern "C" fn suspend(vm: u64, pc: u64, _: u64, _: u64, _: u64, _: u64, _: u64, _: u64) -> u64 {
    // SAFETY: called by compiled code with the pinned VM as first argument (see `vm_of`).
    let vm = unsafe { vm_of(vm) };
    let pc = pc as usize;
    let f = *vm.frames.last().expect("frame");
    vm.frames.last_mut().expect("frame").pc = pc;
    let code = &top_code(vm).code;
    let (g, v) = (
        op::reg(code, pc, Op::Suspend, 0),
        op::reg(code, pc, Op::Suspend, 1),
    );
    let kind = op::operand(code, pc, Op::Suspend, 3) as u8;
    let (g, v) = (vm.regs[f.fp + g], vm.regs[f.fp + v]);
    let Ok(v) = vm.suspend_generator(g, f.fp, pc, kind, v) else {
        return HELPER_THREW;
    };
    pop_frame(vm, v)
}

extern "C" fn exit(vm: u64, value: u64, _: u64, _: u64, _: u64, _: u64, _: u64, _: u64) -> u64 {
    // SAFETY: called by compiled code with the pinned VM as first argument (see `vm_of`).
    let vm = unsafe { vm_of(vm) };
    let (pc, reason) = (value as u32 as usize, value >> 32);
    jit(vm).stats.exits[(reason as usize).min(EXIT_REASONS - 1)] += 1;
    let code = top_code(vm);
    if reason == EXIT_GUARD || reason == EXIT_IC_MISS {
        note_deopt(vm, code, pc, reason);
    }
    let top = vm.frames.last_mut().expect("frame");
    if top.jit {
        // A frame called by compiled code: every machine frame unwinds (see
        // `compiler::EXIT_TO_INNERMOST`) and the interpreter continues this frame at `pc`.
        top.pc = pc;
        vm.tier.skip_once = reason != EXIT_RESUME;
        jit(vm).stats.handed_to_interpreter += 1;
    }
    HELPER_INTERPRET
}

/// Counts a deoptimization of `code` at `pc`, remembers the pc for recompilation and discards
/// the code after [`DEOPT_LIMIT`] of them (not under `--deopt-stress`, which deopts on purpose).
fn note_deopt(vm: &mut Vm, code: &FunctionCode, pc: usize, reason: u64) {
    let what = if reason == EXIT_GUARD {
        "guard"
    } else {
        "ic miss"
    };
    tier::trace(vm, code, &format!("deopt at pc {pc} ({what})"));
    if jit(vm).deopt_stress {
        return;
    }
    let key = code as *const FunctionCode as usize;
    jit(vm).feedback.entry(key).or_default().insert(pc as u32);
    let j = code.jit.get();
    if j > crate::jit::state::JIT_FAILED {
        let c = tier::compiled(j);
        c.deopts.set(c.deopts.get() + 1);
        if c.deopts.get() >= DEOPT_LIMIT {
            tier::discard(vm, code);
        }
    }
}

extern "C" fn gc(vm: u64, _: u64, _: u64, _: u64, _: u64, _: u64, _: u64, _: u64) -> u64 {
    // SAFETY: called by compiled code with the pinned VM as first argument (see `vm_of`).
    let vm = unsafe { vm_of(vm) };
    vm.collect_garbage();
    0
}

extern "C" fn stack_overflow(
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
    // The callee frame the call helper pushed never started: drop it, then throw in the
    // caller.
    let f = vm.frames.pop().expect("callee frame");
    vm.sp = f.saved_sp as usize;
    let _ = vm.throw_range_error("Maximum call stack size exceeded");
    HELPER_THREW
}

extern "C" fn str_eq(vm: u64, a: u64, b: u64, _: u64, _: u64, _: u64, _: u64, _: u64) -> u64 {
    // SAFETY: called by compiled code with the pinned VM as first argument (see `vm_of`).
    let vm = unsafe { vm_of(vm) };
    // Compiled code passes two string values (it checked their tags).
    let (a, b) = (Value(a), Value(b));
    u64::from(vm.str_len(a) == vm.str_len(b) && vm.str_units(a) == vm.str_units(b))
}

/// `str_cmp(vm, a, b)`: the order of two strings by code units (IsLessThan, §7.2.13 step 3):
/// 0 if `a` is less, 1 if equal, 2 if greater. Like [`str_eq`], it runs no JavaScript,
/// throws nothing and allocates nothing on the GC heap.
extern "C" fn str_cmp(vm: u64, a: u64, b: u64, _: u64, _: u64, _: u64, _: u64, _: u64) -> u64 {
    // SAFETY: called by compiled code with the pinned VM as first argument (see `vm_of`).
    let vm = unsafe { vm_of(vm) };
    // Compiled code passes two string values (it checked their tags).
    let (a, b) = (Value(a), Value(b));
    (vm.str_units(a).cmp(vm.str_units(b)) as i64 + 1) as u64
}

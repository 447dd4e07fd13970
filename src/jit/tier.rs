//! The interpreter's hook into the JIT: tier-up, entering compiled code, and where the
//! interpreter resumes.
//!
//! The JIT is the interpreter's higher tier through [`TIER`] (`js::tiering`: the engine does not
//! import the JIT). Before each op, the interpreter asks `tiering::wants` (one load and compare
//! when the function is neither compiled nor at a tier-up point). At function entry (pc 0) and loop back-edges
//! (`LoopHint`) of a hot function, [`enter_at`] compiles it; whenever the current function has
//! code, it runs that code on the frame (through the entry stub of the back end's executor,
//! with the frame's register window and the VM in its pinned registers: `jit::backend`) and says where the interpreter goes on.
//! Compiled callees are found (and compiled when hot) by [`callee_entry`] for the runtime's
//! call helper.

use std::collections::HashSet;
use std::time::Instant;

use crate::codemem::CodeSpace;
use crate::exec::{ExecError, Status, VmRegs};
use crate::jit::compiler::{Config, EXIT_RESUME, EXIT_STEP, EXIT_TO_INNERMOST, NO_ENTRY};
use crate::jit::state::{Compiled, JIT_FAILED, JitState, STACK_MARGIN, jit, jit_ref, thresholds};
use crate::js::bytecode::{
    F_ARROW, F_CLASS_CTOR, F_DERIVED, F_GENERATOR, F_HAS_REST, F_NO_PROTOTYPE, F_STRICT,
    F_USES_ARGUMENTS, FunctionCode,
};
use crate::js::tiering::{Entered, TierHooks};
use crate::js::value::Value;
use crate::js::vm::{Options, Vm};

/// The JIT as the interpreter's higher tier (`js::tiering`).
pub static TIER: TierHooks = TierHooks {
    install,
    enter_at,
    report,
};

/// Sets the JIT up for a new VM; whether it runs follows the options and the host
/// ([`crate::jit::state::enabled_by`]).
fn install(vm: &mut Vm, opts: &Options, code: CodeSpace) -> bool {
    let state = JitState::new(opts, code);
    let enabled = state.enabled;
    (vm.tier.call_threshold, vm.tier.loop_threshold) = thresholds(opts);
    vm.tier.state = Some(Box::new(state));
    enabled
}

/// The JIT's `--stats` lines.
fn report(vm: &Vm, interpreted_ops: u64) -> String {
    jit_ref(vm).report(interpreted_ops, &vm.tier.words.counters)
}

/// The compiled code `FunctionCode::jit` points to.
pub fn compiled(j: usize) -> &'static Compiled {
    // SAFETY: values above JIT_FAILED are pointers to `Compiled`s boxed in `jit(vm).compiled`,
    // which are never removed while the VM lives (discarded code stays allocated, as frames
    // may still run it).
    unsafe { &*(j as *const Compiled) }
}

/// Compiles `code` if it is hot and not compiled yet, then runs its compiled code from `pc` on
/// the frame whose window starts at `fp`.
fn enter_at(vm: &mut Vm, code: &FunctionCode, fp: usize, pc: usize) -> Entered {
    let mut j = code.jit.get();
    let mut osr = false;
    if j == 0 {
        let (count, threshold) = if pc == 0 {
            (code.calls.get(), vm.tier.call_threshold)
        } else {
            (code.back_edges.get(), vm.tier.loop_threshold)
        };
        if count < threshold {
            return Entered::No;
        }
        j = compile_function(vm, code);
        osr = pc != 0;
    }
    if j <= JIT_FAILED || !(jit_ref(vm).backend.can_nest)() {
        return Entered::No;
    }
    let c = compiled(j);
    let Some(&off) = c.offsets.get(pc) else {
        return Entered::No;
    };
    if off == NO_ENTRY {
        return Entered::No;
    }
    jit(vm).stats.entries += 1;
    if osr {
        jit(vm).stats.osr_entries += 1;
        trace(vm, code, &format!("osr entry at pc {pc}"));
    }
    let base = vm.frames.len();
    let regs = VmRegs {
        reg_file: vm.regs.as_mut_ptr().wrapping_add(fp) as u64,
        vm: vm as *mut Vm as u64,
        heap: 0,
    };
    let target = (c.entry.addr() + off as usize) as u64;
    // SAFETY: the code was produced by `compiler::compile` for this function: it reads and
    // writes this frame's slots (inside `vm.regs`, which is never reallocated), the function's
    // IC slots and heap objects reachable from those slots, and calls only the runtime's
    // helpers (which take the VM from its pinned register and run while this `&mut Vm` is not used) and
    // compiled code made the same way; it returns to the entry stub with an exit status. The
    // back end is the one that compiled it (chosen once per VM).
    let exit = unsafe { (jit_ref(vm).backend.enter)(c.entry, regs, target) };
    let exit = match exit {
        Ok(e) => e,
        Err(e) => {
            clear_jit_frames(vm, base);
            let name = code.name.clone();
            let _ = match e {
                ExecError::StackOverflow { .. } | ExecError::NestedTooDeep { .. } => {
                    vm.throw_range_error("Maximum call stack size exceeded")
                }
                e => vm.throw_type_error(&format!(
                    "kiln internal error: compiled code of {name} failed: {e}"
                )),
            };
            return Entered::Threw;
        }
    };
    match exit.status {
        Status::Deopt if exit.value == EXIT_TO_INNERMOST => {
            clear_jit_frames(vm, base);
            Entered::Reload
        }
        Status::Deopt => {
            let pc = exit.value as u32 as usize;
            match exit.value >> 32 {
                EXIT_RESUME => Entered::Resume(pc),
                reason => {
                    // Deopts were counted by the exit helper; plain exits (a `Return` the
                    // interpreter runs) are counted here.
                    if reason == EXIT_STEP {
                        jit(vm).stats.exits[EXIT_STEP as usize] += 1;
                    }
                    Entered::Left(pc)
                }
            }
        }
        Status::Threw => {
            clear_jit_frames(vm, base);
            Entered::Threw
        }
        // The frame entered here returned (the return helper popped it).
        Status::Returned => {
            Entered::Returned(std::mem::replace(&mut vm.tier.returned, Value::UNDEFINED))
        }
    }
}

/// After compiled code threw or unwound to the entry stub, the frames it had called (still on
/// the frame stack, for the interpreter) have no machine-code caller any more.
fn clear_jit_frames(vm: &mut Vm, base: usize) {
    for f in vm.frames.iter_mut().skip(base) {
        f.jit = false;
    }
}

/// For the call helper: the address compiled code calls for a callee whose frame was just
/// pushed, compiling the callee if it is hot; `None` to run it in the interpreter.
pub fn callee_entry(vm: &mut Vm, code: &FunctionCode) -> Option<u64> {
    let mut j = code.jit.get();
    if j == 0 {
        if !vm.tier.enabled || code.calls.get() < vm.tier.call_threshold {
            return None;
        }
        j = compile_function(vm, code);
    }
    if j <= JIT_FAILED {
        return None;
    }
    let c = compiled(j);
    Some((c.entry.addr() + c.call_entry as usize) as u64)
}

/// Discards the compiled code of `code` (after too many deoptimizations): the function runs
/// in the interpreter and is compiled again when it is hot again.
pub fn discard(vm: &mut Vm, code: &FunctionCode) {
    code.jit.set(0);
    code.jit_call.set(0);
    code.jit_new.set(0);
    code.calls.set(0);
    code.back_edges.set(0);
    jit(vm).stats.discarded += 1;
    trace(vm, code, "code discarded after repeated deopts");
}

/// Compiles `code` and records the result on it; returns the new `FunctionCode::jit` value.
fn compile_function(vm: &mut Vm, code: &FunctionCode) -> usize {
    if vm.tier.words.stack_limit == 0 {
        let range = (jit_ref(vm).backend.stack_range)();
        vm.tier.words.stack_limit = (range.low + STACK_MARGIN) as u64;
    }
    let t = Instant::now();
    let key = code as *const FunctionCode as usize;
    let empty = HashSet::new();
    let st = jit_ref(vm);
    let recompile = st.feedback.contains_key(&key);
    let generic = st.feedback.get(&key).unwrap_or(&empty);
    let cfg = Config {
        count_ops: st.count_ops,
        counter: st.ops_in_jit.as_ptr() as u64,
        deopt_stress: st.deopt_stress,
        generic,
        rt: crate::jit::runtime::runtime(st.backend.helper_addr),
        natives: &vm.natives,
    };
    let out = (st.backend.compile)(code, &cfg);
    let out = match out {
        Ok(o) => o,
        Err(e) => {
            jit(vm).stats.compile_failures += 1;
            code.jit.set(JIT_FAILED);
            trace(vm, code, &format!("compile failed: {e}"));
            return JIT_FAILED;
        }
    };
    let entry = match jit(vm).code.publish(&out.code) {
        Ok(p) => p,
        Err(e) => {
            jit(vm).stats.code_memory_exhausted = true;
            code.jit.set(JIT_FAILED);
            trace(vm, code, &format!("code memory exhausted: {e}"));
            return JIT_FAILED;
        }
    };
    let boxed = Box::new(Compiled {
        entry,
        offsets: out.offsets.into_boxed_slice(),
        call_entry: out.call_entry,
        deopts: Default::default(),
    });
    let ptr = &*boxed as *const Compiled as usize;
    jit(vm).compiled.push(boxed);
    let s = &mut jit(vm).stats;
    s.functions_compiled += 1;
    s.recompiles += recompile as u64;
    s.code_bytes += out.code.len() as u64;
    s.compile_nanos += t.elapsed().as_nanos();
    s.ops_compiled += out.ops as u64;
    s.inline_ops += out.inline_ops as u64;
    s.step_ops += out.step_ops as u64;
    code.jit.set(ptr);
    let call_entry = entry.addr() + out.call_entry as usize;
    code.jit_call.set(inline_call_word(code, call_entry));
    code.jit_new.set(inline_new_word(code, call_entry));
    trace(
        vm,
        code,
        &format!(
            "{}: {} bytecode bytes -> {} code bytes, {} inline ops, {} step-helper ops",
            if recompile { "recompiled" } else { "compiled" },
            code.code.len(),
            out.code.len(),
            out.inline_ops,
            out.step_ops
        ),
    );
    if jit(vm).print_code {
        let text = crate::jit::print::listing(vm, code, compiled(ptr), &out.code);
        vm.err.extend_from_slice(text.as_bytes());
    }
    ptr
}

/// [`FunctionCode::jit_call`] for code compiled with its call entry at `addr`.
fn inline_call_word(code: &FunctionCode, addr: usize) -> u64 {
    if code.has(F_HAS_REST) || code.has(F_USES_ARGUMENTS) || code.has(F_CLASS_CTOR) {
        return 0;
    }
    let sloppy = !code.has(F_STRICT) && !code.has(F_ARROW);
    debug_assert!(
        addr.is_multiple_of(2),
        "call entries are aligned (bit 0 is a flag)"
    );
    addr as u64 | sloppy as u64
}

/// [`FunctionCode::jit_new`] for code compiled with its call entry at `addr`.
fn inline_new_word(code: &FunctionCode, addr: usize) -> u64 {
    let full_setup = F_HAS_REST | F_USES_ARGUMENTS | F_NO_PROTOTYPE | F_DERIVED | F_GENERATOR;
    if code.flags & full_setup != 0 {
        return 0;
    }
    addr as u64
}

/// One `--trace-tier` line.
pub fn trace(vm: &mut Vm, code: &FunctionCode, what: &str) {
    if jit(vm).trace {
        let name = if code.name.is_empty() {
            "<anonymous>"
        } else {
            &code.name
        };
        let line = format!("[tier] {name}: {what}\n");
        vm.err.extend_from_slice(line.as_bytes());
    }
}

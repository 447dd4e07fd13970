//! The interpreter's hook into the JIT: tier-up, entering compiled code, and where the
//! interpreter resumes.
//!
//! Before each op, the interpreter asks [`wants`] (one load and compare when the function is
//! neither compiled nor at a tier-up point). At function entry (pc 0) and loop back-edges
//! (`LoopHint`) of a hot function, [`enter_at`] compiles it; whenever the current function has
//! code with an entry for the current pc, it runs that code on the frame (through the exec
//! layer's entry stub: x19 = the frame's register window, x20 = the VM) and returns the pc at
//! which compiled code left. The interpreter then runs exactly that one op and asks again.

use std::time::Instant;

use crate::exec::{self, Status, VmRegs};
use crate::jit::aarch64::A64Masm;
use crate::jit::compiler::{self, EXIT_REASONS, NO_ENTRY};
use crate::jit::state::{CODE_CAPACITY, Compiled, JIT_FAILED};
use crate::js::bytecode::{FunctionCode, Op};
use crate::js::vm::Vm;

/// Whether the interpreter should call [`enter_at`] before the op at `pc`.
#[inline]
pub fn wants(code: &FunctionCode, pc: usize) -> bool {
    let j = code.jit.get();
    j > JIT_FAILED || (j == 0 && (pc == 0 || code.code.get(pc) == Some(&(Op::LoopHint as u8))))
}

/// Compiles `code` if it is hot and not compiled yet, then runs its compiled code from `pc` on
/// the frame whose window starts at `fp`. Returns the pc where the interpreter continues (it
/// must execute the op there before asking again), or `None` if no compiled code ran.
pub fn enter_at(vm: &mut Vm, code: &FunctionCode, fp: usize, pc: usize) -> Option<usize> {
    let mut j = code.jit.get();
    let mut osr = false;
    if j == 0 {
        let count = if pc == 0 {
            code.calls.get()
        } else {
            code.back_edges.get()
        };
        if count < vm.jit.threshold {
            return None;
        }
        j = compile_function(vm, code);
        osr = pc != 0;
    }
    if j == JIT_FAILED {
        return None;
    }
    // SAFETY: values above JIT_FAILED are pointers to `Compiled`s boxed in `vm.jit.compiled`,
    // which are never removed while the VM lives.
    let c: &Compiled = unsafe { &*(j as *const Compiled) };
    let off = *c.offsets.get(pc)?;
    if off == NO_ENTRY {
        return None;
    }
    vm.jit.stats.entries += 1;
    if osr {
        vm.jit.stats.osr_entries += 1;
        trace(vm, code, &format!("osr entry at pc {pc}"));
    }
    let regs = VmRegs {
        reg_file: vm.regs.as_mut_ptr().wrapping_add(fp) as u64,
        vm: vm as *mut Vm as u64,
        heap: 0,
    };
    let target = (c.entry.addr() + off as usize) as u64;
    // SAFETY: the code was produced by `compiler::compile` for this function: it reads and
    // writes only this frame's slots (inside `vm.regs`, which is never reallocated), the
    // function's IC slots and heap objects reachable from those slots, allocates nothing and
    // calls nothing, and returns to the entry stub with an exit status.
    let exit = unsafe { exec::enter(c.entry, regs, target) };
    let exit = match exit {
        Ok(e) => e,
        Err(e) => panic!("compiled code of {} failed: {e}", code.name),
    };
    match exit.status {
        Status::Deopt => {
            let reason = (exit.value >> 32) as usize;
            vm.jit.stats.exits[reason.min(EXIT_REASONS - 1)] += 1;
            Some(exit.value as u32 as usize)
        }
        s => panic!(
            "compiled code of {} returned unexpected status {s:?}",
            code.name
        ),
    }
}

/// Compiles `code` and records the result on it; returns the new `FunctionCode::jit` value.
fn compile_function(vm: &mut Vm, code: &FunctionCode) -> usize {
    let t = Instant::now();
    let counter = vm.jit.ops_in_jit.as_ptr() as u64;
    let out = compiler::compile(A64Masm::new(), code, vm.jit.count_ops, counter);
    let out = match out {
        Ok(o) => o,
        Err(e) => {
            vm.jit.stats.compile_failures += 1;
            code.jit.set(JIT_FAILED);
            trace(vm, code, &format!("compile failed: {e}"));
            return JIT_FAILED;
        }
    };
    if vm.jit.buffer.is_none() {
        match crate::codemem::JitBuffer::new(CODE_CAPACITY) {
            Ok(b) => vm.jit.buffer = Some(b),
            Err(e) => {
                vm.jit.stats.code_memory_exhausted = true;
                code.jit.set(JIT_FAILED);
                trace(vm, code, &format!("no code memory: {e}"));
                return JIT_FAILED;
            }
        }
    }
    let buf = vm.jit.buffer.as_mut().expect("created above");
    let entry = match buf.publish(&out.code) {
        Ok(p) => p,
        Err(e) => {
            vm.jit.stats.code_memory_exhausted = true;
            code.jit.set(JIT_FAILED);
            trace(vm, code, &format!("code memory exhausted: {e}"));
            return JIT_FAILED;
        }
    };
    let offsets = out.offsets;
    let compiled = Box::new(Compiled {
        entry,
        offsets: offsets.into_boxed_slice(),
        code_len: out.code.len(),
    });
    let ptr = &*compiled as *const Compiled as usize;
    vm.jit.compiled.push(compiled);
    let s = &mut vm.jit.stats;
    s.functions_compiled += 1;
    s.code_bytes += out.code.len() as u64;
    s.compile_nanos += t.elapsed().as_nanos();
    s.inline_ops += out.inline_ops as u64;
    s.step_ops += out.step_ops as u64;
    code.jit.set(ptr);
    trace(
        vm,
        code,
        &format!(
            "compiled: {} bytecode bytes -> {} code bytes, {} inline ops, {} interpreter exits",
            code.code.len(),
            out.code.len(),
            out.inline_ops,
            out.step_ops
        ),
    );
    ptr
}

fn trace(vm: &mut Vm, code: &FunctionCode, what: &str) {
    if vm.jit.trace {
        let name = if code.name.is_empty() {
            "<anonymous>"
        } else {
            &code.name
        };
        let line = format!("[tier] {name}: {what}\n");
        vm.err.extend_from_slice(line.as_bytes());
    }
}

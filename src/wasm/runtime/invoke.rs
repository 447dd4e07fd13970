//! Calling functions: from Rust ([`Store::call`]: arguments into a window of the store's
//! value stack, then the executor's entry stub) and from compiled code through the helpers
//! (a window inside the caller's frame). Compiled code reaches the store through the
//! thread's current-store pointer, set for the duration of each entry.

use std::cell::Cell;

use crate::exec::{ExecError, Status, VmRegs, faults};
use crate::wasm::ctx::TrapCode;

use super::store::{FuncId, FuncKind, InstanceId, Store};
use super::{Trap, Val};

thread_local! {
    /// The store whose compiled code runs on this thread (innermost entry).
    static CURRENT: Cell<*mut Store> = const { Cell::new(std::ptr::null_mut()) };
}

/// The store whose code is running (for helpers).
///
/// # Safety
/// Only from a helper called by compiled code that [`Store::invoke_at`] entered: the store
/// outlives that call, and the `&mut Store` that entered is not used until the code returns.
pub(super) unsafe fn current<'a>() -> &'a mut Store {
    let p = CURRENT.with(Cell::get);
    assert!(!p.is_null(), "a Wasm helper ran outside compiled code");
    // SAFETY: the caller's contract (see above).
    unsafe { &mut *p }
}

/// Machine stack a Rust-to-Wasm entry keeps free above the compiled prologues' limit (the
/// Rust frames of a nested call and the helper that made it).
const ENTRY_MARGIN: u64 = 64 << 10;

impl Store {
    /// Whether this store's code runs natively (on this thread's stack).
    fn native(&self) -> bool {
        self.backend.executor == crate::exec::Backend::Native
    }

    /// Calls function `f` with `args`; its results, or the trap that ended it.
    pub fn call(&mut self, f: FuncId, args: &[Val]) -> Result<Vec<Val>, Trap> {
        let ty = self.funcs[f].ty.clone();
        if args.len() != ty.params.len() || args.iter().zip(&ty.params).any(|(a, t)| a.ty() != *t) {
            return Err(Trap::host(format!(
                "wrong arguments: the function's type is {ty}"
            )));
        }
        let base = self.stack_top;
        let need = ty.params.len().max(ty.results.len());
        if base + need > self.stack.len() {
            return Err(Trap::new(TrapCode::StackExhausted));
        }
        for (j, a) in args.iter().enumerate() {
            self.stack[base + j] = self.bits_of(*a);
        }
        // SAFETY: `base + need` is within the value stack (checked above).
        let window = unsafe { self.stack.as_mut_ptr().add(base) };
        self.invoke_at(f, window)?;
        Ok(ty
            .results
            .iter()
            .enumerate()
            .map(|(j, &t)| self.val_of_bits(t, self.stack[base + j]))
            .collect())
    }

    /// Runs function `f` on the window at `window` (arguments in, results out).
    pub(super) fn invoke_at(&mut self, f: FuncId, window: *mut u64) -> Result<(), Trap> {
        let (instance, entry, body) = match &self.funcs[f].kind {
            FuncKind::Host(h) => {
                let h = h.clone();
                let ty = self.funcs[f].ty.clone();
                let args: Vec<Val> = (0..ty.params.len())
                    // SAFETY: the window holds the function's parameters (compiled code
                    // spilled them there, or `call` wrote them).
                    .map(|j| self.val_of_bits(ty.params[j], unsafe { window.add(j).read() }))
                    .collect();
                // A host function may call into the store again: its calls' windows go above
                // this one's (the frames below are live).
                let saved_top = self.stack_top;
                let at = (window as usize).wrapping_sub(self.stack.as_ptr() as usize) / 8;
                if at < self.stack.len() {
                    self.stack_top = at + ty.params.len().max(ty.results.len());
                }
                let results = h(self, &args);
                self.stack_top = saved_top;
                let results = results?;
                if results.len() != ty.results.len()
                    || results.iter().zip(&ty.results).any(|(v, t)| v.ty() != *t)
                {
                    return Err(Trap::host(
                        "a host function returned values of the wrong type",
                    ));
                }
                for (j, v) in results.into_iter().enumerate() {
                    let bits = self.bits_of(v);
                    // SAFETY: result slots are inside the caller's frame or the value stack
                    // (callers size windows for results).
                    unsafe { window.add(j).write(bits) };
                }
                return Ok(());
            }
            FuncKind::Wasm {
                instance,
                entry,
                body,
            } => (*instance, *entry, *body),
        };
        if !(self.backend.can_nest)() {
            return Err(Trap::new(TrapCode::StackExhausted));
        }
        // Natively, compiled code runs on this thread's stack, and the entry stub skips the
        // prologue's machine-stack check: a call that comes back into Wasm through Rust
        // (an import, a host function calling the store) checks here, with room for the
        // Rust frames in between.
        let here = &f as *const FuncId as u64;
        let limit = self.instances[instance].ctx.stack_limit;
        if limit != 0 && here < limit.saturating_add(ENTRY_MARGIN) && self.native() {
            return Err(Trap::new(TrapCode::StackExhausted));
        }
        let vm = &*self.instances[instance].ctx as *const _ as u64;
        let regs = VmRegs {
            reg_file: window as u64,
            vm,
            heap: 0,
        };
        let me: *mut Store = self;
        let prev = CURRENT.with(|c| c.replace(me));
        // SAFETY: `entry` is code this store compiled for its back end, entered at offset 0
        // with its body address as the stub's argument; it reads and writes only its
        // instance's context and the objects that context points to (all owned by this
        // store, which stays in place and unused while the code runs), the window (inside
        // the value stack or a caller's frame), and calls only this module's helpers.
        let exit = unsafe { (self.backend.enter)(entry, regs, body) };
        CURRENT.with(|c| c.set(prev));
        match exit {
            Ok(e) if e.status == Status::Returned => Ok(()),
            Ok(e) if e.status == Status::Threw => Err(self.take_trap(instance)),
            Ok(e) => Err(Trap {
                code: None,
                message: format!("compiled code left with status {:?}", e.status),
                func: None,
                offset: None,
            }),
            Err(ExecError::Unmapped { addr, pc, .. } | ExecError::Protected { addr, pc, .. })
                if faults::resolve(pc as usize, addr as usize, vm).is_some() =>
            {
                // The emulator's report of a guard-page hit (natively, a signal handler
                // resolves it and the code leaves with status 1 itself).
                self.pending = None;
                Err(self.take_trap(instance))
            }
            Err(e) => {
                self.pending = None;
                Err(Trap {
                    code: None,
                    message: e.to_string(),
                    func: None,
                    offset: None,
                })
            }
        }
    }

    /// The trap that ended code of instance `i` (recorded by a helper, or by compiled code
    /// in the instance's context).
    fn take_trap(&mut self, i: InstanceId) -> Trap {
        if let Some(t) = self.pending.take() {
            return t;
        }
        let raw = std::mem::take(&mut self.instances[i].ctx.trap);
        let code = TrapCode::from_u8(raw as u8).unwrap_or(TrapCode::Host);
        let message = match code {
            TrapCode::UninitializedElement => {
                format!(
                    "{} {}",
                    code.message(),
                    self.instances[i].ctx.scratch2 as u32
                )
            }
            _ => code.message().to_string(),
        };
        let offset = (raw >> 8) as usize;
        let module = &self.instances[i].compiled.module;
        let func = module.func_at(offset);
        Trap {
            code: Some(code),
            message,
            func: func.map(|f| (f, module.func_name(f).map(str::to_string))),
            offset: func.map(|_| offset),
        }
    }
}

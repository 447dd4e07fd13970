//! The Rust functions compiled Wasm code calls (helper ABI: `(vm, args, …) -> status`,
//! status 0 = done, 1 = trapped with the trap recorded in the store). `vm` is the caller's
//! instance context; `args` the address of its operands in the caller's frame window,
//! where results are written back.

use crate::wasm::ctx::{FuncRecord, RtOp, TrapCode, VmCtx};

use super::Trap;
use super::invoke::current;
use super::store::{MAX_TABLE_ELEMS, Store};

/// # Safety
/// `vm` is the context compiled code passed: a live `VmCtx` of the current store.
unsafe fn ctx<'a>(vm: u64) -> &'a mut VmCtx {
    // SAFETY: the caller's contract.
    unsafe { &mut *(vm as *mut VmCtx) }
}

fn status(store: &mut Store, r: Result<(), Trap>) -> u64 {
    match r {
        Ok(()) => 0,
        Err(t) => {
            store.pending = Some(t);
            1
        }
    }
}

/// Records "call stack exhausted" (a prologue's stack check failed).
pub(super) extern "C" fn stack_overflow(
    vm: u64,
    _: u64,
    _: u64,
    _: u64,
    _: u64,
    _: u64,
    _: u64,
    _: u64,
) -> u64 {
    // SAFETY: called by compiled code with its context.
    let ctx = unsafe { ctx(vm) };
    ctx.trap = TrapCode::StackExhausted.encode(0);
    0
}

/// Calls imported function `scratch` of the caller's instance on the window `args`.
pub(super) extern "C" fn call_import(
    vm: u64,
    args: u64,
    _: u64,
    _: u64,
    _: u64,
    _: u64,
    _: u64,
    _: u64,
) -> u64 {
    // SAFETY: called by compiled code, which a store entered, with its context.
    let (store, ctx) = unsafe { (current(), ctx(vm)) };
    let f = store.instances[ctx.instance as usize].funcs[ctx.scratch as usize];
    let r = store.invoke_at(f, args as *mut u64);
    status(store, r)
}

/// Calls the function whose record is at `scratch` on the window `args`.
pub(super) extern "C" fn call_ref(
    vm: u64,
    args: u64,
    _: u64,
    _: u64,
    _: u64,
    _: u64,
    _: u64,
    _: u64,
) -> u64 {
    // SAFETY: called by compiled code, which a store entered, with its context.
    let (store, ctx) = unsafe { (current(), ctx(vm)) };
    // SAFETY: `call_indirect` stores a non-null funcref in `scratch` before calling: the
    // address of a record the store owns (boxed, alive as long as the store).
    let f = unsafe { (*(ctx.scratch as *const FuncRecord)).index } as usize;
    let r = store.invoke_at(f, args as *mut u64);
    status(store, r)
}

/// The operation in `scratch` ([`RtOp`]) on the operands at `args`.
pub(super) extern "C" fn runtime(
    vm: u64,
    args: u64,
    _: u64,
    _: u64,
    _: u64,
    _: u64,
    _: u64,
    _: u64,
) -> u64 {
    // SAFETY: called by compiled code, which a store entered, with its context.
    let (store, ctx) = unsafe { (current(), ctx(vm)) };
    // SAFETY: `args` is the address of the operation's operands in the caller's frame
    // window, inside the value stack: a frame ends at most at the context's window limit,
    // four slots short of the stack's end, so three slots from any operand position of a
    // frame are in the stack. Results go there.
    let args = unsafe { std::slice::from_raw_parts_mut(args as *mut u64, 3) };
    let op = RtOp::from_u8(ctx.scratch as u8);
    let imm = (ctx.scratch >> 8) as u32;
    let imm2 = ctx.scratch2 as u32;
    let i = ctx.instance as usize;
    let r = match op {
        Some(op) => store.runtime_op(i, op, imm, imm2, args),
        None => Err(Trap::host("bad runtime operation")),
    };
    let r = r.map_err(|t| store.locate(i, ctx.site as usize, t));
    status(store, r)
}

fn oob_mem() -> Trap {
    Trap::new(TrapCode::MemoryOutOfBounds)
}

fn oob_table() -> Trap {
    Trap::new(TrapCode::TableOutOfBounds)
}

impl Store {
    /// `t` with the function and offset of Wasm byte `site` of instance `i`'s module.
    fn locate(&self, i: usize, site: usize, mut t: Trap) -> Trap {
        let module = &self.instances[i].compiled.module;
        if let Some(f) = module.func_at(site) {
            t.func = Some((f, module.func_name(f).map(str::to_string)));
            t.offset = Some(site);
        }
        t
    }

    /// One runtime operation for instance `i` (operands as 32-bit values where the spec's
    /// are i32).
    fn runtime_op(
        &mut self,
        i: usize,
        op: RtOp,
        imm: u32,
        imm2: u32,
        args: &mut [u64],
    ) -> Result<(), Trap> {
        let u = |x: u64| x as u32 as u64;
        match op {
            RtOp::MemoryGrow => {
                let mem = self.instances[i].memories[0];
                let old = self.memories[mem].mem.grow(u(args[0]));
                args[0] = old.map_or(u32::MAX as u64, |o| o);
                for user in self.memories[mem].users.clone() {
                    self.sync_memory(user);
                }
            }
            RtOp::MemoryFill => {
                let (d, v, n) = (u(args[0]), args[1] as u8, u(args[2]));
                let mem = self.instances[i].memories[0];
                let bytes = self.memories[mem].mem.bytes_mut();
                if d + n > bytes.len() as u64 {
                    return Err(oob_mem());
                }
                bytes[d as usize..(d + n) as usize].fill(v);
            }
            RtOp::MemoryCopy => {
                let (d, s, n) = (u(args[0]), u(args[1]), u(args[2]));
                let mem = self.instances[i].memories[0];
                let bytes = self.memories[mem].mem.bytes_mut();
                let len = bytes.len() as u64;
                if d + n > len || s + n > len {
                    return Err(oob_mem());
                }
                bytes.copy_within(s as usize..(s + n) as usize, d as usize);
            }
            RtOp::MemoryInit => {
                let (d, s, n) = (u(args[0]), u(args[1]), u(args[2]));
                self.memory_init(i, imm, d, s, n)?;
            }
            RtOp::DataDrop => self.instances[i].data_dropped[imm as usize] = true,
            RtOp::TableGet => {
                let t = &self.tables[self.instances[i].tables[imm as usize]];
                args[0] = *t.elems.get(u(args[0]) as usize).ok_or_else(oob_table)?;
            }
            RtOp::TableSet => {
                let t = &mut self.tables[self.instances[i].tables[imm as usize]];
                *t.elems.get_mut(u(args[0]) as usize).ok_or_else(oob_table)? = args[1];
            }
            RtOp::TableSize => {
                args[0] = self.tables[self.instances[i].tables[imm as usize]]
                    .elems
                    .len() as u64;
            }
            RtOp::TableGrow => {
                let (init, n) = (args[0], u(args[1]));
                let t = &mut self.tables[self.instances[i].tables[imm as usize]];
                let old = t.elems.len() as u64;
                let max =
                    t.ty.limits
                        .max
                        .unwrap_or(u32::MAX as u64)
                        .min(MAX_TABLE_ELEMS);
                if old + n > max || t.elems.try_reserve(n as usize).is_err() {
                    args[0] = u32::MAX as u64;
                } else {
                    t.elems.resize((old + n) as usize, init);
                    t.sync();
                    args[0] = old;
                }
            }
            RtOp::TableFill => {
                let (d, v, n) = (u(args[0]), args[1], u(args[2]));
                let t = &mut self.tables[self.instances[i].tables[imm as usize]];
                if d + n > t.elems.len() as u64 {
                    return Err(oob_table());
                }
                t.elems[d as usize..(d + n) as usize].fill(v);
            }
            RtOp::TableCopy => {
                let (d, s, n) = (u(args[0]), u(args[1]), u(args[2]));
                let dst = self.instances[i].tables[imm as usize];
                let src = self.instances[i].tables[imm2 as usize];
                let (dl, sl) = (
                    self.tables[dst].elems.len() as u64,
                    self.tables[src].elems.len() as u64,
                );
                if d + n > dl || s + n > sl {
                    return Err(oob_table());
                }
                if dst == src {
                    let e = &mut self.tables[dst].elems;
                    e.copy_within(s as usize..(s + n) as usize, d as usize);
                } else {
                    let vals = self.tables[src].elems[s as usize..(s + n) as usize].to_vec();
                    self.tables[dst].elems[d as usize..(d + n) as usize].copy_from_slice(&vals);
                }
            }
            RtOp::TableInit => {
                let (d, s, n) = (u(args[0]), u(args[1]), u(args[2]));
                self.table_init(i, imm, imm2, d, s, n)?;
            }
            RtOp::ElemDrop => self.instances[i].elems[imm as usize].clear(),
        }
        Ok(())
    }
}

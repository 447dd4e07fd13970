//! kiln's runtime ABI on x86-64 ([`RuntimeAbi`] for [`X64Masm`]): entries, exits, helper and
//! compiled calls. The register roles are assigned in `abi.rs`; this file adds what the
//! runtime calling convention fixes:
//!
//! - rax: the result register — a helper's result, a compiled callee's status, the status
//!   compiled code returns; rdx: the value returned with it (the entry stub hands rax:rdx to
//!   Rust as a System V pair);
//! - rdi = the VM and rsi = the argument of every helper call (System V's first two argument
//!   registers; both are template scratch registers, dead at a call), rdx a second argument
//!   where there is one; rsi also carries the
//!   exit value to the shared exit sequence, which keeps it in rbx (callee-saved) across the
//!   exit helper's call;
//! - no pinned constants (x86-64 has no spare registers; immediates are materialized in r11)
//!   and no pinned op-counter register (`bump_counter` adds to the counter's absolute
//!   address).
//!
//! Machine frame of compiled code (16 bytes): the return address and, at `[rsp]`
//! ([`SAVED_WINDOW`]), this frame's window register r14, pushed by both entries. rsp stays
//! put inside a function, so it is 16-byte aligned at every helper call, and the window is
//! reloaded from `[rsp]` after a call to compiled code. A JIT→JIT call `call`s the callee's
//! call entry with r14 = the callee's window. The call entry is 16-byte aligned: bit 0 of a
//! compiled call-entry word is a flag.

use super::abi::{FRAME, IMM, VM, q};
use super::masm::X64Masm;
use crate::asm::x86_64::{Cond, EAX, Mem, QWORD, RAX, RBX, RDI, RDX, RSI, RSP, Reg64};
use crate::jit::abi::RuntimeAbi;
use crate::jit::masm::{MacroAssembler, MasmResult, Reg, RegImm};

/// The result register (helper results, callee statuses, the status compiled code returns).
const RESULT: Reg64 = RAX;
/// The value returned with the status.
const VALUE: Reg64 = RDX;
/// The helper's first two argument registers: the VM and the argument.
const ARG_VM: Reg64 = RDI;
const ARG: Reg64 = RSI;
/// The third argument register (the second argument of [`RuntimeAbi::call_helper2`]).
const ARG2: Reg64 = RDX;
/// Holds the exit value across the exit helper's call (callee-saved in System V; the value
/// layer's `T0`, dead at an exit).
const EXIT_VALUE: Reg64 = RBX;
/// Offset of the saved window register in the machine frame.
const SAVED_WINDOW: i32 = 0;
/// Alignment of the call entry (bit 0 of a call-entry word is a flag).
const ENTRY_ALIGN: usize = 16;

impl X64Masm {
    /// Opens the machine frame: the window register below the return address.
    fn open_frame(&mut self) {
        self.a.push_r(FRAME);
    }

    /// Closes the machine frame and returns (rax/rdx already hold status and value).
    fn close_frame(&mut self) {
        self.a.pop_r(IMM);
        self.a.ret();
    }

    /// Calls the helper at `addr` with rdi = the VM (rsi set by the caller).
    fn call_helper_addr(&mut self, addr: u64) {
        self.a.mov_rr(ARG_VM, VM);
        self.a.mov_ri(RESULT, addr as i64);
        self.a.call_r(RESULT);
    }

    /// Reloads this frame's window after a call to compiled code.
    fn reload_window(&mut self) -> MasmResult {
        self.a.mov_rm(FRAME, Mem::base(RSP, SAVED_WINDOW))?;
        Ok(())
    }
}

impl RuntimeAbi for X64Masm {
    fn stub_entry(&mut self, count_ops: bool, counter: u64) -> MasmResult {
        self.counter = count_ops.then_some(counter);
        self.open_frame();
        // The entry stub passes the code address to run in rdi.
        self.a.jmp_r(RDI);
        self.a.align(ENTRY_ALIGN)?;
        Ok(())
    }

    fn call_entry(&mut self, limit_field: i32, overflow: u64, start: Self::Label) -> MasmResult {
        self.open_frame();
        self.a.cmp_rm(RSP, Mem::base(VM, limit_field))?;
        self.a.jcc(Cond::Ae, start);
        self.call_helper(overflow, RegImm::Imm(0))?;
        self.exit(1, 0)
    }

    fn exit(&mut self, status: u64, value: u64) -> MasmResult {
        self.a.mov_ri(EAX, status as u32 as i32);
        self.a.mov_ri(VALUE, value as i64);
        self.close_frame();
        Ok(())
    }

    fn call_helper(&mut self, addr: u64, arg: RegImm) -> MasmResult {
        // The argument first: it may live in rdi.
        match arg {
            RegImm::Reg(r) if q(r) != ARG => self.a.mov_rr(ARG, q(r)),
            RegImm::Reg(_) => {}
            RegImm::Imm(v) => self.a.mov_ri(ARG, v),
        }
        self.call_helper_addr(addr);
        Ok(())
    }

    fn call_helper2(&mut self, addr: u64, a: Reg, b: Reg) -> MasmResult {
        // rsi = a, rdx = b, whichever registers they are in (both are template scratch
        // registers); then rdi = the VM.
        let (a, b) = (q(a), q(b));
        if a == ARG2 && b == ARG {
            self.a.mov_rr(IMM, a);
            self.a.mov_rr(ARG2, b);
            self.a.mov_rr(ARG, IMM);
        } else if a == ARG2 {
            self.a.mov_rr(ARG, a);
            self.a.mov_rr(ARG2, b);
        } else {
            if b != ARG2 {
                self.a.mov_rr(ARG2, b);
            }
            if a != ARG {
                self.a.mov_rr(ARG, a);
            }
        }
        self.call_helper_addr(addr);
        Ok(())
    }

    fn result_to(&mut self, dst: Reg) {
        self.a.mov_rr(q(dst), RESULT);
    }

    fn branch_if_result_eq(&mut self, imm: u64, label: Self::Label) -> MasmResult {
        match i32::try_from(imm as i64) {
            Ok(0) => self.a.test_rr(RESULT, RESULT),
            Ok(i) => self.a.cmp_ri(RESULT, i),
            Err(_) => {
                self.a.mov_ri(IMM, imm as i64);
                self.a.cmp_rr(RESULT, IMM);
            }
        }
        self.a.jcc(Cond::E, label);
        Ok(())
    }

    fn call_compiled(&mut self, window_field: i32) -> MasmResult {
        self.a.mov_rm(FRAME, Mem::base(VM, window_field))?;
        self.a.call_r(RESULT);
        self.reload_window()
    }

    fn call_compiled_at(&mut self, entry: Reg, window: Reg) -> MasmResult {
        self.a.mov_rr(FRAME, q(window));
        self.a.call_r(q(entry));
        self.reload_window()
    }

    fn call_compiled_near(&mut self, window: Reg) -> MasmResult<usize> {
        self.a.mov_rr(FRAME, q(window));
        let at = self.a.offset();
        // `call rel32`, displacement filled in later.
        self.a.emit_bytes(&[0xe8, 0, 0, 0, 0]);
        self.reload_window()?;
        Ok(at)
    }

    fn patch_near_call(code: &mut [u8], at: usize, target: i64) -> bool {
        let delta = target - (at as i64 + 5);
        let Ok(rel) = i32::try_from(delta) else {
            return false;
        };
        if at + 5 > code.len() || code[at] != 0xe8 {
            return false;
        }
        code[at + 1..at + 5].copy_from_slice(&rel.to_le_bytes());
        true
    }

    fn jump_with_exit_value(&mut self, value: u64, label: Self::Label) {
        self.a.mov_ri(ARG, value as i64);
        self.a.jmp(label);
    }

    fn jump_with_result_pc(&mut self, reason: u64, label: Self::Label) -> MasmResult {
        self.a.mov_ri(IMM, (reason << 32) as i64);
        self.a.mov_rr(ARG, RESULT);
        self.a.or_rr(ARG, IMM);
        self.a.jmp(label);
        Ok(())
    }

    fn exit_through(&mut self, addr: u64, deopt_status: u64) -> MasmResult {
        let (finished, threw) = (self.a.new_label(), self.a.new_label());
        self.a.mov_rr(EXIT_VALUE, ARG);
        self.call_helper_addr(addr);
        self.a.test_rr(RESULT, RESULT);
        self.a.jcc(Cond::E, finished);
        self.a.cmp_ri(RESULT, 1);
        self.a.jcc(Cond::E, threw);
        self.a.mov_rr(VALUE, EXIT_VALUE);
        self.a.mov_ri(EAX, deopt_status as u32 as i32);
        self.close_frame();
        self.bind(finished)?;
        self.exit(0, 0)?;
        self.bind(threw)?;
        self.exit(1, 0)
    }

    fn bump_counter(&mut self, delta: i64) -> MasmResult {
        let Some(counter) = self.counter else {
            return Ok(());
        };
        let delta = i32::try_from(delta).expect("op-counter deltas are small");
        self.a.mov_ri(IMM, counter as i64);
        self.a.add_mi(QWORD, Mem::base(IMM, 0), delta)?;
        Ok(())
    }
}

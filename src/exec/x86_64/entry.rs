//! The entry/exit stub between Rust and x86-64 JIT code (System V).
//!
//! JIT code is entered through one process-wide stub that
//! - saves the System V callee-saved registers rbx, rbp, r12–r15 (compiled code uses all of
//!   them) and aligns the stack so that rsp is 16-byte aligned at its `call`;
//! - loads the pinned VM registers: [`REG_FILE`] (r14) = register-window base, [`VM`] (r15) =
//!   VM pointer (x86-64 pins no heap register: `VmRegs::heap` is unused);
//! - calls the JIT code with rdi = one argument;
//! - on return takes rax = a [`Status`] and rdx = a value, restores everything and returns
//!   both to Rust (a 16-byte `#[repr(C)]` pair is returned in rax:rdx under System V), where
//!   [`enter`] turns them into an [`Exit`].
//!
//! JIT code therefore may clobber every register except rsp (and must `ret`); it keeps r14
//! and r15 as the stub set them for its own use. The x87 and SSE control words are left as
//! Rust has them (compiled code never changes them).

use std::sync::OnceLock;

use crate::asm::x86_64::{
    Assembler, R8, R12, R13, R14, R15, RAX, RBP, RBX, RDI, RDX, RSI, RSP, Reg64,
};
use crate::codemem::{CodePtr, JitBuffer};
#[cfg(target_arch = "x86_64")]
use crate::exec::Status;
use crate::exec::{ExecError, Exit, VmRegs};

/// Register-window base, pinned for JIT code (callee-saved: survives helper calls).
pub const REG_FILE: Reg64 = R14;
/// VM pointer, pinned for JIT code (callee-saved).
pub const VM: Reg64 = R15;

/// The callee-saved registers the stub saves, in push order.
const SAVED: [Reg64; 6] = [RBX, RBP, R12, R13, R14, R15];

/// Emits the entry stub: `stub(rdi = code, rsi = reg_file, rdx = vm, rcx = heap, r8 = arg)`
/// returning rax = status, rdx = value.
pub fn emit_entry_stub(a: &mut Assembler) {
    for r in SAVED {
        a.push_r(r);
    }
    // Return address + six pushes = 56 bytes: 8 more make rsp 16-byte aligned at the call.
    a.sub_ri(RSP, 8);
    a.mov_rr(REG_FILE, RSI);
    a.mov_rr(VM, RDX);
    a.mov_rr(RAX, RDI);
    a.mov_rr(RDI, R8);
    a.call_r(RAX);
    a.add_ri(RSP, 8);
    for r in SAVED.into_iter().rev() {
        a.pop_r(r);
    }
    a.ret();
}

/// The process-wide entry stub, assembled and published on first use. Its buffer lives for
/// the rest of the process.
pub fn entry_stub() -> CodePtr {
    static STUB: OnceLock<CodePtr> = OnceLock::new();
    *STUB.get_or_init(|| {
        let mut a = Assembler::new();
        emit_entry_stub(&mut a);
        let code = a
            .finalize()
            .expect("the entry stub has no labels to resolve");
        let mut buf = JitBuffer::new(code.len()).expect("reserving code memory for the entry stub");
        let stub = buf.publish(&code).expect("publishing the entry stub");
        // The stub is called for the rest of the process: never unmap it.
        std::mem::forget(buf);
        stub
    })
}

/// Runs x86-64 JIT code at `code` through the entry stub with the VM registers pinned and
/// rdi = `arg`. On a host that is not x86-64 there is no executor for it.
///
/// # Safety
/// `code` must be x86-64 JIT code following this module's convention; it may read and write
/// any host memory reachable from `regs` and call registered helpers.
pub unsafe fn enter(code: CodePtr, regs: VmRegs, arg: u64) -> Result<Exit, ExecError> {
    #[cfg(target_arch = "x86_64")]
    {
        let args = [code.addr() as u64, regs.reg_file, regs.vm, regs.heap, arg];
        // SAFETY: the stub follows System V (callee-saved registers restored, stack
        // balanced, result pair in rax:rdx); the caller vouches for `code`.
        let (status, value) = unsafe { super::native::call2(entry_stub(), &args) };
        let status = Status::from_raw(status).ok_or(ExecError::BadStatus { status, value })?;
        Ok(Exit { status, value })
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        let _ = (code, regs, arg);
        Err(ExecError::NoExecutor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use iced_x86::{Decoder, DecoderOptions, Formatter, IntelFormatter};

    fn disasm(code: &[u8]) -> Vec<String> {
        let mut d = Decoder::new(64, code, DecoderOptions::NONE);
        let mut f = IntelFormatter::new();
        f.options_mut().set_space_after_operand_separator(true);
        let mut out = Vec::new();
        while d.can_decode() {
            let mut s = String::new();
            f.format(&d.decode(), &mut s);
            out.push(s);
        }
        out
    }

    #[test]
    fn the_stub_saves_pins_calls_and_restores() {
        let mut a = Assembler::new();
        emit_entry_stub(&mut a);
        let code = a.finalize().unwrap();
        let text = disasm(&code);
        assert_eq!(
            text,
            [
                "push rbx",
                "push rbp",
                "push r12",
                "push r13",
                "push r14",
                "push r15",
                "sub rsp, 8",
                "mov r14, rsi",
                "mov r15, rdx",
                "mov rax, rdi",
                "mov rdi, r8",
                "call rax",
                "add rsp, 8",
                "pop r15",
                "pop r14",
                "pop r13",
                "pop r12",
                "pop rbp",
                "pop rbx",
                "ret",
            ]
        );
    }

    /// Code that returns status 2 (deopt) with r14 + r15 + rdi after clobbering every
    /// callee-saved register: the stub must pin the VM registers, pass the argument and
    /// restore what Rust relies on.
    #[cfg(target_arch = "x86_64")]
    #[test]
    fn enter_pins_the_vm_registers_and_returns_status_and_value() {
        use crate::asm::x86_64::EAX;
        let mut a = Assembler::new();
        a.mov_rr(RDX, REG_FILE);
        a.add_rr(RDX, VM);
        a.add_rr(RDX, RDI);
        for r in [RBX, RBP, R12, R13, R14, R15] {
            a.mov_ri(r, -1);
        }
        a.mov_ri(EAX, Status::Deopt as i32);
        a.ret();
        let code = a.finalize().unwrap();
        let mut buf = JitBuffer::new(code.len()).unwrap();
        let f = buf.publish(&code).unwrap();
        let regs = VmRegs {
            reg_file: 0x1000,
            vm: 0x20_0000,
            heap: 0,
        };
        // SAFETY: the code only touches registers and returns a status per the stub's
        // convention.
        let exit = unsafe { enter(f, regs, 7) }.unwrap();
        assert_eq!(
            exit,
            Exit {
                status: Status::Deopt,
                value: 0x20_1007
            }
        );
    }
}

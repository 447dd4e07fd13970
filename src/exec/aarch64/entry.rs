//! Entry/exit stubs between Rust and JIT code (AAPCS64).
//!
//! JIT code is entered through one process-wide stub that
//! - saves x19–x28, the frame record (x29, x30) and d8–d15, and sets up a frame pointer;
//! - loads the pinned VM registers: [`REG_FILE`] (x19) = register-file base, [`VM`] (x20) =
//!   VM pointer, [`HEAP`] (x21) = heap pointer;
//! - calls the JIT code with x0 = one argument;
//! - on return takes x0 = a [`Status`] and x1 = a value, restores everything and returns both
//!   to Rust, where [`enter`] turns them into an [`Exit`].
//!
//! JIT code therefore may clobber every register except sp (and must return to x30); it keeps
//! x19–x21 as the stub set them for its own use.

use std::sync::OnceLock;

use crate::asm::aarch64::{Assembler, D, SP, X, X0, X16, X29, X30, XReg};
use crate::codemem::{CodePtr, JitBuffer};
use crate::exec::{ExecError, Exit, Status, VmRegs, call2};

/// Register-file base, pinned for JIT code.
pub const REG_FILE: XReg = X(19);
/// VM pointer, pinned for JIT code.
pub const VM: XReg = X(20);
/// Heap pointer, pinned for JIT code.
pub const HEAP: XReg = X(21);

/// Bytes of stack the stub's frame takes: frame record, x19–x28, d8–d15.
pub const FRAME_SIZE: i64 = 16 + 5 * 16 + 4 * 16;

/// Emits the entry stub: `stub(x0 = code, x1 = reg_file, x2 = vm, x3 = heap, x4 = arg)`
/// returning x0 = status, x1 = value.
pub fn emit_entry_stub(a: &mut Assembler) {
    let err = "entry-stub offsets are encodable";
    a.stp_pre(X29, X30, SP, -FRAME_SIZE).expect(err);
    a.mov_sp(X29, SP);
    for i in 0..5u8 {
        let (r1, r2) = (X(19 + 2 * i), X(20 + 2 * i));
        a.stp(r1, r2, SP, 16 + 16 * i as i64).expect(err);
    }
    for i in 0..4u8 {
        a.stp(D(8 + 2 * i), D(9 + 2 * i), SP, 96 + 16 * i as i64)
            .expect(err);
    }
    a.mov(REG_FILE, X(1));
    a.mov(VM, X(2));
    a.mov(HEAP, X(3));
    a.mov(X16, X0);
    a.mov(X0, X(4));
    a.blr(X16);
    for i in 0..4u8 {
        a.ldp(D(8 + 2 * i), D(9 + 2 * i), SP, 96 + 16 * i as i64)
            .expect(err);
    }
    for i in 0..5u8 {
        a.ldp(X(19 + 2 * i), X(20 + 2 * i), SP, 16 + 16 * i as i64)
            .expect(err);
    }
    a.ldp_post(X29, X30, SP, FRAME_SIZE).expect(err);
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

/// Runs JIT code at `code` through the entry stub with the VM registers pinned and x0 = `arg`.
///
/// # Safety
/// `code` must be JIT code following this module's convention; it may read and write any host
/// memory reachable from `regs` and call registered helpers.
pub unsafe fn enter(code: CodePtr, regs: VmRegs, arg: u64) -> Result<Exit, ExecError> {
    let args = [code.addr() as u64, regs.reg_file, regs.vm, regs.heap, arg];
    // SAFETY: the stub follows AAPCS64; the caller vouches for `code`.
    let (status, value) = unsafe { call2(entry_stub(), &args) }?;
    let status = Status::from_raw(status).ok_or(ExecError::BadStatus { status, value })?;
    Ok(Exit { status, value })
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;

    #[test]
    fn raw_statuses_round_trip() {
        for s in [Status::Returned, Status::Threw, Status::Deopt] {
            assert_eq!(Status::from_raw(s as u64), Some(s));
        }
        assert_eq!(Status::from_raw(3), None);
    }

    #[test]
    fn the_stub_opens_and_closes_its_frame() {
        let mut a = Assembler::new();
        emit_entry_stub(&mut a);
        let code = a.finalize().unwrap();
        let word = |i: usize| u32::from_le_bytes(code[4 * i..4 * i + 4].try_into().unwrap());
        let last = code.len() / 4 - 1;
        // Encodings from llvm-mc: stp x29, x30, [sp, #-160]! / ldp x29, x30, [sp], #160 / ret.
        assert_eq!(
            (word(0), word(last - 1), word(last)),
            (0xa9b6_7bfd, 0xa8ca_7bfd, 0xd65f_03c0)
        );
        assert_eq!(FRAME_SIZE, 160);
    }
}

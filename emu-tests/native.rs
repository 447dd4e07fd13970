//! What only native execution shows (aarch64 hosts; the cross stage runs these under QEMU):
//! instruction-cache maintenance makes repeatedly patched code run its newest instructions.
//! (That a write to published code faults is a unit test of `codemem`, on every host.)

use kiln::asm::aarch64::*;
use kiln::codemem::JitBuffer;
use kiln::exec::{self, BACKEND, Backend};
use pretty_assertions::assert_eq;

#[test]
fn the_native_executor_runs_here() {
    assert_eq!(BACKEND, Backend::Native);
}

#[test]
fn code_patched_many_times_runs_the_newest_instructions_each_time() {
    let mut buf = JitBuffer::new(64 * 1024).unwrap();
    // A function spanning two pages, whose first and last instructions get patched.
    let mut a = Assembler::new();
    a.movz(X0, 0, 0).unwrap();
    for _ in 0..2000 {
        a.nop();
    }
    a.add_imm(X0, X0, Imm12::new(0).unwrap());
    a.ret();
    let f = buf.publish(&a.finalize().unwrap()).unwrap();
    let last = 4 * 2001;
    let mut got = Vec::new();
    for i in 1..=50u16 {
        let mut head = Assembler::new();
        head.movz(X0, i, 0).unwrap();
        buf.patch(0, &head.finalize().unwrap()).unwrap();
        let mut tail = Assembler::new();
        tail.add_imm(X0, X0, Imm12::new(1000).unwrap());
        buf.patch(last, &tail.finalize().unwrap()).unwrap();
        // SAFETY: `f` only computes in registers.
        got.push(unsafe { exec::call(f, &[]) }.unwrap());
    }
    assert_eq!(got, (1..=50).map(|i| i + 1000).collect::<Vec<u64>>());
}

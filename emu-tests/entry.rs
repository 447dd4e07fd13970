//! The entry/exit stub: statuses and values, pinned VM registers, frame pointer, and every
//! callee-saved register (x19–x28, x29, x30, d8–d15) preserved for the caller.

use kiln::asm::aarch64::*;
use kiln::exec::aarch64::entry::{FRAME_SIZE, entry_stub};
use kiln::exec::{self, ExecError, Exit, Status, VmRegs};
use pretty_assertions::assert_eq;

use crate::support::publish;

#[test]
fn jit_code_reports_returned_threw_and_deoptimized_with_a_value() {
    let mut got = Vec::new();
    for (raw, value) in [(0u16, 42u16), (1, 0xbad), (2, 17)] {
        let (_buf, code) = publish(|a| {
            a.movz(X0, raw, 0)?;
            a.movz(X(1), value, 0)?;
            a.ret();
            Ok(())
        });
        // SAFETY: the snippet only sets x0 and x1.
        got.push(unsafe { exec::enter(code, VmRegs::default(), 0) }.unwrap());
    }
    assert_eq!(
        got,
        vec![
            Exit {
                status: Status::Returned,
                value: 42
            },
            Exit {
                status: Status::Threw,
                value: 0xbad
            },
            Exit {
                status: Status::Deopt,
                value: 17
            },
        ]
    );
}

#[test]
fn an_unknown_status_is_an_error() {
    let (_buf, code) = publish(|a| {
        a.movz(X0, 9, 0)?;
        a.movz(X(1), 5, 0)?;
        a.ret();
        Ok(())
    });
    // SAFETY: the snippet only sets x0 and x1.
    let got = unsafe { exec::enter(code, VmRegs::default(), 0) };
    assert_eq!(
        got,
        Err(ExecError::BadStatus {
            status: 9,
            value: 5
        })
    );
}

#[test]
fn pinned_registers_and_the_argument_reach_jit_code() {
    let mut reg_file = [0u64; 4];
    reg_file[1] = 1000;
    let regs = VmRegs {
        reg_file: reg_file.as_mut_ptr() as u64,
        vm: 0x20_0000,
        heap: 0x300_0000,
    };
    let (_buf, code) = publish(|a| {
        // reg_file[2] = reg_file[1] + arg; value = x20 + x21 + reg_file[2]; x1 = fp - sp.
        a.ldr(X(9), Mem::off(X(19), 8))?;
        a.add(X(9), X(9), X0);
        a.str(X(9), Mem::off(X(19), 16))?;
        a.add(X(1), X(20), X(21));
        a.add(X(1), X(1), X(9));
        a.movz(X0, 0, 0)?;
        a.ret();
        Ok(())
    });
    // SAFETY: the snippet touches only `reg_file`.
    let got = unsafe { exec::enter(code, regs, 7) }.unwrap();
    assert_eq!(
        got,
        Exit {
            status: Status::Returned,
            value: 0x20_0000 + 0x300_0000 + 1007
        }
    );
    assert_eq!(reg_file, [0, 1000, 1007, 0]);
}

#[test]
fn the_stub_sets_up_a_frame_record() {
    let (_buf, code) = publish(|a| {
        // value = (x29 - sp) | (saved x29 in the frame record == 0 ? 0 : 1 << 32)
        a.mov_sp(X(9), SP);
        a.sub(X(1), X29, X(9));
        a.movz(X0, 0, 0)?;
        a.ret();
        Ok(())
    });
    // SAFETY: the snippet only reads registers.
    let got = unsafe { exec::enter(code, VmRegs::default(), 0) }.unwrap();
    // JIT code is entered with sp == x29 (the stub's frame record is at the bottom).
    assert_eq!(
        got,
        Exit {
            status: Status::Returned,
            value: 0
        }
    );
}

/// Patterns the harness gives x19–x28 (index 0–9), x29 (10), d8–d15 (11–18).
fn pattern(i: u64) -> u64 {
    0x0123_4567_89ab_0000 ^ (i * 0x1111_0001)
}

const OUT_WORDS: usize = 21;

/// A caller written in AArch64, so the same check runs in both executors:
/// `harness(x0 = out, x1 = stub, x2 = code)` saves its own callee-saved registers, sets
/// x19–x29 and d8–d15 to [`pattern`]s, calls the stub with x0 = code, stores x19–x29, d8–d15,
/// the status and value to `out[0..21]`, restores and returns.
fn emit_harness(a: &mut Assembler) -> AsmResult {
    let frame = FRAME_SIZE + 16;
    a.stp_pre(X29, X30, SP, -frame)?;
    a.mov_sp(X29, SP);
    for i in 0..5u8 {
        a.stp(X(19 + 2 * i), X(20 + 2 * i), SP, 16 + 16 * i as i64)?;
    }
    for i in 0..4u8 {
        a.stp(D(8 + 2 * i), D(9 + 2 * i), SP, 96 + 16 * i as i64)?;
    }
    a.str(X0, Mem::off(SP, 160))?;
    a.mov(X16, X(1));
    a.mov(X0, X(2));
    for i in 0..10u8 {
        a.mov_imm64(X(19 + i), pattern(i as u64));
    }
    for i in 0..8u8 {
        a.mov_imm64(X(9), pattern(11 + i as u64));
        a.fmov_from_gp(D(8 + i), X(9));
    }
    a.mov_imm64(X29, pattern(10));
    a.blr(X16);
    a.ldr(X(9), Mem::off(SP, 160))?;
    for i in 0..11u8 {
        a.str(X(19 + i), Mem::off(X(9), 8 * i as i64))?;
    }
    for i in 0..8u8 {
        a.str(D(8 + i), Mem::off(X(9), 8 * (11 + i as i64)))?;
    }
    a.stp(X0, X(1), X(9), 8 * 19)?;
    for i in 0..4u8 {
        a.ldp(D(8 + 2 * i), D(9 + 2 * i), SP, 96 + 16 * i as i64)?;
    }
    for i in 0..5u8 {
        a.ldp(X(19 + 2 * i), X(20 + 2 * i), SP, 16 + 16 * i as i64)?;
    }
    a.ldp_post(X29, X30, SP, frame)?;
    a.ret();
    Ok(())
}

#[test]
fn the_stub_preserves_every_callee_saved_register() {
    // JIT code that clobbers x19–x30 and d8–d15, returning through a copy of x30.
    let (_jit_buf, jit) = publish(|a| {
        a.mov(X(9), X30);
        for i in 19..=30u8 {
            a.mov_imm64(X(i), 0xdead_0000 + i as u64);
        }
        for i in 8..16u8 {
            a.fmov_imm(D(i), -2.5)?;
        }
        a.movz(X0, 2, 0)?; // Deopt
        a.movz(X(1), 0x77, 0)?;
        a.ret_to(X(9));
        Ok(())
    });
    let (_harness_buf, harness) = publish(emit_harness);
    let mut out = [0u64; OUT_WORDS];
    let args = [
        out.as_mut_ptr() as u64,
        entry_stub().addr() as u64,
        jit.addr() as u64,
    ];
    // SAFETY: the harness writes only `out` and restores what it uses.
    unsafe { exec::call(harness, &args) }.unwrap();
    let mut want: Vec<u64> = (0..19).map(pattern).collect();
    want.extend([2, 0x77]);
    assert_eq!(out.to_vec(), want);
}

#[test]
fn the_stub_preserves_rust_callee_saved_registers_across_many_calls() {
    // Natively, a stub that lost a Rust callee-saved register would corrupt this loop's state.
    let (_buf, code) = publish(|a| {
        for i in 19..=29u8 {
            a.mov_imm64(X(i), 0xbad0 + i as u64);
        }
        for i in 8..16u8 {
            a.fmov_imm(D(i), 1.0)?;
        }
        a.mov(X(1), X0);
        a.movz(X0, 0, 0)?;
        a.ret();
        Ok(())
    });
    let mut total = 0u64;
    let mut fsum = 0.5f64;
    for i in 0..100u64 {
        // SAFETY: the snippet only clobbers registers.
        let exit = unsafe { exec::enter(code, VmRegs::default(), i) }.unwrap();
        total += exit.value;
        fsum *= 1.5;
    }
    assert_eq!(total, 4950);
    assert_eq!(fsum, 0.5 * 1.5f64.powi(100));
}

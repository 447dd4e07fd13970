//! Calls between Rust and JIT code, helpers (including nested helper → JIT → helper), host
//! memory, code memory (full, patched), and how failures are reported.

use std::cell::Cell;

use kiln::asm::aarch64::*;
use kiln::codemem::{CodeMemError, JitBuffer};
use kiln::exec::{self, helper_addr};
use pretty_assertions::assert_eq;

use crate::support::{publish, run};

/// Frame setup around code that calls out: `stp x29, x30, [sp, #-16]!; mov x29, sp`.
pub fn prologue(a: &mut Assembler) -> AsmResult {
    a.stp_pre(X29, X30, SP, -16)?;
    a.mov_sp(X29, SP);
    Ok(())
}

/// `ldp x29, x30, [sp], #16; ret`.
pub fn epilogue(a: &mut Assembler) -> AsmResult {
    a.ldp_post(X29, X30, SP, 16)?;
    a.ret();
    Ok(())
}

#[test]
fn arguments_arrive_in_x0_to_x7_and_x0_returns() {
    let got = run(
        |a| {
            for i in 1..8u8 {
                a.add(X0, X0, X(i));
            }
            a.ret();
            Ok(())
        },
        &[1, 2, 3, 4, 5, 6, 7, 8],
    );
    assert_eq!(got, 36);
}

extern "C" fn weigh(a: u64, b: u64, c: u64, d: u64, e: u64, f: u64, g: u64, h: u64) -> u64 {
    [a, b, c, d, e, f, g, h]
        .iter()
        .enumerate()
        .map(|(i, v)| v << (8 * i))
        .sum()
}

#[test]
fn jit_code_calls_a_rust_helper_with_eight_arguments_and_continues() {
    let got = run(
        |a| {
            prologue(a)?;
            a.stp_pre(X(19), X(20), SP, -16)?;
            a.mov(X(19), X0); // keep the argument across the call (callee-saved)
            for i in 0..8u8 {
                a.mov_imm64(X(i), (i as u64 + 1) * 0x11);
            }
            a.call_abs(helper_addr(weigh) as u64, X16);
            a.add(X0, X0, X(19));
            a.ldp_post(X(19), X(20), SP, 16)?;
            epilogue(a)
        },
        &[0x0100_0000_0000_0000],
    );
    assert_eq!(got, 0x8977_6655_4433_2211);
}

thread_local! {
    /// The JIT function the nesting helpers call back into (per test thread).
    static CALLBACK: Cell<usize> = const { Cell::new(0) };
}

extern "C" fn double(x: u64, _: u64, _: u64, _: u64, _: u64, _: u64, _: u64, _: u64) -> u64 {
    x * 2
}

/// Calls the JIT function in `CALLBACK` with `x + 1`, adds 1000 to its result.
extern "C" fn reenter(x: u64, _: u64, _: u64, _: u64, _: u64, _: u64, _: u64, _: u64) -> u64 {
    // SAFETY: the test stored a published function of one argument.
    let code = unsafe { kiln::codemem::CodePtr::from_addr(CALLBACK.with(Cell::get)) };
    // SAFETY: as above.
    let inner = unsafe { exec::call(code, &[x + 1]) }.expect("nested call");
    inner + 1000
}

#[test]
fn nested_helper_calls_jit_code_which_calls_a_helper() {
    // inner(y) = double(y) + 3
    let (_inner_buf, inner) = publish(|a| {
        prologue(a)?;
        a.call_abs(helper_addr(double) as u64, X16);
        a.add_imm(X0, X0, Imm12::new(3).unwrap());
        epilogue(a)
    });
    CALLBACK.with(|c| c.set(inner.addr()));
    // outer(x) = reenter(x) + (x19 and a stack slot, both live across the nested call)
    let got = run(
        |a| {
            prologue(a)?;
            a.stp_pre(X(19), X(20), SP, -16)?;
            a.mov_imm64(X(19), 0x5000);
            a.mov_imm64(X(9), 0x60000);
            a.str(X(9), Mem::pre(SP, -16))?;
            a.call_abs(helper_addr(reenter) as u64, X16);
            a.ldr(X(9), Mem::post(SP, 16))?;
            a.add(X0, X0, X(19));
            a.add(X0, X0, X(9));
            a.ldp_post(X(19), X(20), SP, 16)?;
            epilogue(a)
        },
        &[20],
    );
    // double(21) + 3 = 45; + 1000; + 0x5000 + 0x60000
    assert_eq!(got, 45 + 1000 + 0x5000 + 0x60000);
}

/// fact(n) = n == 0 ? 1 : n * reenter-style recursion through a helper.
extern "C" fn fact_helper(n: u64, _: u64, _: u64, _: u64, _: u64, _: u64, _: u64, _: u64) -> u64 {
    // SAFETY: the test stored the published `fact` function.
    let code = unsafe { kiln::codemem::CodePtr::from_addr(CALLBACK.with(Cell::get)) };
    // SAFETY: as above.
    unsafe { exec::call(code, &[n]) }.expect("nested fact")
}

#[test]
fn recursion_through_helpers_nests_twelve_deep() {
    let (_buf, fact) = publish(|a| {
        let base = a.new_label();
        a.cbz(X0, base);
        prologue(a)?;
        a.str(X0, Mem::pre(SP, -16))?;
        a.sub_imm(X0, X0, Imm12::new(1).unwrap());
        a.call_abs(helper_addr(fact_helper) as u64, X16);
        a.ldr(X(1), Mem::post(SP, 16))?;
        a.mul(X0, X0, X(1));
        epilogue(a)?;
        a.bind(base)?;
        a.mov_imm64(X0, 1);
        a.ret();
        Ok(())
    });
    CALLBACK.with(|c| c.set(fact.addr()));
    // SAFETY: `fact` only uses its own stack.
    let got = unsafe { exec::call(fact, &[12]) }.unwrap();
    assert_eq!(got, 479_001_600);
}

#[test]
fn helper_addresses_are_stable_and_shared_by_threads() {
    let here = helper_addr(double);
    assert_eq!(helper_addr(double), here);
    assert_ne!(helper_addr(weigh), here);
    let there = std::thread::spawn(|| {
        let addr = helper_addr(double);
        let got = run(
            |a| {
                prologue(a)?;
                a.call_abs(addr as u64, X16);
                epilogue(a)
            },
            &[21],
        );
        (addr, got)
    })
    .join()
    .unwrap();
    assert_eq!(there, (here, 42));
}

#[test]
fn jit_code_reads_and_writes_host_memory() {
    let mut data: Vec<u64> = (0..1024).collect();
    let got = run(
        |a| {
            // sum = data[3] + data[1000]; data[7] = sum
            a.ldr(X(1), Mem::off(X0, 3 * 8))?;
            a.ldr(X(2), Mem::off(X0, 1000 * 8))?;
            a.add(X(1), X(1), X(2));
            a.str(X(1), Mem::off(X0, 7 * 8))?;
            a.mov(X0, X(1));
            a.ret();
            Ok(())
        },
        &[data.as_mut_ptr() as u64],
    );
    assert_eq!(got, 1003);
    assert_eq!(data[7], 1003);
}

#[test]
fn jit_code_runs_on_the_reported_stack() {
    let sp = run(
        |a| {
            a.mov_sp(X0, SP);
            a.ret();
            Ok(())
        },
        &[],
    ) as usize;
    let range = exec::stack_range();
    assert!(
        range.low < sp && sp <= range.high,
        "sp {sp:#x} outside {range:x?}"
    );
    assert_eq!(sp % 16, 0);
}

#[test]
fn a_full_buffer_is_an_error_and_code_published_before_still_runs() {
    let mut buf = JitBuffer::new(4096).unwrap();
    let mut a = Assembler::new();
    a.mov_imm64(X0, 7);
    a.ret();
    let code = a.finalize().unwrap();
    let first = buf.publish(&code).unwrap();
    let mut published = 1;
    let err = loop {
        match buf.publish(&code) {
            Ok(_) => published += 1,
            Err(e) => break e,
        }
    };
    assert!(
        matches!(err, CodeMemError::Full { requested: 8, .. }),
        "{err}"
    );
    assert_eq!(published, 4096 / 16);
    // SAFETY: `first` returns a constant.
    assert_eq!(unsafe { exec::call(first, &[]) }.unwrap(), 7);
}

fn return_constant(value: u16) -> Vec<u8> {
    let mut a = Assembler::new();
    a.movz(X0, value, 0).unwrap();
    a.ret();
    a.finalize().unwrap()
}

#[test]
fn patched_and_republished_code_runs_the_new_instructions() {
    let mut buf = JitBuffer::new(4096).unwrap();
    let f = buf.publish(&return_constant(1)).unwrap();
    // SAFETY: `f` returns a constant.
    assert_eq!(unsafe { exec::call(f, &[]) }.unwrap(), 1);
    let offset = buf.offset_of(f).unwrap();
    buf.patch(offset, &return_constant(2)[..4]).unwrap();
    // SAFETY: as above.
    assert_eq!(unsafe { exec::call(f, &[]) }.unwrap(), 2);
}

thread_local! {
    static PATCH_TARGET: Cell<*mut JitBuffer> = const { Cell::new(std::ptr::null_mut()) };
}

/// Patches `movz x0, #a` at offset 0 of the test's buffer to `movz x0, #x`.
extern "C" fn patch_helper(x: u64, _: u64, _: u64, _: u64, _: u64, _: u64, _: u64, _: u64) -> u64 {
    let buf = PATCH_TARGET.with(Cell::get);
    // SAFETY: the test keeps the buffer alive and does not touch it during the call.
    let buf = unsafe { &mut *buf };
    buf.patch(0, &return_constant(x as u16)[..4]).unwrap();
    0
}

#[test]
fn code_patched_by_a_helper_mid_call_runs_the_new_instructions() {
    let mut target = JitBuffer::new(4096).unwrap();
    let f = target.publish(&return_constant(5)).unwrap();
    PATCH_TARGET.with(|c| c.set(&mut target));
    let got = run(
        |a| {
            prologue(a)?;
            a.stp_pre(X(19), X(20), SP, -16)?;
            a.call_abs(f.addr() as u64, X16); // 5
            a.mov(X(19), X0);
            a.movz(X0, 9, 0)?;
            a.call_abs(helper_addr(patch_helper) as u64, X16);
            a.call_abs(f.addr() as u64, X16); // now 9
            a.add_shifted(X0, X(19), X0, Shift::Lsl, 8)?;
            a.ldp_post(X(19), X(20), SP, 16)?;
            epilogue(a)
        },
        &[],
    );
    PATCH_TARGET.with(|c| c.set(std::ptr::null_mut()));
    assert_eq!(got, 5 + (9 << 8));
}

/// Failures the emulator reports as errors (natively they are signals).
#[cfg(all(feature = "emulator", not(target_arch = "aarch64")))]
mod emulated_failures {
    use kiln::asm::aarch64::*;
    use kiln::exec::{self, Access, ExecError, Limits, helper_addr};
    use pretty_assertions::assert_eq;

    use super::{epilogue, prologue};
    use crate::support::{publish, run, try_run};

    #[test]
    fn a_load_from_an_unmapped_address_is_an_error() {
        let (_buf, f) = publish(|a| {
            a.ldr(X0, Mem::off(X0, 0))?;
            a.ret();
            Ok(())
        });
        // SAFETY: the load faults in the guest, never on the host.
        let err = unsafe { exec::call(f, &[8]) }.unwrap_err();
        assert_eq!(
            err,
            ExecError::Unmapped {
                access: Access::Read,
                addr: 8,
                pc: f.addr() as u64
            }
        );
        // The executor is still usable.
        assert_eq!(
            run(
                |a| {
                    a.movz(X0, 3, 0)?;
                    a.ret();
                    Ok(())
                },
                &[]
            ),
            3
        );
    }

    #[test]
    fn a_write_to_published_code_is_an_error() {
        let (_buf, f) = publish(|a| {
            let here = a.here();
            a.adr(X(1), here);
            a.str(X0, Mem::off(X(1), 0))?;
            a.ret();
            Ok(())
        });
        // SAFETY: the store faults in the guest.
        let err = unsafe { exec::call(f, &[0]) }.unwrap_err();
        assert_eq!(
            err,
            ExecError::Protected {
                access: Access::Write,
                addr: f.addr() as u64,
                pc: f.addr() as u64 + 4
            }
        );
    }

    #[test]
    fn brk_udf_and_jumps_into_nowhere_are_errors() {
        let (_b1, brk) = publish(|a| {
            a.nop();
            a.brk(0x42);
            Ok(())
        });
        let (_b2, udf) = publish(|a| {
            a.udf(7);
            Ok(())
        });
        // SAFETY: each snippet traps in the guest.
        unsafe {
            assert_eq!(
                exec::call(brk, &[]),
                Err(ExecError::Breakpoint {
                    pc: brk.addr() as u64 + 4,
                    imm: 0x42
                })
            );
            assert_eq!(
                exec::call(udf, &[]),
                Err(ExecError::IllegalInstruction {
                    pc: udf.addr() as u64
                })
            );
        }
        let err = try_run(
            |a| {
                a.movz(X(1), 0x10, 0)?;
                a.br(X(1));
                Ok(())
            },
            &[],
        );
        assert_eq!(
            err,
            Err(ExecError::Unmapped {
                access: Access::Fetch,
                addr: 0x10,
                pc: 0x10
            })
        );
    }

    extern "C" fn forget_and_count(
        start: u64,
        len: u64,
        _: u64,
        _: u64,
        _: u64,
        _: u64,
        _: u64,
        _: u64,
    ) -> u64 {
        let (before, _) = exec::emu::mapping_counts();
        exec::forget(start as usize, len as usize);
        let (after, _) = exec::emu::mapping_counts();
        ((before as u64) << 16) | after as u64
    }

    #[test]
    fn forgotten_memory_is_unmapped_and_everything_is_dropped_after_the_call() {
        let mut data = Box::new([5u64; 4]);
        let addr = data.as_mut_ptr() as u64;
        let got = run(
            |a| {
                prologue(a)?;
                a.stp_pre(X(19), X(20), SP, -16)?;
                a.mov(X(19), X0);
                a.ldr(X(20), Mem::off(X0, 0))?; // maps the page holding `data`
                a.movz(X(1), 32, 0)?;
                a.call_abs(helper_addr(forget_and_count) as u64, X16);
                a.ldr(X(2), Mem::off(X(19), 8))?; // mapped again on demand
                a.add(X(2), X(2), X(20));
                a.add_shifted(X0, X(2), X0, Shift::Lsl, 8)?;
                a.ldp_post(X(19), X(20), SP, 16)?;
                epilogue(a)
            },
            &[addr],
        );
        // One data mapping before forget, none after; the reload still read 5.
        assert_eq!(got, ((1 << 16) << 8) + 10);
        assert_eq!(exec::emu::mapping_counts().0, 0);
    }

    extern "C" fn call_back_in(
        _: u64,
        _: u64,
        _: u64,
        _: u64,
        _: u64,
        _: u64,
        _: u64,
        _: u64,
    ) -> u64 {
        let (_buf, f) = publish(|a| {
            a.ret();
            Ok(())
        });
        // SAFETY: `f` only returns.
        match unsafe { exec::call(f, &[]) } {
            Err(ExecError::StackOverflow { .. }) => 1,
            other => panic!("expected StackOverflow, got {other:?}"),
        }
    }

    #[test]
    fn a_nested_call_without_stack_left_is_an_error() {
        let low = exec::stack_range().low as u64;
        let got = run(
            |a| {
                a.mov_sp(X(9), SP);
                a.mov(X(10), X30);
                a.add_imm(X0, X0, Imm12::new(1024).unwrap());
                a.mov_sp(SP, X0);
                a.call_abs(helper_addr(call_back_in) as u64, X16);
                a.mov_sp(SP, X(9));
                a.mov(X30, X(10));
                a.ret();
                Ok(())
            },
            &[low],
        );
        assert_eq!(got, 1);
    }

    #[test]
    fn code_that_does_not_restore_callee_saved_registers_is_an_error() {
        let clobber_x19 = try_run(
            |a| {
                a.mov(X(19), X0);
                a.ret();
                Ok(())
            },
            &[1],
        );
        assert_eq!(
            clobber_x19,
            Err(ExecError::CalleeSavedClobbered { reg: "x19" })
        );
        let clobber_d15 = try_run(
            |a| {
                a.fmov_imm(D(15), 1.0)?;
                a.ret();
                Ok(())
            },
            &[],
        );
        assert_eq!(
            clobber_d15,
            Err(ExecError::CalleeSavedClobbered { reg: "d15" })
        );
        let leave_sp = try_run(
            |a| {
                a.sub_imm(SP, SP, Imm12::new(16).unwrap());
                a.ret();
                Ok(())
            },
            &[],
        );
        assert_eq!(leave_sp, Err(ExecError::CalleeSavedClobbered { reg: "sp" }));
    }

    thread_local! {
        static FAULTY: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }

    /// Calls the faulting function in `FAULTY`; returns 7 if that failed as expected.
    extern "C" fn call_faulty(
        _: u64,
        _: u64,
        _: u64,
        _: u64,
        _: u64,
        _: u64,
        _: u64,
        _: u64,
    ) -> u64 {
        // SAFETY: the test stored a published function; its fault stays in the guest.
        let f = unsafe { kiln::codemem::CodePtr::from_addr(FAULTY.with(|c| c.get())) };
        // SAFETY: as above.
        match unsafe { exec::call(f, &[16]) } {
            Err(ExecError::Unmapped {
                access: Access::Write,
                addr: 16,
                ..
            }) => 7,
            other => panic!("expected a write fault, got {other:?}"),
        }
    }

    #[test]
    fn a_fault_in_a_nested_call_is_reported_to_the_helper_and_the_caller_continues() {
        let (_buf, faulty) = publish(|a| {
            a.str(X0, Mem::off(X0, 0))?;
            a.ret();
            Ok(())
        });
        FAULTY.with(|c| c.set(faulty.addr()));
        let got = run(
            |a| {
                prologue(a)?;
                a.str(X0, Mem::pre(SP, -16))?;
                a.call_abs(helper_addr(call_faulty) as u64, X16);
                a.ldr(X(1), Mem::post(SP, 16))?;
                a.add(X0, X0, X(1));
                epilogue(a)
            },
            &[100],
        );
        assert_eq!(got, 107);
    }

    #[test]
    fn svc_is_an_exception() {
        let (_buf, f) = publish(|a| {
            a.emit(0xd400_0001); // svc #0 (the assembler has no svc: JIT code never needs it)
            a.ret();
            Ok(())
        });
        // SAFETY: the trap stays in the guest.
        let err = unsafe { exec::call(f, &[]) };
        assert!(
            matches!(err, Err(ExecError::Exception { intno: 2, .. })),
            "{err:?}"
        );
    }

    #[test]
    fn an_endless_loop_stops_at_the_instruction_limit() {
        exec::set_limits(Limits {
            max_instructions: Some(10_000),
            timeout: None,
        });
        let (_buf, f) = publish(|a| {
            let top = a.here();
            a.add_imm(X0, X0, Imm12::new(1).unwrap());
            a.b(top);
            Ok(())
        });
        // SAFETY: the loop touches no memory.
        let err = unsafe { exec::call(f, &[]) };
        exec::set_limits(Limits::default());
        assert!(
            matches!(err, Err(ExecError::LimitReached { .. })),
            "{err:?}"
        );
    }

    #[test]
    fn an_endless_loop_stops_at_the_time_limit() {
        exec::set_limits(Limits {
            max_instructions: None,
            timeout: Some(std::time::Duration::from_millis(50)),
        });
        let (_buf, f) = publish(|a| {
            let top = a.here();
            a.b(top);
            Ok(())
        });
        // SAFETY: the loop touches no memory.
        let err = unsafe { exec::call(f, &[]) };
        exec::set_limits(Limits::default());
        assert!(
            matches!(err, Err(ExecError::LimitReached { .. })),
            "{err:?}"
        );
    }
}

#[test]
fn code_run_in_an_earlier_call_and_patched_by_a_helper_runs_the_new_instructions() {
    let mut target = JitBuffer::new(4096).unwrap();
    let f = target.publish(&return_constant(5)).unwrap();
    // SAFETY: `f` returns a constant.
    assert_eq!(unsafe { exec::call(f, &[]) }.unwrap(), 5);
    PATCH_TARGET.with(|c| c.set(&mut target));
    let got = run(
        |a| {
            prologue(a)?;
            a.movz(X0, 11, 0)?;
            a.call_abs(helper_addr(patch_helper) as u64, X16);
            a.call_abs(f.addr() as u64, X16);
            epilogue(a)
        },
        &[],
    );
    PATCH_TARGET.with(|c| c.set(std::ptr::null_mut()));
    assert_eq!(got, 11);
}

#[test]
fn threads_compile_and_run_code_concurrently() {
    let handles: Vec<_> = (0..8u64)
        .map(|t| {
            std::thread::spawn(move || {
                let mut results = Vec::new();
                for i in 0..20u64 {
                    // Each round publishes fresh code (logging writes other threads consume)
                    // and calls a helper from it.
                    let got = run(
                        |a| {
                            prologue(a)?;
                            a.mov_imm64(X(1), t * 1000 + i);
                            a.add(X0, X0, X(1));
                            a.call_abs(helper_addr(double) as u64, X16);
                            epilogue(a)
                        },
                        &[1],
                    );
                    results.push(got);
                }
                (t, results)
            })
        })
        .collect();
    for h in handles {
        let (t, results) = h.join().unwrap();
        let want: Vec<u64> = (0..20).map(|i| 2 * (1 + t * 1000 + i)).collect();
        assert_eq!(results, want);
    }
}

#[test]
fn a_new_buffer_at_a_released_buffers_address_runs_its_own_code() {
    let mut same_address_seen = false;
    for round in 0..20u16 {
        let mut first = JitBuffer::new(1 << 20).unwrap();
        let f = first.publish(&return_constant(round)).unwrap();
        // SAFETY: `f` returns a constant.
        assert_eq!(unsafe { exec::call(f, &[]) }.unwrap(), round as u64);
        let old = first.base();
        drop(first);
        let mut second = JitBuffer::new(1 << 20).unwrap();
        same_address_seen |= second.base() == old;
        let g = second.publish(&return_constant(round + 100)).unwrap();
        // SAFETY: `g` returns a constant.
        assert_eq!(unsafe { exec::call(g, &[]) }.unwrap(), round as u64 + 100);
    }
    // Linux normally hands the freed range straight back; if it never did, this test did not
    // exercise the emulator's translation cache as it means to. (qemu-user allocates guest
    // addresses its own way, so natively under QEMU reuse is not expected.)
    if exec::BACKEND == exec::Backend::Emulated {
        assert!(same_address_seen, "no buffer reused a released address");
    }
}
